/* ksp-pg-copy.c: the PostgreSQL backend's side of copying a workspace (model/ksp-store-copy.h)
 *
 * Reading: the rows no other call reads whole, in one REPEATABLE READ snapshot (or a savepoint of the
 * caller's transaction). Writing, into an empty workspace in the caller's transaction: every row with its
 * ID; the head of the change log locked first, so that a session appending meanwhile waits and chains after
 * the copy. A tree is written unfrozen — its elements numbered at once from node's sequence and sent as one
 * JSON parameter per table (json_to_recordset: every cell a parameter's, no SQL built from them) — then
 * frozen: the triggers refuse changing a frozen tree, not freezing one. A log entry is stored as it was
 * sealed, refused unless it chains after the head, which moves on. At the end the sequences of the tables
 * whose IDs were copied are set past them (setval is not undone by a rollback: a failed copy leaves only a
 * gap in the numbers).
 */
#include "config.h"

#include "ksp-json.h"
#include "ksp-pg-store-private.h"
#include "ksp-store-copy.h"

static KspStoreRows *
copy_read_rows (KspStore *store,
                GError  **error)
{
  KspPgStore *self = KSP_PG_STORE (store);
  g_autoptr (KspStoreRows) rows = ksp_store_rows_new ();
  g_autoptr (PGresult) standards = NULL, trees = NULL, comments = NULL, justifications = NULL, references = NULL;

  if (!_ksp_pg_begin_read (self, error))
    return NULL;
  if (!(standards = _ksp_pg_query (self, "SELECT id, created_at, created_by FROM standard ORDER BY seq", NULL,
                                   "reading the standards", error)) ||
      !(trees = _ksp_pg_query (self, "SELECT id, standard_id, is_draft, frozen, edition_number, edition_year,"
                                     " edition_date, note, created_by, created_at, edition_act FROM tree ORDER BY id",
                               NULL, "reading the trees", error)) ||
      !(comments = _ksp_pg_query (self, "SELECT id, standard_id, element_id, field, lang, reply_to, author, text,"
                                        " created_at, resolved_by, resolved_at FROM comment ORDER BY id", NULL,
                                  "reading the comments", error)) ||
      !(justifications = _ksp_pg_query (self, "SELECT standard_id, change_key, lang, text, author, updated_at"
                                              " FROM justification ORDER BY standard_id COLLATE \"C\","
                                              " change_key COLLATE \"C\", lang", NULL,
                                        "reading the justifications", error)) ||
      !(references = _ksp_pg_query (self, "SELECT kind, source, content, imported_at, imported_by FROM reference"
                                          " ORDER BY kind COLLATE \"C\"", NULL, "reading the reference data", error)) ||
      !ksp_store_commit (store, error))
    {
      ksp_store_rollback (store);
      return NULL;
    }
  for (int i = 0; i < PQntuples (standards); i++)
    {
      KspStoreStandardRow *row = g_new0 (KspStoreStandardRow, 1);
      row->id = _ksp_pg_dup (standards, i, 0);
      row->created_at = _ksp_pg_dup (standards, i, 1);
      row->created_by = _ksp_pg_dup (standards, i, 2);
      g_ptr_array_add (rows->standards, row);
    }
  for (int i = 0; i < PQntuples (trees); i++)
    {
      KspStoreTreeRow *row = g_new0 (KspStoreTreeRow, 1);
      row->info = g_new0 (KspEditionInfo, 1);
      row->info->tree_id = _ksp_pg_int64 (trees, i, 0);
      row->info->standard_id = _ksp_pg_dup (trees, i, 1);
      row->is_draft = g_str_equal (PQgetvalue (trees, i, 2), "t");
      row->frozen = g_str_equal (PQgetvalue (trees, i, 3), "t");
      row->info->number = (int) _ksp_pg_int64 (trees, i, 4);
      row->info->year = (int) _ksp_pg_int64 (trees, i, 5);
      row->info->date = _ksp_pg_dup (trees, i, 6);
      row->info->note = _ksp_pg_dup (trees, i, 7);
      row->info->created_by = _ksp_pg_dup (trees, i, 8);
      row->info->created_at = _ksp_pg_dup (trees, i, 9);
      row->info->act = _ksp_pg_dup (trees, i, 10);
      g_ptr_array_add (rows->trees, row);
    }
  for (int i = 0; i < PQntuples (comments); i++)
    {
      g_ptr_array_add (rows->comments, _ksp_pg_comment_from_row (comments, i));
    }
  for (int i = 0; i < PQntuples (justifications); i++)
    {
      KspStoreJustificationRow *j = g_new0 (KspStoreJustificationRow, 1);
      j->standard_id = _ksp_pg_dup (justifications, i, 0);
      j->change_key = _ksp_pg_dup (justifications, i, 1);
      if (!ksp_lang_from_string (PQgetvalue (justifications, i, 2), &j->lang))
        j->lang = KSP_LANG_NONE;
      j->text = _ksp_pg_dup (justifications, i, 3);
      j->author = _ksp_pg_dup (justifications, i, 4);
      j->updated_at = _ksp_pg_dup (justifications, i, 5);
      g_ptr_array_add (rows->justifications, j);
    }
  for (int i = 0; i < PQntuples (references); i++)
    {
      KspStoreReferenceRow *r = g_new0 (KspStoreReferenceRow, 1);
      r->kind = _ksp_pg_dup (references, i, 0);
      r->source = _ksp_pg_dup (references, i, 1);
      r->content = _ksp_pg_dup (references, i, 2);
      r->imported_at = _ksp_pg_dup (references, i, 3);
      r->imported_by = _ksp_pg_dup (references, i, 4);
      g_ptr_array_add (rows->references, r);
    }
  return g_steal_pointer (&rows);
}

static gboolean
copy_begin_snapshot (KspStore *store,
                     GError  **error)
{
  return _ksp_pg_begin_read (KSP_PG_STORE (store), error);
}

static void
copy_end_snapshot (KspStore *store)
{
  /* nothing was written in it */
  ksp_store_rollback (store);
}

static gboolean
lock_head (KspPgStore *self,
           char      **out_hash,
           gint64     *out_count,
           GError    **error)
{
  g_autoptr (PGresult) r = _ksp_pg_query (self, "SELECT key, value FROM meta WHERE key IN ('log_head', 'log_count')"
                                                " ORDER BY key FOR UPDATE", NULL, "reading the change log's head", error);

  if (r == NULL)
    return FALSE;
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

static gboolean
copy_write_rows (KspStore           *store,
                 const KspStoreRows *rows,
                 GError            **error)
{
  KspPgStore *self = KSP_PG_STORE (store);
  GHashTableIter iter;
  gpointer key, value;

  g_autoptr (PGresult) owner = NULL;

  /* every entry keeps its author and every row its writer: only the workspace's owner may write them so
   * (the roles' triggers of format 2 let nobody else record a change in another's name) */
  if (!(owner = _ksp_pg_query (self, "SELECT coalesce(pg_has_role(current_user, c.relowner, 'USAGE'), false),"
                                     " pg_get_userbyid(c.relowner), current_user FROM pg_class c"
                                     " WHERE c.oid = 'meta'::regclass", NULL, "copying into the workspace", error)))
    return FALSE;
  if (PQntuples (owner) != 1 || !g_str_equal (PQgetvalue (owner, 0, 0), "t"))
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_READ_ONLY,
                   "%s: a copy keeps every entry's author, which only the workspace's owner may write: connect as "
                   "the database role %s (not %s)", _ksp_pg_location (self),
                   PQntuples (owner) == 1 ? PQgetvalue (owner, 0, 1) : "?",
                   PQntuples (owner) == 1 ? PQgetvalue (owner, 0, 2) : "?");
      return FALSE;
    }
  if (!lock_head (self, NULL, NULL, error))
    return FALSE;
  for (guint i = 0; i < rows->standards->len; i++)
    {
      const KspStoreStandardRow *row = g_ptr_array_index (rows->standards, i);
      KspPgParams p = { 0 };
      _ksp_pg_text (&p, row->id);
      _ksp_pg_text (&p, row->created_at);
      _ksp_pg_text (&p, row->created_by);
      if (!_ksp_pg_command (self, "INSERT INTO standard (id, created_at, created_by) VALUES ($1::text, $2::text, $3::text)",
                            &p, "copying a standard", error))
        return FALSE;
    }
  for (guint i = 0; i < rows->change_sets->len; i++)
    {
      const KspChangeSet *c = g_ptr_array_index (rows->change_sets, i);
      KspPgParams p = { 0 };
      _ksp_pg_int (&p, c->id);
      _ksp_pg_text (&p, c->standard_id);
      _ksp_pg_text (&p, c->author);
      _ksp_pg_text (&p, c->title);
      _ksp_pg_text (&p, c->status);
      _ksp_pg_text (&p, c->reason);
      _ksp_pg_text (&p, c->reviewer);
      _ksp_pg_text (&p, c->created_at);
      _ksp_pg_text (&p, c->updated_at);
      if (!_ksp_pg_command (self, "INSERT INTO change_set (id, standard_id, author, title, status, reason, reviewer,"
                                  " created_at, updated_at) VALUES ($1::bigint, $2::text, $3::text, $4::text, $5::text,"
                                  " $6::text, $7::text, $8::text, $9::text)", &p, "copying a change set", error))
        return FALSE;
    }
  g_hash_table_iter_init (&iter, rows->membership);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      KspPgParams p = { 0 };
      _ksp_pg_int (&p, *(gint64 *) key);
      _ksp_pg_int (&p, *(gint64 *) value);
      if (!_ksp_pg_command (self, "INSERT INTO change_set_member (log_id, change_set) VALUES ($1::bigint, $2::bigint)",
                            &p, "copying where an entry was moved", error))
        return FALSE;
    }
  for (guint i = 0; i < rows->people->len; i++)
    {
      const KspPerson *person = g_ptr_array_index (rows->people, i);
      KspPgParams p = { 0 };
      _ksp_pg_text (&p, person->account);
      _ksp_pg_text (&p, person->display_name);
      _ksp_pg_text (&p, person->roles ? person->roles : "");
      _ksp_pg_text (&p, person->created_at);
      if (!_ksp_pg_command (self, "INSERT INTO person (account, display_name, roles, created_at)"
                                  " VALUES ($1::text, $2::text, $3::text, $4::text)", &p, "copying a person", error))
        return FALSE;
    }
  for (guint i = 0; i < rows->comments->len; i++)
    {
      const KspComment *c = g_ptr_array_index (rows->comments, i);
      KspPgParams p = { 0 };
      _ksp_pg_int (&p, c->id);
      _ksp_pg_text (&p, c->standard_id);
      _ksp_pg_text (&p, c->element_id);
      _ksp_pg_text (&p, c->field);
      _ksp_pg_text (&p, c->lang == KSP_LANG_NONE ? NULL : ksp_lang_to_string (c->lang));
      if (c->reply_to > 0)
        _ksp_pg_int (&p, c->reply_to);
      else
        _ksp_pg_text (&p, NULL);
      _ksp_pg_text (&p, c->author);
      _ksp_pg_text (&p, c->text);
      _ksp_pg_text (&p, c->created_at);
      _ksp_pg_text (&p, c->resolved_by);
      _ksp_pg_text (&p, c->resolved_at);
      if (!_ksp_pg_command (self, "INSERT INTO comment (id, standard_id, element_id, field, lang, reply_to, author, text,"
                                  " created_at, resolved_by, resolved_at) VALUES ($1::bigint, $2::text, $3::text,"
                                  " $4::text, $5::text, $6::bigint, $7::text, $8::text, $9::text, $10::text, $11::text)",
                            &p, "copying a comment", error))
        return FALSE;
    }
  for (guint i = 0; i < rows->justifications->len; i++)
    {
      const KspStoreJustificationRow *j = g_ptr_array_index (rows->justifications, i);
      KspPgParams p = { 0 };
      _ksp_pg_text (&p, j->standard_id);
      _ksp_pg_text (&p, j->change_key);
      _ksp_pg_text (&p, ksp_lang_to_string (j->lang));
      _ksp_pg_text (&p, j->text);
      _ksp_pg_text (&p, j->author);
      _ksp_pg_text (&p, j->updated_at);
      if (!_ksp_pg_command (self, "INSERT INTO justification (standard_id, change_key, lang, text, author, updated_at)"
                                  " VALUES ($1::text, $2::text, $3::text, $4::text, $5::text, $6::text)", &p,
                            "copying a justification", error))
        return FALSE;
    }
  for (guint i = 0; i < rows->references->len; i++)
    {
      const KspStoreReferenceRow *r = g_ptr_array_index (rows->references, i);
      KspPgParams p = { 0 };
      _ksp_pg_text (&p, r->kind);
      _ksp_pg_text (&p, r->source);
      _ksp_pg_text (&p, r->content);
      _ksp_pg_text (&p, r->imported_at);
      _ksp_pg_text (&p, r->imported_by);
      if (!_ksp_pg_command (self, "INSERT INTO reference (kind, source, content, imported_at, imported_by)"
                                  " VALUES ($1::text, $2::text, $3::text, $4::text, $5::text)", &p,
                            "copying reference data", error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GString    *json;
  const char *nid;
} ValueJson;

static void
append_value (KspNode    *node,
              const char *field,
              KspLang     lang,
              const char *value,
              gpointer    user_data)
{
  ValueJson *v = user_data;

  g_string_append (v->json, v->json->len > 1 ? ",{\"n\":" : "{\"n\":");
  g_string_append (v->json, v->nid);
  g_string_append (v->json, ",\"f\":");
  ksp_json_append_string (v->json, field);
  g_string_append (v->json, ",\"g\":");
  ksp_json_append_string (v->json, ksp_lang_to_string (lang));
  g_string_append (v->json, ",\"t\":");
  ksp_json_append_string (v->json, value);
  g_string_append_c (v->json, '}');
}

static gboolean
copy_put_tree (KspStore             *store,
               const KspEditionInfo *tree,
               gboolean              is_draft,
               gboolean              frozen,
               KspNode              *root,
               GError              **error)
{
  KspPgStore *self = KSP_PG_STORE (store);
  g_autoptr (GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr (GArray) ups = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GString) node_json = g_string_new ("[");
  g_autoptr (GString) value_json = g_string_new ("[");
  g_autoptr (PGresult) nids = NULL;
  KspPgParams p = { 0 }, q = { 0 }, n = { 0 }, v = { 0 }, f = { 0 };

  _ksp_pg_int (&p, tree->tree_id);
  _ksp_pg_text (&p, tree->standard_id);
  _ksp_pg_text (&p, is_draft ? "true" : "false");
  if (!is_draft || tree->number > 0)
    _ksp_pg_int (&p, tree->number);
  else
    _ksp_pg_text (&p, NULL);
  if (tree->year > 0)
    _ksp_pg_int (&p, tree->year);
  else
    _ksp_pg_text (&p, NULL);
  _ksp_pg_text (&p, tree->date);
  _ksp_pg_text (&p, tree->note);
  _ksp_pg_text (&p, tree->act);
  _ksp_pg_text (&p, tree->created_at);
  _ksp_pg_text (&p, tree->created_by);
  if (!_ksp_pg_command (self, "INSERT INTO tree (id, standard_id, is_draft, frozen, edition_number, edition_year,"
                              " edition_date, note, edition_act, created_at, created_by) VALUES ($1::bigint, $2::text,"
                              " $3::boolean, false, $4::integer, $5::integer, $6::text, $7::text, $8::text, $9::text,"
                              " $10::text)", &p, "copying a tree", error))
    return FALSE;

  /* the rows numbered at once, then every element in one statement and every value in another */
  _ksp_pg_flatten (root, -1, nodes, ups);
  _ksp_pg_int (&q, nodes->len);
  if (!(nids = _ksp_pg_query (self, "SELECT nextval(pg_get_serial_sequence('node', 'nid'))"
                                    " FROM generate_series(1, $1::integer)", &q, "copying the elements", error)))
    return FALSE;
  g_return_val_if_fail ((guint) PQntuples (nids) == nodes->len, FALSE);
  for (guint i = 0; i < nodes->len; i++)
    {
      KspNode *node = nodes->pdata[i];
      int up = g_array_index (ups, int, i);
      ValueJson values = { value_json, PQgetvalue (nids, (int) i, 0) };
      guint pos = 0;

      if (up >= 0)
        ksp_node_find_child (nodes->pdata[up], node, &pos);
      g_string_append_printf (node_json, "%s{\"n\":%s,\"p\":%s,\"i\":", i ? "," : "", values.nid,
                              up >= 0 ? PQgetvalue (nids, up, 0) : "null");
      ksp_json_append_string (node_json, ksp_node_get_id (node));
      g_string_append (node_json, ",\"k\":");
      ksp_json_append_string (node_json, ksp_node_get_kind (node));
      g_string_append_printf (node_json, ",\"o\":%u,\"m\":", pos);
      ksp_json_append_string (node_json, ksp_node_get_number (node));
      g_string_append_printf (node_json, ",\"l\":%u}", ksp_node_get_src_line (node));
      ksp_node_foreach_value (node, append_value, &values);
    }
  g_string_append_c (node_json, ']');
  g_string_append_c (value_json, ']');
  _ksp_pg_text (&n, node_json->str);
  _ksp_pg_int (&n, tree->tree_id);
  _ksp_pg_text (&v, value_json->str);
  if (!_ksp_pg_command (self, "INSERT INTO node (nid, tree_id, id, parent, kind, pos, number, src_line)"
                              " SELECT r.n, $2::bigint, r.i, r.p, r.k, r.o, r.m, r.l FROM json_to_recordset($1::json)"
                              " AS r(n bigint, p bigint, i text, k text, o integer, m text, l integer) ORDER BY r.n", &n,
                        "copying the elements", error) ||
      !_ksp_pg_command (self, "INSERT INTO value (node, field, lang, text) SELECT r.n, r.f, r.g, r.t"
                              " FROM json_to_recordset($1::json) AS r(n bigint, f text, g text, t text) ORDER BY r.n",
                        &v, "copying the values", error))
    return FALSE;
  if (!frozen)
    return TRUE;
  _ksp_pg_int (&f, tree->tree_id);
  return _ksp_pg_command (self, "UPDATE tree SET frozen = true WHERE id = $1::bigint", &f, "copying an edition", error);
}

static gboolean
copy_put_log_entry (KspStore          *store,
                    const KspLogEntry *entry,
                    GError           **error)
{
  KspPgStore *self = KSP_PG_STORE (store);
  g_autofree char *head = NULL;
  KspPgParams p = { 0 };
  gint64 count = 0;

  if (!lock_head (self, &head, &count, error))
    return FALSE;
  if (entry->hash == NULL || g_strcmp0 (entry->prev_hash, head) != 0)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_CORRUPT,
                   "%s: entry %" G_GINT64_FORMAT " of the change log does not follow the last one copied",
                   ksp_store_get_location (store), entry->id);
      return FALSE;
    }
  _ksp_pg_int (&p, entry->id);
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
  if (!_ksp_pg_command (self, "INSERT INTO log (id, standard_id, tree_id, at, author, action, command, label, change_set,"
                              " prev_hash, hash) VALUES ($1::bigint, $2::text, $3::bigint, $4::text, $5::text, $6::text,"
                              " $7::text, $8::text, $9::bigint, $10::text, $11::text)", &p, "copying the change log",
                        error))
    return FALSE;
  return _ksp_pg_log_insert_records (self, entry, "copying a change", error) &&
         _ksp_pg_log_move_head (self, entry->hash, count + 1, error);
}

/* The next ID of each table whose IDs were copied: past the largest. */
static gboolean
copy_finish (KspStore *store,
             GError  **error)
{
  return _ksp_pg_command (KSP_PG_STORE (store),
                          "SELECT setval(pg_get_serial_sequence('tree', 'id'), coalesce((SELECT max(id) FROM tree), 0) + 1, false),"
                          " setval(pg_get_serial_sequence('log', 'id'), coalesce((SELECT max(id) FROM log), 0) + 1, false),"
                          " setval(pg_get_serial_sequence('change_set', 'id'),"
                          "        coalesce((SELECT max(id) FROM change_set), 0) + 1, false),"
                          " setval(pg_get_serial_sequence('comment', 'id'), coalesce((SELECT max(id) FROM comment), 0) + 1, false)",
                          NULL, "numbering what comes after the copy", error);
}

void
_ksp_pg_copy_init_class (KspStoreClass *store_class)
{
  store_class->copy_read_rows = copy_read_rows;
  store_class->copy_begin_snapshot = copy_begin_snapshot;
  store_class->copy_end_snapshot = copy_end_snapshot;
  store_class->copy_write_rows = copy_write_rows;
  store_class->copy_put_tree = copy_put_tree;
  store_class->copy_put_log_entry = copy_put_log_entry;
  store_class->copy_finish = copy_finish;
}
