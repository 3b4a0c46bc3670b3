/* pecan-coop-checklist-rows.c: the rows of the co-op checklist's documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document's row: its name, its kind (short, the core's label as the
 * tooltip), its date from a calendar and, for the kinds that have one,
 * its amount, all written into the claim as they change; under them its
 * file, size and SHA-256, and what is wrong with the file. The row is
 * built again only when the list changes, so that typing in it keeps the
 * focus.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-coop-checklist-private.h"
#include "pecan-parse.h"
#include "pecan-period.h"
#include "pecan-ui-util.h"

/* The kinds as the lists name them, short; the core's label is the
 * tooltip. */
static const char * const kind_titles[] = {
  [PECAN_COOP_INVOICE] = N_("Invoice"),
  [PECAN_COOP_RECEIPT] = N_("Payment receipt"),
  [PECAN_COOP_CONTRACT] = N_("Contract or SOW"),
  [PECAN_COOP_EVIDENCE] = N_("Evidence"),
  [PECAN_COOP_CERTIFICATION] = N_("Certification"),
};

/**
 * pecan_coop_checklist_kind_title:
 *
 * Returns: a kind of document, short: "Contract or SOW" (the core's
 *   label says it in full)
 */
const char *
pecan_coop_checklist_kind_title (PecanCoopDocumentKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_titles), NULL);
  return _(kind_titles[kind]);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static PecanCoopDocument *
row_document (PecanCoopChecklist *self,
              GtkWidget          *widget)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "index"));

  if (self->syncing || index >= self->info.documents->len)
    return NULL;
  return &g_array_index (self->info.documents, PecanCoopDocument, index);
}

static void
name_changed_cb (GtkEditable        *entry,
                 PecanCoopChecklist *self)
{
  PecanCoopDocument *document = row_document (self, GTK_WIDGET (entry));

  if (document == NULL)
    return;
  pecan_coop_checklist_set_string (&document->name, gtk_editable_get_text (entry));
  pecan_coop_checklist_changed (self);
}

static void
kind_changed_cb (GtkDropDown        *dropdown,
                 GParamSpec         *pspec,
                 PecanCoopChecklist *self)
{
  PecanCoopDocument *document = row_document (self, GTK_WIDGET (dropdown));
  guint kind = gtk_drop_down_get_selected (dropdown);

  if (document == NULL || kind >= G_N_ELEMENTS (kind_titles))
    return;
  document->kind = kind;
  gtk_widget_set_tooltip_text (GTK_WIDGET (dropdown), pecan_coop_document_label (kind));
  pecan_coop_checklist_changed (self);
}

static void
amount_changed_cb (GtkEditable        *entry,
                   PecanCoopChecklist *self)
{
  PecanCoopDocument *document = row_document (self, GTK_WIDGET (entry));
  const char *text = gtk_editable_get_text (entry);
  gint64 nano = 0;
  gboolean valid;

  if (document == NULL)
    return;
  valid = pecan_ui_parse_nano (text, &nano);
  document->has_amount = valid;
  document->amount = valid ? nano : 0;
  g_object_set_data (G_OBJECT (entry), "invalid", GINT_TO_POINTER (*text != '\0' && !valid));
  pecan_coop_checklist_changed (self);
}

static gint32
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return pecan_day_from_ymd (g_date_time_get_year (date), g_date_time_get_month (date),
                             g_date_time_get_day_of_month (date));
}

static void
date_changed_cb (GtkCalendar        *calendar,
                 GParamSpec         *pspec,
                 PecanCoopChecklist *self)
{
  PecanCoopDocument *document = row_document (self, GTK_WIDGET (calendar));
  GtkWidget *button = g_object_get_data (G_OBJECT (calendar), "button");
  g_autofree char *text = NULL;

  if (document == NULL || document->day == calendar_day (calendar))
    return;
  document->day = calendar_day (calendar);
  text = pecan_day_describe (document->day);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), text);
  pecan_coop_checklist_changed (self);
}

static void
date_released_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  gpointer         user_data)
{
  GtkWidget *calendar = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  date_changed_cb (GTK_CALENDAR (calendar), NULL, user_data);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (calendar, GTK_TYPE_POPOVER)));
}

/* A button that shows a document's date and opens a calendar. */
static GtkWidget *
date_button_new (PecanCoopChecklist      *self,
                 const PecanCoopDocument *document,
                 guint                    index)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  g_autofree char *label = document->day != 0 ? pecan_day_describe (document->day)
                                              : g_strdup (_("Date…"));
  gint32 shown = document->day != 0 ? document->day
                 : self->info.end_day != 0 ? self->info.end_day : self->today;
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  pecan_day_to_ymd (shown, &y, &m, &d);
  date = g_date_time_new_local (y, m, d, 12, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), date);
  g_object_set_data (G_OBJECT (calendar), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (calendar), "button", button);
  g_signal_connect_object (calendar, "notify::day", G_CALLBACK (date_changed_cb), self, 0);
  g_signal_connect_object (calendar, "notify::month", G_CALLBACK (date_changed_cb), self, 0);
  g_signal_connect_object (calendar, "notify::year", G_CALLBACK (date_changed_cb), self, 0);
  g_signal_connect_object (click, "released", G_CALLBACK (date_released_cb), self, 0);
  gtk_widget_add_controller (calendar, GTK_EVENT_CONTROLLER (click));
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Date of the document"), -1);
  g_object_set_data (G_OBJECT (button), "calendar", calendar);
  return button;
}

static GtkWidget *
kind_dropdown_new (PecanCoopChecklist      *self,
                   const PecanCoopDocument *document,
                   guint                    index)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  for (guint k = 0; k < G_N_ELEMENTS (kind_titles); k++)
    gtk_string_list_append (kinds, _(kind_titles[k]));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), document->kind);
  gtk_widget_set_tooltip_text (dropdown, pecan_coop_document_label (document->kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of document"), -1);
  g_object_set_data (G_OBJECT (dropdown), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (kind_changed_cb), self, 0);
  return dropdown;
}

static GtkWidget *
amount_entry_new (PecanCoopChecklist      *self,
                  const PecanCoopDocument *document,
                  guint                    index)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *amount = document->has_amount ? pecan_ui_format_nano (document->amount, NULL)
                                                 : NULL;

  gtk_editable_set_text (GTK_EDITABLE (entry), amount != NULL ? amount : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Amount"));
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Amount of the document"), -1);
  g_object_set_data (G_OBJECT (entry), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (entry, "changed", G_CALLBACK (amount_changed_cb), self, 0);
  return entry;
}

static char *
describe_file (const PecanCoopDocument *document)
{
  g_autofree char *base = g_filename_display_basename (document->path != NULL ? document->path
                                                                              : "");
  g_autofree char *size = g_format_size (document->size);
  g_autofree char *sha = g_strndup (document->sha256 != NULL ? document->sha256 : "", 12);

  /* TRANSLATORS: a document's file, its size and the start of its
   * SHA-256: "invoice-114.pdf · 1.2 MB · SHA-256 1a2b3c4d5e6f…" */
  return g_strdup_printf (_("%s · %s · SHA-256 %s…"), base, size, sha);
}

/* What is wrong with the file, and the way to take its new version. */
static GtkWidget *
flag_new (PecanCoopChecklist      *self,
          const PecanCoopDocument *document,
          guint                    index)
{
  g_autofree char *problem = pecan_coop_checklist_file_problem (self, document);
  FileCheck *check = document->path != NULL ? g_hash_table_lookup (self->files, document->path)
                                            : NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *button;

  if (problem == NULL)
    return NULL;
  gtk_box_append (GTK_BOX (box), pecan_coop_checklist_problem_row (problem, PECAN_COOP_WARNING));
  gtk_widget_set_hexpand (gtk_widget_get_first_child (box), TRUE);
  if (check->state == FILE_CHANGED)
    {
      button = gtk_button_new_with_mnemonic (_("_Use This Version"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_int32 (index));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "checklist.use-version");
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_widget_add_css_class (box, "pecan-file-flag");
  return box;
}

/**
 * pecan_coop_checklist_document_row_new:
 * @document: a document of the claim
 * @index: its place in the claim's list
 *
 * Returns: (transfer floating): the row of @document: its name, kind,
 *   date and amount to change, its file, and what is wrong with the file
 */
GtkWidget *
pecan_coop_checklist_document_row_new (PecanCoopChecklist      *self,
                                       const PecanCoopDocument *document,
                                       guint                    index)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-document-symbolic");
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 9);
  GtkWidget *amount = amount_entry_new (self, document, index);
  GtkWidget *currency = gtk_label_new (self->info.currency);
  g_autofree char *details = describe_file (document);
  GtkWidget *file = gtk_label_new (details);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *flag = flag_new (self, document, index);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 24);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_editable_set_text (GTK_EDITABLE (name), document->name != NULL ? document->name : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("Name, as Partner Center will list it"));
  gtk_widget_set_hexpand (name, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name of the document"), -1);
  g_object_set_data (G_OBJECT (name), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (name, "changed", G_CALLBACK (name_changed_cb), self, 0);
  gtk_box_append (GTK_BOX (line), kind_dropdown_new (self, document, index));
  gtk_box_append (GTK_BOX (line), date_button_new (self, document, index));
  gtk_widget_set_halign (amount, GTK_ALIGN_END);
  gtk_widget_set_hexpand (amount, TRUE);
  gtk_box_append (GTK_BOX (line), amount);
  gtk_widget_add_css_class (currency, "dim-label");
  gtk_box_append (GTK_BOX (line), currency);
  gtk_label_set_xalign (GTK_LABEL (file), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (file), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_tooltip_text (file, document->path);
  gtk_widget_add_css_class (file, "dim-label");
  gtk_widget_add_css_class (file, "pecan-small");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove"), -1);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_int32 (index));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "checklist.remove-document");

  gtk_grid_attach (GTK_GRID (grid), icon, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), name, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), remove, 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), line, 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), file, 1, 2, 1, 1);
  if (flag != NULL)
    gtk_grid_attach (GTK_GRID (grid), flag, 1, 3, 2, 1);
  g_object_set_data (G_OBJECT (grid), "name", name);
  g_object_set_data (G_OBJECT (grid), "amount", amount);
  g_object_set_data (G_OBJECT (grid), "date",
                     gtk_widget_get_next_sibling (gtk_widget_get_first_child (line)));
  return grid;
}

/* Marks what a row still lacks: its name, its date inside the usage
 * period, its amount where the kind has one. */
void
pecan_coop_checklist_update_document_row (PecanCoopChecklist      *self,
                                          GtkWidget               *grid,
                                          const PecanCoopDocument *document)
{
  GtkWidget *amount = g_object_get_data (G_OBJECT (grid), "amount");
  GtkWidget *date = g_object_get_data (G_OBJECT (grid), "date");
  gboolean needs_amount = document->kind == PECAN_COOP_INVOICE
                          || document->kind == PECAN_COOP_RECEIPT
                          || document->kind == PECAN_COOP_CERTIFICATION;
  gboolean invalid = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (amount), "invalid"));
  PecanPeriod period = { PECAN_DAY_MIN, PECAN_DAY_MAX };

  if (self->info.fiscal_year >= 2000 && (self->info.half == 1 || self->info.half == 2))
    pecan_coop_usage_period (self->info.fiscal_year, self->info.half, &period);
  pecan_coop_checklist_set_class (g_object_get_data (G_OBJECT (grid), "name"), "error",
                                  is_blank (document->name));
  pecan_coop_checklist_set_class (date, "error", document->day != 0
                                                 && (document->day < period.first
                                                     || document->day > period.last));
  gtk_widget_set_visible (amount, needs_amount || document->has_amount);
  gtk_widget_set_visible (gtk_widget_get_next_sibling (amount),
                          needs_amount || document->has_amount);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (amount)),
                      self->info.currency != NULL ? self->info.currency : "");
  pecan_coop_checklist_set_class (amount, "error", invalid);
}
