/* ksp-group-command.c: several commands as one undo step; all or nothing */
#include "ksp-group-command.h"

struct _KspGroupCommand
{
  KspCommand parent_instance;
  char      *label;
  GPtrArray *commands;
};

G_DEFINE_FINAL_TYPE (KspGroupCommand, ksp_group_command, KSP_TYPE_COMMAND)

static gboolean
ksp_group_command_apply (KspCommand  *command,
                         KspDocument *doc,
                         GError     **error)
{
  KspGroupCommand *self = KSP_GROUP_COMMAND (command);

  for (guint i = 0; i < self->commands->len; i++)
    if (!ksp_command_apply (g_ptr_array_index (self->commands, i), doc, error))
      {
        while (i-- > 0)
          ksp_command_revert (g_ptr_array_index (self->commands, i), doc, NULL);
        return FALSE;
      }
  return TRUE;
}

static gboolean
ksp_group_command_revert (KspCommand  *command,
                          KspDocument *doc,
                          GError     **error)
{
  KspGroupCommand *self = KSP_GROUP_COMMAND (command);

  for (guint i = self->commands->len; i-- > 0;)
    if (!ksp_command_revert (g_ptr_array_index (self->commands, i), doc, error))
      {
        for (guint j = i + 1; j < self->commands->len; j++)
          ksp_command_apply (g_ptr_array_index (self->commands, j), doc, NULL);
        return FALSE;
      }
  return TRUE;
}

static char *
ksp_group_command_describe (KspCommand *command)
{
  KspGroupCommand *self = KSP_GROUP_COMMAND (command);
  GString *s = g_string_new (self->label);

  for (guint i = 0; i < self->commands->len; i++)
    {
      g_autofree char *d = ksp_command_describe (g_ptr_array_index (self->commands, i));
      g_string_append_printf (s, "%s%s", i == 0 ? ": " : "; ", d);
    }
  return g_string_free (s, FALSE);
}

static const char *
ksp_group_command_get_node_id (KspCommand *command)
{
  KspGroupCommand *self = KSP_GROUP_COMMAND (command);
  return self->commands->len ? ksp_command_get_node_id (g_ptr_array_index (self->commands, 0)) : NULL;
}

static void
ksp_group_command_finalize (GObject *object)
{
  KspGroupCommand *self = KSP_GROUP_COMMAND (object);

  g_free (self->label);
  g_ptr_array_unref (self->commands);
  G_OBJECT_CLASS (ksp_group_command_parent_class)->finalize (object);
}

static void
ksp_group_command_class_init (KspGroupCommandClass *klass)
{
  KspCommandClass *command_class = KSP_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ksp_group_command_finalize;
  command_class->apply = ksp_group_command_apply;
  command_class->revert = ksp_group_command_revert;
  command_class->describe = ksp_group_command_describe;
  command_class->get_node_id = ksp_group_command_get_node_id;
}

static void
ksp_group_command_init (KspGroupCommand *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

KspCommand *
ksp_group_command_new (const char *label)
{
  KspGroupCommand *self = g_object_new (KSP_TYPE_GROUP_COMMAND, NULL);
  self->label = g_strdup (label);
  return KSP_COMMAND (self);
}

/* Adds @command (taking a reference); commands apply in the order added and revert in reverse. */
void
ksp_group_command_add (KspGroupCommand *self,
                       KspCommand      *command)
{
  g_return_if_fail (KSP_IS_GROUP_COMMAND (self));
  g_ptr_array_add (self->commands, g_object_ref (command));
}

/* Adds @command and takes it over (for a command just made); see ksp_group_command_add(). */
void
ksp_group_command_take (KspGroupCommand *self,
                        KspCommand      *command)
{
  g_return_if_fail (KSP_IS_GROUP_COMMAND (self));
  g_ptr_array_add (self->commands, command);
}
