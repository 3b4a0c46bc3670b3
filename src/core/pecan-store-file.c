/* pecan-store-file.c: the database file itself, before and beside SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file's header is read before SQLite opens it: a file that is not a
 * whole SQLite database is then refused untouched, where SQLite would only
 * find out at its first read, after creating a WAL beside it. A file that
 * Pecan cannot use can be moved aside, under a name that replaces nothing,
 * for a new database to take its place.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pecan-error.h"
#include "pecan-store-private.h"

/* A database's files: those SQLite keeps beside it, named after it, and
 * the database itself, last. */
static const char * const suffixes[] = { "-wal", "-shm", "-journal", "" };
#define N_FILES ((int) G_N_ELEMENTS (suffixes))

/**
 * pecan_store_set_damaged:
 * @path: the database
 * @reason: what is wrong with it, as the end of a sentence
 * @error: return location for a #PECAN_STORE_ERROR_DAMAGED
 */
void
pecan_store_set_damaged (const char  *path,
                         const char  *reason,
                         GError     **error)
{
  g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_DAMAGED,
               _("“%s” is damaged: %s. Pecan cannot use it. Restore a backup of it, or move "
                 "it aside and start with a new database."),
               path, reason);
}

static gboolean
set_io_error (const char  *path,
              int          saved_errno,
              GError     **error)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not read the database “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* The page size the header gives, or 0 when it is not one SQLite writes. */
static guint
header_page_size (const guchar *header)
{
  guint size = header[16] << 8 | header[17];

  if (size == 1)
    return 65536;
  if (size < 512 || (size & (size - 1)) != 0)
    return 0;
  return size;
}

/**
 * pecan_store_check_file:
 * @path: an existing file
 * @error: return location for a #PECAN_STORE_ERROR_DAMAGED or #G_IO_ERROR
 *
 * Reads the header of @path, without SQLite and without writing anything:
 * an empty file (a new database) passes, and so does a whole SQLite file.
 * Whether it is a Pecan database SQLite then tells (pecan_store_check()).
 *
 * Returns: %TRUE when SQLite may open the file
 */
gboolean
pecan_store_check_file (const char  *path,
                        GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  const char *reason = NULL;
  guchar header[100];
  GStatBuf st;
  gssize n;
  guint page_size;
  int saved;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return set_io_error (path, errno, error);
  if (fstat (fd, &st) != 0)
    {
      saved = errno;
      close (fd);
      return set_io_error (path, saved, error);
    }
  n = st.st_size > 0 ? read (fd, header, sizeof header) : 0;
  saved = errno;
  close (fd);
  if (n < 0)
    return set_io_error (path, saved, error);
  if (st.st_size == 0)
    return TRUE;

  if (n < (gssize) sizeof header || memcmp (header, magic, sizeof magic) != 0)
    /* TRANSLATORS: the end of "“FILE” is damaged: …", as the next two */
    reason = _("it is not an SQLite database");
  else if ((page_size = header_page_size (header)) == 0)
    reason = _("its header is unreadable");
  /* SQLite writes whole pages only: anything else was cut short, or
   * written to by another program. */
  else if (st.st_size % page_size != 0)
    reason = _("it has been cut short or added to: its size is not a whole number of pages");
  if (reason == NULL)
    return TRUE;
  pecan_store_set_damaged (path, reason, error);
  return FALSE;
}

/* Whether @path's WAL holds anything: it is then not written back into a
 * file that Pecan refuses. */
gboolean
pecan_store_has_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

/**
 * pecan_store_make_private:
 * @path: a database that Pecan opened
 *
 * Takes from the database, and from the WAL and index SQLite made for it
 * with its mode, what they allow anyone but their owner: a database copied
 * in with `cp`, or written by another program, may be readable by anyone.
 * A file that is not the user's own is left as it is.
 */
void
pecan_store_make_private (const char *path)
{
  for (int i = 0; i < N_FILES; i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (file, &st) == 0 && (st.st_mode & 077) != 0 && st.st_uid == getuid ())
        g_chmod (file, st.st_mode & 0700);
    }
}

/**
 * pecan_store_error_can_move_aside:
 * @error: an error of pecan_store_open()
 *
 * Returns: whether @error says the file is damaged or of a newer Pecan:
 *   moving it aside lets a new database take its place
 */
gboolean
pecan_store_error_can_move_aside (const GError *error)
{
  return g_error_matches (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_DAMAGED)
         || g_error_matches (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_NEWER_SCHEMA);
}

static gboolean
exists (const char *path)
{
  GStatBuf st;

  return g_lstat (path, &st) == 0;
}

/* Renames @from to @to unless @to exists: a hard link never replaces a
 * file. On a file system without hard links, @to is checked first.
 * Returns 0 or an errno. */
static int
rename_no_replace (const char *from,
                   const char *to)
{
  int saved;

  if (link (from, to) == 0)
    {
      if (g_unlink (from) == 0)
        return 0;
      saved = errno;
      g_unlink (to);
      return saved;
    }
  saved = errno;
  if (saved != EPERM && saved != ENOTSUP && saved != EOPNOTSUPP && saved != ENOSYS
      && saved != EMLINK)
    return saved;
  if (exists (to))
    return EEXIST;
  return g_rename (from, to) == 0 ? 0 : errno;
}

/* PATH.aside-DATE-TIME, or with -2, -3 … when one of its files exists. */
static char *
free_name (const char *path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s.aside-%s", path, stamp)
                                     : g_strdup_printf ("%s.aside-%s-%u", path, stamp, n);
      gboolean taken = FALSE;

      for (int i = 0; i < N_FILES && !taken; i++)
        {
          g_autofree char *file = g_strconcat (name, suffixes[i], NULL);
          taken = exists (file);
        }
      if (!taken)
        return g_steal_pointer (&name);
    }
  return NULL;
}

/* Moves the files of the database @from to @to, up to but not including
 * the @end'th. Returns how many were tried: @end, unless one failed. */
static int
move_files (const char *from,
            const char *to,
            int         end,
            int        *saved_errno)
{
  int i;

  for (i = 0; i < end; i++)
    {
      g_autofree char *from_file = g_strconcat (from, suffixes[i], NULL);
      g_autofree char *to_file = g_strconcat (to, suffixes[i], NULL);

      if (i < N_FILES - 1 && !exists (from_file))
        continue;
      if ((*saved_errno = rename_no_replace (from_file, to_file)) != 0)
        break;
    }
  return i;
}

/**
 * pecan_store_move_aside:
 * @path: a database that pecan_store_open() refused
 * @error: return location for a #GError
 *
 * Renames the database, and its WAL and the other files SQLite keeps
 * beside it, to `PATH.aside-DATE-TIME`, a name that replaces no file, so
 * that a new database can be created at @path. Nothing is changed or
 * deleted; when one file cannot be moved, those moved go back.
 *
 * Returns: (transfer full) (nullable): the database's new path
 */
char *
pecan_store_move_aside (const char  *path,
                        GError     **error)
{
  g_autofree char *target = NULL;
  int saved = 0;
  int moved;

  g_return_val_if_fail (path != NULL, NULL);

  target = free_name (path);
  if (target == NULL)
    saved = EEXIST;
  /* The WAL goes first: a WAL left behind would be read into the new
   * database created in the old one's place. */
  else if ((moved = move_files (path, target, N_FILES, &saved)) < N_FILES)
    {
      int ignored;
      move_files (target, path, moved, &ignored);
    }
  if (saved == 0)
    return g_steal_pointer (&target);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
               _("Could not move “%s” aside: %s. It is left as it was."), path,
               g_strerror (saved));
  return NULL;
}
