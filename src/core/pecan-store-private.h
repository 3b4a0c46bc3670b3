/* pecan-store-private.h: the store's SQL handle, for the storage layer only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the storage layer (store, importer's writer, queries, claims' tables)
 * includes this header: SQL lives nowhere else.
 */
#pragma once

#include <sqlite3.h>

#include "pecan-store.h"

G_BEGIN_DECLS

/* Which rollup rows a figure comes from: daily data (daily rated usage and
 * Cost Management exports) or invoice reconciliation lines, kept apart so
 * that they never count twice. */
typedef enum
{
  PECAN_FAMILY_DAILY = 0,
  PECAN_FAMILY_INVOICE = 1,
} PecanFamily;

sqlite3      *pecan_store_get_db       (PecanStore    *self);
gboolean      pecan_store_exec         (PecanStore    *self,
                                        const char    *sql,
                                        GError       **error);
sqlite3_stmt *pecan_store_prepare      (PecanStore    *self,
                                        const char    *sql,
                                        GError       **error);
sqlite3_stmt *pecan_store_cached       (PecanStore    *self,
                                        const char    *sql,
                                        GError       **error);
gboolean      pecan_store_step_done    (PecanStore    *self,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);
void          pecan_store_set_error    (PecanStore    *self,
                                        GError       **error);
void          pecan_store_set_damaged  (const char    *path,
                                        const char    *reason,
                                        GError       **error);
gboolean      pecan_store_check_file   (const char    *path,
                                        GError       **error);
gboolean      pecan_store_has_wal      (const char    *path);
void          pecan_store_make_private (const char    *path);
gboolean      pecan_store_check        (PecanStore    *self,
                                        GError       **error);
gboolean      pecan_store_migrate      (PecanStore    *self,
                                        GError       **error);
gboolean      pecan_store_remove_coverage (PecanStore *self,
                                           gint64      subscription_id,
                                           gint32      day,
                                           int         family,
                                           gint64     *lines_removed,
                                           GError    **error);
int           pecan_store_month_of_day (gint32      day);

/* What the tables of people's records (clients, claims) share. */
typedef gboolean (*PecanStoreWriteFunc) (PecanStore  *self,
                                         gpointer     data,
                                         GError     **error);

char         *pecan_store_column_text  (sqlite3_stmt *stmt,
                                        int           column);
void          pecan_store_bind_stripped (sqlite3_stmt *stmt,
                                         int           index,
                                         const char   *text);
char         *pecan_store_stamp        (void);
gboolean      pecan_store_savepoint    (PecanStore          *self,
                                        PecanStoreWriteFunc  write,
                                        gpointer             data,
                                        GError             **error);

/* Claims of a kind ("cpor", "coop"): see pecan-store-claims.c. */
typedef GObject *(*PecanStoreReadClaimFunc) (PecanStore    *self,
                                             sqlite3_stmt  *stmt,
                                             GError       **error);

GListModel   *pecan_store_claims_read     (PecanStore              *self,
                                           GType                    type,
                                           const char              *sql,
                                           PecanStoreReadClaimFunc  read,
                                           GError                 **error);
GObject      *pecan_store_claim_read      (PecanStore              *self,
                                           const char              *kind,
                                           const char              *sql,
                                           gint64                   id,
                                           PecanStoreReadClaimFunc  read,
                                           GError                 **error);
int           pecan_store_claim_status    (PecanStore         *self,
                                           const char         *kind,
                                           gint64              id,
                                           GError            **error);
gboolean      pecan_store_claim_add_event (PecanStore         *self,
                                           const char         *kind,
                                           gint64              id,
                                           int                 status,
                                           gint32              day,
                                           const char         *note,
                                           GError            **error);
gboolean      pecan_store_claim_move      (PecanStore         *self,
                                           const char         *kind,
                                           gint64              id,
                                           int                 status,
                                           gint32              day,
                                           const char         *note,
                                           GError            **error);
gboolean      pecan_store_claim_set_notes (PecanStore         *self,
                                           const char         *kind,
                                           gint64              id,
                                           const char         *notes,
                                           GError            **error);
gboolean      pecan_store_claim_delete    (PecanStore         *self,
                                           const char         *kind,
                                           gint64              id,
                                           const char * const *children,
                                           GError            **error);
gboolean      pecan_store_rebuild_month (PecanStore *self,
                                         gint64      subscription_id,
                                         int         month,
                                         GError    **error);
void          pecan_store_add_month_key (GHashTable *keys,
                                         gint64      subscription_id,
                                         gint32      day);
gboolean      pecan_store_rebuild_months (PecanStore *self,
                                          GHashTable *keys,
                                          GError    **error);
gboolean      pecan_store_rebuild_customer_months (PecanStore *self,
                                                   GHashTable *keys,
                                                   GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
