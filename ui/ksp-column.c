/* ksp-column.c: a vertical stack whose width does not depend on its height (see ksp-column.h) */
#include "config.h"

#include "ksp-column.h"

struct _KspColumn
{
  GtkWidget parent_instance;

  int       spacing;
};

/* In a template, <child> elements are appended as GtkWidget's own GtkBuildable does. */
G_DEFINE_FINAL_TYPE (KspColumn, ksp_column, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static GtkSizeRequestMode
ksp_column_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ksp_column_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  KspColumn *self = KSP_COLUMN (widget);
  gboolean first = TRUE;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* whatever the height: the children's own widths */
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      else
        {
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, for_size, &child_min, &child_nat, NULL, NULL);
          *minimum += child_min + (first ? 0 : self->spacing);
          *natural += child_nat + (first ? 0 : self->spacing);
        }
      first = FALSE;
    }
}

static void
ksp_column_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  KspColumn *self = KSP_COLUMN (widget);
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_min, &child_nat, NULL, NULL);
      gtk_widget_allocate (child, width, child_nat, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, y)));
      y += child_nat + self->spacing;
    }
}

static void
ksp_column_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (ksp_column_parent_class)->dispose (object);
}

static void
ksp_column_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KspColumn *self = KSP_COLUMN (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ksp_column_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KspColumn *self = KSP_COLUMN (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      self->spacing = g_value_get_int (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ksp_column_class_init (KspColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ksp_column_dispose;
  object_class->get_property = ksp_column_get_property;
  object_class->set_property = ksp_column_set_property;
  widget_class->get_request_mode = ksp_column_get_request_mode;
  widget_class->measure = ksp_column_measure;
  widget_class->size_allocate = ksp_column_size_allocate;

  props[PROP_SPACING] = g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ksp_column_init (KspColumn *self)
{
}

GtkWidget *
ksp_column_new (int spacing)
{
  return g_object_new (KSP_TYPE_COLUMN, "spacing", spacing, NULL);
}

void
ksp_column_append (KspColumn *self,
                   GtkWidget *child)
{
  g_return_if_fail (KSP_IS_COLUMN (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}
