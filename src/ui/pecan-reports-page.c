/* pecan-reports-page.c: the Reports page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Client credit-sharing workbooks for the period of the header bar: the
 * clients with usage in it, one row per client and billing currency, each
 * with the share its report applies and the figures its workbook will
 * hold. The figures come from the core (pecan_report_client_share() and
 * pecan_report_amounts_add() over the period's per-customer summary), on
 * a worker thread, so that the preview and the workbooks cannot differ.
 * The check box of a row puts the client in the export or leaves it out;
 * a client set to get no report is shown dimmed and cannot be included.
 * The cells live in pecan-reports-page-columns.c, which clients are in
 * the export in pecan-reports-page-select.c, exporting in
 * pecan-reports-page-export.c and a client's settings in
 * pecan-client-dialog.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-client-dialog.h"
#include "pecan-list-feed.h"
#include "pecan-query.h"
#include "pecan-reports-page-private.h"
#include "pecan-ui-util.h"

G_DEFINE_FINAL_TYPE (PecanReportsPage, pecan_reports_page, PECAN_TYPE_PAGE)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_LINES,
  PROP_PARTNER_COST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a load of the page returns besides its rows. */
#define SETTINGS_KEY "pecan-report-settings"

static void
report_settings_free (gpointer data)
{
  pecan_report_settings_clear (data);
  g_free (data);
}

static void
show_none (PecanReportsPage *self,
           const char       *icon_name,
           const char       *title,
           const char       *description)
{
  gtk_image_set_from_icon_name (self->none_icon, icon_name);
  gtk_label_set_text (self->none_title, title);
  gtk_label_set_text (self->none_description, description);
  gtk_stack_set_visible_child_name (self->results_stack, "none");
}

static void
update_results (PecanReportsPage *self)
{
  PecanSession *session = pecan_page_get_session (PECAN_PAGE (self));
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    {
      gtk_stack_set_visible_child_name (self->results_stack, "table");
      return;
    }
  if (!self->loaded)
    return;
  if (self->rows != NULL && g_list_model_get_n_items (self->rows) > 0)
    {
      /* TRANSLATORS: the search found nothing; %s is what was searched for */
      title = g_strdup_printf (_("No Client Matches “%s”"), search);
      show_none (self, "system-search-symbolic", title,
                 _("Search by a client’s name, domain, contact or tenant ID."));
      return;
    }
  period = pecan_ui_format_period (pecan_session_get_period (session));
  /* TRANSLATORS: %s is a period: "January 2026", "Q1 2026" */
  title = g_strdup_printf (_("No Usage in %s"), period);
  show_none (self, "x-office-calendar-symbolic", title,
             _("Reports show the period chosen in the header bar. Choose one with usage, or import the usage files for this one."));
}

/* The title and the line below it: the period, and the share of the
 * clients without their own. */
static void
update_title (PecanReportsPage *self)
{
  PecanSession *session = pecan_page_get_session (PECAN_PAGE (self));
  g_autofree char *period = pecan_ui_format_period (pecan_session_get_period (session));
  g_autofree char *title = NULL;
  g_autofree char *share = pecan_report_format_share (self->report_settings.share);
  g_autofree char *subtitle = NULL;

  /* TRANSLATORS: %s is a period: "January 2026", "Q1 2026" */
  title = g_strdup_printf (_("Client Reports for %s"), period);
  gtk_label_set_text (self->title_label, title);
  /* TRANSLATORS: %s is a share: "50 %" */
  subtitle = g_strdup_printf (_("For the period chosen in the header bar. One workbook per client; clients without a share of their own receive %s of the PEC earned on their usage."),
                              share);
  gtk_label_set_text (self->subtitle_label, subtitle);
}

/* Which of loading, empty and list the page shows. */
static void
update_page (PecanReportsPage *self)
{
  PecanSession *session = pecan_page_get_session (PECAN_PAGE (self));
  PecanPeriod range;
  const char *name;

  if (session != NULL && !pecan_session_get_data_range (session, &range))
    name = "empty";
  else if (!self->loaded)
    name = "loading";
  else
    name = "list";
  gtk_stack_set_visible_child_name (self->stack, name);
}

/* GTK 4.8 keeps the width of a hidden column of fixed width, as a gap:
 * the column of the partner's cost is taken out instead, and put back
 * before the last one. */
static void
show_cost_column (PecanReportsPage *self,
                  gboolean          shown)
{
  GtkColumnViewColumn *cost = self->cost_column;
  GtkColumnViewColumn *edit = self->edit_column;

  if (cost == NULL || (gtk_column_view_column_get_column_view (cost) != NULL) == shown)
    return;
  gtk_column_view_remove_column (self->column_view, edit);
  if (shown)
    gtk_column_view_append_column (self->column_view, cost);
  else
    gtk_column_view_remove_column (self->column_view, cost);
  gtk_column_view_append_column (self->column_view, edit);
}

static void
set_partner_cost (PecanReportsPage *self,
                  gboolean          partner_cost)
{
  partner_cost = !!partner_cost;
  show_cost_column (self, partner_cost);
  if (self->partner_cost == partner_cost)
    return;
  self->partner_cost = partner_cost;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER_COST]);
}

static void
set_lines (PecanReportsPage *self,
           gboolean          lines)
{
  lines = !!lines;
  if (self->lines == lines)
    return;
  self->lines = lines;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINES]);
}

static void
index_client (GHashTable  *by_id,
              PecanClient *client)
{
  const PecanClientInfo *info = pecan_client_get_info (client);

  g_hash_table_insert (by_id, (gpointer) &info->customer_id, client);
}

/* On a worker thread: the rows of @data's period, with the settings they
 * were computed with. */
static GObject *
load_rows (PecanStore    *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GListModel) clients = NULL;
  g_autoptr(GListModel) summary = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GListStore) rows = g_list_store_new (PECAN_TYPE_REPORTS_ROW);
  PecanReportSettings *settings = g_new0 (PecanReportSettings, 1);
  PecanReportOptions options;

  pecan_report_settings_load (store, settings);
  g_object_set_data_full (G_OBJECT (rows), SETTINGS_KEY, settings, report_settings_free);
  pecan_report_options_init (&options, settings, data);
  clients = pecan_client_list (store, error);
  if (clients == NULL)
    return NULL;
  summary = pecan_query_summary (store, PECAN_GROUP_CUSTOMER, data, 0, error);
  if (summary == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(PecanClient) client = g_list_model_get_item (clients, i);

      index_client (by_id, client);
    }
  for (guint i = 0; i < g_list_model_get_n_items (summary); i++)
    {
      g_autoptr(PecanSummaryRow) summary_row = g_list_model_get_item (summary, i);
      const PecanSummaryInfo *info = pecan_summary_row_get_info (summary_row);
      PecanClient *client = g_hash_table_lookup (by_id, &info->customer_id);
      PecanReportAmounts amounts = { 0 };
      g_autoptr(PecanReportsRow) row = NULL;
      int share;

      if (client == NULL)
        continue;
      /* The same computation as the workbook's. */
      share = pecan_report_client_share (&options, pecan_client_get_info (client));
      pecan_report_amounts_add (&amounts, info, share);
      row = pecan_reports_row_new (client, share, &amounts);
      pecan_report_amounts_clear (&amounts);
      g_list_store_append (rows, row);
    }
  return G_OBJECT (g_steal_pointer (&rows));
}

static void
take_settings (PecanReportsPage *self,
               GObject          *rows)
{
  PecanReportSettings *settings = g_object_get_data (rows, SETTINGS_KEY);

  /* The page's option starts as the preference says, and follows it when
   * it changes; set on the page, it holds until then. */
  if (!self->options_loaded || settings->partner_cost != self->report_settings.partner_cost)
    set_partner_cost (self, settings->partner_cost);
  self->options_loaded = TRUE;
  pecan_report_settings_clear (&self->report_settings);
  self->report_settings = *settings;
  self->report_settings.partner_name = g_strdup (settings->partner_name);
}

static void
rows_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PecanReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = pecan_session_run_finish (PECAN_SESSION (source), result, &error);
  guint n = rows != NULL ? g_list_model_get_n_items (rows) : 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  self->loaded = TRUE;
  if (rows != NULL)
    take_settings (self, G_OBJECT (rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PecanReportsRow) row = g_list_model_get_item (rows, i);
      const PecanClientInfo *info = pecan_reports_row_get_info (row);

      pecan_reports_row_set_included (row, info->report
                                      && !g_hash_table_contains (self->left_out, info->tenant_id));
    }
  g_set_object (&self->rows, rows);
  /* The table takes its rows a screenful a frame, not hundreds at once. */
  pecan_list_feed_set_model (self->selection, NULL);
  gtk_filter_list_model_set_model (self->filter_model, rows);
  pecan_list_feed_set_model (self->selection, G_LIST_MODEL (self->sort_model));
  update_page (self);
  update_title (self);
  pecan_reports_page_update_status (self);
  if (error != NULL)
    show_none (self, "dialog-error-symbolic", _("Could Not Read the Clients"), error->message);
}

static void
pecan_reports_page_reload (PecanReportsPage *self)
{
  PecanSession *session = pecan_page_get_session (PECAN_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (session == NULL || !pecan_page_reload_now (PECAN_PAGE (self)))
    return;
  update_page (self);
  self->cancellable = g_cancellable_new ();
  pecan_session_run_async (session, load_rows,
                           g_memdup2 (pecan_session_get_period (session), sizeof (PecanPeriod)),
                           g_free, self->cancellable, rows_loaded_cb, g_object_ref (self));
  pecan_reports_page_update_status (self);
}

static void
page_reload (PecanPage *page)
{
  pecan_reports_page_reload (PECAN_REPORTS_PAGE (page));
}

static void
search_changed_cb (PecanReportsPage *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
filter_items_changed_cb (PecanReportsPage *self)
{
  update_results (self);
}

static void
column_view_activate_cb (PecanReportsPage *self,
                         guint             position)
{
  g_autoptr(PecanReportsRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "reports.edit-client", "s",
                                pecan_reports_row_get_info (row)->tenant_id);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PecanReportsPage *self = PECAN_REPORTS_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  else
    gtk_widget_error_bell (widget);
}

static PecanClient *
find_client (PecanReportsPage *self,
             const char       *tenant_id)
{
  guint n = self->rows != NULL ? g_list_model_get_n_items (self->rows) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PecanReportsRow) row = g_list_model_get_item (self->rows, i);

      if (g_strcmp0 (pecan_reports_row_get_info (row)->tenant_id, tenant_id) == 0)
        return pecan_reports_row_get_client (row);
    }
  return NULL;
}

static void
client_saved_cb (PecanReportsPage *self)
{
  pecan_reports_page_reload (self);
}

static void
edit_client_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PecanReportsPage *self = PECAN_REPORTS_PAGE (widget);
  PecanClient *client = find_client (self, g_variant_get_string (parameter, NULL));
  PecanSession *session = pecan_page_get_session (PECAN_PAGE (self));
  GtkWindow *dialog;

  if (client == NULL || session == NULL)
    return;
  dialog = pecan_client_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), session, client,
                                    self->report_settings.share);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (client_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
session_change (PecanPage    *page,
               PecanSession *session)
{
  PECAN_REPORTS_PAGE (page)->loaded = FALSE;
}

static void
pecan_reports_page_set_settings (PecanReportsPage *self,
                                 GSettings        *settings)
{
  if (!g_set_object (&self->settings, settings))
    return;
  /* The Lines sheet is a habit worth keeping between runs; the partner's
   * cost has its preference, in the database. */
  if (settings != NULL)
    g_settings_bind (settings, "report-lines", self, "lines", G_SETTINGS_BIND_DEFAULT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}

static void
pecan_reports_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PecanReportsPage *self = PECAN_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_LINES:
      g_value_set_boolean (value, self->lines);
      break;
    case PROP_PARTNER_COST:
      g_value_set_boolean (value, self->partner_cost);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_reports_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PecanReportsPage *self = PECAN_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      pecan_reports_page_set_settings (self, g_value_get_object (value));
      break;
    case PROP_LINES:
      set_lines (self, g_value_get_boolean (value));
      break;
    case PROP_PARTNER_COST:
      set_partner_cost (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_reports_page_dispose (GObject *object)
{
  PecanReportsPage *self = PECAN_REPORTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  pecan_reports_page_dispose_export (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PECAN_TYPE_REPORTS_PAGE);
  g_clear_object (&self->cost_column);
  g_clear_object (&self->edit_column);
  g_clear_object (&self->rows);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pecan_reports_page_parent_class)->dispose (object);
}

static void
pecan_reports_page_finalize (GObject *object)
{
  PecanReportsPage *self = PECAN_REPORTS_PAGE (object);

  pecan_report_settings_clear (&self->report_settings);
  g_clear_pointer (&self->left_out, g_hash_table_unref);
  g_clear_pointer (&self->export_folder, g_free);

  G_OBJECT_CLASS (pecan_reports_page_parent_class)->finalize (object);
}

static void
pecan_reports_page_class_init (PecanReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PecanPageClass *page_class = PECAN_PAGE_CLASS (klass);

  object_class->dispose = pecan_reports_page_dispose;
  object_class->finalize = pecan_reports_page_finalize;
  object_class->get_property = pecan_reports_page_get_property;
  object_class->set_property = pecan_reports_page_set_property;
  page_class->reload = page_reload;
  page_class->session_change = session_change;
  page_class->follows_period = TRUE;

  /* The application's settings, when its schema is installed: the last
   * export folder and the Lines option. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the workbooks get a Lines sheet. */
  properties[PROP_LINES] =
    g_param_spec_boolean ("lines", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the workbooks, and the preview, show the partner's cost. */
  properties[PROP_PARTNER_COST] =
    g_param_spec_boolean ("partner-cost", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pecanapp/Pecan/pecan-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, result_revealer);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, result_box);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, result_icon);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, result_label);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, open_folder_button);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, filter);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, none_icon);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, none_title);
  gtk_widget_class_bind_template_child (widget_class, PecanReportsPage, none_description);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  pecan_reports_page_class_init_columns (widget_class);

  gtk_widget_class_install_action (widget_class, "reports.edit-client", "s", edit_client_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_property_action (widget_class, "reports.lines", "lines");
  gtk_widget_class_install_property_action (widget_class, "reports.partner-cost", "partner-cost");
  pecan_reports_page_class_init_select (widget_class);
  pecan_reports_page_class_init_export (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pecan_reports_page_init (PecanReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->left_out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->report_settings.share = PECAN_REPORT_DEFAULT_SHARE;
  pecan_reports_page_add_columns (self);
  /* Both move in and out of the view; the page keeps them. */
  self->cost_column = g_object_ref (self->columns[COLUMN_COST]);
  self->edit_column = g_object_ref (self->columns[COLUMN_EDIT]);
  show_cost_column (self, FALSE);
  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->column_view));
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_CLIENT], GTK_SORT_ASCENDING);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  update_page (self);
  pecan_reports_page_update_status (self);
}
