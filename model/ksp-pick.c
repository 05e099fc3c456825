/* ksp-pick.c: see ksp-pick.h */
#include "ksp-pick.h"

#include <string.h>

#include "ksp-group-command.h"
#include "ksp-set-value-command.h"

/* Adds a command setting @field of @node to @value when it differs. */
static void
set_if_different (KspGroupCommand *group,
                  KspNode         *node,
                  const char      *field,
                  KspLang          lang,
                  const char      *value)
{
  if (g_strcmp0 (ksp_node_get_value (node, field, lang), value) != 0)
    ksp_group_command_take (group, ksp_set_value_command_new (ksp_node_get_id (node), field, lang, value));
}

/**
 * ksp_document_pick_occupation:
 * @card: a "card" element
 * @code: an НКЗ occupation code (NNNN-N-NNN)
 */
gboolean
ksp_document_pick_occupation (KspDocument *self,
                              KspNode     *card,
                              const char  *code,
                              GError     **error)
{
  g_autoptr (KspCommand) group = ksp_group_command_new ("choose occupation");
  g_autofree char *group_code = g_strdup (code);
  char *dash = strrchr (group_code, '-');

  g_return_val_if_fail (KSP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  if (!g_str_equal (ksp_node_get_kind (card), "card"))
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID, "an occupation is chosen for a card");
      return FALSE;
    }
  set_if_different (KSP_GROUP_COMMAND (group), card, "occupation_code", KSP_LANG_NONE, code);
  if (dash)
    {
      *dash = '\0';
      set_if_different (KSP_GROUP_COMMAND (group), card, "group_code", KSP_LANG_NONE, group_code);
    }
  return ksp_document_execute (self, group, error);
}

/**
 * ksp_document_pick_oked:
 * @oked: an "oked" element
 * @subclass: an ОКЭД subclass code the classifiers know (e.g. 88.10.0)
 */
gboolean
ksp_document_pick_oked (KspDocument    *self,
                        KspNode        *oked,
                        KspClassifiers *classifiers,
                        const char     *subclass,
                        GError        **error)
{
  static const char *const fields[][2] = {
    [KSP_OKED_RANK_SECTION] = { "section_code", "section_name" },
    [KSP_OKED_RANK_DIVISION] = { "division_code", "division_name" },
    [KSP_OKED_RANK_GROUP] = { "group_code", "group_name" },
    [KSP_OKED_RANK_CLASS] = { "class_code", "class_name" },
    [KSP_OKED_RANK_SUBCLASS] = { "subclass_code", "subclass_name" },
  };
  g_autoptr (KspCommand) group = ksp_group_command_new ("choose OKED");
  const char *code = subclass;

  g_return_val_if_fail (KSP_IS_DOCUMENT (self), FALSE);
  if (!g_str_equal (ksp_node_get_kind (oked), "oked") || ksp_oked_rank_of_code (subclass) != KSP_OKED_RANK_SUBCLASS ||
      ksp_classifiers_lookup_oked (classifiers, subclass) == NULL)
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID,
                   "«%s» is not an ОКЭД subclass the classifiers know", subclass);
      return FALSE;
    }
  /* From the subclass up to its section. */
  for (int guard = 0; code && guard < 5; guard++)
    {
      KspOkedRank rank = ksp_oked_rank_of_code (code);
      if (rank == KSP_OKED_RANK_INVALID)
        break;
      set_if_different (KSP_GROUP_COMMAND (group), oked, fields[rank][0], KSP_LANG_NONE, code);
      set_if_different (KSP_GROUP_COMMAND (group), oked, fields[rank][1], KSP_LANG_RU,
                        ksp_classifiers_lookup_oked (classifiers, code));
      code = ksp_classifiers_get_oked_parent (classifiers, code);
    }
  return ksp_document_execute (self, group, error);
}
