/* pecan-chart.h: PEC earned and lost, as bars over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PECAN_TYPE_CHART (pecan_chart_get_type ())

G_DECLARE_FINAL_TYPE (PecanChart, pecan_chart, PECAN, CHART, GtkWidget)

/* One bar: a month, or a day, in days since 1970-01-01 (pecan-parse.h). */
typedef struct
{
  gint32 first_day;
  gint32 last_day;
  double earned;
  double lost;
} PecanChartBar;

typedef enum
{
  PECAN_CHART_FORMAT_PNG,
  PECAN_CHART_FORMAT_SVG,
} PecanChartFormat;

GtkWidget *pecan_chart_new           (void);
void       pecan_chart_set_bars      (PecanChart            *self,
                                      const char            *currency,
                                      const PecanChartBar   *bars,
                                      guint                  n_bars,
                                      gboolean               by_day);
guint      pecan_chart_get_n_bars    (PecanChart            *self);
gboolean   pecan_chart_get_stacked   (PecanChart            *self);
void       pecan_chart_set_stacked   (PecanChart            *self,
                                      gboolean               stacked);
int        pecan_chart_bar_at        (PecanChart            *self,
                                      double                 x,
                                      double                 y);
gboolean   pecan_chart_get_bar_area  (PecanChart            *self,
                                      guint                  index,
                                      graphene_rect_t       *area);
gboolean   pecan_chart_save          (PecanChart            *self,
                                      GFile                 *file,
                                      PecanChartFormat       format,
                                      int                    width,
                                      int                    height,
                                      GError               **error);

G_END_DECLS
