/* pecan-preferences-dialog.c: the preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PEC rate belongs to the database (pecan-cli computes with the same
 * one); the rest is the user's taste, in GSettings. Changes apply at once.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-preferences-dialog.h"

struct _PecanPreferencesDialog
{
  GtkWindow      parent_instance;

  PecanSession  *session;
  GSettings     *settings;

  GtkSpinButton *rate_spin;
  GtkDropDown   *period_dropdown;
  GtkSwitch     *stacked_switch;
};

G_DEFINE_FINAL_TYPE (PecanPreferencesDialog, pecan_preferences_dialog, GTK_TYPE_WINDOW)

static const char * const period_choices[] = { "latest-month", "latest-quarter", "latest-year" };

static void
rate_changed_cb (PecanPreferencesDialog *self)
{
  PecanStore *store = pecan_session_get_store (self->session);
  int rate = gtk_spin_button_get_value_as_int (self->rate_spin);
  g_autoptr(GError) error = NULL;

  if (rate == pecan_store_get_pec_rate (store))
    return;
  if (!pecan_store_set_pec_rate (store, rate, &error))
    {
      g_warning ("Could not save the PEC rate: %s", error->message);
      return;
    }
  if (self->settings != NULL)
    g_settings_set_int (self->settings, "pec-rate", rate);
  pecan_session_data_changed (self->session);
}

static void
period_changed_cb (PecanPreferencesDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);

  if (self->settings != NULL && selected < G_N_ELEMENTS (period_choices))
    g_settings_set_string (self->settings, "default-period", period_choices[selected]);
}

static void
pecan_preferences_dialog_dispose (GObject *object)
{
  PecanPreferencesDialog *self = PECAN_PREFERENCES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PECAN_TYPE_PREFERENCES_DIALOG);
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
  gtk_widget_class_bind_template_callback (widget_class, rate_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pecan_preferences_dialog_init (PecanPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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

  self->session = g_object_ref (session);
  gtk_spin_button_set_value (self->rate_spin, pecan_store_get_pec_rate (pecan_session_get_store (session)));
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
