/* test-demo.c: tests of the demo usage file generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "pecan-demo.h"
#include "pecan-test-util.h"

#define N_COLUMNS 55

static const char *const expected_columns[N_COLUMNS] = {
  "PartnerId", "PartnerName", "CustomerId", "CustomerName", "CustomerDomainName",
  "CustomerCountry", "MpnId", "Tier2MpnId", "InvoiceNumber", "ProductId", "SkuId",
  "AvailabilityId", "SkuName", "ProductName", "PublisherName", "PublisherId",
  "SubscriptionDescription", "SubscriptionId", "ChargeStartDate", "ChargeEndDate",
  "UsageDate", "MeterType", "MeterCategory", "MeterId", "MeterSubCategory", "MeterName",
  "MeterRegion", "Unit", "ResourceLocation", "ConsumedService", "ResourceGroup",
  "ResourceURI", "ChargeType", "UnitPrice", "Quantity", "UnitType", "BillingPreTaxTotal",
  "BillingCurrency", "PricingPreTaxTotal", "PricingCurrency", "ServiceInfo1",
  "ServiceInfo2", "Tags", "AdditionalInfo", "EffectiveUnitPrice", "PCToBCExchangeRate",
  "PCToBCExchangeRateDate", "EntitlementId", "EntitlementDescription",
  "PartnerEarnedCreditPercentage", "CreditPercentage", "CreditType", "BenefitOrderId",
  "BenefitId", "BenefitType",
};

/* The file most tests read: two months, so one billed and one unbilled. */
static char *tmp_dir;
static char *shared_path;
static GPtrArray *shared_rows;   /* of GPtrArray of char *; the header first */

typedef struct
{
  GPtrArray *rows;
  GPtrArray *row;
} CsvSink;

static void
shared_options (PecanDemoOptions *options)
{
  pecan_demo_options_init (options);
  options->customers = 25;
  options->first_year = 2025;
  options->first_month = 11;
  options->months = 2;
  options->seed = 7;
}

static void
sink_field (void   *data,
            size_t  len,
            void   *user_data)
{
  CsvSink *sink = user_data;

  if (sink->row == NULL)
    sink->row = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (sink->row, g_strndup (data, len));
}

static void
sink_row (int   c,
          void *user_data)
{
  CsvSink *sink = user_data;

  g_ptr_array_add (sink->rows, sink->row != NULL ? sink->row : g_ptr_array_new ());
  sink->row = NULL;
}

/* libcsv trims blanks around unquoted fields unless told they are data. */
static int
no_space (unsigned char c)
{
  return 0;
}

/* Mapped, not read into the heap: freeing a large buffer between small
 * blocks makes glibc's MALLOC_PERTURB_ (set by meson test) slow. */
static GMappedFile *
map_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  GMappedFile *file = g_mapped_file_new (path, FALSE, &error);

  g_assert_no_error (error);
  return file;
}

static GPtrArray *
load_csv (const char *path)
{
  g_autoptr(GMappedFile) file = map_file (path);
  const char *text = g_mapped_file_get_contents (file);
  gsize len = g_mapped_file_get_length (file);
  struct csv_parser parser;
  CsvSink sink = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref), NULL };

  g_assert_cmpint (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI), ==, 0);
  csv_set_space_func (&parser, no_space);
  g_assert_cmpuint (csv_parse (&parser, text, len, sink_field, sink_row, &sink), ==, len);
  g_assert_cmpint (csv_fini (&parser, sink_field, sink_row, &sink), ==, 0);
  csv_free (&parser);
  return sink.rows;
}

static char *
write_demo (const char             *name,
            const PecanDemoOptions *options)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (pecan_demo_write (path, options, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static guint
column (const char *name)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_str_equal (expected_columns[i], name))
      return i;
  g_assert_not_reached ();
}

static const char *
field (guint       row,
       const char *name)
{
  GPtrArray *fields = g_ptr_array_index (shared_rows, row);

  return g_ptr_array_index (fields, column (name));
}

static double
number (guint       row,
        const char *name)
{
  const char *text = field (row, name);
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  g_assert_true (*text != '\0' && *end == '\0');
  return value;
}

static char *
file_sha256 (const char *path)
{
  g_autoptr(GMappedFile) file = map_file (path);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                      (const guchar *) g_mapped_file_get_contents (file),
                                      g_mapped_file_get_length (file));
}

static void
test_options (void)
{
  PecanDemoOptions options;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int first = g_date_time_get_year (now) * 12 + g_date_time_get_month (now) - 1 - 3;

  pecan_demo_options_init (&options);
  g_assert_cmpuint (options.customers, ==, 25);
  g_assert_cmpuint (options.months, ==, 3);
  g_assert_cmpuint (options.seed, ==, 1);
  g_assert_cmpstr (options.currency, ==, "EUR");
  g_assert_cmpint (options.first_year, ==, first / 12);
  g_assert_cmpint (options.first_month, ==, first % 12 + 1);
}

static void
test_header (void)
{
  g_autoptr(GMappedFile) file = map_file (shared_path);
  const char *text = g_mapped_file_get_contents (file);
  gsize len = g_mapped_file_get_length (file);
  GPtrArray *header = g_ptr_array_index (shared_rows, 0);

  g_assert_true (g_str_has_prefix (text, "PartnerId,PartnerName,"));   /* no BOM */
  g_assert_null (memchr (text, '\r', len));
  g_assert_true (g_utf8_validate_len (text, len, NULL));
  g_assert_cmpuint (header->len, ==, N_COLUMNS);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_assert_cmpstr (g_ptr_array_index (header, i), ==, expected_columns[i]);
}

static void
test_fields (void)
{
  for (guint i = 0; i < shared_rows->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (shared_rows, i))->len, ==, N_COLUMNS);
}

static void
test_deterministic (void)
{
  PecanDemoOptions options;
  g_autofree char *again = NULL, *other_seed = NULL, *in_usd = NULL;
  g_autofree char *sum = file_sha256 (shared_path);
  g_autofree char *sum_again = NULL, *sum_seed = NULL, *sum_usd = NULL;

  shared_options (&options);
  again = write_demo ("again.csv", &options);
  sum_again = file_sha256 (again);
  g_assert_cmpstr (sum, ==, sum_again);

  options.seed++;
  other_seed = write_demo ("other-seed.csv", &options);
  sum_seed = file_sha256 (other_seed);
  g_assert_cmpstr (sum, !=, sum_seed);

  shared_options (&options);
  options.currency = "USD";
  in_usd = write_demo ("usd.csv", &options);
  sum_usd = file_sha256 (in_usd);
  g_assert_cmpstr (sum, !=, sum_usd);
  g_assert_cmpint (g_unlink (again) | g_unlink (other_seed) | g_unlink (in_usd), ==, 0);
}

static void
test_size (void)
{
  /* 25 customers, 61 days: about 2.5 subscriptions of 8 meters each,
   * used on nine days in ten, so some 27,000 lines. */
  g_assert_cmpuint (shared_rows->len - 1, >, 16000);
  g_assert_cmpuint (shared_rows->len - 1, <, 38000);
}

static void
test_size_large (void)
{
  PecanDemoOptions options;
  g_autofree char *path = g_build_filename (tmp_dir, "large.csv", NULL);
  g_autoptr(GMappedFile) file = NULL;
  const char *text;
  gsize len, lines = 0;
  gint64 start = g_get_monotonic_time ();

  if (!g_test_slow ())
    {
      g_test_skip ("the 700-customer month only runs with -m slow");
      return;
    }
  pecan_demo_options_init (&options);
  options.customers = 700;
  options.months = 1;
  g_assert_true (pecan_demo_write (path, &options, NULL, NULL));
  g_test_message ("700 customers, one month: %.2f s", (g_get_monotonic_time () - start) / 1e6);
  file = map_file (path);
  text = g_mapped_file_get_contents (file);
  len = g_mapped_file_get_length (file);
  for (gsize i = 0; i < len; i++)
    lines += text[i] == '\n';   /* no field holds a line break */
  g_assert_cmpuint (lines - 1, >=, 350000);
  g_assert_cmpuint (lines - 1, <=, 420000);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
test_invoice (void)
{
  const char *november = NULL;

  for (guint i = 1; i < shared_rows->len; i++)
    {
      const char *invoice = field (i, "InvoiceNumber");
      const char *date = field (i, "UsageDate");

      if (g_str_has_prefix (date, "12/"))
        {
          g_assert_cmpstr (invoice, ==, "");
          g_assert_cmpstr (field (i, "ChargeStartDate"), ==, "12/01/2025");
          g_assert_cmpstr (field (i, "ChargeEndDate"), ==, "12/31/2025");
          continue;
        }
      g_assert_true (g_str_has_prefix (date, "11/") && g_str_has_suffix (date, "/2025"));
      g_assert_cmpstr (field (i, "ChargeEndDate"), ==, "11/30/2025");
      g_assert_true (g_regex_match_simple ("^G[0-9]{9}$", invoice, 0, 0));
      if (november == NULL)
        november = invoice;
      g_assert_cmpstr (invoice, ==, november);   /* one invoice per month */
    }
  g_assert_nonnull (november);
}

static void
test_totals (void)
{
  for (guint i = 1; i < shared_rows->len; i++)
    {
      double unit = number (i, "UnitPrice");
      double effective = number (i, "EffectiveUnitPrice");
      double quantity = number (i, "Quantity");
      double rate = number (i, "PCToBCExchangeRate");

      g_assert_cmpfloat_with_epsilon (number (i, "BillingPreTaxTotal"),
                                      effective * quantity * rate, 1e-6);
      g_assert_cmpfloat_with_epsilon (number (i, "PricingPreTaxTotal"), effective * quantity, 1e-6);
      g_assert_cmpfloat_with_epsilon (rate, 0.9213, 0.005);
      if (g_str_equal (field (i, "PartnerEarnedCreditPercentage"), "15") && effective > 0)
        g_assert_cmpfloat_with_epsilon (effective, unit * 0.85, 1e-8);
      g_assert_cmpstr (field (i, "BillingCurrency"), ==, "EUR");
      g_assert_cmpstr (field (i, "PricingCurrency"), ==, "USD");
      g_assert_cmpstr (field (i, "PCToBCExchangeRateDate"), ==, field (i, "UsageDate"));
    }
}

typedef struct
{
  guint spot, reservation, savings_plan, marketplace;
  guint no_pec, azure_credit, free_tier, quoted_name;
} KindCounts;

static gboolean
is_eligible (guint i)
{
  return strstr (field (i, "SkuName"), "Spot") == NULL
         && g_str_equal (field (i, "BenefitType"), "Charge")
         && g_str_equal (field (i, "PublisherName"), "Microsoft");
}

static void
count_kind (guint       i,
            KindCounts *counts)
{
  const char *pec = field (i, "PartnerEarnedCreditPercentage");
  const char *credit_type = field (i, "CreditType");

  counts->spot += strstr (field (i, "MeterName"), "Spot") != NULL;
  counts->reservation += g_str_equal (field (i, "BenefitType"), "Reservation")
                         && g_str_equal (field (i, "ProductName"), "Reserved VM Instance")
                         && *field (i, "BenefitOrderId") != '\0';
  counts->savings_plan += g_str_equal (field (i, "BenefitType"), "SavingsPlan")
                          && strstr (field (i, "ProductName"), "savings plan") != NULL;
  counts->marketplace += !g_str_equal (field (i, "PublisherName"), "Microsoft")
                         && *field (i, "PublisherId") != '\0';
  counts->no_pec += *pec == '\0' && g_str_equal (credit_type, "Credit Not Applied")
                    && *field (i, "CreditPercentage") == '\0';
  counts->azure_credit += g_str_equal (credit_type, "Azure Credit Applied")
                          && g_str_equal (field (i, "CreditPercentage"), "100")
                          && *pec == '\0' && number (i, "EffectiveUnitPrice") == 0;
  counts->free_tier += number (i, "EffectiveUnitPrice") == 0 && number (i, "UnitPrice") > 0;
  counts->quoted_name += strchr (field (i, "CustomerName"), ',') != NULL
                         && strchr (field (i, "CustomerName"), '"') != NULL;
}

static void
test_kinds (void)
{
  KindCounts counts = { 0 };

  for (guint i = 1; i < shared_rows->len; i++)
    {
      const char *pec = field (i, "PartnerEarnedCreditPercentage");

      count_kind (i, &counts);
      g_assert_true (*pec == '\0' || g_str_equal (pec, "15"));   /* never "0" */
      if (!is_eligible (i))
        g_assert_cmpstr (pec, ==, "");
      g_assert_true (g_str_has_suffix (field (i, "CustomerDomainName"), ".onmicrosoft.com"));
      g_assert_true (g_str_has_prefix (field (i, "ResourceURI"), "/subscriptions/"));
      g_assert_nonnull (strstr (field (i, "ResourceURI"), field (i, "EntitlementId")));
      g_assert_true (g_regex_match_simple ("^[01][0-9]/[0-3][0-9]/20[0-9]{2}$",
                                           field (i, "UsageDate"), 0, 0));
    }
  g_assert_cmpuint (counts.spot, >, 0);
  g_assert_cmpuint (counts.reservation, >, 0);
  g_assert_cmpuint (counts.savings_plan, >, 0);
  g_assert_cmpuint (counts.marketplace, >, 0);
  g_assert_cmpuint (counts.no_pec, >, 0);
  g_assert_cmpuint (counts.azure_credit, >, 0);
  g_assert_cmpuint (counts.free_tier, >, 0);
  g_assert_cmpuint (counts.quoted_name, >, 0);
}

/* Some subscriptions lose PEC for good, others get it back: incidents
 * with and without an end. */
static void
test_lost_pec (void)
{
  g_autoptr(GHashTable) state = g_hash_table_new (g_str_hash, g_str_equal);
  guint lost = 0, regained = 0;

  /* Lines come day by day, so each subscription's states are in date order. */
  for (guint i = 1; i < shared_rows->len; i++)
    {
      const char *entitlement = field (i, "EntitlementId");
      gboolean has_pec = *field (i, "PartnerEarnedCreditPercentage") != '\0';
      guint before = GPOINTER_TO_UINT (g_hash_table_lookup (state, entitlement));

      if (!is_eligible (i) || g_str_equal (field (i, "CreditType"), "Azure Credit Applied"))
        continue;
      if (has_pec && before == 2)
        regained++;
      if (!has_pec && before != 2)
        lost++;
      g_hash_table_insert (state, (gpointer) entitlement, GUINT_TO_POINTER (has_pec ? 1 : 2));
    }
  g_test_message ("%u subscriptions lost PEC, %u got it back", lost, regained);
  g_assert_cmpuint (lost, >, regained);
  g_assert_cmpuint (regained, >, 0);
}

static void
test_cancelled (void)
{
  PecanDemoOptions options;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (tmp_dir, "cancelled", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.csv", NULL);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  shared_options (&options);
  g_cancellable_cancel (cancellable);
  g_assert_false (pecan_demo_write (path, &options, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (pecan_test_count_entries (dir), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static gpointer
cancel_thread (gpointer data)
{
  g_usleep (20 * G_TIME_SPAN_MILLISECOND);
  g_cancellable_cancel (data);
  return NULL;
}

/* Cancelled part-way through a large file: the file it replaces is kept
 * and no temporary file is left. */
static void
test_cancelled_midway (void)
{
  PecanDemoOptions options;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GThread) thread = NULL;
  g_autofree char *dir = g_build_filename (tmp_dir, "midway", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.csv", NULL);
  g_autofree char *text = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  pecan_demo_options_init (&options);
  options.customers = 1000;
  options.months = 2;
  thread = g_thread_new ("cancel", cancel_thread, cancellable);
  if (pecan_demo_write (path, &options, cancellable, &error))
    {
      g_test_incomplete ("the file was written before the cancellation");
      g_assert_cmpint (g_unlink (path), ==, 0);
      g_assert_cmpint (g_rmdir (dir), ==, 0);
      return;
    }
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (pecan_test_count_entries (dir), ==, 1);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "old");
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_errors (void)
{
  PecanDemoOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (tmp_dir, "no-such-dir", "demo.csv", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "bad.csv", NULL);

  shared_options (&options);
  g_assert_false (pecan_demo_write (missing, &options, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  options.currency = "XYZ";
  g_assert_false (pecan_demo_write (path, &options, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  shared_options (&options);
  options.first_month = 13;
  g_assert_false (pecan_demo_write (path, &options, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  PecanDemoOptions options;
  int result;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("pecan-demo-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  shared_options (&options);
  shared_path = write_demo ("demo.csv", &options);
  shared_rows = load_csv (shared_path);

  g_test_add_func ("/demo/options", test_options);
  g_test_add_func ("/demo/header", test_header);
  g_test_add_func ("/demo/fields", test_fields);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/size", test_size);
  g_test_add_func ("/demo/size-large", test_size_large);
  g_test_add_func ("/demo/invoice", test_invoice);
  g_test_add_func ("/demo/totals", test_totals);
  g_test_add_func ("/demo/kinds", test_kinds);
  g_test_add_func ("/demo/lost-pec", test_lost_pec);
  g_test_add_func ("/demo/cancelled", test_cancelled);
  g_test_add_func ("/demo/cancelled-midway", test_cancelled_midway);
  g_test_add_func ("/demo/errors", test_errors);
  result = g_test_run ();

  g_ptr_array_unref (shared_rows);
  g_assert_cmpint (g_unlink (shared_path), ==, 0);
  g_assert_cmpint (g_rmdir (tmp_dir), ==, 0);
  g_free (shared_path);
  g_free (tmp_dir);
  return result;
}
