/* pecan-usage-page.c: the Usage page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every line of the period that the figures count, filtered by a search
 * of customers and subscriptions, a meter category and a PEC state, each
 * traced to its file and line. A month can hold millions of lines: the
 * table reads them a page at a time (pecan-usage-model.c), and the model
 * of each filter is made on a worker thread, the previous one cancelled.
 * While the page is hidden, changes only mark it stale.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-list-feed.h"
#include "pecan-query.h"
#include "pecan-session.h"
#include "pecan-summary-row.h"
#include "pecan-ui-util.h"
#include "pecan-usage-model.h"
#include "pecan-usage-page-private.h"

struct _PecanUsagePage
{
  PecanPage           parent_instance;

  GCancellable       *cancellable;             /* the model being made */
  GCancellable       *categories_cancellable;
  PecanUsageFilter   *filter;                  /* of the model shown or being made */
  gboolean            quiet;                   /* filters being set: no model yet */

  /* Template widgets */
  GtkStack           *stack;
  GtkStack           *lines_stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *category_dropdown;
  GtkStringList      *categories;
  GtkDropDown        *state_dropdown;
  GtkWidget          *clear_button;
  GtkLabel           *status_label;
  GtkSpinner         *spinner;
  GtkScrolledWindow  *scrolled_window;
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;
  GtkImage           *no_match_icon;
  GtkLabel           *no_match_title;
  GtkLabel           *no_match_description;
  GtkWidget          *no_match_button;
};

G_DEFINE_FINAL_TYPE (PecanUsagePage, pecan_usage_page, PECAN_TYPE_PAGE)

/* The filter the bar shows, for the session's period. */
static PecanUsageFilter *
current_filter (PecanUsagePage *self)
{
  PecanUsageFilter filter;
  guint category = gtk_drop_down_get_selected (self->category_dropdown);
  guint state = gtk_drop_down_get_selected (self->state_dropdown);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (search));

  pecan_usage_filter_init (&filter,
                           pecan_session_get_period (pecan_page_get_session (PECAN_PAGE (self))));
  if (stripped[0] != '\0')
    filter.search = stripped;
  /* Item 0 of both lists is "all". */
  if (category != GTK_INVALID_LIST_POSITION && category > 0)
    filter.category = (char *) gtk_string_list_get_string (self->categories, category);
  if (state != GTK_INVALID_LIST_POSITION && state > 0)
    filter.state = (int) state - 1;
  return pecan_usage_filter_copy (&filter);
}

static void
show_count (PecanUsagePage *self,
            guint           n)
{
  g_autofree char *count = pecan_ui_format_count (n);
  g_autofree char *text = g_strdup_printf (ngettext ("%s line", "%s lines", n), count);

  gtk_label_set_text (self->status_label, text);
}

static void
show_no_match (PecanUsagePage *self)
{
  g_autofree char *period = pecan_ui_format_period (&self->filter->period);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  gboolean filtered = pecan_usage_filter_narrows (self->filter);

  if (filtered)
    {
      title = g_strdup (_("No lines match"));
      /* TRANSLATORS: %s is a period: "January 2026" */
      description = g_strdup_printf (_("No usage line of %s matches the search and the "
                                       "filters. Clear them to see every line."),
                                     period);
    }
  else
    {
      /* TRANSLATORS: %s is a period: "January 2026" */
      title = g_strdup_printf (_("No usage in %s"), period);
      description = g_strdup (_("Choose another period in the header bar, or import the "
                                "usage files of this one."));
    }
  gtk_image_set_from_icon_name (self->no_match_icon, filtered ? "edit-find-symbolic"
                                                              : "x-office-calendar-symbolic");
  gtk_label_set_text (self->no_match_title, title);
  gtk_label_set_text (self->no_match_description, description);
  gtk_widget_set_visible (self->no_match_button, filtered);
  gtk_stack_set_visible_child_name (self->lines_stack, "no-match");
}

static void
show_error (PecanUsagePage *self,
            const GError   *error)
{
  gtk_image_set_from_icon_name (self->no_match_icon, "dialog-error-symbolic");
  gtk_label_set_text (self->no_match_title, _("Could not read the usage lines"));
  gtk_label_set_text (self->no_match_description, error->message);
  gtk_widget_set_visible (self->no_match_button, FALSE);
  gtk_label_set_text (self->status_label, NULL);
  gtk_stack_set_visible_child_name (self->lines_stack, "no-match");
  gtk_stack_set_visible_child_name (self->stack, "lines");
}

static void
show_model (PecanUsagePage *self,
            GListModel     *model)
{
  guint n = g_list_model_get_n_items (model);

  pecan_list_feed_set_model (self->selection, model);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0.0);
  show_count (self, n);
  if (n == 0)
    show_no_match (self);
  else
    gtk_stack_set_visible_child_name (self->lines_stack, "table");
  gtk_stack_set_visible_child_name (self->stack, "lines");
}

static GObject *
make_model (PecanStore    *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return G_OBJECT (pecan_usage_model_new (store, data, cancellable, error));
}

static void
model_made_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PecanUsagePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = pecan_session_run_finish (PECAN_SESSION (source), result, &error);

  /* Cancelled: a newer model is on its way, or the page is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  if (model == NULL)
    show_error (self, error);
  else
    show_model (self, model);
}

static void
cancel_model (PecanUsagePage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
}

/* Lets go of the lines shown, and of the snapshot of the data they read. */
static void
drop_model (PecanUsagePage *self)
{
  cancel_model (self);
  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_pointer (&self->filter, pecan_usage_filter_free);
}

/* Makes the model of the filter the bar shows, unless it is already
 * shown or on its way; @force makes it anew all the same. */
static void
update_model (PecanUsagePage *self,
              gboolean        force)
{
  PecanSession *session = pecan_page_get_session (PECAN_PAGE (self));
  g_autoptr(PecanUsageFilter) filter = NULL;
  PecanPeriod range;
  gboolean narrows;

  if (session == NULL || self->quiet)
    return;
  filter = current_filter (self);
  narrows = pecan_usage_filter_narrows (filter);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "usage.clear-filters", narrows);
  gtk_widget_set_visible (self->clear_button, narrows);
  if (!force && self->filter != NULL && pecan_usage_filter_equal (filter, self->filter))
    return;
  if (!pecan_session_get_data_range (session, &range))
    {
      drop_model (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  cancel_model (self);
  if (gtk_single_selection_get_model (self->selection) == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  g_clear_pointer (&self->filter, pecan_usage_filter_free);
  self->filter = pecan_usage_filter_copy (filter);
  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  pecan_session_run_async (session, make_model, g_steal_pointer (&filter),
                           (GDestroyNotify) pecan_usage_filter_free, self->cancellable,
                           model_made_cb, g_object_ref (self));
}

static GObject *
list_categories (PecanStore    *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return G_OBJECT (pecan_query_summary (store, PECAN_GROUP_CATEGORY, data, 0, error));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
add_name (GHashTable *seen,
          GPtrArray  *names,
          const char *name)
{
  char *copy;

  if (name == NULL || g_hash_table_contains (seen, name))
    return;
  copy = g_strdup (name);
  g_hash_table_add (seen, copy);
  g_ptr_array_add (names, copy);
}

/* The categories of the period; the one chosen stays, even when the
 * period has none of its lines. */
static void
fill_categories (PecanUsagePage *self,
                 GListModel     *rows)
{
  guint chosen = gtk_drop_down_get_selected (self->category_dropdown);
  g_autofree char *name = chosen > 0 && chosen != GTK_INVALID_LIST_POSITION
                          ? g_strdup (gtk_string_list_get_string (self->categories, chosen))
                          : NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (rows, i);
      add_name (seen, names, pecan_summary_row_get_info (row)->category);
    }
  add_name (seen, names, name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  self->quiet = TRUE;
  gtk_string_list_splice (self->categories, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->categories)) - 1,
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  for (guint i = 0; name != NULL && i + 1 < names->len; i++)
    if (g_str_equal (names->pdata[i], name))
      gtk_drop_down_set_selected (self->category_dropdown, i + 1);
  self->quiet = FALSE;
}

static void
categories_listed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(PecanUsagePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = pecan_session_run_finish (PECAN_SESSION (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->categories_cancellable);
  /* Without the list, the filter still works with the categories it has. */
  if (rows == NULL)
    g_debug ("Could not list the meter categories: %s", error->message);
  else
    fill_categories (self, rows);
}

static void
update_categories (PecanUsagePage *self)
{
  PecanSession *session = pecan_page_get_session (PECAN_PAGE (self));

  g_cancellable_cancel (self->categories_cancellable);
  g_clear_object (&self->categories_cancellable);
  self->categories_cancellable = g_cancellable_new ();
  pecan_session_run_async (session, list_categories,
                           g_memdup2 (pecan_session_get_period (session), sizeof (PecanPeriod)),
                           g_free, self->categories_cancellable, categories_listed_cb,
                           g_object_ref (self));
}

/* The period or the data changed: shown, the page reads them again at
 * once; hidden, it waits until it is shown. */
static void
page_reload (PecanPage *page)
{
  PecanUsagePage *self = PECAN_USAGE_PAGE (page);

  if (pecan_page_get_session (page) == NULL)
    return;
  if (!pecan_page_reload_now (page))
    {
      cancel_model (self);
      g_cancellable_cancel (self->categories_cancellable);
      return;
    }
  update_categories (self);
  update_model (self, TRUE);
}

/* New data: a hidden page also lets go of its lines, and of the snapshot
 * of the database they read, which would keep the WAL from being reset.
 * (Not on a change of period: dropping the rows' widgets takes long.) */
static void
data_changed (PecanPage *page)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (page)))
    drop_model (PECAN_USAGE_PAGE (page));
  page_reload (page);
}

/* A filter changed: hidden, the page waits until it is shown, whatever
 * changed it (a dropdown filled late, the search entry's delayed signal). */
static void
filter_changed_cb (PecanUsagePage *self)
{
  if (pecan_page_reload_now (PECAN_PAGE (self)))
    update_model (self, FALSE);
}

static void
stop_search_cb (PecanUsagePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PecanUsagePage *self = PECAN_USAGE_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PecanUsagePage *self = PECAN_USAGE_PAGE (widget);

  self->quiet = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->state_dropdown, 0);
  self->quiet = FALSE;
  update_model (self, FALSE);
}

/* Lines of another database are not shown a moment longer. */
static void
session_change (PecanPage    *page,
               PecanSession *session)
{
  drop_model (PECAN_USAGE_PAGE (page));
}

static void
pecan_usage_page_dispose (GObject *object)
{
  PecanUsagePage *self = PECAN_USAGE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->categories_cancellable);
  g_clear_object (&self->categories_cancellable);
  g_clear_pointer (&self->filter, pecan_usage_filter_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PECAN_TYPE_USAGE_PAGE);

  G_OBJECT_CLASS (pecan_usage_page_parent_class)->dispose (object);
}

static void
pecan_usage_page_class_init (PecanUsagePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PecanPageClass *page_class = PECAN_PAGE_CLASS (klass);

  object_class->dispose = pecan_usage_page_dispose;
  page_class->reload = page_reload;
  page_class->data_changed = data_changed;
  page_class->session_change = session_change;
  page_class->follows_period = TRUE;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pecanapp/Pecan/pecan-usage-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PecanUsagePage, stack);
  gtk_widget_class_bind_template_child (widget_class, PecanUsagePage, lines_stack);
  gtk_widget_class_bind_template_child (widget_class, PecanUsagePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PecanUsagePage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PecanUsagePage, categories);
  gtk_widget_class_bind_template_child (widget_class, PecanUsagePage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PecanUsagePage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, PecanUsagePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, PecanUsagePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PecanUsagePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, PecanUsagePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PecanUsagePage, selection);
  gtk_widget_class_bind_template_child (widget_class, PecanUsagePage, no_match_icon);
  gtk_widget_class_bind_template_child (widget_class, PecanUsagePage, no_match_title);
  gtk_widget_class_bind_template_child (widget_class, PecanUsagePage, no_match_description);
  gtk_widget_class_bind_template_child (widget_class, PecanUsagePage, no_match_button);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "usage.clear-filters", NULL, clear_filters_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pecan_usage_page_init (PecanUsagePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (self->categories, _("All categories"));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "usage.clear-filters", FALSE);
  pecan_usage_page_add_columns (self->column_view);
}
