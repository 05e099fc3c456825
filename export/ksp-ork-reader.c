/* ksp-ork-reader.c: sector qualification framework (seed 003) → KspClassifiers
 *
 * Layout of the appendix (classifiers-and-validation.md §1): a cell starts with a TAB at the start of a
 * line; lines without one continue the cell above. A row starts with its level cell ("\t8") followed by
 * the occupation cell ("\t1210 Первые руководители…"); when the level cell is empty the row starts with
 * " \t" and the occupation cell on the same line (lines 848, 915, 960, 1003, 1028, 1084, 1435, 1514,
 * 1565). The occupation cell runs to the next cell, which is the «Уровень НРК» cell. In the occupation
 * cell, "NNNN[-N] name" is a group header, "NNNN-N-NNN name" an occupation (the name may be glued to the
 * code, line 1211, or on the next lines), and "- name" an uncoded proposed name. Sub-area headings are
 * lone cells between blank lines («Медико-социальная экспертиза»).
 */
#include "ksp-ork-reader.h"

#include <string.h>

G_DEFINE_QUARK (ksp-ork-reader-error-quark, ksp_ork_reader_error)

typedef struct {
  char  **lines; /* bookmarks stripped, no line ends; lines[0] is line 1 */
  guint   n_lines;
  GRegex *bookmark;
} Reader;

static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

static gboolean
is_blank (const char *s)
{
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* A cell start: TAB at the start of the line, or blanks then a TAB (an empty first cell). */
static const char *
cell_text (const char *line)
{
  const char *p = line;

  while (*p == ' ')
    p++;
  return *p == '\t' ? p + 1 : NULL;
}

static gboolean
starts_with_group_digits (const char *s)
{
  while (*s == ' ' || *s == '\t')
    s++;
  return g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[1]) && g_ascii_isdigit (s[2]) && g_ascii_isdigit (s[3]);
}

/* "\t8" → 8; anything else → 0. */
static guint
level_cell (const char *line)
{
  const char *t = line[0] == '\t' ? line + 1 : NULL;
  g_autofree char *s = NULL;

  if (t == NULL)
    return 0;
  s = g_strstrip (g_strdup (t));
  if (strlen (s) == 1 && s[0] >= '1' && s[0] <= '8')
    return (guint) (s[0] - '0');
  return 0;
}

static gboolean
is_occupation_code (const char *s)
{
  return g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[1]) && g_ascii_isdigit (s[2]) && g_ascii_isdigit (s[3])
         && s[4] == '-' && g_ascii_isdigit (s[5]) && s[6] == '-' && g_ascii_isdigit (s[7])
         && g_ascii_isdigit (s[8]) && g_ascii_isdigit (s[9]) && !g_ascii_isdigit (s[10]);
}

/* Length of a group code at @s ("1210", "3433-1"), 0 if none. */
static gsize
group_code_len (const char *s)
{
  if (!(g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[1]) && g_ascii_isdigit (s[2]) && g_ascii_isdigit (s[3])))
    return 0;
  if (g_ascii_isdigit (s[4]))
    return 0;
  if (s[4] == '-' && g_ascii_isdigit (s[5]) && !g_ascii_isdigit (s[6]) && s[6] != '-')
    return 6;
  if (s[4] == '-')
    return 0;
  return 4;
}

static char *
clean (const char *s)
{
  return g_strstrip (g_strdup (s));
}

static void
read_nkz_list (Reader         *r,
               KspClassifiers *c,
               guint           first,
               guint           last)
{
  for (guint i = first; i < last; i++)
    {
      g_autofree char *t = clean (r->lines[i]);
      g_autofree char *name = NULL;

      if (!is_occupation_code (t))
        continue;
      name = clean (t + 10);
      if (*name == '\0')
        {
          for (guint j = i + 1; j < last; j++)
            {
              g_autofree char *n = clean (r->lines[j]);
              if (*n == '\0')
                continue;
              if (!is_occupation_code (n))
                {
                  g_free (name);
                  name = g_steal_pointer (&n);
                }
              break;
            }
        }
      t[10] = '\0';
      ksp_classifiers_add_occupation (c, t, name, KSP_ORK_READER_EDITION, i + 1);
    }
}

/* The name being collected in an occupation cell: of a group header or of a code of the row. */
typedef struct {
  GString *name;
  char    *group;   /* group code, when the name is a group's */
  guint    code_ix; /* index in row->names + 1, when the name is an occupation's */
} Pending;

static void
pending_flush (Pending        *p,
               KspClassifiers *c,
               KspOrkRow      *row)
{
  if (p->name == NULL)
    return;
  g_strstrip (p->name->str);
  p->name->len = strlen (p->name->str);
  if (p->group)
    ksp_classifiers_add_group (c, p->group, p->name->str);
  else if (p->code_ix > 0)
    {
      const char *code = g_ptr_array_index (row->codes, p->code_ix - 1);
      g_free (g_ptr_array_index (row->names, p->code_ix - 1));
      row->names->pdata[p->code_ix - 1] = g_strdup (p->name->str);
      ksp_classifiers_add_occupation (c, code, p->name->str, KSP_ORK_READER_EDITION, 0);
    }
  g_string_free (p->name, TRUE);
  p->name = NULL;
  g_clear_pointer (&p->group, g_free);
  p->code_ix = 0;
}

static void
read_occupation_line (KspClassifiers *c,
                      KspOrkRow      *row,
                      Pending        *p,
                      const char     *text,
                      guint           line)
{
  g_autofree char *t = clean (text);
  gsize glen;

  if (*t == '\0')
    return;

  if (g_str_has_prefix (t, "-") || g_str_has_prefix (t, "·") || g_str_has_prefix (t, "–"))
    {
      const char *rest = g_utf8_next_char (t);
      g_autofree char *name = clean (rest);

      pending_flush (p, c, row);
      if (*name)
        ksp_ork_row_add_proposed (row, name);
      return;
    }

  if (is_occupation_code (t))
    {
      g_autofree char *code = g_strndup (t, 10);

      pending_flush (p, c, row);
      ksp_ork_row_add_code (row, code, "");
      ksp_classifiers_add_occupation (c, code, "", KSP_ORK_READER_EDITION, line);
      p->name = g_string_new (t + 10);
      p->code_ix = row->codes->len;
      return;
    }

  glen = group_code_len (t);
  if (glen > 0)
    {
      pending_flush (p, c, row);
      p->group = g_strndup (t, glen);
      p->name = g_string_new (t + glen);
      return;
    }

  /* Continuation of the name above (a name on the line after its code, or wrapped). */
  if (p->name)
    {
      if (p->name->len > 0)
        g_string_append_c (p->name, ' ');
      g_string_append (p->name, t);
    }
}

/* Reads the row whose level cell is at @i (or, for an empty level cell, whose occupation cell starts at
 * @i). Returns the index of the first line after the occupation cell. */
static guint
read_row (Reader         *r,
          KspClassifiers *c,
          const char     *area,
          guint           i,
          guint           ork_level,
          guint           occ_start)
{
  Pending p = { NULL, NULL, 0 };
  guint j, nrk = 0;
  KspOrkRow *row;

  for (j = occ_start + 1; j < r->n_lines && cell_text (r->lines[j]) == NULL; j++)
    ;
  if (j < r->n_lines)
    nrk = level_cell (r->lines[j]);

  row = ksp_classifiers_add_ork_row (c, area, ork_level, nrk, i + 1);
  read_occupation_line (c, row, &p, cell_text (r->lines[occ_start]), occ_start + 1);
  for (guint k = occ_start + 1; k < j; k++)
    read_occupation_line (c, row, &p, r->lines[k], k + 1);
  pending_flush (&p, c, row);
  return j;
}

static gboolean
is_area_heading (Reader *r,
                 guint   i)
{
  const char *t = r->lines[i][0] == '\t' ? r->lines[i] + 1 : NULL;
  g_autofree char *s = NULL;
  gunichar first;

  if (t == NULL || i == 0)
    return FALSE;
  s = clean (t);
  if (*s == '\0')
    return FALSE;
  first = g_utf8_get_char (s);
  if (!g_unichar_isupper (first))
    return FALSE;
  if (!is_blank (r->lines[i - 1]) && !(r->lines[i - 1][0] == '\t' && is_blank (r->lines[i - 1] + 1)))
    return FALSE;
  if (i + 1 >= r->n_lines || is_blank (r->lines[i + 1]))
    return TRUE;
  /* followed directly by a row with an empty level cell */
  return r->lines[i + 1][0] == ' ' && cell_text (r->lines[i + 1]) && starts_with_group_digits (cell_text (r->lines[i + 1]));
}

static guint
read_appendix (Reader         *r,
               KspClassifiers *c,
               guint           first)
{
  g_autofree char *area = NULL;
  guint n_rows = 0;

  for (guint i = first; i < r->n_lines;)
    {
      const char *line = r->lines[i];
      const char *next = i + 1 < r->n_lines ? r->lines[i + 1] : NULL;
      const char *ct = cell_text (line);

      if (ct && line[0] == '\t' && next && next[0] == '\t' && starts_with_group_digits (next + 1)
          && (level_cell (line) > 0 || is_blank (ct)))
        {
          i = read_row (r, c, area, i, level_cell (line), i + 1);
          n_rows++;
          continue;
        }
      if (ct && line[0] == ' ' && starts_with_group_digits (ct))
        {
          i = read_row (r, c, area, i, 0, i);
          n_rows++;
          continue;
        }
      if (is_area_heading (r, i))
        {
          g_free (area);
          area = clean (line + 1);
        }
      i++;
    }
  return n_rows;
}

static gboolean
find_line (Reader     *r,
           guint       from,
           const char *pattern,
           guint      *out)
{
  g_autoptr (GRegex) re = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);

  for (guint i = from; i < r->n_lines; i++)
    if (g_regex_match (re, r->lines[i], 0, NULL))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * ksp_ork_reader_read_data:
 * @name: the file name, for messages
 *
 * Returns: (transfer full) (nullable): the classifiers read from @data, or %NULL with @error set.
 */
KspClassifiers *
ksp_ork_reader_read_data (const char  *data,
                          gssize       length,
                          const char  *name,
                          GError     **error)
{
  g_autoptr (KspClassifiers) c = NULL;
  g_autoptr (GRegex) bookmark = NULL;
  g_autofree char *text = NULL;
  const char *end = NULL;
  Reader r = { NULL, 0, NULL };
  guint nkz_line, app_line, n_rows;
  gsize len;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  len = length < 0 ? strlen (data) : (gsize) length;
  if (memchr (data, '\0', len) != NULL)
    {
      gsize off = (const char *) memchr (data, '\0', len) - data;
      g_set_error (error, KSP_ORK_READER_ERROR, KSP_ORK_READER_ERROR_ENCODING,
                   "%s:%u: not a text file (NUL byte at offset %" G_GSIZE_FORMAT "); "
                   "expected the UTF-8 text of a sector qualification framework",
                   name, line_of_offset (data, off), off);
      return NULL;
    }
  if (!g_utf8_validate (data, len, &end))
    {
      gsize off = end - data;
      g_set_error (error, KSP_ORK_READER_ERROR, KSP_ORK_READER_ERROR_ENCODING,
                   "%s:%u: not valid UTF-8 (byte 0x%02x at offset %" G_GSIZE_FORMAT "); "
                   "convert the file to UTF-8",
                   name, line_of_offset (data, off), (guchar) data[off], off);
      return NULL;
    }

  bookmark = g_regex_new ("\\[bookmark: [^\\]]*\\]", G_REGEX_OPTIMIZE, 0, NULL);
  text = g_regex_replace_literal (bookmark, data, len, 0, "", 0, NULL);
  if (text == NULL)
    text = g_strndup (data, len);
  g_strdelimit (text, "\r", ' ');
  r.lines = g_strsplit (text, "\n", -1);
  r.n_lines = g_strv_length (r.lines);

  if (!find_line (&r, 0, "^\\s*\\d+\\.\\s*Национальный классификатор занятий", &nkz_line))
    {
      g_set_error (error, KSP_ORK_READER_ERROR, KSP_ORK_READER_ERROR_NO_DATA,
                   "%s: no НКЗ list found (expected a heading «5. Национальный классификатор занятий»)", name);
      g_strfreev (r.lines);
      return NULL;
    }
  if (!find_line (&r, nkz_line + 1, "^\\s*Приложение\\s+1\\s*$", &app_line))
    app_line = r.n_lines;

  c = ksp_classifiers_new ();
  ksp_classifiers_set_source (c, name);
  read_nkz_list (&r, c, nkz_line + 1, app_line);
  if (ksp_classifiers_get_n_occupations (c) == 0)
    {
      g_set_error (error, KSP_ORK_READER_ERROR, KSP_ORK_READER_ERROR_NO_DATA,
                   "%s:%u: the НКЗ list is empty (expected lines «NNNN-N-NNN» followed by a name)",
                   name, nkz_line + 1);
      g_strfreev (r.lines);
      return NULL;
    }
  n_rows = app_line < r.n_lines ? read_appendix (&r, c, app_line + 1) : 0;
  g_strfreev (r.lines);
  if (n_rows == 0)
    {
      g_set_error (error, KSP_ORK_READER_ERROR, KSP_ORK_READER_ERROR_NO_DATA,
                   "%s: no level rows found in «Приложение 1» (expected a level cell followed by "
                   "an НКЗ group code)", name);
      return NULL;
    }
  return g_steal_pointer (&c);
}

/**
 * ksp_ork_reader_read:
 *
 * Returns: (transfer full) (nullable): the НКЗ occupations, group headers and ORK rows of the
 * framework at @path, or %NULL with @error set (naming the file, and the line where it applies).
 */
KspClassifiers *
ksp_ork_reader_read (const char  *path,
                     GError     **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  GError *local = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &len, &local))
    {
      g_set_error (error, local->domain, local->code, "Cannot read the qualification framework %s: %s",
                   path, local->message);
      g_error_free (local);
      return NULL;
    }
  return ksp_ork_reader_read_data (data, (gssize) len, path, error);
}
