/* ksp-standard-handle.h: short, typeable names for the standards of a workspace
 *
 * `kasip … --standard H`, `kasip list` and the editor's selector name a standard by its handle: its code
 * as published without the text's punctuation ("Q88100061", not "Q88100061."), or, for a standard without
 * a code (seeds 002 and 004 print «-»), a slug of the first words of its title transliterated to Latin
 * ("uide-aleumettik-komek"). Handles are unique in a workspace: a repeated one gets "-2", "-3", … in
 * the order of the list. IDs are always accepted too.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char    *ksp_standard_clean_code  (const char *code);
char    *ksp_standard_clean_title (const char *title);
char    *ksp_standard_slug        (const char *title);

G_END_DECLS
