/* test-cli.c: tests of pecan-cli, run as month-end scripts run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "pecan-coop.h"
#include "pecan-cpor.h"
#include "pecan-period.h"
#include "pecan-test-util.h"

#define C1 "0f8e2b6a-1c3d-4e5f-8a9b-1a2b3c4d5e6f"
#define E1 "2b7f0c4e-8d1a-4f63-9b25-6e0d3a7c9f14"

typedef PecanTestFixture Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs pecan-cli with @args; the user's own database is never reached:
 * the data folder is the fixture's, PECAN_DATABASE is @env_database. */
static void
run_cli_env (Fixture            *f,
             const char         *env_database,
             const char * const *args,
             Run                *run)
{
  const char *cli = g_getenv ("PECAN_CLI");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_build_filename (f->dir, "xdg-data", NULL);

  g_assert_nonnull (cli);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  if (env_database != NULL)
    g_subprocess_launcher_setenv (launcher, "PECAN_DATABASE", env_database, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "PECAN_DATABASE");

  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err,
                                                &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("pecan-cli %s: %d\n%s%s", args[0] != NULL ? args[0] : "", run->status,
                  run->out, run->err);
}

/* Runs pecan-cli --database (the fixture's) @args. */
static void
run_cli (Fixture            *f,
         const char * const *args,
         Run                *run)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  g_ptr_array_add (all, (gpointer) "--database");
  g_ptr_array_add (all, f->db_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (all, (gpointer) args[i]);
  g_ptr_array_add (all, NULL);
  run_cli_env (f, NULL, (const char * const *) all->pdata, run);
}

#define RUN(f, run, ...) run_cli ((f), (const char * const[]) { __VA_ARGS__, NULL }, (run))

static void
import_ok (Fixture    *f,
           const char *name)
{
  g_autofree char *path = pecan_test_data_path (name);
  g_auto(Run) run = { 0 };

  RUN (f, &run, "import", path);
  g_assert_cmpint (run.status, ==, 0);
}

static JsonArray *
json_of (Fixture            *f,
         const char * const *args)
{
  g_auto(Run) run = { 0 };

  run_cli (f, args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  return pecan_test_parse_array (run.out);
}

#define JSON_OF(f, ...) json_of ((f), (const char * const[]) { __VA_ARGS__, NULL })

static guint
count_char (const char *text,
            char        c)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == c;
  return n;
}

/* The customer-month objects equal an answer key, key for key. */
static void
check_summary (JsonArray  *got,
               const char *key_name)
{
  static const char * const keys[] = {
    "billed", "currency", "customer_id", "customer_name", "lines", "month", "pec_earned",
    "pec_lost", NULL
  };
  g_autoptr(JsonArray) expected = pecan_test_load_array (key_name);

  g_assert_cmpuint (json_array_get_length (got), ==, json_array_get_length (expected));
  for (guint i = 0; i < json_array_get_length (got); i++)
    {
      JsonObject *o = json_array_get_object_element (got, i);
      g_autoptr(GList) members = json_object_get_members (o);
      JsonObject *e = NULL;
      guint n = 0;

      members = g_list_sort (members, (GCompareFunc) strcmp);
      for (GList *l = members; l != NULL; l = l->next, n++)
        g_assert_cmpstr (l->data, ==, keys[n]);
      g_assert_cmpuint (n, ==, g_strv_length ((GStrv) keys));

      for (guint j = 0; j < json_array_get_length (expected); j++)
        {
          JsonObject *candidate = json_array_get_object_element (expected, j);

          if (g_str_equal (json_object_get_string_member (candidate, "customer_id"),
                           json_object_get_string_member (o, "customer_id"))
              && g_str_equal (json_object_get_string_member (candidate, "month"),
                              json_object_get_string_member (o, "month")))
            e = candidate;
        }
      g_assert_nonnull (e);
      g_assert_cmpstr (json_object_get_string_member (o, "customer_name"), ==,
                       json_object_get_string_member (e, "customer_name"));
      g_assert_cmpstr (json_object_get_string_member (o, "currency"), ==,
                       json_object_get_string_member (e, "currency"));
      g_assert_cmpint (json_object_get_int_member (o, "lines"), ==,
                       json_object_get_int_member (e, "lines"));
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "billed"),
                                      json_object_get_double_member (e, "billed"), 1e-6);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "pec_earned"),
                                      json_object_get_double_member (e, "pec_earned"), 1e-6);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "pec_lost"),
                                      json_object_get_double_member (e, "pec_lost"), 1e-6);
    }
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = pecan_test_data_path ("daily-small.csv");
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };
  g_autoptr(JsonArray) batches = NULL;
  g_autoptr(JsonArray) rows = NULL;

  RUN (f, &run, "import", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpuint (count_char (run.out, '\n'), ==, 1);
  g_assert_true (g_str_has_suffix (run.out, "\n"));
  g_assert_true (g_str_has_prefix (run.out, "daily-small.csv: "));
  g_assert_nonnull (strstr (run.out, "24 lines"));
  g_assert_nonnull (strstr (run.out, "2 customers"));
  g_assert_nonnull (strstr (run.out, "2026-01-05"));
  g_assert_nonnull (strstr (run.out, "2026-02-11"));

  /* The same file again: one line, nothing changed. */
  RUN (f, &again, "import", path);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpuint (count_char (again.out, '\n'), ==, 1);
  batches = JSON_OF (f, "imports", "--json");
  g_assert_cmpuint (json_array_get_length (batches), ==, 1);
  rows = JSON_OF (f, "summary", "--json");
  check_summary (rows, "daily-small.expected.json");
}

static void
test_import_bad (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *bad = pecan_test_data_path ("bad-number.csv");
  g_autofree char *good = pecan_test_data_path ("daily-small.csv");
  g_autoptr(JsonArray) rows = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) both = { 0 };

  RUN (f, &run, "import", bad);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "bad-number.csv"));
  g_assert_true (g_regex_match_simple ("\\bline\\W{0,2}5\\b", run.err, G_REGEX_CASELESS, 0));
  g_assert_nonnull (strstr (run.err, "BillingPreTaxTotal"));
  g_assert_nonnull (strstr (run.err, "12.3.4"));
  /* The error, and how to import the other lines. */
  g_assert_cmpuint (count_char (run.err, '\n'), ==, 2);
  g_assert_nonnull (strstr (run.err, "--skip-bad-rows"));
  rows = JSON_OF (f, "summary", "--json");
  g_assert_cmpuint (json_array_get_length (rows), ==, 0);

  /* One good file and one bad: the good one is imported, the exit says not all. */
  RUN (f, &both, "import", good, bad);
  g_assert_cmpint (both.status, ==, 1);
  g_assert_cmpuint (count_char (both.out, '\n'), ==, 1);
  g_assert_nonnull (strstr (both.out, "daily-small.csv"));
  g_assert_nonnull (strstr (both.err, "bad-number.csv"));
}

static void
test_import_skip (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = pecan_test_data_path ("good-then-bad.csv");
  g_auto(Run) run = { 0 };
  g_autoptr(JsonArray) batches = NULL;
  JsonObject *batch;

  RUN (f, &run, "import", "--skip-bad-rows", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_char (run.out, '\n'), ==, 1);
  g_assert_nonnull (strstr (run.out, "10 lines"));
  batches = JSON_OF (f, "imports", "--json");
  g_assert_cmpuint (json_array_get_length (batches), ==, 1);
  batch = json_array_get_object_element (batches, 0);
  g_assert_cmpint (json_object_get_int_member (batch, "lines"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (batch, "skipped"), ==, 1);
}

static void
test_summary_json (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonArray) rows = NULL;
  g_autoptr(JsonArray) by_default = NULL;
  g_autoptr(JsonArray) invoice = NULL;

  import_ok (f, "daily-small.csv");
  rows = JSON_OF (f, "summary", "--by", "customer-month", "--json");
  check_summary (rows, "daily-small.expected.json");
  by_default = JSON_OF (f, "summary", "--json");
  check_summary (by_default, "daily-small.expected.json");

  import_ok (f, "invoice-small.csv");
  invoice = JSON_OF (f, "summary", "--json");
  check_summary (invoice, "daily-small.expected.json");
}

static void
test_summary_period (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonArray) january = NULL;
  g_autoptr(JsonArray) days = NULL;
  g_autoptr(JsonArray) customer = NULL;
  g_auto(Run) bad_period = { 0 };
  g_auto(Run) both = { 0 };
  g_auto(Run) table = { 0 };
  JsonObject *o;

  import_ok (f, "daily-small.csv");
  january = JSON_OF (f, "summary", "--period", "2026-01", "--json");
  g_assert_cmpuint (json_array_get_length (january), ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (january, i),
                                                    "month"), ==, "2026-01");

  days = JSON_OF (f, "summary", "--by", "customer", "--from", "2026-01-10", "--to", "2026-01-12",
                  "--json");
  g_assert_cmpuint (json_array_get_length (days), ==, 1);
  o = json_array_get_object_element (days, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "customer_id"), ==, C1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "billed"), 6.1416768, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "pec_lost"), 0.92125152, 1e-6);
  g_assert_cmpint (json_object_get_int_member (o, "lines"), ==, 4);

  customer = JSON_OF (f, "summary", "--customer", C1, "--by", "total", "--json");
  g_assert_cmpuint (json_array_get_length (customer), ==, 1);
  o = json_array_get_object_element (customer, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "currency"), ==, "USD");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "billed"), 24.661314202, 1e-6);

  RUN (f, &bad_period, "summary", "--period", "2026-13");
  g_assert_cmpint (bad_period.status, ==, 2);
  g_assert_cmpstr (bad_period.out, ==, "");
  g_assert_nonnull (strstr (bad_period.err, "2026-13"));
  RUN (f, &both, "summary", "--period", "2026-01", "--from", "2026-01-01");
  g_assert_cmpint (both.status, ==, 2);

  RUN (f, &table, "summary", "--period", "2026-01");
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "Contoso \"Blue\", Ltd."));
  g_assert_nonnull (strstr (table.out, "21.34"));
  g_assert_null (strstr (table.out, "3.32"));   /* February's C1 figure */
}

static void
test_incidents (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonArray) all = NULL;
  g_autoptr(JsonArray) february = NULL;
  JsonObject *o;

  import_ok (f, "daily-small.csv");
  all = JSON_OF (f, "incidents", "--json");
  g_assert_cmpuint (json_array_get_length (all), ==, 1);
  o = json_array_get_object_element (all, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "customer_id"), ==, C1);
  g_assert_cmpstr (json_object_get_string_member (o, "subscription_id"), ==, E1);
  g_assert_cmpstr (json_object_get_string_member (o, "first_day"), ==, "2026-01-10");
  g_assert_cmpstr (json_object_get_string_member (o, "last_day"), ==, "2026-01-12");
  g_assert_cmpint (json_object_get_int_member (o, "days"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (o, "lines"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (o, "currency"), ==, "USD");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "pec_lost"), 0.92125152, 1e-6);
  g_assert_false (json_object_get_boolean_member (o, "ongoing"));

  february = JSON_OF (f, "incidents", "--period", "2026-02", "--json");
  g_assert_cmpuint (json_array_get_length (february), ==, 0);
}

static void
test_imports (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonArray) none = JSON_OF (f, "imports", "--json");
  g_autoptr(JsonArray) batches = NULL;
  g_auto(Run) table = { 0 };
  JsonObject *o;

  g_assert_cmpuint (json_array_get_length (none), ==, 0);
  import_ok (f, "daily-small.csv");
  import_ok (f, "cost-nopec.csv");
  batches = JSON_OF (f, "imports", "--json");
  g_assert_cmpuint (json_array_get_length (batches), ==, 2);
  o = json_array_get_object_element (batches, 1);
  g_assert_cmpint (json_object_get_int_member (o, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (o, "file_name"), ==, "daily-small.csv");
  g_assert_cmpstr (json_object_get_string_member (o, "layout"), ==, "daily");
  g_assert_cmpint (json_object_get_int_member (o, "lines"), ==, 24);
  g_assert_cmpstr (json_object_get_string_member (o, "first_day"), ==, "2026-01-05");
  g_assert_true (json_object_get_boolean_member (o, "pec_known"));
  o = json_array_get_object_element (batches, 0);
  g_assert_cmpint (json_object_get_int_member (o, "id"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (o, "layout"), ==, "cost-export");
  g_assert_false (json_object_get_boolean_member (o, "pec_known"));

  RUN (f, &table, "imports");
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "daily-small.csv"));
  g_assert_nonnull (strstr (table.out, "cost-nopec.csv"));
  g_assert_cmpuint (count_char (table.out, '\n'), ==, 3);
}

/* Where @needle starts in @line, in characters. */
static glong
char_column (const char *line,
             const char *needle)
{
  const char *found = strstr (line, needle);

  g_assert_nonnull (found);
  return g_utf8_pointer_to_offset (line, found);
}

/* Translated headings, longer or with letters such as “Ü”, keep the
 * columns of a table in line: widths count characters. */
static void
test_translated_table (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(Run) table = { 0 };
  g_auto(GStrv) lines = NULL;

  import_ok (f, "daily-small.csv");
  g_setenv ("LANGUAGE", "de", TRUE);
  RUN (f, &table, "imports");
  g_unsetenv ("LANGUAGE");
  g_assert_cmpint (table.status, ==, 0);
  lines = g_strsplit (table.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  /* The heading of the file names, and the file's name, one above the other. */
  g_assert_nonnull (strstr (lines[0], "Übersprungen"));
  g_assert_cmpint (char_column (lines[0], "Datei"), ==, char_column (lines[1], "daily-small.csv"));
  /* The count of skipped lines, right-aligned under its heading. */
  g_assert_cmpint (char_column (lines[0], "Übersprungen") + g_utf8_strlen ("Übersprungen", -1),
                   ==, char_column (lines[1], "0  2026") + 1);
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_auto(Run) undo = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) not_a_number = { 0 };
  g_autoptr(JsonArray) rows = NULL;
  g_autoptr(JsonArray) batches = NULL;

  import_ok (f, "daily-small.csv");
  import_ok (f, "invoice-small.csv");
  RUN (f, &undo, "undo", "1");
  g_assert_cmpint (undo.status, ==, 0);
  g_assert_cmpstr (undo.err, ==, "");
  g_assert_nonnull (strstr (undo.out, "1"));
  rows = JSON_OF (f, "summary", "--json");
  check_summary (rows, "invoice-small.expected.json");
  batches = JSON_OF (f, "imports", "--json");
  g_assert_cmpuint (json_array_get_length (batches), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (batches, 0), "id"),
                   ==, 2);

  RUN (f, &again, "undo", "1");
  g_assert_cmpint (again.status, ==, 1);
  g_assert_cmpstr (again.out, ==, "");
  g_assert_cmpstr (again.err, !=, "");
  RUN (f, &not_a_number, "undo", "first");
  g_assert_cmpint (not_a_number.status, ==, 2);
}

static void
test_dry_run (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = pecan_test_data_path ("daily-small.csv");
  g_auto(Run) run = { 0 };
  g_autoptr(JsonArray) rows = NULL;
  g_autoptr(JsonArray) batches = NULL;

  RUN (f, &run, "import", "--dry-run", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_char (run.out, '\n'), ==, 1);
  g_assert_nonnull (strstr (run.out, "would import"));
  g_assert_nonnull (strstr (run.out, "24 lines"));
  g_assert_nonnull (strstr (run.out, "2 customers"));
  rows = JSON_OF (f, "summary", "--json");
  g_assert_cmpuint (json_array_get_length (rows), ==, 0);
  batches = JSON_OF (f, "imports", "--json");
  g_assert_cmpuint (json_array_get_length (batches), ==, 0);
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "demo.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *lines = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) no_out = { 0 };
  g_autoptr(JsonArray) months = NULL;
  JsonObject *o;

  RUN (f, &demo, "demo", "--out", out, "--customers", "5", "--months", "2026-01");
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  RUN (f, &import, "import", out);
  g_assert_cmpint (import.status, ==, 0);
  lines = g_strdup_printf ("%u lines", count_char (text, '\n') - 1);
  g_assert_nonnull (strstr (import.out, lines));
  g_assert_nonnull (strstr (import.out, "5 customers"));

  months = JSON_OF (f, "summary", "--by", "month", "--json");
  g_assert_cmpuint (json_array_get_length (months), ==, 1);
  o = json_array_get_object_element (months, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "month"), ==, "2026-01");
  g_assert_cmpstr (json_object_get_string_member (o, "currency"), ==, "EUR");
  g_assert_cmpint (json_object_get_int_member (o, "lines"), ==, count_char (text, '\n') - 1);

  RUN (f, &no_out, "demo", "--customers", "5");
  g_assert_cmpint (no_out.status, ==, 2);
}

static void
check_usage_error (Fixture            *f,
                   const char * const *args,
                   const char         *named)
{
  g_auto(Run) run = { 0 };

  run_cli_env (f, NULL, args, &run);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, !=, "");
  if (named != NULL)
    g_assert_nonnull (strstr (run.err, named));
}

#define USAGE_ERROR(f, named, ...) \
  check_usage_error ((f), (const char * const[]) { __VA_ARGS__, NULL }, (named))

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };
  const char * const none[] = { NULL };

  USAGE_ERROR (f, "frobnicate", "--database", f->db_path, "frobnicate");
  USAGE_ERROR (f, "--bogus", "--bogus", "summary");
  USAGE_ERROR (f, "--bogus", "--database", f->db_path, "summary", "--bogus");
  USAGE_ERROR (f, "nonsense", "--database", f->db_path, "summary", "--by", "nonsense");
  USAGE_ERROR (f, NULL, "--database", f->db_path, "import");
  USAGE_ERROR (f, NULL, "--database", f->db_path);
  check_usage_error (f, none, NULL);

  RUN (f, &help, "--help");
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "Usage"));
  RUN (f, &version, "--version");
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "pecan-cli "));
}

/* PECAN_DATABASE names the database; --database wins over it. */
static void
test_env_database (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *env_db = g_build_filename (f->dir, "from-env.db", NULL);
  g_autofree char *other_db = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *user_db = g_build_filename (f->dir, "xdg-data", "pecan", "pecan.db", NULL);
  g_autofree char *path = pecan_test_data_path ("daily-small.csv");
  const char * const import_args[] = { "import", path, NULL };
  const char * const summary_args[] = { "summary", "--json", NULL };
  const char * const override_args[] = { "--database", other_db, "summary", "--json", NULL };
  g_auto(Run) import = { 0 };
  g_auto(Run) summary = { 0 };
  g_auto(Run) override = { 0 };
  g_autoptr(JsonArray) rows = NULL;
  g_autoptr(JsonArray) none = NULL;

  run_cli_env (f, env_db, import_args, &import);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_true (g_file_test (env_db, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (user_db, G_FILE_TEST_EXISTS));

  run_cli_env (f, env_db, summary_args, &summary);
  g_assert_cmpint (summary.status, ==, 0);
  rows = pecan_test_parse_array (summary.out);
  check_summary (rows, "daily-small.expected.json");

  run_cli_env (f, env_db, override_args, &override);
  g_assert_cmpint (override.status, ==, 0);
  none = pecan_test_parse_array (override.out);
  g_assert_cmpuint (json_array_get_length (none), ==, 0);
  g_assert_true (g_file_test (other_db, G_FILE_TEST_IS_REGULAR));
}

/* A database the CLI cannot use: said on stderr, exit 1. */
static void
test_bad_database (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "notes.db", NULL);
  g_auto(Run) run = { 0 };
  const char * const args[] = { "--database", path, "summary", NULL };

  g_assert_true (g_file_set_contents (path, "not a database, just some notes\n", -1, NULL));
  run_cli_env (f, NULL, args, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, path));
}

/* Reads @path, which must exist. */
static GBytes *
file_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

/* A damaged database: the message names it and says how to move it
 * aside; move-aside does, and the next command starts a new one. */
static void
test_damaged_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "month end.db", NULL);
  g_autofree char *moved = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_auto(Run) refused = { 0 };
  g_auto(Run) move = { 0 };
  g_auto(Run) fresh = { 0 };
  g_auto(Run) again = { 0 };
  const char * const summary[] = { "--database", path, "summary", NULL };
  const char * const move_aside[] = { "--database", path, "move-aside", NULL };
  const char * const imports[] = { "--database", path, "imports", NULL };
  guint32 bytes[2048];

  for (guint i = 0; i < G_N_ELEMENTS (bytes); i++)
    bytes[i] = g_rand_int (rand);
  g_assert_true (g_file_set_contents (path, (const char *) bytes, sizeof bytes, NULL));
  before = file_bytes (path);

  run_cli_env (f, NULL, summary, &refused);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_cmpstr (refused.out, ==, "");
  g_assert_nonnull (strstr (refused.err, path));
  g_assert_nonnull (strstr (refused.err, "is damaged"));
  g_assert_nonnull (strstr (refused.err, "--database '"));
  g_assert_nonnull (strstr (refused.err, "' move-aside\n"));
  after = file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&after, g_bytes_unref);

  run_cli_env (f, NULL, move_aside, &move);
  g_assert_cmpint (move.status, ==, 0);
  g_assert_cmpstr (move.err, ==, "");
  g_assert_nonnull (strstr (move.out, ".aside-"));
  moved = g_strndup (strstr (move.out, "to “") + strlen ("to “"),
                     strstr (move.out, "”. ") - strstr (move.out, "to “") - strlen ("to “"));
  g_assert_true (g_str_has_prefix (moved, path));
  after = file_bytes (moved);
  g_assert_true (g_bytes_equal (before, after));

  run_cli_env (f, NULL, imports, &fresh);
  g_assert_cmpint (fresh.status, ==, 0);
  g_assert_nonnull (strstr (fresh.out, "Nothing imported yet"));

  /* A database that opens stays. */
  run_cli_env (f, NULL, move_aside, &again);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "opens without a problem"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
set_user_version (const char *path,
                  int         version)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A newer Pecan's database is refused, with the same way out. */
static void
test_newer_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "newer.db", NULL);
  g_auto(Run) run = { 0 };
  const char * const args[] = { "--database", path, "summary", NULL };
  const char * const move_aside[] = { "--database", path, "move-aside", NULL };
  g_auto(Run) move = { 0 };

  /* The fixture's own database, as a newer Pecan would have left it. */
  g_clear_object (&f->store);
  g_assert_cmpint (g_rename (f->db_path, path), ==, 0);
  set_user_version (path, PECAN_STORE_SCHEMA_VERSION + 1);

  run_cli_env (f, NULL, args, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, path));
  g_assert_nonnull (strstr (run.err, "newer version of Pecan"));
  g_assert_nonnull (strstr (run.err, "move-aside"));

  run_cli_env (f, NULL, move_aside, &move);
  g_assert_cmpint (move.status, ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Twelve months up to the latest with data: the fixture's two months, per
 * currency; only a USD total is compared with MCI's USD 25,000. */
static void
test_eligibility (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(Run) table = { 0 };
  g_auto(Run) bad_month = { 0 };
  g_autoptr(JsonArray) rows = NULL;
  g_autoptr(JsonArray) none = NULL;
  double usd = 0.0, eur = 0.0;

  import_ok (f, "daily-small.csv");
  rows = JSON_OF (f, "eligibility", "--json");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *currency = json_object_get_string_member (row, "currency");

      g_assert_cmpstr (json_object_get_string_member (row, "partner_id"), ==,
                       "5c3e9a12-7b44-4d0f-9e21-8a6b2c4d1f03");
      if (g_str_equal (currency, "USD"))
        usd = json_object_get_double_member (row, "billed");
      else if (g_str_equal (currency, "EUR"))
        eur = json_object_get_double_member (row, "billed");
    }
  g_assert_cmpfloat_with_epsilon (usd, 24.661314202, 1e-6);
  g_assert_cmpfloat_with_epsilon (eur, 26.6787396, 1e-6);

  /* Twelve months ending before the data hold nothing. */
  none = JSON_OF (f, "eligibility", "--month", "2025-12", "--json");
  g_assert_cmpuint (json_array_get_length (none), ==, 0);

  RUN (f, &table, "eligibility");
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "below USD 25,000"));
  RUN (f, &bad_month, "eligibility", "--month", "2026-Q1");
  g_assert_cmpint (bad_month.status, ==, 2);
}

/* A backup holds the same figures, and never overwrites a file. */
static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *target = g_build_filename (f->dir, "month-end.db", NULL);
  g_auto(Run) backup = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) copy = { 0 };
  g_auto(Run) original = { 0 };

  import_ok (f, "daily-small.csv");
  /* Owner-only, whatever the umask pecan-cli inherits. */
  {
    mode_t old_umask = umask (0);
    RUN (f, &backup, "backup", target);
    umask (old_umask);
  }
  g_assert_cmpint (backup.status, ==, 0);
  g_assert_nonnull (strstr (backup.out, target));
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (target, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  }

  RUN (f, &original, "summary", "--json");
  {
    const char * const args[] = { "--database", target, "summary", "--json", NULL };
    run_cli_env (f, NULL, args, &copy);
  }
  g_assert_cmpint (copy.status, ==, 0);
  g_assert_cmpstr (copy.out, ==, original.out);

  RUN (f, &again, "backup", target);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, target));
}

/* One workbook per client, a line per workbook; --share for them all. */
static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "reports", NULL);
  g_autofree char *contoso = g_build_filename (out, "Contoso _Blue_, Ltd - PEC report 2026-01 to "
                                                    "2026-03.xlsx", NULL);
  g_auto(Run) all = { 0 };
  g_auto(Run) one = { 0 };
  g_auto(Run) skipped = { 0 };
  g_auto(Run) unknown = { 0 };

  import_ok (f, "daily-small.csv");
  RUN (f, &all, "report", "--period", "2026-01:2026-03", "--all", "--share", "40", "--out", out);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_cmpstr (all.err, ==, "");
  /* Contoso: PEC earned 1.029612558 + 0.58578816 USD, 40 % of it. */
  g_assert_nonnull (strstr (all.out, "Contoso _Blue_, Ltd - PEC report 2026-01 to 2026-03.xlsx: "
                                     "PEC earned 1.62 USD, credit 40 % 0.65 USD\n"));
  g_assert_nonnull (strstr (all.out, "Fabrikam Handels GmbH - PEC report 2026-01 to 2026-03.xlsx: "
                                     "PEC earned 4.20 EUR, credit 40 % 1.68 EUR\n"));
  g_assert_cmpuint (pecan_test_count_entries (out), ==, 2);
  g_assert_true (g_file_test (contoso, G_FILE_TEST_IS_REGULAR));

  /* A client set to get no report is left out of --all, not when named. */
  RUN (f, &one, "client", "7D41C9E0-52AB-4B8E-9F13-C0FFEE2A6B71", "--no-report", "--share", "25",
       "--name", "Fabrikam", "--contact", "Jan Novak");
  g_assert_cmpint (one.status, ==, 0);
  g_assert_nonnull (strstr (one.out, "7d41c9e0-52ab-4b8e-9f13-c0ffee2a6b71  no report"));
  g_assert_nonnull (strstr (one.out, "Fabrikam (Jan Novak)"));
  RUN (f, &skipped, "report", "--period", "2026-02", "--all", "--out", out);
  g_assert_cmpint (skipped.status, ==, 0);
  g_assert_nonnull (strstr (skipped.out, "Fabrikam: set to get no report, skipped\n"));
  g_assert_nonnull (strstr (skipped.out, "Contoso _Blue_, Ltd - PEC report 2026-02.xlsx: "
                                         "PEC earned 0.59 USD, credit 50 % 0.29 USD\n"));
  run_clear (&skipped);
  RUN (f, &skipped, "report", "--period", "2026-02", "--customer",
       "7d41c9e0-52ab-4b8e-9f13-c0ffee2a6b71", "--out", out);
  g_assert_cmpint (skipped.status, ==, 0);
  g_assert_nonnull (strstr (skipped.out, "Fabrikam - PEC report 2026-02.xlsx: "
                                         "PEC earned 2.31 EUR, credit 25 % 0.58 EUR\n"));
  run_clear (&skipped);
  RUN (f, &skipped, "report", "--period", "2025-12", "--customer",
       "7d41c9e0-52ab-4b8e-9f13-c0ffee2a6b71", "--out", out);
  g_assert_cmpint (skipped.status, ==, 0);
  g_assert_cmpstr (skipped.out, ==, "Fabrikam: no usage in this period, no workbook written\n");

  RUN (f, &unknown, "report", "--period", "2026-02", "--customer",
       "00000000-0000-0000-0000-000000000000", "--out", out);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "00000000-0000-0000-0000-000000000000"));
}

static void
test_report_usage (Fixture       *f,
                   gconstpointer  data)
{
  const char *db = f->db_path;

  USAGE_ERROR (f, "--period", "--database", db, "report", "--all", "--out", f->dir);
  USAGE_ERROR (f, "--all", "--database", db, "report", "--period", "2026-01", "--out", f->dir);
  USAGE_ERROR (f, "--all", "--database", db, "report", "--period", "2026-01", "--all",
               "--customer", "x", "--out", f->dir);
  USAGE_ERROR (f, "--out", "--database", db, "report", "--period", "2026-01", "--all");
  USAGE_ERROR (f, "140", "--database", db, "report", "--period", "2026-01", "--all",
               "--share", "140", "--out", f->dir);
  USAGE_ERROR (f, "2026-13", "--database", db, "report", "--period", "2026-13", "--all",
               "--out", f->dir);
  USAGE_ERROR (f, "both", "--database", db, "client", "x", "--report", "--no-report");
  USAGE_ERROR (f, "both", "--database", db, "client", "x", "--share", "5", "--default-share");
  USAGE_ERROR (f, "both", "--database", db, "sharing", "--partner-cost", "--no-partner-cost");
  USAGE_ERROR (f, "-3", "--database", db, "sharing", "--default-share", "-3");
}

/* The settings of every report: the default share, the partner's name. */
static void
test_sharing (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "reports", NULL);
  g_auto(Run) before = { 0 };
  g_auto(Run) set = { 0 };
  g_auto(Run) report = { 0 };

  import_ok (f, "daily-small.csv");
  RUN (f, &before, "sharing");
  g_assert_cmpint (before.status, ==, 0);
  g_assert_cmpstr (before.out, ==, "Default share: 50 %\nPartner: \nPartner’s cost shown: no\n");
  RUN (f, &set, "sharing", "--default-share", "12.5", "--partner", " Northwind ",
       "--partner-cost");
  g_assert_cmpint (set.status, ==, 0);
  g_assert_cmpstr (set.out, ==, "Default share: 12.5 %\nPartner: Northwind\n"
                                "Partner’s cost shown: yes\n");
  RUN (f, &report, "report", "--period", "2026-02", "--all", "--out", out);
  g_assert_cmpint (report.status, ==, 0);
  g_assert_nonnull (strstr (report.out, "PEC earned 2.31 EUR, credit 12.5 % 0.29 EUR\n"));
}

/* Claims prepared in the window, listed, shown, exported and moved on. */
static void
test_claims (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *packet = g_build_filename (f->dir, "packet.xlsx", NULL);
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) all = NULL;
  g_auto(Run) list = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) ready = { 0 };
  g_auto(Run) export = { 0 };
  PecanCporInfo info;
  JsonObject *claim;

  import_ok (f, "daily-small.csv");
  pecan_cpor_info_init (&info);
  info.name = g_strdup ("Contoso claim");
  info.partner_id = g_strdup ("6081234");
  info.tenant_id = g_strdup ("0f8e2b6a-1c3d-4e5f-8a9b-1a2b3c4d5e6f");
  info.customer_ref = g_strdup ("0f8e2b6a-1c3d-4e5f-8a9b-1a2b3c4d5e6f");
  info.customer_name = g_strdup ("Contoso");
  info.solution_area = g_strdup ("Business Applications");
  info.engagement = g_strdup ("Usage Recognition - Biz Apps");
  g_strfreev (info.workloads);
  info.workloads = g_strsplit ("Power BI", "\n", -1);
  info.customer_contact_name = g_strdup ("Ann Lee");
  info.customer_contact_email = g_strdup ("ann@contoso");
  info.partner_contact_name = g_strdup ("Sam Ortiz");
  info.partner_contact_email = g_strdup ("sam@northwind.example");
  pecan_cpor_info_add_document (&info, PECAN_POE_TEMPLATE, "/tmp/poe.pdf", "ab", 3, 20500);
  g_assert_true (pecan_cpor_save (f->store, &info, &error));
  g_assert_no_error (error);
  id = g_strdup_printf ("cpor-%" G_GINT64_FORMAT, info.id);

  RUN (f, &list, "claims", "list");
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "Draft"));
  g_assert_nonnull (strstr (list.out, "Complete the claim"));
  g_assert_nonnull (strstr (list.out, "Contoso claim"));
  all = JSON_OF (f, "claims", "list", "--json");
  g_assert_cmpuint (json_array_get_length (all), ==, 1);
  claim = json_array_get_object_element (all, 0);
  g_assert_cmpstr (json_object_get_string_member (claim, "status"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (claim, "customer_id_type"), ==, "tenant");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (claim, "problems")), ==, 1);

  RUN (f, &show, "claims", "show", id);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "error: “ann@contoso” is not an email address"));
  RUN (f, &refused, "claims", "status", id, "ready");
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "is not complete yet"));

  g_free (info.customer_contact_email);
  info.customer_contact_email = g_strdup ("ann@contoso.com");
  g_assert_true (pecan_cpor_save (f->store, &info, &error));
  RUN (f, &ready, "claims", "status", id, "ready");
  g_assert_cmpint (ready.status, ==, 0);
  g_assert_nonnull (strstr (ready.out, "Submit it in Partner Center"));
  RUN (f, &export, "claims", "export", id, "--out", packet);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_file_test (packet, G_FILE_TEST_IS_REGULAR));
  pecan_cpor_info_clear (&info);

  /* A co-op claim beside it, due first. */
  {
    g_autofree char *coop_id = NULL;
    g_autofree char *pack = g_build_filename (f->dir, "pack.xlsx", NULL);
    g_autoptr(JsonArray) both = NULL;
    g_auto(Run) wrong = { 0 };
    g_auto(Run) unknown = { 0 };
    g_auto(Run) refused_coop = { 0 };
    g_auto(Run) coop_export = { 0 };
    PecanCoopInfo coop;
    PecanCoopDocument invoice = { PECAN_COOP_INVOICE, (char *) "Invoice 114", (char *) "/tmp/i.pdf",
                                  (char *) "cd", 10, TRUE, 500 * (gint64) 1000000000,
                                  pecan_day_today () };

    pecan_coop_info_init (&coop);
    coop.activity_name = g_strdup ("Webinar");
    coop.amount = 750 * (gint64) 1000000000;
    coop.currency = g_strdup ("EUR");
    pecan_coop_period_of_day (pecan_day_today (), &coop.fiscal_year, &coop.half);
    pecan_coop_info_add_document (&coop, &invoice);
    g_assert_true (pecan_coop_save (f->store, &coop, &error));
    coop_id = g_strdup_printf ("coop-%" G_GINT64_FORMAT, coop.id);
    both = JSON_OF (f, "claims", "list", "--json");
    g_assert_cmpuint (json_array_get_length (both), ==, 2);
    claim = json_array_get_object_element (both, 0);
    g_assert_cmpstr (json_object_get_string_member (claim, "id"), ==, coop_id);
    g_assert_cmpstr (json_object_get_string_member (claim, "kind"), ==, "coop");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (claim, "steps")), ==, 8);
    g_assert_nonnull (json_object_get_string_member (claim, "deadline"));
    RUN (f, &refused_coop, "claims", "status", coop_id, "submitted");
    g_assert_cmpint (refused_coop.status, ==, 1);
    g_assert_nonnull (strstr (refused_coop.err, "is not ready to submit"));
    RUN (f, &wrong, "claims", "status", coop_id, "draft");
    g_assert_cmpint (wrong.status, ==, 1);
    g_assert_nonnull (strstr (wrong.err, "not a status of a co-op claim"));
    RUN (f, &unknown, "claims", "show", "7");
    g_assert_cmpint (unknown.status, ==, 1);
    g_assert_nonnull (strstr (unknown.err, "write cpor-N or coop-N"));
    RUN (f, &coop_export, "claims", "export", coop_id, "--out", pack);
    g_assert_cmpint (coop_export.status, ==, 0);
    g_assert_true (g_file_test (pack, G_FILE_TEST_IS_REGULAR));
    pecan_coop_info_clear (&coop);
  }

  USAGE_ERROR (f, "status", "--database", f->db_path, "claims", "status", id, "done");
  USAGE_ERROR (f, "--out", "--database", f->db_path, "claims", "export", id);
  USAGE_ERROR (f, NULL, "--database", f->db_path, "claims", "frobnicate");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  pecan_test_add ("/cli/import", NULL, test_import);
  pecan_test_add ("/cli/import-bad", NULL, test_import_bad);
  pecan_test_add ("/cli/import-skip", NULL, test_import_skip);
  pecan_test_add ("/cli/summary-json", NULL, test_summary_json);
  pecan_test_add ("/cli/summary-period", NULL, test_summary_period);
  pecan_test_add ("/cli/incidents", NULL, test_incidents);
  pecan_test_add ("/cli/imports", NULL, test_imports);
  pecan_test_add ("/cli/translated-table", NULL, test_translated_table);
  pecan_test_add ("/cli/undo", NULL, test_undo);
  pecan_test_add ("/cli/dry-run", NULL, test_dry_run);
  pecan_test_add ("/cli/demo", NULL, test_demo);
  pecan_test_add ("/cli/usage-errors", NULL, test_usage_errors);
  pecan_test_add ("/cli/env-database", NULL, test_env_database);
  pecan_test_add ("/cli/bad-database", NULL, test_bad_database);
  pecan_test_add ("/cli/damaged-database", NULL, test_damaged_database);
  pecan_test_add ("/cli/newer-database", NULL, test_newer_database);
  pecan_test_add ("/cli/eligibility", NULL, test_eligibility);
  pecan_test_add ("/cli/backup", NULL, test_backup);
  pecan_test_add ("/cli/report", NULL, test_report);
  pecan_test_add ("/cli/report-usage", NULL, test_report_usage);
  pecan_test_add ("/cli/sharing", NULL, test_sharing);
  pecan_test_add ("/cli/claims", NULL, test_claims);
  return g_test_run ();
}
