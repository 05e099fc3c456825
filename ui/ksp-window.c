/* ksp-window.c: the editor window (placeholder, being built) */
#include "config.h"

#include <glib/gi18n.h>

#include "ksp-window.h"

struct _KspWindow
{
  AdwApplicationWindow parent_instance;
  GtkLabel            *status;
};

G_DEFINE_FINAL_TYPE (KspWindow, ksp_window, ADW_TYPE_APPLICATION_WINDOW)

static void
ksp_window_class_init (KspWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/kz/gov/enbek/Kasip/ksp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KspWindow, status);
}

static void
ksp_window_init (KspWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

KspWindow *
ksp_window_new (KspApplication *app)
{
  return g_object_new (KSP_TYPE_WINDOW, "application", app, NULL);
}

gboolean
ksp_window_open_workspace (KspWindow  *self,
                           const char *uri)
{
  gtk_label_set_text (self->status, uri);
  return TRUE;
}
