/* ksp-test-util.h: small helpers the test programs share */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "ksp-node.h"

/* Removes @dir and the files in it (the tests' temporary folders are flat). */
static inline void
ksp_test_remove_dir (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  if (d)
    g_dir_close (d);
  g_rmdir (dir);
}

/* The first element of @kind in @node's subtree (@node included), in document order, or %NULL. */
static inline KspNode *
ksp_test_first_of_kind (KspNode    *node,
                        const char *kind)
{
  return ksp_node_find_first_of_kind (node, kind);
}
