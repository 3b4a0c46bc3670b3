/* pecan-reports-page-select.c: which clients the Reports page exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every client with usage in the period is in the export until it is left
 * out: by its check box (on any of its rows, one per currency), or by
 * Select None over the clients the search shows. The page remembers the
 * clients left out by tenant ID, so that the choice outlives a change of
 * period or a reload. A client set to get no report is never in it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-reports-page-private.h"

/* Whether a row's client gets a report in the next export. */
static gboolean
row_is_exported (PecanReportsRow *row)
{
  return pecan_reports_row_get_info (row)->report && pecan_reports_row_get_included (row);
}

/* The count beside the options, and whether Export can run. */
void
pecan_reports_page_update_status (PecanReportsPage *self)
{
  g_autoptr(GHashTable) clients = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) exported = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = self->rows != NULL ? g_list_model_get_n_items (self->rows) : 0;
  g_autofree char *text = NULL;
  guint n_clients, n_exported;
  gboolean can_export;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PecanReportsRow) row = g_list_model_get_item (self->rows, i);
      const PecanClientInfo *info = pecan_reports_row_get_info (row);

      if (!info->report)
        continue;
      g_hash_table_add (clients, info->tenant_id);
      if (row_is_exported (row))
        g_hash_table_add (exported, info->tenant_id);
    }
  n_clients = g_hash_table_size (clients);
  n_exported = g_hash_table_size (exported);
  if (!self->loaded || n == 0)
    text = g_strdup ("");
  else if (n_clients == 0)
    text = g_strdup (_("Every client is set to get no report"));
  else if (n_exported == 0)
    text = g_strdup (_("No client selected: tick the clients to write reports for"));
  else
    /* TRANSLATORS: "3 of 12 clients selected" */
    text = g_strdup_printf (ngettext ("%u of %u client selected", "%u of %u clients selected", n_clients),
                            n_exported, n_clients);
  gtk_label_set_text (self->count_label, text);
  /* While the rows of another period load, the ones shown are not what
   * an export would write. */
  can_export = self->loaded && self->cancellable == NULL && n_exported > 0 && self->export == NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export", can_export);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-to", can_export);
}

/* Includes or leaves out the clients of @tenants, on each of their rows:
 * one pass over the rows, however many clients. */
static void
include_tenants (PecanReportsPage *self,
                 GHashTable       *tenants,
                 gboolean          included)
{
  guint n = self->rows != NULL ? g_list_model_get_n_items (self->rows) : 0;
  GHashTableIter iter;
  gpointer tenant;

  g_hash_table_iter_init (&iter, tenants);
  while (g_hash_table_iter_next (&iter, &tenant, NULL))
    {
      if (included)
        g_hash_table_remove (self->left_out, tenant);
      else
        g_hash_table_add (self->left_out, g_strdup (tenant));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PecanReportsRow) row = g_list_model_get_item (self->rows, i);
      const PecanClientInfo *info = pecan_reports_row_get_info (row);

      if (g_hash_table_contains (tenants, info->tenant_id))
        pecan_reports_row_set_included (row, included && info->report);
    }
  pecan_reports_page_update_status (self);
}

/**
 * pecan_reports_page_set_included:
 * @tenant_id: a client
 * @included: whether the next export writes its report
 *
 * Sets every row of the client; the choice outlives a change of period.
 */
void
pecan_reports_page_set_included (PecanReportsPage *self,
                                 const char       *tenant_id,
                                 gboolean          included)
{
  g_autoptr(GHashTable) tenants = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_add (tenants, (gpointer) tenant_id);
  include_tenants (self, tenants, included);
}

static int
compare_titles (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return g_utf8_collate (pecan_client_info_get_title (pecan_client_get_info ((PecanClient *) a)),
                         pecan_client_info_get_title (pecan_client_get_info ((PecanClient *) b)));
}

/**
 * pecan_reports_page_dup_clients:
 *
 * Returns: (transfer full): the clients whose reports the next export
 *   writes, each once, by name as the table lists them at first
 */
GListModel *
pecan_reports_page_dup_clients (PecanReportsPage *self)
{
  GListStore *clients = g_list_store_new (PECAN_TYPE_CLIENT);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = self->rows != NULL ? g_list_model_get_n_items (self->rows) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PecanReportsRow) row = g_list_model_get_item (self->rows, i);
      const PecanClientInfo *info = pecan_reports_row_get_info (row);

      if (row_is_exported (row) && g_hash_table_add (seen, info->tenant_id))
        g_list_store_append (clients, pecan_reports_row_get_client (row));
    }
  g_list_store_sort (clients, compare_titles, NULL);
  return G_LIST_MODEL (clients);
}

/* Select All and Select None act on the rows shown: search, then pick. */
static void
include_shown (PecanReportsPage *self,
               gboolean          included)
{
  GListModel *shown = G_LIST_MODEL (self->filter_model);
  g_autoptr(GHashTable) tenants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PecanReportsRow) row = g_list_model_get_item (shown, i);

      g_hash_table_add (tenants, g_strdup (pecan_reports_row_get_info (row)->tenant_id));
    }
  include_tenants (self, tenants, included);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  include_shown (PECAN_REPORTS_PAGE (widget), TRUE);
}

static void
select_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  include_shown (PECAN_REPORTS_PAGE (widget), FALSE);
}

void
pecan_reports_page_class_init_select (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "reports.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "reports.select-none", NULL, select_none_action);
}
