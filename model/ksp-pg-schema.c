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
 * Format 2 has the server enforce the roles of review (see migration_2; docs/shared-workspace.md).
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

/* Format 2: roles enforced by the server (docs/shared-workspace.md). Who a session is is its database role
 * (current_user); what it may do is what the person row of that account holds (person.roles, read as
 * ksp_roles_parse reads it), checked by triggers on every table a client writes, whoever connects (psql
 * too): BEFORE each row, but for node and value, checked AFTER each statement (an import writes thousands). Triggers rather than row-level security: a refused UPDATE or DELETE is an error naming what
 * was refused (SQLSTATE KS003), where a policy would skip the rows in silence. Two exceptions, as in the
 * client: a workspace where nobody holds a role is a workspace of one (everything is allowed to those with
 * the privileges), and the owner of the schema (the role that made it and runs the migrations; a superuser)
 * holds every role — it could drop the triggers anyway, and the integrity check would say so. What nobody
 * may do, the owner included, stays format 1's (editions, the change log). Every function's search_path is
 * fixed to the workspace's schema and pg_temp last (set_config below, then SET search_path FROM CURRENT),
 * so that a session's temporary table named person or tree cannot stand in for the workspace's; format 1's
 * functions are given the same. */
#define ROLES_PARSE_BODY \
  "\nDECLARE\n" \
  "  part text;\n" \
  "  result text[] := '{}';\n" \
  "BEGIN\n" \
  "  FOREACH part IN ARRAY string_to_array(coalesce(roles, ''), ',') LOOP\n" \
  "    part := btrim(part, E' \\t\\n\\r\\f');\n" \
  "    CONTINUE WHEN part = '';\n" \
  "    IF part = 'administrator' THEN\n" \
  "      part := 'admin';\n" \
  "    END IF;\n" \
  "    IF part NOT IN ('drafter', 'reviewer', 'publisher', 'admin') THEN\n" \
  "      RETURN '{}';\n" \
  "    END IF;\n" \
  "    IF NOT part = ANY (result) THEN\n" \
  "      result := result || part;\n" \
  "    END IF;\n" \
  "  END LOOP;\n" \
  "  RETURN result;\n" \
  "END\n"

#define IS_OWNER_BODY \
  "\n  SELECT coalesce((SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c\n" \
  "                    WHERE c.oid = 'meta'::regclass), false)\n"

#define REVIEW_SET_UP_BODY \
  "\n  SELECT EXISTS (SELECT 1 FROM person WHERE cardinality(ksp_roles_parse(roles)) > 0)\n"

#define HAS_ROLE_BODY \
  "\nDECLARE\n" \
  "  mine text;\n" \
  "BEGIN\n" \
  "  IF ksp_is_owner() THEN\n" \
  "    RETURN true;\n" \
  "  END IF;\n" \
  "  SELECT p.roles INTO mine FROM person p WHERE p.account = current_user;\n" \
  "  IF (CASE wanted WHEN 'administrator' THEN 'admin' ELSE wanted END) = ANY (ksp_roles_parse(mine)) THEN\n" \
  "    RETURN true;\n" \
  "  END IF;\n" \
  "  RETURN NOT ksp_review_set_up();\n" \
  "END\n"

#define REQUIRE_ROLE_BODY \
  "\nBEGIN\n" \
  "  IF NOT ksp_has_role(wanted) THEN\n" \
  "    RAISE EXCEPTION '% may not %: that needs the % role', current_user, what, wanted\n" \
  "      USING ERRCODE = 'KS003';\n" \
  "  END IF;\n" \
  "END\n"

/* node and value: the draft is the drafters', an edition being made (not frozen yet) the publishers'.
 * Checked once per statement (AFTER, with its rows as transition tables), not per row: an import writes
 * thousands. Rows whose element or tree is gone went with it (a cascade of a delete checked itself). */
#define CONTENT_CHECK_BODY \
  "\nBEGIN\n" \
  "  IF true = ANY (kinds) THEN\n" \
  "    PERFORM ksp_require_role('drafter', 'change the draft');\n" \
  "  END IF;\n" \
  "  IF false = ANY (kinds) THEN\n" \
  "    PERFORM ksp_require_role('publisher', 'make an edition');\n" \
  "  END IF;\n" \
  "END\n"

#define NODE_ROLE_BODY \
  "\nDECLARE\n" \
  "  kinds boolean[] := '{}';\n" \
  "BEGIN\n" \
  "  IF ksp_is_owner() THEN\n" \
  "    RETURN NULL;\n" \
  "  END IF;\n" \
  "  IF TG_OP <> 'INSERT' THEN\n" \
  "    kinds := kinds || ARRAY(SELECT DISTINCT t.is_draft FROM old_rows n JOIN tree t ON t.id = n.tree_id);\n" \
  "  END IF;\n" \
  "  IF TG_OP <> 'DELETE' THEN\n" \
  "    kinds := kinds || ARRAY(SELECT DISTINCT t.is_draft FROM new_rows n JOIN tree t ON t.id = n.tree_id);\n" \
  "  END IF;\n" \
  "  PERFORM ksp_content_check(kinds);\n" \
  "  RETURN NULL;\n" \
  "END\n"

#define VALUE_ROLE_BODY \
  "\nDECLARE\n" \
  "  kinds boolean[] := '{}';\n" \
  "BEGIN\n" \
  "  IF ksp_is_owner() THEN\n" \
  "    RETURN NULL;\n" \
  "  END IF;\n" \
  "  IF TG_OP <> 'INSERT' THEN\n" \
  "    kinds := kinds || ARRAY(SELECT DISTINCT t.is_draft FROM old_rows v JOIN node n ON n.nid = v.node\n" \
  "                            JOIN tree t ON t.id = n.tree_id);\n" \
  "  END IF;\n" \
  "  IF TG_OP <> 'DELETE' THEN\n" \
  "    kinds := kinds || ARRAY(SELECT DISTINCT t.is_draft FROM new_rows v JOIN node n ON n.nid = v.node\n" \
  "                            JOIN tree t ON t.id = n.tree_id);\n" \
  "  END IF;\n" \
  "  PERFORM ksp_content_check(kinds);\n" \
  "  RETURN NULL;\n" \
  "END\n"

#define TREE_ROLE_BODY \
  "\nBEGIN\n" \
  "  IF TG_OP = 'DELETE' THEN\n" \
  "    IF NOT ksp_is_owner() AND EXISTS (SELECT 1 FROM standard WHERE id = OLD.standard_id) THEN\n" \
  "      RAISE EXCEPTION '% may not remove a draft or an edition: only the workspace''s owner does', current_user\n" \
  "        USING ERRCODE = 'KS003';\n" \
  "    END IF;\n" \
  "    RETURN OLD;\n" \
  "  END IF;\n" \
  "  IF (TG_OP = 'INSERT' AND NEW.is_draft) OR (TG_OP = 'UPDATE' AND OLD.is_draft AND NEW.is_draft) THEN\n" \
  "    PERFORM ksp_require_role('drafter', 'change the draft');\n" \
  "  ELSE\n" \
  "    PERFORM ksp_require_role('publisher', 'make an edition');\n" \
  "  END IF;\n" \
  "  RETURN NEW;\n" \
  "END\n"

#define STANDARD_ROLE_BODY \
  "\nBEGIN\n" \
  "  IF TG_OP = 'INSERT' THEN\n" \
  "    PERFORM ksp_require_role('drafter', 'add a standard');\n" \
  "    RETURN NEW;\n" \
  "  END IF;\n" \
  "  IF NOT ksp_is_owner() THEN\n" \
  "    RAISE EXCEPTION '% may not change or remove standard %: only the workspace''s owner does', current_user,\n" \
  "      OLD.id USING ERRCODE = 'KS003';\n" \
  "  END IF;\n" \
  "  IF TG_OP = 'DELETE' THEN\n" \
  "    RETURN OLD;\n" \
  "  END IF;\n" \
  "  RETURN NEW;\n" \
  "END\n"

/* what the workspace is (its application, its format) is the owner's; the log's head is everyone's */
#define META_ROLE_BODY \
  "\nBEGIN\n" \
  "  IF NOT ksp_is_owner() AND (TG_OP <> 'UPDATE' OR NEW.key <> OLD.key\n" \
  "                             OR OLD.key IN ('application', 'format', 'created_at', 'created_by_version')) THEN\n" \
  "    RAISE EXCEPTION '% may not change what the workspace is: only its owner does (%)', current_user,\n" \
  "      coalesce(OLD.key, NEW.key) USING ERRCODE = 'KS003';\n" \
  "  END IF;\n" \
  "  IF TG_OP = 'DELETE' THEN\n" \
  "    RETURN OLD;\n" \
  "  END IF;\n" \
  "  RETURN NEW;\n" \
  "END\n"

/* an entry of the change log is in the name of the role that records it (format 1 refuses updates) */
#define LOG_AUTHOR_BODY \
  "\nDECLARE\n" \
  "  author text;\n" \
  "BEGIN\n" \
  "  IF ksp_is_owner() THEN\n" \
  "    RETURN NEW;\n" \
  "  END IF;\n" \
  "  IF TG_TABLE_NAME = 'log' THEN\n" \
  "    author := NEW.author;\n" \
  "  ELSE\n" \
  "    SELECT l.author INTO author FROM log l WHERE l.id = NEW.log_id;\n" \
  "  END IF;\n" \
  "  IF author IS DISTINCT FROM current_user THEN\n" \
  "    RAISE EXCEPTION '% may not record a change in the name of %: the author is the database role',\n" \
  "      current_user, coalesce(author, 'nobody') USING ERRCODE = 'KS003';\n" \
  "  END IF;\n" \
  "  RETURN NEW;\n" \
  "END\n"

/* people and roles are the administrators'; anyone records their own name, keeping their roles; in a
 * workspace of one the first person given roles is an administrator (ksp_review_set_person makes them so) */
#define PERSON_ROLE_BODY \
  "\nDECLARE\n" \
  "  held text;\n" \
  "BEGIN\n" \
  "  IF ksp_is_owner() THEN\n" \
  "    IF TG_OP = 'DELETE' THEN\n" \
  "      RETURN OLD;\n" \
  "    END IF;\n" \
  "    RETURN NEW;\n" \
  "  END IF;\n" \
  "  IF TG_OP <> 'DELETE' AND NOT ksp_review_set_up() AND cardinality(ksp_roles_parse(NEW.roles)) > 0\n" \
  "     AND NOT 'admin' = ANY (ksp_roles_parse(NEW.roles)) THEN\n" \
  "    RAISE EXCEPTION '% may not give % roles: the first person given roles is an administrator', current_user,\n" \
  "      NEW.account USING ERRCODE = 'KS003';\n" \
  "  END IF;\n" \
  "  IF ksp_has_role('admin') THEN\n" \
  "    IF TG_OP = 'DELETE' THEN\n" \
  "      RETURN OLD;\n" \
  "    END IF;\n" \
  "    RETURN NEW;\n" \
  "  END IF;\n" \
  "  IF TG_OP = 'INSERT' THEN\n" \
  "    SELECT p.roles INTO held FROM person p WHERE p.account = NEW.account;\n" \
  "    IF NEW.account = current_user AND (NEW.roles = coalesce(held, '') OR (cardinality(ksp_roles_parse(NEW.roles)) = 0\n" \
  "                                        AND cardinality(ksp_roles_parse(held)) = 0)) THEN\n" \
  "      RETURN NEW;\n" \
  "    END IF;\n" \
  "  ELSIF TG_OP = 'UPDATE' THEN\n" \
  "    IF OLD.account = current_user AND NEW.account = OLD.account AND NEW.roles = OLD.roles THEN\n" \
  "      RETURN NEW;\n" \
  "    END IF;\n" \
  "  END IF;\n" \
  "  PERFORM ksp_require_role('admin', 'record people and their roles');\n" \
  "  RETURN NULL;\n" \
  "END\n"

/* a change set is its author's: a drafter opens one of their own; a reviewer who is not its author
 * approves or rejects it (and is recorded as its reviewer); a publisher publishes it; a drafter reverts a
 * rejected one; the rest (title, submit, merge) is its author's */
#define CHANGE_SET_ROLE_BODY \
  "\nBEGIN\n" \
  "  IF ksp_is_owner() THEN\n" \
  "    IF TG_OP = 'DELETE' THEN\n" \
  "      RETURN OLD;\n" \
  "    END IF;\n" \
  "    RETURN NEW;\n" \
  "  END IF;\n" \
  "  IF TG_OP = 'DELETE' THEN\n" \
  "    PERFORM ksp_require_role('admin', 'remove a change set');\n" \
  "    RETURN OLD;\n" \
  "  END IF;\n" \
  "  IF TG_OP = 'INSERT' THEN\n" \
  "    PERFORM ksp_require_role('drafter', 'open a change set');\n" \
  "    IF NEW.author IS DISTINCT FROM current_user THEN\n" \
  "      RAISE EXCEPTION '% may not open a change set in the name of %', current_user, NEW.author\n" \
  "        USING ERRCODE = 'KS003';\n" \
  "    END IF;\n" \
  "    RETURN NEW;\n" \
  "  END IF;\n" \
  "  IF NEW.id <> OLD.id OR NEW.author IS DISTINCT FROM OLD.author OR NEW.standard_id IS DISTINCT FROM OLD.standard_id THEN\n" \
  "    RAISE EXCEPTION '% may not change whose change set % is, or of which standard', current_user, OLD.id\n" \
  "      USING ERRCODE = 'KS003';\n" \
  "  END IF;\n" \
  "  IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status IN ('approved', 'rejected') THEN\n" \
  "    PERFORM ksp_require_role('reviewer', 'approve or reject a change set');\n" \
  "    IF OLD.author = current_user THEN\n" \
  "      RAISE EXCEPTION '% may not approve or reject change set %: nobody reviews a change set they authored',\n" \
  "        current_user, OLD.id USING ERRCODE = 'KS003';\n" \
  "    END IF;\n" \
  "    IF NEW.reviewer IS DISTINCT FROM current_user THEN\n" \
  "      RAISE EXCEPTION '% may not record % as the reviewer of change set %', current_user,\n" \
  "        coalesce(NEW.reviewer, 'nobody'), OLD.id USING ERRCODE = 'KS003';\n" \
  "    END IF;\n" \
  "  ELSIF NEW.status IS DISTINCT FROM OLD.status AND NEW.status = 'published' THEN\n" \
  "    PERFORM ksp_require_role('publisher', 'publish a change set');\n" \
  "  ELSIF NEW.status IS DISTINCT FROM OLD.status AND NEW.status = 'reverted' THEN\n" \
  "    PERFORM ksp_require_role('drafter', 'revert a change set');\n" \
  "  ELSIF OLD.author IS DISTINCT FROM current_user THEN\n" \
  "    RAISE EXCEPTION '% may not change change set %: only its author % does', current_user, OLD.id, OLD.author\n" \
  "      USING ERRCODE = 'KS003';\n" \
  "  ELSIF NEW.reviewer IS DISTINCT FROM OLD.reviewer THEN\n" \
  "    RAISE EXCEPTION '% may not record % as the reviewer of change set %', current_user,\n" \
  "      coalesce(NEW.reviewer, 'nobody'), OLD.id USING ERRCODE = 'KS003';\n" \
  "  END IF;\n" \
  "  RETURN NEW;\n" \
  "END\n"

/* entries moved by a split or a merge go into a change set of the drafter who moves them */
#define CHANGE_SET_MEMBER_ROLE_BODY \
  "\nBEGIN\n" \
  "  IF ksp_is_owner() THEN\n" \
  "    IF TG_OP = 'DELETE' THEN\n" \
  "      RETURN OLD;\n" \
  "    END IF;\n" \
  "    RETURN NEW;\n" \
  "  END IF;\n" \
  "  IF TG_OP = 'DELETE' THEN\n" \
  "    PERFORM ksp_require_role('admin', 'undo a move of changes');\n" \
  "    RETURN OLD;\n" \
  "  END IF;\n" \
  "  PERFORM ksp_require_role('drafter', 'move changes to another change set');\n" \
  "  IF NOT EXISTS (SELECT 1 FROM change_set c WHERE c.id = NEW.change_set AND c.author = current_user) THEN\n" \
  "    RAISE EXCEPTION '% may not move changes into change set %: only into one of their own', current_user,\n" \
  "      NEW.change_set USING ERRCODE = 'KS003';\n" \
  "  END IF;\n" \
  "  RETURN NEW;\n" \
  "END\n"

/* anyone comments in their own name; resolving another's comment is a reviewer's; a comment's text stays */
#define COMMENT_ROLE_BODY \
  "\nBEGIN\n" \
  "  IF ksp_is_owner() THEN\n" \
  "    IF TG_OP = 'DELETE' THEN\n" \
  "      RETURN OLD;\n" \
  "    END IF;\n" \
  "    RETURN NEW;\n" \
  "  END IF;\n" \
  "  IF TG_OP = 'DELETE' THEN\n" \
  "    PERFORM ksp_require_role('admin', 'remove a comment');\n" \
  "    RETURN OLD;\n" \
  "  END IF;\n" \
  "  IF TG_OP = 'INSERT' THEN\n" \
  "    IF NEW.author IS DISTINCT FROM current_user THEN\n" \
  "      RAISE EXCEPTION '% may not comment in the name of %', current_user, NEW.author USING ERRCODE = 'KS003';\n" \
  "    END IF;\n" \
  "    RETURN NEW;\n" \
  "  END IF;\n" \
  "  IF (NEW.id, NEW.standard_id, NEW.element_id, NEW.field, NEW.lang, NEW.reply_to, NEW.author, NEW.text,\n" \
  "      NEW.created_at) IS DISTINCT FROM (OLD.id, OLD.standard_id, OLD.element_id, OLD.field, OLD.lang,\n" \
  "      OLD.reply_to, OLD.author, OLD.text, OLD.created_at) THEN\n" \
  "    RAISE EXCEPTION '% may not change comment %: a comment is resolved or reopened, not rewritten', current_user,\n" \
  "      OLD.id USING ERRCODE = 'KS003';\n" \
  "  END IF;\n" \
  "  IF OLD.author IS DISTINCT FROM current_user THEN\n" \
  "    PERFORM ksp_require_role('reviewer', 'resolve or reopen another''s comment');\n" \
  "  END IF;\n" \
  "  IF NEW.resolved_by IS NOT NULL AND NEW.resolved_by IS DISTINCT FROM OLD.resolved_by\n" \
  "     AND NEW.resolved_by <> current_user THEN\n" \
  "    RAISE EXCEPTION '% may not resolve comment % in the name of %', current_user, OLD.id, NEW.resolved_by\n" \
  "      USING ERRCODE = 'KS003';\n" \
  "  END IF;\n" \
  "  RETURN NEW;\n" \
  "END\n"

/* justifications and reference data go with drafting */
#define DRAFTER_ROLE_BODY \
  "\nBEGIN\n" \
  "  IF TG_TABLE_NAME = 'justification' THEN\n" \
  "    PERFORM ksp_require_role('drafter', 'justify a change');\n" \
  "  ELSE\n" \
  "    PERFORM ksp_require_role('drafter', 'import reference data');\n" \
  "  END IF;\n" \
  "  IF TG_OP = 'DELETE' THEN\n" \
  "    RETURN OLD;\n" \
  "  END IF;\n" \
  "  RETURN NEW;\n" \
  "END\n"

#define FUNCTION_PINNED(name, body) \
  "CREATE FUNCTION " name "() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $ksp$" body "$ksp$;\n"

#define ROW_TRIGGER(name, table, function) \
  "CREATE TRIGGER " name " BEFORE INSERT OR UPDATE OR DELETE ON " table " FOR EACH ROW EXECUTE FUNCTION " \
  function "();\n"

/* after each statement, its rows as transition tables (one trigger per event: PostgreSQL allows transition
 * tables only so) */
#define STATEMENT_TRIGGERS(table) \
  "CREATE TRIGGER " table "_role_insert AFTER INSERT ON " table " REFERENCING NEW TABLE AS new_rows" \
  " FOR EACH STATEMENT EXECUTE FUNCTION ksp_" table "_role();\n" \
  "CREATE TRIGGER " table "_role_update AFTER UPDATE ON " table " REFERENCING OLD TABLE AS old_rows" \
  " NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ksp_" table "_role();\n" \
  "CREATE TRIGGER " table "_role_delete AFTER DELETE ON " table " REFERENCING OLD TABLE AS old_rows" \
  " FOR EACH STATEMENT EXECUTE FUNCTION ksp_" table "_role();\n"

static const char migration_2[] =
  /* the functions' search_path: the workspace's schema, pg_temp last (for this transaction only) */
  "SELECT set_config('search_path', quote_ident(current_schema()) || ', pg_temp', true);\n"
  "ALTER FUNCTION ksp_tree_frozen() SET search_path FROM CURRENT;\n"
  "ALTER FUNCTION ksp_node_frozen() SET search_path FROM CURRENT;\n"
  "ALTER FUNCTION ksp_value_frozen() SET search_path FROM CURRENT;\n"
  "ALTER FUNCTION ksp_no_truncate() SET search_path FROM CURRENT;\n"
  "ALTER FUNCTION ksp_log_immutable() SET search_path FROM CURRENT;\n"
  "CREATE FUNCTION ksp_roles_parse(roles text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE"
  " SET search_path FROM CURRENT AS $ksp$" ROLES_PARSE_BODY "$ksp$;\n"
  "CREATE FUNCTION ksp_is_owner() RETURNS boolean LANGUAGE sql STABLE"
  " SET search_path FROM CURRENT AS $ksp$" IS_OWNER_BODY "$ksp$;\n"
  "CREATE FUNCTION ksp_review_set_up() RETURNS boolean LANGUAGE sql STABLE"
  " SET search_path FROM CURRENT AS $ksp$" REVIEW_SET_UP_BODY "$ksp$;\n"
  "CREATE FUNCTION ksp_has_role(wanted text) RETURNS boolean LANGUAGE plpgsql STABLE"
  " SET search_path FROM CURRENT AS $ksp$" HAS_ROLE_BODY "$ksp$;\n"
  "CREATE FUNCTION ksp_require_role(wanted text, what text) RETURNS void LANGUAGE plpgsql STABLE"
  " SET search_path FROM CURRENT AS $ksp$" REQUIRE_ROLE_BODY "$ksp$;\n"
  "CREATE FUNCTION ksp_content_check(kinds boolean[]) RETURNS void LANGUAGE plpgsql STABLE"
  " SET search_path FROM CURRENT AS $ksp$" CONTENT_CHECK_BODY "$ksp$;\n"
  FUNCTION_PINNED ("ksp_node_role", NODE_ROLE_BODY)
  FUNCTION_PINNED ("ksp_value_role", VALUE_ROLE_BODY)
  FUNCTION_PINNED ("ksp_tree_role", TREE_ROLE_BODY)
  FUNCTION_PINNED ("ksp_standard_role", STANDARD_ROLE_BODY)
  FUNCTION_PINNED ("ksp_meta_role", META_ROLE_BODY)
  FUNCTION_PINNED ("ksp_log_author", LOG_AUTHOR_BODY)
  FUNCTION_PINNED ("ksp_person_role", PERSON_ROLE_BODY)
  FUNCTION_PINNED ("ksp_change_set_role", CHANGE_SET_ROLE_BODY)
  FUNCTION_PINNED ("ksp_change_set_member_role", CHANGE_SET_MEMBER_ROLE_BODY)
  FUNCTION_PINNED ("ksp_comment_role", COMMENT_ROLE_BODY)
  FUNCTION_PINNED ("ksp_drafter_role", DRAFTER_ROLE_BODY)
  STATEMENT_TRIGGERS ("node")
  STATEMENT_TRIGGERS ("value")
  ROW_TRIGGER ("tree_role", "tree", "ksp_tree_role")
  ROW_TRIGGER ("standard_role", "standard", "ksp_standard_role")
  ROW_TRIGGER ("meta_role", "meta", "ksp_meta_role")
  "CREATE TRIGGER log_author BEFORE INSERT ON log FOR EACH ROW EXECUTE FUNCTION ksp_log_author();\n"
  "CREATE TRIGGER log_record_author BEFORE INSERT ON log_record FOR EACH ROW EXECUTE FUNCTION ksp_log_author();\n"
  ROW_TRIGGER ("person_role", "person", "ksp_person_role")
  ROW_TRIGGER ("change_set_role", "change_set", "ksp_change_set_role")
  ROW_TRIGGER ("change_set_member_role", "change_set_member", "ksp_change_set_member_role")
  ROW_TRIGGER ("comment_role", "comment", "ksp_comment_role")
  ROW_TRIGGER ("justification_role", "justification", "ksp_drafter_role")
  ROW_TRIGGER ("reference_role", "reference", "ksp_drafter_role");

static const char *const migrations[] = { NULL, migration_1, migration_2 };

#define ROW_EVENTS (1 | 2 | 4 | 8 | 16)

/* The triggers of format 2 (the roles) */
static const ExpectedTrigger role_triggers[] = {
  { "node_role_insert", "node", 4, "ksp_node_role", NODE_ROLE_BODY },
  { "node_role_update", "node", 16, "ksp_node_role", NODE_ROLE_BODY },
  { "node_role_delete", "node", 8, "ksp_node_role", NODE_ROLE_BODY },
  { "value_role_insert", "value", 4, "ksp_value_role", VALUE_ROLE_BODY },
  { "value_role_update", "value", 16, "ksp_value_role", VALUE_ROLE_BODY },
  { "value_role_delete", "value", 8, "ksp_value_role", VALUE_ROLE_BODY },
  { "tree_role", "tree", ROW_EVENTS, "ksp_tree_role", TREE_ROLE_BODY },
  { "standard_role", "standard", ROW_EVENTS, "ksp_standard_role", STANDARD_ROLE_BODY },
  { "meta_role", "meta", ROW_EVENTS, "ksp_meta_role", META_ROLE_BODY },
  { "log_author", "log", 1 | 2 | 4, "ksp_log_author", LOG_AUTHOR_BODY },
  { "log_record_author", "log_record", 1 | 2 | 4, "ksp_log_author", LOG_AUTHOR_BODY },
  { "person_role", "person", ROW_EVENTS, "ksp_person_role", PERSON_ROLE_BODY },
  { "change_set_role", "change_set", ROW_EVENTS, "ksp_change_set_role", CHANGE_SET_ROLE_BODY },
  { "change_set_member_role", "change_set_member", ROW_EVENTS, "ksp_change_set_member_role",
    CHANGE_SET_MEMBER_ROLE_BODY },
  { "comment_role", "comment", ROW_EVENTS, "ksp_comment_role", COMMENT_ROLE_BODY },
  { "justification_role", "justification", ROW_EVENTS, "ksp_drafter_role", DRAFTER_ROLE_BODY },
  { "reference_role", "reference", ROW_EVENTS, "ksp_drafter_role", DRAFTER_ROLE_BODY },
};

/* The functions the role triggers call (format 2): a rewritten one (ksp_has_role answering yes) would undo
 * every check. */
static const struct
{
  const char *name;
  const char *body;
} role_functions[] = {
  { "ksp_roles_parse", ROLES_PARSE_BODY },
  { "ksp_is_owner", IS_OWNER_BODY },
  { "ksp_review_set_up", REVIEW_SET_UP_BODY },
  { "ksp_has_role", HAS_ROLE_BODY },
  { "ksp_require_role", REQUIRE_ROLE_BODY },
  { "ksp_content_check", CONTENT_CHECK_BODY },
};

/* What a function's search_path must be (pinned by migration 2), compared with pg_proc.proconfig. */
#define PINNED_PATH "array_to_string(p.proconfig, ',') IS NOT DISTINCT FROM" \
  " 'search_path=' || quote_ident(current_schema()) || ', pg_temp'"

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
static void
check_trigger (KspPgStore            *self,
               const ExpectedTrigger *t,
               GPtrArray             *problems,
               GError               **error)
{
  KspPgParams p = { 0 };
  g_autoptr (PGresult) r = NULL;

  _ksp_pg_text (&p, t->table);
  _ksp_pg_text (&p, t->name);
  r = _ksp_pg_query (self, "SELECT t.tgenabled, t.tgtype, p.proname, p.prosrc, " PINNED_PATH ", p.prosecdef"
                           " FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid"
                           " WHERE t.tgrelid = to_regclass($1::text) AND t.tgname = $2::text", &p,
                     "reading the schema", error);
  if (r == NULL)
    return;
  if (PQntuples (r) == 0)
    g_ptr_array_add (problems, g_strdup_printf ("trigger %s is missing", t->name));
  else if (strcmp (PQgetvalue (r, 0, 0), "O") != 0 && strcmp (PQgetvalue (r, 0, 0), "A") != 0)
    g_ptr_array_add (problems, g_strdup_printf ("trigger %s is disabled", t->name));
  else if (_ksp_pg_int64 (r, 0, 1) != t->type || strcmp (PQgetvalue (r, 0, 2), t->function) != 0 ||
           strcmp (PQgetvalue (r, 0, 3), t->body) != 0 || strcmp (PQgetvalue (r, 0, 4), "t") != 0 ||
           strcmp (PQgetvalue (r, 0, 5), "f") != 0)
    g_ptr_array_add (problems, g_strdup_printf ("trigger %s is not as Kasip made it", t->name));
}

/* Returns: (transfer full) (element-type utf8): the protections of editions, the log and the roles that
 * are missing or not as made (a trigger gone, disabled, for other events, or its function rewritten or its
 * search_path changed; a function the role triggers call rewritten); empty when all hold. */
GPtrArray *
_ksp_pg_integrity_problems (KspStore *store)
{
  KspPgStore *self = KSP_PG_STORE (store);
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (triggers) && error == NULL; i++)
    check_trigger (self, &triggers[i], problems, &error);
  for (guint i = 0; i < G_N_ELEMENTS (role_triggers) && error == NULL; i++)
    check_trigger (self, &role_triggers[i], problems, &error);
  for (guint i = 0; i < G_N_ELEMENTS (role_functions) && error == NULL; i++)
    {
      KspPgParams p = { 0 };
      g_autoptr (PGresult) r = NULL;

      _ksp_pg_text (&p, role_functions[i].name);
      r = _ksp_pg_query (self, "SELECT p.prosrc, " PINNED_PATH ", p.prosecdef FROM pg_proc p"
                               " WHERE p.proname = $1::text AND p.pronamespace = current_schema()::regnamespace",
                         &p, "reading the schema", &error);
      if (r == NULL)
        break;
      if (PQntuples (r) == 0)
        g_ptr_array_add (problems, g_strdup_printf ("function %s is missing", role_functions[i].name));
      else if (PQntuples (r) > 1 || strcmp (PQgetvalue (r, 0, 0), role_functions[i].body) != 0 ||
               strcmp (PQgetvalue (r, 0, 1), "t") != 0 || strcmp (PQgetvalue (r, 0, 2), "f") != 0)
        g_ptr_array_add (problems, g_strdup_printf ("function %s is not as Kasip made it", role_functions[i].name));
    }
  if (error)
    g_ptr_array_add (problems, g_strdup_printf ("the schema cannot be read (%s)", error->message));
  return problems;
}
