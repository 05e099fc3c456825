/* ksp-search.c: see ksp-search.h */
#include "ksp-search.h"

#include <string.h>

#include "ksp-schema.h"

/**
 * ksp_search_fold:
 * Returns: (transfer full): @text as searches compare it: NFKC, case-folded, «ё» as «е», every run of
 *   white space (no-break spaces included) one space, trimmed
 */
char *
ksp_search_fold (const char *text)
{
  g_autofree char *norm = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");
  norm = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (norm == NULL) /* not UTF-8: the store never holds that, but do not crash on it */
    return g_strdup ("");
  folded = g_utf8_casefold (norm, -1);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2007)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      if (c == 0x0451) /* ё */
        c = 0x0435;    /* е */
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
value_matches (const char *value,
               const char *folded_query)
{
  g_autofree char *folded = NULL;

  if (value == NULL || *value == '\0')
    return FALSE;
  folded = ksp_search_fold (value);
  return strstr (folded, folded_query) != NULL;
}

/**
 * ksp_search_matches:
 * @folded_query: a query folded with ksp_search_fold(), not empty
 *
 * Returns: whether one of @node's own values (any field, either language) holds the query
 */
gboolean
ksp_search_matches (KspNode    *node,
                    const char *folded_query)
{
  const KspKindSpec *spec = ksp_node_get_kind_spec (node);

  g_return_val_if_fail (KSP_IS_NODE (node), FALSE);
  if (spec == NULL || folded_query == NULL || *folded_query == '\0')
    return FALSE;
  for (guint i = 0; i < spec->n_fields; i++)
    {
      const KspFieldSpec *field = &spec->fields[i];
      if (field->flags & KSP_FIELD_META)
        continue;
      if (ksp_field_is_bilingual (field))
        {
          if (value_matches (ksp_node_get_value (node, field->name, KSP_LANG_KK), folded_query) ||
              value_matches (ksp_node_get_value (node, field->name, KSP_LANG_RU), folded_query))
            return TRUE;
        }
      else if (value_matches (ksp_node_get_value (node, field->name, KSP_LANG_NONE), folded_query))
        return TRUE;
    }
  return FALSE;
}

static void
collect (KspNode    *node,
         const char *folded,
         GPtrArray  *out)
{
  if (ksp_search_matches (node, folded))
    g_ptr_array_add (out, g_object_ref (node));
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    collect (ksp_node_get_child (node, i), folded, out);
}

/**
 * ksp_search:
 * @root: the tree to look in (a document, a standard, a card)
 * @query: what to find; white space around it does not count
 *
 * Returns: (transfer container) (element-type KspNode): the elements whose own values hold @query, in
 *   document order (a reference each); empty for an empty query
 */
GPtrArray *
ksp_search (KspNode    *root,
            const char *query)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *folded = ksp_search_fold (query);

  g_return_val_if_fail (KSP_IS_NODE (root), out);
  if (*folded)
    collect (root, folded, out);
  return out;
}

static gboolean
same_number (const char *written,
             const char *wanted)
{
  g_autofree char *a = g_strstrip (g_strdup (written ? written : ""));
  g_autofree char *b = g_strstrip (g_strdup (wanted));
  gsize la = strlen (a), lb = strlen (b);

  while (la > 0 && (a[la - 1] == '.' || a[la - 1] == ')'))
    a[--la] = '\0';
  while (lb > 0 && (b[lb - 1] == '.' || b[lb - 1] == ')'))
    b[--lb] = '\0';
  return la > 0 && strcmp (a, b) == 0;
}

static KspNode *
find_card (KspNode    *node,
           const char *what,
           int         pass)
{
  if (g_str_equal (ksp_node_get_kind (node), "card"))
    {
      if (pass == 0 && same_number (ksp_node_get_number (node), what))
        return node;
      if (pass == 1 && (g_strcmp0 (ksp_node_get_value (node, "occupation_code", KSP_LANG_NONE), what) == 0 ||
                        g_strcmp0 (ksp_node_get_value (node, "group_code", KSP_LANG_NONE), what) == 0))
        return node;
      return NULL;
    }
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    {
      KspNode *found = find_card (ksp_node_get_child (node, i), what, pass);
      if (found)
        return found;
    }
  return NULL;
}

/**
 * ksp_search_go_to:
 * @what: a card's number («9» or «9.»), its occupation code or group code, or an element's ID
 *
 * Returns: (transfer none) (nullable): the first card (in document order) or element that @what names
 */
KspNode *
ksp_search_go_to (KspNode    *root,
                  const char *what)
{
  g_autofree char *w = NULL;
  KspNode *found;

  g_return_val_if_fail (KSP_IS_NODE (root), NULL);
  if (what == NULL)
    return NULL;
  w = g_strstrip (g_strdup (what));
  if (*w == '\0')
    return NULL;
  if ((found = find_card (root, w, 0)) || (found = find_card (root, w, 1)))
    return found;
  return ksp_node_find_descendant (root, w);
}
