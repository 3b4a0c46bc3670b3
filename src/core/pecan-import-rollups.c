/* pecan-import-rollups.c: the import's daily and monthly totals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rollups are summed in memory and merged into the tables in bounded
 * batches, so neither memory nor work grows with repeated keys.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pecan-import-writer-private.h"

#define ROWS_PER_UPSERT 16

/* Rollups are merged sixteen rows to a statement, as lines are inserted. */
static char *
upsert_sql (const char *table,
            const char *columns,
            const char *key,
            guint       n_columns,
            guint       n_rows)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (%s) VALUES ", table, columns);
  for (guint i = 0; i < n_rows; i++)
    {
      g_string_append (sql, i == 0 ? "(?" : ",(?");
      for (guint j = 1; j < n_columns; j++)
        g_string_append (sql, ",?");
      g_string_append_c (sql, ')');
    }
  g_string_append_printf (sql, " ON CONFLICT (%s) DO UPDATE SET lines = lines + excluded.lines,"
                          " billed = billed + excluded.billed", key);
  return g_string_free (sql, FALSE);
}

static char *
upsert_daily_sql (guint n_rows)
{
  return upsert_sql ("daily_total",
                     "day, customer_id, family, subscription_id, currency, state, pec_centi,"
                     " lines, billed",
                     "day, customer_id, family, subscription_id, currency, state, pec_centi",
                     9, n_rows);
}

static char *
upsert_monthly_sql (guint n_rows)
{
  return upsert_sql ("monthly_total",
                     "month, customer_id, family, subscription_id, category_id, currency, state,"
                     " pec_centi, lines, billed",
                     "month, customer_id, family, subscription_id, category_id, currency, state,"
                     " pec_centi",
                     10, n_rows);
}

/* Called twice per line: mixes the key's integers rather than hashing its
 * bytes one by one. */
guint
pecan_import_rollup_hash (gconstpointer data)
{
  const RollupKey *k = data;
  guint64 h = (guint64) k->subscription * 0x9E3779B97F4A7C15ull;

  h ^= ((guint64) (guint32) k->period << 32 | (guint32) k->pec_centi) * 0xC2B2AE3D27D4EB4Full;
  h ^= ((guint64) k->category << 16 | k->family << 8 | k->state) * 0x165667B19E3779F9ull;
  h ^= (guint64) (guchar) k->currency[0] << 16 | (guchar) k->currency[1] << 8
       | (guchar) k->currency[2];
  return (guint) (h ^ (h >> 29));
}

gboolean
pecan_import_rollup_equal (gconstpointer a,
                           gconstpointer b)
{
  return memcmp (a, b, sizeof (RollupKey)) == 0;
}

/* Consecutive lines mostly share their daily key: @last spares the lookup. */
static void
rollup_add (GHashTable       *table,
            RollupEntry     **last,
            const RollupKey  *key,
            gint64            billed)
{
  RollupEntry *entry = *last;

  if (entry == NULL || !pecan_import_rollup_equal (&entry->key, key))
    {
      entry = g_hash_table_lookup (table, key);
      if (entry == NULL)
        {
          entry = g_new0 (RollupEntry, 1);
          entry->key = *key;
          g_hash_table_add (table, entry);
        }
      *last = entry;
    }
  entry->lines++;
  entry->billed += billed;
}

/* In the order of the rollup's primary key, so that the B-tree is filled
 * page by page instead of at random places. */
static int
rollup_compare (gconstpointer a,
                gconstpointer b)
{
  const RollupKey *x = &(*(RollupEntry * const *) a)->key;
  const RollupKey *y = &(*(RollupEntry * const *) b)->key;

  if (x->period != y->period)
    return x->period < y->period ? -1 : 1;
  if (x->customer != y->customer)
    return x->customer < y->customer ? -1 : 1;
  if (x->family != y->family)
    return x->family - y->family;
  if (x->subscription != y->subscription)
    return x->subscription < y->subscription ? -1 : 1;
  if (x->category != y->category)
    return x->category < y->category ? -1 : 1;
  return memcmp (x->currency, y->currency, sizeof x->currency);
}

/* Binds one entry at @base: the daily rollup has no category column. */
static int
bind_entry (sqlite3_stmt      *stmt,
            int                base,
            gboolean           monthly,
            const RollupEntry *e)
{
  int i = base;

  sqlite3_bind_int (stmt, ++i, e->key.period);
  sqlite3_bind_int64 (stmt, ++i, e->key.customer);
  sqlite3_bind_int (stmt, ++i, e->key.family);
  sqlite3_bind_int64 (stmt, ++i, e->key.subscription);
  if (monthly)
    sqlite3_bind_int64 (stmt, ++i, e->key.category);
  sqlite3_bind_text (stmt, ++i, e->key.currency, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, ++i, e->key.state);
  sqlite3_bind_int (stmt, ++i, e->key.pec_centi);
  sqlite3_bind_int64 (stmt, ++i, e->lines);
  sqlite3_bind_int64 (stmt, ++i, e->billed);
  return i;
}

/* Prepared with the import's line inserts. */
gboolean
pecan_import_writer_prepare_upserts (PecanImportWriter  *self,
                                     GError            **error)
{
  for (guint monthly = 0; monthly < 2; monthly++)
    {
      g_autofree char *one = monthly ? upsert_monthly_sql (1) : upsert_daily_sql (1);
      g_autofree char *many = monthly ? upsert_monthly_sql (ROWS_PER_UPSERT)
                                      : upsert_daily_sql (ROWS_PER_UPSERT);

      if ((self->upsert_one[monthly] = pecan_store_prepare (self->store, one, error)) == NULL
          || (self->upsert_many[monthly] = pecan_store_prepare (self->store, many, error)) == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
rollup_flush_table (PecanImportWriter  *self,
                    GHashTable         *table,
                    gboolean            monthly,
                    GError            **error)
{
  g_autofree gpointer *entries = NULL;
  guint n;

  entries = g_hash_table_get_keys_as_array (table, &n);
  qsort (entries, n, sizeof (gpointer), rollup_compare);
  for (guint i = 0; i < n;)
    {
      guint rows = n - i >= ROWS_PER_UPSERT ? ROWS_PER_UPSERT : 1;
      sqlite3_stmt *stmt = rows == ROWS_PER_UPSERT ? self->upsert_many[monthly]
                                                   : self->upsert_one[monthly];
      int base = 0;

      for (guint j = 0; j < rows; j++)
        base = bind_entry (stmt, base, monthly, entries[i + j]);
      if (!pecan_store_step_done (self->store, stmt, error))
        return FALSE;
      i += rows;
    }
  g_hash_table_remove_all (table);
  if (monthly)
    self->last_monthly = NULL;
  else
    self->last_daily = NULL;
  return TRUE;
}

/* The daily totals only: see pecan_import_writer_add(). */
gboolean
pecan_import_writer_rollup_flush_daily (PecanImportWriter  *self,
                                        GError            **error)
{
  return rollup_flush_table (self, self->daily, FALSE, error);
}

gboolean
pecan_import_writer_rollup_flush (PecanImportWriter  *self,
                                  GError            **error)
{
  return rollup_flush_table (self, self->daily, FALSE, error)
         && rollup_flush_table (self, self->monthly, TRUE, error);
}

void
pecan_import_writer_add_to_rollups (PecanImportWriter     *self,
                                    const PecanParsedRow  *row,
                                    const RowIds          *ids,
                                    const char            *currency)
{
  RollupKey key;

  memset (&key, 0, sizeof key);
  key.customer = ids->customer;
  key.subscription = ids->subscription;
  key.category = ids->category;
  key.pec_centi = row->pec_centi;
  key.family = row->family;
  key.state = row->state;
  g_strlcpy (key.currency, currency, sizeof key.currency);

  key.period = self->last_month;
  rollup_add (self->monthly, &self->last_monthly, &key, row->billed);
  key.period = row->day;
  key.category = 0;
  rollup_add (self->daily, &self->last_daily, &key, row->billed);

  /* The customer-month rollup is summed from the monthly one at commit. */
  if ((ids->customer << 32 | self->last_month) != self->last_customer_month)
    {
      self->last_customer_month = ids->customer << 32 | self->last_month;
      pecan_store_add_month_key (self->customer_months, ids->customer, row->day);
    }
}
