/* pecan-application.c: the Pecan application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One instance: starting Pecan again presents the open window, and files
 * given on its command line are imported there. The database is chosen by
 * --database, else $PECAN_DATABASE, else the user's data folder.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-application.h"
#include "pecan-session.h"
#include "pecan-store.h"
#include "pecan-window.h"

struct _PecanApplication
{
  GtkApplication  parent_instance;

  char           *database_path;
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

static PecanWindow *
ensure_window (PecanApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(PecanSession) session = NULL;
  g_autoptr(GError) error = NULL;

  if (PECAN_IS_WINDOW (window))
    return PECAN_WINDOW (window);
  session = pecan_session_new (self->database_path, &error);
  if (session == NULL)
    {
      show_error (self, error);
      return NULL;
    }
  return pecan_window_new (self, session);
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
  PecanWindow *window = ensure_window (PECAN_APPLICATION (application));

  if (window == NULL)
    return;
  gtk_window_present (GTK_WINDOW (window));
  pecan_window_import_files (window, files, n_files);
}

static void
pecan_application_finalize (GObject *object)
{
  PecanApplication *self = PECAN_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);

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
