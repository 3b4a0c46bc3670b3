/* pecan-claims-page-columns.c: the columns of the Claims page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A claim's name over what it is for (a CPOR claim's customer and
 * solution area, a co-op claim's usage period and amount), its kind, its
 * status, what to do next with its date and countdown, when it last
 * changed, and a menu of what can be done with it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-cell-tooltip.h"
#include "pecan-claims-page-private.h"
#include "pecan-countdown.h"
#include "pecan-ui-util.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_KIND,
  COLUMN_STATUS,
  COLUMN_NEXT,
  COLUMN_CHANGED,
  COLUMN_MENU,
  N_COLUMNS
} Column;

static const char * const column_titles[N_COLUMNS] = {
  [COLUMN_NAME] = N_("Claim"),
  [COLUMN_KIND] = N_("Kind"),
  [COLUMN_STATUS] = N_("Status"),
  [COLUMN_NEXT] = N_("Next Action"),
  [COLUMN_CHANGED] = N_("Last Change"),
  [COLUMN_MENU] = NULL,
};

/**
 * pecan_claims_page_next_action:
 * @urgent: (out): whether Microsoft waits for an answer
 *
 * Returns: (transfer full): what to do next with the claim, with its date
 *   when there is one ("Answer Microsoft by 5 March 2026"), as
 *   `pecan-cli claims list` says it
 */
char *
pecan_claims_page_next_action (const PecanCporInfo *info,
                               gint32               today,
                               gboolean            *urgent)
{
  g_autofree char *next = pecan_cpor_next_action (info);

  *urgent = info->status == PECAN_CPOR_ACTION_REQUIRED;
  if (*urgent && today > pecan_cpor_info_answer_by (info))
    /* TRANSLATORS: what to do next, when its date has passed */
    return g_strdup_printf (_("Overdue: %s"), next);
  return *next != '\0' ? g_steal_pointer (&next) : g_strdup ("—");
}

/* The time of the last change, stored in UTC, as a day here. */
static char *
format_changed (const char *iso)
{
  g_autoptr(GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%x");
}

static char *
cpor_text (Column               column,
           const PecanCporInfo *info,
           gint32               today,
           gboolean            *urgent)
{
  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (info->name != NULL && *info->name != '\0' ? info->name
                                                                 : _("Untitled claim"));
    case COLUMN_KIND:
      /* TRANSLATORS: the kind of a claim, in a narrow column */
      return g_strdup (C_("claim kind", "CPOR"));
    case COLUMN_STATUS:
      return g_strdup (pecan_cpor_status_label (info->status));
    case COLUMN_NEXT:
      return pecan_claims_page_next_action (info, today, urgent);
    case COLUMN_CHANGED:
      return format_changed (info->updated_at);
    case COLUMN_MENU:
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static char *
coop_text (PecanClaimsPage     *self,
           Column               column,
           const PecanCoopInfo *info,
           gint32               due)
{
  g_autofree char *next = NULL;

  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (info->activity_name != NULL && *info->activity_name != '\0'
                         ? info->activity_name : _("Untitled co-op claim"));
    case COLUMN_KIND:
      /* TRANSLATORS: the kind of a claim, in a narrow column */
      return g_strdup (C_("claim kind", "Co-op"));
    case COLUMN_STATUS:
      return g_strdup (pecan_coop_status_label (info->status));
    case COLUMN_NEXT:
      next = pecan_coop_next_action (info, self->deadline_days, self->today);
      if (due != 0 && self->today > due)
        /* TRANSLATORS: what to do next, when its date has passed */
        return g_strdup_printf (_("Overdue: %s"), next);
      return *next != '\0' ? g_steal_pointer (&next) : g_strdup ("—");
    case COLUMN_CHANGED:
      return format_changed (info->updated_at);
    case COLUMN_MENU:
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static char *
column_text (PecanClaimsPage *self,
             Column           column,
             GObject         *claim,
             gboolean        *urgent)
{
  gint32 due = pecan_claims_page_due_day (self, claim);

  *urgent = FALSE;
  if (PECAN_IS_CPOR_CLAIM (claim))
    return cpor_text (column, pecan_cpor_claim_get_info (PECAN_CPOR_CLAIM (claim)), self->today,
                      urgent);
  *urgent = column == COLUMN_NEXT && due != 0 && self->today > due;
  return coop_text (self, column, pecan_coop_claim_get_info (PECAN_COOP_CLAIM (claim)), due);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *child;

  if (column == COLUMN_NAME)
    {
      GtkWidget *title = gtk_label_new (NULL);
      GtkWidget *subtitle = gtk_label_new (NULL);

      child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_label_set_xalign (GTK_LABEL (title), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_widget_add_css_class (subtitle, "pecan-small");
      gtk_box_append (GTK_BOX (child), title);
      gtk_box_append (GTK_BOX (child), subtitle);
    }
  else if (column == COLUMN_MENU)
    {
      child = gtk_menu_button_new ();
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (child), "view-more-symbolic");
      gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (child), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Claim Menu"), -1);
    }
  else if (column == COLUMN_NEXT)
    {
      GtkWidget *label = gtk_label_new (NULL);

      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (child), label);
      gtk_box_append (GTK_BOX (child), pecan_countdown_new ());
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      if (column == COLUMN_CHANGED)
        gtk_widget_add_css_class (child, "numeric");
    }
  gtk_list_item_set_child (item, child);
}

/* Under a co-op claim's name: its amount and usage period, short. */
static char *
describe_activity (const PecanCoopInfo *info)
{
  g_autofree char *period = NULL;
  g_autofree char *amount = NULL;

  if (info->half != 1 && info->half != 2)
    return g_strdup ("");
  /* TRANSLATORS: a co-op usage period, short: "FY2026 H2" */
  period = g_strdup_printf (_("FY%d H%d"), info->fiscal_year, info->half);
  if (info->amount <= 0)
    return g_steal_pointer (&period);
  amount = pecan_ui_format_nano (info->amount, info->currency);
  /* TRANSLATORS: a co-op claim's amount and its usage period */
  return g_strdup_printf (_("%s · %s"), amount, period);
}

/* Under the claim's name: whom and what it is for. */
static char *
describe_customer (const PecanCporInfo *info)
{
  const char *customer = info->customer_name;

  if (customer == NULL || *customer == '\0')
    customer = info->customer_ref != NULL ? info->customer_ref : "";
  if (info->solution_area == NULL || *info->solution_area == '\0')
    return g_strdup (customer);
  /* TRANSLATORS: a claim's customer and its solution area */
  return g_strdup_printf (_("%s · %s"), customer, info->solution_area);
}

static GMenuModel *
coop_menu (const PecanCoopInfo *info)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) actions = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();
  const struct
  {
    GMenu      *section;
    const char *label;
    const char *action;
    gboolean    shown;
  } items[] = {
    { actions, _("_Open"), "claims.open-coop", TRUE },
    { actions, _("Change _Status…"), "claims.status-coop", info->status != PECAN_COOP_EDITING },
    { actions, _("E_xport Pack…"), "claims.export-coop", TRUE },
    { danger, _("_Delete…"), "claims.delete-coop", info->status == PECAN_COOP_EDITING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (!items[i].shown)
        continue;
      item = g_menu_item_new (items[i].label, NULL);
      g_menu_item_set_action_and_target_value (item, items[i].action,
                                               g_variant_new_int64 (info->id));
      g_menu_append_item (items[i].section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (actions));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));
  return G_MENU_MODEL (menu);
}

static GMenuModel *
claim_menu (const PecanCporInfo *info)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) actions = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();
  const struct
  {
    GMenu      *section;
    const char *label;
    const char *action;
    gboolean    shown;
  } items[] = {
    { actions, _("_Open"), "claims.open", TRUE },
    { actions, _("Change _Status…"), "claims.status", info->status != PECAN_CPOR_DRAFT },
    { actions, _("_Export Packet…"), "claims.export", TRUE },
    { danger, _("_Delete…"), "claims.delete", pecan_cpor_info_is_editable (info) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (!items[i].shown)
        continue;
      item = g_menu_item_new (items[i].label, NULL);
      g_menu_item_set_action_and_target_value (item, items[i].action,
                                               g_variant_new_int64 (info->id));
      g_menu_append_item (items[i].section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (actions));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));
  return G_MENU_MODEL (menu);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PecanClaimsPage          *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GObject *claim = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *label = child;
  g_autofree char *text = NULL;
  gboolean urgent;

  if (column == COLUMN_MENU)
    {
      g_autoptr(GMenuModel) menu = PECAN_IS_CPOR_CLAIM (claim)
        ? claim_menu (pecan_cpor_claim_get_info (PECAN_CPOR_CLAIM (claim)))
        : coop_menu (pecan_coop_claim_get_info (PECAN_COOP_CLAIM (claim)));

      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (child), menu);
      return;
    }
  text = column_text (self, column, claim, &urgent);
  if (column == COLUMN_NAME)
    {
      GtkWidget *title = gtk_widget_get_first_child (child);
      g_autofree char *subtitle = PECAN_IS_CPOR_CLAIM (claim)
        ? describe_customer (pecan_cpor_claim_get_info (PECAN_CPOR_CLAIM (claim)))
        : describe_activity (pecan_coop_claim_get_info (PECAN_COOP_CLAIM (claim)));

      gtk_label_set_text (GTK_LABEL (title), text);
      gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (title)), subtitle);
      pecan_cell_tooltip_set (child, text);
      return;
    }
  if (column == COLUMN_NEXT)
    {
      label = gtk_widget_get_first_child (child);
      pecan_countdown_set (gtk_widget_get_next_sibling (label),
                           pecan_claims_page_due_day (self, claim), self->today);
    }
  gtk_label_set_text (GTK_LABEL (label), text);
  if (urgent)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
  if (column == COLUMN_NEXT)
    pecan_cell_tooltip_set (label, text);
}

void
pecan_claims_page_add_columns (PecanClaimsPage *self)
{
  for (Column i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (i));
      g_signal_connect_object (factory, "bind", G_CALLBACK (cell_bind_cb), self, 0);
      column = gtk_column_view_column_new (column_titles[i] != NULL ? _(column_titles[i]) : NULL,
                                           factory);
      gtk_column_view_column_set_expand (column, i == COLUMN_NAME || i == COLUMN_NEXT);
      if (i == COLUMN_STATUS)
        gtk_column_view_column_set_fixed_width (column, 210);
      if (i == COLUMN_KIND)
        gtk_column_view_column_set_fixed_width (column, 90);
      gtk_column_view_column_set_resizable (column, i != COLUMN_MENU);
      gtk_column_view_append_column (self->column_view, column);
    }
}
