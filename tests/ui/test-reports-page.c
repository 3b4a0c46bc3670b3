/* test-reports-page.c: the Reports page and the report preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page runs in a window of its own on a session over a fixture
 * database. The tests compare its preview with pecan_report_totals(),
 * the figures the workbooks hold, and drive it as a person does: the check
 * box of a row, Select All and None, a client's sharing settings dialog,
 * and an export into a folder of the fixture (reports.export-to, the
 * action the folder chooser ends with).
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "pecan-client-dialog.h"
#include "pecan-preferences-dialog.h"
#include "pecan-report.h"
#include "pecan-reports-page.h"
#include "pecan-reports-row.h"
#include "pecan-session.h"
#include "pecan-test-util.h"
#include "pecan-ui-test-util.h"
#include "pecan-ui-util.h"

#define C1_TENANT "0f8e2b6a-1c3d-4e5f-8a9b-1a2b3c4d5e6f"
#define C2_TENANT "7d41c9e0-52ab-4b8e-9f13-c0ffee2a6b71"
#define C1_TITLE  "Contoso \"Blue\", Ltd."
#define C2_TITLE  "Fabrikam Handels GmbH"

typedef PecanUiPageFixture PageFixture;

static GObject *
page_child (PageFixture *f,
            const char  *name)
{
  return gtk_widget_get_template_child (f->page, PECAN_TYPE_REPORTS_PAGE, name);
}

/* Every row the page read, whatever the search. */
static GListModel *
all_rows (PageFixture *f)
{
  return gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (page_child (f, "filter_model")));
}

static guint
n_rows (PageFixture *f)
{
  GListModel *rows = all_rows (f);

  return rows != NULL ? g_list_model_get_n_items (rows) : 0;
}

static gboolean
page_is (PageFixture   *f,
         gconstpointer  name)
{
  return g_strcmp0 (pecan_ui_test_page_visible (f), name) == 0;
}

static gboolean
has_n_rows (PageFixture   *f,
            gconstpointer  n)
{
  return page_is (f, "list") && n_rows (f) == GPOINTER_TO_UINT (n);
}

static gboolean
shows_text (PageFixture   *f,
            gconstpointer  needle)
{
  g_autofree char *text = pecan_ui_test_widget_text (f->page);

  return strstr (text, needle) != NULL;
}

static const char *
label_text (PageFixture *f,
            const char  *name)
{
  return gtk_label_get_text (GTK_LABEL (page_child (f, name)));
}

/* Whether Export can run: its button follows the action. */
static gboolean
export_enabled (PageFixture *f)
{
  GtkWidget *button = pecan_ui_test_find_button (f->page, "reports.export");

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

/* The row of @tenant_id in @currency, or NULL. The model keeps it. */
static PecanReportsRow *
find_row (PageFixture *f,
          const char  *tenant_id,
          const char  *currency)
{
  GListModel *rows = all_rows (f);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PecanReportsRow) row = g_list_model_get_item (rows, i);

      if (g_strcmp0 (pecan_reports_row_get_info (row)->tenant_id, tenant_id) == 0
          && g_strcmp0 (pecan_reports_row_get_amounts (row)->currency, currency) == 0)
        return row;
    }
  return NULL;
}

/* January 2026 of daily-small.csv, with C1's line of 9 January billed in
 * EUR: C1 has usage in two currencies, C2 in one. */
static void
import_two_currencies (PageFixture *f)
{
  static const char * const changes[] = {
    "1.917600,USD,1.917600,USD", "1.917600,EUR,1.917600,EUR", NULL,
  };
  g_autofree char *path = pecan_test_write_data (&f->db, "daily-small.csv", "two-currencies.csv", changes);
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanBatch) batch = pecan_test_import_path (f->db.store, path, PECAN_IMPORT_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (batch);
}

/* @data: "two-currencies", "demo" or NULL for no data. */
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
    import_two_currencies (f);
  pecan_ui_test_page_open (f, PECAN_TYPE_REPORTS_PAGE, 1180, 800,
                           data != NULL ? "2026-01" : NULL, "reports");
  pecan_ui_test_page_wait (f, page_is, data != NULL ? "list" : "empty");
}

/* Each row has the figures of pecan_report_totals() for its client and
 * currency, as the page's settings say; and the table shows them. */
static void
assert_rows_are_totals (PageFixture *f,
                        const char  *period_text)
{
  g_autoptr(GListModel) clients = pecan_client_list (f->db.store, NULL);
  PecanReportSettings settings = { 0 };
  PecanReportOptions options;
  PecanPeriod period;
  guint n_expected = 0;

  g_assert_true (pecan_period_parse (period_text, &period));
  pecan_report_settings_load (f->db.store, &settings);
  pecan_report_options_init (&options, &settings, &period);
  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(PecanClient) client = g_list_model_get_item (clients, i);
      const PecanClientInfo *info = pecan_client_get_info (client);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) totals = pecan_report_totals (f->db.store, &options, info, &error);

      g_assert_no_error (error);
      for (guint j = 0; j < totals->len; j++)
        {
          const PecanReportAmounts *want = &g_array_index (totals, PecanReportAmounts, j);
          PecanReportsRow *row = find_row (f, info->tenant_id, want->currency);
          const PecanReportAmounts *have;
          g_autofree char *credit = pecan_ui_format_money (want->credit, NULL);

          g_assert_nonnull (row);
          have = pecan_reports_row_get_amounts (row);
          g_assert_cmpint (pecan_reports_row_get_share (row), ==, pecan_report_client_share (&options, info));
          g_assert_cmpint (have->lines, ==, want->lines);
          g_assert_cmpfloat_with_epsilon (have->list, want->list, 1e-9);
          g_assert_cmpfloat_with_epsilon (have->earned, want->earned, 1e-9);
          g_assert_cmpfloat_with_epsilon (have->credit, want->credit, 1e-9);
          g_assert_cmpfloat_with_epsilon (have->cost, want->cost, 1e-9);
          g_assert_true (shows_text (f, credit));
          n_expected++;
        }
    }
  g_assert_cmpuint (n_rows (f), ==, n_expected);
  pecan_report_settings_clear (&settings);
}

static void
test_reports_figures (PageFixture   *f,
                      gconstpointer  data)
{
  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  /* One row per client and currency: amounts are never added across. */
  g_assert_cmpuint (n_rows (f), ==, 3);
  g_assert_nonnull (find_row (f, C1_TENANT, "USD"));
  g_assert_nonnull (find_row (f, C1_TENANT, "EUR"));
  g_assert_nonnull (find_row (f, C2_TENANT, "EUR"));
  assert_rows_are_totals (f, "2026-01");
  g_assert_true (shows_text (f, "Client Reports for January 2026"));
  g_assert_true (shows_text (f, "header bar"));
  g_assert_true (shows_text (f, "50 % (default)"));
  g_assert_true (shows_text (f, "contosoblue.onmicrosoft.com"));

  /* Every client is in the export at first. */
  g_assert_true (find_row (f, C1_TENANT, "USD") != NULL
                 && pecan_reports_row_get_included (find_row (f, C1_TENANT, "USD")));
  g_assert_cmpstr (label_text (f, "count_label"), ==, "2 of 2 clients selected");

  /* The header bar's period is the page's. */
  pecan_ui_test_set_period (f->session, "2026-02");
  pecan_ui_test_page_wait (f, shows_text, "Client Reports for February 2026");
  pecan_ui_test_page_wait (f, has_n_rows, GUINT_TO_POINTER (2));
  assert_rows_are_totals (f, "2026-02");
}

/* The partner's cost is a column only when the option is on. */
static void
test_reports_partner_cost (PageFixture   *f,
                           gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (page_child (f, "column_view"));
  GObject *column = page_child (f, "cost_column");
  PecanReportsRow *row = find_row (f, C2_TENANT, "EUR");
  g_autofree char *cost = NULL;
  gboolean on = TRUE;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  cost = pecan_ui_format_money (pecan_reports_row_get_amounts (row)->cost, NULL);
  g_assert_null (gtk_column_view_column_get_column_view (GTK_COLUMN_VIEW_COLUMN (column)));
  g_assert_false (shows_text (f, "Partner Cost"));
  g_assert_true (gtk_widget_activate_action (f->page, "reports.partner-cost", NULL));
  g_object_get (f->page, "partner-cost", &on, NULL);
  g_assert_true (on);
  g_assert_true (gtk_column_view_column_get_column_view (GTK_COLUMN_VIEW_COLUMN (column)) == view);
  pecan_ui_test_page_wait (f, shows_text, cost);
  g_assert_true (shows_text (f, "Partner Cost"));
  g_assert_true (gtk_widget_activate_action (f->page, "reports.partner-cost", NULL));
  g_assert_null (gtk_column_view_column_get_column_view (GTK_COLUMN_VIEW_COLUMN (column)));
}

/* The check box of @title's first row in the table. */
static GtkCheckButton *
find_check (PageFixture *f,
            const char  *title)
{
  GtkWidget *view = GTK_WIDGET (page_child (f, "column_view"));
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, view);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_CHECK_BUTTON (widget))
        {
          /* The check box sits in a cell of the row. */
          GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (widget));
          g_autofree char *text = pecan_ui_test_widget_text (row);

          if (strstr (text, title) != NULL)
            return GTK_CHECK_BUTTON (widget);
          continue;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  return NULL;
}

static gboolean
included (PageFixture *f,
          const char  *tenant_id,
          const char  *currency)
{
  return pecan_reports_row_get_included (find_row (f, tenant_id, currency));
}

static void
test_reports_select (PageFixture   *f,
                     gconstpointer  data)
{
  GtkCheckButton *check;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  g_assert_true (export_enabled (f));
  g_assert_true (gtk_widget_activate_action (f->page, "reports.select-none", NULL));
  g_assert_false (included (f, C1_TENANT, "USD"));
  g_assert_false (included (f, C2_TENANT, "EUR"));
  g_assert_cmpstr (label_text (f, "count_label"), ==,
                   "No client selected: tick the clients to write reports for");
  g_assert_false (export_enabled (f));

  /* A click on one row of a client includes all its rows. */
  check = find_check (f, C1_TITLE);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (check));
  gtk_check_button_set_active (check, TRUE);
  g_assert_true (included (f, C1_TENANT, "USD"));
  g_assert_true (included (f, C1_TENANT, "EUR"));
  g_assert_false (included (f, C2_TENANT, "EUR"));
  g_assert_cmpstr (label_text (f, "count_label"), ==, "1 of 2 clients selected");
  g_assert_true (export_enabled (f));

  /* Select All and None act on the clients the search shows. */
  gtk_editable_set_text (GTK_EDITABLE (page_child (f, "search_entry")), "fabrikam");
  gtk_string_filter_set_search (GTK_STRING_FILTER (page_child (f, "filter")), "fabrikam");
  g_assert_true (gtk_widget_activate_action (f->page, "reports.select-all", NULL));
  g_assert_true (included (f, C2_TENANT, "EUR"));
  g_assert_true (gtk_widget_activate_action (f->page, "reports.select-none", NULL));
  g_assert_false (included (f, C2_TENANT, "EUR"));
  g_assert_true (included (f, C1_TENANT, "USD"));

  /* The choice outlives a change of period. */
  pecan_ui_test_set_period (f->session, "2026-02");
  pecan_ui_test_page_wait (f, shows_text, "Client Reports for February 2026");
  pecan_ui_test_page_wait (f, has_n_rows, GUINT_TO_POINTER (2));
  g_assert_true (included (f, C1_TENANT, "USD"));
  g_assert_false (included (f, C2_TENANT, "EUR"));
}

static GtkWindow *
client_dialog (void)
{
  return pecan_ui_test_find_toplevel (PECAN_TYPE_CLIENT_DIALOG);
}

static GObject *
dialog_child (GtkWindow  *dialog,
              const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (dialog), PECAN_TYPE_CLIENT_DIALOG, name);
}

static gboolean
dialog_closed (gpointer      object,
               gconstpointer data)
{
  return client_dialog () == NULL;
}

static gboolean
row_share_is (PageFixture   *f,
              gconstpointer  share)
{
  PecanReportsRow *row = find_row (f, C1_TENANT, "USD");

  return row != NULL && pecan_reports_row_get_share (row) == GPOINTER_TO_INT (share);
}

static gboolean
row_has_no_report (PageFixture   *f,
                   gconstpointer  data)
{
  PecanReportsRow *row = find_row (f, C1_TENANT, "USD");

  return row != NULL && !pecan_reports_row_get_info (row)->report;
}

/* Opens C1's sharing settings as its row's button does, and returns the
 * dialog. */
static GtkWindow *
open_client_dialog (PageFixture *f)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (f->page, "reports.edit-client", "s", C1_TENANT));
  dialog = client_dialog ();
  g_assert_nonnull (dialog);
  return dialog;
}

static void
save_dialog (GtkWindow *dialog)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "client.save", NULL));
  g_assert_true (pecan_ui_test_iterate_until (30, dialog_closed, NULL, NULL));
}

static void
test_reports_edit_share (PageFixture   *f,
                         gconstpointer  data)
{
  g_autoptr(PecanClient) saved = NULL;
  GtkWindow *dialog;
  const PecanClientInfo *info;
  PecanReportsRow *row;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  /* A share of its own, a display name and a contact. */
  dialog = open_client_dialog (f);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (dialog_child (dialog, "default_check"))));
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "display_name_entry")), "Contoso Blue");
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "contact_entry")), "Ana Lima");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (dialog_child (dialog, "custom_check")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "share_spin")), "40");
  save_dialog (dialog);
  pecan_ui_test_page_wait (f, row_share_is, GINT_TO_POINTER (4000));
  saved = pecan_client_find (f->db.store, C1_TENANT, NULL);
  info = pecan_client_get_info (saved);
  g_assert_cmpint (info->share, ==, 4000);
  g_assert_cmpstr (info->display_name, ==, "Contoso Blue");
  g_assert_cmpstr (info->contact_name, ==, "Ana Lima");
  g_assert_true (info->report);
  assert_rows_are_totals (f, "2026-01");
  row = find_row (f, C1_TENANT, "USD");
  g_assert_cmpfloat_with_epsilon (pecan_reports_row_get_amounts (row)->credit,
                                  pecan_reports_row_get_amounts (row)->earned * 0.4, 1e-9);
  g_assert_true (shows_text (f, "Contoso Blue"));
  g_assert_true (shows_text (f, "40 %"));

  /* 0 % is a share like another: a report with no credit. */
  dialog = open_client_dialog (f);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (dialog_child (dialog, "custom_check"))));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dialog_child (dialog, "share_spin")), 0);
  save_dialog (dialog);
  pecan_ui_test_page_wait (f, row_share_is, GINT_TO_POINTER (0));
  g_assert_cmpfloat (pecan_reports_row_get_amounts (find_row (f, C1_TENANT, "USD"))->credit, ==, 0.0);
  assert_rows_are_totals (f, "2026-01");

  /* Back to the default. */
  dialog = open_client_dialog (f);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (dialog_child (dialog, "default_check")), TRUE);
  save_dialog (dialog);
  pecan_ui_test_page_wait (f, row_share_is, GINT_TO_POINTER (PECAN_REPORT_DEFAULT_SHARE));
  assert_rows_are_totals (f, "2026-01");
}

/* A client set to get no report stays in the table, out of the export. */
static void
test_reports_no_report (PageFixture   *f,
                        gconstpointer  data)
{
  GtkWindow *dialog;
  GtkCheckButton *check;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  dialog = open_client_dialog (f);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (dialog_child (dialog, "report_check")), FALSE);
  save_dialog (dialog);
  pecan_ui_test_page_wait (f, row_has_no_report, NULL);
  g_assert_false (included (f, C1_TENANT, "USD"));
  g_assert_false (included (f, C1_TENANT, "EUR"));
  g_assert_true (shows_text (f, "No report"));
  g_assert_cmpstr (label_text (f, "count_label"), ==, "1 of 1 client selected");
  check = find_check (f, C1_TITLE);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (check)));
  g_assert_true (gtk_widget_activate_action (f->page, "reports.select-all", NULL));
  g_assert_false (included (f, C1_TENANT, "USD"));
}

/* A dialog closed with Cancel saves nothing. */
static void
test_reports_edit_cancel (PageFixture   *f,
                          gconstpointer  data)
{
  g_autoptr(PecanClient) client = NULL;
  GtkWindow *dialog;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  dialog = open_client_dialog (f);
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "display_name_entry")), "Not Saved");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  g_assert_true (pecan_ui_test_iterate_until (30, dialog_closed, NULL, NULL));
  client = pecan_client_find (f->db.store, C1_TENANT, NULL);
  g_assert_cmpstr (pecan_client_get_info (client)->display_name, ==, "");
}

static gboolean
export_over (PageFixture   *f,
             gconstpointer  data)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (page_child (f, "result_revealer")))
         && !gtk_revealer_get_reveal_child (GTK_REVEALER (page_child (f, "progress_revealer")));
}

static char *
export_folder (PageFixture *f)
{
  return g_build_filename (f->db.dir, "reports", NULL);
}

static void
export_to (PageFixture *f,
           const char  *folder)
{
  g_assert_true (gtk_widget_activate_action (f->page, "reports.export-to", "s", folder));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (page_child (f, "progress_revealer"))));
}

static void
assert_workbook (const char  *folder,
                 const char  *title,
                 const char  *period_text)
{
  PecanPeriod period;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_assert_true (pecan_period_parse (period_text, &period));
  name = pecan_report_file_name (title, &period);
  path = g_build_filename (folder, name, NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_reports_export (PageFixture   *f,
                     gconstpointer  data)
{
  g_autofree char *folder = export_folder (f);
  GtkWidget *open_folder;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  /* Every client: a workbook each, named by the core. */
  export_to (f, folder);
  g_assert_false (export_enabled (f));
  pecan_ui_test_page_wait (f, export_over, NULL);
  g_assert_cmpuint (pecan_test_count_entries (folder), ==, 2);
  assert_workbook (folder, C1_TITLE, "2026-01");
  assert_workbook (folder, C2_TITLE, "2026-01");
  g_assert_nonnull (strstr (label_text (f, "result_label"), "2 workbooks were written to"));
  g_assert_nonnull (strstr (label_text (f, "result_label"), folder));
  open_folder = GTK_WIDGET (page_child (f, "open_folder_button"));
  g_assert_true (gtk_widget_get_visible (open_folder));
  g_assert_true (pecan_ui_test_find_button (f->page, "reports.open-folder") == open_folder);
  g_assert_true (export_enabled (f));

  /* A client left out gets none. */
  pecan_test_remove_tree (folder);
  gtk_check_button_set_active (find_check (f, C2_TITLE), FALSE);
  export_to (f, folder);
  pecan_ui_test_page_wait (f, export_over, NULL);
  g_assert_cmpuint (pecan_test_count_entries (folder), ==, 1);
  assert_workbook (folder, C1_TITLE, "2026-01");
  g_assert_nonnull (strstr (label_text (f, "result_label"), "1 workbook was written to"));
}

/* A folder that cannot be made: the banner says so, and what to do. */
static void
test_reports_export_fails (PageFixture   *f,
                           gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->db.dir, "a-file", NULL);
  g_autofree char *folder = g_build_filename (file, "reports", NULL);

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  g_assert_true (g_file_set_contents (file, "", 0, NULL));
  export_to (f, folder);
  pecan_ui_test_page_wait (f, export_over, NULL);
  g_assert_nonnull (strstr (label_text (f, "result_label"), "could not be written"));
  g_assert_nonnull (strstr (label_text (f, "result_label"), "Choose another folder"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page_child (f, "open_folder_button"))));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (page_child (f, "result_box")), "error"));
}

static gboolean
is_workbook (const char *name)
{
  return g_str_has_suffix (name, ".xlsx");
}

static void
test_reports_export_cancel (PageFixture   *f,
                            gconstpointer  data)
{
  g_autofree char *folder = export_folder (f);
  g_autoptr(GHashTable) clients = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  for (guint i = 0; i < n_rows (f); i++)
    {
      g_autoptr(PecanReportsRow) row = g_list_model_get_item (all_rows (f), i);

      g_hash_table_add (clients, pecan_reports_row_get_info (row)->tenant_id);
    }
  g_assert_cmpuint (g_hash_table_size (clients), >, 10);
  export_to (f, folder);
  g_assert_true (gtk_widget_activate_action (f->page, "reports.cancel-export", NULL));
  pecan_ui_test_page_wait (f, export_over, NULL);
  g_assert_nonnull (strstr (label_text (f, "result_label"), "Export cancelled"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (page_child (f, "result_box")), "error"));
  /* Whole workbooks only, and not all of them. */
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_true (is_workbook (name));
      n++;
    }
  g_assert_cmpuint (n, <, g_hash_table_size (clients));
  g_assert_true (export_enabled (f));
}

static void
test_reports_empty (PageFixture   *f,
                    gconstpointer  data)
{
  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  g_assert_true (page_is (f, "empty"));
  g_assert_nonnull (pecan_ui_test_find_button (f->page, "win.import"));
  g_assert_true (shows_text (f, "No Usage Yet"));

  /* The session moves to the latest month with data: February. */
  import_two_currencies (f);
  pecan_session_data_changed (f->session);
  pecan_ui_test_page_wait (f, has_n_rows, GUINT_TO_POINTER (2));
  assert_rows_are_totals (f, "2026-02");

  /* A period without usage says so. */
  pecan_ui_test_set_period (f->session, "2025-06");
  pecan_ui_test_page_wait (f, shows_text, "No Usage in June 2025");
}

static void
test_reports_search (PageFixture   *f,
                     gconstpointer  data)
{
  GtkWidget *entry = GTK_WIDGET (page_child (f, "search_entry"));
  GListModel *shown = G_LIST_MODEL (page_child (f, "sort_model"));

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  g_assert_true (gtk_widget_activate_action (f->page, "page.search", NULL));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), C2_TENANT);
  gtk_string_filter_set_search (GTK_STRING_FILTER (page_child (f, "filter")), C2_TENANT);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  gtk_string_filter_set_search (GTK_STRING_FILTER (page_child (f, "filter")), "nothing like it");
  gtk_editable_set_text (GTK_EDITABLE (entry), "nothing like it");
  pecan_ui_test_page_wait (f, shows_text, "No Client Matches");
}

/* The preferences of the reports, in the database, read back by a new
 * dialog and by the page. */
static gboolean
setting_is (PageFixture   *f,
            gconstpointer  data)
{
  const char * const *pair = data;
  g_autofree char *sql = g_strdup_printf ("SELECT value FROM setting WHERE key = '%s'", pair[0]);
  g_autofree char *value = pecan_test_query_text (f->db.db_path, sql);

  return g_strcmp0 (value, pair[1]) == 0;
}

static GObject *
preferences_child (GtkWindow  *dialog,
                   const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (dialog), PECAN_TYPE_PREFERENCES_DIALOG, name);
}

static void
test_reports_preferences (PageFixture   *f,
                          gconstpointer  data)
{
  static const char * const share[] = { "report-share", "4000" };
  static const char * const name[] = { "report-partner-name", "Northwind Cloud Partners" };
  static const char * const cost[] = { "report-partner-cost", "1" };
  GtkWindow *dialog;
  PecanReportSettings settings = { 0 };
  gboolean partner_cost = FALSE;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  dialog = pecan_preferences_dialog_new (f->window, f->session, NULL);
  gtk_window_present (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (preferences_child (dialog, "share_spin"))), ==, "50 %");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (preferences_child (dialog, "partner_entry"))), ==, "");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (preferences_child (dialog, "cost_switch"))));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (preferences_child (dialog, "share_spin")), 4000);
  gtk_editable_set_text (GTK_EDITABLE (preferences_child (dialog, "partner_entry")), "Northwind");
  gtk_editable_set_text (GTK_EDITABLE (preferences_child (dialog, "partner_entry")), "Northwind Cloud Partners");
  gtk_switch_set_active (GTK_SWITCH (preferences_child (dialog, "cost_switch")), TRUE);
  /* Closed at once: the last change is written all the same. */
  gtk_window_destroy (dialog);
  pecan_ui_test_page_wait (f, setting_is, share);
  pecan_ui_test_page_wait (f, setting_is, name);
  pecan_ui_test_page_wait (f, setting_is, cost);
  pecan_report_settings_load (f->db.store, &settings);
  g_assert_cmpint (settings.share, ==, 4000);
  g_assert_cmpstr (settings.partner_name, ==, "Northwind Cloud Partners");
  g_assert_true (settings.partner_cost);
  pecan_report_settings_clear (&settings);

  /* The page computes with the new default share, and shows the cost. */
  pecan_ui_test_page_wait (f, shows_text, "receive 40 %");
  pecan_ui_test_page_wait (f, shows_text, "Partner Cost");
  g_object_get (f->page, "partner-cost", &partner_cost, NULL);
  g_assert_true (partner_cost);
  assert_rows_are_totals (f, "2026-01");
  g_assert_cmpint (pecan_reports_row_get_share (find_row (f, C2_TENANT, "EUR")), ==, 4000);

  /* A new dialog reads them back. */
  dialog = pecan_preferences_dialog_new (f->window, f->session, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (preferences_child (dialog, "share_spin"))), ==, "40 %");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (preferences_child (dialog, "partner_entry"))), ==,
                   "Northwind Cloud Partners");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (preferences_child (dialog, "cost_switch"))));
  gtk_window_destroy (dialog);
}

static void
add (const char  *path,
     const char  *data,
     void       (*func) (PageFixture *, gconstpointer))
{
  g_test_add (path, PageFixture, data, fixture_setup, func, pecan_ui_test_page_teardown);
}

int
main (int   argc,
      char *argv[])
{
  pecan_ui_test_init (&argc, &argv);

  add ("/reports-page/figures", "two-currencies", test_reports_figures);
  add ("/reports-page/partner-cost", "two-currencies", test_reports_partner_cost);
  add ("/reports-page/select", "two-currencies", test_reports_select);
  add ("/reports-page/search", "two-currencies", test_reports_search);
  add ("/reports-page/edit-share", "two-currencies", test_reports_edit_share);
  add ("/reports-page/edit-cancel", "two-currencies", test_reports_edit_cancel);
  add ("/reports-page/no-report", "two-currencies", test_reports_no_report);
  add ("/reports-page/export", "two-currencies", test_reports_export);
  add ("/reports-page/export-fails", "two-currencies", test_reports_export_fails);
  add ("/reports-page/export-cancel", "demo", test_reports_export_cancel);
  add ("/reports-page/empty", NULL, test_reports_empty);
  add ("/reports-page/preferences", "two-currencies", test_reports_preferences);

  return g_test_run ();
}
