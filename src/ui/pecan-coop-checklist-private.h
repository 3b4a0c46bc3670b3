/* pecan-coop-checklist-private.h: what the co-op checklist's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pecan-coop-checklist.h"

G_BEGIN_DECLS

/* The pages of the steps the claim's data proves, from the fourth on:
 * the first three happen in Partner Center and are only ticked. */
typedef enum
{
  PAGE_NEW_CLAIM,
  PAGE_DETAILS,
  PAGE_PROOF,
  PAGE_SUBMIT,
  PAGE_TRACK,
  N_PAGES
} Page;

#define PAGE_STEP(page) ((PecanCoopStep) ((page) + PECAN_COOP_STEP_NEW_CLAIM))
#define STEP_PAGE(step) ((Page) ((step) - PECAN_COOP_STEP_NEW_CLAIM))

/* The text fields typed in entries, each with the message under it. */
typedef enum
{
  FIELD_PROGRAM,
  FIELD_FUND_CATEGORY,
  FIELD_LOCATION_ID,
  FIELD_FUNDING_POOL,
  FIELD_ACTIVITY_NAME,
  FIELD_CURRENCY,
  FIELD_PARTNER_ID,
  FIELD_CONTACT_EMAIL,
  N_FIELDS
} Field;

/* What the checklist asks the database to do, one at a time, in order. */
typedef enum
{
  JOB_SAVE,
  JOB_STATUS,
  JOB_TICK,
  JOB_NOTES,
  JOB_EXPORT,
} JobKind;

typedef struct
{
  JobKind        kind;
  int            status;       /* JOB_STATUS: a PecanCoopStatus */
  PecanCoopStep  step;         /* JOB_TICK */
  gint32         day;          /* JOB_STATUS, JOB_TICK */
  char          *text;         /* the note of JOB_STATUS, the file of JOB_EXPORT */
} Job;

/* A document's file, as found when the claim opened. */
typedef enum
{
  FILE_CHECKING,
  FILE_SAME,
  FILE_CHANGED,                /* its SHA-256 differs from the one kept */
  FILE_MISSING,                /* nothing at its path any more */
} FileState;

typedef struct
{
  FileState  state;
  char      *sha256;           /* FILE_CHANGED: the file's now */
  gint64     size;
} FileCheck;

struct _PecanCoopChecklist
{
  GtkWindow         parent_instance;

  PecanSession     *session;
  GCancellable     *cancellable;        /* the reads; cancelled when closed */
  PecanCoopInfo     info;               /* the claim as typed so far */
  GPtrArray        *problems;           /* of PecanCoopProblem */
  GListModel       *others;             /* the other claims, for the one-per-activity rule */
  int               deadline_days;
  gint32            today;
  Page              page;
  gboolean          syncing;            /* widgets being filled from info */
  gboolean          dirty;              /* info changed since the last save began */
  gboolean          notes_dirty;        /* notes of a claim that is only read */
  gboolean          touched[N_FIELDS];  /* typed in: its message shows */
  gboolean          amount_touched;
  gboolean          amount_invalid;     /* the amount typed is not a number */
  guint             save_source;        /* a save a moment after typing stops */

  /* The database jobs: one runs, the others wait. */
  GQueue            jobs;
  gboolean          job_running;
  gboolean          closing;            /* destroy when the jobs are done */
  guint             reading;            /* reads running */

  /* The documents being read, and what their files are now. */
  guint             hashing;
  GHashTable       *files;              /* path → FileCheck */

  /* Template widgets */
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkRevealer      *banner_revealer;
  GtkImage         *banner_icon;
  GtkLabel         *banner_label;
  GtkRevealer      *message_revealer;
  GtkLabel         *message_label;
  GtkListBox       *steps_list;
  GtkStack         *pages_stack;
  GtkLabel         *deadline_label;
  GtkWidget        *deadline_badge;
  GtkWidget        *answer_box;
  GtkLabel         *answer_label;
  GtkWidget        *answer_badge;
  GtkBox           *step_cards[N_PAGES];
  GtkWidget        *forms[N_PAGES];

  /* New claim and details */
  GtkEntry         *entries[N_FIELDS];
  GtkLabel         *messages[N_FIELDS];
  GtkSpinButton    *year_spin;
  GtkDropDown      *half_dropdown;
  GtkLabel         *period_label;
  GtkLabel         *period_message;
  GtkTextView      *description_view;
  GtkLabel         *description_message;
  GtkMenuButton    *start_button;
  GtkCalendar      *start_calendar;
  GtkMenuButton    *end_button;
  GtkCalendar      *end_calendar;
  GtkLabel         *dates_message;
  GtkEntry         *amount_entry;
  GtkLabel         *amount_message;

  /* Proof of execution */
  GtkListBox       *documents_list;
  GtkWidget        *documents_drop_area;
  GtkWidget        *hashing_box;
  GtkSpinner       *hashing_spinner;
  GtkLabel         *keep_label;
  GtkLabel         *totals_label;

  /* Review and submit */
  GtkImage         *review_icon;
  GtkLabel         *review_title;
  GtkListBox       *review_problems;
  GtkBox           *review_box;
  GtkButton        *submit_button;
  GtkLabel         *submitted_label;

  /* Track */
  GtkImage         *status_icon;
  GtkLabel         *status_title;
  GtkLabel         *status_since;
  GtkButton        *change_status_button;
  GtkWidget        *answer_card;
  GtkLabel         *answer_card_label;
  GtkWidget        *answer_card_badge;
  GtkListBox       *history_list;
  GtkTextView      *notes_view;
};

/* pecan-coop-checklist.c */
const char *pecan_coop_checklist_page_title  (Page                  page);
void        pecan_coop_checklist_changed     (PecanCoopChecklist   *self);
void        pecan_coop_checklist_refresh     (PecanCoopChecklist   *self);
void        pecan_coop_checklist_go_to       (PecanCoopChecklist   *self,
                                              Page                  page);
void        pecan_coop_checklist_show_message (PecanCoopChecklist  *self,
                                               const char          *text,
                                               gboolean             error);
void        pecan_coop_checklist_settle      (PecanCoopChecklist   *self);
void        pecan_coop_checklist_emit_changed (PecanCoopChecklist  *self);
void        pecan_coop_checklist_set_string  (char                **field,
                                              const char           *value);
gboolean    pecan_coop_checklist_has_errors  (PecanCoopChecklist   *self,
                                              gboolean              but_tracking);
const char *pecan_coop_checklist_field_message (PecanCoopChecklist *self,
                                                const char         *field,
                                                PecanCoopSeverity  *severity);
void        pecan_coop_checklist_set_class   (GtkWidget            *widget,
                                              const char           *css_class,
                                              gboolean              on);
GtkWidget  *pecan_coop_checklist_problem_row (const char           *message,
                                              PecanCoopSeverity     severity);

/* pecan-coop-checklist-steps.c */
void        pecan_coop_checklist_init_steps    (PecanCoopChecklist *self);
void        pecan_coop_checklist_update_steps  (PecanCoopChecklist *self);
void        pecan_coop_checklist_class_init_steps (GtkWidgetClass  *widget_class);

/* pecan-coop-checklist-fields.c */
void        pecan_coop_checklist_class_init_fields (GtkWidgetClass     *widget_class);
void        pecan_coop_checklist_init_fields       (PecanCoopChecklist *self);
void        pecan_coop_checklist_sync_fields       (PecanCoopChecklist *self);
void        pecan_coop_checklist_update_fields     (PecanCoopChecklist *self);
gboolean    pecan_coop_checklist_field_shown       (PecanCoopChecklist *self,
                                                    Page                page,
                                                    const char         *field);

/* pecan-coop-checklist-documents.c */
void        pecan_coop_checklist_class_init_documents (GtkWidgetClass     *widget_class);
void        pecan_coop_checklist_init_documents       (PecanCoopChecklist *self);
void        pecan_coop_checklist_sync_documents       (PecanCoopChecklist *self);
void        pecan_coop_checklist_update_documents     (PecanCoopChecklist *self);
void        pecan_coop_checklist_check_files          (PecanCoopChecklist *self);
char       *pecan_coop_checklist_file_problem         (PecanCoopChecklist      *self,
                                                       const PecanCoopDocument *document);

/* pecan-coop-checklist-rows.c */
const char *pecan_coop_checklist_kind_title          (PecanCoopDocumentKind    kind);
GtkWidget  *pecan_coop_checklist_document_row_new    (PecanCoopChecklist      *self,
                                                      const PecanCoopDocument *document,
                                                      guint                    index);
void        pecan_coop_checklist_update_document_row (PecanCoopChecklist      *self,
                                                      GtkWidget               *grid,
                                                      const PecanCoopDocument *document);

/* pecan-coop-checklist-review.c */
void        pecan_coop_checklist_class_init_review (GtkWidgetClass      *widget_class);
void        pecan_coop_checklist_update_review     (PecanCoopChecklist  *self);
gint32      pecan_coop_checklist_status_day        (const PecanCoopInfo *info,
                                                    PecanCoopStatus      status);
void        pecan_coop_checklist_move_to           (PecanCoopChecklist  *self,
                                                    PecanCoopStatus      status,
                                                    gint32               day,
                                                    const char          *note);

/* pecan-coop-checklist-track.c */
void        pecan_coop_checklist_class_init_track  (GtkWidgetClass      *widget_class);
void        pecan_coop_checklist_init_track        (PecanCoopChecklist  *self);
void        pecan_coop_checklist_update_track      (PecanCoopChecklist  *self);
void        pecan_coop_checklist_sync_notes        (PecanCoopChecklist  *self);

/* pecan-coop-checklist-jobs.c */
void        pecan_coop_checklist_queue     (PecanCoopChecklist *self,
                                            JobKind             kind,
                                            int                 status,
                                            PecanCoopStep       step,
                                            gint32              day,
                                            const char         *text);
void        pecan_coop_checklist_save_soon (PecanCoopChecklist *self);
void        pecan_coop_checklist_flush     (PecanCoopChecklist *self);
void        pecan_coop_checklist_load_context (PecanCoopChecklist *self);

G_END_DECLS
