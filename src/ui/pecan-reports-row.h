/* pecan-reports-row.h: one client and currency of the Reports page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pecan-client.h"
#include "pecan-report.h"

G_BEGIN_DECLS

#define PECAN_TYPE_REPORTS_ROW (pecan_reports_row_get_type ())

G_DECLARE_FINAL_TYPE (PecanReportsRow, pecan_reports_row, PECAN, REPORTS_ROW, GObject)

PecanReportsRow          *pecan_reports_row_new          (PecanClient              *client,
                                                          int                       share,
                                                          const PecanReportAmounts *amounts);
PecanClient              *pecan_reports_row_get_client   (PecanReportsRow          *self);
const PecanClientInfo    *pecan_reports_row_get_info     (PecanReportsRow          *self);
const PecanReportAmounts *pecan_reports_row_get_amounts  (PecanReportsRow          *self);
int                       pecan_reports_row_get_share    (PecanReportsRow          *self);
gboolean                  pecan_reports_row_get_included (PecanReportsRow          *self);
void                      pecan_reports_row_set_included (PecanReportsRow          *self,
                                                          gboolean                  included);

G_END_DECLS
