/* ksp-document-private.h: the primitive operations commands are made of.
 * Each one changes the tree and, when the document has a store, writes the change through. */
#pragma once

#include "ksp-document.h"

G_BEGIN_DECLS

KspNode  *_ksp_document_require      (KspDocument *self,
                                      const char  *id,
                                      GError     **error);
gboolean  _ksp_document_op_set_value (KspDocument *self,
                                      KspNode     *node,
                                      const char  *field,
                                      KspLang      lang,
                                      const char  *value,
                                      GError     **error);
gboolean  _ksp_document_op_set_number (KspDocument *self,
                                      KspNode     *node,
                                      const char  *number,
                                      GError     **error);
gboolean  _ksp_document_op_insert    (KspDocument *self,
                                      KspNode     *parent,
                                      guint        position,
                                      KspNode     *node,
                                      GError     **error);
gboolean  _ksp_document_op_remove    (KspDocument *self,
                                      KspNode     *node,
                                      GError     **error);
gboolean  _ksp_document_op_move      (KspDocument *self,
                                      KspNode     *node,
                                      KspNode     *new_parent,
                                      guint        new_position,
                                      GError     **error);

G_END_DECLS
