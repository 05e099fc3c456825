/* ksp-workspace.c: the open workspace as a session (see ksp-workspace.h) */
#include "config.h"

#include <glib-unix.h>

#include "ksp-comments.h"
#include "ksp-review-marks.h"
#include "ksp-workspace.h"

/* What the session read of one standard, until it changes. */
typedef struct {
  GPtrArray *log;
  GPtrArray *comments;
  GPtrArray *change_sets;
  GHashTable *membership;   /* where splits and merges moved entries (ksp_store_dup_membership) */
} Cached;

static void
cached_free (Cached *c)
{
  g_clear_pointer (&c->log, g_ptr_array_unref);
  g_clear_pointer (&c->comments, g_ptr_array_unref);
  g_clear_pointer (&c->change_sets, g_ptr_array_unref);
  g_clear_pointer (&c->membership, g_hash_table_unref);
  g_free (c);
}

struct _KspWorkspace
{
  GObject     parent_instance;

  KspStore   *store;
  GPtrArray  *standards;  /* KspStandardInfo */
  GHashTable *cached;     /* standard ID → Cached */
  GPtrArray  *people;     /* KspPerson, or NULL until read */
  GPtrArray  *drafts;     /* KspDocument watched (weak: the document's "changed" is disconnected on dispose) */

  /* other sessions' changes (ksp_workspace_watch) */
  GHashTable *known;      /* standard ID → the revision this session last knew of (gint64) */
  guint       watch_fd_source;
  int         watch_fd;
  guint       tick_source;
  guint       ticks;

  /* who has what open (ksp_workspace_set_presence) */
  char       *own_standard;
  char       *own_element;
  GHashTable *presence;   /* session → Presence */
};

/* What another session said it has open, and when it said it last (g_get_monotonic_time). */
typedef struct {
  KspPresenceNote *note;
  gint64           seen;
} Presence;

static void
presence_free (Presence *p)
{
  ksp_presence_note_free (p->note);
  g_free (p);
}

G_DEFINE_FINAL_TYPE (KspWorkspace, ksp_workspace, G_TYPE_OBJECT)

enum {
  CHANGED,
  PRESENCE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_draft_changed (KspDocument *draft, gpointer command, KspWorkspace *self);
static void on_draft_finalized (gpointer data, GObject *where_the_object_was);

static void
forget_drafts (KspWorkspace *self)
{
  for (guint i = 0; i < self->drafts->len; i++)
    {
      GObject *draft = g_ptr_array_index (self->drafts, i);
      g_signal_handlers_disconnect_by_func (draft, on_draft_changed, self);
      g_object_weak_unref (draft, on_draft_finalized, self);
    }
  g_ptr_array_set_size (self->drafts, 0);
}

static void
ksp_workspace_dispose (GObject *object)
{
  KspWorkspace *self = KSP_WORKSPACE (object);

  ksp_workspace_watch (self, FALSE);
  forget_drafts (self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->standards, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_hash_table_remove_all (self->cached);
  G_OBJECT_CLASS (ksp_workspace_parent_class)->dispose (object);
}

static void
ksp_workspace_finalize (GObject *object)
{
  KspWorkspace *self = KSP_WORKSPACE (object);

  g_hash_table_unref (self->cached);
  g_hash_table_unref (self->known);
  g_hash_table_unref (self->presence);
  g_free (self->own_standard);
  g_free (self->own_element);
  g_ptr_array_unref (self->drafts);
  G_OBJECT_CLASS (ksp_workspace_parent_class)->finalize (object);
}

static void
ksp_workspace_class_init (KspWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ksp_workspace_dispose;
  object_class->finalize = ksp_workspace_finalize;

  /**
   * KspWorkspace::changed:
   * @standard_id: (nullable): the standard that changed; NULL: the workspace as a whole (people)
   * @what: KspWorkspaceChange flags
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);
  /**
   * KspWorkspace::presence-changed:
   * @standard_id: the standard in which someone else opened, left or stopped saying what they have open
   */
  signals[PRESENCE_CHANGED] = g_signal_new ("presence-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                            NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ksp_workspace_init (KspWorkspace *self)
{
  self->cached = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cached_free);
  self->drafts = g_ptr_array_new ();
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->presence = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) presence_free);
  self->watch_fd = -1;
}

/* Forgets what was read of @standard_id and says it changed. */
static void
notify_any (KspWorkspace *self,
            const char   *standard_id,
            guint         what)
{
  /* people are few and may have been recorded by anyone: read again after any change */
  g_clear_pointer (&self->people, g_ptr_array_unref);
  if (standard_id)
    g_hash_table_remove (self->cached, standard_id);
  else
    g_hash_table_remove_all (self->cached);
  g_signal_emit (self, signals[CHANGED], 0, standard_id, what);
}

static void set_known_revision (KspWorkspace *self, const char *standard_id, gint64 rev);

/* This session's own change: also remembers the standard's revision it made, so that the rounds looking
 * for other sessions' changes (ksp_workspace_refresh) do not take it for one. */
static void
notify (KspWorkspace *self,
        const char   *standard_id,
        guint         what)
{
  if (standard_id)
    {
      gint64 rev = ksp_store_get_revision (self->store, standard_id, NULL);
      if (rev >= 0)
        set_known_revision (self, standard_id, rev);
    }
  notify_any (self, standard_id, what);
}

static gint64
known_revision (KspWorkspace *self,
                const char   *standard_id)
{
  gint64 *rev = g_hash_table_lookup (self->known, standard_id);
  return rev ? *rev : 0;
}

static void
set_known_revision (KspWorkspace *self,
                    const char   *standard_id,
                    gint64        rev)
{
  g_hash_table_insert (self->known, g_strdup (standard_id), g_memdup2 (&rev, sizeof rev));
}

KspWorkspace *
ksp_workspace_new (KspStore *store)
{
  KspWorkspace *self;

  g_return_val_if_fail (KSP_IS_STORE (store), NULL);

  self = g_object_new (KSP_TYPE_WORKSPACE, NULL);
  self->store = g_object_ref (store);
  return self;
}

KspWorkspace *
ksp_workspace_open (const char         *uri,
                    KspStoreOpenFlags   flags,
                    GError            **error)
{
  g_autoptr (KspStore) store = ksp_store_open_uri (uri, flags, error);
  g_autoptr (KspWorkspace) self = NULL;

  if (store == NULL)
    return NULL;
  self = ksp_workspace_new (store);
  if (!ksp_workspace_reload_standards (self, error))
    {
      ksp_workspace_close (self);
      return NULL;
    }
  return g_steal_pointer (&self);
}

void
ksp_workspace_close (KspWorkspace *self)
{
  g_return_if_fail (KSP_IS_WORKSPACE (self));

  if (self->store && self->own_standard)
    ksp_workspace_set_presence (self, NULL, NULL);   /* the others stop showing it at once */
  ksp_workspace_watch (self, FALSE);
  forget_drafts (self);
  g_hash_table_remove_all (self->cached);
  if (self->store)
    ksp_store_close (self->store);
}

KspStore *
ksp_workspace_get_store (KspWorkspace *self)
{
  g_return_val_if_fail (KSP_IS_WORKSPACE (self), NULL);
  return self->store;
}

GPtrArray *
ksp_workspace_get_standards (KspWorkspace *self)
{
  g_return_val_if_fail (KSP_IS_WORKSPACE (self), NULL);
  return self->standards;
}

gboolean
ksp_workspace_reload_standards (KspWorkspace *self,
                                GError      **error)
{
  GPtrArray *standards;

  g_return_val_if_fail (KSP_IS_WORKSPACE (self), FALSE);

  if (!(standards = ksp_store_list_standards (self->store, error)))
    return FALSE;
  g_clear_pointer (&self->standards, g_ptr_array_unref);
  self->standards = standards;
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------- */
/* drafts                                                                                          */

static void
on_draft_changed (KspDocument  *draft,
                  gpointer      command,
                  KspWorkspace *self)
{
  const char *id = ksp_node_get_id (ksp_document_get_root (draft));
  gint64 rev = MAX (known_revision (self, id), ksp_document_get_revision (draft));

  /* the draft's own step: its revision is the standard's (the step held the standard's lock) */
  set_known_revision (self, id, rev);
  notify_any (self, id, KSP_WORKSPACE_CHANGED_LOG);
}

static void
on_draft_finalized (gpointer  data,
                    GObject  *where_the_object_was)
{
  KspWorkspace *self = data;
  g_ptr_array_remove (self->drafts, where_the_object_was);
}

KspDocument *
ksp_workspace_open_draft (KspWorkspace *self,
                          gint64        draft_tree,
                          GError      **error)
{
  KspDocument *draft;

  g_return_val_if_fail (KSP_IS_WORKSPACE (self), NULL);

  if (!(draft = ksp_document_open (self->store, draft_tree, error)))
    return NULL;
  g_signal_connect (draft, "changed", G_CALLBACK (on_draft_changed), self);
  {
    const char *id = ksp_node_get_id (ksp_document_get_root (draft));
    gint64 rev = MAX (known_revision (self, id), ksp_document_get_revision (draft));
    set_known_revision (self, id, rev);
  }
  g_object_weak_ref (G_OBJECT (draft), on_draft_finalized, self);
  g_ptr_array_add (self->drafts, draft);
  return draft;
}

/* ---------------------------------------------------------------------------------------------- */
/* other sessions                                                                                  */

/**
 * ksp_workspace_refresh:
 * @standard_id: (nullable): a standard another session wrote; %NULL: look at every open draft
 *
 * Brings what other sessions committed into the open drafts (ksp_document_sync) and emits ::changed
 * (LOG, REVIEW, COMMENTS) for the standard: the views follow as they follow this session's own changes.
 * With %NULL, only the drafts the store has newer entries for (the round when notifications were lost).
 */
gboolean
ksp_workspace_refresh (KspWorkspace *self,
                       const char   *standard_id,
                       GError      **error)
{
  g_autoptr (GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (KSP_IS_WORKSPACE (self), FALSE);

  if (standard_id)
    {
      /* another session said it wrote the standard */
      for (guint i = 0; i < self->drafts->len; i++)
        {
          KspDocument *draft = g_ptr_array_index (self->drafts, i);
          if (g_strcmp0 (ksp_node_get_id (ksp_document_get_root (draft)), standard_id) == 0 &&
              !ksp_document_sync (draft, NULL, error))
            return FALSE;
        }
      g_ptr_array_add (changed, g_strdup (standard_id));
    }
  else
    for (guint i = 0; i < self->drafts->len; i++)
      {
        KspDocument *draft = g_ptr_array_index (self->drafts, i);
        const char *id = ksp_node_get_id (ksp_document_get_root (draft));
        gint64 rev = ksp_store_get_revision (self->store, id, error);
        guint applied = 0;

        if (rev < 0)
          return FALSE;
        if (rev > ksp_document_get_revision (draft) && !ksp_document_sync (draft, &applied, error))
          return FALSE;
        /* what this session wrote itself (a comment, a review step) is no news */
        if ((applied > 0 || rev > known_revision (self, id)) &&
            !g_ptr_array_find_with_equal_func (changed, id, g_str_equal, NULL))
          g_ptr_array_add (changed, g_strdup (id));
        set_known_revision (self, id, rev);
      }
  for (guint c = 0; c < changed->len; c++)
    notify_any (self, g_ptr_array_index (changed, c),
                KSP_WORKSPACE_CHANGED_LOG | KSP_WORKSPACE_CHANGED_REVIEW | KSP_WORKSPACE_CHANGED_COMMENTS);
  return TRUE;
}

static void take_notifications (KspWorkspace *self);

static gboolean
on_watch_fd (int           fd,
             GIOCondition  condition,
             gpointer      data)
{
  KspWorkspace *self = data;

  take_notifications (self);
  if (ksp_store_get_watch_fd (self->store) != fd || (condition & (G_IO_HUP | G_IO_ERR)))
    {
      /* the connection is gone or another: watched again by the next tick once there is one */
      self->watch_fd_source = 0;
      self->watch_fd = -1;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
take_notifications (KspWorkspace *self)
{
  g_autoptr (GPtrArray) ids = ksp_store_take_notifications (self->store);

  for (guint i = 0; ids && i < ids->len; i++)
    {
      g_autoptr (GError) error = NULL;
      if (!ksp_workspace_refresh (self, g_ptr_array_index (ids, i), &error))
        g_debug ("another session's change could not be brought in: %s", error->message);
    }
}

/* ---------------------------------------------------------------------------------------------- */
/* who has what open                                                                               */

/* Said every KSP_WORKSPACE_PRESENCE_TICKS ticks (10 s); forgotten when not said for three times that. */
#define KSP_WORKSPACE_PRESENCE_TICKS 50
#define KSP_WORKSPACE_PRESENCE_LEASE_USEC (3 * 10 * G_USEC_PER_SEC)

static void
announce (KspWorkspace *self)
{
  g_autoptr (GError) error = NULL;

  if (self->store == NULL || self->own_standard == NULL || ksp_store_in_transaction (self->store))
    return;
  if (!ksp_store_announce_presence (self->store, self->own_standard, self->own_element, &error))
    g_debug ("what you have open could not be said: %s", error->message);
}

static void
take_presence (KspWorkspace *self)
{
  g_autoptr (GPtrArray) notes = ksp_store_take_presence (self->store);
  gboolean newcomer = FALSE;

  for (guint i = 0; notes && i < notes->len; i++)
    {
      KspPresenceNote *note = g_ptr_array_index (notes, i);
      Presence *known = g_hash_table_lookup (self->presence, note->session);
      g_autofree char *was_standard = known ? g_strdup (known->note->standard_id) : NULL;
      gboolean moved = known == NULL || g_strcmp0 (known->note->element_id, note->element_id) != 0 ||
                       g_strcmp0 (known->note->standard_id, note->standard_id) != 0;
      Presence *p;

      newcomer |= known == NULL;
      p = g_new0 (Presence, 1);
      p->note = g_ptr_array_steal_index (notes, i--);
      p->seen = g_get_monotonic_time ();
      g_hash_table_replace (self->presence, g_strdup (p->note->session), p);
      if (moved)
        {
          if (was_standard && g_strcmp0 (was_standard, p->note->standard_id) != 0)
            g_signal_emit (self, signals[PRESENCE_CHANGED], 0, was_standard);
          g_signal_emit (self, signals[PRESENCE_CHANGED], 0, p->note->standard_id);
        }
    }
  /* someone new: they learn at once what this session has open, not at its next lease */
  if (newcomer)
    announce (self);
}

static void
expire_presence (KspWorkspace *self)
{
  GHashTableIter iter;
  gpointer value;
  gint64 now = g_get_monotonic_time ();
  g_autoptr (GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);

  g_hash_table_iter_init (&iter, self->presence);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Presence *p = value;
      if (now - p->seen > KSP_WORKSPACE_PRESENCE_LEASE_USEC)
        {
          g_ptr_array_add (changed, g_strdup (p->note->standard_id));
          g_hash_table_iter_remove (&iter);
        }
    }
  for (guint i = 0; i < changed->len; i++)
    g_signal_emit (self, signals[PRESENCE_CHANGED], 0, g_ptr_array_index (changed, i));
}

/**
 * ksp_workspace_set_presence:
 * @standard_id: (nullable): the standard (its document's ID) you have open; %NULL: none
 * @element_id: (nullable): the element in it (the editor says the card, or the element outside cards)
 *
 * Says to the other sessions what you have open, now and every ten seconds while watched (a lease, not a
 * lock: nobody is kept out, and it is forgotten thirty seconds after it was last said).
 */
void
ksp_workspace_set_presence (KspWorkspace *self,
                            const char   *standard_id,
                            const char   *element_id)
{
  g_return_if_fail (KSP_IS_WORKSPACE (self));

  if (g_strcmp0 (self->own_standard, standard_id) == 0 && g_strcmp0 (self->own_element, element_id) == 0)
    return;
  if (standard_id == NULL && self->own_standard)
    {
      /* leaving: said once, for the standard left */
      g_autoptr (GError) error = NULL;
      if (self->store && !ksp_store_announce_presence (self->store, self->own_standard, NULL, &error))
        g_debug ("what you have open could not be said: %s", error->message);
    }
  g_free (self->own_standard);
  g_free (self->own_element);
  self->own_standard = g_strdup (standard_id);
  self->own_element = g_strdup (element_id);
  announce (self);
}

/**
 * ksp_workspace_dup_presence:
 * Returns: (transfer full) (element-type utf8 utf8): element ID → who else has it open in @standard_id, by
 * their names, joined with ", " (several people, or one in several windows, once each)
 */
GHashTable *
ksp_workspace_dup_presence (KspWorkspace *self,
                            const char   *standard_id)
{
  GHashTable *by_element = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (KSP_IS_WORKSPACE (self), by_element);

  g_hash_table_iter_init (&iter, self->presence);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Presence *p = value;
      g_autofree char *name = NULL;
      g_autofree char *key = NULL;
      const char *had;

      if (p->note->element_id == NULL || g_strcmp0 (p->note->standard_id, standard_id) != 0)
        continue;
      key = g_strdup_printf ("%s\x1f%s", p->note->element_id, p->note->account);
      if (!g_hash_table_add (names, g_steal_pointer (&key)))
        continue;   /* one person in two windows */
      name = ksp_workspace_dup_display_name (self, p->note->account);
      had = g_hash_table_lookup (by_element, p->note->element_id);
      g_hash_table_insert (by_element, g_strdup (p->note->element_id),
                           had ? g_strdup_printf ("%s, %s", had, name) : g_strdup (name));
    }
  return by_element;
}

/* Every KSP_WORKSPACE_TICK_MS: what has arrived (no network); every KSP_WORKSPACE_POLL_TICKS ticks, the
 * open drafts' revisions asked of the store, for what notifications did not tell (a backend without them,
 * a reconnection). */
#define KSP_WORKSPACE_TICK_MS 200
#define KSP_WORKSPACE_POLL_TICKS 10

static gboolean
on_tick (gpointer data)
{
  KspWorkspace *self = data;
  int fd;

  if (self->store == NULL)
    return G_SOURCE_CONTINUE;
  if (ksp_store_in_transaction (self->store))
    return G_SOURCE_CONTINUE;   /* a step is being written (from a nested main loop): later */
  fd = ksp_store_get_watch_fd (self->store);
  if (fd >= 0 && self->watch_fd_source == 0)
    {
      self->watch_fd = fd;
      self->watch_fd_source = g_unix_fd_add (fd, G_IO_IN | G_IO_HUP | G_IO_ERR, on_watch_fd, self);
    }
  take_notifications (self);
  take_presence (self);
  if (++self->ticks % KSP_WORKSPACE_PRESENCE_TICKS == 0)
    {
      announce (self);   /* the lease, said again */
      expire_presence (self);
    }
  if (self->ticks % KSP_WORKSPACE_POLL_TICKS == 0 && self->drafts->len > 0)
    {
      g_autoptr (GError) error = NULL;
      if (!ksp_workspace_refresh (self, NULL, &error))
        g_debug ("the workspace could not be read for other sessions' changes: %s", error->message);
    }
  return G_SOURCE_CONTINUE;
}

/**
 * ksp_workspace_watch:
 * @watch: whether to
 *
 * Follows other sessions' changes while the main loop runs: the store's notifications as they arrive (a
 * shared workspace's LISTEN), and its revisions every two seconds; each brought into the open drafts and
 * said by ::changed (ksp_workspace_refresh). The editor watches; the CLI, which does one thing, does not.
 */
void
ksp_workspace_watch (KspWorkspace *self,
                     gboolean      watch)
{
  g_return_if_fail (KSP_IS_WORKSPACE (self));

  if (!watch)
    {
      g_clear_handle_id (&self->watch_fd_source, g_source_remove);
      g_clear_handle_id (&self->tick_source, g_source_remove);
      self->watch_fd = -1;
      return;
    }
  if (self->tick_source == 0)
    self->tick_source = g_timeout_add (KSP_WORKSPACE_TICK_MS, on_tick, self);
}

/* ---------------------------------------------------------------------------------------------- */
/* who you are                                                                                     */

const char *
ksp_workspace_get_account (KspWorkspace *self)
{
  g_return_val_if_fail (KSP_IS_WORKSPACE (self), NULL);
  return ksp_store_get_user (self->store);
}

gboolean
ksp_workspace_set_account (KspWorkspace *self,
                           const char   *account,
                           GError      **error)
{
  g_return_val_if_fail (KSP_IS_WORKSPACE (self), FALSE);

  if (!ksp_store_act_as (self->store, account, error))
    return FALSE;
  for (guint i = 0; i < self->drafts->len; i++)
    ksp_document_set_user (g_ptr_array_index (self->drafts, i), account);
  notify (self, NULL, KSP_WORKSPACE_CHANGED_PEOPLE);
  return TRUE;
}

static KspPerson *
find_person (KspWorkspace *self,
             const char   *account)
{
  if (self->people == NULL)
    {
      g_autoptr (GError) error = NULL;
      if (!(self->people = ksp_store_list_people (self->store, &error)))
        {
          g_debug ("Could not read the people of %s: %s", ksp_store_get_location (self->store), error->message);
          return NULL;
        }
    }
  for (guint i = 0; i < self->people->len; i++)
    {
      KspPerson *p = g_ptr_array_index (self->people, i);
      if (g_strcmp0 (p->account, account) == 0)
        return p;
    }
  return NULL;
}

char *
ksp_workspace_dup_display_name (KspWorkspace *self,
                                const char   *account)
{
  KspPerson *person;

  g_return_val_if_fail (KSP_IS_WORKSPACE (self), NULL);

  if (account == NULL)
    account = ksp_workspace_get_account (self);
  person = find_person (self, account);
  return g_strdup (person && person->display_name && *person->display_name ? person->display_name : account);
}

KspRoles
ksp_workspace_get_roles (KspWorkspace *self)
{
  g_return_val_if_fail (KSP_IS_WORKSPACE (self), 0);
  return ksp_review_roles_of (self->store, ksp_workspace_get_account (self), NULL);
}

gboolean
ksp_workspace_needs_display_name (KspWorkspace *self)
{
  KspPerson *person;

  g_return_val_if_fail (KSP_IS_WORKSPACE (self), FALSE);

  if (ksp_store_is_read_only (self->store))
    return FALSE;
  person = find_person (self, ksp_workspace_get_account (self));
  return person == NULL || person->display_name == NULL || *person->display_name == '\0';
}

gboolean
ksp_workspace_set_display_name (KspWorkspace *self,
                                const char   *display_name,
                                GError      **error)
{
  g_return_val_if_fail (KSP_IS_WORKSPACE (self), FALSE);

  if (!ksp_review_set_own_name (self->store, ksp_workspace_get_account (self), display_name, error))
    return FALSE;
  notify (self, NULL, KSP_WORKSPACE_CHANGED_PEOPLE);
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------- */
/* what the session read                                                                           */

static Cached *
cached_of (KspWorkspace *self,
           const char   *standard_id)
{
  Cached *c = g_hash_table_lookup (self->cached, standard_id);

  if (c == NULL)
    {
      c = g_new0 (Cached, 1);
      g_hash_table_insert (self->cached, g_strdup (standard_id), c);
    }
  return c;
}

typedef GPtrArray *(*ListRows) (KspStore *store, const char *standard_id, GError **error);

/* The rows @list gives of @standard_id, read once into the Cached member at @offset. */
static GPtrArray *
read_cached (KspWorkspace *self,
             const char   *standard_id,
             gsize         offset,
             ListRows      list,
             GError      **error)
{
  GPtrArray **slot;

  g_return_val_if_fail (KSP_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (standard_id != NULL, NULL);

  slot = G_STRUCT_MEMBER_P (cached_of (self, standard_id), offset);
  if (*slot == NULL)
    *slot = list (self->store, standard_id, error);
  return *slot;
}

GPtrArray *
ksp_workspace_list_log (KspWorkspace *self,
                        const char   *standard_id,
                        GError      **error)
{
  return read_cached (self, standard_id, G_STRUCT_OFFSET (Cached, log), ksp_store_list_log, error);
}

GPtrArray *
ksp_workspace_list_comments (KspWorkspace *self,
                             const char   *standard_id,
                             GError      **error)
{
  return read_cached (self, standard_id, G_STRUCT_OFFSET (Cached, comments), ksp_store_list_comments, error);
}

GPtrArray *
ksp_workspace_list_change_sets (KspWorkspace *self,
                                const char   *standard_id,
                                GError      **error)
{
  return read_cached (self, standard_id, G_STRUCT_OFFSET (Cached, change_sets), ksp_store_list_change_sets, error);
}

GHashTable *
ksp_workspace_get_membership (KspWorkspace *self,
                              const char   *standard_id,
                              GError      **error)
{
  Cached *c;

  g_return_val_if_fail (KSP_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (standard_id != NULL, NULL);

  c = cached_of (self, standard_id);
  if (c->membership == NULL)
    c->membership = ksp_store_dup_membership (self->store, standard_id, error);
  return c->membership;
}

GHashTable *
ksp_workspace_dup_marks (KspWorkspace *self,
                         KspDocument  *draft,
                         GError      **error)
{
  const char *standard_id;
  GPtrArray *comments, *log = NULL;
  GHashTable *membership = NULL;

  g_return_val_if_fail (KSP_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (KSP_IS_DOCUMENT (draft), NULL);

  standard_id = ksp_node_get_id (ksp_document_get_root (draft));
  if (!(comments = ksp_workspace_list_comments (self, standard_id, error)))
    return NULL;
  /* the log only when something waits for review: it is the long read */
  if (ksp_review_is_set_up (self->store, NULL))
    {
      GPtrArray *sets = ksp_workspace_list_change_sets (self, standard_id, error);
      gboolean any = FALSE;

      if (sets == NULL)
        return NULL;
      for (guint i = 0; i < sets->len && !any; i++)
        any = ksp_review_status_is_pending (((KspChangeSet *) g_ptr_array_index (sets, i))->status);
      if (any && (!(log = ksp_workspace_list_log (self, standard_id, error)) ||
                  !(membership = ksp_workspace_get_membership (self, standard_id, error))))
        return NULL;
    }
  return ksp_review_marks_compute (self->store, draft, comments, log, membership, error);
}

/* ---------------------------------------------------------------------------------------------- */
/* review steps                                                                                    */

/* A review step on change set @id was taken: says so for the standard it is of. */
static void
notify_set (KspWorkspace *self,
            gint64        id)
{
  g_autoptr (KspChangeSet) c = ksp_review_find (self->store, id, NULL);

  notify (self, c ? c->standard_id : NULL, KSP_WORKSPACE_CHANGED_REVIEW);
}

gboolean
ksp_workspace_submit (KspWorkspace *self,
                      gint64        change_set,
                      const char   *title,
                      GError      **error)
{
  g_return_val_if_fail (KSP_IS_WORKSPACE (self), FALSE);

  if (!ksp_review_submit (self->store, change_set, ksp_workspace_get_account (self), title, error))
    return FALSE;
  notify_set (self, change_set);
  return TRUE;
}

gboolean
ksp_workspace_approve (KspWorkspace *self,
                       gint64        change_set,
                       GError      **error)
{
  g_return_val_if_fail (KSP_IS_WORKSPACE (self), FALSE);

  if (!ksp_review_approve (self->store, change_set, ksp_workspace_get_account (self), error))
    return FALSE;
  notify_set (self, change_set);
  return TRUE;
}

gboolean
ksp_workspace_reject (KspWorkspace *self,
                      gint64        change_set,
                      const char   *reason,
                      GError      **error)
{
  g_return_val_if_fail (KSP_IS_WORKSPACE (self), FALSE);

  if (!ksp_review_reject (self->store, change_set, ksp_workspace_get_account (self), reason, error))
    return FALSE;
  notify_set (self, change_set);
  return TRUE;
}

gboolean
ksp_workspace_revert (KspWorkspace *self,
                      KspDocument  *draft,
                      gint64        change_set,
                      GError      **error)
{
  g_return_val_if_fail (KSP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (KSP_IS_DOCUMENT (draft), FALSE);

  if (!ksp_review_revert (self->store, draft, change_set, ksp_workspace_get_account (self), error))
    return FALSE;
  notify (self, ksp_node_get_id (ksp_document_get_root (draft)),
          KSP_WORKSPACE_CHANGED_REVIEW | KSP_WORKSPACE_CHANGED_LOG);
  return TRUE;
}

gint64
ksp_workspace_add_comment (KspWorkspace *self,
                           KspDocument  *draft,
                           KspNode      *element,
                           const char   *field,
                           KspLang       lang,
                           gint64        reply_to,
                           const char   *text,
                           GError      **error)
{
  const char *standard_id;
  gint64 id;

  g_return_val_if_fail (KSP_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (KSP_IS_DOCUMENT (draft), 0);

  standard_id = ksp_node_get_id (ksp_document_get_root (draft));
  if (!(id = ksp_comments_add (self->store, standard_id, element, field, lang, reply_to,
                               ksp_workspace_get_account (self), text, error)))
    return 0;
  notify (self, standard_id, KSP_WORKSPACE_CHANGED_COMMENTS);
  return id;
}

gboolean
ksp_workspace_resolve_comment (KspWorkspace *self,
                               const char   *standard_id,
                               gint64        comment,
                               gboolean      resolved,
                               GError      **error)
{
  g_return_val_if_fail (KSP_IS_WORKSPACE (self), FALSE);

  if (!ksp_comments_resolve (self->store, comment, ksp_workspace_get_account (self), resolved, error))
    return FALSE;
  notify (self, standard_id, KSP_WORKSPACE_CHANGED_COMMENTS);
  return TRUE;
}

gboolean
ksp_workspace_approve_change (KspWorkspace *self,
                              KspDocument  *draft,
                              gint64        change_set,
                              const char   *change_key,
                              GError      **error)
{
  g_return_val_if_fail (KSP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (KSP_IS_DOCUMENT (draft), FALSE);

  if (!ksp_review_approve_change (self->store, ksp_document_get_root (draft), change_set, change_key,
                                  ksp_workspace_get_account (self), error))
    return FALSE;
  notify (self, ksp_node_get_id (ksp_document_get_root (draft)), KSP_WORKSPACE_CHANGED_REVIEW);
  return TRUE;
}

gboolean
ksp_workspace_reject_change (KspWorkspace *self,
                             KspDocument  *draft,
                             gint64        change_set,
                             const char   *change_key,
                             const char   *reason,
                             GError      **error)
{
  g_return_val_if_fail (KSP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (KSP_IS_DOCUMENT (draft), FALSE);

  if (!ksp_review_reject_change (self->store, ksp_document_get_root (draft), change_set, change_key,
                                 ksp_workspace_get_account (self), reason, error))
    return FALSE;
  notify (self, ksp_node_get_id (ksp_document_get_root (draft)), KSP_WORKSPACE_CHANGED_REVIEW);
  return TRUE;
}

gboolean
ksp_workspace_revert_change (KspWorkspace *self,
                             KspDocument  *draft,
                             gint64        change_set,
                             const char   *change_key,
                             GError      **error)
{
  g_return_val_if_fail (KSP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (KSP_IS_DOCUMENT (draft), FALSE);

  if (!ksp_review_revert_change (self->store, draft, change_set, change_key, ksp_workspace_get_account (self), error))
    return FALSE;
  notify (self, ksp_node_get_id (ksp_document_get_root (draft)),
          KSP_WORKSPACE_CHANGED_REVIEW | KSP_WORKSPACE_CHANGED_LOG);
  return TRUE;
}

gboolean
ksp_workspace_set_title (KspWorkspace *self,
                         gint64        change_set,
                         const char   *title,
                         GError      **error)
{
  g_return_val_if_fail (KSP_IS_WORKSPACE (self), FALSE);

  if (!ksp_review_set_title (self->store, change_set, ksp_workspace_get_account (self), title, error))
    return FALSE;
  notify_set (self, change_set);
  return TRUE;
}

gint64
ksp_workspace_split (KspWorkspace      *self,
                     gint64             change_set,
                     const char *const *element_ids,
                     const char        *title,
                     GError           **error)
{
  gint64 id;

  g_return_val_if_fail (KSP_IS_WORKSPACE (self), 0);

  if (!(id = ksp_review_split (self->store, change_set, element_ids, ksp_workspace_get_account (self), title, error)))
    return 0;
  notify_set (self, change_set);
  return id;
}

gboolean
ksp_workspace_merge (KspWorkspace *self,
                     gint64        into,
                     gint64        from,
                     GError      **error)
{
  g_return_val_if_fail (KSP_IS_WORKSPACE (self), FALSE);

  if (!ksp_review_merge (self->store, into, from, ksp_workspace_get_account (self), error))
    return FALSE;
  notify_set (self, into);
  return TRUE;
}
