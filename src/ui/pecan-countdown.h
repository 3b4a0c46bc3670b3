/* pecan-countdown.h: the badge that counts the days to a deadline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How close a deadline is: what colour its badge takes. */
typedef enum
{
  PECAN_COUNTDOWN_NONE,     /* no deadline */
  PECAN_COUNTDOWN_CALM,     /* more than a week left */
  PECAN_COUNTDOWN_SOON,     /* a week or less */
  PECAN_COUNTDOWN_OVERDUE,  /* the day has passed */
} PecanCountdown;

char      *pecan_countdown_text        (gint32          due,
                                        gint32          today,
                                        PecanCountdown *urgency);
char      *pecan_countdown_expiry_text (gint32          due,
                                        gint32          today,
                                        PecanCountdown *urgency);
GtkWidget *pecan_countdown_new         (void);
void       pecan_countdown_set         (GtkWidget      *badge,
                                        gint32          due,
                                        gint32          today);
void       pecan_countdown_set_expiry  (GtkWidget      *badge,
                                        gint32          due,
                                        gint32          today);

G_END_DECLS
