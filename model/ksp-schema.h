/* ksp-schema.h: the registry of element kinds and their fields
 *
 * This is where every element of a professional standard is declared: which kinds exist (order, card,
 * labour function, skill, ...), which fields each kind has, in what order, with its Russian and Kazakh
 * label as printed in the 2024 layout, and which kinds may be its children. Storage, the XML format,
 * export and the editor's forms are all driven by this table, so a new card field is added here once.
 */
#pragma once

#include <glib.h>

#include "ksp-text.h"

G_BEGIN_DECLS

typedef enum {
  KSP_FIELD_NEUTRAL   = 0,      /* one language-neutral value (KSP_LANG_NONE): codes, levels, dates */
  KSP_FIELD_BILINGUAL = 1 << 0, /* one value per language (KSP_LANG_KK, KSP_LANG_RU) */
  KSP_FIELD_MULTILINE = 1 << 1, /* long text: the editor gives it a text view */
  KSP_FIELD_LEGACY    = 1 << 2, /* only the 2013 or 2019 layouts have it: the editor shows it when it is set */
  KSP_FIELD_DERIVED   = 1 << 3, /* read from the text of another field (the number and date in an act line, the
                                 * category in an experience line): not printed on its own in a DOCX */
  KSP_FIELD_META      = 1 << 4, /* about the file, not part of the legal text (its source, its language) */
} KspFieldFlags;

/* One value of a choice field (a labour function's type, a note's kind, an ORK level): the value is
 * stored, the label is what the editor shows. A list of them ends with an entry whose value is NULL. */
typedef struct {
  const char *value;
  const char *label_ru;
  const char *label_kk;
} KspChoice;

typedef struct {
  const char      *name;     /* stable identifier, used in SQL, XML and code */
  KspFieldFlags    flags;
  const char      *label_ru; /* label in the published Russian text */
  const char      *label_kk; /* label in the published Kazakh text */
  const KspChoice *choices;  /* the values it takes, or NULL for free text; the editor offers them in a list */
} KspFieldSpec;

typedef struct {
  const char         *name;        /* stable identifier: "card", "function", ... */
  const char         *label_ru;
  const char         *label_kk;
  const char         *title_field; /* field that names an element of this kind in the outline, or NULL */
  const KspFieldSpec *fields;
  guint               n_fields;
  const char *const  *children;    /* kinds allowed as children, NULL-terminated */
} KspKindSpec;

const KspKindSpec  *ksp_schema_lookup_kind   (const char        *name);
const KspKindSpec *const *ksp_schema_list_kinds (guint          *n_kinds);
const KspFieldSpec *ksp_kind_lookup_field    (const KspKindSpec *kind,
                                              const char        *field);
gboolean            ksp_kind_allows_child    (const KspKindSpec *kind,
                                              const char        *child_kind);
gboolean            ksp_field_is_bilingual   (const KspFieldSpec *field);
const char         *ksp_field_label          (const KspFieldSpec *field,
                                              KspLang             lang);
const char         *ksp_kind_label           (const KspKindSpec *kind,
                                              KspLang             lang);
const KspChoice    *ksp_field_lookup_choice  (const KspFieldSpec *field,
                                              const char         *value);
const char         *ksp_choice_label         (const KspChoice    *choice,
                                              KspLang             lang);

G_END_DECLS
