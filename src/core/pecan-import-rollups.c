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

static const char upsert_daily_sql[] =
  "INSERT INTO daily_total (day, customer_id, family, subscription_id, currency, state,"
  " pec_centi, lines, billed) VALUES (?1, ?2, ?3, ?4, ?6, ?7, ?8, ?9, ?10)"
  " ON CONFLICT (day, customer_id, family, subscription_id, currency, state,"
  " pec_centi) DO UPDATE SET lines = lines + excluded.lines, billed = billed + excluded.billed";
static const char upsert_monthly_sql[] =
  "INSERT INTO monthly_total (month, customer_id, family, subscription_id, category_id,"
  " currency, state, pec_centi, lines, billed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
  " ON CONFLICT (month, customer_id, family, subscription_id, category_id, currency, state,"
  " pec_centi) DO UPDATE SET lines = lines + excluded.lines, billed = billed + excluded.billed";

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

static gboolean
rollup_flush_table (PecanImportWriter  *self,
                    GHashTable         *table,
                    const char         *sql,
                    GError            **error)
{
  sqlite3_stmt *stmt = pecan_store_cached (self->store, sql, error);
  g_autofree gpointer *entries = NULL;
  guint n;

  if (stmt == NULL)
    return FALSE;
  entries = g_hash_table_get_keys_as_array (table, &n);
  qsort (entries, n, sizeof (gpointer), rollup_compare);
  for (guint i = 0; i < n; i++)
    {
      const RollupEntry *e = entries[i];

      sqlite3_bind_int (stmt, 1, e->key.period);
      sqlite3_bind_int64 (stmt, 2, e->key.customer);
      sqlite3_bind_int (stmt, 3, e->key.family);
      sqlite3_bind_int64 (stmt, 4, e->key.subscription);
      sqlite3_bind_int64 (stmt, 5, e->key.category);
      sqlite3_bind_text (stmt, 6, e->key.currency, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 7, e->key.state);
      sqlite3_bind_int (stmt, 8, e->key.pec_centi);
      sqlite3_bind_int64 (stmt, 9, e->lines);
      sqlite3_bind_int64 (stmt, 10, e->billed);
      if (!pecan_store_step_done (self->store, stmt, error))
        return FALSE;
    }
  g_hash_table_remove_all (table);
  self->last_daily = self->last_monthly = NULL;
  return TRUE;
}

gboolean
pecan_import_writer_rollup_flush (PecanImportWriter  *self,
                                  GError            **error)
{
  return rollup_flush_table (self, self->daily, upsert_daily_sql, error)
         && rollup_flush_table (self, self->monthly, upsert_monthly_sql, error);
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
