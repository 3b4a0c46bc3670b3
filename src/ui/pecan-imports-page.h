/* pecan-imports-page.h: the Imports page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pecan-page.h"

G_BEGIN_DECLS

#define PECAN_TYPE_IMPORTS_PAGE (pecan_imports_page_get_type ())

G_DECLARE_FINAL_TYPE (PecanImportsPage, pecan_imports_page, PECAN, IMPORTS_PAGE, PecanPage)

G_END_DECLS
