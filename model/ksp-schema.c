/* ksp-schema.c: every kind of element and every field, with the labels of the published texts.
 *
 * Russian labels are those of the 2024 layout (seeds 000, 001). Kazakh labels follow the 2019/2023
 * Kazakh text (seed 002) where it has the field, and the Kazakh wording of the 2024 template otherwise.
 */
#include "ksp-schema.h"

#include <string.h>

#define BI   KSP_FIELD_BILINGUAL
#define BIML (KSP_FIELD_BILINGUAL | KSP_FIELD_MULTILINE)
#define NEU  KSP_FIELD_NEUTRAL
#define OLD  KSP_FIELD_LEGACY
#define DER  KSP_FIELD_DERIVED
#define META KSP_FIELD_META
#define KIND(n, ru, kk, title, f, c) { n, ru, kk, title, f, G_N_ELEMENTS (f), c }

/* Choice fields ------------------------------------------------------------------------------------ */

/* «Обязательные / Дополнительные трудовые функции» */
static const KspChoice function_kinds[] = {
  { "mandatory", "Обязательная", "Міндетті" },
  { "additional", "Дополнительная", "Қосымша" },
  { NULL }
};

/* What the importers record a note as (export/ksp-adilet-reader.c, ksp-adilet-2013-reader.c). */
static const KspChoice note_kinds[] = {
  { "izpi", "Примечание ИЗПИ", "ЗҚАИ ескертпесі" },
  { "amendment", "Изменение", "Өзгеріс" },
  { "repeal", "Утрата силы", "Күші жойылды" },
  { "future_wording", "Редакция, вводимая в действие позже", "Кейін қолданысқа енгізілетін редакция" },
  { "effective_date", "Дата введения в действие", "Қолданысқа енгізілу күні" },
  { "status", "Статус документа", "Құжаттың мәртебесі" },
  { "footnote", "Сноска", "Сілтеме" },
  { "appendix_header", "Заголовок приложения", "Қосымшаның тақырыбы" },
  { NULL }
};

/* The eight levels of the national qualification framework (ОРК / СБШ). */
static const KspChoice ork_levels[] = {
  { "1", "1", "1" }, { "2", "2", "2" }, { "3", "3", "3" }, { "4", "4", "4" },
  { "5", "5", "5" }, { "6", "6", "6" }, { "7", "7", "7" }, { "8", "8", "8" },
  { NULL }
};

/* The whole published text: an optional order wrapping one or more standards. */
static const KspFieldSpec document_fields[] = {
  { "source",   NEU | META, "Источник", "Дереккөз" },
  { "language", NEU | META, "Язык оригинала", "Түпнұсқа тілі" },
};
static const char *const document_children[] = { "order", "standard", "not_placed", NULL };

/* «Приказ …»: title, act line, preamble, items, signature, appendix header. */
static const KspFieldSpec order_fields[] = {
  { "title",              BI,   "Заголовок", "Тақырыбы" },
  { "act",                BI,   "Реквизиты приказа", "Бұйрықтың деректемелері" },
  { "act_date",           NEU | DER, "Дата приказа", "Бұйрықтың күні" },
  { "act_number",         NEU | DER, "Номер приказа", "Бұйрықтың нөмірі" },
  { "preamble",           BIML, "Преамбула", "Кіріспе" },
  { "signature_position", BI,   "Должность подписавшего", "Қол қоюшының лауазымы" },
  { "signature_name",     BI,   "Подписал", "Қол қойған" },
  { "appendix_header",    BIML, "Приложение к приказу", "Бұйрыққа қосымша" },
};
static const char *const order_children[] = { "note", "order_item", "not_placed", NULL };

static const KspFieldSpec order_item_fields[] = {
  { "text", BIML, "Текст пункта", "Тармақтың мәтіні" },
};
static const char *const order_item_children[] = { "subitem", NULL };

static const KspFieldSpec subitem_fields[] = {
  { "text", BIML, "Текст подпункта", "Тармақшаның мәтіні" },
};

/* «Примечание ИЗПИ!», «Ескерту»: editorial and amendment notes. */
static const KspFieldSpec note_fields[] = {
  { "note_kind",      NEU | DER, "Вид примечания", "Ескертудің түрі", note_kinds },
  { "text",           BIML, "Текст примечания", "Ескертудің мәтіні" },
  { "amending_act",   BI | DER,  "Изменяющий акт", "Өзгеріс енгізген акт" },
  { "effective_from", NEU | DER, "Вводится в действие с", "Қолданысқа енгізілетін күні" },
  { "target",         NEU | DER, "К пункту", "Тармаққа" },
};

static const KspFieldSpec standard_fields[] = {
  { "title",       BI,   "Профессиональный стандарт", "Кәсіптік стандарт" },
  { "scope",       BIML, "Область применения профессионального стандарта:", "Кәсіптік стандарттың қолданылу саласы:" },
  { "name",        BI,   "Название профессионального стандарта:", "Кәсіптік стандарттың атауы:" },
  { "code",        NEU,  "Код профессионального стандарта:", "Кәсіптік стандарттың коды:" },
  { "description", BIML, "Краткое описание профессионального стандарта:", "Кәсіптік стандарттың қысқаша сипаттамасы:" },
  { "purpose",     BIML, "Цель разработки профессионального стандарта:", "Кәсіптік стандартты әзірлеу мақсаты:" },
  /* 2019 layout only */
  { "professional_group",    BIML | OLD, "Профессиональная группа:", "Кәсіби топ:" },
  { "professional_subgroup", BIML | OLD, "Профессиональная подгруппа:", "Кәсіби топ бөлігі:" },
  { "appendix_title",        BI | OLD,   "Приложение к профессиональному стандарту", "Кәсіптік стандартқа қосымша" },
};
static const char *const standard_children[] = {
  "note", "term", "abbreviation", "oked", "card_list_entry", "card", "provision", "technical", "not_placed", NULL
};

/* A numbered provision of the standard that has no field of its own (2013 layout: §§ 2, 11–14, 16). */
static const KspFieldSpec provision_fields[] = {
  { "text", BIML, "Текст пункта", "Тармақтың мәтіні" },
};

static const KspFieldSpec term_fields[] = {
  { "term",       BI,   "Термин", "Термин" },
  { "definition", BIML, "Определение", "Анықтама" },
};

static const KspFieldSpec abbreviation_fields[] = {
  { "abbr",      BI, "Сокращение", "Қысқартылған сөз" },
  { "expansion", BI, "Расшифровка", "Толық жазылуы" },
};

/* One chain of «Указание секции, раздела, группы, класса и подкласса согласно ОКЭД». */
static const KspFieldSpec oked_fields[] = {
  { "section_code",   NEU, "Секция", "Секция" },
  { "section_name",   BI,  "Наименование секции", "Секцияның атауы" },
  { "division_code",  NEU, "Раздел", "Бөлім" },
  { "division_name",  BI,  "Наименование раздела", "Бөлімнің атауы" },
  { "group_code",     NEU, "Группа", "Топ" },
  { "group_name",     BI,  "Наименование группы", "Топтың атауы" },
  { "class_code",     NEU, "Класс", "Сынып" },
  { "class_name",     BI,  "Наименование класса", "Сыныптың атауы" },
  { "subclass_code",  NEU, "Подкласс", "Сыныпша" },
  { "subclass_name",  BI,  "Наименование подкласса", "Сыныпшаның атауы" },
};

/* «Перечень карточек профессий»: one entry. */
static const KspFieldSpec card_list_entry_fields[] = {
  { "name",      BI,  "Наименование профессии", "Кәсіптің атауы" },
  { "ork_level", NEU, "Уровень ОРК", "СБШ деңгейі" },
  { "card_ref",  NEU, "Карточка", "Карточка" },
};

/* «Карточка профессии»: the 17 labels of the 2024 layout, in order. */
static const KspFieldSpec card_fields[] = {
  { "title",           BI,   "Карточка профессии", "Кәсіп карточкасы" },
  { "group_code",      NEU,  "Код группы:", "Топтың коды:" },
  { "group_name",      BI | OLD,   "Наименование базовой группы", "Базалық топтың атауы" },
  { "occupation_code", NEU,  "Код наименования занятия:", "Кәсіп атауының коды:" },
  { "profession_name", BI,   "Наименование профессии:", "Кәсіптің атауы:" },
  { "ork_level",       NEU,  "Уровень квалификации по ОРК:", "СБШ бойынша біліктілік деңгейі:", ork_levels },
  { "ork_sublevel",    NEU,  "подуровень квалификации по ОРК:", "СБШ бойынша біліктіліктің кіші деңгейі:" },
  { "nrk_level",       NEU | OLD,  "Уровень квалификации по НРК", "ҰБШ бойынша біліктілік деңгейі" },
  { "category",        NEU,  "Категория", "Санат" },
  { "etks",            BIML, "Уровень квалификации по ЕТКС, КС и др типовых квалификационных характеристик:",
                             "БТБА, БА және басқа да үлгілік біліктілік сипаттамалары бойынша біліктілік деңгейі:" },
  { "nonformal",       BIML, "Связь с неформальным и информальным образованием:",
                             "Бейресми және арнаулы емес біліммен байланысы:" },
  { "purpose",         BIML, "Основная цель деятельности:", "Қызметтің негізгі мақсаты:" },
  { "variant_group",   NEU,  "Группа вариантов (по категориям)", "Нұсқалар тобы (санаттар бойынша)" },
  /* 2019 layout only: «Еңбек жағдайлары (мазмұны және сапасы)» */
  { "working_conditions", BIML | OLD, "Условия труда (содержание и качество)", "Еңбек жағдайлары (мазмұны және сапасы)" },
};
static const char *const card_children[] = {
  "note", "education", "experience", "other_name", "function", "competency", "tech_reg", "ork_link",
  "not_placed", NULL
};

/* «Уровень профессионального образования»: one triple. */
static const KspFieldSpec education_fields[] = {
  { "level",         BI,   "Уровень образования:", "Білім деңгейі:" },
  { "specialty",     BI,   "Специальность:", "Мамандығы:" },
  { "qualification", BIML, "Квалификация:", "Біліктілігі:" },
};

/* «Требования к опыту работы»: one line, optionally for one category. */
static const KspFieldSpec experience_fields[] = {
  { "category", NEU,  "Категория", "Санат" }, /* printed before the text when the text does not say it */
  { "text",     BIML, "Требования к опыту работы:", "Жұмыс тәжірибесіне қойылатын талаптар:" },
};

/* «Другие возможные наименования профессии»: code + name. */
static const KspFieldSpec other_name_fields[] = {
  { "code", NEU, "Код", "Коды" },
  { "name", BI,  "Другие возможные наименования профессии:", "Кәсіптің басқа да ықтимал атаулары:" },
};

/* «Трудовая функция N»: list text and heading kept apart (they disagree in the seeds). */
static const KspFieldSpec function_fields[] = {
  { "function_kind", NEU,  "Вид трудовой функции", "Еңбек функциясының түрі", function_kinds },
  { "list_name",     BI,   "В перечне трудовых функций", "Еңбек функцияларының тізбесінде" },
  { "name",          BI,   "Трудовая функция", "Еңбек функциясы" },
  { "recognition",   BIML, "Возможность признания навыка:", "Дағдыны тану мүмкіндігі:" },
};
/* Units of the 2013 layout hold their abilities, knowledge and competencies directly. */
static const char *const function_children[] = { "skill", "ability", "knowledge", "competency", "not_placed", NULL };

static const KspFieldSpec skill_fields[] = {
  { "name",        BI,   "Навык", "Дағды" },
  { "recognition", BIML, "Возможность признания навыка:", "Дағдыны тану мүмкіндігі:" },
};
static const char *const skill_children[] = { "ability", "knowledge", "not_placed", NULL };

static const KspFieldSpec ability_fields[] = {
  { "text", BIML, "Умение", "Іскерлік" },
};

static const KspFieldSpec knowledge_fields[] = {
  { "text", BIML, "Знание", "Білім" },
};

static const KspFieldSpec competency_fields[] = {
  { "text", BI, "Требования к личностным компетенциям:", "Жеке құзыреттерге қойылатын талаптар:" },
};

static const KspFieldSpec tech_reg_fields[] = {
  { "designation", NEU, "Обозначение", "Белгіленуі" },
  { "title",       BI,  "Список технических регламентов и национальных стандартов:",
                        "Техникалық регламенттер мен ұлттық стандарттардың тізбесі:" },
};

/* «Связь с другими профессиями в рамках ОРК»: level + name. */
static const KspFieldSpec ork_link_fields[] = {
  { "level",           NEU, "Уровень ОРК:", "СБШ деңгейі:" },
  { "name",            BI,  "Наименование профессии:", "Кәсіптің атауы:" },
  { "occupation_code", NEU, "Код занятия", "Кәсіп коды" },
  { "card_ref",        NEU, "Карточка", "Карточка" },
};

/* «Технические данные профессионального стандарта». */
static const KspFieldSpec technical_fields[] = {
  { "state_body",          BIML, "Наименование государственного органа:", "Мемлекеттік органның атауы:" },
  { "state_executors",     BIML, "Исполнитель:", "Орындаушы:" },
  { "developers",          BIML, "Организации (предприятия) участвующие в разработке:",
                                 "Әзірлеуге қатысқан ұйымдар (кәсіпорындар):" },
  { "sector_council",      BI,   "Отраслевой совет по профессиональным квалификациям:",
                                 "Кәсіптік біліктіліктер жөніндегі салалық кеңес:" },
  { "sector_council_date", NEU | DER, "Дата одобрения отраслевым советом", "Салалық кеңестің мақұлдаған күні" },
  { "national_body",       BI,   "Национальный орган по профессиональным квалификациям:",
                                 "Кәсіптік біліктіліктер жөніндегі ұлттық орган:" },
  { "national_body_date",  NEU | DER, "Дата заключения национального органа", "Ұлттық органның қорытынды күні" },
  { "atameken",            BI,   "Национальная палата предпринимателей Республики Казахстан «Атамекен»:",
                                 "«Атамекен» Қазақстан Республикасының Ұлттық кәсіпкерлер палатасы:" },
  { "atameken_date",       NEU | DER, "Дата экспертного заключения", "Сараптамалық қорытынды күні" },
  { "version",             BI,   "Номер версии и год выпуска:", "Нұсқаның нөмірі және шығарылған жылы:" },
  { "review_date",         BI,   "Дата ориентировочного пересмотра:", "Болжамды қайта қарау күні:" },
  /* 2013 layout: Appendix 5 */
  { "approval_sheet",      BIML | OLD, "Лист согласования", "Келісу парағы" },
  { "registration",        BIML | OLD, "Регистрация", "Тіркеу" },
};

/* Source text the importer could not place: kept, never dropped. */
static const KspFieldSpec not_placed_fields[] = {
  { "text",   BIML, "Не размещённый текст", "Орналастырылмаған мәтін" },
  { "reason", NEU | META, "Причина", "Себебі" },
};

static const KspKindSpec kinds[] = {
  KIND ("document", "Документ", "Құжат", NULL, document_fields, document_children),
  KIND ("order", "Приказ", "Бұйрық", "title", order_fields, order_children),
  KIND ("order_item", "Пункт приказа", "Бұйрықтың тармағы", "text", order_item_fields, order_item_children),
  KIND ("subitem", "Подпункт", "Тармақша", "text", subitem_fields, NULL),
  KIND ("note", "Примечание", "Ескерту", "text", note_fields, NULL),
  KIND ("standard", "Профессиональный стандарт", "Кәсіптік стандарт", "name", standard_fields, standard_children),
  KIND ("term", "Термин", "Термин", "term", term_fields, NULL),
  KIND ("abbreviation", "Сокращение", "Қысқартылған сөз", "abbr", abbreviation_fields, NULL),
  KIND ("oked", "ОКЭД", "ЭҚЖЖ", "subclass_code", oked_fields, NULL),
  KIND ("card_list_entry", "Перечень карточек профессий", "Кәсіп карточкаларының тізбесі", "name",
        card_list_entry_fields, NULL),
  KIND ("card", "Карточка профессии", "Кәсіп карточкасы", "title", card_fields, card_children),
  KIND ("education", "Уровень профессионального образования", "Кәсіптік білім деңгейі", "level",
        education_fields, NULL),
  KIND ("experience", "Требования к опыту работы", "Жұмыс тәжірибесіне қойылатын талаптар", "text",
        experience_fields, NULL),
  KIND ("other_name", "Другое наименование", "Басқа атауы", "name", other_name_fields, NULL),
  KIND ("function", "Трудовая функция", "Еңбек функциясы", "name", function_fields, function_children),
  KIND ("skill", "Навык", "Дағды", "name", skill_fields, skill_children),
  KIND ("ability", "Умение", "Іскерлік", "text", ability_fields, NULL),
  KIND ("knowledge", "Знание", "Білім", "text", knowledge_fields, NULL),
  KIND ("competency", "Личностная компетенция", "Жеке құзырет", "text", competency_fields, NULL),
  KIND ("tech_reg", "Технический регламент, стандарт", "Техникалық регламент, стандарт", "designation",
        tech_reg_fields, NULL),
  KIND ("ork_link", "Связь с другими профессиями в рамках ОРК", "СБШ шеңберінде басқа кәсіптермен байланысы",
        "name", ork_link_fields, NULL),
  KIND ("provision", "Пункт стандарта", "Стандарттың тармағы", "text", provision_fields, NULL),
  KIND ("technical", "Технические данные", "Техникалық деректер", NULL, technical_fields, NULL),
  KIND ("not_placed", "Не размещённый текст", "Орналастырылмаған мәтін", "text", not_placed_fields, NULL),
};

static const KspKindSpec *const *
kind_pointers (guint *n)
{
  static const KspKindSpec *ptrs[G_N_ELEMENTS (kinds)];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        ptrs[i] = &kinds[i];
      g_once_init_leave (&initialized, 1);
    }
  *n = G_N_ELEMENTS (kinds);
  return ptrs;
}

const KspKindSpec *const *
ksp_schema_list_kinds (guint *n_kinds)
{
  return kind_pointers (n_kinds);
}

const KspKindSpec *
ksp_schema_lookup_kind (const char *name)
{
  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kinds[i].name, name) == 0)
      return &kinds[i];
  return NULL;
}

const KspFieldSpec *
ksp_kind_lookup_field (const KspKindSpec *kind,
                       const char        *field)
{
  g_return_val_if_fail (kind != NULL, NULL);
  if (field == NULL)
    return NULL;
  for (guint i = 0; i < kind->n_fields; i++)
    if (strcmp (kind->fields[i].name, field) == 0)
      return &kind->fields[i];
  return NULL;
}

gboolean
ksp_kind_allows_child (const KspKindSpec *kind,
                       const char        *child_kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);
  if (kind->children == NULL || child_kind == NULL)
    return FALSE;
  for (guint i = 0; kind->children[i]; i++)
    if (strcmp (kind->children[i], child_kind) == 0)
      return TRUE;
  return FALSE;
}

gboolean
ksp_field_is_bilingual (const KspFieldSpec *field)
{
  return (field->flags & KSP_FIELD_BILINGUAL) != 0;
}

const char *
ksp_field_label (const KspFieldSpec *field,
                 KspLang             lang)
{
  return lang == KSP_LANG_KK ? field->label_kk : field->label_ru;
}

const char *
ksp_kind_label (const KspKindSpec *kind,
                KspLang            lang)
{
  return lang == KSP_LANG_KK ? kind->label_kk : kind->label_ru;
}

/**
 * ksp_field_lookup_choice:
 * Returns: (nullable): the choice of @field whose value is @value, %NULL if @field is free text or
 *   @value is not one of its choices
 */
const KspChoice *
ksp_field_lookup_choice (const KspFieldSpec *field,
                         const char         *value)
{
  g_return_val_if_fail (field != NULL, NULL);
  if (field->choices == NULL || value == NULL)
    return NULL;
  for (const KspChoice *c = field->choices; c->value; c++)
    if (strcmp (c->value, value) == 0)
      return c;
  return NULL;
}

const char *
ksp_choice_label (const KspChoice *choice,
                  KspLang          lang)
{
  return lang == KSP_LANG_KK ? choice->label_kk : choice->label_ru;
}
