/* ksp-diff-report.h: a diff as JSON, and as a report a person reads on a terminal
 *
 * JSON: {"changes": [ … ], "count": N, "stale_translations": S}; each change has "key" (its identity:
 * ksp_change_dup_key), "op" (added, removed,
 * changed, moved), "kind", "path" (naming cards by occupation code), "old_path" (moved), "old_id" and
 * "new_id" (null on the side it is missing from), "field" and "lang" (changed; lang "kk", "ru" or null),
 * "old" and "new" (the values as written; for an added or removed element its title), "spans" (changed:
 * [{"op": "equal|delete|insert", "text": …}]), "reordered" (moved), "stale_translation" (changed) and
 * "renumbered" ([{"old_id", "new_id", "old", "new"}]: numbers that followed the change) and, when the
 * justifications are given, "justification" ({"kk": text or null, "ru": text or null}).
 *
 * Text: the changes grouped by card (the changes outside cards first), one line per change, the changed
 * words marked [-so-]{+so+} (or in red and green when @color), then a count.
 */
#pragma once

#include "ksp-diff.h"
#include "ksp-justifications.h"

G_BEGIN_DECLS

char *ksp_diff_to_json (GPtrArray *changes,
                        KspUiLang  lang);

/* @notes: (nullable): the standard's justifications, written with each change */
char *ksp_diff_to_json_full (GPtrArray         *changes,
                             KspUiLang          lang,
                             KspJustifications *notes);

char *ksp_diff_to_text (GPtrArray *changes,
                        KspUiLang  lang,
                        gboolean   color);

G_END_DECLS
