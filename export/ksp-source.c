/* ksp-source.c: a published text, checked and cut into cells */
#include "ksp-source.h"

#include <glib/gstdio.h>
#include <string.h>

G_DEFINE_QUARK (ksp-import-error-quark, ksp_import_error)

static void
segment_clear (gpointer data)
{
  g_free (((KspSegment *) data)->text);
}

void
ksp_source_free (KspSource *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_free (self->contents);
  g_ptr_array_unref (self->lines);
  g_array_unref (self->segments);
  g_free (self);
}

static const struct { const char *name; const char *text; } entities[] = {
  { "&nbsp;", " " }, { "&quot;", "\"" }, { "&laquo;", "«" }, { "&raquo;", "»" }, { "&lt;", "<" },
  { "&gt;", ">" }, { "&ndash;", "–" }, { "&mdash;", "—" }, { "&amp;", "&" },
};

/* Whether "<…>" starting at @p looks like an HTML tag (not "<5 лет" or a lone "<"). */
static const char *
html_tag_end (const char *p)
{
  const char *q = p + 1;

  if (*q == '/')
    q++;
  if (!g_ascii_isalpha (*q))
    return NULL;
  while (g_ascii_isalnum (*q))
    q++;
  if (*q != '>' && *q != ' ' && *q != '/')
    return NULL;
  q = strchr (q, '>');
  return q ? q + 1 : NULL;
}

/**
 * ksp_source_clean_cell:
 * @had_markup: (out) (optional): set when HTML tags or entities were removed
 * Returns: the cell without HTML leftovers, with U+00A0 and runs of blanks made single spaces, trimmed
 */
/* '<', '&', an ASCII blank, or the first byte of a multi-byte blank: C2 (U+0085, U+00A0), E1/E2/E3
 * (U+1680, U+2000–U+3000) or EF (U+FEFF). */
static inline gboolean
starts_markup_or_blank (guchar c)
{
  return c == '<' || c == '&' || (c < 0x80 && g_ascii_isspace (c)) || c == 0xC2 || c == 0xE1 || c == 0xE2 ||
         c == 0xE3 || c == 0xEF;
}

char *
ksp_source_clean_cell (const char *cell,
                       gboolean   *had_markup)
{
  GString *out = g_string_sized_new (strlen (cell));
  gboolean markup = FALSE;
  gboolean space = FALSE;

  for (const char *p = cell; *p;)
    {
      gunichar c;
      const char *run = p;

      /* A run of plain bytes (no markup, no blank) is copied at once: continuation bytes (80–BF) are never
       * one of the bytes that start a tag, an entity or a blank. */
      while (*run && !starts_markup_or_blank ((guchar) *run))
        run++;
      if (run > p)
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_len (out, p, run - p);
          p = run;
          continue;
        }
      if (*p == '<')
        {
          const char *end = html_tag_end (p);
          if (end)
            {
              markup = TRUE;
              space = out->len > 0;
              p = end;
              continue;
            }
        }
      if (*p == '&')
        {
          guint i;
          for (i = 0; i < G_N_ELEMENTS (entities); i++)
            if (g_str_has_prefix (p, entities[i].name))
              break;
          if (i < G_N_ELEMENTS (entities))
            {
              markup = TRUE;
              if (g_str_equal (entities[i].text, " "))
                space = out->len > 0;
              else
                {
                  if (space)
                    g_string_append_c (out, ' ');
                  space = FALSE;
                  g_string_append (out, entities[i].text);
                }
              p += strlen (entities[i].name);
              continue;
            }
        }
      /* ASCII and most letters are copied byte by byte; only blanks need a closer look. */
      if ((guchar) *p < 0x80)
        {
          if (g_ascii_isspace (*p))
            space = out->len > 0;
          else
            {
              if (space)
                g_string_append_c (out, ' ');
              space = FALSE;
              g_string_append_c (out, *p);
            }
          p++;
          continue;
        }
      {
        const char *next = g_utf8_next_char (p);
        /* Multi-byte blanks start with C2 (U+0085, U+00A0), E1/E2/E3 (U+1680, U+2000–U+3000) or EF (U+FEFF). */
        gboolean maybe_space = (guchar) *p == 0xC2 || (guchar) *p == 0xE1 || (guchar) *p == 0xE2 ||
                               (guchar) *p == 0xE3 || (guchar) *p == 0xEF;
        c = maybe_space ? g_utf8_get_char (p) : 0;
        if (maybe_space && (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0xFEFF))
          space = out->len > 0;
        else
          {
            if (space)
              g_string_append_c (out, ' ');
            space = FALSE;
            g_string_append_len (out, p, next - p);
          }
        p = next;
      }
    }
  if (had_markup)
    *had_markup = markup;
  return g_string_free (out, FALSE);
}

/* Markdown table rules («---», «--») and the like: layout, not text. */
static gboolean
is_rule (const char *cell)
{
  if (*cell == '\0')
    return FALSE;
  for (const char *p = cell; *p; p++)
    if (*p != '-' && *p != '|' && *p != ':' && *p != ' ')
      return FALSE;
  /* «---», «--», and the «|» between the cells of seed 002's rows. */
  return strlen (cell) >= 2 || cell[0] == '|';
}

static gboolean
check_text (const char      *name,
            const char      *data,
            gsize            length,
            GError         **error)
{
  const char *end = NULL;
  guint line = 1;

  if (length == 0)
    {
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_NOT_TEXT, "%s: the file is empty", name);
      return FALSE;
    }
  for (gsize i = 0; i < length; i++)
    {
      unsigned char c = data[i];
      if (c == '\n')
        line++;
      else if (c == 0)
        {
          g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_NOT_TEXT,
                       "%s: line %u: a NUL byte; this is a binary file, not a published text", name, line);
          return FALSE;
        }
    }
  if (!g_utf8_validate (data, length, &end))
    {
      guint bad_line = 1;
      for (const char *p = data; p < end; p++)
        bad_line += *p == '\n';
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_NOT_TEXT,
                   "%s: line %u: invalid UTF-8 at byte %" G_GSIZE_FORMAT "%s", name, bad_line,
                   (gsize) (end - data),
                   (gsize) (end - data) + 4 >= length ? " (the file seems cut off)" : "; save the text as UTF-8");
      return FALSE;
    }
  line = 1;
  for (gsize i = 0; i < length; i++)
    {
      unsigned char c = data[i];
      if (c == '\n')
        line++;
      else if ((c < 0x20 && c != '\t' && c != '\r' && c != '\f') || c == 0x7f)
        {
          g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_NOT_TEXT,
                       "%s: line %u: control character 0x%02X; this is not a plain published text", name, line, c);
          return FALSE;
        }
    }
  return TRUE;
}

KspSource *
ksp_source_new_from_data (const char       *name,
                          const char       *data,
                          gsize             length,
                          KspImportReport  *report,
                          GError          **error)
{
  g_autoptr (KspSource) self = NULL;
  guint n_markup = 0, first_markup = 0, n_rules = 0, first_rule = 0, n_tab_lines = 0, n_lines = 0;
  const char *p, *line_start;
  guint line_no = 0;

  if (length > KSP_SOURCE_MAX_BYTES)
    {
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_UNREADABLE,
                   "%s: %.1f MB is too large for the text of a standard (the limit is %d MB)", name,
                   length / 1048576.0, KSP_SOURCE_MAX_BYTES / 1048576);
      return NULL;
    }
  if (!check_text (name, data, length, error))
    return NULL;

  self = g_new0 (KspSource, 1);
  self->path = g_strdup (name);
  self->contents = g_strndup (data, length);
  self->length = length;
  self->lines = g_ptr_array_new_with_free_func (g_free);
  self->segments = g_array_new (FALSE, TRUE, sizeof (KspSegment));
  g_array_set_clear_func (self->segments, segment_clear);

  p = line_start = self->contents;
  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p = line_start = p + 3;
  for (;;)
    {
      /* the next line end, found with strchr rather than byte by byte */
      p = strchr (line_start, '\n');
      if (p == NULL)
        p = line_start + strlen (line_start);
      gsize len = p - line_start;
      g_autofree char *raw = g_strndup (line_start, len && line_start[len - 1] == '\r' ? len - 1 : len);
      guint n_cells = 0;
      char *cell = raw;

      line_no++;
      /* the cells, split at the tabs in place (each tab put back after its cell is read) */
      for (guint c = 0; cell; c++)
        {
          gboolean markup = FALSE;
          char *tab = strchr (cell, '\t');
          char *clean;

          if (tab)
            *tab = '\0';
          clean = ksp_source_clean_cell (cell, &markup);
          if (tab)
            *tab = '\t';
          cell = tab ? tab + 1 : NULL;

          if (markup && !n_markup++)
            first_markup = line_no;
          if (is_rule (clean))
            {
              if (!n_rules++)
                first_rule = line_no;
              g_free (clean);
              continue;
            }
          if (*clean == '\0')
            {
              g_free (clean);
              continue;
            }
          {
            KspSegment seg = { clean, line_no, c };
            g_array_append_val (self->segments, seg);
            n_cells++;
          }
        }
      if (n_cells > 0)
        {
          n_lines++;
          n_tab_lines += n_cells > 1 || (n_cells == 1 && raw[0] == '\t');
        }
      g_ptr_array_add (self->lines, g_steal_pointer (&raw));
      if (*p == '\0')
        break;
      line_start = p + 1;
    }

  if (self->segments->len == 0)
    {
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_NOT_TEXT, "%s: the file holds no text", name);
      return NULL;
    }
  self->tabular = n_tab_lines * 3 > n_lines;
  if (report && n_markup)
    ksp_import_report_add (report, first_markup, "html-removed",
                           "HTML leftovers (<p>, <ol …>, entities) removed from %u cells, the first on line %u",
                           n_markup, first_markup);
  if (report && n_rules)
    ksp_import_report_add (report, first_rule, "table-rule-removed",
                           "%u markdown table rules («---») removed, the first on line %u", n_rules, first_rule);
  return g_steal_pointer (&self);
}

KspSource *
ksp_source_load (const char       *path,
                 KspImportReport  *report,
                 GError          **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  GStatBuf st;

  if (g_stat (path, &st) == 0 && (gsize) st.st_size > KSP_SOURCE_MAX_BYTES)
    {
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_UNREADABLE,
                   "%s: %.1f MB is too large for the text of a standard (the limit is %d MB)", path,
                   st.st_size / 1048576.0, KSP_SOURCE_MAX_BYTES / 1048576);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_UNREADABLE, "%s: is a folder, not a file", path);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, error))
    {
      if (error && *error)
        {
          (*error)->domain = KSP_IMPORT_ERROR;
          (*error)->code = KSP_IMPORT_ERROR_UNREADABLE;
        }
      return NULL;
    }
  return ksp_source_new_from_data (path, data, length, report, error);
}
