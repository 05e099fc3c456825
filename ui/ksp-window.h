/* ksp-window.h: the editor window */
#pragma once

#include <adwaita.h>

#include "ksp-application.h"

G_BEGIN_DECLS

#define KSP_TYPE_WINDOW (ksp_window_get_type ())
G_DECLARE_FINAL_TYPE (KspWindow, ksp_window, KSP, WINDOW, AdwApplicationWindow)

KspWindow *ksp_window_new            (KspApplication *app);
gboolean   ksp_window_open_workspace (KspWindow      *self,
                                      const char     *uri);

G_END_DECLS
