/* main.c: the kasip binary. With a subcommand it runs headless (ksp-cli.c); otherwise it opens the
 * editor, on the workspace given or on the last one used. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ksp-cli.h"
#ifdef KSP_HAVE_UI
#include "ksp-application.h"
#endif

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* KASIP_LOCALEDIR: translations of an uninstalled build (build/po), as tools/run-editor.sh sets it. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KASIP_LOCALEDIR") ? g_getenv ("KASIP_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
                   g_str_equal (argv[1], "help")))
    {
      ksp_cli_print_help (stdout);
      return 0;
    }
  if (argc > 1 && g_str_equal (argv[1], "--version"))
    {
      printf ("kasip %s\n", KSP_VERSION);
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
  {
    g_autoptr (GApplication) app = ksp_application_new ();
    return g_application_run (app, argc, argv);
  }
#else
  fprintf (stderr, "kasip: %s\n", _("this build has no editor window (built with -Dui=disabled)"));
  return 2;
#endif
}
