/* pecan-usage-page-private.h: what the Usage page's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pecan-usage-page.h"

G_BEGIN_DECLS

void pecan_usage_page_add_columns (GtkColumnView *column_view);

G_END_DECLS
