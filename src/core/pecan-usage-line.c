/* pecan-usage-line.c: one imported usage line, as the Usage page shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pecan-usage-line.h"

struct _PecanUsageLine
{
  GObject            parent_instance;
  PecanUsageLineInfo info;
};

G_DEFINE_FINAL_TYPE (PecanUsageLine, pecan_usage_line, G_TYPE_OBJECT)

static void
pecan_usage_line_finalize (GObject *object)
{
  pecan_usage_line_info_clear (&PECAN_USAGE_LINE (object)->info);
  G_OBJECT_CLASS (pecan_usage_line_parent_class)->finalize (object);
}

static void
pecan_usage_line_class_init (PecanUsageLineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pecan_usage_line_finalize;
}

static void
pecan_usage_line_init (PecanUsageLine *self)
{
}

/**
 * pecan_usage_line_info_clear:
 * @info: a line
 *
 * Frees the texts of @info.
 */
void
pecan_usage_line_info_clear (PecanUsageLineInfo *info)
{
  g_clear_pointer (&info->customer_tenant, g_free);
  g_clear_pointer (&info->customer_name, g_free);
  g_clear_pointer (&info->subscription_azure_id, g_free);
  g_clear_pointer (&info->subscription_name, g_free);
  g_clear_pointer (&info->category, g_free);
  g_clear_pointer (&info->subcategory, g_free);
  g_clear_pointer (&info->meter, g_free);
  g_clear_pointer (&info->unit, g_free);
  g_clear_pointer (&info->product, g_free);
  g_clear_pointer (&info->file_name, g_free);
  g_clear_pointer (&info->currency, g_free);
}

/**
 * pecan_usage_line_new:
 * @info: the line; its texts are taken over and @info is left empty
 *
 * Pages of lines are read while the view scrolls: taking the texts
 * saves copying each of them once more.
 *
 * Returns: (transfer full): a new line
 */
PecanUsageLine *
pecan_usage_line_new (PecanUsageLineInfo *info)
{
  PecanUsageLine *self = g_object_new (PECAN_TYPE_USAGE_LINE, NULL);

  self->info = *info;
  memset (info, 0, sizeof *info);
  return self;
}

const PecanUsageLineInfo *
pecan_usage_line_get_info (PecanUsageLine *self)
{
  g_return_val_if_fail (PECAN_IS_USAGE_LINE (self), NULL);
  return &self->info;
}
