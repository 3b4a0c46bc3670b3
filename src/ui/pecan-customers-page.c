/* pecan-customers-page.c: the Customers page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table of the period's customers, one row per customer and billing
 * currency (amounts of different currencies are never added), sortable by
 * every column and searchable by name, domain and tenant ID. Activating a
 * row shows that customer's page (pecan-customer-detail.c). The figures
 * come from pecan_query_summary() on a worker thread; a newer period or
 * newer data cancels the query still running.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-cell-tooltip.h"
#include "pecan-customer-detail.h"
#include "pecan-customers-page.h"
#include "pecan-list-feed.h"
#include "pecan-query.h"
#include "pecan-session.h"
#include "pecan-summary-row.h"
#include "pecan-ui-util.h"

/* What each column of the table shows, in the order of the template. */
typedef enum
{
  COLUMN_NAME,
  COLUMN_DOMAIN,
  COLUMN_CURRENCY,
  COLUMN_BILLED,
  COLUMN_EARNED,
  COLUMN_LOST,
  COLUMN_SHARE,
  N_COLUMNS
} Column;

struct _PecanCustomersPage
{
  PecanPage             parent_instance;

  GCancellable         *cancellable;
  GListModel           *rows;
  gboolean              loaded;
  gboolean              in_detail;      /* a customer's page is open */

  GtkStack             *stack;
  GtkSearchEntry       *search_entry;
  GtkLabel             *count_label;
  GtkStack             *results_stack;
  GtkColumnView        *column_view;
  GtkSingleSelection   *selection;
  GtkSortListModel     *sort_model;
  GtkFilterListModel   *filter_model;
  GtkStringFilter      *filter;
  GtkImage             *none_icon;
  GtkLabel             *none_title;
  GtkLabel             *none_description;
  GtkColumnViewColumn  *columns[N_COLUMNS];
  PecanCustomerDetail  *detail;
};

G_DEFINE_FINAL_TYPE (PecanCustomersPage, pecan_customers_page, PECAN_TYPE_PAGE)

static const char * const column_ids[N_COLUMNS] = {
  "name_column", "domain_column", "currency_column", "billed_column",
  "earned_column", "lost_column", "share_column",
};

static const PecanSummaryInfo *
row_info (gpointer item)
{
  return pecan_summary_row_get_info (PECAN_SUMMARY_ROW (item));
}

/* "Lost as a share of eligible": the share of the PEC the customer's
 * eligible usage could have earned that it lost. Earned and lost are both
 * the credit rate times the list price of that usage (DESIGN.md), so this
 * is also the share of the eligible usage, at list price, that went
 * without its credit. -1 when no usage could earn PEC, to sort last. */
static double
lost_share (const PecanSummaryInfo *info)
{
  double possible = info->pec_earned + info->pec_lost;

  return possible > 0.0 ? info->pec_lost / possible : -1.0;
}

/* The closures of the template's sorters and filter. */
static char *
row_name (PecanSummaryRow *row,
          gpointer         user_data)
{
  return g_strdup (row_info (row)->customer_name);
}

static char *
row_domain (PecanSummaryRow *row,
            gpointer         user_data)
{
  return g_strdup (row_info (row)->customer_domain);
}

static char *
row_currency (PecanSummaryRow *row,
              gpointer         user_data)
{
  return g_strdup (row_info (row)->currency);
}

static gint64
row_billed (PecanSummaryRow *row,
            gpointer         user_data)
{
  return row_info (row)->billed;
}

static double
row_earned (PecanSummaryRow *row,
            gpointer         user_data)
{
  return row_info (row)->pec_earned;
}

static double
row_lost (PecanSummaryRow *row,
          gpointer         user_data)
{
  return row_info (row)->pec_lost;
}

static double
row_share (PecanSummaryRow *row,
           gpointer         user_data)
{
  return lost_share (row_info (row));
}

static char *
row_search_text (PecanSummaryRow *row,
                 gpointer         user_data)
{
  const PecanSummaryInfo *info = row_info (row);

  return g_strjoin ("\n", info->customer_name ? info->customer_name : "",
                    info->customer_domain ? info->customer_domain : "",
                    info->customer_tenant ? info->customer_tenant : "", NULL);
}

static char *
cell_text (const PecanSummaryInfo *info,
           Column                  column)
{
  double share;

  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (info->customer_name ? info->customer_name : info->customer_tenant);
    case COLUMN_DOMAIN:
      return g_strdup (info->customer_domain);
    case COLUMN_CURRENCY:
      return g_strdup (info->currency);
    case COLUMN_BILLED:
      return pecan_ui_format_nano (info->billed, NULL);
    case COLUMN_EARNED:
      return pecan_ui_format_money (info->pec_earned, NULL);
    case COLUMN_LOST:
      return pecan_ui_format_money (info->pec_lost, NULL);
    case COLUMN_SHARE:
      share = lost_share (info);
      return share < 0.0 ? g_strdup ("—") : pecan_ui_format_percent (100.0 * share);
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
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  if (column >= COLUMN_BILLED)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  if (column == COLUMN_SHARE)
    pecan_cell_tooltip_set (label, _("PEC lost as a share of the PEC the eligible usage could earn: lost ÷ (earned + lost)"));
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = cell_text (row_info (gtk_list_item_get_item (item)),
                                     GPOINTER_TO_INT (user_data));

  gtk_label_set_text (label, text != NULL ? text : "");
  /* Names that do not fit are shown in full on hover. */
  if (GPOINTER_TO_INT (user_data) <= COLUMN_DOMAIN)
    pecan_cell_tooltip_set (GTK_WIDGET (label), text);
}

static guint
count_customers (GListModel *model)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (model, i);

      g_hash_table_add (seen, (gpointer) &row_info (row)->customer_id);
    }
  return g_hash_table_size (seen);
}

static void
show_none (PecanCustomersPage *self,
           const char         *icon_name,
           const char         *title,
           const char         *description)
{
  gtk_image_set_from_icon_name (self->none_icon, icon_name);
  gtk_label_set_text (self->none_title, title);
  gtk_label_set_text (self->none_description, description);
  gtk_stack_set_visible_child_name (self->results_stack, "none");
}

/* The count above the table, or why the table is empty. */
static void
update_results (PecanCustomersPage *self)
{
  PecanSession *session = pecan_page_get_session (PECAN_PAGE (self));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  guint n;

  if (shown > 0)
    {
      n = count_customers (G_LIST_MODEL (self->filter_model));
      /* TRANSLATORS: how many customers the table shows */
      count = g_strdup_printf (ngettext ("%u customer", "%u customers", n), n);
      gtk_label_set_text (self->count_label, count);
      gtk_stack_set_visible_child_name (self->results_stack, "table");
      return;
    }
  gtk_label_set_text (self->count_label, "");
  if (!self->loaded)
    return;
  if (self->rows != NULL && g_list_model_get_n_items (self->rows) > 0)
    {
      /* TRANSLATORS: the search found nothing; %s is what was searched for */
      title = g_strdup_printf (_("No Customer Matches “%s”"), search);
      show_none (self, "system-search-symbolic", title,
                 _("Search by a customer’s name, domain or tenant ID."));
      return;
    }
  period = pecan_ui_format_period (pecan_session_get_period (session));
  /* TRANSLATORS: %s is a period: "January 2026", "Q1 2026" */
  title = g_strdup_printf (_("No Usage in %s"), period);
  show_none (self, "x-office-calendar-symbolic", title,
             _("Choose another period in the header bar, or import the usage files for this one."));
}

/* Which of loading, empty, list and detail the page shows. */
static void
update_page (PecanCustomersPage *self)
{
  PecanSession *session = pecan_page_get_session (PECAN_PAGE (self));
  const char *name;
  PecanPeriod range;

  /* A customer's page reads its own figures: it need not wait for the
   * list. */
  if (session != NULL && !pecan_session_get_data_range (session, &range))
    name = "empty";
  else if (self->in_detail)
    name = "detail";
  else if (!self->loaded)
    name = "loading";
  else
    name = "list";
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.back", g_str_equal (name, "detail"));
}

static GObject *
query_customers (PecanStore    *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return G_OBJECT (pecan_query_summary (store, PECAN_GROUP_CUSTOMER, data, 0, error));
}

static void
customers_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(PecanCustomersPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = pecan_session_run_finish (PECAN_SESSION (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  self->loaded = TRUE;
  g_set_object (&self->rows, rows);
  /* The table takes its rows a screenful a frame, not hundreds at once. */
  pecan_list_feed_set_model (self->selection, NULL);
  gtk_filter_list_model_set_model (self->filter_model, rows);
  pecan_list_feed_set_model (self->selection, G_LIST_MODEL (self->sort_model));
  update_page (self);
  if (error != NULL)
    show_none (self, "dialog-error-symbolic", _("Could Not Read the Customers"), error->message);
}

static void
reload (PecanPage *page)
{
  PecanCustomersPage *self = PECAN_CUSTOMERS_PAGE (page);
  PecanSession *session = pecan_page_get_session (page);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (session == NULL || !pecan_page_reload_now (page))
    return;
  update_page (self);
  self->cancellable = g_cancellable_new ();
  pecan_session_run_async (session, query_customers,
                           g_memdup2 (pecan_session_get_period (session), sizeof (PecanPeriod)),
                           g_free, self->cancellable, customers_loaded_cb, g_object_ref (self));
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "detail") == 0)
    pecan_customer_detail_reload (self->detail);
}

static void
search_changed_cb (PecanCustomersPage *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Enter in the search opens the first customer found. */
static void
search_activate_cb (PecanCustomersPage *self)
{
  g_autoptr(PecanSummaryRow) row = g_list_model_get_item (G_LIST_MODEL (self->sort_model), 0);

  if (row != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "customers.show", "x", row_info (row)->customer_id);
}

static void
filter_items_changed_cb (PecanCustomersPage *self)
{
  update_results (self);
}

static void
column_view_activate_cb (PecanCustomersPage *self,
                         guint               position)
{
  g_autoptr(PecanSummaryRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "customers.show", "x", row_info (row)->customer_id);
}

/* The mouse's back button leaves a customer's page. */
static void
back_pressed_cb (GtkGestureClick    *gesture,
                 int                 n_press,
                 double              x,
                 double              y,
                 PecanCustomersPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "customers.back", NULL);
}

static void
show_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PecanCustomersPage *self = PECAN_CUSTOMERS_PAGE (widget);

  self->in_detail = TRUE;
  update_page (self);
  pecan_customer_detail_show (self->detail, g_variant_get_int64 (parameter));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PecanCustomersPage *self = PECAN_CUSTOMERS_PAGE (widget);

  self->in_detail = FALSE;
  update_page (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PecanCustomersPage *self = PECAN_CUSTOMERS_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "detail") == 0)
    back_action (widget, NULL, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The customer's page shows the same session. */
static void
session_change (PecanPage    *page,
               PecanSession *session)
{
  PecanCustomersPage *self = PECAN_CUSTOMERS_PAGE (page);

  g_object_set (self->detail, "session", session, NULL);
  self->loaded = FALSE;
}

static void
pecan_customers_page_dispose (GObject *object)
{
  PecanCustomersPage *self = PECAN_CUSTOMERS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PECAN_TYPE_CUSTOMERS_PAGE);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (pecan_customers_page_parent_class)->dispose (object);
}

static void
pecan_customers_page_class_init (PecanCustomersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PecanPageClass *page_class = PECAN_PAGE_CLASS (klass);

  object_class->dispose = pecan_customers_page_dispose;
  page_class->reload = reload;
  page_class->session_change = session_change;
  page_class->follows_period = TRUE;

  g_type_ensure (PECAN_TYPE_CUSTOMER_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pecanapp/Pecan/pecan-customers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PecanCustomersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomersPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomersPage, selection);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomersPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomersPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomersPage, filter);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomersPage, none_icon);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomersPage, none_title);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomersPage, none_description);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomersPage, detail);
  for (guint i = 0; i < N_COLUMNS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, column_ids[i], FALSE,
                                               G_STRUCT_OFFSET (PecanCustomersPage, columns)
                                               + i * sizeof (gpointer));
  gtk_widget_class_bind_template_callback (widget_class, row_name);
  gtk_widget_class_bind_template_callback (widget_class, row_domain);
  gtk_widget_class_bind_template_callback (widget_class, row_currency);
  gtk_widget_class_bind_template_callback (widget_class, row_billed);
  gtk_widget_class_bind_template_callback (widget_class, row_earned);
  gtk_widget_class_bind_template_callback (widget_class, row_lost);
  gtk_widget_class_bind_template_callback (widget_class, row_share);
  gtk_widget_class_bind_template_callback (widget_class, row_search_text);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "customers.show", "x", show_action);
  gtk_widget_class_install_action (widget_class, "customers.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "customers.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pecan_customers_page_init (PecanCustomersPage *self)
{
  GtkGesture *back = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));
      gtk_column_view_column_set_factory (self->columns[i], factory);
      g_object_unref (factory);
    }
  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->column_view));
  /* Month-end review starts with the customers losing the most. */
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_LOST], GTK_SORT_DESCENDING);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (back), 8);
  g_signal_connect (back, "pressed", G_CALLBACK (back_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (back));
  update_page (self);
}
