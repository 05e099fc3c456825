/* ksp-adilet-reader.c: the 2024 layout (Russian and Kazakh labels), and the dispatch to the older
 * Kazakh layouts.
 *
 * The text is read as a stream of cleaned cells (ksp-source.c). A cell either starts with a label
 * («Код группы:», «Трудовая функция 2:», «5. Код профессионального стандарта:», …), which changes where the
 * following text goes, or is content, which goes to the current place: a field of the current element, a
 * new item of the current list, or, when there is no place, a "not_placed" element with a report entry.
 */
#include "ksp-adilet-reader.h"
#include "ksp-import-summary.h"
#include "ksp-adilet-reader-private.h"

#include <string.h>

/* Compiled once, on first use, and kept: the patterns are constants. Shared by the readers. */
GRegex *
_ksp_reader_cached_regex (gsize             *once,
                          const char        *pattern,
                          GRegexCompileFlags flags)
{
  if (g_once_init_enter (once))
    {
      GRegex *re = g_regex_new (pattern, flags | G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (re != NULL);
      g_once_init_leave (once, (gsize) re);
    }
  return (GRegex *) *once;
}

typedef enum {
  MODE_NONE,
  MODE_VALUE,        /* append to target.field */
  MODE_NOTE,         /* the text of an editorial note; then back to the saved mode */
  MODE_TERMS,
  MODE_ABBREVIATIONS,
  MODE_OKED,
  MODE_CARD_LIST,
  MODE_EXPERIENCE,
  MODE_OTHER_NAMES,
  MODE_TF_LIST,
  MODE_ITEMS,        /* abilities or knowledge of the current skill */
  MODE_COMPETENCIES,
  MODE_TECH_REGS,
  MODE_ORK_LINKS,
  MODE_APPENDIX,     /* the appendix header before the standard's title */
} Mode;

typedef struct
{
  KspSource       *src;
  KspImportReport *report;
  KspLang          lang;
  KspNode         *doc;
  KspNode         *order;
  KspNode         *order_item;
  KspNode         *standard;
  KspNode         *card;
  KspNode         *fn;
  KspNode         *skill;
  KspNode         *education;
  KspNode         *technical;
  KspNode         *last;        /* last list element made (term, item, entry, link…) */
  Mode             mode;
  KspNode         *target;
  const char      *field;
  const char      *item_kind;
  const char      *tf_kind;
  Mode             saved_mode;
  KspNode         *saved_target;
  const char      *saved_field;
  gboolean         seen_preamble;
  gboolean         in_technical;
  GHashTable      *headed;      /* functions that have a «Трудовая функция N» section */
  GRegex          *embedded;
  gboolean         kk2019;      /* the 2019/2023 Kazakh layout */
  gboolean         card_closed; /* the current card's last block («Связь с другими профессиями …») was read */
  const KspSegment *seg;
} Reader;

/* ---------------------------------------------------------------------------------------------- */
/* small helpers                                                                                   */

/* A new element under @parent, with its number as written and its source line. Shared by the readers. */
KspNode *
_ksp_reader_add (KspNode    *parent,
                 const char *kind,
                 const char *number,
                 guint       line)
{
  g_autoptr (KspNode) node = ksp_node_new (kind, NULL);

  ksp_node_set_number (node, number);
  ksp_node_set_src_line (node, line);
  ksp_node_append_child (parent, node);
  return node;
}

/* At most @max characters of @text (not bytes: a Cyrillic letter is never cut), with «…» when cut. */
char *
_ksp_reader_shorten (const char *text,
                     guint       max)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  if (g_utf8_strlen (valid, -1) <= max)
    return g_steal_pointer (&valid);
  {
    g_autofree char *head = g_utf8_substring (valid, 0, max);
    return g_strconcat (head, "…", NULL);
  }
}

/* Text no element can hold: kept in a "not_placed" element under @parent, and in the report. */
void
_ksp_reader_not_placed (KspImportReport *report,
                        KspNode         *parent,
                        KspLang          lang,
                        guint            line,
                        const char      *text,
                        const char      *reason)
{
  KspNode *node = _ksp_reader_add (parent, "not_placed", NULL, line);
  g_autofree char *shown = _ksp_reader_shorten (text, 60);

  _ksp_reader_append (node, "text", lang, text);
  ksp_node_set_value (node, "reason", KSP_LANG_NONE, reason);

  ksp_import_report_add (report, line, "not-placed", "line %u: «%s»: %s; kept as not placed", line, shown, reason);
}

static KspNode *
add (Reader     *r,
     KspNode    *parent,
     const char *kind,
     const char *number)
{
  return _ksp_reader_add (parent, kind, number, r->seg ? r->seg->line : 0);
}

static KspLang
lang_for (KspNode    *node,
          const char *field,
          KspLang     lang)
{
  const KspFieldSpec *spec = ksp_kind_lookup_field (ksp_node_get_kind_spec (node), field);
  g_return_val_if_fail (spec != NULL, KSP_LANG_NONE);
  return ksp_field_is_bilingual (spec) ? lang : KSP_LANG_NONE;
}

void
_ksp_reader_append (KspNode    *node,
                    const char *field,
                    KspLang     lang,
                    const char *text)
{
  KspLang l = lang_for (node, field, lang);
  const char *old = ksp_node_get_value (node, field, l);

  if (old == NULL || *old == '\0')
    ksp_node_set_value (node, field, l, text);
  else if (*text)
    {
      g_autofree char *joined = g_strconcat (old, "\n", text, NULL);
      ksp_node_set_value (node, field, l, joined);
    }
}

static void
append (Reader     *r,
        KspNode    *node,
        const char *field,
        const char *text)
{
  _ksp_reader_append (node, field, r->lang, text);
}

/* Text read as structure (a label, a heading): see ksp_import_report_add_structure(). */
static void
structure (Reader     *r,
           const char *text,
           const char *end)
{
  ksp_import_report_add_structure (r->report, text, end ? end - text : -1);
}

static void
set_mode_value (Reader     *r,
                KspNode    *node,
                const char *field,
                const char *inline_value)
{
  r->mode = MODE_VALUE;
  r->target = node;
  r->field = field;
  /* The label was there: the value is at least empty, never absent. */
  if (ksp_node_get_value (node, field, lang_for (node, field, r->lang)) == NULL)
    ksp_node_set_value (node, field, lang_for (node, field, r->lang), "");
  if (inline_value && *inline_value)
    append (r, node, field, inline_value);
}

static KspNode *
placed_parent (Reader *r)
{
  if (r->skill && r->mode == MODE_ITEMS)
    return r->skill;
  if (r->card)
    return r->card;
  if (r->standard)
    return r->standard;
  if (r->order)
    return r->order;
  return r->doc;
}

static void
not_placed (Reader     *r,
            const char *text,
            const char *reason)
{
  _ksp_reader_not_placed (r->report, placed_parent (r), r->lang, r->seg->line, text, reason);
}

/* Compares @text's start with @label, ignoring the case of letters. Returns the byte length matched. */
static gsize
prefix_len (const char *text,
            const char *label)
{
  const char *t = text, *l = label;

  while (*l)
    {
      gunichar a, b;

      /* the same bytes: nothing to fold (labels are matched against every cell of a text) */
      if (*t == *l)
        {
          t++;
          l++;
          continue;
        }
      if (*t == '\0')
        return 0;
      /* bytes differ: compare the characters they are in, case folded (the bytes before were the same,
       * so both characters start at the same offset) */
      while (t > text && ((guchar) *t & 0xC0) == 0x80)
        {
          t--;
          l--;
        }
      a = g_unichar_tolower (g_utf8_get_char (t));
      b = g_unichar_tolower (g_utf8_get_char (l));
      if (a != b)
        return 0;
      t = g_utf8_next_char (t);
      l = g_utf8_next_char (l);
    }
  return t - text;
}

const char *
_ksp_reader_skip_space (const char *p)
{
  while (*p == ' ')
    p++;
  return p;
}

/**
 * match_label:
 * @rest: (out): the text after the label and its colon
 * @had_colon: (out) (optional)
 *
 * A label matches when the cell starts with it and it is followed by a colon, the end of the cell, or
 * (for labels that end in a variable part, @open) anything up to the first colon.
 */
gboolean
_ksp_reader_match_label (const char  *text,
                         const char  *label,
                         gboolean     open,
                         const char **rest,
                         gboolean    *had_colon)
{
  gsize n = prefix_len (text, label);
  const char *p;

  if (n == 0)
    return FALSE;
  p = text + n;
  if (open)
    {
      const char *colon = strchr (p, ':');
      if (colon && g_utf8_strlen (p, colon - p) <= 80)
        p = colon;
      else if (*p != '\0' && *p != ' ' && *p != '.')
        return FALSE;
      else
        p += strlen (p) * (colon == NULL && g_utf8_strlen (p, -1) <= 80);
    }
  p = _ksp_reader_skip_space (p);
  if (*p == ':')
    {
      if (had_colon)
        *had_colon = TRUE;
      *rest = _ksp_reader_skip_space (p + 1);
      return TRUE;
    }
  if (*p == '\0')
    {
      if (had_colon)
        *had_colon = FALSE;
      *rest = p;
      return TRUE;
    }
  return FALSE;
}

/* «Трудовая функция 2: …», «Навык 1.», «1-еңбек функциясы:»: a label with a number. */
static gboolean
match_numbered (const char  *text,
                const char  *label,
                char       **number,
                const char **rest)
{
  gsize n = prefix_len (text, label);
  const char *p, *digits;

  if (n == 0)
    return FALSE;
  p = _ksp_reader_skip_space (text + n);
  digits = p;
  while (g_ascii_isdigit (*p))
    p++;
  if (p == digits || p - digits > 3)
    return FALSE;
  *number = g_strndup (digits, p - digits);
  p = _ksp_reader_skip_space (p);
  if (*p == ':' || *p == '.')
    p++;
  *rest = _ksp_reader_skip_space (p);
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------- */
/* numbered items                                                                                  */

static gboolean
is_item_break (const char *start,
               const char *p)
{
  const char *q = p;

  if (p == start)
    return TRUE;
  /* After blanks, preceded by sentence punctuation: «… работы. 2. Вести …». */
  if (q[-1] != ' ')
    return FALSE;
  while (q > start && q[-1] == ' ')
    q--;
  if (q == start)
    return TRUE;
  /* A bullet: «- 1.Анализировать …» (seed 000, lines 893–904). */
  if (q[-1] == '-' && (q - 1 == start || q[-2] == ' '))
    return TRUE;
  return strchr (".;:!?)»\"", q[-1]) != NULL;
}

/* Finds "N." (N of 1–2 digits, not "4.1") at @p; returns the length of "N." or 0. */
static gsize
item_number_at (const char *p)
{
  const char *q = p;

  while (g_ascii_isdigit (*q))
    q++;
  if (q == p || q - p > 2 || *q != '.')
    return 0;
  if (g_ascii_isdigit (q[1]))
    return 0;
  if (q[1] != ' ' && !g_unichar_isalpha (g_utf8_get_char (q + 1)) && q[1] != '\0' && !g_str_has_prefix (q + 1, "«") && q[1] != '"')
    return 0;
  return q + 1 - p;
}

/**
 * _ksp_reader_split_items:
 * Splits «1. Первое. 2. Второе.» into numbered items. Text before the first number is returned as an
 * item with a %NULL number.
 * Returns: (element-type KspReaderItem)
 */
GPtrArray *
_ksp_reader_split_items (const char *text)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (_ksp_reader_item_free);
  const char *p = text, *item_start = NULL, *number_start = NULL;
  gsize number_len = 0;

  for (; *p; p++)
    {
      gsize n;
      if (!g_ascii_isdigit (*p) || (p > text && g_ascii_isdigit (p[-1])))
        continue;
      if (!is_item_break (text, p) || (n = item_number_at (p)) == 0)
        continue;
      if (item_start || p > text)
        {
          KspReaderItem *it = g_new0 (KspReaderItem, 1);
          const char *from = item_start ? item_start : text;
          it->number = number_start ? g_strndup (number_start, number_len) : NULL;
          it->text = g_strstrip (g_strndup (from, p - from));
          /* A bullet dash before the number is layout, not text. */
          if (it->number == NULL && g_str_equal (it->text, "-"))
            it->text[0] = '\0';
          if (it->number || *it->text)
            g_ptr_array_add (items, it);
          else
            _ksp_reader_item_free (it);
        }
      number_start = p;
      number_len = n;
      item_start = p + n;
      p += n - 1;
    }
  {
    KspReaderItem *it = g_new0 (KspReaderItem, 1);
    const char *from = item_start ? item_start : text;
    it->number = number_start ? g_strndup (number_start, number_len) : NULL;
    it->text = g_strstrip (g_strdup (from));
    if (it->number || *it->text)
      g_ptr_array_add (items, it);
    else
      _ksp_reader_item_free (it);
  }
  return items;
}

void
_ksp_reader_item_free (gpointer data)
{
  KspReaderItem *it = data;
  g_free (it->number);
  g_free (it->text);
  g_free (it);
}

/* ---------------------------------------------------------------------------------------------- */
/* dates                                                                                           */

static const char *const months_ru[] = { "январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август",
                                         "сентябр", "октябр", "ноябр", "декабр" };
static const char *const months_kk[] = { "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде",
                                         "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан" };

/* «25.07.2024 г.», «от 11 марта 2024 года», «2019 жылғы 30 мамырдағы» → "2024-07-25"; NULL if none. */
char *
_ksp_reader_parse_date (const char *text)
{
  static gsize numeric_once; GRegex *numeric = _ksp_reader_cached_regex (&numeric_once, "(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})", 0);
  static gsize words_once; GRegex *words = _ksp_reader_cached_regex (&words_once, "(\\d{1,2})\\s+(\\w+)\\s+(\\d{4})", 0);
  static gsize kk_once; GRegex *kk = _ksp_reader_cached_regex (&kk_once, "(\\d{4})\\s+жылғы\\s+(\\d{1,2})\\s+(\\w+)", 0);
  g_autoptr (GMatchInfo) m = NULL;
  int d = 0, mo = 0, y = 0;

  if (g_regex_match (numeric, text, 0, &m))
    {
      g_autofree char *a = g_match_info_fetch (m, 1), *b = g_match_info_fetch (m, 2), *c = g_match_info_fetch (m, 3);
      d = atoi (a), mo = atoi (b), y = atoi (c);
    }
  else
    {
      g_autofree char *day = NULL, *month = NULL, *year = NULL;
      g_clear_pointer (&m, g_match_info_free);
      if (g_regex_match (words, text, 0, &m))
        {
          day = g_match_info_fetch (m, 1), month = g_match_info_fetch (m, 2), year = g_match_info_fetch (m, 3);
        }
      else
        {
          g_clear_pointer (&m, g_match_info_free);
          if (g_regex_match (kk, text, 0, &m))
            year = g_match_info_fetch (m, 1), day = g_match_info_fetch (m, 2), month = g_match_info_fetch (m, 3);
        }
      if (month)
        {
          g_autofree char *lower = g_utf8_strdown (month, -1);
          for (int i = 0; i < 12 && !mo; i++)
            if (g_str_has_prefix (lower, months_ru[i]) && (i != 4 || g_str_equal (lower, "мая")))
              mo = i + 1;
          for (int i = 0; i < 12 && !mo; i++)
            if (g_str_has_prefix (lower, months_kk[i]))
              mo = i + 1;
          d = atoi (day), y = atoi (year);
        }
    }
  if (mo == 0 || !g_date_valid_dmy (d, mo, y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, mo, d);
}

/* ---------------------------------------------------------------------------------------------- */
/* the order wrapper                                                                               */

static KspNode *
ensure_standard (Reader *r)
{
  if (r->standard == NULL)
    {
      r->standard = add (r, r->doc, "standard", NULL);
      r->mode = MODE_NONE;
    }
  return r->standard;
}

static gboolean
is_standard_title (const char *t)
{
  return prefix_len (t, "Профессиональный стандарт") > 0 ||
         (g_str_has_suffix (t, "кәсіптік стандарты") && g_utf8_strlen (t, -1) < 200) ||
         prefix_len (t, "Кәсіптік стандарт") > 0;
}

/* «Ескерту. 2-тармаққа өзгерістер енгізілді - ҚР … министрінің 23.12.2021 № 488 (…) бұйрығымен.» */
static gboolean
is_amendment_note (const char *t)
{
  return g_str_has_prefix (t, "Ескерту.") || g_str_has_prefix (t, "Ескерту:") || g_str_has_prefix (t, "Ескертпе") ||
         g_str_has_prefix (t, "Ескерте:") || g_str_has_prefix (t, "Сноска.") || g_str_has_prefix (t, "**Ескерту");
}

static void
add_amendment_note (Reader     *r,
                    KspNode    *parent,
                    const char *t)
{
  static gsize act_once; GRegex *act = _ksp_reader_cached_regex (&act_once, "(ҚР .*?(\\d{2}\\.\\d{2}\\.\\d{4}) № (\\d+).*?бұйрығымен)", 0);
  static gsize target_once; GRegex *target = _ksp_reader_cached_regex (&target_once, "^\\**(?:Ескерту|Сноска)\\.\\s*(\\d+)-тармақ", 0);
  g_autoptr (GMatchInfo) m = NULL;
  KspNode *note = add (r, parent, "note", NULL);

  ksp_node_set_value (note, "note_kind", KSP_LANG_NONE, strstr (t, "күші жойылды") ? "repeal" : "amendment");
  append (r, note, "text", t);
  if (g_regex_match (act, t, 0, &m))
    {
      g_autofree char *a = g_match_info_fetch (m, 1), *d = g_match_info_fetch (m, 2);
      g_autofree char *iso = _ksp_reader_parse_date (d);
      append (r, note, "amending_act", a);
      if (iso)
        ksp_node_set_value (note, "effective_from", KSP_LANG_NONE, iso);
    }
  g_clear_pointer (&m, g_match_info_free);
  if (g_regex_match (target, t, 0, &m))
    {
      g_autofree char *n = g_match_info_fetch (m, 1);
      ksp_node_set_value (note, "target", KSP_LANG_NONE, n);
    }
}

static gboolean
is_izpi_note (const char *t)
{
  return prefix_len (t, "Примечание ИЗПИ") > 0 || prefix_len (t, "ҚРЗАИ-ның ескертпесі") > 0;
}

static void
start_note (Reader  *r,
            KspNode *parent)
{
  KspNode *note = add (r, parent, "note", NULL);

  ksp_node_set_value (note, "note_kind", KSP_LANG_NONE, "izpi");
  if (r->mode != MODE_NOTE)
    {
      r->saved_mode = r->mode;
      r->saved_target = r->target;
      r->saved_field = r->field;
    }
  r->mode = MODE_NOTE;
  r->target = note;
  r->field = "text";
}

/* The note's text: its target point, the amending act and the date it takes effect. */
static void
finish_note (Reader     *r,
             const char *t)
{
  KspNode *note = r->target;
  static gsize target_once; GRegex *target = _ksp_reader_cached_regex (&target_once, "^(?:Подпункт|Пункт|Подпункты|Пункты)\\s+(\\S+?)\\s", 0);
  static gsize act_once; GRegex *act = _ksp_reader_cached_regex (&act_once, "в редакции (приказа .*?№\\s*\\d+)", 0);
  g_autoptr (GMatchInfo) m = NULL;
  g_autofree char *date = NULL;
  const char *effective = strstr (t, "в действие с");

  append (r, note, "text", t);
  if (g_regex_match (target, t, 0, &m))
    {
      g_autofree char *n = g_match_info_fetch (m, 1);
      ksp_node_set_value (note, "target", KSP_LANG_NONE, n);
      ksp_node_set_value (note, "note_kind", KSP_LANG_NONE, "future_wording");
    }
  g_clear_pointer (&m, g_match_info_free);
  if (g_regex_match (act, t, 0, &m))
    {
      g_autofree char *a = g_match_info_fetch (m, 1);
      append (r, note, "amending_act", a);
    }
  if (effective && (date = _ksp_reader_parse_date (effective)))
    ksp_node_set_value (note, "effective_from", KSP_LANG_NONE, date);
  else if (effective)
    {
      /* «Вводится в действие с 1 января 2025.» (no «года») */
      g_autofree char *with_year = g_strconcat (effective, " года", NULL);
      static gsize y_once; GRegex *y = _ksp_reader_cached_regex (&y_once, "(\\d{1,2}) (\\w+) (\\d{4})", 0);
      g_autoptr (GMatchInfo) ym = NULL;
      if (g_regex_match (y, effective, 0, &ym))
        {
          g_autofree char *iso = _ksp_reader_parse_date (with_year);
          if (iso)
            ksp_node_set_value (note, "effective_from", KSP_LANG_NONE, iso);
        }
    }
  if (ksp_node_get_value (note, "target", KSP_LANG_NONE) == NULL && effective)
    ksp_node_set_value (note, "note_kind", KSP_LANG_NONE, "effective_date");
  r->mode = r->saved_mode;
  r->target = r->saved_target;
  r->field = r->saved_field;
}

static gboolean
match_number_prefix (const char  *t,
                     char         close,
                     char       **number,
                     const char **rest)
{
  const char *p = t;

  while (g_ascii_isdigit (*p))
    p++;
  if (p == t || p - t > 3 || *p != close)
    return FALSE;
  *number = g_strndup (t, p + 1 - t);
  *rest = _ksp_reader_skip_space (p + 1);
  return TRUE;
}

/* Everything before the standard's title. Returns FALSE when @t starts the standard. */
static gboolean
read_order (Reader     *r,
            const char *t)
{
  g_autofree char *number = NULL;
  const char *rest;

  if (is_standard_title (t) && (r->order == NULL || r->seen_preamble))
    return FALSE;
  if (prefix_len (t, "Глава 1") || prefix_len (t, "1-тарау") || prefix_len (t, "1. Жалпы ережелер"))
    return FALSE;

  if (r->mode == MODE_NOTE)
    {
      finish_note (r, t);
      return TRUE;
    }
  if (r->order == NULL && (prefix_len (t, "Об утверждении") || g_str_has_suffix (t, "бекіту туралы")))
    {
      r->order = add (r, r->doc, "order", NULL);
      append (r, r->order, "title", t);
      return TRUE;
    }
  if (r->order == NULL)
    r->order = add (r, r->doc, "order", NULL);

  if (is_izpi_note (t))
    {
      structure (r, t, NULL);
      start_note (r, r->order);
      return TRUE;
    }
  if (is_amendment_note (t))
    {
      add_amendment_note (r, r->order, t);
      return TRUE;
    }
  if (!r->seen_preamble && ksp_node_get_value (r->order, "act", r->lang) == NULL &&
      (prefix_len (t, "Приказ ") || strstr (t, "бұйрығы")) && strstr (t, "№"))
    {
      g_autofree char *date = _ksp_reader_parse_date (t);
      const char *no = strstr (t, "№");
      append (r, r->order, "act", t);
      if (date)
        ksp_node_set_value (r->order, "act_date", KSP_LANG_NONE, date);
      if (no)
        {
          g_autofree char *n = g_strstrip (g_strdup (no + strlen ("№")));
          gsize len = strspn (n, "0123456789-/");
          n[len] = '\0';
          if (*n)
            ksp_node_set_value (r->order, "act_number", KSP_LANG_NONE, n);
        }
      return TRUE;
    }
  if (!r->seen_preamble)
    {
      append (r, r->order, "preamble", t);
      if (strstr (t, "ПРИКАЗЫВАЮ") || strstr (t, "БҰЙЫРАМЫН") || strstr (t, "Б Ұ Й Ы Р А М Ы Н"))
        r->seen_preamble = TRUE;
      return TRUE;
    }
  if (r->mode == MODE_APPENDIX)
    {
      append (r, r->order, "appendix_header", t);
      return TRUE;
    }
  if (match_number_prefix (t, '.', &number, &rest))
    {
      r->order_item = add (r, r->order, "order_item", number);
      append (r, r->order_item, "text", rest);
      return TRUE;
    }
  if (r->order_item && match_number_prefix (t, ')', &number, &rest))
    {
      append (r, add (r, r->order_item, "subitem", number), "text", rest);
      return TRUE;
    }
  if (prefix_len (t, "Приложение") || g_str_has_suffix (t, "қосымша") || strstr (t, "бекітілді"))
    {
      r->mode = MODE_APPENDIX;
      append (r, r->order, "appendix_header", t);
      return TRUE;
    }
  if (r->order_item && ksp_node_get_value (r->order, "signature_position", r->lang) == NULL)
    {
      append (r, r->order, "signature_position", t);
      return TRUE;
    }
  if (r->order_item && ksp_node_get_value (r->order, "signature_name", r->lang) == NULL)
    {
      append (r, r->order, "signature_name", t);
      return TRUE;
    }
  if (r->order_item)
    {
      /* A continuation of the last item (a paragraph of it). */
      append (r, r->order_item, "text", t);
      return TRUE;
    }
  not_placed (r, t, "text of the order that is neither title, preamble, item nor signature");
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------- */
/* the standard: chapters 1, 2 and 4                                                               */

typedef enum {
  PARA_SCOPE, PARA_TERMS, PARA_ABBREVIATIONS, PARA_NAME, PARA_CODE, PARA_OKED, PARA_DESCRIPTION,
  PARA_CARD_LIST, PARA_STATE_BODY, PARA_DEVELOPERS, PARA_SECTOR_COUNCIL, PARA_NATIONAL_BODY, PARA_ATAMEKEN,
  PARA_VERSION, PARA_REVIEW, PARA_PURPOSE, PARA_GROUP, PARA_SUBGROUP,
} Para;

static const struct { const char *label; Para para; } paragraphs[] = {
  { "Область применения профессионального стандарта", PARA_SCOPE },
  { "В настоящем профессиональном стандарте применяются следующие термины", PARA_TERMS },
  { "В настоящем профессиональном стандарте применяются следующие сокращения", PARA_ABBREVIATIONS },
  { "Название профессионального стандарта", PARA_NAME },
  { "Код профессионального стандарта", PARA_CODE },
  { "Указание секции", PARA_OKED },
  { "Краткое описание профессионального стандарта", PARA_DESCRIPTION },
  { "Перечень карточек профессий", PARA_CARD_LIST },
  { "Наименование государственного органа", PARA_STATE_BODY },
  { "Организации (предприятия)", PARA_DEVELOPERS },
  { "Отраслевой совет", PARA_SECTOR_COUNCIL },
  { "Национальный орган", PARA_NATIONAL_BODY },
  { "Национальная палата", PARA_ATAMEKEN },
  { "Номер версии", PARA_VERSION },
  { "Дата ориентировочного пересмотра", PARA_REVIEW },
  /* Kazakh wording of the same paragraphs. */
  { "Кәсіптік стандарттың қолданылу саласы", PARA_SCOPE },
  { "Осы кәсіптік стандартта мынадай терминдер", PARA_TERMS },
  { "Осы кәсіптік стандартта мынадай қысқартулар", PARA_ABBREVIATIONS },
  { "Кәсіптік стандарттың атауы", PARA_NAME },
  { "Кәсіптік стандарттың коды", PARA_CODE },
  { "Кәсіптік стандарттың қысқаша сипаттамасы", PARA_DESCRIPTION },
  { "Кәсіп карточкаларының тізбесі", PARA_CARD_LIST },
  { "Кәсіптік стандартты әзірлеу мақсаты", PARA_PURPOSE },
  { "Кәсіби топ бөлігі", PARA_SUBGROUP },
  { "Кәсіби топ", PARA_GROUP },
  { "Кәсіптердің тізбесі", PARA_CARD_LIST },
};

static KspNode *
ensure_technical (Reader *r)
{
  if (r->technical == NULL)
    r->technical = add (r, ensure_standard (r), "technical", NULL);
  return r->technical;
}

static void
set_approval (Reader     *r,
              const char *field,
              const char *date_field,
              const char *rest)
{
  g_autofree char *iso = _ksp_reader_parse_date (rest);

  set_mode_value (r, ensure_technical (r), field, rest);
  if (iso)
    ksp_node_set_value (r->technical, date_field, KSP_LANG_NONE, iso);
}

static gboolean
read_paragraph (Reader     *r,
                const char *t)
{
  g_autofree char *number = NULL;
  const char *rest;

  if (!match_number_prefix (t, '.', &number, &rest))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    {
      const char *value = NULL;
      const char *colon;

      if (!prefix_len (rest, paragraphs[i].label))
        continue;
      colon = strchr (rest, ':');
      value = colon ? _ksp_reader_skip_space (colon + 1) : "";
      structure (r, t, colon ? value : NULL);
      r->card = r->fn = r->skill = NULL;
      switch (paragraphs[i].para)
        {
        case PARA_SCOPE: set_mode_value (r, ensure_standard (r), "scope", value); break;
        case PARA_TERMS: r->mode = MODE_TERMS; break;
        case PARA_ABBREVIATIONS: r->mode = MODE_ABBREVIATIONS; break;
        case PARA_NAME: set_mode_value (r, ensure_standard (r), "name", value); break;
        case PARA_CODE: set_mode_value (r, ensure_standard (r), "code", value); break;
        case PARA_OKED: r->mode = MODE_OKED; r->last = NULL; break;
        case PARA_DESCRIPTION: set_mode_value (r, ensure_standard (r), "description", value); break;
        case PARA_CARD_LIST: r->mode = MODE_CARD_LIST; break;
        case PARA_STATE_BODY: r->in_technical = TRUE; set_mode_value (r, ensure_technical (r), "state_body", value); break;
        case PARA_DEVELOPERS: r->in_technical = TRUE; set_mode_value (r, ensure_technical (r), "developers", value); break;
        case PARA_SECTOR_COUNCIL: set_approval (r, "sector_council", "sector_council_date", value); break;
        case PARA_NATIONAL_BODY: set_approval (r, "national_body", "national_body_date", value); break;
        case PARA_ATAMEKEN: set_approval (r, "atameken", "atameken_date", value); break;
        case PARA_VERSION: set_mode_value (r, ensure_technical (r), "version", value); break;
        case PARA_REVIEW: set_mode_value (r, ensure_technical (r), "review_date", value); break;
        case PARA_PURPOSE: set_mode_value (r, ensure_standard (r), "purpose", value); break;
        case PARA_GROUP: set_mode_value (r, ensure_standard (r), "professional_group", value); break;
        case PARA_SUBGROUP: set_mode_value (r, ensure_standard (r), "professional_subgroup", value); break;
        default: g_assert_not_reached ();
        }
      if (colon == NULL && paragraphs[i].para != PARA_OKED)
        ksp_import_report_add (r->report, r->seg->line, "label-no-colon", "line %u: paragraph %s has no colon after «%s»",
                               r->seg->line, number, paragraphs[i].label);
      return TRUE;
    }
  if (g_str_equal (number, "1.") && r->card == NULL && r->standard &&
      ksp_node_get_value (r->standard, "scope", r->lang) == NULL && ksp_node_get_n_children (r->standard) == 0)
    {
      /* The 2019 text states the scope without the label. */
      set_mode_value (r, r->standard, "scope", t);
      return TRUE;
    }
  return FALSE;
}

/* «1) термин – определение;» */
static void
read_pair (Reader     *r,
           const char *t,
           const char *kind,
           const char *first,
           const char *second)
{
  g_autofree char *number = NULL;
  const char *rest;
  const char *sep, *dash = NULL;
  gsize dash_len = 0;

  if (!match_number_prefix (t, ')', &number, &rest))
    {
      if (r->last && g_str_equal (ksp_node_get_kind (r->last), kind))
        append (r, r->last, second, t);
      else
        not_placed (r, t, "expected a numbered item «N) … – …»");
      return;
    }
  r->last = add (r, ensure_standard (r), kind, number);
  /* The dash and its length: an en dash is three bytes, a hyphen one (skipping three after a hyphen
   * cut the next letter in half — a fuzzer finding). */
  if ((sep = strstr (rest, " – ")) != NULL)
    dash = sep + 1, dash_len = strlen ("–");
  else if ((sep = strstr (rest, "– ")) != NULL)
    dash = sep, dash_len = strlen ("–");
  else if ((sep = strstr (rest, " - ")) != NULL)
    dash = sep + 1, dash_len = 1;
  if (sep == NULL)
    {
      append (r, r->last, first, rest);
      ksp_import_report_add (r->report, r->seg->line, "no-separator",
                             "line %u: item %s has no dash between %s and %s; kept whole as the %s", r->seg->line,
                             number, first, second, first);
      return;
    }
  {
    g_autofree char *a = g_strstrip (g_strndup (rest, sep - rest));
    const char *b = _ksp_reader_skip_space (dash + dash_len);
    append (r, r->last, first, a);
    append (r, r->last, second, b);
  }
}

/* «Q Здравоохранение …», «87.3. Предоставление …» */
static void
read_oked (Reader     *r,
           const char *t)
{
  const char *p = t;
  const char *code_field, *name_field;
  g_autofree char *code = NULL;
  guint dots = 0;

  if (g_ascii_isupper (p[0]) && (p[1] == ' ' || p[1] == '\0'))
    {
      r->last = add (r, ensure_standard (r), "oked", NULL);
      ksp_node_set_value (r->last, "section_code", KSP_LANG_NONE, (char[]) { p[0], 0 });
      append (r, r->last, "section_name", _ksp_reader_skip_space (p + 1));
      return;
    }
  while (g_ascii_isdigit (*p) || *p == '.')
    {
      dots += *p == '.';
      p++;
    }
  if (p == t || (*p != ' ' && *p != '\0'))
    {
      not_placed (r, t, "expected an OKED code and name");
      return;
    }
  code = g_strndup (t, p - t);
  if (g_str_has_suffix (code, "."))
    dots--;
  if (dots == 0)
    code_field = "division_code", name_field = "division_name";
  else if (dots == 1)
    {
      /* "87.9" is a group, "87.90" a class. */
      gsize len = strlen (code) - (g_str_has_suffix (code, ".") ? 1 : 0);
      gboolean two = len >= 5;
      code_field = two ? "class_code" : "group_code";
      name_field = two ? "class_name" : "group_name";
    }
  else
    code_field = "subclass_code", name_field = "subclass_name";
  if (r->last == NULL || ksp_node_get_value (r->last, code_field, KSP_LANG_NONE) != NULL)
    {
      r->last = add (r, ensure_standard (r), "oked", NULL);
      ksp_import_report_add (r->report, r->seg->line, "oked-chain",
                             "line %u: OKED code %s starts a chain without its section", r->seg->line, code);
    }
  ksp_node_set_value (r->last, code_field, KSP_LANG_NONE, code);
  append (r, r->last, name_field, _ksp_reader_skip_space (p));
}

/* «- 2) Инструктор … - 4 уровень ОРК», «1) Индивидуальный помощник – 1-2 уровень ОРК;» */
static void
read_card_list_entry (Reader     *r,
                      const char *t)
{
  static gsize re_once; GRegex *re = _ksp_reader_cached_regex (&re_once, "^(?:-\\s*)?(\\d+\\))\\s*(.*?)\\s*[–—-]\\s*(\\d(?:\\s*-\\s*\\d)?)\\s*(?:уровень ОРК|уровня ОРК|деңгей)\\S*\\s*[;.]?$", 0);
  static gsize kk_once; GRegex *kk = _ksp_reader_cached_regex (&kk_once, "^(\\d+\\))\\s*(.*?)\\s*[–—-]\\s*СБШ бойынша\\s*(?:біліктіліктің\\s*)?(\\d(?:-\\d)?)"
                                       "(?:-деңгейі|\\s+біліктілік деңгей\\S*)\\s*[;.]?$", 0);
  g_autoptr (GMatchInfo) m = NULL;

  if (!g_regex_match (re, t, 0, &m))
    {
      g_clear_pointer (&m, g_match_info_free);
      g_regex_match (kk, t, 0, &m);
    }
  if (g_match_info_matches (m))
    {
      g_autofree char *no = g_match_info_fetch (m, 1), *name = g_match_info_fetch (m, 2), *level = g_match_info_fetch (m, 3);
      int s_name, e_name;
      g_match_info_fetch_pos (m, 2, &s_name, &e_name);
      structure (r, t + e_name, NULL);
      r->last = add (r, ensure_standard (r), "card_list_entry", no);
      append (r, r->last, "name", name);
      ksp_node_set_value (r->last, "ork_level", KSP_LANG_NONE, level);
      return;
    }
  {
    g_autofree char *no = NULL;
    const char *rest;
    const char *s = t[0] == '-' ? _ksp_reader_skip_space (t + 1) : t;
    if (match_number_prefix (s, ')', &no, &rest))
      {
        r->last = add (r, ensure_standard (r), "card_list_entry", no);
        append (r, r->last, "name", rest);
        ksp_import_report_add (r->report, r->seg->line, "card-list-level",
                               "line %u: card list entry %s has no «N уровень ОРК»", r->seg->line, no);
        return;
      }
  }
  if (r->last && g_str_equal (ksp_node_get_kind (r->last), "card_list_entry"))
    append (r, r->last, "name", t);
  else
    not_placed (r, t, "expected an entry of the card list «N) name – level»");
}

/* ---------------------------------------------------------------------------------------------- */
/* cards                                                                                           */

static char *
strip_title (const char *t)
{
  g_autofree char *s = g_strstrip (g_strdup (t));
  gsize len = strlen (s);

  if (len && s[len - 1] == ':')
    s[--len] = '\0';
  g_strstrip (s);
  if (g_str_has_prefix (s, "«") && g_str_has_suffix (s, "»"))
    return g_strndup (s + strlen ("«"), strlen (s) - 2 * strlen ("«"));
  if (s[0] == '"' && strlen (s) > 1 && s[strlen (s) - 1] == '"')
    return g_strndup (s + 1, strlen (s) - 2);
  return g_steal_pointer (&s);
}

static gboolean
is_kk_chapter (const char *t)
{
  const char *p = t;
  while (g_ascii_isdigit (*p))
    p++;
  return p > t && g_str_has_prefix (p, "-тарау");
}

/* «Кәсіп карточкасы | "…"» */
static gboolean
read_kk_card_heading (Reader     *r,
                      const char *t)
{
  const char *rest;

  if (!_ksp_reader_match_label (t, "Кәсіп карточкасы", FALSE, &rest, NULL))
    return FALSE;
  structure (r, t, rest);
  r->card = add (r, ensure_standard (r), "card", NULL);
  r->fn = r->skill = r->education = NULL;
  set_mode_value (r, r->card, "title", rest);
  return TRUE;
}

static gboolean
read_card_heading (Reader     *r,
                   const char *t)
{
  g_autofree char *number = NULL;
  const char *rest, *after;
  gboolean colon;

  if (!match_number_prefix (t, '.', &number, &rest))
    return FALSE;
  if (!_ksp_reader_match_label (rest, "Карточка профессии", TRUE, &after, &colon) &&
      !prefix_len (rest, "Карточка профессии"))
    return FALSE;
  r->card = add (r, ensure_standard (r), "card", number);
  r->fn = r->skill = r->education = NULL;
  r->card_closed = FALSE;
  r->mode = MODE_NONE;
  structure (r, rest, rest + prefix_len (rest, "Карточка профессии"));
  {
    g_autofree char *title = strip_title (rest + prefix_len (rest, "Карточка профессии"));
    append (r, r->card, "title", title);
  }
  return TRUE;
}

static KspNode *
ensure_function (Reader *r)
{
  if (r->fn == NULL)
    {
      r->fn = add (r, r->card, "function", NULL);
      g_hash_table_add (r->headed, r->fn);
      ksp_import_report_add (r->report, r->seg->line, "no-function",
                             "line %u: a skill before any «Трудовая функция» heading; put under an unnamed function",
                             r->seg->line);
    }
  return r->fn;
}

static KspNode *
ensure_skill (Reader *r)
{
  if (r->skill == NULL)
    {
      r->skill = add (r, ensure_function (r), "skill", NULL);
      ksp_import_report_add (r->report, r->seg->line, "no-skill",
                             "line %u: abilities or knowledge before any «Навык» heading; put under an unnamed skill",
                             r->seg->line);
    }
  return r->skill;
}

static void
add_listed_functions (Reader     *r,
                      const char *text)
{
  g_autoptr (GPtrArray) items = _ksp_reader_split_items (text);

  for (guint i = 0; i < items->len; i++)
    {
      KspReaderItem *it = g_ptr_array_index (items, i);
      if (it->number == NULL && r->last && g_str_equal (ksp_node_get_kind (r->last), "function"))
        {
          append (r, r->last, "list_name", it->text);
          continue;
        }
      r->last = add (r, r->card, "function", NULL);
      if (it->number)
        {
          g_autofree char *n = g_strndup (it->number, strlen (it->number) - 1);
          ksp_node_set_number (r->last, n);
        }
      if (r->tf_kind)
        ksp_node_set_value (r->last, "function_kind", KSP_LANG_NONE, r->tf_kind);
      append (r, r->last, "list_name", it->text);
    }
}

static gboolean
has_listed_functions (KspNode *card)
{
  guint n = ksp_node_get_n_children (card);
  for (guint i = 0; i < n; i++)
    {
      KspNode *c = ksp_node_get_child (card, i);
      if (g_str_equal (ksp_node_get_kind (c), "function") && ksp_node_get_value (c, "list_name", KSP_LANG_KK))
        return TRUE;
    }
  return FALSE;
}

static void
start_function (Reader     *r,
                const char *number,
                const char *name)
{
  guint n = ksp_node_get_n_children (r->card);

  r->fn = NULL;
  for (guint i = 0; i < n; i++)
    {
      KspNode *c = ksp_node_get_child (r->card, i);
      if (g_str_equal (ksp_node_get_kind (c), "function") && !g_hash_table_contains (r->headed, c) &&
          number != NULL && g_strcmp0 (ksp_node_get_number (c), number) == 0)
        {
          r->fn = c;
          ksp_node_set_src_line (c, r->seg->line);
          break;
        }
    }
  if (r->fn == NULL)
    {
      r->fn = add (r, r->card, "function", number);
      if (r->kk2019 ? number != NULL && ksp_node_get_n_children (r->card) > 0 && has_listed_functions (r->card) : TRUE)
        ksp_import_report_add (r->report, r->seg->line, "function-not-listed",
                               "line %u: labour function %s is not in the card's list of labour functions (or repeats)",
                               r->seg->line, number ? number : "without a number");
    }
  g_hash_table_add (r->headed, r->fn);
  r->skill = NULL;
  set_mode_value (r, r->fn, "name", name);
}

static void
add_items (Reader     *r,
           const char *text)
{
  g_autoptr (GPtrArray) items = _ksp_reader_split_items (text);

  for (guint i = 0; i < items->len; i++)
    {
      KspReaderItem *it = g_ptr_array_index (items, i);
      if (it->number == NULL && r->last && g_str_equal (ksp_node_get_kind (r->last), r->item_kind) &&
          ksp_node_get_parent (r->last) == r->skill)
        {
          /* A line that continues the last item. */
          g_autofree char *joined = g_strconcat (ksp_node_get_value (r->last, "text", r->lang), " ", it->text, NULL);
          ksp_node_set_value (r->last, "text", r->lang, joined);
          continue;
        }
      r->last = add (r, ensure_skill (r), r->item_kind, it->number);
      append (r, r->last, "text", it->text);
    }
}

static const char *
category_of (const char *t)
{
  g_autofree char *head = g_utf8_strdown (t, MIN (strlen (t), 160));
  const char *colon = strchr (head, ':');
  gsize span = colon ? (gsize) (colon - head) : strlen (head);
  g_autofree char *scope = g_strndup (head, span);

  if (strstr (scope, "без категории"))
    return "без категории";
  if (strstr (scope, "высш"))
    return "высшая";
  if (strstr (scope, "перв"))
    return "первая";
  if (strstr (scope, "втор"))
    return "вторая";
  return NULL;
}

/* «2643-3-006 - переводчик-дактилолог; 2643-9-007 сурдопереводчик» */
static void
read_other_names (Reader     *r,
                  const char *t)
{
  static gsize re_once; GRegex *re = _ksp_reader_cached_regex (&re_once, "\\d{4}-\\d-\\d{3}", 0);
  g_autoptr (GMatchInfo) m = NULL;
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (int));

  g_regex_match (re, t, 0, &m);
  while (g_match_info_matches (m))
    {
      int s, e;
      g_match_info_fetch_pos (m, 0, &s, &e);
      g_array_append_val (starts, s);
      g_match_info_next (m, NULL);
    }
  if (starts->len == 0)
    {
      r->last = add (r, r->card, "other_name", NULL);
      append (r, r->last, "name", t);
    }
  else
    {
      if (g_array_index (starts, int, 0) > 0)
        {
          g_autofree char *before = g_strstrip (g_strndup (t, g_array_index (starts, int, 0)));
          if (*before)
            {
              r->last = add (r, r->card, "other_name", NULL);
              append (r, r->last, "name", before);
            }
        }
      for (guint i = 0; i < starts->len; i++)
        {
          int s = g_array_index (starts, int, i);
          int e = i + 1 < starts->len ? g_array_index (starts, int, i + 1) : (int) strlen (t);
          g_autofree char *code = g_strndup (t + s, 10);
          const char *name = _ksp_reader_skip_space (t + s + 10);
          g_autofree char *rest = NULL;
          if (g_str_has_prefix (name, "-") || g_str_has_prefix (name, "–"))
            name = _ksp_reader_skip_space (name + (name[0] == '-' ? 1 : strlen ("–")));
          rest = g_strstrip (g_strndup (name, MAX (0, t + e - name)));
          r->last = add (r, r->card, "other_name", NULL);
          ksp_node_set_value (r->last, "code", KSP_LANG_NONE, code);
          append (r, r->last, "name", rest);
        }
    }
  g_array_unref (starts);
}

static gboolean
is_level (const char *t)
{
  static gsize re_once; GRegex *re = _ksp_reader_cached_regex (&re_once, "^\\d(\\s*[-–]\\s*\\d)?\\s*$", 0);
  return g_regex_match (re, t, 0, NULL);
}

static void
read_ork_link (Reader     *r,
               const char *t)
{
  const char *rest;

  if (_ksp_reader_match_label (t, "Уровень ОРК", FALSE, &rest, NULL))
    {
      structure (r, t, rest);
      if (*rest)
        {
          r->last = add (r, r->card, "ork_link", NULL);
          ksp_node_set_value (r->last, "level", KSP_LANG_NONE, rest);
        }
      return;
    }
  if (_ksp_reader_match_label (t, "Наименование профессии", FALSE, &rest, NULL))
    {
      structure (r, t, rest);
      if (*rest)
        {
          if (r->last == NULL || !g_str_equal (ksp_node_get_kind (r->last), "ork_link") ||
              ksp_node_get_value (r->last, "name", r->lang) != NULL)
            r->last = add (r, r->card, "ork_link", NULL);
          append (r, r->last, "name", rest);
        }
      return;
    }
  if (is_level (t))
    {
      r->last = add (r, r->card, "ork_link", NULL);
      ksp_node_set_value (r->last, "level", KSP_LANG_NONE, t);
      return;
    }
  if (r->last == NULL || !g_str_equal (ksp_node_get_kind (r->last), "ork_link") ||
      ksp_node_get_value (r->last, "name", r->lang) != NULL)
    r->last = add (r, r->card, "ork_link", NULL);
  append (r, r->last, "name", t);
}

typedef enum {
  L_FIELD, L_PROFESSION_NAME, L_EDUCATION, L_EDU_LEVEL, L_EDU_SPECIALTY, L_EDU_QUALIFICATION, L_EXPERIENCE,
  L_OTHER_NAMES, L_STRUCTURE, L_TF_LIST, L_TF_MANDATORY, L_TF_ADDITIONAL, L_ABILITIES, L_KNOWLEDGE,
  L_RECOGNITION, L_COMPETENCIES, L_TECH_REGS, L_ORK_LINKS, L_ORK_LEVEL, L_ETKS_LINK,
} LabelKind;

static const struct { const char *text; LabelKind kind; const char *field; gboolean open; } card_labels[] = {
  { "Код группы", L_FIELD, "group_code", FALSE },
  { "Код наименования занятия", L_FIELD, "occupation_code", FALSE },
  { "Наименование профессии", L_PROFESSION_NAME, "profession_name", FALSE },
  { "Уровень квалификации по ОРК", L_FIELD, "ork_level", FALSE },
  { "Подуровень квалификации по ОРК", L_FIELD, "ork_sublevel", FALSE },
  { "Уровень квалификации по ЕТКС", L_FIELD, "etks", TRUE },
  { "Уровень профессионального образования", L_EDUCATION, NULL, FALSE },
  { "Уровень образования", L_EDU_LEVEL, NULL, FALSE },
  { "Специальность", L_EDU_SPECIALTY, NULL, FALSE },
  { "Квалификация", L_EDU_QUALIFICATION, NULL, FALSE },
  { "Требования к опыту работы", L_EXPERIENCE, NULL, FALSE },
  { "Связь с неформальным и информальным образованием", L_FIELD, "nonformal", FALSE },
  { "Другие возможные наименования профессии", L_OTHER_NAMES, NULL, FALSE },
  { "Основная цель деятельности", L_FIELD, "purpose", FALSE },
  { "Описание трудовых функций", L_STRUCTURE, NULL, FALSE },
  { "Перечень трудовых функций", L_TF_LIST, NULL, FALSE },
  { "Обязательные трудовые функции", L_TF_MANDATORY, NULL, FALSE },
  { "Дополнительные трудовые функции", L_TF_ADDITIONAL, NULL, FALSE },
  { "Умения", L_ABILITIES, NULL, FALSE },
  { "Знания", L_KNOWLEDGE, NULL, FALSE },
  { "Возможность признания навыка", L_RECOGNITION, NULL, FALSE },
  { "Требования к личностным компетенциям", L_COMPETENCIES, NULL, FALSE },
  { "Список технических регламентов и национальных стандартов", L_TECH_REGS, NULL, FALSE },
  { "Связь с другими профессиями в рамках ОРК", L_ORK_LINKS, NULL, FALSE },
  { "Уровень ОРК", L_ORK_LEVEL, NULL, FALSE },
};

/* The 2019/2023 Kazakh layout (seed 002): «label | value» rows; variants as in standard-kk-editions.md §2b. */
static const struct { const char *text; LabelKind kind; const char *field; gboolean open; } card_labels_kk[] = {
  { "Кәсіп коды", L_FIELD, "occupation_code", FALSE },
  { "Кәсіптің коды", L_FIELD, "occupation_code", FALSE },
  { "Кәсіп атауы", L_PROFESSION_NAME, "profession_name", FALSE },
  { "Кәсіптің атауы", L_PROFESSION_NAME, "profession_name", FALSE },
  { "СБШ бойынша біліктілік деңгейі", L_FIELD, "ork_level", FALSE },
  { "Кәсіптің басқа да ықтимал атаулары", L_OTHER_NAMES, NULL, FALSE },
  { "Кәсіптік білім деңгейі", L_EDU_LEVEL, NULL, FALSE },
  { "Кәсіптік білімнің деңгейі", L_EDU_LEVEL, NULL, FALSE },
  { "Кәсіби білімнің деңгейі", L_EDU_LEVEL, NULL, FALSE },
  { "КА сәйкес", L_EDU_LEVEL, NULL, TRUE },
  { "Еңбек функциясы", L_TF_LIST, NULL, FALSE },
  { "Еңбек функциялары", L_TF_LIST, NULL, FALSE },
  { "Міндетті еңбек функциялары", L_TF_MANDATORY, NULL, FALSE },
  { "Қосымша еңбек функциясы", L_TF_ADDITIONAL, NULL, FALSE },
  { "Қосымша еңбек функциялары", L_TF_ADDITIONAL, NULL, FALSE },
  { "Икемділіктер мен дағдылар", L_ABILITIES, NULL, FALSE },
  { "Икемділіктер", L_ABILITIES, NULL, FALSE },
  { "Білуге тиіс", L_KNOWLEDGE, NULL, FALSE },
  { "Жеке құзыреттерге қойылатын талаптар", L_COMPETENCIES, NULL, FALSE },
  { "Жеке құзыреттеріне қойылатын талаптар", L_COMPETENCIES, NULL, FALSE },
  { "Жеке бас құзыреттеріне қойылатын талаптары", L_COMPETENCIES, NULL, FALSE },
  { "Жеке бас құзыреттеріне қойылатын талаптар", L_COMPETENCIES, NULL, FALSE },
  { "СБШ шеңберінде басқа", L_ORK_LINKS, NULL, TRUE },
  { "БА-мен байланысы", L_ETKS_LINK, NULL, FALSE },
  { "БА-мен байланыс", L_ETKS_LINK, NULL, FALSE },
  { "Еңбек жағдайлары (мазмұны және сапасы)", L_FIELD, "working_conditions", FALSE },
};

/* «Халықты әлеуметтік қорғау … сипаттамаларына сәйкес кәсіптер үшін біліктілік деңгейі», «БА сәйкес кәсіптің
 * біліктілік деңгейі», «БА, халықты …»: the handbook level, a label too long for the table. */
static gboolean
is_kk_etks_label (const char *t)
{
  return (strstr (t, "сипаттамаларына сәйкес") || g_str_has_prefix (t, "БА сәйкес") || g_str_has_prefix (t, "БА, халықты")) &&
         (g_str_has_suffix (t, "деңгейі") || g_str_has_suffix (t, "деңгейі:") || g_str_has_suffix (t, "деңгей"));
}

static void
set_card_field (Reader     *r,
                KspNode    *node,
                const char *field,
                const char *label,
                const char *rest)
{
  KspLang l = lang_for (node, field, r->lang);
  const char *old = ksp_node_get_value (node, field, l);

  if (old != NULL && *old != '\0')
    {
      g_autofree char *text = g_strconcat (label, ": ", rest, NULL);
      r->mode = MODE_NONE;
      not_placed (r, text, "the label repeats in this card");
      return;
    }
  set_mode_value (r, node, field, rest);
}

/* «1-еңбек функциясы:…», «2-еңбек қызметі:…», «еңбек функциясы:…»; tasks «Міндет:», «Міндеті:», «Тапсырма:»,
 * «1-міндет:», which play the part of the 2024 skills. */
static gboolean
read_kk_function_or_task (Reader     *r,
                          const char *t)
{
  static gsize fn_once; GRegex *fn = _ksp_reader_cached_regex (&fn_once, "^(?:(\\d+)\\s*-\\s*)?еңбек (?:функциясы|қызметі)\\s*:\\s*(.*)$", G_REGEX_CASELESS);
  static gsize task_once; GRegex *task = _ksp_reader_cached_regex (&task_once, "^(?:(\\d+)\\s*-\\s*міндет|Міндеті?|Тапсырма)\\s*:\\s*(.*)$", 0);
  g_autoptr (GMatchInfo) m = NULL;

  if (g_regex_match (fn, t, 0, &m))
    {
      g_autofree char *number = g_match_info_fetch (m, 1), *name = g_match_info_fetch (m, 2);
      /* «Еңбек функциясы:» alone heads the list of functions; with a name after it, it heads one. */
      if (*number == '\0' && *name == '\0')
        return FALSE;
      {
        int s_name, e_name;
        g_match_info_fetch_pos (m, 2, &s_name, &e_name);
        structure (r, t, t + s_name);
      }
      if (strstr (t, "еңбек қызметі"))
        ksp_import_report_add (r->report, r->seg->line, "label-variant",
                               "line %u: «%s-еңбек қызметі» written for «%s-еңбек функциясы»", r->seg->line, number,
                               number);
      start_function (r, *number ? number : NULL, name);
      return TRUE;
    }
  g_clear_pointer (&m, g_match_info_free);
  if (g_regex_match (task, t, 0, &m))
    {
      g_autofree char *number = g_match_info_fetch (m, 1), *name = g_match_info_fetch (m, 2);
      int s_name, e_name;
      g_match_info_fetch_pos (m, 2, &s_name, &e_name);
      structure (r, t, t + s_name);
      r->skill = add (r, ensure_function (r), "skill", *number ? number : NULL);
      r->last = NULL;
      set_mode_value (r, r->skill, "name", name);
      return TRUE;
    }
  return FALSE;
}

static gboolean
read_card_label (Reader     *r,
                 const char *t)
{
  g_autofree char *number = NULL;
  const char *rest = NULL;
  gboolean colon = TRUE;

  if (match_numbered (t, "Трудовая функция", &number, &rest))
    {
      structure (r, t, rest); /* with its number: the function keeps the number once, as in the list */
      const char *p = t + prefix_len (t, "Трудовая функция");
      p = _ksp_reader_skip_space (p);
      while (g_ascii_isdigit (*p))
        p++;
      p = _ksp_reader_skip_space (p);
      if (*p == '.')
        ksp_import_report_add (r->report, r->seg->line, "label-dot",
                               "line %u: «Трудовая функция %s.» written with a dot instead of a colon",
                               r->seg->line, number);
      start_function (r, number, rest);
      return TRUE;
    }
  if (match_numbered (t, "Навык", &number, &rest))
    {
      structure (r, t, t + prefix_len (t, "Навык"));
      r->skill = add (r, ensure_function (r), "skill", number);
      r->last = NULL;
      set_mode_value (r, r->skill, "name", rest);
      return TRUE;
    }

  if (r->kk2019 && read_kk_function_or_task (r, t))
    return TRUE;
  if (r->kk2019 && is_kk_etks_label (t))
    {
      structure (r, t, NULL);
      set_card_field (r, r->card, "etks", t, "");
      return TRUE;
    }

  for (guint i = 0; i < (r->kk2019 ? G_N_ELEMENTS (card_labels_kk) : G_N_ELEMENTS (card_labels)); i++)
    {
      const char *label_text = r->kk2019 ? card_labels_kk[i].text : card_labels[i].text;
      LabelKind kind = r->kk2019 ? card_labels_kk[i].kind : card_labels[i].kind;
      const char *label_field = r->kk2019 ? card_labels_kk[i].field : card_labels[i].field;
      gboolean open = r->kk2019 ? card_labels_kk[i].open : card_labels[i].open;

      if (!_ksp_reader_match_label (t, label_text, open, &rest, &colon))
        continue;
      if (!(kind == L_PROFESSION_NAME && r->mode == MODE_ORK_LINKS) && kind != L_ORK_LEVEL && kind != L_ETKS_LINK)
        structure (r, t, rest);
      if (!colon && *rest == '\0' && kind != L_STRUCTURE && !r->src->tabular && !r->kk2019)
        ksp_import_report_add (r->report, r->seg->line, "label-no-colon", "line %u: «%s» has no colon",
                               r->seg->line, label_text);
      switch (kind)
        {
        case L_FIELD:
          set_card_field (r, r->card, label_field, label_text, rest);
          break;
        case L_PROFESSION_NAME:
          if (r->mode == MODE_ORK_LINKS)
            read_ork_link (r, t);
          else
            set_card_field (r, r->card, "profession_name", label_text, rest);
          break;
        case L_EDUCATION:
          r->education = NULL;
          r->mode = MODE_NONE;
          if (*rest)
            {
              r->education = add (r, r->card, "education", NULL);
              set_mode_value (r, r->education, "level", rest);
            }
          break;
        case L_EDU_LEVEL:
          r->education = add (r, r->card, "education", NULL);
          set_mode_value (r, r->education, "level", rest);
          break;
        case L_EDU_SPECIALTY:
        case L_EDU_QUALIFICATION:
          {
            const char *field = kind == L_EDU_SPECIALTY ? "specialty" : "qualification";
            if (r->education == NULL || ksp_node_get_value (r->education, field, r->lang) != NULL)
              r->education = add (r, r->card, "education", NULL);
            set_mode_value (r, r->education, field, rest);
          }
          break;
        case L_EXPERIENCE:
          r->mode = MODE_EXPERIENCE;
          if (*rest)
            {
              r->last = add (r, r->card, "experience", NULL);
              append (r, r->last, "text", rest);
              if (category_of (rest))
                ksp_node_set_value (r->last, "category", KSP_LANG_NONE, category_of (rest));
            }
          break;
        case L_OTHER_NAMES:
          r->mode = MODE_OTHER_NAMES;
          if (*rest)
            read_other_names (r, rest);
          break;
        case L_STRUCTURE:
          r->mode = MODE_NONE;
          break;
        case L_TF_LIST:
          r->mode = MODE_TF_LIST;
          r->tf_kind = NULL;
          r->last = NULL;
          if (*rest)
            read_card_label (r, rest) || (add_listed_functions (r, rest), TRUE);
          break;
        case L_TF_MANDATORY:
        case L_TF_ADDITIONAL:
          r->mode = MODE_TF_LIST;
          r->tf_kind = kind == L_TF_MANDATORY ? "mandatory" : "additional";
          if (*rest)
            add_listed_functions (r, rest);
          break;
        case L_ABILITIES:
        case L_KNOWLEDGE:
          if (r->kk2019 && r->mode == MODE_TF_LIST && g_hash_table_size (r->headed) == 0 && r->fn == NULL)
            {
              ksp_import_report_add (r->report, r->seg->line, "label-misplaced",
                                     "line %u: «%s» stands where the list of labour functions is; read as that list",
                                     r->seg->line, label_text);
              if (*rest)
                add_listed_functions (r, rest);
              break;
            }
          r->mode = MODE_ITEMS;
          r->item_kind = kind == L_ABILITIES ? "ability" : "knowledge";
          ensure_skill (r);
          r->last = NULL;
          if (*rest)
            add_items (r, rest);
          break;
        case L_RECOGNITION:
          {
            KspNode *holder = r->src->tabular && r->skill ? r->skill : (r->fn ? r->fn : NULL);
            if (holder == NULL)
              holder = ensure_function (r);
            set_mode_value (r, holder, "recognition", rest);
          }
          break;
        case L_COMPETENCIES:
          r->mode = MODE_COMPETENCIES;
          if (*rest)
            append (r, add (r, r->card, "competency", NULL), "text", rest);
          break;
        case L_TECH_REGS:
          r->mode = MODE_TECH_REGS;
          if (*rest)
            append (r, add (r, r->card, "tech_reg", NULL), "title", rest);
          break;
        case L_ORK_LINKS:
          r->card_closed = TRUE;
          r->mode = MODE_ORK_LINKS;
          r->last = NULL;
          if (*rest)
            read_ork_link (r, rest);
          break;
        case L_ETKS_LINK:
          /* «БА-мен байланысы | position | handbook»: the handbook link, kept with the handbook level. */
          r->mode = MODE_VALUE;
          r->target = r->card;
          r->field = "etks";
          append (r, r->card, "etks", t);
          break;
        case L_ORK_LEVEL:
          if (r->mode != MODE_ORK_LINKS)
            {
              r->mode = MODE_ORK_LINKS;
              r->last = NULL;
            }
          read_ork_link (r, t);
          break;
        default:
          g_assert_not_reached ();
        }
      return TRUE;
    }
  return FALSE;
}

/* «СТ РК 3391-2019 Услуги по …» */
static void
read_tech_reg (Reader     *r,
               const char *t)
{
  static gsize re_once; GRegex *re = _ksp_reader_cached_regex (&re_once, "^((?:СТ РК|ГОСТ(?: Р)?|ТР ТС|СТ)\\s*[\\d.]+(?:-\\d+)?)\\s*(.*)$", 0);
  g_autoptr (GMatchInfo) m = NULL;
  KspNode *node = add (r, r->card, "tech_reg", NULL);

  if (g_regex_match (re, t, 0, &m))
    {
      g_autofree char *d = g_match_info_fetch (m, 1), *title = g_match_info_fetch (m, 2);
      ksp_node_set_value (node, "designation", KSP_LANG_NONE, d);
      append (r, node, "title", title);
    }
  else
    append (r, node, "title", t);
}

static void
read_content (Reader     *r,
              const char *t)
{
  switch (r->mode)
    {
    case MODE_VALUE:
      if (r->in_technical && r->target == r->technical && g_str_equal (r->field, "state_body") &&
          prefix_len (t, "исполнител"))
        r->field = "state_executors";
      /* A lone dash in the cell after an empty «Возможность признания навыка:» (seed 000). */
      append (r, r->target, r->field, t);
      break;
    case MODE_NOTE:
      finish_note (r, t);
      break;
    case MODE_TERMS:
      read_pair (r, t, "term", "term", "definition");
      break;
    case MODE_ABBREVIATIONS:
      read_pair (r, t, "abbreviation", "abbr", "expansion");
      break;
    case MODE_OKED:
      read_oked (r, t);
      break;
    case MODE_CARD_LIST:
      read_card_list_entry (r, t);
      break;
    case MODE_EXPERIENCE:
      r->last = add (r, r->card, "experience", NULL);
      append (r, r->last, "text", t);
      if (category_of (t))
        ksp_node_set_value (r->last, "category", KSP_LANG_NONE, category_of (t));
      break;
    case MODE_OTHER_NAMES:
      read_other_names (r, t);
      break;
    case MODE_TF_LIST:
      add_listed_functions (r, t);
      break;
    case MODE_ITEMS:
      if (ksp_value_state (t) == KSP_VALUE_DASH && r->skill &&
          g_strcmp0 (ksp_node_get_value (r->skill, "recognition", r->lang), "") == 0)
        {
          /* «Возможность признания навыка:» then «Знания: …» then «-»: the dash is the recognition. */
          ksp_node_set_value (r->skill, "recognition", r->lang, t);
          break;
        }
      add_items (r, t);
      break;
    case MODE_COMPETENCIES:
      append (r, add (r, r->card, "competency", NULL), "text", t);
      break;
    case MODE_TECH_REGS:
      read_tech_reg (r, t);
      break;
    case MODE_ORK_LINKS:
      read_ork_link (r, t);
      break;
    case MODE_APPENDIX:
    case MODE_NONE:
    default:
      not_placed (r, t, r->card ? "text in a card outside any field" : "text outside any paragraph");
      break;
    }
}

/* Labels run together with the text before them in one cell: «… ситуаций. Знания: 1. …» (seed 000),
 * «…әзірлеу2-міндет:…», «…қолдауБілуге тиіс:…» (seed 002). Each becomes a segment of its own. */
static const char embedded_ru[] =
  "(?<=\\s)(?:Умения:|Знания:|Возможность признания навыка:|Навык \\d+:|Трудовая функция \\d+:)";
static const char embedded_kk[] =
  "(?<=[^\\d\\s-])\\s*(?=\\d+-міндет:|\\d+\\s*-\\s*еңбек (?:функциясы|қызметі):)|"
  "(?<=\\S)(?=Білуге тиіс:|Икемділіктер мен дағдылар:)|(?<=\\s)(?=Міндеті?:|Тапсырма:)";

static void read_segment_text (Reader *r, const char *t);

static void
read_segment (Reader           *r,
              const KspSegment *seg)
{
  g_autoptr (GMatchInfo) m = NULL;
  const char *t = seg->text;
  const char *start = t;

  r->seg = seg;
  /* Every embedded label ends with a colon: most cells have none and need no regex. */
  if (strchr (t, ':') == NULL)
    {
      read_segment_text (r, t);
      return;
    }
  g_regex_match (r->embedded, t, 0, &m);
  while (g_match_info_matches (m))
    {
      int s, e;
      g_match_info_fetch_pos (m, 0, &s, &e);
      if (s > start - t)
        {
          g_autofree char *part = g_strstrip (g_strndup (start, t + s - start));
          if (*part)
            read_segment_text (r, part);
          start = t + s;
        }
      g_match_info_next (m, NULL);
    }
  if (start == t)
    read_segment_text (r, t);
  else
    {
      g_autofree char *part = g_strstrip (g_strdup (start));
      if (*part)
        read_segment_text (r, part);
    }
}

static void
read_segment_text (Reader     *r,
                   const char *t)
{
  if (r->standard == NULL)
    {
      if (read_order (r, t))
        return;
      r->mode = MODE_NONE;
      ensure_standard (r);
      if (is_standard_title (t))
        {
          append (r, r->standard, "title", t);
          return;
        }
    }

  if (is_izpi_note (t))
    {
      structure (r, t, NULL);
      start_note (r, r->standard);
      return;
    }
  if (r->mode == MODE_NOTE)
    {
      finish_note (r, t);
      return;
    }
  if (prefix_len (t, "Глава ") && g_ascii_isdigit (t[strlen ("Глава ")]))
    {
      structure (r, t, NULL);
      r->mode = MODE_NONE;
      r->card = r->fn = r->skill = NULL;
      r->in_technical = t[strlen ("Глава ")] == '4';
      return;
    }
  if (is_kk_chapter (t))
    {
      structure (r, t, NULL);
      r->mode = MODE_NONE;
      r->card = r->fn = r->skill = NULL;
      return;
    }
  if (is_amendment_note (t))
    {
      add_amendment_note (r, r->card ? r->card : r->standard, t);
      return;
    }
  if (r->kk2019 && read_kk_card_heading (r, t))
    return;
  if (r->kk2019 && g_str_has_suffix (t, "стандартынақосымша") | g_str_has_suffix (t, "стандартына қосымша"))
    {
      r->mode = MODE_NONE;
      r->card = NULL;
      append (r, r->standard, "appendix_title", t);
      return;
    }
  if (read_card_heading (r, t) || read_paragraph (r, t))
    return;
  if (r->card && read_card_label (r, t))
    return;
  read_content (r, t);
}

static KspLang
detect_language (KspSource *src)
{
  guint kk = 0, total = 0;

  for (const char *p = src->contents; *p;)
    {
      gunichar c;

      /* Cyrillic is D0–D3 + one byte: anything else is stepped over without decoding it */
      if ((guchar) *p < 0xD0 || (guchar) *p > 0xD3)
        {
          p++;
          continue;
        }
      if (((guchar) p[1] & 0xC0) != 0x80)
        {
          p++;
          continue;
        }
      c = (((guchar) p[0] & 0x1F) << 6) | ((guchar) p[1] & 0x3F);
      p += 2;
      if (c >= 0x0400 && c <= 0x04FF)
        {
          /* Kazakh letters, either case: ә ғ қ ң ө ұ ү һ і */
          gunichar l = (c >= 0x0410 && c <= 0x042F) ? c + 0x20 : (c >= 0x0400 && c <= 0x040F) ? c + 0x50
                       : (c >= 0x0460 && (c & 1) == 0) ? c + 1 : c;
          total++;
          kk += l == 0x04D9 || l == 0x0493 || l == 0x049B || l == 0x04A3 || l == 0x04E9 || l == 0x04B1 ||
                l == 0x04AF || l == 0x04BB || l == 0x0456;
        }
    }
  return total && kk * 100 / total >= 2 ? KSP_LANG_KK : KSP_LANG_RU;
}

/* Values read whole that the model keeps in parts. */
static void
finish_node (Reader  *r,
             KspNode *node)
{
  const char *kind = ksp_node_get_kind (node);
  guint n = ksp_node_get_n_children (node);

  if (g_str_equal (kind, "card"))
    {
      const char *title = ksp_node_get_value (node, "title", r->lang);
      const char *level = ksp_node_get_value (node, "ork_level", KSP_LANG_NONE);
      if (title && (title[0] == '"' || g_str_has_prefix (title, "«")))
        {
          g_autofree char *stripped = strip_title (title);
          ksp_node_set_value (node, "title", r->lang, stripped);
        }
      /* «4 (4.1, 4.2, 4.3)»: the level and the sublevels it has (seed 002). */
      if (level && strchr (level, '(') && ksp_node_get_value (node, "ork_sublevel", KSP_LANG_NONE) == NULL)
        {
          const char *open = strchr (level, '(');
          g_autofree char *lvl = g_strstrip (g_strndup (level, open - level));
          g_autofree char *sub = g_strstrip (g_strdup (open + 1));
          char *close = strrchr (sub, ')');
          if (close && close[1] == '\0')
            {
              *close = '\0';
              ksp_node_set_value (node, "ork_sublevel", KSP_LANG_NONE, sub);
              ksp_node_set_value (node, "ork_level", KSP_LANG_NONE, lvl);
            }
        }
    }
  else if (g_str_equal (kind, "ork_link"))
    {
      /* «8-деңгей» → "8"; the word is the label's, the level is the value. */
      const char *level = ksp_node_get_value (node, "level", KSP_LANG_NONE);
      if (level && (g_str_has_suffix (level, "-деңгей") || g_str_has_suffix (level, " деңгей")))
        {
          g_autofree char *l = g_strndup (level, strlen (level) - strlen ("-деңгей"));
          ksp_node_set_value (node, "level", KSP_LANG_NONE, l);
        }
    }
  for (guint i = 0; i < n; i++)
    finish_node (r, ksp_node_get_child (node, i));
}

static void
finish (Reader  *r,
        KspNode *doc)
{
  finish_node (r, doc);
}

/* A text cut short stops inside a card or inside chapter 4; a whole one does not. */
static gboolean
check_complete (Reader  *r,
                GError **error)
{
  KspNode *last_card = NULL;
  guint n = r->standard ? ksp_node_get_n_children (r->standard) : 0;
  guint last_line = r->seg ? r->seg->line : 0;

  for (guint i = 0; i < n; i++)
    if (g_str_equal (ksp_node_get_kind (ksp_node_get_child (r->standard, i)), "card"))
      last_card = ksp_node_get_child (r->standard, i);
  if (r->technical)
    {
      if (r->kk2019 || ksp_node_get_value (r->technical, "review_date", r->lang))
        return TRUE;
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_TRUNCATED,
                   "%s: line %u: the text stops inside chapter 4 before «Дата ориентировочного пересмотра»; "
                   "the file seems cut off", r->src->path, last_line);
      return FALSE;
    }
  if (last_card == NULL)
    return TRUE;
  if (r->kk2019 ? ksp_node_get_value (last_card, "working_conditions", r->lang) != NULL : r->card_closed)
    return TRUE;
  {
    g_autofree char *label = ksp_node_dup_label (last_card, r->lang);
    g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_TRUNCATED,
                 "%s: line %u: the text stops inside card «%s» (started on line %u), before its last block; "
                 "the file seems cut off", r->src->path, last_line, label, ksp_node_get_src_line (last_card));
  }
  return FALSE;
}

static void
refuse_no_cards (KspSource *src,
                 GError   **error)
{
  g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_FORMAT,
               "%s: no profession card was recognised, so nothing was imported. Kasip reads the published text "
               "of a professional standard (as on the legal portal, or a DOCX in the ministry's layout) with its "
               "cards headed «КАРТОЧКА ПРОФЕССИИ» / «Карточка профессии» / «Кәсіп карточкасы» (the 2013, 2019 "
               "and 2024 layouts); the Word layouts of NCE «Atameken» (2019–2022) are not read yet", src->path);
}


/* A text in which no card was recognised (labels only, lines out of order, a layout Kasip does not read)
 * is refused: importing it would give an empty standard that looks like a success. */
static gboolean
check_has_cards (KspSource *src,
                 KspNode   *doc,
                 GError   **error)
{
  KspCounts counts = { 0 };

  ksp_counts_add_tree (&counts, doc);
  if (counts.cards > 0)
    return TRUE;
  refuse_no_cards (src, error);
  return FALSE;
}

KspNode *
ksp_adilet_reader_read (KspSource        *src,
                        KspImportReport  *report,
                        GError          **error)
{
  g_autoptr (KspNode) doc = ksp_node_new ("document", NULL);
  g_autofree char *base = g_path_get_basename (src->path);
  KspLang lang = detect_language (src);
  KspAdiletLayout layout = _ksp_adilet_detect_layout (src, lang);
  Reader r = { 0 };

  ksp_node_set_value (doc, "source", KSP_LANG_NONE, base);
  ksp_node_set_value (doc, "language", KSP_LANG_NONE, ksp_lang_to_string (lang));

  if (layout == KSP_ADILET_LAYOUT_2013)
    {
      if (!_ksp_adilet_read_2013 (src, doc, report, error) || !check_has_cards (src, doc, error))
        return NULL;
      return g_steal_pointer (&doc);
    }
  if (layout == KSP_ADILET_LAYOUT_UNKNOWN)
    {
      refuse_no_cards (src, error);
      return NULL;
    }

  r.src = src;
  r.report = report;
  r.lang = lang;
  r.doc = doc;
  r.headed = g_hash_table_new (NULL, NULL);
  r.kk2019 = layout == KSP_ADILET_LAYOUT_2019;
  r.embedded = g_regex_new (r.kk2019 ? embedded_kk : embedded_ru, G_REGEX_OPTIMIZE, 0, NULL);
  g_assert (r.embedded != NULL);
  for (guint i = 0; i < src->segments->len; i++)
    read_segment (&r, &g_array_index (src->segments, KspSegment, i));
  finish (&r, doc);
  g_hash_table_unref (r.headed);
  g_regex_unref (r.embedded);
  if (!check_complete (&r, error) || !check_has_cards (src, doc, error))
    return NULL;
  return g_steal_pointer (&doc);
}

KspNode *
ksp_adilet_reader_read_file (const char       *path,
                             KspImportReport **out_report,
                             GError          **error)
{
  g_autoptr (KspImportReport) report = ksp_import_report_new (path);
  g_autoptr (KspSource) src = ksp_source_load (path, report, error);
  KspNode *root;

  if (src == NULL)
    return NULL;
  root = ksp_adilet_reader_read (src, report, error);
  if (root && out_report)
    *out_report = g_steal_pointer (&report);
  return root;
}
