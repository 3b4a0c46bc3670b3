/* pecan-error.h: the error domains of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PECAN_IMPORT_ERROR (pecan_import_error_quark ())
#define PECAN_STORE_ERROR (pecan_store_error_quark ())

typedef enum
{
  PECAN_IMPORT_ERROR_NOT_TEXT,        /* binary data, or an encoding we cannot read */
  PECAN_IMPORT_ERROR_EMPTY,           /* no bytes, or a header and no lines */
  PECAN_IMPORT_ERROR_UNKNOWN_LAYOUT,  /* the header is not one of the known files */
  PECAN_IMPORT_ERROR_MISSING_COLUMN,  /* a required column is absent */
  PECAN_IMPORT_ERROR_BAD_ROW,         /* a line libcsv cannot read: a quote mark out of
                                       * place, a field of megabytes */
  PECAN_IMPORT_ERROR_BAD_VALUE,       /* a field that does not hold what its column needs */
  PECAN_IMPORT_ERROR_TRUNCATED,       /* the file ends inside a quoted field */
  PECAN_IMPORT_ERROR_FIELD_COUNT,     /* a line with more or fewer fields than the header */
} PecanImportError;

typedef enum
{
  PECAN_STORE_ERROR_FAILED,           /* SQLite reported an error */
  PECAN_STORE_ERROR_NEWER_SCHEMA,     /* written by a newer Pecan */
  PECAN_STORE_ERROR_NOT_A_DATABASE,   /* an SQLite database of another program */
  PECAN_STORE_ERROR_NOT_FOUND,        /* no such batch, customer ... */
  PECAN_STORE_ERROR_BUSY,             /* another program holds the database */
  PECAN_STORE_ERROR_DAMAGED,          /* not a whole SQLite file, or SQLite finds it corrupt */
} PecanStoreError;

GQuark pecan_import_error_quark (void);
GQuark pecan_store_error_quark (void);

G_END_DECLS
