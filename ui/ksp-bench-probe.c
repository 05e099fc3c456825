/* ksp-bench-probe.c: the editor's timings for the benchmark (see ksp-bench-probe.h)
 *
 * The steps, each timed from the call that starts it to the end of the next frame ("after-paint"):
 *   first frame      from the launch to the first frame of the window (it opens the workspace given at
 *                    launch after that frame);
 *   standard shown   from the launch to the first frame showing the workspace's first standard;
 *   open a standard  choosing the last standard of the window's standard selector (another document);
 *   switch cards     selecting the last card of it, then the first, and so on (the median of 6);
 *   keystroke        ksp_field_editor_set_text() on the form's «purpose» until the document has stored
 *                    the value (its ::changed, after the commit), which a second, read-only session of the
 *                    workspace must then read back; that includes the editor's commit delay;
 *   commit           the same with ksp_field_editor_commit() at once (the store's part of it).
 * Only the window's public API is used. The standard selector is the GtkDropDown in the header bar that
 * lists as many items as the workspace has standards.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ksp-bench-probe.h"
#include "ksp-window-private.h"

/* Give the main loop this long between steps (idle handlers, the checks) before timing the next. */
#define SETTLE_MS 250
/* Before the peer frame: long enough for the animations a switch starts (the overlay scroll bars fade
 * out) to end, so that its frame is not paced by theirs. */
#define QUIET_MS 2500
#define N_SWITCHES 6
#define N_LABEL_FRAMES 6
/* KASIP_BENCH_SWITCHES, KASIP_BENCH_NEXT: how many card switches far and side by side (for a profiler),
 * else N_SWITCHES each. KASIP_BENCH_TRACE: print when each step starts and when its frame's phases end
 * (µs of CLOCK_MONOTONIC, as `perf record -k CLOCK_MONOTONIC` stamps its samples), to tell a profile's
 * samples apart by phase. */
#define GIVE_UP_SECONDS 120

typedef struct _Probe Probe;
typedef void (*ProbeStep) (Probe *probe);
typedef void (*ProbePainted) (Probe *probe, gint64 painted_at);

struct _Probe
{
  KspWindow     *window;       /* the probe is its data: unowned */
  GdkFrameClock *clock;
  gulong         paint_id;
  gulong         phase_ids[3];
  gulong         realize_id;
  ProbePainted   on_paint;     /* what the next after-paint completes, or NULL */
  ProbeStep      next;         /* what runs after SETTLE_MS */
  guint          step_source;
  guint          give_up_source;
  guint          verify_source;

  gint64         start;        /* the launch */
  gint64         t0;           /* the start of the step being timed */
  const char    *failed;       /* the step that could not be done, or NULL */

  double         first_frame_ms;
  double         shown_ms;     /* from the launch to the first frame showing the workspace's standard */
  double         open_ms;
  double         open_call_ms; /* of which in the call that chose it (the model, the widgets made) */
  GArray        *switch_ms;    /* double */
  GArray        *switch_call_ms;
  GArray        *switch_layout_ms; /* of the frame after the call: its update and layout phases */
  GArray        *switch_paint_ms;  /* its paint phase (snapshot, rendering, to the X server) */
  GArray        *switch_wait_ms;   /* from the end of the call to the frame's start (idles, the clock) */
  GArray        *label_ms;     /* the peer: a frame of the same window where only a label changed */
  GArray        *label_layout_ms;
  GArray        *label_paint_ms;
  guint          n_label_frames;
  guint          max_switches;
  guint          max_next_switches;
  gboolean       trace;        /* KASIP_BENCH_TRACE: each step's times on stderr (µs, CLOCK_MONOTONIC) */
  gint64         call_end;     /* when the call of the step being timed returned */
  gint64         frame_start;  /* the frame clock's before-paint, layout and paint of the frame awaited */
  gint64         layout_end;
  gint64         paint_end;
  double         first_layout_ms;
  double         first_paint_ms;
  GtkLabel      *label;        /* the label the peer frame changes (the form's heading), unowned */
  char          *label_text;
  double         stored_ms;
  double         commit_ms;
  gboolean       verified;
  guint          n_standards;

  char          *card_a;
  char          *card_b;       /* the last card: far from the first in the outline (its rows are rebound) */
  char          *card_next;    /* the second card: its row is beside the first's */
  guint          n_switches;
  guint          n_next_switches;
  GArray        *next_ms;      /* switches between the first card and the next, as a click beside it */
  GArray        *next_call_ms;
  GArray        *next_wait_ms;
  GArray        *next_layout_ms;
  GArray        *next_paint_ms;

  KspDocument   *typed_in;     /* the document whose ::changed is awaited (ref) */
  gulong         changed_id;
  gint64         changed_at;
  char          *typed_node;
  const char    *typed_field;
  KspLang        typed_lang;
  char          *typed_text;
  KspStore      *reader;       /* the second, read-only session */
  gint64         verify_deadline;
};

static void finish (Probe *probe);

static double
ms_since (gint64 t0,
          gint64 t1)
{
  return (t1 - t0) / 1000.0;
}

static void
probe_free (gpointer data)
{
  Probe *probe = data;

  if (probe->clock && probe->paint_id && g_signal_handler_is_connected (probe->clock, probe->paint_id))
    g_signal_handler_disconnect (probe->clock, probe->paint_id);
  for (guint i = 0; probe->clock && i < G_N_ELEMENTS (probe->phase_ids); i++)
    if (probe->phase_ids[i] && g_signal_handler_is_connected (probe->clock, probe->phase_ids[i]))
      g_signal_handler_disconnect (probe->clock, probe->phase_ids[i]);
  g_clear_object (&probe->clock);
  g_clear_handle_id (&probe->step_source, g_source_remove);
  g_clear_handle_id (&probe->give_up_source, g_source_remove);
  g_clear_handle_id (&probe->verify_source, g_source_remove);
  if (probe->typed_in)
    g_clear_signal_handler (&probe->changed_id, probe->typed_in);
  g_clear_object (&probe->typed_in);
  if (probe->reader)
    ksp_store_close (probe->reader);
  g_clear_object (&probe->reader);
  g_array_unref (probe->switch_ms);
  g_array_unref (probe->switch_call_ms);
  g_array_unref (probe->switch_layout_ms);
  g_array_unref (probe->switch_paint_ms);
  g_array_unref (probe->switch_wait_ms);
  g_array_unref (probe->label_ms);
  g_array_unref (probe->label_layout_ms);
  g_array_unref (probe->label_paint_ms);
  g_free (probe->label_text);
  g_free (probe->card_a);
  g_free (probe->card_b);
  g_free (probe->card_next);
  g_array_unref (probe->next_ms);
  g_array_unref (probe->next_call_ms);
  g_array_unref (probe->next_wait_ms);
  g_array_unref (probe->next_layout_ms);
  g_array_unref (probe->next_paint_ms);
  g_free (probe->typed_node);
  g_free (probe->typed_text);
  g_free (probe);
}

/* ---------------------------------------------------------------------------------------------- */
/* sequencing                                                                                      */

static gboolean
step_cb (gpointer data)
{
  Probe *probe = data;
  ProbeStep next = probe->next;

  probe->step_source = 0;
  probe->next = NULL;
  next (probe);
  return G_SOURCE_REMOVE;
}

static void
then_after (Probe     *probe,
            ProbeStep  next,
            guint      ms)
{
  probe->next = next;
  g_clear_handle_id (&probe->step_source, g_source_remove);
  probe->step_source = g_timeout_add (ms, step_cb, probe);
}

static void
then (Probe     *probe,
      ProbeStep  next)
{
  then_after (probe, next, SETTLE_MS);
}

/* Starts timing a step that ends with the next frame. */
static void
time_to_frame (Probe        *probe,
               ProbePainted  painted)
{
  probe->on_paint = painted;
  probe->t0 = g_get_monotonic_time ();
  probe->call_end = probe->frame_start = probe->layout_end = probe->paint_end = 0;
  if (probe->trace)
    g_printerr ("TRACE %" G_GINT64_FORMAT " step\n", probe->t0);
}

/* The phases of the frame awaited. The probe's handlers run after the window's own (connected when it
 * was realized): "layout" ends when the widgets are allocated, "paint" when the frame is drawn and sent. */
static void
on_before_paint (GdkFrameClock *clock,
                 Probe         *probe)
{
  if (probe->on_paint && probe->frame_start == 0)
    probe->frame_start = g_get_monotonic_time ();
}

static void
on_layout (GdkFrameClock *clock,
           Probe         *probe)
{
  if (probe->on_paint && probe->frame_start)
    probe->layout_end = g_get_monotonic_time ();
}

static void
on_paint (GdkFrameClock *clock,
          Probe         *probe)
{
  if (probe->on_paint && probe->frame_start)
    probe->paint_end = g_get_monotonic_time ();
}

/* The layout (with the update phase before it) and paint phases of the frame just painted, or -1. */
static double
layout_ms (Probe *probe)
{
  return probe->frame_start && probe->layout_end ? ms_since (probe->frame_start, probe->layout_end) : -1;
}

static double
paint_ms (Probe *probe)
{
  return probe->layout_end && probe->paint_end ? ms_since (probe->layout_end, probe->paint_end) : -1;
}

static double
wait_ms (Probe *probe)
{
  return probe->call_end && probe->frame_start ? ms_since (probe->call_end, probe->frame_start) : -1;
}

static void
append (GArray *array,
        double  value)
{
  g_array_append_val (array, value);
}

static void
after_paint (GdkFrameClock *clock,
             gpointer       data)
{
  Probe *probe = data;
  ProbePainted painted = probe->on_paint;

  if (painted == NULL)
    return;
  probe->on_paint = NULL;
  if (probe->trace)
    g_printerr ("TRACE %" G_GINT64_FORMAT " painted call_end=%" G_GINT64_FORMAT " frame_start=%" G_GINT64_FORMAT
                " layout_end=%" G_GINT64_FORMAT "\n", g_get_monotonic_time (), probe->call_end, probe->frame_start,
                probe->layout_end);
  painted (probe, g_get_monotonic_time ());
}

static void
fail (Probe      *probe,
      const char *step)
{
  probe->failed = step;
  finish (probe);
}

static gboolean
give_up_cb (gpointer data)
{
  Probe *probe = data;

  probe->give_up_source = 0;
  fail (probe, "timeout");
  return G_SOURCE_REMOVE;
}

/* ---------------------------------------------------------------------------------------------- */
/* the widgets                                                                                     */

/* The standard selector: the drop-down in the header bar that lists as many items as the workspace has
 * standards (the form's choice fields are drop-downs too, but not in the header bar). */
static GtkDropDown *
find_selector (GtkWidget *widget,
               guint      n_standards)
{
  if (GTK_IS_DROP_DOWN (widget) && gtk_drop_down_get_model (GTK_DROP_DOWN (widget)) &&
      g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (widget))) == n_standards &&
      (gtk_widget_get_ancestor (widget, ADW_TYPE_HEADER_BAR) || gtk_widget_get_ancestor (widget, GTK_TYPE_HEADER_BAR)))
    return GTK_DROP_DOWN (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = find_selector (child, n_standards);
      if (found)
        return found;
    }
  return NULL;
}

static void
collect_cards (KspNode   *node,
               GPtrArray *ids)
{
  if (g_str_equal (ksp_node_get_kind (node), "card"))
    g_ptr_array_add (ids, (gpointer) ksp_node_get_id (node));
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    collect_cards (ksp_node_get_child (node, i), ids);
}

static KspLang
document_language (KspDocument *document)
{
  KspLang lang = KSP_LANG_NONE;

  ksp_lang_from_string (ksp_node_get_value (ksp_document_get_root (document), "language", KSP_LANG_NONE), &lang);
  return lang == KSP_LANG_NONE ? KSP_LANG_RU : lang;
}

/* ---------------------------------------------------------------------------------------------- */
/* the steps                                                                                       */

static void
committed_now (Probe *probe)
{
  KspElementForm *form = ksp_window_get_form (probe->window);
  KspFieldEditor *editor = ksp_element_form_get_editor (form, probe->typed_field, probe->typed_lang);
  g_autofree char *text = NULL;
  gint64 t0;

  if (editor == NULL)
    {
      fail (probe, "commit");
      return;
    }
  text = g_strconcat (probe->typed_text, " (2)", NULL);
  t0 = g_get_monotonic_time ();
  ksp_field_editor_set_text (editor, text);
  ksp_field_editor_commit (editor);
  probe->commit_ms = ms_since (t0, g_get_monotonic_time ());
  finish (probe);
}

/* Whether the second session reads the typed text back. */
static gboolean
read_back (Probe *probe)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) root = NULL;
  KspNode *node;

  if (probe->reader == NULL &&
      !(probe->reader = ksp_store_open_uri (ksp_store_get_location (ksp_window_get_store (probe->window)),
                                            KSP_STORE_OPEN_READ_ONLY, &error)))
    return FALSE;
  root = ksp_store_load_tree (probe->reader, ksp_document_get_tree_id (probe->typed_in), &error);
  node = root ? ksp_node_find_descendant (root, probe->typed_node) : NULL;
  if (root && node == NULL && g_str_equal (ksp_node_get_id (root), probe->typed_node))
    node = root;
  return node && g_strcmp0 (ksp_node_get_value (node, probe->typed_field, probe->typed_lang), probe->typed_text) == 0;
}

static gboolean
verify_cb (gpointer data)
{
  Probe *probe = data;

  if (read_back (probe))
    {
      probe->verified = TRUE;
      probe->verify_source = 0;
      then (probe, committed_now);
      return G_SOURCE_REMOVE;
    }
  if (g_get_monotonic_time () > probe->verify_deadline)
    {
      probe->verify_source = 0;
      fail (probe, "keystroke (the second session never read the value)");
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
on_changed (KspDocument *document,
            KspCommand  *command,
            gpointer     data)
{
  Probe *probe = data;

  if (probe->changed_at != 0)
    return;
  probe->changed_at = g_get_monotonic_time ();
  probe->stored_ms = ms_since (probe->t0, probe->changed_at);
  g_clear_signal_handler (&probe->changed_id, probe->typed_in);
  probe->verify_deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  probe->verify_source = g_timeout_add (5, verify_cb, probe);
}

static void
type_text (Probe *probe)
{
  if (probe->label && probe->label_text)
    gtk_label_set_text (probe->label, probe->label_text); /* as it was, whatever the peer left */

  KspDocument *document = ksp_window_get_document (probe->window);
  KspElementForm *form = ksp_window_get_form (probe->window);
  KspNode *node = ksp_element_form_get_node (form);
  static const char *const fields[] = { "purpose", "profession_name", "title" };
  KspFieldEditor *editor = NULL;
  KspLang lang = document ? document_language (document) : KSP_LANG_RU;
  const char *old;

  for (guint i = 0; node && editor == NULL && i < G_N_ELEMENTS (fields) * 2; i++)
    {
      probe->typed_field = fields[i / 2];
      probe->typed_lang = i % 2 == 0 ? lang : (lang == KSP_LANG_RU ? KSP_LANG_KK : KSP_LANG_RU);
      editor = ksp_element_form_get_editor (form, probe->typed_field, probe->typed_lang);
    }
  if (editor == NULL || ksp_window_is_read_only (probe->window))
    {
      fail (probe, "keystroke (no editable field in the form)");
      return;
    }
  old = ksp_node_get_value (node, probe->typed_field, probe->typed_lang);
  probe->typed_node = g_strdup (ksp_node_get_id (node));
  probe->typed_text = g_strdup_printf ("%s …%" G_GINT64_FORMAT, old ? old : "", g_get_real_time () % 100000);
  probe->typed_in = g_object_ref (document);
  probe->changed_id = g_signal_connect (document, "changed", G_CALLBACK (on_changed), probe);
  probe->t0 = g_get_monotonic_time ();
  ksp_field_editor_set_text (editor, probe->typed_text);
}

static void switch_card (Probe *probe);
static void switch_next (Probe *probe);
static void change_label (Probe *probe);
static void type_text (Probe *probe);

static void
label_changed (Probe  *probe,
               gint64  painted_at)
{
  append (probe->label_ms, ms_since (probe->t0, painted_at));
  append (probe->label_layout_ms, layout_ms (probe));
  append (probe->label_paint_ms, paint_ms (probe));
  then (probe, ++probe->n_label_frames < N_LABEL_FRAMES ? change_label : type_text);
}

static GtkLabel *
find_heading (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title-2") && gtk_widget_get_mapped (widget))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_heading (child);
      if (found)
        return found;
    }
  return NULL;
}

/* The peer of a card switch: a frame of the same window, the same card shown, where only the form's
 * heading changes (a character more, then as it was): what any frame of this window costs. */
static void
change_label (Probe *probe)
{
  g_autofree char *text = NULL;

  if (probe->label == NULL)
    {
      probe->label = find_heading (GTK_WIDGET (ksp_window_get_form (probe->window)));
      if (probe->label == NULL)
        {
          then (probe, type_text); /* no heading shown: no peer figure */
          return;
        }
      probe->label_text = g_strdup (gtk_label_get_text (probe->label));
    }
  text = probe->n_label_frames % 2 == 0 ? g_strconcat (probe->label_text, "·", NULL) : g_strdup (probe->label_text);
  time_to_frame (probe, label_changed);
  gtk_label_set_text (probe->label, text);
  probe->call_end = g_get_monotonic_time ();
}

static void
card_switched (Probe  *probe,
               gint64  painted_at)
{
  append (probe->switch_ms, ms_since (probe->t0, painted_at));
  append (probe->switch_layout_ms, layout_ms (probe));
  append (probe->switch_paint_ms, paint_ms (probe));
  append (probe->switch_wait_ms, wait_ms (probe));
  then (probe, ++probe->n_switches < probe->max_switches ? switch_card : switch_next);
}

static void
next_switched (Probe  *probe,
               gint64  painted_at)
{
  append (probe->next_ms, ms_since (probe->t0, painted_at));
  append (probe->next_wait_ms, wait_ms (probe));
  append (probe->next_layout_ms, layout_ms (probe));
  append (probe->next_paint_ms, paint_ms (probe));
  if (++probe->n_next_switches < probe->max_next_switches)
    then (probe, switch_next);
  else
    then_after (probe, change_label, QUIET_MS); /* after the scroll bars' fading, which keeps frames coming */
}

/* Between the first card and the one after it: both rows are shown, nothing in the outline scrolls. */
static void
switch_next (Probe *probe)
{
  const char *target = probe->n_next_switches % 2 == 0 ? probe->card_next : probe->card_a;

  time_to_frame (probe, next_switched);
  if (!ksp_window_select_element (probe->window, target))
    {
      fail (probe, "card switch (next)");
      return;
    }
  probe->call_end = g_get_monotonic_time ();
  append (probe->next_call_ms, ms_since (probe->t0, probe->call_end));
  gtk_widget_queue_draw (GTK_WIDGET (probe->window));
}

static void
switch_card (Probe *probe)
{
  const char *target = probe->n_switches % 2 == 0 ? probe->card_b : probe->card_a;

  double call_ms;

  time_to_frame (probe, card_switched);
  if (!ksp_window_select_element (probe->window, target))
    {
      fail (probe, "card switch");
      return;
    }
  probe->call_end = g_get_monotonic_time ();
  call_ms = ms_since (probe->t0, probe->call_end);
  g_array_append_val (probe->switch_call_ms, call_ms);
  gtk_widget_queue_draw (GTK_WIDGET (probe->window));

}

static void
first_card_shown (Probe  *probe,
                  gint64  painted_at)
{
  then (probe, switch_card);
}

static void
choose_cards (Probe *probe)
{
  KspDocument *document = ksp_window_get_document (probe->window);
  g_autoptr (GPtrArray) cards = g_ptr_array_new ();

  if (document)
    collect_cards (ksp_document_get_root (document), cards);
  if (cards->len < 2)
    {
      fail (probe, "card switch (fewer than two cards)");
      return;
    }
  probe->card_a = g_strdup (cards->pdata[0]);
  probe->card_b = g_strdup (cards->pdata[cards->len - 1]);
  probe->card_next = g_strdup (cards->pdata[1]);
  time_to_frame (probe, first_card_shown);
  ksp_window_select_element (probe->window, probe->card_a);
  gtk_widget_queue_draw (GTK_WIDGET (probe->window));
}

static void
standard_opened (Probe  *probe,
                 gint64  painted_at)
{
  probe->open_ms = ms_since (probe->t0, painted_at);
  then (probe, choose_cards);
}

static void
open_standard (Probe *probe)
{
  KspStore *store = ksp_window_get_store (probe->window);
  g_autoptr (GPtrArray) standards = store ? ksp_store_list_standards (store, NULL) : NULL;
  GtkDropDown *selector;

  probe->n_standards = standards ? standards->len : 0;
  if (probe->n_standards < 2)
    {
      probe->open_ms = -1; /* nothing else to open */
      then (probe, choose_cards);
      return;
    }
  if ((selector = find_selector (GTK_WIDGET (probe->window), probe->n_standards)) == NULL)
    {
      fail (probe, "open a standard (no standard selector in the header bar)");
      return;
    }
  time_to_frame (probe, standard_opened);
  gtk_drop_down_set_selected (selector, probe->n_standards - 1);
  probe->open_call_ms = ms_since (probe->t0, g_get_monotonic_time ());
  gtk_widget_queue_draw (GTK_WIDGET (probe->window));
}

/* Each frame after the first until the window has opened the workspace given at launch (it does after its
 * first frame): the one that shows it. */
static void
standard_shown (Probe  *probe,
                gint64  painted_at)
{
  if (_ksp_window_is_opening (probe->window))
    {
      probe->on_paint = standard_shown;
      return;
    }
  probe->shown_ms = ms_since (probe->start, painted_at);
  then (probe, open_standard);
}

static void
first_frame (Probe  *probe,
             gint64  painted_at)
{
  probe->first_frame_ms = ms_since (probe->start, painted_at);
  probe->first_layout_ms = layout_ms (probe);
  probe->first_paint_ms = paint_ms (probe);
  if (_ksp_window_is_opening (probe->window))
    {
      probe->on_paint = standard_shown;
      probe->frame_start = probe->layout_end = probe->paint_end = 0;
      return;
    }
  probe->shown_ms = probe->first_frame_ms;
  then (probe, open_standard);
}

/* ---------------------------------------------------------------------------------------------- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* The peak resident memory of this process (VmHWM), in KiB, or -1. */
static gint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10);
}

static double
median (GArray *ms)
{
  if (ms->len == 0)
    return -1;
  g_array_sort (ms, compare_doubles);
  return g_array_index (ms, double, ms->len / 2);
}

static void
finish (Probe *probe)
{

  g_clear_handle_id (&probe->give_up_source, g_source_remove);
  g_clear_handle_id (&probe->step_source, g_source_remove);
  probe->on_paint = NULL;
  if (probe->clock)
    {
      g_clear_signal_handler (&probe->paint_id, probe->clock);
      for (guint i = 0; i < G_N_ELEMENTS (probe->phase_ids); i++)
        g_clear_signal_handler (&probe->phase_ids[i], probe->clock);
    }
  printf ("bench: first-frame-ms=%.1f first-layout-ms=%.1f first-paint-ms=%.1f standard-shown-ms=%.1f"
          " open-standard-ms=%.1f"
          " open-call-ms=%.1f card-switch-ms=%.1f switch-call-ms=%.1f switch-wait-ms=%.1f switch-layout-ms=%.1f"
          " switch-paint-ms=%.1f"
          " next-card-ms=%.1f next-call-ms=%.1f next-wait-ms=%.1f next-layout-ms=%.1f next-paint-ms=%.1f label-frame-ms=%.1f label-layout-ms=%.1f label-paint-ms=%.1f"
          " keystroke-to-stored-ms=%.1f commit-ms=%.1f vmhwm-kb=%" G_GINT64_FORMAT
          " standards=%u verified=%s%s%s\n",
          probe->first_frame_ms, probe->first_layout_ms, probe->first_paint_ms, probe->shown_ms, probe->open_ms,
          probe->open_call_ms, median (probe->switch_ms), median (probe->switch_call_ms),
          median (probe->switch_wait_ms), median (probe->switch_layout_ms), median (probe->switch_paint_ms), median (probe->next_ms), median (probe->next_call_ms),
          median (probe->next_wait_ms), median (probe->next_layout_ms), median (probe->next_paint_ms), median (probe->label_ms),
          median (probe->label_layout_ms), median (probe->label_paint_ms),
          probe->stored_ms, probe->commit_ms, peak_rss_kb (),
          probe->n_standards, probe->verified ? "yes" : "no", probe->failed ? " failed=" : "",
          probe->failed ? probe->failed : "");
  fflush (stdout);
  gtk_window_close (GTK_WINDOW (probe->window));
}

static void
attach_clock (Probe *probe)
{
  if (probe->clock || (probe->clock = gtk_widget_get_frame_clock (GTK_WIDGET (probe->window))) == NULL)
    return;
  g_object_ref (probe->clock);
  probe->paint_id = g_signal_connect (probe->clock, "after-paint", G_CALLBACK (after_paint), probe);
  probe->phase_ids[0] = g_signal_connect (probe->clock, "before-paint", G_CALLBACK (on_before_paint), probe);
  probe->phase_ids[1] = g_signal_connect (probe->clock, "layout", G_CALLBACK (on_layout), probe);
  probe->phase_ids[2] = g_signal_connect (probe->clock, "paint", G_CALLBACK (on_paint), probe);
}

static void
on_realize (GtkWidget *widget,
            gpointer   data)
{
  attach_clock (data);
}

/**
 * ksp_bench_probe_install:
 *
 * Times @window for the editor benchmark when the environment variable KASIP_BENCH is set; does nothing
 * otherwise. Call it when the window is presented.
 */
void
ksp_bench_probe_install (KspWindow *window)
{
  const char *env = g_getenv ("KASIP_BENCH");
  Probe *probe;
  char *end = NULL;
  gint64 start;

  g_return_if_fail (KSP_IS_WINDOW (window));

  if (env == NULL || g_object_get_data (G_OBJECT (window), "ksp-bench-probe"))
    return;
  probe = g_new0 (Probe, 1);
  probe->window = window;
  probe->switch_ms = g_array_new (FALSE, FALSE, sizeof (double));
  probe->switch_call_ms = g_array_new (FALSE, FALSE, sizeof (double));
  probe->switch_layout_ms = g_array_new (FALSE, FALSE, sizeof (double));
  probe->switch_paint_ms = g_array_new (FALSE, FALSE, sizeof (double));
  probe->switch_wait_ms = g_array_new (FALSE, FALSE, sizeof (double));
  probe->next_ms = g_array_new (FALSE, FALSE, sizeof (double));
  probe->next_call_ms = g_array_new (FALSE, FALSE, sizeof (double));
  probe->next_wait_ms = g_array_new (FALSE, FALSE, sizeof (double));
  probe->next_layout_ms = g_array_new (FALSE, FALSE, sizeof (double));
  probe->next_paint_ms = g_array_new (FALSE, FALSE, sizeof (double));
  probe->label_ms = g_array_new (FALSE, FALSE, sizeof (double));
  probe->label_layout_ms = g_array_new (FALSE, FALSE, sizeof (double));
  probe->label_paint_ms = g_array_new (FALSE, FALSE, sizeof (double));
  probe->first_frame_ms = probe->shown_ms = probe->open_ms = probe->open_call_ms = probe->stored_ms = probe->commit_ms = -1;
  probe->first_layout_ms = probe->first_paint_ms = -1;
  probe->max_switches = N_SWITCHES;
  if (g_getenv ("KASIP_BENCH_SWITCHES"))
    probe->max_switches = MAX (2, g_ascii_strtoull (g_getenv ("KASIP_BENCH_SWITCHES"), NULL, 10));
  probe->max_next_switches = N_SWITCHES;
  probe->trace = g_getenv ("KASIP_BENCH_TRACE") != NULL;
  if (g_getenv ("KASIP_BENCH_NEXT"))
    probe->max_next_switches = MAX (2, g_ascii_strtoull (g_getenv ("KASIP_BENCH_NEXT"), NULL, 10));
  start = g_ascii_strtoll (env, &end, 10);
  /* The launch time, if it was given and is in the past; else now. */
  probe->start = end && end != env && *end == '\0' && start > 0 && start <= g_get_monotonic_time ()
                   ? start : g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (window), "ksp-bench-probe", probe, probe_free);

  probe->on_paint = first_frame;
  probe->give_up_source = g_timeout_add_seconds (GIVE_UP_SECONDS, give_up_cb, probe);
  attach_clock (probe);
  if (probe->clock == NULL)
    probe->realize_id = g_signal_connect (window, "realize", G_CALLBACK (on_realize), probe);
  gtk_widget_queue_draw (GTK_WIDGET (window));
}
