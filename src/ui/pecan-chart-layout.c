/* pecan-chart-layout.c: where the parts of the chart go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout is computed in one place, from the bars, the size and the
 * font, and used both to draw and to find the bar under the pointer, so
 * that what is hit is what is drawn.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pecan-chart-private.h"
#include "pecan-parse.h"

#define LEGEND_GAP   16.0  /* between the legend and the plot */
#define MAX_BAR      48.0  /* a stacked bar; wider ones look like blocks */
#define MAX_PAIR_BAR 28.0  /* one of a pair side by side */

PangoLayout *
pecan_chart_create_text (PecanChart *self,
                         const char *text,
                         gboolean    small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (small)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      /* Figures of one width, so that the value labels line up. */
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
      pango_layout_set_attributes (layout, attrs);
    }
  return layout;
}

static void
text_size (PecanChart *self,
           const char *text,
           gboolean    small,
           double     *width,
           double     *height)
{
  g_autoptr(PangoLayout) layout = pecan_chart_create_text (self, text, small);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

char *
pecan_chart_format_tick (double value,
                         guint  decimals)
{
  return g_strdup_printf ("%s%'.*f", value < 0 ? "−" : "", (int) decimals, fabs (value));
}

static GDateTime *
bar_date (PecanChart *self,
          guint       index)
{
  int y, m, d;

  pecan_day_to_ymd (self->bars[index].first_day, &y, &m, &d);
  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

/* The label under a bar ("Mar", "14") and, on the first bar and where a
 * year or a month begins, what it belongs to ("2026", "Mar"). */
char *
pecan_chart_bar_label (PecanChart  *self,
                       guint        index,
                       gboolean     first,
                       char       **context)
{
  g_autoptr(GDateTime) date = bar_date (self, index);
  int mday = g_date_time_get_day_of_month (date);
  int month = g_date_time_get_month (date);

  /* TRANSLATORS: a month under a bar of the chart, as strftime() formats it: "Mar" */
  const char *month_format = C_("chart axis", "%b");

  if (self->by_day)
    {
      *context = first || mday == 1 ? g_date_time_format (date, month_format) : NULL;
      return g_strdup_printf ("%d", mday);
    }
  *context = first || month == 1 ? g_date_time_format (date, "%Y") : NULL;
  return g_date_time_format (date, month_format);
}

/* Months are labelled on a divisor of twelve so that January always is;
 * days one in so many bars. */
gboolean
pecan_chart_bar_labelled (PecanChart             *self,
                          const PecanChartLayout *layout,
                          guint                   index)
{
  int y, m, d;

  if (self->by_day)
    return index % layout->label_every == 0;
  pecan_day_to_ymd (self->bars[index].first_day, &y, &m, &d);
  return (y * 12 + m - 1) % layout->label_every == 0;
}

static guint
label_every (PecanChart *self,
             double      slot_width,
             double      label_width)
{
  static const guint months[] = { 1, 2, 3, 4, 6, 12 };
  static const guint days[] = { 1, 2, 5, 7, 14 };
  const guint *steps = self->by_day ? days : months;
  guint n = self->by_day ? G_N_ELEMENTS (days) : G_N_ELEMENTS (months);
  double needed = (label_width + PECAN_CHART_LABEL_GAP) / MAX (slot_width, 1.0);

  for (guint i = 0; i < n; i++)
    if (steps[i] >= needed)
      return steps[i];
  return (guint) ceil (needed / steps[n - 1]) * steps[n - 1];
}

static double
widest_bar_label (PecanChart *self)
{
  double widest = 0.0;

  for (guint i = 0; i < self->n_bars; i++)
    {
      g_autofree char *context = NULL;
      g_autofree char *label = pecan_chart_bar_label (self, i, TRUE, &context);
      double w, cw;

      text_size (self, label, TRUE, &w, NULL);
      text_size (self, context, TRUE, &cw, NULL);
      widest = MAX (widest, MAX (w, cw));
    }
  return widest;
}

/* Stacked, a bar reaches its sum of each sign; side by side, each value. */
static void
value_range (PecanChart *self,
             double     *min,
             double     *max)
{
  *min = *max = 0.0;
  for (guint i = 0; i < self->n_bars; i++)
    {
      const PecanChartBar *bar = &self->bars[i];

      if (self->stacked)
        {
          *max = MAX (*max, MAX (bar->earned, 0.0) + MAX (bar->lost, 0.0));
          *min = MIN (*min, MIN (bar->earned, 0.0) + MIN (bar->lost, 0.0));
        }
      else
        {
          *max = MAX (*max, MAX (bar->earned, bar->lost));
          *min = MIN (*min, MIN (bar->earned, bar->lost));
        }
    }
}

static void
compute_ticks (PecanChart       *self,
               PecanChartLayout *layout,
               double            line)
{
  double min, max;
  guint max_ticks = (guint) CLAMP (layout->plot.size.height / (line * 2.2) + 1.0, 3.0, 9.0);

  value_range (self, &min, &max);
  if (!pecan_ticks_compute (min, max, max_ticks, &layout->ticks))
    layout->ticks = (PecanTicks) { 0.0, 1.0, 1.0, 2, 0 };

  layout->label_width = 0.0;
  for (guint i = 0; i < layout->ticks.count; i++)
    {
      double value = pecan_ticks_get_value (&layout->ticks, i);
      g_autofree char *label = pecan_chart_format_tick (value, layout->ticks.decimals);
      double w;

      text_size (self, label, TRUE, &w, NULL);
      layout->label_width = MAX (layout->label_width, w);
    }
}

static void
compute_bars (PecanChart       *self,
              PecanChartLayout *layout)
{
  double slot = layout->plot.size.width / self->n_bars;

  layout->slot_width = slot;
  if (self->stacked)
    {
      layout->bar_width = CLAMP (floor (slot * 0.6), 1.0, MAX_BAR);
      layout->group_width = layout->bar_width;
    }
  else
    {
      /* The two bars of a month touch, unless they are wide enough for a
       * hairline between them to read as one pair still. */
      layout->bar_width = CLAMP (floor (slot * 0.35), 1.0, MAX_PAIR_BAR);
      layout->group_width = 2.0 * layout->bar_width + (layout->bar_width >= 10.0 ? 2.0 : 0.0);
    }
}

/* FALSE when there are no bars to lay out. */
static gboolean
compute_layout (PecanChart       *self,
                int               width,
                int               height,
                PecanChartLayout *layout)
{
  double line, legend, top, bottom, left;

  *layout = (PecanChartLayout) { 0 };
  layout->label_every = 1;
  if (self->n_bars == 0)
    return FALSE;

  text_size (self, "0", TRUE, NULL, &line);
  text_size (self, "0", FALSE, NULL, &legend);
  /* Two lines of labels under the plot: the bar, and its year or month. */
  top = round (PECAN_CHART_MARGIN + legend + LEGEND_GAP);
  bottom = round (height - PECAN_CHART_MARGIN - 2.0 * line - PECAN_CHART_LABEL_GAP / 2.0);
  layout->plot.origin.y = top;
  layout->plot.size.height = MAX (bottom - top, 1.0);

  compute_ticks (self, layout, line);
  left = round (PECAN_CHART_MARGIN + layout->label_width + PECAN_CHART_LABEL_GAP);
  layout->plot.origin.x = left;
  layout->plot.size.width = MAX (width - PECAN_CHART_MARGIN - left, 1.0);

  compute_bars (self, layout);
  layout->label_every = label_every (self, layout->slot_width, widest_bar_label (self));
  return TRUE;
}

/**
 * pecan_chart_get_layout:
 *
 * Returns: (nullable): the layout for that size, or %NULL when there are
 *   no bars
 */
const PecanChartLayout *
pecan_chart_get_layout (PecanChart *self,
                        int         width,
                        int         height)
{
  if (!self->layout_valid || self->layout_width != width || self->layout_height != height)
    {
      self->layout_has_bars = compute_layout (self, width, height, &self->layout);
      self->layout_width = width;
      self->layout_height = height;
      self->layout_valid = TRUE;
    }
  return self->layout_has_bars ? &self->layout : NULL;
}

void
pecan_chart_invalidate_layout (PecanChart *self)
{
  self->layout_valid = FALSE;
}

/* The bars of one slot, across the height of the plot: what the pointer
 * hovers and clicks. */
void
pecan_chart_layout_group (const PecanChartLayout *layout,
                          guint                   index,
                          graphene_rect_t        *area)
{
  double center = layout->plot.origin.x + (index + 0.5) * layout->slot_width;

  /* Whole pixels, so that bars are crisp and hit tests match them. */
  graphene_rect_init (area, round (center - layout->group_width / 2.0), layout->plot.origin.y,
                      layout->group_width, layout->plot.size.height);
}

int
pecan_chart_layout_bar_at (PecanChart             *self,
                           const PecanChartLayout *layout,
                           double                  x,
                           double                  y)
{
  graphene_rect_t area;
  double slot;

  if (self->n_bars == 0 || layout->slot_width <= 0.0)
    return -1;
  slot = floor ((x - layout->plot.origin.x) / layout->slot_width);
  if (slot < 0 || slot >= self->n_bars)
    return -1;
  pecan_chart_layout_group (layout, (guint) slot, &area);
  if (x < area.origin.x || x >= area.origin.x + area.size.width
      || y < area.origin.y || y > area.origin.y + area.size.height)
    return -1;
  return (int) slot;
}

double
pecan_chart_layout_value_y (const PecanChartLayout *layout,
                            double                  value)
{
  const PecanTicks *ticks = &layout->ticks;

  return layout->plot.origin.y
         + layout->plot.size.height * (ticks->max - value) / (ticks->max - ticks->min);
}
