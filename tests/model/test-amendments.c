/* test-amendments.c: the amendment history read from a text's notes, and the text as in force on a date
 * (model/ksp-amendments.c), on the published seeds: seed 001's «Примечание ИЗПИ!» notes (sub-point 9) and
 * points 12–16 in the wording of order № 109 of 31.03.2026, in force from 12.07.2026) and seed 002's
 * Kazakh «Ескерту» notes. */
#include "config.h"

#include <string.h>

#include "ksp-adilet-reader.h"
#include "ksp-amendments.h"
#include "ksp-document.h"

#define SEED(n) SOURCE_DATADIR "/samples/" n

static KspNode *
read_seed (const char *path)
{
  g_autoptr (GError) error = NULL;
  KspNode *root = ksp_adilet_reader_read_file (path, NULL, &error);

  g_assert_no_error (error);
  return root;
}

static guint
count_cards_with_code (KspNode    *node,
                       const char *code)
{
  guint n = g_str_equal (ksp_node_get_kind (node), "card") &&
            g_strcmp0 (ksp_node_get_value (node, "occupation_code", KSP_LANG_NONE), code) == 0;

  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    n += count_cards_with_code (ksp_node_get_child (node, i), code);
  return n;
}

static void
collect_status_notes (KspNode   *node,
                      GPtrArray *out)
{
  if (g_str_equal (ksp_node_get_kind (node), "note") &&
      g_strcmp0 (ksp_node_get_value (node, "note_kind", KSP_LANG_NONE), "status") == 0)
    g_ptr_array_add (out, (gpointer) ksp_node_get_value (node, "text", KSP_LANG_RU));
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    collect_status_notes (ksp_node_get_child (node, i), out);
}

static void
test_history_seed_001 (void)
{
  g_autoptr (KspNode) root = read_seed (SEED ("001_efa396441f2b22fb.txt"));
  g_autoptr (GPtrArray) histories = ksp_amendments_history (root);
  const char *expected[] = { "abbreviation 9)", "card 12.", "card 13.", "card 14.", "card 15.", "card 16." };

  g_assert_cmpuint (histories->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < histories->len; i++)
    {
      KspPointHistory *h = g_ptr_array_index (histories, i);
      g_autofree char *what = g_strdup_printf ("%s %s", ksp_node_get_kind (h->element), ksp_node_get_number (h->element));
      KspWording *first, *second;

      g_assert_cmpstr (what, ==, expected[i]);
      g_assert_cmpuint (h->wordings->len, ==, 2);
      first = g_ptr_array_index (h->wordings, 0);
      second = g_ptr_array_index (h->wordings, 1);
      /* the approving order, in force from the document's «Вводится в действие с 1 января 2025.» */
      g_assert_true (first->approving);
      g_assert_nonnull (strstr (first->act, "№ 125"));
      g_assert_cmpstr (first->in_force_from, ==, "2025-01-01");
      /* the amending order */
      g_assert_false (second->approving);
      g_assert_cmpstr (second->act_number, ==, "109");
      g_assert_cmpstr (second->act_date, ==, "2026-03-31");
      g_assert_cmpstr (second->in_force_from, ==, "2026-07-12");
      g_assert_nonnull (second->note);
      g_assert_true (ksp_point_history_in_force_on (h, "2026-07-11") == first);
      g_assert_true (ksp_point_history_in_force_on (h, "2026-07-12") == second);
      g_assert_null (ksp_point_history_in_force_on (h, "2024-12-31"));
    }
}

static void
test_in_force_seed_001 (void)
{
  g_autoptr (KspNode) root = read_seed (SEED ("001_efa396441f2b22fb.txt"));
  g_autoptr (KspNode) may = NULL, august = NULL, before = NULL, bad = NULL;
  g_autoptr (GPtrArray) notes = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *why = NULL;
  guint notices = 0;

  /* 1 May 2026: points 12–16 and sub-point 9) are not in force in this text's wording */
  may = ksp_amendments_in_force_on (root, "2026-05-01", KSP_UI_LANG_RU, &notices, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notices, ==, 6);
  g_assert_cmpuint (count_cards_with_code (root, "3412-0-011"), ==, 1);
  g_assert_cmpuint (count_cards_with_code (may, "3412-0-011"), ==, 0);   /* card 12 */
  g_assert_cmpuint (count_cards_with_code (may, "5320-2-003"), ==, 1);   /* card 9 is as published */
  collect_status_notes (may, notes);
  g_assert_cmpuint (notes->len, ==, 6);
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 1), "Карточка 12 (3412-0-011): на 01.05.2026"));
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 1), "№ 125"));
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 1), "12.07.2026"));

  /* from 12 July 2026 the text is in force as published */
  august = ksp_amendments_in_force_on (root, "2026-08-01", KSP_UI_LANG_RU, &notices, &error);
  g_assert_cmpuint (notices, ==, 0);
  g_assert_true (ksp_node_equal (root, august, &why));

  /* before 1 January 2025 the order is not in force at all */
  before = ksp_amendments_in_force_on (root, "2024-12-01", KSP_UI_LANG_RU, &notices, &error);
  g_assert_cmpuint (notices, ==, 1);
  g_ptr_array_set_size (notes, 0);
  collect_status_notes (before, notes);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 0), "не введён в действие (вводится в действие с 01.01.2025)"));

  bad = ksp_amendments_in_force_on (root, "01.05.2026", KSP_UI_LANG_RU, NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_INVALID);
}

/* Kazakh notes: the preamble and the appendix «жаңа редакцияда»; «2-тармаққа» names a point the text
 * does not have as an element, and is not pinned on labour function 2 or sub-point 2). */
static void
test_history_seed_002 (void)
{
  g_autoptr (KspNode) root = read_seed (SEED ("002_a9356737b7c953f7.txt"));
  g_autoptr (GPtrArray) histories = ksp_amendments_history (root);
  KspPointHistory *order, *standard;
  KspWording *w;

  g_assert_cmpuint (histories->len, ==, 2);
  order = g_ptr_array_index (histories, 0);
  standard = g_ptr_array_index (histories, 1);
  g_assert_cmpstr (ksp_node_get_kind (order->element), ==, "order");
  g_assert_cmpstr (ksp_node_get_kind (standard->element), ==, "standard");
  w = g_ptr_array_index (order->wordings, 1);
  g_assert_cmpstr (w->act_number, ==, "488");
  g_assert_cmpstr (w->act_date, ==, "2021-12-23");
  g_assert_null (w->in_force_from);            /* «ten days after its first publication»: no date */
  g_assert_cmpstr (ksp_wording_earliest (w), ==, "2021-12-23");
  w = g_ptr_array_index (standard->wordings, 1);
  g_assert_cmpstr (w->act_number, ==, "9");
  g_assert_cmpstr (w->act_date, ==, "2023-01-13");
  /* the approving order, named in the appendix's header */
  w = g_ptr_array_index (standard->wordings, 0);
  g_assert_true (w->approving);
  g_assert_nonnull (strstr (w->act, "№ 292"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/amendments/history-seed-001", test_history_seed_001);
  g_test_add_func ("/amendments/in-force-seed-001", test_in_force_seed_001);
  g_test_add_func ("/amendments/history-seed-002", test_history_seed_002);
  return g_test_run ();
}
