/* pecan-usage-model-private.h: what the tests of the usage model may tune
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pecan-usage-model.h"

G_BEGIN_DECLS

/* The most subscriptions a subset reads by seeking them (256): the tests
 * lower it to read both ways on a small database. */
void pecan_usage_model_set_seek_max (guint subscriptions);

G_END_DECLS
