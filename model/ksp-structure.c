/* ksp-structure.c: structural editing of a standard (see ksp-structure.h) */
#include "ksp-structure.h"

#include "ksp-schema.h"

#include <stdlib.h>
#include <string.h>

#include "ksp-group-command.h"
#include "ksp-insert-node-command.h"
#include "ksp-move-node-command.h"
#include "ksp-remove-node-command.h"
#include "ksp-set-number-command.h"

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

/* Numbering ---------------------------------------------------------------------------------------- */

/* «12.», «12)» or «12»: the number and what follows it. */
static gboolean
parse_number (const char  *written,
              gint64      *n,
              const char **suffix)
{
  char *end = NULL;

  if (written == NULL || !g_ascii_isdigit (*written))
    return FALSE;
  *n = g_ascii_strtoll (written, &end, 10);
  if (strcmp (end, "") != 0 && strcmp (end, ".") != 0 && strcmp (end, ")") != 0)
    return FALSE;
  *suffix = end;
  return TRUE;
}

/* Whether the list's numbers follow its order (each one the previous plus one, written alike): then they
 * are the editor's to keep following it. A list numbered by hand otherwise is left as written. */
static gboolean
follows_order (GPtrArray   *list,
               gint64      *base,
               const char **suffix)
{
  for (guint i = 0; i < list->len; i++)
    {
      gint64 n;
      const char *sfx;
      if (!parse_number (ksp_node_get_number (g_ptr_array_index (list, i)), &n, &sfx))
        return FALSE;
      if (i == 0)
        *base = n, *suffix = sfx;
      else if (n - i != *base || strcmp (sfx, *suffix) != 0)
        return FALSE;
    }
  return list->len > 0;
}

/* The first numbered element of @kind in @node's subtree, but @skip. */
static KspNode *
numbered_of_kind (KspNode    *node,
                  const char *kind,
                  KspNode    *skip)
{
  gint64 n;
  const char *sfx;

  if (node != skip && g_str_equal (ksp_node_get_kind (node), kind) &&
      parse_number (ksp_node_get_number (node), &n, &sfx))
    return node;
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    {
      KspNode *found = numbered_of_kind (ksp_node_get_child (node, i), kind, skip);
      if (found)
        return found;
    }
  return NULL;
}

/* @parent's children of @kind once @removed (or %NULL) has left and @inserted (or %NULL) stands at
 * @position (counted among the children once @removed has left). */
static GPtrArray *
list_after (KspNode    *parent,
            const char *kind,
            KspNode    *removed,
            KspNode    *inserted,
            guint       position)
{
  g_autoptr (GPtrArray) children = g_ptr_array_new ();
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; i < ksp_node_get_n_children (parent); i++)
    if (ksp_node_get_child (parent, i) != removed)
      g_ptr_array_add (children, ksp_node_get_child (parent, i));
  if (inserted)
    g_ptr_array_insert (children, MIN (position, children->len), inserted);
  for (guint i = 0; i < children->len; i++)
    if (g_str_equal (ksp_node_get_kind (g_ptr_array_index (children, i)), kind))
      g_ptr_array_add (list, g_ptr_array_index (children, i));
  return list;
}

/* Numbers @after (a list of @kind as it will be) as @before was numbered, when @before's numbers followed
 * its order; an empty list takes the style of the same kind elsewhere in @root, from 1. @fresh (not yet in
 * the tree) gets its number directly, the others a command in @group. */
static void
plan_numbers (KspGroupCommand *group,
              KspNode         *root,
              const char      *kind,
              GPtrArray       *before,
              GPtrArray       *after,
              KspNode         *fresh)
{
  gint64 base = 1;
  const char *suffix = NULL;

  if (!follows_order (before, &base, &suffix))
    {
      KspNode *model;
      gint64 n;
      if (before->len > 0)
        return; /* numbered by hand: kept as written */
      model = numbered_of_kind (root, kind, fresh);
      if (model == NULL || !parse_number (ksp_node_get_number (model), &n, &suffix))
        return;
      base = 1;
    }
  for (guint i = 0; i < after->len; i++)
    {
      KspNode *node = g_ptr_array_index (after, i);
      g_autofree char *want = g_strdup_printf ("%" G_GINT64_FORMAT "%s", base + i, suffix);
      if (node == fresh)
        ksp_node_set_number (node, want);
      else if (g_strcmp0 (ksp_node_get_number (node), want) != 0)
        ksp_group_command_take (group, ksp_set_number_command_new (ksp_node_get_id (node), want));
    }
}

static KspNode *
root_of (KspNode *node)
{
  while (ksp_node_get_parent (node))
    node = ksp_node_get_parent (node);
  return node;
}

/* @node (not in the tree) inserted into @parent at @position, its list renumbered: one command. */
static gboolean
insert_numbered (KspDocument *self,
                 KspNode     *parent,
                 guint        position,
                 KspNode     *node,
                 const char  *label,
                 GError     **error)
{
  g_autoptr (KspCommand) group = ksp_group_command_new (label);
  const char *kind = ksp_node_get_kind (node);
  g_autoptr (GPtrArray) before = list_after (parent, kind, NULL, NULL, 0);
  g_autoptr (GPtrArray) after = list_after (parent, kind, NULL, node, position);

  plan_numbers (KSP_GROUP_COMMAND (group), root_of (parent), kind, before, after, node);
  /* the insertion first, then the numbers of those after it */
  {
    g_autoptr (KspCommand) insert = ksp_insert_node_command_new (ksp_node_get_id (parent), position, node);
    g_autoptr (KspCommand) all = ksp_group_command_new (label);
    ksp_group_command_take (KSP_GROUP_COMMAND (all), g_steal_pointer (&insert));
    ksp_group_command_take (KSP_GROUP_COMMAND (all), g_steal_pointer (&group));
    return ksp_document_execute (self, all, error);
  }
}

/* @node moved to @position of @parent (counted once it has left), the lists it leaves and joins
 * renumbered: one command. */
static gboolean
move_numbered (KspDocument *self,
               KspNode     *node,
               KspNode     *parent,
               guint        position,
               GError     **error)
{
  g_autoptr (KspCommand) all = ksp_group_command_new ("move");
  g_autoptr (KspCommand) numbers = ksp_group_command_new ("renumber");
  KspNode *old_parent = ksp_node_get_parent (node);
  const char *kind = ksp_node_get_kind (node);
  KspNode *root = root_of (node);

  {
    g_autoptr (GPtrArray) before = list_after (parent, kind, NULL, NULL, 0);
    g_autoptr (GPtrArray) after = list_after (parent, kind, node, node, position);
    if (old_parent != parent)
      g_ptr_array_remove (before, node); /* not in that list before */
    plan_numbers (KSP_GROUP_COMMAND (numbers), root, kind, before, after, NULL);
  }
  if (old_parent != parent)
    {
      g_autoptr (GPtrArray) before = list_after (old_parent, kind, NULL, NULL, 0);
      g_autoptr (GPtrArray) after = list_after (old_parent, kind, node, NULL, 0);
      plan_numbers (KSP_GROUP_COMMAND (numbers), root, kind, before, after, NULL);
    }
  ksp_group_command_take (KSP_GROUP_COMMAND (all),
                          ksp_move_node_command_new (ksp_node_get_id (node), ksp_node_get_id (parent), position));
  ksp_group_command_take (KSP_GROUP_COMMAND (all), g_steal_pointer (&numbers));
  return ksp_document_execute (self, all, error);
}

/**
 * ksp_document_delete_element:
 *
 * Removes @node with everything under it, and renumbers the list it leaves when its numbers followed its
 * order, as one undoable command.
 */
gboolean
ksp_document_delete_element (KspDocument *self,
                             KspNode     *node,
                             GError     **error)
{
  g_autoptr (KspCommand) all = ksp_group_command_new ("delete");
  g_autoptr (KspCommand) numbers = ksp_group_command_new ("renumber");
  KspNode *parent = ksp_node_get_parent (node);
  const char *kind = ksp_node_get_kind (node);

  g_return_val_if_fail (KSP_IS_DOCUMENT (self), FALSE);
  if (parent == NULL)
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID, "the document itself cannot be deleted");
      return FALSE;
    }
  {
    g_autoptr (GPtrArray) before = list_after (parent, kind, NULL, NULL, 0);
    g_autoptr (GPtrArray) after = list_after (parent, kind, node, NULL, 0);
    plan_numbers (KSP_GROUP_COMMAND (numbers), root_of (node), kind, before, after, NULL);
  }
  ksp_group_command_take (KSP_GROUP_COMMAND (all), ksp_remove_node_command_new (ksp_node_get_id (node)));
  ksp_group_command_take (KSP_GROUP_COMMAND (all), g_steal_pointer (&numbers));
  return ksp_document_execute (self, all, error);
}

static KspNode *
add_child (KspNode    *parent,
           const char *kind,
           const char *number)
{
  KspNode *child = ksp_node_new (kind, NULL);

  ksp_node_set_number (child, number);
  ksp_node_append_child (parent, child);
  g_object_unref (child); /* the parent holds it */
  return child;
}

/**
 * ksp_structure_new_element:
 *
 * Returns: (transfer full): a new, empty element of @kind as a drafter starts it: a card from the
 *   template of the 2024 layout — after its own fields (the form lists them in order) its education, its
 *   experience, a mandatory labour function «1» with a skill «1», and personal competencies; other kinds
 *   empty
 */
KspNode *
ksp_structure_new_element (const char *kind)
{
  KspNode *node = ksp_node_new (kind, NULL);

  if (g_str_equal (kind, "card"))
    {
      KspNode *function;

      add_child (node, "education", NULL);
      add_child (node, "experience", NULL);
      function = add_child (node, "function", "1");
      ksp_node_set_value (function, "function_kind", KSP_LANG_NONE, "mandatory");
      add_child (function, "skill", "1");
      add_child (node, "competency", NULL);
    }
  return node;
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
  node = ksp_structure_new_element (kind);
  id = g_strdup (ksp_node_get_id (node));
  if (!insert_numbered (self, parent, position, node, "add", error))
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
  if (!insert_numbered (self, parent, position, copy, "duplicate", error))
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
    return move_numbered (self, node, parent, (guint) to, error);
  next_parent = adjacent_parent (parent, node, delta);
  if (next_parent == NULL)
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID,
                   delta < 0 ? "already the first" : "already the last");
      return FALSE;
    }
  return move_numbered (self, node, next_parent, delta < 0 ? ksp_node_get_n_children (next_parent) : 0, error);
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
  return move_numbered (self, node, parent, position, error);
}
