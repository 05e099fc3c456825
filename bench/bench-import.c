/* Import speed: reading each published text into the model (cleaning, parsing, building elements),
 * and the whole path into a workspace file. Prints figures; it is a benchmark, not a test.
 *   meson test -C build --benchmark --suite bench -v     or     build/bench/bench-import [RUNS]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "ksp-adilet-reader.h"
#include "ksp-import-summary.h"
#include "ksp-store.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
bench_read (const char *path,
            guint       runs)
{
  g_autofree double *times = g_new (double, runs);
  g_autofree char *base = g_path_get_basename (path);
  KspCounts counts = { 0 };
  GStatBuf st;

  g_stat (path, &st);
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (KspImportReport) report = NULL;
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr (KspNode) root = ksp_adilet_reader_read_file (path, &report, &error);
      times[i] = (g_get_monotonic_time () - t0) / 1000.0;
      if (root == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          exit (1);
        }
      if (i == 0)
        ksp_counts_add_tree (&counts, root);
    }
  qsort (times, runs, sizeof (double), compare_doubles);
  printf ("read    %-28s %7.1f KB  median %7.2f ms  min %7.2f ms  max %7.2f ms  (%u cards, %u knowledge items)\n",
          base, st.st_size / 1024.0, times[runs / 2], times[0], times[runs - 1], counts.cards, counts.knowledge);
}

static void
bench_workspace (const char *path,
                 guint       runs)
{
  g_autofree double *times = g_new (double, runs);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *dir = g_dir_make_tmp ("kasip-bench-XXXXXX", NULL);
  g_autofree char *ws = g_build_filename (dir, "bench.kasip", NULL);
  g_autoptr (KspStore) store = ksp_store_open_uri (ws, KSP_STORE_OPEN_CREATE, NULL);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr (KspNode) root = ksp_adilet_reader_read_file (path, NULL, &error);
      if (root == NULL || ksp_store_add_standard (store, root, &error) == 0)
        {
          fprintf (stderr, "%s\n", error->message);
          exit (1);
        }
      times[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  qsort (times, runs, sizeof (double), compare_doubles);
  printf ("import  %-28s into a workspace   median %7.2f ms  min %7.2f ms  max %7.2f ms\n", base, times[runs / 2],
          times[0], times[runs - 1]);
  ksp_store_close (store);
  {
    g_autofree char *wal = g_strconcat (ws, "-wal", NULL), *shm = g_strconcat (ws, "-shm", NULL);
    g_unlink (ws);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
}

int
main (int    argc,
      char **argv)
{
  static const char *const seeds[] = { "000_2b67e049b4513cfa.txt", "001_efa396441f2b22fb.txt",
                                       "002_a9356737b7c953f7.txt", "004_8a82f9fdc926935f.txt", NULL };
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 21;

  setlocale (LC_ALL, "");
  if (runs < 1)
    runs = 1;
  printf ("Kasip import benchmark, %u runs each (target for seed 000: under 50 ms)\n", runs);
  for (guint i = 0; seeds[i]; i++)
    {
      g_autofree char *path = g_build_filename (SOURCE_DATADIR, "samples", seeds[i], NULL);
      bench_read (path, runs);
    }
  for (guint i = 0; seeds[i]; i++)
    {
      g_autofree char *path = g_build_filename (SOURCE_DATADIR, "samples", seeds[i], NULL);
      bench_workspace (path, MAX (3u, runs / 3));
    }
  return 0;
}
