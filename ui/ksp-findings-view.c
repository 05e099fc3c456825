/* ksp-findings-view.c: the "Checks" panel (see ksp-findings-view.h) */
#include "config.h"

#include <glib/gi18n.h>

#include "ksp-findings-view.h"

struct _KspFindingsView
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkLabel   *summary_label;
  GtkStack   *stack;
  GtkListBox *list;

  GPtrArray  *findings;  /* KspFinding, as given (owns them) */
  GPtrArray  *shown;     /* the same findings, errors first, in the list's order */
  char       *summary;
  gboolean    rows_dirty; /* the rows do not show `shown` yet (built when the view is mapped) */
  KspUiLang   lang;       /* of the messages and paths */
};

G_DEFINE_FINAL_TYPE (KspFindingsView, ksp_findings_view, GTK_TYPE_WIDGET)

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
severity_icon (KspSeverity severity)
{
  switch (severity)
    {
    case KSP_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case KSP_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case KSP_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
severity_name (KspSeverity severity)
{
  switch (severity)
    {
    case KSP_SEVERITY_ERROR:
      return _("Error");
    case KSP_SEVERITY_WARNING:
      return _("Warning");
    case KSP_SEVERITY_INFO:
    default:
      return _("Note");
    }
}

static const char *
severity_class (KspSeverity severity)
{
  switch (severity)
    {
    case KSP_SEVERITY_ERROR:
      return "error";
    case KSP_SEVERITY_WARNING:
      return "warning";
    case KSP_SEVERITY_INFO:
    default:
      return "dim-label";
    }
}

/**
 * ksp_finding_severity_icon_new:
 * Returns: (transfer floating): the icon of @severity, coloured, named in its tooltip and for screen
 *   readers; the Checks panel's rows and the form's findings use it
 */
GtkWidget *
ksp_finding_severity_icon_new (KspSeverity severity)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (severity));

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, severity_class (severity));
  gtk_widget_set_tooltip_text (icon, severity_name (severity));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, severity_name (severity), -1);
  return icon;
}

static GtkWidget *
create_row (const KspFinding *finding,
            KspUiLang         lang)
{
  GtkWidget *row, *box, *rule, *text, *path, *message;
  g_autofree char *tooltip = NULL;
  g_autofree char *path_text = ksp_finding_dup_path (finding, lang);
  g_autofree char *message_text = ksp_finding_dup_message (finding, lang);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (box), ksp_finding_severity_icon_new (finding->severity));

  rule = gtk_label_new (finding->rule);
  gtk_label_set_xalign (GTK_LABEL (rule), 0);
  gtk_label_set_yalign (GTK_LABEL (rule), 0);
  gtk_label_set_width_chars (GTK_LABEL (rule), 4);
  gtk_widget_set_valign (rule, GTK_ALIGN_START);
  gtk_widget_add_css_class (rule, "ksp-finding-rule");
  gtk_box_append (GTK_BOX (box), rule);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text, TRUE);
  if (*path_text)
    {
      path = gtk_label_new (path_text);
      gtk_label_set_xalign (GTK_LABEL (path), 0);
      gtk_label_set_wrap (GTK_LABEL (path), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (path), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (path, "ksp-finding-path");
      gtk_box_append (GTK_BOX (text), path);
    }
  message = gtk_label_new (message_text);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (message), FALSE);
  gtk_box_append (GTK_BOX (text), message);
  gtk_box_append (GTK_BOX (box), text);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Findings about the classifiers name no element: nothing to go to. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), finding->node_id != NULL);
  if (finding->line > 0)
    {
      /* Translators: a finding's tooltip; %s is the rule (e.g. "V1"), %u the source line */
      tooltip = g_strdup_printf (_("Rule %s, source line %u"), finding->rule, finding->line);
    }
  else
    tooltip = g_strdup_printf (_("Rule %s"), finding->rule);
  gtk_widget_set_tooltip_text (row, tooltip);
  return row;
}

static int
compare_severity (gconstpointer a,
                  gconstpointer b)
{
  const KspFinding *fa = *(const KspFinding **) a;
  const KspFinding *fb = *(const KspFinding **) b;

  return (int) fb->severity - (int) fa->severity;
}

static char *
make_summary (GPtrArray *findings)
{
  guint errors, warnings, notes;
  g_autofree char *e = NULL, *w = NULL, *n = NULL;

  if (findings == NULL || findings->len == 0)
    return g_strdup (_("No problems found"));
  errors = ksp_findings_count (findings, KSP_SEVERITY_ERROR);
  warnings = ksp_findings_count (findings, KSP_SEVERITY_WARNING);
  notes = ksp_findings_count (findings, KSP_SEVERITY_INFO);
  /* Translators: part of the checks summary, e.g. "2 errors, 55 warnings, 40 notes" */
  e = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
  /* Translators: part of the checks summary, e.g. "2 errors, 55 warnings, 40 notes" */
  w = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);
  /* Translators: part of the checks summary, e.g. "2 errors, 55 warnings, 40 notes" */
  n = g_strdup_printf (ngettext ("%u note", "%u notes", notes), notes);
  /* Translators: the checks summary: errors, warnings, notes */
  return g_strdup_printf (_("%s, %s, %s"), e, w, n);
}

static gboolean
same_strv (char **a,
           char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char *const *) a, (const char *const *) b);
}

/* The same finding, in every language: the data, not only its Russian rendering. */
static gboolean
same_finding (const KspFinding *a,
              const KspFinding *b)
{
  return a->severity == b->severity && a->line == b->line && g_strcmp0 (a->rule, b->rule) == 0 &&
         g_strcmp0 (a->node_id, b->node_id) == 0 && g_strcmp0 (a->path, b->path) == 0 &&
         g_strcmp0 (a->message, b->message) == 0 && g_strcmp0 (a->message_id, b->message_id) == 0 &&
         same_strv (a->args, b->args) && same_strv (a->path_segments, b->path_segments);
}

static void
rebuild_rows (KspFindingsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < self->shown->len; i++)
    gtk_list_box_append (self->list, create_row (g_ptr_array_index (self->shown, i), self->lang));
  self->rows_dirty = FALSE;
}

/* Rebuilds the rows now if they are shown, else when they will be. */
static void
invalidate_rows (KspFindingsView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild_rows (self);
  else
    self->rows_dirty = TRUE;
}

/**
 * ksp_findings_view_set_findings:
 * @findings: (nullable): #KspFinding from ksp_validate(); the view keeps a reference
 *
 * Shows @findings in place of those shown.
 */
void
ksp_findings_view_set_findings (KspFindingsView *self,
                                GPtrArray       *findings)
{
  g_autoptr (GPtrArray) shown = g_ptr_array_new ();
  gboolean same;

  g_return_if_fail (KSP_IS_FINDINGS_VIEW (self));

  if (findings)
    g_ptr_array_ref (findings);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = findings;

  for (guint i = 0; findings && i < findings->len; i++)
    g_ptr_array_add (shown, g_ptr_array_index (findings, i));
  /* Stable: within a severity, the validator's (document) order stays. */
  g_ptr_array_sort (shown, compare_severity);

  /* Most edits change no finding: then the rows (and the selected one) stay. */
  same = shown->len == self->shown->len;
  for (guint i = 0; same && i < shown->len; i++)
    same = same_finding (g_ptr_array_index (shown, i), g_ptr_array_index (self->shown, i));
  g_ptr_array_unref (self->shown);
  self->shown = g_steal_pointer (&shown);
  /* Building rows costs more than checking: a hidden view builds them when shown. */
  if (!same)
    invalidate_rows (self);

  g_free (self->summary);
  self->summary = make_summary (findings);
  gtk_label_set_text (self->summary_label, self->summary);
  gtk_stack_set_visible_child_name (self->stack, self->shown->len > 0 ? "list" : "empty");
}

/**
 * ksp_findings_view_set_language:
 * @lang: the language of the findings' messages and paths (at first, ksp_ui_lang_default())
 */
void
ksp_findings_view_set_language (KspFindingsView *self,
                                KspUiLang        lang)
{
  g_return_if_fail (KSP_IS_FINDINGS_VIEW (self));

  if (self->lang == lang)
    return;
  self->lang = lang;
  if (self->shown->len > 0)
    invalidate_rows (self);
}

KspUiLang
ksp_findings_view_get_language (KspFindingsView *self)
{
  g_return_val_if_fail (KSP_IS_FINDINGS_VIEW (self), KSP_UI_LANG_EN);
  return self->lang;
}

guint
ksp_findings_view_get_n_findings (KspFindingsView *self)
{
  g_return_val_if_fail (KSP_IS_FINDINGS_VIEW (self), 0);
  return self->shown->len;
}

/**
 * ksp_findings_view_get_finding:
 * @index: a row, from 0
 * Returns: (transfer none) (nullable): the finding the row shows
 */
const KspFinding *
ksp_findings_view_get_finding (KspFindingsView *self,
                               guint            index)
{
  g_return_val_if_fail (KSP_IS_FINDINGS_VIEW (self), NULL);
  return index < self->shown->len ? g_ptr_array_index (self->shown, index) : NULL;
}

/* The counts line, e.g. "2 errors, 55 warnings, 40 notes". */
const char *
ksp_findings_view_get_summary (KspFindingsView *self)
{
  g_return_val_if_fail (KSP_IS_FINDINGS_VIEW (self), NULL);
  return self->summary;
}

static gboolean
activate_index (KspFindingsView *self,
                guint            index)
{
  const KspFinding *finding = ksp_findings_view_get_finding (self, index);

  if (finding == NULL || finding->node_id == NULL)
    return FALSE;
  g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding->node_id);
  return TRUE;
}

/**
 * ksp_findings_view_activate_row:
 * @index: a row, from 0
 *
 * Selects the row and does what activating it does.
 * Returns: %FALSE when there is no such row or its finding names no element
 */
gboolean
ksp_findings_view_activate_row (KspFindingsView *self,
                                guint            index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (KSP_IS_FINDINGS_VIEW (self), FALSE);

  if (self->rows_dirty)
    rebuild_rows (self);
  row = gtk_list_box_get_row_at_index (self->list, (int) index);
  if (row)
    gtk_list_box_select_row (self->list, row);
  return activate_index (self, index);
}

static void
on_row_activated (KspFindingsView *self,
                  GtkListBoxRow   *row)
{
  activate_index (self, (guint) gtk_list_box_row_get_index (row));
}

static void
ksp_findings_view_map (GtkWidget *widget)
{
  KspFindingsView *self = KSP_FINDINGS_VIEW (widget);

  if (self->rows_dirty)
    rebuild_rows (self);
  GTK_WIDGET_CLASS (ksp_findings_view_parent_class)->map (widget);
}

static void
ksp_findings_view_dispose (GObject *object)
{
  KspFindingsView *self = KSP_FINDINGS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KSP_TYPE_FINDINGS_VIEW);
  G_OBJECT_CLASS (ksp_findings_view_parent_class)->dispose (object);
}

static void
ksp_findings_view_finalize (GObject *object)
{
  KspFindingsView *self = KSP_FINDINGS_VIEW (object);

  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_free (self->summary);
  G_OBJECT_CLASS (ksp_findings_view_parent_class)->finalize (object);
}

static void
ksp_findings_view_class_init (KspFindingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ksp_findings_view_dispose;
  object_class->finalize = ksp_findings_view_finalize;
  widget_class->map = ksp_findings_view_map;

  /**
   * KspFindingsView::finding-activated:
   * @node_id: the ID of the element the finding is about
   */
  signals[FINDING_ACTIVATED] = g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/kz/gov/enbek/Kasip/ksp-findings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KspFindingsView, box);
  gtk_widget_class_bind_template_child (widget_class, KspFindingsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KspFindingsView, stack);
  gtk_widget_class_bind_template_child (widget_class, KspFindingsView, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ksp-findings-view");
}

static void
ksp_findings_view_init (KspFindingsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->lang = ksp_ui_lang_default ();
  self->shown = g_ptr_array_new ();
  ksp_findings_view_set_findings (self, NULL);
}

GtkWidget *
ksp_findings_view_new (void)
{
  return g_object_new (KSP_TYPE_FINDINGS_VIEW, NULL);
}
