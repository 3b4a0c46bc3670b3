/* pecan-import-lines.c: the import's usage lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lines wait in the writer until the chunk they point into is done, and
 * go into the table many rows to a statement.
 */
#include "config.h"

#include <string.h>

#include "pecan-import-writer-private.h"

#define LINES_PER_INSERT 16
#define LINE_COLUMNS 17

void
pecan_import_bind_amount (sqlite3_stmt *stmt,
                          int           index,
                          gboolean      present,
                          gint64        value)
{
  if (present)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

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
  pecan_import_bind_id_or_null (stmt, base + 8, p->ids.resource);
  sqlite3_bind_text (stmt, base + 9, p->currency, -1, SQLITE_STATIC);
  pecan_import_bind_amount (stmt, base + 10, row->has_quantity, row->quantity);
  pecan_import_bind_amount (stmt, base + 11, row->has_unit_price, row->unit_price);
  pecan_import_bind_amount (stmt, base + 12, row->has_effective_price, row->effective_price);
  sqlite3_bind_int64 (stmt, base + 13, row->billed);
  sqlite3_bind_int (stmt, base + 14, row->pec_centi);
  sqlite3_bind_int (stmt, base + 15, row->state);
  sqlite3_bind_int (stmt, base + 16, row->reason);
  sqlite3_bind_int (stmt, base + 17, row->invoiced);
}

gboolean
pecan_import_writer_flush_lines (PecanImportWriter  *self,
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
  g_autofree char *one = insert_lines_sql (1);
  g_autofree char *many = insert_lines_sql (LINES_PER_INSERT);

  self->pending = g_new (PendingLine, PECAN_CHUNK_ROWS);
  self->insert_one = pecan_store_prepare (self->store, one, error);
  self->insert_many = self->insert_one ? pecan_store_prepare (self->store, many, error) : NULL;
  return self->insert_many != NULL;
}
