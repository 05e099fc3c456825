/* ksp-window-recovery.c: saying what was kept after a crash
 *
 * What is typed is stored 0.3 s after the last keystroke (ksp-field-editor.c), so a crash or a kill -9
 * loses at most that. While a window holds a workspace, a note of it is kept in the user's state folder
 * ($XDG_STATE_HOME/kasip/sessions/PID.ini: the workspace and since when); closing removes it. A note left
 * by a process that is gone means that session ended without closing: the next window to open that
 * workspace says so, and which of its edits are in the workspace (from the audit trail).
 */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <unistd.h>

#include "ksp-interface-language.h"
#include "ksp-window-private.h"

static char *
sessions_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "kasip", "sessions", NULL);
}

static char *
note_path (GPid pid)
{
  g_autofree char *dir = sessions_dir ();
  g_autofree char *name = g_strdup_printf ("%d.ini", (int) pid);
  return g_build_filename (dir, name, NULL);
}

static void
save_key_file (GKeyFile   *file,
               const char *path)
{
  g_autoptr (GError) error = NULL;
  gsize n_groups = 0;
  g_auto (GStrv) groups = g_key_file_get_groups (file, &n_groups);

  if (n_groups == 0)
    g_unlink (path);
  else if (!g_key_file_save_to_file (file, path, &error))
    g_debug ("Could not keep the session note %s: %s", path, error->message);
}

/**
 * _ksp_window_recovery_begin:
 * @location: the workspace a window now holds (writable)
 *
 * Notes that this process has the workspace open.
 */
void
_ksp_window_recovery_begin (const char *location)
{
  g_autofree char *dir = sessions_dir ();
  g_autofree char *path = note_path (getpid ());
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *since = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return;
  g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL);
  g_key_file_set_string (file, location, "since", since);
  save_key_file (file, path);
}

/**
 * _ksp_window_recovery_end:
 *
 * The workspace was closed properly: the note goes.
 */
void
_ksp_window_recovery_end (const char *location)
{
  g_autofree char *path = note_path (getpid ());
  g_autoptr (GKeyFile) file = g_key_file_new ();

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return;
  g_key_file_remove_group (file, location, NULL);
  save_key_file (file, path);
}

/* Whether the process of a note is gone. */
static gboolean
process_gone (GPid pid)
{
  return pid > 0 && pid != getpid () && kill (pid, 0) != 0 && errno == ESRCH;
}

/**
 * _ksp_window_recovery_find:
 * @location: a workspace being opened
 *
 * Returns: (transfer full) (nullable): since when a session that ended without closing held @location
 *   (ISO 8601 UTC), its note removed; %NULL when none did
 */
char *
_ksp_window_recovery_find (const char *location)
{
  g_autofree char *dir = sessions_dir ();
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  char *since = NULL;

  while (d && (name = g_dir_read_name (d)))
    {
      GPid pid = (GPid) g_ascii_strtoll (name, NULL, 10);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (GKeyFile) file = g_key_file_new ();
      char *found;

      if (!g_str_has_suffix (name, ".ini") || !process_gone (pid) ||
          !g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
        continue;
      found = g_key_file_get_string (file, location, "since", NULL);
      if (found == NULL)
        continue;
      g_key_file_remove_group (file, location, NULL);
      save_key_file (file, path);
      if (since == NULL || strcmp (found, since) > 0)
        {
          g_free (since);
          since = found;
        }
      else
        g_free (found);
    }
  return since;
}

/**
 * _ksp_window_recovery_message:
 * @since: when the interrupted session began (ISO 8601 UTC)
 *
 * Returns: (transfer full): a sentence saying that the last session ended without closing and which of
 *   its edits to the open standard are kept: how many, the last one's element and time
 */
char *
_ksp_window_recovery_message (KspStore    *store,
                              KspDocument *document,
                              const char  *since)
{
  g_autoptr (GPtrArray) log = NULL;
  g_autoptr (GDateTime) start = g_date_time_new_from_iso8601 (since, NULL);
  const KspLogEntry *last = NULL;
  gint64 last_at = 0;
  guint n = 0;

  if (document && start)
    log = ksp_store_list_log (store, ksp_node_get_id (ksp_document_get_root (document)), NULL);
  for (guint i = 0; log && i < log->len; i++)
    {
      const KspLogEntry *e = g_ptr_array_index (log, i);
      g_autoptr (GDateTime) at = g_date_time_new_from_iso8601 (e->at, NULL);
      /* whole seconds: the note says when to the second, the audit to the microsecond */
      gboolean edit = g_strcmp0 (e->action, "do") == 0 || g_strcmp0 (e->action, "undo") == 0 ||
                      g_strcmp0 (e->action, "redo") == 0; /* not the standard's creation or an edition */
      if (e->tree_id != ksp_document_get_tree_id (document))
        continue;
      if (at && edit && g_date_time_to_unix (at) >= g_date_time_to_unix (start))
        {
          n++;
          if (last == NULL || g_date_time_to_unix (at) >= last_at)
            last = e, last_at = g_date_time_to_unix (at);
        }
    }
  if (n == 0 || last == NULL)
    return g_strdup (_("Kasip was not closed properly last time. Nothing had been changed in this standard."));
  {
    const KspChangeRecord *record = last->records->len ? g_ptr_array_index (last->records, 0) : NULL;
    KspNode *node = record && record->element_id ? ksp_document_lookup (document, record->element_id) : NULL;
    g_autofree char *what = node ? ksp_node_dup_label (node, ksp_interface_data_language ()) : NULL;
    g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (last->at, NULL);
    g_autoptr (GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
    g_autofree char *when = local ? g_date_time_format (local, "%H:%M:%S") : g_strdup (last->at);
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Kasip was not closed properly last time. Its %u change "
                                                           "to this standard is kept",
                                                           "Kasip was not closed properly last time. Its %u changes "
                                                           "to this standard are kept", n), n);
    if (what && *what)
      /* Translators: the first %s says how many changes were kept; then the element and the time of the last */
      return g_strdup_printf (_("%s; the last, to «%s», at %s."), count, what, when);
    /* Translators: %s says how many changes were kept, then the time of the last */
    return g_strdup_printf (_("%s; the last at %s."), count, when);
  }
}
