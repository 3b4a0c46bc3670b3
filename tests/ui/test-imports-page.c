/* test-imports-page.c: the Imports page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page runs in a window of its own on a session over a fixture
 * database. The tests compare its list with pecan_query_batches(), and
 * undo an import as a person does: through imports.undo, answering the
 * confirmation it opens, then reading the database behind the page.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "pecan-imports-page.h"
#include "pecan-session.h"
#include "pecan-test-util.h"
#include "pecan-ui-test-util.h"

typedef PecanUiPageFixture PageFixture;

static GObject *
page_child (PageFixture *f,
            const char  *name)
{
  return gtk_widget_get_template_child (f->page, PECAN_TYPE_IMPORTS_PAGE, name);
}

/* The rows as the list shows them: filtered, newest first. */
static GListModel *
list_rows (PageFixture *f)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (page_child (f, "column_view"));

  return G_LIST_MODEL (gtk_column_view_get_model (view));
}

static const char *
visible_page (PageFixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "stack")));
}

static gboolean
page_is (PageFixture   *f,
         gconstpointer  name)
{
  return g_strcmp0 (visible_page (f), name) == 0;
}

static gboolean
list_has_n_rows (PageFixture   *f,
                 gconstpointer  n)
{
  return page_is (f, "list") && g_list_model_get_n_items (list_rows (f)) == GPOINTER_TO_UINT (n);
}

/* The message dialog open on the screen, if any. */
static GtkMessageDialog *
find_dialog (void)
{
  return (GtkMessageDialog *) pecan_ui_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
}

static gboolean
dialog_is_open (PageFixture   *f,
                gconstpointer  data)
{
  return find_dialog () != NULL;
}

/* Waits for the dialog, checks that its texts say @needles (NULL
 * terminated), and answers it with @response. */
static void
answer_dialog (PageFixture  *f,
               int           response,
               const char   *needle,
               ...)
{
  GtkMessageDialog *dialog;
  g_autofree char *text = NULL;
  g_autofree char *secondary = NULL;
  g_autofree char *both = NULL;
  va_list args;

  pecan_ui_test_page_wait (f, dialog_is_open, NULL);
  dialog = find_dialog ();
  g_object_get (dialog, "text", &text, "secondary-text", &secondary, NULL);
  both = g_strconcat (text, "\n", secondary, NULL);
  va_start (args, needle);
  for (const char *n = needle; n != NULL; n = va_arg (args, const char *))
    if (strstr (both, n) == NULL)
      g_error ("the dialog does not say “%s”:\n%s", n, both);
  va_end (args);
  gtk_dialog_response (GTK_DIALOG (dialog), response);
}

static gint64
batch_id (PageFixture *f,
          guint        position)
{
  g_autoptr(PecanBatch) batch = g_list_model_get_item (list_rows (f), position);

  return pecan_batch_get_id (batch);
}

static gint64
count (PageFixture *f,
       const char  *sql_format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, sql_format);
  sql = g_strdup_vprintf (sql_format, args);
  va_end (args);
  return pecan_test_query_int (f->db.db_path, sql);
}

static gboolean
generation_passed (PageFixture   *f,
                   gconstpointer  generation)
{
  return pecan_session_get_generation (f->session) > GPOINTER_TO_UINT (generation);
}

/* @data: the files of tests/data to import, oldest first, or NULL. */
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
  pecan_ui_test_page_open (f, PECAN_TYPE_IMPORTS_PAGE, 1000, 700, NULL, NULL);
  pecan_ui_test_page_wait (f, page_is, files != NULL ? "list" : "empty");
}

static const char * const two_files[] = { "daily-small.csv", "invoice-small.csv", NULL };
static const char * const replacing_files[] = { "daily-replace-a.csv", "daily-replace-b.csv", NULL };

/* Newest first, each with its file name and lines, as the history has them. */
static void
test_imports_list (PageFixture   *f,
                   gconstpointer  data)
{
  g_autoptr(GListModel) expected = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "invoice-small.csv", "daily-small.csv" };
  const guint64 lines[] = { 11, 24 };

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  pecan_ui_test_page_wait (f, list_has_n_rows, GUINT_TO_POINTER (2));
  expected = pecan_query_batches (f->db.store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PecanBatch) have = g_list_model_get_item (list_rows (f), i);
      g_autoptr(PecanBatch) want = g_list_model_get_item (expected, i);

      g_assert_cmpstr (pecan_batch_get_file_name (have), ==, names[i]);
      g_assert_cmpuint (pecan_batch_get_info (have)->lines, ==, lines[i]);
      g_assert_cmpint (pecan_batch_get_id (have), ==, pecan_batch_get_id (want));
    }
  g_assert_cmpint (batch_id (f, 0), >, batch_id (f, 1));
}

/* Selecting an import shows what the list has no room for. */
static void
test_imports_details (PageFixture   *f,
                      gconstpointer  data)
{
  g_autoptr(PecanBatch) batch = NULL;
  GtkRevealer *revealer = GTK_REVEALER (page_child (f, "details_revealer"));
  GtkLabel *sha256 = GTK_LABEL (page_child (f, "details_sha256"));

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  pecan_ui_test_page_wait (f, list_has_n_rows, GUINT_TO_POINTER (2));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (list_rows (f)), 1);
  batch = g_list_model_get_item (list_rows (f), 1);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (f, "details_title"))), ==,
                   "daily-small.csv");
  g_assert_cmpstr (gtk_label_get_text (sha256), ==, pecan_batch_get_info (batch)->sha256);
  g_assert_cmpuint (strlen (gtk_label_get_text (sha256)), ==, 64);
  g_assert_true (gtk_label_get_selectable (sha256));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (f, "details_pec"))), ==,
                   "Stated in the file");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (f, "details_delimiter"))), ==,
                   "Comma");
}

/* A Cost Management export without PEC columns says so. */
static void
test_imports_pec_unknown (PageFixture   *f,
                          gconstpointer  data)
{
  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  pecan_ui_test_page_wait (f, list_has_n_rows, GUINT_TO_POINTER (1));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (list_rows (f)), 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (f, "details_pec"))), ==,
                   "PEC not stated in this file");
}

/* Confirmed, the undo runs off the main thread, then every page reloads. */
static void
test_imports_undo (PageFixture   *f,
                   gconstpointer  data)
{
  guint generation;
  gint64 invoice, daily;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  pecan_ui_test_page_wait (f, list_has_n_rows, GUINT_TO_POINTER (2));
  invoice = batch_id (f, 0);
  daily = batch_id (f, 1);
  generation = pecan_session_get_generation (f->session);
  g_assert_cmpint (count (f, "SELECT count (*) FROM usage_line WHERE batch_id = %" G_GINT64_FORMAT,
                          invoice), ==, 11);

  gtk_widget_activate_action (f->page, "imports.undo", "x", invoice);
  answer_dialog (f, GTK_RESPONSE_ACCEPT, "Undo the import of “invoice-small.csv”?",
                 "It imported 11 lines", "import this file again", NULL);
  /* Busy until the worker is done: nothing else can be undone meanwhile. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (page_child (f, "column_view"))));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (page_child (f, "spinner"))));

  pecan_ui_test_page_wait (f, generation_passed, GUINT_TO_POINTER (generation));
  pecan_ui_test_page_wait (f, list_has_n_rows, GUINT_TO_POINTER (1));
  g_assert_cmpint (batch_id (f, 0), ==, daily);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page_child (f, "column_view"))));
  g_assert_cmpint (count (f, "SELECT count (*) FROM usage_line WHERE batch_id = %" G_GINT64_FORMAT,
                          invoice), ==, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM batch WHERE id = %" G_GINT64_FORMAT,
                          invoice), ==, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM usage_line"), ==, 24);
  g_assert_null (find_dialog ());
}

/* Cancelled, nothing happens. */
static void
test_imports_undo_cancelled (PageFixture   *f,
                             gconstpointer  data)
{
  guint generation;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  pecan_ui_test_page_wait (f, list_has_n_rows, GUINT_TO_POINTER (2));
  generation = pecan_session_get_generation (f->session);
  gtk_widget_activate_action (f->page, "imports.undo", "x", batch_id (f, 0));
  answer_dialog (f, GTK_RESPONSE_CANCEL, "invoice-small.csv", NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (find_dialog ());
  g_assert_cmpuint (pecan_session_get_generation (f->session), ==, generation);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page_child (f, "column_view"))));
  g_assert_cmpint (count (f, "SELECT count (*) FROM batch"), ==, 2);
}

/* The undo of a file that replaced older lines says they do not come
 * back, because pecan_store_undo_batch() does not bring them back. */
static void
test_imports_undo_replaced (PageFixture   *f,
                            gconstpointer  data)
{
  g_autoptr(PecanBatch) newer = NULL;
  guint generation;
  g_autofree char *replaced = NULL;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  pecan_ui_test_page_wait (f, list_has_n_rows, GUINT_TO_POINTER (2));
  newer = g_list_model_get_item (list_rows (f), 0);
  g_assert_cmpstr (pecan_batch_get_file_name (newer), ==, "daily-replace-b.csv");
  g_assert_cmpuint (pecan_batch_get_info (newer)->replaced, >, 0);
  replaced = g_strdup_printf ("The %" G_GUINT64_FORMAT " older lines it replaced do not come back",
                              pecan_batch_get_info (newer)->replaced);
  generation = pecan_session_get_generation (f->session);

  gtk_widget_activate_action (f->page, "imports.undo", "x", pecan_batch_get_id (newer));
  answer_dialog (f, GTK_RESPONSE_ACCEPT, "daily-replace-b.csv", replaced, NULL);
  pecan_ui_test_page_wait (f, generation_passed, GUINT_TO_POINTER (generation));
  pecan_ui_test_page_wait (f, list_has_n_rows, GUINT_TO_POINTER (1));
  g_assert_cmpint (count (f, "SELECT count (*) FROM usage_line WHERE batch_id = %" G_GINT64_FORMAT,
                          pecan_batch_get_id (newer)), ==, 0);
}

/* An undo that fails says why, and leaves the page usable. */
static void
test_imports_undo_fails (PageFixture   *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 invoice;
  guint generation;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  pecan_ui_test_page_wait (f, list_has_n_rows, GUINT_TO_POINTER (2));
  invoice = batch_id (f, 0);
  generation = pecan_session_get_generation (f->session);
  gtk_widget_activate_action (f->page, "imports.undo", "x", invoice);
  /* Someone else undoes it first, while the question is open. */
  g_assert_true (pecan_store_undo_batch (f->db.store, invoice, &error));
  g_assert_no_error (error);
  answer_dialog (f, GTK_RESPONSE_ACCEPT, "invoice-small.csv", NULL);
  answer_dialog (f, GTK_RESPONSE_CLOSE, "was not undone", "Nothing was changed", NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (find_dialog ());
  g_assert_cmpuint (pecan_session_get_generation (f->session), ==, generation);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page_child (f, "column_view"))));
}

/* page.search focuses the entry; the entry filters by file name. */
static void
test_imports_search (PageFixture   *f,
                     gconstpointer  data)
{
  GtkWidget *entry = GTK_WIDGET (page_child (f, "search_entry"));
  g_autoptr(PecanBatch) batch = NULL;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  pecan_ui_test_page_wait (f, list_has_n_rows, GUINT_TO_POINTER (2));
  g_assert_true (gtk_widget_activate_action (f->page, "page.search", NULL));
  g_assert_true (gtk_window_get_focus (f->window) == entry
                 || gtk_widget_is_ancestor (gtk_window_get_focus (f->window), entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "DAILY");
  pecan_ui_test_page_wait (f, list_has_n_rows, GUINT_TO_POINTER (1));
  batch = g_list_model_get_item (list_rows (f), 0);
  g_assert_cmpstr (pecan_batch_get_file_name (batch), ==, "daily-small.csv");

  gtk_editable_set_text (GTK_EDITABLE (entry), "no such file");
  pecan_ui_test_page_wait (f, list_has_n_rows, GUINT_TO_POINTER (0));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page_child (f, "no_match_label"))));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  pecan_ui_test_page_wait (f, list_has_n_rows, GUINT_TO_POINTER (2));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page_child (f, "no_match_label"))));
}

/* Nothing imported: the page says what to do, and offers to do it. */
static void
test_imports_empty (PageFixture   *f,
                    gconstpointer  data)
{
  GtkWidget *import, *demo;

  PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY ();

  g_assert_cmpstr (visible_page (f), ==, "empty");
  import = pecan_ui_test_find_button (f->page, "win.import");
  demo = pecan_ui_test_find_button (f->page, "win.demo");
  g_assert_nonnull (import);
  g_assert_nonnull (demo);
  g_assert_true (gtk_widget_is_drawable (import));
  g_assert_true (gtk_widget_is_drawable (demo));

  /* Something imported elsewhere: the page follows the session. */
  pecan_test_import_ok (f->db.store, "daily-small.csv");
  pecan_session_data_changed (f->session);
  pecan_ui_test_page_wait (f, list_has_n_rows, GUINT_TO_POINTER (1));
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
  static const char * const no_pec[] = { "cost-nopec.csv", NULL };

  pecan_ui_test_init (&argc, &argv);

  add ("/imports-page/list", two_files, test_imports_list);
  add ("/imports-page/details", two_files, test_imports_details);
  add ("/imports-page/pec-unknown", no_pec, test_imports_pec_unknown);
  add ("/imports-page/undo", two_files, test_imports_undo);
  add ("/imports-page/undo-cancelled", two_files, test_imports_undo_cancelled);
  add ("/imports-page/undo-replaced", replacing_files, test_imports_undo_replaced);
  add ("/imports-page/undo-fails", two_files, test_imports_undo_fails);
  add ("/imports-page/search", two_files, test_imports_search);
  add ("/imports-page/empty", NULL, test_imports_empty);

  return g_test_run ();
}
