/* ksp-pg-store.c: the PostgreSQL workspace backend (see ksp-pg-store.h)
 *
 * One connection per store. Transactions nest as in the SQLite backend (BEGIN, then savepoints). A shared
 * workspace has no single-writer lock: every session may write, the server serialises what must be (the
 * head of the change log is a row locked by each append). Trees are built from the rows by the
 * backend-neutral ksp-tree-loader.c.
 */
#include "config.h"

#include <string.h>

#include "ksp-pg-store-private.h"
#include "ksp-tree-loader.h"

struct _KspPgStore
{
  KspStore  parent_instance;
  PGconn   *conn;
  guint     depth;   /* transaction nesting */
  gboolean  listening;  /* LISTEN KSP_PG_CHANNEL was said on this connection */
  GPtrArray *presence;  /* KspPresenceNote heard and not taken yet */
  gboolean  lost;       /* the connection went away: nothing is sent until it is made again (reconnect) */
  guint     n_reconnections;
};

G_DEFINE_FINAL_TYPE (KspPgStore, ksp_pg_store, KSP_TYPE_STORE)

/* 'KSP1', the advisory lock under which a workspace is made or upgraded */
#define KSP_PG_MIGRATION_LOCK "1263751217"

/* ---------------------------------------------------------------------------------------------- */
/* helpers                                                                                         */

void
_ksp_pg_text (KspPgParams *p,
              const char  *text)
{
  g_return_if_fail (p->n < KSP_PG_MAX_PARAMS);
  p->values[p->n++] = text;
}

void
_ksp_pg_int (KspPgParams *p,
             gint64       value)
{
  g_return_if_fail (p->n < KSP_PG_MAX_PARAMS);
  g_snprintf (p->owned[p->n], sizeof p->owned[p->n], "%" G_GINT64_FORMAT, value);
  p->values[p->n] = p->owned[p->n];
  p->n++;
}

PGconn *
_ksp_pg_conn (KspPgStore *self)
{
  return self->conn;
}

const char *
_ksp_pg_location (KspPgStore *self)
{
  const char *loc = ksp_store_get_location (KSP_STORE (self));
  return loc ? loc : "workspace";
}

char *
_ksp_pg_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
set_result_error (KspPgStore     *self,
                  const PGresult *r,
                  const char     *what,
                  GError        **error)
{
  const char *state = r ? PQresultErrorField (r, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = r ? PQresultErrorField (r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  int code = KSP_STORE_ERROR_FAILED;

  if (primary == NULL)
    primary = self->conn ? PQerrorMessage (self->conn) : "not connected";
  if (state && (strcmp (state, "KS001") == 0 || strcmp (state, "KS002") == 0))
    code = KSP_STORE_ERROR_IMMUTABLE;
  else if (state && strcmp (state, "25006") == 0)   /* read_only_sql_transaction */
    code = KSP_STORE_ERROR_READ_ONLY;
  else if (state && (strcmp (state, "40001") == 0 || strcmp (state, "40P01") == 0 || strcmp (state, "55P03") == 0))
    code = KSP_STORE_ERROR_BUSY;
  g_set_error (error, KSP_STORE_ERROR, code, "%s: %s: %s", _ksp_pg_location (self), what, primary);
  /* libpq's messages end with a line break */
  if (error && *error)
    g_strchomp ((*error)->message);
}

/* ---------------------------------------------------------------------------------------------- */
/* a lost connection                                                                               */

/* When the server goes away (stopped, restarted, the network cut), the statement that finds it fails with
 * KSP_STORE_ERROR_DISCONNECTED and the session's transaction is gone with the connection: the callers'
 * rollbacks unwind their levels without a word to the server, and until the outermost one has, every
 * statement fails the same way (nothing written after the loss can be committed as if it were still in the
 * transaction). The next call outside a transaction tries once to connect again (PQreset, the same
 * address and role) and says again what the session had said (UTF-8, the messages it wants, read-only,
 * LISTEN); a caller retries the step after it. A lost COMMIT is told apart: the server may have stored
 * the change before the reply was lost, and only the change log says (a document's next sync brings it in). */

/* Whether the server went away: the socket closed, or the server said it is going (SQLSTATE class 57P:
 * shutdown, crash, cannot connect now, database dropped). */
static gboolean
connection_lost (KspPgStore     *self,
                 const PGresult *r)
{
  const char *state = r ? PQresultErrorField (r, PG_DIAG_SQLSTATE) : NULL;

  if (PQstatus (self->conn) == CONNECTION_BAD)
    return TRUE;
  if (state == NULL)
    {
      /* libpq's own failure, not the server's: a statement whose sending failed can leave the connection
       * looking good (the server's end is closed, libpq has not read it yet); reading says */
      return !PQconsumeInput (self->conn) || PQstatus (self->conn) == CONNECTION_BAD;
    }
  return g_str_has_prefix (state, "57P");
}

/* libpq's first line on the connection (its messages run on over several lines). */
static char *
dup_conn_message (KspPgStore *self)
{
  const char *msg = PQerrorMessage (self->conn);
  const char *end = msg ? strchr (msg, '\n') : NULL;
  g_autofree char *line = end ? g_strndup (msg, (gsize) (end - msg)) : g_strdup (msg ? msg : "");

  g_strstrip (line);
  return *line ? g_steal_pointer (&line) : g_strdup ("no reply");
}

static void
set_lost_error (KspPgStore *self,
                const char *what,
                GError    **error)
{
  g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_DISCONNECTED,
               "%s: %s: the connection to the server was lost; the change was not stored",
               _ksp_pg_location (self), what);
}

static void
lose_connection (KspPgStore *self)
{
  if (!self->lost)
    g_debug ("%s: the connection to the server was lost (%u levels of transaction gone)", _ksp_pg_location (self),
             self->depth);
  self->lost = TRUE;
}

/* A statement on the connection as it is, without the checks of run () (what a new connection is told). */
static gboolean
set_up_connection (KspPgStore *self,
                   const char *sql)
{
  g_autoptr (PGresult) r = PQexec (self->conn, sql);
  return PQresultStatus (r) == PGRES_COMMAND_OK;
}

/* Connects again (once) after the connection was lost, outside any transaction. */
static gboolean
reconnect (KspPgStore *self,
           const char *what,
           GError    **error)
{
  g_autofree char *why = NULL;

  PQreset (self->conn);
  if (PQstatus (self->conn) == CONNECTION_OK &&
      PQsetClientEncoding (self->conn, "UTF8") == 0 &&
      set_up_connection (self, "SET client_min_messages = warning") &&
      (!ksp_store_is_read_only (KSP_STORE (self)) ||
       set_up_connection (self, "SET default_transaction_read_only = on")) &&
      (!self->listening || set_up_connection (self, KSP_PG_LISTEN_SQL)))
    {
      self->lost = FALSE;
      self->n_reconnections++;
      g_debug ("%s: connected to the server again (%u)", _ksp_pg_location (self), self->n_reconnections);
      return TRUE;
    }
  why = dup_conn_message (self);
  g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_DISCONNECTED,
               "%s: %s: the connection to the server was lost and could not be made again (%s); the change was "
               "not stored", _ksp_pg_location (self), what, why);
  return FALSE;
}

/* Whether a statement may be sent: connected, or connected again when the connection was lost outside a
 * transaction. */
static gboolean
ensure_connection (KspPgStore *self,
                   const char *what,
                   GError    **error)
{
  if (self->conn == NULL)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_FAILED, "%s: %s: not connected", _ksp_pg_location (self),
                   what);
      return FALSE;
    }
  if (!self->lost && PQstatus (self->conn) == CONNECTION_BAD)
    lose_connection (self);   /* found gone between statements (reading notifications) */
  if (!self->lost)
    return TRUE;
  if (self->depth > 0)
    {
      /* the transaction went with the connection: its callers roll back first */
      set_lost_error (self, what, error);
      return FALSE;
    }
  return reconnect (self, what, error);
}

/* Runs @sql: with @params (nullable) as one statement, or as a @script of the backend's own. */
static PGresult *
run (KspPgStore        *self,
     const char        *sql,
     const KspPgParams *params,
     gboolean           script,
     const char        *what,
     GError           **error)
{
  PGresult *r;
  ExecStatusType status;

  if (!ensure_connection (self, what, error))
    return NULL;
  if (script)
    r = PQexec (self->conn, sql);
  else
    r = PQexecParams (self->conn, sql, params ? params->n : 0, NULL, params ? params->values : NULL, NULL, NULL, 0);
  status = PQresultStatus (r);
  if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
    return r;
  if (connection_lost (self, r))
    {
      lose_connection (self);
      set_lost_error (self, what, error);
    }
  else
    set_result_error (self, r, what, error);
  PQclear (r);
  return NULL;
}

PGresult *
_ksp_pg_query (KspPgStore        *self,
               const char        *sql,
               const KspPgParams *params,
               const char        *what,
               GError           **error)
{
  return run (self, sql, params, FALSE, what, error);
}

gboolean
_ksp_pg_command (KspPgStore        *self,
                 const char        *sql,
                 const KspPgParams *params,
                 const char        *what,
                 GError           **error)
{
  g_autoptr (PGresult) r = _ksp_pg_query (self, sql, params, what, error);
  return r != NULL;
}

gint64
_ksp_pg_command_count (KspPgStore        *self,
                       const char        *sql,
                       const KspPgParams *params,
                       const char        *what,
                       GError           **error)
{
  g_autoptr (PGresult) r = _ksp_pg_query (self, sql, params, what, error);
  return r ? g_ascii_strtoll (PQcmdTuples (r), NULL, 10) : -1;
}

char *
_ksp_pg_dup (const PGresult *r,
             int             row,
             int             col)
{
  return PQgetisnull (r, row, col) ? NULL : g_strdup (PQgetvalue (r, row, col));
}

gint64
_ksp_pg_int64 (const PGresult *r,
               int             row,
               int             col)
{
  return PQgetisnull (r, row, col) ? 0 : g_ascii_strtoll (PQgetvalue (r, row, col), NULL, 10);
}

/* A script of the backend's own (migrations), without parameters. */
static gboolean
exec_script (KspPgStore *self,
             const char *sql,
             const char *what,
             GError    **error)
{
  g_autoptr (PGresult) r = run (self, sql, NULL, TRUE, what, error);
  return r != NULL;
}

/* ---------------------------------------------------------------------------------------------- */
/* transactions                                                                                    */

static gboolean
ksp_pg_store_begin (KspStore *store,
                    GError  **error)
{
  KspPgStore *self = KSP_PG_STORE (store);
  g_autofree char *sql = self->depth == 0 ? g_strdup ("BEGIN") : g_strdup_printf ("SAVEPOINT sp%u", self->depth);

  /* at the top, a connection lost since the last step is made again here (exec_script) */
  if (!exec_script (self, sql, "starting a transaction", error))
    return FALSE;
  self->depth++;
  return TRUE;
}

/* For reads that must see one moment (a tree's elements and its values, the log and its records): at the
 * top, a transaction of one snapshot (REPEATABLE READ); inside the caller's, a savepoint of it. Ended with
 * ksp_pg_store_commit(). */
gboolean
_ksp_pg_begin_read (KspPgStore *self,
                    GError    **error)
{
  if (self->depth > 0)
    return ksp_pg_store_begin (KSP_STORE (self), error);
  if (!exec_script (self, "BEGIN ISOLATION LEVEL REPEATABLE READ", "starting a transaction", error))
    return FALSE;
  self->depth++;
  return TRUE;
}

static gboolean
ksp_pg_store_commit (KspStore *store,
                     GError  **error)
{
  KspPgStore *self = KSP_PG_STORE (store);
  g_autofree char *sql = NULL;
  gboolean was_lost;

  g_return_val_if_fail (self->depth > 0, FALSE);
  was_lost = self->lost || PQstatus (self->conn) == CONNECTION_BAD;
  if (!was_lost && PQtransactionStatus (self->conn) == PQTRANS_INERROR)
    {
      /* COMMIT of a failed transaction would roll it back and say nothing */
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_FAILED,
                   "%s: the change was not stored: a statement of the transaction failed", _ksp_pg_location (self));
      return FALSE;
    }
  sql = self->depth == 1 ? g_strdup ("COMMIT") : g_strdup_printf ("RELEASE sp%u", self->depth - 1);
  if (!exec_script (self, sql, "storing the change", error))
    {
      if (self->lost && self->depth == 1)
        {
          self->depth = 0;   /* the transaction is gone, either way */
          if (!was_lost && error && *error)
            {
              /* COMMIT went out and its reply did not come back: the server may have stored it */
              g_clear_error (error);
              g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_DISCONNECTED,
                           "%s: the connection to the server was lost while the change was being stored: whether it "
                           "was stored is not known (the change log says, once connected again)",
                           _ksp_pg_location (self));
            }
        }
      else if (self->depth == 1 && PQtransactionStatus (self->conn) == PQTRANS_IDLE)
        self->depth = 0;   /* the server rolled it back (a deferred check failed) */
      return FALSE;
    }
  self->depth--;
  return TRUE;
}

static void
ksp_pg_store_rollback (KspStore *store)
{
  KspPgStore *self = KSP_PG_STORE (store);
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;

  if (self->depth == 0)
    return;
  if (self->lost || PQstatus (self->conn) == CONNECTION_BAD)
    {
      /* the server let go of the transaction with the connection: only the level is unwound */
      lose_connection (self);
      self->depth--;
      return;
    }
  if (PQtransactionStatus (self->conn) == PQTRANS_IDLE)
    {
      self->depth = 0;   /* nothing is left to undo */
      return;
    }
  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO sp%u; RELEASE sp%u", self->depth - 1, self->depth - 1);
  if (!exec_script (self, sql, "rolling back", &error) && !self->lost)
    g_warning ("%s", error->message);   /* (lost meanwhile: the server rolled it back) */
  self->depth--;
}

static gboolean
ksp_pg_store_in_transaction (KspStore *store)
{
  KspPgStore *self = KSP_PG_STORE (store);

  return self->depth > 0 && self->conn && PQtransactionStatus (self->conn) != PQTRANS_IDLE;
}

/* ---------------------------------------------------------------------------------------------- */
/* open and close                                                                                  */

/* Whether the address holds a password (in its user part, or a password= parameter). */
static gboolean
uri_has_password (const char *uri)
{
  const char *rest = strstr (uri, "://");
  const char *end, *at, *colon;

  if (strstr (uri, "password=") != NULL)
    return TRUE;
  if (rest == NULL)
    return FALSE;
  rest += 3;
  end = rest + strcspn (rest, "/?");
  at = memchr (rest, '@', (gsize) (end - rest));
  colon = at ? memchr (rest, ':', (gsize) (at - rest)) : NULL;
  return colon != NULL;
}

static void
close_conn (KspPgStore *self)
{
  g_clear_pointer (&self->conn, PQfinish);
  self->depth = 0;
  self->listening = FALSE;
}

/* Makes the workspace, or brings it to this build's format, in one transaction under the advisory lock;
 * @out_format: the format found. */
static gboolean
migrate (KspPgStore        *self,
         KspStoreOpenFlags  flags,
         GError           **error)
{
  const char *loc = _ksp_pg_location (self);
  g_autoptr (PGresult) r = NULL;
  gint64 format = 0;
  gboolean has_meta, has_tables;

  if (!exec_script (self, "BEGIN", "opening the workspace", error))
    return FALSE;
  if (!(flags & KSP_STORE_OPEN_READ_ONLY) &&
      !exec_script (self, "SELECT pg_advisory_xact_lock(" KSP_PG_MIGRATION_LOCK ")", "opening the workspace", error))
    goto failed;
  if (!(r = _ksp_pg_query (self, "SELECT to_regclass('meta') IS NOT NULL, EXISTS (SELECT 1 FROM pg_class c"
                                 " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"
                                 " AND c.relkind IN ('r', 'v', 'p'))", NULL, "opening the workspace", error)))
    goto failed;
  has_meta = strcmp (PQgetvalue (r, 0, 0), "t") == 0;
  has_tables = strcmp (PQgetvalue (r, 0, 1), "t") == 0;
  g_clear_pointer (&r, PQclear);
  if (!has_meta && has_tables)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_A_WORKSPACE,
                   "%s: a PostgreSQL database, but not a Kasip workspace", loc);
      goto failed;
    }
  if (!has_meta && !(flags & KSP_STORE_OPEN_CREATE))
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND,
                   "%s: no Kasip workspace in this database yet (kasip new or kasip import makes one)", loc);
      goto failed;
    }
  if (has_meta)
    {
      if (!(r = _ksp_pg_query (self, "SELECT (SELECT value FROM meta WHERE key = 'application'),"
                                     " (SELECT value FROM meta WHERE key = 'format')", NULL, "opening the workspace",
                               error)))
        goto failed;
      if (g_strcmp0 (PQgetvalue (r, 0, 0), "kasip") != 0)
        {
          g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_A_WORKSPACE,
                       "%s: a PostgreSQL database of another application, not a Kasip workspace", loc);
          goto failed;
        }
      format = _ksp_pg_int64 (r, 0, 1);
      g_clear_pointer (&r, PQclear);
    }
  if (format > KSP_PG_SCHEMA_VERSION)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_TOO_NEW,
                   "%s: written by a newer Kasip (workspace format %" G_GINT64_FORMAT "; this Kasip %s reads "
                   "PostgreSQL workspaces up to format %d). Update Kasip to open it.", loc, format, KSP_VERSION,
                   KSP_PG_SCHEMA_VERSION);
      goto failed;
    }
  if (format < KSP_PG_SCHEMA_VERSION && (flags & KSP_STORE_OPEN_READ_ONLY))
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_READ_ONLY,
                   "%s: workspace format %" G_GINT64_FORMAT " must be upgraded to %d, which cannot be done read-only",
                   loc, format, KSP_PG_SCHEMA_VERSION);
      goto failed;
    }
  if (format > 0 && format < KSP_PG_SCHEMA_VERSION)
    {
      /* a member cannot change the schema: say who can, rather than the server's "must be owner" */
      if (!(r = _ksp_pg_query (self, "SELECT pg_has_role(current_user, c.relowner, 'USAGE'),"
                                     " pg_get_userbyid(c.relowner), current_user FROM pg_class c"
                                     " WHERE c.oid = 'meta'::regclass", NULL, "opening the workspace", error)))
        goto failed;
      if (strcmp (PQgetvalue (r, 0, 0), "t") != 0)
        {
          g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_READ_ONLY,
                       "%s: workspace format %" G_GINT64_FORMAT " must be upgraded to %d by its owner, the database "
                       "role %s (open it once with this Kasip as that role); %s cannot", loc, format,
                       KSP_PG_SCHEMA_VERSION, PQgetvalue (r, 0, 1), PQgetvalue (r, 0, 2));
          goto failed;
        }
      g_clear_pointer (&r, PQclear);
    }
  for (int v = (int) format + 1; v <= KSP_PG_SCHEMA_VERSION; v++)
    {
      g_autofree char *what = g_strdup_printf ("upgrading the workspace format to version %d", v);
      KspPgParams p = { 0 };
      g_autofree char *now = _ksp_pg_now ();

      if (!exec_script (self, _ksp_pg_migration (v), what, error))
        goto failed;
      _ksp_pg_int (&p, v);
      if (!_ksp_pg_command (self, "INSERT INTO meta (key, value) VALUES ('format', $1::text)"
                                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value", &p, what, error))
        goto failed;
      if (v == 1)
        {
          KspPgParams q = { 0 };
          _ksp_pg_text (&q, now);
          _ksp_pg_text (&q, KSP_VERSION);
          if (!_ksp_pg_command (self, "INSERT INTO meta (key, value) VALUES ('created_at', $1::text),"
                                      " ('created_by_version', $2::text)", &q, what, error))
            goto failed;
        }
    }
  return exec_script (self, "COMMIT", "opening the workspace", error);

failed:
  PQclear (PQexec (self->conn, "ROLLBACK"));
  return FALSE;
}

static gboolean
ksp_pg_store_open (KspStore          *store,
                   const char        *uri,
                   KspStoreOpenFlags  flags,
                   GError           **error)
{
  KspPgStore *self = KSP_PG_STORE (store);

  if (uri_has_password (uri))
    {
      /* the address is shown in titles, messages and logs: it must not carry the password */
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_SUPPORTED,
                   "a PostgreSQL workspace address must not hold a password: keep it in ~/.pgpass or a service "
                   "file (PGSERVICEFILE) and leave it out of the address");
      return FALSE;
    }
  _ksp_store_set_location (store, uri);
  self->conn = PQconnectdb (uri);
  if (self->conn == NULL || PQstatus (self->conn) != CONNECTION_OK)
    {
      const char *msg = self->conn ? PQerrorMessage (self->conn) : "out of memory";
      int code = strstr (msg, "does not exist") ? KSP_STORE_ERROR_NOT_FOUND : KSP_STORE_ERROR_FAILED;
      g_set_error (error, KSP_STORE_ERROR, code, "%s: cannot connect to the server: %s", uri, msg);
      g_strchomp ((*error)->message);
      close_conn (self);
      return FALSE;
    }
  if (PQsetClientEncoding (self->conn, "UTF8") != 0 ||
      !exec_script (self, "SET client_min_messages = warning", "opening the workspace", error))
    {
      if (error && *error == NULL)
        g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_FAILED, "%s: the server does not speak UTF-8", uri);
      close_conn (self);
      return FALSE;
    }
  {
    /* who you are is the database role the server let in, whatever $KASIP_USER says (refuses_acting_as) */
    g_autoptr (PGresult) r = _ksp_pg_query (self, "SELECT current_user", NULL, "opening the workspace", error);
    if (r == NULL)
      {
        close_conn (self);
        return FALSE;
      }
    ksp_store_set_user (store, PQgetvalue (r, 0, 0));
  }
  if (!migrate (self, flags, error))
    {
      close_conn (self);
      return FALSE;
    }
  if (flags & KSP_STORE_OPEN_READ_ONLY)
    {
      if (!exec_script (self, "SET default_transaction_read_only = on", "opening the workspace", error))
        {
          close_conn (self);
          return FALSE;
        }
      _ksp_store_set_read_only (store, "opened read-only");
      return TRUE;
    }
  {
    /* what keeps editions and the log as written must be there before anything is written */
    g_autoptr (GPtrArray) problems = _ksp_pg_integrity_problems (store);
    if (problems->len > 0)
      {
        g_autofree char *reason = g_strdup_printf ("its protection was tampered with (%s): run kasip audit verify",
                                                   (const char *) g_ptr_array_index (problems, 0));
        _ksp_store_set_read_only (store, reason);
        PQclear (PQexec (self->conn, "SET default_transaction_read_only = on"));
      }
  }
  return TRUE;
}

static void
ksp_pg_store_close (KspStore *store)
{
  close_conn (KSP_PG_STORE (store));
}

/* A shared workspace has no single-writer lock: nobody holds it, and there is no heartbeat to send. */
static KspLockInfo *
ksp_pg_store_dup_lock_holder (KspStore *store)
{
  return NULL;
}

static gboolean
ksp_pg_store_heartbeat (KspStore *store,
                        GError  **error)
{
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------- */
/* reading                                                                                         */

/* As the SQLite backend's: one row per standard element of each draft (or one with NULLs for a document
 * without any), in the order they were added; the code and titles read from the values of the standard
 * elements (found through node_kind). */
static GPtrArray *
ksp_pg_store_list_standards (KspStore *store,
                             GError  **error)
{
  KspPgStore *self = KSP_PG_STORE (store);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_standard_info_free);
  g_autoptr (PGresult) r = _ksp_pg_query (self,
    "SELECT s.id, t.id, (SELECT count(*) FROM tree e WHERE e.standard_id = s.id AND NOT e.is_draft),"
    " n.id, c.code, coalesce(c.name_ru, c.title_ru), coalesce(c.name_kk, c.title_kk)"
    " FROM standard s JOIN tree t ON t.standard_id = s.id AND t.is_draft"
    " LEFT JOIN node n ON n.tree_id = t.id AND n.kind = 'standard'"
    " LEFT JOIN LATERAL (SELECT"
    "   max(v.text) FILTER (WHERE v.field = 'code' AND v.lang = '') AS code,"
    "   max(v.text) FILTER (WHERE v.field = 'name' AND v.lang = 'ru') AS name_ru,"
    "   max(v.text) FILTER (WHERE v.field = 'name' AND v.lang = 'kk') AS name_kk,"
    "   max(v.text) FILTER (WHERE v.field = 'title' AND v.lang = 'ru') AS title_ru,"
    "   max(v.text) FILTER (WHERE v.field = 'title' AND v.lang = 'kk') AS title_kk"
    "   FROM value v WHERE v.node = n.nid) c ON true"
    " ORDER BY s.seq, n.pos, n.nid", NULL, "listing standards", error);

  if (r == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    {
      KspStandardInfo *info = g_new0 (KspStandardInfo, 1);
      info->standard_id = _ksp_pg_dup (r, i, 0);
      info->draft_tree = _ksp_pg_int64 (r, i, 1);
      info->n_editions = (guint) _ksp_pg_int64 (r, i, 2);
      info->node_id = _ksp_pg_dup (r, i, 3);
      info->code = _ksp_pg_dup (r, i, 4);
      info->title_ru = _ksp_pg_dup (r, i, 5);
      info->title_kk = _ksp_pg_dup (r, i, 6);
      g_ptr_array_add (list, info);
    }
  return g_steal_pointer (&list);
}

static GPtrArray *
ksp_pg_store_list_editions (KspStore   *store,
                            const char *standard_id,
                            GError    **error)
{
  KspPgStore *self = KSP_PG_STORE (store);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_edition_info_free);
  g_autoptr (PGresult) r = NULL;
  KspPgParams p = { 0 };

  _ksp_pg_text (&p, standard_id);
  if (!(r = _ksp_pg_query (self, "SELECT id, edition_number, edition_year, edition_date, note, created_by, created_at,"
                                 " edition_act FROM tree WHERE standard_id = $1::text AND NOT is_draft"
                                 " ORDER BY edition_number", &p, "listing editions", error)))
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    {
      KspEditionInfo *info = g_new0 (KspEditionInfo, 1);
      info->tree_id = _ksp_pg_int64 (r, i, 0);
      info->standard_id = g_strdup (standard_id);
      info->number = (int) _ksp_pg_int64 (r, i, 1);
      info->year = (int) _ksp_pg_int64 (r, i, 2);
      info->date = _ksp_pg_dup (r, i, 3);
      info->note = _ksp_pg_dup (r, i, 4);
      info->created_by = _ksp_pg_dup (r, i, 5);
      info->created_at = _ksp_pg_dup (r, i, 6);
      info->act = _ksp_pg_dup (r, i, 7);
      g_ptr_array_add (list, info);
    }
  return g_steal_pointer (&list);
}

static KspNode *
ksp_pg_store_load_tree (KspStore *store,
                        gint64    tree_id,
                        GError  **error)
{
  KspPgStore *self = KSP_PG_STORE (store);
  g_autoptr (KspTreeLoader) loader = NULL;
  g_autoptr (PGresult) nodes = NULL;
  g_autoptr (PGresult) values = NULL;
  KspPgParams p = { 0 };

  _ksp_pg_int (&p, tree_id);
  /* one snapshot for both reads: the elements and their values as of one moment */
  if (!_ksp_pg_begin_read (self, error))
    return NULL;
  nodes = _ksp_pg_query (self, "SELECT nid, parent, id, kind, number, src_line, pos FROM node WHERE tree_id = $1::bigint",
                         &p, "reading elements", error);
  values = nodes ? _ksp_pg_query (self, "SELECT v.node, v.field, v.lang, v.text FROM value v JOIN node n ON n.nid = v.node"
                                        " WHERE n.tree_id = $1::bigint", &p, "reading values", error)
                 : NULL;
  if (values == NULL)
    {
      ksp_pg_store_rollback (store);
      return NULL;
    }
  if (!ksp_pg_store_commit (store, error))
    {
      ksp_pg_store_rollback (store);
      return NULL;
    }
  if (PQntuples (nodes) == 0)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND,
                   "%s: no tree %" G_GINT64_FORMAT " in this workspace", _ksp_pg_location (self), tree_id);
      return NULL;
    }
  loader = ksp_tree_loader_new (_ksp_pg_location (self), tree_id, 0, -1, (guint) PQntuples (nodes));
  for (int i = 0; i < PQntuples (nodes); i++)
    if (!ksp_tree_loader_add_node (loader, _ksp_pg_int64 (nodes, i, 0), _ksp_pg_int64 (nodes, i, 1),
                                   _ksp_pg_int64 (nodes, i, 6), PQgetvalue (nodes, i, 2), PQgetvalue (nodes, i, 3),
                                   PQgetisnull (nodes, i, 4) ? NULL : PQgetvalue (nodes, i, 4),
                                   (guint) _ksp_pg_int64 (nodes, i, 5), error))
      return NULL;
  if (!ksp_tree_loader_link (loader, error))
    return NULL;
  for (int i = 0; i < PQntuples (values); i++)
    if (!ksp_tree_loader_add_value (loader, _ksp_pg_int64 (values, i, 0), PQgetvalue (values, i, 1),
                                    PQgetvalue (values, i, 2), PQgetvalue (values, i, 3),
                                    (gsize) PQgetlength (values, i, 3), error))
      return NULL;
  return ksp_tree_loader_finish (loader);
}

/* ---------------------------------------------------------------------------------------------- */
/* writing                                                                                         */

/* Inserts rows of @n_cols cells each (@cells: texts, NULL for SQL NULL), as many rows per statement as the
 * parameters allow: "@head VALUES ($1::T1, $2::T2, …), (…)", @types giving each column's type. The SQL says
 * only how many rows there are; every cell is a parameter. */
static gboolean
insert_rows (KspPgStore        *self,
             const char        *head,
             const char *const *types,
             guint              n_cols,
             GPtrArray         *cells,
             const char        *what,
             GError           **error)
{
  const guint per_statement = KSP_PG_MAX_PARAMS / n_cols;

  for (guint start = 0; start < cells->len; start += n_cols * per_statement)
    {
      g_autoptr (GString) sql = g_string_new (head);
      KspPgParams p = { 0 };

      g_string_append (sql, " VALUES ");
      for (guint i = start; i < cells->len && i < start + n_cols * per_statement; i += n_cols)
        {
          g_string_append (sql, i > start ? ", (" : "(");
          for (guint c = 0; c < n_cols; c++)
            {
              g_string_append_printf (sql, "%s$%d::%s", c ? ", " : "", p.n + 1, types[c]);
              _ksp_pg_text (&p, cells->pdata[i + c]);
            }
          g_string_append_c (sql, ')');
        }
      if (!_ksp_pg_command (self, sql->str, &p, what, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GPtrArray    *cells;
  const char   *nid;
} ValueRows;

static void
add_value (KspNode    *node,
           const char *field,
           KspLang     lang,
           const char *value,
           gpointer    user_data)
{
  ValueRows *rows = user_data;

  g_ptr_array_add (rows->cells, (gpointer) rows->nid);
  g_ptr_array_add (rows->cells, (gpointer) field);
  g_ptr_array_add (rows->cells, (gpointer) ksp_lang_to_string (lang));
  g_ptr_array_add (rows->cells, (gpointer) value);
}

static const char values_head[] = "INSERT INTO value (node, field, lang, text)";
static const char *const value_types[] = { "bigint", "text", "text", "text" };

/* The values of element @nid. */
static gboolean
write_values (KspPgStore *self,
              gint64      nid,
              KspNode    *node,
              GError    **error)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, nid);
  ValueRows rows = { cells, key };

  ksp_node_foreach_value (node, add_value, &rows);
  return insert_rows (self, values_head, value_types, 4, cells, "storing a value", error);
}

/* @node and everything under it in document order, each with the index of its parent in @nodes (@up for
 * @node itself): the rows of a tree written at once. */
void
_ksp_pg_flatten (KspNode   *node,
                 int        up,
                 GPtrArray *nodes,
                 GArray    *ups)
{
  int index = (int) nodes->len;

  g_ptr_array_add (nodes, node);
  g_array_append_val (ups, up);
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    _ksp_pg_flatten (ksp_node_get_child (node, i), index, nodes, ups);
}

/* A whole new tree (an import): its rows numbered at once (nextval of node's sequence for each), then
 * written many rows per statement, elements before values. */
static gboolean
insert_new_tree (KspPgStore *self,
                 gint64      tree,
                 KspNode    *root,
                 GError    **error)
{
  static const char *const node_types[] = { "bigint", "bigint", "text", "bigint", "text", "integer", "text", "integer" };
  g_autoptr (GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr (GArray) ups = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();
  g_autoptr (GPtrArray) value_cells = g_ptr_array_new ();
  g_autoptr (GStringChunk) numbers = g_string_chunk_new (4096);
  g_autoptr (PGresult) r = NULL;
  g_autofree char *tree_text = g_strdup_printf ("%" G_GINT64_FORMAT, tree);
  KspPgParams p = { 0 };

  _ksp_pg_flatten (root, -1, nodes, ups);
  _ksp_pg_int (&p, nodes->len);
  if (!(r = _ksp_pg_query (self, "SELECT nextval(pg_get_serial_sequence('node', 'nid')) FROM generate_series(1, $1::integer)",
                           &p, "storing the elements", error)))
    return FALSE;
  g_return_val_if_fail ((guint) PQntuples (r) == nodes->len, FALSE);
  for (guint i = 0; i < nodes->len; i++)
    {
      KspNode *node = nodes->pdata[i];
      int up = g_array_index (ups, int, i);
      guint pos = 0;
      char buf[24];
      ValueRows rows = { value_cells, PQgetvalue (r, (int) i, 0) };

      if (up >= 0)
        ksp_node_find_child (nodes->pdata[up], node, &pos);
      g_ptr_array_add (cells, PQgetvalue (r, (int) i, 0));
      g_ptr_array_add (cells, tree_text);
      g_ptr_array_add (cells, (gpointer) ksp_node_get_id (node));
      g_ptr_array_add (cells, up >= 0 ? PQgetvalue (r, up, 0) : NULL);
      g_ptr_array_add (cells, (gpointer) ksp_node_get_kind (node));
      g_snprintf (buf, sizeof buf, "%u", pos);
      g_ptr_array_add (cells, g_string_chunk_insert (numbers, buf));
      g_ptr_array_add (cells, (gpointer) ksp_node_get_number (node));
      g_snprintf (buf, sizeof buf, "%u", ksp_node_get_src_line (node));
      g_ptr_array_add (cells, g_string_chunk_insert (numbers, buf));
      ksp_node_foreach_value (node, add_value, &rows);
    }
  return insert_rows (self, "INSERT INTO node (nid, tree_id, id, parent, kind, pos, number, src_line)", node_types, 8,
                      cells, "storing the elements", error) &&
         insert_rows (self, values_head, value_types, 4, value_cells, "storing the values", error);
}

/* The row of element @id in @tree (node.nid), or 0 with KSP_STORE_ERROR_NOT_FOUND. */
static gint64
lookup_nid (KspPgStore *self,
            gint64      tree,
            const char *id,
            GError    **error)
{
  g_autoptr (PGresult) r = NULL;
  KspPgParams p = { 0 };

  _ksp_pg_int (&p, tree);
  _ksp_pg_text (&p, id);
  if (!(r = _ksp_pg_query (self, "SELECT nid FROM node WHERE tree_id = $1::bigint AND id = $2::text", &p,
                           "finding an element", error)))
    return 0;
  if (PQntuples (r) == 0)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND, "%s: no element %s in tree %" G_GINT64_FORMAT,
                   _ksp_pg_location (self), id, tree);
      return 0;
    }
  return _ksp_pg_int64 (r, 0, 0);
}

/* Writes @node (and, if @recursive, everything under it) under the row @parent_nid (0: look it up). */
static gboolean
write_node_rec (KspPgStore *self,
                gint64      tree,
                KspNode    *node,
                gint64      parent_nid,
                gboolean    recursive,
                GError    **error)
{
  KspNode *parent = ksp_node_get_parent (node);
  g_autoptr (PGresult) r = NULL;
  KspPgParams p = { 0 }, q = { 0 };
  guint pos = 0;
  gint64 nid;

  if (parent)
    {
      ksp_node_find_child (parent, node, &pos);
      if (parent_nid == 0 && (parent_nid = lookup_nid (self, tree, ksp_node_get_id (parent), error)) == 0)
        return FALSE;
    }
  _ksp_pg_int (&p, tree);
  _ksp_pg_text (&p, ksp_node_get_id (node));
  if (parent)
    _ksp_pg_int (&p, parent_nid);
  else
    _ksp_pg_text (&p, NULL);
  _ksp_pg_text (&p, ksp_node_get_kind (node));
  _ksp_pg_int (&p, pos);
  _ksp_pg_text (&p, ksp_node_get_number (node));
  _ksp_pg_int (&p, ksp_node_get_src_line (node));
  if (!(r = _ksp_pg_query (self, "INSERT INTO node (tree_id, id, parent, kind, pos, number, src_line)"
                                 " VALUES ($1::bigint, $2::text, $3::bigint, $4::text, $5::integer, $6::text, $7::integer)"
                                 " ON CONFLICT (tree_id, id) DO UPDATE SET parent = excluded.parent, kind = excluded.kind,"
                                 " pos = excluded.pos, number = excluded.number, src_line = excluded.src_line"
                                 " RETURNING nid", &p, "storing an element", error)))
    return FALSE;
  nid = _ksp_pg_int64 (r, 0, 0);
  _ksp_pg_int (&q, nid);
  if (!_ksp_pg_command (self, "DELETE FROM value WHERE node = $1::bigint", &q, "storing an element", error) ||
      !write_values (self, nid, node, error))
    return FALSE;
  if (recursive)
    for (guint i = 0; i < ksp_node_get_n_children (node); i++)
      if (!write_node_rec (self, tree, ksp_node_get_child (node, i), nid, TRUE, error))
        return FALSE;
  return TRUE;
}

static gboolean
ksp_pg_store_write_node (KspStore *store,
                         gint64    tree,
                         KspNode  *node,
                         gboolean  recursive,
                         GError  **error)
{
  return write_node_rec (KSP_PG_STORE (store), tree, node, 0, recursive, error);
}

static gboolean
ksp_pg_store_write_value (KspStore   *store,
                          gint64      tree,
                          const char *node_id,
                          const char *field,
                          KspLang     lang,
                          const char *value,
                          GError    **error)
{
  KspPgStore *self = KSP_PG_STORE (store);
  gint64 nid = lookup_nid (self, tree, node_id, error);
  KspPgParams p = { 0 };

  if (nid == 0)
    return FALSE;
  _ksp_pg_int (&p, nid);
  _ksp_pg_text (&p, field);
  _ksp_pg_text (&p, ksp_lang_to_string (lang));
  if (value == NULL)
    return _ksp_pg_command (self, "DELETE FROM value WHERE node = $1::bigint AND field = $2::text AND lang = $3::text",
                            &p, "storing a value", error);
  _ksp_pg_text (&p, value);
  return _ksp_pg_command (self, "INSERT INTO value (node, field, lang, text) VALUES ($1::bigint, $2::text, $3::text, $4::text)"
                                " ON CONFLICT (node, field, lang) DO UPDATE SET text = excluded.text", &p,
                          "storing a value", error);
}

static gboolean
ksp_pg_store_delete_node (KspStore   *store,
                          gint64      tree,
                          const char *node_id,
                          GError    **error)
{
  KspPgParams p = { 0 };

  /* Children and values go with it (ON DELETE CASCADE). */
  _ksp_pg_int (&p, tree);
  _ksp_pg_text (&p, node_id);
  return _ksp_pg_command (KSP_PG_STORE (store), "DELETE FROM node WHERE tree_id = $1::bigint AND id = $2::text", &p,
                          "removing an element", error);
}

static gboolean
ksp_pg_store_write_order (KspStore *store,
                          gint64    tree,
                          KspNode  *parent,
                          GError  **error)
{
  KspPgStore *self = KSP_PG_STORE (store);

  for (guint i = 0; i < ksp_node_get_n_children (parent); i++)
    {
      KspPgParams p = { 0 };
      _ksp_pg_int (&p, i);
      _ksp_pg_int (&p, tree);
      _ksp_pg_text (&p, ksp_node_get_id (ksp_node_get_child (parent, i)));
      if (!_ksp_pg_command (self, "UPDATE node SET pos = $1::integer WHERE tree_id = $2::bigint AND id = $3::text"
                                  " AND pos <> $1::integer", &p, "reordering elements", error))
        return FALSE;
    }
  return TRUE;
}

static gint64
ksp_pg_store_add_standard (KspStore   *store,
                           KspNode    *root,
                           const char *user,
                           GError    **error)
{
  KspPgStore *self = KSP_PG_STORE (store);
  g_autofree char *now = _ksp_pg_now ();
  g_autoptr (KspLogEntry) entry = NULL;
  g_autoptr (PGresult) r = NULL;
  g_autofree char *label = NULL;
  KspPgParams p = { 0 };
  gint64 tree;

  /* Named in messages and the audit trail by its (first) standard. */
  label = _ksp_store_dup_document_label (root);

  if (!ksp_pg_store_begin (store, error))
    return 0;
  _ksp_pg_text (&p, ksp_node_get_id (root));
  _ksp_pg_text (&p, now);
  _ksp_pg_text (&p, user);
  /* The same document imported twice (e.g. a DOCX exported from this workspace) keeps its IDs. */
  if (!(r = _ksp_pg_query (self, "INSERT INTO standard (id, created_at, created_by) VALUES ($1::text, $2::text, $3::text)"
                                 " ON CONFLICT (id) DO NOTHING RETURNING id", &p, "adding a standard", error)))
    goto failed;
  if (PQntuples (r) == 0)
    {
      _ksp_store_set_already_there (store, root, label, error);
      goto failed;
    }
  g_clear_pointer (&r, PQclear);
  if (!(r = _ksp_pg_query (self, "INSERT INTO tree (standard_id, is_draft, created_at, created_by)"
                                 " VALUES ($1::text, true, $2::text, $3::text) RETURNING id", &p, "adding a standard",
                           error)))
    goto failed;
  tree = _ksp_pg_int64 (r, 0, 0);
  if (!insert_new_tree (self, tree, root, error))
    goto failed;
  entry = _ksp_store_new_create_entry (store, root, tree, user, label);
  if (!_ksp_pg_log_append (store, entry, error) || !ksp_pg_store_commit (store, error))
    goto failed;
  return tree;

failed:
  ksp_pg_store_rollback (store);
  return 0;
}

static gint64
ksp_pg_store_create_edition (KspStore             *store,
                             const KspEditionInfo *info,
                             GError              **error)
{
  KspPgStore *self = KSP_PG_STORE (store);
  g_autofree char *now = _ksp_pg_now ();
  g_autoptr (KspLogEntry) entry = NULL;
  g_autoptr (KspNode) frozen = NULL;
  g_autoptr (PGresult) r = NULL;
  KspPgParams p = { 0 }, q = { 0 }, c = { 0 };
  gint64 draft, tree;
  int number = info->number;

  if (!ksp_pg_store_begin (store, error))
    return 0;
  _ksp_pg_text (&p, info->standard_id);
  /* the draft's row locked: two editions of one standard are numbered one after the other */
  if (!(r = _ksp_pg_query (self, "SELECT t.id, (SELECT coalesce(max(edition_number), 0) + 1 FROM tree e"
                                 " WHERE e.standard_id = t.standard_id AND NOT e.is_draft)"
                                 " FROM tree t WHERE t.standard_id = $1::text AND t.is_draft FOR UPDATE", &p,
                           "creating an edition", error)))
    goto failed;
  if (PQntuples (r) == 0)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND, "%s: no standard %s", _ksp_pg_location (self),
                   info->standard_id);
      goto failed;
    }
  draft = _ksp_pg_int64 (r, 0, 0);
  if (number <= 0)
    number = (int) _ksp_pg_int64 (r, 0, 1);
  g_clear_pointer (&r, PQclear);

  _ksp_pg_int (&p, number);
  if (info->year > 0)
    _ksp_pg_int (&p, info->year);
  else
    _ksp_pg_text (&p, NULL);
  _ksp_pg_text (&p, info->date);
  _ksp_pg_text (&p, info->note);
  _ksp_pg_text (&p, now);
  _ksp_pg_text (&p, ksp_store_get_user (store));
  _ksp_pg_text (&p, info->act);
  if (!(r = _ksp_pg_query (self, "INSERT INTO tree (standard_id, is_draft, frozen, edition_number, edition_year,"
                                 " edition_date, note, created_at, created_by, edition_act) VALUES ($1::text, false, false,"
                                 " $2::integer, $3::integer, $4::text, $5::text, $6::text, $7::text, $8::text) RETURNING id",
                           &p, "creating an edition", error)))
    goto failed;
  tree = _ksp_pg_int64 (r, 0, 0);

  /* the draft's rows copied under the new tree, each element's parent the copy of its parent */
  _ksp_pg_int (&q, draft);
  _ksp_pg_int (&q, tree);
  if (!_ksp_pg_command (self, "INSERT INTO node (tree_id, id, parent, kind, pos, number, src_line)"
                              " SELECT $2::bigint, id, NULL, kind, pos, number, src_line FROM node"
                              " WHERE tree_id = $1::bigint ORDER BY nid", &q, "creating an edition", error) ||
      !_ksp_pg_command (self, "UPDATE node c SET parent = np.nid FROM node oc"
                              " JOIN node op ON op.nid = oc.parent"
                              " JOIN node np ON np.tree_id = $2::bigint AND np.id = op.id"
                              " WHERE oc.tree_id = $1::bigint AND c.tree_id = $2::bigint AND c.id = oc.id", &q,
                        "creating an edition", error) ||
      !_ksp_pg_command (self, "INSERT INTO value (node, field, lang, text)"
                              " SELECT nn.nid, v.field, v.lang, v.text FROM value v JOIN node o ON o.nid = v.node"
                              " JOIN node nn ON nn.tree_id = $2::bigint AND nn.id = o.id WHERE o.tree_id = $1::bigint"
                              " ORDER BY nn.nid", &q, "creating an edition", error))
    goto failed;
  _ksp_pg_int (&c, tree);
  if (!_ksp_pg_command (self, "UPDATE tree SET frozen = true WHERE id = $1::bigint", &c, "creating an edition", error))
    goto failed;

  /* the entry records the hash of the content frozen: a rewritten edition is found by it */
  if (!(frozen = ksp_pg_store_load_tree (store, tree, error)))
    goto failed;
  entry = _ksp_store_new_freeze_entry (store, info->standard_id, tree, frozen, number, info->note);
  if (!_ksp_pg_log_append (store, entry, error) || !ksp_pg_store_commit (store, error))
    goto failed;
  return tree;

failed:
  ksp_pg_store_rollback (store);
  return 0;
}

/* ---------------------------------------------------------------------------------------------- */
/* reference data, justifications                                                                  */

static gboolean
ksp_pg_store_put_reference (KspStore   *store,
                            const char *kind,
                            const char *source,
                            const char *content,
                            GError    **error)
{
  g_autofree char *now = _ksp_pg_now ();
  KspPgParams p = { 0 };

  _ksp_pg_text (&p, kind);
  _ksp_pg_text (&p, source);
  _ksp_pg_text (&p, content);
  _ksp_pg_text (&p, now);
  _ksp_pg_text (&p, ksp_store_get_user (store));
  return _ksp_pg_command (KSP_PG_STORE (store),
                          "INSERT INTO reference (kind, source, content, imported_at, imported_by)"
                          " VALUES ($1::text, $2::text, $3::text, $4::text, $5::text) ON CONFLICT (kind) DO UPDATE SET"
                          " source = excluded.source, content = excluded.content, imported_at = excluded.imported_at,"
                          " imported_by = excluded.imported_by", &p, "storing reference data", error);
}

static char *
ksp_pg_store_get_reference (KspStore   *store,
                            const char *kind,
                            char      **out_source,
                            GError    **error)
{
  g_autoptr (PGresult) r = NULL;
  KspPgParams p = { 0 };

  _ksp_pg_text (&p, kind);
  if (!(r = _ksp_pg_query (KSP_PG_STORE (store), "SELECT content, source FROM reference WHERE kind = $1::text", &p,
                           "reading reference data", error)) || PQntuples (r) == 0)
    return NULL;
  if (out_source)
    *out_source = _ksp_pg_dup (r, 0, 1);
  return _ksp_pg_dup (r, 0, 0);
}

static gboolean
ksp_pg_store_put_justification (KspStore   *store,
                                const char *standard_id,
                                const char *change_key,
                                KspLang     lang,
                                const char *text,
                                GError    **error)
{
  KspPgStore *self = KSP_PG_STORE (store);
  g_autofree char *now = _ksp_pg_now ();
  KspPgParams p = { 0 };
  gint64 n;

  _ksp_pg_text (&p, standard_id);
  _ksp_pg_text (&p, change_key);
  _ksp_pg_text (&p, ksp_lang_to_string (lang));
  if (text == NULL)
    return _ksp_pg_command (self, "DELETE FROM justification WHERE standard_id = $1::text AND change_key = $2::text"
                                  " AND lang = $3::text", &p, "removing a justification", error);
  _ksp_pg_text (&p, text);
  _ksp_pg_text (&p, ksp_store_get_user (store));
  _ksp_pg_text (&p, now);
  n = _ksp_pg_command_count (self, "INSERT INTO justification (standard_id, change_key, lang, text, author, updated_at)"
                                   " SELECT id, $2::text, $3::text, $4::text, $5::text, $6::text FROM standard"
                                   " WHERE id = $1::text ON CONFLICT (standard_id, change_key, lang) DO UPDATE SET"
                                   " text = excluded.text, author = excluded.author, updated_at = excluded.updated_at",
                             &p, "storing a justification", error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND, "%s: no standard %s in the workspace",
                   _ksp_pg_location (self), standard_id);
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
ksp_pg_store_list_justifications (KspStore   *store,
                                  const char *standard_id,
                                  GError    **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_justification_free);
  g_autoptr (PGresult) r = NULL;
  KspPgParams p = { 0 };

  _ksp_pg_text (&p, standard_id);
  if (!(r = _ksp_pg_query (KSP_PG_STORE (store), "SELECT change_key, lang, text, author, updated_at FROM justification"
                                                 " WHERE standard_id = $1::text ORDER BY change_key COLLATE \"C\", lang",
                           &p, "reading the justifications", error)))
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    {
      KspJustification *j = g_new0 (KspJustification, 1);
      j->change_key = _ksp_pg_dup (r, i, 0);
      if (!ksp_lang_from_string (PQgetvalue (r, i, 1), &j->lang))
        j->lang = KSP_LANG_NONE;
      j->text = _ksp_pg_dup (r, i, 2);
      j->author = _ksp_pg_dup (r, i, 3);
      j->updated_at = _ksp_pg_dup (r, i, 4);
      g_ptr_array_add (list, j);
    }
  return g_steal_pointer (&list);
}

/* ---------------------------------------------------------------------------------------------- */

/* ---------------------------------------------------------------------------------------------- */
/* other sessions' writes                                                                          */

/* The connection's socket, readable when the server has something to say; the first call starts listening
 * for the log's announcements (ksp-pg-log.c announces each entry when it commits). -1 when not connected. */
static int
ksp_pg_store_get_watch_fd (KspStore *store)
{
  KspPgStore *self = KSP_PG_STORE (store);

  if (self->conn == NULL || PQstatus (self->conn) != CONNECTION_OK)
    return -1;
  if (!self->listening && self->depth == 0)
    {
      g_autoptr (GError) error = NULL;
      if (exec_script (self, KSP_PG_LISTEN_SQL, "listening for changes", &error))
        self->listening = TRUE;
      else
        g_warning ("%s", error->message);
    }
  return PQsocket (self->conn);
}

/* Returns: (transfer full) (element-type utf8) (nullable): the standards other sessions wrote since the
 * last call, each once (this session's own announcements, from its own server process, are left out);
 * reads only what has arrived, never waits. */
static GPtrArray *
ksp_pg_store_take_notifications (KspStore *store)
{
  KspPgStore *self = KSP_PG_STORE (store);
  GPtrArray *ids = NULL;
  PGnotify *n;

  if (self->conn == NULL || !self->listening)
    return NULL;
  if (self->depth == 0)
    PQconsumeInput (self->conn);
  while ((n = PQnotifies (self->conn)) != NULL)
    {
      if (n->be_pid == PQbackendPID (self->conn))
        {
          PQfreemem (n);
          continue;
        }
      if (g_str_equal (n->relname, KSP_PG_PRESENCE_CHANNEL))
        {
          /* kept for ksp_pg_store_take_presence */
          g_auto (GStrv) parts = g_strsplit (n->extra, "\x1f", 3);
          if (g_strv_length (parts) == 3)
            {
              KspPresenceNote *note = g_new0 (KspPresenceNote, 1);
              note->session = g_strdup_printf ("%d", n->be_pid);
              note->account = g_strdup (parts[0]);
              note->standard_id = g_strdup (parts[1]);
              note->element_id = *parts[2] ? g_strdup (parts[2]) : NULL;
              g_ptr_array_add (self->presence, note);
            }
          PQfreemem (n);
          continue;
        }
      if (ids == NULL)
        ids = g_ptr_array_new_with_free_func (g_free);
      if (!g_ptr_array_find_with_equal_func (ids, n->extra, g_str_equal, NULL))
        g_ptr_array_add (ids, g_strdup (n->extra));
      PQfreemem (n);
    }
  return ids;
}

/* Tells the other sessions that this one has @element_id of @standard_id open (NULL: none): a notification
 * only, nothing stored (who has what open is a lease the listeners keep, ksp-workspace.c). */
static gboolean
ksp_pg_store_announce_presence (KspStore   *store,
                                const char *standard_id,
                                const char *element_id,
                                GError    **error)
{
  KspPgStore *self = KSP_PG_STORE (store);
  g_autofree char *payload = g_strdup_printf ("%s\x1f%s\x1f%s", ksp_store_get_user (store), standard_id,
                                              element_id ? element_id : "");
  KspPgParams p = { 0 };

  _ksp_pg_text (&p, payload);
  return _ksp_pg_command (self, "SELECT pg_notify('" KSP_PG_PRESENCE_CHANNEL "', $1::text)", &p,
                          "saying what you have open", error);
}

static GPtrArray *
ksp_pg_store_take_presence (KspStore *store)
{
  KspPgStore *self = KSP_PG_STORE (store);
  GPtrArray *notes;

  /* heard by ksp_pg_store_take_notifications, which the caller calls first */
  if (self->presence->len == 0)
    return NULL;
  notes = self->presence;
  self->presence = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_presence_note_free);
  return notes;
}

static void
ksp_pg_store_finalize (GObject *object)
{
  close_conn (KSP_PG_STORE (object));
  g_clear_pointer (&KSP_PG_STORE (object)->presence, g_ptr_array_unref);
  G_OBJECT_CLASS (ksp_pg_store_parent_class)->finalize (object);
}

static void
ksp_pg_store_class_init (KspPgStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KspStoreClass *store_class = KSP_STORE_CLASS (klass);

  object_class->finalize = ksp_pg_store_finalize;

  /* identity is the database role (current_user), never a name the client gives */
  store_class->refuses_acting_as = TRUE;
  store_class->open = ksp_pg_store_open;
  store_class->close = ksp_pg_store_close;
  store_class->list_standards = ksp_pg_store_list_standards;
  store_class->list_editions = ksp_pg_store_list_editions;
  store_class->load_tree = ksp_pg_store_load_tree;
  store_class->add_standard = ksp_pg_store_add_standard;
  store_class->create_edition = ksp_pg_store_create_edition;
  store_class->begin = ksp_pg_store_begin;
  store_class->commit = ksp_pg_store_commit;
  store_class->rollback = ksp_pg_store_rollback;
  store_class->in_transaction = ksp_pg_store_in_transaction;
  store_class->write_value = ksp_pg_store_write_value;
  store_class->write_node = ksp_pg_store_write_node;
  store_class->delete_node = ksp_pg_store_delete_node;
  store_class->write_order = ksp_pg_store_write_order;
  store_class->append_log = _ksp_pg_log_append;
  store_class->list_log = _ksp_pg_log_list;
  store_class->get_log_head = _ksp_pg_log_head;
  store_class->list_log_after = _ksp_pg_log_list_after;
  store_class->get_revision = _ksp_pg_log_revision;
  store_class->lock_standard = _ksp_pg_lock_standard;
  store_class->get_watch_fd = ksp_pg_store_get_watch_fd;
  store_class->take_notifications = ksp_pg_store_take_notifications;
  store_class->announce_presence = ksp_pg_store_announce_presence;
  store_class->take_presence = ksp_pg_store_take_presence;
  store_class->dup_integrity_problems = _ksp_pg_integrity_problems;
  store_class->dup_lock_holder = ksp_pg_store_dup_lock_holder;
  store_class->heartbeat = ksp_pg_store_heartbeat;
  store_class->put_reference = ksp_pg_store_put_reference;
  store_class->get_reference = ksp_pg_store_get_reference;
  store_class->put_justification = ksp_pg_store_put_justification;
  store_class->list_justifications = ksp_pg_store_list_justifications;
  _ksp_pg_review_init_class (store_class);
  _ksp_pg_copy_init_class (store_class);
}

static void
ksp_pg_store_init (KspPgStore *self)
{
  self->presence = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_presence_note_free);
}

KspStore *
ksp_pg_store_new (void)
{
  return g_object_new (KSP_TYPE_PG_STORE, NULL);
}
