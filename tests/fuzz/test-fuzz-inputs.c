/* test-fuzz-inputs.c: the fuzz target's findings and deepest inputs, replayed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file of tests/data/fuzz is imported exactly as the fuzz target
 * imports its inputs: each must give a batch or a clear error, and leave the
 * database as the importer promises. See tests/data/fuzz/README.md.
 */
#include "config.h"

#include "pecan-fuzz-import.h"
#include "pecan-test-util.h"

static void
test_input (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pecan-fuzz-inputs-XXXXXX", &error);
  g_autofree char *problem = NULL;

  g_assert_no_error (error);
  problem = pecan_fuzz_import (dir, path);
  g_assert_cmpstr (problem, ==, NULL);
  pecan_test_remove_tree (dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The files of the folder, by name, so that the order is the same on
 * every run. */
static GPtrArray *
list_inputs (const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, "README.md"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, NULL);
  folder = pecan_test_data_path ("fuzz");
  names = list_inputs (folder);
  g_assert_cmpuint (names->len, >, 0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/fuzz-inputs/%s", name);
      char *path = g_build_filename (folder, name, NULL);

      g_ptr_array_add (paths, path);
      g_test_add_data_func (test_path, path, test_input);
    }
  return g_test_run ();
}
