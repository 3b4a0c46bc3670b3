/* main.c: starts the Pecan window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-i18n.h"
#include "pecan-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PecanApplication) app = NULL;

  pecan_i18n_init ();
  g_set_application_name (_("Pecan"));

  app = pecan_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
