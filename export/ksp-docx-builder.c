/* ksp-docx-builder.c: see ksp-docx-builder.h */
#include "config.h"

#include <gio/gio.h>
#include <libxml/xmlwriter.h>
#include <string.h>
#include <zip.h>

#include "kasip-docx-resources.h"
#include "ksp-atomic-file.h"
#include "ksp-docx-builder.h"
#include "ksp-source.h"

/* A4 and the margins of the ministry's template. */
#define A4_SHORT 11906
#define A4_LONG 16838
#define MARGIN_LEFT 1701   /* 30 mm */
#define MARGIN_RIGHT 850   /* 15 mm */
#define MARGIN_TOP 1134    /* 20 mm */
#define MARGIN_BOTTOM 1134 /* 20 mm */
#define HEADER_DISTANCE 567

void
ksp_docx_page_init_ministry (KspDocxPage *page,
                             gboolean     landscape)
{
  g_return_if_fail (page != NULL);

  *page = (KspDocxPage) {
    .width = landscape ? A4_LONG : A4_SHORT,
    .height = landscape ? A4_SHORT : A4_LONG,
    .landscape = landscape,
    .margin_top = MARGIN_TOP,
    .margin_right = MARGIN_RIGHT,
    .margin_bottom = MARGIN_BOTTOM,
    .margin_left = MARGIN_LEFT,
    .header = HEADER_DISTANCE,
    .footer = HEADER_DISTANCE,
    .header_rel = "rId4",
  };
}

int
ksp_docx_page_text_width (const KspDocxPage *page)
{
  return page->width - page->margin_left - page->margin_right;
}

/* ---------------------------------------------------------------------------------------------- */
/* word/document.xml                                                                               */

struct _KspDocxBuilder
{
  xmlBufferPtr     buf;
  xmlTextWriterPtr w;
  KspDocxPage      page;
  GChecksum       *visible;    /* the visible text as ksp_docx_text_fingerprint() reads it back */
  GString         *paragraph;  /* the text of the paragraph being written */
};

KspDocxBuilder *
ksp_docx_builder_new (const KspDocxPage *page)
{
  KspDocxBuilder *self;

  g_return_val_if_fail (page != NULL, NULL);

  self = g_new0 (KspDocxBuilder, 1);
  self->page = *page;
  self->buf = xmlBufferCreate ();
  self->w = xmlNewTextWriterMemory (self->buf, 0);
  self->visible = g_checksum_new (G_CHECKSUM_SHA256);
  self->paragraph = g_string_new (NULL);

  xmlTextWriterStartDocument (self->w, "1.0", "UTF-8", "yes");
  xmlTextWriterStartElement (self->w, BAD_CAST "w:document");
  xmlTextWriterWriteAttribute (self->w, BAD_CAST "xmlns:w", BAD_CAST KSP_DOCX_W_NS);
  xmlTextWriterWriteAttribute (self->w, BAD_CAST "xmlns:r", BAD_CAST KSP_DOCX_R_NS);
  xmlTextWriterStartElement (self->w, BAD_CAST "w:body");
  return self;
}

void
ksp_docx_builder_free (KspDocxBuilder *self)
{
  if (self == NULL)
    return;
  if (self->w)
    xmlFreeTextWriter (self->w);
  if (self->buf)
    xmlBufferFree (self->buf);
  g_checksum_free (self->visible);
  g_string_free (self->paragraph, TRUE);
  g_free (self);
}

const KspDocxPage *
ksp_docx_builder_get_page (KspDocxBuilder *self)
{
  return &self->page;
}

/* An empty element with an optional w:val. */
static void
empty (KspDocxBuilder *self,
       const char     *name,
       const char     *val)
{
  xmlTextWriterStartElement (self->w, BAD_CAST name);
  if (val)
    xmlTextWriterWriteAttribute (self->w, BAD_CAST "w:val", BAD_CAST val);
  xmlTextWriterEndElement (self->w);
}

void
ksp_docx_builder_para_begin (KspDocxBuilder *self,
                             const char     *style,
                             KspDocxFlags    flags)
{
  xmlTextWriterStartElement (self->w, BAD_CAST "w:p");
  xmlTextWriterStartElement (self->w, BAD_CAST "w:pPr");
  if (style)
    empty (self, "w:pStyle", style);
  if (flags & KSP_DOCX_KEEP_NEXT)
    empty (self, "w:keepNext", NULL);
  if (flags & KSP_DOCX_PAGE_BREAK)
    empty (self, "w:pageBreakBefore", NULL);
  if (flags & (KSP_DOCX_CENTER | KSP_DOCX_RIGHT))
    empty (self, "w:jc", (flags & KSP_DOCX_CENTER) ? "center" : "right");
  xmlTextWriterEndElement (self->w); /* pPr */
}

void
ksp_docx_builder_run_sized (KspDocxBuilder *self,
                            const char     *text,
                            KspDocxFlags    flags,
                            int             half_points)
{
  if (text == NULL || *text == '\0')
    return;
  xmlTextWriterStartElement (self->w, BAD_CAST "w:r");
  if ((flags & KSP_DOCX_RUN_FLAGS) || half_points > 0)
    {
      /* in the order of CT_RPr */
      xmlTextWriterStartElement (self->w, BAD_CAST "w:rPr");
      if (flags & KSP_DOCX_BOLD)
        empty (self, "w:b", NULL);
      if (flags & KSP_DOCX_ITALIC)
        empty (self, "w:i", NULL);
      if (flags & KSP_DOCX_STRIKE)
        empty (self, "w:strike", NULL);
      if (half_points > 0)
        {
          char size[16];
          g_snprintf (size, sizeof size, "%d", half_points);
          empty (self, "w:sz", size);
          empty (self, "w:szCs", size);
        }
      xmlTextWriterEndElement (self->w);
    }
  xmlTextWriterStartElement (self->w, BAD_CAST "w:t");
  xmlTextWriterWriteAttribute (self->w, BAD_CAST "xml:space", BAD_CAST "preserve");
  xmlTextWriterWriteString (self->w, BAD_CAST text);
  g_string_append (self->paragraph, text);
  xmlTextWriterEndElement (self->w);
  xmlTextWriterEndElement (self->w);
}

void
ksp_docx_builder_run (KspDocxBuilder *self,
                      const char     *text,
                      KspDocxFlags    flags)
{
  ksp_docx_builder_run_sized (self, text, flags, 0);
}

void
ksp_docx_builder_para_end (KspDocxBuilder *self)
{
  xmlTextWriterEndElement (self->w);
  /* The fingerprint is computed as the paragraphs are written, so the package is not parsed again;
   * test-docx checks that the reader's fingerprint of the result is the same. */
  if (self->paragraph->len)
    {
      g_checksum_update (self->visible, (const guchar *) self->paragraph->str, self->paragraph->len);
      g_checksum_update (self->visible, (const guchar *) "\n", 1);
      g_string_truncate (self->paragraph, 0);
    }
}

void
ksp_docx_builder_paras (KspDocxBuilder *self,
                        const char     *style,
                        KspDocxFlags    flags,
                        const char     *prefix,
                        const char     *text)
{
  g_auto (GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  KspDocxFlags run_flags = flags & KSP_DOCX_RUN_FLAGS;

  for (guint i = 0; lines[i] || i == 0; i++)
    {
      ksp_docx_builder_para_begin (self, style, i == 0 ? flags : (flags & ~KSP_DOCX_PAGE_BREAK));
      if (i == 0 && prefix)
        {
          ksp_docx_builder_run (self, prefix, run_flags);
          if (lines[0] && *lines[0])
            ksp_docx_builder_run (self, " ", KSP_DOCX_NONE);
        }
      ksp_docx_builder_run (self, lines[i], run_flags);
      ksp_docx_builder_para_end (self);
      if (lines[i] == NULL)
        break;
    }
}

void
ksp_docx_builder_table_begin (KspDocxBuilder *self,
                              const char     *style,
                              gboolean        borders,
                              const int      *widths,
                              guint           n_columns)
{
  int total = 0;

  for (guint i = 0; i < n_columns; i++)
    total += widths[i];
  xmlTextWriterStartElement (self->w, BAD_CAST "w:tbl");
  xmlTextWriterStartElement (self->w, BAD_CAST "w:tblPr");
  empty (self, "w:tblStyle", style);
  xmlTextWriterStartElement (self->w, BAD_CAST "w:tblW");
  xmlTextWriterWriteFormatAttribute (self->w, BAD_CAST "w:w", "%d", total);
  xmlTextWriterWriteAttribute (self->w, BAD_CAST "w:type", BAD_CAST "dxa");
  xmlTextWriterEndElement (self->w);
  if (!borders)
    {
      static const char *const sides[] = { "w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV" };
      xmlTextWriterStartElement (self->w, BAD_CAST "w:tblBorders");
      for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
        empty (self, sides[i], "nil");
      xmlTextWriterEndElement (self->w);
    }
  xmlTextWriterStartElement (self->w, BAD_CAST "w:tblLayout");
  xmlTextWriterWriteAttribute (self->w, BAD_CAST "w:type", BAD_CAST "fixed");
  xmlTextWriterEndElement (self->w);
  xmlTextWriterEndElement (self->w); /* tblPr */
  xmlTextWriterStartElement (self->w, BAD_CAST "w:tblGrid");
  for (guint i = 0; i < n_columns; i++)
    {
      xmlTextWriterStartElement (self->w, BAD_CAST "w:gridCol");
      xmlTextWriterWriteFormatAttribute (self->w, BAD_CAST "w:w", "%d", widths[i]);
      xmlTextWriterEndElement (self->w);
    }
  xmlTextWriterEndElement (self->w);
}

void
ksp_docx_builder_table_end (KspDocxBuilder *self)
{
  xmlTextWriterEndElement (self->w); /* tbl */
}

void
ksp_docx_builder_row_begin (KspDocxBuilder  *self,
                            KspDocxRowFlags  flags)
{
  xmlTextWriterStartElement (self->w, BAD_CAST "w:tr");
  if (flags != KSP_DOCX_ROW_NONE)
    {
      xmlTextWriterStartElement (self->w, BAD_CAST "w:trPr");
      if (flags & KSP_DOCX_ROW_CANT_SPLIT)
        empty (self, "w:cantSplit", NULL);
      if (flags & KSP_DOCX_ROW_HEADER)
        empty (self, "w:tblHeader", NULL);
      xmlTextWriterEndElement (self->w);
    }
}

void
ksp_docx_builder_row_end (KspDocxBuilder *self)
{
  xmlTextWriterEndElement (self->w); /* tr */
}

void
ksp_docx_builder_cell_begin (KspDocxBuilder *self,
                             int             width,
                             int             span,
                             KspDocxMerge    merge)
{
  xmlTextWriterStartElement (self->w, BAD_CAST "w:tc");
  xmlTextWriterStartElement (self->w, BAD_CAST "w:tcPr");
  xmlTextWriterStartElement (self->w, BAD_CAST "w:tcW");
  xmlTextWriterWriteFormatAttribute (self->w, BAD_CAST "w:w", "%d", width);
  xmlTextWriterWriteAttribute (self->w, BAD_CAST "w:type", BAD_CAST "dxa");
  xmlTextWriterEndElement (self->w);
  if (span > 1)
    {
      xmlTextWriterStartElement (self->w, BAD_CAST "w:gridSpan");
      xmlTextWriterWriteFormatAttribute (self->w, BAD_CAST "w:val", "%d", span);
      xmlTextWriterEndElement (self->w);
    }
  if (merge != KSP_DOCX_MERGE_NONE)
    empty (self, "w:vMerge", merge == KSP_DOCX_MERGE_RESTART ? "restart" : NULL);
  xmlTextWriterEndElement (self->w); /* tcPr */
}

void
ksp_docx_builder_cell_end (KspDocxBuilder *self,
                           gboolean        wrote_paragraph)
{
  if (!wrote_paragraph)
    {
      ksp_docx_builder_para_begin (self, "KspCell", KSP_DOCX_NONE);
      ksp_docx_builder_para_end (self);
    }
  xmlTextWriterEndElement (self->w); /* tc */
}

static void
write_section_properties (KspDocxBuilder *self)
{
  const KspDocxPage *p = &self->page;

  xmlTextWriterStartElement (self->w, BAD_CAST "w:sectPr");
  if (p->header_rel)
    {
      xmlTextWriterStartElement (self->w, BAD_CAST "w:headerReference");
      xmlTextWriterWriteAttribute (self->w, BAD_CAST "w:type", BAD_CAST "default");
      xmlTextWriterWriteAttribute (self->w, BAD_CAST "r:id", BAD_CAST p->header_rel);
      xmlTextWriterEndElement (self->w);
    }
  xmlTextWriterStartElement (self->w, BAD_CAST "w:pgSz");
  xmlTextWriterWriteFormatAttribute (self->w, BAD_CAST "w:w", "%d", p->width);
  xmlTextWriterWriteFormatAttribute (self->w, BAD_CAST "w:h", "%d", p->height);
  if (p->landscape)
    xmlTextWriterWriteAttribute (self->w, BAD_CAST "w:orient", BAD_CAST "landscape");
  xmlTextWriterEndElement (self->w);
  xmlTextWriterStartElement (self->w, BAD_CAST "w:pgMar");
  xmlTextWriterWriteFormatAttribute (self->w, BAD_CAST "w:top", "%d", p->margin_top);
  xmlTextWriterWriteFormatAttribute (self->w, BAD_CAST "w:right", "%d", p->margin_right);
  xmlTextWriterWriteFormatAttribute (self->w, BAD_CAST "w:bottom", "%d", p->margin_bottom);
  xmlTextWriterWriteFormatAttribute (self->w, BAD_CAST "w:left", "%d", p->margin_left);
  xmlTextWriterWriteFormatAttribute (self->w, BAD_CAST "w:header", "%d", p->header);
  xmlTextWriterWriteFormatAttribute (self->w, BAD_CAST "w:footer", "%d", p->footer);
  xmlTextWriterWriteAttribute (self->w, BAD_CAST "w:gutter", BAD_CAST "0");
  xmlTextWriterEndElement (self->w);
  xmlTextWriterEndElement (self->w);
}

char *
ksp_docx_builder_finish (KspDocxBuilder *self,
                         gsize          *out_length)
{
  char *out;

  g_return_val_if_fail (self->w != NULL, NULL);

  write_section_properties (self);
  xmlTextWriterEndElement (self->w); /* body */
  xmlTextWriterEndElement (self->w); /* document */
  xmlTextWriterEndDocument (self->w);
  g_clear_pointer (&self->w, xmlFreeTextWriter);
  out = g_strndup ((const char *) xmlBufferContent (self->buf), xmlBufferLength (self->buf));
  if (out_length)
    *out_length = xmlBufferLength (self->buf);
  g_clear_pointer (&self->buf, xmlBufferFree);
  return out;
}

const char *
ksp_docx_builder_get_fingerprint (KspDocxBuilder *self)
{
  return g_checksum_get_string (self->visible);
}

gboolean
ksp_docx_check_tree_text (KspNode  *node,
                          GError  **error)
{
  const KspKindSpec *spec = ksp_node_get_kind_spec (node);

  for (guint f = 0; f < spec->n_fields; f++)
    for (guint l = 0; l < KSP_N_LANGS; l++)
      {
        const char *v = ksp_node_get_value (node, spec->fields[f].name, l);
        for (const char *p = v; p && *p; p++)
          if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
            {
              g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_NOT_TEXT,
                           "element %s, field %s: control character 0x%02X cannot be exported",
                           ksp_node_get_id (node), spec->fields[f].name, (guchar) *p);
              return FALSE;
            }
      }
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    if (!ksp_docx_check_tree_text (ksp_node_get_child (node, i), error))
      return FALSE;
  return TRUE;
}

char *
ksp_docx_core_xml (const char *title,
                   KspLang     lang)
{
  xmlBufferPtr buf = xmlBufferCreate ();
  xmlTextWriterPtr w = xmlNewTextWriterMemory (buf, 0);
  char *out;

  xmlTextWriterStartDocument (w, "1.0", "UTF-8", "yes");
  xmlTextWriterStartElement (w, BAD_CAST "cp:coreProperties");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:cp",
                               BAD_CAST "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:dcterms", BAD_CAST "http://purl.org/dc/terms/");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:xsi", BAD_CAST "http://www.w3.org/2001/XMLSchema-instance");
  xmlTextWriterWriteElement (w, BAD_CAST "dc:title", BAD_CAST (title ? title : "Kasip"));
  xmlTextWriterWriteElement (w, BAD_CAST "dc:creator", BAD_CAST "Kasip");
  xmlTextWriterWriteElement (w, BAD_CAST "dc:language", BAD_CAST (lang == KSP_LANG_KK ? "kk-KZ" : "ru-RU"));
  /* Fixed, so that the same content gives the same bytes. */
  xmlTextWriterStartElement (w, BAD_CAST "dcterms:created");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xsi:type", BAD_CAST "dcterms:W3CDTF");
  xmlTextWriterWriteString (w, BAD_CAST "2000-01-01T00:00:00Z");
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);
  out = g_strndup ((const char *) xmlBufferContent (buf), xmlBufferLength (buf));
  xmlBufferFree (buf);
  return out;
}

/* ---------------------------------------------------------------------------------------------- */
/* the package                                                                                     */

struct _KspDocxPackage
{
  zip_source_t *src;  /* the package in memory */
  zip_t        *za;   /* NULL once closed */
};

KspDocxPackage *
ksp_docx_package_new (GError **error)
{
  KspDocxPackage *self = g_new0 (KspDocxPackage, 1);
  zip_error_t zerror;

  zip_error_init (&zerror);
  self->src = zip_source_buffer_create (NULL, 0, 0, &zerror);
  self->za = self->src ? zip_open_from_source (self->src, ZIP_TRUNCATE, &zerror) : NULL;
  if (self->za == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot create the package: %s",
                   zip_error_strerror (&zerror));
      zip_error_fini (&zerror);
      ksp_docx_package_free (self);
      return NULL;
    }
  zip_error_fini (&zerror);
  /* the source outlives the archive: the built package is read from it */
  zip_source_keep (self->src);
  return self;
}

void
ksp_docx_package_free (KspDocxPackage *self)
{
  if (self == NULL)
    return;
  if (self->za)
    zip_discard (self->za);
  if (self->src)
    zip_source_free (self->src);
  g_free (self);
}

gboolean
ksp_docx_package_add (KspDocxPackage  *self,
                      const char      *name,
                      char            *data,
                      gsize            length,
                      GError         **error)
{
  zip_source_t *src;
  zip_int64_t idx;

  g_return_val_if_fail (self->za != NULL, FALSE);

  src = zip_source_buffer (self->za, data, length, 1);
  if (src == NULL || (idx = zip_file_add (self->za, name, src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE)) < 0)
    {
      if (src)
        zip_source_free (src);
      else
        g_free (data);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot add %s to the package: %s", name,
                   zip_strerror (self->za));
      return FALSE;
    }
  /* 1980-01-01 00:00, the earliest zip time: byte-reproducible packages. Fast deflate: saving a
   * 21-card standard stays a matter of milliseconds (the package is ~25% larger than at level 6). */
  zip_file_set_dostime (self->za, idx, 0x0000, 0x0021, 0);
  zip_set_file_compression (self->za, idx, ZIP_CM_DEFLATE, 1);
  return TRUE;
}

static GBytes *
template_part (const char *name)
{
  g_autofree char *path = g_strconcat ("/kz/gov/enbek/Kasip/docx/", name, NULL);
  return g_resource_lookup_data (ksp_docx_get_resource (), path, 0, NULL);
}

/* @text without the element that names @target (which must be in it), for a package without the
 * embedded model. */
static char *
without_element (const char  *part,
                 const char  *text,
                 const char  *target,
                 GError     **error)
{
  const char *at = strstr (text, target);
  const char *start, *end;

  start = at ? g_strrstr_len (text, at - text, "<") : NULL;
  end = at ? strstr (at, "/>") : NULL;
  if (start == NULL || end == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the DOCX template's %s does not name %s", part, target);
      return NULL;
    }
  end += 2;
  {
    GString *out = g_string_new_len (text, start - text);
    g_string_append (out, end);
    return g_string_free (out, FALSE);
  }
}

gboolean
ksp_docx_package_add_template (KspDocxPackage  *self,
                               gboolean         custom_xml,
                               GError         **error)
{
  static const struct { const char *entry; const char *resource; const char *model_target; } parts[] = {
    { "[Content_Types].xml", "content-types.xml", "\"/customXml/item1.xml\"" },
    { "_rels/.rels", "rels.xml", NULL },
    { "word/_rels/document.xml.rels", "document-rels.xml", "\"../customXml/item1.xml\"" },
    { "word/styles.xml", "styles.xml", NULL },
    { "word/settings.xml", "settings.xml", NULL },
    { "word/numbering.xml", "numbering.xml", NULL },
    { "word/header1.xml", "header1.xml", NULL },
    { "docProps/app.xml", "app.xml", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr (GBytes) bytes = template_part (parts[i].resource);
      gsize len = 0;
      const char *data;
      char *copy;

      if (bytes == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "the DOCX template has no %s", parts[i].resource);
          return FALSE;
        }
      data = g_bytes_get_data (bytes, &len);
      if (custom_xml || parts[i].model_target == NULL)
        copy = g_memdup2 (data, len);
      else
        {
          /* GResource data ends with a NUL byte */
          if (!(copy = without_element (parts[i].resource, data, parts[i].model_target, error)))
            return FALSE;
          len = strlen (copy);
        }
      if (!ksp_docx_package_add (self, parts[i].entry, copy, len, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ksp_docx_package_write_file (KspDocxPackage  *self,
                             const char      *path,
                             GError         **error)
{
  zip_stat_t st;
  g_autofree char *bytes = NULL;
  gboolean ok;

  g_return_val_if_fail (self->za != NULL, FALSE);

  if (zip_close (self->za) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: cannot write: %s", path, zip_strerror (self->za));
      return FALSE;
    }
  self->za = NULL;
  zip_stat_init (&st);
  if (zip_source_stat (self->src, &st) != 0 || zip_source_open (self->src) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: cannot write: the package was not built", path);
      return FALSE;
    }
  bytes = g_malloc (st.size + 1);
  ok = zip_source_read (self->src, bytes, st.size) == (zip_int64_t) st.size;
  zip_source_close (self->src);
  if (!ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: cannot write: the package was not built", path);
      return FALSE;
    }
  /* The package is built in memory and written in one step: a killed export leaves neither a
   * half-written file nor a temporary one in the user's folder. */
  return ksp_atomic_file_write (path, bytes, st.size, error);
}
