/* pecan-cell-tooltip.c: tooltips for list cells that cost nothing to set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gtk_widget_set_tooltip_text() asks the display where the pointer is,
 * each time: a round trip to the X server for every cell a list view
 * binds, which made scrolling and reloading a table stall for hundreds of
 * milliseconds. A cell keeps its text here instead, and hands it over only
 * when GTK asks for the tooltip.
 */
#include "config.h"

#include "pecan-cell-tooltip.h"

static GQuark tooltip_quark (void);
G_DEFINE_QUARK (pecan-cell-tooltip, tooltip)

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_qdata (G_OBJECT (widget), tooltip_quark ());

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * pecan_cell_tooltip_set:
 * @widget: a widget in a list cell
 * @text: (nullable): its tooltip, or %NULL for none
 */
void
pecan_cell_tooltip_set (GtkWidget  *widget,
                        const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!gtk_widget_get_has_tooltip (widget))
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
      gtk_widget_set_has_tooltip (widget, TRUE);
    }
  g_object_set_qdata_full (G_OBJECT (widget), tooltip_quark (), g_strdup (text), g_free);
}
