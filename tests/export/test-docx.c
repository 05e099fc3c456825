/* DOCX export and import: the ministry's layout read back losslessly from our own files, the visible
 * text read when it was changed, byte-reproducible packages, WordprocessingML features of Word and
 * LibreOffice files, and packages that must be refused. The second-tool checks (LibreOffice, pdftotext,
 * python-docx, xmllint) are in check-docx.py. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <zip.h>

#include "ksp-adilet-reader.h"
#include "ksp-test-util.h"
#include "ksp-docx-reader.h"
#include "ksp-docx-text.h"
#include "ksp-docx-writer.h"
#include "ksp-import-summary.h"
#include "ksp-schema.h"
#include "ksp-source.h"
#include "ksp-text-writer.h"

#define SEED(n) SOURCE_DATADIR "/samples/" n

typedef struct
{
  const char *path;
  KspLang     lang;
} Seed;

static const Seed seeds[] = {
  { SEED ("000_2b67e049b4513cfa.txt"), KSP_LANG_RU },
  { SEED ("001_efa396441f2b22fb.txt"), KSP_LANG_RU },
  { SEED ("002_a9356737b7c953f7.txt"), KSP_LANG_KK },
  { SEED ("004_8a82f9fdc926935f.txt"), KSP_LANG_KK },
};

static char *tmpdir;

static KspNode *
read_seed (const char *path)
{
  g_autoptr (GError) error = NULL;
  KspNode *root = ksp_adilet_reader_read_file (path, NULL, &error);
  g_assert_no_error (error);
  return root;
}

static char *
export_seed (const Seed *seed,
             KspNode    *root,
             const char *name)
{
  g_autoptr (GError) error = NULL;
  char *out = g_build_filename (tmpdir, name, NULL);

  g_assert_true (ksp_docx_writer_write_file (root, seed->lang, out, &error));
  g_assert_no_error (error);
  return out;
}

/* Our own export comes back exactly: every element with its ID, every value in every state. */
static void
test_roundtrip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr (KspNode) root = read_seed (seeds[i].path);
      g_autofree char *docx = export_seed (&seeds[i], root, "roundtrip.docx");
      g_autoptr (GError) error = NULL;
      g_autofree char *difference = NULL;
      KspDocxSource source = KSP_DOCX_SOURCE_TEXT;
      g_autoptr (KspNode) back = ksp_docx_reader_read_file (docx, FALSE, &source, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (source, ==, KSP_DOCX_SOURCE_MODEL);
      if (!ksp_node_equal (root, back, &difference))
        g_error ("%s: the DOCX round trip changed it: %s", seeds[i].path, difference);
    }
}

static void
test_reproducible (void)
{
  g_autoptr (KspNode) root = read_seed (seeds[1].path);
  g_autofree char *a = export_seed (&seeds[1], root, "a.docx");
  g_autofree char *b = export_seed (&seeds[1], root, "b.docx");
  g_autofree char *da = NULL, *db = NULL;
  gsize la = 0, lb = 0;

  g_assert_true (g_file_get_contents (a, &da, &la, NULL));
  g_assert_true (g_file_get_contents (b, &db, &lb, NULL));
  g_assert_cmpuint (la, ==, lb);
  g_assert_true (memcmp (da, db, la) == 0);
}

static void
count (KspNode   *root,
       KspCounts *c)
{
  memset (c, 0, sizeof *c);
  ksp_counts_add_tree (c, root);
}

/* The visible text alone gives the same standard (seeds in the 2024 layout): what a DOCX made by Word
 * or LibreOffice in the same layout goes through. */
static void
test_visible_text (void)
{
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (KspNode) root = read_seed (seeds[i].path);
      g_autofree char *docx = export_seed (&seeds[i], root, "text.docx");
      g_autoptr (GError) error = NULL;
      KspDocxSource source = KSP_DOCX_SOURCE_MODEL;
      g_autoptr (KspImportReport) report = NULL;
      g_autoptr (KspNode) back = ksp_docx_reader_read_file (docx, TRUE, &source, &report, &error);
      KspCounts want, got;

      g_assert_no_error (error);
      g_assert_cmpint (source, ==, KSP_DOCX_SOURCE_TEXT);
      count (root, &want);
      count (back, &got);
      g_assert_cmpuint (got.cards, ==, want.cards);
      g_assert_cmpuint (got.functions, ==, want.functions);
      g_assert_cmpuint (got.skills, ==, want.skills);
      g_assert_cmpuint (got.abilities, ==, want.abilities);
      g_assert_cmpuint (got.knowledge, ==, want.knowledge);
    }
}

/* Replaces @from with @to in word/document.xml of @path (as someone editing in Word would). */
static void
edit_entry (const char *path,
            const char *entry,
            const char *from,
            const char *to)
{
  int err = 0;
  zip_t *za = zip_open (path, 0, &err);
  zip_stat_t st;
  zip_file_t *f;
  g_autofree char *data = NULL;
  GString *s;
  char *hit;

  g_assert_nonnull (za);
  g_assert_cmpint (zip_stat (za, entry, 0, &st), ==, 0);
  data = g_malloc0 (st.size + 1);
  f = zip_fopen (za, entry, 0);
  g_assert_cmpint (zip_fread (f, data, st.size), ==, (zip_int64_t) st.size);
  zip_fclose (f);
  s = g_string_new (data);
  hit = strstr (s->str, from);
  g_assert_nonnull (hit);
  g_string_erase (s, hit - s->str, strlen (from));
  g_string_insert (s, hit - s->str, to);
  {
    gsize len = s->len;
    char *copy = g_string_free (s, FALSE);
    zip_source_t *src = zip_source_buffer (za, copy, len, 1);
    g_assert_cmpint (zip_file_add (za, entry, src, ZIP_FL_OVERWRITE), >=, 0);
  }
  g_assert_cmpint (zip_close (za), ==, 0);
}

static void
edit_document (const char *path,
               const char *from,
               const char *to)
{
  edit_entry (path, "word/document.xml", from, to);
}

/* Text changed in Word after export: the embedded model is out of date, the visible text is read. */
static void
test_edited_in_word (void)
{
  g_autoptr (KspNode) root = read_seed (seeds[1].path);
  g_autofree char *docx = export_seed (&seeds[1], root, "edited.docx");
  g_autoptr (GError) error = NULL;
  KspDocxSource source = KSP_DOCX_SOURCE_MODEL;
  g_autoptr (KspNode) back = NULL;

  edit_document (docx, ">5320-2-003<", ">5320-2-004<");
  back = ksp_docx_reader_read_file (docx, FALSE, &source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (source, ==, KSP_DOCX_SOURCE_TEXT);
  g_assert_cmpstr (ksp_node_get_value (ksp_test_first_of_kind (back, "card"), "occupation_code", KSP_LANG_NONE), ==,
                   "5320-2-004");
}

static gboolean
report_has (KspImportReport *report,
            const char      *rule)
{
  return report && ksp_import_report_count_rule (report, rule) > 0;
}

/* Issue 12.2: only customXml/item1.xml changed (a knowledge item, the act number), the visible text
 * untouched. The fingerprint of the visible text still matches, but the model no longer renders to it:
 * the visible text must be read, and the report must say why. */
static void
test_model_substituted (void)
{
  g_autoptr (KspNode) root = read_seed (seeds[1].path);
  static const char *const edits[][2] = {
    { "Индивидуальных особенностей и потребностей ЛСИ", "ПОДМЕНЁННЫЙ ТЕКСТ" }, /* a knowledge item */
    { "number=\"125\"", "number=\"999\"" },                                  /* the act number */
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *name = g_strdup_printf ("substituted-%u.docx", i);
      g_autofree char *docx = export_seed (&seeds[1], root, name);
      g_autofree char *visible = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (KspImportReport) report = NULL;
      g_autoptr (KspNode) back = NULL;
      g_autoptr (KspNode) untouched = NULL;
      KspDocxSource source = KSP_DOCX_SOURCE_MODEL;
      KspCounts c = { 0 };

      /* Before the change the model is read, losslessly. */
      untouched = ksp_docx_reader_read_file (docx, FALSE, &source, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (source, ==, KSP_DOCX_SOURCE_MODEL);

      edit_entry (docx, "customXml/item1.xml", edits[i][0], edits[i][1]);
      back = ksp_docx_reader_read_file (docx, FALSE, &source, &report, &error);
      g_assert_no_error (error);
      g_assert_cmpint (source, ==, KSP_DOCX_SOURCE_TEXT);
      g_assert_true (report_has (report, "embedded-model-differs"));
      visible = ksp_text_writer_write (back, KSP_LANG_RU);
      g_assert_null (strstr (visible, edits[i][1]));
      ksp_counts_add_tree (&c, back);
      g_assert_cmpuint (c.cards, ==, 10);
      g_assert_cmpuint (c.knowledge, ==, 304);
    }
  {
    /* The text edited in Word: the report says that too. */
    g_autofree char *docx = export_seed (&seeds[1], root, "edited-reported.docx");
    g_autoptr (GError) error = NULL;
    g_autoptr (KspImportReport) report = NULL;
    g_autoptr (KspNode) back = NULL;

    edit_document (docx, ">5320-2-003<", ">5320-2-004<");
    back = ksp_docx_reader_read_file (docx, FALSE, NULL, &report, &error);
    g_assert_no_error (error);
    g_assert_true (report_has (report, "text-edited"));
  }
}

/* Every value the model holds is either printed in the DOCX (so changing it changes the fingerprint of the
 * visible text, and a substituted model is caught by rendering it) or flagged in the registry as DERIVED
 * (checked against the visible text by the reader) or META (about the file). A new field that the writer
 * forgets to print fails here. */
static void
check_fields_shown (KspNode    *root,
                    KspNode    *node,
                    KspLang     lang,
                    const char *base,
                    GHashTable *seen)
{
  static const KspLang langs[] = { KSP_LANG_NONE, KSP_LANG_RU, KSP_LANG_KK };
  const KspKindSpec *spec = ksp_node_get_kind_spec (node);

  for (guint f = 0; spec && f < spec->n_fields; f++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        const char *v = ksp_node_get_value (node, spec->fields[f].name, langs[l]);
        g_autofree char *key = g_strdup_printf ("%s.%s.%d", ksp_node_get_kind (node), spec->fields[f].name, langs[l]);
        g_autofree char *old = NULL, *fp = NULL;

        if (v == NULL || (spec->fields[f].flags & (KSP_FIELD_DERIVED | KSP_FIELD_META)) ||
            g_hash_table_contains (seen, key))
          continue;
        g_hash_table_add (seen, g_strdup (key));
        old = g_strdup (v);
        ksp_node_set_value (node, spec->fields[f].name, langs[l], "ZZ9 подменено");
        fp = ksp_docx_writer_fingerprint (root, lang, NULL);
        ksp_node_set_value (node, spec->fields[f].name, langs[l], old);
        if (g_strcmp0 (fp, base) == 0)
          g_error ("%s %s (%s) is neither printed in the DOCX nor flagged DERIVED or META in the registry",
                   ksp_node_get_kind (node), spec->fields[f].name, ksp_lang_to_string (langs[l]));
      }
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    check_fields_shown (root, ksp_node_get_child (node, i), lang, base, seen);
}

static void
test_every_field_shown (void)
{
  /* Each (kind, field, language) once, in the first seed that has it. */
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr (KspNode) root = read_seed (seeds[i].path);
      g_autofree char *base = ksp_docx_writer_fingerprint (root, seeds[i].lang, NULL);

      g_assert_nonnull (base);
      check_fields_shown (root, root, seeds[i].lang, base, seen);
      g_test_message ("%s: %u fields checked so far", seeds[i].path, g_hash_table_size (seen));
    }
}

/* ---------------------------------------------------------------------------------------------- */
/* WordprocessingML as Word and LibreOffice write it                                               */

static const char word_document[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
  "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
  " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>"
  "<w:p><w:r><w:t>Плain</w:t></w:r><w:r><w:t xml:space=\"preserve\"> run</w:t></w:r></w:p>"
  "<w:p><w:ins w:id=\"1\" w:author=\"A\"><w:r><w:t>inserted</w:t></w:r></w:ins>"
  "<w:del w:id=\"2\" w:author=\"A\"><w:r><w:delText>deleted</w:delText></w:r></w:del></w:p>"
  "<w:sdt><w:sdtPr><w:tag w:val=\"x\"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>in a content control</w:t></w:r></w:p>"
  "</w:sdtContent></w:sdt>"
  "<w:p><w:hyperlink><w:r><w:t>link</w:t></w:r></w:hyperlink><w:r><w:br/><w:t>next line</w:t></w:r></w:p>"
  "<w:p><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:r><w:t>choice</w:t></w:r></mc:Choice>"
  "<mc:Fallback><w:r><w:t>fallback</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>"
  "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"7\"/></w:numPr></w:pPr><w:r><w:t>first</w:t></w:r></w:p>"
  "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"7\"/></w:numPr></w:pPr><w:r><w:t>second</w:t></w:r></w:p>"
  "<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>merged</w:t></w:r></w:p></w:tc>"
  "<w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr>"
  "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>merged copy</w:t></w:r></w:p></w:tc>"
  "<w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr>"
  "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>wide</w:t><w:instrText> PAGE </w:instrText></w:r></w:p></w:tc></w:tr>"
  "</w:tbl><w:sectPr/></w:body></w:document>";

static const char word_numbering[] =
  "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
  "<w:abstractNum w:abstractNumId=\"3\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
  "<w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum><w:num w:numId=\"7\"><w:abstractNumId w:val=\"3\"/></w:num>"
  "</w:numbering>";

static void
test_word_features (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = ksp_docx_text_lines (word_document, strlen (word_document), word_numbering,
                                                     strlen (word_numbering), &error);
  static const char *const expected[] = {
    "Плain run", "inserted", "in a content control", "link", "next line", "fallback", "1. first", "2. second",
    "merged", "a", "b", "wide", NULL
  };
  guint k = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *l = g_ptr_array_index (lines, i);
      if (*l == '\0')
        continue;
      g_assert_nonnull (expected[k]);
      g_assert_cmpstr (l, ==, expected[k]);
      k++;
    }
  g_assert_null (expected[k]);
}

/* ---------------------------------------------------------------------------------------------- */
/* packages that must be refused                                                                    */

static char *
make_zip (const char  *name,
          const char **entries, /* name, data, name, data, …, NULL */
          gsize        big)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  int err = 0;
  zip_t *za = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &err);

  g_assert_nonnull (za);
  for (guint i = 0; entries[i]; i += 2)
    {
      zip_source_t *src = zip_source_buffer (za, g_strdup (entries[i + 1]), strlen (entries[i + 1]), 1);
      g_assert_cmpint (zip_file_add (za, entries[i], src, 0), >=, 0);
    }
  if (big)
    {
      /* A zip bomb: many megabytes of zeros that compress to almost nothing. */
      char *zeros = g_malloc0 (big);
      zip_source_t *src = zip_source_buffer (za, zeros, big, 1);
      g_assert_cmpint (zip_file_add (za, "word/bomb.xml", src, 0), >=, 0);
    }
  g_assert_cmpint (zip_close (za), ==, 0);
  return path;
}

static void
assert_refused (const char *path,
                int         code,
                const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) root = ksp_docx_reader_read_file (path, FALSE, NULL, NULL, &error);

  g_assert_null (root);
  g_assert_error (error, KSP_IMPORT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  if (expected)
    g_assert_nonnull (strstr (error->message, expected));
}

static void
test_bad_packages (void)
{
  static const char *no_document[] = { "[Content_Types].xml", "<Types/>", NULL };
  static const char *doctype[] = {
    "word/document.xml",
    "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
    "<w:t>&x;</w:t></w:r></w:p></w:body></w:document>", NULL };
  static const char *broken[] = { "word/document.xml", "<w:document xmlns:w=\"x\"><w:body><w:p>", NULL };
  static const char *bomb[] = { "word/document.xml", "<x/>", NULL };
  g_autofree char *p1 = make_zip ("no-document.docx", no_document, 0);
  g_autofree char *p2 = make_zip ("doctype.docx", doctype, 0);
  g_autofree char *p3 = make_zip ("broken.docx", broken, 0);
  g_autofree char *p4 = make_zip ("bomb.docx", bomb, 32 * 1024 * 1024);
  g_autofree char *p5 = g_build_filename (tmpdir, "not-a-zip.docx", NULL);
  g_autofree char *p6 = g_build_filename (tmpdir, "cut.docx", NULL);

  assert_refused (p1, KSP_IMPORT_ERROR_FORMAT, "not a Word document");
  assert_refused (p2, KSP_IMPORT_ERROR_FORMAT, "DOCTYPE");
  assert_refused (p3, KSP_IMPORT_ERROR_FORMAT, "word/document.xml");
  assert_refused (p4, KSP_IMPORT_ERROR_FORMAT, "zip bomb");
  g_assert_true (g_file_set_contents (p5, "PK\3\4 but nothing else of a zip file", -1, NULL));
  assert_refused (p5, KSP_IMPORT_ERROR_FORMAT, "not a readable DOCX package");
  {
    /* Our own export, cut in half. */
    g_autoptr (KspNode) root = read_seed (seeds[1].path);
    g_autofree char *docx = export_seed (&seeds[1], root, "whole.docx");
    g_autofree char *data = NULL;
    gsize len = 0;
    g_assert_true (g_file_get_contents (docx, &data, &len, NULL));
    g_assert_true (g_file_set_contents (p6, data, len / 2, NULL));
    assert_refused (p6, KSP_IMPORT_ERROR_FORMAT, "not a readable DOCX package");
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("kasip-docx-XXXXXX", NULL);
  g_test_add_func ("/docx/roundtrip", test_roundtrip);
  g_test_add_func ("/docx/reproducible", test_reproducible);
  g_test_add_func ("/docx/visible-text", test_visible_text);
  g_test_add_func ("/docx/edited-in-word", test_edited_in_word);
  g_test_add_func ("/docx/model-substituted", test_model_substituted);
  g_test_add_func ("/docx/every-field-shown", test_every_field_shown);
  g_test_add_func ("/docx/word-features", test_word_features);
  g_test_add_func ("/docx/bad-packages", test_bad_packages);
  status = g_test_run ();
  ksp_test_remove_dir (tmpdir);
  return status;
}
