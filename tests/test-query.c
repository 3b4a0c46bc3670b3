/* test-query.c: tests of periods, summaries, previous periods and history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pecan-batch.h"
#include "pecan-error.h"
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
#define E3 "e8d24f71-9c3b-4a06-b1e7-52f8a0c3d6b4"
#define PARTNER "5c3e9a12-7b44-4d0f-9e21-8a6b2c4d1f03"

typedef PecanTestFixture Fixture;

/* daily-small.csv's figures per currency (EXPECTED.md). */
typedef struct
{
  const char *currency;
  gint64      lines;
  gint64      billed;
  gint64      eligible;
  double      earned;
  double      lost;
} Totals;

static const Totals daily_usd = {
  "USD", 17, G_GINT64_CONSTANT (24661314202), G_GINT64_CONSTANT (16710114202),
  1.615400718, 0.92125152
};
static const Totals daily_eur = {
  "EUR", 7, G_GINT64_CONSTANT (26678739600), G_GINT64_CONSTANT (24018099600),
  4.2031764, 0.030015
};

static gint32
day (int year,
     int month,
     int mday)
{
  return pecan_day_from_ymd (year, month, mday);
}

/* The row of a customer (NULL: any) and month (0: any) in a currency. */
static const PecanSummaryInfo *
find_row (GListModel *rows,
          const char *customer,
          int         month,
          const char *currency)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (rows, i);
      const PecanSummaryInfo *info = pecan_summary_row_get_info (row);

      if ((customer == NULL || g_strcmp0 (info->customer_tenant, customer) == 0)
          && (month == 0 || info->month == month) && g_str_equal (info->currency, currency))
        return info;
    }
  return NULL;
}

static void
test_group_names (void)
{
  PecanGroupBy by = PECAN_GROUP_PARTNER;

  for (PecanGroupBy g = PECAN_GROUP_TOTAL; g <= PECAN_GROUP_PARTNER; g++)
    {
      g_assert_true (pecan_group_by_from_string (pecan_group_by_to_string (g), &by));
      g_assert_cmpint (by, ==, g);
    }
  g_assert_cmpstr (pecan_group_by_to_string (PECAN_GROUP_CUSTOMER_MONTH), ==, "customer-month");
  g_assert_false (pecan_group_by_from_string ("customers", &by));
  g_assert_false (pecan_group_by_from_string ("", &by));
  g_assert_false (pecan_group_by_from_string (NULL, &by));
}

/* Sums a grouping's rows of one currency. */
static void
sum_rows (GListModel *rows,
          const char *currency,
          Totals     *sum)
{
  memset (sum, 0, sizeof *sum);
  sum->currency = currency;
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (rows, i);
      const PecanSummaryInfo *info = pecan_summary_row_get_info (row);

      g_assert_true (g_str_equal (info->currency, "USD") || g_str_equal (info->currency, "EUR"));
      if (!g_str_equal (info->currency, currency))
        continue;
      sum->lines += info->lines;
      sum->billed += info->billed;
      sum->eligible += info->eligible;
      sum->earned += info->pec_earned;
      sum->lost += info->pec_lost;
      g_assert_cmpint (info->unknown, ==, 0);
    }
}

static void
check_totals (GListModel   *rows,
              const Totals *expected)
{
  Totals sum;

  sum_rows (rows, expected->currency, &sum);
  g_assert_cmpint (sum.lines, ==, expected->lines);
  g_assert_cmpint (sum.billed, ==, expected->billed);
  g_assert_cmpint (sum.eligible, ==, expected->eligible);
  g_assert_cmpfloat_with_epsilon (sum.earned, expected->earned, 1e-6);
  g_assert_cmpfloat_with_epsilon (sum.lost, expected->lost, 1e-6);
}

/* Every grouping adds up to the same totals, currency by currency. */
static void
test_groupings (Fixture       *f,
                gconstpointer  data)
{
  static const guint n_rows[] = {
    [PECAN_GROUP_TOTAL] = 2,
    [PECAN_GROUP_CUSTOMER_MONTH] = 4,
    [PECAN_GROUP_CUSTOMER] = 2,
    [PECAN_GROUP_MONTH] = 4,
    [PECAN_GROUP_SUBSCRIPTION] = 3,
    [PECAN_GROUP_CATEGORY] = 8,
    [PECAN_GROUP_DAY] = 15,
    [PECAN_GROUP_PARTNER] = 2,
  };

  pecan_test_import_ok (f->store, "daily-small.csv");
  for (PecanGroupBy by = PECAN_GROUP_TOTAL; by <= PECAN_GROUP_PARTNER; by++)
    {
      g_autoptr(GListModel) rows = pecan_test_summary (f->store, by, &pecan_test_period_all, 0);

      g_test_message ("grouping by %s", pecan_group_by_to_string (by));
      g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows[by]);
      check_totals (rows, &daily_usd);
      check_totals (rows, &daily_eur);
    }
}

static void
test_grouping_keys (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GListModel) subs = NULL;
  g_autoptr(GListModel) categories = NULL;
  g_autoptr(GListModel) days = NULL;
  g_autoptr(GListModel) partners = NULL;
  g_autoptr(GListModel) months = NULL;
  gboolean seen[3] = { FALSE, FALSE, FALSE };

  pecan_test_import_ok (f->store, "daily-small.csv");
  subs = pecan_test_summary (f->store, PECAN_GROUP_SUBSCRIPTION, &pecan_test_period_all, 0);
  for (guint i = 0; i < g_list_model_get_n_items (subs); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (subs, i);
      const PecanSummaryInfo *info = pecan_summary_row_get_info (row);
      guint k = g_str_equal (info->subscription_azure_id, E1) ? 0
                : g_str_equal (info->subscription_azure_id, E2) ? 1 : 2;
      static const gint64 billed[] = {
        G_GINT64_CONSTANT (15725903040), G_GINT64_CONSTANT (8935411162),
        G_GINT64_CONSTANT (26678739600)
      };
      static const gint64 lines[] = { 11, 6, 7 };

      if (k == 2)
        g_assert_cmpstr (info->subscription_azure_id, ==, E3);
      g_assert_false (seen[k]);
      seen[k] = TRUE;
      g_assert_cmpint (info->billed, ==, billed[k]);
      g_assert_cmpint (info->lines, ==, lines[k]);
      g_assert_cmpint (info->subscription_id, >, 0);
      g_assert_cmpstr (info->customer_tenant, ==, k == 2 ? C2 : C1);
    }

  categories = pecan_test_summary (f->store, PECAN_GROUP_CATEGORY, &pecan_test_period_all, 0);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (categories, i);
      const PecanSummaryInfo *info = pecan_summary_row_get_info (row);

      if (g_str_equal (info->category, "Virtual Machines") && g_str_equal (info->currency, "USD"))
        {
          g_assert_cmpint (info->billed, ==, G_GINT64_CONSTANT (20924640000));
          g_assert_cmpint (info->lines, ==, 10);
        }
      if (g_str_equal (info->category, "SQL Database"))
        {
          g_assert_cmpstr (info->currency, ==, "EUR");
          g_assert_cmpint (info->billed, ==, G_GINT64_CONSTANT (13608207600));
        }
    }

  days = pecan_test_summary (f->store, PECAN_GROUP_DAY, &pecan_test_period_all, 0);
  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (days, i);
      const PecanSummaryInfo *info = pecan_summary_row_get_info (row);

      g_assert_cmpint (info->day, !=, G_MININT32);
      if (info->day == day (2026, 1, 11))
        {
          g_assert_cmpint (info->billed, ==, G_GINT64_CONSTANT (2613676800));
          g_assert_cmpint (info->lines, ==, 2);
          g_assert_cmpint (info->month, ==, 202601);
        }
    }

  partners = pecan_test_summary (f->store, PECAN_GROUP_PARTNER, &pecan_test_period_all, 0);
  g_assert_cmpstr (find_row (partners, NULL, 0, "USD")->partner_tenant, ==, PARTNER);
  g_assert_cmpstr (find_row (partners, NULL, 0, "EUR")->partner_name, ==,
                   "Northwind Cloud Partners");

  months = pecan_test_summary (f->store, PECAN_GROUP_MONTH, &pecan_test_period_all, 0);
  g_assert_cmpint (find_row (months, NULL, 202602, "EUR")->billed, ==,
                   G_GINT64_CONSTANT (13270135200));
  g_assert_false (find_row (months, NULL, 202602, "EUR")->has_previous);
}

/* A range of days inside a month reads the daily rollup: only those days. */
static void
test_day_range (Fixture       *f,
                gconstpointer  data)
{
  PecanPeriod incident = { day (2026, 1, 10), day (2026, 1, 12) };
  PecanPeriod turn = { day (2026, 1, 31), day (2026, 2, 1) };
  g_autoptr(GListModel) customers = NULL;
  g_autoptr(GListModel) months = NULL;
  g_autoptr(GListModel) total = NULL;
  g_autoptr(GListModel) categories = NULL;
  const PecanSummaryInfo *row;

  pecan_test_import_ok (f->store, "daily-small.csv");
  customers = pecan_test_summary (f->store, PECAN_GROUP_CUSTOMER, &incident, 0);
  g_assert_cmpuint (g_list_model_get_n_items (customers), ==, 1);
  row = find_row (customers, C1, 0, "USD");
  g_assert_nonnull (row);
  g_assert_cmpint (row->lines, ==, 4);
  g_assert_cmpint (row->billed, ==, G_GINT64_CONSTANT (6141676800));
  g_assert_cmpint (row->eligible, ==, G_GINT64_CONSTANT (6141676800));
  g_assert_cmpfloat (row->pec_earned, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (row->pec_lost, 0.92125152, 1e-6);

  months = pecan_test_summary (f->store, PECAN_GROUP_CUSTOMER_MONTH, &turn, 0);
  g_assert_cmpuint (g_list_model_get_n_items (months), ==, 2);
  row = find_row (months, C1, 202601, "USD");
  g_assert_cmpint (row->lines, ==, 1);
  g_assert_cmpint (row->billed, ==, G_GINT64_CONSTANT (1500000000));
  g_assert_cmpint (row->eligible, ==, 0);
  row = find_row (months, C1, 202602, "USD");
  g_assert_cmpint (row->lines, ==, 2);
  g_assert_cmpint (row->billed, ==, G_GINT64_CONSTANT (2249826240));
  g_assert_cmpfloat_with_epsilon (row->pec_earned, 0.39702816, 1e-6);

  /* Meter categories over part of a month. */
  categories = pecan_test_summary (f->store, PECAN_GROUP_CATEGORY, &incident, 0);
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PecanSummaryRow) item = g_list_model_get_item (categories, i);
      const PecanSummaryInfo *info = pecan_summary_row_get_info (item);
      gboolean vm = g_str_equal (info->category, "Virtual Machines");

      if (!vm)
        g_assert_cmpstr (info->category, ==, "Storage");
      g_assert_cmpstr (info->currency, ==, "USD");
      g_assert_cmpint (info->lines, ==, vm ? 3 : 1);
      g_assert_cmpint (info->billed, ==, vm ? G_GINT64_CONSTANT (5832000000)
                                            : G_GINT64_CONSTANT (309676800));
      g_assert_cmpfloat_with_epsilon (info->pec_lost, vm ? 0.8748 : 0.04645152, 1e-6);
    }

  total = pecan_test_summary (f->store, PECAN_GROUP_TOTAL, &turn, 0);
  g_assert_cmpuint (g_list_model_get_n_items (total), ==, 1);
  g_assert_cmpint (find_row (total, NULL, 0, "USD")->billed, ==, G_GINT64_CONSTANT (3749826240));
}

static void
test_customer_filter (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GListModel) total = NULL;
  gint64 c2;

  pecan_test_import_ok (f->store, "daily-small.csv");
  c2 = pecan_query_find_customer (f->store, C2);
  g_assert_cmpint (c2, >, 0);
  g_assert_cmpint (pecan_query_find_customer (f->store, "7D41C9E0-52AB-4B8E-9F13-C0FFEE2A6B71"),
                   ==, c2);
  g_assert_cmpint (pecan_query_find_customer (f->store, C1), !=, c2);
  g_assert_cmpint (pecan_query_find_customer (f->store, "no-such-tenant"), ==, 0);

  rows = pecan_test_summary (f->store, PECAN_GROUP_CUSTOMER_MONTH, &pecan_test_period_all, c2);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  g_assert_null (find_row (rows, NULL, 0, "USD"));
  total = pecan_test_summary (f->store, PECAN_GROUP_TOTAL, &pecan_test_period_all, c2);
  g_assert_cmpuint (g_list_model_get_n_items (total), ==, 1);
  check_totals (total, &daily_eur);
}

/* By customer over February: January's figures come with each row. */
static void
test_previous (Fixture       *f,
               gconstpointer  data)
{
  PecanPeriod february, days = { day (2026, 2, 1), day (2026, 2, 11) };
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GListModel) by_days = NULL;
  g_autoptr(GListModel) open = NULL;
  g_autoptr(GListModel) total = NULL;
  const PecanSummaryInfo *row;

  pecan_test_import_ok (f->store, "daily-small.csv");
  g_assert_true (pecan_period_parse ("2026-02", &february));
  rows = pecan_test_summary (f->store, PECAN_GROUP_CUSTOMER, &february, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);

  row = find_row (rows, C1, 0, "USD");
  g_assert_cmpint (row->billed, ==, G_GINT64_CONSTANT (3319466240));
  g_assert_true (row->has_previous);
  g_assert_cmpint (row->previous_billed, ==, G_GINT64_CONSTANT (21341847962));
  g_assert_cmpint (row->previous_eligible, ==, G_GINT64_CONSTANT (13390647962));
  g_assert_cmpfloat_with_epsilon (row->previous_earned, 1.029612558, 1e-6);
  g_assert_cmpfloat_with_epsilon (row->previous_lost, 0.92125152, 1e-6);

  row = find_row (rows, C2, 0, "EUR");
  g_assert_cmpint (row->billed, ==, G_GINT64_CONSTANT (13270135200));
  g_assert_true (row->has_previous);
  g_assert_cmpint (row->previous_billed, ==, G_GINT64_CONSTANT (13408604400));
  g_assert_cmpint (row->previous_eligible, ==, G_GINT64_CONSTANT (10747964400));
  g_assert_cmpfloat_with_epsilon (row->previous_earned, 1.8966996, 1e-6);
  g_assert_cmpfloat (row->previous_lost, ==, 0.0);

  total = pecan_test_summary (f->store, PECAN_GROUP_TOTAL, &february, 0);
  g_assert_cmpint (find_row (total, NULL, 0, "USD")->previous_billed, ==,
                   G_GINT64_CONSTANT (21341847962));

  /* 11 days: the 11 days before, 01/21 .. 01/31, hold one Marketplace line. */
  by_days = pecan_test_summary (f->store, PECAN_GROUP_CUSTOMER, &days, 0);
  row = find_row (by_days, C1, 0, "USD");
  g_assert_true (row->has_previous);
  g_assert_cmpint (row->previous_billed, ==, G_GINT64_CONSTANT (1500000000));
  g_assert_cmpint (row->previous_eligible, ==, 0);
  g_assert_cmpfloat (row->previous_earned, ==, 0.0);
  row = find_row (by_days, C2, 0, "EUR");
  g_assert_true (row->has_previous);
  g_assert_cmpint (row->previous_billed, ==, 0);

  open = pecan_test_summary (f->store, PECAN_GROUP_CUSTOMER, &pecan_test_period_all, 0);
  g_assert_false (find_row (open, C1, 0, "USD")->has_previous);
  g_assert_cmpint (find_row (open, C1, 0, "USD")->previous_billed, ==, 0);
}

static void
check_daily_small_months (Fixture *f)
{
  g_autoptr(GListModel) rows = pecan_test_summary (f->store, PECAN_GROUP_CUSTOMER_MONTH,
                                                   &pecan_test_period_all, 0);
  g_autoptr(GListModel) total = pecan_test_summary (f->store, PECAN_GROUP_TOTAL,
                                                    &pecan_test_period_all, 0);
  const PecanSummaryInfo *row;

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  row = find_row (rows, C1, 202601, "USD");
  g_assert_cmpint (row->lines, ==, 13);
  g_assert_cmpint (row->billed, ==, G_GINT64_CONSTANT (21341847962));
  g_assert_cmpfloat_with_epsilon (row->pec_earned, 1.029612558, 1e-6);
  g_assert_cmpfloat_with_epsilon (row->pec_lost, 0.92125152, 1e-6);
  row = find_row (rows, C2, 202601, "EUR");
  g_assert_cmpint (row->lines, ==, 4);
  g_assert_cmpint (row->billed, ==, G_GINT64_CONSTANT (13408604400));
  g_assert_cmpfloat_with_epsilon (row->pec_earned, 1.8966996, 1e-6);
  g_assert_cmpfloat (row->pec_lost, ==, 0.0);
  check_totals (total, &daily_usd);
  check_totals (total, &daily_eur);
}

/* Invoice lines of a customer's month with daily data do not count again. */
static void
test_invoice_after_daily (Fixture       *f,
                          gconstpointer  data)
{
  pecan_test_import_ok (f->store, "daily-small.csv");
  pecan_test_import_ok (f->store, "invoice-small.csv");
  check_daily_small_months (f);
}

static void
test_invoice_before_daily (Fixture       *f,
                           gconstpointer  data)
{
  pecan_test_import_ok (f->store, "invoice-small.csv");
  pecan_test_import_ok (f->store, "daily-small.csv");
  check_daily_small_months (f);
}

/* Daily data for C1 only: C2's month comes from the invoice. */
static void
test_invoice_fills_in (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GListModel) total = NULL;
  const PecanSummaryInfo *row;

  pecan_test_import_ok (f->store, "daily-replace-a.csv");
  pecan_test_import_ok (f->store, "invoice-small.csv");
  rows = pecan_test_summary (f->store, PECAN_GROUP_CUSTOMER_MONTH, &pecan_test_period_all, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);

  row = find_row (rows, C1, 202601, "USD");
  g_assert_cmpint (row->lines, ==, 9);
  g_assert_cmpint (row->billed, ==, G_GINT64_CONSTANT (10596325280));
  g_assert_cmpfloat_with_epsilon (row->pec_earned, 1.46335152, 1e-6);
  g_assert_cmpfloat_with_epsilon (row->pec_lost, 0.3456, 1e-6);

  row = find_row (rows, C2, 202601, "EUR");
  g_assert_cmpint (row->lines, ==, 5);
  g_assert_cmpint (row->billed, ==, G_GINT64_CONSTANT (323070000000));
  g_assert_cmpfloat_with_epsilon (row->pec_earned, 39.462352941, 1e-6);
  g_assert_cmpfloat_with_epsilon (row->pec_lost, 0.483, 1e-6);

  total = pecan_test_summary (f->store, PECAN_GROUP_TOTAL, &pecan_test_period_all, 0);
  g_assert_cmpuint (g_list_model_get_n_items (total), ==, 2);
  g_assert_cmpint (find_row (total, NULL, 0, "USD")->billed, ==, G_GINT64_CONSTANT (10596325280));
  g_assert_cmpint (find_row (total, NULL, 0, "EUR")->billed, ==, G_GINT64_CONSTANT (323070000000));
}

static GListModel *
trailing (Fixture *f,
          int      last_month)
{
  g_autoptr(GError) error = NULL;
  GListModel *rows = pecan_query_trailing_billed (f->store, last_month, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static void
test_trailing_billed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GListModel) empty = trailing (f, 0);
  g_autoptr(GListModel) latest = NULL;
  g_autoptr(GListModel) january = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) later = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (empty), ==, 0);
  pecan_test_import_ok (f->store, "daily-small.csv");

  latest = trailing (f, 0);
  g_assert_cmpuint (g_list_model_get_n_items (latest), ==, 2);
  check_totals (latest, &daily_usd);
  check_totals (latest, &daily_eur);
  g_assert_cmpstr (find_row (latest, NULL, 0, "USD")->partner_tenant, ==, PARTNER);

  january = trailing (f, 202601);
  g_assert_cmpint (find_row (january, NULL, 0, "USD")->billed, ==,
                   G_GINT64_CONSTANT (21341847962));
  g_assert_cmpint (find_row (january, NULL, 0, "EUR")->billed, ==,
                   G_GINT64_CONSTANT (13408604400));

  before = trailing (f, 202512);
  g_assert_cmpuint (g_list_model_get_n_items (before), ==, 0);

  /* February 2026 to January 2027: February only. */
  later = trailing (f, 202701);
  g_assert_cmpuint (g_list_model_get_n_items (later), ==, 2);
  g_assert_cmpint (find_row (later, NULL, 0, "USD")->billed, ==, G_GINT64_CONSTANT (3319466240));
  g_assert_cmpint (find_row (later, NULL, 0, "EUR")->billed, ==, G_GINT64_CONSTANT (13270135200));
}

static void
test_data_range (Fixture       *f,
                 gconstpointer  data)
{
  PecanPeriod range = { 1, 2 };
  g_autoptr(GError) error = NULL;

  g_assert_false (pecan_query_data_range (f->store, &range, &error));
  g_assert_no_error (error);
  pecan_test_import_ok (f->store, "daily-small.csv");
  g_assert_true (pecan_query_data_range (f->store, &range, &error));
  g_assert_no_error (error);
  g_assert_cmpint (range.first, ==, day (2026, 1, 5));
  g_assert_cmpint (range.last, ==, day (2026, 2, 11));
}

static void
test_batches (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) none = pecan_query_batches (f->store, &error);
  g_autoptr(GListModel) batches = NULL;
  g_autoptr(PecanBatch) newest = NULL;
  g_autoptr(PecanBatch) oldest = NULL;
  const PecanBatchInfo *info;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  pecan_test_import_ok (f->store, "invoice-small.csv");
  pecan_test_import_ok (f->store, "cost-nopec.csv");
  batches = pecan_query_batches (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (batches), ==, 2);
  newest = g_list_model_get_item (batches, 0);
  oldest = g_list_model_get_item (batches, 1);
  g_assert_cmpint (pecan_batch_get_id (newest), >, pecan_batch_get_id (oldest));

  info = pecan_batch_get_info (newest);
  g_assert_cmpstr (info->file_name, ==, "cost-nopec.csv");
  g_assert_cmpint (info->layout, ==, PECAN_LAYOUT_COST_EXPORT);
  g_assert_false (info->pec_known);
  g_assert_cmpuint (info->lines, ==, 5);
  g_assert_cmpint (info->first_day, ==, day (2026, 1, 8));
  g_assert_cmpint (info->last_day, ==, day (2026, 2, 1));

  info = pecan_batch_get_info (oldest);
  g_assert_cmpstr (info->file_name, ==, "invoice-small.csv");
  g_assert_cmpint (info->layout, ==, PECAN_LAYOUT_INVOICE);
  g_assert_true (info->pec_known);
  g_assert_cmpuint (info->lines, ==, 11);
  g_assert_cmpint (info->first_day, ==, day (2026, 1, 1));
  g_assert_cmpint (info->last_day, ==, day (2026, 1, 1));
  g_assert_cmpuint (strlen (info->sha256), ==, 64);
  g_assert_cmpint (info->delimiter, ==, ',');
  g_assert_true (g_str_has_suffix (info->imported_at, "Z"));
  /* The history keeps what the import measured, not placeholders. */
  g_assert_cmpuint (info->customers, ==, pecan_test_query_int (f->db_path,
                      "SELECT count(DISTINCT s.customer_id) FROM usage_line u"
                      " JOIN subscription s ON s.id = u.subscription_id"
                      " WHERE u.batch_id = (SELECT min(id) FROM batch)"));
  g_assert_cmpuint (info->customers, >, 0);
  g_assert_cmpfloat (info->seconds, >, 0.0);
}

/* The one incident of @period (daily-small.csv has one: E1, 01/10-01/12). */
static PecanIncident *
only_incident (PecanStore        *store,
               const PecanPeriod *period)
{
  g_autoptr(GListModel) incidents = pecan_test_incidents (store, period);

  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, 1);
  return g_list_model_get_item (incidents, 0);
}

static gint64
subscription_id (Fixture    *f,
                 const char *azure_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM subscription WHERE azure_id = '%s'",
                                          azure_id);
  gint64 id = pecan_test_query_int (f->db_path, sql);

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
set_note (Fixture    *f,
          gint64      subscription,
          gint32      first_day,
          gboolean    handled,
          const char *note)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pecan_store_set_incident_note (f->store, subscription, first_day, handled, note,
                                                &error));
  g_assert_no_error (error);
}

/* What an incident knows of its customer and partner, for the Lost PEC
 * page's "Open customer" and partner ID command. */
static void
test_incident_ids (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PecanIncident) incident = NULL;
  const PecanIncidentInfo *info;

  pecan_test_import_ok (f->store, "daily-small.csv");
  incident = only_incident (f->store, &pecan_test_period_all);
  info = pecan_incident_get_info (incident);
  g_assert_cmpint (info->customer_id, ==, pecan_query_find_customer (f->store, C1));
  g_assert_cmpint (info->subscription_id, ==, subscription_id (f, E1));
  g_assert_cmpstr (info->customer_tenant, ==, C1);
  g_assert_cmpstr (info->partner_mpn_id, ==, "6081234");
  g_assert_false (info->handled);
  g_assert_cmpstr (info->note, ==, "");
}

static void
test_incident_customer_filter (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GListModel) c1 = NULL;
  g_autoptr(GListModel) c2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanIncident) incident = NULL;

  pecan_test_import_ok (f->store, "daily-small.csv");
  c1 = pecan_query_incidents (f->store, &pecan_test_period_all,
                              pecan_query_find_customer (f->store, C1), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (c1), ==, 1);
  incident = g_list_model_get_item (c1, 0);
  g_assert_cmpstr (pecan_incident_get_info (incident)->subscription_azure_id, ==, E1);
  g_assert_cmpint (pecan_incident_get_info (incident)->days, ==, 3);

  c2 = pecan_query_incidents (f->store, &pecan_test_period_all,
                              pecan_query_find_customer (f->store, C2), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (c2), ==, 0);
}

/* The handled flag and the note come back with the incident; writing
 * again replaces them. */
static void
test_incident_note (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PecanIncident) before = NULL;
  g_autoptr(PecanIncident) marked = NULL;
  g_autoptr(PecanIncident) cleared = NULL;
  const PecanIncidentInfo *info;

  pecan_test_import_ok (f->store, "daily-small.csv");
  before = only_incident (f->store, &pecan_test_period_all);
  info = pecan_incident_get_info (before);
  set_note (f, info->subscription_id, info->first_day, TRUE,
            "Customer removed AOBO on 9 Jan; asked “Blue” IT to restore Owner.");

  marked = only_incident (f->store, &pecan_test_period_all);
  g_assert_true (pecan_incident_get_info (marked)->handled);
  g_assert_cmpstr (pecan_incident_get_info (marked)->note, ==,
                   "Customer removed AOBO on 9 Jan; asked “Blue” IT to restore Owner.");
  /* Figures are untouched. */
  g_assert_cmpfloat_with_epsilon (pecan_incident_get_info (marked)->pec_lost, 0.92125152, 1e-6);

  set_note (f, info->subscription_id, info->first_day, FALSE, NULL);
  cleared = only_incident (f->store, &pecan_test_period_all);
  g_assert_false (pecan_incident_get_info (cleared)->handled);
  g_assert_cmpstr (pecan_incident_get_info (cleared)->note, ==, "");
  g_assert_cmpint (pecan_test_query_int (f->db_path, "SELECT count(*) FROM incident_state"), ==, 1);
}

/* A note belongs to its subscription's run: not to another subscription
 * on the same day, not to an earlier run of the same subscription. */
static void
test_incident_note_no_leak (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PecanIncident) incident = NULL;

  pecan_test_import_ok (f->store, "daily-small.csv");
  set_note (f, subscription_id (f, E2), day (2026, 1, 10), TRUE, "E2, same day");
  set_note (f, subscription_id (f, E3), day (2026, 1, 10), TRUE, "E3, same day");
  /* E1 earned PEC on 01/08 and 01/09: a state of 01/08 is another run. */
  set_note (f, subscription_id (f, E1), day (2026, 1, 8), TRUE, "E1, before PEC resumed");
  /* After the incident's last day: a later run, if any. */
  set_note (f, subscription_id (f, E1), day (2026, 1, 13), TRUE, "E1, after");

  incident = only_incident (f->store, &pecan_test_period_all);
  g_assert_false (pecan_incident_get_info (incident)->handled);
  g_assert_cmpstr (pecan_incident_get_info (incident)->note, ==, "");
}

/* The state follows the run when the period shows only part of it, and
 * the newest state written within the run wins. */
static void
test_incident_note_follows_run (Fixture       *f,
                                gconstpointer  data)
{
  PecanPeriod tail = { day (2026, 1, 11), day (2026, 1, 31) };
  PecanPeriod head = { day (2026, 1, 1), day (2026, 1, 10) };
  g_autoptr(PecanIncident) seen_tail = NULL;
  g_autoptr(PecanIncident) seen_head = NULL;
  g_autoptr(PecanIncident) seen_all = NULL;
  gint64 e1;

  pecan_test_import_ok (f->store, "daily-small.csv");
  e1 = subscription_id (f, E1);
  set_note (f, e1, day (2026, 1, 10), TRUE, "whole run");

  /* The run seen from 01/11: it began before the period, with no PEC
   * earned in between. */
  seen_tail = only_incident (f->store, &tail);
  g_assert_cmpint (pecan_incident_get_info (seen_tail)->first_day, ==, day (2026, 1, 11));
  g_assert_cmpstr (pecan_incident_get_info (seen_tail)->note, ==, "whole run");
  g_assert_true (pecan_incident_get_info (seen_tail)->handled);

  /* Written from that view, it is the newest everywhere. */
  set_note (f, e1, day (2026, 1, 11), FALSE, "seen from the 11th");
  seen_head = only_incident (f->store, &head);
  g_assert_cmpint (pecan_incident_get_info (seen_head)->last_day, ==, day (2026, 1, 10));
  g_assert_cmpstr (pecan_incident_get_info (seen_head)->note, ==, "whole run");
  seen_all = only_incident (f->store, &pecan_test_period_all);
  g_assert_cmpstr (pecan_incident_get_info (seen_all)->note, ==, "seen from the 11th");
  g_assert_false (pecan_incident_get_info (seen_all)->handled);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

/* The object a list shows follows a saved state, and says so once. */
static void
test_incident_set_state (void)
{
  PecanIncidentInfo info = { .subscription_id = 1, .customer_tenant = (char *) C1,
                             .subscription_azure_id = (char *) E1, .currency = (char *) "USD" };
  g_autoptr(PecanIncident) incident = pecan_incident_new (&info);
  guint handled = 0, note = 0;

  g_assert_cmpstr (pecan_incident_get_info (incident)->note, ==, "");
  g_assert_cmpstr (pecan_incident_get_info (incident)->partner_mpn_id, ==, "");
  g_signal_connect (incident, "notify::handled", G_CALLBACK (count_notify), &handled);
  g_signal_connect (incident, "notify::note", G_CALLBACK (count_notify), &note);
  pecan_incident_set_state (incident, TRUE, "asked");
  pecan_incident_set_state (incident, TRUE, "asked");
  g_assert_cmpuint (handled, ==, 1);
  g_assert_cmpuint (note, ==, 1);
  g_assert_true (pecan_incident_get_info (incident)->handled);
  g_assert_cmpstr (pecan_incident_get_info (incident)->note, ==, "asked");
  pecan_incident_set_state (incident, FALSE, NULL);
  g_assert_cmpuint (handled, ==, 2);
  g_assert_cmpstr (pecan_incident_get_info (incident)->note, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/query/group-names", test_group_names);
  pecan_test_add ("/query/summary/groupings", NULL, test_groupings);
  pecan_test_add ("/query/summary/grouping-keys", NULL, test_grouping_keys);
  pecan_test_add ("/query/summary/day-range", NULL, test_day_range);
  pecan_test_add ("/query/summary/customer-filter", NULL, test_customer_filter);
  pecan_test_add ("/query/summary/previous", NULL, test_previous);
  pecan_test_add ("/query/invoice/after-daily", NULL, test_invoice_after_daily);
  pecan_test_add ("/query/invoice/before-daily", NULL, test_invoice_before_daily);
  pecan_test_add ("/query/invoice/fills-in", NULL, test_invoice_fills_in);
  pecan_test_add ("/query/trailing-billed", NULL, test_trailing_billed);
  pecan_test_add ("/query/data-range", NULL, test_data_range);
  pecan_test_add ("/query/batches", NULL, test_batches);
  g_test_add_func ("/query/incidents/set-state", test_incident_set_state);
  pecan_test_add ("/query/incidents/ids", NULL, test_incident_ids);
  pecan_test_add ("/query/incidents/customer-filter", NULL, test_incident_customer_filter);
  pecan_test_add ("/query/incidents/note", NULL, test_incident_note);
  pecan_test_add ("/query/incidents/note-no-leak", NULL, test_incident_note_no_leak);
  pecan_test_add ("/query/incidents/note-follows-run", NULL, test_incident_note_follows_run);
  return g_test_run ();
}
