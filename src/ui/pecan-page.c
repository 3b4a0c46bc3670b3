/* pecan-page.c: what the window's pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page shows the window's session. It reads its data again when the
 * session is set, when the database changes, and when the period changes
 * if it follows the period. A page hidden at that moment may let the
 * change wait until it is shown (pecan_page_reload_now()): refilling a
 * table nobody sees would take the main thread for nothing.
 */
#include "config.h"

#include "pecan-page.h"

typedef struct
{
  PecanSession *session;
  gboolean      stale;       /* a change waits until the page is shown */
} PecanPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PecanPage, pecan_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reload (PecanPage *self)
{
  PECAN_PAGE_GET_CLASS (self)->reload (self);
}

static void
data_changed (PecanPage *self)
{
  PecanPageClass *klass = PECAN_PAGE_GET_CLASS (self);

  if (klass->data_changed != NULL)
    klass->data_changed (self);
  else
    klass->reload (self);
}

/**
 * pecan_page_get_session:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the window's session
 */
PecanSession *
pecan_page_get_session (PecanPage *self)
{
  PecanPagePrivate *priv = pecan_page_get_instance_private (self);

  g_return_val_if_fail (PECAN_IS_PAGE (self), NULL);
  return priv->session;
}

/**
 * pecan_page_reload_now:
 * @self: a page, reloading
 *
 * Whether a reload reads the data now: a page that is not shown lets it
 * wait, and reloads when it is shown.
 *
 * Returns: %TRUE when the page is shown and must read its data now
 */
gboolean
pecan_page_reload_now (PecanPage *self)
{
  PecanPagePrivate *priv = pecan_page_get_instance_private (self);

  g_return_val_if_fail (PECAN_IS_PAGE (self), FALSE);
  priv->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  return !priv->stale;
}

static void
set_session (PecanPage    *self,
             PecanSession *session)
{
  PecanPagePrivate *priv = pecan_page_get_instance_private (self);
  PecanPageClass *klass = PECAN_PAGE_GET_CLASS (self);

  if (priv->session == session)
    return;
  if (priv->session != NULL)
    g_signal_handlers_disconnect_by_data (priv->session, self);
  if (klass->session_change != NULL)
    klass->session_change (self, session);
  g_set_object (&priv->session, session);
  if (session != NULL)
    {
      if (klass->follows_period)
        g_signal_connect_object (session, "notify::period", G_CALLBACK (reload), self,
                                 G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::generation", G_CALLBACK (data_changed), self,
                               G_CONNECT_SWAPPED);
    }
  priv->stale = FALSE;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
pecan_page_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PecanPage *self = PECAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, pecan_page_get_session (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_page_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PecanPage *self = PECAN_PAGE (object);

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
pecan_page_map (GtkWidget *widget)
{
  PecanPage *self = PECAN_PAGE (widget);
  PecanPagePrivate *priv = pecan_page_get_instance_private (self);

  GTK_WIDGET_CLASS (pecan_page_parent_class)->map (widget);
  if (priv->stale && priv->session != NULL)
    reload (self);
}

/* A disposed page follows the session no more, but keeps it: work it
 * started may need it to finish, such as the notes the Lost PEC page
 * saves as it closes. */
static void
pecan_page_dispose (GObject *object)
{
  PecanPage *self = PECAN_PAGE (object);
  PecanPagePrivate *priv = pecan_page_get_instance_private (self);

  if (priv->session != NULL)
    g_signal_handlers_disconnect_by_data (priv->session, self);

  G_OBJECT_CLASS (pecan_page_parent_class)->dispose (object);
}

static void
pecan_page_finalize (GObject *object)
{
  PecanPage *self = PECAN_PAGE (object);
  PecanPagePrivate *priv = pecan_page_get_instance_private (self);

  g_clear_object (&priv->session);

  G_OBJECT_CLASS (pecan_page_parent_class)->finalize (object);
}

static void
pecan_page_class_init (PecanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pecan_page_dispose;
  object_class->finalize = pecan_page_finalize;
  object_class->get_property = pecan_page_get_property;
  object_class->set_property = pecan_page_set_property;
  widget_class->map = pecan_page_map;

  /* The window's session: set once, after construction. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PECAN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pecan_page_init (PecanPage *self)
{
}
