/* ksp-store.c: the storage backend interface and the choice of backend by URI */
#include "config.h"

#include "ksp-store.h"
#include "ksp-sqlite-store.h"
#if KSP_HAVE_POSTGRES
#include "ksp-pg-store.h"
#endif
#include "ksp-standard-handle.h"

#include <string.h>

typedef struct
{
  char     *location;
  char     *user;
  char     *read_only_reason; /* NULL when writable */
} KspStorePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (KspStore, ksp_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (ksp-store-error-quark, ksp_store_error)

void
ksp_standard_info_free (KspStandardInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->standard_id);
  g_free (info->code);
  g_free (info->title_ru);
  g_free (info->title_kk);
  g_free (info->node_id);
  g_free (info->handle);
  g_free (info);
}

void
ksp_edition_info_free (KspEditionInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->standard_id);
  g_free (info->date);
  g_free (info->note);
  g_free (info->act);
  g_free (info->created_by);
  g_free (info->created_at);
  g_free (info);
}

void
ksp_lock_info_free (KspLockInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->user);
  g_free (info->host);
  g_free (info->since);
  g_free (info->heartbeat);
  g_free (info);
}

void
ksp_comment_free (KspComment *comment)
{
  if (comment == NULL)
    return;
  g_free (comment->standard_id);
  g_free (comment->element_id);
  g_free (comment->field);
  g_free (comment->author);
  g_free (comment->text);
  g_free (comment->created_at);
  g_free (comment->resolved_by);
  g_free (comment->resolved_at);
  g_free (comment);
}

void
ksp_change_set_free (KspChangeSet *change_set)
{
  if (change_set == NULL)
    return;
  g_free (change_set->standard_id);
  g_free (change_set->author);
  g_free (change_set->title);
  g_free (change_set->status);
  g_free (change_set->reason);
  g_free (change_set->reviewer);
  g_free (change_set->created_at);
  g_free (change_set->updated_at);
  g_free (change_set);
}

void
ksp_person_free (KspPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->account);
  g_free (person->display_name);
  g_free (person->roles);
  g_free (person->created_at);
  g_free (person);
}

void
ksp_justification_free (KspJustification *justification)
{
  if (justification == NULL)
    return;
  g_free (justification->change_key);
  g_free (justification->text);
  g_free (justification->author);
  g_free (justification->updated_at);
  g_free (justification);
}

static void
ksp_store_finalize (GObject *object)
{
  KspStorePrivate *priv = ksp_store_get_instance_private (KSP_STORE (object));

  g_free (priv->location);
  g_free (priv->user);
  g_free (priv->read_only_reason);
  G_OBJECT_CLASS (ksp_store_parent_class)->finalize (object);
}

static void
ksp_store_class_init (KspStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ksp_store_finalize;
}

static void
ksp_store_init (KspStore *self)
{
  KspStorePrivate *priv = ksp_store_get_instance_private (self);
  const char *user = g_getenv ("KASIP_USER");

  /* Who you are is the store's: the OS login, or for scripts and tests the account `kasip --as` (or
   * $KASIP_USER) names — a workspace file cannot prove who writes to it anyway. The editor works as the OS
   * login whatever the environment says (ksp_window_open_workspace); a backend with identities of its own
   * (a database role) sets refuses_acting_as and its own account when it opens. */
  priv->user = g_strdup (user && *user ? user : g_get_user_name ());
}

/**
 * ksp_store_open_uri:
 * @uri: a path, "sqlite:PATH", "file:///PATH" or "postgresql://..." (libpq's URI, without a password)
 *
 * Opens a workspace with the backend its URI names (the PostgreSQL one when this build has libpq). A workspace locked by another session is opened
 * read-only (see ksp_store_is_read_only()); one written by a newer Kasip is refused.
 */
KspStore *
ksp_store_open_uri (const char        *uri,
                    KspStoreOpenFlags  flags,
                    GError           **error)
{
  g_autoptr (KspStore) store = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  if (g_str_has_prefix (uri, "postgresql:") || g_str_has_prefix (uri, "postgres:"))
    {
#if KSP_HAVE_POSTGRES
      store = ksp_pg_store_new ();
      if (!KSP_STORE_GET_CLASS (store)->open (store, uri, flags, error))
        return NULL;
      return g_steal_pointer (&store);
#else
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_SUPPORTED,
                   "the shared PostgreSQL workspace (postgresql://…) is not available in this build of Kasip "
                   "(built without libpq)");
      return NULL;
#endif
    }
  if (g_str_has_prefix (uri, "sqlite:"))
    path = g_strdup (uri + strlen ("sqlite:"));
  else if (g_str_has_prefix (uri, "file:"))
    {
      path = g_filename_from_uri (uri, NULL, error);
      if (path == NULL)
        return NULL;
    }
  else if (strstr (uri, "://") != NULL)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_SUPPORTED,
                   "%s: unknown kind of workspace address (use a file path, sqlite:PATH or postgresql://…)",
                   uri);
      return NULL;
    }
  else
    path = g_strdup (uri);

  store = ksp_sqlite_store_new ();
  if (!KSP_STORE_GET_CLASS (store)->open (store, path, flags, error))
    return NULL;
  return g_steal_pointer (&store);
}

void
ksp_store_close (KspStore *self)
{
  g_return_if_fail (KSP_IS_STORE (self));
  KSP_STORE_GET_CLASS (self)->close (self);
}

gboolean
ksp_store_is_read_only (KspStore *self)
{
  KspStorePrivate *priv = ksp_store_get_instance_private (self);
  return priv->read_only_reason != NULL;
}

/**
 * ksp_store_get_read_only_reason:
 * Returns: (nullable): why the workspace is read-only, as a sentence for the user
 */
const char *
ksp_store_get_read_only_reason (KspStore *self)
{
  KspStorePrivate *priv = ksp_store_get_instance_private (self);
  return priv->read_only_reason;
}

void
_ksp_store_set_read_only (KspStore   *self,
                          const char *reason)
{
  KspStorePrivate *priv = ksp_store_get_instance_private (self);
  g_free (priv->read_only_reason);
  priv->read_only_reason = g_strdup (reason);
}

const char *
ksp_store_get_location (KspStore *self)
{
  KspStorePrivate *priv = ksp_store_get_instance_private (self);
  return priv->location;
}

void
_ksp_store_set_location (KspStore   *self,
                         const char *location)
{
  KspStorePrivate *priv = ksp_store_get_instance_private (self);
  g_free (priv->location);
  priv->location = g_strdup (location);
}

char *
_ksp_store_dup_document_label (KspNode *root)
{
  for (guint i = 0; i < ksp_node_get_n_children (root); i++)
    if (g_str_equal (ksp_node_get_kind (ksp_node_get_child (root, i)), "standard"))
      return ksp_node_dup_label (ksp_node_get_child (root, i), KSP_LANG_RU);
  return ksp_node_dup_label (root, KSP_LANG_RU);
}

/* The same document imported twice (e.g. a DOCX exported from this workspace) keeps its IDs: refused. */
void
_ksp_store_set_already_there (KspStore   *self,
                              KspNode    *root,
                              const char *label,
                              GError    **error)
{
  KspStorePrivate *priv = ksp_store_get_instance_private (self);

  g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_FAILED,
               "%s: this standard (%s, ID %s) is already in the workspace; open it there, or import into "
               "another workspace", priv->location ? priv->location : "workspace", label, ksp_node_get_id (root));
}

KspLogEntry *
_ksp_store_new_create_entry (KspStore   *self,
                             KspNode    *root,
                             gint64      tree,
                             const char *user,
                             const char *label)
{
  KspLogEntry *entry = ksp_log_entry_new ();
  KspChangeRecord *record = ksp_change_record_new (KSP_RECORD_CREATE, root);

  entry->standard_id = g_strdup (ksp_node_get_id (root));
  entry->tree_id = tree;
  entry->author = g_strdup (user ? user : ksp_store_get_user (self));
  entry->action = g_strdup ("create");
  entry->command = g_strdup ("create");
  entry->label = g_strdup (label);
  record->content_hash = ksp_node_content_hash (root);
  g_ptr_array_add (entry->records, record);
  return entry;
}

/* @frozen: the edition as read back from the store, so that its hash is that of what was stored */
KspLogEntry *
_ksp_store_new_freeze_entry (KspStore   *self,
                             const char *standard_id,
                             gint64      tree,
                             KspNode    *frozen,
                             int         number,
                             const char *note)
{
  KspLogEntry *entry = ksp_log_entry_new ();
  KspChangeRecord *record = ksp_change_record_new (KSP_RECORD_FREEZE, frozen);

  entry->standard_id = g_strdup (standard_id);
  entry->tree_id = tree;
  entry->author = g_strdup (ksp_store_get_user (self));
  entry->action = g_strdup ("edition");
  entry->command = g_strdup ("edition");
  entry->label = g_strdup (note);
  record->new_value = g_strdup_printf ("%d", number);
  record->content_hash = ksp_node_content_hash (frozen);
  g_ptr_array_add (entry->records, record);
  return entry;
}

const char *
ksp_store_get_user (KspStore *self)
{
  KspStorePrivate *priv = ksp_store_get_instance_private (self);
  return priv->user;
}

/**
 * ksp_store_act_as:
 * @account: the account to work as
 *
 * Works as @account from now on, as `kasip --as` does for scripts: only where the backend allows it (a
 * workspace file cannot prove who writes to it; a backend with identities of its own, such as a database
 * role, sets #KspStoreClass.refuses_acting_as). The editor never does.
 *
 * Returns: %FALSE with @error when refused
 */
gboolean
ksp_store_act_as (KspStore    *self,
                  const char  *account,
                  GError     **error)
{
  g_return_val_if_fail (KSP_IS_STORE (self), FALSE);

  if (account == NULL || *account == '\0')
    {
      g_set_error_literal (error, KSP_STORE_ERROR, KSP_STORE_ERROR_FAILED, "no account to work as");
      return FALSE;
    }
  if (KSP_STORE_GET_CLASS (self)->refuses_acting_as)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_SUPPORTED,
                   "%s: this workspace knows who you are; working as “%s” is only for workspace files",
                   ksp_store_get_location (self), account);
      return FALSE;
    }
  ksp_store_set_user (self, account);
  return TRUE;
}

void
ksp_store_set_user (KspStore   *self,
                    const char *user)
{
  KspStorePrivate *priv = ksp_store_get_instance_private (self);
  g_return_if_fail (user != NULL && *user != '\0');
  g_free (priv->user);
  priv->user = g_strdup (user);
}

static gboolean
check_writable (KspStore *self,
                GError  **error)
{
  KspStorePrivate *priv = ksp_store_get_instance_private (self);

  if (priv->read_only_reason == NULL)
    return TRUE;
  g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_READ_ONLY, "%s: %s",
               priv->location ? priv->location : "workspace", priv->read_only_reason);
  return FALSE;
}

static gint
compare_documents (gconstpointer a,
                   gconstpointer b,
                   gpointer      order)
{
  const KspStandardInfo *x = *(KspStandardInfo **) a, *y = *(KspStandardInfo **) b;
  GHashTable *first = order; /* document ID → (its first code, its position) */
  const char *cx = g_hash_table_lookup (first, x->standard_id), *cy = g_hash_table_lookup (first, y->standard_id);
  int c;

  /* Documents with a code first, by code; then the others in the order they were added. A document's
   * standards stay together, in their order in the document. */
  if ((*cx == '\x01') != (*cy == '\x01'))
    return *cx == '\x01' ? 1 : -1;
  if ((c = strcmp (cx, cy)) != 0)
    return c;
  return (int) x->index - (int) y->index;
}

/* Gives each standard its handle (ksp-standard-handle.h): the code, else a slug, made unique with the
 * first free suffix -2, -3, …; where the last search for a base stopped is kept, so that many standards
 * with one title (copies, drafts of a new standard) do not try every suffix again. */
static void
assign_handles (GPtrArray *list)
{
  g_autoptr (GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL); /* base → n */

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < list->len; i++)
      {
        KspStandardInfo *info = g_ptr_array_index (list, i);
        g_autofree char *base = NULL;
        char *handle;

        /* Codes first, so that a slug never takes a code's place. */
        if ((pass == 0) != (info->code != NULL))
          continue;
        base = info->code ? g_strdup (info->code)
                          : ksp_standard_slug (info->title_ru ? info->title_ru : info->title_kk);
        if (base == NULL)
          base = g_strndup (info->node_id ? info->node_id : info->standard_id, 8);
        handle = g_strdup (base);
        if (g_hash_table_contains (taken, handle))
          {
            guint n = MAX (2u, GPOINTER_TO_UINT (g_hash_table_lookup (next, base)));
            do
              {
                g_free (handle);
                handle = g_strdup_printf ("%s-%u", base, n++);
              }
            while (g_hash_table_contains (taken, handle));
            g_hash_table_insert (next, g_strdup (base), GUINT_TO_POINTER (n));
          }
        g_hash_table_add (taken, g_strdup (handle));
        info->handle = handle;
      }
}

/**
 * ksp_store_list_standards:
 * Returns: (transfer container) (element-type KspStandardInfo): the standards (one entry per standard,
 * see KspStandardInfo), documents with a code first and by code, with cleaned codes and titles and
 * their handles
 */
GPtrArray *
ksp_store_list_standards (KspStore *self,
                          GError  **error)
{
  g_autoptr (GPtrArray) list = KSP_STORE_GET_CLASS (self)->list_standards (self, error);
  g_autoptr (GHashTable) first = NULL;
  g_autoptr (GHashTable) counts = NULL;

  if (list == NULL)
    return NULL;
  first = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  counts = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < list->len; i++)
    {
      KspStandardInfo *info = g_ptr_array_index (list, i);
      g_autofree char *code = ksp_standard_clean_code (info->code);
      g_autofree char *ru = ksp_standard_clean_title (info->title_ru);
      g_autofree char *kk = ksp_standard_clean_title (info->title_kk);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, info->standard_id));

      g_free (info->code);
      info->code = g_steal_pointer (&code);
      g_free (info->title_ru);
      info->title_ru = g_steal_pointer (&ru);
      g_free (info->title_kk);
      info->title_kk = g_steal_pointer (&kk);
      info->index = n;
      g_hash_table_insert (counts, info->standard_id, GUINT_TO_POINTER (n + 1));
      if (n == 0)
        {
          /* The key a document sorts by: its first code, or \x01 and its position when it has none. */
          char *key = info->code ? g_strdup_printf ("%s\x02%08u", info->code, i) : g_strdup_printf ("\x01%08u", i);
          g_hash_table_insert (first, info->standard_id, key);
        }
    }
  for (guint i = 0; i < list->len; i++)
    {
      KspStandardInfo *info = g_ptr_array_index (list, i);
      info->n_in_document = GPOINTER_TO_UINT (g_hash_table_lookup (counts, info->standard_id));
    }
  g_ptr_array_sort_with_data (list, compare_documents, first);
  assign_handles (list);
  return g_steal_pointer (&list);
}

/**
 * ksp_store_find_standard:
 * @code_or_id: a handle (see ksp_store_list_standards()), a standard's code as published ("Q88100061" or
 *   "Q88100061."), the ID of a standard element, or the ID of a document (its first standard)
 * Returns: (transfer full) (nullable): the standard, or %NULL with KSP_STORE_ERROR_NOT_FOUND
 */
KspStandardInfo *
ksp_store_find_standard (KspStore   *self,
                         const char *code_or_id,
                         GError    **error)
{
  g_autoptr (GPtrArray) all = ksp_store_list_standards (self, error);
  g_autofree char *want = NULL;
  GString *known;

  if (all == NULL)
    return NULL;
  want = ksp_standard_clean_code (code_or_id);
  for (guint i = 0; i < all->len; i++)
    {
      KspStandardInfo *info = g_ptr_array_index (all, i);
      if (g_strcmp0 (info->handle, code_or_id) == 0 || g_strcmp0 (info->node_id, code_or_id) == 0)
        return g_ptr_array_steal_index (all, i);
    }
  for (guint i = 0; i < all->len; i++)
    {
      KspStandardInfo *info = g_ptr_array_index (all, i);
      if ((want && g_strcmp0 (info->code, want) == 0) ||
          (info->index == 0 && g_strcmp0 (info->standard_id, code_or_id) == 0))
        return g_ptr_array_steal_index (all, i);
    }
  known = g_string_new (NULL);
  for (guint i = 0; i < all->len && i < 12; i++)
    g_string_append_printf (known, "%s%s", i ? ", " : "", ((KspStandardInfo *) all->pdata[i])->handle);
  if (all->len > 12)
    g_string_append (known, ", …");
  g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND,
               "%s: no standard «%s» in this workspace (%s%s; see kasip list)", ksp_store_get_location (self),
               code_or_id, all->len ? "it holds " : "it holds no standards", known->str);
  g_string_free (known, TRUE);
  return NULL;
}

/**
 * ksp_store_list_editions:
 * Returns: (transfer container) (element-type KspEditionInfo): editions of a standard, oldest first
 */
GPtrArray *
ksp_store_list_editions (KspStore   *self,
                         const char *standard_id,
                         GError    **error)
{
  return KSP_STORE_GET_CLASS (self)->list_editions (self, standard_id, error);
}

/**
 * ksp_store_load_tree:
 * Returns: (transfer full): the root of a draft or an edition
 */
KspNode *
ksp_store_load_tree (KspStore *self,
                     gint64    tree_id,
                     GError  **error)
{
  return KSP_STORE_GET_CLASS (self)->load_tree (self, tree_id, error);
}

/**
 * ksp_store_open_reader:
 *
 * Opens the same workspace again, read-only, in a connection of its own: for a worker thread that reads
 * (a frozen edition, which never changes) while this store goes on being used on its thread. It takes no
 * lock and sees what was committed. Close it (or let it go) in the thread that used it.
 *
 * Returns: (transfer full): the reader, or %NULL with @error
 */
KspStore *
ksp_store_open_reader (KspStore *self,
                       GError  **error)
{
  KspStorePrivate *priv = ksp_store_get_instance_private (self);
  g_autoptr (KspStore) reader = NULL;

  g_return_val_if_fail (KSP_IS_STORE (self), NULL);
  if (priv->location == NULL)
    {
      g_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND, "workspace: not open");
      return NULL;
    }
  reader = g_object_new (G_OBJECT_TYPE (self), NULL);
  ksp_store_set_user (reader, priv->user);
  if (!KSP_STORE_GET_CLASS (reader)->open (reader, priv->location, KSP_STORE_OPEN_READ_ONLY, error))
    return NULL;
  return g_steal_pointer (&reader);
}

/**
 * ksp_store_add_standard:
 * @root: a "document" node
 * Returns: the new draft tree's ID, or 0 on error
 */
gint64
ksp_store_add_standard (KspStore *self,
                        KspNode  *root,
                        GError  **error)
{
  if (!check_writable (self, error))
    return 0;
  return KSP_STORE_GET_CLASS (self)->add_standard (self, root, ksp_store_get_user (self), error);
}

/**
 * ksp_store_create_edition:
 * @info: standard_id, number, year, date and note of the new edition
 *
 * Freezes a copy of the standard's working draft as an edition. Editions cannot be changed afterwards.
 * Returns: the edition's tree ID, or 0 on error
 */
gint64
ksp_store_create_edition (KspStore             *self,
                          const KspEditionInfo *info,
                          GError              **error)
{
  if (!check_writable (self, error))
    return 0;
  return KSP_STORE_GET_CLASS (self)->create_edition (self, info, error);
}

gboolean
ksp_store_begin (KspStore *self,
                 GError  **error)
{
  if (!check_writable (self, error))
    return FALSE;
  return KSP_STORE_GET_CLASS (self)->begin (self, error);
}

gboolean
ksp_store_commit (KspStore *self,
                  GError  **error)
{
  return KSP_STORE_GET_CLASS (self)->commit (self, error);
}

void
ksp_store_rollback (KspStore *self)
{
  KSP_STORE_GET_CLASS (self)->rollback (self);
}

/* Whether a transaction is open: %FALSE after the backend rolled one back by itself (a full disk). */
gboolean
ksp_store_in_transaction (KspStore *self)
{
  return KSP_STORE_GET_CLASS (self)->in_transaction (self);
}

gboolean
ksp_store_write_value (KspStore   *self,
                       gint64      tree,
                       const char *node_id,
                       const char *field,
                       KspLang     lang,
                       const char *value,
                       GError    **error)
{
  if (!check_writable (self, error))
    return FALSE;
  return KSP_STORE_GET_CLASS (self)->write_value (self, tree, node_id, field, lang, value, error);
}

gboolean
ksp_store_write_node (KspStore *self,
                      gint64    tree,
                      KspNode  *node,
                      gboolean  recursive,
                      GError  **error)
{
  if (!check_writable (self, error))
    return FALSE;
  return KSP_STORE_GET_CLASS (self)->write_node (self, tree, node, recursive, error);
}

gboolean
ksp_store_delete_node (KspStore   *self,
                       gint64      tree,
                       const char *node_id,
                       GError    **error)
{
  if (!check_writable (self, error))
    return FALSE;
  return KSP_STORE_GET_CLASS (self)->delete_node (self, tree, node_id, error);
}

gboolean
ksp_store_write_order (KspStore *self,
                       gint64    tree,
                       KspNode  *parent,
                       GError  **error)
{
  if (!check_writable (self, error))
    return FALSE;
  return KSP_STORE_GET_CLASS (self)->write_order (self, tree, parent, error);
}

/**
 * ksp_store_append_log:
 * @entry: the entry to store; its id, prev_hash and hash are set
 *
 * Appends @entry to the workspace's change log, chained after the last entry, in the caller's transaction.
 * The one call through which the log is written (KspDocument at the end of each step; the backend itself
 * for an import or an edition).
 */
gboolean
ksp_store_append_log (KspStore    *self,
                      KspLogEntry *entry,
                      GError     **error)
{
  if (!check_writable (self, error))
    return FALSE;
  return KSP_STORE_GET_CLASS (self)->append_log (self, entry, error);
}

/**
 * ksp_store_list_log:
 * @standard_id: (nullable): one standard's entries, or %NULL for the whole workspace's
 * Returns: (transfer full) (element-type KspLogEntry): the entries in the order of the chain
 */
GPtrArray *
ksp_store_list_log (KspStore   *self,
                    const char *standard_id,
                    GError    **error)
{
  return KSP_STORE_GET_CLASS (self)->list_log (self, standard_id, error);
}

/**
 * ksp_store_dup_short_name:
 * Returns: (transfer full): the workspace as a window names it: a file's name ("ws.kasip"), a server
 * workspace's database and host ("kasip_test on db.example.kz"; the host left out for a local socket).
 */
char *
ksp_store_dup_short_name (KspStore *self)
{
  const char *location = ksp_store_get_location (self);
  const char *rest = location ? strstr (location, "://") : NULL;
  g_autofree char *authority = NULL;
  g_autofree char *db = NULL;
  const char *slash, *at;

  if (location == NULL)
    return g_strdup ("");
  if (rest == NULL)
    return g_path_get_basename (g_str_has_prefix (location, "sqlite:") ? location + strlen ("sqlite:") : location);
  rest += 3;
  slash = strchr (rest, '/');
  authority = slash ? g_strndup (rest, (gsize) (slash - rest)) : g_strdup (rest);
  db = slash ? g_strndup (slash + 1, strcspn (slash + 1, "?")) : g_strdup ("");
  at = strrchr (authority, '@');
  if (at)
    {
      char *host = g_strdup (at + 1);
      g_free (authority);
      authority = host;
    }
  authority[strcspn (authority, ":")] = '\0';
  if (*db == '\0')
    {
      g_free (db);
      db = g_strdup (g_get_user_name ());   /* libpq's default database */
    }
  if (*authority == '\0')
    return g_steal_pointer (&db);
  /* no words: the same in every interface language */
  return g_strdup_printf ("%s @ %s", db, authority);
}

/* ---------------------------------------------------------------------------------------------- */
/* concurrent writers                                                                              */

/**
 * ksp_store_lock_standard:
 * Holds @standard_id's writer lock until the caller's transaction ends: another session writing the
 * standard waits for it (every append_log takes it too, so the standard's entries cannot change between
 * reading them and committing). Nothing to wait for where the backend has one writer (SQLite).
 */
gboolean
ksp_store_lock_standard (KspStore   *self,
                         const char *standard_id,
                         GError    **error)
{
  KspStoreClass *klass = KSP_STORE_GET_CLASS (self);

  g_return_val_if_fail (standard_id != NULL, FALSE);
  return klass->lock_standard ? klass->lock_standard (self, standard_id, error) : TRUE;
}

/**
 * ksp_store_list_log_after:
 * Returns: (transfer full) (element-type KspLogEntry): @standard_id's entries after the entry @after_id
 * (0: all), in chain order, with their records.
 */
GPtrArray *
ksp_store_list_log_after (KspStore   *self,
                          const char *standard_id,
                          gint64      after_id,
                          GError    **error)
{
  KspStoreClass *klass = KSP_STORE_GET_CLASS (self);
  g_autoptr (GPtrArray) all = NULL;
  GPtrArray *after;

  if (klass->list_log_after)
    return klass->list_log_after (self, standard_id, after_id, error);
  if (!(all = klass->list_log (self, standard_id, error)))
    return NULL;
  after = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_log_entry_free);
  for (guint i = 0; i < all->len; i++)
    if (((KspLogEntry *) g_ptr_array_index (all, i))->id > after_id)
      g_ptr_array_add (after, g_ptr_array_steal_index (all, i--));
  return after;
}

/**
 * ksp_store_get_revision:
 * @standard_id: (nullable): a standard, or %NULL for the whole workspace
 *
 * Returns: the ID of @standard_id's newest log entry (its revision: every value, element and order of it
 * is as of some entry up to this one), 0 when it has none, -1 with @error.
 */
gint64
ksp_store_get_revision (KspStore   *self,
                        const char *standard_id,
                        GError    **error)
{
  KspStoreClass *klass = KSP_STORE_GET_CLASS (self);
  g_autoptr (GPtrArray) all = NULL;

  if (klass->get_revision)
    return klass->get_revision (self, standard_id, error);
  if (!(all = klass->list_log (self, standard_id, error)))
    return -1;
  return all->len ? ((KspLogEntry *) g_ptr_array_index (all, all->len - 1))->id : 0;
}

/**
 * ksp_store_get_watch_fd:
 * Returns: a file descriptor that becomes readable when another session may have written (then call
 * ksp_store_take_notifications), or -1 where the backend tells of none (poll ksp_store_get_log_head).
 */
int
ksp_store_get_watch_fd (KspStore *self)
{
  KspStoreClass *klass = KSP_STORE_GET_CLASS (self);

  return klass->get_watch_fd ? klass->get_watch_fd (self) : -1;
}

/**
 * ksp_store_take_notifications:
 * Returns: (transfer full) (element-type utf8) (nullable): the standards other sessions wrote since the
 * last call, each once; %NULL when none. Never waits for the network.
 */
GPtrArray *
ksp_store_take_notifications (KspStore *self)
{
  KspStoreClass *klass = KSP_STORE_GET_CLASS (self);

  return klass->take_notifications ? klass->take_notifications (self) : NULL;
}

void
ksp_presence_note_free (KspPresenceNote *note)
{
  if (note == NULL)
    return;
  g_free (note->session);
  g_free (note->account);
  g_free (note->standard_id);
  g_free (note->element_id);
  g_free (note);
}

/**
 * ksp_store_announce_presence:
 * @element_id: (nullable): the element this session has open in @standard_id; %NULL: none
 *
 * Says to the other sessions of a shared workspace what this one has open — a note, not a lock: nothing is
 * stored, and listeners forget it unless it is said again (ksp-workspace.c keeps the lease). Nothing to do
 * where there are no other sessions (SQLite).
 */
gboolean
ksp_store_announce_presence (KspStore   *self,
                             const char *standard_id,
                             const char *element_id,
                             GError    **error)
{
  KspStoreClass *klass = KSP_STORE_GET_CLASS (self);

  g_return_val_if_fail (standard_id != NULL, FALSE);
  return klass->announce_presence ? klass->announce_presence (self, standard_id, element_id, error) : TRUE;
}

/**
 * ksp_store_take_presence:
 * Returns: (transfer full) (element-type KspPresenceNote) (nullable): what other sessions said they have
 * open, heard by the last ksp_store_take_notifications(); %NULL when nothing.
 */
GPtrArray *
ksp_store_take_presence (KspStore *self)
{
  KspStoreClass *klass = KSP_STORE_GET_CLASS (self);

  return klass->take_presence ? klass->take_presence (self) : NULL;
}

void
ksp_store_verification_free (KspStoreVerification *v)
{
  if (v == NULL)
    return;
  ksp_log_check_free (v->chain);
  g_clear_pointer (&v->schema, g_ptr_array_unref);
  g_clear_pointer (&v->editions, g_ptr_array_unref);
  g_clear_pointer (&v->membership, g_ptr_array_unref);
  g_free (v);
}

gboolean
ksp_store_verification_ok (const KspStoreVerification *v)
{
  return v->chain == NULL && v->schema->len == 0 && v->editions->len == 0 &&
         (v->membership == NULL || v->membership->len == 0);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static gint64 *
int64_dup (gint64 v)
{
  return g_memdup2 (&v, sizeof v);
}

/* The entries the log moved to another change set ("reassign" records, in chain order: the last move
 * holds) against what the store keeps; entries moved behind Kasip's back, or not moved as the log says. */
static GPtrArray *
verify_membership (KspStore   *self,
                   GPtrArray  *entries,
                   GError    **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) kept = ksp_store_dup_membership (self, NULL, error);
  g_autoptr (GHashTable) by_hash = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) logged = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  if (kept == NULL)
    return NULL;
  for (guint i = 0; i < entries->len; i++)
    {
      KspLogEntry *e = g_ptr_array_index (entries, i);
      if (e->hash)
        g_hash_table_insert (by_hash, e->hash, e);
      for (guint r = 0; r < e->records->len; r++)
        {
          KspChangeRecord *rec = g_ptr_array_index (e->records, r);
          KspLogEntry *moved = rec->op == KSP_RECORD_REASSIGN && rec->content_hash
                               ? g_hash_table_lookup (by_hash, rec->content_hash) : NULL;
          if (rec->op != KSP_RECORD_REASSIGN)
            continue;
          if (moved == NULL)
            {
              g_ptr_array_add (problems, g_strdup_printf ("entry %" G_GINT64_FORMAT " moves an entry that is not "
                                                          "before it in the log", e->id));
              continue;
            }
          g_hash_table_insert (logged, int64_dup (moved->id),
                               int64_dup (g_ascii_strtoll (rec->new_value ? rec->new_value : "0", NULL, 10)));
        }
    }
  g_hash_table_iter_init (&iter, logged);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 *now = g_hash_table_lookup (kept, key);
      if (now == NULL || *now != *(gint64 *) value)
        g_ptr_array_add (problems, g_strdup_printf ("entry %" G_GINT64_FORMAT " belongs to change set %" G_GINT64_FORMAT
                                                    " by the log, not %" G_GINT64_FORMAT, *(gint64 *) key,
                                                    *(gint64 *) value, now ? *now : 0));
    }
  g_hash_table_iter_init (&iter, kept);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (logged, key))
      g_ptr_array_add (problems, g_strdup_printf ("entry %" G_GINT64_FORMAT " was moved to change set %" G_GINT64_FORMAT
                                                  " without an entry of the log saying so", *(gint64 *) key,
                                                  *(gint64 *) value));
  g_ptr_array_sort (problems, compare_strings);
  return g_steal_pointer (&problems);
}

/**
 * ksp_store_verify:
 *
 * Checks that the workspace is as Kasip wrote it: every entry of the change log gives its hash and links
 * to the one before, the chain ends at the head the store recorded, each frozen edition's content has the
 * hash its entry recorded (so a rewritten edition is found even when the triggers were dropped and made
 * again), and the schema objects that protect editions and the log are there, as made.
 *
 * Returns: (transfer full): what was found, or %NULL with @error when the workspace cannot be read
 */
KspStoreVerification *
ksp_store_verify (KspStore *self,
                  GError  **error)
{
  g_autoptr (KspStoreVerification) v = g_new0 (KspStoreVerification, 1);
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *head = NULL;
  gint64 count = 0;

  g_return_val_if_fail (KSP_IS_STORE (self), NULL);
  v->editions = g_ptr_array_new_with_free_func (g_free);
  v->schema = KSP_STORE_GET_CLASS (self)->dup_integrity_problems (self);
  if (!(entries = ksp_store_list_log (self, NULL, error)) ||
      !KSP_STORE_GET_CLASS (self)->get_log_head (self, &head, &count, error))
    return NULL;
  v->n_entries = entries->len;
  v->chain = ksp_change_log_verify (entries, head, count);
  if (!(v->membership = verify_membership (self, entries, error)))
    return NULL;
  for (guint i = 0; i < entries->len; i++)
    {
      KspLogEntry *e = g_ptr_array_index (entries, i);
      for (guint r = 0; r < e->records->len; r++)
        {
          KspChangeRecord *rec = g_ptr_array_index (e->records, r);
          g_autoptr (KspNode) frozen = NULL;
          g_autoptr (GError) load_error = NULL;
          g_autofree char *hash = NULL;

          if (rec->op != KSP_RECORD_FREEZE)
            continue;
          v->n_editions++;
          if (!(frozen = ksp_store_load_tree (self, e->tree_id, &load_error)))
            {
              g_ptr_array_add (v->editions, g_strdup_printf ("edition %s of %s (entry %" G_GINT64_FORMAT "): %s",
                                                             rec->new_value, e->standard_id, e->id,
                                                             load_error->message));
              continue;
            }
          hash = ksp_node_content_hash (frozen);
          if (g_strcmp0 (hash, rec->content_hash) != 0)
            g_ptr_array_add (v->editions, g_strdup_printf ("edition %s of %s (entry %" G_GINT64_FORMAT "): its "
                                                           "content is not what was frozen", rec->new_value,
                                                           e->standard_id, e->id));
        }
    }
  return g_steal_pointer (&v);
}

/**
 * ksp_store_dup_lock_holder:
 * Returns: (transfer full) (nullable): who holds the workspace lock, if someone else does
 */
KspLockInfo *
ksp_store_dup_lock_holder (KspStore *self)
{
  return KSP_STORE_GET_CLASS (self)->dup_lock_holder (self);
}

/* Refreshes this session's lock; call it periodically (the editor does every 30 s). */
gboolean
ksp_store_heartbeat (KspStore *self,
                     GError  **error)
{
  if (ksp_store_is_read_only (self))
    return TRUE;
  return KSP_STORE_GET_CLASS (self)->heartbeat (self, error);
}

/**
 * ksp_store_put_reference:
 * @kind: KSP_REFERENCE_ORK, …
 * @content: the published text the reference data is read from
 *
 * Keeps reference data (classifiers) in the workspace, replacing what was there for @kind.
 */
gboolean
ksp_store_put_reference (KspStore   *self,
                         const char *kind,
                         const char *source,
                         const char *content,
                         GError    **error)
{
  if (!check_writable (self, error))
    return FALSE;
  return KSP_STORE_GET_CLASS (self)->put_reference (self, kind, source, content, error);
}

/**
 * ksp_store_get_reference:
 * @out_source: (out) (optional): the file it was imported from
 * Returns: (transfer full) (nullable): the text, or %NULL (without error) when the workspace has none
 */
char *
ksp_store_get_reference (KspStore   *self,
                         const char *kind,
                         char      **out_source,
                         GError    **error)
{
  return KSP_STORE_GET_CLASS (self)->get_reference (self, kind, out_source, error);
}

/**
 * ksp_store_put_justification:
 * @standard_id: the document's ID (KspStandardInfo.standard_id)
 * @change_key: the change's identity (ksp_change_dup_key)
 * @lang: the language of the comparative table it is written for (KSP_LANG_KK or KSP_LANG_RU)
 * @text: (nullable): the justification; %NULL or empty removes it
 *
 * Keeps the justification of a change, replacing the one there was, with this session's user and the time.
 * Fails with KSP_STORE_ERROR_NOT_FOUND when the workspace has no such standard.
 */
gboolean
ksp_store_put_justification (KspStore   *self,
                             const char *standard_id,
                             const char *change_key,
                             KspLang     lang,
                             const char *text,
                             GError    **error)
{
  g_return_val_if_fail (standard_id != NULL && change_key != NULL, FALSE);
  g_return_val_if_fail (lang == KSP_LANG_KK || lang == KSP_LANG_RU, FALSE);
  if (!check_writable (self, error))
    return FALSE;
  return KSP_STORE_GET_CLASS (self)->put_justification (self, standard_id, change_key, lang,
                                                         text && *text ? text : NULL, error);
}

/**
 * ksp_store_list_justifications:
 * Returns: (transfer full) (element-type KspJustification): the justifications kept for the standard, by
 *   change key and language; %NULL with @error on failure
 */
GPtrArray *
ksp_store_list_justifications (KspStore   *self,
                               const char *standard_id,
                               GError    **error)
{
  g_return_val_if_fail (standard_id != NULL, NULL);
  return KSP_STORE_GET_CLASS (self)->list_justifications (self, standard_id, error);
}

/**
 * ksp_store_list_change_sets:
 * @standard_id: (nullable): one standard's, or all
 * Returns: (transfer full) (element-type KspChangeSet): the change sets, oldest first, with their number
 *   of entries
 */
GPtrArray *
ksp_store_list_change_sets (KspStore   *self,
                            const char *standard_id,
                            GError    **error)
{
  return KSP_STORE_GET_CLASS (self)->list_change_sets (self, standard_id, error);
}

/**
 * ksp_store_current_change_set:
 *
 * Returns: the ID of @author's open change set for @standard_id, made now when there is none; 0 with
 *   @error on failure. In the caller's transaction.
 */
gint64
ksp_store_current_change_set (KspStore   *self,
                              const char *standard_id,
                              const char *author,
                              GError    **error)
{
  if (!check_writable (self, error))
    return 0;
  return KSP_STORE_GET_CLASS (self)->current_change_set (self, standard_id, author, error);
}

/* Writes the status, title, reason and reviewer of an existing change set. */
gboolean
ksp_store_write_change_set (KspStore           *self,
                            const KspChangeSet *change_set,
                            GError            **error)
{
  if (!check_writable (self, error))
    return FALSE;
  return KSP_STORE_GET_CLASS (self)->write_change_set (self, change_set, error);
}

GPtrArray *
ksp_store_list_people (KspStore *self,
                       GError  **error)
{
  return KSP_STORE_GET_CLASS (self)->list_people (self, error);
}

/* Adds @person or replaces the name and roles of the one with that account. */
gboolean
ksp_store_write_person (KspStore        *self,
                        const KspPerson *person,
                        GError         **error)
{
  if (!check_writable (self, error))
    return FALSE;
  return KSP_STORE_GET_CLASS (self)->write_person (self, person, error);
}

/**
 * ksp_store_add_change_set:
 * @title: (nullable)
 *
 * Returns: the ID of a new open change set of @author for @standard_id (besides the one they may have
 *   open: a split), 0 with @error. In the caller's transaction.
 */
gint64
ksp_store_add_change_set (KspStore   *self,
                          const char *standard_id,
                          const char *author,
                          const char *title,
                          GError    **error)
{
  g_return_val_if_fail (standard_id != NULL && author != NULL, 0);
  if (!check_writable (self, error))
    return 0;
  return KSP_STORE_GET_CLASS (self)->add_change_set (self, standard_id, author, title, error);
}

/**
 * ksp_store_move_log_entries:
 * @entry_ids: (array length=n_entries): entries of the log
 *
 * Makes @entry_ids belong to @change_set from now on (the entries themselves do not change). In the
 * caller's transaction, with the "reassign" entry that records it.
 */
gboolean
ksp_store_move_log_entries (KspStore     *self,
                            const gint64 *entry_ids,
                            guint         n_entries,
                            gint64        change_set,
                            GError      **error)
{
  g_return_val_if_fail (entry_ids != NULL || n_entries == 0, FALSE);
  if (!check_writable (self, error))
    return FALSE;
  return KSP_STORE_GET_CLASS (self)->move_log_entries (self, entry_ids, n_entries, change_set, error);
}

/**
 * ksp_store_dup_membership:
 * @standard_id: (nullable): one standard's entries, or all
 *
 * Returns: (transfer full) (element-type gint64 gint64): the entries a split or a merge moved (entry ID →
 *   the change set it belongs to now); an entry not in it belongs to its own change_set. %NULL with @error.
 */
GHashTable *
ksp_store_dup_membership (KspStore   *self,
                          const char *standard_id,
                          GError    **error)
{
  return KSP_STORE_GET_CLASS (self)->dup_membership (self, standard_id, error);
}

gint64
ksp_log_entry_change_set_in (const KspLogEntry *entry,
                             GHashTable        *membership)
{
  gint64 *moved = membership ? g_hash_table_lookup (membership, &entry->id) : NULL;

  return moved ? *moved : entry->change_set;
}

/* Returns: (transfer full) (element-type KspComment): a standard's comments, oldest first. */
GPtrArray *
ksp_store_list_comments (KspStore   *self,
                         const char *standard_id,
                         GError    **error)
{
  return KSP_STORE_GET_CLASS (self)->list_comments (self, standard_id, error);
}

/* Returns: the new comment's ID, 0 with @error. In the caller's transaction. */
gint64
ksp_store_add_comment (KspStore         *self,
                       const KspComment *comment,
                       GError          **error)
{
  if (!check_writable (self, error))
    return 0;
  return KSP_STORE_GET_CLASS (self)->add_comment (self, comment, error);
}

gboolean
ksp_store_resolve_comment (KspStore   *self,
                           gint64      id,
                           const char *by,
                           GError    **error)
{
  if (!check_writable (self, error))
    return FALSE;
  return KSP_STORE_GET_CLASS (self)->resolve_comment (self, id, by, error);
}
