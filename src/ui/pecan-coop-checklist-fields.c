/* pecan-coop-checklist-fields.c: the forms of a new claim and its details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field writes into the claim as it changes and shows under it what
 * pecan_coop_check() says of it, with an icon in the entry: checked as
 * you type, but not shouted at before anything was typed in it. The usage
 * period is a fiscal year and its half, said in words beside them with
 * its claim deadline; the dates are picked from calendars; the amount is
 * read in any grouping people type it with.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-coop-checklist-private.h"
#include "pecan-parse.h"
#include "pecan-period.h"
#include "pecan-ui-util.h"

static const struct
{
  const char *field;         /* as pecan_coop_check() names it */
  gsize       offset;        /* of its text in PecanCoopInfo */
  Page        page;
  const char *entry;         /* template ids */
  const char *message;
} fields[N_FIELDS] = {
  [FIELD_PROGRAM] = { "program", G_STRUCT_OFFSET (PecanCoopInfo, program), PAGE_NEW_CLAIM,
                      "program_entry", "program_message" },
  /* The core says of both the program and the fund category "program". */
  [FIELD_FUND_CATEGORY] = { "fund-category", G_STRUCT_OFFSET (PecanCoopInfo, fund_category),
                            PAGE_NEW_CLAIM, "fund_category_entry", "fund_category_message" },
  [FIELD_LOCATION_ID] = { "location-id", G_STRUCT_OFFSET (PecanCoopInfo, location_id),
                          PAGE_NEW_CLAIM, "location_id_entry", "location_id_message" },
  [FIELD_FUNDING_POOL] = { "funding-pool", G_STRUCT_OFFSET (PecanCoopInfo, funding_pool),
                           PAGE_NEW_CLAIM, "funding_pool_entry", "funding_pool_message" },
  [FIELD_ACTIVITY_NAME] = { "activity-name", G_STRUCT_OFFSET (PecanCoopInfo, activity_name),
                            PAGE_DETAILS, "activity_name_entry", "activity_name_message" },
  [FIELD_CURRENCY] = { "currency", G_STRUCT_OFFSET (PecanCoopInfo, currency), PAGE_DETAILS,
                       "currency_entry", "currency_message" },
  [FIELD_PARTNER_ID] = { "partner-id", G_STRUCT_OFFSET (PecanCoopInfo, partner_id), PAGE_DETAILS,
                         "partner_id_entry", "partner_id_message" },
  [FIELD_CONTACT_EMAIL] = { "contact-email", G_STRUCT_OFFSET (PecanCoopInfo, contact_email),
                            PAGE_DETAILS, "contact_email_entry", "contact_email_message" },
};

static char **
field_text (PecanCoopChecklist *self,
            Field               field)
{
  return G_STRUCT_MEMBER_P (&self->info, fields[field].offset);
}

/* Shows @message under a field, or hides it; the field turns red or
 * amber with it. */
static void
show_message (GtkWidget         *field,
              GtkLabel          *label,
              const char        *message,
              PecanCoopSeverity  severity)
{
  gboolean error = message != NULL && severity == PECAN_COOP_ERROR;
  gboolean warning = message != NULL && severity == PECAN_COOP_WARNING;

  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  pecan_coop_checklist_set_class (GTK_WIDGET (label), "error", error);
  pecan_coop_checklist_set_class (GTK_WIDGET (label), "warning", warning);
  if (field == NULL)
    return;
  pecan_coop_checklist_set_class (field, "error", error);
  pecan_coop_checklist_set_class (field, "warning", warning);
  if (GTK_IS_ENTRY (field))
    gtk_entry_set_icon_from_icon_name (GTK_ENTRY (field), GTK_ENTRY_ICON_SECONDARY,
                                       error ? "dialog-error-symbolic"
                                             : warning ? "dialog-warning-symbolic" : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message != NULL ? message : "", -1);
}

static void
update_entry (PecanCoopChecklist *self,
              Field               field)
{
  GtkWidget *entry = GTK_WIDGET (self->entries[field]);
  PecanCoopSeverity severity = PECAN_COOP_ERROR;
  const char *message = pecan_coop_checklist_field_message (self, fields[field].field, &severity);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (!self->touched[field] && *text == '\0')
    message = NULL;
  show_message (entry, self->messages[field], message, severity);
}

static char *
describe_day (gint32 day)
{
  return day != 0 ? pecan_day_describe (day) : g_strdup (_("Choose a Date…"));
}

static void
update_period (PecanCoopChecklist *self)
{
  const PecanCoopInfo *info = &self->info;
  PecanCoopSeverity severity = PECAN_COOP_ERROR;
  const char *message = pecan_coop_checklist_field_message (self, "usage-period", &severity);
  g_autofree char *label = NULL;
  g_autofree char *due = NULL;
  g_autofree char *text = NULL;

  if (message == NULL)
    {
      label = pecan_coop_period_label (info->fiscal_year, info->half);
      due = pecan_day_describe (pecan_coop_deadline (info->fiscal_year, info->half,
                                                     self->deadline_days));
      /* TRANSLATORS: a usage period, then its claim deadline: "FY2026 H2
       * (January–June 2026): claim deadline 14 August 2026" */
      text = g_strdup_printf (_("%s: claim deadline %s"), label, due);
    }
  gtk_label_set_text (self->period_label, text != NULL ? text : "");
  show_message (NULL, self->period_message, message, severity);
}

/* Under the dates: what the core says of them, once one is given. */
static void
update_dates (PecanCoopChecklist *self)
{
  PecanCoopSeverity severity = PECAN_COOP_ERROR;
  const char *message = pecan_coop_checklist_field_message (self, "dates", &severity);
  g_autofree char *start = describe_day (self->info.start_day);
  g_autofree char *end = describe_day (self->info.end_day);

  if (self->info.start_day == 0 && self->info.end_day == 0)
    message = NULL;
  gtk_menu_button_set_label (self->start_button, start);
  gtk_menu_button_set_label (self->end_button, end);
  show_message (GTK_WIDGET (self->start_button), self->dates_message, message, severity);
  pecan_coop_checklist_set_class (GTK_WIDGET (self->end_button), "error",
                                  message != NULL && severity == PECAN_COOP_ERROR);
}

static void
update_amount (PecanCoopChecklist *self)
{
  PecanCoopSeverity severity = PECAN_COOP_ERROR;
  const char *message = pecan_coop_checklist_field_message (self, "amount", &severity);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->amount_entry));
  g_autofree char *invalid = NULL;

  if (self->amount_invalid)
    {
      /* TRANSLATORS: %s is what was typed as an amount */
      invalid = g_strdup_printf (_("“%s” is not an amount: write it as 1234.50."), text);
      message = invalid;
      severity = PECAN_COOP_ERROR;
    }
  else if (!self->amount_touched && *text == '\0')
    message = NULL;
  show_message (GTK_WIDGET (self->amount_entry), self->amount_message, message, severity);
}

static void
update_description (PecanCoopChecklist *self)
{
  PecanCoopSeverity severity = PECAN_COOP_ERROR;
  const char *message = pecan_coop_checklist_field_message (self, "activity-description",
                                                            &severity);
  const char *text = self->info.activity_description;

  if (text == NULL || *text == '\0')
    message = NULL;
  show_message (NULL, self->description_message, message, severity);
}

/* The messages under the fields, after pecan_coop_check() ran. */
void
pecan_coop_checklist_update_fields (PecanCoopChecklist *self)
{
  for (Field field = 0; field < N_FIELDS; field++)
    update_entry (self, field);
  update_period (self);
  update_dates (self);
  update_amount (self);
  update_description (self);
}

/**
 * pecan_coop_checklist_field_shown:
 * @page: a page
 * @field: a field as pecan_coop_check() names it
 *
 * Returns: whether the form of @page shows @field's message under it now:
 *   the card of what is left need not say it again
 */
gboolean
pecan_coop_checklist_field_shown (PecanCoopChecklist *self,
                                  Page                page,
                                  const char         *field)
{
  const struct
  {
    const char *field;
    Page        page;
    GtkLabel   *message;
  } others[] = {
    { "usage-period", PAGE_NEW_CLAIM, self->period_message },
    { "activity-description", PAGE_DETAILS, self->description_message },
    { "dates", PAGE_DETAILS, self->dates_message },
    { "amount", PAGE_DETAILS, self->amount_message },
  };

  for (Field f = 0; f < N_FIELDS; f++)
    if (fields[f].page == page && g_strcmp0 (fields[f].field, field) == 0)
      return gtk_widget_get_visible (GTK_WIDGET (self->messages[f]));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (others[i].page == page && g_strcmp0 (others[i].field, field) == 0)
      return gtk_widget_get_visible (GTK_WIDGET (others[i].message));
  return FALSE;
}

static void
entry_changed_cb (PecanCoopChecklist *self,
                  GtkEditable        *entry)
{
  const char *text = gtk_editable_get_text (entry);
  Field field;

  if (self->syncing)
    return;
  for (field = 0; field < N_FIELDS; field++)
    if (GTK_EDITABLE (self->entries[field]) == entry)
      break;
  g_return_if_fail (field < N_FIELDS);
  /* The database keeps currency codes in capitals: so does the claim. */
  if (field == FIELD_CURRENCY)
    {
      g_autofree char *code = g_ascii_strup (text, -1);

      pecan_coop_checklist_set_string (field_text (self, field), code);
    }
  else
    pecan_coop_checklist_set_string (field_text (self, field), text);
  self->touched[field] = TRUE;
  pecan_coop_checklist_changed (self);
}

static void
amount_changed_cb (PecanCoopChecklist *self,
                   GtkEditable        *entry)
{
  const char *text = gtk_editable_get_text (entry);
  gint64 nano = 0;

  if (self->syncing)
    return;
  self->amount_touched = TRUE;
  self->amount_invalid = *text != '\0' && !pecan_ui_parse_nano (text, &nano);
  self->info.amount = self->amount_invalid ? 0 : nano;
  pecan_coop_checklist_changed (self);
}

static void
description_changed_cb (PecanCoopChecklist *self,
                        GtkTextBuffer      *buffer)
{
  GtkTextIter start, end;

  if (self->syncing)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (self->info.activity_description);
  self->info.activity_description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  pecan_coop_checklist_changed (self);
}

static void
period_changed_cb (PecanCoopChecklist *self)
{
  if (self->syncing)
    return;
  self->info.fiscal_year = gtk_spin_button_get_value_as_int (self->year_spin);
  self->info.half = gtk_drop_down_get_selected (self->half_dropdown) + 1;
  pecan_coop_checklist_changed (self);
}

static gint32
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return pecan_day_from_ymd (g_date_time_get_year (date), g_date_time_get_month (date),
                             g_date_time_get_day_of_month (date));
}

static void
calendar_show_day (GtkCalendar *calendar,
                   gint32       day)
{
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  pecan_day_to_ymd (day, &y, &m, &d);
  date = g_date_time_new_local (y, m, d, 12, 0, 0);
  gtk_calendar_select_day (calendar, date);
}

/* The day a calendar opens at when no date is chosen yet: inside the
 * usage period. */
static gint32
suggested_day (PecanCoopChecklist *self)
{
  PecanPeriod period;

  if (self->info.fiscal_year < 2000 || (self->info.half != 1 && self->info.half != 2))
    return self->today;
  pecan_coop_usage_period (self->info.fiscal_year, self->info.half, &period);
  return CLAMP (self->today, period.first, period.last);
}

static void
sync_dates (PecanCoopChecklist *self)
{
  gint32 start = self->info.start_day != 0 ? self->info.start_day : suggested_day (self);
  gint32 end = self->info.end_day != 0 ? self->info.end_day : start;

  calendar_show_day (self->start_calendar, start);
  calendar_show_day (self->end_calendar, end);
}

/* The calendars follow what the user points at: the day shown selected
 * is the date. */
static void
date_selected_cb (PecanCoopChecklist *self,
                  GParamSpec         *pspec,
                  GtkCalendar        *calendar)
{
  gint32 *day = calendar == self->start_calendar ? &self->info.start_day : &self->info.end_day;
  gint32 chosen = calendar_day (calendar);

  if (self->syncing || chosen == *day)
    return;
  *day = chosen;
  /* An end before the start is the start, until told otherwise. */
  if (calendar == self->start_calendar && self->info.end_day == 0)
    {
      self->syncing = TRUE;
      calendar_show_day (self->end_calendar, chosen);
      self->syncing = FALSE;
    }
  pecan_coop_checklist_changed (self);
}

/* A click on a day chooses it, and closes the calendar. */
static void
calendar_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      gpointer         user_data)
{
  PecanCoopChecklist *self = user_data;
  GtkWidget *calendar = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  date_selected_cb (self, NULL, GTK_CALENDAR (calendar));
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (calendar, GTK_TYPE_POPOVER)));
}

static void
watch_calendar (PecanCoopChecklist *self,
                GtkCalendar        *calendar)
{
  GtkGesture *click = gtk_gesture_click_new ();
  const char * const signals[] = { "notify::day", "notify::month", "notify::year" };

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    g_signal_connect_object (calendar, signals[i], G_CALLBACK (date_selected_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "released", G_CALLBACK (calendar_released_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (calendar), GTK_EVENT_CONTROLLER (click));
}

/* Every field from the claim. */
void
pecan_coop_checklist_sync_fields (PecanCoopChecklist *self)
{
  gboolean syncing = self->syncing;
  g_autofree char *amount = NULL;

  self->syncing = TRUE;
  for (Field field = 0; field < N_FIELDS; field++)
    {
      const char *text = *field_text (self, field);

      gtk_editable_set_text (GTK_EDITABLE (self->entries[field]), text != NULL ? text : "");
    }
  gtk_spin_button_set_value (self->year_spin, self->info.fiscal_year);
  gtk_drop_down_set_selected (self->half_dropdown, self->info.half == 1 ? 0 : 1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            self->info.activity_description != NULL
                              ? self->info.activity_description : "", -1);
  if (self->info.amount != 0)
    amount = pecan_ui_format_nano (self->info.amount, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), amount != NULL ? amount : "");
  sync_dates (self);
  self->syncing = syncing;
}

void
pecan_coop_checklist_init_fields (PecanCoopChecklist *self)
{
  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (description_changed_cb), self, G_CONNECT_SWAPPED);
  watch_calendar (self, self->start_calendar);
  watch_calendar (self, self->end_calendar);
}

void
pecan_coop_checklist_class_init_fields (GtkWidgetClass *widget_class)
{
  for (Field field = 0; field < N_FIELDS; field++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, fields[field].entry, FALSE,
                                                 G_STRUCT_OFFSET (PecanCoopChecklist, entries)
                                                 + field * sizeof (GtkEntry *));
      gtk_widget_class_bind_template_child_full (widget_class, fields[field].message, FALSE,
                                                 G_STRUCT_OFFSET (PecanCoopChecklist, messages)
                                                 + field * sizeof (GtkLabel *));
    }
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, year_spin);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, half_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, period_label);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, period_message);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, description_view);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, description_message);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, start_button);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, start_calendar);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, end_button);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, end_calendar);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, dates_message);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, amount_message);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, amount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
}
