/* pecan-imports-page.c: the Imports page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history of the files imported, newest first, with what each one
 * brought in; selecting one shows the rest (its SHA-256, encoding, how
 * long it took). The history is read on a worker thread of the session.
 * The columns live in pecan-imports-page-columns.c, and undoing an import
 * in pecan-imports-page-undo.c.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pecan-batch.h"
#include "pecan-imports-page-private.h"
#include "pecan-query.h"
#include "pecan-session.h"
#include "pecan-ui-util.h"

G_DEFINE_FINAL_TYPE (PecanImportsPage, pecan_imports_page, PECAN_TYPE_PAGE)

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

void
pecan_imports_page_update_busy (PecanImportsPage *self,
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
  pecan_imports_page_update_busy (self, FALSE);
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
page_reload (PecanPage *page)
{
  PecanImportsPage *self = PECAN_IMPORTS_PAGE (page);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (pecan_page_get_session (page) == NULL)
    return;
  self->load_cancellable = g_cancellable_new ();
  pecan_imports_page_update_busy (self, TRUE);
  pecan_session_run_async (pecan_page_get_session (page), load_batches, NULL, NULL,
                           self->load_cancellable, load_done_cb, self);
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
pecan_imports_page_dispose (GObject *object)
{
  PecanImportsPage *self = PECAN_IMPORTS_PAGE (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PECAN_TYPE_IMPORTS_PAGE);
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
  /* The history changes with the data, not with the period. */
  PECAN_PAGE_CLASS (klass)->reload = page_reload;

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
  pecan_imports_page_class_init_undo (widget_class);
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
  pecan_imports_page_add_columns (self);
}
