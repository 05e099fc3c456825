/* ksp-messages.c: the catalogue of the validator's messages (see ksp-messages.h)
 *
 * Russian is the wording the validator has always printed (tests compare it byte for byte). Kazakh
 * follows the standards' own terms: Кәсіп карточкасы, Еңбек функциясы, Дағды, Іскерлік, Білім,
 * СБШ (ОРК), ҰКЖ (НКЗ), ЭҚЖЖ (ОКЭД), ТжКБ (ТиПО), «01-2005 ҚР МС» (ГК РК 01-2005), and the labels
 * of ksp-schema.c. English is plain and short; the classifiers keep the project's transliterations
 * (NKZ, ORK, OKED).
 */
#include "ksp-messages.h"

#include <string.h>

#include "ksp-schema.h"

/* Messages: one per kind of finding. The identifier starts with the rule. */
static const KspMessage messages[] = {
  /* V1 code syntax */
  { "v1.occupation-dash",
    "Код наименования занятия: «{1}» вместо кода; ожидается код НКЗ вида NNNN-N-NNN",
    "Кәсіп атауының коды: код орнына «{1}» тұр; NNNN-N-NNN түріндегі ҰКЖ коды болуы керек",
    "Occupation code: “{1}” instead of a code; expected an NKZ code NNNN-N-NNN" },
  { "v1.occupation-format",
    "Код наименования занятия «{1}» не соответствует формату НКЗ NNNN-N-NNN",
    "Кәсіп атауының «{1}» коды NNNN-N-NNN ҰКЖ форматына сәйкес келмейді",
    "Occupation code “{1}” does not match the NKZ format NNNN-N-NNN" },
  { "v1.group-dash",
    "Код группы: «{1}» вместо кода; ожидается NNNN или NNNN-N",
    "Топтың коды: код орнына «{1}» тұр; NNNN немесе NNNN-N болуы керек",
    "Group code: “{1}” instead of a code; expected NNNN or NNNN-N" },
  { "v1.group-format",
    "Код группы «{1}» не соответствует формату NNNN или NNNN-N",
    "Топтың «{1}» коды NNNN немесе NNNN-N форматына сәйкес келмейді",
    "Group code “{1}” does not match the format NNNN or NNNN-N" },
  { "v1.other-name-code-format",
    "Код «{1}» другого наименования не соответствует формату NNNN-N-NNN",
    "Басқа атаудың «{1}» коды NNNN-N-NNN форматына сәйкес келмейді",
    "Code “{1}” of the other name does not match the format NNNN-N-NNN" },
  { "v1.st-rk-format",
    "Обозначение «{1}» не соответствует формату «СТ РК N-ГГГГ»",
    "«{1}» белгіленуі «СТ РК N-ЖЖЖЖ» форматына сәйкес келмейді",
    "Designation “{1}” does not match the format “СТ РК N-YYYY”" },
  { "v1.ork-link-code-format",
    "Код «{1}» связанной профессии не соответствует формату NNNN-N-NNN",
    "Байланысты кәсіптің «{1}» коды NNNN-N-NNN форматына сәйкес келмейді",
    "Code “{1}” of the linked profession does not match the format NNNN-N-NNN" },
  { "v1.oked-rank",
    "Код ОКЭД «{1}» не годится как {2} (ожидается {3})",
    "«{1}» ЭҚЖЖ коды {2} ретінде жарамайды ({3} болуы керек)",
    "OKED code “{1}” is not valid as a {2} (expected {3})" },
  { "v1.oked-trailing-dot",
    "Коды ОКЭД с лишней точкой или знаком в конце: {1}; ожидается код без точки",
    "Соңында артық нүкте не белгі тұрған ЭҚЖЖ кодтары: {1}; нүктесіз код болуы керек",
    "OKED codes with a stray dot or character at the end: {1}; expected the code without it" },
  { "v1.standard-code-format",
    "Код стандарта «{1}» не соответствует формату: буква секции ОКЭД и 8 цифр (например Q88100061)",
    "Стандарттың «{1}» коды форматқа сәйкес келмейді: ЭҚЖЖ секциясының әрпі және 8 цифр (мысалы, Q88100061)",
    "Standard code “{1}” does not match the format: an OKED section letter and 8 digits (e.g. Q88100061)" },
  { "v1.standard-code-trailing",
    "Код стандарта «{1}» с лишним знаком в конце; ожидается {2}",
    "Стандарттың «{1}» кодының соңында артық белгі бар; {2} болуы керек",
    "Standard code “{1}” has a stray character at the end; expected {2}" },

  /* V2 */
  { "v2.occupation-not-in-group",
    "Код занятия {1} не начинается с кода группы {2}; ожидается код вида {2}-…",
    "{1} кәсіп коды {2} топ кодынан басталмайды; {2}-… түріндегі код болуы керек",
    "Occupation code {1} does not start with the group code {2}; expected a code {2}-…" },

  /* V3 */
  { "v3.not-in-nkz",
    "Код занятия {1} отсутствует в НКЗ",
    "{1} кәсіп коды ҰКЖ тізбесінде жоқ",
    "Occupation code {1} is not in the NKZ" },
  { "v3.name-differs",
    "Наименование «{1}» не совпадает с наименованием по НКЗ для {2}: «{3}»",
    "«{1}» атауы {2} коды үшін ҰКЖ бойынша атаумен сәйкес келмейді: «{3}»",
    "Name “{1}” differs from the NKZ name for {2}: “{3}”" },

  /* V4 */
  { "v4.level-outside-ork",
    "Уровень карточки {1} вне уровней ОРК для {2}: {3}",
    "Карточканың {1} деңгейі {2} үшін СБШ деңгейлерінен тыс: {3}",
    "The card's level {1} is outside the ORK levels for {2}: {3}" },
  { "v4.level-outside-ork-by-name",
    "Уровень карточки {1} вне уровней ОРК для наименования «{2}»: {3}",
    "Карточканың {1} деңгейі «{2}» атауы үшін СБШ деңгейлерінен тыс: {3}",
    "The card's level {1} is outside the ORK levels for the name “{2}”: {3}" },

  /* V5 */
  { "v5.not-in-ork",
    "Код занятия {1} не найден в ОРК",
    "{1} кәсіп коды СБШ-да табылмады",
    "Occupation code {1} is not in the ORK" },
  { "v5.not-in-ork-source",
    "Код занятия {1} не найден в ОРК {2}",
    "{1} кәсіп коды СБШ-да ({2}) табылмады",
    "Occupation code {1} is not in the ORK ({2})" },

  /* V6 level syntax */
  { "v6.level-invalid",
    "Уровень по ОРК «{1}» некорректен; ожидается число 1–8 или диапазон a-b с a < b",
    "СБШ бойынша «{1}» деңгейі дұрыс емес; 1–8 аралығындағы сан немесе a < b болатын a-b аралығы болуы керек",
    "ORK level “{1}” is invalid; expected a number 1–8 or a range a-b with a < b" },
  { "v6.sublevel-invalid",
    "Подуровень «{1}» некорректен; ожидается L.n, например 4.1",
    "«{1}» кіші деңгейі дұрыс емес; L.n түрінде болуы керек, мысалы, 4.1",
    "Sub-level “{1}” is invalid; expected L.n, e.g. 4.1" },
  { "v6.sublevel-mismatch",
    "Подуровень {1} не соответствует уровню {2}; ожидается {2}.n",
    "{1} кіші деңгейі {2} деңгейіне сәйкес келмейді; {2}.n болуы керек",
    "Sub-level {1} does not match level {2}; expected {2}.n" },
  { "v6.ork-link-level-invalid",
    "Уровень ОРК «{1}» связанной профессии некорректен; ожидается 1–8 или a-b",
    "Байланысты кәсіптің СБШ бойынша «{1}» деңгейі дұрыс емес; 1–8 немесе a-b болуы керек",
    "ORK level “{1}” of the linked profession is invalid; expected 1–8 or a-b" },
  { "v6.list-level-invalid",
    "Уровень ОРК «{1}» в перечне некорректен; ожидается 1–8 или a-b",
    "Тізбедегі СБШ бойынша «{1}» деңгейі дұрыс емес; 1–8 немесе a-b болуы керек",
    "ORK level “{1}” in the card list is invalid; expected 1–8 or a-b" },

  /* V7 required fields */
  { "v7.occupation-missing",
    "Не заполнен код наименования занятия; ожидается код НКЗ вида NNNN-N-NNN",
    "Кәсіп атауының коды толтырылмаған; NNNN-N-NNN түріндегі ҰКЖ коды болуы керек",
    "The occupation code is empty; expected an NKZ code NNNN-N-NNN" },
  { "v7.group-missing",
    "Не заполнен код группы; ожидается NNNN-N",
    "Топтың коды толтырылмаған; NNNN-N болуы керек",
    "The group code is empty; expected NNNN-N" },
  { "v7.level-missing",
    "Не указан уровень квалификации по ОРК; ожидается 1–8 или диапазон a-b",
    "СБШ бойынша біліктілік деңгейі көрсетілмеген; 1–8 немесе a-b аралығы болуы керек",
    "No ORK qualification level; expected 1–8 or a range a-b" },
  { "v7.education-missing",
    "Не указан уровень профессионального образования",
    "Кәсіптік білім деңгейі көрсетілмеген",
    "No level of professional education" },
  { "v7.education-level-empty",
    "Не заполнен уровень образования",
    "Білім деңгейі толтырылмаған",
    "The education level is empty" },
  { "v7.experience-missing",
    "Не заполнены требования к опыту работы",
    "Жұмыс тәжірибесіне қойылатын талаптар толтырылмаған",
    "No work experience requirements" },
  { "v7.no-functions",
    "В карточке нет ни одной трудовой функции",
    "Карточкада бірде-бір еңбек функциясы жоқ",
    "The card has no labour functions" },
  { "v7.ork-link-level-missing",
    "Не указан уровень ОРК связанной профессии «{1}»",
    "Байланысты «{1}» кәсібінің СБШ деңгейі көрсетілмеген",
    "No ORK level for the linked profession “{1}”" },
  { "v7.name-missing",
    "Не указано наименование профессии",
    "Кәсіптің атауы көрсетілмеген",
    "No profession name" },
  { "v7.standard-code-missing",
    "Не указан код профессионального стандарта",
    "Кәсіптік стандарттың коды көрсетілмеген",
    "No professional standard code" },
  { "v7.standard-name-missing",
    "Не указано название профессионального стандарта",
    "Кәсіптік стандарттың атауы көрсетілмеген",
    "No professional standard name" },

  /* V8 */
  { "v8.education-vs-level",
    "Образование «{1}» не соответствует уровню ОРК {2} (ТиПО — 3–4, послесреднее — 5, высшее — 6 и выше)",
    "«{1}» білімі СБШ бойынша {2} деңгейіне сәйкес келмейді (ТжКБ — 3–4, орта білімнен кейінгі — 5, "
    "жоғары — 6 және одан жоғары)",
    "Education “{1}” does not match ORK level {2} (TVET 3–4, post-secondary 5, higher 6 and above)" },

  /* V9 */
  { "v9.not-within",
    "ОКЭД: {1} {2} не входит в {3} {4}",
    "ЭҚЖЖ: {2} {1} {4} {3} кірмейді",
    "OKED: {1} {2} is not within {3} {4}" },
  { "v9.skipped",
    "ОКЭД: между {1} {2} и {3} {4} пропущено: {5}",
    "ЭҚЖЖ: {2} {1} мен {4} {3} арасында түсіп қалған: {5}",
    "OKED: between {1} {2} and {3} {4}, missing: {5}" },

  /* V10 */
  { "v10.subclass-not-listed",
    "Код стандарта {1} указывает на подкласс ОКЭД {2} {3}, которого нет в перечне ОКЭД стандарта (есть: {4})",
    "{1} стандарт коды {2} {3} ЭҚЖЖ сыныпшасына нұсқайды, бірақ ол стандарттың ЭҚЖЖ тізбесінде жоқ "
    "(тізбеде: {4})",
    "Standard code {1} points to OKED subclass {2} {3}, which is not in the standard's OKED list (listed: {4})" },
  { "v10.subclass-not-listed-none",
    "Код стандарта {1} указывает на подкласс ОКЭД {2} {3}, которого нет в перечне ОКЭД стандарта (есть: ничего)",
    "{1} стандарт коды {2} {3} ЭҚЖЖ сыныпшасына нұсқайды, бірақ ол стандарттың ЭҚЖЖ тізбесінде жоқ "
    "(тізбеде ештеңе жоқ)",
    "Standard code {1} points to OKED subclass {2} {3}, which is not in the standard's OKED list (listed: none)" },

  /* V11 */
  { "v11.name-differs",
    "Пункт перечня «{1}» не совпадает по названию с карточкой {2} «{3}»",
    "Тізбенің «{1}» тармағы атауы бойынша {2}-карточкамен («{3}») сәйкес келмейді",
    "Card list entry “{1}” differs in name from card {2} “{3}”" },
  { "v11.level-differs",
    "В перечне уровень ОРК {1}, а в карточке {2} — {3}",
    "Тізбеде СБШ деңгейі {1}, ал {2}-карточкада — {3}",
    "The card list gives ORK level {1}, but card {2} has {3}" },

  /* V12 */
  { "v12.own-code",
    "Другое наименование повторяет собственный код карточки {1}; ожидается код другого занятия",
    "Басқа атау карточканың өз кодын ({1}) қайталайды; басқа кәсіптің коды болуы керек",
    "The other name repeats the card's own code {1}; expected the code of another occupation" },
  { "v12.not-in-nkz",
    "Код другого наименования {1} не найден в НКЗ",
    "Басқа атаудың {1} коды ҰКЖ тізбесінде табылмады",
    "Code {1} of the other name is not in the NKZ" },
  { "v12.not-in-nkz-excerpt",
    "Код другого наименования {1} не найден в НКЗ (загружена выборка НКЗ)",
    "Басқа атаудың {1} коды ҰКЖ тізбесінде табылмады (тек ҰКЖ үзіндісі жүктелген)",
    "Code {1} of the other name is not in the NKZ (only an excerpt of the NKZ is loaded)" },

  /* V13 */
  { "v13.level-differs",
    "Связь с профессией «{1}» указывает уровень {2}, а карточка этой профессии имеет уровень {3}",
    "«{1}» кәсібімен байланыс {2} деңгейін көрсетеді, ал осы кәсіптің карточкасындағы деңгей — {3}",
    "The link to the profession “{1}” gives level {2}, but the card of that profession has level {3}" },

  /* V14 */
  { "v14.bare-group",
    "Код группы {1} — базовая группа из 4 цифр без кода занятия (редакция ГК РК 01-2005?); "
    "действующий НКЗ использует NNNN-N и NNNN-N-NNN",
    "{1} топ коды — кәсіп кодынсыз 4 таңбалы базалық топ (01-2005 ҚР МС редакциясы ма?); "
    "қолданыстағы ҰКЖ NNNN-N және NNNN-N-NNN кодтарын пайдаланады",
    "Group code {1} is a bare 4-digit base group without an occupation code (the GK RK 01-2005 edition?); "
    "the current NKZ uses NNNN-N and NNNN-N-NNN" },
  { "v14.old-classifier",
    "Ссылка на классификатор прежней редакции ({1}); ожидается действующий НКЗ / ОКЭД",
    "Бұрынғы редакциядағы сыныптауышқа сілтеме ({1}); қолданыстағы ҰКЖ / ЭҚЖЖ болуы керек",
    "Reference to a classifier of an earlier edition ({1}); expected the current NKZ / OKED" },

  /* V15 */
  { "v15.law-of-minister",
    "Ссылка на акт «{1}…»: акт министра называется «Приказ», а не «Закон»",
    "«{1}…» актісіне сілтеме: министрдің актісі «Закон» (заң) емес, «Приказ» (бұйрық) деп аталады",
    "Reference to the act “{1}…”: a minister's act is an order («Приказ»), not a law («Закон»)" },

  /* V16: the ORK against itself */
  { "v16.code-on-levels",
    "Код {1} стоит в ОРК на разных уровнях: {2}–{3}",
    "{1} коды СБШ-да әртүрлі деңгейлерде тұр: {2}–{3}",
    "Code {1} is on different levels in the ORK: {2}–{3}" },
  { "v16.name-differs",
    "Код {1} назван в приложении «{2}», а в перечне НКЗ — «{3}»",
    "{1} коды қосымшада «{2}» деп, ал ҰКЖ тізбесінде «{3}» деп аталған",
    "Code {1} is called “{2}” in the appendix but “{3}” in the NKZ list" },
  { "v16.code-not-in-rows",
    "Код {1} есть в перечне НКЗ, но ни в одной строке приложения",
    "{1} коды ҰКЖ тізбесінде бар, бірақ қосымшаның бірде-бір жолында жоқ",
    "Code {1} is in the NKZ list but in no row of the appendix" },

  /* V17 */
  { "v17.level-unusual",
    "Уровень {1} необычен для кода {2}: занятия с первой цифрой {3} в ОРК имеют уровни {4}",
    "{1} деңгейі {2} коды үшін әдеттен тыс: СБШ бойынша коды {3} цифрынан басталатын кәсіптердің деңгейлері — {4}",
    "Level {1} is unusual for code {2}: in the ORK, occupations whose code starts with {3} have levels {4}" },

  /* N1, N2 numbering; the list's name is a "plural.*" term (not first: it starts in lower case) */
  { "n1.gap-one",
    "Пропуск в нумерации {1}: после {2} идёт {3}, пропущен номер {4}",
    "{2} нөмірінен кейін {3} тұр: {1} нөмірленуінде {4} нөмірі түсіп қалған",
    "Gap in the numbering of {1}: {2} is followed by {3}, number {4} is missing" },
  { "n1.gap-many",
    "Пропуск в нумерации {1}: после {2} идёт {3}, пропущены номера {4}–{5}",
    "{2} нөмірінен кейін {3} тұр: {1} нөмірленуінде {4}–{5} нөмірлері түсіп қалған",
    "Gap in the numbering of {1}: {2} is followed by {3}, numbers {4}–{5} are missing" },
  { "n1.start",
    "Нумерация {1} начинается с {2}; ожидается 1",
    "Бірінші нөмір — {2}: {1} нөмірленуі 1 нөмірінен басталуы керек",
    "The numbering of {1} starts at {2}; expected 1" },
  { "n2.repeated",
    "Номер {1} в нумерации {2} повторяется; ожидается {3}",
    "{1} нөмірі {2} нөмірленуінде қайталанады; {3} болуы керек",
    "Number {1} is repeated in the numbering of {2}; expected {3}" },
  { "n2.out-of-order",
    "Номер {1} идёт после {2}: нарушен порядок нумерации {3}; ожидается {4}",
    "{1} нөмірі {2} нөмірінен кейін тұр: {3} нөмірлену реті бұзылған; {4} болуы керек",
    "Number {1} comes after {2}: the numbering of {3} is out of order; expected {4}" },

  /* D1, D2 duplicates */
  { "d1.duplicate-card",
    "Трудовые функции, навыки, умения и знания карточки {1} полностью совпадают с карточкой {2}",
    "{1}-карточканың еңбек функциялары, дағдылары, іскерліктері мен білімі {2}-карточкамен толық сәйкес келеді",
    "The labour functions, skills, abilities and knowledge of card {1} are the same as those of card {2}" },
  { "d2.repeated-item",
    "Повтор в одном списке: совпадает с пунктом {1} (строка {2})",
    "Бір тізімдегі қайталану: {1} тармағымен сәйкес келеді ({2}-жол)",
    "Repeated in one list: the same as item {1} (line {2})" },

  /* S1; {4} is a list of "s1.word" terms */
  { "s1.mixed-script",
    "Поле «{1}» ({2}): {3} слов(а) смешивают латиницу и кириллицу: {4}; ожидается одна письменность в слове",
    "«{1}» өрісі ({2}): {3} сөзде латын және кирилл әріптері араласқан: {4}; бір сөз бір әліпбимен жазылуы керек",
    "Field “{1}” ({2}): {3} word(s) mix Latin and Cyrillic letters: {4}; expected one script per word" },

  /* A1 */
  { "a1.undefined",
    "Сокращение «{1}» используется ({2} раз), но не определено в перечне сокращений",
    "«{1}» қысқартылған сөзі қолданылады ({2} рет), бірақ қысқартылған сөздер тізбесінде жоқ",
    "Abbreviation “{1}” is used (occurrences: {2}) but not defined in the list of abbreviations" },

  /* C1 card list ↔ chapter 3 */
  { "c1.count-differs",
    "В перечне карточек {1} пунктов, а в главе 3 — {2} карточек; ожидается одинаковое число",
    "Карточкалар тізбесінде {1} тармақ, ал 3-тарауда {2} карточка бар; саны бірдей болуы керек",
    "The card list has {1} entries, but chapter 3 has {2} cards; expected the same number" },
  { "c1.entry-without-card",
    "Пункт перечня «{1}»: карточки с таким названием в главе 3 нет",
    "Тізбенің «{1}» тармағы: 3-тарауда мұндай атаулы карточка жоқ",
    "Card list entry “{1}”: chapter 3 has no card of that name" },
  { "c1.card-not-listed",
    "Карточка «{1}» отсутствует в перечне карточек профессий",
    "«{1}» карточкасы кәсіп карточкаларының тізбесінде жоқ",
    "Card “{1}” is missing from the list of profession cards" },

  /* T1 TF list ↔ TF heading */
  { "t1.list-vs-heading",
    "Трудовая функция {1} в перечне названа «{2}», а в заголовке раздела — «{3}»; ожидается одно и то же название",
    "Еңбек функциясы {1} тізбеде «{2}» деп, ал бөлімнің тақырыбында «{3}» деп аталған; атаулары бірдей болуы керек",
    "Labour function {1} is called “{2}” in the list but “{3}” in its section heading; expected the same name" },
  { "t1.no-section",
    "Трудовая функция {1} «{2}» есть в перечне, но раздела «Трудовая функция {1}:» в карточке нет",
    "Еңбек функциясы {1} «{2}» тізбеде бар, бірақ карточкада «{1}-еңбек функциясы:» бөлімі жоқ",
    "Labour function {1} “{2}” is in the list, but the card has no section “Labour function {1}:”" },
  { "t1.not-listed",
    "Раздел «Трудовая функция {1}: {2}» есть, но в перечне трудовых функций её нет",
    "«{1}-еңбек функциясы: {2}» бөлімі бар, бірақ еңбек функцияларының тізбесінде ол жоқ",
    "The section “Labour function {1}: {2}” exists, but it is not in the list of labour functions" },

  /* E1 */
  { "e1.empty-function",
    "Трудовая функция {1} пуста: нет ни одного навыка",
    "Еңбек функциясы {1} бос: бірде-бір дағды жоқ",
    "Labour function {1} is empty: it has no skills" },
  { "e1.empty-skill",
    "Навык {1} пуст: нет ни умений, ни знаний",
    "Дағды {1} бос: іскерліктер де, білім де жоқ",
    "Skill {1} is empty: no abilities and no knowledge" },
  { "e1.empty-skill-unnamed",
    "Навык {1} пуст: нет наименования, нет ни умений, ни знаний",
    "Дағды {1} бос: атауы жоқ, іскерліктер де, білім де жоқ",
    "Skill {1} is empty: no name, no abilities and no knowledge" },

  /* K1 approval chronology; {1} of "after-order" is an "approval.*" term */
  { "k1.national-before-council",
    "Заключение национального органа ({1}) датировано раньше одобрения отраслевого совета ({2}); "
    "ожидается, что национальный орган рассматривает стандарт после отраслевого совета",
    "Ұлттық органның қорытындысы ({1}) салалық кеңестің мақұлдауынан ({2}) бұрын жасалған; "
    "ұлттық орган стандартты салалық кеңестен кейін қарауы керек",
    "The national body's conclusion ({1}) is dated before the sector council's approval ({2}); "
    "the national body is expected to review the standard after the sector council" },
  /* the text as in force on a date (ksp-amendments.c) */
  { "history.not-here",
    "{1}: на {2} действует редакция, данная актом «{3}» (с {4}); её текст в этом документе не приводится. "
    "Текст документа — редакция, данная актом «{5}», вводимая в действие с {6}.",
    "{1}: {2} күні «{3}» актісімен берілген редакция қолданыста ({4} бастап); оның мәтіні бұл құжатта "
    "келтірілмеген. Құжаттың мәтіні — «{5}» актісімен берілген, {6} бастап қолданысқа енгізілетін редакция.",
    "{1}: on {2} the wording given by «{3}» is in force (from {4}); its text is not in this document. The "
    "document's text is the wording given by «{5}», in force from {6}." },
  { "history.repealed", "{1} утратил силу с {2} ({3}).", "{1} {2} бастап күші жойылды ({3}).",
    "{1} was repealed from {2} ({3})." },
  { "history.not-in-force", "На {1} приказ ещё не введён в действие (вводится в действие с {2}).",
    "{1} күні бұйрық әлі қолданысқа енгізілмеген ({2} бастап енгізіледі).",
    "On {1} the order is not yet in force (it is in force from {2})." },
  { "k1.after-order",
    "Дата «{1}» ({2}) позже даты приказа об утверждении ({3}); ожидается до утверждения",
    "«{1}» күні ({2}) бекіту туралы бұйрықтың күнінен ({3}) кейін; бекітілгенге дейін болуы керек",
    "The date of the {1} ({2}) is after the date of the approving order ({3}); expected before the approval" },
  /* Review (model/review/): refusals, rendered when they are made (ksp-review-private.h) */
  { "review.unknown-role",
    "«{1}» — не роль: роли — drafter, reviewer, publisher и admin",
    "«{1}» — рөл емес: рөлдер — drafter, reviewer, publisher және admin",
    "«{1}» is not a role: the roles are drafter, reviewer, publisher and admin" },
  { "review.forbidden",
    "у {1} нет роли «{2}» в этом рабочем пространстве (роли: {3}): нельзя {4}",
    "{1} бұл жұмыс кеңістігінде {2} емес (рөлдері: {3}): {4} болмайды",
    "{1} is not {2} in this workspace (roles: {3}): cannot {4}" },
  { "review.empty-name",
    "имя для показа не может быть пустым",
    "көрсетілетін аты бос болмауы керек",
    "a display name cannot be empty" },
  { "review.no-change-set",
    "набора изменений {1} нет",
    "{1} өзгерістер жинағы жоқ",
    "there is no change set {1}" },
  { "review.wrong-status",
    "набор изменений {1} — {2}: {4} можно только набор, который {3}",
    "{1} өзгерістер жинағы — {2}: тек {3} жинақты {4} болады",
    "change set {1} is {2}: only a change set that is {3} can be {4}" },
  { "review.not-author",
    "набор изменений {1} — набор {2}: {3} только его автор",
    "{1} өзгерістер жинағы — {2} жинағы: оны тек авторы {3}",
    "change set {1} is {2}'s: only its author {3}" },
  { "review.nothing-to-submit",
    "в наборе изменений {1} нет изменений для отправки",
    "{1} өзгерістер жинағында жіберетін өзгеріс жоқ",
    "change set {1} has no changes to submit" },
  { "review.own",
    "набор изменений {1} — собственный набор {2}: рецензент не может {3} набор, автором которого является сам",
    "{1} өзгерістер жинағы — {2} өзі жасаған жинақ: рецензенттің өзі жасаған жинақты {3} құқығы жоқ",
    "change set {1} is {2}'s own: a reviewer cannot {3} a change set they authored" },
  { "review.no-reason",
    "отклонению нужна причина: укажите, почему набор изменений {1} отклонён",
    "қабылдамаудың себебі көрсетілуі керек: {1} өзгерістер жинағы неге қабылданбағанын жазыңыз",
    "a rejection needs a reason: say why change set {1} is rejected" },
  { "review.pending",
    "у стандарта есть неодобренные наборы изменений: {1}; их нужно одобрить (или откатить), прежде чем "
    "фиксировать редакцию или выгружать стандарт для публикации",
    "стандарттың мақұлданбаған өзгерістер жинақтары бар: {1}; редакцияны бекітпес немесе стандартты жариялауға "
    "шығармас бұрын оларды мақұлдау (немесе кері қайтару) керек",
    "the standard has change sets not approved: {1}; they must be approved (or reverted) before an edition is "
    "frozen or the standard exported for publication" },
  { "review.conflict",
    "откатить нельзя: {1} {2} {3} после этого ({4}); сначала откатите или отмените это",
    "кері қайтару мүмкін емес: {1} {2} содан кейін {3} ({4}); алдымен соны кері қайтарыңыз немесе болдырмаңыз",
    "cannot revert: {1} {2} {3} since ({4}); revert or undo that first" },
  { "review.other-standard",
    "набор изменений {1} относится к другому стандарту",
    "{1} өзгерістер жинағы басқа стандартқа жатады",
    "change set {1} is not of this standard" },
  { "review.no-comment",
    "комментария {1} нет",
    "{1} пікір жоқ",
    "there is no comment {1}" },
  { "review.comment-not-recorded",
    "{1} не записан в этом рабочем пространстве: комментировать нельзя",
    "{1} бұл жұмыс кеңістігінде тіркелмеген: пікір қалдыруға болмайды",
    "{1} is not recorded in this workspace: cannot comment" },
  { "review.comment-empty",
    "у комментария должен быть текст",
    "пікірдің мәтіні болуы керек",
    "a comment needs a text" },
  { "review.no-field",
    "у «{1}» нет поля «{2}»",
    "«{1}» элементінде «{2}» өрісі жоқ",
    "«{1}» has no field «{2}»" },
  { "review.field-needs-lang",
    "полю «{1}» элемента «{2}» нужен язык (kk или ru)",
    "«{2}» элементінің «{1}» өрісіне тіл керек (kk немесе ru)",
    "field «{1}» of «{2}» needs a language (kk or ru)" },
  { "review.field-no-lang",
    "у поля «{1}» элемента «{2}» нет языка",
    "«{2}» элементінің «{1}» өрісінің тілі жоқ",
    "field «{1}» of «{2}» has no language" },
  { "review.split-no-elements",
    "для разделения набора изменений {1} укажите элементы, изменения которых переходят в новый набор",
    "{1} өзгерістер жинағын бөлу үшін өзгерістері жаңа жинаққа өтетін элементтерді көрсетіңіз",
    "splitting change set {1} needs the elements whose changes go into the new one" },
  { "review.split-mixed",
    "шаг {1} набора изменений {2} меняет и {3}, который не отделяется: шаг переходит целиком (укажите и {3})",
    "{2} өзгерістер жинағының {1} қадамы бөлінбейтін {3} элементін де өзгертеді: қадам толығымен өтеді ({3} "
    "элементін де көрсетіңіз)",
    "step {1} of change set {2} also changes {3}, which is not split off: a step goes whole (give {3} too)" },
  { "review.split-nothing",
    "ни одно изменение набора {1} не касается этих элементов",
    "{1} жинағының бірде-бір өзгерісі бұл элементтерге қатысты емес",
    "no change of change set {1} is about these elements" },
  { "review.split-everything",
    "все изменения набора {1} касаются этих элементов: в нём ничего бы не осталось",
    "{1} жинағының барлық өзгерісі осы элементтерге қатысты: онда ештеңе қалмас еді",
    "every change of change set {1} is about these elements: nothing would be left in it" },
  { "review.merge-same",
    "объединяют два разных набора: {1} и {2} — один и тот же",
    "екі түрлі жинақ біріктіріледі: {1} мен {2} — бір жинақ",
    "a change set is merged with another: {1} and {2} are the same" },
  { "review.merge-other-standard",
    "наборы изменений {1} и {2} относятся к разным стандартам: их нельзя объединить",
    "{1} және {2} өзгерістер жинақтары әртүрлі стандарттарға жатады: оларды біріктіруге болмайды",
    "change sets {1} and {2} are not of one standard: they cannot be merged" },
  { "review.own-change",
    "изменение {1} набора {2} — собственное изменение {3}: рецензент не может решать по изменению, автором которого "
    "является сам",
    "{2} жинағының {1} өзгерісі — {3} өзі жасаған өзгеріс: рецензенттің өзі жасаған өзгеріс бойынша шешім қабылдау "
    "құқығы жоқ",
    "change {1} of change set {2} is {3}'s own: a reviewer cannot decide on a change they authored" },
  { "review.change-no-reason",
    "отклонению нужна причина: укажите, почему отклонено изменение {1}",
    "қабылдамаудың себебі көрсетілуі керек: {1} өзгерісі неге қабылданбағанын жазыңыз",
    "a rejection needs a reason: say why change {1} is rejected" },
  { "review.change-reverted",
    "изменение {1} набора {2} откачено: решать больше нечего",
    "{2} жинағының {1} өзгерісі кері қайтарылды: шешетін ештеңе қалмады",
    "change {1} of change set {2} was reverted: there is nothing left to decide" },
  { "review.no-such-change",
    "в наборе изменений {1} нет изменения {2} (см. kasip review show)",
    "{1} өзгерістер жинағында {2} өзгерісі жоқ (kasip review show қараңыз)",
    "change set {1} has no change {2} (see kasip review show)" },
  { "review.change-not-rejected",
    "изменение {1} набора {2} не отклонено: отдельно откатывается только отклонённое изменение",
    "{2} жинағының {1} өзгерісі қабылданбаған емес: жеке тек қабылданбаған өзгеріс кері қайтарылады",
    "change {1} of change set {2} is not rejected: only a rejected change is reverted alone" },
  { "review.change-still-rejected",
    "изменение {1} набора {2} отклонено ({3}) и не откачено: прежде чем одобрить набор, его автор откатывает это "
    "изменение",
    "{2} жинағының {1} өзгерісі қабылданбаған ({3}) және кері қайтарылмаған: жинақ мақұлданбас бұрын оны авторы кері "
    "қайтарады",
    "change {1} of change set {2} is rejected (by {3}) and not reverted: its author reverts it before the change set is "
    "approved" },
  { "review.revert-not-stored",
    "откат не удалось сохранить: откройте проект заново",
    "кері қайтаруды сақтау мүмкін болмады: жобаны қайта ашыңыз",
    "the revert could not be stored: open the draft again" },
};

/* Terms that arguments name ("@ID") and the labels of path segments ("path.KIND"). */
static const KspMessage terms[] = {
  /* ОКЭД ranks: as named in a list or «как …» */
  { "oked.section", "секция", "секция", "section" },
  { "oked.division", "раздел", "бөлім", "division" },
  { "oked.group", "группа", "топ", "group" },
  { "oked.class", "класс", "сынып", "class" },
  { "oked.subclass", "подкласс", "сыныпша", "subclass" },
  /* … before or after its code: «группа 87.3» / «87.3 тобы» */
  { "oked.section.subject", "секция", "секциясы", "section" },
  { "oked.division.subject", "раздел", "бөлімі", "division" },
  { "oked.group.subject", "группа", "тобы", "group" },
  { "oked.class.subject", "класс", "сыныбы", "class" },
  { "oked.subclass.subject", "подкласс", "сыныпшасы", "subclass" },
  /* … what a code belongs to: «входит в группу 87.3» / «87.3 тобына кіреді» */
  { "oked.section.container", "секцию", "секциясына", "section" },
  { "oked.division.container", "раздел", "бөліміне", "division" },
  { "oked.group.container", "группу", "тобына", "group" },
  { "oked.class.container", "класс", "сыныбына", "class" },
  { "oked.subclass.container", "подкласс", "сыныпшасына", "subclass" },
  { "oked.format.section", "буква A–U", "A–U әрпі", "a letter A–U" },

  /* A numbered list, as in «нумерации умений» / «іскерліктердің нөмірленуі» */
  { "plural.ability", "умений", "іскерліктердің", "abilities" },
  { "plural.knowledge", "знаний", "білімдердің", "knowledge items" },
  { "plural.skill", "навыков", "дағдылардың", "skills" },
  { "plural.function", "трудовых функций", "еңбек функцияларының", "labour functions" },
  { "plural.term", "терминов", "терминдердің", "terms" },
  { "plural.abbreviation", "сокращений", "қысқартылған сөздердің", "abbreviations" },
  { "plural.card_list_entry", "перечня карточек", "карточкалар тізбесінің", "the card list" },
  { "plural.card", "карточек (пунктов)", "карточкалардың (тармақтардың)", "cards (items)" },

  /* K1 */
  { "approval.sector_council", "одобрение отраслевого совета", "салалық кеңестің мақұлдауы", "sector council's approval" },
  { "approval.national_body", "заключение национального органа", "ұлттық органның қорытындысы",
    "national body's conclusion" },
  { "approval.atameken", "экспертное заключение НПП «Атамекен»", "«Атамекен» ҰКП сараптамалық қорытындысы",
    "expert opinion of NCE «Atameken»" },

  /* V14 */
  { "classifier.gk-01-2005", "ГК РК 01-2005", "01-2005 ҚР МС", "GK RK 01-2005" },
  { "classifier.gk-03-2007", "ГК РК 03-2007", "03-2007 ҚР МС", "GK RK 03-2007" },

  /* Items of lists: {1} a word, {2} its Latin letters (S1); a level and a card (V13); a quoted code */
  { "s1.word", "«{1}» (латинские: {2})", "«{1}» (латын әріптері: {2})", "“{1}” (Latin: {2})" },
  { "v13.card-level", "{1} (карточка {2})", "{1} ({2}-карточка)", "{1} (card {2})" },
  { "quoted", "«{1}»", "«{1}»", "“{1}”" },

  /* Path segments: {1} is the number as written */
  { "path.card", "Карточка {1}", "Карточка {1}", "Card {1}" },
  { "path.function", "Трудовая функция {1}", "Еңбек функциясы {1}", "Labour function {1}" },
  { "path.skill", "Навык {1}", "Дағды {1}", "Skill {1}" },
  { "path.ability", "Умения {1}", "Іскерліктер {1}", "Abilities {1}" },
  { "path.knowledge", "Знания {1}", "Білім {1}", "Knowledge {1}" },
  { "path.education", "Образование {1}", "Кәсіптік білім {1}", "Education {1}" },
  { "path.experience", "Опыт работы {1}", "Жұмыс тәжірибесі {1}", "Experience {1}" },
  { "path.other_name", "Другое наименование {1}", "Басқа атауы {1}", "Other name {1}" },
  { "path.competency", "Компетенция {1}", "Жеке құзырет {1}", "Competency {1}" },
  { "path.tech_reg", "Техрегламент {1}", "Техникалық регламент {1}", "Technical regulation {1}" },
  { "path.ork_link", "Связь в ОРК {1}", "СБШ шеңберіндегі байланыс {1}", "ORK link {1}" },
  { "path.term", "Термин {1}", "Термин {1}", "Term {1}" },
  { "path.abbreviation", "Сокращение {1}", "Қысқартылған сөз {1}", "Abbreviation {1}" },
  { "path.oked", "ОКЭД {1}", "ЭҚЖЖ {1}", "OKED {1}" },
  { "path.card_list_entry", "Перечень карточек {1}", "Карточкалар тізбесі {1}", "Card list {1}" },
  { "path.note", "Примечание {1}", "Ескерту {1}", "Note {1}" },
  { "path.not_placed", "Не размещённый текст {1}", "Орналастырылмаған мәтін {1}", "Unplaced text {1}" },
  { "path.order_item", "Пункт приказа {1}", "Бұйрықтың тармағы {1}", "Order item {1}" },
  { "path.subitem", "Подпункт {1}", "Тармақша {1}", "Subitem {1}" },
  { "path.technical", "Технические данные", "Техникалық деректер", "Technical data" },
  { "path.order", "Приказ", "Бұйрық", "Order" },
  { "path.provision", "Пункт стандарта", "Стандарттың тармағы", "Provision of the standard" },
  { "path.standard", "Стандарт", "Кәсіптік стандарт", "Standard" },
  { "path.document", "Документ", "Құжат", "Document" },
  /* the ORK (V16): «ОРК › Пенс., строка 848» */
  { "path.ork", "ОРК", "СБШ", "ORK" },
  { "path.ork_area", "{1}", "{1}", "{1}" },
  { "path.line", "строка {1}", "{1}-жол", "line {1}" },
  { "history.date-unknown", "дата не указана", "күні көрсетілмеген", "date not given" },
  /* the amendment history (kasip history) */
  { "history.approving", "утверждение", "бекіту", "approval" },
  { "history.current", "текст документа", "құжаттың мәтіні", "the text of this document" },
  { "history.repeal", "утрата силы", "күшін жою", "repeal" },
  { "history.from", "с {1}", "{1} бастап", "from {1}" },
  { "history.not-before", "не ранее {1}", "{1} ерте емес", "not before {1}" },
  { "history.none", "Изменений, отмеченных в тексте, нет", "Мәтінде белгіленген өзгерістер жоқ",
    "The text notes no amendments" },
  /* the diff's report (ksp-diff-report.c) */
  { "diff.added", "добавлено", "қосылды", "added" },
  { "diff.removed", "удалено", "алынып тасталды", "removed" },
  { "diff.changed", "изменено", "өзгертілді", "changed" },
  { "diff.moved", "перемещено", "орны ауыстырылды", "moved" },
  { "diff.reordered", "изменён порядок", "реті өзгертілді", "reordered" },
  { "diff.moved-from", "было", "бұрын", "was" },
  { "diff.renumbered", "перенумерованы", "нөмірлері өзгерді", "renumbered" },
  { "diff.number", "номер", "нөмірі", "number" },
  { "diff.stale", "текст на другом языке не изменён", "басқа тілдегі мәтін өзгертілмеген",
    "the text in the other language did not change" },
  { "diff.outside-cards", "Вне карточек профессий", "Кәсіп карточкаларынан тыс", "Outside the profession cards" },
  { "diff.none", "Различий нет", "Айырмашылық жоқ", "No differences" },
  { "diff.count", "Изменений: {1}", "Өзгерістер саны: {1}", "Changes: {1}" },
  { "diff.stale-count", "из них без перевода: {1}", "оның ішінде аудармасыз: {1}", "of them without a translation: {1}" },
  /* Review: roles (in a list; "one": after "is not" in English), statuses, what a role is needed for
   * (ksp_review_require's @what, matched by its English), what only an author does, why a revert stops */
  { "role.drafter", "составитель", "құрастырушы", "drafter" },
  { "role.reviewer", "рецензент", "рецензент", "reviewer" },
  { "role.publisher", "публикатор", "жариялаушы", "publisher" },
  { "role.admin", "администратор", "әкімші", "administrator" },
  { "role.drafter.one", "составитель", "құрастырушы", "a drafter" },
  { "role.reviewer.one", "рецензент", "рецензент", "a reviewer" },
  { "role.publisher.one", "публикатор", "жариялаушы", "a publisher" },
  { "role.admin.one", "администратор", "әкімші", "an administrator" },
  { "role.none", "нет", "жоқ", "none" },
  { "review.status.open", "открыт", "ашық", "open" },
  { "review.status.submitted", "на рассмотрении", "қарауда", "submitted" },
  { "review.status.approved", "одобрен", "мақұлданған", "approved" },
  { "review.status.rejected", "отклонён", "қабылданбаған", "rejected" },
  { "review.status.reverted", "откачен", "кері қайтарылған", "reverted" },
  { "review.status.published", "опубликован", "жарияланған", "published" },
  { "review.status.open-or-submitted", "открыт или на рассмотрении", "ашық не қарауда", "open or submitted" },
  { "review.action.submit", "отправить на рассмотрение", "қарауға жіберуге", "submitted" },
  { "review.action.approve", "одобрить", "мақұлдауға", "approved" },
  { "review.action.reject", "отклонить", "қабылдамауға", "rejected" },
  { "review.action.revert", "откатить", "кері қайтаруға", "reverted" },
  { "review.do.edit", "редактировать проект", "жобаны өңдеуге", "edit the draft" },
  { "review.do.people", "записывать людей и их роли", "адамдар мен олардың рөлдерін жазуға",
    "record people and their roles" },
  { "review.do.publish", "публиковать стандарт", "стандартты жариялауға", "publish the standard" },
  { "review.do.revert", "откатывать набор изменений", "өзгерістер жинағын кері қайтаруға", "revert a change set" },
  { "review.do.approve", "одобрять наборы изменений", "өзгерістер жинақтарын мақұлдауға", "approve" },
  { "review.do.reject", "отклонять наборы изменений", "өзгерістер жинақтарын қабылдамауға", "reject" },
  { "review.do.resolve", "закрывать чужое обсуждение", "басқаның пікірін шешілді деп белгілеуге",
    "resolve another's comment" },
  { "review.do.reopen", "заново открывать чужое обсуждение", "басқаның пікірін қайта ашуға",
    "reopen another's comment" },
  { "review.verb.approve", "одобрить", "мақұлдау", "approve" },
  { "review.verb.reject", "отклонить", "қабылдамау", "reject" },
  { "review.by-author.submit", "отправляет его на рассмотрение", "қарауға жібереді", "submits it" },
  { "review.why.removed", "удалён", "жойылды", "was removed" },
  { "review.why.changed", "снова изменён", "қайта өзгертілді", "was changed again" },
  { "review.why.renumbered", "снова перенумерован", "қайта нөмірленді", "was renumbered again" },
  { "review.why.put-back", "возвращён", "қайтарылды", "was put back" },
  { "review.why.lost-parent", "потерял элемент, в котором был", "ішінде тұрған элементінен айырылды",
    "lost the element it was in" },
  { "review.element", "элемент", "элемент", "element" },
  { "review.status.merged", "объединён с другим", "басқасымен біріктірілген", "merged" },
  { "review.action.title", "переименовать", "атауын өзгертуге", "given a title" },
  { "review.action.split", "разделить", "бөлуге", "split" },
  { "review.action.merge", "объединить", "біріктіруге", "merged" },
  { "review.action.decide", "рассматривать по отдельным изменениям", "жеке өзгерістер бойынша қарауға",
    "decided change by change" },
  { "review.action.revert-change", "откатывать по отдельным изменениям", "жеке өзгерістер бойынша кері қайтаруға",
    "reverted change by change" },
  { "review.by-author.title", "даёт ему название", "атауын береді", "gives it a title" },
  { "review.by-author.split", "разделяет его", "бөледі", "splits it" },
  { "review.by-author.merge", "объединяет его с другим", "басқасымен біріктіреді", "merges it" },
  { "review.by-author.revert-change", "откатывает его отклонённые изменения", "қабылданбаған өзгерістерін кері қайтарады",
    "reverts its rejected changes" },
  { "review.do.decide", "решать по отдельным изменениям", "жеке өзгерістер бойынша шешім қабылдауға",
    "decide on a change" },
  { "review.do.revert-change", "откатывать изменение", "өзгерісті кері қайтаруға", "revert a change" },
  { "review.pending-item", "{1} ({2}, {3})", "{1} ({2}, {3})", "{1} ({2}, {3})" },
};

/* Languages ---------------------------------------------------------------------------------------- */

/* "kk_KZ.UTF-8" → KK; "C", "POSIX" → EN; a language without messages → FALSE. */
static gboolean
lang_of_locale_name (const char *name,
                     KspUiLang  *out)
{
  gsize n = strcspn (name, "_.@");

  if (n == 2 && strncmp (name, "kk", 2) == 0)
    *out = KSP_UI_LANG_KK;
  else if (n == 2 && strncmp (name, "ru", 2) == 0)
    *out = KSP_UI_LANG_RU;
  else if ((n == 2 && strncmp (name, "en", 2) == 0) || (n == 1 && name[0] == 'C')
           || (n == 5 && strncmp (name, "POSIX", 5) == 0))
    *out = KSP_UI_LANG_EN;
  else
    return FALSE;
  return TRUE;
}

/**
 * ksp_ui_lang_default:
 *
 * Returns: the first of the user's languages (g_get_language_names(): $LANGUAGE, $LC_ALL,
 *   $LC_MESSAGES, $LANG) that has messages: Kazakh, Russian, or English (also for "C")
 */
KspUiLang
ksp_ui_lang_default (void)
{
  const char *const *names = g_get_language_names ();
  KspUiLang lang;

  for (guint i = 0; names[i]; i++)
    if (lang_of_locale_name (names[i], &lang))
      return lang;
  return KSP_UI_LANG_EN;
}

/* "en", "ru", "kk" (any case); FALSE and @out untouched otherwise. */
gboolean
ksp_ui_lang_from_string (const char *s,
                         KspUiLang  *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (s == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (s, "en") == 0)
    *out = KSP_UI_LANG_EN;
  else if (g_ascii_strcasecmp (s, "ru") == 0)
    *out = KSP_UI_LANG_RU;
  else if (g_ascii_strcasecmp (s, "kk") == 0)
    *out = KSP_UI_LANG_KK;
  else
    return FALSE;
  return TRUE;
}

const char *
ksp_ui_lang_to_string (KspUiLang lang)
{
  switch (lang)
    {
    case KSP_UI_LANG_RU:
      return "ru";
    case KSP_UI_LANG_KK:
      return "kk";
    case KSP_UI_LANG_EN:
    default:
      return "en";
    }
}

/* The catalogue -------------------------------------------------------------------------------------- */

const KspMessage *
ksp_messages_list (guint *n_messages)
{
  if (n_messages)
    *n_messages = G_N_ELEMENTS (messages);
  return messages;
}

const KspMessage *
ksp_message_terms_list (guint *n_terms)
{
  if (n_terms)
    *n_terms = G_N_ELEMENTS (terms);
  return terms;
}

static const KspMessage *
lookup_in (const KspMessage *table,
           guint             n,
           const char       *prefix,
           const char       *id,
           gsize             id_len)
{
  gsize prefix_len = prefix ? strlen (prefix) : 0;

  for (guint i = 0; i < n; i++)
    {
      const char *tid = table[i].id;
      if (prefix_len && strncmp (tid, prefix, prefix_len) != 0)
        continue;
      tid += prefix_len;
      if (strncmp (tid, id, id_len) == 0 && tid[id_len] == '\0')
        return &table[i];
    }
  return NULL;
}

/* Returns: (nullable): the message @id */
const KspMessage *
ksp_message_lookup (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);
  return lookup_in (messages, G_N_ELEMENTS (messages), NULL, id, strlen (id));
}

/* Returns: (nullable): the term @id (without the "@") */
const KspMessage *
ksp_message_lookup_term (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);
  return lookup_in (terms, G_N_ELEMENTS (terms), NULL, id, strlen (id));
}

/* Returns: @message's text in @lang, or the Russian one when it has none in @lang. */
const char *
ksp_message_get_text (const KspMessage *message,
                      KspUiLang         lang)
{
  const char *text = NULL;

  g_return_val_if_fail (message != NULL, NULL);
  switch (lang)
    {
    case KSP_UI_LANG_KK:
      text = message->kk;
      break;
    case KSP_UI_LANG_EN:
      text = message->en;
      break;
    case KSP_UI_LANG_RU:
    default:
      break;
    }
  return text && *text ? text : message->ru;
}

/* Rendering ------------------------------------------------------------------------------------------ */

typedef void (*AppendArg) (GString *out, const char *arg, KspUiLang lang);

/* @tmpl with {N} replaced by @append of args[N-1]; a placeholder without its argument is dropped. */
static void
append_template (GString            *out,
                 const char         *tmpl,
                 const char *const  *args,
                 AppendArg           append,
                 KspUiLang           lang)
{
  guint n_args = args ? g_strv_length ((char **) args) : 0;
  const char *p = tmpl;

  while (*p)
    {
      if (p[0] == '{' && g_ascii_isdigit (p[1]))
        {
          const char *q = p + 1;
          guint64 index = 0;

          while (g_ascii_isdigit (*q) && index < 1000)
            index = index * 10 + (guint64) (*q++ - '0');
          if (*q == '}')
            {
              if (index >= 1 && index <= n_args)
                append (out, args[index - 1], lang);
              p = q + 1;
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }
}

static void
append_literal (GString    *out,
                const char *arg,
                KspUiLang   lang)
{
  g_string_append (out, arg);
}

/* "@field\x1fKIND\x1fFIELD": the field's label as the registry has it (it has no English labels:
 * English shows the Russian one, as the published text does); a field it does not know, by its name. */
static gboolean
append_field_label (GString           *out,
                    const char *const *term_args,
                    KspUiLang          lang)
{
  const KspKindSpec *kind;
  const KspFieldSpec *field;

  if (term_args[0] == NULL || term_args[1] == NULL)
    return FALSE;
  kind = ksp_schema_lookup_kind (term_args[0]);
  field = kind ? ksp_kind_lookup_field (kind, term_args[1]) : NULL;
  if (field)
    g_string_append (out, ksp_field_label (field, lang == KSP_UI_LANG_KK ? KSP_LANG_KK : KSP_LANG_RU));
  else
    g_string_append (out, term_args[1]);
  return TRUE;
}

/* One item: a literal, "@@literal", "@TERM" or "@TERM\x1fA\x1fB…". */
static void
append_item (GString    *out,
             const char *item,
             KspUiLang   lang)
{
  g_auto (GStrv) parts = NULL;
  const KspMessage *term;

  if (item[0] != '@')
    {
      g_string_append (out, item);
      return;
    }
  if (item[1] == '@')
    {
      g_string_append (out, item + 1);
      return;
    }
  parts = g_strsplit (item + 1, KSP_MESSAGE_TERM_SEP, -1);
  if (strcmp (parts[0], "field") == 0 && append_field_label (out, (const char *const *) parts + 1, lang))
    return;
  term = ksp_message_lookup_term (parts[0]);
  if (term == NULL)
    {
      g_string_append (out, item); /* not a term: the data as it is */
      return;
    }
  append_template (out, ksp_message_get_text (term, lang), (const char *const *) parts + 1, append_literal, lang);
}

/* An argument: one item, or a list of them ("\x1e"-separated) joined with ", ". */
static void
append_arg (GString    *out,
            const char *arg,
            KspUiLang   lang)
{
  g_auto (GStrv) items = NULL;

  if (strstr (arg, KSP_MESSAGE_LIST_SEP) == NULL)
    {
      append_item (out, arg, lang);
      return;
    }
  items = g_strsplit (arg, KSP_MESSAGE_LIST_SEP, -1);
  for (guint i = 0; items[i]; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      append_item (out, items[i], lang);
    }
}

/**
 * ksp_message_render:
 * @id: a message of the catalogue
 * @args: (nullable) (array zero-terminated=1): its arguments (see ksp-messages.h)
 * @lang: the language
 *
 * Returns: (transfer full) (nullable): the message in @lang (Russian where @lang has no
 *   translation), or %NULL when the catalogue has no message @id
 */
char *
ksp_message_render (const char        *id,
                    const char *const *args,
                    KspUiLang          lang)
{
  const KspMessage *message;
  GString *out;

  g_return_val_if_fail (id != NULL, NULL);

  message = ksp_message_lookup (id);
  if (message == NULL)
    return NULL;
  out = g_string_new (NULL);
  append_template (out, ksp_message_get_text (message, lang), args, append_arg, lang);
  return g_string_free (out, FALSE);
}

/**
 * ksp_message_render_path:
 * @segments: (array zero-terminated=1): "KIND\tNUMBER" from the outermost element in
 * @lang: the language
 *
 * A kind the catalogue has no label for is named by the registry (ksp-schema.c), without its number.
 *
 * Returns: (transfer full): e.g. «Карточка 9 › Трудовая функция 1», «Карточка 9 › Еңбек функциясы 1»
 */
char *
ksp_message_render_path (const char *const *segments,
                         KspUiLang          lang)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; segments && segments[i]; i++)
    {
      const char *tab = strchr (segments[i], '\t');
      gsize kind_len = tab ? (gsize) (tab - segments[i]) : strlen (segments[i]);
      const char *number[] = { tab ? tab + 1 : "", NULL };
      const KspMessage *label = lookup_in (terms, G_N_ELEMENTS (terms), "path.", segments[i], kind_len);

      if (i > 0)
        g_string_append (out, kind_len == 4 && strncmp (segments[i], "line", 4) == 0 ? ", " : " › ");
      if (label)
        append_template (out, ksp_message_get_text (label, lang), number, append_literal, lang);
      else
        {
          g_autofree char *kind = g_strndup (segments[i], kind_len);
          const KspKindSpec *spec = ksp_schema_lookup_kind (kind);
          g_string_append (out, spec ? ksp_kind_label (spec, lang == KSP_UI_LANG_KK ? KSP_LANG_KK : KSP_LANG_RU) : kind);
        }
    }
  return g_string_free (out, FALSE);
}

/* Arguments ------------------------------------------------------------------------------------------ */

/* The separators are structure: in data they become spaces. */
static void
append_data (GString    *out,
             const char *text)
{
  for (const char *p = text; *p; p++)
    g_string_append_c (out, *p == '\x1e' || *p == '\x1f' ? ' ' : *p);
}

/**
 * ksp_message_arg_text:
 * @text: (nullable): data: a code, a number, a text quoted from the standard
 *
 * Returns: (transfer full): @text as an argument that renders as @text ("@…" escaped, "" for %NULL)
 */
char *
ksp_message_arg_text (const char *text)
{
  GString *out = g_string_new (NULL);

  if (text == NULL)
    return g_string_free (out, FALSE);
  if (text[0] == '@')
    g_string_append_c (out, '@');
  append_data (out, text);
  return g_string_free (out, FALSE);
}

/**
 * ksp_message_arg_term:
 * @term_id: a term of the catalogue, without the "@"
 * @term_args: (nullable) (array zero-terminated=1): data for the term's placeholders
 *
 * Returns: (transfer full): "@TERM" or "@TERM\x1fA\x1fB…"
 */
char *
ksp_message_arg_term (const char        *term_id,
                      const char *const *term_args)
{
  GString *out;

  g_return_val_if_fail (term_id != NULL, NULL);

  out = g_string_new ("@");
  g_string_append (out, term_id);
  for (guint i = 0; term_args && term_args[i]; i++)
    {
      g_string_append (out, KSP_MESSAGE_TERM_SEP);
      append_data (out, term_args[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * ksp_message_arg_list:
 * @items: (array zero-terminated=1): arguments from ksp_message_arg_text() or ksp_message_arg_term()
 *
 * Returns: (transfer full): the list as one argument, rendered as its items joined with ", "
 */
char *
ksp_message_arg_list (const char *const *items)
{
  g_return_val_if_fail (items != NULL, NULL);
  return g_strjoinv (KSP_MESSAGE_LIST_SEP, (char **) items);
}
