/* pecan-claim-export.c: where a claim's packet goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The save dialog of Export Packet…, for the Claims page and the wizard
 * alike: it suggests a file named after the claim, and makes sure the
 * name ends in .xlsx. Writing the packet is the caller's, on a worker
 * thread.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-claim-export.h"

typedef struct
{
  PecanClaimExportChosen  chosen;
  gpointer                user_data;
  GDestroyNotify          user_data_free;
} Choice;

static void
choice_free (Choice *choice)
{
  if (choice->user_data_free != NULL)
    choice->user_data_free (choice->user_data);
  g_free (choice);
}

/**
 * pecan_claim_export_file_name:
 *
 * Returns: (transfer full): a file name for the claim's packet: its name,
 *   without the characters file systems refuse, and ".xlsx"
 */
char *
pecan_claim_export_file_name (const PecanCporInfo *info)
{
  const char *name = info->name != NULL && *info->name != '\0' ? info->name : _("CPOR claim");
  g_autofree char *safe = g_strdup (name);

  g_strdelimit (safe, "/\\:*?\"<>|", '-');
  return g_strconcat (g_strstrip (safe), ".xlsx", NULL);
}

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             Choice          *choice)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL && !g_str_has_suffix (path, ".xlsx"))
    {
      char *with_suffix = g_strconcat (path, ".xlsx", NULL);

      g_free (path);
      path = with_suffix;
    }
  if (path != NULL)
    choice->chosen (path, choice->user_data);
  choice_free (choice);
  g_object_unref (chooser);
}

/**
 * pecan_claim_export_choose:
 * @parent: the window the dialog is modal to
 * @info: the claim, for the file's name
 * @chosen: called with the file chosen; not at all when cancelled
 *
 * Asks where to save the packet of @info.
 */
void
pecan_claim_export_choose (GtkWindow              *parent,
                           const PecanCporInfo    *info,
                           PecanClaimExportChosen  chosen,
                           gpointer                user_data,
                           GDestroyNotify          user_data_free)
{
  g_autofree char *name = pecan_claim_export_file_name (info);

  pecan_claim_export_choose_named (parent, _("Export Claim Packet"), name, chosen, user_data,
                                   user_data_free);
}

/**
 * pecan_claim_export_choose_named:
 * @parent: the window the dialog is modal to
 * @title: the dialog's title
 * @name: the file name to suggest: characters that file systems refuse
 *   are replaced, and ".xlsx" added
 * @chosen: called with the file chosen; not at all when cancelled
 *
 * Asks where to save a claim's workbook, of any kind of claim.
 */
void
pecan_claim_export_choose_named (GtkWindow              *parent,
                                 const char             *title,
                                 const char             *name,
                                 PecanClaimExportChosen  chosen,
                                 gpointer                user_data,
                                 GDestroyNotify          user_data_free)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *safe = g_strdup (name);
  g_autofree char *file_name = NULL;
  Choice *choice = g_new0 (Choice, 1);

  g_strdelimit (safe, "/\\:*?\"<>|", '-');
  g_strstrip (safe);
  file_name = g_str_has_suffix (safe, ".xlsx") ? g_strdup (safe)
                                                : g_strconcat (safe, ".xlsx", NULL);
  choice->chosen = chosen;
  choice->user_data = user_data;
  choice->user_data_free = user_data_free;
  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
