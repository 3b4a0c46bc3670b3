/* pecan-coop-checklist-jobs.c: what the co-op checklist asks of the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here runs SQLite on the main thread. Saves, status changes,
 * ticks, notes and exports are jobs that run one at a time, in the order
 * asked, on a worker thread of the session: each takes a copy of the claim
 * as it is when it starts, so typing goes on while it runs, and a second
 * save never races the first one into creating the claim twice. A save
 * waits until typing stops for a moment. The reads (the other claims, the
 * deadline setting) run beside them and are cancelled when the checklist
 * is gone; the jobs are not: a draft saved on close finishes, and the
 * checklist waits for it.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pecan-coop-checklist-private.h"

/* How long typing stops before the claim is saved. */
#define SAVE_DELAY_MS 400

/* A job as the worker sees it: shared with the main thread, which reads
 * it back once the worker is done. */
typedef struct
{
  JobKind        kind;
  PecanCoopInfo  info;           /* the claim when the job started */
  gboolean       save;           /* its fields too: it is editable */
  int            status;
  PecanCoopStep  step;
  gint32         day;
  char          *text;
} Work;

static void
work_clear (gpointer data)
{
  Work *work = data;

  pecan_coop_info_clear (&work->info);
  g_free (work->text);
}

static void
work_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, work_clear);
}

static void run_next (PecanCoopChecklist *self);

/* Runs on a worker thread, with its own connection. */
static GObject *
run_work (PecanStore    *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Work *work = data;
  gboolean done = TRUE;

  if (work->save && !pecan_coop_save (store, &work->info, error))
    return NULL;
  switch (work->kind)
    {
    case JOB_SAVE:
      break;
    case JOB_STATUS:
      done = pecan_coop_set_status (store, work->info.id, work->status, work->day, work->text,
                                    error);
      break;
    case JOB_TICK:
      done = pecan_coop_tick (store, work->info.id, work->step, work->day, error);
      break;
    case JOB_NOTES:
      done = pecan_coop_set_notes (store, work->info.id, work->info.notes, error);
      break;
    case JOB_EXPORT:
      done = pecan_coop_export (store, &work->info, work->text, error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!done || work->info.id == 0)
    return NULL;
  return G_OBJECT (pecan_coop_load (store, work->info.id, error));
}

static gboolean
tick_waiting (PecanCoopChecklist *self)
{
  for (GList *l = self->jobs.head; l != NULL; l = l->next)
    if (((Job *) l->data)->kind == JOB_TICK)
      return TRUE;
  return FALSE;
}

/* What the database says of the claim now; the fields being typed stay
 * as they are, and so do ticks still on their way. */
static void
adopt (PecanCoopChecklist  *self,
       const PecanCoopInfo *saved)
{
  self->info.id = saved->id;
  self->info.status = saved->status;
  g_array_set_size (self->info.history, 0);
  for (guint i = 0; i < saved->history->len; i++)
    {
      const PecanCoopEvent *e = &g_array_index (saved->history, PecanCoopEvent, i);
      PecanCoopEvent event = { e->status, e->day, g_strdup (e->note) };

      g_array_append_val (self->info.history, event);
    }
  if (!tick_waiting (self))
    memcpy (self->info.ticked, saved->ticked, sizeof self->info.ticked);
  pecan_coop_checklist_set_string (&self->info.updated_at, saved->updated_at);
}

static void
report_failure (PecanCoopChecklist *self,
                Work               *work,
                const GError       *error)
{
  g_autofree char *text = NULL;
  GtkWidget *dialog;

  switch (work->kind)
    {
    case JOB_STATUS:
      text = g_strdup_printf (_("The status did not change: %s"), error->message);
      break;
    case JOB_TICK:
      text = g_strdup_printf (_("The step was not ticked: %s"), error->message);
      break;
    case JOB_EXPORT:
      text = g_strdup_printf (_("The claim pack was not exported: %s"), error->message);
      break;
    case JOB_SAVE:
    case JOB_NOTES:
    default:
      text = g_strdup_printf (_("The claim was not saved: %s"), error->message);
      break;
    }
  if (!self->closing)
    {
      pecan_coop_checklist_show_message (self, text, TRUE);
      return;
    }
  /* The checklist is going: its window says it. */
  dialog = gtk_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", text);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
report_success (PecanCoopChecklist *self,
                Work               *work)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (work->kind != JOB_EXPORT)
    return;
  name = g_path_get_basename (work->text);
  /* TRANSLATORS: %s is a file name */
  text = g_strdup_printf (_("The claim pack was exported to “%s”."), name);
  pecan_coop_checklist_show_message (self, text, FALSE);
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PecanCoopChecklist) self = user_data;
  Work *work = g_object_steal_data (G_OBJECT (self), "pecan-work");
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanCoopClaim) claim = pecan_session_run_finish (PECAN_SESSION (source), result,
                                                              &error);

  self->job_running = FALSE;
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      work_release (work);
      return;
    }
  /* A first save that went through keeps its id, whatever came after. */
  if (self->info.id == 0 && work->info.id != 0)
    self->info.id = work->info.id;
  if (claim != NULL)
    adopt (self, pecan_coop_claim_get_info (claim));
  if (error != NULL)
    report_failure (self, work, error);
  else
    report_success (self, work);
  if (self->info.id != 0)
    pecan_coop_checklist_emit_changed (self);
  work_release (work);
  if (!self->closing)
    pecan_coop_checklist_refresh (self);
  run_next (self);
}

static Work *
work_new (PecanCoopChecklist *self,
          Job                *job)
{
  Work *work = g_atomic_rc_box_new0 (Work);

  work->kind = job->kind;
  pecan_coop_info_copy (&self->info, &work->info);
  /* A tick or an export of a claim never saved saves it first: they need
   * its id. */
  work->save = pecan_coop_info_is_editable (&self->info) && job->kind != JOB_NOTES
               && (self->dirty || self->info.id == 0 || job->kind == JOB_SAVE);
  work->status = job->status;
  work->step = job->step;
  work->day = job->day;
  work->text = g_strdup (job->text);
  return work;
}

static void
run_next (PecanCoopChecklist *self)
{
  g_autoptr(GError) error = NULL;
  Job *job;
  Work *work;

  if (self->job_running)
    return;
  job = g_queue_pop_head (&self->jobs);
  if (job == NULL)
    {
      pecan_coop_checklist_settle (self);
      return;
    }
  work = work_new (self, job);
  if (work->save)
    self->dirty = FALSE;
  if (job->kind == JOB_NOTES)
    self->notes_dirty = FALSE;
  g_free (job->text);
  g_free (job);

  self->job_running = TRUE;
  g_object_set_data_full (G_OBJECT (self), "pecan-work", g_atomic_rc_box_acquire (work),
                          work_release);
  pecan_session_run_async (self->session, run_work, work, work_release, NULL, job_done_cb,
                           g_object_ref (self));
}

/**
 * pecan_coop_checklist_queue:
 * @kind: what to do
 * @status: for %JOB_STATUS, the new status
 * @step: for %JOB_TICK, the step
 * @day: for %JOB_STATUS and %JOB_TICK, when it happened (0 unticks)
 * @text: the note of a %JOB_STATUS, the file of a %JOB_EXPORT
 *
 * Runs the job once those before it are done; a save right behind another
 * one waiting is the same save.
 */
void
pecan_coop_checklist_queue (PecanCoopChecklist *self,
                            JobKind             kind,
                            int                 status,
                            PecanCoopStep       step,
                            gint32              day,
                            const char         *text)
{
  Job *tail = g_queue_peek_tail (&self->jobs);
  Job *job;

  if (kind == JOB_SAVE && tail != NULL && tail->kind == JOB_SAVE)
    return;
  job = g_new0 (Job, 1);
  job->kind = kind;
  job->status = status;
  job->step = step;
  job->day = day;
  job->text = g_strdup (text);
  g_queue_push_tail (&self->jobs, job);
  run_next (self);
}

/**
 * pecan_coop_checklist_flush:
 *
 * Queues the changes not saved yet: the fields of a claim being edited,
 * or the notes of one that is only read.
 */
void
pecan_coop_checklist_flush (PecanCoopChecklist *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->dirty && pecan_coop_info_is_editable (&self->info))
    pecan_coop_checklist_queue (self, JOB_SAVE, 0, 0, 0, NULL);
  if (self->notes_dirty && !pecan_coop_info_is_editable (&self->info) && self->info.id != 0)
    pecan_coop_checklist_queue (self, JOB_NOTES, 0, 0, 0, NULL);
}

static gboolean
save_cb (gpointer user_data)
{
  PecanCoopChecklist *self = user_data;

  self->save_source = 0;
  pecan_coop_checklist_flush (self);
  return G_SOURCE_REMOVE;
}

/* Saves a moment after the last change: typing goes on undisturbed, and
 * a draft is never more than a moment old. */
void
pecan_coop_checklist_save_soon (PecanCoopChecklist *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

/* Runs on a worker thread: the other claims, with the deadline setting. */
static GObject *
read_context (PecanStore    *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  GListModel *others = pecan_coop_list (store, error);

  if (others != NULL)
    g_object_set_data (G_OBJECT (others), "deadline-days",
                       GINT_TO_POINTER (pecan_coop_get_deadline_days (store)));
  return G_OBJECT (others);
}

/* The checklist is not kept for the read: one gone meanwhile cancelled it,
 * and is not touched. */
static void
context_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PecanCoopChecklist *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) others = pecan_session_run_finish (PECAN_SESSION (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->reading--;
  if (others != NULL)
    {
      g_set_object (&self->others, others);
      self->deadline_days = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (others),
                                                                "deadline-days"));
      pecan_coop_checklist_refresh (self);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("The other co-op claims could not be read: %s"),
                                               error->message);

      pecan_coop_checklist_show_message (self, text, TRUE);
    }
  pecan_coop_checklist_settle (self);
}

/**
 * pecan_coop_checklist_load_context:
 *
 * Reads the other co-op claims (one claim per activity) and the deadline
 * setting, off the main thread; the claim is checked again after.
 */
void
pecan_coop_checklist_load_context (PecanCoopChecklist *self)
{
  self->reading++;
  pecan_session_run_async (self->session, read_context, NULL, NULL, self->cancellable,
                           context_read_cb, self);
}
