/* pecan-cli-common.c: what the commands of pecan-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "pecan-cli-private.h"
#include "pecan-parse.h"

void
pecan_cli_fail (const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "pecan-cli: %s\n", message);
}

/**
 * pecan_cli_print_row:
 * @sep: printed between two columns
 * @widths: (array length=n): each column's width in characters: the text
 *   is left-aligned, or right-aligned when the width is negative; a text
 *   too long for a left-aligned column is cut, with “…”. 0 for a last
 *   column printed as it is.
 * @n: how many columns
 * @...: the columns' texts
 *
 * Prints one line of a table for people. Widths count characters, not
 * bytes: translated headings and names hold letters such as “ä”.
 */
void
pecan_cli_print_row (const char *sep,
                     const int  *widths,
                     guint       n,
                     ...)
{
  g_autoptr(GString) line = g_string_new (NULL);
  va_list args;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      const char *text = va_arg (args, const char *);
      glong width = ABS (widths[i]);
      glong len = g_utf8_strlen (text, -1);

      if (i > 0)
        g_string_append (line, sep);
      if (widths[i] > 0 && len > width)
        {
          g_autofree char *cut = g_utf8_substring (text, 0, width - 1);

          g_string_append (line, cut);
          g_string_append (line, "…");
          continue;
        }
      if (widths[i] < 0)
        for (glong j = len; j < width; j++)
          g_string_append_c (line, ' ');
      g_string_append (line, text);
      if (widths[i] > 0 && i + 1 < n)
        for (glong j = len; j < width; j++)
          g_string_append_c (line, ' ');
    }
  va_end (args);
  while (line->len > 0 && line->str[line->len - 1] == ' ')
    g_string_truncate (line, line->len - 1);
  printf ("%s\n", line->str);
}

/**
 * pecan_cli_print_header:
 * @sep: printed between two columns
 * @widths: (array length=n) (inout): each column's width, as
 *   pecan_cli_print_row() takes it; widened where a heading is longer
 * @n: how many columns
 * @headings: (array length=n): the columns' headings
 *
 * Prints the heading line of a table, and makes room for headings that
 * translate long: the table's lines then use the same @widths.
 */
void
pecan_cli_print_header (const char         *sep,
                        int                *widths,
                        guint               n,
                        const char * const *headings)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      glong len = g_utf8_strlen (headings[i], -1);
      glong width = MAX (ABS (widths[i]), len);

      if (widths[i] != 0)
        widths[i] = widths[i] < 0 ? -width : width;
      if (i > 0)
        g_string_append (line, sep);
      for (glong j = len; widths[i] < 0 && j < width; j++)
        g_string_append_c (line, ' ');
      g_string_append (line, headings[i]);
      for (glong j = len; widths[i] > 0 && i + 1 < n && j < width; j++)
        g_string_append_c (line, ' ');
    }
  while (line->len > 0 && line->str[line->len - 1] == ' ')
    g_string_truncate (line, line->len - 1);
  printf ("%s\n", line->str);
}

/* The width, in characters, of the longest of @fields' labels. */
int
pecan_cli_label_width (const PecanCliField *fields,
                       guint                n)
{
  glong width = 0;

  for (guint i = 0; i < n; i++)
    width = MAX (width, g_utf8_strlen (fields[i].label, -1));
  return width;
}

/* Prints “label  value”, the label padded to @width characters. */
void
pecan_cli_print_field (int         width,
                       const char *label,
                       const char *value)
{
  const int widths[] = { width, 0 };

  pecan_cli_print_row ("  ", widths, G_N_ELEMENTS (widths), label, value != NULL ? value : "");
}

/**
 * pecan_cli_open_store:
 * @cli: the command line
 *
 * Returns: (transfer none) (nullable): the database, or %NULL after saying
 *   why on stderr
 */
PecanStore *
pecan_cli_open_store (PecanCli *cli)
{
  g_autoptr(GError) error = NULL;

  if (cli->store != NULL)
    return cli->store;
  cli->store = pecan_store_open (cli->database, &error);
  if (cli->store == NULL)
    {
      pecan_cli_fail ("%s", error->message);
      if (pecan_store_error_can_move_aside (error))
        {
          g_autofree char *path = cli->database != NULL ? g_strdup (cli->database)
                                                        : pecan_store_default_path ();
          g_autofree char *quoted = g_shell_quote (path);

          pecan_cli_fail (_("to move it aside (renamed, not deleted) and start with a new "
                            "database, run: pecan-cli --database %s move-aside"), quoted);
        }
    }
  return cli->store;
}

/**
 * pecan_cli_parse:
 * @entries: the command's options
 * @parameter: what follows the options, for --help
 * @summary: what the command does, for --help
 * @argc: (inout): the command's arguments, its name first
 * @argv: (inout): ...
 *
 * Returns: %FALSE after saying what is wrong on stderr
 */
gboolean
pecan_cli_parse (GOptionEntry  *entries,
                 const char    *parameter,
                 const char    *summary,
                 int           *argc,
                 char        ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      pecan_cli_fail ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

void
pecan_cli_print_json (gpointer node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

/**
 * pecan_cli_print_json_array:
 * @model: the rows
 * @add: writes one row as a JSON object
 * @data: for @add
 *
 * Prints @model as a JSON array.
 */
void
pecan_cli_print_json_array (GListModel        *model,
                            PecanCliJsonFunc   add,
                            gconstpointer      data)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      add (b, item, data);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  pecan_cli_print_json (root);
}

/* One member of the JSON object being built, per type of value. */
void
pecan_cli_json_string (JsonBuilder *b,
                       const char  *name,
                       const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

void
pecan_cli_json_int (JsonBuilder *b,
                    const char  *name,
                    gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

void
pecan_cli_json_double (JsonBuilder *b,
                       const char  *name,
                       double       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, value);
}

void
pecan_cli_json_boolean (JsonBuilder *b,
                        const char  *name,
                        gboolean     value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

void
pecan_cli_period_clear (PecanCliPeriod *options)
{
  g_clear_pointer (&options->period, g_free);
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->to, g_free);
}

/* The period of --period, or of --from and --to; every day when none. */
gboolean
pecan_cli_resolve_period (const PecanCliPeriod *options,
                          PecanPeriod          *period)
{
  period->first = PECAN_DAY_MIN;
  period->last = PECAN_DAY_MAX;
  if (options->period != NULL && (options->from != NULL || options->to != NULL))
    {
      pecan_cli_fail (_("give either --period or --from/--to, not both"));
      return FALSE;
    }
  if (options->period != NULL && !pecan_period_parse (options->period, period))
    {
      pecan_cli_fail (_("“%s” is not a period: write a month (2026-01), a quarter (2026-Q1) "
                        "or a range of them (2026-01:2026-03)"), options->period);
      return FALSE;
    }
  if ((options->from != NULL && !pecan_parse_iso_day (options->from, &period->first))
      || (options->to != NULL && !pecan_parse_iso_day (options->to, &period->last)))
    {
      pecan_cli_fail (_("write dates as YYYY-MM-DD, such as 2026-01-31"));
      return FALSE;
    }
  if (period->first > period->last)
    {
      pecan_cli_fail (_("the period ends before it starts"));
      return FALSE;
    }
  return TRUE;
}
