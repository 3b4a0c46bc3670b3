/* pecan-list-feed.h: a big model handed to a list view a few rows a frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pecan_list_feed_set_model          (GtkSingleSelection *selection,
                                         GListModel         *model);
void pecan_list_feed_set_model_selected (GtkSingleSelection *selection,
                                         GListModel         *model,
                                         guint               position);

G_END_DECLS
