/* ksp-word-diff.c: see ksp-word-diff.h. (A placeholder until the word diff lands.) */
#include "ksp-word-diff.h"

#include <string.h>

void
ksp_word_span_free (KspWordSpan *span)
{
  if (span == NULL)
    return;
  g_free (span->text);
  g_free (span);
}

const char *
ksp_span_op_to_string (KspSpanOp op)
{
  switch (op)
    {
    case KSP_SPAN_DELETE:
      return "delete";
    case KSP_SPAN_INSERT:
      return "insert";
    case KSP_SPAN_EQUAL:
    default:
      return "equal";
    }
}

static void
add_span (GPtrArray *spans, KspSpanOp op, const char *text)
{
  KspWordSpan *span;

  if (text == NULL || *text == '\0')
    return;
  span = g_new0 (KspWordSpan, 1);
  span->op = op;
  span->text = g_strdup (text);
  g_ptr_array_add (spans, span);
}

GPtrArray *
ksp_word_diff (const char *old_text,
               const char *new_text)
{
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) ksp_word_span_free);

  if (g_strcmp0 (old_text, new_text) == 0)
    add_span (spans, KSP_SPAN_EQUAL, old_text);
  else
    {
      add_span (spans, KSP_SPAN_DELETE, old_text);
      add_span (spans, KSP_SPAN_INSERT, new_text);
    }
  return spans;
}

char *
ksp_text_normalize (const char *text)
{
  if (text == NULL)
    return NULL;
  return g_strstrip (g_strdup (text));
}

gboolean
ksp_text_equivalent (const char *a,
                     const char *b)
{
  g_autofree char *na = ksp_text_normalize (a);
  g_autofree char *nb = ksp_text_normalize (b);

  return g_strcmp0 (na, nb) == 0;
}

double
ksp_text_similarity (const char *a,
                     const char *b)
{
  return ksp_text_equivalent (a, b) ? 1.0 : 0.0;
}
