/* ksp-text.h: languages and the states of a text value
 *
 * Every human-readable field holds one string per language (Kazakh, Russian); language-neutral fields
 * (codes, levels, dates) hold one string under KSP_LANG_NONE. A value is stored exactly as written;
 * its state is derived from it, so "absent" (no value: NULL), "empty" ("" or blanks) and "dash" ("-",
 * "–", "—") stay apart and export can reproduce the source.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KSP_LANG_NONE = 0, /* language-neutral: codes, levels, dates */
  KSP_LANG_KK   = 1,
  KSP_LANG_RU   = 2,
} KspLang;

#define KSP_N_LANGS 3

typedef enum {
  KSP_VALUE_ABSENT = 0, /* the label or cell was missing: NULL */
  KSP_VALUE_EMPTY,      /* present but blank */
  KSP_VALUE_DASH,       /* a lone dash written in place of a value */
  KSP_VALUE_TEXT,
} KspValueState;

const char   *ksp_lang_to_string   (KspLang lang);
gboolean      ksp_lang_from_string (const char *str, KspLang *out_lang);
KspValueState ksp_value_state      (const char *value);
const char   *ksp_value_state_to_string (KspValueState state);

char         *ksp_id_new           (void);

G_END_DECLS
