/* What only the PostgreSQL backend does (the contract, tests/store/test-store-contract.c, is what both do):
 * addresses with a password refused without showing it; databases that are not workspaces; the server's
 * protection of editions and the log tampered with (a trigger dropped, disabled, its function rewritten)
 * found by verify and making sessions read-only; sessions appending to the log at once, chained one after
 * the other; two sessions making one new workspace at once; another session's edit seen within a second
 * (LISTEN/NOTIFY through KspWorkspace); a second writer of one standard waiting for the first and then
 * told of the conflict. Run by with-postgres.sh (a server of its own). */
#include "config.h"

#include <locale.h>

#include "ksp-sample.h"
#include "ksp-store.h"
#include "ksp-workspace.h"
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

typedef struct
{
  char    *standard_id;
  guint    what;
  gint64   at;   /* g_get_monotonic_time () of the first ::changed for the standard */
} Seen;

static void
on_workspace_changed (KspWorkspace *ws,
                      const char   *standard_id,
                      guint         what,
                      Seen         *seen)
{
  if (seen->at == 0 && g_strcmp0 (standard_id, seen->standard_id) == 0)
    {
      seen->what = what;
      seen->at = g_get_monotonic_time ();
    }
}

static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* Issue 17.4: an edit in one session appears in another's open draft within a second, with ::changed; a
 * session is not told of its own edits. */
static void
test_live_updates (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (KspStore) store_a = NULL;
  g_autoptr (KspDocument) doc_a = ksp_test_open_sample_document (f->uri, &store_a);
  g_autoptr (KspStore) store_b = ksp_test_open_store (f->uri, KSP_STORE_OPEN_DEFAULT);
  g_autoptr (KspWorkspace) ws_b = ksp_workspace_new (store_b);
  g_autoptr (KspDocument) doc_b = NULL;
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) own = NULL;
  KspNode *card = ksp_test_first_of_kind (ksp_document_get_root (doc_a), "card");
  Seen seen = { (char *) ksp_node_get_id (ksp_document_get_root (doc_a)), 0, 0 };
  gint64 start;
  guint timeout;

  doc_b = ksp_workspace_open_draft (ws_b, ksp_document_get_tree_id (doc_a), &error);
  g_assert_no_error (error);
  g_signal_connect (ws_b, "changed", G_CALLBACK (on_workspace_changed), &seen);
  ksp_workspace_watch (ws_b, TRUE);
  g_assert_cmpint (ksp_store_get_watch_fd (store_a), >=, 0);   /* A listens too */
  /* let B's first tick start listening before A writes */
  timeout = g_timeout_add (300, quit_loop, loop);
  g_main_loop_run (loop);

  start = g_get_monotonic_time ();
  g_assert_true (ksp_document_set_value (doc_a, card, "profession_name", KSP_LANG_KK, "Жаңа атау (A)", &error));
  g_assert_no_error (error);
  timeout = g_timeout_add (3000, quit_loop, loop);
  while (seen.at == 0 && g_get_monotonic_time () - start < 3 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  g_assert_cmpint (seen.at, >, 0);
  g_test_message ("another session's edit seen after %.0f ms", (seen.at - start) / 1000.0);
  g_assert_cmpint (seen.at - start, <, G_USEC_PER_SEC);
  g_assert_true (seen.what & KSP_WORKSPACE_CHANGED_LOG);
  g_assert_cmpstr (ksp_node_get_value (ksp_document_lookup (doc_b, ksp_node_get_id (card)), "profession_name",
                                       KSP_LANG_KK), ==, "Жаңа атау (A)");
  g_assert_cmpint (ksp_document_get_revision (doc_b), ==, ksp_document_get_revision (doc_a));
  /* A's own edit is not announced back to A */
  own = ksp_store_take_notifications (store_a);
  g_assert_null (own);
  ksp_workspace_watch (ws_b, FALSE);
}

typedef struct
{
  KspDocument *doc;
  KspNode     *card;
  GError      *error;
  gboolean     ok;
  gint64       waited;
} Writer;

static gpointer
write_b (gpointer data)
{
  Writer *w = data;
  gint64 start = g_get_monotonic_time ();

  w->ok = ksp_document_set_value (w->doc, w->card, "profession_name", KSP_LANG_RU, "Вариант B", &w->error);
  w->waited = g_get_monotonic_time () - start;
  return NULL;
}

/* Issue 17.3: the second writer of a standard waits for the first (the standard's lock) and, having not
 * seen its change, is told of the conflict with who and what; the first's value stays. */
static void
test_writer_lock (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (KspStore) store_a = NULL;
  g_autoptr (KspDocument) doc_a = ksp_test_open_sample_document (f->uri, &store_a);
  g_autoptr (KspStore) store_b = ksp_test_open_store (f->uri, KSP_STORE_OPEN_DEFAULT);
  g_autoptr (KspDocument) doc_b = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) reader = NULL;
  g_autoptr (KspNode) stored = NULL;
  KspNode *card = ksp_test_first_of_kind (ksp_document_get_root (doc_a), "card");
  const char *standard_id = ksp_node_get_id (ksp_document_get_root (doc_a));
  Writer w = { 0 };
  GThread *thread;

  doc_b = ksp_document_open (store_b, ksp_document_get_tree_id (doc_a), &error);
  g_assert_no_error (error);
  ksp_document_set_user (doc_b, "tester-b");
  w.doc = doc_b;
  w.card = ksp_document_lookup (doc_b, ksp_node_get_id (card));

  /* A holds the standard's lock while B tries to write */
  g_assert_true (ksp_store_begin (store_a, &error));
  g_assert_true (ksp_store_lock_standard (store_a, standard_id, &error));
  thread = g_thread_new ("b", write_b, &w);
  g_usleep (400 * 1000);
  g_assert_true (ksp_document_set_value (doc_a, card, "profession_name", KSP_LANG_RU, "Вариант A", &error));
  g_assert_no_error (error);
  g_assert_true (ksp_store_commit (store_a, &error));
  g_thread_join (thread);

  g_assert_cmpint (w.waited, >=, 350 * 1000);
  g_assert_false (w.ok);
  g_assert_error (w.error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_CONFLICT);
  g_clear_error (&w.error);
  g_assert_cmpstr (ksp_document_get_conflict (doc_b)->theirs, ==, "Вариант A");
  g_assert_cmpstr (ksp_document_get_conflict (doc_b)->mine, ==, "Вариант B");
  g_assert_cmpstr (ksp_document_get_conflict (doc_b)->author, ==, ksp_document_get_user (doc_a));
  g_assert_cmpstr (ksp_node_get_value (w.card, "profession_name", KSP_LANG_RU), ==, "Вариант A");
  reader = ksp_test_open_store (f->uri, KSP_STORE_OPEN_READ_ONLY);
  stored = ksp_store_load_tree (reader, ksp_document_get_tree_id (doc_a), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ksp_node_get_value (ksp_node_find_descendant (stored, ksp_node_get_id (card)), "profession_name",
                                       KSP_LANG_RU), ==, "Вариант A");
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
  ADD ("/postgresql/live-updates", test_live_updates);
  ADD ("/postgresql/writer-lock", test_writer_lock);
  return g_test_run ();
}
