/* pecan-claim-wizard-documents.c: the claim wizard's proof of execution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Documents come from the file chooser or are dropped on the list. Each
 * is read once on a worker thread for its size and SHA-256, which the
 * packet lists so that the file uploaded can be told from a later
 * version; its kind is chosen beside it. The step says what is still
 * missing, that the PoE must carry the customer's signature, and warns
 * about the opt-out box.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-claim-wizard-private.h"
#include "pecan-ui-files.h"
#include "pecan-ui-util.h"

#define READ_SIZE (64 * 1024)

typedef struct
{
  char   *path;
  char   *sha256;
  gint64  size;
} Fingerprint;

static void
fingerprint_free (gpointer data)
{
  Fingerprint *print = data;

  g_free (print->path);
  g_free (print->sha256);
  g_free (print);
}

/* Runs on a worker thread: no widget, no database. */
static void
fingerprint_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Fingerprint *print = task_data;
  g_autoptr(GFile) file = g_file_new_for_path (print->path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (READ_SIZE);
  GError *error = NULL;
  gssize n;

  stream = g_file_read (file, cancellable, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, READ_SIZE, cancellable,
                                   &error)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      print->size += n;
    }
  if (n < 0)
    {
      g_task_return_error (task, error);
      return;
    }
  print->sha256 = g_strdup (g_checksum_get_string (checksum));
  g_task_return_boolean (task, TRUE);
}

static gboolean
has_document (PecanClaimWizard *self,
              const char       *path)
{
  for (guint i = 0; i < self->info.documents->len; i++)
    if (g_strcmp0 (g_array_index (self->info.documents, PecanPoeDocument, i).path, path) == 0)
      return TRUE;
  return FALSE;
}

static void
update_hashing (PecanClaimWizard *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->hashing_box), self->hashing > 0);
  gtk_spinner_set_spinning (self->hashing_spinner, self->hashing > 0);
}

static void
fingerprint_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  PecanClaimWizard *self = PECAN_CLAIM_WIZARD (source);
  Fingerprint *print = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->hashing--;
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  update_hashing (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_filename_display_basename (print->path);
      g_autofree char *text = g_strdup_printf (_("“%s” could not be read: %s"), name,
                                               error->message);

      pecan_claim_wizard_show_message (self, text, TRUE);
    }
  else if (!has_document (self, print->path) && pecan_cpor_info_is_editable (&self->info))
    {
      pecan_cpor_info_add_document (&self->info, PECAN_POE_OTHER, print->path, print->sha256,
                                    print->size, self->today);
      pecan_claim_wizard_sync_documents (self);
      pecan_claim_wizard_changed (self);
    }
  pecan_claim_wizard_settle (self);
}

/**
 * pecan_claim_wizard_add_files:
 * @files: (array length=n_files): documents to add
 *
 * Adds each file not added yet, once its SHA-256 is known: as "other
 * evidence" until its kind is chosen.
 */
void
pecan_claim_wizard_add_files (PecanClaimWizard  *self,
                              GFile            **files,
                              guint              n_files)
{
  g_return_if_fail (PECAN_IS_CLAIM_WIZARD (self));

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      g_autoptr(GTask) task = NULL;
      Fingerprint *print;

      if (path == NULL || has_document (self, path) || !pecan_cpor_info_is_editable (&self->info))
        continue;
      print = g_new0 (Fingerprint, 1);
      print->path = g_steal_pointer (&path);
      /* The task keeps the wizard: a document being read is not lost
       * when the wizard closes. */
      task = g_task_new (self, NULL, fingerprint_done_cb, NULL);
      g_task_set_source_tag (task, pecan_claim_wizard_add_files);
      g_task_set_task_data (task, print, fingerprint_free);
      self->hashing++;
      g_task_run_in_thread (task, fingerprint_thread);
    }
  update_hashing (self);
}

/* Files chosen or dropped: documents of a claim that can still change. */
static gboolean
take_files (gpointer  owner,
            GFile   **files,
            guint     n_files)
{
  PecanClaimWizard *self = PECAN_CLAIM_WIZARD (owner);

  if (!pecan_cpor_info_is_editable (&self->info))
    return FALSE;
  pecan_claim_wizard_add_files (self, files, n_files);
  return n_files > 0;
}

static void
add_documents_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  pecan_ui_choose_files (GTK_WINDOW (widget), _("Add Proof of Execution"), take_files);
}

static void
remove_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PecanClaimWizard *self = PECAN_CLAIM_WIZARD (widget);
  int index = g_variant_get_int32 (parameter);

  if (index < 0 || (guint) index >= self->info.documents->len
      || !pecan_cpor_info_is_editable (&self->info))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  g_array_remove_index (self->info.documents, index);
  pecan_claim_wizard_sync_documents (self);
  pecan_claim_wizard_changed (self);
}

static void
kind_changed_cb (GtkDropDown      *dropdown,
                 GParamSpec       *pspec,
                 PecanClaimWizard *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "index"));
  guint kind = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || index >= self->info.documents->len || kind > PECAN_POE_OTHER)
    return;
  g_array_index (self->info.documents, PecanPoeDocument, index).kind = kind;
  pecan_claim_wizard_changed (self);
}

static char *
describe_document (const PecanPoeDocument *document)
{
  g_autofree char *size = g_format_size (document->size);
  g_autofree char *day = pecan_ui_format_day (document->added_on);
  g_autofree char *sha = g_strndup (document->sha256 != NULL ? document->sha256 : "", 12);

  /* TRANSLATORS: a document's size, the day it was added and the start
   * of its SHA-256: "1.2 MB · added 22/11/2026 · SHA-256 1a2b3c4d5e6f…" */
  return g_strdup_printf (_("%s · added %s · SHA-256 %s…"), size, day, sha);
}

static GtkWidget *
document_row_new (PecanClaimWizard       *self,
                  const PecanPoeDocument *document,
                  guint                   index)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-document-symbolic");
  g_autofree char *name = g_filename_display_basename (document->path);
  g_autofree char *details = describe_document (document);
  GtkWidget *title = gtk_label_new (name);
  GtkWidget *subtitle = gtk_label_new (details);
  GtkWidget *kind = gtk_drop_down_new (NULL, NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  for (PecanPoeKind k = PECAN_POE_SOW_WET; k <= PECAN_POE_OTHER; k++)
    gtk_string_list_append (kinds, pecan_poe_kind_label (k));
  gtk_drop_down_set_model (GTK_DROP_DOWN (kind), G_LIST_MODEL (kinds));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), document->kind);
  gtk_widget_set_halign (kind, GTK_ALIGN_START);
  gtk_widget_set_margin_top (kind, 3);
  g_object_set_data (G_OBJECT (kind), "index", GUINT_TO_POINTER (index));
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of document"), -1);
  g_signal_connect_object (kind, "notify::selected", G_CALLBACK (kind_changed_cb), self, 0);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 24);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_tooltip_text (title, document->path);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "pecan-small");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_box_append (GTK_BOX (text), kind);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove"), -1);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_int32 (index));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "wizard.remove-document");

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), remove);
  return box;
}

/* The list of documents and the opt-out boxes, from the claim. */
void
pecan_claim_wizard_sync_documents (PecanClaimWizard *self)
{
  gboolean syncing = self->syncing;
  GtkWidget *child;

  self->syncing = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->documents_list))) != NULL)
    gtk_list_box_remove (self->documents_list, child);
  for (guint i = 0; i < self->info.documents->len; i++)
    gtk_list_box_append (self->documents_list,
                         document_row_new (self, &g_array_index (self->info.documents,
                                                                 PecanPoeDocument, i), i));
  gtk_check_button_set_active (self->opt_out_check, self->info.opt_out);
  gtk_check_button_set_active (self->recognition_check, !self->info.incentives);
  gtk_revealer_set_reveal_child (self->opt_out_revealer, self->info.opt_out);
  self->syncing = syncing;
}

static GtkWidget *
problem_row_new (const PecanCporProblem *problem)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 9);
  GtkWidget *icon = gtk_image_new_from_icon_name (problem->severity == PECAN_CPOR_ERROR
                                                    ? "dialog-error-symbolic"
                                                    : "dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (problem->message);

  gtk_widget_add_css_class (icon, problem->severity == PECAN_CPOR_ERROR ? "error" : "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/* What the proof of execution still lacks, as pecan_cpor_check() says. */
void
pecan_claim_wizard_update_missing (PecanClaimWizard *self)
{
  GtkWidget *child;
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->missing_box))) != NULL)
    gtk_box_remove (self->missing_box, child);
  for (guint i = 0; self->problems != NULL && i < self->problems->len; i++)
    {
      const PecanCporProblem *problem = self->problems->pdata[i];

      if (g_strcmp0 (problem->field, "documents") != 0)
        continue;
      gtk_box_append (self->missing_box, problem_row_new (problem));
      any = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->missing_box), any);
}

static void
opt_out_toggled_cb (PecanClaimWizard *self)
{
  gboolean active = gtk_check_button_get_active (self->opt_out_check);

  gtk_revealer_set_reveal_child (self->opt_out_revealer, active);
  if (self->syncing || active == self->info.opt_out)
    return;
  self->info.opt_out = active;
  /* Unticked, the claim is for incentives again. */
  if (!active)
    {
      self->info.incentives = TRUE;
      self->syncing = TRUE;
      gtk_check_button_set_active (self->recognition_check, FALSE);
      self->syncing = FALSE;
    }
  pecan_claim_wizard_changed (self);
}

static void
recognition_toggled_cb (PecanClaimWizard *self)
{
  gboolean recognition_only = gtk_check_button_get_active (self->recognition_check);

  if (self->syncing || recognition_only == !self->info.incentives)
    return;
  self->info.incentives = !recognition_only;
  pecan_claim_wizard_changed (self);
}

void
pecan_claim_wizard_init_documents (PecanClaimWizard *self)
{
  pecan_ui_drop_files (self->documents_drop_area, self, take_files);
}

void
pecan_claim_wizard_class_init_documents (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, documents_list);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, documents_drop_area);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, hashing_box);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, hashing_spinner);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, missing_box);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, opt_out_check);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, opt_out_revealer);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, recognition_check);
  gtk_widget_class_bind_template_child_full (widget_class, "documents_form", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, opt_out_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, recognition_toggled_cb);

  gtk_widget_class_install_action (widget_class, "wizard.add-documents", NULL,
                                   add_documents_action);
  gtk_widget_class_install_action (widget_class, "wizard.remove-document", "i",
                                   remove_document_action);
}
