/* pecan-lost-page-private.h: what the Lost PEC page's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pecan-incident.h"
#include "pecan-lost-page.h"
#include "pecan-session.h"

G_BEGIN_DECLS

struct _PecanLostPage
{
  PecanPage            parent_instance;

  GCancellable        *cancellable;
  PecanPeriod          loading_period;
  gboolean             loading;
  gboolean             reload_pending;  /* reload once the saves are done */

  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GListModel          *sorted;          /* the filtered incidents, sorted */
  GtkSingleSelection  *selection;
  char                *search;          /* casefolded */

  PecanIncident       *shown;
  gint64               shown_subscription;
  gint32               shown_first_day;
  gboolean             filling;         /* widgets set from code, not by hand */

  guint                save_timeout;
  GQueue               saves;
  gboolean             saving;
  guint                save_serial;     /* saves asked for so far */
  guint                load_serial;     /* save_serial when the query began */
  guint                copied_timeout;

  /* Template widgets */
  GtkStack            *stack;
  GtkImage            *none_icon;
  GtkLabel            *none_title;
  GtkLabel            *none_detail;
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *customer_column;
  GtkColumnViewColumn *subscription_column;
  GtkColumnViewColumn *from_column;
  GtkColumnViewColumn *to_column;
  GtkColumnViewColumn *days_column;
  GtkColumnViewColumn *amount_column;
  GtkColumnViewColumn *handled_column;
  GtkLabel            *total_label;
  GtkLabel            *count_label;
  GtkStack            *detail_stack;
  GtkLabel            *customer_label;
  GtkLabel            *subscription_label;
  GtkLabel            *amount_label;
  GtkLabel            *days_label;
  GtkLabel            *usage_label;
  GtkLabel            *tenant_label;
  GtkLabel            *subscription_id_label;
  GtkWidget           *ongoing_box;
  GtkWidget           *checklist;
  GdkFrameClock       *checklist_clock;   /* reveals the checklist after frames */
  gulong               checklist_handler;
  GtkCheckButton      *handled_check;
  GtkTextView         *note_view;
  GtkLabel            *note_status;
  GtkToggleButton     *powershell_toggle;
  GtkLabel            *copy_label;
  GtkLabel            *command_label;
  GtkLabel            *partner_hint;
};

/* pecan-lost-page.c */
void pecan_lost_page_reload (PecanLostPage *self);

/* pecan-lost-page-columns.c */
const char *pecan_lost_page_customer_text      (const PecanIncidentInfo *info);
const char *pecan_lost_page_subscription_text  (const PecanIncidentInfo *info);
gboolean    pecan_lost_page_incident_matches   (gpointer                 item,
                                                gpointer                 user_data);
void        pecan_lost_page_class_init_columns (GtkWidgetClass          *widget_class);
void        pecan_lost_page_init_columns       (PecanLostPage           *self);

/* pecan-lost-page-detail.c */
void pecan_lost_page_cancel_checklist (PecanLostPage  *self);
void pecan_lost_page_save_job_free     (gpointer        data);
void pecan_lost_page_flush_save        (PecanLostPage  *self);
void pecan_lost_page_show_incident     (PecanLostPage  *self,
                                        PecanIncident  *incident);
void pecan_lost_page_class_init_detail (GtkWidgetClass *widget_class);
void pecan_lost_page_init_detail       (PecanLostPage  *self);

G_END_DECLS
