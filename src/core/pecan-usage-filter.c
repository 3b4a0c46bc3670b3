/* pecan-usage-filter.c: which usage lines to show, and their SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQL reads usage_line along its key (day, subscription, batch,
 * line), so that its lines come in that order without a sort, and so that
 * a read can start at any key. A filter of a few subscriptions seeks each
 * of them day by day; the others narrow the lines as they are read.
 *
 * The lines are those the figures count (pecan-query.c): invoice
 * reconciliation lines of a customer's month only when no daily data
 * exists for it.
 */
#include "config.h"

#include <string.h>

#include "pecan-usage-filter-private.h"

static gboolean
has_search (const PecanUsageFilter *filter)
{
  return filter->search != NULL && filter->search[0] != '\0';
}

/* The WHERE clause; the days of a seek come from "days" (see below). */
static void
append_where (GString                *sql,
              const PecanUsageFilter *filter,
              PecanUsageSqlFlags      flags)
{
  if (flags & PECAN_USAGE_SQL_SEEK)
    g_string_append (sql, " WHERE l.day IN (SELECT day FROM days)");
  else if (flags & PECAN_USAGE_SQL_FROM_KEY)
    g_string_append (sql, " WHERE l.day <= :last");
  else
    g_string_append (sql, " WHERE l.day BETWEEN :from AND :last");
  /* Alone, without a lower bound on the day, it is where the read starts. */
  if (flags & PECAN_USAGE_SQL_FROM_KEY)
    g_string_append (sql, " AND (l.day, l.subscription_id, l.batch_id, l.line)"
                          " >= (:kday, :ksubscription, :kbatch, :kline)");
  /* Gathered once by the model: not again for every page it reads. */
  if (pecan_usage_filter_is_subset (filter))
    g_string_append (sql, " AND l.subscription_id IN (SELECT id FROM temp.chosen_subscription)");
  if (filter->category != NULL)
    g_string_append (sql, " AND l.meter_id IN (SELECT m2.id FROM meter AS m2"
                          " JOIN category AS k2 ON k2.id = m2.category_id"
                          " WHERE k2.name = :category)");
  if (filter->state != PECAN_USAGE_ANY_STATE)
    g_string_append (sql, " AND l.state = :state");
  g_string_append (sql, " AND (l.family = 0 OR NOT EXISTS (SELECT 1 FROM customer_month_total AS d"
                        "  WHERE d.month = CAST (strftime ('%Y%m', l.day * 86400, 'unixepoch')"
                        "   AS INTEGER)"
                        "  AND d.customer_id = (SELECT customer_id FROM subscription"
                        "   WHERE id = l.subscription_id) AND d.family = 0))");
}

static void
bind_text (sqlite3_stmt *stmt,
           const char   *name,
           const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

/* A LIKE pattern that finds @text anywhere, its wildcards taken literally. */
static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/**
 * pecan_usage_filter_init:
 * @filter: (out caller-allocates): the filter to fill
 * @period: the days whose lines to hold
 *
 * Sets @filter to every line of @period.
 */
void
pecan_usage_filter_init (PecanUsageFilter  *filter,
                         const PecanPeriod *period)
{
  memset (filter, 0, sizeof *filter);
  filter->period = *period;
  filter->state = PECAN_USAGE_ANY_STATE;
}

/**
 * pecan_usage_filter_clear:
 * @filter: a filter
 *
 * Frees the texts of @filter.
 */
void
pecan_usage_filter_clear (PecanUsageFilter *filter)
{
  g_clear_pointer (&filter->search, g_free);
  g_clear_pointer (&filter->category, g_free);
}

/**
 * pecan_usage_filter_copy:
 * @filter: a filter
 *
 * Returns: (transfer full): a copy, its texts copied too
 */
PecanUsageFilter *
pecan_usage_filter_copy (const PecanUsageFilter *filter)
{
  PecanUsageFilter *copy = g_new (PecanUsageFilter, 1);

  *copy = *filter;
  copy->search = g_strdup (filter->search);
  copy->category = g_strdup (filter->category);
  return copy;
}

void
pecan_usage_filter_free (PecanUsageFilter *filter)
{
  if (filter == NULL)
    return;
  pecan_usage_filter_clear (filter);
  g_free (filter);
}

/**
 * pecan_usage_filter_equal:
 *
 * Returns: whether @a and @b hold the same lines
 */
gboolean
pecan_usage_filter_equal (const PecanUsageFilter *a,
                          const PecanUsageFilter *b)
{
  return a->period.first == b->period.first && a->period.last == b->period.last
         && a->customer_id == b->customer_id && a->subscription_id == b->subscription_id
         && g_strcmp0 (has_search (a) ? a->search : NULL, has_search (b) ? b->search : NULL) == 0
         && g_strcmp0 (a->category, b->category) == 0 && a->state == b->state;
}

/**
 * pecan_usage_filter_narrows:
 *
 * Returns: whether @filter holds fewer lines than every one of its period
 */
gboolean
pecan_usage_filter_narrows (const PecanUsageFilter *filter)
{
  return pecan_usage_filter_is_subset (filter) || filter->category != NULL
         || filter->state != PECAN_USAGE_ANY_STATE;
}

/* Whether the filter names some subscriptions, which the model gathers
 * into temp.chosen_subscription. */
gboolean
pecan_usage_filter_is_subset (const PecanUsageFilter *filter)
{
  return filter->customer_id != 0 || filter->subscription_id != 0 || has_search (filter);
}

/* The ids of the subscriptions a subset names. */
char *
pecan_usage_filter_subscriptions_sql (const PecanUsageFilter *filter)
{
  GString *sql = g_string_new ("SELECT s2.id FROM subscription AS s2"
                               " JOIN customer AS c2 ON c2.id = s2.customer_id WHERE 1");

  if (filter->customer_id != 0)
    g_string_append (sql, " AND s2.customer_id = :customer");
  if (filter->subscription_id != 0)
    g_string_append (sql, " AND s2.id = :subscription");
  if (has_search (filter))
    g_string_append (sql, " AND (c2.name LIKE :pattern ESCAPE '\\'"
                          " OR c2.domain LIKE :pattern ESCAPE '\\'"
                          " OR c2.tenant_id LIKE :pattern ESCAPE '\\'"
                          " OR s2.name LIKE :pattern ESCAPE '\\'"
                          " OR s2.azure_id LIKE :pattern ESCAPE '\\')");
  return g_string_free (sql, FALSE);
}

/* A statement over the lines of @filter (usage_line AS l, in @columns),
 * in the order of their key; @tail ends it ("LIMIT 256"). */
char *
pecan_usage_filter_sql (const PecanUsageFilter *filter,
                        const char             *columns,
                        PecanUsageSqlFlags      flags,
                        const char             *tail)
{
  GString *sql = g_string_new (NULL);

  /* Days one by one, so that each day and subscription is a seek. */
  if (flags & PECAN_USAGE_SQL_SEEK)
    g_string_append (sql, "WITH RECURSIVE days (day) AS (SELECT :from"
                          " UNION ALL SELECT day + 1 FROM days WHERE day < :last) ");
  g_string_append (sql, columns);
  append_where (sql, filter, flags);
  g_string_append (sql, " ORDER BY l.day, l.subscription_id, l.batch_id, l.line");
  g_string_append (sql, tail);
  return g_string_free (sql, FALSE);
}

/* Binds by name, so that one binding serves every form of the SQL. */
void
pecan_usage_bind_int64 (sqlite3_stmt *stmt,
                        const char   *name,
                        gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

/* Binds the filter's values, and the days to read from @from to @last
 * (within the period). */
void
pecan_usage_filter_bind (const PecanUsageFilter *filter,
                         sqlite3_stmt           *stmt,
                         gint32                  from,
                         gint32                  last)
{
  pecan_usage_bind_int64 (stmt, ":from", from);
  pecan_usage_bind_int64 (stmt, ":last", last);
  pecan_usage_bind_int64 (stmt, ":customer", filter->customer_id);
  pecan_usage_bind_int64 (stmt, ":subscription", filter->subscription_id);
  pecan_usage_bind_int64 (stmt, ":state", filter->state);
  bind_text (stmt, ":category", filter->category);
  if (has_search (filter))
    {
      g_autofree char *pattern = like_pattern (filter->search);
      bind_text (stmt, ":pattern", pattern);
    }
}
