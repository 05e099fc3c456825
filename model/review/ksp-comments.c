/* ksp-comments.c: comments anchored to elements (see ksp-comments.h) */
#include "config.h"

#include "ksp-comments.h"
#include "ksp-review-private.h"

static KspComment *
find_comment (KspStore   *store,
              const char *standard_id,
              gint64      id,
              GError    **error)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) standards = standard_id ? NULL : ksp_store_list_standards (store, error);

  /* without the standard: look in each document */
  for (guint s = 0; standard_id ? s < 1 : (standards && s < standards->len); s++)
    {
      const char *sid = standard_id ? standard_id : ((KspStandardInfo *) g_ptr_array_index (standards, s))->standard_id;
      g_clear_pointer (&list, g_ptr_array_unref);
      if (!(list = ksp_store_list_comments (store, sid, error)))
        return NULL;
      for (guint i = 0; i < list->len; i++)
        if (((KspComment *) g_ptr_array_index (list, i))->id == id)
          return g_ptr_array_steal_index (list, i);
    }
  if (error && *error == NULL)
    {
      g_autofree char *number = _ksp_review_arg_id (id);
      _ksp_review_set_error (error, KSP_STORE_ERROR, KSP_STORE_ERROR_NOT_FOUND, "review.no-comment", number, NULL);
    }
  return NULL;
}

static gboolean
log_comment (KspStore     *store,
             const char   *standard_id,
             const char   *account,
             const char   *command,
             KspChangeRecord *record,
             GError      **error)
{
  g_autoptr (KspLogEntry) entry = ksp_log_entry_new ();

  entry->standard_id = g_strdup (standard_id);
  entry->author = g_strdup (account);
  entry->action = g_strdup ("comment");
  entry->command = g_strdup (command);
  g_ptr_array_add (entry->records, record);
  return ksp_store_append_log (store, entry, error);
}

gint64
ksp_comments_add (KspStore   *store,
                  const char *standard_id,
                  KspNode    *element,
                  const char *field,
                  KspLang     lang,
                  gint64      reply_to,
                  const char *account,
                  const char *text,
                  GError    **error)
{
  g_autofree char *clean = text ? g_strstrip (g_strdup (text)) : NULL;
  KspComment comment = { 0 };
  KspChangeRecord *record;
  GError *local = NULL;
  gint64 id;

  g_return_val_if_fail (KSP_IS_NODE (element), 0);
  if (ksp_review_roles_of (store, account, &local) == 0)
    {
      if (local)
        g_propagate_error (error, local);
      else
        {
          g_autofree char *who = ksp_message_arg_text (account);
          _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_FORBIDDEN, "review.comment-not-recorded",
                                 who, NULL);
        }
      return 0;
    }
  if (clean == NULL || *clean == '\0')
    {
      _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_NO_REASON, "review.comment-empty", NULL);
      return 0;
    }
  if (field)
    {
      const KspFieldSpec *spec = ksp_kind_lookup_field (ksp_node_get_kind_spec (element), field);
      if (spec == NULL || (ksp_field_is_bilingual (spec) ? lang == KSP_LANG_NONE : lang != KSP_LANG_NONE))
        {
          g_autofree char *kind = ksp_message_arg_text (ksp_node_get_kind (element));
          g_autofree char *name = ksp_message_arg_text (field);
          if (spec == NULL)
            _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID, "review.no-field", kind, name,
                                   NULL);
          else
            _ksp_review_set_error (error, KSP_REVIEW_ERROR, KSP_REVIEW_ERROR_INVALID,
                                   ksp_field_is_bilingual (spec) ? "review.field-needs-lang" : "review.field-no-lang",
                                   name, kind, NULL);
          return 0;
        }
    }
  if (reply_to > 0)
    {
      g_autoptr (KspComment) first = find_comment (store, standard_id, reply_to, error);
      if (first == NULL)
        return 0;
      if (first->reply_to > 0)
        reply_to = first->reply_to;   /* into the thread */
    }
  comment.standard_id = (char *) standard_id;
  comment.element_id = (char *) ksp_node_get_id (element);
  comment.field = (char *) field;
  comment.lang = field ? lang : KSP_LANG_NONE;
  comment.reply_to = reply_to;
  comment.author = (char *) account;
  comment.text = clean;
  if (!ksp_store_begin (store, error))
    return 0;
  if (!(id = ksp_store_add_comment (store, &comment, error)))
    goto failed;
  record = ksp_change_record_new (KSP_RECORD_COMMENT, element);
  record->field = g_strdup (field);
  record->lang = comment.lang;
  record->old_value = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  record->new_value = g_strdup (clean);
  if (!log_comment (store, standard_id, account, reply_to ? "reply" : "comment", record, error) ||
      !ksp_store_commit (store, error))
    goto failed;
  return id;

failed:
  ksp_store_rollback (store);
  return 0;
}

gboolean
ksp_comments_resolve (KspStore   *store,
                      gint64      id,
                      const char *account,
                      gboolean    resolved,
                      GError    **error)
{
  g_autoptr (KspComment) c = find_comment (store, NULL, id, error);
  g_autoptr (KspComment) first = NULL;
  KspChangeRecord *record;

  if (c == NULL)
    return FALSE;
  first = c->reply_to > 0 ? find_comment (store, c->standard_id, c->reply_to, error) : g_steal_pointer (&c);
  if (first == NULL)
    return FALSE;
  if (g_strcmp0 (first->author, account) != 0 &&
      !ksp_review_require (store, account, KSP_ROLE_REVIEWER, resolved ? "resolve another's comment" : "reopen another's comment", error))
    return FALSE;
  if ((first->resolved_by != NULL) == resolved)
    return TRUE;
  if (!ksp_store_begin (store, error))
    return FALSE;
  record = g_new0 (KspChangeRecord, 1);
  record->op = KSP_RECORD_COMMENT;
  record->element_id = g_strdup (first->element_id);
  record->field = g_strdup ("resolved");
  record->old_value = g_strdup (resolved ? "no" : "yes");
  record->new_value = g_strdup (resolved ? "yes" : "no");
  if (!ksp_store_resolve_comment (store, first->id, resolved ? account : NULL, error) ||
      !log_comment (store, first->standard_id, account, resolved ? "resolve" : "reopen", record, error) ||
      !ksp_store_commit (store, error))
    {
      ksp_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
ksp_comments_is_orphan (const KspComment *comment,
                        KspDocument      *draft)
{
  return ksp_document_lookup (draft, comment->element_id) == NULL;
}
