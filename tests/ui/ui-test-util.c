/* ui-test-util.c: see ui-test-util.h */
#include "config.h"

#include <glib/gi18n.h>

#include "ksp-element-form.h"
#include "ksp-field-editor.h"
#include "ksp-outline-view.h"
#include "ui-test-util.h"

#include "ksp-sample.h"
#include "ksp-store.h"

#include <glib/gstdio.h>
#include <dlfcn.h>
#include <gdk/x11/gdkx.h>

void
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

void
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

/* A PNG of @widget (a window, or a popover: it has its own surface) in the build folder. */
void
save_widget_screenshot (GtkWidget  *widget,
                        const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  int w, h;

  gtk_test_widget_wait_for_draw (widget);
  iterate_for (100);
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  g_assert_cmpint (w, >, 0);
  g_assert_cmpint (h, >, 0);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

void
save_screenshot (KspWindow  *window,
                 const char *name)
{
  save_widget_screenshot (GTK_WIDGET (window), name);
}

KspNode *
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
gboolean
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

gboolean
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
void
activate_entry (GtkWidget *entry)
{
  g_assert_true (GTK_IS_ENTRY (entry));
  g_signal_emit_by_name (entry, "activate");
}

GtkWidget *
editor_input (KspWindow  *window,
              const char *field,
              KspLang     lang)
{
  KspFieldEditor *editor = ksp_element_form_get_editor (ksp_window_get_form (window), field, lang);

  g_assert_nonnull (editor);
  return ksp_field_editor_get_input (editor);
}

char *
text_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The text of an editor's entry or text view. */
char *
input_text (GtkWidget *input)
{
  if (GTK_IS_TEXT_VIEW (input))
    return text_view_text (input);
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (input)));
}

/* Replaces the text of an editor's entry or text view, as typing does (not committed yet). */
void
set_input (GtkWidget  *input,
           const char *text)
{
  if (GTK_IS_TEXT_VIEW (input))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (input), text);
}

GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget_of_type (c, type);
      if (found)
        return found;
    }
  return NULL;
}

/* Types @text into the field @field (language @lang) of the selected element and stores it. */
void
type_into (KspWindow  *window,
           const char *field,
           KspLang     lang,
           const char *text)
{
  set_input (editor_input (window, field, lang), text);
  g_assert_true (ksp_element_form_commit (ksp_window_get_form (window)));
}

KspNode *
selected_node (KspWindow *window)
{
  KspNode *node = ksp_outline_view_get_selected (ksp_window_get_outline (window));
  g_assert_nonnull (node);
  return node;
}

void
element_action (KspWindow  *window,
                const char *name,
                const char *kind)
{
  g_autofree char *full = g_strconcat ("element.", name, NULL);
  GActionGroup *group = ksp_window_get_element_actions (window);

  g_assert_nonnull (group);
  g_assert_true (g_action_group_get_action_enabled (group, name));
  if (kind)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ksp_window_get_outline (window)), full, "s", kind));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ksp_window_get_outline (window)), full, NULL));
  iterate_for (20);
}


/* Runs the main loop until the checks started by the last edits (in a worker) have reported. */
void
wait_for_checks (KspWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (ksp_window_is_checking (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (ksp_window_is_checking (window));
}

/* The AdwMessageDialog over @window, if any (transfer none; destroy it when done). */
AdwMessageDialog *
find_message_dialog (KspWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (window))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

/* Points the user's folders (data, config, cache, state) at a new temporary home, for this process and
 * the ones it starts. Not G_TEST_OPTION_ISOLATE_DIRS: gtk_test_init() ignores its options, and that
 * option would also hide XDG_DATA_DIRS, hence the icons and GSettings schemas the screenshots need.
 * Returns: (transfer full): the home, to remove at the end */
char *
isolate_user_dirs (void)
{
  static const char *const vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  char *home = g_dir_make_tmp ("kasip-ui-home-XXXXXX", NULL);

  g_assert_nonnull (home);
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *dir = g_build_filename (home, vars[i], NULL);
      g_mkdir (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }
  return home;
}

/* Removes @path and, for a folder, all under it. */
void
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

/* Keys as the X server delivers them (XTest, loaded at run time: the tests link no X library). */
typedef int (*FakeKeyFunc) (Display *display, unsigned int keycode, Bool is_press, unsigned long delay);
typedef KeyCode (*KeysymToKeycodeFunc) (Display *display, KeySym keysym);
typedef int (*FlushFunc) (Display *display);
typedef int (*SetInputFocusFunc) (Display *display, Window focus, int revert_to, Time time);
typedef int (*FakeMotionFunc) (Display *display, int screen, int x, int y, unsigned long delay);
typedef int (*FakeButtonFunc) (Display *display, unsigned int button, Bool is_press, unsigned long delay);
typedef Bool (*TranslateFunc) (Display *display, Window src, Window dest, int src_x, int src_y, int *dest_x,
                               int *dest_y, Window *child);

static void *
x_symbol (const char *library,
          const char *name)
{
  void *handle = dlopen (library, RTLD_NOW);
  void *symbol;

  g_assert_nonnull (handle); /* Debian: libxtst6 (tools/install-deps.sh) */
  symbol = dlsym (handle, name);
  g_assert_nonnull (symbol);
  return symbol;
}

/* The tree expander of @node's row in the outline, or %NULL when the row is not shown. */
static GtkWidget *
row_of (GtkWidget *widget,
        KspNode   *node)
{
  if (GTK_IS_TREE_EXPANDER (widget))
    {
      GtkTreeListRow *row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (widget));
      g_autoptr (GObject) item = row ? gtk_tree_list_row_get_item (row) : NULL;
      if (item == (GObject *) node && gtk_widget_get_mapped (widget))
        return widget;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = row_of (c, node);
      if (found)
        return found;
    }
  return NULL;
}

/* Where (@fx, @fy: fractions of its size) in @row is on the screen. */
static void
screen_point (KspWindow *window,
              GtkWidget *row,
              double     fx,
              double     fy,
              int       *x,
              int       *y)
{
  static TranslateFunc translate;
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (window)));
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  graphene_rect_t bounds;
  double sx = 0, sy = 0;
  Window child;
  int rx = 0, ry = 0;

  if (translate == NULL)
    translate = x_symbol ("libX11.so.6", "XTranslateCoordinates");
  g_assert_true (gtk_widget_compute_bounds (row, GTK_WIDGET (window), &bounds));
  /* the window's widget coordinates start inside its surface by the shadow/frame */
  gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
  translate (display, xid, DefaultRootWindow (display), 0, 0, &rx, &ry, &child);
  *x = rx + (int) (sx + bounds.origin.x + bounds.size.width * fx);
  *y = ry + (int) (sy + bounds.origin.y + bounds.size.height * fy);
}

/**
 * drag_row:
 * @fy: where on @target's row to drop, from 0 (top) to 1 (bottom)
 *
 * Drags @node's row in the outline onto @target's row with the mouse, through the X server (XTest):
 * press, move in steps (a screenshot at the last step shows the drop target when @screenshot is given),
 * release.
 */
void
drag_row (KspWindow  *window,
          KspNode    *node,
          KspNode    *target,
          double      fy,
          const char *screenshot)
{
  static FakeMotionFunc motion;
  static FakeButtonFunc button;
  static FlushFunc flush;
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (window)));
  GtkWidget *outline = GTK_WIDGET (ksp_window_get_outline (window));
  GtkWidget *from = row_of (outline, node), *to = row_of (outline, target);
  int x0, y0, x1, y1;

  if (motion == NULL)
    {
      motion = x_symbol ("libXtst.so.6", "XTestFakeMotionEvent");
      button = x_symbol ("libXtst.so.6", "XTestFakeButtonEvent");
      flush = x_symbol ("libX11.so.6", "XFlush");
    }
  g_assert_nonnull (from);
  g_assert_nonnull (to);
  screen_point (window, from, 0.3, 0.5, &x0, &y0);
  screen_point (window, to, 0.3, fy, &x1, &y1);
  motion (display, -1, x0, y0, 0);
  flush (display);
  iterate_for (100);
  button (display, 1, True, 0);
  flush (display);
  iterate_for (100);
  for (int i = 1; i <= 10; i++)
    {
      /* the list scrolls by itself when the pointer nears its edge: aim at where the row is now */
      if ((to = row_of (outline, target)) != NULL)
        screen_point (window, to, 0.3, fy, &x1, &y1);
      motion (display, -1, x0 + (x1 - x0) * i / 10, y0 + (y1 - y0) * i / 10, 0);
      flush (display);
      iterate_for (60);
    }
  for (int i = 0; i < 3; i++)
    {
      iterate_for (100);
      if ((to = row_of (outline, target)) != NULL)
        screen_point (window, to, 0.3, fy, &x1, &y1);
      motion (display, -1, x1, y1, 0);
      flush (display);
    }
  iterate_for (100);
  if (screenshot)
    save_screenshot (window, screenshot);
  button (display, 1, False, 0);
  flush (display);
  iterate_for (300);
}

/**
 * press_keys:
 * @keyval: the key, e.g. GDK_KEY_F8
 * @mods: the modifiers held meanwhile (Control, Shift, Alt)
 *
 * Presses and releases the key in @window as the keyboard would, through the X server (XTest), and runs
 * the main loop until GTK has handled it. The window gets the X input focus first (Xvfb has no window
 * manager to give it).
 */
void
press_keys (gpointer         window,   /* any GtkWindow: the editor's, or one of its dialogs */
            guint            keyval,
            GdkModifierType  mods)
{
  static FakeKeyFunc fake_key;
  static KeysymToKeycodeFunc to_keycode;
  static FlushFunc flush;
  static SetInputFocusFunc set_focus;
  GdkDisplay *gdisplay = gtk_widget_get_display (GTK_WIDGET (window));
  Display *display;
  Window xid;
  const struct { GdkModifierType mask; KeySym sym; } modifiers[] = {
    { GDK_CONTROL_MASK, XK_Control_L }, { GDK_SHIFT_MASK, XK_Shift_L }, { GDK_ALT_MASK, XK_Alt_L },
  };

  if (fake_key == NULL)
    {
      void *xtst = dlopen ("libXtst.so.6", RTLD_NOW);
      void *x11 = dlopen ("libX11.so.6", RTLD_NOW);
      g_assert_nonnull (xtst); /* Debian: libxtst6 (tools/install-deps.sh) */
      g_assert_nonnull (x11);
      fake_key = (FakeKeyFunc) dlsym (xtst, "XTestFakeKeyEvent");
      to_keycode = (KeysymToKeycodeFunc) dlsym (x11, "XKeysymToKeycode");
      flush = (FlushFunc) dlsym (x11, "XFlush");
      set_focus = (SetInputFocusFunc) dlsym (x11, "XSetInputFocus");
      g_assert_true (fake_key && to_keycode && flush && set_focus);
    }
  g_assert_true (GDK_IS_X11_DISPLAY (gdisplay));
  display = gdk_x11_display_get_xdisplay (gdisplay);
  xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  set_focus (display, xid, RevertToParent, CurrentTime);
  for (guint i = 0; i < G_N_ELEMENTS (modifiers); i++)
    if (mods & modifiers[i].mask)
      fake_key (display, to_keycode (display, modifiers[i].sym), True, 0);
  fake_key (display, to_keycode (display, keyval), True, 0);
  fake_key (display, to_keycode (display, keyval), False, 0);
  for (guint i = G_N_ELEMENTS (modifiers); i > 0; i--)
    if (mods & modifiers[i - 1].mask)
      fake_key (display, to_keycode (display, modifiers[i - 1].sym), False, 0);
  flush (display);
  iterate_for (150);
}

/* The first mapped GtkLabel showing @text under @widget, or %NULL. */
GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);
      if (found)
        return found;
    }
  return NULL;
}

/* A workspace at @path holding the sample standard (model/ksp-sample.c). */
void
make_sample_workspace (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = ksp_store_open_uri (path, KSP_STORE_OPEN_CREATE, &error);
  g_autoptr (KspNode) root = ksp_sample_new_document ();

  g_assert_no_error (error);
  g_assert_cmpint (ksp_store_add_standard (store, root, &error), >, 0);
  g_assert_no_error (error);
  ksp_store_close (store);
}

/* A window on a new temporary workspace holding the sample. */
void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kasip-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.kasip", NULL);
  make_sample_workspace (fixture->path);
  fixture->window = g_object_new (KSP_TYPE_WINDOW, "default-width", 1200, "default-height", 760, NULL);
  g_assert_true (ksp_window_open_workspace (fixture->window, fixture->path, &error));
  g_assert_no_error (error);
  /* the editor is the OS account; the tests work as "ui-test", as a file workspace allows */
  g_assert_true (ksp_workspace_set_account (ksp_window_get_workspace (fixture->window), "ui-test", &error));
  wait_for_window (fixture->window);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate_for (50);
  remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* gtk_test_init(), the build's translations (po/, as tools/run-editor.sh uses them), libadwaita and the
 * editor's style sheet (an AdwApplication would load it from its resource path; these windows have none). */
void
ui_test_init (int    *argc,
              char ***argv)
{
  g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();

  gtk_test_init (argc, argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KASIP_LOCALEDIR") ? g_getenv ("KASIP_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  gtk_css_provider_load_from_resource (css, "/kz/gov/enbek/Kasip/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The first button under @widget, shown, whose label is @label (with its mnemonic). */
GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) && gtk_button_get_label (GTK_BUTTON (widget)) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);
      if (found)
        return found;
    }
  return NULL;
}

/* Clicks @button (which must be there and sensitive), then lets the main loop run 300 ms. */
void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate_for (300);
}

static gboolean
on_export_finished (KspWindow  *window,
                    const char *path,
                    const char *error_message,
                    gpointer    user_data)
{
  char **result = user_data;
  *result = g_strdup (error_message ? error_message : "");
  return FALSE;
}

/* Watches the window's next export: *@result becomes "" when written, else the error. */
gulong
watch_export (KspWindow  *window,
              char      **result)
{
  *result = NULL;
  return g_signal_connect (window, "export-finished", G_CALLBACK (on_export_finished), result);
}

/* Runs the main loop until the export watched ends (60 s at most), then stops watching. */
void
wait_export (KspWindow  *window,
             gulong      handler,
             char      **result)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (*result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (window, handler);
}
