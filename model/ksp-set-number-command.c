/* ksp-set-number-command.c: see ksp-set-number-command.h */
#include "ksp-set-number-command.h"
#include "ksp-document-private.h"

struct _KspSetNumberCommand
{
  KspCommand parent_instance;
  char      *node_id;
  char      *old_number;
  char      *new_number;
  gboolean   captured;
};

G_DEFINE_FINAL_TYPE (KspSetNumberCommand, ksp_set_number_command, KSP_TYPE_COMMAND)

static gboolean
ksp_set_number_command_apply (KspCommand  *command,
                              KspDocument *doc,
                              GError     **error)
{
  KspSetNumberCommand *self = KSP_SET_NUMBER_COMMAND (command);
  KspNode *node = _ksp_document_require (doc, self->node_id, error);

  if (node == NULL)
    return FALSE;
  if (!self->captured)
    self->old_number = g_strdup (ksp_node_get_number (node));
  if (!_ksp_document_op_set_number (doc, node, self->new_number, error))
    return FALSE;
  self->captured = TRUE;
  return TRUE;
}

static gboolean
ksp_set_number_command_revert (KspCommand  *command,
                               KspDocument *doc,
                               GError     **error)
{
  KspSetNumberCommand *self = KSP_SET_NUMBER_COMMAND (command);
  KspNode *node = _ksp_document_require (doc, self->node_id, error);

  return node && _ksp_document_op_set_number (doc, node, self->old_number, error);
}

static char *
ksp_set_number_command_describe (KspCommand *command)
{
  KspSetNumberCommand *self = KSP_SET_NUMBER_COMMAND (command);

  return g_strdup_printf ("renumber %s «%s» (was «%s»)", self->node_id, self->new_number ? self->new_number : "",
                          self->old_number ? self->old_number : "");
}

static const char *
ksp_set_number_command_get_node_id (KspCommand *command)
{
  return KSP_SET_NUMBER_COMMAND (command)->node_id;
}

static void
ksp_set_number_command_finalize (GObject *object)
{
  KspSetNumberCommand *self = KSP_SET_NUMBER_COMMAND (object);

  g_free (self->node_id);
  g_free (self->old_number);
  g_free (self->new_number);
  G_OBJECT_CLASS (ksp_set_number_command_parent_class)->finalize (object);
}

static void
ksp_set_number_command_class_init (KspSetNumberCommandClass *klass)
{
  KspCommandClass *command_class = KSP_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ksp_set_number_command_finalize;
  command_class->apply = ksp_set_number_command_apply;
  command_class->revert = ksp_set_number_command_revert;
  command_class->describe = ksp_set_number_command_describe;
  command_class->get_node_id = ksp_set_number_command_get_node_id;
}

static void
ksp_set_number_command_init (KspSetNumberCommand *self)
{
}

/**
 * ksp_set_number_command_new:
 * @number: (nullable): the number as it is to be written, %NULL for none
 */
KspCommand *
ksp_set_number_command_new (const char *node_id,
                            const char *number)
{
  KspSetNumberCommand *self = g_object_new (KSP_TYPE_SET_NUMBER_COMMAND, NULL);

  self->node_id = g_strdup (node_id);
  self->new_number = g_strdup (number);
  return KSP_COMMAND (self);
}
