/* ksp-element-form.h: the form of one element: a heading and one row of editors per field
 *
 * Fields come in the schema's order. Bilingual fields get two editors side by side (Kazakh, Russian),
 * neutral fields one. Edits go through the document (see KspFieldEditor); when it refuses one, the
 * form emits ::error with a message naming the field.
 */
#pragma once

#include <gtk/gtk.h>

#include "ksp-classifiers.h"
#include "ksp-document.h"
#include "ksp-field-editor.h"

G_BEGIN_DECLS

#define KSP_TYPE_ELEMENT_FORM (ksp_element_form_get_type ())
G_DECLARE_FINAL_TYPE (KspElementForm, ksp_element_form, KSP, ELEMENT_FORM, GtkWidget)

GtkWidget      *ksp_element_form_new          (void);
void            ksp_element_form_set_document (KspElementForm *self,
                                               KspDocument    *document);
KspDocument    *ksp_element_form_get_document (KspElementForm *self);
void            ksp_element_form_set_classifiers (KspElementForm *self,
                                                  KspClassifiers *classifiers);
void            ksp_element_form_set_findings (KspElementForm *self,
                                               GPtrArray      *findings);
void            ksp_element_form_set_node     (KspElementForm *self,
                                               KspNode        *node);
KspNode        *ksp_element_form_get_node     (KspElementForm *self);
void            ksp_element_form_set_editable (KspElementForm *self,
                                               gboolean        editable);
gboolean        ksp_element_form_commit       (KspElementForm *self);
/* A field's name in messages: its label and, for a text, its language (in the interface language). */
char           *ksp_element_form_dup_field_name (KspElementForm *self,
                                               KspFieldEditor *editor);
gboolean        ksp_element_form_focus_first  (KspElementForm *self);
KspFieldEditor *ksp_element_form_get_editor   (KspElementForm *self,
                                               const char     *field,
                                               KspLang         lang);

G_END_DECLS
