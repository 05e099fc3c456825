/* ksp-review-private.h: what ksp-review.c and ksp-comments.c share
 *
 * Refusals are messages of the catalogue (model/ksp-messages.c, ids "review.…"): an id and its arguments,
 * rendered in the interface's language (ksp_ui_lang_default) when the error is made.
 */
#pragma once

#include "ksp-messages.h"
#include "ksp-review.h"

G_BEGIN_DECLS

/* Sets @error to message @message_id of the catalogue with its arguments (message arguments: data from
 * ksp_message_arg_text, terms from _ksp_review_arg_term; a NULL ends them). */
void  _ksp_review_set_error   (GError     **error,
                               GQuark       domain,
                               gint         code,
                               const char  *message_id,
                               ...) G_GNUC_NULL_TERMINATED;

/* Message arguments: a number; a term of the catalogue; a change set's status (its term when there is one). */
char *_ksp_review_arg_id      (gint64       id);
char *_ksp_review_arg_term    (const char  *term_id);
char *_ksp_review_arg_status  (const char  *status);

G_END_DECLS
