/* pecan-chart-private.h: what the chart widget and its renderer share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pecan-chart.h"
#include "pecan-ticks.h"

G_BEGIN_DECLS

#define PECAN_CHART_MARGIN    12.0  /* around everything */
#define PECAN_CHART_LABEL_GAP  8.0  /* between the axis labels and the plot */

/* Where everything goes for one size, computed once for drawing and for
 * finding the bar under the pointer, so the two always agree. */
typedef struct
{
  graphene_rect_t plot;         /* the bars; the axes run along its edges */
  PecanTicks      ticks;
  double          label_width;  /* the value labels, right-aligned */
  double          slot_width;   /* the width each bar has, gaps included */
  double          bar_width;    /* one bar; side by side there are two */
  double          group_width;  /* what the bars of a slot cover */
  guint           label_every;  /* the x axis labels one bar in so many */
} PecanChartLayout;

/* The text and grid colour from the theme, and the two series. */
typedef struct
{
  GdkRGBA fg;
  GdkRGBA earned;
  GdkRGBA lost;
} PecanChartColors;

struct _PecanChart
{
  GtkWidget         parent_instance;

  char             *currency;
  PecanChartBar    *bars;
  guint             n_bars;
  gboolean          by_day;
  gboolean          stacked;

  int               hover;            /* the bar under the pointer, or -1 */

  /* The last layout, kept for the many hit tests of a moving pointer. */
  PecanChartLayout  layout;
  int               layout_width;
  int               layout_height;
  gboolean          layout_valid;     /* FALSE once bars, mode or font change */
  gboolean          layout_has_bars;
};

void                    pecan_chart_colors_init       (PecanChartColors       *colors,
                                                       const GdkRGBA          *fg);
PangoLayout            *pecan_chart_create_text       (PecanChart             *self,
                                                       const char             *text,
                                                       gboolean                small);
char                   *pecan_chart_format_tick       (double                  value,
                                                       guint                   decimals);
char                   *pecan_chart_bar_label         (PecanChart             *self,
                                                       guint                   index,
                                                       gboolean                first,
                                                       char                  **context);
gboolean                pecan_chart_bar_labelled      (PecanChart             *self,
                                                       const PecanChartLayout *layout,
                                                       guint                   index);
const PecanChartLayout *pecan_chart_get_layout        (PecanChart             *self,
                                                       int                     width,
                                                       int                     height);
void                    pecan_chart_invalidate_layout (PecanChart             *self);
void                    pecan_chart_layout_group      (const PecanChartLayout *layout,
                                                       guint                   index,
                                                       graphene_rect_t        *area);
int                     pecan_chart_layout_bar_at     (PecanChart             *self,
                                                       const PecanChartLayout *layout,
                                                       double                  x,
                                                       double                  y);
double                  pecan_chart_layout_value_y    (const PecanChartLayout *layout,
                                                       double                  value);
void                    pecan_chart_draw              (PecanChart             *self,
                                                       cairo_t                *cr,
                                                       int                     width,
                                                       int                     height,
                                                       const PecanChartColors *colors,
                                                       int                     highlight);

G_END_DECLS
