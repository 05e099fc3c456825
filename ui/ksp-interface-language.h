/* ksp-interface-language.h: which of the standard's two languages the interface shows first
 *
 * The registry (model/ksp-schema.c) holds every label in Russian and Kazakh. A Kazakh interface shows
 * the Kazakh ones first (outline titles, form headings and labels, choice lists); any other interface
 * the Russian ones, the language of most published texts.
 */
#pragma once

#include "ksp-text.h"

G_BEGIN_DECLS

KspLang ksp_interface_data_language (void);
KspLang ksp_other_language          (KspLang lang);

G_END_DECLS
