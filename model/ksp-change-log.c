/* ksp-change-log.c: the change log's records, their canonical encoding and the hash chain */
#include "config.h"

#include <string.h>

#include "ksp-change-log.h"

static const char *const op_names[] = {
  [KSP_RECORD_SET] = "set",
  [KSP_RECORD_NUMBER] = "number",
  [KSP_RECORD_INSERT] = "insert",
  [KSP_RECORD_DELETE] = "delete",
  [KSP_RECORD_MOVE] = "move",
  [KSP_RECORD_FREEZE] = "freeze",
  [KSP_RECORD_CREATE] = "create",
  [KSP_RECORD_STATUS] = "status",
  [KSP_RECORD_COMMENT] = "comment",
  [KSP_RECORD_REASSIGN] = "reassign",
  [KSP_RECORD_DECISION] = "decision",
};

const char *
ksp_record_op_to_string (KspRecordOp op)
{
  g_return_val_if_fail (op < G_N_ELEMENTS (op_names), "?");
  return op_names[op];
}

gboolean
ksp_record_op_from_string (const char  *s,
                           KspRecordOp *out)
{
  for (guint i = 0; s && i < G_N_ELEMENTS (op_names); i++)
    if (g_str_equal (s, op_names[i]))
      {
        *out = (KspRecordOp) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * ksp_change_record_new:
 * @element: (nullable): the element the record is about (its ID and kind are taken)
 */
KspChangeRecord *
ksp_change_record_new (KspRecordOp  op,
                       KspNode     *element)
{
  KspChangeRecord *r = g_new0 (KspChangeRecord, 1);

  r->op = op;
  if (element)
    {
      r->element_id = g_strdup (ksp_node_get_id (element));
      r->kind = g_strdup (ksp_node_get_kind (element));
    }
  return r;
}

KspChangeRecord *
ksp_change_record_copy (const KspChangeRecord *record)
{
  KspChangeRecord *r = g_new0 (KspChangeRecord, 1);

  r->op = record->op;
  r->element_id = g_strdup (record->element_id);
  r->kind = g_strdup (record->kind);
  r->field = g_strdup (record->field);
  r->lang = record->lang;
  r->old_value = g_strdup (record->old_value);
  r->new_value = g_strdup (record->new_value);
  r->subtree = g_strdup (record->subtree);
  r->content_hash = g_strdup (record->content_hash);
  return r;
}

void
ksp_change_record_free (KspChangeRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->element_id);
  g_free (record->kind);
  g_free (record->field);
  g_free (record->old_value);
  g_free (record->new_value);
  g_free (record->subtree);
  g_free (record->content_hash);
  g_free (record);
}

KspLogEntry *
ksp_log_entry_new (void)
{
  KspLogEntry *e = g_new0 (KspLogEntry, 1);

  e->records = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_change_record_free);
  return e;
}

void
ksp_log_entry_free (KspLogEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->standard_id);
  g_free (entry->at);
  g_free (entry->author);
  g_free (entry->action);
  g_free (entry->command);
  g_free (entry->label);
  g_free (entry->prev_hash);
  g_free (entry->hash);
  g_ptr_array_unref (entry->records);
  g_free (entry);
}

/* The canonical encoding ----------------------------------------------------------------------------- */

/* A string as its length and its bytes ("5:abcde"), NULL as "-": no two entries encode the same. */
static void
put_string (GChecksum  *sum,
            const char *s)
{
  char head[32];

  if (s == NULL)
    {
      g_checksum_update (sum, (const guchar *) "-", 1);
      return;
    }
  g_snprintf (head, sizeof head, "%zu:", strlen (s));
  g_checksum_update (sum, (const guchar *) head, -1);
  g_checksum_update (sum, (const guchar *) s, (gssize) strlen (s));
}

static void
put_int (GChecksum *sum,
         gint64     n)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, n);
  put_string (sum, text);
}

char *
ksp_log_entry_compute_hash (const KspLogEntry *entry,
                            const char        *prev_hash)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (entry != NULL, NULL);
  put_string (sum, "kasip-log-1");
  put_string (sum, prev_hash ? prev_hash : KSP_LOG_GENESIS);
  put_string (sum, entry->standard_id);
  put_int (sum, entry->tree_id);
  put_string (sum, entry->at);
  put_string (sum, entry->author);
  put_string (sum, entry->action);
  put_string (sum, entry->command);
  put_string (sum, entry->label);
  put_int (sum, entry->change_set);
  put_int (sum, entry->records->len);
  for (guint i = 0; i < entry->records->len; i++)
    {
      const KspChangeRecord *r = g_ptr_array_index (entry->records, i);
      put_string (sum, ksp_record_op_to_string (r->op));
      put_string (sum, r->element_id);
      put_string (sum, r->kind);
      put_string (sum, r->field);
      put_string (sum, r->lang == KSP_LANG_NONE ? NULL : ksp_lang_to_string (r->lang));
      put_string (sum, r->old_value);
      put_string (sum, r->new_value);
      put_string (sum, r->subtree);
      put_string (sum, r->content_hash);
    }
  return g_strdup (g_checksum_get_string (sum));
}

void
ksp_log_entry_seal (KspLogEntry *entry,
                    const char  *prev_hash)
{
  g_free (entry->prev_hash);
  entry->prev_hash = g_strdup (prev_hash ? prev_hash : KSP_LOG_GENESIS);
  g_free (entry->hash);
  entry->hash = ksp_log_entry_compute_hash (entry, entry->prev_hash);
}

/* Trees as text -------------------------------------------------------------------------------------- */

#define NODE_TYPE "(ssmsa(sss)av)"

static void
add_value (KspNode    *node,
           const char *field,
           KspLang     lang,
           const char *value,
           gpointer    user_data)
{
  g_variant_builder_add (user_data, "(sss)", field, lang == KSP_LANG_NONE ? "" : ksp_lang_to_string (lang), value);
}

static GVariant *
node_variant (KspNode *node)
{
  GVariantBuilder values, children;

  g_variant_builder_init (&values, G_VARIANT_TYPE ("a(sss)"));
  ksp_node_foreach_value (node, add_value, &values);
  g_variant_builder_init (&children, G_VARIANT_TYPE ("av"));
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    g_variant_builder_add (&children, "v", node_variant (ksp_node_get_child (node, i)));
  return g_variant_new ("(ssms@a(sss)@av)", ksp_node_get_kind (node), ksp_node_get_id (node),
                        ksp_node_get_number (node), g_variant_builder_end (&values),
                        g_variant_builder_end (&children));
}

char *
ksp_node_to_text (KspNode *node)
{
  g_autoptr (GVariant) v = NULL;

  g_return_val_if_fail (KSP_IS_NODE (node), NULL);
  v = g_variant_ref_sink (node_variant (node));
  return g_variant_print (v, FALSE);
}

static KspNode *
node_from_variant (GVariant *v,
                   GError  **error)
{
  const char *kind, *id, *number, *field, *lang_str, *value;
  g_autoptr (GVariantIter) values = NULL;
  g_autoptr (GVariantIter) children = NULL;
  g_autoptr (KspNode) node = NULL;
  GVariant *child;

  g_variant_get (v, "(&s&sm&sa(sss)av)", &kind, &id, &number, &values, &children);
  if (ksp_schema_lookup_kind (kind) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "element %s: unknown kind «%s»", id, kind);
      return NULL;
    }
  node = ksp_node_new (kind, id);
  ksp_node_set_number (node, number);
  while (g_variant_iter_next (values, "(&s&s&s)", &field, &lang_str, &value))
    {
      KspLang lang = KSP_LANG_NONE;
      if (*lang_str && !ksp_lang_from_string (lang_str, &lang))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "element %s: unknown language «%s»", id, lang_str);
          return NULL;
        }
      ksp_node_set_value (node, field, lang, value);
    }
  while ((child = g_variant_iter_next_value (children)))
    {
      g_autoptr (GVariant) inner = g_variant_get_variant (child);
      g_autoptr (KspNode) c = NULL;

      g_variant_unref (child);
      if (!g_variant_is_of_type (inner, G_VARIANT_TYPE (NODE_TYPE)) || !(c = node_from_variant (inner, error)))
        {
          if (error && *error == NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "element %s: a child is not an element", id);
          return NULL;
        }
      ksp_node_append_child (node, c);
    }
  return g_steal_pointer (&node);
}

KspNode *
ksp_node_from_text (const char *text,
                    GError    **error)
{
  g_autoptr (GVariant) v = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  if (!(v = g_variant_parse (G_VARIANT_TYPE (NODE_TYPE), text, NULL, NULL, error)))
    return NULL;
  return node_from_variant (v, error);
}

char *
ksp_node_content_hash (KspNode *root)
{
  g_autofree char *text = ksp_node_to_text (root);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* Checking a chain ----------------------------------------------------------------------------------- */

void
ksp_log_check_free (KspLogCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->detail);
  g_free (check);
}

static KspLogCheck *
problem (KspLogProblem problem,
         gint64        entry_id,
         char         *detail)
{
  KspLogCheck *c = g_new0 (KspLogCheck, 1);

  c->problem = problem;
  c->entry_id = entry_id;
  c->detail = detail;
  return c;
}

KspLogCheck *
ksp_change_log_verify (GPtrArray  *entries,
                       const char *head_hash,
                       gint64      head_count)
{
  const char *prev = KSP_LOG_GENESIS;
  gint64 last_id = 0;

  g_return_val_if_fail (entries != NULL, NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      const KspLogEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *computed = NULL;

      if (g_strcmp0 (e->prev_hash, prev) != 0)
        return problem (KSP_LOG_BROKEN_LINK, e->id,
                        g_strdup_printf ("entry %" G_GINT64_FORMAT ": its previous hash is not the hash of the entry "
                                         "before it (%" G_GINT64_FORMAT "): an entry was deleted or inserted",
                                         e->id, last_id));
      computed = ksp_log_entry_compute_hash (e, e->prev_hash);
      if (g_strcmp0 (computed, e->hash) != 0)
        return problem (KSP_LOG_EDITED, e->id,
                        g_strdup_printf ("entry %" G_GINT64_FORMAT ": its content does not give its hash: it was "
                                         "changed after it was written", e->id));
      prev = e->hash;
      last_id = e->id;
    }
  if ((head_hash && g_strcmp0 (head_hash, entries->len ? prev : KSP_LOG_GENESIS) != 0) ||
      (head_count >= 0 && head_count != (gint64) entries->len))
    return problem (KSP_LOG_TRUNCATED, last_id,
                    g_strdup_printf ("the log ends at entry %" G_GINT64_FORMAT " (%u entries), not where the workspace "
                                     "recorded its end (%" G_GINT64_FORMAT " entries): entries were deleted at the end",
                                     last_id, entries->len, head_count));
  return NULL;
}

/**
 * ksp_change_log_history_of:
 * @entries: (element-type KspLogEntry): a log, in chain order
 *
 * Returns: (transfer full) (element-type KspLogEntry): the entries that changed @element_id, each with only
 *   its records about that element (an element's history: who wrote this wording, when, in which change set)
 */
GPtrArray *
ksp_change_log_history_of (GPtrArray  *entries,
                           const char *element_id)
{
  GPtrArray *history = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_log_entry_free);

  for (guint i = 0; i < entries->len; i++)
    {
      const KspLogEntry *e = g_ptr_array_index (entries, i);
      KspLogEntry *copy = NULL;

      for (guint r = 0; r < e->records->len; r++)
        {
          const KspChangeRecord *rec = g_ptr_array_index (e->records, r);
          if (g_strcmp0 (rec->element_id, element_id) != 0)
            continue;
          if (copy == NULL)
            {
              copy = ksp_log_entry_new ();
              copy->id = e->id;
              copy->standard_id = g_strdup (e->standard_id);
              copy->tree_id = e->tree_id;
              copy->at = g_strdup (e->at);
              copy->author = g_strdup (e->author);
              copy->action = g_strdup (e->action);
              copy->command = g_strdup (e->command);
              copy->label = g_strdup (e->label);
              copy->change_set = e->change_set;
              copy->prev_hash = g_strdup (e->prev_hash);
              copy->hash = g_strdup (e->hash);
            }
          g_ptr_array_add (copy->records, ksp_change_record_copy (rec));
        }
      if (copy)
        g_ptr_array_add (history, copy);
    }
  return history;
}
