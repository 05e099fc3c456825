/* ksp-classifiers.c: НКЗ occupations, ORK rows and ОКЭД entries (see ksp-classifiers.h) */
#include "ksp-classifiers.h"

#include <string.h>

typedef struct {
  char  *name;
  char  *edition;
  guint  line;
} Occupation;

typedef struct {
  char        *name;
  char        *edition;
  KspOkedRank  rank;
  char        *parent;
} OkedEntry;

struct _KspClassifiers
{
  GObject     parent_instance;
  char       *source;
  GHashTable *occupations; /* code → Occupation */
  GHashTable *groups;      /* code → name */
  GPtrArray  *ork_rows;    /* KspOrkRow */
  GHashTable *oked;        /* normalised code → OkedEntry */
  gboolean    occupations_complete;
};

G_DEFINE_FINAL_TYPE (KspClassifiers, ksp_classifiers, G_TYPE_OBJECT)

/* Current-edition ОКЭД entries used by the social-sphere standards (classifiers-and-validation.md §4;
 * names as printed in seeds 000:51–79 and 001:93–139). */
static const struct {
  const char *code;
  const char *name;
} builtin_oked[] = {
  { "Q", "Здравоохранение и социальное обслуживание населения" },
  { "87", "Предоставление социальных услуг с обеспечением проживания" },
  { "87.3", "Предоставление социальных услуг пожилым гражданам и инвалидам с обеспечением проживания" },
  { "87.30", "Предоставление социальных услуг пожилым гражданам и инвалидам с обеспечением проживания" },
  { "87.30.0", "Предоставление социальных услуг пожилым гражданам и инвалидам с обеспечением проживания" },
  { "87.9", "Предоставление прочих социальных услуг с обеспечением проживания" },
  { "87.90", "Предоставление прочих социальных услуг с обеспечением проживания" },
  { "87.90.0", "Предоставление прочих социальных услуг с обеспечением проживания" },
  { "88", "Предоставление социальных услуг без обеспечения проживания" },
  { "88.1", "Предоставление социальных услуг без обеспечения проживания пожилым гражданам и инвалидам" },
  { "88.10", "Предоставление социальных услуг без обеспечения проживания пожилым гражданам и инвалидам" },
  { "88.10.0", "Предоставление социальных услуг без обеспечения проживания пожилым гражданам и инвалидам" },
  { "88.9", "Предоставление прочих социальных услуг без обеспечения проживания" },
  { "88.99", "Предоставление прочих социальных услуг без обеспечения проживания, не включенные в другие группировки" },
  { "88.99.0", "Предоставление прочих социальных услуг без обеспечения проживания, не включенные в другие группировки" },
};

/* Sections of ОКЭД (NACE Rev. 2 structure) by division range. */
static const struct {
  guint       first;
  guint       last;
  const char *section;
} oked_sections[] = {
  { 1, 3, "A" }, { 5, 9, "B" }, { 10, 33, "C" }, { 35, 35, "D" }, { 36, 39, "E" }, { 41, 43, "F" },
  { 45, 47, "G" }, { 49, 53, "H" }, { 55, 56, "I" }, { 58, 63, "J" }, { 64, 66, "K" }, { 68, 68, "L" },
  { 69, 75, "M" }, { 77, 82, "N" }, { 84, 84, "O" }, { 85, 85, "P" }, { 86, 88, "Q" }, { 90, 93, "R" },
  { 94, 96, "S" }, { 97, 98, "T" }, { 99, 99, "U" },
};

static void
occupation_free (gpointer data)
{
  Occupation *o = data;

  g_free (o->name);
  g_free (o->edition);
  g_free (o);
}

static void
oked_entry_free (gpointer data)
{
  OkedEntry *e = data;

  g_free (e->name);
  g_free (e->edition);
  g_free (e->parent);
  g_free (e);
}

static void
ork_row_free (gpointer data)
{
  KspOrkRow *row = data;

  g_free (row->area);
  g_ptr_array_unref (row->codes);
  g_ptr_array_unref (row->names);
  g_ptr_array_unref (row->proposed);
  g_free (row);
}

static void
ksp_classifiers_finalize (GObject *object)
{
  KspClassifiers *self = KSP_CLASSIFIERS (object);

  g_free (self->source);
  g_hash_table_unref (self->occupations);
  g_hash_table_unref (self->groups);
  g_ptr_array_unref (self->ork_rows);
  g_hash_table_unref (self->oked);
  G_OBJECT_CLASS (ksp_classifiers_parent_class)->finalize (object);
}

static void
ksp_classifiers_class_init (KspClassifiersClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ksp_classifiers_finalize;
}

static void
ksp_classifiers_init (KspClassifiers *self)
{
  self->occupations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, occupation_free);
  self->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->ork_rows = g_ptr_array_new_with_free_func (ork_row_free);
  self->oked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, oked_entry_free);
}

/**
 * ksp_classifiers_new:
 *
 * Returns: (transfer full): classifiers with the built-in current-edition ОКЭД entries and empty НКЗ
 * and ORK tables.
 */
KspClassifiers *
ksp_classifiers_new (void)
{
  KspClassifiers *self = g_object_new (KSP_TYPE_CLASSIFIERS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_oked); i++)
    ksp_classifiers_add_oked (self, builtin_oked[i].code, builtin_oked[i].name,
                              KSP_CLASSIFIERS_EDITION_CURRENT);
  return self;
}

const char *
ksp_classifiers_get_source (KspClassifiers *self)
{
  g_return_val_if_fail (KSP_IS_CLASSIFIERS (self), NULL);
  return self->source;
}

void
ksp_classifiers_set_source (KspClassifiers *self,
                            const char     *source)
{
  g_return_if_fail (KSP_IS_CLASSIFIERS (self));
  g_free (self->source);
  self->source = g_strdup (source);
}

/* НКЗ ------------------------------------------------------------------------------------------- */

/* Adds or replaces an occupation. The first name given for a code wins unless the new one is the
 * only non-empty one: §5 of a framework is read before its appendix. */
void
ksp_classifiers_add_occupation (KspClassifiers *self,
                                const char     *code,
                                const char     *name,
                                const char     *edition,
                                guint           line)
{
  Occupation *o;

  g_return_if_fail (KSP_IS_CLASSIFIERS (self));
  g_return_if_fail (code != NULL);

  o = g_hash_table_lookup (self->occupations, code);
  if (o != NULL)
    {
      if ((o->name == NULL || *o->name == '\0') && name && *name)
        {
          g_free (o->name);
          o->name = g_strdup (name);
        }
      return;
    }
  o = g_new0 (Occupation, 1);
  o->name = g_strdup (name ? name : "");
  o->edition = g_strdup (edition ? edition : KSP_CLASSIFIERS_EDITION_CURRENT);
  o->line = line;
  g_hash_table_insert (self->occupations, g_strdup (code), o);
}

/**
 * ksp_classifiers_lookup_occupation:
 * Returns: (nullable): the НКЗ name of @code, or %NULL when the code is unknown.
 */
const char *
ksp_classifiers_lookup_occupation (KspClassifiers *self,
                                   const char     *code)
{
  Occupation *o;

  g_return_val_if_fail (KSP_IS_CLASSIFIERS (self), NULL);
  if (code == NULL)
    return NULL;
  o = g_hash_table_lookup (self->occupations, code);
  return o ? o->name : NULL;
}

const char *
ksp_classifiers_get_occupation_edition (KspClassifiers *self,
                                        const char     *code)
{
  Occupation *o;

  g_return_val_if_fail (KSP_IS_CLASSIFIERS (self), NULL);
  o = code ? g_hash_table_lookup (self->occupations, code) : NULL;
  return o ? o->edition : NULL;
}

guint
ksp_classifiers_get_occupation_line (KspClassifiers *self,
                                     const char     *code)
{
  Occupation *o;

  g_return_val_if_fail (KSP_IS_CLASSIFIERS (self), 0);
  o = code ? g_hash_table_lookup (self->occupations, code) : NULL;
  return o ? o->line : 0;
}

guint
ksp_classifiers_get_n_occupations (KspClassifiers *self)
{
  g_return_val_if_fail (KSP_IS_CLASSIFIERS (self), 0);
  return g_hash_table_size (self->occupations);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/**
 * ksp_classifiers_list_occupation_codes:
 * Returns: (transfer container) (element-type utf8): the codes, sorted; the strings belong to @self.
 */
GPtrArray *
ksp_classifiers_list_occupation_codes (KspClassifiers *self)
{
  GPtrArray *codes;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (KSP_IS_CLASSIFIERS (self), NULL);
  codes = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->occupations);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (codes, key);
  g_ptr_array_sort (codes, compare_strings);
  return codes;
}

gboolean
ksp_classifiers_get_occupations_complete (KspClassifiers *self)
{
  g_return_val_if_fail (KSP_IS_CLASSIFIERS (self), FALSE);
  return self->occupations_complete;
}

/* TRUE when the occupation table is the whole НКЗ (then an unknown code is an error), FALSE (the
 * default) when it is an excerpt such as a sector framework's list. */
void
ksp_classifiers_set_occupations_complete (KspClassifiers *self,
                                          gboolean        complete)
{
  g_return_if_fail (KSP_IS_CLASSIFIERS (self));
  self->occupations_complete = complete;
}

void
ksp_classifiers_add_group (KspClassifiers *self,
                           const char     *code,
                           const char     *name)
{
  g_return_if_fail (KSP_IS_CLASSIFIERS (self));
  g_return_if_fail (code != NULL);
  if (g_hash_table_contains (self->groups, code))
    return;
  g_hash_table_insert (self->groups, g_strdup (code), g_strdup (name ? name : ""));
}

const char *
ksp_classifiers_lookup_group (KspClassifiers *self,
                              const char     *code)
{
  g_return_val_if_fail (KSP_IS_CLASSIFIERS (self), NULL);
  return code ? g_hash_table_lookup (self->groups, code) : NULL;
}

/* ORK ------------------------------------------------------------------------------------------- */

/**
 * ksp_classifiers_add_ork_row:
 * Returns: (transfer none): the new row, owned by @self; fill it with ksp_ork_row_add_code() and
 * ksp_ork_row_add_proposed().
 */
KspOrkRow *
ksp_classifiers_add_ork_row (KspClassifiers *self,
                             const char     *area,
                             guint           ork_level,
                             guint           nrk_level,
                             guint           line)
{
  KspOrkRow *row;

  g_return_val_if_fail (KSP_IS_CLASSIFIERS (self), NULL);

  row = g_new0 (KspOrkRow, 1);
  row->area = g_strdup (area);
  row->ork_level = ork_level;
  row->nrk_level = nrk_level;
  row->level = ork_level ? ork_level : nrk_level;
  row->codes = g_ptr_array_new_with_free_func (g_free);
  row->names = g_ptr_array_new_with_free_func (g_free);
  row->proposed = g_ptr_array_new_with_free_func (g_free);
  row->line = line;
  g_ptr_array_add (self->ork_rows, row);
  return row;
}

void
ksp_ork_row_add_code (KspOrkRow  *row,
                      const char *code,
                      const char *name)
{
  g_return_if_fail (row != NULL && code != NULL);
  g_ptr_array_add (row->codes, g_strdup (code));
  g_ptr_array_add (row->names, g_strdup (name ? name : ""));
}

void
ksp_ork_row_add_proposed (KspOrkRow  *row,
                          const char *name)
{
  g_return_if_fail (row != NULL && name != NULL);
  g_ptr_array_add (row->proposed, g_strdup (name));
}

guint
ksp_classifiers_get_n_ork_rows (KspClassifiers *self)
{
  g_return_val_if_fail (KSP_IS_CLASSIFIERS (self), 0);
  return self->ork_rows->len;
}

const KspOrkRow *
ksp_classifiers_get_ork_row (KspClassifiers *self,
                             guint           index)
{
  g_return_val_if_fail (KSP_IS_CLASSIFIERS (self), NULL);
  g_return_val_if_fail (index < self->ork_rows->len, NULL);
  return g_ptr_array_index (self->ork_rows, index);
}

static void
widen (gboolean *found,
       guint     level,
       guint    *lo,
       guint    *hi)
{
  if (level == 0)
    {
      *found = TRUE;
      return;
    }
  if (*lo == 0 || level < *lo)
    *lo = level;
  if (level > *hi)
    *hi = level;
  *found = TRUE;
}

/**
 * ksp_classifiers_get_ork_levels:
 * @min: (out) (optional): the lowest ORK level of @code, 0 when no row of the code has a level
 * @max: (out) (optional): the highest ORK level of @code, 0 when no row of the code has a level
 *
 * Returns: %FALSE when @code is in no ORK row.
 */
gboolean
ksp_classifiers_get_ork_levels (KspClassifiers *self,
                                const char     *code,
                                guint          *min,
                                guint          *max)
{
  gboolean found = FALSE;
  guint lo = 0, hi = 0;

  g_return_val_if_fail (KSP_IS_CLASSIFIERS (self), FALSE);

  for (guint r = 0; code && r < self->ork_rows->len; r++)
    {
      KspOrkRow *row = g_ptr_array_index (self->ork_rows, r);
      for (guint i = 0; i < row->codes->len; i++)
        if (strcmp (g_ptr_array_index (row->codes, i), code) == 0)
          widen (&found, row->level, &lo, &hi);
    }
  if (min)
    *min = lo;
  if (max)
    *max = hi;
  return found;
}

/**
 * ksp_classifiers_get_ork_levels_by_name:
 *
 * Like ksp_classifiers_get_ork_levels(), by name: the uncoded proposed names of the rows and the
 * names written next to codes, compared after ksp_classifiers_normalize_name().
 */
gboolean
ksp_classifiers_get_ork_levels_by_name (KspClassifiers *self,
                                        const char     *name,
                                        guint          *min,
                                        guint          *max)
{
  g_autofree char *key = NULL;
  gboolean found = FALSE;
  guint lo = 0, hi = 0;

  g_return_val_if_fail (KSP_IS_CLASSIFIERS (self), FALSE);

  key = name ? ksp_classifiers_normalize_name (name) : NULL;
  for (guint r = 0; key && *key && r < self->ork_rows->len; r++)
    {
      KspOrkRow *row = g_ptr_array_index (self->ork_rows, r);
      for (guint i = 0; i < row->proposed->len + row->names->len; i++)
        {
          const char *n = i < row->proposed->len ? g_ptr_array_index (row->proposed, i)
                                                 : g_ptr_array_index (row->names, i - row->proposed->len);
          g_autofree char *other = ksp_classifiers_normalize_name (n);
          const char *nkz = i < row->proposed->len ? NULL
                          : ksp_classifiers_lookup_occupation (self, g_ptr_array_index (row->codes, i - row->proposed->len));
          g_autofree char *nkz_key = nkz ? ksp_classifiers_normalize_name (nkz) : NULL;

          if (strcmp (other, key) == 0 || g_strcmp0 (nkz_key, key) == 0)
            widen (&found, row->level, &lo, &hi);
        }
    }
  if (min)
    *min = lo;
  if (max)
    *max = hi;
  return found;
}

/* ОКЭД ------------------------------------------------------------------------------------------ */

/**
 * ksp_oked_normalize_code:
 * Returns: (transfer full) (nullable): @code trimmed, without trailing dots or punctuation
 * ("87.3." → "87.3", "Q;" → "Q"); %NULL for %NULL.
 */
char *
ksp_oked_normalize_code (const char *code)
{
  char *s;
  gsize len;

  if (code == NULL)
    return NULL;
  s = g_strstrip (g_strdup (code));
  len = strlen (s);
  while (len > 0 && strchr (".;:,", s[len - 1]) != NULL)
    s[--len] = '\0';
  return s;
}

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* The rank @code has by its shape (no trailing dot expected: normalise first). */
KspOkedRank
ksp_oked_rank_of_code (const char *code)
{
  gsize len;

  if (code == NULL)
    return KSP_OKED_RANK_INVALID;
  len = strlen (code);
  if (len == 1 && code[0] >= 'A' && code[0] <= 'U')
    return KSP_OKED_RANK_SECTION;
  if (len == 2 && all_digits (code, 2))
    return KSP_OKED_RANK_DIVISION;
  if (len == 4 && all_digits (code, 2) && code[2] == '.' && g_ascii_isdigit (code[3]))
    return KSP_OKED_RANK_GROUP;
  if (len == 5 && all_digits (code, 2) && code[2] == '.' && all_digits (code + 3, 2))
    return KSP_OKED_RANK_CLASS;
  if (len == 7 && all_digits (code, 2) && code[2] == '.' && all_digits (code + 3, 2) && code[5] == '.'
      && g_ascii_isdigit (code[6]))
    return KSP_OKED_RANK_SUBCLASS;
  return KSP_OKED_RANK_INVALID;
}

/**
 * ksp_oked_section_of_division:
 * Returns: (nullable): the section letter of ОКЭД division @division (87 → "Q"), %NULL if none.
 */
const char *
ksp_oked_section_of_division (guint division)
{
  for (guint i = 0; i < G_N_ELEMENTS (oked_sections); i++)
    if (division >= oked_sections[i].first && division <= oked_sections[i].last)
      return oked_sections[i].section;
  return NULL;
}

static char *
oked_parent_of (const char  *code,
                KspOkedRank  rank)
{
  switch (rank)
    {
    case KSP_OKED_RANK_SUBCLASS:
      return g_strndup (code, 5);
    case KSP_OKED_RANK_CLASS:
      return g_strndup (code, 4);
    case KSP_OKED_RANK_GROUP:
      return g_strndup (code, 2);
    case KSP_OKED_RANK_DIVISION:
      return g_strdup (ksp_oked_section_of_division ((guint) g_ascii_strtoull (code, NULL, 10)));
    case KSP_OKED_RANK_SECTION:
    case KSP_OKED_RANK_INVALID:
    default:
      return NULL;
    }
}

void
ksp_classifiers_add_oked (KspClassifiers *self,
                          const char     *code,
                          const char     *name,
                          const char     *edition)
{
  g_autofree char *key = NULL;
  OkedEntry *e;

  g_return_if_fail (KSP_IS_CLASSIFIERS (self));
  g_return_if_fail (code != NULL);

  key = ksp_oked_normalize_code (code);
  e = g_new0 (OkedEntry, 1);
  e->name = g_strdup (name ? name : "");
  e->edition = g_strdup (edition ? edition : KSP_CLASSIFIERS_EDITION_CURRENT);
  e->rank = ksp_oked_rank_of_code (key);
  e->parent = oked_parent_of (key, e->rank);
  g_hash_table_replace (self->oked, g_steal_pointer (&key), e);
}

/**
 * ksp_classifiers_lookup_oked:
 * @code: an ОКЭД code as written; a trailing dot is ignored
 * Returns: (nullable): its name, or %NULL when unknown.
 */
const char *
ksp_classifiers_lookup_oked (KspClassifiers *self,
                             const char     *code)
{
  g_autofree char *key = ksp_oked_normalize_code (code);
  OkedEntry *e;

  g_return_val_if_fail (KSP_IS_CLASSIFIERS (self), NULL);
  e = key ? g_hash_table_lookup (self->oked, key) : NULL;
  return e ? e->name : NULL;
}

const char *
ksp_classifiers_get_oked_parent (KspClassifiers *self,
                                 const char     *code)
{
  g_autofree char *key = ksp_oked_normalize_code (code);
  OkedEntry *e;

  g_return_val_if_fail (KSP_IS_CLASSIFIERS (self), NULL);
  e = key ? g_hash_table_lookup (self->oked, key) : NULL;
  return e ? e->parent : NULL;
}

/**
 * ksp_classifiers_list_oked_codes:
 * @rank: which rank (e.g. %KSP_OKED_RANK_SUBCLASS)
 *
 * Returns: (transfer container) (element-type utf8): the ОКЭД codes of that rank, sorted; the strings
 *   belong to @self
 */
GPtrArray *
ksp_classifiers_list_oked_codes (KspClassifiers *self,
                                 KspOkedRank     rank)
{
  GPtrArray *codes;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (KSP_IS_CLASSIFIERS (self), NULL);
  codes = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->oked);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((OkedEntry *) value)->rank == rank)
      g_ptr_array_add (codes, key);
  g_ptr_array_sort (codes, compare_strings);
  return codes;
}

/* Names ----------------------------------------------------------------------------------------- */

char *
ksp_classifiers_normalize_name (const char *name)
{
  g_autofree char *nfc = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  if (name == NULL)
    return g_strdup ("");
  nfc = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (nfc, -1);

  out = g_string_new (NULL);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x0451) /* ё */
        c = 0x0435;
      if (c == 0x2013 || c == 0x2014 || c == 0x2212)
        c = '-';
      if (c == '"' || c == 0x00AB || c == 0x00BB || c == 0x201C || c == 0x201D || c == 0x201E
          || c == '\'' || c == 0x2018 || c == 0x2019)
        continue;
      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  while (out->len > 0 && strchr (".,;:", out->str[out->len - 1]) != NULL)
    g_string_truncate (out, out->len - 1);
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}
