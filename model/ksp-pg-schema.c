/* ksp-pg-schema.c: the PostgreSQL workspace's schema, one migration per format version (meta.format).
 *
 * Migration N takes a workspace from format N-1 to N, in one transaction, under an advisory lock so that two
 * sessions opening a new database at once do not both make it. Never edit a released migration: add one.
 *
 * Format 1 holds what SQLite's format 10 holds (ksp-sqlite-schema.c, docs/model.md), in the same tables and
 * columns, but for the lock (a shared workspace has none) and the catalog (the standards are listed from
 * node and value through the index node_kind). Editions and the change log are protected by the server:
 * triggers (PL/pgSQL functions) refuse any change to a frozen tree, its elements and values, and any update
 * or delete of the log, whoever connects; TRUNCATE, which row triggers do not see, is refused too. The
 * integrity check finds each trigger, enabled, on its table, for its events, calling its function as made.
 */
#include "config.h"

#include <string.h>

#include "ksp-pg-store-private.h"

/* The bodies of the trigger functions, as the migrations make them (and the integrity check compares with
 * pg_proc.prosrc). */
#define TREE_FROZEN_BODY \
  "\nBEGIN\n" \
  "  IF TG_OP = 'DELETE' THEN\n" \
  "    IF OLD.frozen AND EXISTS (SELECT 1 FROM standard WHERE id = OLD.standard_id) THEN\n" \
  "      RAISE EXCEPTION 'edition is immutable' USING ERRCODE = 'KS001';\n" \
  "    END IF;\n" \
  "    RETURN OLD;\n" \
  "  END IF;\n" \
  "  IF OLD.frozen THEN\n" \
  "    RAISE EXCEPTION 'edition is immutable' USING ERRCODE = 'KS001';\n" \
  "  END IF;\n" \
  "  RETURN NEW;\n" \
  "END\n"

#define NODE_FROZEN_BODY \
  "\nBEGIN\n" \
  "  IF TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM tree WHERE id = OLD.tree_id AND frozen) THEN\n" \
  "    RAISE EXCEPTION 'edition is immutable' USING ERRCODE = 'KS001';\n" \
  "  END IF;\n" \
  "  IF TG_OP <> 'DELETE' AND EXISTS (SELECT 1 FROM tree WHERE id = NEW.tree_id AND frozen) THEN\n" \
  "    RAISE EXCEPTION 'edition is immutable' USING ERRCODE = 'KS001';\n" \
  "  END IF;\n" \
  "  IF TG_OP = 'DELETE' THEN\n" \
  "    RETURN OLD;\n" \
  "  END IF;\n" \
  "  RETURN NEW;\n" \
  "END\n"

#define VALUE_FROZEN_BODY \
  "\nBEGIN\n" \
  "  IF TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM node n JOIN tree t ON t.id = n.tree_id\n" \
  "                                   WHERE n.nid = OLD.node AND t.frozen) THEN\n" \
  "    RAISE EXCEPTION 'edition is immutable' USING ERRCODE = 'KS001';\n" \
  "  END IF;\n" \
  "  IF TG_OP <> 'DELETE' AND EXISTS (SELECT 1 FROM node n JOIN tree t ON t.id = n.tree_id\n" \
  "                                   WHERE n.nid = NEW.node AND t.frozen) THEN\n" \
  "    RAISE EXCEPTION 'edition is immutable' USING ERRCODE = 'KS001';\n" \
  "  END IF;\n" \
  "  IF TG_OP = 'DELETE' THEN\n" \
  "    RETURN OLD;\n" \
  "  END IF;\n" \
  "  RETURN NEW;\n" \
  "END\n"

#define NO_TRUNCATE_BODY \
  "\nBEGIN\n" \
  "  RAISE EXCEPTION 'edition is immutable' USING ERRCODE = 'KS001';\n" \
  "END\n"

#define LOG_IMMUTABLE_BODY \
  "\nBEGIN\n" \
  "  RAISE EXCEPTION 'the change log cannot be changed' USING ERRCODE = 'KS002';\n" \
  "END\n"

/* The triggers of format 1: name, table, pg_trigger.tgtype (1 row, 2 before, 4 insert, 8 delete, 16 update,
 * 32 truncate), function, its body. */
typedef struct
{
  const char *name;
  const char *table;
  int         type;
  const char *function;
  const char *body;
} ExpectedTrigger;

static const ExpectedTrigger triggers[] = {
  { "tree_frozen", "tree", 1 | 2 | 8 | 16, "ksp_tree_frozen", TREE_FROZEN_BODY },
  { "node_frozen", "node", 1 | 2 | 4 | 8 | 16, "ksp_node_frozen", NODE_FROZEN_BODY },
  { "value_frozen", "value", 1 | 2 | 4 | 8 | 16, "ksp_value_frozen", VALUE_FROZEN_BODY },
  { "tree_no_truncate", "tree", 2 | 32, "ksp_no_truncate", NO_TRUNCATE_BODY },
  { "node_no_truncate", "node", 2 | 32, "ksp_no_truncate", NO_TRUNCATE_BODY },
  { "value_no_truncate", "value", 2 | 32, "ksp_no_truncate", NO_TRUNCATE_BODY },
  { "log_no_change", "log", 1 | 2 | 8 | 16, "ksp_log_immutable", LOG_IMMUTABLE_BODY },
  { "log_record_no_change", "log_record", 1 | 2 | 8 | 16, "ksp_log_immutable", LOG_IMMUTABLE_BODY },
  { "log_no_truncate", "log", 2 | 32, "ksp_log_immutable", LOG_IMMUTABLE_BODY },
  { "log_record_no_truncate", "log_record", 2 | 32, "ksp_log_immutable", LOG_IMMUTABLE_BODY },
};

#define FUNCTION(name, body) \
  "CREATE FUNCTION " name "() RETURNS trigger LANGUAGE plpgsql AS $ksp$" body "$ksp$;\n"

static const char migration_1[] =
  "CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);\n"
  "CREATE TABLE standard (\n"
  "  id text PRIMARY KEY,\n"
  "  seq bigserial NOT NULL UNIQUE,\n"
  "  created_at text NOT NULL,\n"
  "  created_by text NOT NULL);\n"
  "CREATE TABLE tree (\n"
  "  id bigserial PRIMARY KEY,\n"
  "  standard_id text NOT NULL REFERENCES standard(id) ON DELETE CASCADE,\n"
  "  is_draft boolean NOT NULL,\n"
  "  frozen boolean NOT NULL DEFAULT false,\n"
  "  edition_number integer,\n"
  "  edition_year integer,\n"
  "  edition_date text,\n"
  "  note text,\n"
  "  edition_act text,\n"
  "  created_at text NOT NULL,\n"
  "  created_by text NOT NULL);\n"
  "CREATE UNIQUE INDEX tree_one_draft ON tree(standard_id) WHERE is_draft;\n"
  "CREATE UNIQUE INDEX tree_edition_number ON tree(standard_id, edition_number) WHERE NOT is_draft;\n"
  "CREATE TABLE node (\n"
  "  nid bigserial PRIMARY KEY,\n"
  "  tree_id bigint NOT NULL REFERENCES tree(id) ON DELETE CASCADE,\n"
  "  id text NOT NULL,\n"
  "  parent bigint REFERENCES node(nid) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,\n"
  "  kind text NOT NULL,\n"
  "  pos integer NOT NULL,\n"
  "  number text,\n"
  "  src_line integer NOT NULL DEFAULT 0,\n"
  "  UNIQUE (tree_id, id));\n"
  "CREATE INDEX node_parent ON node(parent, pos);\n"
  "CREATE INDEX node_kind ON node(tree_id, kind);\n"
  "CREATE TABLE value (\n"
  "  node bigint NOT NULL REFERENCES node(nid) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,\n"
  "  field text NOT NULL,\n"
  "  lang text NOT NULL CHECK (lang IN ('', 'kk', 'ru')),\n"
  "  text text NOT NULL,\n"
  "  PRIMARY KEY (node, field, lang));\n"
  "CREATE TABLE reference (\n"
  "  kind text PRIMARY KEY,\n"
  "  source text NOT NULL,\n"
  "  content text NOT NULL,\n"
  "  imported_at text NOT NULL,\n"
  "  imported_by text NOT NULL);\n"
  "CREATE TABLE justification (\n"
  "  standard_id text NOT NULL REFERENCES standard(id) ON DELETE CASCADE,\n"
  "  change_key text NOT NULL,\n"
  "  lang text NOT NULL,\n"
  "  text text NOT NULL,\n"
  "  author text NOT NULL,\n"
  "  updated_at text NOT NULL,\n"
  "  PRIMARY KEY (standard_id, change_key, lang));\n"
  "CREATE TABLE log (\n"
  "  id bigserial PRIMARY KEY,\n"
  "  standard_id text NOT NULL,\n"
  "  tree_id bigint NOT NULL,\n"
  "  at text NOT NULL,\n"
  "  author text NOT NULL,\n"
  "  action text NOT NULL,\n"
  "  command text NOT NULL,\n"
  "  label text,\n"
  "  change_set bigint NOT NULL DEFAULT 0,\n"
  "  prev_hash text NOT NULL,\n"
  "  hash text NOT NULL);\n"
  "CREATE INDEX log_standard ON log(standard_id, id);\n"
  "CREATE TABLE log_record (\n"
  "  log_id bigint NOT NULL,\n"
  "  seq integer NOT NULL,\n"
  "  op text NOT NULL,\n"
  "  element_id text,\n"
  "  kind text,\n"
  "  field text,\n"
  "  lang text,\n"
  "  old_value text,\n"
  "  new_value text,\n"
  "  subtree text,\n"
  "  content_hash text,\n"
  "  PRIMARY KEY (log_id, seq));\n"
  "CREATE INDEX log_record_element ON log_record(element_id);\n"
  "CREATE TABLE person (\n"
  "  account text PRIMARY KEY,\n"
  "  display_name text NOT NULL,\n"
  "  roles text NOT NULL DEFAULT '',\n"
  "  created_at text NOT NULL);\n"
  "CREATE TABLE change_set (\n"
  "  id bigserial PRIMARY KEY,\n"
  "  standard_id text NOT NULL,\n"
  "  author text NOT NULL,\n"
  "  title text,\n"
  "  status text NOT NULL DEFAULT 'open',\n"
  "  reason text,\n"
  "  reviewer text,\n"
  "  created_at text NOT NULL,\n"
  "  updated_at text NOT NULL);\n"
  "CREATE INDEX change_set_standard ON change_set(standard_id, status);\n"
  "CREATE TABLE change_set_member (\n"
  "  log_id bigint PRIMARY KEY,\n"
  "  change_set bigint NOT NULL);\n"
  "CREATE INDEX change_set_member_set ON change_set_member(change_set);\n"
  "CREATE TABLE comment (\n"
  "  id bigserial PRIMARY KEY,\n"
  "  standard_id text NOT NULL,\n"
  "  element_id text NOT NULL,\n"
  "  field text,\n"
  "  lang text,\n"
  "  reply_to bigint,\n"
  "  author text NOT NULL,\n"
  "  text text NOT NULL,\n"
  "  created_at text NOT NULL,\n"
  "  resolved_by text,\n"
  "  resolved_at text);\n"
  "CREATE INDEX comment_element ON comment(standard_id, element_id);\n"
  FUNCTION ("ksp_tree_frozen", TREE_FROZEN_BODY)
  FUNCTION ("ksp_node_frozen", NODE_FROZEN_BODY)
  FUNCTION ("ksp_value_frozen", VALUE_FROZEN_BODY)
  FUNCTION ("ksp_no_truncate", NO_TRUNCATE_BODY)
  FUNCTION ("ksp_log_immutable", LOG_IMMUTABLE_BODY)
  "CREATE TRIGGER tree_frozen BEFORE UPDATE OR DELETE ON tree FOR EACH ROW EXECUTE FUNCTION ksp_tree_frozen();\n"
  "CREATE TRIGGER node_frozen BEFORE INSERT OR UPDATE OR DELETE ON node FOR EACH ROW EXECUTE FUNCTION ksp_node_frozen();\n"
  "CREATE TRIGGER value_frozen BEFORE INSERT OR UPDATE OR DELETE ON value FOR EACH ROW EXECUTE FUNCTION ksp_value_frozen();\n"
  "CREATE TRIGGER tree_no_truncate BEFORE TRUNCATE ON tree FOR EACH STATEMENT EXECUTE FUNCTION ksp_no_truncate();\n"
  "CREATE TRIGGER node_no_truncate BEFORE TRUNCATE ON node FOR EACH STATEMENT EXECUTE FUNCTION ksp_no_truncate();\n"
  "CREATE TRIGGER value_no_truncate BEFORE TRUNCATE ON value FOR EACH STATEMENT EXECUTE FUNCTION ksp_no_truncate();\n"
  "CREATE TRIGGER log_no_change BEFORE UPDATE OR DELETE ON log FOR EACH ROW EXECUTE FUNCTION ksp_log_immutable();\n"
  "CREATE TRIGGER log_record_no_change BEFORE UPDATE OR DELETE ON log_record FOR EACH ROW EXECUTE FUNCTION ksp_log_immutable();\n"
  "CREATE TRIGGER log_no_truncate BEFORE TRUNCATE ON log FOR EACH STATEMENT EXECUTE FUNCTION ksp_log_immutable();\n"
  "CREATE TRIGGER log_record_no_truncate BEFORE TRUNCATE ON log_record FOR EACH STATEMENT EXECUTE FUNCTION ksp_log_immutable();\n"
  "INSERT INTO meta (key, value) VALUES ('application', 'kasip'), ('log_head', '" KSP_LOG_GENESIS "'), ('log_count', '0');\n";

static const char *const migrations[] = { NULL, migration_1 };

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KSP_PG_SCHEMA_VERSION + 1);

const char *
_ksp_pg_migration (int version)
{
  g_return_val_if_fail (version >= 1 && version <= KSP_PG_SCHEMA_VERSION, NULL);
  return migrations[version];
}

/* Returns: (transfer full) (element-type utf8): the protections of editions and the log that are missing
 * or not as made (a trigger gone, disabled, for other events, or its function rewritten); empty when all
 * hold. */
GPtrArray *
_ksp_pg_integrity_problems (KspStore *store)
{
  KspPgStore *self = KSP_PG_STORE (store);
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (triggers); i++)
    {
      const ExpectedTrigger *t = &triggers[i];
      KspPgParams p = { 0 };
      g_autoptr (PGresult) r = NULL;
      g_autoptr (GError) error = NULL;

      _ksp_pg_text (&p, t->table);
      _ksp_pg_text (&p, t->name);
      r = _ksp_pg_query (self, "SELECT t.tgenabled, t.tgtype, p.proname, p.prosrc FROM pg_trigger t"
                               " JOIN pg_proc p ON p.oid = t.tgfoid"
                               " WHERE t.tgrelid = to_regclass($1::text) AND t.tgname = $2::text", &p,
                         "reading the schema", &error);
      if (r == NULL)
        {
          g_ptr_array_add (problems, g_strdup_printf ("the schema cannot be read (%s)", error->message));
          break;
        }
      if (PQntuples (r) == 0)
        g_ptr_array_add (problems, g_strdup_printf ("trigger %s is missing", t->name));
      else if (strcmp (PQgetvalue (r, 0, 0), "O") != 0 && strcmp (PQgetvalue (r, 0, 0), "A") != 0)
        g_ptr_array_add (problems, g_strdup_printf ("trigger %s is disabled", t->name));
      else if (_ksp_pg_int64 (r, 0, 1) != t->type || strcmp (PQgetvalue (r, 0, 2), t->function) != 0 ||
               strcmp (PQgetvalue (r, 0, 3), t->body) != 0)
        g_ptr_array_add (problems, g_strdup_printf ("trigger %s is not as Kasip made it", t->name));
    }
  return problems;
}
