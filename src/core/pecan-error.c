/* pecan-error.c: the error domains of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pecan-error.h"

G_DEFINE_QUARK (pecan-import-error-quark, pecan_import_error)
G_DEFINE_QUARK (pecan-store-error-quark, pecan_store_error)
