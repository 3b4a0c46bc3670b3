/* pecan-csv-reader.c: a streaming reader of delimited text in any encoding Excel writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is read in large blocks, hashed, decoded to UTF-8 when it is
 * UTF-16, and fed to libcsv. Only the columns the caller selected are copied
 * out of libcsv's buffer, straight into the caller's text, which the caller
 * empties: memory stays constant whatever the file's size.
 */
#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#ifdef HAVE_LIBCRYPTO
# include <openssl/evp.h>
#endif

#include "pecan-csv-reader.h"
#include "pecan-error.h"

#define BLOCK_SIZE (1024 * 1024)
/* Blocks wait here until they are both parsed and hashed. */
#define RING_BLOCKS 4
/* Bounds that keep memory constant whatever a file holds: no usage file
 * has a field of megabytes or a thousand columns. */
#define MAX_FIELD_SIZE (16 * 1024 * 1024)
#define MAX_COLUMNS 1024

struct _PecanCsvReader
{
  GFile               *file;
  char                *name;
  GInputStream        *stream;
  guint64              size;
  guint64              bytes_read;

  struct csv_parser    parser;
  char                 delimiter;
  PecanDecimalMark     mark;
  const char          *encoding;
  GConverter          *decoder;
  GByteArray          *pending;      /* undecoded bytes carried to the next block */
  guchar              *ring[RING_BLOCKS]; /* the last blocks read: hashed or not yet */
  gsize                ring_len[RING_BLOCKS];
  guint64              n_read;       /* blocks read; the last one is being parsed */
  gboolean             at_end;       /* the whole file is read */
  const guchar        *block;
  gsize                block_len;
  gsize                block_skip;   /* the byte order mark */
  char                *decoded;
  gsize                decoded_size;

#ifdef HAVE_LIBCRYPTO
  EVP_MD_CTX          *sha256;
#else
  GChecksum           *sha256;
#endif
  GMutex               hash_lock;    /* the hash is taken by whichever thread is free */
  GCond                hash_done;    /* a block was hashed */
  gboolean             hashing;      /* a thread is hashing a block, without the lock */
  guint64              n_hashed;     /* blocks */
  char                *digest;

  /* The line being read */
  GPtrArray           *header;
  gboolean             in_header;
  int                 *slot_of_column;
  guint                n_mapped;
  guint                n_slots;
  PecanCsvText         own_text;     /* the text, when the caller has none */
  PecanCsvText        *text;
  gsize                row_start;     /* where the line's text starts in it */
  guint32             *offset;
  guint32             *len;
  guint                column;
  guint64              line;          /* where the current row started */
  guint64              physical_line; /* the line libcsv is reading */
  gboolean             after_cr;      /* the last text fed ended with a CR */

  PecanCsvHeaderFunc   header_func;
  PecanCsvRowFunc      row_func;
  gpointer             user_data;
  PecanCsvProgressFunc progress_func;
  gpointer             progress_data;
  GError              *error;
};

static void
hash_update (PecanCsvReader *self,
             const guchar   *data,
             gsize           len)
{
#ifdef HAVE_LIBCRYPTO
  EVP_DigestUpdate (self->sha256, data, len);
#else
  g_checksum_update (self->sha256, data, len);
#endif
}

static char *
hash_finish (PecanCsvReader *self)
{
#ifdef HAVE_LIBCRYPTO
  guint8 digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  GString *hex = g_string_sized_new (2 * EVP_MAX_MD_SIZE);

  EVP_DigestFinal_ex (self->sha256, digest, &len);
  for (guint i = 0; i < len; i++)
    g_string_append_printf (hex, "%02x", digest[i]);
  return g_string_free (hex, FALSE);
#else
  return g_strdup (g_checksum_get_string (self->sha256));
#endif
}

/* libcsv grows its buffer to hold the longest field: refuse beyond a bound. */
static void *
bounded_realloc (void   *data,
                 size_t  size)
{
  return size > MAX_FIELD_SIZE ? NULL : g_try_realloc (data, size);
}

static gboolean
is_blank (unsigned char c)
{
  /* Only spaces are trimmed: a tab may be the delimiter. */
  return c == CSV_SPACE;
}

static void
text_reserve (PecanCsvText *text,
              gsize         extra)
{
  if (text->len + extra <= text->size)
    return;
  while (text->len + extra > text->size)
    text->size = MAX (4096, 2 * text->size);
  text->data = g_realloc (text->data, text->size);
}

/* Line breaks in @text, counted as parse_text() counts them: a LF, a CR
 * LF or a lone CR each end a line. */
static guint
count_breaks (const char *text,
              gsize       len)
{
  const char *end = text + len;
  guint n = 0;

  for (const char *p = text; (p = memchr (p, '\n', end - p)) != NULL; p++)
    n++;
  for (const char *p = text; (p = memchr (p, '\r', end - p)) != NULL; p++)
    if (p + 1 == end || p[1] != '\n')
      n++;
  return n;
}

static void
field_cb (void   *data,
          size_t  len,
          void   *user_data)
{
  PecanCsvReader *self = user_data;
  int slot;

  if (G_UNLIKELY (self->error != NULL))
    return;

  /* The row starts on the line of its first field's start: that field may
   * itself hold line breaks (when quoted). */
  if (self->column == 0)
    {
      self->line = self->physical_line - count_breaks (data, len);
      self->row_start = self->text->len;
    }

  if (G_UNLIKELY (self->in_header))
    {
      if (self->header->len == MAX_COLUMNS)
        {
          g_set_error (&self->error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_UNKNOWN_LAYOUT,
                       _("“%s” is not a usage file Pecan can read: its first line has more "
                         "than %d columns. Choose the file as downloaded from Partner Center "
                         "or Azure Cost Management."),
                       self->name, MAX_COLUMNS);
          return;
        }
      /* Column names end up in messages the window shows: they are kept
       * as valid UTF-8, whatever bytes the first line holds. */
      g_ptr_array_add (self->header, g_utf8_make_valid (data, len));
    }
  else if (self->column < self->n_mapped && (slot = self->slot_of_column[self->column]) >= 0)
    {
      PecanCsvText *text = self->text;

      if (text->len - self->row_start + len > MAX_FIELD_SIZE)
        {
          g_set_error (&self->error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_BAD_ROW,
                       _("Line %llu of “%s” is longer than %d MiB: this is "
                         "not a usage file, or a quote mark is missing."),
                       (unsigned long long) self->line, self->name, MAX_FIELD_SIZE >> 20);
          return;
        }
      text_reserve (text, len + 1);
      memcpy (text->data + text->len, data, len);
      text->data[text->len + len] = '\0';
      self->offset[slot] = text->len - self->row_start;
      self->len[slot] = len;
      text->len += len + 1;
    }
  self->column++;
}

static void
finish_header (PecanCsvReader *self)
{
  g_autofree const char **names = g_new0 (const char *, self->header->len + 1);

  memcpy (names, self->header->pdata, self->header->len * sizeof (char *));
  self->in_header = FALSE;
  if (!self->header_func (self, names, self->header->len, self->user_data, &self->error))
    g_assert (self->error != NULL);
}

static void
row_cb (int   terminator,
        void *user_data)
{
  PecanCsvReader *self = user_data;
  PecanCsvRow row;

  if (G_UNLIKELY (self->error != NULL))
    return;

  row.line = self->line;
  row.n_fields = self->column;
  self->column = 0;

  if (G_UNLIKELY (self->in_header))
    {
      finish_header (self);
      return;
    }

  row.start = self->row_start;
  row.offset = self->offset;
  row.len = self->len;
  if (!self->row_func (self, &row, self->user_data, &self->error))
    g_assert (self->error != NULL);

  memset (self->offset, 0xff, self->n_slots * sizeof (guint32));
  memset (self->len, 0, self->n_slots * sizeof (guint32));
  if (self->text == &self->own_text)
    self->own_text.len = 0;
}

/* The delimiter is the most frequent of comma, semicolon and tab outside
 * quotes in the header line. */
static char
sniff_delimiter (const char *text,
                 gsize       len)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
      else if (c == '\t')
        tabs++;
    }
  if (tabs > commas && tabs > semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}

static gboolean
sniff_encoding (PecanCsvReader  *self,
                GError         **error)
{
  const guchar *b = self->block;
  gsize n = self->block_len;

  if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
    self->block_skip = 3;
  else if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE)
    self->encoding = "UTF-16LE", self->block_skip = 2;
  else if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF)
    self->encoding = "UTF-16BE", self->block_skip = 2;
  else if (n >= 4 && b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0)
    self->encoding = "UTF-16LE";
  else if (n >= 4 && b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0)
    self->encoding = "UTF-16BE";
  else if (memchr (b, '\0', MIN (n, 65536)) != NULL)
    {
      g_set_error (error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_NOT_TEXT,
                   _("“%s” is not a text file. Choose the CSV file as downloaded from "
                     "Partner Center or Azure Cost Management (unzip it first if it came "
                     "as a ZIP archive)."),
                   self->name);
      return FALSE;
    }

  if (self->encoding != NULL)
    self->decoder = G_CONVERTER (g_charset_converter_new ("UTF-8", self->encoding, NULL));
  else
    self->encoding = "UTF-8";
  return TRUE;
}

/* Adds the oldest block read and not hashed to the file's hash, or ends
 * the hash after the last block. Called with the hash lock held, which it
 * lets go of while it hashes: the other thread may read meanwhile. Returns
 * FALSE when there is no block to hash, or another thread is hashing one. */
static gboolean
hash_next (PecanCsvReader *self)
{
  guint slot = self->n_hashed % RING_BLOCKS;

  if (self->digest != NULL || self->hashing)
    return FALSE;
  if (self->n_hashed == self->n_read)
    {
      if (self->at_end)
        self->digest = hash_finish (self);
      return FALSE;
    }
  self->hashing = TRUE;
  g_mutex_unlock (&self->hash_lock);
  hash_update (self, self->ring[slot], self->ring_len[slot]);
  g_mutex_lock (&self->hash_lock);
  self->hashing = FALSE;
  self->n_hashed++;
  g_cond_broadcast (&self->hash_done);
  return TRUE;
}

/* Reads the next block into the ring, in the place of one that is hashed
 * already: hashing it here if no other thread has. */
static gboolean
read_block (PecanCsvReader  *self,
            GCancellable    *cancellable,
            GError         **error)
{
  guint slot = self->n_read % RING_BLOCKS;
  gsize n = 0;

  g_mutex_lock (&self->hash_lock);
  while (self->n_hashed + RING_BLOCKS <= self->n_read)
    if (!hash_next (self))
      g_cond_wait (&self->hash_done, &self->hash_lock);
  g_mutex_unlock (&self->hash_lock);

  if (!g_input_stream_read_all (self->stream, self->ring[slot], BLOCK_SIZE, &n, cancellable,
                                error))
    return FALSE;

  g_mutex_lock (&self->hash_lock);
  self->ring_len[slot] = n;
  if (n > 0)
    self->n_read++;
  else
    self->at_end = TRUE;
  g_mutex_unlock (&self->hash_lock);

  self->block = self->ring[slot];
  self->block_len = n;
  self->block_skip = 0;
  self->bytes_read += n;
  return TRUE;
}

/**
 * pecan_csv_reader_hash_step:
 * @reader: a reader
 * @wait: while another thread hashes a block, wait for it rather than
 *   return %FALSE
 *
 * Adds a block of the file to its SHA-256. The hash needs no thread of its
 * own: the import's threads take it a block at a time when they have
 * nothing else to do, so that on two cores it never takes the parse's core
 * from it; the reading takes it itself when it needs a block's place. Any
 * thread may call this, at any time.
 *
 * Returns: %TRUE when a block was hashed; %FALSE when no block read is
 *   left to hash, or (without @wait) another thread is hashing one
 */
gboolean
pecan_csv_reader_hash_step (PecanCsvReader *reader,
                            gboolean        wait)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&reader->hash_lock);

  while (!hash_next (reader))
    {
      if (!wait || !reader->hashing)
        return FALSE;
      g_cond_wait (&reader->hash_done, &reader->hash_lock);
    }
  return TRUE;
}

/**
 * pecan_csv_reader_open:
 * @file: the file to read
 * @error: return location for a #PECAN_IMPORT_ERROR or #G_IO_ERROR
 *
 * Opens @file and finds its encoding and delimiter from its first block.
 *
 * Returns: (transfer full): a reader, or %NULL with @error set
 */
PecanCsvReader *
pecan_csv_reader_open (GFile   *file,
                       GError **error)
{
  g_autoptr(PecanCsvReader) self = g_new0 (PecanCsvReader, 1);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self->file = g_object_ref (file);
  self->name = g_file_get_parse_name (file);
  self->header = g_ptr_array_new_with_free_func (g_free);
  self->in_header = TRUE;
  self->line = 1;
  self->physical_line = 1;
  self->text = &self->own_text;
  for (guint i = 0; i < RING_BLOCKS; i++)
    self->ring[i] = g_malloc (BLOCK_SIZE);
  g_mutex_init (&self->hash_lock);
  g_cond_init (&self->hash_done);
#ifdef HAVE_LIBCRYPTO
  self->sha256 = EVP_MD_CTX_new ();
  EVP_DigestInit_ex (self->sha256, EVP_sha256 (), NULL);
#else
  self->sha256 = g_checksum_new (G_CHECKSUM_SHA256);
#endif
  csv_init (&self->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  csv_set_realloc_func (&self->parser, bounded_realloc);
  csv_set_free_func (&self->parser, g_free);
  /* libcsv grows its buffer by this much at a time (128 bytes by default:
   * a long field would be copied over and over). */
  csv_set_blk_size (&self->parser, BLOCK_SIZE);

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;
  self->stream = G_INPUT_STREAM (g_steal_pointer (&stream));
  info = g_file_input_stream_query_info (G_FILE_INPUT_STREAM (self->stream),
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info != NULL)
    self->size = g_file_info_get_size (info);

  if (!read_block (self, NULL, error))
    return NULL;
  if (self->block_len == 0)
    {
      g_set_error (error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty. Download the file again: it should start with a line "
                     "of column names."),
                   self->name);
      return NULL;
    }
  if (!sniff_encoding (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * pecan_csv_reader_free:
 * @reader: a reader
 *
 * Closes the file and frees the reader.
 */
void
pecan_csv_reader_free (PecanCsvReader *reader)
{
  if (reader == NULL)
    return;
  csv_free (&reader->parser);
  g_clear_object (&reader->stream);
  g_mutex_clear (&reader->hash_lock);
  g_cond_clear (&reader->hash_done);
  g_clear_object (&reader->file);
  g_clear_object (&reader->decoder);
  g_clear_pointer (&reader->pending, g_byte_array_unref);
  g_clear_pointer (&reader->header, g_ptr_array_unref);
#ifdef HAVE_LIBCRYPTO
  g_clear_pointer (&reader->sha256, EVP_MD_CTX_free);
#else
  g_clear_pointer (&reader->sha256, g_checksum_free);
#endif
  g_free (reader->digest);
  g_free (reader->name);
  for (guint i = 0; i < RING_BLOCKS; i++)
    g_free (reader->ring[i]);
  g_free (reader->decoded);
  g_free (reader->own_text.data);
  g_free (reader->slot_of_column);
  g_free (reader->offset);
  g_free (reader->len);
  g_clear_error (&reader->error);
  g_free (reader);
}

/**
 * pecan_csv_reader_select:
 * @reader: a reader
 * @column_of_slot: (array length=n_slots): for each slot, the column to keep
 *   there, or -1
 * @n_slots: how many slots a row has
 *
 * Chooses the columns each row keeps; called from the header function.
 */
void
pecan_csv_reader_select (PecanCsvReader *reader,
                         const int      *column_of_slot,
                         guint           n_slots)
{
  guint n_columns = reader->header->len;

  g_return_if_fail (reader != NULL);

  reader->n_slots = n_slots;
  reader->n_mapped = n_columns;
  reader->slot_of_column = g_renew (int, reader->slot_of_column, MAX (n_columns, 1));
  for (guint i = 0; i < n_columns; i++)
    reader->slot_of_column[i] = -1;
  for (guint slot = 0; slot < n_slots; slot++)
    if (column_of_slot[slot] >= 0 && (guint) column_of_slot[slot] < n_columns)
      reader->slot_of_column[column_of_slot[slot]] = slot;

  reader->offset = g_renew (guint32, reader->offset, MAX (n_slots, 1));
  reader->len = g_renew (guint32, reader->len, MAX (n_slots, 1));
  memset (reader->offset, 0xff, n_slots * sizeof (guint32));
  memset (reader->len, 0, n_slots * sizeof (guint32));
}

/**
 * pecan_csv_reader_set_text:
 * @reader: a reader
 * @text: where the lines read from now on go; must outlive its use
 *
 * Gives the reader the caller's text to add the lines it reads to. Lines
 * stay there, one after another, until the caller empties the text or
 * gives another: a row function keeps a line at no cost, and drops it by
 * truncating the text to the line's start. Without a text of the caller's,
 * a line's text lasts until its row function returns.
 */
void
pecan_csv_reader_set_text (PecanCsvReader *reader,
                           PecanCsvText   *text)
{
  g_return_if_fail (reader != NULL && text != NULL);

  reader->text = text;
}

void
pecan_csv_reader_set_progress (PecanCsvReader       *reader,
                               PecanCsvProgressFunc  func,
                               gpointer              user_data)
{
  reader->progress_func = func;
  reader->progress_data = user_data;
}

/* Where the line that starts at @p ends: just past its LF, its CR LF or, in
 * a text with CRs, its lone CR (old Mac files); @end when it goes on in the
 * next text. */
static const char *
line_end (const char *p,
          const char *end,
          gboolean    with_cr)
{
  const char *nl = memchr (p, '\n', end - p);
  const char *cr = with_cr ? memchr (p, '\r', (nl != NULL ? nl : end) - p) : NULL;

  if (cr != NULL && cr + 1 != nl)
    return cr + 1;
  return nl != NULL ? nl + 1 : end;
}

/* Fed one physical line at a time, libcsv tells rows apart and this loop
 * counts lines: a row's line number comes at no cost per field. libcsv ends
 * a row at a lone CR as at a LF, so lines end there too: two rows must not
 * start on the same line, which tells a file's rows apart in the store. A
 * text without CR, the usual case, is searched for LFs only. */
static void
feed_lines (PecanCsvReader *self,
            const char     *text,
            gsize           len)
{
  const char *p = text, *end = text + len;
  gboolean with_cr = memchr (text, '\r', len) != NULL;

  /* A CR LF split between two texts was counted at its CR. */
  if (self->after_cr && p < end && *p == '\n')
    {
      if (csv_parse (&self->parser, p, 1, field_cb, row_cb, self) != 1)
        return;
      p++;
    }
  while (p < end && self->error == NULL)
    {
      const char *next = line_end (p, end, with_cr);
      gsize n = next - p;

      if (csv_parse (&self->parser, p, n, field_cb, row_cb, self) != n)
        return;
      if (next[-1] == '\n' || next[-1] == '\r')
        self->physical_line++;
      p = next;
    }
  self->after_cr = len > 0 && text[len - 1] == '\r';
}

static gboolean
parse_text (PecanCsvReader  *self,
            const char      *text,
            gsize            len,
            GError         **error)
{
  if (self->in_header && self->line == 1 && self->column == 0 && self->delimiter == 0)
    {
      self->delimiter = sniff_delimiter (text, len);
      self->mark = self->delimiter == ';' ? PECAN_DECIMAL_COMMA : PECAN_DECIMAL_POINT;
      csv_set_delim (&self->parser, self->delimiter);
      /* libcsv trims spaces and tabs with an inlined test; a function of
       * our own, which costs a call per byte, is needed only when the tab
       * is the delimiter. */
      if (self->delimiter == '\t')
        csv_set_space_func (&self->parser, is_blank);
    }

  feed_lines (self, text, len);
  if (csv_error (&self->parser) == CSV_ENOMEM && self->error == NULL)
    g_set_error (&self->error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_BAD_ROW,
                 _("Line %llu of “%s” has a field longer than %d MiB (column "
                   "%u): this is not a usage file, or a quote mark is missing."),
                 (unsigned long long) self->physical_line, self->name, MAX_FIELD_SIZE >> 20,
                 self->column + 1);
  else if (csv_error (&self->parser) != CSV_SUCCESS && self->error == NULL)
    g_set_error (&self->error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_BAD_ROW,
                 _("Line %llu of “%s” has a quote mark in the wrong place "
                   "(column %u): a quoted field must end with a quote followed by the "
                   "delimiter or the end of the line. Check that the file was not edited "
                   "by hand, or download it again."),
                 (unsigned long long) self->physical_line, self->name, self->column + 1);
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  return TRUE;
}

/* UTF-16 is decoded block by block; a character split across two blocks
 * waits in @pending for the rest of its bytes. */
static gboolean
decode_and_parse (PecanCsvReader  *self,
                  const guchar    *data,
                  gsize            len,
                  gboolean         at_end,
                  GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize in_read = 0, out_written = 0;

  if (self->pending == NULL)
    self->pending = g_byte_array_new ();
  g_byte_array_append (self->pending, data, len);
  if (self->decoded == NULL)
    {
      self->decoded_size = 2 * BLOCK_SIZE + 64;
      self->decoded = g_malloc (self->decoded_size);
    }

  while (self->pending->len > 0)
    {
      GConverterResult r = g_converter_convert (self->decoder, self->pending->data,
                                                self->pending->len, self->decoded,
                                                self->decoded_size,
                                                at_end ? G_CONVERTER_INPUT_AT_END : 0,
                                                &in_read, &out_written, &local_error);
      if (r == G_CONVERTER_ERROR)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) && !at_end)
            return TRUE;
          g_set_error (error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_NOT_TEXT,
                       _("“%s” is not valid %s text near line %llu. "
                         "Save it again from Excel as “Unicode Text” or “CSV UTF-8”."),
                       self->name, self->encoding, (unsigned long long) self->line);
          return FALSE;
        }
      g_byte_array_remove_range (self->pending, 0, in_read);
      if (!parse_text (self, self->decoded, out_written, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_block (PecanCsvReader  *self,
             gboolean         at_end,
             GError         **error)
{
  const guchar *data = self->block + self->block_skip;
  gsize len = self->block_len - self->block_skip;

  if (self->decoder != NULL)
    return decode_and_parse (self, data, len, at_end, error);
  return parse_text (self, (const char *) data, len, error);
}

static gboolean
finish (PecanCsvReader  *self,
        GError         **error)
{
  if (csv_fini (&self->parser, field_cb, row_cb, self) != 0 && self->error == NULL)
    g_set_error (&self->error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_TRUNCATED,
                 _("The last line of “%s” (line %llu) ends inside a quoted "
                   "field, in column “%s” (%u): the file looks cut off. Download it again."),
                 self->name,
                 (unsigned long long) (self->column > 0 ? self->line : self->physical_line),
                 pecan_csv_reader_get_column (self, self->column),
                 self->column + 1);
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  if (self->in_header)
    {
      g_set_error (error, PECAN_IMPORT_ERROR, PECAN_IMPORT_ERROR_EMPTY,
                   _("“%s” has no line of column names. Download the file again."),
                   self->name);
      return FALSE;
    }
  return TRUE;
}

/**
 * pecan_csv_reader_run:
 * @reader: a reader
 * @header_func: called once with the column names; selects the columns
 * @row_func: called for every line after the header
 * @user_data: for both functions
 * @cancellable: (nullable): stops the reading between blocks
 * @error: return location for an error
 *
 * Reads the whole file, calling @row_func for each line.
 *
 * Returns: %TRUE when the whole file was read
 */
gboolean
pecan_csv_reader_run (PecanCsvReader      *reader,
                      PecanCsvHeaderFunc   header_func,
                      PecanCsvRowFunc      row_func,
                      gpointer             user_data,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (header_func != NULL && row_func != NULL, FALSE);

  reader->header_func = header_func;
  reader->row_func = row_func;
  reader->user_data = user_data;
  while (reader->block_len > 0)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!parse_block (reader, FALSE, error))
        return FALSE;
      if (reader->progress_func != NULL)
        reader->progress_func (reader->bytes_read, reader->line - 1, reader->progress_data);
      if (!read_block (reader, cancellable, error))
        return FALSE;
    }
  if (reader->decoder != NULL && !parse_block (reader, TRUE, error))
    return FALSE;
  return finish (reader, error);
}

/**
 * pecan_csv_reader_get_line:
 * @reader: a reader
 *
 * Returns: the line being read; the header is line 1
 */
guint64
pecan_csv_reader_get_line (PecanCsvReader *reader)
{
  return reader->line;
}

const char *
pecan_csv_reader_get_name (PecanCsvReader *reader)
{
  return reader->name;
}

const char *
pecan_csv_reader_get_column (PecanCsvReader *reader,
                             guint           column)
{
  return column < reader->header->len ? g_ptr_array_index (reader->header, column) : "?";
}

guint64
pecan_csv_reader_get_size (PecanCsvReader *reader)
{
  return reader->size;
}

char
pecan_csv_reader_get_delimiter (PecanCsvReader *reader)
{
  return reader->delimiter;
}

PecanDecimalMark
pecan_csv_reader_get_decimal_mark (PecanCsvReader *reader)
{
  return reader->mark;
}

const char *
pecan_csv_reader_get_encoding (PecanCsvReader *reader)
{
  return reader->encoding;
}

/**
 * pecan_csv_reader_hash_to_end:
 * @reader: a reader that has not started to parse
 * @cancellable: (nullable): stops the reading between blocks
 * @error: return location for an error
 *
 * Reads the rest of the file without parsing it, for its hash alone:
 * pecan_csv_reader_get_sha256() then gives it. The reader can parse
 * nothing after this.
 *
 * Returns: %TRUE when the whole file was read
 */
gboolean
pecan_csv_reader_hash_to_end (PecanCsvReader  *reader,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  while (!reader->at_end)
    if (g_cancellable_set_error_if_cancelled (cancellable, error)
        || !read_block (reader, cancellable, error))
      return FALSE;
  return TRUE;
}

/**
 * pecan_csv_reader_get_sha256:
 * @reader: a reader that has read the whole file
 *
 * Finishes the file's hash.
 *
 * Returns: (transfer full): the file's SHA-256 in hex
 */
char *
pecan_csv_reader_get_sha256 (PecanCsvReader *reader)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&reader->hash_lock);

  g_return_val_if_fail (reader->at_end, NULL);

  while (reader->digest == NULL)
    if (!hash_next (reader) && reader->hashing)
      g_cond_wait (&reader->hash_done, &reader->hash_lock);
  return g_strdup (reader->digest);
}
