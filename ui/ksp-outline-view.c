/* ksp-outline-view.c: the outline of a standard (see ksp-outline-view.h) */
#include "config.h"

#include <glib/gi18n.h>

#include "ksp-interface-language.h"
#include "ksp-outline-view.h"

struct _KspOutlineView
{
  GtkWidget                 parent_instance;

  GtkScrolledWindow        *scroller;
  GtkListView              *list;
  GtkSignalListItemFactory *factory;

  KspNode                  *root;
  GtkTreeListModel         *tree;
  GtkSingleSelection       *selection;
  KspLang                   lang;      /* the language of titles and captions; the other one is the tooltip */
};

G_DEFINE_FINAL_TYPE (KspOutlineView, ksp_outline_view, GTK_TYPE_WIDGET)

enum {
  NODE_SELECTED,
  CONTEXT_MENU,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  KspNode *node = item;
  const KspKindSpec *spec = ksp_node_get_kind_spec (node);

  /* Kinds that may hold children get a model even while empty, so that an element added to them shows. */
  if (ksp_node_get_n_children (node) == 0 && (spec == NULL || spec->children == NULL))
    return NULL;
  return g_object_ref (ksp_node_get_children (node));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
  g_object_set_data (G_OBJECT (item), "ksp-title", title);
  g_object_set_data (G_OBJECT (item), "ksp-caption", caption);
}

static void
update_title (KspNode    *node,
              GParamSpec *pspec,
              GtkWidget  *title)
{
  KspLang lang = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (title), "ksp-lang"));
  KspLang other = lang == KSP_LANG_KK ? KSP_LANG_RU : KSP_LANG_KK;
  g_autofree char *label = ksp_node_dup_label (node, lang);
  g_autofree char *tooltip = ksp_node_dup_label (node, other);

  gtk_label_set_text (GTK_LABEL (title), label);
  gtk_widget_set_tooltip_text (title, g_strcmp0 (label, tooltip) != 0 ? tooltip : NULL);
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
  KspNode *node = gtk_tree_list_row_get_item (row);   /* a reference, dropped at unbind */
  KspLang other = self->lang == KSP_LANG_KK ? KSP_LANG_RU : KSP_LANG_KK;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  /* "label" is notified when the title field changes (either language), so the row follows edits,
   * undo and redo. The title and caption are in the outline's language, the other one is the tooltip. */
  g_object_set_data (G_OBJECT (title), "ksp-lang", GINT_TO_POINTER (self->lang));
  update_title (node, NULL, title);
  g_signal_connect (node, "notify::label", G_CALLBACK (update_title), title);
  g_object_set_data_full (G_OBJECT (item), "ksp-node", node, g_object_unref);
  gtk_label_set_text (GTK_LABEL (caption), ksp_kind_label (ksp_node_get_kind_spec (node), self->lang));
  gtk_widget_set_tooltip_text (caption, ksp_kind_label (ksp_node_get_kind_spec (node), other));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  KspNode *node = g_object_get_data (G_OBJECT (item), "ksp-node");
  GtkWidget *title = g_object_get_data (G_OBJECT (item), "ksp-title");
  GtkWidget *expander = gtk_list_item_get_child (item);

  if (node)
    g_signal_handlers_disconnect_by_func (node, update_title, title);
  g_object_set_data (G_OBJECT (item), "ksp-node", NULL);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
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
        return row ? gtk_tree_list_row_get_item (row) : NULL; /* transfer full */
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
  gtk_widget_dispose_template (GTK_WIDGET (self), KSP_TYPE_OUTLINE_VIEW);
  G_OBJECT_CLASS (ksp_outline_view_parent_class)->dispose (object);
}

static void
ksp_outline_view_class_init (KspOutlineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ksp_outline_view_dispose;

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
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, on_menu_key, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, on_menu_key, NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/kz/gov/enbek/Kasip/ksp-outline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KspOutlineView, scroller);
  gtk_widget_class_bind_template_child (widget_class, KspOutlineView, list);
  gtk_widget_class_bind_template_child (widget_class, KspOutlineView, factory);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ksp-outline-view");
}

static void
ksp_outline_view_init (KspOutlineView *self)
{
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
  g_autoptr (KspNode) root = NULL;

  g_return_if_fail (KSP_IS_OUTLINE_VIEW (self));
  g_return_if_fail (lang == KSP_LANG_RU || lang == KSP_LANG_KK);

  if (self->lang == lang)
    return;
  self->lang = lang;
  /* Rebind every row: set the root again. */
  if (self->root)
    {
      root = g_object_ref (self->root);
      ksp_outline_view_set_root (self, NULL);
      ksp_outline_view_set_root (self, root);
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

/**
 * ksp_outline_view_set_root:
 * @root: (nullable): the node whose children are shown, or %NULL to show nothing
 */
void
ksp_outline_view_set_root (KspOutlineView *self,
                           KspNode        *root)
{
  g_return_if_fail (KSP_IS_OUTLINE_VIEW (self));
  g_return_if_fail (root == NULL || KSP_IS_NODE (root));

  if (self->root == root)
    return;

  gtk_list_view_set_model (self->list, NULL);
  if (self->selection)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_set_object (&self->root, root);

  if (root)
    {
      /* The tree keeps a reference on the root's children model. */
      self->tree = gtk_tree_list_model_new (g_object_ref (ksp_node_get_children (root)), FALSE, FALSE,
                                            create_child_model, NULL, NULL);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed),
                                self);
      gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));

      /* Open the first level (order, standard); deeper levels stay closed. Last to first, so the
       * positions of the rows still to expand do not move. */
      for (guint i = g_list_model_get_n_items (ksp_node_get_children (root)); i > 0; i--)
        {
          g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree, i - 1);
          if (row)
            gtk_tree_list_row_set_expanded (row, TRUE);
        }
    }
  g_signal_emit (self, signals[NODE_SELECTED], 0, NULL);
}

/**
 * ksp_outline_view_get_selected:
 * Returns: (transfer none) (nullable): the selected element
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
    g_autoptr (KspNode) node = gtk_tree_list_row_get_item (row);
    return node;
  }
}

static guint
find_row (KspOutlineView *self,
          KspNode        *node,
          guint           from)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));

  for (guint i = from; i < n; i++)
    {
      g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr (KspNode) item = gtk_tree_list_row_get_item (row);
      if (item == node)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/**
 * ksp_outline_view_select_node:
 *
 * Expands the ancestors of @node, selects it and scrolls to it.
 * Returns: %FALSE if @node is not in the outline
 */
gboolean
ksp_outline_view_select_node (KspOutlineView *self,
                              KspNode        *node)
{
  g_autoptr (GPtrArray) chain = g_ptr_array_new ();
  guint position = 0;

  g_return_val_if_fail (KSP_IS_OUTLINE_VIEW (self), FALSE);
  g_return_val_if_fail (KSP_IS_NODE (node), FALSE);

  if (self->root == NULL)
    return FALSE;
  for (KspNode *n = node; n && n != self->root; n = ksp_node_get_parent (n))
    g_ptr_array_insert (chain, 0, n);
  if (chain->len == 0 || ksp_node_get_parent (g_ptr_array_index (chain, 0)) != self->root)
    return FALSE;

  for (guint i = 0; i < chain->len; i++)
    {
      position = find_row (self, g_ptr_array_index (chain, i), position);
      if (position == GTK_INVALID_LIST_POSITION)
        return FALSE;
      if (i + 1 < chain->len)
        {
          g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, position);
          gtk_tree_list_row_set_expanded (row, TRUE);
        }
    }
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", position);
  return TRUE;
}
