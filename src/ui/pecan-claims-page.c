/* pecan-claims-page.c: the Claims page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CPOR claims and the co-op claims side by side, the one due first
 * first, as `pecan-cli claims list` orders them: by the day each must be
 * acted on (a co-op claim's deadline while it is edited, the day to
 * answer a reviewer), then the rest, each kind in the order of its list
 * (pecan_cpor_list(), pecan_coop_list()); each with what to do next and
 * its countdown. Above them, the co-op funds of each usage period
 * (pecan-claims-page-funds.c). New Claim… and opening a claim show the
 * CPOR wizard (pecan-claim-wizard.c) or the co-op checklist
 * (pecan-coop-checklist.c); the claims' own actions are in
 * pecan-claims-page-actions.c and pecan-claims-page-coop.c. The list is
 * read on a worker thread of the session, again whenever a claim changed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-claims-page-private.h"
#include "pecan-period.h"

G_DEFINE_FINAL_TYPE (PecanClaimsPage, pecan_claims_page, PECAN_TYPE_PAGE)


/* The claim of that id in the list, or NULL. */
PecanCporClaim *
pecan_claims_page_find (PecanClaimsPage *self,
                        gint64           id)
{
  GListModel *claims = G_LIST_MODEL (self->claims);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(GObject) claim = g_list_model_get_item (claims, i);

      if (PECAN_IS_CPOR_CLAIM (claim)
          && pecan_cpor_claim_get_info (PECAN_CPOR_CLAIM (claim))->id == id)
        return PECAN_CPOR_CLAIM (g_steal_pointer (&claim));
    }
  return NULL;
}

/* The co-op claim of that id in the list, or NULL. */
PecanCoopClaim *
pecan_claims_page_find_coop (PecanClaimsPage *self,
                             gint64           id)
{
  GListModel *claims = G_LIST_MODEL (self->claims);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(GObject) claim = g_list_model_get_item (claims, i);

      if (PECAN_IS_COOP_CLAIM (claim)
          && pecan_coop_claim_get_info (PECAN_COOP_CLAIM (claim))->id == id)
        return PECAN_COOP_CLAIM (g_steal_pointer (&claim));
    }
  return NULL;
}

static gint32
due_day (GObject *claim,
         int      deadline_days)
{
  const PecanCoopInfo *info;

  if (PECAN_IS_CPOR_CLAIM (claim))
    return pecan_cpor_info_answer_by (pecan_cpor_claim_get_info (PECAN_CPOR_CLAIM (claim)));
  info = pecan_coop_claim_get_info (PECAN_COOP_CLAIM (claim));
  if (info->status == PECAN_COOP_EDITING && (info->half == 1 || info->half == 2))
    return pecan_coop_deadline (info->fiscal_year, info->half, deadline_days);
  return pecan_coop_info_answer_by (info);
}

/**
 * pecan_claims_page_due_day:
 * @claim: a #PecanCporClaim or a #PecanCoopClaim
 *
 * Returns: the day something must be done about @claim by: a co-op
 *   claim's deadline while it is edited, the day to answer a reviewer;
 *   0 when nothing is due
 */
gint32
pecan_claims_page_due_day (PecanClaimsPage *self,
                           GObject         *claim)
{
  return due_day (claim, self->deadline_days);
}

typedef struct
{
  GObject *claim;
  gint32   due;
  guint    order;
} Item;

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a, *y = b;

  if ((x->due == 0) != (y->due == 0))
    return x->due == 0 ? 1 : -1;
  if (x->due != y->due)
    return x->due < y->due ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/**
 * pecan_claims_page_sort:
 * @cpor: the CPOR claims, as pecan_cpor_list() orders them
 * @coop: the co-op claims, as pecan_coop_list() orders them
 *
 * Returns: (transfer full): both, the one due first first, then those
 *   with nothing due, each kind in its own order: as `pecan-cli claims
 *   list` shows them
 */
GListStore *
pecan_claims_page_sort (GListModel *cpor,
                        GListModel *coop,
                        int         deadline_days)
{
  GListModel *models[] = { cpor, coop };
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  GListStore *sorted = g_list_store_new (G_TYPE_OBJECT);

  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    for (guint i = 0; i < g_list_model_get_n_items (models[m]); i++)
      {
        Item item = { g_list_model_get_item (models[m], i), 0, items->len };

        item.due = due_day (item.claim, deadline_days);
        g_array_append_val (items, item);
      }
  g_array_sort (items, compare_items);
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GObject) claim = g_array_index (items, Item, i).claim;

      g_list_store_append (sorted, claim);
    }
  return sorted;
}

/* A line above the list: what was just done. */
void
pecan_claims_page_say (PecanClaimsPage *self,
                       const char      *text)
{
  gtk_label_set_text (self->status_label, text);
}

/* "6 claims, 1 waiting for an answer to Microsoft" */
static char *
describe_count (PecanClaimsPage *self,
                GListModel      *claims)
{
  guint n = g_list_model_get_n_items (claims);
  guint waiting = 0;
  g_autofree char *count = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) claim = g_list_model_get_item (claims, i);

      if (PECAN_IS_CPOR_CLAIM (claim))
        waiting += pecan_cpor_claim_get_info (PECAN_CPOR_CLAIM (claim))->status
                   == PECAN_CPOR_ACTION_REQUIRED;
      else
        waiting += pecan_coop_claim_get_info (PECAN_COOP_CLAIM (claim))->status
                   == PECAN_COOP_ACTION_REQUIRED;
    }
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", n), n);
  if (waiting == 0)
    return g_steal_pointer (&count);
  /* TRANSLATORS: "6 claims, 1 waiting for an answer to Microsoft" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u waiting for an answer to Microsoft",
                                       "%s, %u waiting for an answer to Microsoft", waiting),
                          count, waiting);
}

static void
replace_claims (PecanClaimsPage *self,
                GListModel      *claims)
{
  guint n = g_list_model_get_n_items (claims);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);
  g_autofree char *count_text = NULL;

  GArray *funds = g_object_get_data (G_OBJECT (claims), "funds");

  self->deadline_days = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (claims), "deadline-days"));
  g_clear_pointer (&self->funds, g_array_unref);
  self->funds = funds != NULL ? g_array_ref (funds) : NULL;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (claims, i));
  g_list_store_splice (self->claims, 0, g_list_model_get_n_items (G_LIST_MODEL (self->claims)),
                       items->pdata, n);
  pecan_claims_page_update_funds (self);
  gtk_stack_set_visible_child_name (self->stack,
                                    n > 0 || (funds != NULL && funds->len > 0) ? "list" : "empty");
  count_text = describe_count (self, claims);
  pecan_claims_page_say (self, count_text);
}

/* Runs on a worker thread: both kinds, sorted, with the co-op deadline
 * setting and funds. */
static GObject *
load_claims (PecanStore    *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GListModel) cpor = pecan_cpor_list (store, error);
  g_autoptr(GListModel) coop = cpor != NULL ? pecan_coop_list (store, error) : NULL;
  g_autoptr(GArray) funds = coop != NULL ? pecan_coop_funds (store, error) : NULL;
  int days = pecan_coop_get_deadline_days (store);
  GListStore *claims;

  if (funds == NULL)
    return NULL;
  claims = pecan_claims_page_sort (cpor, coop, days);
  g_object_set_data (G_OBJECT (claims), "deadline-days", GINT_TO_POINTER (days));
  g_object_set_data_full (G_OBJECT (claims), "funds", g_steal_pointer (&funds),
                          (GDestroyNotify) g_array_unref);
  return G_OBJECT (claims);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) claims = pecan_session_run_finish (PECAN_SESSION (source), result, &error);
  PecanClaimsPage *self = user_data;

  /* A cancelled load belongs to a page that is gone or has reloaded. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->load_cancellable);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  self->loaded = TRUE;
  if (claims == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The claims could not be read: %s"),
                                               error->message);

      pecan_claims_page_say (self, text);
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  replace_claims (self, claims);
}

/* The claims again, from the database. */
void
pecan_claims_page_reload (PecanClaimsPage *self)
{
  PecanSession *session = pecan_page_get_session (PECAN_PAGE (self));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (session == NULL)
    return;
  self->today = pecan_day_today ();
  self->load_cancellable = g_cancellable_new ();
  gtk_spinner_set_spinning (self->spinner, TRUE);
  pecan_session_run_async (session, load_claims, NULL, NULL, self->load_cancellable,
                           load_done_cb, self);
}

static void
page_reload (PecanPage *page)
{
  pecan_claims_page_reload (PECAN_CLAIMS_PAGE (page));
}

static void
activate_cb (PecanClaimsPage *self,
             guint            position)
{
  g_autoptr(GObject) claim = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (PECAN_IS_CPOR_CLAIM (claim))
    gtk_widget_activate_action (GTK_WIDGET (self), "claims.open", "x",
                                pecan_cpor_claim_get_info (PECAN_CPOR_CLAIM (claim))->id);
  else if (PECAN_IS_COOP_CLAIM (claim))
    gtk_widget_activate_action (GTK_WIDGET (self), "claims.open-coop", "x",
                                pecan_coop_claim_get_info (PECAN_COOP_CLAIM (claim))->id);
}

static void
pecan_claims_page_dispose (GObject *object)
{
  PecanClaimsPage *self = PECAN_CLAIMS_PAGE (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PECAN_TYPE_CLAIMS_PAGE);
  g_clear_object (&self->claims);
  g_clear_pointer (&self->funds, g_array_unref);

  G_OBJECT_CLASS (pecan_claims_page_parent_class)->dispose (object);
}

static void
pecan_claims_page_class_init (PecanClaimsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pecan_claims_page_dispose;
  /* Claims name imported customers: an import may rename them. The
   * period does not change the list. */
  PECAN_PAGE_CLASS (klass)->reload = page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pecanapp/Pecan/pecan-claims-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PecanClaimsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimsPage, funds_box);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimsPage, funds_separator);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimsPage, funds_grid);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimsPage, add_funds_popover);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimsPage, funds_year_spin);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimsPage, funds_half_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimsPage, funds_earned_entry);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimsPage, funds_currency_entry);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  pecan_claims_page_class_init_actions (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pecan_claims_page_init (PecanClaimsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->today = pecan_day_today ();
  self->deadline_days = PECAN_COOP_DEFAULT_DEADLINE_DAYS;
  self->claims = g_list_store_new (G_TYPE_OBJECT);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->claims));
  pecan_claims_page_add_columns (self);
}
