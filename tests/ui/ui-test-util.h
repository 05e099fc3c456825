/* ui-test-util.h: what the editor's UI tests share — running the main loop, screenshots, finding widgets,
 * typing into the form, the element actions */
#pragma once

#include <adwaita.h>

#include "ksp-window.h"

G_BEGIN_DECLS

/* A window on a temporary workspace holding the sample (fixture_set_up). */
typedef struct {
  char      *dir;
  char      *path;
  KspWindow *window;
} Fixture;

void       make_sample_workspace  (const char    *path);
void       fixture_set_up         (Fixture       *fixture,
                                   gconstpointer  data);
void       fixture_tear_down      (Fixture       *fixture,
                                   gconstpointer  data);

void       iterate_for            (guint       ms);
void       wait_for_window        (KspWindow  *window);
void       save_widget_screenshot (GtkWidget  *widget,
                                   const char *name);
void       save_screenshot        (KspWindow  *window,
                                   const char *name);
KspNode   *find_kind              (KspNode    *node,
                                   const char *kind);
gboolean   has_label              (GtkWidget  *widget,
                                   const char *text);
GtkWidget *find_label             (GtkWidget  *widget,
                                   const char *text);
gboolean   has_label_prefix       (GtkWidget  *widget,
                                   const char *prefix);
void       activate_entry         (GtkWidget  *entry);
GtkWidget *editor_input           (KspWindow  *window,
                                   const char *field,
                                   KspLang     lang);
char      *text_view_text         (GtkWidget  *view);
char      *input_text             (GtkWidget  *input);
void       set_input              (GtkWidget  *input,
                                   const char *text);
GtkWidget *find_widget_of_type    (GtkWidget  *widget,
                                   GType       type);
void       type_into              (KspWindow  *window,
                                   const char *field,
                                   KspLang     lang,
                                   const char *text);
KspNode   *selected_node          (KspWindow  *window);
void       element_action         (KspWindow  *window,
                                   const char *name,
                                   const char *kind);

void       wait_for_checks        (KspWindow  *window);
AdwMessageDialog *find_message_dialog (KspWindow *window);
char      *isolate_user_dirs      (void);
void       remove_tree            (const char *path);
void       drag_row               (KspWindow  *window,
                                   KspNode    *node,
                                   KspNode    *target,
                                   double      fy,
                                   const char *screenshot);
void       ui_test_init           (int        *argc,
                                   char     ***argv);
GtkWidget *find_button            (GtkWidget  *widget,
                                   const char *label);
void       click                  (GtkWidget  *button);
gulong     watch_export           (KspWindow  *window,
                                   char      **result);
void       wait_export            (KspWindow  *window,
                                   gulong      handler,
                                   char      **result);
void       press_keys             (gpointer         window,
                                   guint            keyval,
                                   GdkModifierType  mods);

G_END_DECLS
