/* pecan-customers-page.h: the Customers page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pecan-page.h"

G_BEGIN_DECLS

#define PECAN_TYPE_CUSTOMERS_PAGE (pecan_customers_page_get_type ())

G_DECLARE_FINAL_TYPE (PecanCustomersPage, pecan_customers_page, PECAN, CUSTOMERS_PAGE, PecanPage)

G_END_DECLS
