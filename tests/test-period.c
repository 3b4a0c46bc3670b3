/* test-period.c: parsing, naming and stepping through periods
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pecan-parse.h"
#include "pecan-period.h"

static const PecanPeriod period_all = { PECAN_DAY_MIN, PECAN_DAY_MAX };

static gint32
day (int year,
     int month,
     int mday)
{
  return pecan_day_from_ymd (year, month, mday);
}

static void
test_period_parse (void)
{
  static const char * const invalid[] = {
    "", "202", "20260", "2026-13", "2026-00", "26-01", "2026-1", "2026-02-30", "2026/01", "January",
    "2026-01:", ":2026-01", "2026-03:2026-01", "2026-01:2026-02:2026-03", "2026-0x",
    "2026-Q0", "2026-Q5", "2026-Q", "2026-Q1x", "2026-Q2:2026-Q1", NULL
  };
  PecanPeriod period;

  g_assert_true (pecan_period_parse ("2026-01", &period));
  g_assert_cmpint (period.first, ==, day (2026, 1, 1));
  g_assert_cmpint (period.last, ==, day (2026, 1, 31));

  g_assert_true (pecan_period_parse ("2026-01:2026-03", &period));
  g_assert_cmpint (period.first, ==, day (2026, 1, 1));
  g_assert_cmpint (period.last, ==, day (2026, 3, 31));

  g_assert_true (pecan_period_parse ("2024-02", &period));
  g_assert_cmpint (period.last - period.first + 1, ==, 29);

  g_assert_true (pecan_period_parse ("2025-12:2026-01", &period));
  g_assert_cmpint (period.first, ==, day (2025, 12, 1));
  g_assert_cmpint (period.last, ==, day (2026, 1, 31));

  g_assert_true (pecan_period_parse ("2026-Q1", &period));
  g_assert_cmpint (period.first, ==, day (2026, 1, 1));
  g_assert_cmpint (period.last, ==, day (2026, 3, 31));

  g_assert_true (pecan_period_parse ("2025-q4", &period));
  g_assert_cmpint (period.first, ==, day (2025, 10, 1));
  g_assert_cmpint (period.last, ==, day (2025, 12, 31));

  g_assert_true (pecan_period_parse ("2025-Q3:2026-Q1", &period));
  g_assert_cmpint (period.first, ==, day (2025, 7, 1));
  g_assert_cmpint (period.last, ==, day (2026, 3, 31));

  g_assert_true (pecan_period_parse ("2026-Q1:2026-05", &period));
  g_assert_cmpint (period.last, ==, day (2026, 5, 31));

  for (guint i = 0; invalid[i] != NULL; i++)
    {
      g_test_message ("invalid period “%s”", invalid[i]);
      g_assert_false (pecan_period_parse (invalid[i], &period));
    }
}

static void
check_previous (const PecanPeriod *period,
                gint32             first,
                gint32             last)
{
  PecanPeriod previous = { 0, 0 };

  g_assert_true (pecan_period_previous (period, &previous));
  g_assert_cmpint (previous.first, ==, first);
  g_assert_cmpint (previous.last, ==, last);
}

static void
test_period_previous (void)
{
  PecanPeriod period, previous = { 7, 7 };

  /* Whole months: as many whole months before, whatever their lengths. */
  g_assert_true (pecan_period_parse ("2026-03", &period));
  check_previous (&period, day (2026, 2, 1), day (2026, 2, 28));
  g_assert_true (pecan_period_parse ("2026-01", &period));
  check_previous (&period, day (2025, 12, 1), day (2025, 12, 31));
  g_assert_true (pecan_period_parse ("2024-03", &period));
  check_previous (&period, day (2024, 2, 1), day (2024, 2, 29));
  g_assert_true (pecan_period_parse ("2026-01:2026-03", &period));
  check_previous (&period, day (2025, 10, 1), day (2025, 12, 31));
  g_assert_true (pecan_period_parse ("2025-11:2026-02", &period));
  check_previous (&period, day (2025, 7, 1), day (2025, 10, 31));

  /* Other ranges: as many days before. */
  period = (PecanPeriod) { day (2026, 1, 11), day (2026, 1, 20) };
  check_previous (&period, day (2026, 1, 1), day (2026, 1, 10));
  period = (PecanPeriod) { day (2026, 3, 1), day (2026, 3, 10) };
  check_previous (&period, day (2026, 2, 19), day (2026, 2, 28));
  period = (PecanPeriod) { day (2026, 1, 15), day (2026, 1, 15) };
  check_previous (&period, day (2026, 1, 14), day (2026, 1, 14));

  /* Open periods have no previous one. */
  period = (PecanPeriod) { PECAN_DAY_MIN, day (2026, 1, 31) };
  g_assert_false (pecan_period_previous (&period, &previous));
  period = (PecanPeriod) { day (2026, 1, 1), PECAN_DAY_MAX };
  g_assert_false (pecan_period_previous (&period, &previous));
  g_assert_false (pecan_period_previous (&period_all, &previous));
  g_assert_cmpint (previous.first, ==, 7);
}

static void
test_period_years_and_days (void)
{
  PecanPeriod period;

  g_assert_true (pecan_period_parse ("2026", &period));
  g_assert_cmpint (period.first, ==, day (2026, 1, 1));
  g_assert_cmpint (period.last, ==, day (2026, 12, 31));

  g_assert_true (pecan_period_parse ("2026-01-15", &period));
  g_assert_cmpint (period.first, ==, day (2026, 1, 15));
  g_assert_cmpint (period.last, ==, day (2026, 1, 15));

  g_assert_true (pecan_period_parse ("2026-01-05:2026-02-20", &period));
  g_assert_cmpint (period.first, ==, day (2026, 1, 5));
  g_assert_cmpint (period.last, ==, day (2026, 2, 20));

  g_assert_true (pecan_period_parse ("2025:2026-Q1", &period));
  g_assert_cmpint (period.first, ==, day (2025, 1, 1));
  g_assert_cmpint (period.last, ==, day (2026, 3, 31));
}

static void
test_period_kind_and_text (void)
{
  static const struct
  {
    const char      *text;
    PecanPeriodKind  kind;
  } cases[] = {
    { "2026-02", PECAN_PERIOD_MONTH },
    { "2026-Q2", PECAN_PERIOD_QUARTER },
    { "2026", PECAN_PERIOD_YEAR },
    { "2026-02:2026-04", PECAN_PERIOD_RANGE },
    { "2025-07:2026-06", PECAN_PERIOD_RANGE },
    { "2026-01-05:2026-01-20", PECAN_PERIOD_RANGE },
    { "2026-01-01:2026-01-30", PECAN_PERIOD_RANGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PecanPeriod period, again;
      g_autofree char *text = NULL;

      g_assert_true (pecan_period_parse (cases[i].text, &period));
      g_assert_cmpint (pecan_period_get_kind (&period), ==, cases[i].kind);
      text = pecan_period_to_string (&period);
      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_true (pecan_period_parse (text, &again));
      g_assert_cmpint (again.first, ==, period.first);
      g_assert_cmpint (again.last, ==, period.last);
    }
  g_assert_cmpint (pecan_period_get_kind (&period_all), ==, PECAN_PERIOD_RANGE);
}

static void
test_period_for_day (void)
{
  PecanPeriod period;

  pecan_period_for_day (PECAN_PERIOD_MONTH, day (2024, 2, 17), &period);
  g_assert_cmpint (period.first, ==, day (2024, 2, 1));
  g_assert_cmpint (period.last, ==, day (2024, 2, 29));
  pecan_period_for_day (PECAN_PERIOD_QUARTER, day (2026, 12, 31), &period);
  g_assert_cmpint (period.first, ==, day (2026, 10, 1));
  g_assert_cmpint (period.last, ==, day (2026, 12, 31));
  pecan_period_for_day (PECAN_PERIOD_QUARTER, day (2026, 4, 1), &period);
  g_assert_cmpint (period.first, ==, day (2026, 4, 1));
  g_assert_cmpint (period.last, ==, day (2026, 6, 30));
  pecan_period_for_day (PECAN_PERIOD_YEAR, day (2026, 7, 4), &period);
  g_assert_cmpint (period.first, ==, day (2026, 1, 1));
  g_assert_cmpint (period.last, ==, day (2026, 12, 31));
}

static void
check_shift (const char *from,
             int         steps,
             const char *expected)
{
  PecanPeriod period, shifted;
  g_autofree char *text = NULL;

  g_assert_true (pecan_period_parse (from, &period));
  g_assert_true (pecan_period_shift (&period, steps, &shifted));
  text = pecan_period_to_string (&shifted);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_period_shift (void)
{
  PecanPeriod shifted;

  check_shift ("2026-01", 1, "2026-02");
  check_shift ("2026-01", -1, "2025-12");
  check_shift ("2026-12", 1, "2027-01");
  check_shift ("2026-03", -14, "2025-01");
  check_shift ("2026-Q4", 1, "2027-Q1");
  check_shift ("2026-Q1", -1, "2025-Q4");
  check_shift ("2026", -1, "2025");
  check_shift ("2026-02:2026-04", 1, "2026-05:2026-07");
  check_shift ("2026-01-05:2026-01-14", 1, "2026-01-15:2026-01-24");
  check_shift ("2026-03-01:2026-03-10", -1, "2026-02-19:2026-02-28");
  g_assert_false (pecan_period_shift (&period_all, 1, &shifted));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/parse", test_period_parse);
  g_test_add_func ("/period/years-and-days", test_period_years_and_days);
  g_test_add_func ("/period/previous", test_period_previous);
  g_test_add_func ("/period/kind-and-text", test_period_kind_and_text);
  g_test_add_func ("/period/for-day", test_period_for_day);
  g_test_add_func ("/period/shift", test_period_shift);

  return g_test_run ();
}
