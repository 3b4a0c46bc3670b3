/* pecan-ui-util.c: figures, days and periods as the window shows them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown in the user's locale (digit grouping, decimal mark, month names);
 * the files' own formats never pass through here.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "pecan-parse.h"
#include "pecan-ui-util.h"

static const char *
decimal_mark (void)
{
  const char *mark = localeconv ()->decimal_point;

  return mark != NULL && *mark != '\0' ? mark : ".";
}

/* Whole units with the locale's grouping, and two decimals. */
static char *
format_cents (gint64      cents,
              const char *currency)
{
  guint64 magnitude = cents < 0 ? -(guint64) cents : (guint64) cents;

  return g_strdup_printf ("%s%'" G_GUINT64_FORMAT "%s%02u%s%s",
                          cents < 0 ? "−" : "", magnitude / 100, decimal_mark (),
                          (guint) (magnitude % 100),
                          currency != NULL ? " " : "", currency != NULL ? currency : "");
}

/**
 * pecan_ui_format_money:
 * @amount: an amount in currency units (PEC, which is derived)
 * @currency: (nullable): its currency code
 *
 * Returns: (transfer full): "1,234.56 EUR" in the user's locale
 */
char *
pecan_ui_format_money (double      amount,
                       const char *currency)
{
  return format_cents ((gint64) llround (amount * 100.0), currency);
}

/**
 * pecan_ui_format_nano:
 * @nano: an amount a file states, in nano-units
 * @currency: (nullable): its currency code
 *
 * Rounds to the cent without a float round-trip.
 *
 * Returns: (transfer full): "1,234.56 EUR" in the user's locale
 */
char *
pecan_ui_format_nano (gint64      nano,
                      const char *currency)
{
  return format_cents (pecan_nano_round_cents (nano) / 10000000, currency);
}

char *
pecan_ui_format_count (guint64 count)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, count);
}

char *
pecan_ui_format_percent (double percent)
{
  /* TRANSLATORS: a percentage; use your language's spacing and sign */
  return g_strdup_printf (_("%.1f %%"), percent);
}

/**
 * pecan_ui_format_change:
 * @now: the figure for the period
 * @before: the same figure for the previous period
 *
 * Returns: (transfer full): the change as a signed percentage, or a word
 *   when there is nothing to compare with
 */
char *
pecan_ui_format_change (double now,
                        double before)
{
  if (fabs (before) < 0.005)
    return g_strdup (fabs (now) < 0.005 ? _("no change") : _("new this period"));
  /* TRANSLATORS: the change of a figure against the previous period */
  return g_strdup_printf (_("%+.1f %% on the previous period"), 100.0 * (now - before) / fabs (before));
}

static GDateTime *
day_to_date_time (gint32 day)
{
  int y, m, d;

  pecan_day_to_ymd (day, &y, &m, &d);
  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

/* The locale's short date ("22/11/2026", "11/22/26"). */
char *
pecan_ui_format_day (gint32 day)
{
  g_autoptr(GDateTime) date = day_to_date_time (day);

  return g_date_time_format (date, "%x");
}

char *
pecan_ui_format_month (int yyyymm)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (yyyymm / 100, yyyymm % 100, 1, 0, 0, 0);

  /* TRANSLATORS: a month and its year, as strftime() formats it: "January 2026" */
  return g_date_time_format (date, C_("month", "%B %Y"));
}

/**
 * pecan_ui_format_period:
 *
 * Returns: (transfer full): "January 2026", "Q1 2026", "2026", or the first
 *   and last day of a range
 */
char *
pecan_ui_format_period (const PecanPeriod *period)
{
  g_autoptr(GDateTime) first = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (period->first == PECAN_DAY_MIN || period->last == PECAN_DAY_MAX)
    return g_strdup (_("All time"));
  first = day_to_date_time (period->first);
  switch (pecan_period_get_kind (period))
    {
    case PECAN_PERIOD_MONTH:
      return g_date_time_format (first, C_("month", "%B %Y"));
    case PECAN_PERIOD_QUARTER:
      /* TRANSLATORS: a calendar quarter and its year: "Q1 2026" */
      return g_strdup_printf (_("Q%d %d"), (g_date_time_get_month (first) + 2) / 3,
                              g_date_time_get_year (first));
    case PECAN_PERIOD_YEAR:
      return g_strdup_printf ("%d", g_date_time_get_year (first));
    case PECAN_PERIOD_RANGE:
    default:
      break;
    }
  a = pecan_ui_format_day (period->first);
  b = pecan_ui_format_day (period->last);
  /* TRANSLATORS: a range of days: "01/05/2026 – 01/20/2026" */
  return g_strdup_printf (_("%s – %s"), a, b);
}

/* Whether @c, a character of an amount typed, only groups its digits. */
static gboolean
is_blank_or_quote (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == '\''
         || c == 0x2019;
}

/**
 * pecan_ui_parse_nano:
 * @text: an amount as a person types it: "1234.50", "1,234.50",
 *   "1.234,50", "1 234,5"
 * @nano: (out): the amount, in nano-units
 *
 * Reads the digit grouping of any locale: of "." and ",", the last one is
 * the decimal mark when both occur; one alone is the decimal mark unless
 * it repeats, or it is not the locale's and three digits follow it.
 *
 * Returns: whether @text is an amount
 */
gboolean
pecan_ui_parse_nano (const char *text,
                     gint64     *nano)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autoptr(GString) number = g_string_new (NULL);
  const char *last_point, *last_comma;
  char mark = *decimal_mark () == ',' ? ',' : '.';
  char decimal = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_blank_or_quote (c))
        g_string_append_unichar (digits, c);
    }
  last_point = strrchr (digits->str, '.');
  last_comma = strrchr (digits->str, ',');
  if (last_point != NULL && last_comma != NULL)
    decimal = last_point > last_comma ? '.' : ',';
  else if (last_point != NULL || last_comma != NULL)
    {
      const char *last = last_point != NULL ? last_point : last_comma;
      char c = *last;
      gboolean once = strchr (digits->str, c) == last;
      gboolean thousands = strspn (last + 1, "0123456789") == 3 && last[4] == '\0';

      if (once && (c == mark || !thousands))
        decimal = c;
    }
  for (const char *p = digits->str; *p != '\0'; p++)
    if (*p == decimal)
      g_string_append_c (number, '.');
    else if (*p != '.' && *p != ',')
      g_string_append_c (number, *p);
  return pecan_parse_nano (number->str, number->len, PECAN_DECIMAL_POINT, nano) == PECAN_PARSE_OK;
}
