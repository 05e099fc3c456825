/* ksp-standard-handle.c: short, typeable names for the standards of a workspace (see the header) */
#include "ksp-standard-handle.h"

#include <string.h>

/**
 * ksp_standard_clean_code:
 *
 * Returns: (nullable): @code without blanks and the trailing «.» or «;» of the published text, or %NULL
 * when there is no code (absent, empty, or a dash)
 */
char *
ksp_standard_clean_code (const char *code)
{
  g_autofree char *c = NULL;
  gsize len;

  if (code == NULL)
    return NULL;
  c = g_strstrip (g_strdup (code));
  len = strlen (c);
  while (len > 0 && (c[len - 1] == '.' || c[len - 1] == ';' || c[len - 1] == ','))
    c[--len] = '\0';
  if (len == 0 || g_str_equal (c, "-") || g_str_equal (c, "–") || g_str_equal (c, "—"))
    return NULL;
  return g_steal_pointer (&c);
}

static gboolean
is_quote (gunichar c)
{
  return c == '"' || c == 0x00AB || c == 0x00BB || c == 0x201C || c == 0x201D || c == 0x201E || c == '\'';
}

/**
 * ksp_standard_clean_title:
 *
 * Returns: (nullable): @title as a list shows it: the published text's quotes around it and its final
 * «.» removed (`"Социальная работа …".` → `Социальная работа …`)
 */
char *
ksp_standard_clean_title (const char *title)
{
  g_autofree char *t = NULL;
  char *start, *end;

  if (title == NULL)
    return NULL;
  t = g_strstrip (g_strdup (title));
  for (gboolean changed = TRUE; changed;)
    {
      changed = FALSE;
      end = t + strlen (t);
      if (end > t && (end[-1] == '.' || end[-1] == ';'))
        {
          end[-1] = '\0';
          changed = TRUE;
          continue;
        }
      start = t;
      if (*start && is_quote (g_utf8_get_char (start)))
        {
          char *last = end > t ? g_utf8_find_prev_char (t, end) : NULL;
          if (last && last != start && is_quote (g_utf8_get_char (last)))
            {
              *last = '\0';
              memmove (t, g_utf8_next_char (start), strlen (g_utf8_next_char (start)) + 1);
              g_strstrip (t);
              changed = TRUE;
            }
        }
    }
  return *t ? g_steal_pointer (&t) : NULL;
}

/* Kazakh and Russian letters in Latin, as people type them in file names and e-mail addresses. */
static const char *
latin (gunichar c)
{
  static const struct { gunichar c; const char *l; } table[] = {
    { 0x0430, "a" }, { 0x04D9, "a" }, { 0x0431, "b" }, { 0x0432, "v" }, { 0x0433, "g" }, { 0x0493, "g" },
    { 0x0434, "d" }, { 0x0435, "e" }, { 0x0451, "e" }, { 0x0436, "zh" }, { 0x0437, "z" }, { 0x0438, "i" },
    { 0x0439, "i" }, { 0x0456, "i" }, { 0x043A, "k" }, { 0x049B, "q" }, { 0x043B, "l" }, { 0x043C, "m" },
    { 0x043D, "n" }, { 0x04A3, "n" }, { 0x043E, "o" }, { 0x04E9, "o" }, { 0x043F, "p" }, { 0x0440, "r" },
    { 0x0441, "s" }, { 0x0442, "t" }, { 0x0443, "u" }, { 0x04B1, "u" }, { 0x04AF, "u" }, { 0x0444, "f" },
    { 0x0445, "kh" }, { 0x04BB, "h" }, { 0x0446, "ts" }, { 0x0447, "ch" }, { 0x0448, "sh" }, { 0x0449, "shch" },
    { 0x044A, "" }, { 0x044B, "y" }, { 0x044C, "" }, { 0x044D, "e" }, { 0x044E, "iu" }, { 0x044F, "ia" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (table[i].c == c)
      return table[i].l;
  return NULL;
}

#define SLUG_WORDS     2
#define SLUG_MIN_LETTERS 4   /* shorter words («мен», «бір», «и») are skipped */
#define SLUG_MAX       28

/**
 * ksp_standard_slug:
 *
 * Returns: (nullable): the first two words of four letters or more of @title in lower-case Latin, joined
 * by «-», at most 28 characters («Үйде әлеуметтік көмек көрсету» → "uide-aleumettik"), or %NULL when
 * nothing is left
 */
char *
ksp_standard_slug (const char *title)
{
  g_autofree char *clean = ksp_standard_clean_title (title);
  GString *slug = g_string_new (NULL);
  GString *word = g_string_new (NULL);
  guint words = 0, letters = 0;

  for (const char *p = clean ? clean : ""; words < SLUG_WORDS; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_unichar_tolower (g_utf8_get_char (p)) : 0;
      const char *l = c ? latin (c) : NULL;
      char ascii[2] = { 0, 0 };

      if (l == NULL && c && c < 0x80 && g_ascii_isalnum ((char) c))
        {
          ascii[0] = (char) c;
          l = ascii;
        }
      if (l)
        {
          g_string_append (word, l);
          letters++;
        }
      else
        {
          /* The end of a word: keep it if it is long enough and fits. */
          if (letters >= SLUG_MIN_LETTERS && (slug->len == 0 || slug->len + 1 + word->len <= SLUG_MAX))
            {
              if (slug->len > 0)
                g_string_append_c (slug, '-');
              g_string_append_len (slug, word->str, MIN (word->len, SLUG_MAX));
              words++;
            }
          else if (letters >= SLUG_MIN_LETTERS)
            break;
          g_string_truncate (word, 0);
          letters = 0;
        }
      if (*p == '\0')
        break;
    }
  g_string_free (word, TRUE);
  if (slug->len == 0)
    {
      g_string_free (slug, TRUE);
      return NULL;
    }
  return g_string_free (slug, FALSE);
}
