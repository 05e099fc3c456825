/* ksp-messages.h: the validator's messages in Russian, Kazakh and English
 *
 * A finding (ksp-validator.h) is data: a message identifier and its arguments, and a path made of
 * segments. This catalogue turns them into text in the interface's language. Each message has one
 * template per language with positional placeholders ({1}, {2}, …), so the word order can differ;
 * a missing translation falls back to Russian.
 *
 * An argument is inserted as it is (codes, numbers, texts quoted from the standard), except:
 *  - "@ID" names a term of the catalogue (an ОКЭД rank, a list's name, …), rendered in the language;
 *    "@ID\x1fA\x1fB" fills the term's own placeholders with A, B (inserted as they are);
 *  - "@@…" is the text "@…" (ksp_message_arg_text() escapes it so);
 *  - items separated by "\x1e" are a list, rendered item by item and joined with ", ".
 * ksp_message_arg_text(), ksp_message_arg_term() and ksp_message_arg_list() build such arguments.
 *
 * A path segment is "KIND\tNUMBER" ("card\t9", "function\t1", "technical\t"): the kind's label in
 * the language and the number as written; segments are joined with " › " (a "line" segment with ", ").
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KSP_UI_LANG_EN = 0,
  KSP_UI_LANG_RU,
  KSP_UI_LANG_KK,
} KspUiLang;

/* One entry of the catalogue: a message or a term. */
typedef struct {
  const char *id;
  const char *ru;
  const char *kk;
  const char *en;
} KspMessage;

#define KSP_MESSAGE_LIST_SEP "\x1e"
#define KSP_MESSAGE_TERM_SEP "\x1f"

KspUiLang         ksp_ui_lang_default      (void);
gboolean          ksp_ui_lang_from_string  (const char         *s,
                                            KspUiLang          *out);
const char       *ksp_ui_lang_to_string    (KspUiLang           lang);

const KspMessage *ksp_messages_list        (guint              *n_messages);
const KspMessage *ksp_message_terms_list   (guint              *n_terms);
const KspMessage *ksp_message_lookup       (const char         *id);
const KspMessage *ksp_message_lookup_term  (const char         *id);
const char       *ksp_message_get_text     (const KspMessage   *message,
                                            KspUiLang           lang);

char             *ksp_message_render       (const char         *id,
                                            const char *const  *args,
                                            KspUiLang           lang);
char             *ksp_message_render_path  (const char *const  *segments,
                                            KspUiLang           lang);

char             *ksp_message_arg_text     (const char         *text);
char             *ksp_message_arg_term     (const char         *term_id,
                                            const char *const  *term_args);
char             *ksp_message_arg_list     (const char *const  *items);

G_END_DECLS
