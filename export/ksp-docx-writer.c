/* ksp-docx-writer.c: the ministry's DOCX layout (see ksp-docx-writer.h) */
#include "config.h"

#include <gio/gio.h>
#include <libxml/parser.h>
#include <string.h>

#include "ksp-docx-builder.h"
#include "ksp-docx-text.h"
#include "ksp-docx-writer.h"
#include "ksp-source.h"
#include "ksp-xml-writer.h"

/* The ministry's A4 portrait page (ksp_docx_page_init_ministry): the width between its margins, in
 * twentieths of a point, and the card table's columns. */
#define TEXT_W (11906 - 1701 - 850)
#define LABEL_W 3402       /* 6 cm */
#define VALUE_W (TEXT_W - LABEL_W)

/* Headings and list labels that are not fields of the registry, in both languages. */
typedef struct
{
  const char *chapter[4];
  const char *terms;
  const char *abbreviations;
  const char *oked;
  const char *card_list;
  const char *card;
  const char *level_format; /* "%s уровень ОРК" */
  const char *tf_description;
  const char *tf_list;
  const char *tf_mandatory;
  const char *tf_additional;
  const char *tf_format;    /* "Трудовая функция %s:" */
  const char *tf_plain;     /* without a number */
  const char *skill_format; /* "Навык %s:" */
  const char *skill_plain;
  const char *abilities;
  const char *knowledge;
  const char *competencies;
  const char *ork_links;
  const char *ork_level;
  const char *ork_name;
  const char *izpi;
} Labels;

static const Labels labels_ru = {
  { "Глава 1. Общие положения", "Глава 2. Паспорт профессионального стандарта", "Глава 3. Карточки профессий",
    "Глава 4. Технические данные профессионального стандарта" },
  "В настоящем профессиональном стандарте применяются следующие термины и определения:",
  "В настоящем профессиональном стандарте применяются следующие сокращения:",
  "Указание секции, раздела, группы, класса и подкласса согласно ОКЭД:",
  "Перечень карточек профессий:",
  "Карточка профессии",
  "%s уровень ОРК",
  "Описание трудовых функций",
  "Перечень трудовых функций:",
  "Обязательные трудовые функции:",
  "Дополнительные трудовые функции:",
  "Трудовая функция %s:",
  "Трудовая функция:",
  "Навык %s:",
  "Навык:",
  "Умения:",
  "Знания:",
  "Требования к личностным компетенциям:",
  "Связь с другими профессиями в рамках ОРК:",
  "Уровень ОРК:",
  "Наименование профессии:",
  "Примечание ИЗПИ!",
};

static const Labels labels_kk = {
  { "1-тарау. Жалпы ережелер", "2-тарау. Кәсіптік стандарттың паспорты", "3-тарау. Кәсіптер карточкалары",
    "4-тарау. Кәсіптік стандарттың техникалық деректері" },
  "Осы кәсіптік стандартта мынадай терминдер мен анықтамалар қолданылады:",
  "Осы кәсіптік стандартта мынадай қысқартулар қолданылады:",
  "ЭҚЖЖ бойынша секцияны, бөлімді, топты, сыныпты және сыныпшаны көрсету:",
  "Кәсіп карточкаларының тізбесі:",
  "Кәсіп карточкасы",
  "СБШ бойынша %s біліктілік деңгейі",
  "Еңбек функцияларының сипаттамасы",
  "Еңбек функцияларының тізбесі:",
  "Міндетті еңбек функциялары:",
  "Қосымша еңбек функциялары:",
  "%s-еңбек функциясы:",
  "Еңбек функциясы:",
  "%s-дағды:",
  "Дағды:",
  "Іскерліктер:",
  "Білім:",
  "Жеке құзыреттерге қойылатын талаптар:",
  "СБШ шеңберінде басқа кәсіптермен байланысы:",
  "СБШ деңгейі:",
  "Кәсіптің атауы:",
  "ҚРЗАИ-ның ескертпесі!",
};

typedef struct
{
  KspDocxBuilder  *b;
  KspLang          lang;
  const Labels    *L;
  guint            para_no;     /* the standard's continuous paragraph numbering */
  gboolean         need_break;  /* the next standard starts on a new page */
  GHashTable      *done;        /* notes and loose elements already written */
  gboolean         text_only;   /* an element quoted on its own (an amending order): without the notes
                                 * the database added to it */
} Docx;

/* ---------------------------------------------------------------------------------------------- */
/* the card table's rows (the building blocks are in ksp-docx-builder.c)                          */

static const char *
value (Docx       *d,
       KspNode    *node,
       const char *field)
{
  const KspFieldSpec *spec = ksp_kind_lookup_field (ksp_node_get_kind_spec (node), field);
  KspLang l = ksp_field_is_bilingual (spec) ? d->lang : KSP_LANG_NONE;
  return ksp_node_get_value (node, field, l);
}

static const char *
label (Docx       *d,
       KspNode    *node,
       const char *field)
{
  return ksp_field_label (ksp_kind_lookup_field (ksp_node_get_kind_spec (node), field), d->lang);
}

/* A card row: label | value lines. */
static void
row (Docx       *d,
     const char *label_text,
     const char *text)
{
  ksp_docx_builder_row_begin (d->b, KSP_DOCX_ROW_CANT_SPLIT);
  ksp_docx_builder_cell_begin (d->b, LABEL_W, 1, KSP_DOCX_MERGE_NONE);
  ksp_docx_builder_paras (d->b, "KspCellLabel", KSP_DOCX_NONE, NULL, label_text);
  ksp_docx_builder_cell_end (d->b, TRUE);
  ksp_docx_builder_cell_begin (d->b, VALUE_W, 1, KSP_DOCX_MERGE_NONE);
  if (text && *text)
    ksp_docx_builder_paras (d->b, "KspCell", KSP_DOCX_NONE, NULL, text);
  ksp_docx_builder_cell_end (d->b, text && *text);
  ksp_docx_builder_row_end (d->b);
}

static void
wide_row (Docx       *d,
          const char *text,
          KspDocxFlags   flags)
{
  ksp_docx_builder_row_begin (d->b, KSP_DOCX_ROW_NONE);
  ksp_docx_builder_cell_begin (d->b, TEXT_W, 2, KSP_DOCX_MERGE_NONE);
  ksp_docx_builder_paras (d->b, "KspCell", flags, NULL, text);
  ksp_docx_builder_cell_end (d->b, TRUE);
  ksp_docx_builder_row_end (d->b);
}

/* ---------------------------------------------------------------------------------------------- */
/* elements                                                                                        */

static void
write_note (Docx    *d,
            KspNode *note)
{
  const char *kind = ksp_node_get_value (note, "note_kind", KSP_LANG_NONE);

  g_hash_table_add (d->done, note);
  if (g_strcmp0 (kind, "izpi") == 0 || g_strcmp0 (kind, "future_wording") == 0 ||
      g_strcmp0 (kind, "effective_date") == 0)
    ksp_docx_builder_paras (d->b, "KspNote", KSP_DOCX_BOLD | KSP_DOCX_ITALIC, NULL, d->L->izpi);
  ksp_docx_builder_paras (d->b, "KspNote", KSP_DOCX_ITALIC, NULL, value (d, note, "text"));
}

static void
write_not_placed (Docx    *d,
                  KspNode *node)
{
  g_hash_table_add (d->done, node);
  ksp_docx_builder_paras (d->b, "KspBody", KSP_DOCX_NONE, NULL, value (d, node, "text"));
}

/* Notes and loose text that stand before @upto among @parent's children, not yet written. */
static void
write_loose_before (Docx    *d,
                    KspNode *parent,
                    KspNode *upto)
{
  guint n = ksp_node_get_n_children (parent);

  if (d->text_only)
    return;
  for (guint i = 0; i < n; i++)
    {
      KspNode *c = ksp_node_get_child (parent, i);
      const char *kind = ksp_node_get_kind (c);
      if (c == upto)
        break;
      if (g_hash_table_contains (d->done, c))
        continue;
      if (g_str_equal (kind, "note"))
        write_note (d, c);
      else if (g_str_equal (kind, "not_placed"))
        write_not_placed (d, c);
    }
}

/* Notes and loose text that directly follow @node among its siblings (a note after the point it amends). */
static void
write_loose_after (Docx    *d,
                   KspNode *node)
{
  KspNode *parent = ksp_node_get_parent (node);
  guint pos = 0, n = ksp_node_get_n_children (parent);

  ksp_node_find_child (parent, node, &pos);
  for (guint i = pos + 1; i < n; i++)
    {
      KspNode *c = ksp_node_get_child (parent, i);
      const char *kind = ksp_node_get_kind (c);
      if (g_hash_table_contains (d->done, c))
        continue;
      if (g_str_equal (kind, "note"))
        write_note (d, c);
      else if (g_str_equal (kind, "not_placed"))
        write_not_placed (d, c);
      else
        break;
    }
}

static void
write_order (Docx    *d,
             KspNode *order)
{
  guint n = ksp_node_get_n_children (order);
  static const int columns[] = { LABEL_W, VALUE_W };
  const char *pos, *name, *header;

  if (value (d, order, "title"))
    ksp_docx_builder_paras (d->b, "KspTitle", KSP_DOCX_NONE, NULL, value (d, order, "title"));
  if (value (d, order, "act"))
    ksp_docx_builder_paras (d->b, "Normal", KSP_DOCX_CENTER, NULL, value (d, order, "act"));
  for (guint i = 0; i < n; i++)
    {
      KspNode *c = ksp_node_get_child (order, i);
      if (g_str_equal (ksp_node_get_kind (c), "note"))
        write_note (d, c);
    }
  if (value (d, order, "preamble"))
    ksp_docx_builder_paras (d->b, "KspBody", KSP_DOCX_NONE, NULL, value (d, order, "preamble"));
  for (guint i = 0; i < n; i++)
    {
      KspNode *item = ksp_node_get_child (order, i);
      if (g_str_equal (ksp_node_get_kind (item), "not_placed"))
        write_not_placed (d, item);
      if (!g_str_equal (ksp_node_get_kind (item), "order_item"))
        continue;
      ksp_docx_builder_paras (d->b, "KspBody", KSP_DOCX_NONE, ksp_node_get_number (item), value (d, item, "text"));
      for (guint j = 0; j < ksp_node_get_n_children (item); j++)
        {
          KspNode *sub = ksp_node_get_child (item, j);
          ksp_docx_builder_paras (d->b, "KspBody", KSP_DOCX_NONE, ksp_node_get_number (sub), value (d, sub, "text"));
        }
    }

  pos = value (d, order, "signature_position");
  name = value (d, order, "signature_name");
  if (pos || name)
    {
      /* The signature: a borderless two-cell table, position left, name right, after a blank line. */
      ksp_docx_builder_para_begin (d->b, "Normal", KSP_DOCX_NONE);
      ksp_docx_builder_para_end (d->b);
      ksp_docx_builder_table_begin (d->b, "TableNormal", FALSE, columns, G_N_ELEMENTS (columns));
      ksp_docx_builder_row_begin (d->b, KSP_DOCX_ROW_NONE);
      ksp_docx_builder_cell_begin (d->b, LABEL_W, 1, KSP_DOCX_MERGE_NONE);
      ksp_docx_builder_paras (d->b, "Normal", KSP_DOCX_BOLD, NULL, pos ? pos : "");
      ksp_docx_builder_cell_end (d->b, TRUE);
      ksp_docx_builder_cell_begin (d->b, VALUE_W, 1, KSP_DOCX_MERGE_NONE);
      ksp_docx_builder_paras (d->b, "Normal", KSP_DOCX_BOLD | KSP_DOCX_RIGHT, NULL, name ? name : "");
      ksp_docx_builder_cell_end (d->b, TRUE);
      ksp_docx_builder_row_end (d->b);
      ksp_docx_builder_table_end (d->b);
    }
  header = value (d, order, "appendix_header");
  if (header)
    {
      ksp_docx_builder_paras (d->b, "KspAppendixHeader", KSP_DOCX_PAGE_BREAK, NULL, header);
      d->need_break = FALSE;
    }
  else
    d->need_break = TRUE;
}

static void
numbered (Docx       *d,
          const char *label_text,
          const char *text)
{
  g_autofree char *no = g_strdup_printf ("%u.", d->para_no++);
  g_autofree char *head = g_strconcat (no, " ", label_text, NULL);
  ksp_docx_builder_paras (d->b, "KspBody", KSP_DOCX_NONE, head, text);
}

static guint
number_of (KspNode *node)
{
  const char *n = ksp_node_get_number (node);
  return n ? (guint) atoi (n) : 0;
}

static void
write_items (Docx       *d,
             KspNode    *parent,
             const char *kind,
             const char *heading)
{
  guint n = ksp_node_get_n_children (parent);
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      KspNode *c = ksp_node_get_child (parent, i);
      if (!g_str_equal (ksp_node_get_kind (c), kind))
        continue;
      if (!any && heading)
        ksp_docx_builder_paras (d->b, "KspCell", KSP_DOCX_ITALIC, NULL, heading);
      any = TRUE;
      ksp_docx_builder_paras (d->b, "KspCell", KSP_DOCX_NONE, ksp_node_get_number (c), value (d, c, "text"));
    }
}

static void
write_skill_block (Docx    *d,
                   KspNode *skill)
{
  const char *name = value (d, skill, "name");
  const char *no = ksp_node_get_number (skill);

  if (g_str_equal (ksp_node_get_kind (skill), "skill"))
    {
      g_autofree char *head = no ? g_strdup_printf (d->L->skill_format, no) : g_strdup (d->L->skill_plain);
      ksp_docx_builder_paras (d->b, "KspCell", KSP_DOCX_BOLD, NULL, head);
      if (name && *name)
        ksp_docx_builder_paras (d->b, "KspCell", KSP_DOCX_NONE, NULL, name);
    }
  write_items (d, skill, "ability", d->L->abilities);
  write_items (d, skill, "knowledge", d->L->knowledge);
  write_items (d, skill, "competency", NULL);
  if (g_str_equal (ksp_node_get_kind (skill), "skill") && value (d, skill, "recognition"))
    {
      ksp_docx_builder_paras (d->b, "KspCell", KSP_DOCX_NONE, NULL, label (d, skill, "recognition"));
      if (*value (d, skill, "recognition"))
        ksp_docx_builder_paras (d->b, "KspCell", KSP_DOCX_NONE, NULL, value (d, skill, "recognition"));
    }
  for (guint i = 0; i < ksp_node_get_n_children (skill); i++)
    {
      KspNode *c = ksp_node_get_child (skill, i);
      if (g_str_equal (ksp_node_get_kind (c), "not_placed"))
        ksp_docx_builder_paras (d->b, "KspCell", KSP_DOCX_NONE, NULL, value (d, c, "text"));
    }
}

/* A labour function: its heading in the left cell (merged down over its skills), a skill per row. */
static void
write_function (Docx    *d,
                KspNode *fn)
{
  g_autofree char *head = ksp_node_get_number (fn) ? g_strdup_printf (d->L->tf_format, ksp_node_get_number (fn))
                                                   : g_strdup (d->L->tf_plain);
  GPtrArray *skills = g_ptr_array_new ();
  gboolean direct_items = FALSE;
  guint rows;

  for (guint i = 0; i < ksp_node_get_n_children (fn); i++)
    {
      KspNode *c = ksp_node_get_child (fn, i);
      const char *kind = ksp_node_get_kind (c);
      if (g_str_equal (kind, "skill"))
        g_ptr_array_add (skills, c);
      else if (g_str_equal (kind, "ability") || g_str_equal (kind, "knowledge") || g_str_equal (kind, "competency"))
        direct_items = TRUE;
    }
  rows = MAX (1u, skills->len) + (direct_items && skills->len ? 1 : 0);
  for (guint r = 0; r < rows; r++)
    {
      gboolean last = r + 1 == rows;
      /* A skill stays on one page (unless it is longer than a page). */
      ksp_docx_builder_row_begin (d->b, KSP_DOCX_ROW_CANT_SPLIT);
      ksp_docx_builder_cell_begin (d->b, LABEL_W, 1, rows > 1 ? (r == 0 ? KSP_DOCX_MERGE_RESTART : KSP_DOCX_MERGE_CONTINUE) : KSP_DOCX_MERGE_NONE);
      if (r == 0)
        {
          ksp_docx_builder_paras (d->b, "KspCellLabel", KSP_DOCX_NONE, NULL, head);
          if (value (d, fn, "name") && *value (d, fn, "name"))
            ksp_docx_builder_paras (d->b, "KspCell", KSP_DOCX_NONE, NULL, value (d, fn, "name"));
        }
      ksp_docx_builder_cell_end (d->b, r == 0);
      ksp_docx_builder_cell_begin (d->b, VALUE_W, 1, KSP_DOCX_MERGE_NONE);
      if (r < skills->len)
        write_skill_block (d, g_ptr_array_index (skills, r));
      else if (direct_items)
        write_skill_block (d, fn);
      if (last && value (d, fn, "recognition"))
        {
          ksp_docx_builder_paras (d->b, "KspCell", KSP_DOCX_NONE, NULL, label (d, fn, "recognition"));
          if (*value (d, fn, "recognition"))
            ksp_docx_builder_paras (d->b, "KspCell", KSP_DOCX_NONE, NULL, value (d, fn, "recognition"));
        }
      ksp_docx_builder_cell_end (d->b, r < skills->len || direct_items || (last && value (d, fn, "recognition")));
      ksp_docx_builder_row_end (d->b);
    }
  g_ptr_array_unref (skills);
}

static GString *
lines_of (Docx       *d,
          KspNode    *card,
          const char *kind,
          char     *(*format) (Docx *, KspNode *))
{
  GString *s = NULL;

  for (guint i = 0; i < ksp_node_get_n_children (card); i++)
    {
      KspNode *c = ksp_node_get_child (card, i);
      g_autofree char *line = NULL;
      if (!g_str_equal (ksp_node_get_kind (c), kind))
        continue;
      line = format (d, c);
      if (s == NULL)
        s = g_string_new (line);
      else
        g_string_append_printf (s, "\n%s", line);
    }
  return s;
}

static char *
format_text (Docx    *d,
             KspNode *n)
{
  return g_strdup (value (d, n, "text") ? value (d, n, "text") : "");
}

/* An experience line; its category is printed before it when the text does not say it (the 2013 layout
 * kept the category in a column of its own), so that the Word document shows all that the model holds. */
static char *
format_experience (Docx    *d,
                   KspNode *n)
{
  const char *text = value (d, n, "text") ? value (d, n, "text") : "";
  const char *category = ksp_node_get_value (n, "category", KSP_LANG_NONE);
  g_autofree char *lower_text = g_utf8_strdown (text, -1);
  g_autofree char *lower_category = category ? g_utf8_strdown (category, -1) : NULL;

  if (category == NULL || *category == '\0' || strstr (lower_text, lower_category))
    return g_strdup (text);
  {
    /* «высшая» is said by «высшей категории»: compare the first four letters of a word category */
    g_autofree char *stem = g_utf8_strlen (lower_category, -1) > 4 ? g_utf8_substring (lower_category, 0, 4) : NULL;
    if (stem && strstr (lower_text, stem))
      return g_strdup (text);
  }
  return g_strdup_printf ("%s %s: %s", label (d, n, "category"), category, text);
}

static char *
format_other_name (Docx    *d,
                   KspNode *n)
{
  const char *code = ksp_node_get_value (n, "code", KSP_LANG_NONE);
  const char *name = value (d, n, "name");
  return code ? g_strdup_printf ("%s - %s", code, name ? name : "") : g_strdup (name ? name : "");
}

static char *
format_tech_reg (Docx    *d,
                 KspNode *n)
{
  const char *des = ksp_node_get_value (n, "designation", KSP_LANG_NONE);
  const char *title = value (d, n, "title");
  return g_strjoin (" ", des ? des : "", title ? title : "", NULL);
}

static char *
format_education (Docx    *d,
                  KspNode *n)
{
  GString *s = g_string_new (NULL);
  static const char *const fields[] = { "level", "specialty", "qualification" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *v = value (d, n, fields[i]);
      if (v == NULL)
        continue;
      if (s->len)
        g_string_append_c (s, '\n');
      g_string_append_printf (s, "%s%s%s", label (d, n, fields[i]), *v ? " " : "", v);
    }
  return g_string_free (s, FALSE);
}

static char *
format_ork_link (Docx    *d,
                 KspNode *n)
{
  const char *level = ksp_node_get_value (n, "level", KSP_LANG_NONE);
  const char *name = value (d, n, "name");
  GString *s = g_string_new (NULL);

  if (level)
    g_string_append_printf (s, "%s %s", d->L->ork_level, level);
  if (name)
    g_string_append_printf (s, "%s%s %s", s->len ? "\n" : "", d->L->ork_name, name);
  return g_string_free (s, FALSE);
}

static void
write_list_row (Docx       *d,
                KspNode    *card,
                const char *kind,
                const char *row_label,
                char     *(*format) (Docx *, KspNode *))
{
  g_autoptr (GString) s = lines_of (d, card, kind, format);
  if (s)
    row (d, row_label, s->str);
}

static void
write_card (Docx    *d,
            KspNode *card)
{
  const KspKindSpec *spec = ksp_node_get_kind_spec (card);
  const char *title = value (d, card, "title");
  g_autofree char *heading = NULL;
  GString *tf_list = g_string_new (NULL);
  gboolean lists_done[2] = { FALSE, FALSE };
  static const int columns[] = { LABEL_W, VALUE_W };

  write_loose_before (d, ksp_node_get_parent (card), card);
  heading = g_strdup_printf ("%s%s%s «%s»", ksp_node_get_number (card) ? ksp_node_get_number (card) : "",
                             ksp_node_get_number (card) ? " " : "", d->L->card, title ? title : "");
  ksp_docx_builder_paras (d->b, "KspCardHeading", KSP_DOCX_NONE, NULL, heading);

  ksp_docx_builder_table_begin (d->b, "KspCardTable", TRUE, columns, G_N_ELEMENTS (columns));
  /* Fields in the order of the 2024 layout, with the lists that sit between them: education and
   * experience before the non-formal link, other names before the purpose. */
  for (guint f = 0; f <= spec->n_fields; f++)
    {
      const char *name = f < spec->n_fields ? spec->fields[f].name : NULL;
      const char *v = name ? value (d, card, name) : NULL;

      if (!lists_done[0] && (name == NULL || g_str_equal (name, "nonformal")))
        {
          write_list_row (d, card, "education", d->lang == KSP_LANG_KK ? "Кәсіптік білім деңгейі:"
                                                                       : "Уровень профессионального образования:",
                          format_education);
          write_list_row (d, card, "experience",
                          ksp_field_label (ksp_kind_lookup_field (ksp_schema_lookup_kind ("experience"), "text"), d->lang),
                          format_experience);
          lists_done[0] = TRUE;
        }
      if (!lists_done[1] && (name == NULL || g_str_equal (name, "purpose")))
        {
          write_list_row (d, card, "other_name",
                          ksp_field_label (ksp_kind_lookup_field (ksp_schema_lookup_kind ("other_name"), "name"), d->lang),
                          format_other_name);
          lists_done[1] = TRUE;
        }
      if (name == NULL || g_str_equal (name, "title") || v == NULL)
        continue;
      row (d, ksp_field_label (&spec->fields[f], d->lang), v);
    }

  /* The list of labour functions, then each function. */
  for (int pass = 0; pass < 2; pass++)
    {
      const char *want = pass == 0 ? "mandatory" : "additional";
      gboolean any = FALSE;
      for (guint i = 0; i < ksp_node_get_n_children (card); i++)
        {
          KspNode *fn = ksp_node_get_child (card, i);
          const char *list_name = g_str_equal (ksp_node_get_kind (fn), "function") ? value (d, fn, "list_name") : NULL;
          const char *kind = list_name ? ksp_node_get_value (fn, "function_kind", KSP_LANG_NONE) : NULL;
          if (list_name == NULL || g_strcmp0 (kind ? kind : "mandatory", want) != 0)
            continue;
          if (!any)
            g_string_append_printf (tf_list, "%s%s", tf_list->len ? "\n" : "",
                                    pass == 0 ? d->L->tf_mandatory : d->L->tf_additional);
          any = TRUE;
          g_string_append_printf (tf_list, "\n%s%s%s", ksp_node_get_number (fn) ? ksp_node_get_number (fn) : "",
                                  ksp_node_get_number (fn) ? ". " : "", list_name);
        }
    }
  if (tf_list->len)
    {
      wide_row (d, d->L->tf_description, KSP_DOCX_BOLD);
      row (d, d->L->tf_list, tf_list->str);
    }
  g_string_free (tf_list, TRUE);
  for (guint i = 0; i < ksp_node_get_n_children (card); i++)
    {
      KspNode *fn = ksp_node_get_child (card, i);
      if (g_str_equal (ksp_node_get_kind (fn), "function") &&
          (value (d, fn, "name") || ksp_node_get_n_children (fn) > 0 || value (d, fn, "recognition")))
        write_function (d, fn);
    }

  write_list_row (d, card, "competency", d->L->competencies, format_text);
  write_list_row (d, card, "tech_reg",
                  ksp_field_label (ksp_kind_lookup_field (ksp_schema_lookup_kind ("tech_reg"), "title"), d->lang),
                  format_tech_reg);
  write_list_row (d, card, "ork_link", d->L->ork_links, format_ork_link);
  for (guint i = 0; i < ksp_node_get_n_children (card); i++)
    {
      KspNode *c = ksp_node_get_child (card, i);
      const char *kind = ksp_node_get_kind (c);
      if ((g_str_equal (kind, "note") && !d->text_only) || g_str_equal (kind, "not_placed"))
        wide_row (d, value (d, c, "text"), g_str_equal (kind, "note") ? KSP_DOCX_ITALIC : KSP_DOCX_NONE);
    }
  ksp_docx_builder_table_end (d->b);
  /* A table directly followed by another needs a paragraph between them. */
  ksp_docx_builder_para_begin (d->b, "KspBody", KSP_DOCX_NONE);
  ksp_docx_builder_para_end (d->b);
}

static void
write_technical (Docx    *d,
                 KspNode *tech)
{
  const KspKindSpec *spec = ksp_node_get_kind_spec (tech);

  ksp_docx_builder_paras (d->b, "KspChapter", KSP_DOCX_NONE, NULL, d->L->chapter[3]);
  for (guint f = 0; f < spec->n_fields; f++)
    {
      const char *name = spec->fields[f].name;
      const char *v = value (d, tech, name);
      /* The ISO dates are read from the approvals' text; the executors go with the state body. */
      if (v == NULL || g_str_equal (name, "sector_council_date") || g_str_equal (name, "national_body_date") ||
          g_str_equal (name, "atameken_date") || g_str_equal (name, "state_executors"))
        continue;
      if (g_str_equal (name, "state_body"))
        {
          /* The state body and its executors are one paragraph of chapter 4. */
          const char *ex = value (d, tech, "state_executors");
          g_autofree char *both = ex ? g_strconcat (v, "\n", ex, NULL) : g_strdup (v);
          numbered (d, ksp_field_label (&spec->fields[f], d->lang), NULL);
          ksp_docx_builder_paras (d->b, "KspBody", KSP_DOCX_NONE, NULL, both);
          continue;
        }
      if (strchr (v, '\n'))
        {
          numbered (d, ksp_field_label (&spec->fields[f], d->lang), NULL);
          ksp_docx_builder_paras (d->b, "KspBody", KSP_DOCX_NONE, NULL, v);
        }
      else
        numbered (d, ksp_field_label (&spec->fields[f], d->lang), v);
    }
}

static void
write_standard (Docx    *d,
                KspNode *std)
{
  guint n = ksp_node_get_n_children (std);
  gboolean ch1 = FALSE, ch2 = FALSE, ch3 = FALSE;
  const char *title = value (d, std, "title");
  const char *last_kind = NULL;
  guint max_card = 0;

  ksp_docx_builder_paras (d->b, "KspTitle", d->need_break ? KSP_DOCX_PAGE_BREAK : KSP_DOCX_NONE, NULL,
         title ? title : (value (d, std, "name") ? value (d, std, "name") : ""));
  d->need_break = TRUE;
  d->para_no = 1;

#define CHAPTER(flag, i) G_STMT_START { if (!flag) { ksp_docx_builder_paras (d->b, "KspChapter", KSP_DOCX_NONE, NULL, d->L->chapter[i]); flag = TRUE; } } G_STMT_END

  if (value (d, std, "scope"))
    {
      CHAPTER (ch1, 0);
      numbered (d, label (d, std, "scope"), value (d, std, "scope"));
    }
  for (guint i = 0; i < n; i++)
    {
      KspNode *c = ksp_node_get_child (std, i);
      const char *kind = ksp_node_get_kind (c);
      gboolean first = g_strcmp0 (kind, last_kind) != 0;

      if (g_str_equal (kind, "term") || g_str_equal (kind, "abbreviation"))
        {
          gboolean is_term = g_str_equal (kind, "term");
          CHAPTER (ch1, 0);
          write_loose_before (d, std, c);
          if (first)
            numbered (d, is_term ? d->L->terms : d->L->abbreviations, NULL);
          {
            const char *a = value (d, c, is_term ? "term" : "abbr");
            const char *b = value (d, c, is_term ? "definition" : "expansion");
            g_autofree char *line = b ? g_strdup_printf ("%s – %s", a ? a : "", b) : g_strdup (a ? a : "");
            ksp_docx_builder_paras (d->b, "KspBody", KSP_DOCX_NONE, ksp_node_get_number (c), line);
          }
          write_loose_after (d, c);
          last_kind = kind;
        }
    }
  /* Chapter 2: the passport. */
  if (value (d, std, "name") || value (d, std, "code"))
    {
      CHAPTER (ch2, 1);
      if (value (d, std, "name"))
        numbered (d, label (d, std, "name"), value (d, std, "name"));
      if (value (d, std, "code"))
        numbered (d, label (d, std, "code"), value (d, std, "code"));
    }
  last_kind = NULL;
  for (guint i = 0; i < n; i++)
    {
      KspNode *c = ksp_node_get_child (std, i);
      const char *kind = ksp_node_get_kind (c);
      if (!g_str_equal (kind, "oked"))
        continue;
      CHAPTER (ch2, 1);
      write_loose_before (d, std, c);
      if (last_kind == NULL)
        numbered (d, d->L->oked, NULL);
      last_kind = kind;
      {
        static const char *const ranks[] = { "section", "division", "group", "class", "subclass" };
        for (guint r = 0; r < G_N_ELEMENTS (ranks); r++)
          {
            g_autofree char *cf = g_strconcat (ranks[r], "_code", NULL);
            g_autofree char *nf = g_strconcat (ranks[r], "_name", NULL);
            const char *code = ksp_node_get_value (c, cf, KSP_LANG_NONE);
            const char *name = value (d, c, nf);
            if (code || name)
              {
                g_autofree char *line = g_strjoin (" ", code ? code : "", name ? name : "", NULL);
                ksp_docx_builder_paras (d->b, "KspBody", KSP_DOCX_NONE, NULL, line);
              }
          }
      }
    }
  if (value (d, std, "description"))
    {
      CHAPTER (ch2, 1);
      numbered (d, label (d, std, "description"), value (d, std, "description"));
    }
  {
    static const char *const more[] = { "purpose", "professional_group", "professional_subgroup", NULL };
    for (guint i = 0; more[i]; i++)
      if (value (d, std, more[i]))
        {
          CHAPTER (ch2, 1);
          numbered (d, label (d, std, more[i]), value (d, std, more[i]));
        }
  }
  last_kind = NULL;
  for (guint i = 0; i < n; i++)
    {
      KspNode *c = ksp_node_get_child (std, i);
      if (!g_str_equal (ksp_node_get_kind (c), "card_list_entry"))
        continue;
      CHAPTER (ch2, 1);
      write_loose_before (d, std, c);
      if (last_kind == NULL)
        numbered (d, d->L->card_list, NULL);
      last_kind = "card_list_entry";
      {
        const char *name = value (d, c, "name");
        const char *level = ksp_node_get_value (c, "ork_level", KSP_LANG_NONE);
        g_autofree char *lvl = level ? g_strdup_printf (d->L->level_format, level) : NULL;
        g_autofree char *line = lvl ? g_strdup_printf ("%s – %s;", name ? name : "", lvl) : g_strdup (name ? name : "");
        ksp_docx_builder_paras (d->b, "KspBody", KSP_DOCX_NONE, ksp_node_get_number (c), line);
      }
      write_loose_after (d, c);
    }
  if (value (d, std, "appendix_title"))
    ksp_docx_builder_paras (d->b, "KspChapter", KSP_DOCX_NONE, NULL, value (d, std, "appendix_title"));

  /* Chapter 3: the cards, and the provisions between them. */
  for (guint i = 0; i < n; i++)
    {
      KspNode *c = ksp_node_get_child (std, i);
      const char *kind = ksp_node_get_kind (c);
      if (g_str_equal (kind, "card"))
        {
          CHAPTER (ch3, 2);
          write_card (d, c);
          max_card = MAX (max_card, number_of (c));
        }
      else if (g_str_equal (kind, "provision"))
        {
          write_loose_before (d, std, c);
          ksp_docx_builder_paras (d->b, "KspBody", KSP_DOCX_NONE, ksp_node_get_number (c), value (d, c, "text"));
        }
    }
  if (max_card)
    d->para_no = max_card + 1;
  for (guint i = 0; i < n; i++)
    {
      KspNode *c = ksp_node_get_child (std, i);
      if (g_str_equal (ksp_node_get_kind (c), "technical"))
        {
          write_loose_before (d, std, c);
          write_technical (d, c);
        }
    }
  write_loose_before (d, std, NULL);
#undef CHAPTER
}

static char *
document_xml (KspNode  *root,
              KspLang   lang,
              gsize    *out_length,
              char    **out_fingerprint,
              GError  **error)
{
  Docx d = { 0 };
  KspDocxPage page;
  char *out;

  if (!ksp_docx_check_tree_text (root, error))
    return NULL;
  ksp_docx_page_init_ministry (&page, FALSE);
  d.b = ksp_docx_builder_new (&page);
  d.lang = lang == KSP_LANG_KK ? KSP_LANG_KK : KSP_LANG_RU;
  d.L = d.lang == KSP_LANG_KK ? &labels_kk : &labels_ru;
  d.done = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < ksp_node_get_n_children (root); i++)
    {
      KspNode *c = ksp_node_get_child (root, i);
      const char *kind = ksp_node_get_kind (c);
      if (g_str_equal (kind, "order"))
        write_order (&d, c);
      else if (g_str_equal (kind, "standard"))
        write_standard (&d, c);
      else if (g_str_equal (kind, "not_placed"))
        write_not_placed (&d, c);
    }
  out = ksp_docx_builder_finish (d.b, out_length);
  if (out_fingerprint)
    *out_fingerprint = g_strdup (ksp_docx_builder_get_fingerprint (d.b));
  ksp_docx_builder_free (d.b);
  g_hash_table_unref (d.done);
  return out;
}

/**
 * ksp_docx_writer_write_element:
 * @builder: a document being built on the template of the standard's DOCX (its styles)
 * @element: a profession card
 *
 * Writes @element as the standard's DOCX lays it out — a card as its heading and its two-column table
 * with the labour functions, skills, abilities and knowledge — without the notes the database added to
 * it, for a document that quotes it (the amending order restating a card).
 *
 * Returns: %FALSE (nothing written) for an element of a kind that has no layout of its own
 */
gboolean
ksp_docx_writer_write_element (KspDocxBuilder *builder,
                               KspNode        *element,
                               KspLang         lang)
{
  Docx d = { 0 };

  g_return_val_if_fail (builder != NULL, FALSE);
  g_return_val_if_fail (KSP_IS_NODE (element), FALSE);
  if (!g_str_equal (ksp_node_get_kind (element), "card"))
    return FALSE;
  d.b = builder;
  d.lang = lang == KSP_LANG_KK ? KSP_LANG_KK : KSP_LANG_RU;
  d.L = d.lang == KSP_LANG_KK ? &labels_kk : &labels_ru;
  d.done = g_hash_table_new (NULL, NULL);
  d.text_only = TRUE;
  write_card (&d, element);
  g_hash_table_unref (d.done);
  return TRUE;
}

/**
 * ksp_docx_writer_fingerprint:
 *
 * Returns: the fingerprint of the visible text ksp_docx_writer_write_file() would write for @root in
 * @lang (as ksp_docx_text_fingerprint() reads it back from the package), or %NULL with an error
 */
char *
ksp_docx_writer_fingerprint (KspNode  *root,
                             KspLang   lang,
                             GError  **error)
{
  char *fingerprint = NULL;
  g_autofree char *doc = document_xml (root, lang, NULL, &fingerprint, error);

  if (doc == NULL)
    g_clear_pointer (&fingerprint, g_free);
  return fingerprint;
}

char *
ksp_docx_writer_document_xml (KspNode  *root,
                              KspLang   lang,
                              gsize    *out_length,
                              GError  **error)
{
  return document_xml (root, lang, out_length, NULL, error);
}

/* ---------------------------------------------------------------------------------------------- */
/* the package                                                                                     */

/* The title of the package: the first standard's name. */
static char *
core_xml (KspNode *root,
          KspLang  lang)
{
  KspNode *std = NULL;

  for (guint i = 0; i < ksp_node_get_n_children (root) && !std; i++)
    if (g_str_equal (ksp_node_get_kind (ksp_node_get_child (root, i)), "standard"))
      std = ksp_node_get_child (root, i);
  return ksp_docx_core_xml (std ? ksp_node_get_value (std, "name", lang) : NULL, lang);
}

typedef struct
{
  KspNode *root;
  char    *xml;
  GError  *error;
} ModelJob;

/* Runs in a second thread while the first writes word/document.xml; both only read the tree (KspNode's
 * child accessors read a plain array, so that is safe). */
static gpointer
write_model (gpointer data)
{
  ModelJob *job = data;
  gsize len = 0;

  job->xml = ksp_xml_writer_write (job->root, NULL, &len, &job->error);
  return NULL;
}

/* The model, with a fingerprint of the visible text it was written with. */
static char *
custom_xml (const char *kasip,
            const char *fingerprint,
            KspLang     lang)
{
  GString *s;
  const char *body;

  /* <kasipDocx fingerprint="…"> around the Kasip XML document (its XML declaration removed). */
  body = strstr (kasip, "?>");
  body = body ? body + 2 : kasip;
  s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
  g_string_append_printf (s, "<kasipDocx xmlns=\"urn:kasip:docx:1\" fingerprint=\"%s\" lang=\"%s\">", fingerprint,
                          lang == KSP_LANG_KK ? "kk" : "ru");
  g_string_append (s, body);
  g_string_append (s, "</kasipDocx>\n");
  return g_string_free (s, FALSE);
}

gboolean
ksp_docx_writer_write_file (KspNode     *root,
                            KspLang      lang,
                            const char  *path,
                            GError     **error)
{
  gsize doc_len = 0;
  g_autofree char *fingerprint = NULL;
  g_autofree char *doc = NULL;
  g_autoptr (KspDocxPackage) package = NULL;
  ModelJob job = { root, NULL, NULL };
  GThread *thread;
  char *custom;
  char *core;

  /* libxml2 sets up its globals on first use; two threads must not race to do it. */
  xmlInitParser ();
  thread = g_thread_new ("kasip-docx-model", write_model, &job);

  doc = document_xml (root, lang, &doc_len, &fingerprint, error);
  g_thread_join (thread);
  if (doc == NULL || job.xml == NULL)
    {
      if (doc && job.error)
        g_propagate_error (error, job.error);
      else
        g_clear_error (&job.error);
      g_free (job.xml);
      return FALSE;
    }
  custom = custom_xml (job.xml, fingerprint, lang);
  g_free (job.xml);

  if (!(package = ksp_docx_package_new (error)))
    {
      g_free (custom);
      return FALSE;
    }
  if (!ksp_docx_package_add_template (package, TRUE, error) ||
      !(core = core_xml (root, lang)) ||
      !ksp_docx_package_add (package, "docProps/core.xml", core, strlen (core), error))
    {
      g_free (custom);
      return FALSE;
    }
  if (!ksp_docx_package_add (package, "word/document.xml", g_steal_pointer (&doc), doc_len, error) ||
      !ksp_docx_package_add (package, "customXml/item1.xml", custom, strlen (custom), error))
    return FALSE;
  return ksp_docx_package_write_file (package, path, error);
}
