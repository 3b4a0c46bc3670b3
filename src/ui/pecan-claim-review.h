/* pecan-claim-review.h: a claim's fields as the review step lists them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *pecan_claim_review_section (GtkBox     *box,
                                       const char *title);
void       pecan_claim_review_field   (GtkWidget  *section,
                                       const char *title,
                                       const char *value,
                                       const char *copy_action);

G_END_DECLS
