/* ksp-insert-node-command.c: add an element (with its subtree) under a parent */
#include "ksp-insert-node-command.h"
#include "ksp-document-private.h"

struct _KspInsertNodeCommand
{
  KspCommand parent_instance;
  char      *parent_id;
  guint      position;
  KspNode   *node;
};

G_DEFINE_FINAL_TYPE (KspInsertNodeCommand, ksp_insert_node_command, KSP_TYPE_COMMAND)

static gboolean
ksp_insert_node_command_apply (KspCommand  *command,
                               KspDocument *doc,
                               GError     **error)
{
  KspInsertNodeCommand *self = KSP_INSERT_NODE_COMMAND (command);
  KspNode *parent = _ksp_document_require (doc, self->parent_id, error);

  return parent != NULL && _ksp_document_op_insert (doc, parent, self->position, self->node, error);
}

static gboolean
ksp_insert_node_command_revert (KspCommand  *command,
                                KspDocument *doc,
                                GError     **error)
{
  KspInsertNodeCommand *self = KSP_INSERT_NODE_COMMAND (command);
  return _ksp_document_op_remove (doc, self->node, error);
}

static char *
ksp_insert_node_command_describe (KspCommand *command)
{
  KspInsertNodeCommand *self = KSP_INSERT_NODE_COMMAND (command);
  g_autofree char *label = ksp_node_dup_label (self->node, KSP_LANG_RU);

  return g_strdup_printf ("insert %s %s «%s» under %s at %u", ksp_node_get_kind (self->node),
                          ksp_node_get_id (self->node), label, self->parent_id, self->position);
}

static const char *
ksp_insert_node_command_get_node_id (KspCommand *command)
{
  return ksp_node_get_id (KSP_INSERT_NODE_COMMAND (command)->node);
}

static void
ksp_insert_node_command_finalize (GObject *object)
{
  KspInsertNodeCommand *self = KSP_INSERT_NODE_COMMAND (object);

  g_free (self->parent_id);
  g_clear_object (&self->node);
  G_OBJECT_CLASS (ksp_insert_node_command_parent_class)->finalize (object);
}

static void
ksp_insert_node_command_class_init (KspInsertNodeCommandClass *klass)
{
  KspCommandClass *command_class = KSP_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ksp_insert_node_command_finalize;
  command_class->apply = ksp_insert_node_command_apply;
  command_class->revert = ksp_insert_node_command_revert;
  command_class->describe = ksp_insert_node_command_describe;
  command_class->get_node_id = ksp_insert_node_command_get_node_id;
}

static void
ksp_insert_node_command_init (KspInsertNodeCommand *self)
{
}

/**
 * ksp_insert_node_command_new:
 * @node: a node not yet in any tree; the command keeps it
 */
KspCommand *
ksp_insert_node_command_new (const char *parent_id,
                             guint       position,
                             KspNode    *node)
{
  KspInsertNodeCommand *self = g_object_new (KSP_TYPE_INSERT_NODE_COMMAND, NULL);

  self->parent_id = g_strdup (parent_id);
  self->position = position;
  self->node = g_object_ref (node);
  return KSP_COMMAND (self);
}
