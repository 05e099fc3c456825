/* Kasip XML: every seed goes through XML and back unchanged (IDs included) with byte-identical output; a
 * hand-built tree with every kind and every field in every state survives; the shipped XSD is the one the
 * registry generates; broken and hostile input is refused with the right code, the file and the line. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "ksp-adilet-reader.h"
#include "ksp-xml-reader.h"
#include "ksp-xml-schema.h"
#include "ksp-xml-writer.h"

#define SEED(n) SOURCE_DATADIR "/samples/" n

static const char *const seeds[] = {
  SEED ("000_2b67e049b4513cfa.txt"),
  SEED ("001_efa396441f2b22fb.txt"),
  SEED ("002_a9356737b7c953f7.txt"),
  SEED ("004_8a82f9fdc926935f.txt"),
};

static KspNode *
read_seed (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspImportReport) report = NULL;
  KspNode *root = ksp_adilet_reader_read_file (path, &report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  return root;
}

static char *
write_xml (KspNode              *root,
           const KspEditionInfo *edition,
           gsize                *length)
{
  g_autoptr (GError) error = NULL;
  char *xml = ksp_xml_writer_write (root, edition, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (xml);
  g_assert_cmpuint (*length, ==, strlen (xml));
  return xml;
}

static KspNode *
read_xml (const char       *xml,
          gsize             length,
          KspEditionInfo  **edition)
{
  g_autoptr (GError) error = NULL;
  KspNode *root = ksp_xml_reader_read_data (xml, length, "test.xml", edition, &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  return root;
}

static void
assert_trees_equal (KspNode *a,
                    KspNode *b)
{
  g_autofree char *diff = NULL;

  if (!ksp_node_equal (a, b, &diff))
    g_error ("trees differ after the XML round trip: %s", diff);
}

static guint
count_nodes (KspNode *node)
{
  guint n = 1;

  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    n += count_nodes (ksp_node_get_child (node, i));
  return n;
}

/* Every seed: import(export(x)) == x, and writing is deterministic. */
static void
test_seeds_round_trip (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (seeds); s++)
    {
      g_autoptr (KspNode) root = read_seed (seeds[s]);
      g_autoptr (KspNode) back = NULL;
      g_autofree char *xml = NULL, *again = NULL, *from_back = NULL;
      gsize length, length2, length3;

      xml = write_xml (root, NULL, &length);
      back = read_xml (xml, length, NULL);
      g_test_message ("%s: %u elements, %" G_GSIZE_FORMAT " bytes of XML", seeds[s], count_nodes (root), length);
      g_assert_cmpuint (count_nodes (back), ==, count_nodes (root));
      g_assert_cmpstr (ksp_node_get_id (back), ==, ksp_node_get_id (root));
      assert_trees_equal (root, back);

      again = write_xml (root, NULL, &length2);
      g_assert_cmpuint (length2, ==, length);
      g_assert_true (memcmp (xml, again, length) == 0);
      from_back = write_xml (back, NULL, &length3);
      g_assert_cmpuint (length3, ==, length);
      g_assert_true (memcmp (xml, from_back, length) == 0);
    }
}

/* Seed 001 through a file: the writer's file is the reader's input; the edition comes back. */
static void
test_file_and_edition (void)
{
  g_autoptr (KspNode) root = read_seed (seeds[1]);
  g_autoptr (KspNode) back = NULL;
  g_autoptr (KspEditionInfo) edition = g_new0 (KspEditionInfo, 1);
  g_autoptr (KspEditionInfo) edition_back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kasip-xml-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "001.xml", NULL);
  edition->number = 3;
  edition->year = 2025;
  edition->date = g_strdup ("2025-01-15");
  edition->note = g_strdup ("после «Ескерту»\nвторая строка\tс табуляцией &amp; <тег>");
  edition->act = g_strdup ("приказ от 31.03.2026 № 109");

  g_assert_true (ksp_xml_writer_write_file (root, edition, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kasip "));
  g_assert_nonnull (strstr (contents, "xmlns=\"" KSP_XML_NAMESPACE "\""));
  g_assert_nonnull (strstr (contents, "<edition number=\"3\" year=\"2025\" date=\"2025-01-15\""));
  /* Newline and tab in an attribute are written as character references, so they survive. */
  g_assert_nonnull (strstr (contents, "вторая строка"));
  g_assert_nonnull (strstr (contents, "&#10;"));
  g_assert_nonnull (strstr (contents, "&#9;"));
  /* Classifier codes are attributes. */
  g_assert_nonnull (strstr (contents, "act_date=\"2024-04-30\""));
  g_assert_nonnull (strstr (contents, "ork_level=\""));
  g_assert_nonnull (strstr (contents, "occupation_code=\""));

  back = ksp_xml_reader_read_file (path, &edition_back, &error);
  g_assert_no_error (error);
  assert_trees_equal (root, back);
  g_assert_nonnull (edition_back);
  g_assert_cmpint (edition_back->number, ==, 3);
  g_assert_cmpint (edition_back->year, ==, 2025);
  g_assert_cmpstr (edition_back->date, ==, "2025-01-15");
  g_assert_cmpstr (edition_back->note, ==, edition->note);
  g_assert_cmpstr (edition_back->act, ==, edition->act);

  /* Without an edition, none comes back. */
  g_clear_object (&back);
  g_clear_pointer (&edition_back, ksp_edition_info_free);
  g_assert_true (ksp_xml_writer_write_file (root, NULL, path, &error));
  back = ksp_xml_reader_read_file (path, &edition_back, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_null (edition_back);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Values in every state a field can be in: absent, empty, dash, and text XML must keep exactly. */
static const char *const states[] = {
  NULL,
  "",
  "-",
  "—",
  " ",
  "\n",
  "first line\nsecond line\n",
  "\ttab\tinside\t",
  "  leading and trailing  ",
  "NBSP\xC2\xA0here\xC2\xA0",
  "«кавычки» & <angle> \"quotes\" 'apos' ]]> &amp;",
  "CR\r\nLF and lone\rCR",
  "Қазақ тілі: әғқңөұүһі",
};

static guint state_counter;

static const char *
next_state (void)
{
  return states[state_counter++ % G_N_ELEMENTS (states)];
}

static KspNode *
make_node (const KspKindSpec *kind,
           guint              variant)
{
  static const char *const numbers[] = { NULL, "", "9.", " 1) ", "Навык 2" };
  g_autofree char *id = variant == 1 ? g_strdup_printf ("%s-<&\"'>-%u", kind->name, state_counter) : NULL;
  KspNode *node = ksp_node_new (kind->name, id);

  ksp_node_set_number (node, numbers[variant % G_N_ELEMENTS (numbers)]);
  ksp_node_set_src_line (node, variant % 2 ? 0 : 1000 + state_counter);
  for (guint f = 0; f < kind->n_fields; f++)
    {
      const KspFieldSpec *field = &kind->fields[f];
      if (ksp_field_is_bilingual (field))
        {
          ksp_node_set_value (node, field->name, KSP_LANG_KK, next_state ());
          ksp_node_set_value (node, field->name, KSP_LANG_RU, next_state ());
        }
      else
        ksp_node_set_value (node, field->name, KSP_LANG_NONE, next_state ());
    }
  return node;
}

/* Below @node: for every allowed child kind, several variants; the first one gets children in turn
 * (a kind is not repeated on one path, so the tree is finite). */
static void
populate (KspNode    *node,
          GHashTable *on_path)
{
  const KspKindSpec *kind = ksp_node_get_kind_spec (node);

  g_hash_table_add (on_path, (gpointer) kind->name);
  for (guint c = 0; kind->children && kind->children[c]; c++)
    {
      const KspKindSpec *child_kind = ksp_schema_lookup_kind (kind->children[c]);

      for (guint v = 0; v < G_N_ELEMENTS (states); v++)
        {
          g_autoptr (KspNode) child = make_node (child_kind, v);

          ksp_node_append_child (node, child);
          if (v == 0 && !g_hash_table_contains (on_path, child_kind->name))
            populate (child, on_path);
        }
    }
  g_hash_table_remove (on_path, kind->name);
}

static void
collect_kinds (KspNode    *node,
               GHashTable *kinds)
{
  g_hash_table_add (kinds, (gpointer) ksp_node_get_kind (node));
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    collect_kinds (ksp_node_get_child (node, i), kinds);
}

static void
test_every_kind_and_state (void)
{
  g_autoptr (KspNode) root = ksp_node_new ("document", NULL);
  g_autoptr (KspNode) back = NULL;
  g_autoptr (GHashTable) on_path = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *xml = NULL, *again = NULL;
  gsize length, length2;
  guint n_kinds;

  state_counter = 0;
  ksp_node_set_value (root, "source", KSP_LANG_NONE, "multi\nline\tsource ");
  populate (root, on_path);
  collect_kinds (root, kinds);
  ksp_schema_list_kinds (&n_kinds);
  g_assert_cmpuint (g_hash_table_size (kinds), ==, n_kinds);
  g_test_message ("%u elements of %u kinds, %u values", count_nodes (root), n_kinds, state_counter);
  g_assert_cmpuint (state_counter, >, 10 * G_N_ELEMENTS (states));

  xml = write_xml (root, NULL, &length);
  back = read_xml (xml, length, NULL);
  assert_trees_equal (root, back);
  again = write_xml (back, NULL, &length2);
  g_assert_cmpstr (xml, ==, again);

  /* Attributes keep newlines, tabs and CRs as character references. */
  g_assert_nonnull (strstr (xml, "source=\"multi&#10;line&#9;source \""));
}

/* How absent, empty and dash are written, on one element. */
static void
test_absent_empty_dash (void)
{
  g_autoptr (KspNode) root = ksp_node_new ("document", "doc");
  g_autoptr (KspNode) standard = ksp_node_new ("standard", "std");
  g_autoptr (KspNode) card = ksp_node_new ("card", "card-1");
  g_autoptr (KspNode) back = NULL;
  g_autofree char *xml = NULL;
  KspNode *card_back;
  gsize length;

  ksp_node_append_child (root, standard);
  ksp_node_append_child (standard, card);
  ksp_node_set_number (card, "9.");
  ksp_node_set_src_line (card, 120);
  ksp_node_set_value (card, "title", KSP_LANG_RU, "");          /* empty, kk absent */
  ksp_node_set_value (card, "purpose", KSP_LANG_KK, "-");       /* dash */
  ksp_node_set_value (card, "purpose", KSP_LANG_RU, "  Текст\u00A0«с» пробелами \n");
  ksp_node_set_value (card, "occupation_code", KSP_LANG_NONE, "3423-0-006");
  ksp_node_set_value (card, "ork_level", KSP_LANG_NONE, "");    /* empty neutral */

  xml = write_xml (root, NULL, &length);
  g_test_message ("%s", xml);
  g_assert_nonnull (strstr (xml, "<card id=\"card-1\" number=\"9.\" line=\"120\" occupation_code=\"3423-0-006\" "
                                 "ork_level=\"\">"));
  g_assert_nonnull (strstr (xml, "<title>\n          <ru/>\n        </title>"));
  g_assert_nonnull (strstr (xml, "<purpose>\n          <kk>-</kk>\n          <ru>  Текст\u00A0«с» пробелами \n</ru>"));
  g_assert_null (strstr (xml, "group_code"));   /* absent neutral: no attribute */
  g_assert_null (strstr (xml, "<nonformal"));   /* absent bilingual: no element */
  g_assert_null (strstr (xml, "<kk/>"));
  g_assert_null (strstr (xml, "line=\"0\""));

  back = read_xml (xml, length, NULL);
  assert_trees_equal (root, back);
  card_back = ksp_node_get_child (ksp_node_get_child (back, 0), 0);
  g_assert_null (ksp_node_get_value (card_back, "title", KSP_LANG_KK));
  g_assert_cmpstr (ksp_node_get_value (card_back, "title", KSP_LANG_RU), ==, "");
  g_assert_cmpstr (ksp_node_get_value (card_back, "purpose", KSP_LANG_KK), ==, "-");
  g_assert_cmpstr (ksp_node_get_value (card_back, "ork_level", KSP_LANG_NONE), ==, "");
  g_assert_null (ksp_node_get_value (card_back, "group_code", KSP_LANG_NONE));
  g_assert_null (ksp_node_get_number (ksp_node_get_child (back, 0)));
  g_assert_cmpuint (ksp_node_get_src_line (back), ==, 0);
}

/* What XML cannot hold is refused with the element and the field named, never written broken. */
static void
test_writer_refuses (void)
{
  g_autoptr (KspNode) root = ksp_node_new ("document", "doc");
  g_autoptr (KspNode) card = ksp_node_new ("card", "card-7");
  g_autoptr (KspNode) standard = ksp_node_new ("standard", "std");
  g_autoptr (KspNode) twin = ksp_node_new ("card", "card-7");
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "kasip-xml-never-written.xml", NULL);
  char *xml;

  ksp_node_append_child (root, standard);
  ksp_node_append_child (standard, card);
  ksp_node_set_value (card, "purpose", KSP_LANG_RU, "bell\x07here");
  xml = ksp_xml_writer_write (root, NULL, NULL, &error);
  g_assert_null (xml);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "card card-7"));
  g_assert_nonnull (strstr (error->message, "purpose [ru]"));
  g_assert_nonnull (strstr (error->message, "U+0007"));
  g_clear_error (&error);

  /* write_file leaves nothing behind. */
  g_remove (path);
  g_assert_false (ksp_xml_writer_write_file (root, NULL, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  ksp_node_set_value (card, "purpose", KSP_LANG_RU, "fine");
  ksp_node_set_value (card, "occupation_code", KSP_LANG_NONE, "34\x1b" "23");
  g_assert_null (ksp_xml_writer_write (root, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "attribute occupation_code"));
  g_assert_nonnull (strstr (error->message, "U+001B"));
  g_clear_error (&error);

  ksp_node_set_value (card, "occupation_code", KSP_LANG_NONE, "3423");
  ksp_node_append_child (standard, twin);
  g_assert_null (ksp_xml_writer_write (root, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "card-7: the ID is used by another element"));
  g_clear_error (&error);

  /* A card alone is not a document. */
  g_assert_null (ksp_xml_writer_write (card, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "not a card element"));
}

/* data/kasip-1.xsd is what the registry generates, and the registry maps onto XML. */
static void
test_schema_up_to_date (void)
{
  g_autofree char *shipped = NULL;
  g_autofree char *generated = ksp_xml_schema_generate ();
  g_autofree char *problem = ksp_xml_schema_check_registry ();
  g_autoptr (GError) error = NULL;

  if (problem)
    g_error ("the registry cannot be written as Kasip XML: %s", problem);
  g_assert_true (g_file_get_contents (SOURCE_DATADIR "/kasip-1.xsd", &shipped, NULL, &error));
  g_assert_no_error (error);
  if (strcmp (shipped, generated) != 0)
    g_error ("data/kasip-1.xsd is out of date with the registry (model/ksp-schema.c): regenerate it with "
             "BUILDDIR/tests/gen-xsd > data/kasip-1.xsd and commit it");
  g_assert_nonnull (strstr (generated, "targetNamespace=\"" KSP_XML_NAMESPACE "\""));
  g_assert_nonnull (strstr (generated, "<xs:complexType name=\"card\">"));
  g_assert_nonnull (strstr (generated, "<xs:attribute name=\"occupation_code\" type=\"xs:string\"/>"));
  g_assert_nonnull (strstr (generated, "<xs:element name=\"purpose\" type=\"k:kasip.text\" minOccurs=\"0\"/>"));
}

/* The example in docs/xml-format.md is valid Kasip XML and means what the text says it means. */
static void
test_doc_example (void)
{
  g_autofree char *doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) root = NULL;
  const char *start, *end;
  KspNode *standard, *card, *function;

  g_assert_true (g_file_get_contents (SOURCE_DATADIR "/../docs/xml-format.md", &doc, NULL, &error));
  g_assert_no_error (error);
  start = strstr (doc, "```xml\n<?xml");
  g_assert_nonnull (start);
  start += strlen ("```xml\n");
  end = strstr (start, "```");
  g_assert_nonnull (end);

  root = ksp_xml_reader_read_data (start, end - start, "xml-format.md", NULL, &error);
  g_assert_no_error (error);
  standard = ksp_node_get_child (root, 0);
  g_assert_cmpstr (ksp_node_get_kind (standard), ==, "standard");
  card = ksp_node_get_child (standard, 0);
  g_assert_cmpstr (ksp_node_get_kind (card), ==, "card");
  g_assert_cmpstr (ksp_node_get_number (card), ==, "9.");
  g_assert_cmpuint (ksp_node_get_src_line (card), ==, 165);
  g_assert_cmpstr (ksp_node_get_value (card, "occupation_code", KSP_LANG_NONE), ==, "5320-2-003");
  g_assert_cmpstr (ksp_node_get_value (card, "ork_sublevel", KSP_LANG_NONE), ==, "-");
  g_assert_null (ksp_node_get_value (card, "title", KSP_LANG_KK));
  function = ksp_node_get_child (card, 1);
  g_assert_cmpstr (ksp_node_get_kind (function), ==, "function");
  g_assert_cmpstr (ksp_node_get_value (function, "recognition", KSP_LANG_RU), ==, "");
  g_assert_cmpuint (ksp_node_get_n_children (ksp_node_get_child (function, 0)), ==, 3);
}

/* Hand-written XML: a BOM, comments, processing instructions, CDATA, character references and a
 * prefixed namespace are all fine; the text comes back exactly. */
static void
test_reader_accepts (void)
{
  static const char xml[] =
    "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- exported by hand -->\n"
    "<k:kasip xmlns:k=\"urn:kasip:xml:1\" version=\"1\">\n"
    "  <?editor keep?>\n"
    "  <k:document id=\"d\" language=\"kk\">\n"
    "    <k:standard id=\"s\" number=\"\" code=\"a&#10;b&#9;c\">\n"
    "      <!-- a comment between fields -->\n"
    "      <k:name><k:kk>  <![CDATA[<Кәсіп> & «стандарт»]]>&#160;</k:kk><k:ru></k:ru></k:name>\n"
    "    </k:standard>\n"
    "  </k:document>\n"
    "</k:kasip>\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) root = ksp_xml_reader_read_data (xml, sizeof xml - 1, "hand.xml", NULL, &error);
  KspNode *standard;

  g_assert_no_error (error);
  g_assert_cmpstr (ksp_node_get_value (root, "language", KSP_LANG_NONE), ==, "kk");
  standard = ksp_node_get_child (root, 0);
  g_assert_cmpstr (ksp_node_get_number (standard), ==, "");
  g_assert_cmpstr (ksp_node_get_value (standard, "code", KSP_LANG_NONE), ==, "a\nb\tc");
  g_assert_cmpstr (ksp_node_get_value (standard, "name", KSP_LANG_KK), ==, "  <Кәсіп> & «стандарт»\u00A0");
  g_assert_cmpstr (ksp_node_get_value (standard, "name", KSP_LANG_RU), ==, "");
  g_assert_null (ksp_node_get_value (standard, "title", KSP_LANG_RU));
}

static void
test_sniff (void)
{
  g_assert_true (ksp_xml_reader_sniff ("<?xml version=\"1.0\"?><kasip/>", 29));
  g_assert_true (ksp_xml_reader_sniff ("\xEF\xBB\xBF\n  <?xml version", 20));
  g_assert_true (ksp_xml_reader_sniff ("<kasip version=\"1\"", 18));
  g_assert_false (ksp_xml_reader_sniff ("Приказ Министра", strlen ("Приказ Министра")));
  g_assert_false (ksp_xml_reader_sniff ("<p>Приказ</p>", strlen ("<p>Приказ</p>")));
  g_assert_false (ksp_xml_reader_sniff ("<?xm", 4));
  g_assert_false (ksp_xml_reader_sniff ("", 0));
}

typedef struct
{
  const char *what;
  const char *xml;
  int         code;
  const char *message;   /* expected in the error message, after "bad.xml:LINE: " */
  guint       line;
} BadCase;

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kasip xmlns=\"urn:kasip:xml:1\" version=\"1\">\n"

static const BadCase bad_cases[] = {
  { "wrong root", "<?xml version=\"1.0\"?>\n<html><body/></html>\n", KSP_IMPORT_ERROR_FORMAT,
    "the root element is <html>, expected <kasip xmlns=\"urn:kasip:xml:1\">", 2 },
  { "no namespace", "<?xml version=\"1.0\"?>\n<kasip version=\"1\"><document id=\"d\"/></kasip>",
    KSP_IMPORT_ERROR_FORMAT, "the root element is <kasip>, expected", 2 },
  { "newer version", "<?xml version=\"1.0\"?>\n<kasip xmlns=\"urn:kasip:xml:1\" version=\"2\"/>",
    KSP_IMPORT_ERROR_FORMAT, "Kasip XML version 2: this Kasip reads version 1", 2 },
  { "no version", "<?xml version=\"1.0\"?>\n<kasip xmlns=\"urn:kasip:xml:1\">\n<document id=\"d\"/></kasip>",
    KSP_IMPORT_ERROR_FORMAT, "<kasip> has no version: expected version=\"1\"", 2 },
  { "unknown element", HEAD "<document id=\"d\">\n  <standard id=\"s\">\n    <bogus/>\n  </standard>\n</document>\n</kasip>",
    KSP_IMPORT_ERROR_FORMAT, "unknown element <bogus> in <standard>: expected a field (title, scope,", 5 },
  { "child not allowed", HEAD "<document id=\"d\">\n<card id=\"c\"/>\n</document></kasip>", KSP_IMPORT_ERROR_FORMAT,
    "element <card> in <document>: expected a field (none) or a child (<order>, <standard>, <not_placed>)", 4 },
  { "wrong language", HEAD "<document id=\"d\">\n<order id=\"o\">\n<title>\n<en>Order</en>\n</title>\n</order>\n</document>\n</kasip>",
    KSP_IMPORT_ERROR_FORMAT, "<en> in field <title> of <order>: expected <kk> or <ru>", 6 },
  { "language twice", HEAD "<document id=\"d\">\n<order id=\"o\">\n<title><ru>a</ru>\n<ru>b</ru></title>\n</order>\n</document>\n</kasip>",
    KSP_IMPORT_ERROR_FORMAT, "<ru> twice in field <title> of <order>", 6 },
  { "element inside a value", HEAD "<document id=\"d\">\n<order id=\"o\"><title><ru>a<b>bold</b></ru></title></order></document></kasip>",
    KSP_IMPORT_ERROR_FORMAT, "<b> inside <ru>: a value is plain text", 4 },
  { "duplicate id", HEAD "<document id=\"d\">\n<order id=\"same\"/>\n<standard id=\"same\"/>\n</document></kasip>",
    KSP_IMPORT_ERROR_FORMAT, "duplicate id \"same\" on <standard> (first used on line 4)", 5 },
  { "missing id", HEAD "<document id=\"d\">\n<standard number=\"1\"/>\n</document></kasip>",
    KSP_IMPORT_ERROR_FORMAT, "<standard> has no id attribute", 4 },
  { "unknown attribute", HEAD "<document id=\"d\">\n<standard id=\"s\" colour=\"red\"/>\n</document></kasip>",
    KSP_IMPORT_ERROR_FORMAT, "unknown attribute colour on <standard>: expected id, number, line, code", 4 },
  { "bilingual field as attribute", HEAD "<document id=\"d\">\n<standard id=\"s\" name=\"x\"/>\n</document></kasip>",
    KSP_IMPORT_ERROR_FORMAT, "name of <standard> is a bilingual field: expected an element <name>", 4 },
  { "neutral field as element", HEAD "<document id=\"d\">\n<standard id=\"s\">\n<code><ru>x</ru></code></standard>\n</document></kasip>",
    KSP_IMPORT_ERROR_FORMAT, "code of <standard> is a language-neutral field: expected the attribute code=", 5 },
  { "field after children", HEAD "<document id=\"d\">\n<standard id=\"s\"><term id=\"t\"/>\n<name><ru>x</ru></name></standard>\n</document></kasip>",
    KSP_IMPORT_ERROR_FORMAT, "field <name> of <standard> after its child elements", 5 },
  { "bad line", HEAD "<document id=\"d\" line=\"zero\"/></kasip>", KSP_IMPORT_ERROR_FORMAT,
    "line=\"zero\" on <document>: expected a source line number from 1", 3 },
  { "text in structure", HEAD "<document id=\"d\">\nstray words\n</document></kasip>", KSP_IMPORT_ERROR_FORMAT,
    "text directly in <document>", 4 },
  { "two documents", HEAD "<document id=\"a\"/>\n<document id=\"b\"/>\n</kasip>", KSP_IMPORT_ERROR_FORMAT,
    "<document> after the document: <kasip> holds one <document>", 4 },
  { "no document", HEAD "<edition number=\"1\" year=\"2024\"/>\n</kasip>", KSP_IMPORT_ERROR_FORMAT,
    "<kasip> holds no <document>", 2 },
  { "edition without year", HEAD "<edition number=\"1\"/>\n<document id=\"d\"/></kasip>", KSP_IMPORT_ERROR_FORMAT,
    "<edition> needs the attribute year", 3 },
  { "XInclude", HEAD "<document id=\"d\">\n<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" parse=\"text\"/>\n</document></kasip>",
    KSP_IMPORT_ERROR_FORMAT, "XInclude (<include>) is not allowed", 4 },
  { "foreign attribute", HEAD "<document id=\"d\" xml:space=\"preserve\"/></kasip>", KSP_IMPORT_ERROR_FORMAT,
    "attribute xml:space is not allowed on <document>", 3 },
  { "external entity", "<?xml version=\"1.0\"?>\n<!DOCTYPE kasip [\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n"
    "<kasip xmlns=\"urn:kasip:xml:1\" version=\"1\"><document id=\"d\" source=\"&x;\"/></kasip>",
    KSP_IMPORT_ERROR_FORMAT, "a DOCTYPE is not allowed in Kasip XML (DTDs and entities are refused)", 2 },
  { "external DTD", "<?xml version=\"1.0\"?>\n\n<!DOCTYPE kasip SYSTEM \"http://example.com/kasip.dtd\">\n<kasip/>",
    KSP_IMPORT_ERROR_FORMAT, "a DOCTYPE is not allowed", 3 },
  { "entity expansion", "<?xml version=\"1.0\"?>\n<!DOCTYPE k [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>\n<kasip/>",
    KSP_IMPORT_ERROR_FORMAT, "a DOCTYPE is not allowed", 2 },
  { "undefined entity", HEAD "<document id=\"d\" source=\"&x;\"/></kasip>", KSP_IMPORT_ERROR_FORMAT,
    "not well-formed XML: Entity 'x' not defined", 3 },
  { "mismatched tag", HEAD "<document id=\"d\">\n</standard>\n</kasip>", KSP_IMPORT_ERROR_FORMAT,
    "not well-formed XML: Opening and ending tag mismatch: document line 3 and standard", 4 },
  { "truncated", HEAD "<document id=\"d\">\n<order id=\"o\">\n<title><ru>Об утверждении", KSP_IMPORT_ERROR_TRUNCATED,
    "not well-formed XML (the file seems cut off)", 5 },
  { "truncated in a tag", HEAD "<document id=\"d\">\n<order id=\"o", KSP_IMPORT_ERROR_TRUNCATED,
    "(the file seems cut off)", 4 },
  { "not XML", "Приказ Министра труда\nот 30 апреля 2024 года", KSP_IMPORT_ERROR_NOT_TEXT,
    "not XML: a Kasip XML file starts with <?xml", 1 },
  { "empty", " \n ", KSP_IMPORT_ERROR_NOT_TEXT, "the file is empty", 1 },
  { "Latin-1", "<?xml version=\"1.0\"?>\n<kasip>\n\xE9t\xE9</kasip>", KSP_IMPORT_ERROR_NOT_TEXT,
    "not UTF-8 text (Kasip XML is UTF-8)", 3 },
};

static void
assert_refused (const char *what,
                const char *data,
                gsize       length,
                int         code,
                const char *message,
                guint       line)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspEditionInfo) edition = NULL;
  g_autoptr (KspNode) root = ksp_xml_reader_read_data (data, length, "bad.xml", &edition, &error);
  g_autofree char *prefix = g_strdup_printf ("bad.xml:%u: ", line);

  g_test_message ("%s: %s", what, error ? error->message : "(accepted)");
  g_assert_null (root);
  g_assert_null (edition);
  g_assert_error (error, KSP_IMPORT_ERROR, code);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, message) == NULL)
    g_error ("%s: expected «%s…%s», got «%s»", what, prefix, message, error->message);
  g_assert_null (strstr (error->message, "root:"));   /* nothing of /etc/passwd */
}

static void
test_reader_refuses (void)
{
  static const char garbage[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe";

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    assert_refused (bad_cases[i].what, bad_cases[i].xml, strlen (bad_cases[i].xml), bad_cases[i].code,
                    bad_cases[i].message, bad_cases[i].line);
  assert_refused ("binary garbage", garbage, sizeof garbage - 1, KSP_IMPORT_ERROR_NOT_TEXT,
                  "binary data (a NUL byte), not Kasip XML", 3);
}

/* A real export cut anywhere is refused, never read as a shorter document. */
static void
test_truncated_seed (void)
{
  g_autoptr (KspNode) root = read_seed (seeds[1]);
  g_autofree char *xml = NULL;
  gsize length;

  xml = write_xml (root, NULL, &length);
  for (guint percent = 5; percent < 100; percent += 5)
    {
      g_autoptr (GError) error = NULL;
      gsize cut = length * percent / 100;
      g_autoptr (KspNode) back = NULL;

      while (cut > 0 && ((guchar) xml[cut] & 0xC0) == 0x80)   /* keep the UTF-8 valid */
        cut--;
      back = ksp_xml_reader_read_data (xml, cut, "cut.xml", NULL, &error);
      g_assert_null (back);
      g_assert_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_TRUNCATED);
      g_assert_true (g_str_has_prefix (error->message, "cut.xml:"));
    }
}

static void
test_too_large_and_missing (void)
{
  gsize size = KSP_XML_MAX_BYTES + 1;
  g_autofree char *big = g_malloc (size);
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) root = NULL;

  memset (big, ' ', size);
  memcpy (big, "<?xml version=\"1.0\"?>", 21);
  root = ksp_xml_reader_read_data (big, size, "big.xml", NULL, &error);
  g_assert_null (root);
  g_assert_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "big.xml: 67108865 bytes is more than the 64 MB"));
  g_clear_error (&error);

  root = ksp_xml_reader_read_file ("/nonexistent/kasip.xml", NULL, &error);
  g_assert_null (root);
  g_assert_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "/nonexistent/kasip.xml"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml/seeds-round-trip", test_seeds_round_trip);
  g_test_add_func ("/xml/file-and-edition", test_file_and_edition);
  g_test_add_func ("/xml/every-kind-and-state", test_every_kind_and_state);
  g_test_add_func ("/xml/absent-empty-dash", test_absent_empty_dash);
  g_test_add_func ("/xml/writer-refuses", test_writer_refuses);
  g_test_add_func ("/xml/schema-up-to-date", test_schema_up_to_date);
  g_test_add_func ("/xml/doc-example", test_doc_example);
  g_test_add_func ("/xml/sniff", test_sniff);
  g_test_add_func ("/xml/reader-accepts", test_reader_accepts);
  g_test_add_func ("/xml/reader-refuses", test_reader_refuses);
  g_test_add_func ("/xml/truncated-seed", test_truncated_seed);
  g_test_add_func ("/xml/too-large-and-missing", test_too_large_and_missing);

  return g_test_run ();
}
