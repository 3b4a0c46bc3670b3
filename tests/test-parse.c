/* test-parse.c: tests of the parsing of amounts and dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pecan-parse.h"

#define UNTOUCHED G_GINT64_CONSTANT (-4242)

typedef struct
{
  const char *text;
  gint64      nano;
} NanoCase;

typedef struct
{
  const char *text;
  int         year, month, mday;
} DayCase;

/* Blanks and bytes beyond ASCII would garble the TAP output. */
static void
note_parsing (const char *text)
{
  g_autofree char *escaped = g_strescape (text, NULL);

  g_test_message ("parsing \"%s\"", escaped);
}

static void
check_nano_cases (const NanoCase   *cases,
                  gsize             n_cases,
                  PecanDecimalMark  mark)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      gint64 nano = UNTOUCHED;

      note_parsing (cases[i].text);
      g_assert_cmpint (pecan_parse_nano (cases[i].text, strlen (cases[i].text), mark, &nano),
                       ==, PECAN_PARSE_OK);
      g_assert_cmpint (nano, ==, cases[i].nano);
    }
}

static void
check_nano_fails (const char * const *texts,
                  PecanDecimalMark    mark,
                  PecanParseResult    expected)
{
  for (gsize i = 0; texts[i] != NULL; i++)
    {
      gint64 nano = UNTOUCHED;

      note_parsing (texts[i]);
      g_assert_cmpint (pecan_parse_nano (texts[i], strlen (texts[i]), mark, &nano),
                       ==, expected);
      g_assert_cmpint (nano, ==, UNTOUCHED);
    }
}

static void
test_nano_plain (void)
{
  static const NanoCase cases[] = {
    { "0", 0 },
    { "1", 1000000000 },
    { "42", 42000000000 },
    { "1234.56", 1234560000000 },
    { "0.000000001", 1 },
    { "0.123456789", 123456789 },
    { ".5", 500000000 },
    { "5.", 5000000000 },
    { "007.50", 7500000000 },
    { "+3.25", 3250000000 },
    { "-3.25", -3250000000 },
    { "-0", 0 },
    { "-0.0000000001", 0 },
    { "  12.5\t", 12500000000 },
    { "\r\n 7 \r\n", 7000000000 },
  };

  check_nano_cases (cases, G_N_ELEMENTS (cases), PECAN_DECIMAL_POINT);
}

static void
test_nano_scientific (void)
{
  static const NanoCase cases[] = {
    { "7.10833E-05", 71083 },
    { "0.00E+00", 0 },
    { "1E3", 1000000000000 },
    { "1e3", 1000000000000 },
    { "-1.5e-10", 0 },          /* -0.15 nano rounds to zero */
    { "-1.5e-9", -2 },          /* -1.5 nano: half to even */
    { "2.5e-9", 2 },
    { "1.23456789012e2", 123456789012 },
    { "12345E-4", 1234500000 },
    { ".5e1", 5000000000 },
    { "5.e-1", 500000000 },
    { "1e+0", 1000000000 },
    { "0e999999999999", 0 },
    { "1e-99999999999", 0 },
    { "9.223372036854775807E9", G_MAXINT64 },
  };

  check_nano_cases (cases, G_N_ELEMENTS (cases), PECAN_DECIMAL_POINT);
}

static void
test_nano_round_half_even (void)
{
  static const NanoCase cases[] = {
    { "0.0000000005", 0 },
    { "0.0000000015", 2 },
    { "0.0000000025", 2 },
    { "0.00000000250000000000000000001", 3 },
    { "0.0000000034999999", 3 },
    { "0.0000000035", 4 },
    { "-0.0000000025", -2 },
    { "-0.0000000035", -4 },
    { "1.0000000004999", 1000000000 },
    { "1.00000000051", 1000000001 },
    { "0.12345678950", 123456790 },
    { "0.12345678850", 123456788 },
    /* More digits than a guint64 holds, the rounding digit among them. */
    { "1000000000.00000000050", 1000000000000000000 },
    { "1000000000.00000000150", 1000000000000000002 },
    { "1000000000.000000000500000000001", 1000000000000000001 },
    { "1000000000.0000000004999999999999999", 1000000000000000000 },
    { "0.000000000000000000000000000000000000001", 0 },
  };

  check_nano_cases (cases, G_N_ELEMENTS (cases), PECAN_DECIMAL_POINT);
}

static void
test_nano_long_digits (void)
{
  static const NanoCase cases[] = {
    { "00000000000000000000000000000000000000001.5", 1500000000 },
    { "0.00000000000000000000000000000000000000000000000000001e50", 1000000 },
    { "123456789.123456789", 123456789123456789 },
    { "1234567890123456789012345678901234567890e-31", 123456789012345679 },
    { "1234567890123456789500000000000e-30", 1234567890 },
  };

  check_nano_cases (cases, G_N_ELEMENTS (cases), PECAN_DECIMAL_POINT);
}

static void
test_nano_range (void)
{
  static const NanoCase cases[] = {
    { "9223372036.854775807", G_MAXINT64 },
    { "-9223372036.854775808", G_MININT64 },
    { "9223372036.8547758074", G_MAXINT64 },
    { "-9223372036.8547758084999", G_MININT64 },
    { "-9223372036.8547758085", G_MININT64 },     /* half to even: ...808 */
    { "9223372036854775807e-9", G_MAXINT64 },
  };
  static const char * const overflows[] = {
    "9223372036.854775808",
    "-9223372036.854775809",
    "9223372036.8547758075",    /* rounds up past the limit */
    "-9223372036.85477580851",
    "9223372037",
    "10000000000",
    "1e10",
    "1e19",
    "1e99999999999",
    "99999999999999999999999999",
    "0.00000000001e30",
    NULL,
  };

  check_nano_cases (cases, G_N_ELEMENTS (cases), PECAN_DECIMAL_POINT);
  check_nano_fails (overflows, PECAN_DECIMAL_POINT, PECAN_PARSE_RANGE);
}

static void
test_nano_empty (void)
{
  static const char * const empty[] = { "", " ", "\t \r\n", NULL };
  gint64 nano = UNTOUCHED;

  check_nano_fails (empty, PECAN_DECIMAL_POINT, PECAN_PARSE_EMPTY);
  check_nano_fails (empty, PECAN_DECIMAL_COMMA, PECAN_PARSE_EMPTY);
  g_assert_cmpint (pecan_parse_nano (NULL, 0, PECAN_DECIMAL_POINT, &nano), ==, PECAN_PARSE_EMPTY);
  g_assert_cmpint (nano, ==, UNTOUCHED);
}

static void
test_nano_invalid (void)
{
  static const char * const invalid[] = {
    "abc", "1.2.3", "--5", "+-5", "-+5", "12abc", "1e", "1e+", "1E-", "e5", "E5", ".", "-",
    "+", "-.", ".e1", "1,234.5", "1,5", "NaN", "nan", "inf", "-inf", "Infinity", "0x10",
    "1 000", "- 5", "5-", "1e5.5", "1e5e5", "1ee5", "1.5.", "$5", "5%", "1\xc2\xa0" "0",
    NULL,
  };

  check_nano_fails (invalid, PECAN_DECIMAL_POINT, PECAN_PARSE_INVALID);
}

static void
test_nano_decimal_comma (void)
{
  static const NanoCase cases[] = {
    { "1234,56", 1234560000000 },
    { "-0,5", -500000000 },
    { ",25", 250000000 },
    { "3,", 3000000000 },
    { "7,10833E-05", 71083 },
    { "1234.56", 1234560000000 },     /* no comma: the point separates */
    { "7.10833E-05", 71083 },
    { " 42 ", 42000000000 },
  };
  static const char * const invalid[] = {
    "1.234,56", "1,234.56", "1,2,3", "1.2.3", "1,2.3", ",", ".", "1 234,5", NULL,
  };

  check_nano_cases (cases, G_N_ELEMENTS (cases), PECAN_DECIMAL_COMMA);
  check_nano_fails (invalid, PECAN_DECIMAL_COMMA, PECAN_PARSE_INVALID);
}

static void
test_nano_not_terminated (void)
{
  /* Fields of a CSV line: only the first @len bytes belong to the amount. */
  const char line[] = "12.5;99;abc";
  const char exact[4] = { '2', '.', '5', '0' };
  gint64 nano = UNTOUCHED;

  g_assert_cmpint (pecan_parse_nano (line, 4, PECAN_DECIMAL_POINT, &nano), ==, PECAN_PARSE_OK);
  g_assert_cmpint (nano, ==, 12500000000);
  g_assert_cmpint (pecan_parse_nano (line + 5, 2, PECAN_DECIMAL_POINT, &nano), ==, PECAN_PARSE_OK);
  g_assert_cmpint (nano, ==, 99000000000);
  g_assert_cmpint (pecan_parse_nano (line, 2, PECAN_DECIMAL_POINT, &nano), ==, PECAN_PARSE_OK);
  g_assert_cmpint (nano, ==, 12000000000);
  g_assert_cmpint (pecan_parse_nano (line, 0, PECAN_DECIMAL_POINT, &nano), ==, PECAN_PARSE_EMPTY);
  g_assert_cmpint (pecan_parse_nano (line, 5, PECAN_DECIMAL_POINT, &nano), ==, PECAN_PARSE_INVALID);
  g_assert_cmpint (pecan_parse_nano (exact, sizeof exact, PECAN_DECIMAL_POINT, &nano),
                   ==, PECAN_PARSE_OK);
  g_assert_cmpint (nano, ==, 2500000000);
  g_assert_cmpint (pecan_parse_nano ("-8.25", (gsize) -1, PECAN_DECIMAL_POINT, &nano),
                   ==, PECAN_PARSE_OK);
  g_assert_cmpint (nano, ==, -8250000000);
}

static void
check_day_cases (const DayCase *cases,
                 gsize          n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      gint32 day = G_MININT32;

      note_parsing (cases[i].text);
      g_assert_cmpint (pecan_parse_day (cases[i].text, strlen (cases[i].text), &day),
                       ==, PECAN_PARSE_OK);
      g_assert_cmpint (day, ==, pecan_day_from_ymd (cases[i].year, cases[i].month, cases[i].mday));
    }
}

static void
check_day_fails (const char * const *texts,
                 PecanParseResult    expected)
{
  for (gsize i = 0; texts[i] != NULL; i++)
    {
      gint32 day = G_MININT32;

      note_parsing (texts[i]);
      g_assert_cmpint (pecan_parse_day (texts[i], strlen (texts[i]), &day), ==, expected);
      g_assert_cmpint (day, ==, G_MININT32);
    }
}

static void
test_day_us (void)
{
  static const DayCase cases[] = {
    { "11/01/2025", 2025, 11, 1 },
    { "1/31/2026", 2026, 1, 31 },
    { "01/05/2026", 2026, 1, 5 },
    { "1/31/2026 12:00:00 AM", 2026, 1, 31 },
    { "1/31/2026 11:59:59 PM", 2026, 1, 31 },
    { "1/31/2026 12:00:00 am", 2026, 1, 31 },
    { "1/31/2026 12:00:00AM", 2026, 1, 31 },
    { "2/1/2019 0:00", 2019, 2, 1 },
    { "1/31/2026 23:59:59", 2026, 1, 31 },
    { "12/31/2199", 2199, 12, 31 },
    { "1/1/1900", 1900, 1, 1 },
  };

  check_day_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_day_iso (void)
{
  static const DayCase cases[] = {
    { "2026-01-31", 2026, 1, 31 },
    { "2026-1-5", 2026, 1, 5 },
    { "2026-01-31T00:00:00Z", 2026, 1, 31 },
    { "2026-01-31T00:00:00", 2026, 1, 31 },
    { "2026-01-31 00:00:00", 2026, 1, 31 },
    { "2026-01-31T00:00:00.0000000Z", 2026, 1, 31 },
    { "2026-01-31T23:59:59.9999999Z", 2026, 1, 31 },
    { "2026-01-31T23:59:59.123456789012345678901Z", 2026, 1, 31 },
    { "2026-01-31T00:00:00+01:00", 2026, 1, 31 },
    { "2026-01-31T23:30:00-05:00", 2026, 1, 31 },   /* the date as written */
    { "2026-01-31T00:00:00+0100", 2026, 1, 31 },
    { "2026-01-31T00:00", 2026, 1, 31 },
  };

  check_day_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_day_european (void)
{
  static const DayCase cases[] = {
    { "31.01.2026", 2026, 1, 31 },
    { "1.2.2026", 2026, 2, 1 },
    { "01.02.2026 00:00", 2026, 2, 1 },
    { "01.02.2026 00:00:00", 2026, 2, 1 },
    { "  29.02.2024\t", 2024, 2, 29 },
  };

  check_day_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_day_empty (void)
{
  static const char * const empty[] = { "", "   ", "\t\r\n", NULL };
  gint32 day = G_MININT32;

  check_day_fails (empty, PECAN_PARSE_EMPTY);
  g_assert_cmpint (pecan_parse_day (NULL, 0, &day), ==, PECAN_PARSE_EMPTY);
  g_assert_cmpint (day, ==, G_MININT32);
}

static void
test_day_invalid (void)
{
  static const char * const invalid[] = {
    "2/30/2026", "13/01/2026", "0/10/2026", "1/0/2026", "1/32/2026", "4/31/2026",
    "2026-13-01", "2026-00-10", "2026-02-30", "32.01.2026", "31.13.2026", "31.04.2026",
    "1/31/26", "31.01.26", "26-01-31", "20260131", "2026/01/31", "2026.01.31", "1-31-2026",
    "123/1/2026", "1/123/2026", "2026-001-01", "2026-01-001", "1/31/20260", "2026-01-31x",
    "1/31/2026 noon", "1/31/2026 12", "1/31/2026 12:", "1/31/2026 12:0", "1/31/2026 24:00",
    "1/31/2026 12:60", "1/31/2026 12:00:61", "2026-01-31T00:00:00+25:00", "1/31/2026 13:00 PM",
    "1/31/2026 0:00 AM", "1/31/2026 12:00:00 XM",
    "1/31/2026T00:00", "31.01.2026T00:00", "2026-01-31T", "2026-01-31T00:00:00ZZ",
    "2026-01-31T00:00:00.", "2026-01-31T00:00:00+1", "2026-01-31Z",
    "abc", "-", "/", "2026", "2026-01", "1/31", "1/31/", "31.01.", "\xef\xbb\xbf" "2026-01-31",
    NULL,
  };

  check_day_fails (invalid, PECAN_PARSE_INVALID);
}

static void
test_day_range (void)
{
  static const char * const out_of_range[] = {
    "12/31/1899", "1/1/2200", "1899-12-31", "2200-01-01", "31.12.1899", "01.01.2200",
    "0001-01-01", "9999-12-31", "1/1/0000",
    NULL,
  };

  check_day_fails (out_of_range, PECAN_PARSE_RANGE);
}

static void
test_day_leap (void)
{
  static const DayCase cases[] = {
    { "2024-02-29", 2024, 2, 29 },
    { "2000-02-29", 2000, 2, 29 },
    { "2/29/2024", 2024, 2, 29 },
    { "29.02.2000", 2000, 2, 29 },
  };
  static const char * const invalid[] = {
    "2026-02-29", "1900-02-29", "2100-02-29", "2/29/2026", "29.02.1900", NULL,
  };
  gint32 day;

  check_day_cases (cases, G_N_ELEMENTS (cases));
  check_day_fails (invalid, PECAN_PARSE_INVALID);
  g_assert_cmpint (pecan_day_from_ymd (2024, 3, 1) - pecan_day_from_ymd (2024, 2, 28), ==, 2);
  g_assert_cmpint (pecan_day_from_ymd (1900, 3, 1) - pecan_day_from_ymd (1900, 2, 28), ==, 1);
  g_assert_true (pecan_parse_iso_day ("2024-02-29", &day));
  g_assert_false (pecan_parse_iso_day ("2026-02-29", &day));
}

static void
test_day_not_terminated (void)
{
  const char line[] = "1/31/2026;2026-02-01T00:00:00Z;x";
  const char exact[10] = { '2', '0', '2', '6', '-', '0', '1', '-', '3', '1' };
  gint32 day = G_MININT32;

  g_assert_cmpint (pecan_parse_day (line, 9, &day), ==, PECAN_PARSE_OK);
  g_assert_cmpint (day, ==, 20484);
  g_assert_cmpint (pecan_parse_day (line + 10, 20, &day), ==, PECAN_PARSE_OK);
  g_assert_cmpint (day, ==, 20485);
  g_assert_cmpint (pecan_parse_day (line + 10, 10, &day), ==, PECAN_PARSE_OK);
  g_assert_cmpint (day, ==, 20485);
  g_assert_cmpint (pecan_parse_day (line, 8, &day), ==, PECAN_PARSE_INVALID);
  g_assert_cmpint (pecan_parse_day (line, 10, &day), ==, PECAN_PARSE_INVALID);
  g_assert_cmpint (pecan_parse_day (exact, sizeof exact, &day), ==, PECAN_PARSE_OK);
  g_assert_cmpint (day, ==, 20484);
  g_assert_cmpint (pecan_parse_day ("1/31/2026", (gsize) -1, &day), ==, PECAN_PARSE_OK);
  g_assert_cmpint (day, ==, 20484);
}

static void
test_day_known (void)
{
  int year, month, mday;

  g_assert_cmpint (pecan_day_from_ymd (1970, 1, 1), ==, 0);
  g_assert_cmpint (pecan_day_from_ymd (1969, 12, 31), ==, -1);
  g_assert_cmpint (pecan_day_from_ymd (2026, 1, 31), ==, 20484);
  g_assert_cmpint (pecan_day_from_ymd (2000, 3, 1), ==, 11017);
  g_assert_cmpint (pecan_day_from_ymd (1900, 1, 1), ==, -25567);
  g_assert_cmpint (pecan_day_from_ymd (2199, 12, 31), ==, 84005);
  g_assert_cmpint (pecan_day_from_ymd (0, 3, 1), ==, -719468);

  pecan_day_to_ymd (-25567, &year, &month, &mday);
  g_assert_cmpint (year * 10000 + month * 100 + mday, ==, 19000101);
  pecan_day_to_ymd (20484, &year, &month, &mday);
  g_assert_cmpint (year * 10000 + month * 100 + mday, ==, 20260131);
  pecan_day_to_ymd (-1, &year, &month, &mday);
  g_assert_cmpint (year * 10000 + month * 100 + mday, ==, 19691231);
}

static void
test_day_round_trip (void)
{
  gint32 expected = pecan_day_from_ymd (1900, 1, 1);

  for (int year = 1900; year <= 2199; year++)
    for (int month = 1; month <= 12; month++)
      for (int mday = 1; mday <= 31; mday++)
        {
          char text[32], buf[11];
          int y, m, d;
          gint32 day = G_MININT32, parsed = G_MININT32;
          gboolean valid = pecan_parse_iso_day ((g_snprintf (text, sizeof text, "%04d-%02d-%02d",
                                                             year, month, mday), text), &day);

          if (!valid)
            {
              g_assert_cmpint (mday, >=, 29);
              continue;
            }
          g_assert_cmpint (day, ==, expected++);
          g_assert_cmpint (pecan_day_from_ymd (year, month, mday), ==, day);
          pecan_day_to_ymd (day, &y, &m, &d);
          g_assert_cmpint (y * 10000 + m * 100 + d, ==, year * 10000 + month * 100 + mday);
          pecan_day_format (day, buf);
          g_assert_cmpstr (buf, ==, text);

          g_snprintf (text, sizeof text, "%d/%d/%d 12:00:00 AM", month, mday, year);
          g_assert_cmpint (pecan_parse_day (text, strlen (text), &parsed), ==, PECAN_PARSE_OK);
          g_assert_cmpint (parsed, ==, day);
          g_snprintf (text, sizeof text, "%02d.%02d.%04d", mday, month, year);
          g_assert_cmpint (pecan_parse_day (text, strlen (text), &parsed), ==, PECAN_PARSE_OK);
          g_assert_cmpint (parsed, ==, day);
        }

  g_assert_cmpint (expected, ==, pecan_day_from_ymd (2200, 1, 1));
}

static void
test_day_format (void)
{
  char buf[11];

  pecan_day_format (0, buf);
  g_assert_cmpstr (buf, ==, "1970-01-01");
  pecan_day_format (20484, buf);
  g_assert_cmpstr (buf, ==, "2026-01-31");
  pecan_day_format (-25567, buf);
  g_assert_cmpstr (buf, ==, "1900-01-01");
  pecan_day_format (pecan_day_from_ymd (9999, 12, 31), buf);
  g_assert_cmpstr (buf, ==, "9999-12-31");
  pecan_day_format (pecan_day_from_ymd (0, 1, 1), buf);
  g_assert_cmpstr (buf, ==, "0000-01-01");
}

static void
test_day_iso_strict (void)
{
  static const char * const invalid[] = {
    "", "2026-1-31", "2026-01-1", "2026-01-31 ", " 2026-01-31", "2026-01-31T00:00:00Z",
    "1/31/2026", "31.01.2026", "2026/01/31", "2026-13-01", "2026-00-01", "2026-01-00",
    "2026-02-29", "2026-04-31", "+026-01-31", "2026-0a-31", "20260-01-3", "2026-01-3",
    NULL,
  };
  gint32 day = G_MININT32;

  for (gsize i = 0; invalid[i] != NULL; i++)
    {
      note_parsing (invalid[i]);
      g_assert_false (pecan_parse_iso_day (invalid[i], &day));
      g_assert_cmpint (day, ==, G_MININT32);
    }

  g_assert_true (pecan_parse_iso_day ("2026-01-31", &day));
  g_assert_cmpint (day, ==, 20484);
  g_assert_true (pecan_parse_iso_day ("1970-01-01", &day));
  g_assert_cmpint (day, ==, 0);
  g_assert_true (pecan_parse_iso_day ("2300-01-01", &day));
  g_assert_cmpint (day, ==, pecan_day_from_ymd (2300, 1, 1));
}

static void
test_round_cents (void)
{
  static const gint64 cases[][2] = {
    { 0, 0 },
    { 4999999, 0 },
    { 5000000, 10000000 },
    { -4999999, 0 },
    { -5000000, -10000000 },
    { 1234565000000, 1234570000000 },
    { 1234564999999, 1234560000000 },
    { -1234565000000, -1234570000000 },
    { 10000000, 10000000 },
    { 15000000, 20000000 },
    { 25000000, 30000000 },
    { G_MAXINT64, G_GINT64_CONSTANT (9223372036850000000) },
    { G_MININT64, G_GINT64_CONSTANT (-9223372036850000000) },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (pecan_nano_round_cents (cases[i][0]), ==, cases[i][1]);
}

static void
check_format (gint64      nano,
              int         decimals,
              const char *expected)
{
  char buf[32];

  memset (buf, 'x', sizeof buf);
  pecan_nano_format (nano, decimals, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, expected);
}

static void
test_format (void)
{
  check_format (1234567890123, 2, "1234.57");
  check_format (1234567890123, 9, "1234.567890123");
  check_format (1234567890123, 0, "1235");
  check_format (1234567890123, 3, "1234.568");
  check_format (-1234567890123, 2, "-1234.57");
  check_format (0, 2, "0.00");
  check_format (0, 0, "0");
  check_format (1, 9, "0.000000001");
  check_format (-1, 9, "-0.000000001");
  check_format (-1, 2, "0.00");
  check_format (-4999999, 2, "0.00");
  check_format (-5000000, 2, "-0.01");
  check_format (5000000, 2, "0.01");
  check_format (-499999999, 0, "0");
  check_format (-500000000, 0, "-1");
  check_format (999999999, 2, "1.00");
  check_format (-999999999, 8, "-1.00000000");
  check_format (1500000000, 0, "2");
  check_format (2500000000, 0, "3");
  check_format (71083, 9, "0.000071083");
}

static void
test_format_limits (void)
{
  char buf[8];

  check_format (G_MAXINT64, 9, "9223372036.854775807");
  check_format (G_MININT64, 9, "-9223372036.854775808");
  check_format (G_MAXINT64, 0, "9223372037");
  check_format (G_MININT64, 0, "-9223372037");
  check_format (G_MAXINT64, 2, "9223372036.85");
  check_format (G_MININT64, 8, "-9223372036.85477581");

  /* Truncated to the buffer, always terminated. */
  pecan_nano_format (G_MININT64, 9, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "-922337");
  pecan_nano_format (G_MININT64, 9, buf, 1);
  g_assert_cmpstr (buf, ==, "");
}

static gint64
random_nano (void)
{
  guint64 bits = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();

  /* Small amounts too, where the decimals and the sign matter most. */
  switch (g_test_rand_int_range (0, 3))
    {
    case 0:
      return (gint64) bits;
    case 1:
      return (gint64) (bits >> 24) - (G_GINT64_CONSTANT (1) << 39);
    default:
      return g_test_rand_int_range (-2000000000, 2000000000);
    }
}

static void
test_format_property (void)
{
  static const gint64 edges[] = { 0, 1, -1, G_MAXINT64, G_MININT64, G_MAXINT64 - 1,
                                  G_MININT64 + 1, 5000000, -5000000 };
  char buf[32];

  for (int i = 0; i < 200000; i++)
    {
      gint64 nano = i < (int) G_N_ELEMENTS (edges) ? edges[i] : random_nano ();
      gint64 parsed = UNTOUCHED;

      pecan_nano_format (nano, 9, buf, sizeof buf);
      g_assert_cmpint (pecan_parse_nano (buf, strlen (buf), PECAN_DECIMAL_POINT, &parsed),
                       ==, PECAN_PARSE_OK);
      g_assert_cmpint (parsed, ==, nano);

      /* At two decimals, the text is the amount rounded to cents. */
      pecan_nano_format (nano, 2, buf, sizeof buf);
      g_assert_cmpint (pecan_parse_nano (buf, strlen (buf), PECAN_DECIMAL_POINT, &parsed),
                       ==, PECAN_PARSE_OK);
      g_assert_cmpint (parsed, ==, pecan_nano_round_cents (nano));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parse/nano/plain", test_nano_plain);
  g_test_add_func ("/parse/nano/scientific", test_nano_scientific);
  g_test_add_func ("/parse/nano/round-half-even", test_nano_round_half_even);
  g_test_add_func ("/parse/nano/long-digits", test_nano_long_digits);
  g_test_add_func ("/parse/nano/range", test_nano_range);
  g_test_add_func ("/parse/nano/empty", test_nano_empty);
  g_test_add_func ("/parse/nano/invalid", test_nano_invalid);
  g_test_add_func ("/parse/nano/decimal-comma", test_nano_decimal_comma);
  g_test_add_func ("/parse/nano/not-terminated", test_nano_not_terminated);
  g_test_add_func ("/parse/day/us", test_day_us);
  g_test_add_func ("/parse/day/iso", test_day_iso);
  g_test_add_func ("/parse/day/european", test_day_european);
  g_test_add_func ("/parse/day/empty", test_day_empty);
  g_test_add_func ("/parse/day/invalid", test_day_invalid);
  g_test_add_func ("/parse/day/range", test_day_range);
  g_test_add_func ("/parse/day/leap", test_day_leap);
  g_test_add_func ("/parse/day/not-terminated", test_day_not_terminated);
  g_test_add_func ("/parse/day/known", test_day_known);
  g_test_add_func ("/parse/day/round-trip", test_day_round_trip);
  g_test_add_func ("/parse/day/format", test_day_format);
  g_test_add_func ("/parse/day/iso-strict", test_day_iso_strict);
  g_test_add_func ("/parse/format/round-cents", test_round_cents);
  g_test_add_func ("/parse/format/nano", test_format);
  g_test_add_func ("/parse/format/limits", test_format_limits);
  g_test_add_func ("/parse/format/property", test_format_property);

  return g_test_run ();
}
