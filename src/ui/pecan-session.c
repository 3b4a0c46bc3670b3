/* pecan-session.c: the database and the period the window shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages read their figures through a session: the period they show
 * ("period") and a generation counter bumped whenever the data changes
 * ("generation": an import, an undo). Queries run on GTask worker threads;
 * each worker keeps its own SQLite connection, as SQLite wants, and the
 * main thread keeps one for the quick reads and writes of settings.
 */
#include "config.h"

#include "pecan-query.h"
#include "pecan-error.h"
#include "pecan-session.h"

struct _PecanSession
{
  GObject      parent_instance;

  char        *database_path;
  PecanStore  *store;
  PecanPeriod  period;
  PecanPeriod  data_range;
  gboolean     has_data;
  guint        generation;
  gboolean     damaged;      /* said once */
};

G_DEFINE_FINAL_TYPE (PecanSession, pecan_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERIOD,
  PROP_GENERATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DAMAGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The connection of a worker thread, opened on its first query. */
typedef struct
{
  char       *path;
  PecanStore *store;
} WorkerStore;

static void
worker_store_free (gpointer data)
{
  WorkerStore *worker = data;

  g_free (worker->path);
  g_clear_object (&worker->store);
  g_free (worker);
}

static GPrivate worker_private = G_PRIVATE_INIT (worker_store_free);

typedef struct
{
  PecanSessionFunc  func;
  char             *path;
  gpointer          data;
  GDestroyNotify    data_free;
} RunData;

static void
run_data_free (gpointer p)
{
  RunData *run = p;

  if (run->data_free != NULL)
    run->data_free (run->data);
  g_free (run->path);
  g_free (run);
}

static PecanStore *
worker_store (const char  *path,
              GError     **error)
{
  WorkerStore *worker = g_private_get (&worker_private);

  if (worker != NULL && g_strcmp0 (worker->path, path) == 0)
    return worker->store;
  worker = g_new0 (WorkerStore, 1);
  worker->store = pecan_store_open (path, error);
  if (worker->store == NULL)
    {
      worker_store_free (worker);
      return NULL;
    }
  worker->path = g_strdup (path);
  g_private_replace (&worker_private, worker);
  return worker->store;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *run = task_data;
  GError *error = NULL;
  PecanStore *store = worker_store (run->path, &error);
  GObject *result = NULL;

  if (store != NULL)
    result = run->func (store, run->data, cancellable, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_object_unref);
}

static void
refresh_data_range (PecanSession *self)
{
  g_autoptr(GError) error = NULL;

  self->has_data = pecan_query_data_range (self->store, &self->data_range, &error);
  if (error != NULL)
    g_warning ("Could not read the range of the data: %s", error->message);
}

static void
pecan_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PecanSession *self = PECAN_SESSION (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      g_value_take_string (value, pecan_period_to_string (&self->period));
      break;
    case PROP_GENERATION:
      g_value_set_uint (value, self->generation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_session_finalize (GObject *object)
{
  PecanSession *self = PECAN_SESSION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (pecan_session_parent_class)->finalize (object);
}

static void
pecan_session_class_init (PecanSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pecan_session_finalize;
  object_class->get_property = pecan_session_get_property;

  /* The period shown, as text pecan_period_parse() reads. */
  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Bumped whenever the data changes: pages reload their figures. */
  properties[PROP_GENERATION] =
    g_param_spec_uint ("generation", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PecanSession::damaged:
   * @error: what the store said, a %PECAN_STORE_ERROR_DAMAGED
   *
   * A query found the database damaged: once, whatever page asked.
   */
  signals[DAMAGED] =
    g_signal_new ("damaged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
pecan_session_init (PecanSession *self)
{
}

/**
 * pecan_session_new:
 * @database_path: the database to open, created when missing
 * @error: return location for a #GError
 *
 * Opens the database; the period starts at the latest month with data, or
 * the current month when there is none.
 *
 * Returns: (transfer full): a session, or %NULL with @error set
 */
PecanSession *
pecan_session_new (const char  *database_path,
                   GError     **error)
{
  g_autoptr(PecanSession) self = g_object_new (PECAN_TYPE_SESSION, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (database_path != NULL, NULL);

  self->store = pecan_store_open (database_path, error);
  if (self->store == NULL)
    return NULL;
  self->database_path = g_strdup (database_path);
  refresh_data_range (self);
  pecan_period_for_day (PECAN_PERIOD_MONTH,
                        self->has_data ? self->data_range.last
                                       : (gint32) (g_date_time_to_unix (now) / 86400),
                        &self->period);
  return g_steal_pointer (&self);
}

const char *
pecan_session_get_database_path (PecanSession *self)
{
  g_return_val_if_fail (PECAN_IS_SESSION (self), NULL);
  return self->database_path;
}

/**
 * pecan_session_get_store:
 *
 * Returns: (transfer none): the main thread's connection, for quick reads
 *   and writes only: long queries go through pecan_session_run_async()
 */
PecanStore *
pecan_session_get_store (PecanSession *self)
{
  g_return_val_if_fail (PECAN_IS_SESSION (self), NULL);
  return self->store;
}

const PecanPeriod *
pecan_session_get_period (PecanSession *self)
{
  g_return_val_if_fail (PECAN_IS_SESSION (self), NULL);
  return &self->period;
}

void
pecan_session_set_period (PecanSession      *self,
                          const PecanPeriod *period)
{
  g_return_if_fail (PECAN_IS_SESSION (self));
  g_return_if_fail (period->first <= period->last);

  if (self->period.first == period->first && self->period.last == period->last)
    return;
  self->period = *period;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

/**
 * pecan_session_get_data_range:
 * @range: (out): the first and last day with usage data
 *
 * Returns: %FALSE when the database holds no usage yet
 */
gboolean
pecan_session_get_data_range (PecanSession *self,
                              PecanPeriod  *range)
{
  g_return_val_if_fail (PECAN_IS_SESSION (self), FALSE);

  *range = self->data_range;
  return self->has_data;
}

guint
pecan_session_get_generation (PecanSession *self)
{
  g_return_val_if_fail (PECAN_IS_SESSION (self), 0);
  return self->generation;
}

/**
 * pecan_session_data_changed:
 *
 * Tells the pages that the data changed (an import, an undo): they reload.
 * When the database held nothing before, the period moves to the latest
 * month of the new data.
 */
void
pecan_session_data_changed (PecanSession *self)
{
  gboolean had_data;

  g_return_if_fail (PECAN_IS_SESSION (self));

  had_data = self->has_data;
  refresh_data_range (self);
  self->generation++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENERATION]);
  if (!had_data && self->has_data)
    {
      PecanPeriod latest;

      pecan_period_for_day (PECAN_PERIOD_MONTH, self->data_range.last, &latest);
      pecan_session_set_period (self, &latest);
    }
}

/**
 * pecan_session_run_async:
 * @func: the query, run on a worker thread with its own connection; it
 *   returns a #GObject (a #GListModel, say) or %NULL with an error
 * @data: (transfer full): what @func reads; it must not be shared with the
 *   main thread while @func runs
 * @data_free: (nullable): frees @data
 *
 * Runs @func off the main thread so that the window never waits for SQLite.
 */
void
pecan_session_run_async (PecanSession        *self,
                         PecanSessionFunc     func,
                         gpointer             data,
                         GDestroyNotify       data_free,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *run;

  g_return_if_fail (PECAN_IS_SESSION (self));
  g_return_if_fail (func != NULL);

  run = g_new0 (RunData, 1);
  run->func = func;
  run->path = g_strdup (self->database_path);
  run->data = data;
  run->data_free = data_free;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pecan_session_run_async);
  g_task_set_task_data (task, run, run_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_thread);
}

/**
 * pecan_session_run_finish:
 *
 * Returns: (transfer full) (nullable): what the query returned, or %NULL
 *   with @error set (%G_IO_ERROR_CANCELLED when it was cancelled)
 */
gpointer
pecan_session_run_finish (PecanSession  *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  GError *local_error = NULL;
  gpointer object;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  object = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      pecan_session_report_error (self, local_error);
      g_propagate_error (error, local_error);
    }
  return object;
}

/**
 * pecan_session_report_error:
 * @self: a session
 * @error: an error of a query
 *
 * Emits #PecanSession::damaged the first time @error says the database
 * is damaged, whichever page found it, so that the window can offer what
 * to do; the page still shows the error where it would have shown data.
 */
void
pecan_session_report_error (PecanSession *self,
                            const GError *error)
{
  g_return_if_fail (PECAN_IS_SESSION (self));

  if (self->damaged || !g_error_matches (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_DAMAGED))
    return;
  self->damaged = TRUE;
  g_signal_emit (self, signals[DAMAGED], 0, error);
}
