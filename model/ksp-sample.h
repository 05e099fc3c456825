/* ksp-sample.h: a small real standard, built in code, for tests and for the sample workspace
 *
 * It holds the order wrapper and the first card of seed 001 (order № 125 of 30.04.2024, «Социальная
 * работа и другие профессии социальной сферы», data/samples/001_efa396441f2b22fb.txt), transcribed with
 * the source line of each element. Once the importer reads the seeds, the sample workspace is built from
 * data/samples instead and this stays as a fixture that needs no parser.
 */
#pragma once

#include "ksp-node.h"

G_BEGIN_DECLS

KspNode *ksp_sample_new_document (void);

G_END_DECLS
