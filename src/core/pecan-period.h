/* pecan-period.h: the spans of days that figures are asked for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An inclusive range of days; PECAN_DAY_MIN/MAX leave an end open. */
typedef struct
{
  gint32 first;
  gint32 last;
} PecanPeriod;

#define PECAN_DAY_MIN G_MININT32
#define PECAN_DAY_MAX G_MAXINT32

/* What the period picker steps through. */
typedef enum
{
  PECAN_PERIOD_MONTH,
  PECAN_PERIOD_QUARTER,
  PECAN_PERIOD_YEAR,
  PECAN_PERIOD_RANGE,
} PecanPeriodKind;

gboolean         pecan_period_parse      (const char        *text,
                                          PecanPeriod       *period);
char            *pecan_period_to_string  (const PecanPeriod *period);
PecanPeriodKind  pecan_period_get_kind   (const PecanPeriod *period);
void             pecan_period_for_day    (PecanPeriodKind    kind,
                                          gint32             day,
                                          PecanPeriod       *period);
gboolean         pecan_period_shift      (const PecanPeriod *period,
                                          int                steps,
                                          PecanPeriod       *shifted);
gboolean         pecan_period_previous   (const PecanPeriod *period,
                                          PecanPeriod       *previous);
gboolean         pecan_period_months     (const PecanPeriod *period,
                                          int               *first_month,
                                          int               *last_month);
gint32           pecan_month_last_day    (int                year,
                                          int                month);
gint32           pecan_day_today         (void);
char            *pecan_day_describe      (gint32             day);

G_END_DECLS
