/* ksp-adilet-layout.c: which of the published layouts a text uses, and the older Kazakh layouts */
#include "ksp-adilet-reader-private.h"

#include <string.h>

KspAdiletLayout
_ksp_adilet_detect_layout (KspSource *src,
                           KspLang    lang)
{
  guint n2024 = 0, n2019 = 0, n2013 = 0;

  for (guint i = 0; i < src->segments->len; i++)
    {
      const char *t = g_array_index (src->segments, KspSegment, i).text;
      if (strstr (t, "Карточка профессии") || g_str_has_prefix (t, "Код группы") ||
          g_str_has_prefix (t, "Топтың коды"))
        n2024++;
      if (g_str_has_prefix (t, "Кәсіп карточкасы") || strstr (t, "-еңбек функциясы"))
        n2019++;
      if (strstr (t, "Еңбек қызметі түрінің (кәсібінің) карточкасы") || strstr (t, "кәсібінің) карточкасы"))
        n2013++;
    }
  if (n2024 == 0 && n2019 == 0 && n2013 == 0)
    return KSP_ADILET_LAYOUT_UNKNOWN;
  if (n2024 >= n2019 && n2024 >= n2013)
    return KSP_ADILET_LAYOUT_2024;
  return n2019 >= n2013 ? KSP_ADILET_LAYOUT_2019 : KSP_ADILET_LAYOUT_2013;
}

