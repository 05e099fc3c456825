/* ksp-sqlite-schema.c: the workspace's SQL schema, one migration per format version.
 *
 * Migration N takes a workspace from user_version N-1 to N. Never edit a released migration: add one.
 *
 * Trees: every standard has one working draft tree (is_draft = 1) and any number of editions, which
 * are frozen copies of the draft; triggers refuse any change to a frozen tree, so editions stay
 * immutable whatever code (or sqlite3 shell) touches the file. Nodes keep their stable IDs across trees,
 * which is what lets a diff align editions.
 */
#include "ksp-sqlite-store-private.h"

static const char migration_1[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
  "CREATE TABLE standard (\n"
  "  id TEXT PRIMARY KEY,\n"
  "  created_at TEXT NOT NULL,\n"
  "  created_by TEXT NOT NULL);\n"
  "CREATE TABLE tree (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  standard_id TEXT NOT NULL REFERENCES standard(id) ON DELETE CASCADE,\n"
  "  is_draft INTEGER NOT NULL CHECK (is_draft IN (0, 1)),\n"
  "  frozen INTEGER NOT NULL DEFAULT 0 CHECK (frozen IN (0, 1)),\n"
  "  edition_number INTEGER,\n"
  "  edition_year INTEGER,\n"
  "  edition_date TEXT,\n"
  "  note TEXT,\n"
  "  created_at TEXT NOT NULL,\n"
  "  created_by TEXT NOT NULL);\n"
  "CREATE UNIQUE INDEX tree_one_draft ON tree(standard_id) WHERE is_draft = 1;\n"
  "CREATE UNIQUE INDEX tree_edition_number ON tree(standard_id, edition_number) WHERE is_draft = 0;\n"
  "CREATE TABLE node (\n"
  "  tree_id INTEGER NOT NULL REFERENCES tree(id) ON DELETE CASCADE,\n"
  "  id TEXT NOT NULL,\n"
  "  parent_id TEXT,\n"
  "  kind TEXT NOT NULL,\n"
  "  pos INTEGER NOT NULL,\n"
  "  number TEXT,\n"
  "  src_line INTEGER NOT NULL DEFAULT 0,\n"
  "  PRIMARY KEY (tree_id, id),\n"
  "  FOREIGN KEY (tree_id, parent_id) REFERENCES node(tree_id, id)\n"
  "    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX node_parent ON node(tree_id, parent_id, pos);\n"
  "CREATE INDEX node_kind ON node(tree_id, kind);\n"
  "CREATE TABLE value (\n"
  "  tree_id INTEGER NOT NULL,\n"
  "  node_id TEXT NOT NULL,\n"
  "  field TEXT NOT NULL,\n"
  "  lang TEXT NOT NULL CHECK (lang IN ('', 'kk', 'ru')),\n"
  "  text TEXT NOT NULL,\n"
  "  PRIMARY KEY (tree_id, node_id, field, lang),\n"
  "  FOREIGN KEY (tree_id, node_id) REFERENCES node(tree_id, id)\n"
  "    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE lock (\n"
  "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  token TEXT NOT NULL,\n"
  "  user TEXT NOT NULL,\n"
  "  host TEXT NOT NULL,\n"
  "  pid INTEGER NOT NULL,\n"
  "  since TEXT NOT NULL,\n"
  "  heartbeat INTEGER NOT NULL);\n"
  /* Editions are immutable. A frozen tree may only go when its standard is deleted. */
  "CREATE TRIGGER tree_frozen_update BEFORE UPDATE ON tree WHEN OLD.frozen = 1\n"
  "  BEGIN SELECT RAISE(ABORT, 'edition is immutable'); END;\n"
  "CREATE TRIGGER tree_frozen_delete BEFORE DELETE ON tree\n"
  "  WHEN OLD.frozen = 1 AND EXISTS (SELECT 1 FROM standard WHERE id = OLD.standard_id)\n"
  "  BEGIN SELECT RAISE(ABORT, 'edition is immutable'); END;\n"
  "CREATE TRIGGER node_frozen_insert BEFORE INSERT ON node\n"
  "  WHEN (SELECT frozen FROM tree WHERE id = NEW.tree_id) = 1\n"
  "  BEGIN SELECT RAISE(ABORT, 'edition is immutable'); END;\n"
  "CREATE TRIGGER node_frozen_update BEFORE UPDATE ON node\n"
  "  WHEN (SELECT frozen FROM tree WHERE id = OLD.tree_id) = 1\n"
  "  BEGIN SELECT RAISE(ABORT, 'edition is immutable'); END;\n"
  "CREATE TRIGGER node_frozen_delete BEFORE DELETE ON node\n"
  "  WHEN (SELECT frozen FROM tree WHERE id = OLD.tree_id) = 1\n"
  "  BEGIN SELECT RAISE(ABORT, 'edition is immutable'); END;\n"
  "CREATE TRIGGER value_frozen_insert BEFORE INSERT ON value\n"
  "  WHEN (SELECT frozen FROM tree WHERE id = NEW.tree_id) = 1\n"
  "  BEGIN SELECT RAISE(ABORT, 'edition is immutable'); END;\n"
  "CREATE TRIGGER value_frozen_update BEFORE UPDATE ON value\n"
  "  WHEN (SELECT frozen FROM tree WHERE id = OLD.tree_id) = 1\n"
  "  BEGIN SELECT RAISE(ABORT, 'edition is immutable'); END;\n"
  "CREATE TRIGGER value_frozen_delete BEFORE DELETE ON value\n"
  "  WHEN (SELECT frozen FROM tree WHERE id = OLD.tree_id) = 1\n"
  "  BEGIN SELECT RAISE(ABORT, 'edition is immutable'); END;\n";

/* Version 2: the audit trail (who did what to which element, when). */
static const char migration_2[] =
  "CREATE TABLE audit (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  tree_id INTEGER NOT NULL REFERENCES tree(id) ON DELETE CASCADE,\n"
  "  at TEXT NOT NULL,\n"
  "  user TEXT NOT NULL,\n"
  "  action TEXT NOT NULL,\n"
  "  node_id TEXT,\n"
  "  summary TEXT NOT NULL);\n"
  "CREATE INDEX audit_tree ON audit(tree_id, id);\n";

/* Version 3: reference data (the sector qualification framework, classifiers), kept as the published
 * text it was read from, so that a newer reader can read it again. */
static const char migration_3[] =
  "CREATE TABLE reference (\n"
  "  kind TEXT PRIMARY KEY,\n"
  "  source TEXT NOT NULL,\n"
  "  content TEXT NOT NULL,\n"
  "  imported_at TEXT NOT NULL,\n"
  "  imported_by TEXT NOT NULL);\n";

/* Version 4: a third of the size, and a list of standards that does not grow with their content.
 *
 * - Elements get an integer key (node.nid) that their values and children refer to, instead of repeating
 *   (tree_id, 36-character ID) in every value row, child row and index entry. The stable ID stays, once,
 *   in node.id, unique per tree. Rows are numbered in the order they are written, so a standard's rows
 *   lie together and pages are filled instead of split at random places.
 * - value becomes an ordinary (rowid) table: as a WITHOUT ROWID table its texts were copied into the
 *   interior pages of its b-tree and a text of more than ~1 000 bytes spilled into an overflow page of
 *   its own, mostly empty.
 * - node_kind goes: only the listing of standards used it.
 * - catalog holds the code and titles of each standard element, kept by triggers, so listing the
 *   standards of a workspace reads one small table instead of three lookups per standard.
 * The old tables are renamed, copied into the new ones and dropped (the store then runs VACUUM to give
 * the space back); IDs, editions, their numbers and the audit trail are kept as they are. */
static const char migration_4[] =
  "DROP TRIGGER node_frozen_insert;\n"
  "DROP TRIGGER node_frozen_update;\n"
  "DROP TRIGGER node_frozen_delete;\n"
  "DROP TRIGGER value_frozen_insert;\n"
  "DROP TRIGGER value_frozen_update;\n"
  "DROP TRIGGER value_frozen_delete;\n"
  "ALTER TABLE value RENAME TO value_v3;\n"
  "ALTER TABLE node RENAME TO node_v3;\n"
  "CREATE TABLE node (\n"
  "  nid INTEGER PRIMARY KEY,\n"
  "  tree_id INTEGER NOT NULL REFERENCES tree(id) ON DELETE CASCADE,\n"
  "  id TEXT NOT NULL,\n"
  "  parent INTEGER REFERENCES node(nid) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,\n"
  "  kind TEXT NOT NULL,\n"
  "  pos INTEGER NOT NULL,\n"
  "  number TEXT,\n"
  "  src_line INTEGER NOT NULL DEFAULT 0,\n"
  "  UNIQUE (tree_id, id));\n"
  "CREATE TABLE value (\n"
  "  node INTEGER NOT NULL REFERENCES node(nid) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,\n"
  "  field TEXT NOT NULL,\n"
  "  lang TEXT NOT NULL CHECK (lang IN ('', 'kk', 'ru')),\n"
  "  text TEXT NOT NULL,\n"
  "  PRIMARY KEY (node, field, lang));\n"
  "INSERT INTO node (tree_id, id, kind, pos, number, src_line)\n"
  "  SELECT tree_id, id, kind, pos, number, src_line FROM node_v3 ORDER BY tree_id, parent_id, pos;\n"
  "UPDATE node SET parent = (SELECT p.nid FROM node_v3 o JOIN node p ON p.tree_id = o.tree_id AND p.id = o.parent_id\n"
  "                          WHERE o.tree_id = node.tree_id AND o.id = node.id);\n"
  "INSERT INTO value (node, field, lang, text)\n"
  "  SELECT n.nid, v.field, v.lang, v.text FROM value_v3 v JOIN node n ON n.tree_id = v.tree_id AND n.id = v.node_id\n"
  "  ORDER BY n.nid, v.field, v.lang;\n"
  "DROP TABLE value_v3;\n"
  "DROP TABLE node_v3;\n"
  "CREATE INDEX node_parent ON node(parent, pos);\n"
  /* Editions are immutable (as in version 1, through the element's tree). */
  "CREATE TRIGGER node_frozen_insert BEFORE INSERT ON node\n"
  "  WHEN (SELECT frozen FROM tree WHERE id = NEW.tree_id) = 1\n"
  "  BEGIN SELECT RAISE(ABORT, 'edition is immutable'); END;\n"
  "CREATE TRIGGER node_frozen_update BEFORE UPDATE ON node\n"
  "  WHEN (SELECT frozen FROM tree WHERE id = OLD.tree_id) = 1 OR (SELECT frozen FROM tree WHERE id = NEW.tree_id) = 1\n"
  "  BEGIN SELECT RAISE(ABORT, 'edition is immutable'); END;\n"
  "CREATE TRIGGER node_frozen_delete BEFORE DELETE ON node\n"
  "  WHEN (SELECT frozen FROM tree WHERE id = OLD.tree_id) = 1\n"
  "  BEGIN SELECT RAISE(ABORT, 'edition is immutable'); END;\n"
  "CREATE TRIGGER value_frozen_insert BEFORE INSERT ON value\n"
  "  WHEN (SELECT t.frozen FROM node n JOIN tree t ON t.id = n.tree_id WHERE n.nid = NEW.node) = 1\n"
  "  BEGIN SELECT RAISE(ABORT, 'edition is immutable'); END;\n"
  "CREATE TRIGGER value_frozen_update BEFORE UPDATE ON value\n"
  "  WHEN (SELECT t.frozen FROM node n JOIN tree t ON t.id = n.tree_id WHERE n.nid = OLD.node) = 1\n"
  "    OR (SELECT t.frozen FROM node n JOIN tree t ON t.id = n.tree_id WHERE n.nid = NEW.node) = 1\n"
  "  BEGIN SELECT RAISE(ABORT, 'edition is immutable'); END;\n"
  "CREATE TRIGGER value_frozen_delete BEFORE DELETE ON value\n"
  "  WHEN (SELECT t.frozen FROM node n JOIN tree t ON t.id = n.tree_id WHERE n.nid = OLD.node) = 1\n"
  "  BEGIN SELECT RAISE(ABORT, 'edition is immutable'); END;\n"
  /* The catalog: one row per standard element, in every tree. */
  "CREATE TABLE catalog (\n"
  "  node INTEGER PRIMARY KEY REFERENCES node(nid) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,\n"
  "  tree_id INTEGER NOT NULL,\n"
  "  id TEXT NOT NULL,\n"
  "  pos INTEGER NOT NULL,\n"
  "  code TEXT,\n"
  "  name_ru TEXT,\n"
  "  name_kk TEXT,\n"
  "  title_ru TEXT,\n"
  "  title_kk TEXT);\n"
  "CREATE INDEX catalog_tree ON catalog(tree_id, pos);\n"
  "CREATE TRIGGER catalog_node_insert AFTER INSERT ON node WHEN NEW.kind = 'standard'\n"
  "  BEGIN INSERT OR REPLACE INTO catalog (node, tree_id, id, pos) VALUES (NEW.nid, NEW.tree_id, NEW.id, NEW.pos); END;\n"
  "CREATE TRIGGER catalog_node_update AFTER UPDATE OF pos ON node WHEN NEW.kind = 'standard'\n"
  "  BEGIN UPDATE catalog SET pos = NEW.pos WHERE node = NEW.nid; END;\n"
  "CREATE TRIGGER catalog_value_insert AFTER INSERT ON value WHEN NEW.field IN ('code', 'name', 'title')\n"
  "  BEGIN UPDATE catalog SET\n"
  "    code = iif(NEW.field = 'code' AND NEW.lang = '', NEW.text, code),\n"
  "    name_ru = iif(NEW.field = 'name' AND NEW.lang = 'ru', NEW.text, name_ru),\n"
  "    name_kk = iif(NEW.field = 'name' AND NEW.lang = 'kk', NEW.text, name_kk),\n"
  "    title_ru = iif(NEW.field = 'title' AND NEW.lang = 'ru', NEW.text, title_ru),\n"
  "    title_kk = iif(NEW.field = 'title' AND NEW.lang = 'kk', NEW.text, title_kk)\n"
  "  WHERE node = NEW.node; END;\n"
  "CREATE TRIGGER catalog_value_delete AFTER DELETE ON value WHEN OLD.field IN ('code', 'name', 'title')\n"
  "  BEGIN UPDATE catalog SET\n"
  "    code = iif(OLD.field = 'code' AND OLD.lang = '', NULL, code),\n"
  "    name_ru = iif(OLD.field = 'name' AND OLD.lang = 'ru', NULL, name_ru),\n"
  "    name_kk = iif(OLD.field = 'name' AND OLD.lang = 'kk', NULL, name_kk),\n"
  "    title_ru = iif(OLD.field = 'title' AND OLD.lang = 'ru', NULL, title_ru),\n"
  "    title_kk = iif(OLD.field = 'title' AND OLD.lang = 'kk', NULL, title_kk)\n"
  "  WHERE node = OLD.node; END;\n"
  "CREATE TRIGGER catalog_value_update AFTER UPDATE ON value\n"
  "  WHEN OLD.field IN ('code', 'name', 'title') OR NEW.field IN ('code', 'name', 'title')\n"
  "  BEGIN UPDATE catalog SET\n"
  "    code = iif(OLD.field = 'code' AND OLD.lang = '', NULL, code),\n"
  "    name_ru = iif(OLD.field = 'name' AND OLD.lang = 'ru', NULL, name_ru),\n"
  "    name_kk = iif(OLD.field = 'name' AND OLD.lang = 'kk', NULL, name_kk),\n"
  "    title_ru = iif(OLD.field = 'title' AND OLD.lang = 'ru', NULL, title_ru),\n"
  "    title_kk = iif(OLD.field = 'title' AND OLD.lang = 'kk', NULL, title_kk)\n"
  "  WHERE node = OLD.node;\n"
  "  UPDATE catalog SET\n"
  "    code = iif(NEW.field = 'code' AND NEW.lang = '', NEW.text, code),\n"
  "    name_ru = iif(NEW.field = 'name' AND NEW.lang = 'ru', NEW.text, name_ru),\n"
  "    name_kk = iif(NEW.field = 'name' AND NEW.lang = 'kk', NEW.text, name_kk),\n"
  "    title_ru = iif(NEW.field = 'title' AND NEW.lang = 'ru', NEW.text, title_ru),\n"
  "    title_kk = iif(NEW.field = 'title' AND NEW.lang = 'kk', NEW.text, title_kk)\n"
  "  WHERE node = NEW.node; END;\n"
  "INSERT INTO catalog (node, tree_id, id, pos, code, name_ru, name_kk, title_ru, title_kk)\n"
  "  SELECT n.nid, n.tree_id, n.id, n.pos,\n"
  "    (SELECT text FROM value WHERE node = n.nid AND field = 'code' AND lang = ''),\n"
  "    (SELECT text FROM value WHERE node = n.nid AND field = 'name' AND lang = 'ru'),\n"
  "    (SELECT text FROM value WHERE node = n.nid AND field = 'name' AND lang = 'kk'),\n"
  "    (SELECT text FROM value WHERE node = n.nid AND field = 'title' AND lang = 'ru'),\n"
  "    (SELECT text FROM value WHERE node = n.nid AND field = 'title' AND lang = 'kk')\n"
  "  FROM node n WHERE n.kind = 'standard';\n";

/* Version 5: an edition names the act (order) that approved or amended the standard it freezes. */
static const char migration_5[] =
  "ALTER TABLE tree ADD COLUMN edition_act TEXT;\n";

/* Version 6: the justification of a change («обоснование», the comparative table's fifth column), kept per
 * standard, per change (its identity: ksp_change_dup_key, so that it survives running the diff again) and
 * per language of the table. A note on the draft's changes, not on a tree: it is not frozen. */
static const char migration_6[] =
  "CREATE TABLE justification (\n"
  "  standard_id TEXT NOT NULL REFERENCES standard(id) ON DELETE CASCADE,\n"
  "  change_key TEXT NOT NULL,\n"
  "  lang TEXT NOT NULL,\n"
  "  text TEXT NOT NULL,\n"
  "  author TEXT NOT NULL,\n"
  "  updated_at TEXT NOT NULL,\n"
  "  PRIMARY KEY (standard_id, change_key, lang));\n";

/* Version 7: the change log (model/ksp-change-log.h) instead of the audit trail's free text. One entry per
 * stored step with its structured records, chained by SHA-256 (the hashes are made in C: the audit rows
 * of before become the first entries, sealed when the workspace is opened after this migration). Entries
 * name their standard by ID, not by a foreign key: nothing deletes them with a standard. Triggers refuse
 * changing or deleting them; `kasip audit verify` checks the chain and that the triggers are there. */
static const char migration_7[] =
  "CREATE TABLE log (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  standard_id TEXT NOT NULL,\n"
  "  tree_id INTEGER NOT NULL,\n"
  "  at TEXT NOT NULL,\n"
  "  author TEXT NOT NULL,\n"
  "  action TEXT NOT NULL,\n"
  "  command TEXT NOT NULL,\n"
  "  label TEXT,\n"
  "  change_set INTEGER NOT NULL DEFAULT 0,\n"
  "  prev_hash TEXT NOT NULL,\n"
  "  hash TEXT NOT NULL);\n"
  "CREATE INDEX log_standard ON log(standard_id, id);\n"
  "CREATE TABLE log_record (\n"
  "  log_id INTEGER NOT NULL,\n"
  "  seq INTEGER NOT NULL,\n"
  "  op TEXT NOT NULL,\n"
  "  element_id TEXT,\n"
  "  kind TEXT,\n"
  "  field TEXT,\n"
  "  lang TEXT,\n"
  "  old_value TEXT,\n"
  "  new_value TEXT,\n"
  "  subtree TEXT,\n"
  "  content_hash TEXT,\n"
  "  PRIMARY KEY (log_id, seq)) WITHOUT ROWID;\n"
  "CREATE INDEX log_record_element ON log_record(element_id);\n"
  "INSERT INTO log (id, standard_id, tree_id, at, author, action, command, label, prev_hash, hash)\n"
  "  SELECT a.id, t.standard_id, a.tree_id, a.at, a.user, a.action, 'legacy', a.summary, '', ''\n"
  "  FROM audit a JOIN tree t ON t.id = a.tree_id ORDER BY a.id;\n"
  "INSERT INTO log_record (log_id, seq, op, element_id)\n"
  "  SELECT id, 0, 'legacy', node_id FROM audit WHERE node_id IS NOT NULL;\n"
  "DROP TABLE audit;\n"
  "INSERT OR REPLACE INTO meta (key, value) VALUES ('log_sealed', '0');\n"
  "CREATE TRIGGER log_no_update BEFORE UPDATE ON log\n"
  "  WHEN OLD.hash <> ''\n"
  "  BEGIN SELECT RAISE(ABORT, 'the change log cannot be changed'); END;\n"
  "CREATE TRIGGER log_no_delete BEFORE DELETE ON log\n"
  "  BEGIN SELECT RAISE(ABORT, 'the change log cannot be changed'); END;\n"
  "CREATE TRIGGER log_record_no_update BEFORE UPDATE ON log_record\n"
  "  BEGIN SELECT RAISE(ABORT, 'the change log cannot be changed'); END;\n"
  "CREATE TRIGGER log_record_no_delete BEFORE DELETE ON log_record\n"
  "  BEGIN SELECT RAISE(ABORT, 'the change log cannot be changed'); END;\n";

/* Version 8: people and their roles, and change sets (model/review/ksp-review.h). A person is an account
 * of the store (for SQLite, the OS account) with the name shown; a change set groups one author's entries
 * of the log for one standard and goes open → submitted → approved / rejected → published. */
static const char migration_8[] =
  "CREATE TABLE person (\n"
  "  account TEXT PRIMARY KEY,\n"
  "  display_name TEXT NOT NULL,\n"
  "  roles TEXT NOT NULL DEFAULT '',\n"
  "  created_at TEXT NOT NULL);\n"
  "CREATE TABLE change_set (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  standard_id TEXT NOT NULL,\n"
  "  author TEXT NOT NULL,\n"
  "  title TEXT,\n"
  "  status TEXT NOT NULL DEFAULT 'open',\n"
  "  reason TEXT,\n"
  "  reviewer TEXT,\n"
  "  created_at TEXT NOT NULL,\n"
  "  updated_at TEXT NOT NULL);\n"
  "CREATE INDEX change_set_standard ON change_set(standard_id, status);\n";

/* Version 9: comments anchored to elements (model/review/ksp-comments.h), by the element's stable ID (and
 * a field in one language, when given), so they survive edits, renumbering and moves; a reply names the
 * thread's first comment; a thread is resolved or open. */
static const char migration_9[] =
  "CREATE TABLE comment (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  standard_id TEXT NOT NULL,\n"
  "  element_id TEXT NOT NULL,\n"
  "  field TEXT,\n"
  "  lang TEXT,\n"
  "  reply_to INTEGER,\n"
  "  author TEXT NOT NULL,\n"
  "  text TEXT NOT NULL,\n"
  "  created_at TEXT NOT NULL,\n"
  "  resolved_by TEXT,\n"
  "  resolved_at TEXT);\n"
  "CREATE INDEX comment_element ON comment(standard_id, element_id);\n";

/* Version 10: the change set each entry of the log belongs to now, where a split or a merge of change sets
 * (model/review/ksp-review.h) moved it: an entry is immutable and keeps the change set it was made in, the
 * move is an entry of its own ("reassign" records naming the moved entries by their hashes), and this
 * table, kept by the store in the same transaction, is what counts and lists a change set's entries.
 * `kasip audit verify` checks it against the log. */
static const char migration_10[] =
  "CREATE TABLE change_set_member (\n"
  "  log_id INTEGER PRIMARY KEY,\n"
  "  change_set INTEGER NOT NULL);\n"
  "CREATE INDEX change_set_member_set ON change_set_member(change_set);\n";

static const char *const migrations[] = {
  NULL, migration_1, migration_2, migration_3, migration_4, migration_5, migration_6, migration_7, migration_8,
  migration_9, migration_10
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KSP_SQLITE_SCHEMA_VERSION + 1);

const char *
_ksp_sqlite_migration (int version)
{
  g_return_val_if_fail (version >= 1 && version <= KSP_SQLITE_SCHEMA_VERSION, NULL);
  return migrations[version];
}
