/* pecan-claims-page.c: the Claims page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CPOR claims, those that need attention first (the order of
 * pecan_cpor_list(): partner action required, ready to submit, drafts,
 * then those in Microsoft's hands, then the closed ones), each with what
 * to do next. New Claim… and opening a claim show the wizard
 * (pecan-claim-wizard.c); the claims' own actions are in
 * pecan-claims-page-actions.c. The list is read on a worker thread of the
 * session, again whenever a wizard saved.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-claims-page-private.h"
#include "pecan-period.h"

G_DEFINE_FINAL_TYPE (PecanClaimsPage, pecan_claims_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


/* The claim of that id in the list, or NULL. */
PecanCporClaim *
pecan_claims_page_find (PecanClaimsPage *self,
                        gint64           id)
{
  GListModel *claims = G_LIST_MODEL (self->claims);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(PecanCporClaim) claim = g_list_model_get_item (claims, i);

      if (pecan_cpor_claim_get_info (claim)->id == id)
        return g_steal_pointer (&claim);
    }
  return NULL;
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
      g_autoptr(PecanCporClaim) claim = g_list_model_get_item (claims, i);

      waiting += pecan_cpor_claim_get_info (claim)->status == PECAN_CPOR_ACTION_REQUIRED;
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

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (claims, i));
  g_list_store_splice (self->claims, 0, g_list_model_get_n_items (G_LIST_MODEL (self->claims)),
                       items->pdata, n);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  count_text = describe_count (self, claims);
  pecan_claims_page_say (self, count_text);
}

static GObject *
load_claims (PecanStore    *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return G_OBJECT (pecan_cpor_list (store, error));
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
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->session == NULL)
    return;
  self->today = pecan_day_today ();
  self->load_cancellable = g_cancellable_new ();
  gtk_spinner_set_spinning (self->spinner, TRUE);
  pecan_session_run_async (self->session, load_claims, NULL, NULL, self->load_cancellable,
                           load_done_cb, self);
}

static void
activate_cb (PecanClaimsPage *self,
             guint            position)
{
  g_autoptr(PecanCporClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (claim != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "claims.open", "x",
                                pecan_cpor_claim_get_info (claim)->id);
}

static void
pecan_claims_page_set_session (PecanClaimsPage *self,
                               PecanSession    *session)
{
  if (self->session == session)
    return;
  g_clear_signal_handler (&self->generation_handler, self->session);
  g_set_object (&self->session, session);
  /* Claims name imported customers: an import may rename them. */
  if (session != NULL)
    self->generation_handler = g_signal_connect_object (session, "notify::generation",
                                                        G_CALLBACK (pecan_claims_page_reload),
                                                        self, G_CONNECT_SWAPPED);
  pecan_claims_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
pecan_claims_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PecanClaimsPage *self = PECAN_CLAIMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_claims_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PecanClaimsPage *self = PECAN_CLAIMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      pecan_claims_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_claims_page_dispose (GObject *object)
{
  PecanClaimsPage *self = PECAN_CLAIMS_PAGE (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_signal_handler (&self->generation_handler, self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PECAN_TYPE_CLAIMS_PAGE);
  g_clear_object (&self->session);
  g_clear_object (&self->claims);

  G_OBJECT_CLASS (pecan_claims_page_parent_class)->dispose (object);
}

static void
pecan_claims_page_class_init (PecanClaimsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pecan_claims_page_dispose;
  object_class->get_property = pecan_claims_page_get_property;
  object_class->set_property = pecan_claims_page_set_property;

  /* The database the page lists; set by the window after construction. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PECAN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pecanapp/Pecan/pecan-claims-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PecanClaimsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PecanClaimsPage, selection);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  pecan_claims_page_class_init_actions (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pecan_claims_page_init (PecanClaimsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->today = pecan_day_today ();
  self->claims = g_list_store_new (PECAN_TYPE_CPOR_CLAIM);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->claims));
  pecan_claims_page_add_columns (self);
}
