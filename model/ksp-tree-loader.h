/* ksp-tree-loader.h: a tree built from a backend's rows (backend-neutral)
 *
 * A backend reads the rows of one tree — each element with its row key, its parent's row key (0 for the
 * root), its position among its siblings, stable ID, kind, number and source line, then the values by row
 * key — and hands them to a KspTreeLoader, which checks them against the schema (a known kind, a parent
 * that allows it, one root, a value that fits its field) and builds the KspNode tree, each element's
 * children in the order of their positions. The SQL stays in the backend; what a tree is, here.
 */
#pragma once

#include "ksp-node.h"

G_BEGIN_DECLS

typedef struct _KspTreeLoader KspTreeLoader;

/* @location: named in messages; @lo, @hi: when the row keys of the tree lie in one run (a few other rows
 * between them at most), that run (an array is then the index); @lo > @hi for keys anywhere (a hash);
 * @n_rows: how many rows will be added (a hint) */
KspTreeLoader *ksp_tree_loader_new       (const char     *location,
                                          gint64          tree_id,
                                          gint64          lo,
                                          gint64          hi,
                                          guint           n_rows);
void           ksp_tree_loader_free      (KspTreeLoader  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspTreeLoader, ksp_tree_loader_free)

/* An element: @parent_key 0 for the root. Fails (KSP_STORE_ERROR_CORRUPT) on an unknown kind. */
gboolean       ksp_tree_loader_add_node  (KspTreeLoader  *self,
                                          gint64          key,
                                          gint64          parent_key,
                                          gint64          pos,
                                          const char     *id,
                                          const char     *kind,
                                          const char     *number,
                                          guint           src_line,
                                          GError        **error);
/* After every element: links each under its parent, in the order of positions. Fails (CORRUPT) on a tree
 * without a root or with two, or an element whose parent is missing or does not allow it. */
gboolean       ksp_tree_loader_link      (KspTreeLoader  *self,
                                          GError        **error);
/* A value of the element with row key @key (one of another tree: ignored). @lang: "", "kk" or "ru".
 * Fails (CORRUPT) on a value that does not fit the element's kind. */
gboolean       ksp_tree_loader_add_value (KspTreeLoader  *self,
                                          gint64          key,
                                          const char     *field,
                                          const char     *lang,
                                          const char     *text,
                                          gsize           length,
                                          GError        **error);
/* Returns: (transfer full): the root, after ksp_tree_loader_link(); the loader can then only be freed. */
KspNode       *ksp_tree_loader_finish    (KspTreeLoader  *self);

G_END_DECLS
