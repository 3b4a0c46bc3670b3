/* pecan-claim-wizard-fields.c: the claim wizard's text fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every entry writes its text into the claim as it is typed, and shows
 * under it what pecan_cpor_check() says of its field, with an icon in the
 * entry: checked as you type, but not shouted at before anything was
 * typed in it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-claim-wizard-private.h"

static const struct
{
  const char *field;         /* as pecan_cpor_check() names it */
  gsize       offset;        /* of its text in PecanCporInfo */
  const char *entry;         /* template ids */
  const char *message;
} fields[N_FIELDS] = {
  [FIELD_NAME] = { "name", G_STRUCT_OFFSET (PecanCporInfo, name),
                   "name_entry", "name_message" },
  [FIELD_PARTNER_ID] = { "partner-id", G_STRUCT_OFFSET (PecanCporInfo, partner_id),
                         "partner_id_entry", "partner_id_message" },
  [FIELD_CUSTOMER_NAME] = { "customer-name", G_STRUCT_OFFSET (PecanCporInfo, customer_name),
                            "customer_name_entry", "customer_name_message" },
  [FIELD_CUSTOMER_REF] = { "customer-ref", G_STRUCT_OFFSET (PecanCporInfo, customer_ref),
                           "customer_ref_entry", "customer_ref_message" },
  [FIELD_CUSTOMER_CONTACT_NAME] = { "customer-contact-name",
                                    G_STRUCT_OFFSET (PecanCporInfo, customer_contact_name),
                                    "customer_contact_name_entry",
                                    "customer_contact_name_message" },
  [FIELD_CUSTOMER_CONTACT_EMAIL] = { "customer-contact-email",
                                     G_STRUCT_OFFSET (PecanCporInfo, customer_contact_email),
                                     "customer_contact_email_entry",
                                     "customer_contact_email_message" },
  [FIELD_CUSTOMER_CONTACT_TITLE] = { "customer-contact-title",
                                     G_STRUCT_OFFSET (PecanCporInfo, customer_contact_title),
                                     "customer_contact_title_entry",
                                     "customer_contact_title_message" },
  [FIELD_PARTNER_CONTACT_NAME] = { "partner-contact-name",
                                   G_STRUCT_OFFSET (PecanCporInfo, partner_contact_name),
                                   "partner_contact_name_entry",
                                   "partner_contact_name_message" },
  [FIELD_PARTNER_CONTACT_EMAIL] = { "partner-contact-email",
                                    G_STRUCT_OFFSET (PecanCporInfo, partner_contact_email),
                                    "partner_contact_email_entry",
                                    "partner_contact_email_message" },
};

static char **
field_text (PecanClaimWizard *self,
            Field             field)
{
  return G_STRUCT_MEMBER_P (&self->info, fields[field].offset);
}

/**
 * pecan_claim_wizard_field_message:
 * @field: a field as pecan_cpor_check() names it
 * @severity: (out) (optional): how bad it is
 *
 * Returns: (transfer full) (nullable): the first problem of @field, or
 *   %NULL when there is none
 */
char *
pecan_claim_wizard_field_message (PecanClaimWizard  *self,
                                  const char        *field,
                                  PecanCporSeverity *severity)
{
  for (guint i = 0; self->problems != NULL && i < self->problems->len; i++)
    {
      const PecanCporProblem *problem = self->problems->pdata[i];

      if (g_strcmp0 (problem->field, field) != 0)
        continue;
      if (severity != NULL)
        *severity = problem->severity;
      return g_strdup (problem->message);
    }
  return NULL;
}

static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
show_message (PecanClaimWizard *self,
              Field             field)
{
  GtkWidget *entry = GTK_WIDGET (self->entries[field]);
  GtkLabel *label = self->messages[field];
  PecanCporSeverity severity = PECAN_CPOR_ERROR;
  g_autofree char *message = pecan_claim_wizard_field_message (self, fields[field].field, &severity);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  gboolean shown = message != NULL && (self->touched[field] || *text != '\0');
  gboolean error = shown && severity == PECAN_CPOR_ERROR;
  gboolean warning = shown && severity == PECAN_CPOR_WARNING;

  gtk_label_set_text (label, shown ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), shown);
  set_class (entry, "error", error);
  set_class (GTK_WIDGET (label), "error", error);
  set_class (entry, "warning", warning);
  set_class (GTK_WIDGET (label), "warning", warning);
  gtk_entry_set_icon_from_icon_name (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY,
                                     error ? "dialog-error-symbolic"
                                           : warning ? "dialog-warning-symbolic" : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  shown ? message : "", -1);
}

/* The messages under the fields, after pecan_cpor_check() ran. */
void
pecan_claim_wizard_update_messages (PecanClaimWizard *self)
{
  g_autofree char *workloads = NULL;

  for (Field field = 0; field < N_FIELDS; field++)
    show_message (self, field);
  /* No workload chosen yet is a hint, not a fault. */
  workloads = pecan_claim_wizard_field_message (self, "workloads", NULL);
  gtk_label_set_text (self->workloads_message, workloads != NULL ? workloads : "");
  gtk_widget_set_visible (GTK_WIDGET (self->workloads_message), workloads != NULL);
}

static void
entry_changed_cb (PecanClaimWizard *self,
                  GtkEditable      *entry)
{
  const char *text = gtk_editable_get_text (entry);
  Field field;

  if (self->syncing)
    return;
  for (field = 0; field < N_FIELDS; field++)
    if (GTK_EDITABLE (self->entries[field]) == entry)
      break;
  g_return_if_fail (field < N_FIELDS);
  pecan_claim_wizard_set_string (field_text (self, field), text);
  self->touched[field] = TRUE;
  if (field == FIELD_CUSTOMER_NAME)
    pecan_claim_wizard_suggest_name (self);
  if (field == FIELD_PARTNER_ID
      && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->azure_partner_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->azure_partner_entry), text);
  pecan_claim_wizard_changed (self);
}

/* Every entry from the claim. */
void
pecan_claim_wizard_sync_fields (PecanClaimWizard *self)
{
  gboolean syncing = self->syncing;

  self->syncing = TRUE;
  for (Field field = 0; field < N_FIELDS; field++)
    {
      const char *text = *field_text (self, field);

      gtk_editable_set_text (GTK_EDITABLE (self->entries[field]), text != NULL ? text : "");
    }
  self->syncing = syncing;
}

void
pecan_claim_wizard_class_init_fields (GtkWidgetClass *widget_class)
{
  for (Field field = 0; field < N_FIELDS; field++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, fields[field].entry, FALSE,
                                                 G_STRUCT_OFFSET (PecanClaimWizard, entries)
                                                 + field * sizeof (GtkEntry *));
      gtk_widget_class_bind_template_child_full (widget_class, fields[field].message, FALSE,
                                                 G_STRUCT_OFFSET (PecanClaimWizard, messages)
                                                 + field * sizeof (GtkLabel *));
    }
  gtk_widget_class_bind_template_child_full (widget_class, "contacts_form", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
}
