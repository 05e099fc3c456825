/* ksp-sqlite-log.c: the SQLite backend's change log (tables log and log_record, format 7)
 *
 * The rows of model/ksp-change-log.h: one `log` row per entry, its records in `log_record`; the chain's
 * head (the last hash and the number of entries) is kept in `meta`, updated with each entry in the same
 * transaction. Triggers refuse updating or deleting entries; the integrity check finds the triggers the
 * migrations made (edition immutability, the log's) and reports any that is missing or not as made.
 */
#include "config.h"

#include <string.h>

#include "ksp-sqlite-store-private.h"

static gboolean
meta_get (KspSqliteStore *self,
          const char     *key,
          char          **out,
          GError        **error)
{
  sqlite3_stmt *s = _ksp_sqlite_stmt (self, "SELECT value FROM meta WHERE key = ?", error);
  int rc;

  *out = NULL;
  if (s == NULL)
    return FALSE;
  _ksp_sqlite_bind_text (s, 1, key);
  rc = sqlite3_step (s);
  if (rc == SQLITE_ROW)
    *out = _ksp_sqlite_column_dup (s, 0);
  sqlite3_reset (s);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _ksp_sqlite_fail (self, error, "reading the change log's head");
  return TRUE;
}

static gboolean
meta_set (KspSqliteStore *self,
          const char     *key,
          const char     *value,
          GError        **error)
{
  sqlite3_stmt *s = _ksp_sqlite_stmt (self, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", error);

  if (s == NULL)
    return FALSE;
  _ksp_sqlite_bind_text (s, 1, key);
  _ksp_sqlite_bind_text (s, 2, value);
  return _ksp_sqlite_step_done (self, s, error, "recording the change log's head");
}

gboolean
_ksp_sqlite_log_head (KspSqliteStore *self,
                      char          **out_hash,
                      gint64         *out_count,
                      GError        **error)
{
  g_autofree char *hash = NULL, *count = NULL;

  if (!meta_get (self, "log_head", &hash, error) || !meta_get (self, "log_count", &count, error))
    return FALSE;
  if (out_hash)
    *out_hash = g_strdup (hash ? hash : KSP_LOG_GENESIS);
  if (out_count)
    *out_count = count ? g_ascii_strtoll (count, NULL, 10) : 0;
  return TRUE;
}

/* The records of @entry (stored, with its ID), in order. */
gboolean
_ksp_sqlite_log_insert_records (KspSqliteStore    *self,
                                const KspLogEntry *entry,
                                const char        *what,
                                GError           **error)
{
  for (guint i = 0; i < entry->records->len; i++)
    {
      const KspChangeRecord *r = g_ptr_array_index (entry->records, i);
      sqlite3_stmt *s = _ksp_sqlite_stmt (self, "INSERT INTO log_record (log_id, seq, op, element_id, kind, field, lang,"
                                                " old_value, new_value, subtree, content_hash)"
                                                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (s == NULL)
        return FALSE;
      sqlite3_bind_int64 (s, 1, entry->id);
      sqlite3_bind_int (s, 2, (int) i);
      _ksp_sqlite_bind_text (s, 3, ksp_record_op_to_string (r->op));
      _ksp_sqlite_bind_text (s, 4, r->element_id);
      _ksp_sqlite_bind_text (s, 5, r->kind);
      _ksp_sqlite_bind_text (s, 6, r->field);
      _ksp_sqlite_bind_text (s, 7, r->lang == KSP_LANG_NONE ? NULL : ksp_lang_to_string (r->lang));
      _ksp_sqlite_bind_text (s, 8, r->old_value);
      _ksp_sqlite_bind_text (s, 9, r->new_value);
      _ksp_sqlite_bind_text (s, 10, r->subtree);
      _ksp_sqlite_bind_text (s, 11, r->content_hash);
      if (!_ksp_sqlite_step_done (self, s, error, what))
        return FALSE;
    }
  return TRUE;
}

/* The chain's head moves on to @hash, the @count-th entry. */
gboolean
_ksp_sqlite_log_move_head (KspSqliteStore *self,
                           const char     *hash,
                           gint64          count,
                           GError        **error)
{
  g_autofree char *count_text = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  return meta_set (self, "log_head", hash, error) && meta_set (self, "log_count", count_text, error);
}

/* Seals @entry after the chain's head and stores it with its records; the head moves on. In the caller's
 * transaction. */
gboolean
_ksp_sqlite_log_append (KspSqliteStore *self,
                        KspLogEntry    *entry,
                        GError        **error)
{
  g_autofree char *head = NULL;
  gint64 count = 0;
  sqlite3_stmt *s;

  if (!_ksp_sqlite_log_head (self, &head, &count, error))
    return FALSE;
  if (entry->at == NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      entry->at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
    }
  ksp_log_entry_seal (entry, head);
  if (!(s = _ksp_sqlite_stmt (self, "INSERT INTO log (standard_id, tree_id, at, author, action, command, label,"
                                    " change_set, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error)))
    return FALSE;
  _ksp_sqlite_bind_text (s, 1, entry->standard_id);
  sqlite3_bind_int64 (s, 2, entry->tree_id);
  _ksp_sqlite_bind_text (s, 3, entry->at);
  _ksp_sqlite_bind_text (s, 4, entry->author);
  _ksp_sqlite_bind_text (s, 5, entry->action);
  _ksp_sqlite_bind_text (s, 6, entry->command);
  _ksp_sqlite_bind_text (s, 7, entry->label);
  sqlite3_bind_int64 (s, 8, entry->change_set);
  _ksp_sqlite_bind_text (s, 9, entry->prev_hash);
  _ksp_sqlite_bind_text (s, 10, entry->hash);
  if (!_ksp_sqlite_step_done (self, s, error, "recording the change log"))
    return FALSE;
  entry->id = sqlite3_last_insert_rowid (_ksp_sqlite_db (self));
  return _ksp_sqlite_log_insert_records (self, entry, "recording a change", error) &&
         _ksp_sqlite_log_move_head (self, entry->hash, count + 1, error);
}

static gboolean
read_records (KspSqliteStore *self,
              GHashTable     *by_id,
              const char     *standard_id,
              gint64          after_id,
              GError        **error)
{
  sqlite3_stmt *s;
  int rc;

  s = standard_id
      ? _ksp_sqlite_stmt (self, "SELECT r.log_id, r.op, r.element_id, r.kind, r.field, r.lang, r.old_value, r.new_value,"
                                " r.subtree, r.content_hash FROM log_record r JOIN log l ON l.id = r.log_id"
                                " WHERE l.standard_id = ? AND r.log_id > ? ORDER BY r.log_id, r.seq", error)
      : _ksp_sqlite_stmt (self, "SELECT log_id, op, element_id, kind, field, lang, old_value, new_value, subtree,"
                                " content_hash FROM log_record WHERE log_id > ? ORDER BY log_id, seq", error);
  if (s == NULL)
    return FALSE;
  if (standard_id)
    _ksp_sqlite_bind_text (s, 1, standard_id);
  sqlite3_bind_int64 (s, standard_id ? 2 : 1, after_id);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      gint64 log_id = sqlite3_column_int64 (s, 0);
      KspLogEntry *e = g_hash_table_lookup (by_id, &log_id);
      KspChangeRecord *r;
      const char *lang = (const char *) sqlite3_column_text (s, 5);

      if (e == NULL)
        continue;   /* a record without its entry: the chain check names the entry it lost */
      r = g_new0 (KspChangeRecord, 1);
      if (!ksp_record_op_from_string ((const char *) sqlite3_column_text (s, 1), &r->op))
        r->op = KSP_RECORD_SET;   /* "legacy": the audit trail before format 7 had no records */
      r->element_id = _ksp_sqlite_column_dup (s, 2);
      r->kind = _ksp_sqlite_column_dup (s, 3);
      r->field = _ksp_sqlite_column_dup (s, 4);
      if (lang == NULL || !ksp_lang_from_string (lang, &r->lang))
        r->lang = KSP_LANG_NONE;
      r->old_value = _ksp_sqlite_column_dup (s, 6);
      r->new_value = _ksp_sqlite_column_dup (s, 7);
      r->subtree = _ksp_sqlite_column_dup (s, 8);
      r->content_hash = _ksp_sqlite_column_dup (s, 9);
      g_ptr_array_add (e->records, r);
    }
  sqlite3_reset (s);
  if (rc != SQLITE_DONE)
    return _ksp_sqlite_fail (self, error, "reading the change log");
  return TRUE;
}

/* The entries (of one standard, or all) after @after_id (0: all), in the order of the chain, with their
 * records. */
GPtrArray *
_ksp_sqlite_log_list_after (KspSqliteStore *self,
                            const char     *standard_id,
                            gint64          after_id,
                            GError        **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_log_entry_free);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *s;
  int rc;

  s = standard_id
      ? _ksp_sqlite_stmt (self, "SELECT id, standard_id, tree_id, at, author, action, command, label, change_set,"
                                " prev_hash, hash FROM log WHERE standard_id = ? AND id > ? ORDER BY id", error)
      : _ksp_sqlite_stmt (self, "SELECT id, standard_id, tree_id, at, author, action, command, label, change_set,"
                                " prev_hash, hash FROM log WHERE id > ? ORDER BY id", error);
  if (s == NULL)
    return NULL;
  if (standard_id)
    _ksp_sqlite_bind_text (s, 1, standard_id);
  sqlite3_bind_int64 (s, standard_id ? 2 : 1, after_id);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      KspLogEntry *e = ksp_log_entry_new ();
      e->id = sqlite3_column_int64 (s, 0);
      e->standard_id = _ksp_sqlite_column_dup (s, 1);
      e->tree_id = sqlite3_column_int64 (s, 2);
      e->at = _ksp_sqlite_column_dup (s, 3);
      e->author = _ksp_sqlite_column_dup (s, 4);
      e->action = _ksp_sqlite_column_dup (s, 5);
      e->command = _ksp_sqlite_column_dup (s, 6);
      e->label = _ksp_sqlite_column_dup (s, 7);
      e->change_set = sqlite3_column_int64 (s, 8);
      e->prev_hash = _ksp_sqlite_column_dup (s, 9);
      e->hash = _ksp_sqlite_column_dup (s, 10);
      g_ptr_array_add (list, e);
      g_hash_table_insert (by_id, &e->id, e);
    }
  sqlite3_reset (s);
  if (rc != SQLITE_DONE)
    {
      _ksp_sqlite_fail (self, error, "reading the change log");
      return NULL;
    }
  if (!read_records (self, by_id, standard_id, after_id, error))
    return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
_ksp_sqlite_log_list (KspSqliteStore *self,
                      const char     *standard_id,
                      GError        **error)
{
  return _ksp_sqlite_log_list_after (self, standard_id, 0, error);
}

/* The newest entry of @standard_id (NULL: of the workspace), 0 when it has none; -1 with @error. */
gint64
_ksp_sqlite_log_revision (KspSqliteStore *self,
                          const char     *standard_id,
                          GError        **error)
{
  sqlite3_stmt *s = _ksp_sqlite_stmt (self, "SELECT coalesce(max(id), 0) FROM log WHERE ?1 IS NULL OR standard_id = ?1",
                                      error);
  gint64 rev = -1;

  if (s == NULL)
    return -1;
  _ksp_sqlite_bind_text (s, 1, standard_id);
  if (sqlite3_step (s) == SQLITE_ROW)
    rev = sqlite3_column_int64 (s, 0);
  sqlite3_reset (s);
  if (rev < 0)
    _ksp_sqlite_fail (self, error, "reading the change log");
  return rev;
}

/* After migration 7: the audit rows of before, now entries without hashes, sealed in order, so that the
 * chain starts at the first of them. */
gboolean
_ksp_sqlite_log_seal_legacy (KspSqliteStore *self,
                             GError        **error)
{
  g_autoptr (GPtrArray) entries = _ksp_sqlite_log_list (self, NULL, error);
  const char *prev = KSP_LOG_GENESIS;
  g_autofree char *count = NULL;

  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      KspLogEntry *e = g_ptr_array_index (entries, i);
      sqlite3_stmt *s;

      if (e->hash && *e->hash)
        {
          prev = e->hash;
          continue;
        }
      ksp_log_entry_seal (e, prev);
      if (!(s = _ksp_sqlite_stmt (self, "UPDATE log SET prev_hash = ?, hash = ? WHERE id = ?", error)))
        return FALSE;
      _ksp_sqlite_bind_text (s, 1, e->prev_hash);
      _ksp_sqlite_bind_text (s, 2, e->hash);
      sqlite3_bind_int64 (s, 3, e->id);
      if (!_ksp_sqlite_step_done (self, s, error, "sealing the change log"))
        return FALSE;
      prev = e->hash;
    }
  count = g_strdup_printf ("%u", entries->len);
  return meta_set (self, "log_head", prev, error) && meta_set (self, "log_count", count, error) &&
         meta_set (self, "log_sealed", "1", error);
}

/* The integrity of the schema ------------------------------------------------------------------------ */

/* "CREATE TRIGGER name …" without its line breaks and runs of spaces, to compare as written. */
static char *
squeeze (const char *sql)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = sql; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  while (out->len && (out->str[out->len - 1] == ';' || out->str[out->len - 1] == ' '))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* The triggers the migrations leave, by name → their SQL: a later migration's CREATE replaces an earlier
 * one's, a DROP TRIGGER takes it out. */
static GHashTable *
expected_triggers (void)
{
  GHashTable *triggers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (int v = 1; v <= KSP_SQLITE_SCHEMA_VERSION; v++)
    {
      const char *sql = _ksp_sqlite_migration (v);
      for (const char *p = sql; (p = strstr (p, "TRIGGER ")); )
        {
          const char *name = p + strlen ("TRIGGER ");
          const char *name_end = name;
          const char *start;

          while (*name_end && (g_ascii_isalnum (*name_end) || *name_end == '_'))
            name_end++;
          /* the statement's start: back to "CREATE " or "DROP " */
          start = p;
          if (start - sql >= 7 && strncmp (start - 7, "CREATE ", 7) == 0)
            {
              const char *end = strstr (name_end, "END;");
              g_autofree char *statement = NULL;
              if (end == NULL)
                break;
              statement = g_strndup (start - 7, (gsize) (end + 4 - (start - 7)));
              g_hash_table_replace (triggers, g_strndup (name, (gsize) (name_end - name)), squeeze (statement));
              p = end;
            }
          else
            {
              if (start - sql >= 5 && strncmp (start - 5, "DROP ", 5) == 0)
                {
                  g_autofree char *n = g_strndup (name, (gsize) (name_end - name));
                  g_hash_table_remove (triggers, n);
                }
              p = name_end;
            }
        }
    }
  return triggers;
}

/* Returns: (transfer full) (element-type utf8): what is wrong with the objects that keep editions and the
 * change log as they were written: a trigger missing, or not as the migrations made it. Empty when all hold. */
GPtrArray *
_ksp_sqlite_integrity_problems (KspSqliteStore *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) expected = expected_triggers ();
  GHashTableIter iter;
  const char *name, *sql;
  g_autoptr (GList) names = NULL;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    names = g_list_insert_sorted (names, (gpointer) name, (GCompareFunc) strcmp);
  for (GList *l = names; l; l = l->next)
    {
      sqlite3_stmt *s;
      int rc;
      g_autofree char *found = NULL;

      name = l->data;
      sql = g_hash_table_lookup (expected, name);
      if (!(s = _ksp_sqlite_stmt (self, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", NULL)))
        {
          g_ptr_array_add (problems, g_strdup ("the schema cannot be read"));
          break;
        }
      _ksp_sqlite_bind_text (s, 1, name);
      rc = sqlite3_step (s);
      if (rc == SQLITE_ROW)
        found = squeeze ((const char *) sqlite3_column_text (s, 0));
      sqlite3_reset (s);
      if (found == NULL)
        g_ptr_array_add (problems, g_strdup_printf ("trigger %s is missing", name));
      else if (g_ascii_strcasecmp (found, sql) != 0)
        g_ptr_array_add (problems, g_strdup_printf ("trigger %s is not as Kasip made it", name));
    }
  return problems;
}
