/* pecan-import-dimensions.c: the import's dimension tables and their caches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dimensions (partner, customer, subscription, category, meter, product,
 * resource) are stored once and cached by key; lines refer to them by id.
 */
#include "config.h"

#include <string.h>

#include "pecan-import-writer-private.h"

/* Each dimension is written with an upsert that keeps known names when a
 * file leaves them empty. A new row's id is the last one inserted; a known
 * row's is looked up by its key (select_dim_id_sql). RETURNING would give
 * both, at the cost of a temporary table for each row. */
static const char * const upsert_dim_sql[N_DIMS] = {
  [DIM_PARTNER] =
    "INSERT INTO partner (tenant_id, name, mpn_id) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (tenant_id) DO UPDATE SET"
    " name = CASE WHEN ?2 <> '' THEN ?2 ELSE partner.name END,"
    " mpn_id = CASE WHEN ?3 <> '' THEN ?3 ELSE partner.mpn_id END",
  [DIM_CUSTOMER] =
    "INSERT INTO customer (tenant_id, name, domain, country, partner_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (tenant_id) DO UPDATE SET"
    " name = CASE WHEN ?2 <> '' THEN ?2 ELSE customer.name END,"
    " domain = CASE WHEN ?3 <> '' THEN ?3 ELSE customer.domain END,"
    " country = CASE WHEN ?4 <> '' THEN ?4 ELSE customer.country END,"
    " partner_id = coalesce (?5, customer.partner_id)",
  [DIM_SUBSCRIPTION] =
    "INSERT INTO subscription (azure_id, customer_id, name, plan_id) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (azure_id) DO UPDATE SET"
    " name = CASE WHEN ?3 <> '' THEN ?3 ELSE subscription.name END,"
    " plan_id = CASE WHEN ?4 <> '' THEN ?4 ELSE subscription.plan_id END",
  [DIM_CATEGORY] =
    "INSERT INTO category (name) VALUES (?1)"
    " ON CONFLICT (name) DO UPDATE SET name = excluded.name",
  [DIM_METER] =
    "INSERT INTO meter (meter_key, category_id, subcategory, name, region, unit)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    " ON CONFLICT (meter_key) DO UPDATE SET name = excluded.name",
  [DIM_PRODUCT] =
    "INSERT INTO product (product_key, name, sku, publisher) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (product_key) DO UPDATE SET name = excluded.name",
  [DIM_RESOURCE] =
    "INSERT INTO resource (uri, resource_group) VALUES (?1, ?2)"
    " ON CONFLICT (uri) DO UPDATE SET resource_group = excluded.resource_group",
};

static const char * const select_dim_id_sql[N_DIMS] = {
  [DIM_PARTNER] = "SELECT id FROM partner WHERE tenant_id = ?1",
  [DIM_CUSTOMER] = "SELECT id FROM customer WHERE tenant_id = ?1",
  [DIM_SUBSCRIPTION] = "SELECT id FROM subscription WHERE azure_id = ?1",
  [DIM_CATEGORY] = "SELECT id FROM category WHERE name = ?1",
  [DIM_METER] = "SELECT id FROM meter WHERE meter_key = ?1",
  [DIM_PRODUCT] = "SELECT id FROM product WHERE product_key = ?1",
  [DIM_RESOURCE] = "SELECT id FROM resource WHERE uri = ?1",
};

void
pecan_import_bind_text (sqlite3_stmt *stmt,
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

/* A dimension's key is one text, or several joined with a '|' after each.
 * Each line looks up seven keys: they are hashed and compared part by part
 * where they lie, without being joined first. Before any hashing, two keys
 * are tried: the previous line's, and the one that came after it the last
 * time it came. Files repeat their lines' order day after day (a day's
 * resources, meters and products come in the order of the day before), so
 * the second is mostly right where the first is not: no hash to take, and
 * no probe at a random place in a table of thousands. */
#define MAX_PARTS 6

typedef struct
{
  const char *text[MAX_PARTS];
  gsize       len[MAX_PARTS];
  guint       n;
  gboolean    joined;
  gsize       total;             /* the joined key's length */
  guint64     hash;
} KeyParts;

struct _DimEntry
{
  guint64   hash;
  DimEntry *next;                /* the key that came after this one last */
  gint64    id;
  gsize    len;
  char     key[];
};

static void
key_parts_init (KeyParts    *parts,
                gboolean     joined,
                const char  *first,
                ...)
{
  va_list args;

  parts->n = 0;
  parts->joined = joined;
  parts->total = 0;
  va_start (args, first);
  for (const char *text = first; text != NULL; text = va_arg (args, const char *))
    {
      g_assert (parts->n < MAX_PARTS);
      parts->text[parts->n] = text;
      parts->len[parts->n] = strlen (text);
      parts->total += parts->len[parts->n] + (joined ? 1 : 0);
      parts->n++;
    }
  va_end (args);
}

/* Eight bytes at a time, part by part. */
static guint64
key_parts_hash (const KeyParts *parts)
{
  guint64 h = parts->total * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  for (guint i = 0; i < parts->n; i++)
    {
      const char *p = parts->text[i];
      gsize n = parts->len[i];
      guint64 v;

      for (; n >= 8; p += 8, n -= 8)
        {
          memcpy (&v, p, 8);
          h = (h ^ v) * G_GUINT64_CONSTANT (0xFF51AFD7ED558CCD);
          h ^= h >> 32;
        }
      v = 0;
      memcpy (&v, p, n);
      h = (h ^ v ^ n) * G_GUINT64_CONSTANT (0xC4CEB9FE1A85EC53);
      h ^= h >> 29;
    }
  return h;
}

static gboolean
key_parts_equal (const KeyParts *parts,
                 const DimEntry *entry)
{
  const char *key = entry->key;

  if (entry->len != parts->total)
    return FALSE;
  for (guint i = 0; i < parts->n; i++)
    {
      if (memcmp (key, parts->text[i], parts->len[i]) != 0)
        return FALSE;
      key += parts->len[i] + (parts->joined ? 1 : 0);
    }
  return TRUE;
}

static DimEntry *
dim_entry_new (const KeyParts *parts,
               gint64          id)
{
  DimEntry *entry = g_malloc (sizeof (DimEntry) + parts->total + 1);
  char *p = entry->key;

  entry->hash = parts->hash;
  entry->next = NULL;
  entry->id = id;
  entry->len = parts->total;
  for (guint i = 0; i < parts->n; i++)
    {
      memcpy (p, parts->text[i], parts->len[i]);
      p += parts->len[i];
      if (parts->joined)
        *p++ = '|';
    }
  *p = '\0';
  return entry;
}

void
pecan_import_dim_cache_clear (DimCache *cache)
{
  for (guint i = 0; i < cache->size; i++)
    g_free (cache->slots[i].entry);
  g_clear_pointer (&cache->slots, g_free);
  cache->size = cache->n = 0;
  cache->last = NULL;
}

/* Open addressing, at most half full; the slots hold the hashes, so that a
 * probe reads no entry but the one that matches. */
static void
dim_cache_put (DimCache *cache,
               DimEntry *entry)
{
  guint i;

  if (2 * (cache->n + 1) > cache->size)
    {
      DimSlot *old = cache->slots;
      guint old_size = cache->size;

      cache->size = MAX (256, 2 * old_size);
      cache->slots = g_new0 (DimSlot, cache->size);
      cache->n = 0;
      for (guint j = 0; j < old_size; j++)
        if (old[j].entry != NULL)
          dim_cache_put (cache, old[j].entry);
      g_free (old);
    }
  for (i = entry->hash & (cache->size - 1); cache->slots[i].entry != NULL;
       i = (i + 1) & (cache->size - 1))
    ;
  cache->slots[i] = (DimSlot) { entry->hash, entry };
  cache->n++;
}

/* Makes @entry the last key looked up, and the successor of the one
 * before. */
static void
dim_cache_follow (DimCache *cache,
                  DimEntry *entry)
{
  if (cache->last != NULL)
    cache->last->next = entry;
  cache->last = entry;
}

static gboolean
dim_lookup (PecanImportWriter *self,
            Dim                dim,
            KeyParts          *parts,
            gint64            *id)
{
  DimCache *cache = &self->dims[dim];
  DimEntry *last = cache->last;

  if (last != NULL && key_parts_equal (parts, last))
    {
      *id = last->id;
      return TRUE;
    }
  if (last != NULL && last->next != NULL && key_parts_equal (parts, last->next))
    {
      cache->last = last->next;
      *id = cache->last->id;
      return TRUE;
    }
  parts->hash = key_parts_hash (parts);
  for (guint i = parts->hash & (cache->size - 1); cache->size > 0 && cache->slots[i].entry != NULL;
       i = (i + 1) & (cache->size - 1))
    if (cache->slots[i].hash == parts->hash && key_parts_equal (parts, cache->slots[i].entry))
      {
        dim_cache_follow (cache, cache->slots[i].entry);
        *id = cache->last->id;
        return TRUE;
      }
  return FALSE;
}

/* Binds a key as the statement's first parameter. */
static void
bind_key (sqlite3_stmt   *stmt,
          const KeyParts *parts)
{
  g_autofree DimEntry *joined = dim_entry_new (parts, 0);

  pecan_import_bind_text (stmt, 1, joined->key);
}

/* Steps a dimension's upsert and caches the row's id under the key. */
static gboolean
dim_store (PecanImportWriter  *self,
           Dim                 dim,
           const KeyParts     *parts,
           sqlite3_stmt       *stmt,
           gint64             *id,
           GError            **error)
{
  DimCache *cache = &self->dims[dim];
  sqlite3 *db = pecan_store_get_db (self->store);
  gint64 before = sqlite3_last_insert_rowid (db);
  g_autofree DimEntry *entry = dim_entry_new (parts, 0);
  sqlite3_stmt *select;

  if (!pecan_store_step_done (self->store, stmt, error))
    return FALSE;
  /* An update leaves the last id inserted as it was. So may, by chance, an
   * insert: then the key finds the new row as it would a known one. */
  *id = sqlite3_last_insert_rowid (db);
  if (*id == before)
    {
      if ((select = pecan_store_cached (self->store, select_dim_id_sql[dim], error)) == NULL)
        return FALSE;
      pecan_import_bind_text (select, 1, entry->key);
      if (sqlite3_step (select) != SQLITE_ROW)
        {
          pecan_store_set_error (self->store, error);
          sqlite3_reset (select);
          return FALSE;
        }
      *id = sqlite3_column_int64 (select, 0);
      sqlite3_reset (select);
    }
  entry->id = *id;
  dim_cache_follow (cache, g_steal_pointer (&entry));
  dim_cache_put (cache, cache->last);
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
  KeyParts parts;
  sqlite3_stmt *stmt;

  key_parts_init (&parts, FALSE, key, NULL);
  if (dim_lookup (self, dim, &parts, id))
    return TRUE;
  stmt = pecan_store_cached (self->store, upsert_dim_sql[dim], error);
  if (stmt == NULL)
    return FALSE;
  pecan_import_bind_text (stmt, 1, key);
  if (a != NULL)
    pecan_import_bind_text (stmt, 2, a);
  if (b != NULL)
    pecan_import_bind_text (stmt, 3, b);
  if (c != NULL)
    pecan_import_bind_text (stmt, 4, c);
  if (dim == DIM_CUSTOMER)
    bind_id_or_null (stmt, 5, extra);
  else if (dim == DIM_SUBSCRIPTION)
    {
      sqlite3_bind_int64 (stmt, 2, extra);
      pecan_import_bind_text (stmt, 3, a);
      pecan_import_bind_text (stmt, 4, b);
    }
  return dim_store (self, dim, &parts, stmt, id, error);
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
  KeyParts parts;
  sqlite3_stmt *stmt;

  if (!resolve_simple (self, DIM_CATEGORY, category, NULL, NULL, NULL, 0, category_id, error))
    return FALSE;

  key_parts_init (&parts, TRUE, TEXT (METER_ID), category, TEXT (METER_SUBCATEGORY), name,
                  TEXT (METER_REGION), TEXT (UNIT), NULL);
  if (dim_lookup (self, DIM_METER, &parts, meter_id))
    return TRUE;
  stmt = pecan_store_cached (self->store, upsert_dim_sql[DIM_METER], error);
  if (stmt == NULL)
    return FALSE;
  bind_key (stmt, &parts);
  sqlite3_bind_int64 (stmt, 2, *category_id);
  pecan_import_bind_text (stmt, 3, TEXT (METER_SUBCATEGORY));
  pecan_import_bind_text (stmt, 4, name);
  pecan_import_bind_text (stmt, 5, TEXT (METER_REGION));
  pecan_import_bind_text (stmt, 6, TEXT (UNIT));
  return dim_store (self, DIM_METER, &parts, stmt, meter_id, error);
}

static gboolean
resolve_product (PecanImportWriter     *self,
                 const PecanChunk      *chunk,
                 const PecanParsedRow  *row,
                 gint64                *product_id,
                 GError               **error)
{
  const char *publisher = *TEXT (PUBLISHER_NAME) ? TEXT (PUBLISHER_NAME) : "Microsoft";
  KeyParts parts;
  sqlite3_stmt *stmt;

  key_parts_init (&parts, TRUE, TEXT (PRODUCT_NAME), TEXT (SKU_NAME), publisher, NULL);
  if (dim_lookup (self, DIM_PRODUCT, &parts, product_id))
    return TRUE;
  stmt = pecan_store_cached (self->store, upsert_dim_sql[DIM_PRODUCT], error);
  if (stmt == NULL)
    return FALSE;
  bind_key (stmt, &parts);
  pecan_import_bind_text (stmt, 2, TEXT (PRODUCT_NAME));
  pecan_import_bind_text (stmt, 3, TEXT (SKU_NAME));
  pecan_import_bind_text (stmt, 4, publisher);
  return dim_store (self, DIM_PRODUCT, &parts, stmt, product_id, error);
}

gboolean
pecan_import_writer_resolve_ids (PecanImportWriter     *self,
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
