/* pecan-lost-page.c: the Lost PEC page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The incidents of the period, ranked by the PEC lost, beside what to check
 * for the one selected (reference/PEC.md, in Microsoft's order) and the
 * partner ID command filled in for its customer. The incidents are read on
 * a worker thread; a query the period or the data made stale is cancelled.
 * Whether an incident is being handled, and its note, are saved as they
 * change, one save after the other on a worker thread, so that a slow
 * import never freezes the window and an older save never lands last.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pecan-cell-tooltip.h"
#include "pecan-incident.h"
#include "pecan-lost-page.h"
#include "pecan-query.h"
#include "pecan-session.h"
#include "pecan-ui-util.h"

/* Typing pauses this long before the note is saved. */
#define SAVE_DELAY_MS 600

struct _PecanLostPage
{
  GtkWidget            parent_instance;

  PecanSession        *session;
  GCancellable        *cancellable;
  PecanPeriod          loading_period;
  gboolean             loading;
  gboolean             stale;           /* reload when next mapped */
  gboolean             reload_pending;  /* reload once the saves are done */

  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSingleSelection  *selection;
  char                *search;          /* casefolded */

  PecanIncident       *shown;
  gint64               shown_subscription;
  gint32               shown_first_day;
  gboolean             filling;         /* widgets set from code, not by hand */

  guint                save_timeout;
  GQueue               saves;
  gboolean             saving;
  guint                save_serial;     /* saves asked for so far */
  guint                load_serial;     /* save_serial when the query began */
  guint                copied_timeout;

  /* Template widgets */
  GtkStack            *stack;
  GtkImage            *none_icon;
  GtkLabel            *none_title;
  GtkLabel            *none_detail;
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *customer_column;
  GtkColumnViewColumn *subscription_column;
  GtkColumnViewColumn *from_column;
  GtkColumnViewColumn *to_column;
  GtkColumnViewColumn *days_column;
  GtkColumnViewColumn *amount_column;
  GtkColumnViewColumn *handled_column;
  GtkLabel            *total_label;
  GtkLabel            *count_label;
  GtkStack            *detail_stack;
  GtkLabel            *customer_label;
  GtkLabel            *subscription_label;
  GtkLabel            *amount_label;
  GtkLabel            *days_label;
  GtkLabel            *usage_label;
  GtkLabel            *tenant_label;
  GtkLabel            *subscription_id_label;
  GtkWidget           *ongoing_box;
  GtkCheckButton      *handled_check;
  GtkTextView         *note_view;
  GtkLabel            *note_status;
  GtkToggleButton     *powershell_toggle;
  GtkLabel            *copy_label;
  GtkLabel            *command_label;
  GtkLabel            *partner_hint;
};

G_DEFINE_FINAL_TYPE (PecanLostPage, pecan_lost_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload        (PecanLostPage *self);
static void run_next_save (PecanLostPage *self);

typedef struct
{
  gint64    subscription_id;
  gint32    first_day;
  gboolean  handled;
  char     *note;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_free (job->note);
  g_free (job);
}

static const PecanIncidentInfo *
info_of (gpointer item)
{
  return pecan_incident_get_info (PECAN_INCIDENT (item));
}

/* Worker thread: the incidents of the period. */
static GObject *
load_thread (PecanStore    *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return G_OBJECT (pecan_query_incidents (store, data, 0, error));
}

/* Worker thread: one incident's state. */
static GObject *
save_thread (PecanStore    *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  SaveJob *job = data;

  pecan_store_set_incident_note (store, job->subscription_id, job->first_day, job->handled,
                                 job->note, error);
  return NULL;
}

static void
set_loading (PecanLostPage *self,
             gboolean       loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static const char *
customer_text (const PecanIncidentInfo *info)
{
  return info->customer_name != NULL && info->customer_name[0] != '\0' ? info->customer_name
                                                                      : info->customer_tenant;
}

static const char *
subscription_text (const PecanIncidentInfo *info)
{
  return info->subscription_name != NULL && info->subscription_name[0] != '\0'
         ? info->subscription_name : info->subscription_azure_id;
}

static gboolean
contains_folded (const char *text,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
incident_matches (gpointer item,
                  gpointer user_data)
{
  PecanLostPage *self = user_data;
  const PecanIncidentInfo *info = info_of (item);

  if (self->search == NULL || self->search[0] == '\0')
    return TRUE;
  return contains_folded (info->customer_name, self->search)
         || contains_folded (info->customer_tenant, self->search)
         || contains_folded (info->subscription_name, self->search)
         || contains_folded (info->subscription_azure_id, self->search);
}

/* Ascending orders; the column view reverses them on request. */
static int
compare_text (const char *a,
              const char *b)
{
  g_autofree char *ka = g_utf8_collate_key (a != NULL ? a : "", -1);
  g_autofree char *kb = g_utf8_collate_key (b != NULL ? b : "", -1);

  return g_strcmp0 (ka, kb);
}

#define COMPARE(a, b) ((a) < (b) ? -1 : (a) > (b) ? 1 : 0)

static int
compare_customer (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  return compare_text (customer_text (info_of ((gpointer) a)), customer_text (info_of ((gpointer) b)));
}

static int
compare_subscription (gconstpointer a,
                      gconstpointer b,
                      gpointer      data)
{
  return compare_text (subscription_text (info_of ((gpointer) a)),
                       subscription_text (info_of ((gpointer) b)));
}

static int
compare_from (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  return COMPARE (info_of ((gpointer) a)->first_day, info_of ((gpointer) b)->first_day);
}

static int
compare_to (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  return COMPARE (info_of ((gpointer) a)->last_day, info_of ((gpointer) b)->last_day);
}

static int
compare_days (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  return COMPARE (info_of ((gpointer) a)->days, info_of ((gpointer) b)->days);
}

/* Amounts of different currencies are ranked by their figure alone, as the
 * query ranks them: a ranking, never a sum. */
static int
compare_amount (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  return COMPARE (info_of ((gpointer) a)->pec_lost, info_of ((gpointer) b)->pec_lost);
}

static int
compare_handled (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  return COMPARE (info_of ((gpointer) a)->handled, info_of ((gpointer) b)->handled);
}

static void
set_sorter (GtkColumnViewColumn *column,
            GCompareDataFunc     compare)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL));

  gtk_column_view_column_set_sorter (column, sorter);
}

static int
compare_currency (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* "PEC lost in January 2026: 1,234.56 EUR · 78.00 USD", one sum per
 * currency, currencies in alphabetical order. */
static char *
totals_text (GListModel        *incidents,
             const PecanPeriod *period)
{
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *period_name = pecan_ui_format_period (period);
  g_autofree const char **currencies = NULL;
  g_autofree char *joined = NULL;
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (incidents); i++)
    {
      g_autoptr(PecanIncident) incident = g_list_model_get_item (incidents, i);
      const PecanIncidentInfo *info = pecan_incident_get_info (incident);
      double *sum = g_hash_table_lookup (sums, info->currency);

      if (sum == NULL)
        {
          sum = g_new0 (double, 1);
          g_hash_table_insert (sums, info->currency, sum);
        }
      *sum += info->pec_lost;
    }
  currencies = (const char **) g_hash_table_get_keys_as_array (sums, &n);
  g_qsort_with_data (currencies, n, sizeof (char *), compare_currency, NULL);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (parts, pecan_ui_format_money (*(double *) g_hash_table_lookup (sums, currencies[i]),
                                                   currencies[i]));
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (" · ", (char **) parts->pdata);
  /* TRANSLATORS: the PEC lost in a period, then one amount per currency */
  return g_strdup_printf (_("PEC lost in %s: %s"), period_name, joined);
}

static void
update_count (PecanLostPage *self)
{
  GListModel *all = gtk_filter_list_model_get_model (self->filter_model);
  guint total = all != NULL ? g_list_model_get_n_items (all) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (ngettext ("%u incident", "%u incidents", total), total);
  else
    /* TRANSLATORS: how many incidents the search leaves, of how many */
    text = g_strdup_printf (ngettext ("%u of %u incident", "%u of %u incidents", total),
                            shown, total);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || total == 0 ? "list" : "no-match");
}

static void
filter_items_changed_cb (PecanLostPage *self,
                         guint          position,
                         guint          removed,
                         guint          added)
{
  update_count (self);
}

static char *
partner_command (const PecanIncidentInfo *info,
                 gboolean                 powershell)
{
  const char *partner = info->partner_mpn_id[0] != '\0' ? info->partner_mpn_id : "<partner-id>";

  /* PEC.md: Partner Admin Link, in the customer's tenant. */
  if (powershell)
    return g_strdup_printf ("Connect-AzAccount -Tenant %s -Subscription %s\n"
                            "New-AzManagementPartner -PartnerId %s",
                            info->customer_tenant, info->subscription_azure_id, partner);
  return g_strdup_printf ("az login --tenant %s\n"
                          "az account set --subscription %s\n"
                          "az managementpartner create --partner-id %s",
                          info->customer_tenant, info->subscription_azure_id, partner);
}

static void
update_command (PecanLostPage *self)
{
  const PecanIncidentInfo *info;
  g_autofree char *command = NULL;

  if (self->shown == NULL)
    return;
  info = pecan_incident_get_info (self->shown);
  command = partner_command (info, gtk_toggle_button_get_active (self->powershell_toggle));
  gtk_label_set_text (self->command_label, command);
  gtk_widget_set_visible (GTK_WIDGET (self->partner_hint), info->partner_mpn_id[0] == '\0');
}

static void
set_note_status (PecanLostPage *self,
                 const char    *error_message)
{
  g_autofree char *text = NULL;

  if (error_message == NULL)
    {
      gtk_label_set_text (self->note_status, _("Note who was asked to do what; it is saved as you type."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->note_status), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->note_status), "dim-label");
      return;
    }
  /* TRANSLATORS: the note could not be saved; the database's reason follows */
  text = g_strdup_printf (_("Not saved: %s"), error_message);
  gtk_label_set_text (self->note_status, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->note_status), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->note_status), "error");
}

static void
fill_facts (PecanLostPage           *self,
            const PecanIncidentInfo *info)
{
  g_autofree char *amount = pecan_ui_format_money (info->pec_lost, info->currency);
  g_autofree char *first = pecan_ui_format_day (info->first_day);
  g_autofree char *last = pecan_ui_format_day (info->last_day);
  g_autofree char *billed = pecan_ui_format_nano (info->billed, info->currency);
  g_autofree char *lines = pecan_ui_format_count (info->lines);
  g_autofree char *days = NULL;
  g_autofree char *usage = NULL;

  /* TRANSLATORS: how many days, then the first and the last */
  days = g_strdup_printf (ngettext ("%u day, %s – %s", "%u days, %s – %s", info->days),
                          info->days, first, last);
  /* TRANSLATORS: the usage lines that lost PEC, and what was billed on them */
  usage = g_strdup_printf (ngettext ("%s line, %s billed", "%s lines, %s billed", info->lines),
                           lines, billed);
  gtk_label_set_text (self->customer_label, customer_text (info));
  gtk_label_set_text (self->subscription_label, subscription_text (info));
  gtk_label_set_text (self->amount_label, amount);
  gtk_label_set_text (self->days_label, days);
  gtk_label_set_text (self->usage_label, usage);
  gtk_label_set_text (self->tenant_label, info->customer_tenant);
  gtk_label_set_text (self->subscription_id_label, info->subscription_azure_id);
  gtk_widget_set_visible (GTK_WIDGET (self->ongoing_box), info->ongoing);
}

/* The state as the widgets show it, written when it differs from the
 * incident's; saves run one at a time, in order. */
static void
save_shown (PecanLostPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  const PecanIncidentInfo *info;
  g_autofree char *note = NULL;
  gboolean handled;
  GtkTextIter start, end;
  SaveJob *job;

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  if (self->shown == NULL || self->session == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  handled = gtk_check_button_get_active (self->handled_check);
  info = pecan_incident_get_info (self->shown);
  if (info->handled == handled && g_str_equal (info->note, note))
    return;

  job = g_new0 (SaveJob, 1);
  job->subscription_id = info->subscription_id;
  job->first_day = info->first_day;
  job->handled = handled;
  job->note = g_strdup (note);
  g_queue_push_tail (&self->saves, job);
  self->save_serial++;
  pecan_incident_set_state (self->shown, handled, note);
  run_next_save (self);
}

static void
flush_save (PecanLostPage *self)
{
  if (self->save_timeout != 0)
    save_shown (self);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PecanLostPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GApplication *app = g_application_get_default ();

  pecan_session_run_finish (PECAN_SESSION (source), result, &error);
  self->saving = FALSE;
  if (app != NULL)
    g_application_release (app);
  /* The page may have been closed meanwhile: its widgets are gone. */
  if (self->note_status != NULL)
    set_note_status (self, error != NULL ? error->message : NULL);
  else if (error != NULL)
    g_warning ("Could not save an incident's note: %s", error->message);

  run_next_save (self);
  if (!self->saving && self->reload_pending)
    {
      self->reload_pending = FALSE;
      reload (self);
    }
}

static void
run_next_save (PecanLostPage *self)
{
  GApplication *app = g_application_get_default ();
  SaveJob *job;

  if (self->saving || self->session == NULL || g_queue_is_empty (&self->saves))
    return;
  job = g_queue_pop_head (&self->saves);
  self->saving = TRUE;
  /* Quitting waits for the save of a note typed just before. */
  if (app != NULL)
    g_application_hold (app);
  pecan_session_run_async (self->session, save_thread, job, save_job_free, NULL, save_done_cb,
                           g_object_ref (self));
}

static gboolean
save_timeout_cb (gpointer data)
{
  PecanLostPage *self = data;

  self->save_timeout = 0;
  save_shown (self);
  return G_SOURCE_REMOVE;
}

static void
show_incident (PecanLostPage *self,
               PecanIncident *incident)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  const PecanIncidentInfo *info;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (incident == self->shown)
    return;
  flush_save (self);
  g_set_object (&self->shown, incident);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.open-customer", incident != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.copy-command", incident != NULL);
  if (incident == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "unselected");
      return;
    }

  info = pecan_incident_get_info (incident);
  self->shown_subscription = info->subscription_id;
  self->shown_first_day = info->first_day;
  fill_facts (self, info);
  update_command (self);

  self->filling = TRUE;
  gtk_check_button_set_active (self->handled_check, info->handled);
  /* Unchanged text is left alone: a reload must not move the cursor. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!g_str_equal (text, info->note))
    gtk_text_buffer_set_text (buffer, info->note, -1);
  self->filling = FALSE;
  set_note_status (self, NULL);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

/* After a reload, the incident shown before stays selected if it is
 * still there. */
static void
reselect (PecanLostPage *self,
          gint64         subscription_id,
          gint32         first_day)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PecanIncident) incident = g_list_model_get_item (model, i);
      const PecanIncidentInfo *info = pecan_incident_get_info (incident);

      if (info->subscription_id == subscription_id && info->first_day == first_day)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
show_none (PecanLostPage *self,
           const char    *icon_name,
           const char    *title,
           const char    *detail)
{
  gtk_image_set_from_icon_name (self->none_icon, icon_name);
  gtk_label_set_text (self->none_title, title);
  gtk_label_set_text (self->none_detail, detail);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

static void
show_incidents (PecanLostPage *self,
                GListModel    *incidents)
{
  g_autofree char *period_name = pecan_ui_format_period (&self->loading_period);
  g_autofree char *title = NULL;
  g_autofree char *totals = NULL;
  /* Replacing the model selects its first incident: the one shown before
   * is selected again. */
  gint64 subscription_id = self->shown_subscription;
  gint32 first_day = self->shown_first_day;

  gtk_filter_list_model_set_model (self->filter_model, incidents);
  reselect (self, subscription_id, first_day);
  update_count (self);
  if (g_list_model_get_n_items (incidents) == 0)
    {
      /* TRANSLATORS: the title of the page when no PEC was lost in a period */
      title = g_strdup_printf (_("No PEC Lost in %s"), period_name);
      show_none (self, "emblem-ok-symbolic", title,
                 _("Every eligible subscription earned Partner Earned Credit on every day of "
                   "usage. Choose another period in the header bar to look further back."));
      return;
    }
  totals = totals_text (incidents, &self->loading_period);
  gtk_label_set_text (self->total_label, totals);
  gtk_stack_set_visible_child_name (self->stack, "incidents");
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PecanLostPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) incidents = pecan_session_run_finish (PECAN_SESSION (source), result,
                                                              &error);

  /* A newer query replaced this one, or the page was closed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->stack == NULL)
    return;
  /* A note typed while the query ran may be newer than the one it read:
   * read again once it is saved, rather than show the older one. */
  if (self->save_serial != self->load_serial || self->save_timeout != 0)
    {
      reload (self);
      return;
    }
  set_loading (self, FALSE);
  if (incidents == NULL)
    {
      gtk_filter_list_model_set_model (self->filter_model, NULL);
      show_none (self, "dialog-error-symbolic", _("Could Not Read the Incidents"),
                 error->message);
      return;
    }
  show_incidents (self, incidents);
}

static void
reload (PecanLostPage *self)
{
  const PecanPeriod *period;
  PecanPeriod range;

  if (self->session == NULL)
    return;
  /* Hidden pages read nothing: a year of incidents takes seconds. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  /* A reload reads the notes back: the ones typed must be written first. */
  flush_save (self);
  if (self->saving || !g_queue_is_empty (&self->saves))
    {
      self->reload_pending = TRUE;
      return;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (!pecan_session_get_data_range (self->session, &range))
    {
      set_loading (self, FALSE);
      gtk_filter_list_model_set_model (self->filter_model, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  period = pecan_session_get_period (self->session);
  /* Another period's incidents are not shown while this one's load; the
   * same period's stay while they are read again. */
  if (period->first != self->loading_period.first || period->last != self->loading_period.last
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  self->cancellable = g_cancellable_new ();
  self->load_serial = self->save_serial;
  self->loading_period = *period;
  set_loading (self, TRUE);
  pecan_session_run_async (self->session, load_thread,
                           g_memdup2 (&self->loading_period, sizeof (PecanPeriod)), g_free,
                           self->cancellable, load_done_cb, g_object_ref (self));
}

static void
session_changed_cb (PecanLostPage *self)
{
  reload (self);
}

static void
selection_changed_cb (PecanLostPage *self)
{
  show_incident (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
search_changed_cb (PecanLostPage  *self,
                   GtkSearchEntry *entry)
{
  g_free (self->search);
  self->search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
stop_search_cb (PecanLostPage  *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
handled_toggled_cb (PecanLostPage  *self,
                    GtkCheckButton *button)
{
  if (!self->filling)
    save_shown (self);
}

static void
note_changed_cb (PecanLostPage *self,
                 GtkTextBuffer *buffer)
{
  if (self->filling || self->shown == NULL)
    return;
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  self->save_timeout = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
note_leave_cb (PecanLostPage *self)
{
  flush_save (self);
}

static void
shell_toggled_cb (PecanLostPage   *self,
                  GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    update_command (self);
}

/* Column cells: a label, of names that may be cut short, or of figures
 * and days that are always whole, right-aligned. */
static void
setup_label (GtkListItem *item,
             gboolean     figure)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), figure ? 1.0 : 0.0);
  if (figure)
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
setup_text_cb (PecanLostPage            *self,
               GtkListItem              *item,
               GtkSignalListItemFactory *factory)
{
  setup_label (item, FALSE);
}

static void
setup_number_cb (PecanLostPage            *self,
                 GtkListItem              *item,
                 GtkSignalListItemFactory *factory)
{
  setup_label (item, TRUE);
}

static void
bind_label (GtkListItem *item,
            const char  *text,
            const char  *tooltip)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), text);
  pecan_cell_tooltip_set (label, tooltip);
}

static void
bind_customer_cb (PecanLostPage            *self,
                  GtkListItem              *item,
                  GtkSignalListItemFactory *factory)
{
  const PecanIncidentInfo *info = info_of (gtk_list_item_get_item (item));

  bind_label (item, customer_text (info), info->customer_tenant);
}

static void
bind_subscription_cb (PecanLostPage            *self,
                      GtkListItem              *item,
                      GtkSignalListItemFactory *factory)
{
  const PecanIncidentInfo *info = info_of (gtk_list_item_get_item (item));

  bind_label (item, subscription_text (info), info->subscription_azure_id);
}

static void
bind_from_cb (PecanLostPage            *self,
              GtkListItem              *item,
              GtkSignalListItemFactory *factory)
{
  g_autofree char *text = pecan_ui_format_day (info_of (gtk_list_item_get_item (item))->first_day);

  bind_label (item, text, NULL);
}

/* An incident still running has no last day yet, only the latest day
 * with data, which the detail pane gives. */
static void
bind_to_cb (PecanLostPage            *self,
            GtkListItem              *item,
            GtkSignalListItemFactory *factory)
{
  const PecanIncidentInfo *info = info_of (gtk_list_item_get_item (item));
  g_autofree char *text = NULL;

  if (info->ongoing)
    {
      bind_label (item, C_("incident end", "Ongoing"),
                  _("Still losing PEC on the latest day imported"));
      return;
    }
  text = pecan_ui_format_day (info->last_day);
  bind_label (item, text, NULL);
}

static void
bind_days_cb (PecanLostPage            *self,
              GtkListItem              *item,
              GtkSignalListItemFactory *factory)
{
  g_autofree char *text = pecan_ui_format_count (info_of (gtk_list_item_get_item (item))->days);

  bind_label (item, text, NULL);
}

static void
bind_amount_cb (PecanLostPage            *self,
                GtkListItem              *item,
                GtkSignalListItemFactory *factory)
{
  const PecanIncidentInfo *info = info_of (gtk_list_item_get_item (item));
  g_autofree char *text = pecan_ui_format_money (info->pec_lost, info->currency);

  bind_label (item, text, NULL);
}

static void
setup_handled_cb (PecanLostPage            *self,
                  GtkListItem              *item,
                  GtkSignalListItemFactory *factory)
{
  GtkWidget *image = gtk_image_new_from_icon_name ("object-select-symbolic");

  pecan_cell_tooltip_set (image, _("Being handled"));
  gtk_list_item_set_child (item, image);
}

static void
handled_notify_cb (PecanIncident *incident,
                   GParamSpec    *pspec,
                   GtkWidget     *image)
{
  gtk_widget_set_visible (image, pecan_incident_get_info (incident)->handled);
}

static void
bind_handled_cb (PecanLostPage            *self,
                 GtkListItem              *item,
                 GtkSignalListItemFactory *factory)
{
  PecanIncident *incident = gtk_list_item_get_item (item);
  GtkWidget *image = gtk_list_item_get_child (item);

  handled_notify_cb (incident, NULL, image);
  g_signal_connect_object (incident, "notify::handled", G_CALLBACK (handled_notify_cb), image, 0);
}

static void
unbind_handled_cb (PecanLostPage            *self,
                   GtkListItem              *item,
                   GtkSignalListItemFactory *factory)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), handled_notify_cb,
                                        gtk_list_item_get_child (item));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PecanLostPage *self = PECAN_LOST_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "incidents") != 0
      || !gtk_widget_grab_focus (GTK_WIDGET (self->search_entry)))
    gtk_widget_error_bell (widget);
}

static void
open_customer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PecanLostPage *self = PECAN_LOST_PAGE (widget);

  if (self->shown != NULL)
    gtk_widget_activate_action (widget, "win.show-customer", "x",
                                pecan_incident_get_info (self->shown)->customer_id);
}

static gboolean
copied_timeout_cb (gpointer data)
{
  PecanLostPage *self = data;

  self->copied_timeout = 0;
  gtk_label_set_text_with_mnemonic (self->copy_label, _("_Copy"));
  return G_SOURCE_REMOVE;
}

static void
copy_command_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PecanLostPage *self = PECAN_LOST_PAGE (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          gtk_label_get_text (self->command_label));
  gtk_label_set_text_with_mnemonic (self->copy_label, _("Copied"));
  g_clear_handle_id (&self->copied_timeout, g_source_remove);
  self->copied_timeout = g_timeout_add_seconds (2, copied_timeout_cb, self);
}

static void
set_session (PecanLostPage *self,
             PecanSession  *session)
{
  if (self->session == session)
    return;
  flush_save (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::period", G_CALLBACK (session_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::generation", G_CALLBACK (session_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
pecan_lost_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PecanLostPage *self = PECAN_LOST_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_lost_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PecanLostPage *self = PECAN_LOST_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_lost_page_map (GtkWidget *widget)
{
  PecanLostPage *self = PECAN_LOST_PAGE (widget);

  GTK_WIDGET_CLASS (pecan_lost_page_parent_class)->map (widget);
  if (self->stale)
    reload (self);
}

static void
pecan_lost_page_dispose (GObject *object)
{
  PecanLostPage *self = PECAN_LOST_PAGE (object);

  /* A note typed just before closing is still saved: the save holds the
   * page, and the session, until it is done. */
  if (self->stack != NULL)
    flush_save (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->copied_timeout, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  self->reload_pending = FALSE;
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PECAN_TYPE_LOST_PAGE);
  g_clear_object (&self->shown);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (pecan_lost_page_parent_class)->dispose (object);
}

static void
pecan_lost_page_finalize (GObject *object)
{
  PecanLostPage *self = PECAN_LOST_PAGE (object);

  g_queue_clear_full (&self->saves, save_job_free);
  g_clear_object (&self->session);
  g_free (self->search);

  G_OBJECT_CLASS (pecan_lost_page_parent_class)->finalize (object);
}

static void
pecan_lost_page_class_init (PecanLostPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pecan_lost_page_dispose;
  object_class->finalize = pecan_lost_page_finalize;
  object_class->get_property = pecan_lost_page_get_property;
  object_class->set_property = pecan_lost_page_set_property;
  widget_class->map = pecan_lost_page_map;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PECAN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* TRUE while the incidents are being read. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pecanapp/Pecan/pecan-lost-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, none_icon);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, none_title);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, none_detail);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, customer_column);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, subscription_column);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, from_column);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, to_column);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, days_column);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, amount_column);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, handled_column);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, customer_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, subscription_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, amount_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, days_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, usage_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, tenant_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, subscription_id_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, ongoing_box);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, handled_check);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, note_view);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, note_status);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, powershell_toggle);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, copy_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, command_label);
  gtk_widget_class_bind_template_child (widget_class, PecanLostPage, partner_hint);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, handled_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, shell_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_number_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_handled_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_customer_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_subscription_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_from_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_to_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_days_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_amount_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_handled_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_handled_cb);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.open-customer", NULL, open_customer_action);
  gtk_widget_class_install_action (widget_class, "page.copy-command", NULL, copy_command_action);
}

/* The list: incidents -> search filter -> the column view's sorting ->
 * one selected, the largest loss by default. */
static void
init_list (PecanLostPage *self)
{
  GtkSortListModel *sorted;

  set_sorter (self->customer_column, compare_customer);
  set_sorter (self->subscription_column, compare_subscription);
  set_sorter (self->from_column, compare_from);
  set_sorter (self->to_column, compare_to);
  set_sorter (self->days_column, compare_days);
  set_sorter (self->amount_column, compare_amount);
  set_sorter (self->handled_column, compare_handled);

  self->filter = gtk_custom_filter_new (incident_matches, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->amount_column, GTK_SORT_DESCENDING);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (filter_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
}

static void
pecan_lost_page_init (PecanLostPage *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_queue_init (&self->saves);
  init_list (self);

  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (note_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (note_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), focus);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.open-customer", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.copy-command", FALSE);
}
