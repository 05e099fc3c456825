/* What only the PostgreSQL backend does (the contract, tests/store/test-store-contract.c, is what both do):
 * addresses with a password refused without showing it; databases that are not workspaces; the server's
 * protection of editions and the log tampered with (a trigger dropped, disabled, its function rewritten)
 * found by verify and making sessions read-only; sessions appending to the log at once, chained one after
 * the other; two sessions making one new workspace at once. Run by with-postgres.sh (a server of its own). */
#include "config.h"

#include <locale.h>

#include "ksp-sample.h"
#include "ksp-store.h"
#include "ksp-test-store.h"
#include "store-fixture.h"

static void
test_password_refused (Fixture       *f,
                       gconstpointer  data)
{
  static const char *const uris[] = {
    "postgresql://dana:s3cret@localhost/kasip",
    "postgresql:///kasip?host=/tmp&password=s3cret",
    "postgres://dana:s3cret@/kasip",
  };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (KspStore) store = ksp_store_open_uri (uris[i], KSP_STORE_OPEN_CREATE, &error);

      g_assert_null (store);
      g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_SUPPORTED);
      g_assert_null (strstr (error->message, "s3cret"));
      g_assert_nonnull (strstr (error->message, ".pgpass"));
    }
}

/* A database that is not there, one of another application, one with a meta table of another kind. */
static void
test_not_a_workspace (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autofree char *missing = replace (f->uri, f->db, "kasip_no_such_database");
  g_autofree char *err = NULL;

  store = ksp_store_open_uri (missing, KSP_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "kasip_no_such_database"));
  g_clear_error (&error);

  g_assert_true (raw_sql (f, "CREATE TABLE accounts (x integer)", &err));
  store = ksp_store_open_uri (f->uri, KSP_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_A_WORKSPACE);
  g_clear_error (&error);
  g_clear_pointer (&err, g_free);
  g_assert_true (raw_sql (f, "CREATE TABLE meta (key text, value text); INSERT INTO meta VALUES ('application', 'other')",
                          &err));
  store = ksp_store_open_uri (f->uri, KSP_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_A_WORKSPACE);
  g_assert_nonnull (strstr (error->message, "another application"));
}

static void
assert_problem (Fixture    *f,
                const char *problem)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = ksp_test_open_store (f->uri, KSP_STORE_OPEN_DEFAULT);
  g_autoptr (KspStoreVerification) v = ksp_store_verify (store, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < v->schema->len; i++)
    found |= g_str_equal (v->schema->pdata[i], problem);
  if (!found)
    g_error ("verify did not report «%s» (%u problems)", problem, v->schema->len);
  g_assert_false (ksp_store_verification_ok (v));
  /* a session does not write to a workspace whose protection is not there */
  g_assert_true (ksp_store_is_read_only (store));
  g_assert_nonnull (strstr (ksp_store_get_read_only_reason (store), "tampered"));
}

/* The server's protection, changed by someone who may (the database's owner): each change is found, and
 * an edition rewritten while its trigger was gone is found by its content hash. */
static void
test_tampered (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspDocument) doc = ksp_test_open_sample_document (f->uri, &store);
  KspEditionInfo info = { 0 };
  g_autofree char *err = NULL;
  g_autofree char *sql = NULL;
  gint64 edition;

  info.standard_id = (char *) ksp_node_get_id (ksp_document_get_root (doc));
  edition = ksp_store_create_edition (store, &info, &error);
  g_assert_no_error (error);
  {
    g_autoptr (KspStoreVerification) v = ksp_store_verify (store, &error);
    g_assert_no_error (error);
    g_assert_true (ksp_store_verification_ok (v));
  }
  g_clear_object (&doc);
  ksp_store_close (store);

  g_assert_false (raw_sql (f, "TRUNCATE log", &err));
  g_assert_nonnull (strstr (err, "the change log cannot be changed"));
  g_clear_pointer (&err, g_free);
  g_assert_false (raw_sql (f, "TRUNCATE value", &err));
  g_assert_nonnull (strstr (err, "edition is immutable"));
  g_clear_pointer (&err, g_free);

  g_assert_true (raw_sql (f, "ALTER TABLE log DISABLE TRIGGER log_no_change", &err));
  assert_problem (f, "trigger log_no_change is disabled");
  g_assert_true (raw_sql (f, "ALTER TABLE log ENABLE TRIGGER log_no_change", &err));
  g_assert_true (raw_sql (f, "CREATE OR REPLACE FUNCTION ksp_log_immutable() RETURNS trigger LANGUAGE plpgsql AS"
                             " $$BEGIN RETURN NULL; END$$", &err));
  assert_problem (f, "trigger log_no_change is not as Kasip made it");

  g_assert_true (raw_sql (f, "DROP TRIGGER value_frozen ON value", &err));
  sql = g_strdup_printf ("UPDATE value SET text = 'rewritten' WHERE node IN (SELECT nid FROM node WHERE tree_id = %"
                         G_GINT64_FORMAT ")", edition);
  g_assert_true (raw_sql (f, sql, &err));
  assert_problem (f, "trigger value_frozen is missing");
  {
    g_autoptr (KspStore) again = ksp_test_open_store (f->uri, KSP_STORE_OPEN_DEFAULT);
    g_autoptr (KspStoreVerification) v = ksp_store_verify (again, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (v->editions->len, ==, 1);
    g_assert_nonnull (strstr (v->editions->pdata[0], "not what was frozen"));
  }
}

typedef struct
{
  const char *uri;
  const char *standard_id;
  gint64      tree;
  guint       n;
  GError     *error;
} Appender;

static gpointer
append_many (gpointer data)
{
  Appender *a = data;
  g_autoptr (KspStore) store = ksp_store_open_uri (a->uri, KSP_STORE_OPEN_DEFAULT, &a->error);

  for (guint i = 0; store && i < a->n && a->error == NULL; i++)
    {
      g_autoptr (KspLogEntry) e = ksp_log_entry_new ();
      e->standard_id = g_strdup (a->standard_id);
      e->tree_id = a->tree;
      e->author = g_strdup_printf ("%p", (void *) a);
      e->action = g_strdup ("do");
      e->command = g_strdup ("set-value");
      if (ksp_store_begin (store, &a->error))
        {
          if (ksp_store_append_log (store, e, &a->error))
            ksp_store_commit (store, &a->error);
          else
            ksp_store_rollback (store);
        }
    }
  return NULL;
}

/* Sessions appending at once each chain after the other: no entry lost, the chain holds, IDs in its order. */
static void
test_concurrent_appends (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (KspNode) sample = ksp_sample_new_document ();
  g_autoptr (KspStore) store = ksp_test_open_store (f->uri, KSP_STORE_OPEN_CREATE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  Appender appenders[4];
  GThread *threads[G_N_ELEMENTS (appenders)];
  gint64 tree = ksp_store_add_standard (store, sample, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (appenders); i++)
    {
      appenders[i] = (Appender) { f->uri, ksp_node_get_id (sample), tree, 40, NULL };
      threads[i] = g_thread_new ("appender", append_many, &appenders[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (appenders); i++)
    {
      g_thread_join (threads[i]);
      g_assert_no_error (appenders[i].error);
    }
  all = ksp_store_list_log (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1 + 4 * 40);
  for (guint i = 1; i < all->len; i++)
    {
      KspLogEntry *e = all->pdata[i], *before = all->pdata[i - 1];
      g_assert_cmpint (e->id, >, before->id);
      g_assert_cmpstr (e->prev_hash, ==, before->hash);
    }
  {
    g_autoptr (KspStoreVerification) v = ksp_store_verify (store, &error);
    g_assert_no_error (error);
    g_assert_null (v->chain);
    g_assert_cmpuint (v->n_entries, ==, 161);
  }
}

static gpointer
open_create (gpointer data)
{
  GError *error = NULL;
  KspStore *store = ksp_store_open_uri (data, KSP_STORE_OPEN_CREATE, &error);

  if (store)
    g_object_unref (store);
  return error;
}

/* Two sessions making one new workspace at once: both open it, it is made once. */
static void
test_concurrent_create (Fixture       *f,
                        gconstpointer  data)
{
  GThread *a = g_thread_new ("a", open_create, f->uri);
  GThread *b = g_thread_new ("b", open_create, f->uri);
  g_autoptr (GError) error_a = g_thread_join (a);
  g_autoptr (GError) error_b = g_thread_join (b);
  g_autoptr (KspStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStoreVerification) v = NULL;

  g_assert_no_error (error_a);
  g_assert_no_error (error_b);
  store = ksp_test_open_store (f->uri, KSP_STORE_OPEN_DEFAULT);
  v = ksp_store_verify (store, &error);
  g_assert_no_error (error);
  g_assert_true (ksp_store_verification_ok (v));
  g_assert_cmpuint (v->n_entries, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  const char *template = g_getenv ("KASIP_TEST_STORE_URI_TEMPLATE");

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_setenv ("KASIP_USER", "tester", TRUE);
  if (template == NULL || !g_str_has_prefix (template, "postgresql:"))
    {
      g_test_skip ("no PostgreSQL server: run through tests/store/with-postgres.sh");
      return g_test_run ();
    }
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/postgresql/password-refused", test_password_refused);
  ADD ("/postgresql/not-a-workspace", test_not_a_workspace);
  ADD ("/postgresql/tampered", test_tampered);
  ADD ("/postgresql/concurrent-appends", test_concurrent_appends);
  ADD ("/postgresql/concurrent-create", test_concurrent_create);
  return g_test_run ();
}
