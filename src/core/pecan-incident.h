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
  gint64   subscription_id; /* ids in the database */
  gint64   customer_id;
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
  char    *partner_mpn_id;  /* the partner ID to link, "" when unknown */
  gboolean handled;         /* someone is dealing with it */
  char    *note;            /* what they noted, never NULL */
} PecanIncidentInfo;

PecanIncident           *pecan_incident_new       (const PecanIncidentInfo *info);
const PecanIncidentInfo *pecan_incident_get_info  (PecanIncident           *self);
void                     pecan_incident_set_state (PecanIncident           *self,
                                                   gboolean                 handled,
                                                   const char              *note);

G_END_DECLS
