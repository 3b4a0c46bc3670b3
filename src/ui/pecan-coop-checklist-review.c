/* pecan-coop-checklist-review.c: reviewing and submitting a co-op claim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Review and Submit lists every field in Partner Center's order, each with
 * a Copy button, the problems still open, each naming the step that fixes
 * it, and marks the claim as submitted once nothing keeps it from it; the
 * claim pack is exported from here too. Tracking it after is in
 * pecan-coop-checklist-track.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-claim-export.h"
#include "pecan-claim-review.h"
#include "pecan-coop-checklist-private.h"
#include "pecan-parse.h"
#include "pecan-period.h"
#include "pecan-ui-util.h"

/**
 * pecan_coop_checklist_status_day:
 * @status: a status the claim had
 *
 * Returns: the day it last took @status, or today when it never did
 */
gint32
pecan_coop_checklist_status_day (const PecanCoopInfo *info,
                                 PecanCoopStatus      status)
{
  for (guint i = info->history->len; i > 0; i--)
    {
      const PecanCoopEvent *event = &g_array_index (info->history, PecanCoopEvent, i - 1);

      if (event->status == status)
        return event->day;
    }
  return pecan_day_today ();
}

static GtkWidget *
section_new (PecanCoopChecklist *self,
             const char         *title)
{
  return pecan_claim_review_section (self->review_box, title);
}

static void
add_field (GtkWidget  *list,
           const char *title,
           const char *value)
{
  pecan_claim_review_field (list, title, value, "checklist.copy");
}

static char *
day_text (gint32 day)
{
  return day != 0 ? pecan_day_describe (day) : NULL;
}

/* An amount as Partner Center's form takes it: digits and a point. */
static char *
plain_amount (gint64 nano)
{
  char text[64];

  pecan_nano_format (pecan_nano_round_cents (nano), 2, text, sizeof text);
  return g_strdup (text);
}

static void
add_claim_sections (PecanCoopChecklist *self)
{
  const PecanCoopInfo *info = &self->info;
  gboolean period = info->fiscal_year >= 2000 && (info->half == 1 || info->half == 2);
  g_autofree char *usage = period ? pecan_coop_period_label (info->fiscal_year, info->half) : NULL;
  g_autofree char *start = day_text (info->start_day);
  g_autofree char *end = day_text (info->end_day);
  g_autofree char *amount = info->amount > 0 ? plain_amount (info->amount) : NULL;
  GtkWidget *list = section_new (self, _("Step 4 · New Claim"));

  add_field (list, _("Program"), info->program);
  add_field (list, _("Fund category"), info->fund_category);
  add_field (list, _("Location"), info->location_id);
  add_field (list, _("Funding pool"), info->funding_pool);
  add_field (list, _("Usage period"), usage);
  list = section_new (self, _("Step 5 · Claim Details"));
  add_field (list, _("Activity name"), info->activity_name);
  add_field (list, _("Activity description"), info->activity_description);
  add_field (list, _("Start date"), start);
  add_field (list, _("End date"), end);
  add_field (list, _("Claimed amount"), amount);
  add_field (list, _("Currency"), info->currency);
  add_field (list, _("Partner ID"), info->partner_id);
  add_field (list, _("Contact email"), info->contact_email);
}

static void
add_documents_section (PecanCoopChecklist *self)
{
  const PecanCoopInfo *info = &self->info;
  GtkWidget *list = section_new (self, _("Step 6 · Proof of Execution"));
  gint32 keep_until = pecan_coop_info_keep_until (info);
  g_autofree char *keep = day_text (keep_until);

  for (guint i = 0; i < info->documents->len; i++)
    {
      const PecanCoopDocument *d = &g_array_index (info->documents, PecanCoopDocument, i);
      g_autofree char *day = day_text (d->day);
      g_autofree char *amount = d->has_amount ? plain_amount (d->amount) : NULL;
      g_autofree char *value = NULL;

      /* TRANSLATORS: a document's name, date and amount */
      value = amount != NULL ? g_strdup_printf (_("%s · %s · %s"), d->name != NULL ? d->name : "",
                                                day != NULL ? day : "—", amount)
                             /* TRANSLATORS: a document's name and date */
                             : g_strdup_printf (_("%s · %s"), d->name != NULL ? d->name : "",
                                                day != NULL ? day : "—");
      add_field (list, pecan_coop_checklist_kind_title (d->kind), value);
    }
  if (info->documents->len == 0)
    add_field (list, _("Documents"), NULL);
  add_field (list, _("Keep the documents until"), keep);
}

static GtkWidget *
problem_row_new (const PecanCoopProblem *problem)
{
  GtkWidget *box = pecan_coop_checklist_problem_row (problem->message, problem->severity);
  Page page = STEP_PAGE (problem->step);
  g_autofree char *where = g_strdup_printf (_("Step %d, %s"), problem->step + 1,
                                            pecan_coop_checklist_page_title (page));
  GtkWidget *button = gtk_button_new_with_label (where);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Go to this step to fix it"));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int32 (problem->step));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "checklist.go-to");
  gtk_widget_set_visible (button, problem->step < PECAN_COOP_STEP_SUBMIT);
  gtk_box_set_spacing (GTK_BOX (box), 12);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static void
update_problems (PecanCoopChecklist *self)
{
  GtkWidget *child;
  guint n = self->problems->len;
  gboolean ready = !pecan_coop_checklist_has_errors (self, TRUE);
  gboolean submitted = !pecan_coop_info_is_editable (&self->info);
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_problems))) != NULL)
    gtk_list_box_remove (self->review_problems, child);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->review_problems, problem_row_new (self->problems->pdata[i]));
  if (submitted)
    title = g_strdup (pecan_coop_status_label (self->info.status));
  else if (ready)
    title = g_strdup (_("Ready to Submit"));
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Problem Still Open",
                                          "%u Problems Still Open", n), n);
  gtk_label_set_text (self->review_title, title);
  gtk_image_set_from_icon_name (self->review_icon, ready || submitted ? "object-select-symbolic"
                                                                      : "dialog-warning-symbolic");
  pecan_coop_checklist_set_class (GTK_WIDGET (self->review_icon), "success", ready || submitted);
  pecan_coop_checklist_set_class (GTK_WIDGET (self->review_icon), "warning", !ready && !submitted);
  gtk_widget_set_visible (GTK_WIDGET (self->review_problems), n > 0);
}

static void
update_submit (PecanCoopChecklist *self)
{
  PecanCoopStatus status = self->info.status;
  gboolean can = pecan_coop_info_is_editable (&self->info)
                 && pecan_coop_can_move (status, PECAN_COOP_SUBMITTED);
  gboolean ready = !pecan_coop_checklist_has_errors (self, TRUE);
  gint32 day = status != PECAN_COOP_EDITING
                 ? pecan_coop_checklist_status_day (&self->info, PECAN_COOP_SUBMITTED) : 0;
  g_autofree char *date = day != 0 ? pecan_day_describe (day) : NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->submit_button), can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.submit",
                                 can && ready && !self->job_running
                                 && g_queue_is_empty (&self->jobs));
  if (date != NULL)
    /* TRANSLATORS: %s is a date */
    text = g_strdup_printf (_("Marked as submitted on %s."), date);
  gtk_label_set_text (self->submitted_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->submitted_label), text != NULL);
}

/**
 * pecan_coop_checklist_update_review:
 *
 * Review and Submit again, from the claim and its problems.
 */
void
pecan_coop_checklist_update_review (PecanCoopChecklist *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_box))) != NULL)
    gtk_box_remove (self->review_box, child);
  add_claim_sections (self);
  add_documents_section (self);
  update_problems (self);
  update_submit (self);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          g_variant_get_string (parameter, NULL));
}

static void
export_chosen (const char *path,
               gpointer    user_data)
{
  pecan_coop_checklist_export_to (PECAN_COOP_CHECKLIST (user_data), path);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PecanCoopChecklist *self = PECAN_COOP_CHECKLIST (widget);
  const char *name = self->info.activity_name;

  pecan_claim_export_choose_named (GTK_WINDOW (self), _("Export Claim Pack"),
                                   name != NULL && *name != '\0' ? name : _("Co-op claim"),
                                   export_chosen, g_object_ref (self), g_object_unref);
}

/**
 * pecan_coop_checklist_move_to:
 * @status: a status the claim can move to
 * @day: when it happened
 * @note: (nullable): what happened
 *
 * Saves what is pending, then changes the claim's status, off the main
 * thread.
 */
void
pecan_coop_checklist_move_to (PecanCoopChecklist *self,
                              PecanCoopStatus     status,
                              gint32              day,
                              const char         *note)
{
  if (!pecan_coop_can_move (self->info.status, status))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  pecan_coop_checklist_flush (self);
  pecan_coop_checklist_queue (self, JOB_STATUS, status, 0, day, note);
  update_submit (self);
}

static void
submitted_response_cb (GtkDialog          *dialog,
                       int                 response,
                       PecanCoopChecklist *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    pecan_coop_checklist_move_to (self, PECAN_COOP_SUBMITTED, self->today, NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PecanCoopChecklist *self = PECAN_COOP_CHECKLIST (widget);
  GtkWidget *dialog;
  GtkWidget *button;

  if (pecan_coop_checklist_has_errors (self, TRUE))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Mark “%s” as submitted?"),
                                   self->info.activity_name != NULL ? self->info.activity_name
                                                                    : "");
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Do it once the claim is submitted in Partner "
                                              "Center. As there, a submitted claim can no longer "
                                              "be edited unless a reviewer asks for more: only its "
                                              "status and notes can change."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Mark as Submitted"),
                                  GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_object (dialog, "response", G_CALLBACK (submitted_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * pecan_coop_checklist_export_to:
 * @path: the workbook to write
 *
 * Saves the claim, then writes its pack to @path, off the main thread.
 */
void
pecan_coop_checklist_export_to (PecanCoopChecklist *self,
                                const char         *path)
{
  g_return_if_fail (PECAN_IS_COOP_CHECKLIST (self));
  g_return_if_fail (path != NULL);

  pecan_coop_checklist_flush (self);
  pecan_coop_checklist_queue (self, JOB_EXPORT, 0, 0, 0, path);
}

void
pecan_coop_checklist_class_init_review (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, review_icon);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, review_title);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, review_problems);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, review_box);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, submit_button);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, submitted_label);

  gtk_widget_class_install_action (widget_class, "checklist.copy", "s", copy_action);
  gtk_widget_class_install_action (widget_class, "checklist.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "checklist.submit", NULL, submit_action);
}
