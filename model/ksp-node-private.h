/* ksp-node-private.h: building elements as a loader reads them (ksp-sqlite-store.c's load_tree)
 *
 * A loaded element is new and nobody watches it yet: its kind is already looked up and its values come
 * checked against it, so they are set without the lookups, the "value-changed" signal and the
 * notifications of ksp_node_set_value() and ksp_node_set_number(), and the children are given in their
 * order at once.
 */
#pragma once

#include "ksp-node.h"

G_BEGIN_DECLS

KspNode *_ksp_node_new_loaded    (const KspKindSpec  *kind,
                                  const char         *id,
                                  const char         *number,
                                  guint               src_line);
void     _ksp_node_add_loaded_value (KspNode         *self,
                                  const KspFieldSpec *field,
                                  KspLang             lang,
                                  const char         *text,
                                  gsize               len);
void     _ksp_node_set_loaded_children (KspNode      *self,
                                  KspNode           **children,
                                  guint               n);

G_END_DECLS
