/* bench-workspace: makes a workspace of a given size from the published seeds, for the editor benchmark
 * (bench-editor.py). Prints what it holds and how much text that is; it is a helper, not a test.
 *   build/bench/bench-workspace OUT.kasip            the sample workspace (as `kasip sample` makes it)
 *   build/bench/bench-workspace OUT.kasip 1000       the sample, then copies of its standards up to 1000
 *
 * The copies are the seeds' real content: each document of the sample is copied with new IDs (as
 * importing the text again would give) and its standards get new codes of the same shape, so every
 * standard has its own handle. Everything is stored in one transaction, as `kasip import` does.
 * The text is what `kasip show` prints of each document (ksp_text_writer_write(), in the language it
 * was published in), summed over the documents; values are the bytes of the stored texts.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ksp-sample-workspace.h"
#include "ksp-store.h"
#include "ksp-structure.h"
#include "ksp-text-writer.h"

typedef struct
{
  guint64 text_bytes;
  guint64 value_bytes;
  guint   elements;
} Sizes;

static void
add_value_bytes (KspNode    *node,
                 const char *field,
                 KspLang     lang,
                 const char *value,
                 gpointer    user_data)
{
  ((Sizes *) user_data)->value_bytes += strlen (value);
}

static void
measure_tree (KspNode *node,
              Sizes   *sizes)
{
  sizes->elements++;
  ksp_node_foreach_value (node, add_value_bytes, sizes);
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    measure_tree (ksp_node_get_child (node, i), sizes);
}

static void
measure_document (KspNode *root,
                  Sizes   *sizes)
{
  KspLang lang = KSP_LANG_RU;
  g_autofree char *text = NULL;

  ksp_lang_from_string (ksp_node_get_value (root, "language", KSP_LANG_NONE), &lang);
  if (lang == KSP_LANG_NONE)
    lang = KSP_LANG_RU;
  text = ksp_text_writer_write (root, lang);
  sizes->text_bytes += strlen (text);
  measure_tree (root, sizes);
}

/* New codes of the same shape as the published ones: the letter and first three digits kept, then the
 * copy's number. */
static void
recode (KspNode *document,
        guint    copy)
{
  for (guint i = 0; i < ksp_node_get_n_children (document); i++)
    {
      KspNode *child = ksp_node_get_child (document, i);
      const char *code = ksp_node_get_value (child, "code", KSP_LANG_NONE);
      g_autofree char *fresh = NULL;

      if (!g_str_equal (ksp_node_get_kind (child), "standard") || code == NULL || strlen (code) < 4)
        continue;
      fresh = g_strdup_printf ("%.4s%05u", code, copy);
      ksp_node_set_value (child, "code", KSP_LANG_NONE, fresh);
    }
}

static int
die (GError *error)
{
  fprintf (stderr, "bench-workspace: %s\n", error->message);
  return 1;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = NULL;
  g_autoptr (GPtrArray) standards = NULL;
  g_autoptr (GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint wanted, n_standards, n_documents, copy = 0;
  Sizes sizes = { 0 };
  GStatBuf st;

  setlocale (LC_ALL, "");
  if (argc < 2 || argc > 3)
    {
      fprintf (stderr, "usage: %s OUT.kasip [STANDARDS]\n", argv[0]);
      return 2;
    }
  wanted = argc > 2 ? (guint) atoi (argv[2]) : 0;
  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "bench-workspace: %s exists\n", argv[1]);
      return 2;
    }
  if (!(store = ksp_store_open_uri (argv[1], KSP_STORE_OPEN_CREATE, &error)) ||
      !ksp_sample_workspace_fill (store, NULL, &error) ||
      !(standards = ksp_store_list_standards (store, &error)))
    return die (error);

  /* The sample's documents, in the order they were added, are the seeds of the copies. */
  for (guint i = 0; i < standards->len; i++)
    {
      KspStandardInfo *info = standards->pdata[i];
      KspNode *root;

      if (g_hash_table_contains (seen, info->standard_id))
        continue;
      g_hash_table_add (seen, info->standard_id);
      if (!(root = ksp_store_load_tree (store, info->draft_tree, &error)))
        return die (error);
      g_ptr_array_add (documents, root);
      measure_document (root, &sizes);
    }
  n_standards = standards->len;
  n_documents = documents->len;

  if (n_standards < wanted)
    {
      if (!ksp_store_begin (store, &error))
        return die (error);
      while (n_standards < wanted)
        for (guint i = 0; i < documents->len && n_standards < wanted; i++)
          {
            KspNode *seed = documents->pdata[i];
            g_autoptr (KspNode) twin = ksp_structure_copy_new_ids (seed);
            guint n = 0;

            recode (twin, ++copy);
            if (ksp_store_add_standard (store, twin, &error) == 0)
              {
                ksp_store_rollback (store);
                return die (error);
              }
            for (guint c = 0; c < ksp_node_get_n_children (twin); c++)
              n += g_str_equal (ksp_node_get_kind (ksp_node_get_child (twin, c)), "standard");
            n_standards += MAX (n, 1u);
            n_documents++;
            measure_document (twin, &sizes);
          }
      if (!ksp_store_commit (store, &error))
        return die (error);
    }
  ksp_store_close (store);

  if (g_stat (argv[1], &st) != 0)
    {
      fprintf (stderr, "bench-workspace: %s: %s\n", argv[1], g_strerror (errno));
      return 1;
    }
  printf ("standards=%u documents=%u elements=%u text-bytes=%" G_GUINT64_FORMAT " value-bytes=%" G_GUINT64_FORMAT
          " file-bytes=%" G_GINT64_FORMAT "\n", n_standards, n_documents, sizes.elements, sizes.text_bytes,
          sizes.value_bytes, (gint64) st.st_size);
  return 0;
}
