/* pecan-window-private.h: what the window's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pecan-window.h"

G_BEGIN_DECLS

struct _PecanWindow
{
  GtkApplicationWindow  parent_instance;

  PecanSession         *session;
  GSettings            *settings;

  /* Template widgets */
  GtkStack             *stack;
  GtkWidget            *period_picker;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkRevealer          *result_revealer;
  GtkLabel             *result_label;
  GtkWidget            *overview_page;
  GtkWidget            *customers_page;
  GtkWidget            *lost_page;
  GtkWidget            *usage_page;
  GtkWidget            *imports_page;
  GtkWidget            *reports_page;
  GtkWidget            *claims_page;

  /* The files waiting to be imported, the one being imported, and what
   * the finished ones did. */
  GQueue                import_queue;
  GFile                *importing;
  GCancellable         *import_cancellable;
  GString              *import_report;
  gboolean              import_failed;
  gint64                import_started;
  guint64               import_bytes_total;
  char                 *demo_dir;
};

void pecan_window_class_init_import (GtkWidgetClass *widget_class);
void pecan_window_init_import       (PecanWindow    *self);
void pecan_window_dispose_import    (PecanWindow    *self);

G_END_DECLS
