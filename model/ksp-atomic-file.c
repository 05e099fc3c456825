/* ksp-atomic-file.c: files that appear whole or not at all (see ksp-atomic-file.h) */
#define _GNU_SOURCE
#include "ksp-atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *
host_name (void)
{
  char host[256] = "";

  gethostname (host, sizeof host - 1);
  for (char *p = host; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.')
      *p = '_';
  return g_strdup (*host ? host : "host");
}

/**
 * ksp_atomic_temp_name:
 *
 * Returns: the hidden temporary name this process uses for @path: "DIR/.NAME.kasip-tmp-HOST-PID"
 */
char *
ksp_atomic_temp_name (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *host = host_name ();
  g_autofree char *name = g_strdup_printf (".%s.kasip-tmp-%s-%d", base, host, (int) getpid ());

  return g_build_filename (dir, name, NULL);
}

static gboolean
pid_is_gone (const char *pid_text)
{
  char *end = NULL;
  long pid = strtol (pid_text, &end, 10);

  /* "PID", or "PID-journal", "PID-wal", "PID-shm" beside a database being created */
  if (end == pid_text || (*end != '\0' && *end != '-') || pid <= 0)
    return FALSE;
  return kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

/* libzip's own temporary names, left by Kasip 0.1 when an export was killed: "NAME.kasip-tmp.XXXXXX". */
static gboolean
is_old_leftover (const char *entry,
                 const char *base)
{
  gsize n = strlen (base);
  const char *rest;

  if (strncmp (entry, base, n) != 0 || !g_str_has_prefix (entry + n, ".kasip-tmp"))
    return FALSE;
  rest = entry + n + strlen (".kasip-tmp");
  if (*rest == '\0')
    return TRUE;
  if (*rest != '.' || strlen (rest + 1) != 6)
    return FALSE;
  for (const char *p = rest + 1; *p; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

/**
 * ksp_atomic_clean_stale:
 *
 * Removes the temporary files that earlier, interrupted writes of @path left beside it: ours whose
 * process is gone (on this machine), and libzip's of Kasip 0.1.
 */
void
ksp_atomic_clean_stale (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *host = host_name ();
  g_autofree char *ours = g_strdup_printf (".%s.kasip-tmp-%s-", base, host);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (d && (entry = g_dir_read_name (d)) != NULL)
    {
      gboolean stale = is_old_leftover (entry, base) ||
                       (g_str_has_prefix (entry, ours) && pid_is_gone (entry + strlen (ours)));
      if (stale)
        {
          g_autofree char *full = g_build_filename (dir, entry, NULL);
          g_unlink (full);
        }
    }
}

static void
sync_dir (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static gboolean
set_errno_error (GError    **error,
                 int          saved,
                 const char  *path,
                 const char  *what)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s: %s", path, what, g_strerror (saved));
  return FALSE;
}

/**
 * ksp_atomic_publish:
 * @replace: replace an existing @path; when %FALSE, fail with G_IO_ERROR_EXISTS if it exists
 *
 * Gives the complete file @temp_path its final name @path (removing @temp_path on failure).
 */
gboolean
ksp_atomic_publish (const char *temp_path,
                    const char *path,
                    gboolean    replace,
                    GError    **error)
{
  if (replace)
    {
      if (rename (temp_path, path) != 0)
        {
          int saved = errno;
          g_unlink (temp_path);
          return set_errno_error (error, saved, path, "cannot write");
        }
    }
  else
    {
      /* link() never replaces: two sessions creating the same workspace cannot overwrite each other. */
      if (link (temp_path, path) != 0)
        {
          int saved = errno;
          g_unlink (temp_path);
          if (saved == EEXIST)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "%s: already exists", path);
              return FALSE;
            }
          return set_errno_error (error, saved, path, "cannot create");
        }
      g_unlink (temp_path);
    }
  sync_dir (path);
  return TRUE;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      ssize_t n = write (fd, data, length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

static gboolean
write_whole (const char *path,
             const void *data,
             gsize       length,
             gboolean    replace,
             GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *temp = ksp_atomic_temp_name (path);
  int fd = -1;
  gboolean named = FALSE;

  ksp_atomic_clean_stale (path);
#ifdef O_TMPFILE
  fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
#endif
  if (fd < 0)
    {
      /* No unnamed files on this file system: a hidden name, removed by the next run if we die. */
      fd = open (temp, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0666);
      named = TRUE;
    }
  if (fd < 0)
    return set_errno_error (error, errno, path, replace ? "cannot write" : "cannot create");
  if (!write_all (fd, data, length) || fsync (fd) != 0)
    {
      int saved = errno;
      close (fd);
      if (named)
        g_unlink (temp);
      return set_errno_error (error, saved, path, "cannot write");
    }
  if (!named)
    {
      g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", fd);
      /* A new file: its final name at once, and never over one that appeared meanwhile. Otherwise the
       * hidden name for a moment, then the real one. */
      const char *target = replace ? temp : path;
      if (replace)
        g_unlink (temp);
      if (linkat (AT_FDCWD, proc, AT_FDCWD, target, AT_SYMLINK_FOLLOW) != 0)
        {
          int saved = errno;
          close (fd);
          if (saved == EEXIST && !replace)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "%s: already exists", path);
              return FALSE;
            }
          return set_errno_error (error, saved, path, replace ? "cannot write" : "cannot create");
        }
      if (!replace)
        {
          close (fd);
          sync_dir (path);
          return TRUE;
        }
    }
  if (close (fd) != 0)
    {
      int saved = errno;
      g_unlink (temp);
      return set_errno_error (error, saved, path, "cannot write");
    }
  return ksp_atomic_publish (temp, path, replace, error);
}

/**
 * ksp_atomic_file_write:
 *
 * Writes @data to @path so that @path holds either its old content or all of @data, even if the
 * process is killed or the disk fills up. The new file gets the usual permissions (0666 less umask).
 */
gboolean
ksp_atomic_file_write (const char *path,
                       const void *data,
                       gsize       length,
                       GError    **error)
{
  return write_whole (path, data, length, TRUE, error);
}

/**
 * ksp_atomic_file_create:
 *
 * Like ksp_atomic_file_write(), for a file that must not exist yet: fails with G_IO_ERROR_EXISTS if
 * @path appeared meanwhile, and never replaces it.
 */
gboolean
ksp_atomic_file_create (const char *path,
                        const void *data,
                        gsize       length,
                        GError    **error)
{
  return write_whole (path, data, length, FALSE, error);
}
