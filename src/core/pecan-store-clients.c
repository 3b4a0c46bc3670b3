/* pecan-store-clients.c: the sharing settings of each client, in SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pecan-client.h"
#include "pecan-error.h"
#include "pecan-store-private.h"

#define CLIENT_SELECT \
  "SELECT c.id, c.tenant_id, c.name, c.domain, coalesce (l.display_name, '')," \
  " coalesce (l.contact_name, ''), l.share, coalesce (l.report, 1)" \
  " FROM customer AS c LEFT JOIN client AS l ON l.tenant_id = c.tenant_id"

static PecanClient *
read_client (sqlite3_stmt *stmt)
{
  PecanClientInfo info = {
    .customer_id = sqlite3_column_int64 (stmt, 0),
    .tenant_id = pecan_store_column_text (stmt, 1),
    .name = pecan_store_column_text (stmt, 2),
    .domain = pecan_store_column_text (stmt, 3),
    .display_name = pecan_store_column_text (stmt, 4),
    .contact_name = pecan_store_column_text (stmt, 5),
    .share = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? PECAN_SHARE_DEFAULT
                                                         : sqlite3_column_int (stmt, 6),
    .report = sqlite3_column_int (stmt, 7) != 0,
  };
  PecanClient *client = pecan_client_new (&info);

  pecan_client_info_clear (&info);
  return client;
}

/**
 * pecan_client_list:
 * @store: the database
 * @error: return location for an error
 *
 * Every customer of the imported files with its sharing settings, in the
 * order of the names reports give them.
 *
 * Returns: (transfer full): a model of #PecanClient, or %NULL on error
 */
GListModel *
pecan_client_list (PecanStore  *store,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) clients = g_list_store_new (PECAN_TYPE_CLIENT);
  int rc;

  g_return_val_if_fail (PECAN_IS_STORE (store), NULL);

  stmt = pecan_store_prepare (store,
                              CLIENT_SELECT
                              " ORDER BY coalesce (nullif (l.display_name, ''),"
                              "  nullif (c.name, ''), c.tenant_id) COLLATE NOCASE, c.tenant_id",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PecanClient) client = read_client (stmt);
      g_list_store_append (clients, client);
    }
  if (rc != SQLITE_DONE)
    {
      pecan_store_set_error (store, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&clients));
}

/**
 * pecan_client_find:
 * @store: the database
 * @tenant_id: a customer's tenant id, in any case
 * @error: return location for an error
 *
 * Returns: (transfer full): the client, or %NULL with %PECAN_STORE_ERROR_NOT_FOUND
 *   when no imported file names that tenant
 */
PecanClient *
pecan_client_find (PecanStore  *store,
                   const char  *tenant_id,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PECAN_IS_STORE (store), NULL);
  g_return_val_if_fail (tenant_id != NULL, NULL);

  stmt = pecan_store_prepare (store, CLIENT_SELECT " WHERE c.tenant_id = lower (?1)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_client (stmt);
  if (rc != SQLITE_DONE)
    pecan_store_set_error (store, error);
  else
    g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_NOT_FOUND,
                 _("No imported file has a customer with tenant id “%s”."), tenant_id);
  return NULL;
}

/**
 * pecan_client_save:
 * @store: the database
 * @info: a client's sharing settings (its tenant id, display name, contact
 *   name, share and whether it gets a report; the rest is not saved)
 * @error: return location for an error
 *
 * Returns: %TRUE when the settings were saved
 */
gboolean
pecan_client_save (PecanStore             *store,
                   const PecanClientInfo  *info,
                   GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);

  g_return_val_if_fail (PECAN_IS_STORE (store), FALSE);
  g_return_val_if_fail (info->tenant_id != NULL, FALSE);
  g_return_val_if_fail (info->share == PECAN_SHARE_DEFAULT
                        || (info->share >= 0 && info->share <= 10000), FALSE);

  stmt = pecan_store_prepare (store,
                              "INSERT INTO client (tenant_id, display_name, contact_name, share,"
                              " report, updated_at) VALUES (lower (?1), ?2, ?3, ?4, ?5, ?6)"
                              " ON CONFLICT (tenant_id) DO UPDATE SET"
                              " display_name = excluded.display_name,"
                              " contact_name = excluded.contact_name, share = excluded.share,"
                              " report = excluded.report, updated_at = excluded.updated_at",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, info->tenant_id, -1, SQLITE_STATIC);
  pecan_store_bind_stripped (stmt, 2, info->display_name);
  pecan_store_bind_stripped (stmt, 3, info->contact_name);
  if (info->share == PECAN_SHARE_DEFAULT)
    sqlite3_bind_null (stmt, 4);
  else
    sqlite3_bind_int (stmt, 4, info->share);
  sqlite3_bind_int (stmt, 5, info->report ? 1 : 0);
  sqlite3_bind_text (stmt, 6, stamp, -1, SQLITE_STATIC);
  return pecan_store_step_done (store, stmt, error);
}
