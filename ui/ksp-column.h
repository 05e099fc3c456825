/* ksp-column.h: a vertical stack of widgets whose width does not depend on its height
 *
 * Like a vertical GtkBox, except that the width it asks for is its children's at no particular height.
 * GTK 4.8's GtkBoxLayout allocates a horizontal box by measuring each child's width for the box's height:
 * a wrapping label inside (an outline row's title in a tree expander, the form's heading beside its
 * button, a finding beside its icon) then looks for the narrowest width that fits that height by laying
 * its text out again and again (a binary search, ~10 Pango layouts each time). A column answers with the
 * width of its children as they would be measured alone, which is what a height-for-width widget is
 * allocated by anyway. Children are laid out top to bottom at the column's width, each at its natural
 * height for it; a height given beyond that is left empty at the bottom.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KSP_TYPE_COLUMN (ksp_column_get_type ())
G_DECLARE_FINAL_TYPE (KspColumn, ksp_column, KSP, COLUMN, GtkWidget)

GtkWidget *ksp_column_new    (int        spacing);
void       ksp_column_append (KspColumn *self,
                              GtkWidget *child);

G_END_DECLS
