/* pecan-page.h: what the window's pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pecan-session.h"

G_BEGIN_DECLS

#define PECAN_TYPE_PAGE (pecan_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (PecanPage, pecan_page, PECAN, PAGE, GtkWidget)

struct _PecanPageClass
{
  GtkWidgetClass parent_class;

  /* Reads the page's data again: when the session is set, when the data
   * changes, when the period changes (if the page follows it), and when a
   * page that let a change wait is shown. */
  void     (*reload)         (PecanPage    *self);
  /* The database changed (an import, an undo); reload() by default. */
  void     (*data_changed)   (PecanPage    *self);
  /* The session is about to be replaced: let go of what the old one gave. */
  void     (*session_change) (PecanPage    *self,
                              PecanSession *session);
  /* Whether a change of period calls reload(). */
  gboolean follows_period;
};

PecanSession *pecan_page_get_session (PecanPage *self);
gboolean      pecan_page_reload_now  (PecanPage *self);

G_END_DECLS
