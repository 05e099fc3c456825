/* ksp-scroller-layout.c: a bin layout whose height does not follow its child (see ksp-scroller-layout.h) */
#include "config.h"

#include "ksp-scroller-layout.h"

struct _KspScrollerLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (KspScrollerLayout, ksp_scroller_layout, GTK_TYPE_LAYOUT_MANAGER)

static GtkSizeRequestMode
ksp_scroller_layout_get_request_mode (GtkLayoutManager *manager,
                                      GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
ksp_scroller_layout_measure (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             GtkOrientation    orientation,
                             int               for_size,
                             int              *minimum,
                             int              *natural,
                             int              *minimum_baseline,
                             int              *natural_baseline)
{
  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_VERTICAL)
    return; /* the content scrolls: any height will do (the widget's height-request, if any, still holds) */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
ksp_scroller_layout_allocate (GtkLayoutManager *manager,
                              GtkWidget        *widget,
                              int               width,
                              int               height,
                              int               baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
ksp_scroller_layout_class_init (KspScrollerLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->get_request_mode = ksp_scroller_layout_get_request_mode;
  layout_class->measure = ksp_scroller_layout_measure;
  layout_class->allocate = ksp_scroller_layout_allocate;
}

static void
ksp_scroller_layout_init (KspScrollerLayout *self)
{
}
