/* test-word-diff.c: model/diff/ksp-word-diff.c: the word diff, the noise, the similarity
 *
 * The phrases are from the seeds' professional standards (Russian and Kazakh), changed the way an editor
 * changes them: one word, a phrase added, a tail cut, a sentence rewritten.
 */
#include "ksp-word-diff.h"

#include <string.h>

/* Spans as "op:text" pairs, NULL-terminated, so that a failing test prints what came out. */
static char *
spans_to_string (GPtrArray *spans)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      const KspWordSpan *span = g_ptr_array_index (spans, i);
      g_string_append_printf (out, "%s[%s]", ksp_span_op_to_string (span->op), span->text);
    }
  return g_string_free (out, FALSE);
}

/* The expected spans: op string, text, op string, text, ..., NULL. */
static void
assert_spans (const char *old_text,
              const char *new_text,
              ...)
{
  g_autoptr (GPtrArray) spans = ksp_word_diff (old_text, new_text);
  g_autofree char *got = spans_to_string (spans);
  g_autoptr (GString) want = g_string_new (NULL);
  const char *op;
  va_list args;

  va_start (args, new_text);
  while ((op = va_arg (args, const char *)) != NULL)
    {
      const char *text = va_arg (args, const char *);
      g_string_append_printf (want, "%s[%s]", op, text);
    }
  va_end (args);

  g_assert_cmpstr (got, ==, want->str);
}

/* What every diff must satisfy: EQUAL+DELETE is the old text and EQUAL+INSERT the new one, byte for
 * byte; no empty span; no two spans of one op in a row; in a replace the DELETE comes first. */
static void
check_properties (const char *old_text,
                  const char *new_text)
{
  g_autoptr (GPtrArray) spans = ksp_word_diff (old_text, new_text);
  g_autoptr (GString) old_back = g_string_new (NULL);
  g_autoptr (GString) new_back = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      const KspWordSpan *span = g_ptr_array_index (spans, i);

      g_assert_nonnull (span->text);
      g_assert_cmpuint (strlen (span->text), >, 0);
      g_assert_true (span->op == KSP_SPAN_EQUAL || span->op == KSP_SPAN_DELETE
                     || span->op == KSP_SPAN_INSERT);
      if (i > 0)
        {
          const KspWordSpan *prev = g_ptr_array_index (spans, i - 1);
          g_assert_cmpint (prev->op, !=, span->op);
          g_assert_false (prev->op == KSP_SPAN_INSERT && span->op == KSP_SPAN_DELETE);
        }
      if (span->op != KSP_SPAN_INSERT)
        g_string_append (old_back, span->text);
      if (span->op != KSP_SPAN_DELETE)
        g_string_append (new_back, span->text);
    }

  g_assert_cmpstr (old_back->str, ==, old_text != NULL ? old_text : "");
  g_assert_cmpstr (new_back->str, ==, new_text != NULL ? new_text : "");

  if (g_strcmp0 (old_text != NULL ? old_text : "", new_text != NULL ? new_text : "") == 0)
    {
      g_assert_cmpuint (spans->len, ==, (old_text == NULL || *old_text == '\0') ? 0 : 1);
      if (spans->len == 1)
        g_assert_cmpint (((KspWordSpan *) g_ptr_array_index (spans, 0))->op, ==, KSP_SPAN_EQUAL);
    }
}

static void
test_edges (void)
{
  g_autoptr (GPtrArray) equal = ksp_word_diff ("Знание методов", "Знание методов");
  g_autoptr (GPtrArray) both_null = ksp_word_diff (NULL, NULL);
  g_autoptr (GPtrArray) null_empty = ksp_word_diff (NULL, "");

  g_assert_cmpuint (equal->len, ==, 1);
  g_assert_cmpuint (both_null->len, ==, 0);
  g_assert_cmpuint (null_empty->len, ==, 0);
  g_assert_cmpstr (ksp_span_op_to_string (KSP_SPAN_EQUAL), ==, "equal");
  g_assert_cmpstr (ksp_span_op_to_string (KSP_SPAN_DELETE), ==, "delete");
  g_assert_cmpstr (ksp_span_op_to_string (KSP_SPAN_INSERT), ==, "insert");

  assert_spans (NULL, "Знание", "insert", "Знание", NULL);
  assert_spans ("Знание", "", "delete", "Знание", NULL);
  assert_spans ("Знание методов", "Знание методов", "equal", "Знание методов", NULL);
  /* Two words of two letters: the changed one only, not the whole text. */
  assert_spans ("а б", "а в", "equal", "а ", "delete", "б", "insert", "в", NULL);
}

static void
test_russian_word (void)
{
  assert_spans ("Знание методов контроля качества сварных швов",
                "Знание методов контроля качества паяных швов",
                "equal", "Знание методов контроля качества ",
                "delete", "сварных",
                "insert", "паяных",
                "equal", " швов",
                NULL);
  /* A word is a token: an ending changed replaces the word, not two letters of it. */
  assert_spans ("Знание основ современного менеджмента",
                "Знания основ современного менеджмента",
                "delete", "Знание",
                "insert", "Знания",
                "equal", " основ современного менеджмента",
                NULL);
  /* Digits are a word too. */
  assert_spans ("Стаж работы не менее 3 лет.",
                "Стаж работы не менее 5 лет.",
                "equal", "Стаж работы не менее ",
                "delete", "3",
                "insert", "5",
                "equal", " лет.",
                NULL);
}

static void
test_kazakh_word (void)
{
  assert_spans ("Дәнекерлеу жіктерінің сапасын бақылау әдістерін білу",
                "Дәнекерлеу жіктерінің сапасын тексеру әдістерін білу",
                "equal", "Дәнекерлеу жіктерінің сапасын ",
                "delete", "бақылау",
                "insert", "тексеру",
                "equal", " әдістерін білу",
                NULL);
  /* A Kazakh letter inside a word does not cut it: «білімі» for «білім» is one word replaced. */
  assert_spans ("Кәсіби білім және дағдылар",
                "Кәсіби білімі және дағдылар",
                "equal", "Кәсіби ",
                "delete", "білім",
                "insert", "білімі",
                "equal", " және дағдылар",
                NULL);
}

static void
test_short_equal_folded (void)
{
  /* Two words changed around «и»: the short equality between them goes into the edit. */
  assert_spans ("Знание методов контроля сварных и паяных швов",
                "Знание методов контроля литых и кованых швов",
                "equal", "Знание методов контроля ",
                "delete", "сварных и паяных",
                "insert", "литых и кованых",
                "equal", " швов",
                NULL);
  /* Two neighbouring words: the space between them is no equality of its own. */
  assert_spans ("Жұмыс орнын дайындау және ұйымдастыру",
                "Жұмыс құралдарын тексеру және ұйымдастыру",
                "equal", "Жұмыс ",
                "delete", "орнын дайындау",
                "insert", "құралдарын тексеру",
                "equal", " және ұйымдастыру",
                NULL);
  /* Two changes far apart stay two changes. */
  assert_spans ("Знание методов контроля качества сварных швов и требований охраны труда",
                "Знание способов контроля качества сварных швов и требований охраны здоровья",
                "equal", "Знание ",
                "delete", "методов",
                "insert", "способов",
                "equal", " контроля качества сварных швов и требований охраны ",
                "delete", "труда",
                "insert", "здоровья",
                NULL);
}

static void
test_rewrite (void)
{
  /* Nothing but spaces in common: one replace. */
  assert_spans ("Знать правила техники безопасности при работе с электроинструментом.",
                "Уметь читать чертежи и схемы электрических цепей.",
                "delete", "Знать правила техники безопасности при работе с электроинструментом.",
                "insert", "Уметь читать чертежи и схемы электрических цепей.",
                NULL);
  /* «в соответствии с» in common, less than 30 % of the text: still one replace. */
  assert_spans ("Выполнять сварку металлических конструкций в соответствии с технологической картой",
                "Проводить контроль качества сварных соединений в соответствии с требованиями стандарта",
                "delete", "Выполнять сварку металлических конструкций в соответствии с технологической картой",
                "insert", "Проводить контроль качества сварных соединений в соответствии с требованиями стандарта",
                NULL);
  /* Kazakh, a sentence rewritten after a common first word: the word is kept, the rest replaced. */
  assert_spans ("Жауапкершілік, еңбек процестерін дербес басқару және бақылау.",
                "Жауапкершілік, ақпараттың үлкен көлемімен жұмыс істей білу.",
                "equal", "Жауапкершілік, ",
                "delete", "еңбек процестерін дербес басқару және бақылау.",
                "insert", "ақпараттың үлкен көлемімен жұмыс істей білу.",
                NULL);
}

static void
test_insert_phrase (void)
{
  assert_spans ("Знание методов контроля качества",
                "Знание методов неразрушающего контроля качества",
                "equal", "Знание методов ",
                "insert", "неразрушающего ",
                "equal", "контроля качества",
                NULL);
  assert_spans ("Отбасы психологиясы, отбасылық кеңес беру",
                "Отбасы психологиясы, отбасылық кеңес беру және отбасылық дағдарыстар",
                "equal", "Отбасы психологиясы, отбасылық кеңес беру",
                "insert", " және отбасылық дағдарыстар",
                NULL);
  assert_spans ("основ современного менеджмента",
                "Знание основ современного менеджмента",
                "insert", "Знание ",
                "equal", "основ современного менеджмента",
                NULL);
}

static void
test_delete (void)
{
  /* The tail cut off. */
  assert_spans ("Знание методов контроля качества сварных швов",
                "Знание методов контроля качества",
                "equal", "Знание методов контроля качества",
                "delete", " сварных швов",
                NULL);
  /* A word dropped in the middle (seed 000, two versions of one knowledge). */
  assert_spans ("- Знание основ современного менеджмента и умение применять их на практике",
                "- Знание основ современного менеджмента и умение применять на практике",
                "equal", "- Знание основ современного менеджмента и умение применять ",
                "delete", "их ",
                "equal", "на практике",
                NULL);
  /* Punctuation alone. */
  assert_spans ("Аналитикалық ақыл-ой, ақпараттың үлкен көлемімен жұмыс істей білу.",
                "Аналитикалық ақыл-ой, ақпараттың үлкен көлемімен жұмыс істей білу",
                "equal", "Аналитикалық ақыл-ой, ақпараттың үлкен көлемімен жұмыс істей білу",
                "delete", ".",
                NULL);
}

static const char *const seed_texts[] = {
  "Знание методов контроля качества сварных швов",
  "Дәнекерлеу жіктерінің сапасын бақылау әдістерін білу",
  "- Знание основ современного менеджмента и умение применять их на практике",
  "Жауапкершілік, еңбек процестерін дербес басқару және бақылау, тәуелсіз шешімдер қабылдау мүмкіндігі, адалдық.",
  "1. Область применения профессионального стандарта: «Специалисты, оказывающие специальные социальные услуги» (далее – профессиональный стандарт).",
  "Білуге тиіс:1. Жеке тұлға психологиясының қағидаттары мен негіздерін білу.2. Жас психологиясы ерекшеліктері.",
  "Стаж работы не менее 3 лет;\r\n\tвысшее образование",
  "Қауіпсіздік\u00a0техникасы — 2024 ж.",
};

/* Bits a mutation puts in: letters of both alphabets, spaces of all kinds, punctuation, emoji
 * (with a skin tone, a family joined by ZWJ, a flag), combining marks, digits. */
static const char *const pieces[] = {
  "а", "ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Ж", "ё", "z", "7", "42",
  " ", "  ", "\u00a0", "\u202f", "\t", "\n", "\r\n",
  ",", ".", ";", ":", "«", "»", "—", "-", "(", ")",
  "\U0001F44D", "\U0001F44D\U0001F3FD", "\U0001F468\u200D\U0001F469\u200D\U0001F467", "\U0001F1F0\U0001F1FF",
  "\u0301", "e\u0308", "\u0306",
  "сварка", "білу", "контроль", "және",
};

/* A random change at a character boundary of @text: insert, delete or replace up to a few chars. */
static char *
mutate (const char *text)
{
  glong n_chars = g_utf8_strlen (text, -1);
  glong at = n_chars > 0 ? g_test_rand_int_range (0, (gint32) n_chars + 1) : 0;
  glong cut = g_test_rand_int_range (0, 4);
  const char *start = g_utf8_offset_to_pointer (text, at);
  const char *stop;
  GString *out = g_string_new (NULL);

  cut = MIN (cut, n_chars - at);
  stop = g_utf8_offset_to_pointer (start, cut);
  g_string_append_len (out, text, start - text);
  if (g_test_rand_bit () || cut == 0)
    g_string_append (out, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
  g_string_append (out, stop);
  return g_string_free (out, FALSE);
}

static void
test_reconstruction (void)
{
  static const char *const pairs[][2] = {
    { NULL, NULL }, { NULL, "" }, { "", NULL }, { "", "" }, { NULL, "а" }, { "а", NULL },
    { " ", "" }, { "\n", "\r\n" }, { "...", ".." }, { "a", "b" }, { "ab", "ba" },
    { "\U0001F44D", "\U0001F44D\U0001F3FD" }, { "e\u0301", "e" }, { "\u0301", "\u0301\u0301" },
    { "\U0001F468\u200D\U0001F469\u200D\U0001F467", "\U0001F468\u200D\U0001F469" },
    { "\U0001F1F0\U0001F1FF\U0001F1F7\U0001F1FA", "\U0001F1F7\U0001F1FA" },
    { "ааа ббб ааа", "ббб ааа ббб" }, { "a b c d e f", "f e d c b a" },
    /* Not UTF-8: the bytes still come back as they were. */
    { "abc \xff def", "abc \xfe def" }, { "\xd0", "\xd0\xb0" }, { "\xe2\x80", "x \xe2\x80 y" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    check_properties (pairs[i][0], pairs[i][1]);

  for (guint i = 0; i < G_N_ELEMENTS (seed_texts); i++)
    for (guint j = 0; j < G_N_ELEMENTS (seed_texts); j++)
      check_properties (seed_texts[i], seed_texts[j]);

  /* Random walks away from each seed text: one, two, ... up to twenty mutations. */
  for (guint round = 0; round < 200; round++)
    {
      const char *seed = seed_texts[round % G_N_ELEMENTS (seed_texts)];
      g_autofree char *text = g_strdup (seed);
      guint steps = g_test_rand_int_range (1, 21);

      for (guint s = 0; s < steps; s++)
        {
          char *next = mutate (text);
          check_properties (text, next);
          /* A few characters changed in a long text leave most of it equal (even when the change
           * glues two words into one, the longest two of these seeds are less than half of one). */
          if (s == 0 && strlen (seed) > 80)
            {
              g_autoptr (GPtrArray) spans = ksp_word_diff (text, next);
              gsize equal = 0;
              for (guint k = 0; k < spans->len; k++)
                if (((KspWordSpan *) g_ptr_array_index (spans, k))->op == KSP_SPAN_EQUAL)
                  equal += strlen (((KspWordSpan *) g_ptr_array_index (spans, k))->text);
              if (equal * 2 <= strlen (text))
                g_test_message ("«%s» → «%s»", text, next);
              g_assert_cmpuint (equal * 2, >, strlen (text));
            }
          g_free (text);
          text = next;
        }
      check_properties (seed, text);
      check_properties (text, seed);
    }
}

/* Every plain word of every seed text replaced, then dropped, in turn: the diff names that word only. */
static void
test_one_word_edits (void)
{
  guint checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (seed_texts); i++)
    {
      g_auto (GStrv) words = g_strsplit (seed_texts[i], " ", -1);
      guint n = g_strv_length (words);

      if (n < 5)
        continue;
      for (guint w = 0; w < n; w++)
        {
          g_autoptr (GString) prefix = g_string_new (NULL);   /* the words before w, each with its space */
          g_autoptr (GString) suffix = g_string_new (NULL);   /* the words after w, each after its space */
          g_autoptr (GString) replaced = g_string_new (NULL);
          g_autoptr (GString) dropped = g_string_new (NULL);
          g_autoptr (GString) want = g_string_new (NULL);
          g_autofree char *old_text = g_strjoinv (" ", words);
          gboolean plain = words[w][0] != '\0';

          /* Only words of letters and digits: a word with punctuation at its edge may share it. */
          for (const char *p = words[w]; *p; p = g_utf8_next_char (p))
            plain = plain && g_unichar_isalnum (g_utf8_get_char (p));
          if (!plain)
            continue;

          for (guint k = 0; k < w; k++)
            g_string_append_printf (prefix, "%s ", words[k]);
          for (guint k = w + 1; k < n; k++)
            g_string_append_printf (suffix, " %s", words[k]);

          /* Replaced by a word found nowhere. */
          g_string_printf (replaced, "%sЖЖЖ%s", prefix->str, suffix->str);
          if (prefix->len > 0)
            g_string_append_printf (want, "equal[%s]", prefix->str);
          g_string_append_printf (want, "delete[%s]insert[ЖЖЖ]", words[w]);
          if (suffix->len > 0)
            g_string_append_printf (want, "equal[%s]", suffix->str);
          {
            g_autoptr (GPtrArray) spans = ksp_word_diff (old_text, replaced->str);
            g_autofree char *got = spans_to_string (spans);
            g_assert_cmpstr (got, ==, want->str);
          }

          /* Dropped with its space: the one after it, or before it for the last word. */
          g_string_truncate (want, 0);
          if (w + 1 < n)
            {
              g_string_printf (dropped, "%s%s", prefix->str, suffix->str + 1);
              if (prefix->len > 0)
                g_string_append_printf (want, "equal[%s]", prefix->str);
              g_string_append_printf (want, "delete[%s ]equal[%s]", words[w], suffix->str + 1);
            }
          else
            {
              g_string_printf (dropped, "%.*s", (int) prefix->len - 1, prefix->str);
              g_string_append_printf (want, "equal[%s]delete[ %s]", dropped->str, words[w]);
            }
          {
            g_autoptr (GPtrArray) spans = ksp_word_diff (old_text, dropped->str);
            g_autofree char *got = spans_to_string (spans);
            g_assert_cmpstr (got, ==, want->str);
          }
          check_properties (replaced->str, old_text);
          check_properties (dropped->str, old_text);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 30);
}

/* Long texts, all different: the diff gives up on alignment, fast, and is still right. */
static void
test_large (void)
{
  g_autoptr (GString) a = g_string_new (NULL);
  g_autoptr (GString) b = g_string_new (NULL);
  g_autoptr (GPtrArray) spans = NULL;
  g_autoptr (GPtrArray) same_tail = NULL;
  g_autofree char *a_long = NULL;
  g_autofree char *b_long = NULL;
  gint64 start;

  for (guint i = 0; i < 6000; i++)
    {
      g_string_append_printf (a, "сөз%u ", i);
      g_string_append_printf (b, "слово%u, ", i);
    }
  start = g_get_monotonic_time ();
  spans = ksp_word_diff (a->str, b->str);
  g_test_message ("6000 words against 6000: %" G_GINT64_FORMAT " µs",
                  g_get_monotonic_time () - start);
  g_assert_cmpuint (spans->len, ==, 2);
  check_properties (a->str, b->str);

  /* One word changed in 6 000: one replace in the middle. */
  a_long = g_strdup (a->str);
  b_long = g_strdup (a->str);
  memcpy (strstr (b_long, "сөз3000 "), "СӨЗ", strlen ("СӨЗ"));
  start = g_get_monotonic_time ();
  same_tail = ksp_word_diff (a_long, b_long);
  g_test_message ("one word in 6000: %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
  g_assert_cmpuint (same_tail->len, ==, 4);
  g_assert_cmpstr (((KspWordSpan *) g_ptr_array_index (same_tail, 1))->text, ==, "сөз3000");
  g_assert_cmpstr (((KspWordSpan *) g_ptr_array_index (same_tail, 2))->text, ==, "СӨЗ3000");
}

static void
test_normalize_form (void)
{
  g_autofree char *spaces = ksp_text_normalize ("  Знание\u00a0\u00a0методов\r\n\tконтроля\u202fкачества.  ");
  g_autofree char *quotes = ksp_text_normalize ("«Специалисты» „социальные“ “услуги” ‘а’ ‹б› 'в' \"г\"");
  g_autofree char *dashes = ksp_text_normalize ("(далее – стандарт) — это ‐ ‑ ‒ − -; 1–2, ақыл-ой");
  g_autofree char *tail = ksp_text_normalize ("Білуге тиіс:;. ,\n");
  g_autofree char *only_noise = ksp_text_normalize (" \u2009 .;: ");
  g_autofree char *thin = ksp_text_normalize ("a\u2002b\u2003c\u2009d\u200ae\u200bf\u00a0g");

  g_assert_cmpstr (spaces, ==, "Знание методов контроля качества");
  g_assert_cmpstr (quotes, ==, "\"Специалисты\" \"социальные\" \"услуги\" \"а\" \"б\" \"в\" \"г\"");
  /* Between spaces a dash is "-"; inside «1–2» or «ақыл-ой» it stays what it is. */
  g_assert_cmpstr (dashes, ==, "(далее - стандарт) - это - - - - -; 1–2, ақыл-ой");
  g_assert_cmpstr (tail, ==, "Білуге тиіс");
  g_assert_cmpstr (only_noise, ==, "");
  g_assert_cmpstr (thin, ==, "a b c d e f g");
  g_assert_null (ksp_text_normalize (NULL));
  g_assert_true (ksp_text_equivalent (NULL, NULL));
  g_assert_false (ksp_text_equivalent (NULL, ""));
  g_assert_false (ksp_text_equivalent ("", NULL));
  g_assert_false (ksp_text_equivalent (NULL, "Знание"));
  g_assert_true (ksp_text_equivalent ("", " . "));
}

static void
test_normalize_noise (void)
{
  static const char *const same[][2] = {
    { "Знание методов контроля", "Знание\u00a0методов\u202fконтроля" },
    { "Знание методов контроля", "Знание  методов   контроля" },
    { "Знание методов контроля", "Знание методов\nконтроля" },
    { "Знание методов контроля", "Знание методов\r\n\r\nконтроля" },
    { "Знание методов контроля", "\tЗнание методов контроля " },
    { "Знание методов контроля", "Знание методов контроля." },
    { "Знание методов контроля", "Знание методов контроля;" },
    { "Знание методов контроля;", "Знание методов контроля." },
    { "Знание методов контроля", "Знание методов контроля: " },
    { "Специалисты «социальные услуги»", "Специалисты \"социальные услуги\"" },
    { "Специалисты «социальные услуги»", "Специалисты „социальные услуги“" },
    { "Специалисты «социальные услуги»", "Специалисты “социальные услуги”" },
    { "(далее – стандарт)", "(далее — стандарт)" },
    { "(далее – стандарт)", "(далее - стандарт)" },
    { "(далее – стандарт)", "(далее\u00a0− стандарт)" },
    { "Қауіпсіздік техникасы — 2024 ж.", "Қауіпсіздік\u00a0техникасы - 2024 ж" },
    { "Тез тіл табыса білу, тілектестік", "Тез  тіл табыса\u00a0білу, тілектестік." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      if (!ksp_text_equivalent (same[i][0], same[i][1]))
        g_test_message ("«%s» vs «%s»", same[i][0], same[i][1]);
      g_assert_true (ksp_text_equivalent (same[i][0], same[i][1]));
      g_assert_true (ksp_text_equivalent (same[i][1], same[i][0]));
    }
}

/* A real change stays a change, even with noise on top of it; the noise alone is none. */
static void
test_normalize_changes (void)
{
  static const char *const noisy = "Стаж работы\u00a0не менее 3 лет «на должности».";
  static const char *const changed[] = {
    "Стаж работы не менее 5 лет \"на должности\"",          /* a digit */
    "Стаж работы не менее 3 года \"на должности\"",         /* a word */
    "стаж работы не менее 3 лет \"на должности\"",          /* case */
    "Стаж работы не менее 3 лет \"на должностях\"",         /* an ending */
    "Стаж работы не менее 3 лет, \"на должности\"",         /* a comma inside */
    "Стаж работы не менее 3-лет \"на должности\"",          /* a dash not between spaces */
    "Стаж работы не менее 3 лет \"на должности\"!",         /* other end punctuation */
    "Стаж работынеменее 3 лет \"на должности\"",            /* a space gone */
  };

  g_assert_true (ksp_text_equivalent (noisy, "Стаж работы не менее 3 лет \"на должности\""));
  for (guint i = 0; i < G_N_ELEMENTS (changed); i++)
    {
      if (ksp_text_equivalent (noisy, changed[i]))
        g_test_message ("%s", changed[i]);
      g_assert_false (ksp_text_equivalent (noisy, changed[i]));
    }
  g_assert_true (ksp_text_equivalent ("1–2 жыл", "1–2 жыл."));
  g_assert_false (ksp_text_equivalent ("1–2 жыл", "1-2 жыл"));
  g_assert_false (ksp_text_equivalent ("Білу", "Білу…"));
}

static void
test_similarity_bounds (void)
{
  g_assert_cmpfloat (ksp_text_similarity ("Знание методов контроля", "Знание методов контроля"), ==, 1.0);
  g_assert_cmpfloat (ksp_text_similarity ("Знание методов контроля", "Дәнекерлеу жіктерін білу"), ==, 0.0);
  g_assert_cmpfloat (ksp_text_similarity (NULL, NULL), ==, 1.0);
  g_assert_cmpfloat (ksp_text_similarity ("", NULL), ==, 1.0);
  g_assert_cmpfloat (ksp_text_similarity (NULL, "Знание"), ==, 0.0);
  g_assert_cmpfloat (ksp_text_similarity ("Знание", ""), ==, 0.0);
  /* Punctuation and spaces are no words: a text of them is empty. */
  g_assert_cmpfloat (ksp_text_similarity (" — ;", ""), ==, 1.0);
  g_assert_cmpfloat (ksp_text_similarity ("«»", "Знание"), ==, 0.0);
}

static void
test_similarity_value (void)
{
  /* A = {контроль, контроль, качества, сроков} (4 words), B = {контроль, качества, продукции} (3);
   * A ∩ B as multisets = {контроль, качества} (2): Dice = 2·2 / (4 + 3) = 4/7. «Контроль» and
   * «контроль» are one word; the comma is no word. */
  g_assert_cmpfloat_with_epsilon (ksp_text_similarity ("Контроль качества, контроль сроков",
                                                       "контроль качества продукции"),
                                  4.0 / 7.0, 1e-12);
  /* The one-word change: 5 of 6 words on each side in common, 2·5 / 12. */
  g_assert_cmpfloat_with_epsilon (ksp_text_similarity ("Знание методов контроля качества сварных швов",
                                                       "Знание методов контроля качества паяных швов"),
                                  10.0 / 12.0, 1e-12);
  /* Kazakh: {дәнекерлеу, жіктерінің, сапасын, бақылау, әдістерін, білу} and
   * {жіктерінің, сапасын, тексеру, білу}: 3 in common, 2·3 / (6 + 4) = 0.6. */
  g_assert_cmpfloat_with_epsilon (ksp_text_similarity ("Дәнекерлеу жіктерінің сапасын бақылау әдістерін білу",
                                                       "Жіктерінің сапасын тексеру, білу."),
                                  0.6, 1e-12);
  /* Symmetric. */
  g_assert_cmpfloat (ksp_text_similarity ("а б в", "б г"), ==, ksp_text_similarity ("б г", "а б в"));
}

static void
test_similarity_folding (void)
{
  g_assert_cmpfloat (ksp_text_similarity ("ЗНАНИЕ МЕТОДОВ", "знание методов"), ==, 1.0);
  g_assert_cmpfloat (ksp_text_similarity ("ӘДІСТЕРІН БІЛУ", "әдістерін білу"), ==, 1.0);
  g_assert_cmpfloat (ksp_text_similarity ("Знание, методов; «контроля».", "Знание методов контроля"), ==, 1.0);
  g_assert_cmpfloat (ksp_text_similarity ("Знание\u00a0методов\n\nконтроля", " знание  методов контроля "), ==, 1.0);
  /* Order does not count, repetition does: {а, а, б} vs {б, а} = 2·2 / 5. */
  g_assert_cmpfloat_with_epsilon (ksp_text_similarity ("а а б", "б а"), 0.8, 1e-12);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/word-diff/edges", test_edges);
  g_test_add_func ("/word-diff/russian-word", test_russian_word);
  g_test_add_func ("/word-diff/kazakh-word", test_kazakh_word);
  g_test_add_func ("/word-diff/short-equal-folded", test_short_equal_folded);
  g_test_add_func ("/word-diff/rewrite", test_rewrite);
  g_test_add_func ("/word-diff/insert-phrase", test_insert_phrase);
  g_test_add_func ("/word-diff/delete", test_delete);
  g_test_add_func ("/word-diff/reconstruction", test_reconstruction);
  g_test_add_func ("/word-diff/one-word-edits", test_one_word_edits);
  g_test_add_func ("/word-diff/large", test_large);
  g_test_add_func ("/normalize/form", test_normalize_form);
  g_test_add_func ("/normalize/noise", test_normalize_noise);
  g_test_add_func ("/normalize/changes", test_normalize_changes);
  g_test_add_func ("/similarity/bounds", test_similarity_bounds);
  g_test_add_func ("/similarity/value", test_similarity_value);
  g_test_add_func ("/similarity/folding", test_similarity_folding);
  return g_test_run ();
}
