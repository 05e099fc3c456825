/* ksp-cli-private.h: what the files of the kasip command line share (app/ksp-cli.c holds the table of
 * subcommands and these helpers; app/cli/ one file per group of subcommands) */
#pragma once

#include <glib.h>

#include "ksp-change-log.h"
#include "ksp-document.h"
#include "ksp-messages.h"
#include "ksp-store.h"

G_BEGIN_DECLS

/* "kasip COMMAND: MESSAGE" and the command's usage, on stderr. Returns: 2 */
int           ksp_cli_usage_error    (const char        *command,
                                      const char        *message);
/* "kasip: MESSAGE" on stderr. Returns: 1 */
int           ksp_cli_report         (GError            *error);
gboolean      ksp_cli_parse          (GOptionEntry      *entries,
                                      const char        *command,
                                      int               *argc,
                                      char            ***argv,
                                      GError           **error);
/* The workspace, or NULL after a message (a command that changes it and finds it read-only stops). */
KspStore     *ksp_cli_open_workspace (const char        *workspace,
                                      KspStoreOpenFlags  flags);
/* One change record, as kasip audit prints it, with the element's path in @draft (nullable). */
void          ksp_cli_print_record   (const KspChangeRecord *record,
                                      KspDocument       *draft,
                                      KspUiLang          lang);

/* app/cli/ksp-cli-review.c */
int           ksp_cli_review         (int                argc,
                                      char             **argv);
int           ksp_cli_people         (int                argc,
                                      char             **argv);

/* app/cli/ksp-cli-workspace.c */
int           ksp_cli_workspace      (int                argc,
                                      char             **argv);

G_END_DECLS
