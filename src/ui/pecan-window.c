/* pecan-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A header bar with the period picker, Import and the main menu; a sidebar
 * of pages that all read the same session. Importing lives in
 * pecan-window-import.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-claims-page.h"
#include "pecan-customers-page.h"
#include "pecan-imports-page.h"
#include "pecan-lost-page.h"
#include "pecan-overview-page.h"
#include "pecan-period-picker.h"
#include "pecan-preferences-dialog.h"
#include "pecan-reports-page.h"
#include "pecan-usage-page.h"
#include "pecan-window-private.h"

G_DEFINE_FINAL_TYPE (PecanWindow, pecan_window, GTK_TYPE_APPLICATION_WINDOW)

static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Run from the build tree without the schema installed, the window
   * still works; it only forgets its size. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("GSettings schema %s not found: settings are not kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
save_window_state (PecanWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_string (self->settings, "sidebar-page", gtk_stack_get_visible_child_name (self->stack));
}

static void
restore_window_state (PecanWindow *self)
{
  g_autofree char *page = NULL;

  if (self->settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (self->settings, "chart-stacked", self->overview_page, "chart-stacked",
                   G_SETTINGS_BIND_DEFAULT);
  page = g_settings_get_string (self->settings, "sidebar-page");
  if (gtk_stack_get_child_by_name (self->stack, page) != NULL)
    gtk_stack_set_visible_child_name (self->stack, page);
}

/* The default period of the preferences: the latest month, quarter or year
 * with data. */
static void
apply_default_period (PecanWindow *self)
{
  g_autofree char *choice = NULL;
  PecanPeriod range, period;

  if (self->settings == NULL || !pecan_session_get_data_range (self->session, &range))
    return;
  choice = g_settings_get_string (self->settings, "default-period");
  if (g_strcmp0 (choice, "latest-quarter") == 0)
    pecan_period_for_day (PECAN_PERIOD_QUARTER, range.last, &period);
  else if (g_strcmp0 (choice, "latest-year") == 0)
    pecan_period_for_day (PECAN_PERIOD_YEAR, range.last, &period);
  else
    pecan_period_for_day (PECAN_PERIOD_MONTH, range.last, &period);
  pecan_session_set_period (self->session, &period);
}

static void
step_period (PecanWindow *self,
             int          steps)
{
  PecanPeriod shifted;

  if (pecan_period_shift (pecan_session_get_period (self->session), steps, &shifted))
    pecan_session_set_period (self->session, &shifted);
}

static void
previous_period_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  step_period (PECAN_WINDOW (widget), -1);
}

static void
next_period_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  step_period (PECAN_WINDOW (widget), 1);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PecanWindow *self = PECAN_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  /* Each page with something to search installs page.search. */
  if (!gtk_widget_activate_action (page, "page.search", NULL))
    gtk_widget_error_bell (widget);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PecanWindow *self = PECAN_WINDOW (widget);
  GtkWindow *dialog = pecan_preferences_dialog_new (GTK_WINDOW (self), self->session, self->settings);

  gtk_window_present (dialog);
}

static void
show_customer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PecanWindow *self = PECAN_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->stack, "customers");
  gtk_widget_activate_action_variant (self->customers_page, "customers.show", parameter);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  pecan_window_show_page (PECAN_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static gboolean
pecan_window_close_request (GtkWindow *window)
{
  save_window_state (PECAN_WINDOW (window));
  return GTK_WINDOW_CLASS (pecan_window_parent_class)->close_request (window);
}

static void
pecan_window_dispose (GObject *object)
{
  PecanWindow *self = PECAN_WINDOW (object);

  pecan_window_dispose_import (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PECAN_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pecan_window_parent_class)->dispose (object);
}

static void
pecan_window_class_init (PecanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pecan_window_dispose;
  window_class->close_request = pecan_window_close_request;

  g_type_ensure (PECAN_TYPE_PERIOD_PICKER);
  g_type_ensure (PECAN_TYPE_OVERVIEW_PAGE);
  g_type_ensure (PECAN_TYPE_CUSTOMERS_PAGE);
  g_type_ensure (PECAN_TYPE_LOST_PAGE);
  g_type_ensure (PECAN_TYPE_USAGE_PAGE);
  g_type_ensure (PECAN_TYPE_IMPORTS_PAGE);
  g_type_ensure (PECAN_TYPE_REPORTS_PAGE);
  g_type_ensure (PECAN_TYPE_CLAIMS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pecanapp/Pecan/pecan-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PecanWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PecanWindow, period_picker);
  gtk_widget_class_bind_template_child (widget_class, PecanWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, PecanWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PecanWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PecanWindow, result_revealer);
  gtk_widget_class_bind_template_child (widget_class, PecanWindow, result_label);
  gtk_widget_class_bind_template_child (widget_class, PecanWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, PecanWindow, customers_page);
  gtk_widget_class_bind_template_child (widget_class, PecanWindow, lost_page);
  gtk_widget_class_bind_template_child (widget_class, PecanWindow, usage_page);
  gtk_widget_class_bind_template_child (widget_class, PecanWindow, imports_page);
  gtk_widget_class_bind_template_child (widget_class, PecanWindow, reports_page);
  gtk_widget_class_bind_template_child (widget_class, PecanWindow, claims_page);

  gtk_widget_class_install_action (widget_class, "win.previous-period", NULL, previous_period_action);
  gtk_widget_class_install_action (widget_class, "win.next-period", NULL, next_period_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.show-customer", "x", show_customer_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.previous-period", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.next-period", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);

  pecan_window_class_init_import (widget_class);
}

static void
pecan_window_init (PecanWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = settings_new ();
  pecan_window_init_import (self);
}

/* A page's query found the database damaged. */
static void
session_damaged_cb (PecanSession *session,
                    const GError *error,
                    PecanWindow  *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (PECAN_IS_APPLICATION (application))
    pecan_application_offer_move_aside (PECAN_APPLICATION (application), GTK_WINDOW (self), error);
}

/**
 * pecan_window_new:
 * @application: the application
 * @session: the database and period the window shows
 *
 * Returns: (transfer none): the window, owned by @application
 */
PecanWindow *
pecan_window_new (PecanApplication *application,
                  PecanSession     *session)
{
  PecanWindow *self = g_object_new (PECAN_TYPE_WINDOW, "application", application, NULL);
  GtkWidget *pages[] = {
    self->overview_page, self->customers_page, self->lost_page,
    self->usage_page, self->imports_page, self->reports_page, self->claims_page,
  };

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "damaged", G_CALLBACK (session_damaged_cb), self, 0);
  g_object_set (self->reports_page, "settings", self->settings, NULL);
  restore_window_state (self);
  apply_default_period (self);
  g_object_set (self->period_picker, "session", session, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_object_set (pages[i], "session", session, NULL);
  return self;
}

PecanSession *
pecan_window_get_session (PecanWindow *self)
{
  g_return_val_if_fail (PECAN_IS_WINDOW (self), NULL);
  return self->session;
}

/**
 * pecan_window_show_page:
 * @name: "overview", "customers", "lost", "usage", "imports", "reports" or
 *   "claims"
 */
void
pecan_window_show_page (PecanWindow *self,
                        const char  *name)
{
  g_return_if_fail (PECAN_IS_WINDOW (self));

  if (gtk_stack_get_child_by_name (self->stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}
