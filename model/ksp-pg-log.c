/* ksp-pg-log.c: the PostgreSQL backend's change log (tables log and log_record; model/ksp-change-log.h)
 *
 * As the SQLite backend's: one `log` row per entry, its records in `log_record`, the chain's head (the last
 * hash and the number of entries) in `meta`, moved with each entry in the same transaction. The head's row
 * is locked (FOR UPDATE) by each append, so appends of concurrent sessions are serialised: the second waits
 * for the first to commit and chains after it, and entry IDs follow the chain. Triggers refuse updating,
 * deleting or truncating entries (ksp-pg-schema.c).
 */
#include "config.h"

#include "ksp-pg-store-private.h"

static gboolean
read_head (KspPgStore *self,
           gboolean    for_update,
           char      **out_hash,
           gint64     *out_count,
           GError    **error)
{
  g_autoptr (PGresult) r = NULL;

  r = _ksp_pg_query (self, for_update
                           ? "SELECT key, value FROM meta WHERE key IN ('log_head', 'log_count') ORDER BY key FOR UPDATE"
                           : "SELECT key, value FROM meta WHERE key IN ('log_head', 'log_count') ORDER BY key",
                     NULL, "reading the change log's head", error);
  if (r == NULL)
    return FALSE;
  if (out_hash)
    *out_hash = NULL;
  if (out_count)
    *out_count = 0;
  for (int i = 0; i < PQntuples (r); i++)
    {
      if (g_str_equal (PQgetvalue (r, i, 0), "log_head") && out_hash)
        *out_hash = g_strdup (PQgetvalue (r, i, 1));
      else if (g_str_equal (PQgetvalue (r, i, 0), "log_count") && out_count)
        *out_count = g_ascii_strtoll (PQgetvalue (r, i, 1), NULL, 10);
    }
  if (out_hash && *out_hash == NULL)
    *out_hash = g_strdup (KSP_LOG_GENESIS);
  return TRUE;
}

gboolean
_ksp_pg_log_head (KspStore *store,
                  char    **out_hash,
                  gint64   *out_count,
                  GError  **error)
{
  return read_head (KSP_PG_STORE (store), FALSE, out_hash, out_count, error);
}

/* The records of @entry (stored, with its ID), in order. */
gboolean
_ksp_pg_log_insert_records (KspPgStore        *self,
                            const KspLogEntry *entry,
                            const char        *what,
                            GError           **error)
{
  for (guint i = 0; i < entry->records->len; i++)
    {
      const KspChangeRecord *rec = g_ptr_array_index (entry->records, i);
      KspPgParams q = { 0 };

      _ksp_pg_int (&q, entry->id);
      _ksp_pg_int (&q, i);
      _ksp_pg_text (&q, ksp_record_op_to_string (rec->op));
      _ksp_pg_text (&q, rec->element_id);
      _ksp_pg_text (&q, rec->kind);
      _ksp_pg_text (&q, rec->field);
      _ksp_pg_text (&q, rec->lang == KSP_LANG_NONE ? NULL : ksp_lang_to_string (rec->lang));
      _ksp_pg_text (&q, rec->old_value);
      _ksp_pg_text (&q, rec->new_value);
      _ksp_pg_text (&q, rec->subtree);
      _ksp_pg_text (&q, rec->content_hash);
      if (!_ksp_pg_command (self, "INSERT INTO log_record (log_id, seq, op, element_id, kind, field, lang, old_value,"
                                  " new_value, subtree, content_hash) VALUES ($1::bigint, $2::integer, $3::text, $4::text,"
                                  " $5::text, $6::text, $7::text, $8::text, $9::text, $10::text, $11::text)", &q,
                            what, error))
        return FALSE;
    }
  return TRUE;
}

/* The chain's head moves on to @hash, the @count-th entry. */
gboolean
_ksp_pg_log_move_head (KspPgStore *self,
                       const char *hash,
                       gint64      count,
                       GError    **error)
{
  KspPgParams h = { 0 };

  _ksp_pg_text (&h, hash);
  _ksp_pg_int (&h, count);
  return _ksp_pg_command (self, "UPDATE meta SET value = CASE key WHEN 'log_head' THEN $1::text ELSE $2::text END"
                                " WHERE key IN ('log_head', 'log_count')", &h, "recording the change log's head", error);
}

/* Seals @entry after the chain's head and stores it with its records; the head moves on. In the caller's
 * transaction (or one of its own). */
gboolean
_ksp_pg_log_append (KspStore    *store,
                    KspLogEntry *entry,
                    GError     **error)
{
  KspPgStore *self = KSP_PG_STORE (store);
  g_autofree char *head = NULL;
  g_autoptr (PGresult) r = NULL;
  KspPgParams p = { 0 };
  gint64 count = 0;
  gboolean own = !ksp_store_in_transaction (store);

  if (own && !ksp_store_begin (store, error))
    return FALSE;
  /* the standard's writer lock first, then the head: the order every writer takes them in */
  if (!_ksp_pg_lock_standard (store, entry->standard_id, error) ||
      !read_head (self, TRUE, &head, &count, error))
    goto failed;
  if (entry->at == NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      entry->at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
    }
  ksp_log_entry_seal (entry, head);
  _ksp_pg_text (&p, entry->standard_id);
  _ksp_pg_int (&p, entry->tree_id);
  _ksp_pg_text (&p, entry->at);
  _ksp_pg_text (&p, entry->author);
  _ksp_pg_text (&p, entry->action);
  _ksp_pg_text (&p, entry->command);
  _ksp_pg_text (&p, entry->label);
  _ksp_pg_int (&p, entry->change_set);
  _ksp_pg_text (&p, entry->prev_hash);
  _ksp_pg_text (&p, entry->hash);
  if (!(r = _ksp_pg_query (self, "INSERT INTO log (standard_id, tree_id, at, author, action, command, label, change_set,"
                                 " prev_hash, hash) VALUES ($1::text, $2::bigint, $3::text, $4::text, $5::text, $6::text,"
                                 " $7::text, $8::bigint, $9::text, $10::text) RETURNING id", &p,
                           "recording the change log", error)))
    goto failed;
  entry->id = _ksp_pg_int64 (r, 0, 0);
  if (!_ksp_pg_log_insert_records (self, entry, "recording a change", error) ||
      !_ksp_pg_log_move_head (self, entry->hash, count + 1, error))
    goto failed;
  {
    /* the other sessions hear of it when it commits (and never of a rolled-back one) */
    KspPgParams n = { 0 };
    _ksp_pg_text (&n, entry->standard_id);
    if (!_ksp_pg_command (self, "SELECT pg_notify('" KSP_PG_CHANNEL "', $1::text)", &n, "recording the change log",
                          error))
      goto failed;
  }
  if (own && !ksp_store_commit (store, error))
    goto failed;
  return TRUE;

failed:
  if (own)
    ksp_store_rollback (store);
  return FALSE;
}

/* The entries (of one standard, or all) after @after_id (0: all), in the order of the chain, with their
 * records. Entry IDs follow the chain (each is drawn under the head's lock), so a session that read up to
 * an ID misses none committed after it. */
GPtrArray *
_ksp_pg_log_list_after (KspStore   *store,
                        const char *standard_id,
                        gint64      after_id,
                        GError    **error)
{
  KspPgStore *self = KSP_PG_STORE (store);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_log_entry_free);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (PGresult) entries = NULL;
  g_autoptr (PGresult) records = NULL;
  KspPgParams p = { 0 };

  _ksp_pg_text (&p, standard_id);
  _ksp_pg_int (&p, after_id);
  /* the entries and their records as of one moment */
  if (!_ksp_pg_begin_read (self, error))
    return NULL;
  entries = _ksp_pg_query (self, "SELECT id, standard_id, tree_id, at, author, action, command, label, change_set,"
                                 " prev_hash, hash FROM log WHERE ($1::text IS NULL OR standard_id = $1::text) AND id > $2::bigint"
                                 " ORDER BY id",
                           &p, "reading the change log", error);
  records = entries ? _ksp_pg_query (self, "SELECT r.log_id, r.op, r.element_id, r.kind, r.field, r.lang, r.old_value,"
                                           " r.new_value, r.subtree, r.content_hash FROM log_record r"
                                           " JOIN log l ON l.id = r.log_id WHERE ($1::text IS NULL OR l.standard_id = $1::text)"
                                           " AND r.log_id > $2::bigint ORDER BY r.log_id, r.seq", &p, "reading the change log", error)
                    : NULL;
  if (records == NULL || !ksp_store_commit (store, error))
    {
      ksp_store_rollback (store);
      return NULL;
    }
  for (int i = 0; i < PQntuples (entries); i++)
    {
      KspLogEntry *e = ksp_log_entry_new ();
      e->id = _ksp_pg_int64 (entries, i, 0);
      e->standard_id = _ksp_pg_dup (entries, i, 1);
      e->tree_id = _ksp_pg_int64 (entries, i, 2);
      e->at = _ksp_pg_dup (entries, i, 3);
      e->author = _ksp_pg_dup (entries, i, 4);
      e->action = _ksp_pg_dup (entries, i, 5);
      e->command = _ksp_pg_dup (entries, i, 6);
      e->label = _ksp_pg_dup (entries, i, 7);
      e->change_set = _ksp_pg_int64 (entries, i, 8);
      e->prev_hash = _ksp_pg_dup (entries, i, 9);
      e->hash = _ksp_pg_dup (entries, i, 10);
      g_ptr_array_add (list, e);
      g_hash_table_insert (by_id, &e->id, e);
    }
  for (int i = 0; i < PQntuples (records); i++)
    {
      gint64 log_id = _ksp_pg_int64 (records, i, 0);
      KspLogEntry *e = g_hash_table_lookup (by_id, &log_id);
      KspChangeRecord *r;

      if (e == NULL)
        continue;   /* a record without its entry: the chain check names the entry it lost */
      r = g_new0 (KspChangeRecord, 1);
      if (!ksp_record_op_from_string (PQgetvalue (records, i, 1), &r->op))
        r->op = KSP_RECORD_SET;
      r->element_id = _ksp_pg_dup (records, i, 2);
      r->kind = _ksp_pg_dup (records, i, 3);
      r->field = _ksp_pg_dup (records, i, 4);
      if (PQgetisnull (records, i, 5) || !ksp_lang_from_string (PQgetvalue (records, i, 5), &r->lang))
        r->lang = KSP_LANG_NONE;
      r->old_value = _ksp_pg_dup (records, i, 6);
      r->new_value = _ksp_pg_dup (records, i, 7);
      r->subtree = _ksp_pg_dup (records, i, 8);
      r->content_hash = _ksp_pg_dup (records, i, 9);
      g_ptr_array_add (e->records, r);
    }
  return g_steal_pointer (&list);
}

GPtrArray *
_ksp_pg_log_list (KspStore   *store,
                  const char *standard_id,
                  GError    **error)
{
  return _ksp_pg_log_list_after (store, standard_id, 0, error);
}

/* The newest entry of @standard_id (NULL: of the workspace), 0 when it has none; -1 with @error. */
gint64
_ksp_pg_log_revision (KspStore   *store,
                      const char *standard_id,
                      GError    **error)
{
  KspPgParams p = { 0 };
  g_autoptr (PGresult) r = NULL;

  _ksp_pg_text (&p, standard_id);
  r = _ksp_pg_query (KSP_PG_STORE (store), "SELECT coalesce(max(id), 0) FROM log"
                                           " WHERE $1::text IS NULL OR standard_id = $1::text", &p,
                     "reading the change log", error);
  return r ? _ksp_pg_int64 (r, 0, 0) : -1;
}

/* Holds @standard_id's writer lock until the transaction ends (a transaction-scoped advisory lock: two
 * sessions writing one standard take turns, sessions writing others do not wait). */
gboolean
_ksp_pg_lock_standard (KspStore   *store,
                       const char *standard_id,
                       GError    **error)
{
  KspPgParams p = { 0 };

  _ksp_pg_text (&p, standard_id);
  return _ksp_pg_command (KSP_PG_STORE (store), "SELECT pg_advisory_xact_lock(" KSP_PG_STANDARD_LOCK_CLASS
                                                ", hashtext($1::text))", &p, "waiting for the standard", error);
}
