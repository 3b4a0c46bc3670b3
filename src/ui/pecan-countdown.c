/* pecan-countdown.c: the badge that counts the days to a deadline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "12 days left", "Due today", "3 days overdue": a pill beside what is
 * due, the Claims page's rows and the co-op checklist alike. A week
 * before the day it turns amber, after it red.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-countdown.h"

#define SOON_DAYS 7

/**
 * pecan_countdown_text:
 * @due: the last day, or 0 when nothing is due
 * @today: the day it is
 * @urgency: (out) (optional): how close @due is
 *
 * Returns: (transfer full) (nullable): "12 days left", or %NULL when
 *   nothing is due
 */
char *
pecan_countdown_text (gint32          due,
                      gint32          today,
                      PecanCountdown *urgency)
{
  gint32 left = due - today;
  PecanCountdown level = left > SOON_DAYS ? PECAN_COUNTDOWN_CALM
                         : left >= 0     ? PECAN_COUNTDOWN_SOON
                                         : PECAN_COUNTDOWN_OVERDUE;

  if (due == 0)
    level = PECAN_COUNTDOWN_NONE;
  if (urgency != NULL)
    *urgency = level;
  if (level == PECAN_COUNTDOWN_NONE)
    return NULL;
  if (left == 0)
    return g_strdup (_("Due today"));
  if (left > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", left),
                            left);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue",
                                       -left), -left);
}

/**
 * pecan_countdown_expiry_text:
 * @due: the day funds expire
 * @today: the day it is
 * @urgency: (out) (optional): how close @due is
 *
 * Returns: (transfer full): "Expires in 45 days", "Expires today",
 *   "Expired 3 days ago"
 */
char *
pecan_countdown_expiry_text (gint32          due,
                             gint32          today,
                             PecanCountdown *urgency)
{
  gint32 left = due - today;
  g_autofree char *text = pecan_countdown_text (due, today, urgency);

  if (text == NULL)
    return NULL;
  if (left == 0)
    return g_strdup (_("Expires today"));
  if (left > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Expires in %d day",
                                         "Expires in %d days", left), left);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Expired %d day ago",
                                       "Expired %d days ago", -left), -left);
}

/* A badge, hidden until pecan_countdown_set() gives it a day. */
GtkWidget *
pecan_countdown_new (void)
{
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_add_css_class (badge, "pecan-badge");
  gtk_widget_add_css_class (badge, "numeric");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (badge, FALSE);
  return badge;
}

/**
 * pecan_countdown_set:
 * @badge: a label, as pecan_countdown_new() makes it or a template holds
 * @due: the last day, or 0 to hide it
 * @today: the day it is
 */
static void
apply (GtkWidget      *badge,
       const char     *text,
       PecanCountdown  urgency)
{
  gtk_label_set_text (GTK_LABEL (badge), text != NULL ? text : "");
  gtk_widget_set_visible (badge, text != NULL);
  if (urgency == PECAN_COUNTDOWN_SOON)
    gtk_widget_add_css_class (badge, "warning");
  else
    gtk_widget_remove_css_class (badge, "warning");
  if (urgency == PECAN_COUNTDOWN_OVERDUE)
    gtk_widget_add_css_class (badge, "error");
  else
    gtk_widget_remove_css_class (badge, "error");
}

void
pecan_countdown_set (GtkWidget *badge,
                     gint32     due,
                     gint32     today)
{
  PecanCountdown urgency;
  g_autofree char *text = pecan_countdown_text (due, today, &urgency);

  apply (badge, text, urgency);
}

/**
 * pecan_countdown_set_expiry:
 * @badge: a label, as pecan_countdown_new() makes it
 * @due: the day funds expire, or 0 to hide it
 * @today: the day it is
 *
 * The badge says when funds expire rather than what is left to do.
 */
void
pecan_countdown_set_expiry (GtkWidget *badge,
                            gint32     due,
                            gint32     today)
{
  PecanCountdown urgency;
  g_autofree char *text = pecan_countdown_expiry_text (due, today, &urgency);

  apply (badge, text, urgency);
}
