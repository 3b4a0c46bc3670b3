/* pecan-ticks.c: round numbers for the value axis of a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The axis of a bar chart starts at zero, so it always holds zero, and its
 * ticks step by 1, 2 or 5 times a power of ten: the smallest such step that
 * covers the data in no more ticks than there is room for. People read
 * "0, 500, 1,000, 1,500" at a glance; they do not read "0, 437, 874".
 */
#include "config.h"

#include <float.h>
#include <math.h>

#include "pecan-ticks.h"

/* Sums of money in doubles are a hair off (0.1 + 0.2 is 0.30000000000000004):
 * a value within a billionth of the data's size of a tick counts as on it,
 * instead of adding a tick of its own. */
#define TICK_SLACK 1e-9

/* Enough candidates to climb from the rough step to a single interval. */
#define MAX_CANDIDATES 40

/* Rounds [min, max] out to multiples of step; FALSE when it needs more than
 * max_ticks ticks or leaves the doubles. */
static gboolean
try_step (double      min,
          double      max,
          double      step,
          guint       max_ticks,
          PecanTicks *ticks)
{
  double slack = TICK_SLACK * MAX (fabs (min), fabs (max));
  double lo = floor ((min + slack) / step);
  double hi = ceil ((max - slack) / step);

  /* Dividing by a step that is not exact in binary can land on the wrong
   * side of a multiple: check against the data, not the quotient. */
  if (lo * step > min + slack)
    lo -= 1.0;
  if (hi * step < max - slack)
    hi += 1.0;
  if (hi - lo + 1.0 > (double) max_ticks)
    return FALSE;

  ticks->min = lo * step + 0.0;
  ticks->max = hi * step + 0.0;
  ticks->step = step;
  ticks->count = (guint) (hi - lo) + 1;
  return isfinite (ticks->min) && isfinite (ticks->max);
}

/**
 * pecan_ticks_compute:
 * @min: the smallest value the axis must show
 * @max: the largest value the axis must show
 * @max_ticks: how many ticks there is room for, 2 or more
 * @ticks: (out): the ticks
 *
 * Chooses the ticks of a value axis that starts at zero: the smallest
 * step of 1, 2 or 5 times a power of ten with which at most @max_ticks
 * ticks, zero among them, cover @min to @max. @min and @max may come in
 * either order; when both are zero the axis runs from 0 to 1.
 *
 * Returns: %FALSE, leaving @ticks alone, when a bound is NaN or infinite, the range is too large
 *   or too small for a double, or the data crosses zero and @max_ticks is
 *   below 3 (zero and one tick each side)
 */
gboolean
pecan_ticks_compute (double      min,
                     double      max,
                     guint       max_ticks,
                     PecanTicks *ticks)
{
  static const double multiples[] = { 1.0, 2.0, 5.0 };
  PecanTicks found;
  double raw;
  int exponent;

  g_return_val_if_fail (ticks != NULL, FALSE);

  if (!isfinite (min) || !isfinite (max) || max_ticks < 2)
    return FALSE;
  if (min > max)
    {
      double swap = min;

      min = max;
      max = swap;
    }
  min = MIN (min, 0.0);
  max = MAX (max, 0.0);
  if (min == max)
    max = 1.0;

  /* The step if the ticks could fall anywhere; the answer is the first
   * round step at or above it that fits once the ends are rounded out. */
  raw = (max - min) / (double) (max_ticks - 1);
  if (!isfinite (raw) || raw < DBL_MIN)
    return FALSE;
  exponent = (int) floor (log10 (raw));

  for (guint i = 0; i < MAX_CANDIDATES; i++)
    {
      int k = exponent + (int) (i / G_N_ELEMENTS (multiples));
      double step = multiples[i % G_N_ELEMENTS (multiples)] * pow (10.0, k);

      if (step < raw * (1.0 - TICK_SLACK))
        continue;
      if (!isfinite (step))
        return FALSE;
      if (try_step (min, max, step, max_ticks, &found))
        {
          found.decimals = k < 0 ? (guint) -k : 0;
          *ticks = found;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * pecan_ticks_get_value:
 * @ticks: ticks from pecan_ticks_compute()
 * @index: a tick, 0 to @ticks->count - 1, from the bottom
 *
 * Counts in steps from zero, so that the zero tick is exactly zero.
 *
 * Returns: the value at that tick
 */
double
pecan_ticks_get_value (const PecanTicks *ticks,
                       guint             index)
{
  g_return_val_if_fail (ticks != NULL, 0.0);
  g_return_val_if_fail (index < ticks->count, 0.0);

  return (round (ticks->min / ticks->step) + (double) index) * ticks->step + 0.0;
}
