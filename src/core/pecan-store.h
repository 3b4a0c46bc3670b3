/* pecan-store.h: the SQLite database that holds the imported usage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PECAN_TYPE_STORE (pecan_store_get_type ())

G_DECLARE_FINAL_TYPE (PecanStore, pecan_store, PECAN, STORE, GObject)

/* The schema this build writes; see pecan-store-schema.c. */
#define PECAN_STORE_SCHEMA_VERSION 6

char       *pecan_store_default_path     (void);
PecanStore *pecan_store_open             (const char  *path,
                                          GError     **error);
gboolean    pecan_store_error_can_move_aside (const GError *error);
char       *pecan_store_move_aside       (const char  *path,
                                          GError     **error);
const char *pecan_store_get_path         (PecanStore  *self);
int         pecan_store_get_pec_rate     (PecanStore  *self);
gboolean    pecan_store_set_pec_rate     (PecanStore  *self,
                                          int          percent,
                                          GError     **error);
char       *pecan_store_get_setting      (PecanStore  *self,
                                          const char  *key);
gboolean    pecan_store_set_setting      (PecanStore  *self,
                                          const char  *key,
                                          const char  *value,
                                          GError     **error);
gboolean    pecan_store_set_settings     (PecanStore  *self,
                                          GError     **error,
                                          const char  *first_key,
                                          ...) G_GNUC_NULL_TERMINATED;
char       *pecan_store_backup           (PecanStore  *self,
                                          const char  *target,
                                          GError     **error);
gboolean    pecan_store_undo_batch       (PecanStore  *self,
                                          gint64       batch_id,
                                          GError     **error);
gboolean    pecan_store_set_incident_note (PecanStore *self,
                                           gint64      subscription_id,
                                           gint32      first_day,
                                           gboolean    handled,
                                           const char *note,
                                           GError    **error);

G_END_DECLS
