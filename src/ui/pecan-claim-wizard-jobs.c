/* pecan-claim-wizard-jobs.c: what the claim wizard asks of the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here runs SQLite on the main thread. Saves, status changes,
 * notes and exports are jobs that run one at a time, in the order asked,
 * on a worker thread of the session: each takes a copy of the claim as it
 * is when it starts, so typing goes on while it runs, and a second save
 * never races the first one into creating the claim twice. Reads (the
 * imported customers, a tenant's domain) run beside them and are
 * cancelled when the wizard closes; jobs are not: a draft saved on close
 * finishes, and the wizard waits for it, hidden.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-claim-wizard-private.h"
#include "pecan-client.h"

/* A job as the worker sees it: shared with the main thread, which reads
 * it back once the worker is done. */
typedef struct
{
  JobKind          kind;
  PecanCporInfo    info;           /* the claim when the job started */
  gboolean         save;           /* its fields too: it is editable */
  gboolean         back_to_draft;  /* a ready claim that is not complete any more */
  PecanCporStatus  status;
  gint32           day;
  char            *note;
  char            *path;
} Work;

static void
work_clear (gpointer data)
{
  Work *work = data;

  pecan_cpor_info_clear (&work->info);
  g_free (work->note);
  g_free (work->path);
}

static void
work_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, work_clear);
}

static void run_next (PecanClaimWizard *self);

/* Runs on a worker thread, with its own connection. */
static GObject *
run_work (PecanStore    *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Work *work = data;
  gboolean done = TRUE;

  if (work->save && !pecan_cpor_save (store, &work->info, error))
    return NULL;
  switch (work->kind)
    {
    case JOB_SAVE:
      if (work->back_to_draft)
        done = pecan_cpor_set_status (store, work->info.id, PECAN_CPOR_DRAFT, work->day,
                                      work->note, error);
      break;
    case JOB_STATUS:
      done = pecan_cpor_set_status (store, work->info.id, work->status, work->day, work->note,
                                    error);
      break;
    case JOB_NOTES:
      done = pecan_cpor_set_notes (store, work->info.id, work->info.notes, error);
      break;
    case JOB_EXPORT:
      done = pecan_cpor_export (store, &work->info, work->path, error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!done)
    return NULL;
  return G_OBJECT (pecan_cpor_load (store, work->info.id, error));
}

/* What the database says of the claim now; the fields being typed stay
 * as they are. */
static void
adopt (PecanClaimWizard    *self,
       const PecanCporInfo *saved)
{
  self->info.id = saved->id;
  self->info.status = saved->status;
  g_array_set_size (self->info.history, 0);
  for (guint i = 0; i < saved->history->len; i++)
    {
      const PecanCporEvent *e = &g_array_index (saved->history, PecanCporEvent, i);
      PecanCporEvent event = { e->status, e->day, g_strdup (e->note) };

      g_array_append_val (self->info.history, event);
    }
  pecan_claim_wizard_set_string (&self->info.updated_at, saved->updated_at);
}

static void
report_failure (PecanClaimWizard *self,
                Work             *work,
                const GError     *error)
{
  g_autofree char *text = NULL;
  GtkWindow *parent;
  GtkWidget *dialog;

  switch (work->kind)
    {
    case JOB_STATUS:
      text = g_strdup_printf (_("The status did not change: %s"), error->message);
      break;
    case JOB_EXPORT:
      text = g_strdup_printf (_("The packet was not exported: %s"), error->message);
      break;
    case JOB_SAVE:
    case JOB_NOTES:
    default:
      text = g_strdup_printf (_("The claim was not saved: %s"), error->message);
      break;
    }
  if (!self->closing)
    {
      pecan_claim_wizard_show_message (self, text, TRUE);
      return;
    }
  /* The wizard is gone from the screen: its window says it. */
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", text);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
report_success (PecanClaimWizard *self,
                Work             *work)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (work->kind != JOB_EXPORT)
    return;
  name = g_path_get_basename (work->path);
  /* TRANSLATORS: %s is a file name */
  text = g_strdup_printf (_("The packet was exported to “%s”."), name);
  pecan_claim_wizard_show_message (self, text, FALSE);
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PecanClaimWizard) self = user_data;
  Work *work = g_object_steal_data (G_OBJECT (self), "pecan-work");
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanCporClaim) claim = pecan_session_run_finish (PECAN_SESSION (source), result,
                                                              &error);

  self->job_running = FALSE;
  /* Its window went with the wizard: nothing to show it in. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      work_release (work);
      return;
    }
  /* A first save that went through keeps its id, whatever came after. */
  if (self->info.id == 0 && work->info.id != 0)
    self->info.id = work->info.id;
  if (claim != NULL)
    adopt (self, pecan_cpor_claim_get_info (claim));
  if (error != NULL)
    report_failure (self, work, error);
  else
    report_success (self, work);
  if (self->info.id != 0)
    pecan_claim_wizard_emit_changed (self);
  work_release (work);
  if (!self->closing)
    pecan_claim_wizard_refresh (self);
  run_next (self);
}

/* The partner location ID of a claim saved with a valid one is the
 * default of the next claim. */
static void
remember_partner_id (PecanClaimWizard *self)
{
  g_autofree char *message = NULL;

  if (self->settings == NULL || self->info.partner_id == NULL)
    return;
  message = pecan_claim_wizard_field_message (self, "partner-id", NULL);
  if (message == NULL)
    g_settings_set_string (self->settings, "cpor-partner-id", self->info.partner_id);
}

static Work *
work_new (PecanClaimWizard *self,
          Job              *job)
{
  Work *work = g_atomic_rc_box_new0 (Work);
  gboolean editable = pecan_cpor_info_is_editable (&self->info);

  work->kind = job->kind;
  pecan_cpor_info_copy (&self->info, &work->info);
  work->save = editable && job->kind != JOB_NOTES;
  work->status = job->status;
  work->day = job->kind == JOB_STATUS ? job->day : self->today;
  work->note = g_strdup (job->note);
  work->path = g_strdup (job->path);
  if (job->kind == JOB_SAVE && self->info.status == PECAN_CPOR_READY)
    for (int step = STEP_ROUTE; step < N_STEPS; step++)
      work->back_to_draft |= pecan_claim_wizard_has_errors (self, step);
  return work;
}

static void
run_next (PecanClaimWizard *self)
{
  Job *job;
  Work *work;

  if (self->job_running)
    return;
  job = g_queue_pop_head (&self->jobs);
  if (job == NULL)
    {
      pecan_claim_wizard_settle (self);
      return;
    }
  work = work_new (self, job);
  if (work->save)
    {
      self->dirty = FALSE;
      remember_partner_id (self);
    }
  if (job->kind == JOB_NOTES)
    self->notes_dirty = FALSE;
  g_free (job->note);
  g_free (job->path);
  g_free (job);

  self->job_running = TRUE;
  g_object_set_data_full (G_OBJECT (self), "pecan-work", g_atomic_rc_box_acquire (work),
                          work_release);
  pecan_session_run_async (self->session, run_work, work, work_release, NULL, job_done_cb,
                           g_object_ref (self));
}

/**
 * pecan_claim_wizard_queue:
 * @kind: what to do
 * @status: for %JOB_STATUS, the new status
 * @day: for %JOB_STATUS, when it happened
 * @text: the note of a %JOB_STATUS, the file of a %JOB_EXPORT
 *
 * Runs the job once those before it are done; a save right behind another
 * one waiting is the same save.
 */
void
pecan_claim_wizard_queue (PecanClaimWizard *self,
                          JobKind           kind,
                          PecanCporStatus   status,
                          gint32            day,
                          const char       *text)
{
  Job *tail = g_queue_peek_tail (&self->jobs);
  Job *job;

  if (kind == JOB_SAVE && tail != NULL && tail->kind == JOB_SAVE)
    return;
  job = g_new0 (Job, 1);
  job->kind = kind;
  job->status = status;
  job->day = day;
  if (kind == JOB_EXPORT)
    job->path = g_strdup (text);
  else
    job->note = g_strdup (text);
  g_queue_push_tail (&self->jobs, job);
  run_next (self);
}

typedef struct
{
  PecanClaimWizard *self;
  void            (*done) (PecanClaimWizard *self,
                           GObject          *result,
                           const GError     *error);
} ReadCall;

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ReadCall *call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = pecan_session_run_finish (PECAN_SESSION (source), result, &error);

  /* Cancelled: the wizard closed, or a newer read replaced this one. */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    call->done (call->self, object, error);
  g_free (call);
}

/**
 * pecan_claim_wizard_run_read:
 * @func: what to read, on a worker thread
 * @cancellable: (nullable): cancels it; the wizard's own when %NULL
 * @done: called with what @func returned, unless cancelled
 */
void
pecan_claim_wizard_run_read (PecanClaimWizard *self,
                             GObject        *(*func) (PecanStore    *store,
                                                      gpointer       data,
                                                      GCancellable  *cancellable,
                                                      GError       **error),
                             gpointer          data,
                             GDestroyNotify    data_free,
                             GCancellable     *cancellable,
                             void            (*done) (PecanClaimWizard *self,
                                                      GObject          *result,
                                                      const GError     *error))
{
  ReadCall *call = g_new0 (ReadCall, 1);

  call->self = self;
  call->done = done;
  pecan_session_run_async (self->session, func, data, data_free,
                           cancellable != NULL ? cancellable : self->cancellable,
                           read_done_cb, call);
}

static GObject *
read_customers (PecanStore    *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  return G_OBJECT (pecan_client_list (store, error));
}

static void
customers_read (PecanClaimWizard *self,
                GObject          *result,
                const GError     *error)
{
  GListModel *clients = G_LIST_MODEL (result);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The imported customers could not be read: %s"),
                                               error->message);

      pecan_claim_wizard_show_message (self, text, TRUE);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    g_ptr_array_add (items, g_list_model_get_item (clients, i));
  g_list_store_splice (self->customers, 0, g_list_model_get_n_items (G_LIST_MODEL (self->customers)),
                       items->pdata, items->len);
  pecan_claim_wizard_customers_loaded (self);
}

/* The imported customers, for the customer step and the Azure route. */
void
pecan_claim_wizard_load_customers (PecanClaimWizard *self)
{
  pecan_claim_wizard_run_read (self, read_customers, NULL, NULL, NULL, customers_read);
}

static GObject *
read_domain (PecanStore    *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *domain = pecan_cpor_imported_domain (store, data);

  return domain != NULL ? G_OBJECT (gtk_string_object_new (domain)) : NULL;
}

static void
domain_read (PecanClaimWizard *self,
             GObject          *result,
             const GError     *error)
{
  const char *domain = result != NULL ? gtk_string_object_get_string (GTK_STRING_OBJECT (result))
                                      : NULL;

  g_clear_object (&self->domain_cancellable);
  /* Without the imported domain, the mismatch is not checked: no more. */
  pecan_claim_wizard_set_string (&self->imported_domain, error == NULL ? domain : NULL);
  pecan_claim_wizard_refresh (self);
}

/**
 * pecan_claim_wizard_load_domain:
 *
 * Reads the domain the imported files give the claim's tenant, for the
 * domain-tenant mismatch check, unless it is known already.
 */
void
pecan_claim_wizard_load_domain (PecanClaimWizard *self)
{
  const char *tenant = self->info.tenant_id;

  if (tenant == NULL || *tenant == '\0')
    {
      g_clear_pointer (&self->domain_tenant, g_free);
      g_clear_pointer (&self->imported_domain, g_free);
      return;
    }
  if (self->domain_tenant != NULL && g_ascii_strcasecmp (self->domain_tenant, tenant) == 0)
    return;
  pecan_claim_wizard_set_string (&self->domain_tenant, tenant);
  g_clear_pointer (&self->imported_domain, g_free);
  g_cancellable_cancel (self->domain_cancellable);
  g_clear_object (&self->domain_cancellable);
  self->domain_cancellable = g_cancellable_new ();
  pecan_claim_wizard_run_read (self, read_domain, g_strdup (tenant), g_free,
                               self->domain_cancellable, domain_read);
}
