/* ksp-scroller-layout.h: the layout of a widget whose one child scrolls vertically (the outline, the form)
 *
 * Like GtkBinLayout, except that the height it asks for does not depend on the child: its content
 * scrolls, so the window never needs the height of every outline row or form field at some width to
 * size itself. GtkWindow measures its whole content at its minimum width whenever anything inside asks
 * for a new size (the toplevel's compute-size, before each such frame); without this, every card switch
 * measured the rows and fields twice, at that width and at their own. The width asked for is the
 * child's (at any height: it scrolls vertically), and the child is allocated the whole widget.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KSP_TYPE_SCROLLER_LAYOUT (ksp_scroller_layout_get_type ())
G_DECLARE_FINAL_TYPE (KspScrollerLayout, ksp_scroller_layout, KSP, SCROLLER_LAYOUT, GtkLayoutManager)

G_END_DECLS
