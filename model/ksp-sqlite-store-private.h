#pragma once

#include <sqlite3.h>

#include "ksp-change-log.h"
#include "ksp-sqlite-store.h"

G_BEGIN_DECLS

/* 'KSP1': PRAGMA application_id of every Kasip workspace. */
#define KSP_SQLITE_APPLICATION_ID 0x4B535031

const char *_ksp_sqlite_migration (int version);

/* ksp-sqlite-store.c: the helpers the backend's other files use */
sqlite3      *_ksp_sqlite_db          (KspSqliteStore *self);
gboolean      _ksp_sqlite_fail        (KspSqliteStore *self,
                                       GError        **error,
                                       const char     *what);
sqlite3_stmt *_ksp_sqlite_stmt        (KspSqliteStore *self,
                                       const char     *sql,
                                       GError        **error);
void          _ksp_sqlite_bind_text   (sqlite3_stmt   *s,
                                       int             i,
                                       const char     *text);
gboolean      _ksp_sqlite_step_done   (KspSqliteStore *self,
                                       sqlite3_stmt   *s,
                                       GError        **error,
                                       const char     *what);
char         *_ksp_sqlite_column_dup  (sqlite3_stmt   *s,
                                       int             i);

/* ksp-sqlite-log.c: the change log's rows (model/ksp-change-log.h) */
gboolean      _ksp_sqlite_log_append  (KspSqliteStore *self,
                                       KspLogEntry    *entry,
                                       GError        **error);
GPtrArray    *_ksp_sqlite_log_list    (KspSqliteStore *self,
                                       const char     *standard_id,
                                       GError        **error);
GPtrArray    *_ksp_sqlite_log_list_after (KspSqliteStore *self,
                                         const char     *standard_id,
                                         gint64          after_id,
                                         GError        **error);
gint64        _ksp_sqlite_log_revision (KspSqliteStore *self,
                                        const char     *standard_id,
                                        GError        **error);
KspComment   *_ksp_sqlite_comment_from_row (sqlite3_stmt   *s);
gboolean      _ksp_sqlite_log_insert_records (KspSqliteStore    *self,
                                              const KspLogEntry *entry,
                                              const char        *what,
                                              GError           **error);
gboolean      _ksp_sqlite_log_move_head (KspSqliteStore *self,
                                         const char     *hash,
                                         gint64          count,
                                         GError        **error);
gboolean      _ksp_sqlite_log_head    (KspSqliteStore *self,
                                       char          **out_hash,
                                       gint64         *out_count,
                                       GError        **error);
gboolean      _ksp_sqlite_log_seal_legacy (KspSqliteStore *self,
                                       GError        **error);
GPtrArray    *_ksp_sqlite_integrity_problems (KspSqliteStore *self);

/* ksp-sqlite-review.c: people and change sets (the class's vfuncs) */
GPtrArray    *_ksp_sqlite_list_change_sets   (KspStore       *store,
                                              const char     *standard_id,
                                              GError        **error);
gint64        _ksp_sqlite_current_change_set (KspStore       *store,
                                              const char     *standard_id,
                                              const char     *author,
                                              GError        **error);
gboolean      _ksp_sqlite_write_change_set   (KspStore       *store,
                                              const KspChangeSet *change_set,
                                              GError        **error);
GPtrArray    *_ksp_sqlite_list_people        (KspStore       *store,
                                              GError        **error);
gboolean      _ksp_sqlite_write_person       (KspStore       *store,
                                              const KspPerson *person,
                                              GError        **error);
GPtrArray    *_ksp_sqlite_list_comments      (KspStore       *store,
                                              const char     *standard_id,
                                              GError        **error);
gint64        _ksp_sqlite_add_comment        (KspStore       *store,
                                              const KspComment *comment,
                                              GError        **error);
gboolean      _ksp_sqlite_resolve_comment    (KspStore       *store,
                                              gint64          id,
                                              const char     *by,
                                              GError        **error);
gint64        _ksp_sqlite_add_change_set     (KspStore       *store,
                                              const char     *standard_id,
                                              const char     *author,
                                              const char     *title,
                                              GError        **error);
gboolean      _ksp_sqlite_move_log_entries   (KspStore       *store,
                                              const gint64   *entry_ids,
                                              guint           n_entries,
                                              gint64          change_set,
                                              GError        **error);
GHashTable   *_ksp_sqlite_dup_membership     (KspStore       *store,
                                              const char     *standard_id,
                                              GError        **error);

/* ksp-sqlite-copy.c: copying a workspace (ksp-store-copy.h; the class's copy_* vfuncs) */
void          _ksp_sqlite_copy_init_class    (KspStoreClass  *store_class);

G_END_DECLS
