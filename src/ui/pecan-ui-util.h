/* pecan-ui-util.h: figures, days and periods as the window shows them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pecan-period.h"

G_BEGIN_DECLS

char *pecan_ui_format_money   (double             amount,
                               const char        *currency);
char *pecan_ui_format_nano    (gint64             nano,
                               const char        *currency);
char *pecan_ui_format_count   (guint64            count);
char *pecan_ui_format_percent (double             percent);
char *pecan_ui_format_change  (double             now,
                               double             before);
char *pecan_ui_format_day     (gint32             day);
char *pecan_ui_format_month   (int                yyyymm);
char *pecan_ui_format_period  (const PecanPeriod *period);
gboolean pecan_ui_parse_nano  (const char        *text,
                               gint64            *nano);

G_END_DECLS
