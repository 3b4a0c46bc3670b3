/* pecan-usage-filter.h: which usage lines to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pecan-period.h"

G_BEGIN_DECLS

/* Every PEC state: the state filter is off. */
#define PECAN_USAGE_ANY_STATE (-1)

/* The lines of a period; every filter set narrows them further. */
typedef struct
{
  PecanPeriod  period;
  gint64       customer_id;      /* 0: every customer */
  gint64       subscription_id;  /* 0: every subscription */
  char        *search;           /* NULL or "": no text; else a part of a customer's or
                                  * subscription's name, domain or id, in any case */
  char        *category;         /* NULL: every meter category; else its exact name */
  int          state;            /* a #PecanPecState, or %PECAN_USAGE_ANY_STATE */
} PecanUsageFilter;

void              pecan_usage_filter_init    (PecanUsageFilter        *filter,
                                              const PecanPeriod       *period);
void              pecan_usage_filter_clear   (PecanUsageFilter        *filter);
PecanUsageFilter *pecan_usage_filter_copy    (const PecanUsageFilter  *filter);
void              pecan_usage_filter_free    (PecanUsageFilter        *filter);
gboolean          pecan_usage_filter_equal   (const PecanUsageFilter  *a,
                                              const PecanUsageFilter  *b);
gboolean          pecan_usage_filter_narrows (const PecanUsageFilter  *filter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PecanUsageFilter, pecan_usage_filter_free)

G_END_DECLS
