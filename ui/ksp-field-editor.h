/* ksp-field-editor.h: the editor of one value (a field of a node, in one language)
 *
 * A framed, wrapping GtkTextView that grows with its text for texts (one paragraph: Enter commits; long
 * texts: Enter breaks the line), a GtkEntry for codes and numbers, a GtkDropDown with the labels of the
 * values for choice fields (stored when chosen). What the user types is committed through
 * ksp_document_set_value() on Enter, on focus-out, or 0.3 s after the last keystroke; the editor
 * follows the model when the value changes (undo, redo, another person's change) — but not over text being
 * typed: that is committed as typed over the value the user saw, and when someone else changed it
 * meanwhile, ::conflict lets the user choose — and keeps an absent value (NULL) apart from an empty one ("").
 */
#pragma once

#include <gtk/gtk.h>

#include "ksp-document.h"

G_BEGIN_DECLS

#define KSP_TYPE_FIELD_EDITOR (ksp_field_editor_get_type ())
G_DECLARE_FINAL_TYPE (KspFieldEditor, ksp_field_editor, KSP, FIELD_EDITOR, GtkWidget)

/* How long typing may pause before the text is committed (and so stored: a crash loses at most that). */
#define KSP_FIELD_EDITOR_COMMIT_DELAY_MS 300

GtkWidget          *ksp_field_editor_new         (KspDocument        *document,
                                                  KspNode            *node,
                                                  const KspFieldSpec *field,
                                                  KspLang             lang,
                                                  KspLang             label_lang);
KspNode            *ksp_field_editor_get_node    (KspFieldEditor     *self);
void                ksp_field_editor_set_node    (KspFieldEditor     *self,
                                                  KspNode            *node);
const KspFieldSpec *ksp_field_editor_get_field   (KspFieldEditor     *self);
KspLang             ksp_field_editor_get_lang    (KspFieldEditor     *self);
GtkWidget          *ksp_field_editor_get_input   (KspFieldEditor     *self);
char               *ksp_field_editor_dup_text    (KspFieldEditor     *self);
void                ksp_field_editor_set_text    (KspFieldEditor     *self,
                                                  const char         *text);
void                ksp_field_editor_set_editable (KspFieldEditor    *self,
                                                  gboolean            editable);
gboolean            ksp_field_editor_commit      (KspFieldEditor     *self);
gboolean            ksp_field_editor_is_conflicted (KspFieldEditor   *self);
gboolean            ksp_field_editor_keep_mine   (KspFieldEditor     *self);
void                ksp_field_editor_take_theirs (KspFieldEditor     *self);
void                ksp_field_editor_detach      (KspFieldEditor     *self);

G_END_DECLS
