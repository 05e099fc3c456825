/* ksp-store-copy.c: a whole workspace copied to another backend (see ksp-store-copy.h)
 *
 * Why everything keeps its ID: an entry's hash covers every field but its id and hash (ksp-change-log.h),
 * tree_id and change_set among them, so the trees and change sets must have the same IDs on the other side
 * for the chain to verify; a comment's entry names the comment's ID, a reply its thread's, a split's
 * membership the entries' IDs. An empty destination has none of them taken, so nothing needs mapping.
 *
 * Here: what may be copied (an empty destination, a source whose chain holds), the trees (read from the
 * source, written and read back), and the checks before the commit. The rows are the backends'.
 */
#include "config.h"

#include "ksp-store-copy.h"

G_DEFINE_QUARK (ksp-store-copy-error-quark, ksp_store_copy_error)

static void
standard_row_free (KspStoreStandardRow *row)
{
  g_free (row->id);
  g_free (row->created_at);
  g_free (row->created_by);
  g_free (row);
}

static void
tree_row_free (KspStoreTreeRow *row)
{
  ksp_edition_info_free (row->info);
  g_free (row);
}

static void
justification_row_free (KspStoreJustificationRow *row)
{
  g_free (row->standard_id);
  g_free (row->change_key);
  g_free (row->text);
  g_free (row->author);
  g_free (row->updated_at);
  g_free (row);
}

static void
reference_row_free (KspStoreReferenceRow *row)
{
  g_free (row->kind);
  g_free (row->source);
  g_free (row->content);
  g_free (row->imported_at);
  g_free (row->imported_by);
  g_free (row);
}

KspStoreRows *
ksp_store_rows_new (void)
{
  KspStoreRows *rows = g_new0 (KspStoreRows, 1);

  rows->standards = g_ptr_array_new_with_free_func ((GDestroyNotify) standard_row_free);
  rows->trees = g_ptr_array_new_with_free_func ((GDestroyNotify) tree_row_free);
  rows->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_comment_free);
  rows->justifications = g_ptr_array_new_with_free_func ((GDestroyNotify) justification_row_free);
  rows->references = g_ptr_array_new_with_free_func ((GDestroyNotify) reference_row_free);
  return rows;
}

void
ksp_store_rows_free (KspStoreRows *rows)
{
  if (rows == NULL)
    return;
  g_clear_pointer (&rows->standards, g_ptr_array_unref);
  g_clear_pointer (&rows->trees, g_ptr_array_unref);
  g_clear_pointer (&rows->comments, g_ptr_array_unref);
  g_clear_pointer (&rows->justifications, g_ptr_array_unref);
  g_clear_pointer (&rows->references, g_ptr_array_unref);
  g_clear_pointer (&rows->change_sets, g_ptr_array_unref);
  g_clear_pointer (&rows->people, g_ptr_array_unref);
  g_clear_pointer (&rows->membership, g_hash_table_unref);
  g_free (rows);
}

static gboolean
can_copy (KspStore  *store,
          GError   **error)
{
  KspStoreClass *klass = KSP_STORE_GET_CLASS (store);

  if (klass->copy_read_rows && klass->copy_begin_snapshot && klass->copy_end_snapshot && klass->copy_write_rows &&
      klass->copy_put_tree && klass->copy_put_log_entry && klass->copy_finish)
    return TRUE;
  g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_SUPPORTED,
               "%s: this kind of workspace cannot be copied (its backend has no copy calls)",
               ksp_store_get_location (store));
  return FALSE;
}

/* Every row a copy takes, but the trees' elements and the log. */
static KspStoreRows *
read_rows (KspStore *store,
           GError  **error)
{
  g_autoptr (KspStoreRows) rows = KSP_STORE_GET_CLASS (store)->copy_read_rows (store, error);

  if (rows == NULL ||
      !(rows->change_sets = ksp_store_list_change_sets (store, NULL, error)) ||
      !(rows->people = ksp_store_list_people (store, error)) ||
      !(rows->membership = ksp_store_dup_membership (store, NULL, error)))
    return NULL;
  return g_steal_pointer (&rows);
}

static guint
count_editions (const KspStoreRows *rows)
{
  guint n = 0;

  for (guint i = 0; i < rows->trees->len; i++)
    n += !((KspStoreTreeRow *) g_ptr_array_index (rows->trees, i))->is_draft;
  return n;
}

static void
fill_report (KspStoreCopyReport *out,
             const KspStoreRows *rows,
             guint               n_standards,
             guint               n_entries)
{
  out->n_standards = n_standards;
  out->n_documents = rows->standards->len;
  out->n_editions = count_editions (rows);
  out->n_log_entries = n_entries;
  out->n_comments = rows->comments->len;
  out->n_change_sets = rows->change_sets->len;
  out->n_people = rows->people->len;
  out->n_justifications = rows->justifications->len;
  out->n_references = rows->references->len;
}

static gboolean
reports_equal (const KspStoreCopyReport *a,
               const KspStoreCopyReport *b)
{
  return a->n_standards == b->n_standards && a->n_documents == b->n_documents && a->n_editions == b->n_editions &&
         a->n_log_entries == b->n_log_entries && a->n_comments == b->n_comments &&
         a->n_change_sets == b->n_change_sets && a->n_people == b->n_people &&
         a->n_justifications == b->n_justifications && a->n_references == b->n_references;
}

static guint
count_standards (KspStore *store,
                 GError  **error)
{
  g_autoptr (GPtrArray) list = ksp_store_list_standards (store, error);

  return list ? list->len : G_MAXUINT;
}

/* What @store holds, counted; FALSE with @error when it cannot be read. */
static gboolean
take_stock (KspStore           *store,
            KspStoreRows      **out_rows,
            KspStoreCopyReport *out,
            GError            **error)
{
  g_autoptr (KspStoreRows) rows = read_rows (store, error);
  gint64 n_entries = 0;
  guint n_standards;

  if (rows == NULL || !KSP_STORE_GET_CLASS (store)->get_log_head (store, NULL, &n_entries, error) ||
      (n_standards = count_standards (store, error)) == G_MAXUINT)
    return FALSE;
  fill_report (out, rows, n_standards, (guint) n_entries);
  if (out_rows)
    *out_rows = g_steal_pointer (&rows);
  return TRUE;
}

static gboolean
is_empty (const KspStoreCopyReport *r)
{
  return r->n_documents == 0 && r->n_editions == 0 && r->n_log_entries == 0 && r->n_comments == 0 &&
         r->n_change_sets == 0 && r->n_people == 0 && r->n_justifications == 0 && r->n_references == 0;
}

/* Writes everything of @src into @dst, in @dst's transaction: the rows, each tree (read back and compared
 * with what was read), the log entry by entry; then checks that @dst holds what @src does and verifies. */
static gboolean
copy_into (KspStore            *src,
           KspStore            *dst,
           KspStoreRows        *rows,
           GPtrArray           *entries,
           const char          *src_head,
           KspStoreCopyReport  *src_report,
           GError             **error)
{
  KspStoreClass *dst_class = KSP_STORE_GET_CLASS (dst);
  const char *to = ksp_store_get_location (dst);
  g_autoptr (GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (KspStoreRows) written = NULL;
  g_autoptr (KspStoreVerification) v = NULL;
  g_autofree char *dst_head = NULL;
  KspStoreCopyReport dst_report = { 0 };

  if (!dst_class->copy_write_rows (dst, rows, error))
    return FALSE;
  for (guint i = 0; i < rows->trees->len; i++)
    {
      KspStoreTreeRow *t = g_ptr_array_index (rows->trees, i);
      g_autoptr (KspNode) root = ksp_store_load_tree (src, t->info->tree_id, error);

      if (root == NULL ||
          !dst_class->copy_put_tree (dst, t->info, t->is_draft, t->frozen, root, error))
        return FALSE;
      g_ptr_array_add (hashes, ksp_node_content_hash (root));
    }
  for (guint i = 0; i < entries->len; i++)
    if (!dst_class->copy_put_log_entry (dst, g_ptr_array_index (entries, i), error))
      return FALSE;
  if (!dst_class->copy_finish (dst, error))
    return FALSE;

  /* read back: the same trees, the same rows, the same head; and the destination verifies */
  for (guint i = 0; i < rows->trees->len; i++)
    {
      KspStoreTreeRow *t = g_ptr_array_index (rows->trees, i);
      g_autoptr (KspNode) root = ksp_store_load_tree (dst, t->info->tree_id, error);
      g_autofree char *hash = NULL;

      if (root == NULL)
        return FALSE;
      hash = ksp_node_content_hash (root);
      if (g_strcmp0 (hash, g_ptr_array_index (hashes, i)) != 0)
        {
          g_set_error (error, KSP_STORE_COPY_ERROR, KSP_STORE_COPY_ERROR_MISMATCH,
                       "%s: tree %" G_GINT64_FORMAT " of %s does not read back as it was read; nothing was copied",
                       to, t->info->tree_id, t->info->standard_id);
          return FALSE;
        }
    }
  if (!take_stock (dst, &written, &dst_report, error) ||
      !dst_class->get_log_head (dst, &dst_head, NULL, error))
    return FALSE;
  if (!reports_equal (&dst_report, src_report) || g_strcmp0 (dst_head, src_head) != 0 ||
      g_hash_table_size (written->membership) != g_hash_table_size (rows->membership))
    {
      g_set_error (error, KSP_STORE_COPY_ERROR, KSP_STORE_COPY_ERROR_MISMATCH,
                   "%s: the copy does not hold what %s does (%u standards, %u editions, %u log entries, %u comments, "
                   "%u change sets against %u, %u, %u, %u, %u); nothing was copied", to,
                   ksp_store_get_location (src), dst_report.n_standards, dst_report.n_editions,
                   dst_report.n_log_entries, dst_report.n_comments, dst_report.n_change_sets,
                   src_report->n_standards, src_report->n_editions, src_report->n_log_entries,
                   src_report->n_comments, src_report->n_change_sets);
      return FALSE;
    }
  if (!(v = ksp_store_verify (dst, error)))
    return FALSE;
  if (!ksp_store_verification_ok (v))
    {
      const char *what = v->chain ? v->chain->detail
                         : v->editions->len ? g_ptr_array_index (v->editions, 0)
                         : v->schema->len ? g_ptr_array_index (v->schema, 0)
                         : v->membership && v->membership->len ? g_ptr_array_index (v->membership, 0) : "?";
      g_set_error (error, KSP_STORE_COPY_ERROR, KSP_STORE_COPY_ERROR_MISMATCH,
                   "%s: the copy does not verify (%s); nothing was copied", to, what);
      return FALSE;
    }
  return TRUE;
}

/* The destination holds nothing (in its transaction: nobody fills it meanwhile); else NOT_EMPTY, @out
 * saying what it holds. */
static gboolean
check_empty (KspStore           *dst,
             KspStoreCopyReport *out,
             GError            **error)
{
  KspStoreCopyReport found = { 0 };

  if (!take_stock (dst, NULL, &found, error))
    return FALSE;
  if (is_empty (&found))
    return TRUE;
  if (out)
    *out = found;
  g_set_error (error, KSP_STORE_COPY_ERROR, KSP_STORE_COPY_ERROR_NOT_EMPTY,
               "%s: not empty (%u standards, %u log entries, %u comments, %u people): a workspace is copied only "
               "into a new file or an empty database; nothing was changed", ksp_store_get_location (dst),
               found.n_standards, found.n_log_entries, found.n_comments, found.n_people);
  return FALSE;
}

gboolean
ksp_store_copy (KspStore           *src,
                KspStore           *dst,
                KspStoreCopyReport *out,
                GError            **error)
{
  KspStoreClass *src_class;
  g_autoptr (KspStoreRows) rows = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (KspLogCheck) check = NULL;
  g_autofree char *head = NULL;
  KspStoreCopyReport report = { 0 };
  gint64 head_count = 0;
  guint n_standards = 0;
  gboolean ok;

  g_return_val_if_fail (KSP_IS_STORE (src) && KSP_IS_STORE (dst), FALSE);
  g_return_val_if_fail (src != dst, FALSE);
  if (!can_copy (src, error) || !can_copy (dst, error))
    return FALSE;
  if (ksp_store_is_read_only (dst))
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_READ_ONLY, "%s: %s", ksp_store_get_location (dst),
                   ksp_store_get_read_only_reason (dst));
      return FALSE;
    }

  /* the source, as of one moment; its chain must hold (a copy would carry a broken one over) */
  src_class = KSP_STORE_GET_CLASS (src);
  if (!src_class->copy_begin_snapshot (src, error))
    return FALSE;
  ok = (rows = read_rows (src, error)) && (entries = ksp_store_list_log (src, NULL, error)) &&
       src_class->get_log_head (src, &head, &head_count, error) &&
       (n_standards = count_standards (src, error)) != G_MAXUINT;
  if (ok && (check = ksp_change_log_verify (entries, head, head_count)))
    {
      g_set_error (error, KSP_STORE_COPY_ERROR, KSP_STORE_COPY_ERROR_SOURCE_BROKEN,
                   "%s: its change log does not verify (entry %" G_GINT64_FORMAT ": %s); see kasip audit verify; "
                   "nothing was copied", ksp_store_get_location (src), check->entry_id, check->detail);
      ok = FALSE;
    }
  if (ok)
    {
      /* one transaction on the destination: found empty, filled, read back, verified, then committed */
      fill_report (&report, rows, n_standards, entries->len);
      ok = ksp_store_begin (dst, error);
      if (ok && !(check_empty (dst, out, error) && copy_into (src, dst, rows, entries, head, &report, error) &&
                  ksp_store_commit (dst, error)))
        {
          ksp_store_rollback (dst);
          ok = FALSE;
        }
    }
  src_class->copy_end_snapshot (src);
  if (ok && out)
    *out = report;
  return ok;
}
