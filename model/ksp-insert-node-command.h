/* ksp-insert-node-command.h: add an element (with its subtree) under a parent */
#pragma once

#include "ksp-command.h"
#include "ksp-node.h"

G_BEGIN_DECLS

#define KSP_TYPE_INSERT_NODE_COMMAND (ksp_insert_node_command_get_type ())
G_DECLARE_FINAL_TYPE (KspInsertNodeCommand, ksp_insert_node_command, KSP, INSERT_NODE_COMMAND, KspCommand)

KspCommand *ksp_insert_node_command_new (const char *parent_id,
                                         guint       position,
                                         KspNode    *node);

G_END_DECLS
