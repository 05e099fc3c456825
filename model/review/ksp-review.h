/* ksp-review.h: people, roles and change sets — who may draft, review and publish, and how a change set
 * goes from open to published
 *
 * People are accounts of the store (for SQLite the OS account, or the one given with `kasip --as`) with a
 * name shown and roles: drafter, reviewer, publisher, administrator (a person may hold several). A
 * workspace where nobody holds a role yet is a workspace of one: every role is everyone's, and there is
 * nothing to approve (review is set up by giving the first person roles; names recorded alone, as anyone
 * may record their own with ksp_review_set_own_name, do not set it up). Once someone holds a role:
 *  - editing the draft needs the drafter role (KspDocument asks ksp_review_require before each step);
 *  - a drafter's edits go into their open change set for the standard, made at their first edit
 *    (KspDocument gives each log entry its change set);
 *  - the author submits it (open → submitted); a reviewer approves or rejects it (a reason is required);
 *    a rejected one is reverted in one step (rejected → reverted; the revert is a change of its own);
 *    **nobody approves or rejects a change set they authored** — refused here, not only in a view;
 *  - freezing an edition needs the publisher role and is refused while a change set that has entries is
 *    open, submitted or rejected (the message names them); the approved ones become published;
 *  - recording people and roles needs the administrator role.
 * Every status change is an entry of the change log (action "review", a "status" record), so the review
 * is as tamper-evident as the edits. Policy only: the rows are the store's (ksp-store.h).
 *
 * Refusals (here and in ksp-comments.h) are messages of the catalogue (model/ksp-messages.c, "review.…"),
 * their text rendered in the interface's language (ksp_ui_lang_default) when the error is made.
 */
#pragma once

#include "ksp-document.h"
#include "ksp-store.h"

G_BEGIN_DECLS

#define KSP_REVIEW_ERROR (ksp_review_error_quark ())
GQuark ksp_review_error_quark (void);

typedef enum {
  KSP_REVIEW_ERROR_FORBIDDEN,     /* the person does not hold the role */
  KSP_REVIEW_ERROR_OWN,           /* a reviewer's own change set */
  KSP_REVIEW_ERROR_STATUS,        /* not in a status that allows it */
  KSP_REVIEW_ERROR_NO_REASON,     /* a rejection without a reason */
  KSP_REVIEW_ERROR_PENDING,       /* publishing with change sets not approved */
  KSP_REVIEW_ERROR_INVALID,       /* an unknown role */
} KspReviewError;

typedef enum {
  KSP_ROLE_DRAFTER   = 1 << 0,
  KSP_ROLE_REVIEWER  = 1 << 1,
  KSP_ROLE_PUBLISHER = 1 << 2,
  KSP_ROLE_ADMIN     = 1 << 3,
} KspRoles;

#define KSP_ROLES_ALL (KSP_ROLE_DRAFTER | KSP_ROLE_REVIEWER | KSP_ROLE_PUBLISHER | KSP_ROLE_ADMIN)

/* "drafter,reviewer" (also "admin" for administrator); FALSE with @error naming an unknown role. */
gboolean      ksp_roles_parse             (const char   *text,
                                           KspRoles     *out,
                                           GError      **error);
char         *ksp_roles_to_string         (KspRoles      roles);

/* Whether somebody holds a role (review is set up): people recorded with a name alone do not set it up. */
gboolean      ksp_review_is_set_up        (KspStore     *store,
                                           GError      **error);
/* The roles of @account: all of them in a workspace of one, none for an account not recorded (or recorded
 * with a name alone). */
KspRoles      ksp_review_roles_of         (KspStore     *store,
                                           const char   *account,
                                           GError      **error);
/* FALSE with KSP_REVIEW_ERROR_FORBIDDEN naming @account, the role and @what it is needed for. */
gboolean      ksp_review_require          (KspStore     *store,
                                           const char   *account,
                                           KspRoles      role,
                                           const char   *what,
                                           GError      **error);

/* Records @account (or changes its name and roles). By an administrator once review is set up; the
 * first person recorded is made an administrator too, so that someone can go on. */
gboolean      ksp_review_set_person       (KspStore     *store,
                                           const char   *by,
                                           const char   *account,
                                           const char   *display_name,
                                           KspRoles      roles,
                                           GError      **error);

/* Records or changes @account's own name shown; anyone may (no role needed), and doing so neither sets
 * review up nor changes roles. FALSE with KSP_REVIEW_ERROR_INVALID for an empty name. */
gboolean      ksp_review_set_own_name     (KspStore     *store,
                                           const char   *account,
                                           const char   *display_name,
                                           GError      **error);
/* Returns: (transfer full) (nullable): @account's row; NULL without @error when it is not recorded. */
KspPerson    *ksp_review_find_person      (KspStore     *store,
                                           const char   *account,
                                           GError      **error);

KspChangeSet *ksp_review_find             (KspStore     *store,
                                           gint64        id,
                                           GError      **error);
gboolean      ksp_review_submit           (KspStore     *store,
                                           gint64        id,
                                           const char   *account,
                                           const char   *title,
                                           GError      **error);
gboolean      ksp_review_approve          (KspStore     *store,
                                           gint64        id,
                                           const char   *account,
                                           GError      **error);
gboolean      ksp_review_reject           (KspStore     *store,
                                           gint64        id,
                                           const char   *account,
                                           const char   *reason,
                                           GError      **error);

/* Undoes every change of the rejected change set @id in @draft, as one command (in @account's own change
 * set: a revert is a change too), then marks it reverted. Refused, with nothing done, when an element it
 * changed was changed again since (the message names it). */
gboolean      ksp_review_revert           (KspStore     *store,
                                           KspDocument  *draft,
                                           gint64        id,
                                           const char   *account,
                                           GError      **error);

/* The draft as it was before change set @id: a copy of @draft_root with its changes undone (for the
 * compare view: before → the draft shows exactly the set's changes). NULL with @error when a later change
 * touched the same element. */
KspNode      *ksp_review_dup_before       (KspStore     *store,
                                           KspNode      *draft_root,
                                           gint64        id,
                                           GError      **error);

/* Before an edition: @account must be a publisher and no change set of @standard_id with entries may be
 * open, submitted or rejected (KSP_REVIEW_ERROR_PENDING lists them). TRUE in a workspace of one. */
gboolean      ksp_review_check_publishable (KspStore    *store,
                                           const char   *standard_id,
                                           const char   *account,
                                           GError      **error);
/* After an edition: the approved change sets of @standard_id become published. */
gboolean      ksp_review_mark_published   (KspStore     *store,
                                           const char   *standard_id,
                                           const char   *account,
                                           GError      **error);

G_END_DECLS
