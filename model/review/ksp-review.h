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
 *  - recording people and roles needs the administrator role;
 *  - the author titles an open or submitted change set; splits an open one (the changes to some elements
 *    go into a new open change set of theirs) and merges two open ones of one standard: entries of the log
 *    never change, so a split or a merge is an entry of its own ("reassign" records naming the entries
 *    moved, by their hashes) and the store keeps where each moved entry belongs now
 *    (ksp_store_dup_membership); counting and listing a set's entries (n_entries, ksp_review_list_entries),
 *    the draft before it, its revert and the check before publishing go by that. A merged-away change set
 *    is "merged" and empty. An author's edits go into their first open change set;
 *  - inside a submitted change set a reviewer (not its author) approves or rejects single changes (a change
 *    is ksp_change_dup_key of the diff of ksp_review_dup_before against the draft; a rejection needs a
 *    reason), each an entry of the log ("decision" records); the author reverts a rejected change in one
 *    step (ksp_review_revert_change: a change of theirs, in their open change set; the draft before the set
 *    undoes that revert too, so the set then shows without the change); approving the set is refused while
 *    one of its changes is rejected and not reverted, and approves those nobody decided on.
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

/* The entries of change set @id's edits, where splits and merges put them, in the order of the log.
 * Returns: (transfer full) (element-type KspLogEntry) */
GPtrArray    *ksp_review_list_entries     (KspStore     *store,
                                           gint64        id,
                                           GError      **error);
/* ksp_change_log_history_of() of the standard's log, each entry naming the change set it belongs to now
 * (its change_set set so: for showing, not for checking the chain). */
GPtrArray    *ksp_review_dup_history_of   (KspStore     *store,
                                           const char   *standard_id,
                                           const char   *element_id,
                                           GError      **error);

/* By the author, of an open or submitted change set; NULL or "" takes the title away. */
gboolean      ksp_review_set_title        (KspStore     *store,
                                           gint64        id,
                                           const char   *account,
                                           const char   *title,
                                           GError      **error);
/* Moves the changes of open change set @id to the elements @element_ids (their own records: an entry that
 * also changes another element is refused, naming it) into a new open change set of its author, titled
 * @title (nullable). Returns: the new change set's ID, 0 with @error. */
gint64        ksp_review_split            (KspStore     *store,
                                           gint64        id,
                                           const char *const *element_ids,
                                           const char   *account,
                                           const char   *title,
                                           GError      **error);
/* Moves every change of open change set @from into open change set @into (one author's, one standard's);
 * @from becomes "merged". */
gboolean      ksp_review_merge            (KspStore     *store,
                                           gint64        into,
                                           gint64        from,
                                           const char   *account,
                                           GError      **error);

/* A decision on one change of a change set (the last one made on it). */
typedef struct {
  char   *change_key;   /* ksp_change_dup_key */
  char   *element_id;
  char   *verdict;      /* "approved", "rejected", "reverted" (rejected, then reverted by its author) */
  char   *reason;       /* (nullable) why it was rejected */
  char   *reviewer;     /* who approved or rejected it */
  char   *decided_at;
  char   *reverted_by;  /* (nullable) */
  char   *reverted_in;  /* (nullable) the hash of the log entry that reverted it */
  gint64  entry_id;     /* the log entry of the last decision */
} KspChangeDecision;

void          ksp_change_decision_free    (KspChangeDecision *decision);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspChangeDecision, ksp_change_decision_free)
/* Returns: (transfer none) (nullable): the decision on @change_key in @decisions (ksp_review_list_decisions). */
KspChangeDecision *ksp_change_decisions_lookup (GPtrArray  *decisions,
                                                const char *change_key);

/* Returns: (transfer full) (element-type KspChangeDecision): the decisions on change set @id's changes, in
 * the order they were first made (changes nobody decided on are not in it). */
GPtrArray    *ksp_review_list_decisions   (KspStore     *store,
                                           gint64        id,
                                           GError      **error);
/* By a reviewer who is not the author, in a submitted change set; @draft_root: the draft the change is
 * a change of (KSP_REVIEW_ERROR_INVALID when change set @id has no change @change_key). */
gboolean      ksp_review_approve_change   (KspStore     *store,
                                           KspNode      *draft_root,
                                           gint64        id,
                                           const char   *change_key,
                                           const char   *account,
                                           GError      **error);
gboolean      ksp_review_reject_change    (KspStore     *store,
                                           KspNode      *draft_root,
                                           gint64        id,
                                           const char   *change_key,
                                           const char   *account,
                                           const char   *reason,
                                           GError      **error);
/* By the author: undoes the rejected change @change_key of submitted change set @id in @draft, as one
 * command (a change of theirs), and records it reverted. */
gboolean      ksp_review_revert_change    (KspStore     *store,
                                           KspDocument  *draft,
                                           gint64        id,
                                           const char   *change_key,
                                           const char   *account,
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
