/* pecan-cpor-export.c: a CPOR claim's packet, to fill Partner Center from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A workbook that lists every field in the order Partner Center asks for
 * it, step by step, with what is still wrong beside it; the workloads with
 * the customer's usage as evidence; the proof-of-execution checklist; the
 * status history.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pecan-cpor.h"
#include "pecan-packet-private.h"
#include "pecan-parse.h"
#include "pecan-period.h"
#include "pecan-query.h"
#include "pecan-summary-row.h"

typedef struct
{
  PecanPacket  packet;
  GPtrArray   *problems;
} Packet;

/* One field, with what the checks say of its @key. */
static void
field (Packet        *p,
       lxw_worksheet *sheet,
       lxw_row_t     *row,
       const char    *step,
       const char    *name,
       const char    *value,
       const char    *key,
       const char    *note)
{
  PecanPacketNote problems = { 0 };

  for (guint i = 0; key != NULL && i < p->problems->len; i++)
    {
      const PecanCporProblem *problem = p->problems->pdata[i];

      if (g_strcmp0 (problem->field, key) == 0)
        pecan_packet_note_add (&problems, problem->message,
                               problem->severity == PECAN_CPOR_ERROR);
    }
  pecan_packet_field (&p->packet, sheet, row, step, name, value, &problems, note);
}

static void
write_claim (Packet              *p,
             const PecanCporInfo *info)
{
  g_autofree char *title = g_strdup_printf (_("CPOR customer association: %s"), info->name);
  g_autofree char *date = pecan_packet_day (pecan_day_today ());
  /* TRANSLATORS: a claim's status, then a date */
  g_autofree char *subtitle = g_strdup_printf (_("%s · prepared with Pecan on %s"),
                                               pecan_cpor_status_label (info->status), date);
  lxw_worksheet *sheet = pecan_packet_add_sheet (&p->packet, _("Claim"), title, subtitle);
  const char *step;
  lxw_row_t row = 3;

  pecan_packet_columns (&p->packet, sheet, row++);

  field (p, sheet, &row, _("1. Associate customer"), _("Claim name"), info->name, "name", NULL);
  field (p, sheet, &row, NULL, _("Partner location"), info->partner_id, "partner-id",
         _("Your location ID (PartnerID, formerly MPN ID)"));
  field (p, sheet, &row, NULL, _("Customer ID type"), pecan_cpor_id_type_label (info->id_type),
         NULL, NULL);
  field (p, sheet, &row, NULL, _("Customer ID"), info->customer_ref, "customer-ref",
         info->customer_name);
  field (p, sheet, &row, NULL,
         _("I claim for recognition only, and would like to opt-out of incentive payment for "
           "this claim"),
         info->opt_out ? _("Ticked") : _("Not ticked"), "opt-out",
         _("Leave it unticked when incentives are intended."));
  row++;

  step = _("2. Associate workload");
  field (p, sheet, &row, step, _("Solution area"), info->solution_area, "solution-area",
         _("Choose its tab under Incentives → Customer claims, then Add customer → Use or "
           "consume."));
  field (p, sheet, &row, NULL, _("Engagement"), info->engagement, "engagement", NULL);
  if (info->workloads[0] == NULL)
    field (p, sheet, &row, NULL, _("Workload"), "", "workloads", NULL);
  for (guint i = 0; info->workloads[i] != NULL; i++)
    field (p, sheet, &row, NULL, _("Workload"), info->workloads[i], i == 0 ? "workloads" : NULL,
           i == 0 ? _("Confirm the customer has it deployed and active.") : NULL);
  row++;

  step = _("3. Contact information");
  field (p, sheet, &row, step, _("Customer contact name"), info->customer_contact_name,
         "customer-contact-name", NULL);
  field (p, sheet, &row, NULL, _("Customer contact email"), info->customer_contact_email,
         "customer-contact-email", NULL);
  field (p, sheet, &row, NULL, _("Customer contact work title"), info->customer_contact_title,
         "customer-contact-title", NULL);
  field (p, sheet, &row, NULL, _("Partner contact name"), info->partner_contact_name,
         "partner-contact-name", NULL);
  field (p, sheet, &row, NULL, _("Partner contact email"), info->partner_contact_email,
         "partner-contact-email", NULL);
  row++;

  field (p, sheet, &row, _("4. Review and complete"), _("Status"),
         pecan_cpor_status_label (info->status), "status",
         _("Review every field above, then submit. A submitted claim cannot be edited."));
  row++;

  step = _("5. Claim for payment");
  if (info->documents->len == 0)
    field (p, sheet, &row, step, _("Proof of execution"), "", "documents", NULL);
  for (guint i = 0; i < info->documents->len; i++)
    {
      const PecanPoeDocument *d = &g_array_index (info->documents, PecanPoeDocument, i);
      g_autofree char *name = g_path_get_basename (d->path);

      field (p, sheet, &row, i == 0 ? step : NULL, pecan_poe_kind_label (d->kind), name,
             i == 0 ? "documents" : NULL, i == 0 ? _("Upload it to the claim: it must carry the "
                                                     "customer’s signature.") : NULL);
    }
}

/* The customer's Azure services over the three months up to the latest
 * imported one: what shows the workloads are in use. */
static gboolean
write_workloads (Packet               *p,
                 PecanStore           *store,
                 const PecanCporInfo  *info,
                 GError              **error)
{
  lxw_worksheet *sheet = pecan_packet_add_sheet (
      &p->packet, _ ("Workloads"), _ ("Workloads and evidence of usage"), info->customer_name);
  lxw_row_t row = 3;
  PecanPeriod range, months;

  worksheet_set_column (sheet, 0, 0, 40, NULL);
  worksheet_set_column (sheet, 1, 2, 16, NULL);
  pecan_packet_text (sheet, row++, 0, _("Workloads claimed"), p->packet.heading);
  for (guint i = 0; info->workloads[i] != NULL; i++)
    pecan_packet_text (sheet, row++, 0, info->workloads[i], NULL);
  row++;
  if (info->customer_id == 0 || !pecan_query_data_range (store, &range, error))
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      pecan_packet_text (sheet, row, 0, _ ("No imported usage for this customer."),
                         p->packet.subtitle);
      return TRUE;
    }
  pecan_period_for_day (PECAN_PERIOD_MONTH, range.last, &months);
  pecan_period_shift (&months, -2, &months);
  months.last = range.last;
  {
    g_autoptr(GListModel) rows = pecan_query_summary (store, PECAN_GROUP_CATEGORY, &months,
                                                      info->customer_id, error);
    g_autofree char *first = pecan_packet_day (months.first);
    g_autofree char *last = pecan_packet_day (months.last);
    g_autofree char *heading = NULL;

    if (rows == NULL)
      return FALSE;
    /* TRANSLATORS: two dates */
    heading = g_strdup_printf (_("Azure services in use from %s to %s"), first, last);
    pecan_packet_text (sheet, row++, 0, heading, p->packet.step);
    pecan_packet_text (sheet, row, 0, _("Service"), p->packet.heading);
    pecan_packet_text (sheet, row, 1, _("Currency"), p->packet.heading);
    pecan_packet_text (sheet, row++, 2, _("Spend"), p->packet.heading);
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(PecanSummaryRow) item = g_list_model_get_item (rows, i);
        const PecanSummaryInfo *s = pecan_summary_row_get_info (item);

        pecan_packet_text (sheet, row, 0, s->category, NULL);
        pecan_packet_text (sheet, row, 1, s->currency, NULL);
        worksheet_write_number (sheet, row++, 2, s->billed / (double) PECAN_NANO, p->packet.money);
      }
    if (g_list_model_get_n_items (rows) == 0)
      pecan_packet_text (sheet, row, 0,
                         _ ("No usage in these months: check that the workloads are active "
                            "before claiming."),
                         p->packet.warning);
  }
  return TRUE;
}

static void
write_documents (Packet              *p,
                 const PecanCporInfo *info)
{
  lxw_worksheet *sheet =
      pecan_packet_add_sheet (&p->packet, _ ("Proof of execution"), _ ("Proof of execution"),
                              _ ("Partner Center reviews the most recent PoE when several "
                                 "partners claim the same workload."));
  gboolean signed_poe = FALSE;
  guint other = 0;
  lxw_row_t row = 3;

  for (guint i = 0; i < info->documents->len; i++)
    {
      if (g_array_index (info->documents, PecanPoeDocument, i).kind == PECAN_POE_OTHER)
        other++;
      else
        signed_poe = TRUE;
    }
  worksheet_set_column (sheet, 0, 0, 58, NULL);
  worksheet_set_column (sheet, 1, 1, 36, NULL);
  worksheet_set_column (sheet, 2, 4, 14, NULL);
  worksheet_set_column (sheet, 3, 3, 66, NULL);
  pecan_packet_text (sheet, row, 0, _("Checklist"), p->packet.heading);
  pecan_packet_text (sheet, row++, 1, "", p->packet.heading);
  worksheet_set_row (sheet, row, 30, NULL);
  pecan_packet_text (sheet, row, 0,
                     _ ("A statement of work (signed by hand or digitally) or Microsoft’s PoE "
                        "template"),
                     p->packet.wrap);
  pecan_packet_text (sheet, row++, 1, signed_poe ? _ ("Yes") : _ ("Missing"),
                     signed_poe ? NULL : p->packet.problem);
  pecan_packet_text (sheet, row, 0, _ ("Signed by the customer"), p->packet.wrap);
  pecan_packet_text (sheet, row++, 1, _ ("Check each document before uploading it"),
                     p->packet.warning);
  pecan_packet_text (sheet, row, 0, _ ("More evidence: emails, support tickets"), p->packet.wrap);
  {
    g_autofree char *count = g_strdup_printf ("%u", other);
    pecan_packet_text (sheet, row++, 1, count, NULL);
  }
  row++;
  pecan_packet_text (sheet, row, 0, _("Document"), p->packet.heading);
  pecan_packet_text (sheet, row, 1, _("File"), p->packet.heading);
  pecan_packet_text (sheet, row, 2, _("Size (bytes)"), p->packet.heading);
  pecan_packet_text (sheet, row, 3, _("SHA-256"), p->packet.heading);
  pecan_packet_text (sheet, row++, 4, _("Added on"), p->packet.heading);
  for (guint i = 0; i < info->documents->len; i++, row++)
    {
      const PecanPoeDocument *d = &g_array_index (info->documents, PecanPoeDocument, i);
      g_autofree char *added = pecan_packet_day (d->added_on);

      pecan_packet_text (sheet, row, 0, pecan_poe_kind_label (d->kind), p->packet.wrap);
      pecan_packet_text (sheet, row, 1, d->path, p->packet.wrap);
      worksheet_write_number (sheet, row, 2, (double) d->size, NULL);
      pecan_packet_text (sheet, row, 3, d->sha256, NULL);
      pecan_packet_text (sheet, row, 4, added, NULL);
    }
}

static void
write_history (Packet              *p,
               const PecanCporInfo *info)
{
  lxw_worksheet *sheet =
      pecan_packet_add_sheet (&p->packet, _ ("History"), _ ("Status history"), NULL);
  lxw_row_t row = 3;

  worksheet_set_column (sheet, 0, 0, 14, NULL);
  worksheet_set_column (sheet, 1, 1, 30, NULL);
  worksheet_set_column (sheet, 2, 2, 60, NULL);
  pecan_packet_text (sheet, row, 0, _("Date"), p->packet.heading);
  pecan_packet_text (sheet, row, 1, _("Status"), p->packet.heading);
  pecan_packet_text (sheet, row++, 2, _("Note"), p->packet.heading);
  for (guint i = 0; i < info->history->len; i++, row++)
    {
      const PecanCporEvent *e = &g_array_index (info->history, PecanCporEvent, i);
      g_autofree char *date = pecan_packet_day (e->day);

      pecan_packet_text (sheet, row, 0, date, NULL);
      pecan_packet_text (sheet, row, 1, pecan_cpor_status_label (e->status), NULL);
      pecan_packet_text (sheet, row, 2, e->note, p->packet.wrap);
    }
  if (info->notes != NULL && info->notes[0] != '\0')
    {
      row++;
      pecan_packet_text (sheet, row++, 0, _("Notes"), p->packet.step);
      pecan_packet_text (sheet, row, 0, info->notes, NULL);
    }
}

/**
 * pecan_cpor_export:
 * @store: the database
 * @info: a claim
 * @path: where to write the packet (a workbook)
 * @error: return location for an error
 *
 * Writes the claim's packet: every field in Partner Center's order with
 * what is still to fix, the workloads with the customer's usage, the
 * proof-of-execution checklist and the status history.
 *
 * Returns: %TRUE when the packet was written
 */
gboolean
pecan_cpor_export (PecanStore           *store,
                   const PecanCporInfo  *info,
                   const char           *path,
                   GError              **error)
{
  g_autofree char *domain = info->tenant_id != NULL
                              ? pecan_cpor_imported_domain (store, info->tenant_id) : NULL;
  g_autoptr(GPtrArray) problems = pecan_cpor_check (info, domain, pecan_day_today ());
  Packet p = { .problems = problems };

  g_return_val_if_fail (PECAN_IS_STORE (store), FALSE);

  if (!pecan_packet_open (&p.packet, path, info->name, _("CPOR customer association"), error))
    return FALSE;
  write_claim (&p, info);
  if (!write_workloads (&p, store, info, error))
    {
      pecan_packet_abandon (&p.packet);
      return FALSE;
    }
  write_documents (&p, info);
  write_history (&p, info);
  return pecan_packet_close (&p.packet, path, error);
}
