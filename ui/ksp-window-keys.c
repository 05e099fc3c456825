/* ksp-window-keys.c: the window's keyboard conventions, beside the ones of its aspects
 *
 * The shortcuts work wherever the focus is (they are handled in the capture phase, before a focused
 * widget sees the key: GtkPaned binds F8 to its own handle, text views take Ctrl+F): F8 shows and hides
 * the Checks, Ctrl+F finds, Ctrl+L goes to a card, Ctrl+Y redoes (as Ctrl+Shift+Z does), Ctrl+W closes
 * the window, Ctrl+Q quits. Tab leaves the outline for the form, Shift+Tab from the form's first field
 * comes back, F6 switches between the two. Ctrl+? (the shortcuts window) is GtkApplication's.
 */
#include "config.h"

#include <adwaita.h>

#include "ksp-element-form.h"
#include "ksp-outline-view.h"
#include "ksp-review-panel.h"
#include "ksp-window-private.h"

/* A key that activates a named action; the window's aspects add theirs with it. */
void
_ksp_window_add_shortcut (GtkShortcutController *controller,
                          guint                  key,
                          GdkModifierType        mods,
                          const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, mods),
                                                          gtk_named_action_new (action)));
}

static gboolean
focus_is_in (GtkWidget *ancestor)
{
  GtkRoot *root = gtk_widget_get_root (ancestor);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

static gboolean
focus_form (KspWindow *window)
{
  return ksp_element_form_focus_first (ksp_window_get_form (window));
}

static gboolean
focus_outline (KspWindow *window)
{
  return ksp_outline_view_focus_selected (ksp_window_get_outline (window));
}

static gboolean
on_outline_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KspWindow             *window)
{
  if (keyval == GDK_KEY_Tab && (state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) == 0)
    return focus_form (window);
  return FALSE;
}

static gboolean
on_form_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             KspWindow             *window)
{
  GtkWidget *form = GTK_WIDGET (ksp_window_get_form (window));

  /* Shift+Tab from the first field: back to the outline, not round to the header bar. */
  if (keyval == GDK_KEY_ISO_Left_Tab || (keyval == GDK_KEY_Tab && (state & GDK_SHIFT_MASK)))
    {
      if (gtk_widget_child_focus (form, GTK_DIR_TAB_BACKWARD))
        return TRUE;
      return focus_outline (window);
    }
  return FALSE;
}

static gboolean
switch_pane (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  KspWindow *window = KSP_WINDOW (widget);
  GtkWidget *panel = GTK_WIDGET (_ksp_window_get_review_panel (window));

  /* outline → form → the review panel, when shown → outline */
  if (focus_is_in (GTK_WIDGET (ksp_window_get_outline (window))))
    return focus_form (window);
  if (focus_is_in (GTK_WIDGET (ksp_window_get_form (window))) && panel && gtk_widget_get_mapped (panel) &&
      ksp_review_panel_focus (KSP_REVIEW_PANEL (panel)))
    return TRUE;
  return focus_outline (window);
}

/**
 * _ksp_window_keys_setup:
 *
 * Adds the window-wide shortcuts and the Tab and F6 moves between the outline and the form.
 */
void
_ksp_window_keys_setup (KspWindow *window)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkEventController *outline_keys = gtk_event_controller_key_new ();
  GtkEventController *form_keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (keys), GTK_SHORTCUT_SCOPE_LOCAL);
  _ksp_window_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_F8, 0, "win.show-checks");
  _ksp_window_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_F9, 0, "win.show-review");
  _ksp_window_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_f, GDK_CONTROL_MASK, "win.find");
  _ksp_window_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_l, GDK_CONTROL_MASK, "win.go-to");
  _ksp_window_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_y, GDK_CONTROL_MASK, "win.redo");
  _ksp_window_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_w, GDK_CONTROL_MASK, "window.close");
  _ksp_window_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_q, GDK_CONTROL_MASK, "app.quit");
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, 0),
                                                          gtk_callback_action_new (switch_pane, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (window), keys);

  gtk_event_controller_set_propagation_phase (outline_keys, GTK_PHASE_CAPTURE);
  g_signal_connect (outline_keys, "key-pressed", G_CALLBACK (on_outline_key), window);
  gtk_widget_add_controller (GTK_WIDGET (ksp_window_get_outline (window)), outline_keys);

  gtk_event_controller_set_propagation_phase (form_keys, GTK_PHASE_CAPTURE);
  g_signal_connect (form_keys, "key-pressed", G_CALLBACK (on_form_key), window);
  gtk_widget_add_controller (GTK_WIDGET (ksp_window_get_form (window)), form_keys);
}
