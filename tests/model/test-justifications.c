/* test-justifications.c: the justification of a change, kept in the workspace (model/diff/ksp-justifications.c)
 *
 * A note is kept per change and per language under the change's key; it is found again after the workspace
 * is closed and reopened, after the diff is run again and after the same field is edited further; a note
 * whose change was undone is kept but listed as an orphan; an empty note removes it; a read-only workspace
 * refuses a write and keeps what it had; an unknown standard is named. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ksp-diff.h"
#include "ksp-editions.h"
#include "ksp-justifications.h"
#include "ksp-sample.h"
#include "ksp-test-workspace.h"

typedef struct {
  char        *dir;
  char        *path;
  KspStore    *store;
  KspDocument *doc;
  gint64       edition;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  ksp_test_sample_workspace ("kasip-justifications", &f->dir, &f->path, &f->store, &f->doc);
  f->edition = ksp_editions_freeze (f->store, ksp_node_get_id (ksp_document_get_root (f->doc)), "2026-01-01",
                                    NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  ksp_test_workspace_close (&f->dir, &f->store, &f->doc);
  g_free (f->path);
}

static const char *
standard_id (Fixture *f)
{
  return ksp_node_get_id (ksp_document_get_root (f->doc));
}

/* The changes from edition 1 to the draft. */
static GPtrArray *
diff_draft (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) frozen = ksp_store_load_tree (f->store, f->edition, &error);

  g_assert_no_error (error);
  return ksp_diff_trees (frozen, ksp_document_get_root (f->doc));
}

static KspChange *
find_change (GPtrArray  *changes,
             KspChangeOp op)
{
  for (guint i = 0; i < changes->len; i++)
    {
      KspChange *c = g_ptr_array_index (changes, i);
      if (c->op == op)
        return c;
    }
  g_error ("no %s change among %u", ksp_change_op_to_string (op), changes->len);
  return NULL;
}

static void
count_signal (KspJustifications *notes,
              const char        *change_key,
              int                lang,
              guint             *n)
{
  g_assert_nonnull (change_key);
  (*n)++;
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  KspNode *root = ksp_document_get_root (f->doc);
  KspNode *skill = ksp_node_find_first_of_kind (root, "skill");
  KspNode *knowledge = ksp_node_find_first_of_kind (root, "knowledge");
  g_autofree char *changed_key = NULL, *removed_key = NULL, *expected = NULL;
  g_autofree char *knowledge_id = g_strdup (ksp_node_get_id (knowledge));

  g_assert_true (ksp_document_set_value (f->doc, skill, "name", KSP_LANG_RU, "Новое название навыка", &error));
  g_assert_true (ksp_document_remove_node (f->doc, knowledge, &error));
  g_assert_no_error (error);
  changes = diff_draft (f);
  g_assert_cmpuint (changes->len, ==, 2);
  changed_key = ksp_change_dup_key (find_change (changes, KSP_CHANGE_CHANGED));
  expected = g_strdup_printf ("changed:%s:name:ru", ksp_node_get_id (skill));
  g_assert_cmpstr (changed_key, ==, expected);
  removed_key = ksp_change_dup_key (find_change (changes, KSP_CHANGE_REMOVED));
  g_free (expected);
  expected = g_strdup_printf ("removed:%s", knowledge_id);
  g_assert_cmpstr (removed_key, ==, expected);
}

static void
test_kept (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GPtrArray) orphans = NULL;
  g_autoptr (KspJustifications) notes = NULL;
  KspNode *root = ksp_document_get_root (f->doc);
  KspNode *skill = ksp_node_find_first_of_kind (root, "skill");
  KspNode *knowledge = ksp_node_find_first_of_kind (root, "knowledge");
  guint n_signals = 0;

  g_assert_true (ksp_document_set_value (f->doc, skill, "name", KSP_LANG_RU, "Новое название навыка", &error));
  g_assert_true (ksp_document_remove_node (f->doc, knowledge, &error));
  g_assert_no_error (error);
  changes = diff_draft (f);
  notes = ksp_justifications_load (f->store, standard_id (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ksp_justifications_get_n_items (notes), ==, 0);
  g_signal_connect (notes, "changed", G_CALLBACK (count_signal), &n_signals);
  g_assert_true (ksp_justifications_set (notes, find_change (changes, KSP_CHANGE_CHANGED), KSP_LANG_RU,
                                         "Приведено в соответствие с ОРК «кавычки» 'it''s'", &error));
  g_assert_true (ksp_justifications_set (notes, find_change (changes, KSP_CHANGE_REMOVED), KSP_LANG_RU,
                                         "Дублирует знание 2", &error));
  g_assert_true (ksp_justifications_set (notes, find_change (changes, KSP_CHANGE_REMOVED), KSP_LANG_KK,
                                         "2-білімді қайталайды", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_signals, ==, 3);
  /* the same text again is no write */
  g_assert_true (ksp_justifications_set (notes, find_change (changes, KSP_CHANGE_REMOVED), KSP_LANG_KK,
                                         "2-білімді қайталайды", &error));
  g_assert_cmpuint (n_signals, ==, 3);
  g_assert_cmpuint (ksp_justifications_count (notes, changes, KSP_LANG_RU), ==, 2);
  g_assert_cmpuint (ksp_justifications_count (notes, changes, KSP_LANG_KK), ==, 1);
  g_clear_object (&notes);

  /* closed and reopened; the diff run again, the same field edited further */
  g_clear_object (&f->doc);
  g_clear_object (&f->store);
  f->store = ksp_store_open_uri (f->path, KSP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr (GPtrArray) standards = ksp_store_list_standards (f->store, &error);
    KspStandardInfo *info = g_ptr_array_index (standards, 0);
    f->doc = ksp_document_open (f->store, info->draft_tree, &error);
    g_assert_no_error (error);
  }
  root = ksp_document_get_root (f->doc);
  skill = ksp_node_find_first_of_kind (root, "skill");
  g_assert_true (ksp_document_set_value (f->doc, skill, "name", KSP_LANG_RU, "Новое название навыка, уточнено", &error));
  g_assert_no_error (error);
  again = diff_draft (f);
  g_assert_cmpuint (again->len, ==, 2);
  notes = ksp_justifications_load (f->store, standard_id (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ksp_justifications_get_n_items (notes), ==, 3);
  g_assert_cmpstr (ksp_justifications_get (notes, find_change (again, KSP_CHANGE_CHANGED), KSP_LANG_RU), ==,
                   "Приведено в соответствие с ОРК «кавычки» 'it''s'");
  g_assert_null (ksp_justifications_get (notes, find_change (again, KSP_CHANGE_CHANGED), KSP_LANG_KK));
  g_assert_cmpstr (ksp_justifications_get (notes, find_change (again, KSP_CHANGE_REMOVED), KSP_LANG_KK), ==,
                   "2-білімді қайталайды");
  {
    g_autofree char *text = ksp_justifications_justify (find_change (again, KSP_CHANGE_REMOVED), KSP_LANG_RU, notes);
    g_assert_cmpstr (text, ==, "Дублирует знание 2");
  }

  /* the removal undone: its notes are kept, as orphans */
  g_assert_true (ksp_document_undo (f->doc, &error));   /* the further edit */
  g_assert_no_error (error);
  g_clear_pointer (&again, g_ptr_array_unref);
  again = diff_draft (f);
  g_assert_cmpuint (again->len, ==, 2);
  orphans = ksp_justifications_dup_orphans (notes, again);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  g_clear_pointer (&again, g_ptr_array_unref);
  {
    /* the draft reverted to the edition: the knowledge item is back, the skill's name too */
    g_autoptr (KspNode) frozen = ksp_store_load_tree (f->store, f->edition, &error);
    g_assert_no_error (error);
    g_assert_true (ksp_document_revert_to (f->doc, frozen, "Revert", &error));
    g_assert_no_error (error);
  }
  again = diff_draft (f);
  g_assert_cmpuint (again->len, ==, 0);
  orphans = ksp_justifications_dup_orphans (notes, again);
  g_assert_cmpuint (orphans->len, ==, 3);

  /* an empty note removes it, in the workspace too */
  g_assert_true (ksp_justifications_set_by_key (notes, ((KspJustification *) g_ptr_array_index (orphans, 0))->change_key,
                                                ((KspJustification *) g_ptr_array_index (orphans, 0))->lang, "", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ksp_justifications_get_n_items (notes), ==, 2);
  {
    g_autoptr (GPtrArray) stored = ksp_store_list_justifications (f->store, standard_id (f), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (stored->len, ==, 2);
    g_assert_cmpstr (((KspJustification *) g_ptr_array_index (stored, 0))->author, ==, "tester");
    g_assert_nonnull (((KspJustification *) g_ptr_array_index (stored, 0))->updated_at);
  }
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) reader = NULL;
  g_autoptr (KspJustifications) notes = NULL;

  g_assert_true (ksp_store_put_justification (f->store, standard_id (f), "added:x", KSP_LANG_RU, "Причина", &error));
  g_assert_no_error (error);

  /* a standard the workspace does not have */
  g_assert_false (ksp_store_put_justification (f->store, "no-such-standard", "added:x", KSP_LANG_RU, "Причина", &error));
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-standard"));
  g_clear_error (&error);

  /* read-only: read, not written */
  reader = ksp_store_open_uri (f->path, KSP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  notes = ksp_justifications_load (reader, standard_id (f), &error);
  g_assert_no_error (error);
  g_assert_true (ksp_justifications_is_read_only (notes));
  g_assert_cmpstr (ksp_justifications_get_by_key (notes, "added:x", KSP_LANG_RU), ==, "Причина");
  g_assert_false (ksp_justifications_set_by_key (notes, "added:x", KSP_LANG_RU, "Другая", &error));
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (ksp_justifications_get_by_key (notes, "added:x", KSP_LANG_RU), ==, "Причина");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("KASIP_USER", "tester", TRUE);
  g_test_add ("/justifications/keys", Fixture, NULL, setup, test_keys, teardown);
  g_test_add ("/justifications/kept", Fixture, NULL, setup, test_kept, teardown);
  g_test_add ("/justifications/refused", Fixture, NULL, setup, test_refused, teardown);
  return g_test_run ();
}
