/* pecan-usage-line.h: one imported usage line, as the Usage page shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pecan-rules.h"

G_BEGIN_DECLS

#define PECAN_TYPE_USAGE_LINE (pecan_usage_line_get_type ())

G_DECLARE_FINAL_TYPE (PecanUsageLine, pecan_usage_line, PECAN, USAGE_LINE, GObject)

/* A line and the names of what it refers to. Amounts the file states
 * (quantity, billed) are exact nano-units; PEC is derived, in currency
 * units. The key (day, subscription_id, batch_id, line) is the line's key
 * in the database; batch_id and line trace it to its file. */
typedef struct
{
  gint32           day;                    /* days since 1970-01-01 */
  gint64           subscription_id;
  gint64           batch_id;
  gint64           line;                   /* the line number in the file */
  gint64           customer_id;
  char            *customer_tenant;
  char            *customer_name;
  char            *subscription_azure_id;
  char            *subscription_name;
  char            *category;
  char            *subcategory;
  char            *meter;
  char            *unit;
  char            *product;
  char            *file_name;              /* the batch's file */
  gboolean         invoice;                /* an invoice reconciliation line */
  gboolean         has_quantity;
  gint64           quantity;
  gint64           billed;
  char            *currency;
  PecanPecState    state;
  PecanIneligible  reason;
  int              pec_centi;              /* PEC percentage in hundredths */
  double           pec_earned;
  double           pec_lost;
} PecanUsageLineInfo;

void                      pecan_usage_line_info_clear (PecanUsageLineInfo       *info);
PecanUsageLine           *pecan_usage_line_new        (PecanUsageLineInfo       *info);
const PecanUsageLineInfo *pecan_usage_line_get_info   (PecanUsageLine           *self);

G_END_DECLS
