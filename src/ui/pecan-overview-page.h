/* pecan-overview-page.h: the Overview page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pecan-page.h"

G_BEGIN_DECLS

#define PECAN_TYPE_OVERVIEW_PAGE (pecan_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (PecanOverviewPage, pecan_overview_page, PECAN, OVERVIEW_PAGE, PecanPage)

G_END_DECLS
