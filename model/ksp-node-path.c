/* ksp-node-path.c: readable element paths (see ksp-node-path.h) */
#include "ksp-node-path.h"

#include <string.h>

guint
ksp_node_position_among_kind (KspNode *node)
{
  KspNode *parent = ksp_node_get_parent (node);
  guint k = 0;

  if (parent == NULL)
    return 1;
  for (guint i = 0; i < ksp_node_get_n_children (parent); i++)
    {
      KspNode *c = ksp_node_get_child (parent, i);
      gboolean same = strcmp (ksp_node_get_kind (c), ksp_node_get_kind (node)) == 0;
      if (same)
        k++;
      if (c == node)
        return k;
    }
  return k;
}

char *
ksp_node_dup_number_or_position (KspNode *node,
                                 gboolean strip_dot)
{
  const char *n = ksp_node_get_number (node);

  if (n && *n)
    {
      char *s = g_strstrip (g_strdup (n));
      gsize len = strlen (s);
      if (strip_dot && len > 1 && (s[len - 1] == '.' || s[len - 1] == ')'))
        s[len - 1] = '\0';
      return s;
    }
  return g_strdup_printf ("%u", ksp_node_position_among_kind (node));
}

/* Which kinds a path numbers (the others are named by their label alone), and whether the number's
 * trailing dot or bracket goes: «Карточка 9», but «Знания 4.». The labels are in ksp-messages.c. */
static gboolean
segment_numbering (const char *kind,
                   gboolean   *strip_dot)
{
  static const struct {
    const char *kind;
    gboolean    strip_dot;
  } numbered_kinds[] = {
    { "card", TRUE }, { "function", TRUE }, { "skill", TRUE }, { "ability", FALSE }, { "knowledge", FALSE },
    { "education", TRUE }, { "experience", TRUE }, { "other_name", TRUE }, { "competency", TRUE },
    { "tech_reg", TRUE }, { "ork_link", TRUE }, { "term", FALSE }, { "abbreviation", FALSE }, { "oked", TRUE },
    { "card_list_entry", FALSE }, { "note", TRUE }, { "not_placed", TRUE }, { "order_item", FALSE },
    { "subitem", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbered_kinds); i++)
    if (strcmp (numbered_kinds[i].kind, kind) == 0)
      {
        *strip_dot = numbered_kinds[i].strip_dot;
        return TRUE;
      }
  return FALSE;
}

/* The path as segments "KIND\tNUMBER" (ksp-messages.h); the document and the standard are not named
 * unless the element is one of them. */
char **
ksp_node_path_segments (KspNode          *node,
                        KspNodePathFlags  flags)
{
  g_autoptr (GPtrArray) chain = g_ptr_array_new ();
  GPtrArray *segments = g_ptr_array_new ();

  for (KspNode *n = node; n; n = ksp_node_get_parent (n))
    g_ptr_array_add (chain, n);
  for (guint i = chain->len; i > 0; i--)
    {
      KspNode *n = g_ptr_array_index (chain, i - 1);
      const char *kind = ksp_node_get_kind (n);
      gboolean strip_dot;

      if (strcmp (kind, "document") == 0 || strcmp (kind, "standard") == 0)
        continue;
      if (segment_numbering (kind, &strip_dot))
        {
          g_autofree char *number = ksp_node_dup_number_or_position (n, strip_dot);
          const char *code = (flags & KSP_NODE_PATH_CODES) && strcmp (kind, "card") == 0
                             ? ksp_node_get_value (n, "occupation_code", KSP_LANG_NONE) : NULL;

          if (code && ksp_value_state (code) == KSP_VALUE_TEXT)
            {
              g_autofree char *clean = g_strstrip (g_strdup (code));
              g_ptr_array_add (segments, g_strdup_printf ("%s\t%s (%s)", kind, number, clean));
            }
          else
            g_ptr_array_add (segments, g_strconcat (kind, "\t", number, NULL));
        }
      else
        g_ptr_array_add (segments, g_strconcat (kind, "\t", NULL));
    }
  if (segments->len == 0)
    g_ptr_array_add (segments, g_strdup (strcmp (ksp_node_get_kind (node), "standard") == 0 ? "standard\t" : "document\t"));
  g_ptr_array_add (segments, NULL);
  return (char **) g_ptr_array_free (segments, FALSE);
}


char *
ksp_node_dup_path (KspNode          *node,
                   KspNodePathFlags  flags,
                   KspUiLang         lang)
{
  g_auto (GStrv) segments = NULL;

  g_return_val_if_fail (KSP_IS_NODE (node), NULL);
  segments = ksp_node_path_segments (node, flags);
  return ksp_message_render_path ((const char *const *) segments, lang);
}
