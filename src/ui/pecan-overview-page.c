/* pecan-overview-page.c: the month-end overview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Four figures for the period, each against the previous period; the PEC
 * chart; the customers losing the most PEC. One query job on a worker
 * thread reads all three, so the page changes at once, never piecemeal.
 * Currencies are never added: the page shows one billing currency at a
 * time, the largest by default, with a choice when there are several.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-chart.h"
#include "pecan-overview-page.h"
#include "pecan-parse.h"
#include "pecan-query.h"
#include "pecan-session.h"
#include "pecan-summary-row.h"
#include "pecan-ui-util.h"

/* How many customers the overview lists. */
#define N_LOSERS 5

struct _PecanOverviewPage
{
  PecanPage        parent_instance;

  GCancellable    *cancellable;
  GListModel      *totals;
  GListModel      *series;
  GListModel      *customers;
  char            *currency;
  PecanPeriod      chart_period;
  gboolean         series_by_day;

  GtkStack        *stack;
  GtkLabel        *title_label;
  GtkDropDown     *currency_dropdown;
  GtkBox          *figures_box;
  GtkLabel        *chart_title;
  GtkToggleButton *months_toggle;
  GtkToggleButton *stacked_toggle;
  PecanChart      *chart;
  GtkListBox      *losers_list;
};

G_DEFINE_FINAL_TYPE (PecanOverviewPage, pecan_overview_page, PECAN_TYPE_PAGE)

enum {
  PROP_0,
  PROP_CHART_STACKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  PecanPeriod period;
  PecanPeriod chart_period;
  gboolean    by_day;
} Job;

/* Runs on a worker thread: totals, chart series, customers. */
static GObject *
load_thread (PecanStore    *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Job *job = data;
  g_autoptr(GListStore) result = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListModel) totals = NULL;
  g_autoptr(GListModel) series = NULL;
  g_autoptr(GListModel) customers = NULL;

  totals = pecan_query_summary (store, PECAN_GROUP_TOTAL, &job->period, 0, error);
  if (totals == NULL)
    return NULL;
  series = pecan_query_summary (store, job->by_day ? PECAN_GROUP_DAY : PECAN_GROUP_MONTH,
                                &job->chart_period, 0, error);
  if (series == NULL)
    return NULL;
  customers = pecan_query_summary (store, PECAN_GROUP_CUSTOMER, &job->period, 0, error);
  if (customers == NULL)
    return NULL;
  g_list_store_append (result, totals);
  g_list_store_append (result, series);
  g_list_store_append (result, customers);
  return G_OBJECT (g_steal_pointer (&result));
}

/* The chart shows the twelve months up to the period's end, or the period
 * itself: by day for one month, else by month. */
static void
chart_period (PecanOverviewPage *self,
              const PecanPeriod *period,
              PecanPeriod       *chart,
              gboolean          *by_day)
{
  int y, m, d;

  *by_day = FALSE;
  if (gtk_toggle_button_get_active (self->months_toggle))
    {
      pecan_day_to_ymd (period->last, &y, &m, &d);
      m -= 11;
      while (m < 1)
        m += 12, y--;
      chart->first = pecan_day_from_ymd (y, m, 1);
      pecan_day_to_ymd (period->last, &y, &m, &d);
      chart->last = pecan_month_last_day (y, m);
      return;
    }
  *chart = *period;
  *by_day = pecan_period_get_kind (period) == PECAN_PERIOD_MONTH
            || !pecan_period_months (period, &y, &m);
}

static const PecanSummaryInfo *
find_currency (GListModel *rows,
               const char *currency,
               guint      *position)
{
  for (guint i = *position; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (rows, i);
      const PecanSummaryInfo *info = pecan_summary_row_get_info (row);

      if (g_strcmp0 (info->currency, currency) == 0)
        {
          *position = i + 1;
          return info;   /* the model keeps the row alive */
        }
    }
  return NULL;
}

static GtkWidget *
figure_new (const char *title,
            const char *value,
            const char *change,
            int         direction)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label;

  gtk_widget_add_css_class (box, "pecan-card");
  gtk_widget_add_css_class (box, "pecan-figure");
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "title");
  gtk_box_append (GTK_BOX (box), label);
  label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "value");
  gtk_box_append (GTK_BOX (box), label);
  label = gtk_label_new (change);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "change");
  if (direction != 0)
    gtk_widget_add_css_class (label, direction > 0 ? "better" : "worse");
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/* +1 when the change is good news, -1 when it is bad, 0 when neither. */
static int
direction (double now,
           double before,
           gboolean more_is_better)
{
  if (before == 0.0 || now == before)
    return 0;
  return (now > before) == more_is_better ? 1 : -1;
}

static void
add_figure (PecanOverviewPage *self,
            const char        *title,
            char              *value,
            double             now,
            double             before,
            gboolean           has_previous,
            gboolean           more_is_better)
{
  g_autofree char *owned_value = value;
  g_autofree char *change = has_previous ? pecan_ui_format_change (now, before)
                                         : g_strdup (_("no data for the previous period"));

  gtk_box_append (self->figures_box,
                  figure_new (title, owned_value, change,
                              has_previous ? direction (now, before, more_is_better) : 0));
}

static void
show_figures (PecanOverviewPage *self)
{
  guint position = 0;
  const PecanSummaryInfo *t = find_currency (self->totals, self->currency, &position);
  PecanSummaryInfo empty = { .currency = self->currency };
  GtkWidget *child;

  if (t == NULL)
    t = &empty;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box))) != NULL)
    gtk_box_remove (self->figures_box, child);
  /* Amounts the files state are shown exactly, from their nano-units. */
  add_figure (self, _("PEC earned"), pecan_ui_format_money (t->pec_earned, t->currency),
              t->pec_earned, t->previous_earned, t->has_previous, TRUE);
  add_figure (self, _("PEC lost"), pecan_ui_format_money (t->pec_lost, t->currency),
              t->pec_lost, t->previous_lost, t->has_previous, FALSE);
  add_figure (self, _("PEC-eligible spend"), pecan_ui_format_nano (t->eligible, t->currency),
              t->eligible / 1e9, t->previous_eligible / 1e9, t->has_previous, TRUE);
  add_figure (self, _("Billed"), pecan_ui_format_nano (t->billed, t->currency),
              t->billed / 1e9, t->previous_billed / 1e9, t->has_previous, TRUE);
}

/* Every day or month of the chart's period has its bar, empty without
 * data, so that a gap in the usage shows as one. */
static GArray *
empty_bars (PecanOverviewPage *self)
{
  GArray *bars = g_array_new (FALSE, TRUE, sizeof (PecanChartBar));
  PecanPeriod slot;

  if (self->series_by_day)
    slot = (PecanPeriod) { self->chart_period.first, self->chart_period.first };
  else
    pecan_period_for_day (PECAN_PERIOD_MONTH, self->chart_period.first, &slot);
  while (slot.first <= self->chart_period.last)
    {
      PecanChartBar bar = { slot.first, slot.last, 0.0, 0.0 };

      g_array_append_val (bars, bar);
      pecan_period_shift (&slot, 1, &slot);
    }
  return bars;
}

static void
show_chart (PecanOverviewPage *self)
{
  g_autoptr(GArray) bars = empty_bars (self);
  guint n = self->series != NULL ? g_list_model_get_n_items (self->series) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (self->series, i);
      const PecanSummaryInfo *info = pecan_summary_row_get_info (row);
      gint32 first = self->series_by_day ? info->day
                                         : pecan_day_from_ymd (info->month / 100, info->month % 100, 1);

      if (g_strcmp0 (info->currency, self->currency) != 0)
        continue;
      for (guint j = 0; j < bars->len; j++)
        {
          PecanChartBar *bar = &g_array_index (bars, PecanChartBar, j);

          if (bar->first_day == first)
            {
              bar->earned += info->pec_earned;
              bar->lost += info->pec_lost;
              break;
            }
        }
    }
  pecan_chart_set_bars (self->chart, self->currency, (PecanChartBar *) bars->data, bars->len,
                        self->series_by_day);
  gtk_label_set_text (self->chart_title,
                      self->series_by_day ? _("PEC Earned and Lost per Day")
                                          : _("PEC Earned and Lost per Month"));
}

static GtkWidget *
loser_row_new (const PecanSummaryInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;
  g_autofree char *lost = pecan_ui_format_money (info->pec_lost, info->currency);
  g_autofree char *share = NULL;
  double list = info->pec_earned + info->pec_lost;

  label = gtk_label_new (info->customer_name != NULL ? info->customer_name : info->customer_tenant);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (names), label);
  label = gtk_label_new (info->customer_domain != NULL ? info->customer_domain : info->customer_tenant);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (names), label);
  gtk_widget_set_hexpand (names, TRUE);
  gtk_box_append (GTK_BOX (box), names);

  if (list > 0.0)
    {
      g_autofree char *percent = pecan_ui_format_percent (100.0 * info->pec_lost / list);

      /* TRANSLATORS: the share of a customer's PEC that was lost */
      share = g_strdup_printf (_("%s of its PEC"), percent);
      label = gtk_label_new (share);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  label = gtk_label_new (lost);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "customer-id", g_memdup2 (&info->customer_id, sizeof (gint64)), g_free);
  gtk_widget_set_tooltip_text (row, _("Open this customer"));
  return row;
}

static int
compare_lost (gconstpointer a,
              gconstpointer b)
{
  const PecanSummaryInfo *x = *(const PecanSummaryInfo * const *) a;
  const PecanSummaryInfo *y = *(const PecanSummaryInfo * const *) b;

  return x->pec_lost < y->pec_lost ? 1 : x->pec_lost > y->pec_lost ? -1 : 0;
}

static void
show_losers (PecanOverviewPage *self)
{
  g_autoptr(GPtrArray) losers = g_ptr_array_new ();
  guint position = 0;
  const PecanSummaryInfo *info;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->losers_list))) != NULL)
    gtk_list_box_remove (self->losers_list, child);
  while ((info = find_currency (self->customers, self->currency, &position)) != NULL)
    if (info->pec_lost >= 0.005)
      g_ptr_array_add (losers, (gpointer) info);
  g_ptr_array_sort (losers, compare_lost);
  for (guint i = 0; i < losers->len && i < N_LOSERS; i++)
    gtk_list_box_append (self->losers_list, loser_row_new (g_ptr_array_index (losers, i)));
  if (losers->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("No customer lost PEC in this period."));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_set_placeholder (self->losers_list, label);
    }
}

/* The currencies of the period, the one with most billed first. */
static void
update_currencies (PecanOverviewPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = self->totals != NULL ? g_list_model_get_n_items (self->totals) : 0;
  gint64 best = G_MININT64;
  guint keep = GTK_INVALID_LIST_POSITION;
  g_autofree char *largest = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (self->totals, i);
      const PecanSummaryInfo *info = pecan_summary_row_get_info (row);

      gtk_string_list_append (names, info->currency);
      if (g_strcmp0 (info->currency, self->currency) == 0)
        keep = i;
      if (info->billed > best)
        {
          best = info->billed;
          g_free (largest);
          largest = g_strdup (info->currency);
        }
    }
  if (keep == GTK_INVALID_LIST_POSITION && largest != NULL)
    {
      g_free (self->currency);
      self->currency = g_steal_pointer (&largest);
    }
  g_signal_handlers_block_matched (self->currency_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->currency_dropdown, G_LIST_MODEL (names));
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (names, i), self->currency) == 0)
      gtk_drop_down_set_selected (self->currency_dropdown, i);
  g_signal_handlers_unblock_matched (self->currency_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_widget_set_visible (GTK_WIDGET (self->currency_dropdown), n > 1);
}

static void
show_all (PecanOverviewPage *self)
{
  show_figures (self);
  show_chart (self);
  show_losers (self);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PecanOverviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) models = pecan_session_run_finish (PECAN_SESSION (source), result, &error);

  if (models == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the overview: %s", error->message);
      return;
    }
  g_set_object (&self->totals, g_list_model_get_item (models, 0));
  g_object_unref (self->totals);
  g_set_object (&self->series, g_list_model_get_item (models, 1));
  g_object_unref (self->series);
  g_set_object (&self->customers, g_list_model_get_item (models, 2));
  g_object_unref (self->customers);
  update_currencies (self);
  show_all (self);
}

static void
reload (PecanOverviewPage *self)
{
  PecanSession *session = pecan_page_get_session (PECAN_PAGE (self));
  const PecanPeriod *period;
  g_autofree char *title = NULL;
  PecanPeriod range;
  Job *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (session == NULL)
    return;
  if (!pecan_session_get_data_range (session, &range))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "figures");
  period = pecan_session_get_period (session);
  title = pecan_ui_format_period (period);
  gtk_label_set_text (self->title_label, title);

  job = g_new0 (Job, 1);
  job->period = *period;
  chart_period (self, period, &job->chart_period, &job->by_day);
  self->series_by_day = job->by_day;
  self->chart_period = job->chart_period;
  self->cancellable = g_cancellable_new ();
  pecan_session_run_async (session, load_thread, job, g_free, self->cancellable, loaded_cb,
                           g_object_ref (self));
}

static void
currency_changed_cb (PecanOverviewPage *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->currency_dropdown);

  if (item == NULL)
    return;
  g_free (self->currency);
  self->currency = g_strdup (gtk_string_object_get_string (item));
  show_all (self);
}

static void
chart_scope_toggled_cb (PecanOverviewPage *self)
{
  reload (self);
}

static void
loser_activated_cb (PecanOverviewPage *self,
                    GtkListBoxRow     *row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "customer-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-customer", "x", *id);
}

static void
stacked_toggled_cb (PecanOverviewPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART_STACKED]);
}

static void
bar_activated_cb (PecanOverviewPage *self,
                  int                first_day,
                  int                last_day)
{
  PecanPeriod period = { first_day, last_day };

  pecan_session_set_period (pecan_page_get_session (PECAN_PAGE (self)), &period);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  PecanOverviewPage *self = user_data;
  PecanChartFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "format"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (!pecan_chart_save (self->chart, file, format, 1200, 600, &error))
        {
          GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                      GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                                      GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                                      _("The chart was not saved"));

          gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
          g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
save_chart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PecanOverviewPage *self = PECAN_OVERVIEW_PAGE (widget);
  gboolean svg = g_strcmp0 (g_variant_get_string (parameter, NULL), "svg") == 0;
  PecanSession *session = pecan_page_get_session (PECAN_PAGE (self));
  g_autofree char *period = pecan_period_to_string (pecan_session_get_period (session));
  /* TRANSLATORS: the file name offered for a saved chart; %s is the period, such as 2026-01 */
  g_autofree char *name = g_strdup_printf (_("pec-%s.%s"), period, svg ? "svg" : "png");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Chart"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "format",
                     GINT_TO_POINTER (svg ? PECAN_CHART_FORMAT_SVG : PECAN_CHART_FORMAT_PNG));
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
page_reload (PecanPage *page)
{
  reload (PECAN_OVERVIEW_PAGE (page));
}

static void
pecan_overview_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PecanOverviewPage *self = PECAN_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CHART_STACKED:
      g_value_set_boolean (value, gtk_toggle_button_get_active (self->stacked_toggle));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_overview_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PecanOverviewPage *self = PECAN_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CHART_STACKED:
      gtk_toggle_button_set_active (self->stacked_toggle, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_overview_page_dispose (GObject *object)
{
  PecanOverviewPage *self = PECAN_OVERVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PECAN_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->totals);
  g_clear_object (&self->series);
  g_clear_object (&self->customers);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (pecan_overview_page_parent_class)->dispose (object);
}

static void
pecan_overview_page_class_init (PecanOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PecanPageClass *page_class = PECAN_PAGE_CLASS (klass);

  object_class->dispose = pecan_overview_page_dispose;
  object_class->get_property = pecan_overview_page_get_property;
  object_class->set_property = pecan_overview_page_set_property;
  page_class->reload = page_reload;
  page_class->follows_period = TRUE;

  /* Whether the chart stacks earned and lost PEC: a preference. */
  properties[PROP_CHART_STACKED] =
    g_param_spec_boolean ("chart-stacked", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PECAN_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pecanapp/Pecan/pecan-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PecanOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PecanOverviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PecanOverviewPage, currency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PecanOverviewPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, PecanOverviewPage, chart_title);
  gtk_widget_class_bind_template_child (widget_class, PecanOverviewPage, months_toggle);
  gtk_widget_class_bind_template_child (widget_class, PecanOverviewPage, stacked_toggle);
  gtk_widget_class_bind_template_child (widget_class, PecanOverviewPage, chart);
  gtk_widget_class_bind_template_child (widget_class, PecanOverviewPage, losers_list);
  gtk_widget_class_bind_template_callback (widget_class, currency_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_scope_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, loser_activated_cb);

  gtk_widget_class_install_action (widget_class, "overview.save-chart", "s", save_chart_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pecan_overview_page_init (PecanOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self->stacked_toggle, "active", self->chart, "stacked", G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->stacked_toggle, "notify::active", G_CALLBACK (stacked_toggled_cb), self);
  g_signal_connect_swapped (self->chart, "bar-activated", G_CALLBACK (bar_activated_cb), self);
}
