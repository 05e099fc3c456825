/* bench-compare.c: the time to open the compare view (issue 15; bench/bench-compare.py runs it)
 *
 * A workspace holding the standard of FILE (the 1 000-card synthetic standard), edition 1 frozen, then
 * EDITS edits to the draft (a knowledge item's text reworded every so many, a few deleted), made through
 * the document as the editor makes them. Then timed, as a user who clicks Compare waits for it, through the
 * call the Editions dialog makes (ksp_compare_window_new_for_edition, ui/ksp-window-editions.c) and the
 * standard's justifications attached as it attaches them: the window opens, its worker reads the edition's
 * tree from the workspace (a connection of its own) while the draft is copied, then diffs; the list filled,
 * until the end of the first frame that shows it (the frame clock's after-paint). Then, untimed, the parts
 * alone: reading the edition (a reader of the workspace, as the worker does), copying the draft, the diff.
 * Prints `bench: compare-open-ms=… call-ms=… load-ms=… copy-ms=… diff-ms=… changes=…` (call: until the
 * call returns, the draft copied and the window built).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "ksp-compare-window.h"
#include "ksp-editions.h"
#include "ksp-read-any.h"
#include "ksp-structure.h"

typedef struct {
  KspCompareWindow *window;
  gint64            t0;
  double            open_ms;
  gulong            paint_id;
  gboolean          done;
  gboolean          gone;
} Bench;

static void
collect (KspNode    *node,
         const char *kind,
         GPtrArray  *out)
{
  if (g_str_equal (ksp_node_get_kind (node), kind))
    g_ptr_array_add (out, node);
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    collect (ksp_node_get_child (node, i), kind, out);
}

static void
after_paint (GdkFrameClock *clock,
             Bench         *b)
{
  if (!ksp_compare_window_is_ready (b->window) || ksp_compare_window_get_n_shown (b->window) == 0)
    return;   /* a frame before the list was filled */
  b->open_ms = (g_get_monotonic_time () - b->t0) / 1000.0;
  g_clear_signal_handler (&b->paint_id, clock);
  b->done = TRUE;
}

static void
on_realize (GtkWidget *widget,
            Bench     *b)
{
  b->paint_id = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (after_paint), b);
}

static void
on_destroy (GtkWidget *widget,
            Bench     *b)
{
  b->gone = TRUE;   /* the edition could not be read */
}

static double
ms_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (KspNode) root = NULL;
  g_autoptr (KspDocument) doc = NULL;
  g_autoptr (KspStore) reader = NULL;
  g_autoptr (KspNode) frozen = NULL;
  g_autoptr (KspNode) draft = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (KspJustifications) notes = NULL;
  g_autoptr (GPtrArray) knowledge = g_ptr_array_new ();
  guint edits = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 30;
  gint64 tree, edition, t;
  double call_ms, load_ms, copy_ms, diff_ms;
  guint n_changes;
  Bench b = { 0 };

  if (argc < 2)
    {
      g_printerr ("usage: bench-compare FILE [EDITS]\n");
      return 2;
    }
  gtk_init ();
  adw_init ();
  dir = g_dir_make_tmp ("kasip-bench-compare-XXXXXX", &error);
  path = g_build_filename (dir, "ws.kasip", NULL);
  if (!(root = ksp_read_any_file (argv[1], NULL, &error)) ||
      !(store = ksp_store_open_uri (path, KSP_STORE_OPEN_CREATE, &error)) ||
      (tree = ksp_store_add_standard (store, root, &error)) == 0 ||
      (edition = ksp_editions_freeze (store, ksp_node_get_id (root), "2026-01-01", NULL, "bench", &error)) == 0 ||
      !(doc = ksp_document_open (store, tree, &error)))
    {
      g_printerr ("bench-compare: %s\n", error->message);
      return 1;
    }
  /* the edits: rewordings spread over the standard, one deletion in five */
  collect (ksp_document_get_root (doc), "knowledge", knowledge);
  for (guint i = 0; i < edits && knowledge->len; i++)
    {
      KspNode *k = g_ptr_array_index (knowledge, (guint) ((guint64) i * knowledge->len / edits));
      if (i % 5 == 4)
        ksp_document_delete_element (doc, k, &error);
      else
        {
          g_autofree char *text = g_strconcat (ksp_node_get_value (k, "text", KSP_LANG_RU), " (уточнено)", NULL);
          ksp_document_set_value (doc, k, "text", KSP_LANG_RU, text, &error);
        }
      if (error)
        {
          g_printerr ("bench-compare: %s\n", error->message);
          return 1;
        }
    }

  /* timed from here: what clicking Compare does (compare_edition, ui/ksp-window-editions.c) */
  b.t0 = g_get_monotonic_time ();
  b.window = ksp_compare_window_new_for_edition (NULL, store, edition, ksp_document_get_root (doc), "Edition 1", "Draft",
                                                 &error);
  if (b.window == NULL || !(notes = ksp_justifications_load (store, ksp_node_get_id (root), &error)))
    {
      g_printerr ("bench-compare: %s\n", error->message);
      return 1;
    }
  ksp_compare_window_set_justifications (b.window, notes);
  call_ms = ms_since (b.t0);
  g_signal_connect (b.window, "realize", G_CALLBACK (on_realize), &b);
  g_signal_connect (b.window, "destroy", G_CALLBACK (on_destroy), &b);
  gtk_window_present (GTK_WINDOW (b.window));
  while (!b.done && !b.gone && g_get_monotonic_time () - b.t0 < 60 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  if (!b.done)
    {
      g_printerr ("bench-compare: the compare view did not show its list\n");
      return 1;
    }
  n_changes = ksp_compare_window_get_n_changes (b.window);

  /* untimed above: the parts alone, one after the other */
  t = g_get_monotonic_time ();
  if (!(reader = ksp_store_open_reader (store, &error)) || !(frozen = ksp_store_load_tree (reader, edition, &error)))
    {
      g_printerr ("bench-compare: %s\n", error->message);
      return 1;
    }
  load_ms = ms_since (t);
  t = g_get_monotonic_time ();
  draft = ksp_node_copy (ksp_document_get_root (doc));
  copy_ms = ms_since (t);
  t = g_get_monotonic_time ();
  changes = ksp_diff_trees (frozen, draft);
  diff_ms = ms_since (t);
  printf ("bench: compare-open-ms=%.1f call-ms=%.1f load-ms=%.1f copy-ms=%.1f diff-ms=%.1f changes=%u\n", b.open_ms,
          call_ms, load_ms, copy_ms, diff_ms, n_changes);
  fflush (stdout);
  ksp_store_close (reader);
  gtk_window_destroy (GTK_WINDOW (b.window));
  g_clear_object (&doc);
  ksp_store_close (store);
  g_remove (path);
  g_rmdir (dir);
  return 0;
}
