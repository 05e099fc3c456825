/* ksp-classifiers.h: reference classifiers the validator checks codes against
 *
 * Three tables, filled by readers (export/ksp-ork-reader.c reads the sector qualification framework,
 * seed 003) or by hand in tests:
 *
 * - НКЗ (national occupation classifier): occupation code "3412-0-008" → name and edition; group
 *   headers ("3412", "3433-1") → name. A sector framework lists only the occupations of its sector, so
 *   the table says whether it is the complete НКЗ (ksp_classifiers_set_occupations_complete()): an
 *   unknown code is an error against the complete classifier and only a note against an excerpt.
 * - ORK rows (Приложение 1 of a sector framework): area, ORK level (the level cell, falling back to the
 *   НРК cell; 0 when both are empty), the НКЗ codes of the row with the name written in the row, and the
 *   uncoded proposed names, with the source line.
 * - ОКЭД: code → name, rank and parent. ksp_classifiers_new() seeds the current-edition entries used by
 *   the social-sphere standards (section Q, divisions 87 and 88).
 *
 * No GTK, no file parsing here.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  KSP_OKED_RANK_INVALID = 0,
  KSP_OKED_RANK_SECTION,  /* "Q" */
  KSP_OKED_RANK_DIVISION, /* "88" */
  KSP_OKED_RANK_GROUP,    /* "88.1" */
  KSP_OKED_RANK_CLASS,    /* "88.10" */
  KSP_OKED_RANK_SUBCLASS, /* "88.10.0" */
} KspOkedRank;

/* One row of the ORK appendix. Owned by the KspClassifiers it was added to. */
typedef struct {
  char      *area;      /* sub-area heading, e.g. «Медико-социальная экспертиза»; may be NULL */
  guint      level;     /* ork_level, or nrk_level when the level cell is empty; 0 when unknown */
  guint      ork_level; /* the «Уровень ОРК» cell, 0 when empty */
  guint      nrk_level; /* the «Уровень НРК» cell, 0 when empty */
  GPtrArray *codes;     /* char *: НКЗ occupation codes, in row order */
  GPtrArray *names;     /* char *: the name written next to each code in this row ("" if none) */
  GPtrArray *proposed;  /* char *: uncoded proposed names («- Директор организации стационарного типа») */
  guint      line;      /* first source line of the row */
} KspOrkRow;

#define KSP_CLASSIFIERS_EDITION_CURRENT "current"

#define KSP_TYPE_CLASSIFIERS (ksp_classifiers_get_type ())
G_DECLARE_FINAL_TYPE (KspClassifiers, ksp_classifiers, KSP, CLASSIFIERS, GObject)

KspClassifiers  *ksp_classifiers_new                      (void);

/* Source description, e.g. the path of the file read; for messages. */
const char      *ksp_classifiers_get_source               (KspClassifiers *self);
void             ksp_classifiers_set_source               (KspClassifiers *self,
                                                           const char     *source);

/* НКЗ occupations */
void             ksp_classifiers_add_occupation           (KspClassifiers *self,
                                                           const char     *code,
                                                           const char     *name,
                                                           const char     *edition,
                                                           guint           line);
const char      *ksp_classifiers_lookup_occupation        (KspClassifiers *self,
                                                           const char     *code);
const char      *ksp_classifiers_get_occupation_edition   (KspClassifiers *self,
                                                           const char     *code);
guint            ksp_classifiers_get_occupation_line      (KspClassifiers *self,
                                                           const char     *code);
guint            ksp_classifiers_get_n_occupations        (KspClassifiers *self);
GPtrArray       *ksp_classifiers_list_occupation_codes    (KspClassifiers *self);
gboolean         ksp_classifiers_get_occupations_complete (KspClassifiers *self);
void             ksp_classifiers_set_occupations_complete (KspClassifiers *self,
                                                           gboolean        complete);

/* НКЗ group headers ("1210", "3433-1") */
void             ksp_classifiers_add_group                (KspClassifiers *self,
                                                           const char     *code,
                                                           const char     *name);
const char      *ksp_classifiers_lookup_group             (KspClassifiers *self,
                                                           const char     *code);

/* ORK rows */
KspOrkRow       *ksp_classifiers_add_ork_row              (KspClassifiers *self,
                                                           const char     *area,
                                                           guint           ork_level,
                                                           guint           nrk_level,
                                                           guint           line);
void             ksp_ork_row_add_code                     (KspOrkRow      *row,
                                                           const char     *code,
                                                           const char     *name);
void             ksp_ork_row_add_proposed                 (KspOrkRow      *row,
                                                           const char     *name);
guint            ksp_classifiers_get_n_ork_rows           (KspClassifiers *self);
const KspOrkRow *ksp_classifiers_get_ork_row              (KspClassifiers *self,
                                                           guint           index);
gboolean         ksp_classifiers_get_ork_levels           (KspClassifiers *self,
                                                           const char     *code,
                                                           guint          *min,
                                                           guint          *max);
gboolean         ksp_classifiers_get_ork_levels_by_name   (KspClassifiers *self,
                                                           const char     *name,
                                                           guint          *min,
                                                           guint          *max);

/* ОКЭД */
void             ksp_classifiers_add_oked                 (KspClassifiers *self,
                                                           const char     *code,
                                                           const char     *name,
                                                           const char     *edition);
const char      *ksp_classifiers_lookup_oked              (KspClassifiers *self,
                                                           const char     *code);
const char      *ksp_classifiers_get_oked_parent          (KspClassifiers *self,
                                                           const char     *code);
GPtrArray       *ksp_classifiers_list_oked_codes          (KspClassifiers *self,
                                                           KspOkedRank     rank);
KspOkedRank      ksp_oked_rank_of_code                    (const char     *code);
char            *ksp_oked_normalize_code                  (const char     *code);
const char      *ksp_oked_section_of_division             (guint           division);

/* Text normalisation shared with the validator: NFC, casefold, ё→е, quotes and dashes folded,
 * blanks collapsed, trailing punctuation dropped. */
char            *ksp_classifiers_normalize_name           (const char     *name);

G_END_DECLS
