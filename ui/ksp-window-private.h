/* ksp-window-private.h: what the window's aspects in other files share with ksp-window.c */
#pragma once

#include "ksp-window.h"

G_BEGIN_DECLS

/* ksp-window-structure.c: the "element" actions, the outline's context menu, their shortcuts */
void _ksp_window_structure_setup  (KspWindow *window);
void _ksp_window_structure_update (KspWindow *window);
void _ksp_window_structure_dispose (KspWindow *window);

G_END_DECLS
