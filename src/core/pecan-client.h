/* pecan-client.h: a customer as its credit-sharing reports see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pecan-store.h"

G_BEGIN_DECLS

/* A share, in hundredths of a percent, that stands for the default one. */
#define PECAN_SHARE_DEFAULT (-1)

#define PECAN_TYPE_CLIENT (pecan_client_get_type ())

G_DECLARE_FINAL_TYPE (PecanClient, pecan_client, PECAN, CLIENT, GObject)

typedef struct
{
  gint64    customer_id;       /* the customer's id in the database */
  char     *tenant_id;
  char     *name;              /* as the usage files name it */
  char     *domain;
  char     *display_name;      /* as reports name it; "" for the name */
  char     *contact_name;      /* "" when none */
  int       share;             /* of the PEC, in hundredths of a percent,
                                * or PECAN_SHARE_DEFAULT */
  gboolean  report;            /* FALSE: no report for this client */
} PecanClientInfo;

void                   pecan_client_info_clear      (PecanClientInfo       *info);
void                   pecan_client_info_copy       (const PecanClientInfo *info,
                                                     PecanClientInfo       *copy);
const char            *pecan_client_info_get_title  (const PecanClientInfo *info);
PecanClient           *pecan_client_new             (const PecanClientInfo *info);
const PecanClientInfo *pecan_client_get_info        (PecanClient           *self);

GListModel            *pecan_client_list            (PecanStore            *store,
                                                     GError               **error);
PecanClient           *pecan_client_find            (PecanStore            *store,
                                                     const char            *tenant_id,
                                                     GError               **error);
gboolean               pecan_client_save            (PecanStore            *store,
                                                     const PecanClientInfo *info,
                                                     GError               **error);

G_END_DECLS
