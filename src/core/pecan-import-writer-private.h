/* pecan-import-writer-private.h: the import writer's state, for its pieces only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writer is split by concern across pecan-import-writer.c, -dimensions.c,
 * -coverage.c, -lines.c and -rollups.c; only they include this header. The
 * reading thread sees the writer through pecan-import-private.h alone.
 */
#pragma once

#include "pecan-import-private.h"

G_BEGIN_DECLS

#define COVERAGE_SLOTS (1 << 16)

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

typedef struct _DimEntry DimEntry;

typedef struct
{
  guint64   hash;
  DimEntry *entry;
} DimSlot;

typedef struct
{
  DimSlot   *slots;         /* key -> id */
  guint      size;
  guint      n;
  DimEntry  *last;          /* lines often repeat the previous line's key */
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
  gint64             started;        /* monotonic time, for the batch's seconds */
  PecanBatchInfo    *info;
  const char        *display_name;
  gboolean           dry_run;
  gboolean           in_transaction;
  gint64             batch_id;
  DimCache           dims[N_DIMS];
  GString           *category;
  CoverageSlot      *coverage;
  GHashTable        *daily;
  GHashTable        *monthly;
  RollupEntry       *last_daily;
  RollupEntry       *last_monthly;
  GHashTable        *customers_seen;
  const char        *last_customer_seen;
  GHashTable        *stale_months;     /* lost lines to a replacement: sum again */
  GHashTable        *customer_months;  /* customer << 32 | month this import changed */
  gint64             last_customer_month;
  GHashTable        *periods;          /* customer << 32 | month: unbilled lines welcome */
  gint64             last_period;
  gboolean           last_period_invoiced;
  gboolean           last_period_accept;
  gint32             last_day;
  int                last_month;
  sqlite3_stmt      *insert_lines;     /* from the pending lines */
  sqlite3_stmt      *upsert_one[2];    /* the daily, then the monthly rollup */
  sqlite3_stmt      *upsert_many[2];
  PendingLine       *pending;
  guint              n_pending;
};

/* pecan-import-dimensions.c */
void     pecan_import_bind_text          (sqlite3_stmt          *stmt,
                                          int                    index,
                                          const char            *text);
void     pecan_import_dim_cache_clear    (DimCache              *cache);
gboolean pecan_import_writer_resolve_ids (PecanImportWriter     *self,
                                          const PecanChunk      *chunk,
                                          const PecanParsedRow  *row,
                                          RowIds                *ids,
                                          GError               **error);

/* pecan-import-coverage.c */
gboolean pecan_import_writer_check_billing_period (PecanImportWriter     *self,
                                                   const PecanParsedRow  *row,
                                                   const RowIds          *ids,
                                                   gboolean              *accept,
                                                   GError               **error);
gboolean pecan_import_writer_claim_coverage       (PecanImportWriter     *self,
                                                   const PecanParsedRow  *row,
                                                   const RowIds          *ids,
                                                   gboolean              *accept,
                                                   GError               **error);

/* pecan-import-lines.c */
gboolean pecan_import_writer_prepare_inserts (PecanImportWriter     *self,
                                              GError               **error);
gboolean pecan_import_writer_insert_line     (PecanImportWriter     *self,
                                              const PecanParsedRow  *row,
                                              const RowIds          *ids,
                                              const char            *currency,
                                              GError               **error);
gboolean pecan_import_writer_flush_lines     (PecanImportWriter     *self,
                                              GError               **error);
void     pecan_import_writer_drop_inserts    (PecanImportWriter     *self);

/* pecan-import-rollups.c */
guint    pecan_import_rollup_hash           (gconstpointer          data);
gboolean pecan_import_rollup_equal          (gconstpointer          a,
                                             gconstpointer          b);
void     pecan_import_writer_add_to_rollups (PecanImportWriter     *self,
                                             const PecanParsedRow  *row,
                                             const RowIds          *ids,
                                             const char            *currency);
gboolean pecan_import_writer_prepare_upserts (PecanImportWriter    *self,
                                              GError              **error);
gboolean pecan_import_writer_rollup_flush   (PecanImportWriter     *self,
                                             GError               **error);
gboolean pecan_import_writer_rollup_flush_daily (PecanImportWriter *self,
                                                 GError           **error);

G_END_DECLS
