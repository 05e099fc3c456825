/* ksp-word-diff.c: texts compared word by word, their noise, their likeness (see ksp-word-diff.h)
 *
 * Tokens. A token is a run of letters and digits (g_unichar_isalnum: Kazakh, Russian, Latin alike), a
 * run of blanks (is_blank below), or one other character. A combining mark, a variation selector, an
 * emoji skin tone, a ZWJ (and the character after it) or the second of a pair of regional indicators
 * joins the token before it, so no span splits what the reader sees as one character. A byte that is
 * not UTF-8 is a token of its own: the spans give the text back byte for byte even then.
 *
 * The diff:
 *  1. the common prefix and suffix tokens are cut off;
 *  2. the middle is aligned with Myers' O(ND) greedy algorithm, token against token. Two shortcuts
 *     make the middle one delete + insert without a full alignment: when the tokens the two sides
 *     share (as multisets, an upper bound on what any alignment keeps) cannot reach the share of
 *     step 5, Myers is not run (checked from BOUND_CHECK_MIN = 4 096 token pairs up); and when Myers
 *     needs more than MAX_EDITS = 1 024 token edits it stops. The work is at most
 *     O((N + M) × MAX_EDITS) time and O(MAX_EDITS²) memory (4 MiB);
 *  3. semantic clean-up (after diff-match-patch's diff_cleanupSemantic): an equality between two
 *     edits is folded into them when it holds no word (only blanks and punctuation), or when it is no
 *     longer, in characters, than the larger side (deleted or inserted) of the edit before it and of
 *     the edit after it. Folding repeats until nothing changes, so a rewritten sentence is one
 *     delete + one insert, while one word changed in a sentence stays equal, delete, insert, equal;
 *  4. a pure insertion or deletion that could sit at several places (its tokens repeat the ones
 *     around it) is slid to where it starts with a word or punctuation mark and ends with a blank:
 *     «методов [неразрушающего ]контроля», not «методов[ неразрушающего] контроля»;
 *  5. when the equal spans make less than MIN_EQUAL_SHARE = 30 % of the characters of the longer
 *     text, the texts are treated as rewritten: everything between the first and the last equality is
 *     one delete + one insert; that first and last equality (a common beginning and end) stay equal
 *     when they hold a word, otherwise they go into the edit too.
 *
 * Noise (ksp_text_normalize), one pass: blanks (g_unichar_isspace, NBSP, U+2002–U+200B, U+202F,
 * and the vertical tab Word writes for a line break) in runs become one space, and go at both ends;
 * the quotes « » „ “ ” " ‘ ’ ' ‹ › become "; a dash ‐ ‑ ‒ – — − (or -) with a blank or the start of
 * the text before it and a blank or the end after it becomes -; then . ; , : and spaces at the end
 * go. Case is kept: a change of case is a change.
 *
 * Similarity: the Dice coefficient of the multisets of word tokens, each case-folded as by
 * g_utf8_casefold(); computed on sorted 64-bit FNV-1a hashes of the folded words, merged.
 */
#include "ksp-word-diff.h"

#include <stdlib.h>
#include <string.h>

#define MAX_EDITS        1024   /* token edits Myers may spend before the middle is one replace */
#define MIN_EQUAL_SHARE  0.30   /* below this share of equal characters the texts are rewritten */
#define BOUND_CHECK_MIN  4096   /* token pairs (N × M) from which step 2's bound is worth computing */

typedef enum {
  TOKEN_WORD,
  TOKEN_BLANK,
  TOKEN_OTHER,
} TokenKind;

typedef struct {
  guint32 start;   /* byte offset in the text */
  guint32 len;     /* bytes */
  guint32 chars;   /* characters (an invalid byte counts as one) */
  guint32 hash;
  TokenKind kind;
} Token;

/* An equal run: old tokens [o, o + len) are new tokens [n, n + len). The diff is a list of runs; the
 * edit between run i and run i + 1 is old [runs[i].o + len, runs[i + 1].o) and new likewise. The
 * first run starts at (0, 0) and the last ends at the ends, either may be empty; the others are not,
 * and no edit between two runs is empty. */
typedef struct {
  guint o;
  guint n;
  guint len;
} Run;

typedef struct {
  const char  *old_text;
  const Token *old_tok;
  guint        n_old;
  const char  *new_text;
  const Token *new_tok;
  guint        n_new;
  guint       *old_chars;  /* n_old + 1 prefix sums of characters */
  guint       *new_chars;
  guint       *old_words;  /* n_old + 1 prefix sums of word tokens */
} Diff;

/* Tokens */

/* The Cyrillic block U+0400–U+052F (Russian, Kazakh) is letters but for ҂ and the combining marks
 * U+0483–U+0489, and folds like g_unichar_tolower(): the fast paths below rest on that (and say the
 * same as the GLib calls for every code point). */
#define IS_CYRILLIC(c) ((c) >= 0x0400 && (c) < 0x0530)

/* The character at @p (@end - @p > 0 bytes), its length in @len; -1 for a byte that is not UTF-8.
 * One and two bytes (ASCII, Cyrillic) are decoded here, the rest by GLib. */
static inline gunichar
decode_char (const char *p,
             const char *end,
             gsize      *len)
{
  guchar b0 = (guchar) p[0];
  gunichar c;

  if (b0 < 0x80)
    {
      *len = 1;
      return b0;
    }
  if (b0 >= 0xC2 && b0 < 0xE0 && end - p >= 2 && ((guchar) p[1] & 0xC0) == 0x80)
    {
      *len = 2;
      return (gunichar) (b0 & 0x1F) << 6 | ((guchar) p[1] & 0x3F);
    }
  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *len = 1;
      return (gunichar) -1;
    }
  *len = g_utf8_next_char (p) - p;
  return c;
}

/* g_unichar_tolower() on the Cyrillic block. */
static inline gunichar
cyrillic_tolower (gunichar c)
{
  if (c < 0x0410)
    return c + 0x50;
  if (c < 0x0430)
    return c + 0x20;
  if (c < 0x0460 || (c >= 0x0482 && c < 0x048A))
    return c;
  if (c == 0x04C0)
    return 0x04CF;
  if (c >= 0x04C1 && c <= 0x04CE)
    return (c & 1) ? c + 1 : c;   /* odd capital, even small */
  if (c == 0x04CF)
    return c;
  return (c & 1) ? c : c + 1;     /* even capital, odd small */
}

static gboolean
is_blank (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isspace (c) || c == 0x0B;   /* space, \t, \n, \f, \r; \v is Word's line break */
  return c == 0x00A0 || c == 0x202F || (c >= 0x2002 && c <= 0x200B) || g_unichar_isspace (c);
}

static gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

/* Characters that belong to the character before them. */
static gboolean
joins_previous (gunichar c)
{
  if (c < 0x0300)
    return FALSE;
  if (IS_CYRILLIC (c))
    return c >= 0x0483 && c <= 0x0489;
  return g_unichar_ismark (c)                    /* combining marks, variation selectors */
         || c == 0x200C || c == 0x200D           /* ZWNJ, ZWJ */
         || (c >= 0x1F3FB && c <= 0x1F3FF)       /* emoji skin tones */
         || (c >= 0xE0020 && c <= 0xE007F);      /* emoji tag characters */
}

static TokenKind
char_kind (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c) ? TOKEN_WORD : is_blank (c) ? TOKEN_BLANK : TOKEN_OTHER;
  if (IS_CYRILLIC (c))
    return c >= 0x0482 && c <= 0x0489 ? TOKEN_OTHER : TOKEN_WORD;
  if (g_unichar_isalnum (c))
    return TOKEN_WORD;
  if (is_blank (c))
    return TOKEN_BLANK;
  return TOKEN_OTHER;
}

static guint32
hash_bytes (const char *s,
            gsize       len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) s[i]) * 16777619u;
  return h;
}

/* Returns: (transfer full) (element-type Token): the tokens of @text, @len bytes of it; their hash
 * is set when @with_hash (else 0). */
static GArray *
tokenize (const char *text,
          gsize       len,
          gboolean    with_hash)
{
  GArray *tokens = g_array_sized_new (FALSE, FALSE, sizeof (Token), len / 4 + 4);
  const char *p = text;
  const char *end = text + len;
  Token *cur = NULL;          /* the open token, if it may still grow */
  gboolean glue_next = FALSE; /* after a ZWJ the next character joins whatever it is */
  gboolean lone_ri = FALSE;   /* the open token is a single regional indicator */

  while (p < end)
    {
      gsize clen;
      gunichar c = decode_char (p, end, &clen);
      TokenKind kind;

      if (c == (gunichar) -1)
        {
          Token bad = { (guint32) (p - text), 1, 1, 0, TOKEN_OTHER };
          g_array_append_val (tokens, bad);
          cur = NULL;
          glue_next = lone_ri = FALSE;
          p++;
          continue;
        }
      kind = char_kind (c);

      if (cur != NULL
          && (glue_next || joins_previous (c)
              || (kind == cur->kind && kind != TOKEN_OTHER)
              || (lone_ri && is_regional_indicator (c))))
        {
          lone_ri = FALSE;
          cur->len += clen;
          cur->chars++;
        }
      else
        {
          Token token = { (guint32) (p - text), (guint32) clen, 1, 0, kind };
          g_array_append_val (tokens, token);
          cur = &g_array_index (tokens, Token, tokens->len - 1);
          lone_ri = is_regional_indicator (c);
        }
      glue_next = c == 0x200D;
      p += clen;
    }

  for (guint i = 0; with_hash && i < tokens->len; i++)
    {
      Token *t = &g_array_index (tokens, Token, i);
      t->hash = hash_bytes (text + t->start, t->len);
    }
  return tokens;
}

static inline gboolean
token_equal (const Diff *d,
             guint       o,
             guint       n)
{
  const Token *a = &d->old_tok[o];
  const Token *b = &d->new_tok[n];

  return a->hash == b->hash && a->len == b->len
         && memcmp (d->old_text + a->start, d->new_text + b->start, a->len) == 0;
}

/* Alignment */

static guint
old_chars (const Diff *d, guint from, guint to)
{
  return d->old_chars[to] - d->old_chars[from];
}

static guint
new_chars (const Diff *d, guint from, guint to)
{
  return d->new_chars[to] - d->new_chars[from];
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  guint64 x = *(const guint64 *) a;
  guint64 y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

/* An upper bound on the characters any alignment of old [o0, o0 + N) with new [n0, n0 + M) can keep
 * equal: the tokens both have, as multisets. (Tokens are keyed by hash and length in characters: two
 * that collide only make the bound larger.) */
static guint
equal_chars_bound (const Diff *d,
                   guint       o0,
                   guint       N,
                   guint       n0,
                   guint       M)
{
  g_autofree guint64 *a = g_new (guint64, N);
  g_autofree guint64 *b = g_new (guint64, M);
  guint i = 0, j = 0, bound = 0;

  for (guint k = 0; k < N; k++)
    a[k] = (guint64) d->old_tok[o0 + k].hash << 32 | d->old_tok[o0 + k].chars;
  for (guint k = 0; k < M; k++)
    b[k] = (guint64) d->new_tok[n0 + k].hash << 32 | d->new_tok[n0 + k].chars;
  qsort (a, N, sizeof (guint64), compare_keys);
  qsort (b, M, sizeof (guint64), compare_keys);
  while (i < N && j < M)
    {
      if (a[i] == b[j])
        {
          bound += (guint32) a[i];   /* the low half: the token's characters */
          i++;
          j++;
        }
      else if (a[i] < b[j])
        i++;
      else
        j++;
    }
  return bound;
}

static void
add_run (GArray *runs,
         guint   o,
         guint   n,
         guint   len)
{
  Run run = { o, n, len };

  if (runs->len > 0)
    {
      Run *last = &g_array_index (runs, Run, runs->len - 1);
      if (last->o + last->len == o && last->n + last->len == n)
        {
          last->len += len;
          return;
        }
    }
  g_array_append_val (runs, run);
}

/* Myers on old tokens [o0, o0 + N) against new [n0, n0 + M), both non-empty. Appends the equal runs
 * to @runs in order; FALSE (and nothing appended) when more than MAX_EDITS edits would be needed. */
static gboolean
align_middle (const Diff *d,
              guint       o0,
              gint        N,
              guint       n0,
              gint        M,
              GArray     *runs)
{
  gint max_d = MIN (N + M, MAX_EDITS);
  gint off = max_d + 1;
  g_autofree gint *v = g_new0 (gint, 2 * max_d + 3);
  g_autoptr (GArray) trace = g_array_new (FALSE, FALSE, sizeof (gint)); /* row D at D², k = -D..D */
  g_autoptr (GArray) back = NULL;
  gint found = -1;
  gint x, y;

  for (gint dd = 0; dd <= max_d && found < 0; dd++)
    {
      for (gint k = -dd; k <= dd; k += 2)
        {
          if (dd == 0)
            x = 0;
          else if (k == -dd || (k != dd && v[off + k - 1] < v[off + k + 1]))
            x = v[off + k + 1];        /* down: a new token inserted */
          else
            x = v[off + k - 1] + 1;    /* right: an old token deleted */
          y = x - k;
          while (x < N && y < M && token_equal (d, o0 + x, n0 + y))
            x++, y++;
          v[off + k] = x;
          if (x >= N && y >= M)
            {
              found = dd;
              break;
            }
        }
      g_array_append_vals (trace, &v[off - dd], 2 * dd + 1);
    }
  if (found < 0)
    return FALSE;

  /* Back from (N, M): the snakes, last first. */
  back = g_array_new (FALSE, FALSE, sizeof (Run));
  x = N;
  y = M;
  for (gint dd = found; dd > 0; dd--)
    {
      const gint *prev = &g_array_index (trace, gint, (dd - 1) * (dd - 1)) + (dd - 1);
      gint k = x - y;
      gint pk, px, sx;

      if (k == -dd || (k != dd && prev[k - 1] < prev[k + 1]))
        pk = k + 1;
      else
        pk = k - 1;
      px = prev[pk];
      sx = pk == k + 1 ? px : px + 1;
      if (x > sx)
        {
          Run run = { o0 + sx, n0 + (sx - k), x - sx };
          g_array_append_val (back, run);
        }
      x = px;
      y = px - pk;
    }
  if (x > 0)
    {
      Run run = { o0, n0, x };
      g_array_append_val (back, run);
    }
  for (guint i = back->len; i > 0; i--)
    {
      const Run *run = &g_array_index (back, Run, i - 1);
      add_run (runs, run->o, run->n, run->len);
    }
  return TRUE;
}

static GArray *
align (const Diff *d)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (Run));
  guint prefix = 0;
  guint suffix = 0;
  guint n_old = d->n_old;
  guint n_new = d->n_new;

  while (prefix < n_old && prefix < n_new && token_equal (d, prefix, prefix))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix
         && token_equal (d, n_old - 1 - suffix, n_new - 1 - suffix))
    suffix++;

  add_run (runs, 0, 0, prefix);
  if (n_old - prefix - suffix > 0 && n_new - prefix - suffix > 0)
    {
      guint N = n_old - prefix - suffix;
      guint M = n_new - prefix - suffix;
      guint longer = MAX (d->old_chars[n_old], d->new_chars[n_new]);
      guint ends = d->old_chars[prefix] + old_chars (d, n_old - suffix, n_old);

      /* When even the best alignment would leave the texts rewritten (step 5), do not look for it. */
      if ((guint64) N * M <= BOUND_CHECK_MIN
          || (double) (ends + equal_chars_bound (d, prefix, N, prefix, M)) >= MIN_EQUAL_SHARE * longer)
        align_middle (d, prefix, N, prefix, M, runs);
    }
  add_run (runs, n_old - suffix, n_new - suffix, suffix);
  return runs;
}

/* Clean-up */

/* The larger side, in characters, of the edit after run @i. */
static guint
edit_size (const Diff *d,
           GArray     *runs,
           guint       i)
{
  const Run *a = &g_array_index (runs, Run, i);
  const Run *b = &g_array_index (runs, Run, i + 1);

  return MAX (old_chars (d, a->o + a->len, b->o), new_chars (d, a->n + a->len, b->n));
}

static gboolean
run_has_word (const Diff *d,
              const Run  *run)
{
  return d->old_words[run->o + run->len] > d->old_words[run->o];
}

static void
fold_short_equalities (const Diff *d,
                       GArray     *runs)
{
  guint i = 1;

  while (i + 1 < runs->len)
    {
      const Run *run = &g_array_index (runs, Run, i);
      guint size = old_chars (d, run->o, run->o + run->len);

      if (!run_has_word (d, run)
          || (size <= edit_size (d, runs, i - 1) && size <= edit_size (d, runs, i)))
        {
          g_array_remove_index (runs, i);
          if (i > 1)
            i--;   /* the edit before grew: the equality before it may go now */
        }
      else
        i++;
    }
}

static int
slide_score (const Token *tok,
             guint        from,
             guint        to)
{
  return (tok[from].kind != TOKEN_BLANK ? 2 : 0) + (tok[to - 1].kind == TOKEN_BLANK ? 1 : 0);
}

/* Slides each pure insertion or deletion to its best place among the equivalent ones (see top). An
 * inner equality is never emptied, so no two edits meet. */
static void
slide_pure_edits (const Diff *d,
                  GArray     *runs)
{
  for (guint i = 0; i + 1 < runs->len; i++)
    {
      Run *a = &g_array_index (runs, Run, i);
      Run *b = &g_array_index (runs, Run, i + 1);
      gboolean insertion = a->o + a->len == b->o;
      gboolean deletion = a->n + a->len == b->n;
      const Token *tok;
      const char *text;
      guint from, to, max_left, max_right, left = 0, right = 0;
      int best_score, best_shift = 0;

      if (insertion == deletion)
        continue;   /* a replace (or nothing): stays */
      tok = insertion ? d->new_tok : d->old_tok;
      text = insertion ? d->new_text : d->old_text;
      from = insertion ? a->n + a->len : a->o + a->len;
      to = insertion ? b->n : b->o;
      max_left = i == 0 ? a->len : a->len - 1;
      max_right = i + 2 == runs->len ? b->len : b->len - 1;

#define SAME(x, y) (tok[x].hash == tok[y].hash && tok[x].len == tok[y].len \
                    && memcmp (text + tok[x].start, text + tok[y].start, tok[x].len) == 0)
      while (left < max_left && SAME (from - 1 - left, to - 1 - left))
        left++;
      while (right < max_right && SAME (from + right, to + right))
        right++;
#undef SAME
      if (left == 0 && right == 0)
        continue;

      best_score = slide_score (tok, from, to);
      for (int shift = -(int) left; shift <= (int) right; shift++)
        {
          int score = slide_score (tok, from + shift, to + shift);
          if (score > best_score)
            {
              best_score = score;
              best_shift = shift;
            }
        }
      a->len += best_shift;
      b->o += best_shift;
      b->n += best_shift;
      b->len -= best_shift;
    }
}

/* Step 5 (see top): too little in common, one replace between the common beginning and end. */
static void
treat_as_rewritten (const Diff *d,
                    GArray     *runs)
{
  guint equal = 0;
  guint longer = MAX (d->old_chars[d->n_old], d->new_chars[d->n_new]);
  Run first, last;

  if (runs->len < 2)
    return;
  for (guint i = 0; i < runs->len; i++)
    {
      const Run *run = &g_array_index (runs, Run, i);
      equal += old_chars (d, run->o, run->o + run->len);
    }
  if ((double) equal >= MIN_EQUAL_SHARE * longer)
    return;

  first = g_array_index (runs, Run, 0);
  last = g_array_index (runs, Run, runs->len - 1);
  if (!run_has_word (d, &first))
    first.len = 0;
  if (!run_has_word (d, &last))
    {
      last.o += last.len;
      last.n += last.len;
      last.len = 0;
    }
  g_array_set_size (runs, 0);
  g_array_append_val (runs, first);
  g_array_append_val (runs, last);
}

/* Spans */

void
ksp_word_span_free (KspWordSpan *span)
{
  if (span == NULL)
    return;
  g_free (span->text);
  g_free (span);
}

const char *
ksp_span_op_to_string (KspSpanOp op)
{
  switch (op)
    {
    case KSP_SPAN_DELETE:
      return "delete";
    case KSP_SPAN_INSERT:
      return "insert";
    case KSP_SPAN_EQUAL:
    default:
      return "equal";
    }
}

static void
add_span (GPtrArray  *spans,
          KspSpanOp   op,
          const char *text,
          gsize       len)
{
  KspWordSpan *span;

  if (len == 0)
    return;
  span = g_new0 (KspWordSpan, 1);
  span->op = op;
  span->text = g_strndup (text, len);
  g_ptr_array_add (spans, span);
}

/* Tokens [from, to) of one side as a span. */
static void
add_token_span (GPtrArray   *spans,
                KspSpanOp    op,
                const char  *text,
                const Token *tok,
                guint        from,
                guint        to)
{
  if (from < to)
    add_span (spans, op, text + tok[from].start,
              tok[to - 1].start + tok[to - 1].len - tok[from].start);
}

static guint *
prefix_sums (const Token *tok,
             guint        n,
             gboolean     words)
{
  guint *sums = g_new (guint, n + 1);

  sums[0] = 0;
  for (guint i = 0; i < n; i++)
    sums[i + 1] = sums[i] + (words ? (tok[i].kind == TOKEN_WORD) : tok[i].chars);
  return sums;
}

GPtrArray *
ksp_word_diff (const char *old_text,
               const char *new_text)
{
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_word_span_free);
  gsize old_len = old_text != NULL ? strlen (old_text) : 0;
  gsize new_len = new_text != NULL ? strlen (new_text) : 0;
  g_autoptr (GArray) old_tok = NULL;
  g_autoptr (GArray) new_tok = NULL;
  g_autoptr (GArray) runs = NULL;
  g_autofree guint *old_char_sums = NULL;
  g_autofree guint *new_char_sums = NULL;
  g_autofree guint *old_word_sums = NULL;
  Diff d;

  if (old_len == new_len && (old_len == 0 || memcmp (old_text, new_text, old_len) == 0))
    {
      add_span (spans, KSP_SPAN_EQUAL, old_text, old_len);
      return spans;
    }
  if (old_len == 0 || new_len == 0)
    {
      add_span (spans, KSP_SPAN_DELETE, old_text, old_len);
      add_span (spans, KSP_SPAN_INSERT, new_text, new_len);
      return spans;
    }

  old_tok = tokenize (old_text, old_len, TRUE);
  new_tok = tokenize (new_text, new_len, TRUE);
  old_char_sums = prefix_sums ((Token *) old_tok->data, old_tok->len, FALSE);
  new_char_sums = prefix_sums ((Token *) new_tok->data, new_tok->len, FALSE);
  old_word_sums = prefix_sums ((Token *) old_tok->data, old_tok->len, TRUE);
  d = (Diff) {
    .old_text = old_text, .old_tok = (Token *) old_tok->data, .n_old = old_tok->len,
    .new_text = new_text, .new_tok = (Token *) new_tok->data, .n_new = new_tok->len,
    .old_chars = old_char_sums, .new_chars = new_char_sums, .old_words = old_word_sums,
  };

  runs = align (&d);
  fold_short_equalities (&d, runs);
  slide_pure_edits (&d, runs);
  treat_as_rewritten (&d, runs);

  for (guint i = 0; i < runs->len; i++)
    {
      const Run *run = &g_array_index (runs, Run, i);

      add_token_span (spans, KSP_SPAN_EQUAL, old_text, d.old_tok, run->o, run->o + run->len);
      if (i + 1 < runs->len)
        {
          const Run *next = &g_array_index (runs, Run, i + 1);
          add_token_span (spans, KSP_SPAN_DELETE, old_text, d.old_tok, run->o + run->len, next->o);
          add_token_span (spans, KSP_SPAN_INSERT, new_text, d.new_tok, run->n + run->len, next->n);
        }
    }
  return spans;
}

/* Noise */

static gboolean
is_quote (gunichar c)
{
  switch (c)
    {
    case 0x00AB: case 0x00BB: /* « » */
    case 0x201E: case 0x201C: case 0x201D: /* „ “ ” */
    case 0x2018: case 0x2019: /* ‘ ’ */
    case 0x2039: case 0x203A: /* ‹ › */
    case '"': case '\'':
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || (c >= 0x2010 && c <= 0x2014) || c == 0x2212;
}

char *
ksp_text_normalize (const char *text)
{
  const char *p = text;
  const char *end;
  char *out;
  gsize n = 0;
  gboolean pending_space = FALSE;
  gboolean after_blank = TRUE;   /* the start of the text counts as a blank for dashes */

  if (text == NULL)
    return NULL;

  /* Every change makes the text shorter or keeps its length: one buffer of the input's size. */
  end = text + strlen (text);
  out = g_malloc (end - text + 1);
  while (p < end)
    {
      gsize len;
      gunichar c = decode_char (p, end, &len);

      if (c != (gunichar) -1 && is_blank (c))
        {
          pending_space = TRUE;
          after_blank = TRUE;
          p += len;
          continue;
        }
      if (pending_space && n > 0)
        out[n++] = ' ';
      pending_space = FALSE;

      if (c != (gunichar) -1 && is_quote (c))
        out[n++] = '"';
      else if (c != (gunichar) -1 && is_dash (c) && after_blank)
        {
          gsize next_len;
          gunichar next = p + len < end ? decode_char (p + len, end, &next_len) : ' ';
          if (next != (gunichar) -1 && is_blank (next))
            out[n++] = '-';
          else
            {
              memcpy (out + n, p, len);
              n += len;
            }
        }
      else
        {
          memcpy (out + n, p, len);
          n += len;
        }
      after_blank = FALSE;
      p += len;
    }

  while (n > 0 && strchr (" .;,:", out[n - 1]) != NULL)
    n--;
  out[n] = '\0';
  return out;
}

gboolean
ksp_text_equivalent (const char *a,
                     const char *b)
{
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  if (strcmp (a, b) == 0)
    return TRUE;
  na = ksp_text_normalize (a);
  nb = ksp_text_normalize (b);
  return strcmp (na, nb) == 0;
}

/* Similarity */

#define FNV_PRIME G_GUINT64_CONSTANT (1099511628211)

/* FNV-1a step over the UTF-8 of g_utf8_casefold (@c). */
static guint64
hash_folded_char (guint64  h,
                  gunichar c)
{
  g_autofree char *folded = NULL;
  char buf[8];

  if (c < 0x80)
    return (h ^ (guchar) g_ascii_tolower (c)) * FNV_PRIME;
  if (IS_CYRILLIC (c))
    {
      c = cyrillic_tolower (c);   /* still two bytes */
      h = (h ^ (0xC0 | c >> 6)) * FNV_PRIME;
      return (h ^ (0x80 | (c & 0x3F))) * FNV_PRIME;
    }
  folded = g_utf8_casefold (buf, g_unichar_to_utf8 (c, buf));
  for (const char *p = folded; *p; p++)
    h = (h ^ (guchar) *p) * FNV_PRIME;
  return h;
}

/* Returns: (transfer full): the sorted hashes of the case-folded words of @text; @n_out their number. */
static guint64 *
word_hashes (const char *text,
             guint      *n_out)
{
  g_autoptr (GArray) tokens = NULL;
  guint64 *hashes;
  guint n = 0;

  *n_out = 0;
  if (text == NULL || *text == '\0')
    return NULL;
  tokens = tokenize (text, strlen (text), FALSE);
  hashes = g_new (guint64, tokens->len + 1);
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);
      const char *end = text + t->start + t->len;
      guint64 h = G_GUINT64_CONSTANT (14695981039346656037);

      if (t->kind != TOKEN_WORD)
        continue;
      /* A word token is valid UTF-8: bytes that are not make tokens of their own. */
      for (const char *p = text + t->start; p < end;)
        {
          gsize len;
          h = hash_folded_char (h, decode_char (p, end, &len));
          p += len;
        }
      hashes[n++] = h;
    }
  qsort (hashes, n, sizeof (guint64), compare_keys);
  *n_out = n;
  return hashes;
}

double
ksp_text_similarity (const char *a,
                     const char *b)
{
  guint na, nb, i = 0, j = 0, common = 0;
  g_autofree guint64 *ha = word_hashes (a, &na);
  g_autofree guint64 *hb = word_hashes (b, &nb);

  if (na == 0 && nb == 0)
    return 1.0;
  if (na == 0 || nb == 0)
    return 0.0;
  while (i < na && j < nb)
    {
      if (ha[i] == hb[j])
        {
          common++;
          i++;
          j++;
        }
      else if (ha[i] < hb[j])
        i++;
      else
        j++;
    }
  return 2.0 * common / (na + nb);
}
