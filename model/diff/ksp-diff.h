/* ksp-diff.h: what changed between two trees of a standard, element by element
 *
 * ksp_diff_trees (old, new) matches the elements of two trees and lists the changes a reviewer reads:
 * an element added or removed (its subtree goes with it, one change), a field changed (per field and,
 * for bilingual fields, per language, with the words that changed: ksp-word-diff.h), an element moved
 * to another parent or reordered among its siblings. Renumbering that follows from an insertion, a
 * deletion or a move is folded into that change (KspChange.renumbered), not counted on its own; a number
 * changed with no such cause is a change of the field "number".
 *
 * Matching (ksp-diff.c says the thresholds and why):
 * 1. By stable ID: an edition and the draft, or two editions of one standard, share their IDs.
 * 2. Top-down inside matched parents, kind by kind, for the elements the IDs did not pair (two texts
 *    imported separately share no IDs): the elements with the same text are paired in order first; then
 *    cards by occupation code + ORK level (+ sublevel), by occupation code alone, then by the similarity
 *    of their names and contents; other kinds by the similarity of their texts (and, for an element with
 *    children, of its whole subtree) — an optimal assignment (Hungarian method), not first-fit, with the
 *    number only as a tie-breaker.
 * 3. Moves across parents: what is still unpaired under paired parents is paired across the whole tree,
 *    kind by kind, with a stricter threshold; then step 2 goes on inside the new pairs.
 *
 * Not changes: whitespace, NBSP against space, quote style, trailing punctuation (ksp_text_normalize),
 * an absent value against an empty one, the fields about the file (KSP_FIELD_META), and a derived field
 * (KSP_FIELD_DERIVED) that changed with the field it is read from.
 *
 * A stale translation: a bilingual field whose text was revised in one language (present on both sides)
 * while the other language's text, present on both sides, stayed the same (KspChange.stale_translation) — a reviewer asks for the
 * other language.
 */
#pragma once

#include "ksp-messages.h"
#include "ksp-node.h"
#include "ksp-word-diff.h"

G_BEGIN_DECLS

typedef enum {
  KSP_CHANGE_ADDED,
  KSP_CHANGE_REMOVED,
  KSP_CHANGE_CHANGED,
  KSP_CHANGE_MOVED,
} KspChangeOp;

/* A number that changed because of a structural change. */
typedef struct {
  KspNode *old_node;
  KspNode *new_node;
  char    *old_number;
  char    *new_number;
} KspRenumbering;

typedef struct {
  KspChangeOp  op;
  const char  *kind;               /* the element's kind (a string of the schema registry) */
  KspNode     *old_node;           /* (nullable): the element in the old tree; NULL when ADDED */
  KspNode     *new_node;           /* (nullable): the element in the new tree; NULL when REMOVED */

  /* CHANGED */
  char        *field;              /* a field of the kind, or "number" */
  KspLang      lang;               /* KSP_LANG_KK or KSP_LANG_RU for a bilingual field, else NONE */
  char        *old_value;          /* (nullable) as written */
  char        *new_value;          /* (nullable) */
  GPtrArray   *spans;              /* (element-type KspWordSpan) (nullable): the words that changed */
  gboolean     stale_translation;  /* the other language's text of the field stayed the same */

  /* MOVED */
  gboolean     reordered;          /* moved among its siblings, not to another parent */

  /* ADDED, REMOVED, MOVED */
  GPtrArray   *renumbered;         /* (element-type KspRenumbering): numbers that followed this change */

  /* REMOVED: the parent it was removed from, in the new tree; ADDED: the parent it was added to, in the
   * old tree (where a side-by-side view shows the gap); MOVED: the parent it left, in the new tree */
  KspNode     *other_parent;
} KspChange;

void         ksp_change_free             (KspChange       *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspChange, ksp_change_free)

const char  *ksp_change_op_to_string     (KspChangeOp      op);   /* "added", "removed", "changed", "moved" */

/* Returns: (transfer full) (element-type KspChange): the changes from @old_root to @new_root, in the
 * order of the new tree (a removed element where it stood). The trees must be of the same kind (two
 * documents, or two standards); the changes hold references to their nodes. */
GPtrArray   *ksp_diff_trees              (KspNode         *old_root,
                                          KspNode         *new_root);

/* The change's identity, stable while the change stays what it is: the element's stable ID with the kind
 * of change and, for a changed field, the field and its language — "changed:ID:name:ru", "added:ID",
 * "removed:ID", "moved:ID". The same element edited again keeps its key, so what is kept about a change
 * (its justification, a review) survives running the diff again. Two trees that share no IDs (two files
 * imported apart) give keys that hold only for that pair. */
char        *ksp_change_dup_key          (const KspChange *change);

/* The path of the element (the new side's, the old side's for a removed element), naming cards by
 * their occupation code: «Карточка 9 (5320-2-003) › Трудовая функция 1 › Навык 1». */
char        *ksp_change_dup_path         (const KspChange *change,
                                          KspUiLang        lang);
/* The old side's path (NULL for an added element). */
char        *ksp_change_dup_old_path     (const KspChange *change,
                                          KspUiLang        lang);

/* The card an element belongs to, in the new tree (for a removed element: the card it was removed from);
 * NULL outside cards. */
KspNode     *ksp_change_get_card         (const KspChange *change);

guint        ksp_changes_count_stale     (GPtrArray       *changes);

G_END_DECLS
