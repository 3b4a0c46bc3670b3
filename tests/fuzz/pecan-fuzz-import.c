/* pecan-fuzz-import.c: one file imported as a user's would be, and the
 * promises the importer keeps whatever the file holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the fuzz target and by the test that replays what it found, so
 * that both import a file in exactly the same way.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "pecan-error.h"
#include "pecan-importer.h"
#include "pecan-store.h"
#include "pecan-fuzz-import.h"

/* The rows of every table: what an import that fails must leave as it
 * was, since a file imports all or nothing. One query counts them all. */
static char *
count_rows (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  GString *sql = g_string_new ("SELECT ''");
  char *counts = NULL;

  sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                      -1, &stmt, NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *term = sqlite3_mprintf (" || '%q=' || (SELECT count(*) FROM \"%w\") || ' '",
                                    sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 0));
      g_string_append (sql, term);
      sqlite3_free (term);
    }
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    counts = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_string_free (sql, TRUE);
  return counts != NULL ? counts : g_strdup (sqlite3_errmsg (db));
}

/* A failed import must say why in words a person can act on: in the
 * importer's domain, in valid UTF-8 (the window shows it as it is), and
 * naming the file. */
static char *
check_error (const GError *error,
             const char   *path)
{
  g_autofree char *name = g_path_get_basename (path);

  if (error->domain != PECAN_IMPORT_ERROR)
    return g_strdup_printf ("error outside the import domain (%s, %d): %s",
                            g_quark_to_string (error->domain), error->code, error->message);
  if (!g_utf8_validate (error->message, -1, NULL))
    return g_strdup_printf ("error message is not valid UTF-8: %s", error->message);
  if (strstr (error->message, name) == NULL)
    return g_strdup_printf ("error message does not name the file: %s", error->message);
  return NULL;
}

/* Skip mode handles bad lines: a file that fails as a whole fails in the
 * same way in both modes, and is imported once. */
static gboolean
fails_as_a_whole (const GError *error)
{
  return error->domain == PECAN_IMPORT_ERROR
         && (error->code == PECAN_IMPORT_ERROR_NOT_TEXT || error->code == PECAN_IMPORT_ERROR_EMPTY
             || error->code == PECAN_IMPORT_ERROR_UNKNOWN_LAYOUT
             || error->code == PECAN_IMPORT_ERROR_MISSING_COLUMN);
}

static char *
import_once (PecanStore       *store,
             sqlite3          *db,
             const char       *path,
             PecanImportFlags  flags,
             gboolean         *as_a_whole)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanBatch) batch = NULL;
  g_autofree char *before = count_rows (db);
  g_autofree char *after = NULL;
  char *problem;

  batch = pecan_import_file (store, file, flags, NULL, NULL, NULL, &error);
  if (batch != NULL)
    return error == NULL ? NULL : g_strdup_printf ("a batch and an error: %s", error->message);
  if (error == NULL)
    return g_strdup ("neither a batch nor an error");
  *as_a_whole = fails_as_a_whole (error);
  if ((problem = check_error (error, path)) != NULL)
    return problem;
  after = count_rows (db);
  if (!g_str_equal (before, after))
    return g_strdup_printf ("the failed import changed the database: before %s, after %s",
                            before, after);
  return NULL;
}

static void
remove_database (const char *db_path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (db_path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/**
 * pecan_fuzz_import:
 * @dir: a folder for the database, which is created and removed here
 * @path: the file to import
 *
 * Imports @path into a new database, all or nothing, then again skipping
 * bad lines (the second time as a file imported twice, when the first
 * import succeeded), as the window and pecan-cli do.
 *
 * Returns: (transfer full) (nullable): %NULL when every promise held,
 *   else what went wrong
 */
char *
pecan_fuzz_import (const char *dir,
                   const char *path)
{
  g_autofree char *db_path = g_build_filename (dir, "pecan.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanStore) store = pecan_store_open (db_path, &error);
  sqlite3 *db = NULL;
  gboolean as_a_whole = FALSE;
  char *problem;

  if (store == NULL)
    return g_strdup_printf ("could not create a database: %s", error->message);
  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    problem = g_strdup_printf ("could not read the database: %s", sqlite3_errmsg (db));
  else if ((problem = import_once (store, db, path, PECAN_IMPORT_DEFAULT, &as_a_whole)) == NULL
           && !as_a_whole)
    problem = import_once (store, db, path, PECAN_IMPORT_SKIP_BAD_ROWS, &as_a_whole);
  sqlite3_close (db);
  g_clear_object (&store);
  remove_database (db_path);
  return problem;
}
