/* pecan-cpor.h: Claiming Partner of Record customer associations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pecan-store.h"

G_BEGIN_DECLS

/* What identifies the customer in Partner Center. Stored: never renumber. */
typedef enum
{
  PECAN_CPOR_ID_DOMAIN = 0,
  PECAN_CPOR_ID_TENANT = 1,
  PECAN_CPOR_ID_TPID = 2,
  PECAN_CPOR_ID_SUBSCRIPTION = 3,
} PecanCporIdType;

/* Where a claim stands. Stored: never renumber. */
typedef enum
{
  PECAN_CPOR_DRAFT = 0,
  PECAN_CPOR_READY = 1,
  PECAN_CPOR_SUBMITTED = 2,
  PECAN_CPOR_ACTION_REQUIRED = 3,
  PECAN_CPOR_APPROVED = 4,
  PECAN_CPOR_REJECTED = 5,
  PECAN_CPOR_PAID = 6,
} PecanCporStatus;

/* The kinds of proof of execution. Stored: never renumber. */
typedef enum
{
  PECAN_POE_SOW_WET = 0,         /* statement of work, scanned wet signature */
  PECAN_POE_SOW_DIGITAL = 1,     /* statement of work, digitally signed */
  PECAN_POE_TEMPLATE = 2,        /* Microsoft's PoE template, signed */
  PECAN_POE_OTHER = 3,           /* other evidence: emails, tickets ... */
} PecanPoeKind;

/* Days Microsoft gives to answer "partner action required". */
#define PECAN_CPOR_ANSWER_DAYS 14

typedef struct
{
  PecanPoeKind  kind;
  char         *path;
  char         *sha256;          /* of the file when it was added */
  gint64        size;
  gint32        added_on;        /* days since 1970-01-01 */
} PecanPoeDocument;

typedef struct
{
  PecanCporStatus  status;
  gint32           day;          /* when it happened (the date asked, for an
                                  * action required) */
  char            *note;
} PecanCporEvent;

typedef struct
{
  gint64            id;                  /* 0 until saved */
  char             *name;                /* the claim's name, to track it */
  char             *partner_id;          /* the partner's location id (PartnerID) */
  gint64            customer_id;         /* the imported customer, or 0 */
  char             *customer_name;
  char             *tenant_id;           /* the customer's tenant, when known */
  PecanCporIdType   id_type;
  char             *customer_ref;        /* the customer id of that type */
  char             *solution_area;       /* "Modern Work and Security" ... */
  char             *engagement;          /* "Modern Work and Security Usage" ... */
  GStrv             workloads;
  char             *customer_contact_name;
  char             *customer_contact_email;
  char             *customer_contact_title;
  char             *partner_contact_name;
  char             *partner_contact_email;
  gboolean          incentives;          /* payment intended (the usual case) */
  gboolean          opt_out;             /* "recognition only" ticked */
  GArray           *documents;           /* of PecanPoeDocument */
  PecanCporStatus   status;
  GArray           *history;             /* of PecanCporEvent, oldest first */
  char             *notes;
  int               step;                /* the wizard's step reached */
  char             *updated_at;          /* ISO 8601, as saved */
} PecanCporInfo;

/* A problem with a claim, for a person to fix. */
typedef enum
{
  PECAN_CPOR_ERROR,                      /* Partner Center would refuse it */
  PECAN_CPOR_WARNING,                    /* it may be rejected, or is a mistake */
} PecanCporSeverity;

typedef struct
{
  PecanCporSeverity  severity;
  const char        *field;              /* the field it is about: "customer-ref" ... */
  char              *message;
} PecanCporProblem;

#define PECAN_TYPE_CPOR_CLAIM (pecan_cpor_claim_get_type ())

G_DECLARE_FINAL_TYPE (PecanCporClaim, pecan_cpor_claim, PECAN, CPOR_CLAIM, GObject)

void                 pecan_cpor_info_init          (PecanCporInfo        *info);
void                 pecan_cpor_info_clear         (PecanCporInfo        *info);
void                 pecan_cpor_info_copy          (const PecanCporInfo  *info,
                                                    PecanCporInfo        *copy);
void                 pecan_cpor_info_add_document  (PecanCporInfo        *info,
                                                    PecanPoeKind          kind,
                                                    const char           *path,
                                                    const char           *sha256,
                                                    gint64                size,
                                                    gint32                added_on);
gboolean             pecan_cpor_info_is_editable   (const PecanCporInfo  *info);
gint32               pecan_cpor_info_answer_by     (const PecanCporInfo  *info);

PecanCporClaim      *pecan_cpor_claim_new          (const PecanCporInfo  *info);
const PecanCporInfo *pecan_cpor_claim_get_info     (PecanCporClaim       *self);

/* Names, for people and for files. */
const char          *pecan_cpor_id_type_label      (PecanCporIdType       type);
const char          *pecan_cpor_status_label       (PecanCporStatus       status);
const char          *pecan_cpor_status_to_string   (PecanCporStatus       status);
gboolean             pecan_cpor_status_from_string (const char           *text,
                                                    PecanCporStatus      *status);
const char          *pecan_poe_kind_label          (PecanPoeKind          kind);
const char * const  *pecan_cpor_solution_areas     (void);
const char * const  *pecan_cpor_engagements        (const char           *solution_area);
const char * const  *pecan_cpor_workloads          (const char           *solution_area);

/* Checks: pure functions, so that the window checks as a person types. */
gboolean             pecan_cpor_is_guid            (const char           *text);
gboolean             pecan_cpor_is_domain          (const char           *text);
gboolean             pecan_cpor_is_email           (const char           *text);
GPtrArray           *pecan_cpor_check              (const PecanCporInfo  *info,
                                                    const char           *imported_domain,
                                                    gint32                today);
void                 pecan_cpor_problem_free       (PecanCporProblem     *problem);
gboolean             pecan_cpor_can_move           (PecanCporStatus       from,
                                                    PecanCporStatus       to);
char                *pecan_cpor_next_action        (const PecanCporInfo  *info);

/* The database. */
GListModel          *pecan_cpor_list               (PecanStore           *store,
                                                    GError              **error);
PecanCporClaim      *pecan_cpor_load               (PecanStore           *store,
                                                    gint64                id,
                                                    GError              **error);
gboolean             pecan_cpor_save               (PecanStore           *store,
                                                    PecanCporInfo        *info,
                                                    GError              **error);
gboolean             pecan_cpor_set_status         (PecanStore           *store,
                                                    gint64                id,
                                                    PecanCporStatus       status,
                                                    gint32                day,
                                                    const char           *note,
                                                    GError              **error);
gboolean             pecan_cpor_set_notes          (PecanStore           *store,
                                                    gint64                id,
                                                    const char           *notes,
                                                    GError              **error);
gboolean             pecan_cpor_delete             (PecanStore           *store,
                                                    gint64                id,
                                                    GError              **error);
char                *pecan_cpor_imported_domain    (PecanStore           *store,
                                                    const char           *tenant_id);
/* Azure is recognised through Partner Admin Link or Lighthouse, not CPOR:
 * what the wizard routes Azure claims to, and records as done. */
char                *pecan_cpor_link_commands      (const char           *partner_id);
gboolean             pecan_cpor_mark_linked        (PecanStore           *store,
                                                    gint64                customer_id,
                                                    gint32                day,
                                                    GError              **error);
gint32               pecan_cpor_linked_on          (PecanStore           *store,
                                                    gint64                customer_id);

/* The packet: every field in Partner Center's order, in a workbook. */
gboolean             pecan_cpor_export             (PecanStore           *store,
                                                    const PecanCporInfo  *info,
                                                    const char           *path,
                                                    GError              **error);

G_END_DECLS
