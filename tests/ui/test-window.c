/* test-window.c: the window, driven as a person drives it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application runs on a fixture database; the tests read what the
 * window shows (the text of its labels) and act through its actions and
 * the application's open(), as the command line and drag and drop do.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sqlite3.h>
#include <string.h>

#include "pecan-application.h"
#include "pecan-chart.h"
#include "pecan-error.h"
#include "pecan-preferences-dialog.h"
#include "pecan-summary-row.h"
#include "pecan-test-util.h"
#include "pecan-ui-test-util.h"
#include "pecan-ui-util.h"
#include "pecan-window.h"

static PecanApplication *application;

typedef struct
{
  PecanTestFixture  db;
  PecanApplication *app;
  PecanWindow      *window;
} WindowFixture;

static gboolean
shows_text (gpointer       window,
            gconstpointer  needle)
{
  g_autofree char *text = pecan_ui_test_widget_text (window);

  return strstr (text, needle) != NULL;
}

/* Runs the main loop until @needle shows, or fails after 30 s. */
static void
wait_for_text (WindowFixture *f,
               const char    *needle)
{
  if (!pecan_ui_test_iterate_until (30, shows_text, f->window, needle))
    {
      g_autofree char *text = pecan_ui_test_widget_text (GTK_WIDGET (f->window));

      g_error ("“%s” never showed; the window shows:\n%s", needle, text);
    }
}

static gboolean
not_importing (gpointer       window,
               gconstpointer  data)
{
  return !pecan_window_is_importing (window);
}

static void
wait_for_imports (WindowFixture *f)
{
  gboolean timed_out = !pecan_ui_test_iterate_until (60, not_importing, f->window, NULL);

  g_assert_false (timed_out);
}

static void
fixture_setup (WindowFixture *f,
               gconstpointer  data)
{
  const char *fixture = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanSession) session = NULL;

  pecan_test_fixture_setup (&f->db, NULL);
  if (!pecan_ui_test_have_display ())
    return;
  if (fixture != NULL)
    pecan_test_import_ok (f->db.store, fixture);
  /* One application for all tests (it can register on the bus once), a
   * window and a session of their own for each. */
  if (application == NULL)
    {
      application = pecan_application_new (G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
      g_assert_no_error (error);
    }
  f->app = g_object_ref (application);
  session = pecan_session_new (f->db.db_path, &error);
  g_assert_no_error (error);
  f->window = pecan_window_new (f->app, session);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (WindowFixture *f,
                  gconstpointer  data)
{
  if (f->app != NULL)
    {
      GList *windows = gtk_application_get_windows (GTK_APPLICATION (f->app));

      while (windows != NULL)
        {
          gtk_window_destroy (windows->data);
          windows = gtk_application_get_windows (GTK_APPLICATION (f->app));
        }
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_clear_object (&f->app);
    }
  pecan_test_fixture_teardown (&f->db, NULL);
}

/* The overview shows the figures the core computes for the latest month. */
static void
test_window_overview (WindowFixture *f,
                      gconstpointer  data)
{
  PecanPeriod range, month;
  g_autoptr(GListModel) totals = NULL;
  g_autoptr(PecanSummaryRow) row = NULL;
  const PecanSummaryInfo *info;
  g_autofree char *earned = NULL;
  g_autofree char *lost = NULL;
  g_autofree char *billed = NULL;
  g_autofree char *eligible = NULL;
  g_autofree char *title = NULL;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  g_assert_true (pecan_query_data_range (f->db.store, &range, NULL));
  pecan_period_for_day (PECAN_PERIOD_MONTH, range.last, &month);
  totals = pecan_test_summary (f->db.store, PECAN_GROUP_TOTAL, &month, 0);
  g_assert_cmpuint (g_list_model_get_n_items (totals), >=, 1);
  /* Currencies are never added: the overview shows the largest first. */
  for (guint i = 0; i < g_list_model_get_n_items (totals); i++)
    {
      g_autoptr(PecanSummaryRow) other = g_list_model_get_item (totals, i);

      if (row == NULL || pecan_summary_row_get_info (other)->billed > pecan_summary_row_get_info (row)->billed)
        g_set_object (&row, other);
    }
  info = pecan_summary_row_get_info (row);
  earned = pecan_ui_format_money (info->pec_earned, info->currency);
  lost = pecan_ui_format_money (info->pec_lost, info->currency);
  billed = pecan_ui_format_nano (info->billed, info->currency);
  eligible = pecan_ui_format_nano (info->eligible, info->currency);
  title = pecan_ui_format_period (&month);

  wait_for_text (f, "PEC-eligible spend");
  wait_for_text (f, title);
  wait_for_text (f, earned);
  wait_for_text (f, lost);
  wait_for_text (f, billed);
  wait_for_text (f, eligible);
}

/* Alt+Left and Alt+Right step through months. */
static void
test_window_period_steps (WindowFixture *f,
                          gconstpointer  data)
{
  PecanSession *session;
  PecanPeriod start;
  g_autofree char *text = NULL;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  session = pecan_window_get_session (f->window);
  start = *pecan_session_get_period (session);
  g_assert_cmpint (pecan_period_get_kind (&start), ==, PECAN_PERIOD_MONTH);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-period", NULL));
  g_assert_cmpint (pecan_session_get_period (session)->last, ==, start.first - 1);
  text = pecan_ui_format_period (pecan_session_get_period (session));
  wait_for_text (f, text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-period", NULL));
  g_assert_cmpint (pecan_session_get_period (session)->first, ==, start.first);
  g_assert_cmpint (pecan_session_get_period (session)->last, ==, start.last);
}

/* An empty database offers to import or to explore demo data. */
static void
test_window_empty (WindowFixture *f,
                   gconstpointer  data)
{
  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  wait_for_text (f, "Welcome to Pecan");
  wait_for_text (f, "Explore Demo Data");
}

/* A file given to the application imports, and the window says so. */
static void
test_window_import (WindowFixture *f,
                    gconstpointer  data)
{
  g_autofree char *path = pecan_test_data_path ("daily-small.csv");
  g_autofree char *cost_path = pecan_test_data_path ("cost-nopec.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) one_customer = g_file_new_for_path (cost_path);
  g_autoptr(GListModel) batches = NULL;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  wait_for_text (f, "Welcome to Pecan");
  g_application_open (G_APPLICATION (f->app), &file, 1, "");
  g_assert_true (pecan_window_is_importing (f->window));
  wait_for_imports (f);
  wait_for_text (f, "Imported “daily-small.csv”");
  wait_for_text (f, "PEC earned");

  batches = pecan_query_batches (f->db.store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (batches), ==, 1);

  /* The same file again changes nothing, and the window says that too. */
  g_application_open (G_APPLICATION (f->app), &file, 1, "");
  wait_for_imports (f);
  wait_for_text (f, "was already imported");

  /* Lines and customers each take their own plural. */
  g_application_open (G_APPLICATION (f->app), &one_customer, 1, "");
  wait_for_imports (f);
  wait_for_text (f, "Imported “cost-nopec.csv”: 4 lines, 1 customer, usage from");
  wait_for_text (f, "its PEC is shown as unknown");
}

/* Explore Demo Data writes the core's demo usage and imports it. */
static void
test_window_demo (WindowFixture *f,
                  gconstpointer  data)
{
  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  wait_for_text (f, "Explore Demo Data");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.demo", NULL));
  /* The writing may be over before the banner has shown it: only the
   * import's result is sure to stay. */
  wait_for_text (f, "Imported “demo-usage.csv”");
  wait_for_imports (f);
  wait_for_text (f, "PEC-eligible spend");
  g_assert_cmpint (pecan_test_query_int (f->db.db_path, "SELECT count(*) FROM batch"), ==, 1);
}

/* A bad file opens a message naming the line, and nothing changes. */
static void
test_window_bad_file (WindowFixture *f,
                      gconstpointer  data)
{
  g_autofree char *path = pecan_test_data_path ("bad-number.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = pecan_test_query_text (f->db.db_path,
                                                   "SELECT count(*) || '/' || sum(billed) FROM usage_line");
  g_autofree char *after = NULL;
  g_autofree char *secondary = NULL;
  GtkWindow *message;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  g_application_open (G_APPLICATION (f->app), &file, 1, "");
  wait_for_imports (f);
  message = pecan_ui_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_object_get (message, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, "bad-number.csv"));
  g_assert_nonnull (strstr (secondary, "Line "));
  g_assert_nonnull (strstr (secondary, "Nothing from this file was imported"));
  g_assert_nonnull (strstr (secondary, "skipping bad lines"));
  gtk_window_destroy (message);

  after = pecan_test_query_text (f->db.db_path, "SELECT count(*) || '/' || sum(billed) FROM usage_line");
  g_assert_cmpstr (after, ==, before);
}

static void press (GtkMessageDialog *dialog,
                   int               response,
                   const char       *label);

/* The message of a file with a bad line offers to import the others. */
static void
test_window_skip_bad_lines (WindowFixture *f,
                            gconstpointer  data)
{
  g_autofree char *path = pecan_test_data_path ("bad-number.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *message;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  g_application_open (G_APPLICATION (f->app), &file, 1, "");
  wait_for_imports (f);
  message = pecan_ui_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  press (GTK_MESSAGE_DIALOG (message), 1, "Import, _Skipping Bad Lines");
  wait_for_imports (f);
  wait_for_text (f, "1 bad line was skipped");
  g_assert_null (pecan_ui_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (pecan_test_query_int (f->db.db_path,
                                         "SELECT count(*) FROM batch_skip WHERE line = 5"), ==, 1);
  g_assert_cmpint (pecan_test_query_int (f->db.db_path,
                                         "SELECT lines FROM batch ORDER BY id DESC LIMIT 1"), ==, 4);
}

/* Every page is reachable from the sidebar's stack and draws without a
 * warning (the tests run with fatal warnings). */
static void
test_window_pages (WindowFixture *f,
                   gconstpointer  data)
{
  /* Each page, and something it shows once its data is in. */
  static const char * const pages[][2] = {
    { "customers", "Lost Share" },
    { "lost", "PEC Lost in" },
    { "usage", " lines" },
    { "imports", "daily-small.csv" },
    { "reports", "Client Reports for" },
    { "claims", "No Claims Yet" },
    { "overview", "PEC-eligible spend" },
  };

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", pages[i][0]));
      wait_for_text (f, pages[i][1]);
    }
}

/* A customer opens from anywhere, before its page was ever shown (the
 * overview's list of customers losing PEC does that). */
static void
test_window_open_customer (WindowFixture *f,
                           gconstpointer  data)
{
  gint64 id = pecan_test_query_int (f->db.db_path, "SELECT min (id) FROM customer");
  g_autofree char *name = pecan_test_query_text (f->db.db_path,
                                                 "SELECT name FROM customer"
                                                 " WHERE id = (SELECT min (id) FROM customer)");
  g_autofree char *tenant = pecan_test_query_text (f->db.db_path,
                                                   "SELECT tenant_id FROM customer"
                                                   " WHERE id = (SELECT min (id) FROM customer)");

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  wait_for_text (f, "PEC-eligible spend");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-customer", "x", id));
  wait_for_text (f, name);
  wait_for_text (f, tenant);
}

static gboolean
rate_is (gpointer      db_path,
         gconstpointer value)
{
  return pecan_test_query_int (db_path, "SELECT value FROM setting WHERE key = 'pec-rate'")
         == GPOINTER_TO_INT (value);
}

/* Preferences: the PEC rate goes to the database, off the main thread
 * (an import holding the write lock does not freeze the window), the
 * chart style to GSettings, and both apply at once. */
static void
test_window_preferences (WindowFixture *f,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *dialog;
  GtkWidget *spin;
  GtkWidget *chart;
  sqlite3 *other;
  gint64 started;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  wait_for_text (f, "PEC-eligible spend");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL));
  dialog = pecan_ui_test_find_toplevel (PECAN_TYPE_PREFERENCES_DIALOG);
  g_assert_nonnull (dialog);
  spin = pecan_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 20);
  g_assert_true (pecan_ui_test_iterate_until (10, rate_is, f->db.db_path, GINT_TO_POINTER (20)));
  g_assert_cmpint (pecan_store_get_pec_rate (f->db.store), ==, 20);

  g_assert_cmpint (sqlite3_open (f->db.db_path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  started = g_get_monotonic_time ();
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 25);
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC);
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_true (pecan_ui_test_iterate_until (20, rate_is, f->db.db_path, GINT_TO_POINTER (25)));

  chart = pecan_ui_test_find_widget (GTK_WIDGET (f->window), PECAN_TYPE_CHART);
  g_assert_true (pecan_chart_get_stacked (PECAN_CHART (chart)));
  g_settings_set_boolean (settings, "chart-stacked", FALSE);
  g_assert_false (pecan_chart_get_stacked (PECAN_CHART (chart)));
  g_settings_reset (settings, "chart-stacked");
  gtk_window_destroy (dialog);
}

/* Ctrl+? shows the keyboard shortcuts, from the resources. */
static void
test_window_shortcuts (WindowFixture *f,
                       gconstpointer  data)
{
  GtkWindow *shortcuts;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  shortcuts = pecan_ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  gtk_window_close (shortcuts);
}

/* The same in the dark style: its colours come from the theme too. */
static void
test_window_pages_dark (WindowFixture *f,
                        gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  g_object_set (settings, "gtk-application-prefer-dark-theme", TRUE, NULL);
  test_window_pages (f, data);
  g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
}

static GBytes *
file_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

/* Starts the application on @path, as `pecan --database PATH` does: the
 * fixture's window is closed first. Returns the message that shows. */
static GtkMessageDialog *
activate_on (WindowFixture *f,
             const char    *path)
{
  GtkWindow *dialog;

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  pecan_application_set_database_path (f->app, path);
  g_application_activate (G_APPLICATION (f->app));
  g_assert_null (pecan_ui_test_find_toplevel (PECAN_TYPE_WINDOW));
  dialog = pecan_ui_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (dialog));
  return GTK_MESSAGE_DIALOG (dialog);
}

/* Clicks the button of @dialog labelled @label, which closes it. */
static void
press (GtkMessageDialog *dialog,
       int               response,
       const char       *label)
{
  GtkWidget *button = gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), response);

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, label);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (button, "clicked");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (dialog);
}

/* The database moved aside from @path, found by its name. */
static char *
find_moved (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *prefix = g_strdup_printf ("%s.aside-", strrchr (path, '/') + 1);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && !g_str_has_suffix (name, "-wal")
        && !g_str_has_suffix (name, "-shm"))
      return g_build_filename (dir, name, NULL);
  return NULL;
}

/* A damaged database: a message says so and offers to move it aside; the
 * window then opens on a new database, and says where the old one is. A
 * file given meanwhile imports then. */
static void
test_window_damaged (WindowFixture *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->db.dir, "damaged.db", NULL);
  g_autofree char *csv = pecan_test_data_path ("daily-small.csv");
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autofree char *saved_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *secondary = NULL;
  g_autofree char *moved = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GtkMessageDialog *dialog;
  guint32 bytes[2048];

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  for (guint i = 0; i < G_N_ELEMENTS (bytes); i++)
    bytes[i] = g_rand_int (rand);
  g_assert_true (g_file_set_contents (path, (const char *) bytes, sizeof bytes, NULL));
  before = file_bytes (path);
  saved_path = g_strdup (pecan_application_get_database_path (f->app));

  dialog = activate_on (f, path);
  g_object_get (dialog, "text", &text, "secondary-text", &secondary, NULL);
  g_assert_cmpstr (text, ==, "The database is damaged");
  g_assert_nonnull (strstr (secondary, path));
  g_assert_nonnull (strstr (secondary, "it is not an SQLite database"));
  g_application_open (G_APPLICATION (f->app), &file, 1, "");
  g_assert_true (GTK_WINDOW (dialog) == pecan_ui_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG));
  after = file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&after, g_bytes_unref);

  press (dialog, GTK_RESPONSE_ACCEPT, "_Move Aside and Start Fresh");
  f->window = PECAN_WINDOW (pecan_ui_test_find_toplevel (PECAN_TYPE_WINDOW));
  g_assert_nonnull (f->window);
  moved = find_moved (path);
  g_assert_nonnull (moved);
  after = file_bytes (moved);
  g_assert_true (g_bytes_equal (before, after));

  /* A message over the new window says where the old database is. */
  dialog = GTK_MESSAGE_DIALOG (pecan_ui_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_clear_pointer (&secondary, g_free);
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, moved));
  press (dialog, GTK_RESPONSE_CLOSE, "_Close");

  wait_for_imports (f);
  wait_for_text (f, "Imported “daily-small.csv”");
  wait_for_text (f, "PEC earned");
  g_assert_cmpint (pecan_test_query_int (path, "SELECT count(*) FROM batch"), ==, 1);
  pecan_application_set_database_path (f->app, saved_path);
}

/* A query that finds the database damaged, as SQLite finds damage in the
 * pages a query reads. */
static GObject *
damaged_query (PecanStore    *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_DAMAGED,
               "“%s” is damaged: SQLite reports “database disk image is malformed”",
               pecan_store_get_path (store));
  return NULL;
}

static void
damaged_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) nothing = pecan_session_run_finish (PECAN_SESSION (source), result, &error);

  g_assert_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_DAMAGED);
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_true (gpointer      flag,
         gconstpointer data)
{
  return *(gboolean *) flag;
}

/* A page's query finds the database damaged while the window is open: a
 * message over the window says so once, and offers to move the database
 * aside; doing so starts a new window on a new database. */
static void
test_window_damaged_while_open (WindowFixture *f,
                                gconstpointer  data)
{
  g_autofree char *path = g_strdup (f->db.db_path);
  g_autofree char *saved_path = g_strdup (pecan_application_get_database_path (f->app));
  g_autofree char *moved = NULL;
  g_autofree char *text = NULL;
  PecanSession *session;
  GtkMessageDialog *dialog;
  gboolean done = FALSE;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  /* As `pecan --database PATH` opened it. */
  pecan_application_set_database_path (f->app, path);
  wait_for_text (f, "PEC-eligible spend");
  session = pecan_window_get_session (f->window);
  for (int i = 0; i < 2; i++)
    {
      done = FALSE;
      pecan_session_run_async (session, damaged_query, NULL, NULL, NULL, damaged_done_cb, &done);
      g_assert_true (pecan_ui_test_iterate_until (10, is_true, &done, NULL));
    }
  dialog = GTK_MESSAGE_DIALOG (pecan_ui_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_object_get (dialog, "text", &text, NULL);
  g_assert_cmpstr (text, ==, "The database is damaged");
  g_assert_nonnull (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE));

  press (dialog, GTK_RESPONSE_ACCEPT, "_Move Aside and Start Fresh");
  f->window = PECAN_WINDOW (pecan_ui_test_find_toplevel (PECAN_TYPE_WINDOW));
  g_assert_nonnull (f->window);
  moved = find_moved (path);
  g_assert_nonnull (moved);
  g_assert_cmpint (pecan_test_query_int (moved, "SELECT count(*) FROM batch"), ==, 1);
  g_assert_cmpint (pecan_test_query_int (path, "SELECT count(*) FROM batch"), ==, 0);
  dialog = GTK_MESSAGE_DIALOG (pecan_ui_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  press (dialog, GTK_RESPONSE_CLOSE, "_Close");
  pecan_application_set_database_path (f->app, saved_path);
}

/* A newer Pecan's database: the message says so; Quit leaves it be. */
static void
test_window_newer (WindowFixture *f,
                   gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          PECAN_STORE_SCHEMA_VERSION + 1);
  g_autofree char *saved_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *secondary = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GtkMessageDialog *dialog;
  sqlite3 *db = NULL;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  g_clear_object (&f->db.store);
  g_assert_cmpint (sqlite3_open (f->db.db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  before = file_bytes (f->db.db_path);
  saved_path = g_strdup (pecan_application_get_database_path (f->app));

  dialog = activate_on (f, f->db.db_path);
  g_object_get (dialog, "text", &text, "secondary-text", &secondary, NULL);
  g_assert_cmpstr (text, ==, "The database is from a newer Pecan");
  g_assert_nonnull (strstr (secondary, f->db.db_path));
  g_assert_nonnull (strstr (secondary, "newer version of Pecan"));
  g_assert_nonnull (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT));

  press (dialog, GTK_RESPONSE_CLOSE, "_Quit");
  g_assert_null (pecan_ui_test_find_toplevel (PECAN_TYPE_WINDOW));
  g_assert_null (find_moved (f->db.db_path));
  after = file_bytes (f->db.db_path);
  g_assert_true (g_bytes_equal (before, after));
  pecan_application_set_database_path (f->app, saved_path);
}

static void
add (const char    *path,
     const char    *fixture,
     void         (*func) (WindowFixture *, gconstpointer))
{
  g_test_add (path, WindowFixture, fixture, fixture_setup, func, fixture_teardown);
}

int
main (int   argc,
      char *argv[])
{
  pecan_ui_test_init (&argc, &argv);

  add ("/window/overview", "daily-small.csv", test_window_overview);
  add ("/window/period-steps", "daily-small.csv", test_window_period_steps);
  add ("/window/empty", NULL, test_window_empty);
  add ("/window/import", NULL, test_window_import);
  add ("/window/demo", NULL, test_window_demo);
  add ("/window/bad-file", "daily-small.csv", test_window_bad_file);
  add ("/window/skip-bad-lines", "daily-small.csv", test_window_skip_bad_lines);
  add ("/window/pages", "daily-small.csv", test_window_pages);
  add ("/window/pages-dark", "daily-small.csv", test_window_pages_dark);
  add ("/window/open-customer", "daily-small.csv", test_window_open_customer);
  add ("/window/preferences", "daily-small.csv", test_window_preferences);
  add ("/window/shortcuts", NULL, test_window_shortcuts);
  add ("/window/damaged-database", NULL, test_window_damaged);
  add ("/window/damaged-while-open", "daily-small.csv", test_window_damaged_while_open);
  add ("/window/newer-database", NULL, test_window_newer);

  return g_test_run ();
}
