/* test-format.c: tests of the recognition of usage files and of the PEC rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pecan-error.h"
#include "pecan-format.h"
#include "pecan-parse.h"
#include "pecan-rules.h"
#include "pecan-test-util.h"

/* The names of a fixture's first line; the fixtures read here have no
 * quoted names. */
static GStrv
read_header (const char *name)
{
  g_autofree char *text = pecan_test_read_data (name, NULL);
  char *end = strpbrk (text, "\r\n");

  if (end != NULL)
    *end = '\0';
  return g_strsplit (text, ",", -1);
}

static int
index_of (const char * const *names,
          const char         *name)
{
  for (int i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return i;
  g_assert_not_reached ();
}

static void
recognise (PecanFormat        *format,
           const char * const *names,
           const char         *file_name)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pecan_format_recognise (format, names, g_strv_length ((GStrv) names),
                                         file_name, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (format->n_columns, ==, g_strv_length ((GStrv) names));
}

static void
recognise_fails (const char * const *names,
                 const char         *file_name,
                 int                 code,
                 const char         *column)
{
  PecanFormat format;
  g_autoptr(GError) error = NULL;

  g_assert_false (pecan_format_recognise (&format, names, g_strv_length ((GStrv) names),
                                          file_name, &error));
  g_assert_error (error, PECAN_IMPORT_ERROR, code);
  g_assert_nonnull (strstr (error->message, file_name));
  if (column != NULL)
    g_assert_nonnull (strstr (error->message, column));
}

/* Drops one name from a header, so that a required column is missing. */
static GStrv
without (const char * const *names,
         const char         *name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; names[i] != NULL; i++)
    if (!g_str_equal (names[i], name))
      g_strv_builder_add (builder, names[i]);
  return g_strv_builder_end (builder);
}

static GStrv
reversed (const char * const *names)
{
  guint n = g_strv_length ((GStrv) names);
  GStrv out = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    out[i] = g_strdup (names[n - 1 - i]);
  return out;
}

static void
test_daily (void)
{
  g_auto(GStrv) names = read_header ("daily-small.csv");
  PecanFormat format;

  recognise (&format, (const char * const *) names, "daily-small.csv");
  g_assert_cmpint (format.layout, ==, PECAN_LAYOUT_DAILY);
  g_assert_true (format.pec_known);
  g_assert_cmpuint (format.n_columns, ==, 55);
  g_assert_cmpint (format.column[PECAN_FIELD_CUSTOMER_ID], ==, 2);
  g_assert_cmpint (format.column[PECAN_FIELD_USAGE_DATE], ==, 20);
  g_assert_cmpint (format.column[PECAN_FIELD_BILLED], ==, 36);
  g_assert_cmpint (format.column[PECAN_FIELD_SUBSCRIPTION_ID], ==, 47);
  g_assert_cmpint (format.column[PECAN_FIELD_PLAN_ID], ==, 17);
  g_assert_cmpint (format.column[PECAN_FIELD_PEC_PERCENT], ==, 49);
  g_assert_cmpint (format.column[PECAN_FIELD_PEC_RATE], ==, -1);
  g_assert_cmpint (format.column[PECAN_FIELD_PRICE_ADJUSTMENT], ==, -1);
  g_assert_cmpstr (pecan_format_column_name (&format, PECAN_FIELD_BILLED), ==,
                   "BillingPreTaxTotal");
}

/* The same columns in the opposite order are found where they are. */
static void
test_daily_reversed (void)
{
  g_auto(GStrv) names = read_header ("daily-small.csv");
  g_auto(GStrv) back = reversed ((const char * const *) names);
  PecanFormat format;

  recognise (&format, (const char * const *) back, "reversed.csv");
  g_assert_cmpint (format.layout, ==, PECAN_LAYOUT_DAILY);
  g_assert_cmpint (format.column[PECAN_FIELD_BILLED], ==, 54 - 36);
  g_assert_cmpint (format.column[PECAN_FIELD_USAGE_DATE], ==, 54 - 20);
  g_assert_cmpint (format.column[PECAN_FIELD_CUSTOMER_ID], ==, 54 - 2);
  g_assert_cmpint (format.column[PECAN_FIELD_SUBSCRIPTION_ID], ==, 54 - 47);
}

static void
test_invoice (void)
{
  g_auto(GStrv) names = read_header ("invoice-small.csv");
  const char * const *n = (const char * const *) names;
  PecanFormat format;

  recognise (&format, n, "invoice-small.csv");
  g_assert_cmpint (format.layout, ==, PECAN_LAYOUT_INVOICE);
  g_assert_true (format.pec_known);
  g_assert_cmpuint (format.n_columns, ==, 47);
  g_assert_cmpint (format.column[PECAN_FIELD_BILLED], ==, index_of (n, "Subtotal"));
  g_assert_cmpint (format.column[PECAN_FIELD_CURRENCY], ==, index_of (n, "Currency"));
  g_assert_cmpint (format.column[PECAN_FIELD_CHARGE_START], ==, index_of (n, "ChargeStartDate"));
  g_assert_cmpint (format.column[PECAN_FIELD_QUANTITY], ==, index_of (n, "BillableQuantity"));
  g_assert_cmpint (format.column[PECAN_FIELD_PRICE_ADJUSTMENT], ==,
                   index_of (n, "PriceAdjustmentDescription"));
  g_assert_cmpint (format.column[PECAN_FIELD_RESERVATION_ORDER_ID], ==,
                   index_of (n, "ReservationOrderId"));
  g_assert_cmpstr (pecan_format_column_name (&format, PECAN_FIELD_BILLED), ==, "Subtotal");
}

static void
test_cost (void)
{
  g_auto(GStrv) names = read_header ("cost-small.csv");
  const char * const *n = (const char * const *) names;
  PecanFormat format;

  /* The first name still carries the file's byte order mark. */
  g_assert_true (g_str_has_prefix (names[0], "\xEF\xBB\xBF"));
  recognise (&format, n, "cost-small.csv");
  g_assert_cmpint (format.layout, ==, PECAN_LAYOUT_COST_EXPORT);
  g_assert_true (format.pec_known);
  g_assert_cmpuint (format.n_columns, ==, 70);
  g_assert_cmpint (format.column[PECAN_FIELD_INVOICE_NUMBER], ==, 0);
  g_assert_cmpint (format.column[PECAN_FIELD_BILLED], ==, index_of (n, "costInBillingCurrency"));
  g_assert_cmpint (format.column[PECAN_FIELD_USAGE_DATE], ==, index_of (n, "date"));
  g_assert_cmpint (format.column[PECAN_FIELD_PEC_RATE], ==,
                   index_of (n, "partnerEarnedCreditRate"));
  g_assert_cmpint (format.column[PECAN_FIELD_PEC_APPLIED], ==,
                   index_of (n, "partnerEarnedCreditApplied"));
  g_assert_cmpint (format.column[PECAN_FIELD_PRICING_MODEL], ==, index_of (n, "PricingModel"));
  g_assert_cmpstr (pecan_format_column_name (&format, PECAN_FIELD_BILLED), ==,
                   "costInBillingCurrency");
}

static void
test_cost_without_pec (void)
{
  g_auto(GStrv) names = read_header ("cost-nopec.csv");
  PecanFormat format;

  recognise (&format, (const char * const *) names, "cost-nopec.csv");
  g_assert_cmpint (format.layout, ==, PECAN_LAYOUT_COST_EXPORT);
  g_assert_cmpuint (format.n_columns, ==, 68);
  g_assert_false (format.pec_known);
  g_assert_cmpint (format.column[PECAN_FIELD_PEC_RATE], ==, -1);
  g_assert_cmpint (format.column[PECAN_FIELD_PEC_APPLIED], ==, -1);
  g_assert_cmpint (format.column[PECAN_FIELD_BILLED], >=, 0);
}

/* Other letter case, older names and unknown columns. */
static void
test_aliases (void)
{
  g_auto(GStrv) names = read_header ("daily-small-shuffled.csv");
  const char * const *n = (const char * const *) names;
  PecanFormat format;

  recognise (&format, n, "daily-small-shuffled.csv");
  g_assert_cmpint (format.layout, ==, PECAN_LAYOUT_DAILY);
  g_assert_cmpuint (format.n_columns, ==, 57);
  g_assert_cmpint (format.column[PECAN_FIELD_CUSTOMER_ID], ==, index_of (n, "customerid"));
  g_assert_cmpint (format.column[PECAN_FIELD_USAGE_DATE], ==, index_of (n, "USAGEDATE"));
  g_assert_cmpint (format.column[PECAN_FIELD_BILLED], ==, index_of (n, "billingpretaxtotal"));
  g_assert_cmpint (format.column[PECAN_FIELD_PEC_PERCENT], ==,
                   index_of (n, "partnerEarnedCreditPercentage"));
  g_assert_cmpint (format.column[PECAN_FIELD_SUBSCRIPTION_ID], ==, index_of (n, "entitlementId"));
  g_assert_cmpint (format.column[PECAN_FIELD_CREDIT_TYPE], ==, index_of (n, "CREDITTYPE"));
  g_assert_cmpint (format.column[PECAN_FIELD_MPN_ID], ==, index_of (n, "MPNID"));
  g_assert_cmpint (format.column[PECAN_FIELD_CUSTOMER_NAME], ==,
                   index_of (n, "CustomerCompanyName"));
  for (guint f = 0; f < PECAN_N_FIELDS; f++)
    {
      g_assert_cmpint (format.column[f], !=, index_of (n, "ReviewNote"));
      g_assert_cmpint (format.column[f], !=, index_of (n, "ExportBatch"));
      g_assert_cmpint (format.column[f], !=, index_of (n, "ResellerMPNID"));
    }
}

/* The REST API's camelCase names, with the PEC as a rate. */
static void
test_rest_names (void)
{
  const char * const names[] = {
    "customerId", "customerName", "usageDate", "meterCategory", "meterName",
    "billingPreTaxTotal", "billingCurrency", "entitlementId", "rateOfPartnerEarnedCredit",
    "someFutureColumn", NULL
  };
  PecanFormat format;

  recognise (&format, names, "rest.csv");
  g_assert_cmpint (format.layout, ==, PECAN_LAYOUT_DAILY);
  g_assert_true (format.pec_known);
  g_assert_cmpint (format.column[PECAN_FIELD_CUSTOMER_ID], ==, 0);
  g_assert_cmpint (format.column[PECAN_FIELD_CUSTOMER_NAME], ==, 1);
  g_assert_cmpint (format.column[PECAN_FIELD_USAGE_DATE], ==, 2);
  g_assert_cmpint (format.column[PECAN_FIELD_METER_CATEGORY], ==, 3);
  g_assert_cmpint (format.column[PECAN_FIELD_METER_NAME], ==, 4);
  g_assert_cmpint (format.column[PECAN_FIELD_BILLED], ==, 5);
  g_assert_cmpint (format.column[PECAN_FIELD_CURRENCY], ==, 6);
  g_assert_cmpint (format.column[PECAN_FIELD_SUBSCRIPTION_ID], ==, 7);
  g_assert_cmpint (format.column[PECAN_FIELD_PEC_RATE], ==, 8);
  g_assert_cmpint (format.column[PECAN_FIELD_PEC_PERCENT], ==, -1);
  g_assert_cmpint (format.column[PECAN_FIELD_PARTNER_ID], ==, -1);
}

static void
test_extra_columns (void)
{
  g_auto(GStrv) names = read_header ("invoice-small.csv");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) wider = NULL;
  PecanFormat format;

  g_strv_builder_add (builder, "Notes");
  g_strv_builder_addv (builder, (const char **) names);
  g_strv_builder_add (builder, "Reviewed by");
  wider = g_strv_builder_end (builder);
  recognise (&format, (const char * const *) wider, "wider.csv");
  g_assert_cmpint (format.layout, ==, PECAN_LAYOUT_INVOICE);
  g_assert_cmpuint (format.n_columns, ==, 49);
  g_assert_cmpint (format.column[PECAN_FIELD_PARTNER_ID], ==, 1);
  g_assert_cmpint (format.column[PECAN_FIELD_BILLED],
                   ==, index_of ((const char * const *) names, "Subtotal") + 1);
}

static void
test_missing_column (void)
{
  g_auto(GStrv) daily = read_header ("daily-small.csv");
  g_auto(GStrv) invoice = read_header ("invoice-small.csv");
  g_auto(GStrv) cost = read_header ("cost-small.csv");
  g_auto(GStrv) no_billed = without ((const char * const *) daily, "BillingPreTaxTotal");
  g_auto(GStrv) no_date = without ((const char * const *) daily, "UsageDate");
  g_auto(GStrv) no_subtotal = without ((const char * const *) invoice, "Subtotal");
  g_auto(GStrv) no_cost = without ((const char * const *) cost, "costInBillingCurrency");
  g_auto(GStrv) fixture = read_header ("bad-missing-column.csv");

  recognise_fails ((const char * const *) no_billed, "no-billed.csv",
                   PECAN_IMPORT_ERROR_MISSING_COLUMN, "BillingPreTaxTotal");
  recognise_fails ((const char * const *) no_date, "no-date.csv",
                   PECAN_IMPORT_ERROR_MISSING_COLUMN, "UsageDate");
  recognise_fails ((const char * const *) no_subtotal, "no-subtotal.csv",
                   PECAN_IMPORT_ERROR_MISSING_COLUMN, "Subtotal");
  recognise_fails ((const char * const *) no_cost, "no-cost.csv",
                   PECAN_IMPORT_ERROR_MISSING_COLUMN, "costInBillingCurrency");
  recognise_fails ((const char * const *) fixture, "bad-missing-column.csv",
                   PECAN_IMPORT_ERROR_MISSING_COLUMN, "BillingPreTaxTotal");
}

static void
test_unknown (void)
{
  g_auto(GStrv) bank = read_header ("bad-unknown.csv");
  const char * const one_known[] = { "Date", "BillingPreTaxTotal", "Amount", NULL };
  const char * const empty[] = { NULL };

  g_assert_cmpuint (g_strv_length (bank), ==, 7);
  recognise_fails ((const char * const *) bank, "bad-unknown.csv",
                   PECAN_IMPORT_ERROR_UNKNOWN_LAYOUT, NULL);
  /* One typical column is not enough to tell a layout. */
  recognise_fails (one_known, "one.csv", PECAN_IMPORT_ERROR_UNKNOWN_LAYOUT, NULL);
  recognise_fails (empty, "nothing.csv", PECAN_IMPORT_ERROR_UNKNOWN_LAYOUT, NULL);
}

static void
test_layout_names (void)
{
  const PecanLayout layouts[] = {
    PECAN_LAYOUT_DAILY, PECAN_LAYOUT_INVOICE, PECAN_LAYOUT_COST_EXPORT
  };

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    g_assert_cmpint (pecan_layout_from_string (pecan_layout_to_string (layouts[i])), ==,
                     layouts[i]);
  g_assert_cmpstr (pecan_layout_to_string (PECAN_LAYOUT_DAILY), ==, "daily");
  g_assert_cmpstr (pecan_layout_to_string (PECAN_LAYOUT_COST_EXPORT), ==, "cost-export");
  g_assert_cmpint (pecan_layout_from_string ("spreadsheet"), ==, PECAN_LAYOUT_UNKNOWN);
  g_assert_cmpint (pecan_layout_from_string (NULL), ==, PECAN_LAYOUT_UNKNOWN);
}

/* A Microsoft first-party consumption line: eligible. */
static PecanRuleInput
eligible_line (void)
{
  PecanRuleInput input = {
    .product_name = "Virtual Machines Dsv3 Series",
    .sku_name = "D2s v3",
    .meter_name = "D2s v3",
    .publisher_name = "Microsoft",
    .benefit_type = "Charge",
    .charge_type = "Usage",
    .credit_type = "Credit Not Applied",
    .pec_centi = 0,
    .pec_known = TRUE,
  };

  return input;
}

static void
check_ineligible (const PecanRuleInput *input,
                  PecanIneligible       expected)
{
  PecanIneligible reason = 42;

  g_assert_cmpint (pecan_rules_ineligible (input), ==, expected);
  g_assert_cmpint (pecan_rules_classify (input, &reason), ==,
                   expected == PECAN_INELIGIBLE_NONE ? PECAN_PEC_LOST : PECAN_PEC_INELIGIBLE);
  g_assert_cmpint (reason, ==, expected);
}

static void
test_rules_ineligible (void)
{
  PecanRuleInput in;

  in = eligible_line ();
  check_ineligible (&in, PECAN_INELIGIBLE_NONE);
  in.publisher_name = "Microsoft Corporation";
  check_ineligible (&in, PECAN_INELIGIBLE_NONE);
  in.publisher_name = "";   /* invoices of first-party products name no publisher */
  check_ineligible (&in, PECAN_INELIGIBLE_NONE);

  in = eligible_line ();
  in.benefit_type = "Reservation";
  check_ineligible (&in, PECAN_INELIGIBLE_RESERVATION);
  in = eligible_line ();
  in.pricing_model = "Reservation";
  check_ineligible (&in, PECAN_INELIGIBLE_RESERVATION);
  in = eligible_line ();
  in.product_name = "Reserved VM Instance";
  check_ineligible (&in, PECAN_INELIGIBLE_RESERVATION);
  in = eligible_line ();
  in.reservation_order_id = "5d8e0f8c-1a2b-4c3d-9e4f-0a1b2c3d4e5f";
  check_ineligible (&in, PECAN_INELIGIBLE_RESERVATION);
  in = eligible_line ();
  in.benefit_order_id = "7f3e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8";
  check_ineligible (&in, PECAN_INELIGIBLE_RESERVATION);

  in = eligible_line ();
  in.benefit_type = "SavingsPlan";
  check_ineligible (&in, PECAN_INELIGIBLE_SAVINGS_PLAN);
  in = eligible_line ();
  in.pricing_model = "SavingsPlan";
  check_ineligible (&in, PECAN_INELIGIBLE_SAVINGS_PLAN);
  in = eligible_line ();
  in.product_name = "Azure Savings Plan for Compute";
  check_ineligible (&in, PECAN_INELIGIBLE_SAVINGS_PLAN);

  in = eligible_line ();
  in.meter_name = "D2s v3 Spot";
  check_ineligible (&in, PECAN_INELIGIBLE_SPOT);
  in = eligible_line ();
  in.sku_name = "Spot D4s v3";
  check_ineligible (&in, PECAN_INELIGIBLE_SPOT);
  in = eligible_line ();
  in.pricing_model = "Spot";
  check_ineligible (&in, PECAN_INELIGIBLE_SPOT);
  /* "Hotspot" and "Spotlight" are not Spot VMs. */
  in = eligible_line ();
  in.meter_name = "Hotspot Data Transfer";
  in.sku_name = "Spotlight";
  check_ineligible (&in, PECAN_INELIGIBLE_NONE);

  in = eligible_line ();
  in.publisher_name = "Litware Backup Inc.";
  check_ineligible (&in, PECAN_INELIGIBLE_MARKETPLACE);
  in = eligible_line ();
  in.publisher_type = "Marketplace";
  check_ineligible (&in, PECAN_INELIGIBLE_MARKETPLACE);

  in = eligible_line ();
  in.charge_type = "Purchase";
  check_ineligible (&in, PECAN_INELIGIBLE_NOT_USAGE);
  in.charge_type = "usage";
  check_ineligible (&in, PECAN_INELIGIBLE_NONE);
  in.charge_type = NULL;
  check_ineligible (&in, PECAN_INELIGIBLE_NONE);
}

static void
test_rules_states (void)
{
  PecanRuleInput in = eligible_line ();
  PecanIneligible reason = 42;

  in.pec_centi = 1500;
  g_assert_cmpint (pecan_rules_classify (&in, &reason), ==, PECAN_PEC_EARNED);
  g_assert_cmpint (reason, ==, PECAN_INELIGIBLE_NONE);

  in.pec_centi = 0;
  g_assert_cmpint (pecan_rules_classify (&in, NULL), ==, PECAN_PEC_LOST);

  in.credit_type = "Azure Credit Applied";
  g_assert_cmpint (pecan_rules_classify (&in, NULL), ==, PECAN_PEC_CREDIT);

  in = eligible_line ();
  in.credit_type = NULL;
  in.pec_known = FALSE;
  g_assert_cmpint (pecan_rules_classify (&in, NULL), ==, PECAN_PEC_UNKNOWN);

  /* Unknown PEC on an ineligible line is still ineligible. */
  in.pricing_model = "Spot";
  g_assert_cmpint (pecan_rules_classify (&in, &reason), ==, PECAN_PEC_INELIGIBLE);
  g_assert_cmpint (reason, ==, PECAN_INELIGIBLE_SPOT);

  /* The money is what the file says: PEC applied is PEC earned. */
  in = eligible_line ();
  in.benefit_type = "Reservation";
  in.pec_centi = 1500;
  g_assert_cmpint (pecan_rules_classify (&in, &reason), ==, PECAN_PEC_EARNED);
  g_assert_cmpint (reason, ==, PECAN_INELIGIBLE_RESERVATION);

  g_assert_cmpstr (pecan_pec_state_to_string (PECAN_PEC_EARNED), ==, "earned");
  g_assert_cmpstr (pecan_pec_state_to_string (PECAN_PEC_LOST), ==, "lost");
  g_assert_cmpstr (pecan_pec_state_to_string (PECAN_PEC_CREDIT), ==, "credit");
  g_assert_cmpstr (pecan_pec_state_to_string (PECAN_PEC_INELIGIBLE), ==, "ineligible");
  g_assert_cmpstr (pecan_pec_state_to_string (PECAN_PEC_UNKNOWN), ==, "unknown");
}

static void
test_rules_adjustment (void)
{
  g_assert_cmpint (pecan_rules_parse_adjustment (
                     "[\"15.0% Partner earned credit for services managed\"]"), ==, 1500);
  g_assert_cmpint (pecan_rules_parse_adjustment (
                     "[\"12.5% Partner earned credit for services managed\"]"), ==, 1250);
  g_assert_cmpint (pecan_rules_parse_adjustment ("15% partner Earned Credit"), ==, 1500);
  g_assert_cmpint (pecan_rules_parse_adjustment (""), ==, 0);
  g_assert_cmpint (pecan_rules_parse_adjustment (NULL), ==, 0);
  g_assert_cmpint (pecan_rules_parse_adjustment ("[]"), ==, 0);
  g_assert_cmpint (pecan_rules_parse_adjustment ("[\"10.0% Promotional discount\"]"), ==, 0);
  g_assert_cmpint (pecan_rules_parse_adjustment ("Partner earned credit"), ==, 0);
}

static void
test_rules_numbers (void)
{
  g_assert_cmpint (pecan_rules_percent_to_centi (15 * PECAN_NANO, FALSE), ==, 1500);
  g_assert_cmpint (pecan_rules_percent_to_centi (150000000, TRUE), ==, 1500);
  /* A percentage written in a fraction column. */
  g_assert_cmpint (pecan_rules_percent_to_centi (15 * PECAN_NANO, TRUE), ==, 1500);
  g_assert_cmpint (pecan_rules_percent_to_centi (0, FALSE), ==, 0);
  g_assert_cmpint (pecan_rules_percent_to_centi (0, TRUE), ==, 0);
  g_assert_cmpint (pecan_rules_percent_to_centi (-15 * PECAN_NANO, FALSE), ==, 0);
  g_assert_cmpint (pecan_rules_percent_to_centi (12345000000, FALSE), ==, 1235);

  g_assert_cmpfloat_with_epsilon (pecan_rules_earned (85.0, 1500), 15.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (pecan_rules_earned (1.9584, 1500), 0.3456, 1e-12);
  g_assert_cmpfloat (pecan_rules_earned (85.0, 0), ==, 0.0);
  g_assert_cmpfloat (pecan_rules_earned (85.0, 10000), ==, 0.0);

  g_assert_true (pecan_rules_parse_flag ("True"));
  g_assert_true (pecan_rules_parse_flag ("true"));
  g_assert_true (pecan_rules_parse_flag ("1"));
  g_assert_false (pecan_rules_parse_flag ("False"));
  g_assert_false (pecan_rules_parse_flag (""));
  g_assert_false (pecan_rules_parse_flag (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/daily", test_daily);
  g_test_add_func ("/format/daily-reversed", test_daily_reversed);
  g_test_add_func ("/format/invoice", test_invoice);
  g_test_add_func ("/format/cost", test_cost);
  g_test_add_func ("/format/cost-without-pec", test_cost_without_pec);
  g_test_add_func ("/format/aliases", test_aliases);
  g_test_add_func ("/format/rest-names", test_rest_names);
  g_test_add_func ("/format/extra-columns", test_extra_columns);
  g_test_add_func ("/format/missing-column", test_missing_column);
  g_test_add_func ("/format/unknown", test_unknown);
  g_test_add_func ("/format/layout-names", test_layout_names);
  g_test_add_func ("/format/rules/ineligible", test_rules_ineligible);
  g_test_add_func ("/format/rules/states", test_rules_states);
  g_test_add_func ("/format/rules/adjustment", test_rules_adjustment);
  g_test_add_func ("/format/rules/numbers", test_rules_numbers);
  return g_test_run ();
}
