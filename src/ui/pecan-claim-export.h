/* pecan-claim-export.h: where a claim's packet goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pecan-cpor.h"

G_BEGIN_DECLS

typedef void (*PecanClaimExportChosen) (const char *path,
                                        gpointer    user_data);

char *pecan_claim_export_file_name    (const PecanCporInfo    *info);
void  pecan_claim_export_choose       (GtkWindow              *parent,
                                       const PecanCporInfo    *info,
                                       PecanClaimExportChosen  chosen,
                                       gpointer                user_data,
                                       GDestroyNotify          user_data_free);
void  pecan_claim_export_choose_named (GtkWindow              *parent,
                                       const char             *title,
                                       const char             *name,
                                       PecanClaimExportChosen  chosen,
                                       gpointer                user_data,
                                       GDestroyNotify          user_data_free);

G_END_DECLS
