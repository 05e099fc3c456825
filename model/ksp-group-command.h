/* ksp-group-command.h: several commands applied and undone as one step */
#pragma once

#include "ksp-command.h"

G_BEGIN_DECLS

#define KSP_TYPE_GROUP_COMMAND (ksp_group_command_get_type ())
G_DECLARE_FINAL_TYPE (KspGroupCommand, ksp_group_command, KSP, GROUP_COMMAND, KspCommand)

KspCommand *ksp_group_command_new (const char *label);
void        ksp_group_command_add (KspGroupCommand *self,
                                   KspCommand      *command);
void        ksp_group_command_take (KspGroupCommand *self,
                                    KspCommand      *command);

G_END_DECLS
