/* ksp-occupation-picker.h: a button that picks an НКЗ occupation code from the workspace's classifiers
 *
 * Shown beside the card's «Код наименования занятия» field. Its popover lists the occupations of the
 * sector qualification framework (code and name), filtered as the user types a code or part of a name;
 * choosing one emits ::picked with the code. The form turns that into an ordinary, undoable edit.
 */
#pragma once

#include <gtk/gtk.h>

#include "ksp-classifiers.h"

G_BEGIN_DECLS

#define KSP_TYPE_OCCUPATION_PICKER (ksp_occupation_picker_get_type ())
G_DECLARE_FINAL_TYPE (KspOccupationPicker, ksp_occupation_picker, KSP, OCCUPATION_PICKER, GtkWidget)

GtkWidget *ksp_occupation_picker_new        (KspClassifiers      *classifiers);
GtkWidget *ksp_occupation_picker_new_for_oked (KspClassifiers    *classifiers);
guint      ksp_occupation_picker_filter     (KspOccupationPicker *self,
                                             const char          *text);
gboolean   ksp_occupation_picker_pick_first (KspOccupationPicker *self);
void       ksp_occupation_picker_popup      (KspOccupationPicker *self);

G_END_DECLS
