/* pecan-usage-model.h: the usage lines of a period, read a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pecan-store.h"
#include "pecan-usage-filter.h"
#include "pecan-usage-line.h"

G_BEGIN_DECLS

#define PECAN_TYPE_USAGE_MODEL (pecan_usage_model_get_type ())

G_DECLARE_FINAL_TYPE (PecanUsageModel, pecan_usage_model, PECAN, USAGE_MODEL, GObject)

PecanUsageModel        *pecan_usage_model_new        (PecanStore              *store,
                                                      const PecanUsageFilter  *filter,
                                                      GCancellable            *cancellable,
                                                      GError                 **error);
const PecanUsageFilter *pecan_usage_model_get_filter (PecanUsageModel         *self);

G_END_DECLS
