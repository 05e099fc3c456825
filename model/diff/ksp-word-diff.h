/* ksp-word-diff.h: texts compared word by word, and what is not a change
 *
 * The structural diff (ksp-diff.h) matches elements and finds the fields whose text changed; this file
 * says what changed inside such a text, as spans a reader can follow, and decides which differences are
 * noise. Words are cut at GLib's Unicode word boundaries (g_unichar_isalnum runs; Kazakh and Russian
 * letters alike), so «білім» and «знания» are one token each, and spaces and punctuation are tokens of
 * their own. After the token diff a semantic clean-up (as diff-match-patch's diff_cleanupSemantic) folds
 * short equal runs between two edits into the edit, so a rewritten sentence is one replace, not twenty
 * fragments.
 *
 * Noise (ksp_text_normalize): runs of whitespace (spaces, tabs, line breaks, NBSP U+00A0, narrow NBSP
 * U+202F, thin spaces) are one space; leading and trailing whitespace goes; quotes «» „“ "" ‘’ '' are
 * one quote; dashes ‐ ‑ – — are one dash when they stand between spaces; trailing punctuation . ; , : goes.
 * Two texts whose normal forms are equal are the same text.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KSP_SPAN_EQUAL,
  KSP_SPAN_DELETE, /* in the old text only */
  KSP_SPAN_INSERT, /* in the new text only */
} KspSpanOp;

typedef struct {
  KspSpanOp  op;
  char      *text;  /* the text of the span, as written in its side (not normalised) */
} KspWordSpan;

void         ksp_word_span_free        (KspWordSpan *span);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspWordSpan, ksp_word_span_free)

const char  *ksp_span_op_to_string     (KspSpanOp    op);   /* "equal", "delete", "insert" */

/* Returns: (transfer full) (element-type KspWordSpan): the spans that turn @old_text into @new_text;
 * concatenating the EQUAL and DELETE spans gives @old_text, the EQUAL and INSERT spans @new_text
 * (byte for byte). NULL texts are empty. In a replaced run the DELETE span comes before the INSERT. */
GPtrArray   *ksp_word_diff             (const char  *old_text,
                                        const char  *new_text);

/* Returns: (transfer full): @text with its noise removed (see above); NULL for NULL. */
char        *ksp_text_normalize        (const char  *text);

/* TRUE when the two texts differ only by noise (NULL equals NULL only). */
gboolean     ksp_text_equivalent       (const char  *a,
                                        const char  *b);

/* How alike two texts are, from 0 (nothing in common) to 1 (the same words): the Dice coefficient of
 * their multisets of case-folded word tokens (punctuation and spaces ignored). Two empty texts give 1. */
double       ksp_text_similarity       (const char  *a,
                                        const char  *b);

G_END_DECLS
