/* ksp-ui-module.c: the editor, as a module the kasip binary loads only when a window is wanted.
 * Headless subcommands then start without loading GTK (a third of their start-up time) and run on
 * machines that have no display libraries at all. */
#include "config.h"

#include <gmodule.h>

#include "ksp-application.h"

G_MODULE_EXPORT int kasip_ui_main (int argc, char **argv);

G_MODULE_EXPORT int
kasip_ui_main (int    argc,
               char **argv)
{
  g_autoptr (GApplication) app = ksp_application_new ();
  return g_application_run (app, argc, argv);
}
