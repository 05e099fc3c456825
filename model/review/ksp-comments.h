/* ksp-comments.h: comments anchored to elements, in threads
 *
 * A comment is on an element — a card, a single knowledge item — or on one field of it in one language,
 * named by the element's stable ID, so it stays on its element through edits, renumbering and moves; a
 * comment on an element that was deleted stays, and ksp_comments_is_orphan() says so. A reply goes into
 * the thread of the comment it answers; the thread is resolved or reopened as a whole, by its author or a
 * reviewer. Anyone recorded in the workspace may comment (everyone in a workspace of one). Each comment and
 * each resolve / reopen is an entry of the change log (action "comment").
 */
#pragma once

#include "ksp-document.h"
#include "ksp-store.h"

G_BEGIN_DECLS

/* @field, @lang: (nullable) / NONE: the whole element. @reply_to: 0 to start a thread.
 * Returns: the comment's ID, 0 with @error. */
gint64      ksp_comments_add        (KspStore     *store,
                                     const char   *standard_id,
                                     KspNode      *element,
                                     const char   *field,
                                     KspLang       lang,
                                     gint64        reply_to,
                                     const char   *account,
                                     const char   *text,
                                     GError      **error);
/* Resolves (@resolved) or reopens the thread of comment @id. */
gboolean    ksp_comments_resolve    (KspStore     *store,
                                     gint64        id,
                                     const char   *account,
                                     gboolean      resolved,
                                     GError      **error);
/* Whether the element @comment is on is no longer in @draft. */
gboolean    ksp_comments_is_orphan  (const KspComment *comment,
                                     KspDocument  *draft);

G_END_DECLS
