/* ksp-sqlite-review.c: the SQLite backend's people and change sets (tables person, change_set, format 8;
 * comment, format 9; change_set_member, format 10)
 *
 * Rows only: who may do what, and when a status may change, is model/review/ksp-review.c's.
 */
#include "config.h"

#include "ksp-sqlite-store-private.h"

static char *
now_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

GPtrArray *
_ksp_sqlite_list_change_sets (KspStore       *store,
                              const char     *standard_id,
                              GError        **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_change_set_free);
  /* a change set's entries: those made in it and not moved since, and those moved to it (change_set_member) */
  static const char sql[] =
    "SELECT c.id, c.standard_id, c.author, c.title, c.status, c.reason, c.reviewer, c.created_at, c.updated_at,"
    " coalesce(n.n, 0) FROM change_set c LEFT JOIN"
    " (SELECT coalesce(m.change_set, l.change_set) AS cs, count(*) AS n FROM log l"
    "  LEFT JOIN change_set_member m ON m.log_id = l.id"
    "  WHERE l.action <> 'review' AND (?1 IS NULL OR l.standard_id = ?1) GROUP BY cs) n ON n.cs = c.id"
    " WHERE ?1 IS NULL OR c.standard_id = ?1 ORDER BY c.id";
  sqlite3_stmt *s = _ksp_sqlite_stmt (self, sql, error);
  int rc;

  if (s == NULL)
    return NULL;
  _ksp_sqlite_bind_text (s, 1, standard_id);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      KspChangeSet *c = g_new0 (KspChangeSet, 1);
      c->id = sqlite3_column_int64 (s, 0);
      c->standard_id = _ksp_sqlite_column_dup (s, 1);
      c->author = _ksp_sqlite_column_dup (s, 2);
      c->title = _ksp_sqlite_column_dup (s, 3);
      c->status = _ksp_sqlite_column_dup (s, 4);
      c->reason = _ksp_sqlite_column_dup (s, 5);
      c->reviewer = _ksp_sqlite_column_dup (s, 6);
      c->created_at = _ksp_sqlite_column_dup (s, 7);
      c->updated_at = _ksp_sqlite_column_dup (s, 8);
      c->n_entries = (guint) sqlite3_column_int (s, 9);
      g_ptr_array_add (list, c);
    }
  sqlite3_reset (s);
  if (rc != SQLITE_DONE)
    {
      _ksp_sqlite_fail (self, error, "reading the change sets");
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
_ksp_sqlite_current_change_set (KspStore       *store,
                                const char     *standard_id,
                                const char     *author,
                                GError        **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autofree char *now = now_iso ();
  /* the first open one: after a split, edits go on into the change set they went into */
  sqlite3_stmt *s = _ksp_sqlite_stmt (self, "SELECT id FROM change_set WHERE standard_id = ? AND author = ?"
                                            " AND status = 'open' ORDER BY id LIMIT 1", error);
  gint64 id = 0;
  int rc;

  if (s == NULL)
    return 0;
  _ksp_sqlite_bind_text (s, 1, standard_id);
  _ksp_sqlite_bind_text (s, 2, author);
  rc = sqlite3_step (s);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (s, 0);
  sqlite3_reset (s);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _ksp_sqlite_fail (self, error, "reading the change sets");
      return 0;
    }
  if (id > 0)
    return id;
  return _ksp_sqlite_add_change_set (store, standard_id, author, NULL, error);
}

gint64
_ksp_sqlite_add_change_set (KspStore   *store,
                            const char *standard_id,
                            const char *author,
                            const char *title,
                            GError    **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autofree char *now = now_iso ();
  sqlite3_stmt *s = _ksp_sqlite_stmt (self, "INSERT INTO change_set (standard_id, author, title, status, created_at,"
                                            " updated_at) VALUES (?, ?, ?, 'open', ?, ?)", error);

  if (s == NULL)
    return 0;
  _ksp_sqlite_bind_text (s, 1, standard_id);
  _ksp_sqlite_bind_text (s, 2, author);
  _ksp_sqlite_bind_text (s, 3, title);
  _ksp_sqlite_bind_text (s, 4, now);
  _ksp_sqlite_bind_text (s, 5, now);
  if (!_ksp_sqlite_step_done (self, s, error, "opening a change set"))
    return 0;
  return sqlite3_last_insert_rowid (_ksp_sqlite_db (self));
}

gboolean
_ksp_sqlite_move_log_entries (KspStore     *store,
                              const gint64 *entry_ids,
                              guint         n_entries,
                              gint64        change_set,
                              GError      **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);

  for (guint i = 0; i < n_entries; i++)
    {
      sqlite3_stmt *s = _ksp_sqlite_stmt (self, "INSERT INTO change_set_member (log_id, change_set) VALUES (?1, ?2)"
                                                " ON CONFLICT (log_id) DO UPDATE SET change_set = ?2", error);
      if (s == NULL)
        return FALSE;
      sqlite3_bind_int64 (s, 1, entry_ids[i]);
      sqlite3_bind_int64 (s, 2, change_set);
      if (!_ksp_sqlite_step_done (self, s, error, "moving entries to another change set"))
        return FALSE;
    }
  return TRUE;
}

GHashTable *
_ksp_sqlite_dup_membership (KspStore   *store,
                            const char *standard_id,
                            GError    **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autoptr (GHashTable) moved = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *s = _ksp_sqlite_stmt (self, "SELECT m.log_id, m.change_set FROM change_set_member m"
                                            " LEFT JOIN log l ON l.id = m.log_id"
                                            " WHERE ?1 IS NULL OR l.standard_id = ?1", error);
  int rc;

  if (s == NULL)
    return NULL;
  _ksp_sqlite_bind_text (s, 1, standard_id);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      gint64 entry = sqlite3_column_int64 (s, 0), set = sqlite3_column_int64 (s, 1);
      g_hash_table_insert (moved, g_memdup2 (&entry, sizeof entry), g_memdup2 (&set, sizeof set));
    }
  sqlite3_reset (s);
  if (rc != SQLITE_DONE)
    {
      _ksp_sqlite_fail (self, error, "reading which change sets entries were moved to");
      return NULL;
    }
  return g_steal_pointer (&moved);
}

gboolean
_ksp_sqlite_write_change_set (KspStore       *store,
                              const KspChangeSet *c,
                              GError            **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autofree char *now = now_iso ();
  sqlite3_stmt *s = _ksp_sqlite_stmt (self, "UPDATE change_set SET title = ?, status = ?, reason = ?, reviewer = ?,"
                                            " updated_at = ? WHERE id = ?", error);

  if (s == NULL)
    return FALSE;
  _ksp_sqlite_bind_text (s, 1, c->title);
  _ksp_sqlite_bind_text (s, 2, c->status);
  _ksp_sqlite_bind_text (s, 3, c->reason);
  _ksp_sqlite_bind_text (s, 4, c->reviewer);
  _ksp_sqlite_bind_text (s, 5, now);
  sqlite3_bind_int64 (s, 6, c->id);
  if (!_ksp_sqlite_step_done (self, s, error, "changing a change set"))
    return FALSE;
  if (sqlite3_changes (_ksp_sqlite_db (self)) == 0)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND, "%s: no change set %" G_GINT64_FORMAT,
                   ksp_store_get_location (KSP_STORE (self)), c->id);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
_ksp_sqlite_list_people (KspStore       *store,
                         GError        **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_person_free);
  sqlite3_stmt *s = _ksp_sqlite_stmt (self, "SELECT account, display_name, roles, created_at FROM person"
                                            " ORDER BY account", error);
  int rc;

  if (s == NULL)
    return NULL;
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      KspPerson *p = g_new0 (KspPerson, 1);
      p->account = _ksp_sqlite_column_dup (s, 0);
      p->display_name = _ksp_sqlite_column_dup (s, 1);
      p->roles = _ksp_sqlite_column_dup (s, 2);
      p->created_at = _ksp_sqlite_column_dup (s, 3);
      g_ptr_array_add (list, p);
    }
  sqlite3_reset (s);
  if (rc != SQLITE_DONE)
    {
      _ksp_sqlite_fail (self, error, "reading the people of the workspace");
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
_ksp_sqlite_write_person (KspStore       *store,
                          const KspPerson *p,
                          GError         **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autofree char *now = now_iso ();
  sqlite3_stmt *s = _ksp_sqlite_stmt (self, "INSERT INTO person (account, display_name, roles, created_at)"
                                            " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (account) DO UPDATE SET"
                                            " display_name = ?2, roles = ?3", error);

  if (s == NULL)
    return FALSE;
  _ksp_sqlite_bind_text (s, 1, p->account);
  _ksp_sqlite_bind_text (s, 2, p->display_name ? p->display_name : p->account);
  _ksp_sqlite_bind_text (s, 3, p->roles ? p->roles : "");
  _ksp_sqlite_bind_text (s, 4, now);
  return _ksp_sqlite_step_done (self, s, error, "recording a person");
}

/* Comments ------------------------------------------------------------------------------------------- */

/* A comment from the row @s is on, of "SELECT id, standard_id, element_id, field, lang, reply_to, author,
 * text, created_at, resolved_by, resolved_at FROM comment". */
KspComment *
_ksp_sqlite_comment_from_row (sqlite3_stmt *s)
{
  KspComment *c = g_new0 (KspComment, 1);
  const char *lang = (const char *) sqlite3_column_text (s, 4);

  c->id = sqlite3_column_int64 (s, 0);
  c->standard_id = _ksp_sqlite_column_dup (s, 1);
  c->element_id = _ksp_sqlite_column_dup (s, 2);
  c->field = _ksp_sqlite_column_dup (s, 3);
  if (lang == NULL || !ksp_lang_from_string (lang, &c->lang))
    c->lang = KSP_LANG_NONE;
  c->reply_to = sqlite3_column_int64 (s, 5);
  c->author = _ksp_sqlite_column_dup (s, 6);
  c->text = _ksp_sqlite_column_dup (s, 7);
  c->created_at = _ksp_sqlite_column_dup (s, 8);
  c->resolved_by = _ksp_sqlite_column_dup (s, 9);
  c->resolved_at = _ksp_sqlite_column_dup (s, 10);
  return c;
}

GPtrArray *
_ksp_sqlite_list_comments (KspStore   *store,
                           const char *standard_id,
                           GError    **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_comment_free);
  sqlite3_stmt *s = _ksp_sqlite_stmt (self, "SELECT id, standard_id, element_id, field, lang, reply_to, author, text,"
                                            " created_at, resolved_by, resolved_at FROM comment"
                                            " WHERE standard_id = ? ORDER BY id", error);
  int rc;

  if (s == NULL)
    return NULL;
  _ksp_sqlite_bind_text (s, 1, standard_id);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      g_ptr_array_add (list, _ksp_sqlite_comment_from_row (s));
    }
  sqlite3_reset (s);
  if (rc != SQLITE_DONE)
    {
      _ksp_sqlite_fail (self, error, "reading the comments");
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
_ksp_sqlite_add_comment (KspStore         *store,
                         const KspComment *c,
                         GError          **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autofree char *now = now_iso ();
  sqlite3_stmt *s = _ksp_sqlite_stmt (self, "INSERT INTO comment (standard_id, element_id, field, lang, reply_to,"
                                            " author, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (s == NULL)
    return 0;
  _ksp_sqlite_bind_text (s, 1, c->standard_id);
  _ksp_sqlite_bind_text (s, 2, c->element_id);
  _ksp_sqlite_bind_text (s, 3, c->field);
  _ksp_sqlite_bind_text (s, 4, c->lang == KSP_LANG_NONE ? NULL : ksp_lang_to_string (c->lang));
  if (c->reply_to > 0)
    sqlite3_bind_int64 (s, 5, c->reply_to);
  _ksp_sqlite_bind_text (s, 6, c->author);
  _ksp_sqlite_bind_text (s, 7, c->text);
  _ksp_sqlite_bind_text (s, 8, now);
  if (!_ksp_sqlite_step_done (self, s, error, "adding a comment"))
    return 0;
  return sqlite3_last_insert_rowid (_ksp_sqlite_db (self));
}

gboolean
_ksp_sqlite_resolve_comment (KspStore   *store,
                             gint64      id,
                             const char *by,
                             GError    **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autofree char *now = by ? now_iso () : NULL;
  sqlite3_stmt *s = _ksp_sqlite_stmt (self, "UPDATE comment SET resolved_by = ?, resolved_at = ? WHERE id = ?", error);

  if (s == NULL)
    return FALSE;
  _ksp_sqlite_bind_text (s, 1, by);
  _ksp_sqlite_bind_text (s, 2, now);
  sqlite3_bind_int64 (s, 3, id);
  if (!_ksp_sqlite_step_done (self, s, error, "resolving a comment"))
    return FALSE;
  if (sqlite3_changes (_ksp_sqlite_db (self)) == 0)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND, "%s: no comment %" G_GINT64_FORMAT,
                   ksp_store_get_location (store), id);
      return FALSE;
    }
  return TRUE;
}
