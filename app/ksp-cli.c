/* ksp-cli.c: `kasip SUBCOMMAND …`, run without a display.
 *
 * Every edit made here goes through the same KspDocument commands as the editor's, so it is stored in
 * one transaction and recorded in the audit trail with the user's name ($KASIP_USER or the login).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ksp-adilet-reader.h"
#include "ksp-amending-order.h"
#include "ksp-amendments.h"
#include "ksp-atomic-file.h"
#include "ksp-cli.h"
#include "ksp-cli-private.h"
#include "ksp-comparative-table.h"
#include "ksp-diff-report.h"
#include "ksp-docx-reader.h"
#include "ksp-docx-writer.h"
#include "ksp-xml-reader.h"
#include "ksp-xml-writer.h"
#include "ksp-import-batch.h"
#include "ksp-import-summary.h"
#include "ksp-read-any.h"
#include "ksp-review.h"
#include "ksp-ork-reader.h"
#include "ksp-sample-workspace.h"
#include "ksp-validator.h"
#include "ksp-json.h"
#include "ksp-justifications.h"
#include "ksp-node-path.h"
#include "ksp-document.h"
#include "ksp-editions.h"
#include "ksp-sample.h"
#include "ksp-sqlite-store.h"
#include "ksp-store.h"
#include "ksp-text-writer.h"

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char *name;
  const char *args;
  const char *summary;
  CommandFunc func;
} Command;

static int cmd_new (int argc, char **argv);
static int cmd_sample (int argc, char **argv);
static int cmd_list (int argc, char **argv);
static int cmd_show (int argc, char **argv);
static int cmd_set (int argc, char **argv);
static int cmd_edition (int argc, char **argv);
static int cmd_audit (int argc, char **argv);
static int cmd_inspect (int argc, char **argv);
static int cmd_import (int argc, char **argv);
static int cmd_validate (int argc, char **argv);
static int cmd_export (int argc, char **argv);
static int cmd_diff (int argc, char **argv);
static int cmd_amend (int argc, char **argv);
static int cmd_revert (int argc, char **argv);
static int cmd_history (int argc, char **argv);
static int cmd_justify (int argc, char **argv);

static const Command commands[] = {
  { "new", "WORKSPACE", N_("Create an empty workspace"), cmd_new },
  { "import", "FILE… --workspace W", N_("Import published texts (Adilet text) into a workspace"), cmd_import },
  { "inspect", "FILE [--json]", N_("Show what the importer understands in a file, without a workspace"), cmd_inspect },
  { "export", "(FILE | --workspace W --standard CODE[@EDITION] [--for-publication]) --format docx|xml|text -o OUT [--lang ru|kk]",
    N_("Publish a standard: the ministry's DOCX layout, Kasip XML, or plain text"), cmd_export },
  { "validate", "(FILE | --workspace W --standard CODE) [--json] [--reference ORK-FILE] [--lang ru|kk|en]",
    N_("Check a standard against the rules V1–V17 (exit 0 no errors, 1 errors, 2 unreadable)"), cmd_validate },
  { "sample", "WORKSPACE", N_("Create a workspace holding the bundled published standards (data/samples)"), cmd_sample },
  { "list", "--workspace W", N_("List the standards of a workspace and their editions"), cmd_list },
  { "show", "--workspace W --standard CODE [--edition N] [--lang ru|kk] [--ids] [--in-force-on YYYY-MM-DD]",
    N_("Print a standard's draft or one of its editions as text"), cmd_show },
  { "set", "--workspace W --standard CODE --element ID --field F [--lang ru|kk] (--value V | --absent)",
    N_("Change one field of one element (recorded in the audit trail)"), cmd_set },
  { "edition", "--workspace W --standard CODE [--note TEXT] [--date YYYY-MM-DD] [--act ACT]",
    N_("Freeze the working draft as a new, immutable edition"), cmd_edition },
  { "revert", "--workspace W --standard CODE --edition N",
    N_("Make the working draft the text of edition N again (one step in the audit trail)"), cmd_revert },
  { "audit", "--workspace W --standard CODE [--element ID] [--lang ru|kk|en] | verify --workspace W",
    N_("Print who changed what, and when; verify: check that the change log and the editions are as written"),
    cmd_audit },
  { "history", "(FILE | --workspace W --standard CODE[@N]) [--json] [--lang ru|kk|en]",
    N_("Which act gave each amended point its wording, and from when (from the text's notes)"), cmd_history },
  { "diff", "(OLD NEW | --workspace W CODE@N CODE[@N|@draft]) [--json | --format docx -o OUT] [--lang ru|kk|en] [--color auto|always|never]",
    N_("Compare two editions or texts element by element; exit 0 when equal, 1 when they differ"), cmd_diff },
  { "review", "(list | show | submit | approve | reject | revert | title) --workspace W [--standard CODE] [--change-set N] [--title T] [--reason R] [--json]"
              " | split --change-set N --element ID… [--title T] | merge --change-set N --into M"
              " | decide --change-set N --change KEY (--approve | --reject --reason R) | revert --change-set N [--change KEY]"
              " | (comment | comments | resolve | reopen) --workspace W --standard CODE [--element ID [--field F --lang L] --text T [--reply-to N]] [--comment N]",
    N_("Change sets: list them, show one's changes and decisions, submit, approve, reject (a reason needed), revert a "
       "rejected one, title, split (the changes to some elements into a new one), merge two; single changes: approve or "
       "reject one (decide), revert a rejected one; comments on elements: add one (or a reply), list the threads, "
       "resolve or reopen one"),
    ksp_cli_review },
  { "people", "--workspace W [--add ACCOUNT --roles drafter,reviewer,publisher,admin [--name NAME] | --name NAME] [--json]",
    N_("The people of a workspace and their roles; --add records one (an administrator's task), --name alone your own "
       "name shown"), ksp_cli_people },
  { "justify", "--workspace W --standard CODE [--change KEY --lang ru|kk (--text T | --remove)]",
    N_("List the justifications of a standard's changes, or write one (KEY: a change's \"key\" in diff --json)"),
    cmd_justify },
  { "amend", "(OLD NEW | --workspace W CODE@N CODE[@N|@draft]) [-o ORDER.docx] [--lang ru|kk]",
    N_("Draft the order amending OLD into NEW: one item per amended point (text, or DOCX with -o)"), cmd_amend },
  { "workspace", "copy SRC DST",
    N_("Copy a whole workspace (a file to a PostgreSQL server and back): editions, change log, change sets, "
       "comments, everything with its ID; DST new or empty, SRC only read; the copy verified"), ksp_cli_workspace },
};

gboolean
ksp_cli_is_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return TRUE;
  return FALSE;
}

void
ksp_cli_print_help (FILE *out)
{
  fprintf (out, "%s\n", _("Kasip: editor of professional standards (кәсіптік стандарттар / профессиональные стандарты)"));
  fprintf (out, "\n%s\n", _("Usage:"));
  fprintf (out, "  kasip [WORKSPACE]            %s\n", _("open the editor (on WORKSPACE if given)"));
  fprintf (out, "  kasip SUBCOMMAND [OPTION…]   %s\n", _("run headless"));
  fprintf (out, "  kasip --version | --help\n");
  fprintf (out, "\n%s\n", _("Subcommands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-9s %s\n            %s %s\n", commands[i].name, _(commands[i].summary), commands[i].name,
             commands[i].args);
  fprintf (out, "\n%s\n", _("A workspace is a file path, sqlite:PATH, or (later) postgresql://…"));
  fprintf (out, "%s\n", _("Exit status: 0 success, 1 failure, 2 bad usage or unreadable input."));
}

int
ksp_cli_usage_error (const char *command,
                     const char *message)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, command) == 0)
      {
        g_printerr ("kasip %s: %s\n%s: kasip %s %s\n", command, message, _("Usage"), command, commands[i].args);
        return 2;
      }
  g_printerr ("kasip: %s\n", message);
  return 2;
}

int
ksp_cli_report (GError *error)
{
  g_printerr ("kasip: %s\n", error->message);
  return 1;
}

gboolean
ksp_cli_parse (GOptionEntry *entries,
               const char   *command,
               int          *argc,
               char       ***argv,
               GError      **error)
{
  g_autoptr (GOptionContext) ctx = g_option_context_new (NULL);

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (ctx, TRUE);
  return g_option_context_parse (ctx, argc, argv, error);
}

KspStore *
ksp_cli_open_workspace (const char        *workspace,
                        KspStoreOpenFlags  flags)
{
  g_autoptr (GError) error = NULL;
  KspStore *store = ksp_store_open_uri (workspace, flags, &error);

  if (store == NULL)
    {
      ksp_cli_report (error);
      return NULL;
    }
  if (ksp_store_is_read_only (store) && !(flags & KSP_STORE_OPEN_READ_ONLY))
    {
      /* A command that changes the workspace cannot do its work read-only: say why, and stop. */
      g_printerr ("kasip: %s: %s %s\n", workspace, _("cannot be changed:"), ksp_store_get_read_only_reason (store));
      g_object_unref (store);
      return NULL;
    }
  /* --as (ksp_cli_take_as leaves it in $KASIP_USER, which scripts may also set): only where the store
   * allows it; the editor never reads it */
  if (g_getenv ("KASIP_USER") && *g_getenv ("KASIP_USER") && !ksp_store_act_as (store, g_getenv ("KASIP_USER"), &error))
    {
      ksp_cli_report (error);
      g_object_unref (store);
      return NULL;
    }
  return store;
}

static int
cmd_new (int    argc,
         char **argv)
{
  g_autoptr (KspStore) store = NULL;

  if (argc != 2)
    return ksp_cli_usage_error ("new", _("give the path of the new workspace"));
  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_printerr ("kasip: %s: %s\n", argv[1], _("already exists; not overwritten"));
      return 1;
    }
  if (!(store = ksp_cli_open_workspace (argv[1], KSP_STORE_OPEN_CREATE | KSP_STORE_OPEN_WAIT)))
    return 1;
  g_print ("%s: %s\n", argv[1], _("workspace created"));
  return 0;
}

static int
cmd_sample (int    argc,
            char **argv)
{
  g_autoptr (KspStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) existing = NULL;
  g_autoptr (GString) log = g_string_new (NULL);

  if (argc != 2)
    return ksp_cli_usage_error ("sample", _("give the path of the workspace"));
  if (!(store = ksp_cli_open_workspace (argv[1], KSP_STORE_OPEN_CREATE | KSP_STORE_OPEN_WAIT)))
    return 1;
  if (!(existing = ksp_store_list_standards (store, &error)))
    return ksp_cli_report (error);
  if (existing->len > 0)
    {
      g_print ("%s: %s\n", argv[1], _("already holds standards; the samples were not added again"));
      return 0;
    }
  if (!ksp_sample_workspace_fill (store, log, &error))
    return ksp_cli_report (error);
  fputs (log->str, stdout);
  g_print ("%s: %s\n", argv[1], _("sample workspace ready"));
  return 0;
}

static int
cmd_list (int    argc,
          char **argv)
{
  g_autofree char *opt_workspace = NULL;
  GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &opt_workspace, N_("Workspace"), "W" },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (GPtrArray) standards = NULL;

  if (!ksp_cli_parse (entries, "list", &argc, &argv, &error))
    return ksp_cli_usage_error ("list", error->message);
  if (opt_workspace == NULL)
    return ksp_cli_usage_error ("list", _("--workspace is required"));
  if (!(store = ksp_cli_open_workspace (opt_workspace, KSP_STORE_OPEN_READ_ONLY)))
    return 1;
  if (!(standards = ksp_store_list_standards (store, &error)))
    return ksp_cli_report (error);
  /* HANDLE, CODE, TITLE, ID; a document's editions after its last standard. */
  for (guint i = 0; i < standards->len; i++)
    {
      KspStandardInfo *info = g_ptr_array_index (standards, i);
      const char *title = info->title_ru ? info->title_ru : (info->title_kk ? info->title_kk : "");
      g_autoptr (GPtrArray) editions = NULL;

      if (info->n_in_document > 1) /* one of the standards an order approved: its own ID */
        g_print ("%s\t%s\t%s [%u/%u]\t%s\n", info->handle, info->code ? info->code : "-", title, info->index + 1,
                 info->n_in_document, info->node_id);
      else
        g_print ("%s\t%s\t%s\t%s\n", info->handle, info->code ? info->code : "-", title, info->standard_id);
      if (info->index + 1 < info->n_in_document)
        continue;
      if (!(editions = ksp_store_list_editions (store, info->standard_id, &error)))
        return ksp_cli_report (error);
      for (guint j = 0; j < editions->len; j++)
        {
          KspEditionInfo *e = g_ptr_array_index (editions, j);
          g_print ("\t%s %d\t%s\t%s\t%s%s%s\n", _("edition"), e->number, e->date ? e->date : "",
                   e->created_by, e->note ? e->note : "", e->act ? "\t" : "", e->act ? e->act : "");
        }
    }
  return 0;
}

/* Splits "CODE@N" (edition N ≥ 1) or "CODE@draft" / "CODE" (the draft: 0) in place. */
static gboolean
split_edition (char *ref,
               int  *out_edition)
{
  char *at = strchr (ref, '@');
  char *end = NULL;
  gint64 n;

  *out_edition = 0;
  if (at == NULL)
    return TRUE;
  *at = '\0';
  if (g_str_equal (at + 1, "draft"))
    return TRUE;
  n = g_ascii_strtoll (at + 1, &end, 10);
  if (end == at + 1 || *end != '\0' || n <= 0 || n > G_MAXINT)
    return FALSE;
  *out_edition = (int) n;
  return TRUE;
}

/* Loads the draft of --standard, or its edition @edition when > 0; @out_info: which standard it is. */
static KspDocument *
open_standard_info (KspStore         *store,
                    const char       *standard,
                    int               edition,
                    KspStandardInfo **out_info)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStandardInfo) info = ksp_store_find_standard (store, standard, &error);
  gint64 tree = 0;
  KspDocument *doc;

  if (info == NULL)
    {
      ksp_cli_report (error);
      return NULL;
    }
  tree = info->draft_tree;
  if (edition > 0)
    {
      g_autoptr (GPtrArray) editions = ksp_store_list_editions (store, info->standard_id, &error);
      tree = 0;
      for (guint i = 0; editions && i < editions->len; i++)
        {
          KspEditionInfo *e = g_ptr_array_index (editions, i);
          if (e->number == edition)
            tree = e->tree_id;
        }
      if (tree == 0)
        {
          g_printerr ("kasip: %s: %s %d\n", standard, _("has no edition"), edition);
          return NULL;
        }
    }
  if (!(doc = ksp_document_open (store, tree, &error)))
    {
      ksp_cli_report (error);
      return NULL;
    }
  if (edition > 0)
    ksp_document_set_read_only (doc, _("editions cannot be changed"));
  if (out_info)
    *out_info = g_steal_pointer (&info);
  return doc;
}

static KspDocument *
open_standard (KspStore   *store,
               const char *standard,
               int         edition)
{
  return open_standard_info (store, standard, edition, NULL);
}

/* What show, validate and export work on: the document, or, when it is an order with several standards,
 * a copy of it with only the standard asked for. */
static KspNode *
standard_root (KspDocument     *doc,
               KspStandardInfo *info)
{
  KspNode *root = ksp_document_get_root (doc);

  if (info && info->n_in_document > 1 && info->node_id)
    return ksp_node_copy_one_standard (root, info->node_id);
  return g_object_ref (root);
}

static void
print_ids (KspNode *node,
           guint    depth)
{
  g_autofree char *label = ksp_node_dup_label (node, KSP_LANG_RU);
  guint n = ksp_node_get_n_children (node);

  g_print ("%s\t%*s%s: %s\n", ksp_node_get_id (node), (int) depth * 2, "", ksp_node_get_kind (node), label);
  for (guint i = 0; i < n; i++)
    print_ids (ksp_node_get_child (node, i), depth + 1);
}

static int
cmd_show (int    argc,
          char **argv)
{
  g_autofree char *opt_workspace = NULL;
  g_autofree char *opt_standard = NULL;
  int edition = 0;
  gboolean ids = FALSE;
  g_autofree char *lang_str = NULL;
  g_autofree char *in_force_on = NULL;
  GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &opt_workspace, N_("Workspace"), "W" },
    { "standard", 's', 0, G_OPTION_ARG_STRING, &opt_standard, N_("Standard: its handle (see kasip list), code or ID"), "CODE" },
    { "edition", 'e', 0, G_OPTION_ARG_INT, &edition, N_("Edition number (default: the working draft)"), "N" },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang_str, N_("Language: ru or kk (default: the standard's)"), "LANG" },
    { "ids", 0, 0, G_OPTION_ARG_NONE, &ids, N_("List element IDs instead of the text"), NULL },
    { "in-force-on", 0, 0, G_OPTION_ARG_STRING, &in_force_on,
      N_("The text as in force on this date, after the amendments its notes name"), "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspDocument) doc = NULL;
  g_autoptr (KspStandardInfo) info = NULL;
  g_autoptr (KspNode) root = NULL;
  g_autofree char *text = NULL;
  KspLang lang = KSP_LANG_NONE;

  if (!ksp_cli_parse (entries, "show", &argc, &argv, &error))
    return ksp_cli_usage_error ("show", error->message);
  if (opt_workspace == NULL || opt_standard == NULL)
    return ksp_cli_usage_error ("show", _("--workspace and --standard are required"));
  if (lang_str && (!ksp_lang_from_string (lang_str, &lang) || lang == KSP_LANG_NONE))
    return ksp_cli_usage_error ("show", _("--lang must be ru or kk"));
  if (!(store = ksp_cli_open_workspace (opt_workspace, KSP_STORE_OPEN_READ_ONLY)) ||
      !(doc = open_standard_info (store, opt_standard, edition, &info)))
    return 1;
  root = standard_root (doc, info);
  if (lang == KSP_LANG_NONE) /* the language the standard was published in */
    ksp_lang_from_string (ksp_node_get_value (root, "language", KSP_LANG_NONE), &lang);
  if (lang == KSP_LANG_NONE)
    lang = KSP_LANG_RU;
  if (in_force_on)
    {
      guint notices = 0;
      KspNode *as_in_force = ksp_amendments_in_force_on (root, in_force_on,
                                                         lang == KSP_LANG_KK ? KSP_UI_LANG_KK : KSP_UI_LANG_RU,
                                                         &notices, &error);
      if (as_in_force == NULL)
        return ksp_cli_usage_error ("show", error->message);
      g_object_unref (root);
      root = as_in_force;
      if (notices)
        {
          /* TRANSLATORS: %s a date, %u a count */
          g_autofree char *what = g_strdup_printf (_("on %s, %u parts of this text are not in force in its wording: "
                                                     "a note stands in their place"), in_force_on, notices);
          g_printerr ("kasip: %s\n", what);
        }
    }
  if (ids)
    {
      print_ids (root, 0);
      return 0;
    }
  text = ksp_text_writer_write (root, lang);
  fputs (text, stdout);
  return 0;
}

static int
cmd_set (int    argc,
         char **argv)
{
  g_autofree char *opt_workspace = NULL;
  g_autofree char *opt_standard = NULL;
  g_autofree char *element = NULL, *field = NULL, *lang_str = NULL, *value = NULL;
  gboolean absent = FALSE;
  GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &opt_workspace, N_("Workspace"), "W" },
    { "standard", 's', 0, G_OPTION_ARG_STRING, &opt_standard, N_("Standard: its handle (see kasip list), code or ID"), "CODE" },
    { "element", 0, 0, G_OPTION_ARG_STRING, &element, N_("Element ID (see show --ids)"), "ID" },
    { "field", 'f', 0, G_OPTION_ARG_STRING, &field, N_("Field name"), "F" },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang_str, N_("Language of the value: ru or kk (omit for codes)"), "LANG" },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value, N_("New value (\"\" empty, \"-\" dash)"), "V" },
    { "absent", 0, 0, G_OPTION_ARG_NONE, &absent, N_("Make the value absent"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspDocument) doc = NULL;
  KspLang lang = KSP_LANG_NONE;
  KspNode *node;

  if (!ksp_cli_parse (entries, "set", &argc, &argv, &error))
    return ksp_cli_usage_error ("set", error->message);
  if (!opt_workspace || !opt_standard || !element || !field || (value == NULL) == !absent)
    return ksp_cli_usage_error ("set",
                                _("--workspace, --standard, --element, --field and one of --value, --absent are required"));
  if (lang_str && !ksp_lang_from_string (lang_str, &lang))
    return ksp_cli_usage_error ("set", _("--lang must be ru or kk"));
  if (!(store = ksp_cli_open_workspace (opt_workspace, KSP_STORE_OPEN_WAIT)) ||
      !(doc = open_standard (store, opt_standard, 0)))
    return 1;
  if (!(node = ksp_document_lookup (doc, element)))
    {
      g_printerr ("kasip: %s: %s %s\n", opt_standard, _("no element with ID"), element);
      return 1;
    }
  if (!ksp_document_set_value (doc, node, field, lang, absent ? NULL : value, &error))
    return ksp_cli_report (error);
  return 0;
}

static int
cmd_edition (int    argc,
             char **argv)
{
  g_autofree char *opt_workspace = NULL;
  g_autofree char *opt_standard = NULL;
  g_autofree char *note = NULL, *date = NULL, *act = NULL;
  GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &opt_workspace, N_("Workspace"), "W" },
    { "standard", 's', 0, G_OPTION_ARG_STRING, &opt_standard, N_("Standard: its handle (see kasip list), code or ID"), "CODE" },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note, N_("What this edition is"), "TEXT" },
    { "act", 'a', 0, G_OPTION_ARG_STRING, &act, N_("The order that approved or amended it, e.g. «приказ от 31.03.2026 № 109»"), "ACT" },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date, N_("Date of the edition (default: today)"), "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspStandardInfo) info = NULL;

  if (!ksp_cli_parse (entries, "edition", &argc, &argv, &error))
    return ksp_cli_usage_error ("edition", error->message);
  if (!opt_workspace || !opt_standard)
    return ksp_cli_usage_error ("edition", _("--workspace and --standard are required"));
  if (!(store = ksp_cli_open_workspace (opt_workspace, KSP_STORE_OPEN_WAIT)))
    return 1;
  if (!(info = ksp_store_find_standard (store, opt_standard, &error)))
    return ksp_cli_report (error);
  if (ksp_editions_freeze (store, info->standard_id, date, act, note, &error) == 0)
    return g_error_matches (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID)
           ? ksp_cli_usage_error ("edition", error->message) : ksp_cli_report (error);
  g_print ("%s: %s\n", opt_standard, _("edition created"));
  return 0;
}

/* The element a record names, as a path in the draft (it may have been removed since: then its kind and ID). */
static char *
record_element (const KspChangeRecord *r,
                KspDocument           *draft,
                KspUiLang              lang)
{
  KspNode *node = draft && r->element_id ? ksp_document_lookup (draft, r->element_id) : NULL;

  if (node)
    return ksp_node_dup_path (node, KSP_NODE_PATH_CODES, lang);
  return g_strdup_printf ("%s %s", r->kind ? r->kind : "?", r->element_id ? r->element_id : "?");
}

void
ksp_cli_print_record (const KspChangeRecord *r,
                      KspDocument           *draft,
                      KspUiLang              lang)
{
  g_autofree char *where = record_element (r, draft, lang);
  KspLang data = lang == KSP_UI_LANG_KK ? KSP_LANG_KK : KSP_LANG_RU;

  switch (r->op)
    {
    case KSP_RECORD_SET:
      {
        const KspKindSpec *kind = r->kind ? ksp_schema_lookup_kind (r->kind) : NULL;
        const KspFieldSpec *field = kind && r->field ? ksp_kind_lookup_field (kind, r->field) : NULL;
        if (r->field == NULL)   /* an entry of the audit trail before format 7 */
          {
            g_print ("  %s\n", where);
            return;
          }
        g_autofree char *name = g_strdup (field ? ksp_field_label (field, data) : r->field);
        gsize len = strlen (name);
        while (len > 0 && name[len - 1] == ':')
          name[--len] = '\0';
        g_print ("  %s · %s%s%s%s: «%s» → «%s»\n", where, name,
                 r->lang != KSP_LANG_NONE ? " (" : "", r->lang != KSP_LANG_NONE ? ksp_lang_to_string (r->lang) : "",
                 r->lang != KSP_LANG_NONE ? ")" : "", r->old_value ? r->old_value : "—", r->new_value ? r->new_value : "—");
        return;
      }
    case KSP_RECORD_NUMBER:
      /* TRANSLATORS: a change record: the number as written changed */
      g_print ("  %s · %s: «%s» → «%s»\n", where, _("number"), r->old_value ? r->old_value : "—",
               r->new_value ? r->new_value : "—");
      return;
    case KSP_RECORD_INSERT:
      g_print ("  %s: %s\n", where, _("inserted"));
      return;
    case KSP_RECORD_DELETE:
      g_print ("  %s: %s\n", where, _("deleted"));
      return;
    case KSP_RECORD_MOVE:
      g_print ("  %s: %s\n", where, _("moved"));
      return;
    case KSP_RECORD_FREEZE:
      g_print ("  %s %s (%s)\n", _("edition frozen:"), r->new_value, r->content_hash);
      return;
    case KSP_RECORD_STATUS:
      if (g_strcmp0 (r->field, "title") == 0)
        g_print ("  %s: «%s» → «%s»\n", _("title"), r->old_value ? r->old_value : "", r->new_value ? r->new_value : "");
      else
        g_print ("  %s: %s → %s\n", _("status"), r->old_value, r->new_value);
      return;
    case KSP_RECORD_REASSIGN:
      /* TRANSLATORS: a change record: a step of the log moved from one change set to another (split, merge) */
      g_print ("  %s: #%s → #%s\n", _("moved to another change set"), r->old_value, r->new_value);
      return;
    case KSP_RECORD_DECISION:
      /* TRANSLATORS: a change record: a reviewer's decision on one change ("approved", "rejected", "reverted") */
      g_print ("  %s · %s: %s\n", where, r->field, g_strcmp0 (r->new_value, "approved") == 0 ? _("approved")
                                                  : g_strcmp0 (r->new_value, "rejected") == 0 ? _("rejected")
                                                  : _("reverted"));
      return;
    case KSP_RECORD_COMMENT:
      if (g_strcmp0 (r->field, "resolved") == 0)
        g_print ("  %s: %s\n", where, g_strcmp0 (r->new_value, "yes") == 0 ? _("comments resolved") : _("comments reopened"));
      else
        g_print ("  %s%s%s: #%s «%s»\n", where, r->field ? " · " : "", r->field ? r->field : "", r->old_value,
                 r->new_value);
      return;
    case KSP_RECORD_CREATE:
    default:
      g_print ("  %s (%s)\n", _("created"), r->content_hash ? r->content_hash : "");
      return;
    }
}

/* kasip audit verify: the chain, the editions and the schema's protections. */
static int
audit_verify (KspStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStoreVerification) v = ksp_store_verify (store, &error);

  if (v == NULL)
    return ksp_cli_report (error);
  if (v->chain)
    g_print ("%s: %s\n", _("change log"), v->chain->detail);
  for (guint i = 0; i < v->schema->len; i++)
    g_print ("%s: %s\n", _("schema"), (const char *) g_ptr_array_index (v->schema, i));
  for (guint i = 0; i < v->editions->len; i++)
    g_print ("%s: %s\n", _("edition"), (const char *) g_ptr_array_index (v->editions, i));
  /* TRANSLATORS: kasip audit verify: which change set an entry belongs to, against what the log says */
  for (guint i = 0; v->membership && i < v->membership->len; i++)
    g_print ("%s: %s\n", _("change sets"), (const char *) g_ptr_array_index (v->membership, i));
  if (!ksp_store_verification_ok (v))
    {
      g_printerr ("kasip: %s: %s\n", ksp_store_get_location (store),
                  _("the workspace was changed behind Kasip's back (see above)"));
      return 1;
    }
  /* TRANSLATORS: kasip audit verify on a clean workspace */
  g_print (_("%s: the change log holds (%u entries), %u editions as frozen, the protections in place\n"),
           ksp_store_get_location (store), v->n_entries, v->n_editions);
  return 0;
}

static int
cmd_audit (int    argc,
           char **argv)
{
  g_autofree char *opt_workspace = NULL;
  g_autofree char *opt_standard = NULL;
  g_autofree char *lang_str = NULL;
  g_autofree char *element = NULL;
  GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &opt_workspace, N_("Workspace"), "W" },
    { "standard", 's', 0, G_OPTION_ARG_STRING, &opt_standard, N_("Standard: its handle (see kasip list), code or ID"), "CODE" },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang_str, N_("Language of the paths: ru, kk or en"), "LANG" },
    { "element", 'e', 0, G_OPTION_ARG_STRING, &element, N_("Only this element's history (see show --ids)"), "ID" },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspStandardInfo) info = NULL;
  g_autoptr (GPtrArray) log = NULL;
  g_autoptr (GHashTable) membership = NULL;
  g_autoptr (KspDocument) draft = NULL;
  KspUiLang lang = ksp_ui_lang_default ();
  gboolean verify;

  if (!ksp_cli_parse (entries, "audit", &argc, &argv, &error))
    return ksp_cli_usage_error ("audit", error->message);
  verify = argc == 2 && g_str_equal (argv[1], "verify");
  if (argc > 2 || (argc == 2 && !verify))
    return ksp_cli_usage_error ("audit", _("the only subcommand is verify"));
  if (lang_str && !ksp_ui_lang_from_string (lang_str, &lang))
    return ksp_cli_usage_error ("audit", _("--lang must be ru, kk or en"));
  if (!opt_workspace || (!opt_standard && !verify))
    return ksp_cli_usage_error ("audit", verify ? _("--workspace is required")
                                                : _("--workspace and --standard are required"));
  if (!(store = ksp_cli_open_workspace (opt_workspace, KSP_STORE_OPEN_READ_ONLY)))
    return 1;
  if (verify)
    return audit_verify (store);
  /* each entry with the change set it belongs to now (a split or a merge may have moved it) */
  if (!(info = ksp_store_find_standard (store, opt_standard, &error)) ||
      !(log = ksp_store_list_log (store, info->standard_id, &error)) ||
      !(membership = ksp_store_dup_membership (store, info->standard_id, &error)))
    return ksp_cli_report (error);
  draft = ksp_document_open (store, info->draft_tree, NULL);
  if (element)
    {
      GPtrArray *history = ksp_change_log_history_of (log, element);
      g_ptr_array_unref (log);
      log = history;
    }
  for (guint i = 0; i < log->len; i++)
    {
      KspLogEntry *e = g_ptr_array_index (log, i);
      gint64 in = ksp_log_entry_change_set_in (e, membership);
      g_autofree char *set = in ? g_strdup_printf ("\t#%" G_GINT64_FORMAT, in) : g_strdup ("");
      g_print ("%s\t%s\t%s\t%s%s%s%s\n", e->at, e->author, e->action, e->command, set, e->label ? "\t" : "",
               e->label ? e->label : "");
      for (guint r = 0; r < e->records->len; r++)
        ksp_cli_print_record (g_ptr_array_index (e->records, r), draft, lang);
    }
  return 0;
}


/* The sector qualification framework the bundled samples come with (seed 003). */
static char *
bundled_ork_path (void)
{
  static const char *const dirs[] = { PKGDATADIR "/samples", SOURCE_DATADIR "/samples" };
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *p = g_build_filename (dirs[i], "003_61a1e3a7c96fc608.txt", NULL);
      if (g_file_test (p, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&p);
    }
  return NULL;
}

/* Reference data for validation: --reference, else the workspace's, else the bundled ORK. */
static KspClassifiers *
load_classifiers (KspStore   *store,
                  const char *reference,
                  GError    **error)
{
  g_autofree char *bundled = NULL;

  if (reference)
    return ksp_ork_reader_read (reference, error);
  if (store)
    {
      g_autofree char *source = NULL;
      g_autofree char *text = ksp_store_get_reference (store, KSP_REFERENCE_ORK, &source, error);
      if (text)
        return ksp_ork_reader_read_data (text, -1, source, error);
      if (error && *error)
        return NULL;
    }
  bundled = bundled_ork_path ();
  return bundled ? ksp_ork_reader_read (bundled, error) : NULL;
}

/* Seed 003 and its like: not a standard but the framework the standards refer to. */
static KspClassifiers *
try_reference (const char *path,
               char      **out_text)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  KspClassifiers *c;

  if (!g_file_get_contents (path, &text, &len, NULL))
    return NULL;
  c = ksp_ork_reader_read_data (text, len, path, NULL);
  if (c && ksp_classifiers_get_n_occupations (c) > 0 && out_text)
    *out_text = g_steal_pointer (&text);
  return c;
}

static int
cmd_validate (int    argc,
              char **argv)
{
  g_autofree char *opt_workspace = NULL;
  g_autofree char *opt_standard = NULL;
  gboolean json = FALSE;
  g_autofree char *reference = NULL;
  g_autofree char *lang_str = NULL;
  GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &opt_workspace, N_("Workspace"), "W" },
    { "standard", 's', 0, G_OPTION_ARG_STRING, &opt_standard, N_("Standard: its handle (see kasip list), code or ID"), "CODE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "reference", 'r', 0, G_OPTION_ARG_FILENAME, &reference, N_("Sector qualification framework to check against"), "FILE" },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang_str,
      N_("Language of the findings: ru, kk or en (default: the interface's)"), "LANG" },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspDocument) doc = NULL;
  g_autoptr (KspNode) root = NULL;
  g_autoptr (KspImportReport) report = NULL;
  g_autoptr (KspClassifiers) classifiers = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  KspUiLang lang = ksp_ui_lang_default ();
  guint errors;

  if (!ksp_cli_parse (entries, "validate", &argc, &argv, &error))
    return ksp_cli_usage_error ("validate", error->message);
  if (lang_str && !ksp_ui_lang_from_string (lang_str, &lang))
    return ksp_cli_usage_error ("validate", _("--lang must be ru, kk or en"));
  if ((argc == 2) == (opt_workspace != NULL) || (opt_workspace && !opt_standard))
    return ksp_cli_usage_error ("validate", _("give a file, or --workspace and --standard"));
  if (argc == 2)
    {
      if (!(root = ksp_read_any_file (argv[1], &report, &error)))
        {
          g_printerr ("kasip: %s\n", error->message);
          return 2;
        }
    }
  else
    {
      if (!(store = ksp_cli_open_workspace (opt_workspace, KSP_STORE_OPEN_READ_ONLY)))
        return 2;
      g_autoptr (KspStandardInfo) info = NULL;
      if (!(doc = open_standard_info (store, opt_standard, 0, &info)))
        return 2;
      root = standard_root (doc, info);
    }
  classifiers = load_classifiers (store, reference, &error);
  if (error)
    {
      g_printerr ("kasip: %s\n", error->message);
      return 2;
    }
  findings = ksp_validate (root, classifiers);
  errors = ksp_findings_count (findings, KSP_SEVERITY_ERROR);
  if (json)
    {
      g_print ("{\"errors\": %u, \"warnings\": %u, \"info\": %u, \"findings\": [", errors,
               ksp_findings_count (findings, KSP_SEVERITY_WARNING), ksp_findings_count (findings, KSP_SEVERITY_INFO));
      for (guint i = 0; i < findings->len; i++)
        {
          g_autofree char *one = ksp_finding_to_json (g_ptr_array_index (findings, i), lang);
          g_print ("%s\n  %s", i ? "," : "", one);
        }
      g_print ("]}\n");
    }
  else
    {
      const char *name = argc == 2 ? argv[1] : opt_standard;
      for (guint i = 0; i < findings->len; i++)
        {
          KspFinding *f = g_ptr_array_index (findings, i);
          g_autofree char *path = ksp_finding_dup_path (f, lang);
          g_autofree char *message = ksp_finding_dup_message (f, lang);
          g_print ("%s:%u: %s [%s] %s: %s\n", name, f->line, ksp_finding_severity_to_string (f), f->rule, path,
                   message);
        }
      g_print ("%u %s, %u %s, %u %s%s\n", errors, _("errors"), ksp_findings_count (findings, KSP_SEVERITY_WARNING),
               _("warnings"), ksp_findings_count (findings, KSP_SEVERITY_INFO), _("notes"),
               classifiers ? "" : _(" (no classifiers: rules V3–V5, V12, V14, V17 skipped)"));
    }
  return errors > 0 ? 1 : 0;
}

static int
cmd_inspect (int    argc,
             char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspImportReport) report = NULL;
  g_autoptr (KspNode) root = NULL;
  g_autofree char *out = NULL;

  if (!ksp_cli_parse (entries, "inspect", &argc, &argv, &error))
    return ksp_cli_usage_error ("inspect", error->message);
  if (argc != 2)
    return ksp_cli_usage_error ("inspect", _("give one file"));
  root = ksp_read_any_file (argv[1], &report, &error);
  if (root == NULL && g_error_matches (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_FORMAT))
    {
      g_autoptr (KspClassifiers) c = try_reference (argv[1], NULL);
      if (c && ksp_classifiers_get_n_occupations (c) > 0)
        {
          if (json)
            g_print ("{\"reference\": \"ork\", \"occupations\": %u, \"ork_rows\": %u, \"warnings\": []}\n",
                     ksp_classifiers_get_n_occupations (c), ksp_classifiers_get_n_ork_rows (c));
          else
            g_print ("%s: %s: %u %s, %u %s\n", argv[1], _("sector qualification framework (reference data)"),
                     ksp_classifiers_get_n_occupations (c), _("occupations"), ksp_classifiers_get_n_ork_rows (c),
                     _("rows with levels"));
          return 0;
        }
    }
  if (root == NULL)
    {
      g_printerr ("kasip: %s\n", error->message);
      return 2;
    }
  out = json ? ksp_import_summary_json (root, report) : ksp_import_summary_text (root, report);
  fputs (out, stdout);
  return 0;
}

/* One line per file stored, and a loud warning for an import that left much text unplaced. */
static void
print_imported (KspImportItem *item)
{
  KspCounts counts = { 0 };

  if (item->reference)
    {
      g_print ("%s: %s (%u %s)\n", item->path, _("reference data: sector qualification framework"),
               item->n_occupations, _("occupations"));
      return;
    }
  ksp_counts_add_tree (&counts, item->root);
  g_print ("%s: %u %s, %u %s, %u %s, %u %s, %u %s; %u %s\n", item->path, counts.cards, _("cards"),
           counts.functions, _("labour functions"), counts.skills, _("skills"), counts.abilities,
           _("abilities"), counts.knowledge, _("knowledge items"), ksp_import_report_get_n (item->report),
           _("problems (see kasip inspect)"));
  if (ksp_read_any_is_doubtful (item->report))
    g_printerr ("kasip: %s: %s: %.0f%% %s\n", _("WARNING"), item->path,
                ksp_read_any_unplaced_share (item->root) * 100,
                _("of the text was not placed in any element; check the «not placed» elements "
                  "(kasip inspect) before relying on this import"));
}

static int
cmd_import (int    argc,
            char **argv)
{
  g_autofree char *opt_workspace = NULL;
  gboolean keep_going = FALSE;
  GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &opt_workspace, N_("Workspace (created if missing)"), "W" },
    { "keep-going", 'k', 0, G_OPTION_ARG_NONE, &keep_going,
      N_("Import the files that can be imported even if others are refused (default: all or nothing)"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (GPtrArray) items = NULL;
  guint stored = 0;

  if (!ksp_cli_parse (entries, "import", &argc, &argv, &error))
    return ksp_cli_usage_error ("import", error->message);
  if (argc < 2 || opt_workspace == NULL)
    return ksp_cli_usage_error ("import", _("give the files and --workspace"));

  /* Every file is read before the workspace is touched. */
  items = ksp_import_batch_read ((const char *const *) argv + 1);
  for (guint i = 0; i < items->len; i++)
    {
      KspImportItem *item = items->pdata[i];
      if (item->error)
        g_printerr ("kasip: %s\n", item->error->message);
    }
  for (guint i = 0; i < items->len && !keep_going; i++)
    if (((KspImportItem *) items->pdata[i])->error)
      {
        g_printerr ("kasip: %s\n", _("nothing was imported (use --keep-going to import the other files)"));
        return 1;
      }
  if (!(store = ksp_cli_open_workspace (opt_workspace, KSP_STORE_OPEN_CREATE | KSP_STORE_OPEN_WAIT)))
    return 1;
  if (!ksp_import_batch_store (store, items, keep_going, &error))
    return ksp_cli_report (error);
  for (guint i = 0; i < items->len; i++)
    {
      KspImportItem *item = items->pdata[i];
      if (item->stored)
        {
          print_imported (item);
          stored++;
        }
      else if (item->error && g_error_matches (item->error, KSP_STORE_ERROR, item->error->code))
        g_printerr ("kasip: %s\n", item->error->message);
    }
  if (stored < items->len)
    {
      /* TRANSLATORS: "2 of 3 files were imported" */
      g_autofree char *what = g_strdup_printf (_("%u of %u files were imported"), stored, items->len);
      g_printerr ("kasip: %s\n", what);
      return 1;
    }
  return 0;
}

static int
cmd_export (int    argc,
            char **argv)
{
  g_autofree char *opt_workspace = NULL;
  g_autofree char *opt_standard = NULL;
  g_autofree char *format = NULL, *output = NULL, *lang_str = NULL;
  gboolean for_publication = FALSE;
  GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &opt_workspace, N_("Workspace"), "W" },
    { "standard", 's', 0, G_OPTION_ARG_STRING, &opt_standard, N_("Standard: its handle (see kasip list), code or ID, with @EDITION for an edition"), "CODE[@N]" },
    { "for-publication", 0, 0, G_OPTION_ARG_NONE, &for_publication,
      N_("Refuse unless the standard may be published (a publisher, no change set left to approve)"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("docx, xml or text"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Output file"), "OUT" },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang_str, N_("Language: ru or kk (default: the document's)"), "LANG" },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspDocument) doc = NULL;
  g_autoptr (KspNode) root = NULL;
  g_autoptr (KspEditionInfo) edition_info = NULL;
  KspLang lang = KSP_LANG_NONE;
  gboolean ok;

  if (!ksp_cli_parse (entries, "export", &argc, &argv, &error))
    return ksp_cli_usage_error ("export", error->message);
  if ((argc == 2) == (opt_workspace != NULL) || (opt_workspace && !opt_standard) || !format || !output)
    return ksp_cli_usage_error ("export", _("give a file or --workspace and --standard, and --format and -o"));
  if (!g_str_equal (format, "docx") && !g_str_equal (format, "xml") && !g_str_equal (format, "text"))
    return ksp_cli_usage_error ("export", _("--format must be docx, xml or text"));
  if (lang_str && (!ksp_lang_from_string (lang_str, &lang) || lang == KSP_LANG_NONE))
    return ksp_cli_usage_error ("export", _("--lang must be ru or kk"));
  if (for_publication && !opt_workspace)
    return ksp_cli_usage_error ("export", _("--for-publication exports a standard of a workspace"));

  if (argc == 2)
    {
      if (!(root = ksp_read_any_file (argv[1], NULL, &error)))
        {
          g_printerr ("kasip: %s\n", error->message);
          return 2;
        }
    }
  else
    {
      int edition = 0;
      if (!split_edition (opt_standard, &edition))
        return ksp_cli_usage_error ("export", _("an edition is written CODE@N with N ≥ 1"));
      g_autoptr (KspStandardInfo) info = NULL;
      if (!(store = ksp_cli_open_workspace (opt_workspace, KSP_STORE_OPEN_READ_ONLY)) ||
          !(doc = open_standard_info (store, opt_standard, edition, &info)))
        return 1;
      /* for publication: the draft with nothing left to approve (an edition was checked when it was frozen),
       * by a publisher (ksp-review.h) */
      if (for_publication &&
          !(edition > 0 ? ksp_review_require (store, ksp_store_get_user (store), KSP_ROLE_PUBLISHER,
                                              "publish the standard", &error)
                        : ksp_review_check_publishable (store, info->standard_id, ksp_store_get_user (store), &error)))
        return ksp_cli_report (error);
      root = standard_root (doc, info);
      if (edition > 0)
        {
          g_autoptr (KspStandardInfo) info = ksp_store_find_standard (store, opt_standard, NULL);
          g_autoptr (GPtrArray) editions = info ? ksp_store_list_editions (store, info->standard_id, NULL) : NULL;
          for (guint i = 0; editions && i < editions->len; i++)
            if (((KspEditionInfo *) editions->pdata[i])->number == edition)
              edition_info = g_ptr_array_steal_index (editions, i);
        }
    }
  if (lang == KSP_LANG_NONE)
    ksp_lang_from_string (ksp_node_get_value (root, "language", KSP_LANG_NONE), &lang);
  if (lang == KSP_LANG_NONE)
    lang = KSP_LANG_RU;

  if (g_str_equal (format, "docx"))
    ok = ksp_docx_writer_write_file (root, lang, output, &error);
  else if (g_str_equal (format, "xml"))
    ok = ksp_xml_writer_write_file (root, edition_info, output, &error);
  else
    {
      g_autofree char *text = ksp_text_writer_write (root, lang);
      ok = ksp_atomic_file_write (output, text, strlen (text), &error);
    }
  if (!ok)
    return ksp_cli_report (error);
  g_print ("%s\n", output);
  return 0;
}

static int
cmd_revert (int    argc,
            char **argv)
{
  g_autofree char *opt_workspace = NULL;
  g_autofree char *opt_standard = NULL;
  int number = 0;
  GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &opt_workspace, N_("Workspace"), "W" },
    { "standard", 's', 0, G_OPTION_ARG_STRING, &opt_standard, N_("Standard: its handle (see kasip list), code or ID"), "CODE" },
    { "edition", 'e', 0, G_OPTION_ARG_INT, &number, N_("The edition to go back to"), "N" },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspStandardInfo) info = NULL;
  g_autoptr (KspEditionInfo) edition = NULL;
  g_autoptr (KspDocument) doc = NULL;
  g_autoptr (KspNode) frozen = NULL;
  g_autofree char *label = NULL;

  if (!ksp_cli_parse (entries, "revert", &argc, &argv, &error))
    return ksp_cli_usage_error ("revert", error->message);
  if (!opt_workspace || !opt_standard || number <= 0)
    return ksp_cli_usage_error ("revert", _("--workspace, --standard and --edition are required"));
  if (!(store = ksp_cli_open_workspace (opt_workspace, KSP_STORE_OPEN_WAIT)))
    return 1;
  if (!(info = ksp_store_find_standard (store, opt_standard, &error)) ||
      !(edition = ksp_editions_find (store, info->standard_id, number, &error)) ||
      !(frozen = ksp_store_load_tree (store, edition->tree_id, &error)) ||
      !(doc = ksp_document_open (store, info->draft_tree, &error)))
    return ksp_cli_report (error);
  /* TRANSLATORS: the audit trail's record of a revert */
  label = g_strdup_printf (_("Revert to edition %d"), number);
  if (!ksp_document_revert_to (doc, frozen, label, &error))
    return ksp_cli_report (error);
  g_print ("%s: %s\n", opt_standard, label);
  return 0;
}

/* The tree @ref names: a file, or with @store a standard's draft or edition (@out_standard_id: the
 * document's ID). NULL (after a message) when it cannot be read. */
static KspNode *
load_reference (KspStore    *store,
                const char  *ref,
                const char  *command,
                char       **out_standard_id)
{
  g_autoptr (GError) error = NULL;

  if (store == NULL)
    {
      KspNode *root = ksp_read_any_file (ref, NULL, &error);
      if (root == NULL)
        g_printerr ("kasip: %s\n", error->message);
      return root;
    }
  else
    {
      g_autofree char *code = g_strdup (ref);
      g_autoptr (KspStandardInfo) info = NULL;
      g_autoptr (KspDocument) doc = NULL;
      int edition = 0;

      if (!split_edition (code, &edition))
        {
          ksp_cli_usage_error (command, _("an edition is written CODE@N with N ≥ 1, the draft CODE or CODE@draft"));
          return NULL;
        }
      if (!(doc = open_standard_info (store, code, edition, &info)))
        return NULL;
      if (out_standard_id)
        *out_standard_id = g_strdup (info->standard_id);
      return standard_root (doc, info);
    }
}

/* What a command leaves to the process's exit (a large tree is slow to free and the process ends anyway):
 * held here, so that it stays reachable and leak checkers do not count it. */
static void
keep_until_exit (gpointer data)
{
  static GPtrArray *kept;

  if (kept == NULL)
    kept = g_ptr_array_new ();
  g_ptr_array_add (kept, data);
}

/* The old side of a diff of two files, read in a thread while the main thread reads the new one (two
 * cores: the reading is most of a diff's time). */
typedef struct {
  const char *path;
  KspNode    *root;
  GError     *error;
} ReadJob;

static gpointer
read_job_run (gpointer data)
{
  ReadJob *job = data;

  job->root = ksp_read_any_file (job->path, NULL, &job->error);
  return NULL;
}

static gboolean
read_both (const char  *old_path,
           const char  *new_path,
           KspNode    **out_old,
           KspNode    **out_new)
{
  ReadJob job = { old_path, NULL, NULL };
  g_autoptr (GError) error = NULL;
  GThread *thread = g_thread_new ("kasip-read", read_job_run, &job);
  KspNode *new_root = ksp_read_any_file (new_path, NULL, &error);

  g_thread_join (thread);
  if (job.root == NULL)
    g_printerr ("kasip: %s\n", job.error->message);
  if (new_root == NULL)
    g_printerr ("kasip: %s\n", error->message);
  g_clear_error (&job.error);
  if (job.root == NULL || new_root == NULL)
    {
      g_clear_object (&job.root);
      g_clear_object (&new_root);
      return FALSE;
    }
  *out_old = job.root;
  *out_new = new_root;
  return TRUE;
}

/* The two sides of a diff or an amending order: two files (read in parallel), or two references of
 * @workspace (then @out_notes, when given, gets the justifications of the new side's standard).
 * Returns: 0, or the exit status (2) after a message. */
static int
load_two_sides (const char         *workspace,
                const char         *old_ref,
                const char         *new_ref,
                const char         *command,
                KspNode           **out_old,
                KspNode           **out_new,
                KspJustifications **out_notes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autofree char *standard_id = NULL;

  if (workspace == NULL)
    return read_both (old_ref, new_ref, out_old, out_new) ? 0 : 2;
  if (!(store = ksp_store_open_uri (workspace, KSP_STORE_OPEN_READ_ONLY, &error)))
    {
      g_printerr ("kasip: %s\n", error->message);
      return 2;
    }
  if (!(*out_old = load_reference (store, old_ref, command, NULL)))
    return 2;
  if (!(*out_new = load_reference (store, new_ref, command, &standard_id)))
    {
      g_clear_object (out_old);
      return 2;
    }
  if (out_notes && !(*out_notes = ksp_justifications_load (store, standard_id, &error)))
    {
      g_clear_object (out_old);
      g_clear_object (out_new);
      ksp_cli_report (error);
      return 2;
    }
  return 0;
}

static int
cmd_diff (int    argc,
          char **argv)
{
  g_autofree char *opt_workspace = NULL;
  g_autofree char *lang_str = NULL;
  g_autofree char *color_str = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &opt_workspace,
      N_("Compare standards of this workspace: CODE@N is edition N, CODE or CODE@draft the draft"), "W" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the changes as JSON"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("docx: write the comparative table (the ministry's layout) to the file given by -o"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The comparative table's file"), "OUT" },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang_str,
      N_("Language of the paths and the report: ru, kk or en (default: the interface's)"), "LANG" },
    { "color", 0, 0, G_OPTION_ARG_STRING, &color_str, N_("Colour the report: auto (on a terminal), always or never"), "WHEN" },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) old_root = NULL;
  g_autoptr (KspNode) new_root = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (KspJustifications) notes = NULL;
  g_autofree char *out = NULL;
  KspUiLang lang = ksp_ui_lang_default ();
  gboolean color;
  guint n_changes;
  int status;

  if (!ksp_cli_parse (entries, "diff", &argc, &argv, &error))
    return ksp_cli_usage_error ("diff", error->message);
  if (argc != 3)
    return ksp_cli_usage_error ("diff", _("give what to compare: two files, or --workspace and two references"));
  if (lang_str && !ksp_ui_lang_from_string (lang_str, &lang))
    return ksp_cli_usage_error ("diff", _("--lang must be ru, kk or en"));
  if (format && !g_str_equal (format, "docx"))
    return ksp_cli_usage_error ("diff", _("--format must be docx (the comparative table)"));
  if (format && json)
    return ksp_cli_usage_error ("diff", _("--json and --format docx do not go together"));
  if ((format != NULL) != (output != NULL))
    return ksp_cli_usage_error ("diff", _("--format docx needs -o OUT, and -o needs --format docx"));
  if (color_str && !g_str_equal (color_str, "auto") && !g_str_equal (color_str, "always") &&
      !g_str_equal (color_str, "never"))
    return ksp_cli_usage_error ("diff", _("--color must be auto, always or never"));
  color = color_str && g_str_equal (color_str, "always");
  if (color_str == NULL || g_str_equal (color_str, "auto"))
    color = isatty (STDOUT_FILENO) && g_getenv ("NO_COLOR") == NULL;

  if ((status = load_two_sides (opt_workspace, argv[1], argv[2], "diff", &old_root, &new_root,
                                opt_workspace ? &notes : NULL)))
    return status;
  if (!g_str_equal (ksp_node_get_kind (old_root), ksp_node_get_kind (new_root)))
    {
      g_printerr ("kasip: %s\n", _("the two sides are not of the same kind (a document and a standard)"));
      return 2;
    }
  changes = ksp_diff_trees (old_root, new_root);
  n_changes = changes->len;
  if (format)
    {
      /* the document is in Russian or Kazakh: English falls back to Russian */
      if (!ksp_comparative_table_write_file_full (changes, old_root, new_root,
                                                  lang == KSP_UI_LANG_KK ? KSP_LANG_KK : KSP_LANG_RU,
                                                  notes ? ksp_justifications_justify : NULL, notes, output, &error))
        {
          g_printerr ("kasip: %s\n", error->message);
          return 2;
        }
    }
  else
    {
      out = json ? ksp_diff_to_json_full (changes, lang, notes) : ksp_diff_to_text (changes, lang, color);
      fputs (out, stdout);
    }
  /* The process ends now: the two trees (and the changes that hold them) are left to the exit instead of
   * freed element by element — a tenth of the time of a large diff. They stay reachable, not leaked. */
  keep_until_exit (g_steal_pointer (&changes));
  keep_until_exit (g_steal_pointer (&old_root));
  keep_until_exit (g_steal_pointer (&new_root));
  return n_changes ? 1 : 0;
}

static int
cmd_amend (int    argc,
           char **argv)
{
  g_autofree char *opt_workspace = NULL;
  g_autofree char *lang_str = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &opt_workspace,
      N_("Compare standards of this workspace: CODE@N is edition N, CODE or CODE@draft the draft"), "W" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the order as DOCX to this file"), "OUT" },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang_str, N_("Language of the order: ru or kk (default: the standard's)"),
      "LANG" },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) old_root = NULL;
  g_autoptr (KspNode) new_root = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GPtrArray) plan = NULL;
  KspLang lang = KSP_LANG_NONE;
  int status;

  if (!ksp_cli_parse (entries, "amend", &argc, &argv, &error))
    return ksp_cli_usage_error ("amend", error->message);
  if (argc != 3)
    return ksp_cli_usage_error ("amend", _("give what to compare: two files, or --workspace and two references"));
  if (lang_str && (!ksp_lang_from_string (lang_str, &lang) || lang == KSP_LANG_NONE))
    return ksp_cli_usage_error ("amend", _("--lang must be ru or kk"));
  if ((status = load_two_sides (opt_workspace, argv[1], argv[2], "amend", &old_root, &new_root, NULL)))
    return status;
  if (lang == KSP_LANG_NONE)   /* the language the amended standard was published in */
    ksp_lang_from_string (ksp_node_get_value (old_root, "language", KSP_LANG_NONE), &lang);
  if (lang == KSP_LANG_NONE)
    lang = KSP_LANG_RU;
  changes = ksp_diff_trees (old_root, new_root);
  plan = ksp_amending_order_plan (changes);
  if (plan->len == 0)
    {
      g_printerr ("kasip: %s\n", _("the two texts do not differ: there is nothing to amend"));
      return 1;
    }
  if (output)
    {
      if (!ksp_amending_order_write_file (plan, old_root, lang, output, &error))
        return ksp_cli_report (error);
      g_print ("%s\n", output);
    }
  else
    {
      g_autofree char *text = ksp_amending_order_to_text (plan, old_root, lang);
      fputs (text, stdout);
    }
  keep_until_exit (g_steal_pointer (&changes));
  keep_until_exit (g_steal_pointer (&old_root));
  keep_until_exit (g_steal_pointer (&new_root));
  return 0;
}

static int
cmd_justify (int    argc,
             char **argv)
{
  g_autofree char *opt_workspace = NULL;
  g_autofree char *opt_standard = NULL;
  g_autofree char *key = NULL;
  g_autofree char *lang_str = NULL;
  g_autofree char *text = NULL;
  gboolean remove = FALSE;
  GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &opt_workspace, N_("Workspace"), "W" },
    { "standard", 's', 0, G_OPTION_ARG_STRING, &opt_standard, N_("Standard (code or handle)"), "CODE" },
    { "change", 'c', 0, G_OPTION_ARG_STRING, &key, N_("The change's key (\"key\" in kasip diff --json)"), "KEY" },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang_str, N_("The language of the comparative table: ru or kk"), "LANG" },
    { "text", 't', 0, G_OPTION_ARG_STRING, &text, N_("The justification"), "TEXT" },
    { "remove", 0, 0, G_OPTION_ARG_NONE, &remove, N_("Remove the justification"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspStandardInfo) info = NULL;
  KspLang lang = KSP_LANG_NONE;

  if (!ksp_cli_parse (entries, "justify", &argc, &argv, &error))
    return ksp_cli_usage_error ("justify", error->message);
  if (!opt_workspace || !opt_standard)
    return ksp_cli_usage_error ("justify", _("--workspace and --standard are required"));
  if (key == NULL && (text || remove || lang_str))
    return ksp_cli_usage_error ("justify", _("--text, --remove and --lang need --change"));
  if (key && ((text == NULL) == !remove || lang_str == NULL))
    return ksp_cli_usage_error ("justify", _("--change needs --lang and one of --text, --remove"));
  if (lang_str && (!ksp_lang_from_string (lang_str, &lang) || lang == KSP_LANG_NONE))
    return ksp_cli_usage_error ("justify", _("--lang must be ru or kk"));
  if (!(store = ksp_cli_open_workspace (opt_workspace, key ? KSP_STORE_OPEN_WAIT : KSP_STORE_OPEN_READ_ONLY)))
    return 1;
  if (!(info = ksp_store_find_standard (store, opt_standard, &error)))
    return ksp_cli_report (error);
  if (key)
    {
      if (!ksp_store_put_justification (store, info->standard_id, key, lang, remove ? NULL : text, &error))
        return ksp_cli_report (error);
      g_print ("%s [%s]: %s\n", key, ksp_lang_to_string (lang), remove ? _("justification removed") : _("justification kept"));
    }
  else
    {
      g_autoptr (GPtrArray) list = ksp_store_list_justifications (store, info->standard_id, &error);
      if (list == NULL)
        return ksp_cli_report (error);
      for (guint i = 0; i < list->len; i++)
        {
          KspJustification *j = g_ptr_array_index (list, i);
          g_print ("%s [%s] %s %s\n  %s\n", j->change_key, ksp_lang_to_string (j->lang), j->author, j->updated_at, j->text);
        }
    }
  return 0;
}

static const char *
term_text (const char *id,
           KspUiLang   lang)
{
  const KspMessage *m = ksp_message_lookup_term (id);
  return m ? ksp_message_get_text (m, lang) : id;
}

static char *
term_with (const char *id,
           const char *arg,
           KspUiLang   lang)
{
  g_auto (GStrv) parts = g_strsplit (term_text (id, lang), "{1}", 2);
  return g_strjoinv (arg, parts);
}

static char *
dotted_date (const char *iso)
{
  int y, m, d;

  if (iso && sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
    return g_strdup_printf ("%02d.%02d.%04d", d, m, y);
  return g_strdup (iso ? iso : "?");
}

static void
print_history_json (GPtrArray *histories,
                    KspUiLang  lang)
{
  GString *out = g_string_new ("{\"points\":[");

  for (guint i = 0; i < histories->len; i++)
    {
      KspPointHistory *h = g_ptr_array_index (histories, i);
      g_autofree char *path = ksp_node_dup_path (h->element, KSP_NODE_PATH_CODES, lang);

      g_string_append (out, i ? ",\n{\"path\":" : "\n{\"path\":");
      ksp_json_append_string (out, path);
      g_string_append (out, ",\"element_id\":");
      ksp_json_append_string (out, ksp_node_get_id (h->element));
      g_string_append (out, ",\"kind\":");
      ksp_json_append_string (out, ksp_node_get_kind (h->element));
      g_string_append (out, ",\"wordings\":[");
      for (guint j = 0; j < h->wordings->len; j++)
        {
          KspWording *w = g_ptr_array_index (h->wordings, j);
          g_string_append (out, j ? ",{\"act\":" : "{\"act\":");
          ksp_json_append_string (out, w->act);
          g_string_append (out, ",\"act_date\":");
          ksp_json_append_string (out, w->act_date);
          g_string_append (out, ",\"act_number\":");
          ksp_json_append_string (out, w->act_number);
          g_string_append (out, ",\"in_force_from\":");
          ksp_json_append_string (out, w->in_force_from);
          g_string_append (out, ",\"not_before\":");
          ksp_json_append_string (out, ksp_wording_earliest (w));
          g_string_append_printf (out, ",\"approving\":%s,\"repealed\":%s,\"current\":%s,\"note_id\":",
                                  w->approving ? "true" : "false", w->repealed ? "true" : "false",
                                  j + 1 == h->wordings->len ? "true" : "false");
          ksp_json_append_string (out, w->note ? ksp_node_get_id (w->note) : NULL);
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, "\n]}\n");
  fputs (out->str, stdout);
  g_string_free (out, TRUE);
}

static void
print_history_text (GPtrArray *histories,
                    KspUiLang  lang)
{
  if (histories->len == 0)
    g_print ("%s\n", term_text ("history.none", lang));
  for (guint i = 0; i < histories->len; i++)
    {
      KspPointHistory *h = g_ptr_array_index (histories, i);
      g_autofree char *path = ksp_node_dup_path (h->element, KSP_NODE_PATH_CODES, lang);

      g_print ("%s%s\n", i ? "\n" : "", path);
      for (guint j = 0; j < h->wordings->len; j++)
        {
          KspWording *w = g_ptr_array_index (h->wordings, j);
          g_autofree char *date = dotted_date (ksp_wording_earliest (w));
          g_autofree char *when = term_with (w->in_force_from ? "history.from" : "history.not-before", date, lang);
          const char *what = w->approving ? term_text ("history.approving", lang)
                             : w->repealed ? term_text ("history.repeal", lang) : NULL;

          g_print ("  %-22s %s%s%s%s%s\n", ksp_wording_earliest (w) ? when : "?", w->act ? w->act : "",
                   what ? " (" : "", what ? what : "", what ? ")" : "",
                   j + 1 == h->wordings->len ? "" : "");
          if (j + 1 == h->wordings->len)
            g_print ("  %-22s ↑ %s\n", "", term_text ("history.current", lang));
        }
    }
}

static int
cmd_history (int    argc,
             char **argv)
{
  g_autofree char *opt_workspace = NULL;
  g_autofree char *opt_standard = NULL;
  g_autofree char *lang_str = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &opt_workspace, N_("Workspace"), "W" },
    { "standard", 's', 0, G_OPTION_ARG_STRING, &opt_standard,
      N_("Standard: its handle, code or ID, with @N for edition N"), "CODE[@N]" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the history as JSON"), NULL },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang_str, N_("Language of the paths: ru, kk or en"), "LANG" },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspNode) root = NULL;
  g_autoptr (GPtrArray) histories = NULL;
  KspUiLang lang = ksp_ui_lang_default ();

  if (!ksp_cli_parse (entries, "history", &argc, &argv, &error))
    return ksp_cli_usage_error ("history", error->message);
  if ((argc == 2) == (opt_workspace != NULL) || (opt_workspace && !opt_standard))
    return ksp_cli_usage_error ("history", _("give a file, or --workspace and --standard"));
  if (lang_str && !ksp_ui_lang_from_string (lang_str, &lang))
    return ksp_cli_usage_error ("history", _("--lang must be ru, kk or en"));
  if (opt_workspace && !(store = ksp_store_open_uri (opt_workspace, KSP_STORE_OPEN_READ_ONLY, &error)))
    {
      g_printerr ("kasip: %s\n", error->message);
      return 2;
    }
  if (!(root = load_reference (store, store ? opt_standard : argv[1], "history", NULL)))
    return 2;
  histories = ksp_amendments_history (root);
  if (json)
    print_history_json (histories, lang);
  else
    print_history_text (histories, lang);
  return 0;
}

/**
 * ksp_cli_take_as:
 *
 * Takes `--as ACCOUNT` (or `--as=ACCOUNT`) out of the arguments, wherever it is: who the command acts as.
 * The SQLite workspace takes the OS account as its identity and lets a script name another; a shared
 * workspace will take the database role. Returns: FALSE (after a message) when the account is missing.
 */
gboolean
ksp_cli_take_as (int   *argc_inout,
                 char **argv)
{
  int argc = *argc_inout;

  for (int i = 1; i < argc; i++)
    {
      const char *as = NULL;
      int skip = 0;
      if (g_str_equal (argv[i], "--as"))
        as = i + 1 < argc ? argv[i + 1] : "", skip = i + 1 < argc ? 2 : 1;
      else if (g_str_has_prefix (argv[i], "--as="))
        as = argv[i] + strlen ("--as="), skip = 1;
      if (skip == 0)
        continue;
      if (*as == '\0')
        {
          g_printerr ("kasip: %s\n", _("--as needs an account"));
          return FALSE;
        }
      g_setenv ("KASIP_USER", as, TRUE);
      memmove (argv + i, argv + i + skip, (gsize) (argc - i - skip + 1) * sizeof (char *));
      argc -= skip;
      i--;
    }
  *argc_inout = argc;
  return TRUE;
}

int
ksp_cli_run (int    argc,
             char **argv)
{
  /* argv[1] is the subcommand; it becomes argv[0] of the subcommand. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, argv[1]) == 0)
      return commands[i].func (argc - 1, argv + 1);
  g_printerr ("kasip: %s: %s\n", argv[1], _("unknown subcommand; see kasip --help"));
  return 2;
}
