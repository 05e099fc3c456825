/* The validator on hand-built trees shaped like the importer's output, reproducing faults of the seeds;
 * its messages in Russian, Kazakh and English (ksp-messages.c), on those trees and on the seeds. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ksp-adilet-reader.h"
#include "ksp-messages.h"
#include "ksp-ork-reader.h"
#include "ksp-validator.h"

#define SEED(n) SOURCE_DATADIR "/samples/" n

/* Tree building --------------------------------------------------------------------------------- */

static KspNode *
add (KspNode    *parent,
     const char *kind,
     const char *number,
     guint       line)
{
  KspNode *node = ksp_node_new (kind, NULL);

  ksp_node_set_number (node, number);
  ksp_node_set_src_line (node, line);
  if (parent)
    {
      ksp_node_append_child (parent, node);
      g_object_unref (node);
    }
  return node;
}

static void
ru (KspNode    *node,
    const char *field,
    const char *text)
{
  ksp_node_set_value (node, field, KSP_LANG_RU, text);
}

static void
neu (KspNode    *node,
     const char *field,
     const char *text)
{
  ksp_node_set_value (node, field, KSP_LANG_NONE, text);
}

static KspNode *
add_oked (KspNode    *standard,
          const char *division,
          const char *group,
          const char *klass,
          const char *subclass,
          guint       line)
{
  KspNode *o = add (standard, "oked", NULL, line);

  neu (o, "section_code", "Q");
  neu (o, "division_code", division);
  neu (o, "group_code", group);
  neu (o, "class_code", klass);
  neu (o, "subclass_code", subclass);
  return o;
}

static KspNode *
add_card (KspNode    *standard,
          const char *number,
          guint       line,
          const char *title,
          const char *group,
          const char *code,
          const char *level)
{
  KspNode *card = add (standard, "card", number, line);
  KspNode *n, *fn, *skill;

  ru (card, "title", title);
  neu (card, "group_code", group);
  neu (card, "occupation_code", code);
  ru (card, "profession_name", title);
  neu (card, "ork_level", level);
  n = add (card, "education", NULL, line + 10);
  ru (n, "level", "ТиПО (специалист среднего звена)");
  ru (n, "specialty", "Социальная работа");
  ru (n, "qualification", "Социальный работник");
  n = add (card, "experience", NULL, line + 14);
  ru (n, "text", "Без предъявления требований к стажу работы");

  fn = add (card, "function", "1", line + 20);
  neu (fn, "function_kind", "mandatory");
  ru (fn, "list_name", "Оказание специальных социальных услуг");
  ru (fn, "name", "Оказание специальных социальных услуг");
  skill = add (fn, "skill", "1", line + 22);
  ru (skill, "name", "Оценка потребности в услугах");
  ru (add (skill, "ability", "1.", line + 24), "text", "Оценивать индивидуальную потребность в услугах.");
  ru (add (skill, "ability", "2.", line + 25), "text", "Составлять индивидуальный план работы.");
  ru (add (skill, "knowledge", "1.", line + 27), "text", "Основ социальной работы.");
  ru (add (skill, "knowledge", "2.", line + 28), "text", "Методов оценки потребности в услугах.");
  return card;
}

/* A clean standard: one card «Социальный работник» (card 9, level 4, 3412-0-008). */
static KspNode *
new_clean_document (void)
{
  KspNode *doc = add (NULL, "document", NULL, 0);
  KspNode *std, *n;

  neu (doc, "language", "ru");
  std = add (doc, "standard", NULL, 37);
  ru (std, "name", "Социальная работа");
  neu (std, "code", "Q88100061");

  n = add (std, "abbreviation", "1)", 62);
  ru (n, "abbr", "ОРК");
  ru (n, "expansion", "отраслевая рамка квалификаций");
  n = add (std, "abbreviation", "2)", 64);
  ru (n, "abbr", "НКЗ");
  ru (n, "expansion", "Национальный классификатор занятий");
  ru (std, "description", "Стандарт описывает профессии социальной работы по ОРК и НКЗ.");

  add_oked (std, "88", "88.1", "88.10", "88.10.0", 119);

  n = add (std, "card_list_entry", "1)", 145);
  ru (n, "name", "Социальный работник");
  neu (n, "ork_level", "4");

  add_card (std, "9.", 170, "Социальный работник", "3412-0", "3412-0-008", "4");

  n = add (std, "technical", NULL, 3948);
  neu (n, "sector_council_date", "2024-03-11");
  neu (n, "national_body_date", "2024-03-15");
  neu (n, "atameken_date", "2023-12-13");
  return doc;
}

static KspClassifiers *
new_classifiers (void)
{
  KspClassifiers *c = ksp_classifiers_new ();
  KspOrkRow *row;

  ksp_classifiers_set_source (c, "test-ork");
  ksp_classifiers_add_occupation (c, "3412-0-008", "Социальный работник", NULL, 496);
  ksp_classifiers_add_occupation (c, "3440-0-011", "Культорганизатор", NULL, 622);
  ksp_classifiers_add_occupation (c, "5320-1-003", "Санитар (-ка) (общий профиль)", NULL, 640);
  ksp_classifiers_add_occupation (c, "1210-0-040", "Директор медико-социальной организации", NULL, 400);

  row = ksp_classifiers_add_ork_row (c, "Пенс.", 0, 5, 848);
  ksp_ork_row_add_code (row, "3412-0-008", "Социальный работник");
  row = ksp_classifiers_add_ork_row (c, "Адапт.", 4, 4, 1204);
  ksp_ork_row_add_code (row, "3412-0-008", "Социальный работник");
  row = ksp_classifiers_add_ork_row (c, "Пенс.", 4, 4, 915);
  ksp_ork_row_add_code (row, "3440-0-011", "Культорганизатор");
  row = ksp_classifiers_add_ork_row (c, "Пенс.", 0, 2, 1003);
  ksp_ork_row_add_code (row, "5320-1-003", "Санитар (-ка) (общий профиль)");
  ksp_ork_row_add_proposed (row, "Сестра-хозяйка");
  row = ksp_classifiers_add_ork_row (c, "Адапт.", 8, 8, 1155);
  ksp_ork_row_add_code (row, "1210-0-040", "Директор медико-социальной организации");
  return c;
}

/* Lookups ---------------------------------------------------------------------------------------- */

static KspNode *
find_kind (KspNode    *node,
           const char *kind,
           guint       nth)
{
  guint seen = 0;
  GPtrArray *stack = g_ptr_array_new ();
  KspNode *found = NULL;

  g_ptr_array_add (stack, node);
  /* depth-first, in order */
  while (stack->len > 0 && found == NULL)
    {
      KspNode *n = g_ptr_array_steal_index (stack, stack->len - 1);
      if (strcmp (ksp_node_get_kind (n), kind) == 0 && seen++ == nth)
        found = n;
      for (guint i = ksp_node_get_n_children (n); i > 0; i--)
        {
          KspNode *c = ksp_node_get_child (n, i - 1);
          g_ptr_array_add (stack, c); /* transfer none: the tree keeps it */
        }
    }
  g_ptr_array_unref (stack);
  g_assert_nonnull (found);
  return found;
}

static const KspUiLang all_langs[] = { KSP_UI_LANG_RU, KSP_UI_LANG_KK, KSP_UI_LANG_EN };

/* A finding is data: its message is in the catalogue, and renders in each language with nothing of
 * the argument syntax left; the Russian rendering is its `message` and `path`. */
static void
assert_finding_is_data (const KspFinding *f)
{
  g_assert_nonnull (f->message_id);
  if (ksp_message_lookup (f->message_id) == NULL)
    g_error ("%s: message «%s» is not in the catalogue", f->rule, f->message_id);
  {
    g_autofree char *rule = g_ascii_strdown (f->rule, -1);
    g_autofree char *prefix = g_strconcat (rule, ".", NULL);
    g_assert_true (g_str_has_prefix (f->message_id, prefix)); /* the rule's own message */
  }
  g_assert_nonnull (f->path_segments);
  for (guint l = 0; l < G_N_ELEMENTS (all_langs); l++)
    {
      g_autofree char *message = ksp_finding_dup_message (f, all_langs[l]);
      g_autofree char *path = ksp_finding_dup_path (f, all_langs[l]);
      gunichar first = g_utf8_get_char (message);

      if (*message == '\0' || *path == '\0' || strchr (message, '\x1e') || strchr (message, '\x1f')
          || strchr (path, '\t') || g_unichar_islower (first))
        g_error ("%s in %s: «%s» at «%s»", f->message_id, ksp_ui_lang_to_string (all_langs[l]), message, path);
      if (all_langs[l] == KSP_UI_LANG_RU)
        {
          g_assert_cmpstr (message, ==, f->message);
          g_assert_cmpstr (path, ==, f->path);
        }
    }
}

static void
dump (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      g_autofree char *json = ksp_finding_to_json (g_ptr_array_index (findings, i), KSP_UI_LANG_RU);
      g_test_message ("%s", json);
      assert_finding_is_data (g_ptr_array_index (findings, i));
    }
}

/* @f's message and path in @lang are exactly these. */
static void
assert_rendered (const KspFinding *f,
                 KspUiLang         lang,
                 const char       *path,
                 const char       *message)
{
  g_autofree char *p = ksp_finding_dup_path (f, lang);
  g_autofree char *m = ksp_finding_dup_message (f, lang);

  if (path)
    g_assert_cmpstr (p, ==, path);
  g_assert_cmpstr (m, ==, message);
}

/* The only finding of @rule; asserts there is exactly one. */
static KspFinding *
only (GPtrArray  *findings,
      const char *rule)
{
  KspFinding *hit = NULL;

  dump (findings);
  for (guint i = 0; i < findings->len; i++)
    {
      KspFinding *f = g_ptr_array_index (findings, i);
      if (strcmp (f->rule, rule) == 0)
        {
          if (hit != NULL)
            g_error ("more than one %s finding: «%s» and «%s»", rule, hit->message, f->message);
          hit = f;
        }
    }
  if (hit == NULL)
    g_error ("no %s finding", rule);
  return hit;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("«%s» does not contain «%s»", haystack, needle);
}

static GPtrArray *
validate (KspNode *root)
{
  g_autoptr (KspClassifiers) c = new_classifiers ();
  GPtrArray *findings = ksp_validate (root, c);

  dump (findings);
  return findings;
}

/* Tests ------------------------------------------------------------------------------------------ */

static void
test_clean (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  g_autoptr (GPtrArray) findings = validate (doc);

  dump (findings);
  g_assert_cmpuint (ksp_findings_count (findings, KSP_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (ksp_findings_count (findings, KSP_SEVERITY_WARNING), ==, 0);
  g_assert_cmpuint (findings->len, ==, 0);
}

/* 000:796: card 29 has «-» as occupation code. */
static void
test_v1_dash (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  KspNode *card = find_kind (doc, "card", 0);
  g_autoptr (GPtrArray) findings = NULL;
  KspFinding *f;

  neu (card, "occupation_code", "-");
  findings = validate (doc);
  f = only (findings, "V1");
  g_assert_cmpint (f->severity, ==, KSP_SEVERITY_ERROR);
  g_assert_cmpstr (f->node_id, ==, ksp_node_get_id (card));
  g_assert_cmpstr (f->path, ==, "Карточка 9");
  g_assert_cmpuint (f->line, ==, 170);
  assert_contains (f->message, "«-»");
  assert_contains (f->message, "NNNN-N-NNN");
  g_assert_cmpstr (ksp_finding_severity_to_string (f), ==, "error");
  g_assert_cmpstr (f->message_id, ==, "v1.occupation-dash");
  assert_rendered (f, KSP_UI_LANG_RU, "Карточка 9",
                   "Код наименования занятия: «-» вместо кода; ожидается код НКЗ вида NNNN-N-NNN");
  assert_rendered (f, KSP_UI_LANG_KK, "Карточка 9",
                   "Кәсіп атауының коды: код орнына «-» тұр; NNNN-N-NNN түріндегі ҰКЖ коды болуы керек");
  assert_rendered (f, KSP_UI_LANG_EN, "Card 9", "Occupation code: “-” instead of a code; expected an NKZ code NNNN-N-NNN");
  g_assert_cmpuint (ksp_findings_count (findings, KSP_SEVERITY_ERROR), ==, 1);
  /* the name still leads to the ORK level, which agrees */
  g_assert_cmpuint (ksp_findings_count_rule (findings, "V4"), ==, 0);
}

/* 002:214: «3412-008». */
static void
test_v1_malformed (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  KspNode *card = find_kind (doc, "card", 0);
  g_autoptr (GPtrArray) findings = NULL;
  KspFinding *f;

  neu (card, "occupation_code", "3412-008");
  findings = validate (doc);
  f = only (findings, "V1");
  g_assert_cmpint (f->severity, ==, KSP_SEVERITY_ERROR);
  assert_contains (f->message, "«3412-008»");
  g_assert_cmpuint (ksp_findings_count_rule (findings, "V2"), ==, 0);
}

/* Group 5320-2 with occupation 5320-9-006. */
static void
test_v2 (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  KspNode *card = find_kind (doc, "card", 0);
  g_autoptr (GPtrArray) findings = NULL;
  KspFinding *f;

  ru (card, "title", "Социальный помощник");
  ru (card, "profession_name", "Социальный помощник");
  ru (find_kind (doc, "card_list_entry", 0), "name", "Социальный помощник");
  neu (card, "group_code", "5320-2");
  neu (card, "occupation_code", "5320-9-006");
  neu (card, "ork_level", "2");
  neu (find_kind (doc, "card_list_entry", 0), "ork_level", "2");
  ru (find_kind (doc, "education", 0), "level", "основное среднее, общее среднее образование");
  findings = validate (doc);
  f = only (findings, "V2");
  g_assert_cmpint (f->severity, ==, KSP_SEVERITY_ERROR);
  assert_contains (f->message, "5320-9-006");
  assert_contains (f->message, "5320-2");
  g_assert_cmpuint (ksp_findings_count_rule (findings, "V1"), ==, 0);
  /* 5320-9-006 is not in this ORK: a note, not an error */
  g_assert_cmpint (only (findings, "V5")->severity, ==, KSP_SEVERITY_INFO);
  g_assert_cmpuint (ksp_findings_count (findings, KSP_SEVERITY_ERROR), ==, 1);
}

/* 000:47: Q87300060, but the OKED list of 000 has 87.90.0, 88.10.0 and 88.99.0 only. */
static void
test_v10 (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  KspNode *std = find_kind (doc, "standard", 0);
  KspNode *oked = find_kind (doc, "oked", 0);
  g_autoptr (GPtrArray) findings = NULL;
  KspFinding *f;

  neu (std, "code", "Q87300060");
  neu (oked, "division_code", "87");
  neu (oked, "group_code", "87.9");
  neu (oked, "class_code", "87.90");
  neu (oked, "subclass_code", "87.90.0");
  add_oked (std, "88", "88.1", "88.10", "88.10.0", 63);
  add_oked (std, "88", "88.9", "88.99", "88.99.0", 75);
  findings = validate (doc);
  f = only (findings, "V10");
  g_assert_cmpint (f->severity, ==, KSP_SEVERITY_ERROR);
  g_assert_cmpstr (f->path, ==, "Стандарт");
  assert_contains (f->message, "87.30.0");
  assert_contains (f->message, "87.90.0, 88.10.0, 88.99.0");
  g_assert_cmpuint (ksp_findings_count_rule (findings, "V9"), ==, 0);

  /* Q88100061 with 88.10.0 listed (seed 001) passes */
  neu (std, "code", "Q88100061.");
  g_ptr_array_unref (g_steal_pointer (&findings));
  findings = validate (doc);
  g_assert_cmpuint (ksp_findings_count_rule (findings, "V10"), ==, 0);
  g_assert_cmpint (only (findings, "V1")->severity, ==, KSP_SEVERITY_WARNING); /* the trailing dot */
}

/* 001:125–127: 88 → 88.10 with the group missing; and a wrong division. */
static void
test_v9 (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  KspNode *oked = find_kind (doc, "oked", 0);
  g_autoptr (GPtrArray) findings = NULL;
  KspFinding *f;

  neu (oked, "group_code", NULL);
  neu (oked, "division_code", "88.");
  neu (oked, "class_code", "88.10.");
  findings = validate (doc);
  f = only (findings, "V9");
  g_assert_cmpint (f->severity, ==, KSP_SEVERITY_ERROR);
  assert_contains (f->message, "пропущено: группа");
  assert_rendered (f, KSP_UI_LANG_RU, "ОКЭД 1", "ОКЭД: между раздел 88 и класс 88.10 пропущено: группа");
  assert_rendered (f, KSP_UI_LANG_KK, "ЭҚЖЖ 1", "ЭҚЖЖ: 88 бөлімі мен 88.10 сыныбы арасында түсіп қалған: топ");
  assert_rendered (f, KSP_UI_LANG_EN, "OKED 1", "OKED: between division 88 and class 88.10, missing: group");
  assert_contains (only (findings, "V1")->message, "«88.»");
  assert_rendered (only (findings, "V1"), KSP_UI_LANG_RU, NULL,
                   "Коды ОКЭД с лишней точкой или знаком в конце: «88.», «88.10.»; ожидается код без точки");
  assert_rendered (only (findings, "V1"), KSP_UI_LANG_KK, NULL,
                   "Соңында артық нүкте не белгі тұрған ЭҚЖЖ кодтары: «88.», «88.10.»; нүктесіз код болуы керек");
  assert_rendered (only (findings, "V1"), KSP_UI_LANG_EN, NULL,
                   "OKED codes with a stray dot or character at the end: “88.”, “88.10.”; expected the code without it");

  neu (oked, "group_code", "87.3");
  neu (oked, "class_code", "88.10");
  neu (oked, "division_code", "88");
  g_ptr_array_unref (g_steal_pointer (&findings));
  findings = validate (doc);
  assert_contains (only (findings, "V9")->message, "группа 87.3 не входит в раздел 88");
  assert_rendered (only (findings, "V9"), KSP_UI_LANG_KK, NULL, "ЭҚЖЖ: 87.3 тобы 88 бөліміне кірмейді");
  assert_rendered (only (findings, "V9"), KSP_UI_LANG_EN, NULL, "OKED: group 87.3 is not within division 88");
}

/* 001:3039–3041: knowledge 1, 2, 3, 6. */
static void
test_n1_gap (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  KspNode *skill = find_kind (doc, "skill", 0);
  g_autoptr (GPtrArray) findings = NULL;
  KspFinding *f;

  ru (add (skill, "knowledge", "3.", 3039), "text", "Основ психологии.");
  ru (add (skill, "knowledge", "6.", 3041), "text", "Основ конфликтологии.");
  findings = validate (doc);
  f = only (findings, "N1");
  g_assert_cmpint (f->severity, ==, KSP_SEVERITY_WARNING);
  g_assert_cmpstr (f->path, ==, "Карточка 9 › Трудовая функция 1 › Навык 1 › Знания 6.");
  g_assert_cmpuint (f->line, ==, 3041);
  assert_contains (f->message, "после 3 идёт 6");
  assert_contains (f->message, "4–5");
  assert_rendered (f, KSP_UI_LANG_RU, NULL, "Пропуск в нумерации знаний: после 3 идёт 6, пропущены номера 4–5");
  assert_rendered (f, KSP_UI_LANG_KK, "Карточка 9 › Еңбек функциясы 1 › Дағды 1 › Білім 6.",
                   "3 нөмірінен кейін 6 тұр: білімдердің нөмірленуінде 4–5 нөмірлері түсіп қалған");
  assert_rendered (f, KSP_UI_LANG_EN, "Card 9 › Labour function 1 › Skill 1 › Knowledge 6.",
                   "Gap in the numbering of knowledge items: 3 is followed by 6, numbers 4–5 are missing");
  g_assert_cmpuint (ksp_findings_count_rule (findings, "N2"), ==, 0);
}

/* 000:592: abilities …4. 5. 4. 6. */
static void
test_n2_repeat (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  KspNode *skill = find_kind (doc, "skill", 0);
  g_autoptr (GPtrArray) findings = NULL;
  KspFinding *f;

  ru (add (skill, "ability", "3.", 590), "text", "Вести документацию.");
  ru (add (skill, "ability", "4.", 591), "text", "Консультировать получателей услуг.");
  ru (add (skill, "ability", "5.", 591), "text", "Взаимодействовать с семьёй.");
  ru (add (skill, "ability", "4.", 592), "text", "Организовывать досуг.");
  ru (add (skill, "ability", "6.", 592), "text", "Соблюдать этику.");
  findings = validate (doc);
  f = only (findings, "N2");
  g_assert_cmpint (f->severity, ==, KSP_SEVERITY_WARNING);
  g_assert_cmpstr (f->path, ==, "Карточка 9 › Трудовая функция 1 › Навык 1 › Умения 4.");
  assert_contains (f->message, "Номер 4");
  assert_contains (f->message, "повторяется");
  g_assert_cmpuint (ksp_findings_count_rule (findings, "N1"), ==, 0);
}

/* 001:1335: «4-5 социальный работник» while the card «Социальный работник» is at level 4. */
static void
test_v13 (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  KspNode *std = find_kind (doc, "standard", 0);
  KspNode *card, *link, *entry;
  g_autoptr (GPtrArray) findings = NULL;
  KspFinding *f;

  entry = add (std, "card_list_entry", "2)", 147);
  ru (entry, "name", "Ассистент социального работника");
  neu (entry, "ork_level", "4");
  card = add_card (std, "10.", 1035, "Ассистент социального работника", "3412-0", "3412-0-008", "4");
  link = add (card, "ork_link", NULL, 1335);
  neu (link, "level", "4-5");
  ru (link, "name", "социальный работник");
  link = add (card, "ork_link", NULL, 1338);
  neu (link, "level", "4");
  ru (link, "name", "Социальный работник");
  /* make card 10's content differ from card 9 (else D1) */
  ru (find_kind (card, "knowledge", 0), "text", "Основ геронтологии.");
  findings = validate (doc);
  f = only (findings, "V13");
  g_assert_cmpint (f->severity, ==, KSP_SEVERITY_WARNING);
  g_assert_cmpuint (f->line, ==, 1335);
  g_assert_cmpstr (f->path, ==, "Карточка 10 › Связь в ОРК 1");
  assert_contains (f->message, "уровень 4-5");
  assert_contains (f->message, "4 (карточка 9)");
  assert_rendered (f, KSP_UI_LANG_KK, "Карточка 10 › СБШ шеңберіндегі байланыс 1",
                   "«социальный работник» кәсібімен байланыс 4-5 деңгейін көрсетеді, ал осы кәсіптің "
                   "карточкасындағы деңгей — 4 (9-карточка)");
  assert_rendered (f, KSP_UI_LANG_EN, "Card 10 › ORK link 1",
                   "The link to the profession “социальный работник” gives level 4-5, but the card of that "
                   "profession has level 4 (card 9)");
  g_assert_cmpuint (ksp_findings_count (findings, KSP_SEVERITY_ERROR), ==, 0);
}

/* 000:167: «гидрофизioterapiи». */
static void
test_s1 (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  KspNode *k = find_kind (doc, "knowledge", 1);
  g_autoptr (GPtrArray) findings = NULL;
  KspFinding *f;

  ru (k, "text", "Основ гидрофизioterapiи и лечебной физкультуры, Excel и Word.");
  findings = validate (doc);
  f = only (findings, "S1");
  g_assert_cmpint (f->severity, ==, KSP_SEVERITY_WARNING);
  g_assert_cmpstr (f->node_id, ==, ksp_node_get_id (k));
  assert_contains (f->message, "«гидрофизioterapiи»");
  assert_contains (f->message, "латинские: ioterapi");
  assert_rendered (f, KSP_UI_LANG_RU, "Карточка 9 › Трудовая функция 1 › Навык 1 › Знания 2.",
                   "Поле «Знание» (ru): 1 слов(а) смешивают латиницу и кириллицу: «гидрофизioterapiи» "
                   "(латинские: ioterapi); ожидается одна письменность в слове");
  assert_rendered (f, KSP_UI_LANG_KK, "Карточка 9 › Еңбек функциясы 1 › Дағды 1 › Білім 2.",
                   "«Білім» өрісі (ru): 1 сөзде латын және кирилл әріптері араласқан: «гидрофизioterapiи» "
                   "(латын әріптері: ioterapi); бір сөз бір әліпбимен жазылуы керек");
  assert_rendered (f, KSP_UI_LANG_EN, "Card 9 › Labour function 1 › Skill 1 › Knowledge 2.",
                   "Field “Знание” (ru): 1 word(s) mix Latin and Cyrillic letters: “гидрофизioterapiи” "
                   "(Latin: ioterapi); expected one script per word");
}

/* «РК» is used but not among the abbreviations (both 2024 seeds). */
static void
test_a1 (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  KspNode *k = find_kind (doc, "knowledge", 0);
  g_autoptr (GPtrArray) findings = NULL;
  KspFinding *f;

  ru (k, "text", "Законодательства РК в области социальной защиты; СТ РК 3391-2019; стандартов ОРК.");
  ru (find_kind (doc, "ability", 0), "text", "Применять законы РК.");
  findings = validate (doc);
  f = only (findings, "A1");
  g_assert_cmpint (f->severity, ==, KSP_SEVERITY_WARNING);
  g_assert_cmpstr (f->node_id, ==, ksp_node_get_id (find_kind (doc, "ability", 0)));
  assert_contains (f->message, "«РК»");
  assert_contains (f->message, "(2 раз)");
  assert_rendered (f, KSP_UI_LANG_KK, NULL,
                   "«РК» қысқартылған сөзі қолданылады (2 рет), бірақ қысқартылған сөздер тізбесінде жоқ");
}

/* 001:3962–3964: the national body (05.03.2024) before the sector council (11.03.2024). */
static void
test_k1 (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  KspNode *tech = find_kind (doc, "technical", 0);
  g_autoptr (GPtrArray) findings = NULL;
  KspFinding *f;

  neu (tech, "national_body_date", "2024-03-05");
  findings = validate (doc);
  f = only (findings, "K1");
  g_assert_cmpint (f->severity, ==, KSP_SEVERITY_WARNING);
  g_assert_cmpstr (f->path, ==, "Технические данные");
  assert_contains (f->message, "2024-03-05");
  assert_contains (f->message, "2024-03-11");
  assert_rendered (f, KSP_UI_LANG_KK, "Техникалық деректер",
                   "Ұлттық органның қорытындысы (2024-03-05) салалық кеңестің мақұлдауынан (2024-03-11) бұрын "
                   "жасалған; ұлттық орган стандартты салалық кеңестен кейін қарауы керек");
  assert_rendered (f, KSP_UI_LANG_EN, "Technical data",
                   "The national body's conclusion (2024-03-05) is dated before the sector council's approval "
                   "(2024-03-11); the national body is expected to review the standard after the sector council");

  /* approvals after the order's date */
  neu (tech, "national_body_date", "2024-03-15");
  {
    KspNode *order = ksp_node_new ("order", NULL);
    neu (order, "act_date", "2024-03-12");
    ksp_node_insert_child (doc, 0, order);
    g_object_unref (order);
  }
  g_ptr_array_unref (g_steal_pointer (&findings));
  findings = validate (doc);
  assert_contains (only (findings, "K1")->message, "позже даты приказа");
  assert_rendered (only (findings, "K1"), KSP_UI_LANG_RU, NULL,
                   "Дата «заключение национального органа» (2024-03-15) позже даты приказа об утверждении "
                   "(2024-03-12); ожидается до утверждения");
  assert_rendered (only (findings, "K1"), KSP_UI_LANG_KK, NULL,
                   "«ұлттық органның қорытындысы» күні (2024-03-15) бекіту туралы бұйрықтың күнінен (2024-03-12) "
                   "кейін; бекітілгенге дейін болуы керек");
  assert_rendered (only (findings, "K1"), KSP_UI_LANG_EN, NULL,
                   "The date of the national body's conclusion (2024-03-15) is after the date of the approving "
                   "order (2024-03-12); expected before the approval");
}

/* V3 name, V4 level, V5, V17 against the classifiers; all skipped without them. */
static void
test_classifier_rules (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  KspNode *std = find_kind (doc, "standard", 0);
  KspNode *card = find_kind (doc, "card", 0);
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GPtrArray) bare = NULL;

  /* 000:218 «Культурный работник» for 3440-0-011 (НКЗ «Культорганизатор») */
  ru (card, "title", "Культурный работник");
  ru (card, "profession_name", "Культурный работник");
  neu (card, "group_code", "3440-0");
  neu (card, "occupation_code", "3440-0-011");
  ru (find_kind (doc, "card_list_entry", 0), "name", "Культурный работник");
  /* 000:333 5320-1-003 at level 1 while the ORK has it at 2; «Сестра-хозяйка» by name */
  card = add_card (std, "10.", 331, "Санитар", "5320-1", "5320-1-003", "1");
  ru (find_kind (card, "education", 0), "level", "начальное образование");
  ru (find_kind (card, "knowledge", 0), "text", "Правил санитарии.");
  card = add_card (std, "11.", 292, "Сестра-хозяйка", "9119-0", "9119-0-001", "1");
  ru (find_kind (card, "education", 0), "level", "начальное образование");
  ru (find_kind (card, "knowledge", 0), "text", "Правил учёта белья.");
  {
    KspNode *e = add (std, "card_list_entry", "2)", 146);
    ru (e, "name", "Санитар");
    neu (e, "ork_level", "1");
    e = add (std, "card_list_entry", "3)", 147);
    ru (e, "name", "Сестра-хозяйка");
    neu (e, "ork_level", "1");
  }

  findings = validate (doc);
  dump (findings);
  g_assert_cmpuint (ksp_findings_count (findings, KSP_SEVERITY_ERROR), ==, 0);
  assert_contains (only (findings, "V3")->message, "«Культорганизатор»");
  g_assert_cmpint (only (findings, "V3")->severity, ==, KSP_SEVERITY_WARNING);
  g_assert_cmpuint (ksp_findings_count_rule (findings, "V4"), ==, 2);
  g_assert_cmpuint (ksp_findings_count_rule (findings, "V5"), ==, 1);   /* 9119-0-001 */
  g_assert_cmpuint (ksp_findings_count_rule (findings, "V17"), ==, 2);  /* 5 → 2 and 9 → 2, level 1 */
  for (guint i = 0; i < findings->len; i++)
    {
      KspFinding *f = g_ptr_array_index (findings, i);
      if (strcmp (f->rule, "V4") == 0)
        {
          g_assert_cmpint (f->severity, ==, KSP_SEVERITY_WARNING);
          assert_contains (f->message, "Уровень карточки 1 вне уровней ОРК");
          assert_contains (f->message, ": 2");
        }
    }

  bare = ksp_validate (doc, NULL);
  g_assert_cmpuint (ksp_findings_count_rule (bare, "V3"), ==, 0);
  g_assert_cmpuint (ksp_findings_count_rule (bare, "V4"), ==, 0);
  g_assert_cmpuint (ksp_findings_count_rule (bare, "V5"), ==, 0);
  g_assert_cmpuint (ksp_findings_count_rule (bare, "V17"), ==, 2);
}

/* Card 14 of 001 lists 3 TFs but has 2 sections; TF names that differ; an empty skill (000:311). */
static void
test_t1_e1 (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  KspNode *card = find_kind (doc, "card", 0);
  KspNode *fn;
  g_autoptr (GPtrArray) findings = NULL;
  KspFinding *f;

  fn = find_kind (card, "function", 0);
  ru (fn, "name", "оказание специальных социальных услуг."); /* same after folding */
  add (find_kind (card, "function", 0), "skill", "2", 311);
  fn = add (card, "function", "2", 2058);
  neu (fn, "function_kind", "mandatory");
  ru (fn, "list_name", "Организация работы с семьёй");
  findings = validate (doc);
  g_assert_cmpuint (ksp_findings_count_rule (findings, "T1"), ==, 1);
  f = only (findings, "T1");
  g_assert_cmpstr (f->path, ==, "Карточка 9 › Трудовая функция 2");
  assert_contains (f->message, "есть в перечне, но раздела");
  g_assert_cmpuint (ksp_findings_count_rule (findings, "E1"), ==, 2);
  for (guint i = 0; i < findings->len; i++)
    {
      f = g_ptr_array_index (findings, i);
      if (strcmp (f->rule, "E1") == 0 && f->line == 311)
        {
          g_assert_cmpstr (f->path, ==, "Карточка 9 › Трудовая функция 1 › Навык 2");
          assert_contains (f->message, "нет наименования");
        }
    }

  /* list text ≠ heading (001:3677 vs 3779) */
  ru (fn, "name", "Организация работы с родственниками");
  add (fn, "skill", "1", 2060);
  g_ptr_array_unref (g_steal_pointer (&findings));
  findings = validate (doc);
  f = only (findings, "T1");
  assert_contains (f->message, "«Организация работы с семьёй»");
  assert_contains (f->message, "«Организация работы с родственниками»");
}

/* 000 cards 26–28: identical content; 001 card 15: a knowledge list repeated. */
static void
test_duplicates (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  KspNode *std = find_kind (doc, "standard", 0);
  KspNode *entry;
  g_autoptr (GPtrArray) findings = NULL;
  KspFinding *f;

  entry = add (std, "card_list_entry", "2)", 146);
  ru (entry, "name", "Социальный работник");
  neu (entry, "ork_level", "5");
  add_card (std, "10.", 227, "Социальный работник", "3412-0", "3412-0-008", "5");
  findings = validate (doc);
  f = only (findings, "D1");
  g_assert_cmpstr (f->path, ==, "Карточка 10");
  assert_contains (f->message, "карточки 10 полностью совпадают с карточкой 9");
  g_assert_cmpuint (ksp_findings_count_rule (findings, "D2"), ==, 0);

  ru (add (find_kind (doc, "skill", 0), "knowledge", "3.", 200), "text", "основ социальной работы");
  g_ptr_array_unref (g_steal_pointer (&findings));
  findings = validate (doc);
  g_assert_cmpuint (ksp_findings_count_rule (findings, "D1"), ==, 0);
  f = only (findings, "D2");
  g_assert_cmpstr (f->path, ==, "Карточка 9 › Трудовая функция 1 › Навык 1 › Знания 3.");
  assert_contains (f->message, "пунктом 1.");
}

/* 000:85–105: the list starts at 2) and names «Культурорганизатор» where the card is «Культурный работник». */
static void
test_card_list (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  KspNode *std = find_kind (doc, "standard", 0);
  KspNode *entry = find_kind (doc, "card_list_entry", 0);
  KspNode *card;
  g_autoptr (GPtrArray) findings = NULL;
  KspFinding *f;

  ksp_node_set_number (entry, "2)");
  card = add_card (std, "10.", 216, "Культурный работник", "3440-0", "3440-0-011", "4");
  ru (find_kind (card, "knowledge", 0), "text", "Основ культурно-досуговой работы.");
  entry = add (std, "card_list_entry", "3)", 88);
  ru (entry, "name", "Культурорганизатор");
  neu (entry, "ork_level", "4");
  add_card (std, "11.", 400, "Санитар", "5320-1", "5320-1-003", "2");
  findings = validate (doc);
  f = only (findings, "N1");
  assert_contains (f->message, "начинается с 2");
  f = only (findings, "V11");
  g_assert_cmpstr (f->path, ==, "Перечень карточек 3)");
  assert_contains (f->message, "«Культурорганизатор»");
  assert_contains (f->message, "«Культурный работник»");
  /* 2 entries for 3 cards, and card 11 «Санитар» is not listed */
  g_assert_cmpuint (ksp_findings_count_rule (findings, "C1"), ==, 2);
  for (guint i = 0; i < findings->len; i++)
    {
      f = g_ptr_array_index (findings, i);
      if (strcmp (f->rule, "C1") != 0)
        continue;
      g_assert_cmpint (f->severity, ==, KSP_SEVERITY_WARNING);
      if (strcmp (f->path, "Стандарт") == 0)
        assert_contains (f->message, "2 пунктов, а в главе 3 — 3 карточек");
      else
        {
          g_assert_cmpstr (f->path, ==, "Карточка 11");
          assert_contains (f->message, "«Санитар» отсутствует в перечне");
        }
    }
}

/* Level syntax, sub-levels; education vs level (002:192); «Закона … Министра» (001:1907). */
static void
test_levels_and_text (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  KspNode *card = find_kind (doc, "card", 0);
  g_autoptr (GPtrArray) findings = NULL;
  KspFinding *f;

  neu (card, "ork_sublevel", "6.1");
  neu (find_kind (doc, "card_list_entry", 0), "ork_level", "5");
  neu (card, "ork_level", "5 ");
  ru (card, "etks", "Закона и.о. Министра здравоохранения и социального развития от 25 октября 2017 года № 360");
  findings = validate (doc);
  f = only (findings, "V6");
  g_assert_cmpint (f->severity, ==, KSP_SEVERITY_ERROR);
  assert_contains (f->message, "Подуровень 6.1 не соответствует уровню 5");
  f = only (findings, "V8");
  assert_contains (f->message, "ТиПО");
  assert_contains (f->message, "уровню ОРК 5");
  f = only (findings, "V15");
  assert_contains (f->message, "Приказ");

  /* a list of sub-levels of the level (002:177) is fine */
  neu (card, "ork_sublevel", "5.1, 5.2, 5.3.");
  g_ptr_array_unref (g_steal_pointer (&findings));
  findings = validate (doc);
  g_assert_cmpuint (ksp_findings_count_rule (findings, "V6"), ==, 0);
  neu (card, "ork_sublevel", "5.1, 6.2");
  g_ptr_array_unref (g_steal_pointer (&findings));
  findings = validate (doc);
  assert_contains (only (findings, "V6")->message, "Подуровень 6.2 не соответствует уровню 5");

  neu (card, "ork_level", "5-3");
  neu (card, "ork_sublevel", "-");
  g_ptr_array_unref (g_steal_pointer (&findings));
  findings = validate (doc);
  assert_contains (only (findings, "V6")->message, "«5-3»");
}

/* Other names: the card's own code (001:222). */
static void
test_v12 (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  KspNode *card = find_kind (doc, "card", 0);
  KspNode *o = add (card, "other_name", NULL, 222);
  g_autoptr (GPtrArray) findings = NULL;
  KspFinding *f;

  neu (o, "code", "3412-0-008");
  ru (o, "name", "Социальный работник");
  o = add (card, "other_name", NULL, 223);
  neu (o, "code", "2635-8-005");
  ru (o, "name", "Специалист");
  findings = validate (doc);
  g_assert_cmpuint (ksp_findings_count_rule (findings, "V12"), ==, 2);
  f = g_ptr_array_index (findings, 0);
  for (guint i = 0; i < findings->len; i++)
    if (((KspFinding *) g_ptr_array_index (findings, i))->line == 222)
      f = g_ptr_array_index (findings, i);
  g_assert_cmpstr (f->rule, ==, "V12");
  g_assert_cmpint (f->severity, ==, KSP_SEVERITY_WARNING);
  assert_contains (f->message, "собственный код");
}

/* The editor validates one card while typing. */
static void
test_card_alone (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  KspNode *card = find_kind (doc, "card", 0);
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *json = NULL;

  neu (card, "occupation_code", "-");
  ru (find_kind (doc, "knowledge", 0), "text", "Основ гидрофизioterapiи.");
  findings = ksp_validate (card, NULL);
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpuint (ksp_findings_count_rule (findings, "V1"), ==, 1);
  g_assert_cmpuint (ksp_findings_count_rule (findings, "S1"), ==, 1);
  json = ksp_finding_to_json (g_ptr_array_index (findings, 0), KSP_UI_LANG_RU);
  assert_contains (json, "\"severity\":\"error\",\"rule\":\"V1\"");
  assert_contains (json, "\"path\":\"Карточка 9\",\"line\":170");
}

/* V16 on hand-built classifiers: a code on two levels, a name that differs, a code in §5 only. */
static void
test_classifier_consistency (void)
{
  g_autoptr (KspClassifiers) c = new_classifiers ();
  g_autoptr (GPtrArray) findings = NULL;
  KspOrkRow *row;
  guint two_levels = 0, names = 0, missing = 0;

  ksp_classifiers_add_occupation (c, "2413-6-003", "Страховой эксперт", NULL, 472);
  ksp_classifiers_add_occupation (c, "3350-0-001", "Инспектор пенсионного фонда", NULL, 500);
  row = ksp_classifiers_add_ork_row (c, "Страх.", 6, 6, 1391);
  ksp_ork_row_add_code (row, "2413-6-003", "Страховой агент");
  findings = ksp_validate_classifiers (c);
  dump (findings);
  for (guint i = 0; i < findings->len; i++)
    {
      KspFinding *f = g_ptr_array_index (findings, i);
      g_assert_cmpstr (f->rule, ==, "V16");
      g_assert_null (f->node_id);
      two_levels += strstr (f->message, "3412-0-008 стоит в ОРК на разных уровнях: 4–5") != NULL;
      names += strstr (f->message, "«Страховой агент»") != NULL;
      missing += strstr (f->message, "3350-0-001 есть в перечне НКЗ") != NULL;
      if (g_strcmp0 (f->message_id, "v16.code-not-in-rows") == 0)
        {
          assert_rendered (f, KSP_UI_LANG_RU, "ОРК, строка 500", "Код 3350-0-001 есть в перечне НКЗ, но ни в одной строке приложения");
          assert_rendered (f, KSP_UI_LANG_KK, "СБШ, 500-жол", "3350-0-001 коды ҰКЖ тізбесінде бар, бірақ қосымшаның бірде-бір жолында жоқ");
          assert_rendered (f, KSP_UI_LANG_EN, "ORK, line 500", "Code 3350-0-001 is in the NKZ list but in no row of the appendix");
        }
      else if (g_strcmp0 (f->message_id, "v16.name-differs") == 0)
        {
          g_assert_cmpstr (f->path, ==, "ОРК › Страх., строка 1391");
          assert_rendered (f, KSP_UI_LANG_KK, "СБШ › Страх., 1391-жол",
                           "2413-6-003 коды қосымшада «Страховой агент» деп, ал ҰКЖ тізбесінде «Страховой эксперт» деп аталған");
          assert_rendered (f, KSP_UI_LANG_EN, "ORK › Страх., line 1391",
                           "Code 2413-6-003 is called “Страховой агент” in the appendix but “Страховой эксперт” in the NKZ list");
        }
    }
  g_assert_cmpuint (two_levels, ==, 1);
  g_assert_cmpuint (names, ==, 1);
  g_assert_cmpuint (missing, ==, 1);
  g_assert_cmpuint (findings->len, ==, 3);
}

/* Catalogue ------------------------------------------------------------------------------------- */

/* The placeholder indices of @text, as a bit set. */
static guint64
placeholders (const char *text)
{
  g_autoptr (GRegex) re = g_regex_new ("\\{([0-9]+)\\}", 0, 0, NULL);
  g_autoptr (GMatchInfo) mi = NULL;
  guint64 set = 0;

  g_regex_match (re, text, 0, &mi);
  while (g_match_info_matches (mi))
    {
      g_autofree char *n = g_match_info_fetch (mi, 1);
      guint64 i = g_ascii_strtoull (n, NULL, 10);
      g_assert_cmpuint (i, >=, 1);
      g_assert_cmpuint (i, <=, 9);
      set |= G_GUINT64_CONSTANT (1) << i;
      g_match_info_next (mi, NULL);
    }
  return set;
}

/* Codes, formats and placeholders only: no Cyrillic letter to translate. */
static gboolean
is_pure_code (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_CYRILLIC)
      return FALSE;
  return TRUE;
}

static void
check_entries (const KspMessage *entries,
               guint             n,
               gboolean          terms)
{
  /* Words Kazakh and Russian share (the registry's labels: «Карточка», «Термин», «Секция») */
  static const char *const same_in_kk[] = { "path.card", "path.term", "oked.section", "role.reviewer",
                                            "role.reviewer.one", "review.element", NULL };
  const char *const args[] = { "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", NULL };
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      const KspMessage *m = &entries[i];
      guint64 ru_set;

      g_test_message ("%s", m->id);
      g_assert_false (g_hash_table_contains (ids, m->id));
      g_hash_table_add (ids, (gpointer) m->id);
      /* no entry lacks a translation (the fallback to Russian is for other callers' catalogues) */
      g_assert_true (m->ru && *m->ru && m->kk && *m->kk && m->en && *m->en);
      ru_set = placeholders (m->ru);
      g_assert_cmphex (placeholders (m->kk), ==, ru_set);
      g_assert_cmphex (placeholders (m->en), ==, ru_set);
      if (strcmp (m->kk, m->ru) == 0 && !is_pure_code (m->ru) && !g_strv_contains (same_in_kk, m->id))
        g_error ("%s: the Kazakh text is the Russian one: «%s»", m->id, m->kk);
      for (guint l = 0; l < G_N_ELEMENTS (all_langs); l++)
        {
          g_autofree char *text = NULL;
          if (terms)
            {
              /* a term renders through an argument naming it */
              g_autofree char *arg = ksp_message_arg_term (m->id, args);
              const char *const one[] = { arg, NULL };

              if (g_str_has_prefix (m->id, "path."))
                {
                  g_autofree char *segment = g_strconcat (m->id + strlen ("path."), "\ta1", NULL);
                  const char *const segments[] = { segment, NULL };
                  text = ksp_message_render_path (segments, all_langs[l]);
                }
              else
                {
                  /* any message with one placeholder carries it */
                  text = ksp_message_render ("v3.not-in-nkz", one, all_langs[l]);
                }
            }
          else
            text = ksp_message_render (m->id, args, all_langs[l]);
          g_assert_nonnull (text);
          if (strchr (text, '{') || strchr (text, '}') || strchr (text, '@') || strchr (text, '\x1f'))
            g_error ("%s in %s: «%s»", m->id, ksp_ui_lang_to_string (all_langs[l]), text);
          g_assert_cmpstr (ksp_message_get_text (m, all_langs[l]), ==,
                           all_langs[l] == KSP_UI_LANG_KK ? m->kk : all_langs[l] == KSP_UI_LANG_EN ? m->en : m->ru);
        }
    }
}

/* Every message and term is in Russian, Kazakh and English, with the same placeholders. */
static void
test_catalogue (void)
{
  guint n_messages, n_terms;
  const KspMessage *messages = ksp_messages_list (&n_messages);
  const KspMessage *terms = ksp_message_terms_list (&n_terms);
  const KspMessage partial = { "x", "по-русски", NULL, "" };
  const char *const args[] = { "3412-0-008", NULL };
  g_autofree char *ru = ksp_message_render ("v3.not-in-nkz", args, KSP_UI_LANG_RU);
  g_autofree char *kk = ksp_message_render ("v3.not-in-nkz", args, KSP_UI_LANG_KK);

  check_entries (messages, n_messages, FALSE);
  check_entries (terms, n_terms, TRUE);
  for (guint i = 0; i < n_terms; i++)
    g_assert_null (ksp_message_lookup (terms[i].id)); /* one name space each */

  g_assert_cmpstr (ru, ==, "Код занятия 3412-0-008 отсутствует в НКЗ");
  g_assert_cmpstr (kk, ==, "3412-0-008 кәсіп коды ҰКЖ тізбесінде жоқ");
  /* a missing translation falls back to Russian; an unknown message renders as nothing */
  g_assert_cmpstr (ksp_message_get_text (&partial, KSP_UI_LANG_KK), ==, "по-русски");
  g_assert_cmpstr (ksp_message_get_text (&partial, KSP_UI_LANG_EN), ==, "по-русски");
  g_assert_null (ksp_message_render ("v0.no-such-message", args, KSP_UI_LANG_RU));
}

/* Arguments: data as it is (also when it looks like a term), terms, lists, path segments. */
static void
test_message_args (void)
{
  g_autofree char *data = ksp_message_arg_text ("@oked.group");
  g_autofree char *plain = ksp_message_arg_text ("87.3");
  g_autofree char *term = ksp_message_arg_term ("oked.group", NULL);
  const char *const item_args[] = { "4", "9", NULL };
  g_autofree char *item1 = ksp_message_arg_term ("v13.card-level", item_args);
  g_autofree char *item2 = ksp_message_arg_text ("5 (прочее)");
  const char *const items[] = { item1, item2, NULL };
  g_autofree char *list = ksp_message_arg_list (items);
  const char *const args[] = { "Имя", "4-5", list, NULL };
  g_autofree char *kk = ksp_message_render ("v13.level-differs", args, KSP_UI_LANG_KK);
  const char *const v9[] = { term, plain, data, plain, NULL };
  g_autofree char *v9_ru = ksp_message_render ("v9.not-within", v9, KSP_UI_LANG_RU);
  const char *const segments[] = { "card\t9", "function\t1", "provision\t", NULL };
  g_autofree char *path_kk = ksp_message_render_path (segments, KSP_UI_LANG_KK);
  g_autofree char *path_en = ksp_message_render_path (segments, KSP_UI_LANG_EN);

  g_assert_cmpstr (data, ==, "@@oked.group");
  g_assert_cmpstr (term, ==, "@oked.group");
  g_assert_cmpstr (kk, ==, "«Имя» кәсібімен байланыс 4-5 деңгейін көрсетеді, ал осы кәсіптің карточкасындағы деңгей — "
                           "4 (9-карточка), 5 (прочее)");
  g_assert_cmpstr (v9_ru, ==, "ОКЭД: группа 87.3 не входит в @oked.group 87.3");
  g_assert_cmpstr (path_kk, ==, "Карточка 9 › Еңбек функциясы 1 › Стандарттың тармағы");
  g_assert_cmpstr (path_en, ==, "Card 9 › Labour function 1 › Provision of the standard");
}

/* A code that reads like a term is data: «@oked.group», not «группа». */
static void
test_data_like_a_term (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  KspNode *card = find_kind (doc, "card", 0);
  g_autoptr (GPtrArray) findings = NULL;
  KspFinding *f;

  neu (card, "occupation_code", "@oked.group");
  findings = validate (doc);
  f = only (findings, "V1");
  g_assert_cmpstr (f->message, ==, "Код наименования занятия «@oked.group» не соответствует формату НКЗ NNNN-N-NNN");
  assert_rendered (f, KSP_UI_LANG_KK, NULL, "Кәсіп атауының «@oked.group» коды NNNN-N-NNN ҰКЖ форматына сәйкес келмейді");
}

/* A finding made from a text (other callers) keeps it in every language. */
static void
test_finding_from_text (void)
{
  g_autoptr (KspFinding) f = ksp_finding_new (KSP_SEVERITY_WARNING, "X1", NULL, "Где-то", 3, "Что-то");
  g_autofree char *kk = ksp_finding_dup_message (f, KSP_UI_LANG_KK);
  g_autofree char *path = ksp_finding_dup_path (f, KSP_UI_LANG_EN);
  g_autofree char *json = ksp_finding_to_json (f, KSP_UI_LANG_EN);

  g_assert_null (f->message_id);
  g_assert_cmpstr (kk, ==, "Что-то");
  g_assert_cmpstr (path, ==, "Где-то");
  g_assert_cmpstr (json, ==, "{\"severity\":\"warning\",\"rule\":\"X1\",\"node_id\":null,\"path\":\"Где-то\",\"line\":3,"
                             "\"message\":\"Что-то\",\"message_id\":null,\"args\":[]}");
}

static void
test_json_lang (void)
{
  g_autoptr (KspNode) doc = new_clean_document ();
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *json = NULL;

  neu (find_kind (doc, "card", 0), "occupation_code", "-");
  findings = validate (doc);
  json = ksp_finding_to_json (only (findings, "V1"), KSP_UI_LANG_EN);
  assert_contains (json, "\"path\":\"Card 9\",\"line\":170,\"message\":\"Occupation code: “-” instead of a code; ");
  assert_contains (json, "\"message_id\":\"v1.occupation-dash\",\"args\":[\"-\"]}");
}

/* The interface's language from the environment (LC_ALL=C.UTF-8 in the tests). */
static void
test_ui_lang (void)
{
  static const struct {
    const char *language;
    KspUiLang   lang;
  } cases[] = {
    { "kk", KSP_UI_LANG_KK }, { "kk_KZ.UTF-8", KSP_UI_LANG_KK }, { "ru_RU", KSP_UI_LANG_RU },
    { "de:ru", KSP_UI_LANG_RU }, { "de", KSP_UI_LANG_EN }, { "en_GB:kk", KSP_UI_LANG_EN }, { "C", KSP_UI_LANG_EN },
    { "kkj", KSP_UI_LANG_EN },
  };
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  KspUiLang lang = KSP_UI_LANG_EN;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_setenv ("LANGUAGE", cases[i].language, TRUE);
      g_test_message ("LANGUAGE=%s", cases[i].language);
      g_assert_cmpint (ksp_ui_lang_default (), ==, cases[i].lang);
    }
  if (saved)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  for (guint l = 0; l < G_N_ELEMENTS (all_langs); l++)
    {
      g_assert_true (ksp_ui_lang_from_string (ksp_ui_lang_to_string (all_langs[l]), &lang));
      g_assert_cmpint (lang, ==, all_langs[l]);
    }
  g_assert_false (ksp_ui_lang_from_string ("kz", &lang));
  g_assert_false (ksp_ui_lang_from_string (NULL, &lang));
  g_assert_cmpint (lang, ==, all_langs[G_N_ELEMENTS (all_langs) - 1]);
}

/* Every message the validator, the amendment history and the review's refusals name is in the catalogue,
 * and every message of the catalogue is used: the string literals of their files that look like message or
 * term IDs (not in #include lines; a literal ending with a dot is a prefix of IDs). */
static void
test_validator_uses_catalogue (void)
{
  /* the files that render messages of the catalogue (terms are used by others too) */
  static const char *const users[] = { "ksp-validator.c", "ksp-amendments.c", "review/ksp-review.c",
                                       "review/ksp-comments.c" };
  g_autoptr (GRegex) re = g_regex_new ("\"([a-z][a-z0-9_]*\\.[a-z0-9_.-]*[a-z0-9_-])\"", 0, 0, NULL);
  g_autoptr (GRegex) directive = g_regex_new ("^#.*$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_messages;
  const KspMessage *messages = ksp_messages_list (&n_messages);

  for (guint u = 0; u < G_N_ELEMENTS (users); u++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "model", users[u], NULL);
      g_autofree char *source = NULL;
      g_autofree char *code = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (GMatchInfo) mi = NULL;

      g_assert_true (g_file_get_contents (path, &source, NULL, &error));
      g_assert_no_error (error);
      code = g_regex_replace_literal (directive, source, -1, 0, "", 0, &error);
      g_assert_no_error (error);
      g_regex_match (re, code, 0, &mi);
      while (g_match_info_matches (mi))
        {
          char *id = g_match_info_fetch (mi, 1);
          if (ksp_message_lookup (id) == NULL && ksp_message_lookup_term (id) == NULL)
            g_error ("%s names «%s», which the catalogue does not have", users[u], id);
          g_hash_table_add (used, id);
          g_match_info_next (mi, NULL);
        }
    }
  for (guint i = 0; i < n_messages; i++)
    if (!g_hash_table_contains (used, messages[i].id))
      g_error ("the catalogue's «%s» is used by none of its users", messages[i].id);
}

/* The seeds: every finding is data that renders in the three languages, and the Kazakh paths are
 * Kazakh. */
static void
test_seeds (void)
{
  static const char *const seeds[] = {
    SEED ("000_2b67e049b4513cfa.txt"), SEED ("001_efa396441f2b22fb.txt"), SEED ("002_a9356737b7c953f7.txt"),
    SEED ("004_8a82f9fdc926935f.txt"),
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (KspClassifiers) ork = ksp_ork_reader_read (SEED ("003_61a1e3a7c96fc608.txt"), &error);
  g_autoptr (GPtrArray) v16 = NULL;
  guint total = 0;

  g_assert_no_error (error);
  for (guint s = 0; s < G_N_ELEMENTS (seeds); s++)
    {
      g_autoptr (KspNode) root = ksp_adilet_reader_read_file (seeds[s], NULL, &error);
      g_autoptr (GPtrArray) findings = NULL;

      g_assert_no_error (error);
      findings = ksp_validate (root, ork);
      g_assert_cmpuint (findings->len, >, 0);
      for (guint i = 0; i < findings->len; i++)
        {
          KspFinding *f = g_ptr_array_index (findings, i);
          g_autofree char *kk_path = ksp_finding_dup_path (f, KSP_UI_LANG_KK);

          assert_finding_is_data (f);
          g_assert_null (strstr (kk_path, "Трудовая функция"));
          g_assert_null (strstr (kk_path, "Навык"));
          g_assert_null (strstr (kk_path, "Знания"));
        }
      total += findings->len;
    }
  v16 = ksp_validate_classifiers (ork);
  for (guint i = 0; i < v16->len; i++)
    assert_finding_is_data (g_ptr_array_index (v16, i));
  g_test_message ("%u findings on the seeds, %u on the ORK", total, v16->len);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validator/clean", test_clean);
  g_test_add_func ("/validator/v1-dash", test_v1_dash);
  g_test_add_func ("/validator/v1-malformed", test_v1_malformed);
  g_test_add_func ("/validator/v2", test_v2);
  g_test_add_func ("/validator/v9", test_v9);
  g_test_add_func ("/validator/v10", test_v10);
  g_test_add_func ("/validator/n1-gap", test_n1_gap);
  g_test_add_func ("/validator/n2-repeat", test_n2_repeat);
  g_test_add_func ("/validator/v13", test_v13);
  g_test_add_func ("/validator/s1", test_s1);
  g_test_add_func ("/validator/a1", test_a1);
  g_test_add_func ("/validator/k1", test_k1);
  g_test_add_func ("/validator/classifier-rules", test_classifier_rules);
  g_test_add_func ("/validator/t1-e1", test_t1_e1);
  g_test_add_func ("/validator/duplicates", test_duplicates);
  g_test_add_func ("/validator/card-list", test_card_list);
  g_test_add_func ("/validator/levels-and-text", test_levels_and_text);
  g_test_add_func ("/validator/v12", test_v12);
  g_test_add_func ("/validator/card-alone", test_card_alone);
  g_test_add_func ("/validator/classifier-consistency", test_classifier_consistency);
  g_test_add_func ("/messages/catalogue", test_catalogue);
  g_test_add_func ("/messages/args", test_message_args);
  g_test_add_func ("/messages/data-like-a-term", test_data_like_a_term);
  g_test_add_func ("/messages/finding-from-text", test_finding_from_text);
  g_test_add_func ("/messages/json-lang", test_json_lang);
  g_test_add_func ("/messages/ui-lang", test_ui_lang);
  g_test_add_func ("/messages/validator-uses-catalogue", test_validator_uses_catalogue);
  g_test_add_func ("/messages/seeds", test_seeds);

  return g_test_run ();
}
