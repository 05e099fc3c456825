/* ksp-document-sync.c: a document among other sessions — their changes brought in, conflicts found
 *
 * The change log is the one record of what changed (ksp-change-log.h): an entry's records say, in order,
 * every value set, element numbered, put in, taken out or moved. A document remembers the newest entry of
 * its standard that its tree holds (synced); bringing the tree up to the store is applying the records of
 * the entries after it, made by other sessions, to the tree (each application tolerates finding its
 * change already made: the entries committed while the tree was first read may be applied twice).
 *
 * A value's revision is the entry that last changed it. Before each step the document takes the standard's
 * writer lock (ksp_store_lock_standard), so nobody else writes the standard until the step commits, and
 * brings in what others committed; if the step then changes a value, number or place that one of those
 * entries changed — something the user did not see when they made the edit — or an element those entries
 * removed, it is refused as a conflict: theirs stays in the tree and the conflict says who, when, theirs
 * and mine. A command that knows what its user saw (a value typed over, KspSetValueCommand's expected)
 * is refused the same way when the value is no longer that, whenever the other change came in.
 *
 * Two people adding elements under one parent do not conflict: the second step runs after the first is in
 * the tree, in the order the lock gave them.
 */
#include "ksp-document-private.h"

#include <string.h>

/* The key of what a record changed, for finding the same thing changed twice: "ID\x1fFIELD\x1fLANG" for
 * a value, "ID\x1f#" for a number, "ID" for the element's place (put in, taken out, moved). */
static char *
record_key (const KspChangeRecord *r)
{
  switch (r->op)
    {
    case KSP_RECORD_SET:
      return g_strdup_printf ("%s\x1f%s\x1f%s", r->element_id, r->field ? r->field : "", ksp_lang_to_string (r->lang));
    case KSP_RECORD_NUMBER:
      return g_strdup_printf ("%s\x1f#", r->element_id);
    case KSP_RECORD_INSERT:
    case KSP_RECORD_DELETE:
    case KSP_RECORD_MOVE:
      return g_strdup (r->element_id);
    default:
      return NULL;
    }
}

KspConflict *
ksp_conflict_copy (const KspConflict *c)
{
  KspConflict *copy;

  if (c == NULL)
    return NULL;
  copy = g_new0 (KspConflict, 1);
  copy->op = c->op;
  copy->element_id = g_strdup (c->element_id);
  copy->kind = g_strdup (c->kind);
  copy->field = g_strdup (c->field);
  copy->lang = c->lang;
  copy->author = g_strdup (c->author);
  copy->at = g_strdup (c->at);
  copy->entry_id = c->entry_id;
  copy->theirs = g_strdup (c->theirs);
  copy->mine = g_strdup (c->mine);
  return copy;
}

void
ksp_conflict_free (KspConflict *c)
{
  if (c == NULL)
    return;
  g_free (c->element_id);
  g_free (c->kind);
  g_free (c->field);
  g_free (c->author);
  g_free (c->at);
  g_free (c->theirs);
  g_free (c->mine);
  g_free (c);
}

void
_ksp_document_sync_init (KspDocument *self)
{
  self->remote = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) ksp_conflict_free);
  self->removed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

void
_ksp_document_sync_clear (KspDocument *self)
{
  g_clear_pointer (&self->remote, g_hash_table_unref);
  g_clear_pointer (&self->conflict, ksp_conflict_free);
  g_clear_pointer (&self->removed, g_hash_table_unref);
}

/* ---------------------------------------------------------------------------------------------- */
/* applying another session's entry                                                                */

/* "PARENT-ID POSITION" → the parent in this tree and the position (clamped to its children). */
static KspNode *
parse_place (KspDocument *self,
             const char  *place,
             guint       *out_position)
{
  const char *space = place ? strrchr (place, ' ') : NULL;
  g_autofree char *parent_id = NULL;
  KspNode *parent;
  guint64 position;

  if (space == NULL)
    return NULL;
  parent_id = g_strndup (place, (gsize) (space - place));
  parent = ksp_document_lookup (self, parent_id);
  if (parent == NULL)
    return NULL;
  position = g_ascii_strtoull (space + 1, NULL, 10);
  *out_position = (guint) MIN (position, (guint64) ksp_node_get_n_children (parent));
  return parent;
}

static void
apply_record (KspDocument           *self,
              const KspChangeRecord *r)
{
  KspNode *node = r->element_id ? ksp_document_lookup (self, r->element_id) : NULL;

  switch (r->op)
    {
    case KSP_RECORD_SET:
      if (node && r->field && ksp_kind_lookup_field (ksp_node_get_kind_spec (node), r->field))
        ksp_node_set_value (node, r->field, r->lang, r->new_value);
      break;
    case KSP_RECORD_NUMBER:
      if (node)
        ksp_node_set_number (node, r->new_value);
      break;
    case KSP_RECORD_INSERT:
      if (node == NULL && r->subtree)
        {
          g_autoptr (GError) error = NULL;
          /* an element this step took out goes back as itself (views hold it), else as the record has it */
          KspNode *same = r->element_id ? g_hash_table_lookup (self->removed, r->element_id) : NULL;
          g_autoptr (KspNode) inserted = same ? g_object_ref (same) : ksp_node_from_text (r->subtree, &error);
          guint position = 0;
          KspNode *parent = parse_place (self, r->new_value, &position);

          if (inserted == NULL || parent == NULL)
            {
              g_warning ("a change of another session cannot be brought in (%s): %s", r->element_id,
                         error ? error->message : "its parent is not in the tree");
              break;
            }
          ksp_node_insert_child (parent, position, inserted);
          _ksp_document_index_add (self, inserted);
        }
      break;
    case KSP_RECORD_DELETE:
      if (node && ksp_node_get_parent (node))
        {
          g_autoptr (KspNode) keep = g_object_ref (node);
          _ksp_document_index_remove (self, node);
          ksp_node_remove_child (ksp_node_get_parent (node), node);
        }
      break;
    case KSP_RECORD_MOVE:
      if (node && ksp_node_get_parent (node))
        {
          g_autoptr (KspNode) keep = g_object_ref (node);
          guint position = 0;
          KspNode *parent;

          ksp_node_remove_child (ksp_node_get_parent (node), node);
          parent = parse_place (self, r->new_value, &position);
          if (parent == NULL || ksp_node_is_ancestor_of (node, parent))
            {
              g_warning ("a move of another session cannot be brought in (%s): its new parent is not in the tree",
                         r->element_id);
              _ksp_document_index_remove (self, node);
              break;
            }
          ksp_node_insert_child (parent, position, node);
        }
      break;
    default:
      break;   /* editions, review, comments: nothing of the draft's tree */
    }
}

/* Takes the changes @records made back out of the tree, last first (the tree only: the caller rolls the
 * store back). What a step did is what its records say, whatever the command object would do to revert. */
void
_ksp_document_take_back (KspDocument *self,
                         GPtrArray   *records)
{
  for (guint i = records->len; i > 0; i--)
    {
      const KspChangeRecord *r = g_ptr_array_index (records, i - 1);
      KspChangeRecord inverse = *r;

      switch (r->op)
        {
        case KSP_RECORD_SET:
        case KSP_RECORD_NUMBER:
        case KSP_RECORD_MOVE:
          inverse.new_value = r->old_value;
          inverse.old_value = r->new_value;
          break;
        case KSP_RECORD_INSERT:
          inverse.op = KSP_RECORD_DELETE;
          break;
        case KSP_RECORD_DELETE:
          inverse.op = KSP_RECORD_INSERT;
          inverse.new_value = r->old_value;
          break;
        default:
          continue;
        }
      apply_record (self, &inverse);
    }
}

/* Applies @entry's records and remembers, per key, who changed it. */
static void
apply_entry (KspDocument       *self,
             const KspLogEntry *entry)
{
  for (guint i = 0; i < entry->records->len; i++)
    {
      const KspChangeRecord *r = g_ptr_array_index (entry->records, i);
      char *key = record_key (r);
      KspConflict *c;

      apply_record (self, r);
      if (key == NULL)
        continue;
      c = g_new0 (KspConflict, 1);
      c->op = r->op;
      c->element_id = g_strdup (r->element_id);
      c->kind = g_strdup (r->kind);
      c->field = g_strdup (r->field);
      c->lang = r->lang;
      c->author = g_strdup (entry->author);
      c->at = g_strdup (entry->at);
      c->entry_id = entry->id;
      c->theirs = (r->op == KSP_RECORD_SET || r->op == KSP_RECORD_NUMBER) ? g_strdup (r->new_value) : NULL;
      g_hash_table_replace (self->remote, key, c);
    }
}

/* Whether @entry changes this document's tree. */
static gboolean
changes_tree (KspDocument       *self,
              const KspLogEntry *entry)
{
  if (entry->tree_id != self->tree_id)
    return FALSE;
  for (guint i = 0; i < entry->records->len; i++)
    {
      const KspChangeRecord *r = g_ptr_array_index (entry->records, i);
      if (r->op <= KSP_RECORD_MOVE)
        return TRUE;
    }
  return FALSE;
}

/* Brings in the entries after self->synced; @out_applied: those that changed the tree. */
static gboolean
bring_in (KspDocument *self,
          GPtrArray  **out_applied,
          GError     **error)
{
  g_autoptr (GPtrArray) entries = ksp_store_list_log_after (self->store, ksp_node_get_id (self->root),
                                                            self->synced, error);
  GPtrArray *applied;

  if (entries == NULL)
    return FALSE;
  applied = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_log_entry_free);
  for (guint i = 0; i < entries->len; i++)
    {
      KspLogEntry *entry = g_ptr_array_index (entries, i);

      self->synced = MAX (self->synced, entry->id);
      if (!changes_tree (self, entry))
        continue;
      apply_entry (self, entry);
      g_ptr_array_add (applied, g_ptr_array_steal_index (entries, i--));
    }
  *out_applied = applied;
  return TRUE;
}

/**
 * ksp_document_sync:
 * @out_n_applied: (out) (optional): how many entries of others changed the tree
 *
 * Brings into the tree what other sessions committed to the standard since the document last synced, and
 * emits #KspDocument::remote-changed for each. Views follow the tree's own signals; a field being typed in
 * keeps its text (the form's business). Nothing to do for a document without a store.
 */
gboolean
ksp_document_sync (KspDocument *self,
                   guint       *out_n_applied,
                   GError     **error)
{
  g_autoptr (GPtrArray) applied = NULL;

  g_return_val_if_fail (KSP_IS_DOCUMENT (self), FALSE);

  if (out_n_applied)
    *out_n_applied = 0;
  if (self->store == NULL)
    return TRUE;
  if (!bring_in (self, &applied, error))
    return FALSE;
  if (out_n_applied)
    *out_n_applied = applied->len;
  for (guint i = 0; i < applied->len; i++)
    _ksp_document_emit_remote (self, g_ptr_array_index (applied, i));
  return TRUE;
}

/**
 * ksp_document_get_revision:
 * Returns: the newest entry of the standard's change log that the tree holds.
 */
gint64
ksp_document_get_revision (KspDocument *self)
{
  g_return_val_if_fail (KSP_IS_DOCUMENT (self), 0);
  return self->synced;
}

/**
 * ksp_document_get_conflict:
 * Returns: (transfer none) (nullable): what the last refused step conflicted with; %NULL after a step that
 * did not conflict.
 */
const KspConflict *
ksp_document_get_conflict (KspDocument *self)
{
  g_return_val_if_fail (KSP_IS_DOCUMENT (self), NULL);
  return self->conflict;
}

gboolean
_ksp_document_sync_begin (KspDocument *self,
                          GPtrArray  **out_applied,
                          GError     **error)
{
  if (!ksp_store_lock_standard (self->store, ksp_node_get_id (self->root), error))
    return FALSE;
  return bring_in (self, out_applied, error);
}

/* ---------------------------------------------------------------------------------------------- */
/* conflicts                                                                                       */

/* Refuses the step for @c (copied): the document keeps it, @error says it. */
static gboolean
refuse (KspDocument       *self,
        const KspConflict *c,
        const char        *mine,
        GError           **error)
{
  KspConflict *conflict = ksp_conflict_copy (c);
  const char *what = c->op == KSP_RECORD_DELETE ? "removed" : c->op == KSP_RECORD_MOVE ? "moved"
                     : c->op == KSP_RECORD_NUMBER ? "renumbered" : "changed";

  g_free (conflict->mine);
  conflict->mine = g_strdup (mine);
  g_clear_pointer (&self->conflict, ksp_conflict_free);
  self->conflict = conflict;
  if (c->field)
    g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_CONFLICT,
                 "%s of element %s (%s) was changed by %s at %s: their text is kept, yours was not stored", c->field,
                 c->element_id, ksp_lang_to_string (c->lang), c->author ? c->author : "someone", c->at ? c->at : "?");
  else
    g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_CONFLICT,
                 "element %s was %s by %s at %s: your change was not stored", c->element_id, what,
                 c->author ? c->author : "someone", c->at ? c->at : "?");
  return FALSE;
}

/* Whether element @id is in the subtree a DELETE record took out. */
static gboolean
in_subtree (const char *subtree_text,
            const char *id)
{
  g_autoptr (KspNode) subtree = subtree_text ? ksp_node_from_text (subtree_text, NULL) : NULL;

  return subtree && (g_strcmp0 (ksp_node_get_id (subtree), id) == 0 || ksp_node_find_descendant (subtree, id));
}

gboolean
_ksp_document_sync_check (KspDocument  *self,
                          GPtrArray    *applied,
                          const GError *step_error,
                          GError      **error)
{
  if (applied == NULL || applied->len == 0)
    return TRUE;
  if (step_error)
    {
      /* the step looked for an element one of theirs removed */
      if (!g_error_matches (step_error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_NOT_FOUND))
        return TRUE;
      for (guint i = 0; i < applied->len; i++)
        {
          KspLogEntry *entry = g_ptr_array_index (applied, i);
          for (guint j = 0; j < entry->records->len; j++)
            {
              const KspChangeRecord *r = g_ptr_array_index (entry->records, j);
              g_autofree char *key = NULL;
              if (r->op != KSP_RECORD_DELETE)
                continue;
              key = record_key (r);
              return refuse (self, g_hash_table_lookup (self->remote, key), NULL, error);
            }
        }
      return TRUE;
    }
  for (guint i = 0; i < self->records->len; i++)
    {
      const KspChangeRecord *mine = g_ptr_array_index (self->records, i);
      g_autofree char *key = record_key (mine);

      for (guint j = 0; key && j < applied->len; j++)
        {
          KspLogEntry *entry = g_ptr_array_index (applied, j);
          for (guint k = 0; k < entry->records->len; k++)
            {
              const KspChangeRecord *theirs = g_ptr_array_index (entry->records, k);
              g_autofree char *their_key = record_key (theirs);
              gboolean same = their_key && g_str_equal (key, their_key) &&
                              /* two moves of one element clash, two insertions cannot be of one */
                              (mine->op != KSP_RECORD_INSERT);

              /* removing what they just changed would lose their change unseen */
              if (!same && mine->op == KSP_RECORD_DELETE && their_key && theirs->element_id &&
                  in_subtree (mine->subtree, theirs->element_id))
                same = TRUE;
              if (same)
                {
                  KspConflict c = { theirs->op, theirs->element_id, theirs->kind, theirs->field, theirs->lang,
                                    entry->author, entry->at, entry->id,
                                    (theirs->op == KSP_RECORD_SET || theirs->op == KSP_RECORD_NUMBER)
                                      ? theirs->new_value : NULL, NULL };
                  return refuse (self, &c, (mine->op == KSP_RECORD_SET || mine->op == KSP_RECORD_NUMBER)
                                             ? mine->new_value : NULL, error);
                }
            }
        }
    }
  return TRUE;
}

gboolean
_ksp_document_check_expected (KspDocument *self,
                              KspNode     *node,
                              const char  *field,
                              KspLang      lang,
                              const char  *expected,
                              const char  *mine,
                              GError     **error)
{
  const char *now = ksp_node_get_value (node, field, lang);
  g_autofree char *key = NULL;
  KspConflict *known;

  if (g_strcmp0 (now, expected) == 0 || g_strcmp0 (now, mine) == 0)
    return TRUE;   /* as the user saw it, or already what they want */
  key = g_strdup_printf ("%s\x1f%s\x1f%s", ksp_node_get_id (node), field, ksp_lang_to_string (lang));
  known = g_hash_table_lookup (self->remote, key);
  if (known == NULL)
    {
      /* changed by this session (another view of it): nobody else to name */
      KspConflict c = { KSP_RECORD_SET, (char *) ksp_node_get_id (node), (char *) ksp_node_get_kind (node),
                        (char *) field, lang, (char *) self->user, NULL, self->synced, (char *) now, NULL };
      return refuse (self, &c, mine, error);
    }
  return refuse (self, known, mine, error);
}
