/* pecan-summary-row.c: one row of PEC figures, for one key and currency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pecan-parse.h"
#include "pecan-summary-row.h"

struct _PecanSummaryRow
{
  GObject          parent_instance;
  PecanSummaryInfo info;
};

G_DEFINE_FINAL_TYPE (PecanSummaryRow, pecan_summary_row, G_TYPE_OBJECT)

static void
pecan_summary_row_finalize (GObject *object)
{
  pecan_summary_info_clear (&PECAN_SUMMARY_ROW (object)->info);
  G_OBJECT_CLASS (pecan_summary_row_parent_class)->finalize (object);
}

static void
pecan_summary_row_class_init (PecanSummaryRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pecan_summary_row_finalize;
}

static void
pecan_summary_row_init (PecanSummaryRow *self)
{
}

/**
 * pecan_summary_info_clear:
 * @info: figures
 *
 * Frees the texts of @info.
 */
void
pecan_summary_info_clear (PecanSummaryInfo *info)
{
  g_clear_pointer (&info->partner_tenant, g_free);
  g_clear_pointer (&info->partner_name, g_free);
  g_clear_pointer (&info->customer_tenant, g_free);
  g_clear_pointer (&info->customer_name, g_free);
  g_clear_pointer (&info->customer_domain, g_free);
  g_clear_pointer (&info->subscription_azure_id, g_free);
  g_clear_pointer (&info->subscription_name, g_free);
  g_clear_pointer (&info->category, g_free);
  g_clear_pointer (&info->currency, g_free);
}

/**
 * pecan_summary_row_new:
 * @info: the figures; copied
 *
 * Returns: (transfer full): a new row
 */
PecanSummaryRow *
pecan_summary_row_new (const PecanSummaryInfo *info)
{
  PecanSummaryRow *self = g_object_new (PECAN_TYPE_SUMMARY_ROW, NULL);

  self->info = *info;
  self->info.partner_tenant = g_strdup (info->partner_tenant);
  self->info.partner_name = g_strdup (info->partner_name);
  self->info.customer_tenant = g_strdup (info->customer_tenant);
  self->info.customer_name = g_strdup (info->customer_name);
  self->info.customer_domain = g_strdup (info->customer_domain);
  self->info.subscription_azure_id = g_strdup (info->subscription_azure_id);
  self->info.subscription_name = g_strdup (info->subscription_name);
  self->info.category = g_strdup (info->category);
  self->info.currency = g_strdup (info->currency);
  return self;
}

const PecanSummaryInfo *
pecan_summary_row_get_info (PecanSummaryRow *self)
{
  g_return_val_if_fail (PECAN_IS_SUMMARY_ROW (self), NULL);
  return &self->info;
}

/**
 * pecan_summary_row_get_billed:
 * @self: a row
 *
 * Returns: the billed amount in currency units
 */
double
pecan_summary_row_get_billed (PecanSummaryRow *self)
{
  g_return_val_if_fail (PECAN_IS_SUMMARY_ROW (self), 0.0);
  return self->info.billed / (double) PECAN_NANO;
}

/**
 * pecan_summary_row_dup_month:
 * @self: a row
 *
 * Returns: (transfer full) (nullable): the month as YYYY-MM
 */
char *
pecan_summary_row_dup_month (PecanSummaryRow *self)
{
  g_return_val_if_fail (PECAN_IS_SUMMARY_ROW (self), NULL);
  if (self->info.month == 0)
    return NULL;
  return g_strdup_printf ("%04d-%02d", self->info.month / 100, self->info.month % 100);
}
