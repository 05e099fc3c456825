/* ksp-outline-group.c: see ksp-outline-group.h */
#include "config.h"

#include "ksp-outline-group.h"

struct _KspOutlineGroup
{
  GObject     parent_instance;

  const char *label_ru;
  const char *label_kk;
  KspNode    *standard;   /* a reference */
  GStrv       kinds;      /* every kind of element under it, subgroups' included */
  GListModel *model;      /* its rows: subgroups that are not empty, then its elements */
  GListModel *elements;   /* the standard's children of its own kinds (filtered), or NULL */
};

G_DEFINE_FINAL_TYPE (KspOutlineGroup, ksp_outline_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void
ksp_outline_group_dispose (GObject *object)
{
  KspOutlineGroup *self = KSP_OUTLINE_GROUP (object);

  g_clear_object (&self->model);
  g_clear_object (&self->elements);
  g_clear_object (&self->standard);
  g_clear_pointer (&self->kinds, g_strfreev);
  G_OBJECT_CLASS (ksp_outline_group_parent_class)->dispose (object);
}

static void
ksp_outline_group_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KspOutlineGroup *self = KSP_OUTLINE_GROUP (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label_ru);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ksp_outline_group_class_init (KspOutlineGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ksp_outline_group_dispose;
  object_class->get_property = ksp_outline_group_get_property;
  /* Notified when the number of its elements changes, as a node's "label" is when its title does. */
  props[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
ksp_outline_group_init (KspOutlineGroup *self)
{
}

typedef struct {
  GStrv                 kinds;
  KspOutlineVisibleFunc visible;
  gpointer              user_data;
} KindFilter;

static void
kind_filter_free (gpointer data)
{
  KindFilter *f = data;
  g_strfreev (f->kinds);
  g_free (f);
}

static gboolean
kind_filter_match (gpointer item,
                   gpointer user_data)
{
  KindFilter *f = user_data;

  return g_strv_contains ((const char *const *) f->kinds, ksp_node_get_kind (item)) &&
         (f->visible == NULL || f->visible (item, f->user_data));
}

static gboolean
group_not_empty (gpointer item,
                 gpointer user_data)
{
  return g_list_model_get_n_items (ksp_outline_group_get_model (item)) > 0;
}

static void
on_elements_changed (KspOutlineGroup *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LABEL]);
}

static void
on_subgroup_changed (GtkFilter *filter)
{
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* A group of the standard's children of @kinds, and of @subgroups (those not empty) before them. */
static KspOutlineGroup *
group_new (KspNode                *standard,
           const char             *label_ru,
           const char             *label_kk,
           const char *const      *kinds,
           KspOutlineGroup *const *subgroups,
           KspOutlineVisibleFunc   visible,
           gpointer                user_data)
{
  KspOutlineGroup *self = g_object_new (KSP_TYPE_OUTLINE_GROUP, NULL);
  g_autoptr (GStrvBuilder) all = g_strv_builder_new ();
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);

  self->label_ru = label_ru;
  self->label_kk = label_kk;
  self->standard = g_object_ref (standard);
  if (kinds)
    g_strv_builder_addv (all, (const char **) kinds);

  if (subgroups && subgroups[0])
    {
      GListStore *store = g_list_store_new (KSP_TYPE_OUTLINE_GROUP);
      GtkCustomFilter *filter = gtk_custom_filter_new (group_not_empty, NULL, NULL);

      for (guint i = 0; subgroups[i]; i++)
        {
          g_strv_builder_addv (all, (const char **) subgroups[i]->kinds);
          g_list_store_append (store, subgroups[i]);
          g_signal_connect_object (subgroups[i], "notify::label", G_CALLBACK (on_subgroup_changed), filter,
                                   G_CONNECT_SWAPPED);
          g_object_unref (subgroups[i]);
        }
      {
        /* The filter model takes the store and the filter; the parts hold the filter model. */
        g_autoptr (GtkFilterListModel) shown = gtk_filter_list_model_new (G_LIST_MODEL (store), GTK_FILTER (filter));
        g_list_store_append (parts, shown);
      }
    }
  if (kinds && kinds[0])
    {
      KindFilter *f = g_new0 (KindFilter, 1);
      GtkCustomFilter *filter;

      f->kinds = g_strdupv ((char **) kinds);
      f->visible = visible;
      f->user_data = user_data;
      filter = gtk_custom_filter_new (kind_filter_match, f, kind_filter_free);
      self->elements = G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (ksp_node_get_children (standard)),
                                                                GTK_FILTER (filter)));
      g_signal_connect_object (self->elements, "items-changed", G_CALLBACK (on_elements_changed), self,
                               G_CONNECT_SWAPPED);
      g_list_store_append (parts, self->elements);
    }
  self->kinds = g_strv_builder_end (all);
  self->model = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
  return self;
}

/**
 * ksp_outline_group_chapters_of:
 * @standard: a "standard" element
 * @visible: (nullable): which elements to show (a search's), or %NULL for all
 *
 * Returns: (transfer full): the rows of the standard in the outline: its notes and whatever the importer
 *   could not place, then its four chapters (those that are not empty) with their groups
 */
GListModel *
ksp_outline_group_chapters_of (KspNode              *standard,
                               KspOutlineVisibleFunc visible,
                               gpointer              user_data)
{
  static const char *const top[] = { "note", "not_placed", NULL };
  static const char *const ch1[] = { "provision", NULL };
  static const char *const terms[] = { "term", NULL };
  static const char *const abbrs[] = { "abbreviation", NULL };
  static const char *const oked[] = { "oked", NULL };
  static const char *const list[] = { "card_list_entry", NULL };
  static const char *const cards[] = { "card", NULL };
  static const char *const tech[] = { "technical", NULL };
  KspOutlineGroup *g1[] = {
    group_new (standard, "Термины и определения", "Терминдер мен анықтамалар", terms, NULL, visible, user_data),
    group_new (standard, "Сокращения", "Қысқартулар", abbrs, NULL, visible, user_data),
    NULL,
  };
  KspOutlineGroup *g2[] = {
    group_new (standard, "Коды ОКЭД", "ЭҚЖЖ кодтары", oked, NULL, visible, user_data),
    group_new (standard, "Перечень карточек профессий", "Кәсіп карточкаларының тізбесі", list, NULL, visible,
               user_data),
    NULL,
  };
  KspOutlineGroup *chapters[] = {
    group_new (standard, "Глава 1. Общие положения", "1-тарау. Жалпы ережелер", ch1, g1, visible, user_data),
    group_new (standard, "Глава 2. Паспорт профессионального стандарта", "2-тарау. Кәсіптік стандарттың паспорты",
               NULL, g2, visible, user_data),
    group_new (standard, "Глава 3. Карточки профессий", "3-тарау. Кәсіп карточкалары", cards, NULL, visible,
               user_data),
    group_new (standard, "Глава 4. Технические данные профессионального стандарта",
               "4-тарау. Кәсіптік стандарттың техникалық деректері", tech, NULL, visible, user_data),
    NULL,
  };
  KspOutlineGroup *root = group_new (standard, NULL, NULL, top, chapters, visible, user_data);
  GListModel *model = g_object_ref (root->model);

  g_object_unref (root);
  return model;
}

const char *
ksp_outline_group_get_label (KspOutlineGroup *self,
                             KspLang          lang)
{
  g_return_val_if_fail (KSP_IS_OUTLINE_GROUP (self), NULL);
  return lang == KSP_LANG_KK ? self->label_kk : self->label_ru;
}

/**
 * ksp_outline_group_get_model:
 * Returns: (transfer none): its rows
 */
GListModel *
ksp_outline_group_get_model (KspOutlineGroup *self)
{
  g_return_val_if_fail (KSP_IS_OUTLINE_GROUP (self), NULL);
  return self->model;
}

/**
 * ksp_outline_group_count_elements:
 * Returns: how many elements of its own kinds it shows (a group's count; 0 for a chapter of subgroups)
 */
guint
ksp_outline_group_count_elements (KspOutlineGroup *self)
{
  g_return_val_if_fail (KSP_IS_OUTLINE_GROUP (self), 0);
  return self->elements ? g_list_model_get_n_items (self->elements) : 0;
}

/**
 * ksp_outline_group_contains:
 * Returns: whether @node is under this group (one of the standard's children of its kinds, or inside one)
 */
gboolean
ksp_outline_group_contains (KspOutlineGroup *self,
                            KspNode         *node)
{
  g_return_val_if_fail (KSP_IS_OUTLINE_GROUP (self), FALSE);

  for (KspNode *n = node; n; n = ksp_node_get_parent (n))
    if (ksp_node_get_parent (n) == self->standard)
      return g_strv_contains ((const char *const *) self->kinds, ksp_node_get_kind (n));
  return FALSE;
}
