/* pecan-store-claims.c: what the tables of both kinds of claims share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A kind of claim ("cpor", "coop") has a table KIND_claim with an id,
 * status, notes and updated_at, and tables of its children keyed by
 * claim_id: KIND_event (its status history) and others.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pecan-error.h"
#include "pecan-store-private.h"

static void
not_found (const char  *kind,
           gint64       id,
           GError     **error)
{
  if (g_str_equal (kind, "coop"))
    g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_NOT_FOUND,
                 _("There is no co-op claim %lld."), (long long) id);
  else
    g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_NOT_FOUND,
                 _("There is no CPOR claim %lld."), (long long) id);
}

/**
 * pecan_store_claims_read:
 * @self: the database
 * @type: the claims' type
 * @sql: a query of claims, one a row
 * @read: makes a claim of the query's current row
 * @error: return location for an error
 *
 * Returns: (transfer full): the claims of @sql, in its order
 */
GListModel *
pecan_store_claims_read (PecanStore              *self,
                         GType                    type,
                         const char              *sql,
                         PecanStoreReadClaimFunc  read,
                         GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = pecan_store_prepare (self, sql, error);
  g_autoptr(GListStore) claims = g_list_store_new (type);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GObject) claim = read (self, stmt, error);

      if (claim == NULL)
        return NULL;
      g_list_store_append (claims, claim);
    }
  if (rc != SQLITE_DONE)
    {
      pecan_store_set_error (self, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&claims));
}

/**
 * pecan_store_claim_read:
 * @self: the database
 * @kind: "cpor" or "coop"
 * @sql: a query of one claim, its id as ?1
 * @id: the claim's id
 * @read: makes a claim of the query's row
 * @error: return location for an error
 *
 * Returns: (transfer full): the claim, or %NULL with
 *   %PECAN_STORE_ERROR_NOT_FOUND when there is none with that id
 */
GObject *
pecan_store_claim_read (PecanStore              *self,
                        const char              *kind,
                        const char              *sql,
                        gint64                   id,
                        PecanStoreReadClaimFunc  read,
                        GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = pecan_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read (self, stmt, error);
  if (rc != SQLITE_DONE)
    pecan_store_set_error (self, error);
  else
    not_found (kind, id, error);
  return NULL;
}

/* The stored status of claim @id of @kind, or -1 with an error. */
int
pecan_store_claim_status (PecanStore  *self,
                          const char  *kind,
                          gint64       id,
                          GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT status FROM %s_claim WHERE id = ?1", kind);
  g_autoptr(sqlite3_stmt) stmt = pecan_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);
  if (rc != SQLITE_DONE)
    pecan_store_set_error (self, error);
  else
    not_found (kind, id, error);
  return -1;
}

/* Adds a status to the claim's history, after the others. */
gboolean
pecan_store_claim_add_event (PecanStore  *self,
                             const char  *kind,
                             gint64       id,
                             int          status,
                             gint32       day,
                             const char  *note,
                             GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO %s_event (claim_id, position, status, day,"
                                          " note) SELECT ?1, coalesce (max (position), 0) + 1,"
                                          " ?2, ?3, ?4 FROM %s_event WHERE claim_id = ?1",
                                          kind, kind);
  g_autoptr(sqlite3_stmt) stmt = pecan_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, status);
  sqlite3_bind_int (stmt, 3, day);
  pecan_store_bind_stripped (stmt, 4, note);
  return pecan_store_step_done (self, stmt, error);
}

/* Sets the claim's status, and adds it to its history. */
gboolean
pecan_store_claim_move (PecanStore  *self,
                        const char  *kind,
                        gint64       id,
                        int          status,
                        gint32       day,
                        const char  *note,
                        GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s_claim SET status = ?2, updated_at = ?3"
                                          " WHERE id = ?1", kind);
  g_autoptr(sqlite3_stmt) stmt = pecan_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, status);
  sqlite3_bind_text (stmt, 3, pecan_store_stamp (), -1, g_free);
  return pecan_store_step_done (self, stmt, error)
         && pecan_store_claim_add_event (self, kind, id, status, day, note, error);
}

/* The claim's notes, which change whatever its status. */
gboolean
pecan_store_claim_set_notes (PecanStore  *self,
                             const char  *kind,
                             gint64       id,
                             const char  *notes,
                             GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s_claim SET notes = ?2, updated_at = ?3"
                                          " WHERE id = ?1", kind);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (pecan_store_claim_status (self, kind, id, error) < 0)
    return FALSE;
  stmt = pecan_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, notes != NULL ? notes : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, pecan_store_stamp (), -1, g_free);
  return pecan_store_step_done (self, stmt, error);
}

/* Deletes the claim and its children in the tables @children names
 * (NULL-terminated, "KIND_event" ...). */
gboolean
pecan_store_claim_delete (PecanStore         *self,
                          const char         *kind,
                          gint64              id,
                          const char * const *children,
                          GError            **error)
{
  g_autofree char *claim = g_strdup_printf ("DELETE FROM %s_claim WHERE id = ?1", kind);

  for (guint i = 0; ; i++)
    {
      g_autofree char *sql = children[i] != NULL
                               ? g_strdup_printf ("DELETE FROM %s WHERE claim_id = ?1", children[i])
                               : NULL;
      g_autoptr(sqlite3_stmt) stmt = pecan_store_prepare (self, sql != NULL ? sql : claim, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!pecan_store_step_done (self, stmt, error))
        return FALSE;
      if (children[i] == NULL)
        return TRUE;
    }
}
