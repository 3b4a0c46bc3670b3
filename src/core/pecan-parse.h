/* pecan-parse.h: locale-independent parsing of the values usage files state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Amounts are stored as integer nano-units (10^-9 of the currency or unit):
 * Partner Center files state amounts with up to 9 decimals, so every amount
 * a file states is kept exactly and sums tie to the file. */
#define PECAN_NANO G_GINT64_CONSTANT (1000000000)

typedef enum
{
  PECAN_DECIMAL_POINT,   /* 1234.56 */
  PECAN_DECIMAL_COMMA,   /* 1234,56 (semicolon-separated files from European locales) */
} PecanDecimalMark;

typedef enum
{
  PECAN_PARSE_OK = 0,
  PECAN_PARSE_EMPTY,     /* the text is empty (or only blanks) */
  PECAN_PARSE_INVALID,   /* not a number / not a date */
  PECAN_PARSE_RANGE,     /* a number too large, or a date out of range */
} PecanParseResult;

PecanParseResult pecan_parse_nano  (const char       *text,
                                    gsize             len,
                                    PecanDecimalMark  mark,
                                    gint64           *out_nano);
PecanParseResult pecan_parse_day   (const char       *text,
                                    gsize             len,
                                    gint32           *out_day);
void             pecan_day_to_ymd  (gint32            day,
                                    int              *year,
                                    int              *month,
                                    int              *mday);
gint32           pecan_day_from_ymd (int              year,
                                     int              month,
                                     int              mday);
void             pecan_day_format  (gint32            day,
                                    char              buf[11]);
gboolean         pecan_parse_iso_day (const char     *text,
                                      gint32         *out_day);
gint64           pecan_nano_round_cents (gint64       nano);
void             pecan_nano_format (gint64            nano,
                                    int               decimals,
                                    char             *buf,
                                    gsize             buf_len);

G_END_DECLS
