/* ksp-editions.c: see ksp-editions.h */
#include "ksp-editions.h"

#include <stdio.h>

#include "ksp-group-command.h"
#include "ksp-review.h"
#include "ksp-insert-node-command.h"
#include "ksp-move-node-command.h"
#include "ksp-remove-node-command.h"
#include "ksp-set-number-command.h"
#include "ksp-set-value-command.h"

gint64
ksp_editions_freeze (KspStore    *store,
                     const char  *standard_id,
                     const char  *date,
                     const char  *act,
                     const char  *note,
                     GError     **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *clean_act = act ? g_strstrip (g_strdup (act)) : NULL;
  g_autofree char *clean_note = note ? g_strstrip (g_strdup (note)) : NULL;
  KspEditionInfo edition = { 0 };
  gint64 tree;
  int y, m, d;

  g_return_val_if_fail (KSP_IS_STORE (store), 0);
  g_return_val_if_fail (standard_id != NULL, 0);

  if (date == NULL || *date == '\0')
    date = today;
  if (sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID,
                   "the date of an edition is written YYYY-MM-DD: «%s»", date);
      return 0;
    }
  edition.standard_id = (char *) standard_id;
  edition.date = (char *) date;
  edition.year = y;
  edition.act = clean_act && *clean_act ? clean_act : NULL;
  edition.note = clean_note && *clean_note ? clean_note : NULL;
  /* with review set up: a publisher, and nothing left to approve (ksp-review.h) */
  if (!ksp_review_check_publishable (store, standard_id, ksp_store_get_user (store), error))
    return 0;
  tree = ksp_store_create_edition (store, &edition, error);
  if (tree == 0 || !ksp_review_mark_published (store, standard_id, ksp_store_get_user (store), error))
    return 0;
  return tree;
}

KspEditionInfo *
ksp_editions_find (KspStore    *store,
                   const char  *standard_id,
                   int          number,
                   GError     **error)
{
  g_autoptr (GPtrArray) editions = ksp_store_list_editions (store, standard_id, error);

  if (editions == NULL)
    return NULL;
  for (guint i = 0; i < editions->len; i++)
    if (((KspEditionInfo *) editions->pdata[i])->number == number)
      return g_ptr_array_steal_index (editions, i);
  g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND, "%s: no edition %d", standard_id, number);
  return NULL;
}

/* Reverting ------------------------------------------------------------------------------------------ */

/* The commands are made against a copy of the draft that each one is applied to as it is made, so that
 * every position is the one the command will meet when the group runs. */
typedef struct {
  KspNode         *sim;       /* the copy */
  GHashTable      *by_id;     /* ID → element of the copy */
  GHashTable      *wanted;    /* IDs of the edition */
  KspGroupCommand *group;
  guint            n;
} Revert;

static void
index_subtree (Revert  *r,
               KspNode *node,
               gboolean add)
{
  if (add)
    g_hash_table_insert (r->by_id, (gpointer) ksp_node_get_id (node), node);
  else
    g_hash_table_remove (r->by_id, ksp_node_get_id (node));
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    index_subtree (r, ksp_node_get_child (node, i), add);
}

static void
take (Revert     *r,
      KspCommand *command)
{
  ksp_group_command_take (r->group, command);
  r->n++;
}

static void
remove_node (Revert  *r,
             KspNode *node)
{
  take (r, ksp_remove_node_command_new (ksp_node_get_id (node)));
  index_subtree (r, node, FALSE);
  ksp_node_remove_child (ksp_node_get_parent (node), node);
}

/* Removes the elements the edition does not have (the topmost of each such subtree). */
static void
remove_unwanted (Revert  *r,
                 KspNode *node)
{
  for (guint i = ksp_node_get_n_children (node); i-- > 0;)
    {
      KspNode *child = ksp_node_get_child (node, i);
      if (!g_hash_table_contains (r->wanted, ksp_node_get_id (child)))
        remove_node (r, child);
      else
        remove_unwanted (r, child);
    }
}

typedef struct {
  Revert  *r;
  KspNode *other;
  KspNode *target;  /* the element of the copy the values are set on */
  gboolean from_edition;
} SyncValues;

static void
sync_value (KspNode    *node,
            const char *field,
            KspLang     lang,
            const char *value,
            gpointer    user_data)
{
  SyncValues *s = user_data;
  const char *there = ksp_node_get_value (s->other, field, lang);

  if (s->from_edition && g_strcmp0 (value, there) != 0)
    {
      take (s->r, ksp_set_value_command_new (ksp_node_get_id (s->target), field, lang, value));
      ksp_node_set_value (s->target, field, lang, value);
    }
  else if (!s->from_edition && value != NULL && there == NULL)
    {
      take (s->r, ksp_set_value_command_new (ksp_node_get_id (s->target), field, lang, NULL));
      ksp_node_set_value (s->target, field, lang, NULL);
    }
}

static void
sync_fields (Revert  *r,
             KspNode *edition,
             KspNode *draft)
{
  g_autoptr (KspNode) before = NULL;
  SyncValues from = { r, draft, draft, TRUE };
  SyncValues back = { r, edition, draft, FALSE };

  /* values the draft has and the edition does not are made absent; then the edition's are set */
  before = ksp_node_copy (draft);
  back.target = draft;
  ksp_node_foreach_value (before, sync_value, &back);
  from.other = draft;
  ksp_node_foreach_value (edition, sync_value, &from);
  if (g_strcmp0 (ksp_node_get_number (edition), ksp_node_get_number (draft)) != 0)
    {
      take (r, ksp_set_number_command_new (ksp_node_get_id (draft), ksp_node_get_number (edition)));
      ksp_node_set_number (draft, ksp_node_get_number (edition));
    }
}

static void
remove_present_descendants (Revert  *r,
                            KspNode *edition)
{
  for (guint i = 0; i < ksp_node_get_n_children (edition); i++)
    {
      KspNode *e = ksp_node_get_child (edition, i);
      KspNode *d = g_hash_table_lookup (r->by_id, ksp_node_get_id (e));
      if (d)
        remove_node (r, d);
      else
        remove_present_descendants (r, e);
    }
}

/* Puts the edition's element @edition at @position under @parent (of the copy), and its subtree. */
static void
place (Revert  *r,
       KspNode *edition,
       KspNode *parent,
       guint    position)
{
  KspNode *draft = g_hash_table_lookup (r->by_id, ksp_node_get_id (edition));
  guint at = 0;

  if (draft == NULL)
    {
      g_autoptr (KspNode) for_command = ksp_node_copy (edition);
      g_autoptr (KspNode) for_copy = ksp_node_copy (edition);

      /* elements of its subtree that the draft has elsewhere are put back with it */
      remove_present_descendants (r, edition);
      take (r, ksp_insert_node_command_new (ksp_node_get_id (parent), position, for_command));
      ksp_node_insert_child (parent, position, for_copy);
      index_subtree (r, for_copy, TRUE);
      return;
    }
  if (ksp_node_get_parent (draft) != parent || !ksp_node_find_child (parent, draft, &at) || at != position)
    {
      g_autoptr (KspNode) keep = g_object_ref (draft);
      take (r, ksp_move_node_command_new (ksp_node_get_id (draft), ksp_node_get_id (parent), position));
      ksp_node_remove_child (ksp_node_get_parent (draft), draft);
      ksp_node_insert_child (parent, position, draft);
    }
  sync_fields (r, edition, draft);
  for (guint i = 0; i < ksp_node_get_n_children (edition); i++)
    place (r, ksp_node_get_child (edition, i), draft, i);
}

static void
collect_ids (GHashTable *set,
             KspNode    *node)
{
  g_hash_table_add (set, (gpointer) ksp_node_get_id (node));
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    collect_ids (set, ksp_node_get_child (node, i));
}

gboolean
ksp_document_revert_to (KspDocument  *self,
                        KspNode      *edition_root,
                        const char   *label,
                        GError      **error)
{
  KspNode *root;
  g_autoptr (KspCommand) group = NULL;
  Revert r = { 0 };
  gboolean ok;

  g_return_val_if_fail (KSP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (KSP_IS_NODE (edition_root), FALSE);

  root = ksp_document_get_root (self);
  if (g_strcmp0 (ksp_node_get_id (root), ksp_node_get_id (edition_root)) != 0 ||
      g_strcmp0 (ksp_node_get_kind (root), ksp_node_get_kind (edition_root)) != 0)
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID,
                   "the edition is not an edition of this document (%s)", ksp_node_get_id (root));
      return FALSE;
    }
  group = ksp_group_command_new (label ? label : "revert");
  r.group = KSP_GROUP_COMMAND (group);
  r.sim = ksp_node_copy (root);
  r.by_id = g_hash_table_new (g_str_hash, g_str_equal);
  r.wanted = g_hash_table_new (g_str_hash, g_str_equal);
  collect_ids (r.wanted, edition_root);
  index_subtree (&r, r.sim, TRUE);

  remove_unwanted (&r, r.sim);
  sync_fields (&r, edition_root, r.sim);
  for (guint i = 0; i < ksp_node_get_n_children (edition_root); i++)
    place (&r, ksp_node_get_child (edition_root, i), r.sim, i);

  ok = r.n == 0 || ksp_document_execute (self, group, error);
  g_hash_table_unref (r.by_id);
  g_hash_table_unref (r.wanted);
  g_object_unref (r.sim);
  return ok;
}
