/* ksp-outline-group.h: a heading row of the outline that is not an element — a chapter of a standard
 * («Глава 3. Карточки профессий» / «3-тарау. Кәсіп карточкалары») or a group of its lists (terms,
 * abbreviations, OKED codes, the card list). Its rows are the standard's own children of its kinds, so an
 * element added, moved or removed shows at once; nothing in the document changes.
 */
#pragma once

#include <gtk/gtk.h>

#include "ksp-node.h"

G_BEGIN_DECLS

#define KSP_TYPE_OUTLINE_GROUP (ksp_outline_group_get_type ())
G_DECLARE_FINAL_TYPE (KspOutlineGroup, ksp_outline_group, KSP, OUTLINE_GROUP, GObject)

typedef gboolean (*KspOutlineVisibleFunc) (KspNode *node, gpointer user_data);

GListModel      *ksp_outline_group_chapters_of (KspNode              *standard,
                                                KspOutlineVisibleFunc visible,
                                                gpointer              user_data);
const char      *ksp_outline_group_get_label   (KspOutlineGroup      *self,
                                                KspLang               lang);
GListModel      *ksp_outline_group_get_model   (KspOutlineGroup      *self);
guint            ksp_outline_group_count_elements (KspOutlineGroup   *self);
gboolean         ksp_outline_group_contains    (KspOutlineGroup      *self,
                                                KspNode              *node);

G_END_DECLS
