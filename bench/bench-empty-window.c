/* bench-empty-window.c: the peer of the editor's first frame (bench/bench-editor.py)
 *
 * An empty AdwApplicationWindow with a header bar, started the way the editor is (an AdwApplication,
 * the window presented on activate) and timed the same way as ui/ksp-bench-probe.c times the editor's
 * first frame: from the launch time in KASIP_BENCH (µs of CLOCK_MONOTONIC) to the end of its first frame
 * (the frame clock's after-paint). Prints `bench: first-frame-ms=…` and quits. What is left of the
 * editor's first frame beyond this one is the editor's own.
 */
#include <adwaita.h>
#include <stdio.h>

typedef struct
{
  gint64          start;
  GtkApplication *app;
  gulong          paint_id;
} Peer;

static void
after_paint (GdkFrameClock *clock,
             Peer          *peer)
{
  printf ("bench: first-frame-ms=%.1f\n", (g_get_monotonic_time () - peer->start) / 1000.0);
  fflush (stdout);
  g_clear_signal_handler (&peer->paint_id, clock);
  g_application_quit (G_APPLICATION (peer->app));
}

static void
on_realize (GtkWidget *window,
            Peer      *peer)
{
  peer->paint_id = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint),
                                     peer);
}

static void
on_activate (GtkApplication *app,
             Peer           *peer)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  gtk_widget_set_vexpand (box, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760); /* the editor's */
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), peer);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("KASIP_BENCH");
  g_autoptr (AdwApplication) app = NULL;
  Peer peer = { 0 };
  gint64 start = env ? g_ascii_strtoll (env, NULL, 10) : 0;

  peer.start = start > 0 && start <= g_get_monotonic_time () ? start : g_get_monotonic_time ();
  app = adw_application_new ("kz.gov.enbek.Kasip.BenchEmptyWindow", G_APPLICATION_NON_UNIQUE);
  peer.app = GTK_APPLICATION (app);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), &peer);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
