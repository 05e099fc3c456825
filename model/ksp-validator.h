/* ksp-validator.h: checks a standard's tree against the rules of the domain notes
 *
 * ksp_validate() walks a tree (a document, a standard, or a single card, as the editor validates
 * while typing) and returns findings: severity, rule, the element's ID, a readable path
 * («Карточка 9 › Трудовая функция 1 › Навык 2 › Знания 4.»), its source line and a message naming
 * what was found and what was expected. Rules that need the classifiers (НКЗ, ORK) are skipped when
 * none are given. The rules are listed, with what each checks and what it does not, in
 * ksp-validator.c.
 *
 * A finding is data: the message is an identifier of the catalogue (ksp-messages.c) with its
 * arguments, and the path a list of segments; ksp_finding_dup_message() and ksp_finding_dup_path()
 * render them in Russian, Kazakh or English. `path` and `message` hold the Russian rendering.
 *
 * Rule IDs: V1–V17 (classifiers-and-validation.md §5), N1 numbering gaps, N2 repeated or out-of-order
 * numbers, D1 duplicate cards, D2 duplicate items in one list, S1 Latin/Cyrillic look-alikes in one
 * word, A1 abbreviation used but not defined, C1 card list ↔ chapter 3, T1 TF list ↔ TF heading,
 * E1 empty skill or TF, K1 approval chronology.
 */
#pragma once

#include "ksp-classifiers.h"
#include "ksp-messages.h"
#include "ksp-node.h"

G_BEGIN_DECLS

typedef enum {
  KSP_SEVERITY_INFO = 0,
  KSP_SEVERITY_WARNING,
  KSP_SEVERITY_ERROR,
} KspSeverity;

typedef struct {
  KspSeverity severity;
  char       *rule;          /* "V1".."V17", "N1", "N2", "D1", "D2", "S1", "A1", "C1", "T1", "E1", "K1" */
  char       *node_id;       /* the element's ID; NULL for findings about the classifiers */
  char       *path;          /* readable location, in Russian */
  guint       line;          /* the element's source line, 0 if unknown */
  char       *message;       /* Russian: what was found, what was expected */
  char       *message_id;    /* the message in the catalogue (ksp-messages.h); NULL: `message` as it is */
  char      **args;          /* its arguments (NULL-terminated), or NULL */
  char      **path_segments; /* "KIND\tNUMBER" from the outermost element ("card\t9", "technical\t"), or
                              * NULL: `path` as it is */
} KspFinding;

KspFinding  *ksp_finding_new                 (KspSeverity        severity,
                                              const char        *rule,
                                              const char        *node_id,
                                              const char        *path,
                                              guint              line,
                                              const char        *message);
KspFinding  *ksp_finding_new_message         (KspSeverity        severity,
                                              const char        *rule,
                                              const char        *node_id,
                                              const char *const *path_segments,
                                              guint              line,
                                              const char        *message_id,
                                              const char *const *args);
void         ksp_finding_free                (KspFinding        *finding);
const char  *ksp_severity_to_string          (KspSeverity        severity);
const char  *ksp_finding_severity_to_string  (const KspFinding  *finding);
char        *ksp_finding_dup_message         (const KspFinding  *finding,
                                              KspUiLang          lang);
char        *ksp_finding_dup_path            (const KspFinding  *finding,
                                              KspUiLang          lang);
char        *ksp_finding_to_json             (const KspFinding  *finding,
                                              KspUiLang          lang);

GPtrArray   *ksp_validate                    (KspNode           *root,
                                              KspClassifiers    *classifiers);
GPtrArray   *ksp_validate_classifiers        (KspClassifiers    *classifiers);

guint        ksp_findings_count              (GPtrArray         *findings,
                                              KspSeverity        severity);
guint        ksp_findings_count_rule         (GPtrArray         *findings,
                                              const char        *rule);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspFinding, ksp_finding_free)

G_END_DECLS
