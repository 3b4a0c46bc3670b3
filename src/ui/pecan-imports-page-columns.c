/* pecan-imports-page-columns.c: the columns of the Imports page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each cell of an import shows, in the user's locale and time zone,
 * and the button at the end of each row that undoes it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-batch.h"
#include "pecan-cell-tooltip.h"
#include "pecan-imports-page-private.h"
#include "pecan-ui-util.h"

typedef enum
{
  COLUMN_IMPORTED,
  COLUMN_FILE,
  COLUMN_KIND,
  COLUMN_DAYS,
  COLUMN_LINES,
  COLUMN_CUSTOMERS,
  COLUMN_SKIPPED,
  COLUMN_REPLACED,
  COLUMN_SIZE,
  COLUMN_UNDO,
} Column;

static const struct
{
  const char *title;
  gboolean    numeric;
} columns[] = {
  [COLUMN_IMPORTED] = { N_("Imported"), FALSE },
  [COLUMN_FILE] = { N_("File"), FALSE },
  [COLUMN_KIND] = { N_("Kind"), FALSE },
  [COLUMN_DAYS] = { N_("Usage days"), FALSE },
  [COLUMN_LINES] = { N_("Lines"), TRUE },
  [COLUMN_CUSTOMERS] = { N_("Customers"), TRUE },
  [COLUMN_SKIPPED] = { N_("Skipped"), TRUE },
  [COLUMN_REPLACED] = { N_("Replaced"), TRUE },
  [COLUMN_SIZE] = { N_("Size"), TRUE },
  [COLUMN_UNDO] = { NULL, FALSE },
};

/* Short, for a column; pecan_layout_describe() gives the full name. */
static const char *
layout_short_name (PecanLayout layout)
{
  switch (layout)
    {
    case PECAN_LAYOUT_DAILY:
      return C_("file kind", "Daily rated usage");
    case PECAN_LAYOUT_INVOICE:
      return C_("file kind", "Invoice reconciliation");
    case PECAN_LAYOUT_COST_EXPORT:
      return C_("file kind", "Cost Management export");
    case PECAN_LAYOUT_UNKNOWN:
    default:
      return C_("file kind", "Unknown");
    }
}

/* The time of the import, stored in UTC, in the user's time zone. */
static char *
format_imported_at (const char *iso)
{
  g_autoptr(GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso != NULL ? iso : "");
  local = g_date_time_to_local (utc);
  /* TRANSLATORS: when a file was imported, as strftime() formats it */
  return g_date_time_format (local, C_("import time", "%x %H:%M"));
}

static char *
format_days (const PecanBatchInfo *info)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (info->first_day == G_MININT32)
    return g_strdup ("—");
  first = pecan_ui_format_day (info->first_day);
  if (info->last_day == info->first_day)
    return g_steal_pointer (&first);
  last = pecan_ui_format_day (info->last_day);
  /* TRANSLATORS: a range of days: "01/05/2026 – 01/20/2026" */
  return g_strdup_printf (_("%s – %s"), first, last);
}

static char *
column_text (Column                column,
             const PecanBatchInfo *info)
{
  switch (column)
    {
    case COLUMN_IMPORTED:
      return format_imported_at (info->imported_at);
    case COLUMN_FILE:
      return g_strdup (info->file_name);
    case COLUMN_KIND:
      return g_strdup (layout_short_name (info->layout));
    case COLUMN_DAYS:
      return format_days (info);
    case COLUMN_LINES:
      return pecan_ui_format_count (info->lines);
    case COLUMN_CUSTOMERS:
      /* The history does not keep every import's customers: 0 is unknown. */
      return info->customers > 0 ? pecan_ui_format_count (info->customers) : g_strdup ("—");
    case COLUMN_SKIPPED:
      return pecan_ui_format_count (info->skipped);
    case COLUMN_REPLACED:
      return pecan_ui_format_count (info->replaced);
    case COLUMN_SIZE:
      return g_format_size (info->file_size);
    case COLUMN_UNDO:
    default:
      g_assert_not_reached ();
    }
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *child;

  if (column == COLUMN_UNDO)
    {
      child = gtk_button_new_from_icon_name ("edit-undo-symbolic");
      gtk_button_set_has_frame (GTK_BUTTON (child), FALSE);
      pecan_cell_tooltip_set (child, _("Undo This Import…"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Undo This Import…"), -1);
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), columns[column].numeric ? 1.0 : 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (child), column == COLUMN_FILE ? PANGO_ELLIPSIZE_MIDDLE
                                                                       : PANGO_ELLIPSIZE_NONE);
      if (columns[column].numeric)
        gtk_widget_add_css_class (child, "numeric");
    }
  gtk_list_item_set_child (item, child);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  const PecanBatchInfo *info = pecan_batch_get_info (gtk_list_item_get_item (item));
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (column == COLUMN_UNDO)
    {
      /* The target first: the action takes one, and a button without it
       * would warn. */
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (child),
                                              g_variant_new_int64 (info->id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "imports.undo");
      return;
    }
  text = column_text (column, info);
  gtk_label_set_text (GTK_LABEL (child), text);
  if (column == COLUMN_FILE)
    pecan_cell_tooltip_set (child, info->file_name);
  else if (column == COLUMN_KIND)
    pecan_cell_tooltip_set (child, pecan_layout_describe (info->layout));
}

void
pecan_imports_page_add_columns (PecanImportsPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (columns[i].title != NULL ? _(columns[i].title) : NULL,
                                           factory);
      gtk_column_view_column_set_expand (column, i == COLUMN_FILE);
      gtk_column_view_column_set_resizable (column, i != COLUMN_UNDO);
      gtk_column_view_append_column (self->column_view, column);
      if (i == COLUMN_CUSTOMERS)
        self->customers_column = column;
    }
}
