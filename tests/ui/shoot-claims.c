/* shoot-claims.c: the claim wizard at a given step, for screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test and not installed: it shows the wizard on a database with
 * imported usage (the demo's), with a claim filled in up to STEP, for
 * /work/shared/tools/shot or any screenshot tool, so that the README's
 * pictures need no hook in the application itself.
 *
 *   shoot-claims DATABASE STEP [--dark]   the wizard at STEP (1 to 6; "1:azure"
 *                                         and "1:coop" for the other routes)
 *   shoot-claims DATABASE seed            claims in every status, for the
 *                                         Claims page
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>

#include "pecan-i18n.h"
#include "pecan-claim-wizard.h"
#include "pecan-client.h"
#include "pecan-cpor.h"
#include "pecan-session.h"

/* A document that exists, so that its size and fingerprint are real. */
static void
add_document (PecanCporInfo *info,
              const char    *name,
              PecanPoeKind   kind,
              gsize          size)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  g_autofree char *data = g_malloc0 (size);
  g_autofree char *sha = NULL;

  for (gsize i = 0; i < size; i++)
    data[i] = (char) (i * 31 + size);
  g_assert_true (g_file_set_contents (path, data, size, NULL));
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, size);
  pecan_cpor_info_add_document (info, kind, path, sha, size, pecan_day_today () - 3);
}

/* The claim as a person has it at @step: each step filled in before it. */
static void
fill (PecanCporInfo         *info,
      const PecanClientInfo *client,
      int                    step,
      const char            *area)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *workloads_mw[] = { "Microsoft Teams", "Exchange Online", "Microsoft Intune",
                                 "Microsoft Defender for Office 365", NULL };
  const char *workloads_ba[] = { "Dynamics 365 Sales", "Power Apps", NULL };
  gboolean modern = g_str_equal (area, "Modern Work and Security");

  info->solution_area = g_strdup (area);
  info->step = step;
  info->partner_id = g_strdup ("6081234");
  if (step >= 1)
    {
      info->customer_id = client->customer_id;
      info->customer_name = g_strdup (pecan_client_info_get_title (client));
      info->tenant_id = g_strdup (client->tenant_id);
      info->customer_ref = g_strdup (client->tenant_id);
      info->name = g_strdup_printf ("%s – %s – %04d-%02d", info->customer_name, area,
                                    g_date_time_get_year (now), g_date_time_get_month (now));
    }
  if (step >= 2)
    {
      info->engagement = g_strdup (modern ? "Modern Work and Security Usage"
                                          : "Usage Recognition - Biz Apps");
      g_strfreev (info->workloads);
      info->workloads = g_strdupv ((char **) (modern ? workloads_mw : workloads_ba));
    }
  if (step >= 3)
    {
      info->customer_contact_name = g_strdup ("Megan Bowen");
      info->customer_contact_email = g_strdup (step == 3 ? "megan.bowen@" : "megan.bowen@contoso.com");
      info->customer_contact_title = g_strdup ("IT Director");
      info->partner_contact_name = g_strdup ("Alex Wilber");
      info->partner_contact_email = g_strdup ("alex.wilber@northwind.example");
    }
  if (step >= 4)
    {
      add_document (info, "Statement of work – signed.pdf", PECAN_POE_SOW_DIGITAL, 248731);
      add_document (info, "Kick-off email thread.eml", PECAN_POE_OTHER, 18204);
    }
}

static PecanClient *
client_at (GListModel *clients,
           guint       position)
{
  return g_list_model_get_item (clients, position % g_list_model_get_n_items (clients));
}

/* Claims in each status, for the Claims page. */
static void
seed (PecanStore *store,
      GListModel *clients)
{
  static const PecanCporStatus statuses[] = {
    PECAN_CPOR_ACTION_REQUIRED, PECAN_CPOR_READY, PECAN_CPOR_DRAFT, PECAN_CPOR_SUBMITTED,
    PECAN_CPOR_APPROVED, PECAN_CPOR_PAID,
  };
  gint32 today = pecan_day_today ();

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(PecanClient) client = client_at (clients, i * 3 + 1);
      PecanCporInfo info;
      PecanCporStatus path[] = { PECAN_CPOR_READY, PECAN_CPOR_SUBMITTED, PECAN_CPOR_APPROVED,
                                 PECAN_CPOR_PAID };
      g_autoptr(GError) error = NULL;

      pecan_cpor_info_init (&info);
      fill (&info, pecan_client_get_info (client), statuses[i] == PECAN_CPOR_DRAFT ? 2 : 5,
            i % 3 == 2 ? "Business Applications" : "Modern Work and Security");
      if (!pecan_cpor_save (store, &info, &error))
        g_error ("%s", error->message);
      for (guint p = 0; p < G_N_ELEMENTS (path) && statuses[i] != PECAN_CPOR_DRAFT; p++)
        {
          if (statuses[i] == PECAN_CPOR_ACTION_REQUIRED && path[p] == PECAN_CPOR_APPROVED)
            {
              pecan_cpor_set_status (store, info.id, PECAN_CPOR_ACTION_REQUIRED, today - 9,
                                     "Microsoft asks for the customer’s signature", NULL);
              break;
            }
          if (!pecan_cpor_set_status (store, info.id, path[p], today - 30 + 5 * p, NULL, &error))
            g_error ("%s", error->message);
          if (path[p] == statuses[i])
            break;
        }
      pecan_cpor_info_clear (&info);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanSession) session = NULL;
  g_autoptr(GListModel) clients = NULL;
  g_autoptr(PecanClient) client = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;
  PecanClaimWizard *wizard;
  PecanCporInfo info;
  int step;

  pecan_i18n_init ();
  if (argc < 3)
    {
      g_printerr ("Usage: %s DATABASE STEP|seed [--dark]\n", argv[0]);
      return EXIT_FAILURE;
    }
  session = pecan_session_new (argv[1], &error);
  if (session == NULL)
    g_error ("%s", error->message);
  clients = pecan_client_list (pecan_session_get_store (session), &error);
  if (clients == NULL || g_list_model_get_n_items (clients) == 0)
    g_error ("no imported customers in %s", argv[1]);
  if (g_str_equal (argv[2], "seed"))
    {
      seed (pecan_session_get_store (session), clients);
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

  step = CLAMP (atoi (argv[2]), 1, 6) - 1;
  client = client_at (clients, 4);
  pecan_cpor_info_init (&info);
  fill (&info, pecan_client_get_info (client), step, "Modern Work and Security");
  if (step > 0 && !pecan_cpor_save (pecan_session_get_store (session), &info, &error))
    g_error ("%s", error->message);
  wizard = pecan_claim_wizard_new (NULL, session, &info);
  pecan_cpor_info_clear (&info);
  if (strchr (argv[2], ':') != NULL)
    g_object_set (wizard, "route", strchr (argv[2], ':') + 1, NULL);
  /* --tall: the whole of a long step, to check its layout. */
  if (g_strv_contains ((const char * const *) argv, "--tall"))
    gtk_window_set_default_size (GTK_WINDOW (wizard), 980, 1500);
  gtk_window_present (GTK_WINDOW (wizard));
  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);
  return EXIT_SUCCESS;
}
