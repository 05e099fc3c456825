/* ksp-undo-stack.c: commands done (before n_done) and undone (after it) */
#include "ksp-undo-stack.h"

struct _KspUndoStack
{
  GObject    parent_instance;
  GPtrArray *commands;
  guint      n_done;
};

G_DEFINE_FINAL_TYPE (KspUndoStack, ksp_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify_state (KspUndoStack *self,
              gboolean      could_undo,
              gboolean      could_redo)
{
  if (could_undo != ksp_undo_stack_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != ksp_undo_stack_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
ksp_undo_stack_finalize (GObject *object)
{
  g_ptr_array_unref (KSP_UNDO_STACK (object)->commands);
  G_OBJECT_CLASS (ksp_undo_stack_parent_class)->finalize (object);
}

static void
ksp_undo_stack_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KspUndoStack *self = KSP_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ksp_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, ksp_undo_stack_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ksp_undo_stack_class_init (KspUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ksp_undo_stack_finalize;
  object_class->get_property = ksp_undo_stack_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ksp_undo_stack_init (KspUndoStack *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

KspUndoStack *
ksp_undo_stack_new (void)
{
  return g_object_new (KSP_TYPE_UNDO_STACK, NULL);
}

/* Records an executed command: drops what was undone, then merges it into the previous command
 * (typing in one field) or appends it. */
void
ksp_undo_stack_push (KspUndoStack *self,
                     KspCommand   *command)
{
  gboolean could_undo = ksp_undo_stack_can_undo (self);
  gboolean could_redo = ksp_undo_stack_can_redo (self);
  gboolean had_redo = could_redo;

  g_ptr_array_set_size (self->commands, self->n_done);
  /* After an undo, a new edit never merges into the command before it. */
  if (!had_redo && self->n_done > 0 &&
      ksp_command_merge (g_ptr_array_index (self->commands, self->n_done - 1), command))
    {
      notify_state (self, could_undo, could_redo);
      return;
    }
  g_ptr_array_add (self->commands, g_object_ref (command));
  self->n_done++;
  notify_state (self, could_undo, could_redo);
}

/**
 * ksp_undo_stack_peek_undo:
 * Returns: (transfer none) (nullable): the command that undo would revert
 */
KspCommand *
ksp_undo_stack_peek_undo (KspUndoStack *self)
{
  return self->n_done > 0 ? g_ptr_array_index (self->commands, self->n_done - 1) : NULL;
}

/**
 * ksp_undo_stack_peek_redo:
 * Returns: (transfer none) (nullable): the command that redo would apply again
 */
KspCommand *
ksp_undo_stack_peek_redo (KspUndoStack *self)
{
  return self->n_done < self->commands->len ? g_ptr_array_index (self->commands, self->n_done) : NULL;
}

void
ksp_undo_stack_step_back (KspUndoStack *self)
{
  gboolean could_undo = ksp_undo_stack_can_undo (self);
  gboolean could_redo = ksp_undo_stack_can_redo (self);

  g_return_if_fail (self->n_done > 0);
  self->n_done--;
  notify_state (self, could_undo, could_redo);
}

void
ksp_undo_stack_step_forward (KspUndoStack *self)
{
  gboolean could_undo = ksp_undo_stack_can_undo (self);
  gboolean could_redo = ksp_undo_stack_can_redo (self);

  g_return_if_fail (self->n_done < self->commands->len);
  self->n_done++;
  notify_state (self, could_undo, could_redo);
}

gboolean
ksp_undo_stack_can_undo (KspUndoStack *self)
{
  return self->n_done > 0;
}

gboolean
ksp_undo_stack_can_redo (KspUndoStack *self)
{
  return self->n_done < self->commands->len;
}

guint
ksp_undo_stack_get_n_commands (KspUndoStack *self)
{
  return self->commands->len;
}

void
ksp_undo_stack_clear (KspUndoStack *self)
{
  gboolean could_undo = ksp_undo_stack_can_undo (self);
  gboolean could_redo = ksp_undo_stack_can_redo (self);

  g_ptr_array_set_size (self->commands, 0);
  self->n_done = 0;
  notify_state (self, could_undo, could_redo);
}
