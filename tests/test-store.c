/* test-store.c: tests of the database: creation, identity, settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "pecan-batch.h"
#include "pecan-error.h"
#include "pecan-incident.h"
#include "pecan-parse.h"
#include "pecan-query.h"
#include "pecan-store.h"
#include "pecan-summary-row.h"
#include "pecan-test-util.h"

#define PECAN_APPLICATION_ID 0x5045434E
#define C1 "0f8e2b6a-1c3d-4e5f-8a9b-1a2b3c4d5e6f"
#define C2 "7d41c9e0-52ab-4b8e-9f13-c0ffee2a6b71"

typedef PecanTestFixture Fixture;

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* The database, its WAL and its index are their owner's only. */
static void
assert_private (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_assert_cmpuint (file_mode (file), ==, 0600);
    }
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

/* Runs SQL on a file with SQLite itself, as another program would. */
static void
sqlite_exec (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_private (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->db_path, "-shm", NULL);
  g_autofree char *nested = g_build_filename (f->dir, "a", "b", "pecan.db", NULL);
  g_autofree char *nested_dir = g_path_get_dirname (nested);
  g_autoptr(PecanStore) other = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (022);

  g_assert_cmpuint (file_mode (f->db_path), ==, 0600);
  pecan_test_import_ok (f->store, "daily-small.csv");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);
  g_assert_cmpuint (file_mode (f->db_path), ==, 0600);

  /* Missing folders are created, owner-only too. */
  other = pecan_store_open (nested, &error);
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (nested), ==, 0600);
  g_assert_cmpuint (file_mode (nested_dir), ==, 0700);
  g_assert_cmpstr (pecan_store_get_path (other), ==, nested);
}

/* Whatever the umask, every file Pecan writes is its owner's only: the
 * database, its WAL and index, and its backups. */
static void
test_private_umask (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "open.db", NULL);
  g_autofree char *target = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *beside = NULL;
  g_autoptr(PecanStore) store = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (0);

  store = pecan_store_open (path, &error);
  g_assert_no_error (error);
  pecan_test_import_ok (store, "daily-small.csv");
  copy = pecan_store_backup (store, target, &error);
  g_assert_no_error (error);
  beside = pecan_store_backup (store, NULL, &error);
  g_assert_no_error (error);
  umask (old_umask);

  assert_private (path);
  g_assert_cmpuint (file_mode (copy), ==, 0600);
  g_assert_cmpuint (file_mode (beside), ==, 0600);
}

/* A database copied in readable by anyone is made private when opened,
 * with its WAL; so is a WAL a crash left readable. */
static void
test_private_existing (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);

  g_clear_object (&f->store);
  g_assert_cmpint (g_chmod (f->db_path, 0644), ==, 0);
  g_assert_true (g_file_set_contents (wal, "", 0, NULL));
  g_assert_cmpint (g_chmod (wal, 0644), ==, 0);

  pecan_test_fixture_reopen (f);
  pecan_test_import_ok (f->store, "daily-small.csv");
  assert_private (f->db_path);
}

static void
test_new_schema (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpint (pecan_test_query_int (f->db_path, "PRAGMA user_version"), ==,
                   PECAN_STORE_SCHEMA_VERSION);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "PRAGMA application_id"), ==,
                   PECAN_APPLICATION_ID);
  g_assert_cmpstr (pecan_store_get_path (f->store), ==, f->db_path);
  /* A new database is not backed up before its first migration. */
  g_assert_cmpuint (pecan_test_count_entries (f->dir), <=, 3);
}

static char *
summary_text (PecanStore *store)
{
  g_autoptr(GListModel) rows = pecan_test_summary (store, PECAN_GROUP_CUSTOMER_MONTH,
                                                   &pecan_test_period_all, 0);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (rows, i);
      const PecanSummaryInfo *info = pecan_summary_row_get_info (row);

      g_string_append_printf (out, "%s %d %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %.9f %.9f\n",
                              info->customer_tenant, info->month, info->currency, info->lines,
                              info->billed, info->pec_earned, info->pec_lost);
    }
  return g_string_free (out, FALSE);
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GListModel) batches = NULL;
  g_autoptr(PecanBatch) batch = NULL;
  g_autoptr(GError) error = NULL;

  pecan_test_import_ok (f->store, "daily-small.csv");
  before = summary_text (f->store);
  g_assert_cmpuint (strlen (before), >, 0);

  pecan_test_fixture_reopen (f);
  after = summary_text (f->store);
  g_assert_cmpstr (before, ==, after);
  batches = pecan_query_batches (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (batches), ==, 1);
  batch = g_list_model_get_item (batches, 0);
  g_assert_cmpstr (pecan_batch_get_file_name (batch), ==, "daily-small.csv");
  g_assert_cmpuint (pecan_batch_get_info (batch)->lines, ==, 24);
  g_assert_cmpint (pecan_batch_get_info (batch)->layout, ==, PECAN_LAYOUT_DAILY);

  /* Two connections at once, as the window and an import thread have. */
  {
    g_autoptr(PecanStore) second = pecan_store_open (f->db_path, &error);
    g_autofree char *seen = NULL;

    g_assert_no_error (error);
    seen = summary_text (second);
    g_assert_cmpstr (seen, ==, before);
  }
}

/* Closes and deletes the fixture's database, for tests of other files. */
static void
drop_database (Fixture *f)
{
  g_clear_object (&f->store);
  g_assert_cmpint (g_unlink (f->db_path), ==, 0);
}

/* Every file in @dir, by name, with its bytes; SQLite's shared-memory
 * index, which any reader may rebuild, is left out. */
static GHashTable *
snapshot_dir (const char *dir)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_bytes_unref);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_str_has_suffix (name, "-shm"))
        g_hash_table_insert (files, g_strdup (name), read_bytes (path));
    }
  return files;
}

static void
assert_same_files (GHashTable *before,
                   GHashTable *after)
{
  GHashTableIter iter;
  gpointer name, bytes;

  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &name, &bytes))
    {
      GBytes *now = g_hash_table_lookup (after, name);

      g_assert_nonnull (now);
      if (!g_bytes_equal (bytes, now))
        g_error ("%s was changed", (const char *) name);
    }
}

/* Opens @path expecting @code: the file, its WAL and all beside it must
 * be left as they were, and nothing added, besides SQLite's index of a
 * WAL that was there. */
static void
check_refused (const char *path,
               int         code)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GHashTable) before = snapshot_dir (dir);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanStore) store = NULL;
  gboolean had_wal = g_file_test (wal, G_FILE_TEST_EXISTS);
  guint mode = file_mode (path);

  store = pecan_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PECAN_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  after = snapshot_dir (dir);
  assert_same_files (before, after);
  g_assert_cmpuint (file_mode (path), ==, mode);
  if (!had_wal)
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static void
test_not_sqlite (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "random.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guchar bytes[4096];

  for (gsize i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  drop_database (f);
  g_assert_true (g_file_set_contents (path, (const char *) bytes, sizeof bytes, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  check_refused (path, PECAN_STORE_ERROR_DAMAGED);
}

static void
test_text_file (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  drop_database (f);
  path = pecan_test_write_data (f, "daily-small.csv", "usage.csv", NULL);
  check_refused (path, PECAN_STORE_ERROR_DAMAGED);
}

static void
test_other_program (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "other.db", NULL);

  drop_database (f);
  sqlite_exec (path, "CREATE TABLE foo (bar TEXT); INSERT INTO foo VALUES ('baz');");
  check_refused (path, PECAN_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_newer_schema (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "newer.db", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 99;"
                                          " CREATE TABLE future (x INTEGER);",
                                          PECAN_APPLICATION_ID);

  drop_database (f);
  sqlite_exec (path, sql);
  check_refused (path, PECAN_STORE_ERROR_NEWER_SCHEMA);
}

/* A newer Pecan writes WAL databases too: those are left as they are. */
static void
test_newer_schema_wal (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "newer.db", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = WAL;"
                                          " PRAGMA application_id = %d; PRAGMA user_version = 99;"
                                          " CREATE TABLE future (x INTEGER);",
                                          PECAN_APPLICATION_ID);

  drop_database (f);
  sqlite_exec (path, sql);
  check_refused (path, PECAN_STORE_ERROR_NEWER_SCHEMA);
  g_assert_cmpint (pecan_test_query_int (path, "PRAGMA user_version"), ==, 99);
}

/* Its WAL still holding the newer Pecan's last changes (it was stopped,
 * or is running), as it was: not written back into the database. */
static void
test_newer_schema_open_wal (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "newer.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = WAL;"
                                          " PRAGMA application_id = %d; PRAGMA user_version = 99;"
                                          " CREATE TABLE future (x INTEGER);"
                                          " INSERT INTO future VALUES (1), (2), (3);",
                                          PECAN_APPLICATION_ID);
  sqlite3 *db = NULL;

  drop_database (f);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_cmpuint (file_size (wal), >, 0);

  check_refused (path, PECAN_STORE_ERROR_NEWER_SCHEMA);
  g_assert_cmpint (pecan_test_query_int (path, "SELECT count(*) FROM future"), ==, 3);
}

/* The fixture's database with some data, closed (its WAL written back),
 * as bytes to damage. */
static GBytes *
database_bytes (Fixture *f)
{
  pecan_test_import_ok (f->store, "daily-small.csv");
  g_clear_object (&f->store);
  return read_bytes (f->db_path);
}

static char *
write_damaged (Fixture      *f,
               const char   *name,
               const guchar *data,
               gsize         length)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, (const char *) data, length, NULL));
  return path;
}

/* Cut short anywhere, at a page's end or inside one. */
static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) whole = database_bytes (f);
  gsize size = g_bytes_get_size (whole);
  const guchar *bytes = g_bytes_get_data (whole, NULL);
  const gsize lengths[] = { 50, 100, 4096, size / 4096 / 2 * 4096, size / 2 + 100, size - 4096,
                            size - 1 };

  g_assert_cmpuint (size % 4096, ==, 0);
  g_assert_cmpuint (size / 4096, >, 10);
  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autofree char *name = g_strdup_printf ("cut-%" G_GSIZE_FORMAT ".db", lengths[i]);
      g_autofree char *path = write_damaged (f, name, bytes, lengths[i]);

      g_test_message ("%s", name);
      check_refused (path, PECAN_STORE_ERROR_DAMAGED);
    }
}

/* The schema is where SQLite looks first: damage there refuses the file. */
static void
test_damaged_schema (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) whole = database_bytes (f);
  gsize size = 0;
  g_autofree guchar *bytes = g_bytes_unref_to_data (g_steal_pointer (&whole), &size);
  g_autofree char *path = NULL;

  /* Page 1 after the file's header: the root of the schema's B-tree. */
  memset (bytes + 100, 0xa5, 4096 - 100);
  path = write_damaged (f, "schema.db", bytes, size);
  check_refused (path, PECAN_STORE_ERROR_DAMAGED);
}

/* Damage elsewhere shows when a query reads it, which says the same: a
 * check of every page at each open would take minutes on a large file. */
static void
test_damaged_page (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GBytes) whole = database_bytes (f);
  gint64 page = pecan_test_query_int (f->db_path,
                                      "SELECT rootpage FROM sqlite_schema WHERE name = 'batch'");
  gsize size = 0;
  g_autofree guchar *bytes = g_bytes_unref_to_data (g_steal_pointer (&whole), &size);
  g_autofree char *path = NULL;
  g_autoptr(PecanStore) store = NULL;
  g_autoptr(GListModel) batches = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (page, >, 1);
  memset (bytes + (page - 1) * 4096, 0xa5, 4096);
  path = write_damaged (f, "page.db", bytes, size);
  store = pecan_store_open (path, &error);
  g_assert_no_error (error);
  batches = pecan_query_batches (store, &error);
  g_assert_null (batches);
  g_assert_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (pecan_store_error_can_move_aside (error));
}

/* Moved aside with its WAL, a database keeps all it holds; a new one
 * takes its place. */
static void
test_move_aside (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *path = g_build_filename (f->dir, "crashed.db", NULL);
  g_autofree char *moved = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(PecanStore) store = NULL;
  g_autoptr(GListModel) batches = NULL;
  g_autoptr(GError) error = NULL;

  /* The files as a crash leaves them: the latest import in the WAL. */
  pecan_test_import_ok (f->store, "daily-small.csv");
  before = summary_text (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (f->db_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (path, suffixes[i], NULL);
      g_autoptr(GBytes) bytes = read_bytes (from);

      g_assert_true (g_file_set_contents (to, g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), NULL));
      g_ptr_array_add (contents, g_steal_pointer (&bytes));
    }
  g_assert_cmpuint (file_size (f->db_path), <, g_bytes_get_size (contents->pdata[1]));

  moved = pecan_store_move_aside (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_regex_match_simple ("/crashed\\.db\\.aside-[0-9]{8}-[0-9]{6}$", moved, 0, 0));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *old = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *now = g_strconcat (moved, suffixes[i], NULL);
      g_autoptr(GBytes) bytes = read_bytes (now);

      g_assert_false (g_file_test (old, G_FILE_TEST_EXISTS));
      g_assert_true (g_bytes_equal (bytes, contents->pdata[i]));
    }

  store = pecan_store_open (moved, &error);
  g_assert_no_error (error);
  after = summary_text (store);
  g_assert_cmpstr (after, ==, before);
  g_clear_object (&store);

  /* A new database, with nothing of the old WAL read into it. */
  store = pecan_store_open (path, &error);
  g_assert_no_error (error);
  batches = pecan_query_batches (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (batches), ==, 0);
}

/* The name moved to replaces no file, nor a file beside it. */
static void
test_move_aside_no_overwrite (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "damaged.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GHashTable) blockers = NULL;
  g_autoptr(GHashTable) kept = NULL;
  g_autofree char *moved = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean expected = FALSE;

  drop_database (f);
  g_assert_true (g_file_set_contents (path, "damaged", -1, NULL));
  /* Both names of the next seconds taken: NAME, and NAME-2's WAL. */
  for (int s = 0; s < 3; s++)
    {
      g_autoptr(GDateTime) then = g_date_time_add_seconds (now, s);
      g_autofree char *stamp = g_date_time_format (then, "%Y%m%d-%H%M%S");
      g_autofree char *taken = g_strdup_printf ("%s.aside-%s", path, stamp);
      g_autofree char *taken_wal = g_strdup_printf ("%s.aside-%s-2-wal", path, stamp);

      g_assert_true (g_file_set_contents (taken, "first", -1, NULL));
      g_assert_true (g_file_set_contents (taken_wal, "second", -1, NULL));
    }
  blockers = snapshot_dir (f->dir);
  g_hash_table_remove (blockers, "damaged.db");

  moved = pecan_store_move_aside (path, &error);
  g_assert_no_error (error);
  bytes = read_bytes (moved);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "damaged", 7);
  for (int s = 0; s < 3; s++)
    {
      g_autoptr(GDateTime) then = g_date_time_add_seconds (now, s);
      g_autofree char *stamp = g_date_time_format (then, "%Y%m%d-%H%M%S");
      g_autofree char *third = g_strdup_printf ("%s.aside-%s-3", path, stamp);

      expected |= g_str_equal (moved, third);
    }
  g_assert_true (expected);
  kept = snapshot_dir (f->dir);
  g_assert_true (g_hash_table_remove (kept, strrchr (moved, '/') + 1));
  assert_same_files (blockers, kept);
}

/* When a file cannot be moved, those moved before it go back. */
static void
test_move_aside_fails (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "gone.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = NULL;

  drop_database (f);
  g_assert_true (g_file_set_contents (wal, "a WAL without its database", -1, NULL));
  before = snapshot_dir (f->dir);
  moved = pecan_store_move_aside (path, &error);
  g_assert_null (moved);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  after = snapshot_dir (f->dir);
  assert_same_files (before, after);
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = pecan_store_get_setting (f->store, "report-share");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *reopened = NULL;

  g_assert_null (missing);
  g_assert_true (pecan_store_set_setting (f->store, "report-share", "30", &error));
  g_assert_no_error (error);
  first = pecan_store_get_setting (f->store, "report-share");
  g_assert_cmpstr (first, ==, "30");
  g_assert_true (pecan_store_set_setting (f->store, "report-share", "Contoso “Blue”, 40 %",
                                          &error));
  g_assert_no_error (error);
  second = pecan_store_get_setting (f->store, "report-share");
  g_assert_cmpstr (second, ==, "Contoso “Blue”, 40 %");

  pecan_test_fixture_reopen (f);
  reopened = pecan_store_get_setting (f->store, "report-share");
  g_assert_cmpstr (reopened, ==, "Contoso “Blue”, 40 %");
}

static const PecanSummaryInfo *
find_row (GListModel *rows,
          const char *customer,
          int         month)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (rows, i);
      const PecanSummaryInfo *info = pecan_summary_row_get_info (row);

      if (g_str_equal (info->customer_tenant, customer) && info->month == month)
        return info;
    }
  g_assert_not_reached ();
}

static void
check_rate (PecanStore *store,
            int         rate)
{
  g_autoptr(GListModel) rows = pecan_test_summary (store, PECAN_GROUP_CUSTOMER_MONTH,
                                                   &pecan_test_period_all, 0);
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(PecanIncident) incident = NULL;

  g_assert_cmpint (pecan_store_get_pec_rate (store), ==, rate);
  /* Lost PEC is counted at the rate; earned PEC is what the file states. */
  g_assert_cmpfloat_with_epsilon (find_row (rows, C1, 202601)->pec_lost,
                                  6.1416768 * rate / 100, 1e-6);
  g_assert_cmpfloat_with_epsilon (find_row (rows, C2, 202602)->pec_lost,
                                  0.2001 * rate / 100, 1e-6);
  g_assert_cmpfloat_with_epsilon (find_row (rows, C1, 202601)->pec_earned, 1.029612558, 1e-6);
  g_assert_cmpfloat_with_epsilon (find_row (rows, C2, 202602)->pec_earned, 2.3064768, 1e-6);
  g_assert_cmpint (find_row (rows, C1, 202601)->billed, ==, G_GINT64_CONSTANT (21341847962));

  incidents = pecan_test_incidents (store, &pecan_test_period_all);
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, 1);
  incident = g_list_model_get_item (incidents, 0);
  g_assert_cmpfloat_with_epsilon (pecan_incident_get_info (incident)->pec_lost,
                                  6.1416768 * rate / 100, 1e-6);
}

static void
test_pec_rate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (pecan_store_get_pec_rate (f->store), ==, 15);
  pecan_test_import_ok (f->store, "daily-small.csv");
  check_rate (f->store, 15);

  g_assert_true (pecan_store_set_pec_rate (f->store, 20, &error));
  g_assert_no_error (error);
  check_rate (f->store, 20);
  g_assert_cmpfloat_with_epsilon (0.92125152 * 20 / 15, 1.22833536, 1e-12);

  pecan_test_fixture_reopen (f);
  check_rate (f->store, 20);

  /* A value that is not a rate counts as the default. */
  g_assert_true (pecan_store_set_setting (f->store, "pec-rate", "lots", &error));
  g_assert_no_error (error);
  check_rate (f->store, 15);
}

/* Runs first, before any import has started a thread: it changes the
 * environment. */
static void
test_default_path (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *saved = g_strdup (g_getenv ("PECAN_DATABASE"));
  g_autofree char *env_path = g_build_filename (f->dir, "from-env.db", NULL);
  g_autofree char *from_env = NULL;
  g_autofree char *from_empty = NULL;
  g_autofree char *from_nothing = NULL;
  g_autofree char *user_default = g_build_filename (g_get_user_data_dir (), "pecan", "pecan.db",
                                                    NULL);
  g_autoptr(PecanStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_setenv ("PECAN_DATABASE", env_path, TRUE));
  from_env = pecan_store_default_path ();
  g_assert_cmpstr (from_env, ==, env_path);
  store = pecan_store_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pecan_store_get_path (store), ==, env_path);
  g_assert_true (g_file_test (env_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (file_mode (env_path), ==, 0600);

  g_assert_true (g_setenv ("PECAN_DATABASE", "", TRUE));
  from_empty = pecan_store_default_path ();
  g_assert_cmpstr (from_empty, ==, user_default);
  g_unsetenv ("PECAN_DATABASE");
  from_nothing = pecan_store_default_path ();
  g_assert_cmpstr (from_nothing, ==, user_default);

  if (saved != NULL)
    g_setenv ("PECAN_DATABASE", saved, TRUE);
}

/* An empty file, as a file chooser's "new file" leaves, becomes a database. */
static void
test_empty_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "empty.db", NULL);
  g_autoptr(PecanStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = pecan_store_open (path, &error);
  g_assert_no_error (error);
  pecan_test_import_ok (store, "invoice-small.csv");
  g_assert_cmpint (pecan_test_query_int (path, "PRAGMA application_id"), ==, PECAN_APPLICATION_ID);
}

/* A backup is the whole database, private, and never overwrites a file. */
static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *target = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *path = NULL;
  g_autofree char *beside = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) kept = NULL;

  pecan_test_import_ok (f->store, "daily-small.csv");
  before = summary_text (f->store);

  path = pecan_store_backup (f->store, target, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, target);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  {
    g_autoptr(PecanStore) copy = pecan_store_open (path, &error);
    g_autofree char *seen = NULL;

    g_assert_no_error (error);
    seen = summary_text (copy);
    g_assert_cmpstr (seen, ==, before);
  }

  /* An existing file is left as it is. */
  kept = read_bytes (target);
  g_assert_null (pecan_store_backup (f->store, target, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, target));
  g_clear_error (&error);
  {
    g_autoptr(GBytes) now = read_bytes (target);
    g_assert_true (g_bytes_equal (kept, now));
  }

  /* Without a name, beside the database. */
  beside = pecan_store_backup (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (beside, f->db_path));
  g_assert_true (g_str_has_suffix (beside, ".backup"));
  g_assert_cmpuint (file_mode (beside), ==, 0600);
}

/* A handled incident and its note are in the file, not in the connection. */
static void
test_incident_note (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(PecanIncident) incident = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;
  gint64 subscription;
  gint32 first_day;

  pecan_test_import_ok (f->store, "daily-small.csv");
  incidents = pecan_test_incidents (f->store, &pecan_test_period_all);
  incident = g_list_model_get_item (incidents, 0);
  subscription = pecan_incident_get_info (incident)->subscription_id;
  first_day = pecan_incident_get_info (incident)->first_day;
  g_assert_true (pecan_store_set_incident_note (f->store, subscription, first_day, TRUE,
                                                "PAL linked for ops@contoso", &error));
  g_assert_no_error (error);
  g_clear_object (&incident);
  g_clear_object (&incidents);

  pecan_test_fixture_reopen (f);
  incidents = pecan_test_incidents (f->store, &pecan_test_period_all);
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, 1);
  incident = g_list_model_get_item (incidents, 0);
  g_assert_true (pecan_incident_get_info (incident)->handled);
  g_assert_cmpstr (pecan_incident_get_info (incident)->note, ==, "PAL linked for ops@contoso");
  stamp = pecan_test_query_text (f->db_path, "SELECT updated_at FROM incident_state");
  g_assert_true (g_str_has_suffix (stamp, "Z"));
}

/* The backup a migration left in @dir, named from @prefix, or NULL. */
static char *
find_migration_backup (const char *dir,
                       const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".backup"))
      return g_build_filename (dir, name, NULL);
  return NULL;
}

/* A database of schema 1 (today's file less what the later migrations
 * added) migrates when opened: its data kept, a backup of it left beside. */
static void
test_migrate_1 (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;

  pecan_test_import_ok (f->store, "daily-small.csv");
  before = summary_text (f->store);
  g_clear_object (&f->store);
  sqlite_exec (f->db_path, "DROP TABLE coop_funds; DROP TABLE coop_tick; DROP TABLE coop_event;"
                           " DROP TABLE coop_document; DROP TABLE coop_claim;"
                           " DROP TABLE azure_link; DROP TABLE cpor_event;"
                           " DROP TABLE cpor_document; DROP TABLE cpor_claim;"
                           " DROP TABLE client; DROP TABLE incident_state;"
                           " ALTER TABLE batch DROP COLUMN customers;"
                           " CREATE INDEX coverage_batch ON coverage (batch_id);"
                           " CREATE INDEX coverage_customer ON coverage (customer_id, day);"
                           " PRAGMA user_version = 1;");
  g_assert_cmpint (pecan_test_query_int (f->db_path, "PRAGMA user_version"), ==, 1);

  /* Owner-only whatever the umask: the backup, and the migrated files. */
  {
    mode_t old_umask = umask (0);
    pecan_test_fixture_reopen (f);
    umask (old_umask);
  }
  assert_private (f->db_path);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "PRAGMA user_version"), ==,
                   PECAN_STORE_SCHEMA_VERSION);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count(*) FROM client"), ==, 0);
  after = summary_text (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count(*) FROM batch"), ==, 1);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count(*) FROM incident_state"), ==, 0);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count(*) FROM sqlite_schema"
                                                     " WHERE name LIKE 'coverage_%'"), ==, 0);

  backup = find_migration_backup (f->dir, "pecan.db.v1-");
  g_assert_nonnull (backup);
  g_assert_cmpuint (file_mode (backup), ==, 0600);
  g_assert_cmpint (pecan_test_query_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (pecan_test_query_int (backup, "SELECT count(*) FROM batch"), ==, 1);
  g_assert_cmpint (pecan_test_query_int (backup,
                                         "SELECT count(*) FROM sqlite_schema"
                                         " WHERE name = 'incident_state'"), ==, 0);

  /* The new table works, and a second open migrates nothing more. */
  g_assert_true (pecan_store_set_incident_note (f->store,
                                                pecan_test_query_int (f->db_path,
                                                                      "SELECT min (id) FROM subscription"),
                                                pecan_day_from_ymd (2026, 1, 10), TRUE,
                                                "after migration", &error));
  g_assert_no_error (error);
  pecan_test_fixture_reopen (f);
  g_assert_cmpuint (pecan_test_count_entries (f->dir), <=, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  pecan_test_add ("/store/default-path", NULL, test_default_path);
  pecan_test_add ("/store/private", NULL, test_private);
  pecan_test_add ("/store/private-umask", NULL, test_private_umask);
  pecan_test_add ("/store/private-existing", NULL, test_private_existing);
  pecan_test_add ("/store/new-schema", NULL, test_new_schema);
  pecan_test_add ("/store/reopen", NULL, test_reopen);
  pecan_test_add ("/store/backup", NULL, test_backup);
  pecan_test_add ("/store/not-sqlite", NULL, test_not_sqlite);
  pecan_test_add ("/store/text-file", NULL, test_text_file);
  pecan_test_add ("/store/other-program", NULL, test_other_program);
  pecan_test_add ("/store/newer-schema", NULL, test_newer_schema);
  pecan_test_add ("/store/newer-schema-wal", NULL, test_newer_schema_wal);
  pecan_test_add ("/store/newer-schema-open-wal", NULL, test_newer_schema_open_wal);
  pecan_test_add ("/store/truncated", NULL, test_truncated);
  pecan_test_add ("/store/damaged-schema", NULL, test_damaged_schema);
  pecan_test_add ("/store/damaged-page", NULL, test_damaged_page);
  pecan_test_add ("/store/move-aside", NULL, test_move_aside);
  pecan_test_add ("/store/move-aside-no-overwrite", NULL, test_move_aside_no_overwrite);
  pecan_test_add ("/store/move-aside-fails", NULL, test_move_aside_fails);
  pecan_test_add ("/store/settings", NULL, test_settings);
  pecan_test_add ("/store/pec-rate", NULL, test_pec_rate);
  pecan_test_add ("/store/empty-file", NULL, test_empty_file);
  pecan_test_add ("/store/incident-note", NULL, test_incident_note);
  pecan_test_add ("/store/migrate-from-1", NULL, test_migrate_1);
  return g_test_run ();
}
