/* test-editions.c: the editor's Editions dialog (issue 14.3–14.4), under Xvfb
 *
 * On seed 001 (with its amendment notes): freeze the draft as an edition with its act, see it listed,
 * change the draft, open the edition read-only (the old text, nothing editable, "Back to the Draft"),
 * revert the draft to the edition after a confirmation (one undo step brings the change back), and show
 * the text as in force on 1 May 2026 (cards 12–16 replaced by notes). Screenshots: the dialog, an edition
 * open, the text in force on a date. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ksp-adilet-reader.h"
#include "ksp-compare-window.h"
#include "ksp-structure.h"
#include "ksp-editions.h"
#include "ksp-element-form.h"
#include "ksp-outline-view.h"
#include "ksp-review.h"
#include "ksp-window.h"
#include "ui-test-util.h"

#define SEED_001 SOURCE_DATADIR "/samples/001_efa396441f2b22fb.txt"

static void
seed_fixture_set_up (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspNode) root = NULL;

  fixture->dir = g_dir_make_tmp ("kasip-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.kasip", NULL);
  store = ksp_store_open_uri (fixture->path, KSP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  root = ksp_adilet_reader_read_file (SEED_001, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ksp_store_add_standard (store, root, &error), >, 0);
  ksp_store_close (store);
  fixture->window = g_object_new (KSP_TYPE_WINDOW, "default-width", 1200, "default-height", 760, NULL);
  g_assert_true (ksp_window_open_workspace (fixture->window, fixture->path, &error));
  g_assert_no_error (error);
  g_assert_true (ksp_workspace_set_account (ksp_window_get_workspace (fixture->window), "ui-test", &error));
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_window (fixture->window);
}

static GtkWindow *
find_toplevel (GType       type,
               const char *title_prefix)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)) &&
          (title_prefix == NULL || g_str_has_prefix (gtk_window_get_title (w) ? gtk_window_get_title (w) : "",
                                                     title_prefix)))
        return w;
    }
  return NULL;
}

static GtkWidget *
open_dialog (KspWindow *window)
{
  GtkWindow *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (window), "editions", NULL);
  iterate_for (300);
  dialog = find_toplevel (ADW_TYPE_WINDOW, "Editions of");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  return GTK_WIDGET (dialog);
}

/* The first widget of @type under @widget whose accessible label or title is @name. */
static GtkWidget *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_entry_row (c, title);
      if (found)
        return found;
    }
  return NULL;
}

static KspNode *
card_with_code (KspNode    *node,
                const char *code)
{
  if (g_str_equal (ksp_node_get_kind (node), "card") &&
      g_strcmp0 (ksp_node_get_value (node, "occupation_code", KSP_LANG_NONE), code) == 0)
    return node;
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    {
      KspNode *found = card_with_code (ksp_node_get_child (node, i), code);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_editions (Fixture       *fixture,
               gconstpointer  data)
{
  KspWindow *window = fixture->window;
  KspStore *store = ksp_window_get_store (window);
  KspDocument *draft = ksp_window_get_document (window);
  KspNode *card = card_with_code (ksp_document_get_root (draft), "5320-2-003");
  g_autofree char *card_id = g_strdup (ksp_node_get_id (card));   /* the draft goes when a view is shown */
  g_autofree char *old_purpose = g_strdup (ksp_node_get_value (card, "purpose", KSP_LANG_RU));
  g_autoptr (GPtrArray) editions = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;
  AdwMessageDialog *confirm;
  KspDocument *shown;
  KspNode *shown_card;

  g_assert_nonnull (old_purpose);
  g_assert_true (ksp_window_select_element (window, card_id));
  iterate_for (200);

  /* Freeze, with the act that approved the standard. */
  dialog = open_dialog (window);
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (dialog, "Date (YYYY-MM-DD)")), "2024-04-30");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (dialog, "Act that approved or amended it")),
                         "приказ от 30.04.2024 № 125");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (dialog, "Note")), "утверждённая редакция");
  click (find_button (dialog, "_Freeze as Edition 1"));
  editions = ksp_store_list_editions (store, ksp_node_get_id (ksp_document_get_root (draft)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (editions->len, ==, 1);
  g_assert_cmpstr (((KspEditionInfo *) editions->pdata[0])->act, ==, "приказ от 30.04.2024 № 125");
  g_assert_cmpstr (((KspEditionInfo *) editions->pdata[0])->date, ==, "2024-04-30");
  g_assert_true (has_label (dialog, "Edition 1 of 30.04.2024"));
  g_assert_nonnull (find_button (dialog, "_Freeze as Edition 2"));
  save_widget_screenshot (dialog, "kasip-editions-dialog.png");
  gtk_window_close (GTK_WINDOW (dialog));
  iterate_for (200);

  /* The draft goes on. */
  type_into (window, "purpose", KSP_LANG_RU, "Новая цель деятельности");
  ksp_element_form_commit (ksp_window_get_form (window));
  g_assert_cmpstr (ksp_node_get_value (card, "purpose", KSP_LANG_RU), ==, "Новая цель деятельности");

  /* Open edition 1: the old text, read-only, on the same card. */
  dialog = open_dialog (window);
  click (find_button (dialog, "_Open"));
  shown = ksp_window_get_document (window);
  g_assert_true (shown != draft);
  g_assert_true (ksp_document_is_read_only (shown));
  g_assert_true (ksp_window_is_read_only (window));
  shown_card = ksp_document_lookup (shown, card_id);
  g_assert_cmpstr (ksp_node_get_value (shown_card, "purpose", KSP_LANG_RU), ==, old_purpose);
  g_assert_true (ksp_outline_view_get_selected (ksp_window_get_outline (window)) == shown_card);
  g_assert_true (has_label_prefix (GTK_WIDGET (window), "Edition 1 of 30.04.2024: read-only."));
  g_assert_nonnull (find_button (GTK_WIDGET (window), "_Back to the Draft"));
  save_screenshot (window, "kasip-edition-open.png");

  /* Back to the draft: the new text, editable. */
  click (find_button (GTK_WIDGET (window), "_Back to the Draft"));
  draft = ksp_window_get_document (window);
  g_assert_false (ksp_window_is_read_only (window));
  card = ksp_document_lookup (draft, card_id);
  g_assert_cmpstr (ksp_node_get_value (card, "purpose", KSP_LANG_RU), ==, "Новая цель деятельности");

  /* Revert the draft to edition 1, after a confirmation; one undo brings the change back. */
  dialog = open_dialog (window);
  click (find_button (dialog, "_Revert Draft…"));
  confirm = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_nonnull (confirm);
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Revert the draft to edition 1?");
  save_widget_screenshot (GTK_WIDGET (confirm), "kasip-editions-revert.png");
  adw_message_dialog_response (confirm, "revert");
  iterate_for (300);
  draft = ksp_window_get_document (window);
  card = ksp_document_lookup (draft, card_id);
  g_assert_cmpstr (ksp_node_get_value (card, "purpose", KSP_LANG_RU), ==, old_purpose);
  {
    g_autoptr (KspNode) stored = ksp_store_load_tree (store, ksp_document_get_tree_id (draft), &error);
    g_assert_cmpstr (ksp_node_get_value (ksp_node_find_descendant (stored, card_id), "purpose", KSP_LANG_RU), ==,
                     old_purpose);
  }
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  iterate_for (200);
  g_assert_cmpstr (ksp_node_get_value (card, "purpose", KSP_LANG_RU), ==, "Новая цель деятельности");

  /* The text as in force on 1 May 2026: cards 12–16 are not in force in this text's wording. */
  dialog = open_dialog (window);
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (dialog, "In force on (YYYY-MM-DD)")), "2026-05-01");
  click (find_button (dialog, "_Show"));
  shown = ksp_window_get_document (window);
  g_assert_true (shown != draft);
  g_assert_true (ksp_document_is_read_only (shown));
  g_assert_null (card_with_code (ksp_document_get_root (shown), "3412-0-011"));     /* card 12 */
  g_assert_nonnull (card_with_code (ksp_document_get_root (shown), "5320-2-003"));  /* card 9 */
  g_assert_true (has_label_prefix (GTK_WIDGET (window),
                                   "The text as in force on 01.05.2026 (6 parts not in this wording): read-only."));
  {
    KspNode *standard = ksp_node_get_parent (card_with_code (ksp_document_get_root (shown), "5320-2-003"));
    KspNode *note = NULL;
    for (guint i = 0; i < ksp_node_get_n_children (standard) && !note; i++)
      {
        KspNode *c = ksp_node_get_child (standard, i);
        const char *text = ksp_node_get_value (c, "text", KSP_LANG_RU);
        if (g_str_equal (ksp_node_get_kind (c), "note") && text && g_str_has_prefix (text, "Карточка 12 (3412-0-011): на 01.05.2026"))
          note = c;
      }
    g_assert_nonnull (note);
    g_assert_true (ksp_window_select_element (window, ksp_node_get_id (note)));
  }
  save_screenshot (window, "kasip-in-force.png");
  click (find_button (GTK_WIDGET (window), "_Back to the Draft"));
  g_assert_false (ksp_window_is_read_only (window));
  g_assert_nonnull (card_with_code (ksp_document_get_root (ksp_window_get_document (window)), "3412-0-011"));
}

/* The compare view: edition 1 against the draft after four edits. */
/* The Compare menu button of an edition's row (by its accessible name). */
static GtkWidget *
find_menu_button (GtkWidget  *widget,
                  const char *accessible)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget))
    {
      g_autofree char *name = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible);
      if (name == NULL)
        return widget;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_menu_button (c, accessible);
      if (found)
        return found;
    }
  return NULL;
}

/* Does what choosing the item @label of the menu button does: activates its action with its target
 * (read from the menu the button shows). Returns the number of items of the menu. */
static guint
activate_compare_item (GtkWidget  *dialog,
                       const char *accessible,
                       const char *label)
{
  GtkWidget *button = find_menu_button (dialog, accessible);
  GMenuModel *menu;
  gboolean found = FALSE;
  guint n;

  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  n = (guint) g_menu_model_get_n_items (menu);
  for (guint i = 0; i < n && !found; i++)
    {
      g_autofree char *item_label = NULL, *action = NULL;
      g_autoptr (GVariant) target = NULL;
      g_autoptr (GString) plain = g_string_new (NULL);

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label);
      for (const char *p = item_label; *p; p++)
        if (*p != '_')
          g_string_append_c (plain, *p);
      if (!g_str_equal (plain->str, label))
        continue;
      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
      g_assert_true (gtk_widget_activate_action_variant (button, action, target));
      found = TRUE;
    }
  g_assert_true (found);
  return n;
}

static KspCompareWindow *
wait_for_compare (void)
{
  KspCompareWindow *compare = NULL;

  for (guint i = 0; i < 100 && compare == NULL; i++)
    {
      compare = KSP_COMPARE_WINDOW (find_toplevel (KSP_TYPE_COMPARE_WINDOW, NULL));
      iterate_for (20);
    }
  g_assert_nonnull (compare);
  for (guint i = 0; i < 200 && !ksp_compare_window_is_ready (compare); i++)
    iterate_for (20);
  g_assert_true (ksp_compare_window_is_ready (compare));
  iterate_for (300);
  return compare;
}

static void
test_compare (Fixture       *fixture,
              gconstpointer  data)
{
  KspWindow *window = fixture->window;
  KspDocument *draft = ksp_window_get_document (window);
  KspNode *root = ksp_document_get_root (draft);
  KspNode *card9 = card_with_code (root, "5320-2-003");
  KspNode *card10 = card_with_code (root, "5320-9-006");
  KspNode *skill = ksp_node_find_first_of_kind (card9, "skill");
  KspNode *first = ksp_node_get_child (skill, 0);   /* ability 1 */
  KspNode *knowledge = ksp_node_find_first_of_kind (skill, "knowledge");
  KspNode *second_knowledge = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *removed_id = NULL;
  KspCompareWindow *compare = NULL;
  GtkWidget *dialog;
  KspChange *c;

  for (guint i = 0; i < ksp_node_get_n_children (skill); i++)
    if (g_str_equal (ksp_node_get_kind (ksp_node_get_child (skill, i)), "knowledge") &&
        ksp_node_get_child (skill, i) != knowledge && second_knowledge == NULL)
      second_knowledge = ksp_node_get_child (skill, i);
  g_assert_nonnull (second_knowledge);
  /* the first ability has a Kazakh text in the edition */
  g_assert_true (ksp_document_set_value (draft, first, "text", KSP_LANG_KK, "ЛСИ-ді қауіпсіз тасымалдауды қамтамасыз ету.", &error));
  g_assert_cmpint (ksp_editions_freeze (ksp_window_get_store (window), ksp_node_get_id (root), "2024-04-30",
                                        "приказ от 30.04.2024 № 125", NULL, &error), >, 0);
  /* four edits: a skill reworded, a knowledge item deleted, card 10 re-levelled, the Russian of the
   * first ability revised (its Kazakh stays: a stale translation) */
  g_assert_true (ksp_document_set_value (draft, skill, "name", KSP_LANG_RU,
                                         "осуществление базовых и дополнительных услуг при передвижении.", &error));
  removed_id = g_strdup (ksp_node_get_id (second_knowledge));
  g_assert_true (ksp_document_delete_element (draft, second_knowledge, &error));
  g_assert_true (ksp_document_set_value (draft, card10, "ork_level", KSP_LANG_NONE, "3", &error));
  g_assert_true (ksp_document_set_value (draft, first, "text", KSP_LANG_RU,
                                         "Обеспечивать безопасную транспортировку ЛСИ на общественном и личном транспорте.", &error));
  g_assert_no_error (error);

  dialog = open_dialog (window);
  activate_compare_item (dialog, "Compare Edition 1 of 30.04.2024 with the draft or another edition",
                         "With the Draft");
  compare = wait_for_compare ();
  g_assert_cmpuint (ksp_compare_window_get_n_changes (compare), ==, 4);
  g_assert_cmpuint (ksp_compare_window_get_n_shown (compare), ==, 4);
  g_assert_true (has_label_prefix (GTK_WIDGET (compare), "4 changes: 3 changed, 0 added, 1 removed, 0 moved"));
  g_assert_true (has_label (GTK_WIDGET (compare), "Card 9 (5320-2-003) (3)"));
  g_assert_true (has_label (GTK_WIDGET (compare), "Card 10 (5320-9-006) (1)"));

  /* the first change is selected: next with Alt+Down (real keys), back with Shift+F7 */
  c = ksp_compare_window_get_selected (compare);
  g_assert_nonnull (c);
  g_assert_cmpstr (c->field, ==, "name");
  press_keys (compare, GDK_KEY_Down, GDK_ALT_MASK);
  iterate_for (200);
  c = ksp_compare_window_get_selected (compare);
  g_assert_true (c->op == KSP_CHANGE_CHANGED && g_str_equal (c->field, "text") && c->lang == KSP_LANG_RU);
  g_assert_true (c->stale_translation);
  save_widget_screenshot (GTK_WIDGET (compare), "kasip-compare-view.png");
  press_keys (compare, GDK_KEY_F7, GDK_SHIFT_MASK);
  iterate_for (200);
  g_assert_cmpstr (ksp_compare_window_get_selected (compare)->field, ==, "name");
  g_assert_true (ksp_compare_window_step (compare, 1));
  g_assert_true (ksp_compare_window_step (compare, 1));
  g_assert_cmpint (ksp_compare_window_get_selected (compare)->op, ==, KSP_CHANGE_REMOVED);
  g_assert_cmpstr (ksp_node_get_id (ksp_compare_window_get_selected (compare)->old_node), ==, removed_id);

  /* filters: removals only; stale translations only; Russian only */
  ksp_compare_window_set_filter (compare, KSP_COMPARE_SHOW_REMOVED, KSP_LANG_NONE, FALSE);
  g_assert_cmpuint (ksp_compare_window_get_n_shown (compare), ==, 1);
  ksp_compare_window_set_filter (compare, KSP_COMPARE_SHOW_ALL, KSP_LANG_NONE, TRUE);
  g_assert_cmpuint (ksp_compare_window_get_n_shown (compare), ==, 1);
  g_assert_true (ksp_compare_window_get_selected (compare)->stale_translation);
  ksp_compare_window_set_filter (compare, KSP_COMPARE_SHOW_ALL, KSP_LANG_RU, FALSE);
  g_assert_cmpuint (ksp_compare_window_get_n_shown (compare), ==, 2);
  ksp_compare_window_set_filter (compare, KSP_COMPARE_SHOW_CHANGED, KSP_LANG_NONE, FALSE);
  g_assert_cmpuint (ksp_compare_window_get_n_shown (compare), ==, 3);

  /* open the re-levelled card in the form */
  g_assert_true (ksp_compare_window_step (compare, 1));
  g_assert_true (ksp_compare_window_step (compare, 1));
  c = ksp_compare_window_get_selected (compare);
  g_assert_cmpstr (c->field, ==, "ork_level");
  g_assert_true (ksp_compare_window_open_selected (compare));
  iterate_for (200);
  g_assert_true (ksp_outline_view_get_selected (ksp_window_get_outline (window)) ==
                 ksp_document_lookup (ksp_window_get_document (window), ksp_node_get_id (card10)));
  /* the comparative table and the amending order, from the diff shown */
  {
    g_autofree char *dir = g_dir_make_tmp ("kasip-ui-export-XXXXXX", &error);
    g_autofree char *table = g_build_filename (dir, "table.docx", NULL);
    g_autofree char *order = g_build_filename (dir, "order.docx", NULL);
    g_autofree char *bytes = NULL;
    gsize length = 0;

    g_assert_true (ksp_compare_window_export (compare, KSP_COMPARE_EXPORT_TABLE, KSP_LANG_NONE, table, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (table, &bytes, &length, NULL));
    g_assert_true (length > 2000 && memcmp (bytes, "PK", 2) == 0);
    g_clear_pointer (&bytes, g_free);
    g_assert_true (ksp_compare_window_export (compare, KSP_COMPARE_EXPORT_ORDER, KSP_LANG_NONE, order, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (order, &bytes, &length, NULL));
    g_assert_true (length > 2000 && memcmp (bytes, "PK", 2) == 0);
    remove_tree (dir);
  }
  gtk_window_close (GTK_WINDOW (compare));
  iterate_for (200);
}

/* The text view whose accessible name is @name. */
static GtkWidget *
find_text_view (GtkWidget  *widget,
                const char *name)
{
  if (GTK_IS_TEXT_VIEW (widget) && gtk_widget_get_mapped (widget))
    {
      g_autofree char *differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      if (differs == NULL)
        return widget;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_text_view (c, name);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_check_button (GtkWidget  *widget,
                   const char *label)
{
  if (GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_check_button (c, label);
      if (found)
        return found;
    }
  return NULL;
}

/* Selects @label in the first drop-down under @widget that offers it. */
static gboolean
choose_in_dropdown (GtkWidget  *widget,
                    const char *label)
{
  if (GTK_IS_DROP_DOWN (widget))
    {
      GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));
      for (guint i = 0; model && GTK_IS_STRING_LIST (model) && i < g_list_model_get_n_items (model); i++)
        if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
          {
            gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), i);
            return TRUE;
          }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (choose_in_dropdown (c, label))
      return TRUE;
  return FALSE;
}

/* word/document.xml of a DOCX. */
static char *
docx_document (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) unzip = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "unzip", "-p", path,
                                                    "word/document.xml", NULL);
  char *out = NULL;

  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (unzip, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  return out;
}

static void
test_justify_and_two_editions (Fixture       *fixture,
                               gconstpointer  data)
{
  KspWindow *window = fixture->window;
  KspStore *store = ksp_window_get_store (window);
  KspDocument *draft = ksp_window_get_document (window);
  KspNode *root = ksp_document_get_root (draft);
  KspNode *card9 = card_with_code (root, "5320-2-003");
  KspNode *card10 = card_with_code (root, "5320-9-006");
  KspNode *skill = ksp_node_find_first_of_kind (card9, "skill");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  const char *standard = ksp_node_get_id (root);
  KspCompareWindow *compare;
  GtkWidget *dialog, *view;
  KspChange *c;

  /* edition 1; the skill reworded, edition 2; card 10 re-levelled in the draft */
  g_assert_cmpint (ksp_editions_freeze (store, standard, "2024-04-30", "приказ от 30.04.2024 № 125", NULL, &error), >, 0);
  g_assert_true (ksp_document_set_value (draft, skill, "name", KSP_LANG_RU,
                                         "осуществление базовых и дополнительных услуг при передвижении.", &error));
  g_assert_cmpint (ksp_editions_freeze (store, standard, "2026-03-31", "приказ от 31.03.2026 № 109", NULL, &error), >, 0);
  g_assert_true (ksp_document_set_value (draft, card10, "ork_level", KSP_LANG_NONE, "3", &error));
  g_assert_no_error (error);

  /* Compare ▾ of edition 2: the draft, or edition 1 */
  dialog = open_dialog (window);
  g_assert_cmpuint (activate_compare_item (dialog, "Compare Edition 2 of 31.03.2026 with the draft or another edition",
                                           "With Edition 1 of 30.04.2024"), ==, 2);
  compare = wait_for_compare ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (compare)), ==, "Edition 1 of 30.04.2024 → Edition 2 of 31.03.2026");
  g_assert_cmpuint (ksp_compare_window_get_n_changes (compare), ==, 1);
  c = ksp_compare_window_get_selected (compare);
  g_assert_true (c->op == KSP_CHANGE_CHANGED && g_str_equal (c->field, "name") && c->lang == KSP_LANG_RU);
  g_assert_true (find_label (GTK_WIDGET (compare), "Justification") != NULL);
  /* a Russian text: a row in the Russian table only */
  g_assert_null (find_text_view (GTK_WIDGET (compare), "Justification in the Kazakh table"));
  view = find_text_view (GTK_WIDGET (compare), "Justification in the Russian table");
  g_assert_nonnull (view);
  gtk_widget_grab_focus (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Уточнён перечень услуг", -1);
  iterate_for (700);   /* stored 0.4 s after the last keystroke */
  notes = ksp_store_list_justifications (store, standard, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (((KspJustification *) g_ptr_array_index (notes, 0))->text, ==, "Уточнён перечень услуг");
  g_assert_cmpstr (((KspJustification *) g_ptr_array_index (notes, 0))->author, ==, "ui-test");
  g_assert_true (has_label (GTK_WIDGET (compare), "1 change: 1 changed, 0 added, 0 removed, 0 moved · 1 shown · 1 of 1 justified"));
  save_widget_screenshot (GTK_WIDGET (compare), "kasip-compare-justification.png");
  gtk_window_close (GTK_WINDOW (compare));
  iterate_for (200);

  /* File → Compare with the Latest Edition: edition 2 against the draft; the card's level has no
   * language, so it has a row in both tables: two editors */
  g_action_group_activate_action (G_ACTION_GROUP (window), "compare-latest", NULL);
  compare = wait_for_compare ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (compare)), ==, "Edition 2 of 31.03.2026 → Draft");
  g_assert_cmpuint (ksp_compare_window_get_n_changes (compare), ==, 1);
  g_assert_cmpstr (ksp_compare_window_get_selected (compare)->field, ==, "ork_level");
  g_assert_true (has_label (GTK_WIDGET (compare), "1 change: 1 changed, 0 added, 0 removed, 0 moved · 1 shown · 0 of 1 justified"));
  view = find_text_view (GTK_WIDGET (compare), "Justification in the Kazakh table");
  g_assert_nonnull (view);
  g_assert_nonnull (find_text_view (GTK_WIDGET (compare), "Justification in the Russian table"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "ОБЖ бойынша деңгей көтерілді", -1);
  /* not justified only (in the table in the interface's data language, Russian): still shown */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check_button (GTK_WIDGET (compare), "_Not justified only")), TRUE);
  iterate_for (100);
  g_assert_cmpuint (ksp_compare_window_get_n_shown (compare), ==, 1);
  /* the Kazakh table holds the note at once (what was typed is stored before the export) */
  {
    g_autofree char *dir = g_dir_make_tmp ("kasip-ui-export-XXXXXX", &error);
    g_autofree char *table = g_build_filename (dir, "table-kk.docx", NULL);
    g_autofree char *xml = NULL;

    g_assert_true (ksp_compare_window_export (compare, KSP_COMPARE_EXPORT_TABLE, KSP_LANG_KK, table, &error));
    g_assert_no_error (error);
    xml = docx_document (table);
    g_assert_nonnull (strstr (xml, "Салыстырмалы кесте"));
    g_assert_nonnull (strstr (xml, "ОБЖ бойынша деңгей көтерілді"));
    remove_tree (dir);
  }
  gtk_window_close (GTK_WINDOW (compare));
  iterate_for (200);

  /* reopened: the note is there; the Russian one was never written */
  g_action_group_activate_action (G_ACTION_GROUP (window), "compare-latest", NULL);
  compare = wait_for_compare ();
  view = find_text_view (GTK_WIDGET (compare), "Justification in the Kazakh table");
  g_assert_nonnull (view);
  {
    g_autofree char *text = text_view_text (view);
    g_assert_cmpstr (text, ==, "ОБЖ бойынша деңгей көтерілді");
  }
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = ksp_store_list_justifications (store, standard, &error);
  g_assert_cmpuint (notes->len, ==, 2);
  gtk_window_close (GTK_WINDOW (compare));
  iterate_for (200);

  /* File → Amending Order…: the latest edition against the draft, then the file and its language asked */
  g_action_group_activate_action (G_ACTION_GROUP (window), "amending-order", NULL);
  compare = wait_for_compare ();
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    g_autofree char *dir = g_dir_make_tmp ("kasip-ui-order-XXXXXX", &error);
    g_autofree char *order = g_build_filename (dir, "order.docx", NULL);
    g_autofree char *xml = NULL;
    g_autoptr (GFile) folder = g_file_new_for_path (dir);
    GtkFileChooser *chooser = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && !chooser; i++)
      {
        g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);
        if (GTK_IS_FILE_CHOOSER (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (compare))
          chooser = GTK_FILE_CHOOSER (w);
      }
    g_assert_nonnull (chooser);
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Export the Amending Order");
    g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "lang"), ==, "ru");
    /* as the user does: Kazakh in the chooser's drop-down (GTK 4.8 ignores set_choice there) */
    choose_in_dropdown (GTK_WIDGET (chooser), "Kazakh");
    g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "lang"), ==, "kk");
    g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
    gtk_file_chooser_set_current_name (chooser, "order.docx");
    iterate_for (200);
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
    iterate_for (300);
    xml = docx_document (order);
    g_assert_nonnull (strstr (xml, "БҰЙЫРАМЫН:"));
    g_assert_nonnull (strstr (xml, "10-тармақ"));
    remove_tree (dir);
  }
  gtk_window_close (GTK_WINDOW (compare));
  iterate_for (200);
}

/* The first visible row of @widget's dialog whose title starts with @prefix. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *prefix)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row (c, prefix);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
open_review (KspWindow *window)
{
  GtkWindow *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (window), "review", NULL);
  iterate_for (300);
  dialog = find_toplevel (ADW_TYPE_WINDOW, "Review of");
  g_assert_nonnull (dialog);
  return GTK_WIDGET (dialog);
}

/* File → Review…: the drafter submits, a reviewer rejects with a reason, the drafter reverts in one step,
 * and the revert's change set is compared with the draft before it. Who you are is in the header. */
static void
test_review (Fixture       *fixture,
             gconstpointer  data)
{
  KspWindow *window = fixture->window;
  KspStore *store = ksp_window_get_store (window);
  KspDocument *draft = ksp_window_get_document (window);
  KspNode *card10 = card_with_code (ksp_document_get_root (draft), "5320-9-006");
  g_autofree char *level = g_strdup (ksp_node_get_value (card10, "ork_level", KSP_LANG_NONE));
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog, *row;
  AdwMessageDialog *reject;

  g_assert_true (ksp_review_set_person (store, "ui-test", "ui-test", "UI Test", KSP_ROLE_DRAFTER, &error));
  g_assert_true (ksp_review_set_person (store, "ui-test", "ruslan", "Ruslan", KSP_ROLE_REVIEWER, &error));
  g_assert_true (ksp_document_set_value (draft, card10, "ork_level", KSP_LANG_NONE, "3", &error));
  g_assert_no_error (error);

  dialog = open_review (window);
  g_assert_true (has_label (dialog, "You: UI Test (drafter, administrator)"));
  row = find_row (dialog, "Change set 1 · UI Test · open");
  g_assert_nonnull (row);
  g_assert_null (find_button (dialog, "_Approve"));
  click (find_button (row, "_Submit…"));
  {
    /* Submit… asks for the title */
    AdwMessageDialog *ask = find_message_dialog ((KspWindow *) dialog);
    g_assert_nonnull (ask);
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ask)), "Уровень по ОРК");
    adw_message_dialog_response (ask, "submit");
  }
  iterate_for (200);
  row = find_row (dialog, "Change set 1 · UI Test · submitted");
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Уровень по ОРК · 1 change"));
  g_assert_null (find_button (dialog, "_Approve"));   /* not a reviewer, and the author */
  gtk_window_close (GTK_WINDOW (dialog));
  iterate_for (200);

  /* the reviewer */
  ksp_store_set_user (store, "ruslan");
  dialog = open_review (window);
  g_assert_true (has_label (dialog, "You: Ruslan (reviewer)"));
  g_assert_nonnull (find_button (dialog, "_Approve"));
  click (find_button (dialog, "_Reject…"));
  iterate_for (300);
  reject = find_message_dialog (window) ? find_message_dialog (window) : NULL;
  if (reject == NULL)
    reject = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_nonnull (reject);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (reject)), "Уровень не по ОРК");
  save_widget_screenshot (GTK_WIDGET (reject), "kasip-review-reject.png");
  adw_message_dialog_response (reject, "reject");
  iterate_for (300);
  row = find_row (dialog, "Change set 1 · UI Test · rejected");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "rejected by Ruslan: Уровень не по ОРК"));
  g_assert_null (find_button (dialog, "Re_vert"));   /* a reviewer does not edit the draft */
  gtk_window_close (GTK_WINDOW (dialog));
  iterate_for (200);

  /* the drafter reverts it in one step: the level as it was */
  ksp_store_set_user (store, "ui-test");
  dialog = open_review (window);
  click (find_button (find_row (dialog, "Change set 1 · UI Test · rejected"), "Re_vert"));
  iterate_for (300);
  g_assert_cmpstr (ksp_node_get_value (card10, "ork_level", KSP_LANG_NONE), ==, level);
  g_assert_nonnull (find_row (dialog, "Change set 1 · UI Test · reverted"));
  row = find_row (dialog, "Change set 2 · UI Test · open");
  g_assert_nonnull (row);
  save_widget_screenshot (dialog, "kasip-review-dialog.png");
  /* the revert's own change set, against the draft before it: exactly the level put back */
  click (find_button (row, "_Compare"));
  {
    KspCompareWindow *compare = wait_for_compare ();
    KspChange *c = ksp_compare_window_get_selected (compare);
    g_assert_cmpuint (ksp_compare_window_get_n_changes (compare), ==, 1);
    g_assert_cmpstr (c->field, ==, "ork_level");
    g_assert_cmpstr (c->old_value, ==, "3");
    gtk_window_close (GTK_WINDOW (compare));
  }
  gtk_window_close (GTK_WINDOW (dialog));
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
  g_test_add ("/ui/editions/freeze-open-revert-in-force", Fixture, NULL, seed_fixture_set_up, test_editions,
              fixture_tear_down);
  g_test_add ("/ui/editions/compare", Fixture, NULL, seed_fixture_set_up, test_compare, fixture_tear_down);
  g_test_add ("/ui/editions/justify-and-two-editions", Fixture, NULL, seed_fixture_set_up,
              test_justify_and_two_editions, fixture_tear_down);
  g_test_add ("/ui/review/submit-reject-revert", Fixture, NULL, seed_fixture_set_up, test_review, fixture_tear_down);
  status = g_test_run ();
  remove_tree (home);
  return status;
}
