/* pecan-bench-window.c: how fast the window shows, and whether it stalls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: pecan-bench-window DATABASE
 *
 * Opens the window on DATABASE and prints the time from start to its first
 * painted frame, then shows every page in turn and every period step, and
 * prints the longest time the main loop went without running: a 1 ms
 * timeout notes the gap between its runs, so any handler, layout or paint
 * that holds the main loop shows up, whatever it is. Figures, not pass or
 * fail: run it on a database of 10 million lines to check the targets
 * (first frame under 0.5 s, no stall over 50 ms).
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>

#include "pecan-application.h"
#include "pecan-claims-page.h"
#include "pecan-window.h"

static gint64 started;
static gint64 first_frame;
static gint64 last_tick;
static gint64 longest_gap;
static const char *longest_during = "";
static const char *doing = "start";

static gint64 worst_gap;
static const char *worst_during = "";

/* Keeps the longest stall of a step, and starts the next step afresh. */
static void
note_longest (void)
{
  if (longest_gap > worst_gap)
    {
      worst_gap = longest_gap;
      worst_during = longest_during;
    }
  longest_gap = 0;
}

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_tick != 0 && now - last_tick > longest_gap)
    {
      longest_gap = now - last_tick;
      longest_during = doing;
    }
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  if (first_frame == 0)
    first_frame = g_get_monotonic_time ();
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Runs the main loop for @ms milliseconds, timing its gaps meanwhile. */
static void
run_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const pages[] = { "overview", "customers", "lost", "usage", "imports", "reports", "claims", "overview" };
  g_autoptr(PecanApplication) app = NULL;
  PecanWindow *window;

  started = g_get_monotonic_time ();
  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s DATABASE\n", argv[0]);
      return 2;
    }
  gtk_init ();
  g_setenv ("PECAN_DATABASE", argv[1], TRUE);
  app = pecan_application_new (G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    return 1;
  g_application_activate (G_APPLICATION (app));
  window = PECAN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  g_timeout_add (1, tick_cb, NULL);
  while (first_frame == 0)
    g_main_context_iteration (NULL, TRUE);
  printf ("first frame: %.0f ms after start\n", (first_frame - started) / 1000.0);

  /* Let the overview's queries land, then visit everything. */
  run_for (3000);
  printf ("longest stall while the overview loads: %.1f ms\n", longest_gap / 1000.0);
  longest_gap = 0;
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      doing = pages[i];
      pecan_window_show_page (window, pages[i]);
      run_for (3000);
      printf ("  %-10s longest stall %.1f ms\n", pages[i], longest_gap / 1000.0);
      note_longest ();
    }
  for (int i = 0; i < 3; i++)
    {
      doing = "previous period";
      gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-period", NULL);
      run_for (2000);
      printf ("  previous period, on the overview: longest stall %.1f ms\n", longest_gap / 1000.0);
      note_longest ();
    }
  /* The claim wizard, opened from the Claims page and closed. */
  doing = "claim wizard";
  pecan_window_show_page (window, "claims");
  run_for (1000);
  longest_gap = 0;
  gtk_widget_activate_action (find_widget (GTK_WIDGET (window), PECAN_TYPE_CLAIMS_PAGE),
                              "claims.new", NULL);
  run_for (2000);
  printf ("  claim wizard, opened: longest stall %.1f ms\n", longest_gap / 1000.0);
  note_longest ();
  /* The co-op checklist, for a new claim, over the wizard. */
  doing = "co-op checklist";
  longest_gap = 0;
  gtk_widget_activate_action (find_widget (GTK_WIDGET (window), PECAN_TYPE_CLAIMS_PAGE),
                              "claims.new-coop", NULL);
  run_for (2000);
  printf ("  co-op checklist, opened: longest stall %.1f ms\n", longest_gap / 1000.0);
  note_longest ();
  printf ("longest stall over the pages and periods: %.1f ms (on %s)\n",
          worst_gap / 1000.0, worst_during);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
