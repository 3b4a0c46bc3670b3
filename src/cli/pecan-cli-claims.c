/* pecan-cli-claims.c: pecan-cli claims list, show, export and status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPOR customer associations and co-op claims, side by side: "cpor-3" and
 * "coop-2" name them.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pecan-cli-private.h"
#include "pecan-coop.h"
#include "pecan-cpor.h"
#include "pecan-error.h"
#include "pecan-parse.h"
#include "pecan-period.h"

static void
json_day (JsonBuilder *b,
          const char  *name,
          gint32       day)
{
  char text[11];

  if (day == 0)
    {
      json_builder_set_member_name (b, name);
      json_builder_add_null_value (b);
      return;
    }
  pecan_day_format (day, text);
  pecan_cli_json_string (b, name, text);
}

static void
add_cpor (JsonBuilder    *b,
          PecanCporClaim *claim,
          PecanStore     *store)
{
  const PecanCporInfo *info = pecan_cpor_claim_get_info (claim);
  g_autofree char *domain = info->tenant_id != NULL
                              ? pecan_cpor_imported_domain (store, info->tenant_id) : NULL;
  g_autoptr(GPtrArray) problems = pecan_cpor_check (info, domain, pecan_day_today ());
  g_autofree char *next = pecan_cpor_next_action (info);
  static const char * const id_types[] = { "domain", "tenant", "tpid", "subscription" };
  static const char * const kinds[] = { "sow-wet-signature", "sow-digital-signature",
                                        "poe-template", "other" };

  g_autofree char *id = g_strdup_printf ("cpor-%" G_GINT64_FORMAT, info->id);

  json_builder_begin_object (b);
  pecan_cli_json_string (b, "id", id);
  pecan_cli_json_string (b, "kind", "cpor");
  pecan_cli_json_string (b, "name", info->name);
  pecan_cli_json_string (b, "status", pecan_cpor_status_to_string (info->status));
  pecan_cli_json_string (b, "next_action", next);
  json_day (b, "answer_by", pecan_cpor_info_answer_by (info));
  pecan_cli_json_string (b, "partner_id", info->partner_id);
  pecan_cli_json_string (b, "customer_name", info->customer_name);
  pecan_cli_json_string (b, "tenant_id", info->tenant_id);
  pecan_cli_json_string (b, "customer_id_type", id_types[info->id_type]);
  pecan_cli_json_string (b, "customer_id", info->customer_ref);
  pecan_cli_json_string (b, "solution_area", info->solution_area);
  pecan_cli_json_string (b, "engagement", info->engagement);
  json_builder_set_member_name (b, "workloads");
  json_builder_begin_array (b);
  for (guint i = 0; info->workloads[i] != NULL; i++)
    json_builder_add_string_value (b, info->workloads[i]);
  json_builder_end_array (b);
  pecan_cli_json_string (b, "customer_contact_name", info->customer_contact_name);
  pecan_cli_json_string (b, "customer_contact_email", info->customer_contact_email);
  pecan_cli_json_string (b, "customer_contact_title", info->customer_contact_title);
  pecan_cli_json_string (b, "partner_contact_name", info->partner_contact_name);
  pecan_cli_json_string (b, "partner_contact_email", info->partner_contact_email);
  pecan_cli_json_boolean (b, "incentives", info->incentives);
  pecan_cli_json_boolean (b, "opt_out", info->opt_out);
  json_builder_set_member_name (b, "documents");
  json_builder_begin_array (b);
  for (guint i = 0; i < info->documents->len; i++)
    {
      const PecanPoeDocument *d = &g_array_index (info->documents, PecanPoeDocument, i);

      json_builder_begin_object (b);
      pecan_cli_json_string (b, "kind", kinds[d->kind]);
      pecan_cli_json_string (b, "path", d->path);
      pecan_cli_json_string (b, "sha256", d->sha256);
      pecan_cli_json_int (b, "size", d->size);
      json_day (b, "added_on", d->added_on);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "history");
  json_builder_begin_array (b);
  for (guint i = 0; i < info->history->len; i++)
    {
      const PecanCporEvent *e = &g_array_index (info->history, PecanCporEvent, i);

      json_builder_begin_object (b);
      pecan_cli_json_string (b, "status", pecan_cpor_status_to_string (e->status));
      json_day (b, "day", e->day);
      pecan_cli_json_string (b, "note", e->note);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  pecan_cli_json_string (b, "notes", info->notes);
  json_builder_set_member_name (b, "problems");
  json_builder_begin_array (b);
  for (guint i = 0; i < problems->len; i++)
    {
      const PecanCporProblem *p = problems->pdata[i];

      json_builder_begin_object (b);
      pecan_cli_json_string (b, "severity", p->severity == PECAN_CPOR_ERROR ? "error" : "warning");
      pecan_cli_json_string (b, "field", p->field);
      pecan_cli_json_string (b, "message", p->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
show_cpor (PecanStore          *store,
           const PecanCporInfo *info)
{
  g_autofree char *domain = info->tenant_id != NULL
                              ? pecan_cpor_imported_domain (store, info->tenant_id) : NULL;
  g_autoptr(GPtrArray) problems = pecan_cpor_check (info, domain, pecan_day_today ());
  g_autofree char *next = pecan_cpor_next_action (info);
  g_autofree char *workloads = g_strjoinv (", ", info->workloads);
  const PecanCliField fields[] = {
    { _("Claim name"), info->name },
    { _("Status"), pecan_cpor_status_label (info->status) },
    { _("Next"), next },
    { _("Partner location"), info->partner_id },
    { _("Customer"), info->customer_name },
    { _("Customer ID type"), pecan_cpor_id_type_label (info->id_type) },
    { _("Customer ID"), info->customer_ref },
    { _("Solution area"), info->solution_area },
    { _("Engagement"), info->engagement },
    { _("Workloads"), workloads },
    { _("Customer contact"), info->customer_contact_name },
    { _("Customer email"), info->customer_contact_email },
    { _("Customer title"), info->customer_contact_title },
    { _("Partner contact"), info->partner_contact_name },
    { _("Partner email"), info->partner_contact_email },
    { _("Opt out of payment"), info->opt_out ? _("yes") : _("no") },
  };

  const PecanCliField poe = { _("Proof of execution"), NULL };
  int width = MAX (pecan_cli_label_width (fields, G_N_ELEMENTS (fields)),
                   pecan_cli_label_width (&poe, 1));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    pecan_cli_print_field (width, fields[i].label, fields[i].value);
  for (guint i = 0; i < info->documents->len; i++)
    {
      const PecanPoeDocument *d = &g_array_index (info->documents, PecanPoeDocument, i);
      g_autofree char *value = g_strdup_printf ("%s: %s", pecan_poe_kind_label (d->kind),
                                                d->path);

      pecan_cli_print_field (width, i == 0 ? poe.label : "", value);
    }
  for (guint i = 0; i < problems->len; i++)
    {
      const PecanCporProblem *p = problems->pdata[i];
      printf ("%s: %s\n", p->severity == PECAN_CPOR_ERROR ? _("error") : _("warning"), p->message);
    }
}

static void
add_coop (JsonBuilder    *b,
          PecanCoopClaim *claim,
          PecanStore     *store,
          GListModel     *others)
{
  const PecanCoopInfo *info = pecan_coop_claim_get_info (claim);
  int days = pecan_coop_get_deadline_days (store);
  g_autoptr(GPtrArray) problems = pecan_coop_check (info, others, days, pecan_day_today ());
  g_autofree char *next = pecan_coop_next_action (info, days, pecan_day_today ());
  g_autofree char *id = g_strdup_printf ("coop-%" G_GINT64_FORMAT, info->id);
  static const char * const kinds[] = { "invoice", "receipt", "contract", "evidence",
                                        "certification" };
  gboolean period = info->half == 1 || info->half == 2;

  json_builder_begin_object (b);
  pecan_cli_json_string (b, "id", id);
  pecan_cli_json_string (b, "kind", "coop");
  pecan_cli_json_string (b, "name", info->activity_name);
  pecan_cli_json_string (b, "status", pecan_coop_status_to_string (info->status));
  pecan_cli_json_string (b, "next_action", next);
  json_day (b, "deadline", period ? pecan_coop_deadline (info->fiscal_year, info->half, days) : 0);
  json_day (b, "answer_by", pecan_coop_info_answer_by (info));
  pecan_cli_json_string (b, "program", info->program);
  pecan_cli_json_string (b, "fund_category", info->fund_category);
  pecan_cli_json_string (b, "location_id", info->location_id);
  pecan_cli_json_string (b, "funding_pool", info->funding_pool);
  pecan_cli_json_int (b, "fiscal_year", info->fiscal_year);
  pecan_cli_json_int (b, "half", info->half);
  pecan_cli_json_string (b, "activity_description", info->activity_description);
  json_day (b, "start", info->start_day);
  json_day (b, "end", info->end_day);
  pecan_cli_json_double (b, "amount", info->amount / (double) PECAN_NANO);
  pecan_cli_json_string (b, "currency", info->currency);
  pecan_cli_json_string (b, "partner_id", info->partner_id);
  pecan_cli_json_string (b, "contact_email", info->contact_email);
  json_day (b, "keep_documents_until", pecan_coop_info_keep_until (info));
  json_builder_set_member_name (b, "documents");
  json_builder_begin_array (b);
  for (guint i = 0; i < info->documents->len; i++)
    {
      const PecanCoopDocument *d = &g_array_index (info->documents, PecanCoopDocument, i);

      json_builder_begin_object (b);
      pecan_cli_json_string (b, "kind", kinds[d->kind]);
      pecan_cli_json_string (b, "name", d->name);
      pecan_cli_json_string (b, "path", d->path);
      pecan_cli_json_string (b, "sha256", d->sha256);
      pecan_cli_json_int (b, "size", d->size);
      if (d->has_amount)
        pecan_cli_json_double (b, "amount", d->amount / (double) PECAN_NANO);
      json_day (b, "date", d->day);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "steps");
  json_builder_begin_array (b);
  for (int step = 0; step < PECAN_COOP_N_STEPS; step++)
    {
      json_builder_begin_object (b);
      pecan_cli_json_string (b, "step", pecan_coop_step_label (step));
      pecan_cli_json_boolean (b, "done", pecan_coop_step_done (info, problems, step));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "history");
  json_builder_begin_array (b);
  for (guint i = 0; i < info->history->len; i++)
    {
      const PecanCoopEvent *e = &g_array_index (info->history, PecanCoopEvent, i);

      json_builder_begin_object (b);
      pecan_cli_json_string (b, "status", pecan_coop_status_to_string (e->status));
      json_day (b, "day", e->day);
      pecan_cli_json_string (b, "note", e->note);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  pecan_cli_json_string (b, "notes", info->notes);
  json_builder_set_member_name (b, "problems");
  json_builder_begin_array (b);
  for (guint i = 0; i < problems->len; i++)
    {
      const PecanCoopProblem *p = problems->pdata[i];

      json_builder_begin_object (b);
      pecan_cli_json_string (b, "severity", p->severity == PECAN_COOP_ERROR ? "error" : "warning");
      pecan_cli_json_string (b, "field", p->field);
      pecan_cli_json_string (b, "message", p->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
show_coop (PecanStore          *store,
           const PecanCoopInfo *info,
           GListModel          *others)
{
  int days = pecan_coop_get_deadline_days (store);
  g_autoptr(GPtrArray) problems = pecan_coop_check (info, others, days, pecan_day_today ());
  g_autofree char *next = pecan_coop_next_action (info, days, pecan_day_today ());
  g_autofree char *period = info->half == 1 || info->half == 2
                              ? pecan_coop_period_label (info->fiscal_year, info->half)
                              : g_strdup ("");
  g_autofree char *start = info->start_day != 0 ? pecan_day_describe (info->start_day)
                                                : g_strdup ("");
  g_autofree char *end = info->end_day != 0 ? pecan_day_describe (info->end_day) : g_strdup ("");
  char amount[64];
  const PecanCliField fields[] = {
    { _("Activity"), info->activity_name },
    { _("Status"), pecan_coop_status_label (info->status) },
    { _("Next"), next },
    { _("Program"), info->program },
    { _("Fund category"), info->fund_category },
    { _("Location"), info->location_id },
    { _("Funding pool"), info->funding_pool },
    { _("Usage period"), period },
    { _("Start"), start },
    { _("End"), end },
    { _("Amount"), amount },
    { _("Currency"), info->currency },
    { _("Partner ID"), info->partner_id },
    { _("Contact email"), info->contact_email },
  };

  pecan_nano_format (pecan_nano_round_cents (info->amount), 2, amount, sizeof amount);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    pecan_cli_print_field (pecan_cli_label_width (fields, G_N_ELEMENTS (fields)),
                           fields[i].label, fields[i].value);
  for (int step = 0; step < PECAN_COOP_N_STEPS; step++)
    printf ("[%s] %s\n", pecan_coop_step_done (info, problems, step) ? "x" : " ",
            pecan_coop_step_label (step));
  for (guint i = 0; i < problems->len; i++)
    {
      const PecanCoopProblem *p = problems->pdata[i];
      printf ("%s: %s\n", p->severity == PECAN_COOP_ERROR ? _("error") : _("warning"), p->message);
    }
}

/* A claim of either kind, and when it next needs attention. */
typedef struct
{
  GObject *claim;
  gint32   due;      /* 0: nothing due */
  guint    order;
} Item;

static gint32
due_day (PecanStore *store,
         GObject    *claim)
{
  if (PECAN_IS_CPOR_CLAIM (claim))
    return pecan_cpor_info_answer_by (pecan_cpor_claim_get_info (PECAN_CPOR_CLAIM (claim)));
  else
    {
      const PecanCoopInfo *info = pecan_coop_claim_get_info (PECAN_COOP_CLAIM (claim));

      if (info->status == PECAN_COOP_EDITING && (info->half == 1 || info->half == 2))
        return pecan_coop_deadline (info->fiscal_year, info->half,
                                    pecan_coop_get_deadline_days (store));
      return pecan_coop_info_answer_by (info);
    }
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a, *y = b;

  if ((x->due == 0) != (y->due == 0))
    return x->due == 0 ? 1 : -1;
  if (x->due != y->due)
    return x->due < y->due ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static void
print_line (PecanStore *store,
            GObject    *claim)
{
  static const int widths[] = { 8, 28, 40, 0 };
  g_autofree char *id = NULL;
  g_autofree char *next = NULL;
  const char *status, *name;

  if (PECAN_IS_CPOR_CLAIM (claim))
    {
      const PecanCporInfo *info = pecan_cpor_claim_get_info (PECAN_CPOR_CLAIM (claim));

      id = g_strdup_printf ("cpor-%" G_GINT64_FORMAT, info->id);
      next = pecan_cpor_next_action (info);
      status = pecan_cpor_status_label (info->status);
      name = info->name;
    }
  else
    {
      const PecanCoopInfo *info = pecan_coop_claim_get_info (PECAN_COOP_CLAIM (claim));

      id = g_strdup_printf ("coop-%" G_GINT64_FORMAT, info->id);
      next = pecan_coop_next_action (info, pecan_coop_get_deadline_days (store),
                                     pecan_day_today ());
      status = pecan_coop_status_label (info->status);
      name = info->activity_name;
    }
  pecan_cli_print_row ("  ", widths, G_N_ELEMENTS (widths), id, status, next, name);
}

static int
list (PecanStore *store,
      gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cpor = pecan_cpor_list (store, &error);
  g_autoptr(GListModel) coop = cpor != NULL ? pecan_coop_list (store, &error) : NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *models[2];

  if (coop == NULL)
    {
      pecan_cli_fail ("%s", error->message);
      return 1;
    }
  models[0] = cpor;
  models[1] = coop;
  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    for (guint i = 0; i < g_list_model_get_n_items (models[m]); i++)
      {
        Item item = { g_list_model_get_item (models[m], i), 0, items->len };

        item.due = due_day (store, item.claim);
        g_array_append_val (items, item);
      }
  g_array_sort (items, compare_items);
  json_builder_begin_array (b);
  for (guint i = 0; i < items->len; i++)
    {
      GObject *claim = g_array_index (items, Item, i).claim;

      if (!json)
        print_line (store, claim);
      else if (PECAN_IS_CPOR_CLAIM (claim))
        add_cpor (b, PECAN_CPOR_CLAIM (claim), store);
      else
        add_coop (b, PECAN_COOP_CLAIM (claim), store, coop);
      g_object_unref (claim);
    }
  json_builder_end_array (b);
  if (json)
    {
      root = json_builder_get_root (b);
      pecan_cli_print_json (root);
    }
  return 0;
}

/* The claim "cpor-N" or "coop-N" names. */
static GObject *
find (PecanStore *store,
      const char *text)
{
  g_autoptr(GError) error = NULL;
  GObject *claim = NULL;
  gint64 id;

  if ((g_str_has_prefix (text, "cpor-") || g_str_has_prefix (text, "coop-"))
      && g_ascii_string_to_signed (text + 5, 10, 1, G_MAXINT64, &id, NULL))
    claim = g_str_has_prefix (text, "cpor-") ? G_OBJECT (pecan_cpor_load (store, id, &error))
                                             : G_OBJECT (pecan_coop_load (store, id, &error));
  else
    g_set_error (&error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_NOT_FOUND,
                 _("“%s” names no claim: write cpor-N or coop-N, as pecan-cli claims list "
                   "shows them"), text);
  if (claim == NULL)
    pecan_cli_fail ("%s", error->message);
  return claim;
}

static int
show (PecanStore *store,
      GObject    *claim,
      gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) others = pecan_coop_list (store, &error);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  if (others == NULL)
    {
      pecan_cli_fail ("%s", error->message);
      return 1;
    }
  if (!json && PECAN_IS_CPOR_CLAIM (claim))
    show_cpor (store, pecan_cpor_claim_get_info (PECAN_CPOR_CLAIM (claim)));
  else if (!json)
    show_coop (store, pecan_coop_claim_get_info (PECAN_COOP_CLAIM (claim)), others);
  else
    {
      if (PECAN_IS_CPOR_CLAIM (claim))
        add_cpor (b, PECAN_CPOR_CLAIM (claim), store);
      else
        add_coop (b, PECAN_COOP_CLAIM (claim), store, others);
      root = json_builder_get_root (b);
      pecan_cli_print_json (root);
    }
  return 0;
}

static gboolean
export (PecanStore  *store,
        GObject     *claim,
        const char  *out,
        GError     **error)
{
  if (PECAN_IS_CPOR_CLAIM (claim))
    return pecan_cpor_export (store, pecan_cpor_claim_get_info (PECAN_CPOR_CLAIM (claim)), out,
                              error);
  return pecan_coop_export (store, pecan_coop_claim_get_info (PECAN_COOP_CLAIM (claim)), out,
                            error);
}

/* Moves a claim on to the status @text names, as of @day. */
static gboolean
move (PecanStore  *store,
      GObject     *claim,
      const char  *text,
      gint32       day,
      const char  *note,
      GError     **error)
{
  if (PECAN_IS_CPOR_CLAIM (claim))
    {
      PecanCporStatus status;

      if (!pecan_cpor_status_from_string (text, &status))
        {
          g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_FAILED,
                       _("“%s” is not a status of a CPOR claim: use draft, ready, submitted, "
                         "action-required, approved, rejected or paid"), text);
          return FALSE;
        }
      return pecan_cpor_set_status (store, pecan_cpor_claim_get_info (PECAN_CPOR_CLAIM (claim))->id,
                                    status, day, note, error);
    }
  else
    {
      PecanCoopStatus status;

      if (!pecan_coop_status_from_string (text, &status))
        {
          g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_FAILED,
                       _("“%s” is not a status of a co-op claim: use submitted, disputed, "
                         "action-required, approved, rejected or paid"), text);
          return FALSE;
        }
      return pecan_coop_set_status (store, pecan_coop_claim_get_info (PECAN_COOP_CLAIM (claim))->id,
                                    status, day, note, error);
    }
}

int
pecan_cli_claims (PecanCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autofree char *out = NULL;
  g_autofree char *date = NULL;
  g_autofree char *note = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (list, show)"), NULL },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Where to write the packet (export)"),
      N_("FILE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("When it happened, for status (today otherwise)"), N_("YYYY-MM-DD") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What happened, for status"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GObject) claim = NULL;
  g_autoptr(GError) error = NULL;
  const char *what;
  PecanStore *store;
  gint32 day = pecan_day_today ();

  if (!pecan_cli_parse (entries, N_("list | show ID | export ID --out FILE | status ID STATUS"),
                        _("CPOR customer associations and co-op claims, prepared in the window, "
                          "named cpor-N and coop-N, the ones due first first."),
                        &argc, &argv))
    return 2;
  what = argc > 1 ? argv[1] : "list";
  if (g_str_equal (what, "list") ? argc > 2
      : g_str_equal (what, "show") || g_str_equal (what, "export") ? argc != 3
      : g_str_equal (what, "status") ? argc != 4 : TRUE)
    {
      pecan_cli_fail (_("say list, show ID, export ID --out FILE or status ID STATUS"));
      return 2;
    }
  if (g_str_equal (what, "export") && out == NULL)
    {
      pecan_cli_fail (_("say where to write the packet, with --out FILE"));
      return 2;
    }
  if (g_str_equal (what, "status"))
    {
      PecanCporStatus cpor;
      PecanCoopStatus coop;

      if (!pecan_cpor_status_from_string (argv[3], &cpor)
          && !pecan_coop_status_from_string (argv[3], &coop))
        {
          pecan_cli_fail (_("“%s” is not a status: use draft, ready, editing, submitted, "
                            "disputed, action-required, approved, rejected or paid"), argv[3]);
          return 2;
        }
    }
  if (date != NULL && !pecan_parse_iso_day (date, &day))
    {
      pecan_cli_fail (_("write dates as YYYY-MM-DD, such as 2026-01-31"));
      return 2;
    }
  if ((store = pecan_cli_open_store (cli)) == NULL)
    return 1;
  if (g_str_equal (what, "list"))
    return list (store, json);
  if ((claim = find (store, argv[2])) == NULL)
    return 1;
  if (g_str_equal (what, "show"))
    return show (store, claim, json);
  if (g_str_equal (what, "export"))
    {
      if (!export (store, claim, out, &error))
        {
          pecan_cli_fail ("%s", error->message);
          return 1;
        }
      printf (_("Wrote %s"), out);
      printf ("\n");
      return 0;
    }
  if (!move (store, claim, argv[3], day, note, &error))
    {
      pecan_cli_fail ("%s", error->message);
      return 1;
    }
  g_clear_object (&claim);
  if ((claim = find (store, argv[2])) == NULL)
    return 1;
  print_line (store, claim);
  return 0;
}
