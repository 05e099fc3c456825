/* ksp-docx-reader.h: reads a standard from a DOCX file
 *
 * Our own exports carry the model (customXml/item1.xml) with a fingerprint of their visible text; when
 * the text is unchanged, that model is read: lossless, element IDs included. Otherwise (edited in Word,
 * or made by Word or LibreOffice in the ministry's layout) the visible text is read — tables flattened,
 * merged cells, content controls and tracked changes (taken as accepted) handled — and goes through
 * the same reader as the portal's text.
 *
 * Packages are checked before they are trusted: entry count, sizes and compression ratio are capped
 * (zip bombs), XML is parsed without network access, DTDs or entity expansion.
 */
#pragma once

#include "ksp-import-report.h"
#include "ksp-node.h"

G_BEGIN_DECLS

#define KSP_DOCX_MAX_ENTRIES     4096
#define KSP_DOCX_MAX_ENTRY_BYTES (64 * 1024 * 1024)
#define KSP_DOCX_MAX_TOTAL_BYTES (256 * 1024 * 1024)
#define KSP_DOCX_MAX_RATIO       200

typedef enum {
  KSP_DOCX_SOURCE_MODEL, /* the embedded model, the text unchanged since export */
  KSP_DOCX_SOURCE_TEXT,  /* the visible text */
} KspDocxSource;

gboolean ksp_docx_reader_sniff     (const char       *path);
KspNode *ksp_docx_reader_read_file (const char       *path,
                                    gboolean          text_only,
                                    KspDocxSource    *out_source,
                                    KspImportReport **out_report,
                                    GError          **error);
char    *ksp_docx_reader_text      (const char       *path,
                                    GError          **error);

G_END_DECLS
