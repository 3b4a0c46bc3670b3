/* pecan-summary-row.h: one row of PEC figures, for one key and currency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PECAN_TYPE_SUMMARY_ROW (pecan_summary_row_get_type ())

G_DECLARE_FINAL_TYPE (PecanSummaryRow, pecan_summary_row, PECAN, SUMMARY_ROW, GObject)

/* Figures in the billing currency. Amounts the files state (billed,
 * eligible) are exact nano-units; PEC is derived, in currency units. */
typedef struct
{
  gint64   customer_id;         /* database ids, 0 when not grouped by them */
  gint64   subscription_id;
  char    *partner_tenant;
  char    *partner_name;
  char    *customer_tenant;
  char    *customer_name;
  char    *customer_domain;
  char    *subscription_azure_id;
  char    *subscription_name;
  char    *category;
  int      month;               /* yyyymm, or 0 */
  gint32   day;                 /* days since 1970-01-01, or G_MININT32 */
  char    *currency;
  gint64   lines;
  gint64   billed;
  gint64   eligible;            /* billed on PEC-eligible lines */
  gint64   unknown;             /* billed on lines whose PEC the file does not state */
  double   pec_earned;
  double   pec_lost;
  gboolean has_previous;        /* the same key in the previous period */
  gint64   previous_billed;
  gint64   previous_eligible;
  double   previous_earned;
  double   previous_lost;
} PecanSummaryInfo;

void                    pecan_summary_info_clear   (PecanSummaryInfo       *info);
PecanSummaryRow        *pecan_summary_row_new      (const PecanSummaryInfo *info);
const PecanSummaryInfo *pecan_summary_row_get_info (PecanSummaryRow        *self);
double                  pecan_summary_row_get_billed (PecanSummaryRow      *self);
char                   *pecan_summary_row_dup_month (PecanSummaryRow       *self);

G_END_DECLS
