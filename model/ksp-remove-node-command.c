/* ksp-remove-node-command.c: remove an element and its subtree; undo puts the same element back */
#include "ksp-remove-node-command.h"
#include "ksp-document-private.h"

struct _KspRemoveNodeCommand
{
  KspCommand parent_instance;
  char      *node_id;
  KspNode   *node;      /* the removed subtree, kept for undo */
  char      *parent_id;
  guint      position;
};

G_DEFINE_FINAL_TYPE (KspRemoveNodeCommand, ksp_remove_node_command, KSP_TYPE_COMMAND)

static gboolean
ksp_remove_node_command_apply (KspCommand  *command,
                               KspDocument *doc,
                               GError     **error)
{
  KspRemoveNodeCommand *self = KSP_REMOVE_NODE_COMMAND (command);
  KspNode *node = _ksp_document_require (doc, self->node_id, error);
  KspNode *parent;

  if (node == NULL)
    return FALSE;
  parent = ksp_node_get_parent (node);
  if (parent == NULL)
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID,
                   "the root of a document cannot be removed");
      return FALSE;
    }
  g_set_object (&self->node, node);
  g_free (self->parent_id);
  self->parent_id = g_strdup (ksp_node_get_id (parent));
  ksp_node_find_child (parent, node, &self->position);
  return _ksp_document_op_remove (doc, node, error);
}

static gboolean
ksp_remove_node_command_revert (KspCommand  *command,
                                KspDocument *doc,
                                GError     **error)
{
  KspRemoveNodeCommand *self = KSP_REMOVE_NODE_COMMAND (command);
  KspNode *parent = _ksp_document_require (doc, self->parent_id, error);

  return parent != NULL && _ksp_document_op_insert (doc, parent, self->position, self->node, error);
}

static char *
ksp_remove_node_command_describe (KspCommand *command)
{
  KspRemoveNodeCommand *self = KSP_REMOVE_NODE_COMMAND (command);
  g_autofree char *label = self->node ? ksp_node_dup_label (self->node, KSP_LANG_RU) : NULL;

  return g_strdup_printf ("remove %s «%s»", self->node_id, label ? label : "");
}

static const char *
ksp_remove_node_command_get_node_id (KspCommand *command)
{
  return KSP_REMOVE_NODE_COMMAND (command)->node_id;
}

static void
ksp_remove_node_command_finalize (GObject *object)
{
  KspRemoveNodeCommand *self = KSP_REMOVE_NODE_COMMAND (object);

  g_free (self->node_id);
  g_free (self->parent_id);
  g_clear_object (&self->node);
  G_OBJECT_CLASS (ksp_remove_node_command_parent_class)->finalize (object);
}

static void
ksp_remove_node_command_class_init (KspRemoveNodeCommandClass *klass)
{
  KspCommandClass *command_class = KSP_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ksp_remove_node_command_finalize;
  command_class->apply = ksp_remove_node_command_apply;
  command_class->revert = ksp_remove_node_command_revert;
  command_class->describe = ksp_remove_node_command_describe;
  command_class->get_node_id = ksp_remove_node_command_get_node_id;
}

static void
ksp_remove_node_command_init (KspRemoveNodeCommand *self)
{
}

KspCommand *
ksp_remove_node_command_new (const char *node_id)
{
  KspRemoveNodeCommand *self = g_object_new (KSP_TYPE_REMOVE_NODE_COMMAND, NULL);
  self->node_id = g_strdup (node_id);
  return KSP_COMMAND (self);
}
