/* ksp-window-conflict.c: another person changed the value the user was typing over
 *
 * The field keeps the typed text and the model holds theirs (ksp-field-editor.h); a dialog shows both,
 * says who changed it and when, and lets the user keep theirs or write their own over it. Nothing typed is
 * dropped unless the user says so.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ksp-field-editor.h"
#include "ksp-window-private.h"

/* What the dialog decides on: the value as it was when the dialog was made (the editor may since show
 * another element). */
typedef struct
{
  KspWindow      *window;   /* (unowned: the dialog is transient for it) */
  KspFieldEditor *editor;   /* (owned) */
  KspDocument    *document; /* (owned) */
  KspNode        *node;     /* (owned) */
  const char     *field;    /* the schema's */
  KspLang         lang;
  char           *mine;
} Conflict;

static void
conflict_free (gpointer  data,
               GClosure *closure)
{
  Conflict *c = data;

  g_clear_object (&c->editor);
  g_clear_object (&c->document);
  g_clear_object (&c->node);
  g_free (c->mine);
  g_free (c);
}

/* "14:05", or "30.11.2026 14:05" when not today, in local time; the text itself when it is no time. */
static char *
format_when (const char *at)
{
  g_autoptr (GDateTime) utc = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr (GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  if (local == NULL)
    return g_strdup (at ? at : "");
  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    return g_date_time_format (local, "%H:%M:%S");
  return g_date_time_format (local, "%d.%m.%Y %H:%M");
}

static GtkWidget *
text_block (const char *title,
            const char *text,
            const char *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *body = gtk_label_new (text && *text ? text : _("(empty)"));

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (body), 60);
  gtk_widget_add_css_class (body, "card");
  gtk_widget_add_css_class (body, "conflict-text");
  gtk_widget_set_name (body, name);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (body), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), body);
  return box;
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Conflict         *c)
{
  gboolean same = ksp_field_editor_get_node (c->editor) == c->node;

  if (g_strcmp0 (response, "mine") == 0)
    {
      g_autoptr (GError) error = NULL;

      if (same)
        ksp_field_editor_keep_mine (c->editor);
      /* written over theirs, now seen (and if yet another change came meanwhile, asked again) */
      else if (!ksp_document_set_value_seen (c->document, c->node, c->field, c->lang, c->mine,
                                             ksp_node_get_value (c->node, c->field, c->lang), &error))
        ksp_window_show_error (c->window, error->message);
    }
  else if (g_strcmp0 (response, "theirs") == 0 && same)
    ksp_field_editor_take_theirs (c->editor);
}

/**
 * _ksp_window_show_conflict:
 * @editor: the field's editor, holding the typed text
 * @conflict: (type KspConflict): what the other person changed
 * @field_name: the field, in the interface language
 */
void
_ksp_window_show_conflict (KspWindow         *self,
                           KspFieldEditor    *editor,
                           const KspConflict *conflict,
                           const char        *field_name)
{
  KspWorkspace *ws = ksp_window_get_workspace (self);
  g_autofree char *who = ws ? ksp_workspace_dup_display_name (ws, conflict->author) : g_strdup (conflict->author);
  g_autofree char *when = format_when (conflict->at);
  g_autofree char *mine = ksp_field_editor_dup_text (editor);
  g_autofree char *body = NULL;
  GtkWidget *dialog, *texts;
  Conflict *c;

  /* Translators: someone else's change to the field the user was typing in: who, the field, at what time */
  body = g_strdup_printf (_("%s changed “%s” at %s, while you were typing. Your text is kept until you choose."),
                          who ? who : _("Someone"), field_name, when);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Someone Else Changed This Field"), body);
  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  /* Translators: a heading above the other person's text; %s is their name */
  {
    g_autofree char *theirs_title = g_strdup_printf (_("Theirs (%s)"), who ? who : "");
    gtk_box_append (GTK_BOX (texts), text_block (theirs_title, conflict->theirs, "conflict-theirs"));
  }
  gtk_box_append (GTK_BOX (texts), text_block (_("Yours"), mine, "conflict-mine"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), texts);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "theirs", _("Use _Theirs"),
                                    "mine", _("Keep _Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "mine", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "mine");
  /* closing the dialog (Escape) decides nothing: the text stays in the field, and the next commit of it
   * (typing on, leaving the field) asks again */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  c = g_new0 (Conflict, 1);
  c->window = self;
  c->editor = g_object_ref (editor);
  c->document = g_object_ref (ksp_window_get_document (self));
  c->node = g_object_ref (ksp_field_editor_get_node (editor));
  c->field = ksp_field_editor_get_field (editor)->name;
  c->lang = ksp_field_editor_get_lang (editor);
  c->mine = g_strdup (mine);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), c, conflict_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
