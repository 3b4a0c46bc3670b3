/* pecan-ui-files.c: files a window is given, chosen or dropped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The claim editors take documents both ways: from a file chooser that
 * picks several, and dropped from a file manager.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-ui-files.h"

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     GtkWindow       *parent)
{
  PecanUiFilesFunc func = g_object_get_data (G_OBJECT (chooser), "pecan-files-func");
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (list, g_list_model_get_item (files, i));
  func (parent, (GFile **) list->pdata, list->len);
  g_object_unref (chooser);
}

/**
 * pecan_ui_choose_files:
 * @parent: the window that takes the files
 * @title: the chooser's title
 * @func: given @parent and the files chosen, none when the choice is
 *   cancelled
 *
 * Opens a modal chooser of several files.
 */
void
pecan_ui_choose_files (GtkWindow        *parent,
                       const char       *title,
                       PecanUiFilesFunc  func)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "pecan-files-func", func);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), parent, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       owner)
{
  PecanUiFilesFunc func = g_object_get_data (G_OBJECT (target), "pecan-files-func");
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    g_ptr_array_add (list, l->data);
  return func (owner, (GFile **) list->pdata, list->len);
}

/**
 * pecan_ui_drop_files:
 * @area: where files may be dropped
 * @owner: (not nullable): what takes them; must outlive @area's drops
 * @func: given @owner and the files dropped
 *
 * Lets files be dropped on @area, as a file manager drops them.
 */
void
pecan_ui_drop_files (GtkWidget        *area,
                     gpointer          owner,
                     PecanUiFilesFunc  func)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_object_set_data (G_OBJECT (target), "pecan-files-func", func);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), owner, 0);
  gtk_widget_add_controller (area, GTK_EVENT_CONTROLLER (target));
}
