/* ksp-import-summary.h: what an importer understood, as counts and as JSON (for `kasip inspect`) */
#pragma once

#include "ksp-import-report.h"
#include "ksp-node.h"

G_BEGIN_DECLS

typedef struct {
  guint cards;
  guint functions;  /* «Трудовая функция» sections as written (listed-only functions are not counted) */
  guint listed_functions;
  guint skills;
  guint abilities;
  guint knowledge;
} KspCounts;

void  ksp_counts_add_tree       (KspCounts       *counts,
                                 KspNode         *node);
char *ksp_import_summary_json   (KspNode         *root,
                                 KspImportReport *report);
char *ksp_import_summary_text   (KspNode         *root,
                                 KspImportReport *report);

G_END_DECLS
