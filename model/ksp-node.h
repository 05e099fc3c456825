/* ksp-node.h: one element of a standard (order item, card, labour function, knowledge item, ...)
 *
 * A node has a stable ID, a kind from the schema registry (ksp-schema.h), the number as written in the
 * source ("9", "1)", "Навык 2"), the source line it came from, its field values per language and an
 * ordered list of children exposed as a GListModel so views can bind to it.
 *
 * Mutating a node directly is for loaders and commands only: edits made by people go through
 * KspDocument, which records them as commands (undo, audit, persistence).
 */
#pragma once

#include <gio/gio.h>

#include "ksp-schema.h"
#include "ksp-text.h"

G_BEGIN_DECLS

#define KSP_TYPE_NODE (ksp_node_get_type ())
G_DECLARE_FINAL_TYPE (KspNode, ksp_node, KSP, NODE, GObject)

typedef void (*KspNodeValueFunc) (KspNode    *node,
                                  const char *field,
                                  KspLang     lang,
                                  const char *value,
                                  gpointer    user_data);

KspNode           *ksp_node_new              (const char *kind,
                                              const char *id);
const char        *ksp_node_get_id           (KspNode    *self);
const char        *ksp_node_get_kind         (KspNode    *self);
const KspKindSpec *ksp_node_get_kind_spec    (KspNode    *self);
const char        *ksp_node_get_number       (KspNode    *self);
void               ksp_node_set_number       (KspNode    *self,
                                              const char *number);
guint              ksp_node_get_src_line     (KspNode    *self);
void               ksp_node_set_src_line     (KspNode    *self,
                                              guint       line);

const char        *ksp_node_get_value        (KspNode    *self,
                                              const char *field,
                                              KspLang     lang);
void               ksp_node_set_value        (KspNode    *self,
                                              const char *field,
                                              KspLang     lang,
                                              const char *value);
void               ksp_node_foreach_value    (KspNode    *self,
                                              KspNodeValueFunc func,
                                              gpointer    user_data);
char              *ksp_node_dup_label        (KspNode    *self,
                                              KspLang     lang);

KspNode           *ksp_node_get_parent       (KspNode    *self);
GListModel        *ksp_node_get_children     (KspNode    *self);
guint              ksp_node_get_n_children   (KspNode    *self);
KspNode           *ksp_node_get_child        (KspNode    *self,
                                              guint       position);
gboolean           ksp_node_find_child       (KspNode    *self,
                                              KspNode    *child,
                                              guint      *position);
void               ksp_node_insert_child     (KspNode    *self,
                                              guint       position,
                                              KspNode    *child);
void               ksp_node_append_child     (KspNode    *self,
                                              KspNode    *child);
void               ksp_node_remove_child     (KspNode    *self,
                                              KspNode    *child);
gboolean           ksp_node_is_ancestor_of   (KspNode    *self,
                                              KspNode    *descendant);

KspNode           *ksp_node_copy             (KspNode    *self);
KspNode           *ksp_node_copy_one_standard (KspNode   *document,
                                              const char *standard_id);
KspNode           *ksp_node_find_descendant  (KspNode    *self,
                                              const char *id);
KspNode           *ksp_node_find_first_of_kind (KspNode  *self,
                                              const char *kind);
gboolean           ksp_node_equal            (KspNode    *a,
                                              KspNode    *b,
                                              char      **out_difference);

G_END_DECLS
