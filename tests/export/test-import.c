/* The importer on the five published texts: counts as the domain notes give them, nothing lost (every
 * word of the source is in an element or was read as structure), the seed faults found by validation,
 * a lossless trip through the workspace, and clear errors for bad input. */
#include "config.h"

#include "ksp-test-util.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "ksp-adilet-reader.h"
#include "ksp-import-summary.h"
#include "ksp-ork-reader.h"
#include "ksp-sqlite-store.h"
#include "ksp-text-writer.h"
#include "ksp-validator.h"

#define SEED(n) SOURCE_DATADIR "/samples/" n

static const char *const seed_000 = SEED ("000_2b67e049b4513cfa.txt");
static const char *const seed_001 = SEED ("001_efa396441f2b22fb.txt");
static const char *const seed_002 = SEED ("002_a9356737b7c953f7.txt");
static const char *const seed_003 = SEED ("003_61a1e3a7c96fc608.txt");
static const char *const seed_004 = SEED ("004_8a82f9fdc926935f.txt");

static KspNode *
read_seed (const char       *path,
           KspImportReport **report)
{
  g_autoptr (GError) error = NULL;
  KspNode *root = ksp_adilet_reader_read_file (path, report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  return root;
}

static void
assert_counts (const char *path,
               guint       cards,
               guint       functions,
               guint       skills,
               guint       abilities,
               guint       knowledge)
{
  g_autoptr (KspImportReport) report = NULL;
  g_autoptr (KspNode) root = read_seed (path, &report);
  KspCounts c = { 0 };

  ksp_counts_add_tree (&c, root);
  g_test_message ("%s: %u cards, %u functions, %u skills, %u abilities, %u knowledge", path, c.cards, c.functions,
                  c.skills, c.abilities, c.knowledge);
  g_assert_cmpuint (c.cards, ==, cards);
  g_assert_cmpuint (c.functions, ==, functions);
  g_assert_cmpuint (c.skills, ==, skills);
  g_assert_cmpuint (c.abilities, ==, abilities);
  g_assert_cmpuint (c.knowledge, ==, knowledge);
}

/* standard-2024-ru.md §5: seed 001 exactly; seed 000 within ±1% (21 / 50 / 110 / 646 / 743). */
static void
test_counts_2024 (void)
{
  assert_counts (seed_001, 10, 26, 52, 230, 304);
  assert_counts (seed_000, 21, 50, 110, 646, 743);
}

/* standard-kk-editions.md §6: 002 has 14 cards and 28 labour functions; its 43 task labels («Міндет»,
 * «N-міндет», «Тапсырма») are the skills, plus one function whose abilities have no task (L165). */
static void
test_counts_2019 (void)
{
  assert_counts (seed_002, 14, 28, 44, 39, 33);
}

/* 004: six standards, 30 cards (5+3+3+8+1+10), 104 units «Ф N» listed (18+12+15+23+3+33). */
static void
test_counts_2013 (void)
{
  g_autoptr (KspImportReport) report = NULL;
  g_autoptr (KspNode) root = read_seed (seed_004, &report);
  static const guint cards[] = { 5, 3, 3, 8, 1, 10 };
  static const guint units[] = { 18, 12, 15, 23, 3, 33 };
  guint k = 0;
  g_autofree char *json = ksp_import_summary_json (root, report);

  for (guint i = 0; i < ksp_node_get_n_children (root); i++)
    {
      KspNode *std = ksp_node_get_child (root, i);
      KspCounts c = { 0 };
      if (!g_str_equal (ksp_node_get_kind (std), "standard"))
        continue;
      g_assert_cmpuint (k, <, 6);
      ksp_counts_add_tree (&c, std);
      g_assert_cmpuint (c.cards, ==, cards[k]);
      g_assert_cmpuint (c.functions, ==, units[k]);
      k++;
    }
  g_assert_cmpuint (k, ==, 6);
  g_assert_nonnull (strstr (json, "\"standards\": ["));
  g_assert_nonnull (strstr (json, "\"cards\": 30"));
  g_assert_nonnull (strstr (json, "\"functions\": 104"));
  /* The map row «Ф 5» that appendix 3 does not list (L354–360), and «Ф 6 » with a space (L1945). */
  g_assert_cmpuint (ksp_import_report_count_rule (report, "unit-not-listed"), ==, 1);
  g_assert_cmpuint (ksp_import_report_count_rule (report, "unit-code-space"), ==, 1);
}

/* ---------------------------------------------------------------------------------------------- */
/* nothing lost                                                                                    */

static void
count_words (GHashTable *counts,
             const char *text,
             int         sign)
{
  GString *word = g_string_new (NULL);
  gunichar prev = 0;

  /* Words are runs of letters or of digits; «қолдауБілуге» and «әзірлеу2» are two words each, as the
   * source glued what the reader separates. */
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;
      gboolean glued_break = word->len && c && prev && g_unichar_isalnum (c) && g_unichar_isalnum (prev) &&
                             ((g_unichar_isdigit (c) != g_unichar_isdigit (prev)) ||
                              (g_unichar_isupper (c) && g_unichar_islower (prev)));
      if (c && g_unichar_isalnum (c) && !glued_break)
        g_string_append_unichar (word, g_unichar_tolower (c));
      if (word->len && (!c || !g_unichar_isalnum (c) || glued_break))
        {
          int n = GPOINTER_TO_INT (g_hash_table_lookup (counts, word->str));
          g_hash_table_insert (counts, g_strdup (word->str), GINT_TO_POINTER (n + sign));
          g_string_truncate (word, 0);
          if (glued_break)
            g_string_append_unichar (word, g_unichar_tolower (c));
        }
      prev = c;
      if (!*p)
        break;
    }
  g_string_free (word, TRUE);
}

/* Every word of the source (HTML markup aside) is in the exported text, or was read as structure
 * (labels and headings the writer prints anew). */
static void
assert_nothing_lost (const char *path,
                     KspLang     lang)
{
  g_autoptr (KspImportReport) report = NULL;
  g_autoptr (KspNode) root = read_seed (path, &report);
  g_autoptr (GHashTable) need = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *exported = ksp_text_writer_write (root, lang);
  g_auto (GStrv) lines = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint missing = 0, total = 0;
  GString *examples = g_string_new (NULL);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) cells = g_strsplit (lines[i], "\t", -1);
      for (guint c = 0; cells[c]; c++)
        {
          g_autofree char *clean = ksp_source_clean_cell (cells[c], NULL);
          count_words (need, clean, 1);
        }
    }
  count_words (need, ksp_import_report_get_structure (report), -1);
  count_words (have, exported, 1);

  g_hash_table_iter_init (&iter, need);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int n = GPOINTER_TO_INT (value);
      int h = GPOINTER_TO_INT (g_hash_table_lookup (have, key));
      if (n > 0)
        total += n;
      if (n > h)
        {
          missing += n - h;
          if (examples->len < 400)
            g_string_append_printf (examples, " %s×%d", (char *) key, n - h);
        }
    }
  g_test_message ("%s: %u words to keep, %u missing:%s", path, total, missing, examples->str);
  if (missing > 0)
    g_error ("%s: %u words of the source are in no element:%s", path, missing, examples->str);
  g_string_free (examples, TRUE);
}

static void
test_nothing_lost (void)
{
  assert_nothing_lost (seed_000, KSP_LANG_RU);
  assert_nothing_lost (seed_001, KSP_LANG_RU);
  assert_nothing_lost (seed_002, KSP_LANG_KK);
  assert_nothing_lost (seed_004, KSP_LANG_KK);
}

/* ---------------------------------------------------------------------------------------------- */
/* the order wrapper and the report                                                                */

static gboolean
report_has (KspImportReport *report,
            guint            line,
            const char      *rule)
{
  for (guint i = 0; i < ksp_import_report_get_n (report); i++)
    {
      const KspImportWarning *w = ksp_import_report_get (report, i);
      if (w->line == line && g_str_equal (w->rule, rule))
        return TRUE;
    }
  return FALSE;
}

static void
test_order_wrapper (void)
{
  g_autoptr (KspImportReport) report = NULL;
  g_autoptr (KspNode) root = read_seed (seed_001, &report);
  KspNode *order = ksp_test_first_of_kind (root, "order");
  KspNode *std = ksp_test_first_of_kind (root, "standard");
  KspNode *note;
  guint n_notes = 0;

  g_assert_nonnull (order);
  g_assert_cmpstr (ksp_node_get_value (order, "act_date", KSP_LANG_NONE), ==, "2024-04-30");
  g_assert_cmpstr (ksp_node_get_value (order, "act_number", KSP_LANG_NONE), ==, "125");
  g_assert_nonnull (strstr (ksp_node_get_value (order, "preamble", KSP_LANG_RU), "ПРИКАЗЫВАЮ:"));
  g_assert_cmpstr (ksp_node_get_value (order, "signature_position", KSP_LANG_RU), ==, "Министр");
  g_assert_cmpstr (ksp_node_get_value (order, "signature_name", KSP_LANG_RU), ==, "С. Жакупова");
  g_assert_nonnull (strstr (ksp_node_get_value (order, "appendix_header", KSP_LANG_RU), "от 30 апреля 2024 года № 125"));
  note = ksp_test_first_of_kind (order, "note");
  g_assert_cmpstr (ksp_node_get_value (note, "effective_from", KSP_LANG_NONE), ==, "2025-01-01");
  g_assert_cmpstr (ksp_node_get_number (ksp_node_get_child (order, 2)), ==, "2.");
  g_assert_cmpuint (ksp_node_get_n_children (ksp_node_get_child (order, 2)), ==, 2); /* item 2 has 1) and 2) */

  /* «Примечание ИЗПИ!» before sub-item 9) and cards 12–16: notes with the amending act and its date. */
  for (guint i = 0; i < ksp_node_get_n_children (std); i++)
    {
      KspNode *c = ksp_node_get_child (std, i);
      if (!g_str_equal (ksp_node_get_kind (c), "note"))
        continue;
      n_notes++;
      g_assert_cmpstr (ksp_node_get_value (c, "effective_from", KSP_LANG_NONE), ==, "2026-07-12");
      g_assert_nonnull (strstr (ksp_node_get_value (c, "amending_act", KSP_LANG_RU), "№ 109"));
    }
  g_assert_cmpuint (n_notes, ==, 6);

  /* Card 15's «Код группы: 2635-3» before its heading (S1:2279–2291) is kept, not lost or misplaced. */
  g_assert_true (report_has (report, 2282, "not-placed"));
  g_assert_true (report_has (report, 2284, "not-placed"));
  /* Labels without their colon (S1:496, 744, …). */
  g_assert_true (report_has (report, 496, "label-no-colon"));
  g_assert_true (report_has (report, 744, "label-no-colon"));
}

static void
test_card_fields (void)
{
  g_autoptr (KspImportReport) report = NULL;
  g_autoptr (KspNode) root = read_seed (seed_000, &report);
  KspNode *card = ksp_test_first_of_kind (root, "card");
  KspNode *card29 = NULL;
  KspNode *std = ksp_test_first_of_kind (root, "standard");

  g_assert_cmpstr (ksp_node_get_number (card), ==, "10.");
  g_assert_cmpstr (ksp_node_get_value (card, "title", KSP_LANG_RU), ==, "Инструктор-методист по райттерапии (иппотерапии)");
  g_assert_cmpstr (ksp_node_get_value (card, "occupation_code", KSP_LANG_NONE), ==, "3423-0-006");
  g_assert_cmpstr (ksp_node_get_value (card, "ork_sublevel", KSP_LANG_NONE), ==, "");   /* empty, not absent */
  g_assert_cmpstr (ksp_node_get_value (ksp_test_first_of_kind (card, "other_name"), "code", KSP_LANG_NONE), ==, "3423-0-018");
  g_assert_cmpstr (ksp_node_get_value (ksp_test_first_of_kind (card, "tech_reg"), "designation", KSP_LANG_NONE), ==, "СТ РК 3391-2019");
  g_assert_cmpstr (ksp_node_get_value (ksp_test_first_of_kind (card, "skill"), "recognition", KSP_LANG_RU), ==, "-");
  for (guint i = 0; i < ksp_node_get_n_children (std); i++)
    if (g_strcmp0 (ksp_node_get_number (ksp_node_get_child (std, i)), "29.") == 0)
      card29 = ksp_node_get_child (std, i);
  g_assert_nonnull (card29);
  g_assert_cmpstr (ksp_node_get_value (card29, "occupation_code", KSP_LANG_NONE), ==, "-"); /* a dash, kept */
  g_assert_cmpint (ksp_value_state (ksp_node_get_value (card29, "occupation_code", KSP_LANG_NONE)), ==, KSP_VALUE_DASH);
  g_assert_cmpstr (ksp_node_get_value (std, "code", KSP_LANG_NONE), ==, "Q87300060");
  g_assert_cmpstr (ksp_node_get_value (ksp_test_first_of_kind (root, "technical"), "sector_council_date", KSP_LANG_NONE), ==,
                   "2024-07-25");
}

/* ---------------------------------------------------------------------------------------------- */
/* validation of the seeds' faults                                                                 */

static gboolean
has_finding (GPtrArray  *findings,
             const char *rule,
             guint       line)
{
  for (guint i = 0; i < findings->len; i++)
    {
      KspFinding *f = g_ptr_array_index (findings, i);
      if (g_str_equal (f->rule, rule) && (line == 0 || f->line == line))
        return TRUE;
    }
  return FALSE;
}

static void
test_seed_faults (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspClassifiers) ork = ksp_ork_reader_read (seed_003, &error);
  g_autoptr (KspNode) s0 = read_seed (seed_000, NULL);
  g_autoptr (KspNode) s1 = read_seed (seed_001, NULL);
  g_autoptr (KspNode) s2 = read_seed (seed_002, NULL);
  g_autoptr (GPtrArray) f0 = NULL, f1 = NULL, f2 = NULL;

  g_assert_no_error (error);
  f0 = ksp_validate (s0, ork);
  f1 = ksp_validate (s1, ork);
  f2 = ksp_validate (s2, ork);

  /* standard-2024-ru.md §4 and classifiers-and-validation.md §5, seed 000 */
  g_assert_true (has_finding (f0, "V1", 794));     /* card 29: occupation code «-» (S0:796) */
  g_assert_true (has_finding (f0, "V10", 0));      /* Q87300060 → 87.30.0 not among its OKED codes */
  g_assert_true (has_finding (f0, "S1", 167));     /* «гидрофизioterapiи» */
  g_assert_true (has_finding (f0, "S1", 412));
  g_assert_true (has_finding (f0, "S1", 445));
  g_assert_true (has_finding (f0, "D1", 0));       /* cards 26, 27, 28 identical */
  g_assert_true (has_finding (f0, "N2", 592));     /* abilities «…5. 4. 6.» */
  g_assert_true (has_finding (f0, "N2", 599));     /* «3. 3.» */
  g_assert_true (has_finding (f0, "V3", 216));     /* «Культурный работник» vs НКЗ «Культорганизатор» */
  g_assert_true (has_finding (f0, "V4", 329));     /* 5320-1-003 at level 1, ORK says 2 */
  g_assert_true (has_finding (f0, "V11", 88));     /* card list «Культорганизатор» vs the cards */
  g_assert_true (ksp_findings_count (f0, KSP_SEVERITY_ERROR) > 0);
  /* seed 001 */
  g_assert_true (has_finding (f1, "V9", 0));       /* 88 → 88.10 without the group */
  g_assert_true (has_finding (f1, "V13", 0));      /* link levels that disagree with the cards */
  g_assert_true (has_finding (f1, "V12", 222));    /* card 9 lists its own code as another name */
  g_assert_true (has_finding (f1, "V15", 0));      /* «Закона и.о. Министра…» */
  g_assert_true (has_finding (f1, "K1", 0));       /* national body dated before the sector council */
  g_assert_true (has_finding (f1, "D2", 2491));    /* the repeated 9-item knowledge block */
  g_assert_true (has_finding (f1, "N1", 0));       /* knowledge 7 → 9 */
  /* seed 002 */
  g_assert_true (has_finding (f2, "V1", 213));     /* «3412-008» (L214; findings carry the card's line, L213) */
}

/* ---------------------------------------------------------------------------------------------- */
/* the workspace keeps everything                                                                  */

static void
test_workspace_roundtrip (void)
{
  static const char *const seeds[] = { SEED ("000_2b67e049b4513cfa.txt"), SEED ("001_efa396441f2b22fb.txt"),
                                       SEED ("002_a9356737b7c953f7.txt"), SEED ("004_8a82f9fdc926935f.txt"), NULL };
  g_autofree char *dir = g_dir_make_tmp ("kasip-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ws.kasip", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) store = ksp_store_open_uri (path, KSP_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  for (guint i = 0; seeds[i]; i++)
    {
      g_autoptr (KspNode) root = read_seed (seeds[i], NULL);
      g_autoptr (KspNode) back = NULL;
      g_autofree char *difference = NULL;
      gint64 tree = ksp_store_add_standard (store, root, &error);
      g_assert_no_error (error);
      back = ksp_store_load_tree (store, tree, &error);
      g_assert_no_error (error);
      if (!ksp_node_equal (root, back, &difference))
        g_error ("%s: the workspace changed it: %s", seeds[i], difference);
    }
  ksp_store_close (store);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL), *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

/* ---------------------------------------------------------------------------------------------- */
/* bad input                                                                                       */

static void
assert_refused (const char *name,
                const char *data,
                gsize       length,
                int         code,
                const char *expected)
{
  g_autofree char *dir = g_dir_make_tmp ("kasip-bad-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (KspImportReport) report = NULL;
  g_autoptr (KspNode) root = NULL;

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  root = ksp_adilet_reader_read_file (path, &report, &error);
  g_assert_null (root);
  g_assert_error (error, KSP_IMPORT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  if (expected)
    g_assert_nonnull (strstr (error->message, expected));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_bad_input (void)
{
  g_autofree char *seed = NULL;
  gsize len = 0;
  g_autofree char *big = NULL;
  static const char binary[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0";
  static const char latin1[] = "Карточка профессии\n\xCA\xE0\xF0\xF2\xEE\xF7\xEA\xE0\n";
  static const char control[] = "Глава 3. Карточки профессий\n9. Карточка профессии \"X\"\nКод группы:\x1b[31m\n";

  assert_refused ("empty.txt", "", 0, KSP_IMPORT_ERROR_NOT_TEXT, "empty");
  assert_refused ("blank.txt", "\n\n  \t\n", 6, KSP_IMPORT_ERROR_NOT_TEXT, "no text");
  assert_refused ("binary.docx", binary, sizeof binary - 1, KSP_IMPORT_ERROR_NOT_TEXT, "line 1");
  assert_refused ("latin1.txt", latin1, sizeof latin1 - 1, KSP_IMPORT_ERROR_NOT_TEXT, "line 2: invalid UTF-8");
  assert_refused ("control.txt", control, sizeof control - 1, KSP_IMPORT_ERROR_NOT_TEXT, "line 3: control character");
  assert_refused ("letter.txt", "Уважаемые коллеги!\nПрошу рассмотреть.\n", strlen ("Уважаемые коллеги!\nПрошу рассмотреть.\n"),
                  KSP_IMPORT_ERROR_FORMAT, "no profession card was recognised");

  /* Cut in the middle of a character, and cut in the middle of a card. */
  g_assert_true (g_file_get_contents (seed_001, &seed, &len, NULL));
  {
    gsize k = 1000;
    while (((guchar) seed[k] & 0xC0) != 0x80)
      k++;
    assert_refused ("cut-char.txt", seed, k, KSP_IMPORT_ERROR_NOT_TEXT, "cut off");
  }
  {
    /* Cut at the end of a line in the middle of the cards. */
    const char *nl = strchr (seed + len / 2, '\n');
    assert_refused ("cut-card.txt", seed, nl - seed + 1, KSP_IMPORT_ERROR_TRUNCATED, "the text stops inside card");
  }

  /* 50 MB: refused at once, without reading it into memory first. */
  big = g_malloc (50 * 1024 * 1024);
  for (gsize i = 0; i < 50 * 1024 * 1024; i++)
    big[i] = "абв \n"[i % 5] ? 'a' + i % 26 : '\n';
  assert_refused ("huge.txt", big, 50 * 1024 * 1024, KSP_IMPORT_ERROR_UNREADABLE, "too large");

  /* A missing file and a folder. */
  {
    g_autoptr (GError) error = NULL;
    g_assert_null (ksp_adilet_reader_read_file ("/nonexistent/standard.txt", NULL, &error));
    g_assert_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_UNREADABLE);
    g_clear_error (&error);
    g_assert_null (ksp_adilet_reader_read_file (SOURCE_DATADIR, NULL, &error));
    g_assert_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_UNREADABLE);
  }
}

/* Damaged copies of the seeds: each byte of a sample flipped in turn must give a tree or an error,
 * never a crash (CI runs this under AddressSanitizer). */
static void
test_damaged_seeds (void)
{
  g_autofree char *seed = NULL;
  gsize len = 0;
  GRand *rand = g_rand_new_with_seed (20261125);

  g_assert_true (g_file_get_contents (seed_000, &seed, &len, NULL));
  for (guint round = 0; round < 40; round++)
    {
      g_autofree char *copy = g_memdup2 (seed, len);
      g_autoptr (GError) error = NULL;
      g_autoptr (KspImportReport) report = ksp_import_report_new ("damaged");
      g_autoptr (KspSource) src = NULL;
      gsize cut = g_rand_int_range (rand, 1, len);

      for (guint k = 0; k < 20; k++)
        {
          gsize at = g_rand_int_range (rand, 0, cut);
          copy[at] = "\t\n:.-)<>1»"[g_rand_int_range (rand, 0, 10)];
        }
      src = ksp_source_new_from_data ("damaged", copy, cut, report, &error);
      if (src)
        {
          g_autoptr (KspNode) root = ksp_adilet_reader_read (src, report, &error);
          g_assert_true ((root != NULL) != (error != NULL));
        }
      else
        g_assert_nonnull (error);
    }
  g_rand_free (rand);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/counts/2024", test_counts_2024);
  g_test_add_func ("/import/counts/2019", test_counts_2019);
  g_test_add_func ("/import/counts/2013", test_counts_2013);
  g_test_add_func ("/import/nothing-lost", test_nothing_lost);
  g_test_add_func ("/import/order-wrapper", test_order_wrapper);
  g_test_add_func ("/import/card-fields", test_card_fields);
  g_test_add_func ("/import/seed-faults", test_seed_faults);
  g_test_add_func ("/import/workspace-roundtrip", test_workspace_roundtrip);
  g_test_add_func ("/import/bad-input", test_bad_input);
  g_test_add_func ("/import/damaged-seeds", test_damaged_seeds);
  return g_test_run ();
}
