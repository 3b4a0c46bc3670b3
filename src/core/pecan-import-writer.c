/* pecan-import-writer.c: the SQLite side of an import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dimensions (partner, customer, subscription, category, meter, product,
 * resource) are stored once and cached by key; lines refer to them by id.
 * Rollups are summed in memory and merged into the tables in bounded
 * batches, so neither memory nor work grows with repeated keys.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "pecan-error.h"
#include "pecan-import-private.h"
#include "pecan-parse.h"
#include "pecan-rules.h"

#define COVERAGE_SLOTS (1 << 16)
#define ROLLUP_FLUSH_AT 65536

typedef enum
{
  DIM_PARTNER,
  DIM_CUSTOMER,
  DIM_SUBSCRIPTION,
  DIM_CATEGORY,
  DIM_METER,
  DIM_PRODUCT,
  DIM_RESOURCE,
  N_DIMS
} Dim;

typedef struct
{
  GHashTable *ids;          /* key -> id */
  const char *last_key;     /* lines often repeat the previous line's key; */
  gint64      last_id;      /* the key is the table's own copy */
} DimCache;

typedef struct
{
  gint64 subscription;
  gint32 day;
  guint8 family;
  guint8 valid;
  guint8 accept;
} CoverageSlot;

typedef struct
{
  gint64 customer;
  gint64 subscription;
  gint64 category;
  gint32 period;
  gint32 pec_centi;
  guint8 family;
  guint8 state;
  char   currency[6];
} RollupKey;

typedef struct
{
  RollupKey key;
  gint64    lines;
  gint64    billed;
} RollupEntry;

typedef struct
{
  gint64 customer;
  gint64 subscription;
  gint64 category;
  gint64 meter;
  gint64 product;
  gint64 resource;
} RowIds;

/* A line waiting for its multi-row INSERT; the row stays in its chunk
 * until the chunk is done. */
typedef struct
{
  const PecanParsedRow *row;
  RowIds                ids;
  char                  currency[6];
} PendingLine;

struct _PecanImportWriter
{
  PecanStore        *store;
  const PecanFormat *format;
  PecanBatchInfo    *info;
  const char        *display_name;
  gboolean           dry_run;
  gboolean           in_transaction;
  gint64             batch_id;
  DimCache           dims[N_DIMS];
  GString           *key;
  GString           *category;
  CoverageSlot      *coverage;
  GHashTable        *daily;
  GHashTable        *monthly;
  RollupEntry       *last_daily;
  RollupEntry       *last_monthly;
  GHashTable        *customers_seen;
  GHashTable        *stale_months;     /* lost lines to a replacement: sum again */
  GHashTable        *periods;          /* customer << 32 | month: unbilled lines welcome */
  gint64             last_period;
  gboolean           last_period_invoiced;
  gboolean           last_period_accept;
  gint32             last_day;
  int                last_month;
  sqlite3_stmt      *insert_one;
  sqlite3_stmt      *insert_many;
  PendingLine       *pending;
  guint              n_pending;
};

static const char insert_batch_sql[] =
  "INSERT INTO batch (file_name, file_size, sha256, layout, encoding, delimiter, pec_known,"
  " lines, skipped, replaced, kept, imported_at, seconds)"
  " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, 0)";
static const char insert_skip_sql[] =
  "INSERT INTO batch_skip (batch_id, line, reason) VALUES (?, ?, ?)";
static const char select_coverage_sql[] =
  "SELECT batch_id, invoiced FROM coverage"
  " WHERE subscription_id = ? AND day = ? AND family = ?";
static const char billed_exists_sql[] =
  "SELECT 1 FROM coverage WHERE customer_id = ? AND day BETWEEN ? AND ? AND family = 0"
  " AND invoiced = 1 AND batch_id <> ? LIMIT 1";
static const char unbilled_days_sql[] =
  "SELECT subscription_id, day FROM coverage WHERE customer_id = ? AND day BETWEEN ? AND ?"
  " AND family = 0 AND invoiced = 0 AND batch_id <> ?";
static const char insert_coverage_sql[] =
  "INSERT INTO coverage (subscription_id, day, family, customer_id, batch_id, invoiced)"
  " VALUES (?, ?, ?, ?, ?, ?)";
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

/* Each dimension is written with an upsert that keeps known names when a
 * file leaves them empty, and returns the row's id either way. */
static const char * const upsert_dim_sql[N_DIMS] = {
  [DIM_PARTNER] =
    "INSERT INTO partner (tenant_id, name, mpn_id) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (tenant_id) DO UPDATE SET"
    " name = CASE WHEN ?2 <> '' THEN ?2 ELSE partner.name END,"
    " mpn_id = CASE WHEN ?3 <> '' THEN ?3 ELSE partner.mpn_id END RETURNING id",
  [DIM_CUSTOMER] =
    "INSERT INTO customer (tenant_id, name, domain, country, partner_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (tenant_id) DO UPDATE SET"
    " name = CASE WHEN ?2 <> '' THEN ?2 ELSE customer.name END,"
    " domain = CASE WHEN ?3 <> '' THEN ?3 ELSE customer.domain END,"
    " country = CASE WHEN ?4 <> '' THEN ?4 ELSE customer.country END,"
    " partner_id = coalesce (?5, customer.partner_id) RETURNING id",
  [DIM_SUBSCRIPTION] =
    "INSERT INTO subscription (azure_id, customer_id, name, plan_id) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (azure_id) DO UPDATE SET"
    " name = CASE WHEN ?3 <> '' THEN ?3 ELSE subscription.name END,"
    " plan_id = CASE WHEN ?4 <> '' THEN ?4 ELSE subscription.plan_id END RETURNING id",
  [DIM_CATEGORY] =
    "INSERT INTO category (name) VALUES (?1)"
    " ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id",
  [DIM_METER] =
    "INSERT INTO meter (meter_key, category_id, subcategory, name, region, unit)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    " ON CONFLICT (meter_key) DO UPDATE SET name = excluded.name RETURNING id",
  [DIM_PRODUCT] =
    "INSERT INTO product (product_key, name, sku, publisher) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (product_key) DO UPDATE SET name = excluded.name RETURNING id",
  [DIM_RESOURCE] =
    "INSERT INTO resource (uri, resource_group) VALUES (?1, ?2)"
    " ON CONFLICT (uri) DO UPDATE SET resource_group = excluded.resource_group RETURNING id",
};

/* Called twice per line: mixes the key's integers rather than hashing its
 * bytes one by one. */
static guint
rollup_hash (gconstpointer data)
{
  const RollupKey *k = data;
  guint64 h = (guint64) k->subscription * 0x9E3779B97F4A7C15ull;

  h ^= ((guint64) (guint32) k->period << 32 | (guint32) k->pec_centi) * 0xC2B2AE3D27D4EB4Full;
  h ^= ((guint64) k->category << 16 | k->family << 8 | k->state) * 0x165667B19E3779F9ull;
  h ^= (guint64) (guchar) k->currency[0] << 16 | (guchar) k->currency[1] << 8
       | (guchar) k->currency[2];
  return (guint) (h ^ (h >> 29));
}

static gboolean
rollup_equal (gconstpointer a,
              gconstpointer b)
{
  return memcmp (a, b, sizeof (RollupKey)) == 0;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  /* Excel's "CSV" in a Western locale is Windows-1252, not UTF-8. */
  if (g_utf8_validate (text, -1, NULL))
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    {
      g_autofree char *converted = g_convert (text, -1, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
      g_autofree char *valid = converted != NULL ? NULL : g_utf8_make_valid (text, -1);
      sqlite3_bind_text (stmt, index, converted != NULL ? converted : valid, -1, SQLITE_TRANSIENT);
    }
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* Several keys per line are looked up: hash them eight bytes at a time. */
static guint
key_hash (gconstpointer data)
{
  const char *p = data;
  gsize n = strlen (p);
  guint64 h = n * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  guint64 v;

  for (; n >= 8; p += 8, n -= 8)
    {
      memcpy (&v, p, 8);
      h = (h ^ v) * G_GUINT64_CONSTANT (0xFF51AFD7ED558CCD);
      h ^= h >> 32;
    }
  v = 0;
  memcpy (&v, p, n);
  h = (h ^ v) * G_GUINT64_CONSTANT (0xC4CEB9FE1A85EC53);
  return (guint) (h ^ (h >> 29));
}

static gboolean
dim_lookup (PecanImportWriter *self,
            Dim                dim,
            const char        *key,
            gint64            *id)
{
  DimCache *cache = &self->dims[dim];
  gpointer stored, value;

  if (cache->last_key != NULL && strcmp (cache->last_key, key) == 0)
    {
      *id = cache->last_id;
      return TRUE;
    }
  if (!g_hash_table_lookup_extended (cache->ids, key, &stored, &value))
    return FALSE;
  *id = GPOINTER_TO_SIZE (value);
  cache->last_key = stored;
  cache->last_id = *id;
  return TRUE;
}

/* Steps an upsert ... RETURNING id and caches the id under @key. */
static gboolean
dim_store (PecanImportWriter  *self,
           Dim                 dim,
           const char         *key,
           sqlite3_stmt       *stmt,
           gint64             *id,
           GError            **error)
{
  DimCache *cache = &self->dims[dim];
  char *stored;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      pecan_store_set_error (self->store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  stored = g_strdup (key);
  g_hash_table_insert (cache->ids, stored, GSIZE_TO_POINTER (*id));
  cache->last_key = stored;
  cache->last_id = *id;
  return TRUE;
}

#define TEXT(field) pecan_chunk_text (chunk, row, PECAN_FIELD_##field)

static gboolean
resolve_simple (PecanImportWriter     *self,
                Dim                    dim,
                const char            *key,
                const char            *a,
                const char            *b,
                const char            *c,
                gint64                 extra,
                gint64                *id,
                GError               **error)
{
  sqlite3_stmt *stmt;

  if (dim_lookup (self, dim, key, id))
    return TRUE;
  stmt = pecan_store_cached (self->store, upsert_dim_sql[dim], error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, key);
  if (a != NULL)
    bind_text (stmt, 2, a);
  if (b != NULL)
    bind_text (stmt, 3, b);
  if (c != NULL)
    bind_text (stmt, 4, c);
  if (dim == DIM_CUSTOMER)
    bind_id_or_null (stmt, 5, extra);
  else if (dim == DIM_SUBSCRIPTION)
    {
      sqlite3_bind_int64 (stmt, 2, extra);
      bind_text (stmt, 3, a);
      bind_text (stmt, 4, b);
    }
  return dim_store (self, dim, key, stmt, id, error);
}

/* A key of several texts, built for every line: no printf. */
static void
join_key (GString    *key,
          const char *first,
          ...)
{
  va_list args;

  g_string_truncate (key, 0);
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    {
      g_string_append (key, part);
      g_string_append_c (key, '|');
    }
  va_end (args);
}

/* Invoice lines have no meter category: "Storage - E10 LRS Disk" gives it. */
static const char *
category_of (PecanImportWriter     *self,
             const PecanChunk      *chunk,
             const PecanParsedRow  *row)
{
  const char *description = TEXT (METER_DESCRIPTION);
  const char *dash;

  if (*TEXT (METER_CATEGORY) != '\0')
    return TEXT (METER_CATEGORY);
  if ((dash = strstr (description, " - ")) == NULL)
    return TEXT (PRODUCT_NAME);
  g_string_truncate (self->category, 0);
  g_string_append_len (self->category, description, dash - description);
  return self->category->str;
}

static gboolean
resolve_meter (PecanImportWriter     *self,
               const PecanChunk      *chunk,
               const PecanParsedRow  *row,
               gint64                *category_id,
               gint64                *meter_id,
               GError               **error)
{
  const char *category = category_of (self, chunk, row);
  const char *name = *TEXT (METER_NAME) ? TEXT (METER_NAME) : TEXT (METER_DESCRIPTION);
  sqlite3_stmt *stmt;

  if (!resolve_simple (self, DIM_CATEGORY, category, NULL, NULL, NULL, 0, category_id, error))
    return FALSE;

  join_key (self->key, TEXT (METER_ID), category, TEXT (METER_SUBCATEGORY), name,
            TEXT (METER_REGION), TEXT (UNIT), NULL);
  if (dim_lookup (self, DIM_METER, self->key->str, meter_id))
    return TRUE;
  stmt = pecan_store_cached (self->store, upsert_dim_sql[DIM_METER], error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, self->key->str);
  sqlite3_bind_int64 (stmt, 2, *category_id);
  bind_text (stmt, 3, TEXT (METER_SUBCATEGORY));
  bind_text (stmt, 4, name);
  bind_text (stmt, 5, TEXT (METER_REGION));
  bind_text (stmt, 6, TEXT (UNIT));
  return dim_store (self, DIM_METER, self->key->str, stmt, meter_id, error);
}

static gboolean
resolve_product (PecanImportWriter     *self,
                 const PecanChunk      *chunk,
                 const PecanParsedRow  *row,
                 gint64                *product_id,
                 GError               **error)
{
  const char *publisher = *TEXT (PUBLISHER_NAME) ? TEXT (PUBLISHER_NAME) : "Microsoft";
  sqlite3_stmt *stmt;

  join_key (self->key, TEXT (PRODUCT_NAME), TEXT (SKU_NAME), publisher, NULL);
  if (dim_lookup (self, DIM_PRODUCT, self->key->str, product_id))
    return TRUE;
  stmt = pecan_store_cached (self->store, upsert_dim_sql[DIM_PRODUCT], error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, self->key->str);
  bind_text (stmt, 2, TEXT (PRODUCT_NAME));
  bind_text (stmt, 3, TEXT (SKU_NAME));
  bind_text (stmt, 4, publisher);
  return dim_store (self, DIM_PRODUCT, self->key->str, stmt, product_id, error);
}


static gboolean
resolve_ids (PecanImportWriter     *self,
             const PecanChunk      *chunk,
             const PecanParsedRow  *row,
             RowIds                *ids,
             GError               **error)
{
  gint64 partner = 0;

  if (*TEXT (PARTNER_ID) != '\0'
      && !resolve_simple (self, DIM_PARTNER, TEXT (PARTNER_ID), TEXT (PARTNER_NAME),
                          TEXT (MPN_ID), NULL, 0, &partner, error))
    return FALSE;
  ids->resource = 0;
  return resolve_simple (self, DIM_CUSTOMER, TEXT (CUSTOMER_ID), TEXT (CUSTOMER_NAME),
                         TEXT (CUSTOMER_DOMAIN), TEXT (CUSTOMER_COUNTRY), partner,
                         &ids->customer, error)
         && resolve_simple (self, DIM_SUBSCRIPTION, TEXT (SUBSCRIPTION_ID),
                            TEXT (SUBSCRIPTION_NAME), TEXT (PLAN_ID), NULL, ids->customer,
                            &ids->subscription, error)
         && resolve_meter (self, chunk, row, &ids->category, &ids->meter, error)
         && resolve_product (self, chunk, row, &ids->product, error)
         && (*TEXT (RESOURCE_URI) == '\0'
             || resolve_simple (self, DIM_RESOURCE, TEXT (RESOURCE_URI), TEXT (RESOURCE_GROUP),
                                NULL, NULL, 0, &ids->resource, error));
}

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
static gboolean
check_billing_period (PecanImportWriter     *self,
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

/* Whether this batch takes a subscription's day: it replaces older data,
 * except that unbilled lines never replace billed ones. */
static gboolean
claim_coverage (PecanImportWriter     *self,
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

  if (c->valid && c->subscription == ids->subscription && c->day == row->day
      && c->family == row->family)
    {
      *accept = c->accept;
      return TRUE;
    }

  stmt = pecan_store_cached (self->store, select_coverage_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ids->subscription);
  sqlite3_bind_int (stmt, 2, row->day);
  sqlite3_bind_int (stmt, 3, row->family);
  *accept = TRUE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 holder = sqlite3_column_int64 (stmt, 0);
      gboolean holder_invoiced = sqlite3_column_int (stmt, 1);

      sqlite3_reset (stmt);
      if (holder == self->batch_id)
        goto remember;
      if (holder_invoiced && !row->invoiced)
        {
          *accept = FALSE;
          goto remember;
        }
      if (!pecan_store_remove_coverage (self->store, ids->subscription, row->day, row->family,
                                        &replaced, error))
        return FALSE;
      self->info->replaced += replaced;
      pecan_store_add_month_key (self->stale_months, ids->subscription, row->day);
    }
  sqlite3_reset (stmt);

  stmt = pecan_store_cached (self->store, insert_coverage_sql, error);
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

remember:
  *c = (CoverageSlot) { ids->subscription, row->day, row->family, TRUE, *accept };
  return TRUE;
}

static void
bind_amount (sqlite3_stmt *stmt,
             int           index,
             gboolean      present,
             gint64        value)
{
  if (present)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

#define LINES_PER_INSERT 16
#define LINE_COLUMNS 17

/* Lines are inserted sixteen to a statement: a statement's overhead, not
 * the B-tree, was most of the cost of one. */
static char *
insert_lines_sql (guint n)
{
  GString *sql = g_string_new ("INSERT INTO usage_line (batch_id, line, family, day,"
                               " subscription_id, meter_id, product_id, resource_id, currency,"
                               " quantity, unit_price, effective_price, billed, pec_centi,"
                               " state, reason, invoiced) VALUES ");

  for (guint i = 0; i < n; i++)
    g_string_append (sql, i == 0 ? "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                                 : ",(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  return g_string_free (sql, FALSE);
}

static void
bind_line (sqlite3_stmt      *stmt,
           int                base,
           gint64             batch_id,
           const PendingLine *p)
{
  const PecanParsedRow *row = p->row;

  sqlite3_bind_int64 (stmt, base + 1, batch_id);
  sqlite3_bind_int64 (stmt, base + 2, row->line);
  sqlite3_bind_int (stmt, base + 3, row->family);
  sqlite3_bind_int (stmt, base + 4, row->day);
  sqlite3_bind_int64 (stmt, base + 5, p->ids.subscription);
  sqlite3_bind_int64 (stmt, base + 6, p->ids.meter);
  sqlite3_bind_int64 (stmt, base + 7, p->ids.product);
  bind_id_or_null (stmt, base + 8, p->ids.resource);
  sqlite3_bind_text (stmt, base + 9, p->currency, -1, SQLITE_STATIC);
  bind_amount (stmt, base + 10, row->has_quantity, row->quantity);
  bind_amount (stmt, base + 11, row->has_unit_price, row->unit_price);
  bind_amount (stmt, base + 12, row->has_effective_price, row->effective_price);
  sqlite3_bind_int64 (stmt, base + 13, row->billed);
  sqlite3_bind_int (stmt, base + 14, row->pec_centi);
  sqlite3_bind_int (stmt, base + 15, row->state);
  sqlite3_bind_int (stmt, base + 16, row->reason);
  sqlite3_bind_int (stmt, base + 17, row->invoiced);
}

static gboolean
flush_lines (PecanImportWriter  *self,
             GError            **error)
{
  guint i = 0;

  while (i < self->n_pending)
    {
      guint n = self->n_pending - i >= LINES_PER_INSERT ? LINES_PER_INSERT : 1;
      sqlite3_stmt *stmt = n == LINES_PER_INSERT ? self->insert_many : self->insert_one;

      for (guint j = 0; j < n; j++)
        bind_line (stmt, j * LINE_COLUMNS, self->batch_id, &self->pending[i + j]);
      if (!pecan_store_step_done (self->store, stmt, error))
        return FALSE;
      i += n;
    }
  self->n_pending = 0;
  return TRUE;
}

static gboolean
insert_line (PecanImportWriter     *self,
             const PecanParsedRow  *row,
             const RowIds          *ids,
             const char            *currency,
             GError               **error)
{
  PendingLine *p = &self->pending[self->n_pending++];

  p->row = row;
  p->ids = *ids;
  memcpy (p->currency, currency, sizeof p->currency);
  if (self->n_pending == PECAN_CHUNK_ROWS)
    return flush_lines (self, error);
  return TRUE;
}

/* Consecutive lines mostly share their daily key: @last spares the lookup. */
static void
rollup_add (GHashTable       *table,
            RollupEntry     **last,
            const RollupKey  *key,
            gint64            billed)
{
  RollupEntry *entry = *last;

  if (entry == NULL || !rollup_equal (&entry->key, key))
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

static gboolean
rollup_flush (PecanImportWriter  *self,
              GError            **error)
{
  return rollup_flush_table (self, self->daily, upsert_daily_sql, error)
         && rollup_flush_table (self, self->monthly, upsert_monthly_sql, error);
}

static void
add_to_rollups (PecanImportWriter     *self,
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
}

/* Upper case, and short enough for a rollup key: ISO 4217 codes are three
 * letters. */
static void
normalise_currency (const char *text,
                    char        out[6])
{
  guint i;

  for (i = 0; i < 5 && text[i] != '\0'; i++)
    out[i] = g_ascii_toupper (text[i]);
  out[i] = '\0';
}

static void
count_row (PecanImportWriter     *self,
           const PecanChunk      *chunk,
           const PecanParsedRow  *row)
{
  const char *customer = TEXT (CUSTOMER_ID);

  self->info->lines++;
  if (row->day < self->info->first_day || self->info->first_day == G_MININT32)
    self->info->first_day = row->day;
  if (row->day > self->info->last_day || self->info->last_day == G_MININT32)
    self->info->last_day = row->day;
  if (!g_hash_table_contains (self->customers_seen, customer))
    g_hash_table_add (self->customers_seen, g_strdup (customer));
}

static gboolean
write_row (PecanImportWriter     *self,
           const PecanChunk      *chunk,
           const PecanParsedRow  *row,
           GError               **error)
{
  RowIds ids;
  gboolean accept;
  char currency[6];

  if (self->dry_run)
    {
      count_row (self, chunk, row);
      return TRUE;
    }
  normalise_currency (TEXT (CURRENCY), currency);
  if (row->day != self->last_day)
    {
      self->last_day = row->day;
      self->last_month = pecan_store_month_of_day (row->day);
    }
  if (!resolve_ids (self, chunk, row, &ids, error)
      || !check_billing_period (self, row, &ids, &accept, error)
      || (accept && !claim_coverage (self, row, &ids, &accept, error)))
    return FALSE;
  if (!accept)
    {
      self->info->kept++;
      return TRUE;
    }
  if (!insert_line (self, row, &ids, currency, error))
    return FALSE;
  add_to_rollups (self, row, &ids, currency);
  count_row (self, chunk, row);
  return TRUE;
}
#undef TEXT

static gboolean
insert_batch (PecanImportWriter  *self,
              GError            **error)
{
  sqlite3_stmt *stmt = pecan_store_cached (self->store, insert_batch_sql, error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *placeholder = g_strconcat ("importing-", uuid, NULL);
  char delimiter[2] = { self->info->delimiter, '\0' };

  if (stmt == NULL)
    return FALSE;
  self->info->imported_at = g_date_time_format_iso8601 (now);
  bind_text (stmt, 1, self->info->file_name);
  sqlite3_bind_int64 (stmt, 2, self->info->file_size);
  sqlite3_bind_text (stmt, 3, placeholder, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, pecan_layout_to_string (self->info->layout), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, self->info->encoding, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, delimiter, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 7, self->info->pec_known);
  sqlite3_bind_text (stmt, 8, self->info->imported_at, -1, SQLITE_TRANSIENT);
  if (!pecan_store_step_done (self->store, stmt, error))
    return FALSE;
  self->batch_id = sqlite3_last_insert_rowid (pecan_store_get_db (self->store));
  return TRUE;
}

static gboolean
prepare_inserts (PecanImportWriter  *self,
                 GError            **error)
{
  g_autofree char *one = insert_lines_sql (1);
  g_autofree char *many = insert_lines_sql (LINES_PER_INSERT);

  self->pending = g_new (PendingLine, PECAN_CHUNK_ROWS);
  self->insert_one = pecan_store_prepare (self->store, one, error);
  self->insert_many = self->insert_one ? pecan_store_prepare (self->store, many, error) : NULL;
  return self->insert_many != NULL;
}

/**
 * pecan_import_writer_begin:
 * @store: the database
 * @format: the file's columns
 * @info: what the import did so far; the writer fills in its figures
 * @display_name: the file's name in messages; must outlive the writer
 * @dry_run: count and check only, write nothing
 * @error: return location for an error
 *
 * Starts the import's transaction and its batch record.
 *
 * Returns: (transfer full): a writer, or %NULL with @error set
 */
PecanImportWriter *
pecan_import_writer_begin (PecanStore         *store,
                           const PecanFormat  *format,
                           PecanBatchInfo     *info,
                           const char         *display_name,
                           gboolean            dry_run,
                           GError            **error)
{
  g_autoptr(PecanImportWriter) self = g_new0 (PecanImportWriter, 1);

  self->store = g_object_ref (store);
  self->format = format;
  self->info = info;
  self->display_name = display_name;
  self->dry_run = dry_run;
  self->key = g_string_sized_new (256);
  self->category = g_string_sized_new (64);
  self->coverage = g_new0 (CoverageSlot, COVERAGE_SLOTS);
  self->daily = g_hash_table_new_full (rollup_hash, rollup_equal, g_free, NULL);
  self->monthly = g_hash_table_new_full (rollup_hash, rollup_equal, g_free, NULL);
  self->customers_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stale_months = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->periods = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->last_day = G_MININT32;
  self->last_period = -1;
  info->first_day = info->last_day = G_MININT32;
  for (guint i = 0; i < N_DIMS; i++)
    {
      self->dims[i].ids = g_hash_table_new_full (key_hash, g_str_equal, g_free, NULL);
    }

  if (dry_run)
    return g_steal_pointer (&self);
  if (!prepare_inserts (self, error) || !pecan_store_exec (store, "BEGIN IMMEDIATE", error))
    return NULL;
  self->in_transaction = TRUE;
  if (!insert_batch (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

static gboolean
record_skips (PecanImportWriter  *self,
              const PecanChunk   *chunk,
              GError            **error)
{
  self->info->skipped += chunk->skips->len;
  for (guint i = 0; i < chunk->skips->len && !self->dry_run; i++)
    {
      const char *entry = g_ptr_array_index (chunk->skips, i);
      const char *tab = strchr (entry, '\t');
      sqlite3_stmt *stmt = pecan_store_cached (self->store, insert_skip_sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, self->batch_id);
      sqlite3_bind_int64 (stmt, 2, g_ascii_strtoull (entry, NULL, 10));
      sqlite3_bind_text (stmt, 3, tab + 1, -1, SQLITE_STATIC);
      if (!pecan_store_step_done (self->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * pecan_import_writer_add:
 * @writer: a writer
 * @chunk: lines read and typed
 * @error: return location for an error
 *
 * Returns: %TRUE when every line of @chunk was written
 */
gboolean
pecan_import_writer_add (PecanImportWriter  *writer,
                         const PecanChunk   *chunk,
                         GError            **error)
{
  for (guint i = 0; i < chunk->n_rows; i++)
    if (!write_row (writer, chunk, &chunk->rows[i], error))
      return FALSE;
  /* The pending lines point into the chunk, which is recycled next. */
  if (!writer->dry_run && !flush_lines (writer, error))
    return FALSE;
  if (!record_skips (writer, chunk, error))
    return FALSE;
  if (g_hash_table_size (writer->daily) >= ROLLUP_FLUSH_AT)
    return rollup_flush (writer, error);
  return TRUE;
}

static gint64
find_duplicate (PecanImportWriter *self)
{
  sqlite3_stmt *stmt = pecan_store_cached (self->store, "SELECT id FROM batch WHERE sha256 = ?",
                                           NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, self->info->sha256, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
check_not_empty (PecanImportWriter  *self,
                 GError            **error)
{
  if (self->info->lines > 0 || self->info->kept > 0)
    return TRUE;
  if (self->info->skipped > 0)
    g_set_error (error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_EMPTY,
                 _("No line of “%s” could be read: all %" G_GUINT64_FORMAT " were skipped. "
                   "Check that this is the right file."),
                 self->display_name, self->info->skipped);
  else
    g_set_error (error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_EMPTY,
                 _("“%s” has column names but no usage lines (line 2 is missing): nothing to "
                   "import. Download the file again for a period with usage."),
                 self->display_name);
  return FALSE;
}

static gboolean
update_batch (PecanImportWriter  *self,
              GError            **error)
{
  sqlite3_stmt *stmt = pecan_store_cached (self->store,
                                           "UPDATE batch SET sha256 = ?, lines = ?, skipped = ?,"
                                           " replaced = ?, kept = ?, first_day = ?, last_day = ?,"
                                           " seconds = ? WHERE id = ?", error);
  PecanBatchInfo *info = self->info;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, info->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, info->lines);
  sqlite3_bind_int64 (stmt, 3, info->skipped);
  sqlite3_bind_int64 (stmt, 4, info->replaced);
  sqlite3_bind_int64 (stmt, 5, info->kept);
  bind_amount (stmt, 6, info->first_day != G_MININT32, info->first_day);
  bind_amount (stmt, 7, info->last_day != G_MININT32, info->last_day);
  sqlite3_bind_double (stmt, 8, info->seconds);
  sqlite3_bind_int64 (stmt, 9, self->batch_id);
  return pecan_store_step_done (self->store, stmt, error);
}

/**
 * pecan_import_writer_commit:
 * @writer: a writer that has been given every chunk
 * @error: return location for an error
 *
 * Commits the import, unless the file is already imported: then nothing
 * changes and the info names the batch that holds it.
 *
 * Returns: %TRUE on success
 */
gboolean
pecan_import_writer_commit (PecanImportWriter  *writer,
                            GError            **error)
{
  PecanBatchInfo *info = writer->info;

  info->customers = g_hash_table_size (writer->customers_seen);
  info->duplicate_of = find_duplicate (writer);
  if (info->duplicate_of != 0 || writer->dry_run)
    {
      info->id = info->duplicate_of;
      return info->duplicate_of != 0 || check_not_empty (writer, error);
    }
  if (!check_not_empty (writer, error) || !rollup_flush (writer, error)
      || !pecan_store_rebuild_months (writer->store, writer->stale_months, error)
      || !update_batch (writer, error) || !pecan_store_exec (writer->store, "COMMIT", error))
    return FALSE;
  writer->in_transaction = FALSE;
  info->id = writer->batch_id;
  return TRUE;
}

/**
 * pecan_import_writer_free:
 * @writer: a writer
 *
 * Rolls back whatever was not committed, and frees the writer.
 */
void
pecan_import_writer_free (PecanImportWriter *writer)
{
  if (writer == NULL)
    return;
  if (writer->in_transaction)
    pecan_store_exec (writer->store, "ROLLBACK", NULL);
  for (guint i = 0; i < N_DIMS; i++)
    {
      g_clear_pointer (&writer->dims[i].ids, g_hash_table_unref);
    }
  if (writer->key != NULL)
    g_string_free (writer->key, TRUE);
  if (writer->category != NULL)
    g_string_free (writer->category, TRUE);
  g_clear_pointer (&writer->daily, g_hash_table_unref);
  g_clear_pointer (&writer->monthly, g_hash_table_unref);
  g_clear_pointer (&writer->customers_seen, g_hash_table_unref);
  g_clear_pointer (&writer->stale_months, g_hash_table_unref);
  g_clear_pointer (&writer->periods, g_hash_table_unref);
  g_clear_pointer (&writer->insert_one, sqlite3_finalize);
  g_clear_pointer (&writer->insert_many, sqlite3_finalize);
  g_free (writer->pending);
  g_clear_object (&writer->store);
  g_free (writer->coverage);
  g_free (writer);
}
