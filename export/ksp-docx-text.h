/* ksp-docx-text.h: the visible text of a WordprocessingML body, as lines
 *
 * What a reader of the document sees, one line per paragraph (and per line break), in document order:
 * table cells row by row (a cell merged into the one above it is skipped), content controls, insertions
 * and hyperlinks unwrapped, deletions left out (tracked changes taken as accepted), mc:AlternateContent
 * read through its fallback, automatic list numbers written out. Both the DOCX reader and the writer's
 * fingerprint use it, so "unchanged" means the same visible text.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray *ksp_docx_text_lines       (const char  *document_xml,
                                      gsize        length,
                                      const char  *numbering_xml, /* nullable */
                                      gsize        numbering_length,
                                      GError     **error);
char      *ksp_docx_text_fingerprint (const char  *document_xml,
                                      gsize        length,
                                      GError     **error);

G_END_DECLS
