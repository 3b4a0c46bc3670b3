/* pecan-bench-xlsx.c: the floor of the report benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes ROWS rows shaped like a report's Lines sheet (a date, six texts, a
 * quantity, a unit, a currency and four amounts) with libxlsxwriter in
 * constant-memory mode, and nothing else: no database, no query, no
 * formatting work. What Pecan adds to this is its own cost.
 *
 * Usage: pecan-bench-xlsx ROWS OUT.xlsx
 */
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

int
main (int   argc,
      char *argv[])
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  const char *texts[] = { "Production", "5a6821d3-d440-45a7-9ba5-860ff63d5025", "Virtual Machines",
                          "Dsv3 Series", "D2s v3", "Virtual Machines Dsv3 Series" };
  lxw_workbook *book;
  lxw_worksheet *sheet;
  lxw_format *money, *date;
  unsigned long rows, row = 1, sheets = 1;
  char name[32];

  if (argc != 3 || (rows = strtoul (argv[1], NULL, 10)) == 0)
    {
      fprintf (stderr, "Usage: %s ROWS OUT.xlsx\n", argv[0]);
      return 2;
    }
  book = workbook_new_opt (argv[2], &options);
  money = workbook_add_format (book);
  format_set_num_format (money, "#,##0.00 \"EUR\"");
  date = workbook_add_format (book);
  format_set_num_format (date, "yyyy-mm-dd");
  sheet = workbook_add_worksheet (book, "Lines");
  for (unsigned long i = 0; i < rows; i++, row++)
    {
      if (row == LXW_ROW_MAX)
        {
          snprintf (name, sizeof name, "Lines %lu", ++sheets);
          sheet = workbook_add_worksheet (book, name);
          row = 1;
        }
      worksheet_write_number (sheet, row, 0, 46023 + i % 31, date);
      for (int t = 0; t < 6; t++)
        worksheet_write_string (sheet, row, 1 + t, texts[t], NULL);
      worksheet_write_number (sheet, row, 7, (i % 100) / 4.0, NULL);
      worksheet_write_string (sheet, row, 8, "1 Hour", NULL);
      worksheet_write_string (sheet, row, 9, "EUR", NULL);
      for (int m = 0; m < 4; m++)
        worksheet_write_number (sheet, row, 10 + m, (i % 977) * 0.013 * (m + 1), money);
    }
  if (workbook_close (book) != LXW_NO_ERROR)
    return 1;
  printf ("rows=%lu sheets=%lu\n", rows, sheets);
  return 0;
}
