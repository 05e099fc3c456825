/* test-word-diff.c: model/diff/ksp-word-diff.c (placeholder until the word diff lands) */
#include "ksp-word-diff.h"

static void
test_equal (void)
{
  g_autoptr (GPtrArray) spans = ksp_word_diff ("а б", "а б");
  g_assert_cmpuint (spans->len, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/word-diff/equal", test_equal);
  return g_test_run ();
}
