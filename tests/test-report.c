/* test-report.c: client credit-sharing reports: settings, figures, workbooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "pecan-client.h"
#include "pecan-error.h"
#include "pecan-parse.h"
#include "pecan-report-private.h"
#include "pecan-summary-row.h"
#include "pecan-test-util.h"

typedef PecanTestFixture Fixture;

#define CONTOSO "0f8e2b6a-1c3d-4e5f-8a9b-1a2b3c4d5e6f"
#define FABRIKAM "7d41c9e0-52ab-4b8e-9f13-c0ffee2a6b71"

static PecanPeriod
months (int first_year,
        int first_month,
        int last_year,
        int last_month)
{
  PecanPeriod period = {
    pecan_day_from_ymd (first_year, first_month, 1),
    pecan_month_last_day (last_year, last_month),
  };
  return period;
}

/* daily-small.csv, and a copy in which Fabrikam's lines belong to Contoso:
 * a client with two billing currencies. */
static void
import_two_currencies (Fixture *f)
{
  const char *changes[] = { FABRIKAM, CONTOSO, NULL };
  g_autofree char *path = pecan_test_write_data (f, "daily-small.csv", "merged.csv", changes);
  g_autoptr(PecanBatch) batch = NULL;
  g_autoptr(GError) error = NULL;

  batch = pecan_test_import_path (f->store, path, 0, &error);
  g_assert_no_error (error);
}

static PecanClient *
find_client (PecanStore *store,
             const char *tenant)
{
  g_autoptr(GError) error = NULL;
  PecanClient *client = pecan_client_find (store, tenant, &error);

  g_assert_no_error (error);
  g_assert_nonnull (client);
  return client;
}

static void
test_share_parse (void)
{
  const struct
  {
    const char *text;
    int         share;
  } good[] = {
    { "40", 4000 }, { "12.5", 1250 }, { "12,5 %", 1250 }, { " 0 ", 0 }, { "100", 10000 },
    { "40%", 4000 }, { "7.25", 725 }, { "100.00", 10000 }, { ".5", 50 },
  };
  const char *bad[] = { "", "%", "abc", "-5", "101", "100.01", "1.234", "4 0", "40 %%", NULL };
  int share;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (pecan_report_parse_share (good[i].text, &share));
      g_assert_cmpint (share, ==, good[i].share);
    }
  for (guint i = 0; bad[i] != NULL; i++)
    g_assert_false (pecan_report_parse_share (bad[i], &share));
}

static void
test_share_format (void)
{
  const struct
  {
    int         share;
    const char *text;
  } cases[] = {
    { 4000, "40 %" }, { 1250, "12.5 %" }, { 1234, "12.34 %" }, { 0, "0 %" }, { 10000, "100 %" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pecan_report_format_share (cases[i].share);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_file_name (void)
{
  PecanPeriod january = months (2026, 1, 2026, 1);
  PecanPeriod quarter = months (2026, 1, 2026, 3);
  PecanPeriod days = { pecan_day_from_ymd (2026, 1, 5), pecan_day_from_ymd (2026, 1, 20) };
  const struct
  {
    const char        *client;
    const PecanPeriod *period;
    const char        *name;
  } cases[] = {
    { "Contoso", &january, "Contoso - PEC report 2026-01.xlsx" },
    { "Contoso", &quarter, "Contoso - PEC report 2026-01 to 2026-03.xlsx" },
    { "Contoso", &days, "Contoso - PEC report 2026-01-05 to 2026-01-20.xlsx" },
    { "a/b\\c:d*e?f\"g<h>i|j", &january, "a_b_c_d_e_f_g_h_i_j - PEC report 2026-01.xlsx" },
    { "..hidden Ltd.", &january, "hidden Ltd - PEC report 2026-01.xlsx" },
    { "  spaced \t\n  out  ", &january, "spaced out - PEC report 2026-01.xlsx" },
    { "", &january, "Client - PEC report 2026-01.xlsx" },
    { "...", &january, "Client - PEC report 2026-01.xlsx" },
    { "bell\a\x7f", &january, "bell__ - PEC report 2026-01.xlsx" },
    /* Decomposed "ä" is composed, as the macOS file system would not. */
    { "Scha\xcc\x88" "fer", &january, "Sch\xc3\xa4" "fer - PEC report 2026-01.xlsx" },
    { "=HYPERLINK(\"x\")", &january, "=HYPERLINK(_x_) - PEC report 2026-01.xlsx" },
  };
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *name = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = pecan_report_file_name (cases[i].client, cases[i].period);
      g_assert_cmpstr (got, ==, cases[i].name);
    }

  /* A very long name of multi-byte letters is cut on a letter. */
  for (int i = 0; i < 300; i++)
    g_string_append (long_name, "é");
  name = pecan_report_file_name (long_name->str, &quarter);
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_cmpuint (strlen (name), <=, 255);
  g_assert_true (g_str_has_suffix (name, " - PEC report 2026-01 to 2026-03.xlsx"));
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  PecanReportSettings settings = { 0 };
  PecanReportSettings saved = { 3750, (char *) "  Northwind Cloud  ", TRUE };
  g_autoptr(GError) error = NULL;

  pecan_report_settings_load (f->store, &settings);
  g_assert_cmpint (settings.share, ==, PECAN_REPORT_DEFAULT_SHARE);
  g_assert_cmpstr (settings.partner_name, ==, "");
  g_assert_false (settings.partner_cost);
  pecan_report_settings_clear (&settings);

  g_assert_true (pecan_report_settings_save (f->store, &saved, &error));
  g_assert_no_error (error);
  pecan_test_fixture_reopen (f);
  pecan_report_settings_load (f->store, &settings);
  g_assert_cmpint (settings.share, ==, 3750);
  g_assert_cmpstr (settings.partner_name, ==, "Northwind Cloud");
  g_assert_true (settings.partner_cost);
  pecan_report_settings_clear (&settings);
}

static void
test_clients (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GListModel) clients = NULL;
  g_autoptr(PecanClient) contoso = NULL;
  g_autoptr(PecanClient) missing = NULL;
  g_autoptr(GError) error = NULL;
  const PecanClientInfo *info;
  PecanClientInfo changed;

  pecan_test_import_ok (f->store, "daily-small.csv");
  clients = pecan_client_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 2);
  contoso = g_list_model_get_item (clients, 0);
  info = pecan_client_get_info (contoso);
  g_assert_cmpstr (info->tenant_id, ==, CONTOSO);
  g_assert_cmpstr (info->name, ==, "Contoso \"Blue\", Ltd.");
  g_assert_cmpstr (info->domain, ==, "contosoblue.onmicrosoft.com");
  g_assert_cmpstr (info->display_name, ==, "");
  g_assert_cmpstr (pecan_client_info_get_title (info), ==, "Contoso \"Blue\", Ltd.");
  g_assert_cmpint (info->share, ==, PECAN_SHARE_DEFAULT);
  g_assert_true (info->report);

  pecan_client_info_copy (info, &changed);
  g_free (changed.display_name);
  changed.display_name = g_strdup ("  Zeta Contoso ");
  g_free (changed.contact_name);
  changed.contact_name = g_strdup ("Ann Lee");
  changed.share = 0;
  changed.report = FALSE;
  g_assert_true (pecan_client_save (f->store, &changed, &error));
  g_assert_no_error (error);
  pecan_client_info_clear (&changed);

  /* Kept, and listed by the name reports give it. */
  pecan_test_fixture_reopen (f);
  g_clear_object (&clients);
  g_clear_object (&contoso);
  clients = pecan_client_list (f->store, &error);
  g_assert_no_error (error);
  contoso = g_list_model_get_item (clients, 1);
  info = pecan_client_get_info (contoso);
  g_assert_cmpstr (info->tenant_id, ==, CONTOSO);
  g_assert_cmpstr (pecan_client_info_get_title (info), ==, "Zeta Contoso");
  g_assert_cmpstr (info->contact_name, ==, "Ann Lee");
  g_assert_cmpint (info->share, ==, 0);
  g_assert_false (info->report);

  /* Found in any case; an unknown tenant is an error that says so. */
  g_clear_object (&contoso);
  contoso = find_client (f->store, "0F8E2B6A-1C3D-4E5F-8A9B-1A2B3C4D5E6F");
  g_assert_cmpint (pecan_client_get_info (contoso)->share, ==, 0);
  missing = pecan_client_find (f->store, "00000000-0000-0000-0000-000000000000", &error);
  g_assert_null (missing);
  g_assert_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_NOT_FOUND);
}

/* Every client's figures are its own summary's, with its share. */
static void
test_totals (Fixture       *f,
             gconstpointer  data)
{
  PecanReportSettings settings = { 2000, (char *) "", FALSE };
  PecanPeriod period = months (2026, 1, 2026, 2);
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(PecanClient) contoso = NULL;
  g_autoptr(GError) error = NULL;
  PecanReportOptions options;
  PecanClientInfo changed;
  guint checked = 0;

  import_two_currencies (f);
  pecan_test_import_ok (f->store, "daily-small.csv");
  contoso = find_client (f->store, CONTOSO);
  pecan_client_info_copy (pecan_client_get_info (contoso), &changed);
  changed.share = 4000;
  g_assert_true (pecan_client_save (f->store, &changed, &error));
  pecan_client_info_clear (&changed);
  pecan_report_options_init (&options, &settings, &period);

  rows = pecan_test_summary (f->store, PECAN_GROUP_CUSTOMER, &period, 0);
  for (int run_share = PECAN_SHARE_DEFAULT; run_share <= 1000; run_share += 1001)
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(PecanSummaryRow) row = g_list_model_get_item (rows, i);
        const PecanSummaryInfo *info = pecan_summary_row_get_info (row);
        g_autoptr(PecanClient) client = find_client (f->store, info->customer_tenant);
        g_autoptr(GArray) totals = NULL;
        int share;
        gboolean found = FALSE;

        options.share = run_share;
        share = pecan_report_client_share (&options, pecan_client_get_info (client));
        g_assert_cmpint (share, ==, run_share != PECAN_SHARE_DEFAULT ? run_share
                                    : g_str_equal (info->customer_tenant, CONTOSO) ? 4000 : 2000);
        totals = pecan_report_totals (f->store, &options, pecan_client_get_info (client), &error);
        g_assert_no_error (error);
        for (guint k = 0; k < totals->len; k++)
          {
            const PecanReportAmounts *a = &g_array_index (totals, PecanReportAmounts, k);
            double billed = info->billed / (double) PECAN_NANO;

            if (!g_str_equal (a->currency, info->currency))
              continue;
            found = TRUE;
            g_assert_cmpint (a->lines, ==, info->lines);
            g_assert_cmpfloat_with_epsilon (a->earned, info->pec_earned, 1e-9);
            g_assert_cmpfloat_with_epsilon (a->list, billed + info->pec_earned, 1e-9);
            g_assert_cmpfloat_with_epsilon (a->cost, billed, 1e-9);
            g_assert_cmpfloat_with_epsilon (a->credit, info->pec_earned * share / 10000.0, 1e-9);
            checked++;
          }
        g_assert_true (found);
      }
  /* Contoso in USD and EUR, Fabrikam in EUR, with two shares each. */
  g_assert_cmpuint (checked, ==, 6);
}

/* What `unzip` says of a workbook: its parts' names, or their text. */
static char *
unzip (const char *path,
       const char *option)
{
  const char *argv[] = { "unzip", option, path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static gboolean
have_unzip (void)
{
  g_autofree char *found = g_find_program_in_path ("unzip");

  if (found == NULL)
    g_test_skip ("unzip is not installed");
  return found != NULL;
}

static char *
write_report (Fixture                  *f,
              const PecanReportOptions *options,
              const char               *tenant)
{
  g_autoptr(PecanClient) client = find_client (f->store, tenant);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) totals = NULL;
  char *path = g_build_filename (f->dir, "report.xlsx", NULL);

  g_assert_true (pecan_report_write (f->store, options, pecan_client_get_info (client), path,
                                     NULL, NULL, NULL, &totals, &error));
  g_assert_no_error (error);
  g_assert_nonnull (totals);
  return path;
}

static guint
count (const char *text,
       const char *what)
{
  guint n = 0;

  for (const char *p = strstr (text, what); p != NULL; p = strstr (p + 1, what))
    n++;
  return n;
}

/* Contoso's workbook holds Contoso and none of Fabrikam, anywhere. */
static void
test_write (Fixture       *f,
            gconstpointer  data)
{
  PecanReportSettings settings = { 4000, (char *) "Northwind & Co", FALSE };
  PecanPeriod period = months (2026, 1, 2026, 3);
  PecanReportOptions options;
  g_autofree char *path = NULL;
  g_autofree char *parts = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) produced = g_date_time_new_utc (2026, 4, 2, 9, 30, 0);

  if (!have_unzip ())
    return;
  pecan_test_import_ok (f->store, "daily-small.csv");
  pecan_report_options_init (&options, &settings, &period);
  options.lines = TRUE;
  options.produced = produced;
  path = write_report (f, &options, CONTOSO);

  g_assert_cmpuint (pecan_test_count_entries (f->dir), ==, 4);  /* database, -wal, -shm, it */
  parts = unzip (path, "-Z1");
  g_assert_nonnull (strstr (parts, "xl/worksheets/sheet5.xml"));
  g_assert_null (strstr (parts, "xl/worksheets/sheet6.xml"));
  g_assert_nonnull (strstr (parts, "xl/charts/chart1.xml"));
  /* Constant memory: no shared strings, every string inline. */
  g_assert_null (strstr (parts, "sharedStrings"));

  text = unzip (path, "-p");
  g_assert_nonnull (strstr (text, CONTOSO));
  g_assert_nonnull (strstr (text, "contosoblue.onmicrosoft.com"));
  g_assert_nonnull (strstr (text, "<t>Contoso \"Blue\", Ltd.</t>"));
  g_assert_nonnull (strstr (text, "<dc:creator>Northwind &amp; Co</dc:creator>"));
  g_assert_nonnull (strstr (text, "Produced on 2 April 2026 with Pecan."));
  for (guint i = 0; i < 5; i++)
    {
      const char *names[] = { "Summary", "By month", "By subscription", "By service", "Lines" };
      g_autofree char *sheet = g_strdup_printf ("<sheet name=\"%s\"", names[i]);
      g_assert_nonnull (strstr (text, sheet));
    }
  /* The partner's own cost is not shown unless asked for. */
  g_assert_null (strstr (text, "cost after PEC"));
  g_assert_null (strstr (text, FABRIKAM));
  g_assert_null (strstr (text, "Fabrikam"));
  g_assert_null (strstr (text, "fabrikam"));
  g_assert_null (strstr (text, "4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8"));
  /* The header of printed pages escapes "&". */
  g_assert_cmpuint (count (text, "<oddHeader>"), ==, 5);
}

/* A Lines sheet that is full goes on in the next one. */
static void
test_lines_sheets (Fixture       *f,
                   gconstpointer  data)
{
  PecanReportSettings settings = { 5000, (char *) "", TRUE };
  PecanPeriod period = months (2026, 1, 2026, 3);
  PecanReportOptions options;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_unzip ())
    return;
  pecan_test_import_ok (f->store, "daily-small.csv");
  pecan_report_options_init (&options, &settings, &period);
  options.lines = TRUE;
  /* Contoso has 17 lines: 5 + 5 + 5 + 2. */
  pecan_report_set_sheet_lines (5);
  path = write_report (f, &options, CONTOSO);
  pecan_report_set_sheet_lines (0);

  text = unzip (path, "-p");
  g_assert_nonnull (strstr (text, "<sheet name=\"Lines\""));
  g_assert_nonnull (strstr (text, "<sheet name=\"Lines 2\""));
  g_assert_nonnull (strstr (text, "<sheet name=\"Lines 4\""));
  g_assert_null (strstr (text, "<sheet name=\"Lines 5\""));
  g_assert_nonnull (strstr (text, "cost after PEC"));
  g_assert_cmpuint (count (text, "<row r=\"6\""), >=, 3);
  g_assert_cmpuint (count (text, "<dimension ref=\"A1:O3\"/>"), ==, 1);
}

/* A text that looks like a formula stays text. */
static void
test_formula_text (Fixture       *f,
                   gconstpointer  data)
{
  PecanReportSettings settings = { 5000, (char *) "=1+1", FALSE };
  PecanPeriod period = months (2026, 1, 2026, 3);
  g_autoptr(PecanClient) contoso = NULL;
  g_autoptr(GError) error = NULL;
  PecanReportOptions options;
  PecanClientInfo changed;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_unzip ())
    return;
  pecan_test_import_ok (f->store, "daily-small.csv");
  contoso = find_client (f->store, CONTOSO);
  pecan_client_info_copy (pecan_client_get_info (contoso), &changed);
  g_free (changed.display_name);
  changed.display_name = g_strdup ("=HYPERLINK(\"http://example.com\",\"x\")");
  g_assert_true (pecan_client_save (f->store, &changed, &error));
  pecan_client_info_clear (&changed);
  pecan_report_options_init (&options, &settings, &period);
  path = write_report (f, &options, CONTOSO);

  text = unzip (path, "-p");
  g_assert_null (strstr (text, "<f>"));
  g_assert_nonnull (strstr (text, "<t>=HYPERLINK(\"http://example.com\",\"x\")</t>"));
  g_assert_nonnull (strstr (text, "<t>From =1+1</t>"));
}

static void
cancel_at_once (double   fraction,
                gpointer data)
{
  g_cancellable_cancel (data);
}

/* A cancelled or failed workbook leaves nothing behind, not even a part. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  PecanReportSettings settings = { 5000, (char *) "", FALSE };
  PecanPeriod period = months (2026, 1, 2026, 3);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(PecanClient) contoso = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "report.xlsx", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "missing", "report.xlsx", NULL);
  PecanReportOptions options;

  pecan_test_import_ok (f->store, "daily-small.csv");
  pecan_report_options_init (&options, &settings, &period);
  options.lines = TRUE;
  contoso = find_client (f->store, CONTOSO);
  pecan_report_set_sheet_lines (2);
  g_assert_false (pecan_report_write (f->store, &options, pecan_client_get_info (contoso), path,
                                      cancel_at_once, cancellable, cancellable, NULL, &error));
  pecan_report_set_sheet_lines (0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (pecan_test_count_entries (f->dir), ==, 3);

  g_clear_error (&error);
  g_assert_false (pecan_report_write (f->store, &options, pecan_client_get_info (contoso), nowhere,
                                      NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, nowhere));
  g_assert_cmpuint (pecan_test_count_entries (f->dir), ==, 3);
}

typedef struct
{
  GPtrArray *names;
  guint      skipped;
  double     progress;
} Run;

static void
run_done (const PecanReportResult *result,
          gpointer                 data)
{
  Run *run = data;

  g_assert_cmpuint (result->n_clients, ==, 2);
  if (result->path == NULL)
    {
      run->skipped++;
      return;
    }
  g_assert_true (g_file_test (result->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (result->totals->len, >, 0);
  g_ptr_array_add (run->names, g_path_get_basename (result->path));
}

static void
run_progress (double   fraction,
              gpointer data)
{
  Run *run = data;

  g_assert_cmpfloat (fraction, >=, run->progress);
  g_assert_cmpfloat (fraction, <=, 1.0);
  run->progress = fraction;
}

/* Two clients named alike get a workbook each; one without usage none. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  PecanReportSettings settings = { 5000, (char *) "", FALSE };
  PecanPeriod february = months (2026, 2, 2026, 2);
  PecanPeriod before = months (2025, 1, 2025, 12);
  g_autoptr(GListModel) clients = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "reports", "2026", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  PecanReportOptions options;
  Run run = { names, 0, 0 };

  pecan_test_import_ok (f->store, "daily-small.csv");
  clients = pecan_client_list (f->store, &error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PecanClient) client = g_list_model_get_item (clients, i);
      PecanClientInfo changed;

      pecan_client_info_copy (pecan_client_get_info (client), &changed);
      g_free (changed.display_name);
      changed.display_name = g_strdup (i == 0 ? "Same Name" : "same name");
      g_assert_true (pecan_client_save (f->store, &changed, &error));
      pecan_client_info_clear (&changed);
    }
  g_clear_object (&clients);
  clients = pecan_client_list (f->store, &error);

  pecan_report_options_init (&options, &settings, &february);
  g_assert_true (pecan_report_export (f->store, &options, clients, out, run_done, run_progress,
                                      &run, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_cmpuint (run.skipped, ==, 0);
  g_assert_cmpfloat (run.progress, ==, 1.0);
  g_assert_cmpstr (names->pdata[0], ==, "Same Name - PEC report 2026-02.xlsx");
  g_assert_true (g_str_has_suffix (names->pdata[1], " - PEC report 2026-02.xlsx"));
  g_assert_cmpstr (names->pdata[0], !=, names->pdata[1]);
  g_assert_cmpuint (pecan_test_count_entries (out), ==, 2);

  /* Nothing to report on: nothing written. */
  g_ptr_array_set_size (names, 0);
  run.progress = 0;
  options.period = before;
  g_assert_true (pecan_report_export (f->store, &options, clients, out, run_done, run_progress,
                                      &run, NULL, &error));
  g_assert_cmpuint (names->len, ==, 0);
  g_assert_cmpuint (run.skipped, ==, 2);
  g_assert_cmpuint (pecan_test_count_entries (out), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/share/parse", test_share_parse);
  g_test_add_func ("/report/share/format", test_share_format);
  g_test_add_func ("/report/file-name", test_file_name);
  pecan_test_add ("/report/settings", NULL, test_settings);
  pecan_test_add ("/report/clients", NULL, test_clients);
  pecan_test_add ("/report/totals", NULL, test_totals);
  pecan_test_add ("/report/write", NULL, test_write);
  pecan_test_add ("/report/lines-sheets", NULL, test_lines_sheets);
  pecan_test_add ("/report/formula-text", NULL, test_formula_text);
  pecan_test_add ("/report/cancel", NULL, test_cancel);
  pecan_test_add ("/report/export", NULL, test_export);

  return g_test_run ();
}
