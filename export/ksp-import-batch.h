/* ksp-import-batch.h: imports several files into a workspace, all or nothing
 *
 * Every file is read first (ksp_read_any_file(), or the sector qualification framework as reference
 * data); then all of them are stored in one transaction. If any file is refused or cannot be stored,
 * nothing is imported, unless the caller asks to keep going (then what could be imported is, and each
 * refused file says why). A crash or a full disk in the middle leaves the workspace as it was.
 */
#pragma once

#include "ksp-import-report.h"
#include "ksp-node.h"
#include "ksp-store.h"

G_BEGIN_DECLS

typedef struct {
  char            *path;
  KspNode         *root;          /* the standard read, or NULL */
  KspImportReport *report;
  char            *reference;     /* reference data instead of a standard: its text */
  guint            n_occupations; /* of the reference data */
  GError          *error;         /* why the file was refused or not stored */
  gboolean         stored;
} KspImportItem;

void       ksp_import_item_free   (KspImportItem      *item);
GPtrArray *ksp_import_batch_read  (const char *const  *paths);
gboolean   ksp_import_batch_store (KspStore           *store,
                                   GPtrArray          *items,
                                   gboolean            keep_going,
                                   GError            **error);

G_END_DECLS
