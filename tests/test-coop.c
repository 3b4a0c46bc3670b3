/* test-coop.c: co-op claims: periods, deadlines, rules, steps, storage, pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pecan-coop.h"
#include "pecan-error.h"
#include "pecan-parse.h"
#include "pecan-test-util.h"

typedef PecanTestFixture Fixture;

static gint32
day (int y,
     int m,
     int d)
{
  return pecan_day_from_ymd (y, m, d);
}

static gint64
money (const char *text)
{
  gint64 nano = 0;

  g_assert_cmpint (pecan_parse_nano (text, strlen (text), PECAN_DECIMAL_POINT, &nano), ==,
                   PECAN_PARSE_OK);
  return nano;
}

static void
add_document (PecanCoopInfo         *info,
              PecanCoopDocumentKind  kind,
              const char            *name,
              const char            *amount,
              gint32                 on)
{
  PecanCoopDocument document = {
    .kind = kind,
    .name = (char *) name,
    .path = (char *) "/tmp/doc.pdf",
    .sha256 = (char *) "ab12",
    .size = 100,
    .has_amount = amount != NULL,
    .amount = amount != NULL ? money (amount) : 0,
    .day = on,
  };

  pecan_coop_info_add_document (info, &document);
}

/* A webinar in FY2026 H2 that breaks no rule. */
static void
complete_claim (PecanCoopInfo *info)
{
  pecan_coop_info_init (info);
  info->location_id = g_strdup ("6081234");
  info->funding_pool = g_strdup ("CSP Indirect Reseller Co-op");
  info->fiscal_year = 2026;
  info->half = 2;
  info->activity_name = g_strdup ("Azure migration webinar");
  info->activity_description = g_strdup ("A webinar for 40 customers on moving to Azure.");
  info->start_day = day (2026, 3, 10);
  info->end_day = day (2026, 3, 12);
  info->amount = money ("1234.50");
  info->currency = g_strdup ("EUR");
  info->partner_id = g_strdup ("6081234");
  info->contact_email = g_strdup ("marketing@northwind.example");
  add_document (info, PECAN_COOP_INVOICE, "Invoice 114, Fabrikam Events", "1000.00",
                day (2026, 3, 14));
  add_document (info, PECAN_COOP_INVOICE, "Invoice 7, Litware Ads", "234.50", day (2026, 3, 1));
  add_document (info, PECAN_COOP_EVIDENCE, "Attendance sheet", NULL, day (2026, 3, 12));
}

static void
set (char       **field,
     const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static char *
problems_of (const PecanCoopInfo *info,
             GListModel          *others,
             gint32               today,
             gboolean             warnings)
{
  g_autoptr(GPtrArray) problems = pecan_coop_check (info, others, 45, today);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const PecanCoopProblem *p = problems->pdata[i];

      if (p->severity == PECAN_COOP_WARNING && !warnings)
        continue;
      g_assert_cmpuint (strlen (p->message), >, 10);
      g_string_append_printf (text, "%s%s:%s", text->len > 0 ? " " : "",
                              p->severity == PECAN_COOP_ERROR ? "error" : "warning", p->field);
    }
  return g_string_free (text, FALSE);
}

static char *
message_of (const PecanCoopInfo *info,
            const char          *field,
            gint32               today)
{
  g_autoptr(GPtrArray) problems = pecan_coop_check (info, NULL, 45, today);

  for (guint i = 0; i < problems->len; i++)
    {
      const PecanCoopProblem *p = problems->pdata[i];
      if (g_str_equal (p->field, field))
        return g_strdup (p->message);
    }
  g_assert_not_reached ();
}

/* Usage periods and deadlines, across the fiscal and calendar years. */
static void
test_periods (void)
{
  const struct
  {
    int    fy, half;
    gint32 first, last, due;
  } cases[] = {
    { 2026, 1, day (2025, 7, 1), day (2025, 12, 31), day (2026, 2, 14) },
    { 2026, 2, day (2026, 1, 1), day (2026, 6, 30), day (2026, 8, 14) },
    { 2025, 1, day (2024, 7, 1), day (2024, 12, 31), day (2025, 2, 14) },
    { 2028, 2, day (2028, 1, 1), day (2028, 6, 30), day (2028, 8, 14) },
  };
  const struct
  {
    gint32 day;
    int    fy, half;
  } days[] = {
    { day (2025, 12, 31), 2026, 1 },
    { day (2026, 1, 1), 2026, 2 },
    { day (2026, 6, 30), 2026, 2 },
    { day (2026, 7, 1), 2027, 1 },
    { day (2024, 2, 29), 2024, 2 },
  };
  g_autofree char *h1 = pecan_coop_period_label (2026, 1);
  g_autofree char *h2 = pecan_coop_period_label (2026, 2);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PecanPeriod period;

      pecan_coop_usage_period (cases[i].fy, cases[i].half, &period);
      g_assert_cmpint (period.first, ==, cases[i].first);
      g_assert_cmpint (period.last, ==, cases[i].last);
      g_assert_cmpint (pecan_coop_deadline (cases[i].fy, cases[i].half, 45), ==, cases[i].due);
      g_assert_cmpint (pecan_coop_deadline (cases[i].fy, cases[i].half, 0), ==, cases[i].last);
    }
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      int fy, half;

      g_assert_true (pecan_coop_period_of_day (days[i].day, &fy, &half));
      g_assert_cmpint (fy, ==, days[i].fy);
      g_assert_cmpint (half, ==, days[i].half);
    }
  g_assert_cmpstr (h1, ==, "FY2026 H1 (July–December 2025)");
  g_assert_cmpstr (h2, ==, "FY2026 H2 (January–June 2026)");
}

static void
test_business_email (void)
{
  g_assert_true (pecan_coop_is_business_email ("ann@northwind.example"));
  g_assert_true (pecan_coop_is_business_email ("ann@contoso.co.uk"));
  g_assert_false (pecan_coop_is_business_email ("ann@gmail.com"));
  g_assert_false (pecan_coop_is_business_email ("ann@Outlook.com"));
  g_assert_false (pecan_coop_is_business_email ("ann@gmx.de"));
  g_assert_false (pecan_coop_is_business_email ("ann at contoso.com"));
}

/* Every rule, one field broken at a time. */
static void
test_rules (void)
{
  gint32 today = day (2026, 7, 1);
  PecanCoopInfo info;
  g_autofree char *none = NULL;
  g_autofree char *message = NULL;

  complete_claim (&info);
  none = problems_of (&info, NULL, today, TRUE);
  g_assert_cmpstr (none, ==, "warning:deadline");

#define EXPECT(want)                                               \
  G_STMT_START {                                                   \
    g_autofree char *got = problems_of (&info, NULL, today, FALSE); \
    g_assert_cmpstr (got, ==, (want));                             \
  } G_STMT_END

  set (&info.location_id, " ");
  set (&info.funding_pool, NULL);
  EXPECT ("error:location-id error:funding-pool");
  set (&info.location_id, "6081234");
  set (&info.funding_pool, "Pool");
  info.half = 3;
  EXPECT ("error:usage-period");
  info.half = 2;

  set (&info.activity_name, "");
  set (&info.activity_description, "");
  EXPECT ("error:activity-name error:activity-description");
  set (&info.activity_name, "Azure migration webinar");
  set (&info.activity_description, "Webinar");

  /* Dates inside the usage period. */
  info.end_day = day (2026, 3, 1);
  EXPECT ("error:dates");
  info.start_day = day (2025, 12, 20);
  info.end_day = day (2026, 1, 5);
  EXPECT ("error:dates");
  message = message_of (&info, "dates", today);
  g_assert_nonnull (strstr (message, "FY2026 H2 (January–June 2026)"));
  info.start_day = 0;
  EXPECT ("error:dates");
  info.start_day = day (2026, 3, 10);
  info.end_day = day (2026, 3, 12);

  /* The amount: the invoices' to the cent, and the receipts'. */
  info.amount = money ("1234.51");
  EXPECT ("error:amount");
  g_clear_pointer (&message, g_free);
  message = message_of (&info, "amount", today);
  g_assert_nonnull (strstr (message, "1234.51 EUR"));
  g_assert_nonnull (strstr (message, "1234.50 EUR"));
  info.amount = money ("1234.504");
  EXPECT ("");
  add_document (&info, PECAN_COOP_RECEIPT, "Bank transfer", "1000.00", day (2026, 3, 20));
  EXPECT ("error:amount");
  add_document (&info, PECAN_COOP_RECEIPT, "Card payment", "234.50", day (2026, 3, 20));
  EXPECT ("");
  info.amount = 0;
  EXPECT ("error:amount error:amount error:amount");
  info.amount = money ("1234.50");

  /* Documents: named, dated inside the period, with their amounts. */
  add_document (&info, PECAN_COOP_EVIDENCE, "Screenshots", NULL, day (2026, 7, 2));
  EXPECT ("error:documents");
  g_array_remove_index (info.documents, info.documents->len - 1);
  add_document (&info, PECAN_COOP_INVOICE, "", NULL, day (2026, 3, 2));
  EXPECT ("error:documents error:documents");
  g_array_remove_index (info.documents, info.documents->len - 1);
  g_array_remove_index (info.documents, 2);
  EXPECT ("error:documents");
  g_clear_pointer (&message, g_free);
  message = message_of (&info, "documents", today);
  g_assert_nonnull (strstr (message, "proof that the activity took place"));
  add_document (&info, PECAN_COOP_CONTRACT, "Statement of work", NULL, day (2026, 2, 1));
  EXPECT ("");
  /* In-house work: a certification statement instead of invoices. */
  g_array_set_size (info.documents, 0);
  add_document (&info, PECAN_COOP_CONTRACT, "Statement of work", NULL, day (2026, 2, 1));
  add_document (&info, PECAN_COOP_CERTIFICATION, "Certification", "1234.50", day (2026, 3, 12));
  EXPECT ("");
  g_array_remove_index (info.documents, 1);
  EXPECT ("error:documents");

  g_array_set_size (info.documents, 0);
  pecan_coop_info_clear (&info);
  complete_claim (&info);

  /* A business email for the contact. */
  set (&info.contact_email, "ann@gmail.com");
  EXPECT ("error:contact-email");
  set (&info.contact_email, "ann");
  EXPECT ("error:contact-email");
  set (&info.contact_email, "ann@northwind.example");
  set (&info.currency, "");
  set (&info.partner_id, "");
  EXPECT ("error:currency error:partner-id");
  set (&info.currency, "EUR");
  set (&info.partner_id, "1");

  /* The deadline counts down, then has passed. */
  {
    g_autofree char *left = NULL;
    g_autofree char *late = NULL;

    today = day (2026, 8, 4);
    left = message_of (&info, "deadline", today);
    g_assert_nonnull (strstr (left, "Submit it by 14 August 2026: 10 days left."));
    today = day (2026, 8, 15);
    EXPECT ("error:deadline");
    late = message_of (&info, "deadline", today);
    g_assert_nonnull (strstr (late, "was due on 14 August 2026"));
  }

  /* Partner action required: 14 days to answer. */
  {
    PecanCoopEvent asked = { PECAN_COOP_ACTION_REQUIRED, day (2026, 8, 20), g_strdup ("") };
    g_autofree char *answer = NULL;

    g_array_append_val (info.history, asked);
    info.status = PECAN_COOP_ACTION_REQUIRED;
    today = day (2026, 8, 25);
    g_assert_cmpint (pecan_coop_info_answer_by (&info), ==, day (2026, 9, 3));
    answer = message_of (&info, "status", today);
    g_assert_nonnull (strstr (answer, "answer by 3 September 2026 (9 days left)"));
    today = day (2026, 9, 4);
    EXPECT ("error:status");
  }
  /* Documents are kept 24 months from the activity. */
  g_assert_cmpint (pecan_coop_info_keep_until (&info), ==, day (2028, 3, 12));
#undef EXPECT
  pecan_coop_info_clear (&info);
}

/* The same activity and dates twice is flagged; a rejected one is not. */
static void
test_duplicate (void)
{
  g_autoptr(GListStore) others = g_list_store_new (PECAN_TYPE_COOP_CLAIM);
  g_autoptr(PecanCoopClaim) first = NULL;
  PecanCoopInfo info, other;
  gint32 today = day (2026, 7, 1);

  complete_claim (&info);
  info.id = 2;
  complete_claim (&other);
  other.id = 1;
  set (&other.activity_name, "azure migration webinar");
  first = pecan_coop_claim_new (&other);
  g_list_store_append (others, first);
  {
    g_autofree char *got = problems_of (&info, G_LIST_MODEL (others), today, FALSE);
    g_assert_cmpstr (got, ==, "");
  }
  set (&other.activity_name, "Azure migration webinar");
  g_clear_object (&first);
  g_list_store_remove_all (others);
  first = pecan_coop_claim_new (&other);
  g_list_store_append (others, first);
  {
    g_autofree char *got = problems_of (&info, G_LIST_MODEL (others), today, FALSE);
    g_assert_cmpstr (got, ==, "error:activity-name");
  }
  info.id = 1;
  {
    g_autofree char *got = problems_of (&info, G_LIST_MODEL (others), today, FALSE);
    g_assert_cmpstr (got, ==, "");
  }
  pecan_coop_info_clear (&info);
  pecan_coop_info_clear (&other);
}

static void
test_steps (void)
{
  PecanCoopInfo info;
  g_autoptr(GPtrArray) problems = NULL;
  gint32 today = day (2026, 7, 1);

  pecan_coop_info_init (&info);
  problems = pecan_coop_check (&info, NULL, 45, today);
  for (int s = 0; s < PECAN_COOP_N_STEPS; s++)
    g_assert_false (pecan_coop_step_done (&info, problems, s));
  g_assert_true (pecan_coop_step_is_manual (PECAN_COOP_STEP_SIGN_IN));
  g_assert_false (pecan_coop_step_is_manual (PECAN_COOP_STEP_PROOF));
  pecan_coop_info_clear (&info);
  g_clear_pointer (&problems, g_ptr_array_unref);

  complete_claim (&info);
  info.ticked[PECAN_COOP_STEP_SIGN_IN] = today;
  problems = pecan_coop_check (&info, NULL, 45, today);
  g_assert_true (pecan_coop_step_done (&info, problems, PECAN_COOP_STEP_SIGN_IN));
  g_assert_false (pecan_coop_step_done (&info, problems, PECAN_COOP_STEP_INCENTIVES));
  g_assert_true (pecan_coop_step_done (&info, problems, PECAN_COOP_STEP_NEW_CLAIM));
  g_assert_true (pecan_coop_step_done (&info, problems, PECAN_COOP_STEP_DETAILS));
  g_assert_true (pecan_coop_step_done (&info, problems, PECAN_COOP_STEP_PROOF));
  g_assert_false (pecan_coop_step_done (&info, problems, PECAN_COOP_STEP_SUBMIT));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A mismatched amount holds back the proof, and what follows it. */
  info.amount = money ("99.00");
  problems = pecan_coop_check (&info, NULL, 45, today);
  g_assert_true (pecan_coop_step_done (&info, problems, PECAN_COOP_STEP_NEW_CLAIM));
  g_assert_true (pecan_coop_step_done (&info, problems, PECAN_COOP_STEP_DETAILS));
  g_assert_false (pecan_coop_step_done (&info, problems, PECAN_COOP_STEP_PROOF));
  pecan_coop_info_clear (&info);

  for (int s = 0; s < PECAN_COOP_N_STEPS; s++)
    g_assert_nonnull (pecan_coop_step_label (s));
}

static void
test_transitions (void)
{
  /* From each status (rows), to each: E S D A Ap Rj P. */
  static const char *allowed[] = {
    ".x.....",
    "..xxxx.",
    "...xxx.",
    ".x...x.",
    "......x",
    ".......",
    ".......",
  };

  for (int from = PECAN_COOP_EDITING; from <= PECAN_COOP_PAID; from++)
    for (int to = PECAN_COOP_EDITING; to <= PECAN_COOP_PAID; to++)
      g_assert_cmpint (pecan_coop_can_move (from, to), ==, allowed[from][to] == 'x');
  for (int s = PECAN_COOP_EDITING; s <= PECAN_COOP_PAID; s++)
    {
      PecanCoopStatus back;

      g_assert_true (pecan_coop_status_from_string (pecan_coop_status_to_string (s), &back));
      g_assert_cmpint (back, ==, s);
    }
}

static void
test_store (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanCoopClaim) claim = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GArray) funds = NULL;
  const PecanCoopInfo *saved;
  const PecanCoopFunds *f2;
  PecanCoopInfo info, second;
  gint32 today = day (2026, 7, 1);

  g_assert_cmpint (pecan_coop_get_deadline_days (f->store), ==, 45);
  complete_claim (&info);
  info.amount = money ("1000.00");
  g_assert_true (pecan_coop_save (f->store, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.id, >, 0);
  g_assert_cmpint (info.status, ==, PECAN_COOP_EDITING);
  g_assert_true (pecan_coop_tick (f->store, info.id, PECAN_COOP_STEP_SIGN_IN, today, &error));

  pecan_test_fixture_reopen (f);
  claim = pecan_coop_load (f->store, info.id, &error);
  g_assert_no_error (error);
  saved = pecan_coop_claim_get_info (claim);
  g_assert_cmpstr (saved->program, ==, "Microsoft Commerce Incentives");
  g_assert_cmpstr (saved->fund_category, ==, "Cloud Solutions Provider");
  g_assert_cmpint (saved->fiscal_year, ==, 2026);
  g_assert_cmpint (saved->half, ==, 2);
  g_assert_cmpint (saved->start_day, ==, day (2026, 3, 10));
  g_assert_cmpint (saved->amount, ==, money ("1000.00"));
  g_assert_cmpuint (saved->documents->len, ==, 3);
  g_assert_cmpint (g_array_index (saved->documents, PecanCoopDocument, 1).amount, ==,
                   money ("234.50"));
  g_assert_false (g_array_index (saved->documents, PecanCoopDocument, 2).has_amount);
  g_assert_cmpint (saved->ticked[PECAN_COOP_STEP_SIGN_IN], ==, today);
  g_assert_cmpint (saved->ticked[PECAN_COOP_STEP_INCENTIVES], ==, 0);

  /* Not submitted while the amounts differ. */
  g_assert_false (pecan_coop_set_status (f->store, info.id, PECAN_COOP_SUBMITTED, today, NULL,
                                         &error));
  g_assert_nonnull (strstr (error->message, "must equal the invoices to the cent"));
  g_clear_error (&error);
  info.amount = money ("1234.50");
  g_assert_true (pecan_coop_save (f->store, &info, &error));
  g_assert_true (pecan_coop_set_status (f->store, info.id, PECAN_COOP_SUBMITTED, today, NULL,
                                        &error));
  g_assert_no_error (error);

  /* Submitted: fixed, until a reviewer asks for more. */
  g_assert_false (pecan_coop_save (f->store, &info, &error));
  g_assert_nonnull (strstr (error->message, "unless a reviewer asks for more"));
  g_clear_error (&error);
  g_assert_false (pecan_coop_delete (f->store, info.id, &error));
  g_clear_error (&error);
  g_assert_true (pecan_coop_set_status (f->store, info.id, PECAN_COOP_ACTION_REQUIRED,
                                        day (2026, 7, 20), "Invoice 7 unreadable", &error));
  set (&info.notes, "Scanned invoice 7 again");
  g_assert_true (pecan_coop_save (f->store, &info, &error));
  g_assert_no_error (error);
  g_clear_object (&claim);
  claim = pecan_coop_load (f->store, info.id, &error);
  saved = pecan_coop_claim_get_info (claim);
  g_assert_cmpint (pecan_coop_info_answer_by (saved), ==, day (2026, 8, 3));
  g_assert_cmpuint (saved->history->len, ==, 3);
  g_assert_cmpstr (g_array_index (saved->history, PecanCoopEvent, 2).note, ==,
                   "Invoice 7 unreadable");
  g_assert_cmpstr (saved->notes, ==, "Scanned invoice 7 again");

  /* The funds of the period: earned, claimed, remaining, expiring. */
  complete_claim (&second);
  set (&second.activity_name, "Second activity");
  second.amount = money ("100.00");
  g_assert_true (pecan_coop_save (f->store, &second, &error));
  g_assert_true (pecan_coop_set_funds (f->store, 2026, 2, "eur", money ("5000"), &error));
  g_assert_true (pecan_coop_set_funds (f->store, 2026, 1, "EUR", money ("800"), &error));
  funds = pecan_coop_funds (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (funds->len, ==, 2);
  f2 = &g_array_index (funds, PecanCoopFunds, 1);
  g_assert_cmpint (f2->fiscal_year, ==, 2026);
  g_assert_cmpint (f2->half, ==, 2);
  g_assert_cmpstr (f2->currency, ==, "EUR");
  g_assert_cmpint (f2->earned, ==, money ("5000"));
  g_assert_cmpint (f2->claimed, ==, money ("1334.50"));
  g_assert_cmpint (f2->remaining, ==, money ("3665.50"));
  g_assert_cmpint (f2->expires_on, ==, day (2026, 8, 14));
  g_assert_true (pecan_coop_set_deadline_days (f->store, 60, &error));
  g_clear_pointer (&funds, g_array_unref);
  funds = pecan_coop_funds (f->store, &error);
  g_assert_cmpint (g_array_index (funds, PecanCoopFunds, 1).expires_on, ==, day (2026, 8, 29));

  /* Listed: the one the reviewer waits on first. */
  list = pecan_coop_list (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(PecanCoopClaim) top = g_list_model_get_item (list, 0);
    g_assert_cmpint (pecan_coop_claim_get_info (top)->id, ==, info.id);
  }
  g_assert_true (pecan_coop_delete (f->store, second.id, &error));
  g_assert_no_error (error);
  g_assert_null (pecan_coop_load (f->store, second.id, &error));
  g_assert_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_NOT_FOUND);
  pecan_coop_info_clear (&info);
  pecan_coop_info_clear (&second);
}

/* The pack lists what Partner Center asks for, in its order. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  const char *order[] = {
    "4. New claim", "Program", "Fund category", "Location", "Funding pool", "Usage period",
    "5. Claim details", "Activity name", "Activity description", "Start date", "End date",
    "Claimed amount", "Currency", "Partner ID", "Contact email", "6. Proof of execution",
    "7. Review and submit", "8. Track", "Keep the documents until", NULL,
  };
  const char *argv[4] = { "unzip", "-p", NULL, NULL };
  g_autofree char *path = g_build_filename (f->dir, "pack.xlsx", NULL);
  g_autofree char *unzip = g_find_program_in_path ("unzip");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *at;
  PecanCoopInfo info;

  complete_claim (&info);
  info.amount = money ("1234.56");
  g_assert_true (pecan_coop_save (f->store, &info, &error));
  g_assert_true (pecan_coop_export (f->store, &info, path, &error));
  g_assert_no_error (error);
  pecan_coop_info_clear (&info);
  if (unzip == NULL)
    {
      g_test_skip ("unzip is not installed");
      return;
    }
  argv[2] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, NULL, &error));
  at = strstr (out, "<sheetData>");
  g_assert_nonnull (at);
  for (guint i = 0; order[i] != NULL; i++)
    {
      at = strstr (at, order[i]);
      g_assert_nonnull (at);
    }
  g_assert_nonnull (strstr (out, "FY2026 H2 (January–June 2026)"));
  g_assert_nonnull (strstr (out, "must equal the invoices to the cent"));
  g_assert_nonnull (strstr (out, "Invoice 7, Litware Ads"));
  g_assert_nonnull (strstr (out, "<v>234.5</v>"));
  g_assert_nonnull (strstr (out, "ab12"));
  g_assert_nonnull (strstr (out, "2028-03-12"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/coop/periods", test_periods);
  g_test_add_func ("/coop/business-email", test_business_email);
  g_test_add_func ("/coop/rules", test_rules);
  g_test_add_func ("/coop/duplicate", test_duplicate);
  g_test_add_func ("/coop/steps", test_steps);
  g_test_add_func ("/coop/transitions", test_transitions);
  pecan_test_add ("/coop/store", NULL, test_store);
  pecan_test_add ("/coop/export", NULL, test_export);

  return g_test_run ();
}
