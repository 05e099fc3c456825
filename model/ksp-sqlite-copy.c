/* ksp-sqlite-copy.c: the SQLite backend's side of copying a workspace (model/ksp-store-copy.h)
 *
 * Reading: the rows no other call reads whole, in the snapshot of a read transaction (BEGIN … ROLLBACK, which
 * a read-only connection may hold). Writing, into an empty workspace in the caller's transaction: every row
 * with its ID. A tree is written unfrozen, its elements numbered in one run (as an edition's are), then
 * frozen: the triggers refuse changing a frozen tree, not freezing one. A log entry is stored as it was
 * sealed, refused unless it chains after the head in meta, which moves on.
 */
#include "config.h"

#include "ksp-sqlite-store-private.h"
#include "ksp-store-copy.h"

#define SNAPSHOT_KEY "ksp-sqlite-copy-snapshot"

static gboolean
step_rows_done (KspSqliteStore *self,
                sqlite3_stmt   *s,
                int             rc,
                GError        **error,
                const char     *what)
{
  sqlite3_reset (s);
  if (rc != SQLITE_DONE)
    return _ksp_sqlite_fail (self, error, what);
  return TRUE;
}

static KspStoreRows *
copy_read_rows (KspStore *store,
                GError  **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autoptr (KspStoreRows) rows = ksp_store_rows_new ();
  sqlite3_stmt *s;
  int rc;

  /* standards in the order the store lists them (ksp-sqlite-store.c) */
  if (!(s = _ksp_sqlite_stmt (self, "SELECT id, created_at, created_by FROM standard ORDER BY created_at, rowid", error)))
    return NULL;
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      KspStoreStandardRow *row = g_new0 (KspStoreStandardRow, 1);
      row->id = _ksp_sqlite_column_dup (s, 0);
      row->created_at = _ksp_sqlite_column_dup (s, 1);
      row->created_by = _ksp_sqlite_column_dup (s, 2);
      g_ptr_array_add (rows->standards, row);
    }
  if (!step_rows_done (self, s, rc, error, "reading the standards"))
    return NULL;

  if (!(s = _ksp_sqlite_stmt (self, "SELECT id, standard_id, is_draft, frozen, edition_number, edition_year,"
                                    " edition_date, note, created_by, created_at, edition_act FROM tree ORDER BY id",
                              error)))
    return NULL;
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      KspStoreTreeRow *row = g_new0 (KspStoreTreeRow, 1);
      row->info = g_new0 (KspEditionInfo, 1);
      row->info->tree_id = sqlite3_column_int64 (s, 0);
      row->info->standard_id = _ksp_sqlite_column_dup (s, 1);
      row->is_draft = sqlite3_column_int (s, 2) != 0;
      row->frozen = sqlite3_column_int (s, 3) != 0;
      row->info->number = sqlite3_column_int (s, 4);
      row->info->year = sqlite3_column_int (s, 5);
      row->info->date = _ksp_sqlite_column_dup (s, 6);
      row->info->note = _ksp_sqlite_column_dup (s, 7);
      row->info->created_by = _ksp_sqlite_column_dup (s, 8);
      row->info->created_at = _ksp_sqlite_column_dup (s, 9);
      row->info->act = _ksp_sqlite_column_dup (s, 10);
      g_ptr_array_add (rows->trees, row);
    }
  if (!step_rows_done (self, s, rc, error, "reading the trees"))
    return NULL;

  if (!(s = _ksp_sqlite_stmt (self, "SELECT id, standard_id, element_id, field, lang, reply_to, author, text,"
                                    " created_at, resolved_by, resolved_at FROM comment ORDER BY id", error)))
    return NULL;
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      g_ptr_array_add (rows->comments, _ksp_sqlite_comment_from_row (s));
    }
  if (!step_rows_done (self, s, rc, error, "reading the comments"))
    return NULL;

  if (!(s = _ksp_sqlite_stmt (self, "SELECT standard_id, change_key, lang, text, author, updated_at FROM justification"
                                    " ORDER BY standard_id, change_key, lang", error)))
    return NULL;
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      KspStoreJustificationRow *j = g_new0 (KspStoreJustificationRow, 1);
      j->standard_id = _ksp_sqlite_column_dup (s, 0);
      j->change_key = _ksp_sqlite_column_dup (s, 1);
      if (!ksp_lang_from_string ((const char *) sqlite3_column_text (s, 2), &j->lang))
        j->lang = KSP_LANG_NONE;
      j->text = _ksp_sqlite_column_dup (s, 3);
      j->author = _ksp_sqlite_column_dup (s, 4);
      j->updated_at = _ksp_sqlite_column_dup (s, 5);
      g_ptr_array_add (rows->justifications, j);
    }
  if (!step_rows_done (self, s, rc, error, "reading the justifications"))
    return NULL;

  if (!(s = _ksp_sqlite_stmt (self, "SELECT kind, source, content, imported_at, imported_by FROM reference ORDER BY kind",
                              error)))
    return NULL;
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      KspStoreReferenceRow *r = g_new0 (KspStoreReferenceRow, 1);
      r->kind = _ksp_sqlite_column_dup (s, 0);
      r->source = _ksp_sqlite_column_dup (s, 1);
      r->content = _ksp_sqlite_column_dup (s, 2);
      r->imported_at = _ksp_sqlite_column_dup (s, 3);
      r->imported_by = _ksp_sqlite_column_dup (s, 4);
      g_ptr_array_add (rows->references, r);
    }
  if (!step_rows_done (self, s, rc, error, "reading the reference data"))
    return NULL;
  return g_steal_pointer (&rows);
}

/* A read transaction of its own, unless the store is in one already (then its snapshot is the caller's). */
static gboolean
copy_begin_snapshot (KspStore *store,
                     GError  **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  sqlite3 *db = _ksp_sqlite_db (self);

  if (!sqlite3_get_autocommit (db))
    {
      g_object_set_data (G_OBJECT (store), SNAPSHOT_KEY, NULL);
      return TRUE;
    }
  if (sqlite3_exec (db, "BEGIN DEFERRED", NULL, NULL, NULL) != SQLITE_OK)
    return _ksp_sqlite_fail (self, error, "starting to read the workspace");
  g_object_set_data (G_OBJECT (store), SNAPSHOT_KEY, GINT_TO_POINTER (1));
  return TRUE;
}

static void
copy_end_snapshot (KspStore *store)
{
  sqlite3 *db = _ksp_sqlite_db (KSP_SQLITE_STORE (store));

  if (g_object_get_data (G_OBJECT (store), SNAPSHOT_KEY) == NULL)
    return;
  g_object_set_data (G_OBJECT (store), SNAPSHOT_KEY, NULL);
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);   /* nothing was written in it */
}

static gboolean
copy_write_rows (KspStore           *store,
                 const KspStoreRows *rows,
                 GError            **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *s;

  for (guint i = 0; i < rows->standards->len; i++)
    {
      const KspStoreStandardRow *row = g_ptr_array_index (rows->standards, i);
      if (!(s = _ksp_sqlite_stmt (self, "INSERT INTO standard (id, created_at, created_by) VALUES (?, ?, ?)", error)))
        return FALSE;
      _ksp_sqlite_bind_text (s, 1, row->id);
      _ksp_sqlite_bind_text (s, 2, row->created_at);
      _ksp_sqlite_bind_text (s, 3, row->created_by);
      if (!_ksp_sqlite_step_done (self, s, error, "copying a standard"))
        return FALSE;
    }
  for (guint i = 0; i < rows->change_sets->len; i++)
    {
      const KspChangeSet *c = g_ptr_array_index (rows->change_sets, i);
      if (!(s = _ksp_sqlite_stmt (self, "INSERT INTO change_set (id, standard_id, author, title, status, reason, reviewer,"
                                        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error)))
        return FALSE;
      sqlite3_bind_int64 (s, 1, c->id);
      _ksp_sqlite_bind_text (s, 2, c->standard_id);
      _ksp_sqlite_bind_text (s, 3, c->author);
      _ksp_sqlite_bind_text (s, 4, c->title);
      _ksp_sqlite_bind_text (s, 5, c->status);
      _ksp_sqlite_bind_text (s, 6, c->reason);
      _ksp_sqlite_bind_text (s, 7, c->reviewer);
      _ksp_sqlite_bind_text (s, 8, c->created_at);
      _ksp_sqlite_bind_text (s, 9, c->updated_at);
      if (!_ksp_sqlite_step_done (self, s, error, "copying a change set"))
        return FALSE;
    }
  g_hash_table_iter_init (&iter, rows->membership);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!(s = _ksp_sqlite_stmt (self, "INSERT INTO change_set_member (log_id, change_set) VALUES (?, ?)", error)))
        return FALSE;
      sqlite3_bind_int64 (s, 1, *(gint64 *) key);
      sqlite3_bind_int64 (s, 2, *(gint64 *) value);
      if (!_ksp_sqlite_step_done (self, s, error, "copying where an entry was moved"))
        return FALSE;
    }
  for (guint i = 0; i < rows->people->len; i++)
    {
      const KspPerson *p = g_ptr_array_index (rows->people, i);
      if (!(s = _ksp_sqlite_stmt (self, "INSERT INTO person (account, display_name, roles, created_at) VALUES (?, ?, ?, ?)",
                                  error)))
        return FALSE;
      _ksp_sqlite_bind_text (s, 1, p->account);
      _ksp_sqlite_bind_text (s, 2, p->display_name);
      _ksp_sqlite_bind_text (s, 3, p->roles ? p->roles : "");
      _ksp_sqlite_bind_text (s, 4, p->created_at);
      if (!_ksp_sqlite_step_done (self, s, error, "copying a person"))
        return FALSE;
    }
  for (guint i = 0; i < rows->comments->len; i++)
    {
      const KspComment *c = g_ptr_array_index (rows->comments, i);
      if (!(s = _ksp_sqlite_stmt (self, "INSERT INTO comment (id, standard_id, element_id, field, lang, reply_to, author,"
                                        " text, created_at, resolved_by, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  error)))
        return FALSE;
      sqlite3_bind_int64 (s, 1, c->id);
      _ksp_sqlite_bind_text (s, 2, c->standard_id);
      _ksp_sqlite_bind_text (s, 3, c->element_id);
      _ksp_sqlite_bind_text (s, 4, c->field);
      _ksp_sqlite_bind_text (s, 5, c->lang == KSP_LANG_NONE ? NULL : ksp_lang_to_string (c->lang));
      if (c->reply_to > 0)
        sqlite3_bind_int64 (s, 6, c->reply_to);
      _ksp_sqlite_bind_text (s, 7, c->author);
      _ksp_sqlite_bind_text (s, 8, c->text);
      _ksp_sqlite_bind_text (s, 9, c->created_at);
      _ksp_sqlite_bind_text (s, 10, c->resolved_by);
      _ksp_sqlite_bind_text (s, 11, c->resolved_at);
      if (!_ksp_sqlite_step_done (self, s, error, "copying a comment"))
        return FALSE;
    }
  for (guint i = 0; i < rows->justifications->len; i++)
    {
      const KspStoreJustificationRow *j = g_ptr_array_index (rows->justifications, i);
      if (!(s = _ksp_sqlite_stmt (self, "INSERT INTO justification (standard_id, change_key, lang, text, author, updated_at)"
                                        " VALUES (?, ?, ?, ?, ?, ?)", error)))
        return FALSE;
      _ksp_sqlite_bind_text (s, 1, j->standard_id);
      _ksp_sqlite_bind_text (s, 2, j->change_key);
      _ksp_sqlite_bind_text (s, 3, ksp_lang_to_string (j->lang));
      _ksp_sqlite_bind_text (s, 4, j->text);
      _ksp_sqlite_bind_text (s, 5, j->author);
      _ksp_sqlite_bind_text (s, 6, j->updated_at);
      if (!_ksp_sqlite_step_done (self, s, error, "copying a justification"))
        return FALSE;
    }
  for (guint i = 0; i < rows->references->len; i++)
    {
      const KspStoreReferenceRow *r = g_ptr_array_index (rows->references, i);
      if (!(s = _ksp_sqlite_stmt (self, "INSERT INTO reference (kind, source, content, imported_at, imported_by)"
                                        " VALUES (?, ?, ?, ?, ?)", error)))
        return FALSE;
      _ksp_sqlite_bind_text (s, 1, r->kind);
      _ksp_sqlite_bind_text (s, 2, r->source);
      _ksp_sqlite_bind_text (s, 3, r->content);
      _ksp_sqlite_bind_text (s, 4, r->imported_at);
      _ksp_sqlite_bind_text (s, 5, r->imported_by);
      if (!_ksp_sqlite_step_done (self, s, error, "copying reference data"))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  KspSqliteStore *self;
  gint64          nid;
  GError        **error;
  gboolean        ok;
} ValueCopy;

static void
copy_value (KspNode    *node,
            const char *field,
            KspLang     lang,
            const char *value,
            gpointer    user_data)
{
  ValueCopy *c = user_data;
  sqlite3_stmt *s;

  if (!c->ok)
    return;
  if (!(s = _ksp_sqlite_stmt (c->self, "INSERT INTO value (node, field, lang, text) VALUES (?, ?, ?, ?)", c->error)))
    {
      c->ok = FALSE;
      return;
    }
  sqlite3_bind_int64 (s, 1, c->nid);
  _ksp_sqlite_bind_text (s, 2, field);
  _ksp_sqlite_bind_text (s, 3, ksp_lang_to_string (lang));
  _ksp_sqlite_bind_text (s, 4, value);
  c->ok = _ksp_sqlite_step_done (c->self, s, c->error, "copying a value");
}

/* @node and everything under it, as child @pos of the row @parent (0: the root); rows numbered in order. */
static gboolean
copy_node (KspSqliteStore *self,
           gint64          tree,
           KspNode        *node,
           gint64          parent,
           guint           pos,
           GError        **error)
{
  ValueCopy values = { self, 0, error, TRUE };
  sqlite3_stmt *s;

  if (!(s = _ksp_sqlite_stmt (self, "INSERT INTO node (tree_id, id, parent, kind, pos, number, src_line)"
                                    " VALUES (?, ?, ?, ?, ?, ?, ?)", error)))
    return FALSE;
  sqlite3_bind_int64 (s, 1, tree);
  _ksp_sqlite_bind_text (s, 2, ksp_node_get_id (node));
  if (parent)
    sqlite3_bind_int64 (s, 3, parent);
  _ksp_sqlite_bind_text (s, 4, ksp_node_get_kind (node));
  sqlite3_bind_int (s, 5, (int) pos);
  _ksp_sqlite_bind_text (s, 6, ksp_node_get_number (node));
  sqlite3_bind_int (s, 7, (int) ksp_node_get_src_line (node));
  if (!_ksp_sqlite_step_done (self, s, error, "copying an element"))
    return FALSE;
  values.nid = sqlite3_last_insert_rowid (_ksp_sqlite_db (self));
  ksp_node_foreach_value (node, copy_value, &values);
  if (!values.ok)
    return FALSE;
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    if (!copy_node (self, tree, ksp_node_get_child (node, i), values.nid, i, error))
      return FALSE;
  return TRUE;
}

static gboolean
copy_put_tree (KspStore             *store,
               const KspEditionInfo *tree,
               gboolean              is_draft,
               gboolean              frozen,
               KspNode              *root,
               GError              **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  sqlite3_stmt *s;

  if (!(s = _ksp_sqlite_stmt (self, "INSERT INTO tree (id, standard_id, is_draft, frozen, edition_number, edition_year,"
                                    " edition_date, note, created_at, created_by, edition_act)"
                                    " VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)", error)))
    return FALSE;
  sqlite3_bind_int64 (s, 1, tree->tree_id);
  _ksp_sqlite_bind_text (s, 2, tree->standard_id);
  sqlite3_bind_int (s, 3, is_draft ? 1 : 0);
  if (!is_draft || tree->number > 0)
    sqlite3_bind_int (s, 4, tree->number);
  if (tree->year > 0)
    sqlite3_bind_int (s, 5, tree->year);
  _ksp_sqlite_bind_text (s, 6, tree->date);
  _ksp_sqlite_bind_text (s, 7, tree->note);
  _ksp_sqlite_bind_text (s, 8, tree->created_at);
  _ksp_sqlite_bind_text (s, 9, tree->created_by);
  _ksp_sqlite_bind_text (s, 10, tree->act);
  if (!_ksp_sqlite_step_done (self, s, error, "copying a tree") ||
      !copy_node (self, tree->tree_id, root, 0, 0, error))
    return FALSE;
  if (!frozen)
    return TRUE;
  if (!(s = _ksp_sqlite_stmt (self, "UPDATE tree SET frozen = 1 WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (s, 1, tree->tree_id);
  return _ksp_sqlite_step_done (self, s, error, "copying an edition");
}

static gboolean
copy_put_log_entry (KspStore          *store,
                    const KspLogEntry *entry,
                    GError           **error)
{
  KspSqliteStore *self = KSP_SQLITE_STORE (store);
  g_autofree char *head = NULL;
  gint64 count = 0;
  sqlite3_stmt *s;

  if (!_ksp_sqlite_log_head (self, &head, &count, error))
    return FALSE;
  if (entry->hash == NULL || g_strcmp0 (entry->prev_hash, head) != 0)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_CORRUPT,
                   "%s: entry %" G_GINT64_FORMAT " of the change log does not follow the last one copied",
                   ksp_store_get_location (store), entry->id);
      return FALSE;
    }
  if (!(s = _ksp_sqlite_stmt (self, "INSERT INTO log (id, standard_id, tree_id, at, author, action, command, label,"
                                    " change_set, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error)))
    return FALSE;
  sqlite3_bind_int64 (s, 1, entry->id);
  _ksp_sqlite_bind_text (s, 2, entry->standard_id);
  sqlite3_bind_int64 (s, 3, entry->tree_id);
  _ksp_sqlite_bind_text (s, 4, entry->at);
  _ksp_sqlite_bind_text (s, 5, entry->author);
  _ksp_sqlite_bind_text (s, 6, entry->action);
  _ksp_sqlite_bind_text (s, 7, entry->command);
  _ksp_sqlite_bind_text (s, 8, entry->label);
  sqlite3_bind_int64 (s, 9, entry->change_set);
  _ksp_sqlite_bind_text (s, 10, entry->prev_hash);
  _ksp_sqlite_bind_text (s, 11, entry->hash);
  if (!_ksp_sqlite_step_done (self, s, error, "copying the change log"))
    return FALSE;
  return _ksp_sqlite_log_insert_records (self, entry, "copying a change", error) &&
         _ksp_sqlite_log_move_head (self, entry->hash, count + 1, error);
}

/* Row numbers follow the largest in each table: nothing to move on. */
static gboolean
copy_finish (KspStore *store,
             GError  **error)
{
  return TRUE;
}

void
_ksp_sqlite_copy_init_class (KspStoreClass *store_class)
{
  store_class->copy_read_rows = copy_read_rows;
  store_class->copy_begin_snapshot = copy_begin_snapshot;
  store_class->copy_end_snapshot = copy_end_snapshot;
  store_class->copy_write_rows = copy_write_rows;
  store_class->copy_put_tree = copy_put_tree;
  store_class->copy_put_log_entry = copy_put_log_entry;
  store_class->copy_finish = copy_finish;
}
