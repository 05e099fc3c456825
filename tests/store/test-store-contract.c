/* The store contract: what every backend of KspStore (model/ksp-store.h) must do, run against the workspace
 * the URI template names (KASIP_TEST_STORE_URI_TEMPLATE; by default a new SQLite file per test). "@DIR@" in
 * the template is a new temporary folder, "@DB@" a new PostgreSQL database made for the test with createdb
 * and dropped after it (tests/store/with-postgres.sh starts a server and sets the template). Standards
 * added, listed and found; trees written and read back in transactions that commit or roll back; frozen
 * editions that nothing changes; the change log and its chain; change sets, people, comments,
 * justifications and reference data; a workspace opened read-only; the review cycle over them. A call a backend does not implement yet
 * fails with KSP_STORE_ERROR_NOT_SUPPORTED, and the test that needs it is skipped naming it.
 *
 * The SQLite-only tests (the lock, migrations, files that are not workspaces, the triggers against the
 * sqlite3 shell) are in tests/model/test-store.c. */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "ksp-document.h"
#include "ksp-group-command.h"
#include "ksp-insert-node-command.h"
#include "ksp-move-node-command.h"
#include "ksp-remove-node-command.h"
#include "ksp-review.h"
#include "ksp-sample.h"
#include "ksp-set-value-command.h"
#include "ksp-store.h"
#include "ksp-test-store.h"
#include "store-fixture.h"
#include "ksp-test-util.h"

/* Skips the rest of a test when the backend said it cannot do that yet (and names what). */
#define SKIP_IF_NOT_SUPPORTED(error)                                                \
  G_STMT_START {                                                                    \
    if (g_error_matches ((error), KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_SUPPORTED))  \
      {                                                                             \
        g_test_skip ((error)->message);                                             \
        return;                                                                     \
      }                                                                             \
  } G_STMT_END

/* One value per (field, language), cycling through absent, empty, dash and text so that every state
 * of every field appears across the tree. Texts carry what breaks naive storage: quotes, newlines,
 * TAB, NBSP, Kazakh letters and an SQL quote. */
static const char *
value_for (guint i,
           KspLang lang,
           char  **owned)
{
  switch (i % 4)
    {
    case 0: return NULL;
    case 1: return "";
    case 2: return "-";
    default:
      *owned = g_strdup_printf ("%s %u: «кавычки» \"quotes\" 'it''s'\n\tвторая\u00a0строка",
                                lang == KSP_LANG_KK ? "Қазақша мәтін әғқңөұүі" :
                                lang == KSP_LANG_RU ? "Русский текст" : "3423-0-006", i);
      return *owned;
    }
}

static guint counter;

static void
fill (KspNode *node)
{
  const KspKindSpec *kind = ksp_node_get_kind_spec (node);

  for (guint f = 0; f < kind->n_fields; f++)
    {
      const KspFieldSpec *spec = &kind->fields[f];
      if (ksp_field_is_bilingual (spec))
        {
          for (KspLang l = KSP_LANG_KK; l <= KSP_LANG_RU; l++)
            {
              g_autofree char *owned = NULL;
              ksp_node_set_value (node, spec->name, l, value_for (counter++, l, &owned));
            }
        }
      else
        {
          g_autofree char *owned = NULL;
          ksp_node_set_value (node, spec->name, KSP_LANG_NONE, value_for (counter++, KSP_LANG_NONE, &owned));
        }
    }
}

/* A tree with two elements of every kind the schema allows, below every parent that allows it. */
static void
grow (KspNode *node,
      guint    depth)
{
  const KspKindSpec *kind = ksp_node_get_kind_spec (node);

  fill (node);
  if (kind->children == NULL || depth > 6)
    return;
  for (guint c = 0; kind->children[c]; c++)
    for (guint copy = 0; copy < 2; copy++)
      {
        g_autoptr (KspNode) child = ksp_node_new (kind->children[c], NULL);
        g_autofree char *no = g_strdup_printf ("%u.", copy + 1);
        ksp_node_set_number (child, copy ? no : NULL);
        ksp_node_set_src_line (child, counter);
        ksp_node_append_child (node, child);
        grow (child, depth + 1);
      }
}

static KspNode *
make_full_tree (void)
{
  KspNode *root = ksp_node_new ("document", NULL);
  counter = 0;
  grow (root, 0);
  return root;
}

static void
count_kinds (KspNode    *node,
             GHashTable *kinds)
{
  g_hash_table_add (kinds, (gpointer) ksp_node_get_kind (node));
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    count_kinds (ksp_node_get_child (node, i), kinds);
}

static void
count_one_state (KspNode    *node,
                 const char *field,
                 KspLang     lang,
                 const char *value,
                 gpointer    user_data)
{
  guint (*seen)[4] = user_data;
  seen[lang][ksp_value_state (value)]++;
}

static void
count_states (KspNode *node,
              guint    seen[KSP_N_LANGS][4])
{
  ksp_node_foreach_value (node, count_one_state, seen);
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    count_states (ksp_node_get_child (node, i), seen);
}

static void
test_roundtrip_every_field (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (KspNode) tree = make_full_tree ();
  g_autoptr (KspStore) store = ksp_test_open_store (f->uri, KSP_STORE_OPEN_CREATE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (KspNode) loaded = NULL;
  guint n_kinds;
  gint64 tree_id;

  ksp_schema_list_kinds (&n_kinds);
  count_kinds (tree, kinds);
  g_assert_cmpuint (g_hash_table_size (kinds), ==, n_kinds);

  tree_id = ksp_store_add_standard (store, tree, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tree_id, >, 0);

  /* A copy is equal, IDs included, and independent of the original. */
  {
    g_autoptr (KspNode) copy = ksp_node_copy (tree);
    ksp_test_assert_trees_equal (tree, copy);
    ksp_node_set_value (ksp_node_get_child (copy, 0), "title", KSP_LANG_RU, "changed in the copy");
    g_assert_false (ksp_node_equal (tree, copy, NULL));
  }

  /* Same session, then a fresh one. */
  loaded = ksp_store_load_tree (store, tree_id, &error);
  g_assert_no_error (error);
  ksp_test_assert_trees_equal (tree, loaded);
  g_clear_object (&loaded);
  ksp_store_close (store);
  g_clear_object (&store);

  store = ksp_test_open_store (f->uri, KSP_STORE_OPEN_DEFAULT);
  loaded = ksp_store_load_tree (store, tree_id, &error);
  g_assert_no_error (error);
  ksp_test_assert_trees_equal (tree, loaded);

  /* Every state occurs, in each language slot, in what came back from the file. */
  {
    guint seen[KSP_N_LANGS][4] = { { 0 } };
    count_states (loaded, seen);
    for (guint l = 0; l < KSP_N_LANGS; l++)
      for (guint st = KSP_VALUE_EMPTY; st <= KSP_VALUE_TEXT; st++)
        g_assert_cmpuint (seen[l][st], >, 0);
  }
}

static void
test_roundtrip_sample (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (KspNode) sample = ksp_sample_new_document ();
  g_autoptr (KspStore) store = ksp_test_open_store (f->uri, KSP_STORE_OPEN_CREATE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) standards = NULL;
  g_autoptr (KspNode) loaded = NULL;
  KspStandardInfo *info;

  g_assert_cmpint (ksp_store_add_standard (store, sample, &error), >, 0);
  g_assert_no_error (error);
  standards = ksp_store_list_standards (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (standards->len, ==, 1);
  info = g_ptr_array_index (standards, 0);
  g_assert_cmpstr (info->code, ==, "Q88100061");
  g_assert_cmpstr (info->title_ru, ==, "Социальная работа и другие профессии социальной сферы"); /* cleaned */
  g_assert_cmpstr (info->handle, ==, "Q88100061");
  g_assert_cmpstr (info->standard_id, ==, ksp_node_get_id (sample));
  loaded = ksp_store_load_tree (store, info->draft_tree, &error);
  g_assert_no_error (error);
  ksp_test_assert_trees_equal (sample, loaded);

  /* Adding the same standard again is refused, not duplicated, and the message says why. */
  g_assert_cmpint (ksp_store_add_standard (store, sample, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "already in the workspace"));
}

/* After every step, the store must hold exactly the tree in memory. */
static void
assert_stored (KspDocument *doc)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) stored = ksp_store_load_tree (ksp_document_get_store (doc), ksp_document_get_tree_id (doc), &error);

  g_assert_no_error (error);
  ksp_test_assert_trees_equal (ksp_document_get_root (doc), stored);
}

static KspNode *
snapshot (KspDocument *doc)
{
  g_autoptr (GError) error = NULL;
  KspNode *n = ksp_store_load_tree (ksp_document_get_store (doc), ksp_document_get_tree_id (doc), &error);
  g_assert_no_error (error);
  return n;
}

static void
count_changed (KspDocument *doc,
               KspCommand  *command,
               guint       *count)
{
  g_assert_true (KSP_IS_COMMAND (command));
  (*count)++;
}

/* Executes one edit, checks it is stored, undoes it (tree as before), redoes it (tree as after);
 * each step emits the document's "changed" once, whether it changes a value or the structure. */
static void
check_undo_redo (KspDocument *doc,
                 KspCommand  *command)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) before = snapshot (doc);
  g_autoptr (KspNode) after = NULL;
  g_autoptr (KspNode) now = NULL;
  guint changed = 0;
  gulong handler = g_signal_connect (doc, "changed", G_CALLBACK (count_changed), &changed);

  g_assert_true (ksp_document_execute (doc, command, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  assert_stored (doc);
  after = snapshot (doc);
  g_assert_false (ksp_node_equal (before, after, NULL));

  g_assert_true (ksp_document_undo (doc, &error));
  g_assert_no_error (error);
  assert_stored (doc);
  now = snapshot (doc);
  ksp_test_assert_trees_equal (before, now);
  g_clear_object (&now);
  ksp_test_assert_trees_equal (before, ksp_document_get_root (doc));

  g_assert_true (ksp_document_redo (doc, &error));
  g_assert_no_error (error);
  assert_stored (doc);
  now = snapshot (doc);
  ksp_test_assert_trees_equal (after, now);
  g_assert_cmpuint (changed, ==, 3);
  g_signal_handler_disconnect (doc, handler);
}

static void
test_undo_redo_every_edit (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspDocument) doc = ksp_test_open_sample_document (f->uri, &store);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  KspNode *root = ksp_document_get_root (doc);
  KspNode *card = ksp_test_first_of_kind (root, "card");
  KspNode *fn = ksp_test_first_of_kind (card, "function");
  KspNode *skill1 = ksp_node_get_child (fn, 0);
  KspNode *skill2 = ksp_node_get_child (fn, 1);
  KspNode *ability = ksp_node_get_child (skill1, 0);
  g_autoptr (KspNode) knowledge = ksp_node_new ("knowledge", NULL);
  g_autoptr (KspCommand) group = ksp_group_command_new ("two fields");
  KspUndoStack *stack = ksp_document_get_undo_stack (doc);
  guint refused_changed = 0;

  ksp_document_set_user (doc, "reviewer-1");

  /* Set a value; make it empty, a dash, absent; Kazakh beside Russian. */
  check_undo_redo (doc, ksp_set_value_command_new (ksp_node_get_id (card), "purpose", KSP_LANG_KK,
                                                  "ЛСИ-ге күнделікті көмек көрсету."));
  check_undo_redo (doc, ksp_set_value_command_new (ksp_node_get_id (card), "purpose", KSP_LANG_RU, ""));
  check_undo_redo (doc, ksp_set_value_command_new (ksp_node_get_id (card), "nonformal", KSP_LANG_RU, "-"));
  check_undo_redo (doc, ksp_set_value_command_new (ksp_node_get_id (card), "etks", KSP_LANG_RU, NULL));
  g_assert_null (ksp_node_get_value (card, "etks", KSP_LANG_RU));
  g_assert_cmpstr (ksp_node_get_value (card, "nonformal", KSP_LANG_RU), ==, "-");
  g_assert_cmpstr (ksp_node_get_value (card, "purpose", KSP_LANG_RU), ==, "");

  /* Insert a knowledge item with its text. */
  ksp_node_set_number (knowledge, "3.");
  ksp_node_set_value (knowledge, "text", KSP_LANG_RU, "Основ оказания первой помощи.");
  ksp_node_set_value (knowledge, "text", KSP_LANG_KK, "Алғашқы көмек көрсету негіздерін.");
  check_undo_redo (doc, ksp_insert_node_command_new (ksp_node_get_id (skill1), 3, knowledge));
  g_assert_true (ksp_node_get_parent (knowledge) == skill1);

  /* Remove a whole skill (with its items), and get it back with the same IDs. */
  check_undo_redo (doc, ksp_remove_node_command_new (ksp_node_get_id (skill2)));
  g_assert_true (ksp_document_undo (doc, &error));
  g_assert_true (ksp_document_lookup (doc, ksp_node_get_id (skill2)) == skill2);
  g_assert_true (ksp_document_redo (doc, &error));
  g_assert_null (ksp_document_lookup (doc, ksp_node_get_id (skill2)));
  g_assert_true (ksp_document_undo (doc, &error));

  /* Reorder within a parent, and move to another parent. */
  check_undo_redo (doc, ksp_move_node_command_new (ksp_node_get_id (ability), ksp_node_get_id (skill1), 2));
  check_undo_redo (doc, ksp_move_node_command_new (ksp_node_get_id (ability), ksp_node_get_id (skill2), 0));
  g_assert_true (ksp_node_get_parent (ability) == skill2);

  /* A group is one step. */
  ksp_group_command_take (KSP_GROUP_COMMAND (group),
                          ksp_set_value_command_new (ksp_node_get_id (card), "group_code", KSP_LANG_NONE, "5320-9"));
  ksp_group_command_take (KSP_GROUP_COMMAND (group),
                          ksp_set_value_command_new (ksp_node_get_id (card), "occupation_code", KSP_LANG_NONE, "5320-9-006"));
  check_undo_redo (doc, g_object_ref (group));

  g_assert_no_error (error);
  g_assert_true (ksp_undo_stack_can_undo (stack));
  g_assert_false (ksp_undo_stack_can_redo (stack));

  /* Invalid edits are refused with a clear message and change nothing (no "changed" either). */
  g_signal_connect (doc, "changed", G_CALLBACK (count_changed), &refused_changed);
  g_assert_false (ksp_document_set_value (doc, card, "no_such_field", KSP_LANG_RU, "x", &error));
  g_assert_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no_such_field"));
  g_clear_error (&error);
  g_assert_false (ksp_document_set_value (doc, card, "occupation_code", KSP_LANG_RU, "x", &error));
  g_assert_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ksp_document_set_value (doc, card, "purpose", KSP_LANG_RU, "\xff\xfe", &error));
  g_assert_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ksp_document_move_node (doc, fn, skill1, 0, &error));
  g_assert_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr (KspNode) stray = ksp_node_new ("card", NULL);
    g_assert_false (ksp_document_insert_node (doc, skill1, 0, stray, &error));
    g_assert_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID);
    g_clear_error (&error);
  }
  assert_stored (doc);
  g_assert_cmpuint (refused_changed, ==, 0);

  /* Every step is in the change log with who did it and what it changed. */
  audit = ksp_store_list_log (store, ksp_node_get_id (root), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, >=, 30);
  for (guint i = 1; i < audit->len; i++)
    {
      KspLogEntry *e = g_ptr_array_index (audit, i);
      g_assert_cmpstr (e->author, ==, "reviewer-1");
      g_assert_true (g_str_equal (e->action, "do") || g_str_equal (e->action, "undo") || g_str_equal (e->action, "redo"));
      g_assert_cmpuint (e->records->len, >, 0);
    }
  {
    KspLogEntry *first = g_ptr_array_index (audit, 1);
    KspChangeRecord *r = g_ptr_array_index (first->records, 0);
    g_assert_cmpstr (first->command, ==, "set-value");
    g_assert_true (r->op == KSP_RECORD_SET && g_str_equal (r->field, "purpose") && r->lang == KSP_LANG_KK);
  }

  /* Reopening the workspace gives the same tree: nothing lived only in memory. */
  {
    g_autoptr (KspNode) memory = g_object_ref (root);
    gint64 tree = ksp_document_get_tree_id (doc);
    g_autoptr (KspNode) reloaded = NULL;
    g_clear_object (&doc);
    ksp_store_close (store);
    g_clear_object (&store);
    store = ksp_test_open_store (f->uri, KSP_STORE_OPEN_DEFAULT);
    reloaded = ksp_store_load_tree (store, tree, &error);
    g_assert_no_error (error);
    ksp_test_assert_trees_equal (memory, reloaded);
  }
}

static void
test_typing_merges (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspDocument) doc = ksp_test_open_sample_document (f->uri, &store);
  g_autoptr (GError) error = NULL;
  KspNode *card = ksp_test_first_of_kind (ksp_document_get_root (doc), "card");
  KspUndoStack *stack = ksp_document_get_undo_stack (doc);
  const char *old = "Индивидуальный помощник";
  static const char *const steps[] = { "И", "Ин", "Инд", NULL };

  for (guint i = 0; steps[i]; i++)
    g_assert_true (ksp_document_set_value (doc, card, "profession_name", KSP_LANG_RU, steps[i], &error));
  g_assert_cmpuint (ksp_undo_stack_get_n_commands (stack), ==, 1);
  /* Another field is another step. */
  g_assert_true (ksp_document_set_value (doc, card, "profession_name", KSP_LANG_KK, "Жеке көмекші", &error));
  g_assert_cmpuint (ksp_undo_stack_get_n_commands (stack), ==, 2);
  g_assert_true (ksp_document_undo (doc, &error));
  g_assert_true (ksp_document_undo (doc, &error));
  g_assert_cmpstr (ksp_node_get_value (card, "profession_name", KSP_LANG_RU), ==, old);
  g_assert_null (ksp_node_get_value (card, "profession_name", KSP_LANG_KK));
  g_assert_false (ksp_document_undo (doc, &error));
  g_assert_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_NOTHING);
  assert_stored (doc);
}

static KspNode *
order_with_standards (const char *const *titles,
                      const char *const *codes,
                      guint               n)
{
  KspNode *doc = ksp_node_new ("document", NULL);
  g_autoptr (KspNode) order = ksp_node_new ("order", NULL);

  ksp_node_set_value (order, "title", KSP_LANG_KK, "Кәсіби стандарттарды бекіту туралы");
  ksp_node_append_child (doc, order);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KspNode) std = ksp_node_new ("standard", NULL);
      ksp_node_set_value (std, "name", KSP_LANG_KK, titles[i]);
      if (codes[i])
        ksp_node_set_value (std, "code", KSP_LANG_NONE, codes[i]);
      ksp_node_append_child (doc, std);
    }
  return doc;
}

/* Issue 12.5/12.6: every standard of a workspace, also each one of an order that approved several, has a
 * unique typeable handle: its code without the text's punctuation, else a slug of its title. */
static void
test_handles (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (KspStore) store = ksp_test_open_store (f->uri, KSP_STORE_OPEN_CREATE);
  const char *const titles[] = { "Үйде әлеуметтік көмек көрсету", "\"Үйде әлеуметтік көмек көрсету\".",
                                 "Зейнетақы мен жәрдемақы төлеу", "Кәсіп" };
  const char *const codes[] = { NULL, NULL, "-", "Q88100061." };
  g_autoptr (KspNode) order = order_with_standards (titles, codes, 4);
  g_autoptr (KspNode) single = order_with_standards (titles + 2, (const char *const[]) { "Q87300060" }, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  const char *const want[][2] = {
    /* documents with a code first, by code; a document's standards together, in order */
    { "Q87300060", "Зейнетақы мен жәрдемақы төлеу" },
    { "uide-aleumettik", "Үйде әлеуметтік көмек көрсету" },
    { "uide-aleumettik-2", "Үйде әлеуметтік көмек көрсету" }, /* quotes and the final dot gone */
    { "zeinetaqy-zhardemaqy", "Зейнетақы мен жәрдемақы төлеу" },
    { "Q88100061", "Кәсіп" },
  };

  g_assert_cmpint (ksp_store_add_standard (store, order, &error), >, 0);
  g_assert_cmpint (ksp_store_add_standard (store, single, &error), >, 0);
  list = ksp_store_list_standards (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < list->len; i++)
    {
      KspStandardInfo *info = list->pdata[i];
      g_autoptr (KspStandardInfo) found = NULL;

      g_assert_cmpstr (info->handle, ==, want[i][0]);
      g_assert_cmpstr (info->title_kk, ==, want[i][1]);
      g_assert_cmpuint (info->n_in_document, ==, i == 0 ? 1 : 4);
      found = ksp_store_find_standard (store, info->handle, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (found->node_id, ==, info->node_id);
      g_assert_cmpint (found->draft_tree, ==, info->draft_tree);
    }
  g_assert_null (((KspStandardInfo *) list->pdata[1])->code); /* «-» is no code */
  {
    /* the code as published, with its dot, and the ID of a standard element, find it too */
    g_autoptr (KspStandardInfo) by_code = ksp_store_find_standard (store, "Q88100061.", &error);
    g_autoptr (KspStandardInfo) by_id = ksp_store_find_standard (store, ((KspStandardInfo *) list->pdata[3])->node_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (by_code->handle, ==, "Q88100061");
    g_assert_cmpstr (by_id->handle, ==, "zeinetaqy-zhardemaqy");
    g_assert_null (ksp_store_find_standard (store, "nope", &error));
    g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "uide-aleumettik-2"));
  }
}

/* A workspace that is not there yet is not made without KSP_STORE_OPEN_CREATE; once made, it opens again
 * empty, and it is the URI's backend that answers. */
static void
test_open_create (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = ksp_store_open_uri (f->uri, KSP_STORE_OPEN_DEFAULT, &error);
  g_autoptr (GPtrArray) list = NULL;

  g_assert_null (store);
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  store = ksp_test_open_store (f->uri, KSP_STORE_OPEN_CREATE);
  /* the backend the URI names, and no other */
  g_test_message ("backend %s at %s", G_OBJECT_TYPE_NAME (store), ksp_store_get_location (store));
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (store), ==, f->pg ? "KspPgStore" : "KspSqliteStore");
  g_assert_false (ksp_store_is_read_only (store));
  list = ksp_store_list_standards (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  ksp_store_close (store);
  g_clear_object (&store);
  store = ksp_test_open_store (f->uri, KSP_STORE_OPEN_DEFAULT);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ksp_store_list_standards (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_nonnull (ksp_store_get_location (store));
}

/* A workspace written by a newer Kasip is refused, naming it. */
static void
test_too_new (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = ksp_test_open_store (f->uri, KSP_STORE_OPEN_CREATE);
  g_autofree char *err = NULL;

  ksp_store_close (store);
  g_clear_object (&store);
  g_assert_true (raw_sql (f, f->pg ? "UPDATE meta SET value = '99' WHERE key = 'format'" : "PRAGMA user_version = 99",
                          &err));
  store = ksp_store_open_uri (f->uri, KSP_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer Kasip"));
  g_assert_nonnull (strstr (error->message, "99"));
}

/* Writes between begin and commit are stored; between begin and rollback they are not, nested ones (a
 * savepoint) undone alone; a write naming an element the tree does not hold fails with NOT_FOUND. */
static void
test_transactions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (KspNode) sample = ksp_sample_new_document ();
  g_autoptr (KspStore) store = ksp_test_open_store (f->uri, KSP_STORE_OPEN_CREATE);
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) loaded = NULL;
  g_autoptr (KspNode) knowledge = ksp_node_new ("knowledge", NULL);
  KspNode *card = ksp_test_first_of_kind (sample, "card");
  KspNode *skill = ksp_test_first_of_kind (sample, "skill");
  const char *card_id = ksp_node_get_id (card);
  gint64 tree = ksp_store_add_standard (store, sample, &error);
  guint n = ksp_test_count_elements (sample), n_kids = ksp_node_get_n_children (skill);
  KspNode *c;

  g_assert_no_error (error);
  g_assert_cmpint (tree, >, 0);
  g_assert_false (ksp_store_in_transaction (store));

  /* committed */
  g_assert_true (ksp_store_begin (store, &error));
  g_assert_true (ksp_store_in_transaction (store));
  g_assert_true (ksp_store_write_value (store, tree, card_id, "purpose", KSP_LANG_KK, "Сақталған мәтін 'x'", &error));
  g_assert_true (ksp_store_write_value (store, tree, card_id, "etks", KSP_LANG_RU, NULL, &error));
  g_assert_true (ksp_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_false (ksp_store_in_transaction (store));

  /* rolled back, the outer one; the inner rolled back alone */
  g_assert_true (ksp_store_begin (store, &error));
  g_assert_true (ksp_store_write_value (store, tree, card_id, "purpose", KSP_LANG_RU, "outer", &error));
  g_assert_true (ksp_store_begin (store, &error));
  g_assert_true (ksp_store_write_value (store, tree, card_id, "purpose", KSP_LANG_KK, "inner", &error));
  ksp_store_rollback (store);
  g_assert_true (ksp_store_in_transaction (store));
  g_assert_true (ksp_store_write_value (store, tree, card_id, "nonformal", KSP_LANG_RU, "after the inner", &error));
  g_assert_no_error (error);
  g_assert_true (ksp_store_commit (store, &error));
  g_assert_true (ksp_store_begin (store, &error));
  g_assert_true (ksp_store_write_value (store, tree, card_id, "nonformal", KSP_LANG_RU, "rolled back", &error));
  ksp_store_rollback (store);
  g_assert_false (ksp_store_in_transaction (store));

  loaded = ksp_store_load_tree (store, tree, &error);
  g_assert_no_error (error);
  c = ksp_node_find_descendant (loaded, card_id);
  g_assert_cmpstr (ksp_node_get_value (c, "purpose", KSP_LANG_KK), ==, "Сақталған мәтін 'x'");
  g_assert_cmpstr (ksp_node_get_value (c, "purpose", KSP_LANG_RU), ==, "outer");
  g_assert_cmpstr (ksp_node_get_value (c, "nonformal", KSP_LANG_RU), ==, "after the inner");
  g_assert_null (ksp_node_get_value (c, "etks", KSP_LANG_RU));
  g_clear_object (&loaded);

  /* no such element: refused, and the transaction rolled back leaves the tree as it was */
  g_assert_true (ksp_store_begin (store, &error));
  g_assert_false (ksp_store_write_value (store, tree, "no-such-element", "purpose", KSP_LANG_RU, "x", &error));
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ksp_store_rollback (store);

  /* an element written with its values, the order of its siblings, one deleted with what it holds */
  ksp_node_set_number (knowledge, "9.");
  ksp_node_set_value (knowledge, "text", KSP_LANG_RU, "Основ «первой» помощи.");
  ksp_node_set_value (knowledge, "text", KSP_LANG_KK, "");
  ksp_node_insert_child (skill, 0, knowledge);
  g_assert_true (ksp_store_begin (store, &error));
  g_assert_true (ksp_store_write_node (store, tree, knowledge, TRUE, &error));
  g_assert_true (ksp_store_write_order (store, tree, skill, &error));
  g_assert_true (ksp_store_commit (store, &error));
  g_assert_no_error (error);
  loaded = ksp_store_load_tree (store, tree, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ksp_test_count_elements (loaded), ==, n + 1);
  c = ksp_node_get_child (ksp_node_find_descendant (loaded, ksp_node_get_id (skill)), 0);
  g_assert_cmpstr (ksp_node_get_id (c), ==, ksp_node_get_id (knowledge));
  g_assert_cmpstr (ksp_node_get_number (c), ==, "9.");
  g_assert_cmpstr (ksp_node_get_value (c, "text", KSP_LANG_RU), ==, "Основ «первой» помощи.");
  g_assert_cmpstr (ksp_node_get_value (c, "text", KSP_LANG_KK), ==, "");
  g_clear_object (&loaded);

  g_assert_true (ksp_store_begin (store, &error));
  g_assert_true (ksp_store_delete_node (store, tree, ksp_node_get_id (skill), &error));
  g_assert_true (ksp_store_commit (store, &error));
  g_assert_no_error (error);
  loaded = ksp_store_load_tree (store, tree, &error);
  g_assert_no_error (error);
  g_assert_null (ksp_node_find_descendant (loaded, ksp_node_get_id (skill)));
  g_assert_null (ksp_node_find_descendant (loaded, ksp_node_get_id (knowledge)));
  g_assert_cmpuint (ksp_test_count_elements (loaded), ==, n + 1 - ksp_test_count_elements (skill));
  g_assert_cmpuint (n_kids + 1, ==, ksp_node_get_n_children (skill));

  /* a tree that is not there */
  g_clear_object (&loaded);
  loaded = ksp_store_load_tree (store, tree + 1000, &error);
  g_assert_null (loaded);
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND);
}

/* Editions: numbered 1, 2…, with what was said of them; the draft goes on and the edition keeps its text;
 * writing to an edition is refused (IMMUTABLE) through the store and from another program's SQL alike. */
static void
test_editions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspDocument) doc = ksp_test_open_sample_document (f->uri, &store);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) editions = NULL;
  g_autoptr (GPtrArray) standards = NULL;
  g_autoptr (KspNode) frozen = NULL;
  g_autoptr (KspNode) again = NULL;
  g_autoptr (KspDocument) edition_doc = NULL;
  KspNode *root = ksp_document_get_root (doc);
  KspNode *card = ksp_test_first_of_kind (root, "card");
  KspEditionInfo info = { 0 };
  KspEditionInfo *e;
  gint64 edition, second;
  g_autofree char *sql = NULL;
  g_autofree char *err = NULL;

  info.standard_id = (char *) ksp_node_get_id (root);
  info.date = (char *) "2024-04-30";
  info.year = 2024;
  info.note = (char *) "приказ № 125";
  info.act = (char *) "приказ от 30 апреля 2024 года № 125";
  edition = ksp_store_create_edition (store, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (edition, >, 0);
  g_assert_cmpint (edition, !=, ksp_document_get_tree_id (doc));

  g_assert_true (ksp_document_set_value (doc, card, "occupation_code", KSP_LANG_NONE, "5320-2-004", &error));
  g_assert_no_error (error);
  frozen = ksp_store_load_tree (store, edition, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ksp_test_count_elements (frozen), ==, ksp_test_count_elements (root));
  g_assert_cmpstr (ksp_node_get_value (ksp_node_find_descendant (frozen, ksp_node_get_id (card)),
                                       "occupation_code", KSP_LANG_NONE), ==, "5320-2-003");
  g_assert_cmpstr (ksp_node_get_id (frozen), ==, ksp_node_get_id (root));

  info.note = NULL;
  info.act = NULL;
  info.date = (char *) "2025-01-02";
  info.year = 2025;
  second = ksp_store_create_edition (store, &info, &error);
  g_assert_no_error (error);
  editions = ksp_store_list_editions (store, info.standard_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (editions->len, ==, 2);
  e = g_ptr_array_index (editions, 0);
  g_assert_cmpint (e->tree_id, ==, edition);
  g_assert_cmpint (e->number, ==, 1);
  g_assert_cmpint (e->year, ==, 2024);
  g_assert_cmpstr (e->standard_id, ==, info.standard_id);
  g_assert_cmpstr (e->date, ==, "2024-04-30");
  g_assert_cmpstr (e->note, ==, "приказ № 125");
  g_assert_cmpstr (e->act, ==, "приказ от 30 апреля 2024 года № 125");
  g_assert_cmpstr (e->created_by, ==, "tester");
  g_assert_nonnull (e->created_at);
  e = g_ptr_array_index (editions, 1);
  g_assert_cmpint (e->tree_id, ==, second);
  g_assert_cmpint (e->number, ==, 2);
  g_assert_null (e->note);
  g_assert_null (e->act);
  again = ksp_store_load_tree (store, second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ksp_node_get_value (ksp_node_find_descendant (again, ksp_node_get_id (card)),
                                       "occupation_code", KSP_LANG_NONE), ==, "5320-2-004");
  standards = ksp_store_list_standards (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((KspStandardInfo *) standards->pdata[0])->n_editions, ==, 2);

  /* no such standard */
  info.standard_id = (char *) "no-such-standard";
  g_assert_cmpint (ksp_store_create_edition (store, &info, &error), ==, 0);
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* through the store */
  edition_doc = ksp_document_open (store, edition, &error);
  g_assert_no_error (error);
  g_assert_false (ksp_document_set_value (edition_doc, ksp_document_lookup (edition_doc, ksp_node_get_id (card)),
                                          "occupation_code", KSP_LANG_NONE, "0000-0-000", &error));
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_IMMUTABLE);
  g_clear_error (&error);
  g_assert_false (ksp_store_delete_node (store, edition, ksp_node_get_id (card), &error));
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_IMMUTABLE);
  g_clear_error (&error);
  g_assert_false (ksp_store_write_node (store, edition, ksp_node_find_descendant (frozen, ksp_node_get_id (card)),
                                        FALSE, &error));
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_IMMUTABLE);
  g_clear_error (&error);

  /* from another program */
  sql = g_strdup_printf ("UPDATE value SET text = 'x' WHERE node IN (SELECT nid FROM node WHERE tree_id = %"
                         G_GINT64_FORMAT ")", edition);
  g_assert_false (raw_sql (f, sql, &err));
  g_assert_nonnull (strstr (err, "edition is immutable"));
  g_clear_pointer (&sql, g_free);
  g_clear_pointer (&err, g_free);
  sql = g_strdup_printf ("DELETE FROM node WHERE tree_id = %" G_GINT64_FORMAT, edition);
  g_assert_false (raw_sql (f, sql, &err));
  g_assert_nonnull (strstr (err, "edition is immutable"));
  g_clear_pointer (&sql, g_free);
  g_clear_pointer (&err, g_free);
  sql = g_strdup_printf ("UPDATE tree SET note = 'x' WHERE id = %" G_GINT64_FORMAT, edition);
  g_assert_false (raw_sql (f, sql, &err));
  g_assert_nonnull (strstr (err, "edition is immutable"));
  g_clear_pointer (&sql, g_free);
  g_clear_pointer (&err, g_free);
  sql = g_strdup_printf ("DELETE FROM tree WHERE id = %" G_GINT64_FORMAT, edition);
  g_assert_false (raw_sql (f, sql, &err));
  g_assert_nonnull (strstr (err, "edition is immutable"));
  g_clear_pointer (&sql, g_free);
  g_clear_pointer (&err, g_free);
  sql = g_strdup_printf ("UPDATE tree SET edition_act = 'x' WHERE id = %" G_GINT64_FORMAT, edition);
  g_assert_false (raw_sql (f, sql, &err));
  g_assert_nonnull (strstr (err, "edition is immutable"));
  g_clear_object (&again);
  again = ksp_store_load_tree (store, edition, &error);
  g_assert_no_error (error);
  ksp_test_assert_trees_equal (frozen, again);
  {
    g_autoptr (KspStoreVerification) v = ksp_store_verify (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (v->n_editions, ==, 2);
    g_assert_true (ksp_store_verification_ok (v));
  }

  /* deleting the whole standard does take its editions with it */
  g_clear_pointer (&err, g_free);
  g_assert_true (raw_sql (f, f->pg ? "DELETE FROM standard" : "PRAGMA foreign_keys = ON; DELETE FROM standard", &err));
  g_clear_object (&again);
  again = ksp_store_load_tree (store, edition, &error);
  g_assert_null (again);
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND);
}

static KspLogEntry *
make_entry (const char *standard_id,
            gint64      tree,
            gint64      change_set,
            const char *element_id,
            const char *new_value)
{
  KspLogEntry *e = ksp_log_entry_new ();
  KspChangeRecord *r = g_new0 (KspChangeRecord, 1);

  e->standard_id = g_strdup (standard_id);
  e->tree_id = tree;
  e->author = g_strdup ("dana");
  e->action = g_strdup ("do");
  e->command = g_strdup ("set-value");
  e->change_set = change_set;
  r->op = KSP_RECORD_SET;
  r->element_id = g_strdup (element_id);
  r->kind = g_strdup ("card");
  r->field = g_strdup ("purpose");
  r->lang = KSP_LANG_KK;
  r->old_value = NULL;
  r->new_value = g_strdup (new_value);
  g_ptr_array_add (e->records, r);
  return e;
}

/* The change log: the store's own entries (create, edition) and those appended in a transaction, read back
 * field by field in the order of the chain, per standard and whole; the head moves with each; a rolled back
 * append leaves nothing; the chain verifies; entries cannot be changed or deleted by another program. */
static void
test_change_log (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (KspNode) sample = ksp_sample_new_document ();
  g_autoptr (KspNode) second = ksp_node_new ("document", NULL);
  g_autoptr (KspStore) store = ksp_test_open_store (f->uri, KSP_STORE_OPEN_CREATE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) one = NULL;
  g_autoptr (KspLogEntry) entry = NULL;
  g_autoptr (KspLogEntry) lost = NULL;
  g_autofree char *err = NULL;
  g_autofree char *content = ksp_node_content_hash (sample);
  KspEditionInfo info = { 0 };
  const char *std = ksp_node_get_id (sample);
  KspNode *card = ksp_test_first_of_kind (sample, "card");
  gint64 tree = ksp_store_add_standard (store, sample, &error), tree2;
  KspLogEntry *e;
  KspChangeRecord *r;

  g_assert_no_error (error);
  tree2 = ksp_store_add_standard (store, second, &error);
  g_assert_no_error (error);

  entry = make_entry (std, tree, 0, ksp_node_get_id (card), "«жаңа» мәтін\nекінші жол");
  ((KspChangeRecord *) entry->records->pdata[0])->old_value = g_strdup ("");
  entry->label = g_strdup ("Бір қадам");
  g_assert_true (ksp_store_begin (store, &error));
  g_assert_true (ksp_store_append_log (store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (entry->id, >, 0);
  g_assert_nonnull (entry->hash);
  g_assert_nonnull (entry->at);
  g_assert_true (ksp_store_commit (store, &error));

  lost = make_entry (std, tree, 0, ksp_node_get_id (card), "rolled back");
  g_assert_true (ksp_store_begin (store, &error));
  g_assert_true (ksp_store_append_log (store, lost, &error));
  ksp_store_rollback (store);

  info.standard_id = (char *) std;
  g_assert_cmpint (ksp_store_create_edition (store, &info, &error), >, 0);
  g_assert_no_error (error);

  all = ksp_store_list_log (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);   /* create, create, do, edition */
  e = all->pdata[0];
  g_assert_cmpstr (e->action, ==, "create");
  g_assert_cmpstr (e->standard_id, ==, std);
  g_assert_cmpint (e->tree_id, ==, tree);
  g_assert_cmpstr (e->author, ==, "tester");
  g_assert_cmpstr (e->prev_hash, ==, KSP_LOG_GENESIS);
  g_assert_cmpuint (e->records->len, ==, 1);
  r = e->records->pdata[0];
  g_assert_true (r->op == KSP_RECORD_CREATE);
  g_assert_cmpstr (r->content_hash, ==, content);
  g_assert_cmpstr (((KspLogEntry *) all->pdata[1])->standard_id, ==, ksp_node_get_id (second));
  g_assert_cmpint (((KspLogEntry *) all->pdata[1])->tree_id, ==, tree2);
  g_assert_cmpstr (((KspLogEntry *) all->pdata[1])->prev_hash, ==, e->hash);
  e = all->pdata[2];
  g_assert_cmpint (e->id, ==, entry->id);
  g_assert_cmpstr (e->hash, ==, entry->hash);
  g_assert_cmpstr (e->at, ==, entry->at);
  g_assert_cmpstr (e->author, ==, "dana");
  g_assert_cmpstr (e->command, ==, "set-value");
  g_assert_cmpstr (e->label, ==, "Бір қадам");
  r = e->records->pdata[0];
  g_assert_true (r->op == KSP_RECORD_SET && r->lang == KSP_LANG_KK);
  g_assert_cmpstr (r->element_id, ==, ksp_node_get_id (card));
  g_assert_cmpstr (r->kind, ==, "card");
  g_assert_cmpstr (r->field, ==, "purpose");
  g_assert_cmpstr (r->old_value, ==, "");
  g_assert_cmpstr (r->new_value, ==, "«жаңа» мәтін\nекінші жол");
  g_assert_null (r->subtree);
  e = all->pdata[3];
  g_assert_cmpstr (e->action, ==, "edition");
  r = e->records->pdata[0];
  g_assert_true (r->op == KSP_RECORD_FREEZE);
  g_assert_cmpstr (r->new_value, ==, "1");

  one = ksp_store_list_log (store, std, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->len, ==, 3);
  {
    g_autoptr (KspStoreVerification) v = ksp_store_verify (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (v->n_entries, ==, 4);
    g_assert_cmpuint (v->n_editions, ==, 1);
    g_assert_null (v->chain);
    g_assert_cmpuint (v->schema->len, ==, 0);
    g_assert_true (ksp_store_verification_ok (v));
  }

  g_assert_false (raw_sql (f, "UPDATE log SET author = 'mallory'", &err));
  g_assert_nonnull (strstr (err, "the change log cannot be changed"));
  g_clear_pointer (&err, g_free);
  g_assert_false (raw_sql (f, "DELETE FROM log", &err));
  g_assert_nonnull (strstr (err, "the change log cannot be changed"));
  g_clear_pointer (&err, g_free);
  g_assert_false (raw_sql (f, "UPDATE log_record SET new_value = 'x'", &err));
  g_assert_nonnull (strstr (err, "the change log cannot be changed"));
  g_clear_pointer (&err, g_free);
  g_assert_false (raw_sql (f, "DELETE FROM log_record", &err));
  g_assert_nonnull (strstr (err, "the change log cannot be changed"));

  /* a new session reads the same chain */
  ksp_store_close (store);
  g_clear_object (&store);
  store = ksp_test_open_store (f->uri, KSP_STORE_OPEN_DEFAULT);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = ksp_store_list_log (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (((KspLogEntry *) all->pdata[2])->hash, ==, entry->hash);
}

static KspChangeSet *
find_change_set (GPtrArray *sets,
                 gint64     id)
{
  for (guint i = 0; i < sets->len; i++)
    if (((KspChangeSet *) sets->pdata[i])->id == id)
      return sets->pdata[i];
  g_assert_not_reached ();
}

/* Change sets: an author's open one made once and found again; another added; their entries counted, also
 * after some were moved to another (a split); status, title, reason and reviewer written and read back. */
static void
test_change_sets (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (KspNode) sample = ksp_sample_new_document ();
  g_autoptr (KspStore) store = ksp_test_open_store (f->uri, KSP_STORE_OPEN_CREATE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sets = NULL;
  g_autoptr (GHashTable) moved = NULL;
  const char *std = ksp_node_get_id (sample);
  const char *card = ksp_node_get_id (ksp_test_first_of_kind (sample, "card"));
  gint64 tree = ksp_store_add_standard (store, sample, &error);
  gint64 first, again, other, ids[3];
  KspChangeSet change = { 0 }, *c;

  g_assert_no_error (error);
  g_assert_true (ksp_store_begin (store, &error));
  first = ksp_store_current_change_set (store, std, "dana", &error);
  SKIP_IF_NOT_SUPPORTED (error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  again = ksp_store_current_change_set (store, std, "dana", &error);
  g_assert_cmpint (again, ==, first);
  g_assert_cmpint (ksp_store_current_change_set (store, std, "ruslan", &error), !=, first);
  other = ksp_store_add_change_set (store, std, "dana", "Екінші", &error);
  g_assert_no_error (error);
  g_assert_cmpint (other, >, first);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("edit %u", i);
      g_autoptr (KspLogEntry) e = make_entry (std, tree, first, card, text);
      g_assert_true (ksp_store_append_log (store, e, &error));
      ids[i] = e->id;
    }
  g_assert_true (ksp_store_commit (store, &error));
  g_assert_no_error (error);
  /* after a split, edits still go to the first open one */
  g_assert_cmpint (ksp_store_current_change_set (store, std, "dana", &error), ==, first);

  sets = ksp_store_list_change_sets (store, std, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 3);
  c = find_change_set (sets, first);
  g_assert_cmpstr (c->standard_id, ==, std);
  g_assert_cmpstr (c->author, ==, "dana");
  g_assert_cmpstr (c->status, ==, "open");
  g_assert_null (c->title);
  g_assert_cmpuint (c->n_entries, ==, 3);
  g_assert_nonnull (c->created_at);
  c = find_change_set (sets, other);
  g_assert_cmpstr (c->title, ==, "Екінші");
  g_assert_cmpuint (c->n_entries, ==, 0);
  g_clear_pointer (&sets, g_ptr_array_unref);

  g_assert_true (ksp_store_begin (store, &error));
  g_assert_true (ksp_store_move_log_entries (store, ids + 1, 2, other, &error));
  g_assert_true (ksp_store_commit (store, &error));
  g_assert_no_error (error);
  moved = ksp_store_dup_membership (store, std, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (moved), ==, 2);
  g_assert_cmpint (*(gint64 *) g_hash_table_lookup (moved, &ids[1]), ==, other);
  g_assert_null (g_hash_table_lookup (moved, &ids[0]));
  sets = ksp_store_list_change_sets (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (find_change_set (sets, first)->n_entries, ==, 1);
  g_assert_cmpuint (find_change_set (sets, other)->n_entries, ==, 2);
  g_clear_pointer (&sets, g_ptr_array_unref);

  change.id = first;
  change.status = (char *) "rejected";
  change.title = (char *) "Бірінші";
  change.reason = (char *) "Негіздеме жоқ";
  change.reviewer = (char *) "ruslan";
  g_assert_true (ksp_store_write_change_set (store, &change, &error));
  g_assert_no_error (error);
  sets = ksp_store_list_change_sets (store, std, &error);
  c = find_change_set (sets, first);
  g_assert_cmpstr (c->status, ==, "rejected");
  g_assert_cmpstr (c->title, ==, "Бірінші");
  g_assert_cmpstr (c->reason, ==, "Негіздеме жоқ");
  g_assert_cmpstr (c->reviewer, ==, "ruslan");
  /* not open any more: the next edit opens a new one */
  g_assert_cmpint (ksp_store_current_change_set (store, std, "dana", &error), ==, other);
  change.id = 9999;
  g_assert_false (ksp_store_write_change_set (store, &change, &error));
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&sets, g_ptr_array_unref);
  sets = ksp_store_list_change_sets (store, "no-such-standard", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 0);
}

/* People: added, listed by account, their name and roles replaced. */
static void
test_people (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (KspStore) store = ksp_test_open_store (f->uri, KSP_STORE_OPEN_CREATE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) people = NULL;
  KspPerson p = { 0 }, *q;

  people = ksp_store_list_people (store, &error);
  SKIP_IF_NOT_SUPPORTED (error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 0);
  g_clear_pointer (&people, g_ptr_array_unref);
  p.account = (char *) "ruslan";
  p.display_name = (char *) "Руслан Әбенов";
  p.roles = (char *) "reviewer";
  g_assert_true (ksp_store_write_person (store, &p, &error));
  p.account = (char *) "dana";
  p.display_name = NULL;
  p.roles = NULL;
  g_assert_true (ksp_store_write_person (store, &p, &error));
  g_assert_no_error (error);
  people = ksp_store_list_people (store, &error);
  g_assert_cmpuint (people->len, ==, 2);
  q = people->pdata[0];
  g_assert_cmpstr (q->account, ==, "dana");
  g_assert_cmpstr (q->display_name, ==, "dana");
  g_assert_cmpstr (q->roles, ==, "");
  g_assert_nonnull (q->created_at);
  q = people->pdata[1];
  g_assert_cmpstr (q->display_name, ==, "Руслан Әбенов");
  g_assert_cmpstr (q->roles, ==, "reviewer");
  g_clear_pointer (&people, g_ptr_array_unref);
  p.account = (char *) "ruslan";
  p.display_name = (char *) "Руслан";
  p.roles = (char *) "reviewer,publisher";
  g_assert_true (ksp_store_write_person (store, &p, &error));
  people = ksp_store_list_people (store, &error);
  g_assert_cmpuint (people->len, ==, 2);
  q = people->pdata[1];
  g_assert_cmpstr (q->display_name, ==, "Руслан");
  g_assert_cmpstr (q->roles, ==, "reviewer,publisher");
}

/* Comments: a thread and its reply, read back in order with their anchors; resolved and reopened. */
static void
test_comments (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (KspStore) store = ksp_test_open_store (f->uri, KSP_STORE_OPEN_CREATE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  KspComment c = { 0 }, *got;
  gint64 first, reply;

  list = ksp_store_list_comments (store, "std-1", &error);
  SKIP_IF_NOT_SUPPORTED (error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  c.standard_id = (char *) "std-1";
  c.element_id = (char *) "el-1";
  c.field = (char *) "purpose";
  c.lang = KSP_LANG_RU;
  c.author = (char *) "ruslan";
  c.text = (char *) "Уточнить «цель»?";
  first = ksp_store_add_comment (store, &c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  c.field = NULL;
  c.lang = KSP_LANG_NONE;
  c.reply_to = first;
  c.author = (char *) "dana";
  c.text = (char *) "Келісемін.";
  reply = ksp_store_add_comment (store, &c, &error);
  g_assert_cmpint (reply, >, first);
  c.standard_id = (char *) "std-2";
  c.reply_to = 0;
  g_assert_cmpint (ksp_store_add_comment (store, &c, &error), >, 0);
  g_assert_no_error (error);

  list = ksp_store_list_comments (store, "std-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  got = list->pdata[0];
  g_assert_cmpint (got->id, ==, first);
  g_assert_cmpstr (got->standard_id, ==, "std-1");
  g_assert_cmpstr (got->element_id, ==, "el-1");
  g_assert_cmpstr (got->field, ==, "purpose");
  g_assert_true (got->lang == KSP_LANG_RU);
  g_assert_cmpint (got->reply_to, ==, 0);
  g_assert_cmpstr (got->author, ==, "ruslan");
  g_assert_cmpstr (got->text, ==, "Уточнить «цель»?");
  g_assert_nonnull (got->created_at);
  g_assert_null (got->resolved_by);
  got = list->pdata[1];
  g_assert_cmpint (got->reply_to, ==, first);
  g_assert_null (got->field);
  g_assert_true (got->lang == KSP_LANG_NONE);
  g_assert_cmpstr (got->text, ==, "Келісемін.");
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (ksp_store_resolve_comment (store, first, "dana", &error));
  g_assert_no_error (error);
  list = ksp_store_list_comments (store, "std-1", &error);
  got = list->pdata[0];
  g_assert_cmpstr (got->resolved_by, ==, "dana");
  g_assert_nonnull (got->resolved_at);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (ksp_store_resolve_comment (store, first, NULL, &error));
  list = ksp_store_list_comments (store, "std-1", &error);
  got = list->pdata[0];
  g_assert_null (got->resolved_by);
  g_assert_null (got->resolved_at);
  g_assert_false (ksp_store_resolve_comment (store, 424242, "dana", &error));
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND);
}

/* Justifications: kept per change and language, replaced, removed; refused for a standard not there. */
static void
test_justifications (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (KspNode) sample = ksp_sample_new_document ();
  g_autoptr (KspStore) store = ksp_test_open_store (f->uri, KSP_STORE_OPEN_CREATE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  const char *std = ksp_node_get_id (sample);
  KspJustification *j;

  g_assert_cmpint (ksp_store_add_standard (store, sample, &error), >, 0);
  g_assert_true (ksp_store_put_justification (store, std, "changed:b:purpose:ru", KSP_LANG_RU, "Первая", &error));
  SKIP_IF_NOT_SUPPORTED (error);
  g_assert_no_error (error);
  g_assert_true (ksp_store_put_justification (store, std, "changed:b:purpose:ru", KSP_LANG_KK, "Бірінші", &error));
  g_assert_true (ksp_store_put_justification (store, std, "added:a", KSP_LANG_RU, "Новый пункт", &error));
  g_assert_true (ksp_store_put_justification (store, std, "added:a", KSP_LANG_RU, "Новый пункт (изм.)", &error));
  g_assert_no_error (error);
  list = ksp_store_list_justifications (store, std, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  j = list->pdata[0];
  g_assert_cmpstr (j->change_key, ==, "added:a");
  g_assert_cmpstr (j->text, ==, "Новый пункт (изм.)");
  g_assert_cmpstr (j->author, ==, "tester");
  g_assert_nonnull (j->updated_at);
  j = list->pdata[1];
  g_assert_cmpstr (j->change_key, ==, "changed:b:purpose:ru");
  g_assert_true (j->lang == KSP_LANG_KK);
  g_assert_cmpstr (j->text, ==, "Бірінші");
  g_assert_true (((KspJustification *) list->pdata[2])->lang == KSP_LANG_RU);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (ksp_store_put_justification (store, std, "added:a", KSP_LANG_RU, "", &error));
  list = ksp_store_list_justifications (store, std, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_false (ksp_store_put_justification (store, "no-such", "added:a", KSP_LANG_RU, "x", &error));
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND);
}

/* Reference data: none at first (no error), kept with its source, replaced whole. */
static void
test_reference (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (KspStore) store = ksp_test_open_store (f->uri, KSP_STORE_OPEN_CREATE);
  g_autoptr (GError) error = NULL;
  g_autofree char *source = NULL;
  g_autofree char *text = ksp_store_get_reference (store, KSP_REFERENCE_ORK, &source, &error);

  SKIP_IF_NOT_SUPPORTED (error);
  g_assert_no_error (error);
  g_assert_null (text);
  g_assert_true (ksp_store_put_reference (store, KSP_REFERENCE_ORK, "ork.txt", "1-деңгей\n2-деңгей", &error));
  g_assert_no_error (error);
  text = ksp_store_get_reference (store, KSP_REFERENCE_ORK, &source, &error);
  g_assert_cmpstr (text, ==, "1-деңгей\n2-деңгей");
  g_assert_cmpstr (source, ==, "ork.txt");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&source, g_free);
  g_assert_true (ksp_store_put_reference (store, KSP_REFERENCE_ORK, "ork2.txt", "уровни", &error));
  text = ksp_store_get_reference (store, KSP_REFERENCE_ORK, &source, &error);
  g_assert_cmpstr (text, ==, "уровни");
  g_assert_cmpstr (source, ==, "ork2.txt");
}

/* Opened read-only, a workspace is read but every write is refused (READ_ONLY) and changes nothing; a
 * reader (ksp_store_open_reader) in another thread sees what was committed, not a write under way. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspDocument) doc = ksp_test_open_sample_document (f->uri, &store);
  g_autoptr (KspStore) ro = ksp_test_open_store (f->uri, KSP_STORE_OPEN_READ_ONLY);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (KspNode) loaded = NULL;
  g_autoptr (KspNode) sample = ksp_sample_new_document ();
  KspNode *root = ksp_document_get_root (doc);
  KspNode *card = ksp_test_first_of_kind (root, "card");
  gint64 tree = ksp_document_get_tree_id (doc);
  KspEditionInfo info = { 0 };
  KspTestThreadLoad job = { 0 };
  GThread *thread;

  g_assert_true (ksp_store_is_read_only (ro));
  g_assert_nonnull (ksp_store_get_read_only_reason (ro));
  list = ksp_store_list_standards (ro, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  loaded = ksp_store_load_tree (ro, tree, &error);
  g_assert_no_error (error);
  ksp_test_assert_trees_equal (root, loaded);
  g_assert_false (ksp_store_write_value (ro, tree, ksp_node_get_id (card), "purpose", KSP_LANG_RU, "x", &error));
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (ksp_store_begin (ro, &error));
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (ksp_store_add_standard (ro, sample, &error), ==, 0);
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  info.standard_id = (char *) ksp_node_get_id (root);
  g_assert_cmpint (ksp_store_create_edition (ro, &info, &error), ==, 0);
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (ksp_store_put_reference (ro, KSP_REFERENCE_ORK, "x", "y", &error));
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* what the writer commits, the read-only session reads */
  g_assert_true (ksp_document_set_value (doc, card, "purpose", KSP_LANG_RU, "Новая цель.", &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = ksp_store_load_tree (ro, tree, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ksp_node_get_value (ksp_node_find_descendant (loaded, ksp_node_get_id (card)), "purpose",
                                       KSP_LANG_RU), ==, "Новая цель.");

  /* a reader in another thread, while this session is in the middle of a write */
  g_assert_true (ksp_store_begin (store, &error));
  g_assert_true (ksp_store_write_value (store, tree, ksp_node_get_id (card), "purpose", KSP_LANG_RU, "not committed",
                                        &error));
  job.reader = ksp_store_open_reader (store, &error);
  g_assert_no_error (error);
  g_assert_true (ksp_store_is_read_only (job.reader));
  job.tree = tree;
  thread = g_thread_new ("reader", ksp_test_load_in_thread, &job);
  g_thread_join (thread);
  g_assert_no_error (job.error);
  ksp_test_assert_trees_equal (root, job.loaded);
  g_clear_object (&job.loaded);
  g_clear_object (&job.reader);
  ksp_store_rollback (store);
}

/* Review (model/review/) over the backend's rows: people and roles, a drafter's edits in their change set,
 * split into two, one rejected with its reason and reverted, the other approved, a comment thread; the
 * log verifies after it all, its moves included. */
static void
test_review_cycle (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspDocument) doc = ksp_test_open_sample_document (f->uri, &store);
  g_autoptr (GError) error = NULL;
  g_autoptr (KspChangeSet) set = NULL;
  g_autoptr (KspStoreVerification) v = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  KspNode *root = ksp_document_get_root (doc);
  KspNode *card = ksp_test_first_of_kind (root, "card");
  KspNode *skill = ksp_test_first_of_kind (root, "skill");
  const char *std = ksp_node_get_id (root);
  const char *split_off[] = { ksp_node_get_id (skill), NULL };
  g_autofree char *old_name = g_strdup (ksp_node_get_value (skill, "name", KSP_LANG_RU));
  KspRoles roles = 0;
  gint64 s, t;

  g_assert_true (ksp_review_set_person (store, "admin", "admin", "Админ", KSP_ROLE_ADMIN, &error));
  g_assert_true (ksp_review_set_person (store, "admin", "dana", "Дана", KSP_ROLE_DRAFTER, &error));
  g_assert_true (ksp_review_set_person (store, "admin", "ruslan", NULL, KSP_ROLE_REVIEWER, &error));
  g_assert_no_error (error);
  g_assert_true (ksp_review_is_set_up (store, &error));
  roles = ksp_review_roles_of (store, "ruslan", &error);
  g_assert_cmpint (roles, ==, KSP_ROLE_REVIEWER);

  ksp_document_set_user (doc, "dana");
  g_assert_true (ksp_document_set_value (doc, card, "purpose", KSP_LANG_RU, "Цель по-новому.", &error));
  g_assert_true (ksp_document_set_value (doc, skill, "name", KSP_LANG_RU, "Навык по-новому", &error));
  g_assert_no_error (error);
  s = ksp_store_current_change_set (store, std, "dana", &error);   /* her open one, made by the first edit */
  g_assert_no_error (error);
  g_assert_cmpint (s, >, 0);
  set = ksp_review_find (store, s, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (set->n_entries, ==, 2);
  g_clear_pointer (&set, ksp_change_set_free);

  t = ksp_review_split (store, s, split_off, "dana", "Навыки", &error);
  g_assert_no_error (error);
  g_assert_cmpint (t, >, s);
  set = ksp_review_find (store, t, &error);
  g_assert_cmpuint (set->n_entries, ==, 1);
  g_assert_cmpstr (set->title, ==, "Навыки");
  g_clear_pointer (&set, ksp_change_set_free);
  entries = ksp_review_list_entries (store, s, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);

  g_assert_true (ksp_review_submit (store, s, "dana", NULL, &error));
  g_assert_true (ksp_review_submit (store, t, "dana", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (ksp_review_approve (store, s, "dana", &error));   /* not one's own */
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_true (ksp_review_approve (store, s, "ruslan", &error));
  g_assert_true (ksp_review_reject (store, t, "ruslan", "Название не по ОРК", &error));
  g_assert_no_error (error);
  set = ksp_review_find (store, t, &error);
  g_assert_cmpstr (set->status, ==, "rejected");
  g_assert_cmpstr (set->reason, ==, "Название не по ОРК");
  g_assert_cmpstr (set->reviewer, ==, "ruslan");
  g_clear_pointer (&set, ksp_change_set_free);
  set = ksp_review_find (store, s, &error);
  g_assert_cmpstr (set->status, ==, "approved");
  g_clear_pointer (&set, ksp_change_set_free);

  g_assert_true (ksp_review_revert (store, doc, t, "dana", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ksp_node_get_value (skill, "name", KSP_LANG_RU), ==, old_name);
  g_assert_cmpstr (ksp_node_get_value (card, "purpose", KSP_LANG_RU), ==, "Цель по-новому.");
  set = ksp_review_find (store, t, &error);
  g_assert_cmpstr (set->status, ==, "reverted");
  {
    g_autoptr (KspNode) stored = ksp_store_load_tree (store, ksp_document_get_tree_id (doc), &error);
    g_assert_no_error (error);
    ksp_test_assert_trees_equal (root, stored);
  }

  v = ksp_store_verify (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (v->membership);
  g_assert_cmpuint (v->membership->len, ==, 0);
  g_assert_true (ksp_store_verification_ok (v));
}

/* ---------------------------------------------------------------------------------------------- */
/* Issue 17.3: concurrent editing. Two documents on one draft are two sessions as far as the model goes
 * (each syncs from the change log and locks the standard before it writes); the PostgreSQL-only tests and
 * bench/bench-pg-load.c do it with separate connections. */

typedef struct
{
  KspStore    *store;
  KspDocument *a;   /* "tester" */
  KspDocument *b;   /* "tester-b", opened at the same moment: it has seen nothing A does after */
  guint        remote_b;
} Two;

static void
count_remote (KspDocument *doc,
              gpointer     entry,
              Two         *two)
{
  two->remote_b++;
}

static void
two_open (Fixture *f,
          Two     *two)
{
  g_autoptr (GError) error = NULL;
  gint64 tree;

  two->a = ksp_test_open_sample_document (f->uri, &two->store);
  tree = ksp_document_get_tree_id (two->a);
  two->b = ksp_document_open (two->store, tree, &error);
  g_assert_no_error (error);
  ksp_document_set_user (two->b, "tester-b");
  g_signal_connect (two->b, "remote-changed", G_CALLBACK (count_remote), two);
}

static void
two_close (Two *two)
{
  g_clear_object (&two->a);
  g_clear_object (&two->b);
  g_clear_object (&two->store);
}

static KspNode *
node_in (KspDocument *doc,
         KspNode     *like)
{
  KspNode *node = ksp_document_lookup (doc, ksp_node_get_id (like));
  g_assert_nonnull (node);
  return node;
}

static void
test_concurrent_sync (Fixture       *f,
                      gconstpointer  data)
{
  Two two = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) skill = ksp_node_new ("skill", NULL);
  g_autoptr (KspNode) stored = NULL;
  KspNode *card, *function, *moved;
  guint applied = 0;

  two_open (f, &two);
  card = ksp_test_first_of_kind (ksp_document_get_root (two.a), "card");
  function = ksp_test_first_of_kind (card, "function");
  g_assert_true (ksp_document_set_value (two.a, card, "profession_name", KSP_LANG_RU, "Помощник (A)", &error));
  ksp_node_set_value (skill, "name", KSP_LANG_RU, "Навык, добавленный A");
  g_assert_true (ksp_document_insert_node (two.a, function, 0, skill, &error));
  moved = ksp_node_get_child (function, ksp_node_get_n_children (function) - 1);
  g_assert_true (ksp_document_move_node (two.a, moved, function, 1, &error));
  g_assert_true (ksp_document_remove_node (two.a, ksp_node_get_child (function, 2), &error));
  g_assert_no_error (error);

  /* B has none of it until it syncs; then it has all of it, in its tree, with a signal per entry */
  g_assert_cmpstr (ksp_node_get_value (node_in (two.b, card), "profession_name", KSP_LANG_RU), !=, "Помощник (A)");
  g_assert_true (ksp_document_sync (two.b, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (applied, ==, 4);
  g_assert_cmpuint (two.remote_b, ==, 4);
  g_assert_cmpint (ksp_document_get_revision (two.b), ==, ksp_document_get_revision (two.a));
  ksp_test_assert_trees_equal (ksp_document_get_root (two.a), ksp_document_get_root (two.b));
  g_assert_cmpstr (ksp_node_get_value (node_in (two.b, skill), "name", KSP_LANG_RU), ==, "Навык, добавленный A");
  /* and the store has what both trees have */
  stored = ksp_store_load_tree (two.store, ksp_document_get_tree_id (two.a), &error);
  g_assert_no_error (error);
  ksp_test_assert_trees_equal (stored, ksp_document_get_root (two.b));
  /* a second sync finds nothing */
  g_assert_true (ksp_document_sync (two.b, &applied, &error));
  g_assert_cmpuint (applied, ==, 0);
  two_close (&two);
}

static void
test_concurrent_conflict (Fixture       *f,
                          gconstpointer  data)
{
  Two two = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) stored = NULL;
  const KspConflict *c;
  KspNode *card, *card_b;
  gint64 a_entry;

  two_open (f, &two);
  card = ksp_test_first_of_kind (ksp_document_get_root (two.a), "card");
  card_b = node_in (two.b, card);
  g_assert_true (ksp_document_set_value (two.a, card, "profession_name", KSP_LANG_RU, "Вариант A", &error));
  a_entry = ksp_document_get_revision (two.a);

  /* B, which has not seen it, writes the same value: refused, theirs kept, who and when said */
  g_assert_false (ksp_document_set_value (two.b, card_b, "profession_name", KSP_LANG_RU, "Вариант B", &error));
  g_assert_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "tester"));
  g_clear_error (&error);
  c = ksp_document_get_conflict (two.b);
  g_assert_nonnull (c);
  g_assert_cmpint (c->op, ==, KSP_RECORD_SET);
  g_assert_cmpstr (c->element_id, ==, ksp_node_get_id (card));
  g_assert_cmpstr (c->field, ==, "profession_name");
  g_assert_cmpint (c->lang, ==, KSP_LANG_RU);
  g_assert_cmpstr (c->author, ==, "tester");
  g_assert_nonnull (c->at);
  g_assert_cmpint (c->entry_id, ==, a_entry);
  g_assert_cmpstr (c->theirs, ==, "Вариант A");
  g_assert_cmpstr (c->mine, ==, "Вариант B");
  g_assert_cmpstr (ksp_node_get_value (card_b, "profession_name", KSP_LANG_RU), ==, "Вариант A");
  g_assert_cmpuint (ksp_undo_stack_get_n_commands (ksp_document_get_undo_stack (two.b)), ==, 0);
  stored = ksp_store_load_tree (two.store, ksp_document_get_tree_id (two.a), &error);
  g_assert_cmpstr (ksp_node_get_value (ksp_node_find_descendant (stored, ksp_node_get_id (card)), "profession_name",
                                       KSP_LANG_RU), ==, "Вариант A");
  g_clear_object (&stored);

  /* having seen theirs, B may write over it */
  g_assert_true (ksp_document_set_value (two.b, card_b, "profession_name", KSP_LANG_RU, "Вариант B", &error));
  g_assert_no_error (error);
  g_assert_null (ksp_document_get_conflict (two.b));

  /* another field of the same element is no conflict: A's step brings B's change in and adds its own */
  g_assert_true (ksp_document_set_value (two.a, card, "profession_name", KSP_LANG_KK, "Нұсқа A", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ksp_node_get_value (card, "profession_name", KSP_LANG_RU), ==, "Вариант B");

  /* an undo over what the other changed since is a conflict too: A undoes its Kazakh value after B... */
  g_assert_true (ksp_document_sync (two.b, NULL, &error));
  g_assert_true (ksp_document_set_value (two.b, card_b, "profession_name", KSP_LANG_KK, "Нұсқа B", &error));
  g_assert_false (ksp_document_undo (two.a, &error));
  g_assert_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpstr (ksp_document_get_conflict (two.a)->theirs, ==, "Нұсқа B");
  g_assert_cmpstr (ksp_node_get_value (card, "profession_name", KSP_LANG_KK), ==, "Нұсқа B");
  g_assert_true (ksp_undo_stack_can_undo (ksp_document_get_undo_stack (two.a)));

  /* a value written into an element the other removed: refused, named as a removal */
  {
    KspNode *function = ksp_test_first_of_kind (card, "function");
    KspNode *function_b = node_in (two.b, function);
    g_autofree char *function_id = g_strdup (ksp_node_get_id (function));

    g_assert_true (ksp_document_sync (two.a, NULL, &error));
    g_assert_true (ksp_document_remove_node (two.b, function_b, &error));
    g_assert_false (ksp_document_set_value (two.a, function, "name", KSP_LANG_RU, "Функция A", &error));
    g_assert_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_CONFLICT);
    g_clear_error (&error);
    g_assert_cmpint (ksp_document_get_conflict (two.a)->op, ==, KSP_RECORD_DELETE);
    g_assert_cmpstr (ksp_document_get_conflict (two.a)->author, ==, "tester-b");
    g_assert_null (ksp_document_lookup (two.a, function_id));
  }
  /* removing what the other just changed loses their change unseen: refused */
  {
    KspNode *function = ksp_test_first_of_kind (card, "function");

    g_assert_true (ksp_document_sync (two.b, NULL, &error));
    g_assert_true (ksp_document_set_value (two.b, node_in (two.b, function), "list_name", KSP_LANG_RU, "Функция B",
                                           &error));
    g_assert_false (ksp_document_remove_node (two.a, function, &error));
    g_assert_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_CONFLICT);
    g_clear_error (&error);
    g_assert_nonnull (ksp_document_lookup (two.a, ksp_node_get_id (function)));
    g_assert_cmpstr (ksp_node_get_value (function, "list_name", KSP_LANG_RU), ==, "Функция B");
    /* and one inside it: a competency of the card changed, the card removed */
    g_assert_true (ksp_document_sync (two.b, NULL, &error));
    g_assert_true (ksp_document_set_value (two.b, node_in (two.b, ksp_test_first_of_kind (card, "competency")), "text",
                                           KSP_LANG_RU, "ответственность (B)", &error));
    g_assert_false (ksp_document_remove_node (two.a, card, &error));
    g_assert_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_CONFLICT);
    g_clear_error (&error);
    g_assert_true (ksp_node_get_parent (card) != NULL);
  }
  /* whatever was refused, both trees end as the store */
  g_assert_true (ksp_document_sync (two.a, NULL, &error));
  g_assert_true (ksp_document_sync (two.b, NULL, &error));
  stored = ksp_store_load_tree (two.store, ksp_document_get_tree_id (two.a), &error);
  ksp_test_assert_trees_equal (stored, ksp_document_get_root (two.a));
  ksp_test_assert_trees_equal (stored, ksp_document_get_root (two.b));
  two_close (&two);
}

/* Two people adding a skill to one function both succeed: the second is put where its author asked once the
 * first is in. */
static void
test_concurrent_inserts (Fixture       *f,
                         gconstpointer  data)
{
  Two two = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) first = ksp_node_new ("skill", NULL);
  g_autoptr (KspNode) second = ksp_node_new ("skill", NULL);
  g_autoptr (KspNode) stored = NULL;
  KspNode *function, *function_b;
  guint n;

  two_open (f, &two);
  function = ksp_test_first_of_kind (ksp_document_get_root (two.a), "function");
  function_b = node_in (two.b, function);
  n = ksp_node_get_n_children (function);
  ksp_node_set_value (first, "name", KSP_LANG_RU, "Навык A");
  ksp_node_set_value (second, "name", KSP_LANG_RU, "Навык B");
  g_assert_true (ksp_document_insert_node (two.a, function, n, first, &error));
  g_assert_true (ksp_document_insert_node (two.b, function_b, n, second, &error));
  g_assert_no_error (error);
  g_assert_true (ksp_document_sync (two.a, NULL, &error));
  ksp_test_assert_trees_equal (ksp_document_get_root (two.a), ksp_document_get_root (two.b));
  g_assert_cmpuint (ksp_node_get_n_children (function), ==, n + 2);
  /* B's went where B put it (position n) once A's was in: A's after it */
  g_assert_cmpstr (ksp_node_get_id (ksp_node_get_child (function, n)), ==, ksp_node_get_id (second));
  g_assert_true (ksp_node_get_child (function, n + 1) == first);
  stored = ksp_store_load_tree (two.store, ksp_document_get_tree_id (two.a), &error);
  ksp_test_assert_trees_equal (stored, ksp_document_get_root (two.a));
  two_close (&two);
}

/* A value typed over while another person's change came in (the form says what the user saw). */
static void
test_concurrent_expected (Fixture       *f,
                          gconstpointer  data)
{
  Two two = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspCommand) late = NULL;
  g_autoptr (KspCommand) seen = NULL;
  g_autofree char *before = NULL;
  KspNode *card, *card_b;

  two_open (f, &two);
  card = ksp_test_first_of_kind (ksp_document_get_root (two.a), "card");
  card_b = node_in (two.b, card);
  before = g_strdup (ksp_node_get_value (card_b, "purpose", KSP_LANG_RU));
  g_assert_true (ksp_document_set_value (two.a, card, "purpose", KSP_LANG_RU, "Цель по A", &error));
  /* B's view brought A's change in while its user typed over what they saw before */
  g_assert_true (ksp_document_sync (two.b, NULL, &error));
  late = ksp_set_value_command_new (ksp_node_get_id (card), "purpose", KSP_LANG_RU, "Цель по B");
  ksp_set_value_command_set_expected (KSP_SET_VALUE_COMMAND (late), before);
  g_assert_false (ksp_document_execute (two.b, late, &error));
  g_assert_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpstr (ksp_document_get_conflict (two.b)->author, ==, "tester");
  g_assert_cmpstr (ksp_document_get_conflict (two.b)->theirs, ==, "Цель по A");
  g_assert_cmpstr (ksp_document_get_conflict (two.b)->mine, ==, "Цель по B");
  g_assert_cmpstr (ksp_node_get_value (card_b, "purpose", KSP_LANG_RU), ==, "Цель по A");
  /* keeping mine: written over what is now seen */
  seen = ksp_set_value_command_new (ksp_node_get_id (card), "purpose", KSP_LANG_RU, "Цель по B");
  ksp_set_value_command_set_expected (KSP_SET_VALUE_COMMAND (seen), "Цель по A");
  g_assert_true (ksp_document_execute (two.b, seen, &error));
  g_assert_no_error (error);
  g_assert_true (ksp_document_sync (two.a, NULL, &error));
  g_assert_cmpstr (ksp_node_get_value (card, "purpose", KSP_LANG_RU), ==, "Цель по B");
  two_close (&two);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_setenv ("KASIP_USER", "tester", TRUE);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/contract/open-create", test_open_create);
  ADD ("/contract/too-new", test_too_new);
  ADD ("/contract/roundtrip/every-field", test_roundtrip_every_field);
  ADD ("/contract/roundtrip/sample", test_roundtrip_sample);
  ADD ("/contract/handles", test_handles);
  ADD ("/contract/transactions", test_transactions);
  ADD ("/contract/editions", test_editions);
  ADD ("/contract/change-log", test_change_log);
  ADD ("/contract/change-sets", test_change_sets);
  ADD ("/contract/people", test_people);
  ADD ("/contract/comments", test_comments);
  ADD ("/contract/justifications", test_justifications);
  ADD ("/contract/reference", test_reference);
  ADD ("/contract/read-only", test_read_only);
  ADD ("/contract/review-cycle", test_review_cycle);
  ADD ("/contract/document/undo-redo-every-edit", test_undo_redo_every_edit);
  ADD ("/contract/document/typing-merges", test_typing_merges);
  ADD ("/contract/concurrent/sync", test_concurrent_sync);
  ADD ("/contract/concurrent/conflict", test_concurrent_conflict);
  ADD ("/contract/concurrent/inserts", test_concurrent_inserts);
  ADD ("/contract/concurrent/expected", test_concurrent_expected);
  return g_test_run ();
}
