/* ksp-review-panel.c: comments on the selected element and its history (see ksp-review-panel.h) */
#include "config.h"

#include <glib/gi18n.h>

#include "ksp-change-log.h"
#include "ksp-column.h"
#include "ksp-interface-language.h"
#include "ksp-node-path.h"
#include "ksp-review-marks.h"
#include "ksp-review-panel.h"
#include "ksp-review-words.h"

/* How many of an element's changes are listed (the newest); the CLI's `kasip audit --element` has all. */
#define MAX_HISTORY 40

/* An anchor a new comment can take: the whole element, or one field in one language. */
typedef struct {
  char    *field;   /* NULL: the whole element */
  KspLang  lang;
} Anchor;

static void
anchor_clear (Anchor *a)
{
  g_clear_pointer (&a->field, g_free);
}

struct _KspReviewPanel
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkLabel      *who_label;
  GtkLabel      *summary_label;
  GtkWidget     *sets_button;
  GtkWidget     *content;       /* what scrolls: the header, the element's comments and history */
  gboolean       show_change_sets;
  GtkLabel      *element_label;
  GtkWidget     *threads_box;
  GtkLabel      *no_comments_label;
  GtkWidget     *new_comment_box;
  GtkDropDown   *anchor_dropdown;
  GtkTextView   *comment_view;
  GtkWidget     *post_button;
  GtkLabel      *error_label;
  GtkWidget     *history_box;
  GtkLabel      *no_history_label;

  KspWorkspace  *workspace;
  gulong         changed_id;
  KspDocument   *draft;
  gboolean       editable;
  KspNode       *element;
  GArray        *anchors;       /* Anchor, in the drop-down's order */
  gboolean       anchors_dirty; /* of another element than the one shown: filled at the next refresh */
  GPtrArray     *shown;         /* the widgets put into threads_box and history_box */
  guint          refresh_source;
  gboolean       dirty;         /* changed while not shown: read again when mapped */
  guint          n_threads;
  guint          n_history;
};

G_DEFINE_FINAL_TYPE (KspReviewPanel, ksp_review_panel, GTK_TYPE_WIDGET)

/* ---------------------------------------------------------------------------------------------- */
/* words                                                                                            */

/* "01.12.2026 14:05" in local time. */
static char *
when_text (const char *iso)
{
  g_autoptr (GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr (GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%d.%m.%Y %H:%M") : g_strdup (iso ? iso : "");
}

/* A field's label in the interface's data language, without its colon, and the language of the value. */
static char *
field_text (const char *kind,
            const char *field,
            KspLang     lang)
{
  const KspKindSpec *spec = kind ? ksp_schema_lookup_kind (kind) : NULL;
  const KspFieldSpec *f = spec && field ? ksp_kind_lookup_field (spec, field) : NULL;
  g_autofree char *name = g_strdup (f ? ksp_field_label (f, ksp_interface_data_language ()) : field);
  gsize len = name ? strlen (name) : 0;

  while (len > 0 && name[len - 1] == ':')
    name[--len] = '\0';
  if (name == NULL)
    return g_strdup ("");
  if (lang == KSP_LANG_KK)
    /* Translators: a field named with the language of its value: "Наименование (in Kazakh)" */
    return g_strdup_printf (_("%s (in Kazakh)"), name);
  if (lang == KSP_LANG_RU)
    return g_strdup_printf (_("%s (in Russian)"), name);
  return g_steal_pointer (&name);
}

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, FALSE);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* ---------------------------------------------------------------------------------------------- */
/* the threads                                                                                      */

static void show_error (KspReviewPanel *self, const GError *error);
static void refresh_now (KspReviewPanel *self);

static gint64
widget_comment (GtkWidget *widget)
{
  return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "ksp-comment"));
}

static void
on_resolve_clicked (GtkButton      *button,
                    KspReviewPanel *self)
{
  g_autoptr (GError) error = NULL;
  gboolean resolve = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "ksp-resolve"));

  if (!ksp_workspace_resolve_comment (self->workspace, ksp_node_get_id (ksp_document_get_root (self->draft)),
                                      widget_comment (GTK_WIDGET (button)), resolve, &error))
    show_error (self, error);
}

static void
on_reply_activate (GtkEntry       *entry,
                   KspReviewPanel *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*text == '\0' || self->draft == NULL || self->element == NULL)
    return;
  if (!ksp_workspace_add_comment (self->workspace, self->draft, self->element, NULL, KSP_LANG_NONE,
                                  widget_comment (GTK_WIDGET (entry)), text, &error))
    show_error (self, error);   /* the reply stays in its entry */
}

static void
on_reply_clicked (GtkButton *button,
                  GtkWidget *entry)
{
  gtk_widget_set_visible (entry, TRUE);
  gtk_widget_grab_focus (entry);
}

static GtkWidget *
comment_widget (KspReviewPanel   *self,
                const KspComment *c,
                gboolean          first)
{
  GtkWidget *column = ksp_column_new (2);
  g_autofree char *name = ksp_workspace_dup_display_name (self->workspace, c->author);
  g_autofree char *when = when_text (c->created_at);
  g_autofree char *header = NULL;
  g_autofree char *field = c->field ? field_text (self->element ? ksp_node_get_kind (self->element) : NULL,
                                                  c->field, c->lang) : NULL;

  if (field)
    /* Translators: a comment's header: who, when, and the field it is on */
    header = g_markup_printf_escaped (_("<b>%s</b> · %s · on %s"), name, when, field);
  else
    header = g_markup_printf_escaped ("<b>%s</b> · %s", name, when);
  {
    GtkWidget *label = text_label (NULL, first ? NULL : "dim-label");
    gtk_label_set_markup (GTK_LABEL (label), header);
    gtk_label_set_selectable (GTK_LABEL (label), FALSE);
    ksp_column_append (KSP_COLUMN (column), label);
  }
  ksp_column_append (KSP_COLUMN (column), text_label (c->text, NULL));
  if (!first)
    gtk_widget_set_margin_start (column, 12);
  return column;
}

/* One thread: its first comment, the replies, and what can be done with it. */
static GtkWidget *
thread_widget (KspReviewPanel   *self,
               const KspComment *first,
               GPtrArray        *comments,
               gboolean          orphan)
{
  GtkWidget *card = ksp_column_new (6);
  GtkWidget *buttons, *entry;
  gboolean resolved = first->resolved_by != NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *author = ksp_workspace_dup_display_name (self->workspace, first->author);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "ksp-thread");
  if (resolved)
    gtk_widget_add_css_class (card, "ksp-thread-resolved");
  /* Translators: a comment thread, for screen readers: "Comment by Dana: text" */
  accessible = g_strdup_printf (_("Comment by %s: %s"), author, first->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  if (orphan)
    ksp_column_append (KSP_COLUMN (card), text_label (_("On an element that was deleted"), "warning"));
  ksp_column_append (KSP_COLUMN (card), comment_widget (self, first, TRUE));
  for (guint i = 0; i < comments->len; i++)
    {
      KspComment *c = g_ptr_array_index (comments, i);
      if (c->reply_to == first->id)
        ksp_column_append (KSP_COLUMN (card), comment_widget (self, c, FALSE));
    }
  if (resolved)
    {
      g_autofree char *by = ksp_workspace_dup_display_name (self->workspace, first->resolved_by);
      g_autofree char *when = when_text (first->resolved_at);
      /* Translators: a thread's state: who resolved it and when */
      g_autofree char *text = g_strdup_printf (_("Resolved by %s, %s"), by, when);
      ksp_column_append (KSP_COLUMN (card), text_label (text, "dim-label"));
    }

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reply"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reply"), -1);
  g_object_set_data (G_OBJECT (entry), "ksp-comment", GSIZE_TO_POINTER ((gsize) first->id));
  g_signal_connect (entry, "activate", G_CALLBACK (on_reply_activate), self);
  gtk_widget_set_visible (entry, FALSE);
  if (self->editable && !resolved && !orphan)
    {
      GtkWidget *reply = gtk_button_new_with_mnemonic (_("_Reply"));
      gtk_widget_add_css_class (reply, "flat");
      g_signal_connect (reply, "clicked", G_CALLBACK (on_reply_clicked), entry);
      gtk_box_append (GTK_BOX (buttons), reply);
    }
  if (self->editable)
    {
      GtkWidget *resolve = gtk_button_new_with_mnemonic (resolved ? _("Re_open") : _("Re_solve"));
      gtk_widget_add_css_class (resolve, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (resolve), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      resolved ? _("Reopen the thread") : _("Resolve the thread"), -1);
      g_object_set_data (G_OBJECT (resolve), "ksp-comment", GSIZE_TO_POINTER ((gsize) first->id));
      g_object_set_data (G_OBJECT (resolve), "ksp-resolve", GINT_TO_POINTER (!resolved));
      g_signal_connect (resolve, "clicked", G_CALLBACK (on_resolve_clicked), self);
      gtk_box_append (GTK_BOX (buttons), resolve);
    }
  gtk_widget_set_visible (buttons, gtk_widget_get_first_child (buttons) != NULL);
  ksp_column_append (KSP_COLUMN (card), buttons);
  ksp_column_append (KSP_COLUMN (card), entry);
  return card;
}

static void
clear_shown (KspReviewPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* The focus in a thread that goes (a reply sent, a thread resolved) moves to the new comment's view:
   * GTK 4.8 would leave it on the removed widget, and the keyboard would do nothing. */
  for (guint i = 0; focus && i < self->shown->len; i++)
    if (focus == g_ptr_array_index (self->shown, i) || gtk_widget_is_ancestor (focus, g_ptr_array_index (self->shown, i)))
      {
        if (gtk_widget_get_visible (self->new_comment_box) && gtk_widget_grab_focus (GTK_WIDGET (self->comment_view)))
          break;
        gtk_root_set_focus (root, NULL);
        break;
      }
  for (guint i = 0; i < self->shown->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (self->shown, i);
      GtkWidget *parent = gtk_widget_get_parent (w);
      if (parent)
        gtk_box_remove (GTK_BOX (parent), w);
    }
  g_ptr_array_set_size (self->shown, 0);
}

static void
add_shown (KspReviewPanel *self,
           GtkWidget      *box,
           GtkWidget      *child)
{
  gtk_box_append (GTK_BOX (box), child);
  g_ptr_array_add (self->shown, child);
}

static void
fill_threads (KspReviewPanel *self,
              GPtrArray      *comments)
{
  const char *element_id = ksp_node_get_id (self->element);
  gboolean on_root = self->element == ksp_document_get_root (self->draft);

  self->n_threads = 0;
  for (guint i = 0; i < comments->len; i++)
    {
      KspComment *c = g_ptr_array_index (comments, i);
      gboolean orphan = FALSE;

      if (c->reply_to != 0)
        continue;
      if (g_strcmp0 (c->element_id, element_id) != 0)
        {
          /* the comments whose element went are shown on the standard */
          if (!on_root || ksp_document_lookup (self->draft, c->element_id) != NULL)
            continue;
          orphan = TRUE;
        }
      add_shown (self, self->threads_box, thread_widget (self, c, comments, orphan));
      self->n_threads++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_comments_label), self->n_threads == 0);
}

/* ---------------------------------------------------------------------------------------------- */
/* the history                                                                                      */

static char *
record_text (const KspChangeRecord *r)
{
  switch (r->op)
    {
    case KSP_RECORD_SET:
      {
        g_autofree char *field = field_text (r->kind, r->field, r->lang);
        return g_strdup_printf ("%s: «%s» → «%s»", field, r->old_value ? r->old_value : "—",
                                r->new_value ? r->new_value : "—");
      }
    case KSP_RECORD_NUMBER:
      /* Translators: the number as written changed: "number: «1.» → «2.»" */
      return g_strdup_printf (_("number: «%s» → «%s»"), r->old_value ? r->old_value : "—",
                              r->new_value ? r->new_value : "—");
    case KSP_RECORD_INSERT:
      return g_strdup (_("added"));
    case KSP_RECORD_DELETE:
      return g_strdup (_("deleted"));
    case KSP_RECORD_MOVE:
      return g_strdup (_("moved"));
    case KSP_RECORD_FREEZE:
      /* Translators: %s is the edition's number */
      return g_strdup_printf (_("edition %s frozen"), r->new_value ? r->new_value : "");
    case KSP_RECORD_CREATE:
      return g_strdup (_("imported"));
    case KSP_RECORD_STATUS:
    case KSP_RECORD_COMMENT:
    default:
      return NULL;
    }
}

static const char *
action_text (const char *action)
{
  if (g_strcmp0 (action, "undo") == 0)
    /* Translators: a history entry that undid an edit */
    return _("undone");
  if (g_strcmp0 (action, "redo") == 0)
    return _("redone");
  return NULL;
}

static GtkWidget *
history_widget (KspReviewPanel    *self,
                const KspLogEntry *e,
                GHashTable        *set_status,
                GHashTable        *membership)
{
  gint64 change_set = membership ? ksp_log_entry_change_set_in (e, membership) : e->change_set;
  GtkWidget *column = ksp_column_new (2);
  g_autofree char *name = ksp_workspace_dup_display_name (self->workspace, e->author);
  g_autofree char *when = when_text (e->at);
  g_autoptr (GString) header = g_string_new (NULL);
  g_autoptr (GString) accessible = g_string_new (NULL);
  const char *action = action_text (e->action);
  GtkWidget *label;

  g_string_append_printf (header, "<b>%s</b> · %s", name, when);
  if (change_set)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, change_set);
      const char *status = g_hash_table_lookup (set_status, &change_set);
      /* Translators: in an element's history: the change set an edit is in, and its status */
      g_autofree char *set = g_strdup_printf (_("change set %s (%s)"), number, ksp_review_status_text (status));
      g_autofree char *escaped = g_markup_escape_text (set, -1);
      g_string_append_printf (header, " · %s", escaped);
    }
  if (action)
    g_string_append_printf (header, " · <i>%s</i>", action);
  label = text_label (NULL, NULL);
  gtk_label_set_markup (GTK_LABEL (label), header->str);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  ksp_column_append (KSP_COLUMN (column), label);
  g_string_append_printf (accessible, "%s, %s", name, when);
  for (guint r = 0; r < e->records->len; r++)
    {
      g_autofree char *text = record_text (g_ptr_array_index (e->records, r));
      if (text == NULL)
        continue;
      label = text_label (text, NULL);
      gtk_label_set_lines (GTK_LABEL (label), 6);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (label, text);
      ksp_column_append (KSP_COLUMN (column), label);
      g_string_append_printf (accessible, ": %s", text);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (column), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str, -1);
  gtk_widget_add_css_class (column, "ksp-history-entry");
  return column;
}

static void
fill_history (KspReviewPanel *self,
              GPtrArray      *log,
              GPtrArray      *sets)
{
  g_autoptr (GPtrArray) history = ksp_change_log_history_of (log, ksp_node_get_id (self->element));
  g_autoptr (GHashTable) set_status = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTable *membership;
  g_autoptr (GError) error = NULL;
  guint shown = 0, left = 0;

  /* the change set each entry is in now (a split or a merge moves entries) */
  if (!(membership = ksp_workspace_get_membership (self->workspace,
                                                   ksp_node_get_id (ksp_document_get_root (self->draft)), &error)))
    g_debug ("No change set membership: %s", error->message);

  for (guint i = 0; sets && i < sets->len; i++)
    {
      KspChangeSet *c = g_ptr_array_index (sets, i);
      g_hash_table_insert (set_status, &c->id, c->status);
    }
  for (guint i = history->len; i-- > 0;)   /* the newest first */
    {
      KspLogEntry *e = g_ptr_array_index (history, i);
      if (g_strcmp0 (e->action, "comment") == 0 || g_strcmp0 (e->action, "review") == 0)
        continue;
      if (shown == MAX_HISTORY)
        {
          left++;
          continue;
        }
      add_shown (self, self->history_box, history_widget (self, e, set_status, membership));
      shown++;
    }
  if (left)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u earlier change (kasip audit --element)",
                                                            "and %u earlier changes (kasip audit --element)", left), left);
      add_shown (self, self->history_box, text_label (text, "dim-label"));
    }
  self->n_history = shown;
  gtk_widget_set_visible (GTK_WIDGET (self->no_history_label), shown == 0);
}

/* ---------------------------------------------------------------------------------------------- */
/* the new comment's anchors                                                                        */

static void
fill_anchors (KspReviewPanel *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  const KspKindSpec *kind = self->element ? ksp_node_get_kind_spec (self->element) : NULL;
  Anchor whole = { NULL, KSP_LANG_NONE };
  KspLang first = ksp_interface_data_language ();
  KspLang langs[2] = { first, ksp_other_language (first) };

  g_array_set_size (self->anchors, 0);
  gtk_string_list_append (names, _("The whole element"));
  g_array_append_val (self->anchors, whole);
  for (guint i = 0; kind && i < kind->n_fields; i++)
    {
      const KspFieldSpec *f = &kind->fields[i];
      gboolean bilingual = ksp_field_is_bilingual (f);

      if (f->flags & (KSP_FIELD_META | KSP_FIELD_DERIVED))
        continue;
      for (guint l = 0; l < (bilingual ? 2u : 1u); l++)
        {
          KspLang lang = bilingual ? langs[l] : KSP_LANG_NONE;
          Anchor a = { g_strdup (f->name), lang };
          g_autofree char *name = NULL;

          if (ksp_node_get_value (self->element, f->name, lang) == NULL && (f->flags & KSP_FIELD_LEGACY))
            {
              g_free (a.field);
              continue;
            }
          name = field_text (kind->name, f->name, lang);
          gtk_string_list_append (names, name);
          g_array_append_val (self->anchors, a);
        }
    }
  gtk_drop_down_set_model (self->anchor_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->anchor_dropdown, 0);
}

/* ---------------------------------------------------------------------------------------------- */
/* reading                                                                                          */

static void
show_error (KspReviewPanel *self,
            const GError   *error)
{
  gtk_label_set_text (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
fill_header (KspReviewPanel *self,
             GPtrArray      *sets,
             GPtrArray      *comments)
{
  g_autofree char *name = ksp_workspace_dup_display_name (self->workspace, NULL);
  g_autofree char *roles = ksp_review_roles_text (ksp_workspace_get_roles (self->workspace));
  /* Translators: who you are in the review panel: "You: Dana Aliyeva (drafter, reviewer)" */
  g_autofree char *who = g_strdup_printf (_("You: %s (%s)"), name, roles);
  guint waiting = 0, open_threads = 0;
  g_autoptr (GString) summary = g_string_new (NULL);
  gboolean set_up;

  gtk_label_set_text (self->who_label, who);
  for (guint i = 0; sets && i < sets->len; i++)
    {
      KspChangeSet *c = g_ptr_array_index (sets, i);
      if (g_strcmp0 (c->status, "submitted") == 0 && c->n_entries > 0)
        waiting++;
    }
  for (guint i = 0; comments && i < comments->len; i++)
    {
      KspComment *c = g_ptr_array_index (comments, i);
      if (c->reply_to == 0 && c->resolved_by == NULL)
        open_threads++;
    }
  /* change sets only once review is set up (in a workspace of one nothing waits for approval) */
  set_up = ksp_review_is_set_up (ksp_workspace_get_store (self->workspace), NULL);
  if (set_up)
    {
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u change set waiting for review",
                                                    "%u change sets waiting for review", waiting), waiting);
      g_string_append (summary, " · ");
    }
  gtk_widget_set_visible (self->sets_button, set_up && self->show_change_sets);
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u open thread", "%u open threads", open_threads),
                          open_threads);
  gtk_label_set_text (self->summary_label, summary->str);
}

static void
refresh_now (KspReviewPanel *self)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *comments = NULL, *log = NULL, *sets = NULL;
  const char *standard_id;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->dirty = FALSE;
  clear_shown (self);
  self->n_threads = self->n_history = 0;
  gtk_widget_set_visible (self->new_comment_box, self->editable && self->element != NULL);
  if (self->anchors_dirty)
    {
      fill_anchors (self);
      self->anchors_dirty = FALSE;
    }
  if (self->workspace == NULL || self->draft == NULL || self->element == NULL)
    {
      gtk_label_set_text (self->element_label, _("Select an element in the outline"));
      gtk_widget_set_visible (GTK_WIDGET (self->no_comments_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->no_history_label), FALSE);
      if (self->workspace)
        fill_header (self, NULL, NULL);
      return;
    }
  {
    g_autofree char *path = ksp_node_dup_path (self->element, KSP_NODE_PATH_DEFAULT, ksp_ui_lang_default ());
    gtk_label_set_text (self->element_label, path && *path ? path : ksp_kind_label (ksp_node_get_kind_spec (self->element),
                                                                                    ksp_interface_data_language ()));
  }
  standard_id = ksp_node_get_id (ksp_document_get_root (self->draft));
  if (!(comments = ksp_workspace_list_comments (self->workspace, standard_id, &error)) ||
      !(sets = ksp_workspace_list_change_sets (self->workspace, standard_id, &error)) ||
      !(log = ksp_workspace_list_log (self->workspace, standard_id, &error)))
    {
      show_error (self, error);
      return;
    }
  fill_header (self, sets, comments);
  fill_threads (self, comments);
  fill_history (self, log, sets);
}

static gboolean
refresh_cb (gpointer user_data)
{
  KspReviewPanel *self = user_data;

  self->refresh_source = 0;
  refresh_now (self);
  return G_SOURCE_REMOVE;
}

/* Reads again soon when shown (@delay ms: edits come in bursts), else when it is. */
static void
queue_refresh (KspReviewPanel *self,
               guint           delay)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  if (self->refresh_source)
    return;
  self->refresh_source = g_timeout_add (delay, refresh_cb, self);
}

static void
on_workspace_changed (KspWorkspace   *workspace,
                      const char     *standard_id,
                      guint           what,
                      KspReviewPanel *self)
{
  if (self->draft == NULL)
    return;
  if (standard_id && g_strcmp0 (standard_id, ksp_node_get_id (ksp_document_get_root (self->draft))) != 0)
    return;
  if (what & KSP_WORKSPACE_CHANGED_COMMENTS)
    {
      /* a comment posted here: its text is stored, the view is cleared */
      show_error (self, NULL);
    }
  queue_refresh (self, what == KSP_WORKSPACE_CHANGED_LOG ? 500 : 0);
}

/* ---------------------------------------------------------------------------------------------- */
/* posting                                                                                          */

gboolean
ksp_review_panel_post_comment (KspReviewPanel *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  guint selected;
  const Anchor *a;

  g_return_val_if_fail (KSP_IS_REVIEW_PANEL (self), FALSE);

  if (self->workspace == NULL || self->draft == NULL || self->element == NULL || !self->editable)
    return FALSE;
  buffer = gtk_text_view_get_buffer (self->comment_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    return FALSE;
  selected = gtk_drop_down_get_selected (self->anchor_dropdown);
  a = selected < self->anchors->len ? &g_array_index (self->anchors, Anchor, selected) : NULL;
  if (!ksp_workspace_add_comment (self->workspace, self->draft, self->element, a ? a->field : NULL,
                                  a ? a->lang : KSP_LANG_NONE, 0, text, &error))
    {
      show_error (self, error);   /* the text stays in the view */
      return FALSE;
    }
  gtk_text_buffer_set_text (buffer, "", 0);
  return TRUE;
}

static void
on_post_clicked (KspReviewPanel *self)
{
  ksp_review_panel_post_comment (self);
}

static void
on_comment_buffer_changed (KspReviewPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->comment_view);
  gtk_widget_set_sensitive (self->post_button, gtk_text_buffer_get_char_count (buffer) > 0);
}

static gboolean
on_comment_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KspReviewPanel        *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK))
    {
      ksp_review_panel_post_comment (self);
      return TRUE;
    }
  return FALSE;
}

/* ---------------------------------------------------------------------------------------------- */

static void
ksp_review_panel_map (GtkWidget *widget)
{
  KspReviewPanel *self = KSP_REVIEW_PANEL (widget);

  GTK_WIDGET_CLASS (ksp_review_panel_parent_class)->map (widget);
  if (self->dirty)
    queue_refresh (self, 0);
}

static void
ksp_review_panel_dispose (GObject *object)
{
  KspReviewPanel *self = KSP_REVIEW_PANEL (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->workspace)
    g_clear_signal_handler (&self->changed_id, self->workspace);
  g_clear_object (&self->workspace);
  g_clear_object (&self->draft);
  g_clear_object (&self->element);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (ksp_review_panel_parent_class)->dispose (object);
}

static void
ksp_review_panel_finalize (GObject *object)
{
  KspReviewPanel *self = KSP_REVIEW_PANEL (object);

  g_array_unref (self->anchors);
  g_ptr_array_unref (self->shown);
  G_OBJECT_CLASS (ksp_review_panel_parent_class)->finalize (object);
}

static void
ksp_review_panel_class_init (KspReviewPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ksp_review_panel_dispose;
  object_class->finalize = ksp_review_panel_finalize;
  widget_class->map = ksp_review_panel_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ksp-review-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
ksp_review_panel_init (KspReviewPanel *self)
{
  GtkWidget *header, *scroller, *content, *frame, *buttons;
  GtkEventController *keys;

  self->show_change_sets = TRUE;
  self->anchors = g_array_new (FALSE, TRUE, sizeof (Anchor));
  g_array_set_clear_func (self->anchors, (GDestroyNotify) anchor_clear);
  self->shown = g_ptr_array_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Review"), -1);

  /* All of it scrolls, the header too: a wrapping label outside the scrolled window would make the panel's
   * least height depend on its width, which GtkPaned does not ask for (GTK warns, and rows overlap). */
  header = ksp_column_new (4);
  gtk_widget_add_css_class (header, "ksp-review-header");
  self->who_label = GTK_LABEL (text_label (NULL, NULL));
  gtk_label_set_selectable (self->who_label, FALSE);
  ksp_column_append (KSP_COLUMN (header), GTK_WIDGET (self->who_label));
  self->summary_label = GTK_LABEL (text_label (NULL, "dim-label"));
  gtk_label_set_selectable (self->summary_label, FALSE);
  ksp_column_append (KSP_COLUMN (header), GTK_WIDGET (self->summary_label));
  self->sets_button = gtk_button_new_with_mnemonic (_("_Change Sets…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->sets_button), "win.review");
  gtk_widget_set_halign (self->sets_button, GTK_ALIGN_START);
  ksp_column_append (KSP_COLUMN (header), self->sets_button);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 8);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  gtk_box_append (GTK_BOX (self->box), scroller);
  self->content = content;
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->element_label = GTK_LABEL (heading (NULL));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->element_label));
  gtk_box_append (GTK_BOX (content), heading (_("Comments")));
  self->threads_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (content), self->threads_box);
  self->no_comments_label = GTK_LABEL (text_label (_("No comments on it."), "dim-label"));
  gtk_label_set_selectable (self->no_comments_label, FALSE);
  gtk_box_append (GTK_BOX (self->threads_box), GTK_WIDGET (self->no_comments_label));

  /* a new comment */
  self->new_comment_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  self->anchor_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->anchor_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What the comment is on"), -1);
  gtk_box_append (GTK_BOX (self->new_comment_box), GTK_WIDGET (self->anchor_dropdown));
  self->comment_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->comment_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->comment_view, FALSE);
  gtk_text_view_set_top_margin (self->comment_view, 6);
  gtk_text_view_set_bottom_margin (self->comment_view, 6);
  gtk_text_view_set_left_margin (self->comment_view, 6);
  gtk_text_view_set_right_margin (self->comment_view, 6);
  gtk_widget_set_size_request (GTK_WIDGET (self->comment_view), -1, 64);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->comment_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New comment"), -1);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);   /* before the view takes Return */
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_comment_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->comment_view), keys);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->comment_view), "changed",
                            G_CALLBACK (on_comment_buffer_changed), self);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->comment_view));
  gtk_box_append (GTK_BOX (self->new_comment_box), frame);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->post_button = gtk_button_new_with_mnemonic (_("Co_mment"));
  gtk_widget_set_tooltip_text (self->post_button, _("Add the comment"));
  gtk_widget_add_css_class (self->post_button, "suggested-action");
  gtk_widget_set_sensitive (self->post_button, FALSE);
  g_signal_connect_swapped (self->post_button, "clicked", G_CALLBACK (on_post_clicked), self);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), self->post_button);
  gtk_box_append (GTK_BOX (self->new_comment_box), buttons);
  self->error_label = GTK_LABEL (text_label (NULL, "error"));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (self->new_comment_box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (content), self->new_comment_box);

  gtk_box_append (GTK_BOX (content), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (content), heading (_("History")));
  self->history_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_box_append (GTK_BOX (content), self->history_box);
  self->no_history_label = GTK_LABEL (text_label (_("Not changed since it was imported."), "dim-label"));
  gtk_label_set_selectable (self->no_history_label, FALSE);
  gtk_box_append (GTK_BOX (self->history_box), GTK_WIDGET (self->no_history_label));
}

GtkWidget *
ksp_review_panel_new (void)
{
  return g_object_new (KSP_TYPE_REVIEW_PANEL, NULL);
}

void
ksp_review_panel_set_workspace (KspReviewPanel *self,
                                KspWorkspace   *workspace)
{
  g_return_if_fail (KSP_IS_REVIEW_PANEL (self));

  if (self->workspace == workspace)
    return;
  if (self->workspace)
    g_clear_signal_handler (&self->changed_id, self->workspace);
  g_set_object (&self->workspace, workspace);
  if (workspace)
    self->changed_id = g_signal_connect (workspace, "changed", G_CALLBACK (on_workspace_changed), self);
  g_clear_object (&self->draft);
  g_clear_object (&self->element);
  queue_refresh (self, 0);
}

void
ksp_review_panel_set_document (KspReviewPanel *self,
                               KspDocument    *draft,
                               gboolean        editable)
{
  g_return_if_fail (KSP_IS_REVIEW_PANEL (self));

  if (self->draft != draft)
    {
      g_clear_object (&self->element);
      self->anchors_dirty = TRUE;
    }
  g_set_object (&self->draft, draft);
  self->editable = editable && draft != NULL;
  show_error (self, NULL);
  queue_refresh (self, 0);
}

void
ksp_review_panel_set_element (KspReviewPanel *self,
                              KspNode        *element)
{
  g_return_if_fail (KSP_IS_REVIEW_PANEL (self));

  if (self->element == element)
    return;
  g_set_object (&self->element, element);
  self->anchors_dirty = TRUE;
  show_error (self, NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh_now (self);
  else
    self->dirty = TRUE;
}

void
ksp_review_panel_refresh (KspReviewPanel *self)
{
  g_return_if_fail (KSP_IS_REVIEW_PANEL (self));
  refresh_now (self);
}

GtkWidget *
ksp_review_panel_get_comment_view (KspReviewPanel *self)
{
  g_return_val_if_fail (KSP_IS_REVIEW_PANEL (self), NULL);
  return GTK_WIDGET (self->comment_view);
}

guint
ksp_review_panel_get_n_threads (KspReviewPanel *self)
{
  g_return_val_if_fail (KSP_IS_REVIEW_PANEL (self), 0);
  return self->n_threads;
}

guint
ksp_review_panel_get_n_history (KspReviewPanel *self)
{
  g_return_val_if_fail (KSP_IS_REVIEW_PANEL (self), 0);
  return self->n_history;
}

/* Whether the header offers the Review dialog (win.review): not where the panel is outside the editor. */
void
ksp_review_panel_set_show_change_sets (KspReviewPanel *self,
                                       gboolean        show)
{
  g_return_if_fail (KSP_IS_REVIEW_PANEL (self));
  self->show_change_sets = show;
  gtk_widget_set_visible (self->sets_button, show);
}

/* F6 into the panel: the new comment's text when it can be written, else the first control. */
gboolean
ksp_review_panel_focus (KspReviewPanel *self)
{
  g_return_val_if_fail (KSP_IS_REVIEW_PANEL (self), FALSE);

  if (gtk_widget_get_visible (self->new_comment_box) && gtk_widget_grab_focus (GTK_WIDGET (self->comment_view)))
    return TRUE;
  return gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

/* @widget above the header, scrolling with the rest (the compare view's decision on the change shown). */
void
ksp_review_panel_set_top (KspReviewPanel *self,
                          GtkWidget      *widget)
{
  g_return_if_fail (KSP_IS_REVIEW_PANEL (self));
  gtk_box_prepend (GTK_BOX (self->content), widget);
}
