/* test-editions.c: freezing editions and reverting the draft to one (model/ksp-editions.c)
 *
 * A revert is one command: the draft equals the edition afterwards (values, numbers, order, IDs), in
 * memory and in the store; one undo brings back every edit made since, one redo reverts again; only what
 * differed is touched (the diff between the edition and the draft is empty after it). */
#include "config.h"

#include <glib/gstdio.h>

#include "ksp-diff.h"
#include "ksp-editions.h"
#include "ksp-sample.h"
#include "ksp-structure.h"
#include "ksp-test-workspace.h"

typedef struct {
  char        *dir;
  KspStore    *store;
  KspDocument *doc;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  ksp_test_sample_workspace ("kasip-editions", &f->dir, NULL, &f->store, &f->doc);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  ksp_test_workspace_close (&f->dir, &f->store, &f->doc);
}

static const char *
standard_id (Fixture *f)
{
  return ksp_node_get_id (ksp_document_get_root (f->doc));
}

static void
assert_same_tree (KspNode *a,
                  KspNode *b)
{
  g_autofree char *why = NULL;

  if (!ksp_node_equal (a, b, &why))
    g_error ("the trees differ: %s", why);
}

static void
test_freeze (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspEditionInfo) first = NULL;
  g_autoptr (KspEditionInfo) missing = NULL;
  gint64 tree;

  tree = ksp_editions_freeze (f->store, standard_id (f), "2026-03-31", "  приказ от 31.03.2026 № 109 ", "", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tree, >, 0);
  first = ksp_editions_find (f->store, standard_id (f), 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->tree_id, ==, tree);
  g_assert_cmpint (first->year, ==, 2026);
  g_assert_cmpstr (first->date, ==, "2026-03-31");
  g_assert_cmpstr (first->act, ==, "приказ от 31.03.2026 № 109");   /* trimmed */
  g_assert_null (first->note);                                       /* blank is none */

  g_assert_cmpint (ksp_editions_freeze (f->store, standard_id (f), "2026-02-30", NULL, NULL, &error), ==, 0);
  g_assert_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  missing = ksp_editions_find (f->store, standard_id (f), 2, &error);
  g_assert_null (missing);
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND);
}

static void
test_revert (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) edition = NULL;
  g_autoptr (KspNode) edited = NULL;
  g_autoptr (KspNode) stored = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GPtrArray) before = NULL;
  KspNode *root = ksp_document_get_root (f->doc);
  KspNode *card = ksp_test_first_of_kind (root, "card");
  KspNode *skill = ksp_test_first_of_kind (card, "skill");
  KspNode *knowledge = ksp_test_first_of_kind (skill, "knowledge");
  KspNode *function = ksp_test_first_of_kind (card, "function");
  gint64 tree;

  tree = ksp_editions_freeze (f->store, standard_id (f), "2026-03-31", NULL, "before the edits", &error);
  g_assert_no_error (error);
  edition = ksp_store_load_tree (f->store, tree, &error);
  g_assert_no_error (error);

  /* Nothing to revert: no command. */
  g_assert_true (ksp_document_revert_to (f->doc, edition, "Revert", &error));
  g_assert_false (ksp_undo_stack_can_undo (ksp_document_get_undo_stack (f->doc)));

  /* Edits of every kind: a value set and one made absent, a new element, a deleted one, a duplicate, a move
   * to another parent, a number. */
  g_assert_true (ksp_document_set_value (f->doc, knowledge, "text", KSP_LANG_RU, "Изменённое знание", &error));
  g_assert_true (ksp_document_set_value (f->doc, knowledge, "text", KSP_LANG_KK, "Жаңа білім", &error));
  g_assert_true (ksp_document_set_value (f->doc, card, "occupation_code", KSP_LANG_NONE, NULL, &error));
  g_assert_nonnull (ksp_document_add_element (f->doc, function, KSP_PLACE_AFTER, "function", &error));
  g_assert_nonnull (ksp_document_duplicate_element (f->doc, skill, &error));
  g_assert_true (ksp_document_move_element_to (f->doc, knowledge, ksp_node_get_child (ksp_node_get_parent (skill), 1),
                                               KSP_PLACE_CHILD, &error));
  g_assert_true (ksp_document_delete_element (f->doc, ksp_test_first_of_kind (card, "competency"), &error));
  g_assert_no_error (error);
  edited = ksp_node_copy (root);
  before = ksp_diff_trees (edition, root);
  g_assert_cmpuint (before->len, >=, 5);

  /* One command makes the draft the edition again. */
  g_assert_true (ksp_document_revert_to (f->doc, edition, "Revert to edition 1", &error));
  g_assert_no_error (error);
  assert_same_tree (edition, root);
  after = ksp_diff_trees (edition, root);
  g_assert_cmpuint (after->len, ==, 0);
  stored = ksp_store_load_tree (f->store, ksp_document_get_tree_id (f->doc), &error);
  g_assert_no_error (error);
  assert_same_tree (edition, stored);
  g_clear_object (&stored);

  /* One undo brings every edit back; one redo reverts again. */
  g_assert_true (ksp_document_undo (f->doc, &error));
  g_assert_no_error (error);
  assert_same_tree (edited, root);
  stored = ksp_store_load_tree (f->store, ksp_document_get_tree_id (f->doc), &error);
  assert_same_tree (edited, stored);
  g_clear_object (&stored);
  g_assert_true (ksp_document_redo (f->doc, &error));
  assert_same_tree (edition, root);
  stored = ksp_store_load_tree (f->store, ksp_document_get_tree_id (f->doc), &error);
  assert_same_tree (edition, stored);
}

/* An element moved into another that was then deleted is put back with the edition's subtree. */
static void
test_revert_moved_then_deleted (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) edition = NULL;
  KspNode *root = ksp_document_get_root (f->doc);
  KspNode *card = ksp_test_first_of_kind (root, "card");
  KspNode *skill = ksp_test_first_of_kind (card, "skill");
  KspNode *knowledge = ksp_test_first_of_kind (skill, "knowledge");
  KspNode *copy;
  gint64 tree;

  tree = ksp_editions_freeze (f->store, standard_id (f), NULL, NULL, NULL, &error);
  edition = ksp_store_load_tree (f->store, tree, &error);
  g_assert_no_error (error);
  copy = ksp_document_duplicate_element (f->doc, skill, &error);
  g_assert_true (ksp_document_move_element_to (f->doc, knowledge, copy, KSP_PLACE_CHILD, &error));
  g_assert_true (ksp_document_delete_element (f->doc, copy, &error));
  g_assert_null (ksp_node_find_descendant (root, ksp_node_get_id (knowledge)));
  g_assert_true (ksp_document_revert_to (f->doc, edition, "Revert", &error));
  g_assert_no_error (error);
  assert_same_tree (edition, root);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/editions/freeze", Fixture, NULL, setup, test_freeze, teardown);
  g_test_add ("/editions/revert", Fixture, NULL, setup, test_revert, teardown);
  g_test_add ("/editions/revert-moved-then-deleted", Fixture, NULL, setup, test_revert_moved_then_deleted, teardown);
  return g_test_run ();
}
