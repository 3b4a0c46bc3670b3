/* pecan-demo.h: realistic demo usage data, so a new user can try Pecan at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  guint        customers;     /* how many customers; 25 by default */
  int          first_year;    /* first month of usage */
  int          first_month;   /* 1..12 */
  guint        months;        /* how many months from the first; 3 by default */
  guint32      seed;          /* same seed, same bytes */
  const char  *currency;      /* billing currency, "EUR" by default */
} PecanDemoOptions;

void     pecan_demo_options_init (PecanDemoOptions  *options);
gboolean pecan_demo_write        (const char              *path,
                                  const PecanDemoOptions  *options,
                                  GCancellable            *cancellable,
                                  GError                 **error);

G_END_DECLS
