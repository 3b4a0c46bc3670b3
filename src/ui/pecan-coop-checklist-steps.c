/* pecan-coop-checklist-steps.c: the co-op checklist's eight steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list on the left: Partner Center's steps in its order. The first
 * three are check boxes the user ticks, which remember the day; the
 * others tick themselves once pecan_coop_step_done() says so, and open
 * their page. Each page ends with a card that says why its step is done,
 * or what is left to do, in the core's words.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-coop-checklist-private.h"
#include "pecan-period.h"
#include "pecan-ui-util.h"

/* The steps as the list names them, short; the core's label is the
 * tooltip. */
static const char * const step_titles[PECAN_COOP_N_STEPS] = {
  [PECAN_COOP_STEP_SIGN_IN] = N_("Sign In to Partner Center"),
  [PECAN_COOP_STEP_INCENTIVES] = N_("Open Incentives"),
  [PECAN_COOP_STEP_COOP_MANAGEMENT] = N_("Open Co-op Management"),
  [PECAN_COOP_STEP_NEW_CLAIM] = N_("New Claim"),
  [PECAN_COOP_STEP_DETAILS] = N_("Claim Details"),
  [PECAN_COOP_STEP_PROOF] = N_("Proof of Execution"),
  [PECAN_COOP_STEP_SUBMIT] = N_("Review and Submit"),
  [PECAN_COOP_STEP_TRACK] = N_("Track to Payment"),
};

static void
count_problems (PecanCoopChecklist *self,
                PecanCoopStep       first,
                PecanCoopStep       last,
                guint              *errors,
                guint              *warnings)
{
  *errors = *warnings = 0;
  for (guint i = 0; i < self->problems->len; i++)
    {
      const PecanCoopProblem *problem = self->problems->pdata[i];

      if (problem->step < first || problem->step > last)
        continue;
      if (problem->severity == PECAN_COOP_ERROR)
        (*errors)++;
      else
        (*warnings)++;
    }
}

/* Under a step's title in the list: when it was ticked, or where it is. */
static char *
step_subtitle (PecanCoopChecklist *self,
               PecanCoopStep       step,
               gboolean            done,
               gboolean           *bad)
{
  const PecanCoopInfo *info = &self->info;
  guint errors, warnings;

  *bad = FALSE;
  if (pecan_coop_step_is_manual (step))
    {
      g_autofree char *day = NULL;

      if (!done)
        return g_strdup (_("Tick it once done in the portal"));
      day = pecan_day_describe (info->ticked[step]);
      /* TRANSLATORS: %s is a date */
      return g_strdup_printf (_("Done on %s"), day);
    }
  if (step == PECAN_COOP_STEP_TRACK)
    return g_strdup (info->status == PECAN_COOP_EDITING ? _("Once submitted")
                                                        : pecan_coop_status_label (info->status));
  if (step == PECAN_COOP_STEP_SUBMIT && done)
    return g_strdup (_("Submitted"));
  count_problems (self, step == PECAN_COOP_STEP_SUBMIT ? PECAN_COOP_STEP_NEW_CLAIM : step, step,
                  &errors, &warnings);
  if (errors > 0)
    {
      *bad = TRUE;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thing to fix",
                                           "%u things to fix", errors), errors);
    }
  if (done)
    return g_strdup (_("Done"));
  if (step == PECAN_COOP_STEP_SUBMIT)
    return g_strdup (_("Ready to submit"));
  return g_strdup (_("Once the steps above are done"));
}

static void
update_row (PecanCoopChecklist *self,
            PecanCoopStep       step)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->steps_list, step);
  GtkWidget *subtitle = g_object_get_data (G_OBJECT (row), "subtitle");
  GtkWidget *indicator = g_object_get_data (G_OBJECT (row), "indicator");
  gboolean done = pecan_coop_step_done (&self->info, self->problems, step);
  gboolean bad;
  g_autofree char *text = step_subtitle (self, step, done, &bad);

  gtk_label_set_text (GTK_LABEL (subtitle), text);
  pecan_coop_checklist_set_class (subtitle, "error", bad);
  pecan_coop_checklist_set_class (GTK_WIDGET (row), "done", done);
  if (GTK_IS_CHECK_BUTTON (indicator))
    {
      gboolean syncing = self->syncing;

      self->syncing = TRUE;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (indicator), done);
      self->syncing = syncing;
    }
  else
    {
      GtkWidget *number = gtk_widget_get_first_child (indicator);

      gtk_widget_set_visible (number, !done);
      gtk_widget_set_visible (gtk_widget_get_next_sibling (number), done);
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_CHECKED,
                               done ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
}

/* The sentence that says why a step the data proves is done, or where it
 * stands. */
static char *
step_why (PecanCoopChecklist *self,
          PecanCoopStep       step,
          gboolean            done)
{
  const PecanCoopInfo *info = &self->info;
  g_autofree char *day = NULL;
  g_autofree char *amount = NULL;
  gboolean receipts = FALSE;

  switch (step)
    {
    case PECAN_COOP_STEP_NEW_CLAIM:
      return g_strdup (done ? _("Done: the program, the fund category, the location ID, the "
                                "funding pool and the usage period are all given.")
                            : _("Not done yet:"));
    case PECAN_COOP_STEP_DETAILS:
      return g_strdup (done ? _("Done: the activity is named and described, its dates fall inside "
                                "the usage period, and the amount, the currency, the partner ID "
                                "and a business email address are given.")
                            : _("Not done yet:"));
    case PECAN_COOP_STEP_PROOF:
      if (!done)
        return g_strdup (_("Not done yet:"));
      for (guint i = 0; i < info->documents->len; i++)
        receipts |= g_array_index (info->documents, PecanCoopDocument, i).kind
                    == PECAN_COOP_RECEIPT;
      amount = pecan_ui_format_nano (info->amount, info->currency);
      if (receipts)
        /* TRANSLATORS: %s is an amount with its currency */
        return g_strdup_printf (_("Done: the invoices and the payment receipts each add up to the "
                                  "amount claimed, %s, to the cent; the activity is proven; every "
                                  "document is named and dated inside the usage period."), amount);
      /* TRANSLATORS: %s is an amount with its currency */
      return g_strdup_printf (_("Done: the invoices add up to the amount claimed, %s, to the cent; "
                                "the activity is proven; every document is named and dated inside "
                                "the usage period."), amount);
    case PECAN_COOP_STEP_SUBMIT:
      if (done)
        {
          day = pecan_day_describe (pecan_coop_checklist_status_day (info, PECAN_COOP_SUBMITTED));
          /* TRANSLATORS: %s is a date */
          return g_strdup_printf (_("Done: marked as submitted on %s."), day);
        }
      if (!pecan_coop_checklist_has_errors (self, TRUE))
        return g_strdup (_("Ready: nothing is left to fix. Submit the claim in Partner Center, "
                           "then mark it as submitted here."));
      return g_strdup (_("Not ready yet: fix what the steps above still need."));
    case PECAN_COOP_STEP_TRACK:
      day = pecan_day_describe (pecan_coop_checklist_status_day (info, info->status));
      if (info->status == PECAN_COOP_PAID)
        /* TRANSLATORS: %s is a date */
        return g_strdup_printf (_("Done: paid on %s."), day);
      if (info->status == PECAN_COOP_REJECTED)
        /* TRANSLATORS: %s is a date */
        return g_strdup_printf (_("Closed: rejected on %s."), day);
      if (info->status == PECAN_COOP_EDITING)
        return g_strdup (_("Once the claim is submitted, record here what Partner Center says "
                           "of it, until it is paid."));
      return g_strdup (_("Not paid yet."));
    case PECAN_COOP_STEP_SIGN_IN:
    case PECAN_COOP_STEP_INCENTIVES:
    case PECAN_COOP_STEP_COOP_MANAGEMENT:
    case PECAN_COOP_N_STEPS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
step_has_errors (PecanCoopChecklist *self,
                 PecanCoopStep       step)
{
  guint errors, warnings;

  count_problems (self, step, step, &errors, &warnings);
  return errors > 0;
}

/* Whether a problem goes into the card of @page: its step's, unless the
 * form shows it under its field already. */
static gboolean
in_card (PecanCoopChecklist     *self,
         Page                    page,
         const PecanCoopProblem *problem)
{
  /* Review and Submit lists every problem above its card already. */
  if (problem->step != PAGE_STEP (page) || page == PAGE_SUBMIT)
    return FALSE;
  return !pecan_coop_checklist_field_shown (self, page, problem->field);
}

static void
update_card (PecanCoopChecklist *self,
             Page                page)
{
  GtkBox *card = self->step_cards[page];
  PecanCoopStep step = PAGE_STEP (page);
  gboolean done = pecan_coop_step_done (&self->info, self->problems, step);
  g_autofree char *why = step_why (self, step, done);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 9);
  GtkWidget *icon = gtk_image_new_from_icon_name (done ? "object-select-symbolic"
                                                       : "view-list-bullet-symbolic");
  GtkWidget *label = gtk_label_new (why);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (card))) != NULL)
    gtk_box_remove (card, child);
  gtk_widget_add_css_class (icon, done ? "success" : "dim-label");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (head), icon);
  gtk_box_append (GTK_BOX (head), label);
  gtk_box_append (card, head);
  for (guint i = 0; i < self->problems->len; i++)
    {
      const PecanCoopProblem *problem = self->problems->pdata[i];

      if (!in_card (self, page, problem))
        continue;
      gtk_box_append (card, pecan_coop_checklist_problem_row (problem->message,
                                                              problem->severity));
      shown++;
    }
  /* The files found changed or gone when the claim opened. */
  for (guint i = 0; page == PAGE_PROOF && i < self->info.documents->len; i++)
    {
      g_autofree char *text = pecan_coop_checklist_file_problem (
        self, &g_array_index (self->info.documents, PecanCoopDocument, i));

      if (text != NULL)
        {
          gtk_box_append (card, pecan_coop_checklist_problem_row (text, PECAN_COOP_WARNING));
          shown++;
        }
    }
  /* Not done, with nothing to say here: the form above shows what, or
   * the steps before hold it back. */
  if (!done && shown == 0 && page <= PAGE_PROOF)
    gtk_label_set_text (GTK_LABEL (label),
                        step_has_errors (self, step)
                          ? _("Not done yet: see the fields marked above.")
                          : _("Nothing to fix here: it ticks once the steps above are done."));
  pecan_coop_checklist_set_class (GTK_WIDGET (card), "done", done);
  /* Track says where the claim stands above its card already. */
  gtk_widget_set_visible (GTK_WIDGET (card), page != PAGE_TRACK || done || shown > 0);
}

/**
 * pecan_coop_checklist_update_steps:
 *
 * The list of steps and the cards of the pages, from the claim and its
 * problems.
 */
void
pecan_coop_checklist_update_steps (PecanCoopChecklist *self)
{
  GtkListBoxRow *row;

  for (PecanCoopStep step = 0; step < PECAN_COOP_N_STEPS; step++)
    update_row (self, step);
  for (Page page = 0; page < N_PAGES; page++)
    update_card (self, page);
  row = gtk_list_box_get_row_at_index (self->steps_list, PAGE_STEP (self->page));
  gtk_list_box_select_row (self->steps_list, row);
}

/* Ticks or unticks a step only the user can do, as of today. */
static void
tick (PecanCoopChecklist *self,
      PecanCoopStep       step,
      gboolean            on)
{
  gint32 day = on ? self->today : 0;

  if (!pecan_coop_step_is_manual (step))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if ((self->info.ticked[step] != 0) == on)
    return;
  self->info.ticked[step] = day;
  pecan_coop_checklist_queue (self, JOB_TICK, 0, step, day, NULL);
  pecan_coop_checklist_refresh (self);
}

static void
tick_toggled_cb (GtkCheckButton     *check,
                 PecanCoopChecklist *self)
{
  PecanCoopStep step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "step"));

  if (!self->syncing)
    tick (self, step, gtk_check_button_get_active (check));
}

static void
tick_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  int step = g_variant_get_int32 (parameter);

  if (step < 0 || step >= PECAN_COOP_N_STEPS)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  tick (PECAN_COOP_CHECKLIST (widget), step, g_str_equal (action_name, "checklist.tick"));
}

static void
step_activated_cb (PecanCoopChecklist *self,
                   GtkListBoxRow      *row)
{
  PecanCoopStep step = gtk_list_box_row_get_index (row);
  GtkWidget *indicator = g_object_get_data (G_OBJECT (row), "indicator");

  if (pecan_coop_step_is_manual (step))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (indicator),
                                 !gtk_check_button_get_active (GTK_CHECK_BUTTON (indicator)));
  else if (STEP_PAGE (step) != self->page)
    pecan_coop_checklist_go_to (self, STEP_PAGE (step));
}

static GtkWidget *
indicator_new (PecanCoopChecklist *self,
               PecanCoopStep       step)
{
  g_autofree char *number_text = g_strdup_printf ("%d", step + 1);
  GtkWidget *box, *number, *done;

  if (pecan_coop_step_is_manual (step))
    {
      GtkWidget *check = gtk_check_button_new ();

      g_object_set_data (G_OBJECT (check), "step", GINT_TO_POINTER (step));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(step_titles[step]), -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (tick_toggled_cb), self, 0);
      return check;
    }
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  number = gtk_label_new (number_text);
  done = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_widget_add_css_class (number, "pecan-step-number");
  gtk_widget_add_css_class (done, "pecan-step-number");
  gtk_widget_add_css_class (done, "pecan-step-done");
  gtk_widget_set_visible (done, FALSE);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), done);
  return box;
}

static GtkWidget *
step_row_new (PecanCoopChecklist *self,
              PecanCoopStep       step)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *indicator = indicator_new (self, step);
  GtkWidget *title = gtk_label_new (_(step_titles[step]));
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_valign (indicator, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (indicator, 24, -1);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 24);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 28);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "pecan-small");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_box_append (GTK_BOX (box), indicator);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, pecan_coop_step_label (step));
  /* The portal's steps are ticked, not opened. */
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), !pecan_coop_step_is_manual (step));
  g_object_set_data (G_OBJECT (row), "indicator", indicator);
  g_object_set_data (G_OBJECT (row), "subtitle", subtitle);
  return row;
}

void
pecan_coop_checklist_init_steps (PecanCoopChecklist *self)
{
  for (PecanCoopStep step = 0; step < PECAN_COOP_N_STEPS; step++)
    gtk_list_box_append (self->steps_list, step_row_new (self, step));
}

void
pecan_coop_checklist_class_init_steps (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, steps_list);
  gtk_widget_class_bind_template_callback (widget_class, step_activated_cb);

  gtk_widget_class_install_action (widget_class, "checklist.tick", "i", tick_action);
  gtk_widget_class_install_action (widget_class, "checklist.untick", "i", tick_action);
}
