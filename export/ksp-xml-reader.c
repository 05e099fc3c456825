/* ksp-xml-reader.c: Kasip XML back into a tree */
#include "ksp-xml-reader.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "ksp-xml-schema.h"

#define XINCLUDE_NS_2001 "http://www.w3.org/2001/XInclude"
#define XINCLUDE_NS_2003 "http://www.w3.org/2003/XInclude"

typedef struct
{
  const char *name;      /* file name for messages */
  GHashTable *ids;       /* id (owned) -> first line */
} Reader;

/* Parser state, reached from SAX callbacks through ctxt->_private. */
typedef struct
{
  long     doctype_line;   /* a DOCTYPE was met here: parsing was stopped */
  gboolean has_error;
  int      error_code;     /* the first libxml2 error */
  int      error_line;
  gboolean error_at_end;   /* the first error came at the end of the input */
  char    *error_message;
} ParseState;

static void reader_error (Reader      *r,
                          GError     **error,
                          xmlNodePtr   at,
                          int          code,
                          const char  *format,
                          ...) G_GNUC_PRINTF (5, 6);

/* The line of @node; for text, the line of its first non-blank character (libxml2 gives the last). */
static long
node_line (xmlNodePtr node)
{
  long line = xmlGetLineNo (node);
  const xmlChar *p;

  if (node->type != XML_TEXT_NODE || node->content == NULL || line <= 0)
    return line;
  for (p = node->content; *p; p++)
    if (*p == '\n')
      line--;
  for (p = node->content; *p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'; p++)
    if (*p == '\n')
      line++;
  return line;
}

static void
reader_error (Reader      *r,
              GError     **error,
              xmlNodePtr   at,
              int          code,
              const char  *format,
              ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, KSP_IMPORT_ERROR, code, "%s:%ld: %s", r->name, at ? node_line (at) : 0L, message);
}

/* Sniffing: an optional UTF-8 BOM and blanks, then "<?xml" or "<kasip". */
static const char *
skip_bom_and_blanks (const char *data,
                     gsize       length,
                     gsize      *out_left)
{
  const char *p = data;
  const char *end = data + length;

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  *out_left = end - p;
  return p;
}

/**
 * ksp_xml_reader_sniff:
 *
 * Returns: whether @data looks like XML ("<?xml" or "<kasip" after an optional BOM and blanks), so the
 * caller should read it with ksp_xml_reader_read_data() rather than as a published text.
 */
gboolean
ksp_xml_reader_sniff (const char *data,
                      gsize       length)
{
  gsize left;
  const char *p;

  if (data == NULL)
    return FALSE;
  p = skip_bom_and_blanks (data, length, &left);
  return (left >= 5 && memcmp (p, "<?xml", 5) == 0) || (left >= 6 && memcmp (p, "<kasip", 6) == 0);
}

static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

static gboolean
check_input (const char  *data,
             gsize        length,
             const char  *name,
             GError     **error)
{
  const char *nul;
  const char *bad;
  gsize left;

  if (length > KSP_XML_MAX_BYTES)
    {
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_UNREADABLE,
                   "%s: %" G_GSIZE_FORMAT " bytes is more than the %d MB a Kasip XML file may have", name, length,
                   KSP_XML_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  if ((nul = memchr (data, '\0', length)) != NULL)
    {
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_NOT_TEXT,
                   "%s:%u: binary data (a NUL byte), not Kasip XML", name, line_at (data, nul - data));
      return FALSE;
    }
  if (!g_utf8_validate (data, length, &bad))
    {
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_NOT_TEXT,
                   "%s:%u: not UTF-8 text (Kasip XML is UTF-8)", name, line_at (data, bad - data));
      return FALSE;
    }
  skip_bom_and_blanks (data, length, &left);
  if (left == 0)
    {
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_NOT_TEXT, "%s:1: the file is empty", name);
      return FALSE;
    }
  if (!ksp_xml_reader_sniff (data, length))
    {
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_NOT_TEXT,
                   "%s:1: not XML: a Kasip XML file starts with <?xml", name);
      return FALSE;
    }
  return TRUE;
}

/* SAX: a DOCTYPE stops the parser before any declaration in it is read (no entities, no DTD). */
static void
refuse_doctype (void          *ctx,
                const xmlChar *name,
                const xmlChar *external_id,
                const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseState *state = ctxt->_private;

  state->doctype_line = ctxt->input ? ctxt->input->line : 0;
  xmlStopParser (ctxt);
}

static void
record_error (void        *ctx,
              xmlErrorPtr  err)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseState *state = ctxt->_private;

  if (state->has_error || err == NULL)
    return;
  state->has_error = TRUE;
  state->error_code = err->code;
  state->error_line = err->line;
  state->error_at_end = ctxt->input && ctxt->input->cur && ctxt->input->cur >= ctxt->input->end;
  /* libxml2 quotes the broken tag byte by byte: a Cyrillic name can be cut in the middle of a letter */
  state->error_message = g_strstrip (g_utf8_make_valid (err->message ? err->message : "not well-formed", -1));
}

static xmlDocPtr
parse (const char  *data,
       gsize        length,
       const char  *name,
       GError     **error)
{
  ParseState state = { 0 };
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  gboolean well_formed;

  xmlInitParser ();
  ctxt = xmlCreateMemoryParserCtxt (data, (int) length);
  if (ctxt == NULL)
    {
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_UNREADABLE, "%s: could not start the XML parser",
                   name);
      return NULL;
    }
  /* Never XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_XINCLUDE. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES
                             | XML_PARSE_NOCDATA);
  ctxt->_private = &state;
  ctxt->sax->internalSubset = refuse_doctype;
  ctxt->sax->serror = record_error;

  xmlParseDocument (ctxt);
  doc = ctxt->myDoc;
  ctxt->myDoc = NULL;
  well_formed = ctxt->wellFormed;
  xmlFreeParserCtxt (ctxt);

  if (state.doctype_line > 0 || !well_formed || doc == NULL)
    {
      if (state.doctype_line > 0)
        g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_FORMAT,
                     "%s:%ld: a DOCTYPE is not allowed in Kasip XML (DTDs and entities are refused)", name,
                     state.doctype_line);
      else
        {
          /* The parser ran out of input inside an element or a tag: the file was cut off. */
          gboolean truncated = state.error_at_end || state.error_code == XML_ERR_TAG_NOT_FINISHED;
          g_set_error (error, KSP_IMPORT_ERROR, truncated ? KSP_IMPORT_ERROR_TRUNCATED : KSP_IMPORT_ERROR_FORMAT,
                       "%s:%d: not well-formed XML%s: %s", name, state.error_line,
                       truncated ? " (the file seems cut off)" : "",
                       state.error_message ? state.error_message : "parse error");
        }
      g_free (state.error_message);
      if (doc)
        xmlFreeDoc (doc);
      return NULL;
    }
  g_free (state.error_message);
  return doc;
}

static gboolean
is_kasip (xmlNodePtr node)
{
  return node->type == XML_ELEMENT_NODE && node->ns && node->ns->href
         && strcmp ((const char *) node->ns->href, KSP_XML_NAMESPACE) == 0;
}

static const char *
ename (xmlNodePtr node)
{
  return (const char *) node->name;
}

static gboolean
is_blank (const xmlChar *text)
{
  for (const xmlChar *p = text; p && *p; p++)
    if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
      return FALSE;
  return TRUE;
}

/* Skips comments, processing instructions and blanks between elements; refuses anything else that is not
 * a Kasip element. Returns the next Kasip element from @node on, or NULL at the end or on error. */
static xmlNodePtr
next_element (Reader      *r,
              xmlNodePtr   node,
              xmlNodePtr   parent,
              GError     **error)
{
  for (; node; node = node->next)
    {
      switch (node->type)
        {
        case XML_COMMENT_NODE:
        case XML_PI_NODE:
          continue;
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (is_blank (node->content))
            continue;
          reader_error (r, error, node, KSP_IMPORT_ERROR_FORMAT,
                        "text directly in <%s>: text belongs in <kk> or <ru> of a field", ename (parent));
          return NULL;
        case XML_ELEMENT_NODE:
          if (is_kasip (node))
            return node;
          if (node->ns && node->ns->href
              && (strcmp ((const char *) node->ns->href, XINCLUDE_NS_2001) == 0
                  || strcmp ((const char *) node->ns->href, XINCLUDE_NS_2003) == 0))
            reader_error (r, error, node, KSP_IMPORT_ERROR_FORMAT, "XInclude (<%s>) is not allowed in Kasip XML",
                          ename (node));
          else
            reader_error (r, error, node, KSP_IMPORT_ERROR_FORMAT,
                          "<%s> in <%s> is not in the Kasip namespace %s", ename (node), ename (parent),
                          KSP_XML_NAMESPACE);
          return NULL;
        default:
          reader_error (r, error, node, KSP_IMPORT_ERROR_FORMAT, "unexpected XML content in <%s>",
                        ename (parent));
          return NULL;
        }
    }
  return NULL;
}

static char *
attribute_value (xmlAttrPtr attr)
{
  xmlChar *v = xmlNodeGetContent ((xmlNodePtr) attr);
  char *result = g_strdup (v ? (const char *) v : "");

  xmlFree (v);
  return result;
}

static char *
attribute_value_of (xmlNodePtr  el,
                    const char *name)
{
  xmlAttrPtr attr = xmlHasNsProp (el, BAD_CAST name, NULL);

  return attr ? attribute_value (attr) : NULL;
}

static char *
kind_expectations (const KspKindSpec *kind,
                   gboolean           bilingual)
{
  GString *s = g_string_new (NULL);

  for (guint f = 0; f < kind->n_fields; f++)
    if (ksp_field_is_bilingual (&kind->fields[f]) == bilingual)
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", kind->fields[f].name);
  return g_string_free (s, FALSE);
}

static char *
child_expectations (const KspKindSpec *kind)
{
  GString *s = g_string_new (NULL);

  for (guint c = 0; kind->children && kind->children[c]; c++)
    g_string_append_printf (s, "%s<%s>", s->len ? ", " : "", kind->children[c]);
  if (s->len == 0)
    g_string_append (s, "none");
  return g_string_free (s, FALSE);
}

static gboolean
parse_line (const char *text,
            guint      *out)
{
  guint64 v;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &v, NULL))
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

static gboolean
read_attributes (Reader             *r,
                 xmlNodePtr          el,
                 const KspKindSpec  *kind,
                 KspNode            *node,
                 GError            **error)
{
  for (xmlAttrPtr a = el->properties; a; a = a->next)
    {
      const char *name = (const char *) a->name;
      const KspFieldSpec *field;
      g_autofree char *value = NULL;

      if (a->ns != NULL)
        {
          reader_error (r, error, el, KSP_IMPORT_ERROR_FORMAT, "attribute %s:%s is not allowed on <%s>",
                        a->ns->prefix ? (const char *) a->ns->prefix : "", name, kind->name);
          return FALSE;
        }
      if (strcmp (name, KSP_XML_ATTR_ID) == 0)
        continue;
      value = attribute_value (a);
      if (strcmp (name, KSP_XML_ATTR_NUMBER) == 0)
        ksp_node_set_number (node, value);
      else if (strcmp (name, KSP_XML_ATTR_LINE) == 0)
        {
          guint line;
          if (!parse_line (value, &line))
            {
              reader_error (r, error, el, KSP_IMPORT_ERROR_FORMAT,
                            "line=\"%s\" on <%s>: expected a source line number from 1", value, kind->name);
              return FALSE;
            }
          ksp_node_set_src_line (node, line);
        }
      else if ((field = ksp_kind_lookup_field (kind, name)) != NULL && !ksp_field_is_bilingual (field))
        ksp_node_set_value (node, field->name, KSP_LANG_NONE, value);
      else if (field != NULL)
        {
          reader_error (r, error, el, KSP_IMPORT_ERROR_FORMAT,
                        "%s of <%s> is a bilingual field: expected an element <%s> with <kk>/<ru>, not an attribute",
                        name, kind->name, name);
          return FALSE;
        }
      else
        {
          g_autofree char *expected = kind_expectations (kind, FALSE);
          reader_error (r, error, el, KSP_IMPORT_ERROR_FORMAT,
                        "unknown attribute %s on <%s>: expected id, number, line%s%s", name, kind->name,
                        *expected ? ", " : "", expected);
          return FALSE;
        }
    }
  return TRUE;
}

/* The text of <kk> or <ru>: exactly as written, nothing trimmed; no elements inside. */
static char *
read_text (Reader      *r,
           xmlNodePtr   el,
           GError     **error)
{
  GString *s = g_string_new (NULL);

  if (el->properties)
    {
      reader_error (r, error, el, KSP_IMPORT_ERROR_FORMAT, "<%s> takes no attributes (found %s)", ename (el),
                    (const char *) el->properties->name);
      return g_string_free (s, TRUE), NULL;
    }
  for (xmlNodePtr c = el->children; c; c = c->next)
    {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        g_string_append (s, (const char *) c->content);
      else if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE)
        continue;
      else
        {
          reader_error (r, error, c, KSP_IMPORT_ERROR_FORMAT, "<%s> inside <%s>: a value is plain text",
                        ename (c), ename (el));
          return g_string_free (s, TRUE), NULL;
        }
    }
  return g_string_free (s, FALSE);
}

static gboolean
read_field (Reader              *r,
            xmlNodePtr           el,
            const KspKindSpec   *kind,
            const KspFieldSpec  *field,
            KspNode             *node,
            GError             **error)
{
  g_autoptr (GError) local = NULL;
  KspLang last = KSP_LANG_NONE;
  xmlNodePtr c;

  if (el->properties)
    {
      reader_error (r, error, el, KSP_IMPORT_ERROR_FORMAT, "field <%s> takes no attributes (found %s)",
                    field->name, (const char *) el->properties->name);
      return FALSE;
    }
  for (c = next_element (r, el->children, el, &local); c; c = next_element (r, c->next, el, &local))
    {
      KspLang lang;
      g_autofree char *text = NULL;

      if (!ksp_lang_from_string (ename (c), &lang) || lang == KSP_LANG_NONE)
        {
          reader_error (r, error, c, KSP_IMPORT_ERROR_FORMAT,
                        "<%s> in field <%s> of <%s>: expected <kk> or <ru>", ename (c), field->name, kind->name);
          return FALSE;
        }
      if (lang <= last)
        {
          reader_error (r, error, c, KSP_IMPORT_ERROR_FORMAT,
                        lang == last ? "<%s> twice in field <%s> of <%s>"
                                     : "<%s> after <ru> in field <%s> of <%s>: expected <kk> first",
                        ename (c), field->name, kind->name);
          return FALSE;
        }
      last = lang;
      if (!(text = read_text (r, c, error)))
        return FALSE;
      ksp_node_set_value (node, field->name, lang, text);
    }
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

static KspNode *read_node (Reader             *r,
                           xmlNodePtr          el,
                           const KspKindSpec  *kind,
                           GError            **error);

static gboolean
read_content (Reader             *r,
              xmlNodePtr          el,
              const KspKindSpec  *kind,
              KspNode            *node,
              GError            **error)
{
  g_autoptr (GError) local = NULL;
  gint last_field = -1;
  gboolean in_children = FALSE;
  xmlNodePtr c;

  for (c = next_element (r, el->children, el, &local); c; c = next_element (r, c->next, el, &local))
    {
      const char *name = ename (c);
      const KspFieldSpec *field = ksp_kind_lookup_field (kind, name);

      if (field && ksp_field_is_bilingual (field))
        {
          gint index = field - kind->fields;

          if (in_children)
            {
              reader_error (r, error, c, KSP_IMPORT_ERROR_FORMAT,
                            "field <%s> of <%s> after its child elements: fields come first", name, kind->name);
              return FALSE;
            }
          if (index <= last_field)
            {
              g_autofree char *order = kind_expectations (kind, TRUE);
              reader_error (r, error, c, KSP_IMPORT_ERROR_FORMAT,
                            index == last_field ? "field <%s> of <%s> given twice"
                                                : "field <%s> of <%s> out of order: expected the order %s",
                            name, kind->name, order);
              return FALSE;
            }
          last_field = index;
          if (!read_field (r, c, kind, field, node, error))
            return FALSE;
        }
      else if (ksp_kind_allows_child (kind, name))
        {
          KspNode *child;

          in_children = TRUE;
          if (!(child = read_node (r, c, ksp_schema_lookup_kind (name), error)))
            return FALSE;
          ksp_node_append_child (node, child);
          g_object_unref (child);
        }
      else if (field)
        {
          reader_error (r, error, c, KSP_IMPORT_ERROR_FORMAT,
                        "%s of <%s> is a language-neutral field: expected the attribute %s=\"…\", not an element",
                        name, kind->name, name);
          return FALSE;
        }
      else
        {
          g_autofree char *fields = kind_expectations (kind, TRUE);
          g_autofree char *children = child_expectations (kind);
          reader_error (r, error, c, KSP_IMPORT_ERROR_FORMAT,
                        "%s <%s> in <%s>: expected a field (%s) or a child (%s)",
                        ksp_schema_lookup_kind (name) ? "element" : "unknown element", name, kind->name,
                        *fields ? fields : "none", children);
          return FALSE;
        }
    }
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

static KspNode *
read_node (Reader             *r,
           xmlNodePtr          el,
           const KspKindSpec  *kind,
           GError            **error)
{
  g_autofree char *id = attribute_value_of (el, KSP_XML_ATTR_ID);
  g_autoptr (KspNode) node = NULL;
  gpointer first;

  if (id == NULL || *id == '\0')
    {
      reader_error (r, error, el, KSP_IMPORT_ERROR_FORMAT, "<%s> has %s: every element needs its ID", kind->name,
                    id ? "an empty id" : "no id attribute");
      return NULL;
    }
  if (g_hash_table_lookup_extended (r->ids, id, NULL, &first))
    {
      reader_error (r, error, el, KSP_IMPORT_ERROR_FORMAT, "duplicate id \"%s\" on <%s> (first used on line %u)",
                    id, kind->name, GPOINTER_TO_UINT (first));
      return NULL;
    }
  g_hash_table_insert (r->ids, g_strdup (id), GUINT_TO_POINTER ((guint) xmlGetLineNo (el)));

  node = ksp_node_new (kind->name, id);
  if (!read_attributes (r, el, kind, node, error) || !read_content (r, el, kind, node, error))
    return NULL;
  return g_steal_pointer (&node);
}

static gboolean
parse_int_attribute (Reader      *r,
                     xmlNodePtr   el,
                     xmlAttrPtr   attr,
                     int         *out,
                     GError     **error)
{
  g_autofree char *value = attribute_value (attr);
  gint64 v;

  if (!g_ascii_string_to_signed (value, 10, G_MININT, G_MAXINT, &v, NULL))
    {
      reader_error (r, error, el, KSP_IMPORT_ERROR_FORMAT, "%s=\"%s\" on <%s>: expected a whole number",
                    (const char *) attr->name, value, KSP_XML_EDITION);
      return FALSE;
    }
  *out = (int) v;
  return TRUE;
}

static KspEditionInfo *
read_edition (Reader      *r,
              xmlNodePtr   el,
              GError     **error)
{
  g_autoptr (KspEditionInfo) edition = g_new0 (KspEditionInfo, 1);
  gboolean has_number = FALSE, has_year = FALSE;
  g_autoptr (GError) local = NULL;
  xmlNodePtr c;

  for (xmlAttrPtr a = el->properties; a; a = a->next)
    {
      const char *name = (const char *) a->name;

      if (a->ns == NULL && strcmp (name, "number") == 0)
        {
          if (!parse_int_attribute (r, el, a, &edition->number, error))
            return NULL;
          has_number = TRUE;
        }
      else if (a->ns == NULL && strcmp (name, "year") == 0)
        {
          if (!parse_int_attribute (r, el, a, &edition->year, error))
            return NULL;
          has_year = TRUE;
        }
      else if (a->ns == NULL && strcmp (name, "date") == 0)
        edition->date = attribute_value (a);
      else if (a->ns == NULL && strcmp (name, "note") == 0)
        edition->note = attribute_value (a);
      else if (a->ns == NULL && strcmp (name, "act") == 0)
        edition->act = attribute_value (a);
      else
        {
          reader_error (r, error, el, KSP_IMPORT_ERROR_FORMAT,
                        "unknown attribute %s on <%s>: expected number, year, date, note, act", name, KSP_XML_EDITION);
          return NULL;
        }
    }
  if (!has_number || !has_year)
    {
      reader_error (r, error, el, KSP_IMPORT_ERROR_FORMAT, "<%s> needs the attribute %s", KSP_XML_EDITION,
                    has_number ? "year" : "number");
      return NULL;
    }
  if ((c = next_element (r, el->children, el, &local)) != NULL)
    {
      reader_error (r, error, c, KSP_IMPORT_ERROR_FORMAT, "<%s> in <%s>: an edition holds no elements", ename (c),
                    KSP_XML_EDITION);
      return NULL;
    }
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&edition);
}

static char *
root_kinds (void)
{
  GString *s = g_string_new (NULL);
  guint n;
  const KspKindSpec *const *kinds = ksp_schema_list_kinds (&n);

  for (guint i = 0; i < n; i++)
    if (ksp_xml_schema_is_root_kind (kinds[i]))
      g_string_append_printf (s, "%s<%s>", s->len ? " or " : "", kinds[i]->name);
  return g_string_free (s, FALSE);
}

static KspNode *
read_root (Reader           *r,
           xmlNodePtr        root,
           KspEditionInfo  **out_edition,
           GError          **error)
{
  g_autoptr (KspEditionInfo) edition = NULL;
  g_autoptr (KspNode) node = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *expected = root_kinds ();
  g_autofree char *version = NULL;
  xmlNodePtr c;

  if (root == NULL || !is_kasip (root) || strcmp (ename (root), KSP_XML_ROOT) != 0)
    {
      reader_error (r, error, root, KSP_IMPORT_ERROR_FORMAT,
                    "the root element is <%s>%s%s, expected <%s xmlns=\"%s\">: not a Kasip XML file",
                    root ? ename (root) : "", root && root->ns ? " in namespace " : "",
                    root && root->ns ? (const char *) root->ns->href : "", KSP_XML_ROOT, KSP_XML_NAMESPACE);
      return NULL;
    }
  for (xmlAttrPtr a = root->properties; a; a = a->next)
    if (a->ns != NULL || strcmp ((const char *) a->name, "version") != 0)
      {
        reader_error (r, error, root, KSP_IMPORT_ERROR_FORMAT, "unknown attribute %s on <%s>: expected version",
                      (const char *) a->name, KSP_XML_ROOT);
        return NULL;
      }
  version = attribute_value_of (root, "version");
  if (version == NULL)
    {
      reader_error (r, error, root, KSP_IMPORT_ERROR_FORMAT,
                    "<%s> has no version: expected version=\"" KSP_XML_VERSION "\"", KSP_XML_ROOT);
      return NULL;
    }
  if (strcmp (version, KSP_XML_VERSION) != 0)
    {
      reader_error (r, error, root, KSP_IMPORT_ERROR_FORMAT,
                    "Kasip XML version %s: this Kasip reads version " KSP_XML_VERSION, version);
      return NULL;
    }

  c = next_element (r, root->children, root, &local);
  if (c && strcmp (ename (c), KSP_XML_EDITION) == 0)
    {
      if (!(edition = read_edition (r, c, error)))
        return NULL;
      c = next_element (r, c->next, root, &local);
    }
  if (c == NULL && local == NULL)
    {
      reader_error (r, error, root, KSP_IMPORT_ERROR_FORMAT, "<%s> holds no %s", KSP_XML_ROOT, expected);
      return NULL;
    }
  if (c)
    {
      const KspKindSpec *kind = ksp_schema_lookup_kind (ename (c));

      if (kind == NULL || !ksp_xml_schema_is_root_kind (kind))
        {
          reader_error (r, error, c, KSP_IMPORT_ERROR_FORMAT, "<%s> in <%s>: expected %s%s", ename (c),
                        KSP_XML_ROOT, edition ? "" : "<edition> or ", expected);
          return NULL;
        }
      if (!(node = read_node (r, c, kind, error)))
        return NULL;
      if ((c = next_element (r, c->next, root, &local)) != NULL)
        {
          reader_error (r, error, c, KSP_IMPORT_ERROR_FORMAT, "<%s> after the %s: <%s> holds one %s", ename (c),
                        ksp_node_get_kind (node), KSP_XML_ROOT, expected);
          return NULL;
        }
    }
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (out_edition)
    *out_edition = g_steal_pointer (&edition);
  return g_steal_pointer (&node);
}

/**
 * ksp_xml_reader_read_data:
 * @name: the file name for messages
 * @out_edition: (out) (optional) (nullable): the <edition> of the file, or %NULL when it has none; free with
 *   ksp_edition_info_free()
 *
 * Returns: (transfer full): the document, or %NULL with @error set in the KSP_IMPORT_ERROR domain.
 */
KspNode *
ksp_xml_reader_read_data (const char      *data,
                          gsize            length,
                          const char      *name,
                          KspEditionInfo **out_edition,
                          GError         **error)
{
  Reader r = { name ? name : "(XML)", NULL };
  xmlDocPtr doc;
  KspNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_edition)
    *out_edition = NULL;
  if (!check_input (data ? data : "", length, r.name, error))
    return NULL;
  if (!(doc = parse (data, length, r.name, error)))
    return NULL;

  r.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  root = read_root (&r, xmlDocGetRootElement (doc), out_edition, error);
  g_hash_table_unref (r.ids);
  xmlFreeDoc (doc);
  return root;
}

/**
 * ksp_xml_reader_read_file:
 *
 * Reads a Kasip XML file; see ksp_xml_reader_read_data().
 */
KspNode *
ksp_xml_reader_read_file (const char      *path,
                          KspEditionInfo **out_edition,
                          GError         **error)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) local = NULL;
  GStatBuf st;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) == 0 && st.st_size > KSP_XML_MAX_BYTES)
    {
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_UNREADABLE,
                   "%s: %" G_GINT64_FORMAT " bytes is more than the %d MB a Kasip XML file may have", path,
                   (gint64) st.st_size, KSP_XML_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_UNREADABLE, "%s", local->message);
      return NULL;
    }
  return ksp_xml_reader_read_data (contents, length, path, out_edition, error);
}
