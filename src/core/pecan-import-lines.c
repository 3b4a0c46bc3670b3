/* pecan-import-lines.c: the import's usage lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lines wait in the writer until the chunk they point into is done, and
 * go into the table a chunk to a statement.
 */
#include "config.h"

#include <string.h>

#include "pecan-import-writer-private.h"

/* The lines waiting in the writer, as a table SQLite reads from: one
 * INSERT ... SELECT writes them all. Binding seventeen values a line, and
 * stepping a statement every sixteen lines, cost about a sixth of it.
 * The table lives on the import's connection for the import's length. */
#define PENDING_MODULE "pecan_import_pending"

enum
{
  COL_BATCH, COL_LINE, COL_FAMILY, COL_DAY, COL_SUBSCRIPTION, COL_METER, COL_PRODUCT,
  COL_RESOURCE, COL_CURRENCY, COL_QUANTITY, COL_UNIT_PRICE, COL_EFFECTIVE_PRICE, COL_BILLED,
  COL_PEC_CENTI, COL_STATE, COL_REASON, COL_INVOICED,
};

#define LINE_COLUMNS_SQL \
  "batch_id, line, family, day, subscription_id, meter_id, product_id, resource_id, currency," \
  " quantity, unit_price, effective_price, billed, pec_centi, state, reason, invoiced"

typedef struct
{
  sqlite3_vtab       base;
  PecanImportWriter *writer;
} PendingTable;

typedef struct
{
  sqlite3_vtab_cursor  base;
  PecanImportWriter   *writer;
  guint                i;
} PendingCursor;

static int
pending_connect (sqlite3             *db,
                 void                *aux,
                 int                  argc,
                 const char * const  *argv,
                 sqlite3_vtab       **out,
                 char               **error)
{
  PendingTable *table;
  int rc = sqlite3_declare_vtab (db, "CREATE TABLE x (" LINE_COLUMNS_SQL ")");

  if (rc != SQLITE_OK)
    return rc;
  table = g_new0 (PendingTable, 1);
  table->writer = aux;
  *out = &table->base;
  return SQLITE_OK;
}

static int
pending_disconnect (sqlite3_vtab *table)
{
  g_free (table);
  return SQLITE_OK;
}

static int
pending_best_index (sqlite3_vtab       *table,
                    sqlite3_index_info *info)
{
  info->estimatedCost = PECAN_CHUNK_ROWS;
  info->estimatedRows = PECAN_CHUNK_ROWS;
  return SQLITE_OK;
}

static int
pending_open (sqlite3_vtab         *table,
              sqlite3_vtab_cursor **out)
{
  PendingCursor *cursor = g_new0 (PendingCursor, 1);

  cursor->writer = ((PendingTable *) table)->writer;
  *out = &cursor->base;
  return SQLITE_OK;
}

static int
pending_close (sqlite3_vtab_cursor *cursor)
{
  g_free (cursor);
  return SQLITE_OK;
}

static int
pending_filter (sqlite3_vtab_cursor  *cursor,
                int                   index,
                const char           *index_name,
                int                   argc,
                sqlite3_value       **argv)
{
  ((PendingCursor *) cursor)->i = 0;
  return SQLITE_OK;
}

static int
pending_next (sqlite3_vtab_cursor *cursor)
{
  ((PendingCursor *) cursor)->i++;
  return SQLITE_OK;
}

static int
pending_eof (sqlite3_vtab_cursor *cursor)
{
  PendingCursor *c = (PendingCursor *) cursor;

  return c->i >= c->writer->n_pending;
}

static int
pending_rowid (sqlite3_vtab_cursor *cursor,
               sqlite3_int64       *rowid)
{
  *rowid = ((PendingCursor *) cursor)->i;
  return SQLITE_OK;
}

static void
result_amount (sqlite3_context *context,
               gboolean         present,
               gint64           value)
{
  if (present)
    sqlite3_result_int64 (context, value);
}

static int
pending_column (sqlite3_vtab_cursor *cursor,
                sqlite3_context     *context,
                int                  column)
{
  PendingCursor *c = (PendingCursor *) cursor;
  const PendingLine *p = &c->writer->pending[c->i];
  const PecanParsedRow *row = p->row;

  /* A column given no result reads as NULL. */
  switch (column)
    {
    case COL_BATCH: sqlite3_result_int64 (context, c->writer->batch_id); break;
    case COL_LINE: sqlite3_result_int64 (context, row->line); break;
    case COL_FAMILY: sqlite3_result_int (context, row->family); break;
    case COL_DAY: sqlite3_result_int (context, row->day); break;
    case COL_SUBSCRIPTION: sqlite3_result_int64 (context, p->ids.subscription); break;
    case COL_METER: sqlite3_result_int64 (context, p->ids.meter); break;
    case COL_PRODUCT: sqlite3_result_int64 (context, p->ids.product); break;
    case COL_RESOURCE: result_amount (context, p->ids.resource > 0, p->ids.resource); break;
    case COL_CURRENCY: sqlite3_result_text (context, p->currency, -1, SQLITE_STATIC); break;
    case COL_QUANTITY: result_amount (context, row->has_quantity, row->quantity); break;
    case COL_UNIT_PRICE: result_amount (context, row->has_unit_price, row->unit_price); break;
    case COL_EFFECTIVE_PRICE:
      result_amount (context, row->has_effective_price, row->effective_price);
      break;
    case COL_BILLED: sqlite3_result_int64 (context, row->billed); break;
    case COL_PEC_CENTI: sqlite3_result_int (context, row->pec_centi); break;
    case COL_STATE: sqlite3_result_int (context, row->state); break;
    case COL_REASON: sqlite3_result_int (context, row->reason); break;
    case COL_INVOICED: sqlite3_result_int (context, row->invoiced); break;
    default: g_assert_not_reached ();
    }
  return SQLITE_OK;
}

/* Eponymous only: the table needs no CREATE VIRTUAL TABLE. */
static const sqlite3_module pending_module = {
  .xConnect = pending_connect,
  .xBestIndex = pending_best_index,
  .xDisconnect = pending_disconnect,
  .xOpen = pending_open,
  .xClose = pending_close,
  .xFilter = pending_filter,
  .xNext = pending_next,
  .xEof = pending_eof,
  .xColumn = pending_column,
  .xRowid = pending_rowid,
};

gboolean
pecan_import_writer_flush_lines (PecanImportWriter  *self,
                                 GError            **error)
{
  if (self->n_pending > 0 && !pecan_store_step_done (self->store, self->insert_lines, error))
    return FALSE;
  self->n_pending = 0;
  return TRUE;
}

gboolean
pecan_import_writer_insert_line (PecanImportWriter     *self,
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
    return pecan_import_writer_flush_lines (self, error);
  return TRUE;
}

gboolean
pecan_import_writer_prepare_inserts (PecanImportWriter  *self,
                                     GError            **error)
{
  sqlite3 *db = pecan_store_get_db (self->store);

  self->pending = g_new (PendingLine, PECAN_CHUNK_ROWS);
  if (sqlite3_create_module (db, PENDING_MODULE, &pending_module, self) != SQLITE_OK)
    {
      pecan_store_set_error (self->store, error);
      return FALSE;
    }
  self->insert_lines = pecan_store_prepare (self->store,
                                            "INSERT INTO usage_line (" LINE_COLUMNS_SQL ")"
                                            " SELECT * FROM " PENDING_MODULE, error);
  return self->insert_lines != NULL;
}

/* Called when the writer is freed, whether pecan_import_writer_prepare_inserts()
 * succeeded or not: the table goes once the statement reading it has. */
void
pecan_import_writer_drop_inserts (PecanImportWriter *self)
{
  g_clear_pointer (&self->insert_lines, sqlite3_finalize);
  sqlite3_create_module (pecan_store_get_db (self->store), PENDING_MODULE, NULL, NULL);
}
