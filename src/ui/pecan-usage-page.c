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
#include <locale.h>

#include "pecan-parse.h"
#include "pecan-query.h"
#include "pecan-session.h"
#include "pecan-summary-row.h"
#include "pecan-ui-util.h"
#include "pecan-usage-model.h"
#include "pecan-usage-page.h"

struct _PecanUsagePage
{
  GtkWidget           parent_instance;

  PecanSession       *session;
  GCancellable       *cancellable;             /* the model being made */
  GCancellable       *categories_cancellable;
  PecanUsageFilter   *filter;                  /* of the model shown or being made */
  gboolean            stale;                   /* the data changed while hidden */
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

G_DEFINE_FINAL_TYPE (PecanUsagePage, pecan_usage_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  COLUMN_DAY,
  COLUMN_CUSTOMER,
  COLUMN_SUBSCRIPTION,
  COLUMN_CATEGORY,
  COLUMN_METER,
  COLUMN_QUANTITY,
  COLUMN_BILLED,
  COLUMN_STATE,
  COLUMN_PEC,
  COLUMN_SOURCE,
  N_COLUMNS
} Column;

/* Fixed widths: measured from the few rows on screen, the columns would
 * change width as the lines scroll past. */
static const struct
{
  const char *title;
  int         width;
  gboolean    numeric;
  gboolean    expand;
} columns[N_COLUMNS] = {
  [COLUMN_DAY] = { N_("Day"), 78, TRUE, FALSE },
  [COLUMN_CUSTOMER] = { N_("Customer"), 140, FALSE, TRUE },
  [COLUMN_SUBSCRIPTION] = { N_("Subscription"), 104, FALSE, FALSE },
  [COLUMN_CATEGORY] = { N_("Category"), 108, FALSE, FALSE },
  [COLUMN_METER] = { N_("Meter"), 126, FALSE, TRUE },
  [COLUMN_QUANTITY] = { N_("Quantity"), 80, TRUE, FALSE },
  [COLUMN_BILLED] = { N_("Billed"), 90, TRUE, FALSE },
  [COLUMN_STATE] = { N_("PEC State"), 88, FALSE, FALSE },
  [COLUMN_PEC] = { N_("PEC"), 80, TRUE, FALSE },
  [COLUMN_SOURCE] = { N_("Source"), 104, FALSE, FALSE },
};

static const char *
decimal_mark (void)
{
  const char *mark = localeconv ()->decimal_point;

  return mark != NULL && *mark != '\0' ? mark : ".";
}

/* An amount the file states, with every decimal it has, in the user's
 * locale: at least @min_decimals of them. */
static char *
format_exact (gint64 nano,
              int    min_decimals)
{
  guint64 magnitude = nano < 0 ? -(guint64) nano : (guint64) nano;
  char digits[10];
  int n = 9;

  g_snprintf (digits, sizeof digits, "%09u", (guint) (magnitude % PECAN_NANO));
  while (n > min_decimals && digits[n - 1] == '0')
    n--;
  digits[n] = '\0';
  return g_strdup_printf ("%s%'" G_GUINT64_FORMAT "%s%s", nano < 0 ? "−" : "",
                          magnitude / PECAN_NANO, n > 0 ? decimal_mark () : "", digits);
}

/* A quantity to four decimals, as much as the column has room for; a
 * tiny one keeps its decimals rather than read 0. */
static char *
format_quantity (gint64 nano)
{
  const gint64 step = PECAN_NANO / 10000;
  gint64 rounded = (nano >= 0 ? nano + step / 2 : nano - step / 2) / step * step;

  return format_exact (rounded != 0 ? rounded : nano, 0);
}

static const char *
state_label (PecanPecState state)
{
  switch (state)
    {
    case PECAN_PEC_EARNED:
      return C_("pec state", "Earned");
    case PECAN_PEC_LOST:
      return C_("pec state", "Lost");
    case PECAN_PEC_CREDIT:
      return C_("pec state", "Azure credit");
    case PECAN_PEC_INELIGIBLE:
      return C_("pec state", "Not eligible");
    case PECAN_PEC_UNKNOWN:
    default:
      return C_("pec state", "Unknown");
    }
}

static char *
state_tooltip (const PecanUsageLineInfo *info)
{
  g_autofree char *percent = NULL;

  switch (info->state)
    {
    case PECAN_PEC_EARNED:
      percent = pecan_ui_format_percent (info->pec_centi / 100.0);
      return g_strdup_printf (_("PEC of %s applied"), percent);
    case PECAN_PEC_LOST:
      return g_strdup (_("Eligible, but no PEC applied"));
    case PECAN_PEC_CREDIT:
      return g_strdup (_("Eligible, paid by an Azure credit: no PEC lost"));
    case PECAN_PEC_INELIGIBLE:
      return g_strdup (pecan_ineligible_describe (info->reason));
    case PECAN_PEC_UNKNOWN:
    default:
      return g_strdup (_("Eligible, but the file does not say whether PEC applied"));
    }
}

static char *
pec_text (const PecanUsageLineInfo *info)
{
  if (info->state == PECAN_PEC_EARNED)
    return pecan_ui_format_money (info->pec_earned, info->currency);
  if (info->state == PECAN_PEC_LOST)
    return pecan_ui_format_money (-info->pec_lost, info->currency);
  return NULL;
}

static char *
source_tooltip (const PecanUsageLineInfo *info)
{
  g_autofree char *line = pecan_ui_format_count (info->line);

  if (info->invoice)
    /* TRANSLATORS: a line number, a file name and the number of its import */
    return g_strdup_printf (_("Line %s of “%s” (import %" G_GINT64_FORMAT "), an invoice "
                              "reconciliation line"),
                            line, info->file_name, info->batch_id);
  return g_strdup_printf (_("Line %s of “%s” (import %" G_GINT64_FORMAT ")"), line,
                          info->file_name, info->batch_id);
}

static char *
first_nonempty (const char *text,
                const char *fallback)
{
  return g_strdup (text != NULL && text[0] != '\0' ? text : fallback);
}

/* What a cell shows, and its tooltip. */
static char *
cell_text (Column                    column,
           const PecanUsageLineInfo *info,
           char                    **tooltip)
{
  g_autofree char *line = NULL;
  g_autofree char *exact = NULL;

  *tooltip = NULL;
  switch (column)
    {
    case COLUMN_DAY:
      return pecan_ui_format_day (info->day);
    case COLUMN_CUSTOMER:
      *tooltip = g_strdup (info->customer_tenant);
      return first_nonempty (info->customer_name, info->customer_tenant);
    case COLUMN_SUBSCRIPTION:
      *tooltip = g_strdup (info->subscription_azure_id);
      return first_nonempty (info->subscription_name, info->subscription_azure_id);
    case COLUMN_CATEGORY:
      *tooltip = first_nonempty (info->subcategory, NULL);
      return g_strdup (info->category);
    case COLUMN_METER:
      *tooltip = first_nonempty (info->product, NULL);
      return g_strdup (info->meter);
    case COLUMN_QUANTITY:
      if (!info->has_quantity)
        return NULL;
      exact = format_exact (info->quantity, 0);
      if (info->unit[0] != '\0')
        /* TRANSLATORS: a quantity with every decimal of the file, and its unit ("1 Hour") */
        *tooltip = g_strdup_printf (_("Exactly %s, in units of “%s”"), exact, info->unit);
      else
        *tooltip = g_strdup_printf (_("Exactly %s"), exact);
      return format_quantity (info->quantity);
    case COLUMN_BILLED:
      exact = format_exact (info->billed, 2);
      /* TRANSLATORS: an amount and its currency, with every decimal of the file */
      *tooltip = g_strdup_printf (_("Exactly %s %s"), exact, info->currency);
      return pecan_ui_format_nano (info->billed, info->currency);
    case COLUMN_STATE:
      *tooltip = state_tooltip (info);
      return g_strdup (state_label (info->state));
    case COLUMN_PEC:
      return pec_text (info);
    case COLUMN_SOURCE:
    case N_COLUMNS:
    default:
      *tooltip = source_tooltip (info);
      line = pecan_ui_format_count (info->line);
      /* TRANSLATORS: a line number and the file it is in; the number comes first
       * so that it stays in sight when a long file name is cut short */
      return g_strdup_printf (_("Line %s of %s"), line, info->file_name);
    }
}

/* Lost PEC stands out; what cannot earn PEC steps back. */
static void
style_cell (GtkWidget                *label,
            Column                    column,
            const PecanUsageLineInfo *info)
{
  gboolean lost = info->state == PECAN_PEC_LOST;
  gboolean aside = info->state != PECAN_PEC_EARNED && !lost;

  if (column != COLUMN_STATE && column != COLUMN_PEC)
    return;
  if (lost)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
  if (aside && column == COLUMN_STATE)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), columns[column].numeric ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (columns[column].numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  PecanUsageLine *line = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  const PecanUsageLineInfo *info;

  /* A page that could not be read has no lines (a warning says why). */
  if (line == NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), NULL);
      return;
    }
  info = pecan_usage_line_get_info (line);
  text = cell_text (column, info, &tooltip);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, tooltip);
  style_cell (label, column, info);
}

static void
add_columns (PecanUsagePage *self)
{
  for (Column i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* The filter the bar shows, for the session's period. */
static PecanUsageFilter *
current_filter (PecanUsagePage *self)
{
  PecanUsageFilter filter;
  guint category = gtk_drop_down_get_selected (self->category_dropdown);
  guint state = gtk_drop_down_get_selected (self->state_dropdown);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (search));

  pecan_usage_filter_init (&filter, pecan_session_get_period (self->session));
  if (stripped[0] != '\0')
    filter.search = stripped;
  /* Item 0 of both lists is "all". */
  if (category != GTK_INVALID_LIST_POSITION && category > 0)
    filter.category = (char *) gtk_string_list_get_string (self->categories, category);
  if (state != GTK_INVALID_LIST_POSITION && state > 0)
    filter.state = (int) state - 1;
  return pecan_usage_filter_copy (&filter);
}

static gboolean
has_filters (const PecanUsageFilter *filter)
{
  return (filter->search != NULL && filter->search[0] != '\0') || filter->category != NULL
         || filter->state != PECAN_USAGE_ANY_STATE;
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
  gboolean filtered = has_filters (self->filter);

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

  gtk_single_selection_set_model (self->selection, model);
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
  g_autoptr(PecanUsageFilter) filter = NULL;
  PecanPeriod range;

  if (self->session == NULL || self->quiet)
    return;
  filter = current_filter (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "usage.clear-filters", has_filters (filter));
  gtk_widget_set_visible (self->clear_button, has_filters (filter));
  if (!force && self->filter != NULL && pecan_usage_filter_equal (filter, self->filter))
    return;
  if (!pecan_session_get_data_range (self->session, &range))
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
  pecan_session_run_async (self->session, make_model, g_steal_pointer (&filter),
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
  g_cancellable_cancel (self->categories_cancellable);
  g_clear_object (&self->categories_cancellable);
  self->categories_cancellable = g_cancellable_new ();
  pecan_session_run_async (self->session, list_categories,
                           g_memdup2 (pecan_session_get_period (self->session), sizeof (PecanPeriod)),
                           g_free, self->categories_cancellable, categories_listed_cb,
                           g_object_ref (self));
}

/* The period or the data changed: shown, the page reads them again at
 * once; hidden, it lets go of its lines until it is shown. */
static void
session_changed_cb (PecanUsagePage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      drop_model (self);
      return;
    }
  self->stale = FALSE;
  update_categories (self);
  update_model (self, TRUE);
}

static void
filter_changed_cb (PecanUsagePage *self)
{
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

static void
pecan_usage_page_set_session (PecanUsagePage *self,
                              PecanSession   *session)
{
  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  drop_model (self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::period", G_CALLBACK (session_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::generation", G_CALLBACK (session_changed_cb),
                               self, G_CONNECT_SWAPPED);
      session_changed_cb (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
pecan_usage_page_map (GtkWidget *widget)
{
  PecanUsagePage *self = PECAN_USAGE_PAGE (widget);

  GTK_WIDGET_CLASS (pecan_usage_page_parent_class)->map (widget);
  if (self->stale && self->session != NULL)
    session_changed_cb (self);
}

static void
pecan_usage_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PecanUsagePage *self = PECAN_USAGE_PAGE (object);

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
pecan_usage_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PecanUsagePage *self = PECAN_USAGE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      pecan_usage_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pecan_usage_page_parent_class)->dispose (object);
}

static void
pecan_usage_page_class_init (PecanUsagePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pecan_usage_page_dispose;
  object_class->get_property = pecan_usage_page_get_property;
  object_class->set_property = pecan_usage_page_set_property;
  widget_class->map = pecan_usage_page_map;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PECAN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  add_columns (self);
}
