/* Value states: absent, empty and dash are kept apart; IDs are unique. */
#include <locale.h>

#include "ksp-schema.h"
#include "ksp-text.h"

static void
test_states (void)
{
  g_assert_cmpint (ksp_value_state (NULL), ==, KSP_VALUE_ABSENT);
  g_assert_cmpint (ksp_value_state (""), ==, KSP_VALUE_EMPTY);
  g_assert_cmpint (ksp_value_state ("  \t"), ==, KSP_VALUE_EMPTY);
  g_assert_cmpint (ksp_value_state ("\u00a0\u00a0"), ==, KSP_VALUE_EMPTY);
  g_assert_cmpint (ksp_value_state ("-"), ==, KSP_VALUE_DASH);
  g_assert_cmpint (ksp_value_state (" – "), ==, KSP_VALUE_DASH);
  g_assert_cmpint (ksp_value_state ("—"), ==, KSP_VALUE_DASH);
  g_assert_cmpint (ksp_value_state ("-2"), ==, KSP_VALUE_TEXT);
  g_assert_cmpint (ksp_value_state ("Қазақстан"), ==, KSP_VALUE_TEXT);
}

static void
test_langs (void)
{
  KspLang l;

  g_assert_true (ksp_lang_from_string ("kk", &l) && l == KSP_LANG_KK);
  g_assert_true (ksp_lang_from_string ("ru", &l) && l == KSP_LANG_RU);
  g_assert_true (ksp_lang_from_string ("", &l) && l == KSP_LANG_NONE);
  g_assert_false (ksp_lang_from_string ("en", &l));
  g_assert_cmpstr (ksp_lang_to_string (KSP_LANG_KK), ==, "kk");
}

static void
test_ids_unique (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 10000; i++)
    {
      char *id = ksp_id_new ();
      g_assert_true (g_uuid_string_is_valid (id));
      g_assert_true (g_hash_table_add (seen, id));
    }
}

/* The card has the 17 labels of the 2024 layout, spread over the card and its child kinds. */
static void
test_schema_card (void)
{
  const KspKindSpec *card = ksp_schema_lookup_kind ("card");
  static const char *const labels[] = {
    "Код группы:", "Код наименования занятия:", "Наименование профессии:", "Уровень квалификации по ОРК:",
    "подуровень квалификации по ОРК:", "Связь с неформальным и информальным образованием:",
    "Основная цель деятельности:", NULL
  };
  guint n_kinds;
  const KspKindSpec *const *kinds = ksp_schema_list_kinds (&n_kinds);

  g_assert_nonnull (card);
  for (guint i = 0; labels[i]; i++)
    {
      gboolean found = FALSE;
      for (guint f = 0; f < card->n_fields; f++)
        found |= g_str_equal (card->fields[f].label_ru, labels[i]);
      g_assert_true (found);
    }
  g_assert_true (ksp_kind_allows_child (card, "function"));
  g_assert_true (ksp_kind_allows_child (ksp_schema_lookup_kind ("function"), "skill"));
  g_assert_true (ksp_kind_allows_child (ksp_schema_lookup_kind ("skill"), "knowledge"));
  g_assert_false (ksp_kind_allows_child (card, "card"));

  /* Every kind has labels in both languages, and every child kind it names exists. */
  for (guint k = 0; k < n_kinds; k++)
    {
      g_assert_true (*kinds[k]->label_ru && *kinds[k]->label_kk);
      for (guint f = 0; f < kinds[k]->n_fields; f++)
        g_assert_true (*kinds[k]->fields[f].label_ru && *kinds[k]->fields[f].label_kk);
      for (guint c = 0; kinds[k]->children && kinds[k]->children[c]; c++)
        g_assert_nonnull (ksp_schema_lookup_kind (kinds[k]->children[c]));
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/states", test_states);
  g_test_add_func ("/text/langs", test_langs);
  g_test_add_func ("/text/ids-unique", test_ids_unique);
  g_test_add_func ("/schema/card", test_schema_card);
  return g_test_run ();
}
