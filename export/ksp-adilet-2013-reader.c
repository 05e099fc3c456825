/* ksp-adilet-2013-reader.c: the 2013 layout (seed 004), mapped as standard-kk-editions.md §3 describes.
 *
 * An order approving several standards, each with seven sections and five appendices:
 *   §1–2        terms, passport (activity, purpose, professions)  → standard fields, terms, card list
 *   §3          cards «N-параграф «…»» with fields 1)–5)         → card (level, base group, titles, summary)
 *   §§4–7       pointers, certificates, developers                 → provisions, technical data
 *   App. 1      activities by level                                → card list entries (with levels)
 *   App. 2      workplaces, conditions, education and experience   → card working conditions, education,
 *                                                                     experience per category
 *   App. 3      units «Ф N» per profession                         → labour functions (list names)
 *   App. 4      functional map: abilities, knowledge, competencies → the functions' items
 *   App. 5      approval sheet and registration                    → technical data
 * Letter-spaced words, markdown headings and wrapped table cells are read as written; cells that wrap
 * into a row of their own are joined to the row they continue.
 */
#include "ksp-adilet-reader-private.h"

#include <string.h>


typedef struct
{
  KspSource       *src;
  KspImportReport *report;
  KspNode         *doc;
  KspNode         *order;
  KspNode         *order_item;
  KspNode         *standard;
  KspNode         *card;
  KspNode         *block;       /* App. 2 block's card, App. 3/4 section's card */
  KspNode         *unit;        /* App. 4 row's function */
  KspNode         *technical;
  KspNode         *last;
  guint            line;
  int              section;     /* 1–7 inside a standard's body, 0 outside */
  int              appendix;    /* 1–5, 0 in the body */
  gboolean         seen_preamble;
  gboolean         header;      /* inside an appendix header block («… бұйрығына / N-қосымша») */
  gboolean         next_is_standard;
  gboolean         header_order_pending; /* «… № 690 бұйрығына» seen: the next «N-қосымша» starts a standard */
  GPtrArray       *pending;     /* App. 4 cells of a wrapped row before its «Ф N» row */
  KspNode         *cont_node;   /* where a wrapped line of the body goes on */
  const char      *cont_field;
  KspNode         *header_note; /* the appendix header being read, for its wrapped lines */
} Reader;

static KspNode *
add (Reader     *r,
     KspNode    *parent,
     const char *kind,
     const char *number)
{
  return _ksp_reader_add (parent, kind, number, r->line);
}

static void
structure (Reader     *r,
           const char *text,
           const char *end)
{
  ksp_import_report_add_structure (r->report, text, end ? end - text : -1);
}

static void
append (KspNode    *node,
        const char *field,
        const char *text)
{
  _ksp_reader_append (node, field, KSP_LANG_KK, text);
}

/* Appends in the body and remembers where, so that a wrapped next line goes to the same place. */
static void
body_append (Reader     *r,
             KspNode    *node,
             const char *field,
             const char *text)
{
  append (node, field, text);
  r->cont_node = node;
  r->cont_field = field;
}

static void
not_placed (Reader     *r,
            KspNode    *parent,
            const char *text,
            const char *reason)
{
  _ksp_reader_not_placed (r->report, parent ? parent : r->doc, KSP_LANG_KK, r->line, text, reason);
}

/* Markdown leftovers: «## **…**», «*Министр*», «- 1) …», «\_\_\_». */
static char *
strip_md (const char *cell)
{
  g_autofree char *s = g_strstrip (g_strdup (cell));
  GString *out;
  char *p = s;

  while (*p == '#')
    p++;
  p = (char *) _ksp_reader_skip_space (p);
  if ((p[0] == '-' && p[1] == ' '))
    p = (char *) _ksp_reader_skip_space (p + 2);
  out = g_string_new (NULL);
  for (const char *q = p; *q; q++)
    {
      if (*q == '*')
        continue;
      if (*q == '\\' && q[1] == '_')
        continue;
      g_string_append_c (out, *q);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

static gboolean
ends_with_appendix (const char *t,
                    int        *number)
{
  static gsize re_once; GRegex *re = _ksp_reader_cached_regex (&re_once, "(\\d+|б)\\s*-\\s*қосымша\\S*$", 0);
  g_autoptr (GMatchInfo) m = NULL;

  if (!g_regex_match (re, t, 0, &m))
    return FALSE;
  {
    g_autofree char *n = g_match_info_fetch (m, 1);
    *number = g_str_equal (n, "б") ? 6 : atoi (n);
  }
  return TRUE;
}

static KspNode *
card_by_index (Reader *r,
               int     index)
{
  guint n = ksp_node_get_n_children (r->standard);
  int k = 0;

  for (guint i = 0; i < n; i++)
    {
      KspNode *c = ksp_node_get_child (r->standard, i);
      if (g_str_equal (ksp_node_get_kind (c), "card") && ++k == index)
        return c;
    }
  return NULL;
}

static char *
fold (const char *s)
{
  GString *out = g_string_new (NULL);
  g_autofree char *lower = g_utf8_casefold (s, -1);

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The card an App. 2/3/4 section is about: same title, else the section's position. */
static KspNode *
find_card (Reader     *r,
           int         index,
           const char *title)
{
  g_autofree char *want = fold (title);
  guint n = ksp_node_get_n_children (r->standard);
  KspNode *card;

  for (guint i = 0; i < n; i++)
    {
      KspNode *c = ksp_node_get_child (r->standard, i);
      const char *t = ksp_node_get_value (c, "title", KSP_LANG_KK);
      g_autofree char *have = t ? fold (t) : NULL;
      if (g_str_equal (ksp_node_get_kind (c), "card") && have && *want && g_str_equal (have, want))
        return c;
    }
  card = card_by_index (r, index);
  if (card)
    return card;
  card = add (r, r->standard, "card", NULL);
  append (card, "title", title);
  ksp_import_report_add (r->report, r->line, "card-missing",
                         "line %u: appendix %d names «%s», which has no card in section 3; a card was made for it",
                         r->line, r->appendix, title);
  return card;
}

static char *
quoted (const char *t)
{
  const char *a = strstr (t, "«");
  const char *b = a ? strstr (a, "»") : NULL;

  if (a && b)
    return g_strndup (a + strlen ("«"), b - a - strlen ("«"));
  return g_strdup (t);
}

static void
start_standard (Reader     *r,
                const char *t)
{
  r->standard = add (r, r->doc, "standard", NULL);
  append (r->standard, "title", t);
  {
    g_autofree char *name = quoted (t);
    append (r->standard, "name", name);
  }
  r->card = r->block = r->unit = r->technical = r->last = NULL;
  r->section = 0;
  r->appendix = 0;
  r->next_is_standard = FALSE;
}

static KspNode *
technical (Reader *r)
{
  if (r->technical == NULL)
    r->technical = add (r, r->standard, "technical", NULL);
  return r->technical;
}

/* ---------------------------------------------------------------------------------------------- */

static void
read_order (Reader     *r,
            const char *t)
{
  const char *rest;
  g_autofree char *number = NULL;

  if (r->order == NULL)
    {
      r->order = add (r, r->doc, "order", NULL);
      append (r->order, "title", t);
      return;
    }
  if (g_str_has_prefix (t, "Күші жой"))
    {
      KspNode *note = add (r, r->order, "note", NULL);
      ksp_node_set_value (note, "note_kind", KSP_LANG_NONE, "status");
      append (note, "text", t);
      return;
    }
  if (g_str_has_prefix (t, "Ескерту"))
    {
      KspNode *note = add (r, r->order, "note", NULL);
      g_autofree char *date = _ksp_reader_parse_date (t);
      ksp_node_set_value (note, "note_kind", KSP_LANG_NONE, "repeal");
      append (note, "text", t);
      if (date)
        ksp_node_set_value (note, "effective_from", KSP_LANG_NONE, date);
      return;
    }
  if (!r->seen_preamble && strstr (t, "бұйрығы") && strstr (t, "№") && !ksp_node_get_value (r->order, "act", KSP_LANG_KK))
    {
      g_autofree char *date = _ksp_reader_parse_date (t);
      append (r->order, "act", t);
      if (date)
        ksp_node_set_value (r->order, "act_date", KSP_LANG_NONE, date);
      ksp_node_set_value (r->order, "act_number", KSP_LANG_NONE, "690");
      return;
    }
  if (!r->seen_preamble)
    {
      append (r->order, "preamble", t);
      if (strstr (t, "Б Ұ Й Ы Р А М Ы Н") || strstr (t, "БҰЙЫРАМЫН"))
        r->seen_preamble = TRUE;
      return;
    }
  {
    /* «1 . М ы н а л а р :», «2. …» */
    const char *p = t;
    while (g_ascii_isdigit (*p))
      p++;
    rest = _ksp_reader_skip_space (p);
    if (p > t && p - t <= 2 && *rest == '.')
      {
        number = g_strndup (t, p - t + 0);
        {
          g_autofree char *no = g_strconcat (number, ".", NULL);
          r->order_item = add (r, r->order, "order_item", no);
        }
        append (r->order_item, "text", _ksp_reader_skip_space (rest + 1));
        return;
      }
    if (p > t && *p == ')' && r->order_item)
      {
        g_autofree char *no = g_strndup (t, p - t + 1);
        append (add (r, r->order_item, "subitem", no), "text", _ksp_reader_skip_space (p + 1));
        return;
      }
  }
  if (r->order_item && !ksp_node_get_value (r->order, "signature_position", KSP_LANG_KK))
    {
      append (r->order, "signature_position", t);
      return;
    }
  if (r->order_item && !ksp_node_get_value (r->order, "signature_name", KSP_LANG_KK))
    {
      append (r->order, "signature_name", t);
      return;
    }
  append (r->order, "appendix_header", t);
}

/* «1) біліктілік деңгейі: СБШ – 4-5, ҰБШ бойынша – 4-5;» and the other card fields. */
static void
read_card_field (Reader     *r,
                 const char *t)
{
  static gsize level_once; GRegex *level = _ksp_reader_cached_regex (&level_once, "СБШ\\s*(?:бойынша)?\\s*[–-]\\s*(\\d(?:\\s*-\\s*\\d)?)", 0);
  static gsize nrk_once; GRegex *nrk = _ksp_reader_cached_regex (&nrk_once, "ҰБШ\\s*(?:бойынша)?\\s*[–-]\\s*(\\d(?:\\s*-\\s*\\d)?)", 0);
  static gsize group_once; GRegex *group = _ksp_reader_cached_regex (&group_once, "МС\\)?:\\s*(\\d{4})\\s*[–-]?\\s*(.*)$", 0);
  g_autoptr (GMatchInfo) m = NULL;
  const char *colon = strchr (t, ':');
  const char *value = colon ? _ksp_reader_skip_space (colon + 1) : "";

  if (g_str_has_prefix (t, "1)"))
    {
      append (r->card, "etks", t);
      if (g_regex_match (level, t, 0, &m))
        {
          g_autofree char *l = g_match_info_fetch (m, 1);
          ksp_node_set_value (r->card, "ork_level", KSP_LANG_NONE, l);
        }
      g_clear_pointer (&m, g_match_info_free);
      if (g_regex_match (nrk, t, 0, &m))
        {
          g_autofree char *l = g_match_info_fetch (m, 1);
          ksp_node_set_value (r->card, "nrk_level", KSP_LANG_NONE, l);
        }
      r->last = NULL;
    }
  else if (g_str_has_prefix (t, "2)"))
    {
      structure (r, t, NULL); /* code and name are kept; the label is structure */
      if (g_regex_match (group, t, 0, &m))
        {
          g_autofree char *code = g_match_info_fetch (m, 1), *name = g_match_info_fetch (m, 2);
          ksp_node_set_value (r->card, "group_code", KSP_LANG_NONE, code);
          append (r->card, "group_name", name);
        }
      else
        append (r->card, "group_name", value);
      r->last = NULL;
    }
  else if (g_str_has_prefix (t, "3)"))
    {
      structure (r, t, value);
      g_auto (GStrv) names = g_strsplit (value, ";", -1);
      for (guint i = 0; names[i]; i++)
        {
          g_autofree char *n = g_strstrip (g_strdup (names[i]));
          if (*n)
            append (add (r, r->card, "other_name", NULL), "name", n);
        }
      r->last = NULL;
    }
  else if (g_str_has_prefix (t, "4)"))
    {
      structure (r, t, value);
      append (r->card, "purpose", value);
      r->last = r->card;
    }
  else if (g_str_has_prefix (t, "5)"))
    {
      append (r->card, "working_conditions", t);
      r->last = NULL;
    }
  else if (r->last == r->card)
    append (r->card, "purpose", t); /* the summary goes on */
  else if (ksp_node_get_value (r->card, "working_conditions", KSP_LANG_KK))
    append (r->card, "working_conditions", t);
  else
    not_placed (r, r->card, t, "text in a card outside its five fields");
}

/* Sections 1, 2, 4–7 of a standard's body. */
static void
read_body (Reader     *r,
           const char *t)
{
  g_autofree char *number = NULL;
  const char *p = t;

  while (g_ascii_isdigit (*p))
    p++;
  if (r->section == 3)
    {
      static gsize para_once; GRegex *para = _ksp_reader_cached_regex (&para_once, "^(\\d+)-параграф\\s*(.*)$", 0);
      g_autoptr (GMatchInfo) m = NULL;
      if (g_regex_match (para, t, 0, &m))
        {
          g_autofree char *title = g_match_info_fetch (m, 2);
          g_autofree char *inner = quoted (title);
          structure (r, t, NULL);
          r->card = add (r, r->standard, "card", NULL);
          append (r->card, "title", inner);
          return;
        }
      if (p > t && *p == '.' && strstr (t, "карточкасы мыналардан тұрады"))
        {
          g_autofree char *no = g_strndup (t, p - t + 1);
          structure (r, t, NULL);
          if (r->card == NULL)
            r->card = add (r, r->standard, "card", NULL);
          ksp_node_set_number (r->card, no);
          return;
        }
      if (r->card)
        {
          read_card_field (r, t);
          return;
        }
    }
  if (p > t && *p == '.' && p - t <= 2)
    {
      /* A numbered paragraph. */
      const char *text = _ksp_reader_skip_space (p + 1);
      g_autofree char *no = g_strndup (t, p - t + 1);
      int n = atoi (t);
      r->last = NULL;
      /* Paragraphs kept in a field keep their number in the text: the field has no number of its own. */
      if (n == 1)
        body_append (r, r->standard, "scope", t), r->last = r->standard;
      else if (g_str_has_prefix (text, "Осы КС мынадай терминдер"))
        r->last = NULL, structure (r, t, NULL);
      else if (n == 4 && r->section == 2)
        r->last = NULL, structure (r, t, NULL); /* «КС төлқұжаты келесіні анықтайды:» heads the passport items */
      else if (strstr (text, "кәсіптерге қатысты"))
        {
          body_append (r, r->standard, "description", t);
          r->last = r->standard;
        }
      else if (strstr (text, "КС әзірлеушісі"))
        body_append (r, technical (r), "developers", t), r->last = r->technical;
      else
        r->last = add (r, r->standard, "provision", no), append (r->last, "text", text);
      r->cont_node = NULL;
      return;
    }
  if (p > t && *p == ')')
    {
      g_autofree char *no = g_strndup (t, p - t + 1);
      const char *text = _ksp_reader_skip_space (p + 1);
      if (r->section == 1 && strstr (text, " – "))
        {
          const char *sep = strstr (text, " – ");
          KspNode *term = add (r, r->standard, "term", no);
          g_autofree char *a = g_strndup (text, sep - text);
          append (term, "term", a);
          body_append (r, term, "definition", sep + strlen (" – "));
          r->last = NULL;
          return;
        }
      if (r->section == 2)
        {
          if (strstr (text, "03-2007"))
            {
              static gsize oked_once; GRegex *oked = _ksp_reader_cached_regex (&oked_once, "«(\\d{2}\\.\\d{2})\\s*(.*?)»", 0);
              g_autoptr (GMatchInfo) m = NULL;
              append (r->standard, "description", t);
              if (g_regex_match (oked, text, 0, &m))
                {
                  g_autofree char *code = g_match_info_fetch (m, 1), *name = g_match_info_fetch (m, 2);
                  KspNode *o = add (r, r->standard, "oked", NULL);
                  ksp_node_set_value (o, "class_code", KSP_LANG_NONE, code);
                  append (o, "class_name", name);
                }
              r->last = r->standard;
              return;
            }
          if (strstr (text, "негізгі мақсаты"))
            {
              body_append (r, r->standard, "purpose", t);
              r->last = NULL;
              return;
            }
          body_append (r, r->standard, "description", t);
          r->last = r->standard;
          return;
        }
      /* Sub-items of the scope (§1, paragraph 1). */
      body_append (r, r->standard, "scope", t);
      r->last = r->standard;
      return;
    }
  if (r->section == 2 && r->last == r->standard && ksp_node_get_value (r->standard, "description", KSP_LANG_KK))
    {
      append (r->standard, "description", t);
      return;
    }
  if (r->last && ksp_node_get_kind_spec (r->last)->title_field)
    {
      const char *field = g_str_equal (ksp_node_get_kind (r->last), "standard") ? "scope" :
                          g_str_equal (ksp_node_get_kind (r->last), "technical") ? "developers" : "text";
      append (r->last, field, t);
      return;
    }
  if (r->last && g_str_equal (ksp_node_get_kind (r->last), "technical"))
    {
      append (r->last, "developers", t);
      return;
    }
  if (r->cont_node)
    {
      append (r->cont_node, r->cont_field, t);
      return;
    }
  not_placed (r, r->standard, t, "text outside the paragraphs of the standard");
}

/* One item per <p> paragraph of a functional-map cell; a cell without <p> is one item. */
static void
add_paragraphs (Reader     *r,
                KspNode    *parent,
                const char *kind,
                const char *raw)
{
  static gsize split_once; GRegex *split = _ksp_reader_cached_regex (&split_once, "</?p>", G_REGEX_CASELESS);
  g_auto (GStrv) parts = g_regex_split (split, raw, 0);

  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *clean = ksp_source_clean_cell (parts[i], NULL);
      g_autofree char *text = strip_md (clean);
      if (*text)
        append (add (r, parent, kind, NULL), "text", text);
    }
}

static void
read_appendix_row (Reader     *r,
                   char      **cells,
                   char      **raw,
                   const char *t)
{
  guint n = g_strv_length (cells);

  switch (r->appendix)
    {
    case 1:
      if (g_str_has_prefix (t, "Р/с") || g_str_has_prefix (t, "P/c") || g_str_has_prefix (t, "Р / с"))
        {
          structure (r, t, NULL);
          return; /* the header row */
        }
      if (g_str_has_prefix (t, "Ескертпе") || g_str_has_prefix (t, "Ескерту"))
        {
          KspNode *note = add (r, r->standard, "note", NULL);
          ksp_node_set_value (note, "note_kind", KSP_LANG_NONE, "footnote");
          append (note, "text", t);
          return;
        }
      if (g_str_has_prefix (t, "Біліктілік деңгейлері бойынша"))
        {
          structure (r, t, NULL);
          return;
        }
      {
        KspNode *e = add (r, r->standard, "card_list_entry", n > 0 && *cells[0] ? cells[0] : NULL);
        GString *name = g_string_new (NULL);
        for (guint i = 1; i < n; i++)
          {
            if (i == 4 && n >= 5 && *cells[i])
              {
                ksp_node_set_value (e, "ork_level", KSP_LANG_NONE, cells[i]);
                continue;
              }
            if (*cells[i])
              g_string_append_printf (name, "%s%s", name->len ? " | " : "", cells[i]);
          }
        append (e, "name", name->str);
        g_string_free (name, TRUE);
      }
      return;
    case 2:
      {
        static gsize block_once; GRegex *block = _ksp_reader_cached_regex (&block_once, "^(\\d+)\\.\\s*Ықтимал жұмыс орындары\\.?\\s*(.*)$", 0);
        g_autoptr (GMatchInfo) m = NULL;
        if (g_regex_match (block, t, 0, &m))
          {
            g_autofree char *k = g_match_info_fetch (m, 1), *rest = g_match_info_fetch (m, 2);
            r->block = card_by_index (r, atoi (k));
            if (r->block == NULL)
              r->block = find_card (r, atoi (k), rest);
            append (r->block, "working_conditions", t);
            return;
          }
        if (r->block == NULL)
          {
            not_placed (r, r->standard, t, "appendix 2 text before its first block");
            return;
          }
        if (n >= 2 && (g_str_has_prefix (cells[0], "СБШ") || g_str_has_prefix (cells[0], "СВШ") ||
                       g_str_has_prefix (cells[0], "СШБ")))
          {
            structure (r, t, NULL);
            return; /* the header of the level | education | experience table */
          }
        if (n >= 2 && g_ascii_isdigit (cells[0][0]) && (cells[0][1] == '\0' || cells[0][1] == ' ' || cells[0][1] == '('))
          {
            KspNode *edu = add (r, r->block, "education", NULL);
            KspNode *exp = add (r, r->block, "experience", NULL);
            ksp_node_set_value (exp, "category", KSP_LANG_NONE, cells[0]);
            append (edu, "level", cells[1]);
            append (exp, "text", n >= 3 ? cells[2] : "");
            r->last = exp;
            return;
          }
        if (n >= 2 && *cells[0] == '\0' && r->last && g_str_equal (ksp_node_get_kind (r->last), "experience"))
          {
            /* A wrapped row: its cells continue the previous row's. */
            append (r->last, "text", t);
            return;
          }
        append (r->block, "working_conditions", t);
      }
      return;
    case 3:
    case 4:
      {
        static gsize section_once; GRegex *section = _ksp_reader_cached_regex (&section_once, "(?:^|\\s)(\\d+)\\.\\s*«(.*?)»?\\s*еңбек қызметінің түрі", 0);
        static gsize unit_once; GRegex *unit = _ksp_reader_cached_regex (&unit_once, "^Ф\\s*(\\d+)\\s*$", 0);
        static gsize unit_named_once; GRegex *unit_named = _ksp_reader_cached_regex (&unit_named_once, "^Ф\\s*(\\d+)\\s+(\\S.*)$", 0);
        g_autoptr (GMatchInfo) m = NULL;
        if (g_regex_match (section, t, 0, &m))
          {
            g_autofree char *k = g_match_info_fetch (m, 1), *title = g_match_info_fetch (m, 2);
            structure (r, t, NULL);
            r->block = find_card (r, atoi (k), title);
            r->unit = NULL;
            g_ptr_array_set_size (r->pending, 0);
            return;
          }
        g_clear_pointer (&m, g_match_info_free);
        if (g_str_has_prefix (t, "Шифры") || g_str_has_prefix (t, "КС бірліктерінің"))
          {
            structure (r, t, NULL);
            return; /* column headers and appendix titles */
          }
        if (g_str_has_prefix (t, "Ескерте") || g_str_has_prefix (t, "Ескерту") || g_str_has_prefix (t, "Ескертпе"))
          {
            KspNode *note = add (r, r->standard, "note", NULL);
            ksp_node_set_value (note, "note_kind", KSP_LANG_NONE, "footnote");
            append (note, "text", t);
            return;
          }
        if (r->block == NULL)
          {
            not_placed (r, r->standard, t, "appendix text before its first profession");
            return;
          }
        if (n >= 1 && !g_regex_match (unit, cells[0], 0, NULL) && g_regex_match (unit_named, cells[0], 0, &m))
          {
            /* «Ф 6 name» with a space where a TAB belongs (004 L1945): split it. */
            char **fixed = g_new0 (char *, n + 2);
            g_autofree char *code = g_match_info_fetch (m, 1);
            fixed[0] = g_strdup_printf ("Ф %s", code);
            fixed[1] = g_match_info_fetch (m, 2);
            for (guint i = 1; i < n; i++)
              fixed[i + 1] = g_strdup (cells[i]);
            ksp_import_report_add (r->report, r->line, "unit-code-space",
                                   "line %u: unit code and name separated by a space, not a cell", r->line);
            g_clear_pointer (&m, g_match_info_free);
            read_appendix_row (r, fixed, fixed, t);
            g_strfreev (fixed);
            return;
          }
        g_clear_pointer (&m, g_match_info_free);
        if (n >= 1 && g_regex_match (unit, cells[0], 0, &m))
          {
            g_autofree char *no = g_match_info_fetch (m, 1);
            KspNode *fn = NULL;
            /* App. 3 lists the unit («Ф 2» becomes the function's number); App. 4 names it again. */
            structure (r, r->appendix == 3 ? "Ф" : cells[0], NULL);
            guint nc = ksp_node_get_n_children (r->block);
            if (r->appendix == 3)
              {
                fn = add (r, r->block, "function", no);
                if (n >= 2)
                  {
                    append (fn, "list_name", cells[1]);
                    append (fn, "name", cells[1]);
                  }
                r->unit = fn;
                return;
              }
            for (guint i = 0; i < nc; i++)
              {
                KspNode *c = ksp_node_get_child (r->block, i);
                if (g_str_equal (ksp_node_get_kind (c), "function") && g_strcmp0 (ksp_node_get_number (c), no) == 0)
                  fn = c;
              }
            if (fn == NULL)
              {
                fn = add (r, r->block, "function", no);
                ksp_import_report_add (r->report, r->line, "unit-not-listed",
                                       "line %u: unit «Ф %s» of the functional map is not in appendix 3", r->line, no);
              }
            r->unit = fn;
            /* Cells: abilities | knowledge | competencies, each a list of <p> paragraphs. */
            for (guint c = 1; c < n && c <= 3; c++)
              {
                const char *kind = c == 1 ? "ability" : c == 2 ? "knowledge" : "competency";
                if (c - 1 < r->pending->len && *(char *) g_ptr_array_index (r->pending, c - 1))
                  append (add (r, fn, kind, NULL), "text", g_ptr_array_index (r->pending, c - 1));
                if (*cells[c])
                  add_paragraphs (r, fn, kind, raw[c]);
              }
            g_ptr_array_set_size (r->pending, 0);
            return;
          }
        if (r->appendix == 4 && n >= 2 && *cells[0] == '\0')
          {
            /* A wrapped row. Before any unit: it belongs to the next «Ф N» row. */
            if (r->unit == NULL || !ksp_node_is_ancestor_of (r->block, r->unit))
              {
                g_ptr_array_set_size (r->pending, 0);
                for (guint c = 1; c < n; c++)
                  g_ptr_array_add (r->pending, g_strdup (cells[c]));
                return;
              }
            for (guint c = 1; c < n && c <= 3; c++)
              {
                const char *kind = c == 1 ? "ability" : c == 2 ? "knowledge" : "competency";
                KspNode *lastc = NULL;
                guint nc = ksp_node_get_n_children (r->unit);
                if (!*cells[c])
                  continue;
                for (guint i = 0; i < nc; i++)
                  if (g_str_equal (ksp_node_get_kind (ksp_node_get_child (r->unit, i)), kind))
                    lastc = ksp_node_get_child (r->unit, i);
                if (lastc)
                  append (lastc, "text", cells[c]);
                else
                  append (add (r, r->unit, kind, NULL), "text", cells[c]);
              }
            return;
          }
        if (r->unit && r->appendix == 3)
          {
            append (r->unit, "list_name", t);
            return;
          }
        if (r->unit && r->appendix == 4 && ksp_node_get_n_children (r->unit) > 0)
          {
            /* A wrapped line of the last cell. */
            append (ksp_node_get_child (r->unit, ksp_node_get_n_children (r->unit) - 1), "text", t);
            return;
          }
        not_placed (r, r->block, t, "a row of the appendix without a unit code «Ф N»");
      }
      return;
    case 5:
      if (g_str_has_prefix (t, "Келісу парағы"))
        {
          structure (r, t, NULL);
          return;
        }
      if (strstr (t, "тіркелді") || strstr (t, "тіркеу") || strstr (t, "Хат (хаттама)") || g_str_has_prefix (t, "Осы КС"))
        append (technical (r), "registration", t);
      else
        append (technical (r), "approval_sheet", t);
      return;
    default:
      not_placed (r, r->standard, t, "text in an appendix Kasip does not know");
    }
}

static void
read_line (Reader     *r,
           const char *raw)
{
  g_auto (GStrv) raw_cells = g_strsplit (raw, "\t", -1);
  guint n = g_strv_length (raw_cells);
  g_auto (GStrv) cells = g_new0 (char *, n + 1);
  GString *joined = g_string_new (NULL);
  g_autofree char *t = NULL;
  g_autofree char *compact = NULL;
  int app = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *clean = ksp_source_clean_cell (raw_cells[i], NULL);
      cells[i] = strip_md (clean);
      if (*cells[i])
        g_string_append_printf (joined, "%s%s", joined->len ? " " : "", cells[i]);
    }
  t = g_string_free (joined, FALSE);
  if (*t == '\0')
    return;
  /* Letter-spaced lines («№ 6 9 0 б ұ й р ы ғ ы н а»): recognised without their spaces. */
  compact = g_strdup (t);
  g_strdelimit (compact, " ", '\x01');
  {
    char *w = compact;
    for (char *q = compact; *q; q++)
      if (*q != '\x01')
        *w++ = *q;
    *w = '\0';
  }
  /* Table rules «---». */
  if (strspn (t, "-| ") == strlen (t))
    return;

  if (r->standard == NULL && !r->next_is_standard)
    {
      if (ends_with_appendix (t, &app) && r->order && r->seen_preamble)
        {
          append (r->order, "appendix_header", t);
          r->next_is_standard = TRUE;
          return;
        }
      read_order (r, t);
      return;
    }

  if (ends_with_appendix (t, &app) || (g_utf8_strlen (compact, -1) < 40 && ends_with_appendix (compact, &app)))
    {
      if (strstr (compact, "бұйрығына") || r->header_order_pending)
        r->next_is_standard = TRUE;
      else
        r->appendix = app;
      r->header = FALSE;
      r->header_order_pending = FALSE;
      if (r->standard && !r->next_is_standard)
        {
          KspNode *note = add (r, r->standard, "note", NULL);
          ksp_node_set_value (note, "note_kind", KSP_LANG_NONE, "appendix_header");
          append (note, "text", t);
        }
      else if (r->order)
        append (r->order, "appendix_header", t);
      return;
    }
  if (r->next_is_standard)
    {
      if (strstr (compact, "кәсібистандарты"))
        {
          start_standard (r, t);
          return;
        }
      append (r->order, "appendix_header", t);
      return;
    }
  /* Lines of an appendix header block: «Қазақстан Республикасы / … / № 690 бұйрығына» or
   * ««…» / кәсіби стандартына». */
  if (strstr (compact, "бұйрығына") || (g_str_has_prefix (compact, "ҚазақстанРеспубликасы") && n == 1 && g_utf8_strlen (t, -1) < 60))
    {
      r->header_order_pending = strstr (compact, "бұйрығына") != NULL || r->header_order_pending;
      if (r->order)
        append (r->order, "appendix_header", t);
      return;
    }
  if (g_str_has_suffix (t, "стандартына") || (r->appendix == 0 && r->section == 7 && g_str_has_prefix (t, "«") &&
                                               n == 1 && g_utf8_strlen (t, -1) < 120) ||
      (r->appendix > 0 && g_str_has_prefix (t, "«") && n == 1 && !strstr (t, "еңбек қызметінің") &&
       g_utf8_strlen (t, -1) < 120 && !strstr (t, ".")))
    {
      KspNode *note = add (r, r->standard, "note", NULL);
      ksp_node_set_value (note, "note_kind", KSP_LANG_NONE, "appendix_header");
      append (note, "text", t);
      r->header_note = note;
      return;
    }
  if (r->header_note && n == 1 && g_str_has_suffix (t, "»") && g_utf8_strlen (t, -1) < 80)
    {
      append (r->header_note, "text", t);
      return;
    }
  r->header_note = NULL;

  /* Appendix titles, for the standards whose «N-қосымша» line is missing (004 S4, L1229). */
  if (r->standard && r->section >= 3)
    {
      int by_title = g_str_has_prefix (t, "Біліктілік деңгейлері бойынша") ? 1 :
                     strstr (t, "Ықтимал жұмыс орындары.") && g_ascii_isdigit (t[0]) ? 2 :
                     g_str_has_prefix (t, "КС бірліктерінің тізбесі") ? 3 :
                     g_str_has_prefix (t, "КС бірліктерінің сипаттамасы (функционалдық") ? 4 :
                     g_str_has_prefix (t, "Келісу парағы") ? 5 : 0;
      if (by_title && by_title != r->appendix)
        {
          r->appendix = by_title;
          r->block = NULL;
          r->unit = NULL;
        }
    }

  if (r->appendix == 0)
    {
      static gsize section_once; GRegex *section = _ksp_reader_cached_regex (&section_once, "^(\\d)\\.\\s*(Жалпы ережелер|КС паспорты|Еңбек қызметі түрлерінің|КС бірліктерінің тізімі|"
                                                "КС бірліктерінің сипаттамасы|Осы КС негізінде|КС әзірлеушілері)", 0);
      g_autoptr (GMatchInfo) m = NULL;
      if (g_regex_match (section, t, 0, &m))
        {
          g_autofree char *k = g_match_info_fetch (m, 1);
          structure (r, t, NULL);
          r->section = atoi (k);
          r->card = NULL;
          r->last = NULL;
          return;
        }
      read_body (r, t);
      return;
    }
  read_appendix_row (r, cells, raw_cells, t);
}

gboolean
_ksp_adilet_read_2013 (KspSource        *src,
                       KspNode          *doc,
                       KspImportReport  *report,
                       GError          **error)
{
  Reader r = { 0 };

  r.src = src;
  r.report = report;
  r.doc = doc;
  r.pending = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < src->lines->len; i++)
    {
      r.line = i + 1;
      read_line (&r, g_ptr_array_index (src->lines, i));
    }
  g_ptr_array_unref (r.pending);
  if (r.standard == NULL)
    {
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_FORMAT,
                   "%s: no standard «… кәсіби стандарты» found after the order", src->path);
      return FALSE;
    }
  if (r.technical == NULL || ksp_node_get_value (r.technical, "registration", KSP_LANG_KK) == NULL)
    {
      g_set_error (error, KSP_IMPORT_ERROR, KSP_IMPORT_ERROR_TRUNCATED,
                   "%s: line %u: the text stops before the last standard's approval sheet and registration "
                   "(appendix 5); the file seems cut off", src->path, r.line);
      return FALSE;
    }
  return TRUE;
}
