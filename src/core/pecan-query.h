/* pecan-query.h: PEC figures, incidents and history, read from the rollups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pecan-period.h"
#include "pecan-store.h"

G_BEGIN_DECLS

typedef enum
{
  PECAN_GROUP_TOTAL,
  PECAN_GROUP_CUSTOMER_MONTH,
  PECAN_GROUP_CUSTOMER,
  PECAN_GROUP_MONTH,
  PECAN_GROUP_SUBSCRIPTION,
  PECAN_GROUP_CATEGORY,
  PECAN_GROUP_DAY,
  PECAN_GROUP_PARTNER,
} PecanGroupBy;


gboolean     pecan_group_by_from_string (const char         *text,
                                         PecanGroupBy       *group_by);
const char  *pecan_group_by_to_string   (PecanGroupBy        group_by);
GListModel  *pecan_query_summary        (PecanStore         *store,
                                         PecanGroupBy        group_by,
                                         const PecanPeriod  *period,
                                         gint64              customer_id,
                                         GError            **error);
GListModel  *pecan_query_incidents      (PecanStore         *store,
                                         const PecanPeriod  *period,
                                         gint64              customer_id,
                                         GError            **error);
GListModel  *pecan_query_batches        (PecanStore         *store,
                                         GError            **error);
GListModel  *pecan_query_trailing_billed (PecanStore        *store,
                                          int                last_month,
                                          GError           **error);
gboolean     pecan_query_data_range     (PecanStore         *store,
                                         PecanPeriod        *range,
                                         GError            **error);
gint64       pecan_query_find_customer  (PecanStore         *store,
                                         const char         *tenant_id);

G_END_DECLS
