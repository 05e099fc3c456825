/* ksp-pg-review.c: the PostgreSQL backend's people, change sets and comments (tables person, change_set,
 * change_set_member, comment). Rows only: who may do what is model/review/ksp-review.c's. */
#include "config.h"

#include "ksp-pg-store-private.h"

static GPtrArray *
list_change_sets (KspStore   *store,
                  const char *standard_id,
                  GError    **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_change_set_free);
  g_autoptr (PGresult) r = NULL;
  KspPgParams p = { 0 };

  /* a change set's entries: those made in it and not moved since, and those moved to it (change_set_member) */
  _ksp_pg_text (&p, standard_id);
  if (!(r = _ksp_pg_query (KSP_PG_STORE (store),
    "SELECT c.id, c.standard_id, c.author, c.title, c.status, c.reason, c.reviewer, c.created_at, c.updated_at,"
    " coalesce(n.n, 0) FROM change_set c LEFT JOIN"
    " (SELECT coalesce(m.change_set, l.change_set) AS cs, count(*) AS n FROM log l"
    "  LEFT JOIN change_set_member m ON m.log_id = l.id"
    "  WHERE l.action <> 'review' AND ($1::text IS NULL OR l.standard_id = $1::text) GROUP BY cs) n ON n.cs = c.id"
    " WHERE $1::text IS NULL OR c.standard_id = $1::text ORDER BY c.id", &p, "reading the change sets", error)))
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    {
      KspChangeSet *c = g_new0 (KspChangeSet, 1);
      c->id = _ksp_pg_int64 (r, i, 0);
      c->standard_id = _ksp_pg_dup (r, i, 1);
      c->author = _ksp_pg_dup (r, i, 2);
      c->title = _ksp_pg_dup (r, i, 3);
      c->status = _ksp_pg_dup (r, i, 4);
      c->reason = _ksp_pg_dup (r, i, 5);
      c->reviewer = _ksp_pg_dup (r, i, 6);
      c->created_at = _ksp_pg_dup (r, i, 7);
      c->updated_at = _ksp_pg_dup (r, i, 8);
      c->n_entries = (guint) _ksp_pg_int64 (r, i, 9);
      g_ptr_array_add (list, c);
    }
  return g_steal_pointer (&list);
}

static gint64
add_change_set (KspStore   *store,
                const char *standard_id,
                const char *author,
                const char *title,
                GError    **error)
{
  g_autofree char *now = _ksp_pg_now ();
  g_autoptr (PGresult) r = NULL;
  KspPgParams p = { 0 };

  _ksp_pg_text (&p, standard_id);
  _ksp_pg_text (&p, author);
  _ksp_pg_text (&p, title);
  _ksp_pg_text (&p, now);
  if (!(r = _ksp_pg_query (KSP_PG_STORE (store), "INSERT INTO change_set (standard_id, author, title, status, created_at,"
                                                 " updated_at) VALUES ($1::text, $2::text, $3::text, 'open', $4::text,"
                                                 " $4::text) RETURNING id", &p, "opening a change set", error)))
    return 0;
  return _ksp_pg_int64 (r, 0, 0);
}

static gint64
current_change_set (KspStore   *store,
                    const char *standard_id,
                    const char *author,
                    GError    **error)
{
  g_autoptr (PGresult) r = NULL;
  KspPgParams p = { 0 };

  /* the first open one: after a split, edits go on into the change set they went into */
  _ksp_pg_text (&p, standard_id);
  _ksp_pg_text (&p, author);
  if (!(r = _ksp_pg_query (KSP_PG_STORE (store), "SELECT id FROM change_set WHERE standard_id = $1::text"
                                                 " AND author = $2::text AND status = 'open' ORDER BY id LIMIT 1", &p,
                           "reading the change sets", error)))
    return 0;
  if (PQntuples (r) > 0)
    return _ksp_pg_int64 (r, 0, 0);
  return add_change_set (store, standard_id, author, NULL, error);
}

static gboolean
write_change_set (KspStore           *store,
                  const KspChangeSet *c,
                  GError            **error)
{
  g_autofree char *now = _ksp_pg_now ();
  KspPgParams p = { 0 };
  gint64 n;

  _ksp_pg_text (&p, c->title);
  _ksp_pg_text (&p, c->status);
  _ksp_pg_text (&p, c->reason);
  _ksp_pg_text (&p, c->reviewer);
  _ksp_pg_text (&p, now);
  _ksp_pg_int (&p, c->id);
  n = _ksp_pg_command_count (KSP_PG_STORE (store), "UPDATE change_set SET title = $1::text, status = $2::text,"
                                                   " reason = $3::text, reviewer = $4::text, updated_at = $5::text"
                                                   " WHERE id = $6::bigint", &p, "changing a change set", error);
  if (n == 0)
    g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND, "%s: no change set %" G_GINT64_FORMAT,
                 ksp_store_get_location (store), c->id);
  return n > 0;
}

static gboolean
move_log_entries (KspStore     *store,
                  const gint64 *entry_ids,
                  guint         n_entries,
                  gint64        change_set,
                  GError      **error)
{
  for (guint i = 0; i < n_entries; i++)
    {
      KspPgParams p = { 0 };
      _ksp_pg_int (&p, entry_ids[i]);
      _ksp_pg_int (&p, change_set);
      if (!_ksp_pg_command (KSP_PG_STORE (store), "INSERT INTO change_set_member (log_id, change_set)"
                                                  " VALUES ($1::bigint, $2::bigint) ON CONFLICT (log_id)"
                                                  " DO UPDATE SET change_set = excluded.change_set", &p,
                            "moving entries to another change set", error))
        return FALSE;
    }
  return TRUE;
}

static GHashTable *
dup_membership (KspStore   *store,
                const char *standard_id,
                GError    **error)
{
  g_autoptr (GHashTable) moved = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (PGresult) r = NULL;
  KspPgParams p = { 0 };

  _ksp_pg_text (&p, standard_id);
  if (!(r = _ksp_pg_query (KSP_PG_STORE (store), "SELECT m.log_id, m.change_set FROM change_set_member m"
                                                 " LEFT JOIN log l ON l.id = m.log_id"
                                                 " WHERE $1::text IS NULL OR l.standard_id = $1::text", &p,
                           "reading which change sets entries were moved to", error)))
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    {
      gint64 entry = _ksp_pg_int64 (r, i, 0), set = _ksp_pg_int64 (r, i, 1);
      g_hash_table_insert (moved, g_memdup2 (&entry, sizeof entry), g_memdup2 (&set, sizeof set));
    }
  return g_steal_pointer (&moved);
}

static GPtrArray *
list_people (KspStore *store,
             GError  **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_person_free);
  g_autoptr (PGresult) r = _ksp_pg_query (KSP_PG_STORE (store), "SELECT account, display_name, roles, created_at"
                                                                " FROM person ORDER BY account COLLATE \"C\"", NULL,
                                          "reading the people of the workspace", error);

  if (r == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    {
      KspPerson *person = g_new0 (KspPerson, 1);
      person->account = _ksp_pg_dup (r, i, 0);
      person->display_name = _ksp_pg_dup (r, i, 1);
      person->roles = _ksp_pg_dup (r, i, 2);
      person->created_at = _ksp_pg_dup (r, i, 3);
      g_ptr_array_add (list, person);
    }
  return g_steal_pointer (&list);
}

static gboolean
write_person (KspStore        *store,
              const KspPerson *person,
              GError         **error)
{
  g_autofree char *now = _ksp_pg_now ();
  KspPgParams p = { 0 };

  _ksp_pg_text (&p, person->account);
  _ksp_pg_text (&p, person->display_name ? person->display_name : person->account);
  _ksp_pg_text (&p, person->roles ? person->roles : "");
  _ksp_pg_text (&p, now);
  return _ksp_pg_command (KSP_PG_STORE (store), "INSERT INTO person (account, display_name, roles, created_at)"
                                                " VALUES ($1::text, $2::text, $3::text, $4::text) ON CONFLICT (account)"
                                                " DO UPDATE SET display_name = excluded.display_name,"
                                                " roles = excluded.roles", &p, "recording a person", error);
}

/* A comment from row @i of "SELECT id, standard_id, element_id, field, lang, reply_to, author, text,
 * created_at, resolved_by, resolved_at FROM comment". */
KspComment *
_ksp_pg_comment_from_row (const PGresult *r,
                          int             i)
{
  KspComment *c = g_new0 (KspComment, 1);

  c->id = _ksp_pg_int64 (r, i, 0);
  c->standard_id = _ksp_pg_dup (r, i, 1);
  c->element_id = _ksp_pg_dup (r, i, 2);
  c->field = _ksp_pg_dup (r, i, 3);
  if (PQgetisnull (r, i, 4) || !ksp_lang_from_string (PQgetvalue (r, i, 4), &c->lang))
    c->lang = KSP_LANG_NONE;
  c->reply_to = _ksp_pg_int64 (r, i, 5);
  c->author = _ksp_pg_dup (r, i, 6);
  c->text = _ksp_pg_dup (r, i, 7);
  c->created_at = _ksp_pg_dup (r, i, 8);
  c->resolved_by = _ksp_pg_dup (r, i, 9);
  c->resolved_at = _ksp_pg_dup (r, i, 10);
  return c;
}

static GPtrArray *
list_comments (KspStore   *store,
               const char *standard_id,
               GError    **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_comment_free);
  g_autoptr (PGresult) r = NULL;
  KspPgParams p = { 0 };

  _ksp_pg_text (&p, standard_id);
  if (!(r = _ksp_pg_query (KSP_PG_STORE (store), "SELECT id, standard_id, element_id, field, lang, reply_to, author, text,"
                                                 " created_at, resolved_by, resolved_at FROM comment"
                                                 " WHERE standard_id = $1::text ORDER BY id", &p, "reading the comments",
                           error)))
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    {
      g_ptr_array_add (list, _ksp_pg_comment_from_row (r, i));
    }
  return g_steal_pointer (&list);
}

static gint64
add_comment (KspStore         *store,
             const KspComment *c,
             GError          **error)
{
  g_autofree char *now = _ksp_pg_now ();
  g_autoptr (PGresult) r = NULL;
  KspPgParams p = { 0 };

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
  _ksp_pg_text (&p, now);
  if (!(r = _ksp_pg_query (KSP_PG_STORE (store), "INSERT INTO comment (standard_id, element_id, field, lang, reply_to,"
                                                 " author, text, created_at) VALUES ($1::text, $2::text, $3::text,"
                                                 " $4::text, $5::bigint, $6::text, $7::text, $8::text) RETURNING id", &p,
                           "adding a comment", error)))
    return 0;
  return _ksp_pg_int64 (r, 0, 0);
}

static gboolean
resolve_comment (KspStore   *store,
                 gint64      id,
                 const char *by,
                 GError    **error)
{
  g_autofree char *now = by ? _ksp_pg_now () : NULL;
  KspPgParams p = { 0 };
  gint64 n;

  _ksp_pg_text (&p, by);
  _ksp_pg_text (&p, now);
  _ksp_pg_int (&p, id);
  n = _ksp_pg_command_count (KSP_PG_STORE (store), "UPDATE comment SET resolved_by = $1::text, resolved_at = $2::text"
                                                   " WHERE id = $3::bigint", &p, "resolving a comment", error);
  if (n == 0)
    g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND, "%s: no comment %" G_GINT64_FORMAT,
                 ksp_store_get_location (store), id);
  return n > 0;
}

void
_ksp_pg_review_init_class (KspStoreClass *store_class)
{
  store_class->list_change_sets = list_change_sets;
  store_class->current_change_set = current_change_set;
  store_class->write_change_set = write_change_set;
  store_class->add_change_set = add_change_set;
  store_class->move_log_entries = move_log_entries;
  store_class->dup_membership = dup_membership;
  store_class->list_people = list_people;
  store_class->write_person = write_person;
  store_class->list_comments = list_comments;
  store_class->add_comment = add_comment;
  store_class->resolve_comment = resolve_comment;
}
