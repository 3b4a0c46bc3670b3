/* test-claims.c: the Claims page and the CPOR claim wizard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page runs in a window of its own on a session over a fixture
 * database with imported usage. The tests walk the wizard as a person
 * does, through its actions and widgets (the customer is picked, never
 * typed), then read the claim back with pecan_cpor_load(): what the
 * database holds is what counts.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "pecan-claim-status-dialog.h"
#include "pecan-claim-wizard.h"
#include "pecan-claims-page.h"
#include "pecan-client.h"
#include "pecan-coop-checklist.h"
#include "pecan-cpor.h"
#include "pecan-test-util.h"
#include "pecan-ui-test-util.h"

typedef PecanUiPageFixture PageFixture;

/* The wizard's steps, as pecan_claim_wizard_get_step() counts them. */
enum
{
  STEP_ROUTE,
  STEP_CUSTOMER,
  STEP_WORKLOADS,
  STEP_CONTACTS,
  STEP_DOCUMENTS,
  STEP_REVIEW,
};

static GObject *
page_child (PageFixture *f,
            const char  *name)
{
  return gtk_widget_get_template_child (f->page, PECAN_TYPE_CLAIMS_PAGE, name);
}

static gboolean
page_is (PageFixture   *f,
         gconstpointer  name)
{
  return g_strcmp0 (pecan_ui_test_page_visible (f), name) == 0;
}

static guint
n_claims_shown (PageFixture *f)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (page_child (f, "column_view"));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

static gboolean
page_lists (PageFixture   *f,
            gconstpointer  n)
{
  return page_is (f, "list") && n_claims_shown (f) == GPOINTER_TO_UINT (n);
}

static GObject *
child (PecanClaimWizard *wizard,
       const char       *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (wizard), PECAN_TYPE_CLAIM_WIZARD,
                                                   name);

  g_assert_nonnull (object);
  return object;
}

static gboolean
wizard_idle (gpointer      wizard,
             gconstpointer data)
{
  return !pecan_claim_wizard_is_busy (wizard);
}

/* Runs the main loop until the wizard's saves and reads are done. */
static void
wait_idle (PecanClaimWizard *wizard)
{
  g_assert_true (pecan_ui_test_iterate_until (30, wizard_idle, wizard, NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static PecanClaimWizard *
find_wizard (void)
{
  return (PecanClaimWizard *) pecan_ui_test_find_toplevel (PECAN_TYPE_CLAIM_WIZARD);
}

static gboolean
wizard_open (gpointer      object,
             gconstpointer data)
{
  return find_wizard () != NULL;
}

/* Opens the claim from the page, which reads it first. */
static PecanClaimWizard *
open_claim (PageFixture *f,
            gint64       id)
{
  g_assert_true (gtk_widget_activate_action (f->page, "claims.open", "x", id));
  g_assert_true (pecan_ui_test_iterate_until (30, wizard_open, NULL, NULL));
  return find_wizard ();
}

static gboolean
next_enabled (PecanClaimWizard *wizard)
{
  return gtk_widget_is_sensitive (GTK_WIDGET (child (wizard, "next_button")));
}

static void
activate (PecanClaimWizard *wizard,
          const char       *action,
          const char       *format,
          ...)
{
  GVariant *parameter = NULL;
  va_list args;

  if (format != NULL)
    {
      va_start (args, format);
      parameter = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (wizard), action, parameter));
}

static void
next (PecanClaimWizard *wizard,
      int               step)
{
  g_assert_true (next_enabled (wizard));
  activate (wizard, "wizard.next", NULL);
  g_assert_cmpint (pecan_claim_wizard_get_step (wizard), ==, step);
  wait_idle (wizard);
  pecan_ui_test_assert_mnemonics (GTK_WIDGET (wizard));
}

static void
type (PecanClaimWizard *wizard,
      const char       *entry,
      const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (wizard, entry)), text);
}

static const char *
text_of (PecanClaimWizard *wizard,
         const char       *name)
{
  GObject *object = child (wizard, name);

  if (GTK_IS_LABEL (object))
    return gtk_label_get_text (GTK_LABEL (object));
  return gtk_editable_get_text (GTK_EDITABLE (object));
}

static gboolean
has_customers (gpointer      wizard,
               gconstpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (child (wizard, "customers_selection"))) > 0;
}

static gboolean
evidence_is (gpointer      wizard,
             gconstpointer name)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (wizard, "evidence_stack"))),
                    name) == 0;
}

/* What the core says of @email as the customer contact's address. */
static char *
email_message (const char *email)
{
  PecanCporInfo info;
  g_autoptr(GPtrArray) problems = NULL;
  char *message = NULL;

  pecan_cpor_info_init (&info);
  info.customer_contact_email = g_strdup (email);
  problems = pecan_cpor_check (&info, NULL, pecan_day_today ());
  for (guint i = 0; message == NULL && i < problems->len; i++)
    {
      PecanCporProblem *problem = problems->pdata[i];

      if (g_strcmp0 (problem->field, "customer-contact-email") == 0)
        message = g_strdup (problem->message);
    }
  pecan_cpor_info_clear (&info);
  g_assert_nonnull (message);
  return message;
}

/* The customer the fixture's usage file brings in. */
typedef struct
{
  gint64  id;
  char   *tenant;
  char   *domain;
  char   *name;
} Customer;

static void
customer_clear (Customer *c)
{
  g_free (c->tenant);
  g_free (c->domain);
  g_free (c->name);
}

static void
first_customer (PageFixture *f,
                Customer    *c)
{
  c->id = pecan_test_query_int (f->db.db_path, "SELECT min (id) FROM customer");
  c->tenant = pecan_test_query_text (f->db.db_path, "SELECT tenant_id FROM customer"
                                                    " WHERE id = (SELECT min (id) FROM customer)");
  c->domain = pecan_test_query_text (f->db.db_path, "SELECT domain FROM customer"
                                                    " WHERE id = (SELECT min (id) FROM customer)");
  c->name = pecan_test_query_text (f->db.db_path, "SELECT name FROM customer"
                                                  " WHERE id = (SELECT min (id) FROM customer)");
}

static PecanClaimWizard *
new_claim (PageFixture *f)
{
  PecanClaimWizard *wizard;

  g_assert_true (gtk_widget_activate_action (f->page, "claims.new", NULL));
  wizard = find_wizard ();
  g_assert_nonnull (wizard);
  g_assert_cmpint (pecan_claim_wizard_get_step (wizard), ==, STEP_ROUTE);
  g_assert_false (next_enabled (wizard));
  g_assert_true (pecan_ui_test_iterate_until (30, has_customers, wizard, NULL));
  return wizard;
}

/* The first step and the customer, picked from the imported ones. */
static void
walk_to_workloads (PageFixture      *f,
                   PecanClaimWizard *wizard,
                   const char       *route,
                   const Customer   *c)
{
  activate (wizard, "wizard.route", "s", route);
  next (wizard, STEP_CUSTOMER);
  g_assert_cmpint (pecan_claim_wizard_get_claim_id (wizard), >, 0);
  g_assert_false (next_enabled (wizard));

  activate (wizard, "wizard.choose-customer", "x", c->id);
  g_assert_cmpstr (text_of (wizard, "customer_ref_entry"), ==, c->tenant);
  g_assert_cmpstr (text_of (wizard, "customer_name_entry"), ==, c->name);
  g_assert_true (g_str_has_prefix (text_of (wizard, "name_entry"), c->name));
  /* The domain comes from the data too. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (wizard, "id_type_dropdown")),
                              PECAN_CPOR_ID_DOMAIN);
  g_assert_cmpstr (text_of (wizard, "customer_ref_entry"), ==, c->domain);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (wizard, "id_type_dropdown")),
                              PECAN_CPOR_ID_TENANT);
  g_assert_cmpstr (text_of (wizard, "customer_ref_entry"), ==, c->tenant);
  /* Without a partner location ID the step is not complete. */
  g_assert_false (next_enabled (wizard));
  type (wizard, "partner_id_entry", "60812");
  type (wizard, "partner_id_entry", "6081234");
  next (wizard, STEP_WORKLOADS);
}

static void
tick_first_workload (PecanClaimWizard *wizard)
{
  GtkWidget *box = GTK_WIDGET (child (wizard, "workloads_box"));
  GtkWidget *check = pecan_ui_test_find_widget (box, GTK_TYPE_CHECK_BUTTON);

  g_assert_nonnull (check);
  g_assert_false (next_enabled (wizard));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
}

static gboolean
message_dialog_open (gpointer      object,
                     gconstpointer data)
{
  return pecan_ui_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
answer_message (int response)
{
  g_assert_true (pecan_ui_test_iterate_until (30, message_dialog_open, NULL, NULL));
  gtk_dialog_response (GTK_DIALOG (pecan_ui_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG)),
                       response);
}

static guint
count_rows (PecanClaimWizard *wizard,
            const char       *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (wizard, list)), n) != NULL)
    n++;
  return n;
}

/* Drops a new file on the documents, as a file manager does. */
static void
drop_file (PecanClaimWizard *wizard,
           const char       *dir,
           const char       *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GListModel) controllers = NULL;
  GtkDropTarget *target = NULL;
  GSList *files;
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  g_assert_true (g_file_set_contents (path, "From: megan@contoso.com", -1, NULL));
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (child (wizard, "documents_drop_area")));
  for (guint i = 0; target == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  files = g_slist_prepend (NULL, g_file_new_for_path (path));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
  g_value_unset (&value);
  g_assert_true (dropped);
  wait_idle (wizard);
}

static void
close_wizard (PecanClaimWizard *wizard)
{
  GtkWidget *gone = GTK_WIDGET (wizard);

  g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *) &gone);
  gtk_window_close (GTK_WINDOW (wizard));
  while (gone != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_setup (PageFixture   *f,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* The last partner location ID saved is the next claim's. */
  g_settings_reset (settings, "cpor-partner-id");
  pecan_test_fixture_setup (&f->db, NULL);
  if (!pecan_ui_test_have_display ())
    return;
  pecan_test_import_ok (f->db.store, "daily-small.csv");
  pecan_ui_test_page_open (f, PECAN_TYPE_CLAIMS_PAGE, 1000, 700, NULL, NULL);
  pecan_ui_test_page_wait (f, page_is, "empty");
}

/* A claim for an imported customer, from the first step to submitted,
 * without typing its tenant or domain. */
static void
test_claims_wizard (PageFixture   *f,
                    gconstpointer  data)
{
  Customer c;
  PecanClaimWizard *wizard;
  g_autofree char *bad = NULL;
  g_autofree char *poe = NULL;
  g_autofree char *packet = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(PecanCporClaim) claim = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const PecanCporInfo *info;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *remembered = NULL;
  GtkWidget *kind;
  gint64 id;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  first_customer (f, &c);
  wizard = new_claim (f);
  walk_to_workloads (f, wizard, "modern-work", &c);

  /* Workloads: the engagement of Modern Work is the only one. */
  tick_first_workload (wizard);
  g_assert_true (pecan_ui_test_iterate_until (30, evidence_is, wizard, "list"));
  next (wizard, STEP_CONTACTS);

  /* Contacts, checked as they are typed, with the core's words. */
  g_assert_false (next_enabled (wizard));
  type (wizard, "customer_contact_name_entry", "Megan Bowen");
  type (wizard, "customer_contact_email_entry", "megan@");
  bad = email_message ("megan@");
  g_assert_cmpstr (text_of (wizard, "customer_contact_email_message"), ==, bad);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (wizard, "customer_contact_email_message"))));
  g_assert_false (next_enabled (wizard));
  type (wizard, "customer_contact_email_entry", "megan@contoso.com");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (wizard, "customer_contact_email_message"))));
  type (wizard, "customer_contact_title_entry", "IT Director");
  type (wizard, "partner_contact_name_entry", "Alex Wilber");
  type (wizard, "partner_contact_email_entry", "alex@northwind.example");
  next (wizard, STEP_DOCUMENTS);

  /* Proof of execution: a document, its fingerprint read off the main
   * thread, and its kind. Partner Center asks for it after the claim is
   * submitted, so its absence does not hold the claim back. */
  g_assert_true (next_enabled (wizard));
  poe = g_build_filename (f->db.dir, "signed-sow.pdf", NULL);
  g_assert_true (g_file_set_contents (poe, "%PDF-1.4 signed", -1, NULL));
  file = g_file_new_for_path (poe);
  pecan_claim_wizard_add_files (wizard, &file, 1);
  wait_idle (wizard);
  kind = pecan_ui_test_find_widget (GTK_WIDGET (child (wizard, "documents_list")),
                                    GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (kind);
  g_assert_true (next_enabled (wizard));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), PECAN_POE_SOW_DIGITAL);
  /* Another one dropped on the list, then removed. */
  drop_file (wizard, f->db.dir, "emails.eml");
  g_assert_cmpuint (count_rows (wizard, "documents_list"), ==, 2);
  activate (wizard, "wizard.remove-document", "i", 1);
  g_assert_cmpuint (count_rows (wizard, "documents_list"), ==, 1);
  next (wizard, STEP_REVIEW);

  /* Review: save, export, ready, then submitted after a confirmation. */
  activate (wizard, "wizard.save", NULL);
  wait_idle (wizard);
  packet = g_build_filename (f->db.dir, "packet.xlsx", NULL);
  pecan_claim_wizard_export_to (wizard, packet);
  wait_idle (wizard);
  g_assert_true (g_file_test (packet, G_FILE_TEST_IS_REGULAR));
  activate (wizard, "wizard.mark-ready", NULL);
  wait_idle (wizard);
  activate (wizard, "wizard.mark-submitted", NULL);
  answer_message (GTK_RESPONSE_ACCEPT);
  wait_idle (wizard);

  /* What the database holds. */
  id = pecan_claim_wizard_get_claim_id (wizard);
  claim = pecan_cpor_load (f->db.store, id, &error);
  g_assert_no_error (error);
  info = pecan_cpor_claim_get_info (claim);
  g_assert_true (g_str_has_prefix (info->name, c.name));
  g_assert_cmpstr (info->partner_id, ==, "6081234");
  g_assert_cmpint (info->id_type, ==, PECAN_CPOR_ID_TENANT);
  g_assert_cmpstr (info->customer_ref, ==, c.tenant);
  g_assert_cmpstr (info->tenant_id, ==, c.tenant);
  g_assert_cmpstr (info->customer_name, ==, c.name);
  g_assert_cmpstr (info->solution_area, ==, "Modern Work and Security");
  g_assert_cmpstr (info->engagement, ==, pecan_cpor_engagements (info->solution_area)[0]);
  g_assert_cmpuint (g_strv_length (info->workloads), ==, 1);
  g_assert_cmpstr (info->workloads[0], ==, pecan_cpor_workloads (info->solution_area)[0]);
  g_assert_cmpstr (info->customer_contact_name, ==, "Megan Bowen");
  g_assert_cmpstr (info->customer_contact_email, ==, "megan@contoso.com");
  g_assert_cmpstr (info->customer_contact_title, ==, "IT Director");
  g_assert_cmpstr (info->partner_contact_name, ==, "Alex Wilber");
  g_assert_cmpstr (info->partner_contact_email, ==, "alex@northwind.example");
  g_assert_true (info->incentives);
  g_assert_false (info->opt_out);
  g_assert_cmpuint (info->documents->len, ==, 1);
  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "%PDF-1.4 signed", -1);
  g_assert_cmpstr (g_array_index (info->documents, PecanPoeDocument, 0).path, ==, poe);
  g_assert_cmpstr (g_array_index (info->documents, PecanPoeDocument, 0).sha256, ==, sha);
  g_assert_cmpint (g_array_index (info->documents, PecanPoeDocument, 0).size, ==, 15);
  g_assert_cmpint (g_array_index (info->documents, PecanPoeDocument, 0).kind, ==, PECAN_POE_SOW_DIGITAL);
  g_assert_cmpint (info->status, ==, PECAN_CPOR_SUBMITTED);
  g_assert_cmpuint (info->history->len, ==, 3);
  g_assert_cmpint (g_array_index (info->history, PecanCporEvent, 0).status, ==, PECAN_CPOR_DRAFT);
  g_assert_cmpint (g_array_index (info->history, PecanCporEvent, 1).status, ==, PECAN_CPOR_READY);
  g_assert_cmpint (g_array_index (info->history, PecanCporEvent, 2).status, ==, PECAN_CPOR_SUBMITTED);
  g_assert_false (pecan_cpor_info_is_editable (info));
  remembered = g_settings_get_string (settings, "cpor-partner-id");
  g_assert_cmpstr (remembered, ==, "6081234");

  /* Submitted, the claim is only read. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (child (wizard, "customer_form"))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (child (wizard, "contacts_form"))));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (wizard, "banner_revealer"))));
  close_wizard (wizard);
  pecan_ui_test_page_wait (f, page_lists, GUINT_TO_POINTER (1));
  customer_clear (&c);
}

/* A draft survives closing the wizard, and a restart. */
static void
test_claims_draft (PageFixture   *f,
                   gconstpointer  data)
{
  Customer c;
  PecanClaimWizard *wizard;
  g_autoptr(PecanCporClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  const PecanCporInfo *info;
  const char *workload;
  gint64 id;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  first_customer (f, &c);
  wizard = new_claim (f);
  walk_to_workloads (f, wizard, "business-apps", &c);
  id = pecan_claim_wizard_get_claim_id (wizard);
  /* Typed after the last step change: saved as the wizard closes. */
  tick_first_workload (wizard);
  g_assert_false (next_enabled (wizard));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (wizard, "engagement_dropdown")), 1);
  g_assert_true (next_enabled (wizard));
  close_wizard (wizard);
  pecan_ui_test_page_wait (f, page_lists, GUINT_TO_POINTER (1));

  /* Open again: where it was left. */
  wizard = open_claim (f, id);
  g_assert_cmpint (pecan_claim_wizard_get_step (wizard), ==, STEP_WORKLOADS);
  g_assert_cmpstr (text_of (wizard, "customer_ref_entry"), ==, c.tenant);
  g_assert_cmpstr (text_of (wizard, "partner_id_entry"), ==, "6081234");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (child (wizard, "engagement_dropdown"))), ==, 1);
  g_assert_true (next_enabled (wizard));
  close_wizard (wizard);

  /* And after a restart. */
  pecan_ui_test_page_close (f);
  pecan_test_fixture_reopen (&f->db);
  claim = pecan_cpor_load (f->db.store, id, &error);
  g_assert_no_error (error);
  info = pecan_cpor_claim_get_info (claim);
  workload = pecan_cpor_workloads ("Business Applications")[0];
  g_assert_cmpint (info->status, ==, PECAN_CPOR_DRAFT);
  g_assert_cmpint (info->step, ==, STEP_WORKLOADS);
  g_assert_cmpstr (info->solution_area, ==, "Business Applications");
  g_assert_cmpstr (info->engagement, ==, pecan_cpor_engagements ("Business Applications")[1]);
  g_assert_cmpuint (g_strv_length (info->workloads), ==, 1);
  g_assert_cmpstr (info->workloads[0], ==, workload);
  g_assert_cmpstr (info->customer_ref, ==, c.tenant);
  pecan_ui_test_page_open (f, PECAN_TYPE_CLAIMS_PAGE, 1000, 700, NULL, NULL);
  pecan_ui_test_page_wait (f, page_lists, GUINT_TO_POINTER (1));
  customer_clear (&c);
}

/* A claim saved by the core, ready with everything in it. */
static gint64
save_claim (PageFixture     *f,
            PecanCporStatus  status)
{
  PecanCporInfo info;
  g_autoptr(GError) error = NULL;
  g_autofree char *tenant = pecan_test_query_text (f->db.db_path, "SELECT tenant_id FROM customer"
                                                                  " ORDER BY id LIMIT 1");
  const char *workloads[] = { "Microsoft Teams", NULL };
  gint32 today = pecan_day_today ();
  gint64 id;

  pecan_cpor_info_init (&info);
  info.name = g_strdup ("Contoso – Modern Work and Security – 2026-01");
  info.partner_id = g_strdup ("6081234");
  info.tenant_id = g_strdup (tenant);
  info.customer_ref = g_strdup (tenant);
  info.customer_name = g_strdup ("Contoso");
  info.solution_area = g_strdup ("Modern Work and Security");
  info.engagement = g_strdup ("Modern Work and Security Usage");
  g_strfreev (info.workloads);
  info.workloads = g_strdupv ((char **) workloads);
  info.customer_contact_name = g_strdup ("Megan Bowen");
  info.customer_contact_email = g_strdup ("megan@contoso.com");
  info.partner_contact_name = g_strdup ("Alex Wilber");
  info.partner_contact_email = g_strdup ("alex@northwind.example");
  info.step = STEP_REVIEW;
  pecan_cpor_info_add_document (&info, PECAN_POE_TEMPLATE, "/tmp/poe.pdf", "00", 1, today);
  g_assert_true (pecan_cpor_save (f->db.store, &info, &error));
  g_assert_no_error (error);
  id = info.id;
  pecan_cpor_info_clear (&info);
  if (status >= PECAN_CPOR_READY)
    g_assert_true (pecan_cpor_set_status (f->db.store, id, PECAN_CPOR_READY, today, NULL, NULL));
  if (status >= PECAN_CPOR_SUBMITTED)
    g_assert_true (pecan_cpor_set_status (f->db.store, id, PECAN_CPOR_SUBMITTED, today, NULL, NULL));
  return id;
}

static int
status_of (PageFixture *f,
           gint64       id)
{
  g_autoptr(PecanCporClaim) claim = pecan_cpor_load (f->db.store, id, NULL);

  return claim != NULL ? (int) pecan_cpor_claim_get_info (claim)->status : -1;
}

static gboolean
claim_has_status (PageFixture   *f,
                  gconstpointer  data)
{
  const gint64 *id_status = data;

  return status_of (f, id_status[0]) == id_status[1];
}

static gboolean
page_shows (PageFixture   *f,
            gconstpointer  needle)
{
  g_autofree char *text = pecan_ui_test_widget_text (f->page);

  return strstr (text, needle) != NULL;
}

/* Change Status… offers only the moves Partner Center allows, and asks
 * the day for "partner action required"; the page then says by when to
 * answer. */
static void
test_claims_status (PageFixture   *f,
                    gconstpointer  data)
{
  gint64 id;
  gint64 wanted[2];
  PecanClaimStatusDialog *dialog;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  id = save_claim (f, PECAN_CPOR_SUBMITTED);
  pecan_session_data_changed (f->session);
  pecan_ui_test_page_wait (f, page_lists, GUINT_TO_POINTER (1));
  g_assert_true (gtk_widget_activate_action (f->page, "claims.status", "x", id));
  dialog = (PecanClaimStatusDialog *) pecan_ui_test_find_toplevel (PECAN_TYPE_CLAIM_STATUS_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (pecan_claim_status_dialog_select (dialog, PECAN_CPOR_PAID));
  g_assert_false (pecan_claim_status_dialog_select (dialog, PECAN_CPOR_DRAFT));
  g_assert_true (pecan_claim_status_dialog_select (dialog, PECAN_CPOR_ACTION_REQUIRED));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "status.change", NULL));
  wanted[0] = id;
  wanted[1] = PECAN_CPOR_ACTION_REQUIRED;
  pecan_ui_test_page_wait (f, claim_has_status, wanted);
  pecan_ui_test_page_wait (f, page_shows, "Answer Microsoft by");
}

/* Delete… asks first, and only drafts and ready claims offer it. */
static void
test_claims_delete (PageFixture   *f,
                    gconstpointer  data)
{
  gint64 draft, submitted;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  draft = save_claim (f, PECAN_CPOR_DRAFT);
  submitted = save_claim (f, PECAN_CPOR_SUBMITTED);
  pecan_session_data_changed (f->session);
  pecan_ui_test_page_wait (f, page_lists, GUINT_TO_POINTER (2));

  g_assert_true (gtk_widget_activate_action (f->page, "claims.delete", "x", draft));
  answer_message (GTK_RESPONSE_CANCEL);
  g_assert_cmpint (status_of (f, draft), ==, PECAN_CPOR_DRAFT);
  g_assert_true (gtk_widget_activate_action (f->page, "claims.delete", "x", draft));
  answer_message (GTK_RESPONSE_ACCEPT);
  pecan_ui_test_page_wait (f, page_lists, GUINT_TO_POINTER (1));
  g_assert_cmpint (status_of (f, draft), ==, -1);

  /* A submitted claim stays. */
  g_assert_true (gtk_widget_activate_action (f->page, "claims.delete", "x", submitted));
  g_assert_null (pecan_ui_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (status_of (f, submitted), ==, PECAN_CPOR_SUBMITTED);
}

/* A submitted claim opens at the review, read only; its notes still
 * change, and are kept. */
static void
test_claims_read_only (PageFixture   *f,
                       gconstpointer  data)
{
  gint64 id;
  PecanClaimWizard *wizard;
  GtkTextBuffer *notes;
  g_autoptr(PecanCporClaim) claim = NULL;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  id = save_claim (f, PECAN_CPOR_SUBMITTED);
  pecan_session_data_changed (f->session);
  pecan_ui_test_page_wait (f, page_lists, GUINT_TO_POINTER (1));
  wizard = open_claim (f, id);
  g_assert_cmpint (pecan_claim_wizard_get_step (wizard), ==, STEP_REVIEW);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (child (wizard, "customer_form"))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (wizard, "change_status_button"))));
  notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (wizard, "notes_view")));
  gtk_text_buffer_set_text (notes, "Submitted by Alex; PoE uploaded.", -1);
  close_wizard (wizard);
  claim = pecan_cpor_load (f->db.store, id, NULL);
  g_assert_cmpstr (pecan_cpor_claim_get_info (claim)->notes, ==, "Submitted by Alex; PoE uploaded.");
  g_assert_cmpint (pecan_cpor_claim_get_info (claim)->status, ==, PECAN_CPOR_SUBMITTED);
}

static gboolean
label_says (gpointer      label,
            gconstpointer needle)
{
  return strstr (gtk_label_get_text (label), needle) != NULL;
}

/* Azure is linked rather than claimed, co-op funds have their own
 * checklist: neither goes past the first step, nor saves a CPOR claim. */
static void
test_claims_routes (PageFixture   *f,
                    gconstpointer  data)
{
  Customer c;
  PecanClaimWizard *wizard;
  GtkDropDown *customers;
  GListModel *model;
  g_autoptr(GListModel) claims = NULL;
  PecanCoopChecklist *checklist;
  guint position = GTK_INVALID_LIST_POSITION;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  first_customer (f, &c);
  wizard = new_claim (f);
  activate (wizard, "wizard.route", "s", "azure");
  g_assert_false (next_enabled (wizard));
  type (wizard, "azure_partner_entry", "6081234");
  g_assert_nonnull (strstr (text_of (wizard, "commands_label"), "--partner-id 6081234"));
  g_assert_cmpstr (text_of (wizard, "partner_id_entry"), ==, "6081234");

  /* No customer is marked linked before one is chosen. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (child (wizard, "mark_linked_button"))));
  customers = GTK_DROP_DOWN (child (wizard, "azure_customer_dropdown"));
  model = gtk_drop_down_get_model (customers);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PecanClient) client = g_list_model_get_item (model, i);

      if (pecan_client_get_info (client)->customer_id == c.id)
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (customers, position);
  activate (wizard, "wizard.mark-linked", NULL);
  g_assert_true (pecan_ui_test_iterate_until (30, label_says, child (wizard, "linked_label"),
                                              "Marked as linked"));
  g_assert_cmpint (pecan_cpor_linked_on (f->db.store, c.id), ==, pecan_day_today ());

  /* Co-op funds: Next opens their checklist, for a new claim. */
  activate (wizard, "wizard.route", "s", "coop");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (wizard, "route_stack"))),
                   ==, "coop");
  g_assert_true (next_enabled (wizard));
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &wizard);
  activate (wizard, "wizard.next", NULL);
  while (wizard != NULL)
    g_main_context_iteration (NULL, TRUE);
  checklist = (PecanCoopChecklist *) pecan_ui_test_find_toplevel (PECAN_TYPE_COOP_CHECKLIST);
  g_assert_nonnull (checklist);
  g_assert_cmpint (pecan_coop_checklist_get_claim_id (checklist), ==, 0);
  gtk_window_destroy (GTK_WINDOW (checklist));
  claims = pecan_cpor_list (f->db.store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 0);
  customer_clear (&c);
}

static void
add (const char *path,
     void      (*func) (PageFixture *, gconstpointer))
{
  g_test_add (path, PageFixture, NULL, fixture_setup, func, pecan_ui_test_page_teardown);
}

int
main (int   argc,
      char *argv[])
{
  pecan_ui_test_init (&argc, &argv);

  add ("/claims/wizard", test_claims_wizard);
  add ("/claims/draft", test_claims_draft);
  add ("/claims/routes", test_claims_routes);
  add ("/claims/status", test_claims_status);
  add ("/claims/delete", test_claims_delete);
  add ("/claims/read-only", test_claims_read_only);

  return g_test_run ();
}
