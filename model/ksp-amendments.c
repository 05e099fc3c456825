/* ksp-amendments.c: see ksp-amendments.h */
#include "ksp-amendments.h"

#include <stdio.h>
#include <string.h>

#include "ksp-document.h"
#include "ksp-node-path.h"

static void
wording_free (KspWording *w)
{
  g_free (w->act);
  g_free (w->act_date);
  g_free (w->act_number);
  g_free (w->in_force_from);
  g_free (w);
}

void
ksp_point_history_free (KspPointHistory *history)
{
  if (history == NULL)
    return;
  g_ptr_array_unref (history->wordings);
  g_free (history);
}

const char *
ksp_wording_earliest (const KspWording *wording)
{
  g_return_val_if_fail (wording != NULL, NULL);
  return wording->in_force_from ? wording->in_force_from : wording->act_date;
}

static const char *
text_of (KspNode    *node,
         const char *field)
{
  const char *v = ksp_node_get_value (node, field, KSP_LANG_RU);
  return v && *v ? v : ksp_node_get_value (node, field, KSP_LANG_KK);
}

/* A point's number is compared without its dot; a sub-point's keeps its bracket, so «Пункт 2» is not
 * «Подпункт 2)». */
static char *
clean_number (const char *number)
{
  char *s = g_strstrip (g_strdup (number ? number : ""));
  gsize len = strlen (s);

  while (len > 0 && s[len - 1] == '.')
    s[--len] = '\0';
  return s;
}

static gboolean
has_number (KspNode    *node,
            const char *number)
{
  g_autofree char *n = clean_number (ksp_node_get_number (node));
  return *n && strcmp (n, number) == 0 && strcmp (ksp_node_get_kind (node), "note") != 0;
}

/* The element a note is about (see the header). */
static KspNode *
note_target (KspNode *root,
             KspNode *note)
{
  const char *target = ksp_node_get_value (note, "target", KSP_LANG_NONE);
  const char *text = text_of (note, "text");
  KspNode *parent = ksp_node_get_parent (note);
  guint at = 0;

  if (target && *target)
    {
      g_autofree char *number = clean_number (target);

      if (parent && ksp_node_find_child (parent, note, &at))
        for (guint i = at + 1; i < ksp_node_get_n_children (parent); i++)
          if (has_number (ksp_node_get_child (parent, i), number))
            return ksp_node_get_child (parent, i);
      /* then among all the parent's children (a note after its point); not deeper: a labour function 2
       * is not «пункт 2» */
      for (guint i = 0; parent && i < ksp_node_get_n_children (parent); i++)
        if (has_number (ksp_node_get_child (parent, i), number))
          return ksp_node_get_child (parent, i);
      return NULL;
    }
  if (text && (strstr (text, "Кіріспе") || strstr (text, "реамбула")))
    return ksp_node_find_first_of_kind (root, "order");
  if (text && (strstr (text, "Қосымша") || strstr (text, "риложение")))
    return ksp_node_find_first_of_kind (root, "standard");
  return parent;
}

/* The acts a note names: "DD.MM.YYYY № N" (Kazakh notes may name several). */
static void
add_wordings (GPtrArray *out,
              KspNode   *note)
{
  static gsize once;
  static GRegex *act_re;
  const char *kind = ksp_node_get_value (note, "note_kind", KSP_LANG_NONE);
  const char *text = text_of (note, "text");
  const char *amending = text_of (note, "amending_act");
  gboolean repealed = g_strcmp0 (kind, "repeal") == 0 || (text && (strstr (text, "утратил") || strstr (text, "күші жойыл")));
  g_autoptr (GMatchInfo) m = NULL;
  guint before = out->len;

  if (g_once_init_enter (&once))
    {
      act_re = g_regex_new ("(\\d{2})\\.(\\d{2})\\.(\\d{4})\\s*(?:года\\s*|жылғы\\s*)?№\\s*(\\d+[-\\w]*)", 0, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  for (g_regex_match (act_re, text ? text : "", 0, &m); g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      KspWording *w = g_new0 (KspWording, 1);
      g_autofree char *d = g_match_info_fetch (m, 1), *mo = g_match_info_fetch (m, 2), *y = g_match_info_fetch (m, 3);

      w->act_number = g_match_info_fetch (m, 4);
      w->act_date = g_strdup_printf ("%s-%s-%s", y, mo, d);
      w->act = amending && out->len == before ? g_strdup (amending) : g_match_info_fetch (m, 0);
      w->repealed = repealed;
      w->note = note;
      g_ptr_array_add (out, w);
    }
  /* a future wording says the date it takes effect: the last act's (the one that gives the wording) */
  if (out->len > before && g_strcmp0 (kind, "future_wording") == 0)
    {
      KspWording *last = g_ptr_array_index (out, out->len - 1);
      last->in_force_from = g_strdup (ksp_node_get_value (note, "effective_from", KSP_LANG_NONE));
    }
  if (out->len == before && amending)
    {
      KspWording *w = g_new0 (KspWording, 1);
      w->act = g_strdup (amending);
      w->repealed = repealed;
      w->note = note;
      if (g_strcmp0 (kind, "future_wording") == 0)
        w->in_force_from = g_strdup (ksp_node_get_value (note, "effective_from", KSP_LANG_NONE));
      g_ptr_array_add (out, w);
    }
}

static gboolean
is_history_note (KspNode *node)
{
  const char *kind;

  if (strcmp (ksp_node_get_kind (node), "note") != 0)
    return FALSE;
  kind = ksp_node_get_value (node, "note_kind", KSP_LANG_NONE);
  return g_strcmp0 (kind, "future_wording") == 0 || g_strcmp0 (kind, "amendment") == 0 ||
         g_strcmp0 (kind, "repeal") == 0;
}

static void
collect_notes (KspNode   *node,
               GPtrArray *notes)
{
  if (is_history_note (node))
    g_ptr_array_add (notes, node);
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    collect_notes (ksp_node_get_child (node, i), notes);
}

/* The approving order's wording: the order's act, in force from the «Вводится в действие с …» note. */
static KspWording *
approving_wording (KspNode *root)
{
  KspNode *order = ksp_node_find_first_of_kind (root, "order");
  KspWording *w = g_new0 (KspWording, 1);

  w->approving = TRUE;
  if (order)
    {
      /* the act line, else (the 2019 layout) the appendix's «… № 292 бұйрығымен бекітілді» */
      w->act = g_strdup (text_of (order, "act") ? text_of (order, "act") : text_of (order, "appendix_header"));
      w->act_date = g_strdup (ksp_node_get_value (order, "act_date", KSP_LANG_NONE));
      w->act_number = g_strdup (ksp_node_get_value (order, "act_number", KSP_LANG_NONE));
      for (guint i = 0; i < ksp_node_get_n_children (order); i++)
        {
          KspNode *c = ksp_node_get_child (order, i);
          if (strcmp (ksp_node_get_kind (c), "note") == 0 &&
              g_strcmp0 (ksp_node_get_value (c, "note_kind", KSP_LANG_NONE), "effective_date") == 0)
            {
              w->in_force_from = g_strdup (ksp_node_get_value (c, "effective_from", KSP_LANG_NONE));
              break;
            }
        }
    }
  if (w->act_date && strlen (w->act_date) != 10)
    g_clear_pointer (&w->act_date, g_free);
  return w;
}

static KspWording *
wording_copy (const KspWording *w)
{
  KspWording *c = g_new0 (KspWording, 1);

  *c = *w;
  c->act = g_strdup (w->act);
  c->act_date = g_strdup (w->act_date);
  c->act_number = g_strdup (w->act_number);
  c->in_force_from = g_strdup (w->in_force_from);
  return c;
}

static int
cmp_wording (gconstpointer a,
             gconstpointer b)
{
  const KspWording *x = *(KspWording *const *) a, *y = *(KspWording *const *) b;
  const char *dx = ksp_wording_earliest (x), *dy = ksp_wording_earliest (y);

  if (x->approving != y->approving)
    return x->approving ? -1 : 1;
  if (dx == NULL || dy == NULL)
    return (dx == NULL) - (dy == NULL);
  return strcmp (dx, dy);
}

static void
order_of_tree (KspNode    *node,
               GHashTable *order,
               guint      *n)
{
  g_hash_table_insert (order, node, GUINT_TO_POINTER (++*n));
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    order_of_tree (ksp_node_get_child (node, i), order, n);
}

static int
cmp_history (gconstpointer a,
             gconstpointer b,
             gpointer      order)
{
  const KspPointHistory *x = *(KspPointHistory *const *) a, *y = *(KspPointHistory *const *) b;
  guint ox = GPOINTER_TO_UINT (g_hash_table_lookup (order, x->element));
  guint oy = GPOINTER_TO_UINT (g_hash_table_lookup (order, y->element));

  return ox < oy ? -1 : ox > oy;
}

GPtrArray *
ksp_amendments_history (KspNode *root)
{
  g_autoptr (GPtrArray) notes = g_ptr_array_new ();
  g_autoptr (GHashTable) by_element = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) order = g_hash_table_new (NULL, NULL);
  GPtrArray *histories = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_point_history_free);
  KspWording *approving;
  guint n = 0;

  g_return_val_if_fail (KSP_IS_NODE (root), NULL);
  collect_notes (root, notes);
  approving = approving_wording (root);
  for (guint i = 0; i < notes->len; i++)
    {
      KspNode *note = g_ptr_array_index (notes, i);
      KspNode *element = note_target (root, note);
      KspPointHistory *h;

      if (element == NULL)   /* a point the text does not have as an element: not guessed */
        continue;
      if (!(h = g_hash_table_lookup (by_element, element)))
        {
          h = g_new0 (KspPointHistory, 1);
          h->element = element;
          h->wordings = g_ptr_array_new_with_free_func ((GDestroyNotify) wording_free);
          g_ptr_array_add (h->wordings, wording_copy (approving));
          g_hash_table_insert (by_element, element, h);
          g_ptr_array_add (histories, h);
        }
      add_wordings (h->wordings, note);
    }
  wording_free (approving);
  for (guint i = 0; i < histories->len; i++)
    g_ptr_array_sort (((KspPointHistory *) histories->pdata[i])->wordings, cmp_wording);
  order_of_tree (root, order, &n);
  g_ptr_array_sort_with_data (histories, cmp_history, order);
  return histories;
}

KspWording *
ksp_point_history_in_force_on (KspPointHistory *history,
                               const char      *date)
{
  KspWording *found = NULL;

  g_return_val_if_fail (history != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);
  for (guint i = 0; i < history->wordings->len; i++)
    {
      KspWording *w = g_ptr_array_index (history->wordings, i);
      const char *from = ksp_wording_earliest (w);
      if (from == NULL || strcmp (from, date) <= 0)
        found = w;
    }
  return found;
}

/* The text as in force ------------------------------------------------------------------------------- */

static char *
shown_date (const char *iso,
            KspUiLang   lang)
{
  int y, m, d;

  if (iso && sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
    return g_strdup_printf ("%02d.%02d.%04d", d, m, y);
  return ksp_message_arg_term ("history.date-unknown", NULL);
}

/* The act as quoted in a note: without its closing dot. */
static char *
shown_act (const KspWording *w)
{
  g_autofree char *act = g_strstrip (g_strdup (w->act ? w->act : (w->act_number ? w->act_number : "?")));
  gsize len = strlen (act);

  if (len > 1 && act[len - 1] == '.')
    act[len - 1] = '\0';
  return ksp_message_arg_text (act);
}

/* Puts a note with @text in the place of @element (in the nearest ancestor that may hold a note). */
static void
replace_with_note (KspNode    *element,
                   const char *text,
                   KspLang     lang)
{
  KspNode *child = element, *holder = ksp_node_get_parent (element);
  g_autoptr (KspNode) note = ksp_node_new ("note", NULL);
  guint at = 0;

  while (holder && !ksp_kind_allows_child (ksp_node_get_kind_spec (holder), "note"))
    {
      child = holder;
      holder = ksp_node_get_parent (holder);
    }
  ksp_node_set_value (note, "note_kind", KSP_LANG_NONE, "status");
  ksp_node_set_value (note, "text", lang, text);
  if (holder == NULL)
    return;
  ksp_node_find_child (holder, child, &at);
  ksp_node_insert_child (holder, at, note);
  ksp_node_remove_child (ksp_node_get_parent (element), element);
}

KspNode *
ksp_amendments_in_force_on (KspNode    *root,
                            const char *date,
                            KspUiLang   lang,
                            guint      *out_notices,
                            GError    **error)
{
  g_autoptr (KspNode) copy = NULL;
  g_autoptr (GPtrArray) histories = NULL;
  KspWording *approving;
  KspLang data_lang = lang == KSP_UI_LANG_KK ? KSP_LANG_KK : KSP_LANG_RU;
  g_autofree char *when = NULL;
  guint notices = 0;
  int y, m, d;

  g_return_val_if_fail (KSP_IS_NODE (root), NULL);
  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y) ||
      strlen (date) != 10)
    {
      g_set_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID, "a date is written YYYY-MM-DD: «%s»",
                   date ? date : "");
      return NULL;
    }
  copy = ksp_node_copy (root);
  when = shown_date (date, lang);
  histories = ksp_amendments_history (copy);
  for (guint i = 0; i < histories->len; i++)
    {
      KspPointHistory *h = g_ptr_array_index (histories, i);
      KspWording *now = ksp_point_history_in_force_on (h, date);
      KspWording *last = g_ptr_array_index (h->wordings, h->wordings->len - 1);
      g_autofree char *path = ksp_node_dup_path (h->element, KSP_NODE_PATH_CODES, lang);
      g_autofree char *path_arg = ksp_message_arg_text (path);
      g_autofree char *text = NULL;

      if (now == NULL || (now == last && !now->repealed))
        continue;
      if (now->repealed)
        {
          g_autofree char *from = shown_date (ksp_wording_earliest (now), lang);
          g_autofree char *act = shown_act (now);
          const char *args[] = { path_arg, from, act, NULL };
          text = ksp_message_render ("history.repealed", args, lang);
        }
      else
        {
          g_autofree char *from = shown_date (ksp_wording_earliest (now), lang);
          g_autofree char *act = shown_act (now);
          g_autofree char *later_from = shown_date (ksp_wording_earliest (last), lang);
          g_autofree char *later_act = shown_act (last);
          const char *args[] = { path_arg, when, act, from, later_act, later_from, NULL };
          text = ksp_message_render ("history.not-here", args, lang);
        }
      replace_with_note (h->element, text, data_lang);
      notices++;
    }
  approving = approving_wording (copy);
  if (ksp_wording_earliest (approving) && strcmp (ksp_wording_earliest (approving), date) > 0)
    {
      KspNode *order = ksp_node_find_first_of_kind (copy, "order");
      g_autofree char *from = shown_date (ksp_wording_earliest (approving), lang);
      const char *args[] = { when, from, NULL };
      g_autofree char *text = ksp_message_render ("history.not-in-force", args, lang);

      if (order)
        {
          g_autoptr (KspNode) note = ksp_node_new ("note", NULL);
          ksp_node_set_value (note, "note_kind", KSP_LANG_NONE, "status");
          ksp_node_set_value (note, "text", data_lang, text);
          ksp_node_insert_child (order, 0, note);
          notices++;
        }
    }
  wording_free (approving);
  if (out_notices)
    *out_notices = notices;
  return g_steal_pointer (&copy);
}
