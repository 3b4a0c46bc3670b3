/* pecan-reports-page-private.h: what the Reports page's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pecan-report.h"
#include "pecan-reports-page.h"
#include "pecan-reports-row.h"
#include "pecan-session.h"

G_BEGIN_DECLS

typedef struct _PecanReportsExport PecanReportsExport;

/* The columns of the preview, in the order of the template. */
typedef enum
{
  COLUMN_INCLUDE,
  COLUMN_CLIENT,
  COLUMN_SHARE,
  COLUMN_CURRENCY,
  COLUMN_LIST,
  COLUMN_EARNED,
  COLUMN_CREDIT,
  COLUMN_COST,
  COLUMN_EDIT,
  N_COLUMNS
} Column;

struct _PecanReportsPage
{
  PecanPage            parent_instance;

  GSettings           *settings;
  GCancellable        *cancellable;
  GListModel          *rows;
  PecanReportSettings  report_settings;
  GHashTable          *left_out;           /* tenant ids the user left out */
  gboolean             loaded;
  gboolean             options_loaded;     /* report_settings was read once */
  gboolean             lines;
  gboolean             partner_cost;
  PecanReportsExport  *export;             /* while an export runs */
  char                *export_folder;      /* of the last export, for Open Folder */
  GtkColumnViewColumn *cost_column;        /* owned: in and out of the view */
  GtkColumnViewColumn *edit_column;        /* owned: after the cost column */

  GtkStack            *stack;
  GtkRevealer         *progress_revealer;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  GtkRevealer         *result_revealer;
  GtkWidget           *result_box;
  GtkImage            *result_icon;
  GtkLabel            *result_label;
  GtkWidget           *open_folder_button;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkStack            *results_stack;
  GtkColumnView       *column_view;
  GtkSingleSelection  *selection;
  GtkSortListModel    *sort_model;
  GtkFilterListModel  *filter_model;
  GtkStringFilter     *filter;
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkImage            *none_icon;
  GtkLabel            *none_title;
  GtkLabel            *none_description;
};

/* pecan-reports-page-columns.c */
void        pecan_reports_page_class_init_columns (GtkWidgetClass   *widget_class);
void        pecan_reports_page_add_columns        (PecanReportsPage *self);

/* pecan-reports-page-select.c */
void        pecan_reports_page_class_init_select  (GtkWidgetClass   *widget_class);
void        pecan_reports_page_set_included       (PecanReportsPage *self,
                                                   const char       *tenant_id,
                                                   gboolean          included);
GListModel *pecan_reports_page_dup_clients        (PecanReportsPage *self);
void        pecan_reports_page_update_status      (PecanReportsPage *self);

/* pecan-reports-page-export.c */
void        pecan_reports_page_class_init_export  (GtkWidgetClass   *widget_class);
void        pecan_reports_page_dispose_export     (PecanReportsPage *self);

G_END_DECLS
