/* pecan-claim-wizard-review.c: the claim wizard's review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field in the order Partner Center asks for it, step by step, each
 * with a Copy button, so that the portal's form is filled line by line;
 * the problems still open, each naming the step that fixes it; the notes;
 * and what moves the claim on: save, export the packet, mark it ready,
 * then submitted (after which it is only read, as in Partner Center).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-claim-status-dialog.h"
#include "pecan-claim-export.h"
#include "pecan-claim-review.h"
#include "pecan-claim-wizard-private.h"

static GtkWidget *
section_new (PecanClaimWizard *self,
             const char       *title)
{
  return pecan_claim_review_section (self->review_box, title);
}

static void
add_field (GtkWidget  *list,
           const char *title,
           const char *value)
{
  pecan_claim_review_field (list, title, value, "wizard.copy");
}

static void
add_customer_section (PecanClaimWizard *self)
{
  const PecanCporInfo *info = &self->info;
  GtkWidget *list = section_new (self, _("Step 1 · Associate Customer"));

  add_field (list, _("Claim name"), info->name);
  add_field (list, _("Partner location (PartnerID)"), info->partner_id);
  add_field (list, _("Customer ID type"), pecan_cpor_id_type_label (info->id_type));
  add_field (list, _("Customer ID"), info->customer_ref);
  add_field (list, _("Opt out of incentive payment"),
             info->opt_out ? _("Ticked: recognition only") : _("Not ticked"));
}

static void
add_workload_section (PecanClaimWizard *self)
{
  const PecanCporInfo *info = &self->info;
  GtkWidget *list = section_new (self, _("Step 2 · Associate Workload"));

  add_field (list, _("Solution area"), info->solution_area);
  add_field (list, _("Engagement"), info->engagement);
  for (guint i = 0; info->workloads != NULL && info->workloads[i] != NULL; i++)
    add_field (list, i == 0 ? _("Workloads") : "", info->workloads[i]);
  if (info->workloads == NULL || info->workloads[0] == NULL)
    add_field (list, _("Workloads"), NULL);
}

static void
add_contacts_section (PecanClaimWizard *self)
{
  const PecanCporInfo *info = &self->info;
  GtkWidget *list = section_new (self, _("Step 3 · Contact Information"));

  add_field (list, _("Customer contact name"), info->customer_contact_name);
  add_field (list, _("Customer contact email"), info->customer_contact_email);
  add_field (list, _("Customer contact work title"), info->customer_contact_title);
  add_field (list, _("Partner contact name"), info->partner_contact_name);
  add_field (list, _("Partner contact email"), info->partner_contact_email);
}

static void
add_documents_section (PecanClaimWizard *self)
{
  const PecanCporInfo *info = &self->info;
  GtkWidget *list = section_new (self, _("Step 5 · Claim for Payment: Proof of Execution"));

  for (guint i = 0; i < info->documents->len; i++)
    {
      const PecanPoeDocument *document = &g_array_index (info->documents, PecanPoeDocument, i);
      g_autofree char *name = g_filename_display_basename (document->path);

      add_field (list, pecan_poe_kind_label (document->kind), name);
    }
  if (info->documents->len == 0)
    add_field (list, _("Documents"), NULL);
}

static GtkWidget *
problem_row_new (const PecanCporProblem *problem)
{
  Step step = pecan_claim_wizard_field_step (problem->field);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (problem->severity == PECAN_CPOR_ERROR
                                                    ? "dialog-error-symbolic"
                                                    : "dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (problem->message);
  g_autofree char *where = g_strdup_printf (_("Step %d, %s"), step + 1,
                                            pecan_claim_wizard_step_title (step));
  GtkWidget *button = gtk_button_new_with_label (where);

  gtk_widget_add_css_class (icon, problem->severity == PECAN_CPOR_ERROR ? "error" : "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Go to this step to fix it"));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int32 (step));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "wizard.go-to");
  gtk_widget_set_visible (button, step != STEP_REVIEW);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static void
update_problems (PecanClaimWizard *self)
{
  GtkWidget *child;
  guint n = self->problems != NULL ? self->problems->len : 0;
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_problems_list))) != NULL)
    gtk_list_box_remove (self->review_problems_list, child);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->review_problems_list, problem_row_new (self->problems->pdata[i]));
  if (n == 0)
    title = g_strdup (_("Nothing Left to Fix"));
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Problem Still Open",
                                          "%u Problems Still Open", n), n);
  gtk_label_set_text (self->review_problems_title, title);
  gtk_image_set_from_icon_name (self->review_problems_icon,
                                n == 0 ? "object-select-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->review_problems_icon), n == 0 ? "warning" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->review_problems_icon), n == 0 ? "success" : "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->review_problems_list), n > 0);
}

static gboolean
has_any_error (PecanClaimWizard *self)
{
  for (int step = STEP_ROUTE; step < N_STEPS; step++)
    if (pecan_claim_wizard_has_errors (self, step))
      return TRUE;
  return FALSE;
}

static void
update_status (PecanClaimWizard *self)
{
  PecanCporStatus status = self->info.status;
  gboolean editable = pecan_cpor_info_is_editable (&self->info);
  gboolean busy = pecan_claim_wizard_is_busy (self);
  gboolean complete = !has_any_error (self);

  gtk_label_set_text (self->status_label, pecan_cpor_status_label (status));
  gtk_widget_set_visible (GTK_WIDGET (self->ready_button),
                          pecan_cpor_can_move (status, PECAN_CPOR_READY));
  gtk_widget_set_visible (GTK_WIDGET (self->draft_button),
                          status == PECAN_CPOR_READY);
  gtk_widget_set_visible (GTK_WIDGET (self->submitted_button),
                          status == PECAN_CPOR_READY);
  gtk_widget_set_visible (GTK_WIDGET (self->change_status_button), !editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.mark-ready", complete && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.mark-submitted", complete && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.mark-draft", !busy);
}

/**
 * pecan_claim_wizard_update_review:
 *
 * The review again, from the claim and its problems.
 */
void
pecan_claim_wizard_update_review (PecanClaimWizard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_box))) != NULL)
    gtk_box_remove (self->review_box, child);
  add_customer_section (self);
  add_workload_section (self);
  add_contacts_section (self);
  add_documents_section (self);
  update_problems (self);
  update_status (self);
}

void
pecan_claim_wizard_sync_notes (PecanClaimWizard *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  gboolean syncing = self->syncing;

  self->syncing = TRUE;
  gtk_text_buffer_set_text (buffer, self->info.notes != NULL ? self->info.notes : "", -1);
  self->syncing = syncing;
}

static void
notes_changed_cb (PecanClaimWizard *self,
                  GtkTextBuffer    *buffer)
{
  GtkTextIter start, end;

  if (self->syncing)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (self->info.notes);
  self->info.notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* A submitted claim keeps its fields; its notes still change. */
  if (pecan_cpor_info_is_editable (&self->info))
    self->dirty = TRUE;
  else
    self->notes_dirty = TRUE;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), g_variant_get_string (parameter, NULL));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PecanClaimWizard *self = PECAN_CLAIM_WIZARD (widget);

  if (pecan_cpor_info_is_editable (&self->info))
    pecan_claim_wizard_queue (self, JOB_SAVE, 0, 0, NULL);
  else
    pecan_claim_wizard_queue (self, JOB_NOTES, 0, 0, NULL);
}

static void
export_chosen (const char *path,
               gpointer    user_data)
{
  pecan_claim_wizard_export_to (PECAN_CLAIM_WIZARD (user_data), path);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PecanClaimWizard *self = PECAN_CLAIM_WIZARD (widget);

  pecan_claim_export_choose (GTK_WINDOW (self), &self->info, export_chosen, g_object_ref (self),
                             g_object_unref);
}

static void
move_to (PecanClaimWizard *self,
         PecanCporStatus   status)
{
  if (!pecan_cpor_can_move (self->info.status, status))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  pecan_claim_wizard_queue (self, JOB_STATUS, status, self->today, NULL);
  update_status (self);
}

static void
mark_ready_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_to (PECAN_CLAIM_WIZARD (widget), PECAN_CPOR_READY);
}

static void
mark_draft_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_to (PECAN_CLAIM_WIZARD (widget), PECAN_CPOR_DRAFT);
}

static void
submitted_response_cb (GtkDialog        *dialog,
                       int               response,
                       PecanClaimWizard *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    move_to (self, PECAN_CPOR_SUBMITTED);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
mark_submitted_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PecanClaimWizard *self = PECAN_CLAIM_WIZARD (widget);
  GtkWidget *dialog;
  GtkWidget *button;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Mark “%s” as submitted?"),
                                   self->info.name != NULL ? self->info.name : "");
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Do it once the customer association is submitted "
                                              "in Partner Center. As there, a submitted claim "
                                              "can no longer be edited: only its status and "
                                              "notes can change."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Mark as Submitted"),
                                  GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_object (dialog, "response", G_CALLBACK (submitted_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
status_chosen_cb (PecanClaimStatusDialog *dialog,
                  PecanCporStatus         status,
                  gint32                  day,
                  const char             *note,
                  PecanClaimWizard       *self)
{
  pecan_claim_wizard_queue (self, JOB_STATUS, status, day, note);
  update_status (self);
}

static void
change_status_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PecanClaimWizard *self = PECAN_CLAIM_WIZARD (widget);
  PecanClaimStatusDialog *dialog = pecan_claim_status_dialog_new (GTK_WINDOW (self), &self->info,
                                                                  self->today);

  g_signal_connect_object (dialog, "status-chosen", G_CALLBACK (status_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * pecan_claim_wizard_export_to:
 * @path: the workbook to write
 *
 * Saves the claim, then writes its packet to @path.
 */
void
pecan_claim_wizard_export_to (PecanClaimWizard *self,
                              const char       *path)
{
  g_return_if_fail (PECAN_IS_CLAIM_WIZARD (self));
  g_return_if_fail (path != NULL);

  pecan_claim_wizard_queue (self, JOB_EXPORT, 0, 0, path);
}

void
pecan_claim_wizard_class_init_review (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, status_label);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, change_status_button);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, review_box);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, review_problems_title);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, review_problems_icon);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, review_problems_list);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, notes_view);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, ready_button);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, draft_button);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, submitted_button);
  gtk_widget_class_bind_template_callback (widget_class, notes_changed_cb);

  gtk_widget_class_install_action (widget_class, "wizard.copy", "s", copy_action);
  gtk_widget_class_install_action (widget_class, "wizard.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "wizard.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "wizard.mark-ready", NULL, mark_ready_action);
  gtk_widget_class_install_action (widget_class, "wizard.mark-draft", NULL, mark_draft_action);
  gtk_widget_class_install_action (widget_class, "wizard.mark-submitted", NULL,
                                   mark_submitted_action);
  gtk_widget_class_install_action (widget_class, "wizard.change-status", NULL,
                                   change_status_action);
}
