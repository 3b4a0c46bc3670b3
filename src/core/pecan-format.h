/* pecan-format.h: the layouts of the usage files, recognised from their header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PECAN_LAYOUT_UNKNOWN = 0,
  PECAN_LAYOUT_DAILY,          /* Partner Center daily rated usage, billed or unbilled */
  PECAN_LAYOUT_INVOICE,        /* Partner Center invoice reconciliation (new commerce) */
  PECAN_LAYOUT_COST_EXPORT,    /* Azure Cost Management export */
} PecanLayout;

/* The columns Pecan reads; every other column is ignored. */
typedef enum
{
  PECAN_FIELD_PARTNER_ID,
  PECAN_FIELD_PARTNER_NAME,
  PECAN_FIELD_MPN_ID,
  PECAN_FIELD_CUSTOMER_ID,
  PECAN_FIELD_CUSTOMER_NAME,
  PECAN_FIELD_CUSTOMER_DOMAIN,
  PECAN_FIELD_CUSTOMER_COUNTRY,
  PECAN_FIELD_INVOICE_NUMBER,
  PECAN_FIELD_PRODUCT_NAME,
  PECAN_FIELD_SKU_NAME,
  PECAN_FIELD_PUBLISHER_NAME,
  PECAN_FIELD_PUBLISHER_TYPE,
  PECAN_FIELD_PLAN_ID,
  PECAN_FIELD_SUBSCRIPTION_ID,
  PECAN_FIELD_SUBSCRIPTION_NAME,
  PECAN_FIELD_CHARGE_START,
  PECAN_FIELD_USAGE_DATE,
  PECAN_FIELD_METER_ID,
  PECAN_FIELD_METER_CATEGORY,
  PECAN_FIELD_METER_SUBCATEGORY,
  PECAN_FIELD_METER_NAME,
  PECAN_FIELD_METER_REGION,
  PECAN_FIELD_METER_DESCRIPTION,
  PECAN_FIELD_UNIT,
  PECAN_FIELD_RESOURCE_URI,
  PECAN_FIELD_RESOURCE_GROUP,
  PECAN_FIELD_UNIT_PRICE,
  PECAN_FIELD_EFFECTIVE_PRICE,
  PECAN_FIELD_QUANTITY,
  PECAN_FIELD_BILLED,
  PECAN_FIELD_CURRENCY,
  PECAN_FIELD_PEC_PERCENT,
  PECAN_FIELD_PEC_RATE,
  PECAN_FIELD_PEC_APPLIED,
  PECAN_FIELD_PRICE_ADJUSTMENT,
  PECAN_FIELD_CREDIT_TYPE,
  PECAN_FIELD_BENEFIT_TYPE,
  PECAN_FIELD_BENEFIT_ORDER_ID,
  PECAN_FIELD_RESERVATION_ORDER_ID,
  PECAN_FIELD_PRICING_MODEL,
  PECAN_FIELD_CHARGE_TYPE,
  PECAN_N_FIELDS
} PecanField;

/* Where each field sits in one file: column index, or -1 when absent. */
typedef struct
{
  PecanLayout layout;
  guint       n_columns;
  int         column[PECAN_N_FIELDS];
  /* A Cost Management export at subscription scope, or a plain MCA one, has
   * no PEC columns: its costs can be read, its PEC cannot. */
  gboolean    pec_known;
} PecanFormat;

gboolean     pecan_format_recognise   (PecanFormat        *format,
                                       const char * const *header,
                                       guint               n_columns,
                                       const char         *file_name,
                                       GError            **error);
const char  *pecan_layout_to_string   (PecanLayout         layout);
const char  *pecan_layout_describe    (PecanLayout         layout);
PecanLayout  pecan_layout_from_string (const char         *text);
const char  *pecan_format_column_name (const PecanFormat  *format,
                                       PecanField          field);

G_END_DECLS
