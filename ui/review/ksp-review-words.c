/* ksp-review-words.c: statuses and roles in the interface language (see ksp-review-words.h) */
#include "config.h"

#include <glib/gi18n.h>

#include "ksp-review-words.h"

const char *
ksp_review_status_text (const char *status)
{
  if (g_strcmp0 (status, "open") == 0)
    return _("open");
  if (g_strcmp0 (status, "submitted") == 0)
    return _("submitted");
  if (g_strcmp0 (status, "approved") == 0)
    return _("approved");
  if (g_strcmp0 (status, "rejected") == 0)
    return _("rejected");
  if (g_strcmp0 (status, "reverted") == 0)
    return _("reverted");
  if (g_strcmp0 (status, "published") == 0)
    return _("published");
  return status;
}

char *
ksp_review_roles_text (KspRoles roles)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  if (roles & KSP_ROLE_DRAFTER)
    g_ptr_array_add (names, (gpointer) _("drafter"));
  if (roles & KSP_ROLE_REVIEWER)
    g_ptr_array_add (names, (gpointer) _("reviewer"));
  if (roles & KSP_ROLE_PUBLISHER)
    g_ptr_array_add (names, (gpointer) _("publisher"));
  if (roles & KSP_ROLE_ADMIN)
    g_ptr_array_add (names, (gpointer) _("administrator"));
  if (names->len == 0)
    return g_strdup (_("no role"));
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}
