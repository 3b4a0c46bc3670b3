/* pecan-claim-status-dialog.h: changing a claim's status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pecan-coop.h"
#include "pecan-cpor.h"

G_BEGIN_DECLS

#define PECAN_TYPE_CLAIM_STATUS_DIALOG (pecan_claim_status_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PecanClaimStatusDialog, pecan_claim_status_dialog, PECAN, CLAIM_STATUS_DIALOG, GtkWindow)

PecanClaimStatusDialog *pecan_claim_status_dialog_new      (GtkWindow              *parent,
                                                            const PecanCporInfo    *info,
                                                            gint32                  today);
PecanClaimStatusDialog *pecan_claim_status_dialog_new_coop (GtkWindow              *parent,
                                                            const PecanCoopInfo    *info,
                                                            gint32                  today);
gboolean                pecan_claim_status_dialog_select   (PecanClaimStatusDialog *self,
                                                            int                     status);

G_END_DECLS
