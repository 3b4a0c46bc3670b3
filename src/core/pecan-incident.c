/* pecan-incident.c: a run of days on which a subscription lost its PEC
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures never change once read; what a person noted about the
 * incident (handled, note) does, and is notified so that a list showing
 * the incident follows.
 */
#include "config.h"

#include "pecan-incident.h"

struct _PecanIncident
{
  GObject           parent_instance;
  PecanIncidentInfo info;
};

G_DEFINE_FINAL_TYPE (PecanIncident, pecan_incident, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HANDLED,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pecan_incident_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PecanIncident *self = PECAN_INCIDENT (object);

  switch (prop_id)
    {
    case PROP_HANDLED:
      g_value_set_boolean (value, self->info.handled);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->info.note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_incident_finalize (GObject *object)
{
  PecanIncidentInfo *info = &PECAN_INCIDENT (object)->info;

  g_free (info->customer_tenant);
  g_free (info->customer_name);
  g_free (info->subscription_azure_id);
  g_free (info->subscription_name);
  g_free (info->currency);
  g_free (info->partner_mpn_id);
  g_free (info->note);
  G_OBJECT_CLASS (pecan_incident_parent_class)->finalize (object);
}

static void
pecan_incident_class_init (PecanIncidentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pecan_incident_finalize;
  object_class->get_property = pecan_incident_get_property;

  properties[PROP_HANDLED] =
    g_param_spec_boolean ("handled", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  self->info.partner_mpn_id = g_strdup (info->partner_mpn_id != NULL ? info->partner_mpn_id : "");
  self->info.note = g_strdup (info->note != NULL ? info->note : "");
  return self;
}

const PecanIncidentInfo *
pecan_incident_get_info (PecanIncident *self)
{
  g_return_val_if_fail (PECAN_IS_INCIDENT (self), NULL);
  return &self->info;
}

/**
 * pecan_incident_set_state:
 * @self: an incident
 * @handled: whether someone is dealing with it
 * @note: (nullable): what they noted
 *
 * Changes the state this object holds, as it was just saved with
 * pecan_store_set_incident_note(); writes nothing to the database.
 */
void
pecan_incident_set_state (PecanIncident *self,
                          gboolean       handled,
                          const char    *note)
{
  g_return_if_fail (PECAN_IS_INCIDENT (self));

  handled = !!handled;
  if (note == NULL)
    note = "";
  if (self->info.handled != handled)
    {
      self->info.handled = handled;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDLED]);
    }
  if (g_strcmp0 (self->info.note, note) != 0)
    {
      g_free (self->info.note);
      self->info.note = g_strdup (note);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
    }
}
