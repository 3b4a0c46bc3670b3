/* pecan-store-coop.c: co-op claims and funds in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pecan-coop.h"
#include "pecan-error.h"
#include "pecan-store-private.h"

#define SETTING_DEADLINE "coop-deadline-days"

int
pecan_coop_get_deadline_days (PecanStore *store)
{
  g_autofree char *value = pecan_store_get_setting (store, SETTING_DEADLINE);
  gint64 days;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, 0, 366, &days, NULL))
    return PECAN_COOP_DEFAULT_DEADLINE_DAYS;
  return (int) days;
}

gboolean
pecan_coop_set_deadline_days (PecanStore  *store,
                              int          days,
                              GError     **error)
{
  g_autofree char *value = g_strdup_printf ("%d", days);

  g_return_val_if_fail (days >= 0 && days <= 366, FALSE);
  return pecan_store_set_setting (store, SETTING_DEADLINE, value, error);
}

#define CLAIM_COLUMNS \
  "SELECT id, program, fund_category, location_id, funding_pool, fiscal_year, half," \
  " activity_name, activity_description, start_day, end_day, amount, currency, partner_id," \
  " contact_email, status, notes, updated_at FROM coop_claim"

static gboolean
read_children (PecanStore     *store,
               PecanCoopInfo  *info,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) documents = NULL;
  g_autoptr(sqlite3_stmt) events = NULL;
  g_autoptr(sqlite3_stmt) ticks = NULL;
  int rc;

  documents = pecan_store_prepare (store,
                                   "SELECT kind, name, path, sha256, size, amount, day"
                                   " FROM coop_document WHERE claim_id = ?1 ORDER BY position",
                                   error);
  events = documents == NULL ? NULL
           : pecan_store_prepare (store, "SELECT status, day, note FROM coop_event"
                                         " WHERE claim_id = ?1 ORDER BY position", error);
  ticks = events == NULL ? NULL
          : pecan_store_prepare (store, "SELECT step, day FROM coop_tick WHERE claim_id = ?1",
                                 error);
  if (ticks == NULL)
    return FALSE;
  sqlite3_bind_int64 (documents, 1, info->id);
  while ((rc = sqlite3_step (documents)) == SQLITE_ROW)
    {
      g_autofree char *name = pecan_store_column_text (documents, 1);
      g_autofree char *path = pecan_store_column_text (documents, 2);
      g_autofree char *sha256 = pecan_store_column_text (documents, 3);
      PecanCoopDocument document = {
        .kind = sqlite3_column_int (documents, 0),
        .name = name,
        .path = path,
        .sha256 = sha256,
        .size = sqlite3_column_int64 (documents, 4),
        .has_amount = sqlite3_column_type (documents, 5) != SQLITE_NULL,
        .amount = sqlite3_column_int64 (documents, 5),
        .day = sqlite3_column_int (documents, 6),
      };
      pecan_coop_info_add_document (info, &document);
    }
  if (rc == SQLITE_DONE)
    {
      sqlite3_bind_int64 (events, 1, info->id);
      while ((rc = sqlite3_step (events)) == SQLITE_ROW)
        {
          PecanCoopEvent event = {
            sqlite3_column_int (events, 0),
            sqlite3_column_int (events, 1),
            pecan_store_column_text (events, 2),
          };
          g_array_append_val (info->history, event);
        }
    }
  if (rc == SQLITE_DONE)
    {
      sqlite3_bind_int64 (ticks, 1, info->id);
      while ((rc = sqlite3_step (ticks)) == SQLITE_ROW)
        {
          int step = sqlite3_column_int (ticks, 0);

          if (step >= 0 && step < PECAN_COOP_N_STEPS)
            info->ticked[step] = sqlite3_column_int (ticks, 1);
        }
    }
  if (rc != SQLITE_DONE)
    {
      pecan_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

static GObject *
read_claim (PecanStore    *store,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  PecanCoopInfo info;
  GObject *claim = NULL;

  pecan_coop_info_init (&info);
  g_free (info.program);
  g_free (info.fund_category);
  info.id = sqlite3_column_int64 (stmt, 0);
  info.program = pecan_store_column_text (stmt, 1);
  info.fund_category = pecan_store_column_text (stmt, 2);
  info.location_id = pecan_store_column_text (stmt, 3);
  info.funding_pool = pecan_store_column_text (stmt, 4);
  info.fiscal_year = sqlite3_column_int (stmt, 5);
  info.half = sqlite3_column_int (stmt, 6);
  info.activity_name = pecan_store_column_text (stmt, 7);
  info.activity_description = pecan_store_column_text (stmt, 8);
  info.start_day = sqlite3_column_int (stmt, 9);
  info.end_day = sqlite3_column_int (stmt, 10);
  info.amount = sqlite3_column_int64 (stmt, 11);
  info.currency = pecan_store_column_text (stmt, 12);
  info.partner_id = pecan_store_column_text (stmt, 13);
  info.contact_email = pecan_store_column_text (stmt, 14);
  info.status = sqlite3_column_int (stmt, 15);
  info.notes = pecan_store_column_text (stmt, 16);
  info.updated_at = pecan_store_column_text (stmt, 17);
  if (read_children (store, &info, error))
    claim = G_OBJECT (pecan_coop_claim_new (&info));
  pecan_coop_info_clear (&info);
  return claim;
}

/**
 * pecan_coop_list:
 * @store: the database
 * @error: return location for an error
 *
 * Returns: (transfer full): every co-op claim, by deadline: the claims
 *   being edited by their usage period's end, then those in review, then
 *   the closed ones
 */
GListModel *
pecan_coop_list (PecanStore  *store,
                 GError     **error)
{
  g_return_val_if_fail (PECAN_IS_STORE (store), NULL);

  return pecan_store_claims_read (store, PECAN_TYPE_COOP_CLAIM,
                                  CLAIM_COLUMNS
                                  " ORDER BY CASE status WHEN 3 THEN 0 WHEN 0 THEN 1"
                                  "  WHEN 2 THEN 2 WHEN 1 THEN 3 WHEN 4 THEN 4 ELSE 5 END,"
                                  " fiscal_year, half, end_day, id",
                                  read_claim, error);
}

PecanCoopClaim *
pecan_coop_load (PecanStore  *store,
                 gint64       id,
                 GError     **error)
{
  g_return_val_if_fail (PECAN_IS_STORE (store), NULL);

  return (PecanCoopClaim *) pecan_store_claim_read (store, "coop",
                                                    CLAIM_COLUMNS " WHERE id = ?1", id,
                                                    read_claim, error);
}

static gboolean
write_documents (PecanStore           *store,
                 const PecanCoopInfo  *info,
                 GError              **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  clear = pecan_store_prepare (store, "DELETE FROM coop_document WHERE claim_id = ?1", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, info->id);
  if (!pecan_store_step_done (store, clear, error))
    return FALSE;
  insert = pecan_store_prepare (store,
                                "INSERT INTO coop_document (claim_id, position, kind, name, path,"
                                " sha256, size, amount, day)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < info->documents->len; i++)
    {
      const PecanCoopDocument *d = &g_array_index (info->documents, PecanCoopDocument, i);

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, info->id);
      sqlite3_bind_int (insert, 2, i + 1);
      sqlite3_bind_int (insert, 3, d->kind);
      pecan_store_bind_stripped (insert, 4, d->name);
      pecan_store_bind_stripped (insert, 5, d->path);
      pecan_store_bind_stripped (insert, 6, d->sha256);
      sqlite3_bind_int64 (insert, 7, d->size);
      if (d->has_amount)
        sqlite3_bind_int64 (insert, 8, d->amount);
      else
        sqlite3_bind_null (insert, 8);
      sqlite3_bind_int (insert, 9, d->day);
      if (!pecan_store_step_done (store, insert, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_claim (PecanStore  *store,
             gpointer     data,
             GError     **error)
{
  PecanCoopInfo *info = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stamp = pecan_store_stamp ();
  gboolean created = info->id == 0;

  if (!created)
    {
      int status = pecan_store_claim_status (store, "coop", info->id, error);

      if (status < 0)
        return FALSE;
      if (status != PECAN_COOP_EDITING && status != PECAN_COOP_ACTION_REQUIRED)
        {
          g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_FAILED,
                       _("“%s” was submitted: Partner Center does not let it change unless a "
                         "reviewer asks for more. Only its status and notes can change."),
                       info->activity_name);
          return FALSE;
        }
    }
  stmt = pecan_store_prepare (store, created
    ? "INSERT INTO coop_claim (program, fund_category, location_id, funding_pool, fiscal_year,"
      " half, activity_name, activity_description, start_day, end_day, amount, currency,"
      " partner_id, contact_email, notes, status, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, upper (?12), ?13, ?14, ?15, 0,"
      "  ?16, ?16)"
    : "UPDATE coop_claim SET program = ?1, fund_category = ?2, location_id = ?3,"
      " funding_pool = ?4, fiscal_year = ?5, half = ?6, activity_name = ?7,"
      " activity_description = ?8, start_day = ?9, end_day = ?10, amount = ?11,"
      " currency = upper (?12), partner_id = ?13, contact_email = ?14, notes = ?15,"
      " updated_at = ?16 WHERE id = ?17", error);
  if (stmt == NULL)
    return FALSE;
  pecan_store_bind_stripped (stmt, 1, info->program);
  pecan_store_bind_stripped (stmt, 2, info->fund_category);
  pecan_store_bind_stripped (stmt, 3, info->location_id);
  pecan_store_bind_stripped (stmt, 4, info->funding_pool);
  sqlite3_bind_int (stmt, 5, info->fiscal_year);
  sqlite3_bind_int (stmt, 6, info->half);
  pecan_store_bind_stripped (stmt, 7, info->activity_name);
  sqlite3_bind_text (stmt, 8, info->activity_description != NULL ? info->activity_description
                                                                   : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, info->start_day);
  sqlite3_bind_int (stmt, 10, info->end_day);
  sqlite3_bind_int64 (stmt, 11, info->amount);
  pecan_store_bind_stripped (stmt, 12, info->currency);
  pecan_store_bind_stripped (stmt, 13, info->partner_id);
  pecan_store_bind_stripped (stmt, 14, info->contact_email);
  sqlite3_bind_text (stmt, 15, info->notes != NULL ? info->notes : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 16, stamp, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 17, info->id);
  if (!pecan_store_step_done (store, stmt, error))
    return FALSE;
  if (created)
    {
      info->id = sqlite3_last_insert_rowid (pecan_store_get_db (store));
      if (!pecan_store_claim_add_event (store, "coop", info->id, PECAN_COOP_EDITING,
                                        pecan_day_today (), NULL, error))
        return FALSE;
    }
  return write_documents (store, info, error);
}

/**
 * pecan_coop_save:
 * @store: the database
 * @info: a claim: a new one (id 0) is saved being edited and given its id,
 *   status and history
 * @error: return location for an error
 *
 * Saves every field of a claim being edited (or sent back by a reviewer),
 * documents and notes included; its status changes only through
 * pecan_coop_set_status(), its manual steps through pecan_coop_tick().
 *
 * Returns: %TRUE when the claim was saved
 */
gboolean
pecan_coop_save (PecanStore     *store,
                 PecanCoopInfo  *info,
                 GError        **error)
{
  gboolean created;

  g_return_val_if_fail (PECAN_IS_STORE (store), FALSE);

  created = info->id == 0;
  if (!pecan_store_savepoint (store, write_claim, info, error))
    {
      if (created)
        info->id = 0;
      return FALSE;
    }
  if (created)
    {
      PecanCoopEvent event = { PECAN_COOP_EDITING, pecan_day_today (), g_strdup ("") };

      info->status = PECAN_COOP_EDITING;
      g_array_set_size (info->history, 0);
      g_array_append_val (info->history, event);
    }
  return TRUE;
}

typedef struct
{
  gint64           id;
  PecanCoopStatus  status;
  gint32           day;
  const char      *note;
} StatusChange;

static gboolean
change_status (PecanStore  *store,
               gpointer     data,
               GError     **error)
{
  StatusChange *change = data;
  g_autoptr(PecanCoopClaim) claim = pecan_coop_load (store, change->id, error);
  const PecanCoopInfo *info;

  if (claim == NULL)
    return FALSE;
  info = pecan_coop_claim_get_info (claim);
  if (!pecan_coop_can_move (info->status, change->status))
    {
      g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_FAILED,
                   /* TRANSLATORS: an activity's name, then two statuses */
                   _("“%s” cannot go from “%s” to “%s”."), info->activity_name,
                   pecan_coop_status_label (info->status),
                   pecan_coop_status_label (change->status));
      return FALSE;
    }
  if (change->status == PECAN_COOP_SUBMITTED)
    {
      g_autoptr(GListModel) others = pecan_coop_list (store, error);
      g_autoptr(GPtrArray) problems = NULL;

      if (others == NULL)
        return FALSE;
      problems = pecan_coop_check (info, others, pecan_coop_get_deadline_days (store),
                                   change->day);
      for (guint i = 0; i < problems->len; i++)
        {
          const PecanCoopProblem *problem = problems->pdata[i];

          if (problem->severity != PECAN_COOP_ERROR || problem->step == PECAN_COOP_STEP_TRACK)
            continue;
          g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_FAILED,
                       _("“%s” is not ready to submit: %s"), info->activity_name,
                       problem->message);
          return FALSE;
        }
    }
  return pecan_store_claim_move (store, "coop", change->id, change->status, change->day,
                                 change->note, error);
}

/**
 * pecan_coop_set_status:
 * @store: the database
 * @id: a claim's id
 * @status: its new status, one pecan_coop_can_move() allows; "submitted"
 *   only for a claim that breaks no rule
 * @day: when it happened: for "partner action required", the day the
 *   reviewer asked
 * @note: (nullable): what happened
 * @error: return location for an error
 *
 * Returns: %TRUE when the status changed
 */
gboolean
pecan_coop_set_status (PecanStore       *store,
                       gint64            id,
                       PecanCoopStatus   status,
                       gint32            day,
                       const char       *note,
                       GError          **error)
{
  StatusChange change = { id, status, day, note };

  g_return_val_if_fail (PECAN_IS_STORE (store), FALSE);

  return pecan_store_savepoint (store, change_status, &change, error);
}

/**
 * pecan_coop_tick:
 * @store: the database
 * @id: a claim's id
 * @step: a step only the user can do (see pecan_coop_step_is_manual())
 * @day: when it was done, or 0 to untick it
 * @error: return location for an error
 *
 * Returns: %TRUE when the step was ticked (or unticked)
 */
gboolean
pecan_coop_tick (PecanStore     *store,
                 gint64          id,
                 PecanCoopStep   step,
                 gint32          day,
                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PECAN_IS_STORE (store), FALSE);
  g_return_val_if_fail (pecan_coop_step_is_manual (step), FALSE);

  if (pecan_store_claim_status (store, "coop", id, error) < 0)
    return FALSE;
  stmt = pecan_store_prepare (store, day != 0
                                ? "INSERT INTO coop_tick (claim_id, step, day) VALUES (?1, ?2, ?3)"
                                  " ON CONFLICT (claim_id, step) DO UPDATE SET day = excluded.day"
                                : "DELETE FROM coop_tick WHERE claim_id = ?1 AND step = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, step);
  if (day != 0)
    sqlite3_bind_int (stmt, 3, day);
  return pecan_store_step_done (store, stmt, error);
}

gboolean
pecan_coop_set_notes (PecanStore  *store,
                      gint64       id,
                      const char  *notes,
                      GError     **error)
{
  g_return_val_if_fail (PECAN_IS_STORE (store), FALSE);

  return pecan_store_claim_set_notes (store, "coop", id, notes, error);
}

static gboolean
delete_claim (PecanStore  *store,
              gpointer     data,
              GError     **error)
{
  const char * const children[] = { "coop_document", "coop_event", "coop_tick", NULL };
  gint64 id = *(gint64 *) data;
  int status = pecan_store_claim_status (store, "coop", id, error);

  if (status < 0)
    return FALSE;
  if (status != PECAN_COOP_EDITING)
    {
      g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_FAILED,
                   _("A submitted claim is kept: only claims being edited can be deleted."));
      return FALSE;
    }
  return pecan_store_claim_delete (store, "coop", id, children, error);
}

gboolean
pecan_coop_delete (PecanStore  *store,
                   gint64       id,
                   GError     **error)
{
  g_return_val_if_fail (PECAN_IS_STORE (store), FALSE);

  return pecan_store_savepoint (store, delete_claim, &id, error);
}

/**
 * pecan_coop_set_funds:
 * @store: the database
 * @fiscal_year: a fiscal year
 * @half: its half: 1 or 2
 * @currency: the funds' currency
 * @earned: the funds earned for the period, as Partner Center shows them
 * @error: return location for an error
 *
 * Returns: %TRUE when the funds were saved
 */
gboolean
pecan_coop_set_funds (PecanStore  *store,
                      int          fiscal_year,
                      int          half,
                      const char  *currency,
                      gint64       earned,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PECAN_IS_STORE (store), FALSE);
  g_return_val_if_fail (half == 1 || half == 2, FALSE);

  stmt = pecan_store_prepare (store,
                              "INSERT INTO coop_funds (fiscal_year, half, currency, earned)"
                              " VALUES (?1, ?2, upper (?3), ?4)"
                              " ON CONFLICT (fiscal_year, half, currency)"
                              " DO UPDATE SET earned = excluded.earned", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, fiscal_year);
  sqlite3_bind_int (stmt, 2, half);
  pecan_store_bind_stripped (stmt, 3, currency);
  sqlite3_bind_int64 (stmt, 4, earned);
  return pecan_store_step_done (store, stmt, error);
}

static void
funds_clear (gpointer data)
{
  g_clear_pointer (&((PecanCoopFunds *) data)->currency, g_free);
}

/**
 * pecan_coop_funds:
 * @store: the database
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type PecanCoopFunds): per usage period
 *   and currency, the funds earned, claimed (every claim of the period but
 *   the rejected ones), remaining, and the day they expire, oldest period
 *   first; or %NULL on error
 */
GArray *
pecan_coop_funds (PecanStore  *store,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GArray *funds;
  int days = pecan_coop_get_deadline_days (store);
  int rc;

  g_return_val_if_fail (PECAN_IS_STORE (store), NULL);

  stmt = pecan_store_prepare (store,
                              "SELECT p.fiscal_year, p.half, p.currency,"
                              " coalesce ((SELECT earned FROM coop_funds AS f"
                              "  WHERE f.fiscal_year = p.fiscal_year AND f.half = p.half"
                              "  AND f.currency = p.currency), 0),"
                              " coalesce ((SELECT sum (amount) FROM coop_claim AS c"
                              "  WHERE c.fiscal_year = p.fiscal_year AND c.half = p.half"
                              "  AND c.currency = p.currency AND c.status != 5), 0)"
                              " FROM (SELECT fiscal_year, half, currency FROM coop_funds"
                              "  UNION SELECT fiscal_year, half, currency FROM coop_claim"
                              "  WHERE fiscal_year > 0 AND half IN (1, 2) AND currency != '') AS p"
                              " ORDER BY p.fiscal_year, p.half, p.currency", error);
  if (stmt == NULL)
    return NULL;
  funds = g_array_new (FALSE, TRUE, sizeof (PecanCoopFunds));
  g_array_set_clear_func (funds, funds_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PecanCoopFunds f = {
        .fiscal_year = sqlite3_column_int (stmt, 0),
        .half = sqlite3_column_int (stmt, 1),
        .currency = pecan_store_column_text (stmt, 2),
        .earned = sqlite3_column_int64 (stmt, 3),
        .claimed = sqlite3_column_int64 (stmt, 4),
      };

      f.remaining = f.earned - f.claimed;
      f.expires_on = pecan_coop_deadline (f.fiscal_year, f.half, days);
      g_array_append_val (funds, f);
    }
  if (rc != SQLITE_DONE)
    {
      pecan_store_set_error (store, error);
      g_array_unref (funds);
      return NULL;
    }
  return funds;
}
