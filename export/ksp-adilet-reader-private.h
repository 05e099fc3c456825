/* ksp-adilet-reader-private.h: pieces shared by the readers of the three layouts */
#pragma once

#include "ksp-adilet-reader.h"

G_BEGIN_DECLS

typedef enum {
  KSP_ADILET_LAYOUT_UNKNOWN,
  KSP_ADILET_LAYOUT_2024, /* «Карточка профессии», «Код группы», «Трудовая функция N» (seeds 000, 001) */
  KSP_ADILET_LAYOUT_2019, /* «Кәсіп карточкасы», «N-еңбек функциясы», «Міндет» (seed 002) */
  KSP_ADILET_LAYOUT_2013, /* «Еңбек қызметі түрінің (кәсібінің) карточкасы», units «Ф N» (seed 004) */
} KspAdiletLayout;

typedef struct {
  char *number; /* "4." as written, or NULL for text before the first number */
  char *text;
} KspReaderItem;

KspAdiletLayout _ksp_adilet_detect_layout (KspSource   *src,
                                           KspLang      lang);
gboolean    _ksp_adilet_read_2013   (KspSource        *src,
                                     KspNode          *doc,
                                     KspImportReport  *report,
                                     GError          **error);

GRegex     *_ksp_reader_cached_regex (gsize             *once,
                                      const char        *pattern,
                                      GRegexCompileFlags flags);
KspNode    *_ksp_reader_add         (KspNode         *parent,
                                     const char      *kind,
                                     const char      *number,
                                     guint            line);
char       *_ksp_reader_shorten     (const char      *text,
                                     guint            max);
void        _ksp_reader_not_placed  (KspImportReport *report,
                                     KspNode         *parent,
                                     KspLang          lang,
                                     guint            line,
                                     const char      *text,
                                     const char      *reason);
GPtrArray  *_ksp_reader_split_items (const char *text);
void        _ksp_reader_item_free   (gpointer    item);
char       *_ksp_reader_parse_date  (const char *text);
void        _ksp_reader_append      (KspNode    *node,
                                     const char *field,
                                     KspLang     lang,
                                     const char *text);
const char *_ksp_reader_skip_space  (const char *p);
gboolean    _ksp_reader_match_label (const char  *text,
                                     const char  *label,
                                     gboolean     open,
                                     const char **rest,
                                     gboolean    *had_colon);

G_END_DECLS
