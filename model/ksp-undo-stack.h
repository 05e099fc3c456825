/* ksp-undo-stack.h: the document's history of commands, with can-undo / can-redo for the UI */
#pragma once

#include "ksp-command.h"

G_BEGIN_DECLS

#define KSP_TYPE_UNDO_STACK (ksp_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (KspUndoStack, ksp_undo_stack, KSP, UNDO_STACK, GObject)

KspUndoStack *ksp_undo_stack_new            (void);
void          ksp_undo_stack_push           (KspUndoStack *self,
                                             KspCommand   *command);
KspCommand   *ksp_undo_stack_peek_undo      (KspUndoStack *self);
KspCommand   *ksp_undo_stack_peek_redo      (KspUndoStack *self);
void          ksp_undo_stack_step_back      (KspUndoStack *self);
void          ksp_undo_stack_step_forward   (KspUndoStack *self);
gboolean      ksp_undo_stack_can_undo       (KspUndoStack *self);
gboolean      ksp_undo_stack_can_redo       (KspUndoStack *self);
guint         ksp_undo_stack_get_n_commands (KspUndoStack *self);
void          ksp_undo_stack_clear          (KspUndoStack *self);

G_END_DECLS
