/* pecan-reports-row.c: one client and currency of the Reports page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What one line of the preview shows: a client with its sharing settings,
 * the share its report applies, and its figures in one billing currency as
 * the core computes them for the workbook. "included" is whether the
 * client is in the next export; the page keeps it the same on every row of
 * a client.
 */
#include "config.h"

#include "pecan-reports-row.h"

struct _PecanReportsRow
{
  GObject             parent_instance;

  PecanClient        *client;
  int                 share;
  PecanReportAmounts  amounts;
  gboolean            included;
};

G_DEFINE_FINAL_TYPE (PecanReportsRow, pecan_reports_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INCLUDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pecan_reports_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PecanReportsRow *self = PECAN_REPORTS_ROW (object);

  switch (prop_id)
    {
    case PROP_INCLUDED:
      g_value_set_boolean (value, self->included);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_reports_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PecanReportsRow *self = PECAN_REPORTS_ROW (object);

  switch (prop_id)
    {
    case PROP_INCLUDED:
      pecan_reports_row_set_included (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_reports_row_finalize (GObject *object)
{
  PecanReportsRow *self = PECAN_REPORTS_ROW (object);

  g_clear_object (&self->client);
  pecan_report_amounts_clear (&self->amounts);

  G_OBJECT_CLASS (pecan_reports_row_parent_class)->finalize (object);
}

static void
pecan_reports_row_class_init (PecanReportsRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pecan_reports_row_finalize;
  object_class->get_property = pecan_reports_row_get_property;
  object_class->set_property = pecan_reports_row_set_property;

  /* Whether the client is in the next export. */
  properties[PROP_INCLUDED] =
    g_param_spec_boolean ("included", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pecan_reports_row_init (PecanReportsRow *self)
{
}

/**
 * pecan_reports_row_new:
 * @client: the client
 * @share: the share its report applies, in hundredths of a percent
 * @amounts: its figures in one currency; copied
 *
 * Returns: (transfer full): a new row, not included
 */
PecanReportsRow *
pecan_reports_row_new (PecanClient              *client,
                       int                       share,
                       const PecanReportAmounts *amounts)
{
  PecanReportsRow *self;

  g_return_val_if_fail (PECAN_IS_CLIENT (client), NULL);
  g_return_val_if_fail (amounts != NULL, NULL);

  self = g_object_new (PECAN_TYPE_REPORTS_ROW, NULL);
  self->client = g_object_ref (client);
  self->share = share;
  self->amounts = *amounts;
  self->amounts.currency = g_strdup (amounts->currency);
  return self;
}

/**
 * pecan_reports_row_get_client:
 *
 * Returns: (transfer none): the client
 */
PecanClient *
pecan_reports_row_get_client (PecanReportsRow *self)
{
  g_return_val_if_fail (PECAN_IS_REPORTS_ROW (self), NULL);
  return self->client;
}

const PecanClientInfo *
pecan_reports_row_get_info (PecanReportsRow *self)
{
  g_return_val_if_fail (PECAN_IS_REPORTS_ROW (self), NULL);
  return pecan_client_get_info (self->client);
}

const PecanReportAmounts *
pecan_reports_row_get_amounts (PecanReportsRow *self)
{
  g_return_val_if_fail (PECAN_IS_REPORTS_ROW (self), NULL);
  return &self->amounts;
}

/* The share the client's report applies, in hundredths of a percent. */
int
pecan_reports_row_get_share (PecanReportsRow *self)
{
  g_return_val_if_fail (PECAN_IS_REPORTS_ROW (self), 0);
  return self->share;
}

gboolean
pecan_reports_row_get_included (PecanReportsRow *self)
{
  g_return_val_if_fail (PECAN_IS_REPORTS_ROW (self), FALSE);
  return self->included;
}

void
pecan_reports_row_set_included (PecanReportsRow *self,
                                gboolean         included)
{
  g_return_if_fail (PECAN_IS_REPORTS_ROW (self));

  included = !!included;
  if (self->included == included)
    return;
  self->included = included;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDED]);
}
