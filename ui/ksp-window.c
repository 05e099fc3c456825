/* ksp-window.c: the editor window (see ksp-window.h) */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "ksp-element-form.h"
#include "ksp-export.h"
#include "ksp-findings-view.h"
#include "ksp-ork-reader.h"
#include "ksp-outline-view.h"
#include "ksp-review.h"
#include "ksp-review-panel.h"
#include "ksp-sample-workspace.h"
#include "ksp-window.h"
#include "ksp-window-private.h"

struct _KspWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay     *toast_overlay;
  GtkStack            *title_stack;
  AdwWindowTitle      *window_title;
  GtkLabel            *workspace_label;
  GtkDropDown         *standard_dropdown;
  GtkWidget           *read_only_bar;
  GtkRevealer         *export_revealer;
  GtkSpinner          *export_spinner;
  GtkLabel            *export_label;
  GMenu               *export_section;
  GtkLabel            *read_only_label;
  GtkWidget           *back_to_draft_button;
  GtkWidget           *notice_bar;
  GtkLabel            *notice_label;
  GtkStack            *main_stack;
  KspOutlineView      *outline;
  KspElementForm      *form;
  GtkPaned            *review_paned; /* form | review panel */
  KspReviewPanel      *review_panel;
  GtkPaned            *checks_paned;
  GtkPaned            *paned;        /* outline | form */
  GtkWidget           *checks_button;
  KspFindingsView     *findings_view;

  KspWorkspace        *workspace;   /* the session (model/ksp-workspace.h) */
  KspStore            *store;       /* its store */
  GPtrArray           *standards;   /* KspStandardInfo, in the selector's order */
  gint64               document_tree; /* the draft tree of the open document, 0 when none */
  KspDocument         *document;
  GBinding            *undo_binding;
  GBinding            *redo_binding;
  guint                heartbeat_source;
  gboolean             filling_selector;
  gboolean             opening;       /* a workspace is being opened: its place is not remembered yet */
  char                *view_title;    /* a read-only view (an edition, the text in force on a date) is shown in
                                       * place of the draft: what it is; NULL for the draft */
  char                *pending_uri;   /* to open once the window's first frame is shown, or NULL */
  gulong               pending_paint_id; /* the frame clock's after-paint that opens it */
  guint                pending_source;

  KspClassifiers      *classifiers;  /* from the workspace's ORK reference data, or NULL */
  gulong               changed_id;   /* the document's "changed": every edit, undo and redo re-runs the checks */
  gulong               remote_changed_id; /* its "remote-changed": another person's change brought in */
  gboolean             closing_anyway;    /* closed over typed changes the server did not take */
  guint                validate_source;
  guint                validate_generation; /* of the checks last started; older results are dropped */
  GCancellable        *validate_cancellable;
  guint                pending_checks;      /* checks started and not reported */

  char                *soffice;      /* LibreOffice, for PDF; NULL when not installed */
  struct _ExportRun   *export_run;   /* the export under way, or NULL */
  char                *export_dir;   /* where the last export went, for the next file chooser */
};

G_DEFINE_FINAL_TYPE (KspWindow, ksp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  SIGNAL_EXPORT_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_export_actions (KspWindow *self);
static void schedule_validation (KspWindow *self);
static void clear_pending_open (KspWindow *self);

void
ksp_window_show_error (KspWindow  *self,
                       const char *message)
{
  AdwToast *toast;

  g_return_if_fail (KSP_IS_WINDOW (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GAction *
lookup_action (KspWindow  *self,
               const char *name)
{
  return g_action_map_lookup_action (G_ACTION_MAP (self), name);
}

/* ---------------------------------------------------------------------------------------------- */
/* read-only state and the lock                                                                    */

gboolean
ksp_window_is_read_only (KspWindow *self)
{
  g_return_val_if_fail (KSP_IS_WINDOW (self), TRUE);
  return (self->store && ksp_store_is_read_only (self->store)) ||
         (self->document && ksp_document_is_read_only (self->document));
}

static void
update_read_only (KspWindow *self)
{
  gboolean read_only = ksp_window_is_read_only (self);

  if (read_only)
    {
      const char *reason = self->store ? ksp_store_get_read_only_reason (self->store) : NULL;
      g_autofree char *text = NULL;

      if (self->view_title)
        /* Translators: "%s" is what is shown, e.g. "Edition 2 of 31.03.2026" */
        text = g_strdup_printf (_("%s: read-only. The draft is kept as it was."), self->view_title);
      else if (reason)
        /* Translators: "%s" says why, e.g. who holds the workspace lock */
        text = g_strdup_printf (_("Read-only: %s. Changes cannot be saved."), reason);
      else
        text = g_strdup (_("Read-only: this standard cannot be changed."));
      gtk_label_set_text (self->read_only_label, text);
    }
  gtk_widget_set_visible (self->read_only_bar, read_only);
  gtk_widget_set_visible (self->back_to_draft_button, self->view_title != NULL);
  ksp_element_form_set_editable (self->form, !read_only);
}

static void
stop_heartbeat (KspWindow *self)
{
  g_clear_handle_id (&self->heartbeat_source, g_source_remove);
}

static gboolean
heartbeat_cb (gpointer user_data)
{
  KspWindow *self = user_data;
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    {
      self->heartbeat_source = 0;
      return G_SOURCE_REMOVE;
    }
  if (!ksp_store_heartbeat (self->store, &error))
    ksp_window_show_error (self, error->message);
  if (ksp_store_is_read_only (self->store))
    {
      /* Someone else took the lock: stop writing. */
      if (self->document && !ksp_document_is_read_only (self->document))
        ksp_document_set_read_only (self->document, ksp_store_get_read_only_reason (self->store));
      update_read_only (self);
      self->heartbeat_source = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* ---------------------------------------------------------------------------------------------- */
/* checks                                                                                           */

/* How long after the last edit the checks run again. */
#define VALIDATE_DELAY_MS 500

typedef struct {
  KspNode        *copy;        /* the document as it was when the checks started */
  KspClassifiers *classifiers; /* read only, shared */
  guint           generation;
  gint64          start;
} ValidateRun;

static void
validate_run_free (ValidateRun *run)
{
  g_clear_object (&run->copy);
  g_clear_object (&run->classifiers);
  g_free (run);
}

/* In a worker: the checks read only their own copy of the tree. */
static void
validate_in_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ValidateRun *run = task_data;

  g_task_return_pointer (task, ksp_validate (run->copy, run->classifiers), (GDestroyNotify) g_ptr_array_unref);
}

static void
show_findings (KspWindow *self,
               GPtrArray *findings)
{
  g_autofree char *tooltip = NULL;

  ksp_findings_view_set_findings (self->findings_view, findings);
  ksp_element_form_set_findings (self->form, findings);
  /* Translators: the Checks button's tooltip; %s counts the findings, e.g. "2 errors, 55 warnings, 40 notes" */
  tooltip = g_strdup_printf (_("Checks: %s"), ksp_findings_view_get_summary (self->findings_view));
  gtk_widget_set_tooltip_text (self->checks_button, tooltip);
}

static void
validate_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  KspWindow *self = KSP_WINDOW (source);
  ValidateRun *run = g_task_get_task_data (G_TASK (result));
  g_autoptr (GPtrArray) findings = g_task_propagate_pointer (G_TASK (result), NULL);

  self->pending_checks--;
  /* Dropped when the window went, another document was opened or newer checks started meanwhile. */
  if (findings == NULL || run->generation != self->validate_generation || self->document == NULL)
    return;
  show_findings (self, findings);
  g_debug ("Checks: %u findings (%s classifiers) in %.1f ms, off the main thread", findings->len,
           run->classifiers ? "with" : "without", (g_get_monotonic_time () - run->start) / 1000.0);
}

/* Runs the checks on a copy of the document in a worker thread, so typing never waits for them; the
 * results replace the shown ones when they come, unless newer checks were started meanwhile. */
static void
run_validation (KspWindow *self)
{
  g_autoptr (GTask) task = NULL;
  ValidateRun *run;

  g_clear_handle_id (&self->validate_source, g_source_remove);
  self->validate_generation++;
  if (self->document == NULL)
    {
      show_findings (self, NULL);
      return;
    }
  if (self->validate_cancellable == NULL)
    self->validate_cancellable = g_cancellable_new ();
  run = g_new0 (ValidateRun, 1);
  run->start = g_get_monotonic_time ();
  run->copy = ksp_node_copy (ksp_document_get_root (self->document));
  run->classifiers = self->classifiers ? g_object_ref (self->classifiers) : NULL;
  run->generation = self->validate_generation;
  task = g_task_new (self, self->validate_cancellable, validate_done, NULL);
  g_task_set_task_data (task, run, (GDestroyNotify) validate_run_free);
  g_task_set_return_on_cancel (task, TRUE);
  self->pending_checks++;
  g_task_run_in_thread (task, validate_in_thread);
}

/**
 * ksp_window_is_checking:
 *
 * Returns: whether checks started after the last edit have not reported yet (or are still to start)
 */
gboolean
ksp_window_is_checking (KspWindow *self)
{
  g_return_val_if_fail (KSP_IS_WINDOW (self), FALSE);
  return self->validate_source != 0 || self->pending_checks > 0;
}

static gboolean
validate_timeout_cb (gpointer user_data)
{
  KspWindow *self = user_data;

  self->validate_source = 0;
  run_validation (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_validation (KspWindow *self)
{
  g_clear_handle_id (&self->validate_source, g_source_remove);
  self->validate_source = g_timeout_add (VALIDATE_DELAY_MS, validate_timeout_cb, self);
}

/* The classifiers come from the workspace's sector qualification framework, when it holds one. */
static void
read_classifiers (KspWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *source = NULL;
  g_autofree char *text = NULL;

  g_clear_object (&self->classifiers);
  if (self->store == NULL)
    return;
  text = ksp_store_get_reference (self->store, KSP_REFERENCE_ORK, &source, &error);
  if (text == NULL)
    {
      if (error)
        g_debug ("No ORK reference data: %s", error->message);
      return;
    }
  self->classifiers = ksp_ork_reader_read_data (text, -1, source, &error);
  if (self->classifiers == NULL)
    {
      /* Translators: %s says why; the checks then skip the rules that need the classifiers */
      g_autofree char *message = g_strdup_printf (_("Could not read the workspace's qualification framework: %s"),
                                                  error->message);
      ksp_window_show_error (self, message);
    }
}

/* The checks and the form's occupation picker use them. */
static void
load_classifiers (KspWindow *self)
{
  read_classifiers (self);
  ksp_element_form_set_classifiers (self->form, self->classifiers);
}

/* ---------------------------------------------------------------------------------------------- */
/* the document                                                                                     */

static void
on_document_changed (KspWindow *self)
{
  schedule_validation (self);
  _ksp_window_structure_update (self); /* a move or a deletion changes what can move further */
}

static void
set_document (KspWindow   *self,
              KspDocument *document)
{
  g_clear_pointer (&self->undo_binding, g_binding_unbind);
  g_clear_pointer (&self->redo_binding, g_binding_unbind);
  if (self->document)
    {
      g_clear_signal_handler (&self->changed_id, self->document);
      g_clear_signal_handler (&self->remote_changed_id, self->document);
    }
  ksp_element_form_set_document (self->form, NULL);
  ksp_outline_view_set_root (self->outline, NULL);
  g_set_object (&self->document, document);

  if (document)
    {
      KspUndoStack *stack = ksp_document_get_undo_stack (document);

      self->undo_binding = g_object_bind_property (stack, "can-undo", lookup_action (self, "undo"), "enabled",
                                                   G_BINDING_SYNC_CREATE);
      self->redo_binding = g_object_bind_property (stack, "can-redo", lookup_action (self, "redo"), "enabled",
                                                   G_BINDING_SYNC_CREATE);
      /* Values and structure alike: every command done, undone or redone. */
      self->changed_id = g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
      /* and another person's, brought in (the outline and the form follow the tree by themselves) */
      self->remote_changed_id = g_signal_connect_swapped (document, "remote-changed", G_CALLBACK (on_document_changed),
                                                          self);
      ksp_element_form_set_document (self->form, document);
      ksp_outline_view_set_root (self->outline, ksp_document_get_root (document));
    }
  else
    {
      g_simple_action_set_enabled (G_SIMPLE_ACTION (lookup_action (self, "undo")), FALSE);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (lookup_action (self, "redo")), FALSE);
    }
  update_read_only (self);
  _ksp_window_review_set_document (self, document);
  _ksp_window_presence_update (self);
  if (document == NULL)
    _ksp_window_presence_selected (self, NULL);
  update_export_actions (self);
  _ksp_window_structure_update (self);
  _ksp_window_search_update (self);
  _ksp_window_files_update (self);
  run_validation (self);
}

static void
load_standard (KspWindow *self,
               guint      index)
{
  KspStandardInfo *info;
  g_autoptr (KspDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  if (self->standards == NULL || index >= self->standards->len)
    {
      set_document (self, NULL);
      self->document_tree = 0;
      return;
    }
  info = g_ptr_array_index (self->standards, index);
  if (self->view_title)
    {
      /* a standard chosen while a view is shown: its draft */
      g_clear_pointer (&self->view_title, g_free);
      self->document_tree = 0;
    }
  /* The standards of one order share a document: choosing another of them only moves the selection. */
  if (self->document == NULL || self->document_tree != info->draft_tree)
    {
      document = ksp_workspace_open_draft (self->workspace, info->draft_tree, &error);
      if (document == NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Could not open standard %s: %s"), info->handle, error->message);
          ksp_window_show_error (self, text);
        }
      set_document (self, document);
      self->document_tree = document ? info->draft_tree : 0;
    }
  if (self->document && info->node_id && info->n_in_document > 1)
    ksp_window_select_element (self, info->node_id);
  {
    g_autofree char *basename = ksp_store_dup_short_name (self->store);
    /* Translators: the window's title: a standard's handle, then the workspace file it is in */
    g_autofree char *title = g_strdup_printf (_("%s — %s"), info->handle ? info->handle : _("Kasip"), basename);
    adw_window_title_set_subtitle (self->window_title, basename);
    gtk_label_set_text (self->workspace_label, basename);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->workspace_label), ksp_store_get_location (self->store));
    gtk_window_set_title (GTK_WINDOW (self), title);
  }
}

static void
on_standard_selected (KspWindow *self)
{
  guint selected;

  if (self->filling_selector)
    return;
  selected = gtk_drop_down_get_selected (self->standard_dropdown);
  if (self->document)
    ksp_element_form_commit (self->form);
  load_standard (self, selected);
}

static void
close_workspace (KspWindow *self)
{
  _ksp_window_session_save_place (self);
  if (self->notice_bar)
    gtk_widget_set_visible (self->notice_bar, FALSE);
  stop_heartbeat (self);
  if (self->form && self->document)
    ksp_element_form_commit (self->form);
  if (self->store && !ksp_store_is_read_only (self->store))
    _ksp_window_recovery_end (ksp_store_get_location (self->store));
  g_clear_pointer (&self->view_title, g_free);
  set_document (self, NULL);
  self->document_tree = 0;
  g_clear_pointer (&self->standards, g_ptr_array_unref);
  g_clear_object (&self->classifiers);
  if (self->form)
    ksp_element_form_set_classifiers (self->form, NULL);
  if (self->store)
    {
      ksp_store_close (self->store);
      g_clear_object (&self->store);
    }
  g_clear_object (&self->workspace);
  _ksp_window_review_workspace_changed (self);
}

/**
 * ksp_window_open_workspace:
 * @uri: a path, or a store URI (see ksp_store_open_uri())
 *
 * Opens the workspace in this window, in place of the one shown, and its first standard. When another
 * session holds the workspace's lock it opens read-only and the window says so.
 */
gboolean
ksp_window_open_workspace (KspWindow   *self,
                           const char  *uri,
                           GError     **error)
{
  g_autoptr (KspStore) store = NULL;
  g_autoptr (GPtrArray) standards = NULL;
  g_autoptr (GtkStringList) names = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (KSP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  if (self->pending_uri && uri != self->pending_uri)
    clear_pending_open (self);
  /* Reopening the workspace that is open: let go of its lock first, or the new session would find it
   * held (by this very window) and open read-only. */
  if (self->store && g_strcmp0 (ksp_store_get_location (self->store), uri) == 0)
    close_workspace (self);
  store = ksp_store_open_uri (uri, KSP_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return FALSE;
  standards = ksp_store_list_standards (store, error);
  if (standards == NULL)
    {
      ksp_store_close (store);
      return FALSE;
    }

  close_workspace (self);
  self->store = g_steal_pointer (&store);
  /* the editor is the OS login: no environment variable says who you are here (ksp-store.h) */
  if (!KSP_STORE_GET_CLASS (self->store)->refuses_acting_as)
    ksp_store_set_user (self->store, g_get_user_name ());
  self->workspace = ksp_workspace_new (self->store);
  /* other people's changes on a shared workspace come into the open draft as they are committed, and what
   * they have open is shown in the outline */
  ksp_workspace_watch (self->workspace, TRUE);
  g_signal_connect_object (self->workspace, "presence-changed", G_CALLBACK (_ksp_window_presence_update), self,
                           G_CONNECT_SWAPPED);
  self->standards = g_steal_pointer (&standards);
  load_classifiers (self);

  names = gtk_string_list_new (NULL);
  for (guint i = 0; i < self->standards->len; i++)
    {
      KspStandardInfo *info = g_ptr_array_index (self->standards, i);
      const char *title = info->title_ru && *info->title_ru ? info->title_ru : info->title_kk;
      g_autofree char *name = NULL;
      if (info->n_in_document > 1)
        name = g_strdup_printf ("%s (%u/%u)", title ? title : info->handle, info->index + 1, info->n_in_document);
      else if (info->code)
        name = g_strdup_printf ("%s — %s", info->code, title ? title : "");
      else
        name = g_strdup (title ? title : info->handle);
      gtk_string_list_append (names, name);
    }
  self->filling_selector = TRUE;
  gtk_drop_down_set_model (self->standard_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->standard_dropdown, 0);
  self->filling_selector = FALSE;

  basename = ksp_store_dup_short_name (self->store);
  adw_window_title_set_subtitle (self->window_title, basename);
  gtk_stack_set_visible_child_name (self->title_stack, self->standards->len > 0 ? "selector" : "title");
  gtk_stack_set_visible_child_name (self->main_stack, "workspace");

  if (!ksp_store_is_read_only (self->store))
    self->heartbeat_source = g_timeout_add_seconds (KSP_WINDOW_HEARTBEAT_SECONDS, heartbeat_cb, self);

  if (self->standards->len == 0)
    ksp_window_show_error (self, _("This workspace holds no standards yet."));
  self->opening = TRUE;
  _ksp_window_review_workspace_changed (self);
  load_standard (self, 0);
  _ksp_window_session_restore_place (self); /* where the drafter was last time */
  self->opening = FALSE;
  if (!ksp_store_is_read_only (self->store))
    {
      /* A session that ended without closing (a crash, a kill): say what of it is kept. */
      g_autofree char *since = _ksp_window_recovery_find (ksp_store_get_location (self->store));
      if (since)
        {
          g_autofree char *message = _ksp_window_recovery_message (self->store, self->document, since);
          gtk_label_set_text (self->notice_label, message);
          gtk_widget_set_visible (self->notice_bar, TRUE);
        }
      _ksp_window_recovery_begin (ksp_store_get_location (self->store));
      /* and what such a session kept for a server that was away */
      _ksp_window_offline_restore (self);
    }
  return TRUE;
}

static void
clear_pending_open (KspWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->pending_paint_id && clock)
    g_signal_handler_disconnect (clock, self->pending_paint_id);
  self->pending_paint_id = 0;
  g_clear_handle_id (&self->pending_source, g_source_remove);
  g_clear_pointer (&self->pending_uri, g_free);
}

static gboolean
open_pending_cb (gpointer user_data)
{
  KspWindow *self = user_data;
  g_autofree char *uri = g_steal_pointer (&self->pending_uri);
  g_autoptr (GError) error = NULL;

  self->pending_source = 0;
  if (!ksp_window_open_workspace (self, uri, &error))
    {
      /* Translators: %s is the workspace's file, then why it could not be opened */
      g_autofree char *text = g_strdup_printf (_("Could not open %s: %s"), uri, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      ksp_window_show_error (self, text);
    }
  return G_SOURCE_REMOVE;
}

static void
on_first_paint (GdkFrameClock *clock,
                KspWindow     *self)
{
  g_clear_signal_handler (&self->pending_paint_id, clock);
  /* After this frame has gone to the screen, before the next one. */
  if (self->pending_uri && self->pending_source == 0)
    self->pending_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, open_pending_cb, self, NULL);
}

static void
on_realize_for_pending (KspWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_handlers_disconnect_by_func (self, on_realize_for_pending, self);
  if (self->pending_uri && clock && self->pending_paint_id == 0)
    self->pending_paint_id = g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_first_paint), self, 0);
}

/**
 * _ksp_window_open_workspace_when_shown:
 * @uri: as for ksp_window_open_workspace()
 *
 * Opens the workspace once the window's first frame is on the screen (errors are shown in the window):
 * the window appears at once, empty, and fills in with the standard in the next frames. Until then the
 * workspace page is shown, blank, so the window does not flash its "Open a Workspace" page.
 */
void
_ksp_window_open_workspace_when_shown (KspWindow  *self,
                                       const char *uri)
{
  g_return_if_fail (KSP_IS_WINDOW (self));
  g_return_if_fail (uri != NULL);

  clear_pending_open (self);
  self->pending_uri = g_strdup (uri);
  gtk_stack_set_visible_child_name (self->main_stack, "opening");
  {
    g_autofree char *basename = g_path_get_basename (uri);
    adw_window_title_set_subtitle (self->window_title, basename);
  }
  if (gtk_widget_get_realized (GTK_WIDGET (self)))
    on_realize_for_pending (self);
  else
    g_signal_connect_swapped (self, "realize", G_CALLBACK (on_realize_for_pending), self);
}

/**
 * _ksp_window_is_opening:
 * Returns: whether a workspace is still to be opened once the window is shown
 */
gboolean
_ksp_window_is_opening (KspWindow *self)
{
  return self->pending_uri != NULL;
}

/**
 * ksp_window_open_sample:
 *
 * Opens the sample workspace in the user's data directory, creating it from the bundled published
 * standards first if it does not exist.
 */
gboolean
ksp_window_open_sample (KspWindow  *self,
                        GError    **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "kasip", NULL);
  g_autofree char *path = g_build_filename (dir, "sample.kasip", NULL);

  g_return_val_if_fail (KSP_IS_WINDOW (self), FALSE);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr (KspStore) store = NULL;
      gboolean ok;

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("Could not create %s: %s"), dir,
                       g_strerror (saved));
          return FALSE;
        }
      store = ksp_store_open_uri (path, KSP_STORE_OPEN_CREATE, error);
      if (store == NULL)
        return FALSE;
      ok = ksp_sample_workspace_fill (store, NULL, error);
      ksp_store_close (store);
      if (!ok)
        {
          g_unlink (path);
          return FALSE;
        }
    }
  return ksp_window_open_workspace (self, path, error);
}

/* ---------------------------------------------------------------------------------------------- */
/* actions                                                                                          */

/* Undo and redo: what is typed but not yet committed first becomes a step of its own. */
static void
step_history (KspWindow *self,
              gboolean (*step) (KspDocument *, GError **))
{
  g_autoptr (GError) error = NULL;

  KspUndoStack *stack;
  KspCommand *command;
  g_autofree char *id = NULL;

  if (self->document == NULL)
    return;
  ksp_element_form_commit (self->form);
  stack = ksp_document_get_undo_stack (self->document);
  command = step == ksp_document_undo ? ksp_undo_stack_peek_undo (stack) : ksp_undo_stack_peek_redo (stack);
  id = command ? g_strdup (ksp_command_get_node_id (command)) : NULL;
  if (!step (self->document, &error))
    ksp_window_show_error (self, error->message);
  /* Show what changed back: the element the step was about (a moved element keeps being selected). */
  else if (id)
    ksp_window_select_element (self, id);
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  step_history (user_data, ksp_document_undo);
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  step_history (user_data, ksp_document_redo);
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  KspWindow *self = user_data;
  g_autofree char *path = _ksp_window_chosen_path (dialog, response);
  g_autoptr (GError) error = NULL;

  if (path && !ksp_window_open_workspace (self, path, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not open the workspace: %s"), error->message);
      ksp_window_show_error (self, text);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  KspWindow *self = user_data;
  static const char *const patterns[] = { "*.kasip", NULL };
  GtkFileChooserNative *native = _ksp_window_file_chooser (self, _("Open Workspace"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                                           _("_Open"), _("Kasip Workspaces"), patterns);

  g_signal_connect (native, "response", G_CALLBACK (on_open_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_sample_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  KspWindow *self = user_data;
  g_autoptr (GError) error = NULL;

  if (!ksp_window_open_sample (self, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not open the sample workspace: %s"), error->message);
      ksp_window_show_error (self, text);
    }
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  KspWindow *self = user_data;
  static const char *developers[] = { "Kasip contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", self,
                        "modal", TRUE,
                        "application-name", _("Kasip"),
                        "application-icon", APP_ID,
                        "version", KSP_VERSION,
                        "developer-name", _("Kasip contributors"),
                        "comments", _("An editor for Kazakhstan's professional standards, in Kazakh and Russian."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* ---------------------------------------------------------------------------------------------- */
/* export                                                                                           */

typedef struct _ExportRun {
  GWeakRef         window;       /* weak: closing the window disposes it, which cancels the run */
  GApplication    *app;          /* held while the file is written: closing the last window waits */
  GCancellable    *cancellable;
  KspExportFormat  format;
  KspLang          lang;
  char            *path;
} ExportRun;

static void
export_run_free (ExportRun *run)
{
  if (run->app)
    {
      g_application_release (run->app);
      g_object_unref (run->app);
    }
  g_weak_ref_clear (&run->window);
  g_object_unref (run->cancellable);
  g_free (run->path);
  g_free (run);
}

/**
 * ksp_window_is_exporting:
 *
 * Returns: whether an export started by the menu or ksp_window_export_to_file() is still running
 */
gboolean
ksp_window_is_exporting (KspWindow *self)
{
  g_return_val_if_fail (KSP_IS_WINDOW (self), FALSE);
  return self->export_run != NULL;
}

static void
update_export_actions (KspWindow *self)
{
  gboolean can_export = self->document != NULL && self->export_run == NULL;

  g_simple_action_set_enabled (G_SIMPLE_ACTION (lookup_action (self, "export-docx")), can_export);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (lookup_action (self, "export-xml")), can_export);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (lookup_action (self, "export-pdf")), can_export && self->soffice);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (lookup_action (self, "export-cancel")), self->export_run != NULL);
}

static void
show_export_progress (KspWindow  *self,
                      const char *path)
{
  if (path)
    {
      g_autofree char *name = g_filename_display_basename (path);
      /* Translators: %s is a file name */
      g_autofree char *text = g_strdup_printf (_("Exporting “%s”…"), name);

      gtk_label_set_text (self->export_label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->export_label), path);
      gtk_spinner_start (self->export_spinner);
    }
  else
    gtk_spinner_stop (self->export_spinner);
  gtk_revealer_set_reveal_child (self->export_revealer, path != NULL);
}

static void
show_export_failure (KspWindow  *self,
                     const char *path,
                     const char *message)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *prefix = g_strconcat (display, ": ", NULL);
  GtkWidget *dialog;

  /* The writers' messages often start with the file again. */
  if (g_str_has_prefix (message, prefix) && message[strlen (prefix)] != '\0')
    message += strlen (prefix);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Failed"), NULL);
  /* Translators: the first %s is a file, the second why it could not be written */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("Could not export to “%s”: %s"), display,
                                  message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportRun *run = user_data;
  g_autoptr (KspWindow) self = g_weak_ref_get (&run->window);
  g_autoptr (GError) error = NULL;
  gboolean ok = ksp_export_finish (result, &error);

  if (self == NULL || self->export_run != run)
    {
      /* The window went away meanwhile (dispose cancelled the run). */
      export_run_free (run);
      return;
    }
  self->export_run = NULL;
  show_export_progress (self, NULL);
  update_export_actions (self);

  if (ok)
    {
      g_autofree char *name = g_filename_display_basename (run->path);
      g_autofree char *uri = g_filename_to_uri (run->path, NULL, NULL);
      /* Translators: %s is a file name */
      g_autofree char *title = g_strdup_printf (_("Exported to “%s”"), name);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_timeout (toast, 8);
      /* The newest export's result shows at once, not behind an older one. */
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      if (uri)
        {
          adw_toast_set_button_label (toast, _("_Open"));
          adw_toast_set_action_name (toast, "win.open-exported");
          adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
        }
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      g_signal_emit (self, signals[SIGNAL_EXPORT_FINISHED], 0, run->path, NULL);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      ksp_window_show_error (self, _("Export cancelled"));
      g_signal_emit (self, signals[SIGNAL_EXPORT_FINISHED], 0, run->path, error->message);
    }
  else
    {
      show_export_failure (self, run->path, error->message);
      g_signal_emit (self, signals[SIGNAL_EXPORT_FINISHED], 0, run->path, error->message);
    }
  export_run_free (run);
}

/**
 * ksp_window_export_to_file:
 * @format: "docx", "xml" or "pdf"
 * @path: the file to write; an existing one is replaced
 *
 * Exports the open standard's draft, as the Export menu does once a file is chosen: in a worker thread
 * on a snapshot of the document, with the progress strip shown meanwhile, in the interface's language
 * where the standard has text in it (ksp_export_default_language()). The window emits
 * #KspWindow::export-finished when done, and shows a toast (or, on failure, a dialog).
 */
void
ksp_window_export_to_file (KspWindow  *self,
                           const char *format,
                           const char *path)
{
  g_return_if_fail (KSP_IS_WINDOW (self));
  ksp_window_export_to_file_in (self, format, path, self->document ? ksp_export_default_language (
                                                                       ksp_document_get_root (self->document))
                                                                   : KSP_LANG_RU);
}

/**
 * ksp_window_export_to_file_in:
 * @lang: the language of the DOCX or PDF (%KSP_LANG_KK or %KSP_LANG_RU); XML holds both
 *
 * As ksp_window_export_to_file(), in @lang.
 */
void
ksp_window_export_to_file_in (KspWindow  *self,
                              const char *format,
                              const char *path,
                              KspLang     lang)
{
  KspExportFormat fmt;
  ExportRun *run;
  GtkApplication *app;

  g_return_if_fail (KSP_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  if (!ksp_export_format_from_string (format, &fmt))
    {
      g_critical ("%s: unknown export format “%s”", G_STRFUNC, format);
      return;
    }
  if (self->document == NULL || self->export_run != NULL)
    {
      const char *message = self->document ? _("Another export is still running") : _("No standard is open");

      ksp_window_show_error (self, message);
      g_signal_emit (self, signals[SIGNAL_EXPORT_FINISHED], 0, path, message);
      return;
    }

  /* What is typed but not yet committed goes into the export too. */
  ksp_element_form_commit (self->form);

  run = g_new0 (ExportRun, 1);
  g_weak_ref_init (&run->window, self);
  run->cancellable = g_cancellable_new ();
  run->format = fmt;
  run->lang = lang;
  run->path = g_strdup (path);
  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app)
    {
      run->app = G_APPLICATION (g_object_ref (app));
      g_application_hold (run->app);
    }
  self->export_run = run;
  g_free (self->export_dir);
  self->export_dir = g_path_get_dirname (path);

  show_export_progress (self, path);
  update_export_actions (self);
  ksp_export_async (ksp_document_get_root (self->document), fmt, run->lang, path, run->cancellable, export_done, run);
}

/**
 * ksp_window_export_for_publication:
 *
 * As ksp_window_export_to_file_in(), for the order's publication: refused (%FALSE with @error listing them)
 * while a change set of the standard is open, submitted or rejected and not reverted, or when you are not
 * a publisher (ksp_review_check_publishable(): the model's rule, not the window's).
 */
gboolean
ksp_window_export_for_publication (KspWindow   *self,
                                   const char  *format,
                                   const char  *path,
                                   KspLang      lang,
                                   GError     **error)
{
  g_return_val_if_fail (KSP_IS_WINDOW (self), FALSE);

  if (self->document == NULL)
    {
      g_set_error_literal (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND, _("No standard is open"));
      return FALSE;
    }
  ksp_element_form_commit (self->form);
  if (!ksp_review_check_publishable (self->store, ksp_node_get_id (ksp_document_get_root (self->document)),
                                     ksp_store_get_user (self->store), error))
    return FALSE;
  ksp_window_export_to_file_in (self, format, path, lang);
  return TRUE;
}

static void
show_publication_refused (KspWindow    *self,
                          const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Not Ready for Publication"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  KspWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      const char *format = g_object_get_data (G_OBJECT (dialog), "ksp-export-format");
      const char *lang_name = g_object_get_data (G_OBJECT (dialog), "ksp-export-lang")
                                ? gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "lang") : NULL;
      const char *purpose = g_object_get_data (G_OBJECT (dialog), "ksp-export-purpose")
                              ? gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "purpose") : NULL;
      KspLang lang = KSP_LANG_NONE;

      if (path && g_strcmp0 (purpose, "publication") == 0)
        {
          g_autoptr (GError) error = NULL;
          if (!(lang_name && ksp_lang_from_string (lang_name, &lang) && lang != KSP_LANG_NONE))
            lang = ksp_export_default_language (ksp_document_get_root (self->document));
          if (!ksp_window_export_for_publication (self, format, path, lang, &error))
            show_publication_refused (self, error);
        }
      else if (path && lang_name && ksp_lang_from_string (lang_name, &lang) && lang != KSP_LANG_NONE)
        ksp_window_export_to_file_in (self, format, path, lang);
      else if (path)
        ksp_window_export_to_file (self, format, path);
      else if (file)
        ksp_window_show_error (self, _("Export needs a local file"));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static KspStandardInfo *
current_standard (KspWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->standard_dropdown);

  if (self->standards == NULL || selected >= self->standards->len)
    return NULL;
  return g_ptr_array_index (self->standards, selected);
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  KspWindow *self = user_data;
  const char *format = g_action_get_name (G_ACTION (action)) + strlen ("export-");
  KspStandardInfo *info = current_standard (self);
  KspExportFormat fmt;
  GtkFileChooserNative *native;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *title = NULL, *filter_name = NULL;

  if (self->document == NULL || self->export_run != NULL || !ksp_export_format_from_string (format, &fmt))
    return;
  if (fmt == KSP_EXPORT_PDF && self->soffice == NULL)
    {
      ksp_window_show_error (self, _("PDF export needs LibreOffice, which is not installed"));
      return;
    }

  switch (fmt)
    {
    case KSP_EXPORT_DOCX:
      title = _("Export as DOCX");
      filter_name = _("Word Documents");
      gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      break;
    case KSP_EXPORT_XML:
      title = _("Export as Kasip XML");
      filter_name = _("XML Files");
      gtk_file_filter_add_mime_type (filter, "application/xml");
      break;
    case KSP_EXPORT_PDF:
      title = _("Export as PDF");
      filter_name = _("PDF Documents");
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      break;
    default:
      g_assert_not_reached ();
    }
  {
    g_autofree char *pattern = g_strconcat ("*", ksp_export_format_extension (fmt), NULL);
    gtk_file_filter_add_pattern (filter, pattern);
  }
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
  {
    const char *dir = self->export_dir ? self->export_dir : g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
    if (dir && g_file_test (dir, G_FILE_TEST_IS_DIR))
      {
        g_autoptr (GFile) folder = g_file_new_for_path (dir);
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
      }
  }
  {
    const char *std_title = info ? (info->title_ru && *info->title_ru ? info->title_ru : info->title_kk) : NULL;
    name = ksp_export_suggest_filename (info ? info->code : NULL, std_title, fmt);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  }
  /* The language of the document (XML holds both): the interface's where the standard has text in it. */
  if (fmt != KSP_EXPORT_XML)
    {
      _ksp_window_add_language_choice (GTK_FILE_CHOOSER (native),
                                       ksp_export_default_language (ksp_document_get_root (self->document)));
      g_object_set_data (G_OBJECT (native), "ksp-export-lang", GINT_TO_POINTER (TRUE));
    }
  /* Once review is set up: a draft for discussion, or the text for publication (checked: ksp-review.h). */
  if (ksp_review_is_set_up (self->store, NULL))
    {
      const char *ids[] = { "draft", "publication", NULL };
      const char *labels[] = { _("A draft for discussion"), _("For publication"), NULL };
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "purpose", _("Purpose"), ids, labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "purpose", "draft");
      g_object_set_data (G_OBJECT (native), "ksp-export-purpose", GINT_TO_POINTER (TRUE));
    }
  g_object_set_data_full (G_OBJECT (native), "ksp-export-format", g_strdup (format), g_free);
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_cancel_activated (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  KspWindow *self = user_data;

  if (self->export_run)
    g_cancellable_cancel (self->export_run->cancellable);
}

static void
on_exported_launched (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (KspWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("Could not open the exported file: %s"), error->message);
      ksp_window_show_error (self, text);
    }
}

static void
open_exported_activated (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  KspWindow *self = user_data;
  g_autoptr (GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self))));
  g_app_info_launch_default_for_uri_async (g_variant_get_string (param, NULL), context, NULL,
                                           on_exported_launched, g_object_ref (self));
}

static void
show_checks_changed (GSimpleAction *action,
                     GVariant      *state,
                     gpointer       user_data)
{
  KspWindow *self = user_data;
  gboolean show = g_variant_get_boolean (state);

  g_simple_action_set_state (action, state);
  gtk_widget_set_visible (GTK_WIDGET (self->findings_view), show);
  if (show && self->validate_source != 0)
    run_validation (self);
}

/* "Export as PDF" says in its label when LibreOffice is missing, rather than failing when chosen. */
static void
add_pdf_menu_item (KspWindow *self)
{
  g_autoptr (GMenuItem) item = NULL;

  if (self->soffice)
    item = g_menu_item_new (_("Export as _PDF…"), "win.export-pdf");
  else
    item = g_menu_item_new (_("Export as PDF (needs LibreOffice)"), "win.export-pdf");
  g_menu_append_item (self->export_section, item);
}

/* Ctrl+? and the menu: the shortcuts window, built the first time it is asked for (GtkApplication would
 * build one for every window as it is made, from gtk/help-overlay.ui: a tenth of the time to the first
 * frame; it is stored as ksp-help-overlay.ui instead). */
static void
show_help_overlay_activated (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  KspWindow *self = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));

  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource ("/kz/gov/enbek/Kasip/ksp-help-overlay.ui");
      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* Sets the overlay's transient parent; the window's action of the same name stays this one. */
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static const GActionEntry win_actions[] = {
  { "show-help-overlay", show_help_overlay_activated },
  { "undo", undo_activated },
  { "redo", redo_activated },
  { "open", open_activated },
  { "open-sample", open_sample_activated },
  { "about", about_activated },
  { "export-docx", export_activated },
  { "export-xml", export_activated },
  { "export-pdf", export_activated },
  { "export-cancel", export_cancel_activated },
  { "open-exported", open_exported_activated, "s" },
  { "show-checks", NULL, NULL, "false", show_checks_changed },
};

/* ---------------------------------------------------------------------------------------------- */
/* signals from the template                                                                       */

static void
on_node_selected (KspWindow *self,
                  KspNode   *node)
{
  ksp_element_form_set_node (self->form, node);
  if (self->review_panel)
    ksp_review_panel_set_element (self->review_panel, node);
  _ksp_window_presence_selected (self, node);
  if (node && !self->opening)
    _ksp_window_session_place_changed (self); /* also kept when the session ends without closing */
}

static void
on_notice_closed (KspWindow *self)
{
  gtk_widget_set_visible (self->notice_bar, FALSE);
}

static void
on_finding_activated (KspWindow  *self,
                      const char *node_id)
{
  if (!ksp_window_select_element (self, node_id))
    ksp_window_show_error (self, _("The element this finding is about is no longer in the standard"));
}

static void
on_form_error (KspWindow  *self,
               const char *message)
{
  ksp_window_show_error (self, message);
}

static void
on_form_conflict (KspWindow      *self,
                  KspFieldEditor *editor,
                  gpointer        conflict,
                  const char     *name)
{
  _ksp_window_show_conflict (self, editor, conflict, name);
}

static gboolean
ksp_window_close_request (GtkWindow *window)
{
  KspWindow *self = KSP_WINDOW (window);

  if (self->document)
    ksp_element_form_commit (self->form);
  /* what the server did not take yet: tried once more, and the window not closed in silence over it */
  if (!self->closing_anyway && !_ksp_window_retry_offline (self))
    {
      _ksp_window_ask_close_offline (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (ksp_window_parent_class)->close_request (window);
}

void
_ksp_window_close_anyway (KspWindow *self)
{
  self->closing_anyway = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_form_offline (KspWindow      *self,
                 KspFieldEditor *editor,
                 KspNode        *node,
                 const char     *text,
                 const char     *seen,
                 const char     *message)
{
  g_autofree char *name = NULL;

  name = ksp_element_form_dup_field_name (self->form, editor);
  _ksp_window_keep_offline (self, editor, node, text, seen, name);
}

static void
ksp_window_dispose (GObject *object)
{
  KspWindow *self = KSP_WINDOW (object);

  /* Closing the window cancels an export under way: a PDF's LibreOffice is stopped, a DOCX or XML
   * already being written is finished (the application is held until then); its callback only cleans
   * up. */
  if (self->export_run)
    {
      g_cancellable_cancel (self->export_run->cancellable);
      self->export_run = NULL;
    }
  clear_pending_open (self);
  /* Writes what is still typed but not committed, then releases the workspace lock. */
  if (self->form)
    close_workspace (self);
  g_clear_handle_id (&self->validate_source, g_source_remove);
  if (self->validate_cancellable)
    g_cancellable_cancel (self->validate_cancellable);
  g_clear_object (&self->validate_cancellable);
  _ksp_window_structure_dispose (self); /* before the outline its menu is attached to */
  _ksp_window_search_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KSP_TYPE_WINDOW);
  G_OBJECT_CLASS (ksp_window_parent_class)->dispose (object);
}

static void
ksp_window_finalize (GObject *object)
{
  KspWindow *self = KSP_WINDOW (object);

  g_free (self->soffice);
  g_free (self->view_title);
  g_free (self->export_dir);
  G_OBJECT_CLASS (ksp_window_parent_class)->finalize (object);
}

static void
ksp_window_class_init (KspWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ksp_window_dispose;
  object_class->finalize = ksp_window_finalize;
  window_class->close_request = ksp_window_close_request;

  g_type_ensure (KSP_TYPE_OUTLINE_VIEW);
  g_type_ensure (KSP_TYPE_ELEMENT_FORM);
  g_type_ensure (KSP_TYPE_FINDINGS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/kz/gov/enbek/Kasip/ksp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KspWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, workspace_label);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, standard_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, back_to_draft_button);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, notice_bar);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, notice_label);
  gtk_widget_class_bind_template_callback (widget_class, on_notice_closed);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, export_spinner);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, export_label);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, export_section);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, outline);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, form);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, review_paned);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, checks_paned);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, checks_button);
  gtk_widget_class_bind_template_child (widget_class, KspWindow, findings_view);
  gtk_widget_class_bind_template_callback (widget_class, on_node_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_form_error);
  gtk_widget_class_bind_template_callback (widget_class, on_form_conflict);
  gtk_widget_class_bind_template_callback (widget_class, on_form_offline);
  gtk_widget_class_bind_template_callback (widget_class, on_finding_activated);

  /* Also set as application accels (ksp-application.c); these keep them in a window without one. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-docx", NULL);

  /**
   * KspWindow::export-finished:
   * @path: the file the export was writing
   * @error_message: (nullable): why it failed or was cancelled, %NULL when the file was written
   */
  _ksp_window_files_class_init (widget_class);
  signals[SIGNAL_EXPORT_FINISHED] =
    g_signal_new ("export-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static GtkWidget *
create_selector_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  return label;
}

static void
selector_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  gtk_list_item_set_child (item, create_selector_label ());
}

static void
selector_bind (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  gtk_widget_set_tooltip_text (label, gtk_string_object_get_string (string));
}

static void
ksp_window_init (KspWindow *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (lookup_action (self, "undo")), FALSE);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (lookup_action (self, "redo")), FALSE);
  self->soffice = ksp_export_find_soffice ();
  add_pdf_menu_item (self);
  update_export_actions (self);

  g_signal_connect (factory, "setup", G_CALLBACK (selector_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (selector_bind), NULL);
  gtk_drop_down_set_factory (self->standard_dropdown, factory);
  g_signal_connect_swapped (self->standard_dropdown, "notify::selected", G_CALLBACK (on_standard_selected), self);

  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  gtk_stack_set_visible_child_name (self->title_stack, "title");
  _ksp_window_structure_setup (self);
  _ksp_window_search_setup (self);
  _ksp_window_keys_setup (self);
  _ksp_window_review_setup (self);
  _ksp_window_session_setup (self);
  _ksp_window_files_setup (self);
  _ksp_window_editions_setup (self);
}

GtkPaned *
_ksp_window_get_outline_paned (KspWindow *self)
{
  return self->paned;
}

GtkPaned *
_ksp_window_get_checks_paned (KspWindow *self)
{
  return self->checks_paned;
}

/* The handle of the standard shown, or %NULL. */
const char *
_ksp_window_get_standard_handle (KspWindow *self)
{
  KspStandardInfo *info = current_standard (self);
  return info ? info->handle : NULL;
}

/* Shows the standard whose element has @node_id, as choosing it in the selector does. */
gboolean
_ksp_window_select_standard_node (KspWindow  *self,
                                  const char *node_id)
{
  for (guint i = 0; self->standards && i < self->standards->len; i++)
    {
      KspStandardInfo *info = g_ptr_array_index (self->standards, i);
      if (g_strcmp0 (info->node_id, node_id) == 0)
        {
          gtk_drop_down_set_selected (self->standard_dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Shows the standard with @handle, as choosing it in the selector does. */
gboolean
_ksp_window_select_standard (KspWindow  *self,
                             const char *handle)
{
  for (guint i = 0; self->standards && i < self->standards->len; i++)
    {
      KspStandardInfo *info = g_ptr_array_index (self->standards, i);
      if (g_strcmp0 (info->handle, handle) == 0)
        {
          gtk_drop_down_set_selected (self->standard_dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* The standard chosen in the selector, or %NULL. */
KspStandardInfo *
_ksp_window_get_standard (KspWindow *self)
{
  return current_standard (self);
}

static char *
selected_id (KspWindow *self)
{
  KspNode *node = ksp_outline_view_get_selected (self->outline);
  return node ? g_strdup (ksp_node_get_id (node)) : NULL;
}

/**
 * _ksp_window_show_view:
 * @view: a read-only document: an edition, or a tree made from the draft (the text in force on a date)
 * @title: what it is, for the read-only bar ("Edition 2 of 31.03.2026")
 *
 * Shows @view in place of the draft, on the element selected (the IDs are the same); the draft is
 * committed first and kept as it is. win.back-to-draft goes back.
 */
void
_ksp_window_show_view (KspWindow   *self,
                       KspDocument *view,
                       const char  *title)
{
  g_autofree char *id = selected_id (self);

  if (self->document && !self->view_title)
    ksp_element_form_commit (self->form);
  g_free (self->view_title);
  self->view_title = g_strdup (title);
  self->document_tree = 0;
  set_document (self, view);
  if (id)
    ksp_window_select_element (self, id);
}

/* The draft again, in place of a view (on the same element). */
void
_ksp_window_show_draft (KspWindow *self)
{
  g_autofree char *id = NULL;

  if (self->view_title == NULL)
    return;
  id = selected_id (self);
  load_standard (self, gtk_drop_down_get_selected (self->standard_dropdown));
  if (id)
    ksp_window_select_element (self, id);
}

/* Whether a view (not the draft) is shown. */
gboolean
_ksp_window_is_showing_view (KspWindow *self)
{
  return self->view_title != NULL;
}

KspWindow *
ksp_window_new (KspApplication *app)
{
  return g_object_new (KSP_TYPE_WINDOW, "application", app, NULL);
}

KspStore *
ksp_window_get_store (KspWindow *self)
{
  g_return_val_if_fail (KSP_IS_WINDOW (self), NULL);
  return self->store;
}

KspWorkspace *
ksp_window_get_workspace (KspWindow *self)
{
  g_return_val_if_fail (KSP_IS_WINDOW (self), NULL);
  return self->workspace;
}

KspReviewPanel *
_ksp_window_get_review_panel (KspWindow *self)
{
  return self->review_panel;
}

/* The review panel, made the first time it is asked for (F9): nothing of it is built before then. */
KspReviewPanel *
_ksp_window_ensure_review_panel (KspWindow *self)
{
  if (self->review_panel == NULL)
    {
      self->review_panel = KSP_REVIEW_PANEL (ksp_review_panel_new ());
      gtk_widget_set_size_request (GTK_WIDGET (self->review_panel), 280, -1);
      gtk_widget_set_visible (GTK_WIDGET (self->review_panel), FALSE);
      gtk_paned_set_end_child (self->review_paned, GTK_WIDGET (self->review_panel));
      ksp_review_panel_set_workspace (self->review_panel, self->workspace);
      ksp_review_panel_set_document (self->review_panel, self->document,
                                     self->document && !ksp_window_is_read_only (self));
      ksp_review_panel_set_element (self->review_panel, ksp_outline_view_get_selected (self->outline));
    }
  return self->review_panel;
}

GtkPaned *
_ksp_window_get_review_paned (KspWindow *self)
{
  return self->review_paned;
}

GtkWidget *
_ksp_window_get_notice_bar (KspWindow *self)
{
  return self->notice_bar;
}

KspDocument *
ksp_window_get_document (KspWindow *self)
{
  g_return_val_if_fail (KSP_IS_WINDOW (self), NULL);
  return self->document;
}

KspFindingsView *
ksp_window_get_findings_view (KspWindow *self)
{
  g_return_val_if_fail (KSP_IS_WINDOW (self), NULL);
  return self->findings_view;
}

KspElementForm *
ksp_window_get_form (KspWindow *self)
{
  g_return_val_if_fail (KSP_IS_WINDOW (self), NULL);
  return self->form;
}

KspOutlineView *
ksp_window_get_outline (KspWindow *self)
{
  g_return_val_if_fail (KSP_IS_WINDOW (self), NULL);
  return self->outline;
}

/**
 * ksp_window_select_element:
 * @id: an element's ID in the open standard
 *
 * Shows the element in the outline and its fields in the form.
 * Returns: %FALSE if the open standard has no such element
 */
gboolean
ksp_window_select_element (KspWindow  *self,
                           const char *id)
{
  KspNode *node;

  g_return_val_if_fail (KSP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->document == NULL || (node = ksp_document_lookup (self->document, id)) == NULL)
    return FALSE;
  return ksp_outline_view_select_node (self->outline, node);
}
