/* pecan-batch.c: one imported file, as the history lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pecan-batch.h"

struct _PecanBatch
{
  GObject        parent_instance;
  PecanBatchInfo info;
};

G_DEFINE_FINAL_TYPE (PecanBatch, pecan_batch, G_TYPE_OBJECT)

static void
pecan_batch_finalize (GObject *object)
{
  pecan_batch_info_clear (&PECAN_BATCH (object)->info);
  G_OBJECT_CLASS (pecan_batch_parent_class)->finalize (object);
}

static void
pecan_batch_class_init (PecanBatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pecan_batch_finalize;
}

static void
pecan_batch_init (PecanBatch *self)
{
}

/**
 * pecan_batch_new:
 * @info: what the import did; copied
 *
 * Returns: (transfer full): a new batch
 */
PecanBatch *
pecan_batch_new (const PecanBatchInfo *info)
{
  PecanBatch *self = g_object_new (PECAN_TYPE_BATCH, NULL);

  self->info = *info;
  self->info.file_name = g_strdup (info->file_name);
  self->info.sha256 = g_strdup (info->sha256);
  self->info.encoding = g_strdup (info->encoding);
  self->info.imported_at = g_strdup (info->imported_at);
  return self;
}

void
pecan_batch_info_clear (PecanBatchInfo *info)
{
  g_clear_pointer (&info->file_name, g_free);
  g_clear_pointer (&info->sha256, g_free);
  g_clear_pointer (&info->encoding, g_free);
  g_clear_pointer (&info->imported_at, g_free);
}

const PecanBatchInfo *
pecan_batch_get_info (PecanBatch *self)
{
  g_return_val_if_fail (PECAN_IS_BATCH (self), NULL);
  return &self->info;
}

gint64
pecan_batch_get_id (PecanBatch *self)
{
  g_return_val_if_fail (PECAN_IS_BATCH (self), 0);
  return self->info.id;
}

const char *
pecan_batch_get_file_name (PecanBatch *self)
{
  g_return_val_if_fail (PECAN_IS_BATCH (self), NULL);
  return self->info.file_name;
}

gboolean
pecan_batch_is_duplicate (PecanBatch *self)
{
  g_return_val_if_fail (PECAN_IS_BATCH (self), FALSE);
  return self->info.duplicate_of != 0;
}
