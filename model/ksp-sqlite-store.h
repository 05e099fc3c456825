/* ksp-sqlite-store.h: the workspace as one SQLite file (WAL, foreign keys, versioned migrations) */
#pragma once

#include "ksp-store.h"

G_BEGIN_DECLS

#define KSP_TYPE_SQLITE_STORE (ksp_sqlite_store_get_type ())
G_DECLARE_FINAL_TYPE (KspSqliteStore, ksp_sqlite_store, KSP, SQLITE_STORE, KspStore)

/* The workspace format this build writes; PRAGMA user_version holds it. */
#define KSP_SQLITE_SCHEMA_VERSION 10

/* A lock whose heartbeat is older than this is stale and may be taken over. */
#define KSP_SQLITE_LOCK_STALE_SECONDS 120

KspStore *ksp_sqlite_store_new (void);

/* For tests of migrations: creates an empty workspace at an older format version. */
gboolean  ksp_sqlite_store_create_at_version (const char *path,
                                              int         version,
                                              GError    **error);

G_END_DECLS
