/* pecan-importer.c: usage files into the store, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two threads share the work, as the machine has two cores at least: a
 * reading thread parses the lines, the calling thread writes them to
 * SQLite. Typing the lines (dates, amounts, PEC state) and hashing the file
 * go to whichever of them would otherwise wait. They pass a few recycled
 * chunks of lines between them, so memory stays constant whatever the
 * file's size. The whole file is one transaction: any failure rolls
 * everything back.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pecan-csv-reader.h"
#include "pecan-error.h"
#include "pecan-import-private.h"
#include "pecan-importer.h"
#include "pecan-parse.h"
#include "pecan-rules.h"

#define N_CHUNKS 6

/* Who types the lines; forced only by the tests, which check both ways. */
typedef enum
{
  TYPING_SHARED,
  TYPING_READER,
  TYPING_WRITER,
} Typing;

typedef struct
{
  PecanCsvReader          *reader;
  PecanFormat              format;
  PecanImportFlags         flags;
  int                      default_rate;
  Typing                   typing;
  GAsyncQueue             *full;
  GAsyncQueue             *empty;
  PecanChunk              *chunk;
  PecanChunk              *chunks[N_CHUNKS];
  gint                     stop;
  GCancellable            *cancellable;
  gint64                   started;
  gint64                   waited;           /* the writer waiting for lines */
  PecanImportProgressFunc  progress_func;
  gpointer                 progress_data;
} Import;

static PecanChunk *
chunk_new (void)
{
  PecanChunk *chunk = g_new0 (PecanChunk, 1);

  chunk->text.size = 1024 * 1024;
  chunk->text.data = g_malloc (chunk->text.size);
  chunk->skips = g_ptr_array_new_with_free_func (g_free);
  return chunk;
}

static void
chunk_reset (PecanChunk *chunk)
{
  chunk->n_rows = 0;
  chunk->text.len = 0;
  chunk->typed = FALSE;
  chunk->last = FALSE;
  g_ptr_array_set_size (chunk->skips, 0);
  g_clear_error (&chunk->error);
}

static void
chunk_free (PecanChunk *chunk)
{
  if (chunk == NULL)
    return;
  g_free (chunk->text.data);
  g_ptr_array_unref (chunk->skips);
  g_clear_error (&chunk->error);
  g_free (chunk);
}

/* Typing the lines is work either thread can do: this one does it while the
 * writing thread has lines waiting, and leaves it to the writing thread
 * when that one would otherwise wait. */
static void
push_chunk (Import *import)
{
  g_async_queue_push (import->full, import->chunk);
  import->chunk = g_async_queue_pop (import->empty);
  pecan_csv_reader_set_text (import->reader, &import->chunk->text);
  import->chunk->typed = import->typing == TYPING_READER
                         || (import->typing == TYPING_SHARED
                             && g_async_queue_length (import->full) > 1);
}

static gboolean
header_cb (PecanCsvReader     *reader,
           const char * const *names,
           guint               n_names,
           gpointer            user_data,
           GError            **error)
{
  Import *import = user_data;

  if (!pecan_format_recognise (&import->format, names, n_names,
                               pecan_csv_reader_get_name (reader), error))
    return FALSE;
  pecan_csv_reader_select (reader, import->format.column, PECAN_N_FIELDS);
  return TRUE;
}

static gboolean
bad_value (Import                *import,
           const PecanChunk      *chunk,
           const PecanParsedRow  *row,
           PecanField             field,
           const char            *expected,
           GError               **error)
{
  int column = import->format.column[field];
  g_autofree char *value = g_utf8_make_valid (pecan_chunk_text (chunk, row, field),
                                              MIN (row->len[field], 64));

  g_set_error (error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_BAD_VALUE,
               /* Translators: line 5 of “file.csv”, column “BillingPreTaxTotal” (37):
                * “12.3.4” is not ... */
               _("Line %llu of “%s”, column “%s” (%d): “%s” is not %s. "
                 "Correct the file, or import it skipping bad lines to leave this line out."),
               (unsigned long long) row->line, pecan_csv_reader_get_name (import->reader),
               pecan_csv_reader_get_column (import->reader, column), column + 1, value, expected);
  return FALSE;
}

static gboolean
parse_amount (Import            *import,
              const PecanChunk  *chunk,
              PecanParsedRow    *row,
              PecanField         field,
              gboolean           required,
              gint64            *out,
              GError           **error)
{
  const char *text = pecan_chunk_text (chunk, row, field);
  PecanParseResult r;

  if (import->format.column[field] < 0)
    return !required;
  r = pecan_parse_nano (text, row->len[field], pecan_csv_reader_get_decimal_mark (import->reader),
                        out);
  if (r == PECAN_PARSE_OK || (r == PECAN_PARSE_EMPTY && !required))
    return TRUE;
  return bad_value (import, chunk, row, field,
                    _("an amount (a number such as 12.34 or 1.5E-05)"), error);
}

static gboolean
require_text (Import            *import,
              const PecanChunk  *chunk,
              PecanParsedRow    *row,
              PecanField         field,
              const char        *expected,
              GError           **error)
{
  if (row->len[field] > 0)
    return TRUE;
  return bad_value (import, chunk, row, field, expected, error);
}

#define TEXT(field) pecan_chunk_text (chunk, row, PECAN_FIELD_##field)

static gboolean
parse_pec (Import            *import,
           const PecanChunk  *chunk,
           PecanParsedRow    *row,
           GError           **error)
{
  gint64 nano = 0;

  switch (import->format.layout)
    {
    case PECAN_LAYOUT_INVOICE:
      row->pec_centi = pecan_rules_parse_adjustment (TEXT (PRICE_ADJUSTMENT));
      return TRUE;
    case PECAN_LAYOUT_COST_EXPORT:
      row->pec_centi = 0;
      if (!import->format.pec_known || !pecan_rules_parse_flag (TEXT (PEC_APPLIED)))
        return TRUE;
      if (!parse_amount (import, chunk, row, PECAN_FIELD_PEC_RATE, FALSE, &nano, error))
        return FALSE;
      row->pec_centi = nano > 0 ? pecan_rules_percent_to_centi (nano, TRUE)
                                : import->default_rate * 100;
      return TRUE;
    case PECAN_LAYOUT_DAILY:
      if (import->format.column[PECAN_FIELD_PEC_PERCENT] >= 0)
        {
          if (!parse_amount (import, chunk, row, PECAN_FIELD_PEC_PERCENT, FALSE, &nano, error))
            return FALSE;
          row->pec_centi = pecan_rules_percent_to_centi (nano, FALSE);
        }
      else
        {
          if (!parse_amount (import, chunk, row, PECAN_FIELD_PEC_RATE, FALSE, &nano, error))
            return FALSE;
          row->pec_centi = pecan_rules_percent_to_centi (nano, TRUE);
        }
      return TRUE;
    case PECAN_LAYOUT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }
}

static void
classify (Import            *import,
          const PecanChunk  *chunk,
          PecanParsedRow    *row)
{
  PecanRuleInput input = {
    .product_name = TEXT (PRODUCT_NAME),
    .sku_name = TEXT (SKU_NAME),
    .meter_name = TEXT (METER_NAME),
    .publisher_name = TEXT (PUBLISHER_NAME),
    .publisher_type = TEXT (PUBLISHER_TYPE),
    .benefit_type = TEXT (BENEFIT_TYPE),
    .benefit_order_id = TEXT (BENEFIT_ORDER_ID),
    .reservation_order_id = TEXT (RESERVATION_ORDER_ID),
    .pricing_model = TEXT (PRICING_MODEL),
    .charge_type = TEXT (CHARGE_TYPE),
    .credit_type = TEXT (CREDIT_TYPE),
    .pec_centi = row->pec_centi,
    .pec_known = import->format.pec_known,
  };
  PecanIneligible reason;

  row->state = pecan_rules_classify (&input, &reason);
  row->reason = reason;
}

/* Identifiers are GUIDs that Excel or a script may have upper-cased. */
static void
lower_identifier (PecanChunk     *chunk,
                  PecanParsedRow *row,
                  PecanField      field)
{
  if (row->text[field] != PECAN_NO_TEXT)
    for (char *p = chunk->text.data + row->base + row->text[field]; *p; p++)
      if (*p >= 'A' && *p <= 'Z')
        *p += 'a' - 'A';
}

/* Types a stored line in place: its dates, amounts and PEC state. */
static gboolean
type_row (Import          *import,
          PecanChunk      *chunk,
          PecanParsedRow  *row,
          GError         **error)
{
  PecanLayout layout = import->format.layout;
  PecanField date = layout == PECAN_LAYOUT_INVOICE ? PECAN_FIELD_CHARGE_START
                                                   : PECAN_FIELD_USAGE_DATE;
  if (pecan_parse_day (pecan_chunk_text (chunk, row, date), row->len[date], &row->day)
      != PECAN_PARSE_OK)
    return bad_value (import, chunk, row, date, _("a date (such as 01/31/2026 or 2026-01-31)"),
                      error);
  if (layout == PECAN_LAYOUT_INVOICE)
    {
      /* Invoice lines are monthly: they belong to their charge period's month. */
      int year, month, mday;
      pecan_day_to_ymd (row->day, &year, &month, &mday);
      row->day = pecan_day_from_ymd (year, month, 1);
    }
  if (!require_text (import, chunk, row, PECAN_FIELD_CUSTOMER_ID, _("a customer tenant ID"), error)
      || !require_text (import, chunk, row, PECAN_FIELD_SUBSCRIPTION_ID, _("a subscription ID"),
                        error)
      || !require_text (import, chunk, row, PECAN_FIELD_CURRENCY,
                        _("a currency code such as EUR"), error)
      || !parse_amount (import, chunk, row, PECAN_FIELD_BILLED, TRUE, &row->billed, error))
    return FALSE;

  row->has_quantity = row->len[PECAN_FIELD_QUANTITY] > 0;
  row->has_unit_price = row->len[PECAN_FIELD_UNIT_PRICE] > 0;
  row->has_effective_price = row->len[PECAN_FIELD_EFFECTIVE_PRICE] > 0;
  if (!parse_amount (import, chunk, row, PECAN_FIELD_QUANTITY, FALSE, &row->quantity, error)
      || !parse_amount (import, chunk, row, PECAN_FIELD_UNIT_PRICE, FALSE, &row->unit_price,
                        error)
      || !parse_amount (import, chunk, row, PECAN_FIELD_EFFECTIVE_PRICE, FALSE,
                        &row->effective_price, error)
      || !parse_pec (import, chunk, row, error))
    return FALSE;

  classify (import, chunk, row);
  row->family = layout == PECAN_LAYOUT_INVOICE ? PECAN_FAMILY_INVOICE : PECAN_FAMILY_DAILY;
  row->invoiced = layout == PECAN_LAYOUT_INVOICE || row->len[PECAN_FIELD_INVOICE_NUMBER] > 0;
  lower_identifier (chunk, row, PECAN_FIELD_CUSTOMER_ID);
  lower_identifier (chunk, row, PECAN_FIELD_SUBSCRIPTION_ID);
  lower_identifier (chunk, row, PECAN_FIELD_PLAN_ID);
  return TRUE;
}
#undef TEXT

/* The reader put the line's text in the chunk's already. */
static void
store_row (const PecanCsvRow *row,
           PecanParsedRow    *out)
{
  out->line = row->line;
  out->base = row->start;
  memcpy (out->text, row->offset, sizeof out->text);
  memcpy (out->len, row->len, sizeof out->len);
}

static void
add_skip (PecanChunk   *chunk,
          guint64       line,
          const GError *error)
{
  g_ptr_array_add (chunk->skips, g_strdup_printf ("%" G_GUINT64_FORMAT "\t%s", line,
                                                  error->message));
}

/* Types the lines of a chunk that the reading thread left untyped; a bad
 * line is left out in the skip-bad-rows mode. */
static gboolean
type_chunk (Import      *import,
            PecanChunk  *chunk,
            GError     **error)
{
  guint kept = 0;

  for (guint i = 0; i < chunk->n_rows; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!type_row (import, chunk, &chunk->rows[i], &local_error))
        {
          if (!(import->flags & PECAN_IMPORT_SKIP_BAD_ROWS))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          add_skip (chunk, chunk->rows[i].line, local_error);
          continue;
        }
      if (kept != i)
        chunk->rows[kept] = chunk->rows[i];
      kept++;
    }
  chunk->n_rows = kept;
  chunk->typed = TRUE;
  return TRUE;
}

static gboolean
check_width (Import            *import,
             const PecanCsvRow *row,
             GError           **error)
{
  if (row->n_fields == import->format.n_columns)
    return TRUE;
  if (row->n_fields < import->format.n_columns)
    g_set_error (error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_FIELD_COUNT,
                 _("Line %llu of “%s” has %u fields where the header has %u "
                   "columns: it ends before column “%s” (%u). The line may be cut off; "
                   "correct it, or import the file skipping bad lines to leave it out."),
                 (unsigned long long) row->line, pecan_csv_reader_get_name (import->reader),
                 row->n_fields, import->format.n_columns,
                 pecan_csv_reader_get_column (import->reader, row->n_fields), row->n_fields + 1);
  else
    g_set_error (error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_FIELD_COUNT,
                 _("Line %llu of “%s” has %u fields where the header has %u "
                   "columns: it may hold a delimiter outside quotes. Correct it, or import "
                   "the file skipping bad lines to leave it out."),
                 (unsigned long long) row->line, pecan_csv_reader_get_name (import->reader),
                 row->n_fields, import->format.n_columns);
  return FALSE;
}

static gboolean
row_cb (PecanCsvReader     *reader,
        const PecanCsvRow  *row,
        gpointer            user_data,
        GError            **error)
{
  Import *import = user_data;
  PecanChunk *chunk = import->chunk;
  PecanParsedRow *out = &chunk->rows[chunk->n_rows];
  g_autoptr(GError) local_error = NULL;

  if (g_atomic_int_get (&import->stop))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
      return FALSE;
    }
  if (check_width (import, row, &local_error))
    {
      store_row (row, out);
      if (!chunk->typed || type_row (import, chunk, out, &local_error))
        {
          if (++chunk->n_rows == PECAN_CHUNK_ROWS)
            push_chunk (import);
          return TRUE;
        }
    }
  chunk->text.len = row->start;
  if (!(import->flags & PECAN_IMPORT_SKIP_BAD_ROWS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  add_skip (chunk, row->line, local_error);
  return TRUE;
}

static void
progress_cb (guint64  bytes_read,
             guint64  lines,
             gpointer user_data)
{
  Import *import = user_data;
  PecanImportProgress progress = {
    bytes_read, pecan_csv_reader_get_size (import->reader), lines
  };

  if (import->progress_func != NULL)
    import->progress_func (&progress, import->progress_data);
}

static gpointer
read_thread (gpointer data)
{
  Import *import = data;
  GError *error = NULL;

  pecan_csv_reader_set_progress (import->reader, progress_cb, import);
  if (!pecan_csv_reader_run (import->reader, header_cb, row_cb, import, import->cancellable, &error)
      && g_error_matches (error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_TRUNCATED)
      && (import->flags & PECAN_IMPORT_SKIP_BAD_ROWS))
    {
      /* A cut-off last line is one more bad line to leave out. */
      g_ptr_array_add (import->chunk->skips,
                       g_strdup_printf ("%" G_GUINT64_FORMAT "\t%s",
                                        pecan_csv_reader_get_line (import->reader),
                                        error->message));
      g_clear_error (&error);
    }
  g_debug ("read %s in %.3f s", pecan_csv_reader_get_name (import->reader),
           (g_get_monotonic_time () - import->started) / (double) G_USEC_PER_SEC);
  import->chunk->last = TRUE;
  import->chunk->error = error;
  g_async_queue_push (import->full, import->chunk);
  import->chunk = NULL;
  /* The writing thread has the last lines: this one is free to finish
   * the file's hash meanwhile. */
  while (error == NULL && !g_atomic_int_get (&import->stop)
         && pecan_csv_reader_hash_step (import->reader, TRUE))
    ;
  return NULL;
}

static void
describe_file (PecanBatchInfo *info,
               Import         *import,
               GFile          *file)
{
  char delimiter = pecan_csv_reader_get_delimiter (import->reader);

  info->file_name = g_file_get_basename (file);
  info->file_size = pecan_csv_reader_get_size (import->reader);
  info->layout = import->format.layout;
  info->pec_known = import->format.pec_known;
  info->encoding = g_strdup (pecan_csv_reader_get_encoding (import->reader));
  info->delimiter = delimiter != 0 ? delimiter : ',';
}

/* The next chunk of lines. While the writing keeps up with the reading
 * (a chunk waits, at most), the blocks read are hashed first: else the
 * reading thread, which sets the pace then, would hash them itself to free
 * their place. While there is no chunk yet, the file is hashed too. */
static PecanChunk *
next_chunk (Import *import)
{
  PecanChunk *chunk;

  while (g_async_queue_length (import->full) <= 1 && !g_atomic_int_get (&import->stop)
         && pecan_csv_reader_hash_step (import->reader, FALSE))
    ;
  while ((chunk = g_async_queue_try_pop (import->full)) == NULL)
    if (g_atomic_int_get (&import->stop) || !pecan_csv_reader_hash_step (import->reader, FALSE))
      return g_async_queue_pop (import->full);
  return chunk;
}

/* Writes every chunk the reading thread hands over, until its last one.
 * After a failure the chunks are still taken, and dropped, so that the
 * reading thread never waits for ever. */
static gboolean
write_chunks (Import          *import,
              PecanStore      *store,
              GFile           *file,
              PecanBatchInfo  *info,
              GError         **error)
{
  g_autoptr(PecanImportWriter) writer = NULL;
  gboolean dry_run = (import->flags & PECAN_IMPORT_DRY_RUN) != 0;
  gboolean ok = TRUE;
  gboolean last = FALSE;

  while (!last)
    {
      gint64 before = g_get_monotonic_time ();
      PecanChunk *chunk = next_chunk (import);

      import->waited += g_get_monotonic_time () - before;
      last = chunk->last;
      if (ok && chunk->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&chunk->error));
          ok = FALSE;
        }
      if (ok && writer == NULL)
        describe_file (info, import, file);
      if (ok && writer == NULL)
        ok = (writer = pecan_import_writer_begin (store, &import->format, info,
                                                  pecan_csv_reader_get_name (import->reader),
                                                  dry_run, error)) != NULL;
      if (ok)
        ok = !g_cancellable_set_error_if_cancelled (import->cancellable, error)
             && (chunk->typed || type_chunk (import, chunk, error))
             && pecan_import_writer_add (writer, chunk, error);
      if (!ok)
        g_atomic_int_set (&import->stop, 1);
      chunk_reset (chunk);
      g_async_queue_push (import->empty, chunk);
    }
  /* The totals are settled while the reading thread finishes the hash. */
  if (!ok || !pecan_import_writer_settle (writer, error))
    return FALSE;
  info->sha256 = pecan_csv_reader_get_sha256 (import->reader);
  return pecan_import_writer_commit (writer, error);
}

static void
import_clear (Import *import)
{
  for (guint i = 0; i < N_CHUNKS; i++)
    chunk_free (import->chunks[i]);
  g_clear_pointer (&import->full, g_async_queue_unref);
  g_clear_pointer (&import->empty, g_async_queue_unref);
  g_clear_pointer (&import->reader, pecan_csv_reader_free);
}

/* A file of the size of an earlier import may be that import again: then
 * its hash, taken before anything is parsed or written, finds the batch
 * that holds it, and a file already imported takes one read, not a whole
 * import rolled back. The reader is used up when there are candidates.
 * Returns the batch, or 0 (with @error set on a failure to read). */
static gint64
find_earlier_import (PecanStore      *store,
                     PecanCsvReader  *reader,
                     GCancellable    *cancellable,
                     gboolean        *used_up,
                     GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = pecan_store_prepare (store, "SELECT id, sha256 FROM batch"
                                                      " WHERE file_size = ?1", NULL);
  g_autoptr(GHashTable) candidates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            NULL);
  g_autofree char *sha256 = NULL;

  *used_up = FALSE;
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, pecan_csv_reader_get_size (reader));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (candidates, g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                         GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 0)));
  if (g_hash_table_size (candidates) == 0)
    return 0;
  *used_up = TRUE;
  if (!pecan_csv_reader_hash_to_end (reader, cancellable, error))
    return 0;
  sha256 = pecan_csv_reader_get_sha256 (reader);
  return GPOINTER_TO_SIZE (g_hash_table_lookup (candidates, sha256));
}

/**
 * pecan_import_file:
 * @store: the database to import into
 * @file: a usage file
 * @flags: how to import
 * @progress_func: (nullable) (scope call): called after every block read,
 *   from the reading thread
 * @progress_data: for @progress_func
 * @cancellable: (nullable): stops the import, which then keeps nothing
 * @error: return location for a #PECAN_IMPORT_ERROR, #PECAN_STORE_ERROR or
 *   #G_IO_ERROR
 *
 * Imports @file in one transaction: all of it, or (on any error) nothing.
 * A file that is already imported changes nothing: the returned batch says
 * which one holds it.
 *
 * Returns: (transfer full): what was imported, or %NULL with @error set
 */
PecanBatch *
pecan_import_file (PecanStore               *store,
                   GFile                    *file,
                   PecanImportFlags          flags,
                   PecanImportProgressFunc   progress_func,
                   gpointer                  progress_data,
                   GCancellable             *cancellable,
                   GError                  **error)
{
  Import import = { 0 };
  PecanBatchInfo info = { 0 };
  GThread *thread;
  gboolean ok;
  gint64 started = g_get_monotonic_time ();
  PecanBatch *batch = NULL;
  gboolean used_up;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PECAN_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  import.reader = pecan_csv_reader_open (file, error);
  if (import.reader == NULL)
    return NULL;
  info.duplicate_of = find_earlier_import (store, import.reader, cancellable, &used_up,
                                           &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      pecan_csv_reader_free (import.reader);
      return NULL;
    }
  if (info.duplicate_of != 0)
    {
      info.id = info.duplicate_of;
      info.file_name = g_file_get_basename (file);
      info.file_size = pecan_csv_reader_get_size (import.reader);
      info.sha256 = pecan_csv_reader_get_sha256 (import.reader);
      info.first_day = info.last_day = G_MININT32;
      batch = pecan_batch_new (&info);
      pecan_batch_info_clear (&info);
      pecan_csv_reader_free (import.reader);
      return batch;
    }
  if (used_up)
    {
      pecan_csv_reader_free (import.reader);
      import.reader = pecan_csv_reader_open (file, error);
      if (import.reader == NULL)
        return NULL;
    }
  import.flags = flags;
  import.default_rate = pecan_store_get_pec_rate (store);
  import.cancellable = cancellable;
  import.started = started;
  import.progress_func = progress_func;
  import.progress_data = progress_data;
  import.full = g_async_queue_new ();
  import.empty = g_async_queue_new ();
  for (guint i = 0; i < N_CHUNKS; i++)
    {
      import.chunks[i] = chunk_new ();
      if (i > 0)
        g_async_queue_push (import.empty, import.chunks[i]);
    }
  import.chunk = import.chunks[0];
  pecan_csv_reader_set_text (import.reader, &import.chunk->text);
  if (g_strcmp0 (g_getenv ("PECAN_IMPORT_TYPING"), "reader") == 0)
    import.typing = TYPING_READER;
  else if (g_strcmp0 (g_getenv ("PECAN_IMPORT_TYPING"), "writer") == 0)
    import.typing = TYPING_WRITER;
  import.chunk->typed = import.typing == TYPING_READER;

  thread = g_thread_new ("pecan-import-read", read_thread, &import);
  ok = write_chunks (&import, store, file, &info, error);
  g_thread_join (thread);
  g_debug ("wrote %s in %.3f s, of which %.3f s waiting for lines",
           g_file_peek_path (file), (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC,
           import.waited / (double) G_USEC_PER_SEC);

  if (ok)
    {
      info.seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
      batch = pecan_batch_new (&info);
    }
  pecan_batch_info_clear (&info);
  import_clear (&import);
  return batch;
}

/**
 * pecan_import_error_can_skip:
 * @error: an import's error
 *
 * Returns: whether importing again with %PECAN_IMPORT_SKIP_BAD_ROWS would
 *   import the file's other lines: the error is one bad line
 */
gboolean
pecan_import_error_can_skip (const GError *error)
{
  return g_error_matches (error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_BAD_VALUE)
         || g_error_matches (error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_FIELD_COUNT);
}

typedef struct
{
  char                    *database_path;
  GFile                   *file;
  PecanImportFlags         flags;
  PecanImportProgressFunc  progress_func;
  gpointer                 progress_data;
} ImportTaskData;

static void
import_task_data_free (ImportTaskData *data)
{
  g_free (data->database_path);
  g_clear_object (&data->file);
  g_free (data);
}

static void
import_task_run (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ImportTaskData *data = task_data;
  g_autoptr(PecanStore) store = NULL;
  GError *error = NULL;
  PecanBatch *batch;

  store = pecan_store_open (data->database_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  batch = pecan_import_file (store, data->file, data->flags, data->progress_func,
                             data->progress_data, cancellable, &error);
  if (batch == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, batch, g_object_unref);
}

/**
 * pecan_import_file_async:
 * @database_path: the database; the import opens its own connection to it
 * @file: a usage file
 * @flags: how to import
 * @progress_func: (nullable): called from the worker threads
 * @progress_data: for @progress_func; must outlive the import
 * @cancellable: (nullable): stops the import, which then keeps nothing
 * @callback: called in the calling thread's main context when done
 * @user_data: for @callback
 *
 * Imports @file on a worker thread; see pecan_import_file().
 */
void
pecan_import_file_async (const char               *database_path,
                         GFile                    *file,
                         PecanImportFlags          flags,
                         PecanImportProgressFunc   progress_func,
                         gpointer                  progress_data,
                         GCancellable             *cancellable,
                         GAsyncReadyCallback       callback,
                         gpointer                  user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ImportTaskData *data = g_new0 (ImportTaskData, 1);

  data->database_path = g_strdup (database_path);
  data->file = g_object_ref (file);
  data->flags = flags;
  data->progress_func = progress_func;
  data->progress_data = progress_data;
  g_task_set_source_tag (task, pecan_import_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_task_data_free);
  g_task_run_in_thread (task, import_task_run);
}

/**
 * pecan_import_file_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full): what was imported, or %NULL with @error set
 */
PecanBatch *
pecan_import_file_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
