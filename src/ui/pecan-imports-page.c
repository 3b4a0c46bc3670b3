/* pecan-imports-page.c: the Imports page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history of the files imported, newest first, with what each one
 * brought in; selecting one shows the rest (its SHA-256, encoding, how
 * long it took). An import can be undone after a confirmation that says
 * what will happen. The list and the undo both run on a worker thread of
 * the session, with that thread's own connection: undoing a file of a
 * million lines rewrites the rollups of its months and takes seconds.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pecan-cell-tooltip.h"
#include "pecan-batch.h"
#include "pecan-imports-page.h"
#include "pecan-query.h"
#include "pecan-session.h"
#include "pecan-ui-util.h"

struct _PecanImportsPage
{
  GtkWidget          parent_instance;

  PecanSession      *session;
  gulong             generation_handler;
  GCancellable      *load_cancellable;
  GListStore        *batches;
  char              *query;              /* casefolded, or NULL */
  PecanBatch        *undoing;            /* while an undo runs */

  GtkStack          *stack;
  GtkSearchEntry    *search_entry;
  GtkLabel          *status_label;
  GtkSpinner        *spinner;
  GtkColumnView     *column_view;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkCustomFilter   *filter;
  GtkColumnViewColumn *customers_column;
  GtkLabel          *no_match_label;
  GtkRevealer       *details_revealer;
  GtkLabel          *details_title;
  GtkButton         *details_undo_button;
  GtkLabel          *details_kind;
  GtkLabel          *details_pec;
  GtkLabel          *details_sha256;
  GtkLabel          *details_kept;
  GtkLabel          *details_encoding;
  GtkLabel          *details_delimiter;
  GtkLabel          *details_duration;
  GtkLabel          *details_number;
};

G_DEFINE_FINAL_TYPE (PecanImportsPage, pecan_imports_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  COLUMN_IMPORTED,
  COLUMN_FILE,
  COLUMN_KIND,
  COLUMN_DAYS,
  COLUMN_LINES,
  COLUMN_CUSTOMERS,
  COLUMN_SKIPPED,
  COLUMN_REPLACED,
  COLUMN_SIZE,
  COLUMN_UNDO,
} Column;

static const struct
{
  const char *title;
  gboolean    numeric;
} columns[] = {
  [COLUMN_IMPORTED] = { N_("Imported"), FALSE },
  [COLUMN_FILE] = { N_("File"), FALSE },
  [COLUMN_KIND] = { N_("Kind"), FALSE },
  [COLUMN_DAYS] = { N_("Usage days"), FALSE },
  [COLUMN_LINES] = { N_("Lines"), TRUE },
  [COLUMN_CUSTOMERS] = { N_("Customers"), TRUE },
  [COLUMN_SKIPPED] = { N_("Skipped"), TRUE },
  [COLUMN_REPLACED] = { N_("Replaced"), TRUE },
  [COLUMN_SIZE] = { N_("Size"), TRUE },
  [COLUMN_UNDO] = { NULL, FALSE },
};

/* Short, for a column; pecan_layout_describe() gives the full name. */
static const char *
layout_short_name (PecanLayout layout)
{
  switch (layout)
    {
    case PECAN_LAYOUT_DAILY:
      return C_("file kind", "Daily rated usage");
    case PECAN_LAYOUT_INVOICE:
      return C_("file kind", "Invoice reconciliation");
    case PECAN_LAYOUT_COST_EXPORT:
      return C_("file kind", "Cost Management export");
    case PECAN_LAYOUT_UNKNOWN:
    default:
      return C_("file kind", "Unknown");
    }
}

/* The time of the import, stored in UTC, in the user's time zone. */
static char *
format_imported_at (const char *iso)
{
  g_autoptr(GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso != NULL ? iso : "");
  local = g_date_time_to_local (utc);
  /* TRANSLATORS: when a file was imported, as strftime() formats it */
  return g_date_time_format (local, C_("import time", "%x %H:%M"));
}

static char *
format_days (const PecanBatchInfo *info)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (info->first_day == G_MININT32)
    return g_strdup ("—");
  first = pecan_ui_format_day (info->first_day);
  if (info->last_day == info->first_day)
    return g_steal_pointer (&first);
  last = pecan_ui_format_day (info->last_day);
  /* TRANSLATORS: a range of days: "01/05/2026 – 01/20/2026" */
  return g_strdup_printf (_("%s – %s"), first, last);
}

static char *
column_text (Column                column,
             const PecanBatchInfo *info)
{
  switch (column)
    {
    case COLUMN_IMPORTED:
      return format_imported_at (info->imported_at);
    case COLUMN_FILE:
      return g_strdup (info->file_name);
    case COLUMN_KIND:
      return g_strdup (layout_short_name (info->layout));
    case COLUMN_DAYS:
      return format_days (info);
    case COLUMN_LINES:
      return pecan_ui_format_count (info->lines);
    case COLUMN_CUSTOMERS:
      /* The history does not keep every import's customers: 0 is unknown. */
      return info->customers > 0 ? pecan_ui_format_count (info->customers) : g_strdup ("—");
    case COLUMN_SKIPPED:
      return pecan_ui_format_count (info->skipped);
    case COLUMN_REPLACED:
      return pecan_ui_format_count (info->replaced);
    case COLUMN_SIZE:
      return g_format_size (info->file_size);
    case COLUMN_UNDO:
    default:
      g_assert_not_reached ();
    }
}

static char *
format_delimiter (char delimiter)
{
  switch (delimiter)
    {
    case ',':
      return g_strdup (_("Comma"));
    case ';':
      return g_strdup (_("Semicolon"));
    case '\t':
      return g_strdup (_("Tab"));
    default:
      return g_strdup_printf ("“%c”", delimiter);
    }
}

static char *
format_seconds (double seconds)
{
  /* Older histories did not keep the time an import took. */
  if (seconds <= 0.0)
    return g_strdup (_("Not recorded"));
  if (seconds < 0.05)
    return g_strdup (_("less than 0.1 seconds"));
  if (seconds < 60.0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%.1f second", "%.1f seconds",
                                         seconds == 1.0 ? 1 : 2), seconds);
  /* TRANSLATORS: how long an import took: "2 min 05 s" */
  return g_strdup_printf (_("%d min %02d s"), (int) seconds / 60, (int) seconds % 60);
}

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

static void
update_busy (PecanImportsPage *self,
             gboolean          loading)
{
  gtk_spinner_set_spinning (self->spinner, loading || self->undoing != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->column_view), self->undoing == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "imports.undo", self->undoing == NULL);
}

static void
show_details (PecanImportsPage     *self,
              const PecanBatchInfo *info)
{
  g_autofree char *kept = pecan_ui_format_count (info->kept);
  g_autofree char *delimiter = format_delimiter (info->delimiter);
  g_autofree char *duration = format_seconds (info->seconds);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, info->id);

  gtk_label_set_text (self->details_title, info->file_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->details_undo_button),
                                          g_variant_new_int64 (info->id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->details_undo_button), "imports.undo");
  gtk_label_set_text (self->details_kind, pecan_layout_describe (info->layout));
  gtk_label_set_text (self->details_pec, info->pec_known ? _("Stated in the file")
                                                         : _("PEC not stated in this file"));
  gtk_label_set_text (self->details_sha256, info->sha256);
  gtk_label_set_text (self->details_kept, kept);
  gtk_label_set_text (self->details_encoding, info->encoding);
  gtk_label_set_text (self->details_delimiter, delimiter);
  gtk_label_set_text (self->details_duration, duration);
  gtk_label_set_text (self->details_number, number);
}

static void
selection_changed_cb (PecanImportsPage *self)
{
  PecanBatch *batch = gtk_single_selection_get_selected_item (self->selection);

  if (batch != NULL)
    show_details (self, pecan_batch_get_info (batch));
  gtk_revealer_set_reveal_child (self->details_revealer, batch != NULL);
}

static void
filtered_changed_cb (PecanImportsPage *self)
{
  gboolean none = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0
                  && g_list_model_get_n_items (G_LIST_MODEL (self->batches)) > 0;

  if (none)
    {
      g_autofree char *text = NULL;

      /* TRANSLATORS: the search of the Imports page found nothing */
      text = g_strdup_printf (_("No imported file name contains “%s”."),
                              gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      gtk_label_set_text (self->no_match_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label), none);
}

static gboolean
match_batch (gpointer item,
             gpointer user_data)
{
  PecanImportsPage *self = user_data;
  g_autofree char *name = NULL;

  if (self->query == NULL)
    return TRUE;
  name = g_utf8_casefold (pecan_batch_get_file_name (item), -1);
  return strstr (name, self->query) != NULL;
}

static void
search_changed_cb (PecanImportsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->query, g_free);
  if (*text != '\0')
    self->query = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
stop_search_cb (PecanImportsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* The history does not keep the customers of every import: rather than a
 * column of dashes, none. */
static gboolean
knows_customers (GListModel *batches)
{
  for (guint i = 0; i < g_list_model_get_n_items (batches); i++)
    {
      g_autoptr(PecanBatch) batch = g_list_model_get_item (batches, i);

      if (pecan_batch_get_info (batch)->customers > 0)
        return TRUE;
    }
  return FALSE;
}

/* The new history replaces the old one; the selected import stays
 * selected while it is still there. */
static void
replace_batches (PecanImportsPage *self,
                 GListModel       *batches)
{
  PecanBatch *selected = gtk_single_selection_get_selected_item (self->selection);
  gint64 selected_id = selected != NULL ? pecan_batch_get_id (selected) : 0;
  GListModel *shown = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (batches);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (batches, i));
  g_list_store_splice (self->batches, 0, g_list_model_get_n_items (G_LIST_MODEL (self->batches)),
                       items->pdata, n);

  gtk_column_view_column_set_visible (self->customers_column, knows_customers (batches));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; selected_id != 0 && i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PecanBatch) batch = g_list_model_get_item (shown, i);

      if (pecan_batch_get_id (batch) == selected_id)
        gtk_single_selection_set_selected (self->selection, i);
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static GObject *
load_batches (PecanStore    *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  return G_OBJECT (pecan_query_batches (store, error));
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) batches = pecan_session_run_finish (PECAN_SESSION (source), result, &error);
  PecanImportsPage *self = user_data;

  /* A cancelled load belongs to a page that is gone or has reloaded. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->load_cancellable);
  update_busy (self, FALSE);
  if (batches == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The imports could not be read: %s"),
                                               error->message);

      gtk_label_set_text (self->status_label, text);
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  replace_batches (self, batches);
}

static void
reload (PecanImportsPage *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->session == NULL)
    return;
  self->load_cancellable = g_cancellable_new ();
  update_busy (self, TRUE);
  pecan_session_run_async (self->session, load_batches, NULL, NULL, self->load_cancellable,
                           load_done_cb, self);
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
  update_busy (self, self->load_cancellable != NULL);
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
  update_busy (self, self->load_cancellable != NULL);
  pecan_session_run_async (self->session, undo_batch, g_memdup2 (&id, sizeof id), g_free, NULL,
                           undo_done_cb, g_object_ref (self));
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

  if (response == GTK_RESPONSE_ACCEPT && self->undoing == NULL && self->session != NULL)
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

  if (batch == NULL || self->session == NULL || self->undoing != NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  confirm_undo (self, batch);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PecanImportsPage *self = PECAN_IMPORTS_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") != 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *child;

  if (column == COLUMN_UNDO)
    {
      child = gtk_button_new_from_icon_name ("edit-undo-symbolic");
      gtk_button_set_has_frame (GTK_BUTTON (child), FALSE);
      pecan_cell_tooltip_set (child, _("Undo This Import…"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Undo This Import…"), -1);
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), columns[column].numeric ? 1.0 : 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (child), column == COLUMN_FILE ? PANGO_ELLIPSIZE_MIDDLE
                                                                       : PANGO_ELLIPSIZE_NONE);
      if (columns[column].numeric)
        gtk_widget_add_css_class (child, "numeric");
    }
  gtk_list_item_set_child (item, child);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  const PecanBatchInfo *info = pecan_batch_get_info (gtk_list_item_get_item (item));
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (column == COLUMN_UNDO)
    {
      /* The target first: the action takes one, and a button without it
       * would warn. */
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (child),
                                              g_variant_new_int64 (info->id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "imports.undo");
      return;
    }
  text = column_text (column, info);
  gtk_label_set_text (GTK_LABEL (child), text);
  if (column == COLUMN_FILE)
    pecan_cell_tooltip_set (child, info->file_name);
  else if (column == COLUMN_KIND)
    pecan_cell_tooltip_set (child, pecan_layout_describe (info->layout));
}

static void
add_columns (PecanImportsPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (columns[i].title != NULL ? _(columns[i].title) : NULL,
                                           factory);
      gtk_column_view_column_set_expand (column, i == COLUMN_FILE);
      gtk_column_view_column_set_resizable (column, i != COLUMN_UNDO);
      gtk_column_view_append_column (self->column_view, column);
      if (i == COLUMN_CUSTOMERS)
        self->customers_column = column;
    }
}

static void
pecan_imports_page_set_session (PecanImportsPage *self,
                                PecanSession     *session)
{
  if (self->session == session)
    return;
  g_clear_signal_handler (&self->generation_handler, self->session);
  g_set_object (&self->session, session);
  if (session != NULL)
    self->generation_handler = g_signal_connect_object (session, "notify::generation",
                                                        G_CALLBACK (reload), self,
                                                        G_CONNECT_SWAPPED);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
pecan_imports_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PecanImportsPage *self = PECAN_IMPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_imports_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PecanImportsPage *self = PECAN_IMPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      pecan_imports_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_imports_page_dispose (GObject *object)
{
  PecanImportsPage *self = PECAN_IMPORTS_PAGE (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_signal_handler (&self->generation_handler, self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PECAN_TYPE_IMPORTS_PAGE);
  g_clear_object (&self->session);
  g_clear_object (&self->batches);
  g_clear_object (&self->undoing);

  G_OBJECT_CLASS (pecan_imports_page_parent_class)->dispose (object);
}

static void
pecan_imports_page_finalize (GObject *object)
{
  PecanImportsPage *self = PECAN_IMPORTS_PAGE (object);

  g_free (self->query);

  G_OBJECT_CLASS (pecan_imports_page_parent_class)->finalize (object);
}

static void
pecan_imports_page_class_init (PecanImportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pecan_imports_page_dispose;
  object_class->finalize = pecan_imports_page_finalize;
  object_class->get_property = pecan_imports_page_get_property;
  object_class->set_property = pecan_imports_page_set_property;

  /* The database the page lists; set by the window after construction. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PECAN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pecanapp/Pecan/pecan-imports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, filter);
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, no_match_label);
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, details_title);
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, details_undo_button);
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, details_kind);
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, details_pec);
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, details_sha256);
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, details_kept);
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, details_encoding);
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, details_delimiter);
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, details_duration);
  gtk_widget_class_bind_template_child (widget_class, PecanImportsPage, details_number);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filtered_changed_cb);

  /* imports.undo(id) asks first; page.search is what Ctrl+F reaches. */
  gtk_widget_class_install_action (widget_class, "imports.undo", "x", undo_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pecan_imports_page_init (PecanImportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->batches = g_list_store_new (PECAN_TYPE_BATCH);
  gtk_custom_filter_set_filter_func (self->filter, match_batch, self, NULL);
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->batches));
  add_columns (self);
}
