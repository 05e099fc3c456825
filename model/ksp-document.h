/* ksp-document.h: one standard's tree being edited, with its undo stack and its store
 *
 * All edits go through ksp_document_execute() (or the helpers below, which build the command): the
 * command is applied to the tree, written to the store in one transaction together with its audit
 * entry, and pushed on the undo stack. If the store refuses, the tree is left as it was and the error
 * says why. A document without a store (tests, import previews) keeps edits in memory only.
 *
 * Other sessions (people on a shared workspace) write the same standard: ksp_document_sync() brings their
 * committed changes into the tree (KspWorkspace calls it when the store tells of them, and every step
 * does before it writes, under the standard's writer lock). A step that would change what another session
 * changed since this document last synced — the same value, the same element's number or place, an element
 * it removed — is refused with KSP_DOCUMENT_ERROR_CONFLICT: the tree then holds theirs, and
 * ksp_document_get_conflict() says who changed what, when, and what the step would have written
 * (docs/model.md § Concurrent editing).
 */
#pragma once

#include "ksp-command.h"
#include "ksp-node.h"
#include "ksp-store.h"
#include "ksp-undo-stack.h"

G_BEGIN_DECLS

#define KSP_DOCUMENT_ERROR (ksp_document_error_quark ())
GQuark ksp_document_error_quark (void);

typedef enum {
  KSP_DOCUMENT_ERROR_INVALID,    /* the edit does not fit the schema (unknown field, wrong child) */
  KSP_DOCUMENT_ERROR_NOT_FOUND,  /* no element with that ID */
  KSP_DOCUMENT_ERROR_READ_ONLY,  /* an edition, or a workspace opened read-only */
  KSP_DOCUMENT_ERROR_NOTHING,    /* nothing to undo or redo */
  KSP_DOCUMENT_ERROR_CONFLICT,   /* another session changed it first (ksp_document_get_conflict) */
} KspDocumentError;

/* What another session changed that a step of this document also changed. */
typedef struct {
  KspRecordOp  op;          /* what they did: SET (a value), NUMBER, DELETE, MOVE */
  char        *element_id;
  char        *kind;        /* (nullable) the element's kind */
  char        *field;       /* SET: the field */
  KspLang      lang;        /* SET: its language, or NONE */
  char        *author;      /* who (their account) */
  char        *at;          /* when (ISO 8601 UTC) */
  gint64       entry_id;    /* their entry in the change log */
  char        *theirs;      /* (nullable) SET, NUMBER: the value they wrote, now in the tree */
  char        *mine;        /* (nullable) SET, NUMBER: the value the refused step would have written */
} KspConflict;

KspConflict *ksp_conflict_copy (const KspConflict *conflict);
void         ksp_conflict_free (KspConflict       *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspConflict, ksp_conflict_free)

#define KSP_TYPE_DOCUMENT (ksp_document_get_type ())
G_DECLARE_FINAL_TYPE (KspDocument, ksp_document, KSP, DOCUMENT, GObject)

KspDocument  *ksp_document_new             (KspNode      *root);
KspDocument  *ksp_document_open            (KspStore     *store,
                                            gint64        tree_id,
                                            GError      **error);
KspNode      *ksp_document_get_root        (KspDocument  *self);
KspNode      *ksp_document_lookup          (KspDocument  *self,
                                            const char   *id);
KspUndoStack *ksp_document_get_undo_stack  (KspDocument  *self);
KspStore     *ksp_document_get_store       (KspDocument  *self);
gint64        ksp_document_get_tree_id     (KspDocument  *self);
const char   *ksp_document_get_user        (KspDocument  *self);
void          ksp_document_set_user        (KspDocument  *self,
                                            const char   *user);
gboolean      ksp_document_is_read_only    (KspDocument  *self);
void          ksp_document_set_read_only   (KspDocument  *self,
                                            const char   *reason);

gboolean      ksp_document_sync            (KspDocument  *self,
                                            guint        *out_n_applied,
                                            GError      **error);
gint64        ksp_document_get_revision    (KspDocument  *self);
const KspConflict *ksp_document_get_conflict (KspDocument *self);

gboolean      ksp_document_execute         (KspDocument  *self,
                                            KspCommand   *command,
                                            GError      **error);
gboolean      ksp_document_undo            (KspDocument  *self,
                                            GError      **error);
gboolean      ksp_document_redo            (KspDocument  *self,
                                            GError      **error);

gboolean      ksp_document_set_value       (KspDocument  *self,
                                            KspNode      *node,
                                            const char   *field,
                                            KspLang       lang,
                                            const char   *value,
                                            GError      **error);
gboolean      ksp_document_set_value_seen  (KspDocument  *self,
                                            KspNode      *node,
                                            const char   *field,
                                            KspLang       lang,
                                            const char   *value,
                                            const char   *seen,
                                            GError      **error);
gboolean      ksp_document_insert_node     (KspDocument  *self,
                                            KspNode      *parent,
                                            guint         position,
                                            KspNode      *node,
                                            GError      **error);
gboolean      ksp_document_remove_node     (KspDocument  *self,
                                            KspNode      *node,
                                            GError      **error);
gboolean      ksp_document_move_node       (KspDocument  *self,
                                            KspNode      *node,
                                            KspNode      *new_parent,
                                            guint         new_position,
                                            GError      **error);

G_END_DECLS
