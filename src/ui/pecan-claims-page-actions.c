/* pecan-claims-page-actions.c: what the Claims page does with a claim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * New Claim… and Open show the wizard; Change Status… offers the moves
 * Partner Center allows; Export Packet… writes the workbook; Delete…
 * removes a claim not submitted yet, after a confirmation. The database
 * work runs on a worker thread of the session, and the list reloads after
 * it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-claim-export.h"
#include "pecan-claim-status-dialog.h"
#include "pecan-claim-wizard.h"
#include "pecan-claims-page-private.h"

/* What a worker does to a claim, and what the page says after. */
typedef struct
{
  PecanCporInfo    info;
  PecanCporStatus  status;
  gint32           day;
  char            *note;
  char            *path;
} Change;

static void
change_free (gpointer data)
{
  Change *change = data;

  pecan_cpor_info_clear (&change->info);
  g_free (change->note);
  g_free (change->path);
  g_free (change);
}

static Change *
change_new (const PecanCporInfo *info)
{
  Change *change = g_new0 (Change, 1);

  pecan_cpor_info_copy (info, &change->info);
  return change;
}

GtkWindow *
pecan_claims_page_window (PecanClaimsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
pecan_claims_page_show_error (PecanClaimsPage *self,
                              const char      *title,
                              const GError    *error)
{
  GtkWidget *dialog = gtk_message_dialog_new (pecan_claims_page_window (self),
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", title);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  PecanClaimsPage *self;
  const char      *failed;    /* the title of the error, translated */
  char            *done;      /* what to say after, or NULL */
} Outcome;

static void
outcome_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Outcome *outcome = user_data;
  g_autoptr(PecanClaimsPage) self = outcome->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) nothing = pecan_session_run_finish (PECAN_SESSION (source), result, &error);

  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      if (error != NULL)
        pecan_claims_page_show_error (self, outcome->failed, error);
      else if (outcome->done != NULL)
        pecan_claims_page_say (self, outcome->done);
      pecan_claims_page_reload (self);
    }
  g_free (outcome->done);
  g_free (outcome);
}

/**
 * pecan_claims_page_run:
 * @func: what to do, on a worker thread of the session
 * @failed: the title of the error, translated
 * @done: (transfer full) (nullable): what to say once done
 *
 * Does something to a claim off the main thread, says how it went, and
 * reads the claims again.
 */
void
pecan_claims_page_run (PecanClaimsPage  *self,
                       PecanSessionFunc  func,
                       gpointer          data,
                       GDestroyNotify    data_free,
                       const char       *failed,
                       char             *done)
{
  Outcome *outcome = g_new0 (Outcome, 1);

  outcome->self = g_object_ref (self);
  outcome->failed = failed;
  outcome->done = done;
  pecan_session_run_async (pecan_page_get_session (PECAN_PAGE (self)), func, data, data_free, NULL,
                           outcome_done_cb, outcome);
}

static void
run_change (PecanClaimsPage  *self,
            PecanSessionFunc  func,
            Change           *change,
            const char       *failed,
            char             *done)
{
  pecan_claims_page_run (self, func, change, change_free, failed, done);
}

/* The wizard's first step chose co-op funds: their checklist instead. */
static void
coop_chosen_cb (PecanClaimsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "claims.new-coop", NULL);
}

static void
open_wizard (PecanClaimsPage     *self,
             const PecanCporInfo *info)
{
  PecanSession *session = pecan_page_get_session (PECAN_PAGE (self));
  PecanClaimWizard *wizard = pecan_claim_wizard_new (pecan_claims_page_window (self), session,
                                                     info);

  g_signal_connect_object (wizard, "claim-changed", G_CALLBACK (pecan_claims_page_reload), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (wizard, "coop-chosen", G_CALLBACK (coop_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (wizard));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PecanClaimsPage *self = PECAN_CLAIMS_PAGE (widget);

  if (pecan_page_get_session (PECAN_PAGE (self)) != NULL)
    open_wizard (self, NULL);
}

/* The claim the action's parameter names, or NULL with a bell. */
static PecanCporClaim *
claim_for (GtkWidget *widget,
           GVariant  *parameter)
{
  PecanClaimsPage *self = PECAN_CLAIMS_PAGE (widget);
  PecanCporClaim *claim = pecan_claims_page_find (self, g_variant_get_int64 (parameter));

  if (claim == NULL || pecan_page_get_session (PECAN_PAGE (self)) == NULL)
    gtk_widget_error_bell (widget);
  return claim;
}

/* Runs on a worker thread, with its own connection. */
static GObject *
load_claim (PecanStore    *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return G_OBJECT (pecan_cpor_load (store, *(gint64 *) data, error));
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PecanClaimsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanCporClaim) claim = pecan_session_run_finish (PECAN_SESSION (source), result,
                                                              &error);

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  if (claim == NULL)
    {
      pecan_claims_page_show_error (self, _("The claim could not be opened"), error);
      pecan_claims_page_reload (self);
      return;
    }
  open_wizard (self, pecan_cpor_claim_get_info (claim));
}

/* The claim as the database has it now: a wizard closed a moment ago may
 * have saved it after the list was read. */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PecanClaimsPage *self = PECAN_CLAIMS_PAGE (widget);
  g_autoptr(PecanCporClaim) claim = claim_for (widget, parameter);
  gint64 id = g_variant_get_int64 (parameter);

  if (claim != NULL)
    pecan_session_run_async (pecan_page_get_session (PECAN_PAGE (self)), load_claim,
                             g_memdup2 (&id, sizeof id), g_free, NULL, loaded_cb,
                             g_object_ref (self));
}

/* Runs on a worker thread, with its own connection. */
static GObject *
set_status (PecanStore    *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Change *change = data;

  pecan_cpor_set_status (store, change->info.id, change->status, change->day, change->note, error);
  return NULL;
}

static void
status_chosen_cb (PecanClaimStatusDialog *dialog,
                  PecanCporStatus         status,
                  gint32                  day,
                  const char             *note,
                  PecanClaimsPage        *self)
{
  PecanCporClaim *claim = g_object_get_data (G_OBJECT (dialog), "claim");
  Change *change = change_new (pecan_cpor_claim_get_info (claim));
  g_autofree char *done = NULL;

  change->status = status;
  change->day = day;
  change->note = g_strdup (note);
  /* TRANSLATORS: a claim's name, then its new status */
  done = g_strdup_printf (_("“%s” is now: %s"), change->info.name != NULL ? change->info.name : "",
                          pecan_cpor_status_label (status));
  run_change (self, set_status, change, _("The status did not change"), g_steal_pointer (&done));
}

static void
status_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PecanClaimsPage *self = PECAN_CLAIMS_PAGE (widget);
  g_autoptr(PecanCporClaim) claim = claim_for (widget, parameter);
  PecanClaimStatusDialog *dialog;

  if (claim == NULL)
    return;
  dialog = pecan_claim_status_dialog_new (pecan_claims_page_window (self),
                                          pecan_cpor_claim_get_info (claim), self->today);
  g_object_set_data_full (G_OBJECT (dialog), "claim", g_object_ref (claim), g_object_unref);
  g_signal_connect_object (dialog, "status-chosen", G_CALLBACK (status_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GObject *
export_packet (PecanStore    *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  Change *change = data;

  pecan_cpor_export (store, &change->info, change->path, error);
  return NULL;
}

typedef struct
{
  PecanClaimsPage *self;
  Change          *change;
} ExportChoice;

static void
export_choice_free (gpointer data)
{
  ExportChoice *choice = data;

  g_object_unref (choice->self);
  if (choice->change != NULL)
    change_free (choice->change);
  g_free (choice);
}

static void
export_chosen (const char *path,
               gpointer    user_data)
{
  ExportChoice *choice = user_data;
  Change *change = g_steal_pointer (&choice->change);
  g_autofree char *name = g_path_get_basename (path);

  change->path = g_strdup (path);
  run_change (choice->self, export_packet, change, _("The packet was not exported"),
              /* TRANSLATORS: %s is a file name */
              g_strdup_printf (_("The packet was exported to “%s”."), name));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PecanClaimsPage *self = PECAN_CLAIMS_PAGE (widget);
  g_autoptr(PecanCporClaim) claim = claim_for (widget, parameter);
  ExportChoice *choice;

  if (claim == NULL)
    return;
  choice = g_new0 (ExportChoice, 1);
  choice->self = g_object_ref (self);
  choice->change = change_new (pecan_cpor_claim_get_info (claim));
  pecan_claim_export_choose (pecan_claims_page_window (self), pecan_cpor_claim_get_info (claim),
                             export_chosen, choice, export_choice_free);
}

static GObject *
delete_claim (PecanStore    *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Change *change = data;

  pecan_cpor_delete (store, change->info.id, error);
  return NULL;
}

static void
delete_response_cb (GtkDialog       *dialog,
                    int              response,
                    PecanClaimsPage *self)
{
  PecanCporClaim *claim = g_object_get_data (G_OBJECT (dialog), "claim");
  const PecanCporInfo *info = pecan_cpor_claim_get_info (claim);

  if (response == GTK_RESPONSE_ACCEPT && pecan_page_get_session (PECAN_PAGE (self)) != NULL)
    run_change (self, delete_claim, change_new (info), _("The claim was not deleted"),
                /* TRANSLATORS: %s is a claim's name */
                g_strdup_printf (_("“%s” was deleted."), info->name != NULL ? info->name : ""));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PecanClaimsPage *self = PECAN_CLAIMS_PAGE (widget);
  g_autoptr(PecanCporClaim) claim = claim_for (widget, parameter);
  const PecanCporInfo *info;
  GtkWidget *dialog;
  GtkWidget *button;

  if (claim == NULL)
    return;
  info = pecan_cpor_claim_get_info (claim);
  if (!pecan_cpor_info_is_editable (info))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  dialog = gtk_message_dialog_new (pecan_claims_page_window (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Delete “%s”?"), info->name != NULL ? info->name : "");
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("The draft and the list of its documents are "
                                              "deleted. The documents themselves stay where "
                                              "they are."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Delete"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  /* A stray Enter must not delete. */
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_object_set_data_full (G_OBJECT (dialog), "claim", g_object_ref (claim), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
pecan_claims_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "claims.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "claims.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "claims.status", "x", status_action);
  gtk_widget_class_install_action (widget_class, "claims.export", "x", export_action);
  gtk_widget_class_install_action (widget_class, "claims.delete", "x", delete_action);
  pecan_claims_page_class_init_coop (widget_class);
  pecan_claims_page_class_init_funds (widget_class);
}
