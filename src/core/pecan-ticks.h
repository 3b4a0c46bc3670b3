/* pecan-ticks.h: round numbers for the value axis of a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The ticks of an axis: count values from min to max, step apart. */
typedef struct
{
  double min;       /* the first tick, at or below the data and zero */
  double max;       /* the last tick, at or above the data and zero */
  double step;      /* 1, 2 or 5 times a power of ten */
  guint  count;     /* ticks from min to max, both included */
  guint  decimals;  /* digits after the decimal mark that label them exactly */
} PecanTicks;

gboolean pecan_ticks_compute   (double            min,
                                double            max,
                                guint             max_ticks,
                                PecanTicks       *ticks);
double   pecan_ticks_get_value (const PecanTicks *ticks,
                                guint             index);

G_END_DECLS
