/* pecan-report.h: client credit-sharing workbooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pecan-client.h"
#include "pecan-period.h"
#include "pecan-store.h"
#include "pecan-summary-row.h"

G_BEGIN_DECLS

/* 50 %, in hundredths of a percent. */
#define PECAN_REPORT_DEFAULT_SHARE 5000

/* What the partner set for every report (the preferences). */
typedef struct
{
  int       share;             /* the default share, in hundredths of a percent */
  char     *partner_name;      /* as reports name the partner; "" when not set */
  gboolean  partner_cost;      /* show what the partner paid, after PEC */
} PecanReportSettings;

void     pecan_report_settings_load  (PecanStore                 *store,
                                      PecanReportSettings        *settings);
gboolean pecan_report_settings_save  (PecanStore                 *store,
                                      const PecanReportSettings  *settings,
                                      GError                    **error);
void     pecan_report_settings_clear (PecanReportSettings        *settings);

/* What one run of reports writes. */
typedef struct
{
  PecanPeriod  period;
  int          share;          /* for every client, or PECAN_SHARE_DEFAULT for
                                * each client's own (or the default) */
  int          default_share;  /* the share of clients without their own */
  gboolean     lines;          /* add the usage lines behind the figures */
  gboolean     partner_cost;
  const char  *partner_name;   /* NULL or "": not named */
  GDateTime   *produced;       /* NULL: now */
} PecanReportOptions;

void pecan_report_options_init (PecanReportOptions        *options,
                                const PecanReportSettings *settings,
                                const PecanPeriod         *period);

/* A client's figures in one billing currency. */
typedef struct
{
  char   *currency;
  gint64  lines;
  double  list;                /* consumption at list price: billed + PEC earned */
  double  earned;              /* PEC earned */
  double  credit;              /* the client's share of the PEC earned */
  double  cost;                /* what the partner paid: billed */
} PecanReportAmounts;

void        pecan_report_amounts_clear  (PecanReportAmounts       *amounts);
void        pecan_report_amounts_add    (PecanReportAmounts       *amounts,
                                         const PecanSummaryInfo   *info,
                                         int                       share);
int         pecan_report_client_share   (const PecanReportOptions *options,
                                         const PecanClientInfo    *client);
gboolean    pecan_report_parse_share    (const char               *text,
                                         int                      *share);
char       *pecan_report_format_share   (int                       share);
char       *pecan_report_file_name      (const char               *client_title,
                                         const PecanPeriod        *period);
GArray     *pecan_report_totals         (PecanStore               *store,
                                         const PecanReportOptions *options,
                                         const PecanClientInfo    *client,
                                         GError                  **error);

typedef void (*PecanReportProgress) (double   fraction,
                                     gpointer user_data);

gboolean    pecan_report_write          (PecanStore               *store,
                                         const PecanReportOptions *options,
                                         const PecanClientInfo    *client,
                                         const char               *path,
                                         PecanReportProgress       progress,
                                         gpointer                  user_data,
                                         GCancellable             *cancellable,
                                         GArray                  **totals,
                                         GError                  **error);

/* What became of one client in a run of reports. */
typedef struct
{
  const PecanClientInfo *client;
  guint                  index;       /* of the client in the run */
  guint                  n_clients;
  const char            *path;        /* the workbook written, or NULL: no usage */
  GArray                *totals;      /* of PecanReportAmounts, per currency */
} PecanReportResult;

typedef void (*PecanReportDone) (const PecanReportResult *result,
                                 gpointer                 user_data);

gboolean    pecan_report_export         (PecanStore               *store,
                                         const PecanReportOptions *options,
                                         GListModel               *clients,
                                         const char               *directory,
                                         PecanReportDone           done,
                                         PecanReportProgress       progress,
                                         gpointer                  user_data,
                                         GCancellable             *cancellable,
                                         GError                  **error);

G_END_DECLS
