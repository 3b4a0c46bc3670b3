/* fuzz-import.c: a libFuzzer target that imports any bytes as a usage file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with -Dfuzzing=true and clang; run by tests/fuzz/run-fuzz.sh. Each
 * input is written to a file and imported into a new database as a user's
 * file would be (see pecan-fuzz-import.c). Beside the sanitizers' findings,
 * a broken promise of the importer aborts, and libFuzzer keeps the input.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "pecan-fuzz-import.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static char *work_dir;
static char *input_path;

/* GLib reads these when it starts, before any code of ours runs: when they
 * are not set, the program starts again with them. G_SLICE lets the
 * sanitizers see every allocation of GLib 2.74; G_DEBUG turns warnings
 * and criticals into crashes, as in the test suite. */
static void
restart_with_environment (char **argv)
{
  if (g_getenv ("G_SLICE") != NULL && g_getenv ("G_DEBUG") != NULL)
    return;
  g_setenv ("G_SLICE", "always-malloc", FALSE);
  g_setenv ("G_DEBUG", "gc-friendly,fatal-warnings", FALSE);
  execv ("/proc/self/exe", argv);
  perror ("fuzz-import: cannot restart itself");
  exit (1);
}

static void
remove_work_dir (void)
{
  g_unlink (input_path);
  g_rmdir (work_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  restart_with_environment (*argv);
  work_dir = g_dir_make_tmp ("pecan-fuzz-XXXXXX", &error);
  if (work_dir == NULL)
    g_error ("%s", error->message);
  input_path = g_build_filename (work_dir, "input.csv", NULL);
  atexit (remove_work_dir);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  /* Written anew: GLib 2.74 writes over an existing file without
   * truncating it when it is not asked for consistency, and the file would
   * keep the end of a longer input. No fsync for every input either. */
  g_unlink (input_path);
  if (!g_file_set_contents_full (input_path, (const char *) data, size,
                                 G_FILE_SET_CONTENTS_NONE, 0600, &error))
    g_error ("%s", error->message);
  problem = pecan_fuzz_import (work_dir, input_path);
  if (problem != NULL)
    {
      fprintf (stderr, "fuzz-import: %s\n", problem);
      abort ();
    }
  return 0;
}
