/* ksp-cli.h: the headless subcommands of the kasip binary */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean ksp_cli_is_command (const char *name);
int      ksp_cli_run        (int    argc,
                             char **argv);
void     ksp_cli_print_help (FILE  *out);
gboolean ksp_cli_take_as    (int   *argc,
                             char **argv);

G_END_DECLS
