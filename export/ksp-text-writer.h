/* ksp-text-writer.h: a document as readable plain text, in Russian or Kazakh, with the labels of the
 * published layout. Used by `kasip show`; the full adilet/DOCX/XML writers come with publishing. */
#pragma once

#include "ksp-node.h"

G_BEGIN_DECLS

char *ksp_text_writer_write (KspNode *root,
                             KspLang  lang);

G_END_DECLS
