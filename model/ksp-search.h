/* ksp-search.h: finding text in a standard, and going to a card
 *
 * ksp_search() looks for a phrase in every field of every element, in both languages and in codes, as
 * a drafter means it: case, Unicode forms, no-break spaces and runs of spaces do not matter, nor «ё»
 * against «е». ksp_search_go_to() finds what a drafter types to reach a card: its number («9», «9.»),
 * its occupation or group code, or an element's ID.
 */
#pragma once

#include "ksp-node.h"

G_BEGIN_DECLS

char      *ksp_search_fold   (const char *text);
gboolean   ksp_search_matches (KspNode   *node,
                               const char *folded_query);
GPtrArray *ksp_search        (KspNode    *root,
                              const char *query);
KspNode   *ksp_search_go_to  (KspNode    *root,
                              const char *what);

G_END_DECLS
