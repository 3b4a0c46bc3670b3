/* pecan-coop-checklist.c: a co-op claim, as Partner Center's eight steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A co-op claim from its activity to its payment. The list on the left is
 * Partner Center's eight steps: the first three (signing in, Incentives,
 * Co-op management) only the user can tick; the other five tick
 * themselves once the claim's data proves them, as pecan_coop_check() and
 * pecan_coop_step_done() say, and each has a page with its form and what
 * is left to do. The claim lives in a PecanCoopInfo that every field
 * writes to as it changes; it is saved a moment after typing stops, at
 * every page change and when the window closes, so that no draft is lost.
 * This file holds the pages and the navigation; the steps, the forms, the
 * documents and their rows, the review, the tracking and the database work
 * have files of their own.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pecan-countdown.h"
#include "pecan-coop-checklist-private.h"
#include "pecan-period.h"

G_DEFINE_FINAL_TYPE (PecanCoopChecklist, pecan_coop_checklist, GTK_TYPE_WINDOW)

enum {
  CLAIM_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char *name;          /* of the stack page */
  const char *form;          /* its template id */
  const char *card;          /* the card of what is left, its template id */
  const char *title;
} pages[N_PAGES] = {
  [PAGE_NEW_CLAIM] = { "new-claim", "new_claim_form", "new_claim_card", N_("New Claim") },
  [PAGE_DETAILS] = { "details", "details_form", "details_card", N_("Claim Details") },
  [PAGE_PROOF] = { "proof", "proof_form", "proof_card", N_("Proof of Execution") },
  [PAGE_SUBMIT] = { "submit", "submit_form", "submit_card", N_("Review and Submit") },
  [PAGE_TRACK] = { "track", "track_form", "track_card", N_("Track to Payment") },
};

const char *
pecan_coop_checklist_page_title (Page page)
{
  g_return_val_if_fail (page < N_PAGES, NULL);
  return _(pages[page].title);
}

void
pecan_coop_checklist_set_string (char       **field,
                                 const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

void
pecan_coop_checklist_set_class (GtkWidget  *widget,
                                const char *css_class,
                                gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* A problem as a line: its icon and its message. */
GtkWidget *
pecan_coop_checklist_problem_row (const char        *message,
                                  PecanCoopSeverity  severity)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 9);
  gboolean error = severity == PECAN_COOP_ERROR;
  GtkWidget *icon = gtk_image_new_from_icon_name (error ? "dialog-error-symbolic"
                                                        : "dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (message);

  gtk_widget_add_css_class (icon, error ? "error" : "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/**
 * pecan_coop_checklist_field_message:
 * @field: a field as pecan_coop_check() names it
 * @severity: (out) (optional): how bad it is
 *
 * Returns: (nullable): the first problem of @field, or %NULL
 */
const char *
pecan_coop_checklist_field_message (PecanCoopChecklist *self,
                                    const char         *field,
                                    PecanCoopSeverity  *severity)
{
  for (guint i = 0; self->problems != NULL && i < self->problems->len; i++)
    {
      const PecanCoopProblem *problem = self->problems->pdata[i];

      if (g_strcmp0 (problem->field, field) != 0)
        continue;
      if (severity != NULL)
        *severity = problem->severity;
      return problem->message;
    }
  return NULL;
}

/* Whether an error is left; with @but_tracking, one that keeps the claim
 * from being submitted (as pecan_coop_set_status() checks). */
gboolean
pecan_coop_checklist_has_errors (PecanCoopChecklist *self,
                                 gboolean            but_tracking)
{
  for (guint i = 0; self->problems != NULL && i < self->problems->len; i++)
    {
      const PecanCoopProblem *problem = self->problems->pdata[i];

      if (problem->severity == PECAN_COOP_ERROR
          && !(but_tracking && problem->step == PECAN_COOP_STEP_TRACK))
        return TRUE;
    }
  return FALSE;
}

static void
update_header (PecanCoopChecklist *self)
{
  const char *name = self->info.activity_name;
  g_autofree char *subtitle = NULL;
  const char *saved;

  if (name == NULL || *name == '\0')
    name = self->info.id == 0 ? _("New Co-op Claim") : _("Untitled Co-op Claim");
  gtk_label_set_text (self->title_label, name);
  if (pecan_coop_checklist_is_busy (self) && (self->job_running || self->save_source != 0
                                              || !g_queue_is_empty (&self->jobs)))
    saved = _("Saving…");
  else if (self->info.id == 0)
    saved = _("Not saved yet");
  else
    saved = _("Saved");
  /* TRANSLATORS: under the checklist's title: a claim's status, and
   * whether it is saved */
  subtitle = g_strdup_printf (_("%s · %s"), pecan_coop_status_label (self->info.status), saved);
  gtk_label_set_text (self->subtitle_label, subtitle);
}

/* The claim deadline while the claim is edited, and the day to answer a
 * reviewer by, each with its countdown. */
static void
update_deadlines (PecanCoopChecklist *self)
{
  const PecanCoopInfo *info = &self->info;
  gboolean period = info->fiscal_year >= 2000 && (info->half == 1 || info->half == 2);
  gint32 deadline = period ? pecan_coop_deadline (info->fiscal_year, info->half,
                                                  self->deadline_days) : 0;
  gint32 answer_by = pecan_coop_info_answer_by (info);
  g_autofree char *date = deadline != 0 ? pecan_day_describe (deadline) : NULL;
  g_autofree char *answer = answer_by != 0 ? pecan_day_describe (answer_by) : NULL;

  gtk_label_set_text (self->deadline_label, date != NULL ? date : _("Choose the usage period"));
  pecan_countdown_set (self->deadline_badge, info->status == PECAN_COOP_EDITING ? deadline : 0,
                       self->today);
  gtk_widget_set_visible (self->answer_box, answer_by != 0);
  gtk_label_set_text (self->answer_label, answer != NULL ? answer : "");
  pecan_countdown_set (self->answer_badge, answer_by, self->today);
}

/* A claim that was submitted is only read, as in Partner Center, until a
 * reviewer asks for more; the banner says which. */
static void
apply_editable (PecanCoopChecklist *self)
{
  gboolean editable = pecan_coop_info_is_editable (&self->info);
  const char *text = NULL;

  for (Page page = PAGE_NEW_CLAIM; page <= PAGE_PROOF; page++)
    gtk_widget_set_sensitive (self->forms[page], editable);
  if (!editable)
    text = _("This claim was submitted in Partner Center, which does not let it change unless a "
             "reviewer asks for more: only its status and notes can. Copy its fields from Review "
             "and Submit.");
  else if (self->info.status == PECAN_COOP_ACTION_REQUIRED)
    text = _("A reviewer asked for more: the claim can change again. Give them what they asked "
             "for, then mark it as submitted again.");
  if (text != NULL)
    gtk_label_set_text (self->banner_label, text);
  gtk_image_set_from_icon_name (self->banner_icon, editable ? "document-edit-symbolic"
                                                            : "changes-prevent-symbolic");
  gtk_revealer_set_reveal_child (self->banner_revealer, text != NULL);
}

/* pecan_coop_check() again, and everything that shows its problems. */
static void
refresh (PecanCoopChecklist *self)
{
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = pecan_coop_check (&self->info, self->others, self->deadline_days,
                                     self->today);
  pecan_coop_checklist_update_fields (self);
  pecan_coop_checklist_update_documents (self);
  pecan_coop_checklist_update_steps (self);
  if (self->page == PAGE_SUBMIT)
    pecan_coop_checklist_update_review (self);
  if (self->page == PAGE_TRACK)
    pecan_coop_checklist_update_track (self);
  update_deadlines (self);
  update_header (self);
}

/**
 * pecan_coop_checklist_changed:
 *
 * What every form calls once it changed the claim: the claim is checked
 * again, and saved a moment later.
 */
void
pecan_coop_checklist_changed (PecanCoopChecklist *self)
{
  if (self->syncing)
    return;
  self->dirty = TRUE;
  refresh (self);
  pecan_coop_checklist_save_soon (self);
}

/* After a job or a read: what the database said, everywhere. */
void
pecan_coop_checklist_refresh (PecanCoopChecklist *self)
{
  apply_editable (self);
  refresh (self);
}

/**
 * pecan_coop_checklist_go_to:
 *
 * Shows the page of @page's step, and saves what is pending.
 */
void
pecan_coop_checklist_go_to (PecanCoopChecklist *self,
                            Page                page)
{
  g_return_if_fail (page < N_PAGES);

  if (page != self->page)
    pecan_coop_checklist_flush (self);
  self->page = page;
  gtk_stack_set_visible_child_name (self->pages_stack, pages[page].name);
  refresh (self);
  if (page == PAGE_SUBMIT)
    pecan_coop_checklist_update_review (self);
  if (page == PAGE_TRACK)
    pecan_coop_checklist_update_track (self);
}

void
pecan_coop_checklist_show_message (PecanCoopChecklist *self,
                                   const char         *text,
                                   gboolean            error)
{
  gtk_label_set_text (self->message_label, text);
  pecan_coop_checklist_set_class (GTK_WIDGET (self->message_revealer), "error", error);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

static void
go_to_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PecanCoopChecklist *self = PECAN_COOP_CHECKLIST (widget);
  int step = g_variant_get_int32 (parameter);

  if (step < PECAN_COOP_STEP_NEW_CLAIM || step >= PECAN_COOP_N_STEPS)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  pecan_coop_checklist_go_to (self, STEP_PAGE (step));
}

static void
dismiss_message_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (PECAN_COOP_CHECKLIST (widget)->message_revealer, FALSE);
}

/* Fills every form from the claim, without marking it changed. */
static void
sync_all (PecanCoopChecklist *self)
{
  self->syncing = TRUE;
  pecan_coop_checklist_sync_fields (self);
  pecan_coop_checklist_sync_documents (self);
  pecan_coop_checklist_sync_notes (self);
  self->syncing = FALSE;
}

/* The first step the claim still needs: where it opens. */
static Page
first_page (PecanCoopChecklist *self)
{
  if (!pecan_coop_info_is_editable (&self->info))
    return PAGE_TRACK;
  for (Page page = PAGE_NEW_CLAIM; page < PAGE_SUBMIT; page++)
    if (!pecan_coop_step_done (&self->info, self->problems, PAGE_STEP (page)))
      return page;
  return self->info.status == PECAN_COOP_ACTION_REQUIRED ? PAGE_TRACK : PAGE_SUBMIT;
}

static gboolean
pecan_coop_checklist_close_request (GtkWindow *window)
{
  PecanCoopChecklist *self = PECAN_COOP_CHECKLIST (window);

  if (!self->closing)
    {
      pecan_coop_checklist_flush (self);
      if (pecan_coop_checklist_is_busy (self))
        {
          /* Destroyed once the draft is saved, a moment later. */
          self->closing = TRUE;
          gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
          update_header (self);
          return TRUE;
        }
    }
  return GTK_WINDOW_CLASS (pecan_coop_checklist_parent_class)->close_request (window);
}

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->text);
  g_free (job);
}

static void
pecan_coop_checklist_dispose (GObject *object)
{
  PecanCoopChecklist *self = PECAN_COOP_CHECKLIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_queue_clear_full (&self->jobs, job_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PECAN_TYPE_COOP_CHECKLIST);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->others);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->files, g_hash_table_unref);

  G_OBJECT_CLASS (pecan_coop_checklist_parent_class)->dispose (object);
}

static void
pecan_coop_checklist_finalize (GObject *object)
{
  PecanCoopChecklist *self = PECAN_COOP_CHECKLIST (object);

  pecan_coop_info_clear (&self->info);

  G_OBJECT_CLASS (pecan_coop_checklist_parent_class)->finalize (object);
}

static void
pecan_coop_checklist_class_init (PecanCoopChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pecan_coop_checklist_dispose;
  object_class->finalize = pecan_coop_checklist_finalize;
  window_class->close_request = pecan_coop_checklist_close_request;

  /* After the database took a change of the claim: its list reloads. */
  signals[CLAIM_CHANGED] = g_signal_new ("claim-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pecanapp/Pecan/pecan-coop-checklist.ui");
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, title_label);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, banner_label);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, message_label);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, pages_stack);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, deadline_badge);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, answer_box);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, answer_label);
  gtk_widget_class_bind_template_child (widget_class, PecanCoopChecklist, answer_badge);
  for (Page page = 0; page < N_PAGES; page++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, pages[page].form, FALSE,
                                                 G_STRUCT_OFFSET (PecanCoopChecklist, forms)
                                                 + page * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, pages[page].card, FALSE,
                                                 G_STRUCT_OFFSET (PecanCoopChecklist, step_cards)
                                                 + page * sizeof (GtkBox *));
    }

  gtk_widget_class_install_action (widget_class, "checklist.go-to", "i", go_to_action);
  gtk_widget_class_install_action (widget_class, "checklist.dismiss-message", NULL,
                                   dismiss_message_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  pecan_coop_checklist_class_init_steps (widget_class);
  pecan_coop_checklist_class_init_fields (widget_class);
  pecan_coop_checklist_class_init_documents (widget_class);
  pecan_coop_checklist_class_init_review (widget_class);
  pecan_coop_checklist_class_init_track (widget_class);
}

static void
pecan_coop_checklist_init (PecanCoopChecklist *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->today = pecan_day_today ();
  self->deadline_days = PECAN_COOP_DEFAULT_DEADLINE_DAYS;
  g_queue_init (&self->jobs);
  pecan_coop_info_init (&self->info);
  pecan_coop_checklist_init_steps (self);
  pecan_coop_checklist_init_fields (self);
  pecan_coop_checklist_init_documents (self);
  pecan_coop_checklist_init_track (self);
}

/**
 * pecan_coop_checklist_new:
 * @parent: (nullable): the window it is modal to
 * @session: the database
 * @info: (nullable): the claim to open, or %NULL for a new one; a new
 *   claim (id 0) may come with fields filled in
 *
 * Returns: (transfer none): the checklist, at the first step the claim
 *   still needs (a submitted claim at its tracking)
 */
PecanCoopChecklist *
pecan_coop_checklist_new (GtkWindow           *parent,
                          PecanSession        *session,
                          const PecanCoopInfo *info)
{
  PecanCoopChecklist *self;

  g_return_val_if_fail (PECAN_IS_SESSION (session), NULL);

  self = g_object_new (PECAN_TYPE_COOP_CHECKLIST, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  if (info != NULL)
    {
      pecan_coop_info_clear (&self->info);
      pecan_coop_info_copy (info, &self->info);
    }
  /* A new claim is for the usage period running, unless told otherwise. */
  if (self->info.fiscal_year == 0)
    pecan_coop_period_of_day (self->today, &self->info.fiscal_year, &self->info.half);
  sync_all (self);
  apply_editable (self);
  refresh (self);
  pecan_coop_checklist_load_context (self);
  pecan_coop_checklist_check_files (self);
  pecan_coop_checklist_go_to (self, first_page (self));
  return self;
}

/* The claim's id in the database: 0 until its first save. */
gint64
pecan_coop_checklist_get_claim_id (PecanCoopChecklist *self)
{
  g_return_val_if_fail (PECAN_IS_COOP_CHECKLIST (self), 0);
  return self->info.id;
}

/* The step whose page shows. */
PecanCoopStep
pecan_coop_checklist_get_step (PecanCoopChecklist *self)
{
  g_return_val_if_fail (PECAN_IS_COOP_CHECKLIST (self), 0);
  return PAGE_STEP (self->page);
}

/* Whether a save is due, or the database or a file is being worked on. */
gboolean
pecan_coop_checklist_is_busy (PecanCoopChecklist *self)
{
  g_return_val_if_fail (PECAN_IS_COOP_CHECKLIST (self), FALSE);
  return self->job_running || !g_queue_is_empty (&self->jobs) || self->save_source != 0
         || self->hashing > 0 || self->reading > 0;
}

/**
 * pecan_coop_checklist_settle:
 *
 * Once a job, a read or a document is done: a checklist closed meanwhile
 * saves what came in, and goes once nothing is left to do.
 */
void
pecan_coop_checklist_settle (PecanCoopChecklist *self)
{
  update_header (self);
  if (!self->closing)
    return;
  pecan_coop_checklist_flush (self);
  if (!pecan_coop_checklist_is_busy (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

void
pecan_coop_checklist_emit_changed (PecanCoopChecklist *self)
{
  g_signal_emit (self, signals[CLAIM_CHANGED], 0);
}
