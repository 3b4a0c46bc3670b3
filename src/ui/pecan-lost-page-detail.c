/* pecan-lost-page-detail.c: the detail pane of the Lost PEC page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The facts of the incident selected, the partner ID command filled in for
 * its customer, ready to copy, and whether it is being handled, with a
 * note. The state and the note are saved as they change, one save after
 * the other on a worker thread, so that a slow import never freezes the
 * window and an older save never lands last.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-lost-page-private.h"
#include "pecan-session.h"
#include "pecan-ui-util.h"

/* Typing pauses this long before the note is saved. */
#define SAVE_DELAY_MS 600
/* The checklist's steps laid out per frame, the first time it shows. */
#define CHECKLIST_STEPS_PER_FRAME 3

typedef struct
{
  gint64    subscription_id;
  gint32    first_day;
  gboolean  handled;
  char     *note;
} SaveJob;

static void run_next_save (PecanLostPage *self);

void
pecan_lost_page_save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_free (job->note);
  g_free (job);
}

/* Worker thread: one incident's state. */
static GObject *
save_thread (PecanStore    *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  SaveJob *job = data;

  pecan_store_set_incident_note (store, job->subscription_id, job->first_day, job->handled,
                                 job->note, error);
  return NULL;
}

static char *
partner_command (const PecanIncidentInfo *info,
                 gboolean                 powershell)
{
  const char *partner = info->partner_mpn_id[0] != '\0' ? info->partner_mpn_id : "<partner-id>";

  /* PEC.md: Partner Admin Link, in the customer's tenant. */
  if (powershell)
    return g_strdup_printf ("Connect-AzAccount -Tenant %s -Subscription %s\n"
                            "New-AzManagementPartner -PartnerId %s",
                            info->customer_tenant, info->subscription_azure_id, partner);
  return g_strdup_printf ("az login --tenant %s\n"
                          "az account set --subscription %s\n"
                          "az managementpartner create --partner-id %s",
                          info->customer_tenant, info->subscription_azure_id, partner);
}

static void
update_command (PecanLostPage *self)
{
  const PecanIncidentInfo *info;
  g_autofree char *command = NULL;

  if (self->shown == NULL)
    return;
  info = pecan_incident_get_info (self->shown);
  command = partner_command (info, gtk_toggle_button_get_active (self->powershell_toggle));
  gtk_label_set_text (self->command_label, command);
  gtk_widget_set_visible (GTK_WIDGET (self->partner_hint), info->partner_mpn_id[0] == '\0');
}

static void
set_note_status (PecanLostPage *self,
                 const char    *error_message)
{
  g_autofree char *text = NULL;

  if (error_message == NULL)
    {
      gtk_label_set_text (self->note_status, _("Note who was asked to do what; it is saved as you type."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->note_status), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->note_status), "dim-label");
      return;
    }
  /* TRANSLATORS: the note could not be saved; the database's reason follows */
  text = g_strdup_printf (_("Not saved: %s"), error_message);
  gtk_label_set_text (self->note_status, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->note_status), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->note_status), "error");
}

/* Shows up to @n more steps of the checklist; TRUE once all are shown. */
static gboolean
reveal_checklist (PecanLostPage *self,
                  guint          n)
{
  gboolean all = TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (self->checklist); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!gtk_widget_get_visible (child))
      {
        if (n == 0)
          all = FALSE;
        else
          {
            gtk_widget_set_visible (child, TRUE);
            n--;
          }
      }
  return all;
}

static void
reveal_checklist_cb (GdkFrameClock *clock,
                     PecanLostPage *self)
{
  if (reveal_checklist (self, CHECKLIST_STEPS_PER_FRAME))
    pecan_lost_page_cancel_checklist (self);
}

/* A page taken out of its window mid-way shows the whole checklist. */
static void
unrealize_cb (PecanLostPage *self)
{
  pecan_lost_page_cancel_checklist (self);
  reveal_checklist (self, G_MAXUINT);
}

void
pecan_lost_page_cancel_checklist (PecanLostPage *self)
{
  if (self->checklist_clock == NULL)
    return;
  g_clear_signal_handler (&self->checklist_handler, self->checklist_clock);
  g_clear_object (&self->checklist_clock);
}

/* The checklist is the same for every incident, and laying out its
 * paragraphs for the first time takes longer than the rest of the page:
 * its steps come a few at a time in the frames after the facts, so that
 * no frame holds the window long. */
static void
reveal_checklist_soon (PecanLostPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->checklist_clock != NULL)
    return;
  if (clock == NULL)
    {
      reveal_checklist (self, G_MAXUINT);
      return;
    }
  if (reveal_checklist (self, 0))
    return;
  self->checklist_clock = g_object_ref (clock);
  self->checklist_handler = g_signal_connect (clock, "after-paint",
                                              G_CALLBACK (reveal_checklist_cb), self);
}

static void
fill_facts (PecanLostPage           *self,
            const PecanIncidentInfo *info)
{
  g_autofree char *amount = pecan_ui_format_money (info->pec_lost, info->currency);
  g_autofree char *first = pecan_ui_format_day (info->first_day);
  g_autofree char *last = pecan_ui_format_day (info->last_day);
  g_autofree char *billed = pecan_ui_format_nano (info->billed, info->currency);
  g_autofree char *lines = pecan_ui_format_count (info->lines);
  g_autofree char *days = NULL;
  g_autofree char *usage = NULL;

  /* TRANSLATORS: how many days, then the first and the last */
  days = g_strdup_printf (ngettext ("%u day, %s – %s", "%u days, %s – %s", info->days),
                          info->days, first, last);
  /* TRANSLATORS: the usage lines that lost PEC, and what was billed on them */
  usage = g_strdup_printf (ngettext ("%s line, %s billed", "%s lines, %s billed", info->lines),
                           lines, billed);
  gtk_label_set_text (self->customer_label, pecan_lost_page_customer_text (info));
  gtk_label_set_text (self->subscription_label, pecan_lost_page_subscription_text (info));
  gtk_label_set_text (self->amount_label, amount);
  gtk_label_set_text (self->days_label, days);
  gtk_label_set_text (self->usage_label, usage);
  gtk_label_set_text (self->tenant_label, info->customer_tenant);
  gtk_label_set_text (self->subscription_id_label, info->subscription_azure_id);
  gtk_widget_set_visible (GTK_WIDGET (self->ongoing_box), info->ongoing);
}

/* The state as the widgets show it, written when it differs from the
 * incident's; saves run one at a time, in order. */
static void
save_shown (PecanLostPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  const PecanIncidentInfo *info;
  g_autofree char *note = NULL;
  gboolean handled;
  GtkTextIter start, end;
  SaveJob *job;

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  if (self->shown == NULL || pecan_page_get_session (PECAN_PAGE (self)) == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  handled = gtk_check_button_get_active (self->handled_check);
  info = pecan_incident_get_info (self->shown);
  if (info->handled == handled && g_str_equal (info->note, note))
    return;

  job = g_new0 (SaveJob, 1);
  job->subscription_id = info->subscription_id;
  job->first_day = info->first_day;
  job->handled = handled;
  job->note = g_strdup (note);
  g_queue_push_tail (&self->saves, job);
  self->save_serial++;
  pecan_incident_set_state (self->shown, handled, note);
  run_next_save (self);
}

void
pecan_lost_page_flush_save (PecanLostPage *self)
{
  if (self->save_timeout != 0)
    save_shown (self);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PecanLostPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GApplication *app = g_application_get_default ();

  pecan_session_run_finish (PECAN_SESSION (source), result, &error);
  self->saving = FALSE;
  if (app != NULL)
    g_application_release (app);
  /* The page may have been closed meanwhile: its widgets are gone. */
  if (self->note_status != NULL)
    set_note_status (self, error != NULL ? error->message : NULL);
  else if (error != NULL)
    g_warning ("Could not save an incident's note: %s", error->message);

  run_next_save (self);
  if (!self->saving && self->reload_pending)
    {
      self->reload_pending = FALSE;
      pecan_lost_page_reload (self);
    }
}

static void
run_next_save (PecanLostPage *self)
{
  PecanSession *session = pecan_page_get_session (PECAN_PAGE (self));
  GApplication *app = g_application_get_default ();
  SaveJob *job;

  if (self->saving || session == NULL || g_queue_is_empty (&self->saves))
    return;
  job = g_queue_pop_head (&self->saves);
  self->saving = TRUE;
  /* Quitting waits for the save of a note typed just before. */
  if (app != NULL)
    g_application_hold (app);
  pecan_session_run_async (session, save_thread, job, pecan_lost_page_save_job_free, NULL,
                           save_done_cb, g_object_ref (self));
}

static gboolean
save_timeout_cb (gpointer data)
{
  PecanLostPage *self = data;

  self->save_timeout = 0;
  save_shown (self);
  return G_SOURCE_REMOVE;
}

void
pecan_lost_page_show_incident (PecanLostPage *self,
                               PecanIncident *incident)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  const PecanIncidentInfo *info;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (incident == self->shown)
    return;
  pecan_lost_page_flush_save (self);
  g_set_object (&self->shown, incident);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.open-customer", incident != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.copy-command", incident != NULL);
  if (incident == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "unselected");
      return;
    }

  info = pecan_incident_get_info (incident);
  self->shown_subscription = info->subscription_id;
  self->shown_first_day = info->first_day;
  fill_facts (self, info);
  update_command (self);

  self->filling = TRUE;
  gtk_check_button_set_active (self->handled_check, info->handled);
  /* Unchanged text is left alone: a reload must not move the cursor. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!g_str_equal (text, info->note))
    gtk_text_buffer_set_text (buffer, info->note, -1);
  self->filling = FALSE;
  set_note_status (self, NULL);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  reveal_checklist_soon (self);
}

static void
handled_toggled_cb (PecanLostPage  *self,
                    GtkCheckButton *button)
{
  if (!self->filling)
    save_shown (self);
}

static void
note_changed_cb (PecanLostPage *self,
                 GtkTextBuffer *buffer)
{
  if (self->filling || self->shown == NULL)
    return;
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  self->save_timeout = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
note_leave_cb (PecanLostPage *self)
{
  pecan_lost_page_flush_save (self);
}

static void
shell_toggled_cb (PecanLostPage   *self,
                  GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    update_command (self);
}

static void
open_customer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PecanLostPage *self = PECAN_LOST_PAGE (widget);

  if (self->shown != NULL)
    gtk_widget_activate_action (widget, "win.show-customer", "x",
                                pecan_incident_get_info (self->shown)->customer_id);
}

static gboolean
copied_timeout_cb (gpointer data)
{
  PecanLostPage *self = data;

  self->copied_timeout = 0;
  gtk_label_set_text_with_mnemonic (self->copy_label, _("_Copy"));
  return G_SOURCE_REMOVE;
}

static void
copy_command_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PecanLostPage *self = PECAN_LOST_PAGE (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          gtk_label_get_text (self->command_label));
  gtk_label_set_text_with_mnemonic (self->copy_label, _("Copied"));
  g_clear_handle_id (&self->copied_timeout, g_source_remove);
  self->copied_timeout = g_timeout_add_seconds (2, copied_timeout_cb, self);
}

void
pecan_lost_page_class_init_detail (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, handled_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, shell_toggled_cb);

  gtk_widget_class_install_action (widget_class, "page.open-customer", NULL, open_customer_action);
  gtk_widget_class_install_action (widget_class, "page.copy-command", NULL, copy_command_action);
}

void
pecan_lost_page_init_detail (PecanLostPage *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (note_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (note_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), focus);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.open-customer", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.copy-command", FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (self->checklist); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_visible (child, FALSE);
  g_signal_connect (self, "unrealize", G_CALLBACK (unrealize_cb), NULL);
}
