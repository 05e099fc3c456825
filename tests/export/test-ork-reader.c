/* The ORK reader on seed 003: the НКЗ list, the appendix rows and their levels; clear errors. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <locale.h>

#include "ksp-ork-reader.h"

#define SEED_003 SOURCE_DATADIR "/samples/003_61a1e3a7c96fc608.txt"

static KspClassifiers *
read_seed (void)
{
  g_autoptr (GError) error = NULL;
  KspClassifiers *c = ksp_ork_reader_read (SEED_003, &error);

  g_assert_no_error (error);
  g_assert_nonnull (c);
  return c;
}

static void
assert_levels (KspClassifiers *c,
               const char     *code,
               guint           want_min,
               guint           want_max)
{
  guint min = 99, max = 99;

  if (!ksp_classifiers_get_ork_levels (c, code, &min, &max))
    g_error ("%s is not in the ORK", code);
  g_assert_cmpuint (min, ==, want_min);
  g_assert_cmpuint (max, ==, want_max);
}

static void
test_nkz_list (void)
{
  g_autoptr (KspClassifiers) c = read_seed ();
  g_autoptr (GPtrArray) codes = ksp_classifiers_list_occupation_codes (c);

  g_assert_cmpuint (ksp_classifiers_get_n_occupations (c), ==, 95);
  g_assert_cmpuint (codes->len, ==, 95);
  g_assert_cmpstr (g_ptr_array_index (codes, 0), ==, "1210-0-040");
  g_assert_cmpstr (g_ptr_array_index (codes, 94), ==, "9120-1-005");
  g_assert_cmpstr (ksp_classifiers_lookup_occupation (c, "1210-0-057"), ==, "Директор центра");
  g_assert_cmpstr (ksp_classifiers_lookup_occupation (c, "3440-0-011"), ==, "Культорганизатор");
  g_assert_cmpstr (ksp_classifiers_lookup_occupation (c, "5320-2-003"), ==,
                   "Работник, оказывающий услуги по индивидуальному уходу");
  /* §5 is authoritative for names: the appendix calls 2413-6-003 «Страховой агент» (line 1395) */
  g_assert_cmpstr (ksp_classifiers_lookup_occupation (c, "2413-6-003"), ==, "Страховой эксперт");
  g_assert_cmpuint (ksp_classifiers_get_occupation_line (c, "1210-0-040"), ==, 400);
  g_assert_null (ksp_classifiers_lookup_occupation (c, "3423-0-006"));
  g_assert_null (ksp_classifiers_lookup_occupation (c, "3412-008"));
  g_assert_false (ksp_classifiers_get_occupations_complete (c));
  g_assert_cmpstr (ksp_classifiers_get_occupation_edition (c, "1210-0-057"), ==, KSP_ORK_READER_EDITION);
}

static void
test_levels (void)
{
  g_autoptr (KspClassifiers) c = read_seed ();
  guint min, max;

  assert_levels (c, "3412-0-004", 4, 5);
  assert_levels (c, "3412-0-005", 4, 5);
  assert_levels (c, "3412-0-008", 4, 5);
  assert_levels (c, "1210-0-040", 8, 8);
  assert_levels (c, "1210-0-057", 8, 8);
  assert_levels (c, "5320-1-003", 2, 2);     /* level cell empty (960): from the НРК cell */
  assert_levels (c, "3350-0-001", 5, 5);     /* 848, likewise */
  assert_levels (c, "3412-0-003", 4, 4);     /* «3412-0-003Работник» glued (1211) */
  assert_levels (c, "3412-0-009", 5, 5);
  assert_levels (c, "2635-3-001", 6, 6);
  assert_levels (c, "1344-0-004", 7, 7);     /* МСЭ row split by a page break */
  assert_levels (c, "1342-1-004", 6, 6);
  assert_levels (c, "4224-9-013", 3, 3);
  assert_levels (c, "9120-1-005", 2, 2);
  assert_levels (c, "7536-2-002", 2, 2);
  assert_levels (c, "2413-6-003", 6, 6);
  assert_levels (c, "2422-1-027", 6, 6);     /* after a blank line inside the cell (1396) */
  /* rows 1435, 1514, 1565: both level cells empty */
  assert_levels (c, "3314-2-001", 0, 0);
  assert_levels (c, "3315-3-006", 0, 0);
  assert_levels (c, "4312-2-004", 0, 0);
  g_assert_false (ksp_classifiers_get_ork_levels (c, "3423-0-006", &min, &max));
  g_assert_false (ksp_classifiers_get_ork_levels (c, "-", &min, &max));

  /* uncoded proposed names */
  g_assert_true (ksp_classifiers_get_ork_levels_by_name (c, "Сестра-хозяйка", &min, &max));
  g_assert_cmpuint (min, ==, 2);
  g_assert_true (ksp_classifiers_get_ork_levels_by_name (c, "директор организации стационарного типа", &min, &max));
  g_assert_cmpuint (min, ==, 7);
  g_assert_false (ksp_classifiers_get_ork_levels_by_name (c, "Индивидуальный помощник", &min, &max));
}

static void
test_rows (void)
{
  g_autoptr (KspClassifiers) c = read_seed ();
  g_autoptr (GHashTable) all = g_hash_table_new (g_str_hash, g_str_equal);
  static const struct {
    guint line, level, n_codes, n_proposed;
    const char *area;
  } expected[] = {
    { 702, 8, 1, 0, "Социальное (пенсионное) обеспечение" },
    { 746, 7, 11, 1, "Социальное (пенсионное) обеспечение" },
    { 804, 6, 11, 0, "Социальное (пенсионное) обеспечение" },
    { 848, 5, 15, 0, "Социальное (пенсионное) обеспечение" },
    { 915, 4, 6, 1, "Социальное (пенсионное) обеспечение" },
    { 960, 2, 9, 2, "Социальное (пенсионное) обеспечение" },
    { 1003, 2, 3, 4, "Социальное (пенсионное) обеспечение" },
    { 1028, 7, 1, 0, "Медико-социальная экспертиза" },
    { 1084, 6, 1, 1, "Медико-социальная экспертиза" },
    { 1128, 3, 1, 0, "Медико-социальная экспертиза" },
    { 1155, 8, 1, 0, "Социальная адаптация" },
    { 1182, 5, 4, 0, "Социальная адаптация" },
    { 1204, 4, 8, 0, "Социальная адаптация" },
    { 1239, 5, 1, 0, "Социальные услуги (протезно-ортопедические)" },
    { 1272, 4, 4, 1, "Социальные услуги (протезно-ортопедические)" },
    { 1305, 3, 2, 1, "Социальные услуги (протезно-ортопедические)" },
    { 1329, 2, 1, 4, "Социальные услуги (протезно-ортопедические)" },
    { 1360, 6, 2, 0, "Обязательное (социальное) страхование" },
    { 1391, 6, 5, 0, "Обязательное (социальное) страхование" },
    { 1435, 0, 2, 0, "Обязательное (социальное) страхование" },
    { 1514, 0, 6, 0, "Обязательное (социальное) страхование" },
    { 1565, 0, 3, 0, "Обязательное (социальное) страхование" },
  };
  const KspOrkRow *row;

  g_assert_cmpuint (ksp_classifiers_get_n_ork_rows (c), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      row = ksp_classifiers_get_ork_row (c, i);
      g_test_message ("row %u: line %u level %u codes %u proposed %u area %s", i, row->line, row->level,
                      row->codes->len, row->proposed->len, row->area);
      g_assert_cmpuint (row->line, ==, expected[i].line);
      g_assert_cmpuint (row->level, ==, expected[i].level);
      g_assert_cmpuint (row->codes->len, ==, expected[i].n_codes);
      g_assert_cmpuint (row->proposed->len, ==, expected[i].n_proposed);
      g_assert_cmpstr (row->area, ==, expected[i].area);
      for (guint k = 0; k < row->codes->len; k++)
        g_hash_table_add (all, g_ptr_array_index (row->codes, k));
    }
  /* all 95 codes of §5 appear in the appendix */
  g_assert_cmpuint (g_hash_table_size (all), ==, 95);

  row = ksp_classifiers_get_ork_row (c, 3);
  g_assert_cmpuint (row->ork_level, ==, 0);
  g_assert_cmpuint (row->nrk_level, ==, 5);
  row = ksp_classifiers_get_ork_row (c, 12);
  g_assert_cmpstr (g_ptr_array_index (row->codes, 4), ==, "3412-0-003");
  g_assert_cmpstr (g_ptr_array_index (row->names, 4), ==, "Работник по делам молодёжи");
  row = ksp_classifiers_get_ork_row (c, 8);
  g_assert_cmpstr (g_ptr_array_index (row->names, 0), ==,
                   "Главный эксперт медико-социальной экспертной комиссии (Главный эксперт медико-социальной экспертизы)");
  g_assert_cmpstr (g_ptr_array_index (row->proposed, 0), ==, "Эксперт медико-социальной экспертизы");
  row = ksp_classifiers_get_ork_row (c, 1);
  g_assert_cmpstr (g_ptr_array_index (row->proposed, 0), ==, "Директор организации стационарного типа");

  g_assert_cmpstr (ksp_classifiers_lookup_group (c, "3321"), ==, "Страховые агенты");
  g_assert_cmpstr (ksp_classifiers_lookup_group (c, "9120"), ==, "Мойщики");
  g_assert_cmpstr (ksp_classifiers_lookup_group (c, "3433-1"), ==, "Служащие библиотек");
  g_assert_cmpstr (ksp_classifiers_lookup_group (c, "8219"), ==, "Сборщики, н.в.д.г.");
}

static void
test_oked_builtin (void)
{
  g_autoptr (KspClassifiers) c = read_seed ();

  g_assert_cmpstr (ksp_classifiers_lookup_oked (c, "Q"), ==, "Здравоохранение и социальное обслуживание населения");
  g_assert_nonnull (ksp_classifiers_lookup_oked (c, "87.30.0"));
  g_assert_nonnull (ksp_classifiers_lookup_oked (c, "87.3."));
  g_assert_null (ksp_classifiers_lookup_oked (c, "84.30"));
  g_assert_cmpstr (ksp_classifiers_get_oked_parent (c, "88.10.0"), ==, "88.10");
  g_assert_cmpstr (ksp_classifiers_get_oked_parent (c, "88.1"), ==, "88");
  g_assert_cmpstr (ksp_classifiers_get_oked_parent (c, "88"), ==, "Q");
  g_assert_null (ksp_classifiers_get_oked_parent (c, "Q"));
  g_assert_cmpint (ksp_oked_rank_of_code ("88.99.0"), ==, KSP_OKED_RANK_SUBCLASS);
  g_assert_cmpint (ksp_oked_rank_of_code ("88.99."), ==, KSP_OKED_RANK_INVALID);
}

static void
test_missing_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspClassifiers) c = ksp_ork_reader_read ("/nonexistent/ork.txt", &error);

  g_assert_null (c);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "/nonexistent/ork.txt"));
}

static char *
write_temp (const char *contents,
            gssize      len)
{
  g_autoptr (GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("ksp-ork-XXXXXX.txt", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_binary_file (void)
{
  static const char data[] = "5. Национальный классификатор занятий\n\t1210-0-040\n\x01\x02\x00\x00\xff\xfe\n";
  g_autofree char *path = write_temp (data, sizeof data - 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (KspClassifiers) c = ksp_ork_reader_read (path, &error);

  g_assert_null (c);
  g_assert_error (error, KSP_ORK_READER_ERROR, KSP_ORK_READER_ERROR_ENCODING);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, ":3: not a text file"));
  g_unlink (path);
}

static void
test_not_utf8 (void)
{
  /* «Директор» in Windows-1251 on line 2 */
  static const char data[] = "5. Nothing\n\xc4\xe8\xf0\xe5\xea\xf2\xee\xf0\n";
  g_autofree char *path = write_temp (data, -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (KspClassifiers) c = ksp_ork_reader_read (path, &error);

  g_assert_null (c);
  g_assert_error (error, KSP_ORK_READER_ERROR, KSP_ORK_READER_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, ":2: not valid UTF-8"));
  g_unlink (path);
}

static void
test_no_list (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspClassifiers) c = ksp_ork_reader_read_data ("Профессиональный стандарт\n", -1, "x.txt", &error);

  g_assert_null (c);
  g_assert_error (error, KSP_ORK_READER_ERROR, KSP_ORK_READER_ERROR_NO_DATA);
  g_assert_nonnull (strstr (error->message, "x.txt"));
  g_assert_nonnull (strstr (error->message, "Национальный классификатор занятий"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ork-reader/nkz-list", test_nkz_list);
  g_test_add_func ("/ork-reader/levels", test_levels);
  g_test_add_func ("/ork-reader/rows", test_rows);
  g_test_add_func ("/ork-reader/oked-builtin", test_oked_builtin);
  g_test_add_func ("/ork-reader/missing-file", test_missing_file);
  g_test_add_func ("/ork-reader/binary-file", test_binary_file);
  g_test_add_func ("/ork-reader/not-utf8", test_not_utf8);
  g_test_add_func ("/ork-reader/no-list", test_no_list);

  return g_test_run ();
}
