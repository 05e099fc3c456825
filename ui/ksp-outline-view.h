/* ksp-outline-view.h: the outline of a standard, a tree of its elements for navigation
 *
 * Shows the children of a root node (and theirs, expandable) with each element's label, which follows
 * the element's title field, and its kind; a standard's children are grouped in its four chapters, its
 * terms, abbreviations, OKED codes and card list in groups of their own (ksp-outline-group.h). Selecting
 * a row emits ::node-selected. A search bar (ksp_outline_view_start_search()) filters the outline to the
 * elements holding a phrase, in either language, with next and previous.
 */
#pragma once

#include <gtk/gtk.h>

#include "ksp-node.h"

G_BEGIN_DECLS

#define KSP_TYPE_OUTLINE_VIEW (ksp_outline_view_get_type ())
G_DECLARE_FINAL_TYPE (KspOutlineView, ksp_outline_view, KSP, OUTLINE_VIEW, GtkWidget)

GtkWidget *ksp_outline_view_new           (void);
KspLang    ksp_outline_view_default_language (void);
void       ksp_outline_view_set_language (KspOutlineView *self,
                                          KspLang         lang);
KspLang    ksp_outline_view_get_language (KspOutlineView *self);
void       ksp_outline_view_set_root      (KspOutlineView *self,
                                           KspNode        *root);
KspNode   *ksp_outline_view_get_selected  (KspOutlineView *self);
gboolean   ksp_outline_view_select_node   (KspOutlineView *self,
                                           KspNode        *node);
gboolean   ksp_outline_view_focus_selected (KspOutlineView *self);
guint      ksp_outline_view_search        (KspOutlineView *self,
                                           const char     *query);
gboolean   ksp_outline_view_search_step   (KspOutlineView *self,
                                           gboolean        backwards);
void       ksp_outline_view_start_search  (KspOutlineView *self);
GtkWidget *ksp_outline_view_get_search_entry (KspOutlineView *self);
const char *ksp_outline_view_row_tooltip  (GtkWidget     *label);
void       ksp_outline_view_set_marks     (KspOutlineView *self,
                                           GHashTable     *marks);
void       ksp_outline_view_set_presence  (KspOutlineView *self,
                                           GHashTable     *presence);
const char *ksp_outline_view_get_marks_text (KspOutlineView *self,
                                           KspNode        *node);
int        ksp_outline_view_drop_place    (KspNode        *node,
                                           KspNode        *target,
                                           double          y,
                                           double          height);

G_END_DECLS
