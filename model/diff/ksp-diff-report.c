/* ksp-diff-report.c: see ksp-diff-report.h */
#include "ksp-diff-report.h"

#include <string.h>

#include "ksp-json.h"
#include "ksp-node-path.h"

static KspLang
data_lang (KspUiLang lang)
{
  return lang == KSP_UI_LANG_KK ? KSP_LANG_KK : KSP_LANG_RU;
}

static const char *
term (const char *id,
      KspUiLang   lang)
{
  const KspMessage *m = ksp_message_lookup_term (id);
  return m ? ksp_message_get_text (m, lang) : id;
}

/* The element's title, as the outline shows it. */
static char *
element_label (KspNode   *node,
               KspUiLang  lang)
{
  return node ? ksp_node_dup_label (node, data_lang (lang)) : NULL;
}

static void
append_id (GString *out,
           KspNode *node)
{
  ksp_json_append_string (out, node ? ksp_node_get_id (node) : NULL);
}

static void
append_change_json (GString           *out,
                    const KspChange   *c,
                    KspUiLang          lang,
                    KspJustifications *notes)
{
  g_autofree char *path = ksp_change_dup_path (c, lang);
  g_autofree char *key = ksp_change_dup_key (c);

  g_string_append (out, "{\"key\":");
  ksp_json_append_string (out, key);
  g_string_append (out, ",\"op\":");
  ksp_json_append_string (out, ksp_change_op_to_string (c->op));
  g_string_append (out, ",\"kind\":");
  ksp_json_append_string (out, c->kind);
  g_string_append (out, ",\"path\":");
  ksp_json_append_string (out, path);
  if (c->op == KSP_CHANGE_MOVED)
    {
      g_autofree char *old_path = ksp_change_dup_old_path (c, lang);
      g_string_append (out, ",\"old_path\":");
      ksp_json_append_string (out, old_path);
      g_string_append_printf (out, ",\"reordered\":%s", c->reordered ? "true" : "false");
    }
  g_string_append (out, ",\"old_id\":");
  append_id (out, c->old_node);
  g_string_append (out, ",\"new_id\":");
  append_id (out, c->new_node);
  g_string_append (out, ",\"field\":");
  ksp_json_append_string (out, c->field);
  g_string_append (out, ",\"lang\":");
  ksp_json_append_string (out, c->lang == KSP_LANG_NONE ? NULL : ksp_lang_to_string (c->lang));
  if (c->op == KSP_CHANGE_CHANGED)
    {
      g_string_append (out, ",\"old\":");
      ksp_json_append_string (out, c->old_value);
      g_string_append (out, ",\"new\":");
      ksp_json_append_string (out, c->new_value);
      g_string_append_printf (out, ",\"stale_translation\":%s", c->stale_translation ? "true" : "false");
      g_string_append (out, ",\"spans\":[");
      for (guint i = 0; c->spans && i < c->spans->len; i++)
        {
          KspWordSpan *s = g_ptr_array_index (c->spans, i);
          g_string_append (out, i ? ",{\"op\":" : "{\"op\":");
          ksp_json_append_string (out, ksp_span_op_to_string (s->op));
          g_string_append (out, ",\"text\":");
          ksp_json_append_string (out, s->text);
          g_string_append_c (out, '}');
        }
      g_string_append_c (out, ']');
    }
  else
    {
      g_autofree char *old_label = element_label (c->old_node, lang);
      g_autofree char *new_label = element_label (c->new_node, lang);
      g_string_append (out, ",\"old\":");
      ksp_json_append_string (out, old_label);
      g_string_append (out, ",\"new\":");
      ksp_json_append_string (out, new_label);
    }
  g_string_append (out, ",\"renumbered\":[");
  for (guint i = 0; c->renumbered && i < c->renumbered->len; i++)
    {
      KspRenumbering *r = g_ptr_array_index (c->renumbered, i);
      g_string_append (out, i ? ",{\"old_id\":" : "{\"old_id\":");
      append_id (out, r->old_node);
      g_string_append (out, ",\"new_id\":");
      append_id (out, r->new_node);
      g_string_append (out, ",\"old\":");
      ksp_json_append_string (out, r->old_number);
      g_string_append (out, ",\"new\":");
      ksp_json_append_string (out, r->new_number);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  if (notes)
    {
      g_string_append (out, ",\"justification\":{\"kk\":");
      ksp_json_append_string (out, ksp_justifications_get_by_key (notes, key, KSP_LANG_KK));
      g_string_append (out, ",\"ru\":");
      ksp_json_append_string (out, ksp_justifications_get_by_key (notes, key, KSP_LANG_RU));
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '}');
}

char *
ksp_diff_to_json (GPtrArray *changes,
                  KspUiLang  lang)
{
  return ksp_diff_to_json_full (changes, lang, NULL);
}

char *
ksp_diff_to_json_full (GPtrArray         *changes,
                       KspUiLang          lang,
                       KspJustifications *notes)
{
  GString *out = g_string_new ("{\"changes\":[");

  g_return_val_if_fail (changes != NULL, NULL);
  for (guint i = 0; i < changes->len; i++)
    {
      if (i > 0)
        g_string_append (out, ",\n");
      else
        g_string_append_c (out, '\n');
      append_change_json (out, g_ptr_array_index (changes, i), lang, notes);
    }
  g_string_append_printf (out, "\n],\"count\":%u,\"stale_translations\":%u}\n", changes->len,
                          ksp_changes_count_stale (changes));
  return g_string_free (out, FALSE);
}

/* Text ----------------------------------------------------------------------------------------------- */

#define RED "\033[31m"
#define GREEN "\033[32m"
#define BOLD "\033[1m"
#define CYAN "\033[36m"
#define RESET "\033[0m"

static void
append_spans (GString   *out,
              GPtrArray *spans,
              gboolean   color)
{
  for (guint i = 0; spans && i < spans->len; i++)
    {
      KspWordSpan *s = g_ptr_array_index (spans, i);
      switch (s->op)
        {
        case KSP_SPAN_DELETE:
          g_string_append_printf (out, color ? RED "%s" RESET : "[-%s-]", s->text);
          break;
        case KSP_SPAN_INSERT:
          g_string_append_printf (out, color ? GREEN "%s" RESET : "{+%s+}", s->text);
          break;
        case KSP_SPAN_EQUAL:
        default:
          g_string_append (out, s->text);
        }
    }
}

static const char *
field_label (const KspChange *c,
             KspUiLang        lang)
{
  const KspKindSpec *spec = ksp_schema_lookup_kind (c->kind);
  const KspFieldSpec *field = spec ? ksp_kind_lookup_field (spec, c->field) : NULL;

  if (strcmp (c->field, "number") == 0)
    return term ("diff.number", lang);
  if (field == NULL || lang == KSP_UI_LANG_EN)
    return c->field;
  return ksp_field_label (field, data_lang (lang));
}

static void
append_change_text (GString         *out,
                    const KspChange *c,
                    KspUiLang        lang,
                    gboolean         color)
{
  g_autofree char *path = ksp_change_dup_path (c, lang);
  static const char marks[] = { '+', '-', '~', '>' };

  g_string_append_printf (out, "  %c %s: ", marks[c->op], path);
  switch (c->op)
    {
    case KSP_CHANGE_CHANGED:
      {
        g_autofree char *label = g_strdup (field_label (c, lang));
        gsize len = strlen (label);
        while (len > 0 && label[len - 1] == ':')
          label[--len] = '\0';
        g_string_append_printf (out, "%s %s", term ("diff.changed", lang), label);
        if (c->lang != KSP_LANG_NONE)
          g_string_append_printf (out, " (%s)", ksp_lang_to_string (c->lang));
        g_string_append (out, "\n      ");
        append_spans (out, c->spans, color);
        if (c->stale_translation)
          g_string_append_printf (out, color ? "\n      " BOLD "! %s" RESET : "\n      ! %s", term ("diff.stale", lang));
        break;
      }
    case KSP_CHANGE_MOVED:
      {
        g_autofree char *old_path = ksp_change_dup_old_path (c, lang);
        g_string_append_printf (out, "%s (%s: %s)", term (c->reordered ? "diff.reordered" : "diff.moved", lang),
                                term ("diff.moved-from", lang), old_path);
        break;
      }
    case KSP_CHANGE_ADDED:
    case KSP_CHANGE_REMOVED:
    default:
      {
        g_autofree char *label = element_label (c->new_node ? c->new_node : c->old_node, lang);
        g_string_append_printf (out, "%s", term (c->op == KSP_CHANGE_ADDED ? "diff.added" : "diff.removed", lang));
        if (label && *label)
          g_string_append_printf (out, color ? "\n      %s%s" RESET : "\n      %s%s",
                                  color ? (c->op == KSP_CHANGE_ADDED ? GREEN : RED) : "", label);
      }
    }
  if (c->renumbered && c->renumbered->len)
    {
      g_string_append_printf (out, "\n      (%s:", term ("diff.renumbered", lang));
      for (guint i = 0; i < c->renumbered->len; i++)
        {
          KspRenumbering *r = g_ptr_array_index (c->renumbered, i);
          g_string_append_printf (out, "%s %s → %s", i ? "," : "", r->old_number ? r->old_number : "",
                                  r->new_number ? r->new_number : "");
        }
      g_string_append_c (out, ')');
    }
  g_string_append_c (out, '\n');
}

char *
ksp_diff_to_text (GPtrArray *changes,
                  KspUiLang  lang,
                  gboolean   color)
{
  GString *out = g_string_new (NULL);
  g_autoptr (GPtrArray) cards = g_ptr_array_new ();   /* in order of first change */
  g_autoptr (GHashTable) by_card = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GPtrArray) outside = g_ptr_array_new ();

  g_return_val_if_fail (changes != NULL, NULL);
  if (changes->len == 0)
    {
      g_string_append_printf (out, "%s\n", term ("diff.none", lang));
      return g_string_free (out, FALSE);
    }
  for (guint i = 0; i < changes->len; i++)
    {
      KspChange *c = g_ptr_array_index (changes, i);
      KspNode *card = ksp_change_get_card (c);
      GPtrArray *list;

      /* a card added, removed or moved whole is listed among the changes outside cards */
      if (card == NULL || (c->op != KSP_CHANGE_CHANGED && (card == c->new_node || card == c->old_node)))
        {
          g_ptr_array_add (outside, c);
          continue;
        }
      list = g_hash_table_lookup (by_card, card);
      if (list == NULL)
        {
          g_hash_table_insert (by_card, card, list = g_ptr_array_new ());
          g_ptr_array_add (cards, card);
        }
      g_ptr_array_add (list, c);
    }
  if (outside->len)
    {
      g_string_append_printf (out, color ? BOLD "%s" RESET "\n" : "%s\n", term ("diff.outside-cards", lang));
      for (guint i = 0; i < outside->len; i++)
        append_change_text (out, g_ptr_array_index (outside, i), lang, color);
    }
  for (guint k = 0; k < cards->len; k++)
    {
      KspNode *card = g_ptr_array_index (cards, k);
      GPtrArray *list = g_hash_table_lookup (by_card, card);
      g_autofree char *path = ksp_node_dup_path (card, KSP_NODE_PATH_CODES, lang);
      const char *profession = ksp_node_get_value (card, "profession_name", data_lang (lang));
      g_autofree char *name = ksp_value_state (profession) == KSP_VALUE_TEXT ? g_strstrip (g_strdup (profession))
                                                                             : ksp_node_dup_label (card, data_lang (lang));

      if (out->len)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, color ? BOLD CYAN "%s" RESET BOLD " — %s" RESET "\n" : "%s — %s\n", path,
                              name ? name : "");
      for (guint i = 0; i < list->len; i++)
        append_change_text (out, g_ptr_array_index (list, i), lang, color);
    }
  {
    g_autofree char *n = g_strdup_printf ("%u", changes->len);
    g_autofree char *count = NULL;
    guint stale = ksp_changes_count_stale (changes);
    g_auto (GStrv) parts = g_strsplit (term ("diff.count", lang), "{1}", 2);

    count = g_strjoinv (n, parts);
    g_string_append_printf (out, "\n%s", count);
    if (stale)
      {
        g_autofree char *s = g_strdup_printf ("%u", stale);
        g_auto (GStrv) sp = g_strsplit (term ("diff.stale-count", lang), "{1}", 2);
        g_autofree char *stale_text = g_strjoinv (s, sp);
        g_string_append_printf (out, ", %s", stale_text);
      }
    g_string_append_c (out, '\n');
  }
  return g_string_free (out, FALSE);
}
