/* pecan-cli-history.c: pecan-cli imports, undo and demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "pecan-cli-private.h"
#include "pecan-batch.h"
#include "pecan-demo.h"
#include "pecan-parse.h"
#include "pecan-query.h"

static void
add_batch_object (JsonBuilder          *b,
                  const PecanBatchInfo *info)
{
  char first[11] = "", last[11] = "";

  if (info->first_day != G_MININT32)
    {
      pecan_day_format (info->first_day, first);
      pecan_day_format (info->last_day, last);
    }
  json_builder_begin_object (b);
  pecan_cli_json_int (b, "id", info->id);
  pecan_cli_json_string (b, "file_name", info->file_name);
  pecan_cli_json_int (b, "file_size", info->file_size);
  pecan_cli_json_string (b, "sha256", info->sha256);
  pecan_cli_json_string (b, "layout", pecan_layout_to_string (info->layout));
  pecan_cli_json_int (b, "lines", info->lines);
  pecan_cli_json_int (b, "skipped", info->skipped);
  pecan_cli_json_int (b, "replaced", info->replaced);
  pecan_cli_json_string (b, "first_day", first);
  pecan_cli_json_string (b, "last_day", last);
  pecan_cli_json_boolean (b, "pec_known", info->pec_known);
  pecan_cli_json_string (b, "imported_at", info->imported_at);
  json_builder_end_object (b);
}

static void
add_batch_item (gpointer      builder,
                gpointer      item,
                gconstpointer data)
{
  add_batch_object (builder, pecan_batch_get_info (PECAN_BATCH (item)));
}

static void
print_batches (GListModel *batches)
{
  int widths[] = { -6, 19, -10, -8, 23, 0 };
  const char *headings[] = { _("Import"), _("Imported at"), _("Lines"), _("Skipped"),
                             _("Usage days"), _("File") };
  guint n = g_list_model_get_n_items (batches);

  pecan_cli_print_header ("  ", widths, G_N_ELEMENTS (widths), headings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PecanBatch) batch = g_list_model_get_item (batches, i);
      const PecanBatchInfo *info = pecan_batch_get_info (batch);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, info->id);
      g_autofree char *at = g_strndup (info->imported_at, 19);
      g_autofree char *lines = g_strdup_printf ("%" G_GUINT64_FORMAT, info->lines);
      g_autofree char *skipped = g_strdup_printf ("%" G_GUINT64_FORMAT, info->skipped);
      g_autofree char *days = NULL;
      char first[11] = "", last[11] = "";

      if (info->first_day != G_MININT32)
        {
          pecan_day_format (info->first_day, first);
          pecan_day_format (info->last_day, last);
        }
      days = g_strdup_printf ("%s – %s", first, last);
      pecan_cli_print_row ("  ", widths, G_N_ELEMENTS (widths), id, at, lines, skipped, days,
                           info->file_name);
    }
}

int
pecan_cli_imports (PecanCli  *cli,
                   int        argc,
                   char     **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) batches = NULL;
  PecanStore *store;
  guint n;

  if (!pecan_cli_parse (entries, NULL, _("The files imported, newest first."), &argc, &argv))
    return 2;
  if ((store = pecan_cli_open_store (cli)) == NULL)
    return 1;
  if ((batches = pecan_query_batches (store, &error)) == NULL)
    {
      pecan_cli_fail ("%s", error->message);
      return 1;
    }
  n = g_list_model_get_n_items (batches);
  if (json)
    {
      pecan_cli_print_json_array (batches, add_batch_item, NULL);
      return 0;
    }
  print_batches (batches);
  if (n == 0)
    printf ("%s\n", _("Nothing imported yet. Import a usage file with “pecan-cli import FILE”."));
  return 0;
}

int
pecan_cli_undo (PecanCli  *cli,
                int        argc,
                char     **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  PecanStore *store;
  gint64 id;

  if (!pecan_cli_parse (entries, _("IMPORT"),
                        _("Removes the lines an import still holds. Data it replaced is not "
                          "brought back: import that file again."), &argc, &argv))
    return 2;
  if (argc != 2 || !g_ascii_string_to_signed (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    {
      pecan_cli_fail (_("name one import by its number, as “pecan-cli imports” lists it"));
      return 2;
    }
  if ((store = pecan_cli_open_store (cli)) == NULL)
    return 1;
  if (!pecan_store_undo_batch (store, id, &error))
    {
      pecan_cli_fail ("%s", error->message);
      return 1;
    }
  printf (_("Import %lld undone.\n"), (long long) id);
  return 0;
}

int
pecan_cli_backup (PecanCli  *cli,
                  int        argc,
                  char     **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  PecanStore *store;

  if (!pecan_cli_parse (entries, _("[FILE]"),
                        _("Writes a consistent copy of the database, readable by you only. "
                          "Without FILE, the copy is written beside the database, named with "
                          "the date and time."), &argc, &argv))
    return 2;
  if (argc > 2)
    {
      pecan_cli_fail (_("name at most one file to write the backup to"));
      return 2;
    }
  if ((store = pecan_cli_open_store (cli)) == NULL)
    return 1;
  if ((path = pecan_store_backup (store, argc == 2 ? argv[1] : NULL, &error)) == NULL)
    {
      pecan_cli_fail ("%s", error->message);
      return 1;
    }
  printf (_("Backed up to %s\n"), path);
  return 0;
}

int
pecan_cli_move_aside (PecanCli  *cli,
                      int        argc,
                      char     **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autoptr(PecanStore) store = NULL;
  g_autofree char *path = NULL;
  g_autofree char *moved = NULL;

  if (!pecan_cli_parse (entries, NULL,
                        _("Renames a damaged database, or one of a newer Pecan, with the files "
                          "beside it, to a new name in the same folder: nothing is deleted, and "
                          "the next command starts a new database. A database that opens "
                          "without a problem stays where it is."), &argc, &argv))
    return 2;
  if (argc > 1)
    {
      pecan_cli_fail (_("move-aside takes no file: name the database with --database PATH"));
      return 2;
    }
  path = cli->database != NULL ? g_strdup (cli->database) : pecan_store_default_path ();
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      pecan_cli_fail (_("there is no database at “%s”: nothing to move"), path);
      return 1;
    }
  if ((store = pecan_store_open (path, &error)) != NULL)
    {
      pecan_cli_fail (_("“%s” opens without a problem, so it stays where it is; "
                        "“pecan-cli backup” copies it"), path);
      return 1;
    }
  if (!pecan_store_error_can_move_aside (error))
    {
      pecan_cli_fail ("%s", error->message);
      return 1;
    }
  g_clear_error (&error);
  if ((moved = pecan_store_move_aside (path, &error)) == NULL)
    {
      pecan_cli_fail ("%s", error->message);
      return 1;
    }
  printf (_("Moved “%s” aside to “%s”. The next command starts a new, empty database.\n"), path,
          moved);
  return 0;
}

static gboolean
parse_months (const char       *text,
              PecanDemoOptions *options)
{
  PecanPeriod period;
  int y1, m1, d1, y2, m2, d2;

  if (!pecan_period_parse (text, &period))
    return FALSE;
  pecan_day_to_ymd (period.first, &y1, &m1, &d1);
  pecan_day_to_ymd (period.last, &y2, &m2, &d2);
  options->first_year = y1;
  options->first_month = m1;
  options->months = (y2 - y1) * 12 + m2 - m1 + 1;
  return TRUE;
}

int
pecan_cli_demo (PecanCli  *cli,
                int        argc,
                char     **argv)
{
  g_autofree char *out = NULL;
  g_autofree char *months = NULL;
  g_autofree char *currency = NULL;
  int customers = 0, seed = -1;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Where to write the file"), N_("FILE") },
    { "customers", 0, 0, G_OPTION_ARG_INT, &customers, N_("How many customers (25)"), N_("N") },
    { "months", 0, 0, G_OPTION_ARG_STRING, &months,
      N_("Which months (the three before this one)"), N_("2026-01[:2026-03]") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Same seed, same file (1)"), N_("N") },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency, N_("EUR, USD or GBP"), N_("CODE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  PecanDemoOptions options;

  if (!pecan_cli_parse (entries, NULL, _("Writes a realistic Partner Center daily rated usage "
                                         "file, to try Pecan with."), &argc, &argv))
    return 2;
  pecan_demo_options_init (&options);
  if (out == NULL)
    {
      pecan_cli_fail (_("say where to write the file with --out FILE"));
      return 2;
    }
  if (months != NULL && !parse_months (months, &options))
    {
      pecan_cli_fail (_("“%s” is not a month or a range of months such as 2026-01:2026-03"),
                      months);
      return 2;
    }
  if (customers > 0)
    options.customers = customers;
  if (seed >= 0)
    options.seed = seed;
  if (currency != NULL)
    options.currency = currency;
  if (!pecan_demo_write (out, &options, NULL, &error))
    {
      pecan_cli_fail ("%s", error->message);
      return 1;
    }
  return 0;
}
