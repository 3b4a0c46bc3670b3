/* pecan-ui-test-util.c: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <string.h>

#include "pecan-demo.h"
#include "pecan-parse.h"
#include "pecan-ui-test-util.h"

static gboolean have_display;

/* g_test_init(), then GTK if there is a display to open: without one,
 * the tests skip (PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY()). */
void
pecan_ui_test_init (int    *argc,
                    char ***argv)
{
  g_test_init (argc, argv, NULL);
  have_display = gtk_init_check ();
  /* Without a display (a Flatpak build, a headless server) the whole
   * program is skipped, said as TAP says it: the tests build widgets. */
  if (!have_display)
    {
      printf ("1..0 # SKIP no display\n");
      exit (0);
    }
}

/* Whether pecan_ui_test_init() could open a display. */
gboolean
pecan_ui_test_have_display (void)
{
  return have_display;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds for @object and @data, for
 * @seconds at the most. Returns whether it holds. */
gboolean
pecan_ui_test_iterate_until (guint                 seconds,
                             PecanUiTestCondition  condition,
                             gpointer              object,
                             gconstpointer         data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timeout_cb, &timed_out);

  while (!condition (object, data))
    {
      if (timed_out)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }
  if (!timed_out)
    g_source_remove (id);
  return TRUE;
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

/* What a person can read in @widget now: the text of its mapped labels,
 * a line each. Free it with g_free(). */
char *
pecan_ui_test_widget_text (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  collect_text (widget, text);
  return g_string_free (text, FALSE);
}

typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  data);

static GtkWidget *
find (GtkWidget     *widget,
      WidgetMatch    match,
      gconstpointer  data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of @type in @widget and below it, @widget first, or
 * NULL. */
GtkWidget *
pecan_ui_test_find_widget (GtkWidget *widget,
                           GType      type)
{
  return find (widget, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_button_for (GtkWidget     *widget,
               gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

/* The first button in @widget and below it that activates @action_name
 * (as "win.import"), or NULL. */
GtkWidget *
pecan_ui_test_find_button (GtkWidget  *widget,
                           const char *action_name)
{
  return find (widget, is_button_for, action_name);
}

/* The first toplevel window of @type on the screen, shown, or NULL. */
GtkWindow *
pecan_ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Sets @session to the period @text stands for (as "2026-01"). */
void
pecan_ui_test_set_period (PecanSession *session,
                          const char   *text)
{
  PecanPeriod period;

  g_assert_true (pecan_period_parse (text, &period));
  pecan_session_set_period (session, &period);
}

/* Imports two months of demo usage of 40 customers into @db, from
 * @first_month of @first_year on. */
void
pecan_ui_test_import_demo (PecanTestFixture *db,
                           int               first_year,
                           int               first_month)
{
  g_autofree char *path = g_build_filename (db->dir, "demo.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanBatch) batch = NULL;
  PecanDemoOptions options;

  pecan_demo_options_init (&options);
  options.customers = 40;
  options.first_year = first_year;
  options.first_month = first_month;
  options.months = 2;
  options.seed = 7;
  g_assert_true (pecan_demo_write (path, &options, NULL, &error));
  g_assert_no_error (error);
  batch = pecan_test_import_path (db->store, path, PECAN_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (batch);
}

/* Shows a new page of @page_type, on a new session over the fixture's
 * database at @period (or the session's own), in a new window of
 * @width by @height. With @stack_name, the page sits in a stack under
 * that name, shown, beside a page "other", as in the window. */
void
pecan_ui_test_page_open (PecanUiPageFixture *f,
                         GType               page_type,
                         int                 width,
                         int                 height,
                         const char         *period,
                         const char         *stack_name)
{
  g_autoptr(GError) error = NULL;

  f->session = pecan_session_new (f->db.db_path, &error);
  g_assert_no_error (error);
  if (period != NULL)
    pecan_ui_test_set_period (f->session, period);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, width, height);
  f->page = g_object_new (page_type, NULL);
  if (stack_name != NULL)
    {
      f->stack = GTK_STACK (gtk_stack_new ());
      gtk_stack_add_named (f->stack, gtk_label_new ("another page"), "other");
      gtk_stack_add_named (f->stack, f->page, stack_name);
      gtk_stack_set_visible_child_name (f->stack, stack_name);
      gtk_window_set_child (f->window, GTK_WIDGET (f->stack));
    }
  else
    gtk_window_set_child (f->window, f->page);
  g_object_set (f->page, "session", f->session, NULL);
  gtk_window_present (f->window);
}

/* Destroys the window of pecan_ui_test_page_open(), lets the main loop
 * see to what that leaves, and drops the session. */
void
pecan_ui_test_page_close (PecanUiPageFixture *f)
{
  gtk_window_destroy (f->window);
  f->window = NULL;
  f->stack = NULL;
  f->page = NULL;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->session);
}

/* The fixture's teardown: the page's window if open, then the database. */
void
pecan_ui_test_page_teardown (PecanUiPageFixture *f,
                             gconstpointer       data)
{
  if (f->window != NULL)
    pecan_ui_test_page_close (f);
  g_clear_object (&f->session);
  pecan_test_fixture_teardown (&f->db, NULL);
}

/* The name of the page's stack page shown: the visible child of its
 * template child "stack". */
const char *
pecan_ui_test_page_visible (PecanUiPageFixture *f)
{
  GObject *stack = gtk_widget_get_template_child (f->page, G_OBJECT_TYPE (f->page), "stack");

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* Runs the main loop until @condition holds for @f and @data, or fails
 * after 30 s, saying what the page shows. */
void
pecan_ui_test_page_wait (PecanUiPageFixture   *f,
                         PecanUiPageCondition  condition,
                         gconstpointer         data)
{
  if (!pecan_ui_test_iterate_until (30, (PecanUiTestCondition) condition, f, data))
    g_error ("the page never got there; it shows “%s”", pecan_ui_test_page_visible (f));
}

static void
collect_mnemonics (GtkWidget  *widget,
                   GHashTable *seen,
                   GString    *clashes)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget)))
    {
      guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)));
      const char *text = gtk_label_get_label (GTK_LABEL (widget));
      const char *other = g_hash_table_lookup (seen, GUINT_TO_POINTER (key));

      /* Two controls of one action (as a header's and a page's) may share. */
      if (key != GDK_KEY_VoidSymbol && other != NULL && !g_str_equal (other, text))
        g_string_append_printf (clashes, "“%s” and “%s” ", other, text);
      else if (key != GDK_KEY_VoidSymbol)
        g_hash_table_insert (seen, GUINT_TO_POINTER (key), (gpointer) text);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, seen, clashes);
}

static gboolean
no_transition (gpointer      widget,
               gconstpointer data)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!no_transition (child, NULL))
      return FALSE;
  return TRUE;
}

/**
 * pecan_ui_test_assert_mnemonics:
 * @window: a window
 *
 * Fails unless every access key shown in @window is unique: two labels
 * with the same underlined letter make Alt and that letter go to either.
 */
void
pecan_ui_test_assert_mnemonics (GtkWidget *window)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) clashes = g_string_new (NULL);

  /* A page sliding out is still mapped. */
  g_assert_true (pecan_ui_test_iterate_until (10, no_transition, window, NULL));
  collect_mnemonics (window, seen, clashes);
  if (clashes->len > 0)
    g_error ("access keys shown twice: %s", clashes->str);
}
