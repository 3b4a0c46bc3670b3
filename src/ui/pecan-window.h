/* pecan-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pecan-application.h"
#include "pecan-session.h"

G_BEGIN_DECLS

#define PECAN_TYPE_WINDOW (pecan_window_get_type ())

G_DECLARE_FINAL_TYPE (PecanWindow, pecan_window, PECAN, WINDOW, GtkApplicationWindow)

PecanWindow  *pecan_window_new           (PecanApplication  *application,
                                          PecanSession      *session);
PecanSession *pecan_window_get_session   (PecanWindow       *self);
void          pecan_window_import_files  (PecanWindow       *self,
                                          GFile            **files,
                                          int                n_files);
gboolean      pecan_window_is_importing  (PecanWindow       *self);
void          pecan_window_show_page     (PecanWindow       *self,
                                          const char        *name);

G_END_DECLS
