/* ksp-structure.c: structural editing of a standard (see ksp-structure.h) */
#include "ksp-structure.h"

#include "ksp-schema.h"

/* The parent that an element placed at @place relative to @reference gets, and its index there. */
static KspNode *
target_of (KspNode  *reference,
           KspPlace  place,
           guint    *position)
{
  KspNode *parent;
  guint index = 0;

  if (place == KSP_PLACE_CHILD)
    {
      *position = ksp_node_get_n_children (reference);
      return reference;
    }
  parent = ksp_node_get_parent (reference);
  if (parent == NULL || !ksp_node_find_child (parent, reference, &index))
    return NULL;
  *position = place == KSP_PLACE_AFTER ? index + 1 : index;
  return parent;
}

/**
 * ksp_structure_can_place:
 *
 * Returns: whether an element of @kind may stand at @place relative to @reference (the registry allows
 * it under the parent it would get)
 */
gboolean
ksp_structure_can_place (KspNode    *reference,
                         KspPlace    place,
                         const char *kind)
{
  guint position;
  KspNode *parent = target_of (reference, place, &position);

  return parent != NULL && ksp_kind_allows_child (ksp_node_get_kind_spec (parent), kind);
}

/**
 * ksp_structure_kinds_for:
 *
 * Returns: (transfer container) (element-type utf8): the kinds that may be added at @place relative to
 * @reference, the reference's own kind first when it may (a card after a card), then in the registry's
 * order; "not_placed" is never offered (only the importer makes those)
 */
GPtrArray *
ksp_structure_kinds_for (KspNode  *reference,
                         KspPlace  place)
{
  GPtrArray *kinds = g_ptr_array_new ();
  guint position;
  KspNode *parent = target_of (reference, place, &position);
  const KspKindSpec *spec = parent ? ksp_node_get_kind_spec (parent) : NULL;
  const char *own = ksp_node_get_kind (reference);

  if (spec == NULL || spec->children == NULL)
    return kinds;
  if (place != KSP_PLACE_CHILD && ksp_kind_allows_child (spec, own))
    g_ptr_array_add (kinds, (gpointer) own);
  for (guint i = 0; spec->children[i]; i++)
    if (!g_str_equal (spec->children[i], "not_placed") &&
        (place == KSP_PLACE_CHILD || !g_str_equal (spec->children[i], own)))
      g_ptr_array_add (kinds, (gpointer) spec->children[i]);
  return kinds;
}

static void
copy_value (KspNode    *node,
            const char *field,
            KspLang     lang,
            const char *value,
            gpointer    copy)
{
  ksp_node_set_value (copy, field, lang, value);
}

/**
 * ksp_structure_copy_new_ids:
 *
 * Returns: (transfer full): a deep copy of @node and its subtree, every element with a new ID
 */
KspNode *
ksp_structure_copy_new_ids (KspNode *node)
{
  KspNode *copy = ksp_node_new (ksp_node_get_kind (node), NULL);

  ksp_node_set_number (copy, ksp_node_get_number (node));
  ksp_node_set_src_line (copy, ksp_node_get_src_line (node));
  ksp_node_foreach_value (node, copy_value, copy);
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    {
      g_autoptr (KspNode) child = ksp_structure_copy_new_ids (ksp_node_get_child (node, i));
      ksp_node_append_child (copy, child);
    }
  return copy;
}

/* Returns: the number of elements in @node's subtree, @node included */
guint
ksp_structure_count (KspNode *node)
{
  guint n = 1;

  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    n += ksp_structure_count (ksp_node_get_child (node, i));
  return n;
}

static gboolean
refuse_place (KspNode    *reference,
              KspPlace    place,
              const char *kind,
              GError    **error)
{
  guint position;
  KspNode *parent = target_of (reference, place, &position);
  const KspKindSpec *what = ksp_schema_lookup_kind (kind);

  g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID, "«%s» cannot stand in «%s»",
               what ? ksp_kind_label (what, KSP_LANG_RU) : kind,
               parent ? ksp_kind_label (ksp_node_get_kind_spec (parent), KSP_LANG_RU) : "—");
  return FALSE;
}

/**
 * ksp_document_add_element:
 *
 * Adds a new, empty element of @kind at @place relative to @reference, as one undoable command.
 * Returns: (transfer none) (nullable): the new element
 */
KspNode *
ksp_document_add_element (KspDocument *self,
                          KspNode     *reference,
                          KspPlace     place,
                          const char  *kind,
                          GError     **error)
{
  g_autoptr (KspNode) node = NULL;
  g_autofree char *id = NULL;
  guint position;
  KspNode *parent;

  g_return_val_if_fail (KSP_IS_DOCUMENT (self), NULL);
  if (!ksp_structure_can_place (reference, place, kind))
    {
      refuse_place (reference, place, kind, error);
      return NULL;
    }
  parent = target_of (reference, place, &position);
  node = ksp_node_new (kind, NULL);
  id = g_strdup (ksp_node_get_id (node));
  if (!ksp_document_insert_node (self, parent, position, node, error))
    return NULL;
  return ksp_document_lookup (self, id);
}

/**
 * ksp_document_duplicate_element:
 *
 * Inserts a copy of @node (with everything under it, new IDs) right after it, as one undoable command.
 * Returns: (transfer none) (nullable): the copy
 */
KspNode *
ksp_document_duplicate_element (KspDocument *self,
                                KspNode     *node,
                                GError     **error)
{
  g_autoptr (KspNode) copy = NULL;
  g_autofree char *id = NULL;
  guint position;
  KspNode *parent;

  g_return_val_if_fail (KSP_IS_DOCUMENT (self), NULL);
  if ((parent = target_of (node, KSP_PLACE_AFTER, &position)) == NULL)
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID, "the document itself cannot be duplicated");
      return NULL;
    }
  copy = ksp_structure_copy_new_ids (node);
  id = g_strdup (ksp_node_get_id (copy));
  if (!ksp_document_insert_node (self, parent, position, copy, error))
    return NULL;
  return ksp_document_lookup (self, id);
}

/* The sibling of @parent next to it (@delta -1: before, +1: after) that is of its kind and may hold
 * @node: where a move past the first or last place goes, as in an outliner. */
static KspNode *
adjacent_parent (KspNode *parent,
                 KspNode *node,
                 int      delta)
{
  KspNode *grand = ksp_node_get_parent (parent);
  guint index = 0;
  gint64 at;

  if (grand == NULL || !ksp_node_find_child (grand, parent, &index))
    return NULL;
  for (at = (gint64) index + delta; at >= 0 && at < ksp_node_get_n_children (grand); at += delta)
    {
      KspNode *candidate = ksp_node_get_child (grand, (guint) at);
      if (g_str_equal (ksp_node_get_kind (candidate), ksp_node_get_kind (parent)))
        return ksp_kind_allows_child (ksp_node_get_kind_spec (candidate), ksp_node_get_kind (node)) ? candidate
                                                                                                      : NULL;
    }
  return NULL;
}

/**
 * ksp_document_can_move_element_by:
 * Returns: whether ksp_document_move_element_by() can move @node that way
 */
gboolean
ksp_document_can_move_element_by (KspNode *node,
                                  int      delta)
{
  KspNode *parent = ksp_node_get_parent (node);
  guint index = 0;
  gint64 to;

  if (parent == NULL || !ksp_node_find_child (parent, node, &index))
    return FALSE;
  to = (gint64) index + delta;
  if (to >= 0 && to < ksp_node_get_n_children (parent))
    return TRUE;
  return adjacent_parent (parent, node, delta) != NULL;
}

/**
 * ksp_document_move_element_by:
 * @delta: -1 to move it up among its siblings, +1 down
 *
 * From the first place up (or the last down) it goes on into the previous (next) element of its
 * parent's kind, as the last (first) of its children: a knowledge item moves to the skill above or
 * below. Its ID stays.
 * Returns: %FALSE (with an error) when it cannot move further that way
 */
gboolean
ksp_document_move_element_by (KspDocument *self,
                              KspNode     *node,
                              int          delta,
                              GError     **error)
{
  KspNode *parent = ksp_node_get_parent (node);
  KspNode *next_parent;
  guint index = 0;
  gint64 to;

  g_return_val_if_fail (KSP_IS_DOCUMENT (self), FALSE);
  if (parent == NULL || !ksp_node_find_child (parent, node, &index))
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID, "the document itself cannot be moved");
      return FALSE;
    }
  to = (gint64) index + delta;
  if (to >= 0 && to < ksp_node_get_n_children (parent))
    return ksp_document_move_node (self, node, parent, (guint) to, error);
  next_parent = adjacent_parent (parent, node, delta);
  if (next_parent == NULL)
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID,
                   delta < 0 ? "already the first" : "already the last");
      return FALSE;
    }
  return ksp_document_move_node (self, node, next_parent, delta < 0 ? ksp_node_get_n_children (next_parent) : 0,
                                 error);
}

/**
 * ksp_document_move_element_to:
 *
 * Moves @node (keeping its ID) to @place relative to @reference — another parent or another position —
 * as one undoable command: what a drop in the outline does.
 */
gboolean
ksp_document_move_element_to (KspDocument *self,
                              KspNode     *node,
                              KspNode     *reference,
                              KspPlace     place,
                              GError     **error)
{
  KspNode *parent;
  KspNode *old_parent = ksp_node_get_parent (node);
  guint position, old_index = 0;

  g_return_val_if_fail (KSP_IS_DOCUMENT (self), FALSE);
  if (node == reference || ksp_node_is_ancestor_of (node, reference))
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID,
                   "an element cannot be moved into itself");
      return FALSE;
    }
  if (!ksp_structure_can_place (reference, place, ksp_node_get_kind (node)))
    return refuse_place (reference, place, ksp_node_get_kind (node), error);
  parent = target_of (reference, place, &position);
  /* The position counts the children once the node has left its old place. */
  if (old_parent == parent && ksp_node_find_child (parent, node, &old_index) && old_index < position)
    position--;
  return ksp_document_move_node (self, node, parent, position, error);
}
