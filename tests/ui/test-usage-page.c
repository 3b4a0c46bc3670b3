/* test-usage-page.c: the Usage page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page runs in a window of its own on a session over a fixture
 * database; its table is compared with the summary's line counts while
 * the period and the filters change, as a person changes them.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "pecan-parse.h"
#include "pecan-session.h"
#include "pecan-summary-row.h"
#include "pecan-test-util.h"
#include "pecan-ui-test-util.h"
#include "pecan-usage-model.h"
#include "pecan-usage-page.h"

typedef PecanUiPageFixture PageFixture;

static GObject *
page_child (PageFixture *f,
            const char  *name)
{
  return gtk_widget_get_template_child (f->page, PECAN_TYPE_USAGE_PAGE, name);
}

static GListModel *
table_rows (PageFixture *f)
{
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (page_child (f, "column_view"))));
}

static const char *
stack_page (PageFixture *f,
            const char  *stack)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, stack)));
}

static const char *
label_text (PageFixture *f,
            const char  *name)
{
  return gtk_label_get_text (GTK_LABEL (page_child (f, name)));
}

static gboolean
busy (PageFixture *f)
{
  return gtk_spinner_get_spinning (GTK_SPINNER (page_child (f, "spinner")));
}

static gboolean
page_is (PageFixture   *f,
         gconstpointer  name)
{
  return g_strcmp0 (stack_page (f, "stack"), name) == 0;
}

/* The table is up to date and shows @n lines; with none, it says why. */
static gboolean
shows_lines (PageFixture   *f,
             gconstpointer  n)
{
  guint lines = GPOINTER_TO_UINT (n);

  return page_is (f, "lines") && !busy (f)
         && g_list_model_get_n_items (table_rows (f)) == lines
         && g_strcmp0 (stack_page (f, "lines_stack"), lines > 0 ? "table" : "no-match") == 0;
}

static gboolean
has_categories (PageFixture   *f,
                gconstpointer  data)
{
  GtkDropDown *category = GTK_DROP_DOWN (page_child (f, "category_dropdown"));

  return g_list_model_get_n_items (gtk_drop_down_get_model (category)) > 1;
}

static void
wait_for_lines (PageFixture *f,
                guint        n)
{
  pecan_ui_test_page_wait (f, shows_lines, GUINT_TO_POINTER (n));
}

static gint64
summary_lines (PageFixture       *f,
               const PecanPeriod *period)
{
  g_autoptr(GListModel) rows = pecan_test_summary (f->db.store, PECAN_GROUP_TOTAL, period, 0);
  gint64 lines = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (rows, i);
      lines += pecan_summary_row_get_info (row)->lines;
    }
  return lines;
}

static void
set_month (PageFixture *f,
           int          month)
{
  PecanPeriod period = {
    pecan_day_from_ymd (2026, month, 1),
    pecan_month_last_day (2026, month),
  };

  pecan_session_set_period (f->session, &period);
}

/* @data: the files of tests/data to import, or NULL. The page sits in a
 * stack, as in the window, its page "usage" shown. */
static void
fixture_setup (PageFixture   *f,
               gconstpointer  data)
{
  const char * const *files = data;

  pecan_test_fixture_setup (&f->db, NULL);
  if (!pecan_ui_test_have_display ())
    return;
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    pecan_test_import_ok (f->db.store, files[i]);
  pecan_ui_test_page_open (f, PECAN_TYPE_USAGE_PAGE, 1100, 700, NULL, "usage");
}

static const char * const daily_small[] = { "daily-small.csv", NULL };

/* The latest month first, then any period: as many lines as the figures
 * count, in the order of their day. */
static void
test_usage_lines (PageFixture   *f,
                  gconstpointer  data)
{
  g_autoptr(PecanUsageLine) first = NULL;
  g_autoptr(PecanUsageLine) last = NULL;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  wait_for_lines (f, summary_lines (f, pecan_session_get_period (f->session)));
  g_assert_cmpuint (g_list_model_get_n_items (table_rows (f)), ==, 7);
  g_assert_cmpstr (label_text (f, "status_label"), ==, "7 lines");

  set_month (f, 1);
  wait_for_lines (f, 17);
  g_assert_cmpint (17, ==, summary_lines (f, pecan_session_get_period (f->session)));
  g_assert_cmpstr (label_text (f, "status_label"), ==, "17 lines");
  first = g_list_model_get_item (table_rows (f), 0);
  last = g_list_model_get_item (table_rows (f), 16);
  g_assert_cmpint (pecan_usage_line_get_info (first)->day, ==, pecan_day_from_ymd (2026, 1, 5));
  g_assert_cmpint (pecan_usage_line_get_info (last)->day, ==, pecan_day_from_ymd (2026, 1, 31));

  pecan_session_set_period (f->session, &pecan_test_period_all);
  wait_for_lines (f, 24);
}

static void
test_usage_columns (PageFixture   *f,
                    gconstpointer  data)
{
  const char *titles[] = {
    "Day", "Customer", "Subscription", "Category", "Meter", "Quantity", "Billed",
    "PEC State", "PEC", "Source",
  };
  GListModel *columns;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  wait_for_lines (f, 7);
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (page_child (f, "column_view")));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, titles[i]);
    }
}

/* The PEC state, the category and the search narrow the lines; together
 * they may leave none, and the page offers to clear them. */
static void
test_usage_filters (PageFixture   *f,
                    gconstpointer  data)
{
  GtkDropDown *state = GTK_DROP_DOWN (page_child (f, "state_dropdown"));
  GtkDropDown *category = GTK_DROP_DOWN (page_child (f, "category_dropdown"));
  GtkEditable *entry = GTK_EDITABLE (page_child (f, "search_entry"));
  GListModel *categories = gtk_drop_down_get_model (category);
  guint storage = GTK_INVALID_LIST_POSITION;
  g_autofree char *sql = NULL;
  gint64 n;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  set_month (f, 1);
  wait_for_lines (f, 17);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page_child (f, "clear_button"))));

  /* Lines 4-7 lost PEC in January; line 13 was paid by a credit. */
  gtk_drop_down_set_selected (state, 1 + PECAN_PEC_LOST);
  wait_for_lines (f, 4);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (page_child (f, "clear_button"))));
  gtk_drop_down_set_selected (state, 1 + PECAN_PEC_CREDIT);
  wait_for_lines (f, 1);
  gtk_drop_down_set_selected (state, 1 + PECAN_PEC_INELIGIBLE);
  wait_for_lines (f, 4);
  gtk_drop_down_set_selected (state, 0);
  wait_for_lines (f, 17);

  /* The categories of the period, after "All categories". */
  pecan_ui_test_page_wait (f, has_categories, NULL);
  for (guint i = 1; i < g_list_model_get_n_items (categories); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (categories), i), "Storage"))
      storage = i;
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (categories), 0), ==,
                   "All categories");
  g_assert_cmpuint (storage, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (category, storage);
  sql = g_strdup_printf ("SELECT count (*) FROM usage_line AS l JOIN meter AS m ON m.id = l.meter_id"
                         " JOIN category AS k ON k.id = m.category_id"
                         " WHERE k.name = 'Storage' AND l.day BETWEEN %d AND %d",
                         pecan_session_get_period (f->session)->first,
                         pecan_session_get_period (f->session)->last);
  n = pecan_test_query_int (f->db.db_path, sql);
  g_assert_cmpint (n, >, 0);
  g_assert_cmpint (n, <, 17);
  wait_for_lines (f, n);
  gtk_drop_down_set_selected (category, 0);
  wait_for_lines (f, 17);

  gtk_editable_set_text (entry, "fabrikam");
  wait_for_lines (f, 4);
  gtk_drop_down_set_selected (state, 1 + PECAN_PEC_LOST);
  wait_for_lines (f, 0);
  g_assert_cmpstr (label_text (f, "no_match_title"), ==, "No lines match");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page_child (f, "no_match_button"))));

  g_assert_true (gtk_widget_activate_action (f->page, "usage.clear-filters", NULL));
  wait_for_lines (f, 17);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpuint (gtk_drop_down_get_selected (state), ==, 0);
}

/* A period without data is no filter's fault: nothing to clear. */
static void
test_usage_empty_period (PageFixture   *f,
                         gconstpointer  data)
{
  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  set_month (f, 3);
  wait_for_lines (f, 0);
  g_assert_cmpstr (label_text (f, "no_match_title"), ==, "No usage in March 2026");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page_child (f, "no_match_button"))));
}

static void
test_usage_search_action (PageFixture   *f,
                          gconstpointer  data)
{
  GtkWidget *entry = GTK_WIDGET (page_child (f, "search_entry"));
  GtkWidget *focus;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  wait_for_lines (f, 7);
  g_assert_true (gtk_widget_activate_action (f->page, "page.search", NULL));
  focus = gtk_window_get_focus (f->window);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

/* Hidden, the page reads nothing (it keeps the lines it shows: letting
 * go of their widgets would stall the window); shown, it reads the period
 * of then. */
static void
test_usage_hidden (PageFixture   *f,
                   gconstpointer  data)
{
  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  wait_for_lines (f, 7);
  gtk_stack_set_visible_child_name (f->stack, "other");
  set_month (f, 1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (busy (f));
  g_assert_cmpuint (g_list_model_get_n_items (table_rows (f)), ==, 7);

  gtk_stack_set_visible_child_name (f->stack, "usage");
  wait_for_lines (f, 17);
}

/* Nothing imported: the page says what to do, and offers to do it. */
static void
test_usage_empty (PageFixture   *f,
                  gconstpointer  data)
{
  GtkWidget *import, *demo;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  pecan_ui_test_page_wait (f, page_is, "empty");
  import = pecan_ui_test_find_button (f->page, "win.import");
  demo = pecan_ui_test_find_button (f->page, "win.demo");
  g_assert_nonnull (import);
  g_assert_nonnull (demo);
  g_assert_true (gtk_widget_is_drawable (import));
  g_assert_true (gtk_widget_is_drawable (demo));

  /* Something imported elsewhere: the page follows the session. */
  pecan_test_import_ok (f->db.store, "daily-small.csv");
  pecan_session_data_changed (f->session);
  wait_for_lines (f, 7);
}

static void
add (const char          *path,
     const char * const  *files,
     void               (*func) (PageFixture *, gconstpointer))
{
  g_test_add (path, PageFixture, files, fixture_setup, func, pecan_ui_test_page_teardown);
}

int
main (int   argc,
      char *argv[])
{
  pecan_ui_test_init (&argc, &argv);

  add ("/usage-page/lines", daily_small, test_usage_lines);
  add ("/usage-page/columns", daily_small, test_usage_columns);
  add ("/usage-page/filters", daily_small, test_usage_filters);
  add ("/usage-page/empty-period", daily_small, test_usage_empty_period);
  add ("/usage-page/search-action", daily_small, test_usage_search_action);
  add ("/usage-page/hidden", daily_small, test_usage_hidden);
  add ("/usage-page/empty", NULL, test_usage_empty);

  return g_test_run ();
}
