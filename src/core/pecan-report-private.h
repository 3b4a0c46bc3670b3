/* pecan-report-private.h: what the report's two halves share, and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pecan-report.h"

G_BEGIN_DECLS

/* One workbook's progress, as a part of a run of @count. */
typedef struct
{
  PecanReportProgress progress;
  gpointer            user_data;
  guint               index;
  guint               count;
} ReportProgress;

void    pecan_report_progress_step     (double   fraction,
                                        gpointer data);
GArray *pecan_report_amounts_array_new (void);

/* For tests: how many lines a Lines sheet holds before the next one. */
void    pecan_report_set_sheet_lines   (guint    lines);

G_END_DECLS
