/* pecan-lost-page-columns.c: the table of the Lost PEC page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each cell of an incident shows, how each column sorts, and what the
 * search matches: the names and IDs the Customer and Subscription columns
 * show, in their text or their tooltip.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pecan-cell-tooltip.h"
#include "pecan-lost-page-private.h"
#include "pecan-ui-util.h"

static const PecanIncidentInfo *
info_of (gpointer item)
{
  return pecan_incident_get_info (PECAN_INCIDENT (item));
}

const char *
pecan_lost_page_customer_text (const PecanIncidentInfo *info)
{
  return info->customer_name != NULL && info->customer_name[0] != '\0' ? info->customer_name
                                                                      : info->customer_tenant;
}

const char *
pecan_lost_page_subscription_text (const PecanIncidentInfo *info)
{
  return info->subscription_name != NULL && info->subscription_name[0] != '\0'
         ? info->subscription_name : info->subscription_azure_id;
}

static gboolean
contains_folded (const char *text,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

gboolean
pecan_lost_page_incident_matches (gpointer item,
                                  gpointer user_data)
{
  PecanLostPage *self = user_data;
  const PecanIncidentInfo *info = info_of (item);

  if (self->search == NULL || self->search[0] == '\0')
    return TRUE;
  return contains_folded (info->customer_name, self->search)
         || contains_folded (info->customer_tenant, self->search)
         || contains_folded (info->subscription_name, self->search)
         || contains_folded (info->subscription_azure_id, self->search);
}

/* Ascending orders; the column view reverses them on request. */
static int
compare_text (const char *a,
              const char *b)
{
  g_autofree char *ka = g_utf8_collate_key (a != NULL ? a : "", -1);
  g_autofree char *kb = g_utf8_collate_key (b != NULL ? b : "", -1);

  return g_strcmp0 (ka, kb);
}

#define COMPARE(a, b) ((a) < (b) ? -1 : (a) > (b) ? 1 : 0)

static int
compare_customer (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  return compare_text (pecan_lost_page_customer_text (info_of ((gpointer) a)),
                       pecan_lost_page_customer_text (info_of ((gpointer) b)));
}

static int
compare_subscription (gconstpointer a,
                      gconstpointer b,
                      gpointer      data)
{
  return compare_text (pecan_lost_page_subscription_text (info_of ((gpointer) a)),
                       pecan_lost_page_subscription_text (info_of ((gpointer) b)));
}

static int
compare_from (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  return COMPARE (info_of ((gpointer) a)->first_day, info_of ((gpointer) b)->first_day);
}

static int
compare_to (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  return COMPARE (info_of ((gpointer) a)->last_day, info_of ((gpointer) b)->last_day);
}

static int
compare_days (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  return COMPARE (info_of ((gpointer) a)->days, info_of ((gpointer) b)->days);
}

/* Amounts of different currencies are ranked by their figure alone, as the
 * query ranks them: a ranking, never a sum. */
static int
compare_amount (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  return COMPARE (info_of ((gpointer) a)->pec_lost, info_of ((gpointer) b)->pec_lost);
}

static int
compare_handled (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  return COMPARE (info_of ((gpointer) a)->handled, info_of ((gpointer) b)->handled);
}

static void
set_sorter (GtkColumnViewColumn *column,
            GCompareDataFunc     compare)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL));

  gtk_column_view_column_set_sorter (column, sorter);
}

/* Column cells: a label, of names that may be cut short, or of figures
 * and days that are always whole, right-aligned. */
static void
setup_label (GtkListItem *item,
             gboolean     figure)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), figure ? 1.0 : 0.0);
  if (figure)
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
setup_text_cb (PecanLostPage            *self,
               GtkListItem              *item,
               GtkSignalListItemFactory *factory)
{
  setup_label (item, FALSE);
}

static void
setup_number_cb (PecanLostPage            *self,
                 GtkListItem              *item,
                 GtkSignalListItemFactory *factory)
{
  setup_label (item, TRUE);
}

static void
bind_label (GtkListItem *item,
            const char  *text,
            const char  *tooltip)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), text);
  pecan_cell_tooltip_set (label, tooltip);
}

static void
bind_customer_cb (PecanLostPage            *self,
                  GtkListItem              *item,
                  GtkSignalListItemFactory *factory)
{
  const PecanIncidentInfo *info = info_of (gtk_list_item_get_item (item));

  bind_label (item, pecan_lost_page_customer_text (info), info->customer_tenant);
}

static void
bind_subscription_cb (PecanLostPage            *self,
                      GtkListItem              *item,
                      GtkSignalListItemFactory *factory)
{
  const PecanIncidentInfo *info = info_of (gtk_list_item_get_item (item));

  bind_label (item, pecan_lost_page_subscription_text (info), info->subscription_azure_id);
}

static void
bind_from_cb (PecanLostPage            *self,
              GtkListItem              *item,
              GtkSignalListItemFactory *factory)
{
  g_autofree char *text = pecan_ui_format_day (info_of (gtk_list_item_get_item (item))->first_day);

  bind_label (item, text, NULL);
}

/* An incident still running has no last day yet, only the latest day
 * with data, which the detail pane gives. */
static void
bind_to_cb (PecanLostPage            *self,
            GtkListItem              *item,
            GtkSignalListItemFactory *factory)
{
  const PecanIncidentInfo *info = info_of (gtk_list_item_get_item (item));
  g_autofree char *text = NULL;

  if (info->ongoing)
    {
      bind_label (item, C_("incident end", "Ongoing"),
                  _("Still losing PEC on the latest day imported"));
      return;
    }
  text = pecan_ui_format_day (info->last_day);
  bind_label (item, text, NULL);
}

static void
bind_days_cb (PecanLostPage            *self,
              GtkListItem              *item,
              GtkSignalListItemFactory *factory)
{
  g_autofree char *text = pecan_ui_format_count (info_of (gtk_list_item_get_item (item))->days);

  bind_label (item, text, NULL);
}

static void
bind_amount_cb (PecanLostPage            *self,
                GtkListItem              *item,
                GtkSignalListItemFactory *factory)
{
  const PecanIncidentInfo *info = info_of (gtk_list_item_get_item (item));
  g_autofree char *text = pecan_ui_format_money (info->pec_lost, info->currency);

  bind_label (item, text, NULL);
}

static void
setup_handled_cb (PecanLostPage            *self,
                  GtkListItem              *item,
                  GtkSignalListItemFactory *factory)
{
  GtkWidget *image = gtk_image_new_from_icon_name ("object-select-symbolic");

  pecan_cell_tooltip_set (image, _("Being handled"));
  gtk_list_item_set_child (item, image);
}

static void
handled_notify_cb (PecanIncident *incident,
                   GParamSpec    *pspec,
                   GtkWidget     *image)
{
  gtk_widget_set_visible (image, pecan_incident_get_info (incident)->handled);
}

static void
bind_handled_cb (PecanLostPage            *self,
                 GtkListItem              *item,
                 GtkSignalListItemFactory *factory)
{
  PecanIncident *incident = gtk_list_item_get_item (item);
  GtkWidget *image = gtk_list_item_get_child (item);

  handled_notify_cb (incident, NULL, image);
  g_signal_connect_object (incident, "notify::handled", G_CALLBACK (handled_notify_cb), image, 0);
}

static void
unbind_handled_cb (PecanLostPage            *self,
                   GtkListItem              *item,
                   GtkSignalListItemFactory *factory)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), handled_notify_cb,
                                        gtk_list_item_get_child (item));
}

void
pecan_lost_page_class_init_columns (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, setup_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_number_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_handled_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_customer_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_subscription_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_from_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_to_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_days_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_amount_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_handled_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_handled_cb);
}

void
pecan_lost_page_init_columns (PecanLostPage *self)
{
  set_sorter (self->customer_column, compare_customer);
  set_sorter (self->subscription_column, compare_subscription);
  set_sorter (self->from_column, compare_from);
  set_sorter (self->to_column, compare_to);
  set_sorter (self->days_column, compare_days);
  set_sorter (self->amount_column, compare_amount);
  set_sorter (self->handled_column, compare_handled);
}
