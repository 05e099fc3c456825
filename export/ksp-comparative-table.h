/* ksp-comparative-table.h: the ministry's comparative table of a diff
 *
 * «Сравнительная таблица» / «Салыстырмалы кесте»: A4 landscape, Times New Roman (the heading 14 pt, the
 * table 12 pt), margins of the ministry's template (ksp-docx-builder.h). A title with the standard's
 * name (from the new tree), then a table whose header repeats on every page:
 *
 *   № п/п | Структурная единица | Действующая редакция | Предлагаемая редакция | Обоснование
 *
 * One row per change (ksp-diff.h), in the diff's order:
 * - a changed text: the whole old text with the deleted words struck through | the whole new text with
 *   the added words in bold (from the change's word spans); an absent side reads «Отсутствует» (old) or
 *   «Исключить» (new);
 * - an added element: «Отсутствует» | its text (its fields in the language; with children, a compact
 *   text of its subtree: its heading, then each element below it on a line of its own);
 * - a removed element: its text | «Исключить»;
 * - a moved element: its old path and text | its new path and text;
 * - numbers that followed the change are named in its row: «(нумерация изменена: 3. → 2.)».
 * The structural unit is the change's readable path (ksp_change_dup_path), with the field's label when
 * the field is not the element's own text. A table in one language holds the changes of that
 * language's text and of the fields that have no language; those of the other language's text are in
 * the table in that language. Without changes the table has its header only and a line «Изменений нет».
 *
 * The justification column is empty unless a KspJustifyFunc gives it a text (the notes a reviewer
 * keeps per change, later). The same input gives the same bytes (fixed zip times, no dates).
 */
#pragma once

#include "ksp-diff.h"
#include "ksp-node.h"

G_BEGIN_DECLS

/* Returns: (transfer full) (nullable): the justification of @change in @lang, or NULL. */
typedef char *(*KspJustifyFunc) (const KspChange *change,
                                 KspLang          lang,
                                 gpointer         user_data);

/* @lang: KSP_LANG_KK, or KSP_LANG_RU (anything else is Russian). */
gboolean  ksp_comparative_table_write_file      (GPtrArray       *changes,
                                                 KspNode         *old_root,
                                                 KspNode         *new_root,
                                                 KspLang          lang,
                                                 const char      *path,
                                                 GError         **error);
gboolean  ksp_comparative_table_write_file_full (GPtrArray       *changes,
                                                 KspNode         *old_root,
                                                 KspNode         *new_root,
                                                 KspLang          lang,
                                                 KspJustifyFunc   justify,
                                                 gpointer         user_data,
                                                 const char      *path,
                                                 GError         **error);
/* Whether @change has a row in the table in @lang. */
gboolean  ksp_comparative_table_has_row         (const KspChange *change,
                                                 KspLang          lang);

G_END_DECLS
