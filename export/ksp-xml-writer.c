/* ksp-xml-writer.c: a document as Kasip XML */
#include "ksp-atomic-file.h"
#include "ksp-xml-writer.h"

#include <gio/gio.h>
#include <libxml/xmlwriter.h>

#include "ksp-xml-schema.h"

typedef struct
{
  xmlTextWriterPtr  w;
  GHashTable       *ids;     /* IDs written so far: they must be unique */
  gboolean          failed;  /* libxml2 reported an error */
} Writer;

/* XML 1.0 Char: TAB, LF, CR and everything from U+0020 except U+FFFE/U+FFFF (surrogates are not UTF-8). */
static gboolean
check_text (KspNode     *node,
            const char  *what,
            const char  *text,
            GError     **error)
{
  const char *end;
  glong i = 0;

  if (!g_utf8_validate (text, -1, &end))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s %s: %s is not valid UTF-8 (byte %ld): not written as XML",
                   node ? ksp_node_get_kind (node) : KSP_XML_EDITION, node ? ksp_node_get_id (node) : "",
                   what, (long) (end - text));
      return FALSE;
    }
  for (const char *p = text; *p; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s %s: %s holds the control character U+%04X at character %ld, which XML cannot hold",
                       node ? ksp_node_get_kind (node) : KSP_XML_EDITION, node ? ksp_node_get_id (node) : "",
                       what, c, i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

static void
track (Writer *wr,
       int     rc)
{
  if (rc < 0)
    wr->failed = TRUE;
}

static gboolean
write_attribute (Writer      *wr,
                 KspNode     *node,
                 const char  *name,
                 const char  *value,
                 GError     **error)
{
  g_autofree char *what = g_strdup_printf ("attribute %s", name);

  if (!check_text (node, what, value, error))
    return FALSE;
  track (wr, xmlTextWriterWriteAttribute (wr->w, BAD_CAST name, BAD_CAST value));
  return TRUE;
}

static gboolean
write_bilingual (Writer             *wr,
                 KspNode            *node,
                 const KspFieldSpec *field,
                 GError            **error)
{
  static const KspLang langs[] = { KSP_LANG_KK, KSP_LANG_RU };

  if (ksp_node_get_value (node, field->name, KSP_LANG_KK) == NULL
      && ksp_node_get_value (node, field->name, KSP_LANG_RU) == NULL)
    return TRUE;

  track (wr, xmlTextWriterStartElement (wr->w, BAD_CAST field->name));
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      const char *value = ksp_node_get_value (node, field->name, langs[l]);
      g_autofree char *what = NULL;

      if (value == NULL)
        continue;
      what = g_strdup_printf ("field %s [%s]", field->name, ksp_lang_to_string (langs[l]));
      if (!check_text (node, what, value, error))
        return FALSE;
      track (wr, xmlTextWriterStartElement (wr->w, BAD_CAST ksp_lang_to_string (langs[l])));
      if (*value)
        track (wr, xmlTextWriterWriteString (wr->w, BAD_CAST value));
      track (wr, xmlTextWriterEndElement (wr->w));
    }
  track (wr, xmlTextWriterEndElement (wr->w));
  return TRUE;
}

static gboolean
write_node (Writer   *wr,
            KspNode  *node,
            GError  **error)
{
  const KspKindSpec *kind = ksp_node_get_kind_spec (node);
  const char *id = ksp_node_get_id (node);
  const char *number = ksp_node_get_number (node);
  guint line = ksp_node_get_src_line (node);
  guint n = ksp_node_get_n_children (node);

  if (id == NULL || *id == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "a %s element has no ID: not written as XML",
                   kind->name);
      return FALSE;
    }
  if (!g_hash_table_add (wr->ids, (gpointer) id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s %s: the ID is used by another element too: not written as XML", kind->name, id);
      return FALSE;
    }

  track (wr, xmlTextWriterStartElement (wr->w, BAD_CAST kind->name));
  if (!write_attribute (wr, node, KSP_XML_ATTR_ID, id, error))
    return FALSE;
  if (number && !write_attribute (wr, node, KSP_XML_ATTR_NUMBER, number, error))
    return FALSE;
  if (line != 0)
    {
      char buf[16];
      g_snprintf (buf, sizeof buf, "%u", line);
      track (wr, xmlTextWriterWriteAttribute (wr->w, BAD_CAST KSP_XML_ATTR_LINE, BAD_CAST buf));
    }
  for (guint f = 0; f < kind->n_fields; f++)
    {
      const KspFieldSpec *field = &kind->fields[f];
      const char *value;

      if (ksp_field_is_bilingual (field))
        continue;
      value = ksp_node_get_value (node, field->name, KSP_LANG_NONE);
      if (value && !write_attribute (wr, node, field->name, value, error))
        return FALSE;
    }

  for (guint f = 0; f < kind->n_fields; f++)
    if (ksp_field_is_bilingual (&kind->fields[f]) && !write_bilingual (wr, node, &kind->fields[f], error))
      return FALSE;

  for (guint i = 0; i < n; i++)
    if (!write_node (wr, ksp_node_get_child (node, i), error))
      return FALSE;

  track (wr, xmlTextWriterEndElement (wr->w));
  return TRUE;
}

static gboolean
write_edition (Writer               *wr,
               const KspEditionInfo *edition,
               GError              **error)
{
  char buf[16];

  track (wr, xmlTextWriterStartElement (wr->w, BAD_CAST KSP_XML_EDITION));
  g_snprintf (buf, sizeof buf, "%d", edition->number);
  track (wr, xmlTextWriterWriteAttribute (wr->w, BAD_CAST "number", BAD_CAST buf));
  g_snprintf (buf, sizeof buf, "%d", edition->year);
  track (wr, xmlTextWriterWriteAttribute (wr->w, BAD_CAST "year", BAD_CAST buf));
  if (edition->date && !write_attribute (wr, NULL, "date", edition->date, error))
    return FALSE;
  if (edition->note && !write_attribute (wr, NULL, "note", edition->note, error))
    return FALSE;
  if (edition->act && !write_attribute (wr, NULL, "act", edition->act, error))
    return FALSE;
  track (wr, xmlTextWriterEndElement (wr->w));
  return TRUE;
}

/**
 * ksp_xml_writer_write:
 * @root: a document element (a kind no other kind holds)
 * @edition: (nullable): the edition the tree is, written as <edition>
 * @out_length: (out) (optional): length of the result in bytes
 *
 * Returns: (transfer full): the UTF-8 XML text, or %NULL with @error set (G_IO_ERROR_INVALID_DATA) when
 * the tree holds something XML cannot hold or that could not be read back (duplicate or empty IDs).
 */
char *
ksp_xml_writer_write (KspNode              *root,
                      const KspEditionInfo *edition,
                      gsize                *out_length,
                      GError              **error)
{
  Writer wr = { 0 };
  xmlBufferPtr buf;
  gboolean ok;
  char *result = NULL;

  g_return_val_if_fail (KSP_IS_NODE (root), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ksp_xml_schema_is_root_kind (ksp_node_get_kind_spec (root)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s %s: Kasip XML holds a whole document, not a %s element", ksp_node_get_kind (root),
                   ksp_node_get_id (root), ksp_node_get_kind (root));
      return NULL;
    }

  buf = xmlBufferCreate ();
  wr.w = xmlNewTextWriterMemory (buf, 0);
  wr.ids = g_hash_table_new (g_str_hash, g_str_equal);
  track (&wr, xmlTextWriterSetIndent (wr.w, 1));
  track (&wr, xmlTextWriterSetIndentString (wr.w, BAD_CAST "  "));
  track (&wr, xmlTextWriterStartDocument (wr.w, "1.0", "UTF-8", NULL));
  track (&wr, xmlTextWriterStartElementNS (wr.w, NULL, BAD_CAST KSP_XML_ROOT, BAD_CAST KSP_XML_NAMESPACE));
  track (&wr, xmlTextWriterWriteAttribute (wr.w, BAD_CAST "version", BAD_CAST KSP_XML_VERSION));

  ok = (edition == NULL || write_edition (&wr, edition, error)) && write_node (&wr, root, error);
  if (ok)
    {
      track (&wr, xmlTextWriterEndElement (wr.w));
      track (&wr, xmlTextWriterEndDocument (wr.w));
    }
  xmlFreeTextWriter (wr.w);
  g_hash_table_unref (wr.ids);

  if (ok && wr.failed)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "libxml2 could not write the XML");
      ok = FALSE;
    }
  if (ok)
    {
      result = g_strndup ((const char *) xmlBufferContent (buf), xmlBufferLength (buf));
      if (out_length)
        *out_length = xmlBufferLength (buf);
    }
  xmlBufferFree (buf);
  return result;
}

/**
 * ksp_xml_writer_write_file:
 *
 * Writes ksp_xml_writer_write() to @path atomically: the file is either the whole new XML or untouched.
 */
gboolean
ksp_xml_writer_write_file (KspNode              *root,
                           const KspEditionInfo *edition,
                           const char           *path,
                           GError              **error)
{
  gsize length;
  g_autofree char *xml = ksp_xml_writer_write (root, edition, &length, error);

  g_return_val_if_fail (path != NULL, FALSE);

  if (xml == NULL)
    return FALSE;
  return ksp_atomic_file_write (path, xml, length, error);
}
