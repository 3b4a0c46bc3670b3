/* pecan-claim-wizard.h: the CPOR claim preparation wizard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pecan-cpor.h"
#include "pecan-session.h"

G_BEGIN_DECLS

#define PECAN_TYPE_CLAIM_WIZARD (pecan_claim_wizard_get_type ())

G_DECLARE_FINAL_TYPE (PecanClaimWizard, pecan_claim_wizard, PECAN, CLAIM_WIZARD, GtkWindow)

PecanClaimWizard *pecan_claim_wizard_new          (GtkWindow           *parent,
                                                   PecanSession        *session,
                                                   const PecanCporInfo *info);
gint64            pecan_claim_wizard_get_claim_id (PecanClaimWizard    *self);
int               pecan_claim_wizard_get_step     (PecanClaimWizard    *self);
gboolean          pecan_claim_wizard_is_busy      (PecanClaimWizard    *self);
void              pecan_claim_wizard_add_files    (PecanClaimWizard    *self,
                                                   GFile              **files,
                                                   guint                n_files);
void              pecan_claim_wizard_export_to    (PecanClaimWizard    *self,
                                                   const char          *path);

G_END_DECLS
