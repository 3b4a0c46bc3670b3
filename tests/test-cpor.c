/* test-cpor.c: CPOR customer associations: checks, statuses, storage, packet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pecan-cpor.h"
#include "pecan-error.h"
#include "pecan-parse.h"
#include "pecan-test-util.h"

typedef PecanTestFixture Fixture;

#define CONTOSO "0f8e2b6a-1c3d-4e5f-8a9b-1a2b3c4d5e6f"

static gint32
day (int y,
     int m,
     int d)
{
  return pecan_day_from_ymd (y, m, d);
}

/* A claim Partner Center would take as it is. */
static void
complete_claim (PecanCporInfo *info)
{
  const char *workloads[] = { "Microsoft Teams", "Microsoft Intune", NULL };

  pecan_cpor_info_init (info);
  info->name = g_strdup ("Contoso – Modern Work – 2026-03");
  info->partner_id = g_strdup ("6081234");
  info->customer_name = g_strdup ("Contoso \"Blue\", Ltd.");
  info->tenant_id = g_strdup (CONTOSO);
  info->id_type = PECAN_CPOR_ID_TENANT;
  info->customer_ref = g_strdup (CONTOSO);
  info->solution_area = g_strdup ("Modern Work and Security");
  info->engagement = g_strdup ("Modern Work and Security Usage");
  g_strfreev (info->workloads);
  info->workloads = g_strdupv ((char **) workloads);
  info->customer_contact_name = g_strdup ("Ann Lee");
  info->customer_contact_email = g_strdup ("ann.lee@contoso.com");
  info->customer_contact_title = g_strdup ("IT Director");
  info->partner_contact_name = g_strdup ("Sam Ortiz");
  info->partner_contact_email = g_strdup ("sam@northwind.example");
  pecan_cpor_info_add_document (info, PECAN_POE_SOW_DIGITAL, "/tmp/sow.pdf",
                                "ab12", 1234, day (2026, 3, 2));
}

static void
set (char       **field,
     const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* The problems of @info, as "severity:field" joined by spaces. */
static char *
problems_of (const PecanCporInfo *info,
             const char          *imported_domain,
             gint32               today)
{
  g_autoptr(GPtrArray) problems = pecan_cpor_check (info, imported_domain, today);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const PecanCporProblem *p = problems->pdata[i];

      g_assert_true (g_utf8_validate (p->message, -1, NULL));
      g_assert_cmpuint (strlen (p->message), >, 20);
      g_string_append_printf (text, "%s%s:%s", i > 0 ? " " : "",
                              p->severity == PECAN_CPOR_ERROR ? "error" : "warning", p->field);
    }
  return g_string_free (text, FALSE);
}

static const char *
first_message (const PecanCporInfo *info,
               const char          *imported_domain,
               gint32               today)
{
  static char message[512];
  g_autoptr(GPtrArray) problems = pecan_cpor_check (info, imported_domain, today);

  g_assert_cmpuint (problems->len, >, 0);
  g_strlcpy (message, ((PecanCporProblem *) problems->pdata[0])->message, sizeof message);
  return message;
}

static void
test_guid (void)
{
  const char *good[] = { CONTOSO, "0F8E2B6A-1C3D-4E5F-8A9B-1A2B3C4D5E6F", NULL };
  const char *bad[] = { "", "0f8e2b6a1c3d4e5f8a9b1a2b3c4d5e6f", "0f8e2b6a-1c3d-4e5f-8a9b-1a2b3c4d5e6",
                        "0f8e2b6a-1c3d-4e5f-8a9b-1a2b3c4d5e6f0", "0f8e2b6g-1c3d-4e5f-8a9b-1a2b3c4d5e6f",
                        "{0f8e2b6a-1c3d-4e5f-8a9b-1a2b3c4d5e6f}", "contoso.com", NULL };

  for (guint i = 0; good[i] != NULL; i++)
    g_assert_true (pecan_cpor_is_guid (good[i]));
  for (guint i = 0; bad[i] != NULL; i++)
    g_assert_false (pecan_cpor_is_guid (bad[i]));
  g_assert_false (pecan_cpor_is_guid (NULL));
}

static void
test_domain (void)
{
  const char *good[] = { "contoso.com", "contoso.onmicrosoft.com", "a-b.co.uk", "x1.io", NULL };
  const char *bad[] = { "", "contoso", "contoso.", ".contoso.com", "-a.com", "a-.com", "a..com",
                        "https://contoso.com", "ann@contoso.com", "contoso.c", "contoso.123",
                        "con toso.com", "contoso.com/", NULL };

  for (guint i = 0; good[i] != NULL; i++)
    g_assert_true (pecan_cpor_is_domain (good[i]));
  for (guint i = 0; bad[i] != NULL; i++)
    g_assert_false (pecan_cpor_is_domain (bad[i]));
}

static void
test_email (void)
{
  const char *good[] = { "ann@contoso.com", "ann.lee+claims@sub.contoso.co.uk", "a_b@x.io", NULL };
  const char *bad[] = { "", "ann", "@contoso.com", "ann@", "ann@@contoso.com", "ann@contoso",
                        ".ann@contoso.com", "ann.@contoso.com", "an..n@contoso.com",
                        "ann lee@contoso.com", "ann@contoso.com.", "Ann <ann@contoso.com>", NULL };

  for (guint i = 0; good[i] != NULL; i++)
    g_assert_true (pecan_cpor_is_email (good[i]));
  for (guint i = 0; bad[i] != NULL; i++)
    g_assert_false (pecan_cpor_is_email (bad[i]));
}

/* Every rule, one field broken at a time. */
static void
test_check (void)
{
  gint32 today = day (2026, 3, 10);
  PecanCporInfo info;
  g_autofree char *none = NULL;
  const char *message;

  complete_claim (&info);
  none = problems_of (&info, "contosoblue.onmicrosoft.com", today);
  g_assert_cmpstr (none, ==, "");

#define EXPECT(domain, want)                                          \
  G_STMT_START {                                                      \
    g_autofree char *got = problems_of (&info, (domain), today);      \
    g_assert_cmpstr (got, ==, (want));                                \
  } G_STMT_END

  set (&info.name, "  ");
  EXPECT (NULL, "error:name");
  set (&info.name, "Claim");
  set (&info.partner_id, "");
  EXPECT (NULL, "error:partner-id");
  set (&info.partner_id, "MPN-6081234");
  EXPECT (NULL, "error:partner-id");
  set (&info.partner_id, "6081234");

  /* The identifier must be of its type. */
  set (&info.customer_ref, "contoso.com");
  EXPECT (NULL, "error:customer-ref");
  message = first_message (&info, NULL, today);
  g_assert_nonnull (strstr (message, "Domain name"));
  info.id_type = PECAN_CPOR_ID_DOMAIN;
  EXPECT (NULL, "");
  /* The domain-tenant mismatch Partner Center rejects. */
  EXPECT ("contosoblue.onmicrosoft.com", "warning:customer-ref");
  message = first_message (&info, "contosoblue.onmicrosoft.com", today);
  g_assert_nonnull (strstr (message, "contosoblue.onmicrosoft.com"));
  g_assert_nonnull (strstr (message, "contoso.com"));
  EXPECT ("CONTOSO.COM", "");
  set (&info.customer_ref, "https://contoso.com");
  EXPECT (NULL, "error:customer-ref");
  info.id_type = PECAN_CPOR_ID_TPID;
  set (&info.customer_ref, "12345678");
  EXPECT (NULL, "");
  set (&info.customer_ref, "1234x");
  EXPECT (NULL, "error:customer-ref");
  info.id_type = PECAN_CPOR_ID_SUBSCRIPTION;
  EXPECT (NULL, "error:customer-ref");
  set (&info.customer_ref, "9a1b7c3d-0e2f-4a5b-b6c7-d8e9f0a1b2c3");
  EXPECT (NULL, "");
  info.id_type = PECAN_CPOR_ID_TENANT;
  set (&info.customer_ref, "7d41c9e0-52ab-4b8e-9f13-c0ffee2a6b71");
  EXPECT (NULL, "warning:customer-ref");
  set (&info.customer_ref, "");
  EXPECT (NULL, "error:customer-ref");
  set (&info.customer_ref, CONTOSO);

  set (&info.solution_area, "");
  set (&info.engagement, NULL);
  EXPECT (NULL, "error:solution-area error:engagement");
  set (&info.solution_area, "Business Applications");
  set (&info.engagement, "Power BI");
  g_strfreev (info.workloads);
  info.workloads = g_new0 (char *, 1);
  EXPECT (NULL, "error:workloads");
  g_strfreev (info.workloads);
  info.workloads = g_strsplit ("Power BI", "\n", -1);

  set (&info.customer_contact_name, "");
  set (&info.customer_contact_email, "ann.lee at contoso.com");
  set (&info.partner_contact_email, NULL);
  EXPECT (NULL, "error:customer-contact-name error:customer-contact-email "
                "error:partner-contact-email");
  message = first_message (&info, NULL, today);
  set (&info.customer_contact_name, "Ann");
  message = first_message (&info, NULL, today);
  g_assert_nonnull (strstr (message, "“ann.lee at contoso.com” is not an email address"));
  set (&info.customer_contact_email, " ann@contoso.com ");
  set (&info.partner_contact_email, "sam@northwind.example");
  set (&info.customer_contact_title, "");
  EXPECT (NULL, "");

  /* The proof of execution: signed by the customer, not other evidence alone. */
  g_array_set_size (info.documents, 0);
  EXPECT (NULL, "warning:documents");
  pecan_cpor_info_add_document (&info, PECAN_POE_OTHER, "/tmp/mail.eml", "cd", 10, today);
  EXPECT (NULL, "warning:documents");
  message = first_message (&info, NULL, today);
  g_assert_nonnull (strstr (message, "Other evidence alone is not enough"));
  /* Submitted: what keeps the claim from being paid. */
  info.status = PECAN_CPOR_SUBMITTED;
  EXPECT (NULL, "error:documents");
  info.incentives = FALSE;
  EXPECT (NULL, "warning:documents");
  info.incentives = TRUE;
  info.status = PECAN_CPOR_DRAFT;
  pecan_cpor_info_add_document (&info, PECAN_POE_TEMPLATE, "/tmp/poe.pdf", "ef", 10, today);
  EXPECT (NULL, "");

  /* The opt-out box, ticked while incentives are intended. */
  info.opt_out = TRUE;
  EXPECT (NULL, "warning:opt-out");
  info.incentives = FALSE;
  EXPECT (NULL, "");
  info.incentives = TRUE;
  info.opt_out = FALSE;

  /* Partner action required: the date to answer by. */
  {
    PecanCporEvent asked = { PECAN_CPOR_ACTION_REQUIRED, day (2026, 3, 2), g_strdup ("") };

    g_array_append_val (info.history, asked);
    info.status = PECAN_CPOR_ACTION_REQUIRED;
    g_assert_cmpint (pecan_cpor_info_answer_by (&info), ==, day (2026, 3, 16));
    EXPECT (NULL, "warning:status");
    message = first_message (&info, NULL, today);
    g_assert_nonnull (strstr (message, "answer by 16 March 2026 (6 days left)"));
    today = day (2026, 3, 17);
    EXPECT (NULL, "error:status");
    message = first_message (&info, NULL, today);
    g_assert_nonnull (strstr (message, "ran out on 16 March 2026"));
    info.status = PECAN_CPOR_SUBMITTED;
    g_assert_cmpint (pecan_cpor_info_answer_by (&info), ==, 0);
    EXPECT (NULL, "");
  }
#undef EXPECT
  pecan_cpor_info_clear (&info);
}

static void
test_transitions (void)
{
  /* From each status (rows), to each (columns): D R S A Ap Rj P. */
  static const char *allowed[] = {
    ".x.....",
    "x.x....",
    "...xxx.",
    "..x.xx.",
    "......x",
    ".......",
    ".......",
  };

  for (int from = PECAN_CPOR_DRAFT; from <= PECAN_CPOR_PAID; from++)
    for (int to = PECAN_CPOR_DRAFT; to <= PECAN_CPOR_PAID; to++)
      g_assert_cmpint (pecan_cpor_can_move (from, to), ==, allowed[from][to] == 'x');
  for (int s = PECAN_CPOR_DRAFT; s <= PECAN_CPOR_PAID; s++)
    {
      PecanCporStatus back;

      g_assert_true (pecan_cpor_status_from_string (pecan_cpor_status_to_string (s), &back));
      g_assert_cmpint (back, ==, s);
      g_assert_nonnull (pecan_cpor_status_label (s));
    }
}

static PecanCporClaim *
load (Fixture *f,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  PecanCporClaim *claim = pecan_cpor_load (f->store, id, &error);

  g_assert_no_error (error);
  return claim;
}

static void
test_store (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanCporClaim) claim = NULL;
  g_autoptr(GListModel) list = NULL;
  const PecanCporInfo *saved;
  PecanCporInfo info, second;
  gint32 today = day (2026, 3, 10);

  pecan_test_import_ok (f->store, "daily-small.csv");
  complete_claim (&info);
  set (&info.customer_contact_email, "not an address");
  info.step = 4;
  g_assert_true (pecan_cpor_save (f->store, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.id, >, 0);
  g_assert_cmpint (info.status, ==, PECAN_CPOR_DRAFT);
  g_assert_cmpuint (info.history->len, ==, 1);

  /* A draft survives the store closing, every field of it. */
  pecan_test_fixture_reopen (f);
  claim = load (f, info.id);
  saved = pecan_cpor_claim_get_info (claim);
  g_assert_cmpstr (saved->name, ==, info.name);
  g_assert_cmpstr (saved->partner_id, ==, "6081234");
  g_assert_cmpint (saved->customer_id, >, 0);
  g_assert_cmpstr (saved->tenant_id, ==, CONTOSO);
  g_assert_cmpstr (saved->customer_name, ==, "Contoso \"Blue\", Ltd.");
  g_assert_cmpint (saved->id_type, ==, PECAN_CPOR_ID_TENANT);
  g_assert_cmpstr (saved->customer_ref, ==, CONTOSO);
  g_assert_cmpstr (saved->engagement, ==, "Modern Work and Security Usage");
  g_assert_cmpuint (g_strv_length (saved->workloads), ==, 2);
  g_assert_cmpstr (saved->workloads[1], ==, "Microsoft Intune");
  g_assert_cmpstr (saved->customer_contact_title, ==, "IT Director");
  g_assert_cmpstr (saved->customer_contact_email, ==, "not an address");
  g_assert_true (saved->incentives);
  g_assert_false (saved->opt_out);
  g_assert_cmpuint (saved->documents->len, ==, 1);
  g_assert_cmpint (g_array_index (saved->documents, PecanPoeDocument, 0).kind, ==,
                   PECAN_POE_SOW_DIGITAL);
  g_assert_cmpint (g_array_index (saved->documents, PecanPoeDocument, 0).size, ==, 1234);
  g_assert_cmpint (saved->step, ==, 4);
  g_assert_cmpint (saved->status, ==, PECAN_CPOR_DRAFT);
  g_assert_cmpuint (saved->history->len, ==, 1);

  /* Not ready while a field is wrong: the message says which. */
  g_assert_false (pecan_cpor_set_status (f->store, info.id, PECAN_CPOR_READY, today, NULL,
                                         &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "not an email address"));
  g_clear_error (&error);
  g_assert_false (pecan_cpor_set_status (f->store, info.id, PECAN_CPOR_SUBMITTED, today, NULL,
                                         &error));
  g_assert_nonnull (strstr (error->message, "cannot go from"));
  g_clear_error (&error);

  set (&info.customer_contact_email, "ann@contoso.com");
  g_assert_true (pecan_cpor_save (f->store, &info, &error));
  g_assert_true (pecan_cpor_set_status (f->store, info.id, PECAN_CPOR_READY, today, NULL, &error));
  g_assert_true (pecan_cpor_set_status (f->store, info.id, PECAN_CPOR_SUBMITTED, today,
                                        "Claim ID 4711", &error));
  g_assert_no_error (error);

  /* Submitted: fields stay as they are; status and notes still move. */
  set (&info.name, "Renamed");
  g_assert_false (pecan_cpor_save (f->store, &info, &error));
  g_assert_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "only its status and notes"));
  g_clear_error (&error);
  g_assert_false (pecan_cpor_delete (f->store, info.id, &error));
  g_clear_error (&error);
  g_assert_true (pecan_cpor_set_notes (f->store, info.id, "Called Ann on 11 March", &error));
  g_assert_true (pecan_cpor_set_status (f->store, info.id, PECAN_CPOR_ACTION_REQUIRED,
                                        day (2026, 3, 12), "Customer signature missing", &error));
  g_assert_no_error (error);
  g_clear_object (&claim);
  claim = load (f, info.id);
  saved = pecan_cpor_claim_get_info (claim);
  g_assert_false (pecan_cpor_info_is_editable (saved));
  g_assert_cmpstr (saved->name, !=, "Renamed");
  g_assert_cmpstr (saved->notes, ==, "Called Ann on 11 March");
  g_assert_cmpint (saved->status, ==, PECAN_CPOR_ACTION_REQUIRED);
  g_assert_cmpint (pecan_cpor_info_answer_by (saved), ==, day (2026, 3, 26));
  g_assert_cmpuint (saved->history->len, ==, 4);
  g_assert_cmpint (g_array_index (saved->history, PecanCporEvent, 2).status, ==,
                   PECAN_CPOR_SUBMITTED);
  g_assert_cmpstr (g_array_index (saved->history, PecanCporEvent, 2).note, ==, "Claim ID 4711");

  /* A second claim, a draft: listed after the one that needs action. */
  complete_claim (&second);
  set (&second.name, "Second");
  g_assert_true (pecan_cpor_save (f->store, &second, &error));
  list = pecan_cpor_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(PecanCporClaim) first = g_list_model_get_item (list, 0);
    g_assert_cmpint (pecan_cpor_claim_get_info (first)->id, ==, info.id);
  }
  g_assert_true (pecan_cpor_delete (f->store, second.id, &error));
  g_assert_no_error (error);
  g_clear_object (&list);
  list = pecan_cpor_list (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_null (pecan_cpor_load (f->store, second.id, &error));
  g_assert_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_NOT_FOUND);

  pecan_cpor_info_clear (&second);
  pecan_cpor_info_clear (&info);
}

static void
test_link (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *commands = pecan_cpor_link_commands ("6081234");
  g_autofree char *domain = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contoso;

  g_assert_nonnull (strstr (commands, "az managementpartner create --partner-id 6081234\n"));
  g_assert_nonnull (strstr (commands, "New-AzManagementPartner -PartnerId 6081234\n"));

  pecan_test_import_ok (f->store, "daily-small.csv");
  contoso = pecan_query_find_customer (f->store, CONTOSO);
  domain = pecan_cpor_imported_domain (f->store, "0F8E2B6A-1C3D-4E5F-8A9B-1A2B3C4D5E6F");
  g_assert_cmpstr (domain, ==, "contosoblue.onmicrosoft.com");
  g_assert_cmpint (pecan_cpor_linked_on (f->store, contoso), ==, 0);
  g_assert_true (pecan_cpor_mark_linked (f->store, contoso, day (2026, 3, 1), &error));
  g_assert_no_error (error);
  g_assert_cmpint (pecan_cpor_linked_on (f->store, contoso), ==, day (2026, 3, 1));
  g_assert_false (pecan_cpor_mark_linked (f->store, 999999, day (2026, 3, 1), &error));
  g_assert_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_NOT_FOUND);
}

/* The packet lists the fields in the order Partner Center asks for them. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  const char *order[] = {
    "1. Associate customer", "Claim name", "Partner location", "Customer ID type",
    "Customer ID", "opt-out of incentive payment", "2. Associate workload", "Solution area",
    "Engagement", "Microsoft Teams", "Microsoft Intune", "3. Contact information",
    "Customer contact name", "Customer contact email", "Customer contact work title",
    "Partner contact name", "Partner contact email", "4. Review and complete",
    "5. Claim for payment", "Statement of work, signed digitally", NULL,
  };
  const char *argv[4] = { "unzip", "-p", NULL, NULL };
  g_autofree char *path = g_build_filename (f->dir, "packet.xlsx", NULL);
  g_autofree char *unzip = g_find_program_in_path ("unzip");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *sheet, *at;
  PecanCporInfo info;

  pecan_test_import_ok (f->store, "daily-small.csv");
  complete_claim (&info);
  info.customer_id = pecan_query_find_customer (f->store, CONTOSO);
  info.id_type = PECAN_CPOR_ID_DOMAIN;
  set (&info.customer_ref, "contoso.com");
  g_assert_true (pecan_cpor_export (f->store, &info, path, &error));
  g_assert_no_error (error);
  pecan_cpor_info_clear (&info);
  if (unzip == NULL)
    {
      g_test_skip ("unzip is not installed");
      return;
    }
  argv[2] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, NULL, &error));
  g_assert_no_error (error);
  sheet = strstr (out, "<sheetData>");
  g_assert_nonnull (sheet);
  at = sheet;
  for (guint i = 0; order[i] != NULL; i++)
    {
      const char *next = strstr (at, order[i]);

      g_test_message ("%s", order[i]);
      g_assert_nonnull (next);
      at = next;
    }
  /* The mismatch, said beside the field; the evidence of usage. */
  g_assert_nonnull (strstr (out, "domain and tenant do not match"));
  g_assert_nonnull (strstr (out, "Azure services in use from 2025-12-01 to 2026-02-11"));
  g_assert_nonnull (strstr (out, "Virtual Machines"));
  g_assert_nonnull (strstr (out, "<sheet name=\"Proof of execution\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cpor/guid", test_guid);
  g_test_add_func ("/cpor/domain", test_domain);
  g_test_add_func ("/cpor/email", test_email);
  g_test_add_func ("/cpor/check", test_check);
  g_test_add_func ("/cpor/transitions", test_transitions);
  pecan_test_add ("/cpor/store", NULL, test_store);
  pecan_test_add ("/cpor/link", NULL, test_link);
  pecan_test_add ("/cpor/export", NULL, test_export);

  return g_test_run ();
}
