/* ksp-review-marks.h: which elements of a standard have open comments or changes waiting for review
 *
 * The outline marks them so that a reviewer finds what is left to look at and a drafter what was said.
 * An element is marked for:
 *  - KSP_MARK_COMMENT: a thread on it (or on one of its fields) that is not resolved;
 *  - KSP_MARK_PENDING: a change to it (a value, its number, it inserted or moved, a child deleted) in a
 *    change set that is open, submitted or rejected and not reverted — only once review is set up
 *    (ksp-review.h: in a workspace of one nothing waits for approval);
 * and each ancestor of a marked element gets the _INSIDE flag of the same kind, so that a collapsed card
 * says it holds something. Computed from the store's rows (comments, change sets, the change log); no
 * backend assumption.
 */
#pragma once

#include "ksp-document.h"
#include "ksp-store.h"

G_BEGIN_DECLS

typedef enum {
  KSP_MARK_COMMENT        = 1 << 0,
  KSP_MARK_PENDING        = 1 << 1,
  KSP_MARK_INSIDE_COMMENT = 1 << 2,
  KSP_MARK_INSIDE_PENDING = 1 << 3,
} KspMark;

/* Returns: (transfer full) (element-type utf8 guint): element ID → KspMark flags (as GUINT_TO_POINTER), for
 * the elements of @draft marked. @comments, @log and @membership: (nullable) the standard's rows when the
 * caller has them (else read from @store). */
GHashTable *ksp_review_marks_compute (KspStore    *store,
                                      KspDocument *draft,
                                      GPtrArray   *comments,
                                      GPtrArray   *log,
                                      GHashTable  *membership,
                                      GError     **error);

/* Whether the change set status @status still waits for something (open, submitted, rejected). */
gboolean    ksp_review_status_is_pending (const char *status);

G_END_DECLS
