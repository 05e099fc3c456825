/* ksp-editions.h: freezing the draft as an edition, and going back to one
 *
 * An edition is an immutable copy of a standard's draft (ksp-store.h), numbered 1, 2, … and dated, with
 * the act that approved or amended it and a note. The CLI (`kasip edition`) and the editor's Editions
 * dialog both freeze through ksp_editions_freeze(), so the checks on what is given are the same.
 *
 * Reverting makes the draft the text of an edition again as ONE command of the document (one
 * transaction, one undo step): the elements the edition does not have are removed, the ones it has and
 * the draft lost are put back (with their IDs), moved ones go back to their place, and values and numbers
 * that differ are set — nothing that is already as in the edition is touched, so the change log records
 * only what the revert changed.
 */
#pragma once

#include "ksp-document.h"
#include "ksp-store.h"

G_BEGIN_DECLS

/* Freezes the draft of @standard_id as the next edition. @date: YYYY-MM-DD, NULL for today; @act and
 * @note may be NULL. Returns: the edition's tree, 0 on error (KSP_DOCUMENT_ERROR_INVALID for a bad date). */
gint64          ksp_editions_freeze       (KspStore     *store,
                                           const char   *standard_id,
                                           const char   *date,
                                           const char   *act,
                                           const char   *note,
                                           GError      **error);

/* The edition numbered @number of @standard_id (NULL with KSP_STORE_ERROR_NOT_FOUND when there is none). */
KspEditionInfo *ksp_editions_find         (KspStore     *store,
                                           const char   *standard_id,
                                           int           number,
                                           GError      **error);

/* Makes @self's tree equal to @edition_root (an edition of the same document: the same IDs), as one
 * command labelled @label. Returns FALSE with @error (and the draft unchanged) on failure; TRUE when the
 * draft already was the edition (no command is then recorded). */
gboolean        ksp_document_revert_to    (KspDocument  *self,
                                           KspNode      *edition_root,
                                           const char   *label,
                                           GError      **error);

G_END_DECLS
