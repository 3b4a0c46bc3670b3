/* pecan-store.c: the SQLite database that holds the imported usage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One connection per PecanStore: a thread that needs the database opens its
 * own store on the same file (WAL lets readers run beside the writer).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "pecan-error.h"
#include "pecan-parse.h"
#include "pecan-store-private.h"

struct _PecanStore
{
  GObject     parent_instance;
  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* static SQL text -> prepared statement */
};

G_DEFINE_FINAL_TYPE (PecanStore, pecan_store, G_TYPE_OBJECT)

static void
pecan_store_finalize (GObject *object)
{
  PecanStore *self = PECAN_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_free (self->path);

  G_OBJECT_CLASS (pecan_store_parent_class)->finalize (object);
}

static void
pecan_store_class_init (PecanStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pecan_store_finalize;

  /* SQLite's memory statistics take a global mutex on every allocation;
   * Pecan does not read them. Has effect only before SQLite starts. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
pecan_store_init (PecanStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
}

/**
 * pecan_store_default_path:
 *
 * The database named by `PECAN_DATABASE`, or `pecan.db` in the user's data
 * folder.
 *
 * Returns: (transfer full): the path
 */
char *
pecan_store_default_path (void)
{
  const char *env = g_getenv ("PECAN_DATABASE");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "pecan", "pecan.db", NULL);
}

void
pecan_store_set_error (PecanStore  *self,
                       GError     **error)
{
  int code = sqlite3_errcode (self->db);

  /* SQLite finds most damage at the first read of the pages it hits, in
   * any query: the same message as when the file is refused at once. */
  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
    {
      /* TRANSLATORS: the end of "“FILE” is damaged: …"; %s is SQLite's own words */
      g_autofree char *reason = g_strdup_printf (_("SQLite reports “%s”"),
                                                 sqlite3_errmsg (self->db));
      pecan_store_set_damaged (self->path, reason, error);
    }
  else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_BUSY,
                 _("Another program is writing to “%s”. Wait until it has finished, then "
                   "try again."),
                 self->path);
  else
    g_set_error (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_FAILED,
                 _("Database error in “%s”: %s"), self->path, sqlite3_errmsg (self->db));
}

gboolean
pecan_store_exec (PecanStore  *self,
                  const char  *sql,
                  GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  pecan_store_set_error (self, error);
  return FALSE;
}

sqlite3_stmt *
pecan_store_prepare (PecanStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) == SQLITE_OK)
    return stmt;
  pecan_store_set_error (self, error);
  return NULL;
}

/**
 * pecan_store_cached:
 * @self: a store
 * @sql: a statement in static storage: its address is the cache's key
 * @error: return location for an error
 *
 * Statements run once per key of an import are prepared once.
 *
 * Returns: (transfer none): the prepared statement, reset and unbound
 */
sqlite3_stmt *
pecan_store_cached (PecanStore  *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  stmt = pecan_store_prepare (self, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Steps a statement that returns no rows, and resets it for the next use. */
gboolean
pecan_store_step_done (PecanStore    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  pecan_store_set_error (self, error);
  return FALSE;
}

sqlite3 *
pecan_store_get_db (PecanStore *self)
{
  return self->db;
}

/* Created owner-only before SQLite opens it: SQLite gives its -wal and -shm
 * files the mode of the database. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  fd = g_open (path, O_RDWR | O_CREAT, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not open the database “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Settings of this connection only: they change nothing in the file. */
static const char connection_pragmas[] =
  "PRAGMA foreign_keys = ON;"
  "PRAGMA cache_size = -16384;";

/* The journal mode is written into the file: set only once the file is
 * known to be a Pecan database this version may change. */
static const char file_pragmas[] =
  "PRAGMA journal_mode = WAL;"
  "PRAGMA synchronous = NORMAL;";

/**
 * pecan_store_open:
 * @path: (nullable): the database file, or %NULL for pecan_store_default_path()
 * @error: return location for a #PECAN_STORE_ERROR or #G_IO_ERROR
 *
 * Opens the database, creating it (owner-only) when it does not exist, and
 * brings its schema up to date. A file that is damaged, of another program
 * or of a newer Pecan is refused, and left as it is: nothing is written to
 * it, nor to its WAL.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
PecanStore *
pecan_store_open (const char  *path,
                  GError     **error)
{
  g_autoptr(PecanStore) self = g_object_new (PECAN_TYPE_STORE, NULL);
  gboolean had_wal;

  self->path = path != NULL ? g_strdup (path) : pecan_store_default_path ();
  if (!g_file_test (self->path, G_FILE_TEST_EXISTS) && !create_private_file (self->path, error))
    return NULL;
  if (!pecan_store_check_file (self->path, error))
    return NULL;

  had_wal = pecan_store_has_wal (self->path);
  if (sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      pecan_store_set_error (self, error);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 10000);
  sqlite3_extended_result_codes (self->db, 0);
  /* Closing the last connection writes the WAL back into the database:
   * not into a file about to be refused. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, had_wal, NULL);
  if (!pecan_store_exec (self, connection_pragmas, error) || !pecan_store_check (self, error))
    return NULL;
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
  pecan_store_make_private (self->path);
  if (!pecan_store_exec (self, file_pragmas, error) || !pecan_store_migrate (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
pecan_store_get_path (PecanStore *self)
{
  g_return_val_if_fail (PECAN_IS_STORE (self), NULL);
  return self->path;
}

/**
 * pecan_store_backup:
 * @self: a store
 * @target: (nullable): the file to write, which must not exist yet; %NULL
 *   for one beside the database, named with the date and time
 * @error: return location for an error
 *
 * Writes a consistent copy of the database, readable by its owner only,
 * while the database stays open: a safe step before a month-end import.
 *
 * Returns: (transfer full) (nullable): the backup's path
 */
char *
pecan_store_backup (PecanStore  *self,
                    const char  *target,
                    GError     **error)
{
  g_autofree char *path = NULL;
  char *sql;
  gboolean ok;
  int fd;

  g_return_val_if_fail (PECAN_IS_STORE (self), NULL);

  if (target != NULL)
    path = g_strdup (target);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      path = g_strdup_printf ("%s.%s.backup", self->path, stamp);
    }

  /* Created owner-only and empty, which VACUUM INTO accepts and fills. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the backup “%s”: %s. Choose a file that does not "
                     "exist yet, in a folder you can write to."),
                   path, g_strerror (saved));
      return NULL;
    }
  close (fd);

  sql = sqlite3_mprintf ("VACUUM INTO %Q", path);
  ok = pecan_store_exec (self, sql, error);
  sqlite3_free (sql);
  if (!ok)
    {
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

/**
 * pecan_store_get_setting:
 * @self: a store
 * @key: the setting's name
 *
 * Returns: (transfer full) (nullable): the stored value
 */
char *
pecan_store_get_setting (PecanStore *self,
                         const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PECAN_IS_STORE (self), NULL);

  stmt = pecan_store_prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
pecan_store_set_setting (PecanStore  *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PECAN_IS_STORE (self), FALSE);

  stmt = pecan_store_prepare (self,
                              "INSERT INTO setting (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return pecan_store_step_done (self, stmt, error);
}

/**
 * pecan_store_get_pec_rate:
 * @self: a store
 *
 * Returns: the PEC rate, in percent, that lost PEC is counted at
 */
int
pecan_store_get_pec_rate (PecanStore *self)
{
  g_autofree char *value = pecan_store_get_setting (self, "pec-rate");
  gint64 rate;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, 1, 99, &rate, NULL))
    return PECAN_DEFAULT_PEC_RATE;
  return (int) rate;
}

gboolean
pecan_store_set_pec_rate (PecanStore  *self,
                          int          percent,
                          GError     **error)
{
  g_autofree char *value = g_strdup_printf ("%d", percent);

  g_return_val_if_fail (percent > 0 && percent < 100, FALSE);
  return pecan_store_set_setting (self, "pec-rate", value, error);
}

/**
 * pecan_store_set_incident_note:
 * @self: a store
 * @subscription_id: the incident's subscription (its id in the database)
 * @first_day: the incident's first day, as pecan_query_incidents() gives it
 * @handled: whether someone is dealing with it
 * @note: (nullable): what was done or found, free text
 * @error: return location for an error
 *
 * Records what a person knows about a lost-PEC incident. The newest state
 * written within an incident's run is the one pecan_query_incidents()
 * returns with it, so clearing a note writes an empty one rather than
 * deleting it: an older state of the same run must not come back.
 *
 * Returns: %TRUE when the state was saved
 */
gboolean
pecan_store_set_incident_note (PecanStore  *self,
                               gint64       subscription_id,
                               gint32       first_day,
                               gboolean     handled,
                               const char  *note,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  /* Microseconds: two saves in a row must still be told apart. */
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");

  g_return_val_if_fail (PECAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (subscription_id > 0, FALSE);

  stmt = pecan_store_prepare (self,
                              "INSERT INTO incident_state (subscription_id, first_day, handled,"
                              " note, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)"
                              " ON CONFLICT (subscription_id, first_day) DO UPDATE SET"
                              " handled = excluded.handled, note = excluded.note,"
                              " updated_at = excluded.updated_at",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, subscription_id);
  sqlite3_bind_int (stmt, 2, first_day);
  sqlite3_bind_int (stmt, 3, handled ? 1 : 0);
  sqlite3_bind_text (stmt, 4, note != NULL ? note : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, stamp, -1, SQLITE_STATIC);
  return pecan_store_step_done (self, stmt, error);
}

/* A text column, "" for NULL. */
char *
pecan_store_column_text (sqlite3_stmt *stmt,
                         int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

/* A text as typed, without the blanks around it; "" for NULL. */
void
pecan_store_bind_stripped (sqlite3_stmt *stmt,
                           int           index,
                           const char   *text)
{
  sqlite3_bind_text (stmt, index, g_strstrip (g_strdup (text != NULL ? text : "")), -1, g_free);
}

/* The time of a change, to the microsecond: two saves in a row differ. */
char *
pecan_store_stamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/* Runs @write in a savepoint: all of it is kept, or none. */
gboolean
pecan_store_savepoint (PecanStore          *self,
                       PecanStoreWriteFunc  write,
                       gpointer             data,
                       GError             **error)
{
  if (!pecan_store_exec (self, "SAVEPOINT record", error))
    return FALSE;
  if (!write (self, data, error))
    {
      pecan_store_exec (self, "ROLLBACK TO record; RELEASE record", NULL);
      return FALSE;
    }
  return pecan_store_exec (self, "RELEASE record", error);
}

typedef struct
{
  const char *first_key;
  va_list    *rest;
} Settings;

static gboolean
write_settings (PecanStore  *self,
                gpointer     data,
                GError     **error)
{
  Settings *settings = data;

  for (const char *key = settings->first_key; key != NULL;
       key = va_arg (*settings->rest, const char *))
    {
      const char *value = va_arg (*settings->rest, const char *);

      if (!pecan_store_set_setting (self, key, value, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * pecan_store_set_settings:
 * @self: a store
 * @error: return location for an error
 * @first_key: a setting's key, then its value, then more pairs, then %NULL
 *
 * Sets several settings at once: all of them, or none.
 *
 * Returns: %TRUE when every setting was saved
 */
gboolean
pecan_store_set_settings (PecanStore  *self,
                          GError     **error,
                          const char  *first_key,
                          ...)
{
  va_list rest;
  Settings settings = { first_key, &rest };
  gboolean ok;

  va_start (rest, first_key);
  ok = pecan_store_savepoint (self, write_settings, &settings, error);
  va_end (rest);
  return ok;
}
