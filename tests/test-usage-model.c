/* test-usage-model.c: tests of the paged model of usage lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "pecan-demo.h"
#include "pecan-parse.h"
#include "pecan-rules.h"
#include "pecan-summary-row.h"
#include "pecan-test-util.h"
#include "pecan-usage-model-private.h"

#define C1 "0f8e2b6a-1c3d-4e5f-8a9b-1a2b3c4d5e6f"
#define C2 "7d41c9e0-52ab-4b8e-9f13-c0ffee2a6b71"
#define E2 "c6a9e3d1-47b2-4e8f-a0d5-3f1b8c72e5a9"

typedef PecanTestFixture Fixture;

/* A demo database of three months, made once: more lines than the model
 * keeps every key of (65,536) over the three, fewer in one month. */
static PecanTestFixture big;

static gint32
day (int year,
     int month,
     int mday)
{
  return pecan_day_from_ymd (year, month, mday);
}

static PecanUsageModel *
model_new (PecanStore             *store,
           const PecanUsageFilter *filter)
{
  g_autoptr(GError) error = NULL;
  PecanUsageModel *model = pecan_usage_model_new (store, filter, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (model);
  return model;
}

static guint
count_lines (PecanStore             *store,
             const PecanUsageFilter *filter)
{
  g_autoptr(PecanUsageModel) model = model_new (store, filter);

  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

/* The lines the summary counts in a period, for one customer or all. */
static gint64
summary_lines (PecanStore        *store,
               const PecanPeriod *period,
               gint64             customer_id)
{
  g_autoptr(GListModel) rows = pecan_test_summary (store, PECAN_GROUP_TOTAL, period, customer_id);
  gint64 lines = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (rows, i);
      lines += pecan_summary_row_get_info (row)->lines;
    }
  return lines;
}

static char *
describe_item (PecanUsageLine *line)
{
  const PecanUsageLineInfo *info = pecan_usage_line_get_info (line);

  return g_strdup_printf ("%d|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT
                          "|%" G_GINT64_FORMAT "|%d|%d|%s|%s|%s|%s|%s",
                          info->day, info->subscription_id, info->batch_id, info->line,
                          info->billed, info->state, info->pec_centi, info->customer_name,
                          info->subscription_azure_id, info->category, info->meter,
                          info->file_name);
}

/* Line @offset of those that @where selects, read with SQL of its own in
 * the order the model promises. */
static char *
describe_sql (const char *db_path,
              const char *where,
              guint       offset)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT l.day || '|' || l.subscription_id || '|' || l.batch_id || '|' || l.line || '|'"
    " || l.billed || '|' || l.state || '|' || l.pec_centi || '|' || c.name || '|' || s.azure_id"
    " || '|' || k.name || '|' || m.name || '|' || b.file_name"
    " FROM usage_line AS l JOIN subscription AS s ON s.id = l.subscription_id"
    " JOIN customer AS c ON c.id = s.customer_id JOIN meter AS m ON m.id = l.meter_id"
    " JOIN category AS k ON k.id = m.category_id JOIN batch AS b ON b.id = l.batch_id"
    " WHERE %s ORDER BY l.day, l.subscription_id, l.batch_id, l.line LIMIT 1 OFFSET %u",
    where, offset);

  return pecan_test_query_text (db_path, sql);
}

static void
check_position (GListModel *model,
                const char *db_path,
                const char *where,
                guint       position)
{
  g_autoptr(PecanUsageLine) line = g_list_model_get_item (model, position);
  g_autofree char *seen = NULL;
  g_autofree char *expected = describe_sql (db_path, where, position);

  g_assert_nonnull (line);
  seen = describe_item (line);
  g_assert_cmpstr (seen, ==, expected);
}

/* Positions at the ends and edges of pages, and some at random. */
static void
check_positions (GListModel *model,
                 const char *db_path,
                 const char *where)
{
  guint n = g_list_model_get_n_items (model);
  guint fixed[] = { 0, 1, 255, 256, 257, 511, 512, n / 2, n - 257, n - 256, n - 2, n - 1 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  g_assert_cmpuint (n, >, 600);
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    check_position (model, db_path, where, fixed[i]);
  for (guint i = 0; i < 24; i++)
    check_position (model, db_path, where, g_rand_int_range (rand, 0, n));
  g_assert_null (g_list_model_get_item (model, n));
}

static void
test_small_lines (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PecanUsageModel) model = NULL;
  PecanUsageFilter filter;
  guint n;

  pecan_test_import_ok (f->store, "daily-small.csv");
  pecan_usage_filter_init (&filter, &pecan_test_period_all);
  model = model_new (f->store, &filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, 24);
  g_assert_cmpint (n, ==, summary_lines (f->store, &pecan_test_period_all, 0));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == PECAN_TYPE_USAGE_LINE);
  for (guint i = 0; i < n; i++)
    check_position (G_LIST_MODEL (model), f->db_path, "1", i);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), G_MAXUINT));
}

static const PecanUsageLineInfo *
find_line (GListModel *model,
           gint64      number)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PecanUsageLine) line = g_list_model_get_item (model, i);

      /* The model's cache keeps the line alive after this unref. */
      if (pecan_usage_line_get_info (line)->line == number)
        return pecan_usage_line_get_info (line);
    }
  g_assert_not_reached ();
}

/* What each column shows, against EXPECTED.md. */
static void
test_small_values (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PecanUsageModel) model = NULL;
  const PecanUsageLineInfo *info;
  PecanUsageFilter filter;

  pecan_test_import_ok (f->store, "daily-small.csv");
  pecan_usage_filter_init (&filter, &pecan_test_period_all);
  model = model_new (f->store, &filter);

  info = find_line (G_LIST_MODEL (model), 2);
  g_assert_cmpint (info->day, ==, day (2026, 1, 8));
  g_assert_cmpstr (info->customer_tenant, ==, C1);
  g_assert_cmpstr (info->customer_name, ==, "Contoso \"Blue\", Ltd.");
  g_assert_cmpstr (info->subscription_name, ==, "Contoso Production");
  g_assert_cmpstr (info->file_name, ==, "daily-small.csv");
  g_assert_cmpstr (info->currency, ==, "USD");
  g_assert_cmpint (info->billed, ==, G_GINT64_CONSTANT (1958400000));
  g_assert_true (info->has_quantity);
  g_assert_false (info->invoice);
  g_assert_cmpint (info->state, ==, PECAN_PEC_EARNED);
  g_assert_cmpint (info->pec_centi, ==, 1500);
  g_assert_cmpfloat_with_epsilon (info->pec_earned, 0.3456, 1e-9);
  g_assert_cmpfloat (info->pec_lost, ==, 0.0);

  info = find_line (G_LIST_MODEL (model), 4);
  g_assert_cmpint (info->state, ==, PECAN_PEC_LOST);
  g_assert_cmpfloat (info->pec_earned, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (info->pec_lost, 0.3456, 1e-9);

  info = find_line (G_LIST_MODEL (model), 6);
  g_assert_cmpint (info->billed, ==, G_GINT64_CONSTANT (309676800));
  g_assert_cmpfloat_with_epsilon (info->pec_lost, 0.04645152, 1e-12);

  info = find_line (G_LIST_MODEL (model), 10);
  g_assert_cmpint (info->billed, ==, 71162);

  info = find_line (G_LIST_MODEL (model), 13);
  g_assert_cmpint (info->state, ==, PECAN_PEC_CREDIT);
  g_assert_cmpfloat (info->pec_lost, ==, 0.0);

  info = find_line (G_LIST_MODEL (model), 11);
  g_assert_cmpint (info->state, ==, PECAN_PEC_INELIGIBLE);
  g_assert_cmpint (info->reason, ==, PECAN_INELIGIBLE_SPOT);

  /* A record over two physical lines is traced to its first. */
  info = find_line (G_LIST_MODEL (model), 25);
  g_assert_cmpint (info->day, ==, day (2026, 2, 11));
  g_assert_cmpstr (info->currency, ==, "USD");

  info = find_line (G_LIST_MODEL (model), 15);
  g_assert_cmpstr (info->customer_tenant, ==, C2);
  g_assert_cmpstr (info->currency, ==, "EUR");
}

static void
test_small_filters (Fixture       *f,
                    gconstpointer  data)
{
  PecanPeriod january = { day (2026, 1, 1), day (2026, 1, 31) };
  PecanUsageFilter filter;
  gint64 c1;

  pecan_test_import_ok (f->store, "daily-small.csv");
  c1 = pecan_query_find_customer (f->store, C1);
  pecan_usage_filter_init (&filter, &january);
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 17);
  g_assert_cmpint (count_lines (f->store, &filter), ==, summary_lines (f->store, &january, 0));

  filter.customer_id = c1;
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 13);
  g_assert_cmpint (count_lines (f->store, &filter), ==, summary_lines (f->store, &january, c1));

  /* Lines 4-7 lost PEC in January, line 21 in February. */
  filter.state = PECAN_PEC_LOST;
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 4);
  filter.customer_id = 0;
  filter.period = pecan_test_period_all;
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 5);
  filter.state = PECAN_PEC_CREDIT;
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 1);
  filter.state = PECAN_PEC_INELIGIBLE;
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 4);
  filter.state = PECAN_PEC_UNKNOWN;
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 0);
  filter.state = PECAN_PEC_EARNED;
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 14);

  /* E2: lines 10-13 in January, 24-26 in February. */
  pecan_usage_filter_init (&filter, &pecan_test_period_all);
  filter.subscription_id = pecan_test_query_int (f->db_path,
                                                 "SELECT id FROM subscription WHERE azure_id = '" E2 "'");
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 6);
  filter.period = january;
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 4);
}

static void
test_small_search (Fixture       *f,
                   gconstpointer  data)
{
  PecanUsageFilter filter;

  pecan_test_import_ok (f->store, "daily-small.csv");
  pecan_usage_filter_init (&filter, &pecan_test_period_all);

  /* Names in any letter case, domains and ids, in part. */
  filter.search = (char *) "fabrikam";
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 7);
  filter.search = (char *) "CONTOSO \"blue\"";
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 17);
  filter.search = (char *) "dev/test";
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 6);
  filter.search = (char *) "7d41c9e0";
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 7);
  filter.search = (char *) "c6a9e3d1-47b2";
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 6);
  /* Wildcards are only characters. */
  filter.search = (char *) "%";
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 0);
  filter.search = (char *) "_";
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 0);
  filter.search = (char *) "no such customer";
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 0);
  filter.search = (char *) "";
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 24);
}

static void
test_small_category (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GListModel) categories = NULL;
  PecanUsageFilter filter;
  guint total = 0;

  pecan_test_import_ok (f->store, "daily-small.csv");
  pecan_usage_filter_init (&filter, &pecan_test_period_all);
  categories = pecan_test_summary (f->store, PECAN_GROUP_CATEGORY, &pecan_test_period_all, 0);
  g_assert_cmpuint (g_list_model_get_n_items (categories), >, 2);
  /* Each category's lines, as the summary counts them; together, all. */
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (categories, i);
      const PecanSummaryInfo *info = pecan_summary_row_get_info (row);
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM usage_line AS l"
                                              " JOIN meter AS m ON m.id = l.meter_id"
                                              " JOIN category AS k ON k.id = m.category_id"
                                              " WHERE k.name = '%s'", info->category);

      filter.category = info->category;
      g_assert_cmpint (count_lines (f->store, &filter), ==, pecan_test_query_int (f->db_path, sql));
      total += info->lines;
    }
  g_assert_cmpuint (total, ==, 24);
  filter.category = (char *) "No such category";
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 0);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(PecanUsageModel) model = NULL;
  PecanPeriod march = { day (2026, 3, 1), day (2026, 3, 31) };
  PecanUsageFilter filter;

  pecan_usage_filter_init (&filter, &pecan_test_period_all);
  model = model_new (f->store, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 0));

  pecan_test_import_ok (f->store, "daily-small.csv");
  filter.period = march;
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 0);
  filter.search = (char *) "contoso";
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 0);
}

/* Invoice lines count only where no daily data exists, as in the figures. */
static void
test_invoice_counted (Fixture       *f,
                      gconstpointer  data)
{
  PecanPeriod january = { day (2026, 1, 1), day (2026, 1, 31) };
  PecanPeriod february = { day (2026, 2, 1), day (2026, 2, 28) };
  PecanUsageFilter filter;

  pecan_test_import_ok (f->store, "invoice-small.csv");
  pecan_usage_filter_init (&filter, &january);
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 11);
  g_assert_cmpint (count_lines (f->store, &filter), ==, summary_lines (f->store, &january, 0));

  pecan_test_import_ok (f->store, "daily-small.csv");
  g_assert_cmpint (count_lines (f->store, &filter), ==, summary_lines (f->store, &january, 0));
  filter.period = february;
  g_assert_cmpint (count_lines (f->store, &filter), ==, summary_lines (f->store, &february, 0));
  filter.period = pecan_test_period_all;
  g_assert_cmpint (count_lines (f->store, &filter),
                   ==, summary_lines (f->store, &january, 0) + summary_lines (f->store, &february, 0));
}

/* The model reads the data as it was when it was made. */
static void
test_snapshot (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PecanUsageModel) model = NULL;
  g_autoptr(GError) error = NULL;
  PecanUsageFilter filter;

  pecan_test_import_ok (f->store, "daily-small.csv");
  pecan_usage_filter_init (&filter, &pecan_test_period_all);
  model = model_new (f->store, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 24);

  /* Undone while the model is open: its pages still read the 24 lines. */
  g_assert_true (pecan_store_undo_batch (f->store, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count (*) FROM usage_line"), ==, 0);
  for (guint i = 0; i < 24; i++)
    {
      g_autoptr(PecanUsageLine) line = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_nonnull (line);
    }
  g_assert_cmpuint (count_lines (f->store, &filter), ==, 0);
}

static void
test_filter_copy (void)
{
  PecanPeriod period = { 10, 20 };
  PecanUsageFilter filter;
  g_autoptr(PecanUsageFilter) copy = NULL;

  pecan_usage_filter_init (&filter, &period);
  g_assert_cmpint (filter.state, ==, PECAN_USAGE_ANY_STATE);
  g_assert_false (pecan_usage_filter_narrows (&filter));
  filter.customer_id = 7;
  g_assert_true (pecan_usage_filter_narrows (&filter));
  filter.customer_id = 0;
  filter.search = g_strdup ("contoso");
  filter.category = g_strdup ("Storage");
  copy = pecan_usage_filter_copy (&filter);
  g_assert_true (pecan_usage_filter_equal (&filter, copy));
  g_assert_true (copy->search != filter.search);
  g_assert_cmpstr (copy->search, ==, "contoso");
  copy->state = PECAN_PEC_LOST;
  g_assert_false (pecan_usage_filter_equal (&filter, copy));
  copy->state = filter.state;
  g_clear_pointer (&copy->search, g_free);
  g_assert_false (pecan_usage_filter_equal (&filter, copy));
  /* No text and empty text search the same. */
  g_free (filter.search);
  filter.search = g_strdup ("");
  g_assert_true (pecan_usage_filter_equal (&filter, copy));
  g_clear_pointer (&filter.category, g_free);
  g_assert_false (pecan_usage_filter_narrows (&filter));
  pecan_usage_filter_clear (&filter);
  g_assert_null (filter.search);
}

/* Made on first use, for the tests that read it. */
static void
ensure_big (void)
{
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  PecanDemoOptions options;

  if (big.store != NULL)
    return;
  pecan_test_fixture_setup (&big, NULL);
  csv = g_build_filename (big.dir, "demo.csv", NULL);
  pecan_demo_options_init (&options);
  options.customers = 45;
  options.first_year = 2025;
  options.first_month = 11;
  options.months = 3;
  options.seed = 11;
  g_assert_true (pecan_demo_write (csv, &options, NULL, &error));
  g_assert_no_error (error);
  g_object_unref (pecan_test_import_path (big.store, csv, PECAN_IMPORT_DEFAULT, &error));
  g_assert_no_error (error);
  g_unlink (csv);
}

/* More lines than every key is kept of: pages read from their first key. */
static void
test_big_pages (void)
{
  g_autoptr(PecanUsageModel) model = NULL;
  PecanUsageFilter filter;
  guint n;

  ensure_big ();

  pecan_usage_filter_init (&filter, &pecan_test_period_all);
  model = model_new (big.store, &filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >, 65536);
  g_assert_cmpint (n, ==, summary_lines (big.store, &pecan_test_period_all, 0));
  check_positions (G_LIST_MODEL (model), big.db_path, "1");
}

/* Fewer lines: every key kept, pages read line by line. */
static void
test_big_month (void)
{
  PecanPeriod month = { day (2025, 12, 1), day (2025, 12, 31) };
  g_autoptr(PecanUsageModel) model = NULL;
  g_autofree char *where = g_strdup_printf ("l.day BETWEEN %d AND %d", month.first, month.last);
  PecanUsageFilter filter;
  guint n;

  ensure_big ();

  pecan_usage_filter_init (&filter, &month);
  model = model_new (big.store, &filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, <, 65536);
  g_assert_cmpint (n, ==, summary_lines (big.store, &month, 0));
  check_positions (G_LIST_MODEL (model), big.db_path, where);
}

/* Filters on both sides of the limit, seeking subscriptions or not. */
static void
test_big_filters (void)
{
  static const struct
  {
    const char *search;
    int         state;
    const char *where;
  } cases[] = {
    { "onmicrosoft", PECAN_USAGE_ANY_STATE, "c.domain LIKE '%onmicrosoft%'" },
    { "onmicrosoft", PECAN_PEC_LOST, "c.domain LIKE '%onmicrosoft%' AND l.state = 1" },
    { NULL, PECAN_PEC_INELIGIBLE, "l.state = 3" },
    { NULL, PECAN_PEC_LOST, "l.state = 1" },
    { "production", PECAN_PEC_EARNED, "s.name LIKE '%production%' AND l.state = 0" },
  };

  ensure_big ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PecanUsageModel) model = NULL;
      g_autofree char *count_sql = g_strdup_printf ("SELECT count (*) FROM usage_line AS l"
                                                    " JOIN subscription AS s ON s.id = l.subscription_id"
                                                    " JOIN customer AS c ON c.id = s.customer_id"
                                                    " WHERE %s", cases[i].where);
      PecanUsageFilter filter;

      pecan_usage_filter_init (&filter, &pecan_test_period_all);
      filter.search = (char *) cases[i].search;
      filter.state = cases[i].state;
      model = model_new (big.store, &filter);
      g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (model)),
                       ==, pecan_test_query_int (big.db_path, count_sql));
      check_positions (G_LIST_MODEL (model), big.db_path, cases[i].where);
    }
}

/* Subsets of many subscriptions are read along the key, not seeked. */
static void
test_big_many_subscriptions (void)
{
  ensure_big ();
  pecan_usage_model_set_seek_max (4);
  test_big_filters ();
  pecan_usage_model_set_seek_max (256);
}

/* Read backwards, a page at a time: every page leaves the cache again. */
static void
test_big_backwards (void)
{
  g_autoptr(PecanUsageModel) model = NULL;
  PecanUsageFilter filter;
  guint n;

  ensure_big ();

  pecan_usage_filter_init (&filter, &pecan_test_period_all);
  model = model_new (big.store, &filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(PecanUsageLine) line = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_nonnull (line);
      if (i % 4099 == 0)
        check_position (G_LIST_MODEL (model), big.db_path, "1", i);
    }
}

static void
test_big_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(PecanUsageModel) model = NULL;
  g_autoptr(GError) error = NULL;
  PecanUsageFilter filter;

  ensure_big ();

  pecan_usage_filter_init (&filter, &pecan_test_period_all);
  g_cancellable_cancel (cancellable);
  model = pecan_usage_model_new (big.store, &filter, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (model);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/usage-model/filter-copy", test_filter_copy);
  pecan_test_add ("/usage-model/small/lines", NULL, test_small_lines);
  pecan_test_add ("/usage-model/small/values", NULL, test_small_values);
  pecan_test_add ("/usage-model/small/filters", NULL, test_small_filters);
  pecan_test_add ("/usage-model/small/search", NULL, test_small_search);
  pecan_test_add ("/usage-model/small/category", NULL, test_small_category);
  pecan_test_add ("/usage-model/empty", NULL, test_empty);
  pecan_test_add ("/usage-model/invoice-counted", NULL, test_invoice_counted);
  pecan_test_add ("/usage-model/snapshot", NULL, test_snapshot);
  g_test_add_func ("/usage-model/big/pages", test_big_pages);
  g_test_add_func ("/usage-model/big/month", test_big_month);
  g_test_add_func ("/usage-model/big/filters", test_big_filters);
  g_test_add_func ("/usage-model/big/many-subscriptions", test_big_many_subscriptions);
  g_test_add_func ("/usage-model/big/backwards", test_big_backwards);
  g_test_add_func ("/usage-model/big/cancel", test_big_cancel);

  status = g_test_run ();
  if (big.store != NULL)
    pecan_test_fixture_teardown (&big, NULL);
  return status;
}
