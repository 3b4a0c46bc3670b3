/* pecan-claims-page-private.h: what the Claims page's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pecan-claims-page.h"
#include "pecan-coop.h"
#include "pecan-cpor.h"
#include "pecan-session.h"

G_BEGIN_DECLS

struct _PecanClaimsPage
{
  PecanPage           parent_instance;

  GCancellable       *load_cancellable;
  GListStore         *claims;         /* of PecanCporClaim and PecanCoopClaim, by deadline */
  GArray             *funds;          /* of PecanCoopFunds */
  int                 deadline_days;  /* of co-op claims */
  gboolean            loaded;
  gint32              today;

  GtkStack           *stack;
  GtkLabel           *status_label;
  GtkSpinner         *spinner;
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;
  GtkWidget          *funds_box;
  GtkWidget          *funds_separator;
  GtkGrid            *funds_grid;
  GtkPopover         *add_funds_popover;
  GtkSpinButton      *funds_year_spin;
  GtkDropDown        *funds_half_dropdown;
  GtkEntry           *funds_earned_entry;
  GtkEntry           *funds_currency_entry;
};

void                 pecan_claims_page_reload             (PecanClaimsPage *self);
PecanCporClaim      *pecan_claims_page_find               (PecanClaimsPage *self,
                                                           gint64           id);
PecanCoopClaim      *pecan_claims_page_find_coop          (PecanClaimsPage *self,
                                                           gint64           id);
gint32               pecan_claims_page_due_day            (PecanClaimsPage *self,
                                                           GObject         *claim);
GListStore          *pecan_claims_page_sort               (GListModel      *cpor,
                                                           GListModel      *coop,
                                                           int              deadline_days);
void                 pecan_claims_page_say                (PecanClaimsPage *self,
                                                           const char      *text);
void                 pecan_claims_page_add_columns        (PecanClaimsPage *self);
char                *pecan_claims_page_next_action        (const PecanCporInfo *info,
                                                           gint32           today,
                                                           gboolean        *urgent);
void                 pecan_claims_page_class_init_actions (GtkWidgetClass  *widget_class);
GtkWindow           *pecan_claims_page_window             (PecanClaimsPage *self);
void                 pecan_claims_page_show_error         (PecanClaimsPage *self,
                                                           const char      *title,
                                                           const GError    *error);
void                 pecan_claims_page_run                (PecanClaimsPage  *self,
                                                           PecanSessionFunc  func,
                                                           gpointer          data,
                                                           GDestroyNotify    data_free,
                                                           const char       *failed,
                                                           char             *done);

/* pecan-claims-page-coop.c */
void                 pecan_claims_page_class_init_coop    (GtkWidgetClass  *widget_class);

/* pecan-claims-page-funds.c */
void                 pecan_claims_page_class_init_funds   (GtkWidgetClass  *widget_class);
void                 pecan_claims_page_update_funds       (PecanClaimsPage *self);

G_END_DECLS
