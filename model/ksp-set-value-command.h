/* ksp-set-value-command.h: change one field of one element in one language */
#pragma once

#include "ksp-command.h"
#include "ksp-text.h"

G_BEGIN_DECLS

#define KSP_TYPE_SET_VALUE_COMMAND (ksp_set_value_command_get_type ())
G_DECLARE_FINAL_TYPE (KspSetValueCommand, ksp_set_value_command, KSP, SET_VALUE_COMMAND, KspCommand)

/* Typing in one field within this many microseconds is one undo step. */
#define KSP_SET_VALUE_MERGE_USEC (2 * G_USEC_PER_SEC)

KspCommand *ksp_set_value_command_new_linked (const char *node_id,
                                              const char *field,
                                              KspLang     lang,
                                              const char *value,
                                              const char *follower);
KspCommand *ksp_set_value_command_new (const char *node_id,
                                       const char *field,
                                       KspLang     lang,
                                       const char *value);
/* What the user saw in the field when they wrote @value (nullable: absent): the first apply is refused as a
 * conflict (KSP_DOCUMENT_ERROR_CONFLICT) when the value has become something else meanwhile — another
 * person's change brought in while they typed. Without it the command writes over whatever is there. */
void        ksp_set_value_command_set_expected (KspSetValueCommand *self,
                                                const char         *expected);

G_END_DECLS
