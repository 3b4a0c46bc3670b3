/* pecan-usage-page-columns.c: the columns of the Usage page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each cell of a usage line shows, in the user's locale, and its
 * tooltip: amounts to the cent and quantities to four decimals in the
 * cells, with every decimal of the file in the tooltips.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pecan-cell-tooltip.h"
#include "pecan-parse.h"
#include "pecan-ui-util.h"
#include "pecan-usage-line.h"
#include "pecan-usage-page-private.h"

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
 * change width as the lines scroll past. They are the least widths: a
 * column is wider where its translated heading, or the PEC state's labels,
 * need it. */
static const struct
{
  const char *title;
  int         width;
  gboolean    numeric;
  gboolean    expand;
} columns[N_COLUMNS] = {
  [COLUMN_DAY] = { N_("Day"), 78, TRUE, FALSE },
  [COLUMN_CUSTOMER] = { N_("Customer"), 130, FALSE, TRUE },
  [COLUMN_SUBSCRIPTION] = { N_("Subscription"), 108, FALSE, FALSE },
  [COLUMN_CATEGORY] = { N_("Category"), 100, FALSE, FALSE },
  [COLUMN_METER] = { N_("Meter"), 120, FALSE, TRUE },
  [COLUMN_QUANTITY] = { N_("Quantity"), 80, TRUE, FALSE },
  [COLUMN_BILLED] = { N_("Billed"), 96, TRUE, FALSE },
  [COLUMN_STATE] = { N_("PEC State"), 90, FALSE, FALSE },
  [COLUMN_PEC] = { N_("PEC"), 76, TRUE, FALSE },
  [COLUMN_SOURCE] = { N_("Source"), 122, FALSE, FALSE },
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

/* The PEC earned, or lost (negative), in the currency of the billed
 * amount beside it: the cell has room for the figure only. */
static char *
pec_text (const PecanUsageLineInfo *info,
          char                    **tooltip)
{
  double amount;

  if (info->state == PECAN_PEC_EARNED)
    amount = info->pec_earned;
  else if (info->state == PECAN_PEC_LOST)
    amount = -info->pec_lost;
  else
    return NULL;
  *tooltip = pecan_ui_format_money (amount, info->currency);
  return pecan_ui_format_money (amount, NULL);
}

static char *
source_tooltip (const PecanUsageLineInfo *info)
{
  g_autofree char *line = pecan_ui_format_count (info->line);

  if (info->invoice)
    /* TRANSLATORS: a line number, a file name and the number of its import */
    return g_strdup_printf (_("Line %s of “%s” (import %d), an invoice reconciliation line"),
                            line, info->file_name, (int) info->batch_id);
  return g_strdup_printf (_("Line %s of “%s” (import %d)"), line,
                          info->file_name, (int) info->batch_id);
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
      return pec_text (info, tooltip);
    case COLUMN_SOURCE:
    case N_COLUMNS:
    default:
      *tooltip = source_tooltip (info);
      line = pecan_ui_format_count (info->line);
      /* TRANSLATORS: a file name and a line number in it; a long file name is
       * cut short in its middle */
      return g_strdup_printf (_("%s, line %s"), info->file_name, line);
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
  /* The source keeps the end in sight: its line number. */
  gtk_label_set_ellipsize (GTK_LABEL (label), column == COLUMN_SOURCE ? PANGO_ELLIPSIZE_MIDDLE
                                                                      : PANGO_ELLIPSIZE_END);
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
  pecan_cell_tooltip_set (label, tooltip);
  style_cell (label, column, info);
}

/* The width @text takes in @widget: a heading's is bold and leaves room
 * for the sort arrow; a cell's leaves room for its padding. */
static int
text_width (GtkWidget  *widget,
            const char *text,
            gboolean    heading)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  int width;

  if (heading)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width + (heading ? 32 : 16);
}

static int
column_width (GtkWidget *widget,
              Column     column)
{
  int width = MAX (columns[column].width, text_width (widget, _(columns[column].title), TRUE));

  if (column == COLUMN_STATE)
    for (PecanPecState state = 0; state <= PECAN_PEC_UNKNOWN; state++)
      width = MAX (width, text_width (widget, state_label (state), FALSE));
  return width;
}

/**
 * pecan_usage_page_add_columns:
 * @column_view: the page's table
 *
 * Adds the columns of the usage lines.
 */
void
pecan_usage_page_add_columns (GtkColumnView *column_view)
{
  for (Column i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_fixed_width (column, column_width (GTK_WIDGET (column_view), i));
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (column_view, column);
    }
}

