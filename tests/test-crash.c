/* test-crash.c: an import killed at any moment loses nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pecan-cli imports a large file into a database that already holds an
 * earlier import, and is killed with SIGKILL (as the OOM killer, a crash
 * or a session closed by force would stop it): at points spread over its
 * run, most of which it spends reading; at points spread over what it
 * writes to the WAL, in its last tenth; and just after its commit. Each
 * time the database must open, pass SQLite's integrity check and hold
 * exactly what it held before the import, or, when the kill came after
 * the commit, exactly what the whole import gives; running the import
 * again on some of them then completes it.
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
  goffset written;   /* how much the import writes to the WAL, about */
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

/* The size of @path's file named with @suffix, 0 when there is none. */
static goffset
file_size (const char *path,
           const char *suffix)
{
  g_autofree char *file = g_strconcat (path, suffix, NULL);
  GStatBuf st;

  return g_stat (file, &st) == 0 ? st.st_size : 0;
}

/* When a kill comes. */
typedef enum
{
  KILL_AT_TIME,          /* a fraction of the import's run after its start */
  KILL_AT_WAL,           /* once its WAL has grown to a fraction of what the import writes */
  KILL_AFTER_COMMIT,     /* seconds after its commit shows */
} KillWhen;

typedef struct
{
  KillWhen when;
  double   at;
  gboolean again;        /* then import again, on the database as the kill left it */
} KillPoint;

typedef struct
{
  Crash           *c;
  const KillPoint *point;
  gint64           start;
  gint64           committed;  /* when the commit showed, or 0 */
  sqlite3         *reader;     /* polls for the commit */
  gboolean         exited;
  gint64           end;
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

/* Whether the import's batch shows to a reader: it has committed. */
static gboolean
committed (Watch *watch)
{
  sqlite3_stmt *stmt = NULL;
  int batches = 0;

  /* Read-only: closing it never writes the WAL back for the import. */
  if (watch->reader == NULL)
    g_assert_cmpint (sqlite3_open_v2 (watch->c->work, &watch->reader, SQLITE_OPEN_READONLY,
                                      NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (watch->reader, "SELECT count(*) FROM batch", -1, &stmt, NULL)
        == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    batches = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return batches == 2;
}

static gboolean
time_to_kill (Watch *watch)
{
  const KillPoint *point = watch->point;
  gint64 now = g_get_monotonic_time ();

  switch (point->when)
    {
    case KILL_AT_TIME:
      return now >= watch->start + point->at * watch->c->seconds * G_USEC_PER_SEC;
    case KILL_AT_WAL:
      return file_size (watch->c->work, "-wal") >= point->at * watch->c->written;
    case KILL_AFTER_COMMIT:
      if (watch->committed == 0 && committed (watch))
        watch->committed = now;
      return watch->committed != 0 && now >= watch->committed + point->at * G_USEC_PER_SEC;
    default:
      g_assert_not_reached ();
    }
}

/* Imports the large file into work and kills pecan-cli at @point, polled
 * every half millisecond. Returns FALSE, with the run's length in
 * @seconds, when the import finished first. */
static gboolean
kill_import (Crash           *c,
             const KillPoint *point,
             double          *seconds)
{
  Watch watch = { c, point, g_get_monotonic_time (), 0, NULL, FALSE, 0 };
  g_autoptr(GSubprocess) process = spawn_import (c, c->work, c->large);

  g_subprocess_wait_async (process, NULL, exited_cb, &watch);
  while (!watch.exited && !time_to_kill (&watch))
    {
      g_usleep (G_USEC_PER_SEC / 2000);
      g_main_context_iteration (NULL, FALSE);
    }
  /* GSubprocess never signals a process it has reaped: no risk of
   * killing another one that got its pid. */
  g_subprocess_send_signal (process, SIGKILL);
  while (!watch.exited)
    g_main_context_iteration (NULL, TRUE);
  if (watch.reader != NULL)
    g_assert_cmpint (sqlite3_close (watch.reader), ==, SQLITE_OK);
  *seconds = (watch.end - watch.start) / (double) G_USEC_PER_SEC;
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
  /* Every page the database grows by goes through the WAL first. */
  c->written = file_size (c->work, "") - file_size (c->base, "");
  g_test_message ("The import takes %.2f s and writes %.1f MB; before:\n%safter:\n%s", seconds,
                  c->written / 1e6, c->before, c->after);
}

static const char * const kill_names[] = {
  [KILL_AT_TIME] = "of its run", [KILL_AT_WAL] = "of its writes", [KILL_AFTER_COMMIT] = "s after its commit",
};

/* Kills the import at @point, checks the database, and returns what it
 * holds. */
static State
kill_at (Crash           *c,
         const KillPoint *point)
{
  gboolean killed = FALSE;
  goffset wal_size;
  State state;

  /* A run faster than the one measured (on a machine less busy) may
   * finish before a kill timed by it: the point is then tried again,
   * measured by that run. */
  for (guint attempt = 0; attempt < 4 && !killed; attempt++)
    {
      double seconds;

      copy_database (c->base, c->work);
      killed = kill_import (c, point, &seconds);
      if (!killed)
        c->seconds = MIN (c->seconds, seconds);
    }
  g_assert_true (killed);
  wal_size = file_size (c->work, "-wal");

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
  g_test_message ("killed at %.3g%s %s, its WAL %.1f MB: the database holds the data %s the "
                  "import", point->when == KILL_AFTER_COMMIT ? point->at : 100 * point->at,
                  point->when == KILL_AFTER_COMMIT ? "" : " %", kill_names[point->when],
                  wal_size / 1e6, state == STATE_BEFORE ? "before" : "after");
  return state;
}

/* Kills at @n points spread over (0, @end) by @when; with @again, the
 * middle and the last then import again. Returns how many left the data
 * before the import. */
static guint
kill_spread (Crash    *c,
             KillWhen  when,
             guint     n,
             double    end,
             gboolean  again)
{
  guint before = 0;

  for (guint i = 0; i < n; i++)
    {
      KillPoint point = { when, end * (i + 0.5) / n, again && (i == n / 2 || i == n - 1) };

      before += kill_at (c, &point) == STATE_BEFORE;
    }
  return before;
}

static void
test_kill_import (Crash         *c,
                  gconstpointer  data)
{
  guint over_run = sanitized () ? 4 : 5;
  guint over_writes = sanitized () ? 8 : 12;
  guint before;
  gint64 start = g_get_monotonic_time ();

  prepare (c, sanitized () ? 80 : 160);
  /* Over the run: the file is read and its lines typed, while SQLite
   * keeps the new pages in its cache. Short of the end: a kill after the
   * process has exited tests nothing. */
  before = kill_spread (c, KILL_AT_TIME, over_run, 0.9, FALSE);
  /* Over the writes, at the end: the pages the cache cannot hold, then
   * the commit, go to the WAL. */
  before += kill_spread (c, KILL_AT_WAL, over_writes, 0.95, TRUE);
  /* Killed once its commit shows (as it writes its WAL back into the
   * database, or closes), the import is whole. Imported again, once, the
   * file is found to be there already. */
  for (guint i = 0; i < 3; i++)
    {
      KillPoint point = { KILL_AFTER_COMMIT, i * 0.01, i == 0 };

      g_assert_cmpint (kill_at (c, &point), ==, STATE_AFTER);
    }

  g_test_message ("%u kills in %.1f s; %u of the %u before the commit left the data before it",
                  over_run + over_writes + 3,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC, before,
                  over_run + over_writes);
  /* Most of those must land inside the import's transaction. */
  g_assert_cmpuint (before, >=, (over_run + over_writes) / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/crash/kill-import", Crash, NULL, crash_setup, test_kill_import, crash_teardown);
  return g_test_run ();
}
