/* ksp-export.c: exporting a standard from the editor, off the main thread (see ksp-export.h) */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <libxml/parser.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "ksp-docx-writer.h"
#include "ksp-export.h"
#include "ksp-interface-language.h"
#include "ksp-xml-writer.h"

/* LibreOffice's output quoted in an error message is cut to this many bytes. */
#define MAX_OUTPUT_QUOTED 2000

gboolean
ksp_export_format_from_string (const char      *name,
                               KspExportFormat *out_format)
{
  static const char *const names[] = { "docx", "xml", "pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *out_format = (KspExportFormat) i;
        return TRUE;
      }
  return FALSE;
}

const char *
ksp_export_format_to_string (KspExportFormat format)
{
  switch (format)
    {
    case KSP_EXPORT_DOCX:
      return "docx";
    case KSP_EXPORT_XML:
      return "xml";
    case KSP_EXPORT_PDF:
      return "pdf";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
ksp_export_format_extension (KspExportFormat format)
{
  switch (format)
    {
    case KSP_EXPORT_DOCX:
      return ".docx";
    case KSP_EXPORT_XML:
      return ".xml";
    case KSP_EXPORT_PDF:
      return ".pdf";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ksp_export_find_soffice:
 *
 * The LibreOffice program that converts DOCX to PDF: soffice (or libreoffice) in PATH. $KASIP_SOFFICE,
 * when set, names the program instead; set and empty, it means "not installed" (for tests).
 *
 * Returns: (transfer full) (nullable): the program's path, or %NULL when there is none
 */
char *
ksp_export_find_soffice (void)
{
  const char *override = g_getenv ("KASIP_SOFFICE");
  char *path;

  if (override)
    return *override ? g_find_program_in_path (override) : NULL;
  path = g_find_program_in_path ("soffice");
  if (path == NULL)
    path = g_find_program_in_path ("libreoffice");
  return path;
}

/**
 * ksp_export_suggest_filename:
 * @code: (nullable): the standard's code
 * @title: (nullable): its title, used when there is no code
 *
 * Returns: (transfer full): a file name for the export: the code (or the start of the title) with the
 * format's extension, without characters file systems refuse
 */
char *
ksp_export_suggest_filename (const char      *code,
                             const char      *title,
                             KspExportFormat  format)
{
  g_autoptr (GString) name = g_string_new (NULL);
  const char *base = code && *code ? code : title;
  g_autofree char *stripped = g_strstrip (g_strdup (base ? base : ""));
  guint chars = 0;

  for (const char *p = stripped; *p && chars < 80; p = g_utf8_next_char (p), chars++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || strchr ("/\\:*?\"<>|", (int) c) != NULL)
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  while (name->len > 0 && (name->str[name->len - 1] == ' ' || name->str[name->len - 1] == '.'))
    g_string_truncate (name, name->len - 1);
  if (name->len == 0 || name->str[0] == '.')
    g_string_prepend (name, "standard");
  g_string_append (name, ksp_export_format_extension (format));
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* ---------------------------------------------------------------------------------------------- */
/* the worker                                                                                       */

typedef struct {
  KspNode         *root;       /* the snapshot: only the worker uses it */
  KspLang          lang;
  KspExportFormat  format;
  char            *path;
  char            *soffice;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->root);
  g_free (data->path);
  g_free (data->soffice);
  g_free (data);
}

/* Removes @path and everything under it, without following symbolic links. */
static void
remove_tree (const char *path)
{
  GDir *dir;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) && (dir = g_dir_open (path, 0, NULL)))
    {
      const char *name;

      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* LibreOffice starts soffice.bin from a launcher: its own process group lets a cancel end both. */
static void
child_setup (gpointer user_data)
{
  setpgid (0, 0);
}

static void
kill_group (GSubprocess *proc)
{
  const char *id = g_subprocess_get_identifier (proc);

  if (id)
    kill (-(pid_t) atoi (id), SIGKILL);
  g_subprocess_force_exit (proc);
  g_subprocess_wait (proc, NULL, NULL);
}

typedef struct {
  GCancellable *cancellable;
  GAsyncResult *result;
  gint          timed_out;
} RunState;

static void
forward_cancel (GCancellable *cancellable,
                GCancellable *other)
{
  g_cancellable_cancel (other);
}

static gboolean
on_timeout (gpointer user_data)
{
  RunState *state = user_data;

  g_atomic_int_set (&state->timed_out, TRUE);
  g_cancellable_cancel (state->cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RunState *state = user_data;

  state->result = g_object_ref (result);
}

/* What LibreOffice said, for an error message: stderr, else stdout, trimmed. */
static char *
quote_output (const char *out,
              const char *err)
{
  g_autofree char *text = g_strstrip (g_strdup (err && *err ? err : out ? out : ""));

  if (strlen (text) > MAX_OUTPUT_QUOTED)
    {
      const char *end = text + MAX_OUTPUT_QUOTED;
      g_utf8_validate (text, MAX_OUTPUT_QUOTED, &end);
      return g_strdup_printf ("%.*s…", (int) (end - text), text);
    }
  return g_steal_pointer (&text);
}

/* Runs LibreOffice with @argv in this (worker) thread, until it ends, is cancelled or times out. */
static gboolean
run_soffice (const char * const *argv,
             const char         *cwd,
             GCancellable       *cancellable,
             char              **out_said,
             GError            **error)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GSource) timeout = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  RunState state = { g_cancellable_new (), NULL, FALSE };
  gulong handler = 0;
  gboolean ok = FALSE;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, cwd);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, argv, &local_error);
  if (proc == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, _("Could not start LibreOffice: %s"),
                   local_error->message);
      g_object_unref (state.cancellable);
      return FALSE;
    }

  g_main_context_push_thread_default (context);
  if (cancellable)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel), state.cancellable, NULL);
  timeout = g_timeout_source_new_seconds (KSP_EXPORT_PDF_TIMEOUT_SECONDS);
  g_source_set_callback (timeout, on_timeout, &state, NULL);
  g_source_attach (timeout, context);
  g_subprocess_communicate_utf8_async (proc, NULL, state.cancellable, on_communicated, &state);
  while (state.result == NULL)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (timeout);
  if (cancellable)
    g_cancellable_disconnect (cancellable, handler);

  if (!g_subprocess_communicate_utf8_finish (proc, state.result, &out, &err, &local_error))
    {
      kill_group (proc);
      if (g_atomic_int_get (&state.timed_out))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                     /* Translators: %d is a number of seconds */
                     _("LibreOffice did not finish converting to PDF within %d seconds"),
                     KSP_EXPORT_PDF_TIMEOUT_SECONDS);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  else if (!g_subprocess_get_successful (proc))
    {
      g_autofree char *said = quote_output (out, err);
      int status = g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1;

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %d is the exit status, %s what LibreOffice printed */
                   _("LibreOffice failed (exit status %d): %s"), status, *said ? said : _("no message"));
    }
  else
    {
      /* soffice often exits with 0 when it could not convert: the caller checks for the file and quotes
       * what it said. */
      *out_said = quote_output (out, err);
      ok = TRUE;
    }

  g_main_context_pop_thread_default (context);
  g_clear_object (&state.result);
  g_object_unref (state.cancellable);
  return ok;
}

static gboolean
export_pdf (ExportData    *data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *tmp = NULL, *docx = NULL, *outdir = NULL, *profile = NULL, *profile_uri = NULL;
  g_autofree char *env_arg = NULL, *pdf = NULL, *said = NULL;
  g_autoptr (GFile) pdf_file = NULL, target = NULL;
  gboolean ok = FALSE;

  if (data->soffice == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("PDF export needs LibreOffice, which is not installed (no soffice program found)"));
      return FALSE;
    }
  tmp = g_dir_make_tmp ("kasip-pdf-XXXXXX", error);
  if (tmp == NULL)
    return FALSE;
  docx = g_build_filename (tmp, "standard.docx", NULL);
  outdir = g_build_filename (tmp, "out", NULL);
  profile = g_build_filename (tmp, "profile", NULL);
  pdf = g_build_filename (outdir, "standard.pdf", NULL);

  if (!ksp_docx_writer_write_file (data->root, data->lang, docx, error))
    goto out;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  if (g_mkdir (outdir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("Could not create %s: %s"), outdir,
                   g_strerror (saved));
      goto out;
    }
  profile_uri = g_filename_to_uri (profile, NULL, error);
  if (profile_uri == NULL)
    goto out;
  env_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  {
    const char *argv[] = {
      data->soffice, env_arg, "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
      "--convert-to", "pdf", "--outdir", outdir, docx, NULL
    };

    if (!run_soffice (argv, tmp, cancellable, &said, error))
      goto out;
  }
  if (!g_file_test (pdf, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is what LibreOffice printed */
                   _("LibreOffice ended without writing a PDF: %s"), said && *said ? said : _("no message"));
      goto out;
    }
  pdf_file = g_file_new_for_path (pdf);
  target = g_file_new_for_path (data->path);
  ok = g_file_move (pdf_file, target, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, error);

out:
  remove_tree (tmp);
  return ok;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr (GError) error = NULL;
  gboolean ok = FALSE;

  if (g_task_return_error_if_cancelled (task))
    return;
  switch (data->format)
    {
    case KSP_EXPORT_DOCX:
      ok = ksp_docx_writer_write_file (data->root, data->lang, data->path, &error);
      break;
    case KSP_EXPORT_XML:
      ok = ksp_xml_writer_write_file (data->root, NULL, data->path, &error);
      break;
    case KSP_EXPORT_PDF:
      ok = export_pdf (data, cancellable, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* Whether a card (or, without cards, any element) of @node's tree has a text in @lang. */
static gboolean
has_text_in (KspNode *node,
             KspLang  lang)
{
  const KspKindSpec *spec = ksp_node_get_kind_spec (node);

  if (spec && g_str_equal (spec->name, "card"))
    {
      for (guint i = 0; i < spec->n_fields; i++)
        if (ksp_field_is_bilingual (&spec->fields[i]))
          {
            const char *v = ksp_node_get_value (node, spec->fields[i].name, lang);
            if (v && *v)
              return TRUE;
          }
    }
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    if (has_text_in (ksp_node_get_child (node, i), lang))
      return TRUE;
  return FALSE;
}

/**
 * ksp_export_default_language:
 *
 * Returns: the language an export of @root is in unless the user chooses: the interface's where the
 *   standard has text in it, else the language it was published in (Russian when it says none)
 */
KspLang
ksp_export_default_language (KspNode *root)
{
  KspLang ui = ksp_interface_data_language ();
  KspLang published = KSP_LANG_NONE;

  if (has_text_in (root, ui))
    return ui;
  if (!ksp_lang_from_string (ksp_node_get_value (root, "language", KSP_LANG_NONE), &published) ||
      published == KSP_LANG_NONE)
    published = KSP_LANG_RU;
  return published;
}

/**
 * ksp_export_async:
 * @root: the document's root; it is copied here, before this returns
 * @path: the file to write (replaced if it exists)
 *
 * Writes @root's draft as @format to @path in a worker thread: the ministry's DOCX layout in the
 * document's language (Russian when it has none), Kasip XML, or a PDF of that DOCX by LibreOffice.
 * Cancelling stops LibreOffice; a DOCX or XML already being written is finished.
 */
void
ksp_export_async (KspNode             *root,
                  KspExportFormat      format,
                  KspLang              lang,
                  const char          *path,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (KSP_IS_NODE (root));
  g_return_if_fail (path != NULL);

  /* libxml2 sets up its globals once; do it here rather than racing in a worker. */
  xmlInitParser ();

  data = g_new0 (ExportData, 1);
  data->root = ksp_node_copy (root);
  data->format = format;
  data->path = g_strdup (path);
  data->lang = lang;
  if (data->lang == KSP_LANG_NONE &&
      (!ksp_lang_from_string (ksp_node_get_value (root, "language", KSP_LANG_NONE), &data->lang) ||
       data->lang == KSP_LANG_NONE))
    data->lang = KSP_LANG_RU;
  if (format == KSP_EXPORT_PDF)
    data->soffice = ksp_export_find_soffice ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ksp_export_async);
  g_task_set_name (task, "kasip export");
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
ksp_export_finish (GAsyncResult  *result,
                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ksp_export_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
