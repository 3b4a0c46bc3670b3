/* test-customers-page.c: the Customers page and a customer's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page runs in a window of its own on a session over a fixture
 * database; the tests compare what its table holds with what
 * pecan_query_summary() says, and drive it through its actions and its
 * search entry as a person does.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "pecan-chart.h"
#include "pecan-customer-detail.h"
#include "pecan-customers-page.h"
#include "pecan-incident.h"
#include "pecan-session.h"
#include "pecan-summary-row.h"
#include "pecan-test-util.h"
#include "pecan-ui-test-util.h"
#include "pecan-ui-util.h"

#define C1_TENANT "0f8e2b6a-1c3d-4e5f-8a9b-1a2b3c4d5e6f"
#define C2_TENANT "7d41c9e0-52ab-4b8e-9f13-c0ffee2a6b71"

typedef PecanUiPageFixture PageFixture;

static GObject *
page_child (PageFixture *f,
            const char  *name)
{
  return gtk_widget_get_template_child (f->page, PECAN_TYPE_CUSTOMERS_PAGE, name);
}

static GObject *
detail_child (PageFixture *f,
              const char  *name)
{
  GtkWidget *detail = GTK_WIDGET (page_child (f, "detail"));

  return gtk_widget_get_template_child (detail, PECAN_TYPE_CUSTOMER_DETAIL, name);
}

/* The rows as the table shows them: filtered and sorted. */
static GListModel *
table_rows (PageFixture *f)
{
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (page_child (f, "column_view"))));
}

static const char *
visible_page (PageFixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "stack")));
}

static gboolean
page_is (PageFixture   *f,
         gconstpointer  name)
{
  return g_strcmp0 (visible_page (f), name) == 0;
}

static gboolean
table_has_n_rows (PageFixture   *f,
                  gconstpointer  n)
{
  return page_is (f, "list") && g_list_model_get_n_items (table_rows (f)) == GPOINTER_TO_UINT (n);
}

static gboolean
shows_text (PageFixture   *f,
            gconstpointer  needle)
{
  g_autofree char *text = pecan_ui_test_widget_text (f->page);

  return strstr (text, needle) != NULL;
}

/* @data: a file of tests/data to import, "demo" for demo data, or NULL. */
static void
fixture_setup (PageFixture   *f,
               gconstpointer  data)
{
  pecan_test_fixture_setup (&f->db, NULL);
  if (!pecan_ui_test_have_display ())
    return;
  if (g_strcmp0 (data, "demo") == 0)
    pecan_ui_test_import_demo (&f->db, 2026, 1);
  else if (data != NULL)
    pecan_test_import_ok (f->db.store, data);
  pecan_ui_test_page_open (f, PECAN_TYPE_CUSTOMERS_PAGE, 1100, 800,
                           data != NULL ? "2026-01" : NULL, "customers");
  pecan_ui_test_page_wait (f, page_is, data != NULL ? "list" : "empty");
}

static const PecanSummaryInfo *
row_info (GListModel *model,
          guint       i)
{
  g_autoptr(PecanSummaryRow) row = g_list_model_get_item (model, i);

  /* The model keeps the row alive. */
  return pecan_summary_row_get_info (row);
}

/* Every row of the table has the figures of the query, and shows them. */
static void
assert_rows_match (PageFixture *f,
                   const char  *period_text)
{
  PecanPeriod period;
  g_autoptr(GListModel) expected = NULL;
  GListModel *rows = table_rows (f);
  guint n;

  g_assert_true (pecan_period_parse (period_text, &period));
  expected = pecan_test_summary (f->db.store, PECAN_GROUP_CUSTOMER, &period, 0);
  n = g_list_model_get_n_items (expected);
  pecan_ui_test_page_wait (f, table_has_n_rows, GUINT_TO_POINTER (n));
  for (guint i = 0; i < n; i++)
    {
      const PecanSummaryInfo *want = row_info (expected, i);
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (rows) && !found; j++)
        {
          const PecanSummaryInfo *have = row_info (rows, j);
          g_autofree char *lost = NULL;

          if (have->customer_id != want->customer_id || g_strcmp0 (have->currency, want->currency) != 0)
            continue;
          found = TRUE;
          g_assert_cmpstr (have->customer_name, ==, want->customer_name);
          g_assert_cmpint (have->billed, ==, want->billed);
          g_assert_cmpfloat_with_epsilon (have->pec_earned, want->pec_earned, 1e-9);
          g_assert_cmpfloat_with_epsilon (have->pec_lost, want->pec_lost, 1e-9);
          lost = pecan_ui_format_money (want->pec_lost, NULL);
          g_assert_true (shows_text (f, lost));
        }
      g_assert_true (found);
    }
}

static void
test_customers_figures (PageFixture   *f,
                        gconstpointer  data)
{
  g_autofree char *billed = NULL;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  assert_rows_match (f, "2026-01");
  g_assert_cmpuint (g_list_model_get_n_items (table_rows (f)), ==, 2);
  /* daily-small.csv: C1 billed 21.341847962 USD in January. */
  billed = pecan_ui_format_nano (G_GINT64_CONSTANT (21341847962), NULL);
  g_assert_true (shows_text (f, billed));
  g_assert_true (shows_text (f, "Contoso \"Blue\", Ltd."));
  g_assert_true (shows_text (f, "USD"));
  g_assert_true (shows_text (f, "EUR"));

  /* A new period reloads the table. */
  pecan_ui_test_set_period (f->session, "2026-02");
  pecan_ui_test_page_wait (f, shows_text, "0.03");
  assert_rows_match (f, "2026-02");
}

static gboolean
is_sorted (GListModel   *rows,
           double      (*value) (const PecanSummaryInfo *),
           GtkSortType   order)
{
  for (guint i = 1; i < g_list_model_get_n_items (rows); i++)
    {
      double a = value (row_info (rows, i - 1)), b = value (row_info (rows, i));

      if (order == GTK_SORT_ASCENDING ? a > b : a < b)
        return FALSE;
    }
  return TRUE;
}

static double
lost_of (const PecanSummaryInfo *info)
{
  return info->pec_lost;
}

static double
billed_of (const PecanSummaryInfo *info)
{
  return (double) info->billed;
}

static void
sort_by (PageFixture *f,
         const char  *column,
         GtkSortType  order)
{
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (page_child (f, "column_view")),
                                  GTK_COLUMN_VIEW_COLUMN (page_child (f, column)), order);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_customers_sort (PageFixture   *f,
                     gconstpointer  data)
{
  GListModel *rows;
  guint n;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  rows = table_rows (f);
  n = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n, >, 10);
  /* The customers losing the most come first. */
  g_assert_true (is_sorted (rows, lost_of, GTK_SORT_DESCENDING));
  g_assert_cmpfloat (row_info (rows, 0)->pec_lost, >, row_info (rows, n - 1)->pec_lost);
  sort_by (f, "lost_column", GTK_SORT_ASCENDING);
  g_assert_true (is_sorted (rows, lost_of, GTK_SORT_ASCENDING));
  sort_by (f, "billed_column", GTK_SORT_DESCENDING);
  g_assert_true (is_sorted (rows, billed_of, GTK_SORT_DESCENDING));
  sort_by (f, "name_column", GTK_SORT_ASCENDING);
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *a = g_utf8_casefold (row_info (rows, i - 1)->customer_name, -1);
      g_autofree char *b = g_utf8_casefold (row_info (rows, i)->customer_name, -1);

      g_assert_cmpint (g_utf8_collate (a, b), <=, 0);
    }
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n);
}

static void
search (PageFixture *f,
        const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (page_child (f, "search_entry")), text);
  /* The entry waits a moment before it reports a change. */
  g_signal_emit_by_name (page_child (f, "search_entry"), "search-changed");
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_customers_search (PageFixture   *f,
                       gconstpointer  data)
{
  GListModel *rows;
  GtkWidget *focus;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  rows = table_rows (f);
  search (f, "fabrikam");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  g_assert_cmpstr (row_info (rows, 0)->customer_tenant, ==, C2_TENANT);
  /* The tenant ID finds its customer too. */
  search (f, "0F8E2B6A");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  g_assert_cmpstr (row_info (rows, 0)->customer_tenant, ==, C1_TENANT);
  search (f, "no such customer");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  g_assert_true (shows_text (f, "No Customer Matches “no such customer”"));
  search (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  g_assert_true (shows_text (f, "2 customers"));

  /* page.search focuses the entry. */
  g_assert_true (gtk_widget_activate_action (f->page, "page.search", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (page_child (f, "search_entry"))));
}

static gboolean
detail_shows (PageFixture   *f,
              gconstpointer  name)
{
  return page_is (f, "detail")
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (detail_child (f, "name_label"))), name) == 0
         && g_list_model_get_n_items (G_LIST_MODEL (detail_child (f, "subscriptions_sort"))) > 0;
}

static gboolean
no_incidents (PageFixture   *f,
              gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (detail_child (f, "incidents_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "none") == 0;
}

static void
test_customers_detail (PageFixture   *f,
                       gconstpointer  data)
{
  PecanPeriod january;
  gint64 c1;
  g_autoptr(GListModel) expected = NULL;
  GListModel *subscriptions;
  GListModel *incidents;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  c1 = pecan_query_find_customer (f->db.store, C1_TENANT);
  g_assert_cmpint (c1, >, 0);
  g_assert_true (gtk_widget_activate_action (f->page, "customers.show", "x", c1));
  pecan_ui_test_page_wait (f, detail_shows, "Contoso \"Blue\", Ltd.");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (detail_child (f, "tenant_label"))), ==, C1_TENANT);

  /* Its subscriptions, with the query's figures. */
  g_assert_true (pecan_period_parse ("2026-01", &january));
  expected = pecan_test_summary (f->db.store, PECAN_GROUP_SUBSCRIPTION, &january, c1);
  subscriptions = G_LIST_MODEL (detail_child (f, "subscriptions_sort"));
  g_assert_cmpuint (g_list_model_get_n_items (subscriptions), ==, g_list_model_get_n_items (expected));
  g_assert_cmpuint (g_list_model_get_n_items (subscriptions), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (subscriptions); i++)
    {
      const PecanSummaryInfo *info = row_info (subscriptions, i);

      g_assert_true (g_strcmp0 (info->subscription_azure_id, "2b7f0c4e-8d1a-4f63-9b25-6e0d3a7c9f14") == 0
                     || g_strcmp0 (info->subscription_azure_id, "c6a9e3d1-47b2-4e8f-a0d5-3f1b8c72e5a9") == 0);
      g_assert_cmpint (info->customer_id, ==, c1);
    }
  g_assert_true (shows_text (f, "Contoso Production"));
  g_assert_true (shows_text (f, "Contoso Dev/Test"));

  /* Its incident: E1 from 10 to 12 January; and its chart, per day. */
  incidents = G_LIST_MODEL (gtk_no_selection_get_model (GTK_NO_SELECTION (detail_child (f, "incidents_selection"))));
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, 1);
  {
    g_autoptr(PecanIncident) incident = g_list_model_get_item (incidents, 0);

    g_assert_cmpuint (pecan_incident_get_info (incident)->days, ==, 3);
  }
  g_assert_cmpuint (pecan_chart_get_n_bars (PECAN_CHART (detail_child (f, "chart"))), ==, 31);

  /* A new period reloads the customer's page: no incident in February. */
  pecan_ui_test_set_period (f->session, "2026-02");
  pecan_ui_test_page_wait (f, no_incidents, NULL);
  g_assert_true (page_is (f, "detail"));

  g_assert_true (gtk_widget_activate_action (f->page, "customers.back", NULL));
  g_assert_true (page_is (f, "list"));
}

static void
test_customers_empty (PageFixture   *f,
                      gconstpointer  data)
{
  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  g_assert_true (page_is (f, "empty"));
  g_assert_true (shows_text (f, "No Usage Yet"));

  /* Data imported: the table fills. */
  pecan_test_import_ok (f->db.store, "daily-small.csv");
  pecan_session_data_changed (f->session);
  pecan_ui_test_page_wait (f, table_has_n_rows, GUINT_TO_POINTER (2));
}

static void
test_customers_no_usage_in_period (PageFixture   *f,
                                   gconstpointer  data)
{
  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  pecan_ui_test_set_period (f->session, "2025-06");
  pecan_ui_test_page_wait (f, table_has_n_rows, GUINT_TO_POINTER (0));
  pecan_ui_test_page_wait (f, shows_text, "No Usage in June 2025");
}

/* Hidden, the page reads nothing: a change of period waits until the page
 * is shown again, and is then read. */
static void
test_customers_hidden (PageFixture   *f,
                       gconstpointer  data)
{
  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  pecan_ui_test_page_wait (f, table_has_n_rows, GUINT_TO_POINTER (2));
  gtk_stack_set_visible_child_name (f->stack, "other");
  pecan_ui_test_set_period (f->session, "2025-06");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (table_rows (f)), ==, 2);

  gtk_stack_set_visible_child_name (f->stack, "customers");
  pecan_ui_test_page_wait (f, shows_text, "No Usage in June 2025");
}

static void
add (const char    *path,
     const char    *data,
     void         (*func) (PageFixture *, gconstpointer))
{
  g_test_add (path, PageFixture, data, fixture_setup, func, pecan_ui_test_page_teardown);
}

int
main (int   argc,
      char *argv[])
{
  pecan_ui_test_init (&argc, &argv);

  add ("/customers-page/figures", "daily-small.csv", test_customers_figures);
  add ("/customers-page/sort", "demo", test_customers_sort);
  add ("/customers-page/search", "daily-small.csv", test_customers_search);
  add ("/customers-page/detail", "daily-small.csv", test_customers_detail);
  add ("/customers-page/empty", NULL, test_customers_empty);
  add ("/customers-page/no-usage-in-period", "daily-small.csv", test_customers_no_usage_in_period);
  add ("/customers-page/hidden", "daily-small.csv", test_customers_hidden);

  return g_test_run ();
}
