/* ksp-docx-reader.c: reads a standard from a DOCX file (see ksp-docx-reader.h) */
#include <libxml/parser.h>
#include <string.h>
#include <zip.h>

#include "ksp-adilet-reader.h"
#include "ksp-docx-reader.h"
#include "ksp-docx-text.h"
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

/* The embedded model, if its fingerprint matches the visible text. */
static KspNode *
read_embedded (Package    *pkg,
               const char *document_xml,
               gsize       document_len,
               GError    **error)
{
  gsize len = 0;
  g_autofree char *item = read_entry (pkg, "customXml/item1.xml", &len, NULL);
  g_autofree char *fingerprint = NULL;
  const char *mark, *start, *end;

  if (item == NULL || (mark = strstr (item, "fingerprint=\"")) == NULL)
    return NULL;
  fingerprint = ksp_docx_text_fingerprint (document_xml, document_len, NULL);
  if (fingerprint == NULL || strncmp (mark + strlen ("fingerprint=\""), fingerprint, strlen (fingerprint)) != 0)
    return NULL; /* the text was changed after export: read what is visible */
  /* The <kasip> element inside <kasipDocx>. */
  for (start = strstr (item, "<kasip"); start && start[6] != ' ' && start[6] != '>'; start = strstr (start + 1, "<kasip"))
    ;
  end = g_strrstr (item, "</kasipDocx>");
  if (start == NULL || end == NULL || end < start)
    return NULL;
  return ksp_xml_reader_read_data (start, end - start, pkg->path, NULL, error);
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
      root = read_embedded (&pkg, doc, doc_len, &embedded_error);
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
