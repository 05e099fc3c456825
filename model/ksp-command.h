/* ksp-command.h: an edit, as an object that can be applied, reverted, described and merged
 *
 * Every change a person makes, in the editor or through the CLI, is a KspCommand executed by a
 * KspDocument: the document applies it, stores it in one transaction, records it in the audit trail
 * (who, when, what) and keeps it on the undo stack. Commands refer to elements by their stable IDs.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _KspDocument KspDocument;

#define KSP_TYPE_COMMAND (ksp_command_get_type ())
G_DECLARE_DERIVABLE_TYPE (KspCommand, ksp_command, KSP, COMMAND, GObject)

struct _KspCommandClass
{
  GObjectClass parent_class;

  gboolean    (*apply)       (KspCommand *self, KspDocument *doc, GError **error);
  gboolean    (*revert)      (KspCommand *self, KspDocument *doc, GError **error);
  /* Absorbs @next (executed just after @self) into @self; returns FALSE when they stay apart. */
  gboolean    (*merge)       (KspCommand *self, KspCommand *next);
  char       *(*describe)    (KspCommand *self);
  const char *(*get_node_id) (KspCommand *self);

  gpointer padding[4];
};

gboolean    ksp_command_apply       (KspCommand  *self,
                                     KspDocument *doc,
                                     GError     **error);
gboolean    ksp_command_revert      (KspCommand  *self,
                                     KspDocument *doc,
                                     GError     **error);
gboolean    ksp_command_merge       (KspCommand  *self,
                                     KspCommand  *next);
char       *ksp_command_describe    (KspCommand  *self);
const char *ksp_command_get_node_id (KspCommand  *self);
const char *ksp_command_get_user    (KspCommand  *self);
void        ksp_command_set_user    (KspCommand  *self,
                                     const char  *user);
gint64      ksp_command_get_time    (KspCommand  *self);
void        ksp_command_set_time    (KspCommand  *self,
                                     gint64       usec);

G_END_DECLS
