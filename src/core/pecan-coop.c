/* pecan-coop.c: co-op claims (Microsoft Commerce Incentives), activity to payment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A co-op claim as Partner Center's Co-op management asks for it (see
 * CLAIMS.md in the project's references), the rules that get claims paid,
 * and the eight steps of the portal as a checklist. Funds run by half
 * years of Microsoft's fiscal year (FY2026: July 2025 to June 2026): H1 is
 * July to December, H2 January to June; a claim is due some days (45 by
 * default) after its usage period ends. The SQL is in pecan-store-coop.c,
 * the claim pack in pecan-coop-export.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pecan-coop.h"
#include "pecan-cpor.h"
#include "pecan-parse.h"

struct _PecanCoopClaim
{
  GObject       parent_instance;
  PecanCoopInfo info;
};

G_DEFINE_FINAL_TYPE (PecanCoopClaim, pecan_coop_claim, G_TYPE_OBJECT)

static void
pecan_coop_claim_finalize (GObject *object)
{
  pecan_coop_info_clear (&PECAN_COOP_CLAIM (object)->info);
  G_OBJECT_CLASS (pecan_coop_claim_parent_class)->finalize (object);
}

static void
pecan_coop_claim_class_init (PecanCoopClaimClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pecan_coop_claim_finalize;
}

static void
pecan_coop_claim_init (PecanCoopClaim *self)
{
}

static void
document_clear (gpointer data)
{
  PecanCoopDocument *document = data;

  g_clear_pointer (&document->name, g_free);
  g_clear_pointer (&document->path, g_free);
  g_clear_pointer (&document->sha256, g_free);
}

static void
event_clear (gpointer data)
{
  g_clear_pointer (&((PecanCoopEvent *) data)->note, g_free);
}

/**
 * pecan_coop_info_init:
 * @info: (out caller-allocates): a new claim, being edited, for the
 *   Microsoft Commerce Incentives program's CSP funds; free with
 *   pecan_coop_info_clear()
 */
void
pecan_coop_info_init (PecanCoopInfo *info)
{
  memset (info, 0, sizeof *info);
  info->program = g_strdup ("Microsoft Commerce Incentives");
  info->fund_category = g_strdup ("Cloud Solutions Provider");
  info->status = PECAN_COOP_EDITING;
  info->documents = g_array_new (FALSE, TRUE, sizeof (PecanCoopDocument));
  g_array_set_clear_func (info->documents, document_clear);
  info->history = g_array_new (FALSE, TRUE, sizeof (PecanCoopEvent));
  g_array_set_clear_func (info->history, event_clear);
}

void
pecan_coop_info_clear (PecanCoopInfo *info)
{
  g_clear_pointer (&info->program, g_free);
  g_clear_pointer (&info->fund_category, g_free);
  g_clear_pointer (&info->location_id, g_free);
  g_clear_pointer (&info->funding_pool, g_free);
  g_clear_pointer (&info->activity_name, g_free);
  g_clear_pointer (&info->activity_description, g_free);
  g_clear_pointer (&info->currency, g_free);
  g_clear_pointer (&info->partner_id, g_free);
  g_clear_pointer (&info->contact_email, g_free);
  g_clear_pointer (&info->documents, g_array_unref);
  g_clear_pointer (&info->history, g_array_unref);
  g_clear_pointer (&info->notes, g_free);
  g_clear_pointer (&info->updated_at, g_free);
}

void
pecan_coop_info_copy (const PecanCoopInfo *info,
                      PecanCoopInfo       *copy)
{
  pecan_coop_info_init (copy);
  g_free (copy->program);
  g_free (copy->fund_category);
  copy->id = info->id;
  copy->program = g_strdup (info->program);
  copy->fund_category = g_strdup (info->fund_category);
  copy->location_id = g_strdup (info->location_id);
  copy->funding_pool = g_strdup (info->funding_pool);
  copy->fiscal_year = info->fiscal_year;
  copy->half = info->half;
  copy->activity_name = g_strdup (info->activity_name);
  copy->activity_description = g_strdup (info->activity_description);
  copy->start_day = info->start_day;
  copy->end_day = info->end_day;
  copy->amount = info->amount;
  copy->currency = g_strdup (info->currency);
  copy->partner_id = g_strdup (info->partner_id);
  copy->contact_email = g_strdup (info->contact_email);
  for (guint i = 0; i < info->documents->len; i++)
    pecan_coop_info_add_document (copy, &g_array_index (info->documents, PecanCoopDocument, i));
  copy->status = info->status;
  for (guint i = 0; i < info->history->len; i++)
    {
      const PecanCoopEvent *e = &g_array_index (info->history, PecanCoopEvent, i);
      PecanCoopEvent event = { e->status, e->day, g_strdup (e->note) };
      g_array_append_val (copy->history, event);
    }
  memcpy (copy->ticked, info->ticked, sizeof copy->ticked);
  copy->notes = g_strdup (info->notes);
  copy->updated_at = g_strdup (info->updated_at);
}

/**
 * pecan_coop_info_add_document:
 * @info: a claim
 * @document: a document; copied
 */
void
pecan_coop_info_add_document (PecanCoopInfo           *info,
                              const PecanCoopDocument *document)
{
  PecanCoopDocument copy = *document;

  copy.name = g_strdup (document->name);
  copy.path = g_strdup (document->path);
  copy.sha256 = g_strdup (document->sha256);
  g_array_append_val (info->documents, copy);
}

/**
 * pecan_coop_info_is_editable:
 * @info: a claim
 *
 * Returns: whether its fields may change: while it is being edited, and
 *   again when a reviewer asks for more (partner action required)
 */
gboolean
pecan_coop_info_is_editable (const PecanCoopInfo *info)
{
  return info->status == PECAN_COOP_EDITING || info->status == PECAN_COOP_ACTION_REQUIRED;
}

/**
 * pecan_coop_info_answer_by:
 * @info: a claim
 *
 * Returns: for a claim on which a reviewer asked for partner action, the
 *   last day to answer (14 days after the request); otherwise 0
 */
gint32
pecan_coop_info_answer_by (const PecanCoopInfo *info)
{
  if (info->status != PECAN_COOP_ACTION_REQUIRED)
    return 0;
  for (guint i = info->history->len; i > 0; i--)
    {
      const PecanCoopEvent *event = &g_array_index (info->history, PecanCoopEvent, i - 1);

      if (event->status == PECAN_COOP_ACTION_REQUIRED)
        return event->day + PECAN_COOP_ANSWER_DAYS;
    }
  return 0;
}

/**
 * pecan_coop_info_keep_until:
 * @info: a claim
 *
 * Returns: the day until which its documents must be kept: 24 months from
 *   the activity (its last day), or 0 when its dates are not set
 */
gint32
pecan_coop_info_keep_until (const PecanCoopInfo *info)
{
  int y, m, d;

  if (info->end_day == 0)
    return 0;
  pecan_day_to_ymd (info->end_day, &y, &m, &d);
  y += PECAN_COOP_KEEP_MONTHS / 12;
  /* The 29th of February becomes the 28th in a year without it. */
  return pecan_day_from_ymd (y, m, MIN (d, pecan_month_last_day (y, m)
                                             - pecan_day_from_ymd (y, m, 1) + 1));
}

PecanCoopClaim *
pecan_coop_claim_new (const PecanCoopInfo *info)
{
  PecanCoopClaim *self = g_object_new (PECAN_TYPE_COOP_CLAIM, NULL);

  pecan_coop_info_copy (info, &self->info);
  return self;
}

const PecanCoopInfo *
pecan_coop_claim_get_info (PecanCoopClaim *self)
{
  g_return_val_if_fail (PECAN_IS_COOP_CLAIM (self), NULL);
  return &self->info;
}

/**
 * pecan_coop_usage_period:
 * @fiscal_year: a Microsoft fiscal year: 2026 runs July 2025 to June 2026
 * @half: 1 (H1, July to December) or 2 (H2, January to June)
 * @period: (out): its days
 */
void
pecan_coop_usage_period (int          fiscal_year,
                         int          half,
                         PecanPeriod *period)
{
  int year = half == 1 ? fiscal_year - 1 : fiscal_year;
  int first = half == 1 ? 7 : 1;

  period->first = pecan_day_from_ymd (year, first, 1);
  period->last = pecan_month_last_day (year, first + 5);
}

/**
 * pecan_coop_period_of_day:
 * @day: a day
 * @fiscal_year: (out): the fiscal year it falls in
 * @half: (out): and its half
 *
 * Returns: %TRUE
 */
gboolean
pecan_coop_period_of_day (gint32  day,
                          int    *fiscal_year,
                          int    *half)
{
  int y, m, d;

  pecan_day_to_ymd (day, &y, &m, &d);
  *fiscal_year = m >= 7 ? y + 1 : y;
  *half = m >= 7 ? 1 : 2;
  return TRUE;
}

/**
 * pecan_coop_deadline:
 * @fiscal_year: a fiscal year
 * @half: its half
 * @deadline_days: the days after the usage period's end that claims are
 *   due (a setting: 45 by default)
 *
 * Returns: the last day to claim the period's funds
 */
gint32
pecan_coop_deadline (int fiscal_year,
                     int half,
                     int deadline_days)
{
  PecanPeriod period;

  pecan_coop_usage_period (fiscal_year, half, &period);
  return period.last + deadline_days;
}

/**
 * pecan_coop_period_label:
 * @fiscal_year: a fiscal year
 * @half: its half
 *
 * Returns: (transfer full): "FY2026 H1 (July–December 2025)"
 */
char *
pecan_coop_period_label (int fiscal_year,
                         int half)
{
  if (half == 1)
    /* TRANSLATORS: a co-op usage period; %d the fiscal year, then the calendar year */
    return g_strdup_printf (_("FY%d H1 (July–December %d)"), fiscal_year, fiscal_year - 1);
  /* TRANSLATORS: a co-op usage period; %d the fiscal year, then the calendar year */
  return g_strdup_printf (_("FY%d H2 (January–June %d)"), fiscal_year, fiscal_year);
}

static const char * const status_names[] = {
  [PECAN_COOP_EDITING] = "editing",
  [PECAN_COOP_SUBMITTED] = "submitted",
  [PECAN_COOP_DISPUTED] = "disputed",
  [PECAN_COOP_ACTION_REQUIRED] = "action-required",
  [PECAN_COOP_APPROVED] = "approved",
  [PECAN_COOP_REJECTED] = "rejected",
  [PECAN_COOP_PAID] = "paid",
};

const char *
pecan_coop_status_to_string (PecanCoopStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
pecan_coop_status_from_string (const char      *text,
                               PecanCoopStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

const char *
pecan_coop_status_label (PecanCoopStatus status)
{
  switch (status)
    {
    case PECAN_COOP_EDITING:
      return C_("claim", "Editing");
    case PECAN_COOP_SUBMITTED:
      return C_("claim", "Submitted");
    case PECAN_COOP_DISPUTED:
      return C_("claim", "Disputed");
    case PECAN_COOP_ACTION_REQUIRED:
      return C_("claim", "Partner action required");
    case PECAN_COOP_APPROVED:
      return C_("claim", "Approved");
    case PECAN_COOP_REJECTED:
      return C_("claim", "Rejected");
    case PECAN_COOP_PAID:
      return C_("claim", "Paid");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
pecan_coop_document_label (PecanCoopDocumentKind kind)
{
  switch (kind)
    {
    case PECAN_COOP_INVOICE:
      return _("Invoice");
    case PECAN_COOP_RECEIPT:
      return _("Payment receipt");
    case PECAN_COOP_CONTRACT:
      return _("Signed contract or statement of work");
    case PECAN_COOP_EVIDENCE:
      return _("Evidence of the activity (screenshots, emails, attendance sheets)");
    case PECAN_COOP_CERTIFICATION:
      return _("Certification statement, for in-house work");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
pecan_coop_step_label (PecanCoopStep step)
{
  switch (step)
    {
    case PECAN_COOP_STEP_SIGN_IN:
      return _("Sign in to Partner Center");
    case PECAN_COOP_STEP_INCENTIVES:
      return _("Open Incentives");
    case PECAN_COOP_STEP_COOP_MANAGEMENT:
      return _("Open Co-op management");
    case PECAN_COOP_STEP_NEW_CLAIM:
      return _("Create a new claim: program, fund, location, usage period");
    case PECAN_COOP_STEP_DETAILS:
      return _("Claim details: activity, dates, amount");
    case PECAN_COOP_STEP_PROOF:
      return _("Proof of execution");
    case PECAN_COOP_STEP_SUBMIT:
      return _("Review and submit");
    case PECAN_COOP_STEP_TRACK:
      return _("Track the claim to payment");
    case PECAN_COOP_N_STEPS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * pecan_coop_step_is_manual:
 * @step: a step
 *
 * Returns: whether only the user can say it is done (in the portal),
 *   rather than the claim's data proving it
 */
gboolean
pecan_coop_step_is_manual (PecanCoopStep step)
{
  return step == PECAN_COOP_STEP_SIGN_IN || step == PECAN_COOP_STEP_INCENTIVES
         || step == PECAN_COOP_STEP_COOP_MANAGEMENT;
}

/**
 * pecan_coop_is_business_email:
 * @email: an email address
 *
 * Returns: whether it is a valid address outside the free mail services,
 *   which co-op claims do not accept for their contact
 */
gboolean
pecan_coop_is_business_email (const char *email)
{
  static const char * const free_mail[] = {
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
    "yahoo.com", "ymail.com", "aol.com", "icloud.com", "me.com", "mail.com", "gmx.com",
    "gmx.de", "gmx.net", "web.de", "proton.me", "protonmail.com", "yandex.com", "yandex.ru",
    "qq.com", "163.com", "zoho.com", NULL,
  };
  const char *domain;

  if (!pecan_cpor_is_email (email))
    return FALSE;
  domain = strchr (email, '@') + 1;
  for (guint i = 0; free_mail[i] != NULL; i++)
    if (g_ascii_strcasecmp (domain, free_mail[i]) == 0)
      return FALSE;
  return TRUE;
}

static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static void
add (GPtrArray         *problems,
     PecanCoopSeverity  severity,
     PecanCoopStep      step,
     const char        *field,
     char              *message)
{
  PecanCoopProblem *problem = g_new0 (PecanCoopProblem, 1);

  problem->severity = severity;
  problem->step = step;
  problem->field = field;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

void
pecan_coop_problem_free (PecanCoopProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

/* An amount of the claim's currency, as a person reads it: 1234.50 EUR. */
static char *
amount_text (gint64      nano,
             const char *currency)
{
  char number[64];

  pecan_nano_format (pecan_nano_round_cents (nano), 2, number, sizeof number);
  return g_strdup_printf ("%s %s", number, currency != NULL ? currency : "");
}

static void
check_new_claim (const PecanCoopInfo *info,
                 GPtrArray           *problems)
{
  PecanCoopStep step = PECAN_COOP_STEP_NEW_CLAIM;

  if (blank (info->program) || blank (info->fund_category))
    add (problems, PECAN_COOP_ERROR, step, "program",
         g_strdup (_("Choose the program, Microsoft Commerce Incentives, and the fund category, "
                     "Cloud Solutions Provider.")));
  if (blank (info->location_id))
    add (problems, PECAN_COOP_ERROR, step, "location-id",
         g_strdup (_("Give the location ID the funds were earned at: the wrong location is a "
                     "common reason for rejection.")));
  if (blank (info->funding_pool))
    add (problems, PECAN_COOP_ERROR, step, "funding-pool",
         g_strdup (_("Choose the funding pool, as Partner Center lists it for the location.")));
  if (info->fiscal_year < 2000 || (info->half != 1 && info->half != 2))
    add (problems, PECAN_COOP_ERROR, step, "usage-period",
         g_strdup (_("Choose the usage period the activity took place in: H1 (July–December) "
                     "or H2 (January–June) of a fiscal year.")));
}

static void
check_details (const PecanCoopInfo *info,
               GListModel          *others,
               GPtrArray           *problems)
{
  PecanCoopStep step = PECAN_COOP_STEP_DETAILS;
  gboolean dates = info->start_day != 0 && info->end_day != 0;

  if (blank (info->activity_name))
    add (problems, PECAN_COOP_ERROR, step, "activity-name", g_strdup (_("Name the activity.")));
  if (blank (info->activity_description))
    add (problems, PECAN_COOP_ERROR, step, "activity-description",
         g_strdup (_("Describe the activity: what was done, for whom, and how it promotes "
                     "Microsoft cloud solutions.")));
  if (!dates)
    add (problems, PECAN_COOP_ERROR, step, "dates",
         g_strdup (_("Give the activity’s start and end dates.")));
  else if (info->start_day > info->end_day)
    add (problems, PECAN_COOP_ERROR, step, "dates",
         g_strdup (_("The activity ends before it starts.")));
  else if (info->fiscal_year >= 2000 && (info->half == 1 || info->half == 2))
    {
      PecanPeriod period;

      pecan_coop_usage_period (info->fiscal_year, info->half, &period);
      if (info->start_day < period.first || info->end_day > period.last)
        {
          g_autofree char *label = pecan_coop_period_label (info->fiscal_year, info->half);
          add (problems, PECAN_COOP_ERROR, step, "dates",
               g_strdup_printf (_("The activity’s dates must fall inside the usage period, %s: "
                                  "an activity outside it is paid from another period’s "
                                  "funds, or not at all."), label));
        }
    }
  if (info->amount <= 0)
    add (problems, PECAN_COOP_ERROR, step, "amount",
         g_strdup (_("Give the amount claimed: it must match the documents to the cent.")));
  if (blank (info->currency))
    add (problems, PECAN_COOP_ERROR, step, "currency", g_strdup (_("Give the currency.")));
  if (blank (info->partner_id))
    add (problems, PECAN_COOP_ERROR, step, "partner-id",
         g_strdup (_("Give your local Partner ID.")));
  if (blank (info->contact_email))
    add (problems, PECAN_COOP_ERROR, step, "contact-email",
         g_strdup (_("Give the contact’s business email address.")));
  else if (!pecan_cpor_is_email (info->contact_email))
    add (problems, PECAN_COOP_ERROR, step, "contact-email",
         g_strdup_printf (_("“%s” is not an email address: it should look like "
                            "name@contoso.com."), info->contact_email));
  else if (!pecan_coop_is_business_email (info->contact_email))
    add (problems, PECAN_COOP_ERROR, step, "contact-email",
         g_strdup_printf (_("“%s” is a personal address: co-op claims need a business email "
                            "address at your company’s domain."), info->contact_email));

  /* One claim per activity. */
  for (guint i = 0; dates && others != NULL && i < g_list_model_get_n_items (others); i++)
    {
      g_autoptr(PecanCoopClaim) other = g_list_model_get_item (others, i);
      const PecanCoopInfo *o = pecan_coop_claim_get_info (other);

      if (o->id == info->id || o->status == PECAN_COOP_REJECTED || o->activity_name == NULL
          || info->activity_name == NULL
          || g_utf8_collate (o->activity_name, info->activity_name) != 0
          || o->start_day != info->start_day || o->end_day != info->end_day)
        continue;
      add (problems, PECAN_COOP_ERROR, step, "activity-name",
           g_strdup_printf (_("Another claim (%lld) is for the same activity and dates: Partner "
                              "Center takes one claim per activity."), (long long) o->id));
      break;
    }
}

static void
check_documents (const PecanCoopInfo *info,
                 GPtrArray           *problems)
{
  PecanCoopStep step = PECAN_COOP_STEP_PROOF;
  gint64 invoiced = 0, paid = 0;
  guint invoices = 0, receipts = 0, proofs = 0, certifications = 0;
  PecanPeriod period = { 0, -1 };
  gboolean has_period = info->fiscal_year >= 2000 && (info->half == 1 || info->half == 2);

  if (has_period)
    pecan_coop_usage_period (info->fiscal_year, info->half, &period);
  for (guint i = 0; i < info->documents->len; i++)
    {
      const PecanCoopDocument *d = &g_array_index (info->documents, PecanCoopDocument, i);

      switch (d->kind)
        {
        case PECAN_COOP_INVOICE:
          invoices++;
          invoiced += d->amount;
          break;
        case PECAN_COOP_CERTIFICATION:
          certifications++;
          invoiced += d->amount;
          break;
        case PECAN_COOP_RECEIPT:
          receipts++;
          paid += d->amount;
          break;
        case PECAN_COOP_CONTRACT:
        case PECAN_COOP_EVIDENCE:
        default:
          proofs++;
          break;
        }
      if ((d->kind == PECAN_COOP_INVOICE || d->kind == PECAN_COOP_RECEIPT
           || d->kind == PECAN_COOP_CERTIFICATION) && !d->has_amount)
        add (problems, PECAN_COOP_ERROR, step, "documents",
             g_strdup_printf (_("Give the amount of “%s”."), d->name != NULL ? d->name : ""));
      if (blank (d->name))
        add (problems, PECAN_COOP_ERROR, step, "documents",
             g_strdup (_("Name every document, as Partner Center lists it.")));
      if (d->day == 0)
        add (problems, PECAN_COOP_ERROR, step, "documents",
             g_strdup_printf (_("Give the date of “%s”."), d->name != NULL ? d->name : ""));
      else if (has_period && (d->day < period.first || d->day > period.last))
        {
          g_autofree char *label = pecan_coop_period_label (info->fiscal_year, info->half);
          add (problems, PECAN_COOP_ERROR, step, "documents",
               g_strdup_printf (_("“%s” is dated outside the usage period, %s."),
                                d->name != NULL ? d->name : "", label));
        }
    }
  if (invoices + certifications == 0)
    add (problems, PECAN_COOP_ERROR, step, "documents",
         g_strdup (_("Add the invoice of the activity, or a certification statement for work "
                     "done in house.")));
  if (proofs == 0)
    add (problems, PECAN_COOP_ERROR, step, "documents",
         g_strdup (_("Add a proof that the activity took place: a signed contract or statement "
                     "of work, screenshots, emails or attendance sheets.")));
  if (invoices + certifications > 0
      && pecan_nano_round_cents (invoiced) != pecan_nano_round_cents (info->amount))
    {
      g_autofree char *claimed = amount_text (info->amount, info->currency);
      g_autofree char *documented = amount_text (invoiced, info->currency);
      add (problems, PECAN_COOP_ERROR, step, "amount",
           g_strdup_printf (_("The amount claimed, %s, must equal the invoices to the cent: "
                              "they add up to %s."), claimed, documented));
    }
  if (receipts > 0 && pecan_nano_round_cents (paid) != pecan_nano_round_cents (info->amount))
    {
      g_autofree char *claimed = amount_text (info->amount, info->currency);
      g_autofree char *receipted = amount_text (paid, info->currency);
      add (problems, PECAN_COOP_ERROR, step, "amount",
           g_strdup_printf (_("The amount claimed, %s, must equal the payment receipts to the "
                              "cent: they add up to %s."), claimed, receipted));
    }
}

/**
 * pecan_coop_check:
 * @info: a claim
 * @others: (nullable): the other claims, a model of #PecanCoopClaim
 * @deadline_days: the days after a usage period's end that claims are due
 * @today: the day it is
 *
 * Every rule of a co-op claim, each broken one with the step it holds back
 * and a message that says what to do.
 *
 * Returns: (transfer full) (element-type PecanCoopProblem): the problems,
 *   in the order of the steps
 */
GPtrArray *
pecan_coop_check (const PecanCoopInfo *info,
                  GListModel          *others,
                  int                  deadline_days,
                  gint32               today)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) pecan_coop_problem_free);
  gint32 answer_by = pecan_coop_info_answer_by (info);

  check_new_claim (info, problems);
  check_details (info, others, problems);
  check_documents (info, problems);

  if (info->status == PECAN_COOP_EDITING && info->fiscal_year >= 2000
      && (info->half == 1 || info->half == 2))
    {
      gint32 deadline = pecan_coop_deadline (info->fiscal_year, info->half, deadline_days);
      g_autofree char *date = pecan_day_describe (deadline);

      if (today > deadline)
        add (problems, PECAN_COOP_ERROR, PECAN_COOP_STEP_SUBMIT, "deadline",
             g_strdup_printf (_("The claim was due on %s: the period’s funds can no longer be "
                                "claimed."), date));
      else
        add (problems, PECAN_COOP_WARNING, PECAN_COOP_STEP_SUBMIT, "deadline",
             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Submit it by %s: %d day left.",
                                           "Submit it by %s: %d days left.",
                                           deadline - today),
                              date, deadline - today));
    }
  if (answer_by != 0)
    {
      g_autofree char *date = pecan_day_describe (answer_by);

      if (today > answer_by)
        add (problems, PECAN_COOP_ERROR, PECAN_COOP_STEP_TRACK, "status",
             g_strdup_printf (_("The reviewer asked for more and the 14 days to answer ran out "
                                "on %s: expect the claim to be rejected."), date));
      else
        add (problems, PECAN_COOP_WARNING, PECAN_COOP_STEP_TRACK, "status",
             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The reviewer asked for more: answer by %s (%d day "
                                           "left), or the claim is rejected.",
                                           "The reviewer asked for more: answer by %s (%d days "
                                           "left), or the claim is rejected.",
                                           answer_by - today),
                              date, answer_by - today));
    }
  return problems;
}

/**
 * pecan_coop_step_done:
 * @info: a claim
 * @problems: its problems, from pecan_coop_check()
 * @step: a step of the checklist
 *
 * Returns: whether the step is done: ticked by hand for the steps only
 *   the user can do, proven by the claim for the others (no error holds it
 *   back; submitted in the portal; paid)
 */
gboolean
pecan_coop_step_done (const PecanCoopInfo *info,
                      GPtrArray           *problems,
                      PecanCoopStep        step)
{
  if (pecan_coop_step_is_manual (step))
    return info->ticked[step] != 0;
  for (guint i = 0; i < problems->len; i++)
    {
      const PecanCoopProblem *p = problems->pdata[i];

      if (p->severity == PECAN_COOP_ERROR && p->step <= step
          && p->step >= PECAN_COOP_STEP_NEW_CLAIM && step != PECAN_COOP_STEP_TRACK)
        return FALSE;
    }
  if (step == PECAN_COOP_STEP_SUBMIT)
    return info->status != PECAN_COOP_EDITING;
  if (step == PECAN_COOP_STEP_TRACK)
    return info->status == PECAN_COOP_PAID || info->status == PECAN_COOP_REJECTED;
  return TRUE;
}

/**
 * pecan_coop_can_move:
 * @from: a claim's status
 * @to: another status
 *
 * Returns: whether a claim may go from @from to @to, as co-op claims move
 *   in Partner Center
 */
gboolean
pecan_coop_can_move (PecanCoopStatus from,
                     PecanCoopStatus to)
{
  switch (from)
    {
    case PECAN_COOP_EDITING:
      return to == PECAN_COOP_SUBMITTED;
    case PECAN_COOP_SUBMITTED:
      return to == PECAN_COOP_DISPUTED || to == PECAN_COOP_ACTION_REQUIRED
             || to == PECAN_COOP_APPROVED || to == PECAN_COOP_REJECTED;
    case PECAN_COOP_DISPUTED:
      return to == PECAN_COOP_ACTION_REQUIRED || to == PECAN_COOP_APPROVED
             || to == PECAN_COOP_REJECTED;
    case PECAN_COOP_ACTION_REQUIRED:
      /* Answered: submitted again. */
      return to == PECAN_COOP_SUBMITTED || to == PECAN_COOP_REJECTED;
    case PECAN_COOP_APPROVED:
      return to == PECAN_COOP_PAID;
    case PECAN_COOP_REJECTED:
    case PECAN_COOP_PAID:
    default:
      return FALSE;
    }
}

/**
 * pecan_coop_next_action:
 * @info: a claim
 * @deadline_days: the days after a usage period's end that claims are due
 * @today: the day it is
 *
 * Returns: (transfer full): what to do next about the claim; "" when
 *   nothing is left to do
 */
char *
pecan_coop_next_action (const PecanCoopInfo *info,
                        int                  deadline_days,
                        gint32               today)
{
  switch (info->status)
    {
    case PECAN_COOP_EDITING:
      if (info->fiscal_year >= 2000 && (info->half == 1 || info->half == 2))
        {
          g_autofree char *date = pecan_day_describe (pecan_coop_deadline (info->fiscal_year,
                                                                           info->half,
                                                                           deadline_days));
          /* TRANSLATORS: %s is a date */
          return g_strdup_printf (_("Submit by %s"), date);
        }
      return g_strdup (_("Complete the claim"));
    case PECAN_COOP_ACTION_REQUIRED:
      {
        g_autofree char *date = pecan_day_describe (pecan_coop_info_answer_by (info));
        /* TRANSLATORS: %s is a date */
        return g_strdup_printf (_("Answer the reviewer by %s"), date);
      }
    case PECAN_COOP_SUBMITTED:
    case PECAN_COOP_DISPUTED:
      return g_strdup (_("Wait for the review (up to 30 days)"));
    case PECAN_COOP_APPROVED:
      return g_strdup (_("Wait for the payment"));
    case PECAN_COOP_REJECTED:
    case PECAN_COOP_PAID:
    default:
      return g_strdup ("");
    }
}
