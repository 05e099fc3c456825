/* ksp-amending-order.c: see ksp-amending-order.h */
#include "ksp-amending-order.h"

#include <string.h>

#include "ksp-docx-builder.h"
#include "ksp-docx-writer.h"
#include "ksp-node-path.h"
#include "ksp-text-writer.h"

/* A restated text whose changed words are fewer than this is amended word for word. */
#define REPLACE_WORDS_MAX 120

void
ksp_amendment_free (KspAmendment *amendment)
{
  if (amendment == NULL)
    return;
  g_clear_object (&amendment->unit);
  g_free (amendment->number);
  g_free (amendment->old_words);
  g_free (amendment->new_words);
  g_free (amendment);
}

static gboolean
is_point (const char *kind)
{
  return strcmp (kind, "card") == 0 || strcmp (kind, "provision") == 0 || strcmp (kind, "order_item") == 0;
}

static gboolean
is_sub_point (const char *kind)
{
  return strcmp (kind, "term") == 0 || strcmp (kind, "abbreviation") == 0 || strcmp (kind, "card_list_entry") == 0 ||
         strcmp (kind, "oked") == 0 || strcmp (kind, "subitem") == 0;
}

static gboolean
is_unit (KspNode *node)
{
  const char *kind = ksp_node_get_kind (node);
  return is_point (kind) || is_sub_point (kind);
}

/* The point or sub-point @node is in (itself when it is one), or NULL. */
static KspNode *
unit_of (KspNode *node)
{
  for (KspNode *n = node; n; n = ksp_node_get_parent (n))
    if (is_unit (n))
      return n;
  return NULL;
}

/* "12" for «12.», "9)" for «9)» */
static char *
unit_number (KspNode *unit)
{
  const char *n = ksp_node_get_number (unit);
  char *s = g_strstrip (g_strdup (n ? n : ""));
  gsize len = strlen (s);

  while (len > 0 && s[len - 1] == '.')
    s[--len] = '\0';
  if (is_sub_point (ksp_node_get_kind (unit)) && len > 0 && s[len - 1] != ')')
    {
      char *b = g_strconcat (s, ")", NULL);
      g_free (s);
      return b;
    }
  return s;
}

/* An added unit takes the number after the one before it («12-1») when the units after it were renumbered
 * by its insertion, so that their numbers stay as they are in the amended text. */
static char *
added_number (KspChange *change)
{
  KspNode *unit = change->new_node, *parent = ksp_node_get_parent (unit), *before = NULL;
  guint at = 0;

  if (change->renumbered == NULL || change->renumbered->len == 0 || parent == NULL ||
      !ksp_node_find_child (parent, unit, &at))
    return unit_number (unit);
  for (guint i = at; i-- > 0;)
    if (strcmp (ksp_node_get_kind (ksp_node_get_child (parent, i)), ksp_node_get_kind (unit)) == 0)
      {
        before = ksp_node_get_child (parent, i);
        break;
      }
  if (before == NULL)
    return unit_number (unit);
  {
    g_autofree char *b = unit_number (before);
    gsize len = strlen (b);
    gboolean bracket = len > 0 && b[len - 1] == ')';
    if (bracket)
      b[len - 1] = '\0';
    return g_strdup_printf ("%s-1%s", b, bracket ? ")" : "");
  }
}

static KspAmendment *
amendment_new (KspAmendKind  kind,
               KspNode      *unit,
               char         *number)
{
  KspAmendment *a = g_new0 (KspAmendment, 1);

  a->kind = kind;
  a->unit = g_object_ref (unit);
  a->sub_point = is_sub_point (ksp_node_get_kind (unit));
  a->number = number;
  return a;
}

/* The words a single text change replaced: from the first edited span to the last, on each side. */
static gboolean
changed_words (KspChange  *change,
               char      **out_old,
               char      **out_new)
{
  guint first = G_MAXUINT, last = 0;
  GString *o, *n;

  for (guint i = 0; change->spans && i < change->spans->len; i++)
    if (((KspWordSpan *) change->spans->pdata[i])->op != KSP_SPAN_EQUAL)
      {
        first = MIN (first, i);
        last = i;
      }
  if (first == G_MAXUINT)
    return FALSE;
  o = g_string_new (NULL);
  n = g_string_new (NULL);
  for (guint i = first; i <= last; i++)
    {
      KspWordSpan *s = change->spans->pdata[i];
      if (s->op != KSP_SPAN_INSERT)
        g_string_append (o, s->text);
      if (s->op != KSP_SPAN_DELETE)
        g_string_append (n, s->text);
    }
  *out_old = g_strstrip (g_string_free (o, FALSE));
  *out_new = g_strstrip (g_string_free (n, FALSE));
  return **out_old != '\0' && **out_new != '\0';
}

/* A unit of the new text is named by its number in the amended text: the number it had before the
 * renumbering a change caused. */
static char *
amended_number (GHashTable *old_numbers,
                KspNode    *unit)
{
  KspNode *old = g_hash_table_lookup (old_numbers, unit);
  return unit_number (old ? old : unit);
}

GPtrArray *
ksp_amending_order_plan (GPtrArray *changes)
{
  GPtrArray *plan = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_amendment_free);
  g_autoptr (GHashTable) by_unit = g_hash_table_new (NULL, NULL);   /* unit → its amendment */
  g_autoptr (GHashTable) old_numbers = g_hash_table_new (NULL, NULL);  /* renumbered unit → its old self */

  g_return_val_if_fail (changes != NULL, plan);
  for (guint i = 0; i < changes->len; i++)
    {
      KspChange *c = g_ptr_array_index (changes, i);
      for (guint r = 0; c->renumbered && r < c->renumbered->len; r++)
        {
          KspRenumbering *rn = g_ptr_array_index (c->renumbered, r);
          g_hash_table_insert (old_numbers, rn->new_node, rn->old_node);
        }
      if (c->op == KSP_CHANGE_MOVED && c->new_node && c->old_node)
        g_hash_table_insert (old_numbers, c->new_node, c->old_node);
    }
  for (guint i = 0; i < changes->len; i++)
    {
      KspChange *c = g_ptr_array_index (changes, i);
      KspNode *units[2] = { NULL, NULL };

      if (c->op == KSP_CHANGE_ADDED && is_unit (c->new_node))
        {
          g_ptr_array_add (plan, amendment_new (KSP_AMEND_ADD, c->new_node, added_number (c)));
          g_hash_table_insert (by_unit, c->new_node, plan->pdata[plan->len - 1]);
          continue;
        }
      if (c->op == KSP_CHANGE_REMOVED && is_unit (c->old_node))
        {
          g_ptr_array_add (plan, amendment_new (KSP_AMEND_REMOVE, c->old_node, unit_number (c->old_node)));
          continue;
        }
      if (c->op == KSP_CHANGE_MOVED && is_unit (c->new_node))
        units[0] = c->new_node;                      /* a point moved: restated where it stands now */
      else if (c->op == KSP_CHANGE_REMOVED)
        units[0] = unit_of (c->other_parent);        /* the point it was taken out of */
      else
        units[0] = unit_of (c->new_node);
      if (c->op == KSP_CHANGE_MOVED && !c->reordered && c->other_parent)
        units[1] = unit_of (c->other_parent);        /* and the point it left */
      for (guint u = 0; u < G_N_ELEMENTS (units); u++)
        {
          KspNode *unit = units[u];
          KspAmendment *a;
          g_autofree char *old_words = NULL, *new_words = NULL;

          if (unit == NULL || (u == 1 && unit == units[0]))
            continue;
          a = g_hash_table_lookup (by_unit, unit);
          if (a)
            {
              /* a second change in the same unit: restate it whole */
              if (a->kind == KSP_AMEND_REPLACE_WORDS)
                {
                  a->kind = KSP_AMEND_RESTATE;
                  g_clear_pointer (&a->old_words, g_free);
                  g_clear_pointer (&a->new_words, g_free);
                }
              continue;
            }
          if (c->op == KSP_CHANGE_CHANGED && c->field && strcmp (c->field, "number") != 0 &&
              changed_words (c, &old_words, &new_words) && strlen (old_words) < REPLACE_WORDS_MAX &&
              strlen (new_words) < REPLACE_WORDS_MAX)
            {
              a = amendment_new (KSP_AMEND_REPLACE_WORDS, unit, amended_number (old_numbers, unit));
              a->old_words = g_steal_pointer (&old_words);
              a->new_words = g_steal_pointer (&new_words);
            }
          else
            a = amendment_new (KSP_AMEND_RESTATE, unit, amended_number (old_numbers, unit));
          g_ptr_array_add (plan, a);
          g_hash_table_insert (by_unit, unit, a);
        }
    }
  return plan;
}

/* The text -------------------------------------------------------------------------------------------- */

static const char *
text_of (KspNode    *node,
         const char *field,
         KspLang     lang)
{
  const char *v = ksp_node_get_value (node, field, lang);
  return v && *v ? v : ksp_node_get_value (node, field, lang == KSP_LANG_KK ? KSP_LANG_RU : KSP_LANG_KK);
}

/* «приказ Министра … от 30 апреля 2024 года № 125» from the act line «Приказ Министра … № 125.» */
static char *
act_phrase (KspNode *root,
            KspLang  lang)
{
  KspNode *order = ksp_node_find_first_of_kind (root, "order");
  const char *act = order ? text_of (order, "act", lang) : NULL;
  g_autofree char *s = NULL;
  gsize len;

  if (act == NULL)
    return g_strdup (lang == KSP_LANG_KK ? "бұйрық" : "приказ");
  s = g_strstrip (g_strdup (act));
  len = strlen (s);
  while (len > 0 && s[len - 1] == '.')
    s[--len] = '\0';
  if (g_str_has_prefix (s, "Приказ"))
    memcpy (s, "п", strlen ("п"));   /* «П» and «п» are both two bytes */
  return g_steal_pointer (&s);
}

/* A name as quoted in the order: without the quotes and the closing dot it has in the published text. */
static char *
clean_name (const char *name)
{
  char *s;
  gsize len;

  if (name == NULL)
    return NULL;
  s = g_strstrip (g_strdup (name));
  len = strlen (s);
  while (len > 0 && (s[len - 1] == '.' || s[len - 1] == '"'))
    s[--len] = '\0';
  if (g_str_has_suffix (s, "»"))
    s[len -= strlen ("»")] = '\0';
  if (s[0] == '"')
    memmove (s, s + 1, strlen (s));
  else if (g_str_has_prefix (s, "«"))
    memmove (s, s + strlen ("«"), strlen (s) - strlen ("«") + 1);
  return s;
}

/* A line of the text that stands for a card the DOCX lays out as the standard does: CARD_MARK, then the
 * plan's index of the item. */
#define CARD_MARK '\001'

static void
append_unit_text (GString *out,
                  KspNode *unit,
                  guint    index,
                  KspLang  lang,
                  gboolean mark_cards)
{
  g_autofree char *text = NULL;

  if (mark_cards && g_str_equal (ksp_node_get_kind (unit), "card"))
    {
      g_string_append_printf (out, "%c%u", CARD_MARK, index);
      return;
    }
  text = ksp_text_writer_write (unit, lang);
  g_string_append_printf (out, "«%s»", g_strstrip (text));
}

/* The text of the order; @mark_cards: a restated or added card as a CARD_MARK line (for the DOCX). */
static char *
order_text (GPtrArray *plan,
            KspNode   *old_root,
            KspLang    lang,
            gboolean   mark_cards)
{
  GString *out = g_string_new (NULL);
  gboolean kk = lang == KSP_LANG_KK;
  g_autofree char *act = act_phrase (old_root, lang);
  KspNode *order = ksp_node_find_first_of_kind (old_root, "order");
  KspNode *standard = ksp_node_find_first_of_kind (old_root, "standard");
  const char *order_title = order ? text_of (order, "title", lang) : NULL;
  g_autofree char *name = standard ? clean_name (text_of (standard, "name", lang)) : NULL;

  g_return_val_if_fail (plan != NULL, NULL);
  if (kk)
    {
      g_string_append_printf (out, "%s%s%s өзгерістер енгізу туралы\n\n", act,
                              g_str_has_suffix (act, "бұйрығы") ? "на" : "", order_title ? "" : "");
      g_string_append (out, "БҰЙЫРАМЫН:\n");
      g_string_append_printf (out, "1. %s%s мынадай өзгерістер енгізілсін:\n", act,
                              g_str_has_suffix (act, "бұйрығы") ? "на" : "");
      if (name)
        g_string_append_printf (out, "көрсетілген бұйрықпен бекітілген «%s» кәсіптік стандартында:\n", name);
    }
  else
    {
      g_string_append_printf (out, "О внесении изменений в %s%s%s%s\n\n", act, order_title ? " «" : "",
                              order_title ? order_title : "", order_title ? "»" : "");
      g_string_append (out, "ПРИКАЗЫВАЮ:\n");
      g_string_append_printf (out, "1. Внести в %s следующие изменения:\n", act);
      if (name)
        g_string_append_printf (out, "в профессиональном стандарте «%s», утверждённом указанным приказом:\n", name);
    }
  for (guint i = 0; i < plan->len; i++)
    {
      KspAmendment *a = g_ptr_array_index (plan, i);
      const char *unit_ru = a->sub_point ? "подпункт" : "пункт";

      switch (a->kind)
        {
        case KSP_AMEND_RESTATE:
          if (kk)
            g_string_append_printf (out, "%s%s мынадай редакцияда жазылсын:\n", a->number,
                                    a->sub_point ? " тармақша" : "-тармақ");
          else
            g_string_append_printf (out, "%s %s изложить в следующей редакции:\n", unit_ru, a->number);
          append_unit_text (out, a->unit, i, lang, mark_cards);
          break;
        case KSP_AMEND_REPLACE_WORDS:
          if (kk)
            g_string_append_printf (out, "%s%s «%s» деген сөздер «%s» деген сөздермен ауыстырылсын", a->number,
                                    a->sub_point ? " тармақшадағы" : "-тармақтағы", a->old_words, a->new_words);
          else
            g_string_append_printf (out, "в %s %s слова «%s» заменить словами «%s»",
                                    a->sub_point ? "подпункте" : "пункте", a->number, a->old_words, a->new_words);
          break;
        case KSP_AMEND_ADD:
          if (kk)
            g_string_append_printf (out, "мынадай мазмұндағы %s%s толықтырылсын:\n", a->number,
                                    a->sub_point ? " тармақшамен" : "-тармақпен");
          else
            g_string_append_printf (out, "дополнить %s %s следующего содержания:\n",
                                    a->sub_point ? "подпунктом" : "пунктом", a->number);
          append_unit_text (out, a->unit, i, lang, mark_cards);
          break;
        case KSP_AMEND_REMOVE:
        default:
          if (kk)
            g_string_append_printf (out, "%s%s алып тасталсын", a->number, a->sub_point ? " тармақша" : "-тармақ");
          else
            g_string_append_printf (out, "%s %s исключить", unit_ru, a->number);
          break;
        }
      g_string_append (out, i + 1 < plan->len ? ";\n" : ".\n");
    }
  if (kk)
    g_string_append (out, "2. Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң "
                          "қолданысқа енгізіледі.\n");
  else
    g_string_append (out, "2. Настоящий приказ вводится в действие по истечении десяти календарных дней после дня "
                          "его первого официального опубликования.\n");
  return g_string_free (out, FALSE);
}

char *
ksp_amending_order_to_text (GPtrArray *plan,
                            KspNode   *old_root,
                            KspLang    lang)
{
  return order_text (plan, old_root, lang, FALSE);
}

/* A card the order restates or adds, in the standard's layout between the quotes: «, the card, then »
 * with what ends the item (";" or "."). */
static void
write_card_item (KspDocxBuilder *builder,
                 GPtrArray      *plan,
                 const char     *line,
                 KspLang         lang)
{
  char *end = NULL;
  guint64 index = g_ascii_strtoull (line + 1, &end, 10);
  KspAmendment *a = index < plan->len ? g_ptr_array_index (plan, index) : NULL;
  g_autofree char *closing = g_strconcat ("»", end ? end : "", NULL);

  g_return_if_fail (a != NULL);
  ksp_docx_builder_para_begin (builder, NULL, KSP_DOCX_KEEP_NEXT);
  ksp_docx_builder_run (builder, "«", KSP_DOCX_NONE);
  ksp_docx_builder_para_end (builder);
  ksp_docx_writer_write_element (builder, a->unit, lang);
  ksp_docx_builder_para_begin (builder, NULL, KSP_DOCX_NONE);
  ksp_docx_builder_run (builder, closing, KSP_DOCX_NONE);
  ksp_docx_builder_para_end (builder);
}

gboolean
ksp_amending_order_write_file (GPtrArray   *plan,
                               KspNode     *old_root,
                               KspLang      lang,
                               const char  *path,
                               GError     **error)
{
  g_autofree char *text = order_text (plan, old_root, lang, TRUE);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (KspDocxBuilder) builder = NULL;
  g_autoptr (KspDocxPackage) package = NULL;
  g_autofree char *core = NULL;
  char *document;
  gsize length = 0;
  KspDocxPage page;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (KSP_IS_NODE (old_root), FALSE);
  ksp_docx_page_init_ministry (&page, FALSE);
  builder = ksp_docx_builder_new (&page);
  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];
      gboolean title = i == 0;
      gboolean order_word = g_str_equal (line, "ПРИКАЗЫВАЮ:") || g_str_equal (line, "БҰЙЫРАМЫН:");

      if (*line == '\0' && (i == 0 || lines[i + 1] == NULL))
        continue;
      if (*line == CARD_MARK)
        {
          write_card_item (builder, plan, line, lang);
          continue;
        }
      ksp_docx_builder_para_begin (builder, NULL, title ? KSP_DOCX_CENTER | KSP_DOCX_KEEP_NEXT : KSP_DOCX_NONE);
      ksp_docx_builder_run (builder, line, title || order_word ? KSP_DOCX_BOLD : KSP_DOCX_NONE);
      ksp_docx_builder_para_end (builder);
    }
  document = ksp_docx_builder_finish (builder, &length);
  core = ksp_docx_core_xml (lines[0], lang);   /* the title: never a card */
  if (!(package = ksp_docx_package_new (error)))
    {
      g_free (document);
      return FALSE;
    }
  /* the entries in the order of the standard's DOCX (ksp-docx-writer.c) */
  if (!ksp_docx_package_add_template (package, FALSE, error) ||
      !ksp_docx_package_add (package, "docProps/core.xml", g_strdup (core), strlen (core), error))
    {
      g_free (document);
      return FALSE;
    }
  if (!ksp_docx_package_add (package, "word/document.xml", document, length, error))
    return FALSE;
  return ksp_docx_package_write_file (package, path, error);
}
