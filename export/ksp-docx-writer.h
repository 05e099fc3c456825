/* ksp-docx-writer.h: the ministry's DOCX layout of an order and its appendix (the standard)
 *
 * A4 portrait, margins 30/15/20/20 mm (left/right/top/bottom), Times New Roman 14 pt in the document
 * defaults, single spacing, justified body, page numbers at the top centre. The order: title, act line,
 * editorial notes, preamble, numbered items and sub-items, signature as a borderless two-cell table; the
 * appendix on a new page: the right-hand header block, the standard's title, chapters with continuous
 * paragraph numbering, the card list, each card as a two-column table (label | value) with its labour
 * functions, skills, abilities and knowledge, and chapter 4. Kazakh export uses the Kazakh labels.
 *
 * The package is built with libxml2's xmlTextWriter and libzip from a template in a GResource (styles,
 * numbering, settings, header), with fixed timestamps, so the same tree gives the same bytes. The whole
 * model also travels inside, as Kasip XML in customXml/item1.xml with a fingerprint of the visible text:
 * reading our own file back is lossless (IDs included) as long as nobody changed the text in Word.
 */
#pragma once

#include "ksp-docx-builder.h"
#include "ksp-node.h"

G_BEGIN_DECLS

gboolean ksp_docx_writer_write_file (KspNode     *root,
                                     KspLang      lang,
                                     const char  *path,
                                     GError     **error);
char    *ksp_docx_writer_fingerprint (KspNode   *root,
                                      KspLang    lang,
                                      GError   **error);
char    *ksp_docx_writer_document_xml (KspNode   *root,
                                       KspLang    lang,
                                       gsize     *out_length,
                                       GError   **error);

/* One element in the standard's layout, into another document built on the same template (a card quoted
 * by an amending order). FALSE for a kind without a layout of its own. */
gboolean ksp_docx_writer_write_element (KspDocxBuilder *builder,
                                        KspNode        *element,
                                        KspLang         lang);

G_END_DECLS
