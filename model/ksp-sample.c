/* ksp-sample.c: part of seed 001 transcribed by hand (see ksp-sample.h) */
#include "ksp-sample.h"

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
      g_object_unref (node); /* the parent keeps it */
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
neutral (KspNode    *node,
         const char *field,
         const char *text)
{
  ksp_node_set_value (node, field, KSP_LANG_NONE, text);
}

static void
add_items (KspNode           *skill,
           const char        *kind,
           guint              first_line,
           const char *const *texts)
{
  for (guint i = 0; texts[i]; i++)
    {
      g_autofree char *no = g_strdup_printf ("%u.", i + 1);
      ru (add (skill, kind, no, first_line + i), "text", texts[i]);
    }
}

KspNode *
ksp_sample_new_document (void)
{
  KspNode *doc = add (NULL, "document", NULL, 0);
  KspNode *order, *item, *std, *node, *card, *fn, *skill;
  static const char *const abilities_1[] = {
    "Обеспечивать безопасную транспортировку ЛСИ, имеющих затруднения в передвижении, на общественном и личном транспорте.",
    "Обеспечивать безопасное сопровождение ЛСИ, имеющих затруднения в передвижении, при передвижении в общественных местах.",
    "Использовать вспомогательные средства передвижения для ЛСИ, имеющих затруднения в передвижении.",
    NULL
  };
  static const char *const knowledge_1[] = {
    "Индивидуальных особенностей и потребностей ЛСИ, имеющих затруднения в передвижении.",
    "Законодательства и нормативов, регулирующих сферу оказания услуг индивидуального помощника.",
    NULL
  };
  static const char *const abilities_2[] = {
    "Стимулировать самостоятельное передвижение ЛСИ, имеющих затруднения в передвижении.",
    NULL
  };
  static const char *const knowledge_2[] = {
    "Индивидуальных особенностей и потребностей ЛСИ, имеющих затруднения в передвижении.",
    NULL
  };

  neutral (doc, "source", "data/samples/001_efa396441f2b22fb.txt");
  neutral (doc, "language", "ru");

  order = add (doc, "order", NULL, 1);
  ru (order, "title", "Об утверждении профессионального стандарта \"Социальная работа и другие профессии социальной сферы\"");
  ru (order, "act", "Приказ Министра труда и социальной защиты населения Республики Казахстан от 30 апреля 2024 года № 125.");
  neutral (order, "act_date", "2024-04-30");
  neutral (order, "act_number", "125");
  ru (order, "preamble", "В соответствии с пунктом 7 статьи 64 Социального кодекса Республики Казахстан и в соответствии "
                         "с пунктом 5 статьи 5 Закона Республики Казахстан \"О профессиональных квалификациях\", ПРИКАЗЫВАЮ:");
  ru (order, "signature_position", "Министр");
  ru (order, "signature_name", "С. Жакупова");
  ru (order, "appendix_header", "Приложение\nк приказу Министра\nтруда и социальной\nзащиты населения\n"
                                "Республики Казахстан\nот 30 апреля 2024 года № 125");
  node = add (order, "note", NULL, 4);
  neutral (node, "note_kind", "effective_date");
  ru (node, "text", "Вводится в действие с 1 января 2025.");
  neutral (node, "effective_from", "2025-01-01");
  ru (add (order, "order_item", "1.", 9), "text",
      "Утвердить профессиональный стандарт \"Социальная работа и другие профессии социальной сферы\" согласно "
      "приложению к настоящему приказу.");
  item = add (order, "order_item", "2.", 11);
  ru (item, "text", "Департаменту специальных социальных услуг Министерства труда и социальной защиты населения "
                    "Республики Казахстан в установленном законодательством Республики Казахстан порядке обеспечить:");
  ru (add (item, "subitem", "2)", 15), "text",
      "размещение настоящего приказа на интернет-ресурсе Министерства труда и социальной защиты населения "
      "Республики Казахстан после его официального опубликования.");
  ru (add (order, "order_item", "4.", 19), "text",
      "Настоящий приказ вводится в действие с 1 января 2025 года и подлежит официальному опубликованию.");

  std = add (doc, "standard", NULL, 37);
  ru (std, "title", "Профессиональный стандарт \"Социальная работа и другие профессии социальной сферы\"");
  ru (std, "name", "\"Социальная работа и другие профессии социальной сферы\".");
  neutral (std, "code", "Q88100061");
  ru (std, "scope", "профессиональный стандарт \"Социальная работа и другие профессии социальной сферы\" (далее - "
                    "профессиональный стандарт) разработан в соответствии с пунктом 7 статьи 64 Социального кодекса "
                    "Республики Казахстан.");
  node = add (std, "term", "1)", 44);
  ru (node, "term", "специальные социальные услуги");
  ru (node, "definition", "комплекс услуг, обеспечивающих лицу (семье) условия для преодоления оснований, объективно "
                          "нарушающих жизнедеятельность человека;");
  node = add (std, "abbreviation", "1)", 62);
  ru (node, "abbr", "ЕТКС");
  ru (node, "expansion", "единый тарифно-квалификационный справочник работ и профессий рабочих;");
  node = add (std, "abbreviation", "2)", 64);
  ru (node, "abbr", "АСП");
  ru (node, "expansion", "адресная социальная помощь;");
  node = add (std, "oked", NULL, 93);
  neutral (node, "section_code", "Q");
  ru (node, "section_name", "Здравоохранение и социальное обслуживание населения");
  neutral (node, "division_code", "88");
  neutral (node, "group_code", "88.1");
  neutral (node, "class_code", "88.10");
  neutral (node, "subclass_code", "88.10.0");
  node = add (std, "card_list_entry", "1)", 145);
  ru (node, "name", "Индивидуальный помощник");
  neutral (node, "ork_level", "1-2");

  card = add (std, "card", "9.", 174);
  neutral (node, "card_ref", ksp_node_get_id (card));
  ru (card, "title", "Индивидуальный помощник");
  neutral (card, "group_code", "5320-2");
  neutral (card, "occupation_code", "5320-2-003");
  ru (card, "profession_name", "Индивидуальный помощник");
  neutral (card, "ork_level", "1-2");
  neutral (card, "ork_sublevel", "-");
  ru (card, "etks", "Без категории");
  ru (card, "nonformal", "краткосрочные курсы на skills.enbek.kz");
  ru (card, "purpose", "сопровождение, обеспечение безопасности и оказание повседневной помощи ЛСИ, имеющих "
                       "затруднение в передвижении.");
  node = add (card, "education", NULL, 199);
  ru (node, "level", "начальное или общее среднее образование");
  ru (node, "specialty", "-");
  ru (node, "qualification", "-");
  ru (add (card, "experience", NULL, 206), "text", "практический опыт и/или краткосрочное обучение");
  node = add (card, "other_name", NULL, 210);
  neutral (node, "code", "5320-2-003");
  ru (node, "name", "работник, оказывающий услуги по индивидуальному уходу.");

  fn = add (card, "function", "1", 226);
  neutral (fn, "function_kind", "mandatory");
  ru (fn, "list_name", "Организация сопровождения ЛСИ, имеющих затруднения в передвижении.");
  ru (fn, "name", "организация сопровождения ЛСИ, имеющих затруднения в передвижении.");
  ru (fn, "recognition", "");
  skill = add (fn, "skill", "1", 228);
  ru (skill, "name", "осуществление базовых услуг в передвижении.");
  add_items (skill, "ability", 232, abilities_1);
  add_items (skill, "knowledge", 241, knowledge_1);
  skill = add (fn, "skill", "2", 246);
  ru (skill, "name", "содействие в непрерывности социального обслуживания.");
  add_items (skill, "ability", 249, abilities_2);
  add_items (skill, "knowledge", 253, knowledge_2);
  fn = add (card, "function", "3", 245);
  neutral (fn, "function_kind", "additional");
  ru (fn, "list_name", "Адвокация и расширение возможностей ЛСИ, имеющих затруднения в передвижении.");

  ru (add (card, "competency", NULL, 470), "text", "ответственность");
  ru (add (card, "competency", NULL, 470), "text", "эмпатия");
  node = add (card, "ork_link", NULL, 474);
  neutral (node, "level", "2-3");
  ru (node, "name", "Социальный помощник");

  node = add (std, "technical", NULL, 3948);
  ru (node, "state_body", "Министерство труда и социальной защиты населения Республики Казахстан");
  ru (node, "developers", "-");
  ru (node, "sector_council", "от 11 марта 2024 года.");
  neutral (node, "sector_council_date", "2024-03-11");
  ru (node, "national_body", "заключение от 05 марта 2024 года.");
  neutral (node, "national_body_date", "2024-03-05");
  ru (node, "atameken", "экспертное заключение от 13 декабря 2023 года № 16755/30.");
  neutral (node, "atameken_date", "2023-12-13");
  ru (node, "version", "версия 1, 2024 год.");
  ru (node, "review_date", "31 декабря 2027 года.");
  return doc;
}
