/* pecan-coop-export.c: a co-op claim's pack, to fill Partner Center from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field in the order Co-op management asks for it, with what is
 * still wrong beside it; the documents with their amounts and SHA-256;
 * the status history.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pecan-coop.h"
#include "pecan-packet-private.h"
#include "pecan-parse.h"

typedef struct
{
  PecanPacket  packet;
  GPtrArray   *problems;
} Pack;

/* One field, with what the rules say of its @key. */
static void
field (Pack          *p,
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
      const PecanCoopProblem *problem = p->problems->pdata[i];

      if (g_strcmp0 (problem->field, key) == 0)
        pecan_packet_note_add (&problems, problem->message,
                               problem->severity == PECAN_COOP_ERROR);
    }
  pecan_packet_field (&p->packet, sheet, row, step, name, value, &problems, note);
}

static char *
amount_text (gint64 nano)
{
  char number[64];

  pecan_nano_format (pecan_nano_round_cents (nano), 2, number, sizeof number);
  return g_strdup (number);
}

static void
write_claim (Pack                *p,
             const PecanCoopInfo *info,
             int                  deadline_days)
{
  g_autofree char *title = g_strdup_printf (_("Co-op claim: %s"), info->activity_name);
  g_autofree char *today = pecan_packet_day (pecan_day_today ());
  /* TRANSLATORS: a claim's status, then a date */
  g_autofree char *subtitle = g_strdup_printf (_("%s · prepared with Pecan on %s"),
                                               pecan_coop_status_label (info->status), today);
  lxw_worksheet *sheet = pecan_packet_add_sheet (&p->packet, _("Claim"), title, subtitle);
  gboolean period = info->fiscal_year >= 2000 && (info->half == 1 || info->half == 2);
  g_autofree char *usage = period ? pecan_coop_period_label (info->fiscal_year, info->half)
                                  : g_strdup ("");
  g_autofree char *due = period ? pecan_packet_day (pecan_coop_deadline (info->fiscal_year,
                                                                         info->half,
                                                                         deadline_days))
                                : g_strdup ("");
  g_autofree char *start = pecan_packet_day (info->start_day);
  g_autofree char *end = pecan_packet_day (info->end_day);
  g_autofree char *amount = amount_text (info->amount);
  g_autofree char *keep = pecan_packet_day (pecan_coop_info_keep_until (info));
  const char *step;
  lxw_row_t row = 3;

  pecan_packet_columns (&p->packet, sheet, row++);

  step = _("4. New claim");
  field (p, sheet, &row, step, _("Program"), info->program, "program", NULL);
  field (p, sheet, &row, NULL, _("Fund category"), info->fund_category, NULL, NULL);
  field (p, sheet, &row, NULL, _("Location"), info->location_id, "location-id", NULL);
  field (p, sheet, &row, NULL, _("Funding pool"), info->funding_pool, "funding-pool", NULL);
  field (p, sheet, &row, NULL, _("Usage period"), usage, "usage-period", NULL);
  row++;

  step = _("5. Claim details");
  field (p, sheet, &row, step, _("Activity name"), info->activity_name, "activity-name", NULL);
  field (p, sheet, &row, NULL, _("Activity description"), info->activity_description,
         "activity-description", NULL);
  field (p, sheet, &row, NULL, _("Start date"), start, "dates", NULL);
  field (p, sheet, &row, NULL, _("End date"), end, NULL, NULL);
  field (p, sheet, &row, NULL, _("Claimed amount"), amount, "amount",
         _("It must match the documents to the cent."));
  field (p, sheet, &row, NULL, _("Currency"), info->currency, "currency", NULL);
  field (p, sheet, &row, NULL, _("Partner ID"), info->partner_id, "partner-id", NULL);
  field (p, sheet, &row, NULL, _("Contact email"), info->contact_email, "contact-email", NULL);
  row++;

  step = _("6. Proof of execution");
  if (info->documents->len == 0)
    field (p, sheet, &row, step, _("Documents"), "", "documents", NULL);
  for (guint i = 0; i < info->documents->len; i++)
    {
      const PecanCoopDocument *d = &g_array_index (info->documents, PecanCoopDocument, i);
      g_autofree char *doc_amount = d->has_amount ? amount_text (d->amount) : g_strdup ("");
      g_autofree char *date = pecan_packet_day (d->day);
      g_autofree char *value = g_strdup_printf ("%s\n%s  %s", d->name, date, doc_amount);

      field (p, sheet, &row, i == 0 ? step : NULL, pecan_coop_document_label (d->kind), value,
             i == 0 ? "documents" : NULL, NULL);
    }
  row++;

  field (p, sheet, &row, _("7. Review and submit"), _("Claim deadline"), due, "deadline",
         _("Once submitted, the claim cannot change unless a reviewer asks for more."));
  field (p, sheet, &row, _("8. Track"), _("Status"), pecan_coop_status_label (info->status),
         "status", _("Processing takes up to 30 days."));
  field (p, sheet, &row, NULL, _("Keep the documents until"), keep, NULL,
         _("24 months from the activity."));
}

static void
write_documents (Pack                *p,
                 const PecanCoopInfo *info)
{
  lxw_worksheet *sheet = pecan_packet_add_sheet (&p->packet, _("Documents"), _("Documents"),
                                                 info->activity_name);
  const char *headings[] = {
    _("Kind"), _("Name"), _("Date"), _("Amount"), _("File"), _("Size (bytes)"), _("SHA-256"),
  };
  const double widths[] = { 30, 36, 12, 14, 48, 12, 66 };
  lxw_row_t row = 3;

  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    {
      worksheet_set_column (sheet, c, c, widths[c], NULL);
      pecan_packet_text (sheet, row, c, headings[c], p->packet.heading);
    }
  worksheet_freeze_panes (sheet, ++row, 0);
  for (guint i = 0; i < info->documents->len; i++, row++)
    {
      const PecanCoopDocument *d = &g_array_index (info->documents, PecanCoopDocument, i);
      g_autofree char *date = pecan_packet_day (d->day);

      pecan_packet_text (sheet, row, 0, pecan_coop_document_label (d->kind), p->packet.wrap);
      pecan_packet_text (sheet, row, 1, d->name, p->packet.wrap);
      pecan_packet_text (sheet, row, 2, date, NULL);
      if (d->has_amount)
        worksheet_write_number (sheet, row, 3,
                                pecan_nano_round_cents (d->amount) / (double) PECAN_NANO,
                                p->packet.money);
      pecan_packet_text (sheet, row, 4, d->path, p->packet.wrap);
      worksheet_write_number (sheet, row, 5, (double) d->size, NULL);
      pecan_packet_text (sheet, row, 6, d->sha256, NULL);
    }
}

static void
write_history (Pack                *p,
               const PecanCoopInfo *info)
{
  lxw_worksheet *sheet = pecan_packet_add_sheet (&p->packet, _("History"), _("Status history"),
                                                 NULL);
  lxw_row_t row = 3;

  worksheet_set_column (sheet, 0, 0, 14, NULL);
  worksheet_set_column (sheet, 1, 1, 30, NULL);
  worksheet_set_column (sheet, 2, 2, 60, NULL);
  pecan_packet_text (sheet, row, 0, _("Date"), p->packet.heading);
  pecan_packet_text (sheet, row, 1, _("Status"), p->packet.heading);
  pecan_packet_text (sheet, row++, 2, _("Note"), p->packet.heading);
  for (guint i = 0; i < info->history->len; i++, row++)
    {
      const PecanCoopEvent *e = &g_array_index (info->history, PecanCoopEvent, i);
      g_autofree char *date = pecan_packet_day (e->day);

      pecan_packet_text (sheet, row, 0, date, NULL);
      pecan_packet_text (sheet, row, 1, pecan_coop_status_label (e->status), NULL);
      pecan_packet_text (sheet, row, 2, e->note, p->packet.wrap);
    }
  for (int s = 0; s < PECAN_COOP_N_STEPS; s++)
    if (info->ticked[s] != 0)
      {
        g_autofree char *date = pecan_packet_day (info->ticked[s]);

        pecan_packet_text (sheet, row, 0, date, NULL);
        pecan_packet_text (sheet, row++, 1, pecan_coop_step_label (s), p->packet.wrap);
      }
  if (info->notes != NULL && info->notes[0] != '\0')
    {
      row++;
      pecan_packet_text (sheet, row++, 0, _("Notes"), p->packet.step);
      pecan_packet_text (sheet, row, 0, info->notes, NULL);
    }
}

/**
 * pecan_coop_export:
 * @store: the database
 * @info: a co-op claim
 * @path: where to write the pack (a workbook)
 * @error: return location for an error
 *
 * Writes the claim's pack: every field in Partner Center's order with what
 * is still to fix, the documents with their amounts and SHA-256, and the
 * status history.
 *
 * Returns: %TRUE when the pack was written
 */
gboolean
pecan_coop_export (PecanStore           *store,
                   const PecanCoopInfo  *info,
                   const char           *path,
                   GError              **error)
{
  g_autoptr(GListModel) others = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  int days;
  Pack p = { 0 };

  g_return_val_if_fail (PECAN_IS_STORE (store), FALSE);

  others = pecan_coop_list (store, error);
  if (others == NULL)
    return FALSE;
  days = pecan_coop_get_deadline_days (store);
  problems = pecan_coop_check (info, others, days, pecan_day_today ());
  p.problems = problems;
  if (!pecan_packet_open (&p.packet, path, info->activity_name, _("Co-op claim"), error))
    return FALSE;
  write_claim (&p, info, days);
  write_documents (&p, info);
  write_history (&p, info);
  return pecan_packet_close (&p.packet, path, error);
}
