/* pecan-client.c: a customer as its credit-sharing reports see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQL that reads and writes the sharing settings is in
 * pecan-store-clients.c, with the storage layer.
 */
#include "config.h"

#include "pecan-client.h"

struct _PecanClient
{
  GObject         parent_instance;
  PecanClientInfo info;
};

G_DEFINE_FINAL_TYPE (PecanClient, pecan_client, G_TYPE_OBJECT)

static void
pecan_client_finalize (GObject *object)
{
  pecan_client_info_clear (&PECAN_CLIENT (object)->info);
  G_OBJECT_CLASS (pecan_client_parent_class)->finalize (object);
}

static void
pecan_client_class_init (PecanClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pecan_client_finalize;
}

static void
pecan_client_init (PecanClient *self)
{
}

void
pecan_client_info_clear (PecanClientInfo *info)
{
  g_clear_pointer (&info->tenant_id, g_free);
  g_clear_pointer (&info->name, g_free);
  g_clear_pointer (&info->domain, g_free);
  g_clear_pointer (&info->display_name, g_free);
  g_clear_pointer (&info->contact_name, g_free);
}

/**
 * pecan_client_info_copy:
 * @info: a client
 * @copy: (out caller-allocates): where to copy it; free with
 *   pecan_client_info_clear()
 */
void
pecan_client_info_copy (const PecanClientInfo *info,
                        PecanClientInfo       *copy)
{
  *copy = *info;
  copy->tenant_id = g_strdup (info->tenant_id);
  copy->name = g_strdup (info->name);
  copy->domain = g_strdup (info->domain);
  copy->display_name = g_strdup (info->display_name);
  copy->contact_name = g_strdup (info->contact_name);
}

/**
 * pecan_client_info_get_title:
 * @info: a client
 *
 * Returns: the name reports give the client: its display name, else its
 *   name in the files, else its tenant id
 */
const char *
pecan_client_info_get_title (const PecanClientInfo *info)
{
  if (info->display_name != NULL && info->display_name[0] != '\0')
    return info->display_name;
  if (info->name != NULL && info->name[0] != '\0')
    return info->name;
  return info->tenant_id;
}

/**
 * pecan_client_new:
 * @info: the client; copied
 *
 * Returns: (transfer full): a new client
 */
PecanClient *
pecan_client_new (const PecanClientInfo *info)
{
  PecanClient *self = g_object_new (PECAN_TYPE_CLIENT, NULL);

  pecan_client_info_copy (info, &self->info);
  return self;
}

const PecanClientInfo *
pecan_client_get_info (PecanClient *self)
{
  g_return_val_if_fail (PECAN_IS_CLIENT (self), NULL);
  return &self->info;
}
