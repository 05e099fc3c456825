/* ksp-compare-window.c: the compare view (see ksp-compare-window.h) */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ksp-amending-order.h"
#include "ksp-comparative-table.h"
#include "ksp-compare-window.h"
#include "ksp-export.h"
#include "ksp-interface-language.h"
#include "ksp-justifications.h"
#include "ksp-node-path.h"
#include "ksp-window-private.h"

/* One row of the list: a card's heading (with its count) or a change. ------------------------------ */

#define KSP_TYPE_COMPARE_ITEM (ksp_compare_item_get_type ())
G_DECLARE_FINAL_TYPE (KspCompareItem, ksp_compare_item, KSP, COMPARE_ITEM, GObject)

struct _KspCompareItem
{
  GObject    parent_instance;
  KspChange *change;    /* NULL for a heading; owned by the window's list of changes */
  char      *text;      /* what the row says */
  char      *detail;    /* its second line */
};

G_DEFINE_FINAL_TYPE (KspCompareItem, ksp_compare_item, G_TYPE_OBJECT)

static void
ksp_compare_item_finalize (GObject *object)
{
  KspCompareItem *self = KSP_COMPARE_ITEM (object);

  g_free (self->text);
  g_free (self->detail);
  G_OBJECT_CLASS (ksp_compare_item_parent_class)->finalize (object);
}

static void
ksp_compare_item_class_init (KspCompareItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ksp_compare_item_finalize;
}

static void
ksp_compare_item_init (KspCompareItem *self)
{
}

static KspCompareItem *
item_new (KspChange  *change,
          char       *text,
          char       *detail)
{
  KspCompareItem *item = g_object_new (KSP_TYPE_COMPARE_ITEM, NULL);

  item->change = change;
  item->text = text;
  item->detail = detail;
  return item;
}

/* The window ---------------------------------------------------------------------------------------- */

struct _KspCompareWindow
{
  AdwWindow       parent_instance;

  KspWindow      *parent;        /* weak */
  KspNode        *old_root;
  KspNode        *new_root;
  gboolean        new_is_draft;
  GPtrArray      *changes;       /* KspChange, all; NULL until the diff is done */

  GListStore     *store;         /* KspCompareItem: what the filters let through */
  GtkSingleSelection *selection;
  GtkWidget      *list_view;
  GtkWidget      *stack;         /* "working" | "changes" | "none" */
  GtkWidget      *summary;       /* counts per kind */
  GtkWidget      *show_dropdown;
  GtkWidget      *lang_dropdown;
  GtkWidget      *stale_toggle;
  GtkWidget      *detail_box;    /* the selected change */
  GtkWidget      *open_button;
  GtkWidget      *header;
  GtkWidget      *side_paned;    /* detail | a side widget given (ksp_compare_window_set_side) */

  KspCompareShow  show;
  KspLang         lang;
  gboolean        stale_only;
  gboolean        setting_filter;   /* the controls are being set to the filter: their handlers wait */
  guint           n_shown;
  KspUiLang       ui_lang;

  KspJustifications *notes;      /* (nullable): the standard's justifications, written from the detail */
  GPtrArray      *note_editors;  /* NoteEditor: the justification editors of the change shown */
  gboolean        unjustified_only;
  GtkWidget      *unjustified_toggle;
  int             export_pending;   /* KspCompareExport + 1 to ask for once the diff is done; 0: none */
};

/* The editor of one justification of the change shown: stored 0.4 s after the last keystroke, when it
 * loses the focus, and before another change is shown. */
typedef struct {
  KspCompareWindow *self;
  GtkWidget        *view;
  GtkWidget        *status;    /* what went wrong storing it, under the editor */
  GtkTextBuffer    *buffer;    /* the view's, held until the editor goes: its handlers are taken off then */
  GtkEventController *focus;
  KspLang           lang;
  char             *key;
  guint             save_id;
} NoteEditor;

#define NOTE_SAVE_DELAY_MS 400

G_DEFINE_FINAL_TYPE (KspCompareWindow, ksp_compare_window, ADW_TYPE_WINDOW)

static const char *
op_label (const KspChange *c)
{
  switch (c->op)
    {
    case KSP_CHANGE_ADDED:
      return _("Added");
    case KSP_CHANGE_REMOVED:
      return _("Removed");
    case KSP_CHANGE_MOVED:
      return c->reordered ? _("Reordered") : _("Moved");
    case KSP_CHANGE_CHANGED:
    default:
      return _("Changed");
    }
}

static const char *
op_icon (const KspChange *c)
{
  switch (c->op)
    {
    case KSP_CHANGE_ADDED:
      return "list-add-symbolic";
    case KSP_CHANGE_REMOVED:
      return "list-remove-symbolic";
    case KSP_CHANGE_MOVED:
      return "object-flip-vertical-symbolic";
    case KSP_CHANGE_CHANGED:
    default:
      return "document-edit-symbolic";
    }
}

static KspLang
shown_data_lang (KspCompareWindow *self)
{
  return self->ui_lang == KSP_UI_LANG_KK ? KSP_LANG_KK : KSP_LANG_RU;
}

static gboolean
passes (KspCompareWindow *self,
        const KspChange  *c)
{
  static const KspChangeOp ops[] = {
    [KSP_COMPARE_SHOW_CHANGED] = KSP_CHANGE_CHANGED, [KSP_COMPARE_SHOW_ADDED] = KSP_CHANGE_ADDED,
    [KSP_COMPARE_SHOW_REMOVED] = KSP_CHANGE_REMOVED, [KSP_COMPARE_SHOW_MOVED] = KSP_CHANGE_MOVED,
  };

  if (self->show != KSP_COMPARE_SHOW_ALL && c->op != ops[self->show])
    return FALSE;
  if (self->lang != KSP_LANG_NONE && (c->op != KSP_CHANGE_CHANGED || c->lang != self->lang))
    return FALSE;
  if (self->stale_only && !c->stale_translation)
    return FALSE;
  if (self->unjustified_only && self->notes && ksp_comparative_table_has_row (c, shown_data_lang (self)) &&
      ksp_justifications_get (self->notes, c, shown_data_lang (self)))
    return FALSE;
  return TRUE;
}

/* The row's words for a change: its path below the card, and what happened. */
/* The change's path below its card (the card is the heading above it); NULL for the card itself. */
static char *
path_in_card (KspCompareWindow *self,
              KspChange        *c)
{
  KspNode *node = c->new_node ? c->new_node : c->old_node;
  g_auto (GStrv) segments = ksp_node_path_segments (node, KSP_NODE_PATH_CODES);
  KspNode *card = ksp_change_get_card (c);
  guint skip = card && g_str_has_prefix (segments[0], "card\t") && !(c->op != KSP_CHANGE_CHANGED && card == node)
               ? 1 : 0;

  if (skip && segments[1] == NULL)
    return NULL;
  return ksp_message_render_path ((const char *const *) segments + skip, self->ui_lang);
}

static KspCompareItem *
change_item (KspCompareWindow *self,
             KspChange        *c)
{
  g_autofree char *path = path_in_card (self, c);
  g_autoptr (GString) detail = g_string_new (op_label (c));
  KspNode *node = c->new_node ? c->new_node : c->old_node;
  g_autofree char *label = ksp_node_dup_label (node, shown_data_lang (self));

  if (c->op == KSP_CHANGE_CHANGED)
    {
      const KspKindSpec *spec = ksp_schema_lookup_kind (c->kind);
      const KspFieldSpec *field = spec ? ksp_kind_lookup_field (spec, c->field) : NULL;
      g_autofree char *name = g_strdup (field ? ksp_field_label (field, shown_data_lang (self)) : c->field);
      gsize len = strlen (name);
      while (len > 0 && name[len - 1] == ':')
        name[--len] = '\0';
      g_string_append_printf (detail, ": %s", name);
      if (c->lang != KSP_LANG_NONE)
        g_string_append_printf (detail, " (%s)", c->lang == KSP_LANG_KK ? _("Kazakh") : _("Russian"));
      if (c->stale_translation)
        g_string_append_printf (detail, " · %s", _("the other language was not updated"));
    }
  if (c->renumbered && c->renumbered->len)
    /* Translators: how many numbers followed a change */
    g_string_append_printf (detail, " · %s %u", _("renumbered:"), c->renumbered->len);
  if (path == NULL)   /* a field of the card itself */
    return item_new (c, g_strdup (_("The card")), g_string_free (g_steal_pointer (&detail), FALSE));
  if (label && *label && c->kind && !g_str_equal (c->kind, "card"))
    {
      g_autofree char *both = g_strdup_printf ("%s — %s", path, label);
      return item_new (c, g_steal_pointer (&both), g_string_free (g_steal_pointer (&detail), FALSE));
    }
  return item_new (c, g_steal_pointer (&path), g_string_free (g_steal_pointer (&detail), FALSE));
}

static void ask_export (KspCompareWindow *self, KspCompareExport what);

/* The number of the table's rows (in the language of the texts shown) that have a justification. */
static void
count_justified (KspCompareWindow *self,
                 guint            *n_justified,
                 guint            *n_rows)
{
  KspLang lang = shown_data_lang (self);

  *n_justified = *n_rows = 0;
  for (guint i = 0; self->changes && i < self->changes->len; i++)
    {
      KspChange *c = g_ptr_array_index (self->changes, i);
      if (!ksp_comparative_table_has_row (c, lang))
        continue;
      (*n_rows)++;
      if (self->notes && ksp_justifications_get (self->notes, c, lang))
        (*n_justified)++;
    }
}

/* The counts of the list, and how many changes are justified. */
static void
show_summary (KspCompareWindow *self)
{
  const char *counts = g_object_get_data (G_OBJECT (self->summary), "ksp-counts");
  g_autofree char *text = NULL;
  guint n_justified, n_rows;

  if (counts == NULL)
    return;
  if (self->notes == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->summary), counts);
      return;
    }
  count_justified (self, &n_justified, &n_rows);
  /* Translators: after the counts: how many rows of the comparative table have a justification */
  text = g_strdup_printf (_("%s · %u of %u justified"), counts, n_justified, n_rows);
  gtk_label_set_text (GTK_LABEL (self->summary), text);
}

/* Fills the list with the changes the filters let through, a heading before each card's. */
static void
fill_list (KspCompareWindow *self)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  KspNode *card = NULL;
  guint heading_at = 0, in_card = 0, counts[4] = { 0 };
  g_autofree char *summary = NULL;

  self->n_shown = 0;
  for (guint i = 0; self->changes && i < self->changes->len; i++)
    {
      KspChange *c = g_ptr_array_index (self->changes, i);
      KspNode *this_card = ksp_change_get_card (c);

      counts[c->op]++;
      if (!passes (self, c))
        continue;
      if (this_card != card || items->len == 0)
        {
          if (items->len && in_card)
            {
              KspCompareItem *h = g_ptr_array_index (items, heading_at);
              char *t = g_strdup_printf ("%s (%u)", h->text, in_card);
              g_free (h->text);
              h->text = t;
            }
          card = this_card;
          heading_at = items->len;
          in_card = 0;
          g_ptr_array_add (items, item_new (NULL,
                                            card ? ksp_node_dup_path (card, KSP_NODE_PATH_CODES, self->ui_lang)
                                                 : g_strdup (_("Outside the profession cards")),
                                            card ? g_strdup (ksp_node_get_value (card, "profession_name",
                                                                                 shown_data_lang (self)))
                                                 : NULL));
        }
      g_ptr_array_add (items, change_item (self, c));
      in_card++;
      self->n_shown++;
    }
  if (items->len && in_card)
    {
      KspCompareItem *h = g_ptr_array_index (items, heading_at);
      char *t = g_strdup_printf ("%s (%u)", h->text, in_card);
      g_free (h->text);
      h->text = t;
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)), items->pdata,
                       items->len);
  /* Translators: the compare view's counts: all changes, then per kind */
  summary = g_strdup_printf (ngettext ("%u change: %u changed, %u added, %u removed, %u moved · %u shown",
                                       "%u changes: %u changed, %u added, %u removed, %u moved · %u shown",
                                       self->changes ? self->changes->len : 0),
                             self->changes ? self->changes->len : 0, counts[KSP_CHANGE_CHANGED],
                             counts[KSP_CHANGE_ADDED], counts[KSP_CHANGE_REMOVED], counts[KSP_CHANGE_MOVED],
                             self->n_shown);
  g_object_set_data_full (G_OBJECT (self->summary), "ksp-counts", g_strdup (summary), g_free);
  show_summary (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    self->changes && self->changes->len == 0 ? "none" : "changes");
  /* the first change, selected */
  if (items->len > 1)
    gtk_single_selection_set_selected (self->selection, 1);
  if (self->export_pending && self->changes)
    {
      KspCompareExport what = self->export_pending - 1;
      self->export_pending = 0;
      ask_export (self, what);
    }
}

/* The detail ---------------------------------------------------------------------------------------- */

/* The old or the new text of a change: a wrapping, selectable label; the changed words are marked. */
static GtkWidget *
text_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_start (label, 8);
  gtk_widget_set_margin_end (label, 8);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  return label;
}

#define DELETE_OPEN "<span background=\"#f6c8c8\" strikethrough=\"true\">"
#define INSERT_OPEN "<span background=\"#c6efc6\" weight=\"bold\">"
#define NONE_OPEN "<span style=\"italic\" foreground=\"#77767b\">"

static void
append_escaped (GString    *out,
                const char *open,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (open)
    g_string_append_printf (out, "%s%s</span>", open, escaped);
  else
    g_string_append (out, escaped);
}

/* Shows @spans in @label: on the old side the equal and deleted words, on the new the equal and inserted. */
static void
show_spans (GtkWidget *label,
            GPtrArray *spans,
            gboolean   old_side)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; spans && i < spans->len; i++)
    {
      KspWordSpan *s = g_ptr_array_index (spans, i);
      if (s->op == KSP_SPAN_EQUAL)
        append_escaped (out, NULL, s->text);
      else if (s->op == KSP_SPAN_DELETE && old_side)
        append_escaped (out, DELETE_OPEN, s->text);
      else if (s->op == KSP_SPAN_INSERT && !old_side)
        append_escaped (out, INSERT_OPEN, s->text);
    }
  gtk_label_set_markup (GTK_LABEL (label), out->str);
}

/* @how: NULL plain, "delete" or "insert" marked whole */
static void
show_plain (GtkWidget  *label,
            const char *text,
            const char *how)
{
  g_autoptr (GString) out = g_string_new (NULL);

  if (text && *text)
    append_escaped (out, g_strcmp0 (how, "delete") == 0 ? DELETE_OPEN : g_strcmp0 (how, "insert") == 0 ? INSERT_OPEN : NULL,
                    text);
  else
    append_escaped (out, NONE_OPEN, _("(none)"));
  gtk_label_set_markup (GTK_LABEL (label), out->str);
}

/* An element's own text in @lang: its bilingual fields, one per line. */
static char *
element_text (KspNode *node,
              KspLang  lang)
{
  const KspKindSpec *spec = node ? ksp_node_get_kind_spec (node) : NULL;
  GString *out = g_string_new (NULL);

  for (guint f = 0; spec && f < spec->n_fields; f++)
    {
      const char *v;

      if (!ksp_field_is_bilingual (&spec->fields[f]) || (spec->fields[f].flags & KSP_FIELD_META))
        continue;
      v = ksp_node_get_value (node, spec->fields[f].name, lang);
      if (v && *v)
        g_string_append_printf (out, "%s%s", out->len ? "\n" : "", v);
    }
  return g_string_free (out, FALSE);
}

/* Justifications ------------------------------------------------------------------------------------ */

static void on_selection_changed (KspCompareWindow *self);

static void
note_editor_free (NoteEditor *ed)
{
  /* the view may outlive this (it goes with the detail's widgets, or the window): no handler may reach here
   * after, as losing the focus when the window closes would */
  if (ed->buffer)
    g_signal_handlers_disconnect_by_data (ed->buffer, ed);
  if (ed->focus)
    g_signal_handlers_disconnect_by_data (ed->focus, ed);
  g_clear_object (&ed->buffer);
  g_clear_object (&ed->focus);
  g_clear_handle_id (&ed->save_id, g_source_remove);
  g_free (ed->key);
  g_free (ed);
}

static char *
note_editor_text (NoteEditor *ed)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ed->view));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strdup (g_strstrip (text));
}

/* Stores what the editor holds; on failure the text stays in the editor and the reason is shown under it. */
static void
note_editor_save (NoteEditor *ed)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = note_editor_text (ed);

  g_clear_handle_id (&ed->save_id, g_source_remove);
  if (ed->self->notes == NULL)
    return;
  if (!ksp_justifications_set_by_key (ed->self->notes, ed->key, ed->lang, text, &error))
    {
      /* Translators: %s is why the justification could not be stored */
      g_autofree char *message = g_strdup_printf (_("Not stored: %s"), error->message);
      gtk_label_set_text (GTK_LABEL (ed->status), message);
      gtk_widget_set_visible (ed->status, TRUE);
      return;
    }
  gtk_widget_set_visible (ed->status, FALSE);
}

static gboolean
note_save_timeout (gpointer data)
{
  NoteEditor *ed = data;

  ed->save_id = 0;
  note_editor_save (ed);
  return G_SOURCE_REMOVE;
}

static void
on_note_changed (GtkTextBuffer *buffer,
                 NoteEditor    *ed)
{
  g_clear_handle_id (&ed->save_id, g_source_remove);
  ed->save_id = g_timeout_add (NOTE_SAVE_DELAY_MS, note_save_timeout, ed);
}

static void
on_note_leave (GtkEventControllerFocus *focus,
               NoteEditor              *ed)
{
  if (ed->save_id)
    note_editor_save (ed);
}

/* Stores what the editors of the change shown hold and was not stored yet. */
static void
save_pending_notes (KspCompareWindow *self)
{
  for (guint i = 0; self->note_editors && i < self->note_editors->len; i++)
    {
      NoteEditor *ed = g_ptr_array_index (self->note_editors, i);
      if (ed->save_id)
        note_editor_save (ed);
    }
}

/* The same, before the editors go. */
static void
flush_notes (KspCompareWindow *self)
{
  save_pending_notes (self);
  if (self->note_editors)
    g_ptr_array_set_size (self->note_editors, 0);
}

/* The justification of @c for each table it has a row in: Kazakh above Russian. */
static void
add_note_editors (KspCompareWindow *self,
                  KspChange        *c)
{
  static const KspLang langs[] = { KSP_LANG_KK, KSP_LANG_RU };
  g_autofree char *key = NULL;
  gboolean read_only;
  GtkWidget *heading;

  if (self->notes == NULL)
    return;
  key = ksp_change_dup_key (c);
  read_only = ksp_justifications_is_read_only (self->notes);
  heading = gtk_label_new (_("Justification"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_widget_set_margin_top (heading, 18);
  gtk_box_append (GTK_BOX (self->detail_box), heading);
  if (read_only)
    {
      GtkWidget *why = gtk_label_new (_("The workspace is open read-only: the justifications cannot be changed."));
      gtk_label_set_xalign (GTK_LABEL (why), 0);
      gtk_label_set_wrap (GTK_LABEL (why), TRUE);
      gtk_widget_add_css_class (why, "dim-label");
      gtk_box_append (GTK_BOX (self->detail_box), why);
    }
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      NoteEditor *ed;
      GtkWidget *label, *frame;
      GtkTextBuffer *buffer;
      GtkEventController *focus;
      const char *text;
      const char *name;

      if (!ksp_comparative_table_has_row (c, langs[l]))
        continue;
      name = langs[l] == KSP_LANG_KK ? _("Justification in the Kazakh table") : _("Justification in the Russian table");
      ed = g_new0 (NoteEditor, 1);
      ed->self = self;
      ed->lang = langs[l];
      ed->key = g_strdup (key);
      label = gtk_label_new (langs[l] == KSP_LANG_KK ? _("Kazakh") : _("Russian"));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 6);
      ed->view = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (ed->view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (ed->view), FALSE);
      gtk_text_view_set_editable (GTK_TEXT_VIEW (ed->view), !read_only);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (ed->view), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (ed->view), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (ed->view), 8);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (ed->view), 8);
      gtk_widget_set_size_request (ed->view, -1, 64);
      gtk_accessible_update_property (GTK_ACCESSIBLE (ed->view), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_tooltip_text (ed->view, name);
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ed->view));
      text = ksp_justifications_get_by_key (self->notes, key, langs[l]);
      gtk_text_buffer_set_text (buffer, text ? text : "", -1);
      g_signal_connect (buffer, "changed", G_CALLBACK (on_note_changed), ed);
      ed->buffer = g_object_ref (buffer);
      focus = gtk_event_controller_focus_new ();
      g_signal_connect (focus, "leave", G_CALLBACK (on_note_leave), ed);
      ed->focus = g_object_ref (focus);
      gtk_widget_add_controller (ed->view, focus);
      frame = gtk_frame_new (NULL);
      gtk_frame_set_child (GTK_FRAME (frame), ed->view);
      ed->status = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (ed->status), 0);
      gtk_label_set_wrap (GTK_LABEL (ed->status), TRUE);
      gtk_widget_add_css_class (ed->status, "error");
      gtk_widget_set_visible (ed->status, FALSE);
      gtk_box_append (GTK_BOX (self->detail_box), label);
      gtk_box_append (GTK_BOX (self->detail_box), frame);
      gtk_box_append (GTK_BOX (self->detail_box), ed->status);
      g_ptr_array_add (self->note_editors, ed);
    }
}

static void
on_notes_changed (KspCompareWindow *self)
{
  show_summary (self);
}

void
ksp_compare_window_set_justifications (KspCompareWindow  *self,
                                       KspJustifications *notes)
{
  g_return_if_fail (KSP_IS_COMPARE_WINDOW (self));
  g_return_if_fail (notes == NULL || KSP_IS_JUSTIFICATIONS (notes));
  if (self->notes)
    g_signal_handlers_disconnect_by_data (self->notes, self);
  g_set_object (&self->notes, notes);
  if (notes)
    g_signal_connect_swapped (notes, "changed", G_CALLBACK (on_notes_changed), self);
  gtk_widget_set_visible (self->unjustified_toggle, notes != NULL);
  show_summary (self);
  on_selection_changed (self);
}

KspJustifications *
ksp_compare_window_get_justifications (KspCompareWindow *self)
{
  g_return_val_if_fail (KSP_IS_COMPARE_WINDOW (self), NULL);
  return self->notes;
}

static void
add_side_by_side (KspCompareWindow *self,
                  const char       *heading,
                  GtkWidget       **out_old,
                  GtkWidget       **out_new)
{
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *old_frame = gtk_frame_new (NULL), *new_frame = gtk_frame_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_box_append (GTK_BOX (self->detail_box), label);
  *out_old = text_label ();
  *out_new = text_label ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (*out_old), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Old text"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*out_new), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New text"), -1);
  gtk_frame_set_child (GTK_FRAME (old_frame), *out_old);
  gtk_frame_set_child (GTK_FRAME (new_frame), *out_new);
  gtk_widget_set_hexpand (old_frame, TRUE);
  gtk_widget_set_hexpand (new_frame, TRUE);
  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  gtk_box_append (GTK_BOX (row), old_frame);
  gtk_box_append (GTK_BOX (row), new_frame);
  gtk_box_append (GTK_BOX (self->detail_box), row);
}

static void
clear_detail (KspCompareWindow *self)
{
  GtkWidget *child;

  flush_notes (self);
  while ((child = gtk_widget_get_first_child (self->detail_box)))
    gtk_box_remove (GTK_BOX (self->detail_box), child);
}

static void
show_detail (KspCompareWindow *self,
             KspChange        *c)
{
  static const KspLang langs[] = { KSP_LANG_KK, KSP_LANG_RU };
  g_autofree char *path = NULL, *old_path = NULL;
  GtkWidget *title, *what, *columns;

  clear_detail (self);
  gtk_widget_set_sensitive (self->open_button, c && self->new_is_draft && c->new_node);
  if (c == NULL)
    return;
  path = ksp_change_dup_path (c, self->ui_lang);
  title = gtk_label_new (path);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_selectable (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-3");
  gtk_box_append (GTK_BOX (self->detail_box), title);
  what = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (what), 0);
  gtk_label_set_wrap (GTK_LABEL (what), TRUE);
  if (c->op == KSP_CHANGE_MOVED)
    {
      g_autofree char *text = NULL;
      old_path = ksp_change_dup_old_path (c, self->ui_lang);
      /* Translators: a move: "Moved — it was: Card 9 › Skill 1 › Knowledge 3." */
      text = g_strdup_printf (_("%s — it was: %s"), op_label (c), old_path);
      gtk_label_set_text (GTK_LABEL (what), text);
    }
  else if (c->stale_translation)
    {
      /* Translators: a change whose other language stayed as it was */
      g_autofree char *text = g_strdup_printf ("%s — %s", op_label (c),
                                               c->lang == KSP_LANG_RU
                                               ? _("the Kazakh text was not updated: ask for a translation")
                                               : _("the Russian text was not updated: ask for a translation"));
      gtk_label_set_text (GTK_LABEL (what), text);
      gtk_widget_add_css_class (what, "warning");
    }
  else
    gtk_label_set_text (GTK_LABEL (what), op_label (c));
  gtk_box_append (GTK_BOX (self->detail_box), what);

  /* the column headings, once */
  columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  gtk_widget_set_margin_top (columns, 12);
  {
    GtkWidget *l = gtk_label_new (g_object_get_data (G_OBJECT (self), "ksp-old-title"));
    GtkWidget *r = gtk_label_new (g_object_get_data (G_OBJECT (self), "ksp-new-title"));
    gtk_label_set_xalign (GTK_LABEL (l), 0);
    gtk_label_set_xalign (GTK_LABEL (r), 0);
    gtk_widget_add_css_class (l, "dim-label");
    gtk_widget_add_css_class (r, "dim-label");
    gtk_box_append (GTK_BOX (columns), l);
    gtk_box_append (GTK_BOX (columns), r);
  }
  gtk_box_append (GTK_BOX (self->detail_box), columns);

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      GtkWidget *old_view, *new_view;
      const char *heading = langs[l] == KSP_LANG_KK ? _("Kazakh") : _("Russian");

      if (c->op == KSP_CHANGE_CHANGED)
        {
          const KspKindSpec *spec = ksp_schema_lookup_kind (c->kind);
          const KspFieldSpec *field = spec ? ksp_kind_lookup_field (spec, c->field) : NULL;
          gboolean bilingual = field && ksp_field_is_bilingual (field);
          KspLang lang = bilingual ? langs[l] : KSP_LANG_NONE;
          const char *ov, *nv;
          g_autoptr (GPtrArray) spans = NULL;
          g_autofree char *field_heading = NULL;

          if (!bilingual && l > 0)
            break;
          ov = g_str_equal (c->field, "number") ? ksp_node_get_number (c->old_node)
                                                : ksp_node_get_value (c->old_node, c->field, lang);
          nv = g_str_equal (c->field, "number") ? ksp_node_get_number (c->new_node)
                                                : ksp_node_get_value (c->new_node, c->field, lang);
          field_heading = bilingual ? g_strdup_printf ("%s — %s", heading,
                                                       ksp_field_label (field, langs[l]))
                                    : g_strdup (field ? ksp_field_label (field, shown_data_lang (self)) : c->field);
          add_side_by_side (self, field_heading, &old_view, &new_view);
          if ((ov == NULL || *ov == '\0') && (nv == NULL || *nv == '\0'))
            {
              show_plain (old_view, NULL, NULL);
              show_plain (new_view, NULL, NULL);
              continue;
            }
          spans = ksp_word_diff (ov, nv);
          if (ov && *ov)
            show_spans (old_view, spans, TRUE);
          else
            show_plain (old_view, NULL, NULL);
          if (nv && *nv)
            show_spans (new_view, spans, FALSE);
          else
            show_plain (new_view, NULL, NULL);
        }
      else
        {
          g_autofree char *ot = c->op == KSP_CHANGE_ADDED ? NULL : element_text (c->old_node, langs[l]);
          g_autofree char *nt = c->op == KSP_CHANGE_REMOVED ? NULL : element_text (c->new_node, langs[l]);

          add_side_by_side (self, heading, &old_view, &new_view);
          show_plain (old_view, ot, c->op == KSP_CHANGE_REMOVED ? "delete" : NULL);
          show_plain (new_view, nt, c->op == KSP_CHANGE_ADDED ? "insert" : NULL);
        }
    }
  add_note_editors (self, c);
}

static guint change_selected_signal;

static void
on_selection_changed (KspCompareWindow *self)
{
  KspCompareItem *item = gtk_single_selection_get_selected_item (self->selection);

  show_detail (self, item ? item->change : NULL);
  g_signal_emit (self, change_selected_signal, 0, item ? item->change : NULL);
}

/* The list's rows --------------------------------------------------------------------------------- */

static void
row_setup (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  /* A grid, not a box of boxes: a horizontal box measures a wrapping label's width for a height, which
   * GtkLabel finds by a binary search of layouts (some 35 a row); GtkListView makes and measures all the
   * rows of a short list at once, and 60 rows took 0.25 s before the first frame. */
  GtkWidget *box = gtk_grid_new ();
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *text = gtk_label_new (NULL), *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (text), 3);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_hexpand (detail, TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (box), 8);
  gtk_grid_set_row_spacing (GTK_GRID (box), 2);
  gtk_grid_attach (GTK_GRID (box), icon, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (box), text, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (box), detail, 1, 1, 1, 1);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_item_set_child (list_item, box);
}

static void
row_bind (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  KspCompareItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_grid_get_child_at (GTK_GRID (box), 0, 0);
  GtkWidget *text = gtk_grid_get_child_at (GTK_GRID (box), 1, 0);
  GtkWidget *detail = gtk_grid_get_child_at (GTK_GRID (box), 1, 1);

  gtk_label_set_text (GTK_LABEL (text), item->text);
  gtk_label_set_text (GTK_LABEL (detail), item->detail ? item->detail : "");
  gtk_widget_set_visible (detail, item->detail != NULL && *item->detail);
  if (item->change)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), op_icon (item->change));
      gtk_widget_remove_css_class (text, "heading");
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_tooltip_text (box, item->text);
    }
  else
    {
      gtk_image_clear (GTK_IMAGE (icon));
      gtk_widget_add_css_class (text, "heading");
      gtk_widget_set_margin_start (box, 0);
      gtk_widget_set_tooltip_text (box, NULL);
    }
  gtk_list_item_set_selectable (list_item, item->change != NULL);
}

/* Steps ------------------------------------------------------------------------------------------- */

gboolean
ksp_compare_window_step (KspCompareWindow *self,
                         int               direction)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint at = gtk_single_selection_get_selected (self->selection);
  int i = at == GTK_INVALID_LIST_POSITION ? (direction > 0 ? -1 : (int) n) : (int) at;

  g_return_val_if_fail (KSP_IS_COMPARE_WINDOW (self), FALSE);
  for (i += direction; i >= 0 && i < (int) n; i += direction)
    {
      g_autoptr (KspCompareItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      if (item->change)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", (guint) i);
          return TRUE;
        }
    }
  gtk_widget_error_bell (GTK_WIDGET (self));
  return FALSE;
}

static void
next_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  ksp_compare_window_step (KSP_COMPARE_WINDOW (widget), 1);
}

static void
previous_activated (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  ksp_compare_window_step (KSP_COMPARE_WINDOW (widget), -1);
}

gboolean
ksp_compare_window_open_selected (KspCompareWindow *self)
{
  KspChange *c = ksp_compare_window_get_selected (self);
  g_autofree char *id = NULL;

  g_return_val_if_fail (KSP_IS_COMPARE_WINDOW (self), FALSE);
  if (c == NULL || c->new_node == NULL || !self->new_is_draft || self->parent == NULL)
    return FALSE;
  id = g_strdup (ksp_node_get_id (c->new_node));
  _ksp_window_show_draft (self->parent);
  if (!ksp_window_select_element (self->parent, id))
    return FALSE;
  gtk_window_present (GTK_WINDOW (self->parent));
  return TRUE;
}

static void
open_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  ksp_compare_window_open_selected (KSP_COMPARE_WINDOW (widget));
}

static void
on_list_activate (KspCompareWindow *self,
                  guint             position)
{
  ksp_compare_window_open_selected (self);
}

/* Documents made from the diff --------------------------------------------------------------------- */

gboolean
ksp_compare_window_export (KspCompareWindow  *self,
                           KspCompareExport   what,
                           KspLang            lang,
                           const char        *path,
                           GError           **error)
{
  g_autoptr (GPtrArray) plan = NULL;

  g_return_val_if_fail (KSP_IS_COMPARE_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  if (lang != KSP_LANG_KK && lang != KSP_LANG_RU)
    lang = ksp_export_default_language (self->new_root);
  if (self->changes == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING, _("The comparison is not done yet."));
      return FALSE;
    }
  if (what == KSP_COMPARE_EXPORT_TABLE)
    {
      save_pending_notes (self);
      return ksp_comparative_table_write_file_full (self->changes, self->old_root, self->new_root, lang,
                                                    self->notes ? ksp_justifications_justify : NULL, self->notes,
                                                    path, error);
    }
  plan = ksp_amending_order_plan (self->changes);
  if (plan->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("There is nothing to amend: no differences."));
      return FALSE;
    }
  return ksp_amending_order_write_file (plan, self->old_root, lang, path, error);
}

static void
on_export_response (GtkNativeDialog  *dialog,
                    int               response,
                    KspCompareWindow *self)
{
  g_autofree char *path = _ksp_window_chosen_path (dialog, response);
  KspCompareExport what = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "ksp-export"));
  KspLang lang = _ksp_window_chosen_lang (GTK_FILE_CHOOSER (dialog));
  g_autoptr (GError) error = NULL;

  if (path && !ksp_compare_window_export (self, what, lang, path, &error))
    {
      GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
  else if (path)
    {
      /* Translators: %s is the file written */
      g_autofree char *done = g_strdup_printf (_("Written: %s"), path);
      gtk_label_set_text (GTK_LABEL (self->summary), done);
    }
  g_object_unref (dialog);
}

/* Asks for the file (and the language) of the document, then writes it. */
static void
ask_export (KspCompareWindow *self,
            KspCompareExport  what)
{
  const char *patterns[] = { "*.docx", NULL };
  GtkFileChooserNative *native =
    _ksp_window_file_chooser (self, what == KSP_COMPARE_EXPORT_ORDER ? _("Export the Amending Order")
                                                                     : _("Export the Comparative Table"),
                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("Word documents"), patterns);
  KspLang lang = ksp_export_default_language (self->new_root);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), what == KSP_COMPARE_EXPORT_ORDER
                                                                ? _("amending-order.docx") : _("comparative-table.docx"));
  /* the language of the document: the interface's where the standard has text in it */
  _ksp_window_add_language_choice (GTK_FILE_CHOOSER (native), lang);
  g_object_set_data (G_OBJECT (native), "ksp-export", GINT_TO_POINTER (what));
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  ask_export (KSP_COMPARE_WINDOW (widget), g_str_equal (g_variant_get_string (param, NULL), "order")
                                           ? KSP_COMPARE_EXPORT_ORDER : KSP_COMPARE_EXPORT_TABLE);
}

void
ksp_compare_window_export_when_ready (KspCompareWindow *self,
                                      KspCompareExport  what)
{
  g_return_if_fail (KSP_IS_COMPARE_WINDOW (self));
  if (self->changes)
    ask_export (self, what);
  else
    self->export_pending = what + 1;
}

/* Filters ----------------------------------------------------------------------------------------- */

void
ksp_compare_window_set_filter (KspCompareWindow *self,
                               KspCompareShow    show,
                               KspLang           lang,
                               gboolean          stale_only)
{
  g_return_if_fail (KSP_IS_COMPARE_WINDOW (self));
  self->show = show;
  self->lang = lang;
  self->stale_only = stale_only;
  /* the controls say the same */
  self->setting_filter = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->show_dropdown), show);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->lang_dropdown),
                              lang == KSP_LANG_KK ? 1 : lang == KSP_LANG_RU ? 2 : 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->stale_toggle), stale_only);
  self->setting_filter = FALSE;
  fill_list (self);
}

static void
on_filter_changed (KspCompareWindow *self)
{
  guint l = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->lang_dropdown));
  KspCompareShow show = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->show_dropdown));
  KspLang lang = l == 1 ? KSP_LANG_KK : l == 2 ? KSP_LANG_RU : KSP_LANG_NONE;
  gboolean stale = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->stale_toggle));
  gboolean unjustified = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->unjustified_toggle));

  if (self->setting_filter || (show == self->show && lang == self->lang && stale == self->stale_only &&
                               unjustified == self->unjustified_only))
    return;
  self->show = show;
  self->lang = lang;
  self->stale_only = stale;
  self->unjustified_only = unjustified;
  if (self->changes)
    fill_list (self);
}

/* The diff, off the main thread -------------------------------------------------------------------- */

/* The worker's job: the two trees, or the old one to load first from a reader of the workspace (its own
 * connection) while the main thread copies the new one and builds the window. */
typedef struct {
  KspCompareWindow *window; /* weak: the window, once built, until it is closed */
  KspStore  *reader;      /* (nullable) the old tree is loaded from it, then it is closed */
  gint64     old_tree;
  KspNode   *old_root;    /* given, or loaded */
  GMutex     lock;
  GCond      cond;
  KspNode   *new_root;    /* NULL until the main thread has copied it */
  gboolean   new_ready;   /* the main thread is done with it (copied or not) */
  GPtrArray *changes;
} DiffJob;

static void
diff_job_free (DiffJob *job)
{
  if (job->reader)
    ksp_store_close (job->reader);
  g_clear_object (&job->reader);
  g_clear_object (&job->old_root);
  g_clear_object (&job->new_root);
  g_clear_pointer (&job->changes, g_ptr_array_unref);
  g_mutex_clear (&job->lock);
  g_cond_clear (&job->cond);
  g_free (job);
}

static void diff_in_thread (GTask        *task,
                            gpointer      source,
                            gpointer      task_data,
                            GCancellable *cancellable);
static void diff_done      (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data);

/* Starts the worker at once, before the window is built. @reader (taken): where to load the old tree
 * from when @old_root is NULL; @new_root: NULL until diff_job_set_new(). Returns: (transfer none) the
 * job, the task's: it lives until diff_done() has run. */
static DiffJob *
diff_job_start (KspStore *reader,
                gint64    old_tree,
                KspNode  *old_root,
                KspNode  *new_root)
{
  g_autoptr (GTask) task = g_task_new (NULL, NULL, diff_done, NULL);
  DiffJob *job = g_new0 (DiffJob, 1);

  g_mutex_init (&job->lock);
  g_cond_init (&job->cond);
  job->reader = reader;
  job->old_tree = old_tree;
  job->old_root = old_root ? g_object_ref (old_root) : NULL;
  job->new_root = new_root ? g_object_ref (new_root) : NULL;
  job->new_ready = new_root != NULL;
  g_task_set_task_data (task, job, (GDestroyNotify) diff_job_free);
  g_task_run_in_thread (task, diff_in_thread);
  return job;
}

/* Hands the new tree (NULL: none, give up) to the worker. */
static void
diff_job_set_new (DiffJob *job,
                  KspNode *new_root)
{
  g_mutex_lock (&job->lock);
  job->new_root = new_root;
  job->new_ready = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->lock);
}

static void
diff_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  DiffJob *job = task_data;
  GError *error = NULL;

  if (job->old_root == NULL)
    {
      job->old_root = ksp_store_load_tree (job->reader, job->old_tree, &error);
      ksp_store_close (job->reader);
      g_clear_object (&job->reader);
    }
  g_mutex_lock (&job->lock);
  while (!job->new_ready)
    g_cond_wait (&job->cond, &job->lock);
  g_mutex_unlock (&job->lock);
  if (job->old_root == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->changes = ksp_diff_trees (job->old_root, job->new_root);
  g_task_return_boolean (task, TRUE);
}

static void
diff_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  DiffJob *job = g_task_get_task_data (G_TASK (result));
  KspCompareWindow *self = job->window;
  g_autoptr (GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (self == NULL)
    return;   /* closed meanwhile */
  g_clear_weak_pointer (&job->window);
  if (!ok)
    {
      /* the edition could not be read: said in the editor, as when it could not be read before */
      if (self->parent)
        ksp_window_show_error (self->parent, error->message);
      else
        g_warning ("%s", error->message);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (self->old_root == NULL)
    self->old_root = g_steal_pointer (&job->old_root);
  self->changes = g_steal_pointer (&job->changes);
  fill_list (self);
  gtk_widget_grab_focus (self->list_view);
}

/* Building ---------------------------------------------------------------------------------------- */

static GtkWidget *
dropdown (const char *const *items,
          const char        *accessible)
{
  GtkWidget *d = gtk_drop_down_new_from_strings (items);

  gtk_accessible_update_property (GTK_ACCESSIBLE (d), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_valign (d, GTK_ALIGN_CENTER);
  return d;
}

static void
build (KspCompareWindow *self)
{
  const char *shows[] = { _("All changes"), _("Changed"), _("Added"), _("Removed"), _("Moved"), NULL };
  const char *langs[] = { _("Both languages"), _("Kazakh"), _("Russian"), NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *list_scroll = gtk_scrolled_window_new ();
  GtkWidget *detail_scroll = gtk_scrolled_window_new ();
  GtkWidget *prev = gtk_button_new_from_icon_name ("go-up-symbolic");
  GtkWidget *next = gtk_button_new_from_icon_name ("go-down-symbolic");
  GtkWidget *working = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *none = adw_status_page_new ();
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->store = g_list_store_new (KSP_TYPE_COMPARE_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind), NULL);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), g_object_ref (factory));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Changes"), -1);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_list_activate), self);

  gtk_widget_set_tooltip_text (prev, _("Previous change (Alt+↑, Shift+F7)"));
  gtk_widget_set_tooltip_text (next, _("Next change (Alt+↓, F7)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (prev), "compare.previous");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (next), "compare.next");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), prev);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), next);
  {
    g_autoptr (GMenu) menu = g_menu_new ();
    GtkWidget *export_button = gtk_menu_button_new ();

    g_menu_append (menu, _("Comparative _Table (DOCX)…"), "compare.export::table");
    g_menu_append (menu, _("Amending _Order (DOCX)…"), "compare.export::order");
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (export_button), G_MENU_MODEL (menu));
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (export_button), "document-save-as-symbolic");
    gtk_widget_set_tooltip_text (export_button, _("Export the comparative table or the amending order"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (export_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Export the comparative table or the amending order"), -1);
    adw_header_bar_pack_end (ADW_HEADER_BAR (header), export_button);
  }
  self->open_button = gtk_button_new_with_mnemonic (_("_Open in the Draft"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), "compare.open");
  gtk_widget_add_css_class (self->open_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->open_button);
  gtk_box_append (GTK_BOX (box), header);
  self->header = header;

  /* the counts and the filters */
  self->summary = gtk_label_new (_("Comparing…"));
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_widget_set_hexpand (self->summary, TRUE);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  self->show_dropdown = dropdown (shows, _("Kind of change"));
  self->lang_dropdown = dropdown (langs, _("Language"));
  self->stale_toggle = gtk_check_button_new_with_mnemonic (_("_Stale translations only"));
  self->unjustified_toggle = gtk_check_button_new_with_mnemonic (_("_Not justified only"));
  gtk_widget_set_tooltip_text (self->unjustified_toggle, _("Only the changes whose justification is still empty"));
  gtk_widget_set_visible (self->unjustified_toggle, FALSE);
  g_signal_connect_swapped (self->unjustified_toggle, "toggled", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->show_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->lang_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->stale_toggle, "toggled", G_CALLBACK (on_filter_changed), self);
  gtk_box_append (GTK_BOX (bar), self->summary);
  gtk_box_append (GTK_BOX (bar), self->show_dropdown);
  gtk_box_append (GTK_BOX (bar), self->lang_dropdown);
  gtk_box_append (GTK_BOX (bar), self->stale_toggle);
  gtk_box_append (GTK_BOX (bar), self->unjustified_toggle);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_box_append (GTK_BOX (box), bar);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scroll), self->list_view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (list_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  self->detail_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (self->detail_box, 18);
  gtk_widget_set_margin_end (self->detail_box, 18);
  gtk_widget_set_margin_top (self->detail_box, 12);
  gtk_widget_set_margin_bottom (self->detail_box, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (detail_scroll), self->detail_box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (detail_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  self->side_paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_start_child (GTK_PANED (self->side_paned), detail_scroll);
  gtk_paned_set_resize_end_child (GTK_PANED (self->side_paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->side_paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->side_paned), FALSE);
  gtk_paned_set_start_child (GTK_PANED (paned), list_scroll);
  gtk_paned_set_end_child (GTK_PANED (paned), self->side_paned);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 420);

  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_valign (working, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (working), spinner);
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Differences"));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "emblem-ok-symbolic");
  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), working, "working");
  gtk_stack_add_named (GTK_STACK (self->stack), paned, "changes");
  gtk_stack_add_named (GTK_STACK (self->stack), none, "none");
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_box_append (GTK_BOX (box), self->stack);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 1180, 740);
}

static void
ksp_compare_window_dispose (GObject *object)
{
  KspCompareWindow *self = KSP_COMPARE_WINDOW (object);

  g_clear_weak_pointer (&self->parent);
  if (self->note_editors)
    flush_notes (self);
  g_clear_pointer (&self->note_editors, g_ptr_array_unref);
  if (self->notes)
    g_signal_handlers_disconnect_by_data (self->notes, self);
  g_clear_object (&self->notes);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_object (&self->old_root);
  g_clear_object (&self->new_root);
  G_OBJECT_CLASS (ksp_compare_window_parent_class)->dispose (object);
}

static void
ksp_compare_window_class_init (KspCompareWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ksp_compare_window_dispose;
  gtk_widget_class_install_action (widget_class, "compare.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "compare.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "compare.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "compare.export", "s", export_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "compare.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F7, 0, "compare.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "compare.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F7, GDK_SHIFT_MASK, "compare.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /**
   * KspCompareWindow::change-selected:
   * @change: (nullable): the KspChange shown, or NULL
   */
  change_selected_signal = g_signal_new ("change-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                         NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

/**
 * ksp_compare_window_pack_header_end:
 *
 * Puts @widget at the end of the header bar, before the view's own buttons (the review's Approve and Reject).
 */
void
ksp_compare_window_pack_header_end (KspCompareWindow *self,
                                    GtkWidget        *widget)
{
  g_return_if_fail (KSP_IS_COMPARE_WINDOW (self));
  adw_header_bar_pack_end (ADW_HEADER_BAR (self->header), widget);
}

/**
 * ksp_compare_window_set_side:
 *
 * Shows @widget at the right of the selected change (the review panel: comments and history of the element
 * changed), @width wide at first.
 */
void
ksp_compare_window_set_side (KspCompareWindow *self,
                             GtkWidget        *widget,
                             int               width)
{
  int total = 0, height = 0;

  g_return_if_fail (KSP_IS_COMPARE_WINDOW (self));
  gtk_paned_set_end_child (GTK_PANED (self->side_paned), widget);
  gtk_window_get_default_size (GTK_WINDOW (self), &total, &height);   /* GTK 4.8 wants both */
  if (widget && total > 0)
    {
      /* wider by the side, up to what a 1440-px screen holds; the texts keep what they had, or less */
      int wider = MIN (total + width, 1400);
      gtk_window_set_default_size (GTK_WINDOW (self), wider, height);
      gtk_paned_set_position (GTK_PANED (self->side_paned), wider - 420 - width - 8);
    }
}

static void
ksp_compare_window_init (KspCompareWindow *self)
{
  self->lang = KSP_LANG_NONE;
  self->ui_lang = ksp_ui_lang_default ();
  self->note_editors = g_ptr_array_new_with_free_func ((GDestroyNotify) note_editor_free);
  build (self);
}

/* The window (on its "working" page) for the worker's @job. */
static KspCompareWindow *
compare_window_new (KspWindow  *parent,
                    DiffJob    *job,
                    const char *old_title,
                    const char *new_title,
                    gboolean    new_is_draft)
{
  KspCompareWindow *self = g_object_new (KSP_TYPE_COMPARE_WINDOW, NULL);
  g_autofree char *title = NULL;
  GtkWidget *window_title;

  g_set_weak_pointer (&job->window, self);
  g_set_weak_pointer (&self->parent, parent);
  if (job->old_root)
    self->old_root = g_object_ref (job->old_root);
  self->new_is_draft = new_is_draft && parent != NULL;
  g_object_set_data_full (G_OBJECT (self), "ksp-old-title", g_strdup (old_title), g_free);
  g_object_set_data_full (G_OBJECT (self), "ksp-new-title", g_strdup (new_title), g_free);
  /* Translators: the compare window's title: "Edition 1 of 30.04.2024 → Draft" */
  title = g_strdup_printf (_("%s → %s"), old_title, new_title);
  window_title = adw_window_title_new (_("Compare"), title);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (gtk_widget_get_first_child (
                                     adw_window_get_content (ADW_WINDOW (self)))), window_title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  if (parent)
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (parent));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_widget_set_visible (self->open_button, self->new_is_draft);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "working");
  return self;
}

KspCompareWindow *
ksp_compare_window_new (KspWindow  *parent,
                        KspNode    *old_root,
                        KspNode    *new_root,
                        const char *old_title,
                        const char *new_title,
                        gboolean    new_is_draft)
{
  KspCompareWindow *self;

  g_return_val_if_fail (parent == NULL || KSP_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KSP_IS_NODE (old_root) && KSP_IS_NODE (new_root), NULL);
  self = compare_window_new (parent, diff_job_start (NULL, 0, old_root, new_root), old_title, new_title,
                             new_is_draft);
  self->new_root = g_object_ref (new_root);
  return self;
}

/**
 * ksp_compare_window_new_for_edition:
 *
 * What clicking Compare on an edition does. The window opens at once on its "working" page; the edition
 * is read in the worker, from a reader of @store (ksp_store_open_reader(): a connection of its own; a
 * frozen edition never changes), while this thread copies @draft; then the diff, in the worker too.
 *
 * Returns: (transfer floating): the window, or %NULL with @error when the workspace cannot be opened again
 */
KspCompareWindow *
ksp_compare_window_new_for_edition (KspWindow   *parent,
                                    KspStore    *store,
                                    gint64       edition_tree,
                                    KspNode     *draft,
                                    const char  *old_title,
                                    const char  *new_title,
                                    GError     **error)
{
  KspCompareWindow *self;
  KspStore *reader;
  DiffJob *job;
  KspNode *copy;

  g_return_val_if_fail (parent == NULL || KSP_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KSP_IS_STORE (store) && KSP_IS_NODE (draft), NULL);
  if (!(reader = ksp_store_open_reader (store, error)))
    return NULL;
  job = diff_job_start (reader, edition_tree, NULL, NULL);
  /* while the worker reads the edition: a copy of the draft (it may be edited during the diff), the
   * window */
  copy = ksp_node_copy (draft);
  diff_job_set_new (job, copy);
  self = compare_window_new (parent, job, old_title, new_title, TRUE);
  self->new_root = g_object_ref (copy);
  return self;
}

gboolean
ksp_compare_window_is_ready (KspCompareWindow *self)
{
  g_return_val_if_fail (KSP_IS_COMPARE_WINDOW (self), FALSE);
  return self->changes != NULL;
}

guint
ksp_compare_window_get_n_changes (KspCompareWindow *self)
{
  g_return_val_if_fail (KSP_IS_COMPARE_WINDOW (self), 0);
  return self->changes ? self->changes->len : 0;
}

guint
ksp_compare_window_get_n_shown (KspCompareWindow *self)
{
  g_return_val_if_fail (KSP_IS_COMPARE_WINDOW (self), 0);
  return self->n_shown;
}

KspChange *
ksp_compare_window_get_selected (KspCompareWindow *self)
{
  KspCompareItem *item;

  g_return_val_if_fail (KSP_IS_COMPARE_WINDOW (self), NULL);
  item = gtk_single_selection_get_selected_item (self->selection);
  return item ? item->change : NULL;
}
