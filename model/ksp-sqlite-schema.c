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

static const char *const migrations[] = { NULL, migration_1, migration_2, migration_3 };

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KSP_SQLITE_SCHEMA_VERSION + 1);

const char *
_ksp_sqlite_migration (int version)
{
  g_return_val_if_fail (version >= 1 && version <= KSP_SQLITE_SCHEMA_VERSION, NULL);
  return migrations[version];
}
