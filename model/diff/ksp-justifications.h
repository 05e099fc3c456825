/* ksp-justifications.h: the justifications of a standard's changes, kept in its workspace
 *
 * A drafter justifies each change of the draft («Обоснование» / «Негіздеме», the comparative table's fifth
 * column) in the language of each table. The notes are kept in the workspace (ksp_store_put_justification)
 * under the change's identity (ksp_change_dup_key), so a note stays with its change when the diff is run
 * again, the draft edited further, or the workspace opened on another day. One object per standard, on the
 * thread that owns the store; writes go to the store at once.
 */
#pragma once

#include "ksp-diff.h"
#include "ksp-store.h"

G_BEGIN_DECLS

#define KSP_TYPE_JUSTIFICATIONS (ksp_justifications_get_type ())
G_DECLARE_FINAL_TYPE (KspJustifications, ksp_justifications, KSP, JUSTIFICATIONS, GObject)

/* @standard_id: the document's ID (KspStandardInfo.standard_id). */
KspJustifications *ksp_justifications_load         (KspStore          *store,
                                                    const char        *standard_id,
                                                    GError           **error);
const char        *ksp_justifications_get_standard_id (KspJustifications *self);
/* The workspace is open read-only: the notes can be read, not written. */
gboolean           ksp_justifications_is_read_only (KspJustifications *self);
guint              ksp_justifications_get_n_items  (KspJustifications *self);

/* Returns: (nullable): the justification of @change in @lang (KSP_LANG_KK or KSP_LANG_RU). */
const char        *ksp_justifications_get          (KspJustifications *self,
                                                    const KspChange   *change,
                                                    KspLang            lang);
const char        *ksp_justifications_get_by_key   (KspJustifications *self,
                                                    const char        *change_key,
                                                    KspLang            lang);
/* Stores @text (NULL or empty: removes the note). Emits ::changed with the change's key. */
gboolean           ksp_justifications_set          (KspJustifications *self,
                                                    const KspChange   *change,
                                                    KspLang            lang,
                                                    const char        *text,
                                                    GError           **error);
gboolean           ksp_justifications_set_by_key   (KspJustifications *self,
                                                    const char        *change_key,
                                                    KspLang            lang,
                                                    const char        *text,
                                                    GError           **error);
/* How many of @changes have a justification in @lang. */
guint              ksp_justifications_count        (KspJustifications *self,
                                                    GPtrArray         *changes,
                                                    KspLang            lang);
/* Returns: (transfer full) (element-type KspJustification): the notes whose change is not among @changes
 * (its change was undone, or the comparison is another one): kept, not shown. */
GPtrArray         *ksp_justifications_dup_orphans  (KspJustifications *self,
                                                    GPtrArray         *changes);

/* A KspJustifyFunc (export/ksp-comparative-table.h) with @user_data a KspJustifications. */
char              *ksp_justifications_justify      (const KspChange   *change,
                                                    KspLang            lang,
                                                    gpointer           user_data);

G_END_DECLS
