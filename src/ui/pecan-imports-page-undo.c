/* pecan-imports-page-undo.c: undoing an import from the Imports page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import can be undone after a confirmation that says what will happen.
 * The undo runs on a worker thread of the session, with that thread's own
 * connection: undoing a file of a million lines rewrites the rollups of its
 * months and takes seconds. While it runs, the spinner turns and the table
 * is insensitive; a failure says that nothing was changed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-batch.h"
#include "pecan-imports-page-private.h"
#include "pecan-session.h"
#include "pecan-ui-util.h"

static PecanBatch *
find_batch (PecanImportsPage *self,
            gint64            id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->batches));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PecanBatch) batch = g_list_model_get_item (G_LIST_MODEL (self->batches), i);

      if (pecan_batch_get_id (batch) == id)
        return g_steal_pointer (&batch);
    }
  return NULL;
}

/* Runs on a worker thread, with its own connection. */
static GObject *
undo_batch (PecanStore    *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  pecan_store_undo_batch (store, *(gint64 *) data, error);
  return NULL;
}

static void
show_undo_failure (PecanImportsPage *self,
                   PecanBatch       *batch,
                   const GError     *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   _("The import of “%s” was not undone"),
                                   pecan_batch_get_file_name (batch));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("%s\n\nNothing was changed."), error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  PecanSession *session = PECAN_SESSION (source);
  g_autoptr(PecanImportsPage) self = user_data;
  g_autoptr(PecanBatch) batch = g_steal_pointer (&self->undoing);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) nothing = pecan_session_run_finish (session, result, &error);
  g_autofree char *text = NULL;

  /* Every page reloads, even when this one closed meanwhile. */
  if (error == NULL)
    pecan_session_data_changed (session);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  pecan_imports_page_update_busy (self, self->load_cancellable != NULL);
  if (error != NULL)
    {
      gtk_label_set_text (self->status_label, "");
      show_undo_failure (self, batch, error);
      return;
    }
  /* TRANSLATORS: after an undo; the file can be imported again */
  text = g_strdup_printf (_("The import of “%s” was undone."), pecan_batch_get_file_name (batch));
  gtk_label_set_text (self->status_label, text);
}

static void
start_undo (PecanImportsPage *self,
            PecanBatch       *batch)
{
  gint64 id = pecan_batch_get_id (batch);
  g_autofree char *text = NULL;

  g_return_if_fail (self->undoing == NULL);

  self->undoing = g_object_ref (batch);
  text = g_strdup_printf (_("Undoing the import of “%s”…"), pecan_batch_get_file_name (batch));
  gtk_label_set_text (self->status_label, text);
  pecan_imports_page_update_busy (self, self->load_cancellable != NULL);
  pecan_session_run_async (pecan_page_get_session (PECAN_PAGE (self)), undo_batch,
                           g_memdup2 (&id, sizeof id), g_free, NULL, undo_done_cb,
                           g_object_ref (self));
}

/* What pecan_store_undo_batch() does, in words: the lines go, the data
 * the file replaced does not come back. */
static char *
describe_undo (const PecanBatchInfo *info)
{
  g_autofree char *lines = pecan_ui_format_count (info->lines);
  g_autofree char *replaced = pecan_ui_format_count (info->replaced);
  GString *text = g_string_new (NULL);

  /* A newer import may have replaced some of its lines already: those
   * are gone, and only the lines it still holds are removed. */
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "It imported %s line. The lines it still holds are removed, "
                                       "and every figure is counted again without them.",
                                       "It imported %s lines. The lines it still holds are removed, "
                                       "and every figure is counted again without them.",
                                       info->lines),
                          lines);
  g_string_append_c (text, ' ');
  if (info->replaced > 0)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "The %s older line it replaced does not come back: to "
                                         "restore it, import the older file again.",
                                         "The %s older lines it replaced do not come back: to "
                                         "restore them, import the older file again.",
                                         info->replaced),
                            replaced);
  else
    g_string_append (text, _("To have them back, import this file again."));
  return g_string_free (text, FALSE);
}

static void
undo_response_cb (GtkDialog        *dialog,
                  int               response,
                  PecanImportsPage *self)
{
  PecanBatch *batch = g_object_get_data (G_OBJECT (dialog), "batch");

  if (response == GTK_RESPONSE_ACCEPT && self->undoing == NULL
      && pecan_page_get_session (PECAN_PAGE (self)) != NULL)
    start_undo (self, batch);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
confirm_undo (PecanImportsPage *self,
              PecanBatch       *batch)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *body = describe_undo (pecan_batch_get_info (batch));
  GtkWidget *dialog;
  GtkWidget *button;

  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Undo the import of “%s”?"),
                                   pecan_batch_get_file_name (batch));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", body);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Undo Import"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  /* A stray Enter must not remove data. */
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_object_set_data_full (G_OBJECT (dialog), "batch", g_object_ref (batch), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (undo_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PecanImportsPage *self = PECAN_IMPORTS_PAGE (widget);
  g_autoptr(PecanBatch) batch = find_batch (self, g_variant_get_int64 (parameter));

  if (batch == NULL || pecan_page_get_session (PECAN_PAGE (self)) == NULL || self->undoing != NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  confirm_undo (self, batch);
}

void
pecan_imports_page_class_init_undo (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "imports.undo", "x", undo_action);
}
