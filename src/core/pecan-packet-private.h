/* pecan-packet-private.h: the workbooks claims are filled in from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the CPOR and co-op claim packets share: their look, and rows of
 * fields in Partner Center's order with what is still wrong beside them.
 */
#pragma once

#include <gio/gio.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

typedef struct
{
  lxw_workbook  *book;
  lxw_format    *title;
  lxw_format    *subtitle;
  lxw_format    *heading;
  lxw_format    *step;
  lxw_format    *wrap;
  lxw_format    *problem;
  lxw_format    *warning;
  lxw_format    *money;
} PecanPacket;

/* The problems of one field, joined, and whether any is an error. */
typedef struct
{
  GString  *text;
  gboolean  error;
} PecanPacketNote;

gboolean       pecan_packet_open      (PecanPacket        *packet,
                                       const char         *path,
                                       const char         *title,
                                       const char         *subject,
                                       GError            **error);
gboolean       pecan_packet_close     (PecanPacket        *packet,
                                       const char         *path,
                                       GError            **error);
void           pecan_packet_abandon   (PecanPacket        *packet);
lxw_worksheet *pecan_packet_add_sheet (PecanPacket        *packet,
                                       const char         *name,
                                       const char         *title,
                                       const char         *subtitle);
void           pecan_packet_text      (lxw_worksheet      *sheet,
                                       lxw_row_t           row,
                                       lxw_col_t           col,
                                       const char         *value,
                                       lxw_format         *format);
char          *pecan_packet_day       (gint32              day);
void           pecan_packet_columns   (PecanPacket        *packet,
                                       lxw_worksheet      *sheet,
                                       lxw_row_t           row);
void           pecan_packet_field     (PecanPacket        *packet,
                                       lxw_worksheet      *sheet,
                                       lxw_row_t          *row,
                                       const char         *step,
                                       const char         *name,
                                       const char         *value,
                                       PecanPacketNote    *problems,
                                       const char         *note);
void           pecan_packet_note_add  (PecanPacketNote    *note,
                                       const char         *message,
                                       gboolean            error);

G_END_DECLS
