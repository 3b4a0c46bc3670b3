/* pecan-store-schema.c: the numbered migrations of the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each migration runs in its own transaction and sets PRAGMA user_version;
 * the file is copied aside before the first one runs on existing data.
 * Amounts are integers in nano-units (see pecan-parse.h), days are counted
 * from 1970-01-01, months are written yyyymm.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pecan-error.h"
#include "pecan-store-private.h"

/* 'PECN': tells a Pecan database from any other SQLite file. */
#define PECAN_APPLICATION_ID 0x5045434E

static const char migration_1[] =
  "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "CREATE TABLE partner ("
  "  id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL DEFAULT '', mpn_id TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE customer ("
  "  id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL DEFAULT '', domain TEXT NOT NULL DEFAULT '',"
  "  country TEXT NOT NULL DEFAULT '', partner_id INTEGER REFERENCES partner (id));"
  "CREATE TABLE subscription ("
  "  id INTEGER PRIMARY KEY, azure_id TEXT NOT NULL UNIQUE,"
  "  customer_id INTEGER NOT NULL REFERENCES customer (id),"
  "  name TEXT NOT NULL DEFAULT '', plan_id TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX subscription_customer ON subscription (customer_id);"
  "CREATE TABLE category (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE meter ("
  "  id INTEGER PRIMARY KEY, meter_key TEXT NOT NULL UNIQUE,"
  "  category_id INTEGER NOT NULL REFERENCES category (id),"
  "  subcategory TEXT NOT NULL DEFAULT '', name TEXT NOT NULL DEFAULT '',"
  "  region TEXT NOT NULL DEFAULT '', unit TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE product ("
  "  id INTEGER PRIMARY KEY, product_key TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL DEFAULT '', sku TEXT NOT NULL DEFAULT '',"
  "  publisher TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE resource ("
  "  id INTEGER PRIMARY KEY, uri TEXT NOT NULL UNIQUE,"
  "  resource_group TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE batch ("
  "  id INTEGER PRIMARY KEY, file_name TEXT NOT NULL, file_size INTEGER NOT NULL,"
  "  sha256 TEXT NOT NULL UNIQUE, layout TEXT NOT NULL, encoding TEXT NOT NULL,"
  "  delimiter TEXT NOT NULL, pec_known INTEGER NOT NULL, lines INTEGER NOT NULL,"
  "  skipped INTEGER NOT NULL, replaced INTEGER NOT NULL, kept INTEGER NOT NULL,"
  "  first_day INTEGER, last_day INTEGER, imported_at TEXT NOT NULL,"
  "  seconds REAL NOT NULL);"
  "CREATE TABLE batch_skip ("
  "  batch_id INTEGER NOT NULL REFERENCES batch (id) ON DELETE CASCADE,"
  "  line INTEGER NOT NULL, reason TEXT NOT NULL);"
  "CREATE INDEX batch_skip_batch ON batch_skip (batch_id);"
  /* Keyed by day and subscription, as it is read and replaced; the batch
   * and the line number trace every line to its file. One B-tree, no
   * index to maintain besides. */
  "CREATE TABLE usage_line ("
  "  day INTEGER NOT NULL, subscription_id INTEGER NOT NULL, batch_id INTEGER NOT NULL,"
  "  line INTEGER NOT NULL, family INTEGER NOT NULL, meter_id INTEGER NOT NULL,"
  "  product_id INTEGER NOT NULL, resource_id INTEGER, currency TEXT NOT NULL,"
  "  quantity INTEGER, unit_price INTEGER, effective_price INTEGER, billed INTEGER NOT NULL,"
  "  pec_centi INTEGER NOT NULL, state INTEGER NOT NULL, reason INTEGER NOT NULL,"
  "  invoiced INTEGER NOT NULL,"
  "  PRIMARY KEY (day, subscription_id, batch_id, line)) WITHOUT ROWID;"
  /* Which batch holds the data of a subscription and day (or month, for
   * invoice lines): newer data replaces older data key by key. */
  "CREATE TABLE coverage ("
  "  subscription_id INTEGER NOT NULL, day INTEGER NOT NULL, family INTEGER NOT NULL,"
  "  customer_id INTEGER NOT NULL, batch_id INTEGER NOT NULL, invoiced INTEGER NOT NULL,"
  "  PRIMARY KEY (subscription_id, day, family)) WITHOUT ROWID;"
  "CREATE INDEX coverage_batch ON coverage (batch_id);"
  "CREATE INDEX coverage_customer ON coverage (customer_id, day);"
  /* Per day without the meter category, which would make it nearly as
   * long as the lines; the monthly rollup has it. */
  "CREATE TABLE daily_total ("
  "  day INTEGER NOT NULL, customer_id INTEGER NOT NULL, family INTEGER NOT NULL,"
  "  subscription_id INTEGER NOT NULL, currency TEXT NOT NULL, state INTEGER NOT NULL,"
  "  pec_centi INTEGER NOT NULL, lines INTEGER NOT NULL, billed INTEGER NOT NULL,"
  "  PRIMARY KEY (day, customer_id, family, subscription_id, currency, state,"
  "               pec_centi)) WITHOUT ROWID;"
  "CREATE TABLE monthly_total ("
  "  month INTEGER NOT NULL, customer_id INTEGER NOT NULL, family INTEGER NOT NULL,"
  "  subscription_id INTEGER NOT NULL, category_id INTEGER NOT NULL,"
  "  currency TEXT NOT NULL, state INTEGER NOT NULL, pec_centi INTEGER NOT NULL,"
  "  lines INTEGER NOT NULL, billed INTEGER NOT NULL,"
  "  PRIMARY KEY (month, customer_id, family, subscription_id, category_id, currency,"
  "               state, pec_centi)) WITHOUT ROWID;"
  "CREATE INDEX monthly_total_customer ON monthly_total (customer_id, month);"
  /* Per customer and month only: what the overview, the chart and the
   * customer table read, a small fraction of the monthly rollup. */
  "CREATE TABLE customer_month_total ("
  "  month INTEGER NOT NULL, customer_id INTEGER NOT NULL, family INTEGER NOT NULL,"
  "  currency TEXT NOT NULL, state INTEGER NOT NULL, pec_centi INTEGER NOT NULL,"
  "  lines INTEGER NOT NULL, billed INTEGER NOT NULL,"
  "  PRIMARY KEY (month, customer_id, family, currency, state, pec_centi)) WITHOUT ROWID;";

/* What a person noted about a lost-PEC incident. An incident has no id of
 * its own: it is recomputed from the rollups on every read, and an import
 * or an undo may move its ends. It is keyed by its subscription and first
 * day, the end that stays put while an ongoing incident grows day by day;
 * pecan_query_incidents() gives an incident the newest state written in
 * its run (see there), so that it follows the incident when the run starts
 * earlier or later than it did, or spans two periods. */
static const char migration_2[] =
  "CREATE TABLE incident_state ("
  "  subscription_id INTEGER NOT NULL REFERENCES subscription (id),"
  "  first_day INTEGER NOT NULL, handled INTEGER NOT NULL DEFAULT 0,"
  "  note TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL,"
  "  PRIMARY KEY (subscription_id, first_day)) WITHOUT ROWID;"
  /* The import history shows how many customers each file held. */
  "ALTER TABLE batch ADD COLUMN customers INTEGER NOT NULL DEFAULT 0;";

/* How a partner shares PEC with a client, and names it on reports. Keyed by
 * the tenant, which outlives the customer's row: an undone import may take
 * a customer away, and a later one bring it back under a new id. A NULL
 * share stands for the default share (a setting). */
static const char migration_3[] =
  "CREATE TABLE client ("
  "  tenant_id TEXT PRIMARY KEY, display_name TEXT NOT NULL DEFAULT '',"
  "  contact_name TEXT NOT NULL DEFAULT '', share INTEGER, report INTEGER NOT NULL DEFAULT 1,"
  "  updated_at TEXT NOT NULL) WITHOUT ROWID;";

/* Claiming Partner of Record customer associations, as the wizard prepares
 * them: a claim, its proofs of execution and its status history. The
 * customer is kept by tenant, as the client settings are. azure_link holds
 * the customers whose Azure consumption was linked to the partner instead
 * (Partner Admin Link or Lighthouse). */
static const char migration_4[] =
  "CREATE TABLE cpor_claim ("
  "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, partner_id TEXT NOT NULL,"
  "  customer_tenant TEXT, customer_name TEXT NOT NULL, id_type INTEGER NOT NULL,"
  "  customer_ref TEXT NOT NULL, solution_area TEXT NOT NULL, engagement TEXT NOT NULL,"
  "  workloads TEXT NOT NULL, customer_contact_name TEXT NOT NULL,"
  "  customer_contact_email TEXT NOT NULL, customer_contact_title TEXT NOT NULL,"
  "  partner_contact_name TEXT NOT NULL, partner_contact_email TEXT NOT NULL,"
  "  incentives INTEGER NOT NULL, opt_out INTEGER NOT NULL, status INTEGER NOT NULL,"
  "  notes TEXT NOT NULL, step INTEGER NOT NULL, created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE TABLE cpor_document ("
  "  claim_id INTEGER NOT NULL REFERENCES cpor_claim (id), position INTEGER NOT NULL,"
  "  kind INTEGER NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL,"
  "  added_on INTEGER NOT NULL, PRIMARY KEY (claim_id, position)) WITHOUT ROWID;"
  "CREATE TABLE cpor_event ("
  "  claim_id INTEGER NOT NULL REFERENCES cpor_claim (id), position INTEGER NOT NULL,"
  "  status INTEGER NOT NULL, day INTEGER NOT NULL, note TEXT NOT NULL,"
  "  PRIMARY KEY (claim_id, position)) WITHOUT ROWID;"
  "CREATE TABLE azure_link (tenant_id TEXT PRIMARY KEY, linked_on INTEGER NOT NULL)"
  "  WITHOUT ROWID;";

/* Co-op claims (Microsoft Commerce Incentives): a claim, its documents
 * with their amounts, its status history and the portal's steps ticked by
 * hand; and the funds earned per usage period, as entered from Partner
 * Center. Amounts in nano-units, as everywhere. */
static const char migration_5[] =
  "CREATE TABLE coop_claim ("
  "  id INTEGER PRIMARY KEY, program TEXT NOT NULL, fund_category TEXT NOT NULL,"
  "  location_id TEXT NOT NULL, funding_pool TEXT NOT NULL, fiscal_year INTEGER NOT NULL,"
  "  half INTEGER NOT NULL, activity_name TEXT NOT NULL, activity_description TEXT NOT NULL,"
  "  start_day INTEGER NOT NULL, end_day INTEGER NOT NULL, amount INTEGER NOT NULL,"
  "  currency TEXT NOT NULL, partner_id TEXT NOT NULL, contact_email TEXT NOT NULL,"
  "  status INTEGER NOT NULL, notes TEXT NOT NULL, created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE TABLE coop_document ("
  "  claim_id INTEGER NOT NULL REFERENCES coop_claim (id), position INTEGER NOT NULL,"
  "  kind INTEGER NOT NULL, name TEXT NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL,"
  "  size INTEGER NOT NULL, amount INTEGER, day INTEGER NOT NULL,"
  "  PRIMARY KEY (claim_id, position)) WITHOUT ROWID;"
  "CREATE TABLE coop_event ("
  "  claim_id INTEGER NOT NULL REFERENCES coop_claim (id), position INTEGER NOT NULL,"
  "  status INTEGER NOT NULL, day INTEGER NOT NULL, note TEXT NOT NULL,"
  "  PRIMARY KEY (claim_id, position)) WITHOUT ROWID;"
  "CREATE TABLE coop_tick ("
  "  claim_id INTEGER NOT NULL REFERENCES coop_claim (id), step INTEGER NOT NULL,"
  "  day INTEGER NOT NULL, PRIMARY KEY (claim_id, step)) WITHOUT ROWID;"
  "CREATE TABLE coop_funds ("
  "  fiscal_year INTEGER NOT NULL, half INTEGER NOT NULL, currency TEXT NOT NULL,"
  "  earned INTEGER NOT NULL, PRIMARY KEY (fiscal_year, half, currency)) WITHOUT ROWID;";

/* The coverage table's two indexes cost an import more than they saved:
 * a customer's coverage is found through its subscriptions, and undoing a
 * batch reads the whole table, which an undo can afford. */
static const char migration_6[] =
  "DROP INDEX coverage_batch;"
  "DROP INDEX coverage_customer;";

static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == PECAN_STORE_SCHEMA_VERSION);

static int
query_int (PecanStore *self,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = pecan_store_prepare (self, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

static gboolean
backup_before_migration (PecanStore  *self,
                         int          version,
                         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.v%d-%s.backup", pecan_store_get_path (self),
                                             version, stamp);
  g_autofree char *path = pecan_store_backup (self, target, error);

  return path != NULL;
}

static gboolean
run_migration (PecanStore  *self,
               int          version,
               GError     **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

  if (!pecan_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!pecan_store_exec (self, migrations[version - 1], error)
      || !pecan_store_exec (self, set_version, error))
    {
      pecan_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return pecan_store_exec (self, "COMMIT", error);
}

static gboolean
check_identity (PecanStore  *self,
                GError     **error)
{
  int application_id = query_int (self, "PRAGMA application_id");
  int tables = query_int (self, "SELECT count(*) FROM sqlite_schema");

  /* Reading the schema is where SQLite finds a damaged one. */
  if (application_id < 0 || tables < 0)
    {
      pecan_store_set_error (self, error);
      return FALSE;
    }
  if (application_id == PECAN_APPLICATION_ID || (application_id == 0 && tables == 0))
    return TRUE;
  g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_NOT_A_DATABASE,
               _("“%s” is an SQLite database of another program, not Pecan’s. Choose "
                 "another file, or move this one aside."),
               pecan_store_get_path (self));
  return FALSE;
}

/**
 * pecan_store_check:
 * @self: a store
 * @error: return location for a #PECAN_STORE_ERROR
 *
 * Checks, without writing anything, that the file is a Pecan database
 * (or a new, empty one) of a schema this version can read.
 *
 * Returns: %TRUE when the file may be used
 */
gboolean
pecan_store_check (PecanStore  *self,
                   GError     **error)
{
  int version = query_int (self, "PRAGMA user_version");

  if (version < 0)
    {
      pecan_store_set_error (self, error);
      return FALSE;
    }
  if (!check_identity (self, error))
    return FALSE;
  if (version > PECAN_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of Pecan (schema %d; this "
                     "version reads up to %d). Update Pecan to open it."),
                   pecan_store_get_path (self), version, PECAN_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

/**
 * pecan_store_migrate:
 * @self: a store that passed pecan_store_check()
 * @error: return location for an error
 *
 * Brings the schema up to %PECAN_STORE_SCHEMA_VERSION, backing the file up
 * first when it holds data.
 *
 * Returns: %TRUE when the schema is current
 */
gboolean
pecan_store_migrate (PecanStore  *self,
                     GError     **error)
{
  int version = query_int (self, "PRAGMA user_version");

  if (version == PECAN_STORE_SCHEMA_VERSION)
    return TRUE;
  if (version > 0 && !backup_before_migration (self, version, error))
    return FALSE;
  if (version == 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", PECAN_APPLICATION_ID);
      if (!pecan_store_exec (self, sql, error))
        return FALSE;
    }
  for (int v = version + 1; v <= PECAN_STORE_SCHEMA_VERSION; v++)
    if (!run_migration (self, v, error))
      return FALSE;
  return TRUE;
}
