/* test-translation.c: the window and pecan-cli speak the user's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run once per language, with LANGUAGE set (de, nl) and the translations
 * of the build tree (PECAN_LOCALEDIR). The texts looked for are the
 * catalogue's own translations, so a missing or stale catalogue, or a
 * string that skips gettext, fails the test.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>
#include <string.h>

#include "pecan-application.h"
#include "pecan-test-util.h"
#include "pecan-ui-test-util.h"
#include "pecan-usage-page.h"
#include "pecan-window.h"

/* The translation of @english, which must differ from it. */
static const char *
translated (const char *english)
{
  const char *text = g_dgettext (GETTEXT_PACKAGE, english);

  g_assert_cmpstr (text, !=, english);
  g_assert_cmpstr (text, !=, "");
  return text;
}

static void
test_cli (void)
{
  const char *argv[] = { g_getenv ("PECAN_CLI"), "--help", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, translated ("Import usage files (all or nothing per file)")));
  g_assert_nonnull (strstr (out, translated ("Write credit-sharing workbooks, one per client")));
  g_assert_null (strstr (out, "Import usage files (all or nothing per file)"));
}

static gboolean
shows_text (gpointer       window,
            gconstpointer  needle)
{
  g_autofree char *text = pecan_ui_test_widget_text (window);

  return strstr (text, needle) != NULL;
}

/* The labels of @widget's column headings that are cut short. */
static void
find_cut_headings (GtkWidget *widget,
                   gboolean   in_header,
                   GString   *cut)
{
  in_header = in_header || g_str_equal (gtk_widget_get_css_name (widget), "header");
  if (in_header && GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      GtkWidget *title = gtk_widget_get_parent (widget);
      graphene_rect_t bounds;
      int natural;

      /* A heading is clipped by its title, which is as wide as its column. */
      while (title != NULL && !g_str_equal (gtk_widget_get_css_name (title), "button"))
        title = gtk_widget_get_parent (title);
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_true (title != NULL && gtk_widget_compute_bounds (widget, title, &bounds));
      if (bounds.origin.x + natural > gtk_widget_get_width (title))
        g_string_append_printf (cut, "“%s” (%d pixels from %d, in %d) ",
                                gtk_label_get_text (GTK_LABEL (widget)), natural,
                                (int) bounds.origin.x, gtk_widget_get_width (title));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_cut_headings (child, in_header, cut);
}

static gboolean
laid_out (gpointer      widget,
          gconstpointer data)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* The Usage page's columns have fixed widths, since its rows come and go:
 * each is still wide enough for its translated heading. */
static void
check_usage_headings (PecanWindow *window)
{
  GtkWidget *page = pecan_ui_test_find_widget (GTK_WIDGET (window), PECAN_TYPE_USAGE_PAGE);
  GtkWidget *view = pecan_ui_test_find_widget (page, GTK_TYPE_COLUMN_VIEW);
  g_autoptr(GString) cut = g_string_new (NULL);

  pecan_window_show_page (window, "usage");
  g_assert_true (pecan_ui_test_iterate_until (30, laid_out, view, NULL));
  for (int i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  find_cut_headings (view, FALSE, cut);
  if (cut->len > 0)
    g_error ("Usage headings cut short: %s", cut->str);
}

static void
test_window (void)
{
  PecanTestFixture db;
  g_autoptr(PecanApplication) app = NULL;
  g_autoptr(PecanSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PecanWindow *window;
  const char *looked_for[] = { "Overview", "Customers", "Lost PEC", "PEC earned", "Imports" };

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  pecan_test_fixture_setup (&db, NULL);
  pecan_test_import_ok (db.store, "daily-small.csv");
  app = pecan_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  session = pecan_session_new (db.db_path, &error);
  g_assert_no_error (error);
  window = pecan_window_new (app, session);
  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; i < G_N_ELEMENTS (looked_for); i++)
    {
      const char *needle = translated (looked_for[i]);

      if (!pecan_ui_test_iterate_until (30, shows_text, window, needle))
        {
          text = pecan_ui_test_widget_text (GTK_WIDGET (window));
          g_error ("“%s” never showed; the window shows:\n%s", needle, text);
        }
    }
  text = pecan_ui_test_widget_text (GTK_WIDGET (window));
  g_assert_null (strstr (text, "PEC earned"));
  check_usage_headings (window);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  pecan_test_fixture_teardown (&db, NULL);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("PECAN_LOCALEDIR");

  g_assert_nonnull (g_getenv ("LANGUAGE"));
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  pecan_ui_test_init (&argc, &argv);

  g_test_add_func ("/translation/cli", test_cli);
  g_test_add_func ("/translation/window", test_window);

  return g_test_run ();
}
