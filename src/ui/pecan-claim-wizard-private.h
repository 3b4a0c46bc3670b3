/* pecan-claim-wizard-private.h: what the claim wizard's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pecan-claim-wizard.h"
#include "pecan-cpor.h"

G_BEGIN_DECLS

/* The steps, in the order the wizard walks them. */
typedef enum
{
  STEP_ROUTE,
  STEP_CUSTOMER,
  STEP_WORKLOADS,
  STEP_CONTACTS,
  STEP_DOCUMENTS,
  STEP_REVIEW,
  N_STEPS
} Step;

/* The text fields typed in entries, each with the message under it. */
typedef enum
{
  FIELD_NAME,
  FIELD_PARTNER_ID,
  FIELD_CUSTOMER_NAME,
  FIELD_CUSTOMER_REF,
  FIELD_CUSTOMER_CONTACT_NAME,
  FIELD_CUSTOMER_CONTACT_EMAIL,
  FIELD_CUSTOMER_CONTACT_TITLE,
  FIELD_PARTNER_CONTACT_NAME,
  FIELD_PARTNER_CONTACT_EMAIL,
  N_FIELDS
} Field;

/* What the wizard asks the database to do, one at a time, in order. */
typedef enum
{
  JOB_SAVE,
  JOB_STATUS,
  JOB_NOTES,
  JOB_EXPORT,
} JobKind;

typedef struct
{
  JobKind          kind;
  PecanCporStatus  status;       /* JOB_STATUS */
  gint32           day;          /* JOB_STATUS */
  char            *note;         /* JOB_STATUS */
  char            *path;         /* JOB_EXPORT */
} Job;

struct _PecanClaimWizard
{
  GtkWindow            parent_instance;

  PecanSession        *session;
  GSettings           *settings;
  GCancellable        *cancellable;        /* the reads; cancelled when closed */
  PecanCporInfo        info;               /* the claim as typed so far */
  GPtrArray           *problems;           /* of PecanCporProblem */
  gint32               today;
  char                *route;              /* "modern-work", "business-apps", "azure", "coop" or "" */
  char                *suggested_name;     /* the claim name last suggested */
  gboolean             syncing;            /* widgets being filled from info */
  gboolean             dirty;              /* info changed since the last save began */
  gboolean             notes_dirty;
  gboolean             touched[N_FIELDS];  /* typed in: its message shows */
  Step                 step;

  /* The database jobs: one runs, the others wait. */
  GQueue               jobs;
  gboolean             job_running;
  gboolean             closing;            /* destroy when the jobs are done */

  /* Step 1 and 2: the imported customers. */
  GListStore          *customers;          /* of PecanClient */
  char                *customer_query;     /* casefolded, or NULL */
  char                *imported_domain;    /* of info.tenant_id, as imported */
  char                *domain_tenant;      /* the tenant imported_domain is for */
  GCancellable        *domain_cancellable;
  gint32               linked_on;          /* the Azure customer's link day, or 0 */

  /* Step 3: the evidence of usage. */
  gint64               evidence_customer;  /* whose evidence shows, or 0 */
  GCancellable        *evidence_cancellable;

  /* Step 5: the documents being hashed. */
  guint                hashing;

  /* Template widgets */
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkButton           *back_button;
  GtkButton           *next_button;
  GtkRevealer         *banner_revealer;
  GtkLabel            *banner_label;
  GtkRevealer         *message_revealer;
  GtkLabel            *message_label;
  GtkListBox          *steps_list;
  GtkStack            *steps_stack;
  GtkEntry            *entries[N_FIELDS];
  GtkLabel            *messages[N_FIELDS];

  /* Step 1 */
  GtkStack            *route_stack;
  GtkEntry            *azure_partner_entry;
  GtkLabel            *commands_label;
  GtkDropDown         *azure_customer_dropdown;
  GtkButton           *mark_linked_button;
  GtkLabel            *linked_label;

  /* Step 2 */
  GtkStack            *source_stack;
  GtkSearchEntry      *customer_search;
  GtkColumnView       *customers_view;
  GtkSingleSelection  *customers_selection;
  GtkFilterListModel  *customers_filter_model;
  GtkCustomFilter     *customers_filter;
  GtkLabel            *customers_none_label;
  GtkDropDown         *id_type_dropdown;

  /* Step 3 */
  GtkDropDown         *area_dropdown;
  GtkDropDown         *engagement_dropdown;
  GtkFlowBox          *workloads_box;
  GtkLabel            *workloads_message;
  GtkLabel            *evidence_title;
  GtkStack            *evidence_stack;
  GtkListBox          *evidence_list;
  GtkLabel            *evidence_none_label;

  /* Step 5 */
  GtkListBox          *documents_list;
  GtkWidget           *documents_drop_area;
  GtkWidget           *hashing_box;
  GtkSpinner          *hashing_spinner;
  GtkBox              *missing_box;
  GtkCheckButton      *opt_out_check;
  GtkRevealer         *opt_out_revealer;
  GtkCheckButton      *recognition_check;

  /* Step 6 */
  GtkLabel            *status_label;
  GtkButton           *change_status_button;
  GtkBox              *review_box;
  GtkLabel            *review_problems_title;
  GtkImage            *review_problems_icon;
  GtkListBox          *review_problems_list;
  GtkTextView         *notes_view;
  GtkButton           *ready_button;
  GtkButton           *draft_button;
  GtkButton           *submitted_button;
};

/* pecan-claim-wizard.c */
const char *pecan_claim_wizard_step_title    (Step              step);
Step        pecan_claim_wizard_field_step    (const char       *field);
void        pecan_claim_wizard_changed       (PecanClaimWizard *self);
void        pecan_claim_wizard_go_to         (PecanClaimWizard *self,
                                              Step              step);
gboolean    pecan_claim_wizard_has_errors    (PecanClaimWizard *self,
                                              int               step);
void        pecan_claim_wizard_show_message  (PecanClaimWizard *self,
                                              const char       *text,
                                              gboolean          error);
gboolean    pecan_claim_wizard_is_cpor_route (PecanClaimWizard *self);
void        pecan_claim_wizard_set_string    (char            **field,
                                              const char       *value);
void        pecan_claim_wizard_refresh       (PecanClaimWizard *self);
void        pecan_claim_wizard_settle        (PecanClaimWizard *self);
void        pecan_claim_wizard_emit_changed  (PecanClaimWizard *self);

/* pecan-claim-wizard-jobs.c */
void        pecan_claim_wizard_queue         (PecanClaimWizard *self,
                                              JobKind           kind,
                                              PecanCporStatus   status,
                                              gint32            day,
                                              const char       *text);
void        pecan_claim_wizard_run_read      (PecanClaimWizard *self,
                                              GObject        *(*func) (PecanStore    *store,
                                                                       gpointer       data,
                                                                       GCancellable  *cancellable,
                                                                       GError       **error),
                                              gpointer          data,
                                              GDestroyNotify    data_free,
                                              GCancellable     *cancellable,
                                              void            (*done) (PecanClaimWizard *self,
                                                                       GObject          *result,
                                                                       const GError     *error));
void        pecan_claim_wizard_load_customers (PecanClaimWizard *self);
void        pecan_claim_wizard_load_domain    (PecanClaimWizard *self);

/* pecan-claim-wizard-route.c */
void        pecan_claim_wizard_class_init_route (GtkWidgetClass   *widget_class);
void        pecan_claim_wizard_init_route       (PecanClaimWizard *self);
void        pecan_claim_wizard_sync_route       (PecanClaimWizard *self);
void        pecan_claim_wizard_set_route        (PecanClaimWizard *self,
                                                 const char       *route);

/* pecan-claim-wizard-customer.c */
void        pecan_claim_wizard_class_init_customer (GtkWidgetClass   *widget_class);
void        pecan_claim_wizard_init_customer       (PecanClaimWizard *self);
void        pecan_claim_wizard_sync_customer       (PecanClaimWizard *self);
void        pecan_claim_wizard_customers_loaded    (PecanClaimWizard *self);
void        pecan_claim_wizard_suggest_name        (PecanClaimWizard *self);
const char *pecan_claim_wizard_get_customer_source (PecanClaimWizard *self);
void        pecan_claim_wizard_set_customer_source (PecanClaimWizard *self,
                                                    const char       *source);

/* pecan-claim-wizard-fields.c */
void        pecan_claim_wizard_class_init_fields (GtkWidgetClass   *widget_class);
void        pecan_claim_wizard_sync_fields       (PecanClaimWizard *self);
void        pecan_claim_wizard_update_messages   (PecanClaimWizard *self);
char       *pecan_claim_wizard_field_message     (PecanClaimWizard  *self,
                                                  const char        *field,
                                                  PecanCporSeverity *severity);

/* pecan-claim-wizard-workloads.c */
void        pecan_claim_wizard_class_init_workloads (GtkWidgetClass   *widget_class);
void        pecan_claim_wizard_init_workloads       (PecanClaimWizard *self);
void        pecan_claim_wizard_sync_workloads       (PecanClaimWizard *self);
void        pecan_claim_wizard_set_solution_area    (PecanClaimWizard *self,
                                                     const char       *area);
void        pecan_claim_wizard_update_evidence      (PecanClaimWizard *self);

/* pecan-claim-wizard-documents.c */
void        pecan_claim_wizard_class_init_documents (GtkWidgetClass   *widget_class);
void        pecan_claim_wizard_init_documents       (PecanClaimWizard *self);
void        pecan_claim_wizard_sync_documents       (PecanClaimWizard *self);
void        pecan_claim_wizard_update_missing       (PecanClaimWizard *self);

/* pecan-claim-wizard-review.c */
void        pecan_claim_wizard_class_init_review (GtkWidgetClass   *widget_class);
void        pecan_claim_wizard_update_review     (PecanClaimWizard *self);
void        pecan_claim_wizard_sync_notes        (PecanClaimWizard *self);

G_END_DECLS
