/* ksp-window-shared.c: the window on a shared workspace — conflicts and a lost connection
 *
 * Another person changed the value the user was typing over: the field keeps the typed text and the model
 * holds theirs (ksp-field-editor.h); a dialog shows both, says who changed it and when, and lets the user
 * keep theirs or write their own over it. Nothing typed is dropped unless the user says so.
 *
 * The connection to the server was lost: what was typed and not stored is kept here (the outbox: the
 * element, the field, the text and what it was typed over), a bar says so, and every few seconds — or at
 * Try Again — it is written again, which also connects again (ksp-pg-store.c); a conflict found then is
 * asked as above. Closing the window with something still kept asks first. The outbox is also written to
 * the user's state folder ($XDG_STATE_HOME/kasip/outbox/PID.ini) while it holds anything, so that a crash
 * while the server is away loses nothing either: the next window to open that workspace takes the changes
 * of a process that is gone back into its outbox and stores them.
 */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <unistd.h>

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
  gboolean same = c->editor && ksp_field_editor_get_node (c->editor) == c->node;

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

static void
show_conflict (KspWindow         *self,
               KspFieldEditor    *editor,
               KspDocument       *document,
               KspNode           *node,
               const char        *field,
               KspLang            lang,
               const char        *mine,
               const KspConflict *conflict,
               const char        *field_name)
{
  KspWorkspace *ws = ksp_window_get_workspace (self);
  g_autofree char *who = ws ? ksp_workspace_dup_display_name (ws, conflict->author) : g_strdup (conflict->author);
  g_autofree char *when = format_when (conflict->at);
  g_autofree char *body = NULL;
  GtkWidget *dialog, *texts;
  Conflict *c;

  /* Translators: someone else's change to the field the user was typing in: who, the field, at what time */
  body = g_strdup_printf (_("%s changed “%s” at %s, while you were typing. Your text is kept until you choose."),
                          who ? who : _("Someone"), field_name, when);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Someone Else Changed This Field"), body);
  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  {
    /* Translators: a heading above the other person's text; %s is their name */
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
  c->editor = editor ? g_object_ref (editor) : NULL;
  c->document = g_object_ref (document);
  c->node = g_object_ref (node);
  c->field = field;
  c->lang = lang;
  c->mine = g_strdup (mine);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), c, conflict_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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
  g_autofree char *mine = ksp_field_editor_dup_text (editor);

  show_conflict (self, editor, ksp_window_get_document (self), ksp_field_editor_get_node (editor),
                 ksp_field_editor_get_field (editor)->name, ksp_field_editor_get_lang (editor), mine, conflict,
                 field_name);
}

/* ---------------------------------------------------------------------------------------------- */
/* a lost connection: the outbox                                                                    */

#define RETRY_SECONDS 3

typedef struct
{
  KspDocument        *document;
  KspNode            *node;
  const KspFieldSpec *field;
  KspLang             lang;
  char               *text;
  char               *seen;
  char               *name;   /* the field's, in the interface language */
} Pending;

static void
pending_free (Pending *p)
{
  g_clear_object (&p->document);
  g_clear_object (&p->node);
  g_free (p->text);
  g_free (p->seen);
  g_free (p->name);
  g_free (p);
}

typedef struct
{
  KspWindow *window;
  GPtrArray *outbox;      /* Pending, oldest first */
  GtkWidget *bar;
  GtkWidget *label;
  guint      retry_source;
} Offline;

static void
offline_free (Offline *o)
{
  g_clear_handle_id (&o->retry_source, g_source_remove);
  g_ptr_array_unref (o->outbox);
  g_free (o);
}

static void retry (Offline *o);
static void save_outbox (Offline *o);

static void
update_bar (Offline *o)
{
  g_autofree char *text = NULL;

  save_outbox (o);
  if (o->outbox->len == 0)
    {
      gtk_widget_set_visible (o->bar, FALSE);
      return;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The connection to the server was lost. %u change you typed is kept and "
                                       "will be stored when the server is back.",
                                       "The connection to the server was lost. %u changes you typed are kept and "
                                       "will be stored when the server is back.", o->outbox->len),
                          o->outbox->len);
  gtk_label_set_text (GTK_LABEL (o->label), text);
  gtk_widget_set_visible (o->bar, TRUE);
}

static gboolean
on_retry_timeout (gpointer data)
{
  Offline *o = data;

  o->retry_source = 0;
  retry (o);
  return G_SOURCE_REMOVE;
}

/* Writes what is kept, oldest first, until the server is still away. */
static void
retry (Offline *o)
{
  gboolean stored = FALSE;

  g_clear_handle_id (&o->retry_source, g_source_remove);
  while (o->outbox->len > 0)
    {
      Pending *p = g_ptr_array_index (o->outbox, 0);
      g_autoptr (GError) error = NULL;

      if (ksp_document_set_value_seen (p->document, p->node, p->field->name, p->lang, p->text, p->seen, &error))
        {
          g_ptr_array_remove_index (o->outbox, 0);
          stored = TRUE;
          continue;
        }
      if (g_error_matches (error, KSP_STORE_ERROR, KSP_STORE_ERROR_DISCONNECTED))
        break;
      if (g_error_matches (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_CONFLICT) &&
          ksp_document_get_conflict (p->document))
        show_conflict (o->window, NULL, p->document, p->node, p->field->name, p->lang, p->text,
                       ksp_document_get_conflict (p->document), p->name);
      else
        {
          /* Translators: "%s" is a field label, then the reason the edit was refused */
          g_autofree char *text = g_strdup_printf (_("Could not change “%s”: %s"), p->name, error->message);
          ksp_window_show_error (o->window, text);
        }
      g_ptr_array_remove_index (o->outbox, 0);
    }
  update_bar (o);
  if (o->outbox->len > 0)
    o->retry_source = g_timeout_add_seconds (RETRY_SECONDS, on_retry_timeout, o);
  else if (stored)
    ksp_window_show_error (o->window, _("The server is back: what you typed is stored"));
}

/* ---- on disk, for a crash while the server is away ---- */

static char *
outbox_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "kasip", "outbox", NULL);
}

static char *
outbox_path (GPid pid)
{
  g_autofree char *dir = outbox_dir ();
  g_autofree char *name = g_strdup_printf ("%d.ini", (int) pid);
  return g_build_filename (dir, name, NULL);
}

/* Writes the outbox (one group per change: the workspace, the standard, the element, the field, the
 * language, the text and what it was typed over), or removes the file when it is empty. */
static void
save_outbox (Offline *o)
{
  g_autofree char *path = outbox_path (getpid ());
  g_autoptr (GKeyFile) file = NULL;
  g_autoptr (GError) error = NULL;
  KspStore *store = ksp_window_get_store (o->window);

  if (o->outbox->len == 0)
    {
      g_unlink (path);
      return;
    }
  file = g_key_file_new ();
  for (guint i = 0; i < o->outbox->len; i++)
    {
      Pending *p = g_ptr_array_index (o->outbox, i);
      g_autofree char *group = g_strdup_printf ("change %u", i + 1);
      KspStore *its = ksp_document_get_store (p->document);

      g_key_file_set_string (file, group, "workspace", ksp_store_get_location (its ? its : store));
      g_key_file_set_string (file, group, "standard", ksp_node_get_id (ksp_document_get_root (p->document)));
      g_key_file_set_string (file, group, "element", ksp_node_get_id (p->node));
      g_key_file_set_string (file, group, "field", p->field->name);
      g_key_file_set_string (file, group, "lang", ksp_lang_to_string (p->lang));
      g_key_file_set_string (file, group, "text", p->text);
      if (p->seen)
        g_key_file_set_string (file, group, "seen", p->seen);
      g_key_file_set_string (file, group, "name", p->name);
    }
  {
    g_autofree char *dir = outbox_dir ();
    g_mkdir_with_parents (dir, 0700);
  }
  if (!g_key_file_save_to_file (file, path, &error))
    g_warning ("the changes kept for the server could not be written to %s: %s", path, error->message);
}

static Offline *
get_offline (KspWindow *self)
{
  Offline *o = g_object_get_data (G_OBJECT (self), "ksp-offline");
  GtkWidget *notice, *icon, *button;

  if (o)
    return o;
  o = g_new0 (Offline, 1);
  o->window = self;
  o->outbox = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  o->bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (o->bar, "ksp-offline-bar");
  gtk_widget_set_margin_start (o->bar, 12);
  gtk_widget_set_margin_end (o->bar, 12);
  gtk_widget_set_margin_top (o->bar, 6);
  gtk_widget_set_margin_bottom (o->bar, 6);
  icon = gtk_image_new_from_icon_name ("network-offline-symbolic");
  o->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (o->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (o->label), 0);
  gtk_widget_set_hexpand (o->label, TRUE);
  button = gtk_button_new_with_mnemonic (_("_Try Again"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (retry), o);
  gtk_box_append (GTK_BOX (o->bar), icon);
  gtk_box_append (GTK_BOX (o->bar), o->label);
  gtk_box_append (GTK_BOX (o->bar), button);
  gtk_widget_set_visible (o->bar, FALSE);
  notice = _ksp_window_get_notice_bar (self);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (notice)), o->bar, notice);
  g_object_set_data_full (G_OBJECT (self), "ksp-offline", o, (GDestroyNotify) offline_free);
  return o;
}

/**
 * _ksp_window_keep_offline:
 * The form could not store what was typed in @editor's field of @node: kept (a newer text of the same field
 * replaces the one kept), shown in the bar, and written again every few seconds.
 */
void
_ksp_window_keep_offline (KspWindow      *self,
                          KspFieldEditor *editor,
                          KspNode        *node,
                          const char     *text,
                          const char     *seen,
                          const char     *field_name)
{
  Offline *o = get_offline (self);
  const KspFieldSpec *field = ksp_field_editor_get_field (editor);
  KspLang lang = ksp_field_editor_get_lang (editor);
  KspDocument *document = ksp_window_get_document (self);
  Pending *p;

  g_return_if_fail (document != NULL);
  for (guint i = 0; i < o->outbox->len; i++)
    {
      Pending *q = g_ptr_array_index (o->outbox, i);
      if (q->node == node && q->field == field && q->lang == lang)
        {
          /* the newer text, over what the first one was typed over */
          g_free (q->text);
          q->text = g_strdup (text);
          update_bar (o);
          return;
        }
    }
  p = g_new0 (Pending, 1);
  p->document = g_object_ref (document);
  p->node = g_object_ref (node);
  p->field = field;
  p->lang = lang;
  p->text = g_strdup (text);
  p->seen = g_strdup (seen);
  p->name = g_strdup (field_name);
  g_ptr_array_add (o->outbox, p);
  update_bar (o);
  if (o->retry_source == 0)
    o->retry_source = g_timeout_add_seconds (RETRY_SECONDS, on_retry_timeout, o);
}

/* How many typed changes wait for the server. */
guint
_ksp_window_get_n_offline (KspWindow *self)
{
  Offline *o = g_object_get_data (G_OBJECT (self), "ksp-offline");
  return o ? o->outbox->len : 0;
}

/* Tries to store them now; TRUE when nothing waits any more. */
gboolean
_ksp_window_retry_offline (KspWindow *self)
{
  Offline *o = g_object_get_data (G_OBJECT (self), "ksp-offline");

  if (o)
    retry (o);
  return _ksp_window_get_n_offline (self) == 0;
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   KspWindow        *self)
{
  if (g_strcmp0 (response, "close") == 0)
    {
      /* lost as the user said: not offered again by the next window */
      Offline *o = g_object_get_data (G_OBJECT (self), "ksp-offline");
      if (o)
        {
          g_ptr_array_set_size (o->outbox, 0);
          save_outbox (o);
        }
      _ksp_window_close_anyway (self);
    }
}

/* Closing with typed changes the server has not taken: said, and the window kept open unless the user
 * says to lose them. */
void
_ksp_window_ask_close_offline (KspWindow *self)
{
  guint n = _ksp_window_get_n_offline (self);
  g_autofree char *body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u change you typed is not stored: the server cannot be "
                                                        "reached. Keep the window open and it is stored when the "
                                                        "server is back.",
                                                        "%u changes you typed are not stored: the server cannot be "
                                                        "reached. Keep the window open and they are stored when the "
                                                        "server is back.", n), n);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Changes Not Stored Yet"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Window Open"),
                                    "close", _("_Close and Lose Them"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------------------------------------- */
/* who else has what open                                                                          */

/* The outline shows, on each row, who else has its element open in the standard shown. */
void
_ksp_window_presence_update (KspWindow *self)
{
  KspWorkspace *ws = ksp_window_get_workspace (self);
  KspDocument *document = ksp_window_get_document (self);
  g_autoptr (GHashTable) presence = NULL;

  if (ws && document)
    presence = ksp_workspace_dup_presence (ws, ksp_node_get_id (ksp_document_get_root (document)));
  ksp_outline_view_set_presence (ksp_window_get_outline (self), presence);
}

/* Says what this window has open: the card of @node (or @node outside the cards), in the draft shown; none
 * for a view of an edition or without a document. */
void
_ksp_window_presence_selected (KspWindow *self,
                               KspNode   *node)
{
  KspWorkspace *ws = ksp_window_get_workspace (self);
  KspDocument *document = ksp_window_get_document (self);
  KspNode *card = node;

  if (ws == NULL)
    return;
  if (document == NULL || node == NULL || ksp_document_is_read_only (document))
    {
      ksp_workspace_set_presence (ws, NULL, NULL);
      return;
    }
  while (card && g_strcmp0 (ksp_node_get_kind (card), "card") != 0)
    card = ksp_node_get_parent (card);
  ksp_workspace_set_presence (ws, ksp_node_get_id (ksp_document_get_root (document)),
                              ksp_node_get_id (card ? card : node));
}

static gboolean
process_gone (GPid pid)
{
  return pid > 0 && pid != getpid () && kill (pid, 0) != 0 && errno == ESRCH;
}

/**
 * _ksp_window_offline_restore:
 *
 * The window opened a workspace: the changes a process that is gone kept for the server of this
 * workspace, in the standard shown, come into this window's outbox and are stored now (a conflict found
 * then is asked as ever). Those of another standard stay for the window that opens it.
 */
void
_ksp_window_offline_restore (KspWindow *self)
{
  g_autofree char *dir_path = outbox_dir ();
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  KspDocument *document = ksp_window_get_document (self);
  KspStore *store = ksp_window_get_store (self);
  const char *name;
  guint restored = 0;

  if (dir == NULL || document == NULL || store == NULL || ksp_document_is_read_only (document))
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr (GKeyFile) file = g_key_file_new ();
      g_autoptr (GKeyFile) left = g_key_file_new ();
      g_auto (GStrv) groups = NULL;
      guint n_left = 0;
      GPid pid = (GPid) g_ascii_strtoll (name, NULL, 10);

      if (!g_str_has_suffix (name, ".ini") || !process_gone (pid) ||
          !g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
        continue;
      groups = g_key_file_get_groups (file, NULL);
      for (guint i = 0; groups[i]; i++)
        {
          g_autofree char *location = g_key_file_get_string (file, groups[i], "workspace", NULL);
          g_autofree char *standard = g_key_file_get_string (file, groups[i], "standard", NULL);
          g_autofree char *element = g_key_file_get_string (file, groups[i], "element", NULL);
          g_autofree char *field = g_key_file_get_string (file, groups[i], "field", NULL);
          g_autofree char *lang_text = g_key_file_get_string (file, groups[i], "lang", NULL);
          g_autofree char *text = g_key_file_get_string (file, groups[i], "text", NULL);
          g_autofree char *seen = g_key_file_get_string (file, groups[i], "seen", NULL);
          g_autofree char *label = g_key_file_get_string (file, groups[i], "name", NULL);
          KspNode *node = element ? ksp_document_lookup (document, element) : NULL;
          const KspFieldSpec *spec = node && field ? ksp_kind_lookup_field (ksp_node_get_kind_spec (node), field) : NULL;
          KspLang lang = KSP_LANG_NONE;

          if (lang_text && *lang_text)
            ksp_lang_from_string (lang_text, &lang);
          if (g_strcmp0 (location, ksp_store_get_location (store)) != 0 ||
              g_strcmp0 (standard, ksp_node_get_id (ksp_document_get_root (document))) != 0 || spec == NULL ||
              text == NULL)
            {
              /* another workspace's, another standard's: kept for the window that opens it */
              g_auto (GStrv) keys = g_key_file_get_keys (file, groups[i], NULL, NULL);
              g_autofree char *group = g_strdup_printf ("change %u", ++n_left);
              for (guint k = 0; keys && keys[k]; k++)
                {
                  g_autofree char *v = g_key_file_get_string (file, groups[i], keys[k], NULL);
                  g_key_file_set_string (left, group, keys[k], v);
                }
              continue;
            }
          {
            Offline *o = get_offline (self);
            Pending *p = g_new0 (Pending, 1);
            p->document = g_object_ref (document);
            p->node = g_object_ref (node);
            p->field = spec;
            p->lang = lang;
            p->text = g_steal_pointer (&text);
            p->seen = g_steal_pointer (&seen);
            p->name = g_strdup (label ? label : field);
            g_ptr_array_add (o->outbox, p);
            restored++;
          }
        }
      if (n_left > 0)
        g_key_file_save_to_file (left, path, NULL);
      else
        g_unlink (path);
    }
  if (restored > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u change typed while the server was away, in a "
                                                            "session that ended without closing, is being stored",
                                                            "%u changes typed while the server was away, in a "
                                                            "session that ended without closing, are being stored",
                                                            restored), restored);
      ksp_window_show_error (self, text);
      retry (get_offline (self));
    }
}
