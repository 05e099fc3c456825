/* ksp-interface-language.c: see ksp-interface-language.h */
#include "config.h"

#include "ksp-interface-language.h"

/**
 * ksp_interface_data_language:
 * Returns: %KSP_LANG_KK when the user interface is in Kazakh, else %KSP_LANG_RU
 */
KspLang
ksp_interface_data_language (void)
{
  const char *const *names = g_get_language_names ();

  return names[0] && g_str_has_prefix (names[0], "kk") ? KSP_LANG_KK : KSP_LANG_RU;
}

/**
 * ksp_other_language:
 * Returns: Russian for Kazakh, Kazakh for Russian
 */
KspLang
ksp_other_language (KspLang lang)
{
  return lang == KSP_LANG_KK ? KSP_LANG_RU : KSP_LANG_KK;
}
