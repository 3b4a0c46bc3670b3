/* pecan-coop-checklist.h: a co-op claim, as Partner Center's eight steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pecan-coop.h"
#include "pecan-session.h"

G_BEGIN_DECLS

#define PECAN_TYPE_COOP_CHECKLIST (pecan_coop_checklist_get_type ())

G_DECLARE_FINAL_TYPE (PecanCoopChecklist, pecan_coop_checklist, PECAN, COOP_CHECKLIST, GtkWindow)

PecanCoopChecklist *pecan_coop_checklist_new          (GtkWindow           *parent,
                                                       PecanSession        *session,
                                                       const PecanCoopInfo *info);
gint64              pecan_coop_checklist_get_claim_id (PecanCoopChecklist  *self);
PecanCoopStep       pecan_coop_checklist_get_step     (PecanCoopChecklist  *self);
gboolean            pecan_coop_checklist_is_busy      (PecanCoopChecklist  *self);
void                pecan_coop_checklist_add_files    (PecanCoopChecklist  *self,
                                                       GFile              **files,
                                                       guint                n_files);
void                pecan_coop_checklist_export_to    (PecanCoopChecklist  *self,
                                                       const char          *path);

G_END_DECLS
