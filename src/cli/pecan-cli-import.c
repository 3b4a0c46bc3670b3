/* pecan-cli-import.c: pecan-cli import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "pecan-cli-private.h"
#include "pecan-importer.h"
#include "pecan-parse.h"

typedef struct
{
  const char *name;
  gint64      started;
  gint64      last_shown;
} Progress;

/* Progress goes to a terminal only: scripts get one line per file. */
static void
progress_cb (const PecanImportProgress *progress,
             gpointer                   user_data)
{
  Progress *p = user_data;
  gint64 now = g_get_monotonic_time ();
  double seconds = (now - p->started) / (double) G_USEC_PER_SEC;

  if (now - p->last_shown < G_USEC_PER_SEC / 5)
    return;
  p->last_shown = now;
  fprintf (stderr, "\r%s: %3.0f %%, %" G_GUINT64_FORMAT " lines, %.0f MB/s   ", p->name,
           progress->bytes_total ? 100.0 * progress->bytes_read / progress->bytes_total : 0.0,
           progress->lines, seconds > 0 ? progress->bytes_read / 1e6 / seconds : 0.0);
}

static void
print_result (PecanBatch *batch,
              gboolean    dry_run)
{
  const PecanBatchInfo *info = pecan_batch_get_info (batch);
  g_autoptr(GString) line = g_string_new (NULL);
  char first[11] = "", last[11] = "";

  if (info->duplicate_of != 0)
    {
      printf (_("%s: already imported (import %lld); nothing changed\n"),
              info->file_name, (long long) info->duplicate_of);
      return;
    }
  if (info->first_day != G_MININT32)
    {
      pecan_day_format (info->first_day, first);
      pecan_day_format (info->last_day, last);
    }
  g_string_append_printf (line, dry_run ? _("%s: would import %s") : _("%s: imported %s"),
                          info->file_name, pecan_layout_describe (info->layout));
  g_string_append_printf (line, ngettext (", %llu line", ", %llu lines", info->lines),
                          (unsigned long long) info->lines);
  g_string_append_printf (line, ngettext (", %u customer", ", %u customers", info->customers),
                          info->customers);
  if (info->first_day != G_MININT32)
    g_string_append_printf (line, _(", usage from %s to %s"), first, last);
  if (!dry_run)
    g_string_append_printf (line, _(", as import %lld in %.1f s"),
                            (long long) info->id, info->seconds);
  if (info->skipped > 0)
    g_string_append_printf (line, ngettext ("; %llu bad line skipped",
                                            "; %llu bad lines skipped",
                                            info->skipped), (unsigned long long) info->skipped);
  if (info->replaced > 0)
    g_string_append_printf (line, ngettext ("; replaced %llu older line",
                                            "; replaced %llu older lines",
                                            info->replaced), (unsigned long long) info->replaced);
  if (info->kept > 0)
    g_string_append_printf (line, ngettext ("; %llu unbilled line left out: "
                                            "billed data for its day is kept",
                                            "; %llu unbilled lines left out: "
                                            "billed data for their days is kept", info->kept),
                            (unsigned long long) info->kept);
  if (!info->pec_known)
    g_string_append (line, _("; this export has no PEC columns: its costs are imported, its PEC "
                             "is unknown"));
  printf ("%s\n", line->str);
}

static gboolean
import_one (PecanStore       *store,
            const char       *path,
            PecanImportFlags  flags)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanBatch) batch = NULL;
  Progress progress = { path, g_get_monotonic_time (), 0 };
  gboolean tty = isatty (STDERR_FILENO);

  batch = pecan_import_file (store, file, flags, tty ? progress_cb : NULL, &progress, NULL,
                             &error);
  if (tty && progress.last_shown != 0)
    fprintf (stderr, "\r%*s\r", 72, "");
  if (batch == NULL)
    {
      pecan_cli_fail ("%s", error->message);
      if (pecan_import_error_can_skip (error) && !(flags & PECAN_IMPORT_SKIP_BAD_ROWS))
        pecan_cli_fail ("%s", _("To import the other lines, and list the bad ones with the "
                                "import, run it again with --skip-bad-rows."));
      return FALSE;
    }
  print_result (batch, (flags & PECAN_IMPORT_DRY_RUN) != 0);
  return TRUE;
}

int
pecan_cli_import (PecanCli  *cli,
                  int        argc,
                  char     **argv)
{
  gboolean skip = FALSE, dry_run = FALSE;
  GOptionEntry entries[] = {
    { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &skip,
      N_("Import the good lines and list the bad ones with the import"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Read and check the files, print what would be imported, write nothing"), NULL },
    { NULL }
  };
  PecanImportFlags flags = PECAN_IMPORT_DEFAULT;
  PecanStore *store;
  int failed = 0;

  if (!pecan_cli_parse (entries, _("FILE…"),
                        _("Imports Partner Center daily rated usage, invoice reconciliation and "
                          "Azure Cost Management files. Each file imports whole or not at all."),
                        &argc, &argv))
    return 2;
  if (argc < 2)
    {
      pecan_cli_fail (_("name at least one file to import"));
      return 2;
    }
  if ((store = pecan_cli_open_store (cli)) == NULL)
    return 1;
  if (skip)
    flags |= PECAN_IMPORT_SKIP_BAD_ROWS;
  if (dry_run)
    flags |= PECAN_IMPORT_DRY_RUN;
  for (int i = 1; i < argc; i++)
    failed += !import_one (store, argv[i], flags);
  return failed ? 1 : 0;
}
