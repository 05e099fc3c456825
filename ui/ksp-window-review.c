/* ksp-window-review.c: File → Review… in the window
 *
 * The change sets of the standard shown, with who you are and your roles in the header: each set's author,
 * status, title, number of changes and the reason of a rejection, and what you may do with it — Compare
 * (the draft before the set against the draft: exactly its changes, in the compare view), Submit (your
 * open set), Approve and Reject… (a submitted set of someone else's, as a reviewer; a rejection asks for
 * its reason), Revert (a rejected set, in one step). The rules are the model's (model/review/ksp-review.h):
 * the buttons shown are a convenience, the refusals come from there.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ksp-compare-window.h"
#include "ksp-interface-language.h"
#include "ksp-review.h"
#include "ksp-reject-dialog.h"
#include "ksp-review-compare.h"
#include "ksp-review-panel.h"
#include "ksp-review-words.h"
#include "ksp-window-private.h"

typedef struct
{
  KspWindow *window;       /* not a reference: this lives as the window's data */
  GtkWidget *dialog;       /* the open dialog, or NULL */
  GtkWidget *window_title;
  GtkWidget *list_group;
  GPtrArray *list_rows;

  KspWorkspace *workspace;  /* the window's, followed for the outline's marks */
  gulong     changed_id;
  guint      marks_source;
  GtkWidget *name_bar;      /* asks the name you are shown by, at your first start in a workspace */
  GtkWidget *name_entry;
} Review;

static void
forget_workspace (Review *rv)
{
  g_clear_handle_id (&rv->marks_source, g_source_remove);
  if (rv->workspace)
    g_clear_signal_handler (&rv->changed_id, rv->workspace);
  g_clear_object (&rv->workspace);
}

static void
review_free (Review *rv)
{
  forget_workspace (rv);
  g_clear_pointer (&rv->list_rows, g_ptr_array_unref);
  g_free (rv);
}

static const char *
account (Review *rv)
{
  return ksp_store_get_user (ksp_window_get_store (rv->window));
}

static void fill_list (Review *rv);

/* What an action ended with: the list again, and a refusal said. */
static void
done (Review *rv,
      gboolean ok,
      GError  *error)
{
  if (!ok && error)
    ksp_window_show_error (rv->window, error->message);
  fill_list (rv);
}

static gint64
row_set (GtkWidget *button)
{
  return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "ksp-change-set"));
}

static void
on_compare_clicked (GtkButton *button,
                    Review    *rv)
{
  g_autoptr (GError) error = NULL;
  KspCompareWindow *compare;

  if (ksp_window_get_document (rv->window) == NULL)
    return;
  ksp_element_form_commit (ksp_window_get_form (rv->window));
  if (!(compare = ksp_review_compare_new (rv->window, row_set (GTK_WIDGET (button)), &error)))
    {
      ksp_window_show_error (rv->window, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (compare));
}

/* Submit… and Set Title… ask for the title (what the changes are for): the reviewers read it first. */
static void
on_title_response (AdwMessageDialog *dialog,
                   const char       *response,
                   Review           *rv)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "ksp-change-set"));
  const char *title = gtk_editable_get_text (GTK_EDITABLE (entry));
  gboolean ok;

  if (g_str_equal (response, "submit"))
    ok = ksp_workspace_submit (ksp_window_get_workspace (rv->window), id, *title ? title : NULL, &error);
  else if (g_str_equal (response, "title"))
    ok = ksp_workspace_set_title (ksp_window_get_workspace (rv->window), id, title, &error);
  else
    return;
  done (rv, ok, error);
}

static void
ask_title (Review   *rv,
           gint64    id,
           gboolean  submit)
{
  g_autoptr (KspChangeSet) c = ksp_review_find (ksp_window_get_store (rv->window), id, NULL);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  /* Translators: %s is the change set's number */
  g_autofree char *heading = submit ? g_strdup_printf (_("Submit Change Set %s for Review?"), number)
                                    : g_strdup_printf (_("Title of Change Set %s"), number);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (rv->dialog), heading,
                                              _("Say in a few words what the changes are for: the reviewers read "
                                                "it first."));
  GtkWidget *entry = gtk_entry_new ();

  if (c && c->title)
    gtk_editable_set_text (GTK_EDITABLE (entry), c->title);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Title"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    submit ? "submit" : "title", submit ? _("_Submit") : _("_Set Title"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), submit ? "submit" : "title",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), submit ? "submit" : "title");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "ksp-change-set", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect (dialog, "response", G_CALLBACK (on_title_response), rv);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_submit_clicked (GtkButton *button,
                   Review    *rv)
{
  ksp_element_form_commit (ksp_window_get_form (rv->window));
  ask_title (rv, row_set (GTK_WIDGET (button)), TRUE);
}

/* The row's menu: review.title (x), review.split (x), review.merge ((xx): into, from). */
static void
title_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  ask_title (user_data, g_variant_get_int64 (param), FALSE);
}

static void
collect_ids (KspNode   *node,
             GPtrArray *ids)
{
  g_ptr_array_add (ids, (gpointer) ksp_node_get_id (node));
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    collect_ids (ksp_node_get_child (node, i), ids);
}

/* The changes to the element selected in the outline (and to what is under it) go into a new set. */
static void
split_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  Review *rv = user_data;
  KspNode *node = ksp_outline_view_get_selected (ksp_window_get_outline (rv->window));
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  if (node == NULL || !KSP_IS_NODE (node))
    {
      ksp_window_show_error (rv->window, _("Select the element in the outline whose changes are to go apart"));
      return;
    }
  collect_ids (node, ids);
  g_ptr_array_add (ids, NULL);
  id = ksp_workspace_split (ksp_window_get_workspace (rv->window), g_variant_get_int64 (param),
                            (const char *const *) ids->pdata, NULL, &error);
  done (rv, id != 0, error);
}

static void
merge_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  Review *rv = user_data;
  g_autoptr (GError) error = NULL;
  gint64 into, from;
  gboolean ok;

  g_variant_get (param, "(xx)", &into, &from);
  ok = ksp_workspace_merge (ksp_window_get_workspace (rv->window), into, from, &error);
  done (rv, ok, error);
}

static const GActionEntry row_actions[] = {
  { "title", title_activated, "x" },
  { "split", split_activated, "x" },
  { "merge", merge_activated, "(xx)" },
};

/* ⋮ on one's own open or submitted change set: its title; an open one split or merged into another. */
static GtkWidget *
row_menu (Review     *rv,
          KspChangeSet *c,
          GPtrArray  *sets)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, c->id);
  /* Translators: the menu of a change set's row; %s its number */
  g_autofree char *name = g_strdup_printf (_("More for change set %s"), number);

  {
    g_autoptr (GMenuItem) item = g_menu_item_new (_("Set _Title…"), NULL);
    g_menu_item_set_action_and_target_value (item, "review.title", g_variant_new_int64 (c->id));
    g_menu_append_item (menu, item);
  }
  if (g_str_equal (c->status, "open"))
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_("_Split Off the Changes to the Selected Element"), NULL);
      g_menu_item_set_action_and_target_value (item, "review.split", g_variant_new_int64 (c->id));
      g_menu_append_item (menu, item);
      for (guint i = 0; i < sets->len; i++)
        {
          KspChangeSet *other = g_ptr_array_index (sets, i);
          g_autofree char *other_number = NULL, *label = NULL;
          g_autoptr (GMenuItem) merge = NULL;

          if (other->id == c->id || !g_str_equal (other->status, "open") || other->n_entries == 0 ||
              g_strcmp0 (other->author, c->author) != 0)
            continue;
          other_number = g_strdup_printf ("%" G_GINT64_FORMAT, other->id);
          /* Translators: merge this change set into another one, %s its number */
          label = g_strdup_printf (_("_Merge Into Change Set %s"), other_number);
          merge = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target_value (merge, "review.merge", g_variant_new ("(xx)", other->id, c->id));
          g_menu_append_item (menu, merge);
        }
    }
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return button;
}

static void
on_approve_clicked (GtkButton *button,
                    Review    *rv)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = ksp_workspace_approve (ksp_window_get_workspace (rv->window), row_set (GTK_WIDGET (button)), &error);
  done (rv, ok, error);
}

static void
on_revert_clicked (GtkButton *button,
                   Review    *rv)
{
  g_autoptr (GError) error = NULL;
  KspDocument *draft = ksp_window_get_document (rv->window);
  gboolean ok = draft && ksp_workspace_revert (ksp_window_get_workspace (rv->window), draft,
                                               row_set (GTK_WIDGET (button)), &error);
  done (rv, ok, error);
}

static void
on_rejected (gboolean      ok,
             const GError *error,
             gpointer      user_data)
{
  Review *rv = user_data;

  if (!ok && error)
    ksp_window_show_error (rv->window, error->message);
  if (rv->dialog)
    fill_list (rv);
}

/* Reject… asks why. */
static void
on_reject_clicked (GtkButton *button,
                   Review    *rv)
{
  ksp_reject_dialog_present (GTK_WINDOW (rv->dialog), ksp_window_get_workspace (rv->window),
                             row_set (GTK_WIDGET (button)), NULL, NULL, on_rejected, rv);
}

static GtkWidget *
row_button (Review     *rv,
            const char *label,
            const char *accessible,
            gint64      id,
            GCallback   callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (button), "ksp-change-set", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect (button, "clicked", callback, rv);
  return button;
}

static void
fill_list (Review *rv)
{
  KspStore *store = ksp_window_get_store (rv->window);
  KspStandardInfo *info = _ksp_window_get_standard (rv->window);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sets = NULL;
  g_autofree char *roles_text = NULL, *who = NULL, *name = NULL;
  KspRoles roles;
  guint shown = 0;

  for (guint i = 0; i < rv->list_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (rv->list_group), rv->list_rows->pdata[i]);
  g_ptr_array_set_size (rv->list_rows, 0);
  if (info == NULL)
    return;
  roles = ksp_review_roles_of (store, account (rv), NULL);
  roles_text = ksp_review_roles_text (roles);
  name = ksp_workspace_dup_display_name (ksp_window_get_workspace (rv->window), NULL);
  /* Translators: the Review dialog says who you are: "You: Dana Aliyeva (drafter, reviewer)" */
  who = g_strdup_printf (_("You: %s (%s)"), name, roles_text);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (rv->window_title), who);
  if (!(sets = ksp_store_list_change_sets (store, info->standard_id, &error)))
    {
      ksp_window_show_error (rv->window, error->message);
      return;
    }
  for (guint i = sets->len; i-- > 0;)   /* the newest first */
    {
      KspChangeSet *c = g_ptr_array_index (sets, i);
      g_autofree char *title = NULL, *compare_name = NULL, *author = NULL, *reviewer = NULL;
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, c->id);
      g_autoptr (GString) subtitle = g_string_new (NULL);
      gboolean mine = g_strcmp0 (c->author, account (rv)) == 0;
      GtkWidget *row;

      if (c->n_entries == 0)
        continue;
      row = adw_action_row_new ();
      /* Translators: a change set's row: "Change set 3 · dana · submitted" */
      author = ksp_workspace_dup_display_name (ksp_window_get_workspace (rv->window), c->author);
      title = g_strdup_printf (_("Change set %s · %s · %s"), number, author, ksp_review_status_text (c->status));
      if (c->title)
        g_string_append (subtitle, c->title);
      g_string_append_printf (subtitle, "%s", subtitle->len ? " · " : "");
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", c->n_entries), c->n_entries);
      if (c->reviewer)
        reviewer = ksp_workspace_dup_display_name (ksp_window_get_workspace (rv->window), c->reviewer);
      if (c->reason)
        /* Translators: why a change set was rejected, and by whom */
        g_string_append_printf (subtitle, " · %s %s: %s", _("rejected by"), reviewer ? reviewer : "", c->reason);
      else if (c->reviewer)
        g_string_append_printf (subtitle, " · %s %s", _("reviewed by"), reviewer);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      /* Translators: %s is the change set's number */
      compare_name = g_strdup_printf (_("Compare the draft before change set %s with the draft"), number);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (rv, _("_Compare"), compare_name, c->id,
                                                                   G_CALLBACK (on_compare_clicked)));
      if (g_str_equal (c->status, "open") && mine)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (rv, _("_Submit…"), _("Submit for review"), c->id,
                                                                     G_CALLBACK (on_submit_clicked)));
      if (g_str_equal (c->status, "submitted") && !mine && (roles & KSP_ROLE_REVIEWER))
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (rv, _("_Approve"), _("Approve the change set"),
                                                                       c->id, G_CALLBACK (on_approve_clicked)));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (rv, _("_Reject…"), _("Reject the change set"),
                                                                       c->id, G_CALLBACK (on_reject_clicked)));
        }
      if ((g_str_equal (c->status, "open") || g_str_equal (c->status, "submitted")) && mine)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_menu (rv, c, sets));
      if (g_str_equal (c->status, "rejected") && (roles & KSP_ROLE_DRAFTER))
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (rv, _("Re_vert"), _("Revert the change set"),
                                                                     c->id, G_CALLBACK (on_revert_clicked)));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (rv->list_group), row);
      g_ptr_array_add (rv->list_rows, row);
      shown++;
    }
  if (shown == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No changes to review: the draft has not been edited."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (rv->list_group), row);
      g_ptr_array_add (rv->list_rows, row);
    }
}

static void
on_dialog_destroy (Review *rv)
{
  rv->dialog = NULL;
  g_ptr_array_set_size (rv->list_rows, 0);
}

static GtkWidget *
build_dialog (Review *rv)
{
  KspStandardInfo *info = _ksp_window_get_standard (rv->window);
  g_autofree char *title = NULL;
  GtkWidget *dialog, *page;

  /* Translators: the Review dialog's title; %s the standard's handle */
  title = g_strdup_printf (_("Review of %s"), info && info->handle ? info->handle : "");
  rv->window_title = adw_window_title_new (_("Review"), NULL);
  dialog = _ksp_window_page_dialog_new (rv->window, title, rv->window_title, 720, 560, &page);
  rv->list_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (rv->list_group), _("Change Sets"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (rv->list_group),
                                         _("Each author's edits of the draft, reviewed together. A reviewer approves "
                                           "or rejects another's submitted change set; an edition is frozen when "
                                           "nothing is left to approve."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (rv->list_group));
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (on_dialog_destroy), rv);
  {
    g_autoptr (GSimpleActionGroup) actions = g_simple_action_group_new ();
    g_action_map_add_action_entries (G_ACTION_MAP (actions), row_actions, G_N_ELEMENTS (row_actions), rv);
    gtk_widget_insert_action_group (dialog, "review", G_ACTION_GROUP (actions));
  }
  return dialog;
}

static void
review_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  Review *rv = user_data;

  if (_ksp_window_get_standard (rv->window) == NULL)
    return;
  if (rv->dialog == NULL)
    rv->dialog = build_dialog (rv);
  fill_list (rv);
  gtk_window_present (GTK_WINDOW (rv->dialog));
}

/* ---------------------------------------------------------------------------------------------- */
/* the review panel beside the form                                                                 */

/* F9 and the header's button: the panel, at the window's right, 340 px wide at first. */
static void
show_review_changed (GSimpleAction *action,
                     GVariant      *state,
                     gpointer       user_data)
{
  Review *rv = user_data;
  gboolean show = g_variant_get_boolean (state);
  GtkWidget *panel = GTK_WIDGET (show ? _ksp_window_ensure_review_panel (rv->window)
                                      : _ksp_window_get_review_panel (rv->window));
  GtkPaned *paned = _ksp_window_get_review_paned (rv->window);

  g_simple_action_set_state (action, state);
  if (panel == NULL || show == gtk_widget_get_visible (panel))
    return;
  gtk_widget_set_visible (panel, show);
  if (show)
    {
      int width = gtk_widget_get_width (GTK_WIDGET (paned));
      if (width > 0)   /* a third of what is beside the outline, 280–360 px */
        gtk_paned_set_position (paned, width - CLAMP (width / 3, 280, 360));
    }
}

/* The outline's marks, read again a moment after a change (edits come in bursts). */
static gboolean
update_marks_cb (gpointer user_data)
{
  Review *rv = user_data;
  KspDocument *draft = ksp_window_get_document (rv->window);
  g_autoptr (GHashTable) marks = NULL;
  g_autoptr (GError) error = NULL;

  rv->marks_source = 0;
  if (rv->workspace && draft && !_ksp_window_is_showing_view (rv->window) &&
      !(marks = ksp_workspace_dup_marks (rv->workspace, draft, &error)))
    g_debug ("No review marks: %s", error->message);
  ksp_outline_view_set_marks (ksp_window_get_outline (rv->window), marks);
  return G_SOURCE_REMOVE;
}

static void
queue_marks (Review *rv,
             guint   delay)
{
  if (rv->marks_source == 0)
    rv->marks_source = g_timeout_add (delay, update_marks_cb, rv);
}

static void
on_workspace_changed (KspWorkspace *workspace,
                      const char   *standard_id,
                      guint         what,
                      Review       *rv)
{
  queue_marks (rv, what == KSP_WORKSPACE_CHANGED_LOG ? 700 : 50);
  if (rv->dialog && (what & KSP_WORKSPACE_CHANGED_REVIEW))
    fill_list (rv);
  /* a name recorded by other means (kasip people, an administrator) */
  if (rv->name_bar && gtk_widget_get_visible (rv->name_bar) && !ksp_workspace_needs_display_name (workspace))
    gtk_widget_set_visible (rv->name_bar, FALSE);
}

/* The name others see you by: asked once per workspace, in a bar that does not stop the work. */
static void
on_name_save (Review *rv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (rv->name_entry))));

  if (*name == '\0' || rv->workspace == NULL)
    return;
  if (!ksp_workspace_set_display_name (rv->workspace, name, &error))
    {
      ksp_window_show_error (rv->window, error->message);
      return;
    }
  gtk_widget_set_visible (rv->name_bar, FALSE);
}

static void
on_name_later (Review *rv)
{
  gtk_widget_set_visible (rv->name_bar, FALSE);
}

static void
build_name_bar (Review *rv)
{
  GtkWidget *notice = _ksp_window_get_notice_bar (rv->window);
  GtkWidget *label, *save, *later;

  rv->name_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (rv->name_bar, "ksp-name-bar");
  gtk_widget_set_margin_start (rv->name_bar, 12);
  gtk_widget_set_margin_end (rv->name_bar, 12);
  gtk_widget_set_margin_top (rv->name_bar, 6);
  gtk_widget_set_margin_bottom (rv->name_bar, 6);
  label = gtk_label_new (_("Your name as the working group sees it beside your changes and comments:"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  rv->name_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (rv->name_entry), _("First and last name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (rv->name_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your name"), -1);
  gtk_widget_set_size_request (rv->name_entry, 220, -1);
  g_signal_connect_swapped (rv->name_entry, "activate", G_CALLBACK (on_name_save), rv);
  save = gtk_button_new_with_mnemonic (_("_Save Name"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_name_save), rv);
  later = gtk_button_new_with_mnemonic (_("_Later"));
  g_signal_connect_swapped (later, "clicked", G_CALLBACK (on_name_later), rv);
  gtk_box_append (GTK_BOX (rv->name_bar), label);
  gtk_box_append (GTK_BOX (rv->name_bar), rv->name_entry);
  gtk_box_append (GTK_BOX (rv->name_bar), save);
  gtk_box_append (GTK_BOX (rv->name_bar), later);
  gtk_widget_set_visible (rv->name_bar, FALSE);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (notice)), rv->name_bar, notice);
}

/**
 * _ksp_window_review_workspace_changed:
 *
 * The window opened another workspace (or closed it): the panel and the marks follow its session, and
 * the name you are shown by is asked for when you have none there.
 */
void
_ksp_window_review_workspace_changed (KspWindow *window)
{
  Review *rv = g_object_get_data (G_OBJECT (window), "ksp-review");
  KspWorkspace *workspace = ksp_window_get_workspace (window);

  if (rv == NULL)
    return;
  forget_workspace (rv);
  if (workspace)
    {
      rv->workspace = g_object_ref (workspace);
      rv->changed_id = g_signal_connect (workspace, "changed", G_CALLBACK (on_workspace_changed), rv);
    }
  if (_ksp_window_get_review_panel (window))
    ksp_review_panel_set_workspace (_ksp_window_get_review_panel (window), workspace);
  if (rv->name_bar == NULL)
    build_name_bar (rv);
  gtk_editable_set_text (GTK_EDITABLE (rv->name_entry), "");
  gtk_widget_set_visible (rv->name_bar, workspace && ksp_workspace_needs_display_name (workspace));
}

/* The window shows @document (the draft, a read-only view, or none). */
void
_ksp_window_review_set_document (KspWindow   *window,
                                 KspDocument *document)
{
  Review *rv = g_object_get_data (G_OBJECT (window), "ksp-review");

  if (rv == NULL)
    return;
  if (_ksp_window_get_review_panel (window))
    ksp_review_panel_set_document (_ksp_window_get_review_panel (window), document,
                                   document && !ksp_window_is_read_only (window));
  ksp_outline_view_set_marks (ksp_window_get_outline (window), NULL);
  g_clear_handle_id (&rv->marks_source, g_source_remove);
  if (document)
    queue_marks (rv, 150);   /* after the frame that shows the standard */
}

static const GActionEntry review_actions[] = {
  { "review", review_activated },
  { "show-review", NULL, NULL, "false", show_review_changed },
};

void
_ksp_window_review_setup (KspWindow *window)
{
  Review *rv = g_new0 (Review, 1);

  rv->window = window;
  rv->list_rows = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (window), "ksp-review", rv, (GDestroyNotify) review_free);
  g_action_map_add_action_entries (G_ACTION_MAP (window), review_actions, G_N_ELEMENTS (review_actions), rv);
}
