/* ksp-comparative-table.c: the ministry's comparative table (see ksp-comparative-table.h) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ksp-comparative-table.h"
#include "ksp-docx-builder.h"
#include "ksp-node-path.h"

/* The columns on A4 landscape between the template's margins (14 287 twentieths of a point). */
#define COL_NO 680
#define COL_UNIT 2835      /* 5 cm */
#define COL_WORDING 4252   /* 7.5 cm each */
#define COL_REASON 2268    /* 4 cm */

#define HEADING_SIZE 28    /* 14 pt */

typedef struct
{
  const char *title;
  const char *subtitle;      /* "… «%s»": the standard's name */
  const char *columns[5];
  const char *absent;        /* the old side has nothing */
  const char *remove;        /* the new side has nothing */
  const char *none;          /* no changes */
  const char *renumbered;    /* "(нумерация изменена: %s)" */
  const char *number_field;  /* a change of the field "number" */
  const char *function;      /* "Трудовая функция %s:" */
  const char *skill;         /* "Навык %s:" */
  const char *abilities;
  const char *knowledge;
} Labels;

static const Labels labels_ru = {
  "Сравнительная таблица",
  "к проекту изменений в профессиональный стандарт «%s»",
  { "№ п/п", "Структурная единица", "Действующая редакция", "Предлагаемая редакция", "Обоснование" },
  "Отсутствует",
  "Исключить",
  "Изменений нет",
  "(нумерация изменена: %s)",
  "нумерация",
  "Трудовая функция %s:",
  "Навык %s:",
  "Умения:",
  "Знания:",
};

static const Labels labels_kk = {
  "Салыстырмалы кесте",
  "«%s» кәсіптік стандартына өзгерістер енгізу жобасына",
  { "Р/с №", "Құрылымдық бірлік", "Қолданыстағы редакция", "Ұсынылатын редакция", "Негіздеме" },
  "Жоқ",
  "Алып тастау",
  "Өзгерістер жоқ",
  "(нөмірленуі өзгертілді: %s)",
  "нөмірленуі",
  "%s-еңбек функциясы:",
  "%s-дағды:",
  "Іскерліктер:",
  "Білім:",
};

typedef struct
{
  KspDocxBuilder *b;
  KspLang         lang;
  const Labels   *L;
} Table;

/* ---------------------------------------------------------------------------------------------- */
/* an element's text                                                                               */

static gboolean
has_text (const char *v)
{
  return ksp_value_state (v) == KSP_VALUE_TEXT;
}

static const char *
field_value (KspNode            *node,
             const KspFieldSpec *field,
             KspLang             lang)
{
  return ksp_node_get_value (node, field->name, ksp_field_is_bilingual (field) ? lang : KSP_LANG_NONE);
}

/* The value as a reader sees it: a choice by its label. */
static const char *
shown_value (const KspFieldSpec *field,
             const char         *v,
             KspLang             lang)
{
  const KspChoice *choice = field->choices ? ksp_field_lookup_choice (field, v) : NULL;
  return choice ? ksp_choice_label (choice, lang) : v;
}

static char *
label_without_colon (const KspFieldSpec *field,
                     KspLang             lang)
{
  char *label = g_strdup (ksp_field_label (field, lang));
  gsize len = strlen (label);

  while (len > 0 && (label[len - 1] == ':' || label[len - 1] == ' '))
    label[--len] = '\0';
  return label;
}

/* The number as written, without a trailing dot (for «Навык 1:»). */
static char *
bare_number (KspNode *node)
{
  char *n = g_strstrip (g_strdup (ksp_node_get_number (node)));
  gsize len = strlen (n);

  if (len > 0 && n[len - 1] == '.')
    n[len - 1] = '\0';
  return n;
}

/* The element's heading: «10. Карточка профессии «…»», «Навык 1: …», «2. …». */
static void
append_head (Table   *t,
             GString *out,
             KspNode *node)
{
  const KspKindSpec *spec = ksp_node_get_kind_spec (node);
  const KspFieldSpec *tf = spec->title_field ? ksp_kind_lookup_field (spec, spec->title_field) : NULL;
  const char *title = tf ? field_value (node, tf, t->lang) : NULL;
  const char *kind = ksp_node_get_kind (node);
  const char *number = ksp_node_get_number (node);
  gboolean has_number = number && *number;

  if (g_str_equal (kind, "card"))
    g_string_append_printf (out, "%s%s%s «%s»", has_number ? number : "", has_number ? " " : "",
                            ksp_kind_label (spec, t->lang), has_text (title) ? title : "");
  else if (g_str_equal (kind, "function") || g_str_equal (kind, "skill"))
    {
      g_autofree char *n = has_number ? bare_number (node) : NULL;
      g_autofree char *head = n && *n ? g_strdup_printf (g_str_equal (kind, "skill") ? t->L->skill : t->L->function, n)
                                      : g_strdup_printf ("%s:", ksp_kind_label (spec, t->lang));
      g_string_append (out, head);
      if (has_text (title))
        g_string_append_printf (out, " %s", title);
    }
  else
    {
      if (has_number)
        g_string_append_printf (out, "%s%s", number, has_text (title) ? " " : "");
      if (has_text (title))
        g_string_append (out, shown_value (tf, title, t->lang));
      else if (!has_number)
        g_string_append (out, ksp_kind_label (spec, t->lang));
    }
}

/* @text case-folded, without blanks and a full stop at its ends. */
static char *
comparable (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text ? text : "", -1);
  char *s = g_strstrip (g_steal_pointer (&folded));
  gsize len = strlen (s);

  while (len > 0 && (s[len - 1] == '.' || s[len - 1] == ' '))
    s[--len] = '\0';
  return s;
}

/* The fields other than the title, each «Label: value», joined by @sep. */
static void
append_fields (Table      *t,
               GString    *out,
               KspNode    *node,
               const char *sep)
{
  const KspKindSpec *spec = ksp_node_get_kind_spec (node);

  for (guint f = 0; f < spec->n_fields; f++)
    {
      const KspFieldSpec *field = &spec->fields[f];
      const char *v = field_value (node, field, t->lang);
      g_autofree char *label = NULL;

      if (!has_text (v) || (field->flags & (KSP_FIELD_META | KSP_FIELD_DERIVED)) ||
          g_strcmp0 (field->name, spec->title_field) == 0)
        continue;
      /* a labour function's line in the list is its name again, as a rule */
      if (g_str_equal (field->name, "list_name"))
        {
          const char *name = ksp_node_get_value (node, "name", t->lang);
          g_autofree char *a = comparable (v);
          g_autofree char *b = comparable (name);
          if (g_str_equal (a, b))
            continue;
        }
      label = label_without_colon (field, t->lang);
      g_string_append_printf (out, "%s%s: %s", sep, label, shown_value (field, v, t->lang));
    }
}

/* Each element below @node on a line of its own, abilities and knowledge under their headings. */
static void
append_subtree (Table   *t,
                GString *out,
                KspNode *node)
{
  const char *last_kind = NULL;

  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    {
      KspNode *c = ksp_node_get_child (node, i);
      const char *kind = ksp_node_get_kind (c);

      if (g_strcmp0 (kind, last_kind) != 0 && (g_str_equal (kind, "ability") || g_str_equal (kind, "knowledge")))
        g_string_append_printf (out, "\n%s", g_str_equal (kind, "ability") ? t->L->abilities : t->L->knowledge);
      last_kind = kind;
      g_string_append_c (out, '\n');
      /* what is not a numbered item is named by its kind: «Требования к опыту работы: …» */
      if (!has_text (ksp_node_get_number (c)) && !g_str_equal (kind, "ability") && !g_str_equal (kind, "knowledge") &&
          !g_str_equal (kind, "function") && !g_str_equal (kind, "skill"))
        g_string_append_printf (out, "%s: ", ksp_kind_label (ksp_node_get_kind_spec (c), t->lang));
      append_head (t, out, c);
      append_fields (t, out, c, "; ");
      append_subtree (t, out, c);
    }
}

/* The text of an element: its heading, its other fields on their own lines, and with @subtree the
 * elements below it. */
static char *
element_text (Table    *t,
              KspNode  *node,
              gboolean  subtree)
{
  GString *out = g_string_new (NULL);

  append_head (t, out, node);
  append_fields (t, out, node, "\n");
  if (subtree)
    append_subtree (t, out, node);
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------------------------------- */
/* the rows                                                                                        */

/* «3. → 2.», or a run shifted alike «10.–18. → 11.–19.». */
static char *
renumbering_text (GPtrArray *renumbered)
{
  GString *out = g_string_new (NULL);
  gboolean run = renumbered->len > 2;
  int delta = 0;

  for (guint i = 0; run && i < renumbered->len; i++)
    {
      KspRenumbering *r = g_ptr_array_index (renumbered, i);
      KspRenumbering *first = g_ptr_array_index (renumbered, 0);
      char *end_old, *end_new;
      long o = r->old_number ? strtol (r->old_number, &end_old, 10) : 0;
      long n = r->new_number ? strtol (r->new_number, &end_new, 10) : 0;

      if (!r->old_number || !r->new_number || end_old == r->old_number || end_new == r->new_number ||
          strcmp (end_old, end_new) != 0 || strcmp (end_old, first->old_number + strspn (first->old_number, "0123456789")) != 0)
        run = FALSE;
      else if (i == 0)
        delta = (int) (n - o);
      else if (n - o != delta || o != strtol (first->old_number, NULL, 10) + (long) i)
        run = FALSE;
    }
  if (run)
    {
      KspRenumbering *a = g_ptr_array_index (renumbered, 0);
      KspRenumbering *z = g_ptr_array_index (renumbered, renumbered->len - 1);
      g_string_append_printf (out, "%s–%s → %s–%s", a->old_number, z->old_number, a->new_number, z->new_number);
    }
  else
    for (guint i = 0; i < renumbered->len; i++)
      {
        KspRenumbering *r = g_ptr_array_index (renumbered, i);
        g_string_append_printf (out, "%s%s → %s", i ? ", " : "", r->old_number ? r->old_number : "",
                                r->new_number ? r->new_number : "");
      }
  return g_string_free (out, FALSE);
}

/* One side of a changed text: the spans of that side, @marked ones with @mark, a paragraph per line. */
static void
span_paras (Table     *t,
            GPtrArray *spans,
            KspSpanOp  skip,
            KspSpanOp  marked,
            KspDocxFlags mark)
{
  ksp_docx_builder_para_begin (t->b, "KspCell", KSP_DOCX_NONE);
  for (guint i = 0; spans && i < spans->len; i++)
    {
      KspWordSpan *s = g_ptr_array_index (spans, i);
      g_auto (GStrv) lines = NULL;

      if (s->op == skip)
        continue;
      lines = g_strsplit (s->text, "\n", -1);
      for (guint k = 0; lines[k]; k++)
        {
          if (k > 0)
            {
              ksp_docx_builder_para_end (t->b);
              ksp_docx_builder_para_begin (t->b, "KspCell", KSP_DOCX_NONE);
            }
          ksp_docx_builder_run (t->b, lines[k], s->op == marked ? mark : KSP_DOCX_NONE);
        }
    }
  ksp_docx_builder_para_end (t->b);
}

static void
text_cell (Table        *t,
           int           width,
           const char   *text,
           KspDocxFlags  flags)
{
  ksp_docx_builder_cell_begin (t->b, width, 1, KSP_DOCX_MERGE_NONE);
  if (text && *text)
    ksp_docx_builder_paras (t->b, "KspCell", flags, NULL, text);
  ksp_docx_builder_cell_end (t->b, text && *text);
}

/* The structural unit: the path, and the field when it is not the element's own text. */
static char *
unit_text (Table           *t,
           const KspChange *c)
{
  g_autofree char *path = ksp_change_dup_path (c, t->lang == KSP_LANG_KK ? KSP_UI_LANG_KK : KSP_UI_LANG_RU);
  const KspKindSpec *spec = ksp_schema_lookup_kind (c->kind);
  const KspFieldSpec *field = spec && c->field ? ksp_kind_lookup_field (spec, c->field) : NULL;

  if (c->op != KSP_CHANGE_CHANGED)
    return g_steal_pointer (&path);
  if (g_strcmp0 (c->field, "number") == 0)
    return g_strdup_printf ("%s › %s", path, t->L->number_field);
  if (field && g_strcmp0 (c->field, spec->title_field) != 0)
    {
      g_autofree char *label = label_without_colon (field, t->lang);
      return g_strdup_printf ("%s › %s", path, label);
    }
  return g_steal_pointer (&path);
}

static void
write_row (Table           *t,
           guint            no,
           const KspChange *c,
           KspJustifyFunc   justify,
           gpointer         user_data)
{
  g_autofree char *number = g_strdup_printf ("%u", no);
  g_autofree char *unit = unit_text (t, c);
  g_autofree char *reason = justify ? justify (c, t->lang, user_data) : NULL;
  KspUiLang ui = t->lang == KSP_LANG_KK ? KSP_UI_LANG_KK : KSP_UI_LANG_RU;

  ksp_docx_builder_row_begin (t->b, KSP_DOCX_ROW_NONE);
  text_cell (t, COL_NO, number, KSP_DOCX_CENTER);
  text_cell (t, COL_UNIT, unit, KSP_DOCX_NONE);

  /* the current wording */
  ksp_docx_builder_cell_begin (t->b, COL_WORDING, 1, KSP_DOCX_MERGE_NONE);
  switch (c->op)
    {
    case KSP_CHANGE_CHANGED:
      if (has_text (c->old_value))
        span_paras (t, c->spans, KSP_SPAN_INSERT, KSP_SPAN_DELETE, KSP_DOCX_STRIKE);
      else
        ksp_docx_builder_paras (t->b, "KspCell", KSP_DOCX_NONE, NULL, t->L->absent);
      break;
    case KSP_CHANGE_ADDED:
      ksp_docx_builder_paras (t->b, "KspCell", KSP_DOCX_NONE, NULL, t->L->absent);
      break;
    case KSP_CHANGE_REMOVED:
      {
        g_autofree char *text = element_text (t, c->old_node, TRUE);
        ksp_docx_builder_paras (t->b, "KspCell", KSP_DOCX_NONE, NULL, text);
        break;
      }
    case KSP_CHANGE_MOVED:
    default:
      {
        g_autofree char *old_path = ksp_change_dup_old_path (c, ui);
        g_autofree char *text = element_text (t, c->old_node, FALSE);
        ksp_docx_builder_paras (t->b, "KspCell", KSP_DOCX_ITALIC, NULL, old_path);
        ksp_docx_builder_paras (t->b, "KspCell", KSP_DOCX_NONE, NULL, text);
      }
    }
  ksp_docx_builder_cell_end (t->b, TRUE);

  /* the proposed wording */
  ksp_docx_builder_cell_begin (t->b, COL_WORDING, 1, KSP_DOCX_MERGE_NONE);
  switch (c->op)
    {
    case KSP_CHANGE_CHANGED:
      if (has_text (c->new_value))
        span_paras (t, c->spans, KSP_SPAN_DELETE, KSP_SPAN_INSERT, KSP_DOCX_BOLD);
      else
        ksp_docx_builder_paras (t->b, "KspCell", KSP_DOCX_NONE, NULL, t->L->remove);
      break;
    case KSP_CHANGE_ADDED:
      {
        g_autofree char *text = element_text (t, c->new_node, TRUE);
        ksp_docx_builder_paras (t->b, "KspCell", KSP_DOCX_NONE, NULL, text);
        break;
      }
    case KSP_CHANGE_REMOVED:
      ksp_docx_builder_paras (t->b, "KspCell", KSP_DOCX_NONE, NULL, t->L->remove);
      break;
    case KSP_CHANGE_MOVED:
    default:
      {
        g_autofree char *new_path = ksp_change_dup_path (c, ui);
        g_autofree char *text = element_text (t, c->new_node, FALSE);
        ksp_docx_builder_paras (t->b, "KspCell", KSP_DOCX_ITALIC, NULL, new_path);
        ksp_docx_builder_paras (t->b, "KspCell", KSP_DOCX_NONE, NULL, text);
      }
    }
  if (c->renumbered && c->renumbered->len)
    {
      g_autofree char *list = renumbering_text (c->renumbered);
      g_autofree char *line = g_strdup_printf (t->L->renumbered, list);
      ksp_docx_builder_paras (t->b, "KspCell", KSP_DOCX_ITALIC, NULL, line);
    }
  ksp_docx_builder_cell_end (t->b, TRUE);

  /* the justification: a reviewer's note, later */
  text_cell (t, COL_REASON, reason, KSP_DOCX_NONE);
  ksp_docx_builder_row_end (t->b);
}

/* ---------------------------------------------------------------------------------------------- */

gboolean
ksp_comparative_table_has_row (const KspChange *change,
                               KspLang          lang)
{
  g_return_val_if_fail (change != NULL, FALSE);
  lang = lang == KSP_LANG_KK ? KSP_LANG_KK : KSP_LANG_RU;
  return change->op != KSP_CHANGE_CHANGED || change->lang == KSP_LANG_NONE || change->lang == lang;
}

static KspNode *
find_standard (KspNode *root)
{
  if (root == NULL || g_str_equal (ksp_node_get_kind (root), "standard"))
    return root;
  for (guint i = 0; i < ksp_node_get_n_children (root); i++)
    if (g_str_equal (ksp_node_get_kind (ksp_node_get_child (root, i)), "standard"))
      return ksp_node_get_child (root, i);
  return NULL;
}

static char *
standard_name (KspNode *root,
               KspLang  lang)
{
  KspNode *std = find_standard (root);
  static const char *const fields[] = { "name", "title" };

  for (guint l = 0; std && l < 2; l++)
    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        const char *v = ksp_node_get_value (std, fields[i], l == 0 ? lang : (lang == KSP_LANG_KK ? KSP_LANG_RU : KSP_LANG_KK));
        if (has_text (v))
          {
            /* one line, without the quotes and the full stop it may carry: «"Социальная работа …".» */
            g_autofree char *one = g_strdelimit (g_strstrip (g_strdup (v)), "\n", ' ');
            GString *name = g_string_new (one);
            static const char *const ends[] = { ".", "\"", "»", "”", " " };
            static const char *const starts[] = { "\"", "«", "„", "“", " " };
            gboolean again = TRUE;

            while (again)
              {
                again = FALSE;
                for (guint k = 0; k < G_N_ELEMENTS (ends); k++)
                  if (name->len > strlen (ends[k]) && g_str_has_suffix (name->str, ends[k]))
                    {
                      g_string_truncate (name, name->len - strlen (ends[k]));
                      again = TRUE;
                    }
                for (guint k = 0; k < G_N_ELEMENTS (starts); k++)
                  if (name->len > strlen (starts[k]) && g_str_has_prefix (name->str, starts[k]))
                    {
                      g_string_erase (name, 0, strlen (starts[k]));
                      again = TRUE;
                    }
              }
            return g_string_free (name, FALSE);
          }
      }
  return NULL;
}

static char *
document_xml (GPtrArray      *changes,
              KspNode        *new_root,
              KspLang         lang,
              KspJustifyFunc  justify,
              gpointer        user_data,
              gsize          *out_length)
{
  static const int widths[] = { COL_NO, COL_UNIT, COL_WORDING, COL_WORDING, COL_REASON };
  Table t = { 0 };
  KspDocxPage page;
  g_autofree char *name = standard_name (new_root, lang);
  guint no = 0;
  char *out;

  ksp_docx_page_init_ministry (&page, TRUE);
  t.b = ksp_docx_builder_new (&page);
  t.lang = lang;
  t.L = lang == KSP_LANG_KK ? &labels_kk : &labels_ru;

  ksp_docx_builder_para_begin (t.b, "KspTitle", KSP_DOCX_KEEP_NEXT);
  ksp_docx_builder_run_sized (t.b, t.L->title, KSP_DOCX_BOLD, HEADING_SIZE);
  ksp_docx_builder_para_end (t.b);
  if (name)
    {
      g_autofree char *subtitle = g_strdup_printf (t.L->subtitle, name);
      ksp_docx_builder_para_begin (t.b, "Normal", KSP_DOCX_CENTER | KSP_DOCX_KEEP_NEXT);
      ksp_docx_builder_run_sized (t.b, subtitle, KSP_DOCX_BOLD, HEADING_SIZE);
      ksp_docx_builder_para_end (t.b);
    }
  ksp_docx_builder_para_begin (t.b, "Normal", KSP_DOCX_KEEP_NEXT);
  ksp_docx_builder_para_end (t.b);

  ksp_docx_builder_table_begin (t.b, "KspCardTable", TRUE, widths, G_N_ELEMENTS (widths));
  ksp_docx_builder_row_begin (t.b, KSP_DOCX_ROW_HEADER | KSP_DOCX_ROW_CANT_SPLIT);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      ksp_docx_builder_cell_begin (t.b, widths[i], 1, KSP_DOCX_MERGE_NONE);
      ksp_docx_builder_paras (t.b, "KspCellLabel", KSP_DOCX_CENTER, NULL, t.L->columns[i]);
      ksp_docx_builder_cell_end (t.b, TRUE);
    }
  ksp_docx_builder_row_end (t.b);
  for (guint i = 0; i < changes->len; i++)
    {
      const KspChange *c = g_ptr_array_index (changes, i);
      if (ksp_comparative_table_has_row (c, lang))
        write_row (&t, ++no, c, justify, user_data);
    }
  ksp_docx_builder_table_end (t.b);
  /* the body ends with a paragraph (Word requires one after a table) */
  ksp_docx_builder_para_begin (t.b, "Normal", KSP_DOCX_NONE);
  if (no == 0)
    ksp_docx_builder_run (t.b, t.L->none, KSP_DOCX_NONE);
  ksp_docx_builder_para_end (t.b);

  out = ksp_docx_builder_finish (t.b, out_length);
  ksp_docx_builder_free (t.b);
  return out;
}

gboolean
ksp_comparative_table_write_file_full (GPtrArray       *changes,
                                       KspNode         *old_root,
                                       KspNode         *new_root,
                                       KspLang          lang,
                                       KspJustifyFunc   justify,
                                       gpointer         user_data,
                                       const char      *path,
                                       GError         **error)
{
  g_autoptr (KspDocxPackage) package = NULL;
  gsize doc_len = 0;
  char *doc, *core;

  g_return_val_if_fail (changes != NULL, FALSE);
  g_return_val_if_fail (KSP_IS_NODE (old_root) && KSP_IS_NODE (new_root), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lang = lang == KSP_LANG_KK ? KSP_LANG_KK : KSP_LANG_RU;
  /* every text of the table comes from the two trees */
  if (!ksp_docx_check_tree_text (old_root, error) || !ksp_docx_check_tree_text (new_root, error))
    return FALSE;
  if (!(package = ksp_docx_package_new (error)) || !ksp_docx_package_add_template (package, FALSE, error))
    return FALSE;
  core = ksp_docx_core_xml (lang == KSP_LANG_KK ? labels_kk.title : labels_ru.title, lang);
  if (!ksp_docx_package_add (package, "docProps/core.xml", core, strlen (core), error))
    return FALSE;
  doc = document_xml (changes, new_root, lang, justify, user_data, &doc_len);
  if (!ksp_docx_package_add (package, "word/document.xml", doc, doc_len, error))
    return FALSE;
  return ksp_docx_package_write_file (package, path, error);
}

gboolean
ksp_comparative_table_write_file (GPtrArray   *changes,
                                  KspNode     *old_root,
                                  KspNode     *new_root,
                                  KspLang      lang,
                                  const char  *path,
                                  GError     **error)
{
  return ksp_comparative_table_write_file_full (changes, old_root, new_root, lang, NULL, NULL, path, error);
}
