/* ksp-pick.h: what choosing a code from a classifier sets — the domain rules behind the editor's pickers
 *
 * Choosing an occupation (НКЗ) sets the card's occupation code and, when it does not match, its group
 * code (the code without its last part: 5320-2-003 → 5320-2). Choosing an ОКЭД subclass fills its whole
 * chain — section, division, group, class and subclass, codes and (Russian) names. Each is one undoable
 * command of the document.
 */
#pragma once

#include "ksp-classifiers.h"
#include "ksp-document.h"

G_BEGIN_DECLS

gboolean ksp_document_pick_occupation (KspDocument    *self,
                                       KspNode        *card,
                                       const char     *code,
                                       GError        **error);
gboolean ksp_document_pick_oked       (KspDocument    *self,
                                       KspNode        *oked,
                                       KspClassifiers *classifiers,
                                       const char     *subclass,
                                       GError        **error);

G_END_DECLS
