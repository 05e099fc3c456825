/* ksp-xml-writer.h: a document as Kasip XML (docs/xml-format.md, data/kasip-1.xsd)
 *
 * Lossless: IDs, numbers as written, source lines, every value in every language with its state (absent,
 * empty, dash, text) and the order of children. Output is deterministic (same tree, same bytes) and
 * indented. Text XML cannot hold (C0 control characters other than TAB, LF, CR; invalid UTF-8) is not
 * written: the call fails with G_IO_ERROR_INVALID_DATA naming the element and the field.
 */
#pragma once

#include "ksp-node.h"
#include "ksp-store.h"

G_BEGIN_DECLS

char     *ksp_xml_writer_write      (KspNode              *root,
                                     const KspEditionInfo *edition,
                                     gsize                *out_length,
                                     GError              **error);
gboolean  ksp_xml_writer_write_file (KspNode              *root,
                                     const KspEditionInfo *edition,
                                     const char           *path,
                                     GError              **error);

G_END_DECLS
