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
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "pecan-cpor.h"
#include "pecan-parse.h"
#include "pecan-period.h"
#include "pecan-query.h"
#include "pecan-summary-row.h"

typedef struct
{
  lxw_workbook  *book;
  lxw_format    *title;
  lxw_format    *subtitle;
  lxw_format    *heading;
  lxw_format    *step;
  lxw_format    *wrap;
  lxw_format    *problem;
  lxw_format    *warning;
  lxw_format    *money;
  GPtrArray     *problems;
} Packet;

static char *
day_text (gint32 day)
{
  char text[11];

  pecan_day_format (day, text);
  return g_strdup (text);
}

static void
add_formats (Packet *p)
{
  p->title = workbook_add_format (p->book);
  format_set_bold (p->title);
  format_set_font_size (p->title, 16);
  format_set_font_color (p->title, 0x1C3F60);
  p->subtitle = workbook_add_format (p->book);
  format_set_font_color (p->subtitle, 0x5E5C64);
  p->heading = workbook_add_format (p->book);
  format_set_bold (p->heading);
  format_set_bg_color (p->heading, 0xDCE6F0);
  format_set_bottom (p->heading, LXW_BORDER_THIN);
  p->step = workbook_add_format (p->book);
  format_set_bold (p->step);
  format_set_align (p->step, LXW_ALIGN_VERTICAL_TOP);
  p->wrap = workbook_add_format (p->book);
  format_set_text_wrap (p->wrap);
  format_set_align (p->wrap, LXW_ALIGN_VERTICAL_TOP);
  p->problem = workbook_add_format (p->book);
  format_set_text_wrap (p->problem);
  format_set_align (p->problem, LXW_ALIGN_VERTICAL_TOP);
  format_set_font_color (p->problem, 0xC01C28);
  p->warning = workbook_add_format (p->book);
  format_set_text_wrap (p->warning);
  format_set_align (p->warning, LXW_ALIGN_VERTICAL_TOP);
  format_set_font_color (p->warning, 0x9C6E03);
  p->money = workbook_add_format (p->book);
  format_set_num_format (p->money, "#,##0.00");
}

static lxw_worksheet *
add_sheet (Packet     *p,
           const char *name,
           const char *title,
           const char *subtitle)
{
  lxw_worksheet *sheet = workbook_add_worksheet (p->book, name);

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_set_row (sheet, 0, 24, NULL);
  worksheet_write_string (sheet, 0, 0, title, p->title);
  if (subtitle != NULL)
    worksheet_write_string (sheet, 1, 0, subtitle, p->subtitle);
  return sheet;
}

static void
text (lxw_worksheet *sheet,
      lxw_row_t      row,
      lxw_col_t      col,
      const char    *value,
      lxw_format    *format)
{
  worksheet_write_string (sheet, row, col, value != NULL ? value : "", format);
}

/* How many lines @value takes in a column @width characters wide. */
static int
lines_for (const char *value,
           double      width)
{
  g_auto(GStrv) paragraphs = g_strsplit (value != NULL ? value : "", "\n", -1);
  int lines = 0;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    lines += 1 + (int) (g_utf8_strlen (paragraphs[i], -1) / (width * 1.1));
  return lines;
}

/* One field: its step (on its first field), name, value, and what the
 * checks say of it. */
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
  GString *problems = g_string_new (NULL);
  gboolean error = FALSE;
  int lines;

  for (guint i = 0; key != NULL && i < p->problems->len; i++)
    {
      const PecanCporProblem *problem = p->problems->pdata[i];

      if (g_strcmp0 (problem->field, key) != 0)
        continue;
      if (problems->len > 0)
        g_string_append_c (problems, '\n');
      g_string_append (problems, problem->message);
      error = error || problem->severity == PECAN_CPOR_ERROR;
    }
  /* Rows of wrapped text are as high as their longest cell needs: the
   * spreadsheet would not grow them by itself. */
  lines = MAX (lines_for (name, 34), lines_for (value, 48));
  lines = MAX (lines, lines_for (problems->len > 0 ? problems->str : note, 60));
  if (lines > 1)
    worksheet_set_row (sheet, *row, 15.0 * lines, NULL);
  if (step != NULL)
    text (sheet, *row, 0, step, p->step);
  text (sheet, *row, 1, name, p->wrap);
  text (sheet, *row, 2, value, p->wrap);
  if (problems->len > 0)
    text (sheet, *row, 3, problems->str, error ? p->problem : p->warning);
  else if (note != NULL)
    text (sheet, *row, 3, note, p->wrap);
  g_string_free (problems, TRUE);
  (*row)++;
}

static void
write_claim (Packet              *p,
             const PecanCporInfo *info)
{
  g_autofree char *title = g_strdup_printf (_("CPOR customer association: %s"), info->name);
  g_autofree char *date = day_text (pecan_day_today ());
  /* TRANSLATORS: a claim's status, then a date */
  g_autofree char *subtitle = g_strdup_printf (_("%s · prepared with Pecan on %s"),
                                               pecan_cpor_status_label (info->status), date);
  lxw_worksheet *sheet = add_sheet (p, _("Claim"), title, subtitle);
  const char *step;
  lxw_row_t row = 3;

  worksheet_set_column (sheet, 0, 0, 24, NULL);
  worksheet_set_column (sheet, 1, 1, 34, NULL);
  worksheet_set_column (sheet, 2, 2, 48, NULL);
  worksheet_set_column (sheet, 3, 3, 60, NULL);
  text (sheet, row, 0, _("Step in Partner Center"), p->heading);
  text (sheet, row, 1, _("Field"), p->heading);
  text (sheet, row, 2, _("Value"), p->heading);
  text (sheet, row, 3, _("To check"), p->heading);
  row++;

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
  worksheet_freeze_panes (sheet, 4, 0);
}

/* The customer's Azure services over the three months up to the latest
 * imported one: what shows the workloads are in use. */
static gboolean
write_workloads (Packet               *p,
                 PecanStore           *store,
                 const PecanCporInfo  *info,
                 GError              **error)
{
  lxw_worksheet *sheet = add_sheet (p, _("Workloads"), _("Workloads and evidence of usage"),
                                    info->customer_name);
  lxw_row_t row = 3;
  PecanPeriod range, months;

  worksheet_set_column (sheet, 0, 0, 40, NULL);
  worksheet_set_column (sheet, 1, 2, 16, NULL);
  text (sheet, row++, 0, _("Workloads claimed"), p->heading);
  for (guint i = 0; info->workloads[i] != NULL; i++)
    text (sheet, row++, 0, info->workloads[i], NULL);
  row++;
  if (info->customer_id == 0 || !pecan_query_data_range (store, &range, error))
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      text (sheet, row, 0, _("No imported usage for this customer."), p->subtitle);
      return TRUE;
    }
  pecan_period_for_day (PECAN_PERIOD_MONTH, range.last, &months);
  pecan_period_shift (&months, -2, &months);
  months.last = range.last;
  {
    g_autoptr(GListModel) rows = pecan_query_summary (store, PECAN_GROUP_CATEGORY, &months,
                                                      info->customer_id, error);
    g_autofree char *first = day_text (months.first);
    g_autofree char *last = day_text (months.last);
    g_autofree char *heading = NULL;

    if (rows == NULL)
      return FALSE;
    /* TRANSLATORS: two dates */
    heading = g_strdup_printf (_("Azure services in use from %s to %s"), first, last);
    text (sheet, row++, 0, heading, p->step);
    text (sheet, row, 0, _("Service"), p->heading);
    text (sheet, row, 1, _("Currency"), p->heading);
    text (sheet, row++, 2, _("Spend"), p->heading);
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(PecanSummaryRow) item = g_list_model_get_item (rows, i);
        const PecanSummaryInfo *s = pecan_summary_row_get_info (item);

        text (sheet, row, 0, s->category, NULL);
        text (sheet, row, 1, s->currency, NULL);
        worksheet_write_number (sheet, row++, 2, s->billed / (double) PECAN_NANO, p->money);
      }
    if (g_list_model_get_n_items (rows) == 0)
      text (sheet, row, 0, _("No usage in these months: check that the workloads are active "
                             "before claiming."), p->warning);
  }
  return TRUE;
}

static void
write_documents (Packet              *p,
                 const PecanCporInfo *info)
{
  lxw_worksheet *sheet = add_sheet (p, _("Proof of execution"), _("Proof of execution"),
                                    _("Partner Center reviews the most recent PoE when several "
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
  text (sheet, row, 0, _("Checklist"), p->heading);
  text (sheet, row++, 1, "", p->heading);
  worksheet_set_row (sheet, row, 30, NULL);
  text (sheet, row, 0, _("A statement of work (signed by hand or digitally) or Microsoft’s PoE "
                         "template"), p->wrap);
  text (sheet, row++, 1, signed_poe ? _("Yes") : _("Missing"), signed_poe ? NULL : p->problem);
  text (sheet, row, 0, _("Signed by the customer"), p->wrap);
  text (sheet, row++, 1, _("Check each document before uploading it"), p->warning);
  text (sheet, row, 0, _("More evidence: emails, support tickets"), p->wrap);
  {
    g_autofree char *count = g_strdup_printf ("%u", other);
    text (sheet, row++, 1, count, NULL);
  }
  row++;
  text (sheet, row, 0, _("Document"), p->heading);
  text (sheet, row, 1, _("File"), p->heading);
  text (sheet, row, 2, _("Size (bytes)"), p->heading);
  text (sheet, row, 3, _("SHA-256"), p->heading);
  text (sheet, row++, 4, _("Added on"), p->heading);
  for (guint i = 0; i < info->documents->len; i++, row++)
    {
      const PecanPoeDocument *d = &g_array_index (info->documents, PecanPoeDocument, i);
      g_autofree char *added = day_text (d->added_on);

      text (sheet, row, 0, pecan_poe_kind_label (d->kind), p->wrap);
      text (sheet, row, 1, d->path, p->wrap);
      worksheet_write_number (sheet, row, 2, (double) d->size, NULL);
      text (sheet, row, 3, d->sha256, NULL);
      text (sheet, row, 4, added, NULL);
    }
}

static void
write_history (Packet              *p,
               const PecanCporInfo *info)
{
  lxw_worksheet *sheet = add_sheet (p, _("History"), _("Status history"), NULL);
  lxw_row_t row = 3;

  worksheet_set_column (sheet, 0, 0, 14, NULL);
  worksheet_set_column (sheet, 1, 1, 30, NULL);
  worksheet_set_column (sheet, 2, 2, 60, NULL);
  text (sheet, row, 0, _("Date"), p->heading);
  text (sheet, row, 1, _("Status"), p->heading);
  text (sheet, row++, 2, _("Note"), p->heading);
  for (guint i = 0; i < info->history->len; i++, row++)
    {
      const PecanCporEvent *e = &g_array_index (info->history, PecanCporEvent, i);
      g_autofree char *date = day_text (e->day);

      text (sheet, row, 0, date, NULL);
      text (sheet, row, 1, pecan_cpor_status_label (e->status), NULL);
      text (sheet, row, 2, e->note, p->wrap);
    }
  if (info->notes != NULL && info->notes[0] != '\0')
    {
      row++;
      text (sheet, row++, 0, _("Notes"), p->step);
      text (sheet, row, 0, info->notes, NULL);
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
  lxw_doc_properties properties = {
    .title = info->name,
    .subject = (char *) _("CPOR customer association"),
    .comments = (char *) _("Prepared with Pecan"),
  };
  lxw_error failed;

  g_return_val_if_fail (PECAN_IS_STORE (store), FALSE);

  p.book = workbook_new (path);
  if (p.book == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not start the workbook “%s”: not enough memory."), path);
      return FALSE;
    }
  add_formats (&p);
  workbook_set_properties (p.book, &properties);
  write_claim (&p, info);
  if (!write_workloads (&p, store, info, error))
    {
      lxw_workbook_free (p.book);
      return FALSE;
    }
  write_documents (&p, info);
  write_history (&p, info);
  failed = workbook_close (p.book);
  if (failed != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s."), path,
                   lxw_strerror (failed));
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}
