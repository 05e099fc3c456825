/* ksp-cli-review.c: kasip review … and kasip people — change sets, their single changes, comments on
 * elements, the people of a workspace (model/review/ksp-review.h, ksp-comments.h)
 *
 * Every decision goes through the model's calls, which refuse what the roles and statuses do not allow;
 * their refusals come in the interface's language. Listings take --json.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ksp-cli-private.h"
#include "ksp-comments.h"
#include "ksp-diff.h"
#include "ksp-json.h"
#include "ksp-node-path.h"
#include "ksp-review.h"
#include "ksp-workspace.h"

/* The draft of the document @standard_id (a change set's, a comment's). */
static KspDocument *
draft_of (KspStore   *store,
          const char *standard_id,
          GError    **error)
{
  g_autoptr (KspStandardInfo) info = ksp_store_find_standard (store, standard_id, error);

  return info ? ksp_document_open (store, info->draft_tree, error) : NULL;
}

static void
print_change_set (const KspChangeSet *c)
{
  g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%u\t%s%s%s\n", c->id, c->status, c->author, c->n_entries,
           c->title ? c->title : "", c->reason ? "\t" : "", c->reason ? c->reason : "");
}

/* A member "NAME":VALUE of the JSON object @out is writing (a comma before it unless it is the first). */
static void
member (GString    *out,
        const char *name,
        const char *value)
{
  if (out->len > 0 && out->str[out->len - 1] != '{')
    g_string_append_c (out, ',');
  ksp_json_append_string (out, name);
  g_string_append_c (out, ':');
  ksp_json_append_string (out, value);
}

static void
member_int (GString    *out,
            const char *name,
            gint64      value)
{
  if (out->len > 0 && out->str[out->len - 1] != '{')
    g_string_append_c (out, ',');
  ksp_json_append_string (out, name);
  g_string_append_printf (out, ":%" G_GINT64_FORMAT, value);
}

/* The change set as a JSON object's members (without the braces). */
static void
append_change_set_json (GString            *out,
                        const KspChangeSet *c)
{
  member_int (out, "id", c->id);
  member (out, "status", c->status);
  member (out, "author", c->author);
  member (out, "standard_id", c->standard_id);
  member (out, "title", c->title);
  member (out, "reason", c->reason);
  member (out, "reviewer", c->reviewer);
  member_int (out, "entries", c->n_entries);
}

static void
print_json (GString *out)
{
  g_string_append_c (out, '\n');
  fputs (out->str, stdout);
}

/* The change set @id as it is now (after a command changed it). */
static int
print_now (KspStore *store,
           gint64    id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspChangeSet) c = ksp_review_find (store, id, &error);

  if (c == NULL)
    return ksp_cli_report (error);
  print_change_set (c);
  return 0;
}

static const char *
verdict_text (const char *verdict)
{
  if (g_strcmp0 (verdict, "approved") == 0)
    return _("approved");
  if (g_strcmp0 (verdict, "rejected") == 0)
    return _("rejected");
  if (g_strcmp0 (verdict, "reverted") == 0)
    return _("reverted");
  /* TRANSLATORS: a change of a change set that no reviewer approved or rejected yet */
  return _("undecided");
}


/* kasip review list */
static int
review_list (KspStore   *store,
             const char *standard,
             gboolean    json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStandardInfo) info = standard ? ksp_store_find_standard (store, standard, &error) : NULL;
  g_autoptr (GPtrArray) sets = NULL;

  if ((standard && info == NULL) || !(sets = ksp_store_list_change_sets (store, info ? info->standard_id : NULL, &error)))
    return ksp_cli_report (error);
  if (json)
    {
      g_autoptr (GString) out = g_string_new ("{\"change_sets\":[");
      for (guint i = 0; i < sets->len; i++)
        {
          g_string_append (out, i ? ",{" : "{");
          append_change_set_json (out, g_ptr_array_index (sets, i));
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]}");
      print_json (out);
      return 0;
    }
  for (guint i = 0; i < sets->len; i++)
    print_change_set (g_ptr_array_index (sets, i));
  return 0;
}

/* kasip review show: the change set, its steps (where splits and merges put them), its changes with their
 * keys (the draft before it against the draft) and the decisions on them. */
static int
review_show (KspStore *store,
             gint64    id,
             gboolean  json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) changes_error = NULL;
  g_autoptr (KspChangeSet) c = ksp_review_find (store, id, &error);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GPtrArray) decisions = NULL;
  g_autoptr (KspDocument) draft = NULL;
  g_autoptr (KspNode) before = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GString) out = NULL;
  KspUiLang lang = ksp_ui_lang_default ();

  if (c == NULL || !(entries = ksp_review_list_entries (store, c->id, &error)) ||
      !(decisions = ksp_review_list_decisions (store, c->id, &error)) ||
      !(draft = draft_of (store, c->standard_id, &error)))
    return ksp_cli_report (error);
  /* its changes cannot be told when a later change set changed one of its elements again */
  if ((before = ksp_review_dup_before (store, ksp_document_get_root (draft), c->id, &changes_error)))
    changes = ksp_diff_trees (before, ksp_document_get_root (draft));
  if (!json)
    {
      print_change_set (c);
      for (guint i = 0; i < entries->len; i++)
        {
          KspLogEntry *e = g_ptr_array_index (entries, i);
          g_print ("%s\t%s\t%s\t%s\n", e->at, e->author, e->action, e->command);
          for (guint r = 0; r < e->records->len; r++)
            ksp_cli_print_record (g_ptr_array_index (e->records, r), draft, lang);
        }
      if (changes_error)
        g_print ("%s: %s\n", _("its changes cannot be listed"), changes_error->message);
      for (guint i = 0; changes && i < changes->len; i++)
        {
          KspChange *change = g_ptr_array_index (changes, i);
          g_autofree char *key = ksp_change_dup_key (change);
          g_autofree char *path = ksp_change_dup_path (change, lang);
          KspChangeDecision *d = ksp_change_decisions_lookup (decisions, key);
          /* TRANSLATORS: kasip review show: a change of the set, its key (for review decide) and its state */
          g_print ("%s\t%s\t%s\t%s\n", _("change"), key, verdict_text (d ? d->verdict : NULL), path);
        }
      for (guint i = 0; i < decisions->len; i++)
        {
          KspChangeDecision *d = g_ptr_array_index (decisions, i);
          g_print ("%s\t%s\t%s\t%s\t%s%s%s%s%s\n", _("decision"), d->change_key, verdict_text (d->verdict),
                   d->reviewer ? d->reviewer : "", d->decided_at ? d->decided_at : "", d->reason ? "\t" : "",
                   d->reason ? d->reason : "", d->reverted_by ? "\t" : "", d->reverted_by ? d->reverted_by : "");
        }
      return 0;
    }
  out = g_string_new ("{\"change_set\":{");
  append_change_set_json (out, c);
  g_string_append (out, "},\"steps\":[");
  for (guint i = 0; i < entries->len; i++)
    {
      KspLogEntry *e = g_ptr_array_index (entries, i);
      g_string_append (out, i ? ",{" : "{");
      member_int (out, "entry", e->id);
      member (out, "at", e->at);
      member (out, "author", e->author);
      member (out, "action", e->action);
      member (out, "command", e->command);
      member_int (out, "made_in", e->change_set);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\"changes\":");
  if (changes == NULL)
    g_string_append (out, "null");
  else
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < changes->len; i++)
        {
          KspChange *change = g_ptr_array_index (changes, i);
          g_autofree char *key = ksp_change_dup_key (change);
          g_autofree char *path = ksp_change_dup_path (change, lang);
          KspChangeDecision *d = ksp_change_decisions_lookup (decisions, key);
          g_string_append (out, i ? ",{" : "{");
          member (out, "key", key);
          member (out, "op", ksp_change_op_to_string (change->op));
          member (out, "path", path);
          member (out, "verdict", d ? d->verdict : NULL);
          g_string_append_c (out, '}');
        }
      g_string_append_c (out, ']');
    }
  g_string_append (out, ",\"decisions\":[");
  for (guint i = 0; i < decisions->len; i++)
    {
      KspChangeDecision *d = g_ptr_array_index (decisions, i);
      g_string_append (out, i ? ",{" : "{");
      member (out, "key", d->change_key);
      member (out, "element_id", d->element_id);
      member (out, "verdict", d->verdict);
      member (out, "reason", d->reason);
      member (out, "reviewer", d->reviewer);
      member (out, "at", d->decided_at);
      member (out, "reverted_by", d->reverted_by);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
  print_json (out);
  return 0;
}

/* kasip review comment | comments | resolve | reopen */
static int
review_comments (const char *what,
                 const char *workspace,
                 const char *standard,
                 const char *element,
                 const char *field,
                 const char *lang_str,
                 const char *text,
                 gint64      reply_to,
                 gint64      comment_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspStandardInfo) info = NULL;
  g_autoptr (KspDocument) draft = NULL;
  gboolean listing = g_str_equal (what, "comments");
  KspLang lang = KSP_LANG_NONE;

  if (lang_str && (!ksp_lang_from_string (lang_str, &lang) || lang == KSP_LANG_NONE))
    return ksp_cli_usage_error ("review", _("--lang must be ru or kk"));
  if (g_str_equal (what, "comment") && (!standard || !element || !text))
    return ksp_cli_usage_error ("review", _("a comment needs --standard, --element and --text"));
  if (listing && !standard)
    return ksp_cli_usage_error ("review", _("--standard is required"));
  if ((g_str_equal (what, "resolve") || g_str_equal (what, "reopen")) && comment_id <= 0)
    return ksp_cli_usage_error ("review", _("--comment N is required"));
  if (!(store = ksp_cli_open_workspace (workspace, listing ? KSP_STORE_OPEN_READ_ONLY : KSP_STORE_OPEN_WAIT)))
    return 1;
  if (!listing && !g_str_equal (what, "comment"))
    {
      if (!ksp_comments_resolve (store, comment_id, ksp_store_get_user (store), g_str_equal (what, "resolve"), &error))
        return ksp_cli_report (error);
      g_print ("%" G_GINT64_FORMAT "\t%s\n", comment_id, g_str_equal (what, "resolve") ? _("resolved") : _("open"));
      return 0;
    }
  if (!(info = ksp_store_find_standard (store, standard, &error)) ||
      !(draft = ksp_document_open (store, info->draft_tree, &error)))
    return ksp_cli_report (error);
  if (g_str_equal (what, "comment"))
    {
      KspNode *node = ksp_document_lookup (draft, element);
      gint64 id;
      if (node == NULL)
        {
          g_printerr ("kasip: %s: %s %s\n", standard, _("no element with ID"), element);
          return 1;
        }
      if (!(id = ksp_comments_add (store, info->standard_id, node, field, lang, reply_to, ksp_store_get_user (store),
                                   text, &error)))
        return ksp_cli_report (error);
      g_print ("%" G_GINT64_FORMAT "\n", id);
      return 0;
    }
  {
    g_autoptr (GPtrArray) comments = ksp_store_list_comments (store, info->standard_id, &error);
    KspUiLang ui = ksp_ui_lang_default ();
    if (comments == NULL)
      return ksp_cli_report (error);
    for (guint i = 0; i < comments->len; i++)
      {
        KspComment *c = g_ptr_array_index (comments, i);
        KspNode *node = ksp_document_lookup (draft, c->element_id);
        g_autofree char *where = node ? ksp_node_dup_path (node, KSP_NODE_PATH_CODES, ui) : g_strdup (c->element_id);
        if (c->reply_to > 0)
          continue;
        g_print ("#%" G_GINT64_FORMAT " [%s] %s%s%s%s%s%s\n  %s: %s\n", c->id, c->resolved_by ? _("resolved") : _("open"),
                 where, c->field ? " · " : "", c->field ? c->field : "", c->lang != KSP_LANG_NONE ? " (" : "",
                 c->lang != KSP_LANG_NONE ? ksp_lang_to_string (c->lang) : "", c->lang != KSP_LANG_NONE ? ")" : "",
                 c->author, c->text);
        if (ksp_comments_is_orphan (c, draft))
          g_print ("  %s\n", _("(the element was deleted)"));
        for (guint j = i + 1; j < comments->len; j++)
          {
            KspComment *reply = g_ptr_array_index (comments, j);
            if (reply->reply_to == c->id)
              g_print ("  #%" G_GINT64_FORMAT " %s: %s\n", reply->id, reply->author, reply->text);
          }
      }
  }
  return 0;
}


/* The subcommands of kasip review that work on one change set. */
static const char *const set_commands[] = {
  "show", "submit", "approve", "reject", "revert", "title", "split", "merge", "decide", NULL
};

int
ksp_cli_review (int    argc,
                char **argv)
{
  g_autofree char *opt_workspace = NULL;
  g_autofree char *opt_standard = NULL;
  g_autofree char *title = NULL, *reason = NULL, *change = NULL;
  g_autofree char *field = NULL, *lang_str = NULL, *text = NULL;
  g_auto (GStrv) elements = NULL;
  gint64 id = 0, comment_id = 0, reply_to = 0, into = 0;
  gboolean json = FALSE, approve = FALSE, reject = FALSE;
  GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &opt_workspace, N_("Workspace"), "W" },
    { "standard", 's', 0, G_OPTION_ARG_STRING, &opt_standard, N_("Standard: its handle (see kasip list), code or ID"), "CODE" },
    { "change-set", 'c', 0, G_OPTION_ARG_INT64, &id, N_("The change set (its number in review list)"), "N" },
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("A title for the change set (submit, title, split)"), "T" },
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why it is rejected"), "R" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("List as JSON"), NULL },
    { "element", 'e', 0, G_OPTION_ARG_STRING_ARRAY, &elements,
      N_("The element commented on; split: an element whose changes go into the new change set (repeated)"), "ID" },
    { "field", 'f', 0, G_OPTION_ARG_STRING, &field, N_("A field of the element"), "F" },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang_str, N_("The field's language: ru or kk"), "LANG" },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("The comment"), "T" },
    { "reply-to", 0, 0, G_OPTION_ARG_INT64, &reply_to, N_("Reply to this comment (its thread)"), "N" },
    { "comment", 0, 0, G_OPTION_ARG_INT64, &comment_id, N_("The comment (resolve, reopen)"), "N" },
    { "change", 0, 0, G_OPTION_ARG_STRING, &change, N_("One change of the change set: its key in review show (decide, revert)"), "KEY" },
    { "approve", 0, 0, G_OPTION_ARG_NONE, &approve, N_("decide: approve the change"), NULL },
    { "reject", 0, 0, G_OPTION_ARG_NONE, &reject, N_("decide: reject the change (with --reason)"), NULL },
    { "into", 0, 0, G_OPTION_ARG_INT64, &into, N_("merge: the change set the other goes into"), "N" },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspWorkspace) ws = NULL;
  const char *what;
  gboolean ok = FALSE;

  if (!ksp_cli_parse (entries, "review", &argc, &argv, &error))
    return ksp_cli_usage_error ("review", error->message);
  if (argc != 2 || !opt_workspace)
    return ksp_cli_usage_error ("review", _("give what to do (list, show, submit, approve, reject, …) and --workspace"));
  what = argv[1];
  if (g_str_equal (what, "comment") || g_str_equal (what, "comments") || g_str_equal (what, "resolve") ||
      g_str_equal (what, "reopen"))
    {
      if (elements && elements[0] && elements[1])
        return ksp_cli_usage_error ("review", _("a comment is on one element"));
      return review_comments (what, opt_workspace, opt_standard, elements ? elements[0] : NULL, field, lang_str, text,
                              reply_to, comment_id);
    }
  if (!g_str_equal (what, "list") && !g_strv_contains (set_commands, what))
    return ksp_cli_usage_error ("review", _("review does list, show, submit, approve, reject, revert, title, split, "
                                            "merge, decide, comment, comments, resolve or reopen"));
  if (!g_str_equal (what, "list") && id <= 0)
    return ksp_cli_usage_error ("review", _("--change-set N is required"));
  if (g_str_equal (what, "title") && title == NULL)
    return ksp_cli_usage_error ("review", _("title needs --title (an empty one takes the title away)"));
  if (g_str_equal (what, "split") && (elements == NULL || elements[0] == NULL))
    return ksp_cli_usage_error ("review", _("split needs --element ID (once for each element)"));
  if (g_str_equal (what, "merge") && into <= 0)
    return ksp_cli_usage_error ("review", _("merge needs --into N, the change set the other goes into"));
  if (g_str_equal (what, "decide") && (change == NULL || approve == reject))
    return ksp_cli_usage_error ("review", _("decide needs --change KEY and one of --approve, --reject"));
  if (!(store = ksp_cli_open_workspace (opt_workspace, g_str_equal (what, "list") || g_str_equal (what, "show")
                                                       ? KSP_STORE_OPEN_READ_ONLY : KSP_STORE_OPEN_WAIT)))
    return 1;
  if (g_str_equal (what, "list"))
    return review_list (store, opt_standard, json);
  if (g_str_equal (what, "show"))
    return review_show (store, id, json);
  /* the steps go through the session, as the editor's do (model/ksp-workspace.h) */
  ws = ksp_workspace_new (store);
  if (g_str_equal (what, "revert") || g_str_equal (what, "decide"))
    {
      g_autoptr (KspChangeSet) c = ksp_review_find (store, id, &error);
      g_autoptr (KspStandardInfo) info = c ? ksp_store_find_standard (store, c->standard_id, &error) : NULL;
      g_autoptr (KspDocument) draft = info ? ksp_workspace_open_draft (ws, info->draft_tree, &error) : NULL;
      if (draft == NULL)
        return ksp_cli_report (error);
      if (g_str_equal (what, "decide"))
        ok = approve ? ksp_workspace_approve_change (ws, draft, id, change, &error)
                     : ksp_workspace_reject_change (ws, draft, id, change, reason, &error);
      else if (change)
        ok = ksp_workspace_revert_change (ws, draft, id, change, &error);
      else
        ok = ksp_workspace_revert (ws, draft, id, &error);
    }
  else if (g_str_equal (what, "split"))
    {
      gint64 new_id = ksp_workspace_split (ws, id, (const char *const *) elements, title, &error);
      if (new_id == 0)
        return ksp_cli_report (error);
      return print_now (store, id) || print_now (store, new_id);
    }
  else if (g_str_equal (what, "merge"))
    {
      if (!ksp_workspace_merge (ws, into, id, &error))
        return ksp_cli_report (error);
      return print_now (store, into) || print_now (store, id);
    }
  else if (g_str_equal (what, "title"))
    ok = ksp_workspace_set_title (ws, id, title, &error);
  else if (g_str_equal (what, "submit"))
    ok = ksp_workspace_submit (ws, id, title, &error);
  else if (g_str_equal (what, "approve"))
    ok = ksp_workspace_approve (ws, id, &error);
  else
    ok = ksp_workspace_reject (ws, id, reason, &error);
  if (!ok)
    return ksp_cli_report (error);
  return print_now (store, id);
}

/* kasip people: the people of a workspace; --add records one (an administrator's task); --name alone: the
 * name one is shown by (anyone's own, with no role). */
int
ksp_cli_people (int    argc,
                char **argv)
{
  g_autofree char *opt_workspace = NULL;
  g_autofree char *account = NULL, *name = NULL, *roles_text = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &opt_workspace, N_("Workspace"), "W" },
    { "add", 0, 0, G_OPTION_ARG_STRING, &account, N_("Record this account (or change its name and roles)"), "ACCOUNT" },
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name, N_("The name shown (alone: your own)"), "NAME" },
    { "roles", 'r', 0, G_OPTION_ARG_STRING, &roles_text, N_("Roles: drafter, reviewer, publisher, admin"), "ROLES" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("List as JSON"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (GPtrArray) people = NULL;
  KspRoles roles = 0;
  gboolean set_up;

  if (!ksp_cli_parse (entries, "people", &argc, &argv, &error))
    return ksp_cli_usage_error ("people", error->message);
  if (!opt_workspace || (account == NULL) != (roles_text == NULL))
    return ksp_cli_usage_error ("people", _("--workspace is required, and --add goes with --roles"));
  if (roles_text && !ksp_roles_parse (roles_text, &roles, &error))
    return ksp_cli_usage_error ("people", error->message);
  if (!(store = ksp_cli_open_workspace (opt_workspace, account || name ? KSP_STORE_OPEN_WAIT : KSP_STORE_OPEN_READ_ONLY)))
    return 1;
  if (account && !ksp_review_set_person (store, ksp_store_get_user (store), account, name, roles, &error))
    return ksp_cli_report (error);
  if (!account && name && !ksp_review_set_own_name (store, ksp_store_get_user (store), name, &error))
    return ksp_cli_report (error);
  if (!(people = ksp_store_list_people (store, &error)))
    return ksp_cli_report (error);
  set_up = ksp_review_is_set_up (store, NULL);
  if (json)
    {
      g_autoptr (GString) out = g_string_new ("{\"set_up\":");
      g_string_append (out, set_up ? "true" : "false");
      g_string_append (out, ",\"people\":[");
      for (guint i = 0; i < people->len; i++)
        {
          KspPerson *p = g_ptr_array_index (people, i);
          g_string_append (out, i ? ",{" : "{");
          member (out, "account", p->account);
          member (out, "name", p->display_name);
          member (out, "roles", p->roles);
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]}");
      print_json (out);
      return 0;
    }
  if (people->len == 0)
    g_print ("%s\n", _("nobody is recorded: a workspace of one, where every role is everyone's"));
  else if (!set_up)
    g_print ("%s\n", _("nobody holds a role: a workspace of one, where every role is everyone's"));
  for (guint i = 0; i < people->len; i++)
    {
      KspPerson *p = g_ptr_array_index (people, i);
      g_print ("%s\t%s\t%s\n", p->account, p->display_name, p->roles);
    }
  return 0;
}
