/* test-workspace.c: the GTK-free session (model/ksp-workspace.h) and the review marks
 * (model/review/ksp-review-marks.h) */
#include "config.h"

#include "ksp-review-marks.h"
#include "ksp-test-workspace.h"
#include "ksp-workspace.h"

typedef struct {
  guint  n;
  char  *standard_id;  /* of the last ::changed */
  guint  what;
} Changes;

static void
on_changed (KspWorkspace *ws,
            const char   *standard_id,
            guint         what,
            Changes      *c)
{
  c->n++;
  g_free (c->standard_id);
  c->standard_id = g_strdup (standard_id);
  c->what = what;
}

static KspNode *
first_of_kind (KspNode    *node,
               const char *kind)
{
  if (g_str_equal (ksp_node_get_kind (node), kind))
    return node;
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    {
      KspNode *found = first_of_kind (ksp_node_get_child (node, i), kind);
      if (found)
        return found;
    }
  return NULL;
}

static guint
mark_of (GHashTable *marks,
         KspNode    *node)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (marks, ksp_node_get_id (node)));
}

/* Every edit, comment and change of who you are is said, with the standard; what was read is read again. */
static void
test_changed (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspDocument) unused = NULL;
  g_autoptr (KspWorkspace) ws = NULL;
  g_autoptr (KspDocument) draft = NULL;
  g_autoptr (GError) error = NULL;
  Changes changes = { 0 };
  GPtrArray *log, *again;
  KspNode *knowledge;
  guint n_log;
  gint64 comment;

  ksp_test_sample_workspace ("kasip-ws", &dir, NULL, &store, &unused);
  ws = ksp_workspace_new (store);
  g_assert_true (ksp_workspace_reload_standards (ws, &error));
  g_assert_cmpuint (ksp_workspace_get_standards (ws)->len, ==, 1);
  draft = ksp_workspace_open_draft (ws, ((KspStandardInfo *) ksp_workspace_get_standards (ws)->pdata[0])->draft_tree,
                                    &error);
  g_assert_no_error (error);
  g_signal_connect (ws, "changed", G_CALLBACK (on_changed), &changes);
  knowledge = first_of_kind (ksp_document_get_root (draft), "knowledge");
  g_assert_nonnull (knowledge);

  /* the log is read once, until the standard changes */
  log = ksp_workspace_list_log (ws, ksp_node_get_id (ksp_document_get_root (draft)), &error);
  g_assert_no_error (error);
  n_log = log->len;
  g_assert_true (ksp_workspace_list_log (ws, ksp_node_get_id (ksp_document_get_root (draft)), &error) == log);
  g_assert_true (ksp_document_set_value (draft, knowledge, "text", KSP_LANG_RU, "Новое знание", &error));
  g_assert_cmpuint (changes.n, ==, 1);
  g_assert_cmpstr (changes.standard_id, ==, ksp_node_get_id (ksp_document_get_root (draft)));
  g_assert_cmpuint (changes.what, ==, KSP_WORKSPACE_CHANGED_LOG);
  again = ksp_workspace_list_log (ws, ksp_node_get_id (ksp_document_get_root (draft)), &error);
  g_assert_cmpuint (again->len, ==, n_log + 1);
  /* undo is a change too */
  g_assert_true (ksp_document_undo (draft, &error));
  g_assert_cmpuint (changes.n, ==, 2);

  /* a comment, its thread resolved */
  comment = ksp_workspace_add_comment (ws, draft, knowledge, "text", KSP_LANG_RU, 0, "Повтор", &error);
  g_assert_no_error (error);
  g_assert_cmpint (comment, >, 0);
  g_assert_cmpuint (changes.what, ==, KSP_WORKSPACE_CHANGED_COMMENTS);
  g_assert_cmpuint (ksp_workspace_list_comments (ws, ksp_node_get_id (ksp_document_get_root (draft)), &error)->len, ==, 1);
  g_assert_true (ksp_workspace_resolve_comment (ws, ksp_node_get_id (ksp_document_get_root (draft)), comment, TRUE,
                                                &error));
  g_assert_cmpuint (changes.n, ==, 4);
  g_assert_nonnull (((KspComment *) ksp_workspace_list_comments (ws, ksp_node_get_id (ksp_document_get_root (draft)),
                                                                 &error)->pdata[0])->resolved_by);

  /* who you are: the name chosen, kept in the workspace, without setting review up */
  g_assert_true (ksp_workspace_needs_display_name (ws));
  g_assert_true (ksp_workspace_set_display_name (ws, "Дана Алиева", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.what, ==, KSP_WORKSPACE_CHANGED_PEOPLE);
  g_assert_null (changes.standard_id);
  g_assert_false (ksp_workspace_needs_display_name (ws));
  {
    g_autofree char *name = ksp_workspace_dup_display_name (ws, NULL);
    g_autofree char *other = ksp_workspace_dup_display_name (ws, "nobody");
    g_assert_cmpstr (name, ==, "Дана Алиева");
    g_assert_cmpstr (other, ==, "nobody");
  }
  g_assert_cmpuint (ksp_workspace_get_roles (ws), ==, KSP_ROLES_ALL);   /* still a workspace of one */
  g_assert_true (ksp_workspace_set_account (ws, "ruslan", NULL));
  g_assert_cmpstr (ksp_document_get_user (draft), ==, "ruslan");   /* the drafts it opened follow */
  g_assert_cmpuint (changes.n, ==, 6);

  /* a draft let go of is no longer watched */
  g_clear_object (&draft);
  g_assert_true (ksp_workspace_set_account (ws, "dana", NULL));
  g_assert_cmpuint (changes.n, ==, 7);

  g_signal_handlers_disconnect_by_data (ws, &changes);
  g_free (changes.standard_id);
  ksp_workspace_close (ws);
  ksp_test_workspace_close (&dir, &store, &unused);
}

/* Open comments mark their element and what holds it; pending changes only once review is set up. */
static void
test_marks (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspDocument) draft = NULL;
  g_autoptr (KspWorkspace) ws = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) marks = NULL;
  GPtrArray *sets;   /* the workspace's */
  KspNode *root, *knowledge, *skill, *ability;
  gint64 comment, id;

  ksp_test_sample_workspace ("kasip-marks", &dir, NULL, &store, &draft);
  ws = ksp_workspace_new (store);
  root = ksp_document_get_root (draft);
  knowledge = first_of_kind (root, "knowledge");
  skill = ksp_node_get_parent (knowledge);
  ability = first_of_kind (skill, "ability");
  g_assert_nonnull (ability);

  /* a workspace of one: an edit waits for nobody */
  g_assert_true (ksp_document_set_value (draft, knowledge, "text", KSP_LANG_RU, "Изменено", &error));
  marks = ksp_workspace_dup_marks (ws, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (marks), ==, 0);
  g_clear_pointer (&marks, g_hash_table_unref);

  /* a comment on the knowledge item: it, and each element above it */
  comment = ksp_workspace_add_comment (ws, draft, knowledge, NULL, KSP_LANG_NONE, 0, "Зачем?", &error);
  g_assert_no_error (error);
  marks = ksp_workspace_dup_marks (ws, draft, &error);
  g_assert_cmpuint (mark_of (marks, knowledge), ==, KSP_MARK_COMMENT);
  g_assert_cmpuint (mark_of (marks, skill), ==, KSP_MARK_INSIDE_COMMENT);
  g_assert_cmpuint (mark_of (marks, root), ==, KSP_MARK_INSIDE_COMMENT);
  g_assert_cmpuint (mark_of (marks, ability), ==, 0);
  g_clear_pointer (&marks, g_hash_table_unref);
  /* a reply does not make a second thread; resolving the thread takes the marks off */
  g_assert_cmpint (ksp_workspace_add_comment (ws, draft, knowledge, NULL, KSP_LANG_NONE, comment, "Так", &error), >, 0);
  g_assert_true (ksp_workspace_resolve_comment (ws, ksp_node_get_id (root), comment, TRUE, &error));
  marks = ksp_workspace_dup_marks (ws, draft, &error);
  g_assert_cmpuint (g_hash_table_size (marks), ==, 0);
  g_clear_pointer (&marks, g_hash_table_unref);

  /* review set up: a drafter's edit waits for approval; a deletion marks the parent it was taken from */
  g_assert_true (ksp_review_set_person (store, ksp_store_get_user (store), ksp_store_get_user (store), "Дана",
                                        KSP_ROLE_DRAFTER, &error));
  g_assert_true (ksp_review_set_person (store, ksp_store_get_user (store), "ruslan", "Руслан", KSP_ROLE_REVIEWER,
                                        &error));
  g_assert_no_error (error);
  g_assert_true (ksp_document_set_value (draft, knowledge, "text", KSP_LANG_RU, "Изменено снова", &error));
  g_assert_true (ksp_document_remove_node (draft, ability, &error));
  g_assert_no_error (error);
  marks = ksp_workspace_dup_marks (ws, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mark_of (marks, knowledge), ==, KSP_MARK_PENDING);
  g_assert_cmpuint (mark_of (marks, skill), ==, KSP_MARK_PENDING | KSP_MARK_INSIDE_PENDING);
  g_assert_cmpuint (mark_of (marks, root), ==, KSP_MARK_INSIDE_PENDING);
  g_clear_pointer (&marks, g_hash_table_unref);

  /* split off the knowledge item's change: both sets open, the marks the same */
  sets = ksp_workspace_list_change_sets (ws, ksp_node_get_id (root), &error);
  g_assert_no_error (error);
  id = ((KspChangeSet *) g_ptr_array_index (sets, sets->len - 1))->id;
  {
    const char *ids[] = { ksp_node_get_id (knowledge), NULL };
    g_assert_cmpint (ksp_workspace_split (ws, id, ids, "Знание", &error), >, 0);
    g_assert_no_error (error);
  }
  marks = ksp_workspace_dup_marks (ws, draft, &error);
  g_assert_cmpuint (mark_of (marks, knowledge), ==, KSP_MARK_PENDING);
  g_assert_cmpuint (mark_of (marks, skill), ==, KSP_MARK_PENDING | KSP_MARK_INSIDE_PENDING);
  g_clear_pointer (&marks, g_hash_table_unref);

  /* the set with the deletion approved: only the knowledge item's change still waits */
  g_assert_true (ksp_workspace_submit (ws, id, NULL, &error));
  g_assert_true (ksp_workspace_set_account (ws, "ruslan", NULL));
  g_assert_true (ksp_workspace_approve (ws, id, &error));
  g_assert_no_error (error);
  marks = ksp_workspace_dup_marks (ws, draft, &error);
  g_assert_cmpuint (mark_of (marks, knowledge), ==, KSP_MARK_PENDING);
  g_assert_cmpuint (mark_of (marks, skill), ==, KSP_MARK_INSIDE_PENDING);
  g_clear_pointer (&marks, g_hash_table_unref);

  ksp_workspace_close (ws);
  ksp_test_workspace_close (&dir, &store, &draft);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("KASIP_USER", "dana", TRUE);
  g_test_add_func ("/workspace/changed", test_changed);
  g_test_add_func ("/workspace/marks", test_marks);
  return g_test_run ();
}
