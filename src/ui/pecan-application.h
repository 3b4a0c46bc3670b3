/* pecan-application.h: the Pecan application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PECAN_TYPE_APPLICATION (pecan_application_get_type ())

G_DECLARE_FINAL_TYPE (PecanApplication, pecan_application, PECAN, APPLICATION, GtkApplication)

PecanApplication *pecan_application_new               (GApplicationFlags  flags);
const char       *pecan_application_get_database_path (PecanApplication  *self);
void              pecan_application_set_database_path (PecanApplication  *self,
                                                       const char        *path);
void              pecan_application_offer_move_aside  (PecanApplication  *self,
                                                       GtkWindow         *window,
                                                       const GError      *error);

G_END_DECLS
