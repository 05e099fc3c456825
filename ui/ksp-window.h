/* ksp-window.h: the editor window: a standard's outline, the form of the selected element and, on
 * demand (win.show-checks), the Checks panel with the validator's findings, kept up to date while editing */
#pragma once

#include <adwaita.h>

#include "ksp-application.h"
#include "ksp-document.h"
#include "ksp-element-form.h"
#include "ksp-findings-view.h"
#include "ksp-outline-view.h"
#include "ksp-workspace.h"

G_BEGIN_DECLS

#define KSP_TYPE_WINDOW (ksp_window_get_type ())
G_DECLARE_FINAL_TYPE (KspWindow, ksp_window, KSP, WINDOW, AdwApplicationWindow)

/* How often the workspace lock is refreshed while the window may write. */
#define KSP_WINDOW_HEARTBEAT_SECONDS 30

KspWindow      *ksp_window_new              (KspApplication *app);
gboolean        ksp_window_open_workspace   (KspWindow      *self,
                                             const char     *uri,
                                             GError        **error);
gboolean        ksp_window_open_sample      (KspWindow      *self,
                                             GError        **error);
gboolean        ksp_window_new_workspace    (KspWindow      *self,
                                             const char     *path,
                                             GError        **error);
void            ksp_window_import_files     (KspWindow      *self,
                                             const char *const *paths);
KspStore       *ksp_window_get_store        (KspWindow      *self);
KspWorkspace   *ksp_window_get_workspace    (KspWindow      *self);
KspDocument    *ksp_window_get_document     (KspWindow      *self);
KspElementForm *ksp_window_get_form         (KspWindow      *self);
KspOutlineView *ksp_window_get_outline      (KspWindow      *self);
KspFindingsView *ksp_window_get_findings_view (KspWindow    *self);
gboolean        ksp_window_select_element   (KspWindow      *self,
                                             const char     *id);
gboolean        ksp_window_is_read_only     (KspWindow      *self);
GActionGroup   *ksp_window_get_element_actions (KspWindow   *self);
void            ksp_window_show_error       (KspWindow      *self,
                                             const char     *message);
void            ksp_window_export_to_file_in (KspWindow     *self,
                                             const char     *format,
                                             const char     *path,
                                             KspLang         lang);
gboolean        ksp_window_export_for_publication (KspWindow *self,
                                             const char     *format,
                                             const char     *path,
                                             KspLang         lang,
                                             GError        **error);
void            ksp_window_export_to_file   (KspWindow      *self,
                                             const char     *format,
                                             const char     *path);
gboolean        ksp_window_is_checking      (KspWindow      *self);
gboolean        ksp_window_is_exporting     (KspWindow      *self);

G_END_DECLS
