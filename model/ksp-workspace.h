/* ksp-workspace.h: the open workspace as a session — the store, its standards, who you are, what changed
 *
 * One KspWorkspace per open workspace, GTK-free: the editor window, its review panel, the compare view and
 * the CLI hold it instead of a bare store. It knows
 *  - the store and the standards in it;
 *  - the person working (the store's account, the name they are shown by, their roles: ksp-review.h);
 *  - the drafts it opened (ksp_workspace_open_draft), and what each edit, review step and comment
 *    changed: ::changed says which standard and what (KspWorkspaceChange), so that every view showing it
 *    follows, whoever made the change — other sessions' too, once watched (ksp_workspace_watch).
 * Review steps taken through it (submit, approve, reject, revert, comment, resolve) are the model's
 * (ksp-review.h, ksp-comments.h), with ::changed emitted after each.
 */
#pragma once

#include "ksp-document.h"
#include "ksp-review.h"
#include "ksp-store.h"

G_BEGIN_DECLS

typedef enum {
  KSP_WORKSPACE_CHANGED_LOG      = 1 << 0,  /* an edit, undo or redo: the change log grew */
  KSP_WORKSPACE_CHANGED_REVIEW   = 1 << 1,  /* a change set's status or title */
  KSP_WORKSPACE_CHANGED_COMMENTS = 1 << 2,  /* a comment added, a thread resolved or reopened */
  KSP_WORKSPACE_CHANGED_PEOPLE   = 1 << 3,  /* who you are, a name or roles */
} KspWorkspaceChange;

#define KSP_TYPE_WORKSPACE (ksp_workspace_get_type ())
G_DECLARE_FINAL_TYPE (KspWorkspace, ksp_workspace, KSP, WORKSPACE, GObject)

/* Takes a reference on @store; ksp_workspace_close() closes it. */
KspWorkspace *ksp_workspace_new              (KspStore     *store);
KspWorkspace *ksp_workspace_open             (const char   *uri,
                                              KspStoreOpenFlags flags,
                                              GError      **error);
void          ksp_workspace_close            (KspWorkspace *self);
KspStore     *ksp_workspace_get_store        (KspWorkspace *self);
/* (element-type KspStandardInfo): as listed when opened (or at the last ksp_workspace_reload_standards) */
GPtrArray    *ksp_workspace_get_standards    (KspWorkspace *self);
gboolean      ksp_workspace_reload_standards (KspWorkspace *self,
                                              GError      **error);

/* The draft of @info's document, watched: its edits emit ::changed (LOG). */
KspDocument  *ksp_workspace_open_draft       (KspWorkspace *self,
                                              gint64        draft_tree,
                                              GError      **error);

/* Other sessions' changes (a shared workspace): brought into the open drafts, then ::changed. */
void          ksp_workspace_watch            (KspWorkspace *self,
                                              gboolean      watch);
gboolean      ksp_workspace_refresh          (KspWorkspace *self,
                                              const char   *standard_id,
                                              GError      **error);
/* Who has what open (a lease said to the other sessions, ::presence-changed when theirs changes). */
void          ksp_workspace_set_presence     (KspWorkspace *self,
                                              const char   *standard_id,
                                              const char   *element_id);
GHashTable   *ksp_workspace_dup_presence     (KspWorkspace *self,
                                              const char   *standard_id);
/* Who is working: the store's account. Working as another (the CLI's --as, tests) only where the store
 * allows it (ksp_store_act_as); emits ::changed (PEOPLE). */
const char   *ksp_workspace_get_account      (KspWorkspace *self);
gboolean      ksp_workspace_set_account      (KspWorkspace *self,
                                              const char   *account,
                                              GError      **error);
/* The name @account (NULL: yours) is shown by: the one recorded, else the account. */
char         *ksp_workspace_dup_display_name (KspWorkspace *self,
                                              const char   *account);
KspRoles      ksp_workspace_get_roles        (KspWorkspace *self);
/* Whether you have not chosen the name others see yet (and could: the workspace is writable). */
gboolean      ksp_workspace_needs_display_name (KspWorkspace *self);
gboolean      ksp_workspace_set_display_name (KspWorkspace *self,
                                              const char   *display_name,
                                              GError      **error);

/* Read through the session: kept until the next change of the standard. (transfer none) */
GPtrArray    *ksp_workspace_list_log         (KspWorkspace *self,
                                              const char   *standard_id,
                                              GError      **error);
GPtrArray    *ksp_workspace_list_comments    (KspWorkspace *self,
                                              const char   *standard_id,
                                              GError      **error);
GPtrArray    *ksp_workspace_list_change_sets (KspWorkspace *self,
                                              const char   *standard_id,
                                              GError      **error);
/* Where splits and merges put moved entries (ksp_store_dup_membership). (transfer none) */
GHashTable   *ksp_workspace_get_membership   (KspWorkspace *self,
                                              const char   *standard_id,
                                              GError      **error);
/* ksp-review-marks.h's marks of @draft. (transfer full) */
GHashTable   *ksp_workspace_dup_marks        (KspWorkspace *self,
                                              KspDocument  *draft,
                                              GError      **error);

/* The review steps, as you (ksp-review.h, ksp-comments.h), each followed by ::changed. */
gboolean      ksp_workspace_submit           (KspWorkspace *self,
                                              gint64        change_set,
                                              const char   *title,
                                              GError      **error);
gboolean      ksp_workspace_approve          (KspWorkspace *self,
                                              gint64        change_set,
                                              GError      **error);
gboolean      ksp_workspace_reject           (KspWorkspace *self,
                                              gint64        change_set,
                                              const char   *reason,
                                              GError      **error);
gboolean      ksp_workspace_revert           (KspWorkspace *self,
                                              KspDocument  *draft,
                                              gint64        change_set,
                                              GError      **error);
/* One change of a submitted change set (ksp_change_dup_key), by a reviewer; its revert by the author. */
gboolean      ksp_workspace_approve_change   (KspWorkspace *self,
                                              KspDocument  *draft,
                                              gint64        change_set,
                                              const char   *change_key,
                                              GError      **error);
gboolean      ksp_workspace_reject_change    (KspWorkspace *self,
                                              KspDocument  *draft,
                                              gint64        change_set,
                                              const char   *change_key,
                                              const char   *reason,
                                              GError      **error);
gboolean      ksp_workspace_revert_change    (KspWorkspace *self,
                                              KspDocument  *draft,
                                              gint64        change_set,
                                              const char   *change_key,
                                              GError      **error);
/* The author's: a title; the changes to @element_ids split off into a new change set (its ID, 0 with
 * @error); @from merged into @into. */
gboolean      ksp_workspace_set_title        (KspWorkspace *self,
                                              gint64        change_set,
                                              const char   *title,
                                              GError      **error);
gint64        ksp_workspace_split            (KspWorkspace *self,
                                              gint64        change_set,
                                              const char *const *element_ids,
                                              const char   *title,
                                              GError      **error);
gboolean      ksp_workspace_merge            (KspWorkspace *self,
                                              gint64        into,
                                              gint64        from,
                                              GError      **error);
gint64        ksp_workspace_add_comment      (KspWorkspace *self,
                                              KspDocument  *draft,
                                              KspNode      *element,
                                              const char   *field,
                                              KspLang       lang,
                                              gint64        reply_to,
                                              const char   *text,
                                              GError      **error);
gboolean      ksp_workspace_resolve_comment  (KspWorkspace *self,
                                              const char   *standard_id,
                                              gint64        comment,
                                              gboolean      resolved,
                                              GError      **error);

G_END_DECLS
