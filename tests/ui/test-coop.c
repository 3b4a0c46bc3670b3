/* test-coop.c: co-op claims on the Claims page, and their checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page runs in a window of its own on a session over a fixture
 * database. A claim is built through the checklist's actions and widgets
 * as a person builds it, the documents being real files, and read back
 * with pecan_coop_load(): what the database holds is what counts. The
 * messages expected are the core's own, for the same claim.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "pecan-claim-status-dialog.h"
#include "pecan-claims-page.h"
#include "pecan-coop-checklist.h"
#include "pecan-coop.h"
#include "pecan-cpor.h"
#include "pecan-parse.h"
#include "pecan-preferences-dialog.h"
#include "pecan-test-util.h"
#include "pecan-ui-test-util.h"
#include "pecan-ui-util.h"

typedef PecanUiPageFixture PageFixture;

static gint64
money (const char *text)
{
  gint64 nano = 0;

  g_assert_true (pecan_ui_parse_nano (text, &nano));
  return nano;
}

static gboolean
page_is (PageFixture   *f,
         gconstpointer  name)
{
  return g_strcmp0 (pecan_ui_test_page_visible (f), name) == 0;
}

static GObject *
page_child (PageFixture *f,
            const char  *name)
{
  return gtk_widget_get_template_child (f->page, PECAN_TYPE_CLAIMS_PAGE, name);
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
child (PecanCoopChecklist *checklist,
       const char         *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (checklist),
                                                   PECAN_TYPE_COOP_CHECKLIST, name);

  g_assert_nonnull (object);
  return object;
}

static gboolean
checklist_idle (gpointer      checklist,
                gconstpointer data)
{
  return !pecan_coop_checklist_is_busy (checklist);
}

/* Runs the main loop until the checklist's saves, reads and files are
 * done. */
static void
wait_idle (PecanCoopChecklist *checklist)
{
  g_assert_true (pecan_ui_test_iterate_until (30, checklist_idle, checklist, NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static PecanCoopChecklist *
find_checklist (void)
{
  return (PecanCoopChecklist *) pecan_ui_test_find_toplevel (PECAN_TYPE_COOP_CHECKLIST);
}

static gboolean
checklist_open (gpointer      object,
                gconstpointer data)
{
  return find_checklist () != NULL;
}

/* Opens the claim from the page, which reads it first. */
static PecanCoopChecklist *
open_claim (PageFixture *f,
            gint64       id)
{
  PecanCoopChecklist *checklist;

  g_assert_true (gtk_widget_activate_action (f->page, "claims.open-coop", "x", id));
  g_assert_true (pecan_ui_test_iterate_until (30, checklist_open, NULL, NULL));
  checklist = find_checklist ();
  wait_idle (checklist);
  return checklist;
}

static void
close_checklist (PecanCoopChecklist *checklist)
{
  GtkWidget *gone = GTK_WIDGET (checklist);

  g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *) &gone);
  gtk_window_close (GTK_WINDOW (checklist));
  while (gone != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
activate (PecanCoopChecklist *checklist,
          const char         *action,
          const char         *format,
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
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (checklist), action, parameter));
  /* Each page shows its access keys once. */
  if (g_str_equal (action, "checklist.go-to"))
    pecan_ui_test_assert_mnemonics (GTK_WIDGET (checklist));
}

static void
type (PecanCoopChecklist *checklist,
      const char         *entry,
      const char         *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (checklist, entry)), text);
}

static const char *
text_of (PecanCoopChecklist *checklist,
         const char         *name)
{
  GObject *object = child (checklist, name);

  if (GTK_IS_LABEL (object))
    return gtk_label_get_text (GTK_LABEL (object));
  return gtk_editable_get_text (GTK_EDITABLE (object));
}

static gboolean
shown (PecanCoopChecklist *checklist,
       const char         *name)
{
  return gtk_widget_get_visible (GTK_WIDGET (child (checklist, name)));
}

/* Whether the list shows @step ticked. */
static gboolean
ticked (PecanCoopChecklist *checklist,
        PecanCoopStep       step)
{
  GtkListBox *steps = GTK_LIST_BOX (child (checklist, "steps_list"));

  return gtk_widget_has_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (steps, step)),
                                   "done");
}

/* What the list says under @step. */
static char *
step_says (PecanCoopChecklist *checklist,
           PecanCoopStep       step)
{
  GtkListBox *steps = GTK_LIST_BOX (child (checklist, "steps_list"));

  return pecan_ui_test_widget_text (GTK_WIDGET (gtk_list_box_get_row_at_index (steps, step)));
}

/* What the card of the page shown says. */
static char *
card_says (PecanCoopChecklist *checklist,
           const char         *card)
{
  return pecan_ui_test_widget_text (GTK_WIDGET (child (checklist, card)));
}

/* Every widget of @type under @widget, in order. */
static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect (c, type, found);
}

static GtkWidget *
nth_widget (GtkWidget *widget,
            GType      type,
            guint      n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, type, found);
  g_assert_cmpuint (n, <, found->len);
  return found->pdata[n];
}

/* The row of the @n-th document. */
static GtkWidget *
document_row (PecanCoopChecklist *checklist,
              guint               n)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (checklist,
                                                                          "documents_list")),
                                                      n);

  g_assert_nonnull (row);
  return GTK_WIDGET (row);
}

static void
select_day (GtkCalendar *calendar,
            gint32       day)
{
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  pecan_day_to_ymd (day, &y, &m, &d);
  date = g_date_time_new_local (y, m, d, 12, 0, 0);
  gtk_calendar_select_day (calendar, date);
}

/* Gives the @n-th document its name, date and amount, in its row. */
static void
describe_document (PecanCoopChecklist *checklist,
                   guint               n,
                   const char         *name,
                   gint32              day,
                   const char         *amount)
{
  GtkWidget *row = document_row (checklist, n);

  gtk_editable_set_text (GTK_EDITABLE (nth_widget (row, GTK_TYPE_ENTRY, 0)), name);
  select_day (GTK_CALENDAR (nth_widget (row, GTK_TYPE_CALENDAR, 0)), day);
  if (amount != NULL)
    gtk_editable_set_text (GTK_EDITABLE (nth_widget (row, GTK_TYPE_ENTRY, 1)), amount);
}

/* A file for a document, in the fixture's folder. */
static GFile *
write_file (PageFixture *f,
            const char  *name,
            const char  *contents)
{
  g_autofree char *path = g_build_filename (f->db.dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

/* Drops files on the documents, as a file manager does. */
static void
drop_files (PecanCoopChecklist *checklist,
            GFile              *file)
{
  g_autoptr(GListModel) controllers = NULL;
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (child (checklist,
                                                                   "documents_drop_area")));
  for (guint i = 0; target == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, g_slist_prepend (NULL, g_object_ref (file)));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
  g_value_unset (&value);
  g_assert_true (dropped);
  wait_idle (checklist);
}

/* What the core says of @field of the claim as the database has it. */
static char *
core_message (PageFixture *f,
              gint64       id,
              const char  *field)
{
  g_autoptr(PecanCoopClaim) claim = pecan_coop_load (f->db.store, id, NULL);
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_nonnull (claim);
  problems = pecan_coop_check (pecan_coop_claim_get_info (claim), NULL, 45, pecan_day_today ());
  for (guint i = 0; i < problems->len; i++)
    {
      const PecanCoopProblem *problem = problems->pdata[i];

      if (g_str_equal (problem->field, field))
        return g_strdup (problem->message);
    }
  g_assert_not_reached ();
}

/* The message the core gives a contact's @email. */
static char *
email_message (const char *email)
{
  PecanCoopInfo info;
  g_autoptr(GPtrArray) problems = NULL;
  char *message = NULL;

  pecan_coop_info_init (&info);
  info.contact_email = g_strdup (email);
  problems = pecan_coop_check (&info, NULL, 45, pecan_day_today ());
  for (guint i = 0; message == NULL && i < problems->len; i++)
    {
      const PecanCoopProblem *problem = problems->pdata[i];

      if (g_str_equal (problem->field, "contact-email"))
        message = g_strdup (problem->message);
    }
  pecan_coop_info_clear (&info);
  g_assert_nonnull (message);
  return message;
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

static void
fixture_setup (PageFixture   *f,
               gconstpointer  data)
{
  pecan_test_fixture_setup (&f->db, NULL);
  if (!pecan_ui_test_have_display ())
    return;
  pecan_ui_test_page_open (f, PECAN_TYPE_CLAIMS_PAGE, 1100, 760, NULL, NULL);
  pecan_ui_test_page_wait (f, page_is, "empty");
}

/* The usage period running, and three days of it for the activity. */
typedef struct
{
  int         fiscal_year;
  int         half;
  PecanPeriod period;
  gint32      start;
  gint32      end;
} Period;

static void
period_running (Period *p)
{
  pecan_coop_period_of_day (pecan_day_today (), &p->fiscal_year, &p->half);
  pecan_coop_usage_period (p->fiscal_year, p->half, &p->period);
  p->start = p->period.first + 10;
  p->end = p->start + 2;
}

/* The first page: the program and fund prefilled, the location and pool
 * typed, the usage period chosen. */
static void
fill_new_claim (PecanCoopChecklist *checklist,
                const Period       *p)
{
  g_autofree char *label = pecan_coop_period_label (p->fiscal_year, p->half);

  g_assert_cmpint (pecan_coop_checklist_get_step (checklist), ==, PECAN_COOP_STEP_NEW_CLAIM);
  pecan_ui_test_assert_mnemonics (GTK_WIDGET (checklist));
  g_assert_cmpstr (text_of (checklist, "program_entry"), ==, "Microsoft Commerce Incentives");
  g_assert_cmpstr (text_of (checklist, "fund_category_entry"), ==, "Cloud Solutions Provider");
  g_assert_false (ticked (checklist, PECAN_COOP_STEP_NEW_CLAIM));
  type (checklist, "location_id_entry", "6081234");
  g_assert_false (ticked (checklist, PECAN_COOP_STEP_NEW_CLAIM));
  type (checklist, "funding_pool_entry", "CSP Indirect Reseller Co-op");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (checklist, "year_spin")), p->fiscal_year);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (checklist, "half_dropdown")), p->half - 1);
  g_assert_true (ticked (checklist, PECAN_COOP_STEP_NEW_CLAIM));
  g_assert_true (g_str_has_prefix (text_of (checklist, "period_label"), label));
}

/* The details, the contact's address checked as it is typed. */
static void
fill_details (PecanCoopChecklist *checklist,
              const Period       *p)
{
  g_autofree char *personal = email_message ("ann@gmail.com");
  GtkTextBuffer *description;

  activate (checklist, "checklist.go-to", "i", PECAN_COOP_STEP_DETAILS);
  g_assert_cmpint (pecan_coop_checklist_get_step (checklist), ==, PECAN_COOP_STEP_DETAILS);
  type (checklist, "activity_name_entry", "Azure migration webinar");
  description = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (checklist, "description_view")));
  gtk_text_buffer_set_text (description, "A webinar for 40 customers on moving to Azure.", -1);
  select_day (GTK_CALENDAR (child (checklist, "start_calendar")), p->start);
  select_day (GTK_CALENDAR (child (checklist, "end_calendar")), p->end);
  type (checklist, "amount_entry", "1,234.50");
  type (checklist, "currency_entry", "eur");
  type (checklist, "partner_id_entry", "6081234");
  g_assert_false (ticked (checklist, PECAN_COOP_STEP_DETAILS));
  type (checklist, "contact_email_entry", "ann@gmail.com");
  g_assert_true (shown (checklist, "contact_email_message"));
  g_assert_cmpstr (text_of (checklist, "contact_email_message"), ==, personal);
  g_assert_false (ticked (checklist, PECAN_COOP_STEP_DETAILS));
  type (checklist, "contact_email_entry", "marketing@northwind.example");
  g_assert_false (shown (checklist, "contact_email_message"));
  g_assert_true (ticked (checklist, PECAN_COOP_STEP_DETAILS));
}

/* A claim from an empty form to submitted, through the checklist: the
 * steps tick as the data proves them, the core's messages say what is
 * wrong, a manual step keeps its day, and the database holds it all. */
static void
test_coop_checklist (PageFixture   *f,
                     gconstpointer  data)
{
  PecanCoopChecklist *checklist;
  g_autoptr(GFile) invoice_a = NULL;
  g_autoptr(GFile) invoice_b = NULL;
  g_autoptr(GFile) sheet = NULL;
  g_autoptr(PecanCoopClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *late = NULL;
  g_autofree char *mismatch = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *pack = NULL;
  g_autofree char *today_text = pecan_day_describe (pecan_day_today ());
  const PecanCoopInfo *info;
  gint32 today = pecan_day_today ();
  Period p;
  gint64 id;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  period_running (&p);
  g_assert_true (gtk_widget_activate_action (f->page, "claims.new-coop", NULL));
  checklist = find_checklist ();
  g_assert_nonnull (checklist);
  wait_idle (checklist);
  for (PecanCoopStep step = 0; step < PECAN_COOP_N_STEPS; step++)
    g_assert_false (ticked (checklist, step));
  fill_new_claim (checklist, &p);
  fill_details (checklist, &p);

  /* A late date: the end past the usage period, as the core says it. */
  select_day (GTK_CALENDAR (child (checklist, "end_calendar")), p.period.last + 3);
  g_assert_false (ticked (checklist, PECAN_COOP_STEP_DETAILS));
  wait_idle (checklist);
  id = pecan_coop_checklist_get_claim_id (checklist);
  g_assert_cmpint (id, >, 0);
  late = core_message (f, id, "dates");
  g_assert_nonnull (strstr (late, "must fall inside the usage period"));
  g_assert_true (shown (checklist, "dates_message"));
  g_assert_cmpstr (text_of (checklist, "dates_message"), ==, late);
  select_day (GTK_CALENDAR (child (checklist, "end_calendar")), p.end);
  g_assert_false (shown (checklist, "dates_message"));
  g_assert_true (ticked (checklist, PECAN_COOP_STEP_DETAILS));

  /* Proof of execution: two files from the chooser, one dropped; their
   * kinds guessed from their names. */
  activate (checklist, "checklist.go-to", "i", PECAN_COOP_STEP_PROOF);
  g_assert_false (ticked (checklist, PECAN_COOP_STEP_PROOF));
  invoice_a = write_file (f, "invoice-114-fabrikam.pdf", "%PDF invoice 114");
  invoice_b = write_file (f, "invoice-7-litware.pdf", "%PDF invoice 7");
  sheet = write_file (f, "attendance sheet.xlsx", "PK attendance");
  {
    GFile *files[] = { invoice_a, invoice_b };

    pecan_coop_checklist_add_files (checklist, files, G_N_ELEMENTS (files));
    wait_idle (checklist);
  }
  drop_files (checklist, sheet);
  describe_document (checklist, 0, "Invoice 114, Fabrikam Events", p.end + 2, "1000.00");
  describe_document (checklist, 1, "Invoice 7, Litware Ads", p.end + 3, "234.51");
  describe_document (checklist, 2, "Attendance sheet", p.end - 1, NULL);
  g_assert_false (ticked (checklist, PECAN_COOP_STEP_PROOF));

  /* The invoices miss the amount by a cent: the core's message says so. */
  wait_idle (checklist);
  mismatch = core_message (f, id, "amount");
  g_assert_nonnull (strstr (mismatch, "must equal the invoices to the cent"));
  text = card_says (checklist, "proof_card");
  g_assert_nonnull (strstr (text, mismatch));
  gtk_editable_set_text (GTK_EDITABLE (nth_widget (document_row (checklist, 1), GTK_TYPE_ENTRY, 1)),
                         "234.50");
  g_assert_true (ticked (checklist, PECAN_COOP_STEP_PROOF));
  g_clear_pointer (&text, g_free);
  text = card_says (checklist, "proof_card");
  g_assert_true (g_str_has_prefix (text, "Done:"));

  /* The steps only the user can do: ticked by hand, with the day. */
  activate (checklist, "checklist.tick", "i", PECAN_COOP_STEP_SIGN_IN);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (nth_widget (GTK_WIDGET (child (checklist,
                                                                                  "steps_list")),
                                                             GTK_TYPE_CHECK_BUTTON, 1)),
                               TRUE);
  activate (checklist, "checklist.tick", "i", PECAN_COOP_STEP_COOP_MANAGEMENT);
  for (PecanCoopStep step = PECAN_COOP_STEP_SIGN_IN; step <= PECAN_COOP_STEP_PROOF; step++)
    g_assert_true (ticked (checklist, step));
  g_clear_pointer (&text, g_free);
  text = step_says (checklist, PECAN_COOP_STEP_SIGN_IN);
  g_assert_nonnull (strstr (text, today_text));
  activate (checklist, "checklist.untick", "i", PECAN_COOP_STEP_COOP_MANAGEMENT);
  g_assert_false (ticked (checklist, PECAN_COOP_STEP_COOP_MANAGEMENT));

  /* Ready to submit: every rule satisfied; the pack is exported. */
  activate (checklist, "checklist.go-to", "i", PECAN_COOP_STEP_SUBMIT);
  wait_idle (checklist);
  pack = g_build_filename (f->db.dir, "pack.xlsx", NULL);
  pecan_coop_checklist_export_to (checklist, pack);
  wait_idle (checklist);
  g_assert_true (g_file_test (pack, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (text_of (checklist, "review_title"), ==, "Ready to Submit");
  g_assert_false (ticked (checklist, PECAN_COOP_STEP_SUBMIT));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (child (checklist, "submit_button"))));
  {
    g_autoptr(PecanCoopClaim) ready = pecan_coop_load (f->db.store, id, &error);
    g_autoptr(GPtrArray) problems = pecan_coop_check (pecan_coop_claim_get_info (ready), NULL, 45,
                                                      today);

    g_assert_no_error (error);
    for (guint i = 0; i < problems->len; i++)
      g_assert_cmpint (((PecanCoopProblem *) problems->pdata[i])->severity, ==,
                       PECAN_COOP_WARNING);
  }
  activate (checklist, "checklist.submit", NULL);
  answer_message (GTK_RESPONSE_ACCEPT);
  wait_idle (checklist);
  g_assert_true (ticked (checklist, PECAN_COOP_STEP_SUBMIT));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (child (checklist, "details_form"))));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (checklist,
                                                                      "banner_revealer"))));
  close_checklist (checklist);
  pecan_ui_test_page_wait (f, page_lists, GUINT_TO_POINTER (1));

  /* Opened again: the ticks and their day are kept, the rest is read. */
  checklist = open_claim (f, id);
  g_assert_cmpint (pecan_coop_checklist_get_step (checklist), ==, PECAN_COOP_STEP_TRACK);
  g_assert_true (ticked (checklist, PECAN_COOP_STEP_SIGN_IN));
  g_assert_true (ticked (checklist, PECAN_COOP_STEP_INCENTIVES));
  g_assert_false (ticked (checklist, PECAN_COOP_STEP_COOP_MANAGEMENT));
  g_clear_pointer (&text, g_free);
  text = step_says (checklist, PECAN_COOP_STEP_INCENTIVES);
  g_assert_nonnull (strstr (text, today_text));
  close_checklist (checklist);

  /* What the database holds. */
  claim = pecan_coop_load (f->db.store, id, &error);
  g_assert_no_error (error);
  info = pecan_coop_claim_get_info (claim);
  g_assert_cmpstr (info->program, ==, "Microsoft Commerce Incentives");
  g_assert_cmpstr (info->fund_category, ==, "Cloud Solutions Provider");
  g_assert_cmpstr (info->location_id, ==, "6081234");
  g_assert_cmpstr (info->funding_pool, ==, "CSP Indirect Reseller Co-op");
  g_assert_cmpint (info->fiscal_year, ==, p.fiscal_year);
  g_assert_cmpint (info->half, ==, p.half);
  g_assert_cmpstr (info->activity_name, ==, "Azure migration webinar");
  g_assert_cmpstr (info->activity_description, ==,
                   "A webinar for 40 customers on moving to Azure.");
  g_assert_cmpint (info->start_day, ==, p.start);
  g_assert_cmpint (info->end_day, ==, p.end);
  g_assert_cmpint (info->amount, ==, money ("1234.50"));
  g_assert_cmpstr (info->currency, ==, "EUR");
  g_assert_cmpstr (info->partner_id, ==, "6081234");
  g_assert_cmpstr (info->contact_email, ==, "marketing@northwind.example");
  g_assert_cmpuint (info->documents->len, ==, 3);
  {
    const PecanCoopDocument *d = &g_array_index (info->documents, PecanCoopDocument, 0);
    g_autofree char *path = g_file_get_path (invoice_a);

    sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "%PDF invoice 114", -1);
    g_assert_cmpint (d->kind, ==, PECAN_COOP_INVOICE);
    g_assert_cmpstr (d->name, ==, "Invoice 114, Fabrikam Events");
    g_assert_cmpstr (d->path, ==, path);
    g_assert_cmpstr (d->sha256, ==, sha);
    g_assert_cmpint (d->size, ==, strlen ("%PDF invoice 114"));
    g_assert_true (d->has_amount);
    g_assert_cmpint (d->amount, ==, money ("1000.00"));
    g_assert_cmpint (d->day, ==, p.end + 2);
  }
  g_assert_cmpint (g_array_index (info->documents, PecanCoopDocument, 1).amount, ==,
                   money ("234.50"));
  g_assert_cmpint (g_array_index (info->documents, PecanCoopDocument, 2).kind, ==,
                   PECAN_COOP_EVIDENCE);
  g_assert_false (g_array_index (info->documents, PecanCoopDocument, 2).has_amount);
  g_assert_cmpint (info->ticked[PECAN_COOP_STEP_SIGN_IN], ==, today);
  g_assert_cmpint (info->ticked[PECAN_COOP_STEP_INCENTIVES], ==, today);
  g_assert_cmpint (info->ticked[PECAN_COOP_STEP_COOP_MANAGEMENT], ==, 0);
  g_assert_cmpint (info->status, ==, PECAN_COOP_SUBMITTED);
  g_assert_cmpuint (info->history->len, ==, 2);
  g_assert_cmpint (g_array_index (info->history, PecanCoopEvent, 1).day, ==, today);
}

/* A usage period whose deadline passed: the core's message, and no way to
 * submit. */
static void
test_coop_deadline (PageFixture   *f,
                    gconstpointer  data)
{
  PecanCoopChecklist *checklist;
  g_autofree char *due = NULL;
  g_autofree char *text = NULL;
  Period p;
  gint64 id;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  period_running (&p);
  g_assert_true (gtk_widget_activate_action (f->page, "claims.new-coop", NULL));
  checklist = find_checklist ();
  fill_new_claim (checklist, &p);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (checklist, "year_spin")), p.fiscal_year - 2);
  activate (checklist, "checklist.go-to", "i", PECAN_COOP_STEP_SUBMIT);
  wait_idle (checklist);
  id = pecan_coop_checklist_get_claim_id (checklist);
  due = core_message (f, id, "deadline");
  g_assert_nonnull (strstr (due, "the period’s funds can no longer be claimed"));
  text = pecan_ui_test_widget_text (GTK_WIDGET (child (checklist, "review_problems")));
  g_assert_nonnull (strstr (text, due));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (child (checklist, "submit_button"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (checklist, "deadline_badge"))), !=, "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (child (checklist, "deadline_badge")),
                                           "error"));
  close_checklist (checklist);
}

static gint64
save_coop (PageFixture     *f,
           const char      *name,
           int              fiscal_year,
           int              half,
           const char      *amount,
           PecanCoopStatus  status)
{
  PecanCoopInfo info;
  PecanCoopDocument invoice = { PECAN_COOP_INVOICE, (char *) "Invoice", (char *) "/tmp/i.pdf",
                                (char *) "00", 1, TRUE, money (amount), 0 };
  PecanCoopDocument proof = { PECAN_COOP_EVIDENCE, (char *) "Photos", (char *) "/tmp/p.zip",
                              (char *) "00", 1, FALSE, 0, 0 };
  PecanPeriod period;
  gint32 today = pecan_day_today ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  pecan_coop_usage_period (fiscal_year, half, &period);
  pecan_coop_info_init (&info);
  info.location_id = g_strdup ("6081234");
  info.funding_pool = g_strdup ("Pool");
  info.fiscal_year = fiscal_year;
  info.half = half;
  info.activity_name = g_strdup (name);
  info.activity_description = g_strdup ("An activity.");
  info.start_day = period.first + 5;
  info.end_day = period.first + 6;
  info.amount = money (amount);
  info.currency = g_strdup ("EUR");
  info.partner_id = g_strdup ("6081234");
  info.contact_email = g_strdup ("ann@northwind.example");
  invoice.day = proof.day = period.first + 7;
  pecan_coop_info_add_document (&info, &invoice);
  pecan_coop_info_add_document (&info, &proof);
  g_assert_true (pecan_coop_save (f->db.store, &info, &error));
  g_assert_no_error (error);
  id = info.id;
  pecan_coop_info_clear (&info);
  if (status == PECAN_COOP_EDITING)
    return id;
  /* Submitted in time, whatever the period. */
  g_assert_true (pecan_coop_set_status (f->db.store, id, PECAN_COOP_SUBMITTED,
                                        MIN (period.last, today), NULL, &error));
  g_assert_no_error (error);
  if (status == PECAN_COOP_ACTION_REQUIRED)
    g_assert_true (pecan_coop_set_status (f->db.store, id, status, today - 4, "VAT number",
                                          NULL));
  if (status == PECAN_COOP_PAID)
    {
      g_assert_true (pecan_coop_set_status (f->db.store, id, PECAN_COOP_APPROVED, today, NULL,
                                            NULL));
      g_assert_true (pecan_coop_set_status (f->db.store, id, status, today, NULL, NULL));
    }
  return id;
}

static gint64
save_cpor (PageFixture     *f,
           const char      *name,
           PecanCporStatus  status)
{
  PecanCporInfo info;
  g_autoptr(GError) error = NULL;
  const char *workloads[] = { "Microsoft Teams", NULL };
  gint32 today = pecan_day_today ();
  gint64 id;

  pecan_cpor_info_init (&info);
  info.name = g_strdup (name);
  info.partner_id = g_strdup ("6081234");
  info.tenant_id = g_strdup ("1b2c3d4e-0000-4000-8000-00000000abcd");
  info.customer_ref = g_strdup (info.tenant_id);
  info.customer_name = g_strdup ("Contoso");
  info.solution_area = g_strdup ("Modern Work and Security");
  info.engagement = g_strdup ("Modern Work and Security Usage");
  g_strfreev (info.workloads);
  info.workloads = g_strdupv ((char **) workloads);
  info.customer_contact_name = g_strdup ("Megan Bowen");
  info.customer_contact_email = g_strdup ("megan@contoso.com");
  info.partner_contact_name = g_strdup ("Alex Wilber");
  info.partner_contact_email = g_strdup ("alex@northwind.example");
  info.step = 5;
  pecan_cpor_info_add_document (&info, PECAN_POE_TEMPLATE, "/tmp/poe.pdf", "00", 1, today);
  g_assert_true (pecan_cpor_save (f->db.store, &info, &error));
  g_assert_no_error (error);
  id = info.id;
  pecan_cpor_info_clear (&info);
  if (status >= PECAN_CPOR_READY)
    g_assert_true (pecan_cpor_set_status (f->db.store, id, PECAN_CPOR_READY, today, NULL, NULL));
  if (status >= PECAN_CPOR_SUBMITTED)
    g_assert_true (pecan_cpor_set_status (f->db.store, id, PECAN_CPOR_SUBMITTED, today, NULL,
                                          NULL));
  if (status == PECAN_CPOR_ACTION_REQUIRED)
    g_assert_true (pecan_cpor_set_status (f->db.store, id, status, today - 2, NULL, NULL));
  return id;
}

/* The names of the claims as the page lists them, a line each. */
static char *
page_order (PageFixture *f)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (page_child (f, "column_view"));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) claim = g_list_model_get_item (model, i);
      const char *name = PECAN_IS_CPOR_CLAIM (claim)
        ? pecan_cpor_claim_get_info (PECAN_CPOR_CLAIM (claim))->name
        : pecan_coop_claim_get_info (PECAN_COOP_CLAIM (claim))->activity_name;

      g_string_append_printf (names, "%s\n", name);
    }
  return g_string_free (names, FALSE);
}

/* The names of the claims as `pecan-cli claims list --json` lists them. */
static char *
cli_order (PageFixture *f)
{
  const char *argv[] = { g_getenv ("PECAN_CLI"), "--database", f->db.db_path, "claims", "list",
                         "--json", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) claims = NULL;
  GString *names = g_string_new (NULL);
  int status;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  claims = pecan_test_parse_array (out);
  for (guint i = 0; i < json_array_get_length (claims); i++)
    g_string_append_printf (names, "%s\n",
                            json_object_get_string_member (json_array_get_object_element (claims,
                                                                                          i),
                                                           "name"));
  return g_string_free (names, FALSE);
}

/* Both kinds side by side, the one due first first, as pecan-cli orders
 * them; each row says its kind, and counts its days down. */
static void
test_coop_page (PageFixture   *f,
                gconstpointer  data)
{
  g_autofree char *page = NULL;
  g_autofree char *cli = NULL;
  g_autofree char *text = NULL;
  Period p;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  period_running (&p);
  save_cpor (f, "CPOR draft", PECAN_CPOR_DRAFT);
  save_coop (f, "Co-op paid", p.fiscal_year, p.half, "100.00", PECAN_COOP_PAID);
  save_coop (f, "Co-op being edited", p.fiscal_year, p.half, "200.00", PECAN_COOP_EDITING);
  save_cpor (f, "CPOR answer due", PECAN_CPOR_ACTION_REQUIRED);
  save_coop (f, "Co-op answer due", p.fiscal_year - 1, p.half, "300.00",
             PECAN_COOP_ACTION_REQUIRED);
  pecan_session_data_changed (f->session);
  pecan_ui_test_page_wait (f, page_lists, GUINT_TO_POINTER (5));
  page = page_order (f);
  cli = cli_order (f);
  g_assert_cmpstr (page, ==, cli);
  g_assert_true (g_str_has_prefix (page, "Co-op answer due\nCPOR answer due\n"));
  text = pecan_ui_test_widget_text (f->page);
  g_assert_nonnull (strstr (text, "\nCo-op\n"));
  g_assert_nonnull (strstr (text, "\nCPOR\n"));
  g_assert_nonnull (strstr (text, "days left"));
}

/* Whether the oldest period's earned funds are @text. */
static gboolean
earned_is (gpointer      store,
           gconstpointer text)
{
  g_autoptr(GArray) funds = pecan_coop_funds (store, NULL);

  return funds->len > 0 && g_array_index (funds, PecanCoopFunds, 0).earned == money (text);
}

/* The funds of each usage period, as pecan_coop_funds() sums them; the
 * earned figure typed in is saved. */
static void
test_coop_funds (PageFixture   *f,
                 gconstpointer  data)
{
  g_autoptr(GArray) funds = NULL;
  g_autoptr(GError) error = NULL;
  GtkGrid *grid;
  Period p;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  period_running (&p);
  save_coop (f, "Webinar", p.fiscal_year, p.half, "1234.50", PECAN_COOP_EDITING);
  save_coop (f, "Workshop", p.fiscal_year, p.half, "100.00", PECAN_COOP_EDITING);
  save_coop (f, "Mailing", p.fiscal_year - 1, p.half, "860.00", PECAN_COOP_PAID);
  g_assert_true (pecan_coop_set_funds (f->db.store, p.fiscal_year, p.half, "EUR", money ("5000"),
                                       &error));
  pecan_session_data_changed (f->session);
  pecan_ui_test_page_wait (f, page_lists, GUINT_TO_POINTER (3));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page_child (f, "funds_box"))));
  funds = pecan_coop_funds (f->db.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (funds->len, ==, 2);

  /* The newest period first, under the titles. */
  grid = GTK_GRID (page_child (f, "funds_grid"));
  for (guint i = 0; i < funds->len; i++)
    {
      const PecanCoopFunds *fu = &g_array_index (funds, PecanCoopFunds, funds->len - 1 - i);
      g_autofree char *period = pecan_coop_period_label (fu->fiscal_year, fu->half);
      g_autofree char *earned = pecan_ui_format_nano (fu->earned, NULL);
      g_autofree char *claimed = pecan_ui_format_nano (fu->claimed, fu->currency);
      g_autofree char *remaining = pecan_ui_format_nano (fu->remaining, fu->currency);
      g_autofree char *expires = pecan_day_describe (fu->expires_on);
      g_autofree char *row = NULL;
      GtkWidget *cell;

      cell = gtk_grid_get_child_at (grid, 0, i + 1);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, period);
      cell = pecan_ui_test_find_widget (gtk_grid_get_child_at (grid, 1, i + 1), GTK_TYPE_ENTRY);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, earned);
      cell = gtk_grid_get_child_at (grid, 2, i + 1);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, claimed);
      cell = gtk_grid_get_child_at (grid, 3, i + 1);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, remaining);
      row = pecan_ui_test_widget_text (gtk_grid_get_child_at (grid, 4, i + 1));
      g_assert_true (g_str_has_prefix (row, expires));
    }
  g_assert_cmpint (g_array_index (funds, PecanCoopFunds, 1).claimed, ==, money ("1334.50"));
  g_assert_cmpint (g_array_index (funds, PecanCoopFunds, 1).remaining, ==, money ("3665.50"));

  /* Typed in and entered: saved, and the remaining figure follows. */
  {
    GtkWidget *entry = pecan_ui_test_find_widget (gtk_grid_get_child_at (grid, 1, 2),
                                                  GTK_TYPE_ENTRY);
    g_autoptr(GArray) after = NULL;

    gtk_editable_set_text (GTK_EDITABLE (entry), "1,500.00");
    g_signal_emit_by_name (entry, "activate");
    g_assert_true (pecan_ui_test_iterate_until (30, earned_is, f->db.store, "1500"));
    after = pecan_coop_funds (f->db.store, NULL);
    g_assert_cmpint (g_array_index (after, PecanCoopFunds, 0).remaining, ==, money ("640"));
  }
}

/* A submitted claim opens at Track, only read; a reviewer's request makes
 * it editable again, with the day to answer by counted down; its notes are
 * kept. */
static void
test_coop_review (PageFixture   *f,
                  gconstpointer  data)
{
  PecanCoopChecklist *checklist;
  PecanClaimStatusDialog *dialog;
  GtkTextBuffer *notes;
  g_autoptr(PecanCoopClaim) claim = NULL;
  Period p;
  gint64 id;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  period_running (&p);
  id = save_coop (f, "Webinar", p.fiscal_year, p.half, "500.00", PECAN_COOP_SUBMITTED);
  pecan_session_data_changed (f->session);
  pecan_ui_test_page_wait (f, page_lists, GUINT_TO_POINTER (1));
  checklist = open_claim (f, id);
  g_assert_cmpint (pecan_coop_checklist_get_step (checklist), ==, PECAN_COOP_STEP_TRACK);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (child (checklist, "new_claim_form"))));
  g_assert_false (shown (checklist, "answer_card"));

  activate (checklist, "checklist.change-status", NULL);
  dialog = (PecanClaimStatusDialog *) pecan_ui_test_find_toplevel (PECAN_TYPE_CLAIM_STATUS_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (pecan_claim_status_dialog_select (dialog, PECAN_COOP_PAID));
  g_assert_false (pecan_claim_status_dialog_select (dialog, PECAN_COOP_EDITING));
  g_assert_true (pecan_claim_status_dialog_select (dialog, PECAN_COOP_ACTION_REQUIRED));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "status.change", NULL));
  wait_idle (checklist);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (child (checklist, "new_claim_form"))));
  g_assert_true (shown (checklist, "answer_card"));
  g_assert_true (shown (checklist, "answer_badge"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (checklist, "answer_badge"))), ==,
                   "14 days left");

  notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (checklist, "notes_view")));
  gtk_text_buffer_set_text (notes, "Sent the invoice with the VAT number.", -1);
  close_checklist (checklist);
  claim = pecan_coop_load (f->db.store, id, NULL);
  g_assert_cmpint (pecan_coop_claim_get_info (claim)->status, ==, PECAN_COOP_ACTION_REQUIRED);
  g_assert_cmpstr (pecan_coop_claim_get_info (claim)->notes, ==,
                   "Sent the invoice with the VAT number.");
}

/* A document's file changed or gone since it was added is flagged when
 * the claim opens; its new version can be taken. */
static void
test_coop_files (PageFixture   *f,
                 gconstpointer  data)
{
  PecanCoopChecklist *checklist;
  g_autoptr(GFile) kept = write_file (f, "invoice.pdf", "version 1");
  g_autoptr(GFile) gone = write_file (f, "photos.zip", "photos");
  g_autofree char *kept_path = g_file_get_path (kept);
  g_autofree char *gone_path = g_file_get_path (gone);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "version 1", -1);
  g_autofree char *sha2 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "version 2", -1);
  g_autofree char *text = NULL;
  g_autoptr(PecanCoopClaim) claim = NULL;
  PecanCoopDocument invoice = { PECAN_COOP_INVOICE, (char *) "Invoice", kept_path, sha, 9, TRUE,
                                0, 0 };
  PecanCoopDocument photos = { PECAN_COOP_EVIDENCE, (char *) "Photos", gone_path, sha, 6, FALSE,
                               0, 0 };
  PecanCoopInfo info;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  pecan_coop_info_init (&info);
  info.activity_name = g_strdup ("Webinar");
  pecan_coop_info_add_document (&info, &invoice);
  pecan_coop_info_add_document (&info, &photos);
  g_assert_true (pecan_coop_save (f->db.store, &info, NULL));
  g_assert_true (g_file_set_contents (kept_path, "version 2", -1, NULL));
  g_assert_cmpint (g_unlink (gone_path), ==, 0);
  pecan_session_data_changed (f->session);
  pecan_ui_test_page_wait (f, page_lists, GUINT_TO_POINTER (1));

  checklist = open_claim (f, info.id);
  activate (checklist, "checklist.go-to", "i", PECAN_COOP_STEP_PROOF);
  text = pecan_ui_test_widget_text (GTK_WIDGET (child (checklist, "proof_card")));
  g_assert_nonnull (strstr (text, "“Invoice” changed since it was added"));
  g_assert_nonnull (strstr (text, "“Photos” is no longer at"));
  activate (checklist, "checklist.use-version", "i", 0);
  g_clear_pointer (&text, g_free);
  text = pecan_ui_test_widget_text (GTK_WIDGET (child (checklist, "proof_card")));
  g_assert_null (strstr (text, "“Invoice” changed"));
  close_checklist (checklist);
  claim = pecan_coop_load (f->db.store, info.id, NULL);
  g_assert_cmpstr (g_array_index (pecan_coop_claim_get_info (claim)->documents, PecanCoopDocument,
                                  0).sha256, ==, sha2);
  pecan_coop_info_clear (&info);
}

static gboolean
deadline_is (gpointer      store,
             gconstpointer days)
{
  return pecan_coop_get_deadline_days (store) == GPOINTER_TO_INT (days);
}

static gboolean
is_sensitive (gpointer      widget,
              gconstpointer data)
{
  return gtk_widget_is_sensitive (widget);
}

/* The claim deadline is a preference, kept in the database. */
static void
test_coop_preference (PageFixture   *f,
                      gconstpointer  data)
{
  GtkWindow *dialog;
  GtkSpinButton *spin;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  g_assert_true (pecan_coop_set_deadline_days (f->db.store, 50, NULL));
  dialog = pecan_preferences_dialog_new (f->window, f->session, NULL);
  gtk_window_present (dialog);
  spin = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                         PECAN_TYPE_PREFERENCES_DIALOG,
                                                         "deadline_spin"));
  g_assert_true (pecan_ui_test_iterate_until (30, is_sensitive, spin, NULL));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 50);
  gtk_spin_button_set_value (spin, 60);
  g_assert_true (pecan_ui_test_iterate_until (30, deadline_is, f->db.store, GINT_TO_POINTER (60)));
  gtk_window_destroy (dialog);
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

  add ("/coop/checklist", test_coop_checklist);
  add ("/coop/deadline", test_coop_deadline);
  add ("/coop/page", test_coop_page);
  add ("/coop/funds", test_coop_funds);
  add ("/coop/review", test_coop_review);
  add ("/coop/files", test_coop_files);
  add ("/coop/preference", test_coop_preference);

  return g_test_run ();
}
