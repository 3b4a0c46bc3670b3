/* pecan-usage-filter-private.h: the SQL of a filter, for the usage model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "pecan-usage-filter.h"

G_BEGIN_DECLS

/* How a statement reads the lines of a filter. */
typedef enum
{
  PECAN_USAGE_SQL_SEEK = 1 << 0,      /* seek each day and chosen subscription */
  PECAN_USAGE_SQL_FROM_KEY = 1 << 1,  /* from a key on: :kday, :ksubscription ... */
} PecanUsageSqlFlags;

gboolean pecan_usage_filter_is_subset         (const PecanUsageFilter *filter);
char    *pecan_usage_filter_subscriptions_sql (const PecanUsageFilter *filter);
char    *pecan_usage_filter_sql               (const PecanUsageFilter *filter,
                                               const char             *columns,
                                               PecanUsageSqlFlags      flags,
                                               const char             *tail);
void     pecan_usage_filter_bind              (const PecanUsageFilter *filter,
                                               sqlite3_stmt           *stmt,
                                               gint32                  from,
                                               gint32                  last);
void     pecan_usage_bind_int64               (sqlite3_stmt           *stmt,
                                               const char             *name,
                                               gint64                  value);

G_END_DECLS
