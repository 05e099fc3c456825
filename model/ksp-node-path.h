/* ksp-node-path.h: where an element sits, as a reader names it
 *
 * «Карточка 9 › Трудовая функция 1 › Навык 2 › Знания 4.»: the validator's findings, the diff's changes
 * and (later) the compare view and the comparative table all name an element this way. A path is data
 * first — segments "KIND\tNUMBER" from the outermost element in — and rendered in the interface
 * language by ksp_message_render_path() (ksp-messages.h), so it follows the UI's language.
 *
 * The document and the standard are not named unless the element is one of them. Kinds that are
 * numbered (cards, functions, skills, items…) carry the number as written, else their position among
 * the siblings of their kind; with KSP_NODE_PATH_CODES a card also carries its occupation code:
 * «Карточка 9 (5320-2-003)», so a path still names the right card after the cards are renumbered.
 */
#pragma once

#include "ksp-messages.h"
#include "ksp-node.h"

G_BEGIN_DECLS

typedef enum {
  KSP_NODE_PATH_DEFAULT = 0,
  KSP_NODE_PATH_CODES   = 1 << 0, /* a card's segment names its occupation code */
} KspNodePathFlags;

/* Returns: (transfer full) (array zero-terminated=1): the segments of @node's path. */
char  **ksp_node_path_segments          (KspNode          *node,
                                         KspNodePathFlags  flags);

/* Returns: (transfer full): the path rendered in @lang. */
char   *ksp_node_dup_path               (KspNode          *node,
                                         KspNodePathFlags  flags,
                                         KspUiLang         lang);

/* Returns: (transfer full): the number as written (blanks trimmed; with @strip_dot a trailing «.» or
 * «)» goes), or the 1-based position among the siblings of @node's kind when it has none. */
char   *ksp_node_dup_number_or_position (KspNode          *node,
                                         gboolean          strip_dot);

/* The 1-based position of @node among its parent's children of its kind (1 for a root). */
guint   ksp_node_position_among_kind    (KspNode          *node);

G_END_DECLS
