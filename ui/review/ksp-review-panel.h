/* ksp-review-panel.h: the review side of the editor — comments on the selected element and its history
 *
 * Beside the form, for the element selected in the outline:
 *  - who you are (the name others see, your roles) and how many change sets wait for review, with a
 *    button to the change sets (win.review);
 *  - the comment threads on the element and on its fields, each with its replies, Reply and Resolve /
 *    Reopen; a new comment on the whole element or on one field in one language; on the standard itself,
 *    the comments whose element was deleted, marked so;
 *  - its history: who changed what of it, when, in which change set, newest first.
 * Everything is read and done through the KspWorkspace (ksp-workspace.h); the panel follows its ::changed,
 * whoever made the change, and reads only while it is shown.
 */
#pragma once

#include <gtk/gtk.h>

#include "ksp-workspace.h"

G_BEGIN_DECLS

#define KSP_TYPE_REVIEW_PANEL (ksp_review_panel_get_type ())
G_DECLARE_FINAL_TYPE (KspReviewPanel, ksp_review_panel, KSP, REVIEW_PANEL, GtkWidget)

GtkWidget *ksp_review_panel_new           (void);
void       ksp_review_panel_set_workspace (KspReviewPanel *self,
                                           KspWorkspace   *workspace);
/* @draft: (nullable) the draft shown; NULL or a read-only view: comments are read, not written */
void       ksp_review_panel_set_document  (KspReviewPanel *self,
                                           KspDocument    *draft,
                                           gboolean        editable);
void       ksp_review_panel_set_element   (KspReviewPanel *self,
                                           KspNode        *element);
void       ksp_review_panel_set_show_change_sets (KspReviewPanel *self,
                                           gboolean        show);
/* Reads again what is shown (the workspace's ::changed does it by itself). */
void       ksp_review_panel_refresh       (KspReviewPanel *self);
gboolean   ksp_review_panel_focus         (KspReviewPanel *self);
void       ksp_review_panel_set_top       (KspReviewPanel *self,
                                           GtkWidget      *widget);
/* The new comment's text view, for focus and tests. */
GtkWidget *ksp_review_panel_get_comment_view (KspReviewPanel *self);
/* Adds the text in the comment view as a comment on the anchor chosen; FALSE with the reason shown. */
gboolean   ksp_review_panel_post_comment  (KspReviewPanel *self);
/* How many threads and history entries are shown (tests). */
guint      ksp_review_panel_get_n_threads (KspReviewPanel *self);
guint      ksp_review_panel_get_n_history (KspReviewPanel *self);

G_END_DECLS
