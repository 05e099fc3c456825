/* ksp-import-report.h: what an importer could not read as written: one entry per problem, with the
 * source line, a rule name, what was expected and what was done. Nothing is dropped silently: text that
 * could not be placed is kept in a "not_placed" element and listed here too. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint  line;
  char  *rule;    /* short stable name: "not-placed", "label-no-colon", "html-removed", ... */
  char  *message;
} KspImportWarning;

typedef struct _KspImportReport KspImportReport;

KspImportReport *ksp_import_report_new      (const char      *file);
void             ksp_import_report_free     (KspImportReport *self);
void             ksp_import_report_add      (KspImportReport *self,
                                             guint            line,
                                             const char      *rule,
                                             const char      *format,
                                             ...) G_GNUC_PRINTF (4, 5);
const char      *ksp_import_report_get_file (KspImportReport *self);
guint            ksp_import_report_get_n    (KspImportReport *self);
const KspImportWarning *ksp_import_report_get (KspImportReport *self,
                                             guint            i);
guint            ksp_import_report_count_rule (KspImportReport *self,
                                             const char      *rule);
void             ksp_import_report_add_structure (KspImportReport *self,
                                             const char      *text,
                                             gssize           length);
const char      *ksp_import_report_get_structure (KspImportReport *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspImportReport, ksp_import_report_free)

G_END_DECLS
