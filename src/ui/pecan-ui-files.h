/* pecan-ui-files.h: files a window is given, chosen or dropped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Takes @files for @owner; returns whether it took any. */
typedef gboolean (*PecanUiFilesFunc) (gpointer  owner,
                                      GFile   **files,
                                      guint     n_files);

void pecan_ui_choose_files (GtkWindow        *parent,
                            const char       *title,
                            PecanUiFilesFunc  func);
void pecan_ui_drop_files   (GtkWidget        *area,
                            gpointer          owner,
                            PecanUiFilesFunc  func);

G_END_DECLS
