/* ksp-application.c: the GtkApplication of the editor */
#include "config.h"

#include <glib/gi18n.h>

#include "ksp-application.h"
#include "ksp-window.h"

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
      ksp_window_open_workspace (win, path);
      gtk_window_present (GTK_WINDOW (win));
    }
}

static void
ksp_application_activate (GApplication *app)
{
  KspWindow *win = ksp_window_new (KSP_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (win));
}

static void
ksp_application_class_init (KspApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

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
