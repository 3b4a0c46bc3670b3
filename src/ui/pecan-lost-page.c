/* pecan-lost-page.c: the Lost PEC page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The incidents of the period, ranked by the PEC lost, beside what to check
 * for the one selected (reference/PEC.md, in Microsoft's order) and the
 * partner ID command filled in for its customer. The incidents are read on
 * a worker thread; a query the period or the data made stale is cancelled.
 * The table's columns live in pecan-lost-page-columns.c; the detail pane,
 * and the saving of what is typed in it, in pecan-lost-page-detail.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-incident.h"
#include "pecan-list-feed.h"
#include "pecan-lost-page-private.h"
#include "pecan-query.h"
#include "pecan-session.h"
#include "pecan-ui-util.h"

G_DEFINE_FINAL_TYPE (PecanLostPage, pecan_lost_page, PECAN_TYPE_PAGE)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Worker thread: the incidents of the period. */
static GObject *
load_thread (PecanStore    *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return G_OBJECT (pecan_query_incidents (store, data, 0, error));
}

static void
set_loading (PecanLostPage *self,
             gboolean       loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static int
compare_currency (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* "PEC lost in January 2026: 1,234.56 EUR · 78.00 USD", one sum per
 * currency, currencies in alphabetical order. */
static char *
totals_text (GListModel        *incidents,
             const PecanPeriod *period)
{
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *period_name = pecan_ui_format_period (period);
  g_autofree const char **currencies = NULL;
  g_autofree char *joined = NULL;
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (incidents); i++)
    {
      g_autoptr(PecanIncident) incident = g_list_model_get_item (incidents, i);
      const PecanIncidentInfo *info = pecan_incident_get_info (incident);
      double *sum = g_hash_table_lookup (sums, info->currency);

      if (sum == NULL)
        {
          sum = g_new0 (double, 1);
          g_hash_table_insert (sums, info->currency, sum);
        }
      *sum += info->pec_lost;
    }
  currencies = (const char **) g_hash_table_get_keys_as_array (sums, &n);
  g_qsort_with_data (currencies, n, sizeof (char *), compare_currency, NULL);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (parts, pecan_ui_format_money (*(double *) g_hash_table_lookup (sums, currencies[i]),
                                                   currencies[i]));
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (" · ", (char **) parts->pdata);
  /* TRANSLATORS: the PEC lost in a period, then one amount per currency */
  return g_strdup_printf (_("PEC lost in %s: %s"), period_name, joined);
}

static void
update_count (PecanLostPage *self)
{
  GListModel *all = gtk_filter_list_model_get_model (self->filter_model);
  guint total = all != NULL ? g_list_model_get_n_items (all) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (ngettext ("%u incident", "%u incidents", total), total);
  else
    /* TRANSLATORS: how many incidents the search leaves, of how many */
    text = g_strdup_printf (ngettext ("%u of %u incident", "%u of %u incidents", total),
                            shown, total);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || total == 0 ? "list" : "no-match");
}

static void
filter_items_changed_cb (PecanLostPage *self,
                         guint          position,
                         guint          removed,
                         guint          added)
{
  update_count (self);
}

/* Where the incident of @subscription_id and @first_day is in the sorted
 * list, or GTK_INVALID_LIST_POSITION. */
static guint
find_incident (PecanLostPage *self,
               gint64         subscription_id,
               gint32         first_day)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->sorted); i++)
    {
      g_autoptr(PecanIncident) incident = g_list_model_get_item (self->sorted, i);
      const PecanIncidentInfo *info = pecan_incident_get_info (incident);

      if (info->subscription_id == subscription_id && info->first_day == first_day)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
show_none (PecanLostPage *self,
           const char    *icon_name,
           const char    *title,
           const char    *detail)
{
  gtk_image_set_from_icon_name (self->none_icon, icon_name);
  gtk_label_set_text (self->none_title, title);
  gtk_label_set_text (self->none_detail, detail);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

static void
show_incidents (PecanLostPage *self,
                GListModel    *incidents)
{
  g_autofree char *period_name = pecan_ui_format_period (&self->loading_period);
  g_autofree char *title = NULL;
  g_autofree char *totals = NULL;
  /* Replacing the model selects its first incident: the one shown before
   * is selected again. */
  gint64 subscription_id = self->shown_subscription;
  gint32 first_day = self->shown_first_day;

  /* The table takes its rows a screenful a frame; after a reload, the
   * incident shown before stays selected if it is still there. */
  pecan_list_feed_set_model (self->selection, NULL);
  gtk_filter_list_model_set_model (self->filter_model, incidents);
  pecan_list_feed_set_model_selected (self->selection, self->sorted,
                                      find_incident (self, subscription_id, first_day));
  update_count (self);
  if (g_list_model_get_n_items (incidents) == 0)
    {
      /* TRANSLATORS: the title of the page when no PEC was lost in a period */
      title = g_strdup_printf (_("No PEC Lost in %s"), period_name);
      show_none (self, "emblem-ok-symbolic", title,
                 _("Every eligible subscription earned Partner Earned Credit on every day of "
                   "usage. Choose another period in the header bar to look further back."));
      return;
    }
  totals = totals_text (incidents, &self->loading_period);
  gtk_label_set_text (self->total_label, totals);
  gtk_stack_set_visible_child_name (self->stack, "incidents");
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PecanLostPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) incidents = pecan_session_run_finish (PECAN_SESSION (source), result,
                                                              &error);

  /* A newer query replaced this one, or the page was closed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->stack == NULL)
    return;
  /* A note typed while the query ran may be newer than the one it read:
   * read again once it is saved, rather than show the older one. */
  if (self->save_serial != self->load_serial || self->save_timeout != 0)
    {
      pecan_lost_page_reload (self);
      return;
    }
  set_loading (self, FALSE);
  if (incidents == NULL)
    {
      gtk_filter_list_model_set_model (self->filter_model, NULL);
      show_none (self, "dialog-error-symbolic", _("Could Not Read the Incidents"),
                 error->message);
      return;
    }
  show_incidents (self, incidents);
}

void
pecan_lost_page_reload (PecanLostPage *self)
{
  PecanSession *session = pecan_page_get_session (PECAN_PAGE (self));
  const PecanPeriod *period;
  PecanPeriod range;

  /* Hidden pages read nothing: a year of incidents takes seconds. */
  if (session == NULL || !pecan_page_reload_now (PECAN_PAGE (self)))
    return;
  /* A reload reads the notes back: the ones typed must be written first. */
  pecan_lost_page_flush_save (self);
  if (self->saving || !g_queue_is_empty (&self->saves))
    {
      self->reload_pending = TRUE;
      return;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (!pecan_session_get_data_range (session, &range))
    {
      set_loading (self, FALSE);
      gtk_filter_list_model_set_model (self->filter_model, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  period = pecan_session_get_period (session);
  /* Another period's incidents are not shown while this one's load; the
   * same period's stay while they are read again. */
  if (period->first != self->loading_period.first || period->last != self->loading_period.last
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  self->cancellable = g_cancellable_new ();
  self->load_serial = self->save_serial;
  self->loading_period = *period;
  set_loading (self, TRUE);
  pecan_session_run_async (session, load_thread,
                           g_memdup2 (&self->loading_period, sizeof (PecanPeriod)), g_free,
                           self->cancellable, load_done_cb, g_object_ref (self));
}

static void
page_reload (PecanPage *page)
{
  pecan_lost_page_reload (PECAN_LOST_PAGE (page));
}

static void
selection_changed_cb (PecanLostPage *self)
{
  pecan_lost_page_show_incident (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
search_changed_cb (PecanLostPage  *self,
                   GtkSearchEntry *entry)
{
  g_free (self->search);
  self->search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
stop_search_cb (PecanLostPage  *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PecanLostPage *self = PECAN_LOST_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "incidents") != 0
      || !gtk_widget_grab_focus (GTK_WIDGET (self->search_entry)))
    gtk_widget_error_bell (widget);
}

/* The notes typed are written to the database they were typed for. */
static void
session_change (PecanPage    *page,
               PecanSession *session)
{
  pecan_lost_page_flush_save (PECAN_LOST_PAGE (page));
}

static void
pecan_lost_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PecanLostPage *self = PECAN_LOST_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_lost_page_dispose (GObject *object)
{
  PecanLostPage *self = PECAN_LOST_PAGE (object);

  /* A note typed just before closing is still saved: the save holds the
   * page, and the session, until it is done. */
  if (self->stack != NULL)
    pecan_lost_page_flush_save (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->copied_timeout, g_source_remove);
  pecan_lost_page_cancel_checklist (self);
  self->reload_pending = FALSE;
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PECAN_TYPE_LOST_PAGE);
  g_clear_object (&self->shown);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (pecan_lost_page_parent_class)->dispose (object);
}

static void
pecan_lost_page_finalize (GObject *object)
{
  PecanLostPage *self = PECAN_LOST_PAGE (object);

  g_queue_clear_full (&self->saves, pecan_lost_page_save_job_free);
  g_free (self->search);

  G_OBJECT_CLASS (pecan_lost_page_parent_class)->finalize (object);
}

static void
pecan_lost_page_class_init (PecanLostPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PecanPageClass *page_class = PECAN_PAGE_CLASS (klass);

  object_class->dispose = pecan_lost_page_dispose;
  object_class->finalize = pecan_lost_page_finalize;
  object_class->get_property = pecan_lost_page_get_property;
  page_class->reload = page_reload;
  page_class->session_change = session_change;
  page_class->follows_period = TRUE;

  /* TRUE while the incidents are being read. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pecanapp/Pecan/pecan-lost-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, none_icon);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, none_title);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, none_detail);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, customer_column);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, subscription_column);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, from_column);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, to_column);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, days_column);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, amount_column);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, handled_column);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, checklist);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, customer_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, subscription_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, amount_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, days_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, usage_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, tenant_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, subscription_id_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, ongoing_box);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, handled_check);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, note_view);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, note_status);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, powershell_toggle);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, copy_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, command_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, partner_hint);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  pecan_lost_page_class_init_columns (widget_class);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  pecan_lost_page_class_init_detail (widget_class);
}

/* The list: incidents -> search filter -> the column view's sorting ->
 * one selected, the largest loss by default. */
static void
init_list (PecanLostPage *self)
{
  GtkSortListModel *sorted;

  pecan_lost_page_init_columns (self);

  self->filter = gtk_custom_filter_new (pecan_lost_page_incident_matches, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->sorted = G_LIST_MODEL (sorted);
  self->selection = gtk_single_selection_new (g_object_ref (self->sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->amount_column, GTK_SORT_DESCENDING);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (filter_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
}

static void
pecan_lost_page_init (PecanLostPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_queue_init (&self->saves);
  init_list (self);
  pecan_lost_page_init_detail (self);
}
