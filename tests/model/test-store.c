/* The SQLite workspace, what only it does: its triggers against the sqlite3 shell, trees read by their runs
 * of row numbers, migrations, refusal of newer or foreign files, the lock. What every backend must do (round
 * trips of every field, editions, the log, review rows, undo/redo written through) is the store contract,
 * tests/store/test-store-contract.c. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "ksp-document.h"
#include "ksp-test-store.h"
#include "ksp-test-util.h"
#include "ksp-sample.h"
#include "ksp-sqlite-store.h"
#include "ksp-store.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("kasip-test-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "ws.kasip", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  ksp_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* A tree is read whole whatever the numbers of its rows: a draft whose elements added after many editions
 * are numbered far from the others (read through the index of its tree), with children reordered (read in
 * row order, sorted by position), and an edition (one run of numbers). And through a reader of the
 * workspace (ksp_store_open_reader), in another thread, while this session holds the lock and is in the
 * middle of a write: the reader sees what was committed. */
static void
test_load_scattered_and_reader (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspDocument) doc = ksp_test_open_sample_document (f->path, &store);
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) frozen = NULL;
  g_autoptr (KspNode) loaded = NULL;
  g_autoptr (KspNode) committed = NULL;
  g_autoptr (KspNode) knowledge = ksp_node_new ("knowledge", NULL);
  g_autoptr (KspLockInfo) holder = NULL;
  KspNode *root = ksp_document_get_root (doc);
  KspNode *skill = ksp_test_first_of_kind (root, "skill");
  guint n = ksp_test_count_elements (root), copies;
  KspEditionInfo info = { 0 };
  KspTestThreadLoad job = { 0 };
  GThread *thread;
  gint64 edition;

  info.standard_id = (char *) ksp_node_get_id (root);
  info.date = (char *) "2024-04-30";
  info.year = 2024;
  edition = ksp_store_create_edition (store, &info, &error);
  g_assert_no_error (error);
  /* more editions than the draft's rows four times over and some thousands: the element added next is
   * numbered past them all, and the draft's rows are then too scattered to be read by their run */
  copies = 5 + 4200 / n;
  for (guint i = 0; i < copies; i++)
    {
      info.number = 0;
      g_assert_cmpint (ksp_store_create_edition (store, &info, &error), >, 0);
      g_assert_no_error (error);
    }
  ksp_node_set_value (knowledge, "text", KSP_LANG_RU, "Основ оказания первой помощи.");
  g_assert_true (ksp_document_insert_node (doc, skill, 0, knowledge, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ksp_node_get_n_children (skill), >=, 3);
  g_assert_true (ksp_document_move_node (doc, ksp_node_get_child (skill, ksp_node_get_n_children (skill) - 1), skill,
                                         0, &error));
  g_assert_no_error (error);

  loaded = ksp_store_load_tree (store, ksp_document_get_tree_id (doc), &error);
  g_assert_no_error (error);
  ksp_test_assert_trees_equal (root, loaded);
  frozen = ksp_store_load_tree (store, edition, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ksp_test_count_elements (frozen), ==, n);
  g_assert_null (ksp_node_find_descendant (frozen, ksp_node_get_id (knowledge)));

  /* a reader while this session is writing: the edition as it is, the draft as last committed */
  holder = ksp_store_dup_lock_holder (store);
  g_assert_null (holder);   /* this session holds the lock (no one else does) */
  g_assert_false (ksp_store_is_read_only (store));
  g_assert_true (ksp_store_begin (store, &error));
  g_assert_true (ksp_store_write_value (store, ksp_document_get_tree_id (doc), ksp_node_get_id (knowledge), "text",
                                        KSP_LANG_RU, "not committed", &error));
  g_assert_no_error (error);
  for (guint k = 0; k < 2; k++)
    {
      job.reader = ksp_store_open_reader (store, &error);
      g_assert_no_error (error);
      g_assert_true (ksp_store_is_read_only (job.reader));
      job.tree = k == 0 ? edition : ksp_document_get_tree_id (doc);
      thread = g_thread_new ("reader", ksp_test_load_in_thread, &job);
      g_thread_join (thread);
      g_assert_no_error (job.error);
      ksp_test_assert_trees_equal (k == 0 ? frozen : root, job.loaded);
      g_clear_object (&job.loaded);
      g_clear_object (&job.reader);
    }
  ksp_store_rollback (store);
  committed = ksp_store_load_tree (store, ksp_document_get_tree_id (doc), &error);
  g_assert_no_error (error);
  ksp_test_assert_trees_equal (root, committed);
}

static void
test_migration_from_v1 (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (GPtrArray) standards = NULL;
  g_autoptr (KspNode) root = NULL;
  g_autoptr (KspDocument) doc = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  sqlite3 *db;
  sqlite3_stmt *s;

  g_assert_true (ksp_sqlite_store_create_at_version (f->path, 1, &error));
  g_assert_no_error (error);

  /* A version-1 workspace with one small standard, written as version 1 wrote it. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "PRAGMA foreign_keys = ON;"
    "INSERT INTO standard VALUES ('s1', '2025-01-01T00:00:00Z', 'old');"
    "INSERT INTO tree (id, standard_id, is_draft, created_at, created_by) VALUES (1, 's1', 1, '2025-01-01T00:00:00Z', 'old');"
    "INSERT INTO node VALUES (1, 's1', NULL, 'document', 0, NULL, 0);"
    "INSERT INTO node VALUES (1, 'st', 's1', 'standard', 0, NULL, 3);"
    "INSERT INTO value VALUES (1, 'st', 'code', '', 'Q87300060');"
    "INSERT INTO value VALUES (1, 'st', 'name', 'ru', 'Специалисты, оказывающие специальные социальные услуги');"
    "INSERT INTO value VALUES (1, 'st', 'name', 'kk', '');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = ksp_test_open_store (f->path, KSP_STORE_OPEN_DEFAULT);
  standards = ksp_store_list_standards (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (standards->len, ==, 1);
  g_assert_cmpstr (((KspStandardInfo *) standards->pdata[0])->code, ==, "Q87300060");
  doc = ksp_document_open (store, 1, &error);
  g_assert_no_error (error);
  root = g_object_ref (ksp_document_get_root (doc));
  g_assert_cmpstr (ksp_node_get_value (ksp_node_get_child (root, 0), "name", KSP_LANG_KK), ==, "");
  g_assert_null (ksp_node_get_value (ksp_node_get_child (root, 0), "scope", KSP_LANG_KK));

  /* The change log works on the migrated file. */
  g_assert_true (ksp_document_set_value (doc, ksp_node_get_child (root, 0), "scope", KSP_LANG_RU, "область", &error));
  g_assert_no_error (error);
  audit = ksp_store_list_log (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  {
    KspLogEntry *e = g_ptr_array_index (audit, 0);
    KspChangeRecord *r = g_ptr_array_index (e->records, 0);
    g_assert_cmpuint (e->records->len, ==, 1);
    g_assert_true (r->op == KSP_RECORD_SET && g_str_equal (r->field, "scope") && r->lang == KSP_LANG_RU);
    g_assert_null (r->old_value);
    g_assert_cmpstr (r->new_value, ==, "область");
  }

  ksp_store_close (store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &s, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (s), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (s, 0), ==, KSP_SQLITE_SCHEMA_VERSION);
  sqlite3_finalize (s);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &s, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (s), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (s, 0), ==, "wal");
  sqlite3_finalize (s);
  sqlite3_close (db);
}

/* Format 4 (integer element rows, values in a rowid table, the catalog): a format-3 workspace with two
 * standards in one document, an edition and an audit trail is upgraded, compacted, and keeps every ID,
 * value, position, edition and audit entry; editions stay immutable and the catalog follows edits. */
static void
test_migration_from_v3 (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (GPtrArray) standards = NULL;
  g_autoptr (GPtrArray) editions = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  g_autoptr (KspNode) draft = NULL;
  g_autoptr (KspNode) frozen = NULL;
  g_autoptr (KspDocument) doc = NULL;
  g_autoptr (GString) long_text = g_string_new (NULL);
  KspStandardInfo *first, *second;
  KspEditionInfo edition = { 0 };
  KspNode *st1, *st2, *card, *function;
  char *sql, *errmsg = NULL;
  sqlite3 *db;
  sqlite3_stmt *s;

  /* More than a page: it overflowed in format 3 and must come back whole. */
  for (guint i = 0; i < 300; i++)
    g_string_append_printf (long_text, "Қазақша мәтін %u, «кавычки» 'it''s';\n", i);

  g_assert_true (ksp_sqlite_store_create_at_version (f->path, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sql = sqlite3_mprintf (
    "PRAGMA foreign_keys = ON;"
    "INSERT INTO standard VALUES ('doc', '2025-01-01T00:00:00Z', 'old');"
    "INSERT INTO tree (id, standard_id, is_draft, created_at, created_by) VALUES (1, 'doc', 1, '2025-01-01T00:00:00Z', 'old');"
    "INSERT INTO tree (id, standard_id, is_draft, edition_number, edition_year, edition_date, note, created_at, created_by)"
    "  VALUES (2, 'doc', 0, 1, 2024, '2024-04-30', 'приказ № 125', '2025-01-02T00:00:00Z', 'old');"
    "INSERT INTO node VALUES (1, 'doc', NULL, 'document', 0, NULL, 0);"
    "INSERT INTO node VALUES (1, 'o1', 'doc', 'order', 0, NULL, 1);"
    "INSERT INTO node VALUES (1, 'st1', 'doc', 'standard', 1, NULL, 20);"
    "INSERT INTO node VALUES (1, 'st2', 'doc', 'standard', 2, NULL, 90);"
    "INSERT INTO node VALUES (1, 'c1', 'st1', 'card', 0, '9.', 30);"
    "INSERT INTO node VALUES (1, 'c2', 'st2', 'card', 0, '1.', 95);"
    "INSERT INTO node VALUES (1, 'f1', 'c1', 'function', 0, '1', 40);"
    "INSERT INTO node VALUES (1, 'k1', 'f1', 'knowledge', 1, '2)', 42);"
    "INSERT INTO node VALUES (1, 'k2', 'f1', 'knowledge', 0, '1)', 41);"
    "INSERT INTO value VALUES (1, 'doc', 'language', '', 'ru');"
    "INSERT INTO value VALUES (1, 'o1', 'title', 'ru', 'Об утверждении');"
    "INSERT INTO value VALUES (1, 'st1', 'code', '', 'Q88100061');"
    "INSERT INTO value VALUES (1, 'st1', 'name', 'ru', 'Социальная работа');"
    "INSERT INTO value VALUES (1, 'st1', 'name', 'kk', '');"
    "INSERT INTO value VALUES (1, 'st1', 'scope', 'ru', '-');"
    "INSERT INTO value VALUES (1, 'st1', 'purpose', 'kk', %Q);"
    "INSERT INTO value VALUES (1, 'st2', 'title', 'ru', 'Үйде әлеуметтік көмек');"
    "INSERT INTO value VALUES (1, 'c1', 'occupation_code', '', '2635-0-001');"
    "INSERT INTO value VALUES (1, 'c1', 'purpose', 'ru', '');"
    "INSERT INTO value VALUES (1, 'f1', 'name', 'ru', 'Функция');"
    "INSERT INTO value VALUES (1, 'k1', 'text', 'ru', 'второе');"
    "INSERT INTO value VALUES (1, 'k2', 'text', 'ru', 'первое');"
    "INSERT INTO node SELECT 2, id, parent_id, kind, pos, number, src_line FROM node WHERE tree_id = 1;"
    "INSERT INTO value SELECT 2, node_id, field, lang, text FROM value WHERE tree_id = 1;"
    "UPDATE tree SET frozen = 1 WHERE id = 2;"
    "UPDATE value SET text = '2635-0-002' WHERE tree_id = 1 AND node_id = 'c1' AND field = 'occupation_code';"
    "INSERT INTO audit (tree_id, at, user, action, node_id, summary) VALUES"
    "  (1, '2025-01-01T00:00:00Z', 'old', 'import', 'doc', 'Социальная работа'),"
    "  (1, '2025-01-02T00:00:00Z', 'old', 'edition', NULL, 'edition 1: приказ № 125'),"
    "  (1, '2025-01-03T00:00:00Z', 'old', 'do', 'c1', 'occupation_code');"
    "INSERT INTO reference VALUES ('ork', 'ork.txt', 'уровни', '2025-01-01T00:00:00Z', 'old');",
    long_text->str);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, &errmsg), ==, SQLITE_OK);
  sqlite3_free (sql);
  sqlite3_close (db);

  store = ksp_test_open_store (f->path, KSP_STORE_OPEN_DEFAULT);

  /* the file is at this build's format (4 and later), with the new tables, compacted */
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                           " (SELECT freelist_count FROM pragma_freelist_count),"
                                           " (SELECT count(*) FROM sqlite_schema WHERE name IN ('node_kind', 'node_v3', 'value_v3')),"
                                           " (SELECT count(*) FROM catalog), (SELECT count(*) FROM node),"
                                           " (SELECT count(*) FROM value)", -1, &s, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (s), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (s, 0), ==, KSP_SQLITE_SCHEMA_VERSION);
  g_assert_cmpint (sqlite3_column_int (s, 1), ==, 0);
  g_assert_cmpint (sqlite3_column_int (s, 2), ==, 0);
  g_assert_cmpint (sqlite3_column_int (s, 3), ==, 4);  /* two standards, in the draft and the edition */
  g_assert_cmpint (sqlite3_column_int (s, 4), ==, 18);
  g_assert_cmpint (sqlite3_column_int (s, 5), ==, 26);
  sqlite3_finalize (s);
  sqlite3_close (db);

  /* the list, from the catalog */
  standards = ksp_store_list_standards (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (standards->len, ==, 2);
  first = standards->pdata[0];
  second = standards->pdata[1];
  g_assert_cmpstr (first->standard_id, ==, "doc");
  g_assert_cmpstr (first->node_id, ==, "st1");
  g_assert_cmpstr (first->code, ==, "Q88100061");
  g_assert_cmpstr (first->title_ru, ==, "Социальная работа");
  g_assert_null (first->title_kk); /* an empty name, cleaned */
  g_assert_cmpuint (first->n_editions, ==, 1);
  g_assert_cmpuint (first->n_in_document, ==, 2);
  {
    /* version 5: the edition made before it names no act */
    g_autoptr (GPtrArray) editions = ksp_store_list_editions (store, "doc", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (editions->len, ==, 1);
    g_assert_null (((KspEditionInfo *) editions->pdata[0])->act);
  }
  g_assert_cmpstr (second->node_id, ==, "st2");
  g_assert_null (second->code);
  g_assert_cmpstr (second->title_ru, ==, "Үйде әлеуметтік көмек");
  g_assert_cmpint (first->draft_tree, ==, 1);

  /* the draft: IDs, order, numbers, lines and every state of value */
  draft = ksp_store_load_tree (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ksp_node_get_id (draft), ==, "doc");
  g_assert_cmpuint (ksp_node_get_n_children (draft), ==, 3);
  st1 = ksp_node_get_child (draft, 1);
  st2 = ksp_node_get_child (draft, 2);
  g_assert_cmpstr (ksp_node_get_id (st1), ==, "st1");
  g_assert_cmpstr (ksp_node_get_id (st2), ==, "st2");
  g_assert_cmpuint (ksp_node_get_src_line (st1), ==, 20);
  g_assert_cmpstr (ksp_node_get_value (st1, "purpose", KSP_LANG_KK), ==, long_text->str);
  g_assert_cmpstr (ksp_node_get_value (st1, "scope", KSP_LANG_RU), ==, "-");
  g_assert_cmpstr (ksp_node_get_value (st1, "name", KSP_LANG_KK), ==, "");
  g_assert_null (ksp_node_get_value (st1, "scope", KSP_LANG_KK));
  card = ksp_node_get_child (st1, 0);
  g_assert_cmpstr (ksp_node_get_number (card), ==, "9.");
  g_assert_cmpstr (ksp_node_get_value (card, "occupation_code", KSP_LANG_NONE), ==, "2635-0-002");
  g_assert_cmpstr (ksp_node_get_value (card, "purpose", KSP_LANG_RU), ==, "");
  function = ksp_node_get_child (card, 0);
  g_assert_cmpstr (ksp_node_get_id (ksp_node_get_child (function, 0)), ==, "k2");
  g_assert_cmpstr (ksp_node_get_value (ksp_node_get_child (function, 1), "text", KSP_LANG_RU), ==, "второе");
  g_assert_cmpstr (ksp_node_get_id (ksp_node_get_child (st2, 0)), ==, "c2");

  /* the edition: the same elements with the old code, still immutable, even from the sqlite3 shell */
  editions = ksp_store_list_editions (store, "doc", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (editions->len, ==, 1);
  g_assert_cmpint (((KspEditionInfo *) editions->pdata[0])->number, ==, 1);
  g_assert_cmpstr (((KspEditionInfo *) editions->pdata[0])->note, ==, "приказ № 125");
  frozen = ksp_store_load_tree (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ksp_node_get_value (ksp_node_find_descendant (frozen, "c1"), "occupation_code", KSP_LANG_NONE),
                   ==, "2635-0-001");
  ksp_node_set_value (ksp_node_find_descendant (frozen, "c1"), "occupation_code", KSP_LANG_NONE, "2635-0-002");
  ksp_test_assert_trees_equal (draft, frozen);
  g_assert_false (ksp_store_write_value (store, 2, "c1", "occupation_code", KSP_LANG_NONE, "x", &error));
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_IMMUTABLE);
  g_clear_error (&error);
  g_assert_false (ksp_store_delete_node (store, 2, "k1", &error));
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_IMMUTABLE);
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 2000);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE value SET text = 'x' WHERE node IN (SELECT nid FROM node WHERE tree_id = 2)",
                                 NULL, NULL, &errmsg), !=, SQLITE_OK);
  g_assert_nonnull (strstr (errmsg, "immutable"));
  sqlite3_free (errmsg);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO value (node, field, lang, text)"
                                     " SELECT nid, 'text', 'kk', 'x' FROM node WHERE tree_id = 2 AND id = 'k1'",
                                 NULL, NULL, &errmsg), !=, SQLITE_OK);
  g_assert_nonnull (strstr (errmsg, "immutable"));
  sqlite3_free (errmsg);
  sqlite3_close (db);

  /* the audit trail goes on from where it was */
  doc = ksp_document_open (store, 1, &error);
  g_assert_no_error (error);
  g_assert_true (ksp_document_set_value (doc, ksp_document_lookup (doc, "st1"), "code", KSP_LANG_NONE, "Q88100062",
                                         &error));
  g_assert_no_error (error);
  audit = ksp_store_list_log (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 4);
  g_assert_cmpstr (((KspLogEntry *) audit->pdata[0])->action, ==, "import");
  g_assert_cmpstr (((KspLogEntry *) audit->pdata[0])->command, ==, "legacy");
  g_assert_cmpstr (((KspChangeRecord *) ((KspLogEntry *) audit->pdata[2])->records->pdata[0])->element_id, ==, "c1");
  g_assert_cmpstr (((KspLogEntry *) audit->pdata[3])->action, ==, "do");
  g_assert_cmpstr (((KspLogEntry *) audit->pdata[3])->command, ==, "set-value");
  /* the audit trail of before is sealed into the chain, and the chain holds */
  {
    g_autoptr (KspStoreVerification) v = ksp_store_verify (store, &error);
    g_assert_no_error (error);
    g_assert_true (ksp_store_verification_ok (v));
    g_assert_cmpuint (v->n_entries, ==, 4);
    g_assert_cmpstr (((KspLogEntry *) audit->pdata[0])->prev_hash, ==, KSP_LOG_GENESIS);
    g_assert_cmpstr (((KspLogEntry *) audit->pdata[1])->prev_hash, ==, ((KspLogEntry *) audit->pdata[0])->hash);
  }

  /* the catalog follows edits; a new edition is a whole copy */
  g_clear_pointer (&standards, g_ptr_array_unref);
  standards = ksp_store_list_standards (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((KspStandardInfo *) standards->pdata[0])->code, ==, "Q88100062");
  edition.standard_id = (char *) "doc";
  edition.note = (char *) "приказ № 109";
  g_assert_cmpint (ksp_store_create_edition (store, &edition, &error), >, 2);
  g_assert_no_error (error);
  g_clear_object (&frozen);
  g_clear_pointer (&editions, g_ptr_array_unref);
  editions = ksp_store_list_editions (store, "doc", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (editions->len, ==, 2);
  frozen = ksp_store_load_tree (store, ((KspEditionInfo *) editions->pdata[1])->tree_id, &error);
  g_assert_no_error (error);
  ksp_test_assert_trees_equal (ksp_document_get_root (doc), frozen);
  g_clear_pointer (&standards, g_ptr_array_unref);
  standards = ksp_store_list_standards (store, &error);
  g_assert_cmpuint (((KspStandardInfo *) standards->pdata[1])->n_editions, ==, 2);
  g_assert_cmpstr (((KspStandardInfo *) standards->pdata[0])->code, ==, "Q88100062");

  /* the reference data is kept */
  {
    g_autofree char *ork = ksp_store_get_reference (store, KSP_REFERENCE_ORK, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (ork, ==, "уровни");
  }
}

static void
test_refuses_newer_and_foreign (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autofree char *junk = g_build_filename (f->dir, "junk.kasip", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.kasip", NULL);
  sqlite3 *db;

  store = ksp_test_open_store (f->path, KSP_STORE_OPEN_CREATE);
  ksp_store_close (store);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = ksp_store_open_uri (f->path, KSP_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "newer Kasip"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (junk, "\x7f" "ELF\x02\x01\x01 this is not a database at all, just bytes", -1, NULL));
  store = ksp_store_open_uri (junk, KSP_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_A_WORKSPACE);
  g_assert_nonnull (strstr (error->message, junk));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = ksp_store_open_uri (other, KSP_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_A_WORKSPACE);
  g_clear_error (&error);

  store = ksp_store_open_uri (missing, KSP_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* a PostgreSQL address with a password is refused before connecting (or the build has no such backend),
   * and the password is not in the message */
  store = ksp_store_open_uri ("postgresql://dana:s3cret@db.example/kasip", KSP_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_SUPPORTED);
  g_assert_null (strstr (error->message, "s3cret"));
  g_clear_error (&error);

  /* sqlite: and file: URIs reach the same backend. */
  {
    g_autofree char *uri = g_strconcat ("sqlite:", f->path, NULL);
    g_autofree char *fresh = g_build_filename (f->dir, "fresh.kasip", NULL);
    g_autofree char *file_uri = g_filename_to_uri (fresh, NULL, NULL);
    store = ksp_store_open_uri (uri, KSP_STORE_OPEN_DEFAULT, &error);
    g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_TOO_NEW);
    g_clear_error (&error);
    store = ksp_store_open_uri (file_uri, KSP_STORE_OPEN_CREATE, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (ksp_store_get_location (store), ==, fresh);
  }
}

static void
test_lock (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) a = NULL;
  g_autoptr (KspStore) b = NULL;
  g_autoptr (KspStore) c = NULL;
  g_autoptr (KspLockInfo) holder = NULL;
  g_autoptr (KspNode) sample = ksp_sample_new_document ();
  char host[256] = "";
  sqlite3 *db;

  gethostname (host, sizeof host - 1);
  a = ksp_test_open_store (f->path, KSP_STORE_OPEN_CREATE);
  ksp_store_set_user (a, "drafter-a");
  g_assert_false (ksp_store_is_read_only (a));

  /* A second session is told who holds it and gets a read-only workspace. */
  b = ksp_test_open_store (f->path, KSP_STORE_OPEN_DEFAULT);
  g_assert_true (ksp_store_is_read_only (b));
  g_assert_nonnull (strstr (ksp_store_get_read_only_reason (b), host));
  holder = ksp_store_dup_lock_holder (b);
  g_assert_nonnull (holder);
  g_assert_cmpint (holder->pid, ==, getpid ());
  g_assert_cmpint (ksp_store_add_standard (b, sample, &error), ==, 0);
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  /* ...but can read what the first one writes. */
  g_assert_cmpint (ksp_store_add_standard (a, sample, &error), >, 0);
  g_assert_no_error (error);
  {
    g_autoptr (GPtrArray) list = ksp_store_list_standards (b, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
  }
  g_clear_object (&b);

  /* Breaking the lock on purpose: the first session notices at its next heartbeat and stops writing. */
  b = ksp_test_open_store (f->path, KSP_STORE_OPEN_BREAK_LOCK);
  g_assert_false (ksp_store_is_read_only (b));
  g_assert_false (ksp_store_heartbeat (a, &error));
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_true (ksp_store_is_read_only (a));
  ksp_store_close (a);
  g_assert_true (ksp_store_heartbeat (b, &error));
  g_assert_no_error (error);

  /* After the holder closes, the next session is writable. */
  ksp_store_close (b);
  c = ksp_test_open_store (f->path, KSP_STORE_OPEN_DEFAULT);
  g_assert_false (ksp_store_is_read_only (c));
  ksp_store_close (c);
  g_clear_object (&c);

  /* A lock left by a crash (stale heartbeat, or a dead process on this host) is taken over. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO lock VALUES (1, 't', 'gone', 'elsewhere', 1, 'x', 0)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  c = ksp_test_open_store (f->path, KSP_STORE_OPEN_DEFAULT);
  g_assert_false (ksp_store_is_read_only (c));
  ksp_store_close (c);
  g_clear_object (&c);

  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO lock VALUES (1, 't', 'crashed', '%s', 999999999, 'x', %"
                                            G_GINT64_FORMAT ")", host, g_get_real_time () / G_USEC_PER_SEC);
    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  c = ksp_test_open_store (f->path, KSP_STORE_OPEN_DEFAULT);
  g_assert_false (ksp_store_is_read_only (c));
  ksp_store_close (c);
  g_clear_object (&c);

  /* A fresh lock held by a live process elsewhere is respected. */
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO lock VALUES (1, 't', 'colleague', 'other-host', 4242, "
                                            "'2026-11-25T09:00:00Z', %" G_GINT64_FORMAT ")",
                                            g_get_real_time () / G_USEC_PER_SEC);
    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  c = ksp_test_open_store (f->path, KSP_STORE_OPEN_DEFAULT);
  g_assert_true (ksp_store_is_read_only (c));
  g_assert_nonnull (strstr (ksp_store_get_read_only_reason (c), "colleague"));
  g_assert_nonnull (strstr (ksp_store_get_read_only_reason (c), "other-host"));
}

static void
test_read_only_document (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspDocument) doc = ksp_test_open_sample_document (f->path, &store);
  g_autoptr (KspStore) second = ksp_test_open_store (f->path, KSP_STORE_OPEN_DEFAULT);
  g_autoptr (GError) error = NULL;
  g_autoptr (KspDocument) doc2 = ksp_document_open (second, ksp_document_get_tree_id (doc), &error);
  KspNode *card;

  g_assert_no_error (error);
  g_assert_true (ksp_document_is_read_only (doc2));
  card = ksp_test_first_of_kind (ksp_document_get_root (doc2), "card");
  g_assert_false (ksp_document_set_value (doc2, card, "purpose", KSP_LANG_RU, "x", &error));
  g_assert_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_READ_ONLY);
  g_assert_cmpstr (ksp_node_get_value (card, "purpose", KSP_LANG_RU), !=, "x");
}

/* Issue 12.7: a new workspace appears whole (full schema) or not at all; an empty file is not taken for a
 * workspace to upgrade. */
static void
test_created_whole (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *empty = g_build_filename (f->dir, "empty.kasip", NULL);
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspStore) ro = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *s = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;

  store = ksp_test_open_store (f->path, KSP_STORE_OPEN_CREATE);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &s, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (s), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (s, 0), ==, KSP_SQLITE_SCHEMA_VERSION);
  sqlite3_finalize (s);
  sqlite3_close (db);
  /* nothing but the workspace and its journal is left beside it */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_has_prefix (name, "ws.kasip"));

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  ro = ksp_store_open_uri (empty, KSP_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (ro);
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_A_WORKSPACE);
  g_assert_nonnull (strstr (error->message, "an empty file"));
}

/* Issue 12.10: KSP_STORE_OPEN_WAIT waits for the holder; a holder that stays makes it fail with BUSY
 * naming who holds it, not open read-only. */
static void
test_lock_wait (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (KspStore) holder = ksp_test_open_store (f->path, KSP_STORE_OPEN_CREATE);
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  KspStore *waiter = ksp_store_open_uri (f->path, KSP_STORE_OPEN_WAIT, &error);

  g_assert_null (waiter);
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "busy: in use by tester"));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, (KSP_STORE_LOCK_WAIT_SECONDS - 1) * G_USEC_PER_SEC);
  g_clear_error (&error);
  ksp_store_close (holder);
  waiter = ksp_store_open_uri (f->path, KSP_STORE_OPEN_WAIT, &error);
  g_assert_no_error (error);
  g_assert_false (ksp_store_is_read_only (waiter));
  g_object_unref (waiter);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_setenv ("KASIP_USER", "tester", TRUE);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/store/load-scattered-and-reader", test_load_scattered_and_reader);
  ADD ("/store/migration-from-v1", test_migration_from_v1);
  ADD ("/store/migration-from-v3", test_migration_from_v3);
  ADD ("/store/refuses-newer-and-foreign", test_refuses_newer_and_foreign);
  ADD ("/store/lock", test_lock);
  ADD ("/store/lock-wait", test_lock_wait);
  ADD ("/store/created-whole", test_created_whole);
  ADD ("/document/read-only", test_read_only_document);
  return g_test_run ();
}
