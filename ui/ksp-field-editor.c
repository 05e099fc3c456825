/* ksp-field-editor.c: the editor of one value (see ksp-field-editor.h) */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ksp-field-editor.h"

struct _KspFieldEditor
{
  GtkWidget           parent_instance;

  KspDocument        *document;
  KspNode            *node;
  const KspFieldSpec *field;
  KspLang             lang;

  GtkWidget          *child;   /* the entry, an overlay holding the framed text view, or the drop-down */
  GtkWidget          *input;   /* GtkEntry, GtkTextView or GtkDropDown */
  GtkWidget          *hint;    /* "absent" / "empty" over an empty text view */
  GtkTextBuffer      *buffer;  /* of the text view, or NULL */
  GPtrArray          *values;  /* of the drop-down: the value of each item (NULL: absent), or NULL */
  KspLang             label_lang; /* the language of a choice's label */

  gulong              value_changed_id;
  guint               follow_id; /* the text view's tick callback after a change of width, or 0 */
  int                 width;     /* allocated last */
  guint               commit_source;
  char               *seen;         /* the model's value when the text was loaded: what the user typed over */
  KspConflict        *conflict;     /* (nullable) while conflicted: what the other person did */
  guint               dirty : 1;    /* the text differs from what was loaded and is not committed */
  guint               updating : 1; /* the text is being set from the model */
  guint               conflicted : 1; /* another person's change came first: the text waits for the user */
};

G_DEFINE_FINAL_TYPE (KspFieldEditor, ksp_field_editor, GTK_TYPE_WIDGET)

enum {
  ERROR,
  CONFLICT,
  OFFLINE,
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
  if (self->values)
    {
      guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->input));
      return g_strdup (selected < self->values->len && g_ptr_array_index (self->values, selected)
                         ? g_ptr_array_index (self->values, selected) : "");
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->input)));
}

/**
 * ksp_field_editor_set_text:
 *
 * Replaces the text as typing would (it is committed after the pause, on Enter or on focus-out); for
 * a choice field, selects the choice whose value is @text.
 */
void
ksp_field_editor_set_text (KspFieldEditor *self,
                           const char     *text)
{
  g_return_if_fail (KSP_IS_FIELD_EDITOR (self));

  if (self->buffer)
    gtk_text_buffer_set_text (self->buffer, text, -1);
  else if (self->values)
    {
      for (guint i = 0; i < self->values->len; i++)
        if (g_strcmp0 (g_ptr_array_index (self->values, i), text) == 0)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->input), i);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->input), text);
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
  else if (GTK_IS_ENTRY (self->input))
    gtk_entry_set_placeholder_text (GTK_ENTRY (self->input), hint);
}

static void
cancel_pending_commit (KspFieldEditor *self)
{
  g_clear_handle_id (&self->commit_source, g_source_remove);
}

static void fill_choices (KspFieldEditor *self, const char *value);

/* Shows the model's value, unless the editor already shows it (so the cursor stays put). */
static void
load_from_model (KspFieldEditor *self)
{
  const char *value = ksp_node_get_value (self->node, self->field->name, self->lang);
  g_autofree char *shown = NULL;

  cancel_pending_commit (self);
  self->dirty = FALSE;
  self->conflicted = FALSE;
  g_clear_pointer (&self->conflict, ksp_conflict_free);
  g_free (self->seen);
  self->seen = g_strdup (value);
  if (self->values)
    {
      self->updating = TRUE;
      fill_choices (self, value);
      self->updating = FALSE;
      return;
    }
  shown = ksp_field_editor_dup_text (self);
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
 * stays absent. On failure the editor emits ::error and shows the model's value again — but for a
 * conflict (someone else changed the value after the user began typing over it): then the typed text
 * stays, ::conflict is emitted, and nothing more is committed until ksp_field_editor_keep_mine() or
 * ksp_field_editor_take_theirs().
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
  if (self->conflicted)
    {
      /* still the user's to choose (the dialog was closed without it): asked again */
      g_signal_emit (self, signals[CONFLICT], 0, self->conflict);
      return FALSE;
    }
  if (!self->dirty || self->node == NULL)
    return TRUE;

  text = ksp_field_editor_dup_text (self);
  old = ksp_node_get_value (self->node, self->field->name, self->lang);
  self->dirty = FALSE;
  if ((old == NULL && *text == '\0' && self->seen == NULL) || g_strcmp0 (old, text) == 0)
    {
      load_from_model (self);
      return TRUE;
    }

  if (!ksp_document_set_value_seen (self->document, self->node, self->field->name, self->lang, text, self->seen,
                                    &error))
    {
      if (g_error_matches (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_CONFLICT) &&
          ksp_document_get_conflict (self->document))
        {
          /* theirs is in the model, the user's text in the editor: both kept, the user chooses */
          g_clear_pointer (&self->conflict, ksp_conflict_free);
          self->conflict = ksp_conflict_copy (ksp_document_get_conflict (self->document));
          self->dirty = TRUE;
          self->conflicted = TRUE;
          g_signal_emit (self, signals[CONFLICT], 0, self->conflict);
          return FALSE;
        }
      if (g_error_matches (error, KSP_STORE_ERROR, KSP_STORE_ERROR_DISCONNECTED))
        {
          /* the server went away: the text stays shown, and the window keeps it to store it when the
           * server is back (what it was typed over with it); typing on gives a newer one */
          g_signal_emit (self, signals[OFFLINE], 0, self->node, text, self->seen, error->message);
          return FALSE;
        }
      g_signal_emit (self, signals[ERROR], 0, error->message);
      load_from_model (self);
      return FALSE;
    }
  update_hint (self);
  return TRUE;
}

/**
 * ksp_field_editor_is_conflicted:
 * Returns: whether the typed text waits for the user's choice after a conflict
 */
gboolean
ksp_field_editor_is_conflicted (KspFieldEditor *self)
{
  g_return_val_if_fail (KSP_IS_FIELD_EDITOR (self), FALSE);
  return self->conflicted;
}

/**
 * ksp_field_editor_keep_mine:
 * After a conflict: writes the typed text over the other person's value, now seen.
 */
gboolean
ksp_field_editor_keep_mine (KspFieldEditor *self)
{
  g_return_val_if_fail (KSP_IS_FIELD_EDITOR (self), FALSE);

  if (!self->conflicted || self->node == NULL)
    return TRUE;
  self->conflicted = FALSE;
  g_clear_pointer (&self->conflict, ksp_conflict_free);
  g_free (self->seen);
  self->seen = g_strdup (ksp_node_get_value (self->node, self->field->name, self->lang));
  self->dirty = TRUE;
  return ksp_field_editor_commit (self);
}

/**
 * ksp_field_editor_take_theirs:
 * After a conflict: drops the typed text for the value the other person wrote.
 */
void
ksp_field_editor_take_theirs (KspFieldEditor *self)
{
  g_return_if_fail (KSP_IS_FIELD_EDITOR (self));

  if (self->node)
    load_from_model (self);
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
  if (self->conflicted)
    return;   /* asked again on Enter or leaving the field, not at every pause */
  self->commit_source = g_timeout_add (KSP_FIELD_EDITOR_COMMIT_DELAY_MS, commit_timeout_cb, self);
}

static void
on_entry_activate (KspFieldEditor *self)
{
  ksp_field_editor_commit (self);
}

/* A choice is stored when it is made: one undoable edit. */
static void
on_choice_selected (KspFieldEditor *self)
{
  g_autoptr (GError) error = NULL;
  guint selected;
  const char *value;

  if (self->updating || self->node == NULL)
    return;
  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->input));
  if (selected >= self->values->len)
    return;
  value = g_ptr_array_index (self->values, selected);
  if (g_strcmp0 (value, ksp_node_get_value (self->node, self->field->name, self->lang)) == 0)
    return;
  if (!ksp_document_set_value (self->document, self->node, self->field->name, self->lang, value, &error))
    {
      g_signal_emit (self, signals[ERROR], 0, error->message);
      load_from_model (self);
    }
}

/* The items: "not set", the field's choices by their labels, and a value the source holds that is not
 * one of them, as it is written (it is data, and picking another choice replaces it). The list is only
 * replaced when its items change: not while the drop-down is handling a choice. */
static void
fill_choices (KspFieldEditor *self,
              const char     *value)
{
  g_autoptr (GtkStringList) labels = NULL;
  gboolean extra = value && ksp_field_lookup_choice (self->field, value) == NULL;
  guint n_choices = 0, selected = 0;

  for (const KspChoice *c = self->field->choices; c->value; c++)
    {
      n_choices++;
      if (g_strcmp0 (c->value, value) == 0)
        selected = n_choices;
    }
  if (extra)
    selected = n_choices + 1;
  if (self->values->len == 1 + n_choices + (extra ? 1 : 0) &&
      (!extra || g_strcmp0 (g_ptr_array_index (self->values, n_choices + 1), value) == 0))
    {
      if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->input)) != selected)
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->input), selected);
      return;
    }
  if (self->values->len >= 1 + n_choices && GTK_IS_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (self->input))))
    {
      /* Only the item of a value that is not a choice comes, goes or changes: that one item is replaced
       * (a new model would make the drop-down build its list and button anew: a third of a card switch). */
      GtkStringList *shown = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (self->input)));
      const char *const add[] = { value, NULL };
      guint had = self->values->len - (1 + n_choices);

      gtk_string_list_splice (shown, 1 + n_choices, had, extra ? add : NULL);
      g_ptr_array_set_size (self->values, 1 + n_choices);
      if (extra)
        g_ptr_array_add (self->values, g_strdup (value));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->input), selected);
      return;
    }

  labels = gtk_string_list_new (NULL);
  g_ptr_array_set_size (self->values, 0);
  /* Translators: the item of a choice list for a value that is not set */
  gtk_string_list_append (labels, _("(not set)"));
  g_ptr_array_add (self->values, NULL);
  for (const KspChoice *c = self->field->choices; c->value; c++)
    {
      gtk_string_list_append (labels, ksp_choice_label (c, self->label_lang));
      g_ptr_array_add (self->values, g_strdup (c->value));
    }
  if (extra)
    {
      gtk_string_list_append (labels, value);
      g_ptr_array_add (self->values, g_strdup (value));
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->input), G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->input), selected);
}

/* One-paragraph texts (names, titles) wrap and grow like the long ones, but Enter commits instead of
 * breaking the line, and a pasted line break becomes a space. */
static gboolean
on_text_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     KspFieldEditor        *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
    {
      ksp_field_editor_commit (self);
      return TRUE;
    }
  return FALSE;
}

static void
on_insert_text (GtkTextBuffer  *buffer,
                GtkTextIter    *location,
                char           *text,
                int             len,
                KspFieldEditor *self)
{
  g_autofree char *flat = NULL;

  if (memchr (text, '\n', len < 0 ? strlen (text) : (gsize) len) == NULL)
    return;
  flat = g_strndup (text, len < 0 ? strlen (text) : (gsize) len);
  g_strdelimit (flat, "\r\n", ' ');
  g_signal_stop_emission_by_name (buffer, "insert-text");
  g_signal_handlers_block_by_func (buffer, on_insert_text, self);
  gtk_text_buffer_insert (buffer, location, flat, -1);
  g_signal_handlers_unblock_by_func (buffer, on_insert_text, self);
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
  /* another person's change while the user types here: the typed text stays (the commit will find that
   * the value is no longer the one typed over, and say so) */
  if (self->dirty)
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
  if (self->follow_id && self->input)
    gtk_widget_remove_tick_callback (self->input, self->follow_id);
  self->follow_id = 0;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_clear_pointer (&self->seen, g_free);
  g_clear_pointer (&self->conflict, ksp_conflict_free);
  G_OBJECT_CLASS (ksp_field_editor_parent_class)->dispose (object);
}

static void ksp_field_editor_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                                      int *natural, int *minimum_baseline, int *natural_baseline);
static void ksp_field_editor_size_allocate (GtkWidget *widget, int width, int height, int baseline);

static GtkSizeRequestMode
ksp_field_editor_get_request_mode (GtkWidget *widget)
{
  KspFieldEditor *self = KSP_FIELD_EDITOR (widget);

  return self->child ? gtk_widget_get_request_mode (self->child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
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
  /**
   * KspFieldEditor::conflict:
   * @conflict: (type gpointer): the KspConflict: who changed the value, when, theirs and the typed text
   */
  signals[CONFLICT] = g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  /**
   * KspFieldEditor::offline:
   * @node: the element
   * @text: what was typed, not stored
   * @seen: (nullable): what it was typed over
   * @message: why (the connection to the server was lost)
   *
   * The text is still shown; whoever listens keeps it to store when the server is back.
   */
  signals[OFFLINE] = g_signal_new ("offline", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 4, KSP_TYPE_NODE, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  widget_class->get_request_mode = ksp_field_editor_get_request_mode;
  widget_class->measure = ksp_field_editor_measure;
  widget_class->size_allocate = ksp_field_editor_size_allocate;
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

/* GtkTextView measures its height at the width it last had, not the one it is being given: when the
 * editor's width changes (first layout, a window resize, a pane moved) it would stay cut or too tall until
 * the next edit. So when the width it is allocated changed, the view asks for a new size in the next frame
 * (once: a tick callback kept on every frame would keep the frame clock running, and every other frame of
 * the window waiting for its turn). */
static gboolean
follow_width (GtkWidget     *view,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  KspFieldEditor *self = user_data;

  self->follow_id = 0;
  gtk_widget_queue_resize (view);
  return G_SOURCE_REMOVE;
}

static void
ksp_field_editor_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  KspFieldEditor *self = KSP_FIELD_EDITOR (widget);

  if (self->child)
    gtk_widget_measure (self->child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
ksp_field_editor_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  KspFieldEditor *self = KSP_FIELD_EDITOR (widget);

  if (self->child == NULL)
    return;
  gtk_widget_allocate (self->child, width, height, baseline, NULL);
  if (self->buffer && width != self->width && self->follow_id == 0)
    self->follow_id = gtk_widget_add_tick_callback (self->input, follow_width, self, NULL);
  self->width = width;
}

static void
build_drop_down (KspFieldEditor *self)
{
  self->values = g_ptr_array_new_with_free_func (g_free);
  self->input = self->child = gtk_drop_down_new (NULL, NULL);
  gtk_widget_set_halign (self->input, GTK_ALIGN_START);
  gtk_widget_set_valign (self->input, GTK_ALIGN_START);
  g_signal_connect_swapped (self->input, "notify::selected", G_CALLBACK (on_choice_selected), self);
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
  gtk_widget_add_css_class (self->input, "ksp-text");
  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (on_text_changed), self);
  if (is_multiline (self))
    gtk_widget_set_size_request (self->input, -1, 72);
  else
    {
      GtkEventController *keys = gtk_event_controller_key_new ();
      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_text_key_pressed), self);
      gtk_widget_add_controller (self->input, keys);
      g_signal_connect (self->buffer, "insert-text", G_CALLBACK (on_insert_text), self);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->input), 7);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->input), 7);
    }

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
 * @label_lang: the language of the labels of a choice field's values (the interface's)
 */
GtkWidget *
ksp_field_editor_new (KspDocument        *document,
                      KspNode            *node,
                      const KspFieldSpec *field,
                      KspLang             lang,
                      KspLang             label_lang)
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
  self->label_lang = label_lang;

  /* Texts wrap and grow with what they hold; codes and numbers are entries; choices a list. */
  if (field->choices)
    build_drop_down (self);
  else if (is_multiline (self) || ksp_field_is_bilingual (field))
    build_text_view (self);
  else
    build_entry (self);
  gtk_widget_set_parent (self->child, GTK_WIDGET (self));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (self->input, focus);

  if (lang == KSP_LANG_NONE)
    a11y = g_strdup (ksp_field_label (field, label_lang));
  else
    /* Translators: an editor's name for screen readers: a field's label, then its language */
    a11y = g_strdup_printf (_("%s (%s)"), ksp_field_label (field, label_lang),
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
  else if (self->values)
    gtk_widget_set_sensitive (self->input, editable);
  else
    gtk_editable_set_editable (GTK_EDITABLE (self->input), editable);
  if (editable)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "read-only");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "read-only");
}

/**
 * ksp_field_editor_set_node:
 * @node: another element of the same kind, in the same document
 *
 * Commits what is typed for the element shown, then edits the same field of @node (the form reuses its
 * editors when the next element selected is of the same kind: a card switch builds no widgets).
 */
void
ksp_field_editor_set_node (KspFieldEditor *self,
                           KspNode        *node)
{
  g_autofree char *detailed = NULL;

  g_return_if_fail (KSP_IS_FIELD_EDITOR (self));
  g_return_if_fail (KSP_IS_NODE (node));

  if (self->node == node)
    return;
  ksp_field_editor_commit (self);
  if (self->node)
    g_clear_signal_handler (&self->value_changed_id, self->node);
  g_set_object (&self->node, node);
  detailed = g_strconcat ("value-changed::", self->field->name, NULL);
  self->value_changed_id = g_signal_connect (node, detailed, G_CALLBACK (on_value_changed), self);
  load_from_model (self);
}
