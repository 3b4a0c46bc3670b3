/* pecan-report.c: client credit-sharing reports: settings, figures, names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report shows one client what it consumed at list price, the PEC the
 * partner earned on it and the share of that PEC credited to it. Every
 * figure comes from pecan_query_summary() for that client alone, in each
 * billing currency apart. The workbook itself is written in
 * pecan-report-workbook.c.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pecan-error.h"
#include "pecan-parse.h"
#include "pecan-query.h"
#include "pecan-report-private.h"

#define SETTING_SHARE "report-share"
#define SETTING_PARTNER_NAME "report-partner-name"
#define SETTING_PARTNER_COST "report-partner-cost"

/* A file name stays under 255 bytes on every file system. */
#define MAX_TITLE_BYTES 120

/**
 * pecan_report_settings_load:
 * @store: the database
 * @settings: (out caller-allocates): where to put the settings; free with
 *   pecan_report_settings_clear()
 */
void
pecan_report_settings_load (PecanStore          *store,
                            PecanReportSettings *settings)
{
  g_autofree char *share = pecan_store_get_setting (store, SETTING_SHARE);
  g_autofree char *name = pecan_store_get_setting (store, SETTING_PARTNER_NAME);
  g_autofree char *cost = pecan_store_get_setting (store, SETTING_PARTNER_COST);
  gint64 value;

  settings->share = share != NULL && g_ascii_string_to_signed (share, 10, 0, 10000, &value, NULL)
                      ? (int) value : PECAN_REPORT_DEFAULT_SHARE;
  settings->partner_name = g_strdup (name != NULL ? name : "");
  settings->partner_cost = g_strcmp0 (cost, "1") == 0;
}

gboolean
pecan_report_settings_save (PecanStore                 *store,
                            const PecanReportSettings  *settings,
                            GError                    **error)
{
  g_autofree char *share = g_strdup_printf ("%d", settings->share);
  g_autofree char *name = g_strstrip (g_strdup (settings->partner_name != NULL
                                                  ? settings->partner_name : ""));

  g_return_val_if_fail (settings->share >= 0 && settings->share <= 10000, FALSE);

  return pecan_store_set_settings (store, error,
                                   SETTING_SHARE, share,
                                   SETTING_PARTNER_NAME, name,
                                   SETTING_PARTNER_COST, settings->partner_cost ? "1" : "0",
                                   NULL);
}

void
pecan_report_settings_clear (PecanReportSettings *settings)
{
  g_clear_pointer (&settings->partner_name, g_free);
}

/**
 * pecan_report_options_init:
 * @options: (out caller-allocates): the options of a run of reports
 * @settings: the partner's settings; must outlive @options
 * @period: the period the reports cover
 *
 * Each client gets its own share, or the default one; no lines.
 */
void
pecan_report_options_init (PecanReportOptions        *options,
                           const PecanReportSettings *settings,
                           const PecanPeriod         *period)
{
  memset (options, 0, sizeof *options);
  options->period = *period;
  options->share = PECAN_SHARE_DEFAULT;
  options->default_share = settings->share;
  options->partner_cost = settings->partner_cost;
  options->partner_name = settings->partner_name;
}

void
pecan_report_amounts_clear (PecanReportAmounts *amounts)
{
  g_clear_pointer (&amounts->currency, g_free);
}

/**
 * pecan_report_amounts_add:
 * @amounts: figures in one currency; a zeroed struct takes the currency of
 *   the first row added
 * @info: a row of pecan_query_summary(), in that currency
 * @share: the client's share, in hundredths of a percent
 *
 * Adds a row's figures: the consumption at list price is what was billed
 * plus the PEC earned on it (the list price the PEC is taken off).
 */
void
pecan_report_amounts_add (PecanReportAmounts     *amounts,
                          const PecanSummaryInfo *info,
                          int                     share)
{
  double billed = info->billed / (double) PECAN_NANO;

  if (amounts->currency == NULL)
    amounts->currency = g_strdup (info->currency);
  g_return_if_fail (g_strcmp0 (amounts->currency, info->currency) == 0);

  amounts->lines += info->lines;
  amounts->list += billed + info->pec_earned;
  amounts->earned += info->pec_earned;
  amounts->credit += info->pec_earned * share / 10000.0;
  amounts->cost += billed;
}

/**
 * pecan_report_client_share:
 * @options: the run's options
 * @client: a client
 *
 * Returns: the share of PEC @client is credited with in this run, in
 *   hundredths of a percent: the run's, else the client's own, else the
 *   default one
 */
int
pecan_report_client_share (const PecanReportOptions *options,
                           const PecanClientInfo    *client)
{
  if (options->share != PECAN_SHARE_DEFAULT)
    return options->share;
  if (client->share != PECAN_SHARE_DEFAULT)
    return client->share;
  return options->default_share;
}

/**
 * pecan_report_parse_share:
 * @text: a percentage as a person types it: `40`, `12.5`, `12,5 %`
 * @share: (out): the share in hundredths of a percent
 *
 * Returns: %TRUE when @text is a percentage from 0 to 100 with at most
 *   two decimals
 */
gboolean
pecan_report_parse_share (const char *text,
                          int        *share)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  gsize n = strlen (copy);
  int whole = 0, fraction = 0, decimals = 0, digits = 0;
  const char *p = copy;

  if (n > 0 && copy[n - 1] == '%')
    copy[n - 1] = '\0';
  g_strchomp (copy);
  for (; g_ascii_isdigit (*p); p++, digits++)
    {
      whole = whole * 10 + (*p - '0');
      if (whole > 100)
        return FALSE;
    }
  if (*p == '.' || *p == ',')
    for (p++; g_ascii_isdigit (*p); p++, decimals++)
      {
        if (decimals == 2)
          return FALSE;
        fraction = fraction * 10 + (*p - '0');
      }
  if (*p != '\0' || digits + decimals == 0)
    return FALSE;
  if (decimals == 1)
    fraction *= 10;
  if (whole * 100 + fraction > 10000)
    return FALSE;
  *share = whole * 100 + fraction;
  return TRUE;
}

/**
 * pecan_report_format_share:
 * @share: a share in hundredths of a percent
 *
 * Returns: (transfer full): the share as a person reads it: `40 %`,
 *   `12.5 %`
 */
char *
pecan_report_format_share (int share)
{
  g_autofree char *number = NULL;

  if (share % 100 == 0)
    number = g_strdup_printf ("%d", share / 100);
  else if (share % 10 == 0)
    number = g_strdup_printf ("%.1f", share / 100.0);
  else
    number = g_strdup_printf ("%.2f", share / 100.0);
  /* TRANSLATORS: a percentage, "40 %"; %s is the number */
  return g_strdup_printf (_("%s %%"), number);
}

/* The period as a file name has it: 2026-01, 2026-01 to 2026-03. */
static char *
period_file_text (const PecanPeriod *period)
{
  char first[11], last[11];
  int a, b;

  if (pecan_period_months (period, &a, &b))
    {
      if (a == b)
        return g_strdup_printf ("%04d-%02d", a / 100, a % 100);
      g_snprintf (first, sizeof first, "%04d-%02d", a / 100, a % 100);
      g_snprintf (last, sizeof last, "%04d-%02d", b / 100, b % 100);
    }
  else
    {
      pecan_day_format (period->first, first);
      pecan_day_format (period->last, last);
      if (period->first == period->last)
        return g_strdup (first);
    }
  /* TRANSLATORS: a period in a file name: "2026-01 to 2026-03" */
  return g_strdup_printf (_("%s to %s"), first, last);
}

/* @title with what some file system refuses replaced: path separators,
 * the characters Windows reserves, control characters; no dot or space at
 * either end, and not too long. */
static char *
safe_title (const char *title)
{
  g_autofree char *valid = g_utf8_make_valid (title != NULL ? title : "", -1);
  g_autofree char *nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  GString *safe = g_string_new (NULL);

  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        c = ' ';
      else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
               || strchr ("<>:\"/\\|?*", (int) c) != NULL)
        c = '_';
      /* One space where there were several. */
      if (c == ' ' && (safe->len == 0 || safe->str[safe->len - 1] == ' '))
        continue;
      if (safe->len + 6 > MAX_TITLE_BYTES)
        break;
      g_string_append_unichar (safe, c);
    }
  while (safe->len > 0 && (safe->str[safe->len - 1] == ' ' || safe->str[safe->len - 1] == '.'))
    g_string_truncate (safe, safe->len - 1);
  while (safe->len > 0 && safe->str[0] == '.')
    g_string_erase (safe, 0, 1);
  if (safe->len == 0)
    /* TRANSLATORS: in a file name, for a client without a name */
    g_string_append (safe, _("Client"));
  return g_string_free (safe, FALSE);
}

/**
 * pecan_report_file_name:
 * @client_title: the client's name on its reports
 * @period: the period the report covers
 *
 * Returns: (transfer full): a file name that every file system takes:
 *   `Contoso - PEC report 2026-01 to 2026-03.xlsx`
 */
char *
pecan_report_file_name (const char        *client_title,
                        const PecanPeriod *period)
{
  g_autofree char *title = safe_title (client_title);
  g_autofree char *when = period_file_text (period);

  /* TRANSLATORS: a report's file name: the client, then the period; keep
   * ".xlsx" and use no "/" */
  return g_strdup_printf (_("%s - PEC report %s.xlsx"), title, when);
}

static void
amounts_free (gpointer data)
{
  pecan_report_amounts_clear (data);
}

GArray *
pecan_report_amounts_array_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (PecanReportAmounts));

  g_array_set_clear_func (array, amounts_free);
  return array;
}

/**
 * pecan_report_totals:
 * @store: the database
 * @options: the run's options (its period and shares)
 * @client: a client
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type PecanReportAmounts): the client's
 *   figures over the period, one element per billing currency (none when it
 *   has no usage), or %NULL on error
 */
GArray *
pecan_report_totals (PecanStore                *store,
                     const PecanReportOptions  *options,
                     const PecanClientInfo     *client,
                     GError                   **error)
{
  g_autoptr(GListModel) rows = NULL;
  GArray *totals;
  int share = pecan_report_client_share (options, client);

  rows = pecan_query_summary (store, PECAN_GROUP_TOTAL, &options->period, client->customer_id,
                              error);
  if (rows == NULL)
    return NULL;
  totals = pecan_report_amounts_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (rows, i);
      PecanReportAmounts amounts = { 0 };

      pecan_report_amounts_add (&amounts, pecan_summary_row_get_info (row), share);
      g_array_append_val (totals, amounts);
    }
  return totals;
}

/* A file name no other client of the run has, whatever the case. */
static char *
unique_file_name (GHashTable            *taken,
                  const PecanClientInfo *client,
                  const PecanPeriod     *period)
{
  const char *title = pecan_client_info_get_title (client);
  char *name = pecan_report_file_name (title, period);
  char *key = g_utf8_casefold (name, -1);

  if (g_hash_table_contains (taken, key))
    {
      g_autofree char *tenant = g_strndup (client->tenant_id, 8);
      g_autofree char *both = g_strdup_printf ("%s (%s)", title, tenant);

      g_free (name);
      g_free (key);
      name = pecan_report_file_name (both, period);
      key = g_utf8_casefold (name, -1);
    }
  g_hash_table_add (taken, key);
  return name;
}

/**
 * pecan_report_export:
 * @store: the database
 * @options: what to write
 * @clients: a model of #PecanClient: a workbook for each one that has
 *   usage in the period, whether it is set to get reports or not (the
 *   caller leaves out those it should not write)
 * @directory: where to write them; files of the same name are replaced
 * @done: (scope call): called after each client, written or not
 * @progress: (scope call) (nullable): called with the fraction done
 * @user_data: for @done and @progress
 * @cancellable: (nullable): stops the run between two rows
 * @error: return location for an error
 *
 * Writes one workbook per client. Each is written whole beside its final
 * name and renamed when complete, so that a failure or a cancelled run
 * leaves no part of a workbook behind; the workbooks completed before stay.
 *
 * Returns: %TRUE when every client was done
 */
gboolean
pecan_report_export (PecanStore                *store,
                     const PecanReportOptions  *options,
                     GListModel                *clients,
                     const char                *directory,
                     PecanReportDone            done,
                     PecanReportProgress        progress,
                     gpointer                   user_data,
                     GCancellable              *cancellable,
                     GError                   **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (clients);

  g_return_val_if_fail (PECAN_IS_STORE (store), FALSE);
  g_return_val_if_fail (directory != NULL, FALSE);

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), directory, g_strerror (saved));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PecanClient) client = g_list_model_get_item (clients, i);
      const PecanClientInfo *info = pecan_client_get_info (client);
      g_autoptr(GArray) totals = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      PecanReportResult result = { info, i, n, NULL, NULL };
      ReportProgress step = { progress, user_data, i, n };

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      totals = pecan_report_totals (store, options, info, error);
      if (totals == NULL)
        return FALSE;
      if (totals->len > 0)
        {
          name = unique_file_name (taken, info, &options->period);
          path = g_build_filename (directory, name, NULL);
          g_clear_pointer (&totals, g_array_unref);
          if (!pecan_report_write (store, options, info, path, pecan_report_progress_step, &step,
                                   cancellable, &totals, error))
            return FALSE;
        }
      result.path = path;
      result.totals = totals;
      if (done != NULL)
        done (&result, user_data);
      if (progress != NULL)
        progress ((i + 1) / (double) n, user_data);
    }
  return TRUE;
}

/* The progress of one workbook, as a part of a whole run. */
void
pecan_report_progress_step (double   fraction,
                            gpointer data)
{
  ReportProgress *step = data;

  if (step->progress != NULL)
    step->progress ((step->index + fraction) / step->count, step->user_data);
}
