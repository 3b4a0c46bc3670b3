/* pecan-preferences-dialog.c: the preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PEC rate belongs to the database (pecan-cli computes with the same
 * one); so do the report settings, which pecan-cli's reports use too. The
 * rest is the user's taste, in GSettings. Changes apply at once. The
 * report settings are written on a worker thread, one write at a time, as
 * a write may wait for the database while an import runs; so is the
 * deadline of co-op claims, which is read there too.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pecan-coop.h"
#include "pecan-preferences-dialog.h"
#include "pecan-report.h"

/* The writes of the report settings; they outlive the dialog when it
 * closes during one. */
typedef struct
{
  PecanReportSettings *pending;   /* to write once the write running is done */
  gboolean             running;
  gboolean             closed;    /* the dialog is gone: free once done */
  gboolean             figures_changed;
  int                  saved_share;
  gboolean             saved_cost;
} Writes;

/* The writes of a number kept in the database (the PEC rate, the co-op
 * claim deadline), in the same way: off the main thread, whose connection
 * would wait for an import's write lock; the last value wins. */
typedef struct
{
  PecanSession     *session;
  GSettings        *settings;       /* mirrors the value under @key, or NULL */
  const char       *key;
  PecanSessionFunc  write;          /* given GINT_TO_POINTER (the value) */
  const char       *what;           /* for a warning */
  int               pending;        /* the value to write next, or -1 */
  int               writing;
  gboolean          running;
  gboolean          closed;
} IntWrites;

struct _PecanPreferencesDialog
{
  GtkWindow      parent_instance;

  PecanSession  *session;
  GSettings     *settings;

  GtkSpinButton *rate_spin;
  GtkDropDown   *period_dropdown;
  GtkSwitch     *stacked_switch;
  GtkSpinButton *share_spin;
  GtkEntry      *partner_entry;
  GtkSwitch     *cost_switch;
  GtkSpinButton *deadline_spin;

  gboolean       loading;         /* the fields are being filled in */
  Writes        *writes;
  IntWrites     *rate_writes;
  IntWrites     *deadline_writes;
  GCancellable  *cancellable;     /* the read of the deadline */
};

G_DEFINE_FINAL_TYPE (PecanPreferencesDialog, pecan_preferences_dialog, GTK_TYPE_WINDOW)

static const char * const period_choices[] = { "latest-month", "latest-quarter", "latest-year" };

static void int_write_next (IntWrites *writes);

static IntWrites *
int_writes_new (PecanSession     *session,
                GSettings        *settings,
                const char       *key,
                PecanSessionFunc  write,
                const char       *what)
{
  IntWrites *writes = g_new0 (IntWrites, 1);

  writes->session = g_object_ref (session);
  writes->settings = settings != NULL ? g_object_ref (settings) : NULL;
  writes->key = key;
  writes->write = write;
  writes->what = what;
  writes->pending = -1;
  return writes;
}

static void
int_written_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  IntWrites *writes = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) nothing = pecan_session_run_finish (PECAN_SESSION (source), result, &error);

  if (error != NULL)
    g_warning ("Could not save the %s: %s", writes->what, error->message);
  else
    {
      if (writes->settings != NULL)
        g_settings_set_int (writes->settings, writes->key, writes->writing);
      /* The pages compute their figures with it. */
      pecan_session_data_changed (writes->session);
    }
  int_write_next (writes);
}

/* Writes the value waiting, if any, after the write before, even once the
 * dialog is closed. */
static void
int_write_next (IntWrites *writes)
{
  writes->writing = writes->pending;
  writes->pending = -1;
  writes->running = writes->writing >= 0;
  if (writes->running)
    {
      pecan_session_run_async (writes->session, writes->write, GINT_TO_POINTER (writes->writing),
                               NULL, NULL, int_written_cb, writes);
      return;
    }
  if (writes->closed)
    {
      g_object_unref (writes->session);
      g_clear_object (&writes->settings);
      g_free (writes);
    }
}

static void
int_write (IntWrites *writes,
           int        value)
{
  writes->pending = value;
  if (!writes->running)
    int_write_next (writes);
}

/* The dialog is closing: the last change is still written, on its own. */
static void
int_writes_close (IntWrites *writes)
{
  writes->closed = TRUE;
  if (!writes->running)
    int_write_next (writes);
}

/* On a worker thread. */
static GObject *
write_rate (PecanStore    *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  pecan_store_set_pec_rate (store, GPOINTER_TO_INT (data), error);
  return NULL;
}

static void
rate_changed_cb (PecanPreferencesDialog *self)
{
  if (!self->loading && self->rate_writes != NULL)
    int_write (self->rate_writes, gtk_spin_button_get_value_as_int (self->rate_spin));
}

static void
period_changed_cb (PecanPreferencesDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);

  if (self->settings != NULL && selected < G_N_ELEMENTS (period_choices))
    g_settings_set_string (self->settings, "default-period", period_choices[selected]);
}

/* The default share reads and writes as the core does: "12.5 %". */
static int
share_input_cb (GtkSpinButton *spin,
                double        *value,
                gpointer       user_data)
{
  int share;

  if (!pecan_report_parse_share (gtk_editable_get_text (GTK_EDITABLE (spin)), &share))
    return GTK_INPUT_ERROR;
  *value = share;
  return TRUE;
}

static gboolean
share_output_cb (GtkSpinButton *spin,
                 gpointer       user_data)
{
  g_autofree char *text = pecan_report_format_share ((int) lround (gtk_spin_button_get_value (spin)));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
report_settings_free (gpointer data)
{
  if (data == NULL)
    return;
  pecan_report_settings_clear (data);
  g_free (data);
}

/* On a worker thread. */
static GObject *
write_report_settings (PecanStore    *store,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  pecan_report_settings_save (store, data, error);
  return NULL;
}

static void write_next (PecanSession *session,
                        Writes       *writes);

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Writes *writes = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) nothing = pecan_session_run_finish (PECAN_SESSION (source), result, &error);

  if (error != NULL)
    g_warning ("Could not save the report settings: %s", error->message);
  /* The Reports page computes the credits with the default share. */
  else if (writes->figures_changed)
    pecan_session_data_changed (PECAN_SESSION (source));
  writes->figures_changed = FALSE;
  write_next (PECAN_SESSION (source), writes);
}

/* Writes the settings waiting, if any, after the write before: one write
 * at a time, in order, even once the dialog is closed. */
static void
write_next (PecanSession *session,
            Writes       *writes)
{
  PecanReportSettings *next = g_steal_pointer (&writes->pending);

  writes->running = next != NULL;
  if (next == NULL)
    {
      if (writes->closed)
        g_free (writes);
      return;
    }
  writes->figures_changed = next->share != writes->saved_share
                            || next->partner_cost != writes->saved_cost;
  writes->saved_share = next->share;
  writes->saved_cost = next->partner_cost;
  pecan_session_run_async (session, write_report_settings, next, report_settings_free, NULL,
                           written_cb, writes);
}

static void
report_settings_changed_cb (PecanPreferencesDialog *self)
{
  PecanReportSettings *settings;

  if (self->loading || self->session == NULL)
    return;
  settings = g_new0 (PecanReportSettings, 1);
  settings->share = (int) lround (gtk_spin_button_get_value (self->share_spin));
  settings->partner_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->partner_entry))));
  settings->partner_cost = gtk_switch_get_active (self->cost_switch);
  report_settings_free (self->writes->pending);
  self->writes->pending = settings;
  if (!self->writes->running)
    write_next (self->session, self->writes);
}

/* On a worker thread. */
static GObject *
write_deadline (PecanStore    *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  pecan_coop_set_deadline_days (store, GPOINTER_TO_INT (data), error);
  return NULL;
}

static void
deadline_changed_cb (PecanPreferencesDialog *self)
{
  if (!self->loading && self->deadline_writes != NULL)
    int_write (self->deadline_writes, gtk_spin_button_get_value_as_int (self->deadline_spin));
}

/* On a worker thread. */
static GObject *
read_deadline (PecanStore    *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  GObject *days = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data (days, "days", GINT_TO_POINTER (pecan_coop_get_deadline_days (store)));
  return days;
}

/* The dialog is not kept for the read: one closed meanwhile cancelled
 * it, and is not touched. */
static void
deadline_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PecanPreferencesDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) days = pecan_session_run_finish (PECAN_SESSION (source), result, &error);

  if (days == NULL)
    return;
  self->loading = TRUE;
  gtk_spin_button_set_value (self->deadline_spin,
                             GPOINTER_TO_INT (g_object_get_data (days, "days")));
  self->loading = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->deadline_spin), TRUE);
}

static void
pecan_preferences_dialog_dispose (GObject *object)
{
  PecanPreferencesDialog *self = PECAN_PREFERENCES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PECAN_TYPE_PREFERENCES_DIALOG);
  if (self->writes != NULL)
    {
      /* The last change is still written, on its own. */
      self->writes->closed = TRUE;
      if (!self->writes->running)
        write_next (self->session, self->writes);
      self->writes = NULL;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->rate_writes != NULL)
    int_writes_close (g_steal_pointer (&self->rate_writes));
  if (self->deadline_writes != NULL)
    int_writes_close (g_steal_pointer (&self->deadline_writes));
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pecan_preferences_dialog_parent_class)->dispose (object);
}

static void
pecan_preferences_dialog_class_init (PecanPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pecan_preferences_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pecanapp/Pecan/pecan-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PecanPreferencesDialog, rate_spin);
  gtk_widget_class_bind_template_child (widget_class, PecanPreferencesDialog, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PecanPreferencesDialog, stacked_switch);
  gtk_widget_class_bind_template_child (widget_class, PecanPreferencesDialog, share_spin);
  gtk_widget_class_bind_template_child (widget_class, PecanPreferencesDialog, partner_entry);
  gtk_widget_class_bind_template_child (widget_class, PecanPreferencesDialog, cost_switch);
  gtk_widget_class_bind_template_child (widget_class, PecanPreferencesDialog, deadline_spin);
  gtk_widget_class_bind_template_callback (widget_class, rate_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, share_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, share_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, report_settings_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, deadline_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pecan_preferences_dialog_init (PecanPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->writes = g_new0 (Writes, 1);
}

/**
 * pecan_preferences_dialog_new:
 * @settings: (nullable): the application's settings, when its schema is
 *   installed
 *
 * Returns: (transfer none): the dialog, destroyed with @parent
 */
GtkWindow *
pecan_preferences_dialog_new (GtkWindow    *parent,
                              PecanSession *session,
                              GSettings    *settings)
{
  PecanPreferencesDialog *self = g_object_new (PECAN_TYPE_PREFERENCES_DIALOG,
                                               "transient-for", parent, NULL);
  g_autofree char *choice = NULL;
  PecanReportSettings report = { 0 };

  self->session = g_object_ref (session);
  /* Quick reads: the main thread's connection is for those. */
  self->loading = TRUE;
  gtk_spin_button_set_value (self->rate_spin, pecan_store_get_pec_rate (pecan_session_get_store (session)));
  pecan_report_settings_load (pecan_session_get_store (session), &report);
  gtk_spin_button_set_value (self->share_spin, report.share);
  gtk_editable_set_text (GTK_EDITABLE (self->partner_entry), report.partner_name);
  gtk_switch_set_active (self->cost_switch, report.partner_cost);
  self->writes->saved_share = report.share;
  self->writes->saved_cost = report.partner_cost;
  self->loading = FALSE;
  pecan_report_settings_clear (&report);
  /* Not changed before it is read. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->deadline_spin), FALSE);
  self->rate_writes = int_writes_new (session, settings, "pec-rate", write_rate, "PEC rate");
  self->deadline_writes = int_writes_new (session, NULL, NULL, write_deadline,
                                          "co-op claim deadline");
  self->cancellable = g_cancellable_new ();
  pecan_session_run_async (session, read_deadline, NULL, NULL, self->cancellable,
                           deadline_read_cb, self);
  if (settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->period_dropdown), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->stacked_switch), FALSE);
      return GTK_WINDOW (self);
    }
  self->settings = g_object_ref (settings);
  choice = g_settings_get_string (settings, "default-period");
  for (guint i = 0; i < G_N_ELEMENTS (period_choices); i++)
    if (g_strcmp0 (choice, period_choices[i]) == 0)
      gtk_drop_down_set_selected (self->period_dropdown, i);
  g_settings_bind (settings, "chart-stacked", self->stacked_switch, "active", G_SETTINGS_BIND_DEFAULT);
  return GTK_WINDOW (self);
}
