/* pecan-claims-page-private.h: what the Claims page's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pecan-claims-page.h"
#include "pecan-cpor.h"
#include "pecan-session.h"

G_BEGIN_DECLS

struct _PecanClaimsPage
{
  GtkWidget           parent_instance;

  PecanSession       *session;
  gulong              generation_handler;
  GCancellable       *load_cancellable;
  GListStore         *claims;
  gboolean            loaded;
  gint32              today;

  GtkStack           *stack;
  GtkLabel           *status_label;
  GtkSpinner         *spinner;
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;
};

void                 pecan_claims_page_reload             (PecanClaimsPage *self);
PecanCporClaim      *pecan_claims_page_find               (PecanClaimsPage *self,
                                                           gint64           id);
void                 pecan_claims_page_say                (PecanClaimsPage *self,
                                                           const char      *text);
void                 pecan_claims_page_add_columns        (PecanClaimsPage *self);
char                *pecan_claims_page_next_action        (const PecanCporInfo *info,
                                                           gint32           today,
                                                           gboolean        *urgent);
void                 pecan_claims_page_class_init_actions (GtkWidgetClass  *widget_class);

G_END_DECLS
