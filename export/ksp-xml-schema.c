/* ksp-xml-schema.c: the XML Schema of Kasip XML, built from the registry */
#include "ksp-xml-schema.h"

#include <libxml/xmlwriter.h>
#include <string.h>

#define XS "http://www.w3.org/2001/XMLSchema"

/* Helper types are named "kasip.*": a dot cannot occur in a kind name, so they never clash. */
#define TYPE_TEXT    "kasip.text"
#define TYPE_ID      "kasip.id"
#define TYPE_LINE    "kasip.line"
#define TYPE_EDITION "kasip.edition"

/**
 * ksp_xml_schema_is_root_kind:
 *
 * Returns: whether no kind of the registry allows @kind as a child: such a kind (the document) is what
 * <kasip> holds.
 */
gboolean
ksp_xml_schema_is_root_kind (const KspKindSpec *kind)
{
  guint n;
  const KspKindSpec *const *kinds = ksp_schema_list_kinds (&n);

  for (guint i = 0; i < n; i++)
    if (ksp_kind_allows_child (kinds[i], kind->name))
      return FALSE;
  return TRUE;
}

static gboolean
is_identifier (const char *name)
{
  if (name == NULL || !(g_ascii_islower (*name) || *name == '_'))
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
      return FALSE;
  return TRUE;
}

/**
 * ksp_xml_schema_check_registry:
 *
 * Checks that the registry maps onto the XML format without ambiguity: kind and field names are plain
 * identifiers, no neutral field is called id, number or line (those attributes are taken), and no
 * bilingual field has the name of a kind allowed as a child of the same kind.
 *
 * Returns: (nullable): %NULL when the registry is fine, or a description of the first problem.
 */
char *
ksp_xml_schema_check_registry (void)
{
  guint n;
  const KspKindSpec *const *kinds = ksp_schema_list_kinds (&n);

  for (guint i = 0; i < n; i++)
    {
      const KspKindSpec *kind = kinds[i];

      if (!is_identifier (kind->name) || strcmp (kind->name, KSP_XML_ROOT) == 0
          || strcmp (kind->name, KSP_XML_EDITION) == 0)
        return g_strdup_printf ("kind \"%s\" cannot be an XML element name", kind->name);
      for (guint f = 0; f < kind->n_fields; f++)
        {
          const KspFieldSpec *field = &kind->fields[f];

          if (!is_identifier (field->name))
            return g_strdup_printf ("%s.%s is not a plain identifier", kind->name, field->name);
          if (!ksp_field_is_bilingual (field)
              && (strcmp (field->name, KSP_XML_ATTR_ID) == 0 || strcmp (field->name, KSP_XML_ATTR_NUMBER) == 0
                  || strcmp (field->name, KSP_XML_ATTR_LINE) == 0))
            return g_strdup_printf ("neutral field %s.%s clashes with the attribute of the same name",
                                    kind->name, field->name);
          if (ksp_field_is_bilingual (field) && ksp_kind_allows_child (kind, field->name))
            return g_strdup_printf ("bilingual field %s.%s has the name of a child kind of %s",
                                    kind->name, field->name, kind->name);
        }
    }
  return NULL;
}

static void
attribute (xmlTextWriterPtr w,
           const char      *name,
           const char      *value)
{
  xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST value);
}

static void
start (xmlTextWriterPtr w,
       const char      *name)
{
  xmlTextWriterStartElementNS (w, BAD_CAST "xs", BAD_CAST name, NULL);
}

static void
end (xmlTextWriterPtr w)
{
  xmlTextWriterEndElement (w);
}

static void
xs_attribute (xmlTextWriterPtr w,
              const char      *name,
              const char      *type,
              gboolean         required)
{
  start (w, "attribute");
  attribute (w, "name", name);
  attribute (w, "type", type);
  if (required)
    attribute (w, "use", "required");
  end (w);
}

static void
xs_element (xmlTextWriterPtr w,
            const char      *name,
            const char      *type,
            gboolean         optional)
{
  start (w, "element");
  attribute (w, "name", name);
  attribute (w, "type", type);
  if (optional)
    attribute (w, "minOccurs", "0");
  end (w);
}

static void
write_kind_type (xmlTextWriterPtr   w,
                 const KspKindSpec *kind)
{
  g_autofree char *comment = g_strdup_printf (" %s / %s ", kind->label_ru, kind->label_kk);

  xmlTextWriterWriteComment (w, BAD_CAST comment);
  start (w, "complexType");
  attribute (w, "name", kind->name);
  start (w, "sequence");
  for (guint f = 0; f < kind->n_fields; f++)
    if (ksp_field_is_bilingual (&kind->fields[f]))
      xs_element (w, kind->fields[f].name, "k:" TYPE_TEXT, TRUE);
  if (kind->children && kind->children[0])
    {
      start (w, "choice");
      attribute (w, "minOccurs", "0");
      attribute (w, "maxOccurs", "unbounded");
      for (guint c = 0; kind->children[c]; c++)
        {
          g_autofree char *type = g_strconcat ("k:", kind->children[c], NULL);
          xs_element (w, kind->children[c], type, FALSE);
        }
      end (w);
    }
  end (w); /* sequence */
  xs_attribute (w, KSP_XML_ATTR_ID, "k:" TYPE_ID, TRUE);
  xs_attribute (w, KSP_XML_ATTR_NUMBER, "xs:string", FALSE);
  xs_attribute (w, KSP_XML_ATTR_LINE, "k:" TYPE_LINE, FALSE);
  for (guint f = 0; f < kind->n_fields; f++)
    if (!ksp_field_is_bilingual (&kind->fields[f]))
      xs_attribute (w, kind->fields[f].name, "xs:string", FALSE);
  end (w); /* complexType */
}

static void
write_root (xmlTextWriterPtr          w,
            const KspKindSpec *const *kinds,
            guint                     n)
{
  start (w, "element");
  attribute (w, "name", KSP_XML_ROOT);
  start (w, "complexType");
  start (w, "sequence");
  xs_element (w, KSP_XML_EDITION, "k:" TYPE_EDITION, TRUE);
  start (w, "choice");
  for (guint i = 0; i < n; i++)
    if (ksp_xml_schema_is_root_kind (kinds[i]))
      {
        g_autofree char *type = g_strconcat ("k:", kinds[i]->name, NULL);
        xs_element (w, kinds[i]->name, type, FALSE);
      }
  end (w); /* choice */
  end (w); /* sequence */
  start (w, "attribute");
  attribute (w, "name", "version");
  attribute (w, "type", "xs:string");
  attribute (w, "use", "required");
  attribute (w, "fixed", KSP_XML_VERSION);
  end (w);
  end (w); /* complexType */
  /* Element IDs are unique in the whole file. */
  start (w, "unique");
  attribute (w, "name", "unique-id");
  start (w, "selector");
  attribute (w, "xpath", ".//*");
  end (w);
  start (w, "field");
  attribute (w, "xpath", "@" KSP_XML_ATTR_ID);
  end (w);
  end (w); /* unique */
  end (w); /* element */
}

static void
write_helper_types (xmlTextWriterPtr w)
{
  start (w, "complexType");
  attribute (w, "name", TYPE_EDITION);
  xs_attribute (w, "number", "xs:int", TRUE);
  xs_attribute (w, "year", "xs:int", TRUE);
  xs_attribute (w, "date", "xs:string", FALSE);
  xs_attribute (w, "note", "xs:string", FALSE);
  xs_attribute (w, "act", "xs:string", FALSE);
  end (w);

  xmlTextWriterWriteComment (w, BAD_CAST " A bilingual value: absent language = no element; text kept exactly ");
  start (w, "complexType");
  attribute (w, "name", TYPE_TEXT);
  start (w, "sequence");
  xs_element (w, ksp_lang_to_string (KSP_LANG_KK), "xs:string", TRUE);
  xs_element (w, ksp_lang_to_string (KSP_LANG_RU), "xs:string", TRUE);
  end (w);
  end (w);

  start (w, "simpleType");
  attribute (w, "name", TYPE_ID);
  start (w, "restriction");
  attribute (w, "base", "xs:string");
  start (w, "minLength");
  attribute (w, "value", "1");
  end (w);
  end (w);
  end (w);

  start (w, "simpleType");
  attribute (w, "name", TYPE_LINE);
  start (w, "restriction");
  attribute (w, "base", "xs:unsignedInt");
  start (w, "minInclusive");
  attribute (w, "value", "1");
  end (w);
  end (w);
  end (w);
}

/**
 * ksp_xml_schema_generate:
 *
 * Returns: (transfer full): the XML Schema (XSD 1.0) of Kasip XML version 1 for the current registry, as
 * shipped in data/kasip-1.xsd.
 */
char *
ksp_xml_schema_generate (void)
{
  xmlBufferPtr buf = xmlBufferCreate ();
  xmlTextWriterPtr w = xmlNewTextWriterMemory (buf, 0);
  guint n;
  const KspKindSpec *const *kinds = ksp_schema_list_kinds (&n);
  char *result;

  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, BAD_CAST "  ");
  xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL);
  xmlTextWriterWriteComment (w, BAD_CAST " Kasip XML, version " KSP_XML_VERSION ". Generated from the element "
                             "registry (model/ksp-schema.c) by ksp_xml_schema_generate (): do not edit, "
                             "regenerate with BUILDDIR/tests/gen-xsd > data/kasip-1.xsd. See docs/xml-format.md. ");
  start (w, "schema");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:xs", BAD_CAST XS);
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:k", BAD_CAST KSP_XML_NAMESPACE);
  attribute (w, "targetNamespace", KSP_XML_NAMESPACE);
  attribute (w, "elementFormDefault", "qualified");
  attribute (w, "attributeFormDefault", "unqualified");

  write_root (w, kinds, n);
  write_helper_types (w);
  for (guint i = 0; i < n; i++)
    write_kind_type (w, kinds[i]);

  end (w); /* schema */
  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);

  result = g_strndup ((const char *) xmlBufferContent (buf), xmlBufferLength (buf));
  xmlBufferFree (buf);
  return result;
}
