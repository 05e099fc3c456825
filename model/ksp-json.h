/* ksp-json.h: the little JSON the CLI prints (findings, import summaries, diffs)
 *
 * Kasip writes JSON and never reads it, so a string writer is all there is: no JSON library.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @s as a JSON string, quoted and escaped; NULL is written as null. Invalid UTF-8 is made valid
 * (JSON is UTF-8, whatever the input was). */
void ksp_json_append_string          (GString    *out,
                                      const char *s);

/* As ksp_json_append_string(), but NULL is written as "". */
void ksp_json_append_string_or_empty (GString    *out,
                                      const char *s);

G_END_DECLS
