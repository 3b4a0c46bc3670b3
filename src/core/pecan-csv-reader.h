/* pecan-csv-reader.h: a streaming reader of delimited text in any encoding Excel writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pecan-parse.h"

G_BEGIN_DECLS

typedef struct _PecanCsvReader PecanCsvReader;

/* One line of the file: only the columns selected with
 * pecan_csv_reader_select() are kept, each NUL-terminated. */
typedef struct
{
  guint64       line;          /* the line it starts on; the header is line 1 */
  guint         n_fields;      /* how many fields the line had */
  const char  **text;          /* per selected slot, or "" when absent */
  const gsize  *len;
  const char   *arena;         /* every kept field lies in here ... */
  gsize         arena_len;     /* ... so a line can be copied in one move */
} PecanCsvRow;

/* Return FALSE (with @error set) to stop reading. */
typedef gboolean (*PecanCsvHeaderFunc) (PecanCsvReader     *reader,
                                        const char * const *names,
                                        guint               n_names,
                                        gpointer            user_data,
                                        GError            **error);
typedef gboolean (*PecanCsvRowFunc)    (PecanCsvReader     *reader,
                                        const PecanCsvRow  *row,
                                        gpointer            user_data,
                                        GError            **error);
typedef void     (*PecanCsvProgressFunc) (guint64           bytes_read,
                                          guint64           lines,
                                          gpointer          user_data);

PecanCsvReader  *pecan_csv_reader_open          (GFile               *file,
                                                 GError             **error);
void             pecan_csv_reader_free          (PecanCsvReader      *reader);
void             pecan_csv_reader_select        (PecanCsvReader      *reader,
                                                 const int           *column_of_slot,
                                                 guint                n_slots);
void             pecan_csv_reader_set_progress  (PecanCsvReader      *reader,
                                                 PecanCsvProgressFunc func,
                                                 gpointer             user_data);
gboolean         pecan_csv_reader_run           (PecanCsvReader      *reader,
                                                 PecanCsvHeaderFunc   header_func,
                                                 PecanCsvRowFunc      row_func,
                                                 gpointer             user_data,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
const char      *pecan_csv_reader_get_name      (PecanCsvReader      *reader);
guint64          pecan_csv_reader_get_line      (PecanCsvReader      *reader);
const char      *pecan_csv_reader_get_column    (PecanCsvReader      *reader,
                                                 guint                column);
guint64          pecan_csv_reader_get_size      (PecanCsvReader      *reader);
char             pecan_csv_reader_get_delimiter (PecanCsvReader      *reader);
PecanDecimalMark pecan_csv_reader_get_decimal_mark (PecanCsvReader   *reader);
const char      *pecan_csv_reader_get_encoding  (PecanCsvReader      *reader);
gboolean         pecan_csv_reader_hash_step     (PecanCsvReader      *reader,
                                                 gboolean             wait);
gboolean         pecan_csv_reader_hash_to_end   (PecanCsvReader      *reader,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
char            *pecan_csv_reader_get_sha256    (PecanCsvReader      *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PecanCsvReader, pecan_csv_reader_free)

G_END_DECLS
