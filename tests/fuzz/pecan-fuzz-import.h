/* pecan-fuzz-import.h: one file imported as a user's would be, and the
 * promises the importer keeps whatever the file holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *pecan_fuzz_import (const char *dir,
                         const char *path);

G_END_DECLS
