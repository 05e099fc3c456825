/* ksp-sqlite-store.c: the SQLite workspace backend */
#include "ksp-sqlite-store-private.h"
#include "ksp-tree-loader.h"

#include <glib/gstdio.h>
#include "ksp-atomic-file.h"

#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

struct _KspSqliteStore
{
  KspStore     parent_instance;
  sqlite3     *db;
  GHashTable  *stmts;      /* SQL text -> sqlite3_stmt* */
  char        *lock_token; /* this session's lock, NULL when not holding it */
  KspLockInfo *holder;     /* someone else's lock, when read-only because of it */
  guint        depth;      /* transaction nesting */
};

G_DEFINE_FINAL_TYPE (KspSqliteStore, ksp_sqlite_store, KSP_TYPE_STORE)

/* ---------------------------------------------------------------------------------------------- */
/* helpers                                                                                         */

static const char *
location (KspSqliteStore *self)
{
  const char *loc = ksp_store_get_location (KSP_STORE (self));
  return loc ? loc : "workspace";
}

static gboolean
fail (KspSqliteStore *self,
      GError        **error,
      const char     *what)
{
  const char *msg = self->db ? sqlite3_errmsg (self->db) : "not open";
  int code = KSP_STORE_ERROR_FAILED;

  if (strstr (msg, "edition is immutable") != NULL || strstr (msg, "the change log cannot be changed") != NULL)
    code = KSP_STORE_ERROR_IMMUTABLE;
  else if (self->db && (sqlite3_errcode (self->db) == SQLITE_NOTADB))
    code = KSP_STORE_ERROR_NOT_A_WORKSPACE;
  else if (self->db && (sqlite3_errcode (self->db) == SQLITE_CORRUPT))
    code = KSP_STORE_ERROR_CORRUPT;
  else if (self->db && (sqlite3_errcode (self->db) == SQLITE_READONLY))
    code = KSP_STORE_ERROR_READ_ONLY;
  else if (self->db && (sqlite3_errcode (self->db) == SQLITE_BUSY || sqlite3_errcode (self->db) == SQLITE_LOCKED))
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_BUSY,
                   "%s: %s: busy: another program is writing to the workspace; try again", location (self), what);
      return FALSE;
    }
  g_set_error (error, KSP_STORE_ERROR, code, "%s: %s: %s", location (self), what, msg);
  return FALSE;
}

static char *
now_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static sqlite3_stmt *
stmt (KspSqliteStore *self,
      const char     *sql,
      GError        **error)
{
  sqlite3_stmt *s = g_hash_table_lookup (self->stmts, sql);

  if (s == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK)
        {
          fail (self, error, "preparing a query");
          return NULL;
        }
      g_hash_table_insert (self->stmts, (gpointer) sql, s);
    }
  sqlite3_reset (s);
  sqlite3_clear_bindings (s);
  return s;
}

static void
bind_text (sqlite3_stmt *s,
           int           i,
           const char   *text)
{
  if (text)
    sqlite3_bind_text (s, i, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (s, i);
}

static gboolean
exec (KspSqliteStore *self,
      const char     *sql,
      GError        **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return fail (self, error, "updating the workspace");
  return TRUE;
}

/* Runs a prepared statement that returns no rows. */
static gboolean
step_done (KspSqliteStore *self,
           sqlite3_stmt   *s,
           GError        **error,
           const char     *what)
{
  int rc = sqlite3_step (s);
  sqlite3_reset (s);
  if (rc != SQLITE_DONE)
    return fail (self, error, what);
  return TRUE;
}

static char *
column_dup (sqlite3_stmt *s,
            int           i)
{
  const unsigned char *t = sqlite3_column_text (s, i);
  return t ? g_strdup ((const char *) t) : NULL;
}

/* The same helpers for the backend's other files (ksp-sqlite-store-private.h). */
sqlite3 *
_ksp_sqlite_db (KspSqliteStore *self)
{
  return self->db;
}

gboolean
_ksp_sqlite_fail (KspSqliteStore *self,
                  GError        **error,
                  const char     *what)
{
  return fail (self, error, what);
}

sqlite3_stmt *
_ksp_sqlite_stmt (KspSqliteStore *self,
                  const char     *sql,
                  GError        **error)
{
  return stmt (self, sql, error);
}

void
_ksp_sqlite_bind_text (sqlite3_stmt *s,
                       int           i,
                       const char   *text)
{
  bind_text (s, i, text);
}

gboolean
_ksp_sqlite_step_done (KspSqliteStore *self,
                       sqlite3_stmt   *s,
                       GError        **error,
                       const char     *what)
{
  return step_done (self, s, error, what);
}

char *
_ksp_sqlite_column_dup (sqlite3_stmt *s,
                        int           i)
{
  return column_dup (s, i);
}

static gint64
pragma_int (KspSqliteStore *self,
            const char     *pragma,
            GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  sqlite3_stmt *s = NULL;
  gint64 v = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &s, NULL) != SQLITE_OK)
    {
      fail (self, error, "reading the workspace header");
      return -1;
    }
  if (sqlite3_step (s) == SQLITE_ROW)
    v = sqlite3_column_int64 (s, 0);
  else
    fail (self, error, "reading the workspace header");
  sqlite3_finalize (s);
  return v;
}

/* ---------------------------------------------------------------------------------------------- */
/* transactions                                                                                    */

static gboolean
ksp_sqlite_store_begin (KspStore *store,
                        GError  **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autofree char *sql = NULL;

  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE") : g_strdup_printf ("SAVEPOINT sp%u", self->depth);
  if (!exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

static gboolean
ksp_sqlite_store_commit (KspStore *store,
                         GError  **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->depth > 0, FALSE);
  if (sqlite3_get_autocommit (self->db))
    {
      self->depth = 0;
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_FAILED,
                   "%s: the change was not stored: the database rolled it back (%s)", location (self),
                   sqlite3_errmsg (self->db));
      return FALSE;
    }
  sql = self->depth == 1 ? g_strdup ("COMMIT") : g_strdup_printf ("RELEASE sp%u", self->depth - 1);
  if (!exec (self, sql, error))
    return FALSE;
  self->depth--;
  return TRUE;
}

static void
ksp_sqlite_store_rollback (KspStore *store)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autofree char *sql = NULL;

  if (self->depth == 0)
    return; /* already rolled back below us (see the next test) */
  if (sqlite3_get_autocommit (self->db))
    {
      /* SQLite rolls the whole transaction back by itself on a full disk or an I/O error: nothing is
       * left to undo, at any depth. */
      self->depth = 0;
      return;
    }
  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO sp%u; RELEASE sp%u", self->depth - 1, self->depth - 1);
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("%s: rollback failed: %s", location (self), sqlite3_errmsg (self->db));
  self->depth--;
}

static gboolean
ksp_sqlite_store_in_transaction (KspStore *store)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);

  return self->depth > 0 && self->db && !sqlite3_get_autocommit (self->db);
}

/* Whether every reference between rows holds (PRAGMA foreign_key_check finds nothing). */
static gboolean
check_foreign_keys (KspSqliteStore *self,
                    GError        **error)
{
  sqlite3_stmt *s = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &s, NULL) != SQLITE_OK)
    return fail (self, error, "checking the workspace");
  rc = sqlite3_step (s);
  if (rc == SQLITE_ROW)
    g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_CORRUPT,
                 "%s: a row of %s (%" G_GINT64_FORMAT ") refers to a missing row of %s", location (self),
                 (const char *) sqlite3_column_text (s, 0), (gint64) sqlite3_column_int64 (s, 1),
                 (const char *) sqlite3_column_text (s, 2));
  else if (rc != SQLITE_DONE)
    fail (self, error, "checking the workspace");
  sqlite3_finalize (s);
  return rc == SQLITE_DONE;
}

static gboolean
run_migrations (KspSqliteStore *self,
                int             from,
                int             to,
                GError        **error)
{
  if (!ksp_sqlite_store_begin (KSP_STORE (self), error))
    return FALSE;
  for (int v = from + 1; v <= to; v++)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", v);
      if (sqlite3_exec (self->db, _ksp_sqlite_migration (v), NULL, NULL, NULL) != SQLITE_OK ||
          sqlite3_exec (self->db, pragma, NULL, NULL, NULL) != SQLITE_OK)
        {
          g_autofree char *what = g_strdup_printf ("upgrading the workspace format to version %d", v);
          fail (self, error, what);
          ksp_sqlite_store_rollback (KSP_STORE (self));
          return FALSE;
        }
    }
  if (from == 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", KSP_SQLITE_APPLICATION_ID);
      g_autofree char *now = now_iso ();
      g_autofree char *meta = g_strdup_printf ("INSERT INTO meta(key, value) VALUES ('created_at', '%s'),"
                                               " ('created_by_version', '%s')", now, KSP_VERSION);
      if (!exec (self, sql, error) || !exec (self, meta, error))
        {
          ksp_sqlite_store_rollback (KSP_STORE (self));
          return FALSE;
        }
    }
  if (!check_foreign_keys (self, error))
    {
      ksp_sqlite_store_rollback (KSP_STORE (self));
      return FALSE;
    }
  return ksp_sqlite_store_commit (KSP_STORE (self), error);
}

/* Takes the workspace from format @from to @to in one transaction. Foreign keys are off meanwhile, as
 * SQLite's procedure for changing a table's definition asks (a migration may rename a table, copy it
 * into its new form and drop the old one), and every reference is checked before the commit. An upgraded
 * workspace is then compacted: the old tables' pages are given back (VACUUM, itself all or nothing). */
static gboolean
migrate_to (KspSqliteStore *self,
            int             from,
            int             to,
            GError        **error)
{
  gboolean foreign_keys = pragma_int (self, "foreign_keys", NULL) == 1;
  gboolean ok;

  if (foreign_keys && !exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  ok = run_migrations (self, from, to, error);
  if (foreign_keys && !exec (self, "PRAGMA foreign_keys = ON", ok ? error : NULL))
    ok = FALSE;
  /* The journal of the VACUUM is as large as the workspace: empty it at once, not when the session ends. */
  if (ok && from > 0 && (sqlite3_exec (self->db, "VACUUM", NULL, NULL, NULL) != SQLITE_OK ||
                         sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) != SQLITE_OK))
    g_message ("%s: upgraded, but not compacted: %s", location (self), sqlite3_errmsg (self->db));
  return ok;
}

/* ---------------------------------------------------------------------------------------------- */
/* the lock                                                                                        */

static gboolean
process_is_gone (const char *host,
                 gint64      pid)
{
  char here[256] = "";

  gethostname (here, sizeof here - 1);
  if (g_strcmp0 (host, here) != 0 || pid <= 0)
    return FALSE; /* cannot tell for another machine */
  return kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

/* Takes the lock row, or leaves the store read-only with a message naming who holds it. */
static gboolean
take_lock (KspSqliteStore    *self,
           KspStoreOpenFlags  flags,
           GError           **error)
{
  sqlite3_stmt *s;
  char host[256] = "";
  g_autofree char *since = now_iso ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  gint64 deadline = g_get_monotonic_time () + KSP_STORE_LOCK_WAIT_SECONDS * G_USEC_PER_SEC;

  gethostname (host, sizeof host - 1);
retry:
  now = g_get_real_time () / G_USEC_PER_SEC;
  if (!ksp_sqlite_store_begin (KSP_STORE (self), error))
    return FALSE;

  if (!(s = stmt (self, "SELECT token, user, host, pid, since, heartbeat FROM lock WHERE id = 1", error)))
    goto failed;
  if (sqlite3_step (s) == SQLITE_ROW)
    {
      g_autoptr (KspLockInfo) holder = g_new0 (KspLockInfo, 1);
      gint64 heartbeat = sqlite3_column_int64 (s, 5);
      gboolean stale;

      holder->user = column_dup (s, 1);
      holder->host = column_dup (s, 2);
      holder->pid = sqlite3_column_int64 (s, 3);
      holder->since = column_dup (s, 4);
      {
        g_autoptr (GDateTime) hb = g_date_time_new_from_unix_utc (heartbeat);
        holder->heartbeat = g_date_time_format (hb, "%Y-%m-%dT%H:%M:%SZ");
      }
      sqlite3_reset (s);
      stale = now - heartbeat > KSP_SQLITE_LOCK_STALE_SECONDS || process_is_gone (holder->host, holder->pid);
      if (!stale && !(flags & KSP_STORE_OPEN_BREAK_LOCK) && (flags & KSP_STORE_OPEN_WAIT))
        {
          ksp_sqlite_store_rollback (KSP_STORE (self));
          if (g_get_monotonic_time () < deadline)
            {
              g_usleep (G_USEC_PER_SEC / 10);
              goto retry;
            }
          g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_BUSY,
                       "%s: busy: in use by %s on %s (process %" G_GINT64_FORMAT ") since %s; gave up after "
                       "waiting %d s. Try again when that session is closed.", location (self), holder->user,
                       holder->host, holder->pid, holder->since, KSP_STORE_LOCK_WAIT_SECONDS);
          return FALSE;
        }
      if (!stale && !(flags & KSP_STORE_OPEN_BREAK_LOCK))
        {
          g_autofree char *reason =
            g_strdup_printf ("in use by %s on %s (process %" G_GINT64_FORMAT ") since %s; opened read-only",
                             holder->user, holder->host, holder->pid, holder->since);
          ksp_sqlite_store_rollback (KSP_STORE (self));
          _ksp_store_set_read_only (KSP_STORE (self), reason);
          self->holder = g_steal_pointer (&holder);
          sqlite3_exec (self->db, "PRAGMA query_only = 1", NULL, NULL, NULL);
          return TRUE;
        }
    }
  sqlite3_reset (s);

  self->lock_token = ksp_id_new ();
  if (!(s = stmt (self, "INSERT OR REPLACE INTO lock (id, token, user, host, pid, since, heartbeat)"
                        " VALUES (1, ?, ?, ?, ?, ?, ?)", error)))
    goto failed;
  bind_text (s, 1, self->lock_token);
  bind_text (s, 2, ksp_store_get_user (KSP_STORE (self)));
  bind_text (s, 3, host);
  sqlite3_bind_int64 (s, 4, getpid ());
  bind_text (s, 5, since);
  sqlite3_bind_int64 (s, 6, now);
  if (!step_done (self, s, error, "taking the workspace lock"))
    goto failed;
  return ksp_sqlite_store_commit (KSP_STORE (self), error);

failed:
  g_clear_pointer (&self->lock_token, g_free);
  ksp_sqlite_store_rollback (KSP_STORE (self));
  return FALSE;
}

static gboolean
ksp_sqlite_store_heartbeat (KspStore *store,
                            GError  **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  sqlite3_stmt *s;

  if (self->lock_token == NULL)
    return TRUE;
  if (!(s = stmt (self, "UPDATE lock SET heartbeat = ? WHERE id = 1 AND token = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (s, 1, g_get_real_time () / G_USEC_PER_SEC);
  bind_text (s, 2, self->lock_token);
  if (!step_done (self, s, error, "refreshing the workspace lock"))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      /* Someone broke our lock and holds the workspace now: stop writing. */
      g_clear_pointer (&self->lock_token, g_free);
      _ksp_store_set_read_only (store, "another session took over the workspace lock; now read-only");
      sqlite3_exec (self->db, "PRAGMA query_only = 1", NULL, NULL, NULL);
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_READ_ONLY, "%s: %s", location (self),
                   ksp_store_get_read_only_reason (store));
      return FALSE;
    }
  return TRUE;
}

static KspLockInfo *
ksp_sqlite_store_dup_lock_holder (KspStore *store)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  KspLockInfo *copy;

  if (self->holder == NULL)
    return NULL;
  copy = g_new0 (KspLockInfo, 1);
  copy->user = g_strdup (self->holder->user);
  copy->host = g_strdup (self->holder->host);
  copy->pid = self->holder->pid;
  copy->since = g_strdup (self->holder->since);
  copy->heartbeat = g_strdup (self->holder->heartbeat);
  return copy;
}

/* ---------------------------------------------------------------------------------------------- */
/* open and close                                                                                  */

static void
close_db (KspSqliteStore *self)
{
  if (self->db == NULL)
    return;
  if (self->lock_token)
    {
      sqlite3_stmt *s = stmt (self, "DELETE FROM lock WHERE id = 1 AND token = ?", NULL);
      if (s)
        {
          bind_text (s, 1, self->lock_token);
          sqlite3_step (s);
          sqlite3_reset (s);
        }
      g_clear_pointer (&self->lock_token, g_free);
    }
  g_hash_table_remove_all (self->stmts);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
}

/* A new workspace is made whole in memory (its full schema), then written in one step as a file that
 * appears with its name or not at all (ksp_atomic_file_create()): a killed `kasip import` or a full disk
 * never leaves an empty or half-made workspace, nor a temporary file, behind. */
static gboolean
create_whole (KspSqliteStore *self,
              const char     *path,
              GError        **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GError) local = NULL;
  sqlite3_int64 size = 0;
  unsigned char *bytes = NULL;
  gboolean ok;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND,
                   "%s: cannot create the workspace: there is no folder %s", path, dir);
      return FALSE;
    }
  if (access (dir, W_OK) != 0)
    {
      int saved = errno;
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_READ_ONLY,
                   "%s: cannot create the workspace: the folder %s is not writable (%s)", path, dir,
                   g_strerror (saved));
      return FALSE;
    }
  if (sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    {
      fail (self, error, "cannot create the workspace");
      close_db (self);
      return FALSE;
    }
  ok = migrate_to (self, 0, KSP_SQLITE_SCHEMA_VERSION, error);
  /* without the pages of the tables the migrations replaced */
  if (ok && sqlite3_exec (self->db, "VACUUM", NULL, NULL, NULL) != SQLITE_OK)
    ok = fail (self, error, "cannot create the workspace");
  if (ok && (bytes = sqlite3_serialize (self->db, "main", &size, 0)) == NULL)
    ok = fail (self, error, "cannot create the workspace");
  close_db (self);
  if (!ok)
    return FALSE;
  ok = ksp_atomic_file_create (path, bytes, size, &local);
  sqlite3_free (bytes);
  if (!ok && !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_FAILED, "%s", local->message);
      return FALSE;
    }
  return TRUE; /* made, or made by another session a moment ago: open it */
}

static gboolean
open_db (KspSqliteStore    *self,
         const char        *path,
         KspStoreOpenFlags  flags,
         char             **out_read_only,
         GError           **error)
{
  int oflags = SQLITE_OPEN_FULLMUTEX;
  gboolean exists = g_file_test (path, G_FILE_TEST_EXISTS);
  g_autofree char *uri = NULL;
  g_autofree char *why = NULL;

  _ksp_store_set_location (KSP_STORE (self), path);
  if (!exists && !(flags & KSP_STORE_OPEN_CREATE))
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND, "%s: no such workspace", path);
      return FALSE;
    }
  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_A_WORKSPACE,
                   "%s: is a folder, not a Kasip workspace", path);
      return FALSE;
    }
  if (!exists && !create_whole (self, path, error))
    return FALSE;

  /* SQLite keeps the journal (NAME-wal, NAME-shm) beside the workspace: it can only be changed where
   * both the file and its folder are writable. Otherwise it opens read-only, and says why. */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    if (access (path, W_OK) != 0)
      why = g_strdup_printf ("the file is not writable for you (%s); opened read-only", g_strerror (errno));
    else if (access (dir, W_OK) != 0)
      why = g_strdup_printf ("the folder %s is not writable for you (%s), and Kasip keeps the workspace's "
                             "journal beside it; opened read-only (copy the workspace to a folder you can "
                             "write to, to change it)", dir, g_strerror (errno));
    if (why)
      flags |= KSP_STORE_OPEN_READ_ONLY;
    if (why && access (dir, W_OK) != 0)
      {
        g_autofree char *wal = g_strconcat (path, "-wal", NULL);
        GStatBuf st;
        /* No journal can be made there, so nobody is writing: read the file as it is. */
        if (g_stat (wal, &st) != 0 || st.st_size == 0)
          {
            g_autofree char *file_uri = g_filename_to_uri (path, NULL, NULL);
            uri = file_uri ? g_strconcat (file_uri, "?immutable=1", NULL) : NULL;
          }
      }
  }
  if (flags & KSP_STORE_OPEN_READ_ONLY)
    oflags |= SQLITE_OPEN_READONLY;
  else
    oflags |= SQLITE_OPEN_READWRITE;
  if (uri)
    oflags |= SQLITE_OPEN_URI;

  if (sqlite3_open_v2 (uri ? uri : path, &self->db, oflags, NULL) != SQLITE_OK)
    {
      fail (self, error, "cannot open");
      close_db (self);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 0);
  sqlite3_busy_timeout (self->db, 5000);
  if (out_read_only)
    *out_read_only = g_steal_pointer (&why);
  return TRUE;
}

static gboolean
ksp_sqlite_store_open (KspStore          *store,
                       const char        *path,
                       KspStoreOpenFlags  flags,
                       GError           **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  gint64 version, app_id, n_tables;
  g_autofree char *forced_read_only = NULL;

  if (!open_db (self, path, flags, &forced_read_only, error))
    return FALSE;
  if (forced_read_only)
    flags |= KSP_STORE_OPEN_READ_ONLY;

  /* Reading the header is the first thing that fails on a file that is not SQLite. */
  if ((version = pragma_int (self, "user_version", NULL)) < 0 ||
      (app_id = pragma_int (self, "application_id", NULL)) < 0 ||
      (n_tables = pragma_int (self, "schema_version", NULL)) < 0)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_A_WORKSPACE,
                   "%s: not a Kasip workspace (%s)", path, sqlite3_errmsg (self->db));
      close_db (self);
      return FALSE;
    }
  if (version == 0 && n_tables != 0)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_A_WORKSPACE,
                   "%s: an SQLite database, but not a Kasip workspace", path);
      close_db (self);
      return FALSE;
    }
  if (version == 0 && !(flags & KSP_STORE_OPEN_CREATE))
    {
      /* Kasip 0.1 could leave such a file when killed while creating a workspace. */
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_A_WORKSPACE,
                   "%s: an empty file, not a Kasip workspace (perhaps left by an interrupted import); remove it, "
                   "or import into it to make it a workspace", path);
      close_db (self);
      return FALSE;
    }
  if (version != 0 && app_id != KSP_SQLITE_APPLICATION_ID)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_A_WORKSPACE,
                   "%s: an SQLite database of another application, not a Kasip workspace", path);
      close_db (self);
      return FALSE;
    }
  if (version > KSP_SQLITE_SCHEMA_VERSION)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_TOO_NEW,
                   "%s: written by a newer Kasip (workspace format %" G_GINT64_FORMAT
                   "; this Kasip %s reads formats up to %d). Update Kasip to open it.",
                   path, version, KSP_VERSION, KSP_SQLITE_SCHEMA_VERSION);
      close_db (self);
      return FALSE;
    }

  if (!(flags & KSP_STORE_OPEN_READ_ONLY))
    {
      /* WAL lets readers (a second window, the CLI) work while the editor writes. */
      if (!exec (self, "PRAGMA journal_mode = WAL", error))
        goto failed;
    }
  if (!exec (self, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL", error))
    goto failed;

  if (version < KSP_SQLITE_SCHEMA_VERSION)
    {
      if (flags & KSP_STORE_OPEN_READ_ONLY)
        {
          g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_READ_ONLY,
                       "%s: workspace format %" G_GINT64_FORMAT " must be upgraded to %d, "
                       "which cannot be done read-only", path, version, KSP_SQLITE_SCHEMA_VERSION);
          goto failed;
        }
      if (!migrate_to (self, (int) version, KSP_SQLITE_SCHEMA_VERSION, error))
        goto failed;
      if (version < 7 && version > 0)
        {
          /* the audit trail of before becomes the first entries of the chain */
          if (!exec (self, "BEGIN IMMEDIATE", error))
            goto failed;
          if (!_ksp_sqlite_log_seal_legacy (self, error) || !exec (self, "COMMIT", error))
            {
              sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
              goto failed;
            }
        }
    }

  if (flags & KSP_STORE_OPEN_READ_ONLY)
    {
      _ksp_store_set_read_only (store, forced_read_only ? forced_read_only : "opened read-only");
      return TRUE;
    }
  {
    /* what keeps editions and the log as written must be there before anything is written */
    g_autoptr (GPtrArray) problems = _ksp_sqlite_integrity_problems (self);
    if (problems->len > 0)
      {
        g_autofree char *reason = g_strdup_printf ("its protection was tampered with (%s): run kasip audit verify",
                                                   (const char *) g_ptr_array_index (problems, 0));
        _ksp_store_set_read_only (store, reason);
        return TRUE;
      }
  }
  if (!take_lock (self, flags, error))
    goto failed;
  return TRUE;

failed:
  close_db (self);
  return FALSE;
}

static void
ksp_sqlite_store_close (KspStore *store)
{
  close_db (KSP_SQLITE_STORE (store));
}

gboolean
ksp_sqlite_store_create_at_version (const char *path,
                                    int         version,
                                    GError    **error)
{
  g_autoptr (KspSqliteStore) self = g_object_new (KSP_TYPE_SQLITE_STORE, NULL);
  gboolean ok;

  g_return_val_if_fail (version >= 1 && version <= KSP_SQLITE_SCHEMA_VERSION, FALSE);
  _ksp_store_set_location (KSP_STORE (self), path);
  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      fail (self, error, "cannot create");
      close_db (self);
      return FALSE;
    }
  ok = exec (self, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON", error) &&
       migrate_to (self, 0, version, error);
  close_db (self);
  return ok;
}

/* ---------------------------------------------------------------------------------------------- */
/* reading                                                                                         */

/* One row per standard element of each draft (a document may hold several, as an order that approved
 * several standards does), or one row with NULLs for a document without any; in the order they were
 * added. The codes and titles come from the catalog the triggers keep (ksp-sqlite-schema.c), so this
 * reads a few small tables, not the standards themselves. A standard's name is its title in the list:
 * «name» when it has one (even empty), else «title». Cleaning, sorting and handles are the store's
 * business (ksp-store.c), not the backend's. */
static const char standards_sql[] =
  "SELECT s.id, t.id,"
  " (SELECT count(*) FROM tree e WHERE e.standard_id = s.id AND e.is_draft = 0),"
  " c.id, c.code, coalesce(c.name_ru, c.title_ru), coalesce(c.name_kk, c.title_kk)"
  " FROM standard s JOIN tree t ON t.standard_id = s.id AND t.is_draft = 1"
  " LEFT JOIN catalog c ON c.tree_id = t.id"
  " ORDER BY s.created_at, s.rowid, c.pos";

static GPtrArray *
ksp_sqlite_store_list_standards (KspStore *store,
                                 GError  **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_standard_info_free);
  sqlite3_stmt *s;
  int rc;

  if (!(s = stmt (self, standards_sql, error)))
    return NULL;
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      KspStandardInfo *info = g_new0 (KspStandardInfo, 1);
      info->standard_id = column_dup (s, 0);
      info->draft_tree = sqlite3_column_int64 (s, 1);
      info->n_editions = sqlite3_column_int (s, 2);
      info->node_id = column_dup (s, 3);
      info->code = column_dup (s, 4);
      info->title_ru = column_dup (s, 5);
      info->title_kk = column_dup (s, 6);
      g_ptr_array_add (list, info);
    }
  sqlite3_reset (s);
  if (rc != SQLITE_DONE)
    {
      fail (self, error, "listing standards");
      return NULL;
    }
  return g_steal_pointer (&list);
}

static GPtrArray *
ksp_sqlite_store_list_editions (KspStore   *store,
                                const char *standard_id,
                                GError    **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_edition_info_free);
  sqlite3_stmt *s;
  int rc;

  if (!(s = stmt (self, "SELECT id, edition_number, edition_year, edition_date, note, created_by, created_at, edition_act"
                        " FROM tree WHERE standard_id = ? AND is_draft = 0 ORDER BY edition_number", error)))
    return NULL;
  bind_text (s, 1, standard_id);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      KspEditionInfo *info = g_new0 (KspEditionInfo, 1);
      info->tree_id = sqlite3_column_int64 (s, 0);
      info->standard_id = g_strdup (standard_id);
      info->number = sqlite3_column_int (s, 1);
      info->year = sqlite3_column_int (s, 2);
      info->date = column_dup (s, 3);
      info->note = column_dup (s, 4);
      info->created_by = column_dup (s, 5);
      info->created_at = column_dup (s, 6);
      info->act = column_dup (s, 7);
      g_ptr_array_add (list, info);
    }
  sqlite3_reset (s);
  if (rc != SQLITE_DONE)
    {
      fail (self, error, "listing editions");
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* The rows of a tree, by row number (node.nid). An edition's rows are numbered in one run (its copy is
 * numbered from past the last row), and so are a draft's but for the elements added since the editions
 * that followed it: most trees are read by a scan of their run of numbers, in the table's order,
 * skipping the few rows of other trees in it; a scattered tree through the index of its tree_id. The
 * tree is built from the rows by the backend-neutral ksp-tree-loader.c. */
static KspNode *
ksp_sqlite_store_load_tree (KspStore *store,
                            gint64    tree_id,
                            GError  **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autoptr (KspTreeLoader) loader = NULL;
  gint64 lo = 0, hi = -1, count = 0;
  gboolean dense;
  sqlite3_stmt *s;
  int rc;

  /* the tree's run of row numbers, and how many rows it has in it */
  if (!(s = stmt (self, "SELECT min(nid), max(nid), count(*) FROM node WHERE tree_id = ?", error)))
    return NULL;
  sqlite3_bind_int64 (s, 1, tree_id);
  if ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      lo = sqlite3_column_int64 (s, 0);
      hi = sqlite3_column_int64 (s, 1);
      count = sqlite3_column_int64 (s, 2);
    }
  sqlite3_reset (s);
  if (rc != SQLITE_ROW)
    {
      fail (self, error, "reading elements");
      return NULL;
    }
  if (count == 0)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND,
                   "%s: no tree %" G_GINT64_FORMAT " in this workspace", location (self), tree_id);
      return NULL;
    }
  /* a scan reads a row of another tree at a fraction of the cost of a row found through the index */
  dense = hi - lo < 4 * count + 4096;
  loader = dense ? ksp_tree_loader_new (location (self), tree_id, lo, hi, (guint) count)
                 : ksp_tree_loader_new (location (self), tree_id, 0, -1, (guint) count);
  if (dense)
    s = stmt (self, "SELECT nid, parent, id, kind, number, src_line, pos FROM node"
                    " WHERE nid BETWEEN ?1 AND ?2 AND +tree_id = ?3", error);
  else
    s = stmt (self, "SELECT nid, parent, id, kind, number, src_line, pos FROM node WHERE tree_id = ?3", error);
  if (s == NULL)
    return NULL;
  if (dense)
    {
      sqlite3_bind_int64 (s, 1, lo);
      sqlite3_bind_int64 (s, 2, hi);
    }
  sqlite3_bind_int64 (s, 3, tree_id);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    if (!ksp_tree_loader_add_node (loader, sqlite3_column_int64 (s, 0), sqlite3_column_int64 (s, 1),
                                   sqlite3_column_int64 (s, 6), (const char *) sqlite3_column_text (s, 2),
                                   (const char *) sqlite3_column_text (s, 3),
                                   (const char *) sqlite3_column_text (s, 4), (guint) sqlite3_column_int (s, 5),
                                   error))
      {
        sqlite3_reset (s);
        return NULL;
      }
  sqlite3_reset (s);
  if (rc != SQLITE_DONE)
    {
      fail (self, error, "reading elements");
      return NULL;
    }
  if (!ksp_tree_loader_link (loader, error))
    return NULL;

  /* the values, in the table's order, those of another tree's rows skipped */
  if (dense)
    s = stmt (self, "SELECT node, field, lang, text FROM value WHERE node BETWEEN ?1 AND ?2", error);
  else
    s = stmt (self, "SELECT node, field, lang, text FROM value WHERE node IN (SELECT nid FROM node WHERE tree_id = ?3)",
              error);
  if (s == NULL)
    return NULL;
  if (dense)
    {
      sqlite3_bind_int64 (s, 1, lo);
      sqlite3_bind_int64 (s, 2, hi);
    }
  else
    sqlite3_bind_int64 (s, 3, tree_id);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (s, 3);
      if (!ksp_tree_loader_add_value (loader, sqlite3_column_int64 (s, 0), (const char *) sqlite3_column_text (s, 1),
                                      (const char *) sqlite3_column_text (s, 2), text,
                                      (gsize) sqlite3_column_bytes (s, 3), error))
        {
          sqlite3_reset (s);
          return NULL;
        }
    }
  sqlite3_reset (s);
  if (rc != SQLITE_DONE)
    {
      fail (self, error, "reading values");
      return NULL;
    }
  return ksp_tree_loader_finish (loader);
}

/* ---------------------------------------------------------------------------------------------- */
/* writing                                                                                         */

/* The row of element @id in @tree (node.nid), or 0 with KSP_STORE_ERROR_NOT_FOUND. */
static gint64
lookup_nid (KspSqliteStore *self,
            gint64          tree,
            const char     *id,
            GError        **error)
{
  sqlite3_stmt *s;
  gint64 nid = 0;
  int rc;

  if (!(s = stmt (self, "SELECT nid FROM node WHERE tree_id = ? AND id = ?", error)))
    return 0;
  sqlite3_bind_int64 (s, 1, tree);
  bind_text (s, 2, id);
  rc = sqlite3_step (s);
  if (rc == SQLITE_ROW)
    nid = sqlite3_column_int64 (s, 0);
  sqlite3_reset (s);
  if (rc == SQLITE_DONE)
    g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND,
                 "%s: no element %s in tree %" G_GINT64_FORMAT, location (self), id, tree);
  else if (rc != SQLITE_ROW)
    fail (self, error, "finding an element");
  return nid;
}

typedef struct
{
  KspSqliteStore *self;
  sqlite3_stmt   *insert;
  gint64          nid;
  GError        **error;
  gboolean        ok;
} ValueWriter;

static void
write_one_value (KspNode    *node,
                 const char *field,
                 KspLang     lang,
                 const char *value,
                 gpointer    user_data)
{
  ValueWriter *w = user_data;

  if (!w->ok)
    return;
  sqlite3_reset (w->insert);
  sqlite3_bind_int64 (w->insert, 1, w->nid);
  bind_text (w->insert, 2, field);
  bind_text (w->insert, 3, ksp_lang_to_string (lang));
  bind_text (w->insert, 4, value);
  w->ok = step_done (w->self, w->insert, w->error, "storing a value");
}

/* Writes @node (and, if @recursive, everything under it) under the row @parent_nid (0: look it up). */
static gboolean
write_node_rec (KspSqliteStore *self,
                gint64          tree,
                KspNode        *node,
                gint64          parent_nid,
                gboolean        recursive,
                GError        **error)
{
  KspNode *parent = ksp_node_get_parent (node);
  guint pos = 0;
  sqlite3_stmt *s;
  ValueWriter w = { self, NULL, 0, error, TRUE };
  int rc;

  if (parent)
    {
      ksp_node_find_child (parent, node, &pos);
      if (parent_nid == 0 && (parent_nid = lookup_nid (self, tree, ksp_node_get_id (parent), error)) == 0)
        return FALSE;
    }

  if (!(s = stmt (self, "INSERT INTO node (tree_id, id, parent, kind, pos, number, src_line)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tree_id, id) DO UPDATE SET"
                        " parent = excluded.parent, kind = excluded.kind, pos = excluded.pos,"
                        " number = excluded.number, src_line = excluded.src_line RETURNING nid", error)))
    return FALSE;
  sqlite3_bind_int64 (s, 1, tree);
  bind_text (s, 2, ksp_node_get_id (node));
  if (parent)
    sqlite3_bind_int64 (s, 3, parent_nid);
  else
    sqlite3_bind_null (s, 3);
  bind_text (s, 4, ksp_node_get_kind (node));
  sqlite3_bind_int (s, 5, pos);
  bind_text (s, 6, ksp_node_get_number (node));
  sqlite3_bind_int (s, 7, ksp_node_get_src_line (node));
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    w.nid = sqlite3_column_int64 (s, 0);
  sqlite3_reset (s);
  if (rc != SQLITE_DONE || w.nid == 0)
    return fail (self, error, "storing an element");

  if (!(s = stmt (self, "DELETE FROM value WHERE node = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (s, 1, w.nid);
  if (!step_done (self, s, error, "storing an element"))
    return FALSE;

  if (!(w.insert = stmt (self, "INSERT INTO value (node, field, lang, text) VALUES (?, ?, ?, ?)", error)))
    return FALSE;
  ksp_node_foreach_value (node, write_one_value, &w);
  if (!w.ok)
    return FALSE;

  if (recursive)
    {
      guint n = ksp_node_get_n_children (node);
      for (guint i = 0; i < n; i++)
        if (!write_node_rec (self, tree, ksp_node_get_child (node, i), w.nid, TRUE, error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
ksp_sqlite_store_write_node (KspStore *store,
                             gint64    tree,
                             KspNode  *node,
                             gboolean  recursive,
                             GError  **error)
{
  return write_node_rec (KSP_SQLITE_STORE (store), tree, node, 0, recursive, error);
}

static gboolean
ksp_sqlite_store_write_value (KspStore   *store,
                              gint64      tree,
                              const char *node_id,
                              const char *field,
                              KspLang     lang,
                              const char *value,
                              GError    **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  gint64 nid = lookup_nid (self, tree, node_id, error);
  sqlite3_stmt *s;

  if (nid == 0)
    return FALSE;
  if (value == NULL)
    s = stmt (self, "DELETE FROM value WHERE node = ? AND field = ? AND lang = ?", error);
  else
    s = stmt (self, "INSERT INTO value (node, field, lang, text) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (node, field, lang) DO UPDATE SET text = excluded.text", error);
  if (s == NULL)
    return FALSE;
  sqlite3_bind_int64 (s, 1, nid);
  bind_text (s, 2, field);
  bind_text (s, 3, ksp_lang_to_string (lang));
  if (value)
    bind_text (s, 4, value);
  return step_done (self, s, error, "storing a value");
}

static gboolean
ksp_sqlite_store_delete_node (KspStore   *store,
                              gint64      tree,
                              const char *node_id,
                              GError    **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  sqlite3_stmt *s;

  /* Children and values go with it (ON DELETE CASCADE). */
  if (!(s = stmt (self, "DELETE FROM node WHERE tree_id = ? AND id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (s, 1, tree);
  bind_text (s, 2, node_id);
  return step_done (self, s, error, "removing an element");
}

static gboolean
ksp_sqlite_store_write_order (KspStore *store,
                              gint64    tree,
                              KspNode  *parent,
                              GError  **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  guint n = ksp_node_get_n_children (parent);

  for (guint i = 0; i < n; i++)
    {
      sqlite3_stmt *s = stmt (self, "UPDATE node SET pos = ? WHERE tree_id = ? AND id = ? AND pos != ?", error);
      if (s == NULL)
        return FALSE;
      sqlite3_bind_int (s, 1, i);
      sqlite3_bind_int64 (s, 2, tree);
      bind_text (s, 3, ksp_node_get_id (ksp_node_get_child (parent, i)));
      sqlite3_bind_int (s, 4, i);
      if (!step_done (self, s, error, "reordering elements"))
        return FALSE;
    }
  return TRUE;
}

static gboolean
ksp_sqlite_store_append_log (KspStore    *store,
                             KspLogEntry *entry,
                             GError     **error)
{
  return _ksp_sqlite_log_append (KSP_SQLITE_STORE (store), entry, error);
}

static GPtrArray *
ksp_sqlite_store_list_log (KspStore   *store,
                           const char *standard_id,
                           GError    **error)
{
  return _ksp_sqlite_log_list (KSP_SQLITE_STORE (store), standard_id, error);
}

static GPtrArray *
ksp_sqlite_store_list_log_after (KspStore   *store,
                                 const char *standard_id,
                                 gint64      after_id,
                                 GError    **error)
{
  return _ksp_sqlite_log_list_after (KSP_SQLITE_STORE (store), standard_id, after_id, error);
}

static gint64
ksp_sqlite_store_get_revision (KspStore   *store,
                               const char *standard_id,
                               GError    **error)
{
  return _ksp_sqlite_log_revision (KSP_SQLITE_STORE (store), standard_id, error);
}

static gboolean
ksp_sqlite_store_get_log_head (KspStore *store,
                               char    **out_hash,
                               gint64   *out_count,
                               GError  **error)
{
  return _ksp_sqlite_log_head (KSP_SQLITE_STORE (store), out_hash, out_count, error);
}

static GPtrArray *
ksp_sqlite_store_dup_integrity_problems (KspStore *store)
{
  return _ksp_sqlite_integrity_problems (KSP_SQLITE_STORE (store));
}

static gint64
ksp_sqlite_store_add_standard (KspStore   *store,
                               KspNode    *root,
                               const char *user,
                               GError    **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autofree char *now = now_iso ();
  g_autoptr (KspLogEntry) entry = NULL;
  g_autofree char *label = NULL;
  sqlite3_stmt *s;
  gint64 tree;

  /* Named in messages and the audit trail by its (first) standard. */
  label = _ksp_store_dup_document_label (root);

  if (!ksp_sqlite_store_begin (store, error))
    return 0;

  /* The same document imported twice (e.g. a DOCX exported from this workspace) keeps its IDs. */
  if (!(s = stmt (self, "SELECT 1 FROM standard WHERE id = ?", error)))
    goto failed;
  bind_text (s, 1, ksp_node_get_id (root));
  if (sqlite3_step (s) == SQLITE_ROW)
    {
      sqlite3_reset (s);
      _ksp_store_set_already_there (store, root, label, error);
      goto failed;
    }
  sqlite3_reset (s);

  if (!(s = stmt (self, "INSERT INTO standard (id, created_at, created_by) VALUES (?, ?, ?)", error)))
    goto failed;
  bind_text (s, 1, ksp_node_get_id (root));
  bind_text (s, 2, now);
  bind_text (s, 3, user);
  if (!step_done (self, s, error, "adding a standard"))
    goto failed;

  if (!(s = stmt (self, "INSERT INTO tree (standard_id, is_draft, created_at, created_by) VALUES (?, 1, ?, ?)",
                  error)))
    goto failed;
  bind_text (s, 1, ksp_node_get_id (root));
  bind_text (s, 2, now);
  bind_text (s, 3, user);
  if (!step_done (self, s, error, "adding a standard"))
    goto failed;
  tree = sqlite3_last_insert_rowid (self->db);

  if (!write_node_rec (self, tree, root, 0, TRUE, error))
    goto failed;
  entry = _ksp_store_new_create_entry (store, root, tree, user, label);
  if (!_ksp_sqlite_log_append (self, entry, error))
    goto failed;
  if (!ksp_sqlite_store_commit (store, error))
    goto failed;
  return tree;

failed:
  ksp_sqlite_store_rollback (store);
  return 0;
}

static gint64
ksp_sqlite_store_create_edition (KspStore             *store,
                                 const KspEditionInfo *info,
                                 GError              **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autofree char *now = now_iso ();
  sqlite3_stmt *s;
  gint64 draft = 0, tree, shift = 0;
  int number = info->number;
  g_autoptr (KspLogEntry) entry = NULL;
  g_autoptr (KspNode) frozen = NULL;

  if (!ksp_sqlite_store_begin (store, error))
    return 0;

  if (!(s = stmt (self, "SELECT t.id, (SELECT coalesce(max(edition_number), 0) + 1 FROM tree e"
                        " WHERE e.standard_id = t.standard_id AND e.is_draft = 0)"
                        " FROM tree t WHERE t.standard_id = ? AND t.is_draft = 1", error)))
    goto failed;
  bind_text (s, 1, info->standard_id);
  if (sqlite3_step (s) == SQLITE_ROW)
    {
      draft = sqlite3_column_int64 (s, 0);
      if (number <= 0)
        number = sqlite3_column_int (s, 1);
    }
  sqlite3_reset (s);
  if (draft == 0)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND, "%s: no standard %s",
                   location (self), info->standard_id);
      goto failed;
    }

  if (!(s = stmt (self, "INSERT INTO tree (standard_id, is_draft, frozen, edition_number, edition_year,"
                        " edition_date, note, created_at, created_by, edition_act) VALUES (?, 0, 0, ?, ?, ?, ?, ?, ?, ?)", error)))
    goto failed;
  bind_text (s, 1, info->standard_id);
  sqlite3_bind_int (s, 2, number);
  if (info->year > 0)
    sqlite3_bind_int (s, 3, info->year);
  bind_text (s, 4, info->date);
  bind_text (s, 5, info->note);
  bind_text (s, 6, now);
  bind_text (s, 7, ksp_store_get_user (store));
  bind_text (s, 8, info->act);
  if (!step_done (self, s, error, "creating an edition"))
    goto failed;
  tree = sqlite3_last_insert_rowid (self->db);

  /* The copy's rows are the draft's, numbered from past the last row: row + shift, parent + shift. */
  if (!(s = stmt (self, "SELECT (SELECT coalesce(max(nid), 0) FROM node) + 1 - min(nid) FROM node WHERE tree_id = ?",
                  error)))
    goto failed;
  sqlite3_bind_int64 (s, 1, draft);
  if (sqlite3_step (s) == SQLITE_ROW)
    shift = sqlite3_column_int64 (s, 0);
  sqlite3_reset (s);
  if (shift <= 0)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_CORRUPT, "%s: the draft of %s has no elements",
                   location (self), info->standard_id);
      goto failed;
    }
  if (!(s = stmt (self, "INSERT INTO node (nid, tree_id, id, parent, kind, pos, number, src_line)"
                        " SELECT nid + ?1, ?2, id, parent + ?1, kind, pos, number, src_line FROM node"
                        " WHERE tree_id = ?3 ORDER BY nid", error)))
    goto failed;
  sqlite3_bind_int64 (s, 1, shift);
  sqlite3_bind_int64 (s, 2, tree);
  sqlite3_bind_int64 (s, 3, draft);
  if (!step_done (self, s, error, "creating an edition"))
    goto failed;
  if (!(s = stmt (self, "INSERT INTO value (node, field, lang, text)"
                        " SELECT v.node + ?1, v.field, v.lang, v.text FROM node n JOIN value v ON v.node = n.nid"
                        " WHERE n.tree_id = ?2 ORDER BY v.node, v.field, v.lang", error)))
    goto failed;
  sqlite3_bind_int64 (s, 1, shift);
  sqlite3_bind_int64 (s, 2, draft);
  if (!step_done (self, s, error, "creating an edition"))
    goto failed;
  if (!(s = stmt (self, "UPDATE tree SET frozen = 1 WHERE id = ?", error)))
    goto failed;
  sqlite3_bind_int64 (s, 1, tree);
  if (!step_done (self, s, error, "creating an edition"))
    goto failed;

  /* the entry records the hash of the content frozen: a rewritten edition is found by it */
  if (!(frozen = ksp_sqlite_store_load_tree (store, tree, error)))
    goto failed;
  entry = _ksp_store_new_freeze_entry (store, info->standard_id, tree, frozen, number, info->note);
  if (!_ksp_sqlite_log_append (self, entry, error))
    goto failed;
  if (!ksp_sqlite_store_commit (store, error))
    goto failed;
  return tree;

failed:
  ksp_sqlite_store_rollback (store);
  return 0;
}

static gboolean
ksp_sqlite_store_put_reference (KspStore   *store,
                                const char *kind,
                                const char *source,
                                const char *content,
                                GError    **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autofree char *now = now_iso ();
  sqlite3_stmt *s;

  if (!(s = stmt (self, "INSERT OR REPLACE INTO reference (kind, source, content, imported_at, imported_by)"
                        " VALUES (?, ?, ?, ?, ?)", error)))
    return FALSE;
  bind_text (s, 1, kind);
  bind_text (s, 2, source);
  bind_text (s, 3, content);
  bind_text (s, 4, now);
  bind_text (s, 5, ksp_store_get_user (store));
  return step_done (self, s, error, "storing reference data");
}

static char *
ksp_sqlite_store_get_reference (KspStore   *store,
                                const char *kind,
                                char      **out_source,
                                GError    **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  sqlite3_stmt *s;
  char *content = NULL;
  int rc;

  if (!(s = stmt (self, "SELECT content, source FROM reference WHERE kind = ?", error)))
    return NULL;
  bind_text (s, 1, kind);
  rc = sqlite3_step (s);
  if (rc == SQLITE_ROW)
    {
      content = column_dup (s, 0);
      if (out_source)
        *out_source = column_dup (s, 1);
    }
  sqlite3_reset (s);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    fail (self, error, "reading reference data");
  return content;
}

static gboolean
ksp_sqlite_store_put_justification (KspStore   *store,
                                    const char *standard_id,
                                    const char *change_key,
                                    KspLang     lang,
                                    const char *text,
                                    GError    **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autofree char *now = now_iso ();
  sqlite3_stmt *s;

  if (text == NULL)
    {
      if (!(s = stmt (self, "DELETE FROM justification WHERE standard_id = ? AND change_key = ? AND lang = ?", error)))
        return FALSE;
      bind_text (s, 1, standard_id);
      bind_text (s, 2, change_key);
      bind_text (s, 3, ksp_lang_to_string (lang));
      return step_done (self, s, error, "removing a justification");
    }
  if (!(s = stmt (self, "INSERT OR REPLACE INTO justification (standard_id, change_key, lang, text, author, updated_at)"
                        " SELECT id, ?, ?, ?, ?, ? FROM standard WHERE id = ?", error)))
    return FALSE;
  bind_text (s, 1, change_key);
  bind_text (s, 2, ksp_lang_to_string (lang));
  bind_text (s, 3, text);
  bind_text (s, 4, ksp_store_get_user (store));
  bind_text (s, 5, now);
  bind_text (s, 6, standard_id);
  if (!step_done (self, s, error, "storing a justification"))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND,
                   "%s: no standard %s in the workspace", ksp_store_get_location (store), standard_id);
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
ksp_sqlite_store_list_justifications (KspStore   *store,
                                      const char *standard_id,
                                      GError    **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_justification_free);
  sqlite3_stmt *s;
  int rc;

  if (!(s = stmt (self, "SELECT change_key, lang, text, author, updated_at FROM justification"
                        " WHERE standard_id = ? ORDER BY change_key, lang", error)))
    return NULL;
  bind_text (s, 1, standard_id);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      KspJustification *j = g_new0 (KspJustification, 1);
      j->change_key = column_dup (s, 0);
      if (!ksp_lang_from_string ((const char *) sqlite3_column_text (s, 1), &j->lang))
        j->lang = KSP_LANG_NONE;
      j->text = column_dup (s, 2);
      j->author = column_dup (s, 3);
      j->updated_at = column_dup (s, 4);
      g_ptr_array_add (list, j);
    }
  sqlite3_reset (s);
  if (rc != SQLITE_DONE)
    {
      fail (self, error, "reading the justifications");
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---------------------------------------------------------------------------------------------- */

static void
ksp_sqlite_store_finalize (GObject *object)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (object);

  close_db (self);
  g_hash_table_unref (self->stmts);
  ksp_lock_info_free (self->holder);
  G_OBJECT_CLASS (ksp_sqlite_store_parent_class)->finalize (object);
}

static void
ksp_sqlite_store_class_init (KspSqliteStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KspStoreClass *store_class = KSP_STORE_CLASS (klass);

  object_class->finalize = ksp_sqlite_store_finalize;

  store_class->open = ksp_sqlite_store_open;
  store_class->close = ksp_sqlite_store_close;
  store_class->list_standards = ksp_sqlite_store_list_standards;
  store_class->list_editions = ksp_sqlite_store_list_editions;
  store_class->load_tree = ksp_sqlite_store_load_tree;
  store_class->add_standard = ksp_sqlite_store_add_standard;
  store_class->create_edition = ksp_sqlite_store_create_edition;
  store_class->begin = ksp_sqlite_store_begin;
  store_class->commit = ksp_sqlite_store_commit;
  store_class->rollback = ksp_sqlite_store_rollback;
  store_class->write_value = ksp_sqlite_store_write_value;
  store_class->write_node = ksp_sqlite_store_write_node;
  store_class->delete_node = ksp_sqlite_store_delete_node;
  store_class->write_order = ksp_sqlite_store_write_order;
  store_class->append_log = ksp_sqlite_store_append_log;
  store_class->list_log = ksp_sqlite_store_list_log;
  store_class->get_log_head = ksp_sqlite_store_get_log_head;
  /* one writer per file (the lock): lock_standard and the watch are the defaults (nothing to wait for) */
  store_class->list_log_after = ksp_sqlite_store_list_log_after;
  store_class->get_revision = ksp_sqlite_store_get_revision;
  store_class->dup_integrity_problems = ksp_sqlite_store_dup_integrity_problems;
  store_class->list_change_sets = _ksp_sqlite_list_change_sets;
  store_class->current_change_set = _ksp_sqlite_current_change_set;
  store_class->write_change_set = _ksp_sqlite_write_change_set;
  store_class->list_people = _ksp_sqlite_list_people;
  store_class->write_person = _ksp_sqlite_write_person;
  store_class->list_comments = _ksp_sqlite_list_comments;
  store_class->add_comment = _ksp_sqlite_add_comment;
  store_class->resolve_comment = _ksp_sqlite_resolve_comment;
  store_class->add_change_set = _ksp_sqlite_add_change_set;
  store_class->move_log_entries = _ksp_sqlite_move_log_entries;
  store_class->dup_membership = _ksp_sqlite_dup_membership;
  store_class->dup_lock_holder = ksp_sqlite_store_dup_lock_holder;
  store_class->heartbeat = ksp_sqlite_store_heartbeat;
  store_class->put_reference = ksp_sqlite_store_put_reference;
  store_class->in_transaction = ksp_sqlite_store_in_transaction;
  store_class->get_reference = ksp_sqlite_store_get_reference;
  store_class->put_justification = ksp_sqlite_store_put_justification;
  store_class->list_justifications = ksp_sqlite_store_list_justifications;
  _ksp_sqlite_copy_init_class (store_class);
}

static void
finalize_stmt (gpointer data)
{
  sqlite3_finalize (data);
}

static void
ksp_sqlite_store_init (KspSqliteStore *self)
{
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_stmt);
}

KspStore *
ksp_sqlite_store_new (void)
{
  return g_object_new (KSP_TYPE_SQLITE_STORE, NULL);
}
