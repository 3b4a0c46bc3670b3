/* pecan-incident.c: a run of days on which a subscription lost its PEC
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pecan-incident.h"

struct _PecanIncident
{
  GObject           parent_instance;
  PecanIncidentInfo info;
};

G_DEFINE_FINAL_TYPE (PecanIncident, pecan_incident, G_TYPE_OBJECT)

static void
pecan_incident_finalize (GObject *object)
{
  PecanIncidentInfo *info = &PECAN_INCIDENT (object)->info;

  g_free (info->customer_tenant);
  g_free (info->customer_name);
  g_free (info->subscription_azure_id);
  g_free (info->subscription_name);
  g_free (info->currency);
  G_OBJECT_CLASS (pecan_incident_parent_class)->finalize (object);
}

static void
pecan_incident_class_init (PecanIncidentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pecan_incident_finalize;
}

static void
pecan_incident_init (PecanIncident *self)
{
}

/**
 * pecan_incident_new:
 * @info: the incident; copied
 *
 * Returns: (transfer full): a new incident
 */
PecanIncident *
pecan_incident_new (const PecanIncidentInfo *info)
{
  PecanIncident *self = g_object_new (PECAN_TYPE_INCIDENT, NULL);

  self->info = *info;
  self->info.customer_tenant = g_strdup (info->customer_tenant);
  self->info.customer_name = g_strdup (info->customer_name);
  self->info.subscription_azure_id = g_strdup (info->subscription_azure_id);
  self->info.subscription_name = g_strdup (info->subscription_name);
  self->info.currency = g_strdup (info->currency);
  return self;
}

const PecanIncidentInfo *
pecan_incident_get_info (PecanIncident *self)
{
  g_return_val_if_fail (PECAN_IS_INCIDENT (self), NULL);
  return &self->info;
}
