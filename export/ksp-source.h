/* ksp-source.h: a published text, checked and cut into lines and cells
 *
 * Loading refuses what is not a text of a standard, with a message naming the file and the line: an
 * empty file, a binary file (NUL bytes), invalid UTF-8, control characters, a file over the size limit.
 * Lines are split on TAB into cells; each cell is cleaned of HTML leftovers (<p>, <ol …>, entities),
 * U+00A0 and runs of blanks. What cleaning removed is counted so the report can say so.
 */
#pragma once

#include <glib.h>

#include "ksp-import-report.h"

G_BEGIN_DECLS

#define KSP_SOURCE_MAX_BYTES (16 * 1024 * 1024)

#define KSP_IMPORT_ERROR (ksp_import_error_quark ())
GQuark ksp_import_error_quark (void);

typedef enum {
  KSP_IMPORT_ERROR_UNREADABLE, /* missing, unreadable, too large */
  KSP_IMPORT_ERROR_NOT_TEXT,   /* binary, invalid UTF-8, control characters, empty */
  KSP_IMPORT_ERROR_FORMAT,     /* text, but not a standard Kasip can read */
  KSP_IMPORT_ERROR_TRUNCATED,  /* the text stops where a standard cannot end: the file seems cut off */
} KspImportError;

typedef struct {
  char  *text;  /* cleaned, never empty */
  guint  line;  /* 1-based source line */
  guint  cell;  /* 0-based TAB cell */
} KspSegment;

typedef struct {
  char      *path;
  char      *contents;
  gsize      length;
  GPtrArray *lines;     /* char *, raw lines without the newline */
  GArray    *segments;  /* KspSegment, in reading order */
  gboolean   tabular;   /* most content lines are TAB-separated cells (seed 000's layout) */
} KspSource;

KspSource *ksp_source_load       (const char       *path,
                                  KspImportReport  *report,
                                  GError          **error);
KspSource *ksp_source_new_from_data (const char    *name,
                                  const char       *data,
                                  gsize             length,
                                  KspImportReport  *report,
                                  GError          **error);
void       ksp_source_free       (KspSource        *self);
char      *ksp_source_clean_cell (const char       *cell,
                                  gboolean         *had_markup);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspSource, ksp_source_free)

G_END_DECLS
