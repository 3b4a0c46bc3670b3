/* pecan-usage-model.c: the usage lines of a period, read a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A month can hold millions of lines: the model never holds them all. One
 * scan of the matching keys, when the model is made, counts the lines and
 * keeps the key of the first line of every page of 256; a page is then
 * read from its first key onwards along the table's own key (day,
 * subscription, batch, line), and the last few pages read stay cached.
 * When few lines match a filter, the pages would lie far apart in the
 * table: the model then keeps every key and reads a page line by line.
 *
 * The model reads through a connection of its own, in one read
 * transaction from the scan on: its pages come from the snapshot that was
 * counted, whatever is imported meanwhile. Made on a worker thread, it is
 * used on one thread only from then on. Its SQL is in pecan-usage-filter.c.
 */
#include "config.h"

#include "pecan-error.h"
#include "pecan-parse.h"
#include "pecan-store-private.h"
#include "pecan-usage-filter-private.h"
#include "pecan-usage-model-private.h"

#define PAGE_SIZE 256
#define CACHED_PAGES 8
/* Up to this many lines (2 MiB of keys), every key is kept. Above it, a
 * page spans on average at most total / 256 lines of the table. */
#define KEEP_ALL_MAX (256 * PAGE_SIZE)
/* Seeking each day and subscription wastes a seek per subscription of a
 * page's first day that comes before it: with more subscriptions than
 * this, reading on along the key costs less. */
#define SEEK_MAX_SUBSCRIPTIONS 256

typedef struct
{
  gint64 subscription_id;
  gint64 batch_id;
  gint64 line;
  gint32 day;
} Key;

typedef struct
{
  GPtrArray *lines;   /* NULL: the slot is free */
  guint      page;
  guint64    used;
} CachedPage;

struct _PecanUsageModel
{
  GObject           parent_instance;

  PecanStore       *store;
  PecanUsageFilter  filter;
  PecanPeriod       days;        /* the period, within the days that hold data */
  int               pec_rate;
  gboolean          seek;        /* seek each day and subscription of a subset */
  guint             n_items;
  GArray           *keys;        /* of Key: every key, or the first of every page */
  guint             stride;      /* lines from one kept key to the next */
  sqlite3_stmt     *page_stmt;   /* a page from its first key */
  sqlite3_stmt     *line_stmt;   /* one line by its key */
  CachedPage        cache[CACHED_PAGES];
  guint64           clock;
};

static void pecan_usage_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PecanUsageModel, pecan_usage_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      pecan_usage_model_list_model_init))

static guint seek_max = SEEK_MAX_SUBSCRIPTIONS;

static const char line_columns[] =
  "SELECT l.day, l.subscription_id, l.batch_id, l.line, s.customer_id, c.tenant_id, c.name,"
  " s.azure_id, s.name, k.name, m.subcategory, m.name, m.unit, p.name, b.file_name,"
  " l.family, l.quantity, l.billed, l.currency, l.state, l.reason, l.pec_centi"
  /* The lines drive the join, in the order of their key. */
  " FROM usage_line AS l"
  " CROSS JOIN subscription AS s ON s.id = l.subscription_id"
  " CROSS JOIN customer AS c ON c.id = s.customer_id"
  " CROSS JOIN meter AS m ON m.id = l.meter_id"
  " CROSS JOIN category AS k ON k.id = m.category_id"
  " CROSS JOIN product AS p ON p.id = l.product_id"
  " CROSS JOIN batch AS b ON b.id = l.batch_id";

static void
bind_key (sqlite3_stmt *stmt,
          const Key    *key)
{
  pecan_usage_bind_int64 (stmt, ":kday", key->day);
  pecan_usage_bind_int64 (stmt, ":ksubscription", key->subscription_id);
  pecan_usage_bind_int64 (stmt, ":kbatch", key->batch_id);
  pecan_usage_bind_int64 (stmt, ":kline", key->line);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static PecanUsageLine *
read_line (PecanUsageModel *self,
           sqlite3_stmt    *stmt)
{
  PecanUsageLineInfo info = {
    .day = sqlite3_column_int (stmt, 0),
    .subscription_id = sqlite3_column_int64 (stmt, 1),
    .batch_id = sqlite3_column_int64 (stmt, 2),
    .line = sqlite3_column_int64 (stmt, 3),
    .customer_id = sqlite3_column_int64 (stmt, 4),
    .customer_tenant = column_dup (stmt, 5),
    .customer_name = column_dup (stmt, 6),
    .subscription_azure_id = column_dup (stmt, 7),
    .subscription_name = column_dup (stmt, 8),
    .category = column_dup (stmt, 9),
    .subcategory = column_dup (stmt, 10),
    .meter = column_dup (stmt, 11),
    .unit = column_dup (stmt, 12),
    .product = column_dup (stmt, 13),
    .file_name = column_dup (stmt, 14),
    .invoice = sqlite3_column_int (stmt, 15) != 0,
    .has_quantity = sqlite3_column_type (stmt, 16) != SQLITE_NULL,
    .quantity = sqlite3_column_int64 (stmt, 16),
    .billed = sqlite3_column_int64 (stmt, 17),
    .currency = column_dup (stmt, 18),
    .state = sqlite3_column_int (stmt, 19),
    .reason = sqlite3_column_int (stmt, 20),
    .pec_centi = sqlite3_column_int (stmt, 21),
  };
  double billed = info.billed / (double) PECAN_NANO;

  /* As the figures count them (pecan-query.c). */
  if (info.state == PECAN_PEC_EARNED)
    info.pec_earned = pecan_rules_earned (billed, info.pec_centi);
  else if (info.state == PECAN_PEC_LOST)
    info.pec_lost = billed * self->pec_rate / 100.0;
  return pecan_usage_line_new (&info);
}

/* Reads page @page: from its first key when keys are kept a page apart,
 * else line by line. */
static GPtrArray *
read_page (PecanUsageModel  *self,
           guint             page,
           GError          **error)
{
  GPtrArray *lines = g_ptr_array_new_full (PAGE_SIZE, g_object_unref);
  guint first = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->n_items - first);
  int rc = SQLITE_DONE;

  if (self->stride == PAGE_SIZE)
    {
      const Key *key = &g_array_index (self->keys, Key, page);

      sqlite3_reset (self->page_stmt);
      pecan_usage_filter_bind (&self->filter, self->page_stmt, key->day, self->days.last);
      bind_key (self->page_stmt, key);
      while (lines->len < n && (rc = sqlite3_step (self->page_stmt)) == SQLITE_ROW)
        g_ptr_array_add (lines, read_line (self, self->page_stmt));
      sqlite3_reset (self->page_stmt);
    }
  else
    for (guint i = first; i < first + n; i++)
      {
        sqlite3_reset (self->line_stmt);
        bind_key (self->line_stmt, &g_array_index (self->keys, Key, i));
        if ((rc = sqlite3_step (self->line_stmt)) != SQLITE_ROW)
          break;
        g_ptr_array_add (lines, read_line (self, self->line_stmt));
      }
  if (lines->len == n)
    return lines;
  /* The read transaction keeps every line of the scan: this is an error
   * of the database, not a change of its data. */
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_FAILED,
                 "Page %u of the usage lines holds %u lines, not %u", page, lines->len, n);
  else
    pecan_store_set_error (self->store, error);
  g_ptr_array_unref (lines);
  return NULL;
}

/* The cached page, or a free or least recently used slot to read it into. */
static CachedPage *
find_page (PecanUsageModel *self,
           guint            page)
{
  CachedPage *oldest = &self->cache[0];

  for (guint i = 0; i < CACHED_PAGES; i++)
    {
      CachedPage *slot = &self->cache[i];

      if (slot->lines != NULL && slot->page == page)
        return slot;
      if (slot->lines == NULL || (oldest->lines != NULL && slot->used < oldest->used))
        oldest = slot;
    }
  return oldest;
}

/* The period within the first and last day that hold lines, so that the
 * days of a subset are few; FALSE when no day of it does. */
static gboolean
clamp_days (PecanUsageModel  *self,
            GError          **error)
{
  /* Two subqueries, each answered from the key. */
  g_autoptr(sqlite3_stmt) stmt = pecan_store_prepare (self->store,
                                                      "SELECT (SELECT min (day) FROM usage_line),"
                                                      " (SELECT max (day) FROM usage_line)",
                                                      error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      pecan_store_set_error (self->store, error);
      return FALSE;
    }
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return FALSE;
  self->days.first = MAX (self->filter.period.first, sqlite3_column_int (stmt, 0));
  self->days.last = MIN (self->filter.period.last, sqlite3_column_int (stmt, 1));
  return self->days.first <= self->days.last;
}

/* The subscriptions of a subset, gathered once into a table of this
 * connection; and whether they are few enough to seek. */
static gboolean
choose_subscriptions (PecanUsageModel  *self,
                      GError          **error)
{
  g_autofree char *ids = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  self->seek = FALSE;
  if (!pecan_usage_filter_is_subset (&self->filter))
    return TRUE;
  ids = pecan_usage_filter_subscriptions_sql (&self->filter);
  sql = g_strconcat ("INSERT INTO temp.chosen_subscription ", ids, NULL);
  if (!pecan_store_exec (self->store, "CREATE TEMP TABLE chosen_subscription"
                                      " (id INTEGER PRIMARY KEY)", error))
    return FALSE;
  insert = pecan_store_prepare (self->store, sql, error);
  if (insert == NULL)
    return FALSE;
  pecan_usage_filter_bind (&self->filter, insert, self->days.first, self->days.last);
  if (!pecan_store_step_done (self->store, insert, error))
    return FALSE;
  self->seek = sqlite3_changes (pecan_store_get_db (self->store)) <= (int) seek_max;
  return TRUE;
}

/* Keeps the first key of every page only, once there are too many lines
 * to keep them all. */
static void
thin_keys (PecanUsageModel *self)
{
  guint kept = 0;

  for (guint i = 0; i < self->keys->len; i += PAGE_SIZE)
    g_array_index (self->keys, Key, kept++) = g_array_index (self->keys, Key, i);
  g_array_set_size (self->keys, kept);
  self->stride = PAGE_SIZE;
}

static PecanUsageSqlFlags
sql_flags (PecanUsageModel *self)
{
  return self->seek ? PECAN_USAGE_SQL_SEEK : 0;
}

/* Stops the statement running: a scan of a few lines among millions may
 * run a while between two lines. */
static int
cancelled_cb (gpointer data)
{
  return g_cancellable_is_cancelled (data);
}

/* Counts the lines and keeps their keys, or the first key of each page. */
static gboolean
scan_keys (PecanUsageModel  *self,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autofree char *sql = pecan_usage_filter_sql (&self->filter,
                                                 "SELECT l.day, l.subscription_id, l.batch_id,"
                                                 " l.line FROM usage_line AS l",
                                                 sql_flags (self), "");
  g_autoptr(sqlite3_stmt) stmt = pecan_store_prepare (self->store, sql, error);
  sqlite3 *db = pecan_store_get_db (self->store);
  guint64 n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  pecan_usage_filter_bind (&self->filter, stmt, self->days.first, self->days.last);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, cancelled_cb, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n % self->stride == 0)
        {
          Key key = {
            .day = sqlite3_column_int (stmt, 0),
            .subscription_id = sqlite3_column_int64 (stmt, 1),
            .batch_id = sqlite3_column_int64 (stmt, 2),
            .line = sqlite3_column_int64 (stmt, 3),
          };
          g_array_append_val (self->keys, key);
        }
      if (++n == KEEP_ALL_MAX)
        thin_keys (self);
    }
  sqlite3_progress_handler (db, 0, NULL, NULL);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc != SQLITE_DONE)
    {
      pecan_store_set_error (self->store, error);
      return FALSE;
    }
  /* A GListModel counts in guint. */
  self->n_items = (guint) MIN (n, G_MAXUINT);
  return TRUE;
}

static gboolean
prepare_reads (PecanUsageModel  *self,
               GError          **error)
{
  g_autofree char *page_sql = pecan_usage_filter_sql (&self->filter, line_columns,
                                                      sql_flags (self) | PECAN_USAGE_SQL_FROM_KEY,
                                                      " LIMIT 256");
  g_autofree char *line_sql = g_strconcat (line_columns,
                                           " WHERE l.day = :kday AND l.subscription_id = :ksubscription"
                                           " AND l.batch_id = :kbatch AND l.line = :kline",
                                           NULL);

  if (self->stride == PAGE_SIZE)
    self->page_stmt = pecan_store_prepare (self->store, page_sql, error);
  else
    self->line_stmt = pecan_store_prepare (self->store, line_sql, error);
  return self->page_stmt != NULL || self->line_stmt != NULL;
}

static GType
pecan_usage_model_get_item_type (GListModel *model)
{
  return PECAN_TYPE_USAGE_LINE;
}

static guint
pecan_usage_model_get_n_items (GListModel *model)
{
  return PECAN_USAGE_MODEL (model)->n_items;
}

static gpointer
pecan_usage_model_get_item (GListModel *model,
                            guint       position)
{
  PecanUsageModel *self = PECAN_USAGE_MODEL (model);
  guint page = position / PAGE_SIZE;
  CachedPage *slot;

  if (position >= self->n_items)
    return NULL;
  slot = find_page (self, page);
  if (slot->lines == NULL || slot->page != page)
    {
      g_autoptr(GError) error = NULL;
      GPtrArray *lines = read_page (self, page, &error);

      if (lines == NULL)
        {
          g_warning ("Could not read usage lines: %s", error->message);
          return NULL;
        }
      g_clear_pointer (&slot->lines, g_ptr_array_unref);
      slot->lines = lines;
      slot->page = page;
    }
  slot->used = ++self->clock;
  return g_object_ref (g_ptr_array_index (slot->lines, position % PAGE_SIZE));
}

static void
pecan_usage_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pecan_usage_model_get_item_type;
  iface->get_n_items = pecan_usage_model_get_n_items;
  iface->get_item = pecan_usage_model_get_item;
}

static void
pecan_usage_model_finalize (GObject *object)
{
  PecanUsageModel *self = PECAN_USAGE_MODEL (object);

  for (guint i = 0; i < CACHED_PAGES; i++)
    g_clear_pointer (&self->cache[i].lines, g_ptr_array_unref);
  g_clear_pointer (&self->page_stmt, sqlite3_finalize);
  g_clear_pointer (&self->line_stmt, sqlite3_finalize);
  /* Ends the read transaction: the snapshot is let go. */
  if (self->store != NULL)
    pecan_store_exec (self->store, "COMMIT", NULL);
  g_clear_object (&self->store);
  g_clear_pointer (&self->keys, g_array_unref);
  pecan_usage_filter_clear (&self->filter);

  G_OBJECT_CLASS (pecan_usage_model_parent_class)->finalize (object);
}

static void
pecan_usage_model_class_init (PecanUsageModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pecan_usage_model_finalize;
}

static void
pecan_usage_model_init (PecanUsageModel *self)
{
  self->keys = g_array_new (FALSE, FALSE, sizeof (Key));
  self->stride = 1;
}

/**
 * pecan_usage_model_new:
 * @store: the database; the model opens a connection of its own on its file
 * @filter: which lines to hold
 * @cancellable: (nullable): stops the scan
 * @error: return location for an error
 *
 * Counts the lines of @filter, in the order of their day, subscription,
 * file and line number, and makes a model that reads them a page at a
 * time. Its memory does not grow with the lines. The scan takes a while on
 * a large month: run it on a worker thread; the model is then used on one
 * thread only, and shows the data as it was when it was made.
 *
 * Returns: (transfer full): a model of #PecanUsageLine, or %NULL with
 *   @error set
 */
PecanUsageModel *
pecan_usage_model_new (PecanStore              *store,
                       const PecanUsageFilter  *filter,
                       GCancellable            *cancellable,
                       GError                 **error)
{
  g_autoptr(PecanUsageModel) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PECAN_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (filter->state >= PECAN_USAGE_ANY_STATE && filter->state <= PECAN_PEC_UNKNOWN,
                        NULL);

  self = g_object_new (PECAN_TYPE_USAGE_MODEL, NULL);
  self->filter = *filter;
  self->filter.search = g_strdup (filter->search);
  self->filter.category = g_strdup (filter->category);
  self->store = pecan_store_open (pecan_store_get_path (store), error);
  if (self->store == NULL)
    return NULL;
  self->pec_rate = pecan_store_get_pec_rate (self->store);
  /* The scan reads each page of the table once, and a page of lines
   * touches a few dozen: a small cache does, and two models can live
   * side by side while one replaces the other. */
  if (!pecan_store_exec (self->store, "PRAGMA cache_size = -2048; PRAGMA temp_store = MEMORY;",
                         error)
      || !pecan_store_exec (self->store, "BEGIN", error))
    {
      g_clear_object (&self->store);
      return NULL;
    }
  if (!clamp_days (self, &local_error))
    {
      if (local_error == NULL)
        return g_steal_pointer (&self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!choose_subscriptions (self, error) || !scan_keys (self, cancellable, error)
      || !prepare_reads (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
pecan_usage_model_set_seek_max (guint subscriptions)
{
  seek_max = subscriptions;
}

/**
 * pecan_usage_model_get_filter:
 *
 * Returns: (transfer none): the filter the model was made with
 */
const PecanUsageFilter *
pecan_usage_model_get_filter (PecanUsageModel *self)
{
  g_return_val_if_fail (PECAN_IS_USAGE_MODEL (self), NULL);
  return &self->filter;
}
