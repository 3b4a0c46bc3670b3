/* test-lost-page.c: the Lost PEC page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page runs in a window of its own on a session over a fixture
 * database (daily-small.csv: one incident, E1 of Contoso from 10 to 12
 * January 2026, 0.92125152 USD lost). The tests read what its table and
 * detail pane show, drive it through its actions and widgets as a person
 * does, and check that what was noted is there again for a new session.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "pecan-demo.h"
#include "pecan-incident.h"
#include "pecan-lost-page.h"
#include "pecan-parse.h"
#include "pecan-session.h"
#include "pecan-test-util.h"

#define C1_TENANT "0f8e2b6a-1c3d-4e5f-8a9b-1a2b3c4d5e6f"
#define E1 "2b7f0c4e-8d1a-4f63-9b25-6e0d3a7c9f14"
#define PARTNER_MPN "6081234"

static gboolean have_display;

typedef struct
{
  PecanTestFixture  db;
  PecanSession     *session;
  GtkWindow        *window;
  GtkWidget        *page;
} PageFixture;

typedef gboolean (*Condition) (PageFixture   *f,
                               gconstpointer  data);

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { if (!have_display) { g_test_skip ("no display"); return; } } G_STMT_END

static GObject *
page_child (PageFixture *f,
            const char  *name)
{
  return gtk_widget_get_template_child (f->page, PECAN_TYPE_LOST_PAGE, name);
}

static const char *
label_text (PageFixture *f,
            const char  *name)
{
  return gtk_label_get_text (GTK_LABEL (page_child (f, name)));
}

/* The incidents as the table shows them: filtered and sorted. */
static GListModel *
table_rows (PageFixture *f)
{
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (page_child (f, "column_view"))));
}

static const char *
visible_page (PageFixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "stack")));
}

static char *
note_text (PageFixture *f)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (page_child (f, "note_view")));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds, or fails after 30 s. */
static void
wait_until (PageFixture   *f,
            Condition      condition,
            gconstpointer  data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, timeout_cb, &timed_out);

  while (!condition (f, data))
    {
      if (timed_out)
        g_error ("the page never got there; it shows “%s”", visible_page (f));
      g_main_context_iteration (NULL, TRUE);
    }
  if (!timed_out)
    g_source_remove (id);
}

/* Loaded, and showing the stack page @name. */
static gboolean
page_is (PageFixture   *f,
         gconstpointer  name)
{
  gboolean loading = TRUE;

  g_object_get (f->page, "loading", &loading, NULL);
  return !loading && g_strcmp0 (visible_page (f), name) == 0;
}

static gboolean
table_has_n_rows (PageFixture   *f,
                  gconstpointer  n)
{
  return g_list_model_get_n_items (table_rows (f)) == GPOINTER_TO_UINT (n);
}

static gboolean
note_saved (PageFixture   *f,
            gconstpointer  note)
{
  g_autofree char *saved = pecan_test_query_text (f->db.db_path,
                                                  "SELECT note FROM incident_state"
                                                  " WHERE handled = 1");

  return g_str_equal (saved, note);
}

/* The database holds the state the page shows, saved. */
static gboolean
state_saved (PageFixture   *f,
             gconstpointer  data)
{
  return pecan_test_query_int (f->db.db_path,
                               "SELECT count(*) FROM incident_state"
                               " WHERE handled = 0 AND note = ''") == 1;
}

static void
set_period (PecanSession *session,
            const char   *text)
{
  PecanPeriod period;

  g_assert_true (pecan_period_parse (text, &period));
  pecan_session_set_period (session, &period);
}

/* A window showing a new page on a new session over the fixture's
 * database, at @period. */
static void
open_page (PageFixture *f,
           const char  *period)
{
  g_autoptr(GError) error = NULL;

  f->session = pecan_session_new (f->db.db_path, &error);
  g_assert_no_error (error);
  if (period != NULL)
    set_period (f->session, period);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 800);
  f->page = g_object_new (PECAN_TYPE_LOST_PAGE, NULL);
  gtk_window_set_child (f->window, f->page);
  g_object_set (f->page, "session", f->session, NULL);
  gtk_window_present (f->window);
}

static void
close_page (PageFixture *f)
{
  gtk_window_destroy (f->window);
  f->window = NULL;
  f->page = NULL;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->session);
}

static void
import_demo (PecanTestFixture *db)
{
  g_autofree char *path = g_build_filename (db->dir, "demo.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanBatch) batch = NULL;
  PecanDemoOptions options;

  pecan_demo_options_init (&options);
  options.customers = 40;
  options.first_year = 2025;
  options.first_month = 12;
  options.months = 2;
  options.seed = 7;
  g_assert_true (pecan_demo_write (path, &options, NULL, &error));
  g_assert_no_error (error);
  batch = pecan_test_import_path (db->store, path, PECAN_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (batch);
}

/* @data: a file of tests/data to import, "demo" for demo data, or NULL. */
static void
fixture_setup (PageFixture   *f,
               gconstpointer  data)
{
  pecan_test_fixture_setup (&f->db, NULL);
  if (!have_display)
    return;
  if (g_strcmp0 (data, "demo") == 0)
    import_demo (&f->db);
  else if (data != NULL)
    pecan_test_import_ok (f->db.store, data);
  open_page (f, data != NULL ? "2026-01" : NULL);
  wait_until (f, page_is, data != NULL ? "incidents" : "empty");
}

static void
fixture_teardown (PageFixture   *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    close_page (f);
  pecan_test_fixture_teardown (&f->db, NULL);
}

static PecanIncident *
row (PageFixture *f,
     guint        i)
{
  return g_list_model_get_item (table_rows (f), i);
}

/* No data: what to do about it, not an empty table. */
static void
test_empty (PageFixture   *f,
            gconstpointer  data)
{
  SKIP_WITHOUT_DISPLAY ();

  g_assert_cmpuint (g_list_model_get_n_items (table_rows (f)), ==, 0);
  /* Nothing to search: the search entry is not on screen. */
  g_assert_true (gtk_widget_activate_action (f->page, "page.search", NULL));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page_child (f, "search_entry"))));
}

/* The incident, its figures, the total per currency, the detail pane and
 * the partner ID command filled in for its customer. */
static void
test_incidents (PageFixture   *f,
                gconstpointer  data)
{
  g_autoptr(PecanIncident) incident = NULL;
  const PecanIncidentInfo *info;
  const char *command;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_cmpuint (g_list_model_get_n_items (table_rows (f)), ==, 1);
  incident = row (f, 0);
  info = pecan_incident_get_info (incident);
  g_assert_cmpstr (info->subscription_azure_id, ==, E1);
  g_assert_cmpint (info->first_day, ==, pecan_day_from_ymd (2026, 1, 10));
  g_assert_cmpuint (info->days, ==, 3);
  g_assert_cmpfloat_with_epsilon (info->pec_lost, 0.92125152, 1e-6);

  g_assert_nonnull (strstr (label_text (f, "total_label"), "January 2026"));
  g_assert_nonnull (strstr (label_text (f, "total_label"), "0.92 USD"));
  g_assert_null (strstr (label_text (f, "total_label"), "EUR"));
  g_assert_cmpstr (label_text (f, "count_label"), ==, "1 incident");

  /* The largest loss is selected, and shown. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "detail_stack"))),
                   ==, "detail");
  g_assert_cmpstr (label_text (f, "customer_label"), ==, "Contoso \"Blue\", Ltd.");
  g_assert_cmpstr (label_text (f, "tenant_label"), ==, C1_TENANT);
  g_assert_cmpstr (label_text (f, "subscription_id_label"), ==, E1);
  g_assert_cmpstr (label_text (f, "amount_label"), ==, "0.92 USD");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (page_child (f, "handled_check"))));

  command = label_text (f, "command_label");
  g_assert_nonnull (strstr (command, "az login --tenant " C1_TENANT));
  g_assert_nonnull (strstr (command, "--subscription " E1));
  g_assert_nonnull (strstr (command, "az managementpartner create --partner-id " PARTNER_MPN));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page_child (f, "partner_hint"))));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (page_child (f, "powershell_toggle")), TRUE);
  g_assert_nonnull (strstr (label_text (f, "command_label"),
                            "New-AzManagementPartner -PartnerId " PARTNER_MPN));
  g_assert_true (gtk_widget_activate_action (f->page, "page.copy-command", NULL));
  g_assert_cmpstr (label_text (f, "copy_label"), ==, "Copied");
}

/* February: data, no incident: a positive message. */
static void
test_none (PageFixture   *f,
           gconstpointer  data)
{
  SKIP_WITHOUT_DISPLAY ();

  set_period (f->session, "2026-02");
  wait_until (f, page_is, "none");
  g_assert_cmpstr (label_text (f, "none_title"), ==, "No PEC Lost in February 2026");
  set_period (f->session, "2026-01");
  wait_until (f, page_is, "incidents");
  wait_until (f, table_has_n_rows, GUINT_TO_POINTER (1));
}

/* page.search focuses the search entry, which filters the table. */
static void
test_search (PageFixture   *f,
             gconstpointer  data)
{
  GtkWidget *entry = GTK_WIDGET (page_child (f, "search_entry"));
  GtkWidget *focus;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_true (gtk_widget_activate_action (f->page, "page.search", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "fabrikam");
  wait_until (f, table_has_n_rows, GUINT_TO_POINTER (0));
  g_assert_cmpstr (label_text (f, "count_label"), ==, "0 of 1 incident");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "list_stack"))),
                   ==, "no-match");
  gtk_editable_set_text (GTK_EDITABLE (entry), "CONTOSO");
  wait_until (f, table_has_n_rows, GUINT_TO_POINTER (1));
  gtk_editable_set_text (GTK_EDITABLE (entry), "2b7f0c4e");
  wait_until (f, table_has_n_rows, GUINT_TO_POINTER (1));
  g_assert_cmpstr (label_text (f, "count_label"), ==, "1 incident");
}

/* Marked as being handled, with a note: saved, and there again for a new
 * session on the same database, in the table and in the detail pane. */
static void
test_note_survives (PageFixture   *f,
                    gconstpointer  data)
{
  const char *note = "Contoso’s admin removed AOBO on 9 January; asked them to restore Owner.";
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (page_child (f, "note_view")));
  g_autoptr(PecanIncident) before = NULL;
  g_autoptr(PecanIncident) after = NULL;
  g_autofree char *shown = NULL;

  SKIP_WITHOUT_DISPLAY ();

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (table_rows (f)), 0);
  before = row (f, 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (page_child (f, "handled_check")), TRUE);
  g_assert_true (pecan_incident_get_info (before)->handled);
  gtk_text_buffer_set_text (buffer, note, -1);
  wait_until (f, note_saved, note);
  g_assert_cmpstr (pecan_incident_get_info (before)->note, ==, note);

  close_page (f);
  open_page (f, "2026-01");
  wait_until (f, page_is, "incidents");
  after = row (f, 0);
  g_assert_true (pecan_incident_get_info (after)->handled);
  g_assert_cmpstr (pecan_incident_get_info (after)->note, ==, note);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (page_child (f, "handled_check"))));
  shown = note_text (f);
  g_assert_cmpstr (shown, ==, note);
}

/* Unmarked and cleared: saved as such, not left as it was. */
static void
test_note_cleared (PageFixture   *f,
                   gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (page_child (f, "note_view")));
  g_autoptr(PecanIncident) incident = row (f, 0);
  const PecanIncidentInfo *info = pecan_incident_get_info (incident);

  SKIP_WITHOUT_DISPLAY ();

  gtk_check_button_set_active (GTK_CHECK_BUTTON (page_child (f, "handled_check")), TRUE);
  gtk_text_buffer_set_text (buffer, "checking", -1);
  wait_until (f, note_saved, "checking");
  gtk_text_buffer_set_text (buffer, "", -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (page_child (f, "handled_check")), FALSE);
  g_assert_false (info->handled);
  g_assert_cmpstr (info->note, ==, "");
  wait_until (f, state_saved, NULL);

  close_page (f);
  open_page (f, "2026-01");
  wait_until (f, page_is, "incidents");
  g_clear_object (&incident);
  incident = row (f, 0);
  g_assert_false (pecan_incident_get_info (incident)->handled);
  g_assert_cmpstr (pecan_incident_get_info (incident)->note, ==, "");
}

/* A change of the data (an import, an undo) reloads the page. */
static void
test_generation (PageFixture   *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 batch = pecan_test_query_int (f->db.db_path, "SELECT id FROM batch");

  SKIP_WITHOUT_DISPLAY ();

  g_assert_true (pecan_store_undo_batch (f->db.store, batch, &error));
  g_assert_no_error (error);
  pecan_session_data_changed (f->session);
  wait_until (f, page_is, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (table_rows (f)), ==, 0);

  pecan_test_import_ok (f->db.store, "daily-small.csv");
  pecan_session_data_changed (f->session);
  set_period (f->session, "2026-01");
  wait_until (f, page_is, "incidents");
  wait_until (f, table_has_n_rows, GUINT_TO_POINTER (1));
}

/* Ranked by the PEC lost, largest first; any column sorts. */
static void
test_sort (PageFixture   *f,
           gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (page_child (f, "column_view"));
  GListModel *rows = table_rows (f);
  guint n = g_list_model_get_n_items (rows);

  SKIP_WITHOUT_DISPLAY ();

  g_assert_cmpuint (n, >=, 3);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(PecanIncident) a = row (f, i - 1);
      g_autoptr(PecanIncident) b = row (f, i);

      g_assert_cmpfloat (pecan_incident_get_info (a)->pec_lost, >=,
                         pecan_incident_get_info (b)->pec_lost);
    }
  gtk_column_view_sort_by_column (view, GTK_COLUMN_VIEW_COLUMN (page_child (f, "from_column")),
                                  GTK_SORT_ASCENDING);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(PecanIncident) a = row (f, i - 1);
      g_autoptr(PecanIncident) b = row (f, i);

      g_assert_cmpint (pecan_incident_get_info (a)->first_day, <=,
                       pecan_incident_get_info (b)->first_day);
    }
}

/* The incident shown stays shown when the data is read again. */
static void
test_keeps_selection (PageFixture   *f,
                      gconstpointer  data)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (table_rows (f));
  g_autoptr(PecanIncident) chosen = NULL;
  g_autoptr(PecanIncident) after = NULL;
  const char *customer;

  SKIP_WITHOUT_DISPLAY ();

  gtk_single_selection_set_selected (selection, 2);
  chosen = row (f, 2);
  customer = pecan_incident_get_info (chosen)->customer_name;
  g_assert_cmpstr (label_text (f, "customer_label"), ==, customer);

  pecan_session_data_changed (f->session);
  wait_until (f, page_is, "incidents");
  /* A new model: new objects, the same incident. */
  after = g_object_ref (gtk_single_selection_get_selected_item (selection));
  g_assert_true (after != chosen);
  g_assert_cmpint (pecan_incident_get_info (after)->subscription_id, ==,
                   pecan_incident_get_info (chosen)->subscription_id);
  g_assert_cmpint (pecan_incident_get_info (after)->first_day, ==,
                   pecan_incident_get_info (chosen)->first_day);
  g_assert_cmpstr (label_text (f, "customer_label"), ==, customer);
}

static void
add (const char    *path,
     gconstpointer  data,
     void         (*func) (PageFixture *, gconstpointer))
{
  g_test_add (path, PageFixture, data, fixture_setup, func, fixture_teardown);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();

  add ("/lost-page/empty", NULL, test_empty);
  add ("/lost-page/incidents", "daily-small.csv", test_incidents);
  add ("/lost-page/none", "daily-small.csv", test_none);
  add ("/lost-page/search", "daily-small.csv", test_search);
  add ("/lost-page/note-survives", "daily-small.csv", test_note_survives);
  add ("/lost-page/note-cleared", "daily-small.csv", test_note_cleared);
  add ("/lost-page/generation", "daily-small.csv", test_generation);
  add ("/lost-page/sort", "demo", test_sort);
  add ("/lost-page/keeps-selection", "demo", test_keeps_selection);

  return g_test_run ();
}
