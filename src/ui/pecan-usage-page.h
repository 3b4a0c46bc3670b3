/* pecan-usage-page.h: the Usage page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pecan-page.h"

G_BEGIN_DECLS

#define PECAN_TYPE_USAGE_PAGE (pecan_usage_page_get_type ())

G_DECLARE_FINAL_TYPE (PecanUsagePage, pecan_usage_page, PECAN, USAGE_PAGE, PecanPage)

G_END_DECLS
