/* pecan-chart.c: PEC earned and lost, as bars over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bar per month, or per day when the period is one month, with earned
 * and lost credit stacked or side by side ("stacked"). Hovering a bar
 * shows its figures; clicking it emits "bar-activated" with its days, for
 * the window to select that period. Drawing lives in pecan-chart-draw.c,
 * the layout both drawing and hit tests use in pecan-chart-layout.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-chart-private.h"
#include "pecan-ui-util.h"

G_DEFINE_FINAL_TYPE (PecanChart, pecan_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STACKED,
  N_PROPS
};

enum {
  BAR_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* "March 2026", or a day, or the days of a partial month. */
static char *
bar_name (PecanChart *self,
          guint       index)
{
  PecanPeriod period = { self->bars[index].first_day, self->bars[index].last_day };

  if (self->by_day)
    return pecan_ui_format_day (period.first);
  return pecan_ui_format_period (&period);
}

static char *
describe_totals (PecanChart *self)
{
  double earned = 0.0, lost = 0.0;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *earned_text = NULL;
  g_autofree char *lost_text = NULL;

  if (self->n_bars == 0)
    return g_strdup (_("PEC earned and lost: no usage in this period"));

  for (guint i = 0; i < self->n_bars; i++)
    {
      earned += self->bars[i].earned;
      lost += self->bars[i].lost;
    }
  first = bar_name (self, 0);
  last = bar_name (self, self->n_bars - 1);
  earned_text = pecan_ui_format_money (earned, self->currency);
  lost_text = pecan_ui_format_money (lost, self->currency);
  if (self->n_bars == 1)
    /* TRANSLATORS: what the chart shows, for screen readers: a period, then two amounts */
    return g_strdup_printf (_("PEC earned and lost in %s: earned %s, lost %s"),
                            first, earned_text, lost_text);
  if (self->by_day)
    /* TRANSLATORS: what the chart shows, for screen readers: two days, then two amounts */
    return g_strdup_printf (_("PEC earned and lost per day, %s to %s: earned %s, lost %s"),
                            first, last, earned_text, lost_text);
  /* TRANSLATORS: what the chart shows, for screen readers: two months, then two amounts */
  return g_strdup_printf (_("PEC earned and lost per month, %s to %s: earned %s, lost %s"),
                          first, last, earned_text, lost_text);
}

/* "March 2026: earned 1,234.56 EUR, lost 12.00 EUR" */
static char *
describe_bar (PecanChart *self,
              guint       index)
{
  g_autofree char *name = bar_name (self, index);
  g_autofree char *earned = pecan_ui_format_money (self->bars[index].earned, self->currency);
  g_autofree char *lost = pecan_ui_format_money (self->bars[index].lost, self->currency);

  /* TRANSLATORS: one bar of the chart, for screen readers: a period, then two amounts */
  return g_strdup_printf (_("%s: earned %s, lost %s"), name, earned, lost);
}

/* Screen readers get the totals as the label and every bar's figures as
 * the description: what a sighted person reads off the bars. */
static void
update_accessible (PecanChart *self)
{
  g_autofree char *label = describe_totals (self);
  g_autoptr(GString) description = g_string_new (NULL);

  for (guint i = 0; i < self->n_bars; i++)
    {
      g_autofree char *bar = describe_bar (self, i);

      if (i > 0)
        g_string_append (description, "; ");
      g_string_append (description, bar);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

static void
set_hover (PecanChart *self,
           int         hover)
{
  if (self->hover == hover)
    return;
  self->hover = hover;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           PecanChart               *self)
{
  set_hover (self, pecan_chart_bar_at (self, x, y));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          PecanChart               *self)
{
  set_hover (self, -1);
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             PecanChart      *self)
{
  int index = pecan_chart_bar_at (self, x, y);

  if (n_press == 1 && index >= 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "chart.activate-bar", "u", (guint) index);
}

static void
activate_bar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PecanChart *self = PECAN_CHART (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (index >= self->n_bars)
    return;
  g_signal_emit (self, signals[BAR_ACTIVATED], 0,
                 self->bars[index].first_day, self->bars[index].last_day);
}

static gboolean
pecan_chart_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard_tooltip,
                           GtkTooltip *tooltip)
{
  PecanChart *self = PECAN_CHART (widget);
  int index = keyboard_tooltip ? -1 : pecan_chart_bar_at (self, x, y);
  graphene_rect_t area;
  g_autofree char *name = NULL;
  g_autofree char *earned = NULL;
  g_autofree char *lost = NULL;
  g_autofree char *earned_line = NULL;
  g_autofree char *lost_line = NULL;
  g_autofree char *markup = NULL;

  if (index < 0)
    return FALSE;
  name = bar_name (self, index);
  earned = pecan_ui_format_money (self->bars[index].earned, self->currency);
  lost = pecan_ui_format_money (self->bars[index].lost, self->currency);
  /* TRANSLATORS: a line of the tooltip of a bar: an amount */
  earned_line = g_strdup_printf (_("PEC earned: %s"), earned);
  /* TRANSLATORS: a line of the tooltip of a bar: an amount */
  lost_line = g_strdup_printf (_("PEC lost: %s"), lost);
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s\n%s", name, earned_line, lost_line);
  gtk_tooltip_set_markup (tooltip, markup);

  /* The tooltip follows the pointer from one bar to the next. */
  if (pecan_chart_get_bar_area (self, index, &area))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { area.origin.x, area.origin.y,
                                                         area.size.width, area.size.height });
  return TRUE;
}

static void
pecan_chart_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  PecanChart *self = PECAN_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PecanChartColors colors;
  GdkRGBA fg;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  /* gtk_widget_get_color() is GTK 4.10; this is its 4.8 spelling. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  pecan_chart_colors_init (&colors, &fg);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pecan_chart_draw (self, cr, width, height, &colors, self->hover);
  cairo_destroy (cr);
}

static void
pecan_chart_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  /* Room for the labels of a few bars; the page gives it more. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 560 : 280;
}

static void
pecan_chart_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (pecan_chart_parent_class)->css_changed (widget, change);

  /* The colours and the font come from the style. */
  pecan_chart_invalidate_layout (PECAN_CHART (widget));
  gtk_widget_queue_draw (widget);
}

static void
pecan_chart_system_setting_changed (GtkWidget       *widget,
                                    GtkSystemSetting setting)
{
  GTK_WIDGET_CLASS (pecan_chart_parent_class)->system_setting_changed (widget, setting);

  /* A new font, or new font resolution, measures the labels anew. */
  pecan_chart_invalidate_layout (PECAN_CHART (widget));
  gtk_widget_queue_draw (widget);
}

static void
pecan_chart_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PecanChart *self = PECAN_CHART (object);

  switch (prop_id)
    {
    case PROP_STACKED:
      g_value_set_boolean (value, self->stacked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_chart_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PecanChart *self = PECAN_CHART (object);

  switch (prop_id)
    {
    case PROP_STACKED:
      pecan_chart_set_stacked (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_chart_finalize (GObject *object)
{
  PecanChart *self = PECAN_CHART (object);

  g_free (self->currency);
  g_free (self->bars);

  G_OBJECT_CLASS (pecan_chart_parent_class)->finalize (object);
}

static void
pecan_chart_class_init (PecanChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = pecan_chart_get_property;
  object_class->set_property = pecan_chart_set_property;
  object_class->finalize = pecan_chart_finalize;

  widget_class->snapshot = pecan_chart_snapshot;
  widget_class->measure = pecan_chart_measure;
  widget_class->css_changed = pecan_chart_css_changed;
  widget_class->system_setting_changed = pecan_chart_system_setting_changed;
  widget_class->query_tooltip = pecan_chart_query_tooltip;

  properties[PROP_STACKED] =
    g_param_spec_boolean ("stacked", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PecanChart::bar-activated:
   * @first_day: the first day of the bar, in days since 1970-01-01
   * @last_day: its last day
   *
   * The user clicked a bar, to see that period.
   */
  signals[BAR_ACTIVATED] =
    g_signal_new ("bar-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "chart.activate-bar", "u", activate_bar_action);
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pecan_chart_init (PecanChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->stacked = TRUE;
  self->hover = -1;

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  update_accessible (self);
}

GtkWidget *
pecan_chart_new (void)
{
  return g_object_new (PECAN_TYPE_CHART, NULL);
}

/**
 * pecan_chart_set_bars:
 * @currency: (nullable): the currency of the figures
 * @bars: (array length=n_bars): the bars, oldest first, one per month or
 *   day with none missing
 * @by_day: whether a bar is a day rather than a month
 *
 * Replaces what the chart shows.
 */
void
pecan_chart_set_bars (PecanChart          *self,
                      const char          *currency,
                      const PecanChartBar *bars,
                      guint                n_bars,
                      gboolean             by_day)
{
  g_return_if_fail (PECAN_IS_CHART (self));
  g_return_if_fail (bars != NULL || n_bars == 0);

  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_free (self->bars);
  self->bars = g_memdup2 (bars, sizeof *bars * n_bars);
  self->n_bars = n_bars;
  self->by_day = by_day;
  pecan_chart_invalidate_layout (self);

  update_accessible (self);
  set_hover (self, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
pecan_chart_get_n_bars (PecanChart *self)
{
  g_return_val_if_fail (PECAN_IS_CHART (self), 0);

  return self->n_bars;
}

gboolean
pecan_chart_get_stacked (PecanChart *self)
{
  g_return_val_if_fail (PECAN_IS_CHART (self), FALSE);

  return self->stacked;
}

void
pecan_chart_set_stacked (PecanChart *self,
                         gboolean    stacked)
{
  g_return_if_fail (PECAN_IS_CHART (self));

  stacked = !!stacked;
  if (self->stacked == stacked)
    return;
  self->stacked = stacked;
  pecan_chart_invalidate_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACKED]);
}

/**
 * pecan_chart_bar_at:
 * @x: a point in the chart's coordinates
 * @y: a point in the chart's coordinates
 *
 * Returns: the bar at that point, in the order of pecan_chart_set_bars(),
 *   or -1 when it is between bars or off the plot
 */
int
pecan_chart_bar_at (PecanChart *self,
                    double      x,
                    double      y)
{
  const PecanChartLayout *layout;

  g_return_val_if_fail (PECAN_IS_CHART (self), -1);

  layout = pecan_chart_get_layout (self, gtk_widget_get_width (GTK_WIDGET (self)),
                                   gtk_widget_get_height (GTK_WIDGET (self)));
  if (layout == NULL)
    return -1;
  return pecan_chart_layout_bar_at (self, layout, x, y);
}

/**
 * pecan_chart_get_bar_area:
 * @index: a bar
 * @area: (out): what the bar covers and answers to the pointer in: its
 *   width, the height of the plot
 *
 * Returns: %FALSE when there is no such bar
 */
gboolean
pecan_chart_get_bar_area (PecanChart      *self,
                          guint            index,
                          graphene_rect_t *area)
{
  const PecanChartLayout *layout;

  g_return_val_if_fail (PECAN_IS_CHART (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  layout = pecan_chart_get_layout (self, gtk_widget_get_width (GTK_WIDGET (self)),
                                   gtk_widget_get_height (GTK_WIDGET (self)));
  if (layout == NULL || index >= self->n_bars)
    return FALSE;
  pecan_chart_layout_group (layout, index, area);
  return TRUE;
}
