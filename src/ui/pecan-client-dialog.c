/* pecan-client-dialog.c: a client's sharing settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The name reports give a client, its contact, its share of the PEC (the
 * default one or its own, 0 % included) and whether it gets a report at
 * all. Save writes them with pecan_client_save() on a worker thread of the
 * session, then emits "saved" and closes; a failure stays in the dialog,
 * said under the fields.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pecan-client-dialog.h"
#include "pecan-report.h"

struct _PecanClientDialog
{
  GtkWindow        parent_instance;

  PecanSession    *session;
  PecanClientInfo  info;
  gboolean         saving;

  GtkLabel        *name_label;
  GtkLabel        *tenant_label;
  GtkEntry        *display_name_entry;
  GtkEntry        *contact_entry;
  GtkCheckButton  *default_check;
  GtkCheckButton  *custom_check;
  GtkSpinButton   *share_spin;
  GtkCheckButton  *report_check;
  GtkWidget       *save_button;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (PecanClientDialog, pecan_client_dialog, GTK_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
info_free (gpointer data)
{
  pecan_client_info_clear (data);
  g_free (data);
}

/* On a worker thread. */
static GObject *
save_client (PecanStore    *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  pecan_client_save (store, data, error);
  return NULL;
}

static void
custom_toggled_cb (PecanClientDialog *self)
{
  gboolean custom = gtk_check_button_get_active (self->custom_check);

  gtk_widget_set_sensitive (GTK_WIDGET (self->share_spin), custom);
  /* Chosen by a person, not by the dialog filling itself in. */
  if (custom && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->share_spin));
}

/* The spin button reads and writes shares as the core does: "12.5 %". */
static int
share_input_cb (GtkSpinButton *spin,
                double        *value,
                gpointer       user_data)
{
  int share;

  if (!pecan_report_parse_share (gtk_editable_get_text (GTK_EDITABLE (spin)), &share))
    return GTK_INPUT_ERROR;
  *value = share;
  return TRUE;
}

static gboolean
share_output_cb (GtkSpinButton *spin,
                 gpointer       user_data)
{
  g_autofree char *text = pecan_report_format_share ((int) lround (gtk_spin_button_get_value (spin)));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PecanClientDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) nothing = pecan_session_run_finish (PECAN_SESSION (source), result, &error);

  self->saving = FALSE;
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.save", TRUE);
  if (error != NULL)
    {
      g_autofree char *text = NULL;

      /* TRANSLATORS: %s says why, on a line of its own */
      text = g_strdup_printf (_("The settings could not be saved.\n%s\nSave again in a moment, or cancel."),
                              error->message);
      gtk_label_set_text (self->error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PecanClientDialog *self = PECAN_CLIENT_DIALOG (widget);
  PecanClientInfo *info = g_new0 (PecanClientInfo, 1);

  /* A share typed and not yet confirmed counts. */
  gtk_spin_button_update (self->share_spin);
  pecan_client_info_copy (&self->info, info);
  g_free (info->display_name);
  info->display_name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->display_name_entry)));
  g_free (info->contact_name);
  info->contact_name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->contact_entry)));
  info->share = gtk_check_button_get_active (self->custom_check)
                  ? (int) lround (gtk_spin_button_get_value (self->share_spin))
                  : PECAN_SHARE_DEFAULT;
  info->report = gtk_check_button_get_active (self->report_check);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_action_set_enabled (widget, "client.save", FALSE);
  self->saving = TRUE;
  pecan_session_run_async (self->session, save_client, info, info_free, NULL,
                           saved_cb, g_object_ref (self));
}

/* A save takes a moment: the dialog waits for it, to say how it went. */
static gboolean
pecan_client_dialog_close_request (GtkWindow *window)
{
  if (PECAN_CLIENT_DIALOG (window)->saving)
    return TRUE;
  return GTK_WINDOW_CLASS (pecan_client_dialog_parent_class)->close_request (window);
}

static void
pecan_client_dialog_dispose (GObject *object)
{
  PecanClientDialog *self = PECAN_CLIENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PECAN_TYPE_CLIENT_DIALOG);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pecan_client_dialog_parent_class)->dispose (object);
}

static void
pecan_client_dialog_finalize (GObject *object)
{
  pecan_client_info_clear (&PECAN_CLIENT_DIALOG (object)->info);

  G_OBJECT_CLASS (pecan_client_dialog_parent_class)->finalize (object);
}

static void
pecan_client_dialog_class_init (PecanClientDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pecan_client_dialog_dispose;
  object_class->finalize = pecan_client_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = pecan_client_dialog_close_request;

  /* The settings are in the database. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pecanapp/Pecan/pecan-client-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PecanClientDialog, name_label);
  gtk_widget_class_bind_template_child (widget_class, PecanClientDialog, tenant_label);
  gtk_widget_class_bind_template_child (widget_class, PecanClientDialog, display_name_entry);
  gtk_widget_class_bind_template_child (widget_class, PecanClientDialog, contact_entry);
  gtk_widget_class_bind_template_child (widget_class, PecanClientDialog, default_check);
  gtk_widget_class_bind_template_child (widget_class, PecanClientDialog, custom_check);
  gtk_widget_class_bind_template_child (widget_class, PecanClientDialog, share_spin);
  gtk_widget_class_bind_template_child (widget_class, PecanClientDialog, report_check);
  gtk_widget_class_bind_template_child (widget_class, PecanClientDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PecanClientDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, custom_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, share_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, share_output_cb);

  gtk_widget_class_install_action (widget_class, "client.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pecan_client_dialog_init (PecanClientDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

/**
 * pecan_client_dialog_new:
 * @client: the client whose settings to edit
 * @default_share: the share of clients without their own, to say so
 *
 * Returns: (transfer none): the dialog, destroyed with @parent
 */
GtkWindow *
pecan_client_dialog_new (GtkWindow    *parent,
                         PecanSession *session,
                         PecanClient  *client,
                         int           default_share)
{
  PecanClientDialog *self = g_object_new (PECAN_TYPE_CLIENT_DIALOG, "transient-for", parent, NULL);
  const PecanClientInfo *info = pecan_client_get_info (client);
  g_autofree char *share = pecan_report_format_share (default_share);
  g_autofree char *label = NULL;
  g_autofree char *tenant = NULL;

  self->session = g_object_ref (session);
  pecan_client_info_copy (info, &self->info);
  gtk_label_set_text (self->name_label, info->name[0] != '\0' ? info->name : info->tenant_id);
  /* TRANSLATORS: a client's domain and tenant ID */
  tenant = g_strdup_printf (_("%s · Tenant ID %s"), info->domain, info->tenant_id);
  gtk_label_set_text (self->tenant_label, tenant);
  gtk_editable_set_text (GTK_EDITABLE (self->display_name_entry), info->display_name);
  gtk_entry_set_placeholder_text (self->display_name_entry, info->name);
  gtk_editable_set_text (GTK_EDITABLE (self->contact_entry), info->contact_name);
  /* TRANSLATORS: the default share, as the preferences set it: "_Default (50 %)" */
  label = g_strdup_printf (_("_Default (%s)"), share);
  gtk_check_button_set_label (self->default_check, label);
  gtk_spin_button_set_value (self->share_spin, info->share != PECAN_SHARE_DEFAULT ? info->share
                                                                                  : default_share);
  gtk_check_button_set_active (info->share != PECAN_SHARE_DEFAULT ? self->custom_check
                                                                  : self->default_check, TRUE);
  gtk_check_button_set_active (self->report_check, info->report);
  return GTK_WINDOW (self);
}
