/* ksp-store.h: the storage backend interface
 *
 * A KspStore holds a workspace: many standards, each with a working draft tree and immutable editions
 * (frozen trees), an audit trail and a lock. Backends are chosen by URI, as GnuCash's QofBackend is:
 * a plain path or "sqlite:PATH" opens the SQLite backend (ksp-sqlite-store.c); "postgresql://..." the
 * shared working-group backend (ksp-pg-store.c, when built with libpq). The model and the UI only talk to
 * this interface; tests/store/test-store-contract.c is what every backend must do.
 *
 * Writes are made between begin() and commit(): KspDocument wraps each command in one transaction, so
 * an edit is either stored whole or not at all.
 */
#pragma once

#include <gio/gio.h>

#include "ksp-change-log.h"
#include "ksp-node.h"

G_BEGIN_DECLS

#define KSP_STORE_ERROR (ksp_store_error_quark ())
GQuark ksp_store_error_quark (void);

typedef enum {
  KSP_STORE_ERROR_FAILED,
  KSP_STORE_ERROR_NOT_SUPPORTED,   /* unknown URI scheme, or a backend not built */
  KSP_STORE_ERROR_NOT_A_WORKSPACE, /* the file is not a Kasip workspace */
  KSP_STORE_ERROR_TOO_NEW,         /* written by a newer Kasip: refused */
  KSP_STORE_ERROR_READ_ONLY,       /* opened read-only (locked by someone else, or asked for) */
  KSP_STORE_ERROR_IMMUTABLE,       /* an edition cannot be changed */
  KSP_STORE_ERROR_NOT_FOUND,
  KSP_STORE_ERROR_CORRUPT,
  KSP_STORE_ERROR_BUSY,            /* another session holds the workspace and did not let go in time */
  KSP_STORE_ERROR_DISCONNECTED,    /* the connection to the server was lost: the transaction is gone (the step
                                    * was not stored; a lost COMMIT says it is not known); the next call outside
                                    * a transaction connects again (ksp-pg-store.c) */
} KspStoreError;

/* How long KSP_STORE_OPEN_WAIT waits for another session's lock. */
#define KSP_STORE_LOCK_WAIT_SECONDS 10

typedef enum {
  KSP_STORE_OPEN_DEFAULT    = 0,
  KSP_STORE_OPEN_CREATE     = 1 << 0, /* create the workspace if it does not exist */
  KSP_STORE_OPEN_READ_ONLY  = 1 << 1, /* never write, never take the lock */
  KSP_STORE_OPEN_BREAK_LOCK = 1 << 2, /* take the lock even if another session holds it */
  KSP_STORE_OPEN_WAIT       = 1 << 3, /* wait for another session's lock (at most KSP_STORE_LOCK_WAIT_SECONDS),
                                       * then fail with KSP_STORE_ERROR_BUSY instead of opening read-only */
} KspStoreOpenFlags;

/* One standard of a workspace. A document (the unit that is stored, frozen as editions and audited) is
 * usually one standard; an order that approved several (seed 004: six) gives one entry per standard,
 * with the same standard_id and draft_tree and their own node_id and handle. */
typedef struct {
  char   *standard_id;  /* the document's ID (the unit of storage) */
  char   *code;         /* as published but cleaned (ksp_standard_clean_code()); NULL when there is none */
  char   *title_ru;     /* cleaned (ksp_standard_clean_title()) */
  char   *title_kk;
  gint64  draft_tree;
  guint   n_editions;
  char   *node_id;      /* the "standard" element inside the document; NULL for a document without one */
  char   *handle;       /* unique and typeable: the code, else a slug of the title (ksp-standard-handle.h) */
  guint   index;        /* 0-based position among the standards of its document */
  guint   n_in_document;
} KspStandardInfo;

typedef struct {
  gint64  tree_id;
  char   *standard_id;
  int     number;
  int     year;
  char   *date;       /* ISO 8601 date of the edition */
  char   *note;
  char   *created_by;
  char   *created_at;
  char   *act;        /* the order that approved or amended the standard, as written («приказ от 31.03.2026
                       * № 109»); NULL when not said */
} KspEditionInfo;

typedef struct {
  char   *user;
  char   *host;
  gint64  pid;
  char   *since;
  char   *heartbeat;
} KspLockInfo;

/* The justification of a change (the comparative table's «Обоснование»), written by a drafter: kept per
 * standard, per change (ksp_change_dup_key, model/diff/ksp-diff.h) and per language of the table. */
typedef struct {
  char    *change_key;
  KspLang  lang;
  char    *text;
  char    *author;
  char    *updated_at;  /* ISO 8601 UTC */
} KspJustification;

/* A change set: one author's entries of the change log for one standard, reviewed together
 * (model/review/ksp-review.h says the statuses and who may move them). */
typedef struct {
  gint64  id;
  char   *standard_id;
  char   *author;
  char   *title;       /* (nullable) as the author named it */
  char   *status;      /* "open", "submitted", "approved", "rejected", "reverted", "published" */
  char   *reason;      /* (nullable) why it was rejected */
  char   *reviewer;    /* (nullable) who approved or rejected it */
  char   *created_at;
  char   *updated_at;
  guint   n_entries;   /* its entries in the change log */
} KspChangeSet;

/* A person of the workspace: an account of the store, the name shown, the roles held. */
typedef struct {
  char   *account;
  char   *display_name;
  char   *roles;       /* comma-separated: "drafter,reviewer" (ksp-review.h) */
  char   *created_at;
} KspPerson;

/* A comment on an element (model/review/ksp-comments.h). */
typedef struct {
  gint64   id;
  char    *standard_id;
  char    *element_id;
  char    *field;        /* (nullable) a field of the element */
  KspLang  lang;         /* the field's language, or NONE */
  gint64   reply_to;     /* the thread's first comment; 0 for a thread's first */
  char    *author;
  char    *text;
  char    *created_at;
  char    *resolved_by;  /* (nullable) who resolved the thread (on its first comment) */
  char    *resolved_at;
} KspComment;

void ksp_comment_free       (KspComment      *comment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspComment, ksp_comment_free)
void ksp_change_set_free    (KspChangeSet    *change_set);
void ksp_person_free        (KspPerson       *person);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspChangeSet, ksp_change_set_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspPerson, ksp_person_free)

void ksp_standard_info_free (KspStandardInfo *info);
void ksp_edition_info_free  (KspEditionInfo  *info);
void ksp_lock_info_free     (KspLockInfo     *info);
void ksp_justification_free (KspJustification *justification);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspStandardInfo, ksp_standard_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspEditionInfo, ksp_edition_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspLockInfo, ksp_lock_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspJustification, ksp_justification_free)

#define KSP_TYPE_STORE (ksp_store_get_type ())
G_DECLARE_DERIVABLE_TYPE (KspStore, ksp_store, KSP, STORE, GObject)

struct _KspStoreClass
{
  GObjectClass parent_class;

  gboolean     (*open)            (KspStore *self, const char *location, KspStoreOpenFlags flags, GError **error);
  void         (*close)           (KspStore *self);
  GPtrArray   *(*list_standards)  (KspStore *self, GError **error);
  GPtrArray   *(*list_editions)   (KspStore *self, const char *standard_id, GError **error);
  KspNode     *(*load_tree)       (KspStore *self, gint64 tree_id, GError **error);
  gint64       (*add_standard)    (KspStore *self, KspNode *root, const char *user, GError **error);
  gint64       (*create_edition)  (KspStore *self, const KspEditionInfo *info, GError **error);
  gboolean     (*begin)           (KspStore *self, GError **error);
  gboolean     (*commit)          (KspStore *self, GError **error);
  void         (*rollback)        (KspStore *self);
  gboolean     (*write_value)     (KspStore *self, gint64 tree, const char *node_id, const char *field,
                                   KspLang lang, const char *value, GError **error);
  gboolean     (*write_node)      (KspStore *self, gint64 tree, KspNode *node, gboolean recursive,
                                   GError **error);
  gboolean     (*delete_node)     (KspStore *self, gint64 tree, const char *node_id, GError **error);
  gboolean     (*write_order)     (KspStore *self, gint64 tree, KspNode *parent, GError **error);
  /* the change log (ksp-change-log.h): append in the caller's transaction; list one standard's (or all,
   * @standard_id NULL) in chain order; the head the store recorded; what is wrong with the schema objects
   * that protect editions and the log (strings; empty when all hold) */
  gboolean     (*append_log)      (KspStore *self, KspLogEntry *entry, GError **error);
  GPtrArray   *(*list_log)        (KspStore *self, const char *standard_id, GError **error);
  gboolean     (*get_log_head)    (KspStore *self, char **out_hash, gint64 *out_count, GError **error);
  GPtrArray   *(*dup_integrity_problems) (KspStore *self);

  /* review (ksp-review.h holds the policy; these only read and write the rows) */
  GPtrArray   *(*list_change_sets)   (KspStore *self, const char *standard_id, GError **error);
  gint64       (*current_change_set) (KspStore *self, const char *standard_id, const char *author, GError **error);
  gboolean     (*write_change_set)   (KspStore *self, const KspChangeSet *change_set, GError **error);
  GPtrArray   *(*list_people)        (KspStore *self, GError **error);
  gboolean     (*write_person)       (KspStore *self, const KspPerson *person, GError **error);
  GPtrArray   *(*list_comments)      (KspStore *self, const char *standard_id, GError **error);
  gint64       (*add_comment)        (KspStore *self, const KspComment *comment, GError **error);
  gboolean     (*resolve_comment)    (KspStore *self, gint64 id, const char *by, GError **error);
  KspLockInfo *(*dup_lock_holder) (KspStore *self);
  gboolean     (*heartbeat)       (KspStore *self, GError **error);
  gboolean     (*put_reference)   (KspStore *self, const char *kind, const char *source, const char *content,
                                   GError **error);
  char        *(*get_reference)   (KspStore *self, const char *kind, char **out_source, GError **error);

  gboolean     (*in_transaction)  (KspStore *self);

  /* TRUE for a backend whose identity is its own (a database role): ksp_store_act_as() is refused */
  gboolean     refuses_acting_as;

  gboolean     (*put_justification)   (KspStore *self, const char *standard_id, const char *change_key,
                                       KspLang lang, const char *text, GError **error);
  GPtrArray   *(*list_justifications) (KspStore *self, const char *standard_id, GError **error);

  /* change sets split and merged (ksp-review.h): a new open change set; the entries moved to another
   * change set; where the moved entries of a standard (or all) belong now */
  gint64       (*add_change_set)      (KspStore *self, const char *standard_id, const char *author,
                                       const char *title, GError **error);
  gboolean     (*move_log_entries)    (KspStore *self, const gint64 *entry_ids, guint n_entries,
                                       gint64 change_set, GError **error);
  GHashTable  *(*dup_membership)      (KspStore *self, const char *standard_id, GError **error);

  /* concurrent writers (docs/model.md § Concurrent editing): hold the standard's writer lock until the
   * transaction ends (every append_log of the standard takes it too); the standard's entries after one;
   * the newest entry of the standard (0: none); what tells of other sessions' writes: a file descriptor
   * that becomes readable (-1: none, poll get_log_head), and the standards they wrote since the last call */
  gboolean     (*lock_standard)       (KspStore *self, const char *standard_id, GError **error);
  GPtrArray   *(*list_log_after)      (KspStore *self, const char *standard_id, gint64 after_id, GError **error);
  gint64       (*get_revision)        (KspStore *self, const char *standard_id, GError **error);
  int          (*get_watch_fd)        (KspStore *self);
  GPtrArray   *(*take_notifications)  (KspStore *self);

  /* who has which element open: said to the other sessions (nothing stored), and what they said */
  gboolean     (*announce_presence)   (KspStore *self, const char *standard_id, const char *element_id,
                                       GError **error);
  GPtrArray   *(*take_presence)       (KspStore *self);

  /* (helpers add theirs below this line) */

  /* copying a whole workspace to another backend (model/ksp-store-copy.h, `kasip workspace copy`). On the
   * source: one snapshot for every read of the copy, and the rows no other call reads whole (standards,
   * trees, comments, justifications, reference data; struct _KspStoreRows is declared here by this first
   * member's return type). On the destination, empty, in the caller's transaction: every row as it was, with
   * its ID (the change log's hashes cover tree_id and change_set; comments, membership and decisions name
   * IDs); a tree with its ID, its elements, then frozen when it was; a sealed log entry verbatim, refused
   * unless it chains after the head, which moves on; at the end the backend's counters past the IDs copied. */
  struct _KspStoreRows *(*copy_read_rows) (KspStore *self, GError **error);
  gboolean     (*copy_begin_snapshot) (KspStore *self, GError **error);
  void         (*copy_end_snapshot)   (KspStore *self);
  gboolean     (*copy_write_rows)     (KspStore *self, const struct _KspStoreRows *rows, GError **error);
  gboolean     (*copy_put_tree)       (KspStore *self, const KspEditionInfo *tree, gboolean is_draft,
                                       gboolean frozen, KspNode *root, GError **error);
  gboolean     (*copy_put_log_entry)  (KspStore *self, const KspLogEntry *entry, GError **error);
  gboolean     (*copy_finish)         (KspStore *self, GError **error);

  gpointer padding[1];
};

KspStore    *ksp_store_open_uri        (const char        *uri,
                                        KspStoreOpenFlags  flags,
                                        GError           **error);
void         ksp_store_close           (KspStore          *self);
gboolean     ksp_store_is_read_only    (KspStore          *self);
const char  *ksp_store_get_read_only_reason (KspStore     *self);
const char  *ksp_store_get_location    (KspStore          *self);
char        *ksp_store_dup_short_name  (KspStore          *self);
const char  *ksp_store_get_user        (KspStore          *self);
void         ksp_store_set_user        (KspStore          *self,
                                        const char        *user);
gboolean     ksp_store_act_as          (KspStore          *self,
                                        const char        *account,
                                        GError           **error);
GPtrArray   *ksp_store_list_standards  (KspStore          *self,
                                        GError           **error);
KspStandardInfo *ksp_store_find_standard (KspStore        *self,
                                        const char        *code_or_id,
                                        GError           **error);
GPtrArray   *ksp_store_list_editions   (KspStore          *self,
                                        const char        *standard_id,
                                        GError           **error);
KspStore    *ksp_store_open_reader     (KspStore          *self,
                                        GError           **error);
KspNode     *ksp_store_load_tree       (KspStore          *self,
                                        gint64             tree_id,
                                        GError           **error);
gint64       ksp_store_add_standard    (KspStore          *self,
                                        KspNode           *root,
                                        GError           **error);
gint64       ksp_store_create_edition  (KspStore          *self,
                                        const KspEditionInfo *info,
                                        GError           **error);
gboolean     ksp_store_begin           (KspStore          *self,
                                        GError           **error);
gboolean     ksp_store_commit          (KspStore          *self,
                                        GError           **error);
void         ksp_store_rollback        (KspStore          *self);
gboolean     ksp_store_in_transaction  (KspStore          *self);
gboolean     ksp_store_write_value     (KspStore          *self,
                                        gint64             tree,
                                        const char        *node_id,
                                        const char        *field,
                                        KspLang            lang,
                                        const char        *value,
                                        GError           **error);
gboolean     ksp_store_write_node      (KspStore          *self,
                                        gint64             tree,
                                        KspNode           *node,
                                        gboolean           recursive,
                                        GError           **error);
gboolean     ksp_store_delete_node     (KspStore          *self,
                                        gint64             tree,
                                        const char        *node_id,
                                        GError           **error);
gboolean     ksp_store_write_order     (KspStore          *self,
                                        gint64             tree,
                                        KspNode           *parent,
                                        GError           **error);
gboolean     ksp_store_append_log      (KspStore          *self,
                                        KspLogEntry       *entry,
                                        GError           **error);
GPtrArray   *ksp_store_list_log        (KspStore          *self,
                                        const char        *standard_id,
                                        GError           **error);

/* What another session said it has open (ksp_store_take_presence). */
typedef struct {
  char *session;      /* the other session (a server process) */
  char *account;
  char *standard_id;
  char *element_id;   /* (nullable): none any more (it closed the standard, or the workspace) */
} KspPresenceNote;

void         ksp_presence_note_free    (KspPresenceNote   *note);

/* Concurrent writers: see ksp-store.c and docs/model.md § Concurrent editing. */
gboolean     ksp_store_lock_standard   (KspStore          *self,
                                        const char        *standard_id,
                                        GError           **error);
GPtrArray   *ksp_store_list_log_after  (KspStore          *self,
                                        const char        *standard_id,
                                        gint64             after_id,
                                        GError           **error);
gint64       ksp_store_get_revision    (KspStore          *self,
                                        const char        *standard_id,
                                        GError           **error);
int          ksp_store_get_watch_fd    (KspStore          *self);
GPtrArray   *ksp_store_take_notifications (KspStore       *self);
gboolean     ksp_store_announce_presence (KspStore        *self,
                                        const char        *standard_id,
                                        const char        *element_id,
                                        GError           **error);
GPtrArray   *ksp_store_take_presence   (KspStore          *self);

/* Change sets and people (the rows; the rules are in model/review/ksp-review.h). */
GPtrArray   *ksp_store_list_change_sets   (KspStore         *self,
                                           const char       *standard_id,
                                           GError          **error);
gint64       ksp_store_current_change_set (KspStore         *self,
                                           const char       *standard_id,
                                           const char       *author,
                                           GError          **error);
gboolean     ksp_store_write_change_set   (KspStore         *self,
                                           const KspChangeSet *change_set,
                                           GError          **error);
GPtrArray   *ksp_store_list_people        (KspStore         *self,
                                           GError          **error);
gboolean     ksp_store_write_person       (KspStore         *self,
                                           const KspPerson  *person,
                                           GError          **error);

GPtrArray   *ksp_store_list_comments      (KspStore         *self,
                                           const char       *standard_id,
                                           GError          **error);
gint64       ksp_store_add_comment        (KspStore         *self,
                                           const KspComment *comment,
                                           GError          **error);
/* @by: who resolves the thread; NULL reopens it. */
gboolean     ksp_store_resolve_comment    (KspStore         *self,
                                           gint64            id,
                                           const char       *by,
                                           GError          **error);

/* Splitting and merging change sets: an entry of the log is immutable and keeps the change set it was made
 * in (KspLogEntry.change_set); where a split or a merge moved it, the store keeps the change set it belongs
 * to now, moved in the transaction of the "reassign" entry that says so (ksp-change-log.h). Counting
 * (KspChangeSet.n_entries) and listing a change set's entries (ksp_review_list_entries) go by it. */
gint64       ksp_store_add_change_set     (KspStore         *self,
                                           const char       *standard_id,
                                           const char       *author,
                                           const char       *title,
                                           GError          **error);
gboolean     ksp_store_move_log_entries   (KspStore         *self,
                                           const gint64     *entry_ids,
                                           guint             n_entries,
                                           gint64            change_set,
                                           GError          **error);
GHashTable  *ksp_store_dup_membership     (KspStore         *self,
                                           const char       *standard_id,
                                           GError          **error);
/* The change set @entry belongs to now, by @membership (from ksp_store_dup_membership). */
gint64       ksp_log_entry_change_set_in  (const KspLogEntry *entry,
                                           GHashTable       *membership);

/* What `kasip audit verify` reports. */
typedef struct {
  KspLogCheck *chain;       /* (nullable): the first entry that does not hold */
  GPtrArray   *schema;      /* (element-type utf8): the protections missing or changed */
  GPtrArray   *editions;    /* (element-type utf8): editions whose content is not what was frozen */
  guint        n_entries;
  guint        n_editions;
  GPtrArray   *membership;  /* (element-type utf8): entries whose change set is not the one the log moved
                             * them to (a split or merge rewritten behind Kasip's back) */
} KspStoreVerification;

void         ksp_store_verification_free (KspStoreVerification *v);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspStoreVerification, ksp_store_verification_free)
gboolean     ksp_store_verification_ok  (const KspStoreVerification *v);
KspStoreVerification *ksp_store_verify (KspStore          *self,
                                        GError           **error);
KspLockInfo *ksp_store_dup_lock_holder (KspStore          *self);
gboolean     ksp_store_heartbeat       (KspStore          *self,
                                        GError           **error);

gboolean     ksp_store_put_reference   (KspStore          *self,
                                        const char        *kind,
                                        const char        *source,
                                        const char        *content,
                                        GError           **error);
char        *ksp_store_get_reference   (KspStore          *self,
                                        const char        *kind,
                                        char             **out_source,
                                        GError           **error);

gboolean     ksp_store_put_justification (KspStore        *self,
                                        const char        *standard_id,
                                        const char        *change_key,
                                        KspLang            lang,
                                        const char        *text,
                                        GError           **error);
GPtrArray   *ksp_store_list_justifications (KspStore      *self,
                                        const char        *standard_id,
                                        GError           **error);

/* Kinds of reference data. */
#define KSP_REFERENCE_ORK "ork"

/* For backends. */
void         _ksp_store_set_read_only  (KspStore          *self,
                                        const char        *reason);
void         _ksp_store_set_location   (KspStore          *self,
                                        const char        *location);
/* What a backend says of the entries it writes itself (every backend says the same): a document's name in
 * messages and its "create" entry (its first standard's label, else its own); the refusal of a document
 * already in the workspace; the "create" entry of an import and the "freeze" entry of an edition, with the
 * content hashes ksp_store_verify() checks. */
char        *_ksp_store_dup_document_label (KspNode       *root);
void         _ksp_store_set_already_there  (KspStore      *self,
                                            KspNode       *root,
                                            const char    *label,
                                            GError       **error);
KspLogEntry *_ksp_store_new_create_entry   (KspStore      *self,
                                            KspNode       *root,
                                            gint64         tree,
                                            const char    *user,
                                            const char    *label);
KspLogEntry *_ksp_store_new_freeze_entry   (KspStore      *self,
                                            const char    *standard_id,
                                            gint64         tree,
                                            KspNode       *frozen,
                                            int            number,
                                            const char    *note);

G_END_DECLS
