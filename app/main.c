/* main.c: the kasip binary. With a subcommand it runs headless (ksp-cli.c); otherwise it opens the
 * editor, on the workspace given or on the last one used. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <gmodule.h>
#include <libxml/parser.h>

#include "ksp-cli.h"
#include "ksp-sqlite-store.h"

#ifdef KSP_HAVE_UI
/* Loads the editor module: $KASIP_UI_MODULE, the installed one, or the one of this build tree. */
static int
run_editor (int    argc,
            char **argv)
{
  const char *const candidates[] = { g_getenv ("KASIP_UI_MODULE"), KSP_UI_MODULE_INSTALLED, KSP_UI_MODULE_BUILD };
  int (*ui_main) (int, char **) = NULL;
  g_autoptr (GString) tried = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (candidates) && ui_main == NULL; i++)
    {
      GModule *module;
      if (candidates[i] == NULL || !g_file_test (candidates[i], G_FILE_TEST_EXISTS))
        continue;
      module = g_module_open (candidates[i], G_MODULE_BIND_LOCAL);
      if (module == NULL)
        {
          g_string_append_printf (tried, "\n  %s: %s", candidates[i], g_module_error ());
          continue;
        }
      if (!g_module_symbol (module, "kasip_ui_main", (gpointer *) &ui_main))
        {
          g_string_append_printf (tried, "\n  %s: %s", candidates[i], g_module_error ());
          ui_main = NULL;
          g_module_close (module);
        }
    }
  if (ui_main == NULL)
    {
      fprintf (stderr, "kasip: %s%s\n", _("the editor module (libkasip-ui.so) could not be loaded"),
               tried->len ? tried->str : "");
      return 2;
    }
  return ui_main (argc, argv);
}
#endif

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* libxml2's globals, set up once before any worker thread (exports run in threads) uses it. */
  xmlInitParser ();
  /* KASIP_LOCALEDIR: translations of an uninstalled build (build/po), as tools/run-editor.sh sets it. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KASIP_LOCALEDIR") ? g_getenv ("KASIP_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!ksp_cli_take_as (&argc, argv))
    return 2;
  if (argc > 1 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
                   g_str_equal (argv[1], "help")))
    {
      ksp_cli_print_help (stdout);
      return 0;
    }
  if (argc > 1 && g_str_equal (argv[1], "--version"))
    {
      printf ("kasip %s (workspace format %d)\n", KSP_VERSION, KSP_SQLITE_SCHEMA_VERSION);
      return 0;
    }
  if (argc > 1 && ksp_cli_is_command (argv[1]))
    return ksp_cli_run (argc, argv);
  if (argc > 1 && argv[1][0] != '-' && !g_file_test (argv[1], G_FILE_TEST_EXISTS) && strchr (argv[1], '/') == NULL &&
      strchr (argv[1], '.') == NULL)
    {
      fprintf (stderr, "kasip: %s: %s\n", argv[1], _("unknown subcommand, and no such workspace; see kasip --help"));
      return 2;
    }

#ifdef KSP_HAVE_UI
  return run_editor (argc, argv);
#else
  fprintf (stderr, "kasip: %s\n", _("this build has no editor window (built with -Dui=disabled)"));
  return 2;
#endif
}
