/* test-crash.c: an import killed at any moment loses nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pecan-cli imports a large file into a database that already holds an
 * earlier import, and is killed with SIGKILL (as a power cut, the OOM
 * killer or a closed laptop lid would stop it) at points spread over the
 * import's run. Each time the database must open, pass SQLite's integrity
 * check and hold exactly what it held before the import, or, when the kill
 * came after the commit, exactly what the whole import gives; running the
 * import again then completes it.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "pecan-demo.h"
#include "pecan-test-util.h"

typedef struct
{
  char   *dir;
  char   *base;      /* the database with the earlier import */
  char   *work;      /* a copy of it that each import is killed in */
  char   *probe;     /* a copy of a killed database, checked before it is recovered */
  char   *large;     /* the file the kills interrupt */
  char   *before;    /* the digest of base */
  char   *after;     /* the digest of base with the large file imported */
  double  seconds;   /* how long pecan-cli takes to import the large file */
} Crash;

typedef enum
{
  STATE_BEFORE,
  STATE_AFTER,
} State;

static void
crash_setup (Crash         *c,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  c->dir = g_dir_make_tmp ("pecan-crash-XXXXXX", &error);
  g_assert_no_error (error);
  c->base = g_build_filename (c->dir, "base.db", NULL);
  c->work = g_build_filename (c->dir, "work.db", NULL);
  c->probe = g_build_filename (c->dir, "probe.db", NULL);
  c->large = g_build_filename (c->dir, "large.csv", NULL);
}

static void
crash_teardown (Crash         *c,
                gconstpointer  data)
{
  pecan_test_remove_tree (c->dir);
  g_free (c->dir);
  g_free (c->base);
  g_free (c->work);
  g_free (c->probe);
  g_free (c->large);
  g_free (c->before);
  g_free (c->after);
}

/* The sanitizers slow pecan-cli down several times: a smaller file and
 * fewer kills keep the test within its minute there. */
static gboolean
sanitized (void)
{
  return g_strcmp0 (g_getenv ("PECAN_TEST_SANITIZED"), "1") == 0;
}

static void
write_demo (const char *path,
            guint       customers,
            int         first_month,
            guint       months)
{
  g_autoptr(GError) error = NULL;
  PecanDemoOptions options;

  pecan_demo_options_init (&options);
  options.customers = customers;
  options.first_year = 2026;
  options.first_month = first_month;
  options.months = months;
  options.seed = 11;
  g_assert_true (pecan_demo_write (path, &options, NULL, &error));
  g_assert_no_error (error);
}

static GSubprocess *
spawn_import (Crash      *c,
              const char *database,
              const char *file)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_build_filename (c->dir, "xdg-data", NULL);
  const char *cli = g_getenv ("PECAN_CLI");
  GSubprocess *process;

  g_assert_nonnull (cli);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "PECAN_DATABASE");
  process = g_subprocess_launcher_spawn (launcher, &error, cli, "--database", database, "import",
                                         file, NULL);
  g_assert_no_error (error);
  return process;
}

/* Waits for an import that was not killed, which must have succeeded. */
static void
finish_import (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

/* Imports @file into @database to the end; returns how long it took. */
static double
run_import (Crash      *c,
            const char *database,
            const char *file)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GSubprocess) process = spawn_import (c, database, file);

  finish_import (process);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* Polls work, read-only, until the import's batch shows: the import has
 * committed, and is writing its WAL back into the database. */
static void
wait_for_commit (Crash *c)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  sqlite3 *db = NULL;
  int batches = 0;

  g_assert_cmpint (sqlite3_open_v2 (c->work, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  while (batches < 2)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (G_USEC_PER_SEC / 500);
      if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM batch", -1, &stmt, NULL) == SQLITE_OK
          && sqlite3_step (stmt) == SQLITE_ROW)
        batches = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
    }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

typedef struct
{
  gboolean exited;
  gboolean late;
  gint64   end;
} Watch;

static void
exited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Watch *watch = user_data;

  g_assert_true (g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL));
  watch->end = g_get_monotonic_time ();
  watch->exited = TRUE;
}

static gboolean
late_cb (gpointer user_data)
{
  ((Watch *) user_data)->late = TRUE;
  return G_SOURCE_REMOVE;
}

/* Starts importing the large file into work and kills pecan-cli @delay
 * seconds after its start or, with @after_commit, after its commit shows.
 * Returns FALSE, with the run's length in @seconds, when the import
 * finished first. */
static gboolean
kill_import (Crash    *c,
             double    delay,
             gboolean  after_commit,
             double   *seconds)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GSubprocess) process = spawn_import (c, c->work, c->large);
  Watch watch = { FALSE, FALSE, 0 };
  guint timeout;

  g_subprocess_wait_async (process, NULL, exited_cb, &watch);
  if (after_commit)
    wait_for_commit (c);
  timeout = g_timeout_add ((guint) (delay * 1000), late_cb, &watch);
  while (!watch.exited && !watch.late)
    g_main_context_iteration (NULL, TRUE);
  if (!watch.late)
    g_source_remove (timeout);
  /* GSubprocess never signals a process it has reaped: no risk of
   * killing another one that got its pid. */
  g_subprocess_send_signal (process, SIGKILL);
  while (!watch.exited)
    g_main_context_iteration (NULL, TRUE);
  *seconds = (watch.end - start) / (double) G_USEC_PER_SEC;
  if (g_subprocess_get_if_signaled (process))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
      return TRUE;
    }
  finish_import (process);
  return FALSE;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Makes @to what @from is on disk: the database and its WAL, if any. */
static void
copy_database (const char *from,
               const char *to)
{
  static const char * const suffixes[] = { "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *source = g_strconcat (from, suffixes[i], NULL);
      g_autofree char *target = g_strconcat (to, suffixes[i], NULL);

      g_unlink (target);
      /* The shared-memory index is rebuilt from the WAL, as after a reboot. */
      if (i == 0 && g_file_test (source, G_FILE_TEST_EXISTS))
        copy_file (source, target);
    }
  copy_file (from, to);
}

/* The columns of @table in its key's order, and that order, for a scan
 * that needs no sort. The time an import was made and took differs from
 * run to run, and is left out. */
static char *
table_query (sqlite3    *db,
             const char *table)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (\"%s\")", table);
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GPtrArray) key = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) query = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      int pk = sqlite3_column_int (stmt, 5);

      if (g_str_equal (table, "batch")
          && (g_str_equal (name, "imported_at") || g_str_equal (name, "seconds")))
        continue;
      g_string_append_printf (columns, "%s\"%s\"", columns->len > 0 ? ", " : "", name);
      if (pk > 0)
        {
          if (key->len < (guint) pk)
            g_ptr_array_set_size (key, pk);
          g_ptr_array_index (key, pk - 1) = g_strdup_printf ("\"%s\"", name);
        }
    }
  sqlite3_finalize (stmt);
  g_ptr_array_add (key, NULL);
  query = g_string_new (NULL);
  g_string_printf (query, "SELECT %s FROM \"%s\" ORDER BY ", columns->str, table);
  if (key->len > 1)
    {
      g_autofree char *order = g_strjoinv (", ", (char **) key->pdata);
      g_string_append (query, order);
    }
  else
    g_string_append (query, "rowid");
  return g_strdup (query->str);
}

/* Every row of @table, in a line: its name, rows and their SHA-256. */
static void
digest_table (sqlite3    *db,
              const char *table,
              GString    *digest)
{
  g_autofree char *sql = table_query (db, table);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt = NULL;
  guint64 rows = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          guchar type = sqlite3_column_type (stmt, i);
          const void *value = sqlite3_column_blob (stmt, i);
          guint32 length = sqlite3_column_bytes (stmt, i);

          g_checksum_update (sum, &type, 1);
          g_checksum_update (sum, (const guchar *) &length, sizeof length);
          if (length > 0)
            g_checksum_update (sum, value, length);
        }
      rows++;
    }
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
  g_string_append_printf (digest, "%s %" G_GUINT64_FORMAT " %s\n", table, rows,
                          g_checksum_get_string (sum));
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* Checks @path with SQLite itself, as another program would, and returns
 * a digest of all it holds. */
static char *
check_and_digest (const char *path)
{
  GString *digest = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *integrity = NULL;
  g_autofree char *version = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  integrity = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  version = query_text (db, "PRAGMA user_version");
  g_string_append_printf (digest, "user_version %s\n", version);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                           " ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < tables->len; i++)
    digest_table (db, g_ptr_array_index (tables, i), digest);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return g_string_free (digest, FALSE);
}

/* Pecan opens @path, which holds what it held before the import or what
 * the whole import gives. */
static State
check_database (Crash      *c,
                const char *path)
{
  g_autofree char *digest = check_and_digest (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanStore) store = pecan_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (g_str_equal (digest, c->before))
    return STATE_BEFORE;
  if (g_str_equal (digest, c->after))
    return STATE_AFTER;
  g_error ("%s holds neither the data before the import nor after it:\n%s\nBefore:\n%s\n"
           "After:\n%s", path, digest, c->before, c->after);
}

/* The base database, with two months of 30 customers; the large file
 * replaces the second of them and adds a third, for more customers. */
static void
prepare (Crash *c,
         guint  customers)
{
  g_autofree char *earlier = g_build_filename (c->dir, "earlier.csv", NULL);
  double seconds;

  write_demo (earlier, 30, 1, 2);
  write_demo (c->large, customers, 2, 2);
  run_import (c, c->base, earlier);
  c->before = check_and_digest (c->base);

  copy_database (c->base, c->work);
  seconds = run_import (c, c->work, c->large);
  c->after = check_and_digest (c->work);
  g_assert_cmpstr (c->before, !=, c->after);
  c->seconds = seconds;
  g_test_message ("The import takes %.2f s; before:\n%safter:\n%s", seconds, c->before, c->after);
}

typedef struct
{
  gboolean after_commit;  /* from the moment the commit shows, not from the start */
  double   at;            /* a fraction of the run from its start, or seconds from the commit */
  gboolean again;         /* then import again, on the database as the kill left it */
} KillPoint;

/* Kills the import at @point, checks the database, and returns what it
 * holds. */
static State
kill_at (Crash           *c,
         const KillPoint *point)
{
  gboolean killed = FALSE;
  double delay = 0;
  State state;

  /* A run faster than the one measured (on a machine less busy) may
   * finish before the kill: the point is then tried again, measured by
   * that run. */
  for (guint attempt = 0; attempt < 4 && !killed; attempt++)
    {
      double seconds;

      delay = point->after_commit ? point->at : point->at * c->seconds;
      copy_database (c->base, c->work);
      killed = kill_import (c, delay, point->after_commit, &seconds);
      if (!killed)
        c->seconds = MIN (c->seconds, seconds);
    }
  g_assert_true (killed);

  if (!point->again)
    state = check_database (c, c->work);
  else
    {
      /* The WAL as the kill left it is the import's to recover: a copy
       * of the files is checked. */
      copy_database (c->work, c->probe);
      state = check_database (c, c->probe);
      run_import (c, c->work, c->large);
      g_assert_cmpint (check_database (c, c->work), ==, STATE_AFTER);
    }
  g_test_message ("killed %.3f s after %s: the database holds the data %s the import", delay,
                  point->after_commit ? "the commit" : "the start",
                  state == STATE_BEFORE ? "before" : "after");
  return state;
}

static void
test_kill_import (Crash         *c,
                  gconstpointer  data)
{
  guint spread = sanitized () ? 12 : 17;
  guint after_commit = 3;
  guint before = 0;
  gint64 start = g_get_monotonic_time ();

  prepare (c, sanitized () ? 100 : 200);
  for (guint i = 0; i < spread; i++)
    {
      /* Spread over the run, short of its end: a kill after the process
       * has exited tests nothing. Every eighth and the last import again
       * (the others would only repeat the measured run). */
      KillPoint point = { FALSE, 0.95 * (i + 0.5) / spread, i % 8 == 7 || i == spread - 1 };

      before += kill_at (c, &point) == STATE_BEFORE;
    }
  /* Killed once its commit shows (as it writes its WAL back into the
   * database, or closes), the import is whole. Imported again, once, the
   * file is found to be there already. */
  for (guint i = 0; i < after_commit; i++)
    {
      KillPoint point = { TRUE, i * 0.01, i == 0 };

      g_assert_cmpint (kill_at (c, &point), ==, STATE_AFTER);
    }

  g_test_message ("%u kills in %.1f s; %u of the %u spread over the import's run left the data "
                  "before it", spread + after_commit,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC, before, spread);
  /* Most of those must land inside the import's transaction. */
  g_assert_cmpuint (before, >=, spread / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/crash/kill-import", Crash, NULL, crash_setup, test_kill_import, crash_teardown);
  return g_test_run ();
}
