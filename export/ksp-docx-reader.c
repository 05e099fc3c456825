/* ksp-docx-reader.c: reads a standard from a DOCX file (see ksp-docx-reader.h) */
#include <libxml/parser.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>

#include "ksp-adilet-reader.h"
#include "ksp-docx-reader.h"
#include "ksp-docx-text.h"
#include "ksp-docx-writer.h"
#include "ksp-schema.h"
#include "ksp-source.h"
#include "ksp-xml-reader.h"

#define REL_OFFICE_DOCUMENT "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
#define REL_OFFICE_DOCUMENT_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"

/* A zip file starts with "PK\3\4". */
gboolean
ksp_docx_reader_sniff (const char *path)
{
  char head[4] = { 0 };
  FILE *f = fopen (path, "rb");
  gboolean zip;

  if (f == NULL)
    return FALSE;
  zip = fread (head, 1, 4, f) == 4 && memcmp (head, "PK\3\4", 4) == 0;
  fclose (f);
  return zip;
}

typedef struct
{
  zip_t      *za;
  const char *path;
} Package;

static gboolean
check_package (Package *pkg,
               GError **error)
{
  zip_int64_t n = zip_get_num_entries (pkg->za, 0);
  guint64 total = 0;

  if (n > KSP_DOCX_MAX_ENTRIES)
    {
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_FORMAT,
                   "%s: %" G_GINT64_FORMAT " entries in the package (at most %d); refused", pkg->path, (gint64) n,
                   KSP_DOCX_MAX_ENTRIES);
      return FALSE;
    }
  for (zip_int64_t i = 0; i < n; i++)
    {
      zip_stat_t st;
      if (zip_stat_index (pkg->za, i, 0, &st) != 0)
        continue;
      total += st.size;
      if (st.size > KSP_DOCX_MAX_ENTRY_BYTES || total > KSP_DOCX_MAX_TOTAL_BYTES ||
          (st.comp_size > 0 && st.size > 1024 * 1024 && st.size / st.comp_size > KSP_DOCX_MAX_RATIO))
        {
          g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_FORMAT,
                       "%s: entry %s unpacks to %" G_GUINT64_FORMAT " bytes from %" G_GUINT64_FORMAT
                       " (a zip bomb?); refused", pkg->path, st.name, (guint64) st.size, (guint64) st.comp_size);
          return FALSE;
        }
    }
  return TRUE;
}

/* Reads an entry; %NULL without error when it does not exist. */
static char *
read_entry (Package    *pkg,
            const char *name,
            gsize      *length,
            GError    **error)
{
  zip_stat_t st;
  zip_file_t *f;
  char *data;
  zip_int64_t got;

  if (zip_stat (pkg->za, name, 0, &st) != 0)
    return NULL;
  if (st.size > KSP_DOCX_MAX_ENTRY_BYTES)
    {
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_FORMAT, "%s: %s is too large", pkg->path, name);
      return NULL;
    }
  f = zip_fopen (pkg->za, name, 0);
  if (f == NULL)
    {
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_FORMAT, "%s: cannot read %s: %s", pkg->path, name,
                   zip_strerror (pkg->za));
      return NULL;
    }
  data = g_malloc (st.size + 1);
  got = zip_fread (f, data, st.size);
  zip_fclose (f);
  if (got < 0 || (zip_uint64_t) got != st.size)
    {
      g_free (data);
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_FORMAT, "%s: %s is damaged (CRC or size mismatch)",
                   pkg->path, name);
      return NULL;
    }
  data[st.size] = '\0';
  *length = st.size;
  return data;
}

/* The main part, as _rels/.rels names it (word/document.xml in practice). */
static char *
main_part_name (Package *pkg)
{
  gsize len = 0;
  g_autofree char *rels = read_entry (pkg, "_rels/.rels", &len, NULL);
  xmlDocPtr doc;
  char *target = NULL;

  if (rels == NULL)
    return g_strdup ("word/document.xml");
  doc = xmlReadMemory (rels, len, "_rels/.rels", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  for (xmlNodePtr r = doc ? xmlDocGetRootElement (doc)->children : NULL; r && !target; r = r->next)
    {
      xmlChar *type, *t;
      if (r->type != XML_ELEMENT_NODE)
        continue;
      type = xmlGetProp (r, BAD_CAST "Type");
      t = xmlGetProp (r, BAD_CAST "Target");
      if (type && t && (xmlStrEqual (type, BAD_CAST REL_OFFICE_DOCUMENT) ||
                        xmlStrEqual (type, BAD_CAST REL_OFFICE_DOCUMENT_STRICT)))
        target = g_strdup ((const char *) t + (t[0] == '/' ? 1 : 0));
      xmlFree (type);
      xmlFree (t);
    }
  if (doc)
    xmlFreeDoc (doc);
  return target ? target : g_strdup ("word/document.xml");
}

/* The value of attribute @name in the start tag at @tag (up to its '>'), or NULL. */
static char *
tag_attribute (const char *tag,
               const char *name)
{
  g_autofree char *needle = g_strdup_printf (" %s=\"", name);
  const char *close = strchr (tag, '>');
  const char *at = strstr (tag, needle);
  const char *end;

  if (close == NULL || at == NULL || at > close)
    return NULL;
  at += strlen (needle);
  end = strchr (at, '"');
  return end && end < close ? g_strndup (at, end - at) : NULL;
}

static KspNode *read_text (Package *pkg, const char *document_xml, gsize document_len, KspImportReport *report,
                           GError **error);

/* Whether @root, written again, shows exactly the text @visible is the fingerprint of. */
static gboolean
renders_to (KspNode    *root,
            const char *lang_attr,
            const char *visible)
{
  static const KspLang langs[] = { KSP_LANG_RU, KSP_LANG_KK };
  KspLang lang = KSP_LANG_NONE;

  ksp_lang_from_string (lang_attr, &lang);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *fp = NULL;
      if (lang != KSP_LANG_NONE && langs[i] != lang)
        continue; /* files before 0.2 do not say which language they were written in: try both */
      fp = ksp_docx_writer_fingerprint (root, langs[i], NULL);
      if (g_strcmp0 (fp, visible) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_derived_fields (const KspKindSpec *spec)
{
  for (guint f = 0; spec && f < spec->n_fields; f++)
    if (spec->fields[f].flags & KSP_FIELD_DERIVED)
      return TRUE;
  return FALSE;
}

static void
collect_derived (KspNode    *node,
                 GHashTable *by_kind) /* kind → GPtrArray of nodes, in document order */
{
  if (has_derived_fields (ksp_node_get_kind_spec (node)))
    {
      GPtrArray *list = g_hash_table_lookup (by_kind, ksp_node_get_kind (node));
      if (list == NULL)
        g_hash_table_insert (by_kind, (gpointer) ksp_node_get_kind (node), list = g_ptr_array_new ());
      g_ptr_array_add (list, node);
    }
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    collect_derived (ksp_node_get_child (node, i), by_kind);
}

/* Fields that are not printed on their own (KSP_FIELD_DERIVED: an order's number and date, a note's
 * amending act) cannot be checked by rendering the model: they must be what the reader finds in the visible
 * text. Returns %FALSE with @why when the model says something else. */
static gboolean
derived_fields_agree (KspNode *model,
                      KspNode *visible,
                      char   **why)
{
  static const KspLang langs[] = { KSP_LANG_NONE, KSP_LANG_RU, KSP_LANG_KK };
  g_autoptr (GHashTable) a = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) b = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  collect_derived (model, a);
  collect_derived (visible, b);
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *ma = value, *vb = g_hash_table_lookup (b, key);
      if (vb == NULL || vb->len != ma->len)
        {
          *why = g_strdup_printf ("the model has %u elements «%s», the visible text %u", ma->len, (char *) key,
                                  vb ? vb->len : 0);
          return FALSE;
        }
      for (guint i = 0; i < ma->len; i++)
        {
          const KspKindSpec *spec = ksp_node_get_kind_spec (ma->pdata[i]);
          for (guint f = 0; f < spec->n_fields; f++)
            for (guint l = 0; l < G_N_ELEMENTS (langs) && (spec->fields[f].flags & KSP_FIELD_DERIVED); l++)
              {
                const char *x = ksp_node_get_value (ma->pdata[i], spec->fields[f].name, langs[l]);
                const char *y = ksp_node_get_value (vb->pdata[i], spec->fields[f].name, langs[l]);
                if (g_strcmp0 (x, y) != 0)
                  {
                    *why = g_strdup_printf ("%s %s: «%s» in the model, «%s» in the visible text", (char *) key,
                                            spec->fields[f].name, x ? x : "", y ? y : "");
                    return FALSE;
                  }
              }
        }
    }
  return TRUE;
}

static void
add_digit_runs (GHashTable *runs,
                const char *text)
{
  for (const char *p = text; p && *p;)
    {
      const char *q = p;
      while (g_ascii_isdigit (*q))
        q++;
      if (q > p)
        {
          /* "04" in "2024-04-30" is the month 4 of «30.04.2024» and «4 апреля» alike */
          const char *start = p;
          while (q - start > 1 && *start == '0')
            start++;
          g_hash_table_add (runs, g_strndup (start, q - start));
          p = q;
        }
      else
        p++;
    }
}

static void
add_text_values (GHashTable *runs,
                 GString    *words,
                 KspNode    *node)
{
  const KspKindSpec *spec = ksp_node_get_kind_spec (node);
  static const KspLang langs[] = { KSP_LANG_NONE, KSP_LANG_RU, KSP_LANG_KK };

  for (guint f = 0; spec && f < spec->n_fields; f++)
    if (!(spec->fields[f].flags & (KSP_FIELD_DERIVED | KSP_FIELD_META)))
      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          const char *v = ksp_node_get_value (node, spec->fields[f].name, langs[l]);
          g_autofree char *lower = v ? g_utf8_strdown (v, -1) : NULL;
          add_digit_runs (runs, v);
          if (lower)
            g_string_append_printf (words, "%s\n", lower);
        }
}

/* Whether month @month (1–12) is written in @words as a Russian or Kazakh month name. */
static gboolean
month_named (const char *words,
             int         month)
{
  static const char *const ru[] = { "январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
                                    "октябр", "ноябр", "декабр" };
  static const char *const kk[] = { "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
                                    "қыркүйек", "қазан", "қараша", "желтоқсан" };

  if (month < 1 || month > 12)
    return FALSE;
  if (month == 5)
    return strstr (words, " мая") || strstr (words, " май") || strstr (words, kk[4]);
  return strstr (words, ru[month - 1]) != NULL || strstr (words, kk[month - 1]) != NULL;
}

/* Where the visible text cannot be read back (layouts the text reader does not know yet), a derived field
 * must at least not bring numbers of its own: every number in it (an act's number, a date's day, month and
 * year) must be in the printed text of its element or of the element it belongs to. */
static gboolean
derived_numbers_shown (KspNode *node,
                       char   **why)
{
  static const KspLang langs[] = { KSP_LANG_NONE, KSP_LANG_RU, KSP_LANG_KK };
  const KspKindSpec *spec = ksp_node_get_kind_spec (node);

  if (has_derived_fields (spec))
    {
      g_autoptr (GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr (GString) words = g_string_new (NULL);
      add_text_values (shown, words, node);
      if (ksp_node_get_parent (node))
        add_text_values (shown, words, ksp_node_get_parent (node));
      for (guint f = 0; f < spec->n_fields; f++)
        for (guint l = 0; l < G_N_ELEMENTS (langs) && (spec->fields[f].flags & KSP_FIELD_DERIVED); l++)
          {
            g_autoptr (GHashTable) own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
            const char *v = ksp_node_get_value (node, spec->fields[f].name, langs[l]);
            GHashTableIter iter;
            gpointer run;
            int y, m, d;

            /* An ISO date: its month may be written as a word («31 желтоқсандағы», «30 апреля»). */
            if (v && strlen (v) == 10 && sscanf (v, "%4d-%2d-%2d", &y, &m, &d) == 3 && v[4] == '-' &&
                month_named (words->str, m))
              {
                g_autofree char *yd = g_strdup_printf ("%d %d", y, d);
                add_digit_runs (own, yd);
              }
            else
              add_digit_runs (own, v);
            g_hash_table_iter_init (&iter, own);
            while (g_hash_table_iter_next (&iter, &run, NULL))
              if (!g_hash_table_contains (shown, run))
                {
                  *why = g_strdup_printf ("%s %s «%s»: %s is not in the printed text", ksp_node_get_kind (node),
                                          spec->fields[f].name, v, (char *) run);
                  return FALSE;
                }
          }
    }
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    if (!derived_numbers_shown (ksp_node_get_child (node, i), why))
      return FALSE;
  return TRUE;
}

/* The embedded model, if it is what the document shows: its recorded fingerprint must match the visible
 * text (nobody edited the text in Word), and the model itself must render to that text (nobody changed
 * customXml/item1.xml alone). Otherwise %NULL, with the reason in @report, and the visible text is read. */
static KspNode *
read_embedded (Package         *pkg,
               const char      *document_xml,
               gsize            document_len,
               KspImportReport *report,
               GError         **error)
{
  gsize len = 0;
  g_autofree char *item = read_entry (pkg, "customXml/item1.xml", &len, NULL);
  g_autofree char *visible = NULL, *recorded = NULL, *lang = NULL;
  g_autoptr (KspNode) root = NULL;
  const char *wrapper, *start, *end;

  if (item == NULL || (wrapper = strstr (item, "<kasipDocx")) == NULL ||
      (recorded = tag_attribute (wrapper, "fingerprint")) == NULL)
    return NULL;
  lang = tag_attribute (wrapper, "lang");
  visible = ksp_docx_text_fingerprint (document_xml, document_len, NULL);
  if (visible == NULL || !g_str_equal (recorded, visible))
    {
      ksp_import_report_add (report, 0, "text-edited",
                             "the text was changed after Kasip exported this file; the visible text was read "
                             "(element IDs are new)");
      return NULL;
    }
  /* The <kasip> element inside <kasipDocx>. */
  for (start = strstr (item, "<kasip"); start && start[6] != ' ' && start[6] != '>'; start = strstr (start + 1, "<kasip"))
    ;
  end = g_strrstr (item, "</kasipDocx>");
  if (start == NULL || end == NULL || end < start)
    return NULL;
  if (!(root = ksp_xml_reader_read_data (start, end - start, pkg->path, NULL, error)))
    return NULL;
  if (!renders_to (root, lang, visible))
    {
      ksp_import_report_add (report, 0, "embedded-model-differs",
                             "the model embedded in the file (customXml/item1.xml) does not give the text the "
                             "document shows; it was ignored and the visible text was read");
      return NULL;
    }
  {
    g_autoptr (KspImportReport) scratch = ksp_import_report_new (pkg->path);
    g_autoptr (KspNode) text_root = read_text (pkg, document_xml, document_len, scratch, NULL);
    g_autofree char *why = NULL;

    gboolean agree = text_root ? derived_fields_agree (root, text_root, &why) : derived_numbers_shown (root, &why);

    if (!agree)
      {
        ksp_import_report_add (report, 0, "embedded-model-differs",
                               "the model embedded in the file (customXml/item1.xml) does not agree with the text "
                               "the document shows (%s); it was ignored and the visible text was read",
                               why);
        return NULL;
      }
  }
  return g_steal_pointer (&root);
}

static KspNode *
read_text (Package          *pkg,
           const char       *document_xml,
           gsize             document_len,
           KspImportReport  *report,
           GError          **error)
{
  gsize num_len = 0;
  g_autofree char *numbering = read_entry (pkg, "word/numbering.xml", &num_len, NULL);
  g_autoptr (GPtrArray) lines = ksp_docx_text_lines (document_xml, document_len, numbering, num_len, error);
  g_autoptr (GString) text = NULL;
  g_autoptr (KspSource) src = NULL;

  if (lines == NULL)
    {
      g_prefix_error (error, "%s: ", pkg->path);
      return NULL;
    }
  text = g_string_new (NULL);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (lines, i));
  src = ksp_source_new_from_data (pkg->path, text->str, text->len, report, error);
  if (src == NULL)
    return NULL;
  return ksp_adilet_reader_read (src, report, error);
}

static gboolean
open_package (Package    *pkg,
              const char *path,
              GError    **error)
{
  int zerr = 0;

  pkg->path = path;
  pkg->za = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
  if (pkg->za == NULL)
    {
      zip_error_t ze;
      zip_error_init_with_code (&ze, zerr);
      g_set_error (error, KSP_IMPORT_ERROR, zerr == ZIP_ER_NOENT || zerr == ZIP_ER_OPEN ? KSP_IMPORT_ERROR_UNREADABLE
                                                                                       : KSP_IMPORT_ERROR_FORMAT,
                   "%s: not a readable DOCX package: %s", path, zip_error_strerror (&ze));
      zip_error_fini (&ze);
      return FALSE;
    }
  if (!check_package (pkg, error))
    {
      zip_discard (pkg->za);
      return FALSE;
    }
  return TRUE;
}

/**
 * ksp_docx_reader_read_file:
 * @text_only: ignore the embedded model and read the visible text
 * @out_source: (out) (optional): which of the two was read
 */
KspNode *
ksp_docx_reader_read_file (const char       *path,
                           gboolean          text_only,
                           KspDocxSource    *out_source,
                           KspImportReport **out_report,
                           GError          **error)
{
  g_autoptr (KspImportReport) report = ksp_import_report_new (path);
  g_autofree char *part = NULL;
  g_autofree char *doc = NULL;
  gsize doc_len = 0;
  Package pkg = { 0 };
  KspNode *root = NULL;

  if (!open_package (&pkg, path, error))
    return NULL;
  part = main_part_name (&pkg);
  doc = read_entry (&pkg, part, &doc_len, error);
  if (doc == NULL)
    {
      if (error && *error == NULL)
        g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_FORMAT,
                     "%s: no %s in the package: not a Word document", path, part);
      zip_discard (pkg.za);
      return NULL;
    }
  if (!text_only)
    {
      g_autoptr (GError) embedded_error = NULL;
      root = read_embedded (&pkg, doc, doc_len, report, &embedded_error);
      if (embedded_error)
        ksp_import_report_add (report, 0, "embedded-model",
                               "the model embedded in the file could not be read (%s); the visible text was read",
                               embedded_error->message);
    }
  if (root)
    {
      if (out_source)
        *out_source = KSP_DOCX_SOURCE_MODEL;
    }
  else
    {
      root = read_text (&pkg, doc, doc_len, report, error);
      if (out_source)
        *out_source = KSP_DOCX_SOURCE_TEXT;
      if (root == NULL && error && *error)
        for (guint i = 0; i < ksp_import_report_get_n (report); i++)
          {
            /* Say why the embedded model was not used, when the visible text cannot be read either. */
            const KspImportWarning *w = ksp_import_report_get (report, i);
            if (g_str_equal (w->rule, "embedded-model-differs") || g_str_equal (w->rule, "embedded-model"))
              {
                g_autofree char *old = g_strdup ((*error)->message);
                g_free ((*error)->message);
                (*error)->message = g_strdup_printf ("%s (%s)", old, w->message);
              }
          }
    }
  zip_discard (pkg.za);
  if (root && out_report)
    *out_report = g_steal_pointer (&report);
  return root;
}

/**
 * ksp_docx_reader_text:
 * Returns: the visible text of a DOCX file, one paragraph per line (for tests and `kasip inspect`)
 */
char *
ksp_docx_reader_text (const char *path,
                      GError    **error)
{
  Package pkg = { 0 };
  g_autofree char *part = NULL, *doc = NULL, *numbering = NULL;
  gsize doc_len = 0, num_len = 0;
  g_autoptr (GPtrArray) lines = NULL;
  GString *text;

  if (!open_package (&pkg, path, error))
    return NULL;
  part = main_part_name (&pkg);
  doc = read_entry (&pkg, part, &doc_len, error);
  numbering = read_entry (&pkg, "word/numbering.xml", &num_len, NULL);
  zip_discard (pkg.za);
  if (doc == NULL)
    {
      if (error && *error == NULL)
        g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_FORMAT, "%s: no %s in the package", path, part);
      return NULL;
    }
  if (!(lines = ksp_docx_text_lines (doc, doc_len, numbering, num_len, error)))
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (text, FALSE);
}
