/* pecan-window-import.c: importing files from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files chosen, dropped or given on the command line queue up and import
 * one after the other on a worker thread (the core's async import, with
 * its own connection). The reading thread reports progress into a job the
 * main loop polls ten times a second, so a fast import never floods the
 * main loop. When the queue is done a banner says what happened in plain
 * words; a failure opens a message, and nothing of that file was kept.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pecan-demo.h"
#include "pecan-error.h"
#include "pecan-importer.h"
#include "pecan-parse.h"
#include "pecan-query.h"
#include "pecan-summary-row.h"
#include "pecan-ui-util.h"
#include "pecan-window-private.h"

/* Shared between the reading thread and the main loop. */
typedef struct
{
  GMutex              lock;
  PecanImportProgress progress;
  guint               timeout_id;
} ImportJob;

static ImportJob *current_job_of (PecanWindow *self);
static void start_next_import (PecanWindow *self);

static GQuark job_quark (void);
G_DEFINE_QUARK (pecan-window-import-job, job)

/* Set on a queued file to import it with PECAN_IMPORT_SKIP_BAD_ROWS. */
static GQuark skip_quark (void);
G_DEFINE_QUARK (pecan-window-import-skip-bad-rows, skip)

enum
{
  RESPONSE_SKIP_BAD_LINES = 1,
};

static ImportJob *
current_job_of (PecanWindow *self)
{
  return g_object_get_qdata (G_OBJECT (self), job_quark ());
}

static void
job_free (gpointer data)
{
  ImportJob *job = data;

  g_clear_handle_id (&job->timeout_id, g_source_remove);
  g_mutex_clear (&job->lock);
  g_free (job);
}

/* Called on the reading thread. */
static void
progress_cb (const PecanImportProgress *progress,
             gpointer                   user_data)
{
  ImportJob *job = user_data;

  g_mutex_lock (&job->lock);
  job->progress = *progress;
  g_mutex_unlock (&job->lock);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  PecanWindow *self = user_data;
  ImportJob *job = current_job_of (self);
  PecanImportProgress progress;
  double seconds = (g_get_monotonic_time () - self->import_started) / 1e6;
  g_autofree char *lines = NULL;
  g_autofree char *text = NULL;

  g_mutex_lock (&job->lock);
  progress = job->progress;
  g_mutex_unlock (&job->lock);

  if (progress.bytes_total == 0)
    return G_SOURCE_CONTINUE;
  lines = pecan_ui_format_count (progress.lines);
  if (seconds > 0.5 && progress.bytes_read > 0)
    {
      double rate = progress.bytes_read / seconds;
      double left = (progress.bytes_total - progress.bytes_read) / rate;

      /* TRANSLATORS: import progress: lines read, speed, time left */
      text = g_strdup_printf (_("%s lines · %.0f MB/s · %.0f s left"), lines, rate / 1e6, left);
    }
  else
    text = g_strdup_printf (_("%s lines"), lines);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 (double) progress.bytes_read / progress.bytes_total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_CONTINUE;
}

static void
report_line (PecanWindow *self,
             const char  *line)
{
  if (self->import_report->len > 0)
    g_string_append_c (self->import_report, '\n');
  g_string_append (self->import_report, line);
}

/* What an import did, in sentences: the file and its lines, what was
 * skipped, what the file could not say. */
static void
describe_batch (GPtrArray            *sentences,
                const PecanBatchInfo *info)
{
  g_autofree char *count = NULL;
  g_autofree char *lines = NULL;
  g_autofree char *customers = NULL;

  if (info->duplicate_of != 0)
    {
      g_ptr_array_add (sentences, g_strdup_printf (_("“%s” was already imported: nothing "
                                                     "changed."), info->file_name));
      return;
    }
  count = pecan_ui_format_count (info->lines);
  /* TRANSLATORS: part of “Imported “file.csv”: 12 lines, 3 customers …” */
  lines = g_strdup_printf (ngettext ("%s line", "%s lines", info->lines), count);
  /* TRANSLATORS: part of “Imported “file.csv”: 12 lines, 3 customers …” */
  customers = g_strdup_printf (ngettext ("%u customer", "%u customers", info->customers),
                               info->customers);
  if (info->first_day != G_MININT32)
    {
      g_autofree char *first = pecan_ui_format_day (info->first_day);
      g_autofree char *last = pecan_ui_format_day (info->last_day);

      /* TRANSLATORS: the file, its lines, its customers, and the usage days it covers */
      g_ptr_array_add (sentences, g_strdup_printf (_("Imported “%s”: %s, %s, usage from %s to "
                                                     "%s."), info->file_name, lines, customers,
                                                   first, last));
    }
  else
    /* TRANSLATORS: the file, its lines and its customers */
    g_ptr_array_add (sentences, g_strdup_printf (_("Imported “%s”: %s, %s."), info->file_name,
                                                 lines, customers));
  if (info->skipped > 0)
    {
      g_autofree char *skipped = pecan_ui_format_count (info->skipped);

      g_ptr_array_add (sentences, g_strdup_printf (ngettext ("%s bad line was skipped.",
                                                             "%s bad lines were skipped.",
                                                             info->skipped), skipped));
    }
  if (!info->pec_known)
    g_ptr_array_add (sentences, g_strdup (_("The file does not say which costs earned PEC: its "
                                            "PEC is shown as unknown, never as lost.")));
}

/* The PEC earned over the days a file covers, in each currency. */
static void
describe_pec (GPtrArray            *sentences,
              PecanStore           *store,
              const PecanBatchInfo *info)
{
  PecanPeriod period = { info->first_day, info->last_day };
  g_autoptr(GListModel) rows = NULL;

  if (info->duplicate_of != 0 || info->first_day == G_MININT32 || info->lines == 0)
    return;
  rows = pecan_query_summary (store, PECAN_GROUP_TOTAL, &period, 0, NULL);
  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (rows, i);
      const PecanSummaryInfo *sum = pecan_summary_row_get_info (row);
      g_autofree char *earned = pecan_ui_format_money (sum->pec_earned, sum->currency);
      g_autofree char *lost = pecan_ui_format_money (sum->pec_lost, sum->currency);

      /* TRANSLATORS: after an import, PEC over the days the file covers */
      g_ptr_array_add (sentences, g_strdup_printf (_("Over those days: PEC earned %s, PEC lost "
                                                     "%s."), earned, lost));
    }
}

static void
failure_response_cb (GtkDialog   *dialog,
                     int          response,
                     PecanWindow *self)
{
  if (response == RESPONSE_SKIP_BAD_LINES)
    {
      GFile *file = g_file_dup (g_object_get_data (G_OBJECT (dialog), "pecan-file"));

      g_object_set_qdata (G_OBJECT (file), skip_quark (), GINT_TO_POINTER (TRUE));
      pecan_window_import_files (self, &file, 1);
      g_object_unref (file);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A file with one bad line can be imported again, without it: the
 * message offers that. */
static void
show_failure (PecanWindow  *self,
              GFile        *file,
              const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   _("“%s” was not imported"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("%s\n\nNothing from this file was imported."),
                                            error->message);
  if (pecan_import_error_can_skip (error)
      && g_object_get_qdata (G_OBJECT (file), skip_quark ()) == NULL)
    {
      gtk_dialog_add_button (GTK_DIALOG (dialog), _("Import, _Skipping Bad Lines"),
                             RESPONSE_SKIP_BAD_LINES);
      g_object_set_data_full (G_OBJECT (dialog), "pecan-file", g_object_ref (file),
                              g_object_unref);
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (failure_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The demo file is only a means to build the demo database. */
static void
remove_demo_files (PecanWindow *self)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (self->demo_dir == NULL)
    return;
  dir = g_dir_open (self->demo_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->demo_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (self->demo_dir);
  g_clear_pointer (&self->demo_dir, g_free);
}

static void
finish_queue (PecanWindow *self)
{
  ImportJob *job = current_job_of (self);

  g_clear_handle_id (&job->timeout_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
  if (self->import_report->len > 0)
    {
      gtk_label_set_text (self->result_label, self->import_report->str);
      gtk_revealer_set_reveal_child (self->result_revealer, TRUE);
    }
  remove_demo_files (self);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PecanWindow) self = user_data;
  g_autoptr(GFile) file = g_steal_pointer (&self->importing);
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanBatch) batch = pecan_import_file_finish (result, &error);

  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->session == NULL)
    return;
  if (batch != NULL)
    {
      const PecanBatchInfo *info = pecan_batch_get_info (batch);
      g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *line = NULL;

      describe_batch (sentences, info);
      describe_pec (sentences, pecan_session_get_store (self->session), info);
      g_ptr_array_add (sentences, NULL);
      line = g_strjoinv (" ", (char **) sentences->pdata);
      report_line (self, line);
      if (info->duplicate_of == 0)
        pecan_session_data_changed (self->session);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *text = g_strdup_printf (_("The import of “%s” was cancelled: nothing of it was imported."), name);

      report_line (self, text);
      g_queue_clear_full (&self->import_queue, g_object_unref);
    }
  else
    show_failure (self, file, error);
  start_next_import (self);
}

static void
start_next_import (PecanWindow *self)
{
  ImportJob *job = current_job_of (self);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFileInfo) info = NULL;

  self->importing = g_queue_pop_head (&self->import_queue);
  if (self->importing == NULL)
    {
      finish_queue (self);
      return;
    }
  name = g_file_get_basename (self->importing);
  text = g_strdup_printf (_("Importing “%s”…"), name);
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Starting…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", TRUE);

  memset (&job->progress, 0, sizeof job->progress);
  if (job->timeout_id == 0)
    job->timeout_id = g_timeout_add (100, update_progress_cb, self);
  self->import_started = g_get_monotonic_time ();
  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();
  pecan_import_file_async (pecan_session_get_database_path (self->session), self->importing,
                           g_object_get_qdata (G_OBJECT (self->importing), skip_quark ())
                           ? PECAN_IMPORT_SKIP_BAD_ROWS : PECAN_IMPORT_DEFAULT,
                           progress_cb, job, self->import_cancellable,
                           import_done_cb, g_object_ref (self));
}

static void
remember_folder (PecanWindow *self,
                 GFile       *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = parent != NULL ? g_file_get_path (parent) : NULL;

  if (self->settings != NULL && path != NULL)
    g_settings_set_string (self->settings, "last-folder", path);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  PecanWindow *self = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      if (array->len > 0)
        remember_folder (self, g_ptr_array_index (array, 0));
      pecan_window_import_files (self, (GFile **) array->pdata, array->len);
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PecanWindow *self = PECAN_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *folder = self->settings != NULL ? g_settings_get_string (self->settings, "last-folder") : NULL;

  chooser = gtk_file_chooser_native_new (_("Import Usage Files"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (csv, _("Usage files (CSV)"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "tsv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (folder != NULL && *folder != '\0')
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PecanWindow *self = PECAN_WINDOW (widget);

  g_cancellable_cancel (self->import_cancellable);
}

static void
dismiss_result_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (PECAN_WINDOW (widget)->result_revealer, FALSE);
}

static void
demo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  PecanDemoOptions options;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) start = g_date_time_add_months (now, -12);
  GError *error = NULL;

  /* A year of usage up to last month, so the chart has something to show. */
  pecan_demo_options_init (&options);
  options.first_year = g_date_time_get_year (start);
  options.first_month = g_date_time_get_month (start);
  options.months = 12;
  if (pecan_demo_write (path, &options, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
demo_written_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PecanWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
        {
          report_line (self, error->message);
          finish_queue (self);
        }
      return;
    }
  file = g_file_new_for_path (g_task_get_task_data (G_TASK (result)));
  pecan_window_import_files (self, &file, 1);
}

static void
demo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PecanWindow *self = PECAN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  if (self->demo_dir != NULL)
    return;
  self->demo_dir = g_dir_make_tmp ("pecan-demo-XXXXXX", &error);
  if (self->demo_dir == NULL)
    {
      gtk_label_set_text (self->result_label, error->message);
      gtk_revealer_set_reveal_child (self->result_revealer, TRUE);
      return;
    }
  gtk_label_set_text (self->progress_label, _("Writing demo usage files…"));
  gtk_progress_bar_pulse (self->progress_bar);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  task = g_task_new (NULL, NULL, demo_written_cb, g_object_ref (self));
  /* TRANSLATORS: the name of the demo file, as the import history shows it */
  g_task_set_task_data (task, g_build_filename (self->demo_dir, _("demo-usage.csv"), NULL), g_free);
  g_task_run_in_thread (task, demo_thread);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  PecanWindow *self = user_data;
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  pecan_window_import_files (self, (GFile **) files->pdata, files->len);
  return files->len > 0;
}

void
pecan_window_class_init_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-result", NULL, dismiss_result_action);
  gtk_widget_class_install_action (widget_class, "win.demo", NULL, demo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
}

void
pecan_window_init_import (PecanWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  ImportJob *job = g_new0 (ImportJob, 1);

  g_mutex_init (&job->lock);
  g_object_set_qdata_full (G_OBJECT (self), job_quark (), job, job_free);
  g_queue_init (&self->import_queue);
  self->import_report = g_string_new (NULL);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
}

void
pecan_window_dispose_import (PecanWindow *self)
{
  ImportJob *job = current_job_of (self);

  if (job != NULL)
    g_clear_handle_id (&job->timeout_id, g_source_remove);
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_queue_clear_full (&self->import_queue, g_object_unref);
  if (self->import_report != NULL)
    g_string_free (g_steal_pointer (&self->import_report), TRUE);
  remove_demo_files (self);
}

/**
 * pecan_window_import_files:
 * @files: (array length=n_files): the files to import, one after the other
 *
 * Queues the files; the banner says what happened once they are all done.
 */
void
pecan_window_import_files (PecanWindow  *self,
                           GFile       **files,
                           int           n_files)
{
  gboolean idle;

  g_return_if_fail (PECAN_IS_WINDOW (self));

  idle = self->importing == NULL && g_queue_is_empty (&self->import_queue);
  for (int i = 0; i < n_files; i++)
    g_queue_push_tail (&self->import_queue, g_object_ref (files[i]));
  if (idle && n_files > 0)
    {
      g_string_truncate (self->import_report, 0);
      gtk_revealer_set_reveal_child (self->result_revealer, FALSE);
      start_next_import (self);
    }
}

gboolean
pecan_window_is_importing (PecanWindow *self)
{
  g_return_val_if_fail (PECAN_IS_WINDOW (self), FALSE);
  return self->importing != NULL || !g_queue_is_empty (&self->import_queue);
}
