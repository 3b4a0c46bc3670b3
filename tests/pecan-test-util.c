/* pecan-test-util.c: what the test suites share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "pecan-test-util.h"

const PecanPeriod pecan_test_period_all = { PECAN_DAY_MIN, PECAN_DAY_MAX };

/* pecan-SUITE-XXXXXX, SUITE from the program's name: test-store gives
 * pecan-store-XXXXXX. */
static char *
tmp_template (void)
{
  const char *prgname = g_get_prgname ();
  g_autofree char *program = g_path_get_basename (prgname != NULL ? prgname : "test");
  const char *suite = program;

  if (g_str_has_prefix (suite, "test-"))
    suite += strlen ("test-");
  return g_strdup_printf ("pecan-%s-XXXXXX", suite);
}

void
pecan_test_fixture_setup (PecanTestFixture *f,
                          gconstpointer     data)
{
  g_autofree char *template = tmp_template ();
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "pecan.db", NULL);
  f->store = pecan_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

void
pecan_test_fixture_teardown (PecanTestFixture *f,
                             gconstpointer     data)
{
  g_clear_object (&f->store);
  pecan_test_remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

/* Closes the fixture's store and opens its database again. */
void
pecan_test_fixture_reopen (PecanTestFixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = pecan_store_open (f->db_path, &error);
  g_assert_no_error (error);
}

/* Adds a test run in a fixture of its own; @data is handed to @func. */
void
pecan_test_add (const char    *path,
                gconstpointer  data,
                PecanTestFunc  func)
{
  g_test_add (path, PecanTestFixture, data, pecan_test_fixture_setup, func,
              pecan_test_fixture_teardown);
}

/* Removes @path and all it holds. */
void
pecan_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        pecan_test_remove_tree (child);
      else
        g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

/* The number of files and folders in the folder @path. */
guint
pecan_test_count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* The path of the file @name of tests/data. */
char *
pecan_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* The contents of the file @name of tests/data. */
char *
pecan_test_read_data (const char *name,
                      gsize      *length)
{
  g_autofree char *path = pecan_test_data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

/* Writes the file @name of tests/data to @new_name in the fixture's
 * folder, with each text @changes names replaced by the text after it
 * (@changes may be NULL: a copy). Returns the new file's path. */
char *
pecan_test_write_data (PecanTestFixture   *f,
                       const char         *name,
                       const char         *new_name,
                       const char * const *changes)
{
  gsize len = 0;
  g_autofree char *contents = pecan_test_read_data (name, &len);
  g_autoptr(GString) text = g_string_new_len (contents, len);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, new_name, NULL);

  for (guint i = 0; changes != NULL && changes[i] != NULL; i += 2)
    g_assert_cmpuint (g_string_replace (text, changes[i], changes[i + 1], 0), >, 0);
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);
  return path;
}

PecanBatch *
pecan_test_import_path (PecanStore        *store,
                        const char        *path,
                        PecanImportFlags   flags,
                        GError           **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return pecan_import_file (store, file, flags, NULL, NULL, NULL, error);
}

/* Imports the file @name of tests/data. */
PecanBatch *
pecan_test_import_data (PecanStore        *store,
                        const char        *name,
                        PecanImportFlags   flags,
                        GError           **error)
{
  g_autofree char *path = pecan_test_data_path (name);

  return pecan_test_import_path (store, path, flags, error);
}

/* Imports the file @name of tests/data, which must succeed. */
PecanBatch *
pecan_test_import_batch (PecanStore *store,
                         const char *name)
{
  g_autoptr(GError) error = NULL;
  PecanBatch *batch = pecan_test_import_data (store, name, PECAN_IMPORT_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (batch);
  return batch;
}

/* The same, for a test that does not look at the batch. */
void
pecan_test_import_ok (PecanStore *store,
                      const char *name)
{
  g_object_unref (pecan_test_import_batch (store, name));
}

/* The summary rows, which must be read without error. */
GListModel *
pecan_test_summary (PecanStore        *store,
                    PecanGroupBy       by,
                    const PecanPeriod *period,
                    gint64             customer_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *rows = pecan_query_summary (store, by, period, customer_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

/* The incidents, which must be read without error. */
GListModel *
pecan_test_incidents (PecanStore        *store,
                      const PecanPeriod *period)
{
  g_autoptr(GError) error = NULL;
  GListModel *incidents = pecan_query_incidents (store, period, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (incidents);
  return incidents;
}

/* Reads the database behind the store's back, read-only: the first
 * column of the first row as text, "" for none or NULL. */
char *
pecan_test_query_text (const char *db_path,
                       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return text != NULL ? text : g_strdup ("");
}

gint64
pecan_test_query_int (const char *db_path,
                      const char *sql)
{
  g_autofree char *text = pecan_test_query_text (db_path, sql);

  return g_ascii_strtoll (text, NULL, 10);
}

/* @text, which must be a JSON array. */
JsonArray *
pecan_test_parse_array (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

/* The JSON array of the file @name of tests/data, an answer key. */
JsonArray *
pecan_test_load_array (const char *name)
{
  g_autofree char *text = pecan_test_read_data (name, NULL);

  return pecan_test_parse_array (text);
}
