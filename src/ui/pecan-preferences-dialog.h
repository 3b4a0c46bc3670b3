/* pecan-preferences-dialog.h: the preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pecan-session.h"

G_BEGIN_DECLS

#define PECAN_TYPE_PREFERENCES_DIALOG (pecan_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PecanPreferencesDialog, pecan_preferences_dialog, PECAN, PREFERENCES_DIALOG, GtkWindow)

GtkWindow *pecan_preferences_dialog_new (GtkWindow    *parent,
                                         PecanSession *session,
                                         GSettings    *settings);

G_END_DECLS
