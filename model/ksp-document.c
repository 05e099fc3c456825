/* ksp-document.c: one standard's tree being edited */
#include "ksp-document-private.h"

#include <string.h>

#include "ksp-review.h"

#include "ksp-insert-node-command.h"
#include "ksp-move-node-command.h"
#include "ksp-remove-node-command.h"
#include "ksp-set-value-command.h"

G_DEFINE_FINAL_TYPE (KspDocument, ksp_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (ksp-document-error-quark, ksp_document_error)

enum {
  CHANGED,
  REMOTE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_ksp_document_index_add (KspDocument *self,
                         KspNode     *node)
{
  guint n = ksp_node_get_n_children (node);

  g_hash_table_insert (self->index, (gpointer) ksp_node_get_id (node), node);
  for (guint i = 0; i < n; i++)
    _ksp_document_index_add (self, ksp_node_get_child (node, i));
}

void
_ksp_document_index_remove (KspDocument *self,
                            KspNode     *node)
{
  guint n = ksp_node_get_n_children (node);

  g_hash_table_remove (self->index, ksp_node_get_id (node));
  for (guint i = 0; i < n; i++)
    _ksp_document_index_remove (self, ksp_node_get_child (node, i));
}

void
_ksp_document_emit_remote (KspDocument       *self,
                           const KspLogEntry *entry)
{
  g_signal_emit (self, signals[REMOTE_CHANGED], 0, entry);
}

/* Fails when any ID in @node's subtree is already in the document. */
static gboolean
check_ids_free (KspDocument *self,
                KspNode     *node,
                GError     **error)
{
  guint n = ksp_node_get_n_children (node);

  if (g_hash_table_contains (self->index, ksp_node_get_id (node)))
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID,
                   "an element with ID %s is already in the document", ksp_node_get_id (node));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    if (!check_ids_free (self, ksp_node_get_child (node, i), error))
      return FALSE;
  return TRUE;
}

static void
ksp_document_finalize (GObject *object)
{
  KspDocument *self = KSP_DOCUMENT (object);

  g_clear_object (&self->root);
  g_hash_table_unref (self->index);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->store);
  g_free (self->user);
  g_free (self->read_only_reason);
  g_ptr_array_unref (self->records);
  _ksp_document_sync_clear (self);
  G_OBJECT_CLASS (ksp_document_parent_class)->finalize (object);
}

static void
ksp_document_class_init (KspDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ksp_document_finalize;

  /**
   * KspDocument::changed:
   * @command: the command that was done, undone or redone
   *
   * Emitted after every successful execute, undo and redo, whatever the command changed (values or the
   * tree's structure): views that summarise the whole document (the checks) listen here.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, KSP_TYPE_COMMAND);
  /**
   * KspDocument::remote-changed:
   * @entry: (type gpointer): the KspLogEntry of another session now in the tree
   *
   * Emitted for each change another session made that ksp_document_sync() (or a step's own sync) brought
   * into the tree; the tree's own signals (values, children) have told the views already.
   */
  signals[REMOTE_CHANGED] = g_signal_new ("remote-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                          NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
ksp_document_init (KspDocument *self)
{
  const char *user = g_getenv ("KASIP_USER");

  self->index = g_hash_table_new (g_str_hash, g_str_equal);
  self->undo_stack = ksp_undo_stack_new ();
  self->user = g_strdup (user && *user ? user : g_get_user_name ());
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_change_record_free);
  _ksp_document_sync_init (self);
}

/**
 * ksp_document_new:
 * @root: the tree; the document takes a reference
 *
 * A document kept in memory only.
 */
KspDocument *
ksp_document_new (KspNode *root)
{
  KspDocument *self;

  g_return_val_if_fail (KSP_IS_NODE (root), NULL);
  self = g_object_new (KSP_TYPE_DOCUMENT, NULL);
  self->root = g_object_ref (root);
  _ksp_document_index_add (self, root);
  return self;
}

/**
 * ksp_document_open:
 * Loads a tree (a draft or an edition) from @store; edits will be written back to it.
 */
KspDocument *
ksp_document_open (KspStore *store,
                   gint64    tree_id,
                   GError  **error)
{
  /* every entry up to the workspace's newest before the tree is read is in the tree; the few committed
   * while it is read, if any, are in it too and are brought in again by the first sync, which is harmless */
  gint64 synced = ksp_store_get_revision (store, NULL, error);
  g_autoptr (KspNode) root = synced < 0 ? NULL : ksp_store_load_tree (store, tree_id, error);
  KspDocument *self;

  if (root == NULL)
    return NULL;
  self = ksp_document_new (root);
  self->store = g_object_ref (store);
  self->tree_id = tree_id;
  self->synced = synced;
  ksp_document_set_user (self, ksp_store_get_user (store));
  if (ksp_store_is_read_only (store))
    ksp_document_set_read_only (self, ksp_store_get_read_only_reason (store));
  return self;
}

KspNode *
ksp_document_get_root (KspDocument *self)
{
  return self->root;
}

/**
 * ksp_document_lookup:
 * Returns: (transfer none) (nullable): the element with this ID
 */
KspNode *
ksp_document_lookup (KspDocument *self,
                     const char  *id)
{
  return id ? g_hash_table_lookup (self->index, id) : NULL;
}

KspUndoStack *
ksp_document_get_undo_stack (KspDocument *self)
{
  return self->undo_stack;
}

KspStore *
ksp_document_get_store (KspDocument *self)
{
  return self->store;
}

gint64
ksp_document_get_tree_id (KspDocument *self)
{
  return self->tree_id;
}

const char *
ksp_document_get_user (KspDocument *self)
{
  return self->user;
}

void
ksp_document_set_user (KspDocument *self,
                       const char  *user)
{
  g_return_if_fail (user != NULL);
  g_free (self->user);
  self->user = g_strdup (user);
}

gboolean
ksp_document_is_read_only (KspDocument *self)
{
  return self->read_only_reason != NULL;
}

/* @reason: (nullable): why edits are refused (an edition, a locked workspace); %NULL allows them */
void
ksp_document_set_read_only (KspDocument *self,
                            const char  *reason)
{
  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (reason);
}

/* ---------------------------------------------------------------------------------------------- */
/* primitive operations                                                                            */

KspNode *
_ksp_document_require (KspDocument *self,
                       const char  *id,
                       GError     **error)
{
  KspNode *node = ksp_document_lookup (self, id);

  if (node == NULL)
    g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_NOT_FOUND,
                 "no element with ID %s in this document", id ? id : "(none)");
  return node;
}

gboolean
_ksp_document_op_set_value (KspDocument *self,
                            KspNode     *node,
                            const char  *field,
                            KspLang      lang,
                            const char  *value,
                            GError     **error)
{
  const KspKindSpec *kind = ksp_node_get_kind_spec (node);
  const KspFieldSpec *spec = ksp_kind_lookup_field (kind, field);

  if (spec == NULL)
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID,
                   "«%s» has no field «%s»", kind->name, field);
      return FALSE;
    }
  if (ksp_field_is_bilingual (spec) ? lang == KSP_LANG_NONE : lang != KSP_LANG_NONE)
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID,
                   ksp_field_is_bilingual (spec)
                     ? "field «%s» of «%s» needs a language (kk or ru)"
                     : "field «%s» of «%s» is language-neutral",
                   field, kind->name);
      return FALSE;
    }
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID,
                   "the new value of «%s» is not valid UTF-8", field);
      return FALSE;
    }
  if (self->store &&
      !ksp_store_write_value (self->store, self->tree_id, ksp_node_get_id (node), spec->name, lang, value, error))
    return FALSE;
  if (self->store && g_strcmp0 (ksp_node_get_value (node, spec->name, lang), value) != 0)
    {
      KspChangeRecord *r = ksp_change_record_new (KSP_RECORD_SET, node);
      r->field = g_strdup (spec->name);
      r->lang = lang;
      r->old_value = g_strdup (ksp_node_get_value (node, spec->name, lang));
      r->new_value = g_strdup (value);
      g_ptr_array_add (self->records, r);
    }
  ksp_node_set_value (node, spec->name, lang, value);
  return TRUE;
}

/* "PARENT-ID POSITION": where an element is, in a change record. */
static char *
place_of (KspNode *parent,
          KspNode *node)
{
  guint position = 0;

  ksp_node_find_child (parent, node, &position);
  return g_strdup_printf ("%s %u", ksp_node_get_id (parent), position);
}

gboolean
_ksp_document_op_set_number (KspDocument *self,
                             KspNode     *node,
                             const char  *number,
                             GError     **error)
{
  g_autofree char *old = g_strdup (ksp_node_get_number (node));

  ksp_node_set_number (node, number);
  if (self->store && !ksp_store_write_node (self->store, self->tree_id, node, FALSE, error))
    {
      ksp_node_set_number (node, old);
      return FALSE;
    }
  if (self->store && g_strcmp0 (old, number) != 0)
    {
      KspChangeRecord *r = ksp_change_record_new (KSP_RECORD_NUMBER, node);
      r->old_value = g_steal_pointer (&old);
      r->new_value = g_strdup (number);
      g_ptr_array_add (self->records, r);
    }
  return TRUE;
}

gboolean
_ksp_document_op_insert (KspDocument *self,
                         KspNode     *parent,
                         guint        position,
                         KspNode     *node,
                         GError     **error)
{
  if (!ksp_kind_allows_child (ksp_node_get_kind_spec (parent), ksp_node_get_kind (node)))
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID,
                   "«%s» cannot hold «%s»", ksp_node_get_kind (parent), ksp_node_get_kind (node));
      return FALSE;
    }
  if (ksp_node_get_parent (node) != NULL)
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID,
                   "element %s is already in a tree", ksp_node_get_id (node));
      return FALSE;
    }
  if (!check_ids_free (self, node, error))
    return FALSE;

  ksp_node_insert_child (parent, position, node);
  if (self->store &&
      (!ksp_store_write_node (self->store, self->tree_id, node, TRUE, error) ||
       !ksp_store_write_order (self->store, self->tree_id, parent, error)))
    {
      ksp_node_remove_child (parent, node);
      return FALSE;
    }
  if (self->store)
    {
      KspChangeRecord *r = ksp_change_record_new (KSP_RECORD_INSERT, node);
      r->new_value = place_of (parent, node);
      r->subtree = ksp_node_to_text (node);
      g_ptr_array_add (self->records, r);
    }
  _ksp_document_index_add (self, node);
  return TRUE;
}

gboolean
_ksp_document_op_remove (KspDocument *self,
                         KspNode     *node,
                         GError     **error)
{
  g_autoptr (KspNode) keep = g_object_ref (node);
  KspNode *parent = ksp_node_get_parent (node);
  guint position = 0;

  g_return_val_if_fail (parent != NULL, FALSE);
  ksp_node_find_child (parent, node, &position);
  if (self->store)
    {
      KspChangeRecord *r = ksp_change_record_new (KSP_RECORD_DELETE, node);
      r->old_value = place_of (parent, node);
      r->subtree = ksp_node_to_text (node);
      g_ptr_array_add (self->records, r);
    }
  ksp_node_remove_child (parent, node);
  g_hash_table_replace (self->removed, g_strdup (ksp_node_get_id (node)), g_object_ref (node));
  if (self->store &&
      (!ksp_store_delete_node (self->store, self->tree_id, ksp_node_get_id (node), error) ||
       !ksp_store_write_order (self->store, self->tree_id, parent, error)))
    {
      ksp_node_insert_child (parent, position, node);
      return FALSE;
    }
  _ksp_document_index_remove (self, node);
  return TRUE;
}

gboolean
_ksp_document_op_move (KspDocument *self,
                       KspNode     *node,
                       KspNode     *new_parent,
                       guint        new_position,
                       GError     **error)
{
  g_autoptr (KspNode) keep = g_object_ref (node);
  KspNode *old_parent = ksp_node_get_parent (node);
  guint old_position = 0;

  if (!ksp_kind_allows_child (ksp_node_get_kind_spec (new_parent), ksp_node_get_kind (node)))
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID,
                   "«%s» cannot hold «%s»", ksp_node_get_kind (new_parent), ksp_node_get_kind (node));
      return FALSE;
    }
  if (ksp_node_is_ancestor_of (node, new_parent))
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID,
                   "an element cannot be moved into itself");
      return FALSE;
    }
  ksp_node_find_child (old_parent, node, &old_position);
  ksp_node_remove_child (old_parent, node);
  ksp_node_insert_child (new_parent, new_position, node);
  if (self->store &&
      (!ksp_store_write_node (self->store, self->tree_id, node, FALSE, error) ||
       !ksp_store_write_order (self->store, self->tree_id, old_parent, error) ||
       (old_parent != new_parent && !ksp_store_write_order (self->store, self->tree_id, new_parent, error))))
    {
      ksp_node_remove_child (new_parent, node);
      ksp_node_insert_child (old_parent, old_position, node);
      return FALSE;
    }
  if (self->store)
    {
      KspChangeRecord *r = ksp_change_record_new (KSP_RECORD_MOVE, node);
      r->old_value = g_strdup_printf ("%s %u", ksp_node_get_id (old_parent), old_position);
      r->new_value = place_of (new_parent, node);
      g_ptr_array_add (self->records, r);
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------- */
/* commands                                                                                        */

static gboolean
check_writable (KspDocument *self,
                GError     **error)
{
  if (self->read_only_reason == NULL)
    return TRUE;
  g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_READ_ONLY, "cannot edit: %s",
               self->read_only_reason);
  return FALSE;
}

typedef gboolean (*StepFunc) (KspCommand *command, KspDocument *doc, GError **error);

/* What a command is, as data: "KspSetValueCommand" → "set-value". */
static char *
command_kind (KspCommand *command)
{
  const char *name = G_OBJECT_TYPE_NAME (command);
  GString *out = g_string_new (NULL);
  gsize len;

  if (g_str_has_prefix (name, "Ksp"))
    name += 3;
  len = strlen (name);
  if (g_str_has_suffix (name, "Command"))
    len -= strlen ("Command");
  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isupper (name[i]) && i > 0)
        g_string_append_c (out, '-');
      g_string_append_c (out, g_ascii_tolower (name[i]));
    }
  return g_string_free (out, FALSE);
}

/* Runs one step (apply or revert) in a store transaction, with its entry in the change log: the records
 * the step's operations made (see the _ksp_document_op_ functions). */
static gboolean
run_step (KspDocument *self,
          KspCommand  *command,
          StepFunc     step,
          const char  *action,
          GError     **error)
{
  g_autoptr (GPtrArray) applied = NULL;
  g_autoptr (GError) step_error = NULL;
  gboolean ok = FALSE;

  if (self->store && !ksp_review_require (self->store, self->user, KSP_ROLE_DRAFTER, "edit the draft", error))
    return FALSE;
  if (self->store && !ksp_store_begin (self->store, error))
    return FALSE;
  g_clear_pointer (&self->conflict, ksp_conflict_free);
  /* what others committed is brought in first, under the standard's lock: the step sees the tree as stored */
  if (self->store && !_ksp_document_sync_begin (self, &applied, error))
    {
      ksp_store_rollback (self->store);
      return FALSE;
    }
  g_ptr_array_set_size (self->records, 0);
  if (!step (command, self, &step_error))
    {
      if (self->store)
        ksp_store_rollback (self->store);
      g_ptr_array_set_size (self->records, 0);
      if (!self->store || _ksp_document_sync_check (self, applied, step_error, error))
        g_propagate_error (error, g_steal_pointer (&step_error));
      goto out;
    }
  if (self->store && !_ksp_document_sync_check (self, applied, NULL, error))
    {
      /* theirs stays: what the step did is taken out of the tree, the transaction rolled back */
      _ksp_document_take_back (self, self->records);
      ksp_store_rollback (self->store);
      g_ptr_array_set_size (self->records, 0);
      goto out;
    }
  if (self->store)
    {
      g_autoptr (KspLogEntry) entry = ksp_log_entry_new ();

      entry->standard_id = g_strdup (ksp_node_get_id (self->root));
      entry->tree_id = self->tree_id;
      entry->author = g_strdup (self->user);
      entry->action = g_strdup (action);
      entry->command = command_kind (command);
      if (g_str_equal (entry->command, "group"))
        entry->label = ksp_command_describe (command);
      g_ptr_array_extend_and_steal (entry->records, g_steal_pointer (&self->records));
      self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_change_record_free);
      /* the author's open change set for the standard (made at their first edit) */
      if (!(entry->change_set = ksp_store_current_change_set (self->store, entry->standard_id, self->user, error)) ||
          !ksp_store_append_log (self->store, entry, error) ||
          !ksp_store_commit (self->store, error))
        {
          ksp_store_rollback (self->store);
          /* Put the tree back as the store has it. */
          _ksp_document_take_back (self, entry->records);
          goto out;
        }
      /* under the standard's lock nobody wrote it between the sync and this entry */
      self->synced = MAX (self->synced, entry->id);
    }
  ok = TRUE;

out:
  g_hash_table_remove_all (self->removed);
  for (guint i = 0; applied && i < applied->len; i++)
    _ksp_document_emit_remote (self, g_ptr_array_index (applied, i));
  return ok;
}

/**
 * ksp_document_execute:
 * Applies @command, stores it and puts it on the undo stack.
 */
gboolean
ksp_document_execute (KspDocument *self,
                      KspCommand  *command,
                      GError     **error)
{
  g_return_val_if_fail (KSP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (KSP_IS_COMMAND (command), FALSE);

  if (!check_writable (self, error))
    return FALSE;
  if (ksp_command_get_user (command) == NULL)
    ksp_command_set_user (command, self->user);
  if (ksp_command_get_time (command) == 0)
    ksp_command_set_time (command, g_get_real_time ());
  if (!run_step (self, command, ksp_command_apply, "do", error))
    return FALSE;
  ksp_undo_stack_push (self->undo_stack, command);
  g_signal_emit (self, signals[CHANGED], 0, command);
  return TRUE;
}

gboolean
ksp_document_undo (KspDocument *self,
                   GError     **error)
{
  KspCommand *command = ksp_undo_stack_peek_undo (self->undo_stack);

  if (!check_writable (self, error))
    return FALSE;
  if (command == NULL)
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_NOTHING, "nothing to undo");
      return FALSE;
    }
  if (!run_step (self, command, ksp_command_revert, "undo", error))
    return FALSE;
  ksp_undo_stack_step_back (self->undo_stack);
  g_signal_emit (self, signals[CHANGED], 0, command);
  return TRUE;
}

gboolean
ksp_document_redo (KspDocument *self,
                   GError     **error)
{
  KspCommand *command = ksp_undo_stack_peek_redo (self->undo_stack);

  if (!check_writable (self, error))
    return FALSE;
  if (command == NULL)
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_NOTHING, "nothing to redo");
      return FALSE;
    }
  if (!run_step (self, command, ksp_command_apply, "redo", error))
    return FALSE;
  ksp_undo_stack_step_forward (self->undo_stack);
  g_signal_emit (self, signals[CHANGED], 0, command);
  return TRUE;
}

static gboolean
execute_new (KspDocument *self,
             KspCommand  *command,
             GError     **error)
{
  g_autoptr (KspCommand) owned = command;
  return ksp_document_execute (self, owned, error);
}

/* @value: (nullable): %NULL makes the field absent, "" empty, "-" a dash */
static KspCommand *
new_set_value (KspNode    *node,
               const char *field,
               KspLang     lang,
               const char *value)
{
  /* A labour function's entry in the list of functions follows its heading while the two agree: a new
   * function gets both from one field (the published texts keep them apart: a list entry written
   * otherwise stays as it is). */
  if (g_str_equal (ksp_node_get_kind (node), "function") && g_strcmp0 (field, "name") == 0 && lang != KSP_LANG_NONE)
    return ksp_set_value_command_new_linked (ksp_node_get_id (node), field, lang, value, "list_name");
  return ksp_set_value_command_new (ksp_node_get_id (node), field, lang, value);
}

gboolean
ksp_document_set_value (KspDocument *self,
                        KspNode     *node,
                        const char  *field,
                        KspLang      lang,
                        const char  *value,
                        GError     **error)
{
  return execute_new (self, new_set_value (node, field, lang, value), error);
}

/**
 * ksp_document_set_value_seen:
 * @seen: (nullable): the value the user saw when they began to type (%NULL: absent)
 *
 * As ksp_document_set_value(), but refused with KSP_DOCUMENT_ERROR_CONFLICT when the value is no longer
 * @seen (another session's change came in while they typed): the editor's way of writing what was typed.
 */
gboolean
ksp_document_set_value_seen (KspDocument *self,
                             KspNode     *node,
                             const char  *field,
                             KspLang      lang,
                             const char  *value,
                             const char  *seen,
                             GError     **error)
{
  KspCommand *command = new_set_value (node, field, lang, value);

  ksp_set_value_command_set_expected (KSP_SET_VALUE_COMMAND (command), seen);
  return execute_new (self, command, error);
}

gboolean
ksp_document_insert_node (KspDocument *self,
                          KspNode     *parent,
                          guint        position,
                          KspNode     *node,
                          GError     **error)
{
  return execute_new (self, ksp_insert_node_command_new (ksp_node_get_id (parent), position, node), error);
}

gboolean
ksp_document_remove_node (KspDocument *self,
                          KspNode     *node,
                          GError     **error)
{
  return execute_new (self, ksp_remove_node_command_new (ksp_node_get_id (node)), error);
}

gboolean
ksp_document_move_node (KspDocument *self,
                        KspNode     *node,
                        KspNode     *new_parent,
                        guint        new_position,
                        GError     **error)
{
  return execute_new (self, ksp_move_node_command_new (ksp_node_get_id (node), ksp_node_get_id (new_parent),
                                                       new_position), error);
}
