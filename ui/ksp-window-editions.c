/* ksp-window-editions.c: Editions… in the window
 *
 * A dialog for the standard shown: freeze the draft as an edition (date, the act that approved or amended
 * it, a note), the list of its editions — each opens read-only in the window, or becomes the draft again
 * (one undo step, after a confirmation) — and the text as in force on a date (the amendment history of
 * the text's notes). What each does is the model's: model/ksp-editions.h, model/ksp-amendments.h; the
 * window shows a read-only view with a "Back to the Draft" button (win.back-to-draft).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ksp-amendments.h"
#include "ksp-compare-window.h"
#include "ksp-editions.h"
#include "ksp-interface-language.h"
#include "ksp-window-private.h"

typedef struct
{
  KspWindow   *window;       /* not a reference: this lives as the window's data */
  GtkWidget   *dialog;       /* the open dialog, or NULL */
  GtkWidget   *date_row;
  GtkWidget   *act_row;
  GtkWidget   *note_row;
  GtkWidget   *freeze_button;
  GtkWidget   *list_group;
  GPtrArray   *list_rows;    /* the rows in list_group, to take out when the list is filled again */
  GtkWidget   *in_force_row;
} Editions;

static void
editions_free (Editions *ed)
{
  g_clear_pointer (&ed->list_rows, g_ptr_array_unref);
  g_free (ed);
}

static char *
dotted (const char *iso)
{
  int y, m, d;

  if (iso && sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
    return g_strdup_printf ("%02d.%02d.%04d", d, m, y);
  return g_strdup (iso ? iso : "");
}

static char *
edition_title (const KspEditionInfo *e)
{
  g_autofree char *date = dotted (e->date);
  /* Translators: "Edition 2 of 31.03.2026" */
  return g_strdup_printf (_("Edition %d of %s"), e->number, date);
}

/* Opening and reverting ----------------------------------------------------------------------------- */

static void
open_edition (Editions *ed,
              int       number)
{
  KspStore *store = ksp_window_get_store (ed->window);
  KspStandardInfo *info = _ksp_window_get_standard (ed->window);
  g_autoptr (GError) error = NULL;
  g_autoptr (KspEditionInfo) e = NULL;
  g_autoptr (KspDocument) doc = NULL;
  g_autofree char *title = NULL;

  if (info == NULL || !(e = ksp_editions_find (store, info->standard_id, number, &error)) ||
      !(doc = ksp_document_open (store, e->tree_id, &error)))
    {
      ksp_window_show_error (ed->window, error->message);
      return;
    }
  title = edition_title (e);
  ksp_document_set_read_only (doc, _("editions cannot be changed"));
  _ksp_window_show_view (ed->window, doc, title);
  if (ed->dialog)
    gtk_window_close (GTK_WINDOW (ed->dialog));
}

static void
close_dialog_idle (gpointer user_data)
{
  Editions *ed = user_data;

  if (ed->dialog)
    gtk_window_close (GTK_WINDOW (ed->dialog));
}

static void
on_revert_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Editions         *ed)
{
  int number = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "ksp-edition"));
  KspStore *store = ksp_window_get_store (ed->window);
  KspStandardInfo *info = _ksp_window_get_standard (ed->window);
  g_autoptr (GError) error = NULL;
  g_autoptr (KspEditionInfo) e = NULL;
  g_autoptr (KspNode) frozen = NULL;
  g_autofree char *label = NULL;
  g_autofree char *done = NULL;
  KspDocument *draft;

  if (g_strcmp0 (response, "revert") != 0 || info == NULL)
    return;
  _ksp_window_show_draft (ed->window);
  draft = ksp_window_get_document (ed->window);
  if (!(e = ksp_editions_find (store, info->standard_id, number, &error)) ||
      !(frozen = ksp_store_load_tree (store, e->tree_id, &error)))
    {
      ksp_window_show_error (ed->window, error->message);
      return;
    }
  ksp_element_form_commit (ksp_window_get_form (ed->window));
  /* Translators: the undo step's (and the audit trail's) name */
  label = g_strdup_printf (_("Revert to edition %d"), number);
  if (draft == NULL || !ksp_document_revert_to (draft, frozen, label, &error))
    {
      if (error)
        ksp_window_show_error (ed->window, error->message);
      return;
    }
  /* Translators: a notice after a revert */
  done = g_strdup_printf (_("The draft is edition %d again. Undo with Ctrl+Z."), number);
  ksp_window_show_error (ed->window, done);
  /* not from the message dialog's own response: closing its parent destroys it */
  if (ed->dialog)
    g_idle_add_once (close_dialog_idle, ed);
}

static void
ask_revert (Editions *ed,
            int       number)
{
  GtkWindow *parent = ed->dialog ? GTK_WINDOW (ed->dialog) : GTK_WINDOW (ed->window);
  g_autofree char *heading = g_strdup_printf (_("Revert the draft to edition %d?"), number);
  GtkWidget *dialog = adw_message_dialog_new (parent, heading,
                                              _("Everything changed in the draft since that edition goes back "
                                                "to how it was then. This is one step: Undo (Ctrl+Z) brings the "
                                                "changes back."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "revert", _("_Revert"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "revert", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "ksp-edition", GINT_TO_POINTER (number));
  g_signal_connect (dialog, "response", G_CALLBACK (on_revert_response), ed);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The standard's justifications, written in the compare view (model/diff/ksp-justifications.h). */
static void
attach_justifications (Editions         *ed,
                       KspCompareWindow *compare)
{
  KspStandardInfo *info = _ksp_window_get_standard (ed->window);
  g_autoptr (GError) error = NULL;
  g_autoptr (KspJustifications) notes = NULL;

  if (info == NULL)
    return;
  if (!(notes = ksp_justifications_load (ksp_window_get_store (ed->window), info->standard_id, &error)))
    {
      ksp_window_show_error (ed->window, error->message);
      return;
    }
  ksp_compare_window_set_justifications (compare, notes);
}

/* A compare window just made: the justifications attached, the dialog closed, the window shown. */
static KspCompareWindow *
show_compare (Editions         *ed,
              KspCompareWindow *compare)
{
  attach_justifications (ed, compare);
  if (ed->dialog)
    gtk_window_close (GTK_WINDOW (ed->dialog));
  gtk_window_present (GTK_WINDOW (compare));
  return compare;
}

/* The edition against the draft, in the compare view. */
static KspCompareWindow *
compare_edition (Editions *ed,
                 int       number)
{
  KspStore *store = ksp_window_get_store (ed->window);
  KspStandardInfo *info = _ksp_window_get_standard (ed->window);
  g_autoptr (GError) error = NULL;
  g_autoptr (KspEditionInfo) e = NULL;
  g_autofree char *title = NULL;
  KspCompareWindow *compare;

  if (_ksp_window_is_showing_view (ed->window))
    _ksp_window_show_draft (ed->window);
  if (info == NULL || ksp_window_get_document (ed->window) == NULL ||
      !(e = ksp_editions_find (store, info->standard_id, number, &error)))
    {
      if (error)
        ksp_window_show_error (ed->window, error->message);
      return NULL;
    }
  ksp_element_form_commit (ksp_window_get_form (ed->window));
  title = edition_title (e);
  /* the window at once: the edition is read in its worker while the draft is copied here (bench-compare
   * times this call) */
  if (!(compare = ksp_compare_window_new_for_edition (ed->window, store, e->tree_id,
                                                      ksp_document_get_root (ksp_window_get_document (ed->window)),
                                                      title, _("Draft"), &error)))
    {
      ksp_window_show_error (ed->window, error->message);
      return NULL;
    }
  return show_compare (ed, compare);
}

/* Two editions, the older on the left. */
static KspCompareWindow *
compare_two_editions (Editions *ed,
                      int       old_number,
                      int       new_number)
{
  KspStore *store = ksp_window_get_store (ed->window);
  KspStandardInfo *info = _ksp_window_get_standard (ed->window);
  g_autoptr (GError) error = NULL;
  g_autoptr (KspEditionInfo) old_e = NULL;
  g_autoptr (KspEditionInfo) new_e = NULL;
  g_autoptr (KspNode) old_root = NULL;
  g_autoptr (KspNode) new_root = NULL;
  g_autofree char *old_title = NULL, *new_title = NULL;
  KspCompareWindow *compare;

  if (info == NULL ||
      !(old_e = ksp_editions_find (store, info->standard_id, old_number, &error)) ||
      !(new_e = ksp_editions_find (store, info->standard_id, new_number, &error)) ||
      !(old_root = ksp_store_load_tree (store, old_e->tree_id, &error)) ||
      !(new_root = ksp_store_load_tree (store, new_e->tree_id, &error)))
    {
      if (error)
        ksp_window_show_error (ed->window, error->message);
      return NULL;
    }
  old_title = edition_title (old_e);
  new_title = edition_title (new_e);
  compare = ksp_compare_window_new (ed->window, old_root, new_root, old_title, new_title, FALSE);
  return show_compare (ed, compare);
}

/* @new_number: 0 for the draft. */
static KspCompareWindow *
compare_numbers (Editions *ed,
                 int       old_number,
                 int       new_number)
{
  if (new_number == 0)
    return compare_edition (ed, old_number);
  return compare_two_editions (ed, MIN (old_number, new_number), MAX (old_number, new_number));
}

/* The newest edition's number, 0 (after saying why) when the standard has none. */
static int
latest_edition (Editions *ed)
{
  KspStandardInfo *info = _ksp_window_get_standard (ed->window);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) editions = NULL;
  int latest = 0;

  if (info == NULL)
    return 0;
  if (!(editions = ksp_store_list_editions (ksp_window_get_store (ed->window), info->standard_id, &error)))
    {
      ksp_window_show_error (ed->window, error->message);
      return 0;
    }
  for (guint i = 0; i < editions->len; i++)
    latest = MAX (latest, ((KspEditionInfo *) g_ptr_array_index (editions, i))->number);
  if (latest == 0)
    ksp_window_show_error (ed->window, _("The standard has no edition yet: freeze the text in force as an edition "
                                         "first (File → Editions…), then the draft can be compared with it."));
  return latest;
}

static void
compare_activated (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  Editions *ed = user_data;
  int old_number, new_number;

  g_variant_get (param, "(ii)", &old_number, &new_number);
  compare_numbers (ed, old_number, new_number);
}

static void
compare_latest_activated (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  Editions *ed = user_data;
  int latest = latest_edition (ed);

  if (latest > 0)
    compare_edition (ed, latest);
}

/* File → Comparative Table… / Amending Order…: the newest edition against the draft, in the compare view,
 * whose export asks for the file as soon as the diff is done (the changes are there to look at). */
static void
document_activated (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  Editions *ed = user_data;
  int latest = latest_edition (ed);
  KspCompareWindow *compare;

  if (latest == 0 || !(compare = compare_edition (ed, latest)))
    return;
  ksp_compare_window_export_when_ready (compare, g_str_equal (g_action_get_name (G_ACTION (action)), "amending-order")
                                                 ? KSP_COMPARE_EXPORT_ORDER : KSP_COMPARE_EXPORT_TABLE);
}

static void
on_open_clicked (GtkButton *button,
                 Editions  *ed)
{
  open_edition (ed, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "ksp-edition")));
}

static void
on_revert_clicked (GtkButton *button,
                   Editions  *ed)
{
  ask_revert (ed, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "ksp-edition")));
}

/* The list ------------------------------------------------------------------------------------------ */

static GtkWidget *
row_button (Editions   *ed,
            const char *label,
            const char *accessible,
            int         number,
            GCallback   callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (button), "ksp-edition", GINT_TO_POINTER (number));
  g_signal_connect (button, "clicked", callback, ed);
  return button;
}

/* "Compare ▾": with the draft, or with any other edition. */
static GtkWidget *
compare_button (GPtrArray            *editions,
                const KspEditionInfo *e,
                const char           *accessible)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  {
    g_autoptr (GMenuItem) item = g_menu_item_new (_("With the _Draft"), NULL);
    g_menu_item_set_action_and_target (item, "win.compare", "(ii)", e->number, 0);
    g_menu_append_item (menu, item);
  }
  for (guint i = editions->len; i-- > 0;)
    {
      KspEditionInfo *other = g_ptr_array_index (editions, i);
      g_autofree char *title = NULL, *label = NULL;
      g_autoptr (GMenuItem) item = NULL;

      if (other->number == e->number)
        continue;
      title = edition_title (other);
      /* Translators: an item of an edition's Compare menu: "With Edition 1 of 30.04.2024" */
      label = g_strdup_printf (_("With %s"), title);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.compare", "(ii)", e->number, other->number);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("_Compare"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return button;
}

static void
fill_list (Editions *ed)
{
  KspStore *store = ksp_window_get_store (ed->window);
  KspStandardInfo *info = _ksp_window_get_standard (ed->window);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) editions = NULL;
  g_autofree char *next = NULL;

  for (guint i = 0; i < ed->list_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (ed->list_group), ed->list_rows->pdata[i]);
  g_ptr_array_set_size (ed->list_rows, 0);
  if (info == NULL)
    return;
  editions = ksp_store_list_editions (store, info->standard_id, &error);
  if (editions == NULL)
    {
      ksp_window_show_error (ed->window, error->message);
      return;
    }
  if (editions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No editions yet: the draft has not been frozen."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (ed->list_group), row);
      g_ptr_array_add (ed->list_rows, row);
    }
  for (guint i = editions->len; i-- > 0;)   /* the newest first */
    {
      KspEditionInfo *e = g_ptr_array_index (editions, i);
      g_autofree char *title = edition_title (e);
      g_autoptr (GString) subtitle = g_string_new (NULL);
      g_autofree char *open_name = NULL, *revert_name = NULL, *compare_name = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (e->act)
        g_string_append (subtitle, e->act);
      if (e->note)
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", e->note);
      if (e->created_by)
        /* Translators: who froze an edition */
        g_string_append_printf (subtitle, "%s%s %s", subtitle->len ? " · " : "", _("frozen by"), e->created_by);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      /* Translators: accessible names of the buttons of an edition's row; %s is "Edition 2 of 31.03.2026" */
      open_name = g_strdup_printf (_("Open %s read-only"), title);
      revert_name = g_strdup_printf (_("Revert the draft to %s"), title);
      compare_name = g_strdup_printf (_("Compare %s with the draft or another edition"), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), compare_button (editions, e, compare_name));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (ed, _("_Open"), open_name, e->number, G_CALLBACK (on_open_clicked)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (ed, _("_Revert Draft…"), revert_name, e->number,
                                             G_CALLBACK (on_revert_clicked)));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (ed->list_group), row);
      g_ptr_array_add (ed->list_rows, row);
    }
  /* Translators: the freeze button names the number the new edition will get */
  next = g_strdup_printf (_("_Freeze as Edition %u"), editions->len + 1);
  gtk_button_set_label (GTK_BUTTON (ed->freeze_button), next);
  gtk_widget_set_sensitive (ed->freeze_button, !ksp_store_is_read_only (store) && !_ksp_window_is_showing_view (ed->window));
}

/* Freezing ------------------------------------------------------------------------------------------- */

static void
on_freeze_clicked (Editions *ed)
{
  KspStore *store = ksp_window_get_store (ed->window);
  KspStandardInfo *info = _ksp_window_get_standard (ed->window);
  g_autoptr (GError) error = NULL;
  g_autofree char *done = NULL;
  gint64 tree;

  if (info == NULL)
    return;
  ksp_element_form_commit (ksp_window_get_form (ed->window));   /* what is being typed goes in */
  tree = ksp_editions_freeze (store, info->standard_id, gtk_editable_get_text (GTK_EDITABLE (ed->date_row)),
                              gtk_editable_get_text (GTK_EDITABLE (ed->act_row)),
                              gtk_editable_get_text (GTK_EDITABLE (ed->note_row)), &error);
  if (tree == 0)
    {
      gtk_widget_add_css_class (ed->date_row, "error");
      ksp_window_show_error (ed->window, error->message);
      return;
    }
  gtk_widget_remove_css_class (ed->date_row, "error");
  gtk_editable_set_text (GTK_EDITABLE (ed->act_row), "");
  gtk_editable_set_text (GTK_EDITABLE (ed->note_row), "");
  fill_list (ed);
  done = g_strdup (_("The draft is frozen as a new edition."));
  ksp_window_show_error (ed->window, done);
}

/* The text in force on a date ------------------------------------------------------------------------ */

static void
on_in_force_clicked (Editions *ed)
{
  KspDocument *draft = ksp_window_get_document (ed->window);
  const char *date = gtk_editable_get_text (GTK_EDITABLE (ed->in_force_row));
  /* the notes stand in the text: in the language of the text shown (Kazakh in a Kazakh interface) */
  KspUiLang lang = ksp_interface_data_language () == KSP_LANG_KK ? KSP_UI_LANG_KK : KSP_UI_LANG_RU;
  g_autoptr (GError) error = NULL;
  g_autoptr (KspNode) copy = NULL;
  g_autoptr (KspDocument) view = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *title = NULL;
  guint notices = 0;

  if (draft == NULL)
    return;
  if (_ksp_window_is_showing_view (ed->window))
    {
      _ksp_window_show_draft (ed->window);
      draft = ksp_window_get_document (ed->window);
    }
  ksp_element_form_commit (ksp_window_get_form (ed->window));
  copy = ksp_amendments_in_force_on (ksp_document_get_root (draft), date, lang, &notices, &error);
  if (copy == NULL)
    {
      gtk_widget_add_css_class (ed->in_force_row, "error");
      ksp_window_show_error (ed->window, error->message);
      return;
    }
  gtk_widget_remove_css_class (ed->in_force_row, "error");
  view = ksp_document_new (copy);
  ksp_document_set_read_only (view, _("the text as in force on a date is a view"));
  shown = dotted (date);
  /* Translators: %s a date, %u how many parts are replaced by a note */
  title = g_strdup_printf (ngettext ("The text as in force on %s (%u part not in this wording)",
                                     "The text as in force on %s (%u parts not in this wording)", notices),
                           shown, notices);
  _ksp_window_show_view (ed->window, view, title);
  if (ed->dialog)
    gtk_window_close (GTK_WINDOW (ed->dialog));
}

/* The dialog ----------------------------------------------------------------------------------------- */

static void
on_dialog_destroy (Editions *ed)
{
  ed->dialog = NULL;
  g_ptr_array_set_size (ed->list_rows, 0);
}

static GtkWidget *
entry_row (const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  return row;
}

static GtkWidget *
build_dialog (Editions *ed)
{
  KspStandardInfo *info = _ksp_window_get_standard (ed->window);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *title = NULL;
  GtkWidget *dialog, *page;
  GtkWidget *freeze = adw_preferences_group_new ();
  GtkWidget *in_force = adw_preferences_group_new ();
  GtkWidget *show = gtk_button_new_with_mnemonic (_("_Show"));
  GtkWidget *window_title;

  /* Translators: the Editions dialog's title; %s the standard's handle */
  title = g_strdup_printf (_("Editions of %s"), info && info->handle ? info->handle : "");
  window_title = adw_window_title_new (_("Editions"), info && info->handle ? info->handle : NULL);
  dialog = _ksp_window_page_dialog_new (ed->window, title, window_title, 640, 620, &page);
  /* the rows' menus act on the window: "win.compare" */
  gtk_widget_insert_action_group (dialog, "win", G_ACTION_GROUP (ed->window));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (freeze), _("Freeze the Draft"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (freeze),
                                         _("An edition is a copy of the draft that can no longer change: what "
                                           "was approved or sent for review. The draft goes on."));
  ed->date_row = entry_row (_("Date (YYYY-MM-DD)"), today);
  ed->act_row = entry_row (_("Act that approved or amended it"), NULL);
  ed->note_row = entry_row (_("Note"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (freeze), ed->date_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (freeze), ed->act_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (freeze), ed->note_row);
  ed->freeze_button = gtk_button_new_with_mnemonic (_("_Freeze"));
  gtk_widget_add_css_class (ed->freeze_button, "suggested-action");
  gtk_widget_set_halign (ed->freeze_button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (ed->freeze_button, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (freeze), ed->freeze_button);
  g_signal_connect_swapped (ed->freeze_button, "clicked", G_CALLBACK (on_freeze_clicked), ed);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (freeze));

  ed->list_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (ed->list_group), _("Editions"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (ed->list_group));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (in_force), _("Text in Force on a Date"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (in_force),
                                         _("The draft as in force on a date, after the amendments its notes name: "
                                           "a point whose wording is not yet in force shows a note in its place."));
  ed->in_force_row = entry_row (_("In force on (YYYY-MM-DD)"), today);
  gtk_widget_set_valign (show, GTK_ALIGN_CENTER);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (ed->in_force_row), show);
  g_signal_connect_swapped (show, "clicked", G_CALLBACK (on_in_force_clicked), ed);
  g_signal_connect_swapped (ed->in_force_row, "entry-activated", G_CALLBACK (on_in_force_clicked), ed);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (ed->in_force_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (in_force), ed->in_force_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (in_force));

  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (on_dialog_destroy), ed);
  return dialog;
}

static void
editions_activated (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  Editions *ed = user_data;

  if (_ksp_window_get_standard (ed->window) == NULL)
    return;
  if (ed->dialog == NULL)
    ed->dialog = build_dialog (ed);
  fill_list (ed);
  gtk_window_present (GTK_WINDOW (ed->dialog));
}

static void
back_to_draft_activated (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  Editions *ed = user_data;

  _ksp_window_show_draft (ed->window);
}

static const GActionEntry editions_actions[] = {
  { "editions", editions_activated },
  { "back-to-draft", back_to_draft_activated },
  { "compare", compare_activated, "(ii)" },
  { "compare-latest", compare_latest_activated },
  { "comparative-table", document_activated },
  { "amending-order", document_activated },
};

void
_ksp_window_editions_setup (KspWindow *window)
{
  Editions *ed = g_new0 (Editions, 1);

  ed->window = window;
  ed->list_rows = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (window), "ksp-editions", ed, (GDestroyNotify) editions_free);
  g_action_map_add_action_entries (G_ACTION_MAP (window), editions_actions, G_N_ELEMENTS (editions_actions), ed);
}
