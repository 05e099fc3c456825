/* ksp-amending-order.h: the draft of an order amending a standard, made from a diff
 *
 * «О внесении изменений в приказ … от … № …» / «… бұйрығына өзгерістер енгізу туралы»: one item per
 * amended unit of the standard, in the legal wording of the published amendments:
 *  - a point (a card, a provision, a point of the order) or a sub-point (a term, an abbreviation, an entry
 *    of the card list, an ОКЭД line) whose text changed is restated whole: «пункт 12 изложить в следующей
 *    редакции: …» / «12-тармақ мынадай редакцияда жазылсын: …»; when only a few words of one text changed,
 *    «в пункте 12 слова «…» заменить словами «…»» / «12-тармақтағы «…» деген сөздер «…» деген сөздермен
 *    ауыстырылсын»;
 *  - a unit added: «дополнить пунктом 12-1 следующего содержания: …» / «мынадай мазмұндағы 12-1-тармақпен
 *    толықтырылсын: …», numbered after the unit before it when the numbers after it would otherwise change
 *    (as amendments do, to leave the other points' numbers alone);
 *  - a unit removed: «пункт 7 исключить» / «7-тармақ алып тасталсын».
 * The units come from the changes' elements (ksp_amending_order_plan); the text is the draft a lawyer
 * edits, not a published act.
 */
#pragma once

#include "ksp-diff.h"

G_BEGIN_DECLS

typedef enum {
  KSP_AMEND_RESTATE,
  KSP_AMEND_REPLACE_WORDS,
  KSP_AMEND_ADD,
  KSP_AMEND_REMOVE,
} KspAmendKind;

typedef struct {
  KspAmendKind  kind;
  KspNode      *unit;        /* the point or sub-point: in the new tree (the old one when removed) */
  gboolean      sub_point;   /* a sub-point «9)» rather than a point «12.» */
  char         *number;      /* as it is named: "12", "12-1", "9)" */
  char         *old_words;   /* REPLACE_WORDS */
  char         *new_words;
} KspAmendment;

void       ksp_amendment_free          (KspAmendment *amendment);

/* Returns: (transfer full) (element-type KspAmendment): the items, in the order of the new text. */
GPtrArray *ksp_amending_order_plan     (GPtrArray    *changes);

/* Returns: (transfer full): the draft order as plain text in @lang, its items numbered as subparagraphs of
 * «1. Внести в приказ … следующие изменения:». @old_root names the amended order (its act). */
char      *ksp_amending_order_to_text  (GPtrArray    *plan,
                                        KspNode      *old_root,
                                        KspLang       lang);

/* Writes the draft order as a DOCX in the ministry's layout (A4, Times New Roman 14: ksp-docx-builder.h):
 * the title bold and centred, «ПРИКАЗЫВАЮ:» / «БҰЙЫРАМЫН:», one paragraph per line of the text; a card
 * restated or added is quoted in the standard's own layout (its heading and table, as the standard's
 * DOCX has it: ksp_docx_writer_write_element), without the notes the database added to it.
 * Deterministic bytes for the same input. */
gboolean   ksp_amending_order_write_file (GPtrArray  *plan,
                                          KspNode    *old_root,
                                          KspLang     lang,
                                          const char *path,
                                          GError    **error);

G_END_DECLS
