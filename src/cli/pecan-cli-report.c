/* pecan-cli-report.c: pecan-cli report and client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pecan-cli-private.h"
#include "pecan-client.h"
#include "pecan-report.h"

/* An amount as scripts read it: a dot, two decimals, its currency. */
static void
append_amount (GString    *text,
               double      value,
               const char *currency)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (text, "%s %s", g_ascii_formatd (buf, sizeof buf, "%.2f", value),
                          currency);
}

static void
print_result (const PecanReportResult *result,
              gpointer                 user_data)
{
  const PecanReportOptions *options = user_data;
  const char *title = pecan_client_info_get_title (result->client);
  g_autofree char *share = pecan_report_format_share (pecan_report_client_share (options,
                                                                                 result->client));
  g_autofree char *name = NULL;
  g_autoptr(GString) figures = g_string_new (NULL);

  if (result->path == NULL)
    {
      /* TRANSLATORS: %s is a client */
      printf (_("%s: no usage in this period, no workbook written"), title);
      printf ("\n");
      return;
    }
  for (guint i = 0; i < result->totals->len; i++)
    {
      const PecanReportAmounts *a = &g_array_index (result->totals, PecanReportAmounts, i);

      if (i > 0)
        g_string_append (figures, "; ");
      g_string_append (figures, _("PEC earned"));
      g_string_append_c (figures, ' ');
      append_amount (figures, a->earned, a->currency);
      /* TRANSLATORS: followed by the share, "40 %", and the credit */
      g_string_append_printf (figures, _(", credit %s "), share);
      append_amount (figures, a->credit, a->currency);
    }
  name = g_path_get_basename (result->path);
  printf ("%s: %s\n", name, figures->str);
}

/* The clients of --customer, or every client that gets reports. */
static GListModel *
chosen_clients (PecanStore  *store,
                char       **tenants,
                gboolean     all)
{
  g_autoptr(GListStore) chosen = g_list_store_new (PECAN_TYPE_CLIENT);
  g_autoptr(GError) error = NULL;

  if (all)
    {
      g_autoptr(GListModel) clients = pecan_client_list (store, &error);

      if (clients == NULL)
        {
          pecan_cli_fail ("%s", error->message);
          return NULL;
        }
      for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
        {
          g_autoptr(PecanClient) client = g_list_model_get_item (clients, i);
          const PecanClientInfo *info = pecan_client_get_info (client);

          if (info->report)
            g_list_store_append (chosen, client);
          else
            {
              printf (_("%s: set to get no report, skipped"), pecan_client_info_get_title (info));
              printf ("\n");
            }
        }
    }
  for (guint i = 0; tenants != NULL && tenants[i] != NULL; i++)
    {
      g_autoptr(PecanClient) client = pecan_client_find (store, tenants[i], &error);

      if (client == NULL)
        {
          pecan_cli_fail ("%s", error->message);
          return NULL;
        }
      g_list_store_append (chosen, client);
    }
  return G_LIST_MODEL (g_steal_pointer (&chosen));
}

static gboolean
parse_share (const char *text,
             int        *share)
{
  if (text == NULL)
    {
      *share = PECAN_SHARE_DEFAULT;
      return TRUE;
    }
  if (pecan_report_parse_share (text, share))
    return TRUE;
  pecan_cli_fail (_("“%s” is not a share: give a percentage from 0 to 100, such as 40 or 12.5"),
                  text);
  return FALSE;
}

int
pecan_cli_report (PecanCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_auto(PecanCliPeriod) po = { 0 };
  g_auto(GStrv) tenants = NULL;
  g_autofree char *share_text = NULL;
  g_autofree char *out = NULL;
  gboolean all = FALSE, lines = FALSE, partner_cost = FALSE;
  GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &po.period, N_("A month or months"),
      N_("2026-01|2026-Q1[:…]") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &po.from, N_("First day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &po.to, N_("Last day"), N_("YYYY-MM-DD") },
    { "customer", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &tenants,
      N_("A client to report on (repeat for several)"), N_("TENANT-ID") },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all,
      N_("Every client with usage in the period, but those set to get no report"), NULL },
    { "share", 's', 0, G_OPTION_ARG_STRING, &share_text,
      N_("The share of PEC credited to every client, instead of their own"), N_("PERCENT") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The folder to write the workbooks into"),
      N_("DIR") },
    { "lines", 'l', 0, G_OPTION_ARG_NONE, &lines, N_("Add the usage lines behind the figures"),
      NULL },
    { "partner-cost", 0, 0, G_OPTION_ARG_NONE, &partner_cost,
      N_("Show what the partner paid after PEC (the setting otherwise)"), NULL },
    { NULL }
  };
  PecanReportSettings settings = { 0 };
  PecanReportOptions options;
  g_autoptr(GListModel) clients = NULL;
  g_autoptr(GError) error = NULL;
  PecanPeriod period;
  PecanStore *store;
  int share;
  gboolean ok;

  if (!pecan_cli_parse (entries, NULL, _("Write one credit-sharing workbook per client: the "
                                         "consumption at list price, the PEC earned on it and "
                                         "the client’s share."), &argc, &argv))
    return 2;
  if (po.period == NULL && po.from == NULL && po.to == NULL)
    {
      pecan_cli_fail (_("say which period to report on, with --period (2026-01, 2026-Q1, "
                        "2026-01:2026-03) or --from and --to"));
      return 2;
    }
  if (!pecan_cli_resolve_period (&po, &period) || !parse_share (share_text, &share))
    return 2;
  if (period.first == PECAN_DAY_MIN || period.last == PECAN_DAY_MAX)
    {
      pecan_cli_fail (_("give both --from and --to"));
      return 2;
    }
  if (all == (tenants != NULL))
    {
      pecan_cli_fail (_("name the clients with --customer TENANT-ID, or give --all"));
      return 2;
    }
  if (out == NULL)
    {
      pecan_cli_fail (_("say where to write the workbooks, with --out DIR"));
      return 2;
    }
  if ((store = pecan_cli_open_store (cli)) == NULL)
    return 1;
  if ((clients = chosen_clients (store, tenants, all)) == NULL)
    return 1;

  pecan_report_settings_load (store, &settings);
  pecan_report_options_init (&options, &settings, &period);
  options.share = share;
  options.lines = lines;
  options.partner_cost = partner_cost || settings.partner_cost;
  ok = pecan_report_export (store, &options, clients, out, print_result, NULL, &options, NULL,
                            &error);
  pecan_report_settings_clear (&settings);
  if (!ok)
    {
      pecan_cli_fail ("%s", error->message);
      return 1;
    }
  return 0;
}

static void
print_client (PecanClient *client,
              int          default_share)
{
  const PecanClientInfo *info = pecan_client_get_info (client);
  g_autofree char *share = NULL;

  if (!info->report)
    share = g_strdup (_("no report"));
  else if (info->share == PECAN_SHARE_DEFAULT)
    {
      g_autofree char *value = pecan_report_format_share (default_share);
      /* TRANSLATORS: %s is the default share, "50 %" */
      share = g_strdup_printf (_("%s (default)"), value);
    }
  else
    share = pecan_report_format_share (info->share);
  printf ("%-36s  %-14s  %s", info->tenant_id, share, pecan_client_info_get_title (info));
  if (info->contact_name[0] != '\0')
    printf (" (%s)", info->contact_name);
  printf ("\n");
}

/* Prints a client, or a model of them. */
static void
print_clients (PecanStore *store,
               gpointer    clients)
{
  PecanReportSettings settings;

  pecan_report_settings_load (store, &settings);
  if (PECAN_IS_CLIENT (clients))
    print_client (clients, settings.share);
  else
    for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
      {
        g_autoptr(PecanClient) item = g_list_model_get_item (clients, i);
        print_client (item, settings.share);
      }
  pecan_report_settings_clear (&settings);
}

/* pecan-cli client: lists the clients' sharing settings, or sets one's. */
int
pecan_cli_client (PecanCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autofree char *share_text = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *contact = NULL;
  gboolean no_report = FALSE, report = FALSE, default_share = FALSE;
  GOptionEntry entries[] = {
    { "share", 's', 0, G_OPTION_ARG_STRING, &share_text, N_("The client’s share of PEC"),
      N_("PERCENT") },
    { "default-share", 0, 0, G_OPTION_ARG_NONE, &default_share,
      N_("Give the client the default share"), NULL },
    { "name", 'n', 0, G_OPTION_ARG_STRING, &display_name,
      N_("The client’s name on reports (\"\" for the name in the files)"), N_("NAME") },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &contact, N_("The client’s contact"), N_("NAME") },
    { "no-report", 0, 0, G_OPTION_ARG_NONE, &no_report, N_("Write no report for this client"),
      NULL },
    { "report", 0, 0, G_OPTION_ARG_NONE, &report, N_("Write reports for this client again"),
      NULL },
    { NULL }
  };
  g_autoptr(PecanClient) client = NULL;
  g_autoptr(GError) error = NULL;
  PecanClientInfo info;
  PecanStore *store;
  int share = PECAN_SHARE_DEFAULT;

  if (!pecan_cli_parse (entries, N_("[TENANT-ID]"),
                        _("List the clients and how PEC is shared with them, or change one "
                          "client’s sharing settings."), &argc, &argv))
    return 2;
  if (argc > 2)
    {
      pecan_cli_fail (_("name one client at a time"));
      return 2;
    }
  if (share_text != NULL && (default_share || !parse_share (share_text, &share)))
    {
      if (default_share)
        pecan_cli_fail (_("give either --share or --default-share, not both"));
      return 2;
    }
  if (no_report && report)
    {
      pecan_cli_fail (_("give either --report or --no-report, not both"));
      return 2;
    }
  if ((store = pecan_cli_open_store (cli)) == NULL)
    return 1;

  if (argc < 2)
    {
      g_autoptr(GListModel) clients = pecan_client_list (store, &error);

      if (clients == NULL)
        {
          pecan_cli_fail ("%s", error->message);
          return 1;
        }
      print_clients (store, clients);
      return 0;
    }

  if ((client = pecan_client_find (store, argv[1], &error)) == NULL)
    {
      pecan_cli_fail ("%s", error->message);
      return 1;
    }
  pecan_client_info_copy (pecan_client_get_info (client), &info);
  if (share_text != NULL || default_share)
    info.share = share;
  if (display_name != NULL)
    {
      g_free (info.display_name);
      info.display_name = g_strdup (display_name);
    }
  if (contact != NULL)
    {
      g_free (info.contact_name);
      info.contact_name = g_strdup (contact);
    }
  if (no_report || report)
    info.report = report;
  if (!pecan_client_save (store, &info, &error))
    {
      pecan_client_info_clear (&info);
      pecan_cli_fail ("%s", error->message);
      return 1;
    }
  pecan_client_info_clear (&info);
  g_clear_object (&client);
  client = pecan_client_find (store, argv[1], NULL);
  print_clients (store, client);
  return 0;
}

/* pecan-cli sharing: the settings of every report, shown or changed. */
int
pecan_cli_sharing (PecanCli  *cli,
                   int        argc,
                   char     **argv)
{
  g_autofree char *share_text = NULL;
  g_autofree char *partner = NULL;
  gboolean cost = FALSE, no_cost = FALSE;
  GOptionEntry entries[] = {
    { "default-share", 's', 0, G_OPTION_ARG_STRING, &share_text,
      N_("The share of PEC credited to clients without their own (50 at first)"),
      N_("PERCENT") },
    { "partner", 'p', 0, G_OPTION_ARG_STRING, &partner,
      N_("The partner’s name as reports show it"), N_("NAME") },
    { "partner-cost", 0, 0, G_OPTION_ARG_NONE, &cost,
      N_("Show what the partner paid after PEC in reports"), NULL },
    { "no-partner-cost", 0, 0, G_OPTION_ARG_NONE, &no_cost,
      N_("Do not show it (the default)"), NULL },
    { NULL }
  };
  PecanReportSettings settings;
  g_autoptr(GError) error = NULL;
  g_autofree char *share = NULL;
  PecanStore *store;
  int value;

  if (!pecan_cli_parse (entries, NULL, _("Show or change the settings of every credit-sharing "
                                         "report."), &argc, &argv))
    return 2;
  if (argc > 1)
    {
      pecan_cli_fail (_("unexpected “%s”"), argv[1]);
      return 2;
    }
  if (share_text != NULL && (!parse_share (share_text, &value) || value == PECAN_SHARE_DEFAULT))
    return 2;
  if (cost && no_cost)
    {
      pecan_cli_fail (_("give either --partner-cost or --no-partner-cost, not both"));
      return 2;
    }
  if ((store = pecan_cli_open_store (cli)) == NULL)
    return 1;
  pecan_report_settings_load (store, &settings);
  if (share_text != NULL || partner != NULL || cost || no_cost)
    {
      if (share_text != NULL)
        settings.share = value;
      if (partner != NULL)
        {
          g_free (settings.partner_name);
          settings.partner_name = g_strdup (partner);
        }
      if (cost || no_cost)
        settings.partner_cost = cost;
      if (!pecan_report_settings_save (store, &settings, &error))
        {
          pecan_report_settings_clear (&settings);
          pecan_cli_fail ("%s", error->message);
          return 1;
        }
      pecan_report_settings_clear (&settings);
      pecan_report_settings_load (store, &settings);
    }
  share = pecan_report_format_share (settings.share);
  printf ("%s: %s\n", _("Default share"), share);
  printf ("%s: %s\n", _("Partner"), settings.partner_name);
  printf ("%s: %s\n", _("Partner’s cost shown"), settings.partner_cost ? _("yes") : _("no"));
  pecan_report_settings_clear (&settings);
  return 0;
}
