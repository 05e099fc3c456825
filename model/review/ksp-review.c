/* ksp-review.c: people, roles and change sets (see ksp-review.h) */
#include "config.h"

#include <string.h>

#include "ksp-diff.h"
#include "ksp-group-command.h"
#include "ksp-insert-node-command.h"
#include "ksp-move-node-command.h"
#include "ksp-node-path.h"
#include "ksp-remove-node-command.h"
#include "ksp-review-private.h"
#include "ksp-schema.h"
#include "ksp-set-number-command.h"
#include "ksp-set-value-command.h"

G_DEFINE_QUARK (ksp-review-error-quark, ksp_review_error)

/* Refusals as messages of the catalogue (ksp-review-private.h) ------------------------------------- */

void
_ksp_review_set_error (GError     **error,
                       GQuark       domain,
                       gint         code,
                       const char  *message_id,
                       ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autofree char *text = NULL;
  const char *arg;
  va_list ap;

  if (error == NULL)
    return;
  va_start (ap, message_id);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  text = ksp_message_render (message_id, (const char *const *) args->pdata, ksp_ui_lang_default ());
  g_set_error_literal (error, domain, code, text ? text : message_id);
}

char *
_ksp_review_arg_id (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

char *
_ksp_review_arg_term (const char *term_id)
{
  return ksp_message_arg_term (term_id, NULL);
}

char *
_ksp_review_arg_status (const char *status)
{
  g_autofree char *id = g_strconcat ("review.status.", status ? status : "", NULL);

  return ksp_message_lookup_term (id) ? ksp_message_arg_term (id, NULL) : ksp_message_arg_text (status);
}

/* @what, as ksp_review_require() is given it: the term whose English it is, else the text as it is. */
static char *
what_arg (const char *what)
{
  guint n_terms;
  const KspMessage *terms = ksp_message_terms_list (&n_terms);

  for (guint i = 0; i < n_terms; i++)
    if (g_str_has_prefix (terms[i].id, "review.do.") && g_strcmp0 (terms[i].en, what) == 0)
      return ksp_message_arg_term (terms[i].id, NULL);
  return ksp_message_arg_text (what);
}

static const struct {
  KspRoles    role;
  const char *name;
} role_names[] = {
  { KSP_ROLE_DRAFTER, "drafter" },
  { KSP_ROLE_REVIEWER, "reviewer" },
  { KSP_ROLE_PUBLISHER, "publisher" },
  { KSP_ROLE_ADMIN, "admin" },
};

gboolean
ksp_roles_parse (const char *text,
                 KspRoles   *out,
                 GError    **error)
{
  g_auto (GStrv) parts = g_strsplit (text ? text : "", ",", -1);
  KspRoles roles = 0;

  for (guint i = 0; parts[i]; i++)
    {
      const char *p = g_strstrip (parts[i]);
      gboolean known = FALSE;

      if (*p == '\0')
        continue;
      for (guint r = 0; r < G_N_ELEMENTS (role_names); r++)
        if (g_str_equal (p, role_names[r].name) || (role_names[r].role == KSP_ROLE_ADMIN && g_str_equal (p, "administrator")))
          {
            roles |= role_names[r].role;
            known = TRUE;
          }
      if (!known)
        {
          g_autofree char *arg = ksp_message_arg_text (p);
          _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID, "review.unknown-role", arg, NULL);
          return FALSE;
        }
    }
  *out = roles;
  return TRUE;
}

char *
ksp_roles_to_string (KspRoles roles)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < G_N_ELEMENTS (role_names); r++)
    if (roles & role_names[r].role)
      g_string_append_printf (out, "%s%s", out->len ? "," : "", role_names[r].name);
  return g_string_free (out, FALSE);
}

/* The roles a person's row holds (none for a name recorded alone). */
static KspRoles
roles_held (const KspPerson *p)
{
  KspRoles roles = 0;

  if (!ksp_roles_parse (p->roles, &roles, NULL))
    return 0;
  return roles;
}

/* Whether somebody of @people holds a role: people recorded with a name and no role (ksp_review_set_own_name)
 * leave a workspace of one as it was. */
static gboolean
anyone_holds_a_role (GPtrArray *people)
{
  for (guint i = 0; i < people->len; i++)
    if (roles_held (g_ptr_array_index (people, i)) != 0)
      return TRUE;
  return FALSE;
}

gboolean
ksp_review_is_set_up (KspStore *store,
                      GError  **error)
{
  g_autoptr (GPtrArray) people = ksp_store_list_people (store, error);

  return people && anyone_holds_a_role (people);
}

KspRoles
ksp_review_roles_of (KspStore   *store,
                     const char *account,
                     GError    **error)
{
  g_autoptr (GPtrArray) people = ksp_store_list_people (store, error);

  if (people == NULL)
    return 0;
  if (!anyone_holds_a_role (people))
    return KSP_ROLES_ALL;
  for (guint i = 0; i < people->len; i++)
    {
      KspPerson *p = g_ptr_array_index (people, i);
      if (g_strcmp0 (p->account, account) == 0)
        return roles_held (p);
    }
  return 0;
}

KspPerson *
ksp_review_find_person (KspStore   *store,
                        const char *account,
                        GError    **error)
{
  g_autoptr (GPtrArray) people = ksp_store_list_people (store, error);

  for (guint i = 0; people && i < people->len; i++)
    if (g_strcmp0 (((KspPerson *) g_ptr_array_index (people, i))->account, account) == 0)
      return g_ptr_array_steal_index (people, i);
  return NULL;
}

/* @roles as a message argument: the list of their terms ("role.drafter", …; with @one, the forms that
 * follow "is not": "role.drafter.one"), or "role.none". */
static char *
roles_arg (KspRoles roles,
           gboolean one)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint r = 0; r < G_N_ELEMENTS (role_names); r++)
    if (roles & role_names[r].role)
      {
        g_autofree char *id = g_strconcat ("role.", role_names[r].name, one ? ".one" : NULL, NULL);
        g_ptr_array_add (items, ksp_message_arg_term (id, NULL));
      }
  if (items->len == 0)
    return ksp_message_arg_term ("role.none", NULL);
  g_ptr_array_add (items, NULL);
  return ksp_message_arg_list ((const char *const *) items->pdata);
}

gboolean
ksp_review_require (KspStore   *store,
                    const char *account,
                    KspRoles    role,
                    const char *what,
                    GError    **error)
{
  GError *local = NULL;
  KspRoles roles = ksp_review_roles_of (store, account, &local);

  if (local)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if ((roles & role) == role)
    return TRUE;
  {
    g_autofree char *who = ksp_message_arg_text (account);
    g_autofree char *needed = roles_arg (role, TRUE);
    g_autofree char *held = roles_arg (roles, FALSE);
    g_autofree char *for_what = what_arg (what);
    _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_FORBIDDEN, "review.forbidden", who, needed,
                           held, for_what, NULL);
  }
  return FALSE;
}

gboolean
ksp_review_set_person (KspStore   *store,
                       const char *by,
                       const char *account,
                       const char *display_name,
                       KspRoles    roles,
                       GError    **error)
{
  KspPerson person = { 0 };
  g_autoptr (KspPerson) known = NULL;
  g_autofree char *roles_text = NULL;
  GError *local = NULL;
  gboolean first = !ksp_review_is_set_up (store, &local);

  if (local)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (!first && !ksp_review_require (store, by, KSP_ROLE_ADMIN, "record people and their roles", error))
    return FALSE;
  if (first)
    roles |= KSP_ROLE_ADMIN;   /* somebody must be able to record the others */
  if (display_name == NULL || *display_name == '\0')
    {
      /* the name the person chose stays */
      known = ksp_review_find_person (store, account, &local);
      if (local)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      display_name = known ? known->display_name : account;
    }
  roles_text = ksp_roles_to_string (roles);
  person.account = (char *) account;
  person.display_name = (char *) display_name;
  person.roles = roles_text;
  return ksp_store_write_person (store, &person, error);
}

gboolean
ksp_review_set_own_name (KspStore   *store,
                         const char *account,
                         const char *display_name,
                         GError    **error)
{
  g_autofree char *clean = display_name ? g_strstrip (g_strdup (display_name)) : NULL;
  g_autoptr (KspPerson) known = NULL;
  KspPerson person = { 0 };
  GError *local = NULL;

  g_return_val_if_fail (account != NULL && *account != '\0', FALSE);
  if (clean == NULL || *clean == '\0')
    {
      _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID, "review.empty-name", NULL);
      return FALSE;
    }
  known = ksp_review_find_person (store, account, &local);
  if (local)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  person.account = (char *) account;
  person.display_name = clean;
  person.roles = known ? known->roles : (char *) "";   /* the name alone: roles stay as they are */
  return ksp_store_write_person (store, &person, error);
}

KspChangeSet *
ksp_review_find (KspStore *store,
                 gint64    id,
                 GError  **error)
{
  g_autoptr (GPtrArray) sets = ksp_store_list_change_sets (store, NULL, error);

  for (guint i = 0; sets && i < sets->len; i++)
    {
      KspChangeSet *c = g_ptr_array_index (sets, i);
      if (c->id == id)
        return g_ptr_array_steal_index (sets, i);
    }
  if (sets)
    {
      g_autofree char *number = _ksp_review_arg_id (id);
      _ksp_review_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND, "review.no-change-set", number, NULL);
    }
  return NULL;
}

/* A record of a change set's own data (its status, its title): @field, @old → @new. */
static KspChangeRecord *
status_record_new (const char *field,
                   const char *old,
                   const char *new)
{
  KspChangeRecord *record = ksp_change_record_new (KSP_RECORD_STATUS, NULL);

  record->field = g_strdup (field);
  record->old_value = g_strdup (old);
  record->new_value = g_strdup (new);
  return record;
}

/* An entry of the log about change set @c, by @account: action "review", @command; @record its first. */
static KspLogEntry *
review_entry_new (const KspChangeSet *c,
                  const char         *account,
                  const char         *command,
                  KspChangeRecord    *record)
{
  KspLogEntry *entry = ksp_log_entry_new ();

  entry->standard_id = g_strdup (c->standard_id);
  entry->author = g_strdup (account);
  entry->action = g_strdup ("review");
  entry->command = g_strdup (command);
  entry->change_set = c->id;
  g_ptr_array_add (entry->records, record);
  return entry;
}

/* Stores @entry, and @c's row when given, in one transaction. */
static gboolean
store_review_entry (KspStore           *store,
                    KspLogEntry        *entry,
                    const KspChangeSet *c,
                    GError            **error)
{
  if (!ksp_store_begin (store, error))
    return FALSE;
  if ((c && !ksp_store_write_change_set (store, c, error)) || !ksp_store_append_log (store, entry, error) ||
      !ksp_store_commit (store, error))
    {
      ksp_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* Moves @c to @status (with its reviewer and reason) and records it in the change log, in one transaction;
 * @more: (nullable) (transfer full): records the entry holds too (decisions that go with it). */
static gboolean
move_to_with (KspStore     *store,
              KspChangeSet *c,
              const char   *status,
              const char   *account,
              GPtrArray    *more,
              GError      **error)
{
  g_autoptr (GPtrArray) extra = more;
  g_autofree char *old = g_strdup (c->status);
  g_autoptr (KspLogEntry) entry = review_entry_new (c, account, status, status_record_new ("status", old, status));

  if (extra)
    g_ptr_array_extend_and_steal (entry->records, g_steal_pointer (&extra));
  entry->label = g_strdup (g_str_equal (status, "rejected") ? c->reason : g_str_equal (status, "submitted") ? c->title : NULL);
  g_free (c->status);
  c->status = g_strdup (status);
  if (!store_review_entry (store, entry, c, error))
    {
      g_free (c->status);
      c->status = g_steal_pointer (&old);
      return FALSE;
    }
  return TRUE;
}

static gboolean
move_to (KspStore     *store,
         KspChangeSet *c,
         const char   *status,
         const char   *account,
         GError      **error)
{
  return move_to_with (store, c, status, account, NULL, error);
}

/* @c must be @status (a status, or "open-or-submitted") for @action (a term "review.action.…"). */
static gboolean
require_status (KspChangeSet *c,
                const char   *status,
                const char   *action,
                GError      **error)
{
  g_autofree char *number = NULL, *is = NULL, *needed = NULL, *done = NULL;

  if (g_strcmp0 (c->status, status) == 0 ||
      (g_str_equal (status, "open-or-submitted") &&
       (g_strcmp0 (c->status, "open") == 0 || g_strcmp0 (c->status, "submitted") == 0)))
    return TRUE;
  number = _ksp_review_arg_id (c->id);
  is = _ksp_review_arg_status (c->status);
  needed = _ksp_review_arg_status (status);
  done = _ksp_review_arg_term (action);
  _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_STATUS, "review.wrong-status", number, is, needed,
                         done, NULL);
  return FALSE;
}

/* Only @c's author does @what (a term "review.by-author.…"). */
static gboolean
require_author (KspChangeSet *c,
                const char   *account,
                const char   *what,
                GError      **error)
{
  g_autofree char *number = NULL, *author = NULL, *does = NULL;

  if (g_strcmp0 (c->author, account) == 0)
    return TRUE;
  number = _ksp_review_arg_id (c->id);
  author = ksp_message_arg_text (c->author);
  does = _ksp_review_arg_term (what);
  _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_FORBIDDEN, "review.not-author", number, author,
                         does, NULL);
  return FALSE;
}

gboolean
ksp_review_submit (KspStore   *store,
                   gint64      id,
                   const char *account,
                   const char *title,
                   GError    **error)
{
  g_autoptr (KspChangeSet) c = ksp_review_find (store, id, error);

  if (c == NULL || !require_status (c, "open", "review.action.submit", error) ||
      !require_author (c, account, "review.by-author.submit", error))
    return FALSE;
  if (c->n_entries == 0)
    {
      g_autofree char *number = _ksp_review_arg_id (id);
      _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_STATUS, "review.nothing-to-submit", number,
                             NULL);
      return FALSE;
    }
  if (title && *title)
    {
      g_free (c->title);
      c->title = g_strdup (title);
    }
  return move_to (store, c, "submitted", account, error);
}

/* A reviewer, and not the author. */
static gboolean
may_review (KspStore     *store,
            KspChangeSet *c,
            const char   *account,
            const char   *what,
            GError      **error)
{
  if (!ksp_review_require (store, account, KSP_ROLE_REVIEWER, what, error))
    return FALSE;
  if (g_strcmp0 (c->author, account) == 0)
    {
      g_autofree char *number = _ksp_review_arg_id (c->id);
      g_autofree char *who = ksp_message_arg_text (account);
      g_autofree char *verb = _ksp_review_arg_term (g_str_equal (what, "approve") ? "review.verb.approve"
                                                                                 : "review.verb.reject");
      _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_OWN, "review.own", number, who, verb, NULL);
      return FALSE;
    }
  return require_status (c, "submitted", g_str_equal (what, "approve") ? "review.action.approve"
                                                                       : "review.action.reject", error);
}

static GPtrArray *decisions_in (GPtrArray *log, gint64 id);
static GPtrArray *changes_of (KspStore *store, KspNode *draft_root, KspChangeSet *c, const char *key,
                              KspChange **out_change, KspNode **out_before, GError **error);

/* The decisions approving @c's changes that none was made on (from the stored draft); none when its changes
 * cannot be told (an element changed again since by a later change set: approving the set approves them). */
static GPtrArray *
approve_undecided (KspStore     *store,
                   KspChangeSet *c,
                   GPtrArray    *decisions)
{
  g_autoptr (KspStandardInfo) info = ksp_store_find_standard (store, c->standard_id, NULL);
  g_autoptr (KspNode) draft = info ? ksp_store_load_tree (store, info->draft_tree, NULL) : NULL;
  g_autoptr (GPtrArray) changes = draft ? changes_of (store, draft, c, NULL, NULL, NULL, NULL) : NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_change_record_free);
  g_autoptr (GHashTable) decided = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < decisions->len; i++)
    g_hash_table_add (decided, ((KspChangeDecision *) g_ptr_array_index (decisions, i))->change_key);
  for (guint i = 0; changes && i < changes->len; i++)
    {
      KspChange *change = g_ptr_array_index (changes, i);
      g_autofree char *key = ksp_change_dup_key (change);
      KspChangeRecord *record;

      if (g_hash_table_contains (decided, key))
        continue;
      record = ksp_change_record_new (KSP_RECORD_DECISION, change->new_node ? change->new_node : change->old_node);
      record->field = g_steal_pointer (&key);
      record->new_value = g_strdup ("approved");
      g_ptr_array_add (records, record);
    }
  return records;
}

/* A change named as a reader names it, for a refusal: where its element is (in @root, the draft; NULL: read
 * from the store) and the field and language it changed — "Card 9 (5320-2-003) › Skill 1 › Knowledge 2 ·
 * Знание (ru)"; the key as it is when the element is not found. Returns: a message argument. */
static char *
change_arg (KspStore   *store,
            const char *standard_id,
            KspNode    *root,
            const char *key)
{
  g_auto (GStrv) parts = g_strsplit (key ? key : "", ":", 4);
  g_autoptr (KspNode) loaded = NULL;
  g_autoptr (GString) text = NULL;
  KspNode *node;
  KspUiLang ui = ksp_ui_lang_default ();

  if (g_strv_length (parts) < 2)
    return ksp_message_arg_text (key);
  if (root == NULL)
    {
      g_autoptr (GPtrArray) standards = ksp_store_list_standards (store, NULL);
      for (guint i = 0; standards && i < standards->len && root == NULL; i++)
        {
          KspStandardInfo *info = g_ptr_array_index (standards, i);
          if (g_strcmp0 (info->standard_id, standard_id) == 0)
            root = loaded = ksp_store_load_tree (store, info->draft_tree, NULL);
        }
    }
  node = root == NULL ? NULL
         : g_strcmp0 (ksp_node_get_id (root), parts[1]) == 0 ? root : ksp_node_find_descendant (root, parts[1]);
  if (node == NULL)
    return ksp_message_arg_text (key);
  text = g_string_new (NULL);
  {
    g_autofree char *path = ksp_node_dup_path (node, KSP_NODE_PATH_CODES, ui);
    g_string_append (text, path);
  }
  if (g_str_equal (parts[0], "changed") && parts[2])
    {
      const KspFieldSpec *field = ksp_kind_lookup_field (ksp_node_get_kind_spec (node), parts[2]);
      g_autofree char *label = g_strdup (field ? ksp_field_label (field, ui == KSP_UI_LANG_KK ? KSP_LANG_KK : KSP_LANG_RU)
                                               : parts[2]);
      gsize len = strlen (label);
      while (len > 0 && label[len - 1] == ':')
        label[--len] = '\0';
      g_string_append_printf (text, " · %s", label);
      if (parts[3] && *parts[3])
        g_string_append_printf (text, " (%s)", parts[3]);
    }
  return ksp_message_arg_text (text->str);
}

gboolean
ksp_review_approve (KspStore   *store,
                    gint64      id,
                    const char *account,
                    GError    **error)
{
  g_autoptr (KspChangeSet) c = ksp_review_find (store, id, error);
  g_autoptr (GPtrArray) log = NULL;
  g_autoptr (GPtrArray) decisions = NULL;

  if (c == NULL || !may_review (store, c, account, "approve", error) ||
      !(log = ksp_store_list_log (store, c->standard_id, error)))
    return FALSE;
  decisions = decisions_in (log, id);
  for (guint i = 0; i < decisions->len; i++)
    {
      KspChangeDecision *d = g_ptr_array_index (decisions, i);
      if (g_strcmp0 (d->verdict, "rejected") == 0)
        {
          g_autofree char *which = change_arg (store, c->standard_id, NULL, d->change_key);
          g_autofree char *number = _ksp_review_arg_id (id);
          g_autofree char *who = ksp_message_arg_text (d->reviewer);
          _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_PENDING, "review.change-still-rejected",
                                 which, number, who, NULL);
          return FALSE;
        }
    }
  g_free (c->reviewer);
  c->reviewer = g_strdup (account);
  return move_to_with (store, c, "approved", account, approve_undecided (store, c, decisions), error);
}

gboolean
ksp_review_reject (KspStore   *store,
                   gint64      id,
                   const char *account,
                   const char *reason,
                   GError    **error)
{
  g_autoptr (KspChangeSet) c = ksp_review_find (store, id, error);
  g_autofree char *clean = reason ? g_strstrip (g_strdup (reason)) : NULL;

  if (c == NULL || !may_review (store, c, account, "reject", error))
    return FALSE;
  if (clean == NULL || *clean == '\0')
    {
      g_autofree char *number = _ksp_review_arg_id (id);
      _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_NO_REASON, "review.no-reason", number, NULL);
      return FALSE;
    }
  g_free (c->reviewer);
  c->reviewer = g_strdup (account);
  g_free (c->reason);
  c->reason = g_steal_pointer (&clean);
  return move_to (store, c, "rejected", account, error);
}

gboolean
ksp_review_check_publishable (KspStore   *store,
                              const char *standard_id,
                              const char *account,
                              GError    **error)
{
  g_autoptr (GPtrArray) sets = NULL;
  g_autoptr (GPtrArray) pending = g_ptr_array_new_with_free_func (g_free);
  KspUiLang lang = ksp_ui_lang_default ();
  GError *local = NULL;

  if (!ksp_review_is_set_up (store, &local))
    {
      if (local)
        g_propagate_error (error, local);
      return local == NULL;
    }
  if (!ksp_review_require (store, account, KSP_ROLE_PUBLISHER, "publish the standard", error) ||
      !(sets = ksp_store_list_change_sets (store, standard_id, error)))
    return FALSE;
  for (guint i = 0; i < sets->len; i++)
    {
      KspChangeSet *c = g_ptr_array_index (sets, i);
      if (c->n_entries == 0 || g_str_equal (c->status, "approved") || g_str_equal (c->status, "published") ||
          g_str_equal (c->status, "reverted"))
        continue;
      {
        g_autofree char *number = _ksp_review_arg_id (c->id);
        g_autofree char *status_id = g_strconcat ("review.status.", c->status, NULL);
        const KspMessage *status = ksp_message_lookup_term (status_id);
        const char *const item[] = { number, c->author, status ? ksp_message_get_text (status, lang) : c->status, NULL };
        g_ptr_array_add (pending, ksp_message_arg_term ("review.pending-item", item));
      }
    }
  if (pending->len == 0)
    return TRUE;
  g_ptr_array_add (pending, NULL);
  {
    g_autofree char *list = ksp_message_arg_list ((const char *const *) pending->pdata);
    _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_PENDING, "review.pending", list, NULL);
  }
  return FALSE;
}

gboolean
ksp_review_mark_published (KspStore   *store,
                           const char *standard_id,
                           const char *account,
                           GError    **error)
{
  g_autoptr (GPtrArray) sets = ksp_store_list_change_sets (store, standard_id, error);

  if (sets == NULL)
    return FALSE;
  for (guint i = 0; i < sets->len; i++)
    {
      KspChangeSet *c = g_ptr_array_index (sets, i);
      if (g_str_equal (c->status, "approved") && !move_to (store, c, "published", account, error))
        return FALSE;
    }
  return TRUE;
}

/* Reverting a change set ------------------------------------------------------------------------------ */

/* The inverse of each record, built against a copy of the draft that each is applied to as it is made, so
 * that a record whose element was changed again since is found (a conflict) before anything is done. */
typedef struct {
  KspNode         *sim;
  GHashTable      *by_id;   /* ID → element of the copy */
  KspGroupCommand *group;
} Undoing;

static void
index_all (GHashTable *by_id,
           KspNode    *node,
           gboolean    add)
{
  if (add)
    g_hash_table_insert (by_id, (gpointer) ksp_node_get_id (node), node);
  else
    g_hash_table_remove (by_id, ksp_node_get_id (node));
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    index_all (by_id, ksp_node_get_child (node, i), add);
}

/* "PARENT-ID POSITION" */
static gboolean
parse_place (const char *text,
             char      **out_parent,
             guint      *out_position)
{
  const char *space = text ? strrchr (text, ' ') : NULL;

  if (space == NULL)
    return FALSE;
  *out_parent = g_strndup (text, (gsize) (space - text));
  *out_position = (guint) g_ascii_strtoull (space + 1, NULL, 10);
  return TRUE;
}

/* Refuses a revert: the element of @r @why (a term "review.why.…") since. */
static gboolean
conflict (const KspChangeRecord *r,
          const char            *why,
          GError               **error)
{
  KspUiLang lang = ksp_ui_lang_default ();
  const KspKindSpec *spec = r->kind ? ksp_schema_lookup_kind (r->kind) : NULL;
  g_autofree char *kind = NULL, *element = NULL, *reason = NULL, *op = NULL;

  /* the kind as the standards name it (its identifier in English), or "element" */
  if (spec && lang != KSP_UI_LANG_EN)
    kind = ksp_message_arg_text (ksp_kind_label (spec, lang == KSP_UI_LANG_KK ? KSP_LANG_KK : KSP_LANG_RU));
  else
    kind = r->kind ? ksp_message_arg_text (r->kind) : _ksp_review_arg_term ("review.element");
  element = ksp_message_arg_text (r->element_id ? r->element_id : "?");
  reason = _ksp_review_arg_term (why);
  op = ksp_message_arg_text (ksp_record_op_to_string (r->op));
  _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_STATUS, "review.conflict", kind, element, reason, op,
                         NULL);
  return FALSE;
}

static gboolean
undo_record (Undoing               *u,
             const KspChangeRecord *r,
             GError               **error)
{
  KspNode *node = r->element_id ? g_hash_table_lookup (u->by_id, r->element_id) : NULL;

  switch (r->op)
    {
    case KSP_RECORD_SET:
      if (node == NULL)
        return conflict (r, "review.why.removed", error);
      if (g_strcmp0 (ksp_node_get_value (node, r->field, r->lang), r->new_value) != 0)
        return conflict (r, "review.why.changed", error);
      ksp_group_command_take (u->group, ksp_set_value_command_new (r->element_id, r->field, r->lang, r->old_value));
      ksp_node_set_value (node, r->field, r->lang, r->old_value);
      return TRUE;
    case KSP_RECORD_NUMBER:
      if (node == NULL)
        return conflict (r, "review.why.removed", error);
      if (g_strcmp0 (ksp_node_get_number (node), r->new_value) != 0)
        return conflict (r, "review.why.renumbered", error);
      ksp_group_command_take (u->group, ksp_set_number_command_new (r->element_id, r->old_value));
      ksp_node_set_number (node, r->old_value);
      return TRUE;
    case KSP_RECORD_INSERT:
      if (node == NULL)
        return conflict (r, "review.why.removed", error);
      ksp_group_command_take (u->group, ksp_remove_node_command_new (r->element_id));
      index_all (u->by_id, node, FALSE);
      ksp_node_remove_child (ksp_node_get_parent (node), node);
      return TRUE;
    case KSP_RECORD_DELETE:
      {
        g_autofree char *parent_id = NULL;
        g_autoptr (KspNode) for_command = NULL;
        g_autoptr (KspNode) for_copy = NULL;
        KspNode *parent;
        guint position = 0;

        if (node != NULL)
          return conflict (r, "review.why.put-back", error);
        if (!parse_place (r->old_value, &parent_id, &position) || r->subtree == NULL ||
            !(parent = g_hash_table_lookup (u->by_id, parent_id)))
          return conflict (r, "review.why.lost-parent", error);
        if (!(for_command = ksp_node_from_text (r->subtree, error)) || !(for_copy = ksp_node_from_text (r->subtree, error)))
          return FALSE;
        position = MIN (position, ksp_node_get_n_children (parent));
        ksp_group_command_take (u->group, ksp_insert_node_command_new (parent_id, position, for_command));
        ksp_node_insert_child (parent, position, for_copy);
        index_all (u->by_id, for_copy, TRUE);
        return TRUE;
      }
    case KSP_RECORD_MOVE:
      {
        g_autofree char *parent_id = NULL;
        g_autoptr (KspNode) keep = NULL;
        KspNode *parent;
        guint position = 0;

        if (node == NULL)
          return conflict (r, "review.why.removed", error);
        if (!parse_place (r->old_value, &parent_id, &position) || !(parent = g_hash_table_lookup (u->by_id, parent_id)))
          return conflict (r, "review.why.lost-parent", error);
        keep = g_object_ref (node);
        ksp_node_remove_child (ksp_node_get_parent (node), node);
        position = MIN (position, ksp_node_get_n_children (parent));
        ksp_group_command_take (u->group, ksp_move_node_command_new (r->element_id, parent_id, position));
        ksp_node_insert_child (parent, position, node);
        return TRUE;
      }
    default:
      return TRUE;   /* statuses, editions, imports: nothing of the draft to undo */
    }
}

/* Whether @e is an edit of the draft (not a review's or a comment's entry). */
static gboolean
is_edit (const KspLogEntry *e)
{
  return g_strcmp0 (e->action, "review") != 0 && g_strcmp0 (e->action, "comment") != 0;
}

/* The hashes of the entries that reverted single changes of change set @id ("reverted" decisions). */
static GHashTable *
reverts_of (GPtrArray *log,
            gint64     id)
{
  g_autoptr (GPtrArray) decisions = decisions_in (log, id);
  GHashTable *hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < decisions->len; i++)
    {
      KspChangeDecision *d = g_ptr_array_index (decisions, i);
      if (d->reverted_in)
        g_hash_table_add (hashes, g_strdup (d->reverted_in));
    }
  return hashes;
}

/* The draft as it was before change set @c: a copy of @draft_root with @c's records undone; the group of
 * commands that does it, when @out_group. */
static KspNode *
undo_change_set (KspStore      *store,
                 KspNode       *draft_root,
                 KspChangeSet  *c,
                 KspCommand   **out_group,
                 GError       **error)
{
  g_autoptr (GPtrArray) log = NULL;
  g_autoptr (KspNode) sim = NULL;
  g_autoptr (GHashTable) by_id = NULL;
  g_autoptr (KspCommand) group = NULL;
  g_autoptr (GHashTable) membership = NULL;
  g_autoptr (GHashTable) reverts = NULL;
  g_autofree char *label = NULL;
  Undoing u;

  if (g_strcmp0 (ksp_node_get_id (draft_root), c->standard_id) != 0)
    {
      g_autofree char *number = _ksp_review_arg_id (c->id);
      _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_STATUS, "review.other-standard", number, NULL);
      return NULL;
    }
  if (!(log = ksp_store_list_log (store, c->standard_id, error)) ||
      !(membership = ksp_store_dup_membership (store, c->standard_id, error)))
    return NULL;
  reverts = reverts_of (log, c->id);
  sim = ksp_node_copy (draft_root);
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  index_all (by_id, sim, TRUE);
  /* Translators: the change log's label of a revert; %s is the change set's number */
  label = g_strdup_printf ("revert change set %" G_GINT64_FORMAT, c->id);
  group = ksp_group_command_new (label);
  u = (Undoing) { sim, by_id, KSP_GROUP_COMMAND (group) };
  /* its edits (where splits and merges put them), and the reverts of its single changes: undone too, so
   * that the change they reverted is undone with the set (before that revert, it was the set's) */
  for (guint i = log->len; i-- > 0;)
    {
      KspLogEntry *e = g_ptr_array_index (log, i);
      if (!(is_edit (e) && ksp_log_entry_change_set_in (e, membership) == c->id) &&
          !(e->hash && g_hash_table_contains (reverts, e->hash)))
        continue;
      for (guint r = e->records->len; r-- > 0;)
        if (!undo_record (&u, g_ptr_array_index (e->records, r), error))
          return NULL;
    }
  if (out_group)
    *out_group = g_steal_pointer (&group);
  return g_steal_pointer (&sim);
}

KspNode *
ksp_review_dup_before (KspStore  *store,
                       KspNode   *draft_root,
                       gint64     id,
                       GError   **error)
{
  g_autoptr (KspChangeSet) c = ksp_review_find (store, id, error);

  if (c == NULL)
    return NULL;
  return undo_change_set (store, draft_root, c, NULL, error);
}

gboolean
ksp_review_revert (KspStore    *store,
                   KspDocument *draft,
                   gint64       id,
                   const char  *account,
                   GError     **error)
{
  g_autoptr (KspChangeSet) c = ksp_review_find (store, id, error);
  g_autoptr (KspNode) before = NULL;
  g_autoptr (KspCommand) group = NULL;

  if (c == NULL || !require_status (c, "rejected", "review.action.revert", error) ||
      !ksp_review_require (store, account, KSP_ROLE_DRAFTER, "revert a change set", error))
    return FALSE;
  if (!(before = undo_change_set (store, ksp_document_get_root (draft), c, &group, error)))
    return FALSE;
  if (!ksp_document_execute (draft, group, error))
    return FALSE;
  return move_to (store, c, "reverted", account, error);
}

/* A change set's entries, its title, splitting and merging ------------------------------------------- */

GPtrArray *
ksp_review_list_entries (KspStore *store,
                         gint64    id,
                         GError  **error)
{
  g_autoptr (KspChangeSet) c = ksp_review_find (store, id, error);
  g_autoptr (GPtrArray) log = NULL;
  g_autoptr (GHashTable) membership = NULL;
  GPtrArray *entries;

  if (c == NULL || !(log = ksp_store_list_log (store, c->standard_id, error)) ||
      !(membership = ksp_store_dup_membership (store, c->standard_id, error)))
    return NULL;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_log_entry_free);
  for (guint i = 0; i < log->len; i++)
    {
      KspLogEntry *e = g_ptr_array_index (log, i);
      if (is_edit (e) && ksp_log_entry_change_set_in (e, membership) == id)
        g_ptr_array_add (entries, g_steal_pointer (&log->pdata[i]));
    }
  return entries;
}

GPtrArray *
ksp_review_dup_history_of (KspStore   *store,
                           const char *standard_id,
                           const char *element_id,
                           GError    **error)
{
  g_autoptr (GPtrArray) log = ksp_store_list_log (store, standard_id, error);
  g_autoptr (GHashTable) membership = log ? ksp_store_dup_membership (store, standard_id, error) : NULL;
  GPtrArray *history;

  if (membership == NULL)
    return NULL;
  history = ksp_change_log_history_of (log, element_id);
  for (guint i = 0; i < history->len; i++)
    {
      KspLogEntry *e = g_ptr_array_index (history, i);
      e->change_set = ksp_log_entry_change_set_in (e, membership);
    }
  return history;
}

gboolean
ksp_review_set_title (KspStore   *store,
                      gint64      id,
                      const char *account,
                      const char *title,
                      GError    **error)
{
  g_autoptr (KspChangeSet) c = ksp_review_find (store, id, error);
  g_autoptr (KspLogEntry) entry = NULL;
  g_autofree char *clean = title ? g_strstrip (g_strdup (title)) : NULL;

  if (c == NULL || !require_status (c, "open-or-submitted", "review.action.title", error) ||
      !require_author (c, account, "review.by-author.title", error))
    return FALSE;
  if (clean && *clean == '\0')
    g_clear_pointer (&clean, g_free);
  if (g_strcmp0 (c->title, clean) == 0)
    return TRUE;
  entry = review_entry_new (c, account, "title", status_record_new ("title", c->title, clean));
  entry->label = g_strdup (clean);
  g_free (c->title);
  c->title = g_steal_pointer (&clean);
  return store_review_entry (store, entry, c, error);
}

/* Moves @moved (entries of @from's) to change set @to, with the "reassign" entry that says so (@command:
 * "split", "merge"), in the caller's transaction. */
static gboolean
reassign (KspStore     *store,
          KspChangeSet *from,
          gint64        to,
          GPtrArray    *moved,
          const char   *command,
          const char   *account,
          GError      **error)
{
  g_autoptr (KspLogEntry) entry = ksp_log_entry_new ();
  g_autoptr (GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), moved->len);

  /* the entry is about the change set they joined */
  entry->standard_id = g_strdup (from->standard_id);
  entry->author = g_strdup (account);
  entry->action = g_strdup ("review");
  entry->command = g_strdup (command);
  entry->change_set = to;
  for (guint i = 0; i < moved->len; i++)
    {
      KspLogEntry *e = g_ptr_array_index (moved, i);
      KspChangeRecord *record = ksp_change_record_new (KSP_RECORD_REASSIGN, NULL);

      record->old_value = _ksp_review_arg_id (from->id);
      record->new_value = _ksp_review_arg_id (to);
      record->content_hash = g_strdup (e->hash);
      g_ptr_array_add (entry->records, record);
      g_array_append_val (ids, e->id);
    }
  return ksp_store_append_log (store, entry, error) &&
         ksp_store_move_log_entries (store, (const gint64 *) (gpointer) ids->data, ids->len, to, error);
}

/* Whether @e has a record about an element of @ids; @out_other: the first element it changes that is not. */
static gboolean
touches (const KspLogEntry *e,
         GHashTable        *ids,
         const char       **out_other)
{
  gboolean in = FALSE;

  *out_other = NULL;
  for (guint r = 0; r < e->records->len; r++)
    {
      const KspChangeRecord *rec = g_ptr_array_index (e->records, r);
      if (rec->element_id && g_hash_table_contains (ids, rec->element_id))
        in = TRUE;
      else if (rec->element_id && *out_other == NULL)
        *out_other = rec->element_id;
    }
  return in;
}

gint64
ksp_review_split (KspStore          *store,
                  gint64             id,
                  const char *const *element_ids,
                  const char        *account,
                  const char        *title,
                  GError           **error)
{
  g_autoptr (KspChangeSet) c = ksp_review_find (store, id, error);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GPtrArray) moved = g_ptr_array_new ();
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *clean = title ? g_strstrip (g_strdup (title)) : NULL;
  g_autofree char *number = NULL;
  gint64 new_id;

  if (c == NULL || !require_status (c, "open", "review.action.split", error) ||
      !require_author (c, account, "review.by-author.split", error))
    return 0;
  for (guint i = 0; element_ids && element_ids[i]; i++)
    if (*element_ids[i])
      g_hash_table_add (ids, (gpointer) element_ids[i]);
  number = _ksp_review_arg_id (id);
  if (g_hash_table_size (ids) == 0)
    {
      _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID, "review.split-no-elements", number,
                             NULL);
      return 0;
    }
  if (!(entries = ksp_review_list_entries (store, id, error)))
    return 0;
  for (guint i = 0; i < entries->len; i++)
    {
      KspLogEntry *e = g_ptr_array_index (entries, i);
      const char *other = NULL;
      if (!touches (e, ids, &other))
        continue;
      if (other)
        {
          /* an entry is one step: it goes whole or not at all */
          g_autofree char *step = _ksp_review_arg_id (e->id);
          g_autofree char *element = ksp_message_arg_text (other);
          _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID, "review.split-mixed", step,
                                 number, element, NULL);
          return 0;
        }
      g_ptr_array_add (moved, e);
    }
  if (moved->len == 0 || moved->len == entries->len)
    {
      _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID,
                             moved->len == 0 ? "review.split-nothing" : "review.split-everything", number, NULL);
      return 0;
    }
  if (!ksp_store_begin (store, error))
    return 0;
  if (!(new_id = ksp_store_add_change_set (store, c->standard_id, c->author, clean && *clean ? clean : NULL, error)) ||
      !reassign (store, c, new_id, moved, "split", account, error) || !ksp_store_commit (store, error))
    {
      ksp_store_rollback (store);
      return 0;
    }
  return new_id;
}

gboolean
ksp_review_merge (KspStore   *store,
                  gint64      into,
                  gint64      from,
                  const char *account,
                  GError    **error)
{
  g_autoptr (KspChangeSet) a = ksp_review_find (store, into, error);
  g_autoptr (KspChangeSet) b = a ? ksp_review_find (store, from, error) : NULL;
  g_autoptr (GPtrArray) entries = NULL;

  if (b == NULL || !require_status (a, "open", "review.action.merge", error) ||
      !require_status (b, "open", "review.action.merge", error) ||
      !require_author (a, account, "review.by-author.merge", error) ||
      !require_author (b, account, "review.by-author.merge", error))
    return FALSE;
  if (into == from || g_strcmp0 (a->standard_id, b->standard_id) != 0)
    {
      g_autofree char *one = _ksp_review_arg_id (into);
      g_autofree char *two = _ksp_review_arg_id (from);
      _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID,
                             into == from ? "review.merge-same" : "review.merge-other-standard", one, two, NULL);
      return FALSE;
    }
  if (!(entries = ksp_review_list_entries (store, from, error)))
    return FALSE;
  if (!ksp_store_begin (store, error))
    return FALSE;
  if ((entries->len > 0 && !reassign (store, b, into, entries, "merge", account, error)) ||
      !move_to (store, b, "merged", account, error) || !ksp_store_commit (store, error))
    {
      ksp_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* Decisions on single changes ------------------------------------------------------------------------- */

void
ksp_change_decision_free (KspChangeDecision *d)
{
  if (d == NULL)
    return;
  g_free (d->change_key);
  g_free (d->element_id);
  g_free (d->verdict);
  g_free (d->reason);
  g_free (d->reviewer);
  g_free (d->decided_at);
  g_free (d->reverted_by);
  g_free (d->reverted_in);
  g_free (d);
}

/* The decisions on @c's changes in @log: the last of each change, in the order of their first. */
static GPtrArray *
decisions_in (GPtrArray *log,
              gint64     id)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_change_decision_free);
  g_autoptr (GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < log->len; i++)
    {
      KspLogEntry *e = g_ptr_array_index (log, i);
      if (e->change_set != id || g_strcmp0 (e->action, "review") != 0)
        continue;
      for (guint r = 0; r < e->records->len; r++)
        {
          KspChangeRecord *rec = g_ptr_array_index (e->records, r);
          KspChangeDecision *d;

          if (rec->op != KSP_RECORD_DECISION || rec->field == NULL)
            continue;
          if (!(d = g_hash_table_lookup (by_key, rec->field)))
            {
              d = g_new0 (KspChangeDecision, 1);
              d->change_key = g_strdup (rec->field);
              d->element_id = g_strdup (rec->element_id);
              g_ptr_array_add (list, d);
              g_hash_table_insert (by_key, d->change_key, d);
            }
          g_free (d->verdict);
          d->verdict = g_strdup (rec->new_value);
          d->entry_id = e->id;
          if (g_strcmp0 (rec->new_value, "reverted") == 0)
            {
              /* who rejected it, and why, stay */
              g_free (d->reverted_by);
              d->reverted_by = g_strdup (e->author);
              g_free (d->reverted_in);
              d->reverted_in = g_strdup (rec->content_hash);
              continue;
            }
          g_free (d->reviewer);
          d->reviewer = g_strdup (e->author);
          g_free (d->decided_at);
          d->decided_at = g_strdup (e->at);
          g_free (d->reason);
          d->reason = g_strcmp0 (rec->new_value, "rejected") == 0 ? g_strdup (e->label) : NULL;
        }
    }
  return list;
}

GPtrArray *
ksp_review_list_decisions (KspStore *store,
                           gint64    id,
                           GError  **error)
{
  g_autoptr (KspChangeSet) c = ksp_review_find (store, id, error);
  g_autoptr (GPtrArray) log = c ? ksp_store_list_log (store, c->standard_id, error) : NULL;

  return log ? decisions_in (log, id) : NULL;
}

KspChangeDecision *
ksp_change_decisions_lookup (GPtrArray  *decisions,
                             const char *change_key)
{
  for (guint i = 0; i < decisions->len; i++)
    if (g_strcmp0 (((KspChangeDecision *) g_ptr_array_index (decisions, i))->change_key, change_key) == 0)
      return g_ptr_array_index (decisions, i);
  return NULL;
}

/* The changes of @c (the draft before it against @draft_root); with @key, *out_change is the one with that
 * key (a refusal naming it when there is none). */
static GPtrArray *
changes_of (KspStore      *store,
            KspNode       *draft_root,
            KspChangeSet  *c,
            const char    *key,
            KspChange    **out_change,
            KspNode      **out_before,
            GError       **error)
{
  g_autoptr (KspNode) before = undo_change_set (store, draft_root, c, NULL, error);
  g_autoptr (GPtrArray) changes = NULL;

  if (before == NULL)
    return NULL;
  changes = ksp_diff_trees (before, draft_root);
  if (key)
    {
      for (guint i = 0; i < changes->len && *out_change == NULL; i++)
        {
          g_autofree char *k = ksp_change_dup_key (g_ptr_array_index (changes, i));
          if (g_str_equal (k, key))
            *out_change = g_ptr_array_index (changes, i);
        }
      if (*out_change == NULL)
        {
          g_autofree char *number = _ksp_review_arg_id (c->id);
          g_autofree char *which = change_arg (store, c->standard_id, draft_root, key);
          _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID, "review.no-such-change", number,
                                 which, NULL);
          return NULL;
        }
    }
  if (out_before)
    *out_before = g_steal_pointer (&before);
  return g_steal_pointer (&changes);
}

static gboolean
decide (KspStore   *store,
        KspNode    *draft_root,
        gint64      id,
        const char *change_key,
        const char *account,
        gboolean    approve,
        const char *reason,
        GError    **error)
{
  g_autoptr (KspChangeSet) c = ksp_review_find (store, id, error);
  g_autoptr (GPtrArray) log = NULL;
  g_autoptr (GPtrArray) decisions = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (KspLogEntry) entry = NULL;
  g_autofree char *clean = reason ? g_strstrip (g_strdup (reason)) : NULL;
  g_autofree char *number = NULL, *which = NULL;
  KspChangeDecision *before;
  KspChange *change = NULL;
  KspChangeRecord *record;

  g_return_val_if_fail (change_key != NULL, FALSE);
  if (c == NULL || !ksp_review_require (store, account, KSP_ROLE_REVIEWER, "decide on a change", error))
    return FALSE;
  number = _ksp_review_arg_id (id);
  which = change_arg (store, c->standard_id, draft_root, change_key);
  if (g_strcmp0 (c->author, account) == 0)
    {
      g_autofree char *who = ksp_message_arg_text (account);
      _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_OWN, "review.own-change", which, number, who,
                             NULL);
      return FALSE;
    }
  if (!require_status (c, "submitted", "review.action.decide", error))
    return FALSE;
  if (!approve && (clean == NULL || *clean == '\0'))
    {
      _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_NO_REASON, "review.change-no-reason", which,
                             NULL);
      return FALSE;
    }
  if (!(log = ksp_store_list_log (store, c->standard_id, error)))
    return FALSE;
  decisions = decisions_in (log, id);
  before = ksp_change_decisions_lookup (decisions, change_key);
  if (before && g_strcmp0 (before->verdict, "reverted") == 0)
    {
      _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_STATUS, "review.change-reverted", which, number,
                             NULL);
      return FALSE;
    }
  if (!(changes = changes_of (store, draft_root, c, change_key, &change, NULL, error)))
    return FALSE;
  record = ksp_change_record_new (KSP_RECORD_DECISION, change->new_node ? change->new_node : change->old_node);
  record->field = g_strdup (change_key);
  record->old_value = g_strdup (before ? before->verdict : NULL);
  record->new_value = g_strdup (approve ? "approved" : "rejected");
  entry = review_entry_new (c, account, approve ? "approve-change" : "reject-change", record);
  entry->label = approve ? NULL : g_steal_pointer (&clean);
  return store_review_entry (store, entry, NULL, error);
}

gboolean
ksp_review_approve_change (KspStore   *store,
                           KspNode    *draft_root,
                           gint64      id,
                           const char *change_key,
                           const char *account,
                           GError    **error)
{
  return decide (store, draft_root, id, change_key, account, TRUE, NULL, error);
}

gboolean
ksp_review_reject_change (KspStore   *store,
                          KspNode    *draft_root,
                          gint64      id,
                          const char *change_key,
                          const char *account,
                          const char *reason,
                          GError    **error)
{
  return decide (store, draft_root, id, change_key, account, FALSE, reason, error);
}

/* Where @node (of the tree before) goes back under @parent (of the draft): after the nearest sibling before
 * it that the draft has under @parent (the index once @moving, when it is there, has left its place). */
static guint
place_after_sibling (KspNode *node,
                     KspNode *parent,
                     KspNode *moving)
{
  KspNode *old_parent = ksp_node_get_parent (node);
  guint index = 0;

  if (!ksp_node_find_child (old_parent, node, &index))
    return 0;
  while (index-- > 0)
    {
      const char *id = ksp_node_get_id (ksp_node_get_child (old_parent, index));
      guint position = 0;
      for (guint i = 0; i < ksp_node_get_n_children (parent); i++)
        {
          KspNode *child = ksp_node_get_child (parent, i);
          if (child == moving)
            continue;
          if (g_strcmp0 (ksp_node_get_id (child), id) == 0)
            return position + 1;
          position++;
        }
    }
  return 0;
}

/* The command that undoes @change in @draft (@change's old side is in the tree before the change set). */
static KspCommand *
inverse_of (KspChange   *change,
            KspDocument *draft,
            const char  *label,
            GError     **error)
{
  g_autoptr (KspCommand) group = ksp_group_command_new (label);
  KspNode *old_node = change->old_node, *new_node = change->new_node;

  switch (change->op)
    {
    case KSP_CHANGE_CHANGED:
      if (g_str_equal (change->field, "number"))
        ksp_group_command_take (KSP_GROUP_COMMAND (group),
                                ksp_set_number_command_new (ksp_node_get_id (new_node), ksp_node_get_number (old_node)));
      else
        ksp_group_command_take (KSP_GROUP_COMMAND (group),
                                ksp_set_value_command_new (ksp_node_get_id (new_node), change->field, change->lang,
                                                           ksp_node_get_value (old_node, change->field, change->lang)));
      break;
    case KSP_CHANGE_ADDED:
      ksp_group_command_take (KSP_GROUP_COMMAND (group), ksp_remove_node_command_new (ksp_node_get_id (new_node)));
      break;
    case KSP_CHANGE_REMOVED:
    case KSP_CHANGE_MOVED:
      {
        KspNode *old_parent = ksp_node_get_parent (old_node);
        KspNode *parent = old_parent ? ksp_document_lookup (draft, ksp_node_get_id (old_parent)) : NULL;
        if (parent == NULL)
          {
            KspChangeRecord r = { .op = change->op == KSP_CHANGE_MOVED ? KSP_RECORD_MOVE : KSP_RECORD_DELETE,
                                  .element_id = (char *) ksp_node_get_id (old_node),
                                  .kind = (char *) ksp_node_get_kind (old_node) };
            conflict (&r, "review.why.lost-parent", error);
            return NULL;
          }
        if (change->op == KSP_CHANGE_REMOVED)
          {
            g_autoptr (KspNode) copy = ksp_node_copy (old_node);
            ksp_group_command_take (KSP_GROUP_COMMAND (group),
                                    ksp_insert_node_command_new (ksp_node_get_id (parent),
                                                                 place_after_sibling (old_node, parent, NULL), copy));
          }
        else
          ksp_group_command_take (KSP_GROUP_COMMAND (group),
                                  ksp_move_node_command_new (ksp_node_get_id (new_node), ksp_node_get_id (parent),
                                                             place_after_sibling (old_node, parent, new_node)));
        break;
      }
    default:
      break;
    }
  /* the numbers that followed the change go back too */
  for (guint i = 0; change->renumbered && i < change->renumbered->len; i++)
    {
      KspRenumbering *n = g_ptr_array_index (change->renumbered, i);
      if (n->new_node && ksp_document_lookup (draft, ksp_node_get_id (n->new_node)))
        ksp_group_command_take (KSP_GROUP_COMMAND (group),
                                ksp_set_number_command_new (ksp_node_get_id (n->new_node), n->old_number));
    }
  return g_steal_pointer (&group);
}

gboolean
ksp_review_revert_change (KspStore    *store,
                          KspDocument *draft,
                          gint64       id,
                          const char  *change_key,
                          const char  *account,
                          GError     **error)
{
  g_autoptr (KspChangeSet) c = ksp_review_find (store, id, error);
  g_autoptr (GPtrArray) log = NULL;
  g_autoptr (GPtrArray) decisions = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (KspNode) before_tree = NULL;
  g_autoptr (KspCommand) command = NULL;
  g_autoptr (KspLogEntry) entry = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autofree char *label = NULL, *number = NULL, *which = NULL;
  KspChangeDecision *decision;
  KspChange *change = NULL;
  KspChangeRecord *record;
  KspLogEntry *revert;

  g_return_val_if_fail (change_key != NULL, FALSE);
  if (c == NULL || !require_status (c, "submitted", "review.action.revert-change", error) ||
      !require_author (c, account, "review.by-author.revert-change", error) ||
      !ksp_review_require (store, account, KSP_ROLE_DRAFTER, "revert a change", error) ||
      !(log = ksp_store_list_log (store, c->standard_id, error)))
    return FALSE;
  number = _ksp_review_arg_id (id);
  which = change_arg (store, c->standard_id, ksp_document_get_root (draft), change_key);
  decisions = decisions_in (log, id);
  decision = ksp_change_decisions_lookup (decisions, change_key);
  if (decision == NULL || g_strcmp0 (decision->verdict, "rejected") != 0)
    {
      _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_STATUS, "review.change-not-rejected", which,
                             number, NULL);
      return FALSE;
    }
  if (!(changes = changes_of (store, ksp_document_get_root (draft), c, change_key, &change, &before_tree, error)))
    return FALSE;
  /* Translators: the change log's label of a single change reverted (data, as the set's revert) */
  label = g_strdup_printf ("revert change %s of change set %" G_GINT64_FORMAT, change_key, id);
  if (!(command = inverse_of (change, draft, label, error)))
    return FALSE;
  /* the revert (a change of the author's, in their open change set) and the decision that names it, at once */
  if (!ksp_store_begin (store, error))
    return FALSE;
  if (!ksp_document_execute (draft, command, error))
    {
      ksp_store_rollback (store);
      return FALSE;
    }
  /* inside the transaction the standard's last entry is the revert's: appending to the chain is serialised
   * (its head moves with each entry), in any backend */
  if (!(after = ksp_store_list_log (store, c->standard_id, error)) || after->len == 0)
    goto failed;
  revert = g_ptr_array_index (after, after->len - 1);
  record = g_new0 (KspChangeRecord, 1);
  record->op = KSP_RECORD_DECISION;
  record->element_id = g_strdup (decision->element_id);
  record->kind = g_strdup (change->kind);
  record->field = g_strdup (change_key);
  record->old_value = g_strdup ("rejected");
  record->new_value = g_strdup ("reverted");
  record->content_hash = g_strdup (revert->hash);
  entry = review_entry_new (c, account, "revert-change", record);
  if (!ksp_store_append_log (store, entry, error) || !ksp_store_commit (store, error))
    goto failed;
  return TRUE;

failed:
  ksp_store_rollback (store);
  /* the draft in memory has the revert, the workspace does not */
  {
    g_autofree char *why = ksp_message_render ("review.revert-not-stored", NULL, ksp_ui_lang_default ());
    ksp_document_set_read_only (draft, why);
  }
  return FALSE;
}
