/* ksp-cli-workspace.c: kasip workspace copy SRC DST — a whole workspace from a file to a PostgreSQL server
 * and back (model/ksp-store-copy.h)
 *
 * SRC is opened read-only; DST is created when it does not exist and must be empty. The copy is one
 * transaction on DST, verified before it is committed: a failure leaves DST as it was (a file this command
 * created is removed again).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ksp-cli-private.h"
#include "ksp-store-copy.h"

/* The file a workspace address names, or NULL for a server's. */
static char *
file_of (const char *uri)
{
  if (g_str_has_prefix (uri, "postgresql:") || g_str_has_prefix (uri, "postgres:"))
    return NULL;
  if (g_str_has_prefix (uri, "sqlite:"))
    return g_strdup (uri + strlen ("sqlite:"));
  if (g_str_has_prefix (uri, "file:"))
    return g_filename_from_uri (uri, NULL, NULL);
  return g_strdup (uri);
}

/* 1234567 → "1 234 567", as the message writes counts. */
static char *
grouped (guint n)
{
  g_autofree char *digits = g_strdup_printf ("%u", n);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* @format (translated, with its plural chosen): "%s standards" */
static char *
count_of (const char *format,
          guint       n)
{
  g_autofree char *number = grouped (n);
  return g_strdup_printf (format, number);
}

/* "5 standards, 7 editions, 1 234 log entries, 12 comments" */
static char *
describe (const KspStoreCopyReport *r)
{
  g_autofree char *standards =
    count_of (g_dngettext (GETTEXT_PACKAGE, "%s standard", "%s standards", r->n_standards), r->n_standards);
  g_autofree char *editions =
    count_of (g_dngettext (GETTEXT_PACKAGE, "%s edition", "%s editions", r->n_editions), r->n_editions);
  g_autofree char *entries =
    count_of (g_dngettext (GETTEXT_PACKAGE, "%s log entry", "%s log entries", r->n_log_entries), r->n_log_entries);
  g_autofree char *comments =
    count_of (g_dngettext (GETTEXT_PACKAGE, "%s comment", "%s comments", r->n_comments), r->n_comments);

  return g_strdup_printf ("%s, %s, %s, %s", standards, editions, entries, comments);
}

static int
workspace_copy (const char *src_uri,
                const char *dst_uri)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) src = NULL;
  g_autoptr (KspStore) dst = NULL;
  g_autofree char *dst_file = file_of (dst_uri);
  gboolean dst_existed = dst_file == NULL || g_file_test (dst_file, G_FILE_TEST_EXISTS);
  KspStoreCopyReport report = { 0 };
  g_autofree char *what = NULL;

  if (!(src = ksp_store_open_uri (src_uri, KSP_STORE_OPEN_READ_ONLY, &error)))
    return ksp_cli_report (error);
  if (!(dst = ksp_store_open_uri (dst_uri, KSP_STORE_OPEN_CREATE | KSP_STORE_OPEN_WAIT, &error)))
    return ksp_cli_report (error);
  if (ksp_store_is_read_only (dst))
    {
      g_printerr ("kasip: %s: %s %s\n", dst_uri, _("cannot be changed:"), ksp_store_get_read_only_reason (dst));
      return 1;
    }
  if (ksp_store_copy (src, dst, &report, &error))
    {
      what = describe (&report);
      /* TRANSLATORS: "copied 5 standards, 7 editions, 1 234 log entries, 12 comments to postgresql:///kasip;
       * audit chain verifies" */
      g_print (_("copied %s to %s; audit chain verifies\n"), what, dst_uri);
      return 0;
    }

  if (g_error_matches (error, KSP_STORE_COPY_ERROR, KSP_STORE_COPY_ERROR_NOT_EMPTY))
    {
      what = describe (&report);
      /* TRANSLATORS: "%s" first: the destination; then what it holds ("2 standards, 0 editions, …") */
      g_printerr (_("kasip: %s is not empty (it holds %s): a workspace is copied only into a new file or an empty "
                    "database; nothing was changed\n"), dst_uri, what);
    }
  else
    ksp_cli_report (error);
  /* a file made for the copy goes again: the failure leaves things as they were */
  if (!dst_existed)
    {
      g_autofree char *wal = g_strconcat (dst_file, "-wal", NULL);
      g_autofree char *shm = g_strconcat (dst_file, "-shm", NULL);
      ksp_store_close (dst);
      g_clear_object (&dst);
      g_unlink (dst_file);
      g_unlink (wal);
      g_unlink (shm);
    }
  return 1;
}

/* kasip workspace copy SRC DST */
int
ksp_cli_workspace (int    argc,
                   char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr (GError) error = NULL;

  if (!ksp_cli_parse (entries, "workspace", &argc, &argv, &error))
    return ksp_cli_usage_error ("workspace", error->message);
  if (argc < 2 || g_strcmp0 (argv[1], "copy") != 0)
    return ksp_cli_usage_error ("workspace", _("the only action is copy"));
  if (argc != 4)
    return ksp_cli_usage_error ("workspace", _("give the workspace to copy and where to copy it"));
  if (g_strcmp0 (argv[2], argv[3]) == 0)
    return ksp_cli_usage_error ("workspace", _("the copy must go to another workspace"));
  return workspace_copy (argv[2], argv[3]);
}
