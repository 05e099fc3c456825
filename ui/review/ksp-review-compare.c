/* ksp-review-compare.c: one change set in the compare view, for review (see ksp-review-compare.h) */
#include "config.h"

#include <glib/gi18n.h>

#include "ksp-reject-dialog.h"
#include "ksp-review-compare.h"
#include "ksp-review-panel.h"
#include "ksp-review-words.h"

typedef struct {
  KspCompareWindow *compare;    /* this lives as its data */
  KspWindow        *window;     /* weak */
  KspWorkspace     *workspace;
  KspDocument      *draft;
  gint64            change_set;
  gulong            changed_id;
  GtkWidget        *status;
  GtkWidget        *approve;
  GtkWidget        *reject;
  KspReviewPanel   *panel;

  /* the selected change, and what was decided on it */
  char             *change_key;
  GtkWidget        *decision;
  GtkWidget        *decision_label;
  GtkWidget        *approve_change;
  GtkWidget        *reject_change;
  GtkWidget        *revert_change;
} ReviewCompare;

static void
review_compare_free (ReviewCompare *rc)
{
  if (rc->workspace)
    g_clear_signal_handler (&rc->changed_id, rc->workspace);
  g_clear_object (&rc->workspace);
  g_clear_object (&rc->draft);
  g_clear_weak_pointer (&rc->window);
  g_free (rc->change_key);
  g_free (rc);
}

/* What was decided on the selected change, and what you may do with it now. */
static void
update_decision (ReviewCompare      *rc,
                 const KspChangeSet *c)
{
  g_autoptr (GPtrArray) decisions = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  KspChangeDecision *d = NULL;
  gboolean submitted, mine, reviewer;

  gtk_widget_set_visible (rc->decision, rc->change_key != NULL);
  if (rc->change_key == NULL)
    return;
  if (!(decisions = ksp_review_list_decisions (ksp_workspace_get_store (rc->workspace), rc->change_set, &error)))
    {
      gtk_label_set_text (GTK_LABEL (rc->decision_label), error->message);
      return;
    }
  for (guint i = 0; i < decisions->len; i++)
    if (g_strcmp0 (((KspChangeDecision *) g_ptr_array_index (decisions, i))->change_key, rc->change_key) == 0)
      d = g_ptr_array_index (decisions, i);
  if (d == NULL)
    text = g_strdup (_("This change: not decided on yet."));
  else
    {
      g_autofree char *who = ksp_workspace_dup_display_name (rc->workspace, d->reviewer);
      if (g_strcmp0 (d->verdict, "approved") == 0)
        /* Translators: one change of a change set, approved by a reviewer */
        text = g_strdup_printf (_("This change: approved by %s."), who);
      else if (g_strcmp0 (d->verdict, "rejected") == 0)
        /* Translators: one change rejected: who, and why */
        text = g_strdup_printf (_("This change: rejected by %s: %s"), who, d->reason ? d->reason : "");
      else
        text = g_strdup_printf (_("This change: rejected by %s, then reverted by its author."), who);
    }
  gtk_label_set_text (GTK_LABEL (rc->decision_label), text);
  submitted = g_strcmp0 (c->status, "submitted") == 0;
  mine = g_strcmp0 (c->author, ksp_workspace_get_account (rc->workspace)) == 0;
  reviewer = (ksp_workspace_get_roles (rc->workspace) & KSP_ROLE_REVIEWER) != 0;
  gtk_widget_set_visible (rc->approve_change, submitted && !mine && reviewer &&
                                              !(d && g_strcmp0 (d->verdict, "approved") == 0));
  gtk_widget_set_visible (rc->reject_change, submitted && !mine && reviewer &&
                                             !(d && g_strcmp0 (d->verdict, "rejected") == 0));
  gtk_widget_set_visible (rc->revert_change, submitted && mine && d && g_strcmp0 (d->verdict, "rejected") == 0);
}

/* The status in the header, and the buttons a reviewer may use now. */
static void
update (ReviewCompare *rc)
{
  g_autoptr (KspChangeSet) c = ksp_review_find (ksp_workspace_get_store (rc->workspace), rc->change_set, NULL);
  g_autofree char *author = NULL, *text = NULL, *number = NULL;
  gboolean may;

  if (c == NULL)
    return;
  author = ksp_workspace_dup_display_name (rc->workspace, c->author);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, c->id);
  /* Translators: the compare view of a change set, in its header: "Change set 3 · Dana · submitted" */
  text = g_strdup_printf (_("Change set %s · %s · %s"), number, author, ksp_review_status_text (c->status));
  gtk_label_set_text (GTK_LABEL (rc->status), text);
  may = g_str_equal (c->status, "submitted") && g_strcmp0 (c->author, ksp_workspace_get_account (rc->workspace)) != 0 &&
        (ksp_workspace_get_roles (rc->workspace) & KSP_ROLE_REVIEWER);
  gtk_widget_set_visible (rc->approve, may);
  gtk_widget_set_visible (rc->reject, may);
  update_decision (rc, c);
}

static void
on_workspace_changed (KspWorkspace  *workspace,
                      const char    *standard_id,
                      guint          what,
                      ReviewCompare *rc)
{
  if (what & (KSP_WORKSPACE_CHANGED_REVIEW | KSP_WORKSPACE_CHANGED_PEOPLE))
    update (rc);
}

/* Whether the editor still shows the workspace this view was opened on; when it opened another (or went),
 * the view closes: its changes and buttons are of a workspace no longer open. */
static gboolean
still_open (ReviewCompare *rc)
{
  if (rc->window && ksp_window_get_workspace (rc->window) == rc->workspace)
    return TRUE;
  gtk_window_destroy (GTK_WINDOW (rc->compare));
  return FALSE;
}

static void
on_approve_clicked (ReviewCompare *rc)
{
  g_autoptr (GError) error = NULL;

  if (!still_open (rc))
    return;
  if (!ksp_workspace_approve (rc->workspace, rc->change_set, &error) && rc->window)
    ksp_window_show_error (rc->window, error->message);
}

static void
on_rejected (gboolean      ok,
             const GError *error,
             gpointer      user_data)
{
  ReviewCompare *rc = user_data;

  if (!ok && error && rc->window)
    ksp_window_show_error (rc->window, error->message);
}

static void
on_reject_clicked (ReviewCompare *rc)
{
  if (!still_open (rc))
    return;
  ksp_reject_dialog_present (GTK_WINDOW (rc->compare), rc->workspace, rc->change_set, NULL, NULL, on_rejected, rc);
}

static void
on_approve_change_clicked (ReviewCompare *rc)
{
  g_autoptr (GError) error = NULL;

  if (!still_open (rc))
    return;
  if (!ksp_workspace_approve_change (rc->workspace, rc->draft, rc->change_set, rc->change_key, &error) && rc->window)
    ksp_window_show_error (rc->window, error->message);
}

static void
on_reject_change_clicked (ReviewCompare *rc)
{
  if (!still_open (rc))
    return;
  ksp_reject_dialog_present (GTK_WINDOW (rc->compare), rc->workspace, rc->change_set, rc->draft, rc->change_key,
                             on_rejected, rc);
}

static void
on_revert_change_clicked (ReviewCompare *rc)
{
  g_autoptr (GError) error = NULL;

  if (!still_open (rc))
    return;
  if (!ksp_workspace_revert_change (rc->workspace, rc->draft, rc->change_set, rc->change_key, &error) && rc->window)
    ksp_window_show_error (rc->window, error->message);
}

/* The element of the draft the change shown is about, and what was decided on the change. */
static void
on_change_selected (KspCompareWindow *compare,
                    KspChange        *change,
                    ReviewCompare    *rc)
{
  KspNode *node = change ? (change->new_node ? change->new_node : change->old_node) : NULL;
  KspNode *element = node ? ksp_document_lookup (rc->draft, ksp_node_get_id (node)) : NULL;

  ksp_review_panel_set_element (rc->panel, element);
  g_free (rc->change_key);
  rc->change_key = change ? ksp_change_dup_key (change) : NULL;
  update (rc);
}

static GtkWidget *
decision_button (ReviewCompare *rc,
                 const char    *label,
                 GCallback      callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_signal_connect_swapped (button, "clicked", callback, rc);
  gtk_widget_set_visible (button, FALSE);
  return button;
}

/* At the panel's top: the decision on the change shown, and its buttons. */
static GtkWidget *
build_side (ReviewCompare *rc)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  rc->decision = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_bottom (rc->decision, 8);
  rc->decision_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (rc->decision_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (rc->decision_label), 0);
  rc->approve_change = decision_button (rc, _("Approve _Change"), G_CALLBACK (on_approve_change_clicked));
  rc->reject_change = decision_button (rc, _("Reject C_hange…"), G_CALLBACK (on_reject_change_clicked));
  rc->revert_change = decision_button (rc, _("Re_vert This Change"), G_CALLBACK (on_revert_change_clicked));
  gtk_box_append (GTK_BOX (buttons), rc->approve_change);
  gtk_box_append (GTK_BOX (buttons), rc->reject_change);
  gtk_box_append (GTK_BOX (buttons), rc->revert_change);
  gtk_box_append (GTK_BOX (rc->decision), rc->decision_label);
  gtk_box_append (GTK_BOX (rc->decision), buttons);
  gtk_widget_set_visible (rc->decision, FALSE);
  ksp_review_panel_set_top (rc->panel, rc->decision);
  return GTK_WIDGET (rc->panel);
}

KspCompareWindow *
ksp_review_compare_new (KspWindow  *window,
                        gint64      change_set,
                        GError    **error)
{
  KspDocument *draft = ksp_window_get_document (window);
  KspWorkspace *workspace = ksp_window_get_workspace (window);
  g_autoptr (KspNode) before = NULL;
  g_autoptr (KspNode) now = NULL;
  g_autofree char *title = NULL, *number = NULL;
  KspCompareWindow *compare;
  ReviewCompare *rc;

  g_return_val_if_fail (KSP_IS_WINDOW (window), NULL);
  g_return_val_if_fail (draft != NULL && workspace != NULL, NULL);

  if (!(before = ksp_review_dup_before (ksp_workspace_get_store (workspace), ksp_document_get_root (draft),
                                        change_set, error)))
    return NULL;
  now = ksp_node_copy (ksp_document_get_root (draft));
  number = g_strdup_printf ("%" G_GINT64_FORMAT, change_set);
  /* Translators: the compare view's left side: the draft as it was before a change set */
  title = g_strdup_printf (_("Before change set %s"), number);
  compare = ksp_compare_window_new (window, before, now, title, _("Draft"), TRUE);

  rc = g_new0 (ReviewCompare, 1);
  rc->compare = compare;
  g_set_weak_pointer (&rc->window, window);
  rc->workspace = g_object_ref (workspace);
  rc->draft = g_object_ref (draft);
  rc->change_set = change_set;
  g_object_set_data_full (G_OBJECT (compare), "ksp-review-compare", rc, (GDestroyNotify) review_compare_free);

  rc->reject = gtk_button_new_with_mnemonic (_("_Reject…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (rc->reject), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reject the change set"), -1);
  gtk_widget_add_css_class (rc->reject, "destructive-action");
  g_signal_connect_swapped (rc->reject, "clicked", G_CALLBACK (on_reject_clicked), rc);
  rc->approve = gtk_button_new_with_mnemonic (_("_Approve"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (rc->approve), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Approve the change set"), -1);
  g_signal_connect_swapped (rc->approve, "clicked", G_CALLBACK (on_approve_clicked), rc);
  rc->status = gtk_label_new (NULL);
  gtk_widget_add_css_class (rc->status, "dim-label");
  ksp_compare_window_pack_header_end (compare, rc->reject);
  ksp_compare_window_pack_header_end (compare, rc->approve);
  ksp_compare_window_pack_header_end (compare, rc->status);

  rc->panel = KSP_REVIEW_PANEL (ksp_review_panel_new ());
  gtk_widget_set_size_request (GTK_WIDGET (rc->panel), 260, -1);   /* the view still fits 1024 px */
  ksp_review_panel_set_show_change_sets (rc->panel, FALSE);
  ksp_review_panel_set_workspace (rc->panel, workspace);
  ksp_review_panel_set_document (rc->panel, draft, !ksp_window_is_read_only (window));
  ksp_compare_window_set_side (compare, build_side (rc), 320);
  g_signal_connect (compare, "change-selected", G_CALLBACK (on_change_selected), rc);
  rc->changed_id = g_signal_connect (workspace, "changed", G_CALLBACK (on_workspace_changed), rc);
  update (rc);
  return compare;
}
