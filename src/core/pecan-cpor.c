/* pecan-cpor.c: Claiming Partner of Record customer associations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The claim as Partner Center asks for it (see CLAIMS.md in the project's
 * references), and the checks that catch what gets claims rejected. The
 * checks are pure functions of the claim: the window runs them as a person
 * types. The SQL is in pecan-store-cpor.c, the packet in
 * pecan-cpor-export.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pecan-cpor.h"
#include "pecan-parse.h"
#include "pecan-period.h"

struct _PecanCporClaim
{
  GObject       parent_instance;
  PecanCporInfo info;
};

G_DEFINE_FINAL_TYPE (PecanCporClaim, pecan_cpor_claim, G_TYPE_OBJECT)

static void
pecan_cpor_claim_finalize (GObject *object)
{
  pecan_cpor_info_clear (&PECAN_CPOR_CLAIM (object)->info);
  G_OBJECT_CLASS (pecan_cpor_claim_parent_class)->finalize (object);
}

static void
pecan_cpor_claim_class_init (PecanCporClaimClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pecan_cpor_claim_finalize;
}

static void
pecan_cpor_claim_init (PecanCporClaim *self)
{
}

static void
document_clear (gpointer data)
{
  PecanPoeDocument *document = data;

  g_clear_pointer (&document->path, g_free);
  g_clear_pointer (&document->sha256, g_free);
}

static void
event_clear (gpointer data)
{
  g_clear_pointer (&((PecanCporEvent *) data)->note, g_free);
}

/**
 * pecan_cpor_info_init:
 * @info: (out caller-allocates): a new claim: a draft, for incentives,
 *   identified by tenant id; free with pecan_cpor_info_clear()
 */
void
pecan_cpor_info_init (PecanCporInfo *info)
{
  memset (info, 0, sizeof *info);
  info->id_type = PECAN_CPOR_ID_TENANT;
  info->incentives = TRUE;
  info->status = PECAN_CPOR_DRAFT;
  info->workloads = g_new0 (char *, 1);
  info->documents = g_array_new (FALSE, TRUE, sizeof (PecanPoeDocument));
  g_array_set_clear_func (info->documents, document_clear);
  info->history = g_array_new (FALSE, TRUE, sizeof (PecanCporEvent));
  g_array_set_clear_func (info->history, event_clear);
}

void
pecan_cpor_info_clear (PecanCporInfo *info)
{
  g_clear_pointer (&info->name, g_free);
  g_clear_pointer (&info->partner_id, g_free);
  g_clear_pointer (&info->customer_name, g_free);
  g_clear_pointer (&info->tenant_id, g_free);
  g_clear_pointer (&info->customer_ref, g_free);
  g_clear_pointer (&info->solution_area, g_free);
  g_clear_pointer (&info->engagement, g_free);
  g_clear_pointer (&info->workloads, g_strfreev);
  g_clear_pointer (&info->customer_contact_name, g_free);
  g_clear_pointer (&info->customer_contact_email, g_free);
  g_clear_pointer (&info->customer_contact_title, g_free);
  g_clear_pointer (&info->partner_contact_name, g_free);
  g_clear_pointer (&info->partner_contact_email, g_free);
  g_clear_pointer (&info->documents, g_array_unref);
  g_clear_pointer (&info->history, g_array_unref);
  g_clear_pointer (&info->notes, g_free);
  g_clear_pointer (&info->updated_at, g_free);
}

/**
 * pecan_cpor_info_copy:
 * @info: a claim
 * @copy: (out caller-allocates): a deep copy; free with
 *   pecan_cpor_info_clear()
 */
void
pecan_cpor_info_copy (const PecanCporInfo *info,
                      PecanCporInfo       *copy)
{
  pecan_cpor_info_init (copy);
  g_strfreev (copy->workloads);
  copy->id = info->id;
  copy->name = g_strdup (info->name);
  copy->partner_id = g_strdup (info->partner_id);
  copy->customer_id = info->customer_id;
  copy->customer_name = g_strdup (info->customer_name);
  copy->tenant_id = g_strdup (info->tenant_id);
  copy->id_type = info->id_type;
  copy->customer_ref = g_strdup (info->customer_ref);
  copy->solution_area = g_strdup (info->solution_area);
  copy->engagement = g_strdup (info->engagement);
  copy->workloads = info->workloads != NULL ? g_strdupv (info->workloads) : g_new0 (char *, 1);
  copy->customer_contact_name = g_strdup (info->customer_contact_name);
  copy->customer_contact_email = g_strdup (info->customer_contact_email);
  copy->customer_contact_title = g_strdup (info->customer_contact_title);
  copy->partner_contact_name = g_strdup (info->partner_contact_name);
  copy->partner_contact_email = g_strdup (info->partner_contact_email);
  copy->incentives = info->incentives;
  copy->opt_out = info->opt_out;
  for (guint i = 0; info->documents != NULL && i < info->documents->len; i++)
    {
      const PecanPoeDocument *d = &g_array_index (info->documents, PecanPoeDocument, i);
      pecan_cpor_info_add_document (copy, d->kind, d->path, d->sha256, d->size, d->added_on);
    }
  copy->status = info->status;
  for (guint i = 0; info->history != NULL && i < info->history->len; i++)
    {
      const PecanCporEvent *e = &g_array_index (info->history, PecanCporEvent, i);
      PecanCporEvent event = { e->status, e->day, g_strdup (e->note) };
      g_array_append_val (copy->history, event);
    }
  copy->notes = g_strdup (info->notes);
  copy->step = info->step;
  copy->updated_at = g_strdup (info->updated_at);
}

void
pecan_cpor_info_add_document (PecanCporInfo *info,
                              PecanPoeKind   kind,
                              const char    *path,
                              const char    *sha256,
                              gint64         size,
                              gint32         added_on)
{
  PecanPoeDocument document = { kind, g_strdup (path), g_strdup (sha256), size, added_on };

  g_array_append_val (info->documents, document);
}

/**
 * pecan_cpor_info_is_editable:
 * @info: a claim
 *
 * Returns: whether its fields may change: not once it was submitted in
 *   Partner Center, which does not let it change either
 */
gboolean
pecan_cpor_info_is_editable (const PecanCporInfo *info)
{
  return info->status == PECAN_CPOR_DRAFT || info->status == PECAN_CPOR_READY;
}

/**
 * pecan_cpor_info_answer_by:
 * @info: a claim
 *
 * Returns: for a claim on which Microsoft asked for partner action, the
 *   last day to answer (14 days after the request); otherwise 0
 */
gint32
pecan_cpor_info_answer_by (const PecanCporInfo *info)
{
  if (info->status != PECAN_CPOR_ACTION_REQUIRED)
    return 0;
  for (guint i = info->history->len; i > 0; i--)
    {
      const PecanCporEvent *event = &g_array_index (info->history, PecanCporEvent, i - 1);

      if (event->status == PECAN_CPOR_ACTION_REQUIRED)
        return event->day + PECAN_CPOR_ANSWER_DAYS;
    }
  return 0;
}

/**
 * pecan_cpor_claim_new:
 * @info: the claim; copied
 *
 * Returns: (transfer full): a claim for a #GListModel
 */
PecanCporClaim *
pecan_cpor_claim_new (const PecanCporInfo *info)
{
  PecanCporClaim *self = g_object_new (PECAN_TYPE_CPOR_CLAIM, NULL);

  pecan_cpor_info_copy (info, &self->info);
  return self;
}

const PecanCporInfo *
pecan_cpor_claim_get_info (PecanCporClaim *self)
{
  g_return_val_if_fail (PECAN_IS_CPOR_CLAIM (self), NULL);
  return &self->info;
}

const char *
pecan_cpor_id_type_label (PecanCporIdType type)
{
  switch (type)
    {
    case PECAN_CPOR_ID_DOMAIN:
      return _("Domain name");
    case PECAN_CPOR_ID_TENANT:
      return _("Tenant ID");
    case PECAN_CPOR_ID_TPID:
      return _("TPID");
    case PECAN_CPOR_ID_SUBSCRIPTION:
      return _("Azure subscription ID");
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char * const status_names[] = {
  [PECAN_CPOR_DRAFT] = "draft",
  [PECAN_CPOR_READY] = "ready",
  [PECAN_CPOR_SUBMITTED] = "submitted",
  [PECAN_CPOR_ACTION_REQUIRED] = "action-required",
  [PECAN_CPOR_APPROVED] = "approved",
  [PECAN_CPOR_REJECTED] = "rejected",
  [PECAN_CPOR_PAID] = "paid",
};

const char *
pecan_cpor_status_to_string (PecanCporStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
pecan_cpor_status_from_string (const char      *text,
                               PecanCporStatus *status)
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
pecan_cpor_status_label (PecanCporStatus status)
{
  switch (status)
    {
    case PECAN_CPOR_DRAFT:
      return C_("claim", "Draft");
    case PECAN_CPOR_READY:
      return C_("claim", "Ready to submit");
    case PECAN_CPOR_SUBMITTED:
      return C_("claim", "Submitted in Partner Center");
    case PECAN_CPOR_ACTION_REQUIRED:
      return C_("claim", "Partner action required");
    case PECAN_CPOR_APPROVED:
      return C_("claim", "Approved");
    case PECAN_CPOR_REJECTED:
      return C_("claim", "Rejected");
    case PECAN_CPOR_PAID:
      return C_("claim", "Paid");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
pecan_poe_kind_label (PecanPoeKind kind)
{
  switch (kind)
    {
    case PECAN_POE_SOW_WET:
      return _("Statement of work, signed by hand (scanned)");
    case PECAN_POE_SOW_DIGITAL:
      return _("Statement of work, signed digitally");
    case PECAN_POE_TEMPLATE:
      return _("Microsoft proof of execution template, signed");
    case PECAN_POE_OTHER:
      return _("Other evidence (emails, support tickets …)");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Microsoft's names, as Partner Center shows them: not translated. */
static const char * const solution_areas[] = {
  "Modern Work and Security",
  "Business Applications",
  NULL,
};

static const char * const modern_work_engagements[] = {
  "Modern Work and Security Usage",
  NULL,
};

static const char * const business_engagements[] = {
  "Usage Recognition - Biz Apps",
  "MCI BizApps Presales Advisor",
  "Microsoft Business Applications Revenue",
  NULL,
};

static const char * const modern_work_workloads[] = {
  "Microsoft Teams",
  "Exchange Online",
  "SharePoint Online and OneDrive",
  "Microsoft 365 Apps",
  "Microsoft 365 Copilot",
  "Microsoft Intune",
  "Microsoft Entra ID",
  "Microsoft Defender for Endpoint",
  "Microsoft Defender for Office 365",
  "Microsoft Defender for Identity",
  "Microsoft Defender for Cloud Apps",
  "Microsoft Purview",
  "Windows 365",
  NULL,
};

static const char * const business_workloads[] = {
  "Dynamics 365 Sales",
  "Dynamics 365 Customer Service",
  "Dynamics 365 Field Service",
  "Dynamics 365 Finance",
  "Dynamics 365 Supply Chain Management",
  "Dynamics 365 Business Central",
  "Power Apps",
  "Power Automate",
  "Power BI",
  "Microsoft Copilot Studio",
  NULL,
};

static const char * const nothing[] = { NULL };

/**
 * pecan_cpor_solution_areas:
 *
 * Returns: (transfer none): the solution areas whose workloads CPOR
 *   customer associations recognise, as Partner Center names them
 */
const char * const *
pecan_cpor_solution_areas (void)
{
  return solution_areas;
}

const char * const *
pecan_cpor_engagements (const char *solution_area)
{
  if (g_strcmp0 (solution_area, solution_areas[0]) == 0)
    return modern_work_engagements;
  if (g_strcmp0 (solution_area, solution_areas[1]) == 0)
    return business_engagements;
  return nothing;
}

const char * const *
pecan_cpor_workloads (const char *solution_area)
{
  if (g_strcmp0 (solution_area, solution_areas[0]) == 0)
    return modern_work_workloads;
  if (g_strcmp0 (solution_area, solution_areas[1]) == 0)
    return business_workloads;
  return nothing;
}

/**
 * pecan_cpor_is_guid:
 * @text: a text
 *
 * Returns: whether @text is a GUID, such as a tenant or subscription id:
 *   `0f8e2b6a-1c3d-4e5f-8a9b-1a2b3c4d5e6f`, in any case
 */
gboolean
pecan_cpor_is_guid (const char *text)
{
  static const int groups[] = { 8, 4, 4, 4, 12 };
  const char *p = text;

  if (text == NULL)
    return FALSE;
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      for (int i = 0; i < groups[g]; i++, p++)
        if (!g_ascii_isxdigit (*p))
          return FALSE;
      if (g + 1 < G_N_ELEMENTS (groups) && *p++ != '-')
        return FALSE;
    }
  return *p == '\0';
}

/**
 * pecan_cpor_is_domain:
 * @text: a text
 *
 * Returns: whether @text is a domain name: labels of letters, digits and
 *   inner hyphens, at least two, the last not all digits
 */
gboolean
pecan_cpor_is_domain (const char *text)
{
  g_auto(GStrv) labels = NULL;
  guint n;

  if (text == NULL || strlen (text) > 253 || text[0] == '\0')
    return FALSE;
  labels = g_strsplit (text, ".", -1);
  n = g_strv_length (labels);
  if (n < 2)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gsize len = strlen (labels[i]);
      gboolean digits = TRUE;

      if (len == 0 || len > 63 || labels[i][0] == '-' || labels[i][len - 1] == '-')
        return FALSE;
      for (const char *p = labels[i]; *p != '\0'; p++)
        {
          if (!g_ascii_isalnum (*p) && *p != '-')
            return FALSE;
          digits = digits && g_ascii_isdigit (*p);
        }
      if (i == n - 1 && (digits || len < 2))
        return FALSE;
    }
  return TRUE;
}

/**
 * pecan_cpor_is_email:
 * @text: a text
 *
 * Returns: whether @text is an email address: a local part of the usual
 *   characters, "@", a domain name
 */
gboolean
pecan_cpor_is_email (const char *text)
{
  const char *at = text != NULL ? strchr (text, '@') : NULL;

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL || at - text > 64)
    return FALSE;
  for (const char *p = text; p < at; p++)
    if (!g_ascii_isalnum (*p) && strchr (".!#$%&'*+/=?^_`{|}~-", *p) == NULL)
      return FALSE;
  if (text[0] == '.' || at[-1] == '.' || strstr (text, "..") != NULL)
    return FALSE;
  return pecan_cpor_is_domain (at + 1);
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
     PecanCporSeverity  severity,
     const char        *field,
     char              *message)
{
  PecanCporProblem *problem = g_new0 (PecanCporProblem, 1);

  problem->severity = severity;
  problem->field = field;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

void
pecan_cpor_problem_free (PecanCporProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

static void
check_customer (const PecanCporInfo *info,
                const char          *imported_domain,
                GPtrArray           *problems)
{
  const char *ref = info->customer_ref;

  if (blank (ref))
    {
      add (problems, PECAN_CPOR_ERROR, "customer-ref",
           g_strdup (_("Choose the customer, or type its tenant ID, domain name, TPID or "
                       "Azure subscription ID.")));
      return;
    }
  switch (info->id_type)
    {
    case PECAN_CPOR_ID_TENANT:
      if (!pecan_cpor_is_guid (ref))
        add (problems, PECAN_CPOR_ERROR, "customer-ref",
             g_strdup (_("A tenant ID is a GUID of 32 hexadecimal digits in five groups, such "
                         "as 0f8e2b6a-1c3d-4e5f-8a9b-1a2b3c4d5e6f. If you have a domain name, "
                         "choose “Domain name” as the ID type.")));
      else if (info->tenant_id != NULL && g_ascii_strcasecmp (ref, info->tenant_id) != 0)
        add (problems, PECAN_CPOR_WARNING, "customer-ref",
             g_strdup_printf (_("The imported files show %s with the tenant ID %s, not this "
                                "one. Partner Center rejects a claim for the wrong "
                                "customer."), info->customer_name != NULL ? info->customer_name
                                                                           : "", info->tenant_id));
      break;
    case PECAN_CPOR_ID_DOMAIN:
      if (!pecan_cpor_is_domain (ref))
        add (problems, PECAN_CPOR_ERROR, "customer-ref",
             g_strdup (_("A domain name looks like contoso.onmicrosoft.com or contoso.com, "
                         "without “https://”, “@” or spaces. If you have a GUID, choose "
                         "“Tenant ID” as the ID type.")));
      else if (imported_domain != NULL && imported_domain[0] != '\0'
               && g_ascii_strcasecmp (ref, imported_domain) != 0)
        add (problems, PECAN_CPOR_WARNING, "customer-ref",
             g_strdup_printf (_("The imported files show this customer’s tenant with the domain "
                                "%s, not %s. Partner Center rejects a claim whose domain and "
                                "tenant do not match: use %s, or the tenant ID."),
                              imported_domain, ref, imported_domain));
      break;
    case PECAN_CPOR_ID_TPID:
      for (const char *p = ref; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          {
            add (problems, PECAN_CPOR_ERROR, "customer-ref",
                 g_strdup (_("A TPID (top parent ID) is a number, such as 12345678.")));
            break;
          }
      break;
    case PECAN_CPOR_ID_SUBSCRIPTION:
      if (!pecan_cpor_is_guid (ref))
        add (problems, PECAN_CPOR_ERROR, "customer-ref",
             g_strdup (_("An Azure subscription ID is a GUID, such as "
                         "9a1b7c3d-0e2f-4a5b-b6c7-d8e9f0a1b2c3.")));
      break;
    default:
      g_return_if_reached ();
    }
}

static void
check_email (GPtrArray  *problems,
             const char *field,
             const char *email,
             const char *missing)
{
  g_autofree char *stripped = g_strstrip (g_strdup (email != NULL ? email : ""));

  if (stripped[0] == '\0')
    add (problems, PECAN_CPOR_ERROR, field, g_strdup (missing));
  else if (!pecan_cpor_is_email (stripped))
    add (problems, PECAN_CPOR_ERROR, field,
         g_strdup_printf (_("“%s” is not an email address: it should look like "
                            "name@contoso.com."), email));
}

static void
check_documents (const PecanCporInfo *info,
                 GPtrArray           *problems)
{
  gboolean signed_poe = FALSE;
  /* Partner Center takes the association without it, and asks for it
   * when the partner claims payment, after submitting: until then it is
   * a reminder, and then what stands between the claim and its payment. */
  gboolean submitted = !pecan_cpor_info_is_editable (info);
  PecanCporSeverity severity = info->incentives && submitted ? PECAN_CPOR_ERROR
                                                             : PECAN_CPOR_WARNING;

  for (guint i = 0; i < info->documents->len; i++)
    if (g_array_index (info->documents, PecanPoeDocument, i).kind != PECAN_POE_OTHER)
      signed_poe = TRUE;
  if (info->documents->len == 0)
    add (problems, severity, "documents",
         g_strdup (_("Add the proof of execution: a statement of work or Microsoft’s PoE "
                     "template, signed by the customer. Partner Center asks for it to claim "
                     "payment.")));
  else if (!signed_poe)
    add (problems, severity, "documents",
         g_strdup (_("Other evidence alone is not enough: add a statement of work (signed by "
                     "hand or digitally) or Microsoft’s PoE template, signed by the "
                     "customer.")));
}

/**
 * pecan_cpor_check:
 * @info: a claim
 * @imported_domain: (nullable): the domain the imported files show for the
 *   claim's tenant
 * @today: the day it is, in days since 1970-01-01
 *
 * Everything that would make Partner Center refuse the claim (errors) or
 * that may get it rejected or is likely a mistake (warnings), each with a
 * message that says what to do.
 *
 * Returns: (transfer full) (element-type PecanCporProblem): the problems,
 *   in the order of the form's fields; empty when there are none
 */
GPtrArray *
pecan_cpor_check (const PecanCporInfo *info,
                  const char          *imported_domain,
                  gint32               today)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) pecan_cpor_problem_free);
  gint32 answer_by;

  if (blank (info->name))
    add (problems, PECAN_CPOR_ERROR, "name",
         g_strdup (_("Give the claim a name, to find it again in Partner Center.")));
  if (blank (info->partner_id))
    add (problems, PECAN_CPOR_ERROR, "partner-id",
         g_strdup (_("Give your partner location ID (your PartnerID, formerly MPN ID).")));
  else
    {
      gsize len = strlen (info->partner_id);
      gboolean digits = len >= 5 && len <= 10;

      for (const char *p = info->partner_id; digits && *p != '\0'; p++)
        digits = g_ascii_isdigit (*p);
      if (!digits)
        add (problems, PECAN_CPOR_ERROR, "partner-id",
             g_strdup (_("A partner location ID is a number of 5 to 10 digits, such as "
                         "6081234.")));
    }
  check_customer (info, imported_domain, problems);
  if (blank (info->solution_area))
    add (problems, PECAN_CPOR_ERROR, "solution-area", g_strdup (_("Choose the solution area.")));
  if (blank (info->engagement))
    add (problems, PECAN_CPOR_ERROR, "engagement",
         g_strdup (_("Choose the engagement the claim is for.")));
  if (info->workloads == NULL || info->workloads[0] == NULL)
    add (problems, PECAN_CPOR_ERROR, "workloads",
         g_strdup (_("Choose every workload the claim covers: at least one.")));
  if (blank (info->customer_contact_name))
    add (problems, PECAN_CPOR_ERROR, "customer-contact-name",
         g_strdup (_("Give the name of your contact at the customer.")));
  check_email (problems, "customer-contact-email", info->customer_contact_email,
               _("Give the email address of your contact at the customer."));
  if (blank (info->partner_contact_name))
    add (problems, PECAN_CPOR_ERROR, "partner-contact-name",
         g_strdup (_("Give the name of the contact at your company.")));
  check_email (problems, "partner-contact-email", info->partner_contact_email,
               _("Give the email address of the contact at your company."));
  check_documents (info, problems);
  if (info->opt_out && info->incentives)
    add (problems, PECAN_CPOR_WARNING, "opt-out",
         g_strdup (_("“Opt out of incentive payment” is ticked: no incentive will be paid for "
                     "this claim. Untick it unless you claim for recognition only.")));

  answer_by = pecan_cpor_info_answer_by (info);
  if (answer_by != 0)
    {
      g_autofree char *date = pecan_day_describe (answer_by);

      if (today > answer_by)
        add (problems, PECAN_CPOR_ERROR, "status",
             g_strdup_printf (_("Microsoft asked for partner action and the 14 days to answer "
                                "ran out on %s: expect the claim to be rejected."), date));
      else
        add (problems, PECAN_CPOR_WARNING, "status",
             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Microsoft asked for partner action: answer by %s "
                                           "(%d day left), or the claim is rejected.",
                                           "Microsoft asked for partner action: answer by %s "
                                           "(%d days left), or the claim is rejected.",
                                           answer_by - today),
                              date, answer_by - today));
    }
  return problems;
}

/**
 * pecan_cpor_can_move:
 * @from: a claim's status
 * @to: another status
 *
 * Returns: whether a claim may go from @from to @to, as claims move in
 *   Partner Center
 */
gboolean
pecan_cpor_can_move (PecanCporStatus from,
                     PecanCporStatus to)
{
  switch (from)
    {
    case PECAN_CPOR_DRAFT:
      return to == PECAN_CPOR_READY;
    case PECAN_CPOR_READY:
      return to == PECAN_CPOR_DRAFT || to == PECAN_CPOR_SUBMITTED;
    case PECAN_CPOR_SUBMITTED:
      return to == PECAN_CPOR_ACTION_REQUIRED || to == PECAN_CPOR_APPROVED
             || to == PECAN_CPOR_REJECTED;
    case PECAN_CPOR_ACTION_REQUIRED:
      /* Answered: back in Microsoft's hands. */
      return to == PECAN_CPOR_SUBMITTED || to == PECAN_CPOR_APPROVED
             || to == PECAN_CPOR_REJECTED;
    case PECAN_CPOR_APPROVED:
      return to == PECAN_CPOR_PAID;
    case PECAN_CPOR_REJECTED:
    case PECAN_CPOR_PAID:
    default:
      return FALSE;
    }
}

/**
 * pecan_cpor_next_action:
 * @info: a claim
 *
 * Returns: (transfer full): what to do next about the claim, for a person;
 *   "" when nothing is left to do
 */
char *
pecan_cpor_next_action (const PecanCporInfo *info)
{
  gboolean signed_poe = FALSE;

  for (guint i = 0; i < info->documents->len; i++)
    signed_poe = signed_poe
                 || g_array_index (info->documents, PecanPoeDocument, i).kind != PECAN_POE_OTHER;
  switch (info->status)
    {
    case PECAN_CPOR_DRAFT:
      return g_strdup (_("Complete the claim"));
    case PECAN_CPOR_READY:
      return g_strdup (_("Submit it in Partner Center"));
    case PECAN_CPOR_SUBMITTED:
      return g_strdup (signed_poe && info->incentives
                         ? _("Wait for Microsoft’s review")
                         : _("Upload the proof of execution signed by the customer"));
    case PECAN_CPOR_ACTION_REQUIRED:
      {
        g_autofree char *date = pecan_day_describe (pecan_cpor_info_answer_by (info));
        /* TRANSLATORS: %s is a date */
        return g_strdup_printf (_("Answer Microsoft by %s"), date);
      }
    case PECAN_CPOR_APPROVED:
      return g_strdup (info->incentives ? _("Wait for the payment") : "");
    case PECAN_CPOR_REJECTED:
    case PECAN_CPOR_PAID:
    default:
      return g_strdup ("");
    }
}

/**
 * pecan_cpor_link_commands:
 * @partner_id: (nullable): the partner's location id
 *
 * Returns: (transfer full): how to link a customer's Azure subscriptions to
 *   the partner with Partner Admin Link, in Azure CLI and PowerShell, run
 *   by the partner's user in the customer's tenant
 */
char *
pecan_cpor_link_commands (const char *partner_id)
{
  const char *id = partner_id != NULL && partner_id[0] != '\0' ? partner_id : "PARTNER-ID";

  return g_strdup_printf ("# Azure CLI\n"
                          "az extension add --name managementpartner\n"
                          "az managementpartner create --partner-id %s\n"
                          "\n"
                          "# PowerShell\n"
                          "Install-Module -Name Az.ManagementPartner\n"
                          "New-AzManagementPartner -PartnerId %s\n",
                          id, id);
}
