/* pecan-packet.c: the workbooks claims are filled in from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pecan-packet-private.h"
#include "pecan-parse.h"

static void
add_formats (PecanPacket *p)
{
  p->title = workbook_add_format (p->book);
  format_set_bold (p->title);
  format_set_font_size (p->title, 16);
  format_set_font_color (p->title, 0x1C3F60);
  p->subtitle = workbook_add_format (p->book);
  format_set_font_color (p->subtitle, 0x5E5C64);
  p->heading = workbook_add_format (p->book);
  format_set_bold (p->heading);
  format_set_bg_color (p->heading, 0xDCE6F0);
  format_set_bottom (p->heading, LXW_BORDER_THIN);
  p->step = workbook_add_format (p->book);
  format_set_bold (p->step);
  format_set_align (p->step, LXW_ALIGN_VERTICAL_TOP);
  p->wrap = workbook_add_format (p->book);
  format_set_text_wrap (p->wrap);
  format_set_align (p->wrap, LXW_ALIGN_VERTICAL_TOP);
  p->problem = workbook_add_format (p->book);
  format_set_text_wrap (p->problem);
  format_set_align (p->problem, LXW_ALIGN_VERTICAL_TOP);
  format_set_font_color (p->problem, 0xC01C28);
  p->warning = workbook_add_format (p->book);
  format_set_text_wrap (p->warning);
  format_set_align (p->warning, LXW_ALIGN_VERTICAL_TOP);
  format_set_font_color (p->warning, 0x9C6E03);
  p->money = workbook_add_format (p->book);
  format_set_num_format (p->money, "#,##0.00");
}

/* Starts the workbook of a packet, titled @title. */
gboolean
pecan_packet_open (PecanPacket  *packet,
                   const char   *path,
                   const char   *title,
                   const char   *subject,
                   GError      **error)
{
  lxw_doc_properties properties = {
    .title = (char *) title,
    .subject = (char *) subject,
    .comments = (char *) _("Prepared with Pecan"),
  };

  packet->book = workbook_new (path);
  if (packet->book == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not start the workbook “%s”: not enough memory."), path);
      return FALSE;
    }
  add_formats (packet);
  workbook_set_properties (packet->book, &properties);
  return TRUE;
}

/* Writes the packet to @path; nothing is left there when that fails. */
gboolean
pecan_packet_close (PecanPacket  *packet,
                    const char   *path,
                    GError      **error)
{
  lxw_error failed = workbook_close (packet->book);

  packet->book = NULL;
  if (failed != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s."), path,
                   lxw_strerror (failed));
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}

/* Drops the packet unwritten. */
void
pecan_packet_abandon (PecanPacket *packet)
{
  g_clear_pointer (&packet->book, lxw_workbook_free);
}

lxw_worksheet *
pecan_packet_add_sheet (PecanPacket *p,
                        const char  *name,
                        const char  *title,
                        const char  *subtitle)
{
  lxw_worksheet *sheet = workbook_add_worksheet (p->book, name);

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_set_row (sheet, 0, 24, NULL);
  worksheet_write_string (sheet, 0, 0, title, p->title);
  if (subtitle != NULL)
    worksheet_write_string (sheet, 1, 0, subtitle, p->subtitle);
  return sheet;
}

void
pecan_packet_text (lxw_worksheet *sheet,
                   lxw_row_t      row,
                   lxw_col_t      col,
                   const char    *value,
                   lxw_format    *format)
{
  worksheet_write_string (sheet, row, col, value != NULL ? value : "", format);
}

/* A day as the portal takes it: 2026-03-16. */
char *
pecan_packet_day (gint32 day)
{
  char text[11];

  if (day == 0)
    return g_strdup ("");
  pecan_day_format (day, text);
  return g_strdup (text);
}

/* How many lines @value takes in a column @width characters wide. */
static int
lines_for (const char *value,
           double      width)
{
  g_auto(GStrv) paragraphs = g_strsplit (value != NULL ? value : "", "\n", -1);
  int lines = 0;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    lines += 1 + (int) (g_utf8_strlen (paragraphs[i], -1) / (width * 1.1));
  return lines;
}

/* The columns of the fields: step, field, value, what to check. */
void
pecan_packet_columns (PecanPacket   *p,
                      lxw_worksheet *sheet,
                      lxw_row_t      row)
{
  worksheet_set_column (sheet, 0, 0, 24, NULL);
  worksheet_set_column (sheet, 1, 1, 34, NULL);
  worksheet_set_column (sheet, 2, 2, 48, NULL);
  worksheet_set_column (sheet, 3, 3, 60, NULL);
  pecan_packet_text (sheet, row, 0, _("Step in Partner Center"), p->heading);
  pecan_packet_text (sheet, row, 1, _("Field"), p->heading);
  pecan_packet_text (sheet, row, 2, _("Value"), p->heading);
  pecan_packet_text (sheet, row, 3, _("To check"), p->heading);
  worksheet_freeze_panes (sheet, row + 1, 0);
}

void
pecan_packet_note_add (PecanPacketNote *note,
                       const char      *message,
                       gboolean         error)
{
  if (note->text == NULL)
    note->text = g_string_new (NULL);
  else
    g_string_append_c (note->text, '\n');
  g_string_append (note->text, message);
  note->error = note->error || error;
}

/* One field: its step (on its first field), name, value, and what the
 * checks say of it (@problems, freed), else @note. */
void
pecan_packet_field (PecanPacket     *p,
                    lxw_worksheet   *sheet,
                    lxw_row_t       *row,
                    const char      *step,
                    const char      *name,
                    const char      *value,
                    PecanPacketNote *problems,
                    const char      *note)
{
  const char *check = problems != NULL && problems->text != NULL ? problems->text->str : note;
  int lines;

  /* Rows of wrapped text are as high as their longest cell needs: the
   * spreadsheet would not grow them by itself. */
  lines = MAX (lines_for (name, 34), lines_for (value, 48));
  lines = MAX (lines, lines_for (check, 60));
  if (lines > 1)
    worksheet_set_row (sheet, *row, 15.0 * lines, NULL);
  if (step != NULL)
    pecan_packet_text (sheet, *row, 0, step, p->step);
  pecan_packet_text (sheet, *row, 1, name, p->wrap);
  pecan_packet_text (sheet, *row, 2, value, p->wrap);
  if (check != NULL)
    pecan_packet_text (sheet, *row, 3, check,
                       check == note ? p->wrap : problems->error ? p->problem : p->warning);
  if (problems != NULL && problems->text != NULL)
    g_string_free (g_steal_pointer (&problems->text), TRUE);
  (*row)++;
}
