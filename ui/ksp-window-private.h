/* ksp-window-private.h: what the window's aspects in other files share with ksp-window.c */
#pragma once

#include "ksp-field-editor.h"
#include "ksp-window.h"

G_BEGIN_DECLS

/* ksp-window-structure.c: the "element" actions, the outline's context menu, their shortcuts */
void _ksp_window_structure_setup  (KspWindow *window);
void _ksp_window_structure_update (KspWindow *window);
void _ksp_window_structure_dispose (KspWindow *window);

/* ksp-window-keys.c: window-wide shortcuts, Tab and F6 between outline and form */
void _ksp_window_keys_setup (KspWindow *window);
void _ksp_window_add_shortcut (GtkShortcutController *controller,
                               guint                  key,
                               GdkModifierType        mods,
                               const char            *action);

/* ksp-window-search.c: Ctrl+F over the standard, Ctrl+L to a card */
void _ksp_window_search_setup  (KspWindow *window);
/* ksp-window-shared.c: conflicts, a lost connection */
void _ksp_window_show_conflict (KspWindow         *window,
                                KspFieldEditor    *editor,
                                const KspConflict *conflict,
                                const char        *field_name);
void     _ksp_window_keep_offline  (KspWindow      *window,
                                    KspFieldEditor *editor,
                                    KspNode        *node,
                                    const char     *text,
                                    const char     *seen,
                                    const char     *field_name);
guint    _ksp_window_get_n_offline (KspWindow      *window);
gboolean _ksp_window_retry_offline (KspWindow      *window);
void     _ksp_window_ask_close_offline (KspWindow  *window);
void     _ksp_window_offline_restore   (KspWindow  *window);
void     _ksp_window_presence_update   (KspWindow  *window);
void     _ksp_window_presence_selected (KspWindow  *window,
                                        KspNode    *node);
/* ksp-window.c */
void     _ksp_window_close_anyway  (KspWindow      *window);

void _ksp_window_search_update (KspWindow *window);
void _ksp_window_search_dispose (KspWindow *window);

/* ksp-window-session.c: size, panes and the place in each workspace, kept between sessions */
void       _ksp_window_session_setup         (KspWindow *window);
void       _ksp_window_session_save_place    (KspWindow *window);
void       _ksp_window_session_place_changed (KspWindow *window);
void       _ksp_window_session_restore_place (KspWindow *window);
GSettings *_ksp_window_session_settings      (void);

/* ksp-window-recovery.c: what a session that ended without closing left */
void        _ksp_window_recovery_begin   (const char  *location);
void        _ksp_window_recovery_end     (const char  *location);
char       *_ksp_window_recovery_find    (const char  *location);
char       *_ksp_window_recovery_message (KspStore    *store,
                                          KspDocument *document,
                                          const char  *since);

/* ksp-window-files.c: File → New Workspace, File → Import */
void        _ksp_window_files_class_init (GtkWidgetClass *widget_class);
void        _ksp_window_files_setup      (KspWindow      *window);
void        _ksp_window_files_update     (KspWindow      *window);
char       *_ksp_window_chosen_path      (GtkNativeDialog *dialog,
                                          int              response);
GtkFileChooserNative *_ksp_window_file_chooser (gpointer              window,   /* a GtkWindow: the editor's or a dialog */
                                                const char           *title,
                                                GtkFileChooserAction  action,
                                                const char           *accept,
                                                const char           *filter_name,
                                                const char *const    *patterns);

GtkWidget  *_ksp_window_page_dialog_new (KspWindow  *window,
                                         const char *title,
                                         GtkWidget  *title_widget,
                                         int         width,
                                         int         height,
                                         GtkWidget **out_page);
void        _ksp_window_add_language_choice (GtkFileChooser *chooser,
                                             KspLang         default_lang);
KspLang     _ksp_window_chosen_lang      (GtkFileChooser  *chooser);

/* ksp-window-editions.c: Editions… (freeze, list, open read-only, revert) and the text in force on a date */
void _ksp_window_editions_setup (KspWindow *window);

/* ksp-window-review.c: Review… (change sets: compare, submit, approve, reject, revert), the review panel
 * beside the form (F9), the outline's marks, the name you are shown by */
void _ksp_window_review_setup             (KspWindow   *window);
void _ksp_window_review_workspace_changed (KspWindow   *window);
void _ksp_window_review_set_document      (KspWindow   *window,
                                           KspDocument *document);

/* ksp-window.c, for the application: the workspace opened after the window's first frame */
void     _ksp_window_open_workspace_when_shown (KspWindow  *window,
                                                const char *uri);
gboolean _ksp_window_is_opening                (KspWindow  *window);

/* ksp-window.c, for the aspects */
GtkPaned   *_ksp_window_get_outline_paned  (KspWindow  *window);
GtkPaned   *_ksp_window_get_checks_paned   (KspWindow  *window);
GtkPaned   *_ksp_window_get_review_paned   (KspWindow  *window);
struct _KspReviewPanel *_ksp_window_get_review_panel (KspWindow *window);   /* NULL until first shown */
struct _KspReviewPanel *_ksp_window_ensure_review_panel (KspWindow *window);
GtkWidget  *_ksp_window_get_notice_bar     (KspWindow  *window);
const char *_ksp_window_get_standard_handle (KspWindow *window);
gboolean    _ksp_window_select_standard    (KspWindow  *window,
                                            const char *handle);
gboolean    _ksp_window_select_standard_node (KspWindow  *window,
                                              const char *node_id);
KspStandardInfo *_ksp_window_get_standard  (KspWindow  *window);
void        _ksp_window_show_view          (KspWindow   *window,
                                            KspDocument *view,
                                            const char  *title);
void        _ksp_window_show_draft         (KspWindow  *window);
gboolean    _ksp_window_is_showing_view    (KspWindow  *window);

G_END_DECLS
