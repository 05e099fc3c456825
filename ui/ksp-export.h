/* ksp-export.h: exporting a standard from the editor, off the main thread
 *
 * The caller hands over the live tree; ksp_export_async() takes a snapshot of it (ksp_node_copy()) on
 * the calling thread, and only the snapshot goes to the worker thread, so the editor can keep changing
 * the document meanwhile. DOCX and XML are written by the export library; PDF is the DOCX converted by
 * LibreOffice (soffice --headless --convert-to pdf) in a temporary directory with its own temporary
 * profile, so a LibreOffice the user has open does not get in the way. The result is then moved to the
 * chosen path, and the temporary files are removed whatever happens.
 */
#pragma once

#include <gio/gio.h>

#include "ksp-node.h"

G_BEGIN_DECLS

typedef enum {
  KSP_EXPORT_DOCX,
  KSP_EXPORT_XML,
  KSP_EXPORT_PDF,
} KspExportFormat;

/* How long LibreOffice may take to convert one document before the export gives up. */
#define KSP_EXPORT_PDF_TIMEOUT_SECONDS 180

gboolean    ksp_export_format_from_string (const char          *name,
                                           KspExportFormat     *out_format);
const char *ksp_export_format_to_string   (KspExportFormat      format);
const char *ksp_export_format_extension   (KspExportFormat      format);
char       *ksp_export_find_soffice       (void);
char       *ksp_export_suggest_filename   (const char          *code,
                                           const char          *title,
                                           KspExportFormat      format);

KspLang     ksp_export_default_language   (KspNode             *root);
void        ksp_export_async              (KspNode             *root,
                                           KspExportFormat      format,
                                           KspLang              lang,
                                           const char          *path,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    ksp_export_finish             (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
