/* pecan-claim-wizard-workloads.c: the claim wizard's workloads step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The solution area, the engagement and the workloads the claim covers,
 * from the core's lists (Microsoft's names, as Partner Center shows
 * them). Microsoft validates that the workloads are deployed and active:
 * for an imported customer, the step shows what the usage files say it
 * used over the last three months with data, and warns when they show
 * nothing.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-claim-wizard-private.h"
#include "pecan-query.h"
#include "pecan-summary-row.h"
#include "pecan-ui-util.h"

/* The evidence shows this many services; the rest are counted. */
#define EVIDENCE_ROWS 8

static guint
find_string (const char * const *list,
             const char         *text)
{
  for (guint i = 0; text != NULL && list[i] != NULL; i++)
    if (g_str_equal (list[i], text))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
set_strings (GtkDropDown        *dropdown,
             const char * const *strings,
             const char         *selected)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const *) strings);

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, find_string (strings, selected));
}

static void
workload_toggled_cb (GtkCheckButton   *check,
                     PecanClaimWizard *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (self->syncing)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->workloads_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (button)))
        g_strv_builder_add (builder, gtk_check_button_get_label (GTK_CHECK_BUTTON (button)));
    }
  g_strfreev (self->info.workloads);
  self->info.workloads = g_strv_builder_end (builder);
  pecan_claim_wizard_changed (self);
}

static void
fill_workloads (PecanClaimWizard *self)
{
  const char * const *workloads = pecan_cpor_workloads (self->info.solution_area);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->workloads_box))) != NULL)
    gtk_flow_box_remove (self->workloads_box, child);
  for (guint i = 0; workloads[i] != NULL; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (workloads[i]);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   self->info.workloads != NULL
                                   && g_strv_contains ((const char * const *) self->info.workloads,
                                                       workloads[i]));
      g_signal_connect_object (check, "toggled", G_CALLBACK (workload_toggled_cb), self, 0);
      gtk_flow_box_append (self->workloads_box, check);
    }
}

/* The workloads of the claim that its solution area has. */
static void
keep_area_workloads (PecanClaimWizard *self)
{
  const char * const *workloads = pecan_cpor_workloads (self->info.solution_area);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; self->info.workloads != NULL && self->info.workloads[i] != NULL; i++)
    if (g_strv_contains (workloads, self->info.workloads[i]))
      g_strv_builder_add (builder, self->info.workloads[i]);
  g_strfreev (self->info.workloads);
  self->info.workloads = g_strv_builder_end (builder);
}

/**
 * pecan_claim_wizard_set_solution_area:
 *
 * Sets the claim's solution area, with the engagement when the area has
 * only one, and keeps the workloads that belong to it.
 */
void
pecan_claim_wizard_set_solution_area (PecanClaimWizard *self,
                                      const char       *area)
{
  const char * const *engagements = pecan_cpor_engagements (area);

  if (g_strcmp0 (self->info.solution_area, area) == 0)
    return;
  pecan_claim_wizard_set_string (&self->info.solution_area, area);
  if (find_string (engagements, self->info.engagement) == GTK_INVALID_LIST_POSITION)
    pecan_claim_wizard_set_string (&self->info.engagement,
                                   engagements[0] != NULL && engagements[1] == NULL
                                     ? engagements[0] : NULL);
  keep_area_workloads (self);
  pecan_claim_wizard_sync_workloads (self);
  pecan_claim_wizard_suggest_name (self);
}

static void
area_changed_cb (PecanClaimWizard *self)
{
  guint selected = gtk_drop_down_get_selected (self->area_dropdown);
  const char * const *areas = pecan_cpor_solution_areas ();

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;
  pecan_claim_wizard_set_solution_area (self, areas[selected]);
  /* The first step's choice follows. */
  self->syncing = TRUE;
  pecan_claim_wizard_sync_route (self);
  self->syncing = FALSE;
  pecan_claim_wizard_changed (self);
}

static void
engagement_changed_cb (PecanClaimWizard *self)
{
  guint selected = gtk_drop_down_get_selected (self->engagement_dropdown);
  const char * const *engagements = pecan_cpor_engagements (self->info.solution_area);

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;
  pecan_claim_wizard_set_string (&self->info.engagement, engagements[selected]);
  pecan_claim_wizard_changed (self);
}

/* The dropdowns and the workloads, from the claim. */
void
pecan_claim_wizard_sync_workloads (PecanClaimWizard *self)
{
  gboolean syncing = self->syncing;

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->area_dropdown,
                              find_string (pecan_cpor_solution_areas (), self->info.solution_area));
  set_strings (self->engagement_dropdown, pecan_cpor_engagements (self->info.solution_area),
               self->info.engagement);
  fill_workloads (self);
  self->syncing = syncing;
}

typedef struct
{
  PecanPeriod period;
  gint64      customer_id;
} EvidenceQuery;

static GObject *
read_evidence (PecanStore    *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  EvidenceQuery *query = data;

  return G_OBJECT (pecan_query_summary (store, PECAN_GROUP_CATEGORY, &query->period,
                                        query->customer_id, error));
}

static int
compare_billed (gconstpointer a,
                gconstpointer b)
{
  gint64 x = pecan_summary_row_get_info (*(PecanSummaryRow **) a)->billed;
  gint64 y = pecan_summary_row_get_info (*(PecanSummaryRow **) b)->billed;

  return (x < y) - (x > y);
}

static GtkWidget *
evidence_row_new (const char *title,
                  const char *amount)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (title);
  GtkWidget *figure = gtk_label_new (amount);

  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (figure, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), figure);
  return box;
}

static void
show_evidence (PecanClaimWizard *self,
               GListModel       *rows)
{
  g_autoptr(GPtrArray) used = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_list))) != NULL)
    gtk_list_box_remove (self->evidence_list, child);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PecanSummaryRow) row = g_list_model_get_item (rows, i);

      if (pecan_summary_row_get_info (row)->lines > 0)
        g_ptr_array_add (used, g_steal_pointer (&row));
    }
  g_ptr_array_sort (used, compare_billed);
  for (guint i = 0; i < MIN (used->len, EVIDENCE_ROWS); i++)
    {
      const PecanSummaryInfo *info = pecan_summary_row_get_info (used->pdata[i]);
      g_autofree char *amount = pecan_ui_format_nano (info->billed, info->currency);

      gtk_list_box_append (self->evidence_list,
                           evidence_row_new (info->category != NULL ? info->category : "—",
                                             amount));
    }
  if (used->len > EVIDENCE_ROWS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more service",
                                                            "and %u more services",
                                                            used->len - EVIDENCE_ROWS),
                                               used->len - EVIDENCE_ROWS);

      gtk_list_box_append (self->evidence_list, evidence_row_new (more, ""));
    }
  gtk_stack_set_visible_child_name (self->evidence_stack, used->len > 0 ? "list" : "none");
}

static void
evidence_read (PecanClaimWizard *self,
               GObject          *result,
               const GError     *error)
{
  g_clear_object (&self->evidence_cancellable);
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The customer’s usage could not be read: %s"),
                                               error->message);

      self->evidence_customer = 0;
      gtk_label_set_text (self->evidence_none_label, text);
      gtk_stack_set_visible_child_name (self->evidence_stack, "none");
      return;
    }
  show_evidence (self, G_LIST_MODEL (result));
}

/* The last three months with data, up to the last day imported. */
static gboolean
evidence_period (PecanClaimWizard *self,
                 PecanPeriod      *period)
{
  PecanPeriod range, last, first;

  if (!pecan_session_get_data_range (self->session, &range))
    return FALSE;
  pecan_period_for_day (PECAN_PERIOD_MONTH, range.last, &last);
  if (!pecan_period_shift (&last, -2, &first))
    first = last;
  period->first = MAX (first.first, range.first);
  period->last = range.last;
  return TRUE;
}

static char *
describe_period (const PecanPeriod *period)
{
  int first, last;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (!pecan_period_months (period, &first, &last) || first == last)
    return pecan_ui_format_period (period);
  a = pecan_ui_format_month (first);
  b = pecan_ui_format_month (last);
  /* TRANSLATORS: a range of months: "September 2026 – November 2026" */
  return g_strdup_printf (_("%s – %s"), a, b);
}

/**
 * pecan_claim_wizard_update_evidence:
 *
 * Reads the imported customer's services and spend, once per customer.
 */
void
pecan_claim_wizard_update_evidence (PecanClaimWizard *self)
{
  EvidenceQuery query = { { 0, 0 }, self->info.customer_id };
  g_autofree char *period = NULL;
  g_autofree char *text = NULL;
  const char *name = self->info.customer_name != NULL ? self->info.customer_name : "";

  if (query.customer_id == 0 || !evidence_period (self, &query.period))
    {
      self->evidence_customer = 0;
      gtk_label_set_text (self->evidence_title, _("Usage in the Imported Files"));
      gtk_stack_set_visible_child_name (self->evidence_stack, "unlinked");
      return;
    }
  if (self->evidence_customer == query.customer_id)
    return;
  self->evidence_customer = query.customer_id;
  period = describe_period (&query.period);
  /* TRANSLATORS: "Services Used, September 2026 – November 2026" */
  text = g_strdup_printf (_("Services Used, %s"), period);
  gtk_label_set_text (self->evidence_title, text);
  g_free (text);
  text = g_strdup_printf (_("The imported files show no usage by %s in %s. Microsoft checks that "
                            "the workloads you claim are deployed and in use: make sure they are, "
                            "or import the customer’s latest usage files."), name, period);
  gtk_label_set_text (self->evidence_none_label, text);
  gtk_stack_set_visible_child_name (self->evidence_stack, "loading");
  g_cancellable_cancel (self->evidence_cancellable);
  g_clear_object (&self->evidence_cancellable);
  self->evidence_cancellable = g_cancellable_new ();
  pecan_claim_wizard_run_read (self, read_evidence, g_memdup2 (&query, sizeof query), g_free,
                               self->evidence_cancellable, evidence_read);
}

void
pecan_claim_wizard_init_workloads (PecanClaimWizard *self)
{
  /* A dropdown selects its first item with its model: not a choice. */
  self->syncing = TRUE;
  set_strings (self->area_dropdown, pecan_cpor_solution_areas (), NULL);
  self->syncing = FALSE;
}

void
pecan_claim_wizard_class_init_workloads (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, engagement_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, workloads_box);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, workloads_message);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, evidence_title);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, evidence_stack);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, evidence_none_label);
  gtk_widget_class_bind_template_child_full (widget_class, "workloads_form", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, area_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, engagement_changed_cb);
}
