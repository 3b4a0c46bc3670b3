/* pecan-i18n.h: the user's language, for each of Pecan's programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void pecan_i18n_init (void);

G_END_DECLS
