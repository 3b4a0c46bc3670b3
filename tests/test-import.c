/* test-import.c: tests of the importer against the hand-checked fixtures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "pecan-batch.h"
#include "pecan-demo.h"
#include "pecan-error.h"
#include "pecan-importer.h"
#include "pecan-incident.h"
#include "pecan-parse.h"
#include "pecan-query.h"
#include "pecan-store.h"
#include "pecan-summary-row.h"
#include "pecan-test-util.h"

#define C1 "0f8e2b6a-1c3d-4e5f-8a9b-1a2b3c4d5e6f"
#define C2 "7d41c9e0-52ab-4b8e-9f13-c0ffee2a6b71"
#define E1 "2b7f0c4e-8d1a-4f63-9b25-6e0d3a7c9f14"
#define E2 "c6a9e3d1-47b2-4e8f-a0d5-3f1b8c72e5a9"

typedef PecanTestFixture Fixture;

/* The demo files, written once: large enough to cancel an import midway. */
static char *demo_dir;
static char *demo_eur;
static char *demo_usd;

static gint64
nano_of (double value)
{
  return (gint64) llround (value * PECAN_NANO);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value != NULL ? value : "");
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_amount (JsonBuilder *b,
            const char  *name,
            double       value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  add_string (b, name, g_ascii_formatd (buf, sizeof buf, "%.9f", value));
}

/* Every grouping and the incidents, by the files' identifiers rather than
 * database ids, so that two databases can be compared. */
static char *
summary_json (PecanStore *store)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GListModel) incidents = NULL;

  json_builder_begin_array (b);
  for (PecanGroupBy by = PECAN_GROUP_TOTAL; by <= PECAN_GROUP_PARTNER; by++)
    {
      g_autoptr(GListModel) rows = pecan_test_summary (store, by, &pecan_test_period_all, 0);

      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(PecanSummaryRow) row = g_list_model_get_item (rows, i);
          const PecanSummaryInfo *info = pecan_summary_row_get_info (row);

          json_builder_begin_object (b);
          add_string (b, "by", pecan_group_by_to_string (by));
          add_string (b, "customer", info->customer_tenant);
          add_string (b, "customer_name", info->customer_name);
          add_string (b, "subscription", info->subscription_azure_id);
          add_string (b, "category", info->category);
          add_string (b, "partner", info->partner_tenant);
          add_int (b, "month", info->month);
          add_int (b, "day", info->day);
          add_string (b, "currency", info->currency);
          add_int (b, "lines", info->lines);
          add_int (b, "billed", info->billed);
          add_int (b, "eligible", info->eligible);
          add_int (b, "unknown", info->unknown);
          add_amount (b, "pec_earned", info->pec_earned);
          add_amount (b, "pec_lost", info->pec_lost);
          json_builder_end_object (b);
        }
    }
  incidents = pecan_test_incidents (store, &pecan_test_period_all);
  for (guint i = 0; i < g_list_model_get_n_items (incidents); i++)
    {
      g_autoptr(PecanIncident) incident = g_list_model_get_item (incidents, i);
      const PecanIncidentInfo *info = pecan_incident_get_info (incident);

      json_builder_begin_object (b);
      add_string (b, "incident", info->subscription_azure_id);
      add_int (b, "first_day", info->first_day);
      add_int (b, "last_day", info->last_day);
      add_int (b, "days", info->days);
      add_int (b, "lines", info->lines);
      add_int (b, "billed", info->billed);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* Compares two snapshots line by line, so that a failure shows where. */
static void
assert_same (const char *got,
             const char *expected)
{
  g_auto(GStrv) a = g_strsplit (got, "\n", -1);
  g_auto(GStrv) b = g_strsplit (expected, "\n", -1);

  for (guint i = 0; a[i] != NULL && b[i] != NULL; i++)
    if (!g_str_equal (a[i], b[i]))
      {
        g_test_message ("snapshots differ at line %u", i + 1);
        g_assert_cmpstr (a[i], ==, b[i]);
      }
  g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
}

/* The usage a database holds: lines, rollups, history and figures. */
static char *
usage_snapshot (const char *db_path,
                PecanStore *store)
{
  static const char * const queries[] = {
    "SELECT count(*) || ' ' || coalesce (sum (billed), 0) FROM usage_line",
    "SELECT count(*) || ' ' || coalesce (sum (billed), 0) || ' ' || coalesce (sum (lines), 0)"
    " FROM daily_total",
    "SELECT count(*) || ' ' || coalesce (sum (billed), 0) || ' ' || coalesce (sum (lines), 0)"
    " FROM monthly_total",
    "SELECT count(*) FROM coverage",
    "SELECT count(*) FROM batch",
    "SELECT count(*) FROM batch_skip",
  };
  g_autofree char *json = summary_json (store);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *text = pecan_test_query_text (db_path, queries[i]);
      g_string_append_printf (out, "%s\n", text);
    }
  g_string_append (out, json);
  return g_string_free (out, FALSE);
}

/* Everything: the usage, and the count of rows of every table. */
static char *
db_snapshot (Fixture *f)
{
  g_autofree char *tables = pecan_test_query_text (f->db_path,
                                                   "SELECT group_concat (name, ' ') FROM"
                                                   " (SELECT name FROM sqlite_schema"
                                                   "  WHERE type = 'table' ORDER BY name)");
  g_auto(GStrv) names = g_strsplit (tables, " ", -1);
  g_autofree char *usage = usage_snapshot (f->db_path, f->store);
  g_autofree char *batches = pecan_test_query_text (f->db_path,
                                                    "SELECT group_concat (id || ':' || sha256"
                                                    " || ':' || lines, ',') FROM batch");
  GString *out = g_string_new (NULL);

  g_assert_cmpuint (g_strv_length (names), >=, 12);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", names[i]);
      g_autofree char *count = pecan_test_query_text (f->db_path, sql);
      g_string_append_printf (out, "%s=%s\n", names[i], count);
    }
  g_string_append_printf (out, "%s\n%s", batches, usage);
  return g_string_free (out, FALSE);
}

static char *
month_text (int month)
{
  return g_strdup_printf ("%04d-%02d", month / 100, month % 100);
}

static const PecanSummaryInfo *
find_row (GListModel *rows,
          const char *customer,
          const char *month)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (rows, i);
      const PecanSummaryInfo *info = pecan_summary_row_get_info (row);
      g_autofree char *text = month_text (info->month);

      /* The model keeps the row, and the row its info. */
      if (g_strcmp0 (info->customer_tenant, customer) == 0 && g_str_equal (text, month))
        return info;
    }
  return NULL;
}

/* The customer-month summary equals an answer key, object for object. */
static void
check_expected (PecanStore *store,
                const char *key_name)
{
  g_autoptr(JsonArray) expected = pecan_test_load_array (key_name);
  g_autoptr(GListModel) rows = pecan_test_summary (store, PECAN_GROUP_CUSTOMER_MONTH,
                                                   &pecan_test_period_all, 0);

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, json_array_get_length (expected));
  for (guint i = 0; i < json_array_get_length (expected); i++)
    {
      JsonObject *e = json_array_get_object_element (expected, i);
      const char *customer = json_object_get_string_member (e, "customer_id");
      const char *month = json_object_get_string_member (e, "month");
      const PecanSummaryInfo *row = find_row (rows, customer, month);
      gboolean pec_known = json_object_get_boolean_member_with_default (e, "pec_known", TRUE);

      g_assert_nonnull (row);
      g_assert_cmpstr (row->customer_name, ==, json_object_get_string_member (e, "customer_name"));
      g_assert_cmpstr (row->currency, ==, json_object_get_string_member (e, "currency"));
      g_assert_cmpint (row->lines, ==, json_object_get_int_member (e, "lines"));
      g_assert_cmpint (row->billed, ==, nano_of (json_object_get_double_member (e, "billed")));
      g_assert_cmpfloat_with_epsilon (row->pec_earned,
                                      json_object_get_double_member (e, "pec_earned"), 1e-6);
      g_assert_cmpfloat_with_epsilon (row->pec_lost,
                                      json_object_get_double_member (e, "pec_lost"), 1e-6);
      /* Every line of the export without PEC columns is eligible. */
      g_assert_cmpint (row->unknown, ==, pec_known ? 0 : row->billed);
    }
}

static void
check_incidents (PecanStore *store)
{
  g_autoptr(JsonArray) expected = pecan_test_load_array ("daily-small.incidents.json");
  g_autoptr(GListModel) incidents = pecan_test_incidents (store, &pecan_test_period_all);

  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, json_array_get_length (expected));
  for (guint i = 0; i < json_array_get_length (expected); i++)
    {
      JsonObject *e = json_array_get_object_element (expected, i);
      g_autoptr(PecanIncident) incident = g_list_model_get_item (incidents, i);
      const PecanIncidentInfo *info = pecan_incident_get_info (incident);
      char first[11], last[11];

      pecan_day_format (info->first_day, first);
      pecan_day_format (info->last_day, last);
      g_assert_cmpstr (info->customer_tenant, ==, json_object_get_string_member (e, "customer_id"));
      g_assert_cmpstr (info->subscription_azure_id, ==,
                       json_object_get_string_member (e, "subscription_id"));
      g_assert_cmpstr (first, ==, json_object_get_string_member (e, "first_day"));
      g_assert_cmpstr (last, ==, json_object_get_string_member (e, "last_day"));
      g_assert_cmpuint (info->days, ==, json_object_get_int_member (e, "days"));
      g_assert_cmpint (info->lines, ==, json_object_get_int_member (e, "lines"));
      g_assert_cmpfloat_with_epsilon (info->pec_lost, json_object_get_double_member (e, "amount"),
                                      1e-6);
      g_assert_cmpstr (info->currency, ==, "USD");
      g_assert_cmpint (info->billed, ==, G_GINT64_CONSTANT (6141676800));
      g_assert_false (info->ongoing);   /* E1 earns PEC again from 01/13 */
    }
}

/* Lines, rollups and what the batch says agree with one another. */
static void
check_consistent (Fixture *f)
{
  g_autofree char *lines = pecan_test_query_text (f->db_path,
                                                  "SELECT count(*) || ' ' || coalesce"
                                                  " (sum (billed), 0) FROM usage_line");
  g_autofree char *daily = pecan_test_query_text (f->db_path,
                                                  "SELECT coalesce (sum (lines), 0) || ' ' ||"
                                                  " coalesce (sum (billed), 0) FROM daily_total");
  g_autofree char *monthly = pecan_test_query_text (f->db_path,
                                                    "SELECT coalesce (sum (lines), 0) || ' ' ||"
                                                    " coalesce (sum (billed), 0)"
                                                    " FROM monthly_total");

  g_assert_cmpstr (lines, ==, daily);
  g_assert_cmpstr (lines, ==, monthly);
  /* Key by key too: every daily total is its lines' sum, once. */
  g_assert_cmpint (pecan_test_query_int (f->db_path,
                                         "SELECT count(*) FROM ("
                                         " SELECT l.day, s.customer_id, l.family,"
                                         "  l.subscription_id, l.currency, l.state, l.pec_centi,"
                                         "  count(*), sum (l.billed)"
                                         " FROM usage_line AS l JOIN subscription AS s"
                                         "  ON s.id = l.subscription_id"
                                         " GROUP BY 1, 2, 3, 4, 5, 6, 7"
                                         " EXCEPT SELECT day, customer_id, family,"
                                         "  subscription_id, currency, state, pec_centi, lines,"
                                         "  billed FROM daily_total)"), ==, 0);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count(*) FROM daily_total"), ==,
                   pecan_test_query_int (f->db_path,
                                         "SELECT count(*) FROM (SELECT DISTINCT day,"
                                         " subscription_id, family, currency, state, pec_centi"
                                         " FROM usage_line)"));
}

typedef struct
{
  const char *file;
  const char *encoding;
  char        delimiter;
} Variant;

static const Variant variants[] = {
  { "daily-small.csv", "UTF-8", ',' },
  { "daily-small-bom-crlf.csv", "UTF-8", ',' },
  { "daily-small-semicolon.csv", "UTF-8", ';' },
  { "daily-small-utf16le.txt", "UTF-16LE", '\t' },
  { "daily-small-utf16be.txt", "UTF-16BE", '\t' },
  { "daily-small-shuffled.csv", "UTF-8", ',' },
  { "daily-small-isodates.csv", "UTF-8", ',' },
  { "daily-small-usdates.csv", "UTF-8", ',' },
  { "daily-small-sci.csv", "UTF-8", ',' },
  { "daily-small-mac.csv", "UTF-8", ',' },
};

static void
test_variant (Fixture       *f,
              gconstpointer  data)
{
  const Variant *v = data;
  g_autoptr(PecanBatch) batch = pecan_test_import_batch (f->store, v->file);
  const PecanBatchInfo *info = pecan_batch_get_info (batch);
  g_autofree char *line_numbers = pecan_test_query_text (f->db_path,
                                                         "SELECT group_concat (line, ',') FROM"
                                                         " (SELECT line FROM usage_line"
                                                         "  ORDER BY line)");

  g_assert_cmpint (info->id, >, 0);
  g_assert_cmpstr (info->file_name, ==, v->file);
  g_assert_cmpint (info->layout, ==, PECAN_LAYOUT_DAILY);
  g_assert_cmpstr (info->encoding, ==, v->encoding);
  g_assert_cmpint (info->delimiter, ==, v->delimiter);
  g_assert_true (info->pec_known);
  g_assert_cmpuint (info->lines, ==, 24);
  g_assert_cmpuint (info->skipped, ==, 0);
  g_assert_cmpuint (info->replaced, ==, 0);
  g_assert_cmpuint (info->kept, ==, 0);
  g_assert_cmpuint (info->customers, ==, 2);
  g_assert_cmpint (info->first_day, ==, pecan_day_from_ymd (2026, 1, 5));
  g_assert_cmpint (info->last_day, ==, pecan_day_from_ymd (2026, 2, 11));
  g_assert_cmpint (info->duplicate_of, ==, 0);
  g_assert_cmpuint (strlen (info->sha256), ==, 64);
  /* The record with a line break inside a field starts on line 25. */
  g_assert_cmpstr (line_numbers, ==, "2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,"
                                     "23,24,25");
  check_expected (f->store, "daily-small.expected.json");
  check_incidents (f->store);
  check_consistent (f);
}

typedef struct
{
  const char  *file;
  const char  *key;
  PecanLayout  layout;
  gboolean     pec_known;
  guint        lines;
  guint        customers;
} KeyedFile;

static const KeyedFile keyed_files[] = {
  { "invoice-small.csv", "invoice-small.expected.json", PECAN_LAYOUT_INVOICE, TRUE, 11, 2 },
  { "cost-small.csv", "cost-small.expected.json", PECAN_LAYOUT_COST_EXPORT, TRUE, 12, 2 },
  { "cost-nopec.csv", "cost-nopec.expected.json", PECAN_LAYOUT_COST_EXPORT, FALSE, 5, 1 },
};

static void
test_keyed_file (Fixture       *f,
                 gconstpointer  data)
{
  const KeyedFile *k = data;
  g_autoptr(PecanBatch) batch = pecan_test_import_batch (f->store, k->file);
  const PecanBatchInfo *info = pecan_batch_get_info (batch);
  g_autoptr(GListModel) total = NULL;

  g_assert_cmpint (info->layout, ==, k->layout);
  g_assert_cmpint (info->pec_known, ==, k->pec_known);
  g_assert_cmpuint (info->lines, ==, k->lines);
  g_assert_cmpuint (info->customers, ==, k->customers);
  check_expected (f->store, k->key);
  check_consistent (f);

  total = pecan_test_summary (f->store, PECAN_GROUP_TOTAL, &pecan_test_period_all, 0);
  for (guint i = 0; i < g_list_model_get_n_items (total); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (total, i);
      const PecanSummaryInfo *s = pecan_summary_row_get_info (row);

      if (k->pec_known)
        g_assert_cmpint (s->unknown, ==, 0);
      else
        {
          g_assert_cmpint (s->unknown, >, 0);
          g_assert_cmpint (s->unknown, ==, s->billed);
          g_assert_cmpfloat (s->pec_earned, ==, 0.0);
          g_assert_cmpfloat (s->pec_lost, ==, 0.0);
        }
    }
}

/* The daily file's incidents, and only those. */
static void
test_incidents (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PecanBatch) batch = pecan_test_import_batch (f->store, "daily-small.csv");
  PecanPeriod february = { pecan_day_from_ymd (2026, 2, 1), pecan_day_from_ymd (2026, 2, 28) };
  g_autoptr(GListModel) none = NULL;

  check_incidents (f->store);
  none = pecan_test_incidents (f->store, &february);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
}

typedef struct
{
  const char *file;
  int         code;
  guint       line;          /* stated in the message when > 1 */
  const char *column;        /* or NULL */
  const char *found;         /* the value found, or NULL */
  int         skip_lines;    /* imported in skip mode, or -1: skip mode fails too */
  guint       skip_line;
  const char *kept_lines;    /* line numbers imported in skip mode */
} BadInput;

static const BadInput bad_inputs[] = {
  { "bad-missing-column.csv", PECAN_IMPORT_ERROR_MISSING_COLUMN, 1, "BillingPreTaxTotal", NULL,
    -1, 0, NULL },
  { "bad-number.csv", PECAN_IMPORT_ERROR_BAD_VALUE, 5, "BillingPreTaxTotal", "12.3.4",
    4, 5, "2,3,4,6" },
  { "bad-date.csv", PECAN_IMPORT_ERROR_BAD_VALUE, 4, "UsageDate", "02/30/2026",
    3, 4, "2,3,5" },
  { "bad-truncated.csv", PECAN_IMPORT_ERROR_TRUNCATED, 5, "Tags", NULL, 3, 5, "2,3,4" },
  { "bad-short-row.csv", PECAN_IMPORT_ERROR_FIELD_COUNT, 3, "UsageDate", NULL, 2, 3, "2,4" },
  { "bad-binary.bin", PECAN_IMPORT_ERROR_NOT_TEXT, 1, NULL, NULL, -1, 0, NULL },
  { "bad-empty.csv", PECAN_IMPORT_ERROR_EMPTY, 1, NULL, NULL, -1, 0, NULL },
  { "bad-header-only.csv", PECAN_IMPORT_ERROR_EMPTY, 2, NULL, NULL, -1, 0, NULL },
  { "bad-unknown.csv", PECAN_IMPORT_ERROR_UNKNOWN_LAYOUT, 1, NULL, NULL, -1, 0, NULL },
  { "good-then-bad.csv", PECAN_IMPORT_ERROR_BAD_VALUE, 12, "BillingPreTaxTotal", "#VALUE!",
    10, 12, "2,3,4,5,6,7,8,9,10,11" },
};

static gboolean
names_line (const char *message,
            guint       line)
{
  g_autofree char *pattern = g_strdup_printf ("\\bline\\W{0,2}%u\\b", line);

  return g_regex_match_simple (pattern, message, G_REGEX_CASELESS, 0);
}

/* File name, line, column and the value found, as BAD-INPUTS.md says. */
static void
check_bad_message (const GError   *error,
                   const BadInput *bad)
{
  g_test_message ("%s: %s", bad->file, error->message);
  g_assert_error (error, PECAN_IMPORT_ERROR, bad->code);
  g_assert_nonnull (strstr (error->message, bad->file));
  if (bad->line > 1)
    g_assert_true (names_line (error->message, bad->line));
  if (bad->found != NULL)
    g_assert_nonnull (strstr (error->message, bad->found));
  if (bad->code == PECAN_IMPORT_ERROR_FIELD_COUNT)
    {
      g_assert_nonnull (strstr (error->message, "55"));
      g_assert_nonnull (strstr (error->message, "20"));
    }
  if (bad->column != NULL)
    g_assert_nonnull (strstr (error->message, bad->column));
  /* Skipping is offered exactly when it imports the other lines. */
  g_assert_cmpint (pecan_import_error_can_skip (error), ==,
                   bad->skip_lines >= 0 && bad->code != PECAN_IMPORT_ERROR_TRUNCATED);
}

/* All or nothing: a bad file leaves the database exactly as it was. */
static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  const BadInput *bad = data;
  g_autoptr(PecanBatch) first = pecan_test_import_batch (f->store, "daily-small.csv");
  g_autofree char *before = db_snapshot (f);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanBatch) batch = pecan_test_import_data (f->store, bad->file,
                                                        PECAN_IMPORT_DEFAULT, &error);

  g_assert_null (batch);
  g_assert_nonnull (error);
  after = db_snapshot (f);
  assert_same (after, before);
  check_expected (f->store, "daily-small.expected.json");
  check_bad_message (error, bad);
}

static guint64
count_lines (Fixture *f)
{
  return pecan_test_query_int (f->db_path, "SELECT count(*) FROM usage_line");
}

/* Skip mode imports the good lines and keeps the bad ones' numbers; errors
 * of the whole file fail in skip mode too. */
static void
test_skip_bad_rows (Fixture       *f,
                    gconstpointer  data)
{
  const BadInput *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanBatch) batch = NULL;
  const PecanBatchInfo *info;
  g_autofree char *skips = NULL;
  g_autofree char *expected_skip = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *sql = NULL;

  if (bad->skip_lines < 0)
    {
      g_autofree char *before = db_snapshot (f);
      g_autofree char *after = NULL;

      batch = pecan_test_import_data (f->store, bad->file, PECAN_IMPORT_SKIP_BAD_ROWS, &error);
      g_assert_null (batch);
      g_assert_error (error, PECAN_IMPORT_ERROR, bad->code);
      g_assert_nonnull (strstr (error->message, bad->file));
      after = db_snapshot (f);
      assert_same (after, before);
      g_assert_cmpuint (count_lines (f), ==, 0);
      return;
    }

  batch = pecan_test_import_data (f->store, bad->file, PECAN_IMPORT_SKIP_BAD_ROWS, &error);
  g_assert_no_error (error);
  info = pecan_batch_get_info (batch);
  g_assert_cmpuint (info->lines, ==, bad->skip_lines);
  g_assert_cmpuint (info->skipped, ==, 1);
  g_assert_cmpuint (count_lines (f), ==, bad->skip_lines);
  kept = pecan_test_query_text (f->db_path, "SELECT group_concat (line, ',') FROM"
                                            " (SELECT line FROM usage_line ORDER BY line)");
  g_assert_cmpstr (kept, ==, bad->kept_lines);

  sql = g_strdup_printf ("SELECT group_concat (line, ',') FROM batch_skip WHERE batch_id = %"
                         G_GINT64_FORMAT, info->id);
  skips = pecan_test_query_text (f->db_path, sql);
  expected_skip = g_strdup_printf ("%u", bad->skip_line);
  g_assert_cmpstr (skips, ==, expected_skip);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count(*) FROM batch_skip"), ==, 1);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT skipped FROM batch"), ==, 1);
  reason = pecan_test_query_text (f->db_path, "SELECT reason FROM batch_skip");
  g_assert_cmpstr (reason, !=, "");
  if (bad->found != NULL)
    g_assert_nonnull (strstr (reason, bad->found));
  check_consistent (f);
}

/* BAD-INPUTS.md's figures after skip mode on good-then-bad.csv. */
static void
test_skip_totals (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanBatch) batch = pecan_test_import_data (f->store, "good-then-bad.csv",
                                                        PECAN_IMPORT_SKIP_BAD_ROWS, &error);
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(PecanIncident) incident = NULL;
  const PecanSummaryInfo *row;
  const PecanIncidentInfo *info;

  g_assert_no_error (error);
  rows = pecan_test_summary (f->store, PECAN_GROUP_CUSTOMER_MONTH, &pecan_test_period_all, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  row = find_row (rows, C1, "2026-01");
  g_assert_nonnull (row);
  g_assert_cmpstr (row->currency, ==, "USD");
  g_assert_cmpint (row->lines, ==, 10);
  g_assert_cmpint (row->billed, ==, G_GINT64_CONSTANT (12897747962));
  g_assert_cmpfloat_with_epsilon (row->pec_earned, 1.029612558, 1e-6);
  g_assert_cmpfloat_with_epsilon (row->pec_lost, 0.92125152, 1e-6);

  incidents = pecan_test_incidents (f->store, &pecan_test_period_all);
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, 1);
  incident = g_list_model_get_item (incidents, 0);
  info = pecan_incident_get_info (incident);
  g_assert_cmpstr (info->subscription_azure_id, ==, E1);
  g_assert_cmpint (info->first_day, ==, pecan_day_from_ymd (2026, 1, 10));
  g_assert_cmpint (info->last_day, ==, pecan_day_from_ymd (2026, 1, 12));
  g_assert_cmpuint (info->days, ==, 3);
  g_assert_cmpint (info->lines, ==, 4);
  g_assert_cmpfloat_with_epsilon (info->pec_lost, 0.92125152, 1e-6);
}

/* A good file in skip mode: nothing skipped, nothing listed. */
static void
test_skip_nothing (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanBatch) batch = pecan_test_import_data (f->store, "daily-small.csv",
                                                        PECAN_IMPORT_SKIP_BAD_ROWS, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (pecan_batch_get_info (batch)->lines, ==, 24);
  g_assert_cmpuint (pecan_batch_get_info (batch)->skipped, ==, 0);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count(*) FROM batch_skip"), ==, 0);
  check_expected (f->store, "daily-small.expected.json");
}

/* The same file twice, under its own or another name, changes nothing. */
static void
test_twice (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(PecanBatch) first = pecan_test_import_batch (f->store, "daily-small.csv");
  g_autofree char *before = db_snapshot (f);
  g_autoptr(PecanBatch) second = pecan_test_import_batch (f->store, "daily-small.csv");
  g_autofree char *after = db_snapshot (f);
  g_autofree char *copy = NULL;
  g_autoptr(PecanBatch) third = NULL;
  g_autofree char *after_copy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (pecan_batch_get_id (first), >, 0);
  g_assert_false (pecan_batch_is_duplicate (first));
  g_assert_true (pecan_batch_is_duplicate (second));
  g_assert_cmpint (pecan_batch_get_info (second)->duplicate_of, ==, pecan_batch_get_id (first));
  g_assert_cmpint (pecan_batch_get_id (second), ==, pecan_batch_get_id (first));
  assert_same (after, before);

  copy = pecan_test_write_data (f, "daily-small.csv", "renamed.csv", NULL);
  third = pecan_test_import_path (f->store, copy, PECAN_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pecan_batch_get_info (third)->duplicate_of, ==, pecan_batch_get_id (first));
  after_copy = db_snapshot (f);
  assert_same (after_copy, before);
  check_expected (f->store, "daily-small.expected.json");
}

/* A file already imported is known by its hash before anything is
 * written: importing it again needs no write lock, even while another
 * program holds it. A file of the same size and other bytes is imported. */
static void
test_twice_locked (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PecanBatch) first = pecan_test_import_batch (f->store, "daily-small.csv");
  g_autoptr(PecanBatch) again = NULL;
  g_autoptr(PecanBatch) other = NULL;
  g_autoptr(GError) error = NULL;
  const char *changes[] = { "0.5", "0.6", NULL };
  g_autofree char *twin = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  again = pecan_test_import_data (f->store, "daily-small.csv", PECAN_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pecan_batch_get_info (again)->duplicate_of, ==, pecan_batch_get_id (first));
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* The same size, some digits changed: a new file. */
  twin = pecan_test_write_data (f, "daily-small.csv", "twin.csv", changes);
  other = pecan_test_import_path (f->store, twin, PECAN_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (pecan_batch_is_duplicate (other));
  g_assert_cmpint (pecan_batch_get_info (other)->lines, ==, 24);
}

/* A dry run reads and checks, and writes nothing. */
static void
test_dry_run (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PecanBatch) invoice = pecan_test_import_batch (f->store, "invoice-small.csv");
  g_autofree char *before = db_snapshot (f);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanBatch) dry = pecan_test_import_data (f->store, "daily-small.csv",
                                                      PECAN_IMPORT_DRY_RUN, &error);
  g_autoptr(PecanBatch) dry_skip = NULL;
  g_autoptr(PecanBatch) dry_bad = NULL;
  g_autoptr(PecanBatch) real = NULL;
  const PecanBatchInfo *info;

  g_assert_no_error (error);
  info = pecan_batch_get_info (dry);
  g_assert_cmpint (info->id, ==, 0);
  g_assert_cmpint (info->duplicate_of, ==, 0);
  g_assert_cmpint (info->layout, ==, PECAN_LAYOUT_DAILY);
  g_assert_cmpuint (info->lines, ==, 24);
  g_assert_cmpuint (info->customers, ==, 2);
  g_assert_cmpint (info->first_day, ==, pecan_day_from_ymd (2026, 1, 5));
  g_assert_cmpint (info->last_day, ==, pecan_day_from_ymd (2026, 2, 11));

  dry_skip = pecan_test_import_data (f->store, "good-then-bad.csv",
                                     PECAN_IMPORT_DRY_RUN | PECAN_IMPORT_SKIP_BAD_ROWS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pecan_batch_get_info (dry_skip)->lines, ==, 10);
  g_assert_cmpuint (pecan_batch_get_info (dry_skip)->skipped, ==, 1);
  g_assert_cmpuint (pecan_batch_get_info (dry_skip)->customers, ==, 1);

  dry_bad = pecan_test_import_data (f->store, "good-then-bad.csv", PECAN_IMPORT_DRY_RUN, &error);
  g_assert_null (dry_bad);
  g_assert_error (error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_BAD_VALUE);
  g_clear_error (&error);

  after = db_snapshot (f);
  assert_same (after, before);

  /* Not taken for a duplicate of the dry run. */
  real = pecan_test_import_batch (f->store, "daily-small.csv");
  g_assert_cmpint (pecan_batch_get_id (real), >, pecan_batch_get_id (invoice));
  g_assert_cmpint (pecan_batch_get_info (real)->duplicate_of, ==, 0);
  g_assert_cmpuint (pecan_batch_get_info (real)->lines, ==, 24);
}

typedef struct
{
  const char *name;
  const char *files[4];
  guint       lines;
  gint64      billed;
  double      earned;
  double      lost;
  const char *incident_subscription;
  int         incident_mday;
  double      incident_lost;
  guint64     last_replaced;   /* what the last import says */
  guint64     last_kept;
  guint64     last_lines;
} Replacement;

static const Replacement replacements[] = {
  { "a", { "daily-replace-a.csv" }, 9, G_GINT64_CONSTANT (10596325280), 1.46335152, 0.3456,
    E1, 5, 0.3456, 0, 0, 9 },
  { "b", { "daily-replace-b.csv" }, 11, G_GINT64_CONSTANT (14484845280), 2.50843152, 0.04056,
    E2, 6, 0.04056, 0, 0, 11 },
  { "billed", { "daily-replace-billed.csv" }, 11, G_GINT64_CONSTANT (14499165280), 2.51059152,
    0.040872, E2, 6, 0.040872, 0, 0, 11 },
  { "a-then-b", { "daily-replace-a.csv", "daily-replace-b.csv" }, 11,
    G_GINT64_CONSTANT (14484845280), 2.50843152, 0.04056, E2, 6, 0.04056, 9, 0, 11 },
  { "b-then-billed", { "daily-replace-b.csv", "daily-replace-billed.csv" }, 11,
    G_GINT64_CONSTANT (14499165280), 2.51059152, 0.040872, E2, 6, 0.040872, 11, 0, 11 },
  { "billed-then-a", { "daily-replace-billed.csv", "daily-replace-a.csv" }, 11,
    G_GINT64_CONSTANT (14499165280), 2.51059152, 0.040872, E2, 6, 0.040872, 0, 9, 0 },
  { "a-then-b-then-billed",
    { "daily-replace-a.csv", "daily-replace-b.csv", "daily-replace-billed.csv" }, 11,
    G_GINT64_CONSTANT (14499165280), 2.51059152, 0.040872, E2, 6, 0.040872, 11, 0, 11 },
};

static void
test_replace (Fixture       *f,
              gconstpointer  data)
{
  const Replacement *r = data;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(PecanIncident) incident = NULL;
  const PecanSummaryInfo *row;
  const PecanIncidentInfo *info;

  for (guint i = 0; r->files[i] != NULL; i++)
    {
      g_autoptr(PecanBatch) batch = pecan_test_import_batch (f->store, r->files[i]);
      const PecanBatchInfo *b = pecan_batch_get_info (batch);

      if (r->files[i + 1] != NULL)
        continue;
      g_assert_cmpuint (b->replaced, ==, r->last_replaced);
      g_assert_cmpuint (b->kept, ==, r->last_kept);
      g_assert_cmpuint (b->lines, ==, r->last_lines);
    }

  rows = pecan_test_summary (f->store, PECAN_GROUP_CUSTOMER_MONTH, &pecan_test_period_all, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  row = find_row (rows, C1, "2026-01");
  g_assert_nonnull (row);
  g_assert_cmpstr (row->currency, ==, "USD");
  g_assert_cmpint (row->lines, ==, r->lines);
  g_assert_cmpint (row->billed, ==, r->billed);
  g_assert_cmpfloat_with_epsilon (row->pec_earned, r->earned, 1e-6);
  g_assert_cmpfloat_with_epsilon (row->pec_lost, r->lost, 1e-6);
  g_assert_cmpuint (count_lines (f), ==, r->lines);
  check_consistent (f);

  incidents = pecan_test_incidents (f->store, &pecan_test_period_all);
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, 1);
  incident = g_list_model_get_item (incidents, 0);
  info = pecan_incident_get_info (incident);
  g_assert_cmpstr (info->subscription_azure_id, ==, r->incident_subscription);
  g_assert_cmpint (info->first_day, ==, pecan_day_from_ymd (2026, 1, r->incident_mday));
  g_assert_cmpint (info->last_day, ==, info->first_day);
  g_assert_cmpuint (info->days, ==, 1);
  g_assert_cmpint (info->lines, ==, 1);
  g_assert_cmpfloat_with_epsilon (info->pec_lost, r->incident_lost, 1e-6);
}

static void
test_replace_same (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PecanBatch) first = pecan_test_import_batch (f->store, "daily-replace-a.csv");
  g_autofree char *before = db_snapshot (f);
  g_autoptr(PecanBatch) again = pecan_test_import_batch (f->store, "daily-replace-a.csv");
  g_autofree char *after = db_snapshot (f);

  g_assert_cmpint (pecan_batch_get_info (again)->duplicate_of, ==, pecan_batch_get_id (first));
  assert_same (after, before);
  g_assert_cmpuint (count_lines (f), ==, 9);
}

/* A billed file holds its customers' whole month: unbilled days it has no
 * lines for go too (A's 01/01 .. 01/05 of C1), and later unbilled lines of
 * that month are left out. */
static void
test_billed_month_after (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(PecanBatch) unbilled = pecan_test_import_batch (f->store, "daily-replace-a.csv");
  g_autoptr(PecanBatch) billed = pecan_test_import_batch (f->store, "daily-small.csv");

  g_assert_cmpuint (pecan_batch_get_info (billed)->lines, ==, 24);
  g_assert_cmpuint (pecan_batch_get_info (billed)->replaced, ==, 9);
  g_assert_cmpuint (count_lines (f), ==, 24);
  check_expected (f->store, "daily-small.expected.json");
  check_incidents (f->store);
  check_consistent (f);
}

static void
test_billed_month_before (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PecanBatch) billed = pecan_test_import_batch (f->store, "daily-small.csv");
  g_autoptr(PecanBatch) unbilled = pecan_test_import_batch (f->store, "daily-replace-a.csv");

  g_assert_cmpuint (pecan_batch_get_info (unbilled)->lines, ==, 0);
  g_assert_cmpuint (pecan_batch_get_info (unbilled)->kept, ==, 9);
  g_assert_cmpuint (pecan_batch_get_info (unbilled)->replaced, ==, 0);
  g_assert_cmpuint (count_lines (f), ==, 24);
  check_expected (f->store, "daily-small.expected.json");
  check_incidents (f->store);
  check_consistent (f);
}

/* Undoing one of two imports leaves what importing the other alone gives. */
static void
check_undo (Fixture    *f,
            gboolean    undo_first)
{
  g_autoptr(PecanBatch) daily = pecan_test_import_batch (f->store, "daily-small.csv");
  g_autoptr(PecanBatch) invoice = pecan_test_import_batch (f->store, "invoice-small.csv");
  PecanBatch *undone = undo_first ? daily : invoice;
  const char *other = undo_first ? "invoice-small.csv" : "daily-small.csv";
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(PecanStore) alone = NULL;
  g_autoptr(PecanBatch) alone_batch = NULL;
  g_autoptr(GListModel) batches = NULL;
  g_autoptr(PecanBatch) left = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;

  g_assert_true (pecan_store_undo_batch (f->store, pecan_batch_get_id (undone), &error));
  g_assert_no_error (error);

  sql = g_strdup_printf ("SELECT count(*) FROM usage_line WHERE batch_id = %" G_GINT64_FORMAT,
                         pecan_batch_get_id (undone));
  g_assert_cmpint (pecan_test_query_int (f->db_path, sql), ==, 0);
  batches = pecan_query_batches (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (batches), ==, 1);
  left = g_list_model_get_item (batches, 0);
  g_assert_cmpint (pecan_batch_get_id (left), !=, pecan_batch_get_id (undone));
  g_assert_cmpstr (pecan_batch_get_file_name (left), ==, other);

  alone = pecan_store_open (other_path, &error);
  g_assert_no_error (error);
  alone_batch = pecan_test_import_batch (alone, other);
  got = usage_snapshot (f->db_path, f->store);
  want = usage_snapshot (other_path, alone);
  assert_same (got, want);
  check_expected (f->store, undo_first ? "invoice-small.expected.json"
                                       : "daily-small.expected.json");
  check_consistent (f);
}

static void
test_undo_first (Fixture       *f,
                 gconstpointer  data)
{
  check_undo (f, TRUE);
}

static void
test_undo_second (Fixture       *f,
                  gconstpointer  data)
{
  check_undo (f, FALSE);
}

static void
test_undo_unknown (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PecanBatch) batch = pecan_test_import_batch (f->store, "daily-small.csv");
  g_autofree char *before = db_snapshot (f);
  g_autofree char *after = NULL;
  g_autofree char *emptied = NULL;
  g_autoptr(PecanBatch) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = pecan_batch_get_id (batch);

  g_assert_false (pecan_store_undo_batch (f->store, id + 1000, &error));
  g_assert_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = db_snapshot (f);
  assert_same (after, before);

  /* Undone once; the second time there is nothing to undo. */
  g_assert_true (pecan_store_undo_batch (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_false (pecan_store_undo_batch (f->store, id, &error));
  g_assert_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_NOT_FOUND);
  emptied = pecan_test_query_text (f->db_path,
                                   "SELECT (SELECT count(*) FROM usage_line) || ' ' ||"
                                   " (SELECT count(*) FROM daily_total) || ' ' ||"
                                   " (SELECT count(*) FROM monthly_total) || ' ' ||"
                                   " (SELECT count(*) FROM coverage) || ' ' ||"
                                   " (SELECT count(*) FROM batch)");
  g_assert_cmpstr (emptied, ==, "0 0 0 0 0");

  /* Undone, the file can be imported again. */
  again = pecan_test_import_batch (f->store, "daily-small.csv");
  g_assert_cmpint (pecan_batch_get_info (again)->duplicate_of, ==, 0);
  g_assert_cmpuint (pecan_batch_get_info (again)->lines, ==, 24);
  check_expected (f->store, "daily-small.expected.json");
}

/* Identifiers that went through Excel or a script upper-cased are the
 * same customer and subscriptions. */
static void
test_identifier_case (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const upper[] = {
    C1, "0F8E2B6A-1C3D-4E5F-8A9B-1A2B3C4D5E6F",
    E1, "2B7F0C4E-8D1A-4F63-9B25-6E0D3A7C9F14",
    E2, "C6A9E3D1-47B2-4E8F-A0D5-3F1B8C72E5A9",
    NULL
  };
  g_autofree char *path = pecan_test_write_data (f, "daily-replace-a.csv", "upper.csv", upper);
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanBatch) a = pecan_test_import_path (f->store, path, PECAN_IMPORT_DEFAULT, &error);
  g_autoptr(PecanBatch) b = NULL;
  g_autoptr(GListModel) rows = NULL;
  const PecanSummaryInfo *row;

  g_assert_no_error (error);
  g_assert_cmpuint (pecan_batch_get_info (a)->lines, ==, 9);
  g_assert_cmpint (pecan_query_find_customer (f->store, C1), >, 0);
  b = pecan_test_import_batch (f->store, "daily-replace-b.csv");
  g_assert_cmpuint (pecan_batch_get_info (b)->replaced, ==, 9);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count(*) FROM customer"), ==, 1);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count(*) FROM subscription"), ==, 2);

  rows = pecan_test_summary (f->store, PECAN_GROUP_CUSTOMER_MONTH, &pecan_test_period_all, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  row = find_row (rows, C1, "2026-01");
  g_assert_nonnull (row);
  g_assert_cmpint (row->lines, ==, 11);
  g_assert_cmpint (row->billed, ==, G_GINT64_CONSTANT (14484845280));
}

/* Excel's "CSV" in a Western locale is Windows-1252: names are kept right. */
static void
test_windows_1252 (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const latin[] = {
    "Fabrikam Handels GmbH", "Fabrikam H\xe4ndels GmbH", NULL
  };
  g_autofree char *path = pecan_test_write_data (f, "daily-small.csv", "excel.csv", latin);
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanBatch) batch = pecan_test_import_path (f->store, path, PECAN_IMPORT_DEFAULT,
                                                        &error);
  g_autoptr(GListModel) rows = NULL;
  const PecanSummaryInfo *row;

  g_assert_no_error (error);
  g_assert_cmpuint (pecan_batch_get_info (batch)->lines, ==, 24);
  rows = pecan_test_summary (f->store, PECAN_GROUP_CUSTOMER_MONTH, &pecan_test_period_all, 0);
  row = find_row (rows, C2, "2026-02");
  g_assert_nonnull (row);
  g_assert_cmpstr (row->customer_name, ==, "Fabrikam H\xc3\xa4ndels GmbH");
  g_assert_cmpint (row->billed, ==, G_GINT64_CONSTANT (13270135200));
}

static void
write_demos (void)
{
  PecanDemoOptions options;
  g_autoptr(GError) error = NULL;

  if (demo_dir != NULL)
    return;
  demo_dir = g_dir_make_tmp ("pecan-import-demo-XXXXXX", &error);
  g_assert_no_error (error);
  demo_eur = g_build_filename (demo_dir, "demo-eur.csv", NULL);
  demo_usd = g_build_filename (demo_dir, "demo-usd.csv", NULL);

  pecan_demo_options_init (&options);
  options.customers = 100;
  options.first_year = 2026;
  options.first_month = 1;
  options.months = 1;
  options.seed = 7;
  g_assert_true (pecan_demo_write (demo_eur, &options, NULL, &error));
  g_assert_no_error (error);

  options.customers = 5;
  options.seed = 11;
  options.currency = "USD";
  g_assert_true (pecan_demo_write (demo_usd, &options, NULL, &error));
  g_assert_no_error (error);
}

typedef struct
{
  GCancellable *cancellable;
  gint          calls;
  guint64       bytes_read;
  guint64       bytes_total;
} CancelData;

static void
cancel_progress_cb (const PecanImportProgress *progress,
                    gpointer                   user_data)
{
  CancelData *data = user_data;

  if (g_atomic_int_add (&data->calls, 1) == 0)
    {
      data->bytes_read = progress->bytes_read;
      data->bytes_total = progress->bytes_total;
    }
  g_cancellable_cancel (data->cancellable);
}

/* Cancelled from its own progress callback, a large import keeps nothing,
 * and the store is usable afterwards. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PecanBatch) first = pecan_test_import_batch (f->store, "daily-small.csv");
  g_autofree char *before = db_snapshot (f);
  g_autofree char *after = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CancelData cancel = { cancellable, 0, 0, 0 };
  g_autoptr(GFile) file = NULL;
  g_autoptr(PecanBatch) batch = NULL;
  g_autoptr(PecanBatch) later = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  write_demos ();
  g_assert_cmpint (g_stat (demo_eur, &st), ==, 0);
  file = g_file_new_for_path (demo_eur);
  batch = pecan_import_file (f->store, file, PECAN_IMPORT_DEFAULT, cancel_progress_cb, &cancel,
                             cancellable, &error);
  g_assert_null (batch);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_atomic_int_get (&cancel.calls), >=, 1);
  g_assert_cmpuint (cancel.bytes_total, ==, st.st_size);
  g_assert_cmpuint (cancel.bytes_read, >, 0);
  g_assert_cmpuint (cancel.bytes_read, <, st.st_size);
  after = db_snapshot (f);
  assert_same (after, before);

  later = pecan_test_import_batch (f->store, "invoice-small.csv");
  g_assert_cmpuint (pecan_batch_get_info (later)->lines, ==, 11);
}

static void
test_cancel_before (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = pecan_test_data_path ("daily-small.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PecanBatch) batch = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  batch = pecan_import_file (f->store, file, PECAN_IMPORT_DEFAULT, NULL, NULL, cancellable,
                             &error);
  g_assert_null (batch);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_lines (f), ==, 0);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count(*) FROM batch"), ==, 0);
}

typedef struct
{
  GMainLoop  *loop;
  GThread    *main_thread;
  PecanBatch *batch;
  GError     *error;
  gint        progress_calls;
  gboolean    in_main_thread;
} AsyncData;

static void
async_progress_cb (const PecanImportProgress *progress,
                   gpointer                   user_data)
{
  AsyncData *data = user_data;

  g_atomic_int_inc (&data->progress_calls);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncData *data = user_data;

  g_assert_null (source);
  data->in_main_thread = g_thread_self () == data->main_thread;
  data->batch = pecan_import_file_finish (result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
run_async (Fixture      *f,
           const char   *name,
           GCancellable *cancellable,
           AsyncData    *data)
{
  g_autofree char *path = pecan_test_data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  data->loop = g_main_loop_new (NULL, FALSE);
  data->main_thread = g_thread_self ();
  pecan_import_file_async (f->db_path, file, PECAN_IMPORT_DEFAULT, async_progress_cb, data,
                           cancellable, import_done_cb, data);
  g_main_loop_run (data->loop);
  g_main_loop_unref (data->loop);
  g_assert_true (data->in_main_thread);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  AsyncData done = { 0 };
  AsyncData failed = { 0 };
  AsyncData cancelled = { 0 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  run_async (f, "daily-small.csv", NULL, &done);
  g_assert_no_error (done.error);
  g_assert_nonnull (done.batch);
  g_assert_cmpint (pecan_batch_get_id (done.batch), >, 0);
  g_assert_cmpuint (pecan_batch_get_info (done.batch)->lines, ==, 24);
  g_assert_cmpint (g_atomic_int_get (&done.progress_calls), >=, 1);
  check_expected (f->store, "daily-small.expected.json");
  g_clear_object (&done.batch);

  run_async (f, "bad-number.csv", NULL, &failed);
  g_assert_null (failed.batch);
  g_assert_error (failed.error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_BAD_VALUE);
  g_clear_error (&failed.error);

  g_cancellable_cancel (cancellable);
  run_async (f, "invoice-small.csv", cancellable, &cancelled);
  g_assert_null (cancelled.batch);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&cancelled.error);

  check_expected (f->store, "daily-small.expected.json");
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count(*) FROM batch"), ==, 1);
}

typedef struct
{
  int          billed_column;
  int          currency_column;
  int          column;
  guint64      rows;
  char        *currency;
  gint64       billed;
  GHashTable  *totals;   /* currency -> gint64[2]: billed, lines */
} DemoSums;

/* Exact, and independent of the importer's parser: the demo writes plain
 * decimals with at most nine places. */
static gint64
decimal_to_nano (const char *text,
                 gsize       len)
{
  gint64 value = 0, scale = PECAN_NANO;
  gboolean negative = len > 0 && text[0] == '-';
  gboolean point = FALSE;

  g_assert_cmpuint (len, >, 0);
  for (gsize i = negative ? 1 : 0; i < len; i++)
    {
      if (text[i] == '.' && !point)
        {
          point = TRUE;
          continue;
        }
      g_assert_true (g_ascii_isdigit (text[i]));
      if (point)
        {
          scale /= 10;
          g_assert_cmpint (scale, >, 0);
          value += (text[i] - '0') * scale;
        }
      else
        value = value * 10 + (text[i] - '0') * PECAN_NANO;
    }
  return negative ? -value : value;
}

static void
sums_field_cb (void   *field,
               size_t  len,
               void   *user_data)
{
  DemoSums *s = user_data;

  if (s->rows == 0)
    {
      if (len == strlen ("BillingPreTaxTotal") && memcmp (field, "BillingPreTaxTotal", len) == 0)
        s->billed_column = s->column;
      if (len == strlen ("BillingCurrency") && memcmp (field, "BillingCurrency", len) == 0)
        s->currency_column = s->column;
    }
  else if (s->column == s->billed_column)
    s->billed = decimal_to_nano (field, len);
  else if (s->column == s->currency_column)
    s->currency = g_strndup (field, len);
  s->column++;
}

static void
sums_row_cb (int   c,
             void *user_data)
{
  DemoSums *s = user_data;
  gint64 *total;

  if (s->rows++ == 0)
    {
      g_assert_cmpint (s->billed_column, >=, 0);
      g_assert_cmpint (s->currency_column, >=, 0);
      s->column = 0;
      return;
    }
  g_assert_nonnull (s->currency);
  total = g_hash_table_lookup (s->totals, s->currency);
  if (total == NULL)
    {
      total = g_new0 (gint64, 2);
      g_hash_table_insert (s->totals, g_strdup (s->currency), total);
    }
  total[0] += s->billed;
  total[1]++;
  g_clear_pointer (&s->currency, g_free);
  s->column = 0;
}

static void
sum_demo (const char *path,
          GHashTable *totals)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);
  DemoSums sums = { -1, -1, 0, 0, NULL, 0, totals };
  struct csv_parser parser;
  gsize len;

  g_assert_no_error (error);
  len = g_mapped_file_get_length (mapped);
  g_assert_cmpint (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI), ==, 0);
  g_assert_cmpuint (csv_parse (&parser, g_mapped_file_get_contents (mapped), len, sums_field_cb,
                               sums_row_cb, &sums), ==, len);
  g_assert_cmpint (csv_fini (&parser, sums_field_cb, sums_row_cb, &sums), ==, 0);
  csv_free (&parser);
  g_assert_cmpuint (sums.rows, >, 1);
}

/* The store's totals equal the file's amounts summed per currency. */
static void
test_demo_totals (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GHashTable) totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(PecanBatch) eur = NULL;
  g_autoptr(PecanBatch) usd = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 *eur_total, *usd_total;

  write_demos ();
  sum_demo (demo_eur, totals);
  sum_demo (demo_usd, totals);
  g_assert_cmpuint (g_hash_table_size (totals), ==, 2);
  eur_total = g_hash_table_lookup (totals, "EUR");
  usd_total = g_hash_table_lookup (totals, "USD");
  g_assert_nonnull (eur_total);
  g_assert_nonnull (usd_total);
  g_assert_cmpint (eur_total[1], >, 40000);

  eur = pecan_test_import_path (f->store, demo_eur, PECAN_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  usd = pecan_test_import_path (f->store, demo_usd, PECAN_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pecan_batch_get_info (eur)->lines, ==, eur_total[1]);
  g_assert_cmpuint (pecan_batch_get_info (eur)->customers, ==, 100);
  g_assert_cmpuint (pecan_batch_get_info (usd)->lines, ==, usd_total[1]);
  g_assert_cmpuint (pecan_batch_get_info (usd)->customers, ==, 5);
  g_assert_cmpuint (pecan_batch_get_info (usd)->replaced, ==, 0);

  rows = pecan_test_summary (f->store, PECAN_GROUP_TOTAL, &pecan_test_period_all, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (rows, i);
      const PecanSummaryInfo *info = pecan_summary_row_get_info (row);
      gint64 *total = g_hash_table_lookup (totals, info->currency);

      g_assert_nonnull (total);
      g_assert_cmpint (info->billed, ==, total[0]);
      g_assert_cmpint (info->lines, ==, total[1]);
      g_assert_cmpint (pecan_nano_round_cents (info->billed), ==,
                       pecan_nano_round_cents (total[0]));
    }
  check_consistent (f);
}

/* Totals are written to the database in batches as lines come: a key that
 * comes back after its total was written is added to it. Here the whole
 * demo comes twice in one file, thousands of keys apart. */
static void
test_keys_come_back (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *path = g_build_filename (f->dir, "twice-over.csv", NULL);
  g_autoptr(GString) twice = NULL;
  g_autoptr(PecanBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  const char *body;
  gsize len;

  write_demos ();
  g_assert_true (g_file_get_contents (demo_eur, &text, &len, NULL));
  body = strchr (text, '\n') + 1;
  twice = g_string_new_len (text, len);
  g_string_append (twice, body);
  g_assert_true (g_file_set_contents (path, twice->str, twice->len, NULL));

  batch = pecan_test_import_path (f->store, path, PECAN_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count(*) FROM daily_total"), >,
                   2 * 4096);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT max (lines % 2) FROM daily_total"),
                   ==, 0);
  check_consistent (f);
}

/* The fixture-free checks of the importer's API. */
static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-file.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanBatch) batch = pecan_test_import_path (f->store, path, PECAN_IMPORT_DEFAULT,
                                                        &error);

  g_assert_null (batch);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count(*) FROM batch"), ==, 0);
}

/* Hostile files must fail at constant memory: a first line of countless
 * columns, or a quoted field that never ends. */
static void
write_and_fail (Fixture    *f,
                const char *name,
                GString    *content,
                int         code)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanBatch) batch = NULL;

  g_assert_true (g_file_set_contents (path, content->str, content->len, NULL));
  batch = pecan_test_import_path (f->store, path, PECAN_IMPORT_SKIP_BAD_ROWS, &error);
  g_assert_null (batch);
  g_assert_error (error, PECAN_IMPORT_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count(*) FROM batch"), ==, 0);
}

/* A NUL byte inside an amount far into a file (a damaged disk, a binary
 * tool) does not cut the amount short: the line is bad, and says so. */
static void
test_nul_in_amount (Fixture       *f,
                    gconstpointer  data)
{
  gsize len = 0;
  g_autofree char *contents = pecan_test_read_data ("daily-small.csv", &len);
  g_autofree char *path = g_build_filename (f->dir, "nul.csv", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanBatch) batch = NULL;
  const char *body = strchr (contents, '\n') + 1;
  char *last;

  /* Past the first 64 KiB, where a NUL says the file is binary. */
  g_string_append_len (text, contents, body - contents);
  while (text->len < 100 * 1024)
    g_string_append (text, body);
  /* The last line's last amount with a decimal point: 0.x -> 0<NUL>x. */
  for (last = text->str + text->len - 2; last > text->str; last--)
    if (*last == '.' && g_ascii_isdigit (last[-1]) && g_ascii_isdigit (last[1]))
      break;
  *last = '\0';
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  batch = pecan_test_import_path (f->store, path, PECAN_IMPORT_DEFAULT, &error);
  g_assert_null (batch);
  g_assert_error (error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_BAD_VALUE);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count(*) FROM batch"), ==, 0);
}

static void
test_wide_header (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GString) content = g_string_new (NULL);

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (content, "column%u,", i);
  g_string_append (content, "last\n1\n");
  write_and_fail (f, "wide.csv", content, PECAN_IMPORT_ERROR_UNKNOWN_LAYOUT);
}

static void
test_endless_field (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GString) content = g_string_new ("CustomerId,UsageDate,BillingPreTaxTotal,"
                                             "BillingCurrency,EntitlementId,MeterCategory,"
                                             "PartnerEarnedCreditPercentage\n\"");

  while (content->len < 20 * 1024 * 1024)
    g_string_append (content, "no closing quote, ");
  write_and_fail (f, "endless.csv", content, PECAN_IMPORT_ERROR_BAD_ROW);
}

static void
test_long_line (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) content = g_string_new ("CustomerId,UsageDate,BillingPreTaxTotal,"
                                             "BillingCurrency,EntitlementId,MeterCategory,"
                                             "PartnerEarnedCreditPercentage\n");
  g_autofree char *field = g_strnfill (12 * 1024 * 1024, 'x');

  /* Each field under the field bound, the line over it. */
  g_string_append_printf (content, "%s,%s,1,EUR,%s,x,15\n", field, field, field);
  write_and_fail (f, "long.csv", content, PECAN_IMPORT_ERROR_BAD_ROW);
}

/* Either import thread may type a line: the bad inputs again, with the
 * reading thread typing every line (the writing one types those of small
 * files). */
static void
test_bad_input_typed_by_reader (Fixture       *f,
                                gconstpointer  data)
{
  g_setenv ("PECAN_IMPORT_TYPING", "reader", TRUE);
  test_bad_input (f, data);
  g_unsetenv ("PECAN_IMPORT_TYPING");
}

static void
test_skip_bad_rows_typed_by_reader (Fixture       *f,
                                    gconstpointer  data)
{
  g_setenv ("PECAN_IMPORT_TYPING", "reader", TRUE);
  test_skip_bad_rows (f, data);
  g_unsetenv ("PECAN_IMPORT_TYPING");
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/variant/%s", variants[i].file);
      pecan_test_add (path, &variants[i], test_variant);
    }
  for (guint i = 0; i < G_N_ELEMENTS (keyed_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/file/%s", keyed_files[i].file);
      pecan_test_add (path, &keyed_files[i], test_keyed_file);
    }
  pecan_test_add ("/import/incidents", NULL, test_incidents);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *bad = g_strdup_printf ("/import/bad/%s", bad_inputs[i].file);
      g_autofree char *skip = g_strdup_printf ("/import/skip/%s", bad_inputs[i].file);
      g_autofree char *bad_reader = g_strdup_printf ("/import/bad-typed-by-reader/%s",
                                                     bad_inputs[i].file);
      g_autofree char *skip_reader = g_strdup_printf ("/import/skip-typed-by-reader/%s",
                                                      bad_inputs[i].file);
      pecan_test_add (bad, &bad_inputs[i], test_bad_input);
      pecan_test_add (skip, &bad_inputs[i], test_skip_bad_rows);
      pecan_test_add (bad_reader, &bad_inputs[i], test_bad_input_typed_by_reader);
      pecan_test_add (skip_reader, &bad_inputs[i], test_skip_bad_rows_typed_by_reader);
    }
  pecan_test_add ("/import/skip/good-then-bad-totals", NULL, test_skip_totals);
  pecan_test_add ("/import/skip/nothing-to-skip", NULL, test_skip_nothing);
  pecan_test_add ("/import/twice", NULL, test_twice);
  pecan_test_add ("/import/twice-locked", NULL, test_twice_locked);
  pecan_test_add ("/import/dry-run", NULL, test_dry_run);
  for (guint i = 0; i < G_N_ELEMENTS (replacements); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/replace/%s", replacements[i].name);
      pecan_test_add (path, &replacements[i], test_replace);
    }
  pecan_test_add ("/import/replace/a-then-a", NULL, test_replace_same);
  pecan_test_add ("/import/replace/billed-month-after", NULL, test_billed_month_after);
  pecan_test_add ("/import/replace/billed-month-before", NULL, test_billed_month_before);
  pecan_test_add ("/import/undo/first", NULL, test_undo_first);
  pecan_test_add ("/import/undo/second", NULL, test_undo_second);
  pecan_test_add ("/import/undo/unknown", NULL, test_undo_unknown);
  pecan_test_add ("/import/cancel/midway", NULL, test_cancel);
  pecan_test_add ("/import/cancel/before", NULL, test_cancel_before);
  pecan_test_add ("/import/async", NULL, test_async);
  pecan_test_add ("/import/demo-totals", NULL, test_demo_totals);
  pecan_test_add ("/import/keys-come-back", NULL, test_keys_come_back);
  pecan_test_add ("/import/missing-file", NULL, test_missing_file);
  pecan_test_add ("/import/identifier-case", NULL, test_identifier_case);
  pecan_test_add ("/import/windows-1252", NULL, test_windows_1252);
  pecan_test_add ("/import/hostile/nul-in-amount", NULL, test_nul_in_amount);
  pecan_test_add ("/import/hostile/wide-header", NULL, test_wide_header);
  pecan_test_add ("/import/hostile/endless-field", NULL, test_endless_field);
  pecan_test_add ("/import/hostile/long-line", NULL, test_long_line);

  result = g_test_run ();

  if (demo_dir != NULL)
    {
      pecan_test_remove_tree (demo_dir);
      g_free (demo_dir);
      g_free (demo_eur);
      g_free (demo_usd);
    }
  return result;
}
