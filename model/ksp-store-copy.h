/* ksp-store-copy.h: a whole workspace copied to another backend (`kasip workspace copy SRC DST`)
 *
 * A file to a PostgreSQL server and back, or any backend to any: every standard with its draft and its
 * frozen editions (tree IDs, element IDs, numbers, values, order), the change log entry by entry as it was
 * sealed (so that its hash chain, which covers tree_id and change_set, verifies on the other side), change
 * sets and where splits and merges put entries, people, comments, justifications, reference data and the
 * log's head. Everything keeps its ID. The destination must be empty; the copy is one transaction on it,
 * verified (ksp_store_verify, and every tree read back against the one read) before it is committed, so a
 * failure leaves it as it was. The source is only read, in one snapshot.
 *
 * The policy and the trees are here; the rows are the backends' (KspStoreClass.copy_*: ksp-sqlite-copy.c,
 * ksp-pg-copy.c).
 */
#pragma once

#include "ksp-store.h"

G_BEGIN_DECLS

#define KSP_STORE_COPY_ERROR (ksp_store_copy_error_quark ())
GQuark ksp_store_copy_error_quark (void);

typedef enum {
  KSP_STORE_COPY_ERROR_NOT_EMPTY,      /* the destination already holds something: nothing was written */
  KSP_STORE_COPY_ERROR_SOURCE_BROKEN,  /* the source's change log does not verify: nothing was copied */
  KSP_STORE_COPY_ERROR_MISMATCH,       /* what was written does not read back as what was read */
} KspStoreCopyError;

/* What a copy wrote (or, after KSP_STORE_COPY_ERROR_NOT_EMPTY, what the destination holds). */
typedef struct {
  guint n_standards;       /* as kasip list counts them (an order approving six standards: six) */
  guint n_documents;       /* the units stored (table standard) */
  guint n_editions;
  guint n_log_entries;
  guint n_comments;
  guint n_change_sets;
  guint n_people;
  guint n_justifications;
  guint n_references;
} KspStoreCopyReport;

/* The rows of a workspace a copy takes whole (the backends' copy_read_rows fills standards, trees,
 * comments, justifications and references; the others are read through the store's own calls). */
typedef struct {
  char *id;
  char *created_at;
  char *created_by;
} KspStoreStandardRow;

typedef struct {
  KspEditionInfo *info;      /* tree_id, standard_id, and for an edition its number, year, date, note, act; who, when */
  gboolean        is_draft;
  gboolean        frozen;
} KspStoreTreeRow;

typedef struct {
  char    *standard_id;
  char    *change_key;
  KspLang  lang;
  char    *text;
  char    *author;
  char    *updated_at;
} KspStoreJustificationRow;

typedef struct {
  char *kind;
  char *source;
  char *content;
  char *imported_at;
  char *imported_by;
} KspStoreReferenceRow;

typedef struct _KspStoreRows KspStoreRows;
struct _KspStoreRows {
  GPtrArray  *standards;       /* (element-type KspStoreStandardRow): in the order they were added */
  GPtrArray  *trees;           /* (element-type KspStoreTreeRow): by ID */
  GPtrArray  *comments;        /* (element-type KspComment): all, by ID */
  GPtrArray  *justifications;  /* (element-type KspStoreJustificationRow) */
  GPtrArray  *references;      /* (element-type KspStoreReferenceRow) */
  GPtrArray  *change_sets;     /* (element-type KspChangeSet): by ID */
  GPtrArray  *people;          /* (element-type KspPerson) */
  GHashTable *membership;      /* (element-type gint64 gint64): ksp_store_dup_membership (NULL) */
};

KspStoreRows *ksp_store_rows_new  (void);
void          ksp_store_rows_free (KspStoreRows *rows);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspStoreRows, ksp_store_rows_free)

/**
 * ksp_store_copy:
 * @src: the workspace to copy (best opened with KSP_STORE_OPEN_READ_ONLY: it is only read)
 * @dst: an empty workspace, writable
 * @out: (out) (optional): what was copied
 *
 * Returns: %FALSE with @error (KSP_STORE_COPY_ERROR, or the store's) when nothing was copied
 */
gboolean      ksp_store_copy      (KspStore           *src,
                                   KspStore           *dst,
                                   KspStoreCopyReport *out,
                                   GError            **error);

G_END_DECLS
