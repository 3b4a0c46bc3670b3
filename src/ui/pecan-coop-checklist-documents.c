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
 * on.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pecan-coop-checklist-private.h"
#include "pecan-parse.h"
#include "pecan-period.h"
#include "pecan-ui-util.h"

#define READ_SIZE (64 * 1024)

/* The kinds as the lists name them, short; the core's label is the
 * tooltip. */
static const char * const kind_titles[] = {
  [PECAN_COOP_INVOICE] = N_("Invoice"),
  [PECAN_COOP_RECEIPT] = N_("Payment receipt"),
  [PECAN_COOP_CONTRACT] = N_("Contract or SOW"),
  [PECAN_COOP_EVIDENCE] = N_("Evidence"),
  [PECAN_COOP_CERTIFICATION] = N_("Certification"),
};

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

/**
 * pecan_coop_checklist_kind_title:
 *
 * Returns: a kind of document, short: "Contract or SOW" (the core's
 *   label says it in full)
 */
const char *
pecan_coop_checklist_kind_title (PecanCoopDocumentKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_titles), NULL);
  return _(kind_titles[kind]);
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
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
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

static void
chooser_response_cb (GtkNativeDialog    *chooser,
                     int                 response,
                     PecanCoopChecklist *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (list, g_list_model_get_item (files, i));
  pecan_coop_checklist_add_files (self, (GFile **) list->pdata, list->len);
  g_object_unref (chooser);
}

static void
add_documents_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Add Proof of Execution"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
drop_cb (GtkDropTarget      *target,
         const GValue       *value,
         double              x,
         double              y,
         PecanCoopChecklist *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  if (!pecan_coop_info_is_editable (&self->info))
    return FALSE;
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (list, l->data);
  pecan_coop_checklist_add_files (self, (GFile **) list->pdata, list->len);
  return list->len > 0;
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

static PecanCoopDocument *
row_document (PecanCoopChecklist *self,
              GtkWidget          *widget)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "index"));

  if (self->syncing || index >= self->info.documents->len)
    return NULL;
  return &g_array_index (self->info.documents, PecanCoopDocument, index);
}

static void
name_changed_cb (GtkEditable        *entry,
                 PecanCoopChecklist *self)
{
  PecanCoopDocument *document = row_document (self, GTK_WIDGET (entry));

  if (document == NULL)
    return;
  pecan_coop_checklist_set_string (&document->name, gtk_editable_get_text (entry));
  pecan_coop_checklist_changed (self);
}

static void
kind_changed_cb (GtkDropDown        *dropdown,
                 GParamSpec         *pspec,
                 PecanCoopChecklist *self)
{
  PecanCoopDocument *document = row_document (self, GTK_WIDGET (dropdown));
  guint kind = gtk_drop_down_get_selected (dropdown);

  if (document == NULL || kind >= G_N_ELEMENTS (kind_titles))
    return;
  document->kind = kind;
  gtk_widget_set_tooltip_text (GTK_WIDGET (dropdown), pecan_coop_document_label (kind));
  pecan_coop_checklist_changed (self);
}

static void
amount_changed_cb (GtkEditable        *entry,
                   PecanCoopChecklist *self)
{
  PecanCoopDocument *document = row_document (self, GTK_WIDGET (entry));
  const char *text = gtk_editable_get_text (entry);
  gint64 nano = 0;
  gboolean valid;

  if (document == NULL)
    return;
  valid = pecan_ui_parse_nano (text, &nano);
  document->has_amount = valid;
  document->amount = valid ? nano : 0;
  g_object_set_data (G_OBJECT (entry), "invalid", GINT_TO_POINTER (*text != '\0' && !valid));
  pecan_coop_checklist_changed (self);
}

static gint32
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return pecan_day_from_ymd (g_date_time_get_year (date), g_date_time_get_month (date),
                             g_date_time_get_day_of_month (date));
}

static void
date_changed_cb (GtkCalendar        *calendar,
                 GParamSpec         *pspec,
                 PecanCoopChecklist *self)
{
  PecanCoopDocument *document = row_document (self, GTK_WIDGET (calendar));
  GtkWidget *button = g_object_get_data (G_OBJECT (calendar), "button");
  g_autofree char *text = NULL;

  if (document == NULL || document->day == calendar_day (calendar))
    return;
  document->day = calendar_day (calendar);
  text = pecan_day_describe (document->day);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), text);
  pecan_coop_checklist_changed (self);
}

static void
date_released_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  gpointer         user_data)
{
  GtkWidget *calendar = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  date_changed_cb (GTK_CALENDAR (calendar), NULL, user_data);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (calendar, GTK_TYPE_POPOVER)));
}

/* A button that shows a document's date and opens a calendar. */
static GtkWidget *
date_button_new (PecanCoopChecklist      *self,
                 const PecanCoopDocument *document,
                 guint                    index)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  g_autofree char *label = document->day != 0 ? pecan_day_describe (document->day)
                                              : g_strdup (_("Date…"));
  gint32 shown = document->day != 0 ? document->day
                 : self->info.end_day != 0 ? self->info.end_day : self->today;
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  pecan_day_to_ymd (shown, &y, &m, &d);
  date = g_date_time_new_local (y, m, d, 12, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), date);
  g_object_set_data (G_OBJECT (calendar), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (calendar), "button", button);
  g_signal_connect_object (calendar, "notify::day", G_CALLBACK (date_changed_cb), self, 0);
  g_signal_connect_object (calendar, "notify::month", G_CALLBACK (date_changed_cb), self, 0);
  g_signal_connect_object (calendar, "notify::year", G_CALLBACK (date_changed_cb), self, 0);
  g_signal_connect_object (click, "released", G_CALLBACK (date_released_cb), self, 0);
  gtk_widget_add_controller (calendar, GTK_EVENT_CONTROLLER (click));
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Date of the document"), -1);
  g_object_set_data (G_OBJECT (button), "calendar", calendar);
  return button;
}

static GtkWidget *
kind_dropdown_new (PecanCoopChecklist      *self,
                   const PecanCoopDocument *document,
                   guint                    index)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  for (guint k = 0; k < G_N_ELEMENTS (kind_titles); k++)
    gtk_string_list_append (kinds, _(kind_titles[k]));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), document->kind);
  gtk_widget_set_tooltip_text (dropdown, pecan_coop_document_label (document->kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of document"), -1);
  g_object_set_data (G_OBJECT (dropdown), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (kind_changed_cb), self, 0);
  return dropdown;
}

static GtkWidget *
amount_entry_new (PecanCoopChecklist      *self,
                  const PecanCoopDocument *document,
                  guint                    index)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *amount = document->has_amount ? pecan_ui_format_nano (document->amount, NULL)
                                                 : NULL;

  gtk_editable_set_text (GTK_EDITABLE (entry), amount != NULL ? amount : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Amount"));
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Amount of the document"), -1);
  g_object_set_data (G_OBJECT (entry), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (entry, "changed", G_CALLBACK (amount_changed_cb), self, 0);
  return entry;
}

static char *
describe_file (const PecanCoopDocument *document)
{
  g_autofree char *base = g_filename_display_basename (document->path != NULL ? document->path
                                                                              : "");
  g_autofree char *size = g_format_size (document->size);
  g_autofree char *sha = g_strndup (document->sha256 != NULL ? document->sha256 : "", 12);

  /* TRANSLATORS: a document's file, its size and the start of its
   * SHA-256: "invoice-114.pdf · 1.2 MB · SHA-256 1a2b3c4d5e6f…" */
  return g_strdup_printf (_("%s · %s · SHA-256 %s…"), base, size, sha);
}

/* What is wrong with the file, and the way to take its new version. */
static GtkWidget *
flag_new (PecanCoopChecklist      *self,
          const PecanCoopDocument *document,
          guint                    index)
{
  g_autofree char *problem = pecan_coop_checklist_file_problem (self, document);
  FileCheck *check = document->path != NULL ? g_hash_table_lookup (self->files, document->path)
                                            : NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *button;

  if (problem == NULL)
    return NULL;
  gtk_box_append (GTK_BOX (box), pecan_coop_checklist_problem_row (problem, PECAN_COOP_WARNING));
  gtk_widget_set_hexpand (gtk_widget_get_first_child (box), TRUE);
  if (check->state == FILE_CHANGED)
    {
      button = gtk_button_new_with_mnemonic (_("_Use This Version"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_int32 (index));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "checklist.use-version");
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_widget_add_css_class (box, "pecan-file-flag");
  return box;
}

static GtkWidget *
document_row_new (PecanCoopChecklist      *self,
                  const PecanCoopDocument *document,
                  guint                    index)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-document-symbolic");
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 9);
  GtkWidget *amount = amount_entry_new (self, document, index);
  GtkWidget *currency = gtk_label_new (self->info.currency);
  g_autofree char *details = describe_file (document);
  GtkWidget *file = gtk_label_new (details);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *flag = flag_new (self, document, index);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 24);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_editable_set_text (GTK_EDITABLE (name), document->name != NULL ? document->name : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("Name, as Partner Center will list it"));
  gtk_widget_set_hexpand (name, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name of the document"), -1);
  g_object_set_data (G_OBJECT (name), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (name, "changed", G_CALLBACK (name_changed_cb), self, 0);
  gtk_box_append (GTK_BOX (line), kind_dropdown_new (self, document, index));
  gtk_box_append (GTK_BOX (line), date_button_new (self, document, index));
  gtk_widget_set_halign (amount, GTK_ALIGN_END);
  gtk_widget_set_hexpand (amount, TRUE);
  gtk_box_append (GTK_BOX (line), amount);
  gtk_widget_add_css_class (currency, "dim-label");
  gtk_box_append (GTK_BOX (line), currency);
  gtk_label_set_xalign (GTK_LABEL (file), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (file), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_tooltip_text (file, document->path);
  gtk_widget_add_css_class (file, "dim-label");
  gtk_widget_add_css_class (file, "pecan-small");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove"), -1);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_int32 (index));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "checklist.remove-document");

  gtk_grid_attach (GTK_GRID (grid), icon, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), name, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), remove, 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), line, 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), file, 1, 2, 1, 1);
  if (flag != NULL)
    gtk_grid_attach (GTK_GRID (grid), flag, 1, 3, 2, 1);
  g_object_set_data (G_OBJECT (grid), "name", name);
  g_object_set_data (G_OBJECT (grid), "amount", amount);
  g_object_set_data (G_OBJECT (grid), "date",
                     gtk_widget_get_next_sibling (gtk_widget_get_first_child (line)));
  return grid;
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
                         document_row_new (self, &g_array_index (self->info.documents,
                                                                 PecanCoopDocument, i), i));
  self->syncing = syncing;
}

/* Marks what a row still lacks: its name, its date inside the usage
 * period, its amount where the kind has one. */
static void
update_row (PecanCoopChecklist      *self,
            GtkWidget               *grid,
            const PecanCoopDocument *document)
{
  GtkWidget *amount = g_object_get_data (G_OBJECT (grid), "amount");
  GtkWidget *date = g_object_get_data (G_OBJECT (grid), "date");
  gboolean needs_amount = document->kind == PECAN_COOP_INVOICE
                          || document->kind == PECAN_COOP_RECEIPT
                          || document->kind == PECAN_COOP_CERTIFICATION;
  gboolean invalid = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (amount), "invalid"));
  PecanPeriod period = { PECAN_DAY_MIN, PECAN_DAY_MAX };

  if (self->info.fiscal_year >= 2000 && (self->info.half == 1 || self->info.half == 2))
    pecan_coop_usage_period (self->info.fiscal_year, self->info.half, &period);
  pecan_coop_checklist_set_class (g_object_get_data (G_OBJECT (grid), "name"), "error",
                                  is_blank (document->name));
  pecan_coop_checklist_set_class (date, "error", document->day != 0
                                                 && (document->day < period.first
                                                     || document->day > period.last));
  gtk_widget_set_visible (amount, needs_amount || document->has_amount);
  gtk_widget_set_visible (gtk_widget_get_next_sibling (amount),
                          needs_amount || document->has_amount);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (amount)),
                      self->info.currency != NULL ? self->info.currency : "");
  pecan_coop_checklist_set_class (amount, "error", invalid);
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
      update_row (self, gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)),
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
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, file_check_free);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (self->documents_drop_area, GTK_EVENT_CONTROLLER (target));
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
