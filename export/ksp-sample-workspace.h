/* ksp-sample-workspace.h: the sample workspace, built from the published texts bundled in data/samples */
#pragma once

#include "ksp-store.h"

G_BEGIN_DECLS

char     *ksp_sample_workspace_find_dir (void);
gboolean  ksp_sample_workspace_fill     (KspStore  *store,
                                         GString   *log,
                                         GError   **error);

G_END_DECLS
