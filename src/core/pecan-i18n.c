/* pecan-i18n.c: the user's language, for each of Pecan's programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "pecan-i18n.h"

/**
 * pecan_i18n_init:
 *
 * Takes the user's locale and Pecan's translations; called first thing by
 * every program. PECAN_LOCALEDIR names the translations of an uninstalled
 * build (po/ in the build tree), for its tests.
 */
void
pecan_i18n_init (void)
{
  const char *localedir = g_getenv ("PECAN_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
