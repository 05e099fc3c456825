/* ksp-import-summary.c */
#include "ksp-import-summary.h"

#include "ksp-json.h"

#include <string.h>

void
ksp_counts_add_tree (KspCounts *counts,
                     KspNode   *node)
{
  const char *kind = ksp_node_get_kind (node);
  guint n = ksp_node_get_n_children (node);

  if (g_str_equal (kind, "card"))
    counts->cards++;
  else if (g_str_equal (kind, "function"))
    {
      if (ksp_node_get_value (node, "name", KSP_LANG_RU) || ksp_node_get_value (node, "name", KSP_LANG_KK))
        counts->functions++;
      if (ksp_node_get_value (node, "list_name", KSP_LANG_RU) || ksp_node_get_value (node, "list_name", KSP_LANG_KK))
        counts->listed_functions++;
    }
  else if (g_str_equal (kind, "skill"))
    counts->skills++;
  else if (g_str_equal (kind, "ability"))
    counts->abilities++;
  else if (g_str_equal (kind, "knowledge"))
    counts->knowledge++;
  for (guint i = 0; i < n; i++)
    ksp_counts_add_tree (counts, ksp_node_get_child (node, i));
}

static const char *
value_any (KspNode    *node,
           const char *field)
{
  const char *v = ksp_node_get_value (node, field, KSP_LANG_RU);
  if (v == NULL || *v == '\0')
    v = ksp_node_get_value (node, field, KSP_LANG_KK);
  return v;
}

static void
counts_json (GString         *out,
             const KspCounts *c)
{
  g_string_append_printf (out, "\"cards\": %u, \"functions\": %u, \"skills\": %u, \"abilities\": %u, \"knowledge\": %u",
                          c->cards, c->functions, c->skills, c->abilities, c->knowledge);
}

static const char *
standard_title (KspNode *std)
{
  const char *t = value_any (std, "name");
  return t && *t ? t : value_any (std, "title");
}

char *
ksp_import_summary_json (KspNode         *root,
                         KspImportReport *report)
{
  GString *out = g_string_new ("{");
  KspCounts total = { 0 };
  KspNode *first = NULL;
  guint n = ksp_node_get_n_children (root), n_std = 0;

  for (guint i = 0; i < n; i++)
    {
      KspNode *c = ksp_node_get_child (root, i);
      if (g_str_equal (ksp_node_get_kind (c), "standard"))
        {
          first = first ? first : c;
          n_std++;
        }
    }
  ksp_counts_add_tree (&total, root);
  g_string_append (out, "\"title\": ");
  ksp_json_append_string_or_empty (out, first ? standard_title (first) : NULL);
  g_string_append (out, ", \"code\": ");
  if (first && ksp_node_get_value (first, "code", KSP_LANG_NONE))
    ksp_json_append_string_or_empty (out, ksp_node_get_value (first, "code", KSP_LANG_NONE));
  else
    g_string_append (out, "null");
  g_string_append (out, ", \"language\": ");
  ksp_json_append_string_or_empty (out, ksp_node_get_value (root, "language", KSP_LANG_NONE));
  g_string_append (out, ", ");
  counts_json (out, &total);
  if (n_std > 1)
    {
      g_string_append (out, ", \"standards\": [");
      for (guint i = 0, k = 0; i < n; i++)
        {
          KspNode *c = ksp_node_get_child (root, i);
          KspCounts one = { 0 };
          if (!g_str_equal (ksp_node_get_kind (c), "standard"))
            continue;
          ksp_counts_add_tree (&one, c);
          g_string_append (out, k++ ? ", {\"title\": " : "{\"title\": ");
          ksp_json_append_string_or_empty (out, standard_title (c));
          g_string_append (out, ", ");
          counts_json (out, &one);
          g_string_append (out, "}");
        }
      g_string_append (out, "]");
    }
  g_string_append (out, ", \"warnings\": [");
  for (guint i = 0; report && i < ksp_import_report_get_n (report); i++)
    {
      const KspImportWarning *w = ksp_import_report_get (report, i);
      g_string_append_printf (out, "%s{\"line\": %u, \"rule\": ", i ? ", " : "", w->line);
      ksp_json_append_string_or_empty (out, w->rule);
      g_string_append (out, ", \"message\": ");
      ksp_json_append_string_or_empty (out, w->message);
      g_string_append (out, "}");
    }
  g_string_append (out, "]}\n");
  return g_string_free (out, FALSE);
}

static void
outline (GString *out,
         KspNode *node,
         guint    depth)
{
  const char *kind = ksp_node_get_kind (node);
  guint n = ksp_node_get_n_children (node);
  gboolean show = g_str_equal (kind, "order") || g_str_equal (kind, "standard") || g_str_equal (kind, "card") ||
                  g_str_equal (kind, "function") || g_str_equal (kind, "skill") || g_str_equal (kind, "not_placed");

  if (show)
    {
      g_autofree char *label = ksp_node_dup_label (node, KSP_LANG_RU);
      const char *kl = ksp_kind_label (ksp_node_get_kind_spec (node), KSP_LANG_RU);
      if (g_utf8_strlen (label, -1) > 90)
        {
          char *cut = g_utf8_offset_to_pointer (label, 90);
          *cut = '\0';
          label = g_realloc (label, strlen (label) + 4);
          strcat (label, "…");
        }
      g_string_append_printf (out, "%*s%s: %s", (int) depth * 2, "", kl, label);
      if (g_str_equal (kind, "skill"))
        {
          guint a = 0, k = 0;
          for (guint i = 0; i < n; i++)
            {
              const char *ck = ksp_node_get_kind (ksp_node_get_child (node, i));
              a += g_str_equal (ck, "ability");
              k += g_str_equal (ck, "knowledge");
            }
          g_string_append_printf (out, "  [умений %u, знаний %u]", a, k);
        }
      g_string_append_c (out, '\n');
    }
  if (g_str_equal (kind, "skill"))
    return;
  for (guint i = 0; i < n; i++)
    outline (out, ksp_node_get_child (node, i), depth + (show ? 1 : 0));
}

char *
ksp_import_summary_text (KspNode         *root,
                         KspImportReport *report)
{
  GString *out = g_string_new (NULL);
  KspCounts c = { 0 };

  outline (out, root, 0);
  ksp_counts_add_tree (&c, root);
  g_string_append_printf (out, "\ncards %u, labour functions %u, skills %u, abilities %u, knowledge %u\n",
                          c.cards, c.functions, c.skills, c.abilities, c.knowledge);
  if (report && ksp_import_report_get_n (report))
    {
      g_string_append_printf (out, "\n%u problems:\n", ksp_import_report_get_n (report));
      for (guint i = 0; i < ksp_import_report_get_n (report); i++)
        {
          const KspImportWarning *w = ksp_import_report_get (report, i);
          g_string_append_printf (out, "  %s:%u: [%s] %s\n", ksp_import_report_get_file (report), w->line, w->rule,
                                  w->message);
        }
    }
  return g_string_free (out, FALSE);
}
