/* ksp-occupation-picker.c: pick an НКЗ occupation code (see ksp-occupation-picker.h) */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ksp-occupation-picker.h"

struct _KspOccupationPicker
{
  GtkWidget       parent_instance;

  GtkMenuButton  *button;
  GtkSearchEntry *search;
  GtkListBox     *list;
  KspClassifiers *classifiers;
  char           *needle;   /* casefolded filter text, or NULL for all */
  gboolean        oked;     /* ОКЭД subclasses rather than НКЗ occupations */
  gboolean        filled;   /* the rows are built on first popup */
};

G_DEFINE_FINAL_TYPE (KspOccupationPicker, ksp_occupation_picker, GTK_TYPE_WIDGET)

enum {
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fill (KspOccupationPicker *self)
{
  g_autoptr (GPtrArray) codes = NULL;

  if (self->filled)
    return;
  codes = self->oked ? ksp_classifiers_list_oked_codes (self->classifiers, KSP_OKED_RANK_SUBCLASS)
                     : ksp_classifiers_list_occupation_codes (self->classifiers);
  self->filled = TRUE;
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      const char *name = self->oked ? ksp_classifiers_lookup_oked (self->classifiers, code)
                                    : ksp_classifiers_lookup_occupation (self->classifiers, code);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *code_label = gtk_label_new (code);
      GtkWidget *name_label = gtk_label_new (name ? name : "");
      g_autofree char *key = g_utf8_casefold (name ? name : "", -1);

      gtk_widget_add_css_class (code_label, "monospace");
      gtk_label_set_xalign (GTK_LABEL (name_label), 0);
      gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (name_label), 48);
      gtk_box_append (GTK_BOX (box), code_label);
      gtk_box_append (GTK_BOX (box), name_label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "ksp-code", g_strdup (code), g_free);
      g_object_set_data_full (G_OBJECT (row), "ksp-key", g_strconcat (code, " ", key, NULL), g_free);
      gtk_list_box_append (self->list, row);
    }
}

static gboolean
row_matches (GtkListBoxRow *row,
             gpointer       user_data)
{
  KspOccupationPicker *self = user_data;
  const char *key = g_object_get_data (G_OBJECT (row), "ksp-key");

  return self->needle == NULL || (key && strstr (key, self->needle) != NULL);
}

/**
 * ksp_occupation_picker_filter:
 * @text: (nullable): a code or part of a name; %NULL or "" shows all
 * Returns: how many occupations match
 */
guint
ksp_occupation_picker_filter (KspOccupationPicker *self,
                              const char          *text)
{
  guint n = 0;
  GtkWidget *row;

  g_return_val_if_fail (KSP_IS_OCCUPATION_PICKER (self), 0);

  fill (self);
  g_clear_pointer (&self->needle, g_free);
  if (text && *text)
    self->needle = g_utf8_casefold (text, -1);
  gtk_list_box_invalidate_filter (self->list);
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row; row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row) && row_matches (GTK_LIST_BOX_ROW (row), self);
  return n;
}

static void
pick_row (KspOccupationPicker *self,
          GtkListBoxRow       *row)
{
  const char *code = g_object_get_data (G_OBJECT (row), "ksp-code");

  gtk_menu_button_popdown (self->button);
  if (code)
    g_signal_emit (self, signals[PICKED], 0, code);
}

/**
 * ksp_occupation_picker_pick_first:
 * Picks the first occupation the filter shows (what Enter in the search entry does).
 * Returns: %FALSE when none matches
 */
gboolean
ksp_occupation_picker_pick_first (KspOccupationPicker *self)
{
  GtkWidget *row;

  g_return_val_if_fail (KSP_IS_OCCUPATION_PICKER (self), FALSE);

  fill (self);
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && row_matches (GTK_LIST_BOX_ROW (row), self))
      {
        pick_row (self, GTK_LIST_BOX_ROW (row));
        return TRUE;
      }
  return FALSE;
}

void
ksp_occupation_picker_popup (KspOccupationPicker *self)
{
  g_return_if_fail (KSP_IS_OCCUPATION_PICKER (self));
  fill (self);
  gtk_menu_button_popup (self->button);
}

static void
on_search_changed (KspOccupationPicker *self)
{
  ksp_occupation_picker_filter (self, gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

/* Each time it opens: an empty search showing every occupation. */
static void
on_popover_show (KspOccupationPicker *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  ksp_occupation_picker_filter (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

static void
ksp_occupation_picker_dispose (GObject *object)
{
  KspOccupationPicker *self = KSP_OCCUPATION_PICKER (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->classifiers);
  g_clear_pointer (&self->needle, g_free);
  G_OBJECT_CLASS (ksp_occupation_picker_parent_class)->dispose (object);
}

static void
ksp_occupation_picker_class_init (KspOccupationPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ksp_occupation_picker_dispose;

  /**
   * KspOccupationPicker::picked:
   * @code: the НКЗ occupation code chosen
   */
  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ksp-occupation-picker");
}

static void
ksp_occupation_picker_init (KspOccupationPicker *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "view-list-symbolic");
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  /* Translators: tooltip of the button beside the occupation code */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Choose from the qualification framework’s occupations"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose from the qualification framework’s occupations"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  /* Translators: placeholder of the occupation search */
  g_object_set (self->search, "placeholder-text", _("Code or name"), NULL);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_filter_func (self->list, row_matches, self, NULL);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->button, popover);

  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (ksp_occupation_picker_pick_first), self);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (pick_row), self);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (on_popover_show), self);
}

GtkWidget *
ksp_occupation_picker_new (KspClassifiers *classifiers)
{
  KspOccupationPicker *self;

  g_return_val_if_fail (KSP_IS_CLASSIFIERS (classifiers), NULL);
  self = g_object_new (KSP_TYPE_OCCUPATION_PICKER, NULL);
  self->classifiers = g_object_ref (classifiers);
  return GTK_WIDGET (self);
}

/**
 * ksp_occupation_picker_new_for_oked:
 *
 * The same picker over the ОКЭД subclasses the classifiers know (for an OKED chain's subclass code).
 */
GtkWidget *
ksp_occupation_picker_new_for_oked (KspClassifiers *classifiers)
{
  KspOccupationPicker *self = KSP_OCCUPATION_PICKER (ksp_occupation_picker_new (classifiers));

  self->oked = TRUE;
  /* Translators: tooltip of the button beside an OKED subclass code */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Choose an OKED subclass: the whole chain follows"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose an OKED subclass: the whole chain follows"), -1);
  return GTK_WIDGET (self);
}
