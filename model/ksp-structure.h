/* ksp-structure.h: structural editing of a standard: add, duplicate, delete and move elements
 *
 * The rules come from the registry (which kinds a kind may hold, ksp_kind_allows_child()); every
 * operation is one command of the document (one transaction, one undo step), so the editor, the CLI and
 * tests share them. Duplicates are deep copies with new IDs (a copy is a new element for diffs and
 * reviews); moves keep IDs (the element is the same one, elsewhere). A list whose numbers follow its order
 * («1.», «2.», «3.» — or from 9 on, as a card list continuing another) keeps them following it through
 * every add, duplicate, move and delete, in the same command; a list numbered otherwise by hand is kept
 * as written.
 */
#pragma once

#include "ksp-document.h"

G_BEGIN_DECLS

typedef enum {
  KSP_PLACE_BEFORE, /* a sibling before the reference element */
  KSP_PLACE_AFTER,  /* a sibling after it */
  KSP_PLACE_CHILD,  /* its last child */
} KspPlace;

/* Above this many elements in a subtree, the editor asks before deleting it. */
#define KSP_STRUCTURE_CONFIRM_DELETE 10

GPtrArray *ksp_structure_kinds_for      (KspNode      *reference,
                                         KspPlace      place);
gboolean   ksp_structure_can_place      (KspNode      *reference,
                                         KspPlace      place,
                                         const char   *kind);
KspNode   *ksp_structure_copy_new_ids   (KspNode      *node);
KspNode   *ksp_structure_new_element    (const char   *kind);
guint      ksp_structure_count          (KspNode      *node);

KspNode   *ksp_document_add_element     (KspDocument  *self,
                                         KspNode      *reference,
                                         KspPlace      place,
                                         const char   *kind,
                                         GError      **error);
gboolean   ksp_document_delete_element  (KspDocument  *self,
                                         KspNode      *node,
                                         GError      **error);
KspNode   *ksp_document_duplicate_element (KspDocument *self,
                                         KspNode      *node,
                                         GError      **error);
gboolean   ksp_document_can_move_element_by (KspNode  *node,
                                         int           delta);
gboolean   ksp_document_move_element_by (KspDocument  *self,
                                         KspNode      *node,
                                         int           delta,
                                         GError      **error);
gboolean   ksp_document_move_element_to (KspDocument  *self,
                                         KspNode      *node,
                                         KspNode      *reference,
                                         KspPlace      place,
                                         GError      **error);

G_END_DECLS
