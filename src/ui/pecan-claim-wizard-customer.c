/* pecan-claim-wizard-customer.c: the claim wizard's customer step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The customer is chosen among those the usage files brought in, searched
 * by name, domain or tenant ID, so that its identifier is never typed
 * (a typed tenant or domain is how claims get rejected); one that is not
 * in the files can be typed instead. Choosing fills the customer ID from
 * the data, by tenant ID unless the domain name was asked for, and
 * suggests the claim's name.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pecan-cell-tooltip.h"
#include "pecan-claim-wizard-private.h"
#include "pecan-client.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_DOMAIN,
  COLUMN_TENANT,
  N_COLUMNS
} Column;

static const char * const column_titles[N_COLUMNS] = {
  N_("Customer"), N_("Domain"), N_("Tenant ID"),
};

static const PecanClientInfo *
client_info (gpointer item)
{
  return pecan_client_get_info (PECAN_CLIENT (item));
}

static const char *
column_text (const PecanClientInfo *info,
             Column                 column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return pecan_client_info_get_title (info);
    case COLUMN_DOMAIN:
      return info->domain != NULL ? info->domain : "";
    case COLUMN_TENANT:
      return info->tenant_id != NULL ? info->tenant_id : "";
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (user_data) == COLUMN_TENANT)
    gtk_widget_add_css_class (label, "numeric");
  if (GPOINTER_TO_INT (user_data) != COLUMN_NAME)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = column_text (client_info (gtk_list_item_get_item (item)),
                                  GPOINTER_TO_INT (user_data));

  gtk_label_set_text (GTK_LABEL (label), text);
  pecan_cell_tooltip_set (label, text);
}

static void
add_columns (PecanClaimWizard *self)
{
  for (Column i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(column_titles[i]), factory);
      /* A tenant ID is read whole: its column fits one. */
      gtk_column_view_column_set_expand (column, i != COLUMN_TENANT);
      if (i == COLUMN_TENANT)
        gtk_column_view_column_set_fixed_width (column, 300);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->customers_view, column);
    }
}

static gboolean
contains (const char *text,
          const char *query)
{
  g_autofree char *folded = text != NULL ? g_utf8_casefold (text, -1) : NULL;

  return folded != NULL && strstr (folded, query) != NULL;
}

static gboolean
match_customer (gpointer item,
                gpointer user_data)
{
  PecanClaimWizard *self = user_data;
  const PecanClientInfo *info = client_info (item);

  return self->customer_query == NULL
         || contains (pecan_client_info_get_title (info), self->customer_query)
         || contains (info->name, self->customer_query)
         || contains (info->domain, self->customer_query)
         || contains (info->tenant_id, self->customer_query);
}

static void
update_none (PecanClaimWizard *self)
{
  gboolean none = g_list_model_get_n_items (G_LIST_MODEL (self->customers_filter_model)) == 0;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->customers)) == 0)
    gtk_label_set_text (self->customers_none_label,
                        _("No customers imported yet. Import the customer’s usage files, or "
                          "type the customer’s details."));
  else
    gtk_label_set_text (self->customers_none_label,
                        _("No imported customer has this name, domain or tenant ID."));
  gtk_widget_set_visible (GTK_WIDGET (self->customers_none_label), none);
}

static void
customer_search_changed_cb (PecanClaimWizard *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->customer_search));

  g_clear_pointer (&self->customer_query, g_free);
  if (*text != '\0')
    self->customer_query = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->customers_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_none (self);
}

static PecanClient *
find_customer (PecanClaimWizard *self,
               gint64            customer_id,
               const char       *tenant_id)
{
  GListModel *customers = G_LIST_MODEL (self->customers);

  for (guint i = 0; i < g_list_model_get_n_items (customers); i++)
    {
      g_autoptr(PecanClient) client = g_list_model_get_item (customers, i);
      const PecanClientInfo *info = pecan_client_get_info (client);

      if ((customer_id != 0 && info->customer_id == customer_id)
          || (tenant_id != NULL && g_ascii_strcasecmp (tenant_id, info->tenant_id) == 0))
        return g_steal_pointer (&client);
    }
  return NULL;
}

/* The row of the claim's customer selected, without choosing it again. */
static void
select_current (PecanClaimWizard *self)
{
  GListModel *shown = G_LIST_MODEL (self->customers_selection);
  gboolean syncing = self->syncing;
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->info.customer_id != 0 && i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PecanClient) client = g_list_model_get_item (shown, i);

      if (pecan_client_get_info (client)->customer_id == self->info.customer_id)
        position = i;
    }
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->customers_selection, position);
  self->syncing = syncing;
}

/* The customer ID of the type asked for, from the imported data. */
static const char *
reference_for (const PecanClientInfo *info,
               PecanCporIdType        type)
{
  switch (type)
    {
    case PECAN_CPOR_ID_DOMAIN:
      return info->domain;
    case PECAN_CPOR_ID_TENANT:
      return info->tenant_id;
    case PECAN_CPOR_ID_TPID:
    case PECAN_CPOR_ID_SUBSCRIPTION:
    default:
      return NULL;
    }
}

static void
set_entry (PecanClaimWizard *self,
           Field             field,
           const char       *text)
{
  gboolean syncing = self->syncing;

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entries[field]), text != NULL ? text : "");
  self->syncing = syncing;
}

static void
choose_customer (PecanClaimWizard *self,
                 PecanClient      *client)
{
  const PecanClientInfo *info = pecan_client_get_info (client);

  self->info.customer_id = info->customer_id;
  pecan_claim_wizard_set_string (&self->info.tenant_id, info->tenant_id);
  pecan_claim_wizard_set_string (&self->info.customer_name, pecan_client_info_get_title (info));
  if (self->info.id_type != PECAN_CPOR_ID_DOMAIN)
    self->info.id_type = PECAN_CPOR_ID_TENANT;
  pecan_claim_wizard_set_string (&self->info.customer_ref,
                                 reference_for (info, self->info.id_type));
  pecan_claim_wizard_sync_customer (self);
  pecan_claim_wizard_suggest_name (self);
  pecan_claim_wizard_load_domain (self);
  pecan_claim_wizard_changed (self);
}

static void
choose_customer_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PecanClaimWizard *self = PECAN_CLAIM_WIZARD (widget);
  g_autoptr(PecanClient) client = find_customer (self, g_variant_get_int64 (parameter), NULL);

  if (client == NULL || !pecan_cpor_info_is_editable (&self->info))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  choose_customer (self, client);
}

static void
customer_selected_cb (PecanClaimWizard *self)
{
  PecanClient *client = gtk_single_selection_get_selected_item (self->customers_selection);

  if (self->syncing || client == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "wizard.choose-customer", "x",
                              pecan_client_get_info (client)->customer_id);
}

static void
id_type_changed_cb (PecanClaimWizard *self)
{
  guint type = gtk_drop_down_get_selected (self->id_type_dropdown);
  g_autoptr(PecanClient) client = NULL;

  if (self->syncing || type == GTK_INVALID_LIST_POSITION || type == self->info.id_type)
    return;
  self->info.id_type = type;
  /* For an imported customer the data knows its tenant and domain. */
  client = find_customer (self, self->info.customer_id, NULL);
  if (client != NULL)
    {
      pecan_claim_wizard_set_string (&self->info.customer_ref,
                                     reference_for (pecan_client_get_info (client), type));
      set_entry (self, FIELD_CUSTOMER_REF, self->info.customer_ref);
    }
  pecan_claim_wizard_changed (self);
}

const char *
pecan_claim_wizard_get_customer_source (PecanClaimWizard *self)
{
  /* Asked for as the template builds, before the stack is there. */
  if (self->source_stack == NULL)
    return "imported";
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->source_stack), "other") == 0
           ? "other" : "imported";
}

/**
 * pecan_claim_wizard_set_customer_source:
 * @source: "imported", or "other" for a customer typed in, which unlinks
 *   the claim from the imported customer
 */
void
pecan_claim_wizard_set_customer_source (PecanClaimWizard *self,
                                        const char       *source)
{
  gboolean other = g_strcmp0 (source, "other") == 0;

  if (g_strcmp0 (source, pecan_claim_wizard_get_customer_source (self)) == 0)
    return;
  gtk_stack_set_visible_child_name (self->source_stack, other ? "other" : "imported");
  g_object_notify (G_OBJECT (self), "customer-source");
  if (self->syncing || !other || self->info.customer_id == 0)
    return;
  self->info.customer_id = 0;
  g_clear_pointer (&self->info.tenant_id, g_free);
  select_current (self);
  pecan_claim_wizard_load_domain (self);
  pecan_claim_wizard_changed (self);
}

/**
 * pecan_claim_wizard_suggest_name:
 *
 * Names the claim after its customer, solution area and month
 * ("Contoso – Modern Work and Security – 2026-11"), unless a name was
 * typed.
 */
void
pecan_claim_wizard_suggest_name (PecanClaimWizard *self)
{
  const char *customer = self->info.customer_name;
  g_autoptr(GString) suggestion = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (self->info.name != NULL && *self->info.name != '\0'
      && g_strcmp0 (self->info.name, self->suggested_name) != 0)
    return;
  if (customer == NULL || *customer == '\0')
    return;
  g_string_append (suggestion, customer);
  if (self->info.solution_area != NULL && *self->info.solution_area != '\0')
    g_string_append_printf (suggestion, " – %s", self->info.solution_area);
  g_string_append_printf (suggestion, " – %04d-%02d", g_date_time_get_year (now),
                          g_date_time_get_month (now));
  pecan_claim_wizard_set_string (&self->suggested_name, suggestion->str);
  pecan_claim_wizard_set_string (&self->info.name, suggestion->str);
  set_entry (self, FIELD_NAME, suggestion->str);
}

/* The customer's fields and the row of the list, from the claim. */
void
pecan_claim_wizard_sync_customer (PecanClaimWizard *self)
{
  gboolean syncing = self->syncing;
  gboolean typed = self->info.customer_id == 0 && self->info.customer_ref != NULL
                   && *self->info.customer_ref != '\0';

  self->syncing = TRUE;
  set_entry (self, FIELD_CUSTOMER_NAME, self->info.customer_name);
  set_entry (self, FIELD_CUSTOMER_REF, self->info.customer_ref);
  gtk_drop_down_set_selected (self->id_type_dropdown, self->info.id_type);
  pecan_claim_wizard_set_customer_source (self, typed ? "other" : "imported");
  select_current (self);
  self->syncing = syncing;
}

/* The list is in: the claim's customer shows selected. */
void
pecan_claim_wizard_customers_loaded (PecanClaimWizard *self)
{
  update_none (self);
  select_current (self);
  /* The dropdown took the first customer: not one the person chose. */
  gtk_drop_down_set_selected (self->azure_customer_dropdown, GTK_INVALID_LIST_POSITION);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->customers)) == 0
      && self->info.customer_id == 0)
    {
      self->syncing = TRUE;
      pecan_claim_wizard_set_customer_source (self, "other");
      self->syncing = FALSE;
    }
}

void
pecan_claim_wizard_init_customer (PecanClaimWizard *self)
{
  GtkStringList *types = gtk_string_list_new (NULL);

  /* In the order of PecanCporIdType: the position is the type. */
  for (PecanCporIdType type = PECAN_CPOR_ID_DOMAIN; type <= PECAN_CPOR_ID_SUBSCRIPTION; type++)
    gtk_string_list_append (types, pecan_cpor_id_type_label (type));
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->id_type_dropdown, G_LIST_MODEL (types));
  self->syncing = FALSE;
  g_object_unref (types);

  gtk_custom_filter_set_filter_func (self->customers_filter, match_customer, self, NULL);
  gtk_filter_list_model_set_model (self->customers_filter_model, G_LIST_MODEL (self->customers));
  add_columns (self);
  update_none (self);
}

void
pecan_claim_wizard_class_init_customer (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, source_stack);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, customer_search);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, customers_view);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, customers_selection);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, customers_filter_model);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, customers_filter);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, customers_none_label);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, id_type_dropdown);
  gtk_widget_class_bind_template_child_full (widget_class, "customer_form", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, customer_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, id_type_changed_cb);

  gtk_widget_class_install_action (widget_class, "wizard.choose-customer", "x",
                                   choose_customer_action);
}
