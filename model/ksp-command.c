/* ksp-command.c: the base of every edit */
#include "ksp-command.h"

typedef struct
{
  char   *user;
  gint64  time; /* g_get_real_time() when executed */
} KspCommandPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (KspCommand, ksp_command, G_TYPE_OBJECT)

static gboolean
ksp_command_real_merge (KspCommand *self,
                        KspCommand *next)
{
  return FALSE;
}

static const char *
ksp_command_real_get_node_id (KspCommand *self)
{
  return NULL;
}

static void
ksp_command_finalize (GObject *object)
{
  KspCommandPrivate *priv = ksp_command_get_instance_private (KSP_COMMAND (object));
  g_free (priv->user);
  G_OBJECT_CLASS (ksp_command_parent_class)->finalize (object);
}

static void
ksp_command_class_init (KspCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ksp_command_finalize;
  klass->merge = ksp_command_real_merge;
  klass->get_node_id = ksp_command_real_get_node_id;
}

static void
ksp_command_init (KspCommand *self)
{
}

gboolean
ksp_command_apply (KspCommand  *self,
                   KspDocument *doc,
                   GError     **error)
{
  g_return_val_if_fail (KSP_IS_COMMAND (self), FALSE);
  return KSP_COMMAND_GET_CLASS (self)->apply (self, doc, error);
}

gboolean
ksp_command_revert (KspCommand  *self,
                    KspDocument *doc,
                    GError     **error)
{
  g_return_val_if_fail (KSP_IS_COMMAND (self), FALSE);
  return KSP_COMMAND_GET_CLASS (self)->revert (self, doc, error);
}

gboolean
ksp_command_merge (KspCommand *self,
                   KspCommand *next)
{
  g_return_val_if_fail (KSP_IS_COMMAND (self), FALSE);
  if (G_OBJECT_TYPE (self) != G_OBJECT_TYPE (next) ||
      g_strcmp0 (ksp_command_get_user (self), ksp_command_get_user (next)) != 0)
    return FALSE;
  return KSP_COMMAND_GET_CLASS (self)->merge (self, next);
}

char *
ksp_command_describe (KspCommand *self)
{
  g_return_val_if_fail (KSP_IS_COMMAND (self), NULL);
  return KSP_COMMAND_GET_CLASS (self)->describe (self);
}

/**
 * ksp_command_get_node_id:
 * Returns: (nullable): the ID of the element the command changes, for the audit trail
 */
const char *
ksp_command_get_node_id (KspCommand *self)
{
  g_return_val_if_fail (KSP_IS_COMMAND (self), NULL);
  return KSP_COMMAND_GET_CLASS (self)->get_node_id (self);
}

const char *
ksp_command_get_user (KspCommand *self)
{
  KspCommandPrivate *priv = ksp_command_get_instance_private (self);
  return priv->user;
}

void
ksp_command_set_user (KspCommand *self,
                      const char *user)
{
  KspCommandPrivate *priv = ksp_command_get_instance_private (self);
  g_free (priv->user);
  priv->user = g_strdup (user);
}

gint64
ksp_command_get_time (KspCommand *self)
{
  KspCommandPrivate *priv = ksp_command_get_instance_private (self);
  return priv->time;
}

void
ksp_command_set_time (KspCommand *self,
                      gint64      usec)
{
  KspCommandPrivate *priv = ksp_command_get_instance_private (self);
  priv->time = usec;
}
