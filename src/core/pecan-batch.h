/* pecan-batch.h: one imported file, as the history lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pecan-format.h"

G_BEGIN_DECLS

#define PECAN_TYPE_BATCH (pecan_batch_get_type ())

G_DECLARE_FINAL_TYPE (PecanBatch, pecan_batch, PECAN, BATCH, GObject)

/* What an import did, and what the history keeps of it. */
typedef struct
{
  gint64       id;               /* 0 for a dry run */
  char        *file_name;
  guint64      file_size;
  char        *sha256;
  PecanLayout  layout;
  char        *encoding;
  char         delimiter;
  gboolean     pec_known;
  guint64      lines;            /* lines imported */
  guint64      skipped;          /* bad lines skipped (skip-bad-rows mode) */
  guint64      replaced;         /* older lines this import replaced */
  guint64      kept;             /* lines not used: billed data of the same days exists */
  gint32       first_day;        /* the usage days covered, or G_MININT32 */
  gint32       last_day;
  guint        customers;
  char        *imported_at;      /* ISO 8601, UTC */
  double       seconds;
  gint64       duplicate_of;     /* the batch that already holds this file, or 0 */
} PecanBatchInfo;

PecanBatch           *pecan_batch_new        (const PecanBatchInfo *info);
const PecanBatchInfo *pecan_batch_get_info   (PecanBatch           *self);
gint64                pecan_batch_get_id     (PecanBatch           *self);
const char           *pecan_batch_get_file_name (PecanBatch        *self);
gboolean              pecan_batch_is_duplicate (PecanBatch         *self);

void                  pecan_batch_info_clear (PecanBatchInfo       *info);

G_END_DECLS
