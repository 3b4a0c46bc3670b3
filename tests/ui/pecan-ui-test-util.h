/* pecan-ui-test-util.h: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pecan-session.h"
#include "pecan-test-util.h"

G_BEGIN_DECLS

/* A page in a window of its own, on a session over a fresh database. */
typedef struct
{
  PecanTestFixture  db;
  PecanSession     *session;  /* on db.db_path */
  GtkWindow        *window;
  GtkStack         *stack;    /* between window and page, or NULL */
  GtkWidget        *page;
} PecanUiPageFixture;

typedef gboolean (*PecanUiTestCondition) (gpointer       object,
                                          gconstpointer  data);
typedef gboolean (*PecanUiPageCondition) (PecanUiPageFixture *f,
                                          gconstpointer       data);

/* In a test function: without a display, skips the test. */
#define PECAN_UI_TEST_SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { if (!pecan_ui_test_have_display ()) { g_test_skip ("no display"); return; } } G_STMT_END

void         pecan_ui_test_init          (int                  *argc,
                                          char               ***argv);
gboolean     pecan_ui_test_have_display  (void);

gboolean     pecan_ui_test_iterate_until (guint                 seconds,
                                          PecanUiTestCondition  condition,
                                          gpointer              object,
                                          gconstpointer         data);

char        *pecan_ui_test_widget_text   (GtkWidget            *widget);
void         pecan_ui_test_assert_mnemonics (GtkWidget         *window);
GtkWidget   *pecan_ui_test_find_widget   (GtkWidget            *widget,
                                          GType                 type);
GtkWidget   *pecan_ui_test_find_button   (GtkWidget            *widget,
                                          const char           *action_name);
GtkWindow   *pecan_ui_test_find_toplevel (GType                 type);

void         pecan_ui_test_set_period    (PecanSession         *session,
                                          const char           *text);
void         pecan_ui_test_import_demo   (PecanTestFixture     *db,
                                          int                   first_year,
                                          int                   first_month);

void         pecan_ui_test_page_open     (PecanUiPageFixture   *f,
                                          GType                 page_type,
                                          int                   width,
                                          int                   height,
                                          const char           *period,
                                          const char           *stack_name);
void         pecan_ui_test_page_close    (PecanUiPageFixture   *f);
void         pecan_ui_test_page_teardown (PecanUiPageFixture   *f,
                                          gconstpointer         data);
const char  *pecan_ui_test_page_visible  (PecanUiPageFixture   *f);
void         pecan_ui_test_page_wait     (PecanUiPageFixture   *f,
                                          PecanUiPageCondition  condition,
                                          gconstpointer         data);

G_END_DECLS
