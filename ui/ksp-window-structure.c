/* ksp-window-structure.c: structural editing in the window — the "element" actions (add before, after or
 * inside, duplicate, move up and down, delete), the outline's context menu and their keyboard shortcuts.
 *
 * The rules and the commands are the model's (model/ksp-structure.c): here is only which element is
 * meant (the outline's selection), how to ask (menus, keys, a confirmation for large deletions) and what
 * to show afterwards (the new or moved element, selected).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ksp-element-form.h"
#include "ksp-outline-view.h"
#include "ksp-structure.h"
#include "ksp-window-private.h"

typedef struct
{
  KspWindow          *window;  /* not a reference: this lives as the window's data */
  GSimpleActionGroup *actions;
  GtkWidget          *popover; /* the outline's context menu */
} Structure;

static void
structure_free (Structure *st)
{
  g_clear_object (&st->actions);
  if (st->popover)
    gtk_widget_unparent (st->popover);
  g_free (st);
}

static Structure *
get (KspWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "ksp-structure");
}

static KspNode *
selected (Structure *st)
{
  return ksp_outline_view_get_selected (ksp_window_get_outline (st->window));
}

/* The document to change, with what is being typed stored first; %NULL when nothing can be changed. */
static KspDocument *
writable_document (Structure *st)
{
  KspDocument *doc = ksp_window_get_document (st->window);

  if (doc == NULL || ksp_window_is_read_only (st->window))
    return NULL;
  ksp_element_form_commit (ksp_window_get_form (st->window));
  return doc;
}

static void
report (Structure *st,
        GError    *error)
{
  g_autofree char *text = g_strdup_printf (_("The element could not be changed: %s"), error->message);
  ksp_window_show_error (st->window, text);
}

static void
show (Structure *st,
      KspNode   *node)
{
  if (node)
    ksp_window_select_element (st->window, ksp_node_get_id (node));
  _ksp_window_structure_update (st->window);
}

static void
add (Structure  *st,
     KspPlace    place,
     const char *kind)
{
  KspDocument *doc = writable_document (st);
  KspNode *node = selected (st);
  g_autoptr (GError) error = NULL;
  KspNode *added;

  if (doc == NULL || node == NULL)
    return;
  if (kind == NULL)
    {
      /* No kind asked for: the same kind beside it, or the first kind it may hold. */
      g_autoptr (GPtrArray) kinds = ksp_structure_kinds_for (node, place);
      if (kinds->len == 0)
        return;
      kind = g_ptr_array_index (kinds, 0);
    }
  if ((added = ksp_document_add_element (doc, node, place, kind, &error)) == NULL)
    report (st, error);
  show (st, added);
}

static void
add_after_activated (GSimpleAction *action, GVariant *param, gpointer data)
{
  add (data, KSP_PLACE_AFTER, param ? g_variant_get_string (param, NULL) : NULL);
}

static void
add_before_activated (GSimpleAction *action, GVariant *param, gpointer data)
{
  add (data, KSP_PLACE_BEFORE, param ? g_variant_get_string (param, NULL) : NULL);
}

static void
add_child_activated (GSimpleAction *action, GVariant *param, gpointer data)
{
  add (data, KSP_PLACE_CHILD, param ? g_variant_get_string (param, NULL) : NULL);
}

static void
add_sibling_activated (GSimpleAction *action, GVariant *param, gpointer data)
{
  add (data, KSP_PLACE_AFTER, NULL);
}

static void
add_first_child_activated (GSimpleAction *action, GVariant *param, gpointer data)
{
  add (data, KSP_PLACE_CHILD, NULL);
}

static void
duplicate_activated (GSimpleAction *action, GVariant *param, gpointer data)
{
  Structure *st = data;
  KspDocument *doc = writable_document (st);
  KspNode *node = selected (st);
  g_autoptr (GError) error = NULL;
  KspNode *copy;

  if (doc == NULL || node == NULL)
    return;
  if ((copy = ksp_document_duplicate_element (doc, node, &error)) == NULL)
    report (st, error);
  show (st, copy);
}

static void
move (Structure *st,
      int        delta)
{
  KspDocument *doc = writable_document (st);
  KspNode *node = selected (st);
  g_autoptr (GError) error = NULL;

  if (doc == NULL || node == NULL)
    return;
  if (!ksp_document_move_element_by (doc, node, delta, &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (st->window)); /* already the first or the last */
      return;
    }
  show (st, node);
}

static void
move_up_activated (GSimpleAction *action, GVariant *param, gpointer data)
{
  move (data, -1);
}

static void
move_down_activated (GSimpleAction *action, GVariant *param, gpointer data)
{
  move (data, +1);
}

/* What to select once @node is gone: its next sibling, else the previous one, else its parent. */
static KspNode *
neighbour (KspNode *node)
{
  KspNode *parent = ksp_node_get_parent (node);
  guint i = 0;

  if (parent == NULL || !ksp_node_find_child (parent, node, &i))
    return NULL;
  if (i + 1 < ksp_node_get_n_children (parent))
    return ksp_node_get_child (parent, i + 1);
  if (i > 0)
    return ksp_node_get_child (parent, i - 1);
  return ksp_node_get_parent (parent) ? parent : NULL;
}

static void
delete_now (Structure *st,
            KspNode   *node)
{
  KspDocument *doc = writable_document (st);
  KspNode *next = neighbour (node);
  g_autoptr (GError) error = NULL;

  if (doc == NULL)
    return;
  if (!ksp_document_delete_element (doc, node, &error))
    {
      report (st, error);
      return;
    }
  show (st, next);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Structure        *st)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "ksp-node-id");
  KspDocument *doc = ksp_window_get_document (st->window);
  KspNode *node = doc && id ? ksp_document_lookup (doc, id) : NULL;

  if (node && g_str_equal (response, "delete"))
    delete_now (st, node);
}

static void
delete_activated (GSimpleAction *action, GVariant *param, gpointer data)
{
  Structure *st = data;
  KspNode *node = selected (st);
  guint n;

  if (node == NULL || writable_document (st) == NULL || ksp_node_get_parent (node) == NULL)
    return;
  n = ksp_structure_count (node) - 1;
  if (n + 1 > KSP_STRUCTURE_CONFIRM_DELETE)
    {
      /* A large subtree: name it and what is in it before it goes (undo would bring it back). */
      KspLang lang = ksp_outline_view_get_language (ksp_window_get_outline (st->window));
      g_autofree char *label = ksp_node_dup_label (node, lang);
      g_autofree char *body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "«%s» holds %u element. Undo brings it back.",
                                                            "«%s» holds %u elements. Undo brings them back.", n),
                                               label, n);
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (st->window), _("Delete this element?"), body);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "ksp-node-id", g_strdup (ksp_node_get_id (node)), g_free);
      g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response), st);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  delete_now (st, node);
}

static const GActionEntry element_actions[] = {
  { "add-after", add_after_activated, "s" },
  { "add-before", add_before_activated, "s" },
  { "add-child", add_child_activated, "s" },
  { "add-sibling", add_sibling_activated },
  { "add-first-child", add_first_child_activated },
  { "duplicate", duplicate_activated },
  { "move-up", move_up_activated },
  { "move-down", move_down_activated },
  { "delete", delete_activated },
};

static void
set_enabled (Structure  *st,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (st->actions), name);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/**
 * _ksp_window_structure_update:
 *
 * Enables the element actions that fit the selected element (the window calls it when the selection,
 * the document or its writability changes).
 */
void
_ksp_window_structure_update (KspWindow *window)
{
  Structure *st = get (window);
  KspNode *node;
  gboolean writable;
  KspNode *parent;
  guint index = 0;

  if (st == NULL)
    return;
  node = selected (st);
  writable = node && ksp_window_get_document (window) && !ksp_window_is_read_only (window);
  parent = node ? ksp_node_get_parent (node) : NULL;
  if (parent)
    ksp_node_find_child (parent, node, &index);
  {
    g_autoptr (GPtrArray) after = node ? ksp_structure_kinds_for (node, KSP_PLACE_AFTER) : NULL;
    g_autoptr (GPtrArray) inside = node ? ksp_structure_kinds_for (node, KSP_PLACE_CHILD) : NULL;
    set_enabled (st, "add-after", writable && after->len > 0);
    set_enabled (st, "add-before", writable && after->len > 0);
    set_enabled (st, "add-sibling", writable && after->len > 0);
    set_enabled (st, "add-child", writable && inside->len > 0);
    set_enabled (st, "add-first-child", writable && inside->len > 0);
  }
  set_enabled (st, "duplicate", writable && parent != NULL);
  set_enabled (st, "delete", writable && parent != NULL);
  /* Past the first or last place it goes on into the neighbouring parent (model/ksp-structure.c). */
  set_enabled (st, "move-up", writable && ksp_document_can_move_element_by (node, -1));
  set_enabled (st, "move-down", writable && ksp_document_can_move_element_by (node, +1));
}

/* "Add after ▸ Card, Note, …": one item per kind the registry allows there, in the interface language. */
static GMenu *
kinds_menu (KspNode    *node,
            KspPlace    place,
            const char *action,
            KspLang     lang)
{
  g_autoptr (GPtrArray) kinds = ksp_structure_kinds_for (node, place);
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < kinds->len; i++)
    {
      const KspKindSpec *spec = ksp_schema_lookup_kind (g_ptr_array_index (kinds, i));
      g_autoptr (GMenuItem) item = g_menu_item_new (ksp_kind_label (spec, lang), NULL);
      g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (spec->name));
      g_menu_append_item (menu, item);
    }
  return menu;
}

static void
on_context_menu (KspOutlineView *outline,
                 KspNode        *node,
                 double          x,
                 double          y,
                 Structure      *st)
{
  KspLang lang = ksp_outline_view_get_language (outline);
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) adding = g_menu_new ();
  g_autoptr (GMenu) editing = g_menu_new ();
  g_autoptr (GMenu) after = kinds_menu (node, KSP_PLACE_AFTER, "element.add-after", lang);
  g_autoptr (GMenu) before = kinds_menu (node, KSP_PLACE_BEFORE, "element.add-before", lang);
  g_autoptr (GMenu) inside = kinds_menu (node, KSP_PLACE_CHILD, "element.add-child", lang);
  GdkRectangle at = { (int) x, (int) y, 1, 1 };

  _ksp_window_structure_update (st->window);
  if (g_menu_model_get_n_items (G_MENU_MODEL (after)) > 0)
    {
      g_menu_append_submenu (adding, _("Add After"), G_MENU_MODEL (after));
      g_menu_append_submenu (adding, _("Add Before"), G_MENU_MODEL (before));
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (inside)) > 0)
    g_menu_append_submenu (adding, _("Add Inside"), G_MENU_MODEL (inside));
  g_menu_append (editing, _("D_uplicate"), "element.duplicate");
  g_menu_append (editing, _("Move _Up"), "element.move-up");
  g_menu_append (editing, _("Move _Down"), "element.move-down");
  g_menu_append (editing, _("_Delete"), "element.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (adding));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (editing));

  if (st->popover == NULL)
    {
      st->popover = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (st->popover, GTK_WIDGET (outline));
      gtk_popover_set_has_arrow (GTK_POPOVER (st->popover), FALSE);
      gtk_widget_set_halign (st->popover, GTK_ALIGN_START);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (st->popover), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (st->popover), &at);
  gtk_popover_popup (GTK_POPOVER (st->popover));
}

/* A drop in the outline: the element moves there (keeping its ID), one undoable step, and stays selected. */
static void
on_node_dropped (KspOutlineView *outline,
                 KspNode        *node,
                 KspNode        *reference,
                 int             place,
                 Structure      *st)
{
  KspDocument *doc = writable_document (st);
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) keep = g_object_ref (node);

  if (doc == NULL)
    return;
  if (!ksp_document_move_element_to (doc, node, reference, (KspPlace) place, &error))
    report (st, error);
  else
    ksp_outline_view_select_node (outline, keep);
}

static void
on_outline_selected (KspOutlineView *outline,
                     KspNode        *node,
                     KspWindow      *window)
{
  _ksp_window_structure_update (window);
}

/* Lets go of the context menu while the outline it is attached to is still there. */
void
_ksp_window_structure_dispose (KspWindow *window)
{
  Structure *st = get (window);

  if (st && st->popover)
    {
      gtk_popover_popdown (GTK_POPOVER (st->popover));
      gtk_widget_unparent (st->popover);
      st->popover = NULL;
    }
}

/**
 * ksp_window_get_element_actions:
 *
 * Returns: (transfer none): the "element" actions (add-after, add-before, add-child with a kind;
 * add-sibling, add-first-child, duplicate, move-up, move-down, delete), enabled for the selected element
 */
GActionGroup *
ksp_window_get_element_actions (KspWindow *self)
{
  Structure *st = get (self);
  return st ? G_ACTION_GROUP (st->actions) : NULL;
}

/* Ctrl+Return adds an element from anywhere in the window, except in the review panel, where it posts the
 * comment being written (ksp-review-panel.c). */
static gboolean
add_unless_commenting (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  KspWindow *window = KSP_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GActionGroup *actions = ksp_window_get_element_actions (window);

  if (focus && _ksp_window_get_review_panel (window) &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (_ksp_window_get_review_panel (window))))
    return FALSE;
  if (actions == NULL || !g_action_group_get_action_enabled (actions, user_data))
    return FALSE;
  g_action_group_activate_action (actions, user_data, NULL);
  return TRUE;
}

/**
 * _ksp_window_structure_setup:
 *
 * Gives @window the "element" actions, the outline's context menu and the shortcuts: Ctrl+Return adds an
 * element of the same kind after the selected one, Ctrl+Shift+Return one inside it, Ctrl+D duplicates,
 * Alt+↑ / Alt+↓ move it, Delete (in the outline) deletes it.
 */
void
_ksp_window_structure_setup (KspWindow *window)
{
  Structure *st = g_new0 (Structure, 1);
  KspOutlineView *outline = ksp_window_get_outline (window);
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkEventController *outline_keys = gtk_shortcut_controller_new ();

  st->window = window;
  st->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (st->actions), element_actions, G_N_ELEMENTS (element_actions), st);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "element", G_ACTION_GROUP (st->actions));
  g_object_set_data_full (G_OBJECT (window), "ksp-structure", st, (GDestroyNotify) structure_free);

  g_signal_connect (outline, "context-menu", G_CALLBACK (on_context_menu), st);
  g_signal_connect (outline, "node-dropped", G_CALLBACK (on_node_dropped), st);
  g_signal_connect (outline, "node-selected", G_CALLBACK (on_outline_selected), window);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (add_unless_commenting,
                                                                                   (gpointer) "add-sibling", NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return,
                                                                                  GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                          gtk_callback_action_new (add_unless_commenting,
                                                                                   (gpointer) "add-first-child", NULL)));
  _ksp_window_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_d, GDK_CONTROL_MASK, "element.duplicate");
  _ksp_window_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Up, GDK_ALT_MASK, "element.move-up");
  _ksp_window_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Down, GDK_ALT_MASK, "element.move-down");
  /* Before the focused widget: a list view takes Ctrl+Return for itself. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
  /* Delete deletes an element only from the outline: in a field it deletes characters. */
  _ksp_window_add_shortcut (GTK_SHORTCUT_CONTROLLER (outline_keys), GDK_KEY_Delete, 0, "element.delete");
  gtk_widget_add_controller (GTK_WIDGET (outline), outline_keys);
  _ksp_window_structure_update (window);
}
