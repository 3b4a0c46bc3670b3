/* pecan-coop-checklist-documents.c: the co-op checklist's proof of execution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Documents come from the file chooser or are dropped on the list. Each
 * file is read once on a worker thread for its size and SHA-256; its kind
 * is guessed from its name, and its name, date and amount are given
 * beside it. When the claim opens, every file is read again on a worker
 * thread: one whose SHA-256 differs from the one kept, or that is gone,
 * is flagged, as Partner Center wants the very file the claim was built
 * on. The rows of the list are in pecan-coop-checklist-rows.c.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pecan-coop-checklist-private.h"
#include "pecan-parse.h"
#include "pecan-period.h"
#include "pecan-ui-files.h"
#include "pecan-ui-util.h"

#define READ_SIZE (64 * 1024)

typedef struct
{
  char     *path;
  char     *expected;        /* the SHA-256 kept, when checking */
  char     *sha256;
  gint64    size;
  gboolean  missing;
  GError   *error;           /* when adding: why it could not be read */
} Fingerprint;

static void
fingerprint_free (gpointer data)
{
  Fingerprint *print = data;

  g_free (print->path);
  g_free (print->expected);
  g_free (print->sha256);
  g_clear_error (&print->error);
  g_free (print);
}

static void
file_check_free (gpointer data)
{
  FileCheck *check = data;

  g_free (check->sha256);
  g_free (check);
}

/* Runs on a worker thread: no widget, no database. */
static gboolean
fingerprint (Fingerprint   *print,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (print->path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (READ_SIZE);
  gssize n;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  print->size = 0;
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, READ_SIZE, cancellable,
                                   error)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      print->size += n;
    }
  if (n < 0)
    return FALSE;
  print->sha256 = g_strdup (g_checksum_get_string (checksum));
  return TRUE;
}

/* Runs on a worker thread: the files added together, one after the
 * other, so that they join the list in the order given. */
static void
add_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GPtrArray *prints = task_data;

  for (guint i = 0; i < prints->len; i++)
    {
      Fingerprint *print = prints->pdata[i];

      fingerprint (print, cancellable, &print->error);
    }
  g_task_return_boolean (task, TRUE);
}

/* Runs on a worker thread: each file again, as it is now. */
static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GPtrArray *prints = task_data;

  for (guint i = 0; i < prints->len; i++)
    {
      Fingerprint *print = prints->pdata[i];
      g_autoptr(GError) error = NULL;

      print->missing = !fingerprint (print, cancellable, &error)
                       && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    }
  g_task_return_boolean (task, TRUE);
}

static gboolean
has_document (PecanCoopChecklist *self,
              const char         *path)
{
  for (guint i = 0; i < self->info.documents->len; i++)
    if (g_strcmp0 (g_array_index (self->info.documents, PecanCoopDocument, i).path, path) == 0)
      return TRUE;
  return FALSE;
}

static void
update_hashing (PecanCoopChecklist *self)
{
  gtk_widget_set_visible (self->hashing_box, self->hashing > 0);
  gtk_spinner_set_spinning (self->hashing_spinner, self->hashing > 0);
}

static void
set_file_state (PecanCoopChecklist *self,
                const char         *path,
                FileState           state,
                const Fingerprint  *print)
{
  FileCheck *check = g_new0 (FileCheck, 1);

  check->state = state;
  if (print != NULL)
    {
      check->sha256 = g_strdup (print->sha256);
      check->size = print->size;
    }
  g_hash_table_replace (self->files, g_strdup (path), check);
}

/* What a file's name says of its kind: a guess, changed in a click. */
static PecanCoopDocumentKind
guess_kind (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_utf8_strdown (base, -1);
  const struct
  {
    const char            *word;
    PecanCoopDocumentKind  kind;
  } words[] = {
    { "receipt", PECAN_COOP_RECEIPT }, { "payment", PECAN_COOP_RECEIPT },
    { "remittance", PECAN_COOP_RECEIPT }, { "invoice", PECAN_COOP_INVOICE },
    { "rechnung", PECAN_COOP_INVOICE }, { "factu", PECAN_COOP_INVOICE },
    { "certif", PECAN_COOP_CERTIFICATION }, { "contract", PECAN_COOP_CONTRACT },
    { "sow", PECAN_COOP_CONTRACT }, { "statement of work", PECAN_COOP_CONTRACT },
    { "agreement", PECAN_COOP_CONTRACT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (name, words[i].word) != NULL)
      return words[i].kind;
  return PECAN_COOP_EVIDENCE;
}

static void
add_document (PecanCoopChecklist *self,
              const Fingerprint  *print)
{
  g_autofree char *base = g_filename_display_basename (print->path);
  char *dot = strrchr (base, '.');
  PecanCoopDocument document = { 0 };

  if (dot != NULL && dot != base)
    *dot = '\0';
  document.kind = guess_kind (print->path);
  document.name = base;
  document.path = print->path;
  document.sha256 = print->sha256;
  document.size = print->size;
  pecan_coop_info_add_document (&self->info, &document);
  set_file_state (self, print->path, FILE_SAME, NULL);
}

static void
add_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PecanCoopChecklist *self = PECAN_COOP_CHECKLIST (source);
  GPtrArray *prints = g_task_get_task_data (G_TASK (result));
  gboolean added = FALSE;

  self->hashing--;
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  update_hashing (self);
  for (guint i = 0; i < prints->len; i++)
    {
      Fingerprint *print = prints->pdata[i];

      if (print->error != NULL)
        {
          g_autofree char *name = g_filename_display_basename (print->path);
          g_autofree char *text = g_strdup_printf (_("“%s” could not be read: %s"), name,
                                                   print->error->message);

          pecan_coop_checklist_show_message (self, text, TRUE);
        }
      else if (!has_document (self, print->path) && pecan_coop_info_is_editable (&self->info))
        {
          add_document (self, print);
          added = TRUE;
        }
    }
  if (added)
    {
      pecan_coop_checklist_sync_documents (self);
      pecan_coop_checklist_changed (self);
    }
  pecan_coop_checklist_settle (self);
}

/**
 * pecan_coop_checklist_add_files:
 * @files: (array length=n_files): documents to add
 *
 * Adds each file not added yet, in the order given, once its SHA-256 is
 * known, with the kind its name suggests.
 */
void
pecan_coop_checklist_add_files (PecanCoopChecklist  *self,
                                GFile              **files,
                                guint                n_files)
{
  g_autoptr(GPtrArray) prints = g_ptr_array_new_with_free_func (fingerprint_free);
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PECAN_IS_COOP_CHECKLIST (self));

  for (guint i = 0; i < n_files && pecan_coop_info_is_editable (&self->info); i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      Fingerprint *print;

      if (path == NULL || has_document (self, path))
        continue;
      print = g_new0 (Fingerprint, 1);
      print->path = g_steal_pointer (&path);
      g_ptr_array_add (prints, print);
    }
  if (prints->len == 0)
    return;
  /* The task keeps the checklist: documents being read are not lost when
   * the checklist closes. */
  task = g_task_new (self, NULL, add_done_cb, NULL);
  g_task_set_source_tag (task, pecan_coop_checklist_add_files);
  g_task_set_task_data (task, g_steal_pointer (&prints), (GDestroyNotify) g_ptr_array_unref);
  self->hashing++;
  update_hashing (self);
  g_task_run_in_thread (task, add_thread);
}

/* The checklist is not kept for the check: one gone meanwhile cancelled
 * it, and is not touched. */
static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  PecanCoopChecklist *self = user_data;
  GPtrArray *prints = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;
  self->hashing--;
  update_hashing (self);
  for (guint i = 0; i < prints->len; i++)
    {
      Fingerprint *print = prints->pdata[i];
      FileState state = print->missing ? FILE_MISSING
                        : print->sha256 == NULL ? FILE_SAME /* unreadable: not ours to say */
                        : g_strcmp0 (print->sha256, print->expected) != 0 ? FILE_CHANGED
                                                                          : FILE_SAME;

      set_file_state (self, print->path, state, print);
    }
  pecan_coop_checklist_sync_documents (self);
  pecan_coop_checklist_refresh (self);
  pecan_coop_checklist_settle (self);
}

/**
 * pecan_coop_checklist_check_files:
 *
 * Reads every document's file again, off the main thread, to flag those
 * that changed since they were added, or are gone.
 */
void
pecan_coop_checklist_check_files (PecanCoopChecklist *self)
{
  g_autoptr(GPtrArray) prints = g_ptr_array_new_with_free_func (fingerprint_free);
  g_autoptr(GTask) task = NULL;

  for (guint i = 0; i < self->info.documents->len; i++)
    {
      const PecanCoopDocument *d = &g_array_index (self->info.documents, PecanCoopDocument, i);
      Fingerprint *print;

      if (d->path == NULL || *d->path == '\0')
        continue;
      print = g_new0 (Fingerprint, 1);
      print->path = g_strdup (d->path);
      print->expected = g_strdup (d->sha256);
      g_ptr_array_add (prints, print);
      set_file_state (self, d->path, FILE_CHECKING, NULL);
    }
  if (prints->len == 0)
    return;
  task = g_task_new (NULL, self->cancellable, check_done_cb, self);
  g_task_set_source_tag (task, pecan_coop_checklist_check_files);
  g_task_set_task_data (task, g_steal_pointer (&prints), (GDestroyNotify) g_ptr_array_unref);
  self->hashing++;
  update_hashing (self);
  g_task_run_in_thread (task, check_thread);
}

/**
 * pecan_coop_checklist_file_problem:
 * @document: a document of the claim
 *
 * Returns: (transfer full) (nullable): what is wrong with its file, found
 *   when the claim opened, or %NULL
 */
char *
pecan_coop_checklist_file_problem (PecanCoopChecklist      *self,
                                   const PecanCoopDocument *document)
{
  FileCheck *check = document->path != NULL ? g_hash_table_lookup (self->files, document->path)
                                            : NULL;
  g_autofree char *base = document->path != NULL ? g_filename_display_basename (document->path)
                                                 : NULL;
  const char *name = document->name != NULL && *document->name != '\0' ? document->name : base;

  if (check == NULL || (check->state != FILE_CHANGED && check->state != FILE_MISSING))
    return NULL;
  if (check->state == FILE_MISSING)
    /* TRANSLATORS: a document's name, then where its file was */
    return g_strdup_printf (_("“%s” is no longer at %s: put it back, or remove it and add the "
                              "file again."), name, document->path);
  return g_strdup_printf (_("“%s” changed since it was added: its SHA-256 differs. If the new "
                            "version is the one to upload, use it."), name);
}

/* Files chosen or dropped: documents of a claim that can still change. */
static gboolean
take_files (gpointer  owner,
            GFile   **files,
            guint     n_files)
{
  PecanCoopChecklist *self = PECAN_COOP_CHECKLIST (owner);

  if (!pecan_coop_info_is_editable (&self->info))
    return FALSE;
  pecan_coop_checklist_add_files (self, files, n_files);
  return n_files > 0;
}

static void
add_documents_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  pecan_ui_choose_files (GTK_WINDOW (widget), _("Add Claim Documents"), take_files);
}

/* The document an action's parameter names, or NULL with a bell. */
static PecanCoopDocument *
document_for (GtkWidget *widget,
              GVariant  *parameter)
{
  PecanCoopChecklist *self = PECAN_COOP_CHECKLIST (widget);
  int index = g_variant_get_int32 (parameter);

  if (index < 0 || (guint) index >= self->info.documents->len
      || !pecan_coop_info_is_editable (&self->info))
    {
      gtk_widget_error_bell (widget);
      return NULL;
    }
  return &g_array_index (self->info.documents, PecanCoopDocument, index);
}

static void
remove_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PecanCoopChecklist *self = PECAN_COOP_CHECKLIST (widget);

  if (document_for (widget, parameter) == NULL)
    return;
  g_array_remove_index (self->info.documents, g_variant_get_int32 (parameter));
  pecan_coop_checklist_sync_documents (self);
  pecan_coop_checklist_changed (self);
}

/* The file changed, and its new version is the one: its fingerprint
 * now. */
static void
use_version_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PecanCoopChecklist *self = PECAN_COOP_CHECKLIST (widget);
  PecanCoopDocument *document = document_for (widget, parameter);
  FileCheck *check = document != NULL ? g_hash_table_lookup (self->files, document->path) : NULL;

  if (check == NULL || check->state != FILE_CHANGED)
    return;
  pecan_coop_checklist_set_string (&document->sha256, check->sha256);
  document->size = check->size;
  check->state = FILE_SAME;
  pecan_coop_checklist_sync_documents (self);
  pecan_coop_checklist_changed (self);
}

/* The list of documents, from the claim. */
void
pecan_coop_checklist_sync_documents (PecanCoopChecklist *self)
{
  gboolean syncing = self->syncing;
  GtkWidget *child;

  self->syncing = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->documents_list))) != NULL)
    gtk_list_box_remove (self->documents_list, child);
  for (guint i = 0; i < self->info.documents->len; i++)
    gtk_list_box_append (self->documents_list,
                         pecan_coop_checklist_document_row_new (
                           self, &g_array_index (self->info.documents, PecanCoopDocument, i), i));
  self->syncing = syncing;
}

/* The sums the amount is checked against. */
static char *
describe_totals (PecanCoopChecklist *self)
{
  const PecanCoopInfo *info = &self->info;
  gint64 invoiced = 0, paid = 0;
  gboolean receipts = FALSE;
  g_autofree char *invoices_text = NULL;
  g_autofree char *receipts_text = NULL;
  g_autofree char *claimed_text = NULL;

  for (guint i = 0; i < info->documents->len; i++)
    {
      const PecanCoopDocument *d = &g_array_index (info->documents, PecanCoopDocument, i);

      if (d->kind == PECAN_COOP_INVOICE || d->kind == PECAN_COOP_CERTIFICATION)
        invoiced += d->amount;
      else if (d->kind == PECAN_COOP_RECEIPT)
        {
          paid += d->amount;
          receipts = TRUE;
        }
    }
  if (info->documents->len == 0)
    return g_strdup ("");
  invoices_text = pecan_ui_format_nano (invoiced, info->currency);
  receipts_text = pecan_ui_format_nano (paid, info->currency);
  claimed_text = pecan_ui_format_nano (info->amount, info->currency);
  if (receipts)
    /* TRANSLATORS: three amounts with their currency */
    return g_strdup_printf (_("Invoices: %s · Payment receipts: %s · Claimed: %s"),
                            invoices_text, receipts_text, claimed_text);
  /* TRANSLATORS: two amounts with their currency */
  return g_strdup_printf (_("Invoices: %s · Claimed: %s"), invoices_text, claimed_text);
}

/**
 * pecan_coop_checklist_update_documents:
 *
 * What the rows still lack, the sums, and until when to keep the files,
 * after the claim changed.
 */
void
pecan_coop_checklist_update_documents (PecanCoopChecklist *self)
{
  gint32 keep_until = pecan_coop_info_keep_until (&self->info);
  g_autofree char *totals = describe_totals (self);
  g_autofree char *keep = NULL;
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->documents_list));

  for (guint i = 0; row != NULL && i < self->info.documents->len;
       i++, row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      pecan_coop_checklist_update_document_row (
        self, gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)),
        &g_array_index (self->info.documents, PecanCoopDocument, i));
  gtk_label_set_text (self->totals_label, totals);
  if (keep_until != 0)
    {
      g_autofree char *day = pecan_day_describe (keep_until);

      /* TRANSLATORS: %s is a date */
      keep = g_strdup_printf (_("Keep every original until %s: Microsoft may ask for them for 24 "
                                "months after the activity."), day);
    }
  gtk_label_set_text (self->keep_label,
                      keep != NULL ? keep
                                   : _("Keep every original for 24 months after the activity: "
                                       "Microsoft may ask for them."));
}

void
pecan_coop_checklist_init_documents (PecanCoopChecklist *self)
{
  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, file_check_free);
  pecan_ui_drop_files (self->documents_drop_area, self, take_files);
}

void
pecan_coop_checklist_class_init_documents (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, documents_list);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, documents_drop_area);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, hashing_box);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, hashing_spinner);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, keep_label);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, totals_label);

  gtk_widget_class_install_action (widget_class, "checklist.add-documents", NULL,
                                   add_documents_action);
  gtk_widget_class_install_action (widget_class, "checklist.remove-document", "i",
                                   remove_document_action);
  gtk_widget_class_install_action (widget_class, "checklist.use-version", "i",
                                   use_version_action);
}
