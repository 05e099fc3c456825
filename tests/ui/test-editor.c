/* test-editor.c: the editor as a drafter uses it (issue 13)
 *
 * Builds a new card from scratch in the window — card, two labour functions, skills, abilities and
 * knowledge in both languages — duplicates a function, moves a knowledge item to another skill by the
 * keyboard's action and by a drop, deletes and undoes; exports it to DOCX, reads that back and validates
 * it. Finds a Kazakh and a Russian phrase with the search bar. Types into a field, kills the editor's
 * process 0.5 s later and finds the text stored.
 * Screenshots go to $G_TEST_BUILDDIR/kasip-*.png.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sys/wait.h>

#include "ksp-element-form.h"
#include "ksp-field-editor.h"
#include "ksp-occupation-picker.h"
#include "ksp-outline-view.h"
#include "ksp-import-summary.h"
#include "ksp-read-any.h"
#include "ksp-sample.h"
#include "ksp-store.h"
#include "ksp-structure.h"
#include "ksp-test-util.h"
#include "ksp-validator.h"
#include "ksp-window.h"
#include "ksp-review-panel.h"
#include "ui-test-util.h"




static KspNode *
add (KspWindow  *window,
     const char *action,
     const char *kind)
{
  element_action (window, action, kind);
  return selected_node (window);
}

static void
name_both (KspWindow  *window,
           const char *field,
           const char *kk,
           const char *ru)
{
  type_into (window, field, KSP_LANG_KK, kk);
  type_into (window, field, KSP_LANG_RU, ru);
}

/* Exports the open standard through the window in @lang and runs the main loop until it is written. */
static void
export_and_wait (KspWindow  *window,
                 const char *path,
                 KspLang     lang)
{
  g_autofree char *result = NULL;
  gulong handler = watch_export (window, &result);

  ksp_window_export_to_file_in (window, "docx", path, lang);
  wait_export (window, handler, &result);
  g_assert_cmpstr (result, ==, "");
}

/* Issue 13, "done when" 1: a new card from scratch, restructured, exported and validated. */
static void
test_author_card (Fixture       *fixture,
                  gconstpointer  data)
{
  KspWindow *window = fixture->window;
  KspDocument *doc = ksp_window_get_document (window);
  KspNode *root = ksp_document_get_root (doc);
  KspNode *old_card = find_kind (root, "card");
  KspNode *card, *f1, *f2, *s11, *s12, *s21, *k11, *k12, *copy;
  g_autoptr (GError) error = NULL;
  g_autofree char *new_id = NULL;

  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (old_card)));
  card = add (window, "add-sibling", NULL);
  new_id = g_strdup (ksp_node_get_id (card));
  g_assert_cmpstr (ksp_node_get_kind (card), ==, "card");
  /* The form of the new card has the 2024 fields in their order. */
  {
    const KspKindSpec *spec = ksp_schema_lookup_kind ("card");
    for (guint i = 0; i < spec->n_fields; i++)
      if (!(spec->fields[i].flags & KSP_FIELD_LEGACY))
        g_assert_nonnull (ksp_element_form_get_editor (ksp_window_get_form (window), spec->fields[i].name,
                                                       ksp_field_is_bilingual (&spec->fields[i]) ? KSP_LANG_RU
                                                                                                 : KSP_LANG_NONE));
  }
  name_both (window, "title", "Әлеуметтік қызметкердің көмекшісі", "Помощник социального работника");
  name_both (window, "profession_name", "Әлеуметтік қызметкердің көмекшісі", "Помощник социального работника");
  type_into (window, "group_code", KSP_LANG_NONE, "5322");
  type_into (window, "occupation_code", KSP_LANG_NONE, "5322-0-001");
  ksp_field_editor_set_text (ksp_element_form_get_editor (ksp_window_get_form (window), "ork_level", KSP_LANG_NONE), "3");
  g_assert_cmpstr (ksp_node_get_value (card, "ork_level", KSP_LANG_NONE), ==, "3");
  name_both (window, "purpose", "Үйде әлеуметтік көмек көрсету", "Оказание социальной помощи на дому");
  /* The 2024 template: education, experience, mandatory function 1 with skill 1, competencies. */
  g_assert_cmpuint (ksp_node_get_n_children (card), ==, 4);
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (ksp_node_get_child (card, 0))));
  name_both (window, "level", "Техникалық және кәсіптік білім", "Техническое и профессиональное образование");
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (ksp_node_get_child (card, 1))));
  name_both (window, "text", "Талап етілмейді", "Не требуется");
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (ksp_node_get_child (card, 3))));
  name_both (window, "text", "Жауапкершілік, ұқыптылық", "Ответственность, аккуратность");

  f1 = ksp_node_get_child (card, 2);
  g_assert_cmpstr (ksp_node_get_number (f1), ==, "1");
  g_assert_cmpstr (ksp_node_get_value (f1, "function_kind", KSP_LANG_NONE), ==, "mandatory");
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (f1)));
  name_both (window, "name", "Күтімді ұйымдастыру", "Организация ухода");
  /* the entry in the list of functions follows the heading */
  g_assert_cmpstr (ksp_node_get_value (f1, "list_name", KSP_LANG_RU), ==, "Организация ухода");
  g_assert_cmpstr (ksp_node_get_value (f1, "list_name", KSP_LANG_KK), ==, "Күтімді ұйымдастыру");
  s11 = ksp_node_get_child (f1, 0);
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (s11)));
  name_both (window, "name", "Күтім жоспарын құру", "Составление плана ухода");
  add (window, "add-child", "ability");
  name_both (window, "text", "Жоспар құра білу", "Составлять план");
  k11 = add (window, "add-after", "knowledge");
  name_both (window, "text", "Күтім стандарттары", "Стандартов ухода");
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (s11)));
  s12 = add (window, "add-sibling", NULL);
  name_both (window, "name", "Күтімді бақылау", "Контроль ухода");
  k12 = add (window, "add-child", "knowledge");
  name_both (window, "text", "Бақылау әдістері", "Методов контроля");

  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (f1)));
  f2 = add (window, "add-sibling", NULL);
  g_assert_cmpstr (ksp_node_get_number (f2), ==, "2");
  name_both (window, "name", "Тұрмыстық көмек", "Бытовая помощь");
  ksp_field_editor_set_text (ksp_element_form_get_editor (ksp_window_get_form (window), "function_kind", KSP_LANG_NONE),
                             "additional");
  s21 = add (window, "add-child", "skill");
  name_both (window, "name", "Үй жинау", "Уборка помещений");
  add (window, "add-child", "ability");
  name_both (window, "text", "Жинай білу", "Убирать помещения");
  /* education, experience, two functions, competencies */
  g_assert_cmpuint (ksp_node_get_n_children (card), ==, 5);
  g_assert_true (ksp_node_get_child (card, 3) == f2);
  g_assert_cmpuint (ksp_structure_count (card), ==, 1 + 3 + 2 + 3 + 2 + 2);

  /* Duplicate the first function: a deep copy with new IDs, after it. */
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (f1)));
  copy = add (window, "duplicate", NULL);
  g_assert_true (ksp_node_get_child (card, 3) == copy);
  g_assert_cmpstr (ksp_node_get_number (copy), ==, "2");
  g_assert_cmpstr (ksp_node_get_number (f2), ==, "3"); /* the functions after it follow */
  g_assert_cmpuint (ksp_structure_count (copy), ==, ksp_structure_count (f1));

  /* Keyboard (Alt+Down's action): the knowledge item of skill 1.1 moves down past the end of its skill
   * into skill 1.2, as its first item, keeping its ID. */
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (k11)));
  element_action (window, "move-down", NULL);
  g_assert_true (ksp_node_get_parent (k11) == s12);
  g_assert_true (ksp_node_get_child (s12, 0) == k11);
  g_assert_true (selected_node (window) == k11);

  /* Drag and drop with the mouse (through the X server): knowledge 1.2 dropped on the middle of skill
   * 2.1's row goes into it. Where it can go: before, after or inside, never into itself or a card. */
  g_assert_cmpint (ksp_outline_view_drop_place (k12, s21, 20, 40), ==, KSP_PLACE_CHILD);
  g_assert_cmpint (ksp_outline_view_drop_place (k12, s21, 2, 40), ==, KSP_PLACE_BEFORE);
  g_assert_cmpint (ksp_outline_view_drop_place (k12, card, 20, 40), ==, -1);
  g_assert_cmpint (ksp_outline_view_drop_place (f1, k12, 20, 40), ==, -1); /* not into itself */
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (k12)));
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (s21)));
  iterate_for (200);
  drag_row (window, k12, s21, 0.5, "kasip-editor-drop-target.png");
  g_assert_true (ksp_node_get_parent (k12) == s21);
  g_assert_true (selected_node (window) == k12);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (ksp_node_get_parent (k12) == s12);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (ksp_node_get_parent (k12) == s21);

  /* Delete the copy and undo: it is back whole. */
  {
    g_autofree char *copy_id = g_strdup (ksp_node_get_id (copy));
    g_assert_true (ksp_window_select_element (window, copy_id));
    element_action (window, "delete", NULL);
    g_assert_null (ksp_document_lookup (doc, copy_id));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_nonnull (ksp_document_lookup (doc, copy_id));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
    g_assert_null (ksp_document_lookup (doc, copy_id));
  }
  /* The card goes into the card list of chapter 2 too, as a drafter adds it there. */
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (find_kind (root, "card_list_entry"))));
  add (window, "add-sibling", NULL);
  name_both (window, "name", "Әлеуметтік қызметкердің көмекшісі", "Помощник социального работника");
  type_into (window, "ork_level", KSP_LANG_NONE, "3");
  g_assert_true (ksp_window_select_element (window, new_id));
  iterate_for (700); /* the checks have run */
  save_screenshot (window, "kasip-editor-new-card.png");

  /* Stored: the workspace read again holds exactly this tree. */
  {
    g_autoptr (KspNode) stored = ksp_store_load_tree (ksp_window_get_store (window), ksp_document_get_tree_id (doc),
                                                      &error);
    g_autofree char *difference = NULL;
    g_assert_no_error (error);
    if (!ksp_node_equal (root, stored, &difference))
      g_error ("the stored tree differs: %s", difference);
  }

  /* No structural finding on the new card or under it. */
  {
    g_autoptr (GPtrArray) findings = ksp_validate (root, NULL);
    for (guint i = 0; i < findings->len; i++)
      {
        KspFinding *f = g_ptr_array_index (findings, i);
        KspNode *node = f->node_id ? ksp_document_lookup (doc, f->node_id) : NULL;
        gboolean ours = FALSE;
        for (KspNode *n = node; n; n = ksp_node_get_parent (n))
          ours |= n == card;
        if (ours)
          g_test_message ("finding on the new card: %s %s %s", f->rule, f->path, f->message);
        g_assert_false (ours && (g_str_equal (f->rule, "E1") || g_str_equal (f->rule, "T1") ||
                                 g_str_equal (f->rule, "N1") || g_str_equal (f->rule, "N2") ||
                                 g_str_equal (f->rule, "D2") || g_str_equal (f->rule, "C1") ||
                                 g_str_equal (f->rule, "V7")));
      }
  }

  /* Exported to DOCX through the window, and read back by the DOCX reader: the new card is there with
   * its two functions, three skills and their items, in both languages' text as written. */
  {
    g_autofree char *out = g_build_filename (fixture->dir, "card.docx", NULL);
    g_autoptr (KspNode) back = NULL;
    KspNode *back_card = NULL;

    export_and_wait (window, out, KSP_LANG_RU);
    back = ksp_read_any_file (out, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (back);
    back_card = ksp_node_find_descendant (back, new_id);
    g_assert_nonnull (back_card);
    g_assert_cmpstr (ksp_node_get_value (back_card, "title", KSP_LANG_RU), ==, "Помощник социального работника");
    g_assert_cmpuint (ksp_node_get_n_children (back_card), ==, 5);
    g_assert_cmpuint (ksp_structure_count (back_card), ==, ksp_structure_count (card));
    g_assert_cmpstr (ksp_node_get_value (ksp_node_find_descendant (back, ksp_node_get_id (k12)), "text", KSP_LANG_RU),
                     ==, "Методов контроля");
  }

  /* In Kazakh, as the export dialog's language choice asks: the document's text is the Kazakh one (read
   * by python's zipfile, a second tool). */
  {
    g_autofree char *out = g_build_filename (fixture->dir, "card-kk.docx", NULL);
    g_autofree char *xml = NULL;
    const char *argv[] = { "python3", "-c",
                           "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('word/document.xml')"
                           ".decode())", out, NULL };
    int status = -1;

    export_and_wait (window, out, KSP_LANG_KK);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &xml, NULL, &status,
                                 &error));
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (xml, "Бақылау әдістері"));
    g_assert_null (strstr (xml, "Методов контроля"));
  }
}

static guint
n_rows (KspWindow *window)
{
  GtkListView *list = GTK_LIST_VIEW (find_widget_of_type (GTK_WIDGET (ksp_window_get_outline (window)),
                                                         GTK_TYPE_LIST_VIEW));
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
}

static void
search_for (KspWindow  *window,
            const char *text)
{
  GtkWidget *entry = ksp_outline_view_get_search_entry (ksp_window_get_outline (window));

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  iterate_for (400); /* the search entry waits a moment for more typing */
}

/* Issue 13, "done when" 3: Ctrl+F finds a phrase in Kazakh and in Russian, whatever its case. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  KspWindow *window = fixture->window;
  KspDocument *doc = ksp_window_get_document (window);
  KspNode *card = find_kind (ksp_document_get_root (doc), "card");
  KspNode *function = find_kind (card, "function");
  GtkWidget *entry = ksp_outline_view_get_search_entry (ksp_window_get_outline (window));
  guint all_rows;

  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (function)));
  type_into (window, "name", KSP_LANG_KK, "Жеке көмекшінің қызметтерін ұйымдастыру");
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (card)));
  all_rows = n_rows (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  iterate_for (100);
  g_assert_true (gtk_widget_get_mapped (entry));
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));

  /* Kazakh, in capitals, with a no-break space: the function is found and selected, the outline holds
   * only it and what is above it. */
  search_for (window, "ҚЫЗМЕТТЕРІН\u00a0ұйымдастыру");
  g_assert_true (selected_node (window) == function);
  g_assert_cmpuint (n_rows (window), <, all_rows);
  g_assert_true (has_label (GTK_WIDGET (ksp_window_get_outline (window)), "1 of 1"));
  save_screenshot (window, "kasip-editor-search-kk.png");

  /* Russian: «ЛСИ» is in many elements; next and previous go round them. */
  search_for (window, "лси, имеющих");
  {
    KspNode *first = selected_node (window);
    g_assert_nonnull (first);
    g_assert_true (ksp_outline_view_search_step (ksp_window_get_outline (window), FALSE));
    g_assert_true (selected_node (window) != first);
    g_assert_true (has_label_prefix (GTK_WIDGET (ksp_window_get_outline (window)), "2 of "));
    g_assert_true (ksp_outline_view_search_step (ksp_window_get_outline (window), TRUE));
    g_assert_true (selected_node (window) == first);
  }
  save_screenshot (window, "kasip-editor-search.png");

  /* Nothing found: said so; Escape (the search mode off) brings the whole outline back, the match kept. */
  search_for (window, "нет такого текста");
  g_assert_true (has_label (GTK_WIDGET (ksp_window_get_outline (window)), "No match"));
  search_for (window, "ұйымдастыру");
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (find_widget_of_type (GTK_WIDGET (ksp_window_get_outline (window)),
                                                                       GTK_TYPE_SEARCH_BAR)), FALSE);
  iterate_for (100);
  g_assert_cmpuint (n_rows (window), >=, all_rows);
  g_assert_true (selected_node (window) == function);

  /* Go to card: by number and by code. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-to", NULL));
  iterate_for (100);
  {
    GtkWidget *popover = find_widget_of_type (GTK_WIDGET (ksp_window_get_outline (window)), GTK_TYPE_POPOVER);
    GtkWidget *go = find_widget_of_type (popover, GTK_TYPE_ENTRY);
    g_assert_true (ksp_window_select_element (window, ksp_node_get_id (function)));
    gtk_editable_set_text (GTK_EDITABLE (go), "9");
    g_signal_emit_by_name (go, "activate");
    g_assert_true (selected_node (window) == card);
    gtk_editable_set_text (GTK_EDITABLE (go), "77");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.go-to", NULL);
    gtk_editable_set_text (GTK_EDITABLE (go), "77");
    g_signal_emit_by_name (go, "activate");
    g_assert_true (has_label (popover, "No card or element “77”"));
    gtk_popover_popdown (GTK_POPOVER (popover));
  }
}

/* Issue 13, "done when" 2: text typed 0.5 s before the editor is killed is in the workspace. */
static void
crash_child (void)
{
  const char *path = g_getenv ("KASIP_TEST_CRASH_WORKSPACE");
  g_autoptr (GError) error = NULL;
  KspWindow *window = g_object_new (KSP_TYPE_WINDOW, "default-width", 1000, "default-height", 700, NULL);
  KspNode *card;

  g_assert_true (ksp_window_open_workspace (window, path, &error));
  g_assert_no_error (error);
  wait_for_window (window);
  card = find_kind (ksp_document_get_root (ksp_window_get_document (window)), "card");
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (card)));
  iterate_for (100);
  /* As typing does: the text changes in the view, nothing commits it but the pause after it. */
  set_input (editor_input (window, "purpose", KSP_LANG_KK), "Соңғы теру, өлтірілгенге дейін сақталады");
  g_print ("TYPED\n");
  for (;;)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_kill_after_typing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kasip-crash-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "crash.kasip", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr (GSubprocess) child = NULL;
  g_autoptr (GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL); /* this test program */

  g_assert_nonnull (exe);
  make_sample_workspace (path);
  g_subprocess_launcher_setenv (launcher, "KASIP_TEST_CRASH_WORKSPACE", path, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, exe, "-p", "/ui/editor/crash-child", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  do
    {
      g_free (line);
      line = g_data_input_stream_read_line (out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (line); /* the child ended before typing */
    }
  while (!g_str_equal (line, "TYPED"));
  g_usleep (500 * 1000);
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  /* After the crash: the text is in the workspace, and the workspace opens writable (the dead
   * session's lock is taken over). */
  {
    g_autoptr (KspStore) store = ksp_store_open_uri (path, KSP_STORE_OPEN_DEFAULT, &error);
    g_autoptr (GPtrArray) standards = NULL;
    g_autoptr (KspNode) root = NULL;
    g_assert_no_error (error);
    g_assert_false (ksp_store_is_read_only (store));
    standards = ksp_store_list_standards (store, &error);
    g_assert_no_error (error);
    root = ksp_store_load_tree (store, ((KspStandardInfo *) g_ptr_array_index (standards, 0))->draft_tree, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (ksp_node_get_value (find_kind (root, "card"), "purpose", KSP_LANG_KK), ==,
                     "Соңғы теру, өлтірілгенге дейін сақталады");
    ksp_store_close (store);
  }
  /* The next window on that workspace says the last session ended without closing, and what is kept. */
  {
    KspWindow *window = g_object_new (KSP_TYPE_WINDOW, "default-width", 1000, "default-height", 700, NULL);
    g_assert_true (ksp_window_open_workspace (window, path, &error));
    g_assert_no_error (error);
    wait_for_window (window);
    save_screenshot (window, "kasip-editor-recovered.png");
    g_assert_true (has_label_prefix (GTK_WIDGET (window), "Kasip was not closed properly last time. Its 1 change "
                                                          "to this standard is kept; the last, to «9."));
    gtk_window_destroy (GTK_WINDOW (window));
    iterate_for (50);
    /* said once: the next window does not say it again */
    window = g_object_new (KSP_TYPE_WINDOW, NULL);
    g_assert_true (ksp_window_open_workspace (window, path, &error));
    wait_for_window (window);
    g_assert_false (has_label_prefix (GTK_WIDGET (window), "Kasip was not closed properly"));
    gtk_window_destroy (GTK_WINDOW (window));
    iterate_for (50);
  }
  ksp_test_remove_dir (dir);
}

/* Whether @text can be Kazakh interface text: data quoted in «…» aside, no English word (three Latin
 * letters or more), and Cyrillic text either has a letter only Kazakh has or nothing only Russian has
 * (ь ъ э щ ё, the endings -ый -ий -ая -ое -ция -ть): «Санат», «Ескерту», «Карточка» are Kazakh too. */
static gboolean
reads_kazakh (const char *text)
{
  g_autoptr (GRegex) quoted = g_regex_new ("«[^»]*»|“[^”]*”", 0, 0, NULL);
  g_autoptr (GRegex) russian = g_regex_new ("(*UCP)[ьъэщё]|(ый|ий|ая|ое|ция|ть)\\b", G_REGEX_CASELESS, 0, NULL);
  g_autofree char *plain = g_regex_replace_literal (quoted, text, -1, 0, "", 0, NULL);
  gboolean kazakh = FALSE;
  guint latin_run = 0;

  for (const char *p = plain; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));
      if (c < 128 && g_ascii_isalpha (c))
        {
          if (++latin_run >= 3)
            return FALSE;
          continue;
        }
      latin_run = 0;
      kazakh |= c == 0x04D9 || c == 0x0493 || c == 0x049B || c == 0x04A3 || c == 0x04E9 || c == 0x04B1 ||
                c == 0x04AF || c == 0x04BB || c == 0x0456;
    }
  return kazakh || !g_regex_match (russian, plain, 0, NULL);
}

/* Every label and tooltip shown under @widget, but the texts of the standard (entries, text views) and
 * the other language's legal labels the form shows on purpose. */
static void
collect_interface_texts (GtkWidget *widget,
                         GPtrArray *out)
{
  const char *tooltip;

  if (!gtk_widget_get_mapped (widget) || gtk_widget_has_css_class (widget, "ksp-other-language") ||
      GTK_IS_TEXT_VIEW (widget) || GTK_IS_ENTRY (widget))
    return;
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)))
    g_ptr_array_add (out, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  if ((tooltip = gtk_widget_get_tooltip_text (widget)) && !GTK_IS_LABEL (widget))
    g_ptr_array_add (out, g_strdup (tooltip));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_interface_texts (c, out);
}

/* Issue 13, "done when" 3: the whole UI in Kazakh — the form and the Checks panel hold no Russian-only or
 * English interface text. */
static void
test_kazakh (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kasip-kk-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kk.kasip", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  KspWindow *window;
  KspNode *card;
  guint bad = 0;

  g_assert_false (reads_kazakh ("Проверки этого элемента"));
  g_assert_false (reads_kazakh ("Уровень квалификации"));
  g_assert_false (reads_kazakh ("Обязательная"));
  g_assert_false (reads_kazakh ("absent"));
  g_assert_true (reads_kazakh ("Ескерту"));
  g_assert_true (reads_kazakh ("Код «занятия» жоқ"));
  g_setenv ("LANGUAGE", "kk", TRUE);
  setlocale (LC_ALL, ""); /* gettext reads LANGUAGE again */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Kazakh"), ==, "Қазақша"); /* the translations are found */
  make_sample_workspace (path);
  window = g_object_new (KSP_TYPE_WINDOW, "default-width", 1024, "default-height", 600, NULL);
  g_assert_true (ksp_window_open_workspace (window, path, &error));
  g_assert_no_error (error);
  wait_for_window (window);
  card = find_kind (ksp_document_get_root (ksp_window_get_document (window)), "card");
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (card)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-checks", NULL));
  iterate_for (900);
  g_assert_true (has_label (GTK_WIDGET (ksp_window_get_form (window)), "Кәсіп карточкасы 9."));
  g_assert_true (has_label (GTK_WIDGET (ksp_window_get_form (window)), "Қазақша"));
  save_screenshot (window, "kasip-editor-kazakh.png");

  collect_interface_texts (GTK_WIDGET (ksp_window_get_form (window)), texts);
  collect_interface_texts (GTK_WIDGET (ksp_window_get_findings_view (window)), texts);
  /* the bar asking your name (issue 16), then the review panel with your name */
  {
    GtkWidget *bar = find_label (GTK_WIDGET (window), "Жұмыс тобы сіздің өзгерістеріңіз бен пікірлеріңіздің қасында көретін атыңыз:");
    g_assert_nonnull (bar);
    collect_interface_texts (gtk_widget_get_parent (bar), texts);
    g_assert_true (ksp_workspace_set_display_name (ksp_window_get_workspace (window), "Дана Әлиева", &error));
    g_assert_no_error (error);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-review", NULL));
    iterate_for (400);
    save_screenshot (window, "kasip-review-kazakh.png");
    g_assert_true (has_label (GTK_WIDGET (window), "Пікірлер"));
    collect_interface_texts (find_widget_of_type (GTK_WIDGET (window), KSP_TYPE_REVIEW_PANEL), texts);
  }
  g_assert_cmpuint (texts->len, >, 30);
  for (guint i = 0; i < texts->len; i++)
    if (!reads_kazakh (g_ptr_array_index (texts, i)))
      {
        g_test_message ("not Kazakh: %s", (char *) g_ptr_array_index (texts, i));
        bad++;
      }
  g_assert_cmpuint (bad, ==, 0);
  /* A finding reads in Kazakh: the card's code rule, with its path. */
  g_assert_true (has_label_prefix (GTK_WIDGET (ksp_window_get_findings_view (window)), "Карточка 9"));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (50);
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  ksp_test_remove_dir (dir);
}

/* Issue 13.6: reopening comes back to the standard and the element, the window's size and the panes. */
static void
test_session (Fixture       *fixture,
              gconstpointer  data)
{
  KspWindow *window = fixture->window;
  KspNode *function = find_kind (ksp_document_get_root (ksp_window_get_document (window)), "function");
  g_autofree char *id = g_strdup (ksp_node_get_id (function));
  GtkPaned *outline_paned = GTK_PANED (gtk_widget_get_parent (GTK_WIDGET (ksp_window_get_outline (window))));
  g_autoptr (GError) error = NULL;
  int width = 0, height = 0;

  g_assert_nonnull (g_getenv ("GSETTINGS_SCHEMA_DIR")); /* the build's schema: data/ */
  g_assert_true (ksp_window_select_element (window, id));
  gtk_paned_set_position (outline_paned, 287);
  gtk_window_set_default_size (GTK_WINDOW (window), 1111, 666);
  iterate_for (100);
  gtk_window_close (GTK_WINDOW (window)); /* as the close button does */
  iterate_for (100);

  window = fixture->window = g_object_new (KSP_TYPE_WINDOW, NULL);
  g_assert_true (ksp_window_open_workspace (window, fixture->path, &error));
  g_assert_no_error (error);
  wait_for_window (window);
  g_assert_nonnull (selected_node (window));
  g_assert_cmpstr (ksp_node_get_id (selected_node (window)), ==, id);
  g_assert_true (ksp_node_get_id (ksp_element_form_get_node (ksp_window_get_form (window))) != NULL);
  g_assert_cmpint (gtk_paned_get_position (GTK_PANED (gtk_widget_get_parent (GTK_WIDGET (ksp_window_get_outline (window))))),
                   ==, 287);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1111);
  g_assert_cmpint (height, ==, 666);
}

/* Issue 13.7: switching to an element of the same kind reuses the form's editors (no widget built), and
 * what was typed goes to the element it was typed for. */
static void
test_switch_reuses_editors (Fixture       *fixture,
                            gconstpointer  data)
{
  KspWindow *window = fixture->window;
  KspNode *skill = find_kind (ksp_document_get_root (ksp_window_get_document (window)), "skill");
  KspNode *a1 = ksp_node_get_child (skill, 0), *a2 = ksp_node_get_child (skill, 1);
  g_autofree char *a2_text = g_strdup (ksp_node_get_value (a2, "text", KSP_LANG_RU));
  GtkWidget *input;

  g_assert_cmpstr (ksp_node_get_kind (a1), ==, ksp_node_get_kind (a2));
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (a1)));
  input = editor_input (window, "text", KSP_LANG_RU);
  set_input (input, "Набрано для первого"); /* typed, not yet committed */
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (a2)));
  g_assert_true (editor_input (window, "text", KSP_LANG_RU) == input); /* the same widget */
  g_assert_cmpstr (ksp_node_get_value (a1, "text", KSP_LANG_RU), ==, "Набрано для первого");
  {
    g_autofree char *shown = input_text (input);
    g_assert_cmpstr (shown, ==, a2_text);
  }
  set_input (input, "Для второго");
  g_assert_true (ksp_element_form_commit (ksp_window_get_form (window)));
  g_assert_cmpstr (ksp_node_get_value (a2, "text", KSP_LANG_RU), ==, "Для второго");
  g_assert_cmpstr (ksp_node_get_value (a1, "text", KSP_LANG_RU), ==, "Набрано для первого");
  /* an undo in the first shows in the editor only when it shows the first */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (ksp_node_get_value (a2, "text", KSP_LANG_RU), ==, a2_text);
  {
    g_autofree char *shown = input_text (editor_input (window, "text", KSP_LANG_RU));
    g_assert_cmpstr (shown, ==, a2_text);
  }
  /* another kind: another form */
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (skill)));
  g_assert_null (ksp_element_form_get_editor (ksp_window_get_form (window), "text", KSP_LANG_RU));
}

/* Issue 13.3: an OKED picker beside the subclass code: the whole chain follows the subclass chosen. */
static void
test_oked_picker (Fixture       *fixture,
                  gconstpointer  data)
{
  KspWindow *window = fixture->window;
  KspNode *oked = find_kind (ksp_document_get_root (ksp_window_get_document (window)), "oked");
  GtkWidget *picker;

  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (oked)));
  iterate_for (100);
  picker = find_widget_of_type (GTK_WIDGET (ksp_window_get_form (window)), KSP_TYPE_OCCUPATION_PICKER);
  g_assert_nonnull (picker);
  g_assert_cmpuint (ksp_occupation_picker_filter (KSP_OCCUPATION_PICKER (picker), "87.90"), ==, 1);
  g_assert_true (ksp_occupation_picker_pick_first (KSP_OCCUPATION_PICKER (picker)));
  g_assert_cmpstr (ksp_node_get_value (oked, "subclass_code", KSP_LANG_NONE), ==, "87.90.0");
  g_assert_cmpstr (ksp_node_get_value (oked, "division_code", KSP_LANG_NONE), ==, "87");
  g_assert_cmpstr (ksp_node_get_value (oked, "section_code", KSP_LANG_NONE), ==, "Q");
  {
    g_autofree char *shown = input_text (editor_input (window, "class_code", KSP_LANG_NONE));
    g_assert_cmpstr (shown, ==, "87.90");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (ksp_node_get_value (oked, "subclass_code", KSP_LANG_NONE), !=, "87.90.0");
}

static gboolean
checks_shown (KspWindow *window)
{
  g_autoptr (GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-checks");
  return g_variant_get_boolean (state);
}

static gboolean
focus_in (KspWindow *window,
          GtkWidget *ancestor)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  return focus && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

/* Issue 13.5: the keys, pressed as a keyboard does (through the X server): F8 from the outline and from a
 * field (GtkPaned no longer takes it), Tab and Shift+Tab between outline and form, Ctrl+F, Escape,
 * Alt+Down, Ctrl+Z, Ctrl+Y, Ctrl+Return, Ctrl+L. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  KspWindow *window = fixture->window;
  KspDocument *doc = ksp_window_get_document (window);
  KspNode *card = find_kind (ksp_document_get_root (doc), "card");
  KspNode *skill = find_kind (card, "skill");
  KspNode *first = ksp_node_get_child (skill, 0);
  GtkWidget *outline = GTK_WIDGET (ksp_window_get_outline (window));
  GtkWidget *form = GTK_WIDGET (ksp_window_get_form (window));
  guint n_children = ksp_node_get_n_children (skill);

  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (card)));
  g_assert_true (ksp_outline_view_focus_selected (ksp_window_get_outline (window)));
  iterate_for (100);
  g_assert_true (focus_in (window, outline));

  g_assert_false (checks_shown (window));
  press_keys (window, GDK_KEY_F8, 0);
  g_assert_true (checks_shown (window));

  press_keys (window, GDK_KEY_Tab, 0);
  g_assert_true (focus_in (window, form));
  press_keys (window, GDK_KEY_F8, 0); /* from a field too */
  g_assert_false (checks_shown (window));
  /* Shift+Tab goes back through the form's heading and findings button to the outline, not round the
   * header bar. */
  for (guint i = 0; i < 3 && !focus_in (window, outline); i++)
    {
      press_keys (window, GDK_KEY_Tab, GDK_SHIFT_MASK);
      g_assert_true (focus_in (window, form) || focus_in (window, outline));
    }
  g_assert_true (focus_in (window, outline));
  press_keys (window, GDK_KEY_F6, 0);
  g_assert_true (focus_in (window, form));
  press_keys (window, GDK_KEY_F6, 0);
  g_assert_true (focus_in (window, outline));

  /* Ctrl+F from the outline: the search entry; Escape closes the search, the outline is whole again. */
  press_keys (window, GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (focus_in (window, ksp_outline_view_get_search_entry (ksp_window_get_outline (window))));
  press_keys (window, GDK_KEY_Escape, 0);
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (find_widget_of_type (outline, GTK_TYPE_SEARCH_BAR))));
  g_assert_true (focus_in (window, outline));
  g_assert_false (focus_in (window, ksp_outline_view_get_search_entry (ksp_window_get_outline (window))));

  /* Alt+Down on the first ability: it moves down, Ctrl+Z puts it back, Ctrl+Y again. */
  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (first)));
  g_assert_true (ksp_outline_view_focus_selected (ksp_window_get_outline (window)));
  iterate_for (50);
  press_keys (window, GDK_KEY_Down, GDK_ALT_MASK);
  g_assert_true (ksp_node_get_child (skill, 1) == first);
  press_keys (window, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_true (ksp_node_get_child (skill, 0) == first);
  g_assert_true (selected_node (window) == first); /* undo shows what it changed back */
  press_keys (window, GDK_KEY_y, GDK_CONTROL_MASK);
  g_assert_true (ksp_node_get_child (skill, 1) == first);
  g_assert_true (selected_node (window) == first);

  /* Ctrl+Return: one more ability after it, selected. */
  g_assert_true (g_action_group_get_action_enabled (ksp_window_get_element_actions (window), "add-sibling"));
  press_keys (window, GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_cmpuint (ksp_node_get_n_children (skill), ==, n_children + 1);
  g_assert_true (ksp_node_get_child (skill, 2) == selected_node (window));

  /* Ctrl+L: the go-to entry has the focus. */
  press_keys (window, GDK_KEY_l, GDK_CONTROL_MASK);
  {
    GtkWidget *popover = find_widget_of_type (outline, GTK_TYPE_POPOVER);
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_visible (popover));
    g_assert_true (focus_in (window, popover));
    press_keys (window, GDK_KEY_Escape, 0);
  }
}

/* The text of the first mapped label under @widget, or %NULL. */
static const char *
label_inside (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      const char *text;
      if (GTK_IS_LABEL (c) && gtk_widget_get_mapped (c) && *gtk_label_get_text (GTK_LABEL (c)))
        return gtk_label_get_text (GTK_LABEL (c));
      if ((text = label_inside (c)))
        return text;
    }
  return NULL;
}

/* Every control the user can reach under @widget that has no accessible name: no label property, no
 * labelled-by relation, no label inside it. */
static void
collect_unnamed (GtkWidget *widget,
                 GPtrArray *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_ENTRY (widget) ||
      GTK_IS_TEXT_VIEW (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_LIST_VIEW (widget) ||
      GTK_IS_LIST_BOX (widget) || GTK_IS_CHECK_BUTTON (widget))
    {
      gboolean named = gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
                       gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY) ||
                       ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget)) &&
                        label_inside (widget) != NULL);
      /* the parts of a composite control (the entry inside a search entry or a drop-down) are its own */
      GtkWidget *parent = gtk_widget_get_parent (widget);
      gboolean part = parent && (GTK_IS_SEARCH_ENTRY (parent) || GTK_IS_DROP_DOWN (parent) ||
                                 GTK_IS_MENU_BUTTON (parent) || GTK_IS_SPIN_BUTTON (parent));
      if (!named && !part)
        g_ptr_array_add (out, g_strdup_printf ("%s (tooltip «%s»)", G_OBJECT_TYPE_NAME (widget),
                                               gtk_widget_get_tooltip_text (widget) ?: ""));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_unnamed (c, out);
}

/* Issue 13.5: every control has an accessible name (the accessibility tree, GTK_A11Y=test). */
static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  KspWindow *window = fixture->window;
  g_autoptr (GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (ksp_window_select_element (window, ksp_node_get_id (find_kind (ksp_document_get_root (
                                                       ksp_window_get_document (window)), "function"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-checks", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  iterate_for (900);
  collect_unnamed (GTK_WIDGET (window), unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("no accessible name: %s", (char *) g_ptr_array_index (unnamed, i));
  g_assert_cmpuint (unnamed->len, ==, 0);
}

typedef struct {
  gboolean done;
  guint    n;
  char    *error;
} ImportWait;

static void
on_import_finished (KspWindow  *window,
                    guint       n,
                    const char *error_message,
                    ImportWait *wait)
{
  wait->done = TRUE;
  wait->n = n;
  wait->error = g_strdup (error_message);
}

static void
import_and_wait (KspWindow         *window,
                 const char *const *paths,
                 ImportWait        *wait)
{
  gulong id = g_signal_connect (window, "import-finished", G_CALLBACK (on_import_finished), wait);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  ksp_window_import_files (window, paths);
  while (!wait->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (window, id);
  g_assert_true (wait->done);
  iterate_for (200);
}

/* Issue 13.6: File → New Workspace and File → Import, with the parse report, from the window. */
static void
test_new_and_import (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kasip-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "new.kasip", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.txt", NULL);
  g_autofree char *seed = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "samples",
                                                 "001_efa396441f2b22fb.txt", NULL);
  g_autoptr (GError) error = NULL;
  KspWindow *window = g_object_new (KSP_TYPE_WINDOW, "default-width", 1100, "default-height", 700, NULL);
  ImportWait refused = { 0 }, imported = { 0 };
  GtkWidget *dialog;

  wait_for_window (window);
  g_assert_true (ksp_window_new_workspace (window, path, &error));
  g_assert_no_error (error);
  g_assert_nonnull (ksp_window_get_store (window));
  g_assert_null (ksp_window_get_document (window));
  /* never over an existing file */
  g_assert_false (ksp_window_new_workspace (window, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST);
  g_clear_error (&error);

  /* A file the importer does not understand: refused, named, nothing imported. */
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  {
    const char *paths[] = { empty, NULL };
    import_and_wait (window, paths, &refused);
  }
  g_assert_cmpuint (refused.n, ==, 0);
  g_assert_nonnull (refused.error);
  g_assert_null (ksp_window_get_document (window));
  dialog = GTK_WIDGET (find_message_dialog (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Nothing Was Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "empty.txt: refused"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Seed 001: stored, the report says what was understood, the standard opens. */
  g_assert_true (g_file_test (seed, G_FILE_TEST_IS_REGULAR));
  {
    const char *paths[] = { seed, NULL };
    import_and_wait (window, paths, &imported);
  }
  g_assert_null (imported.error);
  g_assert_cmpuint (imported.n, ==, 1);
  g_assert_nonnull (ksp_window_get_document (window));
  {
    KspCounts counts = { 0 };
    ksp_counts_add_tree (&counts, ksp_document_get_root (ksp_window_get_document (window)));
    g_assert_cmpuint (counts.cards, ==, 10);
  }
  dialog = GTK_WIDGET (find_message_dialog (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "001_efa396441f2b22fb.txt"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "10 cards"));
  save_widget_screenshot (dialog, "kasip-editor-import-report.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_free (refused.error);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (50);
  ksp_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = NULL;
  int status;

  g_setenv ("KASIP_USER", "ui-test", TRUE);
  /* The user's folders (the session notes) in a temporary home, shared with the child it starts. */
  if (!g_getenv ("KASIP_TEST_CRASH_WORKSPACE"))
    home = isolate_user_dirs ();
  ui_test_init (&argc, &argv);
  g_test_add ("/ui/editor/author-card", Fixture, NULL, fixture_set_up, test_author_card, fixture_tear_down);
  g_test_add ("/ui/editor/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add_func ("/ui/editor/kill-after-typing", test_kill_after_typing);
  g_test_add ("/ui/editor/session", Fixture, NULL, fixture_set_up, test_session, fixture_tear_down);
  g_test_add_func ("/ui/editor/kazakh", test_kazakh);
  g_test_add_func ("/ui/editor/new-and-import", test_new_and_import);
  g_test_add ("/ui/editor/switch-reuses-editors", Fixture, NULL, fixture_set_up, test_switch_reuses_editors,
              fixture_tear_down);
  g_test_add ("/ui/editor/oked-picker", Fixture, NULL, fixture_set_up, test_oked_picker, fixture_tear_down);
  g_test_add ("/ui/editor/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/ui/editor/accessible-names", Fixture, NULL, fixture_set_up, test_accessible_names, fixture_tear_down);
  if (g_getenv ("KASIP_TEST_CRASH_WORKSPACE"))
    g_test_add_func ("/ui/editor/crash-child", crash_child);
  status = g_test_run ();
  if (home)
    remove_tree (home);
  return status;
}
