/* ksp-test-store.h: what the store tests share (tests/model/test-store.c, tests/store/test-store-contract.c) */
#pragma once

#include "ksp-document.h"
#include "ksp-sample.h"
#include "ksp-store.h"

/* Opens @uri as the user "tester". */
static inline KspStore *
ksp_test_open_store (const char        *uri,
                     KspStoreOpenFlags  flags)
{
  g_autoptr (GError) error = NULL;
  KspStore *store = ksp_store_open_uri (uri, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  /* who writes, whatever the backend would take from the session (the OS login, a database role) */
  ksp_store_set_user (store, "tester");
  return store;
}

static inline void
ksp_test_assert_trees_equal (KspNode *a,
                             KspNode *b)
{
  g_autofree char *difference = NULL;

  if (!ksp_node_equal (a, b, &difference))
    g_error ("trees differ: %s", difference);
}

/* A new workspace at @uri holding the sample standard, its draft open. */
static inline KspDocument *
ksp_test_open_sample_document (const char *uri,
                               KspStore  **out_store)
{
  g_autoptr (KspNode) sample = ksp_sample_new_document ();
  g_autoptr (GError) error = NULL;
  KspStore *store = ksp_test_open_store (uri, KSP_STORE_OPEN_CREATE);
  gint64 tree = ksp_store_add_standard (store, sample, &error);
  KspDocument *doc;

  g_assert_no_error (error);
  doc = ksp_document_open (store, tree, &error);
  g_assert_no_error (error);
  *out_store = store;
  return doc;
}

static inline guint
ksp_test_count_elements (KspNode *node)
{
  guint n = 1;

  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    n += ksp_test_count_elements (ksp_node_get_child (node, i));
  return n;
}

/* A tree loaded by a reader of the workspace (ksp_store_open_reader) in a thread of its own. */
typedef struct
{
  KspStore *reader;
  gint64    tree;
  KspNode  *loaded;
  GError   *error;
} KspTestThreadLoad;

static inline gpointer
ksp_test_load_in_thread (gpointer data)
{
  KspTestThreadLoad *job = data;

  job->loaded = ksp_store_load_tree (job->reader, job->tree, &job->error);
  ksp_store_close (job->reader);
  return NULL;
}
