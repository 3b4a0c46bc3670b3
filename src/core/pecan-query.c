/* pecan-query.c: PEC figures, incidents and history, read from the rollups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure reads the rollups, never the lines: the monthly rollup when
 * the period is made of whole months, the daily one otherwise. Invoice
 * reconciliation lines count for a customer's month only when no daily data
 * exists for it, so the two never count twice.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pecan-batch.h"
#include "pecan-incident.h"
#include "pecan-parse.h"
#include "pecan-period.h"
#include "pecan-query.h"
#include "pecan-rules.h"
#include "pecan-store-private.h"
#include "pecan-summary-row.h"

static const char * const group_names[] = {
  [PECAN_GROUP_TOTAL] = "total",
  [PECAN_GROUP_CUSTOMER_MONTH] = "customer-month",
  [PECAN_GROUP_CUSTOMER] = "customer",
  [PECAN_GROUP_MONTH] = "month",
  [PECAN_GROUP_SUBSCRIPTION] = "subscription",
  [PECAN_GROUP_CATEGORY] = "category",
  [PECAN_GROUP_DAY] = "day",
  [PECAN_GROUP_PARTNER] = "partner",
};

/* What each grouping selects, and groups by: customer, subscription,
 * category, partner, month and day; NULL where it does not group. %M stands
 * for the month expression of the rollup read. */
static const char * const group_keys[][6] = {
  [PECAN_GROUP_TOTAL] = { NULL, NULL, NULL, NULL, NULL, NULL },
  [PECAN_GROUP_CUSTOMER_MONTH] = { "t.customer_id", NULL, NULL, NULL, "%M", NULL },
  [PECAN_GROUP_CUSTOMER] = { "t.customer_id", NULL, NULL, NULL, NULL, NULL },
  [PECAN_GROUP_MONTH] = { NULL, NULL, NULL, NULL, "%M", NULL },
  [PECAN_GROUP_SUBSCRIPTION] = { "t.customer_id", "t.subscription_id", NULL, NULL, NULL, NULL },
  [PECAN_GROUP_CATEGORY] = { NULL, NULL, "t.category_id", NULL, NULL, NULL },
  [PECAN_GROUP_DAY] = { NULL, NULL, NULL, NULL, NULL, "t.day" },
  [PECAN_GROUP_PARTNER] = { NULL, NULL, NULL, "cu.partner_id", NULL, NULL },
};

static const char * const key_names[6] = {
  "customer_id", "subscription_id", "category_id", "partner_id", "month", "day"
};

gboolean
pecan_group_by_from_string (const char   *text,
                            PecanGroupBy *group_by)
{
  for (guint i = 0; i < G_N_ELEMENTS (group_names); i++)
    if (g_strcmp0 (text, group_names[i]) == 0)
      {
        *group_by = i;
        return TRUE;
      }
  return FALSE;
}

const char *
pecan_group_by_to_string (PecanGroupBy group_by)
{
  g_return_val_if_fail (group_by < G_N_ELEMENTS (group_names), NULL);
  return group_names[group_by];
}

/* What a summary reads: the monthly rollup for whole months, else the daily
 * one, else (for meter categories over part of a month, which the daily
 * rollup does not keep) the lines themselves. */
typedef enum
{
  SOURCE_CUSTOMER_MONTHLY,
  SOURCE_MONTHLY,
  SOURCE_DAILY,
  SOURCE_LINES,
} Source;

static const char * const source_tables[] = {
  [SOURCE_CUSTOMER_MONTHLY] = "customer_month_total",
  [SOURCE_MONTHLY] = "monthly_total",
  [SOURCE_DAILY] = "daily_total",
  [SOURCE_LINES] =
    "(SELECT l.day AS day, s.customer_id AS customer_id, l.family AS family,"
    "  l.subscription_id AS subscription_id, m.category_id AS category_id,"
    "  l.currency AS currency, l.state AS state, l.pec_centi AS pec_centi, 1 AS lines,"
    "  l.billed AS billed FROM usage_line AS l JOIN meter AS m ON m.id = l.meter_id"
    "  JOIN subscription AS s ON s.id = l.subscription_id)",
};

static char *
summary_sql (PecanGroupBy group_by,
             Source       source)
{
  gboolean monthly = source == SOURCE_MONTHLY || source == SOURCE_CUSTOMER_MONTHLY;
  const char *month = monthly ? "t.month"
                              : "CAST (strftime ('%Y%m', t.day * 86400, 'unixepoch') AS INTEGER)";
  const char *range = monthly ? "t.month BETWEEN ?1 AND ?2" : "t.day BETWEEN ?1 AND ?2";
  g_autoptr(GString) keys = g_string_new (NULL);
  g_autoptr(GString) group = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (key_names); i++)
    {
      const char *expr = group_keys[group_by][i];

      if (expr != NULL && g_str_equal (expr, "%M"))
        expr = month;
      g_string_append_printf (keys, "%s AS %s, ", expr != NULL ? expr : "NULL", key_names[i]);
      if (expr != NULL)
        g_string_append_printf (group, "%s, ", expr);
    }

  return g_strdup_printf (
    "SELECT g.customer_id, g.subscription_id, g.category_id, g.month, g.day, g.currency,"
    "  g.lines, g.billed, g.eligible, g.unknown, g.earned, g.lost_base,"
    "  c.tenant_id, c.name, c.domain, s.azure_id, s.name, k.name, p.tenant_id, p.name"
    " FROM (SELECT %s t.currency AS currency,"
    "   sum (t.lines) AS lines, sum (t.billed) AS billed,"
    "   sum (CASE WHEN t.state IN (0, 1, 2) THEN t.billed ELSE 0 END) AS eligible,"
    "   sum (CASE WHEN t.state = 4 THEN t.billed ELSE 0 END) AS unknown,"
    "   sum (CASE WHEN t.state = 0 AND t.pec_centi < 10000"
    "        THEN t.billed * 1.0 * t.pec_centi / (10000 - t.pec_centi) ELSE 0 END) AS earned,"
    "   sum (CASE WHEN t.state = 1 THEN t.billed ELSE 0 END) AS lost_base"
    "  FROM %s AS t%s"
    "  WHERE %s AND (?3 = 0 OR t.customer_id = ?3)"
    "   AND (t.family = 0 OR NOT EXISTS (SELECT 1 FROM customer_month_total AS d"
    "        WHERE d.month = %s AND d.customer_id = t.customer_id AND d.family = 0))"
    "  GROUP BY %s t.currency) AS g"
    " LEFT JOIN customer AS c ON c.id = g.customer_id"
    " LEFT JOIN subscription AS s ON s.id = g.subscription_id"
    " LEFT JOIN category AS k ON k.id = g.category_id"
    " LEFT JOIN partner AS p ON p.id = g.partner_id"
    " ORDER BY c.name, c.tenant_id, g.month, g.day, s.name, k.name, p.name, g.currency",
    keys->str, source_tables[source],
    /* Only the partner grouping needs the customer of every row. */
    group_by == PECAN_GROUP_PARTNER ? " JOIN customer AS cu ON cu.id = t.customer_id" : "",
    range, month, group->str);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
}

static void
read_summary_row (sqlite3_stmt     *stmt,
                  int               pec_rate,
                  PecanSummaryInfo *info)
{
  memset (info, 0, sizeof *info);
  info->customer_id = sqlite3_column_int64 (stmt, 0);
  info->subscription_id = sqlite3_column_int64 (stmt, 1);
  info->month = sqlite3_column_int (stmt, 3);
  info->day = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? G_MININT32
                                                          : sqlite3_column_int (stmt, 4);
  /* A day's month is found here rather than per row in SQL. */
  if (info->day != G_MININT32)
    info->month = pecan_store_month_of_day (info->day);
  info->currency = column_dup (stmt, 5);
  info->lines = sqlite3_column_int64 (stmt, 6);
  info->billed = sqlite3_column_int64 (stmt, 7);
  info->eligible = sqlite3_column_int64 (stmt, 8);
  info->unknown = sqlite3_column_int64 (stmt, 9);
  info->pec_earned = sqlite3_column_double (stmt, 10) / PECAN_NANO;
  info->pec_lost = sqlite3_column_int64 (stmt, 11) / (double) PECAN_NANO * pec_rate / 100.0;
  info->customer_tenant = column_dup (stmt, 12);
  info->customer_name = column_dup (stmt, 13);
  info->customer_domain = column_dup (stmt, 14);
  info->subscription_azure_id = column_dup (stmt, 15);
  info->subscription_name = column_dup (stmt, 16);
  info->category = column_dup (stmt, 17);
  info->partner_tenant = column_dup (stmt, 18);
  info->partner_name = column_dup (stmt, 19);
}

static char *
summary_key (const PecanSummaryInfo *info)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%s|%s|%s|%s",
                          info->customer_id, info->subscription_id, info->category,
                          info->partner_tenant, info->currency, "");
}

/* Runs the summary for one period into @rows, keyed when @index is given. */
static gboolean
run_summary (PecanStore         *store,
             PecanGroupBy        group_by,
             const PecanPeriod  *period,
             gint64              customer_id,
             GPtrArray          *rows,
             GError            **error)
{
  int first_month, last_month;
  gboolean monthly = group_by != PECAN_GROUP_DAY
                     && pecan_period_months (period, &first_month, &last_month);
  gboolean fine = group_by == PECAN_GROUP_SUBSCRIPTION || group_by == PECAN_GROUP_CATEGORY;
  Source source = monthly ? (fine ? SOURCE_MONTHLY : SOURCE_CUSTOMER_MONTHLY)
                          : group_by == PECAN_GROUP_CATEGORY ? SOURCE_LINES : SOURCE_DAILY;
  g_autofree char *sql = summary_sql (group_by, source);
  g_autoptr(sqlite3_stmt) stmt = pecan_store_prepare (store, sql, error);
  int rate = pecan_store_get_pec_rate (store);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, monthly ? first_month : period->first);
  sqlite3_bind_int (stmt, 2, monthly ? last_month : period->last);
  sqlite3_bind_int64 (stmt, 3, customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PecanSummaryInfo *info = g_new0 (PecanSummaryInfo, 1);
      read_summary_row (stmt, rate, info);
      g_ptr_array_add (rows, info);
    }
  if (rc != SQLITE_DONE)
    {
      pecan_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

static void
summary_info_free (gpointer data)
{
  pecan_summary_info_clear (data);
  g_free (data);
}

static gboolean
has_previous (PecanGroupBy group_by)
{
  return group_by == PECAN_GROUP_TOTAL || group_by == PECAN_GROUP_CUSTOMER
         || group_by == PECAN_GROUP_SUBSCRIPTION || group_by == PECAN_GROUP_CATEGORY
         || group_by == PECAN_GROUP_PARTNER;
}

/* Gives each row its key's figures in the previous period of equal length. */
static gboolean
add_previous (PecanStore         *store,
              PecanGroupBy        group_by,
              const PecanPeriod  *period,
              gint64              customer_id,
              GPtrArray          *rows,
              GError            **error)
{
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (summary_info_free);
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PecanPeriod previous;

  if (!has_previous (group_by) || !pecan_period_previous (period, &previous))
    return TRUE;
  if (!run_summary (store, group_by, &previous, customer_id, before, error))
    return FALSE;
  for (guint i = 0; i < before->len; i++)
    g_hash_table_insert (index, summary_key (before->pdata[i]), before->pdata[i]);
  for (guint i = 0; i < rows->len; i++)
    {
      PecanSummaryInfo *info = rows->pdata[i];
      g_autofree char *key = summary_key (info);
      PecanSummaryInfo *old = g_hash_table_lookup (index, key);

      info->has_previous = TRUE;
      if (old == NULL)
        continue;
      info->previous_billed = old->billed;
      info->previous_eligible = old->eligible;
      info->previous_earned = old->pec_earned;
      info->previous_lost = old->pec_lost;
    }
  return TRUE;
}

/**
 * pecan_query_summary:
 * @store: the database
 * @group_by: what each row sums
 * @period: the days to sum
 * @customer_id: only this customer's figures, or 0 for all
 * @error: return location for an error
 *
 * Sums billed, eligible, PEC earned and PEC lost per key and billing
 * currency: amounts of different currencies are never added together.
 * Rows of a closed period also carry the previous period's figures for
 * the same key (not for groupings by month or day).
 *
 * Returns: (transfer full): a model of #PecanSummaryRow
 */
GListModel *
pecan_query_summary (PecanStore         *store,
                     PecanGroupBy        group_by,
                     const PecanPeriod  *period,
                     gint64              customer_id,
                     GError            **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (summary_info_free);
  GListStore *model;

  g_return_val_if_fail (PECAN_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if (!run_summary (store, group_by, period, customer_id, rows, error)
      || !add_previous (store, group_by, period, customer_id, rows, error))
    return NULL;
  model = g_list_store_new (PECAN_TYPE_SUMMARY_ROW);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(PecanSummaryRow) row = pecan_summary_row_new (rows->pdata[i]);
      g_list_store_append (model, row);
    }
  return G_LIST_MODEL (model);
}

/* Runs of days of one subscription with lost PEC and no PEC earned; a day
 * on which PEC was earned ends a run, a day without eligible usage does not.
 *
 * An incident's state (handled, note) is the newest one written for its
 * subscription on a day of its run: from its first day to its last, or
 * earlier when no PEC was earned in between. Keyed by the first day as it
 * was seen, the state thus stays with the incident when an import adds
 * days at either end, when an undo takes its first days away, and when the
 * period shows only the end of a run that began before it (January's
 * ongoing incident, looked at again in February). A run cut in two by a
 * newly imported day with PEC keeps the state in its first part only. */
static const char incidents_sql[] =
  "WITH d AS ("
  "  SELECT subscription_id, customer_id, day, currency,"
  "    sum (CASE WHEN state = 0 THEN lines ELSE 0 END) AS earned_lines,"
  "    sum (CASE WHEN state = 1 THEN lines ELSE 0 END) AS lost_lines,"
  "    sum (CASE WHEN state = 1 THEN billed ELSE 0 END) AS lost_billed"
  "  FROM daily_total WHERE family = 0 AND state IN (0, 1) AND day BETWEEN ?1 AND ?2"
  "   AND (?3 = 0 OR customer_id = ?3)"
  "  GROUP BY subscription_id, customer_id, day, currency),"
  " r AS ("
  "  SELECT *, sum (CASE WHEN earned_lines > 0 THEN 1 ELSE 0 END)"
  "    OVER (PARTITION BY subscription_id, currency ORDER BY day) AS run FROM d),"
  " i AS ("
  "  SELECT subscription_id, customer_id, currency, min (day) AS first_day,"
  "    max (day) AS last_day, count (*) AS days, sum (lost_lines) AS lines,"
  "    sum (lost_billed) AS billed"
  "  FROM r WHERE earned_lines = 0 AND lost_lines > 0"
  "  GROUP BY subscription_id, customer_id, currency, run),"
  " l AS ("
  "  SELECT subscription_id, max (day) AS last_data FROM daily_total"
  "  WHERE family = 0 AND day BETWEEN ?1 AND ?2 AND (?3 = 0 OR customer_id = ?3)"
  "  GROUP BY subscription_id)"
  " SELECT i.subscription_id, c.tenant_id, c.name, s.azure_id, s.name, i.first_day,"
  "   i.last_day, i.days, i.lines, i.currency, i.billed, i.last_day >= l.last_data,"
  "   i.customer_id, p.mpn_id, n.handled, n.note"
  " FROM i JOIN customer AS c ON c.id = i.customer_id"
  "  JOIN subscription AS s ON s.id = i.subscription_id"
  "  JOIN l ON l.subscription_id = i.subscription_id"
  "  LEFT JOIN partner AS p ON p.id = c.partner_id"
  "  LEFT JOIN incident_state AS n ON n.subscription_id = i.subscription_id"
  "   AND n.first_day = ("
  "    SELECT m.first_day FROM incident_state AS m"
  "    WHERE m.subscription_id = i.subscription_id AND m.first_day <= i.last_day"
  "     AND (m.first_day >= i.first_day OR NOT EXISTS ("
  "      SELECT 1 FROM coverage AS v JOIN daily_total AS t ON t.day = v.day"
  "       AND t.customer_id = v.customer_id AND t.family = 0"
  "       AND t.subscription_id = v.subscription_id AND t.state = 0"
  "      WHERE v.subscription_id = i.subscription_id AND v.family = 0"
  "       AND v.day >= m.first_day AND v.day < i.first_day))"
  "    ORDER BY m.updated_at DESC, m.first_day DESC LIMIT 1)"
  " ORDER BY i.billed DESC, c.name, s.azure_id, i.first_day";

static void
read_incident (sqlite3_stmt      *stmt,
               int                pec_rate,
               PecanIncidentInfo *info)
{
  *info = (PecanIncidentInfo) {
    .subscription_id = sqlite3_column_int64 (stmt, 0),
    .customer_tenant = (char *) sqlite3_column_text (stmt, 1),
    .customer_name = (char *) sqlite3_column_text (stmt, 2),
    .subscription_azure_id = (char *) sqlite3_column_text (stmt, 3),
    .subscription_name = (char *) sqlite3_column_text (stmt, 4),
    .first_day = sqlite3_column_int (stmt, 5),
    .last_day = sqlite3_column_int (stmt, 6),
    .days = sqlite3_column_int (stmt, 7),
    .lines = sqlite3_column_int64 (stmt, 8),
    .currency = (char *) sqlite3_column_text (stmt, 9),
    .billed = sqlite3_column_int64 (stmt, 10),
    .ongoing = sqlite3_column_int (stmt, 11),
    .customer_id = sqlite3_column_int64 (stmt, 12),
    .partner_mpn_id = (char *) sqlite3_column_text (stmt, 13),
    .handled = sqlite3_column_int (stmt, 14) != 0,
    .note = (char *) sqlite3_column_text (stmt, 15),
  };
  info->pec_lost = info->billed / (double) PECAN_NANO * pec_rate / 100.0;
}

/**
 * pecan_query_incidents:
 * @store: the database
 * @period: the days to look at
 * @customer_id: only this customer's incidents, or 0 for all
 * @error: return location for an error
 *
 * Finds the lost-PEC incidents: runs of days in which an eligible
 * subscription earned no PEC, ranked by the PEC lost, each with the state
 * pecan_store_set_incident_note() recorded for it.
 *
 * Returns: (transfer full): a model of #PecanIncident
 */
GListModel *
pecan_query_incidents (PecanStore         *store,
                       const PecanPeriod  *period,
                       gint64              customer_id,
                       GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) model = g_list_store_new (PECAN_TYPE_INCIDENT);
  int rate;
  int rc;

  g_return_val_if_fail (PECAN_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  stmt = pecan_store_prepare (store, incidents_sql, error);
  if (stmt == NULL)
    return NULL;
  rate = pecan_store_get_pec_rate (store);
  sqlite3_bind_int (stmt, 1, period->first);
  sqlite3_bind_int (stmt, 2, period->last);
  sqlite3_bind_int64 (stmt, 3, customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PecanIncidentInfo info;
      g_autoptr(PecanIncident) incident = NULL;

      read_incident (stmt, rate, &info);
      incident = pecan_incident_new (&info);
      g_list_store_append (model, incident);
    }
  if (rc != SQLITE_DONE)
    {
      pecan_store_set_error (store, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&model));
}

static void
read_batch (sqlite3_stmt   *stmt,
            PecanBatchInfo *info)
{
  const char *delimiter = (const char *) sqlite3_column_text (stmt, 6);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->file_name = column_dup (stmt, 1);
  info->file_size = sqlite3_column_int64 (stmt, 2);
  info->sha256 = column_dup (stmt, 3);
  info->layout = pecan_layout_from_string ((const char *) sqlite3_column_text (stmt, 4));
  info->encoding = column_dup (stmt, 5);
  info->delimiter = delimiter != NULL ? delimiter[0] : ',';
  info->pec_known = sqlite3_column_int (stmt, 7);
  info->lines = sqlite3_column_int64 (stmt, 8);
  info->skipped = sqlite3_column_int64 (stmt, 9);
  info->replaced = sqlite3_column_int64 (stmt, 10);
  info->kept = sqlite3_column_int64 (stmt, 11);
  info->first_day = sqlite3_column_type (stmt, 12) == SQLITE_NULL ? G_MININT32
                                                                 : sqlite3_column_int (stmt, 12);
  info->last_day = sqlite3_column_type (stmt, 13) == SQLITE_NULL ? G_MININT32
                                                                : sqlite3_column_int (stmt, 13);
  info->imported_at = column_dup (stmt, 14);
  info->seconds = sqlite3_column_double (stmt, 15);
  info->customers = sqlite3_column_int (stmt, 16);
}

/**
 * pecan_query_batches:
 * @store: the database
 * @error: return location for an error
 *
 * Returns: (transfer full): the import history, newest first, as a model
 *   of #PecanBatch
 */
GListModel *
pecan_query_batches (PecanStore  *store,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) model = g_list_store_new (PECAN_TYPE_BATCH);
  int rc;

  g_return_val_if_fail (PECAN_IS_STORE (store), NULL);

  stmt = pecan_store_prepare (store,
                              "SELECT id, file_name, file_size, sha256, layout, encoding,"
                              " delimiter, pec_known, lines, skipped, replaced, kept, first_day,"
                              " last_day, imported_at, seconds, customers FROM batch ORDER BY id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PecanBatchInfo info = { 0 };
      g_autoptr(PecanBatch) batch = NULL;

      read_batch (stmt, &info);
      batch = pecan_batch_new (&info);
      pecan_batch_info_clear (&info);
      g_list_store_append (model, batch);
    }
  if (rc != SQLITE_DONE)
    {
      pecan_store_set_error (store, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&model));
}

/**
 * pecan_query_data_range:
 * @store: the database
 * @range: (out): the first and last usage day held
 * @error: return location for an error
 *
 * Returns: %FALSE when the database holds no usage (without @error set) or
 *   on error
 */
gboolean
pecan_query_data_range (PecanStore   *store,
                        PecanPeriod  *range,
                        GError      **error)
{
  /* Two subqueries: SQLite answers each from the key, but min and max
   * asked together with a scan of the table. */
  g_autoptr(sqlite3_stmt) stmt = pecan_store_prepare (store,
                                                      "SELECT (SELECT min (day) FROM daily_total),"
                                                      " (SELECT max (day) FROM daily_total)",
                                                      error);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW
      || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return FALSE;
  range->first = sqlite3_column_int (stmt, 0);
  range->last = sqlite3_column_int (stmt, 1);
  return TRUE;
}

/**
 * pecan_query_find_customer:
 * @store: the database
 * @tenant_id: a customer's tenant ID, as in the files
 *
 * Returns: the customer's id in the database, or 0
 */
gint64
pecan_query_find_customer (PecanStore *store,
                           const char *tenant_id)
{
  g_autoptr(sqlite3_stmt) stmt = pecan_store_prepare (store, "SELECT id FROM customer"
                                                             " WHERE tenant_id = lower (?)",
                                                      NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/**
 * pecan_query_trailing_billed:
 * @store: the database
 * @last_month: the last month (yyyymm) of the twelve, or 0 for the latest
 *   month with data
 * @error: return location for an error
 *
 * The billed total of the twelve months up to @last_month, per partner and
 * currency: the CSP revenue that MCI eligibility is measured on.
 *
 * Returns: (transfer full): a model of #PecanSummaryRow grouped by partner
 */
GListModel *
pecan_query_trailing_billed (PecanStore  *store,
                             int          last_month,
                             GError     **error)
{
  PecanPeriod range, period;
  int y, m, d;

  if (last_month == 0)
    {
      if (!pecan_query_data_range (store, &range, error))
        return error != NULL && *error != NULL ? NULL
                                               : G_LIST_MODEL (g_list_store_new (PECAN_TYPE_SUMMARY_ROW));
      pecan_day_to_ymd (range.last, &y, &m, &d);
    }
  else
    y = last_month / 100, m = last_month % 100;
  period.last = pecan_month_last_day (y, m);
  m -= 11;
  while (m < 1)
    m += 12, y--;
  period.first = pecan_day_from_ymd (y, m, 1);
  return pecan_query_summary (store, PECAN_GROUP_PARTNER, &period, 0, error);
}
