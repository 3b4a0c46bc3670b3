/* pecan-customer-detail.h: one customer's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PECAN_TYPE_CUSTOMER_DETAIL (pecan_customer_detail_get_type ())

G_DECLARE_FINAL_TYPE (PecanCustomerDetail, pecan_customer_detail, PECAN, CUSTOMER_DETAIL, GtkWidget)

gint64 pecan_customer_detail_get_customer_id (PecanCustomerDetail *self);
void   pecan_customer_detail_show            (PecanCustomerDetail *self,
                                              gint64               customer_id);
void   pecan_customer_detail_reload          (PecanCustomerDetail *self);

G_END_DECLS
