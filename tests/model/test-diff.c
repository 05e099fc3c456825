/* test-diff.c: the structural diff's matcher and its thresholds (model/diff/ksp-diff.c)
 *
 * Small trees built here, so each case shows one rule: the similarity threshold for a change against a
 * removal and an addition, the optimal assignment against first-fit, the number as a tie-breaker, the
 * stricter threshold for moves across parents, cards by code and level, IDs first, noise, derived fields,
 * stale translations. (check-diff.py runs the diff on the published seeds.) */
#include "config.h"

#include <string.h>

#include "ksp-diff.h"

/* A tree: document › standard › card (code, level) › function › skill(s). */
static KspNode *
add (KspNode    *parent,
     const char *kind,
     const char *number,
     const char *field,
     const char *text)
{
  g_autoptr (KspNode) node = ksp_node_new (kind, NULL);

  if (number)
    ksp_node_set_number (node, number);
  if (field)
    ksp_node_set_value (node, field, ksp_field_is_bilingual (ksp_kind_lookup_field (ksp_schema_lookup_kind (kind), field))
                                         ? KSP_LANG_RU : KSP_LANG_NONE, text);
  ksp_node_append_child (parent, node);
  return node;
}

static KspNode *
new_card (KspNode   **out_doc,
          const char *code,
          const char *level)
{
  KspNode *doc = ksp_node_new ("document", NULL);
  KspNode *standard = add (doc, "standard", NULL, "name", "Стандарт");
  KspNode *card = add (standard, "card", "1.", "occupation_code", code);

  ksp_node_set_value (card, "ork_level", KSP_LANG_NONE, level);
  ksp_node_set_value (card, "profession_name", KSP_LANG_RU, "Сварщик");
  *out_doc = doc;
  return card;
}

/* One skill with knowledge items TEXTS (NULL-terminated), numbered 1., 2., … */
static KspNode *
new_skill_tree (KspNode   **out_doc,
                const char *const *texts)
{
  KspNode *card = new_card (out_doc, "7212-2-001", "3");
  KspNode *function = add (card, "function", "1", "name", "Сварка конструкций");
  KspNode *skill = add (function, "skill", "1", "name", "Выполнение сварки");

  for (guint i = 0; texts[i]; i++)
    {
      g_autofree char *n = g_strdup_printf ("%u.", i + 1);
      add (skill, "knowledge", n, "text", texts[i]);
    }
  return skill;
}

static GPtrArray *
diff (KspNode *a,
      KspNode *b)
{
  return ksp_diff_trees (a, b);
}

static KspChange *
change (GPtrArray *changes,
        guint      i)
{
  g_assert_cmpuint (i, <, changes->len);
  return g_ptr_array_index (changes, i);
}

static void
assert_ops (GPtrArray  *changes,
            const char *ops)   /* e.g. "changed,removed" */
{
  g_autoptr (GString) got = g_string_new (NULL);

  for (guint i = 0; i < changes->len; i++)
    g_string_append_printf (got, "%s%s", i ? "," : "", ksp_change_op_to_string (change (changes, i)->op));
  g_assert_cmpstr (got->str, ==, ops);
}

/* At a similarity of 0.5 (half the words) an item is the same item, changed; below, another one. */
static void
test_threshold (void)
{
  const char *old_texts[] = { "альфа бета гамма дельта", NULL };
  const char *half[] = { "альфа бета эпсилон дзета", NULL };      /* Dice 2·2/8 = 0.5 */
  const char *quarter[] = { "альфа эпсилон дзета эта", NULL };    /* 2·1/8 = 0.25 */
  g_autoptr (KspNode) a = NULL, b = NULL, c = NULL;
  g_autoptr (GPtrArray) d1 = NULL, d2 = NULL;

  new_skill_tree (&a, old_texts);
  new_skill_tree (&b, half);
  new_skill_tree (&c, quarter);
  d1 = diff (a, b);
  assert_ops (d1, "changed");
  g_assert_cmpstr (change (d1, 0)->field, ==, "text");
  g_assert_cmpint (change (d1, 0)->lang, ==, KSP_LANG_RU);
  d2 = diff (a, c);
  assert_ops (d2, "removed,added");
}

/* Old A, B; new C, D with sim(A,C) = 0.75, sim(A,D) = sim(B,C) = 0.5, sim(B,D) = 0: first-fit pairs A
 * with C and leaves B and D apart (three changes); the optimal assignment pairs A–D and B–C (two). */
static void
test_optimal_assignment (void)
{
  const char *old_texts[] = { "а1 б1 в1 г1", "в1 е1 х1 и1", NULL };
  const char *new_texts[] = { "а1 б1 в1 е1", "а1 б1 ф1 ж1", NULL };
  g_autoptr (KspNode) a = NULL, b = NULL;
  g_autoptr (GPtrArray) changes = NULL;

  new_skill_tree (&a, old_texts);
  new_skill_tree (&b, new_texts);
  changes = diff (a, b);
  /* B–C is reordered relative to A–D: B (old 2.) now stands first */
  g_assert_cmpuint (changes->len, >=, 2);
  for (guint i = 0; i < changes->len; i++)
    {
      g_assert_cmpint (change (changes, i)->op, !=, KSP_CHANGE_ADDED);
      g_assert_cmpint (change (changes, i)->op, !=, KSP_CHANGE_REMOVED);
    }
  for (guint i = 0; i < changes->len; i++)
    if (change (changes, i)->op == KSP_CHANGE_CHANGED && g_str_equal (change (changes, i)->field, "text"))
      {
        KspChange *c = change (changes, i);
        if (g_str_equal (c->old_value, "а1 б1 в1 г1"))
          g_assert_cmpstr (c->new_value, ==, "а1 б1 ф1 ж1");
        else
          {
            g_assert_cmpstr (c->old_value, ==, "в1 е1 х1 и1");
            g_assert_cmpstr (c->new_value, ==, "а1 б1 в1 е1");
          }
      }
}

/* Equally similar candidates: the numbers decide (1. with 1., 2. with 2.), not the order of the search. */
static void
test_number_breaks_ties (void)
{
  const char *old_texts[] = { "общий текст первый", "общий текст второй", NULL };
  const char *new_texts[] = { "общий текст третий", "общий текст четвёртый", NULL };
  g_autoptr (KspNode) a = NULL, b = NULL;
  g_autoptr (GPtrArray) changes = NULL;

  new_skill_tree (&a, old_texts);
  new_skill_tree (&b, new_texts);
  changes = diff (a, b);
  assert_ops (changes, "changed,changed");
  g_assert_cmpstr (change (changes, 0)->old_value, ==, "общий текст первый");
  g_assert_cmpstr (change (changes, 0)->new_value, ==, "общий текст третий");
  g_assert_cmpstr (change (changes, 1)->old_value, ==, "общий текст второй");
}

/* An item that goes to another skill is a move when it is nearly the same text (similarity ≥ 0.8);
 * rewritten more, it is one item removed and another added. */
static KspNode *
two_skills (KspNode   **out_doc,
            const char *first_text,
            const char *moved_text)
{
  const char *texts[] = { first_text, "охрана труда", NULL };
  KspNode *skill = new_skill_tree (out_doc, moved_text ? (const char *[]) { "охрана труда", NULL } : texts);
  KspNode *second = add (ksp_node_get_parent (skill), "skill", "2", "name", "Контроль");

  if (moved_text)
    add (second, "knowledge", "1.", "text", moved_text);
  return skill;
}

static void
test_move_threshold (void)
{
  const char *text = "методы контроля качества сварных швов и соединений";
  g_autoptr (KspNode) a = NULL, b = NULL, c = NULL;
  g_autoptr (GPtrArray) moved = NULL, rewritten = NULL;

  two_skills (&a, text, NULL);
  /* one word of eight changed: Dice 2·7/16 = 0.875 */
  two_skills (&b, NULL, "методы контроля качества паяных швов и соединений");
  /* half the words changed: 2·4/16 = 0.5 */
  two_skills (&c, NULL, "методы проверки прочности паяных узлов и соединений");

  moved = diff (a, b);
  assert_ops (moved, "moved,changed");
  g_assert_false (change (moved, 0)->reordered);
  /* «охрана труда» went from 2. to 1. because of the move: folded into it (the moved item stays 1.) */
  g_assert_nonnull (change (moved, 0)->renumbered);
  g_assert_cmpuint (change (moved, 0)->renumbered->len, ==, 1);

  rewritten = diff (a, c);
  assert_ops (rewritten, "removed,added");
  g_assert_nonnull (change (rewritten, 0)->renumbered);
  g_assert_cmpuint (change (rewritten, 0)->renumbered->len, ==, 1);
}

/* Cards: the same occupation code at two levels is two cards; each is paired with its level. */
static void
test_cards_by_code_and_level (void)
{
  g_autoptr (KspNode) a = NULL, b = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  KspNode *card_a = new_card (&a, "2635-3-001", "4");
  KspNode *card_b = new_card (&b, "2635-3-001", "5");
  KspNode *standard_a = ksp_node_get_parent (card_a), *standard_b = ksp_node_get_parent (card_b);
  KspNode *a5 = add (standard_a, "card", "2.", "occupation_code", "2635-3-001");
  KspNode *b4 = add (standard_b, "card", "2.", "occupation_code", "2635-3-001");

  ksp_node_set_value (a5, "ork_level", KSP_LANG_NONE, "5");
  ksp_node_set_value (a5, "profession_name", KSP_LANG_RU, "Сварщик");
  ksp_node_set_value (b4, "ork_level", KSP_LANG_NONE, "4");
  ksp_node_set_value (b4, "profession_name", KSP_LANG_RU, "Сварщик (изменено)");
  /* old: 4, 5; new: 5, 4 (the level-4 card renamed): level 4 pairs with level 4 */
  changes = diff (a, b);
  for (guint i = 0; i < changes->len; i++)
    {
      KspChange *c = change (changes, i);
      g_assert_cmpint (c->op, !=, KSP_CHANGE_ADDED);
      g_assert_cmpint (c->op, !=, KSP_CHANGE_REMOVED);
      if (c->op == KSP_CHANGE_CHANGED)
        {
          g_assert_cmpstr (c->field, ==, "profession_name");
          g_assert_true (c->old_node == card_a);
          g_assert_true (c->new_node == b4);
        }
    }
}

/* A re-levelled card (its key changed) is still paired by its code: one change of its level. */
static void
test_relevel (void)
{
  g_autoptr (KspNode) a = NULL, b = NULL;
  g_autoptr (GPtrArray) changes = NULL;

  new_card (&a, "7212-2-001", "3");
  new_card (&b, "7212-2-001", "4");
  changes = diff (a, b);
  assert_ops (changes, "changed");
  g_assert_cmpstr (change (changes, 0)->field, ==, "ork_level");
  g_assert_cmpstr (change (changes, 0)->old_value, ==, "3");
  g_assert_cmpstr (change (changes, 0)->new_value, ==, "4");
}

/* With shared IDs (an edition and the draft) an element rewritten whole is still that element. */
static void
test_ids_first (void)
{
  const char *texts[] = { "альфа бета гамма", NULL };
  g_autoptr (KspNode) a = NULL, b = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  KspNode *skill;

  skill = new_skill_tree (&a, texts);
  b = ksp_node_copy (a);
  skill = ksp_node_find_descendant (b, ksp_node_get_id (skill));
  ksp_node_set_value (ksp_node_get_child (skill, 0), "text", KSP_LANG_RU, "совсем другой текст");
  changes = diff (a, b);
  assert_ops (changes, "changed");
  g_assert_cmpstr (ksp_node_get_id (change (changes, 0)->old_node), ==,
                   ksp_node_get_id (change (changes, 0)->new_node));
}

/* Not changes: NBSP for a space, «» for "", a trailing dot, absent for empty, the source file. */
static void
test_noise (void)
{
  const char *old_texts[] = { "Знание \"ГОСТ 5264\" и  норм.", NULL };
  const char *new_texts[] = { "Знание\u00a0«ГОСТ 5264» и нормZ", NULL };
  g_autoptr (KspNode) a = NULL, b = NULL;
  g_autoptr (GPtrArray) changes = NULL, none = NULL;
  KspNode *skill_b;

  new_skill_tree (&a, old_texts);
  skill_b = new_skill_tree (&b, old_texts);
  ksp_node_set_value (ksp_node_get_child (skill_b, 0), "text", KSP_LANG_RU, "Знание\u00a0«ГОСТ 5264» и норм");
  ksp_node_set_value (skill_b, "recognition", KSP_LANG_RU, "");
  ksp_node_set_value (b, "source", KSP_LANG_NONE, "another-file.txt");
  none = diff (a, b);
  assert_ops (none, "");

  ksp_node_set_value (ksp_node_get_child (skill_b, 0), "text", KSP_LANG_RU, new_texts[0]);
  changes = diff (a, b);
  assert_ops (changes, "changed");
}

/* A derived field (the act's number and date, read from its text) that changed with its source is not
 * a change of its own; alone, it is. */
static void
test_derived (void)
{
  g_autoptr (KspNode) a = ksp_node_new ("document", NULL);
  g_autoptr (KspNode) b = NULL;
  g_autoptr (GPtrArray) both = NULL, alone = NULL;
  KspNode *order = add (a, "order", NULL, "act", "Приказ от 30 апреля 2024 года № 125");
  KspNode *order_b;

  ksp_node_set_value (order, "act_number", KSP_LANG_NONE, "125");
  b = ksp_node_copy (a);
  order_b = ksp_node_get_child (b, 0);
  ksp_node_set_value (order_b, "act", KSP_LANG_RU, "Приказ от 30 апреля 2024 года № 126");
  ksp_node_set_value (order_b, "act_number", KSP_LANG_NONE, "126");
  both = diff (a, b);
  assert_ops (both, "changed");
  g_assert_cmpstr (change (both, 0)->field, ==, "act");

  ksp_node_set_value (order_b, "act", KSP_LANG_RU, "Приказ от 30 апреля 2024 года № 125");
  alone = diff (a, b);
  assert_ops (alone, "changed");
  g_assert_cmpstr (change (alone, 0)->field, ==, "act_number");
}

/* Russian revised, Kazakh kept: a stale translation. A first translation is not one. */
static void
test_stale_translation (void)
{
  const char *texts[] = { "методы контроля", NULL };
  g_autoptr (KspNode) a = NULL, b = NULL, c = NULL;
  g_autoptr (GPtrArray) stale = NULL, first = NULL;
  KspNode *item_a, *item_b, *item_c;

  item_a = ksp_node_get_child (new_skill_tree (&a, texts), 0);
  ksp_node_set_value (item_a, "text", KSP_LANG_KK, "бақылау әдістері");
  b = ksp_node_copy (a);
  item_b = ksp_node_find_descendant (b, ksp_node_get_id (item_a));
  ksp_node_set_value (item_b, "text", KSP_LANG_RU, "методы контроля качества");
  stale = diff (a, b);
  assert_ops (stale, "changed");
  g_assert_cmpint (change (stale, 0)->lang, ==, KSP_LANG_RU);
  g_assert_true (change (stale, 0)->stale_translation);
  g_assert_cmpuint (ksp_changes_count_stale (stale), ==, 1);

  c = ksp_node_copy (a);
  item_c = ksp_node_find_descendant (c, ksp_node_get_id (item_a));
  ksp_node_set_value (item_a, "text", KSP_LANG_KK, NULL);
  first = diff (a, c);
  assert_ops (first, "changed");
  g_assert_cmpint (change (first, 0)->lang, ==, KSP_LANG_KK);
  g_assert_false (change (first, 0)->stale_translation);
  (void) item_c;
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diff/threshold", test_threshold);
  g_test_add_func ("/diff/optimal-assignment", test_optimal_assignment);
  g_test_add_func ("/diff/number-breaks-ties", test_number_breaks_ties);
  g_test_add_func ("/diff/move-threshold", test_move_threshold);
  g_test_add_func ("/diff/cards-by-code-and-level", test_cards_by_code_and_level);
  g_test_add_func ("/diff/relevel", test_relevel);
  g_test_add_func ("/diff/ids-first", test_ids_first);
  g_test_add_func ("/diff/noise", test_noise);
  g_test_add_func ("/diff/derived", test_derived);
  g_test_add_func ("/diff/stale-translation", test_stale_translation);
  return g_test_run ();
}
