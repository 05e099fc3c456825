/* ksp-application.c: the GtkApplication of the editor */
#include "config.h"

#include <glib/gi18n.h>

#include "ksp-application.h"
#include "ksp-bench-probe.h"
#include "ksp-window.h"
#include "ksp-window-private.h"

struct _KspApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (KspApplication, ksp_application, ADW_TYPE_APPLICATION)

static void
ksp_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      KspWindow *win = ksp_window_new (KSP_APPLICATION (app));
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        path = g_file_get_uri (files[i]);
      /* The window first, the workspace in it once it is shown (errors are shown in it). */
      _ksp_window_open_workspace_when_shown (win, path);
      gtk_window_present (GTK_WINDOW (win));
      ksp_bench_probe_install (win);
    }
}

/* Started without a workspace: the one open last, when it is still there. */
static void
ksp_application_activate (GApplication *app)
{
  KspWindow *win = ksp_window_new (KSP_APPLICATION (app));
  g_autoptr (GSettings) settings = _ksp_window_session_settings ();
  g_autofree char *last = settings ? g_settings_get_string (settings, "last-workspace") : NULL;

  if (last && *last && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    _ksp_window_open_workspace_when_shown (win, last);
  gtk_window_present (GTK_WINDOW (win));
}

/* Ctrl+Q: every window closes as its close button would (what is typed is stored), then the app ends. */
static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
ksp_application_startup (GApplication *app)
{
  static const GActionEntry app_actions[] = {
    { "quit", quit_activated },
  };
  static const char *quit[] = { "<Control>q", NULL };
  static const char *redo_y[] = { "<Control><Shift>z", "<Control>y", NULL };
  static const char *undo[] = { "<Control>z", NULL };
  static const char *open[] = { "<Control>o", NULL };
  static const char *export_docx[] = { "<Control>e", NULL };
  static const char *help_overlay[] = { "<Control>question", NULL }; /* as GtkApplication sets it */

  G_APPLICATION_CLASS (ksp_application_parent_class)->startup (app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.undo", undo);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.redo", redo_y);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open", open);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export-docx", export_docx);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_overlay);
}

static void
ksp_application_class_init (KspApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = ksp_application_startup;
  app_class->activate = ksp_application_activate;
  app_class->open = ksp_application_open;
}

static void
ksp_application_init (KspApplication *self)
{
}

GApplication *
ksp_application_new (void)
{
  return g_object_new (KSP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/kz/gov/enbek/Kasip",
                       NULL);
}
