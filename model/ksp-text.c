/* ksp-text.c: languages, value states and element IDs */
#include "ksp-text.h"

#include <string.h>

const char *
ksp_lang_to_string (KspLang lang)
{
  switch (lang)
    {
    case KSP_LANG_KK: return "kk";
    case KSP_LANG_RU: return "ru";
    case KSP_LANG_NONE:
    default: return "";
    }
}

gboolean
ksp_lang_from_string (const char *str,
                      KspLang    *out_lang)
{
  if (str == NULL || *str == '\0' || g_str_equal (str, "none"))
    *out_lang = KSP_LANG_NONE;
  else if (g_str_equal (str, "kk"))
    *out_lang = KSP_LANG_KK;
  else if (g_str_equal (str, "ru"))
    *out_lang = KSP_LANG_RU;
  else
    return FALSE;
  return TRUE;
}

KspValueState
ksp_value_state (const char *value)
{
  const char *p;

  if (value == NULL)
    return KSP_VALUE_ABSENT;

  /* Skip blanks, including U+00A0 which the portal's text uses as indent. */
  p = value;
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0x00A0)
        break;
      p = g_utf8_next_char (p);
    }
  if (*p == '\0')
    return KSP_VALUE_EMPTY;

  {
    g_autofree char *trimmed = g_strstrip (g_strdup (p));
    if (g_str_equal (trimmed, "-") || g_str_equal (trimmed, "–") || g_str_equal (trimmed, "—"))
      return KSP_VALUE_DASH;
  }
  return KSP_VALUE_TEXT;
}

const char *
ksp_value_state_to_string (KspValueState state)
{
  switch (state)
    {
    case KSP_VALUE_ABSENT: return "absent";
    case KSP_VALUE_EMPTY: return "empty";
    case KSP_VALUE_DASH: return "dash";
    case KSP_VALUE_TEXT:
    default: return "text";
    }
}

/* Element IDs are random UUIDs: stable across edits, reordering and editions, and unique across
 * workspaces so that elements can later be merged from several members of a working group. */
char *
ksp_id_new (void)
{
  /* A random (version 4) UUID, as g_uuid_string_random() makes, formatted here: an import makes one per
   * element, and printf was a tenth of reading a large standard. */
  static const char hex[] = "0123456789abcdef";
  /* one generator per thread, seeded from GLib's: g_random_int() takes a lock that two readers working at
   * once (kasip diff reads its two files in parallel) would contend for at every element */
  static GPrivate rand_key = G_PRIVATE_INIT ((GDestroyNotify) g_rand_free);
  GRand *rand = g_private_get (&rand_key);
  guint8 bytes[16];
  char *out = g_malloc (37), *o = out;

  if (rand == NULL)
    {
      guint32 seed[4] = { g_random_int (), g_random_int (), g_random_int (), g_random_int () };
      rand = g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));
      g_private_set (&rand_key, rand);
    }
  for (guint i = 0; i < 16; i += 4)
    {
      guint32 r = g_rand_int (rand);
      memcpy (bytes + i, &r, 4);
    }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;   /* version 4 */
  bytes[8] = (bytes[8] & 0x3f) | 0x80;   /* RFC 4122 variant */
  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *o++ = '-';
      *o++ = hex[bytes[i] >> 4];
      *o++ = hex[bytes[i] & 0x0f];
    }
  *o = '\0';
  return out;
}
