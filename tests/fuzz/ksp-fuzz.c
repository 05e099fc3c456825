/* ksp-fuzz.c: a deterministic mutational fuzzer for the importer (ksp_read_any_file)
 *
 * Bases: the four published standards of data/samples (000, 001, 002, 004; 003 is reference data and is
 * only used as a source of spliced lines), a DOCX exported from each of them in Russian and in Kazakh,
 * and a Kasip XML export of each. Every input is a base with 1–4 mutations, written to a temporary file
 * and read with ksp_read_any_file(), then classified (see README.md): accepted, refused, or a defect:
 *
 *   hang       the read took longer than --timeout seconds (SIGALRM: the name is printed, exit 3)
 *   unnamed    a refusal whose message does not name the file (or a NULL without a GError)
 *   domain     a refusal outside the KSP_IMPORT_ERROR domain
 *   silent     garbage accepted silently: no card read from a text or from a DOCX's visible text, or more
 *              than KSP_READ_ANY_MAX_UNPLACED of the words unplaced without a "many-not-placed" entry
 *   bad-utf8   invalid UTF-8 in the summary JSON, an error message, a report entry or a tree value
 *   leak       the content of a file named by a DOCTYPE entity or an XInclude reached the tree
 *
 * Crashes and memory errors are left to AddressSanitizer (meson -Db_sanitize=address,undefined): the
 * name of each input is printed to stderr before it is read, and with --out the input is kept there
 * before the read, so an abort is attributable. Input N of seed S is the same on every machine: rerun it
 * alone with --seed S --only N.
 */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "ksp-adilet-reader.h"
#include "ksp-docx-reader.h"
#include "ksp-docx-writer.h"
#include "ksp-import-summary.h"
#include "ksp-read-any.h"
#include "ksp-schema.h"
#include "ksp-source.h"
#include "ksp-xml-reader.h"
#include "ksp-xml-writer.h"

typedef enum { KIND_TEXT, KIND_DOCX, KIND_XML, N_KINDS } Kind;

static const char *const kind_names[N_KINDS] = { "text", "docx", "xml" };
static const char *const kind_ext[N_KINDS] = { "txt", "docx", "xml" };

typedef struct {
  char   *name;
  GBytes *data;
} Entry;

typedef struct {
  Kind        kind;
  char       *name;     /* "001", "001-kk.docx", "001.xml" */
  GBytes     *data;     /* the file's bytes (for DOCX: the package) */
  GPtrArray  *entries;  /* DOCX: Entry *, in package order */
} Base;

typedef struct {
  GRand     *rng;
  GString   *desc;      /* what was done, for the log and the defect list */
} Mut;

typedef struct {
  char *name;
  char *reason;
} Defect;

/* Options */
static gint opt_seed = 1;
static gint opt_count = 2000;
static gint opt_only = -1;
static gint opt_timeout = 20;
static char *opt_out = NULL;
static char *opt_kind = NULL;
static char *opt_srcdir = NULL;
static gboolean opt_quiet = FALSE;
static gboolean opt_verbose = FALSE;

static GPtrArray *bases[N_KINDS];
static GPtrArray *splice_texts;   /* GBytes *: every sample text, 003 included */
static GPtrArray *labels;         /* char *: labels of the published layouts, ru and kk */

/* The watchdog and SIGTERM/SIGINT (meson's timeout, ^C): async-signal-safe, no stdio. The temporary
 * folder holds only the input being read; it is removed, except after a hang without --out (the message
 * names the file kept there). */
static char current_input[512];
static volatile sig_atomic_t current_len;
static char temp_folder[512];
static char temp_input[512];      /* the fuzzer's own input file (never a file given to --check) */
static volatile sig_atomic_t keep_on_hang = 1;

static void
say (const char *s,
     size_t      n)
{
  ssize_t r G_GNUC_UNUSED = write (STDERR_FILENO, s, n);
}

static void
remove_temp (void)
{
  if (temp_input[0])
    unlink (temp_input);
  if (temp_folder[0])
    rmdir (temp_folder);
}

static void
on_alarm (int sig)
{
  static const char msg[] = "\nksp-fuzz: HANG: no answer within the time limit reading ";

  say (msg, sizeof msg - 1);
  say (current_input, current_len);
  say ("\n", 1);
  if (!keep_on_hang)
    remove_temp ();
  _exit (3);
}

static void
on_term (int sig)
{
  static const char msg[] = "\nksp-fuzz: interrupted (SIGTERM or SIGINT) while at ";

  say (msg, sizeof msg - 1);
  say (current_input, current_len);
  say ("\n", 1);
  remove_temp ();
  _exit (128 + sig);
}

/* ---- small helpers ------------------------------------------------------------------------------- */

static guint
rnd (Mut  *m,
     guint n)
{
  return n ? (guint) g_rand_int_range (m->rng, 0, (gint32) MIN (n, G_MAXINT32)) : 0;
}

static gboolean
chance (Mut *m,
        guint percent)
{
  return rnd (m, 100) < percent;
}

static void
buf_replace (GByteArray *b,
             gsize       pos,
             gsize       old_len,
             const void *data,
             gsize       len)
{
  gsize tail;

  pos = MIN (pos, b->len);
  old_len = MIN (old_len, b->len - pos);
  tail = b->len - pos - old_len;
  if (len > old_len)
    {
      g_byte_array_set_size (b, b->len + (len - old_len));
      memmove (b->data + pos + len, b->data + pos + old_len, tail);
    }
  else if (len < old_len)
    {
      memmove (b->data + pos + len, b->data + pos + old_len, tail);
      g_byte_array_set_size (b, b->len - (old_len - len));
    }
  if (len)
    memcpy (b->data + pos, data, len);
}

static void
buf_insert (GByteArray *b,
            gsize       pos,
            const void *data,
            gsize       len)
{
  buf_replace (b, pos, 0, data, len);
}

static const guint8 *
find_bytes (const guint8 *hay,
            gsize         hay_len,
            const char   *needle)
{
  gsize n = strlen (needle);

  return n <= hay_len ? memmem (hay, hay_len, needle, n) : NULL;
}

/* Offsets of line starts; the array ends with b->len. */
static GArray *
line_starts (GByteArray *b)
{
  GArray *a = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 4096);
  gsize zero = 0;

  g_array_append_val (a, zero);
  for (const guint8 *p = b->data, *end = b->data + b->len; p < end && (p = memchr (p, '\n', end - p)); )
    {
      gsize off = (gsize) (++p - b->data);
      if (off < b->len)
        g_array_append_val (a, off);
    }
  zero = b->len; /* b->len is a guint: append a gsize */
  g_array_append_val (a, zero);
  return a;
}

#define LS(a, i) g_array_index ((a), gsize, (i))
#define N_LINES(a) ((a)->len - 1)

/* A position to insert at: anywhere, a line start, a line end, or after a TAB, a colon or a '>'. */
static gsize
random_pos (Mut        *m,
            GByteArray *b)
{
  gsize pos = rnd (m, b->len + 1);
  static const char marks[] = "\t:>\n";

  switch (rnd (m, 4))
    {
    case 0:
      return pos;
    case 1:
      {
        const guint8 *p = memchr (b->data + pos, '\n', b->len - pos);
        return p ? (gsize) (p - b->data) + 1 : pos;
      }
    case 2:
      {
        const guint8 *p = memchr (b->data + pos, '\n', b->len - pos);
        return p ? (gsize) (p - b->data) : b->len;
      }
    default:
      {
        char c = marks[rnd (m, 4)];
        const guint8 *p = memchr (b->data + pos, c, b->len - pos);
        return p ? (gsize) (p - b->data) + 1 : pos;
      }
    }
}

/* ---- text mutators ------------------------------------------------------------------------------- */

static void
mut_flip (Mut        *m,
          GByteArray *b)
{
  guint n = 1 + rnd (m, 16);

  g_string_append_printf (m->desc, "flip(%u)", n);
  for (guint i = 0; i < n && b->len; i++)
    {
      gsize at = rnd (m, b->len);
      b->data[at] = chance (m, 50) ? b->data[at] ^ (1u << rnd (m, 8)) : (guint8) rnd (m, 256);
    }
}

static void
mut_insert_bytes (Mut        *m,
                  GByteArray *b)
{
  guint8 tmp[64];
  guint n = 1 + rnd (m, sizeof tmp);

  for (guint i = 0; i < n; i++)
    tmp[i] = (guint8) rnd (m, 256);
  g_string_append_printf (m->desc, "insert-bytes(%u)", n);
  buf_insert (b, random_pos (m, b), tmp, n);
}

static void
mut_delete_bytes (Mut        *m,
                  GByteArray *b)
{
  gsize at = rnd (m, b->len);
  gsize n = 1 + rnd (m, chance (m, 80) ? 64 : 8192);

  g_string_append_printf (m->desc, "delete-bytes(%" G_GSIZE_FORMAT ")", n);
  buf_replace (b, at, n, NULL, 0);
}

static void
mut_truncate (Mut        *m,
              GByteArray *b)
{
  gsize at;

  switch (rnd (m, 4))
    {
    case 0:
      at = rnd (m, MIN (b->len, 2048) + 1); /* almost nothing left */
      break;
    case 1:
      {
        g_autoptr (GArray) ls = line_starts (b);
        at = LS (ls, rnd (m, ls->len)); /* at a line boundary */
        break;
      }
    default:
      at = rnd (m, b->len + 1);
      break;
    }
  g_string_append_printf (m->desc, "truncate(%" G_GSIZE_FORMAT ")", at);
  g_byte_array_set_size (b, MIN (at, b->len));
}

static void
mut_lines (Mut        *m,
           GByteArray *b)
{
  g_autoptr (GArray) ls = line_starts (b);
  guint n = N_LINES (ls);
  guint i, k, j;

  if (n < 2)
    {
      mut_flip (m, b);
      return;
    }
  i = rnd (m, n);
  k = 1 + rnd (m, chance (m, 70) ? 3 : 40);
  k = MIN (k, n - i);
  switch (rnd (m, 5))
    {
    case 0: /* delete */
      g_string_append_printf (m->desc, "delete-lines(%u+%u)", i, k);
      buf_replace (b, LS (ls, i), LS (ls, i + k) - LS (ls, i), NULL, 0);
      break;
    case 1: /* duplicate, next to it or elsewhere */
      {
        g_autofree guint8 *copy = g_memdup2 (b->data + LS (ls, i), LS (ls, i + k) - LS (ls, i));
        gsize len = LS (ls, i + k) - LS (ls, i);
        guint times = chance (m, 90) ? 1 : 2 + rnd (m, 20);
        gsize at = chance (m, 50) ? LS (ls, i + k) : LS (ls, rnd (m, ls->len));
        g_string_append_printf (m->desc, "dup-lines(%u+%u x%u)", i, k, times);
        for (guint t = 0; t < times; t++)
          buf_insert (b, at, copy, len);
        break;
      }
    case 2: /* swap two lines */
      {
        guint a = i, c = rnd (m, n);
        gsize a_len, c_len;
        g_autofree guint8 *a_copy = NULL, *c_copy = NULL;
        if (a == c)
          c = (c + 1) % n;
        if (a > c)
          {
            guint t = a;
            a = c;
            c = t;
          }
        a_len = LS (ls, a + 1) - LS (ls, a);
        c_len = LS (ls, c + 1) - LS (ls, c);
        a_copy = g_memdup2 (b->data + LS (ls, a), a_len);
        c_copy = g_memdup2 (b->data + LS (ls, c), c_len);
        g_string_append_printf (m->desc, "swap-lines(%u,%u)", a, c);
        buf_replace (b, LS (ls, c), c_len, a_copy, a_len);
        buf_replace (b, LS (ls, a), a_len, c_copy, c_len);
        break;
      }
    case 3: /* reverse the order of a run of lines */
      {
        GByteArray *rev = g_byte_array_new ();
        k = MAX (k, 2);
        k = MIN (k, n - i);
        for (j = i + k; j > i; j--)
          {
            const guint8 *s = b->data + LS (ls, j - 1);
            gsize len = LS (ls, j) - LS (ls, j - 1);
            g_byte_array_append (rev, s, len);
            if (len && s[len - 1] != '\n')
              g_byte_array_append (rev, (const guint8 *) "\n", 1);
          }
        g_string_append_printf (m->desc, "reverse-lines(%u+%u)", i, k);
        buf_replace (b, LS (ls, i), LS (ls, i + k) - LS (ls, i), rev->data, rev->len);
        g_byte_array_unref (rev);
        break;
      }
    default: /* move a run of lines elsewhere */
      {
        gsize len = LS (ls, i + k) - LS (ls, i);
        g_autofree guint8 *copy = g_memdup2 (b->data + LS (ls, i), len);
        gsize to;
        buf_replace (b, LS (ls, i), len, NULL, 0);
        to = rnd (m, b->len + 1);
        for (; to < b->len && to > 0 && b->data[to - 1] != '\n'; to++)
          ;
        g_string_append_printf (m->desc, "move-lines(%u+%u)", i, k);
        buf_insert (b, to, copy, len);
        break;
      }
    }
}

static const char *const utf8_pool[] = {
  "а", "Б", "я", "Ё", "ж", "Щ", "ъ", "Ы",                         /* Cyrillic */
  "Ә", "ә", "Ғ", "ғ", "Қ", "қ", "Ң", "ң", "Ө", "ө", "Ұ", "ұ", "Ү", "ү", "Һ", "һ", "І", "і", /* Kazakh */
  "\xc2\xa0", "\xc2\xa0\xc2\xa0",                                /* NBSP */
  "\xe2\x80\xaf", "\xe2\x80\x89", "\xe3\x80\x80",                /* narrow NBSP, thin space, ideographic */
  "\xcc\x81", "\xcc\x86", "\xcc\x88", "\xcc\xa7", "\xd2\x83",    /* combining marks */
  "\xe2\x80\x8b", "\xe2\x80\x8d", "\xef\xbb\xbf", "\xc2\xad",    /* ZWSP, ZWJ, BOM, soft hyphen */
  "\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2\x80\x8e", "\xe2\x80\xae", /* LS, PS, LRM, RLO */
  "—", "–", "«", "»", "№", "…", "•", "\t", " ", ":", ";", ".", "1", "9)", "-", "<", ">", "&", "\"",
  "\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf", "\xef\xbf\xbd", "\xef\xbf\xbf",   /* emoji, U+10FFFF, U+FFFD, U+FFFF */
  "\xc2\x85",                                                    /* NEL */
};

static void
mut_utf8 (Mut        *m,
          GByteArray *b)
{
  g_autoptr (GString) s = g_string_new (NULL);
  guint n = 1 + rnd (m, chance (m, 80) ? 6 : 200);

  for (guint i = 0; i < n; i++)
    g_string_append (s, utf8_pool[rnd (m, G_N_ELEMENTS (utf8_pool))]);
  g_string_append_printf (m->desc, "utf8(%u)", n);
  buf_insert (b, random_pos (m, b), s->str, s->len);
}

static void
mut_control (Mut        *m,
             GByteArray *b)
{
  static const guint8 pool[] = { 0x00, 0x01, 0x02, 0x07, 0x08, 0x0b, 0x0c, 0x0d, 0x0e, 0x1a, 0x1b, 0x1f, 0x7f };
  guint8 tmp[8];
  guint n = 1 + rnd (m, sizeof tmp);

  for (guint i = 0; i < n; i++)
    tmp[i] = chance (m, 70) ? pool[rnd (m, sizeof pool)] : (guint8) rnd (m, 0x20);
  g_string_append_printf (m->desc, "control(%u)", n);
  buf_insert (b, random_pos (m, b), tmp, n);
}

static const char *const bad_utf8_pool[] = {
  "\xff", "\xfe", "\x80", "\xbf", "\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xed\xbf\xbf",
  "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\xc3", "\xe2\x82", "\xf0\x9f\x98", "\xd0", "\xd2",
};

static void
mut_bad_utf8 (Mut        *m,
              GByteArray *b)
{
  const char *s = bad_utf8_pool[rnd (m, G_N_ELEMENTS (bad_utf8_pool))];

  g_string_append (m->desc, "bad-utf8");
  if (chance (m, 30) && b->len)
    {
      /* Cut a multi-byte character in half. */
      gsize at = rnd (m, b->len);
      for (; at < b->len && b->data[at] < 0xc0; at++)
        ;
      if (at < b->len)
        {
          guint8 lead = b->data[at];
          buf_replace (b, at, 2, &lead, 1);
          return;
        }
    }
  buf_insert (b, random_pos (m, b), s, strlen (s));
}

static const char *const extra_labels[] = {
  "Карточка профессии", "КАРТОЧКА ПРОФЕССИИ", "Трудовая функция 1:", "Трудовая функция 2:", "Навык 1:",
  "Навык 2:", "Умения:", "Знания:", "Глава 1.", "Глава 3. Карточки профессий", "Параграф 1.",
  "Приложение к приказу", "Перечень карточек профессий:", "Код группы:", "Код наименования занятия:",
  "Наименование профессии:", "Уровень квалификации по ОРК:", "Подуровень квалификации по ОРК:",
  "Уровень профессионального образования:", "Требования к опыту работы:", "Основная цель деятельности:",
  "Описание трудовых функций", "Перечень трудовых функций:", "Обязательные трудовые функции:",
  "Дополнительные трудовые функции:", "Связь с другими профессиями в рамках ОРК:",
  "Кәсіп карточкасы", "Кәсіп коды:", "Кәсіп атауы:", "СБШ бойынша біліктілік деңгейі:", "Еңбек функциясы",
  "Міндетті еңбек функциялары:", "Қосымша еңбек функциялары:", "1-міндет:", "Міндет 1:", "Тапсырма",
  "Икемділіктер мен дағдылар:", "Білуге тиіс:", "Жеке құзыреттерге қойылатын талаптар:",
  "Еңбек қызметі түрінің (кәсібінің) карточкасы мыналардан тұрады:", "1) біліктілік деңгейі:",
  "1-тарау. Жалпы ережелер", "3-параграф", "Примечание ИЗПИ!", "ҚР-ның ескертпесі!",
};

static void
collect_labels (void)
{
  guint n_kinds = 0;
  const KspKindSpec *const *kinds = ksp_schema_list_kinds (&n_kinds);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  labels = g_ptr_array_new ();
#define ADD_LABEL(s) \
  G_STMT_START { \
    if ((s) && *(s) && g_hash_table_add (seen, (gpointer) (s))) \
      g_ptr_array_add (labels, (gpointer) (s)); \
  } G_STMT_END
  for (guint i = 0; i < G_N_ELEMENTS (extra_labels); i++)
    ADD_LABEL (extra_labels[i]);
  for (guint k = 0; k < n_kinds; k++)
    {
      ADD_LABEL (kinds[k]->label_ru);
      ADD_LABEL (kinds[k]->label_kk);
      for (guint f = 0; f < kinds[k]->n_fields; f++)
        {
          ADD_LABEL (kinds[k]->fields[f].label_ru);
          ADD_LABEL (kinds[k]->fields[f].label_kk);
        }
    }
#undef ADD_LABEL
}

/* Replace the label a line (or a TAB cell) starts with by another label; with none found, insert a
 * label line. */
static void
mut_label (Mut        *m,
           GByteArray *b)
{
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (gsize) * 2);
  const char *to = labels->pdata[rnd (m, labels->len)];
  gsize start = 0;

  /* Scan a window only: the whole file costs too much per input. */
  if (b->len > 65536)
    start = rnd (m, b->len - 32768);
  for (gsize p = start; p < b->len && p < start + 65536; p++)
    {
      gsize q;
      if (p != 0 && b->data[p - 1] != '\n' && b->data[p - 1] != '\t' && b->data[p - 1] != '>')
        continue;
      for (q = p; q < b->len && (b->data[q] == ' ' || b->data[q] == '\t'); q++)
        ;
      if (q >= b->len || b->data[q] < 0xc0)
        continue; /* labels start with a Cyrillic letter */
      for (guint l = 0; l < labels->len; l++)
        {
          const char *lab = labels->pdata[l];
          gsize n = strlen (lab);
          if (q + n <= b->len && memcmp (b->data + q, lab, n) == 0)
            {
              gsize hit[2] = { q, n };
              g_array_append_vals (hits, hit, 1);
              break;
            }
        }
    }
  if (hits->len == 0)
    {
      g_autofree char *line = g_strdup_printf ("%s %s\n", to, chance (m, 50) ? "" : "1");
      g_string_append (m->desc, "label-line");
      buf_insert (b, random_pos (m, b), line, strlen (line));
      return;
    }
  {
    gsize *hit = &g_array_index (hits, gsize, 2 * rnd (m, hits->len));
    g_string_append (m->desc, "label");
    buf_replace (b, hit[0], hit[1], to, strlen (to));
  }
}

/* Lines from another sample (003, the qualification framework, included) spliced in. */
static void
mut_splice (Mut        *m,
            GByteArray *b)
{
  GBytes *src = splice_texts->pdata[rnd (m, splice_texts->len)];
  gsize len = 0;
  const guint8 *d = g_bytes_get_data (src, &len);
  gsize from = rnd (m, len), n = 1 + rnd (m, chance (m, 70) ? 2000 : 40000), at;
  const guint8 *p = memchr (d + from, '\n', len - from);

  from = p ? (gsize) (p - d) + 1 : 0;
  n = MIN (n, len - from);
  p = memchr (d + from + n, '\n', len - from - n);
  n = p ? (gsize) (p - d) + 1 - from : len - from;
  at = random_pos (m, b);
  g_string_append_printf (m->desc, "splice(%" G_GSIZE_FORMAT ")", n);
  buf_insert (b, at, d + from, n);
}

static void
mut_html (Mut        *m,
          GByteArray *b)
{
  static const char *const pool[] = {
    "<p>", "</p>", "<br>", "<br/>", "&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;", "&#1234;", "&#x4D2;", "&#0;",
    "&#xFFFFFFFF;", "&#99999999999;", "&#xD800;", "&", "&#", "&#x;", "<ol style=\"list-style-type: none\">",
    "</ol>", "<li>", "<td>", "</td>", "<table>", "<", "</", "<p", "<!--", "-->", "<script>", "&nbsp",
  };
  const char *s = pool[rnd (m, G_N_ELEMENTS (pool))];
  guint times = chance (m, 90) ? 1 : 100 + rnd (m, 5000);
  g_autoptr (GString) str = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (str, s);
  g_string_append_printf (m->desc, "html(%s x%u)", s, times);
  buf_insert (b, random_pos (m, b), str->str, str->len);
}

/* A run of digits replaced by a huge, zero, negative or empty number. */
static void
mut_number (Mut        *m,
            GByteArray *b)
{
  static const char *const pool[] = {
    "0", "00", "-1", "4294967295", "4294967296", "18446744073709551616", "99999999999999999999999999", "",
    "1.1.1.1.1", "9)", "1-", "٣", "１", "2147483648", "0x10",
  };
  const char *to = pool[rnd (m, G_N_ELEMENTS (pool))];
  gsize at = rnd (m, b->len + 1), end;

  for (; at < b->len && !g_ascii_isdigit (b->data[at]); at++)
    ;
  for (end = at; end < b->len && g_ascii_isdigit (b->data[end]); end++)
    ;
  g_string_append_printf (m->desc, "number(%s)", to);
  buf_replace (b, at, end - at, to, strlen (to));
}

/* Punctuation the published texts write in several ways, swapped for another way: dashes (en, em, hyphen,
 * with or without blanks), quotes, colons, number marks. Readers that split on one form and skip the
 * length of another lose or cut characters. */
static void
mut_punct (Mut        *m,
           GByteArray *b)
{
  static const char *const classes[][8] = {
    { " – ", " - ", " — ", "– ", " –", "-", " ‑ ", NULL },
    { "«", "\"", "“", "„", "'", "‹", NULL },
    { "»", "\"", "”", "“", "'", "›", NULL },
    { ":", "", " :", "：", ";", ".:", NULL },
    { ")", ".", ").", ") ", "）", NULL },
    { "№", "N", "No", "№ ", "#", NULL },
  };
  guint c = rnd (m, G_N_ELEMENTS (classes)), n_forms = 0, times = chance (m, 80) ? 1 : 2 + rnd (m, 50);

  while (classes[c][n_forms])
    n_forms++;
  g_string_append_printf (m->desc, "punct(x%u)", times);
  for (guint t = 0; t < times; t++)
    {
      gsize at = rnd (m, b->len + 1);
      const guint8 *best = NULL;
      guint best_form = 0;
      /* The nearest occurrence of any form of the class after a random point. */
      for (guint f = 0; f < n_forms; f++)
        {
          const guint8 *p;
          if (!*classes[c][f])
            continue;
          p = find_bytes (b->data + at, MIN (b->len - at, 65536), classes[c][f]);
          if (p && (best == NULL || p < best || (p == best && strlen (classes[c][f]) > strlen (classes[c][best_form]))))
            {
              best = p;
              best_form = f;
            }
        }
      if (best)
        {
          const char *to = classes[c][rnd (m, n_forms)];
          buf_replace (b, best - b->data, strlen (classes[c][best_form]), to, strlen (to));
        }
    }
}

static void
mut_newlines (Mut        *m,
              GByteArray *b)
{
  g_autoptr (GByteArray) out = g_byte_array_sized_new (b->len + b->len / 16);
  guint mode = rnd (m, 3);
  static const char *const names[] = { "crlf", "cr", "no-newlines" };

  g_string_append_printf (m->desc, "newlines(%s)", names[mode]);
  for (gsize i = 0; i < b->len; i++)
    {
      if (b->data[i] != '\n')
        g_byte_array_append (out, b->data + i, 1);
      else if (mode == 0)
        g_byte_array_append (out, (const guint8 *) "\r\n", 2);
      else if (mode == 1)
        g_byte_array_append (out, (const guint8 *) "\r", 1);
      else
        g_byte_array_append (out, (const guint8 *) " ", 1);
    }
  g_byte_array_set_size (b, 0);
  g_byte_array_append (b, out->data, out->len);
}

static void
mut_bom (Mut        *m,
         GByteArray *b)
{
  static const char *const pool[] = { "\xef\xbb\xbf", "\xff\xfe", "\xfe\xff", "\xef\xbb\xbf\xef\xbb\xbf", "\n\n\n",
                                      "   \t", "\xef\xbb" };
  const char *s = pool[rnd (m, G_N_ELEMENTS (pool))];

  g_string_append (m->desc, "bom");
  buf_insert (b, 0, s, strlen (s));
}

/* One very long line, or one line repeated many times. At most about 1 MB more: a line of a few MB of
 * TAB cells is read in linear time but becomes ~100 000 elements (about 75 times its size in memory),
 * which under ASan takes longer than the watchdog allows (2 MB: 1.7 s normally, 105 s under ASan). */
static void
mut_big (Mut        *m,
         GByteArray *b)
{
  g_autoptr (GArray) ls = line_starts (b);
  guint i = rnd (m, N_LINES (ls));
  gsize len = N_LINES (ls) ? LS (ls, i + 1) - LS (ls, i) : 0;
  g_autofree guint8 *copy = g_memdup2 (b->data + LS (ls, i), len);
  g_autoptr (GByteArray) run = g_byte_array_new ();

  if (len == 0)
    return;
  if (chance (m, 50))
    {
      /* The line repeated without its newline: one long line (64 KB to 576 KB). */
      gsize body = copy[len - 1] == '\n' ? len - 1 : len;
      guint times = MAX (1, (guint) ((64 * 1024 + rnd (m, 512 * 1024)) / MAX (body, 1)));
      times = MIN (times, 100000);
      for (guint t = 0; t < times; t++)
        g_byte_array_append (run, copy, body);
      g_string_append_printf (m->desc, "long-line(%u)", run->len);
    }
  else
    {
      guint times = 100 + rnd (m, 3000);
      for (guint t = 0; t < times && run->len < 1024 * 1024; t++)
        g_byte_array_append (run, copy, len);
      g_string_append_printf (m->desc, "repeat-line(x%u)", times);
    }
  buf_insert (b, LS (ls, i), run->data, run->len);
}

typedef void (*Mutator) (Mut *, GByteArray *);

typedef struct {
  Mutator fn;
  guint   weight;
} Weighted;

static const Weighted text_mutators[] = {
  { mut_flip, 6 },     { mut_insert_bytes, 4 }, { mut_delete_bytes, 6 }, { mut_truncate, 6 },
  { mut_lines, 24 },   { mut_utf8, 10 },        { mut_control, 4 },      { mut_bad_utf8, 4 },
  { mut_label, 14 },   { mut_splice, 6 },       { mut_html, 6 },         { mut_number, 6 },
  { mut_newlines, 2 }, { mut_bom, 2 },          { mut_big, 2 },          { mut_punct, 12 },
};

static Mutator
pick (Mut            *m,
      const Weighted *w,
      guint           n)
{
  guint total = 0, r;

  for (guint i = 0; i < n; i++)
    total += w[i].weight;
  r = rnd (m, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < w[i].weight)
        return w[i].fn;
      r -= w[i].weight;
    }
  return w[0].fn;
}

/* ---- XML mutators -------------------------------------------------------------------------------- */

/* After the XML declaration, or at the start. */
static gsize
after_decl (GByteArray *b)
{
  const guint8 *p = find_bytes (b->data, MIN (b->len, 1024), "?>");

  return p ? (gsize) (p - b->data) + 2 : 0;
}

/* A position just after the end of a random tag. */
static gsize
after_tag (Mut        *m,
           GByteArray *b)
{
  gsize at = rnd (m, b->len + 1);
  const guint8 *p = memchr (b->data + at, '>', b->len - at);

  return p ? (gsize) (p - b->data) + 1 : after_decl (b);
}

static void
xmut_doctype (Mut        *m,
              GByteArray *b)
{
  static const char *const pool[] = {
    "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n",
    "<!DOCTYPE kasip [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n",
    "<!DOCTYPE kasip SYSTEM \"file:///etc/passwd\">\n",
    "<!DOCTYPE kasip [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>\n",
    "<!DOCTYPE kasip [<!ENTITY e SYSTEM \"http://127.0.0.1:9/x\">]>\n",
    "<!DOCTYPE kasip [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>\n",
  };
  const char *s = pool[rnd (m, G_N_ELEMENTS (pool))];
  gsize at = after_decl (b);

  g_string_append (m->desc, "doctype");
  buf_insert (b, at, s, strlen (s));
  /* Use the entity in a text node or an attribute value. */
  for (guint i = 0, n = 1 + rnd (m, 3); i < n; i++)
    {
      gsize pos = rnd (m, b->len - at) + at;
      const guint8 *q = memchr (b->data + pos, chance (m, 50) ? '>' : '"', b->len - pos);
      if (q)
        buf_insert (b, (gsize) (q - b->data) + 1, "&e;", 3);
    }
}

static void
xmut_xinclude (Mut        *m,
               GByteArray *b)
{
  static const char *const pool[] = {
    "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/>",
    "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" parse=\"text\"/>",
    "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/hostname\"/>",
    "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"http://127.0.0.1:9/x.xml\"/>",
    "<include xmlns=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/>",
  };
  const char *s = pool[rnd (m, G_N_ELEMENTS (pool))];

  g_string_append (m->desc, "xinclude");
  buf_insert (b, after_tag (m, b), s, strlen (s));
}

static void
xmut_nest (Mut        *m,
           GByteArray *b)
{
  static const char *const names[] = { "x", "card", "function", "skill", "chapter", "kasip", "standard" };
  const char *name = names[rnd (m, G_N_ELEMENTS (names))];
  guint depth = chance (m, 50) ? 100 + rnd (m, 400) : 1000 + rnd (m, 100000);
  gboolean closed = chance (m, 70);
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_printf (s, "<%s>", name);
  if (closed)
    for (guint i = 0; i < depth; i++)
      g_string_append_printf (s, "</%s>", name);
  g_string_append_printf (m->desc, "nest(%s x%u%s)", name, depth, closed ? "" : " unclosed");
  buf_insert (b, after_tag (m, b), s->str, s->len);
}

static void
xmut_huge_attr (Mut        *m,
                GByteArray *b)
{
  gsize size = chance (m, 60) ? 65536 + rnd (m, 1024 * 1024) : 1024 * 1024 + rnd (m, 12 * 1024 * 1024);
  gsize at = rnd (m, b->len + 1);
  const guint8 *p = memchr (b->data + at, '<', b->len - at);
  g_autoptr (GByteArray) attr = g_byte_array_sized_new (size + 16);
  gsize pos;
  static const char *const names[] = { " huge=\"", " id=\"", " ru=\"", " number=\"", " kk=\"" };
  const char *name = names[rnd (m, G_N_ELEMENTS (names))];

  if (p == NULL)
    p = memchr (b->data, '<', b->len);
  if (p == NULL)
    return;
  /* After the element name. */
  for (pos = (gsize) (p - b->data) + 1; pos < b->len && (g_ascii_isalnum (b->data[pos]) || b->data[pos] == '_'); pos++)
    ;
  g_byte_array_append (attr, (const guint8 *) name, strlen (name));
  g_byte_array_set_size (attr, strlen (name) + size);
  memset (attr->data + strlen (name), chance (m, 50) ? 'A' : ' ', size);
  g_byte_array_append (attr, (const guint8 *) "\"", 1);
  g_string_append_printf (m->desc, "huge-attr(%s%" G_GSIZE_FORMAT ")", name + 1, size);
  buf_insert (b, pos, attr->data, attr->len);
}

/* A random attribute value replaced: another value, random text, a number, a duplicate ID, nothing. */
static void
xmut_attr (Mut        *m,
           GByteArray *b)
{
  gsize at = rnd (m, b->len + 1);
  const guint8 *p = find_bytes (b->data + at, b->len - at, "=\"");
  const guint8 *q, *r;
  static const char *const pool[] = { "", "-", "0", "-1", "99999999999999999999", "xx", "ru", "kk", "none",
                                      "&amp;", "&#1;", "&#0;", "<", "&", "card", "function", "a\tb", "Ә\xc2\xa0" };
  const char *to;
  g_autofree char *dup = NULL;

  if (p == NULL && (p = find_bytes (b->data, b->len, "=\"")) == NULL)
    return;
  p += 2;
  if ((q = memchr (p, '"', b->len - (p - b->data))) == NULL)
    return;
  if (chance (m, 30))
    {
      /* The value of another attribute (an existing ID, most of the time). */
      gsize at2 = rnd (m, b->len + 1);
      const guint8 *p2 = find_bytes (b->data + at2, b->len - at2, " id=\"");
      if (p2 && (r = memchr (p2 + 5, '"', b->len - (p2 + 5 - b->data))))
        dup = g_strndup ((const char *) p2 + 5, r - (p2 + 5));
    }
  to = dup ? dup : pool[rnd (m, G_N_ELEMENTS (pool))];
  g_string_append_printf (m->desc, "attr(%s)", dup ? "dup" : to);
  buf_replace (b, p - b->data, q - p, to, strlen (to));
}

/* The content of a text node (a value in <ru> or <kk>) replaced, XML-escaped: the file stays well-formed. */
static void
xmut_text (Mut        *m,
           GByteArray *b)
{
  gsize at = rnd (m, b->len + 1), start, end;
  const guint8 *p;
  g_autoptr (GString) to = g_string_new (NULL);

  /* The next '>' followed by text that is not only blanks (from the start again, once). */
  for (gboolean wrapped = FALSE;;)
    {
      if ((p = memchr (b->data + at, '>', b->len - at)) == NULL)
        {
          if (wrapped)
            return;
          wrapped = TRUE;
          at = 0;
          continue;
        }
      start = (gsize) (p - b->data) + 1;
      for (end = start; end < b->len && b->data[end] != '<'; end++)
        ;
      if (end < b->len && end > start && b->data[start] != '\n')
        break;
      at = end;
    }
  switch (rnd (m, 8))
    {
    case 0:
      g_string_append (m->desc, "text=empty");
      break;
    case 1:
      g_string_append (to, chance (m, 50) ? "-" : chance (m, 50) ? "—" : " ");
      g_string_append (m->desc, "text=dash");
      break;
    case 2:
      g_string_append (to, labels->pdata[rnd (m, labels->len)]);
      g_string_append (m->desc, "text=label");
      break;
    case 3:
      {
        /* Long: 64 KB to 2 MB of words. */
        gsize size = 65536 + rnd (m, 2 * 1024 * 1024);
        while (to->len < size)
          g_string_append (to, "сөз слово ");
        g_string_append_printf (m->desc, "text=long(%" G_GSIZE_FORMAT ")", to->len);
        break;
      }
    case 4:
      g_string_append (to, "&lt;p&gt;&amp;nbsp;&#1178;&#x49b;&#9;&#10;&#13;");
      g_string_append (m->desc, "text=refs");
      break;
    default:
      g_string_append_len (to, (const char *) b->data + start, (end - start) / 2);
      for (guint i = 0, n = 1 + rnd (m, 10); i < n; i++)
        {
          const char *s = utf8_pool[rnd (m, G_N_ELEMENTS (utf8_pool))];
          g_string_append (to, *s == '<' ? "&lt;" : *s == '&' ? "&amp;" : *s == '>' ? "&gt;" : s);
        }
      g_string_append (m->desc, "text+utf8");
      break;
    }
  buf_replace (b, start, end - start, to->str, to->len);
}

/* A <not_placed> element (text the importer could not place) added to the standard: a lossless format
 * may carry it, but more than KSP_READ_ANY_MAX_UNPLACED of the words unplaced must still be called
 * doubtful. */
static void
xmut_not_placed (Mut        *m,
                 GByteArray *b)
{
  const guint8 *p = NULL;
  guint words = chance (m, 50) ? 1 + rnd (m, 200) : 200 + rnd (m, 6000);
  g_autoptr (GString) s = g_string_new (NULL);

  for (const guint8 *q = b->data; (q = find_bytes (q, b->len - (q - b->data), "</standard>")); q++)
    p = q;
  if (p == NULL)
    p = find_bytes (b->data, b->len, "</document>");
  if (p == NULL)
    return;
  g_string_printf (s, "<not_placed id=\"fuzz-%08x\" reason=\"fuzz\"><text><%s>", g_rand_int (m->rng),
                   chance (m, 50) ? "ru" : "kk");
  for (guint i = 0; i < words; i++)
    g_string_append (s, i % 2 ? "сөз " : "слово ");
  g_string_append_printf (s, "</%s></text></not_placed>\n", strstr (s->str, "<ru>") ? "ru" : "kk");
  g_string_append_printf (m->desc, "not-placed(%u words)", words);
  buf_insert (b, p - b->data, s->str, s->len);
}

/* Tags renamed, closing tags removed or doubled, comments, CDATA, processing instructions. */
static void
xmut_tag (Mut        *m,
          GByteArray *b)
{
  gsize at = rnd (m, b->len + 1);
  const guint8 *p = memchr (b->data + at, '<', b->len - at);
  gsize pos, end;
  static const char *const inserts[] = {
    "<!-- c -->", "<![CDATA[ «Код группы» ]]>", "<?pi x?>", "<unknown/>", "<card/>", "<card id=\"x\"/>",
    "<value lang=\"ru\">x</value>", "</kasip>", "<kasip>", "]]>", "<!---->", "<?xml version=\"1.0\"?>",
  };

  if (p == NULL)
    return;
  pos = (gsize) (p - b->data);
  for (end = pos + 1; end < b->len && b->data[end] != '>'; end++)
    ;
  switch (rnd (m, 4))
    {
    case 0:
      g_string_append (m->desc, "tag-delete");
      buf_replace (b, pos, end + 1 - pos, NULL, 0);
      break;
    case 1:
      {
        g_autofree guint8 *copy = g_memdup2 (b->data + pos, MIN (end + 1, b->len) - pos);
        g_string_append (m->desc, "tag-dup");
        buf_insert (b, pos, copy, MIN (end + 1, b->len) - pos);
        break;
      }
    case 2:
      {
        gsize name = pos + 1 + (pos + 1 < b->len && b->data[pos + 1] == '/');
        g_string_append (m->desc, "tag-rename");
        if (name < b->len)
          buf_replace (b, name, 1, chance (m, 50) ? "Q" : "x:", chance (m, 50) ? 1 : 2);
        break;
      }
    default:
      {
        const char *s = inserts[rnd (m, G_N_ELEMENTS (inserts))];
        g_string_append_printf (m->desc, "insert(%s)", s);
        buf_insert (b, after_tag (m, b), s, strlen (s));
        break;
      }
    }
}

static const Weighted xml_mutators[] = {
  { mut_flip, 3 },     { mut_delete_bytes, 4 }, { mut_truncate, 4 }, { mut_lines, 10 }, { mut_utf8, 4 },
  { mut_control, 2 },  { mut_bad_utf8, 2 },     { mut_label, 3 },    { mut_number, 4 }, { mut_bom, 2 },
  { xmut_text, 24 },   { xmut_not_placed, 6 },
  { xmut_doctype, 6 }, { xmut_xinclude, 6 },    { xmut_nest, 4 },    { xmut_huge_attr, 3 },
  { xmut_attr, 14 },   { xmut_tag, 12 },        { mut_html, 2 },
};

/* ---- DOCX mutators ------------------------------------------------------------------------------- */

/* The text of a <w:t> replaced: another run's text, a label, Unicode, XML specials, nothing. */
static void
dmut_wt (Mut        *m,
         GByteArray *b)
{
  g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (gsize) * 2);
  gsize *run;
  g_autoptr (GString) to = g_string_new (NULL);

  for (const guint8 *p = b->data, *end = b->data + b->len; (p = find_bytes (p, end - p, "<w:t")); p += 4)
    {
      const guint8 *gt, *close;
      if (p + 4 >= end || (p[4] != '>' && p[4] != ' '))
        continue;
      if ((gt = memchr (p, '>', end - p)) == NULL || gt[-1] == '/')
        continue;
      if ((close = find_bytes (gt, end - gt, "</w:t>")) == NULL)
        break;
      {
        gsize r[2] = { (gsize) (gt + 1 - b->data), (gsize) (close - (gt + 1)) };
        g_array_append_vals (runs, r, 1);
      }
      p = close;
    }
  if (runs->len == 0)
    {
      mut_flip (m, b);
      return;
    }
  run = &g_array_index (runs, gsize, 2 * rnd (m, runs->len));
  switch (rnd (m, 7))
    {
    case 0:
      {
        gsize *other = &g_array_index (runs, gsize, 2 * rnd (m, runs->len));
        g_string_append_len (to, (const char *) b->data + other[0], other[1]);
        g_string_append (m->desc, "w:t=other");
        break;
      }
    case 1:
    case 2:
      g_string_append (to, labels->pdata[rnd (m, labels->len)]);
      g_string_append (m->desc, "w:t=label");
      break;
    case 3:
      for (guint i = 0, n = 1 + rnd (m, 10); i < n; i++)
        {
          const char *s = utf8_pool[rnd (m, G_N_ELEMENTS (utf8_pool))];
          if (*s == '<')
            s = "&lt;";
          else if (*s == '&')
            s = "&amp;";
          else if (*s == '>')
            s = "&gt;";
          g_string_append (to, s);
        }
      g_string_append (m->desc, "w:t=utf8");
      break;
    case 4:
      {
        static const char *const pool[] = { "<", "&", "&bogus;", "&#0;", "&#1;", "&#xD800;", "]]>", "\x01",
                                            "\xff", "</w:t></w:r></w:p>", "<w:t>", "&#x1F600;" };
        const char *s = pool[rnd (m, G_N_ELEMENTS (pool))];
        g_string_append_len (to, (const char *) b->data + run[0], run[1] / 2);
        g_string_append (to, s);
        g_string_append_printf (m->desc, "w:t+special");
        break;
      }
    case 5:
      g_string_append (m->desc, "w:t=empty");
      break;
    default:
      /* Part of the text kept: a word or two lost. */
      g_string_append_len (to, (const char *) b->data + run[0], rnd (m, run[1] + 1));
      g_string_append (m->desc, "w:t=cut");
      break;
    }
  buf_replace (b, run[0], run[1], to->str, to->len);
}

/* Paragraphs (<w:p>…</w:p>) deleted, duplicated or swapped: the line operations of WordprocessingML. */
static void
dmut_para (Mut        *m,
           GByteArray *b)
{
  gsize at = rnd (m, b->len + 1);
  const guint8 *p = find_bytes (b->data + at, b->len - at, "<w:p>");
  const guint8 *q;
  gsize start, len;

  if (p == NULL)
    p = find_bytes (b->data + at, b->len - at, "<w:p ");
  if (p == NULL || (q = find_bytes (p, b->len - (p - b->data), "</w:p>")) == NULL)
    {
      mut_flip (m, b);
      return;
    }
  start = (gsize) (p - b->data);
  len = (gsize) (q - p) + 6;
  if (chance (m, 50))
    {
      g_string_append (m->desc, "w:p-delete");
      buf_replace (b, start, len, NULL, 0);
    }
  else
    {
      g_autofree guint8 *copy = g_memdup2 (p, len);
      guint times = chance (m, 90) ? 1 : 2 + rnd (m, 200);
      g_string_append_printf (m->desc, "w:p-dup(x%u)", times);
      for (guint t = 0; t < times; t++)
        buf_insert (b, start, copy, len);
    }
}

static const Weighted docx_part_mutators[] = {
  { dmut_wt, 30 },     { dmut_para, 10 },      { mut_flip, 6 },       { mut_truncate, 6 },  { mut_utf8, 4 },
  { mut_control, 3 },  { mut_bad_utf8, 3 },    { mut_delete_bytes, 4 }, { xmut_doctype, 4 }, { xmut_xinclude, 3 },
  { xmut_nest, 2 },    { xmut_attr, 6 },       { xmut_tag, 6 },
};

static const Weighted item_mutators[] = {
  { xmut_text, 14 }, { xmut_not_placed, 8 }, { xmut_attr, 30 }, { xmut_tag, 12 },
  { mut_flip, 6 }, { mut_truncate, 6 }, { mut_utf8, 6 }, { mut_control, 3 },
  { mut_bad_utf8, 3 }, { mut_lines, 10 }, { xmut_doctype, 5 }, { xmut_xinclude, 5 },
  { xmut_nest, 3 }, { xmut_huge_attr, 2 }, { mut_label, 4 }, { mut_number, 4 },
};

static Entry *
entry_new (const char *name,
           GBytes     *data)
{
  Entry *e = g_new0 (Entry, 1);

  e->name = g_strdup (name);
  e->data = g_bytes_ref (data);
  return e;
}

static void
entry_free (gpointer p)
{
  Entry *e = p;

  g_free (e->name);
  g_bytes_unref (e->data);
  g_free (e);
}

static gboolean
write_zip (const char *path,
           GPtrArray  *entries,
           int         level,
           GError    **error)
{
  int zerr = 0;
  zip_t *za = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);

  if (za == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: cannot create the package (%d)", path, zerr);
      return FALSE;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = entries->pdata[i];
      gsize len = 0;
      gconstpointer data = g_bytes_get_data (e->data, &len);
      zip_source_t *src = zip_source_buffer (za, data, len, 0);
      zip_int64_t idx;

      if (src == NULL || (idx = zip_file_add (za, e->name, src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8)) < 0)
        {
          if (src)
            zip_source_free (src);
          continue; /* a name libzip will not take: leave that entry out */
        }
      zip_set_file_compression (za, idx, level ? ZIP_CM_DEFLATE : ZIP_CM_STORE, level);
      zip_file_set_mtime (za, idx, 315532800, 0);
    }
  if (zip_close (za) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: cannot write the package: %s", path,
                   zip_strerror (za));
      zip_discard (za);
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
read_zip (const char *path)
{
  int zerr = 0;
  zip_t *za = zip_open (path, ZIP_RDONLY, &zerr);
  GPtrArray *entries;

  if (za == NULL)
    return NULL;
  entries = g_ptr_array_new_with_free_func (entry_free);
  for (zip_int64_t i = 0, n = zip_get_num_entries (za, 0); i < n; i++)
    {
      zip_stat_t st;
      zip_file_t *f;
      guint8 *data;

      if (zip_stat_index (za, i, 0, &st) != 0 || (f = zip_fopen_index (za, i, 0)) == NULL)
        continue;
      data = g_malloc (st.size + 1);
      if (zip_fread (f, data, st.size) == (zip_int64_t) st.size)
        {
          g_autoptr (GBytes) bytes = g_bytes_new_take (data, st.size);
          g_ptr_array_add (entries, entry_new (st.name, bytes));
        }
      else
        g_free (data);
      zip_fclose (f);
    }
  zip_discard (za);
  return entries;
}

static int
find_entry (GPtrArray  *entries,
            const char *name)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_str_equal (((Entry *) entries->pdata[i])->name, name))
      return (int) i;
  return -1;
}

/* Mutates one part of the package (or the package's bytes) and writes it to @path. */
static gboolean
make_docx (Mut        *m,
           Base       *base,
           guint       n_muts,
           const char *path,
           GError    **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  guint target = rnd (m, 100);
  const char *part = NULL;
  int level = chance (m, 85) ? 1 : (chance (m, 50) ? 0 : 6);

  for (guint i = 0; i < base->entries->len; i++)
    {
      Entry *e = base->entries->pdata[i];
      g_ptr_array_add (entries, entry_new (e->name, e->data));
    }
  if (target < 45)
    part = "word/document.xml";
  else if (target < 70)
    part = "customXml/item1.xml";
  else if (target < 80)
    {
      /* Another part: removed, emptied, garbage; or an extra entry (a zip bomb, an odd name). */
      static const char *const others[] = { "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                                            "word/numbering.xml", "word/styles.xml" };
      guint what = rnd (m, 4);
      if (what == 0)
        {
          const char *name = others[rnd (m, G_N_ELEMENTS (others))];
          int idx = find_entry (entries, name);
          g_string_append_printf (m->desc, "remove(%s)", name);
          if (idx >= 0)
            g_ptr_array_remove_index (entries, idx);
        }
      else if (what == 1)
        {
          /* Highly compressible: the reader's ratio cap must refuse it without inflating it all. */
          gsize size = (1 + rnd (m, 32)) * 1024 * 1024;
          g_autoptr (GBytes) zeros = g_bytes_new_take (g_malloc0 (size), size);
          g_string_append_printf (m->desc, "bomb(%" G_GSIZE_FORMAT ")", size);
          g_ptr_array_add (entries, entry_new (chance (m, 50) ? "word/media/zeros.bin" : "word/document.xml", zeros));
          level = 9;
        }
      else if (what == 2)
        {
          static const char *const names[] = { "../../evil.xml", "/abs.xml", "word/document.xml/", "",
                                               "word\\document.xml", "Word/Document.xml" };
          const char *name = names[rnd (m, G_N_ELEMENTS (names))];
          g_autoptr (GBytes) junk = g_bytes_new_static ("<w:document/>", 13);
          g_string_append_printf (m->desc, "entry(%s)", name);
          g_ptr_array_add (entries, entry_new (name, junk));
        }
      else
        {
          part = others[rnd (m, G_N_ELEMENTS (others))];
        }
    }
  if (part)
    {
      int idx = find_entry (entries, part);
      Entry *e = idx >= 0 ? entries->pdata[idx] : NULL;

      g_string_append_printf (m->desc, "%s:", part);
      if (e == NULL)
        g_string_append (m->desc, "absent");
      else if (chance (m, 5))
        {
          g_string_append (m->desc, "removed");
          g_ptr_array_remove_index (entries, idx);
        }
      else
        {
          gsize len = 0;
          gconstpointer data = g_bytes_get_data (e->data, &len);
          GByteArray *b = g_byte_array_sized_new (len + 256);
          const Weighted *w = g_str_equal (part, "customXml/item1.xml") ? item_mutators : docx_part_mutators;
          guint nw = w == item_mutators ? G_N_ELEMENTS (item_mutators) : G_N_ELEMENTS (docx_part_mutators);

          g_byte_array_append (b, data, len);
          for (guint i = 0; i < n_muts; i++)
            {
              if (i)
                g_string_append_c (m->desc, '+');
              pick (m, w, nw) (m, b);
            }
          g_bytes_unref (e->data);
          e->data = g_byte_array_free_to_bytes (b);
        }
    }
  if (!write_zip (path, entries, level, error))
    return FALSE;
  if (target >= 80)
    {
      /* The package's own bytes: central directory, local headers, compressed data. */
      g_autofree char *zip = NULL;
      gsize len = 0;
      GByteArray *b;
      guint n = 1 + rnd (m, 3);

      if (!g_file_get_contents (path, &zip, &len, error))
        return FALSE;
      b = g_byte_array_new_take ((guint8 *) g_steal_pointer (&zip), len);
      g_string_append (m->desc, "zip:");
      for (guint i = 0; i < n; i++)
        {
          if (i)
            g_string_append_c (m->desc, '+');
          switch (rnd (m, 5))
            {
            case 0:
            case 1:
              mut_flip (m, b);
              break;
            case 2:
              mut_truncate (m, b);
              break;
            case 3:
              {
                /* Near the end: the central directory and its end record. */
                gsize at = b->len > 4096 ? b->len - 1 - rnd (m, 4096) : rnd (m, b->len);
                g_string_append (m->desc, "flip-cd");
                if (b->len)
                  b->data[at] ^= (guint8) (1 + rnd (m, 255));
                break;
              }
            default:
              mut_insert_bytes (m, b);
              break;
            }
        }
      if (!g_file_set_contents (path, (const char *) b->data, b->len, error))
        {
          g_byte_array_unref (b);
          return FALSE;
        }
      g_byte_array_unref (b);
    }
  return TRUE;
}

/* ---- bases --------------------------------------------------------------------------------------- */

static void
base_free (gpointer p)
{
  Base *b = p;

  g_free (b->name);
  g_bytes_unref (b->data);
  if (b->entries)
    g_ptr_array_unref (b->entries);
  g_free (b);
}

static Base *
base_new (Kind        kind,
          const char *name,
          GBytes     *data)
{
  Base *b = g_new0 (Base, 1);

  b->kind = kind;
  b->name = g_strdup (name);
  b->data = g_bytes_ref (data);
  return b;
}

static GBytes *
load (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      g_printerr ("ksp-fuzz: %s\n", error->message);
      exit (2);
    }
  return g_bytes_new_take (contents, len);
}

/* Element IDs are random UUIDs: each is replaced, consistently, by a counter, so that the bases (and
 * every input made from them) are the same bytes on every run. */
static GBytes *
normalise_ids (GBytes *xml)
{
  gsize len = 0;
  const char *d = g_bytes_get_data (xml, &len);
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len;)
    {
      gboolean uuid = i + 36 <= len;
      for (gsize k = 0; uuid && k < 36; k++)
        uuid = (k == 8 || k == 13 || k == 18 || k == 23) ? d[i + k] == '-' : g_ascii_isxdigit (d[i + k]);
      if (uuid)
        {
          g_autofree char *key = g_strndup (d + i, 36);
          const char *id = g_hash_table_lookup (ids, key);
          if (id == NULL)
            {
              char *fresh = g_strdup_printf ("00000000-0000-4000-8000-%012x", g_hash_table_size (ids) + 1);
              g_hash_table_insert (ids, g_steal_pointer (&key), fresh);
              id = fresh;
            }
          g_string_append (out, id);
          i += 36;
        }
      else
        g_string_append_c (out, d[i++]);
    }
  return g_string_free_to_bytes (out);
}

static void
make_bases (const char *samples,
            const char *tmpdir)
{
  static const struct { const char *file; gboolean standard; } seeds[] = {
    { "000_2b67e049b4513cfa.txt", TRUE },  { "001_efa396441f2b22fb.txt", TRUE },
    { "002_a9356737b7c953f7.txt", TRUE },  { "003_61a1e3a7c96fc608.txt", FALSE },
    { "004_8a82f9fdc926935f.txt", TRUE },
  };

  for (guint k = 0; k < N_KINDS; k++)
    bases[k] = g_ptr_array_new_with_free_func (base_free);
  splice_texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *path = g_build_filename (samples, seeds[i].file, NULL);
      g_autoptr (GBytes) text = load (path);
      g_autoptr (GError) error = NULL;
      g_autoptr (KspNode) root = NULL;
      char id[4] = { seeds[i].file[0], seeds[i].file[1], seeds[i].file[2], 0 };
      static const KspLang langs[] = { KSP_LANG_RU, KSP_LANG_KK };

      g_ptr_array_add (splice_texts, g_bytes_ref (text));
      if (!seeds[i].standard)
        continue;
      g_ptr_array_add (bases[KIND_TEXT], base_new (KIND_TEXT, id, text));
      root = ksp_read_any_file (path, NULL, &error);
      if (root == NULL)
        {
          g_printerr ("ksp-fuzz: the seed does not read: %s\n", error->message);
          exit (2);
        }
      {
        /* The XML export with fixed IDs; the DOCX bases are written from that XML read back. */
        g_autofree char *name = g_strdup_printf ("%s.xml", id);
        gsize xml_len = 0;
        g_autofree char *xml = ksp_xml_writer_write (root, NULL, &xml_len, &error);
        g_autoptr (GBytes) raw = NULL, fixed = NULL;
        KspNode *again;
        gconstpointer fixed_data;
        gsize fixed_len = 0;

        if (xml == NULL)
          {
            g_printerr ("ksp-fuzz: %s: XML export failed: %s (seed skipped for XML and DOCX)\n", name, error->message);
            g_clear_error (&error);
            continue;
          }
        raw = g_bytes_new_take (g_steal_pointer (&xml), xml_len);
        fixed = normalise_ids (raw);
        fixed_data = g_bytes_get_data (fixed, &fixed_len);
        again = ksp_xml_reader_read_data (fixed_data, fixed_len, name, NULL, &error);
        if (again == NULL)
          {
            g_printerr ("ksp-fuzz: %s: the XML export does not read back: %s (seed skipped for XML and DOCX)\n",
                        name, error->message);
            g_clear_error (&error);
            continue;
          }
        g_ptr_array_add (bases[KIND_XML], base_new (KIND_XML, name, fixed));
        g_object_unref (root);
        root = again;
      }
      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%s.docx", id, langs[l] == KSP_LANG_RU ? "ru" : "kk");
          g_autofree char *out = g_build_filename (tmpdir, name, NULL);
          g_autoptr (GBytes) data = NULL;
          Base *b;

          if (!ksp_docx_writer_write_file (root, langs[l], out, &error))
            {
              g_printerr ("ksp-fuzz: %s: DOCX export failed: %s (base skipped)\n", name, error->message);
              g_clear_error (&error);
              continue;
            }
          data = load (out);
          b = base_new (KIND_DOCX, name, data);
          b->entries = read_zip (out);
          g_unlink (out);
          if (b->entries == NULL)
            {
              g_printerr ("ksp-fuzz: %s: the exported package does not open (base skipped)\n", name);
              base_free (b);
              continue;
            }
          g_ptr_array_add (bases[KIND_DOCX], b);
        }
    }
}

/* ---- classification ------------------------------------------------------------------------------ */

typedef struct {
  guint inputs, accepted, refused, hangs, unnamed, domain, silent, bad_utf8, leak;
  guint per_kind[N_KINDS], accepted_kind[N_KINDS];
  GPtrArray *defects; /* Defect * */
} Figures;

static void
defect_free (gpointer p)
{
  Defect *d = p;

  g_free (d->name);
  g_free (d->reason);
  g_free (d);
}

typedef struct {
  GString *bad;     /* first invalid value found */
  gboolean leak;    /* /etc/passwd content in a value */
} TreeCheck;

static void
check_value (KspNode    *node,
             const char *field,
             KspLang     lang,
             const char *value,
             gpointer    user_data)
{
  TreeCheck *tc = user_data;

  if (value == NULL)
    return;
  if (tc->bad->len == 0 && !g_utf8_validate (value, -1, NULL))
    g_string_printf (tc->bad, "invalid UTF-8 in element %s (%s) field %s", ksp_node_get_id (node),
                     ksp_node_get_kind (node), field);
  if (strstr (value, "root:x:0:0") || strstr (value, "/usr/sbin/nologin"))
    tc->leak = TRUE;
}

static void
check_tree (KspNode   *node,
            TreeCheck *tc)
{
  const char *number = ksp_node_get_number (node);

  ksp_node_foreach_value (node, check_value, tc);
  if (tc->bad->len == 0 && number && !g_utf8_validate (number, -1, NULL))
    g_string_printf (tc->bad, "invalid UTF-8 in the number of element %s", ksp_node_get_id (node));
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    check_tree (ksp_node_get_child (node, i), tc);
}

/* Returns: NULL when the outcome is fine, or why it is a defect (and which count it goes to). */
static char *
classify (const char      *path,
          KspNode         *root,
          KspImportReport *report,
          GError          *error,
          Figures         *fig,
          gboolean        *out_accepted)
{
  *out_accepted = root != NULL;
  if (root == NULL)
    {
      if (error == NULL)
        {
          fig->unnamed++;
          return g_strdup ("unnamed: refused (NULL) without a GError");
        }
      if (!g_utf8_validate (error->message, -1, NULL))
        {
          fig->bad_utf8++;
          return g_strdup ("bad-utf8: the error message is not valid UTF-8");
        }
      if (strstr (error->message, path) == NULL)
        {
          fig->unnamed++;
          return g_strdup_printf ("unnamed: the refusal does not name the file: %s", error->message);
        }
      if (error->domain != KSP_IMPORT_ERROR)
        {
          fig->domain++;
          return g_strdup_printf ("domain: refused in domain %s, not KSP_IMPORT_ERROR: %s",
                                  g_quark_to_string (error->domain), error->message);
        }
      return NULL;
    }
  {
    KspCounts counts = { 0 };
    KspFileKind kind = ksp_read_any_sniff (path);
    double share = ksp_read_any_unplaced_share (root);
    g_autofree char *json = ksp_import_summary_json (root, report);
    g_autoptr (GString) bad = g_string_new (NULL);
    TreeCheck tc = { bad, FALSE };

    ksp_counts_add_tree (&counts, root);
    if (counts.cards == 0 && kind != KSP_FILE_KIND_XML)
      {
        KspDocxSource source = KSP_DOCX_SOURCE_TEXT;
        if (kind == KSP_FILE_KIND_DOCX)
          {
            g_autoptr (KspNode) again = ksp_docx_reader_read_file (path, FALSE, &source, NULL, NULL);
          }
        if (source == KSP_DOCX_SOURCE_TEXT)
          {
            fig->silent++;
            return g_strdup_printf ("silent: accepted with no card from %s",
                                    kind == KSP_FILE_KIND_DOCX ? "a DOCX's visible text" : "a text");
          }
      }
    if (share > KSP_READ_ANY_MAX_UNPLACED && !ksp_read_any_is_doubtful (report))
      {
        fig->silent++;
        return g_strdup_printf ("silent: %.1f%% of the words unplaced (read as %s) without a \"many-not-placed\" "
                                "entry", share * 100,
                                kind == KSP_FILE_KIND_DOCX ? "DOCX" : kind == KSP_FILE_KIND_XML ? "XML" : "text");
      }
    if (json == NULL || !g_utf8_validate (json, -1, NULL))
      {
        fig->bad_utf8++;
        return g_strdup ("bad-utf8: ksp_import_summary_json() is not valid UTF-8");
      }
    for (guint i = 0; report && i < ksp_import_report_get_n (report); i++)
      {
        const KspImportWarning *w = ksp_import_report_get (report, i);
        if (w->message && !g_utf8_validate (w->message, -1, NULL))
          {
            fig->bad_utf8++;
            return g_strdup_printf ("bad-utf8: report entry %u (%s) is not valid UTF-8", i, w->rule);
          }
      }
    check_tree (root, &tc);
    if (bad->len)
      {
        fig->bad_utf8++;
        return g_strdup_printf ("bad-utf8: %s", bad->str);
      }
    if (tc.leak)
      {
        fig->leak++;
        return g_strdup ("leak: the content of /etc/passwd (a DOCTYPE entity or an XInclude) is in the tree");
      }
  }
  return NULL;
}

/* ---- main ---------------------------------------------------------------------------------------- */

static gboolean
write_file (const char *path,
            const void *data,
            gsize       len)
{
  g_autoptr (GError) error = NULL;

  if (!g_file_set_contents (path, data, len, &error))
    {
      g_printerr ("ksp-fuzz: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
copy_file (const char *from,
           const char *to)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  return g_file_get_contents (from, &data, &len, NULL) && write_file (to, data, len);
}

static void
rm_rf_flat (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_unlink (p);
    }
  g_dir_close (d);
  g_rmdir (dir);
}

/* Reads @path once: the defect's reason, or NULL (and the outcome in @outcome when not NULL). */
static char *
check_once (const char *path,
            GString    *outcome)
{
  Figures fig = { 0 };
  g_autoptr (KspImportReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) root = NULL;
  gboolean accepted;
  char *reason;

  current_len = (sig_atomic_t) MIN (strlen (path), sizeof current_input - 1);
  memcpy (current_input, path, current_len);
  current_input[current_len] = 0;
  alarm ((unsigned) opt_timeout);
  root = ksp_read_any_file (path, &report, &error);
  reason = classify (path, root, report, error, &fig, &accepted);
  alarm (0);
  if (outcome && root)
    {
      KspCounts counts = { 0 };
      ksp_counts_add_tree (&counts, root);
      g_string_printf (outcome, "accepted: %u cards, %.1f%% unplaced%s", counts.cards,
                       ksp_read_any_unplaced_share (root) * 100, ksp_read_any_is_doubtful (report) ? " (doubtful)" : "");
    }
  else if (outcome)
    {
      g_autofree char *valid = g_utf8_make_valid (error ? error->message : "(no GError)", -1);
      g_string_printf (outcome, "refused: %s", valid);
    }
  return reason;
}

static gboolean
same_defect (const char *a,
             const char *b)
{
  const char *ca = a ? strchr (a, ':') : NULL, *cb = b ? strchr (b, ':') : NULL;

  return ca && cb && ca - a == cb - b && strncmp (a, b, ca - a) == 0;
}

/* Cuts lines out of a defective text input for as long as the same kind of defect remains. */
static void
minimize (const char *path,
          const char *reason)
{
  g_autofree char *contents = NULL, *tmp = g_strconcat (path, ".try", NULL), *out = g_strconcat (path, ".min", NULL);
  gsize len = 0;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) keep = g_ptr_array_new ();
  guint reads = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL) || memchr (contents, 0, len) ||
      (len >= 2 && contents[0] == 'P' && contents[1] == 'K'))
    {
      g_print ("  (not minimised: only text inputs are)\n");
      return;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    g_ptr_array_add (keep, lines[i]);
  for (guint chunk = MAX (keep->len / 2, 1);; chunk = MAX (chunk / 2, 1))
    {
      gboolean removed = FALSE;
      for (guint at = 0; at < keep->len;)
        {
          g_autoptr (GString) s = g_string_new (NULL);
          g_autofree char *r = NULL;
          guint n = MIN (chunk, keep->len - at);
          for (guint i = 0; i < keep->len; i++)
            if (i < at || i >= at + n)
              g_string_append_printf (s, "%s%s", s->len || i ? "\n" : "", (char *) keep->pdata[i]);
          write_file (tmp, s->str, s->len);
          r = check_once (tmp, NULL);
          reads++;
          if (same_defect (r, reason))
            {
              g_ptr_array_remove_range (keep, at, n);
              removed = TRUE;
            }
          else
            at += n;
        }
      if (chunk == 1 && !removed)
        break;
    }
  {
    g_autoptr (GString) s = g_string_new (NULL);
    g_autofree char *r = NULL;
    for (guint i = 0; i < keep->len; i++)
      g_string_append_printf (s, "%s%s", i ? "\n" : "", (char *) keep->pdata[i]);
    write_file (out, s->str, s->len);
    r = check_once (out, NULL);
    g_print ("  minimised to %u lines (%" G_GSIZE_FORMAT " bytes, %u reads): %s\n    %s\n", keep->len, s->len, reads, out,
             r ? r : "(the defect did not survive)");
  }
  g_unlink (tmp);
}

/* --check FILE…: each file read once and classified, as the fuzzer would. */
static int
check_files (char **files,
             gboolean do_minimize)
{
  int status = 0;

  for (guint i = 0; files[i]; i++)
    {
      g_autoptr (GString) outcome = g_string_new (NULL);
      g_autofree char *reason = check_once (files[i], outcome);

      g_print ("%s: %s\n", files[i], outcome->str);
      if (reason)
        {
          g_print ("  DEFECT %s\n", reason);
          status = 1;
          if (do_minimize)
            minimize (files[i], reason);
        }
    }
  return status;
}

static gboolean opt_check = FALSE;
static gboolean opt_minimize = FALSE;

static const GOptionEntry options[] = {
  { "seed", 0, 0, G_OPTION_ARG_INT, &opt_seed, "Seed of the run (default 1)", "N" },
  { "count", 0, 0, G_OPTION_ARG_INT, &opt_count, "Number of inputs (default 2000)", "N" },
  { "only", 0, 0, G_OPTION_ARG_INT, &opt_only, "Run input N of the seed alone (to reproduce it)", "N" },
  { "out", 0, 0, G_OPTION_ARG_FILENAME, &opt_out, "Keep the defective inputs (and the one being read) here", "DIR" },
  { "kind", 0, 0, G_OPTION_ARG_STRING, &opt_kind, "text, docx, xml or all (default)", "KIND" },
  { "srcdir", 0, 0, G_OPTION_ARG_FILENAME, &opt_srcdir, "The project's source root (for data/samples)", "DIR" },
  { "timeout", 0, 0, G_OPTION_ARG_INT, &opt_timeout, "Seconds one read may take (default 20)", "S" },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose, "Print each input's outcome (cards read, or the refusal)", NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, &opt_check, "Read the FILEs given and classify each (no fuzzing)", NULL },
  { "minimize", 0, 0, G_OPTION_ARG_NONE, &opt_minimize, "With --check: cut a defective text down to FILE.min", NULL },
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opt_quiet, "Do not print each input's name (a crash is then unnamed)", NULL },
  { NULL },
};

int
main (int    argc,
      char **argv)
{
  g_autoptr (GOptionContext) ctx = g_option_context_new ("[--check FILE…] — fuzz the importer (ksp_read_any_file)");
  g_autoptr (GError) error = NULL;
  g_autofree char *samples = NULL;
  g_autofree char *tmpdir = NULL;
  Figures fig = { 0 };
  guint kinds[10], n_kinds = 0;
  gint64 t0 = g_get_monotonic_time ();
  struct sigaction sa = { 0 };
  sigset_t term_signals;
  guint first, last;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (ctx, options, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("ksp-fuzz: %s\n", error->message);
      return 2;
    }
  if (opt_check || opt_minimize)
    {
      struct sigaction alarm_action = { 0 };
      int status;
      alarm_action.sa_handler = on_alarm;
      sigemptyset (&alarm_action.sa_mask);
      sigaction (SIGALRM, &alarm_action, NULL);
      if (argc < 2)
        {
          g_printerr ("ksp-fuzz: --check needs FILE arguments\n");
          return 2;
        }
      status = check_files (argv + 1, opt_minimize);
      g_free (opt_out);
      g_free (opt_kind);
      g_free (opt_srcdir);
      return status;
    }
  if (opt_kind == NULL || g_str_equal (opt_kind, "all"))
    {
      /* 4 text : 3 DOCX : 3 XML */
      static const guint all[] = { KIND_TEXT, KIND_DOCX, KIND_XML, KIND_TEXT, KIND_DOCX, KIND_XML, KIND_TEXT,
                                   KIND_DOCX, KIND_XML, KIND_TEXT };
      for (guint i = 0; i < G_N_ELEMENTS (all); i++)
        kinds[n_kinds++] = all[i];
    }
  else
    {
      for (guint k = 0; k < N_KINDS; k++)
        if (g_str_equal (opt_kind, kind_names[k]))
          kinds[n_kinds++] = k;
      if (n_kinds == 0)
        {
          g_printerr ("ksp-fuzz: --kind must be text, docx, xml or all\n");
          return 2;
        }
    }
  if (opt_count < 0 || opt_timeout <= 0)
    {
      g_printerr ("ksp-fuzz: --count and --timeout must be positive\n");
      return 2;
    }
  samples = opt_srcdir ? g_build_filename (opt_srcdir, "data", "samples", NULL)
                       : g_build_filename (SOURCE_DATADIR, "samples", NULL);
  if ((tmpdir = g_dir_make_tmp ("kasip-fuzz-XXXXXX", &error)) == NULL)
    {
      g_printerr ("ksp-fuzz: %s\n", error->message);
      return 2;
    }
  if (opt_out && g_mkdir_with_parents (opt_out, 0755) != 0)
    {
      g_printerr ("ksp-fuzz: %s: %s\n", opt_out, g_strerror (errno));
      return 2;
    }
  collect_labels ();
  make_bases (samples, tmpdir);
  for (guint k = 0; k < n_kinds; k++)
    if (bases[kinds[k]]->len == 0)
      {
        g_printerr ("ksp-fuzz: no %s base\n", kind_names[kinds[k]]);
        return 2;
      }
  /* Each base, unmutated, must read back: otherwise the run would only test refusals. */
  for (guint k = 0; k < N_KINDS; k++)
    for (guint i = 0; i < bases[k]->len; i++)
      {
        Base *b = bases[k]->pdata[i];
        g_autofree char *path = g_strdup_printf ("%s/base-%s%s", tmpdir, b->name, k == KIND_TEXT ? ".txt" : "");
        g_autoptr (GString) outcome = g_string_new (NULL);
        g_autofree char *reason = NULL;
        gsize len = 0;
        gconstpointer data = g_bytes_get_data (b->data, &len);

        if (k == KIND_DOCX ? !write_zip (path, b->entries, 1, NULL) : !write_file (path, data, len))
          continue;
        reason = check_once (path, outcome);
        if (reason || !g_str_has_prefix (outcome->str, "accepted"))
          g_print ("ksp-fuzz: warning: base %s unmutated: %s%s%s\n", b->name, outcome->str, reason ? "; " : "",
                   reason ? reason : "");
        g_unlink (path);
      }
  g_print ("ksp-fuzz: seed %d, %d inputs, bases: %u text, %u docx, %u xml (made in %.1f s)\n", opt_seed, opt_count,
           bases[KIND_TEXT]->len, bases[KIND_DOCX]->len, bases[KIND_XML]->len,
           (g_get_monotonic_time () - t0) / 1e6);

  sa.sa_handler = on_alarm;
  sigemptyset (&sa.sa_mask);
  sigaction (SIGALRM, &sa, NULL);
  sa.sa_handler = on_term;
  sigaction (SIGTERM, &sa, NULL);
  sigaction (SIGINT, &sa, NULL);
  sigemptyset (&term_signals);
  sigaddset (&term_signals, SIGTERM);
  sigaddset (&term_signals, SIGINT);
  keep_on_hang = opt_out == NULL;
  g_strlcpy (temp_folder, tmpdir, sizeof temp_folder);

  fig.defects = g_ptr_array_new_with_free_func (defect_free);
  first = opt_only >= 0 ? (guint) opt_only : 0;
  last = opt_only >= 0 ? (guint) opt_only + 1 : (guint) opt_count;
  for (guint index = first; index < last; index++)
    {
      guint32 seed_array[2] = { (guint32) opt_seed, index };
      Mut m = { g_rand_new_with_seed_array (seed_array, 2), g_string_new (NULL) };
      Kind kind = kinds[index % n_kinds];
      Base *base = bases[kind]->pdata[g_rand_int_range (m.rng, 0, bases[kind]->len)];
      guint n_muts = 1 + rnd (&m, 4);
      g_autofree char *name = g_strdup_printf ("fuzz-%06u.%s", index, kind_ext[kind]);
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);
      g_autofree char *kept = opt_out ? g_build_filename (opt_out, name, NULL) : NULL;
      g_autofree char *kept_info = opt_out ? g_strconcat (kept, ".why", NULL) : NULL;
      g_autofree char *reason = NULL;
      g_autoptr (KspImportReport) report = NULL;
      g_autoptr (KspNode) root = NULL;
      g_autoptr (GError) read_error = NULL;
      gboolean accepted, made = TRUE;

      /* SIGTERM and SIGINT wait while the input is made (libzip writes through a temporary name), so
       * that an interrupted run leaves nothing behind. */
      sigprocmask (SIG_BLOCK, &term_signals, NULL);
      g_strlcpy (temp_input, path, sizeof temp_input);

      if (kind == KIND_DOCX)
        {
          g_autoptr (GError) zip_error = NULL;
          if (!make_docx (&m, base, n_muts, path, &zip_error))
            {
              g_printerr ("ksp-fuzz: %s: %s (skipped)\n", name, zip_error->message);
              made = FALSE;
            }
        }
      else
        {
          gsize len = 0;
          gconstpointer data = g_bytes_get_data (base->data, &len);
          GByteArray *b = g_byte_array_sized_new (len + 1024);
          const Weighted *w = kind == KIND_XML ? xml_mutators : text_mutators;
          guint nw = kind == KIND_XML ? G_N_ELEMENTS (xml_mutators) : G_N_ELEMENTS (text_mutators);

          g_byte_array_append (b, data, len);
          for (guint i = 0; i < n_muts; i++)
            {
              if (i)
                g_string_append_c (m.desc, '+');
              pick (&m, w, nw) (&m, b);
            }
          made = write_file (path, b->data, b->len);
          g_byte_array_unref (b);
        }
      if (!made)
        {
          sigprocmask (SIG_UNBLOCK, &term_signals, NULL);
          g_rand_free (m.rng);
          g_string_free (m.desc, TRUE);
          continue;
        }
      if (kept)
        {
          g_autofree char *info = g_strdup_printf ("input %u of seed %d (ksp-fuzz --seed %d --only %u)\nbase %s\n"
                                                   "mutations %s\n", index, opt_seed, opt_seed, index, base->name,
                                                   m.desc->str);
          copy_file (path, kept);
          write_file (kept_info, info, strlen (info));
        }
      if (!opt_quiet)
        g_printerr ("%s base=%s %s\n", name, base->name, m.desc->str);
      sigprocmask (SIG_UNBLOCK, &term_signals, NULL);

      current_len = (sig_atomic_t) MIN (strlen (path), sizeof current_input - 1);
      memcpy (current_input, path, current_len);
      current_input[current_len] = 0;
      alarm ((unsigned) opt_timeout);
      root = ksp_read_any_file (path, &report, &read_error);
      reason = classify (path, root, report, read_error, &fig, &accepted);
      alarm (0);

      if (opt_verbose)
        {
          KspCounts counts = { 0 };
          if (root)
            ksp_counts_add_tree (&counts, root);
          if (root)
            g_printerr ("  accepted: %u cards, %.1f%% unplaced%s, %u report entries\n", counts.cards,
                        ksp_read_any_unplaced_share (root) * 100, ksp_read_any_is_doubtful (report) ? " (doubtful)" : "",
                        report ? ksp_import_report_get_n (report) : 0);
          else
            g_printerr ("  refused: %s\n", read_error ? read_error->message : "(no error)");
        }
      fig.inputs++;
      fig.per_kind[kind]++;
      if (accepted)
        {
          fig.accepted++;
          fig.accepted_kind[kind]++;
        }
      else
        fig.refused++;
      if (reason)
        {
          Defect *d = g_new0 (Defect, 1);
          d->name = g_strdup_printf ("%s (base %s, %s)", name, base->name, m.desc->str);
          d->reason = g_strdup (reason);
          g_ptr_array_add (fig.defects, d);
          g_printerr ("ksp-fuzz: DEFECT %s: %s\n", name, reason);
          if (kept)
            {
              g_autofree char *info = NULL;
              g_autofree char *old = NULL;
              g_file_get_contents (kept_info, &old, NULL, NULL);
              info = g_strdup_printf ("%sdefect %s\n", old ? old : "", reason);
              write_file (kept_info, info, strlen (info));
            }
        }
      else if (kept)
        {
          g_unlink (kept);
          g_unlink (kept_info);
        }
      g_unlink (path);
      g_rand_free (m.rng);
      g_string_free (m.desc, TRUE);
    }

  g_print ("inputs %u accepted %u refused %u hangs %u unnamed %u domain %u silent %u bad-utf8 %u leak %u "
           "(text %u, docx %u, xml %u; accepted: text %u, docx %u, xml %u) in %.1f s\n",
           fig.inputs, fig.accepted, fig.refused, fig.hangs, fig.unnamed, fig.domain, fig.silent, fig.bad_utf8,
           fig.leak, fig.per_kind[KIND_TEXT], fig.per_kind[KIND_DOCX], fig.per_kind[KIND_XML],
           fig.accepted_kind[KIND_TEXT], fig.accepted_kind[KIND_DOCX], fig.accepted_kind[KIND_XML],
           (g_get_monotonic_time () - t0) / 1e6);
  for (guint i = 0; i < fig.defects->len; i++)
    {
      Defect *d = fig.defects->pdata[i];
      g_print ("defect: %s: %s\n", d->name, d->reason);
    }
  if (opt_out && fig.defects->len)
    g_print ("the defective inputs are kept in %s (each with a .why file)\n", opt_out);

  {
    int status = fig.defects->len ? 1 : 0;
    g_ptr_array_unref (fig.defects);
    for (guint k = 0; k < N_KINDS; k++)
      g_ptr_array_unref (bases[k]);
    g_ptr_array_unref (splice_texts);
    g_ptr_array_unref (labels);
    rm_rf_flat (tmpdir);
    g_free (opt_out);
    g_free (opt_kind);
    g_free (opt_srcdir);
    return status;
  }
}
