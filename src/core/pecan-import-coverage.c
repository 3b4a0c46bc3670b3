/* pecan-import-coverage.c: which lines of an import are taken
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A batch takes a subscription's day from older data, and billed data
 * takes a customer's whole month from unbilled data: decided as the lines
 * come, and remembered, since a file repeats the same day many times.
 */
#include "config.h"

#include <string.h>

#include "pecan-import-writer-private.h"
#include "pecan-parse.h"

static const char select_coverage_sql[] =
  "SELECT batch_id, invoiced FROM coverage"
  " WHERE subscription_id = ? AND day = ? AND family = ?";
/* A customer's coverage is that of its subscriptions. */
static const char billed_exists_sql[] =
  "SELECT 1 FROM subscription AS s JOIN coverage AS c ON c.subscription_id = s.id"
  " AND c.day BETWEEN ?2 AND ?3 AND c.family = 0"
  " WHERE s.customer_id = ?1 AND c.invoiced = 1 AND c.batch_id <> ?4 LIMIT 1";
static const char unbilled_days_sql[] =
  "SELECT c.subscription_id, c.day FROM subscription AS s JOIN coverage AS c"
  " ON c.subscription_id = s.id AND c.day BETWEEN ?2 AND ?3 AND c.family = 0"
  " WHERE s.customer_id = ?1 AND c.invoiced = 0 AND c.batch_id <> ?4";
static const char insert_coverage_sql[] =
  "INSERT INTO coverage (subscription_id, day, family, customer_id, batch_id, invoiced)"
  " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

static void
month_bounds (int     month,
              gint32 *first,
              gint32 *last)
{
  *first = pecan_day_from_ymd (month / 100, month % 100, 1);
  *last = pecan_day_from_ymd (month / 100 + month % 100 / 12, month % 100 % 12 + 1, 1) - 1;
}

/* The billed files of a month are the authority for the customer's whole
 * billing period: the first billed line of a customer and month removes
 * every unbilled day of it, even the days the billed file has no line for. */
static gboolean
clear_unbilled_month (PecanImportWriter  *self,
                      gint64              customer,
                      int                 month,
                      GError            **error)
{
  sqlite3_stmt *stmt = pecan_store_cached (self->store, unbilled_days_sql, error);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  gint32 first, last;

  if (stmt == NULL)
    return FALSE;
  month_bounds (month, &first, &last);
  sqlite3_bind_int64 (stmt, 1, customer);
  sqlite3_bind_int (stmt, 2, first);
  sqlite3_bind_int (stmt, 3, last);
  sqlite3_bind_int64 (stmt, 4, self->batch_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 key[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1) };
      g_array_append_val (keys, key);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < keys->len; i++)
    {
      gint64 *key = &g_array_index (keys, gint64, 2 * i);
      gint64 removed = 0;

      if (!pecan_store_remove_coverage (self->store, key[0], key[1], PECAN_FAMILY_DAILY,
                                        &removed, error))
        return FALSE;
      self->info->replaced += removed;
      pecan_store_add_month_key (self->stale_months, key[0], key[1]);
    }
  /* Coverage slots that said "keep" for those days are wrong now. */
  if (keys->len > 0)
    memset (self->coverage, 0, sizeof (CoverageSlot) * COVERAGE_SLOTS);
  return TRUE;
}

static gboolean
billed_month_exists (PecanImportWriter *self,
                     gint64             customer,
                     int                month)
{
  sqlite3_stmt *stmt = pecan_store_cached (self->store, billed_exists_sql, NULL);
  gint32 first, last;
  gboolean exists;

  if (stmt == NULL)
    return FALSE;
  month_bounds (month, &first, &last);
  sqlite3_bind_int64 (stmt, 1, customer);
  sqlite3_bind_int (stmt, 2, first);
  sqlite3_bind_int (stmt, 3, last);
  sqlite3_bind_int64 (stmt, 4, self->batch_id);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return exists;
}

/* Decided once per customer and month of a batch: does billed data of
 * another batch hold that month (so unbilled lines are left out), or must
 * this batch's billed lines clear the unbilled ones? */
gboolean
pecan_import_writer_check_billing_period (PecanImportWriter     *self,
                                          const PecanParsedRow  *row,
                                          const RowIds          *ids,
                                          gboolean              *accept,
                                          GError               **error)
{
  gint64 key = ids->customer << 32 | self->last_month;
  gpointer value;

  *accept = TRUE;
  if (row->family != PECAN_FAMILY_DAILY)
    return TRUE;
  if (key == self->last_period && row->invoiced == self->last_period_invoiced)
    {
      *accept = self->last_period_accept;
      return TRUE;
    }
  self->last_period = key;
  self->last_period_invoiced = row->invoiced;
  if (g_hash_table_lookup_extended (self->periods, &key, NULL, &value))
    {
      *accept = self->last_period_accept = GPOINTER_TO_INT (value);
      return TRUE;
    }
  if (row->invoiced)
    {
      if (!clear_unbilled_month (self, ids->customer, self->last_month, error))
        return FALSE;
    }
  else
    *accept = !billed_month_exists (self, ids->customer, self->last_month);
  g_hash_table_insert (self->periods, g_memdup2 (&key, sizeof key), GINT_TO_POINTER (*accept));
  self->last_period_accept = *accept;
  return TRUE;
}

static gboolean
insert_coverage (PecanImportWriter     *self,
                 const PecanParsedRow  *row,
                 const RowIds          *ids,
                 gboolean              *inserted,
                 GError               **error)
{
  sqlite3_stmt *stmt = pecan_store_cached (self->store, insert_coverage_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ids->subscription);
  sqlite3_bind_int (stmt, 2, row->day);
  sqlite3_bind_int (stmt, 3, row->family);
  sqlite3_bind_int64 (stmt, 4, ids->customer);
  sqlite3_bind_int64 (stmt, 5, self->batch_id);
  sqlite3_bind_int (stmt, 6, row->invoiced);
  if (!pecan_store_step_done (self->store, stmt, error))
    return FALSE;
  *inserted = sqlite3_changes (pecan_store_get_db (self->store)) > 0;
  return TRUE;
}

/* Whether this batch takes a subscription's day: it replaces older data,
 * except that unbilled lines never replace billed ones. */
gboolean
pecan_import_writer_claim_coverage (PecanImportWriter     *self,
                                    const PecanParsedRow  *row,
                                    const RowIds          *ids,
                                    gboolean              *accept,
                                    GError               **error)
{
  guint slot = (guint) ((ids->subscription * 2654435761u) ^ (row->day * 40503u) ^ row->family)
               & (COVERAGE_SLOTS - 1);
  CoverageSlot *c = &self->coverage[slot];
  sqlite3_stmt *stmt;
  gint64 replaced = 0;
  gint64 holder;
  gboolean holder_invoiced;
  gboolean inserted;

  if (c->valid && c->subscription == ids->subscription && c->day == row->day
      && c->family == row->family)
    {
      *accept = c->accept;
      return TRUE;
    }

  /* Most keys are new: the insert alone settles them. */
  *accept = TRUE;
  if (!insert_coverage (self, row, ids, &inserted, error))
    return FALSE;
  if (inserted)
    goto remember;

  stmt = pecan_store_cached (self->store, select_coverage_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ids->subscription);
  sqlite3_bind_int (stmt, 2, row->day);
  sqlite3_bind_int (stmt, 3, row->family);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      pecan_store_set_error (self->store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  holder = sqlite3_column_int64 (stmt, 0);
  holder_invoiced = sqlite3_column_int (stmt, 1);
  sqlite3_reset (stmt);
  if (holder == self->batch_id)
    goto remember;
  if (holder_invoiced && !row->invoiced)
    {
      *accept = FALSE;
      goto remember;
    }
  if (!pecan_store_remove_coverage (self->store, ids->subscription, row->day, row->family,
                                    &replaced, error)
      || !insert_coverage (self, row, ids, &inserted, error))
    return FALSE;
  g_assert (inserted);
  self->info->replaced += replaced;
  pecan_store_add_month_key (self->stale_months, ids->subscription, row->day);

remember:
  *c = (CoverageSlot) { ids->subscription, row->day, row->family, TRUE, *accept };
  return TRUE;
}
