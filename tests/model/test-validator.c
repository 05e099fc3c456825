/* The validator on hand-built trees shaped like the importer's output, reproducing faults of the seeds. */
#include <locale.h>
#include <string.h>

#include "ksp-validator.h"

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

static void
dump (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      g_autofree char *json = ksp_finding_to_json (g_ptr_array_index (findings, i));
      g_test_message ("%s", json);
    }
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
  return ksp_validate (root, c);
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
  assert_contains (only (findings, "V1")->message, "«88.»");

  neu (oked, "group_code", "87.3");
  neu (oked, "class_code", "88.10");
  neu (oked, "division_code", "88");
  g_ptr_array_unref (g_steal_pointer (&findings));
  findings = validate (doc);
  assert_contains (only (findings, "V9")->message, "группа 87.3 не входит в раздел 88");
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
  json = ksp_finding_to_json (g_ptr_array_index (findings, 0));
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
    }
  g_assert_cmpuint (two_levels, ==, 1);
  g_assert_cmpuint (names, ==, 1);
  g_assert_cmpuint (missing, ==, 1);
  g_assert_cmpuint (findings->len, ==, 3);
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

  return g_test_run ();
}
