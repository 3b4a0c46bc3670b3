/* pecan-reports-page-export.c: the Reports page writes the workbooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export… asks for a folder (the last one is kept in GSettings), then
 * pecan_report_export() writes one workbook per selected client on a
 * worker thread of the session. The worker only records how far it got,
 * under a lock; the page reads that ten times a second into the progress
 * banner, so that a fast run never floods the main loop. When the run
 * ends, a banner says how many workbooks were written where, with a
 * button that opens the folder.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pecan-reports-page-private.h"
#include "pecan-ui-util.h"

/* How far a run got: counts written by the worker under the lock, the
 * rest the page's own. */
struct _PecanReportsExport
{
  GMutex        lock;
  guint         n_done;
  guint         n_written;
  double        fraction;

  GStrv         titles;       /* of the clients, in the order of the run */
  char         *directory;
  GCancellable *cancellable;
  guint         timeout_id;
};

/* What the worker reads. */
typedef struct
{
  PecanReportsExport *export;
  GListModel         *clients;
  PecanPeriod         period;
  gboolean            lines;
  gboolean            partner_cost;
} ExportData;

static void
export_clear (gpointer data)
{
  PecanReportsExport *export = data;

  g_mutex_clear (&export->lock);
  g_strfreev (export->titles);
  g_free (export->directory);
  g_clear_object (&export->cancellable);
}

static void
export_unref (PecanReportsExport *export)
{
  g_atomic_rc_box_release_full (export, export_clear);
}

static void
export_data_free (gpointer data)
{
  ExportData *job = data;

  export_unref (job->export);
  g_object_unref (job->clients);
  g_free (job);
}

/* On the worker: a client is done, with its workbook or without usage. */
static void
client_done_cb (const PecanReportResult *result,
                gpointer                 user_data)
{
  PecanReportsExport *export = user_data;

  g_mutex_lock (&export->lock);
  export->n_done = result->index + 1;
  if (result->path != NULL)
    export->n_written++;
  g_mutex_unlock (&export->lock);
}

/* On the worker. */
static void
progress_cb (double   fraction,
             gpointer user_data)
{
  PecanReportsExport *export = user_data;

  g_mutex_lock (&export->lock);
  export->fraction = fraction;
  g_mutex_unlock (&export->lock);
}

static GObject *
export_reports (PecanStore    *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  ExportData *job = data;
  PecanReportSettings settings = { 0 };
  PecanReportOptions options;

  /* The preferences as they are now; the preview reloads when they
   * change, so it shows the same. */
  pecan_report_settings_load (store, &settings);
  pecan_report_options_init (&options, &settings, &job->period);
  options.lines = job->lines;
  options.partner_cost = job->partner_cost;
  pecan_report_export (store, &options, job->clients, job->export->directory, client_done_cb,
                       progress_cb, job->export, cancellable, error);
  pecan_report_settings_clear (&settings);
  return NULL;
}

static void
update_progress (PecanReportsPage *self)
{
  PecanReportsExport *export = self->export;
  guint n = g_strv_length (export->titles);
  guint done;
  double fraction;
  g_autofree char *label = NULL;
  g_autofree char *count = NULL;

  g_mutex_lock (&export->lock);
  done = export->n_done;
  fraction = export->fraction;
  g_mutex_unlock (&export->lock);
  if (done < n)
    /* TRANSLATORS: %s is the client whose workbook is being written */
    label = g_strdup_printf (_("Writing the report of “%s”…"), export->titles[done]);
  else
    label = g_strdup (_("Finishing…"));
  gtk_label_set_text (self->progress_label, label);
  /* TRANSLATORS: how many of the workbooks are written: "3 of 12" */
  count = g_strdup_printf (_("%u of %u"), MIN (done, n), n);
  gtk_progress_bar_set_text (self->progress_bar, count);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static gboolean
update_progress_cb (gpointer user_data)
{
  update_progress (user_data);
  return G_SOURCE_CONTINUE;
}

static void
show_result (PecanReportsPage *self,
             gboolean          failed,
             const char       *text)
{
  gtk_image_set_from_icon_name (self->result_icon, failed ? "dialog-warning-symbolic"
                                                          : "emblem-ok-symbolic");
  gtk_label_set_text (self->result_label, text);
  if (failed)
    gtk_widget_add_css_class (self->result_box, "error");
  else
    gtk_widget_remove_css_class (self->result_box, "error");
  gtk_revealer_set_reveal_child (self->result_revealer, TRUE);
}

/* A folder as a person reads it: in UTF-8, and under "~" when it is in
 * the home folder. */
static char *
display_folder (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize len = strlen (home);

  if (len > 1 && g_str_has_prefix (path, home) && path[len] == G_DIR_SEPARATOR)
    {
      g_autofree char *rest = g_filename_display_name (path + len);

      return g_strconcat ("~", rest, NULL);
    }
  return g_filename_display_name (path);
}

/* What the banner says once the run is over. */
static char *
result_text (PecanReportsExport *export,
             guint               n_written,
             guint               n_done,
             const GError       *error)
{
  g_autofree char *folder = display_folder (export->directory);
  g_autofree char *written = NULL;
  guint n = g_strv_length (export->titles);
  guint skipped = n_done - MIN (n_written, n_done);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* TRANSLATORS: "Export cancelled: 3 of 12 workbooks were written to /home/…" */
    return g_strdup_printf (ngettext ("Export cancelled: %u of %u workbook was written to %s.",
                                      "Export cancelled: %u of %u workbooks were written to %s.", n),
                            n_written, n, folder);
  if (error != NULL && n_written == 0)
    /* TRANSLATORS: %s says what went wrong, on a line of its own */
    return g_strdup_printf (_("The reports could not be written.\n%s\nChoose another folder that you can write to, or free some space, and export again."),
                            error->message);
  if (error != NULL)
    /* TRANSLATORS: %u workbooks were written before the error, which %s
     * says, on a line of its own */
    return g_strdup_printf (ngettext ("Only %u of %u workbook could be written.\n%s\nChoose another folder that you can write to, or free some space, and export again.",
                                      "Only %u of %u workbooks could be written.\n%s\nChoose another folder that you can write to, or free some space, and export again.", n),
                            n_written, n, error->message);
  /* TRANSLATORS: "12 workbooks were written to /home/…/Reports" */
  written = g_strdup_printf (ngettext ("%u workbook was written to %s.",
                                       "%u workbooks were written to %s.", n_written),
                             n_written, folder);
  if (skipped == 0)
    return g_steal_pointer (&written);
  /* TRANSLATORS: the first %s says how many workbooks were written where */
  return g_strdup_printf (ngettext ("%s %u client had no usage in the period.",
                                    "%s %u clients had no usage in the period.", skipped),
                          written, skipped);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PecanReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) nothing = pecan_session_run_finish (PECAN_SESSION (source), result, &error);
  PecanReportsExport *export = g_steal_pointer (&self->export);
  g_autofree char *text = NULL;
  guint n_written, n_done;

  g_mutex_lock (&export->lock);
  n_written = export->n_written;
  n_done = export->n_done;
  g_mutex_unlock (&export->lock);
  g_clear_handle_id (&export->timeout_id, g_source_remove);
  if (gtk_widget_in_destruction (GTK_WIDGET (self))
      || pecan_page_get_session (PECAN_PAGE (self)) == NULL)
    {
      export_unref (export);
      return;
    }
  text = result_text (export, n_written, n_done, error);
  g_free (self->export_folder);
  self->export_folder = n_written > 0 ? g_strdup (export->directory) : NULL;
  gtk_widget_set_visible (self->open_folder_button, self->export_folder != NULL);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  show_result (self, error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED), text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.cancel-export", FALSE);
  pecan_reports_page_update_status (self);
  export_unref (export);
}

static char **
client_titles (GListModel *clients)
{
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(PecanClient) client = g_list_model_get_item (clients, i);

      g_strv_builder_add (titles, pecan_client_info_get_title (pecan_client_get_info (client)));
    }
  return g_strv_builder_end (titles);
}

static void
start_export (PecanReportsPage *self,
              const char       *directory)
{
  PecanSession *session = pecan_page_get_session (PECAN_PAGE (self));
  g_autoptr(GListModel) clients = pecan_reports_page_dup_clients (self);
  PecanReportsExport *export;
  ExportData *job;

  if (self->export != NULL || session == NULL || g_list_model_get_n_items (clients) == 0)
    return;
  export = g_atomic_rc_box_new0 (PecanReportsExport);
  g_mutex_init (&export->lock);
  export->titles = client_titles (clients);
  export->directory = g_strdup (directory);
  export->cancellable = g_cancellable_new ();
  self->export = export;

  job = g_new0 (ExportData, 1);
  job->export = g_atomic_rc_box_acquire (export);
  job->clients = g_steal_pointer (&clients);
  job->period = *pecan_session_get_period (session);
  job->lines = self->lines;
  job->partner_cost = self->partner_cost;

  gtk_revealer_set_reveal_child (self->result_revealer, FALSE);
  update_progress (self);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.cancel-export", TRUE);
  pecan_reports_page_update_status (self);
  export->timeout_id = g_timeout_add (100, update_progress_cb, self);
  pecan_session_run_async (session, export_reports, job, export_data_free,
                           export->cancellable, export_done_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(PecanReportsPage) self = user_data;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (folder != NULL)
    path = g_file_get_path (folder);
  g_object_unref (chooser);
  if (path == NULL)
    return;
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "report-folder", path);
  gtk_widget_activate_action (GTK_WIDGET (self), "reports.export-to", "s", path);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PecanReportsPage *self = PECAN_REPORTS_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *folder = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Reports to a Folder"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (self->settings != NULL)
    folder = g_settings_get_string (self->settings, "report-folder");
  if (folder != NULL && *folder != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Writes the reports into the folder @parameter names, with no dialog. */
static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  start_export (PECAN_REPORTS_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PecanReportsPage *self = PECAN_REPORTS_PAGE (widget);

  if (self->export != NULL)
    g_cancellable_cancel (self->export->cancellable);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PecanReportsPage *self = PECAN_REPORTS_PAGE (widget);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;

  if (self->export_folder == NULL)
    return;
  folder = g_file_new_for_path (self->export_folder);
  uri = g_file_get_uri (folder);
  /* Through the portal when sandboxed; the file manager's own window. */
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), uri, GDK_CURRENT_TIME);
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (PECAN_REPORTS_PAGE (widget)->result_revealer, FALSE);
}

void
pecan_reports_page_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "reports.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "reports.export-to", "s", export_to_action);
  gtk_widget_class_install_action (widget_class, "reports.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "reports.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "reports.dismiss", NULL, dismiss_action);
}

/* A run still going is cancelled; its end finds the page gone. */
void
pecan_reports_page_dispose_export (PecanReportsPage *self)
{
  if (self->export == NULL)
    return;
  g_cancellable_cancel (self->export->cancellable);
  g_clear_handle_id (&self->export->timeout_id, g_source_remove);
}
