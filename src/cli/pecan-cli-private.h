/* pecan-cli-private.h: what the commands of pecan-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pecan-period.h"
#include "pecan-store.h"

G_BEGIN_DECLS

typedef struct
{
  char       *database;
  PecanStore *store;
} PecanCli;

/* The period options that several commands take. */
typedef struct
{
  char *period;
  char *from;
  char *to;
} PecanCliPeriod;

void        pecan_cli_period_clear   (PecanCliPeriod      *options);
gboolean    pecan_cli_resolve_period (const PecanCliPeriod *options,
                                      PecanPeriod          *period);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PecanCliPeriod, pecan_cli_period_clear)

PecanStore *pecan_cli_open_store  (PecanCli    *cli);
void        pecan_cli_fail        (const char  *format,
                                   ...) G_GNUC_PRINTF (1, 2);
void        pecan_cli_print_row   (const char  *sep,
                                   const int   *widths,
                                   guint        n,
                                   ...);
void        pecan_cli_print_header (const char         *sep,
                                    int                *widths,
                                    guint               n,
                                    const char * const *headings);

/* A line of a record printed for people. */
typedef struct
{
  const char *label;
  const char *value;
} PecanCliField;

int         pecan_cli_label_width (const PecanCliField *fields,
                                   guint                n);
void        pecan_cli_print_field (int                  width,
                                   const char          *label,
                                   const char          *value);
gboolean    pecan_cli_parse       (GOptionEntry *entries,
                                   const char   *parameter,
                                   const char   *summary,
                                   int          *argc,
                                   char       ***argv);
/* Writes one item of a model as a JSON object; @builder is a JsonBuilder. */
typedef void (*PecanCliJsonFunc) (gpointer      builder,
                                  gpointer      item,
                                  gconstpointer data);

void        pecan_cli_print_json  (gpointer      node);
void        pecan_cli_print_json_array (GListModel       *model,
                                        PecanCliJsonFunc  add,
                                        gconstpointer     data);

void        pecan_cli_json_string  (JsonBuilder  *b,
                                    const char   *name,
                                    const char   *value);
void        pecan_cli_json_int     (JsonBuilder  *b,
                                    const char   *name,
                                    gint64        value);
void        pecan_cli_json_double  (JsonBuilder  *b,
                                    const char   *name,
                                    double        value);
void        pecan_cli_json_boolean (JsonBuilder  *b,
                                    const char   *name,
                                    gboolean      value);

int pecan_cli_import    (PecanCli *cli, int argc, char **argv);
int pecan_cli_summary   (PecanCli *cli, int argc, char **argv);
int pecan_cli_incidents (PecanCli *cli, int argc, char **argv);
int pecan_cli_eligibility (PecanCli *cli, int argc, char **argv);
int pecan_cli_imports   (PecanCli *cli, int argc, char **argv);
int pecan_cli_undo      (PecanCli *cli, int argc, char **argv);
int pecan_cli_backup    (PecanCli *cli, int argc, char **argv);
int pecan_cli_move_aside (PecanCli *cli, int argc, char **argv);
int pecan_cli_demo      (PecanCli *cli, int argc, char **argv);
int pecan_cli_report    (PecanCli *cli, int argc, char **argv);
int pecan_cli_client    (PecanCli *cli, int argc, char **argv);
int pecan_cli_sharing   (PecanCli *cli, int argc, char **argv);
int pecan_cli_claims    (PecanCli *cli, int argc, char **argv);

G_END_DECLS
