/* pecan-parse.c: locale-independent parsing of the amounts and dates of usage files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pecan-parse.h"

#include <string.h>

/* A guint64 holds every 19-digit number (10^19 - 1 < 2^64), so up to 19
 * significant digits are kept exactly; later digits only matter for their
 * position and for rounding. */
#define MAX_KEPT_DIGITS 19

/* Exponents beyond this are out of range for any non-zero mantissa; clamping
 * keeps the arithmetic on absurd exponents ("1e99999999999") from overflowing. */
#define MAX_EXPONENT 100000

#define MIN_YEAR 1900
#define MAX_YEAR 2199

static const guint64 pow10_u64[MAX_KEPT_DIGITS + 1] = {
  G_GUINT64_CONSTANT (1), G_GUINT64_CONSTANT (10),
  G_GUINT64_CONSTANT (100), G_GUINT64_CONSTANT (1000),
  G_GUINT64_CONSTANT (10000), G_GUINT64_CONSTANT (100000),
  G_GUINT64_CONSTANT (1000000), G_GUINT64_CONSTANT (10000000),
  G_GUINT64_CONSTANT (100000000), G_GUINT64_CONSTANT (1000000000),
  G_GUINT64_CONSTANT (10000000000), G_GUINT64_CONSTANT (100000000000),
  G_GUINT64_CONSTANT (1000000000000), G_GUINT64_CONSTANT (10000000000000),
  G_GUINT64_CONSTANT (100000000000000), G_GUINT64_CONSTANT (1000000000000000),
  G_GUINT64_CONSTANT (10000000000000000), G_GUINT64_CONSTANT (100000000000000000),
  G_GUINT64_CONSTANT (1000000000000000000), G_GUINT64_CONSTANT (10000000000000000000),
};

typedef struct
{
  const char *p;
  const char *end;
} Cursor;

/* The digits of a number as read: value = mant * 10^exp10, followed by the
 * digits that did not fit (first_dropped, then sticky if any is non-zero). */
typedef struct
{
  guint64  mant;
  int      n_kept;
  gint64   exp10;
  int      first_dropped;
  gboolean sticky;
} Decimal;

static inline void
cursor_init (Cursor     *c,
             const char *text,
             gsize       len)
{
  c->p = text;
  c->end = text + len;

  while (c->p < c->end && g_ascii_isspace (*c->p))
    c->p++;
  while (c->end > c->p && g_ascii_isspace (c->end[-1]))
    c->end--;
}

static inline gboolean
cursor_accept (Cursor *c,
               char    ch)
{
  if (c->p < c->end && *c->p == ch)
    {
      c->p++;
      return TRUE;
    }

  return FALSE;
}

/* Reads up to @max_digits digits; returns how many were read. The value
 * wraps (harmlessly, unsigned) past 9 digits: only skipped digits are longer. */
static inline int
cursor_read_digits (Cursor *c,
                    int     max_digits,
                    int    *value)
{
  int n = 0;
  guint v = 0;

  while (c->p < c->end && n < max_digits && g_ascii_isdigit (*c->p))
    {
      v = v * 10 + (guint) (*c->p - '0');
      c->p++;
      n++;
    }

  *value = (int) v;
  return n;
}

static inline void
decimal_push (Decimal  *d,
              int       digit,
              gboolean  in_fraction)
{
  if (d->n_kept < MAX_KEPT_DIGITS)
    {
      /* Leading zeros take no room in the mantissa, but in the fraction
       * they still move the point. */
      if (d->mant != 0 || digit != 0)
        {
          d->mant = d->mant * 10 + (guint64) digit;
          d->n_kept++;
        }
      if (in_fraction)
        d->exp10--;
      return;
    }

  if (!in_fraction)
    d->exp10++;
  if (d->first_dropped < 0)
    d->first_dropped = digit;
  else if (digit != 0)
    d->sticky = TRUE;
}

static inline gboolean
is_decimal_separator (char             ch,
                      PecanDecimalMark mark)
{
  /* With the comma mark a point is accepted too, as files mix them; only
   * one separator is ever accepted, so "1.234,5" stays invalid. */
  return ch == '.' || (ch == ',' && mark == PECAN_DECIMAL_COMMA);
}

static gboolean
scan_mantissa (Cursor           *c,
               PecanDecimalMark  mark,
               Decimal          *d)
{
  gboolean in_fraction = FALSE;
  gboolean any_digit = FALSE;

  for (; c->p < c->end; c->p++)
    {
      char ch = *c->p;

      if (g_ascii_isdigit (ch))
        {
          decimal_push (d, ch - '0', in_fraction);
          any_digit = TRUE;
        }
      else if (!in_fraction && is_decimal_separator (ch, mark))
        in_fraction = TRUE;
      else
        break;
    }

  return any_digit;
}

static gboolean
scan_exponent (Cursor *c,
               gint64 *exponent)
{
  gboolean negative = FALSE;
  gint64 e = 0;
  int digit;

  *exponent = 0;
  if (!cursor_accept (c, 'e') && !cursor_accept (c, 'E'))
    return TRUE;

  if (cursor_accept (c, '-'))
    negative = TRUE;
  else
    cursor_accept (c, '+');

  if (c->p == c->end || !g_ascii_isdigit (*c->p))
    return FALSE;

  for (; c->p < c->end && g_ascii_isdigit (*c->p); c->p++)
    {
      digit = *c->p - '0';
      e = MIN (e * 10 + digit, MAX_EXPONENT);
    }

  *exponent = negative ? -e : e;
  return TRUE;
}

/* Rounds half to even the digits below the nano-unit: @shift is the power
 * of ten that turns the mantissa into nano-units. */
static guint64
decimal_round_nano (const Decimal *d,
                    gint64         shift)
{
  gboolean below_nonzero = d->first_dropped > 0 || d->sticky;
  guint64 q, r, half;

  if (shift == 0)
    {
      q = d->mant;
      if (d->first_dropped > 5 || (d->first_dropped == 5 && (d->sticky || (q & 1))))
        q++;
      return q;
    }

  /* A mantissa below 10^19 is less than half of 10^20 or more: it rounds
   * to zero, and the power of ten would not fit. */
  if (-shift > MAX_KEPT_DIGITS)
    return 0;

  q = d->mant / pow10_u64[-shift];
  r = d->mant % pow10_u64[-shift];
  half = pow10_u64[-shift] / 2;
  if (r > half || (r == half && (below_nonzero || (q & 1))))
    q++;

  return q;
}

static PecanParseResult
decimal_to_nano (const Decimal *d,
                 gboolean       negative,
                 gint64        *out_nano)
{
  guint64 limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;
  gint64 shift = d->exp10 + 9;
  guint64 mag;

  if (d->mant == 0)
    mag = 0;
  else if (shift > 0)
    {
      if (shift > MAX_KEPT_DIGITS || d->mant > limit / pow10_u64[shift])
        return PECAN_PARSE_RANGE;
      mag = d->mant * pow10_u64[shift];
    }
  else
    mag = decimal_round_nano (d, shift);

  if (mag > limit)
    return PECAN_PARSE_RANGE;

  /* Negating through mag - 1 keeps G_MININT64 from overflowing. */
  *out_nano = (negative && mag != 0) ? -(gint64) (mag - 1) - 1 : (gint64) mag;
  return PECAN_PARSE_OK;
}

/**
 * pecan_parse_nano:
 * @text: the text of the amount, not necessarily NUL-terminated
 * @len: the length of @text in bytes, or -1 if @text is NUL-terminated
 * @mark: the decimal separator of the file
 * @out_nano: (out): return location for the amount in nano-units
 *
 * Parses a decimal amount, with an optional sign, decimal separator and
 * exponent ("7.10833E-05"), exactly: digits beyond the ninth decimal are
 * rounded half to even. On failure @out_nano is left untouched.
 *
 * Returns: %PECAN_PARSE_OK, or why the text is not an amount
 */
PecanParseResult
pecan_parse_nano (const char       *text,
                  gsize             len,
                  PecanDecimalMark  mark,
                  gint64           *out_nano)
{
  Decimal d = { 0, 0, 0, -1, FALSE };
  gboolean negative = FALSE;
  gint64 exponent;
  Cursor c;

  g_return_val_if_fail (text != NULL || len == 0, PECAN_PARSE_INVALID);
  g_return_val_if_fail (out_nano != NULL, PECAN_PARSE_INVALID);

  if (len == 0)
    return PECAN_PARSE_EMPTY;
  if (len == (gsize) -1)
    len = strlen (text);

  cursor_init (&c, text, len);
  if (c.p == c.end)
    return PECAN_PARSE_EMPTY;

  if (cursor_accept (&c, '-'))
    negative = TRUE;
  else
    cursor_accept (&c, '+');

  if (!scan_mantissa (&c, mark, &d) || !scan_exponent (&c, &exponent) || c.p != c.end)
    return PECAN_PARSE_INVALID;

  d.exp10 += exponent;
  return decimal_to_nano (&d, negative, out_nano);
}

static inline gboolean
is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static gboolean
is_valid_date (int year,
               int month,
               int mday)
{
  static const int days_in_month[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int last;

  if (month < 1 || month > 12 || mday < 1)
    return FALSE;

  last = days_in_month[month - 1] + (month == 2 && is_leap_year (year));
  return mday <= last;
}

/* Reads exactly two digits. */
static inline gboolean
cursor_read_2 (Cursor *c,
               int    *value)
{
  return cursor_read_digits (c, 2, value) == 2;
}

static gboolean
skip_meridiem (Cursor *c)
{
  const char *start = c->p;

  while (c->p < c->end && *c->p == ' ')
    c->p++;

  if (c->end - c->p >= 2
      && (g_ascii_toupper (c->p[0]) == 'A' || g_ascii_toupper (c->p[0]) == 'P')
      && g_ascii_toupper (c->p[1]) == 'M')
    {
      c->p += 2;
      return TRUE;
    }

  c->p = start;
  return FALSE;
}

/* Skips "Z", "+01:00", "-0500" or "+01", as ISO 8601 times end. */
static gboolean
skip_zone (Cursor *c)
{
  int hours, minutes = 0;

  if (cursor_accept (c, 'Z'))
    return TRUE;
  if (!cursor_accept (c, '+') && !cursor_accept (c, '-'))
    return TRUE;
  if (!cursor_read_2 (c, &hours))
    return FALSE;
  if (cursor_accept (c, ':') && !cursor_read_2 (c, &minutes))
    return FALSE;
  if (c->p < c->end && g_ascii_isdigit (*c->p) && !cursor_read_2 (c, &minutes))
    return FALSE;

  return hours <= 14 && minutes <= 59;
}

/* The time is ignored (the calendar date as written is the usage day), but
 * it must look like one so that a mangled cell is not taken for a date. */
static gboolean
skip_time (Cursor *c)
{
  int hour, minute, second = 0, fraction;
  gboolean meridiem;

  if (cursor_read_digits (c, 2, &hour) == 0
      || !cursor_accept (c, ':')
      || !cursor_read_2 (c, &minute))
    return FALSE;
  if (cursor_accept (c, ':') && !cursor_read_2 (c, &second))
    return FALSE;
  if (cursor_accept (c, '.') && cursor_read_digits (c, G_MAXINT, &fraction) == 0)
    return FALSE;

  meridiem = skip_meridiem (c);
  if (!skip_zone (c) || c->p != c->end)
    return FALSE;

  return (meridiem ? hour >= 1 && hour <= 12 : hour <= 23) && minute <= 59 && second <= 60;
}

/* Reads the date as US "m/d/yyyy", ISO "yyyy-m-d" or European "d.m.yyyy". */
static gboolean
read_date (Cursor   *c,
           int      *year,
           int      *month,
           int      *mday,
           gboolean *iso)
{
  int first;
  int n = cursor_read_digits (c, 4, &first);

  *iso = n == 4 && cursor_accept (c, '-');
  if (*iso)
    {
      *year = first;
      return cursor_read_digits (c, 2, month) > 0
             && cursor_accept (c, '-')
             && cursor_read_digits (c, 2, mday) > 0;
    }

  if (n < 1 || n > 2)
    return FALSE;

  if (cursor_accept (c, '/'))
    {
      *month = first;
      return cursor_read_digits (c, 2, mday) > 0
             && cursor_accept (c, '/')
             && cursor_read_digits (c, 4, year) == 4;
    }

  if (cursor_accept (c, '.'))
    {
      *mday = first;
      return cursor_read_digits (c, 2, month) > 0
             && cursor_accept (c, '.')
             && cursor_read_digits (c, 4, year) == 4;
    }

  return FALSE;
}

/* Skips what may follow the date: nothing, or blanks and a time; only ISO
 * dates take a 'T' instead of the blanks. */
static gboolean
skip_date_time (Cursor   *c,
                gboolean  iso)
{
  if (c->p == c->end)
    return TRUE;

  if (!(iso && cursor_accept (c, 'T')))
    {
      if (*c->p != ' ')
        return FALSE;
      while (c->p < c->end && *c->p == ' ')
        c->p++;
    }

  return skip_time (c);
}

/**
 * pecan_parse_day:
 * @text: the text of the date, not necessarily NUL-terminated
 * @len: the length of @text in bytes, or -1 if @text is NUL-terminated
 * @out_day: (out): return location for the days since 1970-01-01
 *
 * Parses a date as usage files state it: "1/31/2026", "1/31/2026 12:00:00 AM",
 * "2026-01-31", "2026-01-31T00:00:00.0000000Z" or "31.01.2026". A time is
 * checked but ignored: the calendar date as written is the day. On failure
 * @out_day is left untouched.
 *
 * Returns: %PECAN_PARSE_OK, or why the text is not a date; years outside
 *   1900..2199 are %PECAN_PARSE_RANGE
 */
PecanParseResult
pecan_parse_day (const char *text,
                 gsize       len,
                 gint32     *out_day)
{
  int year, month, mday;
  gboolean iso;
  Cursor c;

  g_return_val_if_fail (text != NULL || len == 0, PECAN_PARSE_INVALID);
  g_return_val_if_fail (out_day != NULL, PECAN_PARSE_INVALID);

  if (len == 0)
    return PECAN_PARSE_EMPTY;
  if (len == (gsize) -1)
    len = strlen (text);

  cursor_init (&c, text, len);
  if (c.p == c.end)
    return PECAN_PARSE_EMPTY;

  if (!read_date (&c, &year, &month, &mday, &iso) || !skip_date_time (&c, iso))
    return PECAN_PARSE_INVALID;

  if (!is_valid_date (year, month, mday))
    return PECAN_PARSE_INVALID;
  if (year < MIN_YEAR || year > MAX_YEAR)
    return PECAN_PARSE_RANGE;

  *out_day = pecan_day_from_ymd (year, month, mday);
  return PECAN_PARSE_OK;
}

/**
 * pecan_day_from_ymd:
 * @year: the year, proleptic Gregorian
 * @month: the month, 1..12
 * @mday: the day of the month, 1..31
 *
 * Counts the days from 1970-01-01 to a date (Howard Hinnant's
 * days_from_civil).
 *
 * Returns: the days since 1970-01-01, negative before it
 */
gint32
pecan_day_from_ymd (int year,
                    int month,
                    int mday)
{
  gint64 y = (gint64) year - (month <= 2);
  gint64 era, yoe, doy, doe;

  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + mday - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return (gint32) (era * 146097 + doe - 719468);
}

/**
 * pecan_day_to_ymd:
 * @day: the days since 1970-01-01
 * @year: (out): return location for the year
 * @month: (out): return location for the month, 1..12
 * @mday: (out): return location for the day of the month, 1..31
 *
 * Converts a day count back to its date (Howard Hinnant's civil_from_days).
 */
void
pecan_day_to_ymd (gint32  day,
                  int    *year,
                  int    *month,
                  int    *mday)
{
  gint64 z = (gint64) day + 719468;
  gint64 era, doe, yoe, doy, mp;

  g_return_if_fail (year != NULL && month != NULL && mday != NULL);

  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;

  *mday = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = (int) (mp < 10 ? mp + 3 : mp - 9);
  *year = (int) (yoe + era * 400 + (*month <= 2));
}

static inline void
put_digits (char *buf,
            int   value,
            int   n_digits)
{
  for (int i = n_digits - 1; i >= 0; i--)
    {
      buf[i] = (char) ('0' + value % 10);
      value /= 10;
    }
}

/**
 * pecan_day_format:
 * @day: the days since 1970-01-01, of a year in 0..9999
 * @buf: (out caller-allocates): return location for "YYYY-MM-DD"
 *
 * Formats a day as an ISO 8601 date, NUL-terminated. A day whose year has
 * no 4-digit form gives an empty string.
 */
void
pecan_day_format (gint32 day,
                  char   buf[11])
{
  int year, month, mday;

  g_return_if_fail (buf != NULL);

  buf[0] = '\0';
  pecan_day_to_ymd (day, &year, &month, &mday);
  g_return_if_fail (year >= 0 && year <= 9999);

  put_digits (buf, year, 4);
  buf[4] = '-';
  put_digits (buf + 5, month, 2);
  buf[7] = '-';
  put_digits (buf + 8, mday, 2);
  buf[10] = '\0';
}

/**
 * pecan_parse_iso_day:
 * @text: a NUL-terminated "YYYY-MM-DD", as given on the command line
 * @out_day: (out): return location for the days since 1970-01-01
 *
 * Parses exactly "YYYY-MM-DD", nothing around it, as an existing date of a
 * year 0000..9999. On failure @out_day is left untouched.
 *
 * Returns: %TRUE if @text is such a date
 */
gboolean
pecan_parse_iso_day (const char *text,
                     gint32     *out_day)
{
  int year = 0, month = 0, mday = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_day != NULL, FALSE);

  /* Checking every position first also keeps the reads within the string. */
  for (int i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7 ? text[i] != '-' : !g_ascii_isdigit (text[i]))
        return FALSE;
    }
  if (text[10] != '\0')
    return FALSE;

  for (int i = 0; i < 4; i++)
    year = year * 10 + (text[i] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  mday = (text[8] - '0') * 10 + (text[9] - '0');
  if (!is_valid_date (year, month, mday))
    return FALSE;

  *out_day = pecan_day_from_ymd (year, month, mday);
  return TRUE;
}

/**
 * pecan_nano_round_cents:
 * @nano: an amount in nano-units
 *
 * Rounds an amount to cents, half away from zero.
 *
 * Returns: @nano rounded to a multiple of 10^7
 */
gint64
pecan_nano_round_cents (gint64 nano)
{
  const gint64 cent = G_GINT64_CONSTANT (10000000);
  gint64 q = nano / cent;
  gint64 r = nano % cent;

  /* The limits of gint64 have remainders below half a cent, so the
   * rounding away from zero never overflows. */
  if (r >= cent / 2)
    q++;
  else if (r <= -cent / 2)
    q--;

  return q * cent;
}

/**
 * pecan_nano_format:
 * @nano: an amount in nano-units
 * @decimals: the decimals to show, 0..9
 * @buf: (out caller-allocates): return location for the text
 * @buf_len: the size of @buf; 22 bytes hold any amount
 *
 * Formats an amount with a '.' separator and no grouping, rounded half away
 * from zero; an amount that rounds to zero has no sign. The text is
 * truncated to @buf_len - 1 bytes and always NUL-terminated.
 */
void
pecan_nano_format (gint64  nano,
                   int     decimals,
                   char   *buf,
                   gsize   buf_len)
{
  char tmp[24];
  char *p = tmp + sizeof tmp;
  guint64 mag, unit, q, r, frac;
  gboolean show_sign;
  gsize n;

  g_return_if_fail (buf != NULL && buf_len > 0);
  g_return_if_fail (decimals >= 0 && decimals <= 9);

  /* Through -(nano + 1) the magnitude of G_MININT64 fits. */
  mag = nano < 0 ? (guint64) -(nano + 1) + 1 : (guint64) nano;
  unit = pow10_u64[9 - decimals];
  q = mag / unit;
  r = mag % unit;
  if (r >= unit - r)
    q++;
  show_sign = nano < 0 && q != 0;

  frac = q % pow10_u64[decimals];
  q /= pow10_u64[decimals];
  for (int i = 0; i < decimals; i++, frac /= 10)
    *--p = (char) ('0' + frac % 10);
  if (decimals > 0)
    *--p = '.';
  do
    *--p = (char) ('0' + q % 10);
  while ((q /= 10) != 0);
  if (show_sign)
    *--p = '-';

  n = MIN ((gsize) (tmp + sizeof tmp - p), buf_len - 1);
  memcpy (buf, p, n);
  buf[n] = '\0';
}
