/* ksp-review-marks.c: elements with open comments or pending changes (see ksp-review-marks.h) */
#include "config.h"

#include "ksp-review.h"
#include "ksp-review-marks.h"

gboolean
ksp_review_status_is_pending (const char *status)
{
  return g_strcmp0 (status, "open") == 0 || g_strcmp0 (status, "submitted") == 0 ||
         g_strcmp0 (status, "rejected") == 0;
}

/* Marks @node with @mark and its ancestors with @inside. */
static void
mark (GHashTable *marks,
      KspNode    *node,
      KspMark     self_mark,
      KspMark     inside)
{
  for (KspMark m = self_mark; node; node = ksp_node_get_parent (node), m = inside)
    {
      const char *id = ksp_node_get_id (node);
      guint flags;

      if (id == NULL)
        continue;
      flags = GPOINTER_TO_UINT (g_hash_table_lookup (marks, id));
      if ((flags & m) == m && m == inside)
        return;   /* the ancestors have it already */
      g_hash_table_insert (marks, g_strdup (id), GUINT_TO_POINTER (flags | m));
    }
}

/* The element a record changed, in @draft: a deletion's is the parent it was taken out of. */
static KspNode *
record_element (KspDocument           *draft,
                const KspChangeRecord *r)
{
  KspNode *node = r->element_id ? ksp_document_lookup (draft, r->element_id) : NULL;

  if (node == NULL && r->op == KSP_RECORD_DELETE && r->old_value)
    {
      g_autofree char *parent = g_strdup (r->old_value);
      char *space = strchr (parent, ' ');
      if (space)
        *space = '\0';
      node = ksp_document_lookup (draft, parent);
    }
  return node;
}

GHashTable *
ksp_review_marks_compute (KspStore    *store,
                          KspDocument *draft,
                          GPtrArray   *comments,
                          GPtrArray   *log,
                          GHashTable  *membership,
                          GError     **error)
{
  const char *standard_id;
  g_autoptr (GHashTable) marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) own_comments = NULL;
  g_autoptr (GPtrArray) own_log = NULL;
  g_autoptr (GHashTable) resolved = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) sets = NULL;
  g_autoptr (GHashTable) pending = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GHashTable) own_membership = NULL;
  gboolean set_up;

  g_return_val_if_fail (KSP_IS_STORE (store), NULL);
  g_return_val_if_fail (KSP_IS_DOCUMENT (draft), NULL);

  standard_id = ksp_node_get_id (ksp_document_get_root (draft));
  if (comments == NULL && !(comments = own_comments = ksp_store_list_comments (store, standard_id, error)))
    return NULL;
  /* a thread's state is on its first comment */
  for (guint i = 0; i < comments->len; i++)
    {
      KspComment *c = g_ptr_array_index (comments, i);
      if (c->reply_to == 0 && c->resolved_by)
        g_hash_table_add (resolved, &c->id);
    }
  for (guint i = 0; i < comments->len; i++)
    {
      KspComment *c = g_ptr_array_index (comments, i);
      gint64 thread = c->reply_to ? c->reply_to : c->id;
      KspNode *node;

      if (g_hash_table_contains (resolved, &thread) || !(node = ksp_document_lookup (draft, c->element_id)))
        continue;
      mark (marks, node, KSP_MARK_COMMENT, KSP_MARK_INSIDE_COMMENT);
    }

  set_up = ksp_review_is_set_up (store, &local_error);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!set_up)
    return g_steal_pointer (&marks);
  if (!(sets = ksp_store_list_change_sets (store, standard_id, error)))
    return NULL;
  for (guint i = 0; i < sets->len; i++)
    {
      KspChangeSet *c = g_ptr_array_index (sets, i);
      if (ksp_review_status_is_pending (c->status))
        g_hash_table_add (pending, &c->id);
    }
  if (g_hash_table_size (pending) == 0)
    return g_steal_pointer (&marks);
  if (log == NULL && !(log = own_log = ksp_store_list_log (store, standard_id, error)))
    return NULL;
  /* an entry is in the change set a split or a merge moved it to */
  if (membership == NULL && !(membership = own_membership = ksp_store_dup_membership (store, standard_id, error)))
    return NULL;
  for (guint i = 0; i < log->len; i++)
    {
      KspLogEntry *e = g_ptr_array_index (log, i);
      gint64 set = ksp_log_entry_change_set_in (e, membership);

      if (set == 0 || !g_hash_table_contains (pending, &set) ||
          g_strcmp0 (e->action, "review") == 0 || g_strcmp0 (e->action, "comment") == 0)
        continue;
      for (guint r = 0; r < e->records->len; r++)
        {
          KspChangeRecord *record = g_ptr_array_index (e->records, r);
          KspNode *node;

          if (record->op > KSP_RECORD_MOVE)
            continue;
          if ((node = record_element (draft, record)))
            mark (marks, node, KSP_MARK_PENDING, KSP_MARK_INSIDE_PENDING);
        }
    }
  return g_steal_pointer (&marks);
}
