/* test-review.c: the review's rules in the model (model/review/), without the command line
 *
 * People and roles: a workspace of one allows everything; once people are recorded, only an administrator
 * records others, a reviewer cannot edit, nobody approves their own change set, a rejection needs a reason.
 * Comments: anchored by ID, they stay on their element through an edit, a renumbering and a move; a
 * comment on an element deleted afterwards is kept and marked orphaned; replies go into the thread; the
 * thread is resolved by its author or a reviewer, and each of these is an entry of the change log. */
#include "config.h"

#include "ksp-node-path.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "ksp-comments.h"
#include "ksp-diff.h"
#include "ksp-group-command.h"
#include "ksp-set-value-command.h"
#include "ksp-sqlite-store.h"
#include "ksp-review.h"
#include "ksp-sample.h"
#include "ksp-set-number-command.h"
#include "ksp-test-workspace.h"

typedef struct {
  char        *dir;
  char        *path;
  KspStore    *store;
  KspDocument *doc;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  ksp_test_sample_workspace ("kasip-review", &f->dir, &f->path, &f->store, &f->doc);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  ksp_test_workspace_close (&f->dir, &f->store, &f->doc);
  g_clear_pointer (&f->path, g_free);
}

static const char *
standard_id (Fixture *f)
{
  return ksp_node_get_id (ksp_document_get_root (f->doc));
}

static gint64
open_set_of (Fixture    *f,
             const char *author)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sets = ksp_store_list_change_sets (f->store, standard_id (f), &error);

  g_assert_no_error (error);
  for (guint i = 0; i < sets->len; i++)
    {
      KspChangeSet *c = g_ptr_array_index (sets, i);
      if (g_str_equal (c->author, author) && g_str_equal (c->status, "open"))
        return c->id;
    }
  return 0;
}

static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  KspNode *skill = ksp_node_find_first_of_kind (ksp_document_get_root (f->doc), "skill");
  gint64 set;

  /* a workspace of one */
  g_assert_false (ksp_review_is_set_up (f->store, &error));
  g_assert_cmpint (ksp_review_roles_of (f->store, "anyone", &error), ==, KSP_ROLES_ALL);
  /* the first person is an administrator too; then only an administrator records people */
  g_assert_true (ksp_review_set_person (f->store, "anyone", "dana", "Dana", KSP_ROLE_DRAFTER, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ksp_review_roles_of (f->store, "dana", &error), ==, KSP_ROLE_DRAFTER | KSP_ROLE_ADMIN);
  g_assert_true (ksp_review_set_person (f->store, "dana", "ruslan", "Ruslan", KSP_ROLE_REVIEWER, &error));
  g_assert_false (ksp_review_set_person (f->store, "ruslan", "eve", NULL, KSP_ROLE_ADMIN, &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_cmpint (ksp_review_roles_of (f->store, "stranger", &error), ==, 0);

  /* a reviewer does not edit; the tree is untouched */
  ksp_document_set_user (f->doc, "ruslan");
  g_assert_false (ksp_document_set_value (f->doc, skill, "name", KSP_LANG_RU, "правка рецензента", &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_cmpstr (ksp_node_get_value (skill, "name", KSP_LANG_RU), !=, "правка рецензента");

  /* a drafter's edits go into their change set */
  ksp_document_set_user (f->doc, "dana");
  g_assert_true (ksp_document_set_value (f->doc, skill, "name", KSP_LANG_RU, "правка", &error));
  g_assert_no_error (error);
  set = open_set_of (f, "dana");
  g_assert_cmpint (set, >, 0);
  /* the draft before the set: the diff to the draft is exactly its change */
  {
    g_autoptr (KspNode) before = ksp_review_dup_before (f->store, ksp_document_get_root (f->doc), set, &error);
    g_autoptr (GPtrArray) changes = NULL;
    g_assert_no_error (error);
    changes = ksp_diff_trees (before, ksp_document_get_root (f->doc));
    g_assert_cmpuint (changes->len, ==, 1);
    g_assert_cmpstr (((KspChange *) changes->pdata[0])->field, ==, "name");
    g_assert_cmpstr (((KspChange *) changes->pdata[0])->new_value, ==, "правка");
  }
  g_assert_true (ksp_review_submit (f->store, set, "dana", "Навык", &error));
  g_assert_no_error (error);
  /* dana also reviews: not her own */
  g_assert_true (ksp_review_set_person (f->store, "dana", "dana", "Dana", KSP_ROLE_DRAFTER | KSP_ROLE_REVIEWER | KSP_ROLE_ADMIN, &error));
  g_assert_false (ksp_review_approve (f->store, set, "dana", &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_OWN);
  g_clear_error (&error);
  g_assert_false (ksp_review_reject (f->store, set, "ruslan", "  ", &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_NO_REASON);
  g_clear_error (&error);
  g_assert_true (ksp_review_reject (f->store, set, "ruslan", "не то слово", &error));
  g_assert_no_error (error);
  /* reverted in one step: the draft as before, and the revert is dana's new change */
  g_assert_true (ksp_review_revert (f->store, f->doc, set, "dana", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ksp_node_get_value (skill, "name", KSP_LANG_RU), !=, "правка");
  g_assert_cmpint (open_set_of (f, "dana"), >, set);
  {
    g_autoptr (KspChangeSet) c = ksp_review_find (f->store, set, &error);
    g_assert_cmpstr (c->status, ==, "reverted");
    g_assert_cmpstr (c->reason, ==, "не то слово");
    g_assert_cmpstr (c->reviewer, ==, "ruslan");
  }
}

/* A display name of one's own: anyone records it, it neither sets review up nor changes roles. */
static void
test_own_name (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspPerson) dana = NULL;
  KspNode *skill = ksp_node_find_first_of_kind (ksp_document_get_root (f->doc), "skill");

  g_assert_null (ksp_review_find_person (f->store, "dana", &error));
  g_assert_no_error (error);
  g_assert_true (ksp_review_set_own_name (f->store, "dana", " Дана Серікқызы ", &error));
  g_assert_no_error (error);
  g_assert_true (ksp_review_set_own_name (f->store, "ruslan", "Ruslan", &error));
  dana = ksp_review_find_person (f->store, "dana", &error);
  g_assert_nonnull (dana);
  g_assert_cmpstr (dana->display_name, ==, "Дана Серікқызы");
  g_assert_cmpstr (dana->roles, ==, "");
  g_clear_pointer (&dana, ksp_person_free);
  /* still a workspace of one: every role is everyone's, and anyone edits */
  g_assert_false (ksp_review_is_set_up (f->store, &error));
  g_assert_cmpint (ksp_review_roles_of (f->store, "dana", &error), ==, KSP_ROLES_ALL);
  g_assert_cmpint (ksp_review_roles_of (f->store, "stranger", &error), ==, KSP_ROLES_ALL);
  ksp_document_set_user (f->doc, "stranger");
  g_assert_true (ksp_document_set_value (f->doc, skill, "name", KSP_LANG_RU, "правка", &error));
  g_assert_no_error (error);
  /* an empty name is refused */
  g_assert_false (ksp_review_set_own_name (f->store, "dana", "  ", &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID);
  g_clear_error (&error);

  /* the first person given roles is still made an administrator, and keeps the name they chose */
  g_assert_true (ksp_review_set_person (f->store, "ruslan", "dana", NULL, KSP_ROLE_DRAFTER, &error));
  g_assert_no_error (error);
  g_assert_true (ksp_review_is_set_up (f->store, &error));
  g_assert_cmpint (ksp_review_roles_of (f->store, "dana", &error), ==, KSP_ROLE_DRAFTER | KSP_ROLE_ADMIN);
  dana = ksp_review_find_person (f->store, "dana", &error);
  g_assert_cmpstr (dana->display_name, ==, "Дана Серікқызы");
  g_clear_pointer (&dana, ksp_person_free);
  /* ruslan named himself but holds no role: now that review is set up he has none */
  g_assert_cmpint (ksp_review_roles_of (f->store, "ruslan", &error), ==, 0);
  g_assert_false (ksp_review_set_person (f->store, "ruslan", "ruslan", NULL, KSP_ROLES_ALL, &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* changing one's name keeps one's roles, with review set up too */
  g_assert_true (ksp_review_set_own_name (f->store, "dana", "Dana S.", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ksp_review_roles_of (f->store, "dana", &error), ==, KSP_ROLE_DRAFTER | KSP_ROLE_ADMIN);
  dana = ksp_review_find_person (f->store, "dana", &error);
  g_assert_cmpstr (dana->display_name, ==, "Dana S.");
  g_assert_true (ksp_review_set_own_name (f->store, "ruslan", "Руслан", &error));
  g_assert_cmpint (ksp_review_roles_of (f->store, "ruslan", &error), ==, 0);
  g_assert_no_error (error);
}

/* A skill of @root that is not @skill. */
static KspNode *
other_skill (KspNode *node,
             KspNode *skill)
{
  if (g_str_equal (ksp_node_get_kind (node), "skill") && node != skill)
    return node;
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    {
      KspNode *found = other_skill (ksp_node_get_child (node, i), skill);
      if (found)
        return found;
    }
  return NULL;
}

/* Records people as "ACCOUNT=ROLES", by the first of them (the first recorded is made an administrator). */
static void
record_people (Fixture    *f,
               const char *first,
               ...)
{
  g_auto (GStrv) by = g_strsplit (first, "=", 2);
  va_list ap;

  va_start (ap, first);
  for (const char *spec = first; spec; spec = va_arg (ap, const char *))
    {
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) parts = g_strsplit (spec, "=", 2);
      KspRoles roles = 0;

      g_assert_true (ksp_roles_parse (parts[1], &roles, &error));
      g_assert_true (ksp_review_set_person (f->store, by[0], parts[0], NULL, roles, &error));
      g_assert_no_error (error);
    }
  va_end (ap);
}

static KspChangeSet *
find_set (Fixture *f,
          gint64   id)
{
  g_autoptr (GError) error = NULL;
  KspChangeSet *c = ksp_review_find (f->store, id, &error);

  g_assert_no_error (error);
  return c;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The keys of the changes of change set @id (the draft before it against the draft), sorted, joined by " ". */
static char *
keys_of (Fixture *f,
         gint64   id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) before = ksp_review_dup_before (f->store, ksp_document_get_root (f->doc), id, &error);
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  changes = ksp_diff_trees (before, ksp_document_get_root (f->doc));
  for (guint i = 0; i < changes->len; i++)
    g_ptr_array_add (keys, ksp_change_dup_key (g_ptr_array_index (changes, i)));
  g_ptr_array_sort (keys, compare_strings);
  g_ptr_array_add (keys, NULL);
  return g_strjoinv (" ", (char **) keys->pdata);
}

static char *
key_of (KspNode    *node,
        const char *field,
        const char *lang)
{
  return g_strdup_printf ("changed:%s:%s:%s", ksp_node_get_id (node), field, lang);
}

static void
assert_verified (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStoreVerification) v = ksp_store_verify (f->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (v->membership);
  g_assert_cmpuint (v->membership->len, ==, 0);
  g_assert_true (ksp_store_verification_ok (v));
}

/* Titles, splitting and merging: the entries stay as written (the chain holds), the store keeps where they
 * belong, and counting, the draft before a set, its revert and publishing go by it. */
static void
test_split_merge (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  KspNode *root = ksp_document_get_root (f->doc);
  KspNode *a = ksp_node_find_first_of_kind (root, "skill");
  KspNode *b = other_skill (root, a);
  KspNode *k = ksp_node_find_first_of_kind (root, "knowledge");
  g_autofree char *key_a = key_of (a, "name", "ru"), *key_b = key_of (b, "name", "ru"), *key_k = key_of (k, "text", "ru");
  g_autofree char *keys = NULL, *want = NULL;
  g_autoptr (KspChangeSet) set = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GPtrArray) log_before = NULL, log_after = NULL;
  const char *split_off[] = { ksp_node_get_id (b), ksp_node_get_id (k), NULL };
  gint64 s, t;

  record_people (f, "admin=admin", "dana=drafter", "dias=drafter", "ruslan=reviewer", NULL);
  ksp_document_set_user (f->doc, "dana");
  g_assert_true (ksp_document_set_value (f->doc, a, "name", KSP_LANG_RU, "навык А", &error));
  g_assert_true (ksp_document_set_value (f->doc, b, "name", KSP_LANG_RU, "навык Б", &error));
  g_assert_true (ksp_document_set_value (f->doc, k, "text", KSP_LANG_RU, "знание", &error));
  g_assert_no_error (error);
  s = open_set_of (f, "dana");

  /* the title: the author's, of an open or submitted set; in the log */
  g_assert_true (ksp_review_set_title (f->store, s, "dana", "  Навыки  ", &error));
  g_assert_no_error (error);
  set = find_set (f, s);
  g_assert_cmpstr (set->title, ==, "Навыки");
  g_clear_pointer (&set, ksp_change_set_free);
  g_assert_false (ksp_review_set_title (f->store, s, "ruslan", "Чужое", &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "only its author gives it a title"));
  g_clear_error (&error);

  /* split refused: no elements; none of its changes; all of them; not the author */
  g_assert_cmpint (ksp_review_split (f->store, s, NULL, "dana", NULL, &error), ==, 0);
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  {
    const char *none[] = { ksp_node_get_id (root), NULL };
    const char *all[] = { ksp_node_get_id (a), ksp_node_get_id (b), ksp_node_get_id (k), NULL };
    g_assert_cmpint (ksp_review_split (f->store, s, none, "dana", NULL, &error), ==, 0);
    g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "no change of change set"));
    g_clear_error (&error);
    g_assert_cmpint (ksp_review_split (f->store, s, all, "dana", NULL, &error), ==, 0);
    g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (ksp_review_split (f->store, s, split_off, "dias", NULL, &error), ==, 0);
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* split: B and K go into a new open set of dana's; the log's entries are the same, and hold */
  log_before = ksp_store_list_log (f->store, standard_id (f), &error);
  t = ksp_review_split (f->store, s, split_off, "dana", "Знания", &error);
  g_assert_no_error (error);
  g_assert_cmpint (t, >, s);
  log_after = ksp_store_list_log (f->store, standard_id (f), &error);
  g_assert_cmpuint (log_after->len, ==, log_before->len + 1);
  for (guint i = 0; i < log_before->len; i++)
    {
      KspLogEntry *x = g_ptr_array_index (log_before, i), *y = g_ptr_array_index (log_after, i);
      g_assert_cmpstr (x->hash, ==, y->hash);
      g_assert_cmpint (x->change_set, ==, y->change_set);
    }
  assert_verified (f);
  set = find_set (f, s);
  g_assert_cmpuint (set->n_entries, ==, 1);
  g_clear_pointer (&set, ksp_change_set_free);
  set = find_set (f, t);
  g_assert_cmpuint (set->n_entries, ==, 2);
  g_assert_cmpstr (set->status, ==, "open");
  g_assert_cmpstr (set->author, ==, "dana");
  g_assert_cmpstr (set->title, ==, "Знания");
  g_clear_pointer (&set, ksp_change_set_free);
  entries = ksp_review_list_entries (f->store, t, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_clear_pointer (&entries, g_ptr_array_unref);
  /* the draft before each shows its own changes */
  keys = keys_of (f, s);
  g_assert_cmpstr (keys, ==, key_a);
  g_free (keys);
  keys = keys_of (f, t);
  want = g_strcmp0 (key_b, key_k) < 0 ? g_strjoin (" ", key_b, key_k, NULL) : g_strjoin (" ", key_k, key_b, NULL);
  g_assert_cmpstr (keys, ==, want);
  g_clear_pointer (&keys, g_free);
  /* the element's history names the change set it belongs to now */
  {
    g_autoptr (GPtrArray) history = ksp_review_dup_history_of (f->store, standard_id (f), ksp_node_get_id (b), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, 1);
    g_assert_cmpint (((KspLogEntry *) history->pdata[0])->change_set, ==, t);
  }
  /* dana's next edit goes on into the first open set */
  g_assert_true (ksp_document_set_value (f->doc, a, "name", KSP_LANG_KK, "дағды А", &error));
  g_assert_no_error (error);
  g_assert_cmpint (open_set_of (f, "dana"), ==, s);

  /* merge refused: one set with itself, another author's, a set not open */
  g_assert_false (ksp_review_merge (f->store, s, s, "dana", &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ksp_review_merge (f->store, s, t, "dias", &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_true (ksp_review_submit (f->store, t, "dana", NULL, &error));
  g_assert_false (ksp_review_merge (f->store, s, t, "dana", &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_STATUS);
  g_clear_error (&error);
  g_assert_false (ksp_review_split (f->store, t, split_off, "dana", NULL, &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_STATUS);
  g_clear_error (&error);
  /* a submitted set is titled still */
  g_assert_true (ksp_review_set_title (f->store, t, "dana", "Знания и навык Б", &error));
  g_assert_no_error (error);

  /* publishing waits for both; the reviewer rejects T, dana reverts it: only B and K go back */
  {
    g_autofree char *s_text = g_strdup_printf ("%" G_GINT64_FORMAT " (dana, open)", s);
    g_autofree char *t_text = g_strdup_printf ("%" G_GINT64_FORMAT " (dana, submitted)", t);
    g_assert_true (ksp_review_set_person (f->store, "admin", "admin", NULL, KSP_ROLE_ADMIN | KSP_ROLE_PUBLISHER, &error));
    g_assert_false (ksp_review_check_publishable (f->store, standard_id (f), "admin", &error));
    g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_PENDING);
    g_assert_nonnull (strstr (error->message, s_text));
    g_assert_nonnull (strstr (error->message, t_text));
    g_clear_error (&error);
  }
  g_assert_true (ksp_review_reject (f->store, t, "ruslan", "не то", &error));
  g_assert_true (ksp_review_revert (f->store, f->doc, t, "dana", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ksp_node_get_value (a, "name", KSP_LANG_RU), ==, "навык А");
  g_assert_cmpstr (ksp_node_get_value (b, "name", KSP_LANG_RU), !=, "навык Б");
  g_assert_cmpstr (ksp_node_get_value (k, "text", KSP_LANG_RU), !=, "знание");
  assert_verified (f);

  /* merge: dana splits S again, then merges the new one back; the merged one is empty and "merged" */
  {
    const char *only_b[] = { ksp_node_get_id (b), NULL };
    gint64 u;
    /* the revert went into S (dana's open set) and changed B and K in one step: it goes whole or not at all */
    g_assert_cmpint (ksp_review_split (f->store, s, only_b, "dana", NULL, &error), ==, 0);
    g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "which is not split off"));
    g_assert_nonnull (strstr (error->message, ksp_node_get_id (k)));
    g_clear_error (&error);
    u = ksp_review_split (f->store, s, split_off, "dana", NULL, &error);
    g_assert_no_error (error);
    set = find_set (f, s);
    g_assert_cmpuint (set->n_entries, ==, 2);   /* A's two edits */
    g_clear_pointer (&set, ksp_change_set_free);
    g_assert_true (ksp_review_merge (f->store, s, u, "dana", &error));
    g_assert_no_error (error);
    set = find_set (f, u);
    g_assert_cmpstr (set->status, ==, "merged");
    g_assert_cmpuint (set->n_entries, ==, 0);
    g_clear_pointer (&set, ksp_change_set_free);
    set = find_set (f, s);
    g_assert_cmpuint (set->n_entries, ==, 3);
    g_clear_pointer (&set, ksp_change_set_free);
    g_assert_false (ksp_review_merge (f->store, s, u, "dana", &error));
    g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_STATUS);
    g_clear_error (&error);
    /* after the merge, the draft before S is before all three: A's edits and the revert of T */
    keys = keys_of (f, s);
    g_assert_nonnull (strstr (keys, key_a));
    g_assert_nonnull (strstr (keys, key_b));
    g_clear_pointer (&keys, g_free);
  }
  assert_verified (f);
  (void) key_k;
}


/* Approving and rejecting single changes inside a submitted change set; a rejected one reverted alone. */
static void
test_per_change (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) decisions = NULL;
  KspNode *root = ksp_document_get_root (f->doc);
  KspNode *a = ksp_node_find_first_of_kind (root, "skill");
  KspNode *b = other_skill (root, a);
  KspNode *k = ksp_node_find_first_of_kind (root, "knowledge");
  KspNode *k_parent = ksp_node_get_parent (k);
  g_autofree char *k_id = g_strdup (ksp_node_get_id (k));
  g_autofree char *b_name = g_strdup (ksp_node_get_value (b, "name", KSP_LANG_RU));
  g_autofree char *key_a = key_of (a, "name", "ru"), *key_b = key_of (b, "name", "ru");
  g_autofree char *key_k = g_strdup_printf ("removed:%s", k_id);
  g_autofree char *keys = NULL;
  guint k_position = 0;
  gint64 s;

  ksp_node_find_child (k_parent, k, &k_position);
  record_people (f, "admin=admin", "dana=drafter", "ruslan=reviewer", "aigul=reviewer", NULL);
  ksp_document_set_user (f->doc, "dana");
  g_assert_true (ksp_document_set_value (f->doc, a, "name", KSP_LANG_RU, "навык А", &error));
  g_assert_true (ksp_document_set_value (f->doc, b, "name", KSP_LANG_RU, "навык Б", &error));
  g_assert_true (ksp_document_remove_node (f->doc, k, &error));
  g_assert_no_error (error);
  s = open_set_of (f, "dana");
  keys = keys_of (f, s);
  g_assert_nonnull (strstr (keys, key_a));
  g_assert_nonnull (strstr (keys, key_b));
  g_assert_nonnull (strstr (keys, key_k));
  g_clear_pointer (&keys, g_free);

  /* only in a submitted set */
  g_assert_false (ksp_review_approve_change (f->store, root, s, key_a, "ruslan", &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_STATUS);
  g_clear_error (&error);
  g_assert_true (ksp_review_submit (f->store, s, "dana", NULL, &error));
  g_assert_no_error (error);
  /* refused: not a reviewer; the author, though a reviewer too; no reason; a change the set does not have */
  g_assert_false (ksp_review_approve_change (f->store, root, s, key_a, "dana", &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_true (ksp_review_set_person (f->store, "admin", "dana", NULL, KSP_ROLE_DRAFTER | KSP_ROLE_REVIEWER, &error));
  g_assert_false (ksp_review_reject_change (f->store, root, s, key_a, "dana", "своё", &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_OWN);
  g_assert_nonnull (strstr (error->message, "a reviewer cannot decide on a change they authored"));
  g_clear_error (&error);
  g_assert_false (ksp_review_reject_change (f->store, root, s, key_b, "ruslan", " ", &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_NO_REASON);
  g_assert_nonnull (strstr (error->message, "needs a reason"));
  g_clear_error (&error);
  g_assert_false (ksp_review_approve_change (f->store, root, s, "changed:nope:name:ru", "ruslan", &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID);
  g_clear_error (&error);

  /* decided: A approved, B and K rejected (B first approved by aigul, then rejected: the last one holds) */
  g_assert_true (ksp_review_approve_change (f->store, root, s, key_a, "ruslan", &error));
  g_assert_true (ksp_review_approve_change (f->store, root, s, key_b, "aigul", &error));
  g_assert_true (ksp_review_reject_change (f->store, root, s, key_b, "ruslan", "Не то название", &error));
  g_assert_true (ksp_review_reject_change (f->store, root, s, key_k, "ruslan", "Знание нужно", &error));
  g_assert_no_error (error);
  decisions = ksp_review_list_decisions (f->store, s, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 3);
  g_assert_cmpstr (ksp_change_decisions_lookup (decisions, key_a)->verdict, ==, "approved");
  g_assert_cmpstr (ksp_change_decisions_lookup (decisions, key_b)->verdict, ==, "rejected");
  g_assert_cmpstr (ksp_change_decisions_lookup (decisions, key_b)->reviewer, ==, "ruslan");
  g_assert_cmpstr (ksp_change_decisions_lookup (decisions, key_b)->reason, ==, "Не то название");
  g_assert_cmpstr (ksp_change_decisions_lookup (decisions, key_b)->element_id, ==, ksp_node_get_id (b));
  g_assert_cmpstr (ksp_change_decisions_lookup (decisions, key_k)->element_id, ==, k_id);
  g_clear_pointer (&decisions, g_ptr_array_unref);

  /* the set is not approved while a change of it is rejected and not reverted: the message names it */
  g_assert_false (ksp_review_approve (f->store, s, "ruslan", &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_PENDING);
  {
    /* as a reader names it: where the element is, the field and its language — not the key */
    g_autofree char *path = ksp_node_dup_path (b, KSP_NODE_PATH_CODES, ksp_ui_lang_default ());
    g_autofree char *named = g_strdup_printf ("change %s · ", path);
    g_assert_nonnull (strstr (error->message, named));
    g_assert_nonnull (strstr (error->message, " (ru) of change set "));
    g_assert_null (strstr (error->message, key_b));
  }
  g_clear_error (&error);

  /* reverted alone, by its author: not by a reviewer, not an approved change */
  g_assert_false (ksp_review_revert_change (f->store, f->doc, s, key_b, "ruslan", &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (ksp_review_revert_change (f->store, f->doc, s, key_a, "dana", &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_STATUS);
  g_clear_error (&error);
  g_assert_true (ksp_review_revert_change (f->store, f->doc, s, key_b, "dana", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ksp_node_get_value (b, "name", KSP_LANG_RU), ==, b_name);
  g_assert_cmpstr (ksp_node_get_value (a, "name", KSP_LANG_RU), ==, "навык А");
  /* the revert is a change of dana's, in her open change set */
  {
    gint64 t = open_set_of (f, "dana");
    g_autofree char *t_keys = NULL;
    g_assert_cmpint (t, >, s);
    t_keys = keys_of (f, t);
    g_assert_cmpstr (t_keys, ==, key_b);
  }
  /* the set now shows without it (the draft before the set undoes the revert too) */
  keys = keys_of (f, s);
  g_assert_null (strstr (keys, key_b));
  g_assert_nonnull (strstr (keys, key_a));
  g_assert_nonnull (strstr (keys, key_k));
  g_clear_pointer (&keys, g_free);
  g_assert_false (ksp_review_reject_change (f->store, root, s, key_b, "ruslan", "ещё раз", &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_STATUS);
  g_clear_error (&error);
  g_assert_false (ksp_review_revert_change (f->store, f->doc, s, key_b, "dana", &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_STATUS);
  g_clear_error (&error);

  /* the removed knowledge item comes back where it was */
  g_assert_true (ksp_review_revert_change (f->store, f->doc, s, key_k, "dana", &error));
  g_assert_no_error (error);
  {
    KspNode *back = ksp_document_lookup (f->doc, k_id);
    guint position = 0;
    g_assert_nonnull (back);
    g_assert_true (ksp_node_get_parent (back) == k_parent);
    g_assert_true (ksp_node_find_child (k_parent, back, &position));
    g_assert_cmpuint (position, ==, k_position);
  }
  decisions = ksp_review_list_decisions (f->store, s, &error);
  g_assert_cmpstr (ksp_change_decisions_lookup (decisions, key_b)->verdict, ==, "reverted");
  g_assert_cmpstr (ksp_change_decisions_lookup (decisions, key_b)->reverted_by, ==, "dana");
  g_assert_cmpstr (ksp_change_decisions_lookup (decisions, key_b)->reason, ==, "Не то название");
  g_assert_cmpstr (ksp_change_decisions_lookup (decisions, key_k)->verdict, ==, "reverted");
  g_clear_pointer (&decisions, g_ptr_array_unref);

  /* now the set is approved; its changes are all decided */
  g_assert_true (ksp_review_approve (f->store, s, "ruslan", &error));
  g_assert_no_error (error);
  decisions = ksp_review_list_decisions (f->store, s, &error);
  g_assert_cmpuint (decisions->len, ==, 3);
  g_assert_cmpstr (ksp_change_decisions_lookup (decisions, key_a)->verdict, ==, "approved");
  g_clear_pointer (&decisions, g_ptr_array_unref);
  assert_verified (f);
}

/* Approving a set approves the changes nobody decided on, in the approval's entry. */
static void
test_approve_undecided (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) decisions = NULL;
  KspNode *root = ksp_document_get_root (f->doc);
  KspNode *a = ksp_node_find_first_of_kind (root, "skill");
  KspNode *b = other_skill (root, a);
  KspNode *k = ksp_node_find_first_of_kind (root, "knowledge");
  g_autofree char *key_a = key_of (a, "name", "ru");
  g_autofree char *key_moved = g_strdup_printf ("moved:%s", ksp_node_get_id (k));
  gint64 s;

  record_people (f, "dana=drafter,admin", "ruslan=reviewer", NULL);
  ksp_document_set_user (f->doc, "dana");
  g_assert_true (ksp_document_set_value (f->doc, a, "name", KSP_LANG_RU, "навык А", &error));
  g_assert_true (ksp_document_move_node (f->doc, k, b, 0, &error));
  g_assert_no_error (error);
  s = open_set_of (f, "dana");
  g_assert_true (ksp_review_submit (f->store, s, "dana", NULL, &error));
  g_assert_true (ksp_review_reject_change (f->store, root, s, key_moved, "ruslan", "Не туда", &error));
  g_assert_no_error (error);
  /* the move reverted alone: the item is back under its skill */
  g_assert_true (ksp_review_revert_change (f->store, f->doc, s, key_moved, "dana", &error));
  g_assert_no_error (error);
  g_assert_true (ksp_node_get_parent (ksp_document_lookup (f->doc, ksp_node_get_id (k))) != b);
  g_assert_true (ksp_review_approve (f->store, s, "ruslan", &error));
  g_assert_no_error (error);
  decisions = ksp_review_list_decisions (f->store, s, &error);
  g_assert_cmpuint (decisions->len, ==, 2);
  g_assert_cmpstr (ksp_change_decisions_lookup (decisions, key_a)->verdict, ==, "approved");
  g_assert_cmpstr (ksp_change_decisions_lookup (decisions, key_a)->reviewer, ==, "ruslan");
  g_assert_cmpstr (ksp_change_decisions_lookup (decisions, key_moved)->verdict, ==, "reverted");
  assert_verified (f);
}

/* The refusals the other tests do not meet, each with its message. */
static void
test_other_refusals (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  KspNode *root = ksp_document_get_root (f->doc);
  KspNode *a = ksp_node_find_first_of_kind (root, "skill");
  KspNode *card = ksp_node_find_first_of_kind (root, "card");
  gint64 s, t, empty;

  record_people (f, "admin=admin", "dana=drafter", "dias=drafter", "ruslan=reviewer", NULL);

  /* no such change set */
  g_assert_null (ksp_review_find (f->store, 999, &error));
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "there is no change set 999");
  g_clear_error (&error);

  /* nothing to submit: an open change set without entries (what a split can leave behind is refused, so
   * make one as a backend would) */
  g_assert_true (ksp_store_begin (f->store, &error));
  empty = ksp_store_add_change_set (f->store, standard_id (f), "dana", NULL, &error);
  g_assert_true (ksp_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (ksp_review_submit (f->store, empty, "dana", NULL, &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_STATUS);
  g_assert_nonnull (strstr (error->message, "has no changes to submit"));
  g_clear_error (&error);

  /* a revert stops where a later change set changed the same element again, naming it */
  ksp_document_set_user (f->doc, "dana");
  g_assert_true (ksp_document_set_value (f->doc, a, "name", KSP_LANG_RU, "навык дана", &error));
  s = open_set_of (f, "dana");
  ksp_document_set_user (f->doc, "dias");
  g_assert_true (ksp_document_set_value (f->doc, a, "name", KSP_LANG_RU, "навык диаса", &error));
  t = open_set_of (f, "dias");
  g_assert_no_error (error);
  g_assert_true (ksp_review_submit (f->store, s, "dana", NULL, &error));
  g_assert_true (ksp_review_reject (f->store, s, "ruslan", "нет", &error));
  g_assert_false (ksp_review_revert (f->store, f->doc, s, "dana", &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_STATUS);
  g_assert_nonnull (strstr (error->message, "cannot revert: skill"));
  g_assert_nonnull (strstr (error->message, ksp_node_get_id (a)));
  g_assert_nonnull (strstr (error->message, "was changed again since"));
  g_clear_error (&error);
  g_assert_cmpstr (ksp_node_get_value (a, "name", KSP_LANG_RU), ==, "навык диаса");   /* nothing done */
  /* … in Russian, the kind as the standards name it */
  g_setenv ("LANGUAGE", "ru", TRUE);
  g_assert_false (ksp_review_revert (f->store, f->doc, s, "dana", &error));
  g_unsetenv ("LANGUAGE");
  g_assert_nonnull (strstr (error->message, "откатить нельзя: Навык"));
  g_clear_error (&error);
  /* the draft before a set of another standard's tree */
  g_assert_null (ksp_review_dup_before (f->store, card, t, &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_STATUS);
  g_assert_nonnull (strstr (error->message, "is not of this standard"));
  g_clear_error (&error);

  /* comments: no such comment, no such field, a field that has no language given one */
  g_assert_false (ksp_comments_resolve (f->store, 999, "ruslan", TRUE, &error));
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "there is no comment 999");
  g_clear_error (&error);
  g_assert_cmpint (ksp_comments_add (f->store, standard_id (f), a, "nope", KSP_LANG_RU, 0, "ruslan", "x", &error), ==, 0);
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "«skill» has no field «nope»");
  g_clear_error (&error);
  g_assert_cmpint (ksp_comments_add (f->store, standard_id (f), card, "ork_level", KSP_LANG_KK, 0, "ruslan", "x", &error), ==, 0);
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "field «ork_level» of «card» has no language");
  g_clear_error (&error);
  /* an unknown role */
  {
    KspRoles roles = 0;
    g_assert_false (ksp_roles_parse ("drafter, boss", &roles, &error));
    g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "«boss» is not a role: the roles are drafter, reviewer, publisher and admin");
  }
}

/* The membership the store keeps is checked against the log: rewritten with sqlite3, audit verify says so. */
static void
test_membership_tampered (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  KspNode *root = ksp_document_get_root (f->doc);
  KspNode *a = ksp_node_find_first_of_kind (root, "skill");
  KspNode *b = other_skill (root, a);
  const char *split_off[] = { ksp_node_get_id (b), NULL };
  g_autoptr (KspStoreVerification) v = NULL;
  sqlite3 *db = NULL;
  gint64 s, t;

  ksp_document_set_user (f->doc, "dana");
  g_assert_true (ksp_document_set_value (f->doc, a, "name", KSP_LANG_RU, "навык А", &error));
  g_assert_true (ksp_document_set_value (f->doc, b, "name", KSP_LANG_RU, "навык Б", &error));
  s = open_set_of (f, "dana");
  t = ksp_review_split (f->store, s, split_off, "dana", NULL, &error);
  g_assert_no_error (error);
  assert_verified (f);
  g_clear_object (&f->doc);
  g_clear_object (&f->store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE change_set_member SET change_set = change_set - 1", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  f->store = ksp_store_open_uri (f->path, KSP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  v = ksp_store_verify (f->store, &error);
  g_assert_no_error (error);
  g_assert_false (ksp_store_verification_ok (v));
  g_assert_cmpuint (v->membership->len, ==, 1);
  {
    g_autofree char *want = g_strdup_printf ("belongs to change set %" G_GINT64_FORMAT " by the log, not %" G_GINT64_FORMAT,
                                             t, s);
    g_assert_nonnull (strstr (g_ptr_array_index (v->membership, 0), want));
  }
  g_assert_null (v->chain);   /* the chain itself holds: only where the entries belong was changed */
}

/* A workspace of format 9 is upgraded: the membership table is there, and a split works. */
static void
test_migration_10 (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kasip-review-migration-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "old.kasip", NULL);
  g_autoptr (KspStore) store = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *s = NULL;

  g_assert_true (ksp_sqlite_store_create_at_version (path, 9, &error));
  g_assert_no_error (error);
  store = ksp_store_open_uri (path, KSP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                           " (SELECT count(*) FROM sqlite_schema WHERE name = 'change_set_member')",
                                       -1, &s, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (s), ==, SQLITE_ROW);
  g_assert_cmpint (KSP_SQLITE_SCHEMA_VERSION, ==, 10);
  g_assert_cmpint (sqlite3_column_int (s, 0), ==, KSP_SQLITE_SCHEMA_VERSION);
  g_assert_cmpint (sqlite3_column_int (s, 1), ==, 1);
  sqlite3_finalize (s);
  sqlite3_close (db);
  ksp_test_remove_dir (dir);
}

/* The message of a refusal of approving one's own change set, with $LANGUAGE @language. */
static char *
own_approval_refused (Fixture    *f,
                      gint64      set,
                      const char *language)
{
  g_autoptr (GError) error = NULL;

  g_setenv ("LANGUAGE", language, TRUE);
  g_assert_false (ksp_review_approve (f->store, set, "dana", &error));
  g_unsetenv ("LANGUAGE");
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_OWN);
  return g_strdup (error->message);
}

/* Refusals are catalogued messages, in the interface's language. */
static void
test_refusal_languages (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  KspNode *skill = ksp_node_find_first_of_kind (ksp_document_get_root (f->doc), "skill");
  g_autofree char *kk = NULL, *ru = NULL, *en = NULL, *forbidden_kk = NULL;
  gint64 set;

  g_assert_true (ksp_review_set_person (f->store, "dana", "dana", NULL, KSP_ROLE_DRAFTER | KSP_ROLE_REVIEWER, &error));
  ksp_document_set_user (f->doc, "dana");
  g_assert_true (ksp_document_set_value (f->doc, skill, "name", KSP_LANG_RU, "правка", &error));
  set = open_set_of (f, "dana");
  g_assert_true (ksp_review_submit (f->store, set, "dana", NULL, &error));
  g_assert_no_error (error);
  kk = own_approval_refused (f, set, "kk");
  ru = own_approval_refused (f, set, "ru");
  en = own_approval_refused (f, set, "en");
  {
    g_autofree char *want_kk = g_strdup_printf ("%" G_GINT64_FORMAT " өзгерістер жинағы — dana өзі жасаған жинақ: "
                                                "рецензенттің өзі жасаған жинақты мақұлдау құқығы жоқ", set);
    g_autofree char *want_ru = g_strdup_printf ("набор изменений %" G_GINT64_FORMAT " — собственный набор dana: "
                                                "рецензент не может одобрить набор, автором которого является сам", set);
    g_autofree char *want_en = g_strdup_printf ("change set %" G_GINT64_FORMAT " is dana's own: a reviewer cannot "
                                                "approve a change set they authored", set);
    g_assert_cmpstr (kk, ==, want_kk);
    g_assert_cmpstr (ru, ==, want_ru);
    g_assert_cmpstr (en, ==, want_en);
  }
  /* a role refused names the roles in the language */
  g_setenv ("LANGUAGE", "kk", TRUE);
  g_assert_false (ksp_review_require (f->store, "dana", KSP_ROLE_PUBLISHER, "publish the standard", &error));
  g_unsetenv ("LANGUAGE");
  g_assert_cmpstr (error->message, ==, "dana бұл жұмыс кеңістігінде жариялаушы емес (рөлдері: құрастырушы, рецензент, "
                                       "әкімші): стандартты жариялауға болмайды");
}


static void
test_comments (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) comments = NULL;
  g_autoptr (GPtrArray) log = NULL;
  KspNode *root = ksp_document_get_root (f->doc);
  KspNode *knowledge = ksp_node_find_first_of_kind (root, "knowledge");
  KspNode *skill = ksp_node_get_parent (knowledge);
  KspNode *card = ksp_node_find_first_of_kind (root, "card");
  g_autofree char *knowledge_id = g_strdup (ksp_node_get_id (knowledge));
  gint64 first, reply, on_field, on_card;
  guint n_comment_entries = 0;

  ksp_review_set_person (f->store, "admin", "admin", NULL, KSP_ROLE_ADMIN, &error);
  ksp_review_set_person (f->store, "admin", "ruslan", NULL, KSP_ROLE_REVIEWER, &error);
  ksp_review_set_person (f->store, "admin", "dana", NULL, KSP_ROLE_DRAFTER, &error);
  g_assert_no_error (error);
  first = ksp_comments_add (f->store, standard_id (f), knowledge, NULL, KSP_LANG_NONE, 0, "ruslan", "Дублирует знание 2", &error);
  g_assert_no_error (error);
  reply = ksp_comments_add (f->store, standard_id (f), knowledge, NULL, KSP_LANG_NONE, first, "dana", "Согласна", &error);
  on_field = ksp_comments_add (f->store, standard_id (f), skill, "name", KSP_LANG_KK, 0, "ruslan", "Аударма жоқ", &error);
  on_card = ksp_comments_add (f->store, standard_id (f), card, NULL, KSP_LANG_NONE, reply, "admin", "В ветку", &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  /* refused: no text, a field without its language, somebody not recorded */
  g_assert_cmpint (ksp_comments_add (f->store, standard_id (f), skill, NULL, KSP_LANG_NONE, 0, "ruslan", " ", &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (ksp_comments_add (f->store, standard_id (f), skill, "name", KSP_LANG_NONE, 0, "ruslan", "x", &error), ==, 0);
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ksp_comments_add (f->store, standard_id (f), skill, NULL, KSP_LANG_NONE, 0, "mallory", "x", &error), ==, 0);
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* the element renumbered, moved to another skill, then deleted: its comments stay on it, then orphaned */
  ksp_document_set_user (f->doc, "dana");
  {
    g_autoptr (KspCommand) renumber = ksp_set_number_command_new (knowledge_id, "9.");
    g_assert_true (ksp_document_execute (f->doc, renumber, &error));
  }
  {
    KspNode *other = other_skill (root, skill);
    g_assert_nonnull (other);
    g_assert_true (ksp_document_move_node (f->doc, knowledge, other, 0, &error));
    g_assert_true (ksp_node_get_parent (knowledge) == other);
  }
  g_assert_no_error (error);
  comments = ksp_store_list_comments (f->store, standard_id (f), &error);
  g_assert_cmpuint (comments->len, ==, 4);
  g_assert_cmpstr (((KspComment *) comments->pdata[0])->element_id, ==, knowledge_id);
  g_assert_false (ksp_comments_is_orphan (comments->pdata[0], f->doc));
  g_assert_cmpint (((KspComment *) comments->pdata[1])->reply_to, ==, first);
  g_assert_cmpint (((KspComment *) comments->pdata[3])->reply_to, ==, first);   /* a reply to a reply: the thread */
  g_assert_cmpint (((KspComment *) comments->pdata[2])->lang, ==, KSP_LANG_KK);
  g_assert_cmpstr (((KspComment *) comments->pdata[2])->field, ==, "name");
  g_assert_true (ksp_document_remove_node (f->doc, ksp_document_lookup (f->doc, knowledge_id), &error));
  g_assert_no_error (error);
  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = ksp_store_list_comments (f->store, standard_id (f), &error);
  g_assert_cmpuint (comments->len, ==, 4);
  g_assert_true (ksp_comments_is_orphan (comments->pdata[0], f->doc));
  g_assert_false (ksp_comments_is_orphan (comments->pdata[2], f->doc));

  /* resolved by a reviewer (the drafter is not the thread's author), reopened by its author */
  g_assert_false (ksp_comments_resolve (f->store, reply, "dana", TRUE, &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_true (ksp_comments_resolve (f->store, reply, "ruslan", TRUE, &error));
  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = ksp_store_list_comments (f->store, standard_id (f), &error);
  g_assert_cmpstr (((KspComment *) comments->pdata[0])->resolved_by, ==, "ruslan");
  g_assert_true (ksp_comments_resolve (f->store, first, "ruslan", FALSE, &error));
  g_assert_no_error (error);

  /* each in the change log, and the chain holds */
  log = ksp_store_list_log (f->store, standard_id (f), &error);
  for (guint i = 0; i < log->len; i++)
    if (g_str_equal (((KspLogEntry *) log->pdata[i])->action, "comment"))
      n_comment_entries++;
  g_assert_cmpuint (n_comment_entries, ==, 6);   /* four comments, a resolve, a reopen */
  {
    g_autoptr (KspStoreVerification) v = ksp_store_verify (f->store, &error);
    g_assert_no_error (error);
    g_assert_true (ksp_store_verification_ok (v));
  }
  (void) on_field;
  (void) on_card;
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("KASIP_USER", "tester", TRUE);
  g_test_add ("/review/roles-and-change-sets", Fixture, NULL, setup, test_roles, teardown);
  g_test_add ("/review/comments", Fixture, NULL, setup, test_comments, teardown);
  g_test_add ("/review/own-name", Fixture, NULL, setup, test_own_name, teardown);
  g_test_add ("/review/refusal-languages", Fixture, NULL, setup, test_refusal_languages, teardown);
  g_test_add ("/review/title-split-merge", Fixture, NULL, setup, test_split_merge, teardown);
  g_test_add ("/review/membership-tampered", Fixture, NULL, setup, test_membership_tampered, teardown);
  g_test_add_func ("/review/migration-10", test_migration_10);
  g_test_add ("/review/per-change", Fixture, NULL, setup, test_per_change, teardown);
  g_test_add ("/review/approve-undecided", Fixture, NULL, setup, test_approve_undecided, teardown);
  g_test_add ("/review/other-refusals", Fixture, NULL, setup, test_other_refusals, teardown);
  return g_test_run ();
}
