/* ksp-sample-workspace.c: fills a workspace with the bundled published texts (data/samples/README.md):
 * the standards of seeds 000, 001, 002 and 004, and the sector qualification framework 003 as reference
 * data for validation and the editor's pickers. */
#include "config.h"

#include "ksp-import-batch.h"
#include "ksp-sample-workspace.h"

static const char *const standards[] = {
  "001_efa396441f2b22fb.txt", /* order № 125 of 30.04.2024, «Социальная работа …», Q88100061 */
  "000_2b67e049b4513cfa.txt", /* «Специалисты, оказывающие специальные социальные услуги», Q87300060 */
  "002_a9356737b7c953f7.txt", /* «Психологиялық және әлеуметтік жұмыс», 2019/2023 */
  "004_8a82f9fdc926935f.txt", /* order № 690 of 31.12.2013, six standards */
  NULL
};
static const char reference[] = "003_61a1e3a7c96fc608.txt";

/**
 * ksp_sample_workspace_find_dir:
 * Returns: (nullable): the folder of the bundled samples: $KASIP_SAMPLES_DIR, the installed copy, or the
 * source tree's
 */
char *
ksp_sample_workspace_find_dir (void)
{
  const char *env = g_getenv ("KASIP_SAMPLES_DIR");
  const char *const dirs[] = { env, PKGDATADIR "/samples", SOURCE_DATADIR "/samples" };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *probe = NULL;
      if (dirs[i] == NULL)
        continue;
      probe = g_build_filename (dirs[i], reference, NULL);
      if (g_file_test (probe, G_FILE_TEST_IS_REGULAR))
        return g_strdup (dirs[i]);
    }
  return NULL;
}

/**
 * ksp_sample_workspace_fill:
 * @log: (nullable): receives one line per file imported
 *
 * Imports the bundled texts into @store, all in one transaction: a failure (a full disk) leaves the
 * workspace as it was.
 */
gboolean
ksp_sample_workspace_fill (KspStore  *store,
                           GString   *log,
                           GError   **error)
{
  g_autofree char *dir = ksp_sample_workspace_find_dir ();
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) items = NULL;

  if (dir == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   "the bundled samples were not found (looked in %s/samples and %s/samples)", PKGDATADIR,
                   SOURCE_DATADIR);
      return FALSE;
    }
  for (guint i = 0; standards[i]; i++)
    g_ptr_array_add (paths, g_build_filename (dir, standards[i], NULL));
  g_ptr_array_add (paths, g_build_filename (dir, reference, NULL));
  g_ptr_array_add (paths, NULL);
  items = ksp_import_batch_read ((const char *const *) paths->pdata);
  if (!ksp_import_batch_store (store, items, FALSE, error))
    return FALSE;
  for (guint i = 0; log && i < items->len; i++)
    {
      KspImportItem *item = items->pdata[i];
      g_autofree char *base = g_path_get_basename (item->path);
      if (item->reference)
        g_string_append_printf (log, "%s: reference data, %u occupations\n", base, item->n_occupations);
      else
        g_string_append_printf (log, "%s: %u problems noted on import\n", base,
                                ksp_import_report_get_n (item->report));
    }
  return TRUE;
}
