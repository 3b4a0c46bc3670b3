/* test-flatpak.c: the Flatpak manifest against the desktop file and the metainfo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * flatpak-builder cannot run in the test suite (it downloads the runtime
 * and the modules' sources), so this checks what the manifest must say:
 * the application's id as the desktop file and the metainfo give it, the
 * modules Pecan needs, sources pinned by checksum, and a sandbox with no
 * network and no access to the user's files beyond the document portal.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* A file of the source tree, from the folder of the tests. */
static char *
source_path (const char *folder,
             const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", folder, name, NULL);
}

static JsonObject *
load_manifest (void)
{
  g_autofree char *path = source_path ("flatpak", APP_ID ".json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  return json_object_get_string_member_with_default (object, name, NULL);
}

/* Every module, nested ones included, in the order they are built. */
static void
collect_modules (JsonObject *parent,
                 GPtrArray  *modules)
{
  JsonArray *array;

  if (!json_object_has_member (parent, "modules"))
    return;
  array = json_object_get_array_member (parent, "modules");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      /* A module may be a path to a file of its own: this test could not
       * see into it, so every module is written in the manifest. */
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      collect_modules (json_node_get_object (node), modules);
      g_ptr_array_add (modules, json_node_get_object (node));
    }
}

static JsonObject *
find_module (GPtrArray  *modules,
             const char *name)
{
  for (guint i = 0; i < modules->len; i++)
    if (g_strcmp0 (get_string (g_ptr_array_index (modules, i), "name"), name) == 0)
      return g_ptr_array_index (modules, i);
  return NULL;
}

static void
test_parses (void)
{
  g_autoptr(JsonObject) manifest = load_manifest ();

  g_assert_cmpstr (get_string (manifest, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (get_string (manifest, "sdk"), ==, "org.gnome.Sdk");
  g_assert_nonnull (get_string (manifest, "runtime-version"));
  g_assert_cmpstr (get_string (manifest, "command"), ==, "pecan");
}

typedef struct
{
  GSList  *elements;   /* the open elements, innermost first */
  GString *id;         /* the text of <component><id> */
  GString *launchable;
} Metainfo;

static void
metainfo_start_cb (GMarkupParseContext  *context,
                   const char           *element,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  Metainfo *info = user_data;

  info->elements = g_slist_prepend (info->elements, g_strdup (element));
}

static void
metainfo_end_cb (GMarkupParseContext  *context,
                 const char           *element,
                 gpointer              user_data,
                 GError              **error)
{
  Metainfo *info = user_data;

  g_free (info->elements->data);
  info->elements = g_slist_delete_link (info->elements, info->elements);
}

static void
metainfo_text_cb (GMarkupParseContext  *context,
                  const char           *text,
                  gsize                 len,
                  gpointer              user_data,
                  GError              **error)
{
  Metainfo *info = user_data;

  /* Only <component>'s own children: a release or a screenshot has none
   * of these names, but a later AppStream might. */
  if (g_slist_length (info->elements) != 2
      || !g_str_equal (info->elements->next->data, "component"))
    return;
  if (g_str_equal (info->elements->data, "id"))
    g_string_append_len (info->id, text, len);
  else if (g_str_equal (info->elements->data, "launchable"))
    g_string_append_len (info->launchable, text, len);
}

/* The metainfo's <id> and <launchable>, read from the source tree. */
static void
read_metainfo (char **id,
               char **launchable)
{
  static const GMarkupParser parser = {
    metainfo_start_cb, metainfo_end_cb, metainfo_text_cb, NULL, NULL
  };
  g_autofree char *path = source_path ("data", APP_ID ".metainfo.xml.in");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  Metainfo info = { NULL, g_string_new (NULL), g_string_new (NULL) };
  g_autoptr(GMarkupParseContext) context =
    g_markup_parse_context_new (&parser, 0, &info, NULL);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_markup_parse_context_parse (context, text, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_null (info.elements);
  *id = g_strstrip (g_string_free (info.id, FALSE));
  *launchable = g_strstrip (g_string_free (info.launchable, FALSE));
}

/* The desktop files of data/: there must be one, named after the app id. */
static char *
find_desktop_file (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  char *found = NULL;
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".desktop.in"))
      {
        g_assert_null (found);
        found = g_strdup (name);
      }
  g_assert_nonnull (found);
  return found;
}

/* The program the desktop file starts, as flatpak's command must be. */
static char *
desktop_program (const char *name)
{
  g_autofree char *path = source_path ("data", name);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;
  g_auto(GStrv) argv = NULL;

  g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  exec = g_key_file_get_string (keys, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC,
                                &error);
  g_assert_no_error (error);
  g_shell_parse_argv (exec, NULL, &argv, &error);
  g_assert_no_error (error);
  return g_strdup (argv[0]);
}

static void
test_app_id (void)
{
  g_autoptr(JsonObject) manifest = load_manifest ();
  const char *id = get_string (manifest, "id");
  g_autofree char *desktop = find_desktop_file ();
  g_autofree char *program = desktop_program (desktop);
  g_autofree char *metainfo_id = NULL;
  g_autofree char *launchable = NULL;

  /* flatpak-builder still reads the older name. */
  if (id == NULL)
    id = get_string (manifest, "app-id");
  g_assert_cmpstr (id, ==, APP_ID);
  g_assert_cmpstr (desktop, ==, APP_ID ".desktop.in");
  read_metainfo (&metainfo_id, &launchable);
  g_assert_cmpstr (metainfo_id, ==, APP_ID);
  g_assert_cmpstr (launchable, ==, APP_ID ".desktop");
  g_assert_cmpstr (program, ==, get_string (manifest, "command"));
}

static void
test_modules (void)
{
  g_autoptr(JsonObject) manifest = load_manifest ();
  g_autoptr(GPtrArray) modules = g_ptr_array_new ();
  JsonObject *pecan;

  collect_modules (manifest, modules);
  g_assert_nonnull (find_module (modules, "libcsv"));
  g_assert_nonnull (find_module (modules, "libxlsxwriter"));
  pecan = find_module (modules, "pecan");
  g_assert_nonnull (pecan);

  /* The application is built last, from this tree, and its tests run. */
  g_assert_true (g_ptr_array_index (modules, modules->len - 1) == pecan);
  g_assert_cmpstr (get_string (pecan, "buildsystem"), ==, "meson");
  g_assert_true (json_object_get_boolean_member_with_default (pecan, "run-tests", FALSE));
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

/* A download is pinned by its checksum, the app by the local tree. */
static void
check_source (JsonObject *module,
              JsonObject *source)
{
  const char *type = get_string (source, "type");

  g_test_message ("module %s, source %s", get_string (module, "name"), type);
  if (g_strcmp0 (type, "archive") == 0 || g_strcmp0 (type, "file") == 0)
    {
      const char *url = get_string (source, "url");

      g_assert_nonnull (url);
      g_assert_true (g_str_has_prefix (url, "https://"));
      g_assert_true (is_sha256 (get_string (source, "sha256")));
    }
  else if (g_strcmp0 (type, "dir") == 0)
    {
      g_assert_cmpstr (get_string (module, "name"), ==, "pecan");
      g_assert_cmpstr (get_string (source, "path"), ==, "..");
    }
  else
    {
      /* Say how a new kind of source is pinned (a git commit ...) here. */
      g_test_fail_printf ("module %s: a source of type %s, which this test does not check",
                          get_string (module, "name"), type);
    }
}

static void
test_sources (void)
{
  g_autoptr(JsonObject) manifest = load_manifest ();
  g_autoptr(GPtrArray) modules = g_ptr_array_new ();

  collect_modules (manifest, modules);
  for (guint i = 0; i < modules->len; i++)
    {
      JsonObject *module = g_ptr_array_index (modules, i);
      JsonArray *sources = json_object_get_array_member (module, "sources");

      g_assert_cmpuint (json_array_get_length (sources), >, 0);
      for (guint j = 0; j < json_array_get_length (sources); j++)
        check_source (module, json_array_get_object_element (sources, j));
    }
}

/* The whole home folder or the host's files, writable or not. */
static gboolean
is_broad_filesystem (const char *arg)
{
  static const char * const broad[] = { "host", "host-os", "host-etc", "home", "~", "/" };
  g_autofree char *place = NULL;

  if (!g_str_has_prefix (arg, "--filesystem="))
    return FALSE;
  place = g_strdup (arg + strlen ("--filesystem="));
  if (strchr (place, ':') != NULL)
    *strchr (place, ':') = '\0';
  return g_strv_contains (broad, place);
}

static void
test_permissions (void)
{
  static const char * const needed[] = {
    "--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri", NULL
  };
  g_autoptr(JsonObject) manifest = load_manifest ();
  JsonArray *args = json_object_get_array_member (manifest, "finish-args");
  g_autoptr(GPtrArray) given = g_ptr_array_new_null_terminated (0, NULL, TRUE);

  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *arg = json_array_get_string_element (args, i);

      g_test_message ("finish-arg %s", arg);
      g_assert_cmpstr (arg, !=, "--share=network");
      g_assert_false (is_broad_filesystem (arg));
      g_ptr_array_add (given, (gpointer) arg);
    }
  for (guint i = 0; needed[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char * const *) given->pdata, needed[i]));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/flatpak/parses", test_parses);
  g_test_add_func ("/flatpak/app-id", test_app_id);
  g_test_add_func ("/flatpak/modules", test_modules);
  g_test_add_func ("/flatpak/sources", test_sources);
  g_test_add_func ("/flatpak/permissions", test_permissions);

  return g_test_run ();
}
