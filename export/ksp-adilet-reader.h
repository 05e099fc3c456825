/* ksp-adilet-reader.h: reads the text of a standard as published on the legal portal (Adilet)
 *
 * Russian and Kazakh; the 2024 layout (one value per line, or TAB-separated table cells with HTML
 * leftovers), the 2019/2023 Kazakh layout and the 2013 layout (an order with several standards). The order
 * wrapper, «Примечание ИЗПИ!» / «Ескерту» notes, chapters, cards, labour functions, skills, abilities and
 * knowledge become elements; every problem goes to the report with its line; text that cannot be placed is
 * kept in a "not_placed" element next to the nearest card.
 */
#pragma once

#include "ksp-import-report.h"
#include "ksp-node.h"
#include "ksp-source.h"

G_BEGIN_DECLS

KspNode *ksp_adilet_reader_read      (KspSource        *source,
                                      KspImportReport  *report,
                                      GError          **error);
KspNode *ksp_adilet_reader_read_file (const char       *path,
                                      KspImportReport **out_report,
                                      GError          **error);

G_END_DECLS
