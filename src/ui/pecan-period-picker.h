/* pecan-period-picker.h: the period the window shows, in its header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PECAN_TYPE_PERIOD_PICKER (pecan_period_picker_get_type ())

G_DECLARE_FINAL_TYPE (PecanPeriodPicker, pecan_period_picker, PECAN, PERIOD_PICKER, GtkWidget)

G_END_DECLS
