/* pecan-cli-claims.c: pecan-cli claims list, show, export and status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pecan-cli-private.h"
#include "pecan-cpor.h"
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
add_claim (gpointer      builder,
           gpointer      item,
           gconstpointer data)
{
  JsonBuilder *b = builder;
  const PecanCporInfo *info = pecan_cpor_claim_get_info (item);
  PecanStore *store = (PecanStore *) data;
  g_autofree char *domain = info->tenant_id != NULL
                              ? pecan_cpor_imported_domain (store, info->tenant_id) : NULL;
  g_autoptr(GPtrArray) problems = pecan_cpor_check (info, domain, pecan_day_today ());
  g_autofree char *next = pecan_cpor_next_action (info);
  static const char * const id_types[] = { "domain", "tenant", "tpid", "subscription" };
  static const char * const kinds[] = { "sow-wet-signature", "sow-digital-signature",
                                        "poe-template", "other" };

  json_builder_begin_object (b);
  pecan_cli_json_int (b, "id", info->id);
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
print_line (const PecanCporInfo *info)
{
  g_autofree char *next = pecan_cpor_next_action (info);

  printf ("%4" G_GINT64_FORMAT "  %-28s  %-40s  %s\n", info->id,
          pecan_cpor_status_label (info->status), next, info->name);
}

static int
list (PecanStore *store,
      gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) claims = pecan_cpor_list (store, &error);

  if (claims == NULL)
    {
      pecan_cli_fail ("%s", error->message);
      return 1;
    }
  if (json)
    {
      pecan_cli_print_json_array (claims, add_claim, store);
      return 0;
    }
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(PecanCporClaim) claim = g_list_model_get_item (claims, i);
      print_line (pecan_cpor_claim_get_info (claim));
    }
  return 0;
}

static void
show_text (PecanStore          *store,
           const PecanCporInfo *info)
{
  g_autofree char *domain = info->tenant_id != NULL
                              ? pecan_cpor_imported_domain (store, info->tenant_id) : NULL;
  g_autoptr(GPtrArray) problems = pecan_cpor_check (info, domain, pecan_day_today ());
  g_autofree char *next = pecan_cpor_next_action (info);
  g_autofree char *workloads = g_strjoinv (", ", info->workloads);
  const struct
  {
    const char *label;
    const char *value;
  } fields[] = {
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

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    printf ("%-20s %s\n", fields[i].label, fields[i].value != NULL ? fields[i].value : "");
  for (guint i = 0; i < info->documents->len; i++)
    {
      const PecanPoeDocument *d = &g_array_index (info->documents, PecanPoeDocument, i);
      printf ("%-20s %s: %s\n", i == 0 ? _("Proof of execution") : "",
              pecan_poe_kind_label (d->kind), d->path);
    }
  for (guint i = 0; i < problems->len; i++)
    {
      const PecanCporProblem *p = problems->pdata[i];
      printf ("%s: %s\n", p->severity == PECAN_CPOR_ERROR ? _("error") : _("warning"), p->message);
    }
}

static PecanCporClaim *
find (PecanStore *store,
      const char *text)
{
  g_autoptr(GError) error = NULL;
  PecanCporClaim *claim;
  gint64 id;

  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      pecan_cli_fail (_("“%s” is not a claim number: see pecan-cli claims list"), text);
      return NULL;
    }
  claim = pecan_cpor_load (store, id, &error);
  if (claim == NULL)
    pecan_cli_fail ("%s", error->message);
  return claim;
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
  g_autoptr(PecanCporClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  const char *what;
  PecanStore *store;
  PecanCporStatus status;
  gint32 day = pecan_day_today ();

  if (!pecan_cli_parse (entries, N_("list | show ID | export ID --out FILE | status ID STATUS"),
                        _("CPOR customer associations prepared in the window. STATUS is "
                          "ready, submitted, action-required, approved, rejected or paid."),
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
      if (!pecan_cpor_status_from_string (argv[3], &status))
        {
          pecan_cli_fail (_("“%s” is not a status: use draft, ready, submitted, "
                            "action-required, approved, rejected or paid"), argv[3]);
          return 2;
        }
      if (date != NULL && !pecan_parse_iso_day (date, &day))
        {
          pecan_cli_fail (_("write dates as YYYY-MM-DD, such as 2026-01-31"));
          return 2;
        }
    }
  if ((store = pecan_cli_open_store (cli)) == NULL)
    return 1;
  if (g_str_equal (what, "list"))
    return list (store, json);
  if ((claim = find (store, argv[2])) == NULL)
    return 1;

  if (g_str_equal (what, "show"))
    {
      if (json)
        {
          g_autoptr(JsonBuilder) b = json_builder_new ();
          g_autoptr(JsonNode) root = NULL;

          add_claim (b, claim, store);
          root = json_builder_get_root (b);
          pecan_cli_print_json (root);
        }
      else
        show_text (store, pecan_cpor_claim_get_info (claim));
      return 0;
    }
  if (g_str_equal (what, "export"))
    {
      if (!pecan_cpor_export (store, pecan_cpor_claim_get_info (claim), out, &error))
        {
          pecan_cli_fail ("%s", error->message);
          return 1;
        }
      printf (_("Wrote %s"), out);
      printf ("\n");
      return 0;
    }
  if (!pecan_cpor_set_status (store, pecan_cpor_claim_get_info (claim)->id, status, day, note,
                              &error))
    {
      pecan_cli_fail ("%s", error->message);
      return 1;
    }
  g_clear_object (&claim);
  if ((claim = find (store, argv[2])) == NULL)
    return 1;
  print_line (pecan_cpor_claim_get_info (claim));
  return 0;
}
