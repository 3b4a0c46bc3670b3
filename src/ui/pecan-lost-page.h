/* pecan-lost-page.h: the Lost PEC page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pecan-page.h"

G_BEGIN_DECLS

#define PECAN_TYPE_LOST_PAGE (pecan_lost_page_get_type ())

G_DECLARE_FINAL_TYPE (PecanLostPage, pecan_lost_page, PECAN, LOST_PAGE, PecanPage)

G_END_DECLS
