/* pecan-cell-tooltip.h: tooltips for list cells that cost nothing to set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pecan_cell_tooltip_set (GtkWidget  *widget,
                             const char *text);

G_END_DECLS
