/* ksp-atomic-file.h: files that appear whole or not at all
 *
 * Exports and new workspaces are written under a temporary name and renamed into place, so a reader
 * never sees half a file and a crash never leaves a truncated one. Where the system allows it (Linux,
 * O_TMPFILE) the data is written to an unnamed file that vanishes if the process dies; otherwise to a
 * hidden ".NAME.kasip-tmp-HOST-PID" beside the target, which the next write of the same target removes
 * when its process is gone. Messages always name the target, never the temporary file.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *ksp_atomic_temp_name   (const char  *path);
void      ksp_atomic_clean_stale (const char  *path);
gboolean  ksp_atomic_publish     (const char  *temp_path,
                                  const char  *path,
                                  gboolean     replace,
                                  GError     **error);
gboolean  ksp_atomic_file_write  (const char  *path,
                                  const void  *data,
                                  gsize        length,
                                  GError     **error);
gboolean  ksp_atomic_file_create (const char  *path,
                                  const void  *data,
                                  gsize        length,
                                  GError     **error);

G_END_DECLS
