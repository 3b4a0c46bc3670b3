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
static const char subtract_month_sql[] =
  "UPDATE monthly_total SET lines = monthly_total.lines - d.lines,"
  "  billed = monthly_total.billed - d.billed"
  " FROM daily_total AS d"
  " WHERE d.day = ?2 AND d.customer_id = ?4 AND d.family = ?3 AND d.subscription_id = ?1"
  "  AND monthly_total.month = ?5 AND monthly_total.customer_id = ?4"
  "  AND monthly_total.family = ?3 AND monthly_total.subscription_id = ?1"
  "  AND monthly_total.category_id = d.category_id AND monthly_total.currency = d.currency"
  "  AND monthly_total.state = d.state AND monthly_total.pec_centi = d.pec_centi";
static const char delete_empty_month_sql[] =
  "DELETE FROM monthly_total WHERE month = ?5 AND customer_id = ?4 AND family = ?3"
  "  AND subscription_id = ?1 AND lines <= 0";
static const char delete_days_sql[] =
  "DELETE FROM daily_total WHERE day = ?2 AND customer_id = ?4 AND family = ?3"
  "  AND subscription_id = ?1";
static const char delete_coverage_sql[] =
  "DELETE FROM coverage WHERE subscription_id = ?1 AND day = ?2 AND family = ?3";

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
  /* Parameters a statement does not name are ignored by SQLite. */
  sqlite3_bind_int64 (stmt, 1, subscription_id);
  sqlite3_bind_int (stmt, 2, day);
  sqlite3_bind_int (stmt, 3, family);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    sqlite3_bind_int64 (stmt, 4, customer_id);
  if (sqlite3_bind_parameter_count (stmt) >= 5)
    sqlite3_bind_int (stmt, 5, pecan_store_month_of_day (day));
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
 * Removes the data held for one key, and its part of every rollup.
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
  return run_keyed (self, subtract_month_sql, subscription_id, day, family, customer_id, error)
         && run_keyed (self, delete_empty_month_sql, subscription_id, day, family, customer_id,
                       error)
         && run_keyed (self, delete_days_sql, subscription_id, day, family, customer_id, error)
         && run_keyed (self, delete_coverage_sql, subscription_id, day, family, customer_id,
                       error);
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
  sqlite3_stmt *del;

  g_return_val_if_fail (PECAN_IS_STORE (self), FALSE);

  if (!pecan_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  keys = pecan_store_prepare (self, "SELECT subscription_id, day, family FROM coverage "
                                    "WHERE batch_id = ?", error);
  if (keys == NULL)
    goto fail;
  sqlite3_bind_int64 (keys, 1, batch_id);
  while (sqlite3_step (keys) == SQLITE_ROW)
    if (!pecan_store_remove_coverage (self, sqlite3_column_int64 (keys, 0),
                                      sqlite3_column_int (keys, 1), sqlite3_column_int (keys, 2),
                                      NULL, error))
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
                   _("There is no import %" G_GINT64_FORMAT " to undo. List the imports to "
                     "see their numbers."),
                   batch_id);
      goto fail;
    }
  return pecan_store_exec (self, "COMMIT", error);

fail:
  pecan_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}
