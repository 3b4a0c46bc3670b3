/* pecan-claims-page-coop.c: what the Claims page does with a co-op claim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * New Co-op Claim… and Open show the checklist (pecan-coop-checklist.c);
 * a new claim starts from the partner's details of the last co-op claim.
 * Change Status… offers the moves Partner Center allows; Export Pack…
 * writes the workbook; Delete… removes a claim still being edited, after a
 * confirmation. The database work runs on a worker thread of the session,
 * and the list reloads after it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-claim-export.h"
#include "pecan-claim-status-dialog.h"
#include "pecan-claims-page-private.h"
#include "pecan-coop-checklist.h"

/* What a worker does to a co-op claim. */
typedef struct
{
  PecanCoopInfo    info;
  PecanCoopStatus  status;
  gint32           day;
  char            *note;
  char            *path;
} CoopChange;

static void
coop_change_free (gpointer data)
{
  CoopChange *change = data;

  pecan_coop_info_clear (&change->info);
  g_free (change->note);
  g_free (change->path);
  g_free (change);
}

static CoopChange *
coop_change_new (const PecanCoopInfo *info)
{
  CoopChange *change = g_new0 (CoopChange, 1);

  pecan_coop_info_copy (info, &change->info);
  return change;
}

static const char *
activity_name (const PecanCoopInfo *info)
{
  return info->activity_name != NULL ? info->activity_name : "";
}

static void
open_checklist (PecanClaimsPage     *self,
                const PecanCoopInfo *info)
{
  PecanSession *session = pecan_page_get_session (PECAN_PAGE (self));
  PecanCoopChecklist *checklist = pecan_coop_checklist_new (pecan_claims_page_window (self),
                                                            session, info);

  g_signal_connect_object (checklist, "claim-changed", G_CALLBACK (pecan_claims_page_reload),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (checklist));
}

/* The co-op claim changed last, whose partner details a new one takes. */
static const PecanCoopInfo *
latest_coop (PecanClaimsPage *self)
{
  GListModel *claims = G_LIST_MODEL (self->claims);
  const PecanCoopInfo *latest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(GObject) claim = g_list_model_get_item (claims, i);
      const PecanCoopInfo *info;

      if (!PECAN_IS_COOP_CLAIM (claim))
        continue;
      /* The list holds the claim: its info outlives this reference. */
      info = pecan_coop_claim_get_info (PECAN_COOP_CLAIM (claim));
      if (latest == NULL || g_strcmp0 (info->updated_at, latest->updated_at) > 0)
        latest = info;
    }
  return latest;
}

static void
new_coop_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PecanClaimsPage *self = PECAN_CLAIMS_PAGE (widget);
  const PecanCoopInfo *latest = latest_coop (self);
  PecanCoopInfo info;

  if (pecan_page_get_session (PECAN_PAGE (self)) == NULL)
    return;
  pecan_coop_info_init (&info);
  if (latest != NULL)
    {
      info.location_id = g_strdup (latest->location_id);
      info.funding_pool = g_strdup (latest->funding_pool);
      info.currency = g_strdup (latest->currency);
      info.partner_id = g_strdup (latest->partner_id);
      info.contact_email = g_strdup (latest->contact_email);
    }
  open_checklist (self, &info);
  pecan_coop_info_clear (&info);
}

/* The claim the action's parameter names, or NULL with a bell. */
static PecanCoopClaim *
claim_for (GtkWidget *widget,
           GVariant  *parameter)
{
  PecanClaimsPage *self = PECAN_CLAIMS_PAGE (widget);
  PecanCoopClaim *claim = pecan_claims_page_find_coop (self, g_variant_get_int64 (parameter));

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
  return G_OBJECT (pecan_coop_load (store, *(gint64 *) data, error));
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PecanClaimsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanCoopClaim) claim = pecan_session_run_finish (PECAN_SESSION (source), result,
                                                              &error);

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  if (claim == NULL)
    {
      pecan_claims_page_show_error (self, _("The claim could not be opened"), error);
      pecan_claims_page_reload (self);
      return;
    }
  open_checklist (self, pecan_coop_claim_get_info (claim));
}

/* The claim as the database has it now: a checklist closed a moment ago
 * may have saved it after the list was read. */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PecanClaimsPage *self = PECAN_CLAIMS_PAGE (widget);
  g_autoptr(PecanCoopClaim) claim = claim_for (widget, parameter);
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
  CoopChange *change = data;

  pecan_coop_set_status (store, change->info.id, change->status, change->day, change->note,
                         error);
  return NULL;
}

static void
status_chosen_cb (PecanClaimStatusDialog *dialog,
                  int                     status,
                  gint32                  day,
                  const char             *note,
                  PecanClaimsPage        *self)
{
  PecanCoopClaim *claim = g_object_get_data (G_OBJECT (dialog), "claim");
  CoopChange *change = coop_change_new (pecan_coop_claim_get_info (claim));

  change->status = status;
  change->day = day;
  change->note = g_strdup (note);
  pecan_claims_page_run (self, set_status, change, coop_change_free,
                         _("The status did not change"),
                         /* TRANSLATORS: a claim's name, then its new status */
                         g_strdup_printf (_("“%s” is now: %s"), activity_name (&change->info),
                                          pecan_coop_status_label (status)));
}

static void
status_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PecanClaimsPage *self = PECAN_CLAIMS_PAGE (widget);
  g_autoptr(PecanCoopClaim) claim = claim_for (widget, parameter);
  PecanClaimStatusDialog *dialog;

  if (claim == NULL)
    return;
  dialog = pecan_claim_status_dialog_new_coop (pecan_claims_page_window (self),
                                               pecan_coop_claim_get_info (claim), self->today);
  g_object_set_data_full (G_OBJECT (dialog), "claim", g_object_ref (claim), g_object_unref);
  g_signal_connect_object (dialog, "status-chosen", G_CALLBACK (status_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GObject *
export_pack (PecanStore    *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  CoopChange *change = data;

  pecan_coop_export (store, &change->info, change->path, error);
  return NULL;
}

typedef struct
{
  PecanClaimsPage *self;
  CoopChange      *change;
} ExportChoice;

static void
export_choice_free (gpointer data)
{
  ExportChoice *choice = data;

  g_object_unref (choice->self);
  if (choice->change != NULL)
    coop_change_free (choice->change);
  g_free (choice);
}

static void
export_chosen (const char *path,
               gpointer    user_data)
{
  ExportChoice *choice = user_data;
  CoopChange *change = g_steal_pointer (&choice->change);
  g_autofree char *name = g_path_get_basename (path);

  change->path = g_strdup (path);
  pecan_claims_page_run (choice->self, export_pack, change, coop_change_free,
                         _("The claim pack was not exported"),
                         /* TRANSLATORS: %s is a file name */
                         g_strdup_printf (_("The claim pack was exported to “%s”."), name));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PecanClaimsPage *self = PECAN_CLAIMS_PAGE (widget);
  g_autoptr(PecanCoopClaim) claim = claim_for (widget, parameter);
  const PecanCoopInfo *info;
  ExportChoice *choice;

  if (claim == NULL)
    return;
  info = pecan_coop_claim_get_info (claim);
  choice = g_new0 (ExportChoice, 1);
  choice->self = g_object_ref (self);
  choice->change = coop_change_new (info);
  pecan_claim_export_choose_named (pecan_claims_page_window (self), _("Export Claim Pack"),
                                   *activity_name (info) != '\0' ? activity_name (info)
                                                                 : _("Co-op claim"),
                                   export_chosen, choice, export_choice_free);
}

static GObject *
delete_claim (PecanStore    *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  CoopChange *change = data;

  pecan_coop_delete (store, change->info.id, error);
  return NULL;
}

static void
delete_response_cb (GtkDialog       *dialog,
                    int              response,
                    PecanClaimsPage *self)
{
  PecanCoopClaim *claim = g_object_get_data (G_OBJECT (dialog), "claim");
  const PecanCoopInfo *info = pecan_coop_claim_get_info (claim);

  if (response == GTK_RESPONSE_ACCEPT && pecan_page_get_session (PECAN_PAGE (self)) != NULL)
    pecan_claims_page_run (self, delete_claim, coop_change_new (info), coop_change_free,
                           _("The claim was not deleted"),
                           /* TRANSLATORS: %s is a claim's name */
                           g_strdup_printf (_("“%s” was deleted."), activity_name (info)));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PecanClaimsPage *self = PECAN_CLAIMS_PAGE (widget);
  g_autoptr(PecanCoopClaim) claim = claim_for (widget, parameter);
  const PecanCoopInfo *info;
  GtkWidget *dialog;
  GtkWidget *button;

  if (claim == NULL)
    return;
  info = pecan_coop_claim_get_info (claim);
  if (info->status != PECAN_COOP_EDITING)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  dialog = gtk_message_dialog_new (pecan_claims_page_window (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Delete “%s”?"), activity_name (info));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("The claim and the list of its documents are "
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
pecan_claims_page_class_init_coop (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "claims.new-coop", NULL, new_coop_action);
  gtk_widget_class_install_action (widget_class, "claims.open-coop", "x", open_action);
  gtk_widget_class_install_action (widget_class, "claims.status-coop", "x", status_action);
  gtk_widget_class_install_action (widget_class, "claims.export-coop", "x", export_action);
  gtk_widget_class_install_action (widget_class, "claims.delete-coop", "x", delete_action);
}
