/* test-window.c: the editor window on a sample workspace
 *
 * Opens a KspWindow on a temporary workspace holding the sample standard, selects the card, checks the
 * form against the model, edits through the form's widgets (Enter, the idle commit), undoes and redoes
 * through the window's actions, and checks the read-only state of a second window on the same
 * workspace. Screenshots go to $G_TEST_BUILDDIR/kasip-window*.png.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ksp-element-form.h"
#include "ksp-field-editor.h"
#include "ksp-sample.h"
#include "ksp-store.h"
#include "ksp-window.h"

typedef struct {
  char      *dir;
  char      *path;
  KspWindow *window;
} Fixture;

static void
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
}

static void
wait_for_window (KspWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  iterate_for (200);
}

static void
save_screenshot (KspWindow  *window,
                 const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  int w, h;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  iterate_for (100);
  w = gtk_widget_get_width (GTK_WIDGET (window));
  h = gtk_widget_get_height (GTK_WIDGET (window));
  g_assert_cmpint (w, >, 0);
  g_assert_cmpint (h, >, 0);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static KspNode *
find_kind (KspNode    *node,
           const char *kind)
{
  if (g_str_equal (ksp_node_get_kind (node), kind))
    return node;
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    {
      KspNode *found = find_kind (ksp_node_get_child (node, i), kind);
      if (found)
        return found;
    }
  return NULL;
}

/* Whether a GtkLabel showing @text is in @widget's tree (and drawn). */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

static gboolean
has_label_prefix (GtkWidget  *widget,
                  const char *prefix)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_label_prefix (c, prefix))
      return TRUE;
  return FALSE;
}

/* What pressing Enter in an entry does. */
static void
activate_entry (GtkWidget *entry)
{
  g_assert_true (GTK_IS_ENTRY (entry));
  g_signal_emit_by_name (entry, "activate");
}

static GtkWidget *
editor_input (KspWindow  *window,
              const char *field,
              KspLang     lang)
{
  KspFieldEditor *editor = ksp_element_form_get_editor (ksp_window_get_form (window), field, lang);

  g_assert_nonnull (editor);
  return ksp_field_editor_get_input (editor);
}

static char *
text_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
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
  root = ksp_sample_new_document ();
  g_assert_cmpint (ksp_store_add_standard (store, root, &error), >, 0);
  g_assert_no_error (error);
  ksp_store_close (store);

  fixture->window = g_object_new (KSP_TYPE_WINDOW, "default-width", 1200, "default-height", 760, NULL);
  g_assert_true (ksp_window_open_workspace (fixture->window, fixture->path, &error));
  g_assert_no_error (error);
  wait_for_window (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate_for (50);
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

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
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_input (window, "profession_name", KSP_LANG_RU))),
                   ==, "Индивидуальный помощник");
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
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kk_name)), ==, "");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (kk_name)), ==, "absent");
  activate_entry (kk_name);
  g_assert_null (ksp_node_get_value (card, "profession_name", KSP_LANG_KK));
  gtk_editable_set_text (GTK_EDITABLE (kk_name), "x");
  gtk_editable_set_text (GTK_EDITABLE (kk_name), "");
  activate_entry (kk_name);
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
  gtk_editable_set_text (GTK_EDITABLE (editor_input (window, "title", KSP_LANG_KK)), "Жеке көмекші");
  g_assert_null (ksp_node_get_value (card, "title", KSP_LANG_KK));
  iterate_for (KSP_FIELD_EDITOR_COMMIT_DELAY_MS + 500);
  g_assert_cmpstr (ksp_node_get_value (card, "title", KSP_LANG_KK), ==, "Жеке көмекші");

  gtk_editable_set_text (GTK_EDITABLE (editor_input (window, "title", KSP_LANG_RU)), "Индивидуальный помощник (ЛСИ)");
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
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (50);

  /* Opening it again reuses the file. */
  window = g_object_new (KSP_TYPE_WINDOW, NULL);
  g_assert_true (ksp_window_open_sample (window, &error));
  g_assert_no_error (error);
  g_assert_false (ksp_window_is_read_only (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir)
    {
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GtkCssProvider) css = NULL;

  g_setenv ("KASIP_USER", "ui-test", TRUE);
  g_autofree char *home = g_dir_make_tmp ("kasip-ui-home-XXXXXX", NULL);
  int status;

  /* "Open the sample" writes to the user's data directory: point it at a temporary one. Not
   * G_TEST_OPTION_ISOLATE_DIRS: gtk_test_init() ignores its options, and that option would also hide
   * XDG_DATA_DIRS, hence the icons and GSettings schemas the screenshots need. */
  g_assert_nonnull (home);
  for (guint i = 0; i < 4; i++)
    {
      static const char *const vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
      g_autofree char *dir = g_build_filename (home, vars[i], NULL);
      g_mkdir (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* An AdwApplication loads style.css from its resource base path; these windows have none. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/kz/gov/enbek/Kasip/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/ui/window/edit-undo", Fixture, NULL, fixture_set_up, test_window_edit_undo, fixture_tear_down);
  g_test_add ("/ui/window/read-only", Fixture, NULL, fixture_set_up, test_window_read_only, fixture_tear_down);
  g_test_add ("/ui/window/commit-on-close", Fixture, NULL, fixture_set_up, test_window_commit_on_close,
              fixture_tear_down);
  g_test_add_func ("/ui/window/empty-and-sample", test_window_empty_and_sample);
  status = g_test_run ();
  remove_tree (home);
  return status;
}
