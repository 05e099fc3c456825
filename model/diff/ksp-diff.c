/* ksp-diff.c: the structural diff (see ksp-diff.h)
 *
 * Thresholds (tests/model/test-diff.c holds a case for each):
 * - MATCH_THRESHOLD 0.5: two elements under paired parents are the same element when their texts share
 *   at least half their words (Dice coefficient of the word multisets, ksp-word-diff.h). An element with
 *   children takes the better of its own text's similarity and its whole subtree's, so a skill whose
 *   name was reworded but whose abilities and knowledge stayed is still that skill. Below 0.5 a reworded
 *   text is read as one removed and one added element: a reviewer sees both texts in full either way.
 * - MOVE_THRESHOLD 0.8: an element that left its parent is paired with one that appeared under another
 *   parent only when they are nearly the same text (a move, perhaps with a small correction).
 * - Tie-breakers, far below any real difference of similarity: +0.001 when the numbers are equal,
 *   +0.0005 / (1 + distance) by position among the siblings of the kind.
 * - HUNGARIAN_MAX_CELLS 62 500: above 250 × 250 candidates, the assignment is greedy (best pairs first).
 */
#include "ksp-diff.h"

#include <string.h>

#include "ksp-node-path.h"

#define MATCH_THRESHOLD 0.5
#define MOVE_THRESHOLD 0.8
#define NUMBER_BONUS 0.001
#define POSITION_BONUS 0.0005
#define HUNGARIAN_MAX_CELLS 62500

/* Word bags ------------------------------------------------------------------------------------------ */

static int
cmp_u32 (gconstpointer a,
         gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  return x < y ? -1 : x > y;
}

/* Appends the hashes of @text's case-folded words to @bag (unsorted). */
static void
bag_add_text (GArray     *bag,
              const char *text)
{
  const char *p = text;

  if (text == NULL)
    return;
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalnum (c))
        {
          const char *start = p;
          while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          {
            g_autofree char *folded = g_utf8_casefold (start, p - start);
            guint32 h = g_str_hash (folded);
            g_array_append_val (bag, h);
          }
        }
      else
        p = g_utf8_next_char (p);
    }
}

static double
bag_dice (GArray *a,
          GArray *b)
{
  guint i = 0, j = 0, common = 0;

  if (a->len + b->len == 0)
    return 1.0;
  while (i < a->len && j < b->len)
    {
      guint32 x = g_array_index (a, guint32, i), y = g_array_index (b, guint32, j);
      if (x == y)
        {
          common++;
          i++;
          j++;
        }
      else if (x < y)
        i++;
      else
        j++;
    }
  return 2.0 * common / (a->len + b->len);
}

/* The sides ------------------------------------------------------------------------------------------ */

typedef struct {
  KspNode *node;
  int      parent;      /* index of the parent item, -1 for the root */
  int      match;       /* index of the paired item on the other side, -1 */
  guint    pos;         /* position among the parent's children */
  guint    rank;        /* position among the parent's children of its kind */
  int     *kids;        /* indexes of the children, in order */
  guint    n_kids;
  guint64  own_hash;    /* of its kind and its own compared fields as written (lazy: item_hashed) */
  guint64  sub_hash;    /* of the same, its number and its children's sub_hash, in order (lazy) */
  gboolean hashed;      /* own_hash and sub_hash are made */
  gboolean same;        /* paired with an element whose subtree is the same: nothing to compare below */
  char    *content;     /* its own fields, normalised (lazy) */
  GArray  *own;         /* sorted word hashes of its own fields (lazy) */
  GArray  *sub;         /* sorted word hashes of its subtree (lazy) */
} Item;

typedef struct {
  GArray     *items;    /* Item, in the tree's order (pre-order) */
} Side;

static Item *
item_at (Side *side,
         int   i)
{
  return &g_array_index (side->items, Item, i);
}

/* FNV-1a, 64 bits */
static guint64
hash_bytes (guint64     h,
            const char *s)
{
  for (const guchar *p = (const guchar *) s; *p; p++)
    h = (h ^ *p) * G_GUINT64_CONSTANT (1099511628211);
  return (h ^ 0x1f) * G_GUINT64_CONSTANT (1099511628211);   /* a separator */
}

#define HASH_START G_GUINT64_CONSTANT (14695981039346656037)

static const KspLang *field_langs (const KspFieldSpec *field, guint *n);
static gboolean field_is_compared (const KspFieldSpec *field);
static gboolean value_is_blank (const char *value);

typedef gboolean (*CompareValueFunc) (const KspFieldSpec *field,
                                      KspLang             lang,
                                      const char         *value,
                                      gpointer            data);

/* Calls @func with each of @node's own compared values (not the fields about the file, not the derived
 * ones), field by field, language by language, until it returns FALSE. Returns: whether it went through. */
static gboolean
foreach_compared_value (KspNode          *node,
                        CompareValueFunc  func,
                        gpointer          data)
{
  const KspKindSpec *spec = ksp_node_get_kind_spec (node);

  for (guint f = 0; spec && f < spec->n_fields; f++)
    {
      guint n_langs;
      const KspLang *langs;

      if (!field_is_compared (&spec->fields[f]) || (spec->fields[f].flags & KSP_FIELD_DERIVED))
        continue;
      langs = field_langs (&spec->fields[f], &n_langs);
      for (guint l = 0; l < n_langs; l++)
        if (!func (&spec->fields[f], langs[l], ksp_node_get_value (node, spec->fields[f].name, langs[l]), data))
          return FALSE;
    }
  return TRUE;
}

static gboolean
hash_value (const KspFieldSpec *field,
            KspLang             lang,
            const char         *value,
            gpointer            data)
{
  guint64 *h = data;

  *h = hash_bytes (*h, value_is_blank (value) ? "" : value);
  return TRUE;
}

/* The hash of an element's kind and own compared fields, as written (blank values as none). */
static guint64
own_hash (KspNode *node)
{
  guint64 h = hash_bytes (HASH_START, ksp_node_get_kind (node));

  foreach_compared_value (node, hash_value, &h);
  return h;
}

/* The hashes are made when first asked for: between two versions of a standard that share their IDs
 * (an edition and its draft) the IDs pair nearly every element and only the few left are hashed. */
static Item *
item_hashed (Side *side,
             int   i)
{
  Item *it = item_at (side, i);
  guint64 h;

  if (it->hashed)
    return it;
  it->own_hash = own_hash (it->node);
  h = hash_bytes (it->own_hash, ksp_node_get_number (it->node) ? ksp_node_get_number (it->node) : "");
  for (guint k = 0; k < it->n_kids; k++)
    h = (h ^ item_hashed (side, it->kids[k])->sub_hash) * G_GUINT64_CONSTANT (1099511628211);
  it->sub_hash = h;
  it->hashed = TRUE;
  return it;
}

static int
side_add (Side    *side,
          KspNode *node,
          int      parent,
          guint    pos,
          guint    rank)
{
  int self = (int) side->items->len;
  guint n = ksp_node_get_n_children (node);
  Item item = { node, parent, -1, pos, rank, n ? g_new (int, n) : NULL, n, 0, 0, FALSE, FALSE, NULL, NULL, NULL };
  /* the ranks by kind: a parent holds few kinds (kind names are the registry's strings) */
  const char *kinds[32];
  guint counts[32], n_kinds = 0;

  g_array_append_val (side->items, item);
  for (guint i = 0; i < n; i++)
    {
      KspNode *child = ksp_node_get_child (node, i);
      const char *kind = ksp_node_get_kind (child);
      guint k = 0, r;
      int c;

      while (k < n_kinds && kinds[k] != kind && strcmp (kinds[k], kind) != 0)
        k++;
      if (k == n_kinds && n_kinds < G_N_ELEMENTS (kinds))
        {
          kinds[n_kinds] = kind;
          counts[n_kinds++] = 0;
        }
      r = k < n_kinds ? ++counts[k] : i + 1;
      c = side_add (side, child, self, i, r);
      item_at (side, self)->kids[i] = c;
    }
  return self;
}

static void
side_init (Side    *side,
           KspNode *root)
{
  side->items = g_array_new (FALSE, TRUE, sizeof (Item));
  side_add (side, root, -1, 0, 1);
}

static void
side_clear (Side *side)
{
  for (guint i = 0; i < side->items->len; i++)
    {
      Item *it = item_at (side, (int) i);
      g_free (it->kids);
      g_free (it->content);
      if (it->own)
        g_array_unref (it->own);
      if (it->sub)
        g_array_unref (it->sub);
    }
  g_array_unref (side->items);
}

/* Which fields are compared and hashed: not the ones about the file. */
static gboolean
field_is_compared (const KspFieldSpec *field)
{
  return (field->flags & KSP_FIELD_META) == 0;
}

static gboolean
value_is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;
  for (const char *p = value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0x00A0 && c != 0x202F)
        return FALSE;
    }
  return TRUE;
}

static gboolean
values_equivalent (const char *a,
                   const char *b)
{
  if (g_strcmp0 (a, b) == 0)
    return TRUE;
  if (value_is_blank (a) || value_is_blank (b))
    return value_is_blank (a) && value_is_blank (b);
  return ksp_text_equivalent (a, b);
}

static const KspLang bilingual_langs[] = { KSP_LANG_KK, KSP_LANG_RU };
static const KspLang neutral_lang[] = { KSP_LANG_NONE };

static const KspLang *
field_langs (const KspFieldSpec *field,
             guint              *n)
{
  if (ksp_field_is_bilingual (field))
    {
      *n = G_N_ELEMENTS (bilingual_langs);
      return bilingual_langs;
    }
  *n = 1;
  return neutral_lang;
}

/* The element's own fields with their noise removed: a key that pairs the elements whose text is the same
 * but for noise. (Most elements of two versions of a standard pair as written, by own_hash, first.) */
static gboolean
append_normal_value (const KspFieldSpec *field,
                     KspLang             lang,
                     const char         *value,
                     gpointer            data)
{
  g_string_append_c (data, '\x1f');
  if (!value_is_blank (value))
    {
      g_autofree char *norm = ksp_text_normalize (value);
      g_string_append (data, norm);
    }
  return TRUE;
}

static const char *
item_content (Item *it)
{
  if (it->content == NULL)
    {
      GString *s = g_string_new (ksp_node_get_kind (it->node));

      foreach_compared_value (it->node, append_normal_value, s);
      it->content = g_string_free (s, FALSE);
    }
  return it->content;
}

static gboolean
add_value_words (const KspFieldSpec *field,
                 KspLang             lang,
                 const char         *value,
                 gpointer            data)
{
  bag_add_text (data, value);
  return TRUE;
}

static void
add_own_words (GArray  *bag,
               KspNode *node)
{
  foreach_compared_value (node, add_value_words, bag);
}

static GArray *
item_own (Item *it)
{
  if (it->own == NULL)
    {
      it->own = g_array_new (FALSE, FALSE, sizeof (guint32));
      add_own_words (it->own, it->node);
      g_array_sort (it->own, cmp_u32);
    }
  return it->own;
}

static void
add_subtree_words (GArray  *bag,
                   KspNode *node)
{
  add_own_words (bag, node);
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    add_subtree_words (bag, ksp_node_get_child (node, i));
}

static GArray *
item_sub (Item *it)
{
  if (it->sub == NULL)
    {
      it->sub = g_array_new (FALSE, FALSE, sizeof (guint32));
      add_subtree_words (it->sub, it->node);
      g_array_sort (it->sub, cmp_u32);
    }
  return it->sub;
}

/* The number as compared: blanks and a trailing dot or bracket do not count. */
static char *
clean_number (KspNode *node)
{
  const char *n = ksp_node_get_number (node);
  char *s;
  gsize len;

  if (n == NULL)
    return g_strdup ("");
  s = g_strstrip (g_strdup (n));
  len = strlen (s);
  while (len > 0 && (s[len - 1] == '.' || s[len - 1] == ')'))
    s[--len] = '\0';
  return s;
}

/* The matcher ---------------------------------------------------------------------------------------- */

typedef struct {
  Side    old;
  Side    new;
  GQueue  queue;    /* old indexes of pairs whose children are still to be paired */
} Diff;

static void
pair (Diff *d,
      int   o,
      int   n)
{
  item_at (&d->old, o)->match = n;
  item_at (&d->new, n)->match = o;
  g_queue_push_tail (&d->queue, GINT_TO_POINTER (o));
}

static double
similarity (Diff *d,
            int   o,
            int   n)
{
  Item *a = item_at (&d->old, o), *b = item_at (&d->new, n);
  double s = bag_dice (item_own (a), item_own (b));

  if (s < 1.0 && (a->n_kids > 0 || b->n_kids > 0))
    s = MAX (s, bag_dice (item_sub (a), item_sub (b)));
  return s;
}

static double
score (Diff *d,
       int   o,
       int   n)
{
  Item *a = item_at (&d->old, o), *b = item_at (&d->new, n);
  g_autofree char *na = clean_number (a->node);
  g_autofree char *nb = clean_number (b->node);
  double s = similarity (d, o, n);
  guint dist = a->rank > b->rank ? a->rank - b->rank : b->rank - a->rank;

  if (*na && strcmp (na, nb) == 0)
    s += NUMBER_BONUS;
  return s + POSITION_BONUS / (1.0 + dist);
}

/* Hungarian method (Kuhn–Munkres, potentials form) on an n × m cost matrix, n <= m: row i gets column
 * out[i]. */
static void
hungarian (const double *cost,
           guint         n,
           guint         m,
           int          *out)
{
  g_autofree double *u = g_new0 (double, n + 1);
  g_autofree double *v = g_new0 (double, m + 1);
  g_autofree int *p = g_new0 (int, m + 1);
  g_autofree int *way = g_new0 (int, m + 1);
  g_autofree double *minv = g_new (double, m + 1);
  g_autofree gboolean *used = g_new (gboolean, m + 1);

  for (guint i = 1; i <= n; i++)
    {
      int j0 = 0;
      p[0] = (int) i;
      for (guint j = 0; j <= m; j++)
        {
          minv[j] = G_MAXDOUBLE;
          used[j] = FALSE;
        }
      do
        {
          int i0 = p[j0], j1 = 0;
          double delta = G_MAXDOUBLE;

          used[j0] = TRUE;
          for (guint j = 1; j <= m; j++)
            if (!used[j])
              {
                double cur = cost[(i0 - 1) * m + (j - 1)] - u[i0] - v[j];
                if (cur < minv[j])
                  {
                    minv[j] = cur;
                    way[j] = j0;
                  }
                if (minv[j] < delta)
                  {
                    delta = minv[j];
                    j1 = (int) j;
                  }
              }
          for (guint j = 0; j <= m; j++)
            if (used[j])
              {
                u[p[j]] += delta;
                v[j] -= delta;
              }
            else
              minv[j] -= delta;
          j0 = j1;
        }
      while (p[j0] != 0);
      do
        {
          int j1 = way[j0];
          p[j0] = p[j1];
          j0 = j1;
        }
      while (j0);
    }
  for (guint j = 1; j <= m; j++)
    if (p[j] > 0)
      out[p[j] - 1] = (int) j - 1;
}

typedef struct {
  int    a, b;
  double s;
} Candidate;

static int
cmp_candidate (gconstpointer x,
               gconstpointer y)
{
  const Candidate *a = x, *b = y;

  if (a->s != b->s)
    return a->s > b->s ? -1 : 1;
  if (a->a != b->a)
    return a->a - b->a;
  return a->b - b->b;
}

/* Pairs the items of @olds with those of @news whose score reaches @threshold, maximising the sum of
 * the scores. Items already paired are skipped. */
static void
assign (Diff   *d,
        GArray *olds,
        GArray *news,
        double  threshold)
{
  g_autoptr (GArray) a = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) b = g_array_new (FALSE, FALSE, sizeof (int));
  guint n, m;

  for (guint i = 0; i < olds->len; i++)
    if (item_at (&d->old, g_array_index (olds, int, i))->match < 0)
      g_array_append_val (a, g_array_index (olds, int, i));
  for (guint i = 0; i < news->len; i++)
    if (item_at (&d->new, g_array_index (news, int, i))->match < 0)
      g_array_append_val (b, g_array_index (news, int, i));
  n = a->len;
  m = b->len;
  if (n == 0 || m == 0)
    return;

  if ((gsize) n * m <= HUNGARIAN_MAX_CELLS)
    {
      gboolean flip = n > m;
      guint rows = flip ? m : n, cols = flip ? n : m;
      g_autofree double *cost = g_new (double, (gsize) rows * cols);
      g_autofree double *scores = g_new (double, (gsize) n * m);
      g_autofree int *out = g_new (int, rows);

      for (guint i = 0; i < n; i++)
        for (guint j = 0; j < m; j++)
          {
            double s = score (d, g_array_index (a, int, i), g_array_index (b, int, j));
            scores[i * m + j] = s;
            if (flip)
              cost[j * cols + i] = s >= threshold ? 2.0 - s : 2.0;
            else
              cost[i * cols + j] = s >= threshold ? 2.0 - s : 2.0;
          }
      for (guint r = 0; r < rows; r++)
        out[r] = -1;
      hungarian (cost, rows, cols, out);
      for (guint r = 0; r < rows; r++)
        {
          guint i = flip ? (guint) out[r] : r, j = flip ? r : (guint) out[r];
          if (out[r] < 0 || scores[i * m + j] < threshold)
            continue;
          pair (d, g_array_index (a, int, i), g_array_index (b, int, j));
        }
    }
  else
    {
      g_autoptr (GArray) cands = g_array_new (FALSE, FALSE, sizeof (Candidate));

      for (guint i = 0; i < n; i++)
        for (guint j = 0; j < m; j++)
          {
            Candidate c = { g_array_index (a, int, i), g_array_index (b, int, j), 0 };
            c.s = score (d, c.a, c.b);
            if (c.s >= threshold)
              g_array_append_val (cands, c);
          }
      g_array_sort (cands, cmp_candidate);
      for (guint k = 0; k < cands->len; k++)
        {
          Candidate *c = &g_array_index (cands, Candidate, k);
          if (item_at (&d->old, c->a)->match < 0 && item_at (&d->new, c->b)->match < 0)
            pair (d, c->a, c->b);
        }
    }
}

static gboolean
value_equal_in (const KspFieldSpec *field,
                KspLang             lang,
                const char         *value,
                gpointer            other)
{
  const char *there = ksp_node_get_value (other, field->name, lang);

  return g_strcmp0 (value, there) == 0 || (value_is_blank (value) && value_is_blank (there));
}

/* Whether two elements' own compared fields are the same as written (what own_hash hashes). */
static gboolean
own_equal (KspNode *a,
           KspNode *b)
{
  return strcmp (ksp_node_get_kind (a), ksp_node_get_kind (b)) == 0 && foreach_compared_value (a, value_equal_in, b);
}

/* Pairs the items whose text is the same, in order: as written (@normal FALSE: by own_hash, checked
 * field by field), or once normalised. */
static void
pair_equal_contents (Diff     *d,
                     GArray   *olds,
                     GArray   *news,
                     gboolean  normal)
{
  g_autoptr (GHashTable) by_key = normal
    ? g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_queue_free)
    : g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) g_queue_free);

  for (guint j = 0; j < news->len; j++)
    {
      int n = g_array_index (news, int, j);
      Item *b = item_at (&d->new, n);
      gconstpointer key;
      GQueue *q;

      if (b->match >= 0)
        continue;
      key = normal ? (gconstpointer) item_content (b) : (gconstpointer) &item_hashed (&d->new, n)->own_hash;
      if ((q = g_hash_table_lookup (by_key, key)) == NULL)
        g_hash_table_insert (by_key, (gpointer) key, q = g_queue_new ());
      g_queue_push_tail (q, GINT_TO_POINTER (n));
    }
  for (guint i = 0; i < olds->len; i++)
    {
      int o = g_array_index (olds, int, i);
      Item *a = item_at (&d->old, o);
      GQueue *q;

      if (a->match >= 0)
        continue;
      q = g_hash_table_lookup (by_key, normal ? (gconstpointer) item_content (a)
                                              : (gconstpointer) &item_hashed (&d->old, o)->own_hash);
      for (GList *l = q ? q->head : NULL; l; l = l->next)
        {
          int n = GPOINTER_TO_INT (l->data);
          if (item_at (&d->new, n)->match < 0 && (normal || own_equal (a->node, item_at (&d->new, n)->node)))
            {
              pair (d, o, n);
              g_queue_delete_link (q, l);
              break;
            }
        }
    }
}

/* Whether two subtrees are the same as written: own fields, numbers, children in order. */
static gboolean
subtree_equal (Diff *d,
               int   o,
               int   n)
{
  Item *a = item_hashed (&d->old, o), *b = item_hashed (&d->new, n);

  if (a->sub_hash != b->sub_hash || a->n_kids != b->n_kids || !own_equal (a->node, b->node) ||
      g_strcmp0 (ksp_node_get_number (a->node), ksp_node_get_number (b->node)) != 0)
    return FALSE;
  for (guint i = 0; i < a->n_kids; i++)
    if (!subtree_equal (d, a->kids[i], b->kids[i]))
      return FALSE;
  return TRUE;
}

/* Pairs two subtrees that are the same, element by element: nothing below them is compared again. */
static void
pair_same (Diff *d,
           int   o,
           int   n)
{
  Item *a = item_at (&d->old, o), *b = item_at (&d->new, n);

  a->match = n;
  b->match = o;
  a->same = b->same = TRUE;
  for (guint i = 0; i < a->n_kids; i++)
    pair_same (d, a->kids[i], b->kids[i]);
}

/* Pairs the unpaired children of @o and @n whose subtrees are the same (most of them, between two
 * versions of a standard), in order. */
static void
pair_same_children (Diff *d,
                    int   o,
                    int   n)
{
  Item *a = item_at (&d->old, o), *b = item_at (&d->new, n);
  g_autoptr (GHashTable) by_hash = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                          (GDestroyNotify) g_queue_free);

  for (guint j = 0; j < b->n_kids; j++)
    {
      Item *c = item_at (&d->new, b->kids[j]);
      GQueue *q;

      if (c->match >= 0)
        continue;
      c = item_hashed (&d->new, b->kids[j]);
      if ((q = g_hash_table_lookup (by_hash, &c->sub_hash)) == NULL)
        g_hash_table_insert (by_hash, &c->sub_hash, q = g_queue_new ());
      g_queue_push_tail (q, GINT_TO_POINTER (b->kids[j]));
    }
  for (guint i = 0; i < a->n_kids; i++)
    {
      Item *c = item_at (&d->old, a->kids[i]);
      GQueue *q = c->match < 0 ? g_hash_table_lookup (by_hash, &item_hashed (&d->old, a->kids[i])->sub_hash) : NULL;

      for (GList *l = q ? q->head : NULL; l; l = l->next)
        {
          int m = GPOINTER_TO_INT (l->data);
          if (item_at (&d->new, m)->match < 0 && subtree_equal (d, a->kids[i], m))
            {
              pair_same (d, a->kids[i], m);
              g_queue_delete_link (q, l);
              break;
            }
        }
    }
}

/* A card's key: occupation code, with the level and sublevel when @with_level. */
static char *
card_key (Item     *it,
          gboolean  with_level)
{
  const char *code = ksp_node_get_value (it->node, "occupation_code", KSP_LANG_NONE);
  g_autofree char *c = NULL;

  if (ksp_value_state (code) != KSP_VALUE_TEXT)
    return NULL;
  c = g_strstrip (g_strdup (code));
  if (!with_level)
    return g_steal_pointer (&c);
  return g_strdup_printf ("%s|%s|%s", c,
                          ksp_node_get_value (it->node, "ork_level", KSP_LANG_NONE) ?: "",
                          ksp_node_get_value (it->node, "ork_sublevel", KSP_LANG_NONE) ?: "");
}

/* Pairs the cards whose key is unique on both sides and equal. */
static void
pair_cards_by_key (Diff     *d,
                   GArray   *olds,
                   GArray   *news,
                   gboolean  with_level)
{
  g_autoptr (GHashTable) old_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) new_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int side = 0; side < 2; side++)
    {
      GArray *list = side == 0 ? olds : news;
      GHashTable *keys = side == 0 ? old_keys : new_keys;
      Side *s = side == 0 ? &d->old : &d->new;

      for (guint i = 0; i < list->len; i++)
        {
          int k = g_array_index (list, int, i);
          char *key;

          if (item_at (s, k)->match >= 0 || (key = card_key (item_at (s, k), with_level)) == NULL)
            continue;
          /* -1 marks a key that two cards share: not a key. */
          if (g_hash_table_contains (keys, key))
            g_hash_table_replace (keys, key, GINT_TO_POINTER (-1));
          else
            g_hash_table_insert (keys, key, GINT_TO_POINTER (k + 1));
        }
    }
  for (guint i = 0; i < olds->len; i++)
    {
      int o = g_array_index (olds, int, i);
      g_autofree char *key = item_at (&d->old, o)->match < 0 ? card_key (item_at (&d->old, o), with_level) : NULL;
      int oi, ni;

      if (key == NULL)
        continue;
      oi = GPOINTER_TO_INT (g_hash_table_lookup (old_keys, key));
      ni = GPOINTER_TO_INT (g_hash_table_lookup (new_keys, key));
      if (oi > 0 && ni > 0 && item_at (&d->new, ni - 1)->match < 0)
        pair (d, o, ni - 1);
    }
}

/* Kinds of which a parent has one: the two are the same element whatever their text. */
static gboolean
kind_is_single (const char *kind)
{
  return strcmp (kind, "document") == 0 || strcmp (kind, "order") == 0 || strcmp (kind, "standard") == 0 ||
         strcmp (kind, "technical") == 0;
}

static void
match_kind (Diff       *d,
            const char *kind,
            GArray     *olds,
            GArray     *news,
            double      threshold)
{
  pair_equal_contents (d, olds, news, FALSE);
  pair_equal_contents (d, olds, news, TRUE);
  if (strcmp (kind, "card") == 0)
    {
      pair_cards_by_key (d, olds, news, TRUE);
      pair_cards_by_key (d, olds, news, FALSE);
    }
  if (kind_is_single (kind))
    {
      int o = -1, n = -1;
      guint no = 0, nn = 0;
      for (guint i = 0; i < olds->len; i++)
        if (item_at (&d->old, g_array_index (olds, int, i))->match < 0)
          o = g_array_index (olds, int, i), no++;
      for (guint i = 0; i < news->len; i++)
        if (item_at (&d->new, g_array_index (news, int, i))->match < 0)
          n = g_array_index (news, int, i), nn++;
      if (no == 1 && nn == 1)
        pair (d, o, n);
    }
  assign (d, olds, news, threshold);
}

/* Pairs the unpaired children of the pair (@o, its match), kind by kind. */
static void
match_children (Diff *d,
                int   o)
{
  Item *a = item_at (&d->old, o);
  Item *b = item_at (&d->new, a->match);
  g_autoptr (GPtrArray) kinds = NULL;
  guint loose_old = 0, loose_new = 0;

  /* nothing to pair (the children were paired by ID, or there are none): the usual case of an edition
   * against its draft */
  for (guint i = 0; i < a->n_kids; i++)
    loose_old += item_at (&d->old, a->kids[i])->match < 0;
  for (guint i = 0; i < b->n_kids && loose_old; i++)
    loose_new += item_at (&d->new, b->kids[i])->match < 0;
  if (loose_old == 0 || loose_new == 0)
    return;
  kinds = g_ptr_array_new ();
  pair_same_children (d, o, a->match);

  for (guint i = 0; i < a->n_kids; i++)
    {
      const char *kind = ksp_node_get_kind (item_at (&d->old, a->kids[i])->node);
      if (item_at (&d->old, a->kids[i])->match < 0 && !g_ptr_array_find_with_equal_func (kinds, kind, g_str_equal, NULL))
        g_ptr_array_add (kinds, (gpointer) kind);
    }
  for (guint k = 0; k < kinds->len; k++)
    {
      const char *kind = g_ptr_array_index (kinds, k);
      g_autoptr (GArray) olds = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr (GArray) news = g_array_new (FALSE, FALSE, sizeof (int));

      for (guint i = 0; i < a->n_kids; i++)
        if (item_at (&d->old, a->kids[i])->match < 0 && strcmp (ksp_node_get_kind (item_at (&d->old, a->kids[i])->node), kind) == 0)
          g_array_append_val (olds, a->kids[i]);
      for (guint i = 0; i < b->n_kids; i++)
        if (item_at (&d->new, b->kids[i])->match < 0 && strcmp (ksp_node_get_kind (item_at (&d->new, b->kids[i])->node), kind) == 0)
          g_array_append_val (news, b->kids[i]);
      if (olds->len && news->len)
        match_kind (d, kind, olds, news, MATCH_THRESHOLD);
    }
}

static void
drain_queue (Diff *d)
{
  while (!g_queue_is_empty (&d->queue))
    match_children (d, GPOINTER_TO_INT (g_queue_pop_head (&d->queue)));
}

/* The unpaired items of @kind whose parent is paired: where an element was taken out, or put in. */
static GArray *
loose_items (Side       *side,
             const char *kind)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < side->items->len; i++)
    {
      Item *it = item_at (side, (int) i);
      if (it->match < 0 && it->parent >= 0 && item_at (side, it->parent)->match >= 0 &&
          strcmp (ksp_node_get_kind (it->node), kind) == 0)
        g_array_append_val (out, i);
    }
  return out;
}

static gboolean
pair_moves (Diff *d)
{
  guint n_kinds, before = g_queue_get_length (&d->queue);
  const KspKindSpec *const *kinds = ksp_schema_list_kinds (&n_kinds);
  gboolean paired = FALSE;

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr (GArray) olds = loose_items (&d->old, kinds[k]->name);
      g_autoptr (GArray) news = NULL;

      if (olds->len == 0)
        continue;
      news = loose_items (&d->new, kinds[k]->name);
      if (news->len == 0)
        continue;
      pair_equal_contents (d, olds, news, FALSE);
      pair_equal_contents (d, olds, news, TRUE);
      assign (d, olds, news, MOVE_THRESHOLD);
    }
  paired = g_queue_get_length (&d->queue) > before;
  drain_queue (d);
  return paired;
}

/* Whether two elements' compared fields, the derived ones too, and numbers are the same as written: then
 * emit_fields() finds nothing in them. */
static gboolean
fields_same (KspNode *a,
             KspNode *b)
{
  const KspKindSpec *spec = ksp_node_get_kind_spec (a);

  if (spec != ksp_node_get_kind_spec (b) || g_strcmp0 (ksp_node_get_number (a), ksp_node_get_number (b)) != 0)
    return FALSE;
  for (guint f = 0; f < spec->n_fields; f++)
    {
      guint n_langs;
      const KspLang *langs;

      if (!field_is_compared (&spec->fields[f]))
        continue;
      langs = field_langs (&spec->fields[f], &n_langs);
      for (guint l = 0; l < n_langs; l++)
        {
          const char *va = ksp_node_get_value (a, spec->fields[f].name, langs[l]);
          const char *vb = ksp_node_get_value (b, spec->fields[f].name, langs[l]);
          if (g_strcmp0 (va, vb) != 0 && !(value_is_blank (va) && value_is_blank (vb)))
            return FALSE;
        }
    }
  return TRUE;
}

/* After the pairing by IDs: marks the pairs whose subtrees are the same, each element paired with the one
 * at the same place and the same as written (what pair_same() makes), so that nothing below them is
 * compared again; between an edition and its draft, all but the few edited branches. Returns whether
 * @o's subtree is one. */
static gboolean
mark_same_by_id (Diff *d,
                 int   o)
{
  Item *a = item_at (&d->old, o);
  Item *b = a->match >= 0 ? item_at (&d->new, a->match) : NULL;
  gboolean same = b != NULL && a->n_kids == b->n_kids;

  for (guint i = 0; i < a->n_kids; i++)
    {
      gboolean kid_same = mark_same_by_id (d, a->kids[i]);
      same = same && kid_same && item_at (&d->old, a->kids[i])->match == b->kids[i];
    }
  if (same && !fields_same (a->node, b->node))
    same = FALSE;
  if (same)
    a->same = b->same = TRUE;
  return same;
}

static void
match_trees (Diff *d)
{
  g_autoptr (GHashTable) old_ids = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean unique = TRUE;
  int shift = 0;   /* the old index less the new one of the last element paired by ID */

  /* 1. IDs */
  for (guint i = 0; i < d->old.items->len; i++)
    {
      const char *id = ksp_node_get_id (item_at (&d->old, (int) i)->node);
      if (id && !g_hash_table_insert (old_ids, (gpointer) id, GINT_TO_POINTER (i + 1)))
        unique = FALSE;   /* the table keeps the last of the two: only the table says which */
    }
  if (strcmp (ksp_node_get_kind (item_at (&d->old, 0)->node), ksp_node_get_kind (item_at (&d->new, 0)->node)) == 0)
    pair (d, 0, 0);
  for (guint j = 1; j < d->new.items->len; j++)
    {
      Item *b = item_at (&d->new, (int) j);
      const char *id = ksp_node_get_id (b->node);
      int guess = (int) j + shift, o = -1;

      /* an element that kept its place in the tree's order, but for what was added or removed before it
       * (nearly all, between an edition and its draft), is where the last one paired says; else the table */
      if (id && unique && guess > 0 && guess < (int) d->old.items->len &&
          strcmp (ksp_node_get_id (item_at (&d->old, guess)->node), id) == 0)
        o = guess;
      else if (id)
        o = GPOINTER_TO_INT (g_hash_table_lookup (old_ids, id)) - 1;
      if (o > 0)
        shift = o - (int) j;

      if (o > 0 && item_at (&d->old, o)->match < 0 &&
          strcmp (ksp_node_get_kind (item_at (&d->old, o)->node), ksp_node_get_kind (b->node)) == 0)
        pair (d, o, (int) j);
    }
  mark_same_by_id (d, 0);
  /* 2. inside paired parents; 3. moves across parents, until nothing more pairs */
  drain_queue (d);
  for (guint round = 0; round < 4 && pair_moves (d); round++)
    ;
}

/* The changes ---------------------------------------------------------------------------------------- */

void
ksp_change_free (KspChange *change)
{
  if (change == NULL)
    return;
  g_clear_object (&change->old_node);
  g_clear_object (&change->new_node);
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_clear_pointer (&change->spans, g_ptr_array_unref);
  g_clear_pointer (&change->renumbered, g_ptr_array_unref);
  g_clear_object (&change->other_parent);
  g_free (change);
}

static void
renumbering_free (KspRenumbering *r)
{
  g_clear_object (&r->old_node);
  g_clear_object (&r->new_node);
  g_free (r->old_number);
  g_free (r->new_number);
  g_free (r);
}

const char *
ksp_change_op_to_string (KspChangeOp op)
{
  switch (op)
    {
    case KSP_CHANGE_ADDED:
      return "added";
    case KSP_CHANGE_REMOVED:
      return "removed";
    case KSP_CHANGE_MOVED:
      return "moved";
    case KSP_CHANGE_CHANGED:
    default:
      return "changed";
    }
}

static KspChange *
change_new (KspChangeOp  op,
            KspNode     *old_node,
            KspNode     *new_node)
{
  KspChange *c = g_new0 (KspChange, 1);

  c->op = op;
  c->old_node = old_node ? g_object_ref (old_node) : NULL;
  c->new_node = new_node ? g_object_ref (new_node) : NULL;
  c->kind = ksp_node_get_kind (new_node ? new_node : old_node);
  return c;
}

/* A number change waiting to learn whether a structural change explains it. */
typedef struct {
  KspChange *change;   /* in the list, field "number" */
  int        o, n;     /* the pair */
} PendingNumber;

typedef struct {
  Diff       *d;
  GPtrArray  *changes;
  GHashTable *structural;   /* old index of a paired parent → GPtrArray of its children's structural changes */
  GArray     *pending;      /* PendingNumber */
  GHashTable *moved;        /* KspChange of a MOVED element, by its new index + 1 */
} Emit;

static void
note_structural (Emit      *e,
                 int        parent_old,
                 KspChange *change)
{
  GPtrArray *list;

  if (parent_old < 0)
    return;
  list = g_hash_table_lookup (e->structural, GINT_TO_POINTER (parent_old + 1));
  if (list == NULL)
    g_hash_table_insert (e->structural, GINT_TO_POINTER (parent_old + 1), list = g_ptr_array_new ());
  g_ptr_array_add (list, change);
}

static void
emit_fields (Emit *e,
             int   o,
             int   n)
{
  KspNode *a = item_at (&e->d->old, o)->node, *b = item_at (&e->d->new, n)->node;
  const KspKindSpec *spec = ksp_node_get_kind_spec (b);
  g_autoptr (GPtrArray) derived = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_change_free);
  guint n_plain = 0;
  g_autofree char *na = clean_number (a), *nb = clean_number (b);

  for (guint f = 0; spec && f < spec->n_fields; f++)
    {
      const KspFieldSpec *field = &spec->fields[f];
      guint n_langs;
      const KspLang *langs;

      if (!field_is_compared (field))
        continue;
      langs = field_langs (field, &n_langs);
      for (guint l = 0; l < n_langs; l++)
        {
          const char *ov = ksp_node_get_value (a, field->name, langs[l]);
          const char *nv = ksp_node_get_value (b, field->name, langs[l]);
          KspChange *c;

          if (values_equivalent (ov, nv))
            continue;
          c = change_new (KSP_CHANGE_CHANGED, a, b);
          c->field = g_strdup (field->name);
          c->lang = langs[l];
          c->old_value = g_strdup (ov);
          c->new_value = g_strdup (nv);
          c->spans = ksp_word_diff (ov, nv);
          if (n_langs == 2)
            {
              KspLang other = langs[l] == KSP_LANG_KK ? KSP_LANG_RU : KSP_LANG_KK;
              const char *oo = ksp_node_get_value (a, field->name, other);
              const char *no = ksp_node_get_value (b, field->name, other);
              /* a revision of one language (not a first translation) while the other stayed */
              c->stale_translation = !value_is_blank (ov) && !value_is_blank (nv) && !value_is_blank (oo) &&
                                     !value_is_blank (no) && values_equivalent (oo, no);
            }
          if (field->flags & KSP_FIELD_DERIVED)
            g_ptr_array_add (derived, c);
          else
            {
              g_ptr_array_add (e->changes, c);
              n_plain++;
            }
        }
    }
  /* A derived field changed with its source is not a change of its own. */
  if (n_plain == 0)
    for (guint i = 0; i < derived->len; i++)
      g_ptr_array_add (e->changes, g_ptr_array_steal_index (derived, i--));

  if (strcmp (na, nb) != 0)
    {
      KspChange *c = change_new (KSP_CHANGE_CHANGED, a, b);
      PendingNumber p = { c, o, n };

      c->field = g_strdup ("number");
      c->old_value = g_strdup (ksp_node_get_number (a));
      c->new_value = g_strdup (ksp_node_get_number (b));
      g_ptr_array_add (e->changes, c);
      g_array_append_val (e->pending, p);
    }
}

/* Marks (TRUE in @out, by position in @b's children) the paired children that left the longest run
 * kept in order: the others were reordered. */
static void
find_reordered (Emit     *e,
                int       o,
                int       n,
                gboolean *out)
{
  Item *b = item_at (&e->d->new, n);
  g_autofree int *seq = g_new (int, b->n_kids);     /* old positions, for children paired inside o */
  g_autofree int *at = g_new (int, b->n_kids);      /* their positions in b */
  g_autofree int *tail = g_new (int, b->n_kids + 1);
  g_autofree int *prev = g_new (int, b->n_kids);
  guint k = 0, len = 0;

  for (guint j = 0; j < b->n_kids; j++)
    {
      int m = item_at (&e->d->new, b->kids[j])->match;
      out[j] = FALSE;
      if (m >= 0 && item_at (&e->d->old, m)->parent == o)
        {
          seq[k] = (int) item_at (&e->d->old, m)->pos;
          at[k++] = (int) j;
        }
    }
  /* longest increasing subsequence, O(k log k) */
  for (guint i = 0; i < k; i++)
    {
      guint lo = 0, hi = len;
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          if (seq[tail[mid]] < seq[i])
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[i] = lo > 0 ? tail[lo - 1] : -1;
      tail[lo] = (int) i;
      if (lo == len)
        len++;
    }
  {
    g_autofree gboolean *in_run = g_new0 (gboolean, MAX (k, 1));
    for (int i = len > 0 ? tail[len - 1] : -1; i >= 0; i = prev[i])
      in_run[i] = TRUE;
    for (guint i = 0; i < k; i++)
      if (!in_run[i])
        out[at[i]] = TRUE;
  }
}

static void emit_pair (Emit *e, int o, int n);

static void
emit_removed_before (Emit  *e,
                     int    o,
                     guint  before,
                     guint *next)
{
  Item *a = item_at (&e->d->old, o);

  for (; *next < a->n_kids && *next < before; (*next)++)
    {
      Item *c = item_at (&e->d->old, a->kids[*next]);
      if (c->match < 0)
        {
          KspChange *change = change_new (KSP_CHANGE_REMOVED, c->node, NULL);
          change->other_parent = g_object_ref (item_at (&e->d->new, a->match)->node);
          g_ptr_array_add (e->changes, change);
          note_structural (e, o, change);
        }
    }
}

static void
emit_pair (Emit *e,
           int   o,
           int   n)
{
  Item *b = item_at (&e->d->new, n);
  g_autofree gboolean *reordered = NULL;
  guint next_old = 0;

  if (b->same)   /* the same subtree on both sides */
    return;
  reordered = g_new (gboolean, MAX (b->n_kids, 1));
  emit_fields (e, o, n);
  find_reordered (e, o, n, reordered);
  for (guint j = 0; j < b->n_kids; j++)
    {
      int c = b->kids[j];
      int m = item_at (&e->d->new, c)->match;
      KspNode *node = item_at (&e->d->new, c)->node;

      if (m >= 0 && item_at (&e->d->old, m)->parent == o)
        emit_removed_before (e, o, item_at (&e->d->old, m)->pos, &next_old);
      if (m < 0)
        {
          KspChange *change;

          /* what was removed before the next element that stayed reads first: removed, then added */
          guint bound = G_MAXUINT;
          for (guint k = j + 1; k < b->n_kids && bound == G_MAXUINT; k++)
            {
              int mk = item_at (&e->d->new, b->kids[k])->match;
              if (mk >= 0 && item_at (&e->d->old, mk)->parent == o)
                bound = item_at (&e->d->old, mk)->pos;
            }
          emit_removed_before (e, o, bound, &next_old);
          change = change_new (KSP_CHANGE_ADDED, NULL, node);
          change->other_parent = g_object_ref (item_at (&e->d->old, o)->node);
          g_ptr_array_add (e->changes, change);
          note_structural (e, o, change);
          continue;
        }
      if (item_at (&e->d->old, m)->parent != o || reordered[j])
        {
          KspChange *change = change_new (KSP_CHANGE_MOVED, item_at (&e->d->old, m)->node, node);
          int old_parent = item_at (&e->d->old, m)->parent;

          change->reordered = old_parent == o;
          /* the parent it left, as it is in the new tree */
          if (old_parent >= 0 && item_at (&e->d->old, old_parent)->match >= 0)
            change->other_parent = g_object_ref (item_at (&e->d->new, item_at (&e->d->old, old_parent)->match)->node);
          g_ptr_array_add (e->changes, change);
          note_structural (e, o, change);
          if (!change->reordered)
            note_structural (e, item_at (&e->d->old, m)->parent, change);
          g_hash_table_insert (e->moved, GINT_TO_POINTER (c + 1), change);
        }
      emit_pair (e, m, c);
    }
  emit_removed_before (e, o, G_MAXUINT, &next_old);
}

static void
renumbering_add (KspChange *into,
                 KspChange *number)
{
  KspRenumbering *r = g_new0 (KspRenumbering, 1);

  r->old_node = g_object_ref (number->old_node);
  r->new_node = g_object_ref (number->new_node);
  r->old_number = g_strdup (number->old_value);
  r->new_number = g_strdup (number->new_value);
  if (into->renumbered == NULL)
    into->renumbered = g_ptr_array_new_with_free_func ((GDestroyNotify) renumbering_free);
  g_ptr_array_add (into->renumbered, r);
}

/* The structural change among @list (of the kind of @number's element) that explains it: the last one
 * before it in the list of changes, else the first one. */
static KspChange *
explaining_change (GPtrArray *changes,
                   GPtrArray *list,
                   KspChange *number)
{
  KspChange *best = NULL;
  guint at = 0;

  if (list == NULL)
    return NULL;
  g_ptr_array_find (changes, number, &at);
  for (guint i = 0; i < list->len; i++)
    {
      KspChange *c = g_ptr_array_index (list, i);
      guint where = 0;

      if (strcmp (c->kind, number->kind) != 0)
        continue;
      g_ptr_array_find (changes, c, &where);
      if (best == NULL || where < at)
        best = c;
    }
  return best;
}

static void
fold_numbers (Emit *e)
{
  g_autoptr (GHashTable) folded = g_hash_table_new (NULL, NULL);
  guint w = 0;

  for (guint i = 0; i < e->pending->len; i++)
    {
      PendingNumber *p = &g_array_index (e->pending, PendingNumber, i);
      KspChange *into = g_hash_table_lookup (e->moved, GINT_TO_POINTER (p->n + 1));

      if (into == NULL)
        {
          int parent_new = item_at (&e->d->new, p->n)->parent;
          int parent_old = item_at (&e->d->old, p->o)->parent;
          if (parent_new >= 0 && item_at (&e->d->new, parent_new)->match >= 0)
            into = explaining_change (e->changes,
                                      g_hash_table_lookup (e->structural,
                                                           GINT_TO_POINTER (item_at (&e->d->new, parent_new)->match + 1)),
                                      p->change);
          if (into == NULL && parent_old >= 0)
            into = explaining_change (e->changes, g_hash_table_lookup (e->structural, GINT_TO_POINTER (parent_old + 1)),
                                      p->change);
        }
      if (into)
        {
          renumbering_add (into, p->change);
          g_hash_table_add (folded, p->change);
        }
    }
  for (guint i = 0; i < e->changes->len; i++)
    {
      KspChange *c = g_ptr_array_index (e->changes, i);
      if (g_hash_table_contains (folded, c))
        ksp_change_free (c);
      else
        e->changes->pdata[w++] = c;
    }
  e->changes->len = w;
}

GPtrArray *
ksp_diff_trees (KspNode *old_root,
                KspNode *new_root)
{
  Diff d = { 0 };
  Emit e = { 0 };

  g_return_val_if_fail (KSP_IS_NODE (old_root), NULL);
  g_return_val_if_fail (KSP_IS_NODE (new_root), NULL);

  side_init (&d.old, old_root);
  side_init (&d.new, new_root);
  g_queue_init (&d.queue);
  match_trees (&d);

  e.d = &d;
  e.changes = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_change_free);
  e.structural = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  e.pending = g_array_new (FALSE, FALSE, sizeof (PendingNumber));
  e.moved = g_hash_table_new (NULL, NULL);
  if (item_at (&d.old, 0)->match == 0)
    emit_pair (&e, 0, 0);
  else
    {
      g_ptr_array_add (e.changes, change_new (KSP_CHANGE_REMOVED, old_root, NULL));
      g_ptr_array_add (e.changes, change_new (KSP_CHANGE_ADDED, NULL, new_root));
    }
  fold_numbers (&e);

  g_hash_table_unref (e.structural);
  g_array_unref (e.pending);
  g_hash_table_unref (e.moved);
  side_clear (&d.old);
  side_clear (&d.new);
  return e.changes;
}

/* Identity ------------------------------------------------------------------------------------------- */

char *
ksp_change_dup_key (const KspChange *change)
{
  KspNode *node = change->new_node ? change->new_node : change->old_node;
  const char *id = ksp_node_get_id (node);

  g_return_val_if_fail (id != NULL, NULL);
  if (change->op == KSP_CHANGE_CHANGED)
    return g_strdup_printf ("changed:%s:%s%s%s", id, change->field, change->lang == KSP_LANG_NONE ? "" : ":",
                            change->lang == KSP_LANG_NONE ? "" : ksp_lang_to_string (change->lang));
  return g_strdup_printf ("%s:%s", ksp_change_op_to_string (change->op), id);
}

/* Paths ---------------------------------------------------------------------------------------------- */

char *
ksp_change_dup_path (const KspChange *change,
                     KspUiLang        lang)
{
  g_return_val_if_fail (change != NULL, NULL);
  return ksp_node_dup_path (change->new_node ? change->new_node : change->old_node, KSP_NODE_PATH_CODES, lang);
}

char *
ksp_change_dup_old_path (const KspChange *change,
                         KspUiLang        lang)
{
  g_return_val_if_fail (change != NULL, NULL);
  return change->old_node ? ksp_node_dup_path (change->old_node, KSP_NODE_PATH_CODES, lang) : NULL;
}

KspNode *
ksp_change_get_card (const KspChange *change)
{
  KspNode *start;

  g_return_val_if_fail (change != NULL, NULL);
  start = change->new_node ? change->new_node : change->other_parent;
  if (start == NULL)
    start = change->old_node;
  /* a removed card is its own card, in the old tree */
  if (change->op == KSP_CHANGE_REMOVED && strcmp (change->kind, "card") == 0)
    return change->old_node;
  for (KspNode *n = start; n; n = ksp_node_get_parent (n))
    if (strcmp (ksp_node_get_kind (n), "card") == 0)
      return n;
  return NULL;
}

guint
ksp_changes_count_stale (GPtrArray *changes)
{
  guint n = 0;

  g_return_val_if_fail (changes != NULL, 0);
  for (guint i = 0; i < changes->len; i++)
    if (((KspChange *) g_ptr_array_index (changes, i))->stale_translation)
      n++;
  return n;
}
