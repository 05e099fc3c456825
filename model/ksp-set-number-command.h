/* ksp-set-number-command.h: change the number an element is written with («3.», «3)», «3») — what the
 * structural edits use to keep a numbered list's numbers following its order. */
#pragma once

#include "ksp-command.h"

G_BEGIN_DECLS

#define KSP_TYPE_SET_NUMBER_COMMAND (ksp_set_number_command_get_type ())
G_DECLARE_FINAL_TYPE (KspSetNumberCommand, ksp_set_number_command, KSP, SET_NUMBER_COMMAND, KspCommand)

KspCommand *ksp_set_number_command_new (const char *node_id,
                                        const char *number);

G_END_DECLS
