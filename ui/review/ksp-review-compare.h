/* ksp-review-compare.h: the compare view as a reviewer uses it — one change set's changes, Approve and
 * Reject… in its header, and beside each change the comments and history of the element it changed
 *
 * The view shows the draft before the change set against the draft (ksp_review_dup_before): exactly the
 * set's changes. The buttons are shown to a reviewer who is not the set's author while it is submitted;
 * the refusals are the model's. The side is a KspReviewPanel on the draft's element the selected change
 * is about (none for an element the set deleted). */
#pragma once

#include "ksp-compare-window.h"

G_BEGIN_DECLS

/* Opens the view of @change_set of the draft shown in @window. NULL with @error when the set cannot be
 * undone to show its "before" (a later change touched the same element). */
KspCompareWindow *ksp_review_compare_new (KspWindow  *window,
                                          gint64      change_set,
                                          GError    **error);

G_END_DECLS
