/* ksp-reject-dialog.c: asks why a change set is rejected (see ksp-reject-dialog.h) */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ksp-reject-dialog.h"

typedef struct {
  KspWorkspace  *workspace;
  gint64         change_set;
  KspDocument   *draft;
  char          *change_key;
  KspRejectDone  done;
  gpointer       user_data;
} Reject;

static void
reject_free (Reject *r)
{
  g_clear_object (&r->workspace);
  g_clear_object (&r->draft);
  g_free (r->change_key);
  g_free (r);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Reject           *r)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  gboolean ok;

  if (!g_str_equal (response, "reject"))
    return;
  if (r->change_key)
    ok = ksp_workspace_reject_change (r->workspace, r->draft, r->change_set, r->change_key,
                                      gtk_editable_get_text (GTK_EDITABLE (entry)), &error);
  else
    ok = ksp_workspace_reject (r->workspace, r->change_set, gtk_editable_get_text (GTK_EDITABLE (entry)), &error);
  if (r->done)
    r->done (ok, error, r->user_data);
}

GtkWidget *
ksp_reject_dialog_present (GtkWindow     *parent,
                           KspWorkspace  *workspace,
                           gint64         change_set,
                           KspDocument   *draft,
                           const char    *change_key,
                           KspRejectDone  done,
                           gpointer       user_data)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, change_set);
  /* Translators: %s is the change set's number */
  g_autofree char *heading = change_key ? g_strdup (_("Reject This Change?"))
                                         : g_strdup_printf (_("Reject Change Set %s?"), number);
  GtkWidget *dialog = adw_message_dialog_new (parent, heading,
                                              _("Say why: the author reads it, and it is kept in the change log."));
  GtkWidget *entry = gtk_entry_new ();
  Reject *r = g_new0 (Reject, 1);

  r->workspace = g_object_ref (workspace);
  r->change_set = change_set;
  r->draft = draft ? g_object_ref (draft) : NULL;
  r->change_key = g_strdup (change_key);
  r->done = done;
  r->user_data = user_data;
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "reject", _("_Reject"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reject", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reject");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ksp-reject", r, (GDestroyNotify) reject_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), r);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
