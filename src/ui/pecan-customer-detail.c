/* pecan-customer-detail.c: one customer's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The customer's figures for the period, its PEC chart (per day for one
 * month, else per month over the twelve months to the period's end), its
 * subscriptions and its lost-PEC incidents. One worker query reads them
 * all; the Customers page hosts this view and tells it when to reload.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pecan-cell-tooltip.h"
#include "pecan-chart.h"
#include "pecan-customer-detail.h"
#include "pecan-incident.h"
#include "pecan-parse.h"
#include "pecan-query.h"
#include "pecan-session.h"
#include "pecan-summary-row.h"
#include "pecan-ui-util.h"

/* The cells of both tables, in the order of the template's columns. */
typedef enum
{
  CELL_SUBSCRIPTION_NAME,
  CELL_SUBSCRIPTION_ID,
  CELL_SUBSCRIPTION_BILLED,
  CELL_SUBSCRIPTION_ELIGIBLE,
  CELL_SUBSCRIPTION_EARNED,
  CELL_SUBSCRIPTION_LOST,
  CELL_INCIDENT_SUBSCRIPTION,
  CELL_INCIDENT_FROM,
  CELL_INCIDENT_TO,
  CELL_INCIDENT_DAYS,
  CELL_INCIDENT_LOST,
  N_CELLS
} Cell;

typedef enum
{
  FIGURE_BILLED,
  FIGURE_ELIGIBLE,
  FIGURE_EARNED,
  FIGURE_LOST,
  N_FIGURES
} Figure;

/* What the worker returns, in this order. */
typedef enum
{
  RESULT_TOTALS,         /* per currency, for the period */
  RESULT_IDENTITY,       /* the totals, or all time when the period has none */
  RESULT_SUBSCRIPTIONS,
  RESULT_SERIES,
  RESULT_INCIDENTS,
  N_RESULTS
} Result;

struct _PecanCustomerDetail
{
  GtkWidget             parent_instance;

  PecanSession         *session;
  gint64                customer_id;
  GCancellable         *cancellable;

  GtkScrolledWindow    *scroller;
  GtkWidget            *back_button;
  GtkLabel             *name_label;
  GtkLabel             *domain_label;
  GtkLabel             *tenant_label;
  GtkLabel             *period_label;
  GtkBox               *figures_box;
  GtkLabel             *chart_title;
  PecanChart           *chart;
  GtkStack             *subscriptions_stack;
  GtkLabel             *subscriptions_none;
  GtkColumnView        *subscriptions_view;
  GtkSortListModel     *subscriptions_sort;
  GtkStack             *incidents_stack;
  GtkNoSelection       *incidents_selection;
  GtkColumnViewColumn  *columns[N_CELLS];
  GtkLabel             *figure_values[N_FIGURES];
  GtkLabel             *figure_changes[N_FIGURES];
};

G_DEFINE_FINAL_TYPE (PecanCustomerDetail, pecan_customer_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const column_ids[N_CELLS] = {
  "subscription_name_column", "subscription_id_column", "subscription_billed_column",
  "subscription_eligible_column", "subscription_earned_column", "subscription_lost_column",
  "incident_subscription_column", "incident_from_column", "incident_to_column",
  "incident_days_column", "incident_lost_column",
};

static const char * const figure_titles[N_FIGURES] = {
  N_("Billed"), N_("Eligible"), N_("PEC Earned"), N_("PEC Lost"),
};

/* What the worker reads: nothing it shares with the main thread. */
typedef struct
{
  gint64        customer_id;
  PecanPeriod   period;
  PecanPeriod   chart_period;
  gboolean      by_day;
} Query;

static const PecanSummaryInfo *
row_info (gpointer item)
{
  return pecan_summary_row_get_info (PECAN_SUMMARY_ROW (item));
}

/* The closures of the subscription table's sorters. */
static char *
subscription_name (PecanSummaryRow *row,
                   gpointer         user_data)
{
  return g_strdup (row_info (row)->subscription_name);
}

static char *
subscription_id (PecanSummaryRow *row,
                 gpointer         user_data)
{
  return g_strdup (row_info (row)->subscription_azure_id);
}

static gint64
subscription_billed (PecanSummaryRow *row,
                     gpointer         user_data)
{
  return row_info (row)->billed;
}

static gint64
subscription_eligible (PecanSummaryRow *row,
                       gpointer         user_data)
{
  return row_info (row)->eligible;
}

static double
subscription_earned (PecanSummaryRow *row,
                     gpointer         user_data)
{
  return row_info (row)->pec_earned;
}

static double
subscription_lost (PecanSummaryRow *row,
                   gpointer         user_data)
{
  return row_info (row)->pec_lost;
}

static char *
subscription_cell_text (const PecanSummaryInfo *info,
                        Cell                    cell)
{
  switch (cell)
    {
    case CELL_SUBSCRIPTION_NAME:
      return g_strdup (info->subscription_name ? info->subscription_name : info->subscription_azure_id);
    case CELL_SUBSCRIPTION_ID:
      return g_strdup (info->subscription_azure_id);
    case CELL_SUBSCRIPTION_BILLED:
      return pecan_ui_format_nano (info->billed, info->currency);
    case CELL_SUBSCRIPTION_ELIGIBLE:
      return pecan_ui_format_nano (info->eligible, info->currency);
    case CELL_SUBSCRIPTION_EARNED:
      return pecan_ui_format_money (info->pec_earned, info->currency);
    case CELL_SUBSCRIPTION_LOST:
    default:
      return pecan_ui_format_money (info->pec_lost, info->currency);
    }
}

static char *
incident_cell_text (const PecanIncidentInfo *info,
                    Cell                     cell)
{
  g_autofree char *day = NULL;

  switch (cell)
    {
    case CELL_INCIDENT_SUBSCRIPTION:
      return g_strdup (info->subscription_name ? info->subscription_name : info->subscription_azure_id);
    case CELL_INCIDENT_FROM:
      return pecan_ui_format_day (info->first_day);
    case CELL_INCIDENT_TO:
      day = pecan_ui_format_day (info->last_day);
      /* TRANSLATORS: the last day of an incident still running: "31/01/2026, ongoing" */
      return info->ongoing ? g_strdup_printf (_("%s, ongoing"), day) : g_steal_pointer (&day);
    case CELL_INCIDENT_DAYS:
      return pecan_ui_format_count (info->days);
    case CELL_INCIDENT_LOST:
    default:
      return pecan_ui_format_money (info->pec_lost, info->currency);
    }
}

static gboolean
cell_is_numeric (Cell cell)
{
  return (cell >= CELL_SUBSCRIPTION_BILLED && cell <= CELL_SUBSCRIPTION_LOST)
         || cell >= CELL_INCIDENT_FROM;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Cell cell = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), cell_is_numeric (cell) ? 1.0 : 0.0);
  if (cell_is_numeric (cell))
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (cell == CELL_SUBSCRIPTION_ID)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Cell cell = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_list_item_get_child (item);
  gpointer object = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (cell >= CELL_INCIDENT_SUBSCRIPTION)
    text = incident_cell_text (pecan_incident_get_info (PECAN_INCIDENT (object)), cell);
  else
    text = subscription_cell_text (row_info (object), cell);
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  if (!cell_is_numeric (cell))
    pecan_cell_tooltip_set (label, text);
}

static GObject *
query_detail (PecanStore    *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  const PecanPeriod all_time = { PECAN_DAY_MIN, PECAN_DAY_MAX };
  Query *query = data;
  g_autoptr(GListStore) results = g_list_store_new (G_TYPE_LIST_MODEL);
  GListModel *models[N_RESULTS] = { NULL, };

  models[RESULT_TOTALS] = pecan_query_summary (store, PECAN_GROUP_CUSTOMER, &query->period,
                                               query->customer_id, error);
  /* Stop early when a newer period or customer was asked for meanwhile. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    g_clear_object (&models[RESULT_TOTALS]);
  if (models[RESULT_TOTALS] != NULL && g_list_model_get_n_items (models[RESULT_TOTALS]) > 0)
    models[RESULT_IDENTITY] = g_object_ref (models[RESULT_TOTALS]);
  else if (models[RESULT_TOTALS] != NULL)
    /* A customer without usage in the period still has a name. */
    models[RESULT_IDENTITY] = pecan_query_summary (store, PECAN_GROUP_CUSTOMER, &all_time,
                                                   query->customer_id, error);
  if (models[RESULT_IDENTITY] != NULL)
    models[RESULT_SUBSCRIPTIONS] = pecan_query_summary (store, PECAN_GROUP_SUBSCRIPTION, &query->period,
                                                        query->customer_id, error);
  if (models[RESULT_SUBSCRIPTIONS] != NULL)
    models[RESULT_SERIES] = pecan_query_summary (store, query->by_day ? PECAN_GROUP_DAY : PECAN_GROUP_MONTH,
                                                 &query->chart_period, query->customer_id, error);
  if (models[RESULT_SERIES] != NULL)
    models[RESULT_INCIDENTS] = pecan_query_incidents (store, &query->period, query->customer_id, error);
  for (guint i = 0; i < N_RESULTS; i++)
    {
      if (models[i] != NULL)
        g_list_store_append (results, models[i]);
      g_clear_object (&models[i]);
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (results)) < N_RESULTS)
    return NULL;
  return G_OBJECT (g_steal_pointer (&results));
}

/* The chart's span: the days of a one-month period, else the twelve
 * months to the period's end. */
static void
chart_span (const PecanPeriod *period,
            Query             *query)
{
  int y, m, d;

  query->by_day = period->last - period->first < 31;
  if (query->by_day)
    {
      query->chart_period = *period;
      return;
    }
  pecan_day_to_ymd (period->last, &y, &m, &d);
  query->chart_period.last = pecan_month_last_day (y, m);
  m -= 11;
  if (m < 1)
    {
      m += 12;
      y--;
    }
  query->chart_period.first = pecan_day_from_ymd (y, m, 1);
}

/* The currency the chart shows: the one most billed. */
static const char *
main_currency (GListModel *totals,
               GListModel *series)
{
  GListModel *model = g_list_model_get_n_items (totals) > 0 ? totals : series;
  const char *currency = NULL;
  gint64 most = G_MININT64;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (model, i);

      if (row_info (row)->billed > most)
        {
          most = row_info (row)->billed;
          currency = row_info (row)->currency;
        }
    }
  return currency;
}

static void
update_chart (PecanCustomerDetail *self,
              const Query         *query,
              GListModel          *totals,
              GListModel          *series)
{
  const char *currency = main_currency (totals, series);
  gint32 first = query->chart_period.first;
  guint n = query->by_day ? (guint) (query->chart_period.last - first + 1) : 12;
  g_autofree PecanChartBar *bars = g_new0 (PecanChartBar, n);
  int y, m, d;

  pecan_day_to_ymd (first, &y, &m, &d);
  for (guint i = 0; i < n; i++)
    {
      int month = (m - 1 + i) % 12 + 1, year = y + (m - 1 + i) / 12;

      bars[i].first_day = query->by_day ? first + (gint32) i : pecan_day_from_ymd (year, month, 1);
      bars[i].last_day = query->by_day ? bars[i].first_day : pecan_month_last_day (year, month);
    }
  for (guint i = 0; i < g_list_model_get_n_items (series); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (series, i);
      const PecanSummaryInfo *info = row_info (row);
      gint64 index = query->by_day ? info->day - first
                                   : (info->month / 100 - y) * 12 + info->month % 100 - m;

      if (g_strcmp0 (info->currency, currency) != 0 || index < 0 || index >= (gint64) n)
        continue;
      bars[index].earned += info->pec_earned;
      bars[index].lost += info->pec_lost;
    }
  pecan_chart_set_bars (self->chart, currency, bars, n, query->by_day);
  gtk_label_set_text (self->chart_title, query->by_day ? _("PEC per Day") : _("PEC per Month"));
}

static char *
figure_text (const PecanSummaryInfo *info,
             Figure                  figure)
{
  switch (figure)
    {
    case FIGURE_BILLED:
      return pecan_ui_format_nano (info->billed, info->currency);
    case FIGURE_ELIGIBLE:
      return pecan_ui_format_nano (info->eligible, info->currency);
    case FIGURE_EARNED:
      return pecan_ui_format_money (info->pec_earned, info->currency);
    case FIGURE_LOST:
    case N_FIGURES:
    default:
      return pecan_ui_format_money (info->pec_lost, info->currency);
    }
}

/* The change against the previous period; more PEC earned is better,
 * more lost is worse, and billed is neither. */
static char *
figure_change (const PecanSummaryInfo  *info,
               Figure                   figure,
               const char             **mood)
{
  double now[] = { info->billed, info->eligible, info->pec_earned, info->pec_lost };
  double before[] = { info->previous_billed, info->previous_eligible,
                      info->previous_earned, info->previous_lost };
  double delta = now[figure] - before[figure];

  *mood = NULL;
  if (!info->has_previous)
    return g_strdup ("");
  if (figure == FIGURE_EARNED && fabs (delta) >= 0.005)
    *mood = delta > 0 ? "better" : "worse";
  else if (figure == FIGURE_LOST && fabs (delta) >= 0.005)
    *mood = delta > 0 ? "worse" : "better";
  return pecan_ui_format_change (now[figure], before[figure]);
}

/* One line per billing currency: they are never added together. */
static void
update_figures (PecanCustomerDetail *self,
                GListModel          *totals)
{
  guint n = g_list_model_get_n_items (totals);

  for (guint f = 0; f < N_FIGURES; f++)
    {
      g_autoptr(GString) values = g_string_new (NULL);
      g_autofree char *change = NULL;
      const char *mood = NULL;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PecanSummaryRow) row = g_list_model_get_item (totals, i);
          g_autofree char *text = figure_text (row_info (row), f);

          g_string_append_printf (values, "%s%s", i > 0 ? "\n" : "", text);
          if (n == 1)
            change = figure_change (row_info (row), f, &mood);
        }
      gtk_widget_remove_css_class (GTK_WIDGET (self->figure_changes[f]), "better");
      gtk_widget_remove_css_class (GTK_WIDGET (self->figure_changes[f]), "worse");
      if (mood != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->figure_changes[f]), mood);
      gtk_label_set_text (self->figure_values[f], n > 0 ? values->str : "—");
      gtk_label_set_text (self->figure_changes[f],
                          n == 0 ? _("No usage in this period") : change != NULL ? change : "");
    }
}

static void
update_identity (PecanCustomerDetail *self,
                 GListModel          *identity)
{
  g_autoptr(PecanSummaryRow) row = g_list_model_get_item (identity, 0);
  const PecanSummaryInfo *info = row != NULL ? row_info (row) : NULL;

  gtk_label_set_text (self->name_label, info == NULL ? _("Unknown Customer")
                                        : info->customer_name ? info->customer_name
                                        : info->customer_tenant);
  gtk_label_set_text (self->domain_label, info != NULL && info->customer_domain ? info->customer_domain : "");
  gtk_label_set_text (self->tenant_label, info != NULL && info->customer_tenant ? info->customer_tenant : "");
}

static void
detail_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PecanCustomerDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = pecan_session_run_finish (PECAN_SESSION (source), result, &error);
  GListModel *models[N_RESULTS];
  Query *query;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  query = g_object_get_data (G_OBJECT (self->cancellable), "query");
  if (results == NULL)
    {
      gtk_label_set_text (self->name_label, _("Could Not Read the Customer"));
      gtk_label_set_text (self->domain_label, error->message);
      g_clear_object (&self->cancellable);
      return;
    }
  for (guint i = 0; i < N_RESULTS; i++)
    models[i] = g_list_model_get_item (results, i);
  update_identity (self, models[RESULT_IDENTITY]);
  update_figures (self, models[RESULT_TOTALS]);
  update_chart (self, query, models[RESULT_TOTALS], models[RESULT_SERIES]);
  gtk_sort_list_model_set_model (self->subscriptions_sort, models[RESULT_SUBSCRIPTIONS]);
  gtk_stack_set_visible_child_name (self->subscriptions_stack,
                                    g_list_model_get_n_items (models[RESULT_SUBSCRIPTIONS]) > 0 ? "table" : "none");
  gtk_no_selection_set_model (self->incidents_selection, models[RESULT_INCIDENTS]);
  gtk_stack_set_visible_child_name (self->incidents_stack,
                                    g_list_model_get_n_items (models[RESULT_INCIDENTS]) > 0 ? "table" : "none");
  for (guint i = 0; i < N_RESULTS; i++)
    g_object_unref (models[i]);
  g_clear_object (&self->cancellable);
}

/* A click on a month of the chart shows that month. */
static void
bar_activated_cb (PecanCustomerDetail *self,
                  int                  first_day,
                  int                  last_day)
{
  PecanPeriod period = { first_day, last_day };

  if (self->session != NULL && last_day > first_day)
    pecan_session_set_period (self->session, &period);
}

static void
pecan_customer_detail_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PecanCustomerDetail *self = PECAN_CUSTOMER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_customer_detail_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PecanCustomerDetail *self = PECAN_CUSTOMER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      if (g_set_object (&self->session, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_customer_detail_dispose (GObject *object)
{
  PecanCustomerDetail *self = PECAN_CUSTOMER_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PECAN_TYPE_CUSTOMER_DETAIL);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pecan_customer_detail_parent_class)->dispose (object);
}

static void
pecan_customer_detail_class_init (PecanCustomerDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pecan_customer_detail_dispose;
  object_class->get_property = pecan_customer_detail_get_property;
  object_class->set_property = pecan_customer_detail_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PECAN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PECAN_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pecanapp/Pecan/pecan-customer-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, PecanCustomerDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomerDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomerDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomerDetail, domain_label);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomerDetail, tenant_label);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomerDetail, period_label);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomerDetail, figures_box);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomerDetail, chart_title);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomerDetail, chart);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomerDetail, subscriptions_stack);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomerDetail, subscriptions_none);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomerDetail, subscriptions_view);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomerDetail, subscriptions_sort);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomerDetail, incidents_stack);
  gtk_widget_class_bind_template_child (widget_class, PecanCustomerDetail, incidents_selection);
  for (guint i = 0; i < N_CELLS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, column_ids[i], FALSE,
                                               G_STRUCT_OFFSET (PecanCustomerDetail, columns)
                                               + i * sizeof (gpointer));
  gtk_widget_class_bind_template_callback (widget_class, subscription_name);
  gtk_widget_class_bind_template_callback (widget_class, subscription_id);
  gtk_widget_class_bind_template_callback (widget_class, subscription_billed);
  gtk_widget_class_bind_template_callback (widget_class, subscription_eligible);
  gtk_widget_class_bind_template_callback (widget_class, subscription_earned);
  gtk_widget_class_bind_template_callback (widget_class, subscription_lost);
  gtk_widget_class_bind_template_callback (widget_class, bar_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* A card per figure: its name, its value per currency, its change. */
static void
add_figures (PecanCustomerDetail *self)
{
  for (guint f = 0; f < N_FIGURES; f++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *title = gtk_label_new (_(figure_titles[f]));

      gtk_widget_add_css_class (card, "pecan-card");
      gtk_widget_add_css_class (card, "pecan-figure");
      gtk_widget_add_css_class (title, "title");
      gtk_label_set_xalign (GTK_LABEL (title), 0.0);
      self->figure_values[f] = GTK_LABEL (gtk_label_new ("—"));
      self->figure_changes[f] = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_add_css_class (GTK_WIDGET (self->figure_values[f]), "value");
      gtk_widget_add_css_class (GTK_WIDGET (self->figure_changes[f]), "change");
      gtk_label_set_xalign (self->figure_values[f], 0.0);
      gtk_label_set_xalign (self->figure_changes[f], 0.0);
      gtk_label_set_selectable (self->figure_values[f], TRUE);
      gtk_box_append (GTK_BOX (card), title);
      gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->figure_values[f]));
      gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->figure_changes[f]));
      gtk_box_append (self->figures_box, card);
    }
}

static void
pecan_customer_detail_init (PecanCustomerDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_CELLS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));
      gtk_column_view_column_set_factory (self->columns[i], factory);
      g_object_unref (factory);
    }
  gtk_sort_list_model_set_sorter (self->subscriptions_sort,
                                  gtk_column_view_get_sorter (self->subscriptions_view));
  gtk_column_view_sort_by_column (self->subscriptions_view, self->columns[CELL_SUBSCRIPTION_LOST],
                                  GTK_SORT_DESCENDING);
  gtk_label_set_text (self->subscriptions_none, _("No usage in this period."));
  add_figures (self);
}

gint64
pecan_customer_detail_get_customer_id (PecanCustomerDetail *self)
{
  g_return_val_if_fail (PECAN_IS_CUSTOMER_DETAIL (self), 0);
  return self->customer_id;
}

/**
 * pecan_customer_detail_show:
 * @customer_id: the database id of the customer to show
 *
 * Shows that customer, from the top, for the session's period.
 */
void
pecan_customer_detail_show (PecanCustomerDetail *self,
                            gint64               customer_id)
{
  g_return_if_fail (PECAN_IS_CUSTOMER_DETAIL (self));

  if (customer_id != self->customer_id)
    {
      self->customer_id = customer_id;
      gtk_label_set_text (self->name_label, "");
      gtk_label_set_text (self->domain_label, "");
      gtk_label_set_text (self->tenant_label, "");
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
    }
  /* Keyboard users land on the way back, not inside a label. */
  gtk_widget_grab_focus (self->back_button);
  pecan_customer_detail_reload (self);
}

/**
 * pecan_customer_detail_reload:
 *
 * Reads the customer's figures again: the period or the data changed.
 * A query still running for an older state is cancelled.
 */
void
pecan_customer_detail_reload (PecanCustomerDetail *self)
{
  g_autofree char *period_text = NULL;
  Query *query;

  g_return_if_fail (PECAN_IS_CUSTOMER_DETAIL (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->session == NULL || self->customer_id == 0)
    return;
  query = g_new0 (Query, 1);
  query->customer_id = self->customer_id;
  query->period = *pecan_session_get_period (self->session);
  chart_span (&query->period, query);
  period_text = pecan_ui_format_period (&query->period);
  gtk_label_set_text (self->period_label, period_text);
  /* The callback draws the chart for the span this query asked for. */
  self->cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (self->cancellable), "query",
                          g_memdup2 (query, sizeof *query), g_free);
  pecan_session_run_async (self->session, query_detail, query, g_free, self->cancellable,
                           detail_loaded_cb, g_object_ref (self));
}
