/* pecan-claims-page.h: the Claims page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pecan-page.h"

G_BEGIN_DECLS

#define PECAN_TYPE_CLAIMS_PAGE (pecan_claims_page_get_type ())

G_DECLARE_FINAL_TYPE (PecanClaimsPage, pecan_claims_page, PECAN, CLAIMS_PAGE, PecanPage)

G_END_DECLS
