/* store-fixture.h: a workspace for each test at the URI the template names (tests/store)
 *
 * KASIP_TEST_STORE_URI_TEMPLATE: "@DIR@" a new temporary folder, "@DB@" a new PostgreSQL database made with
 * createdb and dropped (dropdb --force) after the test; by default "sqlite:@DIR@/ws.kasip". raw_sql() runs
 * SQL behind the store's back, as another program would (the sqlite3 library, psql).
 */
#pragma once

#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "ksp-test-util.h"

typedef struct
{
  char     *dir;
  char     *db;   /* (nullable) the PostgreSQL database made for the test */
  char     *uri;
  gboolean  pg;
} Fixture;

static guint n_databases;

static gboolean
run_tool (const char *const *argv,
          char              **out_err)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                     &err, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (out_err)
    {
      g_free (*out_err);   /* what the tool said before */
      *out_err = g_steal_pointer (&err);
    }
  return g_spawn_check_wait_status (status, NULL);
}

static char *
replace (const char *text,
         const char *what,
         const char *with)
{
  g_auto (GStrv) parts = g_strsplit (text, what, -1);
  return g_strjoinv (with, parts);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char *template = g_getenv ("KASIP_TEST_STORE_URI_TEMPLATE");
  g_autofree char *with_dir = NULL;

  if (template == NULL || *template == '\0')
    template = "sqlite:@DIR@/ws.kasip";
  f->dir = g_dir_make_tmp ("kasip-contract-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  with_dir = replace (template, "@DIR@", f->dir);
  if (strstr (with_dir, "@DB@"))
    {
      g_autofree char *err = NULL;
      f->db = g_strdup_printf ("kasip_contract_%d_%u", (int) getpid (), ++n_databases);
      if (!run_tool ((const char *const[]) { "createdb", f->db, NULL }, &err))
        g_error ("createdb %s: %s", f->db, err);
    }
  f->uri = replace (with_dir, "@DB@", f->db ? f->db : "");
  f->pg = g_str_has_prefix (f->uri, "postgresql:") || g_str_has_prefix (f->uri, "postgres:");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->db)
    {
      g_autofree char *err = NULL;
      if (!run_tool ((const char *const[]) { "dropdb", "--force", f->db, NULL }, &err))
        g_error ("dropdb %s: %s", f->db, err);
    }
  ksp_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->uri);
}

/* Raw SQL from another program (the sqlite3 shell, psql), behind the store's back. Returns whether it ran;
 * what it said is in @out_err (NULL or a string of before, replaced). */
static gboolean
raw_sql (Fixture    *f,
         const char *sql,
         char      **out_err)
{
  if (f->pg)
    return run_tool ((const char *const[]) { "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", f->uri, "-c", sql, NULL },
                     out_err);
  else
    {
      sqlite3 *db = NULL;
      char *msg = NULL;
      int rc;

      g_assert_cmpint (sqlite3_open (f->uri + strlen ("sqlite:"), &db), ==, SQLITE_OK);
      sqlite3_busy_timeout (db, 2000);
      rc = sqlite3_exec (db, sql, NULL, NULL, &msg);
      if (out_err)
        {
          g_free (*out_err);
          *out_err = g_strdup (msg ? msg : "");
        }
      sqlite3_free (msg);
      sqlite3_close (db);
      return rc == SQLITE_OK;
    }
}

