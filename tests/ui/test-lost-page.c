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

#include "pecan-incident.h"
#include "pecan-lost-page.h"
#include "pecan-parse.h"
#include "pecan-session.h"
#include "pecan-test-util.h"
#include "pecan-ui-test-util.h"

#define C1_TENANT "0f8e2b6a-1c3d-4e5f-8a9b-1a2b3c4d5e6f"
#define E1 "2b7f0c4e-8d1a-4f63-9b25-6e0d3a7c9f14"
#define PARTNER_MPN "6081234"

typedef PecanUiPageFixture PageFixture;

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

/* A window showing a new page on a new session over the fixture's
 * database, at @period. */
static void
open_page (PageFixture *f,
           const char  *period)
{
  pecan_ui_test_page_open (f, PECAN_TYPE_LOST_PAGE, 1100, 800, period, NULL);
}

/* @data: a file of tests/data to import, "demo" for demo data, or NULL. */
static void
fixture_setup (PageFixture   *f,
               gconstpointer  data)
{
  pecan_test_fixture_setup (&f->db, NULL);
  if (!pecan_ui_test_have_display ())
    return;
  if (g_strcmp0 (data, "demo") == 0)
    pecan_ui_test_import_demo (&f->db, 2025, 12);
  else if (data != NULL)
    pecan_test_import_ok (f->db.store, data);
  open_page (f, data != NULL ? "2026-01" : NULL);
  pecan_ui_test_page_wait (f, page_is, data != NULL ? "incidents" : "empty");
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
  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  g_assert_cmpuint (g_list_model_get_n_items (table_rows (f)), ==, 0);
  /* Nothing to search: the search entry is not on screen. */
  g_assert_true (gtk_widget_activate_action (f->page, "page.search", NULL));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page_child (f, "search_entry"))));
}

/* Every step of the checklist is shown and laid out: they come a few per
 * frame. */
static gboolean
checklist_shown (gpointer      object,
                 gconstpointer data)
{
  guint hidden = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (object); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    hidden += !gtk_widget_get_visible (child);
  return hidden == 0 && gtk_widget_get_height (object) > 400;
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

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

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
  g_assert_true (pecan_ui_test_iterate_until (5, checklist_shown, page_child (f, "checklist"),
                                              NULL));

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
  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  pecan_ui_test_set_period (f->session, "2026-02");
  pecan_ui_test_page_wait (f, page_is, "none");
  g_assert_cmpstr (label_text (f, "none_title"), ==, "No PEC Lost in February 2026");
  pecan_ui_test_set_period (f->session, "2026-01");
  pecan_ui_test_page_wait (f, page_is, "incidents");
  pecan_ui_test_page_wait (f, table_has_n_rows, GUINT_TO_POINTER (1));
}

/* page.search focuses the search entry, which filters the table. */
static void
test_search (PageFixture   *f,
             gconstpointer  data)
{
  GtkWidget *entry = GTK_WIDGET (page_child (f, "search_entry"));
  GtkWidget *focus;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  g_assert_true (gtk_widget_activate_action (f->page, "page.search", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "fabrikam");
  pecan_ui_test_page_wait (f, table_has_n_rows, GUINT_TO_POINTER (0));
  g_assert_cmpstr (label_text (f, "count_label"), ==, "0 of 1 incident");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "list_stack"))),
                   ==, "no-match");
  gtk_editable_set_text (GTK_EDITABLE (entry), "CONTOSO");
  pecan_ui_test_page_wait (f, table_has_n_rows, GUINT_TO_POINTER (1));
  gtk_editable_set_text (GTK_EDITABLE (entry), "2b7f0c4e");
  pecan_ui_test_page_wait (f, table_has_n_rows, GUINT_TO_POINTER (1));
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

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (table_rows (f)), 0);
  before = row (f, 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (page_child (f, "handled_check")), TRUE);
  g_assert_true (pecan_incident_get_info (before)->handled);
  gtk_text_buffer_set_text (buffer, note, -1);
  pecan_ui_test_page_wait (f, note_saved, note);
  g_assert_cmpstr (pecan_incident_get_info (before)->note, ==, note);

  pecan_ui_test_page_close (f);
  open_page (f, "2026-01");
  pecan_ui_test_page_wait (f, page_is, "incidents");
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

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  gtk_check_button_set_active (GTK_CHECK_BUTTON (page_child (f, "handled_check")), TRUE);
  gtk_text_buffer_set_text (buffer, "checking", -1);
  pecan_ui_test_page_wait (f, note_saved, "checking");
  gtk_text_buffer_set_text (buffer, "", -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (page_child (f, "handled_check")), FALSE);
  g_assert_false (info->handled);
  g_assert_cmpstr (info->note, ==, "");
  pecan_ui_test_page_wait (f, state_saved, NULL);

  pecan_ui_test_page_close (f);
  open_page (f, "2026-01");
  pecan_ui_test_page_wait (f, page_is, "incidents");
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

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  g_assert_true (pecan_store_undo_batch (f->db.store, batch, &error));
  g_assert_no_error (error);
  pecan_session_data_changed (f->session);
  pecan_ui_test_page_wait (f, page_is, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (table_rows (f)), ==, 0);

  pecan_test_import_ok (f->db.store, "daily-small.csv");
  pecan_session_data_changed (f->session);
  pecan_ui_test_set_period (f->session, "2026-01");
  pecan_ui_test_page_wait (f, page_is, "incidents");
  pecan_ui_test_page_wait (f, table_has_n_rows, GUINT_TO_POINTER (1));
}

/* Ranked by the PEC lost, largest first; any column sorts. */
static void
test_sort (PageFixture   *f,
           gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (page_child (f, "column_view"));
  GListModel *rows = table_rows (f);
  guint n = g_list_model_get_n_items (rows);

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

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

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  gtk_single_selection_set_selected (selection, 2);
  chosen = row (f, 2);
  customer = pecan_incident_get_info (chosen)->customer_name;
  g_assert_cmpstr (label_text (f, "customer_label"), ==, customer);

  pecan_session_data_changed (f->session);
  pecan_ui_test_page_wait (f, page_is, "incidents");
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
  g_test_add (path, PageFixture, data, fixture_setup, func, pecan_ui_test_page_teardown);
}

int
main (int   argc,
      char *argv[])
{
  pecan_ui_test_init (&argc, &argv);

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
