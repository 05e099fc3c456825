/* ksp-remove-node-command.h: remove an element and its subtree */
#pragma once

#include "ksp-command.h"

G_BEGIN_DECLS

#define KSP_TYPE_REMOVE_NODE_COMMAND (ksp_remove_node_command_get_type ())
G_DECLARE_FINAL_TYPE (KspRemoveNodeCommand, ksp_remove_node_command, KSP, REMOVE_NODE_COMMAND, KspCommand)

KspCommand *ksp_remove_node_command_new (const char *node_id);

G_END_DECLS
