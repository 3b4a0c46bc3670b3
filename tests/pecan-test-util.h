/* pecan-test-util.h: what the test suites share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pecan-batch.h"
#include "pecan-importer.h"
#include "pecan-query.h"
#include "pecan-store.h"

G_BEGIN_DECLS

/* A fresh database in a temporary folder of its own, for one test. */
typedef struct
{
  char       *dir;       /* removed with all it holds after the test */
  char       *db_path;   /* pecan.db in dir */
  PecanStore *store;     /* open on db_path */
} PecanTestFixture;

typedef void (*PecanTestFunc) (PecanTestFixture *f,
                               gconstpointer     data);

/* Every day: both ends of the period left open. */
extern const PecanPeriod pecan_test_period_all;

void         pecan_test_fixture_setup    (PecanTestFixture   *f,
                                          gconstpointer       data);
void         pecan_test_fixture_teardown (PecanTestFixture   *f,
                                          gconstpointer       data);
void         pecan_test_fixture_reopen   (PecanTestFixture   *f);
void         pecan_test_add              (const char         *path,
                                          gconstpointer       data,
                                          PecanTestFunc       func);

void         pecan_test_remove_tree      (const char         *path);
guint        pecan_test_count_entries    (const char         *path);

char        *pecan_test_data_path        (const char         *name);
char        *pecan_test_read_data        (const char         *name,
                                          gsize              *length);
char        *pecan_test_write_data       (PecanTestFixture   *f,
                                          const char         *name,
                                          const char         *new_name,
                                          const char * const *changes);

PecanBatch  *pecan_test_import_path      (PecanStore         *store,
                                          const char         *path,
                                          PecanImportFlags    flags,
                                          GError            **error);
PecanBatch  *pecan_test_import_data      (PecanStore         *store,
                                          const char         *name,
                                          PecanImportFlags    flags,
                                          GError            **error);
PecanBatch  *pecan_test_import_batch     (PecanStore         *store,
                                          const char         *name);
void         pecan_test_import_ok        (PecanStore         *store,
                                          const char         *name);

GListModel  *pecan_test_summary          (PecanStore         *store,
                                          PecanGroupBy        by,
                                          const PecanPeriod  *period,
                                          gint64              customer_id);
GListModel  *pecan_test_incidents        (PecanStore         *store,
                                          const PecanPeriod  *period);

char        *pecan_test_query_text       (const char         *db_path,
                                          const char         *sql);
gint64       pecan_test_query_int        (const char         *db_path,
                                          const char         *sql);

JsonArray   *pecan_test_parse_array      (const char         *text);
JsonArray   *pecan_test_load_array       (const char         *name);

G_END_DECLS
