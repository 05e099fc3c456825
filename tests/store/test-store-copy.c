/* test-store-copy.c: ksp_store_copy between two workspace files (model/ksp-store-copy.h)
 *
 * Everything kept with its ID (the trees, the log entry by entry, comments and their threads, people,
 * justifications, reference data), the copy verifies; a destination that is not empty is refused and left
 * as it was; a copy that fails half-way (an insert refused by the destination) leaves it empty.
 * tests/store/check-workspace-copy.sh does the same through `kasip workspace copy` to PostgreSQL and back.
 */
#include "config.h"

#include <sqlite3.h>

#include "ksp-store-copy.h"
#include "ksp-test-store.h"
#include "ksp-test-util.h"

typedef struct
{
  char *dir;
  char *src_uri;
  gint64 draft;
  gint64 edition;
} Fixture;

static gint64
add_comment (KspStore   *store,
             const char *standard_id,
             const char *element_id,
             gint64      reply_to,
             const char *text)
{
  KspComment c = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 id;

  c.standard_id = (char *) standard_id;
  c.element_id = (char *) element_id;
  c.reply_to = reply_to;
  c.author = (char *) "tester";
  c.text = (char *) text;
  c.lang = KSP_LANG_NONE;
  g_assert_true (ksp_store_begin (store, &error));
  id = ksp_store_add_comment (store, &c, &error);
  g_assert_no_error (error);
  g_assert_true (ksp_store_commit (store, &error));
  return id;
}

/* A workspace with the sample: two edits, an edition, a comment thread (resolved), a person, a
 * justification, reference data. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspDocument) doc = NULL;
  KspEditionInfo info = { 0 };
  KspPerson person = { (char *) "dana", (char *) "Дана", (char *) "drafter", NULL };
  KspNode *card;
  const char *standard_id;
  gint64 thread;

  f->dir = g_dir_make_tmp ("kasip-copy-XXXXXX", &error);
  g_assert_no_error (error);
  f->src_uri = g_strdup_printf ("sqlite:%s/src.kasip", f->dir);
  doc = ksp_test_open_sample_document (f->src_uri, &store);
  f->draft = ksp_document_get_tree_id (doc);
  standard_id = ksp_node_get_id (ksp_document_get_root (doc));
  card = ksp_test_first_of_kind (ksp_document_get_root (doc), "card");
  g_assert_true (ksp_document_set_value (doc, card, "profession_name", KSP_LANG_KK, "Көмекші «жаңа»", &error));
  g_assert_no_error (error);
  info.standard_id = (char *) standard_id;
  info.date = (char *) "2024-04-30";
  info.act = (char *) "приказ от 30.04.2024 № 125";
  f->edition = ksp_store_create_edition (store, &info, &error);
  g_assert_no_error (error);
  g_assert_true (ksp_document_set_value (doc, card, "ork_level", KSP_LANG_NONE, "6", &error));
  thread = add_comment (store, standard_id, ksp_node_get_id (card), 0, "Тырнақшалар керек пе?");
  add_comment (store, standard_id, ksp_node_get_id (card), thread, "Иә");
  g_assert_true (ksp_store_begin (store, &error));
  g_assert_true (ksp_store_resolve_comment (store, thread, "tester", &error));
  g_assert_true (ksp_store_write_person (store, &person, &error));
  g_assert_true (ksp_store_put_reference (store, KSP_REFERENCE_ORK, "ork.txt", "ОРК 1–8", &error));
  g_assert_true (ksp_store_put_justification (store, standard_id, "added:x", KSP_LANG_RU, "Обоснование", &error));
  g_assert_true (ksp_store_commit (store, &error));
  g_assert_no_error (error);
  ksp_store_close (store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  ksp_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->src_uri);
}

static KspStore *
open_dst (Fixture    *f,
          const char *name)
{
  g_autofree char *uri = g_strdup_printf ("sqlite:%s/%s", f->dir, name);
  return ksp_test_open_store (uri, KSP_STORE_OPEN_CREATE);
}

static void
test_everything (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (KspStore) src = ksp_test_open_store (f->src_uri, KSP_STORE_OPEN_READ_ONLY);
  g_autoptr (KspStore) dst = open_dst (f, "dst.kasip");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) a = NULL, b = NULL;
  g_autoptr (KspStoreVerification) v = NULL;
  g_autoptr (GPtrArray) people = NULL, refs = NULL;
  g_autofree char *head_a = NULL, *head_b = NULL, *ork = NULL;
  KspStoreCopyReport report = { 0 };
  const char *standard_id;

  g_assert_true (ksp_store_copy (src, dst, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_documents, ==, 1);
  g_assert_cmpuint (report.n_editions, ==, 1);
  g_assert_cmpuint (report.n_comments, ==, 2);
  g_assert_cmpuint (report.n_people, ==, 1);
  g_assert_cmpuint (report.n_justifications, ==, 1);
  g_assert_cmpuint (report.n_references, ==, 1);

  /* the log entry by entry: IDs, trees, change sets, hashes */
  a = ksp_store_list_log (src, NULL, &error);
  b = ksp_store_list_log (dst, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_log_entries, ==, a->len);
  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpuint (a->len, >=, 4);   /* create, set, edition, set */
  for (guint i = 0; i < a->len; i++)
    {
      KspLogEntry *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);
      g_assert_cmpint (x->id, ==, y->id);
      g_assert_cmpint (x->tree_id, ==, y->tree_id);
      g_assert_cmpint (x->change_set, ==, y->change_set);
      g_assert_cmpstr (x->hash, ==, y->hash);
      g_assert_cmpuint (x->records->len, ==, y->records->len);
    }
  g_assert_true (KSP_STORE_GET_CLASS (src)->get_log_head (src, &head_a, NULL, &error));
  g_assert_true (KSP_STORE_GET_CLASS (dst)->get_log_head (dst, &head_b, NULL, &error));
  g_assert_cmpstr (head_a, ==, head_b);

  /* the trees under the same IDs */
  for (guint t = 0; t < 2; t++)
    {
      gint64 id = t ? f->edition : f->draft;
      g_autoptr (KspNode) x = ksp_store_load_tree (src, id, &error);
      g_autoptr (KspNode) y = ksp_store_load_tree (dst, id, &error);
      g_assert_no_error (error);
      ksp_test_assert_trees_equal (x, y);
    }
  standard_id = ((KspLogEntry *) g_ptr_array_index (a, 0))->standard_id;
  {
    g_autoptr (GPtrArray) editions = ksp_store_list_editions (dst, standard_id, &error);
    KspEditionInfo *e;
    g_assert_cmpuint (editions->len, ==, 1);
    e = g_ptr_array_index (editions, 0);
    g_assert_cmpint (e->tree_id, ==, f->edition);
    g_assert_cmpstr (e->act, ==, "приказ от 30.04.2024 № 125");
    g_assert_cmpstr (e->created_by, ==, "tester");
  }
  /* an edition stays immutable on the other side */
  g_assert_false (ksp_store_write_value (dst, f->edition, standard_id, "source", KSP_LANG_NONE, "x", &error));
  g_assert_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_IMMUTABLE);
  g_clear_error (&error);

  /* comments with their IDs, the thread and its resolution */
  {
    g_autoptr (GPtrArray) x = ksp_store_list_comments (src, standard_id, &error);
    g_autoptr (GPtrArray) y = ksp_store_list_comments (dst, standard_id, &error);
    g_assert_cmpuint (y->len, ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        KspComment *c = g_ptr_array_index (x, i), *d = g_ptr_array_index (y, i);
        g_assert_cmpint (c->id, ==, d->id);
        g_assert_cmpint (c->reply_to, ==, d->reply_to);
        g_assert_cmpstr (c->text, ==, d->text);
        g_assert_cmpstr (c->created_at, ==, d->created_at);
        g_assert_cmpstr (c->resolved_by, ==, d->resolved_by);
      }
  }
  people = ksp_store_list_people (dst, &error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (((KspPerson *) g_ptr_array_index (people, 0))->display_name, ==, "Дана");
  ork = ksp_store_get_reference (dst, KSP_REFERENCE_ORK, NULL, &error);
  g_assert_cmpstr (ork, ==, "ОРК 1–8");
  refs = ksp_store_list_justifications (dst, standard_id, &error);
  g_assert_cmpuint (refs->len, ==, 1);

  v = ksp_store_verify (dst, &error);
  g_assert_no_error (error);
  g_assert_true (ksp_store_verification_ok (v));
  g_assert_cmpuint (v->n_editions, ==, 1);
}

static gint64
count_log (KspStore *store)
{
  gint64 n = -1;
  g_assert_true (KSP_STORE_GET_CLASS (store)->get_log_head (store, NULL, &n, NULL));
  return n;
}

static void
test_not_empty (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (KspStore) src = ksp_test_open_store (f->src_uri, KSP_STORE_OPEN_READ_ONLY);
  g_autoptr (KspStore) dst = open_dst (f, "dst.kasip");
  g_autoptr (GError) error = NULL;
  KspStoreCopyReport report = { 0 };
  gint64 n;

  g_assert_true (ksp_store_copy (src, dst, NULL, &error));
  n = count_log (dst);
  g_assert_false (ksp_store_copy (src, dst, &report, &error));
  g_assert_error (error, KSP_STORE_COPY_ERROR, KSP_STORE_COPY_ERROR_NOT_EMPTY);
  g_assert_nonnull (strstr (error->message, "dst.kasip: not empty"));
  g_assert_cmpuint (report.n_log_entries, ==, n);
  g_assert_cmpuint (report.n_comments, ==, 2);
  g_assert_cmpint (count_log (dst), ==, n);
}

/* An insert refused half-way (here by a trigger of the test's on the log): nothing stays. */
static void
test_rolled_back (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (KspStore) src = ksp_test_open_store (f->src_uri, KSP_STORE_OPEN_READ_ONLY);
  g_autoptr (KspStore) dst = open_dst (f, "dst.kasip");
  g_autofree char *path = g_build_filename (f->dir, "dst.kasip", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) standards = NULL;
  sqlite3 *db = NULL;

  ksp_store_close (dst);
  g_clear_object (&dst);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER test_refuse BEFORE INSERT ON log WHEN NEW.id > 2"
                                     " BEGIN SELECT RAISE(ABORT, 'refused for the test'); END", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  dst = open_dst (f, "dst.kasip");
  g_assert_false (ksp_store_copy (src, dst, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "refused for the test"));
  g_assert_false (ksp_store_in_transaction (dst));
  standards = ksp_store_list_standards (dst, &error);
  g_assert_cmpuint (standards->len, ==, 0);
  g_assert_cmpint (count_log (dst), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/store-copy/everything", Fixture, NULL, fixture_setup, test_everything, fixture_teardown);
  g_test_add ("/store-copy/not-empty", Fixture, NULL, fixture_setup, test_not_empty, fixture_teardown);
  g_test_add ("/store-copy/rolled-back", Fixture, NULL, fixture_setup, test_rolled_back, fixture_teardown);
  return g_test_run ();
}
