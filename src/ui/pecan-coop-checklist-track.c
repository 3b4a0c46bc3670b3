/* pecan-coop-checklist-track.c: tracking a co-op claim to its payment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Track says where the claim stands and since when, changes its status
 * through the status dialog as Partner Center allows (asking the day a
 * reviewer asked for more), counts down the 14 days to answer, and keeps
 * the history and the notes, which change even once the claim is only
 * read.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-claim-status-dialog.h"
#include "pecan-countdown.h"
#include "pecan-coop-checklist-private.h"
#include "pecan-period.h"

static const char *
status_icon (PecanCoopStatus status)
{
  switch (status)
    {
    case PECAN_COOP_EDITING:
      return "document-edit-symbolic";
    case PECAN_COOP_SUBMITTED:
      return "document-send-symbolic";
    case PECAN_COOP_DISPUTED:
      return "dialog-question-symbolic";
    case PECAN_COOP_ACTION_REQUIRED:
      return "dialog-warning-symbolic";
    case PECAN_COOP_APPROVED:
      return "object-select-symbolic";
    case PECAN_COOP_REJECTED:
      return "process-stop-symbolic";
    case PECAN_COOP_PAID:
    default:
      return "emblem-ok-symbolic";
    }
}

static GtkWidget *
event_row_new (const PecanCoopEvent *event)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *day = pecan_day_describe (event->day);
  GtkWidget *date = gtk_label_new (day);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *status = gtk_label_new (pecan_coop_status_label (event->status));

  gtk_label_set_xalign (GTK_LABEL (date), 0.0);
  gtk_widget_set_size_request (date, 180, -1);
  gtk_widget_add_css_class (date, "dim-label");
  gtk_widget_add_css_class (date, "numeric");
  gtk_label_set_xalign (GTK_LABEL (status), 0.0);
  gtk_box_append (GTK_BOX (text), status);
  if (event->note != NULL && *event->note != '\0')
    {
      GtkWidget *note = gtk_label_new (event->note);

      gtk_label_set_xalign (GTK_LABEL (note), 0.0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_selectable (GTK_LABEL (note), TRUE);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (GTK_BOX (text), note);
    }
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (row), date);
  gtk_box_append (GTK_BOX (row), text);
  return row;
}

/* Whether the claim can move on from where it is, other than by being
 * submitted from Review and Submit. */
static gboolean
can_change_status (const PecanCoopInfo *info)
{
  if (info->status == PECAN_COOP_EDITING)
    return FALSE;
  for (int to = PECAN_COOP_EDITING; to <= PECAN_COOP_PAID; to++)
    if (pecan_coop_can_move (info->status, to))
      return TRUE;
  return FALSE;
}

/**
 * pecan_coop_checklist_update_track:
 *
 * Track again: the status, the day to answer by, the history.
 */
void
pecan_coop_checklist_update_track (PecanCoopChecklist *self)
{
  const PecanCoopInfo *info = &self->info;
  gint32 answer_by = pecan_coop_info_answer_by (info);
  g_autofree char *since = pecan_day_describe (pecan_coop_checklist_status_day (info,
                                                                                info->status));
  g_autofree char *next = pecan_coop_next_action (info, self->deadline_days, self->today);
  g_autofree char *subtitle = NULL;
  GtkWidget *child;

  gtk_image_set_from_icon_name (self->status_icon, status_icon (info->status));
  gtk_label_set_text (self->status_title, pecan_coop_status_label (info->status));
  /* TRANSLATORS: since when a claim has its status, then what to do next */
  subtitle = *next != '\0' ? g_strdup_printf (_("Since %s · %s"), since, next)
                           /* TRANSLATORS: since when a claim has its status */
                           : g_strdup_printf (_("Since %s"), since);
  gtk_label_set_text (self->status_since, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->change_status_button), can_change_status (info));
  gtk_widget_set_visible (self->answer_card, answer_by != 0);
  if (answer_by != 0)
    {
      g_autofree char *day = pecan_day_describe (answer_by);
      g_autofree char *text = NULL;

      /* TRANSLATORS: %s is a date */
      text = g_strdup_printf (_("A reviewer asked for more: answer by %s, or the claim is "
                                "rejected. Change what they asked for, then record that the claim "
                                "was submitted again."), day);
      gtk_label_set_text (self->answer_card_label, text);
      pecan_countdown_set (self->answer_card_badge, answer_by, self->today);
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  for (guint i = info->history->len; i > 0; i--)
    gtk_list_box_append (self->history_list,
                         event_row_new (&g_array_index (info->history, PecanCoopEvent, i - 1)));
  gtk_widget_set_visible (GTK_WIDGET (self->history_list), info->history->len > 0);
}

void
pecan_coop_checklist_sync_notes (PecanCoopChecklist *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  gboolean syncing = self->syncing;

  self->syncing = TRUE;
  gtk_text_buffer_set_text (buffer, self->info.notes != NULL ? self->info.notes : "", -1);
  self->syncing = syncing;
}

static void
notes_changed_cb (PecanCoopChecklist *self,
                  GtkTextBuffer      *buffer)
{
  GtkTextIter start, end;

  if (self->syncing)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (self->info.notes);
  self->info.notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* A submitted claim keeps its fields; its notes still change. */
  if (pecan_coop_info_is_editable (&self->info))
    self->dirty = TRUE;
  else
    self->notes_dirty = TRUE;
  pecan_coop_checklist_save_soon (self);
}

static void
status_chosen_cb (PecanClaimStatusDialog *dialog,
                  int                     status,
                  gint32                  day,
                  const char             *note,
                  PecanCoopChecklist     *self)
{
  pecan_coop_checklist_move_to (self, status, day, note);
}

static void
change_status_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PecanCoopChecklist *self = PECAN_COOP_CHECKLIST (widget);
  PecanClaimStatusDialog *dialog = pecan_claim_status_dialog_new_coop (GTK_WINDOW (self),
                                                                       &self->info, self->today);

  g_signal_connect_object (dialog, "status-chosen", G_CALLBACK (status_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
pecan_coop_checklist_init_track (PecanCoopChecklist *self)
{
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
}

void
pecan_coop_checklist_class_init_track (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, status_icon);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, status_title);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, status_since);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, change_status_button);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, answer_card);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, answer_card_label);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, answer_card_badge);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, history_list);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, notes_view);

  gtk_widget_class_install_action (widget_class, "checklist.change-status", NULL,
                                   change_status_action);
}
