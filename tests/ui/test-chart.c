/* test-chart.c: the PEC chart: hit tests, clicks, export, accessibility
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "pecan-chart.h"
#include "pecan-parse.h"
#include "pecan-period.h"
#include "pecan-test-util.h"
#include "pecan-ui-test-util.h"
#include "pecan-ui-util.h"

#define N_MONTHS 12

typedef struct
{
  GtkWidget  *window;
  PecanChart *chart;
  char       *dir;
} ChartFixture;

/* 2026 by month: earned grows by 100 a month, lost by 10 from nothing. */
static void
set_year (PecanChart *chart)
{
  PecanChartBar bars[N_MONTHS];

  for (int i = 0; i < N_MONTHS; i++)
    {
      bars[i].first_day = pecan_day_from_ymd (2026, i + 1, 1);
      bars[i].last_day = pecan_month_last_day (2026, i + 1);
      bars[i].earned = 1000.0 + 100.0 * i;
      bars[i].lost = 10.0 * i;
    }
  pecan_chart_set_bars (chart, "EUR", bars, N_MONTHS, FALSE);
}

static gboolean
has_width (gpointer       widget,
           gconstpointer  data)
{
  return gtk_widget_get_width (widget) > 0;
}

static void
wait_for_width (GtkWidget *widget)
{
  pecan_ui_test_iterate_until (10, has_width, widget, NULL);
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
}

static void
fixture_setup (ChartFixture  *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!pecan_ui_test_have_display ())
    return;
  f->window = gtk_window_new ();
  f->chart = PECAN_CHART (pecan_chart_new ());
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 320);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->chart));
  set_year (f->chart);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_width (GTK_WIDGET (f->chart));

  f->dir = g_dir_make_tmp ("pecan-chart-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (ChartFixture  *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  if (f->dir != NULL)
    pecan_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
add_test (const char *path,
          void      (*func) (ChartFixture *, gconstpointer))
{
  g_test_add (path, ChartFixture, NULL, fixture_setup, func, fixture_teardown);
}

static void
test_chart_hit (ChartFixture  *f,
                gconstpointer  data)
{
  int width, height;
  graphene_rect_t area, next;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();
  width = gtk_widget_get_width (GTK_WIDGET (f->chart));
  height = gtk_widget_get_height (GTK_WIDGET (f->chart));

  for (guint i = 0; i < N_MONTHS; i++)
    {
      double right, bottom;

      g_assert_true (pecan_chart_get_bar_area (f->chart, i, &area));
      right = area.origin.x + area.size.width;
      bottom = area.origin.y + area.size.height;
      g_assert_cmpfloat (area.origin.x, >, 0);
      g_assert_cmpfloat (right, <, width);
      g_assert_cmpfloat (bottom, <, height);

      g_assert_cmpint (pecan_chart_bar_at (f->chart, area.origin.x + area.size.width / 2,
                                           area.origin.y + area.size.height / 2), ==, i);
      g_assert_cmpint (pecan_chart_bar_at (f->chart, area.origin.x, bottom - 1), ==, i);
      g_assert_cmpint (pecan_chart_bar_at (f->chart, right - 0.5, area.origin.y), ==, i);
      g_assert_cmpint (pecan_chart_bar_at (f->chart, area.origin.x - 1, bottom - 1), ==, -1);
      g_assert_cmpint (pecan_chart_bar_at (f->chart, right + 0.5, bottom - 1), ==, -1);
      g_assert_cmpint (pecan_chart_bar_at (f->chart, area.origin.x + 1, area.origin.y - 1), ==, -1);
      g_assert_cmpint (pecan_chart_bar_at (f->chart, area.origin.x + 1, bottom + 1), ==, -1);

      /* Bars come left to right with room between them. */
      if (i + 1 < N_MONTHS)
        {
          g_assert_true (pecan_chart_get_bar_area (f->chart, i + 1, &next));
          g_assert_cmpfloat (next.origin.x, >, right);
          g_assert_cmpint (pecan_chart_bar_at (f->chart, (right + next.origin.x) / 2,
                                               bottom - 1), ==, -1);
        }
    }

  g_assert_false (pecan_chart_get_bar_area (f->chart, N_MONTHS, &area));
  g_assert_cmpint (pecan_chart_bar_at (f->chart, -10, height / 2), ==, -1);
  g_assert_cmpint (pecan_chart_bar_at (f->chart, width + 10, height / 2), ==, -1);
  g_assert_cmpint (pecan_chart_bar_at (f->chart, width / 2, -10), ==, -1);
  g_assert_cmpint (pecan_chart_bar_at (f->chart, width / 2, height + 10), ==, -1);

  pecan_chart_set_bars (f->chart, "EUR", NULL, 0, FALSE);
  g_assert_cmpint (pecan_chart_bar_at (f->chart, width / 2, height / 2), ==, -1);
  g_assert_false (pecan_chart_get_bar_area (f->chart, 0, &area));
}

static void
bar_activated_cb (PecanChart  *chart,
                  int          first_day,
                  int          last_day,
                  PecanPeriod *period)
{
  period->first = first_day;
  period->last = last_day;
}

static void
test_chart_activate (ChartFixture  *f,
                     gconstpointer  data)
{
  PecanPeriod period = { 0, 0 };
  PecanPeriod march;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();
  g_assert_true (pecan_period_parse ("2026-03", &march));
  g_signal_connect (f->chart, "bar-activated", G_CALLBACK (bar_activated_cb), &period);

  /* A click on a bar activates this action with the bar under it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.activate-bar", "u", 2));
  g_assert_cmpint (period.first, ==, march.first);
  g_assert_cmpint (period.last, ==, march.last);

  period = (PecanPeriod) { 0, 0 };
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.activate-bar", "u", 99));
  g_assert_cmpint (period.first, ==, 0);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_chart_stacked (ChartFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(GtkWidget) toggle = g_object_ref_sink (gtk_toggle_button_new ());
  graphene_rect_t stacked, side;
  guint notified = 0;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();
  g_assert_true (pecan_chart_get_stacked (f->chart));
  g_signal_connect (f->chart, "notify::stacked", G_CALLBACK (count_cb), &notified);

  g_assert_true (pecan_chart_get_bar_area (f->chart, 0, &stacked));
  pecan_chart_set_stacked (f->chart, FALSE);
  pecan_chart_set_stacked (f->chart, FALSE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (pecan_chart_get_bar_area (f->chart, 0, &side));

  /* Side by side, a month is two bars, wider than one. */
  g_assert_cmpfloat (side.size.width, >, stacked.size.width);
  g_assert_cmpint (pecan_chart_bar_at (f->chart, side.origin.x + 1, side.origin.y + 1), ==, 0);
  g_assert_cmpint (pecan_chart_bar_at (f->chart, side.origin.x + side.size.width - 1,
                                       side.origin.y + 1), ==, 0);

  /* A toggle button in the window drives it. */
  g_object_bind_property (toggle, "active", f->chart, "stacked", G_BINDING_SYNC_CREATE);
  g_assert_false (pecan_chart_get_stacked (f->chart));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  g_assert_true (pecan_chart_get_stacked (f->chart));
  g_assert_cmpuint (notified, ==, 2);
}

static char *
save (ChartFixture     *f,
      const char       *name,
      PecanChartFormat  format)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (pecan_chart_save (f->chart, file, format, 800, 400, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* How many pixels are neither white nor grey: the bars. */
static guint
count_coloured (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint coloured = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = data + y * stride + 4 * x;

        if (ABS (p[0] - p[1]) > 60 || ABS (p[1] - p[2]) > 60)
          coloured++;
      }
  return coloured;
}

static void
check_png (const char *path,
           gboolean    bars)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 400);
  if (bars)
    g_assert_cmpuint (count_coloured (surface), >, 800 * 400 / 20);
  else
    g_assert_cmpuint (count_coloured (surface), ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_chart_save (ChartFixture  *f,
                 gconstpointer  data)
{
  g_autofree char *png = NULL;
  g_autofree char *side_png = NULL;
  g_autofree char *empty_png = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *side_contents = NULL;
  gsize length, side_length;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();
  png = save (f, "chart.png", PECAN_CHART_FORMAT_PNG);
  check_png (png, TRUE);

  svg = save (f, "chart.svg", PECAN_CHART_FORMAT_SVG);
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml") || g_str_has_prefix (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "800"));

  /* Side by side is another picture. */
  pecan_chart_set_stacked (f->chart, FALSE);
  side_png = save (f, "side.png", PECAN_CHART_FORMAT_PNG);
  check_png (side_png, TRUE);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_true (g_file_get_contents (side_png, &side_contents, &side_length, NULL));
  g_assert_false (length == side_length && memcmp (contents, side_contents, length) == 0);

  pecan_chart_set_bars (f->chart, NULL, NULL, 0, FALSE);
  empty_png = save (f, "empty.png", PECAN_CHART_FORMAT_PNG);
  check_png (empty_png, FALSE);
}

static void
test_chart_save_error (ChartFixture  *f,
                       gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();
  path = g_build_filename (f->dir, "missing", "chart.png", NULL);
  file = g_file_new_for_path (path);
  g_assert_false (pecan_chart_save (f->chart, file, PECAN_CHART_FORMAT_PNG, 100, 100, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
assert_label (PecanChart *chart,
              const char *expected)
{
  g_autofree char *message = NULL;

  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  if (message != NULL)
    g_error ("accessible label: %s", message);
}

static void
test_chart_accessible (ChartFixture  *f,
                       gconstpointer  data)
{
  g_autofree char *earned = pecan_ui_format_money (18600.0, "EUR");
  g_autofree char *lost = pecan_ui_format_money (660.0, "EUR");
  g_autofree char *first = pecan_ui_format_month (202601);
  g_autofree char *last = pecan_ui_format_month (202612);
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  g_autofree char *expected = NULL;
  PecanChartBar days[3];

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (f->chart), GTK_ACCESSIBLE_ROLE_IMG);

  expected = g_strdup_printf ("PEC earned and lost per month, %s to %s: earned %s, lost %s",
                              first, last, earned, lost);
  assert_label (f->chart, expected);

  for (int i = 0; i < 3; i++)
    {
      days[i].first_day = days[i].last_day = pecan_day_from_ymd (2026, 3, i + 1);
      days[i].earned = 10.0;
      days[i].lost = 0.5;
    }
  pecan_chart_set_bars (f->chart, "USD", days, 3, TRUE);
  g_clear_pointer (&earned, g_free);
  g_clear_pointer (&lost, g_free);
  g_clear_pointer (&expected, g_free);
  earned = pecan_ui_format_money (30.0, "USD");
  lost = pecan_ui_format_money (1.5, "USD");
  first_day = pecan_ui_format_day (days[0].first_day);
  last_day = pecan_ui_format_day (days[2].first_day);
  expected = g_strdup_printf ("PEC earned and lost per day, %s to %s: earned %s, lost %s",
                              first_day, last_day, earned, lost);
  assert_label (f->chart, expected);

  pecan_chart_set_bars (f->chart, NULL, NULL, 0, FALSE);
  assert_label (f->chart, "PEC earned and lost: no usage in this period");
}

int
main (int   argc,
      char *argv[])
{
  /* No GL under a virtual display; the cairo renderer draws the same. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  pecan_ui_test_init (&argc, &argv);

  add_test ("/chart/hit", test_chart_hit);
  add_test ("/chart/activate", test_chart_activate);
  add_test ("/chart/stacked", test_chart_stacked);
  add_test ("/chart/save", test_chart_save);
  add_test ("/chart/save-error", test_chart_save_error);
  add_test ("/chart/accessible", test_chart_accessible);

  return g_test_run ();
}
