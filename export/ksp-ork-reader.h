/* ksp-ork-reader.h: reads a sector qualification framework (ОРК passport, seed 003) into KspClassifiers
 *
 * Two parts are read: «5. Национальный классификатор занятий» (code line, then name line) gives the НКЗ
 * occupations; «Приложение 1» gives one ORK row per table row with its level (the «Уровень ОРК» cell,
 * falling back to «Уровень НРК» when the level cell is empty), the НКЗ group headers, the codes and the
 * uncoded proposed names. The text is the portal's table flattened to TAB-separated cells.
 */
#pragma once

#include "ksp-classifiers.h"

G_BEGIN_DECLS

#define KSP_ORK_READER_ERROR (ksp_ork_reader_error_quark ())
GQuark ksp_ork_reader_error_quark (void);

typedef enum {
  KSP_ORK_READER_ERROR_ENCODING, /* not UTF-8 text (binary, or another encoding) */
  KSP_ORK_READER_ERROR_NO_DATA,  /* UTF-8 text, but no НКЗ list or no appendix rows in it */
} KspOrkReaderError;

/* Edition recorded on the occupations read. */
#define KSP_ORK_READER_EDITION "НКЗ (отраслевая рамка квалификаций)"

KspClassifiers *ksp_ork_reader_read       (const char  *path,
                                           GError     **error);
KspClassifiers *ksp_ork_reader_read_data  (const char  *data,
                                           gssize       length,
                                           const char  *name,
                                           GError     **error);

G_END_DECLS
