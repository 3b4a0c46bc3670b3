/* pecan-report-workbook.c: one client's credit-sharing workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written with libxlsxwriter in constant-memory mode, so that a Lines sheet
 * of millions of rows takes no more memory than one of ten: every sheet is
 * written row after row, top to bottom. Every text from the files is
 * written as a string, never as a formula, whatever it starts with.
 *
 * Nothing in a workbook names anyone but its client and the partner: its
 * figures are read for the client's customer id alone.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "pecan-parse.h"
#include "pecan-query.h"
#include "pecan-report-private.h"
#include "pecan-rules.h"
#include "pecan-usage-model.h"

/* The first row of data on the By ... sheets; the headings above it. */
#define TABLE_HEADINGS 3
#define TABLE_FIRST (TABLE_HEADINGS + 1)

/* Days from Excel's epoch (1899-12-30) to the Unix one. */
#define EXCEL_UNIX_DAYS 25569

/* How often a long sheet reports progress and looks for a cancel. */
#define LINES_STEP 4096

static guint sheet_lines = LXW_ROW_MAX - 1;

void
pecan_report_set_sheet_lines (guint lines)
{
  sheet_lines = lines > 0 ? MIN (lines, LXW_ROW_MAX - 1) : LXW_ROW_MAX - 1;
}

typedef struct
{
  lxw_workbook             *book;
  PecanStore               *store;
  const PecanReportOptions *options;
  const PecanClientInfo    *client;
  int                       share;
  char                     *title;       /* the client's name on the report */
  char                     *period;      /* the period, for a person */
  char                     *header;      /* of printed pages */
  char                     *footer;
  GHashTable               *money;       /* currency: lxw_format */
  GHashTable               *money_total;
  lxw_format               *f_title;
  lxw_format               *f_subtitle;
  lxw_format               *f_label;
  lxw_format               *f_heading;
  lxw_format               *f_heading_number;
  lxw_format               *f_section;
  lxw_format               *f_note;
  lxw_format               *f_small;
  lxw_format               *f_month;
  lxw_format               *f_date;
  lxw_format               *f_share;
  lxw_format               *f_share_fraction;
  lxw_format               *f_rate;
  lxw_format               *f_total;
  lxw_format               *f_total_label;
  PecanReportProgress       progress;
  gpointer                  progress_data;
  GCancellable             *cancellable;
} Book;

/* Currencies without minor units (ISO 4217). */
static int
currency_decimals (const char *currency)
{
  static const char * const none[] = {
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI",
    "VND", "VUV", "XAF", "XOF", "XPF",
  };

  for (guint i = 0; i < G_N_ELEMENTS (none); i++)
    if (g_strcmp0 (currency, none[i]) == 0)
      return 0;
  return 2;
}

/* An amount in @currency, its code after it: 1,234.56 "EUR". */
static lxw_format *
money_format (Book       *book,
              const char *currency,
              gboolean    total)
{
  GHashTable *formats = total ? book->money_total : book->money;
  lxw_format *format = g_hash_table_lookup (formats, currency);
  g_autoptr(GString) code = g_string_new (NULL);
  g_autofree char *number = NULL;

  if (format != NULL)
    return format;
  /* The code within quotes: letters only, whatever the file said. */
  for (const char *p = currency; p != NULL && *p != '\0' && code->len < 8; p++)
    if (g_ascii_isalpha (*p))
      g_string_append_c (code, g_ascii_toupper (*p));
  number = currency_decimals (code->str) > 0 ? g_strdup ("#,##0.00") : g_strdup ("#,##0");
  format = workbook_add_format (book->book);
  if (code->len > 0)
    {
      g_autofree char *with_code = g_strdup_printf ("%s \"%s\";-%s \"%s\"", number, code->str,
                                                    number, code->str);
      format_set_num_format (format, with_code);
    }
  else
    format_set_num_format (format, number);
  if (total)
    {
      format_set_bold (format);
      format_set_top (format, LXW_BORDER_THIN);
    }
  g_hash_table_insert (formats, g_strdup (currency), format);
  return format;
}

static void
add_formats (Book *book)
{
  lxw_workbook *wb = book->book;

  book->f_title = workbook_add_format (wb);
  format_set_bold (book->f_title);
  format_set_font_size (book->f_title, 16);
  format_set_font_color (book->f_title, 0x1C3F60);
  book->f_subtitle = workbook_add_format (wb);
  format_set_font_color (book->f_subtitle, 0x5E5C64);
  book->f_label = workbook_add_format (wb);
  format_set_bold (book->f_label);
  book->f_section = workbook_add_format (wb);
  format_set_bold (book->f_section);
  format_set_font_size (book->f_section, 12);
  format_set_font_color (book->f_section, 0x1C3F60);
  book->f_heading = workbook_add_format (wb);
  format_set_bold (book->f_heading);
  format_set_bg_color (book->f_heading, 0xDCE6F0);
  format_set_bottom (book->f_heading, LXW_BORDER_THIN);
  format_set_text_wrap (book->f_heading);
  format_set_align (book->f_heading, LXW_ALIGN_VERTICAL_CENTER);
  book->f_heading_number = workbook_add_format (wb);
  format_set_bold (book->f_heading_number);
  format_set_bg_color (book->f_heading_number, 0xDCE6F0);
  format_set_bottom (book->f_heading_number, LXW_BORDER_THIN);
  format_set_text_wrap (book->f_heading_number);
  format_set_align (book->f_heading_number, LXW_ALIGN_RIGHT);
  format_set_align (book->f_heading_number, LXW_ALIGN_VERTICAL_CENTER);
  book->f_note = workbook_add_format (wb);
  format_set_text_wrap (book->f_note);
  format_set_align (book->f_note, LXW_ALIGN_VERTICAL_TOP);
  book->f_small = workbook_add_format (wb);
  format_set_italic (book->f_small);
  format_set_font_color (book->f_small, 0x5E5C64);
  book->f_month = workbook_add_format (wb);
  format_set_num_format (book->f_month, "mmmm yyyy");
  format_set_align (book->f_month, LXW_ALIGN_LEFT);
  book->f_date = workbook_add_format (wb);
  format_set_num_format (book->f_date, "yyyy-mm-dd");
  format_set_align (book->f_date, LXW_ALIGN_LEFT);
  book->f_share = workbook_add_format (wb);
  format_set_num_format (book->f_share, "0%");
  book->f_share_fraction = workbook_add_format (wb);
  format_set_num_format (book->f_share_fraction, "0.00%");
  book->f_rate = workbook_add_format (wb);
  format_set_num_format (book->f_rate, "0.0%");
  book->f_total_label = workbook_add_format (wb);
  format_set_bold (book->f_total_label);
  format_set_top (book->f_total_label, LXW_BORDER_THIN);
  book->f_total = book->f_total_label;
}

/* Text for a page header or footer: "&" is its escape. */
static char *
header_text (const char *text,
             gsize       max_chars)
{
  g_autofree char *cut = g_utf8_substring (text, 0, MIN ((glong) max_chars,
                                                         g_utf8_strlen (text, -1)));
  g_auto(GStrv) parts = g_strsplit (cut, "&", -1);

  return g_strjoinv ("&&", parts);
}

/* A sheet name Excel takes: at most 31 characters, none of []:*?/\ */
static char *
sheet_name (const char *name)
{
  g_autofree char *cut = g_utf8_substring (name, 0, MIN (31, g_utf8_strlen (name, -1)));

  g_strdelimit (cut, "[]:*?/\\", ' ');
  return g_steal_pointer (&cut);
}

static lxw_worksheet *
add_sheet (Book       *book,
           const char *name)
{
  g_autofree char *safe = sheet_name (name);
  lxw_worksheet *sheet = workbook_add_worksheet (book->book, safe);

  if (sheet == NULL)
    return NULL;
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);  /* A4 */
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_set_margins (sheet, 0.5, 0.5, 0.75, 0.75);
  worksheet_set_header (sheet, book->header);
  worksheet_set_footer (sheet, book->footer);
  return sheet;
}

static void
write_text (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format)
{
  if (text != NULL && text[0] != '\0')
    worksheet_write_string (sheet, row, col, text, format);
  else if (format != NULL)
    worksheet_write_blank (sheet, row, col, format);
}

static double
excel_day (gint32 day)
{
  return (double) day + EXCEL_UNIX_DAYS;
}

static lxw_format *
share_format (Book *book)
{
  return book->share % 100 == 0 ? book->f_share : book->f_share_fraction;
}

/* The headings of the figure columns, from @col on; returns the count. */
static lxw_col_t
figure_headings (Book          *book,
                 lxw_worksheet *sheet,
                 lxw_row_t      row,
                 lxw_col_t      col)
{
  const char *headings[] = {
    _("Consumption at list price"),
    _("PEC earned"),
    _("Your credit"),
    _("Partner’s cost after PEC"),
  };
  lxw_col_t n = book->options->partner_cost ? 4 : 3;

  for (lxw_col_t i = 0; i < n; i++)
    {
      worksheet_write_string (sheet, row, col + i, headings[i], book->f_heading_number);
      worksheet_set_column (sheet, col + i, col + i, 17, NULL);
    }
  return n;
}

static void
write_figures (Book                     *book,
               lxw_worksheet            *sheet,
               lxw_row_t                 row,
               lxw_col_t                 col,
               const PecanReportAmounts *amounts,
               gboolean                  total)
{
  lxw_format *money = money_format (book, amounts->currency, total);

  worksheet_write_number (sheet, row, col, amounts->list, money);
  worksheet_write_number (sheet, row, col + 1, amounts->earned, money);
  worksheet_write_number (sheet, row, col + 2, amounts->credit, money);
  if (book->options->partner_cost)
    worksheet_write_number (sheet, row, col + 3, amounts->cost, money);
}

/* The title of a sheet, and the client and period under it. */
static void
sheet_title (Book          *book,
             lxw_worksheet *sheet,
             const char    *title)
{
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", book->title, book->period);

  worksheet_set_row (sheet, 0, 24, NULL);
  worksheet_write_string (sheet, 0, 0, title, book->f_title);
  worksheet_write_string (sheet, 1, 0, subtitle, book->f_subtitle);
}

/* A paragraph over @cols columns of about @width characters in all. */
static void
paragraph (Book          *book,
           lxw_worksheet *sheet,
           lxw_row_t      row,
           lxw_col_t      cols,
           double         width,
           const char    *text)
{
  glong chars = g_utf8_strlen (text, -1);
  int lines = (int) (chars / (width * 1.15)) + 1;

  worksheet_set_row (sheet, row, 15.0 * lines + 4, NULL);
  worksheet_merge_range (sheet, row, 0, row, cols - 1, text, book->f_note);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char **) a, *(char **) b);
}

/* The distinct currencies of @rows, in order. */
static GPtrArray *
currencies_of (GListModel *rows)
{
  GPtrArray *currencies = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (rows, i);
      const char *currency = pecan_summary_row_get_info (row)->currency;

      if (!g_ptr_array_find_with_equal_func (currencies, currency, g_str_equal, NULL))
        g_ptr_array_add (currencies, g_strdup (currency));
    }
  g_ptr_array_sort (currencies, compare_strings);
  return currencies;
}

static gboolean
write_summary (Book    *book,
               GArray  *totals,
               GError **error)
{
  lxw_worksheet *sheet = add_sheet (book, _("Summary"));
  const PecanClientInfo *client = book->client;
  const char *partner = book->options->partner_name;
  gboolean named = partner != NULL && partner[0] != '\0';
  lxw_col_t cols = MAX (3, totals->len + 1);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;
  g_autofree char *produced = NULL;
  g_autofree char *share = pecan_report_format_share (book->share);
  g_autofree char *rate = g_strdup_printf ("%d", pecan_store_get_pec_rate (book->store));
  g_autofree char *what = NULL;
  g_autofree char *how = NULL;
  lxw_row_t row = 0;
  struct
  {
    const char *label;
    const char *value;
  } facts[] = {
    { _("Client"), book->title },
    { _("Tenant domain"), client->domain },
    { _("Tenant ID"), client->tenant_id },
    { _("Contact"), client->contact_name },
    { _("Period"), book->period },
  };

  if (sheet == NULL)
    return FALSE;
  worksheet_set_column (sheet, 0, 0, 40, NULL);
  worksheet_set_column (sheet, 1, cols - 1, 22, NULL);
  worksheet_set_row (sheet, row, 26, NULL);
  worksheet_write_string (sheet, row++, 0, _("Partner Earned Credit statement"), book->f_title);
  if (named)
    {
      g_autofree char *from = g_strdup_printf (_("From %s"), partner);
      worksheet_write_string (sheet, row, 0, from, book->f_subtitle);
    }
  row += 2;
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      if (facts[i].value == NULL || facts[i].value[0] == '\0')
        continue;
      worksheet_write_string (sheet, row, 0, facts[i].label, book->f_label);
      worksheet_write_string (sheet, row++, 1, facts[i].value, NULL);
    }
  row++;

  /* One column per billing currency: never a total across them. */
  if (totals->len == 0)
    worksheet_write_string (sheet, row++, 0, _("No Azure consumption in this period."), NULL);
  else
    {
      const char *labels[] = {
        _("Azure consumption at list price"),
        _("Partner Earned Credit (PEC) earned"),
        _("Your share of the PEC"),
        _("Your credit"),
        _("Partner’s cost after PEC"),
      };
      guint n = book->options->partner_cost ? 5 : 4;

      worksheet_write_string (sheet, row, 0, _("Billing currency"), book->f_heading);
      for (guint c = 0; c < totals->len; c++)
        worksheet_write_string (sheet, row, c + 1,
                                g_array_index (totals, PecanReportAmounts, c).currency,
                                book->f_heading_number);
      row++;
      for (guint i = 0; i < n; i++, row++)
        {
          worksheet_write_string (sheet, row, 0, labels[i], i == 3 ? book->f_total_label
                                                                    : book->f_label);
          for (guint c = 0; c < totals->len; c++)
            {
              const PecanReportAmounts *a = &g_array_index (totals, PecanReportAmounts, c);
              double values[] = { a->list, a->earned, book->share / 10000.0, a->credit, a->cost };

              worksheet_write_number (sheet, row, c + 1, values[i],
                                      i == 2 ? share_format (book)
                                             : money_format (book, a->currency, i == 3));
            }
        }
    }
  row++;

  /* TRANSLATORS: %s is the PEC rate, "15" */
  what = g_strdup_printf (_("Microsoft grants Partner Earned Credit (PEC) to the partner that "
                            "manages your Azure services: %s %% of the list price of eligible "
                            "Azure consumption, for every day on which the partner holds "
                            "administrative access to your subscriptions. Reservations, savings "
                            "plans, Spot virtual machines and Marketplace products earn no PEC."),
                          rate);
  if (named)
    /* TRANSLATORS: the partner's name, then the share, "40 %" */
    how = g_strdup_printf (_("As agreed with you, %s passes %s of the PEC earned on your "
                             "consumption on to you. The credit above is deducted from your "
                             "next invoice. The figures follow the usage files Microsoft "
                             "provides for the period."),
                           partner, share);
  else
    /* TRANSLATORS: %s is the share, "40 %" */
    how = g_strdup_printf (_("As agreed with you, your partner passes %s of the PEC earned on "
                             "your consumption on to you. The credit above is deducted from "
                             "your next invoice. The figures follow the usage files Microsoft "
                             "provides for the period."),
                           share);
  worksheet_write_string (sheet, row++, 0, _("What is Partner Earned Credit?"), book->f_section);
  paragraph (book, sheet, row++, cols, 40 + 22.0 * (cols - 1), what);
  row++;
  worksheet_write_string (sheet, row++, 0, _("How your credit is applied"), book->f_section);
  paragraph (book, sheet, row++, cols, 40 + 22.0 * (cols - 1), how);
  row++;

  now = book->options->produced != NULL ? g_date_time_ref (book->options->produced)
                                        : g_date_time_new_now_local ();
  date = pecan_day_describe (pecan_day_from_ymd (g_date_time_get_year (now),
                                                 g_date_time_get_month (now),
                                                 g_date_time_get_day_of_month (now)));
  /* TRANSLATORS: %s is a date, "22 November 2026" */
  produced = g_strdup_printf (_("Produced on %s with Pecan."), date);
  worksheet_write_string (sheet, row, 0, produced, book->f_small);
  worksheet_activate (sheet);
  return TRUE;
}

typedef struct
{
  const char   *sheet;
  const char   *title;
  PecanGroupBy  group;
  gboolean      chart;
} Breakdown;

/* The key columns of a row of @group; returns their count. */
static lxw_col_t
write_keys (Book                   *book,
            lxw_worksheet          *sheet,
            lxw_row_t               row,
            PecanGroupBy            group,
            const PecanSummaryInfo *info)
{
  switch (group)
    {
    case PECAN_GROUP_MONTH:
      worksheet_write_number (sheet, row, 0,
                              excel_day (pecan_day_from_ymd (info->month / 100,
                                                             info->month % 100, 1)),
                              book->f_month);
      return 1;
    case PECAN_GROUP_SUBSCRIPTION:
      write_text (sheet, row, 0, info->subscription_name != NULL && info->subscription_name[0]
                                   ? info->subscription_name : info->subscription_azure_id, NULL);
      write_text (sheet, row, 1, info->subscription_azure_id, NULL);
      return 2;
    case PECAN_GROUP_CATEGORY:
    default:
      write_text (sheet, row, 0, info->category, NULL);
      return 1;
    }
}

static lxw_col_t
key_headings (Book          *book,
              lxw_worksheet *sheet,
              PecanGroupBy   group)
{
  switch (group)
    {
    case PECAN_GROUP_MONTH:
      worksheet_write_string (sheet, TABLE_HEADINGS, 0, _("Month"), book->f_heading);
      worksheet_set_column (sheet, 0, 0, 18, NULL);
      return 1;
    case PECAN_GROUP_SUBSCRIPTION:
      worksheet_write_string (sheet, TABLE_HEADINGS, 0, _("Subscription"), book->f_heading);
      worksheet_write_string (sheet, TABLE_HEADINGS, 1, _("Subscription ID"), book->f_heading);
      worksheet_set_column (sheet, 0, 0, 32, NULL);
      worksheet_set_column (sheet, 1, 1, 38, NULL);
      return 2;
    case PECAN_GROUP_CATEGORY:
    default:
      worksheet_write_string (sheet, TABLE_HEADINGS, 0, _("Service"), book->f_heading);
      worksheet_set_column (sheet, 0, 0, 30, NULL);
      return 1;
    }
}

/* A column chart of PEC earned and the credit per month, in @currency. */
static void
add_month_chart (Book          *book,
                 lxw_worksheet *sheet,
                 const char    *sheet_name_text,
                 const char    *currency,
                 lxw_row_t      first,
                 lxw_row_t      last,
                 lxw_col_t      figures,   /* the first figure column */
                 lxw_row_t      at_row,
                 lxw_col_t      at_col)
{
  lxw_chart *chart = workbook_add_chart (book->book, LXW_CHART_COLUMN);
  lxw_chart_series *earned = chart_add_series (chart, NULL, NULL);
  lxw_chart_series *credit = chart_add_series (chart, NULL, NULL);
  lxw_chart_fill earned_fill = { .color = 0x3584E4 };
  lxw_chart_fill credit_fill = { .color = 0x2EC27E };
  g_autofree char *title = g_strdup_printf (_("PEC earned and your credit (%s)"), currency);
  g_autofree char *safe = sheet_name (sheet_name_text);
  g_autofree char *number = g_strdup_printf ("#,##0 \"%s\"", currency);

  chart_series_set_categories (earned, safe, first, 0, last, 0);
  chart_series_set_values (earned, safe, first, figures + 1, last, figures + 1);
  chart_series_set_name (earned, _("PEC earned"));
  chart_series_set_fill (earned, &earned_fill);
  chart_series_set_categories (credit, safe, first, 0, last, 0);
  chart_series_set_values (credit, safe, first, figures + 2, last, figures + 2);
  chart_series_set_name (credit, _("Your credit"));
  chart_series_set_fill (credit, &credit_fill);
  chart_title_set_name (chart, title);
  chart_axis_set_num_format (chart->x_axis, "mmm yyyy");
  chart_axis_set_num_format (chart->y_axis, number);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  worksheet_insert_chart (sheet, at_row, at_col, chart);
}

static gboolean
write_breakdown (Book             *book,
                 const Breakdown  *what,
                 GError          **error)
{
  lxw_worksheet *sheet = add_sheet (book, what->sheet);
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GPtrArray) currencies = NULL;
  g_autoptr(GArray) totals = pecan_report_amounts_array_new ();
  lxw_row_t row = TABLE_FIRST;
  lxw_col_t keys, n_figures, last_col;

  if (sheet == NULL)
    return FALSE;
  rows = pecan_query_summary (book->store, what->group, &book->options->period,
                              book->client->customer_id, error);
  if (rows == NULL)
    return FALSE;
  currencies = currencies_of (rows);

  sheet_title (book, sheet, what->title);
  worksheet_set_row (sheet, TABLE_HEADINGS, 32, NULL);
  keys = key_headings (book, sheet, what->group);
  worksheet_write_string (sheet, TABLE_HEADINGS, keys, _("Currency"), book->f_heading);
  worksheet_set_column (sheet, keys, keys, 10, NULL);
  n_figures = figure_headings (book, sheet, TABLE_HEADINGS, keys + 1);
  last_col = keys + n_figures;

  /* One currency after the other, each a block of its own. */
  for (guint c = 0; c < currencies->len; c++)
    {
      const char *currency = currencies->pdata[c];
      PecanReportAmounts total = { 0 };
      lxw_row_t first = row;

      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(PecanSummaryRow) item = g_list_model_get_item (rows, i);
          const PecanSummaryInfo *info = pecan_summary_row_get_info (item);
          PecanReportAmounts amounts = { 0 };

          if (!g_str_equal (info->currency, currency))
            continue;
          pecan_report_amounts_add (&amounts, info, book->share);
          pecan_report_amounts_add (&total, info, book->share);
          write_keys (book, sheet, row, what->group, info);
          worksheet_write_string (sheet, row, keys, currency, NULL);
          write_figures (book, sheet, row, keys + 1, &amounts, FALSE);
          pecan_report_amounts_clear (&amounts);
          row++;
        }
      if (what->chart)
        add_month_chart (book, sheet, what->sheet, currency, first, row - 1, keys + 1,
                         TABLE_HEADINGS + 18 * c, last_col + 2);
      g_array_append_val (totals, total);
    }
  if (row > TABLE_FIRST)
    worksheet_autofilter (sheet, TABLE_HEADINGS, 0, row - 1, last_col);
  else
    worksheet_write_string (sheet, row++, 0, _("No Azure consumption in this period."), NULL);

  /* The totals under the table, one row per currency. */
  row++;
  for (guint c = 0; c < totals->len; c++, row++)
    {
      const PecanReportAmounts *total = &g_array_index (totals, PecanReportAmounts, c);

      worksheet_write_string (sheet, row, 0, _("Total"), book->f_total_label);
      for (lxw_col_t k = 1; k < keys; k++)
        worksheet_write_blank (sheet, row, k, book->f_total_label);
      worksheet_write_string (sheet, row, keys, total->currency, book->f_total_label);
      write_figures (book, sheet, row, keys + 1, total, TRUE);
    }
  worksheet_freeze_panes (sheet, TABLE_FIRST, 0);
  worksheet_repeat_rows (sheet, TABLE_HEADINGS, TABLE_HEADINGS);
  return TRUE;
}

enum
{
  LINE_DATE,
  LINE_SUBSCRIPTION,
  LINE_SUBSCRIPTION_ID,
  LINE_SERVICE,
  LINE_SUBCATEGORY,
  LINE_METER,
  LINE_PRODUCT,
  LINE_QUANTITY,
  LINE_UNIT,
  LINE_CURRENCY,
  LINE_LIST,
  LINE_RATE,
  LINE_EARNED,
  LINE_CREDIT,
  LINE_COST,
};

static lxw_worksheet *
add_lines_sheet (Book  *book,
                 guint  number)
{
  g_autofree char *name = number == 1 ? g_strdup (_("Lines"))
                                      /* TRANSLATORS: the second, third ... sheet of lines */
                                      : g_strdup_printf (_("Lines %u"), number);
  lxw_worksheet *sheet = add_sheet (book, name);
  const struct
  {
    const char *heading;
    double      width;
  } columns[] = {
    [LINE_DATE] = { _("Date"), 11 },
    [LINE_SUBSCRIPTION] = { _("Subscription"), 26 },
    [LINE_SUBSCRIPTION_ID] = { _("Subscription ID"), 37 },
    [LINE_SERVICE] = { _("Service"), 20 },
    [LINE_SUBCATEGORY] = { _("Meter subcategory"), 20 },
    [LINE_METER] = { _("Meter"), 24 },
    [LINE_PRODUCT] = { _("Product"), 28 },
    [LINE_QUANTITY] = { _("Quantity"), 11 },
    [LINE_UNIT] = { _("Unit"), 12 },
    [LINE_CURRENCY] = { _("Currency"), 9 },
    [LINE_LIST] = { _("Consumption at list price"), 15 },
    [LINE_RATE] = { _("PEC rate"), 8 },
    [LINE_EARNED] = { _("PEC earned"), 13 },
    [LINE_CREDIT] = { _("Your credit"), 13 },
    [LINE_COST] = { _("Partner’s cost after PEC"), 15 },
  };
  guint n = book->options->partner_cost ? LINE_COST + 1 : LINE_COST;

  if (sheet == NULL)
    return NULL;
  worksheet_set_row (sheet, 0, 32, NULL);
  for (guint i = 0; i < n; i++)
    {
      worksheet_write_string (sheet, 0, i, columns[i].heading,
                              i >= LINE_LIST || i == LINE_QUANTITY ? book->f_heading_number
                                                                    : book->f_heading);
      worksheet_set_column (sheet, i, i, columns[i].width, NULL);
    }
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_repeat_rows (sheet, 0, 0);
  return sheet;
}

static void
write_line (Book                     *book,
            lxw_worksheet            *sheet,
            lxw_row_t                 row,
            const PecanUsageLineInfo *line)
{
  double billed = line->billed / (double) PECAN_NANO;
  lxw_format *money = money_format (book, line->currency, FALSE);
  gboolean earned = line->state == PECAN_PEC_EARNED;

  worksheet_write_number (sheet, row, LINE_DATE, excel_day (line->day), book->f_date);
  write_text (sheet, row, LINE_SUBSCRIPTION, line->subscription_name, NULL);
  write_text (sheet, row, LINE_SUBSCRIPTION_ID, line->subscription_azure_id, NULL);
  write_text (sheet, row, LINE_SERVICE, line->category, NULL);
  write_text (sheet, row, LINE_SUBCATEGORY, line->subcategory, NULL);
  write_text (sheet, row, LINE_METER, line->meter, NULL);
  write_text (sheet, row, LINE_PRODUCT, line->product, NULL);
  if (line->has_quantity)
    worksheet_write_number (sheet, row, LINE_QUANTITY, line->quantity / (double) PECAN_NANO, NULL);
  write_text (sheet, row, LINE_UNIT, line->unit, NULL);
  worksheet_write_string (sheet, row, LINE_CURRENCY, line->currency, NULL);
  worksheet_write_number (sheet, row, LINE_LIST, billed + line->pec_earned, money);
  worksheet_write_number (sheet, row, LINE_RATE, earned ? line->pec_centi / 10000.0 : 0,
                          book->f_rate);
  worksheet_write_number (sheet, row, LINE_EARNED, line->pec_earned, money);
  worksheet_write_number (sheet, row, LINE_CREDIT, line->pec_earned * book->share / 10000.0,
                          money);
  if (book->options->partner_cost)
    worksheet_write_number (sheet, row, LINE_COST, billed, money);
}

static void
end_lines_sheet (Book          *book,
                 lxw_worksheet *sheet,
                 lxw_row_t      last)
{
  lxw_col_t last_col = book->options->partner_cost ? LINE_COST : LINE_CREDIT;

  if (last > 0)
    worksheet_autofilter (sheet, 0, 0, last, last_col);
}

/* The usage lines behind the figures, a sheet of at most a million rows
 * after the other. */
static gboolean
write_lines (Book    *book,
             GError **error)
{
  g_autoptr(PecanUsageModel) model = NULL;
  PecanUsageFilter filter;
  lxw_worksheet *sheet;
  guint n, number = 1;
  lxw_row_t row = 1;

  pecan_usage_filter_init (&filter, &book->options->period);
  filter.customer_id = book->client->customer_id;
  model = pecan_usage_model_new (book->store, &filter, book->cancellable, error);
  pecan_usage_filter_clear (&filter);
  if (model == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  if ((sheet = add_lines_sheet (book, number)) == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PecanUsageLine) line = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (line == NULL)
        break;
      if (row > sheet_lines)
        {
          end_lines_sheet (book, sheet, row - 1);
          if ((sheet = add_lines_sheet (book, ++number)) == NULL)
            return FALSE;
          row = 1;
        }
      write_line (book, sheet, row++, pecan_usage_line_get_info (line));
      if (i % LINES_STEP == LINES_STEP - 1)
        {
          if (g_cancellable_set_error_if_cancelled (book->cancellable, error))
            return FALSE;
          if (book->progress != NULL)
            book->progress (0.2 + 0.8 * i / n, book->progress_data);
        }
    }
  end_lines_sheet (book, sheet, row - 1);
  return TRUE;
}

/* The period as a person reads it: "January 2026 to March 2026". */
static char *
period_text (const PecanPeriod *period)
{
  int first, last, y, m, d;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gboolean months = pecan_period_months (period, &first, &last);

  if (months)
    {
      g_autoptr(GDateTime) from = NULL;
      g_autoptr(GDateTime) to = NULL;

      pecan_day_to_ymd (period->first, &y, &m, &d);
      from = g_date_time_new_utc (y, m, d, 0, 0, 0);
      pecan_day_to_ymd (period->last, &y, &m, &d);
      to = g_date_time_new_utc (y, m, d, 0, 0, 0);
      /* A month's name as it stands alone ("%OB"), not in a date. */
      a = g_date_time_format (from, "%OB %Y");
      b = g_date_time_format (to, "%OB %Y");
    }
  else
    {
      a = pecan_day_describe (period->first);
      b = pecan_day_describe (period->last);
    }
  if (g_str_equal (a, b))
    return g_steal_pointer (&a);
  return g_strdup_printf (_("%s to %s"), a, b);
}

static void
set_properties (Book *book)
{
  const char *partner = book->options->partner_name;
  g_autofree char *title = g_strdup_printf (_("PEC report: %s, %s"), book->title, book->period);
  lxw_doc_properties properties = {
    .title = title,
    .subject = (char *) _("Partner Earned Credit statement"),
    .author = partner != NULL && partner[0] != '\0' ? (char *) partner : NULL,
    .company = partner != NULL && partner[0] != '\0' ? (char *) partner : NULL,
    .comments = (char *) _("Produced with Pecan"),
    .created = book->options->produced != NULL
                 ? (time_t) g_date_time_to_unix (book->options->produced) : 0,
  };

  workbook_set_properties (book->book, &properties);
}

static void
book_clear (Book *book)
{
  g_clear_pointer (&book->title, g_free);
  g_clear_pointer (&book->period, g_free);
  g_clear_pointer (&book->header, g_free);
  g_clear_pointer (&book->footer, g_free);
  g_clear_pointer (&book->money, g_hash_table_unref);
  g_clear_pointer (&book->money_total, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Book, book_clear)

/* The workbook, written to @part; %FALSE with @error set when not. */
static gboolean
write_book (Book        *book,
            GArray      *totals,
            const char  *part,
            const char  *path,
            GError     **error)
{
  const Breakdown breakdowns[] = {
    { _("By month"), _("PEC by month"), PECAN_GROUP_MONTH, TRUE },
    { _("By subscription"), _("PEC by subscription"), PECAN_GROUP_SUBSCRIPTION, FALSE },
    { _("By service"), _("PEC by service"), PECAN_GROUP_CATEGORY, FALSE },
  };
  g_autofree char *tmpdir = g_strdup (g_get_tmp_dir ());
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = tmpdir };
  lxw_error failed;
  gboolean ok;

  book->book = workbook_new_opt (part, &options);
  if (book->book == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not start the workbook “%s”: not enough memory."), path);
      return FALSE;
    }
  add_formats (book);
  set_properties (book);
  ok = write_summary (book, totals, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (breakdowns); i++)
    {
      ok = write_breakdown (book, &breakdowns[i], error);
      if (ok && book->progress != NULL)
        book->progress (0.05 * (i + 1), book->progress_data);
    }
  if (ok && book->options->lines)
    ok = write_lines (book, error);
  if (!ok)
    {
      lxw_workbook_free (book->book);
      return FALSE;
    }
  failed = workbook_close (book->book);
  if (failed != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s."), path,
                   lxw_strerror (failed));
      return FALSE;
    }
  return TRUE;
}

/**
 * pecan_report_write:
 * @store: the database
 * @options: what to write
 * @client: the client the workbook is for
 * @path: where to write it; a file there is replaced when the workbook is
 *   complete
 * @progress: (scope call) (nullable): called with the fraction written
 * @user_data: for @progress
 * @cancellable: (nullable): stops the writing
 * @totals: (out) (optional) (transfer full) (element-type PecanReportAmounts):
 *   the client's figures per currency, as the workbook states them
 * @error: return location for an error
 *
 * Writes the workbook of one client: Summary, By month (with a chart), By
 * subscription and By service, and the usage lines when the options ask
 * for them. It is written beside @path and renamed when complete: a
 * failure leaves nothing behind.
 *
 * Returns: %TRUE when the workbook was written
 */
gboolean
pecan_report_write (PecanStore                *store,
                    const PecanReportOptions  *options,
                    const PecanClientInfo     *client,
                    const char                *path,
                    PecanReportProgress        progress,
                    gpointer                   user_data,
                    GCancellable              *cancellable,
                    GArray                   **totals,
                    GError                   **error)
{
  g_auto(Book) book = {
    .store = store,
    .options = options,
    .client = client,
    .share = pecan_report_client_share (options, client),
    .progress = progress,
    .progress_data = user_data,
    .cancellable = cancellable,
  };
  g_autoptr(GArray) figures = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *part_name = g_strdup_printf (".%s.part", base);
  g_autofree char *part = g_build_filename (dir, part_name, NULL);
  g_autofree char *client_header = NULL;
  g_autofree char *period_header = NULL;
  int fd;

  g_return_val_if_fail (PECAN_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL && client != NULL && path != NULL, FALSE);

  figures = pecan_report_totals (store, options, client, error);
  if (figures == NULL)
    return FALSE;
  book.title = g_strdup (pecan_client_info_get_title (client));
  book.period = period_text (&options->period);
  client_header = header_text (book.title, 80);
  period_header = header_text (book.period, 60);
  book.header = g_strdup_printf ("&L&\"-,Bold\"%s&R%s", client_header, period_header);
  book.footer = g_strdup_printf ("&L%s&R%s", _("Partner Earned Credit statement"),
                                 /* TRANSLATORS: a printed page's footer; keep &P (the
                                  * page) and &N (the number of pages) */
                                 _("Page &P of &N"));
  book.money = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  book.money_total = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Said in a few words of ours rather than in libxlsxwriter's own, which
   * only comes when the workbook is closed. */
  if ((fd = g_open (part, O_WRONLY | O_CREAT | O_TRUNC, 0666)) < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s."), path, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);
  if (!write_book (&book, figures, part, path, error))
    {
      g_unlink (part);
      return FALSE;
    }
  if (g_rename (part, path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s."), path, g_strerror (saved));
      g_unlink (part);
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, user_data);
  if (totals != NULL)
    *totals = g_steal_pointer (&figures);
  return TRUE;
}
