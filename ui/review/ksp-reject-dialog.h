/* ksp-reject-dialog.h: "Reject Change Set N?" — asks a reviewer why, then rejects it through the workspace
 *
 * The reason is required by the model (ksp-review.h); the dialog's Reject stays available and an empty
 * reason gets the model's refusal, said by @done. Used by the Review dialog and the compare view in review. */
#pragma once

#include <gtk/gtk.h>

#include "ksp-workspace.h"

G_BEGIN_DECLS

/* @ok: whether it was rejected; @error: why not (NULL when cancelled). */
typedef void (*KspRejectDone) (gboolean      ok,
                               const GError *error,
                               gpointer      user_data);

/* @change_key: (nullable): one change of the set (ksp_change_dup_key) of @draft, or NULL: the whole set.
 * Returns: (transfer none): the dialog, presented. */
GtkWidget *ksp_reject_dialog_present (GtkWindow     *parent,
                                      KspWorkspace  *workspace,
                                      gint64         change_set,
                                      KspDocument   *draft,
                                      const char    *change_key,
                                      KspRejectDone  done,
                                      gpointer       user_data);

G_END_DECLS
