/* pecan-claim-wizard-route.c: the claim wizard's first step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "What are you claiming?" Usage of Modern Work and Security or Business
 * Applications workloads is a CPOR customer association: the wizard goes
 * on. Azure consumption is recognised through Partner Admin Link or
 * Lighthouse instead: the step shows the commands that link a customer's
 * subscriptions with the partner ID in them, and records that a customer
 * was linked. Co-op funds have a checklist of their own: Next opens it
 * (the wizard's "coop-chosen").
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-claim-wizard-private.h"
#include "pecan-client.h"
#include "pecan-period.h"

/* The solution area each CPOR route stands for, in
 * pecan_cpor_solution_areas(). */
static int
route_area (const char *route)
{
  if (g_strcmp0 (route, "modern-work") == 0)
    return 0;
  if (g_strcmp0 (route, "business-apps") == 0)
    return 1;
  return -1;
}

static const char *
route_page (const char *route)
{
  if (route_area (route) >= 0)
    return "cpor";
  if (g_strcmp0 (route, "azure") == 0 || g_strcmp0 (route, "coop") == 0)
    return route;
  return "none";
}

static void
update_commands (PecanClaimWizard *self)
{
  const char *partner_id = gtk_editable_get_text (GTK_EDITABLE (self->azure_partner_entry));
  g_autofree char *commands = pecan_cpor_link_commands (partner_id);

  gtk_label_set_text (self->commands_label, g_strchomp (commands));
}

/**
 * pecan_claim_wizard_set_route:
 * @route: "modern-work", "business-apps", "azure", "coop" or ""
 *
 * A CPOR route sets the claim's solution area, and with it the
 * engagement when the area has only one.
 */
void
pecan_claim_wizard_set_route (PecanClaimWizard *self,
                              const char       *route)
{
  int area = route_area (route);

  if (g_strcmp0 (self->route, route) == 0)
    return;
  pecan_claim_wizard_set_string (&self->route, route != NULL ? route : "");
  gtk_stack_set_visible_child_name (self->route_stack, route_page (self->route));
  g_object_notify (G_OBJECT (self), "route");
  if (self->syncing)
    return;
  if (area >= 0)
    pecan_claim_wizard_set_solution_area (self, pecan_cpor_solution_areas ()[area]);
  pecan_claim_wizard_changed (self);
}

/* The route a saved claim took: its solution area says it. */
void
pecan_claim_wizard_sync_route (PecanClaimWizard *self)
{
  const char * const *areas = pecan_cpor_solution_areas ();
  const char *route = "";

  if (areas[0] != NULL && g_strcmp0 (self->info.solution_area, areas[0]) == 0)
    route = "modern-work";
  else if (areas[0] != NULL && g_strcmp0 (self->info.solution_area, areas[1]) == 0)
    route = "business-apps";
  pecan_claim_wizard_set_route (self, route);
  gtk_editable_set_text (GTK_EDITABLE (self->azure_partner_entry),
                         self->info.partner_id != NULL ? self->info.partner_id : "");
  update_commands (self);
}

static void
azure_partner_changed_cb (PecanClaimWizard *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->azure_partner_entry));

  update_commands (self);
  if (self->syncing || g_strcmp0 (text, self->info.partner_id) == 0)
    return;
  /* One partner ID for both: the claim's entry follows. */
  gtk_editable_set_text (GTK_EDITABLE (self->entries[FIELD_PARTNER_ID]), text);
}

static PecanClient *
azure_customer (PecanClaimWizard *self)
{
  return gtk_drop_down_get_selected_item (self->azure_customer_dropdown);
}

/* A day, in an object, for the worker threads to return. */
static GObject *
day_object_new (gint32 day)
{
  GObject *object = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data (object, "day", GINT_TO_POINTER (day));
  return object;
}

static void
show_linked (PecanClaimWizard *self)
{
  PecanClient *client = azure_customer (self);
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->mark_linked_button), client != NULL);
  if (client == NULL)
    {
      gtk_label_set_text (self->linked_label, _("Choose a customer imported from the usage files."));
      return;
    }
  if (self->linked_on == 0)
    {
      gtk_label_set_text (self->linked_label, _("Not marked as linked yet."));
      return;
    }
  day = pecan_day_describe (self->linked_on);
  /* TRANSLATORS: %s is a date */
  text = g_strdup_printf (_("Marked as linked on %s."), day);
  gtk_label_set_text (self->linked_label, text);
}

static GObject *
read_linked_on (PecanStore    *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  return day_object_new (pecan_cpor_linked_on (store, *(gint64 *) data));
}

static void
linked_on_read (PecanClaimWizard *self,
                GObject          *result,
                const GError     *error)
{
  self->linked_on = result != NULL ? GPOINTER_TO_INT (g_object_get_data (result, "day")) : 0;
  show_linked (self);
}

static void
azure_customer_changed_cb (PecanClaimWizard *self)
{
  PecanClient *client = azure_customer (self);
  gint64 id;

  self->linked_on = 0;
  show_linked (self);
  if (client == NULL)
    return;
  id = pecan_client_get_info (client)->customer_id;
  pecan_claim_wizard_run_read (self, read_linked_on, g_memdup2 (&id, sizeof id), g_free, NULL,
                               linked_on_read);
}

typedef struct
{
  gint64 customer_id;
  gint32 day;
} LinkData;

static GObject *
write_linked (PecanStore    *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  LinkData *link = data;

  if (!pecan_cpor_mark_linked (store, link->customer_id, link->day, error))
    return NULL;
  return day_object_new (link->day);
}

static void
linked_written (PecanClaimWizard *self,
                GObject          *result,
                const GError     *error)
{
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The customer was not marked as linked: %s"),
                                               error->message);

      pecan_claim_wizard_show_message (self, text, TRUE);
      return;
    }
  linked_on_read (self, result, NULL);
}

static void
mark_linked_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PecanClaimWizard *self = PECAN_CLAIM_WIZARD (widget);
  PecanClient *client = azure_customer (self);
  LinkData *link;

  if (client == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  link = g_new0 (LinkData, 1);
  link->customer_id = pecan_client_get_info (client)->customer_id;
  link->day = self->today;
  pecan_claim_wizard_run_read (self, write_linked, link, g_free, NULL, linked_written);
}

static void
copy_commands_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PecanClaimWizard *self = PECAN_CLAIM_WIZARD (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          gtk_label_get_text (self->commands_label));
  pecan_claim_wizard_show_message (self, _("The commands were copied."), FALSE);
}

static char *
client_title (PecanClient *client)
{
  return client != NULL ? g_strdup (pecan_client_info_get_title (pecan_client_get_info (client)))
                        : NULL;
}

void
pecan_claim_wizard_init_route (PecanClaimWizard *self)
{
  GtkExpression *expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                           G_CALLBACK (client_title), NULL, NULL);

  gtk_drop_down_set_expression (self->azure_customer_dropdown, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_model (self->azure_customer_dropdown, G_LIST_MODEL (self->customers));
  show_linked (self);
}

void
pecan_claim_wizard_class_init_route (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, route_stack);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, azure_partner_entry);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, commands_label);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, azure_customer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, mark_linked_button);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, linked_label);
  gtk_widget_class_bind_template_child_full (widget_class, "route_form", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, azure_partner_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, azure_customer_changed_cb);

  gtk_widget_class_install_action (widget_class, "wizard.mark-linked", NULL, mark_linked_action);
  gtk_widget_class_install_action (widget_class, "wizard.copy-commands", NULL,
                                   copy_commands_action);
}
