/* bench-pg-load: many people editing one standard of a shared (PostgreSQL) workspace at once (issue 17)
 *
 *   bench-pg-load --uri OWNER-URI --client-uri 'postgresql:///DB?host=DIR&user=@USER@'
 *                 [--clients 20] [--edits 200] [--targets 6] [--seed 17] [--pause-ms 0] [--outage]
 *
 * Run by bench/run-pg-load.sh (which makes a throw-away server and the database roles); not alone.
 *
 * The owner's address makes the workspace and adds the sample standard (as `kasip sample` does). Then
 * CLIENTS threads each open their own connection (ksp_store_open_uri of the client address, @USER@ the
 * client's database role load01, load02, …) and their own KspDocument on the standard's draft, and make
 * EDITS edits each with ksp_document_set_value, every one with a text of its own ("client 7 edit 123"), on
 * a field picked at random among a few (element, field, language) targets that every client shares, so
 * that edits cross: a client whose step meets another's newer change gets KSP_DOCUMENT_ERROR_CONFLICT (and
 * must be told who: ksp_document_get_conflict names another author) and goes on with the next edit, its
 * tree now holding theirs. Every acknowledged edit (set_value returned TRUE) is kept with its entry of the
 * change log (ksp_document_get_revision right after).
 *
 * With --outage the server is expected to go away meanwhile (tests/store/check-pg-kill.sh stops it with
 * pg_ctl stop -m immediate and starts it again): a client whose step fails with KSP_STORE_ERROR_DISCONNECTED
 * counts it, waits a little and sends the same edit again (the store connects again on its next call) for
 * up to a minute; an edit whose COMMIT went out but whose reply was lost may have been stored, and the
 * client's next step finds it in the log as a conflict with its own text: that edit is acknowledged then.
 *
 * At the end a new connection checks: every acknowledged edit is in the change log (an entry by that
 * author, with that value for that field); the draft's stored value of each target is the new value of
 * the last entry that set it; every client's tree, synced, holds the same; the audit chain verifies
 * (ksp_store_verify). It prints the figures and exits 1 if an acknowledged edit was lost, a conflict was
 * not reported, a step failed otherwise, or the chain does not verify.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ksp-document.h"
#include "ksp-sample.h"
#include "ksp-store.h"

/* How long a client goes on sending an edit again while the server is away. */
#define OUTAGE_PATIENCE_US (60 * G_USEC_PER_SEC)
#define RETRY_PAUSE_US     (100 * 1000)

typedef struct
{
  char    *element_id;
  char    *field;
  KspLang  lang;
} Target;

/* An acknowledged edit. */
typedef struct
{
  guint   client;
  guint   edit;
  guint   target;
  char   *text;
  gint64  entry_id;
  gboolean after_outage;   /* found stored when the client came back (its reply had been lost) */
} Ack;

typedef struct _Load Load;

typedef struct
{
  Load        *load;
  guint        index;
  char        *user;
  KspStore    *store;
  KspDocument *doc;
  GThread     *thread;

  GArray      *latencies;   /* (element-type double): ms of every step answered (stored or conflict) */
  GPtrArray   *acks;        /* (element-type Ack) */
  guint        n_conflicts;
  guint        n_unreported;   /* a conflict without a KspConflict naming another author */
  guint        n_outage_errors;
  guint        n_outages;      /* runs of lost-connection errors … */
  guint        n_reconnected;  /* … after which the client's next step was answered */
  guint        n_errors;       /* anything else */
  gboolean     gave_up;
  char        *first_error;
  char        *first_outage_error;
} Client;

struct _Load
{
  const char *uri;
  const char *client_uri;
  guint       n_clients;
  guint       n_edits;
  guint       n_targets;
  guint       seed;
  guint       pause_ms;
  gboolean    outage;

  char       *standard_id;
  gint64      draft_tree;
  Target     *targets;

  /* the clients start together */
  GMutex      mutex;
  GCond       cond;
  guint       n_ready;
  gboolean    go;
  gint        n_done;   /* (atomic) steps answered, for the progress line */
};

static void
ack_free (Ack *ack)
{
  g_free (ack->text);
  g_free (ack);
}

static char *
client_user (guint index)
{
  return g_strdup_printf ("load%02u", index + 1);
}

static char *
replace_user (const char *template,
              const char *user)
{
  g_auto (GStrv) parts = g_strsplit (template, "@USER@", -1);
  return g_strjoinv (user, parts);
}

static gboolean
same_target (const KspChangeRecord *r,
             const Target          *t)
{
  return r->op == KSP_RECORD_SET && g_strcmp0 (r->element_id, t->element_id) == 0 &&
         g_strcmp0 (r->field, t->field) == 0 && r->lang == t->lang;
}

/* ---------------------------------------------------------------------------------------------- */
/* set-up                                                                                          */

typedef struct
{
  GPtrArray *candidates;   /* (element-type Target) */
} Collect;

static void
collect_value (KspNode    *node,
               const char *field,
               KspLang     lang,
               const char *value,
               gpointer    user_data)
{
  Collect *c = user_data;
  Target *t;

  /* a function's name is linked to its entry in the list of functions (two records): kept out, for one
   * record per edit */
  if (lang == KSP_LANG_NONE || value == NULL || *value == '\0' || g_str_equal (ksp_node_get_kind (node), "function"))
    return;
  t = g_new0 (Target, 1);
  t->element_id = g_strdup (ksp_node_get_id (node));
  t->field = g_strdup (field);
  t->lang = lang;
  g_ptr_array_add (c->candidates, t);
}

static void
collect_tree (KspNode *node,
              Collect *c)
{
  ksp_node_foreach_value (node, collect_value, c);
  for (guint i = 0; i < ksp_node_get_n_children (node); i++)
    collect_tree (ksp_node_get_child (node, i), c);
}

static void
target_free (Target *t)
{
  g_free (t->element_id);
  g_free (t->field);
  g_free (t);
}

/* Makes the workspace with the sample standard, and picks the targets from its draft. */
static gboolean
set_up (Load    *load,
        GError **error)
{
  g_autoptr (KspStore) store = ksp_store_open_uri (load->uri, KSP_STORE_OPEN_CREATE, error);
  g_autoptr (GPtrArray) standards = NULL;
  g_autoptr (KspNode) root = NULL;
  g_autoptr (GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) target_free);
  g_autoptr (GRand) rand = g_rand_new_with_seed (load->seed);
  Collect c = { candidates };
  KspStandardInfo *info;

  if (store == NULL || !(standards = ksp_store_list_standards (store, error)))
    return FALSE;
  if (standards->len == 0)
    {
      g_autoptr (KspNode) sample = ksp_sample_new_document ();
      if (ksp_store_add_standard (store, sample, error) <= 0)
        return FALSE;
      g_clear_pointer (&standards, g_ptr_array_unref);
      if (!(standards = ksp_store_list_standards (store, error)))
        return FALSE;
    }
  info = g_ptr_array_index (standards, 0);
  load->standard_id = g_strdup (info->standard_id);
  load->draft_tree = info->draft_tree;
  if (!(root = ksp_store_load_tree (store, load->draft_tree, error)))
    return FALSE;
  collect_tree (root, &c);
  if (candidates->len < load->n_targets)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the sample has %u fields to edit, %u asked for",
                   candidates->len, load->n_targets);
      return FALSE;
    }
  load->targets = g_new0 (Target, load->n_targets);
  for (guint i = 0; i < load->n_targets; i++)
    {
      guint pick = (guint) g_rand_int_range (rand, 0, (gint32) candidates->len);
      Target *t = g_ptr_array_steal_index_fast (candidates, pick);
      load->targets[i] = *t;
      g_free (t);
    }
  ksp_store_close (store);
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------- */
/* a client                                                                                        */

static void
client_fail (Client     *client,
             const char *message)
{
  client->n_errors++;
  if (client->first_error == NULL)
    client->first_error = g_strdup (message);
}

/* One edit, sent again while the connection is lost (--outage). */
static void
client_edit (Client *client,
             guint   edit,
             GRand  *rand)
{
  Load *load = client->load;
  guint target = (guint) g_rand_int_range (rand, 0, (gint32) load->n_targets);
  const Target *t = &load->targets[target];
  g_autofree char *text = g_strdup_printf ("client %u edit %u", client->index + 1, edit + 1);
  gint64 outage_since = 0;

  for (;;)
    {
      g_autoptr (GError) error = NULL;
      KspNode *node = ksp_document_lookup (client->doc, t->element_id);
      gint64 start = g_get_monotonic_time ();
      gboolean ok;
      double ms;

      if (node == NULL)
        {
          client_fail (client, "a target is not in the client's tree");
          return;
        }
      ok = ksp_document_set_value (client->doc, node, t->field, t->lang, text, &error);
      ms = (double) (g_get_monotonic_time () - start) / 1000.0;
      if (!ok && g_error_matches (error, KSP_STORE_ERROR, KSP_STORE_ERROR_DISCONNECTED))
        {
          client->n_outage_errors++;
          if (client->first_outage_error == NULL)
            client->first_outage_error = g_strdup (error->message);
          if (!load->outage)
            {
              client_fail (client, error->message);
              return;
            }
          if (outage_since == 0)
            {
              outage_since = start;
              client->n_outages++;
            }
          else if (start - outage_since > OUTAGE_PATIENCE_US)
            {
              client->gave_up = TRUE;
              client_fail (client, error->message);
              return;
            }
          g_usleep (RETRY_PAUSE_US);
          continue;
        }
      if (outage_since != 0)
        client->n_reconnected++;
      if (ok)
        {
          Ack *ack = g_new0 (Ack, 1);
          ack->client = client->index;
          ack->edit = edit;
          ack->target = target;
          ack->text = g_steal_pointer (&text);
          ack->entry_id = ksp_document_get_revision (client->doc);
          g_ptr_array_add (client->acks, ack);
          g_array_append_val (client->latencies, ms);
        }
      else if (g_error_matches (error, KSP_DOCUMENT_ERROR, KSP_DOCUMENT_ERROR_CONFLICT))
        {
          const KspConflict *c = ksp_document_get_conflict (client->doc);

          g_array_append_val (client->latencies, ms);
          if (c && g_strcmp0 (c->author, client->user) == 0 && g_strcmp0 (c->theirs, text) == 0 && outage_since != 0)
            {
              /* its COMMIT reached the server before the connection went: stored after all */
              Ack *ack = g_new0 (Ack, 1);
              ack->client = client->index;
              ack->edit = edit;
              ack->target = target;
              ack->text = g_steal_pointer (&text);
              ack->entry_id = c->entry_id;
              ack->after_outage = TRUE;
              g_ptr_array_add (client->acks, ack);
            }
          else
            {
              client->n_conflicts++;
              if (c == NULL || c->author == NULL || g_str_equal (c->author, client->user) || c->entry_id <= 0 ||
                  g_strcmp0 (c->element_id, t->element_id) != 0)
                client->n_unreported++;
            }
        }
      else
        client_fail (client, error ? error->message : "refused without a reason");
      g_atomic_int_inc (&load->n_done);
      return;
    }
}

static gpointer
client_run (gpointer data)
{
  Client *client = data;
  Load *load = client->load;
  g_autoptr (GRand) rand = g_rand_new_with_seed (load->seed * 1000u + client->index);

  g_mutex_lock (&load->mutex);
  load->n_ready++;
  g_cond_broadcast (&load->cond);
  while (!load->go)
    g_cond_wait (&load->cond, &load->mutex);
  g_mutex_unlock (&load->mutex);

  for (guint e = 0; e < load->n_edits && !client->gave_up; e++)
    {
      client_edit (client, e, rand);
      if (load->pause_ms)
        g_usleep (load->pause_ms * 1000);
    }
  return NULL;
}

static gboolean
client_open (Client  *client,
             GError **error)
{
  Load *load = client->load;
  g_autofree char *uri = replace_user (load->client_uri, client->user);

  if (!(client->store = ksp_store_open_uri (uri, KSP_STORE_OPEN_DEFAULT, error)))
    return FALSE;
  if (!(client->doc = ksp_document_open (client->store, load->draft_tree, error)))
    return FALSE;
  /* the author recorded in the log: the database role on a server that says who you are (then the same
   * name), else this */
  ksp_document_set_user (client->doc, client->user);
  return TRUE;
}

static void
client_clear (Client *client)
{
  g_clear_object (&client->doc);
  if (client->store)
    ksp_store_close (client->store);
  g_clear_object (&client->store);
  g_free (client->user);
  g_array_unref (client->latencies);
  g_ptr_array_unref (client->acks);
  g_free (client->first_error);
  g_free (client->first_outage_error);
}

/* ---------------------------------------------------------------------------------------------- */
/* the check                                                                                       */

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y ? 1 : 0;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i;

  if (sorted->len == 0)
    return 0;
  i = (guint) (p * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

/* A new connection, waiting a little for a server that is starting again. */
static KspStore *
open_checker (Load    *load,
              GError **error)
{
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr (GError) local = NULL;
      KspStore *store = ksp_store_open_uri (load->uri, KSP_STORE_OPEN_DEFAULT, &local);

      if (store || g_get_monotonic_time () > until)
        {
          if (store == NULL)
            g_propagate_error (error, g_steal_pointer (&local));
          return store;
        }
      g_usleep (200 * 1000);
    }
}

static const char *
lang_name (KspLang lang)
{
  return ksp_lang_to_string (lang);
}

int
main (int    argc,
      char **argv)
{
  Load load = { 0 };
  g_autofree char *uri = NULL, *client_uri = NULL;
  int n_clients = 20, n_edits = 200, n_targets = 6, seed = 17, pause_ms = 0;
  gboolean outage = FALSE;
  GOptionEntry entries[] = {
    { "uri", 0, 0, G_OPTION_ARG_STRING, &uri, "The owner's address (makes the workspace, checks it)", "URI" },
    { "client-uri", 0, 0, G_OPTION_ARG_STRING, &client_uri, "The clients' address, @USER@ their role", "URI" },
    { "clients", 0, 0, G_OPTION_ARG_INT, &n_clients, "Concurrent clients (20)", "N" },
    { "edits", 0, 0, G_OPTION_ARG_INT, &n_edits, "Edits per client (200)", "N" },
    { "targets", 0, 0, G_OPTION_ARG_INT, &n_targets, "Fields the clients share (6)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed (17)", "N" },
    { "pause-ms", 0, 0, G_OPTION_ARG_INT, &pause_ms, "Pause after each edit (0)", "MS" },
    { "outage", 0, 0, G_OPTION_ARG_NONE, &outage, "The server goes away meanwhile: send edits again", NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- concurrent clients on a PostgreSQL workspace");
  g_autoptr (GError) error = NULL;
  g_autoptr (KspStore) checker = NULL;
  g_autoptr (GPtrArray) log = NULL;
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (KspNode) stored = NULL;
  g_autoptr (KspStoreVerification) verification = NULL;
  g_autoptr (GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  Client *clients;
  gint64 t0, t_load, t_total;
  guint n_acks = 0, n_conflicts = 0, n_unreported = 0, n_errors = 0, n_outage_errors = 0, n_outages = 0;
  guint n_reconnected = 0, n_lost = 0, n_misplaced = 0, n_mismatch = 0, n_diverged = 0, n_after_outage = 0;
  guint n_gave_up = 0, n_clients_outage = 0;
  const char *first_error = NULL, *first_outage_error = NULL;
  gboolean chain_ok;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (uri == NULL || client_uri == NULL || n_clients <= 0 || n_edits <= 0 || n_targets <= 0 || pause_ms < 0)
    {
      g_printerr ("usage: bench-pg-load --uri URI --client-uri URI [--clients N] [--edits N] [--targets N] …"
                  " (run by bench/run-pg-load.sh)\n");
      return 2;
    }
  load.uri = uri;
  load.client_uri = client_uri;
  load.n_clients = (guint) n_clients;
  load.n_edits = (guint) n_edits;
  load.n_targets = (guint) n_targets;
  load.seed = (guint) seed;
  load.pause_ms = (guint) pause_ms;
  load.outage = outage;
  g_mutex_init (&load.mutex);
  g_cond_init (&load.cond);

  t0 = g_get_monotonic_time ();
  if (!set_up (&load, &error))
    {
      g_printerr ("set-up: %s\n", error->message);
      return 1;
    }
  printf ("workspace: the sample standard %s, draft tree %" G_GINT64_FORMAT "; targets:", load.standard_id,
          load.draft_tree);
  for (guint i = 0; i < load.n_targets; i++)
    printf (" %s/%s/%s", load.targets[i].element_id, load.targets[i].field, lang_name (load.targets[i].lang));
  printf ("\n");

  clients = g_new0 (Client, load.n_clients);
  for (guint i = 0; i < load.n_clients; i++)
    {
      Client *client = &clients[i];
      client->load = &load;
      client->index = i;
      client->user = client_user (i);
      client->latencies = g_array_new (FALSE, FALSE, sizeof (double));
      client->acks = g_ptr_array_new_with_free_func ((GDestroyNotify) ack_free);
      if (!client_open (client, &error))
        {
          g_printerr ("client %u (%s): %s\n", i + 1, client->user, error->message);
          return 1;
        }
      client->thread = g_thread_new (client->user, client_run, client);
    }
  g_mutex_lock (&load.mutex);
  while (load.n_ready < load.n_clients)
    g_cond_wait (&load.cond, &load.mutex);
  t_load = g_get_monotonic_time ();
  load.go = TRUE;
  g_cond_broadcast (&load.cond);
  g_mutex_unlock (&load.mutex);
  printf ("load running: %u clients × %u edits on %u shared fields\n", load.n_clients, load.n_edits, load.n_targets);
  fflush (stdout);

  for (guint i = 0; i < load.n_clients; i++)
    g_thread_join (clients[i].thread);
  t_load = g_get_monotonic_time () - t_load;

  for (guint i = 0; i < load.n_clients; i++)
    {
      Client *client = &clients[i];
      n_acks += client->acks->len;
      n_conflicts += client->n_conflicts;
      n_unreported += client->n_unreported;
      n_errors += client->n_errors;
      n_outage_errors += client->n_outage_errors;
      n_outages += client->n_outages;
      n_reconnected += client->n_reconnected;
      n_gave_up += client->gave_up;
      n_clients_outage += client->n_outages > 0;
      if (first_error == NULL)
        first_error = client->first_error;
      if (first_outage_error == NULL)
        first_outage_error = client->first_outage_error;
      g_array_append_vals (latencies, client->latencies->data, client->latencies->len);
      for (guint j = 0; j < client->acks->len; j++)
        n_after_outage += ((Ack *) g_ptr_array_index (client->acks, j))->after_outage;
    }

  /* the check, on a new connection */
  if (!(checker = open_checker (&load, &error)) || !(log = ksp_store_list_log (checker, load.standard_id, &error)) ||
      !(stored = ksp_store_load_tree (checker, load.draft_tree, &error)) ||
      !(verification = ksp_store_verify (checker, &error)))
    {
      g_printerr ("check: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < log->len; i++)
    {
      KspLogEntry *entry = g_ptr_array_index (log, i);
      g_hash_table_insert (by_id, &entry->id, entry);
    }
  for (guint i = 0; i < load.n_clients; i++)
    for (guint j = 0; j < clients[i].acks->len; j++)
      {
        Ack *ack = g_ptr_array_index (clients[i].acks, j);
        const Target *t = &load.targets[ack->target];
        KspLogEntry *entry = g_hash_table_lookup (by_id, &ack->entry_id);
        gboolean found = FALSE;

        for (guint k = 0; entry && !found && k < entry->records->len; k++)
          {
            const KspChangeRecord *r = g_ptr_array_index (entry->records, k);
            found = g_strcmp0 (entry->author, clients[i].user) == 0 && same_target (r, t) &&
                    g_strcmp0 (r->new_value, ack->text) == 0;
          }
        if (found)
          continue;
        /* not at the entry the client was told: anywhere? */
        for (guint e = 0; !found && e < log->len; e++)
          {
            KspLogEntry *other = g_ptr_array_index (log, e);
            for (guint k = 0; !found && k < other->records->len; k++)
              {
                const KspChangeRecord *r = g_ptr_array_index (other->records, k);
                found = g_strcmp0 (other->author, clients[i].user) == 0 && same_target (r, t) &&
                        g_strcmp0 (r->new_value, ack->text) == 0;
              }
          }
        if (found)
          n_misplaced++;
        else
          {
            n_lost++;
            g_printerr ("lost: %s's «%s» (entry %" G_GINT64_FORMAT ")\n", clients[i].user, ack->text, ack->entry_id);
          }
      }
  for (guint i = 0; i < load.n_targets; i++)
    {
      const Target *t = &load.targets[i];
      const char *last = NULL;
      KspNode *node = g_strcmp0 (ksp_node_get_id (stored), t->element_id) == 0
                        ? stored : ksp_node_find_descendant (stored, t->element_id);
      const char *value = node ? ksp_node_get_value (node, t->field, t->lang) : NULL;
      gboolean set = FALSE;

      for (guint e = 0; e < log->len; e++)
        {
          KspLogEntry *entry = g_ptr_array_index (log, e);
          for (guint k = 0; k < entry->records->len; k++)
            {
              const KspChangeRecord *r = g_ptr_array_index (entry->records, k);
              if (same_target (r, t))
                {
                  last = r->new_value;
                  set = TRUE;
                }
            }
        }
      if (set && g_strcmp0 (last, value) != 0)
        {
          n_mismatch++;
          g_printerr ("%s/%s/%s: stored «%s», the log's last «%s»\n", t->element_id, t->field, lang_name (t->lang),
                      value ? value : "(absent)", last ? last : "(absent)");
        }
      /* every client's tree, brought up to the store, holds it too */
      for (guint c = 0; c < load.n_clients; c++)
        {
          g_autoptr (GError) sync_error = NULL;
          KspNode *mine;

          if (!ksp_document_sync (clients[c].doc, NULL, &sync_error))
            {
              n_diverged++;
              g_printerr ("%s: sync: %s\n", clients[c].user, sync_error->message);
              continue;
            }
          mine = ksp_document_lookup (clients[c].doc, t->element_id);
          if (mine == NULL || g_strcmp0 (ksp_node_get_value (mine, t->field, t->lang), value) != 0)
            {
              n_diverged++;
              g_printerr ("%s: its tree holds «%s» for %s/%s/%s, the store «%s»\n", clients[c].user,
                          mine ? ksp_node_get_value (mine, t->field, t->lang) : "(no element)", t->element_id,
                          t->field, lang_name (t->lang), value ? value : "(absent)");
            }
        }
    }
  chain_ok = ksp_store_verification_ok (verification);
  t_total = g_get_monotonic_time () - t0;

  g_array_sort (latencies, compare_double);
  printf ("clients: %u\n", load.n_clients);
  printf ("edits: %u (%u each)\n", load.n_clients * load.n_edits, load.n_edits);
  printf ("acknowledged: %u", n_acks);
  if (n_after_outage)
    printf (" (%u of them found stored when the connection came back: their reply had been lost)", n_after_outage);
  printf ("\n");
  printf ("conflicts: %u (reported with who: %u)\n", n_conflicts, n_conflicts - n_unreported);
  printf ("other errors: %u%s%s\n", n_errors, first_error ? ": " : "", first_error ? first_error : "");
  if (load.outage || n_outage_errors)
    {
      printf ("outage errors: %u (in %u outages of %u clients)\n", n_outage_errors, n_outages, n_clients_outage);
      printf ("first outage error: %s\n", first_outage_error ? first_outage_error : "(none)");
      printf ("reconnected: %u (gave up: %u)\n", n_reconnected, n_gave_up);
    }
  printf ("log entries: %u; at another entry than the client was told: %u\n", log->len, n_misplaced);
  printf ("final values as the log's last: %u of %u; client trees differing after sync: %u\n",
          load.n_targets - n_mismatch, load.n_targets, n_diverged);
  printf ("lost: %u\n", n_lost + n_mismatch);
  printf ("chain verifies: %s (%u entries)\n", chain_ok ? "yes" : "NO", verification->n_entries);
  printf ("latency (ms, %u steps answered): p50 %.1f, p95 %.1f, max %.1f\n", latencies->len,
          percentile (latencies, 0.50), percentile (latencies, 0.95),
          latencies->len ? g_array_index (latencies, double, latencies->len - 1) : 0.0);
  printf ("throughput: %.0f edits/s answered, %.0f acknowledged/s, over %.2f s\n",
          latencies->len / ((double) t_load / G_USEC_PER_SEC), n_acks / ((double) t_load / G_USEC_PER_SEC),
          (double) t_load / G_USEC_PER_SEC);
  printf ("total time: %.2f s\n", (double) t_total / G_USEC_PER_SEC);
  fflush (stdout);   /* before anything at exit (a sanitizer's report) can end the process */

  for (guint i = 0; i < load.n_clients; i++)
    client_clear (&clients[i]);
  g_free (clients);
  for (guint i = 0; i < load.n_targets; i++)
    {
      g_free (load.targets[i].element_id);
      g_free (load.targets[i].field);
    }
  g_free (load.targets);
  g_free (load.standard_id);
  ksp_store_close (checker);

  if (n_lost + n_mismatch > 0 || !chain_ok || n_unreported > 0 || n_errors > 0 || n_diverged > 0 ||
      (load.outage && n_outage_errors == 0))
    {
      printf ("FAILED%s\n", load.outage && n_outage_errors == 0 ? " (no client saw the server go away)" : "");
      return 1;
    }
  return 0;
}
