/* ksp-set-value-command.c: change one field of one element in one language */
#include "ksp-set-value-command.h"
#include "ksp-document-private.h"

struct _KspSetValueCommand
{
  KspCommand parent_instance;
  char      *node_id;
  char      *field;
  KspLang    lang;
  char      *old_value;
  char      *new_value;
  gboolean   captured; /* old_value holds the value before the first apply */
  char      *follower; /* a field of the same element that takes the same value while the two agree */
  char      *old_follower;
  gboolean   follows;  /* the follower agreed (or was absent) before the first apply */
  gboolean   has_expected;
  char      *expected; /* what the user saw before typing (ksp_set_value_command_set_expected) */
};

G_DEFINE_FINAL_TYPE (KspSetValueCommand, ksp_set_value_command, KSP_TYPE_COMMAND)

static gboolean
ksp_set_value_command_apply (KspCommand  *command,
                             KspDocument *doc,
                             GError     **error)
{
  KspSetValueCommand *self = KSP_SET_VALUE_COMMAND (command);
  KspNode *node = _ksp_document_require (doc, self->node_id, error);

  if (node == NULL)
    return FALSE;
  if (!self->captured && self->has_expected &&
      !_ksp_document_check_expected (doc, node, self->field, self->lang, self->expected, self->new_value, error))
    return FALSE;
  if (!self->captured)
    {
      const KspFieldSpec *spec = ksp_kind_lookup_field (ksp_node_get_kind_spec (node), self->field);
      if (spec != NULL)
        self->old_value = g_strdup (ksp_node_get_value (node, self->field, self->lang));
      if (self->follower)
        {
          self->old_follower = g_strdup (ksp_node_get_value (node, self->follower, self->lang));
          self->follows = self->old_follower == NULL || g_strcmp0 (self->old_follower, self->old_value) == 0;
        }
    }
  if (!_ksp_document_op_set_value (doc, node, self->field, self->lang, self->new_value, error))
    return FALSE;
  if (self->follows && !_ksp_document_op_set_value (doc, node, self->follower, self->lang, self->new_value, error))
    return FALSE;
  self->captured = TRUE;
  return TRUE;
}

static gboolean
ksp_set_value_command_revert (KspCommand  *command,
                              KspDocument *doc,
                              GError     **error)
{
  KspSetValueCommand *self = KSP_SET_VALUE_COMMAND (command);
  KspNode *node = _ksp_document_require (doc, self->node_id, error);

  if (node == NULL)
    return FALSE;
  if (self->follows && !_ksp_document_op_set_value (doc, node, self->follower, self->lang, self->old_follower, error))
    return FALSE;
  return _ksp_document_op_set_value (doc, node, self->field, self->lang, self->old_value, error);
}

static gboolean
ksp_set_value_command_merge (KspCommand *command,
                             KspCommand *next_command)
{
  KspSetValueCommand *self = KSP_SET_VALUE_COMMAND (command);
  KspSetValueCommand *next = KSP_SET_VALUE_COMMAND (next_command);

  if (g_strcmp0 (self->node_id, next->node_id) != 0 || g_strcmp0 (self->field, next->field) != 0 ||
      self->lang != next->lang || g_strcmp0 (self->follower, next->follower) != 0 || self->follows != next->follows ||
      /* typing over another person's change (what the next one saw is not what this one left) */
      (next->has_expected && g_strcmp0 (next->expected, self->new_value) != 0) ||
      ksp_command_get_time (next_command) - ksp_command_get_time (command) > KSP_SET_VALUE_MERGE_USEC)
    return FALSE;
  g_free (self->new_value);
  self->new_value = g_strdup (next->new_value);
  ksp_command_set_time (command, ksp_command_get_time (next_command));
  return TRUE;
}

static char *
ksp_set_value_command_describe (KspCommand *command)
{
  KspSetValueCommand *self = KSP_SET_VALUE_COMMAND (command);
  const char *lang = ksp_lang_to_string (self->lang);

  return g_strdup_printf ("set %s%s%s of %s to «%s» (was «%s»)", self->field, *lang ? ":" : "", lang,
                          self->node_id, self->new_value ? self->new_value : "(absent)",
                          self->old_value ? self->old_value : "(absent)");
}

static const char *
ksp_set_value_command_get_node_id (KspCommand *command)
{
  return KSP_SET_VALUE_COMMAND (command)->node_id;
}

static void
ksp_set_value_command_finalize (GObject *object)
{
  KspSetValueCommand *self = KSP_SET_VALUE_COMMAND (object);

  g_free (self->node_id);
  g_free (self->field);
  g_free (self->old_value);
  g_free (self->new_value);
  g_free (self->follower);
  g_free (self->old_follower);
  g_free (self->expected);
  G_OBJECT_CLASS (ksp_set_value_command_parent_class)->finalize (object);
}

static void
ksp_set_value_command_class_init (KspSetValueCommandClass *klass)
{
  KspCommandClass *command_class = KSP_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ksp_set_value_command_finalize;
  command_class->apply = ksp_set_value_command_apply;
  command_class->revert = ksp_set_value_command_revert;
  command_class->merge = ksp_set_value_command_merge;
  command_class->describe = ksp_set_value_command_describe;
  command_class->get_node_id = ksp_set_value_command_get_node_id;
}

static void
ksp_set_value_command_init (KspSetValueCommand *self)
{
}

/**
 * ksp_set_value_command_new:
 * @value: (nullable): the new value; %NULL makes the field absent, "" empty
 */
KspCommand *
ksp_set_value_command_new (const char *node_id,
                           const char *field,
                           KspLang     lang,
                           const char *value)
{
  KspSetValueCommand *self = g_object_new (KSP_TYPE_SET_VALUE_COMMAND, NULL);

  self->node_id = g_strdup (node_id);
  self->field = g_strdup (field);
  self->lang = lang;
  self->new_value = g_strdup (value);
  return KSP_COMMAND (self);
}

/**
 * ksp_set_value_command_new_linked:
 * @follower: another field of the element, in the same language, that takes @value too when it was
 *   absent or equal to @field before (a labour function's entry in the list follows its heading)
 */
KspCommand *
ksp_set_value_command_new_linked (const char *node_id,
                                  const char *field,
                                  KspLang     lang,
                                  const char *value,
                                  const char *follower)
{
  KspSetValueCommand *self = KSP_SET_VALUE_COMMAND (ksp_set_value_command_new (node_id, field, lang, value));

  self->follower = g_strdup (follower);
  return KSP_COMMAND (self);
}

void
ksp_set_value_command_set_expected (KspSetValueCommand *self,
                                    const char         *expected)
{
  g_return_if_fail (KSP_IS_SET_VALUE_COMMAND (self));

  self->has_expected = TRUE;
  g_free (self->expected);
  self->expected = g_strdup (expected);
}
