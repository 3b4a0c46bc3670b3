/* pecan-coop.h: co-op claims (Microsoft Commerce Incentives), activity to payment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pecan-period.h"
#include "pecan-store.h"

G_BEGIN_DECLS

/* Where a co-op claim stands, as Partner Center says. Stored: never renumber. */
typedef enum
{
  PECAN_COOP_EDITING = 0,
  PECAN_COOP_SUBMITTED = 1,
  PECAN_COOP_DISPUTED = 2,
  PECAN_COOP_ACTION_REQUIRED = 3,
  PECAN_COOP_APPROVED = 4,
  PECAN_COOP_REJECTED = 5,
  PECAN_COOP_PAID = 6,
} PecanCoopStatus;

/* The kinds of document a claim proves itself with. Stored: never renumber. */
typedef enum
{
  PECAN_COOP_INVOICE = 0,
  PECAN_COOP_RECEIPT = 1,          /* proof of payment */
  PECAN_COOP_CONTRACT = 2,         /* signed contract or statement of work */
  PECAN_COOP_EVIDENCE = 3,         /* screenshots, emails, attendance sheets */
  PECAN_COOP_CERTIFICATION = 4,    /* certification statement, for in-house work */
} PecanCoopDocumentKind;

/* Partner Center's eight steps, from signing in to tracking the claim. */
typedef enum
{
  PECAN_COOP_STEP_SIGN_IN,
  PECAN_COOP_STEP_INCENTIVES,
  PECAN_COOP_STEP_COOP_MANAGEMENT,
  PECAN_COOP_STEP_NEW_CLAIM,
  PECAN_COOP_STEP_DETAILS,
  PECAN_COOP_STEP_PROOF,
  PECAN_COOP_STEP_SUBMIT,
  PECAN_COOP_STEP_TRACK,
  PECAN_COOP_N_STEPS,
} PecanCoopStep;

#define PECAN_COOP_DEFAULT_DEADLINE_DAYS 45
#define PECAN_COOP_ANSWER_DAYS 14
#define PECAN_COOP_KEEP_MONTHS 24

typedef struct
{
  PecanCoopDocumentKind  kind;
  char                  *name;          /* what it is: "Invoice 2026-114 from Fabrikam Events" */
  char                  *path;
  char                  *sha256;        /* of the file when it was added */
  gint64                 size;
  gboolean               has_amount;
  gint64                 amount;        /* in the claim's currency, nano-units */
  gint32                 day;           /* its date, days since 1970-01-01 */
} PecanCoopDocument;

typedef struct
{
  PecanCoopStatus  status;
  gint32           day;
  char            *note;
} PecanCoopEvent;

typedef struct
{
  gint64            id;                   /* 0 until saved */
  char             *program;              /* "Microsoft Commerce Incentives" */
  char             *fund_category;        /* "Cloud Solutions Provider" */
  char             *location_id;
  char             *funding_pool;
  int               fiscal_year;          /* Microsoft's: FY2026 runs July 2025 to June 2026 */
  int               half;                 /* 1: H1, July-December; 2: H2, January-June */
  char             *activity_name;
  char             *activity_description;
  gint32            start_day;            /* 0 when not set */
  gint32            end_day;
  gint64            amount;               /* claimed, nano-units */
  char             *currency;
  char             *partner_id;           /* the partner's local Partner ID */
  char             *contact_email;
  GArray           *documents;            /* of PecanCoopDocument */
  PecanCoopStatus   status;
  GArray           *history;              /* of PecanCoopEvent, oldest first */
  gint32            ticked[PECAN_COOP_N_STEPS]; /* steps ticked by hand: when, or 0 */
  char             *notes;
  char             *updated_at;
} PecanCoopInfo;

typedef enum
{
  PECAN_COOP_ERROR,
  PECAN_COOP_WARNING,
} PecanCoopSeverity;

typedef struct
{
  PecanCoopSeverity  severity;
  PecanCoopStep      step;                /* the step it holds back */
  const char        *field;
  char              *message;
} PecanCoopProblem;

/* The funds of one usage period, in one currency. */
typedef struct
{
  int     fiscal_year;
  int     half;
  char   *currency;
  gint64  earned;                         /* entered from Partner Center */
  gint64  claimed;                        /* the claims of the period, but rejected ones */
  gint64  remaining;
  gint32  expires_on;                     /* the claim deadline of the period */
} PecanCoopFunds;

#define PECAN_TYPE_COOP_CLAIM (pecan_coop_claim_get_type ())

G_DECLARE_FINAL_TYPE (PecanCoopClaim, pecan_coop_claim, PECAN, COOP_CLAIM, GObject)

void                 pecan_coop_info_init          (PecanCoopInfo        *info);
void                 pecan_coop_info_clear         (PecanCoopInfo        *info);
void                 pecan_coop_info_copy          (const PecanCoopInfo  *info,
                                                    PecanCoopInfo        *copy);
void                 pecan_coop_info_add_document  (PecanCoopInfo        *info,
                                                    const PecanCoopDocument *document);
gboolean             pecan_coop_info_is_editable   (const PecanCoopInfo  *info);
gint32               pecan_coop_info_answer_by     (const PecanCoopInfo  *info);
gint32               pecan_coop_info_keep_until    (const PecanCoopInfo  *info);
PecanCoopClaim      *pecan_coop_claim_new          (const PecanCoopInfo  *info);
const PecanCoopInfo *pecan_coop_claim_get_info     (PecanCoopClaim       *self);

/* Usage periods and their deadline. */
void                 pecan_coop_usage_period       (int                   fiscal_year,
                                                    int                   half,
                                                    PecanPeriod          *period);
gboolean             pecan_coop_period_of_day      (gint32                day,
                                                    int                  *fiscal_year,
                                                    int                  *half);
gint32               pecan_coop_deadline           (int                   fiscal_year,
                                                    int                   half,
                                                    int                   deadline_days);
char                *pecan_coop_period_label       (int                   fiscal_year,
                                                    int                   half);

/* Names, for people and files. */
const char          *pecan_coop_status_label       (PecanCoopStatus       status);
const char          *pecan_coop_status_to_string   (PecanCoopStatus       status);
gboolean             pecan_coop_status_from_string (const char           *text,
                                                    PecanCoopStatus      *status);
const char          *pecan_coop_document_label     (PecanCoopDocumentKind kind);
const char          *pecan_coop_step_label         (PecanCoopStep         step);
gboolean             pecan_coop_step_is_manual     (PecanCoopStep         step);

/* The rules: pure functions of the claim. @others are the other claims,
 * for the one-claim-per-activity rule (may be NULL). */
gboolean             pecan_coop_is_business_email  (const char           *email);
GPtrArray           *pecan_coop_check              (const PecanCoopInfo  *info,
                                                    GListModel           *others,
                                                    int                   deadline_days,
                                                    gint32                today);
void                 pecan_coop_problem_free       (PecanCoopProblem     *problem);
gboolean             pecan_coop_step_done          (const PecanCoopInfo  *info,
                                                    GPtrArray            *problems,
                                                    PecanCoopStep         step);
gboolean             pecan_coop_can_move           (PecanCoopStatus       from,
                                                    PecanCoopStatus       to);
char                *pecan_coop_next_action        (const PecanCoopInfo  *info,
                                                    int                   deadline_days,
                                                    gint32                today);

/* The database. */
int                  pecan_coop_get_deadline_days  (PecanStore           *store);
gboolean             pecan_coop_set_deadline_days  (PecanStore           *store,
                                                    int                   days,
                                                    GError              **error);
GListModel          *pecan_coop_list               (PecanStore           *store,
                                                    GError              **error);
PecanCoopClaim      *pecan_coop_load               (PecanStore           *store,
                                                    gint64                id,
                                                    GError              **error);
gboolean             pecan_coop_save               (PecanStore           *store,
                                                    PecanCoopInfo        *info,
                                                    GError              **error);
gboolean             pecan_coop_set_status         (PecanStore           *store,
                                                    gint64                id,
                                                    PecanCoopStatus       status,
                                                    gint32                day,
                                                    const char           *note,
                                                    GError              **error);
gboolean             pecan_coop_tick               (PecanStore           *store,
                                                    gint64                id,
                                                    PecanCoopStep         step,
                                                    gint32                day,
                                                    GError              **error);
gboolean             pecan_coop_set_notes          (PecanStore           *store,
                                                    gint64                id,
                                                    const char           *notes,
                                                    GError              **error);
gboolean             pecan_coop_delete             (PecanStore           *store,
                                                    gint64                id,
                                                    GError              **error);
gboolean             pecan_coop_set_funds          (PecanStore           *store,
                                                    int                   fiscal_year,
                                                    int                   half,
                                                    const char           *currency,
                                                    gint64                earned,
                                                    GError              **error);
GArray              *pecan_coop_funds              (PecanStore           *store,
                                                    GError              **error);

gboolean             pecan_coop_export             (PecanStore           *store,
                                                    const PecanCoopInfo  *info,
                                                    const char           *path,
                                                    GError              **error);

G_END_DECLS
