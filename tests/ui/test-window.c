/* test-window.c: the editor window on a sample workspace
 *
 * Opens a KspWindow on a temporary workspace holding the sample standard, selects the card, checks the
 * form against the model, edits through the form's widgets (Enter, the idle commit), undoes and redoes
 * through the window's actions, and checks the read-only state of a second window on the same
 * workspace; exports DOCX, XML and (with LibreOffice) PDF through the window, and the failures of each;
 * shows the Checks panel, follows an edit that breaks a code and one that fixes it, and opens the
 * element of an activated finding.
 * Screenshots go to $G_TEST_BUILDDIR/kasip-*.png.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ksp-element-form.h"
#include "ksp-export.h"
#include "ksp-field-editor.h"
#include "ksp-findings-view.h"
#include "ksp-sample.h"
#include "ksp-store.h"
#include "ksp-structure.h"
#include "ksp-occupation-picker.h"
#include "ksp-outline-view.h"
#include "ksp-window.h"
#include "ui-test-util.h"



static const char *
card_id (KspWindow *window)
{
  KspDocument *doc = ksp_window_get_document (window);
  KspNode *card;

  g_assert_nonnull (doc);
  card = find_kind (ksp_document_get_root (doc), "card");
  g_assert_nonnull (card);
  return ksp_node_get_id (card);
}

static void
test_window_edit_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  KspWindow *window = fixture->window;
  KspDocument *doc = ksp_window_get_document (window);
  KspElementForm *form = ksp_window_get_form (window);
  KspNode *card;
  GtkWidget *code, *kk_name, *category, *purpose;
  g_autofree char *purpose_text = NULL;

  g_assert_false (ksp_window_is_read_only (window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "redo"));
  save_screenshot (window, "kasip-window.png");

  /* Select the card: the form shows its fields, from the model. */
  g_assert_true (ksp_window_select_element (window, card_id (window)));
  card = ksp_document_lookup (doc, card_id (window));
  g_assert_true (ksp_element_form_get_node (form) == card);
  iterate_for (200);
  g_assert_true (has_label (GTK_WIDGET (form), "Карточка профессии 9."));
  g_assert_true (has_label (GTK_WIDGET (form), "Код наименования занятия:"));
  g_assert_true (has_label (GTK_WIDGET (form), "Кәсіп атауының коды:"));

  code = editor_input (window, "occupation_code", KSP_LANG_NONE);
  g_assert_true (GTK_IS_ENTRY (code));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code)), ==, "5320-2-003");
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (code)));
  {
    g_autofree char *name = input_text (editor_input (window, "profession_name", KSP_LANG_RU));
    /* Names are texts: they wrap in a text view, not cut in an entry. */
    g_assert_true (GTK_IS_TEXT_VIEW (editor_input (window, "profession_name", KSP_LANG_RU)));
    g_assert_cmpstr (name, ==, "Индивидуальный помощник");
  }
  /* Neutral fields have one editor, bilingual ones two. */
  g_assert_null (ksp_element_form_get_editor (form, "occupation_code", KSP_LANG_RU));
  g_assert_null (ksp_element_form_get_editor (form, "profession_name", KSP_LANG_NONE));

  /* Multiline fields get a text view. */
  purpose = editor_input (window, "purpose", KSP_LANG_RU);
  g_assert_true (GTK_IS_TEXT_VIEW (purpose));
  purpose_text = text_view_text (purpose);
  g_assert_cmpstr (purpose_text, ==, ksp_node_get_value (card, "purpose", KSP_LANG_RU));

  /* Absent values show the placeholder and stay absent when left untouched or cleared again. */
  kk_name = editor_input (window, "profession_name", KSP_LANG_KK);
  g_assert_null (ksp_node_get_value (card, "profession_name", KSP_LANG_KK));
  {
    g_autofree char *shown = input_text (kk_name);
    g_assert_cmpstr (shown, ==, "");
  }
  g_assert_true (ksp_field_editor_commit (ksp_element_form_get_editor (form, "profession_name", KSP_LANG_KK)));
  g_assert_null (ksp_node_get_value (card, "profession_name", KSP_LANG_KK));
  set_input (kk_name, "x");
  set_input (kk_name, "");
  g_assert_true (ksp_field_editor_commit (ksp_element_form_get_editor (form, "profession_name", KSP_LANG_KK)));
  g_assert_null (ksp_node_get_value (card, "profession_name", KSP_LANG_KK));
  /* A one-paragraph text takes no line break: a pasted one becomes a space. */
  set_input (kk_name, "бір\nекі");
  {
    g_autofree char *shown = input_text (kk_name);
    g_assert_cmpstr (shown, ==, "бір екі");
  }
  set_input (kk_name, "");
  g_assert_true (ksp_field_editor_commit (ksp_element_form_get_editor (form, "profession_name", KSP_LANG_KK)));
  g_assert_null (ksp_node_get_value (card, "profession_name", KSP_LANG_KK));
  category = editor_input (window, "category", KSP_LANG_NONE);
  g_assert_true (ksp_field_editor_commit (ksp_element_form_get_editor (form, "category", KSP_LANG_NONE)));
  g_assert_null (ksp_node_get_value (card, "category", KSP_LANG_NONE));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  (void) category;

  /* Typing alone does not write; Enter does. */
  gtk_editable_set_text (GTK_EDITABLE (code), "5320-2-004");
  g_assert_cmpstr (ksp_node_get_value (card, "occupation_code", KSP_LANG_NONE), ==, "5320-2-003");
  activate_entry (code);
  g_assert_cmpstr (ksp_node_get_value (card, "occupation_code", KSP_LANG_NONE), ==, "5320-2-004");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));

  /* Undo and redo through the window's actions; the editor follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (ksp_node_get_value (card, "occupation_code", KSP_LANG_NONE), ==, "5320-2-003");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code)), ==, "5320-2-003");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "redo"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (ksp_node_get_value (card, "occupation_code", KSP_LANG_NONE), ==, "5320-2-004");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code)), ==, "5320-2-004");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (ksp_node_get_value (card, "occupation_code", KSP_LANG_NONE), ==, "5320-2-003");

  /* After a pause in typing the text is committed by itself; the outline follows the title. */
  set_input (editor_input (window, "title", KSP_LANG_KK), "Жеке көмекші");
  g_assert_null (ksp_node_get_value (card, "title", KSP_LANG_KK));
  iterate_for (KSP_FIELD_EDITOR_COMMIT_DELAY_MS + 500);
  g_assert_cmpstr (ksp_node_get_value (card, "title", KSP_LANG_KK), ==, "Жеке көмекші");

  set_input (editor_input (window, "title", KSP_LANG_RU), "Индивидуальный помощник (ЛСИ)");
  iterate_for (KSP_FIELD_EDITOR_COMMIT_DELAY_MS + 500);
  g_assert_cmpstr (ksp_node_get_value (card, "title", KSP_LANG_RU), ==, "Индивидуальный помощник (ЛСИ)");
  g_assert_true (has_label (GTK_WIDGET (window), "9. Индивидуальный помощник (ЛСИ)"));

  /* Multiline edits: typed text in the view, committed through the document. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (purpose));
    gtk_text_buffer_set_text (buffer, "сопровождение ЛСИ.\nВторая строка.", -1);
    g_assert_true (ksp_element_form_commit (form));
    g_assert_cmpstr (ksp_node_get_value (card, "purpose", KSP_LANG_RU), ==, "сопровождение ЛСИ.\nВторая строка.");
  }

  /* Edits are stored: read the workspace back without taking its lock. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (KspStore) reader = ksp_store_open_uri (fixture->path, KSP_STORE_OPEN_READ_ONLY, &error);
    g_autoptr (KspNode) root = NULL;
    KspNode *stored;

    g_assert_no_error (error);
    root = ksp_store_load_tree (reader, ksp_document_get_tree_id (doc), &error);
    g_assert_no_error (error);
    stored = ksp_node_find_descendant (root, ksp_node_get_id (card));
    g_assert_nonnull (stored);
    g_assert_cmpstr (ksp_node_get_value (stored, "title", KSP_LANG_KK), ==, "Жеке көмекші");
    g_assert_cmpstr (ksp_node_get_value (stored, "occupation_code", KSP_LANG_NONE), ==, "5320-2-003");
    g_assert_null (ksp_node_get_value (stored, "profession_name", KSP_LANG_KK));
    ksp_store_close (reader);
  }

  /* Undo the last edits, so the screenshot shows the sample as it is. */
  for (int i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (ksp_node_get_value (card, "title", KSP_LANG_KK));
  g_assert_cmpstr (ksp_node_get_value (card, "title", KSP_LANG_RU), ==, "Индивидуальный помощник");
  iterate_for (100);
  g_assert_true (has_label (GTK_WIDGET (window), "9. Индивидуальный помощник"));
  save_screenshot (window, "kasip-window-card.png");
}

static void
test_window_read_only (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  KspWindow *second = g_object_new (KSP_TYPE_WINDOW, "default-width", 1200, "default-height", 760, NULL);
  KspNode *card;
  GtkWidget *code;

  /* The first window holds the lock: a second one opens the workspace read-only. */
  g_assert_true (ksp_window_open_workspace (second, fixture->path, &error));
  g_assert_no_error (error);
  wait_for_window (second);
  g_assert_true (ksp_window_is_read_only (second));
  g_assert_true (has_label_prefix (GTK_WIDGET (second), "Read-only: in use by ui-test"));
  g_assert_false (has_label_prefix (GTK_WIDGET (fixture->window), "Read-only:"));

  g_assert_true (ksp_window_select_element (second, card_id (second)));
  iterate_for (200);
  card = ksp_document_lookup (ksp_window_get_document (second), card_id (second));
  code = editor_input (second, "occupation_code", KSP_LANG_NONE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code)), ==, "5320-2-003");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (code)));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (editor_input (second, "purpose", KSP_LANG_RU))));

  /* Even if text gets in, the document refuses it and the editor shows the model again. */
  gtk_editable_set_text (GTK_EDITABLE (code), "0000");
  activate_entry (code);
  g_assert_cmpstr (ksp_node_get_value (card, "occupation_code", KSP_LANG_NONE), ==, "5320-2-003");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code)), ==, "5320-2-003");
  save_screenshot (second, "kasip-window-read-only.png");

  gtk_window_destroy (GTK_WINDOW (second));
  g_assert_false (ksp_window_is_read_only (fixture->window));
}

/* Text typed but not yet committed is written when the window goes, and the lock is released. */
static void
test_window_commit_on_close (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = g_strdup (card_id (fixture->window));
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspNode) root = NULL;
  g_autoptr (GPtrArray) standards = NULL;
  KspStandardInfo *info;

  g_assert_true (ksp_window_select_element (fixture->window, id));
  gtk_editable_set_text (GTK_EDITABLE (editor_input (fixture->window, "group_code", KSP_LANG_NONE)), "5320-9");
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = g_object_new (KSP_TYPE_WINDOW, NULL); /* for the tear-down */

  store = ksp_store_open_uri (fixture->path, KSP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (ksp_store_is_read_only (store));
  standards = ksp_store_list_standards (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (standards->len, ==, 1);
  info = g_ptr_array_index (standards, 0);
  root = ksp_store_load_tree (store, info->draft_tree, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ksp_node_get_value (ksp_node_find_descendant (root, id), "group_code", KSP_LANG_NONE), ==,
                   "5320-9");
  ksp_store_close (store);
}


/* Issue 13.1: a drafter builds a card from scratch in the editor: add, fill in both languages, duplicate
 * a labour function, move a knowledge item, delete and undo — each one step, stored at once. */
static void
test_structure_editing (Fixture       *fixture,
                        gconstpointer  data)
{
  KspWindow *window = fixture->window;
  KspDocument *doc = ksp_window_get_document (window);
  KspNode *old_card, *card, *function, *skill, *copy, *moved;
  g_autoptr (GError) error = NULL;
  guint n_children;

  g_assert_true (ksp_window_select_element (window, card_id (window)));
  old_card = selected_node (window);
  n_children = ksp_node_get_n_children (ksp_node_get_parent (old_card));

  /* Ctrl+Return's action: a new card after this one, selected, its form shown. */
  element_action (window, "add-sibling", NULL);
  card = selected_node (window);
  g_assert_true (card != old_card);
  g_assert_cmpstr (ksp_node_get_kind (card), ==, "card");
  g_assert_cmpuint (ksp_node_get_n_children (ksp_node_get_parent (old_card)), ==, n_children + 1);
  type_into (window, "title", KSP_LANG_RU, "Новая профессия");
  type_into (window, "title", KSP_LANG_KK, "Жаңа кәсіп");
  type_into (window, "occupation_code", KSP_LANG_NONE, "5320-2-003");

  /* The template's function: the 2024 card starts with education, experience, function 1, competencies. */
  g_assert_cmpuint (ksp_node_get_n_children (card), ==, 4);
  function = ksp_node_get_child (card, 2);
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (function)));
  g_assert_true (ksp_node_get_parent (function) == card);
  type_into (window, "name", KSP_LANG_RU, "Оказание помощи");
  type_into (window, "name", KSP_LANG_KK, "Көмек көрсету");
  /* Its type is a list of labels, never the stored value: choosing one stores it at once, undoably. */
  {
    GtkWidget *kind = editor_input (window, "function_kind", KSP_LANG_NONE);
    GListModel *items;
    g_assert_true (GTK_IS_DROP_DOWN (kind));
    items = gtk_drop_down_get_model (GTK_DROP_DOWN (kind));
    g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (items), 1), ==, "Обязательная");
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (items), 2), ==, "Дополнительная");
    ksp_field_editor_set_text (ksp_element_form_get_editor (ksp_window_get_form (window), "function_kind",
                                                            KSP_LANG_NONE), "additional");
    g_assert_cmpstr (ksp_node_get_value (function, "function_kind", KSP_LANG_NONE), ==, "additional");
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (kind)), ==, 2);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_cmpstr (ksp_node_get_value (function, "function_kind", KSP_LANG_NONE), ==, "mandatory"); /* the template's */
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (kind)), ==, 1);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), 0);
    g_assert_null (ksp_node_get_value (function, "function_kind", KSP_LANG_NONE));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), 1);
    g_assert_cmpstr (ksp_node_get_value (function, "function_kind", KSP_LANG_NONE), ==, "mandatory");
  }
  skill = ksp_node_get_child (function, 0); /* the template's skill */
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (skill)));
  type_into (window, "name", KSP_LANG_RU, "Навык помощи");
  type_into (window, "name", KSP_LANG_KK, "Көмек дағдысы");
  element_action (window, "add-child", "ability");
  type_into (window, "text", KSP_LANG_RU, "Оказывать помощь");
  type_into (window, "text", KSP_LANG_KK, "Көмек көрсете білу");
  /* Ctrl+Return's action on the ability: another element of its kind after it; then a knowledge item. */
  element_action (window, "add-after", "knowledge");
  type_into (window, "text", KSP_LANG_RU, "Правил оказания помощи");
  type_into (window, "text", KSP_LANG_KK, "Көмек көрсету ережелері");
  g_assert_cmpuint (ksp_node_get_n_children (skill), ==, 2);

  /* Duplicate the labour function: the copy with everything under it, selected, after the original. */
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (function)));
  element_action (window, "duplicate", NULL);
  copy = selected_node (window);
  g_assert_true (copy != function);
  g_assert_true (ksp_node_get_child (card, 3) == copy);
  g_assert_cmpstr (ksp_node_get_value (copy, "name", KSP_LANG_KK), ==, "Көмек көрсету");
  g_assert_cmpuint (ksp_node_get_n_children (ksp_node_get_child (copy, 0)), ==, 2);
  g_assert_cmpstr (ksp_node_get_id (ksp_node_get_child (copy, 0)), !=, ksp_node_get_id (skill));

  /* Move the copy's knowledge item up (Alt+Up's action): it keeps its ID and comes first. */
  moved = ksp_node_get_child (ksp_node_get_child (copy, 0), 1);
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (moved)));
  g_assert_true (g_action_group_get_action_enabled (ksp_window_get_element_actions (window),
                                                   "move-up"));
  g_assert_false (g_action_group_get_action_enabled (ksp_window_get_element_actions (window),
                                                    "move-down"));
  element_action (window, "move-up", NULL);
  g_assert_true (ksp_node_get_child (ksp_node_get_child (copy, 0), 0) == moved);
  g_assert_true (selected_node (window) == moved);

  /* Delete the copy (Delete's action in the outline); undo brings it back with all it held. */
  {
    g_autofree char *copy_id = g_strdup (ksp_node_get_id (copy));
    g_assert_true (ksp_window_select_element (window, copy_id));
    element_action (window, "delete", NULL);
    g_assert_null (ksp_document_lookup (doc, copy_id));
    g_assert_cmpuint (ksp_node_get_n_children (card), ==, 4);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_nonnull (ksp_document_lookup (doc, copy_id));
    g_assert_cmpuint (ksp_structure_count (ksp_document_lookup (doc, copy_id)), ==, 4);
  }

  /* All of it is stored: the workspace read again holds the new card. */
  {
    g_autoptr (KspNode) stored = ksp_store_load_tree (ksp_window_get_store (window), ksp_document_get_tree_id (doc), &error);
    g_autofree char *difference = NULL;
    g_assert_no_error (error);
    if (!ksp_node_equal (ksp_document_get_root (doc), stored, &difference))
      g_error ("the stored tree differs: %s", difference);
  }

  /* The context menu of a row, as a right click or Shift+F10 opens it. */
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (skill)));
  g_signal_emit_by_name (ksp_window_get_outline (window), "context-menu", skill, 120.0, 200.0);
  iterate_for (300);
  g_assert_nonnull (find_widget_of_type (GTK_WIDGET (ksp_window_get_outline (window)), GTK_TYPE_POPOVER_MENU));
  save_screenshot (window, "kasip-window-new-card.png");
  save_widget_screenshot (find_widget_of_type (GTK_WIDGET (ksp_window_get_outline (window)), GTK_TYPE_POPOVER_MENU),
                          "kasip-window-structure-menu.png");
  gtk_popover_popdown (GTK_POPOVER (find_widget_of_type (GTK_WIDGET (ksp_window_get_outline (window)),
                                                         GTK_TYPE_POPOVER_MENU)));
  iterate_for (100);
}

/* Issue 12.5: an order that approved several standards (seed 004) is one document; the selector lists each
 * of its standards, and choosing one shows that standard, without reopening the document. */
static void
test_standards_of_one_order (Fixture       *fixture,
                             gconstpointer  data)
{
  KspWindow *window = fixture->window;
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) doc = ksp_node_new ("document", NULL);
  g_autoptr (GPtrArray) listed = NULL;
  static const char *const titles[] = { "Үйде әлеуметтік көмек көрсету", "Зейнетақы мен жәрдемақы төлеу",
                                        "Протездік-ортопедиялық бұйымдар" };
  GtkDropDown *selector;
  KspDocument *opened;
  guint first = G_MAXUINT;

  {
    g_autoptr (KspNode) order = ksp_node_new ("order", NULL);
    KspStore *store = ksp_window_get_store (window);
    ksp_node_set_value (order, "title", KSP_LANG_KK, "Кәсіби стандарттарды бекіту туралы");
    ksp_node_append_child (doc, order);
    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      {
        g_autoptr (KspNode) std = ksp_node_new ("standard", NULL);
        ksp_node_set_value (std, "name", KSP_LANG_KK, titles[i]);
        ksp_node_append_child (doc, std);
      }
    g_assert_cmpint (ksp_store_add_standard (store, doc, &error), >, 0);
    g_assert_no_error (error);
  }
  g_assert_true (ksp_window_open_workspace (window, fixture->path, &error));
  g_assert_no_error (error);
  wait_for_window (window);
  g_assert_false (ksp_window_is_read_only (window)); /* reopened in the same window: not locked by itself */

  selector = GTK_DROP_DOWN (find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (selector);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (selector)), ==, 1 + G_N_ELEMENTS (titles));
  listed = ksp_store_list_standards (ksp_window_get_store (window), &error);
  for (guint i = 0; i < listed->len; i++)
    if (((KspStandardInfo *) listed->pdata[i])->n_in_document == G_N_ELEMENTS (titles) && first == G_MAXUINT)
      first = i;
  g_assert_cmpuint (first, !=, G_MAXUINT);

  gtk_drop_down_set_selected (selector, first);
  iterate_for (50);
  opened = ksp_window_get_document (window);
  g_assert_nonnull (opened);
  for (guint k = 0; k < G_N_ELEMENTS (titles); k++)
    {
      KspStandardInfo *info = listed->pdata[first + k];
      g_autofree char *label = g_strdup_printf ("%s (%u/%u)", titles[k], k + 1, (guint) G_N_ELEMENTS (titles));
      GtkStringObject *item;

      gtk_drop_down_set_selected (selector, first + k);
      iterate_for (50);
      item = gtk_drop_down_get_selected_item (selector);
      g_assert_cmpstr (gtk_string_object_get_string (item), ==, label);
      g_assert_true (ksp_window_get_document (window) == opened); /* the same document, not reopened */
      g_assert_nonnull (ksp_outline_view_get_selected (ksp_window_get_outline (window)));
      g_assert_cmpstr (ksp_node_get_id (ksp_outline_view_get_selected (ksp_window_get_outline (window))), ==,
                       info->node_id);
      /* the window says which standard of which workspace */
      {
        g_autofree char *title = g_strdup_printf ("%s — %s", info->handle, "test.kasip");
        g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
        g_assert_true (has_label (GTK_WIDGET (window), "test.kasip"));
      }
    }
  save_screenshot (window, "kasip-window-order-of-three.png");
}

static void
test_window_empty_and_sample (void)
{
  g_autoptr (GError) error = NULL;
  KspWindow *window = g_object_new (KSP_TYPE_WINDOW, "default-width", 1000, "default-height", 640, NULL);
  g_autofree char *sample = g_build_filename (g_get_user_data_dir (), "kasip", "sample.kasip", NULL);

  g_assert_true (g_str_has_prefix (g_get_user_data_dir (), g_get_tmp_dir ()));

  wait_for_window (window);
  g_assert_null (ksp_window_get_document (window));
  g_assert_true (has_label (GTK_WIDGET (window), "Open a Workspace"));
  save_screenshot (window, "kasip-window-empty.png");

  /* About opens an AdwAboutWindow over the window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.about", NULL));
  {
    GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && !found; i++)
      {
        g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);
        if (ADW_IS_ABOUT_WINDOW (w))
          {
            g_assert_true (gtk_window_get_transient_for (w) == GTK_WINDOW (window));
            gtk_window_destroy (w);
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  /* "Open the sample" creates the sample workspace in the (isolated) data directory. */
  g_assert_false (g_file_test (sample, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  g_assert_true (g_file_test (sample, G_FILE_TEST_EXISTS));
  g_assert_nonnull (ksp_window_get_document (window));
  g_assert_nonnull (find_kind (ksp_document_get_root (ksp_window_get_document (window)), "card"));
  g_assert_false (ksp_window_is_read_only (window));
  /* The checks ran on the opened standard (against the sample's qualification framework), in a worker. */
  wait_for_checks (window);
  g_assert_cmpuint (ksp_findings_view_get_n_findings (ksp_window_get_findings_view (window)), >, 0);
  g_test_message ("sample checks: %s", ksp_findings_view_get_summary (ksp_window_get_findings_view (window)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-checks", NULL);
  g_assert_true (has_label (GTK_WIDGET (window), ksp_findings_view_get_summary (ksp_window_get_findings_view (window))));
  iterate_for (400); /* past the stack's crossfade from the empty page */
  save_screenshot (window, "kasip-window-checks-sample.png");
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (50);

  /* Opening it again reuses the file. */
  window = g_object_new (KSP_TYPE_WINDOW, NULL);
  g_assert_true (ksp_window_open_sample (window, &error));
  g_assert_no_error (error);
  g_assert_false (ksp_window_is_read_only (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---------------------------------------------------------------------------------------------- */
/* export                                                                                           */

typedef struct {
  gboolean  done;
  char     *path;
  char     *error;
  guint     ticks;        /* main-loop ticks seen while the export ran */
} ExportWait;

static void
on_export_finished (KspWindow  *window,
                    const char *path,
                    const char *error_message,
                    ExportWait *wait)
{
  g_assert_false (wait->done);
  wait->done = TRUE;
  wait->path = g_strdup (path);
  wait->error = g_strdup (error_message);
}

static gboolean
count_tick (gpointer user_data)
{
  ExportWait *wait = user_data;

  wait->ticks++;
  return G_SOURCE_CONTINUE;
}

/* Whether the "Exporting …" strip is shown (or sliding in: it is mapped on the next frame). */
static gboolean
export_strip_shown (KspWindow *window)
{
  GtkWidget *revealer = find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_REVEALER);
  GtkWidget *label;

  g_assert_nonnull (revealer);
  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)))
    return FALSE;
  label = find_widget_of_type (revealer, GTK_TYPE_LABEL);
  g_assert_nonnull (label);
  return g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "Exporting “");
}

/* Starts an export and runs the main loop until the window says it ended. When @screenshot is given,
 * one is taken while the export runs (if it is still running once the window has drawn). */
static void
export_and_wait (KspWindow  *window,
                 const char *format,
                 const char *path,
                 ExportWait *wait,
                 const char *screenshot)
{
  gulong handler = g_signal_connect (window, "export-finished", G_CALLBACK (on_export_finished), wait);
  guint tick = g_timeout_add (20, count_tick, wait);
  gint64 deadline = g_get_monotonic_time () + (KSP_EXPORT_PDF_TIMEOUT_SECONDS + 20) * G_USEC_PER_SEC;

  ksp_window_export_to_file (window, format, path);
  if (!wait->done)
    {
      /* The call returns at once: the file is written in a worker, the window shows it is busy and
       * offers no second export meanwhile. */
      g_assert_true (ksp_window_is_exporting (window));
      g_assert_true (export_strip_shown (window));
      g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-docx"));
      g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-xml"));
      g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-pdf"));
      g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-cancel"));
    }
  if (screenshot && !wait->done)
    {
      iterate_for (300);
      if (!wait->done)
        save_screenshot (window, screenshot);
    }
  while (!wait->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  g_signal_handler_disconnect (window, handler);
  g_assert_true (wait->done);
  g_assert_cmpstr (wait->path, ==, path);
  g_assert_false (ksp_window_is_exporting (window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-docx"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-cancel"));
  iterate_for (400); /* the strip slides away */
  g_assert_false (export_strip_shown (window));
}

static void
export_wait_clear (ExportWait *wait)
{
  g_clear_pointer (&wait->path, g_free);
  g_clear_pointer (&wait->error, g_free);
  wait->done = FALSE;
  wait->ticks = 0;
}

static char *
read_file (const char *path,
           gsize      *out_length)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, out_length, &error));
  g_assert_no_error (error);
  return contents;
}

/* Takes the export failure's dialog down, checking it names @path and says @reason. */
static void
assert_failure_dialog (KspWindow  *window,
                       const char *path,
                       const char *reason,
                       const char *screenshot)
{
  AdwMessageDialog *dialog;

  iterate_for (200);
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Export Failed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), reason));
  if (screenshot)
    {
      g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (dialog));
      g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr (GskRenderNode) node = NULL;
      g_autoptr (GdkTexture) texture = NULL;
      g_autofree char *png = g_test_build_filename (G_TEST_BUILT, screenshot, NULL);
      int w = gtk_widget_get_width (GTK_WIDGET (dialog)), h = gtk_widget_get_height (GTK_WIDGET (dialog));

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (dialog)), node,
                                             &GRAPHENE_RECT_INIT (0, 0, w, h));
      g_assert_true (gdk_texture_save_to_png (texture, png));
      g_test_message ("screenshot: %s", png);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_for (50);
}

/* The label of the menu item for @action in @model (recursing into sections), or NULL. */
static char *
menu_label_for (GMenuModel *model,
                const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_action = NULL;
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (section)
        {
          char *found = menu_label_for (section, action);
          if (found)
            return found;
        }
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_str_equal (item_action, action))
        {
          char *label = NULL;
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          return label;
        }
    }
  return NULL;
}

static GMenuModel *
primary_menu (KspWindow *window)
{
  GtkWidget *button = find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (button);
  return gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
}

/* A screenshot of the window with its primary menu open (the popover is a surface of its own). */
static void
save_menu_screenshot (KspWindow  *window,
                      const char *name)
{
  GtkWidget *button = find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  GtkPopover *popover;
  g_autoptr (GdkPaintable) window_paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr (GdkPaintable) popover_paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  GdkSurface *popup;
  int w = gtk_widget_get_width (GTK_WIDGET (window)), h = gtk_widget_get_height (GTK_WIDGET (window));

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  iterate_for (500);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (popover));
  g_assert_true (has_label (GTK_WIDGET (popover), "Export as DOCX…"));
  g_assert_true (has_label (GTK_WIDGET (popover), "Export as XML…"));

  popup = gtk_native_get_surface (GTK_NATIVE (popover));
  popover_paintable = gtk_widget_paintable_new (GTK_WIDGET (popover));
  gdk_paintable_snapshot (window_paintable, GDK_SNAPSHOT (snapshot), w, h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (gdk_popup_get_position_x (GDK_POPUP (popup)),
                                                          gdk_popup_get_position_y (GDK_POPUP (popup))));
  gdk_paintable_snapshot (popover_paintable, GDK_SNAPSHOT (snapshot), gdk_surface_get_width (popup),
                          gdk_surface_get_height (popup));
  gtk_snapshot_restore (snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
  gtk_popover_popdown (popover);
  iterate_for (100);
}

static int
count_pdf_tmp_dirs (void)
{
  GDir *dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *name;
  int n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_prefix (name, "kasip-pdf-"))
      n++;
  g_dir_close (dir);
  return n;
}

static void
test_window_export (Fixture       *fixture,
                    gconstpointer  data)
{
  KspWindow *window = fixture->window;
  ExportWait wait = { 0 };
  g_autofree char *docx = g_build_filename (fixture->dir, "Q88100061.docx", NULL);
  g_autofree char *xml = g_build_filename (fixture->dir, "Q88100061.xml", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "Q88100061.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *soffice = ksp_export_find_soffice ();
  gsize length;

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-docx"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-xml"));
  g_assert_cmpint (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-pdf"), ==, soffice != NULL);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-cancel"));
  save_menu_screenshot (window, "kasip-window-export-menu.png");

  /* Through the menu entry: a save dialog proposing the standard's code, then the export. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    g_autofree char *chosen = g_build_filename (fixture->dir, "chosen.xml", NULL);
    g_autoptr (GFile) folder = g_file_new_for_path (fixture->dir);
    GtkFileChooser *chooser = NULL;
    gulong handler;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-xml", NULL));
    iterate_for (300);
    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && !chooser; i++)
      {
        g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);
        if (GTK_IS_FILE_CHOOSER (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (window))
          chooser = GTK_FILE_CHOOSER (w);
      }
    g_assert_nonnull (chooser);
    g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
    {
      g_autofree char *name = gtk_file_chooser_get_current_name (chooser);
      g_assert_cmpstr (name, ==, "Q88100061.xml");
    }
    g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
    gtk_file_chooser_set_current_name (chooser, "chosen.xml");
    iterate_for (200);
    handler = g_signal_connect (window, "export-finished", G_CALLBACK (on_export_finished), &wait);
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
    while (!wait.done)
      g_main_context_iteration (NULL, TRUE);
    g_signal_handler_disconnect (window, handler);
    g_assert_null (wait.error);
    g_assert_cmpstr (wait.path, ==, chosen);
    contents = read_file (chosen, &length);
    g_assert_true (g_str_has_prefix (contents, "<?xml"));
    g_clear_pointer (&contents, g_free);
    g_unlink (chosen);
    export_wait_clear (&wait);
  }

  /* DOCX: the ministry's layout, a ZIP package. */
  export_and_wait (window, "docx", docx, &wait, NULL);
  g_assert_null (wait.error);
  contents = read_file (docx, &length);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "PK"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (has_label (GTK_WIDGET (window), "Exported to “Q88100061.docx”"));
  g_assert_true (has_label (GTK_WIDGET (window), "Open"));
  save_screenshot (window, "kasip-window-exported.png");
  export_wait_clear (&wait);

  /* XML: the draft as Kasip XML, with the standard's code. Text typed but not committed goes in too. */
  g_assert_true (ksp_window_select_element (window, card_id (window)));
  iterate_for (100);
  gtk_editable_set_text (GTK_EDITABLE (editor_input (window, "group_code", KSP_LANG_NONE)), "5320-7");
  export_and_wait (window, "xml", xml, &wait, NULL);
  g_assert_null (wait.error);
  contents = read_file (xml, &length);
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "Q88100061"));
  g_assert_nonnull (strstr (contents, "5320-7"));
  g_clear_pointer (&contents, g_free);
  export_wait_clear (&wait);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));

  /* A directory that does not exist: the export fails, and a dialog names the file. */
  export_and_wait (window, "docx", "/nonexistent/dir/x.docx", &wait, NULL);
  g_assert_nonnull (wait.error);
  g_test_message ("unwritable: %s", wait.error);
  g_assert_false (g_file_test ("/nonexistent/dir/x.docx", G_FILE_TEST_EXISTS));
  assert_failure_dialog (window, "/nonexistent/dir/x.docx", "No such file or directory", "kasip-export-failed.png");
  export_wait_clear (&wait);

  /* PDF through LibreOffice, when it is installed. The window keeps running meanwhile. */
  if (soffice == NULL)
    g_test_message ("soffice is not in PATH: PDF export not tested");
  else
    {
      int tmp_dirs = count_pdf_tmp_dirs ();

      export_and_wait (window, "pdf", pdf, &wait, "kasip-window-exporting.png");
      g_assert_null (wait.error);
      g_test_message ("PDF export: %u main-loop ticks while LibreOffice ran", wait.ticks);
      g_assert_cmpuint (wait.ticks, >, 5);
      contents = read_file (pdf, &length);
      g_assert_true (g_str_has_prefix (contents, "%PDF"));
      g_clear_pointer (&contents, g_free);
      g_assert_cmpint (count_pdf_tmp_dirs (), <=, tmp_dirs);
      g_assert_true (has_label (GTK_WIDGET (window), "Exported to “Q88100061.pdf”"));
      export_wait_clear (&wait);
    }

  g_unlink (docx);
  g_unlink (xml);
  g_unlink (pdf);
}

/* Whether the process whose ID is in @pid_file is still running (a zombie is not). */
static gboolean
process_alive (const char *pid_file)
{
  g_autofree char *pid = NULL, *stat_path = NULL, *stat = NULL;
  const char *state;

  g_assert_true (g_file_get_contents (pid_file, &pid, NULL, NULL));
  g_strstrip (pid);
  stat_path = g_strdup_printf ("/proc/%s/stat", pid);
  if (!g_file_get_contents (stat_path, &stat, NULL, NULL))
    return FALSE;
  state = strrchr (stat, ')');
  return state && state[1] == ' ' && state[2] != 'Z' && state[2] != 'X';
}

/* Without LibreOffice the PDF entry says so and is disabled; a LibreOffice that fails is quoted. */
static void
test_window_export_pdf_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kasip-ui-pdf-XXXXXX", &error);
  g_autofree char *workspace = g_build_filename (dir, "test.kasip", NULL);
  g_autofree char *failing = g_build_filename (dir, "failing-soffice", NULL);
  g_autofree char *silent = g_build_filename (dir, "silent-soffice", NULL);
  g_autofree char *slow = g_build_filename (dir, "slow-soffice", NULL);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *label = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspNode) root = ksp_sample_new_document ();
  ExportWait wait = { 0 };
  KspWindow *window;

  g_assert_no_error (error);
  store = ksp_store_open_uri (workspace, KSP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ksp_store_add_standard (store, root, &error), >, 0);
  ksp_store_close (store);

  /* Not installed. */
  g_setenv ("KASIP_SOFFICE", "", TRUE);
  window = g_object_new (KSP_TYPE_WINDOW, "default-width", 1200, "default-height", 760, NULL);
  label = menu_label_for (primary_menu (window), "win.export-pdf");
  g_assert_cmpstr (label, ==, "Export as PDF (needs LibreOffice)");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-pdf"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-docx"));
  g_assert_true (ksp_window_open_workspace (window, workspace, &error));
  g_assert_no_error (error);
  wait_for_window (window);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-docx"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-pdf"));
  export_and_wait (window, "pdf", out, &wait, NULL);
  g_assert_nonnull (strstr (wait.error, "LibreOffice"));
  assert_failure_dialog (window, out, "needs LibreOffice", NULL);
  export_wait_clear (&wait);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (50);

  /* Installed, but it fails: what it printed is in the message. */
  g_assert_true (g_file_set_contents (failing,
                                      "#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 81\n",
                                      -1, NULL));
  g_chmod (failing, 0755);
  g_setenv ("KASIP_SOFFICE", failing, TRUE);
  window = g_object_new (KSP_TYPE_WINDOW, "default-width", 1200, "default-height", 760, NULL);
  g_clear_pointer (&label, g_free);
  label = menu_label_for (primary_menu (window), "win.export-pdf");
  g_assert_cmpstr (label, ==, "Export as _PDF…");
  g_assert_true (ksp_window_open_workspace (window, workspace, &error));
  wait_for_window (window);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-pdf"));
  export_and_wait (window, "pdf", out, &wait, NULL);
  g_test_message ("failing soffice: %s", wait.error);
  g_assert_nonnull (strstr (wait.error, "exit status 81"));
  g_assert_nonnull (strstr (wait.error, "source file could not be loaded"));
  assert_failure_dialog (window, out, "source file could not be loaded", NULL);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  export_wait_clear (&wait);

  /* It exits with 0 but writes nothing (as soffice does when it cannot read a file). */
  g_assert_true (g_file_set_contents (silent, "#!/bin/sh\necho 'convert: nothing done'\nexit 0\n", -1, NULL));
  g_chmod (silent, 0755);
  g_setenv ("KASIP_SOFFICE", silent, TRUE);
  export_and_wait (window, "pdf", out, &wait, NULL);
  g_test_message ("silent soffice: %s", wait.error);
  g_assert_nonnull (strstr (wait.error, "without writing a PDF"));
  g_assert_nonnull (strstr (wait.error, "nothing done"));
  assert_failure_dialog (window, out, "nothing done", NULL);
  export_wait_clear (&wait);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (50);

  /* A LibreOffice that hangs: Cancel stops it (and what it started), and so does closing the window. */
  {
    g_autofree char *script = g_strdup_printf ("#!/bin/sh\nsleep 60 &\necho $! > '%s/sleep.pid'\nwait\n", dir);
    g_autofree char *pid_file = g_build_filename (dir, "sleep.pid", NULL);
    gint64 start;

    g_assert_true (g_file_set_contents (slow, script, -1, NULL));
    g_chmod (slow, 0755);
    g_setenv ("KASIP_SOFFICE", slow, TRUE);
    window = g_object_new (KSP_TYPE_WINDOW, "default-width", 1200, "default-height", 760, NULL);
    g_assert_true (ksp_window_open_workspace (window, workspace, &error));
    wait_for_window (window);

    start = g_get_monotonic_time ();
    ksp_window_export_to_file (window, "pdf", out);
    while (!g_file_test (pid_file, G_FILE_TEST_EXISTS) && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
      iterate_for (20);
    g_assert_true (ksp_window_is_exporting (window));
    g_signal_connect (window, "export-finished", G_CALLBACK (on_export_finished), &wait);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-cancel", NULL));
    while (!wait.done && g_get_monotonic_time () - start < 20 * G_USEC_PER_SEC)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (wait.done);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
    g_assert_nonnull (wait.error);
    g_assert_false (ksp_window_is_exporting (window));
    iterate_for (200);
    g_assert_true (has_label (GTK_WIDGET (window), "Export cancelled"));
    g_assert_null (find_message_dialog (window));
    g_assert_false (process_alive (pid_file));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    export_wait_clear (&wait);
    g_unlink (pid_file);

    /* Closing the window while LibreOffice runs. */
    start = g_get_monotonic_time ();
    ksp_window_export_to_file (window, "pdf", out);
    while (!g_file_test (pid_file, G_FILE_TEST_EXISTS) && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
      iterate_for (20);
    g_assert_true (process_alive (pid_file));
    gtk_window_destroy (GTK_WINDOW (window));
    iterate_for (1000);
    g_assert_false (process_alive (pid_file));
    g_unlink (pid_file);
  }

  g_unsetenv ("KASIP_SOFFICE");
  g_unlink (failing);
  g_unlink (silent);
  g_unlink (slow);
  g_unlink (workspace);
  g_rmdir (dir);
}

/* The row showing @rule's finding on @node_id, or G_MAXUINT. */
static guint
find_finding (KspFindingsView *view,
              const char      *rule,
              const char      *node_id)
{
  for (guint i = 0; i < ksp_findings_view_get_n_findings (view); i++)
    {
      const KspFinding *finding = ksp_findings_view_get_finding (view, i);

      if (g_strcmp0 (finding->rule, rule) == 0 && g_strcmp0 (finding->node_id, node_id) == 0)
        return i;
    }
  return G_MAXUINT;
}

static void
test_window_checks (Fixture       *fixture,
                    gconstpointer  data)
{
  KspWindow *window = fixture->window;
  KspDocument *doc = ksp_window_get_document (window);
  KspFindingsView *view = ksp_window_get_findings_view (window);
  KspElementForm *form = ksp_window_get_form (window);
  g_autoptr (GError) error = NULL;
  KspNode *card, *root = ksp_document_get_root (doc);
  const KspFinding *finding;
  g_autofree char *old_code = NULL;
  g_autofree char *v1_message = NULL;
  guint row;

  /* Hidden until asked for; the checks ran when the standard was opened. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view)));
  g_assert_nonnull (ksp_findings_view_get_summary (view));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-checks", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view)));
  iterate_for (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_true (has_label (GTK_WIDGET (view), ksp_findings_view_get_summary (view)));

  card = ksp_document_lookup (doc, card_id (window));
  old_code = g_strdup (ksp_node_get_value (card, "occupation_code", KSP_LANG_NONE));
  g_assert_cmpuint (find_finding (view, "V1", ksp_node_get_id (card)), ==, G_MAXUINT);

  /* A dash instead of a code: after the debounce, a V1 error on the card, errors first. */
  g_assert_true (ksp_document_set_value (doc, card, "occupation_code", KSP_LANG_NONE, "-", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (find_finding (view, "V1", ksp_node_get_id (card)), ==, G_MAXUINT);
  iterate_for (800);
  row = find_finding (view, "V1", ksp_node_get_id (card));
  g_assert_cmpuint (row, !=, G_MAXUINT);
  finding = ksp_findings_view_get_finding (view, row);
  g_assert_cmpint (finding->severity, ==, KSP_SEVERITY_ERROR);
  g_assert_cmpint (ksp_findings_view_get_finding (view, 0)->severity, ==, KSP_SEVERITY_ERROR);
  g_assert_nonnull (strstr (finding->message, "«-»"));
  {
    g_autofree char *shown_message = ksp_finding_dup_message (finding, ksp_findings_view_get_language (view));
    g_autofree char *shown_path = ksp_finding_dup_path (finding, ksp_findings_view_get_language (view));
    g_assert_true (has_label (GTK_WIDGET (view), shown_message));
    g_assert_true (has_label (GTK_WIDGET (view), shown_path));
  }
  g_assert_true (g_str_has_prefix (ksp_findings_view_get_summary (view), "1 error,") ||
                 strstr (ksp_findings_view_get_summary (view), " errors,") != NULL);

  /* Undo takes the finding away, redo brings it back. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpstr (ksp_node_get_value (card, "occupation_code", KSP_LANG_NONE), ==, old_code);
  iterate_for (800);
  g_assert_cmpuint (find_finding (view, "V1", ksp_node_get_id (card)), ==, G_MAXUINT);
  g_action_group_activate_action (G_ACTION_GROUP (window), "redo", NULL);
  iterate_for (800);
  row = find_finding (view, "V1", ksp_node_get_id (card));
  g_assert_cmpuint (row, !=, G_MAXUINT);

  /* Activating the row opens the card's form. */
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (ksp_node_get_child (root, 0))));
  g_assert_true (ksp_element_form_get_node (form) != card);
  g_assert_true (ksp_findings_view_activate_row (view, row));
  g_assert_true (ksp_element_form_get_node (form) == card);
  iterate_for (200);
  /* The card's form shows its findings after the fields, in the interface's language. */
  v1_message = ksp_finding_dup_message (ksp_findings_view_get_finding (view, row), ksp_ui_lang_default ());
  g_assert_true (has_label (GTK_WIDGET (form), v1_message));
  save_screenshot (window, "kasip-window-checks.png");

  /* Fixed: the finding goes, from the panel and from the form — and the fields do not move (issue 13.3:
   * the next click must land where the user aimed). */
  {
    GtkWidget *code = editor_input (window, "occupation_code", KSP_LANG_NONE);
    graphene_point_t before, after;
    g_assert_true (gtk_widget_compute_point (code, GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0), &before));
    g_assert_true (ksp_document_set_value (doc, card, "occupation_code", KSP_LANG_NONE, old_code, &error));
    g_assert_no_error (error);
    iterate_for (800);
    g_assert_cmpuint (find_finding (view, "V1", ksp_node_get_id (card)), ==, G_MAXUINT);
    g_assert_false (has_label (GTK_WIDGET (form), v1_message));
    g_assert_true (gtk_widget_compute_point (editor_input (window, "occupation_code", KSP_LANG_NONE),
                                             GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0), &after));
    g_assert_cmpfloat (before.y, ==, after.y);
    g_assert_true (code == editor_input (window, "occupation_code", KSP_LANG_NONE));
  }

  /* Structure changes re-run the checks too, even when the undo stack's state stays the same: a skill
   * inserted into the empty labour function takes its E1 away; removing it brings the E1 back. */
  {
    KspNode *empty_fn = NULL;
    g_autoptr (KspNode) skill = ksp_node_new ("skill", NULL);

    for (guint i = 0; i < ksp_findings_view_get_n_findings (view) && empty_fn == NULL; i++)
      {
        finding = ksp_findings_view_get_finding (view, i);
        if (g_strcmp0 (finding->rule, "E1") == 0 && finding->node_id != NULL)
          {
            KspNode *node = ksp_document_lookup (doc, finding->node_id);
            if (node && g_str_equal (ksp_node_get_kind (node), "function"))
              empty_fn = node;
          }
      }
    g_assert_nonnull (empty_fn);
    g_assert_true (ksp_undo_stack_can_undo (ksp_document_get_undo_stack (doc)));
    g_assert_false (ksp_undo_stack_can_redo (ksp_document_get_undo_stack (doc)));
    ksp_node_set_value (skill, "name", KSP_LANG_RU, "Навык, добавленный тестом");
    g_assert_true (ksp_document_insert_node (doc, empty_fn, 0, skill, &error));
    g_assert_no_error (error);
    iterate_for (800);
    g_assert_cmpuint (find_finding (view, "E1", ksp_node_get_id (empty_fn)), ==, G_MAXUINT);
    g_assert_cmpuint (find_finding (view, "E1", ksp_node_get_id (skill)), !=, G_MAXUINT);
    g_assert_true (ksp_document_remove_node (doc, skill, &error));
    g_assert_no_error (error);
    iterate_for (800);
    g_assert_cmpuint (find_finding (view, "E1", ksp_node_get_id (empty_fn)), !=, G_MAXUINT);
    g_assert_cmpuint (find_finding (view, "E1", ksp_node_get_id (skill)), ==, G_MAXUINT);
  }

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-checks", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view)));
}

/* The outline follows the interface language: Kazakh titles and captions (falling back to Russian
 * where the Kazakh text is absent), the other language in the tooltip; edits still show. */
static void
test_outline_language (Fixture       *fixture,
                       gconstpointer  data)
{
  KspWindow *window = fixture->window;
  KspOutlineView *outline = ksp_window_get_outline (window);
  KspDocument *doc = ksp_window_get_document (window);
  KspNode *card = ksp_document_lookup (doc, card_id (window));
  const KspKindSpec *card_kind = ksp_node_get_kind_spec (card);
  g_autoptr (GError) error = NULL;
  g_autofree char *ru_label = ksp_node_dup_label (card, KSP_LANG_RU);

  g_assert_cmpint (ksp_outline_view_get_language (outline), ==, KSP_LANG_RU);
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (card)));
  iterate_for (100);
  g_assert_true (has_label (GTK_WIDGET (outline), ksp_kind_label (card_kind, KSP_LANG_RU)));
  g_assert_true (has_label (GTK_WIDGET (outline), ru_label));

  ksp_outline_view_set_language (outline, KSP_LANG_KK);
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (card)));
  iterate_for (100);
  g_assert_cmpstr (ksp_kind_label (card_kind, KSP_LANG_KK), !=, ksp_kind_label (card_kind, KSP_LANG_RU));
  g_assert_true (has_label (GTK_WIDGET (outline), ksp_kind_label (card_kind, KSP_LANG_KK)));
  g_assert_false (has_label (GTK_WIDGET (outline), ksp_kind_label (card_kind, KSP_LANG_RU)));
  /* the other language is the tooltip (asked for when shown) */
  g_assert_cmpstr (ksp_outline_view_row_tooltip (find_label (GTK_WIDGET (outline), ksp_kind_label (card_kind, KSP_LANG_KK))),
                   ==, ksp_kind_label (card_kind, KSP_LANG_RU));
  /* The card has no Kazakh name in the sample: the Russian one stands in. */
  g_assert_null (ksp_node_get_value (card, "title", KSP_LANG_KK));
  g_assert_true (has_label (GTK_WIDGET (outline), ru_label));

  /* A Kazakh name typed in shows at once. */
  g_assert_true (ksp_document_set_value (doc, card, "title", KSP_LANG_KK, "Жеке көмекші", &error));
  g_assert_no_error (error);
  iterate_for (100);
  {
    g_autofree char *kk_label = ksp_node_dup_label (card, KSP_LANG_KK);
    g_assert_nonnull (strstr (kk_label, "Жеке көмекші"));
    g_assert_true (has_label (GTK_WIDGET (outline), kk_label));
  }
  save_screenshot (window, "kasip-window-outline-kk.png");
}

/* With the sector qualification framework in the workspace, the card's occupation code gets a picker:
 * typing filters the occupations; choosing one sets the code (and the group code it belongs to) as one
 * undoable step. Without it there is no picker (the fixture's workspace). */
static void
test_occupation_picker (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *ork_path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "samples",
                                                     "003_61a1e3a7c96fc608.txt", NULL);
  g_autofree char *ork_text = NULL;
  g_autofree char *old_code = NULL;
  g_autofree char *old_group = NULL;
  KspWindow *window = fixture->window;
  KspElementForm *form = ksp_window_get_form (window);
  KspOccupationPicker *picker;
  KspDocument *doc;
  KspNode *card;
  guint n_all, n;

  /* No reference data: no picker. */
  g_assert_true (ksp_window_select_element (window, card_id (window)));
  iterate_for (100);
  g_assert_null (find_widget_of_type (GTK_WIDGET (form), KSP_TYPE_OCCUPATION_PICKER));

  /* Put the framework (seed 003) into the workspace and open it again. */
  g_assert_true (g_file_get_contents (ork_path, &ork_text, NULL, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate_for (100);
  {
    g_autoptr (KspStore) store = ksp_store_open_uri (fixture->path, KSP_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_true (ksp_store_put_reference (store, KSP_REFERENCE_ORK, "003_61a1e3a7c96fc608.txt", ork_text, &error));
    g_assert_no_error (error);
    ksp_store_close (store);
  }
  window = fixture->window = g_object_new (KSP_TYPE_WINDOW, "default-width", 1200, "default-height", 760, NULL);
  g_assert_true (ksp_window_open_workspace (window, fixture->path, &error));
  g_assert_no_error (error);
  wait_for_window (window);
  form = ksp_window_get_form (window);
  doc = ksp_window_get_document (window);
  card = ksp_document_lookup (doc, card_id (window));
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (card)));
  iterate_for (100);
  picker = (KspOccupationPicker *) find_widget_of_type (GTK_WIDGET (form), KSP_TYPE_OCCUPATION_PICKER);
  g_assert_nonnull (picker);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (picker)));

  /* Filtering by code and by part of a name (any case). */
  n_all = ksp_occupation_picker_filter (picker, NULL);
  g_test_message ("occupations in the framework: %u", n_all);
  g_assert_cmpuint (n_all, >, 20);
  n = ksp_occupation_picker_filter (picker, "3412-0");
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, n_all);
  g_assert_cmpuint (ksp_occupation_picker_filter (picker, "СОЦИАЛЬН"), >, 0);
  g_assert_cmpuint (ksp_occupation_picker_filter (picker, "no such occupation"), ==, 0);
  g_assert_false (ksp_occupation_picker_pick_first (picker));

  /* Picking: the code and its group, one step; undo gives both back. */
  old_code = g_strdup (ksp_node_get_value (card, "occupation_code", KSP_LANG_NONE));
  old_group = g_strdup (ksp_node_get_value (card, "group_code", KSP_LANG_NONE));
  ksp_occupation_picker_popup (picker);
  iterate_for (200);
  save_screenshot (window, "kasip-window-occupation-picker.png");
  {
    GtkWidget *popover = find_widget_of_type (GTK_WIDGET (picker), GTK_TYPE_POPOVER);
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_mapped (popover));
    save_widget_screenshot (popover, "kasip-occupation-picker-popover.png");
  }
  g_assert_cmpuint (ksp_occupation_picker_filter (picker, "3412-0"), >, 0);
  g_assert_true (ksp_occupation_picker_pick_first (picker));
  iterate_for (100);
  g_assert_true (g_str_has_prefix (ksp_node_get_value (card, "occupation_code", KSP_LANG_NONE), "3412-0-"));
  g_assert_cmpstr (ksp_node_get_value (card, "group_code", KSP_LANG_NONE), ==, "3412-0");
  {
    /* The form shows the new values. */
    g_autofree char *shown = ksp_field_editor_dup_text (ksp_element_form_get_editor (form, "group_code", KSP_LANG_NONE));
    g_assert_cmpstr (shown, ==, "3412-0");
  }
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpstr (ksp_node_get_value (card, "occupation_code", KSP_LANG_NONE), ==, old_code);
  g_assert_cmpstr (ksp_node_get_value (card, "group_code", KSP_LANG_NONE), ==, old_group);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("KASIP_USER", "ui-test", TRUE);
  /* "Open the sample" writes to the user's data directory: a temporary one. */
  g_autofree char *home = isolate_user_dirs ();
  int status;

  ui_test_init (&argc, &argv);

  g_test_add ("/ui/window/edit-undo", Fixture, NULL, fixture_set_up, test_window_edit_undo, fixture_tear_down);
  g_test_add ("/ui/window/read-only", Fixture, NULL, fixture_set_up, test_window_read_only, fixture_tear_down);
  g_test_add ("/ui/window/commit-on-close", Fixture, NULL, fixture_set_up, test_window_commit_on_close,
              fixture_tear_down);
  g_test_add ("/ui/window/export", Fixture, NULL, fixture_set_up, test_window_export, fixture_tear_down);
  g_test_add ("/ui/window/checks", Fixture, NULL, fixture_set_up, test_window_checks, fixture_tear_down);
  g_test_add ("/ui/window/occupation-picker", Fixture, NULL, fixture_set_up, test_occupation_picker, fixture_tear_down);
  g_test_add ("/ui/window/outline-language", Fixture, NULL, fixture_set_up, test_outline_language, fixture_tear_down);
  g_test_add ("/ui/window/standards-of-one-order", Fixture, NULL, fixture_set_up, test_standards_of_one_order,
              fixture_tear_down);
  g_test_add ("/ui/window/structure-editing", Fixture, NULL, fixture_set_up, test_structure_editing,
              fixture_tear_down);
  g_test_add_func ("/ui/window/export-pdf-errors", test_window_export_pdf_errors);
  g_test_add_func ("/ui/window/empty-and-sample", test_window_empty_and_sample);
  status = g_test_run ();
  remove_tree (home);
  return status;
}
