/* ksp-text-writer.c: a document as readable plain text */
#include "ksp-text-writer.h"

typedef struct
{
  GString *out;
  KspLang  lang;
  guint    depth;
} Writer;

static void
indent (Writer *w)
{
  for (guint i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

static void
write_value (KspNode    *node,
             const char *field,
             KspLang     lang,
             const char *value,
             gpointer    user_data)
{
  Writer *w = user_data;
  const KspFieldSpec *spec = ksp_kind_lookup_field (ksp_node_get_kind_spec (node), field);
  KspValueState state = ksp_value_state (value);

  if (lang != KSP_LANG_NONE && lang != w->lang)
    return;
  indent (w);
  g_string_append_printf (w->out, "%s ", ksp_field_label (spec, w->lang));
  if (state == KSP_VALUE_EMPTY)
    g_string_append (w->out, w->lang == KSP_LANG_KK ? "(бос)\n" : "(пусто)\n");
  else
    {
      g_auto (GStrv) lines = g_strsplit (value, "\n", -1);
      g_string_append_printf (w->out, "%s\n", lines[0]);
      for (guint i = 1; lines[i]; i++)
        {
          indent (w);
          g_string_append_printf (w->out, "  %s\n", lines[i]);
        }
    }
}

static void
write_node (Writer  *w,
            KspNode *node)
{
  const char *number = ksp_node_get_number (node);
  guint n = ksp_node_get_n_children (node);

  indent (w);
  g_string_append_printf (w->out, "[%s%s%s]\n", ksp_kind_label (ksp_node_get_kind_spec (node), w->lang),
                          number ? " " : "", number ? number : "");
  w->depth++;
  ksp_node_foreach_value (node, write_value, w);
  for (guint i = 0; i < n; i++)
    write_node (w, ksp_node_get_child (node, i));
  w->depth--;
}

/**
 * ksp_text_writer_write:
 * @lang: KSP_LANG_RU or KSP_LANG_KK; language-neutral values are always written
 * Returns: (transfer full): the outline with every present value; absent values are left out
 */
char *
ksp_text_writer_write (KspNode *root,
                       KspLang  lang)
{
  Writer w = { g_string_new (NULL), lang == KSP_LANG_KK ? KSP_LANG_KK : KSP_LANG_RU, 0 };

  write_node (&w, root);
  return g_string_free (w.out, FALSE);
}
