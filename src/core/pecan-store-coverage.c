/* pecan-store-coverage.c: which batch holds each subscription's day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Newer data replaces older data for the same subscription and usage day
 * (or month, for invoice lines). Removing a key's data removes its lines,
 * its daily rollup rows, and their part of the monthly rollup, so every
 * total stays the sum of the lines held.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pecan-error.h"
#include "pecan-parse.h"
#include "pecan-store-private.h"

static const char select_customer_sql[] =
  "SELECT customer_id FROM coverage WHERE subscription_id = ?1 AND day = ?2 AND family = ?3";
static const char delete_lines_sql[] =
  "DELETE FROM usage_line WHERE day = ?2 AND subscription_id = ?1 AND family = ?3";
static const char delete_days_sql[] =
  "DELETE FROM daily_total WHERE day = ?2 AND customer_id = ?4 AND family = ?3"
  "  AND subscription_id = ?1";
static const char delete_coverage_sql[] =
  "DELETE FROM coverage WHERE subscription_id = ?1 AND day = ?2 AND family = ?3";
static const char delete_month_sql[] =
  "DELETE FROM monthly_total WHERE month = ?2 AND subscription_id = ?1"
  "  AND customer_id = (SELECT customer_id FROM subscription WHERE id = ?1)";
/* The lines are keyed by day first: one seek per day of the month. */
static const char rebuild_month_sql[] =
  "WITH RECURSIVE days (day) AS (SELECT ?3 UNION ALL SELECT day + 1 FROM days WHERE day < ?4)"
  " INSERT INTO monthly_total (month, customer_id, family, subscription_id, category_id,"
  "  currency, state, pec_centi, lines, billed)"
  " SELECT ?2, s.customer_id, l.family, l.subscription_id, m.category_id, l.currency,"
  "  l.state, l.pec_centi, count (*), sum (l.billed)"
  " FROM days CROSS JOIN usage_line AS l ON l.day = days.day AND l.subscription_id = ?1"
  "  JOIN meter AS m ON m.id = l.meter_id JOIN subscription AS s ON s.id = l.subscription_id"
  " GROUP BY l.family, m.category_id, l.currency, l.state, l.pec_centi";

/**
 * pecan_store_month_of_day:
 * @day: days since 1970-01-01
 *
 * Returns: the month as yyyymm
 */
int
pecan_store_month_of_day (gint32 day)
{
  int year, month, mday;

  pecan_day_to_ymd (day, &year, &month, &mday);
  return year * 100 + month;
}

static gboolean
run_keyed (PecanStore  *self,
           const char  *sql,
           gint64       subscription_id,
           gint32       day,
           int          family,
           gint64       customer_id,
           GError     **error)
{
  sqlite3_stmt *stmt = pecan_store_cached (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, subscription_id);
  sqlite3_bind_int (stmt, 2, day);
  sqlite3_bind_int (stmt, 3, family);
  /* Parameters a statement does not name are ignored by SQLite. */
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    sqlite3_bind_int64 (stmt, 4, customer_id);
  return pecan_store_step_done (self, stmt, error);
}

/**
 * pecan_store_remove_coverage:
 * @self: a store, in a transaction
 * @subscription_id: the subscription
 * @day: the day (for invoice lines, the first day of their month)
 * @family: a #PecanFamily
 * @lines_removed: (out) (optional): how many lines went
 * @error: return location for an error
 *
 * Removes the lines held for one key and their daily rollup rows. The
 * monthly rollup of the subscription's month must then be rebuilt with
 * pecan_store_rebuild_month().
 *
 * Returns: %TRUE on success
 */
gboolean
pecan_store_remove_coverage (PecanStore  *self,
                             gint64       subscription_id,
                             gint32       day,
                             int          family,
                             gint64      *lines_removed,
                             GError     **error)
{
  sqlite3_stmt *stmt = pecan_store_cached (self, select_customer_sql, error);
  gint64 customer_id;

  if (lines_removed != NULL)
    *lines_removed = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, subscription_id);
  sqlite3_bind_int (stmt, 2, day);
  sqlite3_bind_int (stmt, 3, family);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  customer_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (!run_keyed (self, delete_lines_sql, subscription_id, day, family, customer_id, error))
    return FALSE;
  if (lines_removed != NULL)
    *lines_removed = sqlite3_changes64 (pecan_store_get_db (self));
  return run_keyed (self, delete_days_sql, subscription_id, day, family, customer_id, error)
         && run_keyed (self, delete_coverage_sql, subscription_id, day, family, customer_id,
                       error);
}

/**
 * pecan_store_rebuild_month:
 * @self: a store, in a transaction
 * @subscription_id: the subscription
 * @month: the month, as yyyymm
 * @error: return location for an error
 *
 * Sums the monthly rollup of one subscription and month again from the
 * lines, after lines of it were removed.
 *
 * Returns: %TRUE on success
 */
gboolean
pecan_store_rebuild_month (PecanStore  *self,
                           gint64       subscription_id,
                           int          month,
                           GError     **error)
{
  sqlite3_stmt *del = pecan_store_cached (self, delete_month_sql, error);
  sqlite3_stmt *ins;

  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, subscription_id);
  sqlite3_bind_int (del, 2, month);
  if (!pecan_store_step_done (self, del, error))
    return FALSE;
  if ((ins = pecan_store_cached (self, rebuild_month_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (ins, 1, subscription_id);
  sqlite3_bind_int (ins, 2, month);
  sqlite3_bind_int (ins, 3, pecan_day_from_ymd (month / 100, month % 100, 1));
  sqlite3_bind_int (ins, 4, pecan_day_from_ymd (month / 100 + month % 100 / 12,
                                                month % 100 % 12 + 1, 1) - 1);
  return pecan_store_step_done (self, ins, error);
}

static const char delete_customer_month_sql[] =
  "DELETE FROM customer_month_total WHERE month = ?2 AND customer_id = ?1";
static const char rebuild_customer_month_sql[] =
  "INSERT INTO customer_month_total (month, customer_id, family, currency, state, pec_centi,"
  "  lines, billed)"
  " SELECT month, customer_id, family, currency, state, pec_centi, sum (lines), sum (billed)"
  " FROM monthly_total WHERE month = ?2 AND customer_id = ?1"
  " GROUP BY family, currency, state, pec_centi";

/**
 * pecan_store_rebuild_customer_months:
 * @self: a store, in a transaction
 * @keys: a set of `customer_id << 32 | yyyymm` (gint64 keys)
 * @error: return location for an error
 *
 * Sums the customer-month rollup again from the monthly one, for the
 * customers and months an import or an undo changed.
 *
 * Returns: %TRUE on success
 */
gboolean
pecan_store_rebuild_customer_months (PecanStore  *self,
                                     GHashTable  *keys,
                                     GError     **error)
{
  GHashTableIter iter;
  gint64 *key;

  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    {
      sqlite3_stmt *del = pecan_store_cached (self, delete_customer_month_sql, error);
      sqlite3_stmt *ins;

      if (del == NULL)
        return FALSE;
      sqlite3_bind_int64 (del, 1, *key >> 32);
      sqlite3_bind_int (del, 2, (int) (*key & 0xFFFFFFFF));
      if (!pecan_store_step_done (self, del, error)
          || (ins = pecan_store_cached (self, rebuild_customer_month_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (ins, 1, *key >> 32);
      sqlite3_bind_int (ins, 2, (int) (*key & 0xFFFFFFFF));
      if (!pecan_store_step_done (self, ins, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * pecan_store_add_month_key:
 * @keys: a set for pecan_store_rebuild_months()
 * @subscription_id: a subscription
 * @day: a day of the month to rebuild
 */
void
pecan_store_add_month_key (GHashTable *keys,
                           gint64      subscription_id,
                           gint32      day)
{
  gint64 key = subscription_id << 32 | pecan_store_month_of_day (day);

  if (!g_hash_table_contains (keys, &key))
    g_hash_table_add (keys, g_memdup2 (&key, sizeof key));
}

/**
 * pecan_store_rebuild_months:
 * @self: a store, in a transaction
 * @keys: a set of `subscription_id << 32 | yyyymm` (gint64 keys)
 * @error: return location for an error
 *
 * Returns: %TRUE when every month in @keys was rebuilt
 */
gboolean
pecan_store_rebuild_months (PecanStore  *self,
                            GHashTable  *keys,
                            GError     **error)
{
  GHashTableIter iter;
  gint64 *key;

  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (!pecan_store_rebuild_month (self, *key >> 32, (int) (*key & 0xFFFFFFFF), error))
      return FALSE;
  return TRUE;
}

/**
 * pecan_store_undo_batch:
 * @self: a store
 * @batch_id: the batch to undo
 * @error: return location for a #PECAN_STORE_ERROR
 *
 * Removes every line a batch still holds, and the batch from the history,
 * in one transaction. Data that the batch replaced is not brought back:
 * import that file again to restore it.
 *
 * Returns: %TRUE on success
 */
gboolean
pecan_store_undo_batch (PecanStore  *self,
                        gint64       batch_id,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) keys = NULL;
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) customer_months = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                                 g_free, NULL);
  sqlite3_stmt *del;

  g_return_val_if_fail (PECAN_IS_STORE (self), FALSE);

  if (!pecan_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  keys = pecan_store_prepare (self, "SELECT subscription_id, day, family, customer_id"
                                    " FROM coverage WHERE batch_id = ?", error);
  if (keys == NULL)
    goto fail;
  sqlite3_bind_int64 (keys, 1, batch_id);
  while (sqlite3_step (keys) == SQLITE_ROW)
    {
      gint64 subscription = sqlite3_column_int64 (keys, 0);
      gint32 day = sqlite3_column_int (keys, 1);

      if (!pecan_store_remove_coverage (self, subscription, day, sqlite3_column_int (keys, 2),
                                        NULL, error))
        goto fail;
      pecan_store_add_month_key (months, subscription, day);
      pecan_store_add_month_key (customer_months, sqlite3_column_int64 (keys, 3), day);
    }
  if (!pecan_store_rebuild_months (self, months, error)
      || !pecan_store_rebuild_customer_months (self, customer_months, error))
    goto fail;

  del = pecan_store_cached (self, "DELETE FROM batch WHERE id = ?", error);
  if (del == NULL)
    goto fail;
  sqlite3_bind_int64 (del, 1, batch_id);
  if (!pecan_store_step_done (self, del, error))
    goto fail;
  if (sqlite3_changes (pecan_store_get_db (self)) == 0)
    {
      g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_NOT_FOUND,
                   _("There is no import %lld to undo. List the imports to "
                     "see their numbers."),
                   (long long) batch_id);
      goto fail;
    }
  return pecan_store_exec (self, "COMMIT", error);

fail:
  pecan_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}
