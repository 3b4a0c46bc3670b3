/* pecan-cli-summary.c: pecan-cli summary and incidents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "pecan-cli-private.h"
#include "pecan-incident.h"
#include "pecan-parse.h"
#include "pecan-query.h"
#include "pecan-summary-row.h"

static double
nano_to_double (gint64 nano)
{
  return nano / (double) PECAN_NANO;
}

static void
add_key_members (JsonBuilder            *b,
                 PecanGroupBy            by,
                 const PecanSummaryInfo *info)
{
  char day[11];

  if (by == PECAN_GROUP_CUSTOMER_MONTH || by == PECAN_GROUP_CUSTOMER
      || by == PECAN_GROUP_SUBSCRIPTION)
    {
      pecan_cli_json_string (b, "customer_id", info->customer_tenant);
      pecan_cli_json_string (b, "customer_name", info->customer_name);
    }
  if (by == PECAN_GROUP_SUBSCRIPTION)
    {
      pecan_cli_json_string (b, "subscription_id", info->subscription_azure_id);
      pecan_cli_json_string (b, "subscription_name", info->subscription_name);
    }
  if (by == PECAN_GROUP_CATEGORY)
    {
      pecan_cli_json_string (b, "category", info->category);
    }
  if (by == PECAN_GROUP_PARTNER)
    {
      pecan_cli_json_string (b, "partner_id", info->partner_tenant);
      pecan_cli_json_string (b, "partner_name", info->partner_name);
    }
  if (info->month != 0 && by != PECAN_GROUP_DAY)
    {
      g_autofree char *month = g_strdup_printf ("%04d-%02d", info->month / 100, info->month % 100);
      pecan_cli_json_string (b, "month", month);
    }
  if (by == PECAN_GROUP_DAY)
    {
      pecan_day_format (info->day, day);
      pecan_cli_json_string (b, "day", day);
    }
}

/* The customer-month objects have exactly the keys month-end scripts rely
 * on; the other groupings add eligible spend and the previous period. */
static void
add_summary_object (JsonBuilder            *b,
                    PecanGroupBy            by,
                    const PecanSummaryInfo *info)
{
  json_builder_begin_object (b);
  add_key_members (b, by, info);
  pecan_cli_json_string (b, "currency", info->currency);
  pecan_cli_json_double (b, "billed", nano_to_double (info->billed));
  pecan_cli_json_double (b, "pec_earned", info->pec_earned);
  pecan_cli_json_double (b, "pec_lost", info->pec_lost);
  pecan_cli_json_int (b, "lines", info->lines);
  if (by != PECAN_GROUP_CUSTOMER_MONTH)
    {
      pecan_cli_json_double (b, "eligible", nano_to_double (info->eligible));
      pecan_cli_json_double (b, "pec_unknown_billed", nano_to_double (info->unknown));
    }
  if (info->has_previous)
    {
      json_builder_set_member_name (b, "previous");
      json_builder_begin_object (b);
      pecan_cli_json_double (b, "billed", nano_to_double (info->previous_billed));
      pecan_cli_json_double (b, "eligible", nano_to_double (info->previous_eligible));
      pecan_cli_json_double (b, "pec_earned", info->previous_earned);
      pecan_cli_json_double (b, "pec_lost", info->previous_lost);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

static void
add_summary_item (gpointer      builder,
                  gpointer      item,
                  gconstpointer data)
{
  add_summary_object (builder, *(const PecanGroupBy *) data,
                      pecan_summary_row_get_info (PECAN_SUMMARY_ROW (item)));
}

static char *
row_label (PecanGroupBy            by,
           const PecanSummaryInfo *info)
{
  char day[11];

  switch (by)
    {
    case PECAN_GROUP_CUSTOMER_MONTH:
      return g_strdup_printf ("%04d-%02d  %s", info->month / 100, info->month % 100,
                              info->customer_name);
    case PECAN_GROUP_CUSTOMER:
      return g_strdup (info->customer_name);
    case PECAN_GROUP_MONTH:
      return g_strdup_printf ("%04d-%02d", info->month / 100, info->month % 100);
    case PECAN_GROUP_SUBSCRIPTION:
      return g_strdup_printf ("%s / %s", info->customer_name,
                              *info->subscription_name ? info->subscription_name
                                                       : info->subscription_azure_id);
    case PECAN_GROUP_CATEGORY:
      return g_strdup (*info->category ? info->category : _("(no category)"));
    case PECAN_GROUP_DAY:
      pecan_day_format (info->day, day);
      return g_strdup (day);
    case PECAN_GROUP_PARTNER:
      return g_strdup (info->partner_name ? info->partner_name : _("(no partner ID)"));
    case PECAN_GROUP_TOTAL:
    default:
      return g_strdup (_("Total"));
    }
}

static char *
money (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}

static void
print_table (GListModel   *rows,
             PecanGroupBy  by)
{
  int widths[] = { 48, 4, -16, -14, -14, -10 };
  const char *headings[] = { _("Key"), _("Cur."), _("Billed"), _("PEC earned"), _("PEC lost"),
                             _("Lines") };
  guint n = g_list_model_get_n_items (rows);

  pecan_cli_print_header (" ", widths, G_N_ELEMENTS (widths), headings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (rows, i);
      const PecanSummaryInfo *info = pecan_summary_row_get_info (row);
      g_autofree char *label = row_label (by, info);
      g_autofree char *billed = money (nano_to_double (info->billed));
      g_autofree char *earned = money (info->pec_earned);
      g_autofree char *lost = money (info->pec_lost);
      g_autofree char *lines = g_strdup_printf ("%" G_GINT64_FORMAT, info->lines);

      pecan_cli_print_row (" ", widths, G_N_ELEMENTS (widths), label, info->currency, billed,
                           earned, lost, lines);
    }
  if (n == 0)
    printf ("%s\n", _("No usage in this period. Import a usage file with “pecan-cli import”."));
}

int
pecan_cli_summary (PecanCli  *cli,
                   int        argc,
                   char     **argv)
{
  g_autofree char *by_text = NULL;
  g_autofree char *customer = NULL;
  g_auto(PecanCliPeriod) po = { 0 };
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "by", 'b', 0, G_OPTION_ARG_STRING, &by_text,
      N_("customer-month (default), customer, month, subscription, category, day, partner "
         "or total"), N_("GROUPING") },
    { "period", 'p', 0, G_OPTION_ARG_STRING, &po.period, N_("A month or months"),
      N_("2026-01|2026-Q1[:…]") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &po.from, N_("First day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &po.to, N_("Last day"), N_("YYYY-MM-DD") },
    { "customer", 'c', 0, G_OPTION_ARG_STRING, &customer, N_("Only this customer"),
      N_("TENANT-ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  PecanGroupBy by = PECAN_GROUP_CUSTOMER_MONTH;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = NULL;
  PecanPeriod period;
  PecanStore *store;
  gint64 customer_id = 0;

  if (!pecan_cli_parse (entries, NULL, _("PEC earned and lost, eligible and billed amounts, per "
                                         "billing currency."), &argc, &argv))
    return 2;
  if (by_text != NULL && !pecan_group_by_from_string (by_text, &by))
    {
      pecan_cli_fail (_("“%s” is not a grouping: use customer-month, customer, month, "
                        "subscription, category, day, partner or total"), by_text);
      return 2;
    }
  if (!pecan_cli_resolve_period (&po, &period))
    return 2;
  if ((store = pecan_cli_open_store (cli)) == NULL)
    return 1;
  if (customer != NULL && (customer_id = pecan_query_find_customer (store, customer)) == 0)
    {
      pecan_cli_fail (_("no customer with tenant ID “%s” has been imported"), customer);
      return 1;
    }
  rows = pecan_query_summary (store, by, &period, customer_id, &error);
  if (rows == NULL)
    {
      pecan_cli_fail ("%s", error->message);
      return 1;
    }
  if (json)
    pecan_cli_print_json_array (rows, add_summary_item, &by);
  else
    print_table (rows, by);
  return 0;
}

static void
add_incident_object (JsonBuilder             *b,
                     const PecanIncidentInfo *info)
{
  char first[11], last[11];

  pecan_day_format (info->first_day, first);
  pecan_day_format (info->last_day, last);
  json_builder_begin_object (b);
  pecan_cli_json_string (b, "customer_id", info->customer_tenant);
  pecan_cli_json_string (b, "customer_name", info->customer_name);
  pecan_cli_json_string (b, "subscription_id", info->subscription_azure_id);
  pecan_cli_json_string (b, "subscription_name", info->subscription_name);
  pecan_cli_json_string (b, "first_day", first);
  pecan_cli_json_string (b, "last_day", last);
  pecan_cli_json_int (b, "days", info->days);
  pecan_cli_json_int (b, "lines", info->lines);
  pecan_cli_json_string (b, "currency", info->currency);
  pecan_cli_json_double (b, "billed", nano_to_double (info->billed));
  pecan_cli_json_double (b, "pec_lost", info->pec_lost);
  pecan_cli_json_boolean (b, "ongoing", info->ongoing);
  pecan_cli_json_boolean (b, "handled", info->handled);
  pecan_cli_json_string (b, "note", info->note);
  json_builder_end_object (b);
}

static void
add_incident_item (gpointer      builder,
                   gpointer      item,
                   gconstpointer data)
{
  add_incident_object (builder, pecan_incident_get_info (PECAN_INCIDENT (item)));
}

static void
print_incidents (GListModel *incidents)
{
  int widths[] = { 32, 38, 10, 10, -5, 4, -12, 0 };
  const char *headings[] = { _("Customer"), _("Subscription"), _("From"), _("To"), _("Days"),
                             _("Cur."), _("PEC lost"), "" };
  guint n = g_list_model_get_n_items (incidents);

  pecan_cli_print_header (" ", widths, G_N_ELEMENTS (widths), headings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PecanIncident) incident = g_list_model_get_item (incidents, i);
      const PecanIncidentInfo *info = pecan_incident_get_info (incident);
      g_autofree char *lost = money (info->pec_lost);
      g_autofree char *days = g_strdup_printf ("%u", info->days);
      char first[11], last[11];

      pecan_day_format (info->first_day, first);
      pecan_day_format (info->last_day, last);
      pecan_cli_print_row (" ", widths, G_N_ELEMENTS (widths), info->customer_name,
                           info->subscription_azure_id, first, last, days, info->currency, lost,
                           info->ongoing ? _("(ongoing)") : "");
    }
  if (n == 0)
    printf ("%s\n", _("No lost PEC in this period."));
}

int
pecan_cli_incidents (PecanCli  *cli,
                     int        argc,
                     char     **argv)
{
  g_auto(PecanCliPeriod) po = { 0 };
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &po.period, N_("A month or months"),
      N_("2026-01[:2026-03]") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &po.from, N_("First day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &po.to, N_("Last day"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) incidents = NULL;
  PecanPeriod period;
  PecanStore *store;

  if (!pecan_cli_parse (entries, NULL, _("Runs of days on which a subscription earned no PEC, "
                                         "ranked by the PEC lost."), &argc, &argv)
      || !pecan_cli_resolve_period (&po, &period))
    return 2;
  if ((store = pecan_cli_open_store (cli)) == NULL)
    return 1;
  incidents = pecan_query_incidents (store, &period, 0, &error);
  if (incidents == NULL)
    {
      pecan_cli_fail ("%s", error->message);
      return 1;
    }
  if (json)
    pecan_cli_print_json_array (incidents, add_incident_item, NULL);
  else
    print_incidents (incidents);
  return 0;
}

/* MCI eligibility without a Solutions Partner designation asks for USD
 * 25,000 of CSP revenue over the trailing twelve months. */
#define MCI_THRESHOLD_USD 25000.0

int
pecan_cli_eligibility (PecanCli  *cli,
                       int        argc,
                       char     **argv)
{
  g_autofree char *month_text = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month_text,
      N_("The last of the twelve months (the latest with data)"), N_("YYYY-MM") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = NULL;
  PecanPeriod period;
  PecanStore *store;
  int month = 0;

  if (!pecan_cli_parse (entries, NULL, _("Billed over the trailing twelve months, per partner "
                                         "and currency: the CSP revenue that MCI incentive "
                                         "eligibility asks USD 25,000 of."), &argc, &argv))
    return 2;
  if (month_text != NULL)
    {
      int y, m, d;

      if (!pecan_period_parse (month_text, &period) || strchr (month_text, ':') != NULL
          || strchr (month_text, 'Q') != NULL || strchr (month_text, 'q') != NULL)
        {
          pecan_cli_fail (_("“%s” is not a month such as 2026-01"), month_text);
          return 2;
        }
      pecan_day_to_ymd (period.first, &y, &m, &d);
      month = y * 100 + m;
    }
  if ((store = pecan_cli_open_store (cli)) == NULL)
    return 1;
  if ((rows = pecan_query_trailing_billed (store, month, &error)) == NULL)
    {
      pecan_cli_fail ("%s", error->message);
      return 1;
    }
  if (json)
    {
      PecanGroupBy by = PECAN_GROUP_PARTNER;

      pecan_cli_print_json_array (rows, add_summary_item, &by);
      return 0;
    }
  print_table (rows, PECAN_GROUP_PARTNER);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (rows, i);
      const PecanSummaryInfo *info = pecan_summary_row_get_info (row);

      if (g_strcmp0 (info->currency, "USD") == 0)
        printf (nano_to_double (info->billed) >= MCI_THRESHOLD_USD
                ? _("%s: at or above USD 25,000 over twelve months.\n")
                : _("%s: below USD 25,000 over twelve months.\n"),
                info->partner_name ? info->partner_name : _("(no partner ID)"));
    }
  return 0;
}
