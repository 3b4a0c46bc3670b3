/* pecan-reports-page.h: the Reports page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pecan-page.h"

G_BEGIN_DECLS

#define PECAN_TYPE_REPORTS_PAGE (pecan_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (PecanReportsPage, pecan_reports_page, PECAN, REPORTS_PAGE, PecanPage)

G_END_DECLS
