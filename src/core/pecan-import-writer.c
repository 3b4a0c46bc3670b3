/* pecan-import-writer.c: the SQLite side of an import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One transaction and one batch record per file. Each line is resolved to
 * its dimensions, checked against billing periods and coverage, then
 * written and rolled up: those steps live in pecan-import-*.c beside this.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pecan-error.h"
#include "pecan-import-writer-private.h"

/* A daily key seldom comes back once its day or its customer is past, as
 * files come day by day or customer by customer: daily totals are merged
 * into the table a few thousand at a time, leaving little for the commit,
 * which the other thread cannot share. A monthly key comes back all month:
 * monthly totals wait in memory, up to a bound. */
#define DAILY_FLUSH_AT 4096
#define MONTHLY_FLUSH_AT 65536

static const char insert_batch_sql[] =
  "INSERT INTO batch (file_name, file_size, sha256, layout, encoding, delimiter, pec_known,"
  " lines, skipped, replaced, kept, imported_at, seconds)"
  " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, 0)";
static const char insert_skip_sql[] =
  "INSERT INTO batch_skip (batch_id, line, reason) VALUES (?, ?, ?)";

#define TEXT(field) pecan_chunk_text (chunk, row, PECAN_FIELD_##field)

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
  /* Lines come customer by customer. */
  if (self->last_customer_seen == NULL || strcmp (self->last_customer_seen, customer) != 0)
    {
      gpointer stored;

      if (!g_hash_table_lookup_extended (self->customers_seen, customer, &stored, NULL))
        g_hash_table_add (self->customers_seen, stored = g_strdup (customer));
      self->last_customer_seen = stored;
    }
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
  if (!pecan_import_writer_resolve_ids (self, chunk, row, &ids, error)
      || !pecan_import_writer_check_billing_period (self, row, &ids, &accept, error)
      || (accept && !pecan_import_writer_claim_coverage (self, row, &ids, &accept, error)))
    return FALSE;
  if (!accept)
    {
      self->info->kept++;
      return TRUE;
    }
  if (!pecan_import_writer_insert_line (self, row, &ids, currency, error))
    return FALSE;
  pecan_import_writer_add_to_rollups (self, row, &ids, currency);
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
  pecan_import_bind_text (stmt, 1, self->info->file_name);
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
  self->started = g_get_monotonic_time ();
  self->info = info;
  self->display_name = display_name;
  self->dry_run = dry_run;
  self->category = g_string_sized_new (64);
  self->coverage = g_new0 (CoverageSlot, COVERAGE_SLOTS);
  self->daily = g_hash_table_new_full (pecan_import_rollup_hash, pecan_import_rollup_equal,
                                       g_free, NULL);
  self->monthly = g_hash_table_new_full (pecan_import_rollup_hash, pecan_import_rollup_equal,
                                         g_free, NULL);
  self->customers_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stale_months = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->customer_months = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->last_customer_month = -1;
  self->periods = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->last_day = G_MININT32;
  self->last_period = -1;
  info->first_day = info->last_day = G_MININT32;

  if (dry_run)
    return g_steal_pointer (&self);
  if (!pecan_import_writer_prepare_inserts (self, error)
      || !pecan_import_writer_prepare_upserts (self, error)
      || !pecan_store_exec (store, "BEGIN IMMEDIATE", error))
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
  if (!writer->dry_run && !pecan_import_writer_flush_lines (writer, error))
    return FALSE;
  if (!record_skips (writer, chunk, error))
    return FALSE;
  if (g_hash_table_size (writer->monthly) >= MONTHLY_FLUSH_AT)
    return pecan_import_writer_rollup_flush (writer, error);
  if (g_hash_table_size (writer->daily) >= DAILY_FLUSH_AT)
    return pecan_import_writer_rollup_flush_daily (writer, error);
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
                 _("No line of “%s” could be read: all %llu were skipped. "
                   "Check that this is the right file."),
                 self->display_name, (unsigned long long) self->info->skipped);
  else
    g_set_error (error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_EMPTY,
                 _("“%s” has column names but no usage lines (line 2 is missing): nothing to "
                   "import. Download the file again for a period with usage."),
                 self->display_name);
  return FALSE;
}

/* A day, or NULL for none. */
static void
bind_day (sqlite3_stmt *stmt,
          int           index,
          gint32        day)
{
  if (day != G_MININT32)
    sqlite3_bind_int (stmt, index, day);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
update_batch (PecanImportWriter  *self,
              GError            **error)
{
  sqlite3_stmt *stmt = pecan_store_cached (self->store,
                                           "UPDATE batch SET sha256 = ?, lines = ?, skipped = ?,"
                                           " replaced = ?, kept = ?, first_day = ?, last_day = ?,"
                                           " seconds = ?, customers = ? WHERE id = ?", error);
  PecanBatchInfo *info = self->info;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, info->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, info->lines);
  sqlite3_bind_int64 (stmt, 3, info->skipped);
  sqlite3_bind_int64 (stmt, 4, info->replaced);
  sqlite3_bind_int64 (stmt, 5, info->kept);
  bind_day (stmt, 6, info->first_day);
  bind_day (stmt, 7, info->last_day);
  sqlite3_bind_double (stmt, 8, info->seconds);
  sqlite3_bind_int64 (stmt, 9, info->customers);
  sqlite3_bind_int64 (stmt, 10, self->batch_id);
  return pecan_store_step_done (self->store, stmt, error);
}

/**
 * pecan_import_writer_settle:
 * @writer: a writer that has been given every chunk
 * @error: return location for an error
 *
 * Writes the totals of the lines written; the file's hash is not needed
 * for it.
 *
 * Returns: %TRUE on success
 */
gboolean
pecan_import_writer_settle (PecanImportWriter  *writer,
                            GError            **error)
{
  if (writer->dry_run || (writer->info->lines == 0 && writer->info->kept == 0))
    return TRUE;
  return pecan_import_writer_rollup_flush (writer, error)
         && pecan_store_rebuild_months (writer->store, writer->stale_months, error)
         && pecan_store_rebuild_customer_months (writer->store, writer->customer_months, error);
}

/**
 * pecan_import_writer_commit:
 * @writer: a settled writer, its info holding the file's hash
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
  /* The history keeps how long the import took, up to its commit. */
  info->seconds = (g_get_monotonic_time () - writer->started) / (double) G_USEC_PER_SEC;
  info->duplicate_of = find_duplicate (writer);
  if (info->duplicate_of != 0 || writer->dry_run)
    {
      info->id = info->duplicate_of;
      return info->duplicate_of != 0 || check_not_empty (writer, error);
    }
  if (!check_not_empty (writer, error) || !update_batch (writer, error)
      || !pecan_store_exec (writer->store, "COMMIT", error))
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
    pecan_import_dim_cache_clear (&writer->dims[i]);
  if (writer->category != NULL)
    g_string_free (writer->category, TRUE);
  g_clear_pointer (&writer->daily, g_hash_table_unref);
  g_clear_pointer (&writer->monthly, g_hash_table_unref);
  g_clear_pointer (&writer->customers_seen, g_hash_table_unref);
  g_clear_pointer (&writer->stale_months, g_hash_table_unref);
  g_clear_pointer (&writer->customer_months, g_hash_table_unref);
  g_clear_pointer (&writer->periods, g_hash_table_unref);
  if (writer->pending != NULL)
    pecan_import_writer_drop_inserts (writer);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&writer->upsert_one[i], sqlite3_finalize);
      g_clear_pointer (&writer->upsert_many[i], sqlite3_finalize);
    }
  g_free (writer->pending);
  g_clear_object (&writer->store);
  g_free (writer->coverage);
  g_free (writer);
}
