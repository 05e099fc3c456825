/* ksp-element-form.c: the form of one element (see ksp-element-form.h) */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ksp-column.h"
#include "ksp-element-form.h"
#include "ksp-findings-view.h"
#include "ksp-interface-language.h"
#include "ksp-occupation-picker.h"
#include "ksp-pick.h"
#include "ksp-scroller-layout.h"
#include "ksp-validator.h"

/* Width of the label column, in characters. */
#define LABEL_WIDTH_CHARS 30

struct _KspElementForm
{
  GtkWidget     parent_instance;

  GtkStack     *stack;
  GtkLabel     *heading;
  GtkLabel     *subheading;
  GtkWidget    *column_headers;
  GtkGrid      *rows;          /* row 0: column headers; then labels | editors per field */
  GtkBox       *findings_box;  /* the checks' findings on this element, after the fields */
  GtkWidget    *findings_heading;
  GtkWidget    *findings_button; /* beside the heading: how many, goes to them */
  GtkImage     *findings_icon;
  GtkLabel     *findings_count;
  GtkScrolledWindow *scroller;
  KspLang       lang;          /* the interface's language for the registry's labels */

  KspDocument  *document;
  KspNode      *node;
  GPtrArray    *editors; /* KspFieldEditor, owned */
  const KspKindSpec *kind; /* whose rows the grid holds, or NULL */
  GPtrArray    *row_labels;  /* per field of @kind (grid row = field + 1): its labels, or NULL if not built */
  GPtrArray    *row_editors; /* per field of @kind: the box of its editors, or NULL (the grid owns both) */
  gulong        number_id;
  gboolean      editable;
  GPtrArray    *findings; /* KspFinding of the whole document (a reference), or NULL */
  KspClassifiers *classifiers; /* for the occupation picker, or NULL */
  KspClassifiers *builtin;     /* the built-in ОКЭД entries, for the OKED picker without a workspace's */
  GtkWidget    *picker;        /* the occupation picker in the rows, or NULL (the grid owns it) */
};

G_DEFINE_FINAL_TYPE (KspElementForm, ksp_element_form, GTK_TYPE_WIDGET)

enum {
  ERROR,
  CONFLICT,
  OFFLINE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A field's name in messages: its label (without the published colon), and the language of the value. */
char *
ksp_element_form_dup_field_name (KspElementForm *self,
                                 KspFieldEditor *editor)
{
  const KspFieldSpec *field = ksp_field_editor_get_field (editor);
  KspLang lang = ksp_field_editor_get_lang (editor);
  g_autofree char *label = g_strdup (ksp_field_label (field, self->lang));

  /* The published labels end in a colon; not inside quotes. */
  g_strchomp (label);
  if (g_str_has_suffix (label, ":"))
    label[strlen (label) - 1] = '\0';
  if (lang == KSP_LANG_NONE)
    return g_steal_pointer (&label);
  return g_strdup_printf ("%s (%s)", label, lang == KSP_LANG_KK ? _("Kazakh") : _("Russian"));
}

static void
on_editor_error (KspFieldEditor *editor,
                 const char     *message,
                 KspElementForm *self)
{
  g_autofree char *name = ksp_element_form_dup_field_name (self, editor);
  g_autofree char *text = NULL;

  /* Translators: "%s" is a field label, then the reason the edit was refused */
  text = g_strdup_printf (_("Could not change “%s”: %s"), name, message);
  g_signal_emit (self, signals[ERROR], 0, text);
}

static void
on_editor_conflict (KspFieldEditor *editor,
                    gpointer        conflict,
                    KspElementForm *self)
{
  g_autofree char *name = ksp_element_form_dup_field_name (self, editor);

  g_signal_emit (self, signals[CONFLICT], 0, editor, conflict, name);
}

static void
on_editor_offline (KspFieldEditor *editor,
                   KspNode        *node,
                   const char     *text,
                   const char     *seen,
                   const char     *message,
                   KspElementForm *self)
{
  g_signal_emit (self, signals[OFFLINE], 0, editor, node, text, seen, message);
}

static void
clear_rows (KspElementForm *self)
{
  GtkWidget *child;

  for (guint i = 0; i < self->editors->len; i++)
    {
      KspFieldEditor *editor = g_ptr_array_index (self->editors, i);
      g_signal_handlers_disconnect_by_data (editor, self);
      ksp_field_editor_detach (editor);
    }
  g_ptr_array_set_size (self->editors, 0);
  self->picker = NULL;
  self->kind = NULL;
  if (self->row_labels)
    g_ptr_array_set_size (self->row_labels, 0);
  if (self->row_editors)
    g_ptr_array_set_size (self->row_editors, 0);

  child = gtk_widget_get_first_child (GTK_WIDGET (self->rows));
  while (child)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      if (child != self->column_headers)
        gtk_grid_remove (self->rows, child);
      child = next;
    }
}

static GtkWidget *
add_editor (KspElementForm     *self,
            const KspFieldSpec *field,
            KspLang             lang)
{
  GtkWidget *editor = ksp_field_editor_new (self->document, self->node, field, lang, self->lang);

  ksp_field_editor_set_editable (KSP_FIELD_EDITOR (editor), self->editable);
  g_signal_connect (editor, "error", G_CALLBACK (on_editor_error), self);
  g_signal_connect (editor, "conflict", G_CALLBACK (on_editor_conflict), self);
  g_signal_connect (editor, "offline", G_CALLBACK (on_editor_offline), self);
  g_ptr_array_add (self->editors, g_object_ref (editor));
  return editor;
}

/* The ОКЭД entries to pick from: the workspace's classifiers', else the built-in ones. */
static KspClassifiers *
oked_classifiers (KspElementForm *self)
{
  if (self->classifiers)
    return self->classifiers;
  if (self->builtin == NULL)
    self->builtin = ksp_classifiers_new ();
  return self->builtin;
}

/* What a pick sets is the model's (model/ksp-pick.c): the group code follows an occupation, the whole
 * chain an OKED subclass; each one undoable edit. */
static void
on_code_picked (KspOccupationPicker *picker,
                const char          *code,
                KspElementForm      *self)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (self->node == NULL || self->document == NULL)
    return;
  ksp_element_form_commit (self);
  if (g_str_equal (ksp_node_get_kind (self->node), "oked"))
    ok = ksp_document_pick_oked (self->document, self->node, oked_classifiers (self), code, &error);
  else
    ok = ksp_document_pick_occupation (self->document, self->node, code, &error);
  if (!ok)
    g_signal_emit (self, signals[ERROR], 0, error->message);
}

/* Builds the row of the kind's field @index: its labels, then its editors, in grid row @index + 1. */
static void
add_row (KspElementForm *self,
         guint           index)
{
  const KspFieldSpec *field = &self->kind->fields[index];
  int row = index + 1;
  GtkWidget *labels, *ru, *kk, *editors, *main, *other;

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (labels, GTK_ALIGN_START);
  gtk_widget_set_margin_top (labels, 4);
  ru = gtk_label_new (ksp_field_label (field, KSP_LANG_RU));
  kk = gtk_label_new (ksp_field_label (field, KSP_LANG_KK));
  /* The interface's language first, the other one under it. */
  main = self->lang == KSP_LANG_KK ? kk : ru;
  other = main == kk ? ru : kk;
  for (GtkWidget *l = main; l; l = l == main ? other : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (l), 0);
      gtk_label_set_wrap (GTK_LABEL (l), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (l), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (l), LABEL_WIDTH_CHARS);
      gtk_label_set_max_width_chars (GTK_LABEL (l), LABEL_WIDTH_CHARS);
      gtk_box_append (GTK_BOX (labels), l);
    }
  gtk_widget_add_css_class (main, "ksp-field-label");
  gtk_widget_add_css_class (other, "dim-label");
  gtk_widget_add_css_class (other, "caption");
  /* The other language's legal label, on purpose under the interface's one (see the UI test in Kazakh). */
  gtk_widget_add_css_class (other, "ksp-other-language");
  gtk_grid_attach (self->rows, labels, 0, row, 1, 1);

  /* Both languages get the same width, whatever their text. */
  editors = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (editors), TRUE);
  gtk_widget_set_hexpand (editors, TRUE);
  if (ksp_field_is_bilingual (field))
    {
      GtkWidget *kk_editor = add_editor (self, field, KSP_LANG_KK);
      GtkWidget *ru_editor = add_editor (self, field, KSP_LANG_RU);

      gtk_accessible_update_relation (GTK_ACCESSIBLE (ksp_field_editor_get_input (KSP_FIELD_EDITOR (kk_editor))),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, kk, NULL, -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (ksp_field_editor_get_input (KSP_FIELD_EDITOR (ru_editor))),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, ru, NULL, -1);
      gtk_box_append (GTK_BOX (editors), kk_editor);
      gtk_box_append (GTK_BOX (editors), ru_editor);
    }
  else if ((g_str_equal (field->name, "occupation_code") && g_str_equal (ksp_node_get_kind (self->node), "card") &&
             self->classifiers && ksp_classifiers_get_n_occupations (self->classifiers) > 0) ||
           (g_str_equal (field->name, "subclass_code") && g_str_equal (ksp_node_get_kind (self->node), "oked")))
    {
      GtkWidget *with_picker = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *editor = add_editor (self, field, KSP_LANG_NONE);
      GtkWidget *picker = self->picker = g_str_equal (field->name, "subclass_code")
                                           ? ksp_occupation_picker_new_for_oked (oked_classifiers (self))
                                           : ksp_occupation_picker_new (self->classifiers);

      gtk_widget_set_hexpand (editor, TRUE);
      gtk_widget_set_sensitive (picker, self->editable);
      g_signal_connect (picker, "picked", G_CALLBACK (on_code_picked), self);
      gtk_box_append (GTK_BOX (with_picker), editor);
      gtk_box_append (GTK_BOX (with_picker), picker);
      gtk_box_append (GTK_BOX (editors), with_picker);
    }
  else
    gtk_box_append (GTK_BOX (editors), add_editor (self, field, KSP_LANG_NONE));
  gtk_grid_attach (self->rows, editors, 1, row, 1, 1);
  g_ptr_array_index (self->row_labels, index) = labels;
  g_ptr_array_index (self->row_editors, index) = editors;
}

static void
update_heading (KspElementForm *self)
{
  const KspKindSpec *kind = ksp_node_get_kind_spec (self->node);
  const char *number = ksp_node_get_number (self->node);
  g_autofree char *heading = NULL;
  g_autofree char *subheading = NULL;

  KspLang other = ksp_other_language (self->lang);

  if (number && *number)
    {
      heading = g_strdup_printf ("%s %s", ksp_kind_label (kind, self->lang), number);
      subheading = g_strdup_printf ("%s %s", ksp_kind_label (kind, other), number);
    }
  else
    {
      heading = g_strdup (ksp_kind_label (kind, self->lang));
      subheading = g_strdup (ksp_kind_label (kind, other));
    }
  gtk_label_set_text (self->heading, heading);
  gtk_label_set_text (self->subheading, subheading);
  gtk_widget_add_css_class (GTK_WIDGET (self->subheading), "ksp-other-language");
}

/* A row of the findings after the fields: the severity's icon, the message; the rule is the tooltip. */
static GtkWidget *
finding_row_new (void)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (NULL);
  /* in a column: beside the icon, the label's width is not measured for the row's height (ksp-column.h) */
  GtkWidget *column = ksp_column_new (0);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_hexpand (column, TRUE);
  ksp_column_append (KSP_COLUMN (column), label);
  gtk_box_append (GTK_BOX (row), column);
  g_object_set_data (G_OBJECT (row), "ksp-label", label);
  return row;
}

static void
finding_row_show (GtkWidget        *row,
                  const KspFinding *finding)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "ksp-icon");
  GtkWidget *label = g_object_get_data (G_OBJECT (row), "ksp-label");
  g_autofree char *message = ksp_finding_dup_message (finding, ksp_ui_lang_default ());
  /* Translators: tooltip of a finding shown in the form; %s is the rule, e.g. "V1" */
  g_autofree char *rule = g_strdup_printf (_("Rule %s"), finding->rule);

  /* The icon is made anew only when the severity differs from the row's last one. */
  if (icon == NULL || GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "ksp-severity")) != (int) finding->severity + 1)
    {
      if (icon)
        gtk_box_remove (GTK_BOX (row), icon);
      icon = ksp_finding_severity_icon_new (finding->severity);
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_box_prepend (GTK_BOX (row), icon);
      g_object_set_data (G_OBJECT (row), "ksp-icon", icon);
      g_object_set_data (G_OBJECT (row), "ksp-severity", GINT_TO_POINTER ((int) finding->severity + 1));
    }
  /* Hidden while its tooltip is set: GTK 4.8 asks the X server where the pointer is for every tooltip set
   * on a visible widget. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (row), rule) != 0)
    {
      gtk_widget_set_visible (row, FALSE);
      gtk_widget_set_tooltip_text (row, rule);
    }
  gtk_label_set_text (GTK_LABEL (label), message);
  gtk_widget_set_visible (row, TRUE);
}

/* Shows the findings about this element (not its children: they have their own forms) after its fields,
 * and their count beside the heading: the fields never move when the checks run. */
static void
update_findings (KspElementForm *self)
{
  GtkWidget *child;
  const char *id = self->node ? ksp_node_get_id (self->node) : NULL;
  KspSeverity worst = KSP_SEVERITY_INFO;
  guint n = 0;

  /* The rows shown for the element before are reused, in order; those left over are hidden. */
  child = gtk_widget_get_next_sibling (self->findings_heading);
  for (guint i = 0; id && self->findings && i < self->findings->len; i++)
    {
      const KspFinding *finding = g_ptr_array_index (self->findings, i);

      if (g_strcmp0 (finding->node_id, id) != 0)
        continue;
      if (child == NULL)
        {
          child = finding_row_new ();
          gtk_box_append (self->findings_box, child);
        }
      finding_row_show (child, finding);
      child = gtk_widget_get_next_sibling (child);
      worst = MAX (worst, finding->severity);
      n++;
    }
  for (; child; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_visible (child, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->findings_box), n > 0);
  gtk_widget_set_visible (self->findings_button, n > 0);
  if (n > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", n);
      /* Translators: the tooltip of the button beside a form's heading; %u counts the findings */
      g_autofree char *tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding on this element: show it",
                                                               "%u findings on this element: show them", n), n);

      gtk_label_set_text (self->findings_count, count);
      gtk_image_set_from_icon_name (self->findings_icon, worst == KSP_SEVERITY_ERROR ? "dialog-error-symbolic"
                                                         : worst == KSP_SEVERITY_WARNING ? "dialog-warning-symbolic"
                                                         : "dialog-information-symbolic");
      gtk_widget_set_tooltip_text (self->findings_button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->findings_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
    }
}

/* The button beside the heading scrolls to the findings after the fields. */
static void
on_findings_button_clicked (KspElementForm *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_point_t p;

  if (gtk_widget_compute_point (GTK_WIDGET (self->findings_box), gtk_scrolled_window_get_child (self->scroller),
                                &GRAPHENE_POINT_INIT (0, 0), &p))
    gtk_adjustment_set_value (adj, p.y - 12);
}

/* Whether a form of @node shows @field: the kind's fields, but those of the 2013 and 2019 layouts only
 * when the element has them. */
static gboolean
field_shown (KspNode            *node,
             const KspFieldSpec *field)
{
  return !(field->flags & KSP_FIELD_LEGACY) || ksp_node_get_value (node, field->name, KSP_LANG_NONE) ||
         ksp_node_get_value (node, field->name, KSP_LANG_KK) || ksp_node_get_value (node, field->name, KSP_LANG_RU);
}

/* Whether the row of the kind's field @index is built and shown. */
static gboolean
row_shown (KspElementForm *self,
           guint           index)
{
  GtkWidget *editors = index < self->row_editors->len ? g_ptr_array_index (self->row_editors, index) : NULL;
  return editors && gtk_widget_get_visible (editors);
}

static gboolean
editor_shown (KspElementForm *self,
              KspFieldEditor *editor)
{
  return self->kind && row_shown (self, ksp_field_editor_get_field (editor) - self->kind->fields);
}

/* Makes the rows built for the kind fit self->node: the rows of its fields are shown (built the first
 * time one is needed), the others hidden, and every editor follows the node. A switch to another element
 * of the same kind builds no widget (unless it has a field of an older layout not shown before). */
static void
show_rows (KspElementForm *self)
{
  gboolean any_bilingual = FALSE;

  for (guint i = 0; i < self->kind->n_fields; i++)
    {
      const KspFieldSpec *field = &self->kind->fields[i];
      gboolean shown = field_shown (self->node, field);
      GtkWidget *labels = g_ptr_array_index (self->row_labels, i);
      GtkWidget *editors = g_ptr_array_index (self->row_editors, i);

      if (shown && editors == NULL)
        add_row (self, i); /* its editors are made for self->node */
      else if (editors && gtk_widget_get_visible (editors) != shown)
        {
          gtk_widget_set_visible (labels, shown);
          gtk_widget_set_visible (editors, shown);
        }
      any_bilingual |= shown && ksp_field_is_bilingual (field);
    }
  for (guint i = 0; i < self->editors->len; i++)
    ksp_field_editor_set_node (g_ptr_array_index (self->editors, i), self->node);
  if (gtk_widget_get_visible (self->column_headers) != any_bilingual)
    gtk_widget_set_visible (self->column_headers, any_bilingual);
}

static void
rebuild (KspElementForm *self)
{
  clear_rows (self);
  if (self->node == NULL || self->document == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  update_heading (self);
  self->kind = ksp_node_get_kind_spec (self->node);
  g_ptr_array_set_size (self->row_labels, self->kind->n_fields);
  g_ptr_array_set_size (self->row_editors, self->kind->n_fields);
  show_rows (self);
  update_findings (self);
  gtk_stack_set_visible_child_name (self->stack, "form");
}

static void
ksp_element_form_dispose (GObject *object)
{
  KspElementForm *self = KSP_ELEMENT_FORM (object);

  if (self->editors)
    clear_rows (self);
  if (self->node)
    g_clear_signal_handler (&self->number_id, self->node);
  g_clear_object (&self->node);
  g_clear_object (&self->document);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_pointer (&self->row_labels, g_ptr_array_unref);
  g_clear_pointer (&self->row_editors, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->classifiers);
  g_clear_object (&self->builtin);
  gtk_widget_dispose_template (GTK_WIDGET (self), KSP_TYPE_ELEMENT_FORM);
  G_OBJECT_CLASS (ksp_element_form_parent_class)->dispose (object);
}

static void
ksp_element_form_class_init (KspElementFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ksp_element_form_dispose;

  /**
   * KspElementForm::error:
   * @message: a sentence naming the field and why the edit was refused
   */
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * KspElementForm::conflict:
   * @editor: the field's editor, holding the typed text (ksp_field_editor_keep_mine / take_theirs)
   * @conflict: (type gpointer): the KspConflict
   * @name: the field's name, in the interface language
   */
  signals[CONFLICT] = g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 3, KSP_TYPE_FIELD_EDITOR, G_TYPE_POINTER, G_TYPE_STRING);
  /**
   * KspElementForm::offline:
   * @editor: the field's editor
   * @node, @text, @seen, @message: as #KspFieldEditor::offline says
   */
  signals[OFFLINE] = g_signal_new ("offline", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 5, KSP_TYPE_FIELD_EDITOR, KSP_TYPE_NODE, G_TYPE_STRING,
                                   G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/kz/gov/enbek/Kasip/ksp-element-form.ui");
  gtk_widget_class_bind_template_child (widget_class, KspElementForm, stack);
  gtk_widget_class_bind_template_child (widget_class, KspElementForm, heading);
  gtk_widget_class_bind_template_child (widget_class, KspElementForm, subheading);
  gtk_widget_class_bind_template_child (widget_class, KspElementForm, column_headers);
  gtk_widget_class_bind_template_child (widget_class, KspElementForm, rows);
  gtk_widget_class_bind_template_child (widget_class, KspElementForm, findings_box);
  gtk_widget_class_bind_template_child (widget_class, KspElementForm, findings_heading);
  gtk_widget_class_bind_template_child (widget_class, KspElementForm, findings_button);
  gtk_widget_class_bind_template_child (widget_class, KspElementForm, findings_icon);
  gtk_widget_class_bind_template_child (widget_class, KspElementForm, findings_count);
  gtk_widget_class_bind_template_child (widget_class, KspElementForm, scroller);
  gtk_widget_class_bind_template_callback (widget_class, on_findings_button_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, KSP_TYPE_SCROLLER_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ksp-element-form");
}

static void
ksp_element_form_init (KspElementForm *self)
{
  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  g_type_ensure (ADW_TYPE_CLAMP);
  g_type_ensure (KSP_TYPE_COLUMN);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->editors = g_ptr_array_new_with_free_func (g_object_unref);
  self->row_labels = g_ptr_array_new ();
  self->row_editors = g_ptr_array_new ();
  self->editable = TRUE;
  self->lang = ksp_interface_data_language ();
}

GtkWidget *
ksp_element_form_new (void)
{
  return g_object_new (KSP_TYPE_ELEMENT_FORM, NULL);
}

void
ksp_element_form_set_document (KspElementForm *self,
                               KspDocument    *document)
{
  g_return_if_fail (KSP_IS_ELEMENT_FORM (self));
  g_return_if_fail (document == NULL || KSP_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  ksp_element_form_set_node (self, NULL);
  g_set_object (&self->document, document);
}

KspDocument *
ksp_element_form_get_document (KspElementForm *self)
{
  g_return_val_if_fail (KSP_IS_ELEMENT_FORM (self), NULL);
  return self->document;
}

static void
on_number_changed (KspElementForm *self)
{
  update_heading (self);
}

/**
 * ksp_element_form_set_node:
 * @node: (nullable): an element of the form's document, or %NULL for none
 *
 * Commits what the user typed in the previous element, then shows @node's fields.
 */
void
ksp_element_form_set_node (KspElementForm *self,
                           KspNode        *node)
{
  g_return_if_fail (KSP_IS_ELEMENT_FORM (self));
  g_return_if_fail (node == NULL || KSP_IS_NODE (node));

  if (self->node == node)
    return;
  ksp_element_form_commit (self);
  if (self->node)
    g_clear_signal_handler (&self->number_id, self->node);
  if (self->document && node && self->kind && self->kind == ksp_node_get_kind_spec (node))
    {
      /* Another element of the same kind: the editors follow it. */
      g_set_object (&self->node, node);
      show_rows (self);
      update_heading (self);
      update_findings (self);
    }
  else
    {
      g_set_object (&self->node, node);
      rebuild (self);
    }
  if (node)
    self->number_id = g_signal_connect_swapped (node, "notify::number", G_CALLBACK (on_number_changed), self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/**
 * ksp_element_form_set_classifiers:
 * @classifiers: (nullable): the workspace's classifiers: the occupation code gets a picker
 */
void
ksp_element_form_set_classifiers (KspElementForm *self,
                                  KspClassifiers *classifiers)
{
  g_return_if_fail (KSP_IS_ELEMENT_FORM (self));

  if (self->classifiers == classifiers)
    return;
  ksp_element_form_commit (self);
  g_set_object (&self->classifiers, classifiers);
  rebuild (self);
}

/**
 * ksp_element_form_set_findings:
 * @findings: (nullable): the #KspFinding of the whole document, from ksp_validate(); the form keeps a
 *   reference and shows those about the element it edits
 */
void
ksp_element_form_set_findings (KspElementForm *self,
                               GPtrArray      *findings)
{
  g_return_if_fail (KSP_IS_ELEMENT_FORM (self));

  if (findings)
    g_ptr_array_ref (findings);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = findings;
  update_findings (self);
}

KspNode *
ksp_element_form_get_node (KspElementForm *self)
{
  g_return_val_if_fail (KSP_IS_ELEMENT_FORM (self), NULL);
  return self->node;
}

void
ksp_element_form_set_editable (KspElementForm *self,
                               gboolean        editable)
{
  g_return_if_fail (KSP_IS_ELEMENT_FORM (self));

  self->editable = !!editable;
  for (guint i = 0; i < self->editors->len; i++)
    ksp_field_editor_set_editable (g_ptr_array_index (self->editors, i), self->editable);
  if (self->picker)
    gtk_widget_set_sensitive (self->picker, self->editable);
}

/**
 * ksp_element_form_commit:
 *
 * Commits the text typed in any editor and not yet written (before undo, switching element, closing).
 * Returns: %FALSE if the document refused one of the edits
 */
gboolean
ksp_element_form_commit (KspElementForm *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (KSP_IS_ELEMENT_FORM (self), FALSE);

  for (guint i = 0; i < self->editors->len; i++)
    ok &= ksp_field_editor_commit (g_ptr_array_index (self->editors, i));
  return ok;
}

/**
 * ksp_element_form_get_editor:
 * Returns: (transfer none) (nullable): the editor of @field in @lang, if the form shows one
 */
KspFieldEditor *
ksp_element_form_get_editor (KspElementForm *self,
                             const char     *field,
                             KspLang         lang)
{
  g_return_val_if_fail (KSP_IS_ELEMENT_FORM (self), NULL);

  for (guint i = 0; i < self->editors->len; i++)
    {
      KspFieldEditor *editor = g_ptr_array_index (self->editors, i);
      if (g_str_equal (ksp_field_editor_get_field (editor)->name, field) &&
          ksp_field_editor_get_lang (editor) == lang && editor_shown (self, editor))
        return editor;
    }
  return NULL;
}

/**
 * ksp_element_form_focus_first:
 *
 * Moves the keyboard focus to the first field of the form (Tab from the outline).
 * Returns: whether a field took the focus
 */
gboolean
ksp_element_form_focus_first (KspElementForm *self)
{
  g_return_val_if_fail (KSP_IS_ELEMENT_FORM (self), FALSE);

  /* The first row shown: its first editor (the rows are in the grid in the kind's order, the editors in
   * the order they were built). */
  for (guint row = 0; self->kind && row < self->kind->n_fields; row++)
    for (guint i = 0; row_shown (self, row) && i < self->editors->len; i++)
      {
        KspFieldEditor *editor = g_ptr_array_index (self->editors, i);
        if (ksp_field_editor_get_field (editor) == &self->kind->fields[row])
          return gtk_widget_grab_focus (ksp_field_editor_get_input (editor));
      }
  return FALSE;
}
