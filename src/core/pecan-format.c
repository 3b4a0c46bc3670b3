/* pecan-format.c: the layouts of the usage files, recognised from their header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Microsoft's exports differ in column order, older files use older names,
 * the REST API uses camelCase and files that went through Excel come back
 * changed: so columns are found by name, compared without case, spaces or
 * underscores, through a table of aliases.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pecan-error.h"
#include "pecan-format.h"

#define MAX_ALIASES 4

typedef struct
{
  PecanField  field;
  gboolean    required;
  const char *names[MAX_ALIASES];   /* the first is the name used in messages */
} ColumnSpec;

static const ColumnSpec daily_columns[] = {
  { PECAN_FIELD_PARTNER_ID, FALSE, { "PartnerId" } },
  { PECAN_FIELD_PARTNER_NAME, FALSE, { "PartnerName" } },
  { PECAN_FIELD_MPN_ID, FALSE, { "MpnId", "MPNID" } },
  { PECAN_FIELD_CUSTOMER_ID, TRUE, { "CustomerId", "CustomerTenantId" } },
  { PECAN_FIELD_CUSTOMER_NAME, FALSE, { "CustomerName", "CustomerCompanyName" } },
  { PECAN_FIELD_CUSTOMER_DOMAIN, FALSE, { "CustomerDomainName" } },
  { PECAN_FIELD_CUSTOMER_COUNTRY, FALSE, { "CustomerCountry" } },
  { PECAN_FIELD_INVOICE_NUMBER, FALSE, { "InvoiceNumber" } },
  { PECAN_FIELD_PRODUCT_NAME, FALSE, { "ProductName" } },
  { PECAN_FIELD_SKU_NAME, FALSE, { "SkuName" } },
  { PECAN_FIELD_PUBLISHER_NAME, FALSE, { "PublisherName" } },
  { PECAN_FIELD_PLAN_ID, FALSE, { "SubscriptionId" } },
  { PECAN_FIELD_SUBSCRIPTION_ID, FALSE, { "EntitlementId" } },
  { PECAN_FIELD_SUBSCRIPTION_NAME, FALSE, { "EntitlementDescription", "SubscriptionDescription" } },
  { PECAN_FIELD_CHARGE_START, FALSE, { "ChargeStartDate" } },
  { PECAN_FIELD_USAGE_DATE, TRUE, { "UsageDate" } },
  { PECAN_FIELD_METER_ID, FALSE, { "MeterId" } },
  { PECAN_FIELD_METER_CATEGORY, TRUE, { "MeterCategory" } },
  { PECAN_FIELD_METER_SUBCATEGORY, FALSE, { "MeterSubCategory" } },
  { PECAN_FIELD_METER_NAME, FALSE, { "MeterName" } },
  { PECAN_FIELD_METER_REGION, FALSE, { "MeterRegion" } },
  { PECAN_FIELD_UNIT, FALSE, { "Unit", "UnitOfMeasure" } },
  { PECAN_FIELD_RESOURCE_URI, FALSE, { "ResourceURI", "ResourceUri" } },
  { PECAN_FIELD_RESOURCE_GROUP, FALSE, { "ResourceGroup" } },
  { PECAN_FIELD_UNIT_PRICE, FALSE, { "UnitPrice" } },
  { PECAN_FIELD_EFFECTIVE_PRICE, FALSE, { "EffectiveUnitPrice" } },
  { PECAN_FIELD_QUANTITY, FALSE, { "Quantity" } },
  { PECAN_FIELD_BILLED, TRUE, { "BillingPreTaxTotal" } },
  { PECAN_FIELD_CURRENCY, TRUE, { "BillingCurrency" } },
  { PECAN_FIELD_PEC_PERCENT, FALSE, { "PartnerEarnedCreditPercentage" } },
  { PECAN_FIELD_PEC_RATE, FALSE, { "RateOfPartnerEarnedCredit" } },
  { PECAN_FIELD_CREDIT_TYPE, FALSE, { "CreditType" } },
  { PECAN_FIELD_BENEFIT_TYPE, FALSE, { "BenefitType" } },
  { PECAN_FIELD_BENEFIT_ORDER_ID, FALSE, { "BenefitOrderId" } },
  { PECAN_FIELD_CHARGE_TYPE, FALSE, { "ChargeType" } },
};

static const ColumnSpec invoice_columns[] = {
  { PECAN_FIELD_PARTNER_ID, FALSE, { "PartnerId" } },
  { PECAN_FIELD_MPN_ID, FALSE, { "MpnId", "MPNID" } },
  { PECAN_FIELD_CUSTOMER_ID, TRUE, { "CustomerId" } },
  { PECAN_FIELD_CUSTOMER_NAME, FALSE, { "CustomerName", "CustomerCompanyName" } },
  { PECAN_FIELD_CUSTOMER_DOMAIN, FALSE, { "CustomerDomainName" } },
  { PECAN_FIELD_CUSTOMER_COUNTRY, FALSE, { "CustomerCountry" } },
  { PECAN_FIELD_INVOICE_NUMBER, FALSE, { "InvoiceNumber" } },
  { PECAN_FIELD_PRODUCT_NAME, FALSE, { "ProductName" } },
  { PECAN_FIELD_SKU_NAME, FALSE, { "SkuName" } },
  { PECAN_FIELD_PUBLISHER_NAME, FALSE, { "PublisherName" } },
  { PECAN_FIELD_SUBSCRIPTION_ID, TRUE, { "SubscriptionId" } },
  { PECAN_FIELD_SUBSCRIPTION_NAME, FALSE, { "SubscriptionDescription" } },
  { PECAN_FIELD_CHARGE_START, TRUE, { "ChargeStartDate" } },
  { PECAN_FIELD_METER_DESCRIPTION, FALSE, { "MeterDescription" } },
  { PECAN_FIELD_UNIT, FALSE, { "UnitType" } },
  { PECAN_FIELD_UNIT_PRICE, FALSE, { "UnitPrice" } },
  { PECAN_FIELD_EFFECTIVE_PRICE, FALSE, { "EffectiveUnitPrice" } },
  { PECAN_FIELD_QUANTITY, FALSE, { "BillableQuantity", "Quantity" } },
  { PECAN_FIELD_BILLED, TRUE, { "Subtotal" } },
  { PECAN_FIELD_CURRENCY, TRUE, { "Currency" } },
  { PECAN_FIELD_PRICE_ADJUSTMENT, TRUE, { "PriceAdjustmentDescription" } },
  { PECAN_FIELD_RESERVATION_ORDER_ID, FALSE, { "ReservationOrderId" } },
  { PECAN_FIELD_CHARGE_TYPE, FALSE, { "ChargeType" } },
};

static const ColumnSpec cost_columns[] = {
  { PECAN_FIELD_PARTNER_ID, FALSE, { "partnerTenantId" } },
  { PECAN_FIELD_PARTNER_NAME, FALSE, { "partnerName" } },
  { PECAN_FIELD_MPN_ID, FALSE, { "resellerMpnId" } },
  { PECAN_FIELD_CUSTOMER_ID, TRUE, { "customerTenantId" } },
  { PECAN_FIELD_CUSTOMER_NAME, FALSE, { "customerName" } },
  { PECAN_FIELD_INVOICE_NUMBER, FALSE, { "invoiceId" } },
  { PECAN_FIELD_PRODUCT_NAME, FALSE, { "ProductName", "productOrderName" } },
  { PECAN_FIELD_PUBLISHER_NAME, FALSE, { "publisherName" } },
  { PECAN_FIELD_PUBLISHER_TYPE, FALSE, { "publisherType" } },
  { PECAN_FIELD_SUBSCRIPTION_ID, TRUE, { "SubscriptionId" } },
  { PECAN_FIELD_SUBSCRIPTION_NAME, FALSE, { "subscriptionName" } },
  { PECAN_FIELD_USAGE_DATE, TRUE, { "date" } },
  { PECAN_FIELD_METER_ID, FALSE, { "meterId" } },
  { PECAN_FIELD_METER_CATEGORY, FALSE, { "meterCategory" } },
  { PECAN_FIELD_METER_SUBCATEGORY, FALSE, { "meterSubCategory" } },
  { PECAN_FIELD_METER_NAME, FALSE, { "meterName" } },
  { PECAN_FIELD_METER_REGION, FALSE, { "meterRegion" } },
  { PECAN_FIELD_UNIT, FALSE, { "unitOfMeasure" } },
  { PECAN_FIELD_RESOURCE_URI, FALSE, { "ResourceId" } },
  { PECAN_FIELD_RESOURCE_GROUP, FALSE, { "resourceGroupName" } },
  { PECAN_FIELD_UNIT_PRICE, FALSE, { "PayGPrice", "unitPrice" } },
  { PECAN_FIELD_EFFECTIVE_PRICE, FALSE, { "effectivePrice" } },
  { PECAN_FIELD_QUANTITY, FALSE, { "quantity" } },
  { PECAN_FIELD_BILLED, TRUE, { "costInBillingCurrency" } },
  { PECAN_FIELD_CURRENCY, TRUE, { "billingCurrency" } },
  { PECAN_FIELD_PEC_RATE, FALSE, { "partnerEarnedCreditRate", "x_PartnerCreditRate" } },
  { PECAN_FIELD_PEC_APPLIED, FALSE, { "partnerEarnedCreditApplied", "x_PartnerCreditApplied" } },
  { PECAN_FIELD_BENEFIT_TYPE, FALSE, { "benefitName" } },
  { PECAN_FIELD_RESERVATION_ORDER_ID, FALSE, { "reservationId" } },
  { PECAN_FIELD_PRICING_MODEL, FALSE, { "PricingModel" } },
  { PECAN_FIELD_CHARGE_TYPE, FALSE, { "chargeType" } },
};

typedef struct
{
  PecanLayout       layout;
  const char       *id;
  const char       *signature[4];   /* columns typical of this layout, normalised */
  const ColumnSpec *columns;
  guint             n_columns;
} LayoutSpec;

/* A layout is told by the most of its typical columns, two at least, so that
 * a file missing one required column is still recognised and the column
 * named. */
static const LayoutSpec layouts[] = {
  { PECAN_LAYOUT_COST_EXPORT, "cost-export",
    { "costinbillingcurrency", "billingaccountid", "customertenantid", "paygcostinbillingcurrency" },
    cost_columns, G_N_ELEMENTS (cost_columns) },
  { PECAN_LAYOUT_DAILY, "daily",
    { "billingpretaxtotal", "usagedate", "entitlementid", "partnerearnedcreditpercentage" },
    daily_columns, G_N_ELEMENTS (daily_columns) },
  { PECAN_LAYOUT_INVOICE, "invoice",
    { "subtotal", "priceadjustmentdescription", "billablequantity", "termandbillingcycle" },
    invoice_columns, G_N_ELEMENTS (invoice_columns) },
};

/* Lower case, without blanks, underscores or a byte order mark. */
static char *
normalise_name (const char *name)
{
  GString *out = g_string_sized_new (32);

  if (g_str_has_prefix (name, "\xEF\xBB\xBF"))
    name += 3;
  for (const char *p = name; *p; p++)
    {
      if (*p == ' ' || *p == '_' || *p == '\t' || *p == '"')
        continue;
      g_string_append_c (out, g_ascii_tolower (*p));
    }
  return g_string_free (out, FALSE);
}

static int
find_column (GHashTable       *index,
             const ColumnSpec *spec)
{
  for (guint i = 0; i < MAX_ALIASES && spec->names[i] != NULL; i++)
    {
      g_autofree char *key = normalise_name (spec->names[i]);
      gpointer value;

      if (g_hash_table_lookup_extended (index, key, NULL, &value))
        return GPOINTER_TO_INT (value);
    }
  return -1;
}

static const LayoutSpec *
find_layout (GHashTable *index)
{
  const LayoutSpec *best = NULL;
  guint best_hits = 1;

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      guint hits = 0;

      for (guint j = 0; j < G_N_ELEMENTS (layouts[i].signature); j++)
        hits += g_hash_table_contains (index, layouts[i].signature[j]);
      if (hits > best_hits)
        best = &layouts[i], best_hits = hits;
    }
  return best;
}

static gboolean
map_columns (PecanFormat       *format,
             const LayoutSpec  *layout,
             GHashTable        *index,
             const char        *file_name,
             GError           **error)
{
  for (guint i = 0; i < layout->n_columns; i++)
    {
      const ColumnSpec *spec = &layout->columns[i];
      int column = find_column (index, spec);

      if (column < 0 && spec->required)
        {
          g_set_error (error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_MISSING_COLUMN,
                       /* Translators: the first %s is a file name, the second a column name. */
                       _("“%s” has no column “%s”, which a %s needs. Export the file again "
                         "from Partner Center or Azure Cost Management with all columns."),
                       file_name, spec->names[0], pecan_layout_describe (layout->layout));
          return FALSE;
        }
      format->column[spec->field] = column;
    }
  return TRUE;
}

/* The daily file must say the PEC rate in one of two ways. */
static gboolean
check_pec_columns (PecanFormat  *format,
                   const char   *file_name,
                   GError      **error)
{
  switch (format->layout)
    {
    case PECAN_LAYOUT_DAILY:
      if (format->column[PECAN_FIELD_PEC_PERCENT] < 0 && format->column[PECAN_FIELD_PEC_RATE] < 0)
        {
          g_set_error (error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_MISSING_COLUMN,
                       _("“%s” has no column “%s”, which a %s needs. Export the file again "
                         "from Partner Center with all columns."),
                       file_name, "PartnerEarnedCreditPercentage",
                       pecan_layout_describe (format->layout));
          return FALSE;
        }
      format->pec_known = TRUE;
      break;
    case PECAN_LAYOUT_COST_EXPORT:
      format->pec_known = format->column[PECAN_FIELD_PEC_APPLIED] >= 0;
      break;
    case PECAN_LAYOUT_INVOICE:
      format->pec_known = TRUE;
      break;
    case PECAN_LAYOUT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/**
 * pecan_format_recognise:
 * @format: (out caller-allocates): where the columns are
 * @header: the names in the file's first line
 * @n_columns: how many there are
 * @file_name: the file's name, for messages
 * @error: return location for a #PECAN_IMPORT_ERROR
 *
 * Recognises the layout of a usage file from its header alone, whatever the
 * order of its columns, and finds the columns Pecan reads.
 *
 * Returns: %TRUE when the header is that of a known layout with every
 *   required column
 */
gboolean
pecan_format_recognise (PecanFormat        *format,
                        const char * const *header,
                        guint               n_columns,
                        const char         *file_name,
                        GError            **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const LayoutSpec *layout;

  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (header != NULL || n_columns == 0, FALSE);

  memset (format, 0, sizeof *format);
  for (guint i = 0; i < PECAN_N_FIELDS; i++)
    format->column[i] = -1;
  format->n_columns = n_columns;

  /* The first column of a name wins, as a spreadsheet's lookup would. */
  for (guint i = n_columns; i > 0; i--)
    g_hash_table_replace (index, normalise_name (header[i - 1]), GINT_TO_POINTER (i - 1));

  layout = find_layout (index);
  if (layout == NULL)
    {
      g_set_error (error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_UNKNOWN_LAYOUT,
                   _("“%s” is not a usage file Pecan can read: its first line names none of "
                     "the columns of a Partner Center daily rated usage file, an invoice "
                     "reconciliation file or an Azure Cost Management export. Choose one of "
                     "those files, as downloaded, with its header line."),
                   file_name);
      return FALSE;
    }
  format->layout = layout->layout;
  if (!map_columns (format, layout, index, file_name, error))
    return FALSE;

  /* A daily file names the customer's Azure subscription in EntitlementId;
   * files without it only have the Azure plan. */
  if (format->layout == PECAN_LAYOUT_DAILY && format->column[PECAN_FIELD_SUBSCRIPTION_ID] < 0)
    format->column[PECAN_FIELD_SUBSCRIPTION_ID] = format->column[PECAN_FIELD_PLAN_ID];
  if (format->column[PECAN_FIELD_SUBSCRIPTION_ID] < 0)
    {
      g_set_error (error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_MISSING_COLUMN,
                   _("“%s” has no column “%s”, which a %s needs. Export the file again "
                     "from Partner Center with all columns."),
                   file_name, "EntitlementId", pecan_layout_describe (format->layout));
      return FALSE;
    }
  return check_pec_columns (format, file_name, error);
}

/**
 * pecan_format_column_name:
 * @format: a recognised format
 * @field: a field
 *
 * Returns: the name Microsoft gives the column of @field in this layout
 */
const char *
pecan_format_column_name (const PecanFormat *format,
                          PecanField         field)
{
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      if (layouts[i].layout != format->layout)
        continue;
      for (guint j = 0; j < layouts[i].n_columns; j++)
        if (layouts[i].columns[j].field == field)
          return layouts[i].columns[j].names[0];
    }
  return "?";
}

/**
 * pecan_layout_to_string:
 * @layout: a layout
 *
 * Returns: the layout's stable identifier, as stored and as in JSON
 */
const char *
pecan_layout_to_string (PecanLayout layout)
{
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    if (layouts[i].layout == layout)
      return layouts[i].id;
  return "unknown";
}

/**
 * pecan_layout_from_string:
 * @text: an identifier from pecan_layout_to_string()
 *
 * Returns: the layout, or %PECAN_LAYOUT_UNKNOWN
 */
PecanLayout
pecan_layout_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    if (g_strcmp0 (layouts[i].id, text) == 0)
      return layouts[i].layout;
  return PECAN_LAYOUT_UNKNOWN;
}

/**
 * pecan_layout_describe:
 * @layout: a layout
 *
 * Returns: the layout's name for people, translated
 */
const char *
pecan_layout_describe (PecanLayout layout)
{
  switch (layout)
    {
    case PECAN_LAYOUT_DAILY:
      return _("Partner Center daily rated usage file");
    case PECAN_LAYOUT_INVOICE:
      return _("Partner Center invoice reconciliation file");
    case PECAN_LAYOUT_COST_EXPORT:
      return _("Azure Cost Management export");
    case PECAN_LAYOUT_UNKNOWN:
    default:
      return _("unknown file");
    }
}
