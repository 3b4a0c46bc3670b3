/* pecan-store-cpor.c: CPOR claims in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A claim is one row of cpor_claim, its documents and its status history
 * rows of their own. The customer is kept by tenant id and found again in
 * the imported data when it is read, as the sharing settings are.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pecan-cpor.h"
#include "pecan-error.h"
#include "pecan-parse.h"
#include "pecan-period.h"
#include "pecan-store-private.h"

#define CLAIM_COLUMNS \
  "SELECT k.id, k.name, k.partner_id, coalesce (c.id, 0), k.customer_name, k.customer_tenant," \
  " k.id_type, k.customer_ref, k.solution_area, k.engagement, k.workloads," \
  " k.customer_contact_name, k.customer_contact_email, k.customer_contact_title," \
  " k.partner_contact_name, k.partner_contact_email, k.incentives, k.opt_out, k.status," \
  " k.notes, k.step, k.updated_at" \
  " FROM cpor_claim AS k LEFT JOIN customer AS c ON c.tenant_id = k.customer_tenant"

static gboolean
read_children (PecanStore     *store,
               PecanCporInfo  *info,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) documents = NULL;
  g_autoptr(sqlite3_stmt) events = NULL;
  int rc;

  documents = pecan_store_prepare (store,
                                   "SELECT kind, path, sha256, size, added_on FROM cpor_document"
                                   " WHERE claim_id = ?1 ORDER BY position", error);
  if (documents == NULL)
    return FALSE;
  sqlite3_bind_int64 (documents, 1, info->id);
  while ((rc = sqlite3_step (documents)) == SQLITE_ROW)
    pecan_cpor_info_add_document (info, sqlite3_column_int (documents, 0),
                                  (const char *) sqlite3_column_text (documents, 1),
                                  (const char *) sqlite3_column_text (documents, 2),
                                  sqlite3_column_int64 (documents, 3),
                                  sqlite3_column_int (documents, 4));
  if (rc != SQLITE_DONE)
    {
      pecan_store_set_error (store, error);
      return FALSE;
    }

  events = pecan_store_prepare (store,
                                "SELECT status, day, note FROM cpor_event WHERE claim_id = ?1"
                                " ORDER BY position", error);
  if (events == NULL)
    return FALSE;
  sqlite3_bind_int64 (events, 1, info->id);
  while ((rc = sqlite3_step (events)) == SQLITE_ROW)
    {
      PecanCporEvent event = {
        sqlite3_column_int (events, 0),
        sqlite3_column_int (events, 1),
        pecan_store_column_text (events, 2),
      };
      g_array_append_val (info->history, event);
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
  g_autofree char *workloads = pecan_store_column_text (stmt, 10);
  PecanCporInfo info;
  GObject *claim = NULL;

  pecan_cpor_info_init (&info);
  g_strfreev (info.workloads);
  info.id = sqlite3_column_int64 (stmt, 0);
  info.name = pecan_store_column_text (stmt, 1);
  info.partner_id = pecan_store_column_text (stmt, 2);
  info.customer_id = sqlite3_column_int64 (stmt, 3);
  info.customer_name = pecan_store_column_text (stmt, 4);
  info.tenant_id = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? NULL
                                                                 : pecan_store_column_text (stmt, 5);
  info.id_type = sqlite3_column_int (stmt, 6);
  info.customer_ref = pecan_store_column_text (stmt, 7);
  info.solution_area = pecan_store_column_text (stmt, 8);
  info.engagement = pecan_store_column_text (stmt, 9);
  info.workloads = workloads[0] != '\0' ? g_strsplit (workloads, "\n", -1) : g_new0 (char *, 1);
  info.customer_contact_name = pecan_store_column_text (stmt, 11);
  info.customer_contact_email = pecan_store_column_text (stmt, 12);
  info.customer_contact_title = pecan_store_column_text (stmt, 13);
  info.partner_contact_name = pecan_store_column_text (stmt, 14);
  info.partner_contact_email = pecan_store_column_text (stmt, 15);
  info.incentives = sqlite3_column_int (stmt, 16) != 0;
  info.opt_out = sqlite3_column_int (stmt, 17) != 0;
  info.status = sqlite3_column_int (stmt, 18);
  info.notes = pecan_store_column_text (stmt, 19);
  info.step = sqlite3_column_int (stmt, 20);
  info.updated_at = pecan_store_column_text (stmt, 21);
  if (read_children (store, &info, error))
    claim = G_OBJECT (pecan_cpor_claim_new (&info));
  pecan_cpor_info_clear (&info);
  return claim;
}

/**
 * pecan_cpor_list:
 * @store: the database
 * @error: return location for an error
 *
 * Returns: (transfer full): every CPOR claim, those that need attention
 *   first (partner action required, ready to submit, drafts), then the
 *   ones in Microsoft's hands, then the closed ones; the latest first
 *   within each
 */
GListModel *
pecan_cpor_list (PecanStore  *store,
                 GError     **error)
{
  g_return_val_if_fail (PECAN_IS_STORE (store), NULL);

  return pecan_store_claims_read (store, PECAN_TYPE_CPOR_CLAIM,
                                  CLAIM_COLUMNS
                                  " ORDER BY CASE k.status WHEN 3 THEN 0 WHEN 1 THEN 1"
                                  "  WHEN 0 THEN 2 WHEN 2 THEN 3 WHEN 4 THEN 4 ELSE 5 END,"
                                  " k.updated_at DESC, k.id",
                                  read_claim, error);
}

/**
 * pecan_cpor_load:
 * @store: the database
 * @id: a claim's id
 * @error: return location for an error
 *
 * Returns: (transfer full): the claim, or %NULL with
 *   %PECAN_STORE_ERROR_NOT_FOUND when there is none with that id
 */
PecanCporClaim *
pecan_cpor_load (PecanStore  *store,
                 gint64       id,
                 GError     **error)
{
  g_return_val_if_fail (PECAN_IS_STORE (store), NULL);

  return (PecanCporClaim *) pecan_store_claim_read (store, "cpor",
                                                    CLAIM_COLUMNS " WHERE k.id = ?1", id,
                                                    read_claim, error);
}

static gboolean
write_documents (PecanStore           *store,
                 const PecanCporInfo  *info,
                 GError              **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  clear = pecan_store_prepare (store, "DELETE FROM cpor_document WHERE claim_id = ?1", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, info->id);
  if (!pecan_store_step_done (store, clear, error))
    return FALSE;
  insert = pecan_store_prepare (store,
                                "INSERT INTO cpor_document (claim_id, position, kind, path, sha256,"
                                " size, added_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < info->documents->len; i++)
    {
      const PecanPoeDocument *d = &g_array_index (info->documents, PecanPoeDocument, i);

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, info->id);
      sqlite3_bind_int (insert, 2, i + 1);
      sqlite3_bind_int (insert, 3, d->kind);
      sqlite3_bind_text (insert, 4, d->path != NULL ? d->path : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 5, d->sha256 != NULL ? d->sha256 : "", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 6, d->size);
      sqlite3_bind_int (insert, 7, d->added_on);
      if (!pecan_store_step_done (store, insert, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_claim (PecanStore     *store,
             PecanCporInfo  *info,
             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *workloads = g_strjoinv ("\n", info->workloads);
  g_autofree char *stamp = pecan_store_stamp ();
  gboolean created = info->id == 0;

  if (!created)
    {
      int status = pecan_store_claim_status (store, "cpor", info->id, error);

      if (status < 0)
        return FALSE;
      if (status != PECAN_CPOR_DRAFT && status != PECAN_CPOR_READY)
        {
          g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_FAILED,
                       _("“%s” was submitted in Partner Center, which does not let a submitted "
                         "claim change: only its status and notes can."), info->name);
          return FALSE;
        }
    }
  stmt = pecan_store_prepare (store, created
    ? "INSERT INTO cpor_claim (name, partner_id, customer_tenant, customer_name, id_type,"
      " customer_ref, solution_area, engagement, workloads, customer_contact_name,"
      " customer_contact_email, customer_contact_title, partner_contact_name,"
      " partner_contact_email, incentives, opt_out, notes, step, status, created_at, updated_at)"
      " VALUES (?1, ?2, lower (?3), ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
      "  ?17, ?18, 0, ?19, ?19)"
    : "UPDATE cpor_claim SET name = ?1, partner_id = ?2, customer_tenant = lower (?3),"
      " customer_name = ?4, id_type = ?5, customer_ref = ?6, solution_area = ?7,"
      " engagement = ?8, workloads = ?9, customer_contact_name = ?10,"
      " customer_contact_email = ?11, customer_contact_title = ?12,"
      " partner_contact_name = ?13, partner_contact_email = ?14, incentives = ?15,"
      " opt_out = ?16, notes = ?17, step = ?18, updated_at = ?19 WHERE id = ?20", error);
  if (stmt == NULL)
    return FALSE;
  pecan_store_bind_stripped (stmt, 1, info->name);
  pecan_store_bind_stripped (stmt, 2, info->partner_id);
  if (info->tenant_id != NULL && info->tenant_id[0] != '\0')
    pecan_store_bind_stripped (stmt, 3, info->tenant_id);
  else
    sqlite3_bind_null (stmt, 3);
  pecan_store_bind_stripped (stmt, 4, info->customer_name);
  sqlite3_bind_int (stmt, 5, info->id_type);
  pecan_store_bind_stripped (stmt, 6, info->customer_ref);
  pecan_store_bind_stripped (stmt, 7, info->solution_area);
  pecan_store_bind_stripped (stmt, 8, info->engagement);
  sqlite3_bind_text (stmt, 9, workloads, -1, SQLITE_STATIC);
  pecan_store_bind_stripped (stmt, 10, info->customer_contact_name);
  pecan_store_bind_stripped (stmt, 11, info->customer_contact_email);
  pecan_store_bind_stripped (stmt, 12, info->customer_contact_title);
  pecan_store_bind_stripped (stmt, 13, info->partner_contact_name);
  pecan_store_bind_stripped (stmt, 14, info->partner_contact_email);
  sqlite3_bind_int (stmt, 15, info->incentives ? 1 : 0);
  sqlite3_bind_int (stmt, 16, info->opt_out ? 1 : 0);
  sqlite3_bind_text (stmt, 17, info->notes != NULL ? info->notes : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 18, info->step);
  sqlite3_bind_text (stmt, 19, stamp, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 20, info->id);
  if (!pecan_store_step_done (store, stmt, error))
    return FALSE;
  if (created)
    {
      info->id = sqlite3_last_insert_rowid (pecan_store_get_db (store));
      if (!pecan_store_claim_add_event (store, "cpor", info->id, PECAN_CPOR_DRAFT,
                                        pecan_day_today (), NULL, error))
        return FALSE;
    }
  return write_documents (store, info, error);
}

static gboolean
save_claim (PecanStore  *store,
            gpointer     data,
            GError     **error)
{
  return write_claim (store, data, error);
}

/**
 * pecan_cpor_save:
 * @store: the database
 * @info: a claim: a new one (id 0) is saved as a draft and given its id,
 *   status and history
 * @error: return location for an error
 *
 * Saves every field of a draft or ready claim, documents and notes
 * included; its status changes only through pecan_cpor_set_status(). A
 * claim submitted in Partner Center cannot be saved: only its status and
 * notes change.
 *
 * Returns: %TRUE when the claim was saved
 */
gboolean
pecan_cpor_save (PecanStore     *store,
                 PecanCporInfo  *info,
                 GError        **error)
{
  gboolean created;

  g_return_val_if_fail (PECAN_IS_STORE (store), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  created = info->id == 0;
  if (!pecan_store_savepoint (store, save_claim, info, error))
    {
      if (created)
        info->id = 0;
      return FALSE;
    }
  if (created)
    {
      PecanCporEvent event = { PECAN_CPOR_DRAFT, pecan_day_today (), g_strdup ("") };

      info->status = PECAN_CPOR_DRAFT;
      g_array_set_size (info->history, 0);
      g_array_append_val (info->history, event);
    }
  return TRUE;
}

typedef struct
{
  gint64           id;
  PecanCporStatus  status;
  gint32           day;
  const char      *note;
} StatusChange;

static gboolean
change_status (PecanStore  *store,
               gpointer     data,
               GError     **error)
{
  StatusChange *change = data;
  g_autoptr(PecanCporClaim) claim = pecan_cpor_load (store, change->id, error);
  const PecanCporInfo *info;

  if (claim == NULL)
    return FALSE;
  info = pecan_cpor_claim_get_info (claim);
  if (!pecan_cpor_can_move (info->status, change->status))
    {
      g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_FAILED,
                   /* TRANSLATORS: a claim's name, then two statuses */
                   _("“%s” cannot go from “%s” to “%s”."), info->name,
                   pecan_cpor_status_label (info->status),
                   pecan_cpor_status_label (change->status));
      return FALSE;
    }
  if (change->status == PECAN_CPOR_READY || (change->status == PECAN_CPOR_SUBMITTED
                                             && info->status == PECAN_CPOR_READY))
    {
      g_autofree char *domain = info->tenant_id != NULL
                                  ? pecan_cpor_imported_domain (store, info->tenant_id) : NULL;
      g_autoptr(GPtrArray) problems = pecan_cpor_check (info, domain, change->day);

      for (guint i = 0; i < problems->len; i++)
        {
          const PecanCporProblem *problem = problems->pdata[i];

          if (problem->severity != PECAN_CPOR_ERROR)
            continue;
          g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_FAILED,
                       _("“%s” is not complete yet: %s"), info->name, problem->message);
          return FALSE;
        }
    }
  return pecan_store_claim_move (store, "cpor", change->id, change->status, change->day,
                                 change->note, error);
}

/**
 * pecan_cpor_set_status:
 * @store: the database
 * @id: a claim's id
 * @status: its new status: one that pecan_cpor_can_move() allows, and
 *   "ready" or "submitted" only for a claim without errors
 * @day: when it happened: for "partner action required", the day
 *   Microsoft asked
 * @note: (nullable): what happened
 * @error: return location for an error
 *
 * Returns: %TRUE when the status changed
 */
gboolean
pecan_cpor_set_status (PecanStore       *store,
                       gint64            id,
                       PecanCporStatus   status,
                       gint32            day,
                       const char       *note,
                       GError          **error)
{
  StatusChange change = { id, status, day, note };

  g_return_val_if_fail (PECAN_IS_STORE (store), FALSE);

  return pecan_store_savepoint (store, change_status, &change, error);
}

/**
 * pecan_cpor_set_notes:
 * @store: the database
 * @id: a claim's id, in any status
 * @notes: the claim's notes
 * @error: return location for an error
 *
 * Returns: %TRUE when the notes were saved
 */
gboolean
pecan_cpor_set_notes (PecanStore  *store,
                      gint64       id,
                      const char  *notes,
                      GError     **error)
{
  g_return_val_if_fail (PECAN_IS_STORE (store), FALSE);

  return pecan_store_claim_set_notes (store, "cpor", id, notes, error);
}

static gboolean
delete_claim (PecanStore  *store,
              gpointer     data,
              GError     **error)
{
  const char * const children[] = { "cpor_document", "cpor_event", NULL };
  gint64 id = *(gint64 *) data;
  int status = pecan_store_claim_status (store, "cpor", id, error);

  if (status < 0)
    return FALSE;
  if (status != PECAN_CPOR_DRAFT && status != PECAN_CPOR_READY)
    {
      g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_FAILED,
                   _("A claim submitted in Partner Center is kept: only drafts can be "
                     "deleted."));
      return FALSE;
    }
  return pecan_store_claim_delete (store, "cpor", id, children, error);
}

/**
 * pecan_cpor_delete:
 * @store: the database
 * @id: a draft or ready claim's id
 * @error: return location for an error
 *
 * Returns: %TRUE when the claim was deleted
 */
gboolean
pecan_cpor_delete (PecanStore  *store,
                   gint64       id,
                   GError     **error)
{
  g_return_val_if_fail (PECAN_IS_STORE (store), FALSE);

  return pecan_store_savepoint (store, delete_claim, &id, error);
}

/**
 * pecan_cpor_imported_domain:
 * @store: the database
 * @tenant_id: a customer's tenant id
 *
 * Returns: (transfer full) (nullable): the domain the imported files give
 *   that tenant, or %NULL
 */
char *
pecan_cpor_imported_domain (PecanStore *store,
                            const char *tenant_id)
{
  g_autoptr(sqlite3_stmt) stmt = pecan_store_prepare (store, "SELECT domain FROM customer"
                                                             " WHERE tenant_id = lower (?1)"
                                                             " AND domain != ''", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? pecan_store_column_text (stmt, 0) : NULL;
}

/**
 * pecan_cpor_mark_linked:
 * @store: the database
 * @customer_id: an imported customer
 * @day: the day its Azure subscriptions were linked to the partner
 * @error: return location for an error
 *
 * Records that the customer's Azure consumption is recognised through
 * Partner Admin Link or Lighthouse, the way Azure is, rather than CPOR.
 *
 * Returns: %TRUE when it was recorded
 */
gboolean
pecan_cpor_mark_linked (PecanStore  *store,
                        gint64       customer_id,
                        gint32       day,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PECAN_IS_STORE (store), FALSE);

  stmt = pecan_store_prepare (store,
                              "INSERT INTO azure_link (tenant_id, linked_on)"
                              " SELECT tenant_id, ?2 FROM customer WHERE id = ?1"
                              " ON CONFLICT (tenant_id)"
                              " DO UPDATE SET linked_on = excluded.linked_on",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, day);
  if (!pecan_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (pecan_store_get_db (store)) == 0)
    {
      g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_NOT_FOUND,
                   _("There is no imported customer %lld."), (long long) customer_id);
      return FALSE;
    }
  return TRUE;
}

/**
 * pecan_cpor_linked_on:
 * @store: the database
 * @customer_id: an imported customer
 *
 * Returns: the day its Azure subscriptions were marked linked, or 0
 */
gint32
pecan_cpor_linked_on (PecanStore *store,
                      gint64      customer_id)
{
  g_autoptr(sqlite3_stmt) stmt = pecan_store_prepare (store,
                                                      "SELECT l.linked_on FROM azure_link AS l"
                                                      " JOIN customer AS c"
                                                      "  ON c.tenant_id = l.tenant_id"
                                                      " WHERE c.id = ?1", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
}
