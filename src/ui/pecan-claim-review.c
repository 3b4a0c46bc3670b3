/* pecan-claim-review.c: a claim's fields as the review step lists them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The review steps of the CPOR wizard and of the co-op checklist list
 * every field in Partner Center's order, each with a button that copies
 * its value for the portal's form.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-claim-review.h"

/* A heading and the card of fields under it, added to @box. */
GtkWidget *
pecan_claim_review_section (GtkBox     *box,
                            const char *title)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "pecan-card");
  gtk_widget_add_css_class (list, "pecan-review");
  gtk_box_append (box, label);
  gtk_box_append (box, list);
  return list;
}

/* A field of @section: its name, its value, and a button that activates
 * @copy_action with the value. */
void
pecan_claim_review_field (GtkWidget  *section,
                          const char *title,
                          const char *value,
                          const char *copy_action)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (title);
  GtkWidget *text = gtk_label_new (value != NULL && *value != '\0' ? value : "—");
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  g_autofree char *tooltip = g_strdup_printf (_("Copy “%s”"), title);

  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_set_size_request (name, 190, -1);
  gtk_widget_add_css_class (name, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0.0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (copy, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (copy),
                                          g_variant_new_string (value != NULL ? value : ""));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), copy_action);
  gtk_widget_set_sensitive (copy, value != NULL && *value != '\0');
  gtk_box_append (GTK_BOX (row), name);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), copy);
  gtk_list_box_append (GTK_LIST_BOX (section), row);
}
