/* pecan-lost-page.c: the Lost PEC page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-lost-page.h"
#include "pecan-session.h"

struct _PecanLostPage
{
  GtkWidget     parent_instance;

  PecanSession *session;
};

G_DEFINE_FINAL_TYPE (PecanLostPage, pecan_lost_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
      g_set_object (&self->session, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pecan_lost_page_dispose (GObject *object)
{
  PecanLostPage *self = PECAN_LOST_PAGE (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (pecan_lost_page_parent_class)->dispose (object);
}

static void
pecan_lost_page_class_init (PecanLostPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pecan_lost_page_dispose;
  object_class->get_property = pecan_lost_page_get_property;
  object_class->set_property = pecan_lost_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PECAN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pecan_lost_page_init (PecanLostPage *self)
{
}
