/* test-review.c: review in the editor (issue 16.5), under Xvfb
 *
 * On the sample workspace:
 *  - the name bar at the first start: a name saved is kept in the workspace and does not set review up;
 *  - the review panel (F9): as a drafter, a knowledge item's wording changed in the form: the outline
 *    marks it (and its card) as changed and not approved, its history says who, in which change set,
 *    old → new; as a reviewer, a comment on one field of it: the panel lists the thread, the outline marks
 *    it; a reply; resolving it takes the mark off; the change set approved takes the other mark off.
 * Screenshots: the panel with a thread and the history, the outline's marks, the name bar. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ksp-compare-window.h"
#include "ksp-outline-view.h"
#include "ksp-review-compare.h"
#include "ksp-review.h"
#include "ksp-review-panel.h"
#include "ksp-window.h"
#include "ui-test-util.h"

static KspReviewPanel *
panel_of (KspWindow *window)
{
  GtkWidget *panel = find_widget_of_type (GTK_WIDGET (window), KSP_TYPE_REVIEW_PANEL);
  g_assert_nonnull (panel);
  return KSP_REVIEW_PANEL (panel);
}
static GtkWidget *
find_entry_with_placeholder (GtkWidget  *widget,
                             const char *placeholder,
                             gboolean    mapped)
{
  if (GTK_IS_ENTRY (widget) && (!mapped || gtk_widget_get_mapped (widget)) &&
      g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), placeholder) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_entry_with_placeholder (c, placeholder, mapped);
      if (found)
        return found;
    }
  return NULL;
}

/* For publication, through the window; FALSE with @error when refused (nothing written then). */
static gboolean
publish_and_wait (KspWindow   *window,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *result = NULL;
  gulong handler = watch_export (window, &result);
  gboolean ok = ksp_window_export_for_publication (window, "docx", path, KSP_LANG_RU, error);

  if (!ok)
    result = g_strdup ("refused");
  wait_export (window, handler, &result);
  if (ok)
    g_assert_cmpstr (result, ==, "");
  return ok;
}

static void
test_name_bar (Fixture       *fixture,
               gconstpointer  data)
{
  KspWindow *window = fixture->window;
  KspStore *store = ksp_window_get_store (window);
  GtkWidget *entry = find_entry_with_placeholder (GTK_WIDGET (window), "First and last name", TRUE);
  g_autoptr (KspPerson) person = NULL;
  g_autoptr (GError) error = NULL;

  /* nobody has a name here yet: the bar asks, without stopping the work */
  g_assert_nonnull (entry);
  g_assert_true (has_label (GTK_WIDGET (window),
                            "Your name as the working group sees it beside your changes and comments:"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  iterate_for (300);
  save_screenshot (window, "kasip-name-bar.png");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Дана Алиева");
  activate_entry (entry);
  iterate_for (200);
  g_assert_false (gtk_widget_get_mapped (entry));
  person = ksp_review_find_person (store, "ui-test", &error);
  g_assert_no_error (error);
  g_assert_nonnull (person);
  g_assert_cmpstr (person->display_name, ==, "Дана Алиева");
  g_assert_false (ksp_review_is_set_up (store, &error));   /* a name alone: still a workspace of one */

  /* the next time the workspace opens the editor is the OS account again (no environment variable says
   * who you are there): asked again for it, and not once working as the one who chose a name */
  g_assert_true (ksp_window_open_workspace (window, fixture->path, &error));
  g_assert_no_error (error);
  iterate_for (300);
  g_assert_cmpstr (ksp_workspace_get_account (ksp_window_get_workspace (window)), ==, g_get_user_name ());
  entry = find_entry_with_placeholder (GTK_WIDGET (window), "First and last name", FALSE);
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_get_mapped (entry));
  g_assert_true (ksp_workspace_set_account (ksp_window_get_workspace (window), "ui-test", &error));
  iterate_for (300);
  g_assert_false (gtk_widget_get_mapped (entry));
}

static void
test_panel (Fixture       *fixture,
            gconstpointer  data)
{
  KspWindow *window = fixture->window;
  KspWorkspace *ws = ksp_window_get_workspace (window);
  KspStore *store = ksp_window_get_store (window);
  KspOutlineView *outline = ksp_window_get_outline (window);
  KspReviewPanel *panel = NULL;
  KspDocument *draft = ksp_window_get_document (window);
  KspNode *knowledge = find_kind (ksp_document_get_root (draft), "knowledge");
  KspNode *card = ksp_node_get_parent (knowledge);
  g_autofree char *old_text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sets = NULL;
  GtkWidget *entry, *view;
  const char *marks;

  while (card && g_strcmp0 (ksp_node_get_kind (card), "card") != 0)
    card = ksp_node_get_parent (card);
  g_assert_nonnull (card);
  old_text = g_strdup (ksp_node_get_value (knowledge, "text", KSP_LANG_RU));
  g_assert_true (ksp_review_set_person (store, "ui-test", "ui-test", "Дана Алиева", KSP_ROLE_DRAFTER, &error));
  g_assert_true (ksp_review_set_person (store, "ui-test", "ruslan", "Руслан Ахметов", KSP_ROLE_REVIEWER, &error));
  g_assert_no_error (error);

  /* F9 shows the panel, built the first time */
  g_assert_null (find_widget_of_type (GTK_WIDGET (window), KSP_TYPE_REVIEW_PANEL));
  press_keys (window, GDK_KEY_F9, 0);
  iterate_for (300);
  panel = panel_of (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (panel)));

  /* the drafter changes the knowledge item's wording */
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (knowledge)));
  iterate_for (200);
  g_assert_cmpuint (ksp_review_panel_get_n_history (panel), ==, 0);
  g_assert_true (has_label (GTK_WIDGET (panel), "Not changed since it was imported."));
  type_into (window, "text", KSP_LANG_RU, "Основы охраны труда и техники безопасности");
  iterate_for (1200);   /* the panel and the marks wait for the burst of edits to end */
  g_assert_cmpuint (ksp_review_panel_get_n_history (panel), ==, 1);
  g_assert_true (has_label_prefix (GTK_WIDGET (panel), "Знание (in Russian): «"));
  g_assert_nonnull (find_label (GTK_WIDGET (panel), "You: Дана Алиева (drafter, administrator)"));
  marks = ksp_outline_view_get_marks_text (outline, knowledge);
  g_assert_cmpstr (marks, ==, "● changed, not approved");
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (card)));
  iterate_for (300);
  g_assert_cmpstr (ksp_outline_view_get_marks_text (outline, card), ==, "○ changes inside");

  /* the reviewer comments on the Russian wording */
  g_assert_true (ksp_workspace_set_account (ws, "ruslan", NULL));
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (knowledge)));
  iterate_for (300);
  g_assert_nonnull (find_label (GTK_WIDGET (panel), "You: Руслан Ахметов (reviewer)"));
  {
    GtkDropDown *anchor = GTK_DROP_DOWN (find_widget_of_type (GTK_WIDGET (panel), GTK_TYPE_DROP_DOWN));
    GListModel *names = gtk_drop_down_get_model (anchor);
    guint ru = G_MAXUINT;
    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Знание (in Russian)"))
        ru = i;
    g_assert_cmpuint (ru, !=, G_MAXUINT);
    gtk_drop_down_set_selected (anchor, ru);
  }
  view = ksp_review_panel_get_comment_view (panel);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Дублирует знание 2", -1);
  /* F6 goes outline → form → the panel's new comment */
  g_assert_true (ksp_outline_view_focus_selected (outline));
  press_keys (window, GDK_KEY_F6, 0);
  iterate_for (100);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (ksp_window_get_form (window))));
  press_keys (window, GDK_KEY_F6, 0);
  iterate_for (100);
  g_assert_true (gtk_widget_has_focus (view));
  press_keys (window, GDK_KEY_Return, GDK_CONTROL_MASK);   /* Ctrl+Enter posts it */
  iterate_for (300);
  g_assert_cmpuint (ksp_review_panel_get_n_threads (panel), ==, 1);
  g_assert_nonnull (find_label (GTK_WIDGET (panel), "Дублирует знание 2"));
  g_assert_null (text_view_text (view)[0] ? "not cleared" : NULL);
  g_assert_cmpstr (ksp_outline_view_get_marks_text (outline, knowledge), ==, "● open comments · ● changed, not approved");

  /* the drafter answers */
  g_assert_true (ksp_workspace_set_account (ws, "ui-test", NULL));
  iterate_for (200);
  click (find_button (GTK_WIDGET (panel), "_Reply"));
  entry = find_entry_with_placeholder (GTK_WIDGET (panel), "Reply", TRUE);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Объединю со знанием 2");
  activate_entry (entry);
  iterate_for (300);
  g_assert_nonnull (find_label (GTK_WIDGET (panel), "Объединю со знанием 2"));
  g_assert_cmpuint (ksp_review_panel_get_n_threads (panel), ==, 1);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  iterate_for (300);
  save_screenshot (window, "kasip-review-panel.png");

  /* the reviewer resolves it: the comment mark goes */
  g_assert_true (ksp_workspace_set_account (ws, "ruslan", NULL));
  iterate_for (200);
  click (find_button (GTK_WIDGET (panel), "Re_solve"));
  iterate_for (200);
  g_assert_nonnull (find_button (GTK_WIDGET (panel), "Re_open"));
  g_assert_true (has_label_prefix (GTK_WIDGET (panel), "Resolved by Руслан Ахметов, "));
  g_assert_cmpstr (ksp_outline_view_get_marks_text (outline, knowledge), ==, "● changed, not approved");

  /* submitted and approved: nothing is left to review */
  sets = ksp_store_list_change_sets (store, ksp_node_get_id (ksp_document_get_root (draft)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 1);
  g_assert_true (ksp_workspace_set_account (ws, "ui-test", NULL));
  g_assert_true (ksp_workspace_submit (ws, ((KspChangeSet *) sets->pdata[0])->id, NULL, &error));
  g_assert_no_error (error);

  /* not for publication while it waits, and only by a publisher */
  {
    g_autofree char *docx = g_build_filename (fixture->dir, "published.docx", NULL);
    g_assert_true (ksp_review_set_person (store, "ui-test", "pavel", "Павел", KSP_ROLE_PUBLISHER, &error));
    g_assert_false (publish_and_wait (window, docx, &error));
    g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_FORBIDDEN);
    g_clear_error (&error);
    g_assert_true (ksp_workspace_set_account (ws, "pavel", NULL));
    g_assert_false (publish_and_wait (window, docx, &error));
    g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_PENDING);
    g_clear_error (&error);
    g_assert_false (g_file_test (docx, G_FILE_TEST_EXISTS));
  }

  /* the reviewer opens it: its one change, Approve and Reject…, the element's comments and history beside */
  g_assert_true (ksp_workspace_set_account (ws, "ruslan", NULL));
  {
    gint64 id = ((KspChangeSet *) sets->pdata[0])->id;
    KspCompareWindow *compare = ksp_review_compare_new (window, id, &error);
    KspReviewPanel *side;
    KspChange *change;

    g_assert_no_error (error);
    gtk_window_present (GTK_WINDOW (compare));
    for (guint i = 0; i < 100 && !ksp_compare_window_is_ready (compare); i++)
      iterate_for (50);
    iterate_for (300);
    g_assert_cmpuint (ksp_compare_window_get_n_changes (compare), ==, 1);
    change = ksp_compare_window_get_selected (compare);
    g_assert_nonnull (change);
    g_assert_cmpstr (change->field, ==, "text");
    g_assert_cmpstr (change->old_value, ==, old_text);
    side = KSP_REVIEW_PANEL (find_widget_of_type (GTK_WIDGET (compare), KSP_TYPE_REVIEW_PANEL));
    g_assert_cmpuint (ksp_review_panel_get_n_threads (side), ==, 1);   /* the resolved thread on it */
    g_assert_cmpuint (ksp_review_panel_get_n_history (side), ==, 1);
    g_assert_nonnull (find_label (GTK_WIDGET (compare), "Change set 1 · Дана Алиева · submitted"));
    save_widget_screenshot (GTK_WIDGET (compare), "kasip-review-compare.png");
    click (find_button (GTK_WIDGET (compare), "_Approve"));
    g_assert_nonnull (find_label (GTK_WIDGET (compare), "Change set 1 · Дана Алиева · approved"));
    g_assert_null (find_button (GTK_WIDGET (compare), "_Approve"));
    gtk_window_destroy (GTK_WINDOW (compare));
  }
  iterate_for (300);
  g_assert_null (ksp_outline_view_get_marks_text (outline, knowledge));
  /* approved: the publisher exports it for publication, with the new wording */
  {
    g_autofree char *docx = g_build_filename (fixture->dir, "published.docx", NULL);
    g_autofree char *unzip = g_strdup_printf ("unzip -p '%s' word/document.xml", docx);
    g_autofree char *xml = NULL;
    g_assert_true (ksp_workspace_set_account (ws, "pavel", NULL));
    g_assert_true (publish_and_wait (window, docx, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_command_line_sync (unzip, &xml, NULL, NULL, &error));
    g_assert_nonnull (strstr (xml, "Основы охраны труда и техники безопасности"));
    g_assert_true (ksp_workspace_set_account (ws, "ruslan", NULL));
  }
  g_assert_true (has_label_prefix (GTK_WIDGET (panel), "Дана Алиева · "));   /* the history's header, by name */

  /* F9 again hides it */
  press_keys (window, GDK_KEY_F9, 0);
  iterate_for (200);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (window)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
}

static KspCompareWindow *
open_change_set (KspWindow *window,
                 gint64     id)
{
  g_autoptr (GError) error = NULL;
  KspCompareWindow *compare = ksp_review_compare_new (window, id, &error);

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (compare));
  for (guint i = 0; i < 100 && !ksp_compare_window_is_ready (compare); i++)
    iterate_for (50);
  iterate_for (300);
  return compare;
}

/* The knowledge items of the first skill with two of them. */
static KspNode *
skill_with_two (KspNode *node)
{
  if (g_str_equal (ksp_node_get_kind (node), "skill") && ksp_node_get_n_children (node) >= 2 &&
      g_str_equal (ksp_node_get_kind (ksp_node_get_child (node, 0)), ksp_node_get_kind (ksp_node_get_child (node, 1))))
    return node;
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    {
      KspNode *found = skill_with_two (ksp_node_get_child (node, i));
      if (found)
        return found;
    }
  return NULL;
}

/* Issue 16.3: approval per change — one approved, one rejected with a reason; the set cannot be approved
 * while that one stands; its author reverts it alone; then the set is approved. */
static void
test_per_change (Fixture       *fixture,
                 gconstpointer  data)
{
  KspWindow *window = fixture->window;
  KspWorkspace *ws = ksp_window_get_workspace (window);
  KspStore *store = ksp_window_get_store (window);
  KspDocument *draft = ksp_window_get_document (window);
  KspNode *skill = skill_with_two (ksp_document_get_root (draft));
  KspNode *a = ksp_node_get_child (skill, 0), *b = ksp_node_get_child (skill, 1);
  g_autofree char *b_text = g_strdup (ksp_node_get_value (b, "text", KSP_LANG_RU));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sets = NULL;
  KspCompareWindow *compare;
  AdwMessageDialog *reject;
  gint64 id;

  g_assert_true (ksp_review_set_person (store, "ui-test", "ui-test", "Дана", KSP_ROLE_DRAFTER, &error));
  g_assert_true (ksp_review_set_person (store, "ui-test", "ruslan", "Руслан", KSP_ROLE_REVIEWER, &error));
  g_assert_true (ksp_document_set_value (draft, a, "text", KSP_LANG_RU, "Первое новое умение", &error));
  g_assert_true (ksp_document_set_value (draft, b, "text", KSP_LANG_RU, "Второе новое умение", &error));
  sets = ksp_store_list_change_sets (store, ksp_node_get_id (ksp_document_get_root (draft)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 1);
  id = ((KspChangeSet *) sets->pdata[0])->id;
  g_assert_true (ksp_workspace_submit (ws, id, "Два умения", &error));
  g_assert_no_error (error);

  /* the reviewer: the first change approved, the second rejected with a reason */
  g_assert_true (ksp_workspace_set_account (ws, "ruslan", NULL));
  compare = open_change_set (window, id);
  g_assert_cmpuint (ksp_compare_window_get_n_changes (compare), ==, 2);
  g_assert_nonnull (find_label (GTK_WIDGET (compare), "This change: not decided on yet."));
  g_assert_cmpstr (ksp_node_get_id (ksp_compare_window_get_selected (compare)->new_node), ==, ksp_node_get_id (a));
  click (find_button (GTK_WIDGET (compare), "Approve _Change"));
  g_assert_nonnull (find_label (GTK_WIDGET (compare), "This change: approved by Руслан."));
  g_assert_true (ksp_compare_window_step (compare, 1));
  iterate_for (200);
  g_assert_cmpstr (ksp_node_get_id (ksp_compare_window_get_selected (compare)->new_node), ==, ksp_node_get_id (b));
  click (find_button (GTK_WIDGET (compare), "Reject C_hange…"));
  reject = find_message_dialog ((KspWindow *) compare);
  g_assert_nonnull (reject);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (reject)), "Не из ОРК");
  adw_message_dialog_response (reject, "reject");
  iterate_for (300);
  g_assert_nonnull (find_label (GTK_WIDGET (compare), "This change: rejected by Руслан: Не из ОРК"));
  save_widget_screenshot (GTK_WIDGET (compare), "kasip-review-per-change.png");
  /* the whole set is not approved while a change of it stands rejected */
  g_assert_false (ksp_workspace_approve (ws, id, &error));
  g_assert_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_PENDING);
  g_clear_error (&error);
  gtk_window_destroy (GTK_WINDOW (compare));
  iterate_for (200);

  /* the author reverts that change alone */
  g_assert_true (ksp_workspace_set_account (ws, "ui-test", NULL));
  compare = open_change_set (window, id);
  g_assert_null (find_button (GTK_WIDGET (compare), "Approve _Change"));   /* not one's own */
  g_assert_true (ksp_compare_window_step (compare, 1));
  iterate_for (200);
  click (find_button (GTK_WIDGET (compare), "Re_vert This Change"));
  g_assert_cmpstr (ksp_node_get_value (b, "text", KSP_LANG_RU), ==, b_text);
  g_assert_cmpstr (ksp_node_get_value (a, "text", KSP_LANG_RU), ==, "Первое новое умение");
  g_assert_nonnull (find_label (GTK_WIDGET (compare), "This change: rejected by Руслан, then reverted by its author."));
  gtk_window_destroy (GTK_WINDOW (compare));
  iterate_for (200);

  /* now the set is approved */
  g_assert_true (ksp_workspace_set_account (ws, "ruslan", NULL));
  compare = open_change_set (window, id);
  click (find_button (GTK_WIDGET (compare), "_Approve"));
  g_assert_nonnull (find_label (GTK_WIDGET (compare), "Change set 1 · Дана · approved"));
  gtk_window_destroy (GTK_WINDOW (compare));
  iterate_for (200);
}

static GtkWidget *
open_review_dialog (KspWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_action_group_activate_action (G_ACTION_GROUP (window), "review", NULL);
  iterate_for (300);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);
      const char *title = gtk_window_get_title (w);
      if (ADW_IS_WINDOW (w) && gtk_widget_get_visible (GTK_WIDGET (w)) && title && g_str_has_prefix (title, "Review of"))
        return GTK_WIDGET (w);
    }
  g_assert_not_reached ();
}

static guint
n_sets_with_changes (KspStore   *store,
                     const char *standard_id,
                     const char *status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sets = ksp_store_list_change_sets (store, standard_id, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < sets->len; i++)
    {
      KspChangeSet *c = g_ptr_array_index (sets, i);
      n += c->n_entries > 0 && g_str_equal (c->status, status);
    }
  return n;
}

/* Issue 16.3: the author splits off the changes to one card into a change set of their own, merges it
 * back and titles the set, from the Review dialog's row menu. */
static void
test_split_merge (Fixture       *fixture,
                  gconstpointer  data)
{
  KspWindow *window = fixture->window;
  KspStore *store = ksp_window_get_store (window);
  KspDocument *draft = ksp_window_get_document (window);
  KspNode *root = ksp_document_get_root (draft);
  const char *standard_id = ksp_node_get_id (root);
  KspNode *card = find_kind (root, "card");
  KspNode *knowledge = find_kind (card, "knowledge");
  KspNode *term = find_kind (root, "term");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sets = NULL;
  AdwMessageDialog *ask;
  GtkWidget *dialog;
  gint64 first;

  g_assert_nonnull (term);
  g_assert_true (ksp_review_set_person (store, "ui-test", "ui-test", "Дана", KSP_ROLE_DRAFTER, &error));
  g_assert_true (ksp_review_set_person (store, "ui-test", "ruslan", "Руслан", KSP_ROLE_REVIEWER, &error));
  g_assert_true (ksp_document_set_value (draft, knowledge, "text", KSP_LANG_RU, "Знание, изменённое", &error));
  g_assert_true (ksp_document_set_value (draft, term, "definition", KSP_LANG_RU, "Определение, изменённое", &error));
  g_assert_no_error (error);
  sets = ksp_store_list_change_sets (store, standard_id, &error);
  first = ((KspChangeSet *) sets->pdata[0])->id;
  g_assert_cmpuint (n_sets_with_changes (store, standard_id, "open"), ==, 1);

  /* the card selected: its changes go into a set of their own */
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (card)));
  dialog = open_review_dialog (window);
  g_assert_true (gtk_widget_activate_action (dialog, "review.split", "x", first));
  iterate_for (300);
  g_assert_cmpuint (n_sets_with_changes (store, standard_id, "open"), ==, 2);
  g_assert_nonnull (find_label (dialog, "Change set 2 · Дана · open"));
  save_widget_screenshot (dialog, "kasip-review-split.png");

  /* merged back: one set, both changes */
  g_assert_true (gtk_widget_activate_action (dialog, "review.merge", "(xx)", first, (gint64) 2));
  iterate_for (300);
  g_assert_cmpuint (n_sets_with_changes (store, standard_id, "open"), ==, 1);
  g_clear_pointer (&sets, g_ptr_array_unref);
  sets = ksp_store_list_change_sets (store, standard_id, &error);
  g_assert_cmpuint (((KspChangeSet *) sets->pdata[0])->n_entries, ==, 2);

  /* titled */
  g_assert_true (gtk_widget_activate_action (dialog, "review.title", "x", first));
  iterate_for (300);
  ask = find_message_dialog ((KspWindow *) dialog);
  g_assert_nonnull (ask);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ask)), "Термины и знания");
  adw_message_dialog_response (ask, "title");
  iterate_for (300);
  g_assert_true (has_label_prefix (dialog, "Термины и знания · 2 changes"));
  {
    g_autoptr (KspChangeSet) c = ksp_review_find (store, first, &error);
    g_assert_cmpstr (c->title, ==, "Термины и знания");
  }
  {
    g_autoptr (KspStoreVerification) v = ksp_store_verify (store, &error);
    g_assert_no_error (error);
    g_assert_true (ksp_store_verification_ok (v));   /* the log still holds after the split and the merge */
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_for (200);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = NULL;
  int status;

  g_setenv ("KASIP_USER", "ui-test", TRUE);
  home = isolate_user_dirs ();
  ui_test_init (&argc, &argv);
  g_test_add ("/ui/review/name-bar", Fixture, NULL, fixture_set_up, test_name_bar, fixture_tear_down);
  g_test_add ("/ui/review/panel-comments-history-marks", Fixture, NULL, fixture_set_up, test_panel, fixture_tear_down);
  g_test_add ("/ui/review/per-change", Fixture, NULL, fixture_set_up, test_per_change, fixture_tear_down);
  g_test_add ("/ui/review/split-merge-title", Fixture, NULL, fixture_set_up, test_split_merge, fixture_tear_down);
  status = g_test_run ();
  remove_tree (home);
  return status;
}
