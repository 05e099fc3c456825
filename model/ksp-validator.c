/* ksp-validator.c: the validation rules (see ksp-validator.h)
 *
 * What each rule checks, and what it does not (classifiers-and-validation.md §5 and the problem lists
 * of standard-2024-ru.md §4 and standard-kk-editions.md §5):
 *
 * V1  (E) Code syntax: card occupation code ^\d{4}-\d-\d{3}$ (a lone «-» is an error: no code), group
 *     code ^\d{4}(-\d)?$, codes of other names and ORK links, ОКЭД codes by rank (a trailing dot is
 *     tolerated with a warning), standard code ^[A-U]\d{8}$, «СТ РК N-YYYY» designations. Not checked:
 *     act numbers and dates inside free text.
 * V2  (E) The occupation code starts with the card's group code.
 * V3  (E/W) [classifiers] The occupation code is in the НКЗ (an error only when the classifier is the
 *     complete НКЗ; against a sector excerpt an unknown code is V5), and the card's Russian name equals
 *     the НКЗ name or one of its bracketed variants (W). Kazakh-only names are not compared.
 * V4  (W) [classifiers] The card's level (range) lies within the ORK levels of its code; a card whose
 *     code is not in the ORK is looked up by name among the ORK names and proposed names.
 * V5  (I) [classifiers] The occupation code is absent from the ORK.
 * V6  (E) Level syntax and consistency: levels 1–8, a range a-b needs a < b, a sub-level L.n has a
 *     prefix within the level (card, list entry, ORK link). Not checked: the category convention
 *     (needs a configured mapping).
 * V7  (W) Required fields: card title/name, group and occupation code, ORK level, education level
 *     (per row), experience, at least one TF; standard code and name; ORK link level.
 * V8  (W) Education ↔ level per §2 (начальное 1–2, общее среднее 1–3, ТиПО 3–4, послесреднее 5,
 *     высшее 6–8, послевузовское 7–8, докторантура 8; Kazakh wording too). Not checked: ЕТКС разряд ↔
 *     level (the seeds define no table).
 * V9  (E) ОКЭД chain hierarchy: each code extends the one above, no level skipped, division in its
 *     section (NACE ranges). Names are not compared.
 * V10 (E) The standard code's subclass (Q|87300|060 → 87.30.0) is in the standard's own ОКЭД list.
 * V11 (W) Card list entry ↔ card: level equal; entries paired by name, leftovers in order (name
 *     differs). Count and unmatched entries/cards are C1.
 * V12 (W) Other names: not the card's own code; [classifiers] code found in the НКЗ (I against an
 *     excerpt, W against the complete НКЗ).
 * V13 (W) The level of an ORK link equals the level of the card of the same name in the standard.
 * V14 (W) Classifier edition: a bare 4-digit base group without an occupation code, or a mention of
 *     ГК РК 01-2005 / 03-2007. Not checked: per-code editions beyond what the classifiers record.
 * V15 (W) Legal references: only the «Закона … Министра» pattern (a minister issues a приказ).
 *     Not checked: superseded or repealed acts, paragraph ↔ profession (needs a register of acts).
 * V16 (W) ORK self-consistency (ksp_validate_classifiers()): a code on rows of different levels,
 *     appendix name ≠ §5 name, code in the appendix but not in §5 or the reverse.
 * V17 (I) Level plausible for the first digit of the НКЗ code (envelope observed in seed 003:
 *     1 → 6–8, 2 → 4–6, 3 → 4–6, 4 → 3–4, 5 → 2, 7 → 2–4, 8 → 2, 9 → 2).
 * N1  (W) Numbering gaps, and lists that should start at 1 but do not (items, skills, TFs, terms,
 *     abbreviations, card list); card numbers must be consecutive.
 * N2  (W) A number repeated, or going backwards, in one list.
 * D1  (W) Two cards with identical TF/skill/ability/knowledge content.
 * D2  (W) The same item twice in one list (abilities, knowledge, education rows, other names, ...).
 * S1  (W) A word mixing Latin and Cyrillic letters (look-alikes: «гидрофизioterapiи»).
 * A1  (W) An all-capitals Cyrillic abbreviation (2–6 letters) used in the standard but not in its list
 *     of abbreviations (I when the standard has no list at all).
 * C1  (W) Card list ↔ chapter 3: entry count vs card count, entries without a card, cards not listed.
 * T1  (W) TF name in the list ≠ TF heading; TF listed without a section or a section not listed.
 * E1  (W) A skill without abilities and knowledge; a TF without skills.
 * K1  (W) Approval chronology: national body before sector council; approvals after the order's date.
 */
#include "ksp-validator.h"

#include "ksp-node-path.h"
#include "ksp-json.h"

#include <stdio.h>
#include <string.h>

typedef struct {
  GPtrArray      *findings;
  KspClassifiers *cls;
} Ctx;

/* Findings ---------------------------------------------------------------------------------------- */

KspFinding *
ksp_finding_new (KspSeverity  severity,
                 const char  *rule,
                 const char  *node_id,
                 const char  *path,
                 guint        line,
                 const char  *message)
{
  KspFinding *f = g_new0 (KspFinding, 1);

  f->severity = severity;
  f->rule = g_strdup (rule);
  f->node_id = g_strdup (node_id);
  f->path = g_strdup (path ? path : "");
  f->line = line;
  f->message = g_strdup (message ? message : "");
  return f;
}

/**
 * ksp_finding_new_message:
 * @path_segments: (nullable) (array zero-terminated=1): "KIND\tNUMBER", outermost first
 * @message_id: a message of the catalogue (ksp-messages.h)
 * @args: (nullable) (array zero-terminated=1): its arguments
 *
 * A finding as data; `path` and `message` are rendered in Russian.
 */
KspFinding *
ksp_finding_new_message (KspSeverity        severity,
                         const char        *rule,
                         const char        *node_id,
                         const char *const *path_segments,
                         guint              line,
                         const char        *message_id,
                         const char *const *args)
{
  KspFinding *f;

  g_return_val_if_fail (message_id != NULL, NULL);

  f = g_new0 (KspFinding, 1);
  f->severity = severity;
  f->rule = g_strdup (rule);
  f->node_id = g_strdup (node_id);
  f->line = line;
  f->message_id = g_strdup (message_id);
  f->args = g_strdupv ((char **) args);
  f->path_segments = g_strdupv ((char **) path_segments);
  f->path = path_segments ? ksp_message_render_path (path_segments, KSP_UI_LANG_RU) : g_strdup ("");
  f->message = ksp_message_render (message_id, args, KSP_UI_LANG_RU);
  if (f->message == NULL)
    {
      g_critical ("%s: no message «%s» in the catalogue", G_STRFUNC, message_id);
      f->message = g_strdup (message_id);
    }
  return f;
}

void
ksp_finding_free (KspFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->rule);
  g_free (finding->node_id);
  g_free (finding->path);
  g_free (finding->message);
  g_free (finding->message_id);
  g_strfreev (finding->args);
  g_strfreev (finding->path_segments);
  g_free (finding);
}

const char *
ksp_severity_to_string (KspSeverity severity)
{
  switch (severity)
    {
    case KSP_SEVERITY_ERROR:
      return "error";
    case KSP_SEVERITY_WARNING:
      return "warning";
    case KSP_SEVERITY_INFO:
    default:
      return "info";
    }
}

const char *
ksp_finding_severity_to_string (const KspFinding *finding)
{
  g_return_val_if_fail (finding != NULL, NULL);
  return ksp_severity_to_string (finding->severity);
}

/**
 * ksp_finding_dup_message:
 * Returns: (transfer full): the message in @lang; a finding without a message ID (or with one the
 *   catalogue does not have) gives its `message` as it is
 */
char *
ksp_finding_dup_message (const KspFinding *finding,
                         KspUiLang         lang)
{
  char *text;

  g_return_val_if_fail (finding != NULL, NULL);
  if (finding->message_id && (text = ksp_message_render (finding->message_id, (const char *const *) finding->args, lang)))
    return text;
  return g_strdup (finding->message ? finding->message : "");
}

/**
 * ksp_finding_dup_path:
 * Returns: (transfer full): the path in @lang (`path` as it is for a finding without segments)
 */
char *
ksp_finding_dup_path (const KspFinding *finding,
                      KspUiLang         lang)
{
  g_return_val_if_fail (finding != NULL, NULL);
  if (finding->path_segments)
    return ksp_message_render_path ((const char *const *) finding->path_segments, lang);
  return g_strdup (finding->path ? finding->path : "");
}

/* Returns: (transfer full): one JSON object {"severity","rule","node_id","path","line","message",
 * "message_id","args"}: path and message in @lang, the message ID (or null) and its arguments. */
char *
ksp_finding_to_json (const KspFinding *finding,
                     KspUiLang         lang)
{
  GString *out;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (finding != NULL, NULL);

  out = g_string_new ("{\"severity\":");
  path = ksp_finding_dup_path (finding, lang);
  message = ksp_finding_dup_message (finding, lang);
  ksp_json_append_string_or_empty (out, ksp_finding_severity_to_string (finding));
  g_string_append (out, ",\"rule\":");
  ksp_json_append_string_or_empty (out, finding->rule);
  g_string_append (out, ",\"node_id\":");
  if (finding->node_id)
    ksp_json_append_string_or_empty (out, finding->node_id);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\"path\":");
  ksp_json_append_string_or_empty (out, path);
  g_string_append_printf (out, ",\"line\":%u,\"message\":", finding->line);
  ksp_json_append_string_or_empty (out, message);
  g_string_append (out, ",\"message_id\":");
  if (finding->message_id)
    ksp_json_append_string_or_empty (out, finding->message_id);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\"args\":[");
  for (guint i = 0; finding->args && finding->args[i]; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      ksp_json_append_string_or_empty (out, finding->args[i]);
    }
  g_string_append (out, "]}");
  return g_string_free (out, FALSE);
}

guint
ksp_findings_count (GPtrArray   *findings,
                    KspSeverity  severity)
{
  guint n = 0;

  g_return_val_if_fail (findings != NULL, 0);
  for (guint i = 0; i < findings->len; i++)
    if (((KspFinding *) g_ptr_array_index (findings, i))->severity == severity)
      n++;
  return n;
}

guint
ksp_findings_count_rule (GPtrArray  *findings,
                         const char *rule)
{
  guint n = 0;

  g_return_val_if_fail (findings != NULL, 0);
  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (((KspFinding *) g_ptr_array_index (findings, i))->rule, rule) == 0)
      n++;
  return n;
}

/* A message's arguments, as data (A_TEXT, A_INT, A_CHAR), a term (A_TERM) or built already
 * (A_ARG: ksp_message_arg_term(), ksp_message_arg_list()); ARGS (…) ends the list. */
typedef enum {
  ARG_END = 0,
  ARG_TEXT,
  ARG_TERM,
  ARG_INT,
  ARG_CHAR,
  ARG_BUILT,
} ArgKind;

typedef struct {
  ArgKind     kind;
  const char *s;
  gint64      n;
} Arg;

#define A_TEXT(s)  ((Arg) { ARG_TEXT, (s), 0 })
#define A_TERM(id) ((Arg) { ARG_TERM, (id), 0 })
#define A_INT(v)   ((Arg) { ARG_INT, NULL, (gint64) (v) })
#define A_CHAR(c)  ((Arg) { ARG_CHAR, NULL, (guchar) (c) })
#define A_ARG(s)   ((Arg) { ARG_BUILT, (s), 0 })
#define ARGS(...)  ((const Arg[]) { __VA_ARGS__, { ARG_END, NULL, 0 } })
#define NO_ARGS    ((const Arg[]) { { ARG_END, NULL, 0 } })

static char *
encode_arg (const Arg *arg)
{
  switch (arg->kind)
    {
    case ARG_TEXT:
      return ksp_message_arg_text (arg->s);
    case ARG_TERM:
      return ksp_message_arg_term (arg->s, NULL);
    case ARG_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, arg->n);
    case ARG_CHAR:
      {
        char c[2] = { (char) arg->n, '\0' };
        return ksp_message_arg_text (c);
      }
    case ARG_BUILT:
      return g_strdup (arg->s);
    case ARG_END:
    default:
      break;
    }
  g_assert_not_reached ();
  return NULL;
}

static char **
encode_args (const Arg *args)
{
  GPtrArray *out = g_ptr_array_new ();

  for (const Arg *a = args; a->kind != ARG_END; a++)
    g_ptr_array_add (out, encode_arg (a));
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

static void
report (Ctx         *ctx,
        KspSeverity  severity,
        const char  *rule,
        KspNode     *node,
        const char  *message_id,
        const Arg   *args)
{
  g_auto (GStrv) segments = ksp_node_path_segments (node, KSP_NODE_PATH_DEFAULT);
  g_auto (GStrv) encoded = encode_args (args);

  g_ptr_array_add (ctx->findings,
                   ksp_finding_new_message (severity, rule, ksp_node_get_id (node), (const char *const *) segments,
                                            ksp_node_get_src_line (node), message_id,
                                            (const char *const *) encoded));
}

/* Values ------------------------------------------------------------------------------------------- */

static const char *
neutral (KspNode    *node,
         const char *field)
{
  return ksp_node_get_value (node, field, KSP_LANG_NONE);
}

/* The Russian text of a bilingual field when it has text, else the Kazakh one, else NULL. */
static const char *
text_of (KspNode    *node,
         const char *field)
{
  const char *ru = ksp_node_get_value (node, field, KSP_LANG_RU);
  const char *kk = ksp_node_get_value (node, field, KSP_LANG_KK);

  if (ksp_value_state (ru) == KSP_VALUE_TEXT)
    return ru;
  if (ksp_value_state (kk) == KSP_VALUE_TEXT)
    return kk;
  return NULL;
}

static gboolean
has_text (const char *value)
{
  return ksp_value_state (value) == KSP_VALUE_TEXT;
}

static char *
trimmed (const char *s)
{
  return g_strstrip (g_strdup (s ? s : ""));
}

static gboolean
matches (const char *pattern,
         const char *s)
{
  return s && g_regex_match_simple (pattern, s, 0, 0);
}

#define OCCUPATION_RE "^\\d{4}-\\d-\\d{3}$"
#define GROUP_RE      "^\\d{4}(-\\d)?$"
#define STANDARD_RE   "^[A-U]\\d{8}$"

/* Leading integer of a number as written ("4.", "1)", "Навык 2"); -1 if none. */
static int
parse_number (const char *s)
{
  if (s == NULL)
    return -1;
  while (*s && !g_ascii_isdigit (*s))
    s++;
  if (!*s)
    return -1;
  return (int) g_ascii_strtoll (s, NULL, 10);
}

/* "4", "1-2", "3 – 4", "8 ", "4 (4.1, 4.2)", "4 уровень". */
static gboolean
parse_level (const char *s,
             guint      *lo,
             guint      *hi)
{
  const char *p = s;
  char *end;
  guint64 a, b;

  if (s == NULL)
    return FALSE;
  while (g_ascii_isspace (*p))
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  a = g_ascii_strtoull (p, &end, 10);
  p = end;
  b = a;
  while (*p == ' ')
    p++;
  if (*p == '-' || g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—"))
    {
      p = g_utf8_next_char (p);
      while (*p == ' ')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      b = g_ascii_strtoull (p, &end, 10);
      p = end;
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0' && *p != '(' && !g_str_has_prefix (p, "уров") && !g_str_has_prefix (p, "деңгей"))
    return FALSE;
  if (a < 1 || a > 8 || b < 1 || b > 8 || b < a)
    return FALSE;
  *lo = (guint) a;
  *hi = (guint) b;
  return TRUE;
}

static guint
level_mask (guint lo,
            guint hi)
{
  guint m = 0;

  for (guint l = lo; l <= hi && l <= 8; l++)
    m |= 1u << l;
  return m;
}

static char *
level_string (guint lo,
              guint hi)
{
  return lo == hi ? g_strdup_printf ("%u", lo) : g_strdup_printf ("%u-%u", lo, hi);
}

/* Normalised name without bracketed parts: «Социальный работник (высшей … категории)» → «социальный
 * работник». */
static char *
base_name (const char *s)
{
  g_autofree char *n = ksp_classifiers_normalize_name (s);
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = n; *p; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if (depth == 0)
        g_string_append_c (out, *p);
    }
  {
    char *r = ksp_classifiers_normalize_name (out->str);
    g_string_free (out, TRUE);
    return r;
  }
}

/* Adds the keys a name can be matched by: normalised, base, and each bracketed variant. */
static void
add_name_keys (GPtrArray  *keys,
               const char *name,
               gboolean    variants)
{
  g_autofree char *n = ksp_classifiers_normalize_name (name);

  if (*n == '\0')
    return;
  g_ptr_array_add (keys, g_strdup (n));
  g_ptr_array_add (keys, base_name (name));
  if (variants)
    {
      const char *p = n;
      while ((p = strchr (p, '(')) != NULL)
        {
          const char *q = strchr (p, ')');
          if (q == NULL)
            break;
          {
            g_autofree char *inner = g_strndup (p + 1, q - p - 1);
            g_ptr_array_add (keys, ksp_classifiers_normalize_name (inner));
          }
          p = q;
        }
    }
}

static gboolean
keys_intersect (GPtrArray *a,
                GPtrArray *b)
{
  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < b->len; j++)
      if (*(char *) g_ptr_array_index (a, i) && strcmp (g_ptr_array_index (a, i), g_ptr_array_index (b, j)) == 0)
        return TRUE;
  return FALSE;
}

static gboolean
names_match (const char *a,
             const char *b,
             gboolean    b_variants)
{
  g_autoptr (GPtrArray) ka = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) kb = g_ptr_array_new_with_free_func (g_free);

  add_name_keys (ka, a, FALSE);
  add_name_keys (kb, b, b_variants);
  return keys_intersect (ka, kb);
}

static GPtrArray *
children_of_kind (KspNode    *node,
                  const char *kind)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    {
      KspNode *c = ksp_node_get_child (node, i);
      if (kind == NULL || strcmp (ksp_node_get_kind (c), kind) == 0)
        g_ptr_array_add (out, g_object_ref (c));
    }
  return out;
}

/* A card's name: profession name, else title (Russian first). */
static const char *
card_name (KspNode *card)
{
  const char *n = text_of (card, "profession_name");
  return n ? n : text_of (card, "title");
}

static const char *
card_name_ru (KspNode *card)
{
  const char *n = ksp_node_get_value (card, "profession_name", KSP_LANG_RU);
  if (has_text (n))
    return n;
  n = ksp_node_get_value (card, "title", KSP_LANG_RU);
  return has_text (n) ? n : NULL;
}

static gboolean
card_level (KspNode *card,
            guint   *lo,
            guint   *hi)
{
  return parse_level (neutral (card, "ork_level"), lo, hi);
}

static char *
card_number (KspNode *card)
{
  return ksp_node_dup_number_or_position (card, TRUE);
}

/* V8: education text → mask of plausible levels (§2). */
static guint
education_mask (const char *text)
{
  g_autofree char *t = ksp_classifiers_normalize_name (text);
  guint m = 0;

  if (strstr (t, "доктор") || strstr (t, "phd"))
    m |= level_mask (8, 8);
  if (strstr (t, "магистр") || strstr (t, "послевуз") || strstr (t, "жоғары оқу орнынан кейінгі"))
    m |= level_mask (7, 8);
  if (strstr (t, "послесредн") || strstr (t, "прикладн") || strstr (t, "орта білімнен кейінгі"))
    m |= level_mask (5, 5);
  if (strstr (t, "типо") || strstr (t, "технического и профессионального") || strstr (t, "техникалық және кәсіптік"))
    m |= level_mask (3, 4);
  if ((strstr (t, "высше") || strstr (t, "бакалавриат")) && !strstr (t, "прикладн"))
    m |= level_mask (6, 8);
  if (strstr (t, "жоғары") && !strstr (t, "жоғары оқу орнынан кейінгі"))
    m |= level_mask (6, 8);
  if (strstr (t, "жоғары (немесе жоғары оқу орнынан кейінгі)"))
    m |= level_mask (6, 8);
  if (strstr (t, "начальн") || strstr (t, "бастауыш"))
    m |= level_mask (1, 2);
  if (strstr (t, "общее среднее") || strstr (t, "основное среднее") || strstr (t, "основное или общее")
      || strstr (t, "жалпы орта") || strstr (t, "негізгі орта"))
    m |= level_mask (1, 3);
  return m;
}

/* V17 envelope by the first digit of the НКЗ code, observed in seed 003. */
static gboolean
envelope_of (char   first,
             guint *lo,
             guint *hi)
{
  static const struct {
    char  digit;
    guint lo, hi;
  } env[] = {
    { '1', 6, 8 }, { '2', 4, 6 }, { '3', 4, 6 }, { '4', 3, 4 }, { '5', 2, 2 }, { '7', 2, 4 }, { '8', 2, 2 },
    { '9', 2, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (env); i++)
    if (env[i].digit == first)
      {
        *lo = env[i].lo;
        *hi = env[i].hi;
        return TRUE;
      }
  return FALSE;
}

/* Text checks (S1, A1, V15) ------------------------------------------------------------------------ */

typedef struct {
  char    *first_node_id;
  KspNode *first_node; /* not owned; the tree outlives the walk */
  guint    count;
} AbbrUse;

typedef struct {
  Ctx        *ctx;
  KspNode    *node;
  GHashTable *abbr_used; /* abbr → AbbrUse, or NULL when not collecting */
  GRegex     *law_minister;
} TextWalk;

static gboolean
is_cyrillic (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_CYRILLIC;
}

static gboolean
is_latin (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN;
}

static void
abbr_use_free (gpointer data)
{
  AbbrUse *u = data;
  g_free (u->first_node_id);
  g_free (u);
}

static void
check_text_value (KspNode    *node,
                  const char *field,
                  KspLang     lang,
                  const char *value,
                  gpointer    user_data)
{
  TextWalk *w = user_data;
  const KspFieldSpec *spec = ksp_kind_lookup_field (ksp_node_get_kind_spec (node), field);
  g_autoptr (GPtrArray) mixed = g_ptr_array_new_with_free_func (g_free); /* "s1.word" terms */
  g_autofree char *text = NULL;
  guint n_mixed = 0;
  const char *p;

  if (spec == NULL || !ksp_field_is_bilingual (spec) || !has_text (value))
    return;

  text = g_strdup (value);
  p = text;
  while (*p)
    {
      const char *start;
      gboolean lat = FALSE, cyr = FALSE, all_upper = TRUE, only_roman = TRUE;
      guint n = 0;
      GString *latin_letters;

      while (*p && !g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (!*p)
        break;
      start = p;
      latin_letters = g_string_new (NULL);
      while (*p && g_unichar_isalpha (g_utf8_get_char (p)))
        {
          gunichar c = g_utf8_get_char (p);
          if (is_latin (c))
            {
              lat = TRUE;
              g_string_append_unichar (latin_letters, c);
            }
          else if (is_cyrillic (c))
            cyr = TRUE;
          if (!g_unichar_isupper (c))
            all_upper = FALSE;
          if (c != 0x0406 && c != 0x0425) /* І, Х: Roman numerals typed in Cyrillic */
            only_roman = FALSE;
          n++;
          p = g_utf8_next_char (p);
        }

      /* S1: Latin and Cyrillic in one word */
      if (lat && cyr)
        {
          if (n_mixed < 5)
            {
              g_autofree char *word = g_strndup (start, p - start);
              const char *term_args[] = { word, latin_letters->str, NULL };
              g_ptr_array_add (mixed, ksp_message_arg_term ("s1.word", term_args));
            }
          n_mixed++;
        }

      /* A1: all-capitals Cyrillic word of 2–6 letters */
      if (w->abbr_used && cyr && !lat && all_upper && !only_roman && n >= 2 && n <= 6
          && strcmp (field, "abbr") != 0)
        {
          g_autofree char *word = g_strndup (start, p - start);
          gboolean st_rk = strcmp (word, "СТ") == 0 || (strcmp (word, "РК") == 0 && start - text >= 5
                                                          && strncmp (start - 5, "СТ ", 5) == 0);
          if (!st_rk)
            {
              AbbrUse *u = g_hash_table_lookup (w->abbr_used, word);
              if (u == NULL)
                {
                  u = g_new0 (AbbrUse, 1);
                  u->first_node = node;
                  g_hash_table_insert (w->abbr_used, g_steal_pointer (&word), u);
                }
              u->count++;
            }
        }
      g_string_free (latin_letters, TRUE);
    }

  if (n_mixed > 0)
    {
      const char *field_args[] = { ksp_node_get_kind (node), field, NULL };
      g_autofree char *label = ksp_message_arg_term ("field", field_args);
      g_autofree char *words = NULL;

      g_ptr_array_add (mixed, NULL);
      words = ksp_message_arg_list ((const char *const *) mixed->pdata);
      report (w->ctx, KSP_SEVERITY_WARNING, "S1", node, "s1.mixed-script",
              ARGS (A_ARG (label), A_TEXT (ksp_lang_to_string (lang)), A_INT (n_mixed), A_ARG (words)));
    }

  /* V15: «Закона … Министра» */
  {
    g_autoptr (GMatchInfo) mi = NULL;
    if (g_regex_match (w->law_minister, value, 0, &mi))
      {
        g_autofree char *m = g_match_info_fetch (mi, 0);
        report (w->ctx, KSP_SEVERITY_WARNING, "V15", node, "v15.law-of-minister", ARGS (A_TEXT (m)));
      }
  }
}

static void
walk_text (TextWalk *w,
           KspNode  *node)
{
  ksp_node_foreach_value (node, check_text_value, w);
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    {
      KspNode *c = ksp_node_get_child (node, i);
      walk_text (w, c);
    }
}

/* Lists: numbering (N1, N2), duplicates (D2) ------------------------------------------------------- */

static gboolean
numbered_from_one (const char *kind)
{
  static const char *const kinds[] = { "ability", "knowledge", "skill", "function", "term", "abbreviation",
                                       "card_list_entry", NULL };
  return g_strv_contains (kinds, kind);
}

static gboolean
numbered (const char *kind)
{
  return numbered_from_one (kind) || strcmp (kind, "card") == 0;
}

static gboolean
dedup_kind (const char *kind)
{
  static const char *const kinds[] = { "ability", "knowledge", "education", "experience", "other_name",
                                       "competency", "tech_reg", "ork_link", "oked", "term", "abbreviation",
                                       NULL };
  return g_strv_contains (kinds, kind);
}

static void
append_value (KspNode    *node,
              const char *field,
              KspLang     lang,
              const char *value,
              gpointer    user_data)
{
  GString *sig = user_data;
  g_autofree char *n = ksp_classifiers_normalize_name (value);

  g_string_append_printf (sig, "%s/%d=%s\x1f", field, (int) lang, n);
}

static char *
value_signature (KspNode *node)
{
  GString *sig = g_string_new (NULL);
  gboolean any = FALSE;

  ksp_node_foreach_value (node, append_value, sig);
  for (const char *p = sig->str; *p; p++)
    if (*p == '=' && p[1] != '\x1f')
      any = TRUE;
  if (!any)
    {
      g_string_free (sig, TRUE);
      return NULL;
    }
  return g_string_free (sig, FALSE);
}

/* The list's name as in «нумерации умений»: a "plural.*" term, or the kind itself. */
static Arg
kind_plural (const char *kind)
{
  static const struct {
    const char *kind, *term;
  } l[] = {
    { "ability", "plural.ability" }, { "knowledge", "plural.knowledge" }, { "skill", "plural.skill" },
    { "function", "plural.function" }, { "term", "plural.term" }, { "abbreviation", "plural.abbreviation" },
    { "card_list_entry", "plural.card_list_entry" }, { "card", "plural.card" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (l); i++)
    if (strcmp (l[i].kind, kind) == 0)
      return A_TERM (l[i].term);
  return A_TEXT (kind);
}

static void
check_list (Ctx        *ctx,
            KspNode    *parent,
            const char *kind)
{
  g_autoptr (GPtrArray) items = children_of_kind (parent, kind);
  g_autoptr (GHashTable) seen_no = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GHashTable) seen_sig = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int max = -1;

  for (guint i = 0; i < items->len; i++)
    {
      KspNode *item = g_ptr_array_index (items, i);

      if (numbered (kind))
        {
          int n = parse_number (ksp_node_get_number (item));
          if (n >= 0)
            {
              if (g_hash_table_contains (seen_no, GINT_TO_POINTER (n)))
                report (ctx, KSP_SEVERITY_WARNING, "N2", item, "n2.repeated",
                        ARGS (A_INT (n), kind_plural (kind), A_INT (max + 1)));
              else if (max >= 0 && n < max)
                report (ctx, KSP_SEVERITY_WARNING, "N2", item, "n2.out-of-order",
                        ARGS (A_INT (n), A_INT (max), kind_plural (kind), A_INT (max + 1)));
              else if (max >= 0 && n > max + 1)
                {
                  if (n == max + 2)
                    report (ctx, KSP_SEVERITY_WARNING, "N1", item, "n1.gap-one",
                            ARGS (kind_plural (kind), A_INT (max), A_INT (n), A_INT (max + 1)));
                  else
                    report (ctx, KSP_SEVERITY_WARNING, "N1", item, "n1.gap-many",
                            ARGS (kind_plural (kind), A_INT (max), A_INT (n), A_INT (max + 1), A_INT (n - 1)));
                }
              else if (max < 0 && n != 1 && numbered_from_one (kind))
                report (ctx, KSP_SEVERITY_WARNING, "N1", item, "n1.start", ARGS (kind_plural (kind), A_INT (n)));
              g_hash_table_add (seen_no, GINT_TO_POINTER (n));
              if (n > max)
                max = n;
            }
        }

      if (dedup_kind (kind))
        {
          char *sig = value_signature (item);
          if (sig == NULL)
            continue;
          if (g_hash_table_contains (seen_sig, sig))
            {
              KspNode *first = g_hash_table_lookup (seen_sig, sig);
              g_autofree char *where = ksp_node_dup_number_or_position (first, FALSE);
              report (ctx, KSP_SEVERITY_WARNING, "D2", item, "d2.repeated-item",
                      ARGS (A_TEXT (where), A_INT (ksp_node_get_src_line (first))));
              g_free (sig);
            }
          else
            g_hash_table_insert (seen_sig, sig, item);
        }
    }
}

static void
check_lists (Ctx     *ctx,
             KspNode *parent)
{
  g_autoptr (GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < ksp_node_get_n_children (parent); i++)
    {
      KspNode *c = ksp_node_get_child (parent, i);
      const char *kind = ksp_node_get_kind (c);
      if (g_hash_table_contains (done, kind))
        continue;
      g_hash_table_add (done, (gpointer) kind);
      if (numbered (kind) || dedup_kind (kind))
        check_list (ctx, parent, kind);
    }
}

/* Functions, skills (T1, E1) ----------------------------------------------------------------------- */

static void
check_function (Ctx     *ctx,
                KspNode *fn)
{
  const char *list_name = text_of (fn, "list_name");
  const char *name = text_of (fn, "name");
  g_autofree char *no = ksp_node_dup_number_or_position (fn, TRUE);
  g_autoptr (GPtrArray) skills = children_of_kind (fn, "skill");

  if (list_name && name)
    {
      g_autofree char *a = ksp_classifiers_normalize_name (list_name);
      g_autofree char *b = ksp_classifiers_normalize_name (name);
      if (strcmp (a, b) != 0)
        report (ctx, KSP_SEVERITY_WARNING, "T1", fn, "t1.list-vs-heading",
                ARGS (A_TEXT (no), A_TEXT (list_name), A_TEXT (name)));
    }
  else if (list_name && ksp_node_get_value (fn, "name", KSP_LANG_RU) == NULL
           && ksp_node_get_value (fn, "name", KSP_LANG_KK) == NULL)
    report (ctx, KSP_SEVERITY_WARNING, "T1", fn, "t1.no-section", ARGS (A_TEXT (no), A_TEXT (list_name)));
  else if (name && ksp_node_get_value (fn, "list_name", KSP_LANG_RU) == NULL
           && ksp_node_get_value (fn, "list_name", KSP_LANG_KK) == NULL)
    report (ctx, KSP_SEVERITY_WARNING, "T1", fn, "t1.not-listed", ARGS (A_TEXT (no), A_TEXT (name)));

  if (skills->len == 0)
    report (ctx, KSP_SEVERITY_WARNING, "E1", fn, "e1.empty-function", ARGS (A_TEXT (no)));

  for (guint i = 0; i < skills->len; i++)
    {
      KspNode *skill = g_ptr_array_index (skills, i);
      g_autoptr (GPtrArray) abilities = children_of_kind (skill, "ability");
      g_autoptr (GPtrArray) knowledge = children_of_kind (skill, "knowledge");
      g_autofree char *sno = ksp_node_dup_number_or_position (skill, TRUE);
      guint n_text = 0;

      for (guint j = 0; j < abilities->len; j++)
        n_text += text_of (g_ptr_array_index (abilities, j), "text") != NULL;
      for (guint j = 0; j < knowledge->len; j++)
        n_text += text_of (g_ptr_array_index (knowledge, j), "text") != NULL;
      if (n_text == 0)
        report (ctx, KSP_SEVERITY_WARNING, "E1", skill,
                text_of (skill, "name") ? "e1.empty-skill" : "e1.empty-skill-unnamed", ARGS (A_TEXT (sno)));
      check_lists (ctx, skill);
    }
  check_lists (ctx, fn);
}

/* Cards -------------------------------------------------------------------------------------------- */

static void
check_card_codes (Ctx      *ctx,
                  KspNode  *card,
                  gboolean  have_level,
                  guint     lo,
                  guint     hi)
{
  const char *occ_raw = neutral (card, "occupation_code");
  const char *grp_raw = neutral (card, "group_code");
  g_autofree char *occ = trimmed (occ_raw);
  g_autofree char *grp = trimmed (grp_raw);
  gboolean occ_ok = FALSE, grp_ok = FALSE, in_ork = FALSE;
  const char *name_ru = card_name_ru (card);

  switch (ksp_value_state (occ_raw))
    {
    case KSP_VALUE_DASH:
      report (ctx, KSP_SEVERITY_ERROR, "V1", card, "v1.occupation-dash", ARGS (A_TEXT (occ)));
      break;
    case KSP_VALUE_ABSENT:
    case KSP_VALUE_EMPTY:
      report (ctx, KSP_SEVERITY_WARNING, "V7", card, "v7.occupation-missing", NO_ARGS);
      break;
    case KSP_VALUE_TEXT:
    default:
      occ_ok = matches (OCCUPATION_RE, occ);
      if (!occ_ok)
        report (ctx, KSP_SEVERITY_ERROR, "V1", card, "v1.occupation-format", ARGS (A_TEXT (occ)));
      break;
    }

  switch (ksp_value_state (grp_raw))
    {
    case KSP_VALUE_DASH:
      report (ctx, KSP_SEVERITY_ERROR, "V1", card, "v1.group-dash", ARGS (A_TEXT (grp)));
      break;
    case KSP_VALUE_ABSENT:
    case KSP_VALUE_EMPTY:
      report (ctx, KSP_SEVERITY_WARNING, "V7", card, "v7.group-missing", NO_ARGS);
      break;
    case KSP_VALUE_TEXT:
    default:
      grp_ok = matches (GROUP_RE, grp);
      if (!grp_ok)
        report (ctx, KSP_SEVERITY_ERROR, "V1", card, "v1.group-format", ARGS (A_TEXT (grp)));
      break;
    }

  /* V2 */
  if (occ_ok && grp_ok && !(strncmp (occ, grp, strlen (grp)) == 0 && occ[strlen (grp)] == '-'))
    report (ctx, KSP_SEVERITY_ERROR, "V2", card, "v2.occupation-not-in-group", ARGS (A_TEXT (occ), A_TEXT (grp)));

  /* V14: a bare 4-digit base group and no occupation code: the 2005 classifier */
  if (grp_ok && strlen (grp) == 4 && !occ_ok)
    report (ctx, KSP_SEVERITY_WARNING, "V14", card, "v14.bare-group", ARGS (A_TEXT (grp)));

  /* V17 */
  if (occ_ok && have_level)
    {
      guint elo, ehi;
      if (envelope_of (occ[0], &elo, &ehi) && (lo < elo || hi > ehi))
        {
          g_autofree char *l = level_string (lo, hi);
          g_autofree char *e = level_string (elo, ehi);
          report (ctx, KSP_SEVERITY_INFO, "V17", card, "v17.level-unusual",
                  ARGS (A_TEXT (l), A_TEXT (occ), A_CHAR (occ[0]), A_TEXT (e)));
        }
    }

  if (ctx->cls == NULL)
    return;

  if (occ_ok)
    {
      const char *nkz = ksp_classifiers_lookup_occupation (ctx->cls, occ);
      guint min, max;

      /* V3 */
      if (nkz == NULL && ksp_classifiers_get_occupations_complete (ctx->cls))
        report (ctx, KSP_SEVERITY_ERROR, "V3", card, "v3.not-in-nkz", ARGS (A_TEXT (occ)));
      else if (nkz && *nkz && name_ru && !names_match (name_ru, nkz, TRUE)
               && !(has_text (ksp_node_get_value (card, "title", KSP_LANG_RU))
                    && names_match (ksp_node_get_value (card, "title", KSP_LANG_RU), nkz, TRUE)))
        report (ctx, KSP_SEVERITY_WARNING, "V3", card, "v3.name-differs",
                ARGS (A_TEXT (name_ru), A_TEXT (occ), A_TEXT (nkz)));

      /* V5, V4 */
      in_ork = ksp_classifiers_get_ork_levels (ctx->cls, occ, &min, &max);
      if (!in_ork)
        {
          const char *source = ksp_classifiers_get_source (ctx->cls);
          if (source)
            report (ctx, KSP_SEVERITY_INFO, "V5", card, "v5.not-in-ork-source", ARGS (A_TEXT (occ), A_TEXT (source)));
          else
            report (ctx, KSP_SEVERITY_INFO, "V5", card, "v5.not-in-ork", ARGS (A_TEXT (occ)));
        }
      else if (have_level && min > 0 && (lo < min || hi > max))
        {
          g_autofree char *l = level_string (lo, hi);
          g_autofree char *o = level_string (min, max);
          report (ctx, KSP_SEVERITY_WARNING, "V4", card, "v4.level-outside-ork",
                  ARGS (A_TEXT (l), A_TEXT (occ), A_TEXT (o)));
        }
    }

  /* V4 by name when the code does not lead to the ORK */
  if (!in_ork && have_level && name_ru)
    {
      guint min, max;
      if (ksp_classifiers_get_ork_levels_by_name (ctx->cls, name_ru, &min, &max) && min > 0
          && (lo < min || hi > max))
        {
          g_autofree char *l = level_string (lo, hi);
          g_autofree char *o = level_string (min, max);
          report (ctx, KSP_SEVERITY_WARNING, "V4", card, "v4.level-outside-ork-by-name",
                  ARGS (A_TEXT (l), A_TEXT (name_ru), A_TEXT (o)));
        }
    }
}

static void
check_card_levels (Ctx      *ctx,
                   KspNode  *card,
                   gboolean *have_level,
                   guint    *lo,
                   guint    *hi)
{
  const char *raw = neutral (card, "ork_level");
  const char *sub_raw = neutral (card, "ork_sublevel");

  *have_level = FALSE;
  if (!has_text (raw))
    report (ctx, KSP_SEVERITY_WARNING, "V7", card, "v7.level-missing", NO_ARGS);
  else if (!(*have_level = parse_level (raw, lo, hi)))
    report (ctx, KSP_SEVERITY_ERROR, "V6", card, "v6.level-invalid", ARGS (A_TEXT (raw)));

  /* one sub-level, or a list of them («4.1, 4.2, 4.3», seed 002) */
  if (has_text (sub_raw))
    {
      g_auto (GStrv) subs = g_strsplit_set (sub_raw, ",;", -1);
      for (guint i = 0; subs[i]; i++)
        {
          g_autofree char *sub = trimmed (subs[i]);
          if (!matches ("^[1-8]\\.[1-9]\\.?$", sub))
            {
              g_autofree char *all = trimmed (sub_raw);
              report (ctx, KSP_SEVERITY_ERROR, "V6", card, "v6.sublevel-invalid", ARGS (A_TEXT (all)));
              break;
            }
          if (*have_level && ((guint) (sub[0] - '0') < *lo || (guint) (sub[0] - '0') > *hi))
            {
              g_autofree char *l = level_string (*lo, *hi);
              report (ctx, KSP_SEVERITY_ERROR, "V6", card, "v6.sublevel-mismatch", ARGS (A_TEXT (sub), A_TEXT (l)));
              break;
            }
        }
    }
}

static void
check_card_children (Ctx      *ctx,
                     KspNode  *card,
                     gboolean  have_level,
                     guint     lo,
                     guint     hi)
{
  g_autoptr (GPtrArray) education = children_of_kind (card, "education");
  g_autoptr (GPtrArray) experience = children_of_kind (card, "experience");
  g_autoptr (GPtrArray) functions = children_of_kind (card, "function");
  g_autoptr (GPtrArray) others = children_of_kind (card, "other_name");
  g_autoptr (GPtrArray) links = children_of_kind (card, "ork_link");
  g_autoptr (GPtrArray) regs = children_of_kind (card, "tech_reg");
  g_autofree char *occ = trimmed (neutral (card, "occupation_code"));
  guint n_experience = 0;

  /* V7, V8: education */
  if (education->len == 0)
    report (ctx, KSP_SEVERITY_WARNING, "V7", card, "v7.education-missing", NO_ARGS);
  for (guint i = 0; i < education->len; i++)
    {
      KspNode *e = g_ptr_array_index (education, i);
      const char *level = text_of (e, "level");
      guint m;

      if (level == NULL)
        {
          report (ctx, KSP_SEVERITY_WARNING, "V7", e, "v7.education-level-empty", NO_ARGS);
          continue;
        }
      m = education_mask (level);
      if (m != 0 && have_level && (m & level_mask (lo, hi)) == 0)
        {
          g_autofree char *l = level_string (lo, hi);
          report (ctx, KSP_SEVERITY_WARNING, "V8", e, "v8.education-vs-level", ARGS (A_TEXT (level), A_TEXT (l)));
        }
    }

  for (guint i = 0; i < experience->len; i++)
    n_experience += text_of (g_ptr_array_index (experience, i), "text") != NULL;
  if (n_experience == 0)
    report (ctx, KSP_SEVERITY_WARNING, "V7", card, "v7.experience-missing", NO_ARGS);

  if (functions->len == 0)
    report (ctx, KSP_SEVERITY_WARNING, "V7", card, "v7.no-functions", NO_ARGS);

  /* V1, V12: other names */
  for (guint i = 0; i < others->len; i++)
    {
      KspNode *o = g_ptr_array_index (others, i);
      const char *raw = neutral (o, "code");
      g_autofree char *code = trimmed (raw);

      if (!has_text (raw))
        continue;
      if (!matches (OCCUPATION_RE, code))
        {
          report (ctx, KSP_SEVERITY_ERROR, "V1", o, "v1.other-name-code-format", ARGS (A_TEXT (code)));
          continue;
        }
      if (strcmp (code, occ) == 0)
        report (ctx, KSP_SEVERITY_WARNING, "V12", o, "v12.own-code", ARGS (A_TEXT (code)));
      else if (ctx->cls && ksp_classifiers_lookup_occupation (ctx->cls, code) == NULL)
        {
          gboolean complete = ksp_classifiers_get_occupations_complete (ctx->cls);
          report (ctx, complete ? KSP_SEVERITY_WARNING : KSP_SEVERITY_INFO, "V12", o,
                  complete ? "v12.not-in-nkz" : "v12.not-in-nkz-excerpt", ARGS (A_TEXT (code)));
        }
    }

  /* V1: СТ РК designations */
  for (guint i = 0; i < regs->len; i++)
    {
      KspNode *r = g_ptr_array_index (regs, i);
      g_autofree char *d = trimmed (neutral (r, "designation"));
      if (g_str_has_prefix (d, "СТ РК") && !matches ("^СТ РК \\d+-\\d{4}$", d))
        report (ctx, KSP_SEVERITY_ERROR, "V1", r, "v1.st-rk-format", ARGS (A_TEXT (d)));
    }

  /* V6, V7: ORK links (V13 needs the other cards: see check_ork_links) */
  for (guint i = 0; i < links->len; i++)
    {
      KspNode *l = g_ptr_array_index (links, i);
      const char *raw = neutral (l, "level");
      const char *code = neutral (l, "occupation_code");
      guint a, b;

      if (!has_text (raw))
        report (ctx, KSP_SEVERITY_WARNING, "V7", l, "v7.ork-link-level-missing",
                ARGS (A_TEXT (text_of (l, "name") ? text_of (l, "name") : "")));
      else if (!parse_level (raw, &a, &b))
        report (ctx, KSP_SEVERITY_ERROR, "V6", l, "v6.ork-link-level-invalid", ARGS (A_TEXT (raw)));
      if (has_text (code))
        {
          g_autofree char *c = trimmed (code);
          if (!matches (OCCUPATION_RE, c))
            report (ctx, KSP_SEVERITY_ERROR, "V1", l, "v1.ork-link-code-format", ARGS (A_TEXT (c)));
        }
    }

  for (guint i = 0; i < functions->len; i++)
    check_function (ctx, g_ptr_array_index (functions, i));
  check_lists (ctx, card);
}

/* V14 by text: mentions of the 2005/2007 classifiers. */
static void
check_card_edition_text (Ctx     *ctx,
                         KspNode *card)
{
  static const char *const fields[] = { "etks", "title", "profession_name", NULL };

  for (guint i = 0; fields[i]; i++)
    for (KspLang l = KSP_LANG_KK; l <= KSP_LANG_RU; l++)
      {
        const char *v = ksp_node_get_value (card, fields[i], l);
        if (v && (strstr (v, "01-2005") || strstr (v, "03-2007")))
          {
            report (ctx, KSP_SEVERITY_WARNING, "V14", card, "v14.old-classifier",
                    ARGS (A_TERM (strstr (v, "01-2005") ? "classifier.gk-01-2005" : "classifier.gk-03-2007")));
            return;
          }
      }
}

static void
check_card (Ctx     *ctx,
            KspNode *card)
{
  gboolean have_level;
  guint lo = 0, hi = 0;

  if (card_name (card) == NULL)
    report (ctx, KSP_SEVERITY_WARNING, "V7", card, "v7.name-missing", NO_ARGS);
  check_card_levels (ctx, card, &have_level, &lo, &hi);
  check_card_codes (ctx, card, have_level, lo, hi);
  check_card_edition_text (ctx, card);
  check_card_children (ctx, card, have_level, lo, hi);
}

/* Standard-level rules ----------------------------------------------------------------------------- */

/* V13: ORK link level vs the level of the card of that name. */
static void
check_ork_links (Ctx       *ctx,
                 GPtrArray *cards)
{
  for (guint c = 0; c < cards->len; c++)
    {
      g_autoptr (GPtrArray) links = children_of_kind (g_ptr_array_index (cards, c), "ork_link");

      for (guint i = 0; i < links->len; i++)
        {
          KspNode *link = g_ptr_array_index (links, i);
          const char *name = text_of (link, "name");
          g_autofree char *key = name ? base_name (name) : NULL;
          guint a, b;
          gboolean any_target = FALSE, level_equal = FALSE;
          g_autoptr (GPtrArray) target_levels = g_ptr_array_new_with_free_func (g_free); /* "v13.card-level" */

          if (key == NULL || *key == '\0' || !parse_level (neutral (link, "level"), &a, &b))
            continue;
          for (int pass = 0; pass < 2 && !any_target; pass++)
            for (guint t = 0; t < cards->len; t++)
              {
                KspNode *target = g_ptr_array_index (cards, t);
                const char *tn = card_name (target);
                g_autofree char *tkey = tn ? base_name (tn) : NULL;
                g_autofree char *title_key = text_of (target, "title") ? base_name (text_of (target, "title")) : NULL;
                gboolean hit;
                guint tlo, thi;

                if (tkey == NULL)
                  continue;
                if (pass == 0)
                  hit = strcmp (tkey, key) == 0 || g_strcmp0 (title_key, key) == 0;
                else /* a truncated name: «Ассистент социального работника» (≥ 2 words) */
                  hit = strchr (key, ' ') != NULL && g_str_has_prefix (tkey, key) && tkey[strlen (key)] == ' ';
                if (!hit || !card_level (target, &tlo, &thi))
                  continue;
                any_target = TRUE;
                if (tlo == a && thi == b)
                  level_equal = TRUE;
                else
                  {
                    g_autofree char *tl = level_string (tlo, thi);
                    g_autofree char *tno = card_number (target);
                    const char *term_args[] = { tl, tno, NULL };
                    g_ptr_array_add (target_levels, ksp_message_arg_term ("v13.card-level", term_args));
                  }
              }
          if (any_target && !level_equal)
            {
              g_autofree char *ll = level_string (a, b);
              g_autofree char *levels = NULL;

              g_ptr_array_add (target_levels, NULL);
              levels = ksp_message_arg_list ((const char *const *) target_levels->pdata);
              report (ctx, KSP_SEVERITY_WARNING, "V13", link, "v13.level-differs",
                      ARGS (A_TEXT (name), A_TEXT (ll), A_ARG (levels)));
            }
        }
    }
}

/* C1, V11: the list of cards (п. 8) ↔ the cards of chapter 3. */
static void
check_card_list (Ctx       *ctx,
                 KspNode   *standard,
                 GPtrArray *cards)
{
  g_autoptr (GPtrArray) entries = children_of_kind (standard, "card_list_entry");
  g_autofree gboolean *card_used = NULL;
  g_autofree int *entry_card = NULL;

  if (entries->len == 0)
    return;

  card_used = g_new0 (gboolean, cards->len + 1);
  entry_card = g_new (int, entries->len);
  if (entries->len != cards->len)
    report (ctx, KSP_SEVERITY_WARNING, "C1", standard, "c1.count-differs",
            ARGS (A_INT (entries->len), A_INT (cards->len)));

  /* pass 1: by name */
  for (guint e = 0; e < entries->len; e++)
    {
      const char *ename = text_of (g_ptr_array_index (entries, e), "name");
      entry_card[e] = -1;
      for (guint c = 0; ename && c < cards->len; c++)
        {
          KspNode *card = g_ptr_array_index (cards, c);
          if (card_used[c])
            continue;
          if ((card_name (card) && names_match (ename, card_name (card), FALSE))
              || (text_of (card, "title") && names_match (ename, text_of (card, "title"), FALSE)))
            {
              entry_card[e] = (int) c;
              card_used[c] = TRUE;
              break;
            }
        }
    }
  /* pass 2: leftovers in order (name differs: V11) */
  for (guint e = 0, c = 0; e < entries->len; e++)
    {
      KspNode *entry = g_ptr_array_index (entries, e);
      if (entry_card[e] >= 0)
        continue;
      while (c < cards->len && card_used[c])
        c++;
      if (c < cards->len)
        {
          KspNode *card = g_ptr_array_index (cards, c);
          g_autofree char *no = card_number (card);
          report (ctx, KSP_SEVERITY_WARNING, "V11", entry, "v11.name-differs",
                  ARGS (A_TEXT (text_of (entry, "name") ? text_of (entry, "name") : ""), A_TEXT (no),
                        A_TEXT (card_name (card) ? card_name (card) : "")));
          entry_card[e] = (int) c;
          card_used[c] = TRUE;
        }
      else
        report (ctx, KSP_SEVERITY_WARNING, "C1", entry, "c1.entry-without-card",
                ARGS (A_TEXT (text_of (entry, "name") ? text_of (entry, "name") : "")));
    }
  for (guint c = 0; c < cards->len; c++)
    if (!card_used[c])
      {
        KspNode *card = g_ptr_array_index (cards, c);
        report (ctx, KSP_SEVERITY_WARNING, "C1", card, "c1.card-not-listed",
                ARGS (A_TEXT (card_name (card) ? card_name (card) : "")));
      }

  /* V11: levels */
  for (guint e = 0; e < entries->len; e++)
    {
      KspNode *entry = g_ptr_array_index (entries, e);
      const char *raw = neutral (entry, "ork_level");
      guint a, b, lo, hi;

      if (has_text (raw) && !parse_level (raw, &a, &b))
        {
          report (ctx, KSP_SEVERITY_ERROR, "V6", entry, "v6.list-level-invalid", ARGS (A_TEXT (raw)));
          continue;
        }
      if (entry_card[e] < 0 || !has_text (raw))
        continue;
      if (card_level (g_ptr_array_index (cards, entry_card[e]), &lo, &hi) && (lo != a || hi != b))
        {
          g_autofree char *el = level_string (a, b);
          g_autofree char *cl = level_string (lo, hi);
          g_autofree char *no = card_number (g_ptr_array_index (cards, entry_card[e]));
          report (ctx, KSP_SEVERITY_WARNING, "V11", entry, "v11.level-differs",
                  ARGS (A_TEXT (el), A_TEXT (no), A_TEXT (cl)));
        }
    }
}

static void
append_card_content (GString *sig,
                     KspNode *node)
{
  static const char *const fields[] = { "name", "text", NULL };
  const char *kind = ksp_node_get_kind (node);

  if (strcmp (kind, "function") == 0 || strcmp (kind, "skill") == 0 || strcmp (kind, "ability") == 0
      || strcmp (kind, "knowledge") == 0)
    {
      for (guint i = 0; fields[i]; i++)
        if (ksp_kind_lookup_field (ksp_node_get_kind_spec (node), fields[i]))
          {
            g_autofree char *n = ksp_classifiers_normalize_name (text_of (node, fields[i]));
            g_string_append_printf (sig, "%s:%s\x1f", kind, n);
          }
    }
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    {
      KspNode *c = ksp_node_get_child (node, i);
      if (strcmp (kind, "card") != 0 || strcmp (ksp_node_get_kind (c), "function") == 0)
        append_card_content (sig, c);
    }
}

/* D1: identical TF content. */
static void
check_duplicate_cards (Ctx       *ctx,
                       GPtrArray *cards)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint c = 0; c < cards->len; c++)
    {
      KspNode *card = g_ptr_array_index (cards, c);
      GString *sig = g_string_new (NULL);

      append_card_content (sig, card);
      if (strstr (sig->str, "ability:") == NULL && strstr (sig->str, "knowledge:") == NULL)
        {
          g_string_free (sig, TRUE);
          continue;
        }
      if (g_hash_table_contains (seen, sig->str))
        {
          KspNode *first = g_hash_table_lookup (seen, sig->str);
          g_autofree char *a = card_number (first);
          g_autofree char *b = card_number (card);
          report (ctx, KSP_SEVERITY_WARNING, "D1", card, "d1.duplicate-card", ARGS (A_TEXT (b), A_TEXT (a)));
          g_string_free (sig, TRUE);
        }
      else
        g_hash_table_insert (seen, g_string_free (sig, FALSE), card);
    }
}

static gboolean
parse_iso_date (const char *s,
                GDate      *date)
{
  guint y, m, d;

  if (s == NULL || !matches ("^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$", s))
    return FALSE;
  if (sscanf (s, " %u-%u-%u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* K1 */
static void
check_technical (Ctx     *ctx,
                 KspNode *standard,
                 KspNode *technical)
{
  static const struct {
    const char *field, *term;
  } approvals[] = {
    { "sector_council_date", "approval.sector_council" },
    { "national_body_date", "approval.national_body" },
    { "atameken_date", "approval.atameken" },
  };
  GDate sc, nb, act;
  gboolean have_act = FALSE;
  KspNode *doc = ksp_node_get_parent (standard);
  char act_text[32] = "";

  if (parse_iso_date (neutral (technical, "sector_council_date"), &sc)
      && parse_iso_date (neutral (technical, "national_body_date"), &nb) && g_date_compare (&nb, &sc) < 0)
    report (ctx, KSP_SEVERITY_WARNING, "K1", technical, "k1.national-before-council",
            ARGS (A_TEXT (neutral (technical, "national_body_date")), A_TEXT (neutral (technical, "sector_council_date"))));

  if (doc)
    {
      g_autoptr (GPtrArray) orders = children_of_kind (doc, "order");
      if (orders->len > 0 && parse_iso_date (neutral (g_ptr_array_index (orders, 0), "act_date"), &act))
        {
          have_act = TRUE;
          g_date_strftime (act_text, sizeof act_text, "%Y-%m-%d", &act);
        }
    }
  for (guint i = 0; have_act && i < G_N_ELEMENTS (approvals); i++)
    {
      GDate d;
      if (parse_iso_date (neutral (technical, approvals[i].field), &d) && g_date_compare (&d, &act) > 0)
        report (ctx, KSP_SEVERITY_WARNING, "K1", technical, "k1.after-order",
                ARGS (A_TERM (approvals[i].term), A_TEXT (neutral (technical, approvals[i].field)), A_TEXT (act_text)));
    }
}

/* V1, V9 for one ОКЭД chain. */
static void
check_oked (Ctx     *ctx,
            KspNode *oked)
{
  /* the rank's terms (ksp-messages.c): named, before or after its code, what a code belongs to */
  static const struct {
    const char  *field;
    KspOkedRank  rank;
    const char  *name, *subject, *container;
  } ranks[] = {
    { "section_code", KSP_OKED_RANK_SECTION, "oked.section", "oked.section.subject", "oked.section.container" },
    { "division_code", KSP_OKED_RANK_DIVISION, "oked.division", "oked.division.subject", "oked.division.container" },
    { "group_code", KSP_OKED_RANK_GROUP, "oked.group", "oked.group.subject", "oked.group.container" },
    { "class_code", KSP_OKED_RANK_CLASS, "oked.class", "oked.class.subject", "oked.class.container" },
    { "subclass_code", KSP_OKED_RANK_SUBCLASS, "oked.subclass", "oked.subclass.subject", "oked.subclass.container" },
  };
  char *codes[G_N_ELEMENTS (ranks)] = { NULL };
  g_autoptr (GPtrArray) dotted = g_ptr_array_new_with_free_func (g_free); /* "quoted" terms */
  int last = -1;

  for (guint i = 0; i < G_N_ELEMENTS (ranks); i++)
    {
      const char *raw = neutral (oked, ranks[i].field);
      g_autofree char *t = trimmed (raw);
      if (!has_text (raw))
        continue;
      codes[i] = ksp_oked_normalize_code (t);
      if (strcmp (codes[i], t) != 0)
        {
          const char *term_args[] = { t, NULL };
          g_ptr_array_add (dotted, ksp_message_arg_term ("quoted", term_args));
        }
      if (ksp_oked_rank_of_code (codes[i]) != ranks[i].rank)
        {
          Arg expected = ranks[i].rank == KSP_OKED_RANK_SECTION ? A_TERM ("oked.format.section")
                         : ranks[i].rank == KSP_OKED_RANK_DIVISION ? A_TEXT ("NN")
                         : ranks[i].rank == KSP_OKED_RANK_GROUP ? A_TEXT ("NN.N")
                         : ranks[i].rank == KSP_OKED_RANK_CLASS ? A_TEXT ("NN.NN") : A_TEXT ("NN.NN.N");
          report (ctx, KSP_SEVERITY_ERROR, "V1", oked, "v1.oked-rank",
                  ARGS (A_TEXT (t), A_TERM (ranks[i].name), expected));
          g_clear_pointer (&codes[i], g_free);
        }
    }
  if (dotted->len)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (dotted, NULL);
      list = ksp_message_arg_list ((const char *const *) dotted->pdata);
      report (ctx, KSP_SEVERITY_WARNING, "V1", oked, "v1.oked-trailing-dot", ARGS (A_ARG (list)));
    }

  /* V9: each present code extends the previous present one, and no level is skipped */
  for (guint i = 0; i < G_N_ELEMENTS (ranks); i++)
    {
      const char *parent;
      gboolean ok;

      if (codes[i] == NULL)
        continue;
      if (last < 0)
        {
          last = (int) i;
          continue;
        }
      parent = codes[last];
      if (last == 0)
        {
          g_autofree char *div = g_strndup (codes[i], 2);
          ok = g_strcmp0 (ksp_oked_section_of_division ((guint) g_ascii_strtoull (div, NULL, 10)), parent) == 0;
        }
      else
        ok = g_str_has_prefix (codes[i], parent);
      if (!ok)
        {
          /* one break per chain: the codes below it would only repeat it */
          report (ctx, KSP_SEVERITY_ERROR, "V9", oked, "v9.not-within",
                  ARGS (A_TERM (ranks[i].subject), A_TEXT (codes[i]), A_TERM (ranks[last].container), A_TEXT (parent)));
          break;
        }
      else if ((guint) last + 1 < i)
        {
          g_autoptr (GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *list = NULL;

          for (guint k = last + 1; k < i; k++)
            g_ptr_array_add (missing, ksp_message_arg_term (ranks[k].name, NULL));
          g_ptr_array_add (missing, NULL);
          list = ksp_message_arg_list ((const char *const *) missing->pdata);
          report (ctx, KSP_SEVERITY_ERROR, "V9", oked, "v9.skipped",
                  ARGS (A_TERM (ranks[last].subject), A_TEXT (parent), A_TERM (ranks[i].subject), A_TEXT (codes[i]),
                        A_ARG (list)));
        }
      last = (int) i;
    }
  for (guint i = 0; i < G_N_ELEMENTS (ranks); i++)
    g_free (codes[i]);
}

static void
check_standard_code (Ctx     *ctx,
                     KspNode *standard)
{
  const char *raw = neutral (standard, "code");
  g_autofree char *t = trimmed (raw);
  g_autofree char *code = NULL;
  g_autoptr (GPtrArray) okeds = children_of_kind (standard, "oked");
  g_autoptr (GString) listed = g_string_new (NULL);
  g_autofree char *subclass = NULL;
  gboolean found = FALSE;

  if (!has_text (raw))
    {
      report (ctx, KSP_SEVERITY_WARNING, "V7", standard, "v7.standard-code-missing", NO_ARGS);
      return;
    }
  code = ksp_oked_normalize_code (t);
  if (!matches (STANDARD_RE, code))
    {
      report (ctx, KSP_SEVERITY_ERROR, "V1", standard, "v1.standard-code-format", ARGS (A_TEXT (t)));
      return;
    }
  if (strcmp (code, t) != 0)
    report (ctx, KSP_SEVERITY_WARNING, "V1", standard, "v1.standard-code-trailing", ARGS (A_TEXT (t), A_TEXT (code)));

  /* V10 */
  if (okeds->len == 0)
    return;
  subclass = g_strdup_printf ("%c%c.%c%c.%c", code[1], code[2], code[3], code[4], code[5]);
  for (guint i = 0; i < okeds->len; i++)
    {
      KspNode *o = g_ptr_array_index (okeds, i);
      g_autofree char *sc = ksp_oked_normalize_code (neutral (o, "subclass_code"));
      g_autofree char *sec = ksp_oked_normalize_code (neutral (o, "section_code"));
      if (sc == NULL || *sc == '\0')
        continue;
      if (strstr (listed->str, sc) == NULL)
        g_string_append_printf (listed, "%s%s", listed->len ? ", " : "", sc);
      if (strcmp (sc, subclass) == 0 && (sec == NULL || *sec == '\0' || sec[0] == code[0]))
        found = TRUE;
    }
  if (!found)
    {
      if (listed->len)
        report (ctx, KSP_SEVERITY_ERROR, "V10", standard, "v10.subclass-not-listed",
                ARGS (A_TEXT (code), A_CHAR (code[0]), A_TEXT (subclass), A_TEXT (listed->str)));
      else
        report (ctx, KSP_SEVERITY_ERROR, "V10", standard, "v10.subclass-not-listed-none",
                ARGS (A_TEXT (code), A_CHAR (code[0]), A_TEXT (subclass)));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
check_abbreviations (Ctx        *ctx,
                     KspNode    *standard,
                     GHashTable *used)
{
  g_autoptr (GPtrArray) abbrs = children_of_kind (standard, "abbreviation");
  g_autoptr (GHashTable) defined = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) keys = NULL;

  for (guint i = 0; i < abbrs->len; i++)
    for (KspLang l = KSP_LANG_KK; l <= KSP_LANG_RU; l++)
      {
        const char *a = ksp_node_get_value (g_ptr_array_index (abbrs, i), "abbr", l);
        if (has_text (a))
          g_hash_table_add (defined, g_strstrip (g_strdup (a)));
      }

  keys = g_ptr_array_new ();
  {
    GHashTableIter iter;
    gpointer key;
    g_hash_table_iter_init (&iter, used);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (keys, key);
  }
  g_ptr_array_sort (keys, compare_strings);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *abbr = g_ptr_array_index (keys, i);
      AbbrUse *u = g_hash_table_lookup (used, abbr);
      if (g_hash_table_contains (defined, abbr))
        continue;
      report (ctx, abbrs->len ? KSP_SEVERITY_WARNING : KSP_SEVERITY_INFO, "A1", u->first_node, "a1.undefined",
              ARGS (A_TEXT (abbr), A_INT (u->count)));
    }
}

static void
check_standard (Ctx     *ctx,
                KspNode *standard)
{
  g_autoptr (GPtrArray) cards = children_of_kind (standard, "card");
  g_autoptr (GPtrArray) okeds = children_of_kind (standard, "oked");
  g_autoptr (GPtrArray) techs = children_of_kind (standard, "technical");
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, abbr_use_free);
  g_autoptr (GRegex) law = g_regex_new ("Закона\\s+(и\\.\\s*о\\.\\s*)?[Мм]инистра", G_REGEX_OPTIMIZE, 0, NULL);
  TextWalk w = { ctx, standard, used, law };

  if (text_of (standard, "name") == NULL && text_of (standard, "title") == NULL)
    report (ctx, KSP_SEVERITY_WARNING, "V7", standard, "v7.standard-name-missing", NO_ARGS);
  check_standard_code (ctx, standard);
  for (guint i = 0; i < okeds->len; i++)
    check_oked (ctx, g_ptr_array_index (okeds, i));
  check_lists (ctx, standard);
  check_card_list (ctx, standard, cards);
  for (guint i = 0; i < cards->len; i++)
    check_card (ctx, g_ptr_array_index (cards, i));
  check_ork_links (ctx, cards);
  check_duplicate_cards (ctx, cards);
  for (guint i = 0; i < techs->len; i++)
    check_technical (ctx, standard, g_ptr_array_index (techs, i));

  walk_text (&w, standard);
  check_abbreviations (ctx, standard, used);
}

static void
validate_node (Ctx     *ctx,
               KspNode *node)
{
  const char *kind = ksp_node_get_kind (node);

  if (strcmp (kind, "standard") == 0)
    {
      check_standard (ctx, node);
      return;
    }
  if (strcmp (kind, "card") == 0)
    {
      g_autoptr (GRegex) law = g_regex_new ("Закона\\s+(и\\.\\s*о\\.\\s*)?[Мм]инистра", G_REGEX_OPTIMIZE, 0, NULL);
      TextWalk w = { ctx, node, NULL, law };
      check_card (ctx, node);
      walk_text (&w, node);
      return;
    }
  if (strcmp (kind, "function") == 0)
    {
      check_function (ctx, node);
      return;
    }
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    {
      KspNode *c = ksp_node_get_child (node, i);
      validate_node (ctx, c);
    }
}

/**
 * ksp_validate:
 * @root: a document, a standard, a card or a labour function
 * @classifiers: (nullable): НКЗ/ORK/ОКЭД; rules that need them are skipped when %NULL
 *
 * Returns: (transfer full) (element-type KspFinding): the findings in tree order (standard-level
 * rules first, then each card), freed with the array.
 */
GPtrArray *
ksp_validate (KspNode        *root,
              KspClassifiers *classifiers)
{
  Ctx ctx = { NULL, classifiers };

  g_return_val_if_fail (KSP_IS_NODE (root), NULL);
  g_return_val_if_fail (classifiers == NULL || KSP_IS_CLASSIFIERS (classifiers), NULL);

  ctx.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_finding_free);
  validate_node (&ctx, root);
  return ctx.findings;
}

/* A V16 finding; its path is «ОРК › AREA, строка LINE» (segments "ork", "ork_area", "line"). */
static void
report_ork (GPtrArray       *findings,
            KspSeverity      severity,
            const KspOrkRow *row,
            guint            line,
            const char      *message_id,
            const Arg       *args)
{
  g_autofree char *area = row && row->area ? g_strconcat ("ork_area\t", row->area, NULL) : NULL;
  g_autofree char *line_segment = g_strdup_printf ("line\t%u", line);
  const char *segments[] = { "ork\t", area ? area : line_segment, area ? line_segment : NULL, NULL };
  g_auto (GStrv) encoded = encode_args (args);

  g_ptr_array_add (findings, ksp_finding_new_message (severity, "V16", NULL, segments, line, message_id,
                                                      (const char *const *) encoded));
}

/**
 * ksp_validate_classifiers:
 *
 * V16, the ORK's consistency with itself: a code on rows of different levels, a name in the appendix
 * that differs from the §5 name, codes in one part only.
 *
 * Returns: (transfer full) (element-type KspFinding): the findings.
 */
GPtrArray *
ksp_validate_classifiers (KspClassifiers *classifiers)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_finding_free);
  g_autoptr (GHashTable) in_rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) codes = NULL;

  g_return_val_if_fail (KSP_IS_CLASSIFIERS (classifiers), findings);

  for (guint r = 0; r < ksp_classifiers_get_n_ork_rows (classifiers); r++)
    {
      const KspOrkRow *row = ksp_classifiers_get_ork_row (classifiers, r);
      for (guint i = 0; i < row->codes->len; i++)
        {
          const char *code = g_ptr_array_index (row->codes, i);
          const char *written = g_ptr_array_index (row->names, i);
          const char *nkz = ksp_classifiers_lookup_occupation (classifiers, code);
          guint min, max;

          if (!g_hash_table_contains (in_rows, code))
            {
              g_hash_table_add (in_rows, (gpointer) code);
              if (ksp_classifiers_get_ork_levels (classifiers, code, &min, &max) && min != max)
                {
                  report_ork (findings, KSP_SEVERITY_WARNING, row, row->line, "v16.code-on-levels",
                              ARGS (A_TEXT (code), A_INT (min), A_INT (max)));
                }
            }
          if (nkz && *nkz && written && *written && !names_match (written, nkz, TRUE) && !names_match (nkz, written, TRUE))
            {
              report_ork (findings, KSP_SEVERITY_WARNING, row, row->line, "v16.name-differs",
                          ARGS (A_TEXT (code), A_TEXT (written), A_TEXT (nkz)));
            }
        }
    }

  codes = ksp_classifiers_list_occupation_codes (classifiers);
  if (ksp_classifiers_get_n_ork_rows (classifiers) > 0)
    for (guint i = 0; i < codes->len; i++)
      if (!g_hash_table_contains (in_rows, g_ptr_array_index (codes, i)))
        {
          const char *code = g_ptr_array_index (codes, i);
          report_ork (findings, KSP_SEVERITY_WARNING, NULL, ksp_classifiers_get_occupation_line (classifiers, code),
                      "v16.code-not-in-rows", ARGS (A_TEXT (code)));
        }
  return findings;
}
