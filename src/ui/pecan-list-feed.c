/* pecan-list-feed.c: a big model handed to a list view a few rows a frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Given a model of many items, GTK 4.8's list views create and bind the
 * widgets of a few hundred rows in one go: with ten columns, thousands of
 * labels, which held the main loop for 150 ms. Fed through a slice that
 * grows by a screenful at each idle after a frame, the view creates them
 * a screenful at a time; once it holds as many rows as it ever keeps, the
 * slice opens on the whole model at once, which costs nothing more.
 */
#include "config.h"

#include "pecan-list-feed.h"

/* Models this small are set at once; bigger ones grow by STEP rows a
 * frame up to FED rows: past that the view keeps no more rows, whatever
 * the model's size. */
#define AT_ONCE 48
#define STEP    24
#define FED     480

typedef struct
{
  GtkSliceListModel *slice;
  GWeakRef           selection;
} Feed;

static void
feed_free (gpointer data)
{
  Feed *feed = data;

  g_object_unref (feed->slice);
  g_weak_ref_clear (&feed->selection);
  g_free (feed);
}

static gboolean
feed_step_cb (gpointer data)
{
  Feed *feed = data;
  g_autoptr(GtkSingleSelection) selection = g_weak_ref_get (&feed->selection);
  guint size = gtk_slice_list_model_get_size (feed->slice) + STEP;
  guint n = g_list_model_get_n_items (gtk_slice_list_model_get_model (feed->slice));

  /* Another model took its place: this one is fed no more. */
  if (selection == NULL || gtk_single_selection_get_model (selection) != G_LIST_MODEL (feed->slice))
    return G_SOURCE_REMOVE;
  if (size >= n || size >= FED)
    {
      gtk_slice_list_model_set_size (feed->slice, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }
  gtk_slice_list_model_set_size (feed->slice, size);
  return G_SOURCE_CONTINUE;
}

/**
 * pecan_list_feed_set_model:
 * @selection: the selection of a list or column view
 * @model: (nullable): its new model
 *
 * Sets @model, a screenful at first and the rest over the next frames.
 */
void
pecan_list_feed_set_model (GtkSingleSelection *selection,
                           GListModel         *model)
{
  pecan_list_feed_set_model_selected (selection, model, GTK_INVALID_LIST_POSITION);
}

/**
 * pecan_list_feed_set_model_selected:
 * @selection: the selection of a list or column view
 * @model: (nullable): its new model
 * @position: the item of @model to select, or %GTK_INVALID_LIST_POSITION
 *   for the selection's own choice
 *
 * Sets @model as pecan_list_feed_set_model() does, the first rows given
 * at once reaching down to @position, and selects it.
 */
void
pecan_list_feed_set_model_selected (GtkSingleSelection *selection,
                                    GListModel         *model,
                                    guint               position)
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  Feed *feed;

  g_return_if_fail (GTK_IS_SINGLE_SELECTION (selection));

  /* Let go of the old model first: a selection that still holds a
   * selected item looks for it among all the new items. */
  gtk_single_selection_set_model (selection, NULL);
  if (model == NULL || n <= AT_ONCE)
    gtk_single_selection_set_model (selection, model);
  else
    {
      guint first = position < n ? (position / STEP + 1) * STEP : STEP;

      feed = g_new0 (Feed, 1);
      feed->slice = gtk_slice_list_model_new (g_object_ref (model), 0, first);
      g_weak_ref_init (&feed->selection, selection);
      gtk_single_selection_set_model (selection, G_LIST_MODEL (feed->slice));
      /* After the frame that lays out the rows so far. */
      g_idle_add_full (G_PRIORITY_LOW, feed_step_cb, feed, feed_free);
    }
  if (position < n)
    gtk_single_selection_set_selected (selection, position);
}
