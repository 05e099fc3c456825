/* test-shared.c: two editor windows on one shared (PostgreSQL) workspace — issue 17.3/17.4
 *
 * Run through tests/store/with-postgres.sh (KASIP_TEST_PG_URI: an empty database of a throw-away server).
 * Each window has its own connection, as two people on two machines have. An edit stored in one appears in
 * the other within a second, in its form and its outline; a value typed over in one while the other
 * stored another keeps the typed text, and the conflict dialog shows both and who changed it; keeping
 * mine stores it and the other window follows. The server stopped mid-edit: what is typed stays, a bar says
 * it is kept, and it is stored when the server is back (Try Again). Screenshots: shared-*.png in the build
 * folder.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ksp-element-form.h"
#include "ksp-field-editor.h"
#include "ksp-outline-view.h"
#include "ksp-sample.h"
#include "ksp-window.h"
#include "ksp-workspace.h"
#include "ui-test-util.h"

static const char *uri;

static KspWindow *
open_window (int x)
{
  g_autoptr (GError) error = NULL;
  KspWindow *window = g_object_new (KSP_TYPE_WINDOW, "default-width", 1000, "default-height", 700, NULL);

  g_assert_true (ksp_window_open_workspace (window, uri, &error));
  g_assert_no_error (error);
  wait_for_window (window);
  return window;
}

/* Iterates until @input shows @text (at most 3 s); returns the milliseconds it took, -1 if never. */
static double
wait_for_text (GtkWidget  *input,
               const char *text)
{
  gint64 start = g_get_monotonic_time ();

  while (g_get_monotonic_time () - start < 3 * G_USEC_PER_SEC)
    {
      g_autofree char *shown = input_text (input);
      if (g_strcmp0 (shown, text) == 0)
        return (g_get_monotonic_time () - start) / 1000.0;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return -1;
}

static void
test_two_windows (void)
{
  g_autoptr (GError) error = NULL;
  KspWindow *a = open_window (0), *b = open_window (1);
  KspNode *card_a, *card_b;
  GtkWidget *input_a, *input_b;
  AdwMessageDialog *dialog;
  double ms;

  /* both on the same card */
  card_a = find_kind (ksp_document_get_root (ksp_window_get_document (a)), "card");
  g_assert_nonnull (card_a);
  ksp_window_select_element (a, ksp_node_get_id (card_a));
  ksp_window_select_element (b, ksp_node_get_id (card_a));
  iterate_for (300);
  card_b = ksp_document_lookup (ksp_window_get_document (b), ksp_node_get_id (card_a));
  g_assert_true (card_a != card_b);   /* two sessions, two trees */

  /* 0. presence: each window's outline shows that the other has the card open */
  {
    gint64 start = g_get_monotonic_time ();
    const char *marks = NULL;

    while (g_get_monotonic_time () - start < 3 * G_USEC_PER_SEC)
      {
        marks = ksp_outline_view_get_marks_text (ksp_window_get_outline (a), card_a);
        if (marks && strstr (marks, "open by"))
          break;
        g_main_context_iteration (NULL, FALSE);
        g_usleep (2000);
      }
    g_test_message ("the other window's presence shown after %.0f ms: %s",
                    (g_get_monotonic_time () - start) / 1000.0, marks);
    g_assert_nonnull (marks);
    g_assert_nonnull (strstr (marks, "◆ open by "));
    iterate_for (300);
    marks = ksp_outline_view_get_marks_text (ksp_window_get_outline (b), card_b);
    g_assert_nonnull (marks);
    g_assert_nonnull (strstr (marks, "◆ open by "));
    save_screenshot (a, "shared-a-presence.png");
  }

  /* 1. an edit stored in A appears in B within a second */
  type_into (a, "profession_name", KSP_LANG_KK, "Жеке көмекші (ортақ)");
  input_b = editor_input (b, "profession_name", KSP_LANG_KK);
  ms = wait_for_text (input_b, "Жеке көмекші (ортақ)");
  g_test_message ("A's edit shown in B after %.0f ms", ms);
  g_assert_cmpfloat (ms, >=, 0);
  g_assert_cmpfloat (ms, <, 1000);
  g_assert_cmpstr (ksp_node_get_value (card_b, "profession_name", KSP_LANG_KK), ==, "Жеке көмекші (ортақ)");
  save_screenshot (a, "shared-a-typed.png");
  save_screenshot (b, "shared-b-follows.png");

  /* 2. B types over the Russian name (not stored yet) while A stores another: B's text stays */
  input_a = editor_input (a, "profession_name", KSP_LANG_RU);
  input_b = editor_input (b, "profession_name", KSP_LANG_RU);
  gtk_widget_grab_focus (input_b);
  set_input (input_b, "Помощник (вариант B, печатается)");
  type_into (a, "profession_name", KSP_LANG_RU, "Помощник (вариант A)");
  iterate_for (1000);
  {
    g_autofree char *shown = input_text (input_b);
    g_assert_cmpstr (shown, ==, "Помощник (вариант B, печатается)");   /* not disturbed */
  }
  g_assert_cmpstr (ksp_node_get_value (card_b, "profession_name", KSP_LANG_RU), ==, "Помощник (вариант A)");

  /* B stores: the conflict dialog shows theirs and mine; nothing is written yet */
  g_assert_false (ksp_element_form_commit (ksp_window_get_form (b)));
  iterate_for (300);
  dialog = find_message_dialog (b);
  g_assert_nonnull (dialog);
  g_assert_true (has_label (GTK_WIDGET (dialog), "Помощник (вариант A)"));
  g_assert_true (has_label (GTK_WIDGET (dialog), "Помощник (вариант B, печатается)"));
  g_assert_true (has_label_prefix (GTK_WIDGET (dialog), "Theirs ("));
  save_widget_screenshot (GTK_WIDGET (dialog), "shared-b-conflict.png");
  {
    g_autofree char *shown = input_text (input_b);
    g_assert_cmpstr (shown, ==, "Помощник (вариант B, печатается)");
  }

  /* Keep Mine: stored over theirs, and A follows */
  adw_message_dialog_response (dialog, "mine");
  iterate_for (200);
  g_assert_cmpstr (ksp_node_get_value (card_b, "profession_name", KSP_LANG_RU), ==,
                   "Помощник (вариант B, печатается)");
  ms = wait_for_text (input_a, "Помощник (вариант B, печатается)");
  g_test_message ("B's kept text shown in A after %.0f ms", ms);
  g_assert_cmpfloat (ms, >=, 0);
  g_assert_cmpfloat (ms, <, 1000);
  save_screenshot (a, "shared-a-after-conflict.png");

  /* 3. a structure change: a skill A adds appears in B's outline */
  {
    KspNode *function_a = find_kind (card_a, "function");
    g_autoptr (KspNode) skill = ksp_node_new ("skill", NULL);
    gint64 start = g_get_monotonic_time ();
    KspNode *function_b = ksp_document_lookup (ksp_window_get_document (b), ksp_node_get_id (function_a));
    guint n = ksp_node_get_n_children (function_b);

    ksp_node_set_value (skill, "name", KSP_LANG_RU, "Навык из окна A");
    g_assert_true (ksp_document_insert_node (ksp_window_get_document (a), function_a, 0, skill, &error));
    g_assert_no_error (error);
    while (ksp_node_get_n_children (function_b) == n && g_get_monotonic_time () - start < 3 * G_USEC_PER_SEC)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (ksp_node_get_n_children (function_b), ==, n + 1);
    ksp_window_select_element (b, ksp_node_get_id (skill));
    iterate_for (300);
    g_assert_cmpstr (ksp_node_get_id (selected_node (b)), ==, ksp_node_get_id (skill));
    save_screenshot (b, "shared-b-new-skill.png");
  }

  gtk_window_destroy (GTK_WINDOW (a));
  gtk_window_destroy (GTK_WINDOW (b));
  iterate_for (100);
}

static void
server (const char *what)
{
  const char *ctl = g_getenv ("KASIP_TEST_PG_CTL");
  g_autofree char *command = g_strdup_printf ("%s %s", ctl, what);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_nonnull (ctl);
  /* what pg_ctl says is not the test's TAP output */
  g_assert_true (g_spawn_command_line_sync (command, &out, &err, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static char *
stored_value (const char *id,
              const char *field,
              KspLang     lang)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = ksp_store_open_uri (uri, KSP_STORE_OPEN_READ_ONLY, &error);
  g_autoptr (GPtrArray) standards = NULL;
  g_autoptr (KspNode) root = NULL;

  g_assert_no_error (error);
  standards = ksp_store_list_standards (store, &error);
  g_assert_no_error (error);
  root = ksp_store_load_tree (store, ((KspStandardInfo *) g_ptr_array_index (standards, 0))->draft_tree, &error);
  g_assert_no_error (error);
  return g_strdup (ksp_node_get_value (ksp_node_find_descendant (root, id), field, lang));
}

/* Issue 17.5: the server goes away mid-edit; nothing typed is lost. */
static void
test_outage (void)
{
  KspWindow *a = open_window (0);
  KspNode *card = find_kind (ksp_document_get_root (ksp_window_get_document (a)), "card");
  KspNode *function = find_kind (card, "function");
  GtkWidget *input;
  g_autofree char *purpose = NULL;
  g_autofree char *name = NULL;

  ksp_window_select_element (a, ksp_node_get_id (card));
  iterate_for (300);
  type_into (a, "purpose", KSP_LANG_RU, "Цель до отключения");

  server ("stop");
  input = editor_input (a, "purpose", KSP_LANG_RU);
  set_input (input, "Цель, набранная без сервера");
  g_assert_false (ksp_element_form_commit (ksp_window_get_form (a)));
  iterate_for (200);
  {
    g_autofree char *shown = input_text (input);
    g_assert_cmpstr (shown, ==, "Цель, набранная без сервера");   /* the text stays in the field */
  }
  g_assert_true (has_label (GTK_WIDGET (a), "The connection to the server was lost. 1 change you typed is kept and "
                                            "will be stored when the server is back."));
  save_screenshot (a, "shared-outage.png");
  /* another field, another element: both kept though the form moves on */
  ksp_window_select_element (a, ksp_node_get_id (function));
  iterate_for (300);
  set_input (editor_input (a, "name", KSP_LANG_RU), "Функция без сервера");
  g_assert_false (ksp_element_form_commit (ksp_window_get_form (a)));
  iterate_for (100);
  g_assert_true (has_label_prefix (GTK_WIDGET (a), "The connection to the server was lost. 2 changes"));
  ksp_window_select_element (a, ksp_node_get_id (card));
  iterate_for (300);

  server ("start");
  click (find_button (GTK_WIDGET (a), "_Try Again"));
  iterate_for (300);
  g_assert_false (has_label_prefix (GTK_WIDGET (a), "The connection to the server was lost"));
  purpose = stored_value (ksp_node_get_id (card), "purpose", KSP_LANG_RU);
  name = stored_value (ksp_node_get_id (function), "name", KSP_LANG_RU);
  g_assert_cmpstr (purpose, ==, "Цель, набранная без сервера");
  g_assert_cmpstr (name, ==, "Функция без сервера");
  {
    g_autofree char *shown = input_text (editor_input (a, "purpose", KSP_LANG_RU));
    g_assert_cmpstr (shown, ==, "Цель, набранная без сервера");
  }
  save_screenshot (a, "shared-outage-back.png");
  gtk_window_destroy (GTK_WINDOW (a));
  iterate_for (100);
}

/* Issue 17.5: a session that ended without closing while the server was away left its typed changes in its
 * outbox file; the next window on that workspace stores them. */
static void
test_outbox_after_crash (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "kasip", "outbox", NULL);
  g_autofree char *path = g_build_filename (dir, "4194300.ini", NULL);   /* a process that is not there */
  g_autofree char *stored = NULL;
  g_autofree char *card_id = NULL;
  g_autofree char *standard_id = NULL;
  KspWindow *a;

  {
    /* what a crashed editor would have written: the card's purpose typed while the server was away */
    g_autoptr (KspStore) store = ksp_store_open_uri (uri, KSP_STORE_OPEN_READ_ONLY, &error);
    g_autoptr (GPtrArray) standards = ksp_store_list_standards (store, &error);
    g_autoptr (KspNode) root = ksp_store_load_tree (store, ((KspStandardInfo *) standards->pdata[0])->draft_tree,
                                                   &error);
    g_assert_no_error (error);
    card_id = g_strdup (ksp_node_get_id (find_kind (root, "card")));
    standard_id = g_strdup (ksp_node_get_id (root));
    g_key_file_set_string (file, "change 1", "workspace", ksp_store_get_location (store));
    g_key_file_set_string (file, "change 1", "standard", standard_id);
    g_key_file_set_string (file, "change 1", "element", card_id);
    g_key_file_set_string (file, "change 1", "field", "purpose");
    g_key_file_set_string (file, "change 1", "lang", "kk");
    g_key_file_set_string (file, "change 1", "text", "Сервер жоқта терілген мақсат");
    g_key_file_set_string (file, "change 1", "name", "Қызметтің негізгі мақсаты (Kazakh)");
  }
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_key_file_save_to_file (file, path, &error));

  a = open_window (0);
  iterate_for (300);
  stored = stored_value (card_id, "purpose", KSP_LANG_KK);
  g_assert_cmpstr (stored, ==, "Сервер жоқта терілген мақсат");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));   /* taken, not offered again */
  gtk_window_destroy (GTK_WINDOW (a));
  iterate_for (100);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = NULL;

  uri = g_getenv ("KASIP_TEST_PG_URI");
  ui_test_init (&argc, &argv);
  if (uri == NULL || !g_str_has_prefix (uri, "postgresql:"))
    {
      g_test_skip ("no PostgreSQL server: run through tests/store/with-postgres.sh");
      return g_test_run ();
    }
  home = isolate_user_dirs ();   /* the outbox and session notes of these windows only */
  {
    /* the shared workspace, with the sample, made as `kasip sample` would */
    g_autoptr (GError) error = NULL;
    g_autoptr (KspStore) store = ksp_store_open_uri (uri, KSP_STORE_OPEN_CREATE, &error);
    g_autoptr (KspNode) sample = ksp_sample_new_document ();

    g_assert_no_error (error);
    g_assert_cmpint (ksp_store_add_standard (store, sample, &error), >, 0);
    g_assert_no_error (error);
    ksp_store_close (store);
  }
  g_test_add_func ("/ui/shared/two-windows", test_two_windows);
  g_test_add_func ("/ui/shared/outage", test_outage);
  g_test_add_func ("/ui/shared/outbox-after-crash", test_outbox_after_crash);
  {
    int status = g_test_run ();
    remove_tree (home);
    return status;
  }
}
