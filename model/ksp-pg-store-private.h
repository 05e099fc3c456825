/* ksp-pg-store-private.h: what the PostgreSQL backend's files share. SQL stays in ksp-pg-*.c, and every
 * value goes to the server as a parameter of PQexecParams, never into the SQL text. */
#pragma once

#include <libpq-fe.h>

#include "ksp-change-log.h"
#include "ksp-pg-store.h"

G_BEGIN_DECLS

#define KSP_PG_MAX_PARAMS 512

/* The channel each log entry is announced on (its payload: the standard's ID), and the first key of the
 * standards' writer locks (pg_advisory_xact_lock (class, hashtext (standard_id))): 'KSP2'. */
#define KSP_PG_CHANNEL "kasip_log"
/* Who has which element open (ksp_store_announce_presence): "ACCOUNT\x1fSTANDARD\x1fELEMENT", never stored. */
#define KSP_PG_PRESENCE_CHANNEL "kasip_presence"
#define KSP_PG_LISTEN_SQL "LISTEN " KSP_PG_CHANNEL "; LISTEN " KSP_PG_PRESENCE_CHANNEL
#define KSP_PG_STANDARD_LOCK_CLASS "1263751218"

/* The parameters of one statement, as text (NULL: SQL NULL). */
typedef struct
{
  const char *values[KSP_PG_MAX_PARAMS];
  char        owned[KSP_PG_MAX_PARAMS][24];
  int         n;
} KspPgParams;

void          _ksp_pg_text           (KspPgParams    *p,
                                      const char     *text);
void          _ksp_pg_int            (KspPgParams    *p,
                                      gint64          value);

/* ksp-pg-store.c */
PGconn       *_ksp_pg_conn           (KspPgStore     *self);
const char   *_ksp_pg_location       (KspPgStore     *self);
/* Runs @sql with @params (nullable); returns its result (rows or none), or %NULL with @error saying
 * @what failed. */
PGresult     *_ksp_pg_query          (KspPgStore     *self,
                                      const char     *sql,
                                      const KspPgParams *params,
                                      const char     *what,
                                      GError        **error);
gboolean      _ksp_pg_command        (KspPgStore     *self,
                                      const char     *sql,
                                      const KspPgParams *params,
                                      const char     *what,
                                      GError        **error);
/* The rows @sql changed, or -1 with @error. */
gint64        _ksp_pg_command_count  (KspPgStore     *self,
                                      const char     *sql,
                                      const KspPgParams *params,
                                      const char     *what,
                                      GError        **error);
char         *_ksp_pg_dup            (const PGresult *r,
                                      int             row,
                                      int             col);
gint64        _ksp_pg_int64          (const PGresult *r,
                                      int             row,
                                      int             col);
char         *_ksp_pg_now            (void);
void          _ksp_pg_flatten        (KspNode        *node,
                                      int             up,
                                      GPtrArray      *nodes,
                                      GArray         *ups);
gboolean      _ksp_pg_begin_read     (KspPgStore     *self,
                                      GError        **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* ksp-pg-schema.c: the migrations (format N-1 → N) and what protects editions and the log */
const char   *_ksp_pg_migration      (int             version);
GPtrArray    *_ksp_pg_integrity_problems (KspStore *store);

/* ksp-pg-log.c: the change log's rows (the class's vfuncs) */
gboolean      _ksp_pg_log_append     (KspStore       *store,
                                      KspLogEntry    *entry,
                                      GError        **error);
GPtrArray    *_ksp_pg_log_list       (KspStore       *store,
                                      const char     *standard_id,
                                      GError        **error);
GPtrArray    *_ksp_pg_log_list_after (KspStore       *store,
                                      const char     *standard_id,
                                      gint64          after_id,
                                      GError        **error);
gint64        _ksp_pg_log_revision   (KspStore       *store,
                                      const char     *standard_id,
                                      GError        **error);
gboolean      _ksp_pg_lock_standard  (KspStore       *store,
                                      const char     *standard_id,
                                      GError        **error);
gboolean      _ksp_pg_log_insert_records (KspPgStore *self,
                                      const KspLogEntry *entry,
                                      const char     *what,
                                      GError        **error);
gboolean      _ksp_pg_log_move_head  (KspPgStore     *self,
                                      const char     *hash,
                                      gint64          count,
                                      GError        **error);
gboolean      _ksp_pg_log_head       (KspStore       *store,
                                      char          **out_hash,
                                      gint64         *out_count,
                                      GError        **error);

/* ksp-pg-review.c: people, change sets, comments (the class's vfuncs) */
void          _ksp_pg_review_init_class (KspStoreClass *store_class);
KspComment   *_ksp_pg_comment_from_row (const PGresult *r,
                                        int             i);

/* ksp-pg-copy.c: copying a workspace (ksp-store-copy.h; the class's copy_* vfuncs) */
void          _ksp_pg_copy_init_class   (KspStoreClass *store_class);

G_END_DECLS
