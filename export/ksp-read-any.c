/* ksp-read-any.c: reads a standard from a file of any kind Kasip knows (see ksp-read-any.h) */
#include "ksp-read-any.h"

#include <stdio.h>
#include <string.h>

#include "ksp-adilet-reader.h"
#include "ksp-docx-reader.h"
#include "ksp-source.h"
#include "ksp-xml-reader.h"

/**
 * ksp_read_any_sniff:
 *
 * Returns: the kind of file @path holds, from its first bytes (KSP_FILE_KIND_TEXT when it cannot be read:
 * the text reader then says why)
 */
KspFileKind
ksp_read_any_sniff (const char *path)
{
  char head[512];
  size_t len;
  FILE *f;

  if (ksp_docx_reader_sniff (path))
    return KSP_FILE_KIND_DOCX;
  if ((f = fopen (path, "rb")) == NULL)
    return KSP_FILE_KIND_TEXT;
  /* One read, kept in a variable: the sniffer must see the file's first bytes. */
  len = fread (head, 1, sizeof head, f);
  fclose (f);
  return ksp_xml_reader_sniff (head, len) ? KSP_FILE_KIND_XML : KSP_FILE_KIND_TEXT;
}

static guint
count_words (const char *s)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = s; p && *p;)
    {
      guchar c = (guchar) *p;
      gboolean w;

      /* ASCII, and the Cyrillic block (D0–D3 + one byte: letters), without decoding */
      if (c < 0x80)
        {
          w = g_ascii_isalnum (c);
          p++;
        }
      else if (c >= 0xD0 && c <= 0xD3 && p[1])
        {
          w = TRUE;
          p += 2;
        }
      else
        {
          w = g_unichar_isalnum (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }
      if (w && !in_word)
        n++;
      in_word = w;
    }
  return n;
}

static void
count_tree_words (KspNode *node,
                  gboolean unplaced,
                  guint   *all,
                  guint   *not_placed)
{
  const KspKindSpec *spec = ksp_node_get_kind_spec (node);
  static const KspLang langs[] = { KSP_LANG_NONE, KSP_LANG_RU, KSP_LANG_KK };

  unplaced = unplaced || g_str_equal (ksp_node_get_kind (node), "not_placed");
  for (guint f = 0; spec && f < spec->n_fields; f++)
    {
      if (unplaced && g_str_equal (spec->fields[f].name, "reason"))
        continue; /* the reader's explanation, not the source's words */
      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          guint n = count_words (ksp_node_get_value (node, spec->fields[f].name, langs[l]));
          *all += n;
          if (unplaced)
            *not_placed += n;
        }
    }
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    count_tree_words (ksp_node_get_child (node, i), unplaced, all, not_placed);
}

/**
 * ksp_read_any_unplaced_share:
 *
 * Returns: the share (0…1) of the words held by @root's elements that sit in "not_placed" elements
 */
double
ksp_read_any_unplaced_share (KspNode *root)
{
  guint all = 0, not_placed = 0;

  count_tree_words (root, FALSE, &all, &not_placed);
  return all ? (double) not_placed / all : 0.0;
}

/**
 * ksp_read_any_is_doubtful:
 *
 * Returns: whether the import left more than KSP_READ_ANY_MAX_UNPLACED of the words unplaced; the
 * summary of an import must say so loudly
 */
gboolean
ksp_read_any_is_doubtful (KspImportReport *report)
{
  return report && ksp_import_report_count_rule (report, "many-not-placed") > 0;
}

/**
 * ksp_read_any_file:
 * @out_report: (out) (optional): what the reader could not read as written
 *
 * Returns: (transfer full) (nullable): the document read from @path, or %NULL with a KSP_IMPORT_ERROR
 * whose message names the file (and the line, where there is one)
 */
KspNode *
ksp_read_any_file (const char       *path,
                   KspImportReport **out_report,
                   GError          **error)
{
  g_autoptr (KspImportReport) report = NULL;
  g_autoptr (KspNode) root = NULL;
  double share;

  switch (ksp_read_any_sniff (path))
    {
    case KSP_FILE_KIND_DOCX:
      root = ksp_docx_reader_read_file (path, FALSE, NULL, &report, error);
      break;
    case KSP_FILE_KIND_XML:
      root = ksp_xml_reader_read_file (path, NULL, error);
      report = ksp_import_report_new (path);
      break;
    case KSP_FILE_KIND_TEXT:
    default:
      root = ksp_adilet_reader_read_file (path, &report, error);
      break;
    }
  if (root == NULL)
    return NULL;

  /* Whatever the source: a Kasip XML or DOCX model carries the "not placed" elements of its first import.
   * (Counted only for a caller that reads the report: a second pass over every word of the tree.) */
  if (out_report && (share = ksp_read_any_unplaced_share (root)) > KSP_READ_ANY_MAX_UNPLACED)
    ksp_import_report_add (report, 0, "many-not-placed",
                           "%.0f%% of the words were not placed in any element (more than %.0f%%): check the "
                           "«not placed» elements before relying on this import", share * 100,
                           KSP_READ_ANY_MAX_UNPLACED * 100);
  if (out_report)
    *out_report = g_steal_pointer (&report);
  return g_steal_pointer (&root);
}
