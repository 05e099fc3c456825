/* ksp-amendments.h: which act gave each point its wording, and the text as in force on a date
 *
 * A published standard carries its amendment history in notes (kind "note", read by the importers):
 * «Примечание ИЗПИ! Пункт 12 предусматривается в редакции приказа … от 31.03.2026 № 109 (вводится в
 * действие с 12.07.2026)», «Ескерту. 9-тармақ жаңа редакцияда – ҚР … 13.01.2023 № 9 … бұйрығымен»,
 * «… күші жойылды». ksp_amendments_history() turns them into the history of the points they name: per
 * element, its wordings oldest first — the approving order's (in force from the document's «Вводится в
 * действие с …» note, else from the order's date), then each amending act's (from the date the note
 * gives; a Kazakh note that only says «ten days after its first publication» gives no date, only the act's
 * date, before which it is certainly not in force).
 *
 * The text of a published standard is its latest wording. The text as in force on an earlier date can
 * therefore only say, for a point whose later wording is not yet in force, which wording is and that its
 * text is not in this document; ksp_amendments_in_force_on() makes such a copy (the point replaced by a
 * note saying so, in the document's language), for `kasip show --in-force-on` and the editor.
 *
 * The note names its point by number («Пункт 12», «Подпункт 9)», «5-тармақ»): the point is the first
 * element after the note, among its siblings, with that number (a sub-point keeps its bracket: «9)» is
 * not «9.»), else the first before it; a number the text does not have as an element is not guessed
 * (the note stays out of the history). «Кіріспе»/«преамбула» names the order, «Қосымша»/«приложение»
 * the standard. A note that names nothing is about its parent.
 */
#pragma once

#include "ksp-messages.h"
#include "ksp-node.h"

G_BEGIN_DECLS

typedef struct {
  char     *act;            /* the act, as written («приказа Министра … от 31.03.2026 № 109») */
  char     *act_date;       /* (nullable) ISO date of the act */
  char     *act_number;     /* (nullable) */
  char     *in_force_from;  /* (nullable) ISO date the wording takes effect, when the text says it */
  gboolean  repealed;       /* the act repealed the point («утратил силу», «күші жойылды») */
  gboolean  approving;      /* the wording of the order that approved the standard */
  KspNode  *note;           /* (nullable) the note that tells it */
} KspWording;

typedef struct {
  KspNode   *element;       /* the point whose wordings these are */
  GPtrArray *wordings;      /* (element-type KspWording): oldest first; the last is the text in the tree */
} KspPointHistory;

void       ksp_point_history_free       (KspPointHistory *history);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspPointHistory, ksp_point_history_free)

/* Returns: (transfer full) (element-type KspPointHistory): the amended points of @root, in the order of
 * the tree. */
GPtrArray *ksp_amendments_history       (KspNode         *root);

/* The date from which @wording is known to be in force: its in_force_from, else its act's date (it is
 * in force no earlier); NULL when neither is known. */
const char *ksp_wording_earliest        (const KspWording *wording);

/* Returns: (nullable): the wording of @history in force on @date (YYYY-MM-DD), NULL before the first. */
KspWording *ksp_point_history_in_force_on (KspPointHistory *history,
                                           const char      *date);

/* Returns: (transfer full): a copy of @root as in force on @date; *@out_notices (optional): the number
 * of points whose text on that date is not in this document (replaced by a note). The text of the notes
 * is in @lang. NULL with KSP_DOCUMENT_ERROR_INVALID for a date not written YYYY-MM-DD. */
KspNode   *ksp_amendments_in_force_on   (KspNode         *root,
                                         const char      *date,
                                         KspUiLang        lang,
                                         guint           *out_notices,
                                         GError         **error);

G_END_DECLS
