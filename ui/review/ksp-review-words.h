/* ksp-review-words.h: the review's data (statuses, roles) as the interface says them
 *
 * The model keeps statuses and roles as stable identifiers ("submitted", KSP_ROLE_REVIEWER); these are
 * their names in the interface language, in one place for the Review dialog, the panel and the compare
 * view. */
#pragma once

#include "ksp-review.h"

G_BEGIN_DECLS

/* (transfer none): "submitted" → "submitted" / "отправлен" / "жіберілді"; an unknown one as it is */
const char *ksp_review_status_text (const char *status);
/* (transfer full): "drafter, reviewer"; "no role" for none */
char       *ksp_review_roles_text  (KspRoles    roles);

G_END_DECLS
