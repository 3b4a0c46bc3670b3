/* pecan-csv-reader.h: a streaming reader of delimited text in any encoding Excel writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pecan-parse.h"

G_BEGIN_DECLS

typedef struct _PecanCsvReader PecanCsvReader;

/* Where the reader puts the text of the lines it reads: the selected
 * fields of each line, each NUL-terminated, one line after another. */
typedef struct
{
  char  *data;
  gsize  len;
  gsize  size;
} PecanCsvText;

#define PECAN_CSV_NO_FIELD G_MAXUINT32

/* One line of the file: only the columns selected with
 * pecan_csv_reader_select() are kept, at the end of the reader's text. */
typedef struct
{
  guint64         line;        /* the line it starts on; the header is line 1 */
  guint           n_fields;    /* how many fields the line had */
  gsize           start;       /* where its text starts in the text */
  const guint32  *offset;      /* per selected slot, from @start; or PECAN_CSV_NO_FIELD */
  const guint32  *len;         /* per slot, in bytes: a NUL inside is not its end */
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
void             pecan_csv_reader_set_text      (PecanCsvReader      *reader,
                                                 PecanCsvText        *text);
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
