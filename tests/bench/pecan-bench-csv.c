/* pecan-bench-csv.c: the floor of the import benchmark, a bare libcsv parse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a file in 1 MiB read() blocks and hands them to libcsv with the
 * parser options of Pecan's importer, with callbacks that only count. No
 * decoding, no copies, no database: whatever Pecan's import costs beyond
 * this is Pecan's own work.
 *
 * Usage: pecan-bench-csv FILE
 * Prints: rows=N fields=N seconds=S (rows include the header line)
 */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define BLOCK_SIZE (1024 * 1024)

typedef struct
{
  guint64 rows;
  guint64 fields;
} Counts;

static void
field_cb (void   *data,
          size_t  len,
          void   *user_data)
{
  Counts *counts = user_data;

  counts->fields++;
}

static void
row_cb (int   c,
        void *user_data)
{
  Counts *counts = user_data;

  counts->rows++;
}

static gboolean
parse_fd (int                 fd,
          struct csv_parser  *parser,
          Counts             *counts,
          GError            **error)
{
  g_autofree char *block = g_malloc (BLOCK_SIZE);

  for (;;)
    {
      ssize_t n = read (fd, block, BLOCK_SIZE);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "read: %s", g_strerror (saved_errno));
          return FALSE;
        }
      if (n == 0)
        break;
      if (csv_parse (parser, block, (size_t) n, field_cb, row_cb, counts) != (size_t) n)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                       "libcsv: %s", csv_strerror (csv_error (parser)));
          return FALSE;
        }
    }

  if (csv_fini (parser, field_cb, row_cb, counts) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "libcsv: %s", csv_strerror (csv_error (parser)));
      return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  struct csv_parser  parser;
  Counts             counts = { 0, 0 };
  gint64             start, end;
  gboolean           ok;
  int                fd;

  if (argc != 2)
    {
      g_printerr ("Usage: %s FILE\n", g_get_prgname () ? g_get_prgname () : argv[0]);
      return 2;
    }

  /* The options Pecan's importer uses, so that the floor does the same
   * parsing work. */
  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    {
      g_printerr ("libcsv: could not initialise the parser\n");
      return 1;
    }

  fd = g_open (argv[1], O_RDONLY, 0);
  if (fd < 0)
    {
      g_printerr ("%s: %s\n", argv[1], g_strerror (errno));
      csv_free (&parser);
      return 1;
    }

  start = g_get_monotonic_time ();
  ok = parse_fd (fd, &parser, &counts, &error);
  end = g_get_monotonic_time ();

  close (fd);
  csv_free (&parser);

  if (!ok)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  printf ("rows=%" G_GUINT64_FORMAT " fields=%" G_GUINT64_FORMAT " seconds=%.3f\n",
          counts.rows, counts.fields, (end - start) / (double) G_USEC_PER_SEC);

  return 0;
}
