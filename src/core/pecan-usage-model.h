/* pecan-usage-model.h: the usage lines of a period, read a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pecan-period.h"
#include "pecan-store.h"
#include "pecan-usage-line.h"

G_BEGIN_DECLS

#define PECAN_TYPE_USAGE_MODEL (pecan_usage_model_get_type ())

G_DECLARE_FINAL_TYPE (PecanUsageModel, pecan_usage_model, PECAN, USAGE_MODEL, GObject)

/* Every PEC state: the state filter is off. */
#define PECAN_USAGE_ANY_STATE (-1)

/* Which lines a model holds; every filter set narrows it further. */
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

void              pecan_usage_filter_init   (PecanUsageFilter        *filter,
                                             const PecanPeriod       *period);
void              pecan_usage_filter_clear  (PecanUsageFilter        *filter);
PecanUsageFilter *pecan_usage_filter_copy   (const PecanUsageFilter  *filter);
void              pecan_usage_filter_free   (PecanUsageFilter        *filter);
gboolean          pecan_usage_filter_equal  (const PecanUsageFilter  *a,
                                             const PecanUsageFilter  *b);

PecanUsageModel        *pecan_usage_model_new        (PecanStore              *store,
                                                      const PecanUsageFilter  *filter,
                                                      GCancellable            *cancellable,
                                                      GError                 **error);
const PecanUsageFilter *pecan_usage_model_get_filter (PecanUsageModel         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PecanUsageFilter, pecan_usage_filter_free)

G_END_DECLS
