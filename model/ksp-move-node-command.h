/* ksp-move-node-command.h: move an element to another place (reorder, or under another parent) */
#pragma once

#include "ksp-command.h"

G_BEGIN_DECLS

#define KSP_TYPE_MOVE_NODE_COMMAND (ksp_move_node_command_get_type ())
G_DECLARE_FINAL_TYPE (KspMoveNodeCommand, ksp_move_node_command, KSP, MOVE_NODE_COMMAND, KspCommand)

KspCommand *ksp_move_node_command_new (const char *node_id,
                                       const char *new_parent_id,
                                       guint       new_position);

G_END_DECLS
