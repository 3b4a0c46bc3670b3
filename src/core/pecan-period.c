/* pecan-period.c: the spans of days that figures are asked for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A period is a plain range of days. Months, quarters and years are the
 * ranges that begin on the first of a month and end on the last of one;
 * their kind is read back from the days, so a period needs no more state
 * than its two ends to be saved, parsed, shown or stepped through.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "pecan-parse.h"
#include "pecan-period.h"

/* One end of a period: a year (2026), a month (2026-01), a quarter
 * (2026-Q1) or a day (2026-01-31), as its first and last day. */
static gboolean
parse_end (const char *text,
           gint32     *first,
           gint32     *last)
{
  gint64 y, m;
  g_auto(GStrv) parts = g_strsplit (text, "-", 4);
  guint n = g_strv_length (parts);

  if (n == 3)
    {
      if (!pecan_parse_iso_day (text, first))
        return FALSE;
      *last = *first;
      return TRUE;
    }
  if (n < 1 || n > 2 || strlen (parts[0]) != 4
      || !g_ascii_string_to_signed (parts[0], 10, 1900, 2199, &y, NULL))
    return FALSE;
  if (n == 1)
    {
      *first = pecan_day_from_ymd (y, 1, 1);
      *last = pecan_month_last_day (y, 12);
      return TRUE;
    }
  if ((parts[1][0] == 'Q' || parts[1][0] == 'q')
      && g_ascii_string_to_signed (parts[1] + 1, 10, 1, 4, &m, NULL))
    {
      *first = pecan_day_from_ymd (y, 3 * m - 2, 1);
      *last = pecan_month_last_day (y, 3 * m);
      return TRUE;
    }
  if (strlen (parts[1]) != 2
      || !g_ascii_string_to_signed (parts[1], 10, 1, 12, &m, NULL))
    return FALSE;
  *first = pecan_day_from_ymd (y, m, 1);
  *last = pecan_month_last_day (y, m);
  return TRUE;
}

/**
 * pecan_month_last_day:
 * @year: a year
 * @month: a month, 1 to 12
 *
 * Returns: the last day of that month, in days since 1970-01-01
 */
gint32
pecan_month_last_day (int year,
                      int month)
{
  return pecan_day_from_ymd (year + month / 12, month % 12 + 1, 1) - 1;
}

/**
 * pecan_period_parse:
 * @text: a year (`2026`), a month (`2026-01`), a quarter (`2026-Q1`), a day
 *   (`2026-01-31`), or a range between two of them (`2026-01:2026-03`,
 *   `2025-Q3:2026-Q1`, `2026-01-05:2026-01-20`)
 * @period: (out): the days it covers
 *
 * Returns: %TRUE when @text is a valid period
 */
gboolean
pecan_period_parse (const char  *text,
                    PecanPeriod *period)
{
  g_auto(GStrv) ends = g_strsplit (text, ":", 3);
  gint32 first1, last1, first2, last2;
  guint n = g_strv_length (ends);

  if (n < 1 || n > 2 || !parse_end (ends[0], &first1, &last1)
      || !parse_end (ends[n - 1], &first2, &last2))
    return FALSE;
  period->first = first1;
  period->last = last2;
  return period->first <= period->last;
}

/**
 * pecan_period_months:
 * @period: a period, perhaps open at either end
 * @first_month: (out): its first month as yyyymm (0 when open)
 * @last_month: (out): its last month as yyyymm (999999 when open)
 *
 * Returns: %TRUE when @period is made of whole months
 */
gboolean
pecan_period_months (const PecanPeriod *period,
                     int               *first_month,
                     int               *last_month)
{
  int y, m, d;

  *first_month = 0;
  *last_month = 999999;
  if (period->first != PECAN_DAY_MIN)
    {
      pecan_day_to_ymd (period->first, &y, &m, &d);
      if (d != 1)
        return FALSE;
      *first_month = y * 100 + m;
    }
  if (period->last != PECAN_DAY_MAX)
    {
      pecan_day_to_ymd (period->last + 1, &y, &m, &d);
      if (d != 1)
        return FALSE;
      pecan_day_to_ymd (period->last, &y, &m, &d);
      *last_month = y * 100 + m;
    }
  return TRUE;
}

static int
month_index (int yyyymm)
{
  return (yyyymm / 100) * 12 + yyyymm % 100 - 1;
}

/**
 * pecan_period_get_kind:
 * @period: a closed period
 *
 * Returns: %PECAN_PERIOD_MONTH, %PECAN_PERIOD_QUARTER or %PECAN_PERIOD_YEAR
 *   when @period is exactly one of them, else %PECAN_PERIOD_RANGE
 */
PecanPeriodKind
pecan_period_get_kind (const PecanPeriod *period)
{
  int first, last, n;

  if (period->first == PECAN_DAY_MIN || period->last == PECAN_DAY_MAX
      || !pecan_period_months (period, &first, &last))
    return PECAN_PERIOD_RANGE;
  n = month_index (last) - month_index (first) + 1;
  if (n == 1)
    return PECAN_PERIOD_MONTH;
  if (n == 3 && first % 100 % 3 == 1)
    return PECAN_PERIOD_QUARTER;
  if (n == 12 && first % 100 == 1)
    return PECAN_PERIOD_YEAR;
  return PECAN_PERIOD_RANGE;
}

/**
 * pecan_period_to_string:
 * @period: a closed period
 *
 * Returns: (transfer full): the text pecan_period_parse() reads back to
 *   @period: `2026`, `2026-Q1`, `2026-01`, `2026-01:2026-02` or
 *   `2026-01-05:2026-01-20`
 */
char *
pecan_period_to_string (const PecanPeriod *period)
{
  int first, last, y, m, d;
  char a[11], b[11];

  g_return_val_if_fail (period->first != PECAN_DAY_MIN && period->last != PECAN_DAY_MAX, NULL);

  pecan_day_to_ymd (period->first, &y, &m, &d);
  switch (pecan_period_get_kind (period))
    {
    case PECAN_PERIOD_MONTH:
      return g_strdup_printf ("%04d-%02d", y, m);
    case PECAN_PERIOD_QUARTER:
      return g_strdup_printf ("%04d-Q%d", y, (m + 2) / 3);
    case PECAN_PERIOD_YEAR:
      return g_strdup_printf ("%04d", y);
    case PECAN_PERIOD_RANGE:
    default:
      break;
    }
  if (pecan_period_months (period, &first, &last))
    return g_strdup_printf ("%04d-%02d:%04d-%02d", first / 100, first % 100,
                            last / 100, last % 100);
  pecan_day_format (period->first, a);
  pecan_day_format (period->last, b);
  return g_strdup_printf ("%s:%s", a, b);
}

/**
 * pecan_period_for_day:
 * @kind: a month, quarter or year (a range is taken as a month)
 * @day: a day, in days since 1970-01-01
 * @period: (out): the month, quarter or year that holds @day
 */
void
pecan_period_for_day (PecanPeriodKind  kind,
                      gint32           day,
                      PecanPeriod     *period)
{
  int y, m, d, n = 1;

  pecan_day_to_ymd (day, &y, &m, &d);
  if (kind == PECAN_PERIOD_QUARTER)
    m = m - (m - 1) % 3, n = 3;
  else if (kind == PECAN_PERIOD_YEAR)
    m = 1, n = 12;
  period->first = pecan_day_from_ymd (y, m, 1);
  period->last = pecan_month_last_day (y, m + n - 1 > 12 ? 12 : m + n - 1);
}

/**
 * pecan_period_shift:
 * @period: a closed period
 * @steps: how many periods of its own length to move, back when negative
 * @shifted: (out): the period moved: by whole months when @period is made
 *   of them (so January steps to February), else by days
 *
 * Returns: %FALSE when @period is open at either end
 */
gboolean
pecan_period_shift (const PecanPeriod *period,
                    int                steps,
                    PecanPeriod       *shifted)
{
  int first, last;

  if (period->first == PECAN_DAY_MIN || period->last == PECAN_DAY_MAX)
    return FALSE;
  if (pecan_period_months (period, &first, &last))
    {
      int n = month_index (last) - month_index (first) + 1;
      int a = month_index (first) + steps * n, b = a + n - 1;

      shifted->first = pecan_day_from_ymd (a / 12, a % 12 + 1, 1);
      shifted->last = pecan_month_last_day (b / 12, b % 12 + 1);
      return TRUE;
    }
  shifted->first = period->first + steps * (period->last - period->first + 1);
  shifted->last = period->last + steps * (period->last - period->first + 1);
  return TRUE;
}

/**
 * pecan_period_previous:
 * @period: a closed period
 * @previous: (out): the period of equal length before it: as many whole
 *   months before a period of whole months, else as many days
 *
 * Returns: %FALSE when @period is open at either end
 */
gboolean
pecan_period_previous (const PecanPeriod *period,
                       PecanPeriod       *previous)
{
  return pecan_period_shift (period, -1, previous);
}

/**
 * pecan_day_today:
 *
 * Returns: the day it is where the user is, in days since 1970-01-01
 */
gint32
pecan_day_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return pecan_day_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                             g_date_time_get_day_of_month (now));
}

/**
 * pecan_day_describe:
 * @day: a day, in days since 1970-01-01
 *
 * Returns: (transfer full): the day as a person reads it, in their
 *   language: "16 March 2026"
 */
char *
pecan_day_describe (gint32 day)
{
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  pecan_day_to_ymd (day, &y, &m, &d);
  date = g_date_time_new_utc (y, m, d, 0, 0, 0);
  /* TRANSLATORS: a date for people, as g_date_time_format() writes it:
   * "22 November 2026"; "%-d. %B %Y" in German */
  return g_date_time_format (date, C_("date", "%-d %B %Y"));
}
