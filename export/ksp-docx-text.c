/* ksp-docx-text.c: the visible text of a WordprocessingML body (see ksp-docx-text.h) */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "ksp-docx-text.h"
#include "ksp-source.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_NS_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"

/* Parse options for anything read from a package: no network, no DTD, no entity expansion. */
#define SAFE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

typedef struct
{
  int    start;
  char  *text;   /* lvlText, e.g. "%1." */
  char  *format; /* numFmt */
} Level;

typedef struct
{
  GPtrArray  *lines;
  GString    *line;
  GHashTable *levels;   /* "numId:ilvl" -> Level* */
  GHashTable *counters; /* "numId:ilvl" -> int */
  gboolean    raw;      /* keep the text as written (for the fingerprint) */
} Walk;

static gboolean
is_w (xmlNodePtr  node,
      const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns &&
         (xmlStrEqual (node->ns->href, BAD_CAST W_NS) || xmlStrEqual (node->ns->href, BAD_CAST W_NS_STRICT)) &&
         xmlStrEqual (node->name, BAD_CAST name);
}

static char *
w_attr (xmlNodePtr  node,
        const char *name)
{
  xmlChar *v = xmlGetNsProp (node, BAD_CAST name, BAD_CAST W_NS);
  char *out;

  if (v == NULL)
    v = xmlGetNsProp (node, BAD_CAST name, BAD_CAST W_NS_STRICT);
  out = v ? g_strdup ((const char *) v) : NULL;
  xmlFree (v);
  return out;
}

static xmlNodePtr
w_child (xmlNodePtr  node,
         const char *name)
{
  for (xmlNodePtr c = node->children; c; c = c->next)
    if (is_w (c, name))
      return c;
  return NULL;
}

static void
flush_line (Walk *w)
{
  g_ptr_array_add (w->lines, w->raw ? g_strdup (w->line->str) : ksp_source_clean_cell (w->line->str, NULL));
  g_string_truncate (w->line, 0);
}

static void
level_free (gpointer data)
{
  Level *l = data;
  g_free (l->text);
  g_free (l->format);
  g_free (l);
}

/* numbering.xml: num -> abstractNum -> lvl (start, lvlText, numFmt). */
static GHashTable *
read_numbering (const char *data,
                gsize       length)
{
  GHashTable *levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, level_free);
  g_autoptr (GHashTable) abstracts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDocPtr doc;
  xmlNodePtr root;

  if (data == NULL)
    return levels;
  doc = xmlReadMemory (data, length, "numbering.xml", NULL, SAFE_OPTIONS);
  if (doc == NULL)
    return levels;
  root = xmlDocGetRootElement (doc);
  for (xmlNodePtr a = root ? root->children : NULL; a; a = a->next)
    if (is_w (a, "abstractNum"))
      {
        char *id = w_attr (a, "abstractNumId");
        if (id)
          g_hash_table_insert (abstracts, id, a);
      }
  for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next)
    {
      g_autofree char *num_id = NULL;
      g_autofree char *abs_id = NULL;
      xmlNodePtr abs_ref, abs;

      if (!is_w (n, "num"))
        continue;
      num_id = w_attr (n, "numId");
      abs_ref = w_child (n, "abstractNumId");
      abs_id = abs_ref ? w_attr (abs_ref, "val") : NULL;
      abs = abs_id ? g_hash_table_lookup (abstracts, abs_id) : NULL;
      for (xmlNodePtr lvl = abs ? abs->children : NULL; num_id && lvl; lvl = lvl->next)
        {
          Level *l;
          xmlNodePtr e;
          g_autofree char *ilvl = NULL;
          if (!is_w (lvl, "lvl"))
            continue;
          ilvl = w_attr (lvl, "ilvl");
          l = g_new0 (Level, 1);
          l->start = 1;
          if ((e = w_child (lvl, "start")))
            {
              g_autofree char *v = w_attr (e, "val");
              l->start = v ? atoi (v) : 1;
            }
          if ((e = w_child (lvl, "lvlText")))
            l->text = w_attr (e, "val");
          if ((e = w_child (lvl, "numFmt")))
            l->format = w_attr (e, "val");
          g_hash_table_insert (levels, g_strdup_printf ("%s:%s", num_id, ilvl ? ilvl : "0"), l);
        }
    }
  xmlFreeDoc (doc);
  return levels;
}

/* The number Word shows before a list paragraph: "%1." with the level's counter. */
static void
list_number (Walk       *w,
             xmlNodePtr  ppr)
{
  xmlNodePtr numpr = ppr ? w_child (ppr, "numPr") : NULL;
  xmlNodePtr e;
  g_autofree char *num_id = NULL, *ilvl = NULL, *key = NULL;
  Level *l;
  int count;

  if (numpr == NULL)
    return;
  if ((e = w_child (numpr, "numId")))
    num_id = w_attr (e, "val");
  if ((e = w_child (numpr, "ilvl")))
    ilvl = w_attr (e, "val");
  key = g_strdup_printf ("%s:%s", num_id ? num_id : "", ilvl ? ilvl : "0");
  l = g_hash_table_lookup (w->levels, key);
  if (l == NULL || g_strcmp0 (l->format, "none") == 0 || g_strcmp0 (l->format, "bullet") == 0)
    return;
  count = g_hash_table_contains (w->counters, key) ? GPOINTER_TO_INT (g_hash_table_lookup (w->counters, key)) + 1
                                                   : l->start;
  g_hash_table_insert (w->counters, g_strdup (key), GINT_TO_POINTER (count));
  /* Deeper levels restart when a shallower one advances. */
  for (int deeper = (ilvl ? atoi (ilvl) : 0) + 1; deeper < 9; deeper++)
    {
      g_autofree char *k = g_strdup_printf ("%s:%d", num_id ? num_id : "", deeper);
      g_hash_table_remove (w->counters, k);
    }
  if (l->text)
    {
      GString *s = g_string_new (NULL);
      for (const char *p = l->text; *p; p++)
        {
          if (p[0] == '%' && g_ascii_isdigit (p[1]))
            {
              int lvl = p[1] - '1';
              g_autofree char *k = g_strdup_printf ("%s:%d", num_id ? num_id : "", lvl);
              int v = GPOINTER_TO_INT (g_hash_table_lookup (w->counters, k));
              g_string_append_printf (s, "%d", v ? v : count);
              p++;
            }
          else
            g_string_append_c (s, *p);
        }
      g_string_append_printf (w->line, "%s ", s->str);
      g_string_free (s, TRUE);
    }
}

static void walk_children (Walk *w, xmlNodePtr node);

static gboolean
in_w_namespace (xmlNodePtr node)
{
  return node->ns && (xmlStrEqual (node->ns->href, BAD_CAST W_NS) || xmlStrEqual (node->ns->href, BAD_CAST W_NS_STRICT));
}

static void walk_table (Walk *w, xmlNodePtr node);

static void
walk (Walk       *w,
      xmlNodePtr  node)
{
  const char *name;

  if (node->type != XML_ELEMENT_NODE)
    return;
  if (!in_w_namespace (node))
    {
      /* mc:AlternateContent: read the fallback, which every consumer understands. */
      if (node->ns && xmlStrEqual (node->ns->href, BAD_CAST MC_NS))
        {
          if (xmlStrEqual (node->name, BAD_CAST "AlternateContent"))
            for (xmlNodePtr c = node->children; c; c = c->next)
              if (c->type == XML_ELEMENT_NODE && xmlStrEqual (c->name, BAD_CAST "Fallback"))
                walk_children (w, c);
          return;
        }
      walk_children (w, node);
      return;
    }

  /* The most frequent names first: this runs for every element of the body. */
  name = (const char *) node->name;
  if (strcmp (name, "r") == 0)
    {
      walk_children (w, node);
      return;
    }
  if (strcmp (name, "t") == 0)
    {
      xmlChar *text = xmlNodeGetContent (node);
      g_string_append (w->line, (const char *) text);
      xmlFree (text);
      return;
    }
  if (strcmp (name, "rPr") == 0 || strcmp (name, "pPr") == 0)
    return;
  if (strcmp (name, "p") == 0)
    {
      if (w->line->len)
        flush_line (w);
      list_number (w, w_child (node, "pPr"));
      walk_children (w, node);
      flush_line (w);
      return;
    }
  if (strcmp (name, "tbl") == 0)
    {
      walk_table (w, node);
      return;
    }
  if (strcmp (name, "tab") == 0)
    {
      g_string_append_c (w->line, ' ');
      return;
    }
  if (strcmp (name, "br") == 0 || strcmp (name, "cr") == 0)
    {
      g_autofree char *type = w_attr (node, "type");
      if (type == NULL || g_str_equal (type, "textWrapping"))
        flush_line (w);
      return;
    }
  if (strcmp (name, "noBreakHyphen") == 0)
    {
      g_string_append_c (w->line, '-');
      return;
    }
  /* Left out: deletions (changes taken as accepted), field instructions, properties, drawings. */
  {
    static const char *const skipped[] = {
      "del", "moveFrom", "delText", "instrText", "sectPr", "tblPr", "tcPr", "trPr", "sdtPr", "drawing", "pict",
      "footnoteReference", "commentReference", NULL
    };
    for (guint i = 0; skipped[i]; i++)
      if (strcmp (name, skipped[i]) == 0)
        return;
  }
  /* Everything else is a wrapper (ins, moveTo, sdt, sdtContent, hyperlink, smartTag, customXml,
   * fldSimple, body, tc…): its children hold the text. */
  walk_children (w, node);
}

static void
walk_table (Walk       *w,
            xmlNodePtr  node)
{
  for (xmlNodePtr tr = node->children; tr; tr = tr->next)
    {
      if (!is_w (tr, "tr"))
        continue;
      for (xmlNodePtr tc = tr->children; tc; tc = tc->next)
        {
          xmlNodePtr pr, merge;
          g_autofree char *val = NULL;
          if (is_w (tc, "sdt"))
            {
              /* a cell wrapped in a content control */
              xmlNodePtr content = w_child (tc, "sdtContent");
              tc = content && w_child (content, "tc") ? w_child (content, "tc") : tc;
            }
          if (!is_w (tc, "tc"))
            continue;
          pr = w_child (tc, "tcPr");
          merge = pr ? w_child (pr, "vMerge") : NULL;
          val = merge ? w_attr (merge, "val") : NULL;
          if (merge && (val == NULL || g_str_equal (val, "continue")))
            continue; /* merged into the cell above: its text was read there */
          walk_children (w, tc);
        }
    }
}

static void
walk_children (Walk       *w,
               xmlNodePtr  node)
{
  for (xmlNodePtr c = node->children; c; c = c->next)
    walk (w, c);
}

static GPtrArray *
text_lines (const char  *document_xml,
            gsize        length,
            const char  *numbering_xml,
            gsize        numbering_length,
            gboolean     raw,
            GError     **error)
{
  xmlDocPtr doc = xmlReadMemory (document_xml, length, "word/document.xml", NULL, SAFE_OPTIONS);
  xmlNodePtr root, body;
  Walk w = { 0 };

  if (doc == NULL)
    {
      const xmlError *e = xmlGetLastError ();
      /* libxml2 quotes the broken tag byte by byte: a Cyrillic name can be cut in the middle of a letter */
      g_autofree char *message = g_strstrip (g_utf8_make_valid (e && e->message ? e->message : "not well-formed XML", -1));
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_FORMAT, "word/document.xml: line %d: %s",
                   e ? e->line : 0, message);
      return NULL;
    }
  if (doc->intSubset || doc->extSubset)
    {
      xmlFreeDoc (doc);
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_FORMAT,
                   "word/document.xml: has a DOCTYPE; refused (documents from Word and LibreOffice have none)");
      return NULL;
    }
  root = xmlDocGetRootElement (doc);
  body = root && is_w (root, "document") ? w_child (root, "body") : NULL;
  if (body == NULL)
    {
      xmlFreeDoc (doc);
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_FORMAT,
                   "word/document.xml: no <w:document><w:body>: not a WordprocessingML document");
      return NULL;
    }
  w.raw = raw;
  w.lines = g_ptr_array_new_with_free_func (g_free);
  w.line = g_string_new (NULL);
  w.levels = read_numbering (numbering_xml, numbering_length);
  w.counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk_children (&w, body);
  if (w.line->len)
    flush_line (&w);
  g_string_free (w.line, TRUE);
  g_hash_table_unref (w.levels);
  g_hash_table_unref (w.counters);
  xmlFreeDoc (doc);
  return w.lines;
}

/**
 * ksp_docx_text_lines:
 * Returns: (transfer full) (element-type utf8): one cleaned line per paragraph and line break
 */
GPtrArray *
ksp_docx_text_lines (const char  *document_xml,
                     gsize        length,
                     const char  *numbering_xml,
                     gsize        numbering_length,
                     GError     **error)
{
  return text_lines (document_xml, length, numbering_xml, numbering_length, FALSE, error);
}

/**
 * ksp_docx_text_fingerprint:
 * Returns: SHA-256 of the visible text, lines joined with newlines
 */
char *
ksp_docx_text_fingerprint (const char  *document_xml,
                           gsize        length,
                           GError     **error)
{
  g_autoptr (GPtrArray) lines = text_lines (document_xml, length, NULL, 0, TRUE, error);
  g_autoptr (GChecksum) sum = NULL;

  if (lines == NULL)
    return NULL;
  sum = g_checksum_new (G_CHECKSUM_SHA256);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *l = g_ptr_array_index (lines, i);
      if (*l == '\0')
        continue;
      g_checksum_update (sum, (const guchar *) l, strlen (l));
      g_checksum_update (sum, (const guchar *) "\n", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}
