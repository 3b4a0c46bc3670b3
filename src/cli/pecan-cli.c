/* pecan-cli.c: the core, scripted: imports, figures and history for month-end automation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pecan-i18n.h"
#include "pecan-cli-private.h"

typedef struct
{
  const char *name;
  int       (*run) (PecanCli *cli, int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "import", pecan_cli_import, N_("Import usage files (all or nothing per file)") },
  { "summary", pecan_cli_summary, N_("PEC earned, lost and billed, by customer, month …") },
  { "incidents", pecan_cli_incidents, N_("Subscriptions that stopped earning PEC") },
  { "eligibility", pecan_cli_eligibility,
    N_("Billed over the trailing twelve months (MCI eligibility)") },
  { "imports", pecan_cli_imports, N_("The history of imports") },
  { "undo", pecan_cli_undo, N_("Remove an import’s data") },
  { "backup", pecan_cli_backup, N_("Copy the database, consistently, while it is in use") },
  { "move-aside", pecan_cli_move_aside, N_("Rename a damaged database, to start a new one") },
  { "demo", pecan_cli_demo, N_("Write a realistic demo usage file") },
  { "report", pecan_cli_report, N_("Write credit-sharing workbooks, one per client") },
  { "client", pecan_cli_client, N_("How PEC is shared with each client") },
  { "sharing", pecan_cli_sharing, N_("The settings of every credit-sharing report") },
  { "claims", pecan_cli_claims, N_("Incentive claims, CPOR and co-op: list, show, export") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: pecan-cli [--database PATH] COMMAND [OPTIONS…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “pecan-cli COMMAND --help” for a command’s options. The "
                            "database is $PECAN_DATABASE, else ~/.local/share/pecan/pecan.db."));
}

/* Global options come before the command; each command parses its own. */
static int
parse_global (PecanCli   *cli,
              int        *argc,
              char     ***argv)
{
  while (*argc > 1 && g_str_has_prefix ((*argv)[1], "-"))
    {
      const char *arg = (*argv)[1];

      if (g_str_equal (arg, "--database") && *argc > 2)
        {
          g_free (cli->database);
          cli->database = g_strdup ((*argv)[2]);
          *argc -= 2, *argv += 2;
        }
      else if (g_str_has_prefix (arg, "--database="))
        {
          g_free (cli->database);
          cli->database = g_strdup (arg + strlen ("--database="));
          *argc -= 1, *argv += 1;
        }
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_usage (stdout);
          return 0;
        }
      else if (g_str_equal (arg, "--version"))
        {
          printf ("pecan-cli %s\n", PACKAGE_VERSION);
          return 0;
        }
      else
        {
          pecan_cli_fail (_("unknown option “%s”"), arg);
          print_usage (stderr);
          return 2;
        }
    }
  return -1;
}

int
main (int    argc,
      char **argv)
{
  PecanCli cli = { 0 };
  int status;

  pecan_i18n_init ();
  g_set_prgname ("pecan-cli");

  status = parse_global (&cli, &argc, &argv);
  if (status >= 0)
    return status;
  if (argc < 2)
    {
      print_usage (stderr);
      return 2;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        status = commands[i].run (&cli, argc - 1, argv + 1);
        g_clear_object (&cli.store);
        g_free (cli.database);
        return status;
      }
  pecan_cli_fail (_("unknown command “%s”"), argv[1]);
  print_usage (stderr);
  return 2;
}
