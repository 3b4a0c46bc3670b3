/* pecan-client-dialog.h: a client's sharing settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pecan-client.h"
#include "pecan-session.h"

G_BEGIN_DECLS

#define PECAN_TYPE_CLIENT_DIALOG (pecan_client_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PecanClientDialog, pecan_client_dialog, PECAN, CLIENT_DIALOG, GtkWindow)

GtkWindow *pecan_client_dialog_new (GtkWindow    *parent,
                                    PecanSession *session,
                                    PecanClient  *client,
                                    int           default_share);

G_END_DECLS
