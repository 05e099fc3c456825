/* ksp-tree-loader.c: a tree built from a backend's rows (backend-neutral; see ksp-tree-loader.h) */
#include "ksp-tree-loader.h"
#include "ksp-node-private.h"
#include "ksp-store.h"

#include <string.h>

typedef struct
{
  gint64   key;
  gint64   parent; /* 0 for the root */
  gint64   pos;
  int      up;     /* the parent's index in the rows, -1 for the root */
  KspNode *node;
} LoadedNode;

struct _KspTreeLoader
{
  char              *location;
  gint64             tree_id;
  GArray            *rows;     /* LoadedNode, in the order they were added */
  gint64             lo, hi;   /* dense: the run of keys; else 0, -1 */
  int               *at;       /* dense: the row's index by key - lo, -1 for another tree's */
  GHashTable        *by_key;   /* scattered: key -> index + 1 */
  const KspKindSpec *kinds[64]; /* the kinds met so far: a tree holds a dozen, looked up once each */
  guint              n_kinds;
  KspNode           *root;
  gboolean           linked;
};

KspTreeLoader *
ksp_tree_loader_new (const char *location,
                     gint64      tree_id,
                     gint64      lo,
                     gint64      hi,
                     guint       n_rows)
{
  KspTreeLoader *self = g_new0 (KspTreeLoader, 1);

  self->location = g_strdup (location ? location : "workspace");
  self->tree_id = tree_id;
  self->rows = g_array_sized_new (FALSE, FALSE, sizeof (LoadedNode), n_rows);
  if (lo <= hi)
    {
      self->lo = lo;
      self->hi = hi;
      self->at = g_new (int, hi - lo + 1);
      memset (self->at, 0xff, (hi - lo + 1) * sizeof (int));   /* -1 */
    }
  else
    {
      self->lo = 0;
      self->hi = -1;
      self->by_key = g_hash_table_new (g_direct_hash, g_direct_equal);
    }
  return self;
}

void
ksp_tree_loader_free (KspTreeLoader *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->rows->len; i++)
    g_object_unref (g_array_index (self->rows, LoadedNode, i).node);
  g_array_unref (self->rows);
  g_free (self->at);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_free (self->location);
  g_free (self);
}

/* The index of row @key among the tree's rows, -1 when it is not one of them. */
static int
find_row (KspTreeLoader *self,
          gint64         key)
{
  if (self->at)
    return key >= self->lo && key <= self->hi ? self->at[key - self->lo] : -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (self->by_key, GSIZE_TO_POINTER ((gsize) key))) - 1;
}

static const KspKindSpec *
lookup_kind_cached (KspTreeLoader *self,
                    const char    *name)
{
  const KspKindSpec *spec;

  for (guint i = 0; i < self->n_kinds; i++)
    if (strcmp (self->kinds[i]->name, name) == 0)
      return self->kinds[i];
  if ((spec = ksp_schema_lookup_kind (name)) != NULL && self->n_kinds < G_N_ELEMENTS (self->kinds))
    self->kinds[self->n_kinds++] = spec;
  return spec;
}

gboolean
ksp_tree_loader_add_node (KspTreeLoader *self,
                          gint64         key,
                          gint64         parent_key,
                          gint64         pos,
                          const char    *id,
                          const char    *kind,
                          const char    *number,
                          guint          src_line,
                          GError       **error)
{
  const KspKindSpec *spec = kind ? lookup_kind_cached (self, kind) : NULL;
  LoadedNode row = { key, parent_key, pos, -1, NULL };
  int index = (int) self->rows->len;

  g_return_val_if_fail (!self->linked, FALSE);
  if (self->at && (key < self->lo || key > self->hi))
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_CORRUPT, "%s: element %s is not in the rows of tree %"
                   G_GINT64_FORMAT, self->location, id, self->tree_id);
      return FALSE;
    }
  if (spec == NULL || id == NULL)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_CORRUPT,
                   "%s: element %s has unknown kind «%s»", self->location, id, kind);
      return FALSE;
    }
  row.node = _ksp_node_new_loaded (spec, id, number, src_line);
  if (self->at)
    self->at[key - self->lo] = index;
  else
    g_hash_table_insert (self->by_key, GSIZE_TO_POINTER ((gsize) key), GINT_TO_POINTER (index + 1));
  g_array_append_val (self->rows, row);
  return TRUE;
}

static int
cmp_sibling_pos (gconstpointer a,
                 gconstpointer b,
                 gpointer      rows)
{
  gint64 x = g_array_index ((GArray *) rows, LoadedNode, *(const int *) a).pos;
  gint64 y = g_array_index ((GArray *) rows, LoadedNode, *(const int *) b).pos;
  return x < y ? -1 : x > y;
}

/* Each element under its parent, in the order of their positions: the children of each parent gathered in
 * one pass (counting them first), each parent's sorted by position (read in row order, they usually are
 * already). */
gboolean
ksp_tree_loader_link (KspTreeLoader *self,
                      GError       **error)
{
  GArray *rows = self->rows;
  g_autofree int *n_kids = g_new0 (int, rows->len + 1);
  g_autofree int *first = NULL, *order = NULL;
  g_autofree KspNode **kid_nodes = NULL;

  g_return_val_if_fail (!self->linked, FALSE);
  for (guint i = 0; i < rows->len; i++)
    {
      LoadedNode *row = &g_array_index (rows, LoadedNode, i);
      LoadedNode *parent;

      if (row->parent == 0)
        {
          if (self->root != NULL)
            {
              g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_CORRUPT,
                           "%s: tree %" G_GINT64_FORMAT " has two roots", self->location, self->tree_id);
              return FALSE;
            }
          self->root = row->node;
          continue;
        }
      row->up = find_row (self, row->parent);
      parent = row->up >= 0 ? &g_array_index (rows, LoadedNode, row->up) : NULL;
      if (parent == NULL ||
          !ksp_kind_allows_child (ksp_node_get_kind_spec (parent->node), ksp_node_get_kind (row->node)))
        {
          g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_CORRUPT,
                       "%s: element %s (%s) has a missing or unfit parent %s", self->location,
                       ksp_node_get_id (row->node), ksp_node_get_kind (row->node),
                       parent ? ksp_node_get_id (parent->node) : "(none in its tree)");
          return FALSE;
        }
      n_kids[row->up]++;
    }
  if (self->root == NULL)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_CORRUPT,
                   "%s: tree %" G_GINT64_FORMAT " has no root", self->location, self->tree_id);
      return FALSE;
    }
  first = g_new (int, rows->len + 1);
  first[0] = 0;
  for (guint i = 0; i < rows->len; i++)
    first[i + 1] = first[i] + n_kids[i];
  order = g_new (int, MAX (first[rows->len], 1));
  kid_nodes = g_new (KspNode *, MAX (first[rows->len], 1));
  memset (n_kids, 0, (rows->len + 1) * sizeof (int));
  for (guint i = 0; i < rows->len; i++)
    {
      int up = g_array_index (rows, LoadedNode, i).up;
      if (up >= 0)
        order[first[up] + n_kids[up]++] = (int) i;
    }
  for (guint p = 0; p < rows->len; p++)
    {
      KspNode *parent = g_array_index (rows, LoadedNode, p).node;
      int *kids = order + first[p];

      for (int k = 1; k < n_kids[p]; k++)
        if (g_array_index (rows, LoadedNode, kids[k]).pos < g_array_index (rows, LoadedNode, kids[k - 1]).pos)
          {
            g_qsort_with_data (kids, n_kids[p], sizeof (int), cmp_sibling_pos, rows);
            break;
          }
      for (int k = 0; k < n_kids[p]; k++)
        kid_nodes[k] = g_array_index (rows, LoadedNode, kids[k]).node;
      _ksp_node_set_loaded_children (parent, kid_nodes, (guint) n_kids[p]);
    }
  self->linked = TRUE;
  return TRUE;
}

gboolean
ksp_tree_loader_add_value (KspTreeLoader *self,
                           gint64         key,
                           const char    *field,
                           const char    *lang_str,
                           const char    *text,
                           gsize          length,
                           GError       **error)
{
  int i = find_row (self, key);
  const KspFieldSpec *spec;
  KspNode *node;
  KspLang lang;

  if (i < 0)
    return TRUE;   /* another tree's */
  node = g_array_index (self->rows, LoadedNode, i).node;
  spec = field ? ksp_kind_lookup_field (ksp_node_get_kind_spec (node), field) : NULL;
  if (spec == NULL || lang_str == NULL || !ksp_lang_from_string (lang_str, &lang) || text == NULL ||
      (ksp_field_is_bilingual (spec) ? lang == KSP_LANG_NONE : lang != KSP_LANG_NONE))
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_CORRUPT,
                   "%s: value %s[%s] of element %s does not fit its kind", self->location,
                   field, lang_str, ksp_node_get_id (node));
      return FALSE;
    }
  _ksp_node_add_loaded_value (node, spec, lang, text, length);
  return TRUE;
}

KspNode *
ksp_tree_loader_finish (KspTreeLoader *self)
{
  g_return_val_if_fail (self->linked && self->root != NULL, NULL);
  return g_object_ref (self->root);
}
