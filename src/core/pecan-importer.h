/* pecan-importer.h: usage files into the store, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pecan-batch.h"
#include "pecan-store.h"

G_BEGIN_DECLS

typedef enum
{
  PECAN_IMPORT_DEFAULT = 0,
  PECAN_IMPORT_SKIP_BAD_ROWS = 1 << 0,   /* import the rest, list the bad lines */
  PECAN_IMPORT_DRY_RUN = 1 << 1,         /* read and check, write nothing */
} PecanImportFlags;

typedef struct
{
  guint64 bytes_read;
  guint64 bytes_total;
  guint64 lines;
} PecanImportProgress;

/* Called from the thread that reads the file: hand it on to the main
 * loop before touching anything of the user interface. */
typedef void (*PecanImportProgressFunc) (const PecanImportProgress *progress,
                                         gpointer                   user_data);

PecanBatch *pecan_import_file        (PecanStore               *store,
                                      GFile                    *file,
                                      PecanImportFlags          flags,
                                      PecanImportProgressFunc   progress_func,
                                      gpointer                  progress_data,
                                      GCancellable             *cancellable,
                                      GError                  **error);
void        pecan_import_file_async  (const char               *database_path,
                                      GFile                    *file,
                                      PecanImportFlags          flags,
                                      PecanImportProgressFunc   progress_func,
                                      gpointer                  progress_data,
                                      GCancellable             *cancellable,
                                      GAsyncReadyCallback       callback,
                                      gpointer                  user_data);
PecanBatch *pecan_import_file_finish (GAsyncResult             *result,
                                      GError                  **error);

gboolean    pecan_import_error_can_skip (const GError            *error);

G_END_DECLS
