/* ksp-justifications.c: the justifications of a standard's changes, kept in its workspace */
#include "config.h"

#include "ksp-justifications.h"

struct _KspJustifications
{
  GObject     parent_instance;

  KspStore   *store;
  char       *standard_id;
  GHashTable *notes;   /* "KEY\x1fLANG" → KspJustification */
};

G_DEFINE_FINAL_TYPE (KspJustifications, ksp_justifications, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
note_key (const char *change_key,
          KspLang     lang)
{
  return g_strconcat (change_key, "\x1f", ksp_lang_to_string (lang), NULL);
}

static void
ksp_justifications_finalize (GObject *object)
{
  KspJustifications *self = KSP_JUSTIFICATIONS (object);

  g_clear_object (&self->store);
  g_free (self->standard_id);
  g_hash_table_unref (self->notes);
  G_OBJECT_CLASS (ksp_justifications_parent_class)->finalize (object);
}

static void
ksp_justifications_class_init (KspJustificationsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ksp_justifications_finalize;

  /**
   * KspJustifications::changed:
   * @change_key: the change whose justification was written
   * @lang: its language (a KspLang)
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);
}

static void
ksp_justifications_init (KspJustifications *self)
{
  self->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) ksp_justification_free);
}

KspJustifications *
ksp_justifications_load (KspStore   *store,
                         const char *standard_id,
                         GError    **error)
{
  g_autoptr (KspJustifications) self = NULL;
  g_autoptr (GPtrArray) list = NULL;

  g_return_val_if_fail (KSP_IS_STORE (store), NULL);
  g_return_val_if_fail (standard_id != NULL, NULL);
  if (!(list = ksp_store_list_justifications (store, standard_id, error)))
    return NULL;
  self = g_object_new (KSP_TYPE_JUSTIFICATIONS, NULL);
  self->store = g_object_ref (store);
  self->standard_id = g_strdup (standard_id);
  while (list->len > 0)
    {
      KspJustification *j = g_ptr_array_steal_index_fast (list, list->len - 1);
      g_hash_table_replace (self->notes, note_key (j->change_key, j->lang), j);
    }
  return g_steal_pointer (&self);
}

const char *
ksp_justifications_get_standard_id (KspJustifications *self)
{
  g_return_val_if_fail (KSP_IS_JUSTIFICATIONS (self), NULL);
  return self->standard_id;
}

gboolean
ksp_justifications_is_read_only (KspJustifications *self)
{
  g_return_val_if_fail (KSP_IS_JUSTIFICATIONS (self), TRUE);
  return ksp_store_is_read_only (self->store);
}

guint
ksp_justifications_get_n_items (KspJustifications *self)
{
  g_return_val_if_fail (KSP_IS_JUSTIFICATIONS (self), 0);
  return g_hash_table_size (self->notes);
}

const char *
ksp_justifications_get_by_key (KspJustifications *self,
                               const char        *change_key,
                               KspLang            lang)
{
  g_autofree char *key = NULL;
  KspJustification *j;

  g_return_val_if_fail (KSP_IS_JUSTIFICATIONS (self), NULL);
  if (change_key == NULL)
    return NULL;
  key = note_key (change_key, lang);
  j = g_hash_table_lookup (self->notes, key);
  return j ? j->text : NULL;
}

const char *
ksp_justifications_get (KspJustifications *self,
                        const KspChange   *change,
                        KspLang            lang)
{
  g_autofree char *change_key = ksp_change_dup_key (change);

  return ksp_justifications_get_by_key (self, change_key, lang);
}

gboolean
ksp_justifications_set_by_key (KspJustifications *self,
                               const char        *change_key,
                               KspLang            lang,
                               const char        *text,
                               GError           **error)
{
  g_autofree char *key = NULL;
  const char *old;

  g_return_val_if_fail (KSP_IS_JUSTIFICATIONS (self), FALSE);
  g_return_val_if_fail (change_key != NULL, FALSE);
  if (text && *text == '\0')
    text = NULL;
  old = ksp_justifications_get_by_key (self, change_key, lang);
  if (g_strcmp0 (old, text) == 0)
    return TRUE;
  if (!ksp_store_put_justification (self->store, self->standard_id, change_key, lang, text, error))
    return FALSE;
  key = note_key (change_key, lang);
  if (text == NULL)
    g_hash_table_remove (self->notes, key);
  else
    {
      KspJustification *j = g_new0 (KspJustification, 1);
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      j->change_key = g_strdup (change_key);
      j->lang = lang;
      j->text = g_strdup (text);
      j->author = g_strdup (ksp_store_get_user (self->store));
      j->updated_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
      g_hash_table_replace (self->notes, g_steal_pointer (&key), j);
    }
  g_signal_emit (self, signals[CHANGED], 0, change_key, (int) lang);
  return TRUE;
}

gboolean
ksp_justifications_set (KspJustifications *self,
                        const KspChange   *change,
                        KspLang            lang,
                        const char        *text,
                        GError           **error)
{
  g_autofree char *change_key = ksp_change_dup_key (change);

  return ksp_justifications_set_by_key (self, change_key, lang, text, error);
}

guint
ksp_justifications_count (KspJustifications *self,
                          GPtrArray         *changes,
                          KspLang            lang)
{
  guint n = 0;

  g_return_val_if_fail (KSP_IS_JUSTIFICATIONS (self), 0);
  if (g_hash_table_size (self->notes) == 0)
    return 0;
  for (guint i = 0; i < changes->len; i++)
    if (ksp_justifications_get (self, g_ptr_array_index (changes, i), lang))
      n++;
  return n;
}

GPtrArray *
ksp_justifications_dup_orphans (KspJustifications *self,
                                GPtrArray         *changes)
{
  g_autoptr (GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *orphans = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_justification_free);
  GHashTableIter iter;
  KspJustification *j;

  g_return_val_if_fail (KSP_IS_JUSTIFICATIONS (self), orphans);
  for (guint i = 0; i < changes->len; i++)
    g_hash_table_add (present, ksp_change_dup_key (g_ptr_array_index (changes, i)));
  g_hash_table_iter_init (&iter, self->notes);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &j))
    if (!g_hash_table_contains (present, j->change_key))
      {
        KspJustification *copy = g_new0 (KspJustification, 1);
        copy->change_key = g_strdup (j->change_key);
        copy->lang = j->lang;
        copy->text = g_strdup (j->text);
        copy->author = g_strdup (j->author);
        copy->updated_at = g_strdup (j->updated_at);
        g_ptr_array_add (orphans, copy);
      }
  return orphans;
}

char *
ksp_justifications_justify (const KspChange *change,
                            KspLang          lang,
                            gpointer         user_data)
{
  return g_strdup (ksp_justifications_get (KSP_JUSTIFICATIONS (user_data), change, lang));
}
