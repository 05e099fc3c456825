/* ksp-window-files.c: File → New Workspace and File → Import in the window
 *
 * New Workspace creates an empty workspace file where the user says (never over an existing file) and
 * opens it. Import reads the chosen published texts (Adilet text, DOCX, Kasip XML, a qualification
 * framework) in a worker, stores them all or none (export/ksp-import-batch.c: a refused file names its
 * line), then shows what was understood — the parse report — and opens the first standard imported.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ksp-import-batch.h"
#include "ksp-import-summary.h"
#include "ksp-window-private.h"

static guint import_finished_signal;

/**
 * _ksp_window_file_chooser:
 * @patterns: the file name patterns of the first filter, %NULL-terminated
 *
 * Returns: (transfer full): a modal native file chooser over @window with that filter and "All Files"
 */
GtkFileChooserNative *
_ksp_window_file_chooser (gpointer              window,
                          const char           *title,
                          GtkFileChooserAction  action,
                          const char           *accept,
                          const char           *filter_name,
                          const char *const    *patterns)
{
  GtkFileChooserNative *native = gtk_file_chooser_native_new (title, GTK_WINDOW (window), action, accept,
                                                              _("_Cancel"));
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, filter_name);
  for (guint i = 0; patterns[i]; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
  return native;
}

/**
 * _ksp_window_page_dialog_new:
 * @title_widget: the header's title (an AdwWindowTitle)
 * @out_page: (out): the AdwPreferencesPage the dialog shows, for its groups
 *
 * Returns: (transfer none): a modal dialog over @window (destroyed with it; Escape closes it) with a header
 *   bar and a preferences page: what File → Editions… and File → Review… are made of
 */
GtkWidget *
_ksp_window_page_dialog_new (KspWindow  *window,
                             const char *title,
                             GtkWidget  *title_widget,
                             int         width,
                             int         height,
                             GtkWidget **out_page)
{
  GtkWidget *dialog = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_window_set_title (GTK_WINDOW (dialog), title);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), width, height);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title_widget);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (dialog), box);
  /* Escape closes it, as every dialog */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog, keys);
  *out_page = page;
  return dialog;
}

/**
 * _ksp_window_add_language_choice:
 * @default_lang: KSP_LANG_KK or KSP_LANG_RU
 *
 * Adds the "lang" choice (Kazakh, Russian) of a document's language to @chooser, @default_lang chosen.
 * The default is listed first: GTK 4.8's own file chooser (the fallback without a portal) ignores
 * gtk_file_chooser_set_choice() on a choice with options and shows the first one.
 */
void
_ksp_window_add_language_choice (GtkFileChooser *chooser,
                                 KspLang         default_lang)
{
  static const char *kk_first[] = { "kk", "ru", NULL };
  static const char *ru_first[] = { "ru", "kk", NULL };
  const char *kk_labels[] = { _("Kazakh"), _("Russian"), NULL };
  const char *ru_labels[] = { _("Russian"), _("Kazakh"), NULL };
  gboolean kk = default_lang == KSP_LANG_KK;

  gtk_file_chooser_add_choice (chooser, "lang", _("Language"), kk ? kk_first : ru_first, kk ? kk_labels : ru_labels);
  gtk_file_chooser_set_choice (chooser, "lang", kk ? "kk" : "ru");
}

/**
 * _ksp_window_chosen_lang:
 * Returns: the language a chooser's "lang" choice holds: KSP_LANG_KK or KSP_LANG_RU
 */
KspLang
_ksp_window_chosen_lang (GtkFileChooser *chooser)
{
  return g_strcmp0 (gtk_file_chooser_get_choice (chooser, "lang"), "kk") == 0 ? KSP_LANG_KK : KSP_LANG_RU;
}

/**
 * _ksp_window_chosen_path:
 *
 * Returns: (transfer full) (nullable): the local file a file chooser's @response accepted, %NULL when it
 *   was cancelled (or the file is not local)
 */
char *
_ksp_window_chosen_path (GtkNativeDialog *dialog,
                         int              response)
{
  g_autoptr (GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  return file ? g_file_get_path (file) : NULL;
}

/* ---------------------------------------------------------------------------------------------- */
/* new workspace                                                                                   */

/**
 * ksp_window_new_workspace:
 * @path: where the new workspace goes; an existing file is never replaced
 *
 * Creates an empty workspace at @path and opens it in the window.
 */
gboolean
ksp_window_new_workspace (KspWindow   *self,
                          const char  *path,
                          GError     **error)
{
  g_autoptr (KspStore) store = NULL;

  g_return_val_if_fail (KSP_IS_WINDOW (self), FALSE);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   /* Translators: %s is a file; a new workspace never replaces one */
                   _("%s already exists; choose another name (a workspace is never overwritten)"), display);
      return FALSE;
    }
  store = ksp_store_open_uri (path, KSP_STORE_OPEN_CREATE, error);
  if (store == NULL)
    return FALSE;
  ksp_store_close (store);
  return ksp_window_open_workspace (self, path, error);
}

static void
on_new_response (GtkNativeDialog *dialog,
                 int              response,
                 gpointer         user_data)
{
  KspWindow *self = user_data;
  g_autofree char *path = _ksp_window_chosen_path (dialog, response);
  g_autoptr (GError) error = NULL;

  if (path && !g_str_has_suffix (path, ".kasip"))
    {
      char *with = g_strconcat (path, ".kasip", NULL);
      g_free (path);
      path = with;
    }
  if (path && !ksp_window_new_workspace (self, path, &error))
    ksp_window_show_error (self, error->message);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
new_workspace_activated (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  KspWindow *self = user_data;
  static const char *const patterns[] = { "*.kasip", NULL };
  GtkFileChooserNative *native = _ksp_window_file_chooser (self, _("New Workspace"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                                           _("_Create"), _("Kasip Workspaces"), patterns);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("standards.kasip"));
  g_signal_connect (native, "response", G_CALLBACK (on_new_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---------------------------------------------------------------------------------------------- */
/* import                                                                                           */

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_task_return_pointer (task, ksp_import_batch_read ((const char *const *) task_data),
                         (GDestroyNotify) g_ptr_array_unref);
}

/* The parse report of each file: what was understood, what was refused and why. */
static char *
describe_items (GPtrArray *items)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      KspImportItem *item = g_ptr_array_index (items, i);
      g_autofree char *name = g_filename_display_basename (item->path);

      if (text->len)
        g_string_append (text, "\n\n");
      if (item->error)
        /* Translators: a file refused by the import; %s is the file, then why */
        g_string_append_printf (text, _("%s: refused: %s"), name, item->error->message);
      else if (item->reference)
        /* Translators: %s is a file, %u how many occupations it lists */
        g_string_append_printf (text, _("%s: qualification framework, %u occupations"), name, item->n_occupations);
      else
        {
          KspCounts c = { 0 };
          guint n = item->report ? ksp_import_report_get_n (item->report) : 0;

          ksp_counts_add_tree (&c, item->root);
          g_string_append_printf (text, "%s\n", name);
          /* Translators: what the import understood in a file */
          g_string_append_printf (text, _("%u cards, %u labour functions, %u skills, %u abilities, %u knowledge items"),
                                  c.cards, c.functions, c.skills, c.abilities, c.knowledge);
          if (n > 0)
            {
              g_string_append_c (text, '\n');
              g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u remark in the parse report:",
                                                         "%u remarks in the parse report:", n), n);
            }
          for (guint k = 0; k < MIN (n, 5u); k++)
            {
              const KspImportWarning *w = ksp_import_report_get (item->report, k);
              g_string_append_printf (text, "\n  %u: %s", w->line, w->message);
            }
          if (n > 5)
            {
              g_string_append_c (text, '\n');
              /* Translators: the parse report goes on; %u counts the remarks not shown */
              g_string_append_printf (text, _("  … and %u more"), n - 5);
            }
        }
    }
  return g_string_free (text, FALSE);
}

/* The ID of the first standard element imported, to open it. */
static const char *
first_standard_id (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      KspImportItem *item = g_ptr_array_index (items, i);
      if (item->root && item->stored)
        {
          g_autoptr (GPtrArray) stack = g_ptr_array_new ();
          g_ptr_array_add (stack, item->root);
          while (stack->len)
            {
              KspNode *n = g_ptr_array_steal_index (stack, 0);
              if (g_str_equal (ksp_node_get_kind (n), "standard"))
                return ksp_node_get_id (n);
              for (guint k = 0; k < ksp_node_get_n_children (n); k++)
                g_ptr_array_add (stack, ksp_node_get_child (n, k));
            }
        }
    }
  return NULL;
}

static void
show_report (KspWindow  *self,
             const char *heading,
             const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  KspWindow *self = KSP_WINDOW (source);
  g_autoptr (GPtrArray) items = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *select = NULL;
  KspStore *store = ksp_window_get_store (self);
  guint stored = 0;

  if (items == NULL || store == NULL)
    return;
  if (!ksp_import_batch_store (store, items, FALSE, &error))
    {
      body = describe_items (items);
      show_report (self, _("Nothing Was Imported"), body);
      g_signal_emit (self, import_finished_signal, 0, 0u, error->message);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    stored += ((KspImportItem *) g_ptr_array_index (items, i))->stored;
  body = describe_items (items);
  select = g_strdup (first_standard_id (items));
  /* The selector lists the new standards once the workspace is read again. */
  {
    g_autofree char *location = g_strdup (ksp_store_get_location (store));
    if (!ksp_window_open_workspace (self, location, &error))
      ksp_window_show_error (self, error->message);
    else if (select)
      _ksp_window_select_standard_node (self, select);
  }
  show_report (self, _("Imported"), body);
  g_signal_emit (self, import_finished_signal, 0, stored, NULL);
}

/**
 * ksp_window_import_files:
 * @paths: the files to import (published texts, DOCX, Kasip XML, a qualification framework)
 *
 * Reads them in a worker, stores them all or none in the open workspace, shows the parse report and
 * opens the first standard imported; emits #KspWindow::import-finished.
 */
void
ksp_window_import_files (KspWindow         *self,
                         const char *const *paths)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (KSP_IS_WINDOW (self));
  if (ksp_window_get_store (self) == NULL || ksp_store_is_read_only (ksp_window_get_store (self)))
    {
      const char *why = _("Open a workspace that can be changed first");
      ksp_window_show_error (self, why);
      g_signal_emit (self, import_finished_signal, 0, 0u, why);
      return;
    }
  task = g_task_new (self, NULL, read_done, NULL);
  g_task_set_task_data (task, g_strdupv ((char **) paths), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, read_in_thread);
}

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  KspWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr (GStrvBuilder) paths = g_strv_builder_new ();
      g_auto (GStrv) list = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr (GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);
          if (path)
            g_strv_builder_add (paths, path);
        }
      list = g_strv_builder_end (paths);
      if (list[0])
        ksp_window_import_files (self, (const char *const *) list);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  KspWindow *self = user_data;
  static const char *const patterns[] = { "*.txt", "*.docx", "*.xml", NULL };
  GtkFileChooserNative *native = _ksp_window_file_chooser (self, _("Import Published Standards"),
                                                           GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                                           _("Standards (text, DOCX, Kasip XML)"), patterns);

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_import_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static const GActionEntry file_actions[] = {
  { "new-workspace", new_workspace_activated },
  { "import", import_activated },
};

/**
 * _ksp_window_files_update:
 *
 * Import needs a workspace that can be changed.
 */
void
_ksp_window_files_update (KspWindow *window)
{
  KspStore *store = ksp_window_get_store (window);
  GAction *import = g_action_map_lookup_action (G_ACTION_MAP (window), "import");

  if (import)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (import), store && !ksp_store_is_read_only (store));
}

void
_ksp_window_files_class_init (GtkWidgetClass *widget_class)
{
  /**
   * KspWindow::import-finished:
   * @n_imported: how many files were stored
   * @error_message: (nullable): why nothing was imported, %NULL when it was
   */
  import_finished_signal = g_signal_new ("import-finished", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
}

void
_ksp_window_files_setup (KspWindow *window)
{
  g_action_map_add_action_entries (G_ACTION_MAP (window), file_actions, G_N_ELEMENTS (file_actions), window);
  _ksp_window_files_update (window);
}
