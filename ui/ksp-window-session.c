/* ksp-window-session.c: what the window remembers between sessions (GSettings, schema in data/) — its
 * size, the panes, whether the Checks are shown, the workspace open last, and per workspace the standard
 * and the element selected last, so reopening comes back where the drafter was. Without the schema
 * installed (a test, an uninstalled build without GSETTINGS_SCHEMA_DIR) it remembers nothing.
 */
#include "config.h"

#include <adwaita.h>

#include "ksp-outline-view.h"
#include "ksp-window-private.h"

typedef struct
{
  KspWindow *window;   /* not a reference: this lives as the window's data */
  GSettings *settings;
  guint      save_source; /* a selection to remember, after a pause */
} Session;

static void
session_free (Session *se)
{
  g_clear_handle_id (&se->save_source, g_source_remove);
  g_clear_object (&se->settings);
  g_free (se);
}

static Session *
get (KspWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "ksp-session");
}

/**
 * _ksp_window_session_settings:
 * Returns: (transfer full) (nullable): the editor's settings, %NULL when their schema is not installed
 */
GSettings *
_ksp_window_session_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  return schema ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

/**
 * _ksp_window_session_save_place:
 *
 * Remembers the open standard and the selected element of the open workspace (when the window closes or
 * opens another workspace).
 */
void
_ksp_window_session_save_place (KspWindow *window)
{
  Session *se = get (window);
  KspStore *store = ksp_window_get_store (window);
  const char *handle = _ksp_window_get_standard_handle (window);
  KspNode *node = ksp_outline_view_get_selected (ksp_window_get_outline (window));
  g_autoptr (GVariant) old = NULL;
  GVariantBuilder places;
  GVariantIter iter;
  const char *key, *h, *id;

  if (se)
    g_clear_handle_id (&se->save_source, g_source_remove);
  if (se == NULL || se->settings == NULL || store == NULL || handle == NULL)
    return;
  g_variant_builder_init (&places, G_VARIANT_TYPE ("a{s(ss)}"));
  old = g_settings_get_value (se->settings, "places");
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s(&s&s)}", &key, &h, &id))
    if (g_strcmp0 (key, ksp_store_get_location (store)) != 0)
      g_variant_builder_add (&places, "{s(ss)}", key, h, id);
  g_variant_builder_add (&places, "{s(ss)}", ksp_store_get_location (store), handle,
                         node ? ksp_node_get_id (node) : "");
  g_settings_set_value (se->settings, "places", g_variant_builder_end (&places));
  g_settings_set_string (se->settings, "last-workspace", ksp_store_get_location (store));
}

static gboolean
save_place_cb (gpointer user_data)
{
  Session *se = user_data;

  se->save_source = 0;
  _ksp_window_session_save_place (se->window);
  return G_SOURCE_REMOVE;
}

/**
 * _ksp_window_session_place_changed:
 *
 * The selection changed: it is remembered a second later (not at every click of a walk through the
 * outline), so that it also survives a session that ends without closing.
 */
void
_ksp_window_session_place_changed (KspWindow *window)
{
  Session *se = get (window);

  if (se == NULL || se->settings == NULL)
    return;
  g_clear_handle_id (&se->save_source, g_source_remove);
  se->save_source = g_timeout_add_seconds (1, save_place_cb, se);
}

/**
 * _ksp_window_session_restore_place:
 *
 * Opens the standard and selects the element remembered for the workspace just opened.
 */
void
_ksp_window_session_restore_place (KspWindow *window)
{
  Session *se = get (window);
  KspStore *store = ksp_window_get_store (window);
  g_autoptr (GVariant) places = NULL;
  const char *handle = NULL, *id = NULL;

  if (se == NULL || se->settings == NULL || store == NULL)
    return;
  places = g_settings_get_value (se->settings, "places");
  if (!g_variant_lookup (places, ksp_store_get_location (store), "(&s&s)", &handle, &id))
    return;
  if (_ksp_window_select_standard (window, handle) && id && *id)
    ksp_window_select_element (window, id);
}

static gboolean
on_close_request (GtkWindow *gtk_window,
                  Session   *se)
{
  KspWindow *window = KSP_WINDOW (gtk_window);
  int width = 0, height = 0;

  gtk_window_get_default_size (gtk_window, &width, &height);
  if (!gtk_window_is_maximized (gtk_window) && width > 0 && height > 0)
    {
      g_settings_set_int (se->settings, "window-width", width);
      g_settings_set_int (se->settings, "window-height", height);
    }
  g_settings_set_boolean (se->settings, "window-maximized", gtk_window_is_maximized (gtk_window));
  g_settings_set_int (se->settings, "outline-width", gtk_paned_get_position (_ksp_window_get_outline_paned (window)));
  g_settings_set_int (se->settings, "checks-position", gtk_paned_get_position (_ksp_window_get_checks_paned (window)));
  {
    g_autoptr (GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-checks");
    g_settings_set_boolean (se->settings, "show-checks", state && g_variant_get_boolean (state));
  }
  {
    g_autoptr (GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-review");
    g_settings_set_boolean (se->settings, "show-review", state && g_variant_get_boolean (state));
  }
  _ksp_window_session_save_place (window);
  return FALSE; /* the window closes */
}

/**
 * _ksp_window_session_setup:
 *
 * Gives @window the size, panes and Checks of the last session and remembers them when it closes.
 */
void
_ksp_window_session_setup (KspWindow *window)
{
  Session *se = g_new0 (Session, 1);
  int checks;

  se->window = window;
  se->settings = _ksp_window_session_settings ();
  g_object_set_data_full (G_OBJECT (window), "ksp-session", se, (GDestroyNotify) session_free);
  if (se->settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (window), g_settings_get_int (se->settings, "window-width"),
                               g_settings_get_int (se->settings, "window-height"));
  if (g_settings_get_boolean (se->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (window));
  gtk_paned_set_position (_ksp_window_get_outline_paned (window), g_settings_get_int (se->settings, "outline-width"));
  if ((checks = g_settings_get_int (se->settings, "checks-position")) > 0)
    gtk_paned_set_position (_ksp_window_get_checks_paned (window), checks);
  if (g_settings_get_boolean (se->settings, "show-checks"))
    g_action_group_change_action_state (G_ACTION_GROUP (window), "show-checks", g_variant_new_boolean (TRUE));
  if (g_settings_get_boolean (se->settings, "show-review"))
    g_action_group_change_action_state (G_ACTION_GROUP (window), "show-review", g_variant_new_boolean (TRUE));
  g_signal_connect (window, "close-request", G_CALLBACK (on_close_request), se);
}
