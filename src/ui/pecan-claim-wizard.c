/* pecan-claim-wizard.c: the CPOR claim preparation wizard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Six steps from "what are you claiming?" to a claim ready to type into
 * Partner Center. The claim lives in a PecanCporInfo that every field
 * writes to as it changes; pecan_cpor_check() runs on each change, and its
 * problems decide the messages under the fields and whether Next is
 * enabled. The draft is saved at every step change and when the wizard
 * closes, so that nothing typed is lost. This file holds the steps and the
 * navigation; each step has a file of its own, and the database work is
 * in pecan-claim-wizard-jobs.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-claim-wizard-private.h"
#include "pecan-client.h"
#include "pecan-period.h"

G_DEFINE_FINAL_TYPE (PecanClaimWizard, pecan_claim_wizard, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_ROUTE,
  PROP_CUSTOMER_SOURCE,
  N_PROPS
};

enum {
  CLAIM_CHANGED,
  COOP_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct
{
  const char *name;          /* of the stack page */
  const char *title;         /* in the list of steps */
} steps[N_STEPS] = {
  [STEP_ROUTE] = { "route", NC_("claim wizard step", "Claim Type") },
  [STEP_CUSTOMER] = { "customer", NC_("claim wizard step", "Customer") },
  [STEP_WORKLOADS] = { "workloads", NC_("claim wizard step", "Workloads") },
  [STEP_CONTACTS] = { "contacts", NC_("claim wizard step", "Contacts") },
  [STEP_DOCUMENTS] = { "documents", NC_("claim wizard step", "Proof of Execution") },
  [STEP_REVIEW] = { "review", NC_("claim wizard step", "Review") },
};

/* The step where each of pecan_cpor_check()'s fields is asked for. */
static const struct
{
  const char *field;
  Step        step;
} field_steps[] = {
  { "name", STEP_CUSTOMER },
  { "partner-id", STEP_CUSTOMER },
  { "customer-name", STEP_CUSTOMER },
  { "customer-ref", STEP_CUSTOMER },
  { "solution-area", STEP_WORKLOADS },
  { "engagement", STEP_WORKLOADS },
  { "workloads", STEP_WORKLOADS },
  { "customer-contact-name", STEP_CONTACTS },
  { "customer-contact-email", STEP_CONTACTS },
  { "customer-contact-title", STEP_CONTACTS },
  { "partner-contact-name", STEP_CONTACTS },
  { "partner-contact-email", STEP_CONTACTS },
  { "documents", STEP_DOCUMENTS },
  { "opt-out", STEP_DOCUMENTS },
};

const char *
pecan_claim_wizard_step_title (Step step)
{
  g_return_val_if_fail (step < N_STEPS, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "claim wizard step", steps[step].title);
}

/* The step a problem of @field is fixed in; the review for the rest
 * (the status). */
Step
pecan_claim_wizard_field_step (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_steps); i++)
    if (g_strcmp0 (field, field_steps[i].field) == 0)
      return field_steps[i].step;
  return STEP_REVIEW;
}

void
pecan_claim_wizard_set_string (char       **field,
                               const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Run from the build tree without the schema, the wizard only forgets
   * the partner location ID. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "cpor-partner-id"))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}


gboolean
pecan_claim_wizard_is_cpor_route (PecanClaimWizard *self)
{
  return g_strcmp0 (self->route, "modern-work") == 0
         || g_strcmp0 (self->route, "business-apps") == 0;
}

/* Whether @step has an error left; for the first step, whether the claim
 * is not a CPOR association (the other routes end there). */
gboolean
pecan_claim_wizard_has_errors (PecanClaimWizard *self,
                               int               step)
{
  if (step == STEP_ROUTE)
    return !pecan_claim_wizard_is_cpor_route (self);
  for (guint i = 0; self->problems != NULL && i < self->problems->len; i++)
    {
      const PecanCporProblem *problem = self->problems->pdata[i];

      if (problem->severity == PECAN_CPOR_ERROR
          && (int) pecan_claim_wizard_field_step (problem->field) == step)
        return TRUE;
    }
  return FALSE;
}

/* A claim that cannot change any more is only read: every step shows. */
static gboolean
can_reach (PecanClaimWizard *self,
           Step              step)
{
  if (!pecan_cpor_info_is_editable (&self->info))
    return TRUE;
  for (Step s = STEP_ROUTE; s < step; s++)
    if (pecan_claim_wizard_has_errors (self, s))
      return FALSE;
  return TRUE;
}

static void
update_header (PecanClaimWizard *self)
{
  const char *name = self->info.name;
  g_autofree char *subtitle = NULL;
  const char *saved;

  if (name == NULL || *name == '\0')
    name = self->info.id == 0 ? _("New CPOR Claim") : _("Untitled Claim");
  gtk_label_set_text (self->title_label, name);
  if (self->job_running || !g_queue_is_empty (&self->jobs))
    saved = _("Saving…");
  else if (self->info.id == 0)
    saved = _("Not saved yet");
  else
    saved = _("Saved");
  /* TRANSLATORS: under the wizard's title: a claim's status, and whether
   * it is saved */
  subtitle = g_strdup_printf (_("%s · %s"), pecan_cpor_status_label (self->info.status), saved);
  gtk_label_set_text (self->subtitle_label, subtitle);
}

/* Co-op funds have a checklist of their own: Next opens it. */
static gboolean
is_coop_route (PecanClaimWizard *self)
{
  return self->step == STEP_ROUTE && g_strcmp0 (self->route, "coop") == 0;
}

static void
update_steps (PecanClaimWizard *self)
{
  gboolean editable = pecan_cpor_info_is_editable (&self->info);

  for (Step step = 0; step < N_STEPS; step++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->steps_list, step);
      GtkWidget *icon = g_object_get_data (G_OBJECT (row), "icon");
      gboolean done = step < STEP_REVIEW && (int) step <= self->info.step
                      && !pecan_claim_wizard_has_errors (self, step);

      gtk_widget_set_sensitive (GTK_WIDGET (row), can_reach (self, step));
      gtk_widget_set_opacity (icon, done ? 1.0 : 0.0);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), self->step > STEP_ROUTE);
  gtk_button_set_label (self->next_button, self->step == STEP_REVIEW ? _("_Done") : _("_Next"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 self->step == STEP_REVIEW || !editable
                                 || !pecan_claim_wizard_has_errors (self, self->step)
                                 || is_coop_route (self));
}

/* pecan_cpor_check() again, and everything that shows its problems. */
static void
refresh (PecanClaimWizard *self)
{
  const char *domain = NULL;

  if (self->domain_tenant != NULL && self->info.tenant_id != NULL
      && g_ascii_strcasecmp (self->domain_tenant, self->info.tenant_id) == 0)
    domain = self->imported_domain;
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = pecan_cpor_check (&self->info, domain, self->today);
  pecan_claim_wizard_update_messages (self);
  pecan_claim_wizard_update_missing (self);
  if (self->step == STEP_REVIEW)
    pecan_claim_wizard_update_review (self);
  update_steps (self);
  update_header (self);
}

/**
 * pecan_claim_wizard_changed:
 *
 * What every step calls once it changed the claim: the claim is checked
 * again, and saved at the next step change.
 */
void
pecan_claim_wizard_changed (PecanClaimWizard *self)
{
  if (self->syncing)
    return;
  self->dirty = TRUE;
  refresh (self);
}

/* The changes not saved yet, queued; a new claim only once it is a CPOR
 * claim past its first step. */
static void
queue_pending (PecanClaimWizard *self)
{
  if (self->dirty && pecan_cpor_info_is_editable (&self->info)
      && pecan_claim_wizard_is_cpor_route (self)
      && (self->info.id != 0 || self->info.step > STEP_ROUTE))
    pecan_claim_wizard_queue (self, JOB_SAVE, 0, 0, NULL);
  if (self->notes_dirty && !pecan_cpor_info_is_editable (&self->info))
    pecan_claim_wizard_queue (self, JOB_NOTES, 0, 0, NULL);
}

static void
show_step (PecanClaimWizard *self,
           Step              step)
{
  self->step = step;
  gtk_stack_set_visible_child_name (self->steps_stack, steps[step].name);
  gtk_list_box_select_row (self->steps_list, gtk_list_box_get_row_at_index (self->steps_list, step));
  if (step == STEP_WORKLOADS)
    pecan_claim_wizard_update_evidence (self);
  if (step == STEP_REVIEW)
    pecan_claim_wizard_update_review (self);
  update_steps (self);
  update_header (self);
}

/**
 * pecan_claim_wizard_go_to:
 *
 * Shows @step, once every step before it is complete, and saves the
 * draft: at every step change.
 */
void
pecan_claim_wizard_go_to (PecanClaimWizard *self,
                          Step              step)
{
  if (step >= N_STEPS || !can_reach (self, step))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if (pecan_cpor_info_is_editable (&self->info) && (int) step > self->info.step)
    {
      self->info.step = step;
      self->dirty = TRUE;
    }
  if (step != self->step)
    queue_pending (self);
  show_step (self, step);
}

void
pecan_claim_wizard_show_message (PecanClaimWizard *self,
                                 const char       *text,
                                 gboolean          error)
{
  gtk_label_set_text (self->message_label, text);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_revealer), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_revealer), "error");
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PecanClaimWizard *self = PECAN_CLAIM_WIZARD (widget);

  if (is_coop_route (self))
    {
      g_signal_emit (self, signals[COOP_CHOSEN], 0);
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (self->step == STEP_REVIEW)
    gtk_window_close (GTK_WINDOW (self));
  else
    pecan_claim_wizard_go_to (self, self->step + 1);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PecanClaimWizard *self = PECAN_CLAIM_WIZARD (widget);

  if (self->step > STEP_ROUTE)
    pecan_claim_wizard_go_to (self, self->step - 1);
}

static void
go_to_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  pecan_claim_wizard_go_to (PECAN_CLAIM_WIZARD (widget), g_variant_get_int32 (parameter));
}

static void
dismiss_message_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (PECAN_CLAIM_WIZARD (widget)->message_revealer, FALSE);
}

static void
step_activated_cb (PecanClaimWizard *self,
                   GtkListBoxRow    *row)
{
  int step = gtk_list_box_row_get_index (row);

  if (step != (int) self->step)
    pecan_claim_wizard_go_to (self, step);
}

static GtkWidget *
step_row_new (Step step)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *number_text = g_strdup_printf ("%d", step + 1);
  GtkWidget *number = gtk_label_new (number_text);
  GtkWidget *title = gtk_label_new (pecan_claim_wizard_step_title (step));
  GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_widget_add_css_class (number, "pecan-step-number");
  gtk_widget_set_valign (number, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (icon, "success");
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  return row;
}

/* Fills every step from the claim, without marking it changed. */
static void
sync_all (PecanClaimWizard *self)
{
  self->syncing = TRUE;
  pecan_claim_wizard_sync_route (self);
  pecan_claim_wizard_sync_fields (self);
  pecan_claim_wizard_sync_customer (self);
  pecan_claim_wizard_sync_workloads (self);
  pecan_claim_wizard_sync_documents (self);
  pecan_claim_wizard_sync_notes (self);
  self->syncing = FALSE;
}

/* A submitted claim is only read; the banner says why. */
static void
apply_editable (PecanClaimWizard *self)
{
  gboolean editable = pecan_cpor_info_is_editable (&self->info);
  static const char * const forms[] = {
    "route_form", "customer_form", "workloads_form", "contacts_form", "documents_form",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      GObject *form = gtk_widget_get_template_child (GTK_WIDGET (self), PECAN_TYPE_CLAIM_WIZARD,
                                                     forms[i]);

      gtk_widget_set_sensitive (GTK_WIDGET (form), editable);
    }
  gtk_revealer_set_reveal_child (self->banner_revealer, !editable);
}

static gboolean
pecan_claim_wizard_close_request (GtkWindow *window)
{
  PecanClaimWizard *self = PECAN_CLAIM_WIZARD (window);

  if (!self->closing)
    {
      queue_pending (self);
      if (pecan_claim_wizard_is_busy (self))
        {
          /* Destroyed once the draft is saved, a moment later; hiding it
           * first upsets GTK 4.8's transient windows. */
          self->closing = TRUE;
          gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
          update_header (self);
          return TRUE;
        }
    }
  return GTK_WINDOW_CLASS (pecan_claim_wizard_parent_class)->close_request (window);
}

static void
pecan_claim_wizard_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PecanClaimWizard *self = PECAN_CLAIM_WIZARD (object);

  switch (prop_id)
    {
    case PROP_ROUTE:
      g_value_set_string (value, self->route);
      break;
    case PROP_CUSTOMER_SOURCE:
      g_value_set_string (value, pecan_claim_wizard_get_customer_source (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_claim_wizard_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PecanClaimWizard *self = PECAN_CLAIM_WIZARD (object);

  switch (prop_id)
    {
    case PROP_ROUTE:
      pecan_claim_wizard_set_route (self, g_value_get_string (value));
      break;
    case PROP_CUSTOMER_SOURCE:
      pecan_claim_wizard_set_customer_source (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->note);
  g_free (job->path);
  g_free (job);
}

static void
pecan_claim_wizard_dispose (GObject *object)
{
  PecanClaimWizard *self = PECAN_CLAIM_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->domain_cancellable);
  g_cancellable_cancel (self->evidence_cancellable);
  g_clear_object (&self->domain_cancellable);
  g_clear_object (&self->evidence_cancellable);
  g_queue_clear_full (&self->jobs, job_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PECAN_TYPE_CLAIM_WIZARD);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->customers);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (pecan_claim_wizard_parent_class)->dispose (object);
}

static void
pecan_claim_wizard_finalize (GObject *object)
{
  PecanClaimWizard *self = PECAN_CLAIM_WIZARD (object);

  pecan_cpor_info_clear (&self->info);
  g_free (self->route);
  g_free (self->suggested_name);
  g_free (self->customer_query);
  g_free (self->imported_domain);
  g_free (self->domain_tenant);

  G_OBJECT_CLASS (pecan_claim_wizard_parent_class)->finalize (object);
}

static void
pecan_claim_wizard_class_init (PecanClaimWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pecan_claim_wizard_dispose;
  object_class->finalize = pecan_claim_wizard_finalize;
  object_class->get_property = pecan_claim_wizard_get_property;
  object_class->set_property = pecan_claim_wizard_set_property;
  window_class->close_request = pecan_claim_wizard_close_request;

  /* What the claim is for: a CPOR association ("modern-work",
   * "business-apps"), or one of the routes that end in the first step
   * ("azure", "coop"); "" until chosen. wizard.route sets it. */
  properties[PROP_ROUTE] =
    g_param_spec_string ("route", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "imported" to choose an imported customer, "other" to type one. */
  properties[PROP_CUSTOMER_SOURCE] =
    g_param_spec_string ("customer-source", NULL, NULL, "imported",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After the database took a change of the claim: its list reloads. */
  signals[CLAIM_CHANGED] = g_signal_new ("claim-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
  /* The co-op route was chosen and Next pressed: the co-op checklist
   * takes over, for a new claim; the wizard closes. */
  signals[COOP_CHOSEN] = g_signal_new ("coop-chosen", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pecanapp/Pecan/pecan-claim-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, title_label);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, banner_label);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, message_label);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, steps_list);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimWizard, steps_stack);
  gtk_widget_class_bind_template_callback (widget_class, step_activated_cb);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.go-to", "i", go_to_action);
  gtk_widget_class_install_action (widget_class, "wizard.dismiss-message", NULL,
                                   dismiss_message_action);
  gtk_widget_class_install_property_action (widget_class, "wizard.route", "route");
  gtk_widget_class_install_property_action (widget_class, "wizard.customer-source",
                                            "customer-source");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "wizard.back", NULL);

  pecan_claim_wizard_class_init_route (widget_class);
  pecan_claim_wizard_class_init_customer (widget_class);
  pecan_claim_wizard_class_init_fields (widget_class);
  pecan_claim_wizard_class_init_workloads (widget_class);
  pecan_claim_wizard_class_init_documents (widget_class);
  pecan_claim_wizard_class_init_review (widget_class);
}

static void
pecan_claim_wizard_init (PecanClaimWizard *self)
{
  /* The state of wizard.route, asked for as the template builds. */
  self->route = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->today = pecan_day_today ();
  self->settings = settings_new ();
  g_queue_init (&self->jobs);
  pecan_cpor_info_init (&self->info);
  self->customers = g_list_store_new (PECAN_TYPE_CLIENT);
  for (Step step = 0; step < N_STEPS; step++)
    gtk_list_box_append (self->steps_list, step_row_new (step));
  pecan_claim_wizard_init_customer (self);
  pecan_claim_wizard_init_route (self);
  pecan_claim_wizard_init_workloads (self);
  pecan_claim_wizard_init_documents (self);
}

/**
 * pecan_claim_wizard_new:
 * @parent: (nullable): the window it is modal to
 * @session: the database
 * @info: (nullable): the claim to open, or %NULL for a new one
 *
 * Returns: (transfer none): the wizard, at the step the claim reached
 *   (a submitted claim, read only, at the review)
 */
PecanClaimWizard *
pecan_claim_wizard_new (GtkWindow           *parent,
                        PecanSession        *session,
                        const PecanCporInfo *info)
{
  PecanClaimWizard *self;

  g_return_val_if_fail (PECAN_IS_SESSION (session), NULL);

  self = g_object_new (PECAN_TYPE_CLAIM_WIZARD, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  if (info != NULL)
    {
      pecan_cpor_info_clear (&self->info);
      pecan_cpor_info_copy (info, &self->info);
    }
  else if (self->settings != NULL)
    {
      g_free (self->info.partner_id);
      self->info.partner_id = g_settings_get_string (self->settings, "cpor-partner-id");
    }
  sync_all (self);
  apply_editable (self);
  pecan_claim_wizard_load_customers (self);
  pecan_claim_wizard_load_domain (self);
  refresh (self);
  if (!pecan_cpor_info_is_editable (&self->info))
    show_step (self, STEP_REVIEW);
  else
    show_step (self, CLAMP (self->info.step, STEP_ROUTE, STEP_REVIEW));
  return self;
}

/* The claim's id in the database: 0 until its first save. */
gint64
pecan_claim_wizard_get_claim_id (PecanClaimWizard *self)
{
  g_return_val_if_fail (PECAN_IS_CLAIM_WIZARD (self), 0);
  return self->info.id;
}

int
pecan_claim_wizard_get_step (PecanClaimWizard *self)
{
  g_return_val_if_fail (PECAN_IS_CLAIM_WIZARD (self), 0);
  return self->step;
}

/* Whether the database or a document's hash is still being worked on. */
gboolean
pecan_claim_wizard_is_busy (PecanClaimWizard *self)
{
  g_return_val_if_fail (PECAN_IS_CLAIM_WIZARD (self), FALSE);
  return self->job_running || !g_queue_is_empty (&self->jobs) || self->hashing > 0;
}

/**
 * pecan_claim_wizard_settle:
 *
 * Once a job or a document is done: a wizard closed meanwhile saves what
 * came in, and goes once nothing is left to do.
 */
void
pecan_claim_wizard_settle (PecanClaimWizard *self)
{
  if (!self->closing)
    return;
  queue_pending (self);
  if (!pecan_claim_wizard_is_busy (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

void
pecan_claim_wizard_emit_changed (PecanClaimWizard *self)
{
  g_signal_emit (self, signals[CLAIM_CHANGED], 0);
}

/* After a job: the header, and the steps that show the status. */
void
pecan_claim_wizard_refresh (PecanClaimWizard *self)
{
  apply_editable (self);
  refresh (self);
}
