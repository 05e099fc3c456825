/* ksp-application.h: the GtkApplication of the editor */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KSP_TYPE_APPLICATION (ksp_application_get_type ())
G_DECLARE_FINAL_TYPE (KspApplication, ksp_application, KSP, APPLICATION, AdwApplication)

GApplication *ksp_application_new (void);

G_END_DECLS
