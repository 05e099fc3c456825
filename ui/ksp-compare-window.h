/* ksp-compare-window.h: two editions of a standard (or an edition and the draft) side by side
 *
 * The changes of the structural diff (model/diff/ksp-diff.h), grouped by card with their counts, in a
 * list built lazily (a GtkListView: a row widget only for the rows on screen, so a 1 000-card diff opens
 * at once); beside it the selected change: its element's old and new text with the words that changed
 * marked, Kazakh above Russian. Next / previous change with Alt+↓ / Alt+↑ or F7 / Shift+F7 (as Meld);
 * filters by kind of change, by language and "stale translations only"; "Open in the Draft" selects the
 * changed element in the editor's form. The diff runs in a worker thread on copies of the two trees.
 */
#pragma once

#include <adwaita.h>

#include "ksp-diff.h"
#include "ksp-justifications.h"
#include "ksp-window.h"

G_BEGIN_DECLS

#define KSP_TYPE_COMPARE_WINDOW (ksp_compare_window_get_type ())
G_DECLARE_FINAL_TYPE (KspCompareWindow, ksp_compare_window, KSP, COMPARE_WINDOW, AdwWindow)

typedef enum {
  KSP_COMPARE_SHOW_ALL     = 0,
  KSP_COMPARE_SHOW_CHANGED = 1,
  KSP_COMPARE_SHOW_ADDED   = 2,
  KSP_COMPARE_SHOW_REMOVED = 3,
  KSP_COMPARE_SHOW_MOVED   = 4,
} KspCompareShow;

/* @parent: (nullable): the editor window (NULL: a compare view of its own, as the benchmark opens);
 * @old_root, @new_root: the two trees (copies the window keeps); @new_is_draft: the new side is the
 * parent's draft, so a change can be opened in it. The diff starts at once, off the main thread. */
KspCompareWindow *ksp_compare_window_new          (KspWindow        *parent,
                                                   KspNode          *old_root,
                                                   KspNode          *new_root,
                                                   const char       *old_title,
                                                   const char       *new_title,
                                                   gboolean          new_is_draft);

/* What clicking Compare on an edition does: the window opens at once; edition @edition_tree is read from
 * @store in the worker, through a read-only connection of its own, while @draft (the live draft) is
 * copied here; then the diff. NULL with @error when the workspace cannot be opened again. */
KspCompareWindow *ksp_compare_window_new_for_edition (KspWindow     *parent,
                                                   KspStore         *store,
                                                   gint64            edition_tree,
                                                   KspNode          *draft,
                                                   const char       *old_title,
                                                   const char       *new_title,
                                                   GError          **error);

/* The standard's justifications (nullable: none, e.g. two files): then the detail has an editor of the
 * selected change's justification per table it has a row in (stored as it is typed), the counts say how
 * many changes are justified, a filter shows the ones that are not, and the comparative table exported
 * holds them. */
void              ksp_compare_window_set_justifications (KspCompareWindow  *self,
                                                   KspJustifications *notes);
KspJustifications *ksp_compare_window_get_justifications (KspCompareWindow *self);

/* What the review adds (ui/review/ksp-review-compare.h). */
void              ksp_compare_window_pack_header_end (KspCompareWindow *self,
                                                   GtkWidget        *widget);
void              ksp_compare_window_set_side     (KspCompareWindow *self,
                                                   GtkWidget        *widget,
                                                   int               width);

gboolean          ksp_compare_window_is_ready     (KspCompareWindow *self);
guint             ksp_compare_window_get_n_changes (KspCompareWindow *self);   /* all, unfiltered */
guint             ksp_compare_window_get_n_shown  (KspCompareWindow *self);    /* changes passing the filters */
KspChange        *ksp_compare_window_get_selected (KspCompareWindow *self);    /* (nullable) */
gboolean          ksp_compare_window_step         (KspCompareWindow *self,
                                                   int               direction);
void              ksp_compare_window_set_filter   (KspCompareWindow *self,
                                                   KspCompareShow    show,
                                                   KspLang           lang,        /* NONE: both */
                                                   gboolean          stale_only);
gboolean          ksp_compare_window_open_selected (KspCompareWindow *self);

typedef enum {
  KSP_COMPARE_EXPORT_TABLE,   /* the comparative table (export/ksp-comparative-table.h) */
  KSP_COMPARE_EXPORT_ORDER,   /* the amending order's draft (export/ksp-amending-order.h) */
} KspCompareExport;

/* Writes the document made from the diff shown (all its changes, whatever the filters) in @lang
 * (KSP_LANG_NONE: the interface's where the standard has text in it, ksp_export_default_language) to @path
 * (DOCX); the comparative table holds the justifications. FALSE with @error before the diff is done or on
 * failure. */
gboolean          ksp_compare_window_export       (KspCompareWindow *self,
                                                   KspCompareExport  what,
                                                   KspLang           lang,
                                                   const char       *path,
                                                   GError          **error);
/* Asks for the file and the language of the document (a file chooser) as soon as the diff is done. */
void              ksp_compare_window_export_when_ready (KspCompareWindow *self,
                                                   KspCompareExport  what);

G_END_DECLS
