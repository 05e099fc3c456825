/* ksp-test-workspace.h: a workspace in a new temporary folder holding the sample standard, its draft open */
#pragma once

#include "ksp-document.h"
#include "ksp-sample.h"
#include "ksp-test-util.h"

/* @out_path: (optional) the workspace file. */
static inline void
ksp_test_sample_workspace (const char   *prefix,
                           char        **out_dir,
                           char        **out_path,
                           KspStore    **out_store,
                           KspDocument **out_doc)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) sample = ksp_sample_new_document ();
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  g_autofree char *path = NULL;
  gint64 tree;

  *out_dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  path = g_build_filename (*out_dir, "ws.kasip", NULL);
  *out_store = ksp_store_open_uri (path, KSP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  tree = ksp_store_add_standard (*out_store, sample, &error);
  g_assert_no_error (error);
  *out_doc = ksp_document_open (*out_store, tree, &error);
  g_assert_no_error (error);
  if (out_path)
    *out_path = g_steal_pointer (&path);
}

static inline void
ksp_test_workspace_close (char        **dir,
                          KspStore    **store,
                          KspDocument **doc)
{
  g_clear_object (doc);
  g_clear_object (store);
  ksp_test_remove_dir (*dir);
  g_clear_pointer (dir, g_free);
}
