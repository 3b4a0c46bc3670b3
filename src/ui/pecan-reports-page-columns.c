/* pecan-reports-page-columns.c: the cells of the Reports page's preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per client and billing currency: whether the client is in the
 * export, its name and domain, the share its report applies, and the
 * figures its workbook will hold, as the core computed them. Clients set
 * to get no report are dimmed, and cannot be included.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-cell-tooltip.h"
#include "pecan-reports-page-private.h"
#include "pecan-ui-util.h"

static const char * const column_ids[N_COLUMNS] = {
  "include_column", "client_column", "share_column", "currency_column", "list_column",
  "earned_column", "credit_column", "cost_column", "edit_column",
};

static PecanReportsRow *
item_row (GtkListItem *item)
{
  return PECAN_REPORTS_ROW (gtk_list_item_get_item (item));
}

/* The closures of the template's sorters and filter. */
static char *
row_title (PecanReportsRow *row,
           gpointer         user_data)
{
  return g_strdup (pecan_client_info_get_title (pecan_reports_row_get_info (row)));
}

static int
row_share (PecanReportsRow *row,
           gpointer         user_data)
{
  return pecan_reports_row_get_info (row)->report ? pecan_reports_row_get_share (row) : -1;
}

static double
row_list (PecanReportsRow *row,
          gpointer         user_data)
{
  return pecan_reports_row_get_amounts (row)->list;
}

static double
row_earned (PecanReportsRow *row,
            gpointer         user_data)
{
  return pecan_reports_row_get_amounts (row)->earned;
}

static double
row_credit (PecanReportsRow *row,
            gpointer         user_data)
{
  return pecan_reports_row_get_amounts (row)->credit;
}

static double
row_cost (PecanReportsRow *row,
          gpointer         user_data)
{
  return pecan_reports_row_get_amounts (row)->cost;
}

static char *
row_search_text (PecanReportsRow *row,
                 gpointer         user_data)
{
  const PecanClientInfo *info = pecan_reports_row_get_info (row);

  return g_strjoin ("\n", pecan_client_info_get_title (info), info->name, info->domain,
                    info->tenant_id, info->contact_name, NULL);
}

static char *
share_text (PecanReportsRow *row)
{
  const PecanClientInfo *info = pecan_reports_row_get_info (row);
  g_autofree char *share = NULL;

  if (!info->report)
    return g_strdup (_("No report"));
  share = pecan_report_format_share (pecan_reports_row_get_share (row));
  if (info->share != PECAN_SHARE_DEFAULT)
    return g_steal_pointer (&share);
  /* TRANSLATORS: the share of a client without its own: "50 % (default)" */
  return g_strdup_printf (_("%s (default)"), share);
}

static char *
cell_text (PecanReportsRow *row,
           Column           column)
{
  const PecanReportAmounts *amounts = pecan_reports_row_get_amounts (row);

  switch (column)
    {
    case COLUMN_SHARE:
      return share_text (row);
    case COLUMN_CURRENCY:
      return g_strdup (amounts->currency);
    case COLUMN_LIST:
      return pecan_ui_format_money (amounts->list, NULL);
    case COLUMN_EARNED:
      return pecan_ui_format_money (amounts->earned, NULL);
    case COLUMN_CREDIT:
      return pecan_ui_format_money (amounts->credit, NULL);
    case COLUMN_COST:
      return pecan_ui_format_money (amounts->cost, NULL);
    case COLUMN_INCLUDE:
    case COLUMN_CLIENT:
    case COLUMN_EDIT:
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
include_toggled_cb (GtkCheckButton *check,
                    GtkListItem    *item)
{
  PecanReportsRow *row = item_row (item);
  GtkWidget *page;

  /* Binding the row sets the check too: only a person's click counts. */
  if (row == NULL || gtk_check_button_get_active (check) == pecan_reports_row_get_included (row))
    return;
  page = gtk_widget_get_ancestor (GTK_WIDGET (check), PECAN_TYPE_REPORTS_PAGE);
  if (page != NULL)
    pecan_reports_page_set_included (PECAN_REPORTS_PAGE (page),
                                     pecan_reports_row_get_info (row)->tenant_id,
                                     gtk_check_button_get_active (check));
}

static GtkWidget *
setup_client (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *domain = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (domain), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (domain), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (domain, "caption");
  gtk_widget_add_css_class (domain, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), domain);
  return box;
}

static GtkWidget *
setup_widget (GtkListItem *item,
              Column       column)
{
  GtkWidget *widget;

  switch (column)
    {
    case COLUMN_INCLUDE:
      widget = gtk_check_button_new ();
      gtk_widget_set_halign (widget, GTK_ALIGN_CENTER);
      g_signal_connect (widget, "toggled", G_CALLBACK (include_toggled_cb), item);
      return widget;
    case COLUMN_CLIENT:
      return setup_client ();
    case COLUMN_EDIT:
      widget = gtk_button_new_from_icon_name ("document-edit-symbolic");
      gtk_widget_set_halign (widget, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (widget, "flat");
      gtk_widget_set_tooltip_text (widget, _("Sharing Settings"));
      return widget;
    case COLUMN_CURRENCY:
    case COLUMN_SHARE:
      widget = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (widget), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      return widget;
    case COLUMN_LIST:
    case COLUMN_EARNED:
    case COLUMN_CREDIT:
    case COLUMN_COST:
      widget = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (widget), 1.0);
      gtk_widget_add_css_class (widget, "numeric");
      return widget;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  gtk_list_item_set_child (item, setup_widget (item, GPOINTER_TO_INT (user_data)));
}

static void
bind_client (GtkWidget             *box,
             const PecanClientInfo *info)
{
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *domain = gtk_widget_get_next_sibling (title);
  const char *name = pecan_client_info_get_title (info);
  g_autofree char *tooltip = NULL;

  gtk_label_set_text (GTK_LABEL (title), name);
  gtk_label_set_text (GTK_LABEL (domain), info->domain);
  gtk_widget_set_visible (domain, info->domain != NULL && info->domain[0] != '\0');
  /* TRANSLATORS: a client's title, then its name in the usage files and
   * its tenant ID, on the lines below */
  tooltip = g_strdup_printf (_("%s\nIn the files: %s\nTenant ID: %s"), name, info->name, info->tenant_id);
  pecan_cell_tooltip_set (box, tooltip);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  PecanReportsRow *row = item_row (item);
  const PecanClientInfo *info = pecan_reports_row_get_info (row);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  GBinding *binding;

  /* A client that gets no report is shown, dimmed, for its figures. */
  if (info->report)
    gtk_widget_remove_css_class (child, "pecan-no-report");
  else
    gtk_widget_add_css_class (child, "pecan-no-report");
  switch (column)
    {
    case COLUMN_INCLUDE:
      binding = g_object_bind_property (row, "included", child, "active", G_BINDING_SYNC_CREATE);
      g_object_set_data (G_OBJECT (item), "binding", binding);
      gtk_widget_set_sensitive (child, info->report);
      /* TRANSLATORS: what the check box of a client's row does */
      label = g_strdup_printf (_("Write a report for %s"), pecan_client_info_get_title (info));
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      break;
    case COLUMN_CLIENT:
      bind_client (child, info);
      break;
    case COLUMN_EDIT:
      /* The target first: an action that takes one has none without. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (child), "s", info->tenant_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "reports.edit-client");
      label = g_strdup_printf (_("Sharing settings of %s"), pecan_client_info_get_title (info));
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      break;
    case COLUMN_SHARE:
    case COLUMN_CURRENCY:
    case COLUMN_LIST:
    case COLUMN_EARNED:
    case COLUMN_CREDIT:
    case COLUMN_COST:
    case N_COLUMNS:
    default:
      text = cell_text (row, column);
      gtk_label_set_text (GTK_LABEL (child), text);
      break;
    }
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (item), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

/* The factories of the template's columns, set at init. */
void
pecan_reports_page_add_columns (PecanReportsPage *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));
      if (i == COLUMN_INCLUDE)
        g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), NULL);
      gtk_column_view_column_set_factory (self->columns[i], factory);
      g_object_unref (factory);
    }
}

void
pecan_reports_page_class_init_columns (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, column_ids[i], FALSE,
                                               G_STRUCT_OFFSET (PecanReportsPage, columns)
                                               + i * sizeof (gpointer));
  gtk_widget_class_bind_template_callback (widget_class, row_title);
  gtk_widget_class_bind_template_callback (widget_class, row_share);
  gtk_widget_class_bind_template_callback (widget_class, row_list);
  gtk_widget_class_bind_template_callback (widget_class, row_earned);
  gtk_widget_class_bind_template_callback (widget_class, row_credit);
  gtk_widget_class_bind_template_callback (widget_class, row_cost);
  gtk_widget_class_bind_template_callback (widget_class, row_search_text);
}
