/* pecan-incident.h: a run of days on which a subscription lost its PEC
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PECAN_TYPE_INCIDENT (pecan_incident_get_type ())

G_DECLARE_FINAL_TYPE (PecanIncident, pecan_incident, PECAN, INCIDENT, GObject)

typedef struct
{
  gint64   subscription_id;
  char    *customer_tenant;
  char    *customer_name;
  char    *subscription_azure_id;
  char    *subscription_name;
  gint32   first_day;       /* days since 1970-01-01 */
  gint32   last_day;
  guint    days;            /* days with lost PEC in the run */
  gint64   lines;
  char    *currency;
  gint64   billed;          /* billed on the lines that lost PEC, nano-units */
  double   pec_lost;
  gboolean ongoing;         /* the run reaches the last day with data */
} PecanIncidentInfo;

PecanIncident           *pecan_incident_new      (const PecanIncidentInfo *info);
const PecanIncidentInfo *pecan_incident_get_info (PecanIncident           *self);

G_END_DECLS
