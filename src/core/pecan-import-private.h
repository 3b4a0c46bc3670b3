/* pecan-import-private.h: what the reading thread hands the writing one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pecan-batch.h"
#include "pecan-csv-reader.h"
#include "pecan-format.h"
#include "pecan-store-private.h"

G_BEGIN_DECLS

#define PECAN_CHUNK_ROWS 2048
#define PECAN_NO_TEXT PECAN_CSV_NO_FIELD

/* One line, typed and classified; its text lies in the chunk's text. */
typedef struct
{
  guint64 line;
  gint64  billed;
  gint64  quantity;
  gint64  unit_price;
  gint64  effective_price;
  gint32  day;
  gint32  pec_centi;
  guint8  state;
  guint8  reason;
  guint8  invoiced;
  guint8  family;
  guint8  has_quantity : 1;
  guint8  has_unit_price : 1;
  guint8  has_effective_price : 1;
  gsize   base;                          /* where its text starts in the chunk's */
  guint32 text[PECAN_N_FIELDS];          /* offsets from base, or PECAN_NO_TEXT */
  guint32 len[PECAN_N_FIELDS];           /* in bytes: a NUL inside is not its end */
} PecanParsedRow;

typedef struct
{
  PecanParsedRow rows[PECAN_CHUNK_ROWS];
  guint          n_rows;
  PecanCsvText   text;                   /* its lines', as the reader put them */
  GPtrArray     *skips;                  /* "line\treason" of skipped lines */
  gboolean       typed;                  /* its lines are typed, not text only */
  gboolean       last;                   /* the reading is over */
  GError        *error;                  /* ... and failed */
} PecanChunk;

static inline const char *
pecan_chunk_text (const PecanChunk     *chunk,
                  const PecanParsedRow *row,
                  PecanField            field)
{
  return row->text[field] == PECAN_NO_TEXT ? "" : chunk->text.data + row->base + row->text[field];
}

typedef struct _PecanImportWriter PecanImportWriter;

PecanImportWriter *pecan_import_writer_begin  (PecanStore         *store,
                                               const PecanFormat  *format,
                                               PecanBatchInfo     *info,
                                               const char         *display_name,
                                               gboolean            dry_run,
                                               GError            **error);
gboolean           pecan_import_writer_add    (PecanImportWriter  *writer,
                                               const PecanChunk   *chunk,
                                               GError            **error);
gboolean           pecan_import_writer_settle (PecanImportWriter  *writer,
                                               GError            **error);
gboolean           pecan_import_writer_commit (PecanImportWriter  *writer,
                                               GError            **error);
void               pecan_import_writer_free   (PecanImportWriter  *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PecanImportWriter, pecan_import_writer_free)

G_END_DECLS
