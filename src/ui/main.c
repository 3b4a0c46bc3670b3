/* main.c: starts the Pecan window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pecan-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PecanApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* PECAN_LOCALEDIR: the translations of an uninstalled build (po/ in the
   * build tree), for its tests. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PECAN_LOCALEDIR") != NULL
                                     ? g_getenv ("PECAN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name (_("Pecan"));

  app = pecan_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
