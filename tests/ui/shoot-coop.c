/* shoot-coop.c: the co-op checklist, for screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test and not installed: it shows the co-op checklist on a
 * database with a claim filled in, for /work/shared/tools/shot or any
 * screenshot tool, so that the README's pictures need no hook in the
 * application itself.
 *
 *   shoot-coop DATABASE STEP [--dark] [--tall]   the checklist at STEP (4 to 8) of
 *                                                 a claim ready to submit; "8:action"
 *                                                 for one a reviewer sent back
 *   shoot-coop DATABASE new [--dark]              the checklist of a new claim
 *   shoot-coop DATABASE seed                      co-op claims in several
 *                                                 statuses and their funds,
 *                                                 for the Claims page
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>

#include "pecan-i18n.h"
#include "pecan-coop-checklist.h"
#include "pecan-coop.h"
#include "pecan-parse.h"
#include "pecan-period.h"
#include "pecan-session.h"

static gint64
money (const char *text)
{
  gint64 nano = 0;

  g_assert_cmpint (pecan_parse_nano (text, strlen (text), PECAN_DECIMAL_POINT, &nano), ==,
                   PECAN_PARSE_OK);
  return nano;
}

/* A document that exists, so that its size and fingerprint are real. */
static void
add_document (PecanCoopInfo         *info,
              PecanCoopDocumentKind  kind,
              const char            *name,
              const char            *file,
              const char            *amount,
              gint32                 day,
              gsize                  size)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), file, NULL);
  g_autofree char *data = g_malloc0 (size);
  g_autofree char *sha = NULL;
  PecanCoopDocument document = { 0 };

  for (gsize i = 0; i < size; i++)
    data[i] = (char) (i * 31 + size);
  g_assert_true (g_file_set_contents (path, data, size, NULL));
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, size);
  document.kind = kind;
  document.name = (char *) name;
  document.path = path;
  document.sha256 = sha;
  document.size = size;
  document.has_amount = amount != NULL;
  document.amount = amount != NULL ? money (amount) : 0;
  document.day = day;
  pecan_coop_info_add_document (info, &document);
}

/* A webinar in the usage period running, with what proves it. */
static void
fill (PecanCoopInfo *info,
      const char    *name,
      int            fiscal_year,
      int            half,
      int            offset,
      const char    *amount)
{
  PecanPeriod period;
  gint32 start;

  pecan_coop_usage_period (fiscal_year, half, &period);
  start = period.first + offset;
  info->location_id = g_strdup ("6081234");
  info->funding_pool = g_strdup ("CSP Indirect Reseller Co-op");
  info->fiscal_year = fiscal_year;
  info->half = half;
  info->activity_name = g_strdup (name);
  info->activity_description = g_strdup ("A live webinar for 40 customers on moving their file "
                                         "servers and line-of-business apps to Azure, with a "
                                         "follow-up workshop for the ten who signed up.");
  info->start_day = start;
  info->end_day = start + 2;
  info->amount = money (amount);
  info->currency = g_strdup ("EUR");
  info->partner_id = g_strdup ("6081234");
  info->contact_email = g_strdup ("marketing@northwind.example");
}

static void
ready_claim (PecanCoopInfo *info,
             gint32         today)
{
  int fiscal_year, half;
  PecanPeriod period;

  pecan_coop_period_of_day (today, &fiscal_year, &half);
  pecan_coop_usage_period (fiscal_year, half, &period);
  fill (info, "Azure migration webinar", fiscal_year, half,
        MAX (0, MIN (today - period.first - 20, period.last - period.first - 30)), "1234.50");
  add_document (info, PECAN_COOP_INVOICE, "Invoice 2026-114, Fabrikam Events",
                "invoice-2026-114-fabrikam.pdf", "1000.00", info->end_day + 2, 184233);
  add_document (info, PECAN_COOP_INVOICE, "Invoice 7, Litware Ads", "invoice-7-litware.pdf",
                "234.50", info->end_day + 3, 92417);
  add_document (info, PECAN_COOP_RECEIPT, "Bank transfer to Fabrikam and Litware",
                "bank-transfer.pdf", "1234.50", info->end_day + 9, 40211);
  add_document (info, PECAN_COOP_EVIDENCE, "Attendance sheet, 40 attendees",
                "attendance-sheet.xlsx", NULL, info->end_day, 18204);
}

static void
save (PecanStore    *store,
      PecanCoopInfo *info)
{
  g_autoptr(GError) error = NULL;

  if (!pecan_coop_save (store, info, &error))
    g_error ("%s", error->message);
}

static void
move (PecanStore      *store,
      gint64           id,
      PecanCoopStatus  status,
      gint32           day,
      const char      *note)
{
  g_autoptr(GError) error = NULL;

  if (!pecan_coop_set_status (store, id, status, day, note, &error))
    g_error ("%s", error->message);
}

/* Co-op claims in several statuses, and the funds of their periods. */
static void
seed (PecanStore *store)
{
  gint32 today = pecan_day_today ();
  int fiscal_year, half, last_year, last_half;
  gint32 last_due;
  PecanCoopInfo info;

  pecan_coop_period_of_day (today, &fiscal_year, &half);
  last_year = half == 1 ? fiscal_year - 1 : fiscal_year;
  last_half = half == 1 ? 2 : 1;
  last_due = pecan_coop_deadline (last_year, last_half, PECAN_COOP_DEFAULT_DEADLINE_DAYS);

  /* Being edited, due at the end of the period running. */
  pecan_coop_info_init (&info);
  ready_claim (&info, today);
  save (store, &info);
  pecan_coop_info_clear (&info);

  /* Sent back by a reviewer five days ago. */
  pecan_coop_info_init (&info);
  fill (&info, "Copilot readiness workshop", last_year, last_half, 20, "2400.00");
  add_document (&info, PECAN_COOP_INVOICE, "Invoice 88, Contoso Training", "invoice-88.pdf",
                "2400.00", info.end_day + 1, 58121);
  add_document (&info, PECAN_COOP_EVIDENCE, "Workshop photos", "workshop-photos.zip", NULL,
                info.end_day, 220481);
  save (store, &info);
  /* In time: a month after the usage period. */
  move (store, info.id, PECAN_COOP_SUBMITTED, MIN (today - 20, last_due - 15),
        "Partner Center claim 5512");
  move (store, info.id, PECAN_COOP_ACTION_REQUIRED, today - 5,
        "The invoice must show the VAT number");
  pecan_coop_info_clear (&info);

  /* Paid. */
  pecan_coop_info_init (&info);
  fill (&info, "Teams Phone launch mailing", last_year, last_half, 60, "860.00");
  add_document (&info, PECAN_COOP_INVOICE, "Invoice 31, Adatum Print", "invoice-31.pdf",
                "860.00", info.end_day + 1, 30411);
  add_document (&info, PECAN_COOP_EVIDENCE, "Mailing proof", "mailing-proof.pdf", NULL,
                info.end_day, 12044);
  save (store, &info);
  move (store, info.id, PECAN_COOP_SUBMITTED, MIN (today - 60, last_due - 10), NULL);
  move (store, info.id, PECAN_COOP_APPROVED, today - 40, NULL);
  move (store, info.id, PECAN_COOP_PAID, today - 25, NULL);
  pecan_coop_info_clear (&info);

  pecan_coop_set_funds (store, fiscal_year, half, "EUR", money ("5000"), NULL);
  pecan_coop_set_funds (store, last_year, last_half, "EUR", money ("4000"), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanSession) session = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;
  PecanCoopChecklist *checklist;
  PecanCoopInfo info;
  PecanStore *store;
  gint32 today = pecan_day_today ();
  int step;

  pecan_i18n_init ();
  if (argc < 3)
    {
      g_printerr ("Usage: %s DATABASE STEP|seed [--dark] [--tall]\n", argv[0]);
      return EXIT_FAILURE;
    }
  session = pecan_session_new (argv[1], &error);
  if (session == NULL)
    g_error ("%s", error->message);
  store = pecan_session_get_store (session);
  if (g_str_equal (argv[2], "seed"))
    {
      seed (store);
      return EXIT_SUCCESS;
    }

  gtk_init ();
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/pecanapp/Pecan/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/pecanapp/Pecan/icons");
  for (int i = 3; i < argc; i++)
    if (g_str_equal (argv[i], "--dark"))
      g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", TRUE, NULL);

  if (g_str_equal (argv[2], "new"))
    {
      checklist = pecan_coop_checklist_new (NULL, session, NULL);
      gtk_window_present (GTK_WINDOW (checklist));
      while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
        g_main_context_iteration (NULL, TRUE);
      return EXIT_SUCCESS;
    }
  step = CLAMP (atoi (argv[2]), 4, 8);
  pecan_coop_info_init (&info);
  ready_claim (&info, today);
  save (store, &info);
  pecan_coop_tick (store, info.id, PECAN_COOP_STEP_SIGN_IN, today - 1, NULL);
  pecan_coop_tick (store, info.id, PECAN_COOP_STEP_INCENTIVES, today - 1, NULL);
  if (step == 8)
    move (store, info.id, PECAN_COOP_SUBMITTED, today, "Partner Center claim 5531");
  if (step == 8 && strstr (argv[2], ":action") != NULL)
    move (store, info.id, PECAN_COOP_ACTION_REQUIRED, today,
          "The invoice of Litware must show its VAT number");
  pecan_coop_info_clear (&info);
  {
    g_autoptr(GListModel) claims = pecan_coop_list (store, NULL);
    g_autoptr(PecanCoopClaim) claim = g_list_model_get_item (claims, 0);

    checklist = pecan_coop_checklist_new (NULL, session, pecan_coop_claim_get_info (claim));
  }
  if (step != 8)
    gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.go-to", "i", step - 1);
  /* --tall: the whole of a long page, to check its layout. */
  if (g_strv_contains ((const char * const *) argv, "--tall"))
    gtk_window_set_default_size (GTK_WINDOW (checklist), 1020, 1500);
  gtk_window_present (GTK_WINDOW (checklist));
  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);
  return EXIT_SUCCESS;
}
