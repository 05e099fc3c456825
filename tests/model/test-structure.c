/* Structural editing (issue 13.1, model side): add, duplicate, move and delete elements as single undoable
 * commands stored at once, within what the registry allows. */
#include "config.h"

#include <locale.h>

#include "ksp-sample.h"
#include "ksp-store.h"
#include "ksp-pick.h"
#include "ksp-structure.h"
#include "ksp-test-util.h"

static guint
count_kind (KspNode    *node,
            const char *kind)
{
  guint n = g_str_equal (ksp_node_get_kind (node), kind);

  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    n += count_kind (ksp_node_get_child (node, i), kind);
  return n;
}

static gboolean
ids_disjoint (KspNode *a,
              KspNode *b)
{
  if (ksp_node_find_descendant (b, ksp_node_get_id (a)) != NULL)
    return FALSE;
  for (guint i = 0; i < ksp_node_get_n_children (a); i++)
    if (!ids_disjoint (ksp_node_get_child (a, i), b))
      return FALSE;
  return TRUE;
}

static void
test_kinds (void)
{
  g_autoptr (KspNode) doc = ksp_sample_new_document ();
  KspNode *card = ksp_test_first_of_kind (doc, "card");
  KspNode *function = ksp_test_first_of_kind (doc, "function");
  g_autoptr (GPtrArray) after_card = ksp_structure_kinds_for (card, KSP_PLACE_AFTER);
  g_autoptr (GPtrArray) in_function = ksp_structure_kinds_for (function, KSP_PLACE_CHILD);

  g_assert_cmpstr (g_ptr_array_index (after_card, 0), ==, "card");
  g_assert_true (g_ptr_array_find_with_equal_func (in_function, "skill", g_str_equal, NULL));
  for (guint i = 0; i < after_card->len; i++)
    g_assert_cmpstr (g_ptr_array_index (after_card, i), !=, "not_placed");
  g_assert_true (ksp_structure_can_place (function, KSP_PLACE_CHILD, "skill"));
  g_assert_false (ksp_structure_can_place (card, KSP_PLACE_CHILD, "skill"));
  g_assert_false (ksp_structure_can_place (card, KSP_PLACE_AFTER, "knowledge"));
}

/* A card from scratch, in a stored workspace: every step one undo step, all of it stored. */
static void
test_build_card (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kasip-structure-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ws.kasip", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) sample = ksp_sample_new_document ();
  g_autoptr (KspStore) store = ksp_store_open_uri (path, KSP_STORE_OPEN_CREATE, &error);
  g_autoptr (KspDocument) doc = NULL;
  g_autoptr (KspNode) reloaded = NULL;
  g_autofree char *difference = NULL;
  KspNode *old_card, *card, *f1, *f2, *skill, *skill2, *k1, *copy;
  guint cards_before;
  gint64 tree;

  g_assert_no_error (error);
  tree = ksp_store_add_standard (store, sample, &error);
  g_assert_cmpint (tree, >, 0);
  doc = ksp_document_open (store, tree, &error);
  g_assert_no_error (error);
  old_card = ksp_test_first_of_kind (ksp_document_get_root (doc), "card");
  cards_before = count_kind (ksp_document_get_root (doc), "card");

  card = ksp_document_add_element (doc, old_card, KSP_PLACE_AFTER, "card", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (ksp_document_get_root (doc), "card"), ==, cards_before + 1);
  /* from the 2024 template: education, experience, a mandatory function 1 with a skill 1, competencies */
  g_assert_cmpuint (ksp_node_get_n_children (card), ==, 4);
  g_assert_cmpstr (ksp_node_get_kind (ksp_node_get_child (card, 0)), ==, "education");
  g_assert_cmpstr (ksp_node_get_kind (ksp_node_get_child (card, 1)), ==, "experience");
  g_assert_cmpstr (ksp_node_get_kind (ksp_node_get_child (card, 2)), ==, "function");
  g_assert_cmpstr (ksp_node_get_value (ksp_node_get_child (card, 2), "function_kind", KSP_LANG_NONE), ==, "mandatory");
  g_assert_cmpstr (ksp_node_get_number (ksp_node_get_child (card, 2)), ==, "1");
  g_assert_cmpstr (ksp_node_get_kind (ksp_node_get_child (ksp_node_get_child (card, 2), 0)), ==, "skill");
  g_assert_cmpstr (ksp_node_get_kind (ksp_node_get_child (card, 3)), ==, "competency");
  /* one undo step takes the whole template away */
  g_assert_true (ksp_document_undo (doc, &error));
  g_assert_cmpuint (count_kind (ksp_document_get_root (doc), "card"), ==, cards_before);
  g_assert_true (ksp_document_redo (doc, &error));
  g_assert_true (ksp_node_get_parent (card) == ksp_node_get_parent (old_card)); /* the same element back */
  g_assert_true (ksp_document_set_value (doc, card, "title", KSP_LANG_RU, "Новая профессия", &error));
  g_assert_true (ksp_document_set_value (doc, card, "title", KSP_LANG_KK, "Жаңа кәсіп", &error));
  f1 = ksp_node_get_child (card, 2); /* the template's function and skill */
  g_assert_true (ksp_document_set_value (doc, f1, "name", KSP_LANG_RU, "Первая функция", &error));
  skill = ksp_node_get_child (f1, 0);
  g_assert_true (ksp_document_set_value (doc, skill, "name", KSP_LANG_RU, "Навык один", &error));
  k1 = ksp_document_add_element (doc, skill, KSP_PLACE_CHILD, "knowledge", &error);
  g_assert_true (ksp_document_set_value (doc, k1, "text", KSP_LANG_KK, "Білім бір", &error));
  g_assert_nonnull (ksp_document_add_element (doc, k1, KSP_PLACE_BEFORE, "ability", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ksp_node_get_kind (ksp_node_get_child (skill, 0)), ==, "ability");

  /* A skill cannot go under a card: refused, nothing changed. */
  g_assert_null (ksp_document_add_element (doc, card, KSP_PLACE_CHILD, "skill", &error));
  g_assert_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);

  /* Duplicate the function: everything under it, new IDs, right after it. */
  f2 = ksp_document_duplicate_element (doc, f1, &error);
  g_assert_no_error (error);
  g_assert_true (ksp_node_get_parent (f2) == card);
  g_assert_true (ksp_node_get_child (card, 3) == f2);
  g_assert_cmpstr (ksp_node_get_number (f2), ==, "2"); /* numbered after function 1 */
  g_assert_cmpuint (ksp_structure_count (f2), ==, ksp_structure_count (f1));
  g_assert_true (ids_disjoint (f1, f2));
  g_assert_cmpstr (ksp_node_get_value (f2, "name", KSP_LANG_RU), ==, "Первая функция");
  skill2 = ksp_node_get_child (f2, 0);

  /* Move the knowledge item to the other function's skill; the same element (same ID) there. */
  {
    g_autofree char *id = g_strdup (ksp_node_get_id (k1));
    g_assert_true (ksp_document_move_element_to (doc, k1, skill2, KSP_PLACE_CHILD, &error));
    g_assert_no_error (error);
    g_assert_true (ksp_node_get_parent (ksp_document_lookup (doc, id)) == skill2);
    g_assert_cmpuint (ksp_node_get_n_children (skill), ==, 1);
    /* up and down among its new siblings, and not past the ends */
    g_assert_true (ksp_node_get_child (skill2, 2) == k1); /* after the copied ability and knowledge */
    g_assert_true (ksp_document_move_element_by (doc, k1, -1, &error));
    g_assert_true (ksp_document_move_element_by (doc, k1, -1, &error));
    g_assert_true (ksp_node_get_child (skill2, 0) == k1);
    g_assert_false (ksp_document_move_element_by (doc, k1, -1, &error));
    g_clear_error (&error);
    /* into itself: refused */
    g_assert_false (ksp_document_move_element_to (doc, f2, skill2, KSP_PLACE_CHILD, &error));
    g_clear_error (&error);

    /* Past the last place down it goes on into the next skill, as its first item (Alt+Down); back up
     * it comes back as the last of the skill above. */
    {
      KspNode *skill3 = ksp_document_add_element (doc, skill2, KSP_PLACE_AFTER, "skill", &error);
      guint steps = 0;
      g_assert_no_error (error);
      while (ksp_node_get_parent (k1) == skill2 && steps++ < 10)
        g_assert_true (ksp_document_move_element_by (doc, k1, +1, &error));
      g_assert_true (ksp_node_get_parent (k1) == skill3);
      g_assert_true (ksp_node_get_child (skill3, 0) == k1);
      g_assert_cmpstr (ksp_node_get_id (k1), ==, id);
      g_assert_false (ksp_document_can_move_element_by (k1, +1));
      g_assert_true (ksp_document_can_move_element_by (k1, -1));
      g_assert_true (ksp_document_move_element_by (doc, k1, -1, &error));
      g_assert_true (ksp_node_get_parent (k1) == skill2);
      g_assert_true (ksp_node_get_child (skill2, ksp_node_get_n_children (skill2) - 1) == k1);
    }
  }

  /* Delete the copy, undo brings it back whole. */
  {
    g_autoptr (KspNode) before = ksp_node_copy (ksp_document_get_root (doc));
    g_autofree char *copy_id = g_strdup (ksp_node_get_id (f2));
    g_assert_true (ksp_document_remove_node (doc, f2, &error));
    g_assert_null (ksp_document_lookup (doc, copy_id));
    g_assert_true (ksp_document_undo (doc, &error));
    copy = ksp_document_lookup (doc, copy_id);
    g_assert_nonnull (copy);
    g_assert_true (ksp_node_equal (before, ksp_document_get_root (doc), &difference));
  }

  /* All of it is in the workspace. */
  reloaded = ksp_store_load_tree (store, tree, &error);
  g_assert_no_error (error);
  if (!ksp_node_equal (ksp_document_get_root (doc), reloaded, &difference))
    g_error ("stored tree differs: %s", difference);

  /* Undo everything: back to the sample as it was added. */
  while (ksp_document_undo (doc, NULL))
    ;
  g_assert_cmpuint (count_kind (ksp_document_get_root (doc), "card"), ==, cards_before);
  g_assert_true (ksp_node_equal (sample, ksp_document_get_root (doc), &difference));

  g_clear_object (&doc);
  ksp_store_close (store);
  ksp_test_remove_dir (dir);
}

/* Issue 13.1: numbers follow the order where they did (a list numbered 1., 2., 3. or a card list from 9.),
 * in the same undo step; a list numbered otherwise by hand is kept as written. */
static void
test_numbering (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kasip-numbers-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ws.kasip", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) sample = ksp_sample_new_document ();
  g_autoptr (KspStore) store = ksp_store_open_uri (path, KSP_STORE_OPEN_CREATE, &error);
  g_autoptr (KspDocument) doc = NULL;
  g_autoptr (KspNode) reloaded = NULL;
  g_autofree char *difference = NULL;
  KspNode *card, *skill, *first, *added, *card2, *fresh_skill, *item;
  gint64 tree;

  g_assert_no_error (error);
  tree = ksp_store_add_standard (store, sample, &error);
  doc = ksp_document_open (store, tree, &error);
  g_assert_no_error (error);
  card = ksp_test_first_of_kind (ksp_document_get_root (doc), "card");
  g_assert_cmpstr (ksp_node_get_number (card), ==, "9.");
  skill = ksp_test_first_of_kind (card, "skill");
  first = ksp_node_get_child (skill, 0);
  g_assert_cmpstr (ksp_node_get_kind (first), ==, "ability");
  g_assert_cmpstr (ksp_node_get_number (first), ==, "1.");
  g_assert_cmpstr (ksp_node_get_number (ksp_node_get_child (skill, 1)), ==, "2.");

  /* A card after card 9 is card 10. */
  card2 = ksp_document_add_element (doc, card, KSP_PLACE_AFTER, "card", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ksp_node_get_number (card2), ==, "10.");

  /* An ability before the first: it is 1., the others follow; one undo takes all of it back. */
  added = ksp_document_add_element (doc, first, KSP_PLACE_BEFORE, "ability", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ksp_node_get_number (added), ==, "1.");
  g_assert_cmpstr (ksp_node_get_number (first), ==, "2.");
  g_assert_cmpstr (ksp_node_get_number (ksp_node_get_child (skill, 2)), ==, "3.");
  g_assert_true (ksp_document_undo (doc, &error));
  g_assert_cmpstr (ksp_node_get_number (first), ==, "1.");
  g_assert_true (ksp_document_redo (doc, &error));
  added = ksp_node_get_child (skill, 0);
  g_assert_cmpstr (ksp_node_get_number (first), ==, "2.");

  /* Moved down one: the two swap numbers. Deleted: those after it move up. */
  g_assert_true (ksp_document_move_element_by (doc, added, +1, &error));
  g_assert_true (ksp_node_get_child (skill, 0) == first);
  g_assert_cmpstr (ksp_node_get_number (first), ==, "1.");
  g_assert_cmpstr (ksp_node_get_number (added), ==, "2.");
  g_assert_true (ksp_document_delete_element (doc, added, &error));
  g_assert_cmpstr (ksp_node_get_number (ksp_node_get_child (skill, 1)), ==, "2.");

  /* A duplicate of the first ability is 2. */
  item = ksp_document_duplicate_element (doc, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ksp_node_get_number (item), ==, "2.");
  g_assert_cmpstr (ksp_node_get_number (ksp_node_get_child (skill, 2)), ==, "3.");

  /* The first ability of a new skill takes the style of the others: 1. */
  fresh_skill = ksp_document_add_element (doc, skill, KSP_PLACE_AFTER, "skill", &error);
  item = ksp_document_add_element (doc, fresh_skill, KSP_PLACE_CHILD, "ability", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ksp_node_get_number (item), ==, "1.");

  /* Numbered by hand (1., 5.): kept as written, and the new one gets none. */
  g_assert_nonnull (ksp_document_add_element (doc, item, KSP_PLACE_AFTER, "ability", &error));
  g_assert_cmpstr (ksp_node_get_number (ksp_node_get_child (fresh_skill, 1)), ==, "2.");
  ksp_node_set_number (ksp_node_get_child (fresh_skill, 1), "5."); /* as an import of a faulty text would */
  g_assert_nonnull (ksp_document_add_element (doc, item, KSP_PLACE_AFTER, "ability", &error));
  g_assert_cmpstr (ksp_node_get_number (ksp_node_get_child (fresh_skill, 0)), ==, "1.");
  g_assert_null (ksp_node_get_number (ksp_node_get_child (fresh_skill, 1)));
  g_assert_cmpstr (ksp_node_get_number (ksp_node_get_child (fresh_skill, 2)), ==, "5.");

  /* The numbers are stored. */
  ksp_node_set_number (ksp_node_get_child (fresh_skill, 2), "2."); /* undo the hand edit above for the compare */
  g_assert_true (ksp_document_delete_element (doc, ksp_node_get_child (fresh_skill, 2), &error));
  reloaded = ksp_store_load_tree (store, tree, &error);
  g_assert_no_error (error);
  if (!ksp_node_equal (ksp_document_get_root (doc), reloaded, &difference))
    g_error ("stored tree differs: %s", difference);

  g_clear_object (&doc);
  ksp_store_close (store);
  ksp_test_remove_dir (dir);
}

/* Choosing a code sets what follows from it (model/ksp-pick.c), one undo step. */
static void
test_pick (void)
{
  g_autoptr (KspNode) sample = ksp_sample_new_document ();
  g_autoptr (KspDocument) doc = ksp_document_new (sample);
  g_autoptr (KspClassifiers) cls = ksp_classifiers_new ();
  g_autoptr (GError) error = NULL;
  KspNode *card = ksp_test_first_of_kind (ksp_document_get_root (doc), "card");
  KspNode *oked = ksp_test_first_of_kind (ksp_document_get_root (doc), "oked");

  g_assert_true (ksp_document_pick_occupation (doc, card, "5320-9-006", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ksp_node_get_value (card, "occupation_code", KSP_LANG_NONE), ==, "5320-9-006");
  g_assert_cmpstr (ksp_node_get_value (card, "group_code", KSP_LANG_NONE), ==, "5320-9");
  g_assert_true (ksp_document_undo (doc, &error));
  g_assert_cmpstr (ksp_node_get_value (card, "occupation_code", KSP_LANG_NONE), ==, "5320-2-003");
  g_assert_cmpstr (ksp_node_get_value (card, "group_code", KSP_LANG_NONE), ==, "5320-2");

  g_assert_nonnull (oked);
  g_assert_true (ksp_document_pick_oked (doc, oked, cls, "87.30.0", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ksp_node_get_value (oked, "section_code", KSP_LANG_NONE), ==, "Q");
  g_assert_cmpstr (ksp_node_get_value (oked, "division_code", KSP_LANG_NONE), ==, "87");
  g_assert_cmpstr (ksp_node_get_value (oked, "group_code", KSP_LANG_NONE), ==, "87.3");
  g_assert_cmpstr (ksp_node_get_value (oked, "class_code", KSP_LANG_NONE), ==, "87.30");
  g_assert_cmpstr (ksp_node_get_value (oked, "subclass_code", KSP_LANG_NONE), ==, "87.30.0");
  g_assert_cmpstr (ksp_node_get_value (oked, "division_name", KSP_LANG_RU), ==,
                   "Предоставление социальных услуг с обеспечением проживания");
  g_assert_true (ksp_document_undo (doc, &error));
  g_assert_cmpstr (ksp_node_get_value (oked, "subclass_code", KSP_LANG_NONE), !=, "87.30.0");
  /* A function's list entry follows its heading while they agree; one undo step takes both back. */
  {
    KspNode *fn = ksp_document_add_element (doc, card, KSP_PLACE_CHILD, "function", &error);
    KspNode *old_fn = ksp_test_first_of_kind (card, "function");
    g_autofree char *old_list = g_strdup (ksp_node_get_value (old_fn, "list_name", KSP_LANG_RU));
    g_assert_no_error (error);
    g_assert_true (ksp_document_set_value (doc, fn, "name", KSP_LANG_RU, "Новая функция", &error));
    g_assert_cmpstr (ksp_node_get_value (fn, "list_name", KSP_LANG_RU), ==, "Новая функция");
    g_assert_null (ksp_node_get_value (fn, "list_name", KSP_LANG_KK));
    g_assert_true (ksp_document_set_value (doc, fn, "name", KSP_LANG_RU, "Новая функция 2", &error));
    g_assert_cmpstr (ksp_node_get_value (fn, "list_name", KSP_LANG_RU), ==, "Новая функция 2");
    g_assert_true (ksp_document_undo (doc, &error)); /* the two edits merged: one step */
    g_assert_null (ksp_node_get_value (fn, "name", KSP_LANG_RU));
    g_assert_null (ksp_node_get_value (fn, "list_name", KSP_LANG_RU));
    /* a list entry written otherwise (the published texts keep them apart) stays as written */
    g_assert_cmpstr (old_list, !=, ksp_node_get_value (old_fn, "name", KSP_LANG_RU));
    g_assert_true (ksp_document_set_value (doc, old_fn, "name", KSP_LANG_RU, "Другое", &error));
    g_assert_cmpstr (ksp_node_get_value (old_fn, "list_name", KSP_LANG_RU), ==, old_list);
  }
  /* not a subclass, or unknown: refused */
  g_assert_false (ksp_document_pick_oked (doc, oked, cls, "87.30", &error));
  g_clear_error (&error);
  g_assert_false (ksp_document_pick_oked (doc, oked, cls, "01.11.0", &error));
  g_clear_error (&error);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_setenv ("KASIP_USER", "tester", TRUE);
  g_test_add_func ("/structure/kinds", test_kinds);
  g_test_add_func ("/structure/build-card", test_build_card);
  g_test_add_func ("/structure/numbering", test_numbering);
  g_test_add_func ("/structure/pick", test_pick);
  return g_test_run ();
}
