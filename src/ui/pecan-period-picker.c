/* pecan-period-picker.c: the period the window shows, in its header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Previous and next buttons around a menu button naming the period. Its
 * popover offers the months, quarters or years that hold data (newest
 * first), or a custom range of days between two calendars.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-parse.h"
#include "pecan-period-picker.h"
#include "pecan-session.h"
#include "pecan-ui-util.h"

struct _PecanPeriodPicker
{
  GtkWidget       parent_instance;

  PecanSession   *session;
  gulong          period_handler;

  GtkMenuButton  *menu_button;
  GtkPopover     *popover;
  GtkToggleButton *month_toggle;
  GtkToggleButton *quarter_toggle;
  GtkToggleButton *year_toggle;
  GtkToggleButton *range_toggle;
  GtkStack       *kind_stack;
  GtkListBox     *period_list;
  GtkCalendar    *from_calendar;
  GtkCalendar    *to_calendar;
};

G_DEFINE_FINAL_TYPE (PecanPeriodPicker, pecan_period_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The most periods the list offers: two years of months. */
#define MAX_ROWS 24

static PecanPeriodKind
chosen_kind (PecanPeriodPicker *self)
{
  if (gtk_toggle_button_get_active (self->quarter_toggle))
    return PECAN_PERIOD_QUARTER;
  if (gtk_toggle_button_get_active (self->year_toggle))
    return PECAN_PERIOD_YEAR;
  if (gtk_toggle_button_get_active (self->range_toggle))
    return PECAN_PERIOD_RANGE;
  return PECAN_PERIOD_MONTH;
}

static void
set_calendar_day (GtkCalendar *calendar,
                  gint32       day)
{
  int y, m, d;
  g_autoptr(GDateTime) date = NULL;

  pecan_day_to_ymd (day, &y, &m, &d);
  date = g_date_time_new_utc (y, m, d, 0, 0, 0);
  gtk_calendar_select_day (calendar, date);
}

static gint32
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return pecan_day_from_ymd (g_date_time_get_year (date), g_date_time_get_month (date),
                             g_date_time_get_day_of_month (date));
}

/* The periods of the chosen kind from the latest day with data back. */
static void
fill_list (PecanPeriodPicker *self)
{
  PecanPeriodKind kind = chosen_kind (self);
  PecanPeriod range, period;
  const PecanPeriod *shown = pecan_session_get_period (self->session);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->period_list))) != NULL)
    gtk_list_box_remove (self->period_list, child);
  if (!pecan_session_get_data_range (self->session, &range))
    range = *shown;
  pecan_period_for_day (kind, range.last, &period);
  for (int i = 0; i < MAX_ROWS && period.last >= range.first; i++)
    {
      g_autofree char *text = pecan_ui_format_period (&period);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data (G_OBJECT (row), "first", GINT_TO_POINTER (period.first));
      g_object_set_data (G_OBJECT (row), "last", GINT_TO_POINTER (period.last));
      if (period.first == shown->first && period.last == shown->last)
        gtk_widget_add_css_class (label, "heading");
      gtk_list_box_append (self->period_list, row);
      pecan_period_shift (&period, -1, &period);
    }
}

static void
kind_toggled_cb (PecanPeriodPicker *self,
                 GtkToggleButton   *button)
{
  if (!gtk_toggle_button_get_active (button) || self->session == NULL)
    return;
  if (button == self->range_toggle)
    {
      const PecanPeriod *shown = pecan_session_get_period (self->session);

      set_calendar_day (self->from_calendar, shown->first);
      set_calendar_day (self->to_calendar, shown->last);
      gtk_stack_set_visible_child_name (self->kind_stack, "range");
      return;
    }
  fill_list (self);
  gtk_stack_set_visible_child_name (self->kind_stack, "list");
}

static void
popover_show_cb (PecanPeriodPicker *self)
{
  GtkToggleButton *toggles[] = {
    [PECAN_PERIOD_MONTH] = self->month_toggle,
    [PECAN_PERIOD_QUARTER] = self->quarter_toggle,
    [PECAN_PERIOD_YEAR] = self->year_toggle,
    [PECAN_PERIOD_RANGE] = self->range_toggle,
  };
  PecanPeriodKind kind = pecan_period_get_kind (pecan_session_get_period (self->session));

  if (gtk_toggle_button_get_active (toggles[kind]))
    kind_toggled_cb (self, toggles[kind]);
  else
    gtk_toggle_button_set_active (toggles[kind], TRUE);
}

static void
period_row_activated_cb (PecanPeriodPicker *self,
                         GtkListBoxRow     *row)
{
  PecanPeriod period = {
    GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "first")),
    GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "last")),
  };

  gtk_popover_popdown (self->popover);
  pecan_session_set_period (self->session, &period);
}

static void
apply_range_cb (PecanPeriodPicker *self)
{
  PecanPeriod period = { calendar_day (self->from_calendar), calendar_day (self->to_calendar) };

  if (period.first > period.last)
    period = (PecanPeriod) { period.last, period.first };
  gtk_popover_popdown (self->popover);
  pecan_session_set_period (self->session, &period);
}

static void
update_label (PecanPeriodPicker *self)
{
  g_autofree char *text = pecan_ui_format_period (pecan_session_get_period (self->session));

  gtk_menu_button_set_label (self->menu_button, text);
}

static void
pecan_period_picker_set_session (PecanPeriodPicker *self,
                                 PecanSession      *session)
{
  if (self->session == session)
    return;
  g_clear_signal_handler (&self->period_handler, self->session);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      self->period_handler = g_signal_connect_object (session, "notify::period",
                                                      G_CALLBACK (update_label), self,
                                                      G_CONNECT_SWAPPED);
      update_label (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
pecan_period_picker_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PecanPeriodPicker *self = PECAN_PERIOD_PICKER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_period_picker_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PecanPeriodPicker *self = PECAN_PERIOD_PICKER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      pecan_period_picker_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_period_picker_dispose (GObject *object)
{
  PecanPeriodPicker *self = PECAN_PERIOD_PICKER (object);
  GtkWidget *child;

  g_clear_signal_handler (&self->period_handler, self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PECAN_TYPE_PERIOD_PICKER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pecan_period_picker_parent_class)->dispose (object);
}

static void
pecan_period_picker_class_init (PecanPeriodPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pecan_period_picker_dispose;
  object_class->get_property = pecan_period_picker_get_property;
  object_class->set_property = pecan_period_picker_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PECAN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pecanapp/Pecan/pecan-period-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, PecanPeriodPicker, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PecanPeriodPicker, popover);
  gtk_widget_class_bind_template_child (widget_class, PecanPeriodPicker, month_toggle);
  gtk_widget_class_bind_template_child (widget_class, PecanPeriodPicker, quarter_toggle);
  gtk_widget_class_bind_template_child (widget_class, PecanPeriodPicker, year_toggle);
  gtk_widget_class_bind_template_child (widget_class, PecanPeriodPicker, range_toggle);
  gtk_widget_class_bind_template_child (widget_class, PecanPeriodPicker, kind_stack);
  gtk_widget_class_bind_template_child (widget_class, PecanPeriodPicker, period_list);
  gtk_widget_class_bind_template_child (widget_class, PecanPeriodPicker, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, PecanPeriodPicker, to_calendar);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_range_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pecan_period_picker_init (PecanPeriodPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
