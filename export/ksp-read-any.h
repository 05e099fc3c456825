/* ksp-read-any.h: reads a standard from a file of any kind Kasip knows
 *
 * The kind is told by the file's first bytes, not by its name: a zip package is read as DOCX, a file
 * that starts with "<?xml" or "<kasip" (after an optional BOM and blanks) as Kasip XML, anything else
 * as the portal's published text. The CLI, the editor and the fuzzing harness all come through here.
 *
 * What the readers did not understand is refused, never imported empty: a published text or a DOCX's
 * visible text in which no profession card was recognised is KSP_IMPORT_ERROR_FORMAT naming the file and
 * the layouts Kasip expects. A standard with cards but with more than KSP_READ_ANY_MAX_UNPLACED of its
 * words left unplaced gets a "many-not-placed" entry in the report (see ksp_read_any_is_doubtful()).
 */
#pragma once

#include "ksp-import-report.h"
#include "ksp-node.h"

G_BEGIN_DECLS

/* The share of a standard's words that may be left unplaced before the import is called doubtful. */
#define KSP_READ_ANY_MAX_UNPLACED 0.02

typedef enum {
  KSP_FILE_KIND_TEXT,  /* the portal's published text */
  KSP_FILE_KIND_DOCX,
  KSP_FILE_KIND_XML,   /* Kasip XML */
} KspFileKind;

KspFileKind ksp_read_any_sniff        (const char       *path);
KspNode    *ksp_read_any_file         (const char       *path,
                                       KspImportReport **out_report,
                                       GError          **error);
double      ksp_read_any_unplaced_share (KspNode        *root);
gboolean    ksp_read_any_is_doubtful  (KspImportReport  *report);

G_END_DECLS
