/* ksp-document-private.h: the primitive operations commands are made of.
 * Each one changes the tree and, when the document has a store, writes the change through. */
#pragma once

#include "ksp-document.h"

G_BEGIN_DECLS

struct _KspDocument
{
  GObject       parent_instance;

  KspNode      *root;
  GHashTable   *index;      /* id -> KspNode (not owned) */
  KspUndoStack *undo_stack;
  KspStore     *store;
  gint64        tree_id;
  char         *user;
  char         *read_only_reason;
  GPtrArray    *records;    /* KspChangeRecord: what the step being run changed, for the change log */

  /* other sessions' changes (ksp-document-sync.c) */
  gint64        synced;     /* every entry of the standard up to this one is in the tree */
  GHashTable   *remote;     /* change key (ksp-document-sync.c) -> KspConflict: who last changed it elsewhere */
  KspConflict  *conflict;   /* (nullable) the last step refused for a conflict */
  GHashTable   *removed;    /* id -> KspNode (owned): what the step being run took out, to put back the same */
};

KspNode  *_ksp_document_require      (KspDocument *self,
                                      const char  *id,
                                      GError     **error);
gboolean  _ksp_document_op_set_value (KspDocument *self,
                                      KspNode     *node,
                                      const char  *field,
                                      KspLang      lang,
                                      const char  *value,
                                      GError     **error);
gboolean  _ksp_document_op_set_number (KspDocument *self,
                                      KspNode     *node,
                                      const char  *number,
                                      GError     **error);
gboolean  _ksp_document_op_insert    (KspDocument *self,
                                      KspNode     *parent,
                                      guint        position,
                                      KspNode     *node,
                                      GError     **error);
gboolean  _ksp_document_op_remove    (KspDocument *self,
                                      KspNode     *node,
                                      GError     **error);
gboolean  _ksp_document_op_move      (KspDocument *self,
                                      KspNode     *node,
                                      KspNode     *new_parent,
                                      guint        new_position,
                                      GError     **error);

/* ksp-document.c */
void      _ksp_document_index_add    (KspDocument *self,
                                      KspNode     *node);
void      _ksp_document_index_remove (KspDocument *self,
                                      KspNode     *node);
void      _ksp_document_emit_remote  (KspDocument *self,
                                      const KspLogEntry *entry);

/* ksp-document-sync.c */
void      _ksp_document_sync_init    (KspDocument *self);
void      _ksp_document_sync_clear   (KspDocument *self);
/* Within the step's transaction, before the step: takes the standard's writer lock and brings the tree up
 * to the store (the entries others committed since the last sync); @out_applied: (transfer full): those
 * entries, for _ksp_document_sync_check and to announce when the step is over. */
gboolean  _ksp_document_sync_begin   (KspDocument *self,
                                      GPtrArray  **out_applied,
                                      GError     **error);
/* After the step: a conflict when it changed what @applied changed (or failed on what it removed). */
gboolean  _ksp_document_sync_check   (KspDocument *self,
                                      GPtrArray   *applied,
                                      const GError *step_error,
                                      GError     **error);
void      _ksp_document_take_back    (KspDocument *self,
                                      GPtrArray   *records);
/* FALSE with a conflict (KSP_DOCUMENT_ERROR_CONFLICT) on @node's @field in @lang when its value is no longer
 * @expected: a command whose user saw @expected and wrote @mine. */
gboolean  _ksp_document_check_expected (KspDocument *self,
                                      KspNode     *node,
                                      const char  *field,
                                      KspLang      lang,
                                      const char  *expected,
                                      const char  *mine,
                                      GError     **error);

G_END_DECLS
