/* pecan-claim-status-dialog.c: changing a claim's status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Offers only the statuses the claim can move to from where it is
 * (pecan_cpor_can_move()), as Partner Center moves claims; for "partner
 * action required" it asks the day Microsoft asked, from which the 14
 * days to answer run. Co-op claims move in the same way, through statuses
 * of their own (pecan_coop_can_move()). The dialog only says what was
 * chosen: the caller changes the status, off the main thread.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-claim-status-dialog.h"
#include "pecan-coop.h"
#include "pecan-parse.h"
#include "pecan-period.h"

/* The statuses of a kind of claim, and how they move. */
typedef struct
{
  int           last;                   /* the statuses are 0 to last */
  int           action_required;        /* the one that asks for a day */
  int           answer_days;
  gboolean    (*can_move) (int from,
                           int to);
  const char *(*label)    (int status);
} Statuses;

static gboolean
cpor_can_move (int from,
               int to)
{
  return pecan_cpor_can_move (from, to);
}

static const char *
cpor_label (int status)
{
  return pecan_cpor_status_label (status);
}

static gboolean
coop_can_move (int from,
               int to)
{
  return pecan_coop_can_move (from, to);
}

static const char *
coop_label (int status)
{
  return pecan_coop_status_label (status);
}

static const Statuses cpor_statuses = {
  PECAN_CPOR_PAID, PECAN_CPOR_ACTION_REQUIRED, PECAN_CPOR_ANSWER_DAYS, cpor_can_move, cpor_label,
};

static const Statuses coop_statuses = {
  PECAN_COOP_PAID, PECAN_COOP_ACTION_REQUIRED, PECAN_COOP_ANSWER_DAYS, coop_can_move, coop_label,
};

struct _PecanClaimStatusDialog
{
  GtkWindow        parent_instance;

  const Statuses  *statuses;
  int              current;
  int              chosen;
  gint32           today;

  GtkLabel        *current_label;
  GtkBox          *choices_box;
  GtkRevealer     *day_revealer;
  GtkCalendar     *calendar;
  GtkLabel        *answer_label;
  GtkEntry        *note_entry;
  GtkButton       *change_button;
};

G_DEFINE_FINAL_TYPE (PecanClaimStatusDialog, pecan_claim_status_dialog, GTK_TYPE_WINDOW)

enum {
  STATUS_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint32
calendar_day (PecanClaimStatusDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

  return pecan_day_from_ymd (g_date_time_get_year (date), g_date_time_get_month (date),
                             g_date_time_get_day_of_month (date));
}

static void
day_selected_cb (PecanClaimStatusDialog *self)
{
  gint32 day = calendar_day (self);
  g_autofree char *answer_by = pecan_day_describe (day + self->statuses->answer_days);
  g_autofree char *text = NULL;

  /* TRANSLATORS: %s is the last day to answer Microsoft */
  text = g_strdup_printf (_("Answer by %s, or Microsoft rejects the claim."), answer_by);
  gtk_label_set_text (self->answer_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->change_button),
                            self->chosen != self->current && day <= self->today);
}

static void
choice_toggled_cb (GtkCheckButton         *check,
                   PecanClaimStatusDialog *self)
{
  if (!gtk_check_button_get_active (check))
    return;
  self->chosen = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "status"));
  gtk_revealer_set_reveal_child (self->day_revealer,
                                 self->chosen == self->statuses->action_required);
  day_selected_cb (self);
}

static void
add_choices (PecanClaimStatusDialog *self)
{
  GtkCheckButton *group = NULL;

  for (int status = 0; status <= self->statuses->last; status++)
    {
      GtkWidget *check;

      if (!self->statuses->can_move (self->current, status))
        continue;
      check = gtk_check_button_new_with_label (self->statuses->label (status));
      g_object_set_data (G_OBJECT (check), "status", GINT_TO_POINTER (status));
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (choice_toggled_cb), self, 0);
      gtk_box_append (self->choices_box, check);
    }
}

static void
change_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PecanClaimStatusDialog *self = PECAN_CLAIM_STATUS_DIALOG (widget);
  gint32 day = self->chosen == self->statuses->action_required ? calendar_day (self)
                                                                : self->today;

  if (self->chosen == self->current || day > self->today)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  g_signal_emit (self, signals[STATUS_CHOSEN], 0, self->chosen, day,
                 gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
pecan_claim_status_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PECAN_TYPE_CLAIM_STATUS_DIALOG);

  G_OBJECT_CLASS (pecan_claim_status_dialog_parent_class)->dispose (object);
}

static void
pecan_claim_status_dialog_class_init (PecanClaimStatusDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pecan_claim_status_dialog_dispose;

  /* The status chosen, the day it happened and the note typed. */
  signals[STATUS_CHOSEN] = g_signal_new ("status-chosen", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pecanapp/Pecan/pecan-claim-status-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PecanClaimStatusDialog, current_label);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimStatusDialog, choices_box);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimStatusDialog, day_revealer);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimStatusDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimStatusDialog, answer_label);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimStatusDialog, note_entry);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimStatusDialog, change_button);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);

  gtk_widget_class_install_action (widget_class, "status.change", NULL, change_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pecan_claim_status_dialog_init (PecanClaimStatusDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static PecanClaimStatusDialog *
dialog_new (GtkWindow      *parent,
            const Statuses *statuses,
            const char     *name,
            int             status,
            gint32          today)
{
  PecanClaimStatusDialog *self = g_object_new (PECAN_TYPE_CLAIM_STATUS_DIALOG,
                                               "transient-for", parent, NULL);
  g_autofree char *current = NULL;
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  self->statuses = statuses;
  self->current = self->chosen = status;
  self->today = today;
  /* TRANSLATORS: a claim's name and its status */
  current = g_strdup_printf (_("“%s” is now: %s"), name != NULL ? name : "",
                             statuses->label (status));
  gtk_label_set_text (self->current_label, current);
  pecan_day_to_ymd (today, &y, &m, &d);
  date = g_date_time_new_local (y, m, d, 12, 0, 0);
  gtk_calendar_select_day (self->calendar, date);
  add_choices (self);
  day_selected_cb (self);
  return self;
}

/**
 * pecan_claim_status_dialog_new:
 * @parent: the window it is modal to
 * @info: the claim
 * @today: the day it is: the latest day Microsoft can have asked
 *
 * Returns: (transfer none): the dialog; it emits "status-chosen" and
 *   closes, or closes
 */
PecanClaimStatusDialog *
pecan_claim_status_dialog_new (GtkWindow           *parent,
                               const PecanCporInfo *info,
                               gint32               today)
{
  return dialog_new (parent, &cpor_statuses, info->name, info->status, today);
}

/**
 * pecan_claim_status_dialog_new_coop:
 * @parent: the window it is modal to
 * @info: a co-op claim
 * @today: the day it is: the latest day a reviewer can have asked
 *
 * Returns: (transfer none): the dialog for a co-op claim, which emits
 *   "status-chosen" with a #PecanCoopStatus
 */
PecanClaimStatusDialog *
pecan_claim_status_dialog_new_coop (GtkWindow           *parent,
                                    const PecanCoopInfo *info,
                                    gint32               today)
{
  return dialog_new (parent, &coop_statuses, info->activity_name, info->status, today);
}

/**
 * pecan_claim_status_dialog_select:
 *
 * Chooses @status, as clicking it does.
 *
 * Returns: whether @status was offered
 */
gboolean
pecan_claim_status_dialog_select (PecanClaimStatusDialog *self,
                                  int                     status)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->choices_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "status")) == status)
      {
        gtk_check_button_set_active (GTK_CHECK_BUTTON (child), TRUE);
        return TRUE;
      }
  return FALSE;
}
