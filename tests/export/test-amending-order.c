/* test-amending-order.c: the draft of an amending order made from a diff (export/ksp-amending-order.c),
 * on seed 001 and a copy with known edits: one item per amended point, with the right numbers and the
 * legal wording in Russian and Kazakh. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ksp-adilet-reader.h"
#include "ksp-amending-order.h"
#include "ksp-structure.h"

#define SEED_001 SOURCE_DATADIR "/samples/001_efa396441f2b22fb.txt"

static KspNode *
card (KspNode    *root,
      const char *number)
{
  KspNode *standard = NULL;

  for (guint i = 0; i < ksp_node_get_n_children (root); i++)
    if (g_str_equal (ksp_node_get_kind (ksp_node_get_child (root, i)), "standard"))
      standard = ksp_node_get_child (root, i);
  g_assert_nonnull (standard);
  for (guint i = 0; i < ksp_node_get_n_children (standard); i++)
    {
      KspNode *c = ksp_node_get_child (standard, i);
      if (g_str_equal (ksp_node_get_kind (c), "card") && g_str_has_prefix (ksp_node_get_number (c), number) &&
          ksp_node_get_number (c)[strlen (number)] == '.')
        return c;
    }
  g_assert_not_reached ();
}

static KspAmendment *
item (GPtrArray *plan,
      guint      i)
{
  g_assert_cmpuint (i, <, plan->len);
  return g_ptr_array_index (plan, i);
}

static void
test_plan_and_text (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) old_root = ksp_adilet_reader_read_file (SEED_001, NULL, &error);
  g_autoptr (KspNode) new_root = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GPtrArray) plan = NULL;
  g_autofree char *ru = NULL, *kk = NULL;
  KspNode *card9, *card10, *card12, *standard, *skill, *knowledge, *copy;
  guint at = 0;

  g_assert_no_error (error);
  new_root = ksp_node_copy (old_root);
  card9 = card (new_root, "9");
  card10 = card (new_root, "10");
  card12 = card (new_root, "12");
  standard = ksp_node_get_parent (card9);

  /* point 9: a skill reworded and a knowledge item deleted (two changes: restated) */
  skill = ksp_node_find_first_of_kind (card9, "skill");
  ksp_node_set_value (skill, "name", KSP_LANG_RU, "осуществление базовых и дополнительных услуг в передвижении.");
  knowledge = ksp_node_find_first_of_kind (skill, "knowledge");
  ksp_node_remove_child (skill, knowledge);
  /* point 12: one word of one knowledge item (word for word) */
  knowledge = ksp_node_find_first_of_kind (card12, "knowledge");
  {
    g_autofree char *text = g_strdup (ksp_node_get_value (knowledge, "text", KSP_LANG_RU));
    char *word = strstr (text, "Конституции");
    g_autofree char *edited = NULL;
    g_assert_nonnull (word);
    *word = '\0';
    edited = g_strconcat (text, "Конституционного закона", word + strlen ("Конституции"), NULL);
    ksp_node_set_value (knowledge, "text", KSP_LANG_RU, edited);
  }
  /* point 18, the last card, removed */
  ksp_node_remove_child (standard, card (new_root, "18"));
  /* a new card after card 10; the cards after it renumbered (11 → 12 …) */
  copy = ksp_structure_copy_new_ids (card10);
  ksp_node_set_value (copy, "profession_name", KSP_LANG_RU, "Помощник по уходу на дому");
  ksp_node_set_value (copy, "occupation_code", KSP_LANG_NONE, "5320-9-099");
  g_assert_true (ksp_node_find_child (standard, card10, &at));
  ksp_node_insert_child (standard, at + 1, copy);
  g_object_unref (copy);
  {
    guint n = 11;
    for (guint i = at + 1; i < ksp_node_get_n_children (standard); i++)
      if (g_str_equal (ksp_node_get_kind (ksp_node_get_child (standard, i)), "card"))
        {
          g_autofree char *number = g_strdup_printf ("%u.", n++);
          ksp_node_set_number (ksp_node_get_child (standard, i), number);
        }
  }

  changes = ksp_diff_trees (old_root, new_root);
  plan = ksp_amending_order_plan (changes);
  g_assert_cmpuint (plan->len, ==, 4);
  g_assert_cmpint (item (plan, 0)->kind, ==, KSP_AMEND_RESTATE);
  g_assert_cmpstr (item (plan, 0)->number, ==, "9");
  g_assert_cmpint (item (plan, 1)->kind, ==, KSP_AMEND_ADD);
  g_assert_cmpstr (item (plan, 1)->number, ==, "10-1");      /* the points after it keep their numbers */
  g_assert_cmpint (item (plan, 2)->kind, ==, KSP_AMEND_REPLACE_WORDS);
  g_assert_cmpstr (item (plan, 2)->number, ==, "12");
  g_assert_cmpstr (item (plan, 2)->old_words, ==, "Конституции");
  g_assert_cmpstr (item (plan, 2)->new_words, ==, "Конституционного закона");
  g_assert_cmpint (item (plan, 3)->kind, ==, KSP_AMEND_REMOVE);
  g_assert_cmpstr (item (plan, 3)->number, ==, "18");

  ru = ksp_amending_order_to_text (plan, old_root, KSP_LANG_RU);
  g_test_message ("%s", ru);
  g_assert_true (g_str_has_prefix (ru, "О внесении изменений в приказ Министра труда и социальной защиты населения "
                                       "Республики Казахстан от 30 апреля 2024 года № 125 «Об утверждении"));
  g_assert_nonnull (strstr (ru, "ПРИКАЗЫВАЮ:\n1. Внести в приказ Министра труда"));
  g_assert_nonnull (strstr (ru, "в профессиональном стандарте «"));
  g_assert_nonnull (strstr (ru, "пункт 9 изложить в следующей редакции:\n«"));
  g_assert_nonnull (strstr (ru, "осуществление базовых и дополнительных услуг в передвижении."));
  g_assert_nonnull (strstr (ru, "дополнить пунктом 10-1 следующего содержания:\n«"));
  g_assert_nonnull (strstr (ru, "Помощник по уходу на дому"));
  g_assert_nonnull (strstr (ru, "в пункте 12 слова «Конституции» заменить словами «Конституционного закона»;"));
  g_assert_nonnull (strstr (ru, "пункт 18 исключить.\n2. Настоящий приказ вводится в действие"));

  kk = ksp_amending_order_to_text (plan, old_root, KSP_LANG_KK);
  g_assert_nonnull (strstr (kk, "БҰЙЫРАМЫН:"));
  g_assert_nonnull (strstr (kk, "9-тармақ мынадай редакцияда жазылсын:"));
  g_assert_nonnull (strstr (kk, "мынадай мазмұндағы 10-1-тармақпен толықтырылсын:"));
  g_assert_nonnull (strstr (kk, "12-тармақтағы «Конституции» деген сөздер «Конституционного закона» деген сөздермен ауыстырылсын;"));
  g_assert_nonnull (strstr (kk, "18-тармақ алып тасталсын."));

  /* the DOCX: written, the same bytes twice */
  {
    g_autofree char *dir = g_dir_make_tmp ("kasip-amend-XXXXXX", &error);
    g_autofree char *a = g_build_filename (dir, "a.docx", NULL), *b = g_build_filename (dir, "b.docx", NULL);
    g_autofree char *da = NULL, *db = NULL;
    gsize la = 0, lb = 0;

    g_assert_true (ksp_amending_order_write_file (plan, old_root, KSP_LANG_RU, a, &error));
    g_assert_no_error (error);
    g_assert_true (ksp_amending_order_write_file (plan, old_root, KSP_LANG_RU, b, &error));
    g_assert_true (g_file_get_contents (a, &da, &la, NULL));
    g_assert_true (g_file_get_contents (b, &db, &lb, NULL));
    g_assert_cmpuint (la, >, 1000);
    g_assert_true (la == lb && memcmp (da, db, la) == 0);
    g_assert_true (memcmp (da, "PK", 2) == 0);
    g_remove (a);
    g_remove (b);
    g_rmdir (dir);
  }
}

/* word/document.xml of a DOCX (unzip reads it: a second tool). */
static char *
document_xml (const char *path)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = g_strdup_printf ("unzip -p %s word/document.xml", quoted);
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  return out;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* A card with two changes is restated whole: in the DOCX, in the standard's own layout (its heading and
 * table) between the quotes, without the note the database put before it; the plain text quotes it. */
static void
test_card_layout (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) old_root = ksp_adilet_reader_read_file (SEED_001, NULL, &error);
  g_autoptr (KspNode) new_root = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GPtrArray) plan = NULL;
  g_autofree char *ru = NULL, *dir = NULL, *path = NULL, *xml = NULL, *kk_path = NULL, *kk_xml = NULL;
  KspNode *card13, *skill;
  const char *heading;

  g_assert_no_error (error);
  new_root = ksp_node_copy (old_root);
  card13 = card (new_root, "13");
  ksp_node_set_value (card13, "ork_level", KSP_LANG_NONE, "6");
  skill = ksp_node_find_first_of_kind (card13, "skill");
  ksp_node_set_value (skill, "name", KSP_LANG_RU, "Организация социальной работы с семьёй в трудной жизненной ситуации");
  changes = ksp_diff_trees (old_root, new_root);
  plan = ksp_amending_order_plan (changes);
  g_assert_cmpuint (plan->len, ==, 1);
  g_assert_cmpint (item (plan, 0)->kind, ==, KSP_AMEND_RESTATE);
  g_assert_cmpstr (item (plan, 0)->number, ==, "13");

  ru = ksp_amending_order_to_text (plan, old_root, KSP_LANG_RU);
  g_assert_nonnull (strstr (ru, "пункт 13 изложить в следующей редакции:\n«[Карточка профессии 13.]"));
  g_assert_nonnull (strstr (ru, "Организация социальной работы с семьёй в трудной жизненной ситуации"));

  dir = g_dir_make_tmp ("kasip-amend-XXXXXX", &error);
  path = g_build_filename (dir, "card.docx", NULL);
  g_assert_true (ksp_amending_order_write_file (plan, old_root, KSP_LANG_RU, path, &error));
  g_assert_no_error (error);
  xml = document_xml (path);
  g_assert_cmpuint (count (xml, "<w:tblStyle w:val=\"KspCardTable\"/>"), ==, 1);
  g_assert_cmpuint (count (xml, "<w:pStyle w:val=\"KspCardHeading\"/>"), ==, 1);
  heading = strstr (xml, "13. Карточка профессии «Социальный работник»");
  g_assert_nonnull (heading);
  g_assert_nonnull (strstr (xml, "пункт 13 изложить в следующей редакции:"));
  g_assert_nonnull (strstr (heading, "Организация социальной работы с семьёй в трудной жизненной ситуации"));
  g_assert_nonnull (strstr (heading, "Навык 1"));
  /* the quotes around the table, and what ends the item after them */
  g_assert_nonnull (strstr (xml, ">«</w:t>"));
  g_assert_nonnull (strstr (heading, ">».</w:t>"));
  /* not the database's note, and not the card as plain text */
  g_assert_null (strstr (xml, "Пункт 13 предусматривается"));
  g_assert_null (strstr (xml, "ИЗПИ"));
  g_assert_null (strstr (xml, "[Карточка профессии 13.]"));

  kk_path = g_build_filename (dir, "card-kk.docx", NULL);
  g_assert_true (ksp_amending_order_write_file (plan, old_root, KSP_LANG_KK, kk_path, &error));
  kk_xml = document_xml (kk_path);
  g_assert_nonnull (strstr (kk_xml, "13-тармақ мынадай редакцияда жазылсын:"));
  g_assert_cmpuint (count (kk_xml, "<w:tblStyle w:val=\"KspCardTable\"/>"), ==, 1);
  g_remove (path);
  g_remove (kk_path);
  g_rmdir (dir);
}

/* A sub-point: the abbreviation 9) restated. */
static void
test_sub_point (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) old_root = ksp_adilet_reader_read_file (SEED_001, NULL, &error);
  g_autoptr (KspNode) new_root = ksp_node_copy (old_root);
  g_autoptr (GPtrArray) changes = NULL, plan = NULL;
  g_autofree char *ru = NULL;
  KspNode *abbr = NULL;

  for (KspNode *n = ksp_node_find_first_of_kind (new_root, "abbreviation"); n; n = NULL)
    for (guint i = 0; i < ksp_node_get_n_children (ksp_node_get_parent (n)); i++)
      {
        KspNode *c = ksp_node_get_child (ksp_node_get_parent (n), i);
        if (g_str_equal (ksp_node_get_kind (c), "abbreviation") && g_str_has_prefix (ksp_node_get_number (c), "9"))
          abbr = c;
      }
  g_assert_nonnull (abbr);
  ksp_node_set_value (abbr, "expansion", KSP_LANG_RU, "интегрированная информационная система социальной защиты");
  ksp_node_set_value (abbr, "abbr", KSP_LANG_RU, "ИИС");
  changes = ksp_diff_trees (old_root, new_root);
  plan = ksp_amending_order_plan (changes);
  g_assert_cmpuint (plan->len, ==, 1);
  g_assert_true (item (plan, 0)->sub_point);
  g_assert_cmpstr (item (plan, 0)->number, ==, "9)");
  ru = ksp_amending_order_to_text (plan, old_root, KSP_LANG_RU);
  g_assert_nonnull (strstr (ru, "подпункт 9) изложить в следующей редакции:\n«"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/amending-order/plan-and-text", test_plan_and_text);
  g_test_add_func ("/amending-order/sub-point", test_sub_point);
  g_test_add_func ("/amending-order/card-layout", test_card_layout);
  return g_test_run ();
}
