/* bench-pg-figures: the figures of issue 17's "Done when" for a shared (PostgreSQL) workspace, with a
 * SQLite file as the peer
 *
 *   bench-pg-figures --pg-open URI --pg-list URI --document FILE [--analyze-command CMD]
 *                    [--sqlite-dir DIR] [--cards 30] [--runs 30] [--standards 1000] [--edits 200]
 *                    [--visible 50] [--visible-sqlite 10]
 *
 * Run by bench/run-pg-figures.sh (which makes a throw-away server and the two databases); not alone.
 * The same steps run on PostgreSQL (the two addresses: empty databases) and on two new SQLite files in
 * DIR (by default a new folder in /dev/shm, removed at the end), and each figure is printed for both
 * with the ratio PostgreSQL / SQLite (median and p95 of the runs, in ms):
 *
 *  1. Opening a 30-card standard. FILE (a published text, by default seed 000: one standard of 21 cards)
 *     is read as `kasip import` reads it, and its cards are duplicated in turn (ksp_structure_copy_new_ids,
 *     numbered on) until it has --cards; that document is stored. Each run then opens it as the editor
 *     does, from a new connection: ksp_store_open_uri + ksp_store_list_standards + ksp_document_open of its
 *     draft (which loads the tree); and, apart, ksp_store_load_tree of the draft on a connection already
 *     open.
 *  2. Listing 1 000 standards. A second workspace gets --standards copies of the sample standard
 *     (ksp_sample_new_document, each its own code) in one transaction (how long that took is printed);
 *     each run lists them with ksp_store_list_standards, from a new connection (open + list) and on one
 *     already open. Those figures are taken once the server has statistics of the new rows (ANALYZE, as
 *     autovacuum makes them soon after: --analyze-command); the listing right before, without them, is
 *     printed too (the planner then misjudges the joins).
 *  3. One edit round trip. On the draft of 1, opened as in 1, --edits edits of one value (the first card's
 *     profession name in Russian, two texts in turn) with ksp_document_set_value: the whole step (the
 *     standard's lock, bringing in others' entries, the write, the log entry, the commit). Then --visible
 *     edits more while another session watches (a second connection, a KspWorkspace with the draft open,
 *     ksp_workspace_watch, the main loop run) until ksp_document_get_revision of its draft is the
 *     writer's: the time from the start of the edit, and from its return, until the other session holds
 *     it. Each watched edit starts after a random pause (up to 250 ms, the watch's tick; on SQLite 2.2 s)
 *     with the main loop running, so that edits do not fall in step with the watch. On SQLite the other
 *     session is read-only (one writer per file) and learns of changes only by the watch's poll of the
 *     revisions every 2 s: fewer edits there (--visible-sqlite).
 *
 * The SQLite peer is on tmpfs by default, as the throw-away server runs with fsync=off: neither waits for
 * a disk. --sqlite-dir on a disk gives SQLite's own fsync at each commit (synchronous = FULL).
 * Exits 1 when a step fails.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ksp-document.h"
#include "ksp-read-any.h"
#include "ksp-sample.h"
#include "ksp-store.h"
#include "ksp-structure.h"
#include "ksp-workspace.h"

#define VISIBLE_TIMEOUT_US (5 * G_USEC_PER_SEC)

typedef struct
{
  const char *label;   /* a format: %u the cards or the standards */
  GArray     *ms[2];   /* (element-type double): [0] PostgreSQL, [1] SQLite */
} Figure;

enum {
  F_OPEN,
  F_OPEN_URI,
  F_OPEN_LIST,
  F_OPEN_DOC,
  F_LOAD_TREE,
  F_LIST_FRESH,
  F_LIST_WARM,
  F_LIST_STALE,
  F_EDIT,
  F_SEEN,
  F_SEEN_AFTER,
  N_FIGURES
};

static Figure figures[N_FIGURES] = {
  [F_OPEN]       = { "open a %u-card standard (new connection)" },
  [F_OPEN_URI]   = { "  of which ksp_store_open_uri" },
  [F_OPEN_LIST]  = { "  of which ksp_store_list_standards" },
  [F_OPEN_DOC]   = { "  of which ksp_document_open (load_tree)" },
  [F_LOAD_TREE]  = { "load_tree of its draft alone (open connection)" },
  [F_LIST_FRESH] = { "list %u standards (new connection)" },
  [F_LIST_WARM]  = { "list %u standards (open connection)" },
  [F_LIST_STALE] = { "  the same before ANALYZE (right after making)" },
  [F_EDIT]       = { "one edit round trip (set_value, committed)" },
  [F_SEEN]       = { "seen by another session, from the edit's start" },
  [F_SEEN_AFTER] = { "  from the edit's return" },
};

typedef struct
{
  const char *name;
  char       *uri_open;
  char       *uri_list;
  gboolean    watcher_read_only;
  guint       n_visible;
  guint       pause_max_ms;   /* before each watched edit: a random pause up to this */
  const char *analyze_command; /* (nullable) run once the workspaces are made: the server's statistics */

  /* what was made */
  char       *standard_id;
  gint64      draft_tree;
  guint       n_elements;
  guint       n_values;
  guint       n_cards;
  guint       n_listed;
  double      make_open_ms;
  double      make_list_ms;
} Backend;

typedef struct
{
  const char *document;
  guint       n_cards;
  guint       n_runs;
  guint       n_standards;
  guint       n_edits;
} Options;

static double
ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

static void
record (guint   figure,
        guint   backend,
        double  ms)
{
  g_array_append_val (figures[figure].ms[backend], ms);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y ? 1 : 0;
}

/* Nearest rank on a sorted array; the median of an even count is the mean of the middle two. */
static double
percentile (GArray *sorted,
            double  p)
{
  guint n = sorted->len;

  if (n == 0)
    return 0;
  if (p == 0.5 && n % 2 == 0)
    return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
  return g_array_index (sorted, double, MIN ((guint) (p * (n - 1) + 0.5), n - 1));
}

/* ---------------------------------------------------------------------------------------------- */
/* counting                                                                                        */

static void
count_value (KspNode    *node,
             const char *field,
             KspLang     lang,
             const char *value,
             gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
count_tree (KspNode *node,
            guint   *n_elements,
            guint   *n_values,
            guint   *n_cards)
{
  (*n_elements)++;
  *n_cards += g_str_equal (ksp_node_get_kind (node), "card");
  ksp_node_foreach_value (node, count_value, n_values);
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    count_tree (ksp_node_get_child (node, i), n_elements, n_values, n_cards);
}

/* ---------------------------------------------------------------------------------------------- */
/* the documents                                                                                   */

/* The element holding the most cards. */
static KspNode *
find_card_holder (KspNode *node,
                  guint   *out_n)
{
  KspNode *best = NULL;
  guint best_n = 0, n = 0;

  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    {
      KspNode *child = ksp_node_get_child (node, i);
      guint below = 0;
      KspNode *holder;

      n += g_str_equal (ksp_node_get_kind (child), "card");
      holder = find_card_holder (child, &below);
      if (holder && below > best_n)
        {
          best = holder;
          best_n = below;
        }
    }
  if (n > 0 && n >= best_n)
    {
      best = node;
      best_n = n;
    }
  *out_n = best_n;
  return best;
}

/* FILE as `kasip import` reads it, its cards duplicated in turn (new IDs, numbered on) up to @n_cards. */
static KspNode *
make_document (const Options *options,
               guint         *out_duplicated,
               GError       **error)
{
  g_autoptr (KspImportReport) report = NULL;
  g_autoptr (KspNode) root = ksp_read_any_file (options->document, &report, error);
  g_autoptr (GPtrArray) originals = g_ptr_array_new_with_free_func (g_object_unref);
  KspNode *holder;
  guint n = 0, last_number = 0, duplicated = 0;

  if (root == NULL)
    return NULL;
  holder = find_card_holder (root, &n);
  if (holder == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: no cards", options->document);
      return NULL;
    }
  for (guint i = 0; i < ksp_node_get_n_children (holder); i++)
    {
      KspNode *child = ksp_node_get_child (holder, i);
      if (g_str_equal (ksp_node_get_kind (child), "card"))
        {
          const char *number = ksp_node_get_number (child);
          g_ptr_array_add (originals, g_object_ref (child));
          if (number && g_ascii_isdigit (*number))
            last_number = MAX (last_number, (guint) g_ascii_strtoull (number, NULL, 10));
        }
    }
  for (guint i = 0; n < options->n_cards; i++, n++, duplicated++)
    {
      KspNode *original = g_ptr_array_index (originals, i % originals->len);
      g_autoptr (KspNode) twin = ksp_structure_copy_new_ids (original);
      g_autofree char *number = g_strdup_printf ("%u.", ++last_number);
      guint position = 0;

      ksp_node_set_number (twin, number);
      /* after the last card, before whatever follows the cards */
      ksp_node_find_child (holder, g_ptr_array_index (originals, originals->len - 1), &position);
      ksp_node_insert_child (holder, position + 1 + duplicated, twin);
    }
  *out_duplicated = duplicated;
  return g_steal_pointer (&root);
}

static void
recode (KspNode *document,
        guint    copy)
{
  KspNode *standard = ksp_node_find_first_of_kind (document, "standard");
  g_autofree char *code = g_strdup_printf ("Q881%05u", copy);

  if (standard)
    ksp_node_set_value (standard, "code", KSP_LANG_NONE, code);
}

/* ---------------------------------------------------------------------------------------------- */
/* the steps                                                                                       */

static gboolean
make_workspaces (Backend       *b,
                 const Options *options,
                 GError       **error)
{
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspNode) root = NULL;
  g_autoptr (GPtrArray) standards = NULL;
  guint duplicated = 0;
  gint64 start;

  if (!(root = make_document (options, &duplicated, error)))
    return FALSE;
  count_tree (root, &b->n_elements, &b->n_values, &b->n_cards);
  if (!(store = ksp_store_open_uri (b->uri_open, KSP_STORE_OPEN_CREATE, error)))
    return FALSE;
  start = g_get_monotonic_time ();
  if (ksp_store_add_standard (store, root, error) <= 0)
    return FALSE;
  b->make_open_ms = ms_since (start);
  if (!(standards = ksp_store_list_standards (store, error)))
    return FALSE;
  if (standards->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the standard was not listed");
      return FALSE;
    }
  b->standard_id = g_strdup (((KspStandardInfo *) standards->pdata[0])->standard_id);
  b->draft_tree = ((KspStandardInfo *) standards->pdata[0])->draft_tree;
  ksp_store_close (store);
  g_clear_object (&store);
  g_clear_pointer (&standards, g_ptr_array_unref);

  if (!(store = ksp_store_open_uri (b->uri_list, KSP_STORE_OPEN_CREATE, error)))
    return FALSE;
  start = g_get_monotonic_time ();
  if (!ksp_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < options->n_standards; i++)
    {
      g_autoptr (KspNode) sample = ksp_sample_new_document ();

      recode (sample, i + 1);
      if (ksp_store_add_standard (store, sample, error) <= 0)
        {
          ksp_store_rollback (store);
          return FALSE;
        }
    }
  if (!ksp_store_commit (store, error))
    return FALSE;
  b->make_list_ms = ms_since (start);
  ksp_store_close (store);
  return TRUE;
}

static gboolean
bench_open (Backend       *b,
            guint          bi,
            const Options *options,
            GError       **error)
{
  g_autoptr (KspStore) warm = NULL;

  for (guint run = 0; run < options->n_runs; run++)
    {
      g_autoptr (KspStore) store = NULL;
      g_autoptr (GPtrArray) standards = NULL;
      g_autoptr (KspDocument) doc = NULL;
      gint64 t0 = g_get_monotonic_time (), t1, t2;
      gint64 draft = 0;

      if (!(store = ksp_store_open_uri (b->uri_open, KSP_STORE_OPEN_DEFAULT, error)))
        return FALSE;
      t1 = g_get_monotonic_time ();
      if (!(standards = ksp_store_list_standards (store, error)))
        return FALSE;
      for (guint i = 0; i < standards->len; i++)
        if (g_strcmp0 (((KspStandardInfo *) standards->pdata[i])->standard_id, b->standard_id) == 0)
          draft = ((KspStandardInfo *) standards->pdata[i])->draft_tree;
      t2 = g_get_monotonic_time ();
      if (!(doc = ksp_document_open (store, draft, error)))
        return FALSE;
      record (F_OPEN, bi, ms_since (t0));
      record (F_OPEN_URI, bi, (double) (t1 - t0) / 1000.0);
      record (F_OPEN_LIST, bi, (double) (t2 - t1) / 1000.0);
      record (F_OPEN_DOC, bi, ms_since (t2));
      g_clear_object (&doc);
      ksp_store_close (store);
    }

  if (!(warm = ksp_store_open_uri (b->uri_open, KSP_STORE_OPEN_DEFAULT, error)))
    return FALSE;
  for (guint run = 0; run < options->n_runs; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr (KspNode) root = ksp_store_load_tree (warm, b->draft_tree, error);
      double ms = ms_since (t0);

      if (root == NULL)
        return FALSE;
      record (F_LOAD_TREE, bi, ms);
      if (run == 0)
        {
          guint e = 0, v = 0, c = 0;
          count_tree (root, &e, &v, &c);
          if (e != b->n_elements || v != b->n_values || c != b->n_cards)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "the loaded tree has %u elements, %u values, %u cards; %u, %u, %u were stored", e, v, c,
                           b->n_elements, b->n_values, b->n_cards);
              return FALSE;
            }
        }
    }
  ksp_store_close (warm);
  return TRUE;
}

static gboolean
bench_list (Backend       *b,
            guint          bi,
            const Options *options,
            GError       **error)
{
  g_autoptr (KspStore) warm = NULL;

  for (guint run = 0; run < options->n_runs; run++)
    {
      g_autoptr (KspStore) store = NULL;
      g_autoptr (GPtrArray) standards = NULL;
      gint64 t0 = g_get_monotonic_time ();

      if (!(store = ksp_store_open_uri (b->uri_list, KSP_STORE_OPEN_DEFAULT, error)) ||
          !(standards = ksp_store_list_standards (store, error)))
        return FALSE;
      record (F_LIST_FRESH, bi, ms_since (t0));
      b->n_listed = standards->len;
      ksp_store_close (store);
    }
  if (!(warm = ksp_store_open_uri (b->uri_list, KSP_STORE_OPEN_DEFAULT, error)))
    return FALSE;
  for (guint run = 0; run < options->n_runs; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr (GPtrArray) standards = ksp_store_list_standards (warm, error);

      if (standards == NULL)
        return FALSE;
      record (F_LIST_WARM, bi, ms_since (t0));
    }
  ksp_store_close (warm);
  if (b->n_listed != options->n_standards)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%u standards listed, %u made", b->n_listed,
                   options->n_standards);
      return FALSE;
    }
  return TRUE;
}

/* Listing right after the standards were stored: on PostgreSQL before the server has statistics of the new
 * rows (autovacuum's ANALYZE comes within a minute or so); then the statistics are made. */
static gboolean
bench_list_stale (Backend       *b,
                  guint          bi,
                  const Options *options,
                  GError       **error)
{
  g_autoptr (KspStore) warm = ksp_store_open_uri (b->uri_list, KSP_STORE_OPEN_DEFAULT, error);
  g_autofree char *err = NULL;
  int status = 0;

  if (warm == NULL)
    return FALSE;
  for (guint run = 0; run < options->n_runs; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr (GPtrArray) standards = ksp_store_list_standards (warm, error);

      if (standards == NULL)
        return FALSE;
      record (F_LIST_STALE, bi, ms_since (t0));
    }
  ksp_store_close (warm);
  if (b->analyze_command == NULL)
    return TRUE;
  if (!g_spawn_command_line_sync (b->analyze_command, NULL, &err, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "%s: %s", b->analyze_command, err ? err : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static gboolean
bench_edit (Backend       *b,
            guint          bi,
            const Options *options,
            GError       **error)
{
  static const char *const texts[] = { "Специалист по социальной работе (правка А)",
                                       "Специалист по социальной работе (правка Б)" };
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspDocument) doc = NULL;
  g_autoptr (KspStore) watcher_store = NULL;
  g_autoptr (KspWorkspace) ws = NULL;
  g_autoptr (KspDocument) watched = NULL;
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr (GRand) rand = g_rand_new_with_seed (17);
  KspNode *card;
  const char *card_id;
  guint edit = 0;

  if (!(store = ksp_store_open_uri (b->uri_open, KSP_STORE_OPEN_DEFAULT, error)) ||
      !(doc = ksp_document_open (store, b->draft_tree, error)))
    return FALSE;
  card = ksp_node_find_first_of_kind (ksp_document_get_root (doc), "card");
  card_id = ksp_node_get_id (card);
  for (guint i = 0; i < options->n_edits; i++, edit++)
    {
      gint64 t0 = g_get_monotonic_time ();

      if (!ksp_document_set_value (doc, ksp_document_lookup (doc, card_id), "profession_name", KSP_LANG_RU,
                                   texts[edit % 2], error))
        return FALSE;
      record (F_EDIT, bi, ms_since (t0));
    }

  /* another session, watching */
  if (!(watcher_store = ksp_store_open_uri (b->uri_open,
                                            b->watcher_read_only ? KSP_STORE_OPEN_READ_ONLY : KSP_STORE_OPEN_DEFAULT,
                                            error)))
    return FALSE;
  ws = ksp_workspace_new (watcher_store);
  if (!(watched = ksp_workspace_open_draft (ws, b->draft_tree, error)))
    return FALSE;
  ksp_workspace_watch (ws, TRUE);
  /* its first tick starts listening */
  g_timeout_add (300, quit_loop, loop);
  g_main_loop_run (loop);
  for (guint i = 0; i < b->n_visible; i++, edit++)
    {
      gint64 t0, t1, until;
      gint64 revision;

      /* at a random moment of the watch's period (its tick, on SQLite its poll), the main loop running */
      g_timeout_add ((guint) g_rand_int_range (rand, 0, (gint32) b->pause_max_ms), quit_loop, loop);
      g_main_loop_run (loop);
      t0 = g_get_monotonic_time ();

      if (!ksp_document_set_value (doc, ksp_document_lookup (doc, card_id), "profession_name", KSP_LANG_RU,
                                   texts[edit % 2], error))
        return FALSE;
      t1 = g_get_monotonic_time ();
      revision = ksp_document_get_revision (doc);
      until = t1 + VISIBLE_TIMEOUT_US;
      while (ksp_document_get_revision (watched) < revision && g_get_monotonic_time () < until)
        /* one iteration at a time, blocking until a source is ready: the store's socket, the watch's tick */
        g_main_context_iteration (NULL, TRUE);
      if (ksp_document_get_revision (watched) < revision)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "the other session did not see edit %u in %d s", i + 1,
                       (int) (VISIBLE_TIMEOUT_US / G_USEC_PER_SEC));
          return FALSE;
        }
      record (F_SEEN, bi, ms_since (t0));
      record (F_SEEN_AFTER, bi, ms_since (t1));
      if (g_strcmp0 (ksp_node_get_value (ksp_document_lookup (watched, card_id), "profession_name", KSP_LANG_RU),
                     texts[edit % 2]) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the other session's draft does not hold edit %u", i + 1);
          return FALSE;
        }
    }
  ksp_workspace_watch (ws, FALSE);
  g_clear_object (&watched);
  ksp_workspace_close (ws);
  g_clear_object (&doc);
  ksp_store_close (store);
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------- */

static void
print_table (Backend       *backends,
             const Options *options)
{
  printf ("\n%-50s %5s  %21s  %21s  %13s\n", "", "", "PostgreSQL (socket)", "SQLite file", "PG / SQLite");
  printf ("%-50s %5s  %10s %10s  %10s %10s  %6s %6s\n", "ms", "runs", "median", "p95", "median", "p95", "median",
          "p95");
  for (guint f = 0; f < N_FIGURES; f++)
    {
      double med[2], p95[2];
      char runs[32], label[80];

      for (guint bi = 0; bi < 2; bi++)
        {
          g_array_sort (figures[f].ms[bi], compare_double);
          med[bi] = percentile (figures[f].ms[bi], 0.5);
          p95[bi] = percentile (figures[f].ms[bi], 0.95);
        }
      if (figures[f].ms[0]->len == figures[f].ms[1]->len)
        g_snprintf (runs, sizeof runs, "%u", figures[f].ms[0]->len);
      else
        g_snprintf (runs, sizeof runs, "%u/%u", figures[f].ms[0]->len, figures[f].ms[1]->len);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_snprintf (label, sizeof label, figures[f].label, f == F_OPEN ? options->n_cards : options->n_standards);
#pragma GCC diagnostic pop
      printf ("%-50s %5s  %10.2f %10.2f  %10.2f %10.2f  %6.3g %6.3g\n", label, runs, med[0], p95[0], med[1], p95[1], med[1] > 0 ? med[0] / med[1] : 0.0, p95[1] > 0 ? p95[0] / p95[1] : 0.0);
    }
  printf ("\nmaking them (once): the %u-card standard stored in %.1f ms (PostgreSQL), %.1f ms (SQLite); "
          "%u standards in one transaction in %.2f s (PostgreSQL), %.2f s (SQLite)\n", options->n_cards,
          backends[0].make_open_ms, backends[1].make_open_ms, options->n_standards, backends[0].make_list_ms / 1000.0,
          backends[1].make_list_ms / 1000.0);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *pg_open = NULL, *pg_list = NULL, *document = NULL, *sqlite_dir = NULL, *analyze_command = NULL;
  int n_cards = 30, n_runs = 30, n_standards = 1000, n_edits = 200, n_visible = 50, n_visible_sqlite = 10;
  GOptionEntry entries[] = {
    { "pg-open", 0, 0, G_OPTION_ARG_STRING, &pg_open, "An empty PostgreSQL workspace for the standard", "URI" },
    { "pg-list", 0, 0, G_OPTION_ARG_STRING, &pg_list, "An empty PostgreSQL workspace for the list", "URI" },
    { "document", 0, 0, G_OPTION_ARG_FILENAME, &document, "The published text the standard is made of", "FILE" },
    { "analyze-command", 0, 0, G_OPTION_ARG_STRING, &analyze_command,
      "Makes the server's statistics of the two databases (after the first listing)", "CMD" },
    { "sqlite-dir", 0, 0, G_OPTION_ARG_FILENAME, &sqlite_dir, "Where the SQLite files go (a new folder in /dev/shm)",
      "DIR" },
    { "cards", 0, 0, G_OPTION_ARG_INT, &n_cards, "Cards of the standard (30)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Runs of each opening and listing (30)", "N" },
    { "standards", 0, 0, G_OPTION_ARG_INT, &n_standards, "Standards to list (1000)", "N" },
    { "edits", 0, 0, G_OPTION_ARG_INT, &n_edits, "Edits timed (200)", "N" },
    { "visible", 0, 0, G_OPTION_ARG_INT, &n_visible, "Edits watched by another session, PostgreSQL (50)", "N" },
    { "visible-sqlite", 0, 0, G_OPTION_ARG_INT, &n_visible_sqlite, "The same on SQLite (10)", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- figures of a shared workspace against a file");
  g_autoptr (GError) error = NULL;
  g_autofree char *made_dir = NULL;
  Options options;
  Backend backends[2] = { { 0 } };
  gint64 t0 = g_get_monotonic_time ();

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (pg_open == NULL || pg_list == NULL || document == NULL || n_cards <= 0 || n_runs <= 0 || n_standards <= 0 ||
      n_edits <= 0 || n_visible <= 0 || n_visible_sqlite <= 0)
    {
      g_printerr ("usage: bench-pg-figures --pg-open URI --pg-list URI --document FILE [--cards N] [--runs N] …"
                  " (run by bench/run-pg-figures.sh)\n");
      return 2;
    }
  if (sqlite_dir == NULL)
    {
      made_dir = g_build_filename (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir (),
                                   "kasip-figures-XXXXXX", NULL);
      if (g_mkdtemp (made_dir) == NULL)
        {
          g_printerr ("%s: cannot make the folder\n", made_dir);
          return 1;
        }
      sqlite_dir = g_strdup (made_dir);
    }
  options = (Options) { document, (guint) n_cards, (guint) n_runs, (guint) n_standards, (guint) n_edits };
  for (guint i = 0; i < N_FIGURES; i++)
    for (guint bi = 0; bi < 2; bi++)
      figures[i].ms[bi] = g_array_new (FALSE, FALSE, sizeof (double));

  backends[0] = (Backend) { .name = "PostgreSQL", .uri_open = g_strdup (pg_open), .uri_list = g_strdup (pg_list),
                            .n_visible = (guint) n_visible, .pause_max_ms = 250,
                            .analyze_command = analyze_command };
  backends[1] = (Backend) { .name = "SQLite", .uri_open = g_build_filename (sqlite_dir, "open.kasip", NULL),
                            .uri_list = g_build_filename (sqlite_dir, "list.kasip", NULL),
                            .watcher_read_only = TRUE, .n_visible = (guint) n_visible_sqlite, .pause_max_ms = 2200 };

  for (guint bi = 0; bi < 2; bi++)
    {
      Backend *b = &backends[bi];
      const char *step = "making the workspaces";

      printf ("%s: %s, %s\n", b->name, b->uri_open, b->uri_list);
      fflush (stdout);
      if (!make_workspaces (b, &options, &error) ||
          !(step = "listing before the statistics", bench_list_stale (b, bi, &options, &error)) ||
          !(step = "opening", bench_open (b, bi, &options, &error)) ||
          !(step = "listing", bench_list (b, bi, &options, &error)) ||
          !(step = "editing", bench_edit (b, bi, &options, &error)))
        {
          g_printerr ("%s, %s: %s\n", b->name, step, error->message);
          return 1;
        }
    }

  printf ("\nthe standard: %s (its cards duplicated up to %u), %u cards, %u elements, %u values; "
          "the draft opened %u times from a new connection and loaded %u times on an open one\n",
          options.document, options.n_cards, backends[0].n_cards, backends[0].n_elements, backends[0].n_values,
          options.n_runs, options.n_runs);
  printf ("the list: %u standards (the sample, each its own code), listed %u times each way\n", options.n_standards,
          options.n_runs);
  printf ("the edits: %u timed, then %u (PostgreSQL) and %u (SQLite) more watched by another session (on SQLite "
          "read-only, one writer per file, polling the revisions every 2 s)\n",
          options.n_edits, backends[0].n_visible, backends[1].n_visible);
  printf ("SQLite files in %s\n", sqlite_dir);
  print_table (backends, &options);
  printf ("total time: %.1f s\n", ms_since (t0) / 1000.0);

  for (guint bi = 0; bi < 2; bi++)
    {
      if (bi == 1 && made_dir)
        {
          const char *const suffixes[] = { "", "-wal", "-shm", "-journal", NULL };
          for (guint s = 0; suffixes[s]; s++)
            {
              g_autofree char *a = g_strconcat (backends[1].uri_open, suffixes[s], NULL);
              g_autofree char *l = g_strconcat (backends[1].uri_list, suffixes[s], NULL);
              g_remove (a);
              g_remove (l);
            }
        }
      g_free (backends[bi].uri_open);
      g_free (backends[bi].uri_list);
      g_free (backends[bi].standard_id);
    }
  if (made_dir)
    g_rmdir (made_dir);
  return 0;
}
