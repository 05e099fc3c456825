/* ksp-field-editor.c: the editor of one value (see ksp-field-editor.h) */
#include "config.h"

#include <glib/gi18n.h>

#include "ksp-field-editor.h"

struct _KspFieldEditor
{
  GtkWidget           parent_instance;

  KspDocument        *document;
  KspNode            *node;
  const KspFieldSpec *field;
  KspLang             lang;

  GtkWidget          *child;   /* the entry, or an overlay holding the framed text view */
  GtkWidget          *input;   /* GtkEntry or GtkTextView */
  GtkWidget          *hint;    /* "absent" / "empty" over an empty text view */
  GtkTextBuffer      *buffer;  /* of the text view, or NULL */

  gulong              value_changed_id;
  guint               commit_source;
  guint               dirty : 1;    /* the text differs from what was loaded and is not committed */
  guint               updating : 1; /* the text is being set from the model */
};

G_DEFINE_FINAL_TYPE (KspFieldEditor, ksp_field_editor, GTK_TYPE_WIDGET)

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_multiline (KspFieldEditor *self)
{
  return (self->field->flags & KSP_FIELD_MULTILINE) != 0;
}

/**
 * ksp_field_editor_dup_text:
 * Returns: the text shown in the editor
 */
char *
ksp_field_editor_dup_text (KspFieldEditor *self)
{
  g_return_val_if_fail (KSP_IS_FIELD_EDITOR (self), NULL);

  if (self->buffer)
    {
      GtkTextIter start, end;
      gtk_text_buffer_get_bounds (self->buffer, &start, &end);
      return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->input)));
}

static void
update_hint (KspFieldEditor *self)
{
  const char *value = self->node ? ksp_node_get_value (self->node, self->field->name, self->lang) : NULL;
  /* An empty editor shows whether the value is missing from the source or present but blank. */
  const char *hint = value == NULL && !self->dirty ? _("absent") : _("empty");

  if (self->buffer)
    {
      gtk_label_set_text (GTK_LABEL (self->hint), hint);
      gtk_widget_set_visible (self->hint, gtk_text_buffer_get_char_count (self->buffer) == 0);
    }
  else
    gtk_entry_set_placeholder_text (GTK_ENTRY (self->input), hint);
}

static void
cancel_pending_commit (KspFieldEditor *self)
{
  g_clear_handle_id (&self->commit_source, g_source_remove);
}

/* Shows the model's value, unless the editor already shows it (so the cursor stays put). */
static void
load_from_model (KspFieldEditor *self)
{
  const char *value = ksp_node_get_value (self->node, self->field->name, self->lang);
  g_autofree char *shown = ksp_field_editor_dup_text (self);

  cancel_pending_commit (self);
  self->dirty = FALSE;
  if (g_strcmp0 (shown, value ? value : "") != 0)
    {
      self->updating = TRUE;
      if (self->buffer)
        gtk_text_buffer_set_text (self->buffer, value ? value : "", -1);
      else
        gtk_editable_set_text (GTK_EDITABLE (self->input), value ? value : "");
      self->updating = FALSE;
    }
  update_hint (self);
}

/**
 * ksp_field_editor_commit:
 *
 * Writes the text to the document if the user changed it. An absent value the user did not fill in
 * stays absent. On failure the editor emits ::error and shows the model's value again.
 * Returns: %FALSE if the document refused the edit
 */
gboolean
ksp_field_editor_commit (KspFieldEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  const char *old;

  g_return_val_if_fail (KSP_IS_FIELD_EDITOR (self), FALSE);

  cancel_pending_commit (self);
  if (!self->dirty || self->node == NULL)
    return TRUE;

  text = ksp_field_editor_dup_text (self);
  old = ksp_node_get_value (self->node, self->field->name, self->lang);
  self->dirty = FALSE;
  if ((old == NULL && *text == '\0') || g_strcmp0 (old, text) == 0)
    {
      update_hint (self);
      return TRUE;
    }

  if (!ksp_document_set_value (self->document, self->node, self->field->name, self->lang, text, &error))
    {
      g_signal_emit (self, signals[ERROR], 0, error->message);
      load_from_model (self);
      return FALSE;
    }
  update_hint (self);
  return TRUE;
}

static gboolean
commit_timeout_cb (gpointer user_data)
{
  KspFieldEditor *self = user_data;

  self->commit_source = 0;
  ksp_field_editor_commit (self);
  return G_SOURCE_REMOVE;
}

static void
on_text_changed (KspFieldEditor *self)
{
  if (self->updating)
    return;
  self->dirty = TRUE;
  update_hint (self);
  cancel_pending_commit (self);
  self->commit_source = g_timeout_add (KSP_FIELD_EDITOR_COMMIT_DELAY_MS, commit_timeout_cb, self);
}

static void
on_entry_activate (KspFieldEditor *self)
{
  ksp_field_editor_commit (self);
}

static void
on_focus_leave (KspFieldEditor *self)
{
  ksp_field_editor_commit (self);
}

static void
on_value_changed (KspNode    *node,
                  const char *field,
                  int         lang,
                  gpointer    user_data)
{
  KspFieldEditor *self = user_data;

  if ((KspLang) lang != self->lang)
    return;
  load_from_model (self);
}

/**
 * ksp_field_editor_detach:
 *
 * Stops following the node and drops any uncommitted text; for forms being torn down.
 */
void
ksp_field_editor_detach (KspFieldEditor *self)
{
  g_return_if_fail (KSP_IS_FIELD_EDITOR (self));

  cancel_pending_commit (self);
  self->dirty = FALSE;
  if (self->node)
    g_clear_signal_handler (&self->value_changed_id, self->node);
  g_clear_object (&self->node);
  g_clear_object (&self->document);
}

static void
ksp_field_editor_dispose (GObject *object)
{
  KspFieldEditor *self = KSP_FIELD_EDITOR (object);

  ksp_field_editor_detach (self);
  g_clear_pointer (&self->child, gtk_widget_unparent);
  G_OBJECT_CLASS (ksp_field_editor_parent_class)->dispose (object);
}

static void
ksp_field_editor_class_init (KspFieldEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ksp_field_editor_dispose;

  /**
   * KspFieldEditor::error:
   * @message: why the document refused the edit
   */
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ksp-field-editor");
}

static void
ksp_field_editor_init (KspFieldEditor *self)
{
}

static void
build_entry (KspFieldEditor *self)
{
  self->input = self->child = gtk_entry_new ();
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->input), FALSE); /* Ctrl+Z is the document's */
  gtk_widget_set_hexpand (self->input, TRUE);
  gtk_widget_set_valign (self->input, GTK_ALIGN_START);
  g_signal_connect_swapped (self->input, "changed", G_CALLBACK (on_text_changed), self);
  g_signal_connect_swapped (self->input, "activate", G_CALLBACK (on_entry_activate), self);
}

static void
build_text_view (KspFieldEditor *self)
{
  GtkWidget *frame;

  self->input = gtk_text_view_new ();
  self->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input));
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE); /* Ctrl+Z is the document's */
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->input), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->input), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->input), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->input), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->input), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->input), 10);
  gtk_widget_set_size_request (self->input, -1, 72);
  gtk_widget_add_css_class (self->input, "ksp-text");
  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (on_text_changed), self);

  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), self->input);
  gtk_widget_set_hexpand (frame, TRUE);

  self->hint = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->hint, "dim-label");
  gtk_widget_add_css_class (self->hint, "ksp-hint");
  gtk_widget_set_halign (self->hint, GTK_ALIGN_START);
  gtk_widget_set_valign (self->hint, GTK_ALIGN_START);
  gtk_widget_set_margin_start (self->hint, 11);
  gtk_widget_set_margin_top (self->hint, 9);
  gtk_widget_set_can_target (self->hint, FALSE);

  self->child = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (self->child), frame);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->child), self->hint);
}

/**
 * ksp_field_editor_new:
 * @lang: KSP_LANG_NONE for a neutral field, KSP_LANG_KK or KSP_LANG_RU for a bilingual one
 */
GtkWidget *
ksp_field_editor_new (KspDocument        *document,
                      KspNode            *node,
                      const KspFieldSpec *field,
                      KspLang             lang)
{
  KspFieldEditor *self;
  GtkEventController *focus;
  g_autofree char *detailed = NULL;
  g_autofree char *a11y = NULL;

  g_return_val_if_fail (KSP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (KSP_IS_NODE (node), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  self = g_object_new (KSP_TYPE_FIELD_EDITOR, "hexpand", TRUE, NULL);
  self->document = g_object_ref (document);
  self->node = g_object_ref (node);
  self->field = field;
  self->lang = lang;

  if (is_multiline (self))
    build_text_view (self);
  else
    build_entry (self);
  gtk_widget_set_parent (self->child, GTK_WIDGET (self));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (self->input, focus);

  if (lang == KSP_LANG_NONE)
    a11y = g_strdup (ksp_field_label (field, KSP_LANG_RU));
  else
    a11y = g_strdup_printf ("%s (%s)", ksp_field_label (field, lang),
                            lang == KSP_LANG_KK ? _("Kazakh") : _("Russian"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);

  detailed = g_strconcat ("value-changed::", field->name, NULL);
  self->value_changed_id = g_signal_connect (node, detailed, G_CALLBACK (on_value_changed), self);
  load_from_model (self);
  return GTK_WIDGET (self);
}

KspNode *
ksp_field_editor_get_node (KspFieldEditor *self)
{
  g_return_val_if_fail (KSP_IS_FIELD_EDITOR (self), NULL);
  return self->node;
}

const KspFieldSpec *
ksp_field_editor_get_field (KspFieldEditor *self)
{
  g_return_val_if_fail (KSP_IS_FIELD_EDITOR (self), NULL);
  return self->field;
}

KspLang
ksp_field_editor_get_lang (KspFieldEditor *self)
{
  g_return_val_if_fail (KSP_IS_FIELD_EDITOR (self), KSP_LANG_NONE);
  return self->lang;
}

/**
 * ksp_field_editor_get_input:
 * Returns: (transfer none): the GtkEntry or GtkTextView the user types in
 */
GtkWidget *
ksp_field_editor_get_input (KspFieldEditor *self)
{
  g_return_val_if_fail (KSP_IS_FIELD_EDITOR (self), NULL);
  return self->input;
}

void
ksp_field_editor_set_editable (KspFieldEditor *self,
                               gboolean        editable)
{
  g_return_if_fail (KSP_IS_FIELD_EDITOR (self));

  if (self->buffer)
    {
      gtk_text_view_set_editable (GTK_TEXT_VIEW (self->input), editable);
      gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self->input), editable);
    }
  else
    gtk_editable_set_editable (GTK_EDITABLE (self->input), editable);
  if (editable)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "read-only");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "read-only");
}
