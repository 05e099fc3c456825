/* ksp-outline-view.c: the outline of a standard (see ksp-outline-view.h) */
#include "config.h"

#include <glib/gi18n.h>

#include "ksp-column.h"
#include "ksp-interface-language.h"
#include "ksp-outline-group.h"
#include "ksp-search.h"
#include "ksp-structure.h"
#include "ksp-outline-view.h"
#include "ksp-review-marks.h"
#include "ksp-scroller-layout.h"

struct _KspOutlineView
{
  GtkWidget                 parent_instance;

  GtkScrolledWindow        *scroller;
  GtkListView              *list;
  GtkSignalListItemFactory *factory;
  GtkSearchBar             *search_bar;
  GtkSearchEntry           *search_entry;
  GtkLabel                 *search_count;

  KspNode                  *root;
  GtkTreeListModel         *tree;
  GtkSingleSelection       *selection;
  KspLang                   lang;      /* the language of titles and captions; the other one is the tooltip */

  /* A search under way: the outline shows only the matches and the elements (and chapters) above them. */
  GPtrArray                *matches;   /* KspNode, in document order, or NULL */
  GHashTable               *visible;   /* the matches and their ancestors, or NULL */
  guint                     current;   /* the match selected last */

  /* Review marks (ksp-review-marks.h): element ID → KspMark, shown under the kind of each row marked. */
  GHashTable               *marks;     /* or NULL */
  GHashTable               *presence;  /* element ID → who else has it open (names), or NULL */
  GHashTable               *bound;     /* the GtkListItems bound, to update their marks in place */
};

G_DEFINE_FINAL_TYPE (KspOutlineView, ksp_outline_view, GTK_TYPE_WIDGET)

enum {
  NODE_SELECTED,
  CONTEXT_MENU,
  NODE_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_visible (KspNode  *node,
            gpointer  user_data)
{
  KspOutlineView *self = user_data;
  return self->visible == NULL || g_hash_table_contains (self->visible, node);
}

static gboolean
visible_filter (gpointer item,
                gpointer user_data)
{
  return is_visible (item, user_data);
}

/* A standard shows its chapters; a chapter or group its rows; another element its children, only those
 * a search shows while one is under way. */
static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  KspOutlineView *self = user_data;
  KspNode *node;
  const KspKindSpec *spec;

  if (KSP_IS_OUTLINE_GROUP (item))
    return g_object_ref (ksp_outline_group_get_model (item));
  node = item;
  spec = ksp_node_get_kind_spec (node);
  if (g_str_equal (ksp_node_get_kind (node), "standard"))
    return ksp_outline_group_chapters_of (node, self->visible ? is_visible : NULL, self);
  /* Kinds that may hold children get a model even while empty, so that an element added to them shows. */
  if (ksp_node_get_n_children (node) == 0 && (spec == NULL || spec->children == NULL))
    return NULL;
  if (self->visible)
    return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (ksp_node_get_children (node)),
                                                    GTK_FILTER (gtk_custom_filter_new (visible_filter, self, NULL))));
  return g_object_ref (ksp_node_get_children (node));
}

/* ---------------------------------------------------------------------------------------------- */
/* drag and drop: an element dragged onto a row goes before it (upper quarter), after it (lower quarter)
 * or inside it (the middle), where the registry allows its kind; the row shows where.                */

static KspNode *
row_node (GtkListItem *item)
{
  GObject *object = g_object_get_data (G_OBJECT (item), "ksp-node");
  return KSP_IS_NODE (object) ? KSP_NODE (object) : NULL;
}

/**
 * ksp_outline_view_drop_place:
 * @y: where over the row, from 0 (top) to @height
 *
 * Returns: where a drop of @node at @y over @target's row puts it, or -1 where it cannot go
 */
int
ksp_outline_view_drop_place (KspNode *node,
                             KspNode *target,
                             double   y,
                             double   height)
{
  KspPlace order[3];

  if (node == NULL || target == NULL || node == target)
    return -1;
  for (KspNode *n = target; n; n = ksp_node_get_parent (n))
    if (n == node)
      return -1; /* not into itself */
  if (y < height / 4)
    order[0] = KSP_PLACE_BEFORE, order[1] = KSP_PLACE_CHILD, order[2] = KSP_PLACE_AFTER;
  else if (y > height * 3 / 4)
    order[0] = KSP_PLACE_AFTER, order[1] = KSP_PLACE_CHILD, order[2] = KSP_PLACE_BEFORE;
  else
    order[0] = KSP_PLACE_CHILD, order[1] = y < height / 2 ? KSP_PLACE_BEFORE : KSP_PLACE_AFTER,
    order[2] = y < height / 2 ? KSP_PLACE_AFTER : KSP_PLACE_BEFORE;
  for (guint i = 0; i < 3; i++)
    if (ksp_structure_can_place (target, order[i], ksp_node_get_kind (node)))
      return order[i];
  return -1;
}

static void
clear_drop_marks (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "ksp-drop-before");
  gtk_widget_remove_css_class (row, "ksp-drop-after");
  gtk_widget_remove_css_class (row, "ksp-drop-into");
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListItem   *item)
{
  KspNode *node = row_node (item);

  if (node == NULL || ksp_node_get_parent (node) == NULL)
    return NULL;
  return gdk_content_provider_new_typed (KSP_TYPE_NODE, node);
}

static KspNode *
dragged_node (GtkDropTarget *target)
{
  const GValue *value = gtk_drop_target_get_value (target);
  return value && G_VALUE_HOLDS (value, KSP_TYPE_NODE) ? g_value_get_object (value) : NULL;
}

static GdkDragAction
on_drop_motion (GtkDropTarget *target,
                double         x,
                double         y,
                GtkListItem   *item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  int place = ksp_outline_view_drop_place (dragged_node (target), row_node (item), y, gtk_widget_get_height (row));

  clear_drop_marks (row);
  if (place < 0)
    return 0;
  gtk_widget_add_css_class (row, place == KSP_PLACE_BEFORE ? "ksp-drop-before"
                                 : place == KSP_PLACE_AFTER ? "ksp-drop-after" : "ksp-drop-into");
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (GtkDropTarget *target,
               GtkListItem   *item)
{
  clear_drop_marks (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkListItem   *item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  KspOutlineView *self = g_object_get_data (G_OBJECT (item), "ksp-outline");
  KspNode *node = G_VALUE_HOLDS (value, KSP_TYPE_NODE) ? g_value_get_object (value) : NULL;
  KspNode *reference = row_node (item);
  int place = ksp_outline_view_drop_place (node, reference, y, gtk_widget_get_height (row));

  clear_drop_marks (row);
  if (place < 0)
    return FALSE;
  g_signal_emit (self, signals[NODE_DROPPED], 0, node, reference, place);
  return TRUE;
}

static void
add_drag_and_drop (KspOutlineView *self,
                   GtkListItem    *item,
                   GtkWidget      *row)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (KSP_TYPE_NODE, GDK_ACTION_MOVE);

  g_object_set_data (G_OBJECT (item), "ksp-outline", self);
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion), item);
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_motion), item);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave), item);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  /* The title and caption in a column: the expander (a horizontal box) would otherwise measure their
   * width for the row's height, laying the title out again and again (ksp-column.h); the column takes
   * the width left beside the indentation and the arrow. */
  GtkWidget *box = ksp_column_new (0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  /* Titles are read in full: they wrap. */
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (title), GTK_NATURAL_WRAP_WORD);
  gtk_label_set_lines (GTK_LABEL (title), 4);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  ksp_column_append (KSP_COLUMN (box), title);
  ksp_column_append (KSP_COLUMN (box), caption);
  {
    GtkWidget *marks = gtk_label_new (NULL);
    gtk_label_set_xalign (GTK_LABEL (marks), 0);
    gtk_label_set_ellipsize (GTK_LABEL (marks), PANGO_ELLIPSIZE_END);
    gtk_widget_add_css_class (marks, "caption");
    gtk_widget_add_css_class (marks, "ksp-outline-marks");
    gtk_widget_set_visible (marks, FALSE);
    ksp_column_append (KSP_COLUMN (box), marks);
    g_object_set_data (G_OBJECT (item), "ksp-marks", marks);
  }
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
  add_drag_and_drop (user_data, item, expander);
  g_object_set_data (G_OBJECT (item), "ksp-title", title);
  g_object_set_data (G_OBJECT (item), "ksp-caption", caption);
}

/* Tooltips asked for only when shown: gtk_widget_set_tooltip_text() queries the pointer (an X round trip
 * in GTK 4.8) for every row bound, two thirds of the time to open a standard. */
static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "ksp-tooltip");

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_lazy_tooltip (GtkWidget  *widget,
                  const char *text)
{
  if (!g_object_get_data (G_OBJECT (widget), "ksp-tooltip-handler"))
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
      g_object_set_data (G_OBJECT (widget), "ksp-tooltip-handler", GINT_TO_POINTER (TRUE));
      gtk_widget_set_has_tooltip (widget, TRUE);
    }
  g_object_set_data_full (G_OBJECT (widget), "ksp-tooltip", g_strdup (text), g_free);
}

/**
 * ksp_outline_view_row_tooltip:
 * Returns: (transfer none) (nullable): the tooltip a row's title or caption label shows (the other
 *   language), for tests
 */
const char *
ksp_outline_view_row_tooltip (GtkWidget *label)
{
  return g_object_get_data (G_OBJECT (label), "ksp-tooltip");
}

static void
update_title (GObject    *item,
              GParamSpec *pspec,
              GtkWidget  *title)
{
  KspLang lang = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (title), "ksp-lang"));
  KspLang other = ksp_other_language (lang);
  g_autofree char *label = NULL;
  g_autofree char *tooltip = NULL;

  if (KSP_IS_OUTLINE_GROUP (item))
    {
      KspOutlineGroup *group = KSP_OUTLINE_GROUP (item);
      guint n = ksp_outline_group_count_elements (group);
      label = n ? g_strdup_printf ("%s (%u)", ksp_outline_group_get_label (group, lang), n)
                : g_strdup (ksp_outline_group_get_label (group, lang));
      tooltip = g_strdup (ksp_outline_group_get_label (group, other));
    }
  else
    {
      label = ksp_node_dup_label (KSP_NODE (item), lang);
      tooltip = ksp_node_dup_label (KSP_NODE (item), other);
    }
  gtk_label_set_text (GTK_LABEL (title), label);
  set_lazy_tooltip (title, g_strcmp0 (label, tooltip) != 0 ? tooltip : NULL);
}

/* What the review marks of a row say, in words: they are read by screen readers as they are seen. */
static void
update_marks (KspOutlineView *self,
              GtkListItem    *item)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (item), "ksp-marks");
  GObject *object = g_object_get_data (G_OBJECT (item), "ksp-node");
  const char *id = KSP_IS_NODE (object) ? ksp_node_get_id (KSP_NODE (object)) : NULL;
  guint flags = self->marks && id ? GPOINTER_TO_UINT (g_hash_table_lookup (self->marks, id)) : 0;
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *text = NULL;
  g_autofree char *who = NULL;

  if (label == NULL)
    return;
  if (flags & KSP_MARK_COMMENT)
    /* Translators: an outline row's mark: a comment thread on it is not resolved */
    g_ptr_array_add (parts, (gpointer) _("● open comments"));
  else if (flags & KSP_MARK_INSIDE_COMMENT)
    g_ptr_array_add (parts, (gpointer) _("○ comments inside"));
  if (flags & KSP_MARK_PENDING)
    /* Translators: an outline row's mark: it was changed in a change set not approved yet */
    g_ptr_array_add (parts, (gpointer) _("● changed, not approved"));
  else if (flags & KSP_MARK_INSIDE_PENDING)
    g_ptr_array_add (parts, (gpointer) _("○ changes inside"));
  if (self->presence && id && g_hash_table_lookup (self->presence, id))
    /* Translators: an outline row's mark: who else has the element open now (their names) */
    g_ptr_array_add (parts, who = g_strdup_printf (_("◆ open by %s"), (char *) g_hash_table_lookup (self->presence, id)));
  g_ptr_array_add (parts, NULL);
  text = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_visible (label, *text != '\0');
  if (flags & (KSP_MARK_COMMENT | KSP_MARK_PENDING) || who)
    gtk_widget_add_css_class (label, "accent");
  else
    gtk_widget_remove_css_class (label, "accent");
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          KspOutlineView           *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *title = g_object_get_data (G_OBJECT (item), "ksp-title");
  GtkWidget *caption = g_object_get_data (G_OBJECT (item), "ksp-caption");
  GObject *object = gtk_tree_list_row_get_item (row);   /* a reference, dropped at unbind */
  KspLang other = ksp_other_language (self->lang);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  /* "label" is notified when the title field changes (either language), so the row follows edits,
   * undo and redo. The title and caption are in the outline's language, the other one is the tooltip. */
  g_object_set_data (G_OBJECT (title), "ksp-lang", GINT_TO_POINTER (self->lang));
  update_title (object, NULL, title);
  g_signal_connect (object, "notify::label", G_CALLBACK (update_title), title);
  g_object_set_data_full (G_OBJECT (item), "ksp-node", object, g_object_unref);
  if (KSP_IS_OUTLINE_GROUP (object))
    {
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_set_visible (caption, FALSE);
    }
  else
    {
      const KspKindSpec *spec = ksp_node_get_kind_spec (KSP_NODE (object));
      gtk_widget_remove_css_class (title, "heading");
      gtk_widget_set_visible (caption, TRUE);
      gtk_label_set_text (GTK_LABEL (caption), ksp_kind_label (spec, self->lang));
      set_lazy_tooltip (caption, ksp_kind_label (spec, other));
    }
  g_hash_table_add (self->bound, item);
  update_marks (self, item);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GObject *object = g_object_get_data (G_OBJECT (item), "ksp-node");
  GtkWidget *title = g_object_get_data (G_OBJECT (item), "ksp-title");

  if (object)
    g_signal_handlers_disconnect_by_func (object, update_title, title);
  g_object_set_data (G_OBJECT (item), "ksp-node", NULL);
  g_hash_table_remove (KSP_OUTLINE_VIEW (user_data)->bound, item);
  /* The expander keeps the row it showed until the next bind gives it another: given none, GTK 4.8's
   * GtkTreeExpander unparents its indentation and its arrow, and the next bind builds them again (half of
   * a card switch's time in the call, bench/bench-editor). A row widget GTK no longer needs is dropped
   * with its expander. */
}

static void
on_selection_changed (KspOutlineView *self)
{
  g_signal_emit (self, signals[NODE_SELECTED], 0, ksp_outline_view_get_selected (self));
}

/* The row under (@x, @y) of the list: walk up from the picked widget to its tree expander. */
static KspNode *
node_at (KspOutlineView *self,
         double          x,
         double          y)
{
  GtkWidget *w = gtk_widget_pick (GTK_WIDGET (self->list), x, y, GTK_PICK_DEFAULT);

  for (; w && w != GTK_WIDGET (self->list); w = gtk_widget_get_parent (w))
    if (GTK_IS_TREE_EXPANDER (w))
      {
        GtkTreeListRow *row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (w));
        GObject *item = row ? gtk_tree_list_row_get_item (row) : NULL; /* transfer full */
        if (item && !KSP_IS_NODE (item))
          g_clear_object (&item); /* a chapter: no element menu */
        return (KspNode *) item;
      }
  return NULL;
}

static void
on_secondary_click (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    KspOutlineView  *self)
{
  g_autoptr (KspNode) node = node_at (self, x, y);
  graphene_point_t p;

  if (node == NULL)
    return;
  ksp_outline_view_select_node (self, node);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->list), GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &p))
    p = GRAPHENE_POINT_INIT (x, y);
  g_signal_emit (self, signals[CONTEXT_MENU], 0, node, (double) p.x, (double) p.y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Shift+F10 and the Menu key: the menu of the selected row. */
static gboolean
on_menu_key (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  KspOutlineView *self = KSP_OUTLINE_VIEW (widget);
  KspNode *node = ksp_outline_view_get_selected (self);

  if (node == NULL)
    return FALSE;
  g_signal_emit (self, signals[CONTEXT_MENU], 0, node, 24.0, 24.0);
  return TRUE;
}

static void build_tree (KspOutlineView *self, KspNode *select);
static void on_search_changed (KspOutlineView *self);
static void on_search_next (KspOutlineView *self);
static void on_search_previous (KspOutlineView *self);
static void on_search_stop (KspOutlineView *self);
static void on_search_mode (KspOutlineView *self);

static void
ksp_outline_view_dispose (GObject *object)
{
  KspOutlineView *self = KSP_OUTLINE_VIEW (object);

  if (self->list)
    gtk_list_view_set_model (self->list, NULL);
  if (self->selection)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->root);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->visible, g_hash_table_unref);
  g_clear_pointer (&self->marks, g_hash_table_unref);
  g_clear_pointer (&self->presence, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), KSP_TYPE_OUTLINE_VIEW);
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  G_OBJECT_CLASS (ksp_outline_view_parent_class)->dispose (object);
}

static void
ksp_outline_view_finalize (GObject *object)
{
  g_hash_table_unref (KSP_OUTLINE_VIEW (object)->bound);
  G_OBJECT_CLASS (ksp_outline_view_parent_class)->finalize (object);
}

static void
ksp_outline_view_class_init (KspOutlineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ksp_outline_view_dispose;
  object_class->finalize = ksp_outline_view_finalize;

  /**
   * KspOutlineView::node-selected:
   * @node: (nullable): the selected element, or %NULL
   */
  signals[NODE_SELECTED] = g_signal_new ("node-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, KSP_TYPE_NODE);

  /**
   * KspOutlineView::context-menu:
   * @node: the element whose menu is asked for (right click, Shift+F10, the Menu key); it is selected
   * @x: where, in the outline's coordinates
   * @y:
   */
  signals[CONTEXT_MENU] = g_signal_new ("context-menu", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 3, KSP_TYPE_NODE, G_TYPE_DOUBLE,
                                        G_TYPE_DOUBLE);
  /**
   * KspOutlineView::node-dropped:
   * @node: the element dragged
   * @reference: the element of the row it was dropped on
   * @place: a #KspPlace: before, after or inside @reference (the registry allows it there)
   */
  signals[NODE_DROPPED] = g_signal_new ("node-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 3, KSP_TYPE_NODE, KSP_TYPE_NODE, G_TYPE_INT);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, on_menu_key, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, on_menu_key, NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/kz/gov/enbek/Kasip/ksp-outline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KspOutlineView, scroller);
  gtk_widget_class_bind_template_child (widget_class, KspOutlineView, list);
  gtk_widget_class_bind_template_child (widget_class, KspOutlineView, factory);
  gtk_widget_class_bind_template_child (widget_class, KspOutlineView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, KspOutlineView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KspOutlineView, search_count);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_next);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode);
  gtk_widget_class_set_layout_manager_type (widget_class, KSP_TYPE_SCROLLER_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ksp-outline-view");
}

static void
ksp_outline_view_init (KspOutlineView *self)
{
  self->bound = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->lang = ksp_outline_view_default_language ();

  g_signal_connect (self->factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (self->factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (self->factory, "unbind", G_CALLBACK (unbind_row), self);
  {
    GtkGesture *click = gtk_gesture_click_new ();
    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_click), self);
    gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (click));
  }
}

/**
 * ksp_outline_view_default_language:
 * Returns: %KSP_LANG_KK when the user interface is in Kazakh, else %KSP_LANG_RU
 */
KspLang
ksp_outline_view_default_language (void)
{
  return ksp_interface_data_language ();
}

/**
 * ksp_outline_view_set_language:
 * @lang: %KSP_LANG_RU or %KSP_LANG_KK: the language of the titles and captions
 */
void
ksp_outline_view_set_language (KspOutlineView *self,
                               KspLang         lang)
{
  g_return_if_fail (KSP_IS_OUTLINE_VIEW (self));
  g_return_if_fail (lang == KSP_LANG_RU || lang == KSP_LANG_KK);

  if (self->lang == lang)
    return;
  self->lang = lang;
  /* Rebind every row, keeping the selection. */
  if (self->root)
    {
      KspNode *selected = ksp_outline_view_get_selected (self);
      g_autoptr (KspNode) keep = selected ? g_object_ref (selected) : NULL;
      build_tree (self, keep);
    }
}

KspLang
ksp_outline_view_get_language (KspOutlineView *self)
{
  g_return_val_if_fail (KSP_IS_OUTLINE_VIEW (self), KSP_LANG_RU);
  return self->lang;
}

GtkWidget *
ksp_outline_view_new (void)
{
  return g_object_new (KSP_TYPE_OUTLINE_VIEW, NULL);
}

static void
build_tree (KspOutlineView *self,
            KspNode        *select)
{
  gtk_list_view_set_model (self->list, NULL);
  if (self->selection)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  if (self->root == NULL)
    return;

  /* The tree keeps a reference on the root's children model. While searching every row is open. */
  self->tree = gtk_tree_list_model_new (g_object_ref (ksp_node_get_children (self->root)), FALSE,
                                        self->visible != NULL, create_child_model, self, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed), self);

  /* Open the first level (order, standard) and a standard's chapters; deeper levels stay closed. Last to
   * first, so the positions of the rows still to open do not move. */
  if (self->visible == NULL)
    for (guint i = g_list_model_get_n_items (ksp_node_get_children (self->root)); i > 0; i--)
      {
        g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree, i - 1);
        g_autoptr (GObject) item = row ? gtk_tree_list_row_get_item (row) : NULL;
        if (row == NULL)
          continue;
        gtk_tree_list_row_set_expanded (row, TRUE);
        if (KSP_IS_NODE (item) && g_str_equal (ksp_node_get_kind (KSP_NODE (item)), "standard"))
          {
            guint pos = gtk_tree_list_row_get_position (row);
            guint n = 0;
            GListModel *chapters = gtk_tree_list_row_get_children (row); /* transfer none */
            if (chapters)
              n = g_list_model_get_n_items (chapters);
            for (guint k = n; k > 0; k--)
              {
                g_autoptr (GtkTreeListRow) ch = gtk_tree_list_model_get_row (self->tree, pos + k);
                g_autoptr (GObject) ch_item = ch ? gtk_tree_list_row_get_item (ch) : NULL;
                if (ch && KSP_IS_OUTLINE_GROUP (ch_item) && gtk_tree_list_row_get_depth (ch) == 1)
                  gtk_tree_list_row_set_expanded (ch, TRUE);
              }
          }
      }
  /* Only now to the list: every row opened before it has one is not bound and bound again (a tenth of the
   * time to open a standard, bench/bench-editor). */
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  if (select)
    ksp_outline_view_select_node (self, select);
  else
    g_signal_emit (self, signals[NODE_SELECTED], 0, NULL);
}

/**
 * ksp_outline_view_set_root:
 * @root: (nullable): the node whose children are shown, or %NULL to show nothing
 *
 * A search under way ends.
 */
void
ksp_outline_view_set_root (KspOutlineView *self,
                           KspNode        *root)
{
  g_return_if_fail (KSP_IS_OUTLINE_VIEW (self));
  g_return_if_fail (root == NULL || KSP_IS_NODE (root));

  if (self->root == root)
    return;
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->visible, g_hash_table_unref);
  g_set_object (&self->root, root);
  build_tree (self, NULL);
}

/**
 * ksp_outline_view_get_selected:
 * Returns: (transfer none) (nullable): the selected element (%NULL also when a chapter is selected)
 */
KspNode *
ksp_outline_view_get_selected (KspOutlineView *self)
{
  GtkTreeListRow *row;

  g_return_val_if_fail (KSP_IS_OUTLINE_VIEW (self), NULL);

  if (self->selection == NULL)
    return NULL;
  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return NULL;
  /* The row holds the node, which the tree holds. */
  {
    g_autoptr (GObject) item = gtk_tree_list_row_get_item (row);
    return KSP_IS_NODE (item) ? KSP_NODE (item) : NULL;
  }
}

/* Whether the row's item is @node, or holds it (an element above it, a chapter it is in). */
static gboolean
row_holds (GObject *item,
           KspNode *node)
{
  if (KSP_IS_OUTLINE_GROUP (item))
    return ksp_outline_group_contains (KSP_OUTLINE_GROUP (item), node);
  for (KspNode *n = ksp_node_get_parent (node); n; n = ksp_node_get_parent (n))
    if ((GObject *) n == item)
      return TRUE;
  return FALSE;
}

/* Selects the row at @position. GTK 4.8's GtkSingleSelection reports a change of selection as one range
 * from the row selected before to the new one, and the list view then unbinds and binds every row of that
 * range (GtkSignalListItemFactory rebinds on any update): going from the first card to the last rebound
 * nearly the whole outline. Unselecting first makes it two changes of one row each; the outline's
 * ::node-selected is only emitted for the row selected at the end. */
static void
select_position (KspOutlineView *self,
                 guint           position)
{
  guint old = gtk_single_selection_get_selected (self->selection);

  if (old != GTK_INVALID_LIST_POSITION && old != position && (old > position ? old - position : position - old) > 1)
    {
      g_signal_handlers_block_by_func (self->selection, on_selection_changed, self);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_handlers_unblock_by_func (self->selection, on_selection_changed, self);
    }
  gtk_single_selection_set_selected (self->selection, position);
}

/**
 * ksp_outline_view_select_node:
 *
 * Opens the rows above @node (elements and chapters), selects it and scrolls to it.
 * Returns: %FALSE if @node is not in the outline (or a search hides it)
 */
gboolean
ksp_outline_view_select_node (KspOutlineView *self,
                              KspNode        *node)
{
  guint n, i = 0;

  g_return_val_if_fail (KSP_IS_OUTLINE_VIEW (self), FALSE);
  g_return_val_if_fail (KSP_IS_NODE (node), FALSE);

  if (self->tree == NULL)
    return FALSE;
  /* Walk down: skip rows that do not hold it, open the one that does, until its own row comes. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  while (i < n)
    {
      g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr (GObject) item = gtk_tree_list_row_get_item (row);

      if (item == (GObject *) node)
        {
          select_position (self, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", i);
          return TRUE;
        }
      if (row_holds (item, node))
        {
          gtk_tree_list_row_set_expanded (row, TRUE);
          n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
          i++;
          continue;
        }
      /* Not there: skip what is open under this row. */
      {
        guint depth = gtk_tree_list_row_get_depth (row);
        for (i++; i < n; i++)
          {
            g_autoptr (GtkTreeListRow) next = gtk_tree_list_model_get_row (self->tree, i);
            if (gtk_tree_list_row_get_depth (next) <= depth)
              break;
          }
      }
    }
  return FALSE;
}

/**
 * ksp_outline_view_focus_selected:
 *
 * Moves the keyboard focus to the selected row (or the first).
 * Returns: whether the outline took the focus
 */
gboolean
ksp_outline_view_focus_selected (KspOutlineView *self)
{
  guint pos;

  g_return_val_if_fail (KSP_IS_OUTLINE_VIEW (self), FALSE);
  if (self->selection == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return FALSE;
  pos = gtk_single_selection_get_selected (self->selection);
  if (pos == GTK_INVALID_LIST_POSITION)
    pos = 0;
  gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", pos);
  return gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

/* ---------------------------------------------------------------------------------------------- */
/* search                                                                                           */

static void
update_search_count (KspOutlineView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *count = NULL;

  if (self->matches == NULL || *text == '\0')
    count = g_strdup ("");
  else if (self->matches->len == 0)
    /* Translators: the search bar's count when nothing matches */
    count = g_strdup (_("No match"));
  else
    /* Translators: the search bar's count: the match shown, of how many */
    count = g_strdup_printf (_("%u of %u"), self->current + 1, self->matches->len);
  gtk_label_set_text (self->search_count, count);
  if (self->matches && self->matches->len == 0 && *text)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

/**
 * ksp_outline_view_search:
 * @query: (nullable): what to find in every field, in both languages; %NULL or empty shows everything
 *
 * Shows only the elements that hold @query and those above them, and selects the first.
 * Returns: how many elements hold it
 */
guint
ksp_outline_view_search (KspOutlineView *self,
                         const char     *query)
{
  KspNode *keep = NULL;

  g_return_val_if_fail (KSP_IS_OUTLINE_VIEW (self), 0);

  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->visible, g_hash_table_unref);
  self->current = 0;
  if (self->root && query && *query)
    {
      self->matches = ksp_search (self->root, query);
      self->visible = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < self->matches->len; i++)
        for (KspNode *n = g_ptr_array_index (self->matches, i); n; n = ksp_node_get_parent (n))
          if (!g_hash_table_add (self->visible, n))
            break;
      keep = self->matches->len ? g_ptr_array_index (self->matches, 0) : NULL;
    }
  else
    keep = ksp_outline_view_get_selected (self);
  {
    g_autoptr (KspNode) select = keep ? g_object_ref (keep) : NULL;
    build_tree (self, select);
  }
  update_search_count (self);
  return self->matches ? self->matches->len : 0;
}

/**
 * ksp_outline_view_search_step:
 * @backwards: to the previous match rather than the next
 *
 * Selects the next (or previous) match, round the end.
 * Returns: %FALSE when there is no match
 */
gboolean
ksp_outline_view_search_step (KspOutlineView *self,
                              gboolean        backwards)
{
  g_return_val_if_fail (KSP_IS_OUTLINE_VIEW (self), FALSE);

  if (self->matches == NULL || self->matches->len == 0)
    return FALSE;
  if (backwards)
    self->current = self->current == 0 ? self->matches->len - 1 : self->current - 1;
  else
    self->current = (self->current + 1) % self->matches->len;
  ksp_outline_view_select_node (self, g_ptr_array_index (self->matches, self->current));
  update_search_count (self);
  return TRUE;
}

/**
 * ksp_outline_view_start_search:
 *
 * Shows the search bar with the focus in its entry (Ctrl+F).
 */
void
ksp_outline_view_start_search (KspOutlineView *self)
{
  g_return_if_fail (KSP_IS_OUTLINE_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * ksp_outline_view_get_search_entry:
 * Returns: (transfer none): the search bar's entry
 */
GtkWidget *
ksp_outline_view_get_search_entry (KspOutlineView *self)
{
  g_return_val_if_fail (KSP_IS_OUTLINE_VIEW (self), NULL);
  return GTK_WIDGET (self->search_entry);
}

static void
on_search_changed (KspOutlineView *self)
{
  ksp_outline_view_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_next (KspOutlineView *self)
{
  ksp_outline_view_search_step (self, FALSE);
}

static void
on_search_previous (KspOutlineView *self)
{
  ksp_outline_view_search_step (self, TRUE);
}

/* Escape: the search ends, the whole outline is back, the match stays selected. */
static void
on_search_stop (KspOutlineView *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_mode (KspOutlineView *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;
  if (self->matches)
    ksp_outline_view_search (self, NULL);
  /* The focus comes back from the closed search bar to the outline, at the match or where it was. */
  ksp_outline_view_focus_selected (self);
}

/**
 * ksp_outline_view_set_marks:
 * @marks: (nullable) (element-type utf8 guint): element ID → KspMark (ksp-review-marks.h); a reference is kept
 *
 * Marks the rows of elements with open comments or changes waiting for review, in place (nothing is rebuilt).
 */
void
ksp_outline_view_set_marks (KspOutlineView *self,
                            GHashTable     *marks)
{
  GHashTableIter iter;
  gpointer item;

  g_return_if_fail (KSP_IS_OUTLINE_VIEW (self));

  if (marks)
    g_hash_table_ref (marks);
  g_clear_pointer (&self->marks, g_hash_table_unref);
  self->marks = marks;
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_marks (self, item);
}

/**
 * ksp_outline_view_set_presence:
 * @presence: (nullable) (element-type utf8 utf8): element ID → who else has it open; a reference is kept
 *
 * Shows on each row who else has its element open (ksp_workspace_dup_presence), beside its marks.
 */
void
ksp_outline_view_set_presence (KspOutlineView *self,
                               GHashTable     *presence)
{
  GHashTableIter iter;
  gpointer item;

  g_return_if_fail (KSP_IS_OUTLINE_VIEW (self));

  if (presence)
    g_hash_table_ref (presence);
  g_clear_pointer (&self->presence, g_hash_table_unref);
  self->presence = presence;
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_marks (self, item);
}

/**
 * ksp_outline_view_get_marks_text:
 * Returns: (transfer none) (nullable): what the row of @node says of its marks, when it is bound (tests)
 */
const char *
ksp_outline_view_get_marks_text (KspOutlineView *self,
                                 KspNode        *node)
{
  GHashTableIter iter;
  gpointer item;

  g_return_val_if_fail (KSP_IS_OUTLINE_VIEW (self), NULL);

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    if (g_object_get_data (item, "ksp-node") == (gpointer) node)
      {
        GtkWidget *label = g_object_get_data (item, "ksp-marks");
        return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
      }
  return NULL;
}
