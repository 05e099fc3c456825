/* ksp-change-log.h: the workspace's change log — what changed, who changed it, when — and its hash chain
 *
 * Every step stored in a workspace is one log entry: a command done, undone or redone in a KspDocument, a
 * standard created by an import, an edition frozen. An entry holds structured change records (element ID,
 * field, language, old value, new value), never a sentence: the UI and the CLI render them in the
 * interface language (ksp_change_record_describe). Entries are written in one place, the store's
 * append_log call (KspDocument drives it at the end of each step's transaction), and are never deleted
 * by a cascade: removing a standard is itself an entry.
 *
 * Tamper evidence: each entry carries a SHA-256 hash over the previous entry's hash and the entry's
 * canonical encoding (ksp_log_entry_compute_hash), one chain for the whole workspace; an edition's entry
 * records the hash of the frozen tree's content (ksp_node_content_hash). ksp_change_log_verify() walks a
 * chain and names the first entry that does not hold. What no chain inside the file can show is the
 * last entries cut off together with the head kept beside them (docs/model.md § Change log).
 *
 * Backend-neutral: the encoding, the hashes and the checks are here; a backend only stores the rows.
 */
#pragma once

#include "ksp-node.h"

G_BEGIN_DECLS

typedef enum {
  KSP_RECORD_SET,     /* a field's value: old → new (NULL: absent) */
  KSP_RECORD_NUMBER,  /* the number as written: old → new */
  KSP_RECORD_INSERT,  /* an element (with its subtree) put in: new = "PARENT-ID POSITION", subtree = it */
  KSP_RECORD_DELETE,  /* an element (with its subtree) taken out: old = "PARENT-ID POSITION", subtree = it */
  KSP_RECORD_MOVE,    /* an element moved: old and new = "PARENT-ID POSITION" */
  KSP_RECORD_FREEZE,  /* an edition frozen: element = the tree's root, new = its number, subtree = NULL,
                       * content_hash = ksp_node_content_hash of the frozen tree */
  KSP_RECORD_CREATE,  /* a standard created (imported): element = its root, content_hash of the tree */
  KSP_RECORD_STATUS,  /* a change set's status: field "status", old → new (the entry's change_set says which) */
  KSP_RECORD_COMMENT, /* a comment on the element (and field, lang): new = its text, old = its ID; or a thread
                       * resolved / reopened: field "resolved", old → new ("no", "yes") */
  KSP_RECORD_REASSIGN,/* an entry moved to another change set (a split, a merge; entries never change): old →
                       * new = the change sets it left and joined, content_hash = the moved entry's hash */
  KSP_RECORD_DECISION,/* a reviewer's decision on one change of the entry's change set: element = the changed
                       * element, field = the change's key (ksp_change_dup_key), old → new = "approved",
                       * "rejected" (the entry's label says why) or "reverted" (content_hash = the hash of the
                       * entry that reverted it); NULL old: undecided */
} KspRecordOp;

typedef struct {
  KspRecordOp  op;
  char        *element_id;
  char        *kind;          /* the element's kind */
  char        *field;         /* SET: a field of the kind */
  KspLang      lang;          /* SET: KSP_LANG_KK / RU for a bilingual field, else NONE */
  char        *old_value;
  char        *new_value;
  char        *subtree;       /* INSERT, DELETE: the element and everything under it (ksp_node_to_text) */
  char        *content_hash;  /* FREEZE, CREATE */
} KspChangeRecord;

typedef struct {
  gint64      id;             /* the store's, in the order of the chain; 0 until stored */
  char       *standard_id;    /* the document's ID */
  gint64      tree_id;
  char       *at;             /* ISO 8601 UTC with microseconds */
  char       *author;
  char       *action;         /* "do", "undo", "redo", "create", "edition" */
  char       *command;        /* what the command is, as data: "set-value", "set-number", "insert", "remove",
                               * "move", "group" (with label), "create", "edition" */
  char       *label;          /* (nullable) a group command's name as given ("Revert to edition 1") */
  gint64      change_set;     /* 0: none */
  char       *prev_hash;      /* hex; KSP_LOG_GENESIS for the first entry */
  char       *hash;
  GPtrArray  *records;        /* (element-type KspChangeRecord) */
} KspLogEntry;

/* The previous hash of the first entry of a workspace's chain. */
#define KSP_LOG_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

KspChangeRecord *ksp_change_record_new       (KspRecordOp      op,
                                              KspNode         *element);
KspChangeRecord *ksp_change_record_copy      (const KspChangeRecord *record);
void             ksp_change_record_free      (KspChangeRecord *record);
const char      *ksp_record_op_to_string     (KspRecordOp      op);
gboolean         ksp_record_op_from_string   (const char      *s,
                                              KspRecordOp     *out);

KspLogEntry     *ksp_log_entry_new           (void);
void             ksp_log_entry_free          (KspLogEntry     *entry);
/* Returns: (transfer full): the hex SHA-256 of @prev_hash and the entry's canonical encoding (every field
 * but id and hash, and every record, each as its length and its bytes). */
char            *ksp_log_entry_compute_hash  (const KspLogEntry *entry,
                                              const char      *prev_hash);
/* Sets @entry's prev_hash and hash after @prev_hash (NULL: the genesis). */
void             ksp_log_entry_seal          (KspLogEntry     *entry,
                                              const char      *prev_hash);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspChangeRecord, ksp_change_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspLogEntry, ksp_log_entry_free)

/* The element and its subtree as canonical text (a GVariant text: kind, ID, number, values in schema
 * order, children), and back. */
char            *ksp_node_to_text            (KspNode         *node);
KspNode         *ksp_node_from_text          (const char      *text,
                                              GError         **error);
/* Returns: (transfer full): the hex SHA-256 of the tree's canonical text: the same for two trees with the
 * same kinds, IDs, numbers, values and order, whatever stored them. */
char            *ksp_node_content_hash       (KspNode         *root);

/* The entries that changed @element_id, with only their records about it: the element's history. */
GPtrArray       *ksp_change_log_history_of   (GPtrArray       *entries,
                                              const char      *element_id);

typedef enum {
  KSP_LOG_OK,
  KSP_LOG_EDITED,         /* an entry's content does not give its hash */
  KSP_LOG_BROKEN_LINK,    /* an entry's previous hash is not the hash of the entry before it: one deleted or
                           * inserted between them */
  KSP_LOG_TRUNCATED,      /* the chain ends before the head the workspace recorded */
  KSP_LOG_EDITION_CHANGED,/* a frozen edition's content is not the content its entry recorded */
} KspLogProblem;

typedef struct {
  KspLogProblem  problem;
  gint64         entry_id;   /* the first entry that does not hold (0 for TRUNCATED with none) */
  char          *detail;     /* English, for logs; the CLI renders problem and entry_id */
} KspLogCheck;

void             ksp_log_check_free          (KspLogCheck     *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspLogCheck, ksp_log_check_free)

/* Walks @entries (in chain order) and checks every hash and link, then that the last hash is @head_hash
 * (nullable: not checked). Returns: (transfer full) (nullable): the first problem, NULL when the chain holds. */
KspLogCheck     *ksp_change_log_verify       (GPtrArray       *entries,
                                              const char      *head_hash,
                                              gint64           head_count);

G_END_DECLS
