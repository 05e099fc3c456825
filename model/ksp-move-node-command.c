/* ksp-move-node-command.c: move an element; its ID stays, so editions still match it */
#include "ksp-move-node-command.h"
#include "ksp-document-private.h"

struct _KspMoveNodeCommand
{
  KspCommand parent_instance;
  char      *node_id;
  char      *new_parent_id;
  guint      new_position;
  char      *old_parent_id;
  guint      old_position;
};

G_DEFINE_FINAL_TYPE (KspMoveNodeCommand, ksp_move_node_command, KSP_TYPE_COMMAND)

static gboolean
ksp_move_node_command_apply (KspCommand  *command,
                             KspDocument *doc,
                             GError     **error)
{
  KspMoveNodeCommand *self = KSP_MOVE_NODE_COMMAND (command);
  KspNode *node = _ksp_document_require (doc, self->node_id, error);
  KspNode *new_parent = node ? _ksp_document_require (doc, self->new_parent_id, error) : NULL;
  KspNode *old_parent;

  if (new_parent == NULL)
    return FALSE;
  old_parent = ksp_node_get_parent (node);
  if (old_parent == NULL)
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID,
                   "the root of a document cannot be moved");
      return FALSE;
    }
  g_free (self->old_parent_id);
  self->old_parent_id = g_strdup (ksp_node_get_id (old_parent));
  ksp_node_find_child (old_parent, node, &self->old_position);
  return _ksp_document_op_move (doc, node, new_parent, self->new_position, error);
}

static gboolean
ksp_move_node_command_revert (KspCommand  *command,
                              KspDocument *doc,
                              GError     **error)
{
  KspMoveNodeCommand *self = KSP_MOVE_NODE_COMMAND (command);
  KspNode *node = _ksp_document_require (doc, self->node_id, error);
  KspNode *old_parent = node ? _ksp_document_require (doc, self->old_parent_id, error) : NULL;

  return old_parent != NULL && _ksp_document_op_move (doc, node, old_parent, self->old_position, error);
}

static char *
ksp_move_node_command_describe (KspCommand *command)
{
  KspMoveNodeCommand *self = KSP_MOVE_NODE_COMMAND (command);
  return g_strdup_printf ("move %s to %s at %u", self->node_id, self->new_parent_id, self->new_position);
}

static const char *
ksp_move_node_command_get_node_id (KspCommand *command)
{
  return KSP_MOVE_NODE_COMMAND (command)->node_id;
}

static void
ksp_move_node_command_finalize (GObject *object)
{
  KspMoveNodeCommand *self = KSP_MOVE_NODE_COMMAND (object);

  g_free (self->node_id);
  g_free (self->new_parent_id);
  g_free (self->old_parent_id);
  G_OBJECT_CLASS (ksp_move_node_command_parent_class)->finalize (object);
}

static void
ksp_move_node_command_class_init (KspMoveNodeCommandClass *klass)
{
  KspCommandClass *command_class = KSP_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ksp_move_node_command_finalize;
  command_class->apply = ksp_move_node_command_apply;
  command_class->revert = ksp_move_node_command_revert;
  command_class->describe = ksp_move_node_command_describe;
  command_class->get_node_id = ksp_move_node_command_get_node_id;
}

static void
ksp_move_node_command_init (KspMoveNodeCommand *self)
{
}

/**
 * ksp_move_node_command_new:
 * @new_position: the index among the new parent's children once the node has left its old place
 */
KspCommand *
ksp_move_node_command_new (const char *node_id,
                           const char *new_parent_id,
                           guint       new_position)
{
  KspMoveNodeCommand *self = g_object_new (KSP_TYPE_MOVE_NODE_COMMAND, NULL);

  self->node_id = g_strdup (node_id);
  self->new_parent_id = g_strdup (new_parent_id);
  self->new_position = new_position;
  return KSP_COMMAND (self);
}
