/* ksp-findings-view.h: the "Checks" panel, the validator's findings on the open standard
 *
 * Lists findings (see ksp-validator.h) errors first, each with its severity's icon, its rule, the
 * element's readable path and the message, under a line counting them by severity. Activating a row
 * that names an element emits ::finding-activated with the element's ID. Paths and messages are in
 * the interface's language (ksp_ui_lang_default()) unless set with ksp_findings_view_set_language().
 */
#pragma once

#include <gtk/gtk.h>

#include "ksp-validator.h"

G_BEGIN_DECLS

#define KSP_TYPE_FINDINGS_VIEW (ksp_findings_view_get_type ())
G_DECLARE_FINAL_TYPE (KspFindingsView, ksp_findings_view, KSP, FINDINGS_VIEW, GtkWidget)

GtkWidget        *ksp_findings_view_new           (void);
void              ksp_findings_view_set_findings  (KspFindingsView *self,
                                                   GPtrArray       *findings);
void              ksp_findings_view_set_language  (KspFindingsView *self,
                                                   KspUiLang        lang);
KspUiLang         ksp_findings_view_get_language  (KspFindingsView *self);
guint             ksp_findings_view_get_n_findings (KspFindingsView *self);
const KspFinding *ksp_findings_view_get_finding   (KspFindingsView *self,
                                                   guint            index);
const char       *ksp_findings_view_get_summary   (KspFindingsView *self);
gboolean          ksp_findings_view_activate_row  (KspFindingsView *self,
                                                   guint            index);

GtkWidget        *ksp_finding_severity_icon_new   (KspSeverity      severity);

G_END_DECLS
