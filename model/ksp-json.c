/* ksp-json.c: see ksp-json.h */
#include "ksp-json.h"

void
ksp_json_append_string_or_empty (GString    *out,
                                 const char *s)
{
  g_autofree char *valid = g_utf8_make_valid (s ? s : "", -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p; p++)
    {
      guchar c = (guchar) *p;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

void
ksp_json_append_string (GString    *out,
                        const char *s)
{
  if (s == NULL)
    g_string_append (out, "null");
  else
    ksp_json_append_string_or_empty (out, s);
}
