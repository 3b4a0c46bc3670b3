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

/* Opens @path expecting @code; the file must be left as it was. */
static void
check_refused (const char *path,
               int         code,
               const char *bug)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanStore) store = pecan_store_open (path, &error);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_null (store);
  g_assert_error (error, PECAN_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  after = read_bytes (path);
  if (!g_bytes_equal (before, after))
    {
      g_assert_nonnull (bug);
      g_test_incomplete (bug);
      return;
    }
  /* No backup, no journal left behind. */
  g_assert_cmpuint (pecan_test_count_entries (dir), ==, 1);
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
  check_refused (path, PECAN_STORE_ERROR_NOT_A_DATABASE, NULL);
}

static void
test_text_file (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  drop_database (f);
  path = pecan_test_write_data (f, "daily-small.csv", "usage.csv", NULL);
  check_refused (path, PECAN_STORE_ERROR_NOT_A_DATABASE, NULL);
}

static void
test_other_program (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "other.db", NULL);

  drop_database (f);
  sqlite_exec (path, "CREATE TABLE foo (bar TEXT); INSERT INTO foo VALUES ('baz');");
  check_refused (path, PECAN_STORE_ERROR_NOT_A_DATABASE,
                 "bug: pecan_store_open() sets journal_mode = WAL before it checks the "
                 "application_id, so another program's database is changed although refused");
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
  check_refused (path, PECAN_STORE_ERROR_NEWER_SCHEMA,
                 "bug: pecan_store_open() sets journal_mode = WAL before it checks the "
                 "schema version, so a newer Pecan's database is changed although refused");
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
  check_refused (path, PECAN_STORE_ERROR_NEWER_SCHEMA, NULL);
  g_assert_cmpint (pecan_test_query_int (path, "PRAGMA user_version"), ==, 99);
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
                           " PRAGMA user_version = 1;");
  g_assert_cmpint (pecan_test_query_int (f->db_path, "PRAGMA user_version"), ==, 1);

  pecan_test_fixture_reopen (f);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "PRAGMA user_version"), ==,
                   PECAN_STORE_SCHEMA_VERSION);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count(*) FROM client"), ==, 0);
  after = summary_text (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count(*) FROM batch"), ==, 1);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count(*) FROM incident_state"), ==, 0);

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
  pecan_test_add ("/store/new-schema", NULL, test_new_schema);
  pecan_test_add ("/store/reopen", NULL, test_reopen);
  pecan_test_add ("/store/backup", NULL, test_backup);
  pecan_test_add ("/store/not-sqlite", NULL, test_not_sqlite);
  pecan_test_add ("/store/text-file", NULL, test_text_file);
  pecan_test_add ("/store/other-program", NULL, test_other_program);
  pecan_test_add ("/store/newer-schema", NULL, test_newer_schema);
  pecan_test_add ("/store/newer-schema-wal", NULL, test_newer_schema_wal);
  pecan_test_add ("/store/settings", NULL, test_settings);
  pecan_test_add ("/store/pec-rate", NULL, test_pec_rate);
  pecan_test_add ("/store/empty-file", NULL, test_empty_file);
  pecan_test_add ("/store/incident-note", NULL, test_incident_note);
  pecan_test_add ("/store/migrate-from-1", NULL, test_migrate_1);
  return g_test_run ();
}
