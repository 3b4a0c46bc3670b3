/* pecan-application.c: the Pecan application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One instance: starting Pecan again presents the open window, and files
 * given on its command line are imported there. The database is chosen by
 * --database, else $PECAN_DATABASE, else the user's data folder. When it
 * is damaged or of a newer Pecan, a message offers to move it aside and
 * start with a new one; nothing is replaced without that answer.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-application.h"
#include "pecan-error.h"
#include "pecan-session.h"
#include "pecan-store.h"
#include "pecan-window.h"

struct _PecanApplication
{
  GtkApplication  parent_instance;

  char           *database_path;
  GtkWindow      *move_aside_dialog;  /* weak: shown while the database cannot open */
  GPtrArray      *pending_files;      /* GFile: to import once it can */
};

G_DEFINE_FINAL_TYPE (PecanApplication, pecan_application, GTK_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The database to open (default: $PECAN_DATABASE, else ~/.local/share/pecan/pecan.db)"),
    N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { NULL }
};

static void
show_error (PecanApplication *self,
            const GError     *error)
{
  GtkWidget *dialog;

  /* No window can open without its database: say why, then quit. */
  g_printerr ("%s\n", error->message);
  dialog = gtk_message_dialog_new (NULL, 0, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   _("Pecan could not open its database"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Pecan"));
  gtk_application_add_window (GTK_APPLICATION (self), GTK_WINDOW (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Files given while the database could not open wait for the window. */
static void
import_pending_files (PecanApplication *self,
                      PecanWindow      *window)
{
  if (self->pending_files->len > 0)
    pecan_window_import_files (window, (GFile **) self->pending_files->pdata,
                               self->pending_files->len);
  g_ptr_array_set_size (self->pending_files, 0);
}

static PecanWindow *
open_window (PecanApplication  *self,
             GError           **error)
{
  g_autoptr(PecanSession) session = pecan_session_new (self->database_path, error);
  PecanWindow *window;

  if (session == NULL)
    return NULL;
  window = pecan_window_new (self, session);
  gtk_window_present (GTK_WINDOW (window));
  import_pending_files (self, window);
  return window;
}

/* Where the old database went: the one thing to remember from this. */
static void
tell_moved (PecanWindow *window,
            const char  *moved)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (window),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_INFO, GTK_BUTTONS_CLOSE,
                                   _("Pecan started with a new database"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("The database that could not be opened is kept, "
                                              "as it was, at “%s”."), moved);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_aside_response_cb (GtkDialog *dialog,
                        int        response,
                        gpointer   user_data)
{
  PecanApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = NULL;
  PecanWindow *window = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      /* The window found it damaged as it worked: its connections close
       * with it, before the file moves. */
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

      if (parent != NULL)
        gtk_window_destroy (parent);
      moved = pecan_store_move_aside (self->database_path, &error);
      if (moved != NULL)
        window = open_window (self, &error);
      if (window != NULL)
        tell_moved (window, moved);
      else
        show_error (self, error);
    }
  g_ptr_array_set_size (self->pending_files, 0);
  /* Last: the application quits when its last window goes. */
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The database is damaged or of a newer Pecan: say so, and offer to move
 * it aside for a new one; over @window when a query found the damage as
 * the window worked, which can then stay open. */
static void
offer_move_aside (PecanApplication *self,
                  GtkWindow        *window,
                  const GError     *error)
{
  gboolean newer = g_error_matches (error, PECAN_STORE_ERROR, PECAN_STORE_ERROR_NEWER_SCHEMA);
  GtkWidget *dialog;

  g_printerr ("%s\n", error->message);
  dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL, GTK_MESSAGE_ERROR, GTK_BUTTONS_NONE,
                                   "%s", newer ? _("The database is from a newer Pecan")
                                                : _("The database is damaged"));
  gtk_message_dialog_format_secondary_text (
    GTK_MESSAGE_DIALOG (dialog), "%s\n\n%s", error->message,
    newer ? _("Open it with that newer version of Pecan to keep working with it. Or move it "
              "aside: it is kept, unchanged, under a new name in the same folder, and Pecan "
              "starts with a new, empty database.")
          : _("Moving it aside keeps it, unchanged, under a new name in the same folder; "
              "Pecan then starts with a new, empty database."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), window != NULL ? _("_Keep Open") : _("_Quit"),
                          GTK_RESPONSE_CLOSE, _("_Move Aside and Start Fresh"),
                          GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Pecan"));
  gtk_application_add_window (GTK_APPLICATION (self), GTK_WINDOW (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (move_aside_response_cb), self);
  g_set_weak_pointer (&self->move_aside_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * pecan_application_offer_move_aside:
 * @self: the application
 * @window: the window whose queries found the database damaged
 * @error: what they found
 *
 * Says so over @window, once, and offers to move the database aside for a
 * new one: the window closes then, and a new one opens.
 */
void
pecan_application_offer_move_aside (PecanApplication *self,
                                    GtkWindow        *window,
                                    const GError     *error)
{
  g_return_if_fail (PECAN_IS_APPLICATION (self));

  if (self->move_aside_dialog == NULL)
    offer_move_aside (self, window, error);
}

/* The window, opened when there is none; NULL while a message says why
 * the database cannot open. */
static PecanWindow *
ensure_window (PecanApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;
  PecanWindow *opened;

  if (PECAN_IS_WINDOW (window))
    return PECAN_WINDOW (window);
  if (self->move_aside_dialog != NULL)
    {
      gtk_window_present (self->move_aside_dialog);
      return NULL;
    }
  opened = open_window (self, &error);
  if (opened == NULL && pecan_store_error_can_move_aside (error))
    offer_move_aside (self, NULL, error);
  else if (opened == NULL)
    {
      show_error (self, error);
      g_ptr_array_set_size (self->pending_files, 0);
    }
  return opened;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  static const char *developers[] = { "The Pecan developers", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_about_dialog (window,
                         "program-name", _("Pecan"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Find the Partner Earned Credit you earned and lost"),
                         "website", "https://github.com/pecanapp/pecan",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         /* TRANSLATORS: your name and email, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated, NULL, NULL, NULL, { 0 } },
  { "about", about_activated, NULL, NULL, NULL, { 0 } },
};

static int
pecan_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  PecanApplication *self = PECAN_APPLICATION (application);
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("pecan %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    {
      g_free (self->database_path);
      self->database_path = g_canonicalize_filename (path, NULL);
    }
  return -1;
}

static void
pecan_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  g_autoptr(GtkCssProvider) provider = NULL;

  G_APPLICATION_CLASS (pecan_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_window_set_default_icon_name (APP_ID);

  /* GTK 4.8 does not load style.css from the resource base path itself. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/pecanapp/Pecan/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
pecan_application_activate (GApplication *application)
{
  PecanWindow *window = ensure_window (PECAN_APPLICATION (application));

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
}

static void
pecan_application_open (GApplication  *application,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  PecanApplication *self = PECAN_APPLICATION (application);
  PecanWindow *window;

  for (int i = 0; i < n_files; i++)
    g_ptr_array_add (self->pending_files, g_object_ref (files[i]));
  window = ensure_window (self);
  if (window == NULL)
    return;
  gtk_window_present (GTK_WINDOW (window));
  import_pending_files (self, window);
}

static void
pecan_application_finalize (GObject *object)
{
  PecanApplication *self = PECAN_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  g_clear_weak_pointer (&self->move_aside_dialog);

  G_OBJECT_CLASS (pecan_application_parent_class)->finalize (object);
}

static void
pecan_application_class_init (PecanApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pecan_application_finalize;
  app_class->handle_local_options = pecan_application_handle_local_options;
  app_class->startup = pecan_application_startup;
  app_class->activate = pecan_application_activate;
  app_class->open = pecan_application_open;
}

static void
pecan_application_init (PecanApplication *self)
{
  self->database_path = pecan_store_default_path ();
  self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Import Partner Center and Cost Management usage "
                                              "files, and find the Partner Earned Credit you "
                                              "earned and lost."));
}

/**
 * pecan_application_new:
 * @flags: %G_APPLICATION_DEFAULT_FLAGS, or %G_APPLICATION_NON_UNIQUE for
 *   tests that run side by side
 *
 * Returns: (transfer full): the application
 */
PecanApplication *
pecan_application_new (GApplicationFlags flags)
{
  return g_object_new (PECAN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", "/io/github/pecanapp/Pecan",
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

const char *
pecan_application_get_database_path (PecanApplication *self)
{
  g_return_val_if_fail (PECAN_IS_APPLICATION (self), NULL);
  return self->database_path;
}

/**
 * pecan_application_set_database_path:
 * @path: the database the next window opens, as --database names it
 */
void
pecan_application_set_database_path (PecanApplication *self,
                                     const char       *path)
{
  g_return_if_fail (PECAN_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  g_free (self->database_path);
  self->database_path = g_strdup (path);
}
