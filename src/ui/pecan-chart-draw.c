/* pecan-chart-draw.c: the chart drawn on cairo, for the screen and files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One renderer on a cairo context: the widget hands it the context of a
 * snapshot node, an export hands it a PNG or SVG surface, so what is saved
 * is what is on screen.
 */
#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>

#include "pecan-chart-private.h"

#define SWATCH      10.0  /* the colour squares of the legend */
#define SWATCH_GAP   6.0  /* between a square and its name */
#define LEGEND_GAP  18.0  /* between the entries of the legend */
#define BAR_RADIUS   4.0  /* the rounded end of a bar */

/* GNOME palette: green 4 and red 3 on light backgrounds, green 2 and red 1
 * on dark ones, where the deeper hues sink into the background. */
static const GdkRGBA earned_light = { 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0, 1.0 };
static const GdkRGBA lost_light = { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0, 1.0 };
static const GdkRGBA earned_dark = { 0x57 / 255.0, 0xe3 / 255.0, 0x89 / 255.0, 1.0 };
static const GdkRGBA lost_dark = { 0xf6 / 255.0, 0x61 / 255.0, 0x51 / 255.0, 1.0 };

/* A saved chart lands in documents and mail, which are light whatever the
 * style of the window: it is drawn dark on white. */
static const GdkRGBA export_fg = { 0.0, 0.0, 0.0, 0.8 };

void
pecan_chart_colors_init (PecanChartColors *colors,
                         const GdkRGBA    *fg)
{
  /* A light text colour means a dark style. */
  gboolean dark = 0.2126 * fg->red + 0.7152 * fg->green + 0.0722 * fg->blue > 0.5;

  colors->fg = *fg;
  colors->earned = dark ? earned_dark : earned_light;
  colors->lost = dark ? lost_dark : lost_light;
}

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Text with its left edge, centre or right edge (align 0, 0.5, 1) at x and
 * its middle at y; returns its width. */
static double
show_text (PecanChart *self,
           cairo_t    *cr,
           const char *text,
           gboolean    small,
           double      x,
           double      y,
           double      align)
{
  g_autoptr(PangoLayout) layout = pecan_chart_create_text (self, text, small);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, round (x - align * w), round (y - h / 2.0));
  pango_cairo_show_layout (cr, layout);
  return w;
}

/* A rectangle from y0 (the zero side) to y1, rounded at y1. */
static void
bar_path (cairo_t *cr,
          double   x,
          double   width,
          double   y0,
          double   y1,
          gboolean rounded)
{
  double h = fabs (y1 - y0);
  double r = rounded ? MIN (BAR_RADIUS, MIN (width / 2.0, h)) : 0.0;
  double dir = y1 < y0 ? 1.0 : -1.0;  /* from the end towards zero */

  cairo_move_to (cr, x, y0);
  cairo_line_to (cr, x, y1 + dir * r);
  if (r > 0.0)
    cairo_curve_to (cr, x, y1, x, y1, x + r, y1);
  cairo_line_to (cr, x + width - r, y1);
  if (r > 0.0)
    cairo_curve_to (cr, x + width, y1, x + width, y1, x + width, y1 + dir * r);
  cairo_line_to (cr, x + width, y0);
  cairo_close_path (cr);
}

/* One value from base to base + value; a value too small to see still
 * gets a pixel, so that a loss never looks like none. Stacked on another,
 * a segment leaves a pixel of air when it is tall enough to spare it. */
static void
draw_segment (cairo_t                *cr,
              const PecanChartLayout *layout,
              const GdkRGBA          *color,
              double                  x,
              double                  width,
              double                  base,
              double                  value,
              gboolean                rounded)
{
  double y0 = round (pecan_chart_layout_value_y (layout, base));
  double y1 = round (pecan_chart_layout_value_y (layout, base + value));
  double dir = value > 0 ? -1.0 : 1.0;

  if (value == 0.0)
    return;
  if (base != 0.0 && fabs (y1 - y0) >= 4.0)
    y0 += dir;
  if (fabs (y1 - y0) < 1.0)
    y1 = y0 + dir;
  set_color (cr, color, 1.0);
  bar_path (cr, x, width, y0, y1, rounded);
  cairo_fill (cr);
}

static void
draw_bar (PecanChart             *self,
          cairo_t                *cr,
          const PecanChartLayout *layout,
          const PecanChartColors *colors,
          guint                   index)
{
  const PecanChartBar *bar = &self->bars[index];
  graphene_rect_t area;
  double x, w = layout->bar_width;

  pecan_chart_layout_group (layout, index, &area);
  x = area.origin.x;
  if (!self->stacked)
    {
      draw_segment (cr, layout, &colors->earned, x, w, 0.0, bar->earned, TRUE);
      draw_segment (cr, layout, &colors->lost, x + area.size.width - w, w, 0.0, bar->lost, TRUE);
      return;
    }

  /* Lost on earned when both have one sign; the outer one is rounded. */
  if ((bar->earned >= 0) == (bar->lost >= 0))
    {
      draw_segment (cr, layout, &colors->earned, x, w, 0.0, bar->earned, bar->lost == 0.0);
      draw_segment (cr, layout, &colors->lost, x, w, bar->earned, bar->lost, TRUE);
    }
  else
    {
      draw_segment (cr, layout, &colors->earned, x, w, 0.0, bar->earned, TRUE);
      draw_segment (cr, layout, &colors->lost, x, w, 0.0, bar->lost, TRUE);
    }
}

static void
draw_grid (PecanChart             *self,
           cairo_t                *cr,
           const PecanChartLayout *layout,
           const PecanChartColors *colors)
{
  const graphene_rect_t *plot = &layout->plot;

  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < layout->ticks.count; i++)
    {
      double value = pecan_ticks_get_value (&layout->ticks, i);
      double y = round (pecan_chart_layout_value_y (layout, value));
      g_autofree char *label = pecan_chart_format_tick (value, layout->ticks.decimals);

      /* The zero line is the baseline of the bars, the others a guide. */
      set_color (cr, &colors->fg, value == 0.0 ? 0.35 : 0.1);
      cairo_move_to (cr, plot->origin.x, y + 0.5);
      cairo_line_to (cr, plot->origin.x + plot->size.width, y + 0.5);
      cairo_stroke (cr);

      set_color (cr, &colors->fg, 0.65);
      show_text (self, cr, label, TRUE, plot->origin.x - PECAN_CHART_LABEL_GAP, y + 0.5, 1.0);
    }
}

/* The centre of a text text_width wide near x, moved in from the edges of
 * the chart. */
static double
keep_inside (double x,
             double text_width,
             int    width)
{
  double min = PECAN_CHART_MARGIN / 2.0 + text_width / 2.0;

  return CLAMP (x, min, MAX (width - min, min));
}

static void
draw_bar_labels (PecanChart             *self,
                 cairo_t                *cr,
                 const PecanChartLayout *layout,
                 const PecanChartColors *colors,
                 int                     width)
{
  double top = layout->plot.origin.y + layout->plot.size.height + PECAN_CHART_LABEL_GAP / 2.0;
  gboolean first = TRUE;

  set_color (cr, &colors->fg, 0.65);
  for (guint i = 0; i < self->n_bars; i++)
    {
      g_autofree char *context = NULL;
      g_autofree char *label = NULL;
      g_autoptr(PangoLayout) text = NULL;
      double center = layout->plot.origin.x + (i + 0.5) * layout->slot_width;
      int w, h;

      if (!pecan_chart_bar_labelled (self, layout, i))
        continue;
      label = pecan_chart_bar_label (self, i, first, &context);
      first = FALSE;
      text = pecan_chart_create_text (self, label, TRUE);
      pango_layout_get_pixel_size (text, &w, &h);
      show_text (self, cr, label, TRUE, keep_inside (center, w, width), top + h / 2.0, 0.5);
      if (context != NULL)
        {
          pango_layout_set_text (text, context, -1);
          pango_layout_get_pixel_size (text, &w, NULL);
          show_text (self, cr, context, TRUE, keep_inside (center, w, width), top + 1.5 * h, 0.5);
        }
    }
}

static void
draw_legend (PecanChart             *self,
             cairo_t                *cr,
             const PecanChartColors *colors,
             int                     width)
{
  const char *names[] = { _("PEC earned"), _("PEC lost") };
  const GdkRGBA *swatches[] = { &colors->earned, &colors->lost };
  g_autoptr(PangoLayout) line = pecan_chart_create_text (self, "0", FALSE);
  double x = width - PECAN_CHART_MARGIN;
  double y;
  int h;

  pango_layout_get_pixel_size (line, NULL, &h);
  y = PECAN_CHART_MARGIN + h / 2.0;

  /* Right to left, so that the legend ends at the right margin. */
  for (int i = G_N_ELEMENTS (names) - 1; i >= 0; i--)
    {
      g_autoptr(PangoLayout) name = pecan_chart_create_text (self, names[i], FALSE);
      int w;

      pango_layout_get_pixel_size (name, &w, NULL);
      x -= w;
      set_color (cr, &colors->fg, 0.85);
      show_text (self, cr, names[i], FALSE, x, y, 0.0);
      x -= SWATCH_GAP + SWATCH;
      set_color (cr, swatches[i], 1.0);
      bar_path (cr, round (x), SWATCH, round (y + SWATCH / 2.0), round (y - SWATCH / 2.0), TRUE);
      cairo_fill (cr);
      x -= LEGEND_GAP;
    }

  if (self->currency != NULL)
    {
      set_color (cr, &colors->fg, 0.65);
      show_text (self, cr, self->currency, TRUE, PECAN_CHART_MARGIN, y, 0.0);
    }
}

static void
draw_highlight (cairo_t                *cr,
                const PecanChartLayout *layout,
                const PecanChartColors *colors,
                guint                   index)
{
  graphene_rect_t area;
  double pad = MAX (MIN (6.0, (layout->slot_width - layout->group_width) / 2.0), 0.0);

  pecan_chart_layout_group (layout, index, &area);
  graphene_rect_inset (&area, -pad, 0.0);
  set_color (cr, &colors->fg, 0.07);
  cairo_new_sub_path (cr);
  cairo_arc (cr, area.origin.x + pad, area.origin.y + pad, pad, G_PI, 1.5 * G_PI);
  cairo_arc (cr, area.origin.x + area.size.width - pad, area.origin.y + pad, pad, 1.5 * G_PI, 0);
  cairo_line_to (cr, area.origin.x + area.size.width, area.origin.y + area.size.height);
  cairo_line_to (cr, area.origin.x, area.origin.y + area.size.height);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* highlight is the bar under the pointer, or -1. */
void
pecan_chart_draw (PecanChart             *self,
                  cairo_t                *cr,
                  int                     width,
                  int                     height,
                  const PecanChartColors *colors,
                  int                     highlight)
{
  const PecanChartLayout *layout = pecan_chart_get_layout (self, width, height);

  if (layout == NULL)
    {
      set_color (cr, &colors->fg, 0.55);
      show_text (self, cr, _("No usage in this period"), FALSE, width / 2.0, height / 2.0, 0.5);
      return;
    }

  draw_legend (self, cr, colors, width);
  if (highlight >= 0 && (guint) highlight < self->n_bars)
    draw_highlight (cr, layout, colors, highlight);
  draw_grid (self, cr, layout, colors);
  for (guint i = 0; i < self->n_bars; i++)
    draw_bar (self, cr, layout, colors, i);
  draw_bar_labels (self, cr, layout, colors, width);
}

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} WriteData;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  WriteData *write = closure;

  if (write->error == NULL)
    g_output_stream_write_all (write->stream, data, length, NULL, NULL, &write->error);
  return write->error == NULL ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static cairo_status_t
render (PecanChart       *self,
        cairo_surface_t  *surface,
        PecanChartFormat  format,
        int               width,
        int               height,
        WriteData        *write)
{
  PecanChartColors colors;
  cairo_t *cr = cairo_create (surface);

  pecan_chart_colors_init (&colors, &export_fg);
  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_paint (cr);
  pecan_chart_draw (self, cr, width, height, &colors, -1);
  cairo_destroy (cr);

  if (format == PECAN_CHART_FORMAT_PNG)
    return cairo_surface_write_to_png_stream (surface, write_cb, write);
  cairo_surface_finish (surface);
  return cairo_surface_status (surface);
}

/**
 * pecan_chart_save:
 * @file: where to save it, replaced if it exists
 * @format: PNG or SVG
 * @width: the width of the image, in pixels
 * @height: its height
 *
 * Draws the chart as on screen, dark on white whatever the style.
 *
 * Returns: %TRUE when @file holds the chart
 */
gboolean
pecan_chart_save (PecanChart        *self,
                  GFile             *file,
                  PecanChartFormat   format,
                  int                width,
                  int                height,
                  GError           **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = g_cancellable_new ();
  WriteData write = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (PECAN_IS_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (format == PECAN_CHART_FORMAT_PNG
                        || format == PECAN_CHART_FORMAT_SVG, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;
  write.stream = G_OUTPUT_STREAM (stream);
  if (format == PECAN_CHART_FORMAT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (write_cb, &write, width, height);
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE (1, 15, 10)
      /* The size asked for, in pixels as for a PNG, not in points. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
#endif
    }
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  status = render (self, surface, format, width, height, &write);
  cairo_surface_destroy (surface);

  if (write.error == NULL && status == CAIRO_STATUS_SUCCESS)
    return g_output_stream_close (write.stream, NULL, error);

  /* Closed cancelled, a replaced file keeps its old contents. */
  g_cancellable_cancel (abandon);
  g_output_stream_close (write.stream, abandon, NULL);
  if (write.error != NULL)
    g_propagate_error (error, write.error);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 /* TRANSLATORS: %s says what went wrong, in English */
                 _("The chart could not be drawn: %s"), cairo_status_to_string (status));
  return FALSE;
}
