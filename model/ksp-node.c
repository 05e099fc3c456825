/* ksp-node.c: one element of a standard */
#include "ksp-node.h"
#include "ksp-node-private.h"

#include <string.h>

/* One field's value in each language. */
typedef struct
{
  const char *field;                /* the schema's name (ksp-schema.c's string) */
  char       *text[KSP_N_LANGS];
} NodeValue;

struct _KspNode
{
  GObject            parent_instance;
  char              *id;
  const KspKindSpec *kind;
  char              *number;
  guint              src_line;
  KspNode           *parent;   /* not owned */
  GPtrArray         *kids;     /* the children (owned); NULL while there are none */
  GListStore        *children; /* the same, as a GListModel for views: made when first asked for */
  NodeValue         *values;   /* the fields set, in the order first set: an element has a few (a card a
                                 * dozen), found by a look along them faster than by a hash; NULL while none */
  guint              n_values;
};

G_DEFINE_FINAL_TYPE (KspNode, ksp_node, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NUMBER,
  PROP_LABEL,
  N_PROPS
};

enum {
  VALUE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The field's values, or NULL when none was ever set. Most callers pass the schema's own string. */
static NodeValue *
find_value (KspNode    *self,
            const char *field)
{
  for (guint i = 0; i < self->n_values; i++)
    if (self->values[i].field == field)
      return &self->values[i];
  for (guint i = 0; i < self->n_values; i++)
    if (strcmp (self->values[i].field, field) == 0)
      return &self->values[i];
  return NULL;
}

/* A new, empty value for @field. The array's room is the power of two at or above n_values (a card's
 * dozen fields made in four steps). */
static NodeValue *
append_value (KspNode    *self,
              const char *field)
{
  NodeValue *v;

  if ((self->n_values & (self->n_values - 1)) == 0)
    self->values = g_renew (NodeValue, self->values, self->n_values ? 2 * self->n_values : 1);
  v = &self->values[self->n_values++];
  memset (v, 0, sizeof *v);
  v->field = field;
  return v;
}

static void
ksp_node_dispose (GObject *object)
{
  KspNode *self = KSP_NODE (object);

  for (guint i = 0; self->kids && i < self->kids->len; i++)
    KSP_NODE (g_ptr_array_index (self->kids, i))->parent = NULL;
  g_clear_object (&self->children);
  g_clear_pointer (&self->kids, g_ptr_array_unref);
  G_OBJECT_CLASS (ksp_node_parent_class)->dispose (object);
}

static void
ksp_node_finalize (GObject *object)
{
  KspNode *self = KSP_NODE (object);

  g_free (self->id);
  g_free (self->number);
  for (guint i = 0; i < self->n_values; i++)
    for (guint l = 0; l < KSP_N_LANGS; l++)
      g_free (self->values[i].text[l]);
  g_free (self->values);
  G_OBJECT_CLASS (ksp_node_parent_class)->finalize (object);
}

static void
ksp_node_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  KspNode *self = KSP_NODE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind->name);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_LABEL:
      g_value_take_string (value, ksp_node_dup_label (self, KSP_LANG_RU));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ksp_node_class_init (KspNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ksp_node_dispose;
  object_class->finalize = ksp_node_finalize;
  object_class->get_property = ksp_node_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* "label": number and title in Russian, falling back to Kazakh; for outlines. */
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KspNode::value-changed:
   * @field: the field name (also the signal detail)
   * @lang: the #KspLang that changed
   */
  signals[VALUE_CHANGED] = g_signal_new ("value-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);
}

static void
ksp_node_init (KspNode *self)
{
}

/**
 * ksp_node_new:
 * @kind: a kind registered in ksp-schema.c
 * @id: (nullable): the element's stable ID, or %NULL to make a new one
 */
KspNode *
ksp_node_new (const char *kind,
              const char *id)
{
  const KspKindSpec *spec = ksp_schema_lookup_kind (kind);
  KspNode *self;

  g_return_val_if_fail (spec != NULL, NULL);

  self = g_object_new (KSP_TYPE_NODE, NULL);
  self->kind = spec;
  self->id = id ? g_strdup (id) : ksp_id_new ();
  return self;
}

const char *
ksp_node_get_id (KspNode *self)
{
  g_return_val_if_fail (KSP_IS_NODE (self), NULL);
  return self->id;
}

const char *
ksp_node_get_kind (KspNode *self)
{
  g_return_val_if_fail (KSP_IS_NODE (self), NULL);
  return self->kind->name;
}

const KspKindSpec *
ksp_node_get_kind_spec (KspNode *self)
{
  g_return_val_if_fail (KSP_IS_NODE (self), NULL);
  return self->kind;
}

const char *
ksp_node_get_number (KspNode *self)
{
  g_return_val_if_fail (KSP_IS_NODE (self), NULL);
  return self->number;
}

void
ksp_node_set_number (KspNode    *self,
                     const char *number)
{
  g_return_if_fail (KSP_IS_NODE (self));
  if (g_strcmp0 (self->number, number) == 0)
    return;
  g_free (self->number);
  self->number = g_strdup (number);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

guint
ksp_node_get_src_line (KspNode *self)
{
  g_return_val_if_fail (KSP_IS_NODE (self), 0);
  return self->src_line;
}

void
ksp_node_set_src_line (KspNode *self,
                       guint    line)
{
  g_return_if_fail (KSP_IS_NODE (self));
  self->src_line = line;
}

/**
 * ksp_node_get_value:
 * Returns: (nullable): the value as written, "" when empty, or %NULL when absent.
 */
const char *
ksp_node_get_value (KspNode    *self,
                    const char *field,
                    KspLang     lang)
{
  NodeValue *v;

  g_return_val_if_fail (KSP_IS_NODE (self), NULL);
  g_return_val_if_fail (lang < KSP_N_LANGS, NULL);

  v = find_value (self, field);
  return v ? v->text[lang] : NULL;
}

/**
 * ksp_node_set_value:
 * @value: (nullable): the new value; %NULL makes it absent
 *
 * Sets a field without recording a command. The field must be declared for the node's kind, with a
 * language that fits it (KSP_LANG_NONE for neutral fields, KK or RU for bilingual ones).
 */
void
ksp_node_set_value (KspNode    *self,
                    const char *field,
                    KspLang     lang,
                    const char *value)
{
  const KspFieldSpec *spec;
  NodeValue *v;

  g_return_if_fail (KSP_IS_NODE (self));
  spec = ksp_kind_lookup_field (self->kind, field);
  g_return_if_fail (spec != NULL);
  g_return_if_fail (ksp_field_is_bilingual (spec) ? lang != KSP_LANG_NONE : lang == KSP_LANG_NONE);

  v = find_value (self, spec->name);
  if (v == NULL)
    {
      if (value == NULL)
        return;
      v = append_value (self, spec->name);
    }
  if (g_strcmp0 (v->text[lang], value) == 0)
    return;
  g_free (v->text[lang]);
  v->text[lang] = g_strdup (value);

  /* Loaders set thousands of values on elements nobody watches yet. */
  {
    GQuark detail = g_quark_from_static_string (spec->name);
    if (g_signal_has_handler_pending (self, signals[VALUE_CHANGED], detail, TRUE))
      g_signal_emit (self, signals[VALUE_CHANGED], detail, spec->name, (int) lang);
  }
  if (self->kind->title_field && strcmp (self->kind->title_field, spec->name) == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

/* Calls @func for every present value, in the schema's field order and kk, ru order, so that output
 * built from it is deterministic. */
void
ksp_node_foreach_value (KspNode          *self,
                        KspNodeValueFunc  func,
                        gpointer          user_data)
{
  g_return_if_fail (KSP_IS_NODE (self));

  for (guint i = 0; i < self->kind->n_fields; i++)
    {
      const char *name = self->kind->fields[i].name;
      NodeValue *v = find_value (self, name);
      if (v == NULL)
        continue;
      for (guint l = 0; l < KSP_N_LANGS; l++)
        if (v->text[l] != NULL)
          func (self, name, (KspLang) l, v->text[l], user_data);
    }
}

/**
 * ksp_node_dup_label:
 * Returns: a one-line label for outlines: the number as written and the title field in @lang,
 * falling back to the other language, then to the kind's name.
 */
char *
ksp_node_dup_label (KspNode *self,
                    KspLang  lang)
{
  const char *title = NULL;
  GString *s;

  g_return_val_if_fail (KSP_IS_NODE (self), NULL);

  if (self->kind->title_field)
    {
      const KspFieldSpec *spec = ksp_kind_lookup_field (self->kind, self->kind->title_field);
      if (ksp_field_is_bilingual (spec))
        {
          KspLang other = lang == KSP_LANG_KK ? KSP_LANG_RU : KSP_LANG_KK;
          title = ksp_node_get_value (self, spec->name, lang == KSP_LANG_NONE ? KSP_LANG_RU : lang);
          if (ksp_value_state (title) == KSP_VALUE_ABSENT || ksp_value_state (title) == KSP_VALUE_EMPTY)
            title = ksp_node_get_value (self, spec->name, other);
        }
      else
        title = ksp_node_get_value (self, spec->name, KSP_LANG_NONE);
    }

  s = g_string_new (NULL);
  if (self->number && *self->number)
    g_string_append_printf (s, "%s ", self->number);
  if (title && *title)
    {
      /* One line: the first line of the title, trimmed. */
      const char *nl = strchr (title, '\n');
      g_autofree char *line = nl ? g_strndup (title, nl - title) : g_strdup (title);
      g_string_append (s, g_strstrip (line));
    }
  else
    g_string_append (s, ksp_kind_label (self->kind, lang == KSP_LANG_KK ? KSP_LANG_KK : KSP_LANG_RU));
  return g_string_free (s, FALSE);
}

KspNode *
ksp_node_get_parent (KspNode *self)
{
  g_return_val_if_fail (KSP_IS_NODE (self), NULL);
  return self->parent;
}

/**
 * ksp_node_get_children:
 * Returns: (transfer none): the children, a #GListModel of #KspNode
 */
GListModel *
ksp_node_get_children (KspNode *self)
{
  g_return_val_if_fail (KSP_IS_NODE (self), NULL);
  if (self->children == NULL)
    {
      self->children = g_list_store_new (KSP_TYPE_NODE);
      if (self->kids)
        g_list_store_splice (self->children, 0, 0, self->kids->pdata, self->kids->len);
    }
  return G_LIST_MODEL (self->children);
}

/* The accessors below read a plain array, so two threads may walk the same tree (the GListStore of
 * views moves a position cache even when read). */
guint
ksp_node_get_n_children (KspNode *self)
{
  g_return_val_if_fail (KSP_IS_NODE (self), 0);
  return self->kids ? self->kids->len : 0;
}

/**
 * ksp_node_get_child:
 * Returns: (transfer none) (nullable): the child at @position
 */
KspNode *
ksp_node_get_child (KspNode *self,
                    guint    position)
{
  g_return_val_if_fail (KSP_IS_NODE (self), NULL);
  if (self->kids == NULL || position >= self->kids->len)
    return NULL;
  return g_ptr_array_index (self->kids, position);
}

gboolean
ksp_node_find_child (KspNode *self,
                     KspNode *child,
                     guint   *position)
{
  g_return_val_if_fail (KSP_IS_NODE (self), FALSE);
  return self->kids != NULL && g_ptr_array_find (self->kids, child, position);
}

void
ksp_node_insert_child (KspNode *self,
                       guint    position,
                       KspNode *child)
{
  g_return_if_fail (KSP_IS_NODE (self));
  g_return_if_fail (KSP_IS_NODE (child));
  g_return_if_fail (child->parent == NULL);
  g_return_if_fail (ksp_kind_allows_child (self->kind, child->kind->name));

  if (self->kids == NULL)
    self->kids = g_ptr_array_new_with_free_func (g_object_unref);
  position = MIN (position, self->kids->len);
  child->parent = self;
  g_ptr_array_insert (self->kids, position, g_object_ref (child));
  if (self->children)
    g_list_store_insert (self->children, position, child);
}

void
ksp_node_append_child (KspNode *self,
                       KspNode *child)
{
  ksp_node_insert_child (self, G_MAXUINT, child);
}

void
ksp_node_remove_child (KspNode *self,
                       KspNode *child)
{
  guint pos;

  g_return_if_fail (KSP_IS_NODE (self));
  g_return_if_fail (KSP_IS_NODE (child));

  if (!ksp_node_find_child (self, child, &pos))
    g_return_if_reached ();
  child->parent = NULL;
  g_object_ref (child); /* the views hear of the removal while the child is still alive */
  if (self->children)
    g_list_store_remove (self->children, pos);
  g_ptr_array_remove_index (self->kids, pos);
  g_object_unref (child);
}

gboolean
ksp_node_is_ancestor_of (KspNode *self,
                         KspNode *descendant)
{
  for (KspNode *n = descendant; n != NULL; n = n->parent)
    if (n == self)
      return TRUE;
  return FALSE;
}


/**
 * ksp_node_copy:
 * Returns: (transfer full): a deep copy of @self and its subtree with the same IDs, detached from any
 * parent: a snapshot that a worker thread can export while the editor goes on changing the original.
 */
KspNode *
ksp_node_copy (KspNode *self)
{
  KspNode *copy;
  guint n;

  g_return_val_if_fail (KSP_IS_NODE (self), NULL);
  copy = g_object_new (KSP_TYPE_NODE, NULL);
  copy->kind = self->kind;
  copy->id = g_strdup (self->id);
  copy->number = g_strdup (self->number);
  copy->src_line = self->src_line;
  /* The values as they are (already checked when set), without a signal per value. */
  if (self->n_values)
    {
      guint room = 1;
      while (room < self->n_values)
        room *= 2;   /* as append_value() keeps it */
      copy->values = g_new (NodeValue, room);
      copy->n_values = self->n_values;
      for (guint i = 0; i < self->n_values; i++)
        {
          copy->values[i].field = self->values[i].field;
          for (guint l = 0; l < KSP_N_LANGS; l++)
            copy->values[i].text[l] = g_strdup (self->values[i].text[l]);
        }
    }
  /* The children as they are (they fit their parent already), into an array made to their number. */
  n = ksp_node_get_n_children (self);
  if (n)
    {
      copy->kids = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        {
          KspNode *child = ksp_node_copy (g_ptr_array_index (self->kids, i));
          child->parent = copy;
          g_ptr_array_add (copy->kids, child);
        }
    }
  return copy;
}

/* Loaders (ksp-node-private.h) ------------------------------------------------------------------- */

KspNode *
_ksp_node_new_loaded (const KspKindSpec *kind,
                      const char        *id,
                      const char        *number,
                      guint              src_line)
{
  KspNode *self = g_object_new (KSP_TYPE_NODE, NULL);

  self->kind = kind;
  self->id = g_strdup (id);
  self->number = g_strdup (number);
  self->src_line = src_line;
  return self;
}

/* @field: one of @self's kind's, with a @lang that fits it; @text: @len bytes (no NUL needed) */
void
_ksp_node_add_loaded_value (KspNode            *self,
                            const KspFieldSpec *field,
                            KspLang             lang,
                            const char         *text,
                            gsize               len)
{
  NodeValue *v = find_value (self, field->name);

  if (v == NULL)
    v = append_value (self, field->name);
  g_free (v->text[lang]);
  v->text[lang] = g_strndup (text, len);
}

/* @children: new elements without a parent, that fit @self, in their order; @self has none yet. The
 * references stay the caller's. */
void
_ksp_node_set_loaded_children (KspNode  *self,
                               KspNode **children,
                               guint     n)
{
  g_return_if_fail (self->kids == NULL && self->children == NULL);
  if (n == 0)
    return;
  self->kids = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      children[i]->parent = self;
      g_ptr_array_add (self->kids, g_object_ref (children[i]));
    }
}

/**
 * ksp_node_copy_one_standard:
 * @standard_id: the ID of one of @document's "standard" children
 *
 * Returns: (transfer full): a copy of @document (same IDs) in which @standard_id is the only standard:
 * what `kasip show`, `validate` and `export` work on when an order holds several standards
 */
KspNode *
ksp_node_copy_one_standard (KspNode    *document,
                            const char *standard_id)
{
  KspNode *copy;

  g_return_val_if_fail (KSP_IS_NODE (document), NULL);
  copy = ksp_node_copy (document);
  for (guint i = ksp_node_get_n_children (copy); i-- > 0;)
    {
      KspNode *child = ksp_node_get_child (copy, i);
      if (g_str_equal (ksp_node_get_kind (child), "standard") && g_strcmp0 (ksp_node_get_id (child), standard_id) != 0)
        ksp_node_remove_child (copy, child);
    }
  return copy;
}

/**
 * ksp_node_find_descendant:
 * Returns: (transfer none) (nullable): @self or the descendant whose ID is @id
 */
KspNode *
ksp_node_find_descendant (KspNode    *self,
                          const char *id)
{
  guint n;

  if (g_strcmp0 (self->id, id) == 0)
    return self;
  n = ksp_node_get_n_children (self);
  for (guint i = 0; i < n; i++)
    {
      KspNode *found = ksp_node_find_descendant (ksp_node_get_child (self, i), id);
      if (found)
        return found;
    }
  return NULL;
}

/**
 * ksp_node_equal:
 * @out_difference: (out) (optional): where the trees first differ, for test failure messages
 *
 * Compares two subtrees: IDs, kinds, numbers, source lines, every value in every language (an absent
 * value differs from an empty one) and children in order.
 */
gboolean
ksp_node_equal (KspNode  *a,
                KspNode  *b,
                char    **out_difference)
{
  guint na, nb;

#define DIFFER(...) G_STMT_START { if (out_difference) *out_difference = g_strdup_printf (__VA_ARGS__); return FALSE; } G_STMT_END

  if (g_strcmp0 (a->id, b->id) != 0)
    DIFFER ("id %s != %s", a->id, b->id);
  if (a->kind != b->kind)
    DIFFER ("%s: kind %s != %s", a->id, a->kind->name, b->kind->name);
  if (g_strcmp0 (a->number, b->number) != 0)
    DIFFER ("%s: number %s != %s", a->id, a->number, b->number);
  if (a->src_line != b->src_line)
    DIFFER ("%s: src_line %u != %u", a->id, a->src_line, b->src_line);

  for (guint i = 0; i < a->kind->n_fields; i++)
    {
      const char *f = a->kind->fields[i].name;
      for (guint l = 0; l < KSP_N_LANGS; l++)
        {
          const char *va = ksp_node_get_value (a, f, l);
          const char *vb = ksp_node_get_value (b, f, l);
          if (g_strcmp0 (va, vb) != 0)
            DIFFER ("%s %s.%s[%s]: «%s» != «%s»", a->kind->name, a->id, f, ksp_lang_to_string (l),
                    va ? va : "(absent)", vb ? vb : "(absent)");
        }
    }

  na = ksp_node_get_n_children (a);
  nb = ksp_node_get_n_children (b);
  if (na != nb)
    DIFFER ("%s %s: %u children != %u", a->kind->name, a->id, na, nb);
  for (guint i = 0; i < na; i++)
    if (!ksp_node_equal (ksp_node_get_child (a, i), ksp_node_get_child (b, i), out_difference))
      return FALSE;
  return TRUE;
#undef DIFFER
}

/**
 * ksp_node_find_first_of_kind:
 * Returns: (transfer none) (nullable): @self or the first element of its subtree (in document order) of
 *   @kind
 */
KspNode *
ksp_node_find_first_of_kind (KspNode    *self,
                             const char *kind)
{
  g_return_val_if_fail (KSP_IS_NODE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  if (strcmp (ksp_node_get_kind (self), kind) == 0)
    return self;
  for (guint i = 0; i < ksp_node_get_n_children (self); i++)
    {
      KspNode *found = ksp_node_find_first_of_kind (ksp_node_get_child (self, i), kind);
      if (found)
        return found;
    }
  return NULL;
}
