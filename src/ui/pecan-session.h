/* pecan-session.h: the database and the period the window shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pecan-period.h"
#include "pecan-store.h"

G_BEGIN_DECLS

#define PECAN_TYPE_SESSION (pecan_session_get_type ())

G_DECLARE_FINAL_TYPE (PecanSession, pecan_session, PECAN, SESSION, GObject)

/* Runs on a worker thread with that thread's own connection. */
typedef GObject *(*PecanSessionFunc) (PecanStore    *store,
                                      gpointer       data,
                                      GCancellable  *cancellable,
                                      GError       **error);

PecanSession      *pecan_session_new               (const char           *database_path,
                                                    GError              **error);
const char        *pecan_session_get_database_path (PecanSession         *self);
PecanStore        *pecan_session_get_store         (PecanSession         *self);
const PecanPeriod *pecan_session_get_period        (PecanSession         *self);
void               pecan_session_set_period        (PecanSession         *self,
                                                    const PecanPeriod    *period);
gboolean           pecan_session_get_data_range    (PecanSession         *self,
                                                    PecanPeriod          *range);
guint              pecan_session_get_generation    (PecanSession         *self);
void               pecan_session_data_changed      (PecanSession         *self);
void               pecan_session_run_async         (PecanSession         *self,
                                                    PecanSessionFunc      func,
                                                    gpointer              data,
                                                    GDestroyNotify        data_free,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gpointer           pecan_session_run_finish        (PecanSession         *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void               pecan_session_report_error      (PecanSession         *self,
                                                    const GError         *error);

G_END_DECLS
