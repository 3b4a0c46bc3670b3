/* test-ticks.c: round numbers for the value axis of a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>
#include <math.h>

#include "pecan-ticks.h"

static void
check_ticks (double min,
             double max,
             guint  max_ticks,
             double axis_min,
             double axis_max,
             double step,
             guint  count,
             guint  decimals)
{
  PecanTicks ticks;

  g_test_message ("ticks for %g to %g in %u", min, max, max_ticks);
  g_assert_true (pecan_ticks_compute (min, max, max_ticks, &ticks));
  g_assert_cmpfloat_with_epsilon (ticks.min, axis_min, step * 1e-9);
  g_assert_cmpfloat_with_epsilon (ticks.max, axis_max, step * 1e-9);
  g_assert_cmpfloat_with_epsilon (ticks.step, step, step * 1e-9);
  g_assert_cmpuint (ticks.count, ==, count);
  g_assert_cmpuint (ticks.decimals, ==, decimals);
}

static void
test_ticks_positive (void)
{
  check_ticks (0, 100, 6, 0, 100, 20, 6, 0);
  check_ticks (0, 1234.56, 6, 0, 1500, 500, 4, 0);
  check_ticks (0, 1234.56, 12, 0, 1400, 200, 8, 0);
  check_ticks (0, 99, 6, 0, 100, 20, 6, 0);
  check_ticks (0, 101, 6, 0, 150, 50, 4, 0);
  check_ticks (0, 7, 8, 0, 7, 1, 8, 0);
  check_ticks (0, 1, 3, 0, 1, 0.5, 3, 1);
  check_ticks (0, 0.75, 5, 0, 0.8, 0.2, 5, 1);
  check_ticks (0, 0.0003, 5, 0, 0.0003, 0.0001, 4, 4);
  check_ticks (0, 3.2e12, 5, 0, 4e12, 1e12, 5, 0);
  check_ticks (0, 3e-300, 4, 0, 3e-300, 1e-300, 4, 300);
}

static void
test_ticks_zero_included (void)
{
  /* Bars grow from zero, so the axis reaches down to it. */
  check_ticks (800, 1000, 6, 0, 1000, 200, 6, 0);
  check_ticks (5, 5, 6, 0, 5, 1, 6, 0);
  check_ticks (1000, 0, 6, 0, 1000, 200, 6, 0);
}

static void
test_ticks_all_zero (void)
{
  check_ticks (0, 0, 6, 0, 1, 0.2, 6, 1);
  check_ticks (-0.0, 0, 2, 0, 1, 1, 2, 0);
}

static void
test_ticks_negative (void)
{
  PecanTicks ticks;

  check_ticks (-250, -10, 6, -250, 0, 50, 6, 0);
  check_ticks (-30, 70, 6, -50, 100, 50, 4, 0);
  check_ticks (-30, 70, 12, -30, 70, 10, 11, 0);
  check_ticks (-0.5, 0.5, 3, -0.5, 0.5, 0.5, 3, 1);
  check_ticks (-0.4, 0.6, 3, -1, 1, 1, 3, 0);

  /* Zero is a tick between the two signs, so two ticks cannot do. */
  g_assert_false (pecan_ticks_compute (-1, 1, 2, &ticks));
  g_assert_true (pecan_ticks_compute (-1, 1, 3, &ticks));
  g_assert_cmpfloat (pecan_ticks_get_value (&ticks, 1), ==, 0.0);
}

static void
test_ticks_rounding_noise (void)
{
  /* A sum a hair above a round number does not earn a tick of its own. */
  check_ticks (0, 0.1 + 0.2, 4, 0, 0.3, 0.1, 4, 1);
  check_ticks (0, 100.1 + 199.9, 4, 0, 300, 100, 4, 0);
  check_ticks (0, 3 * 0.1 * 1000, 4, 0, 300, 100, 4, 0);
}

static void
test_ticks_invalid (void)
{
  PecanTicks ticks = { 42, 42, 42, 42, 42 };

  g_assert_false (pecan_ticks_compute (NAN, 1, 6, &ticks));
  g_assert_false (pecan_ticks_compute (0, NAN, 6, &ticks));
  g_assert_false (pecan_ticks_compute (0, INFINITY, 6, &ticks));
  g_assert_false (pecan_ticks_compute (-INFINITY, 0, 6, &ticks));
  g_assert_false (pecan_ticks_compute (0, 1, 0, &ticks));
  g_assert_false (pecan_ticks_compute (0, 1, 1, &ticks));
  g_assert_false (pecan_ticks_compute (-DBL_MAX, DBL_MAX, 6, &ticks));
  g_assert_false (pecan_ticks_compute (0, DBL_MAX, 6, &ticks));
  g_assert_false (pecan_ticks_compute (0, DBL_TRUE_MIN, 6, &ticks));

  /* A failure leaves the ticks as they were. */
  g_assert_cmpfloat (ticks.min, ==, 42);
  g_assert_cmpuint (ticks.count, ==, 42);
}

static void
test_ticks_values (void)
{
  PecanTicks ticks;

  g_assert_true (pecan_ticks_compute (-0.3, 0.7, 12, &ticks));
  g_assert_cmpuint (ticks.count, ==, 11);
  g_assert_cmpfloat_with_epsilon (pecan_ticks_get_value (&ticks, 0), -0.3, 1e-12);
  g_assert_cmpfloat (pecan_ticks_get_value (&ticks, 3), ==, 0.0);
  g_assert_false (signbit (pecan_ticks_get_value (&ticks, 3)));
  g_assert_cmpfloat_with_epsilon (pecan_ticks_get_value (&ticks, 10), 0.7, 1e-12);
}

static double
step_mantissa (double step)
{
  return step / pow (10.0, floor (log10 (step) + 1e-9));
}

/* 1, 2 or 5 times a power of ten, and the decimals that print it. */
static void
assert_round_step (const PecanTicks *ticks)
{
  int k = (int) floor (log10 (ticks->step) + 1e-9);
  double mantissa = step_mantissa (ticks->step);

  g_assert_true (fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9
                 || fabs (mantissa - 5) < 1e-9);
  g_assert_cmpuint (ticks->decimals, ==, k < 0 ? (guint) -k : 0);
}

/* How many ticks a step needs, rounding out as pecan_ticks_compute() does. */
static double
ticks_needed (double min,
              double max,
              double step)
{
  double slack = 1e-9 * MAX (fabs (min), fabs (max));

  return ceil ((max - slack) / step) - floor ((min + slack) / step) + 1;
}

static void
check_properties (double min,
                  double max,
                  guint  max_ticks)
{
  PecanTicks ticks;
  double lo = MIN (MIN (min, max), 0);
  double hi = MAX (MAX (min, max), 0);
  double slack;
  double smaller;

  if (!pecan_ticks_compute (min, max, max_ticks, &ticks))
    {
      /* Only zero between two signs, with no room for three ticks. */
      g_assert_cmpuint (max_ticks, ==, 2);
      g_assert_cmpfloat (lo, <, 0);
      g_assert_cmpfloat (hi, >, 0);
      return;
    }

  slack = 1e-8 * MAX (fabs (lo), fabs (hi));
  assert_round_step (&ticks);
  g_assert_cmpuint (ticks.count, >=, 2);
  g_assert_cmpuint (ticks.count, <=, max_ticks);
  g_assert_cmpfloat (ticks.min, <=, lo + slack);
  g_assert_cmpfloat (ticks.max, >=, hi - slack);
  g_assert_cmpfloat (ticks.min, <=, 0);
  g_assert_cmpfloat (ticks.max, >=, 0);
  g_assert_cmpfloat_with_epsilon ((ticks.max - ticks.min) / ticks.step, ticks.count - 1, 1e-6);

  /* No round step below it would have done: the ticks are as fine as fit.
   * Below 5 comes 2, below 2 comes 1, below 1 comes 0.5. */
  smaller = ticks.step / (fabs (step_mantissa (ticks.step) - 5) < 1e-9 ? 2.5 : 2.0);
  if (hi - lo > 0)
    g_assert_cmpfloat (ticks_needed (lo, hi, smaller), >, max_ticks);
}

static void
test_ticks_properties (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);

  for (guint i = 0; i < 20000; i++)
    {
      double scale = pow (10.0, g_rand_int_range (rand, -12, 16));
      double a = g_rand_double_range (rand, -1, 1) * scale;
      double b = g_rand_double_range (rand, -1, 1) * scale;
      guint max_ticks = g_rand_int_range (rand, 2, 16);

      /* Most charts hold positive figures only. */
      if (i % 2 == 0)
        {
          a = fabs (a);
          b = fabs (b);
        }
      check_properties (a, b, max_ticks);
    }
}

static void
test_ticks_properties_round (void)
{
  /* Data that sits exactly on round numbers, where rounding bites. */
  for (int k = -8; k <= 12; k++)
    for (int m = 1; m <= 100; m++)
      for (guint max_ticks = 2; max_ticks <= 12; max_ticks++)
        {
          check_properties (0, m * pow (10.0, k), max_ticks);
          check_properties (-m * pow (10.0, k), 0, max_ticks);
        }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ticks/positive", test_ticks_positive);
  g_test_add_func ("/ticks/zero-included", test_ticks_zero_included);
  g_test_add_func ("/ticks/all-zero", test_ticks_all_zero);
  g_test_add_func ("/ticks/negative", test_ticks_negative);
  g_test_add_func ("/ticks/rounding-noise", test_ticks_rounding_noise);
  g_test_add_func ("/ticks/invalid", test_ticks_invalid);
  g_test_add_func ("/ticks/values", test_ticks_values);
  g_test_add_func ("/ticks/properties", test_ticks_properties);
  g_test_add_func ("/ticks/properties-round", test_ticks_properties_round);

  return g_test_run ();
}
