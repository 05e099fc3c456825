/* ksp-import-batch.c: imports several files into a workspace, all or nothing (see ksp-import-batch.h) */
#include "ksp-import-batch.h"

#include "ksp-ork-reader.h"
#include "ksp-read-any.h"
#include "ksp-source.h"

void
ksp_import_item_free (KspImportItem *item)
{
  if (item == NULL)
    return;
  g_free (item->path);
  g_clear_object (&item->root);
  g_clear_pointer (&item->report, ksp_import_report_free);
  g_free (item->reference);
  g_clear_error (&item->error);
  g_free (item);
}

/* Seed 003 and its like: not a standard but the framework the standards refer to. */
static gboolean
read_reference (KspImportItem *item)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autoptr (KspClassifiers) c = NULL;

  if (!g_file_get_contents (item->path, &text, &len, NULL))
    return FALSE;
  c = ksp_ork_reader_read_data (text, len, item->path, NULL);
  if (c == NULL || ksp_classifiers_get_n_occupations (c) == 0)
    return FALSE;
  item->n_occupations = ksp_classifiers_get_n_occupations (c);
  item->reference = g_steal_pointer (&text);
  return TRUE;
}

/**
 * ksp_import_batch_read:
 * @paths: %NULL-terminated
 *
 * Returns: (transfer container) (element-type KspImportItem): one item per file, in order; a file that
 * could not be read has its error set
 */
GPtrArray *
ksp_import_batch_read (const char *const *paths)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_import_item_free);

  for (guint i = 0; paths[i]; i++)
    {
      KspImportItem *item = g_new0 (KspImportItem, 1);

      item->path = g_strdup (paths[i]);
      item->root = ksp_read_any_file (paths[i], &item->report, &item->error);
      if (item->root == NULL && g_error_matches (item->error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_FORMAT) &&
          read_reference (item))
        g_clear_error (&item->error);
      g_ptr_array_add (items, item);
    }
  return items;
}

static gboolean
store_one (KspStore      *store,
           KspImportItem *item,
           GError       **error)
{
  if (item->reference)
    return ksp_store_put_reference (store, KSP_REFERENCE_ORK, item->path, item->reference, error);
  return ksp_store_add_standard (store, item->root, error) != 0;
}

/**
 * ksp_import_batch_store:
 * @keep_going: store what can be stored even when some files were refused
 *
 * Stores the items read by ksp_import_batch_read() in one transaction. Without @keep_going, any refused
 * item means nothing is stored, and @error names the first file and why. Items stored get ->stored set;
 * with @keep_going, items that could not be stored get their ->error.
 */
gboolean
ksp_import_batch_store (KspStore  *store,
                        GPtrArray *items,
                        gboolean   keep_going,
                        GError   **error)
{
  guint refused = 0;

  for (guint i = 0; i < items->len; i++)
    refused += ((KspImportItem *) items->pdata[i])->error != NULL;
  if (refused > 0 && !keep_going)
    {
      for (guint i = 0; i < items->len; i++)
        {
          KspImportItem *item = items->pdata[i];
          if (item->error)
            {
              g_set_error (error, KSP_IMPORT_ERROR, item->error->code, "%s; nothing was imported (%u of %u files "
                           "refused)", item->error->message, refused, items->len);
              return FALSE;
            }
        }
    }
  if (!ksp_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      KspImportItem *item = items->pdata[i];
      g_autoptr (GError) local = NULL;

      if (item->error)
        continue;
      if (store_one (store, item, &local))
        {
          item->stored = TRUE;
          continue;
        }
      if (!keep_going || !ksp_store_in_transaction (store))
        {
          /* Without keep_going, or when the workspace itself failed (a full disk rolls everything back). */
          ksp_store_rollback (store);
          for (guint j = 0; j < items->len; j++)
            ((KspImportItem *) items->pdata[j])->stored = FALSE;
          g_set_error (error, local->domain, local->code, "%s: %s; nothing was imported", item->path,
                       local->message);
          return FALSE;
        }
      item->error = g_error_new (local->domain, local->code, "%s: %s", item->path, local->message);
    }
  if (!ksp_store_commit (store, error))
    {
      ksp_store_rollback (store);
      for (guint j = 0; j < items->len; j++)
        ((KspImportItem *) items->pdata[j])->stored = FALSE;
      g_prefix_error (error, "nothing was imported: ");
      return FALSE;
    }
  return TRUE;
}
