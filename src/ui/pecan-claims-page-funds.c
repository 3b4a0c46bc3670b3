/* pecan-claims-page-funds.c: the co-op funds on the Claims page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Per usage period and currency, as pecan_coop_funds() sums them: the
 * funds earned, typed from Partner Center (the one figure Pecan cannot
 * know), what the claims of the period claim, what remains, and the claim
 * deadline with which the rest expires. The newest period comes first.
 * Typing a figure saves it, off the main thread; Add Funds… enters a
 * period no claim has yet.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pecan-claims-page-private.h"
#include "pecan-countdown.h"
#include "pecan-period.h"
#include "pecan-ui-util.h"

typedef enum
{
  COLUMN_PERIOD,
  COLUMN_EARNED,
  COLUMN_CLAIMED,
  COLUMN_REMAINING,
  COLUMN_EXPIRES,
  N_COLUMNS
} Column;

static const char * const titles[N_COLUMNS] = {
  [COLUMN_PERIOD] = N_("Usage period"),
  [COLUMN_EARNED] = N_("Earned"),
  [COLUMN_CLAIMED] = N_("Claimed"),
  [COLUMN_REMAINING] = N_("Remaining"),
  [COLUMN_EXPIRES] = N_("Claim deadline"),
};

typedef struct
{
  int     fiscal_year;
  int     half;
  char   *currency;
  gint64  earned;
} FundsChange;

static void
funds_change_free (gpointer data)
{
  FundsChange *change = data;

  g_free (change->currency);
  g_free (change);
}

/* Runs on a worker thread, with its own connection. */
static GObject *
set_funds (PecanStore    *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  FundsChange *change = data;

  pecan_coop_set_funds (store, change->fiscal_year, change->half, change->currency,
                        change->earned, error);
  return NULL;
}

static void
save_funds (PecanClaimsPage *self,
            int              fiscal_year,
            int              half,
            const char      *currency,
            gint64           earned)
{
  FundsChange *change = g_new0 (FundsChange, 1);
  g_autofree char *period = pecan_coop_period_label (fiscal_year, half);

  change->fiscal_year = fiscal_year;
  change->half = half;
  change->currency = g_ascii_strup (currency, -1);
  change->earned = earned;
  pecan_claims_page_run (self, set_funds, change, funds_change_free,
                         _("The funds were not saved"),
                         /* TRANSLATORS: %s is a usage period */
                         g_strdup_printf (_("The funds of %s were saved."), period));
}

/* claims.set-funds (fiscal year, half, currency, earned in nano-units). */
static void
set_funds_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PecanClaimsPage *self = PECAN_CLAIMS_PAGE (widget);
  const char *currency;
  gint64 earned;
  int fiscal_year, half;

  g_variant_get (parameter, "(ii&sx)", &fiscal_year, &half, &currency, &earned);
  if (pecan_page_get_session (PECAN_PAGE (self)) == NULL || (half != 1 && half != 2)
      || strlen (currency) != 3 || earned < 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  save_funds (self, fiscal_year, half, currency, earned);
}

static FundsChange *
funds_change_new (const PecanCoopFunds *funds)
{
  FundsChange *change = g_new0 (FundsChange, 1);

  change->fiscal_year = funds->fiscal_year;
  change->half = funds->half;
  change->currency = g_strdup (funds->currency);
  change->earned = funds->earned;
  return change;
}

/* An earned figure typed in the table: saved once it reads as one. */
static void
earned_done (GtkWidget       *entry,
             PecanClaimsPage *self)
{
  const FundsChange *funds = g_object_get_data (G_OBJECT (entry), "funds");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  gint64 earned = 0;
  gboolean valid = *text == '\0' || pecan_ui_parse_nano (text, &earned);

  if (valid && earned >= 0)
    gtk_widget_remove_css_class (entry, "error");
  else
    gtk_widget_add_css_class (entry, "error");
  if (!valid || earned < 0 || earned == funds->earned)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "claims.set-funds", "(iisx)",
                              funds->fiscal_year, funds->half, funds->currency, earned);
}

static void
earned_activate_cb (GtkEntry        *entry,
                    PecanClaimsPage *self)
{
  earned_done (GTK_WIDGET (entry), self);
}

static void
earned_leave_cb (GtkEventControllerFocus *focus,
                 PecanClaimsPage         *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));

  if (!gtk_widget_in_destruction (entry))
    earned_done (entry, self);
}

static GtkWidget *
cell_label (const char *text,
            float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

static GtkWidget *
earned_cell_new (PecanClaimsPage      *self,
                 const PecanCoopFunds *funds)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *currency = gtk_label_new (funds->currency);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *text = pecan_ui_format_nano (funds->earned, NULL);
  g_autofree char *period = pecan_coop_period_label (funds->fiscal_year, funds->half);
  /* TRANSLATORS: %s is a usage period */
  g_autofree char *name = g_strdup_printf (_("Funds earned in %s"), period);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (entry, _("As Partner Center shows it; Enter saves it"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  /* A copy: the funds are read again while the entry may still have the
   * focus. */
  g_object_set_data_full (G_OBJECT (entry), "funds", funds_change_new (funds), funds_change_free);
  g_signal_connect_object (entry, "activate", G_CALLBACK (earned_activate_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (earned_leave_cb), self, 0);
  gtk_widget_add_controller (entry, focus);
  gtk_widget_add_css_class (currency, "dim-label");
  gtk_widget_set_valign (currency, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), currency);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  return box;
}

static GtkWidget *
expires_cell_new (PecanClaimsPage      *self,
                  const PecanCoopFunds *funds)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *day = pecan_day_describe (funds->expires_on);
  GtkWidget *badge = pecan_countdown_new ();

  gtk_box_append (GTK_BOX (box), cell_label (day, 0.0));
  gtk_box_append (GTK_BOX (box), badge);
  /* Funds all claimed cannot be lost: no countdown for them. */
  pecan_countdown_set_expiry (badge, funds->remaining > 0 ? funds->expires_on : 0, self->today);
  return box;
}

static void
add_row (PecanClaimsPage      *self,
         const PecanCoopFunds *funds,
         int                   row)
{
  g_autofree char *period = pecan_coop_period_label (funds->fiscal_year, funds->half);
  g_autofree char *claimed = pecan_ui_format_nano (funds->claimed, funds->currency);
  g_autofree char *remaining = pecan_ui_format_nano (funds->remaining, funds->currency);
  GtkWidget *cells[N_COLUMNS];

  cells[COLUMN_PERIOD] = cell_label (period, 0.0);
  cells[COLUMN_EARNED] = earned_cell_new (self, funds);
  cells[COLUMN_CLAIMED] = cell_label (claimed, 1.0);
  cells[COLUMN_REMAINING] = cell_label (remaining, 1.0);
  cells[COLUMN_EXPIRES] = expires_cell_new (self, funds);
  gtk_widget_add_css_class (cells[COLUMN_REMAINING], "heading");
  if (funds->remaining < 0)
    gtk_widget_add_css_class (cells[COLUMN_REMAINING], "error");
  /* Expired funds are history. */
  if (funds->expires_on < self->today)
    for (Column c = 0; c < N_COLUMNS; c++)
      gtk_widget_add_css_class (cells[c], "dim-label");
  for (Column c = 0; c < N_COLUMNS; c++)
    gtk_grid_attach (self->funds_grid, cells[c], c, row, 1, 1);
}

/**
 * pecan_claims_page_update_funds:
 *
 * The table of co-op funds, from those the claims were read with; hidden
 * while there are none.
 */
void
pecan_claims_page_update_funds (PecanClaimsPage *self)
{
  guint n = self->funds != NULL ? self->funds->len : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->funds_grid))) != NULL)
    gtk_grid_remove (self->funds_grid, child);
  gtk_widget_set_visible (self->funds_box, n > 0);
  gtk_widget_set_visible (self->funds_separator, n > 0);
  if (n == 0)
    return;
  for (Column c = 0; c < N_COLUMNS; c++)
    {
      GtkWidget *title = cell_label (_(titles[c]), c == COLUMN_CLAIMED || c == COLUMN_REMAINING
                                                     ? 1.0 : 0.0);

      gtk_widget_add_css_class (title, "dim-label");
      gtk_widget_add_css_class (title, "pecan-small");
      gtk_widget_set_margin_bottom (title, 2);
      gtk_grid_attach (self->funds_grid, title, c, 0, 1, 1);
    }
  for (guint i = 0; i < n; i++)
    add_row (self, &g_array_index (self->funds, PecanCoopFunds, n - 1 - i), i + 1);
}

/* Add Funds…: the period and the figure typed in its pop-over. */
static void
add_funds_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PecanClaimsPage *self = PECAN_CLAIMS_PAGE (widget);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->funds_earned_entry));
  const char *currency = gtk_editable_get_text (GTK_EDITABLE (self->funds_currency_entry));
  gint64 earned = 0;
  gboolean valid = pecan_ui_parse_nano (text, &earned) && earned >= 0;

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->funds_earned_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->funds_earned_entry), "error");
  if (strlen (currency) == 3)
    gtk_widget_remove_css_class (GTK_WIDGET (self->funds_currency_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->funds_currency_entry), "error");
  if (!valid || strlen (currency) != 3 || pecan_page_get_session (PECAN_PAGE (self)) == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  save_funds (self, gtk_spin_button_get_value_as_int (self->funds_year_spin),
              gtk_drop_down_get_selected (self->funds_half_dropdown) + 1, currency, earned);
  gtk_editable_set_text (GTK_EDITABLE (self->funds_earned_entry), "");
  gtk_popover_popdown (self->add_funds_popover);
}

/* The pop-over opens at the usage period running. */
static void
add_funds_show_cb (PecanClaimsPage *self)
{
  int fiscal_year, half;

  pecan_coop_period_of_day (self->today, &fiscal_year, &half);
  gtk_spin_button_set_value (self->funds_year_spin, fiscal_year);
  gtk_drop_down_set_selected (self->funds_half_dropdown, half - 1);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->funds_currency_entry)) == '\0'
      && self->funds != NULL && self->funds->len > 0)
    gtk_editable_set_text (GTK_EDITABLE (self->funds_currency_entry),
                           g_array_index (self->funds, PecanCoopFunds,
                                          self->funds->len - 1).currency);
}

void
pecan_claims_page_class_init_funds (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, add_funds_show_cb);

  gtk_widget_class_install_action (widget_class, "claims.set-funds", "(iisx)", set_funds_action);
  gtk_widget_class_install_action (widget_class, "claims.add-funds", NULL, add_funds_action);
}
