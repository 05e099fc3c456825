/* ksp-window-search.c: finding in the window — Ctrl+F shows the outline's search bar (both languages,
 * every field, next / previous, the outline filtered to the matches), Ctrl+L asks for a card's number or
 * code and goes there. What matches is the model's (model/ksp-search.c).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ksp-outline-view.h"
#include "ksp-search.h"
#include "ksp-window-private.h"

typedef struct
{
  KspWindow *window;   /* not a reference: this lives as the window's data */
  GtkWidget *popover;  /* "Go to": parented to the outline */
  GtkWidget *entry;
  GtkWidget *message;
} Search;

static void
search_free (Search *se)
{
  g_free (se);
}

static Search *
get (KspWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "ksp-search");
}

static void
find_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  Search *se = user_data;

  if (ksp_window_get_document (se->window))
    ksp_outline_view_start_search (ksp_window_get_outline (se->window));
}

static void
on_go_to_activate (Search *se)
{
  KspDocument *doc = ksp_window_get_document (se->window);
  const char *what = gtk_editable_get_text (GTK_EDITABLE (se->entry));
  KspNode *node = doc ? ksp_search_go_to (ksp_document_get_root (doc), what) : NULL;

  if (node && ksp_window_select_element (se->window, ksp_node_get_id (node)))
    {
      gtk_popover_popdown (GTK_POPOVER (se->popover));
      ksp_outline_view_focus_selected (ksp_window_get_outline (se->window));
      return;
    }
  {
    /* Translators: "Go to" found nothing; %s is what the user typed */
    g_autofree char *text = g_strdup_printf (_("No card or element “%s”"), what);
    gtk_label_set_text (GTK_LABEL (se->message), text);
    gtk_widget_add_css_class (se->entry, "error");
  }
}

static void
on_go_to_changed (Search *se)
{
  gtk_label_set_text (GTK_LABEL (se->message), _("A card’s number, its occupation or group code, or an ID"));
  gtk_widget_remove_css_class (se->entry, "error");
}

static void
ensure_popover (Search *se)
{
  GtkWidget *box, *title;

  if (se->popover)
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  title = gtk_label_new (_("Go to Card"));
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  se->entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (se->entry), _("9 or 5320-2-003"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (se->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Go to card"), -1);
  gtk_editable_set_width_chars (GTK_EDITABLE (se->entry), 28);
  se->message = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (se->message), 0);
  gtk_label_set_wrap (GTK_LABEL (se->message), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (se->message), 32);
  gtk_widget_add_css_class (se->message, "dim-label");
  gtk_widget_add_css_class (se->message, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), se->entry);
  gtk_box_append (GTK_BOX (box), se->message);
  g_signal_connect_swapped (se->entry, "activate", G_CALLBACK (on_go_to_activate), se);
  g_signal_connect_swapped (se->entry, "changed", G_CALLBACK (on_go_to_changed), se);

  se->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (se->popover), box);
  gtk_popover_set_position (GTK_POPOVER (se->popover), GTK_POS_BOTTOM);
  gtk_widget_set_parent (se->popover, GTK_WIDGET (ksp_window_get_outline (se->window)));
  on_go_to_changed (se);
}

static void
go_to_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  Search *se = user_data;
  GtkWidget *outline = GTK_WIDGET (ksp_window_get_outline (se->window));
  GdkRectangle at = { 0, 0, gtk_widget_get_width (outline), 1 };

  if (ksp_window_get_document (se->window) == NULL)
    return;
  ensure_popover (se);
  gtk_popover_set_pointing_to (GTK_POPOVER (se->popover), &at);
  gtk_editable_set_text (GTK_EDITABLE (se->entry), "");
  gtk_popover_popup (GTK_POPOVER (se->popover));
  gtk_widget_grab_focus (se->entry);
}

static const GActionEntry search_actions[] = {
  { "find", find_activated },
  { "go-to", go_to_activated },
};

/**
 * _ksp_window_search_update:
 *
 * Enables Find and Go to when a standard is open.
 */
void
_ksp_window_search_update (KspWindow *window)
{
  Search *se = get (window);
  gboolean open = ksp_window_get_document (window) != NULL;

  if (se == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (search_actions); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (window),
                                                                              search_actions[i].name)), open);
}

/* Lets go of the popover while the outline it is attached to is still there. */
void
_ksp_window_search_dispose (KspWindow *window)
{
  Search *se = get (window);

  if (se && se->popover)
    {
      gtk_widget_unparent (se->popover);
      se->popover = NULL;
    }
}

/**
 * _ksp_window_search_setup:
 *
 * Gives @window the "find" and "go-to" actions (their keys are in ksp-window-keys.c).
 */
void
_ksp_window_search_setup (KspWindow *window)
{
  Search *se = g_new0 (Search, 1);

  se->window = window;
  g_object_set_data_full (G_OBJECT (window), "ksp-search", se, (GDestroyNotify) search_free);
  g_action_map_add_action_entries (G_ACTION_MAP (window), search_actions, G_N_ELEMENTS (search_actions), se);
  _ksp_window_search_update (window);
}
