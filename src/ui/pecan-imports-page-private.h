/* pecan-imports-page-private.h: what the Imports page's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pecan-batch.h"
#include "pecan-imports-page.h"
#include "pecan-session.h"

G_BEGIN_DECLS

struct _PecanImportsPage
{
  PecanPage          parent_instance;

  GCancellable      *load_cancellable;
  GListStore        *batches;
  char              *query;              /* casefolded, or NULL */
  PecanBatch        *undoing;            /* while an undo runs */

  GtkStack          *stack;
  GtkSearchEntry    *search_entry;
  GtkLabel          *status_label;
  GtkSpinner        *spinner;
  GtkColumnView     *column_view;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkCustomFilter   *filter;
  GtkColumnViewColumn *customers_column;
  GtkLabel          *no_match_label;
  GtkRevealer       *details_revealer;
  GtkLabel          *details_title;
  GtkButton         *details_undo_button;
  GtkLabel          *details_kind;
  GtkLabel          *details_pec;
  GtkLabel          *details_sha256;
  GtkLabel          *details_kept;
  GtkLabel          *details_encoding;
  GtkLabel          *details_delimiter;
  GtkLabel          *details_duration;
  GtkLabel          *details_number;
};

void pecan_imports_page_update_busy     (PecanImportsPage *self,
                                         gboolean          loading);
void pecan_imports_page_add_columns     (PecanImportsPage *self);
void pecan_imports_page_class_init_undo (GtkWidgetClass   *widget_class);

G_END_DECLS
