#!/usr/bin/env python3
"""Fills po/ru.po and po/kk.po from po/kasip.pot and the tables below (run after `ninja kasip-pot`).
Kept in the tree so translators can see the source of the first translation; edit the .po files after."""
import re, sys, os

T = {
 "Create an empty workspace": ("Создать пустое рабочее пространство", "Бос жұмыс кеңістігін құру"),
 "Import published texts (Adilet text) into a workspace": ("Импортировать опубликованные тексты (Әділет) в рабочее пространство", "Жарияланған мәтіндерді (Әділет) жұмыс кеңістігіне импорттау"),
 "Show what the importer understands in a file, without a workspace": ("Показать, что импорт понимает в файле, без рабочего пространства", "Импорт файлдан не түсінетінін жұмыс кеңістігінсіз көрсету"),
 "Check a standard against the rules V1–V17 (exit 0 no errors, 1 errors, 2 unreadable)": ("Проверить стандарт по правилам V1–V17 (код 0 — нет ошибок, 1 — ошибки, 2 — не читается)", "Стандартты V1–V17 ережелері бойынша тексеру (0 — қате жоқ, 1 — қателер бар, 2 — оқылмайды)"),
 "Create a workspace holding the bundled published standards (data/samples)": ("Создать рабочее пространство с прилагаемыми опубликованными стандартами (data/samples)", "Қоса берілген жарияланған стандарттары бар жұмыс кеңістігін құру (data/samples)"),
 "List the standards of a workspace and their editions": ("Перечислить стандарты рабочего пространства и их редакции", "Жұмыс кеңістігінің стандарттары мен олардың басылымдарын тізімдеу"),
 "Print a standard's draft or one of its editions as text": ("Вывести черновик стандарта или одну из его редакций как текст", "Стандарттың жобасын немесе басылымын мәтін ретінде шығару"),
 "Change one field of one element (recorded in the audit trail)": ("Изменить одно поле одного элемента (с записью в журнал)", "Бір элементтің бір өрісін өзгерту (журналға жазылады)"),
 "Freeze the working draft as a new, immutable edition": ("Зафиксировать рабочий черновик как новую неизменяемую редакцию", "Жұмыс жобасын жаңа, өзгермейтін басылым ретінде бекіту"),
 "Print who changed what, and when": ("Показать, кто, что и когда изменил", "Кім, нені және қашан өзгерткенін көрсету"),
 "Kasip: editor of professional standards (кәсіптік стандарттар / профессиональные стандарты)": ("Kasip: редактор профессиональных стандартов (кәсіптік стандарттар / профессиональные стандарты)", "Kasip: кәсіптік стандарттар редакторы (кәсіптік стандарттар / профессиональные стандарты)"),
 "Usage:": ("Использование:", "Қолданылуы:"),
 "open the editor (on WORKSPACE if given)": ("открыть редактор (на рабочем пространстве, если указано)", "редакторды ашу (жұмыс кеңістігі берілсе, соны)"),
 "run headless": ("выполнить без окна", "терезесіз орындау"),
 "Subcommands:": ("Подкоманды:", "Ішкі командалар:"),
 "A workspace is a file path, sqlite:PATH, or (later) postgresql://…": ("Рабочее пространство — путь к файлу, sqlite:ПУТЬ или (позже) postgresql://…", "Жұмыс кеңістігі — файл жолы, sqlite:ЖОЛ немесе (кейінірек) postgresql://…"),
 "Exit status: 0 success, 1 failure, 2 bad usage or unreadable input.": ("Код выхода: 0 — успех, 1 — ошибка, 2 — неверный вызов или нечитаемые данные.", "Шығу коды: 0 — сәтті, 1 — қате, 2 — дұрыс емес шақыру немесе оқылмайтын дерек."),
 "Usage": ("Использование", "Қолданылуы"),
 "give the path of the new workspace": ("укажите путь к новому рабочему пространству", "жаңа жұмыс кеңістігінің жолын көрсетіңіз"),
 "already exists; not overwritten": ("уже существует; не перезаписано", "бұрыннан бар; қайта жазылмады"),
 "workspace created": ("рабочее пространство создано", "жұмыс кеңістігі құрылды"),
 "give the path of the workspace": ("укажите путь к рабочему пространству", "жұмыс кеңістігінің жолын көрсетіңіз"),
 "already holds standards; the samples were not added again": ("уже содержит стандарты; примеры не добавлены повторно", "стандарттар бұрыннан бар; үлгілер қайта қосылмады"),
 "sample workspace ready": ("пример рабочего пространства готов", "үлгі жұмыс кеңістігі дайын"),
 "Workspace": ("Рабочее пространство", "Жұмыс кеңістігі"),
 "--workspace is required": ("нужен --workspace", "--workspace қажет"),
 "edition": ("редакция", "басылым"),
 "has no edition": ("не имеет редакции", "басылымы жоқ"),
 "editions cannot be changed": ("редакции нельзя изменять", "басылымдарды өзгертуге болмайды"),
 "Standard: its handle (see kasip list), code or ID": ("Стандарт: его краткое имя (см. kasip list), код или идентификатор", "Стандарт: оның қысқа атауы (kasip list қараңыз), коды немесе идентификаторы"),
 "Edition number (default: the working draft)": ("Номер редакции (по умолчанию — рабочий черновик)", "Басылым нөмірі (әдепкі — жұмыс жобасы)"),
 "Language: ru or kk": ("Язык: ru или kk", "Тіл: ru немесе kk"),
 "List element IDs instead of the text": ("Вывести идентификаторы элементов вместо текста", "Мәтіннің орнына элементтердің идентификаторларын шығару"),
 "--workspace and --standard are required": ("нужны --workspace и --standard", "--workspace және --standard қажет"),
 "--lang must be ru or kk": ("--lang должен быть ru или kk", "--lang ru немесе kk болуы керек"),
 "Element ID (see show --ids)": ("Идентификатор элемента (см. show --ids)", "Элемент идентификаторы (show --ids қараңыз)"),
 "Field name": ("Имя поля", "Өріс атауы"),
 "Language of the value: ru or kk (omit for codes)": ("Язык значения: ru или kk (для кодов не указывать)", "Мәннің тілі: ru немесе kk (кодтар үшін көрсетпеңіз)"),
 "New value (\\\"\\\" empty, \\\"-\\\" dash)": ("Новое значение (\\\"\\\" — пусто, \\\"-\\\" — прочерк)", "Жаңа мән (\\\"\\\" — бос, \\\"-\\\" — сызықша)"),
 "Make the value absent": ("Сделать значение отсутствующим", "Мәнді жоқ ету"),
 "--workspace, --standard, --element, --field and one of --value, --absent are required": ("нужны --workspace, --standard, --element, --field и одно из --value, --absent", "--workspace, --standard, --element, --field және --value, --absent біреуі қажет"),
 "no element with ID": ("нет элемента с идентификатором", "мына идентификаторы бар элемент жоқ"),
 "What this edition is": ("Что это за редакция", "Бұл қандай басылым"),
 "Date of the edition (default: today)": ("Дата редакции (по умолчанию — сегодня)", "Басылым күні (әдепкі — бүгін)"),
 "--date must be a date written YYYY-MM-DD": ("--date должна быть датой вида ГГГГ-ММ-ДД", "--date ЖЖЖЖ-АА-КК түріндегі күн болуы керек"),
 "edition created": ("редакция создана", "басылым құрылды"),
 "Print JSON": ("Вывести JSON", "JSON шығару"),
 "Sector qualification framework to check against": ("Отраслевая рамка квалификаций для проверки", "Тексеру үшін салалық біліктілік шеңбері"),
 "give a file, or --workspace and --standard": ("укажите файл или --workspace и --standard", "файлды немесе --workspace пен --standard көрсетіңіз"),
 "errors": ("ошибок", "қате"),
 "warnings": ("предупреждений", "ескерту"),
 "notes": ("замечаний", "ескертпе"),
 " (no classifiers: rules V3–V5, V12, V14, V17 skipped)": (" (нет классификаторов: правила V3–V5, V12, V14, V17 пропущены)", " (сыныптауыштар жоқ: V3–V5, V12, V14, V17 ережелері өткізілді)"),
 "give one file": ("укажите один файл", "бір файл көрсетіңіз"),
 "sector qualification framework (reference data)": ("отраслевая рамка квалификаций (справочные данные)", "салалық біліктілік шеңбері (анықтамалық деректер)"),
 "occupations": ("занятий", "кәсіп"),
 "rows with levels": ("строк с уровнями", "деңгейлері бар жол"),
 "Workspace (created if missing)": ("Рабочее пространство (создаётся, если его нет)", "Жұмыс кеңістігі (жоқ болса, құрылады)"),
 "give the files and --workspace": ("укажите файлы и --workspace", "файлдар мен --workspace көрсетіңіз"),
 "reference data: sector qualification framework": ("справочные данные: отраслевая рамка квалификаций", "анықтамалық деректер: салалық біліктілік шеңбері"),
 "cards": ("карточек", "карточка"),
 "labour functions": ("трудовых функций", "еңбек функциясы"),
 "skills": ("навыков", "дағды"),
 "abilities": ("умений", "іскерлік"),
 "knowledge items": ("знаний", "білім"),
 "problems (see kasip inspect)": ("замечаний (см. kasip inspect)", "ескерту (kasip inspect қараңыз)"),
 "unknown subcommand; see kasip --help": ("неизвестная подкоманда; см. kasip --help", "белгісіз ішкі команда; kasip --help қараңыз"),
 "unknown subcommand, and no such workspace; see kasip --help": ("неизвестная подкоманда, и такого рабочего пространства нет; см. kasip --help", "белгісіз ішкі команда, мұндай жұмыс кеңістігі де жоқ; kasip --help қараңыз"),
 "this build has no editor window (built with -Dui=disabled)": ("в этой сборке нет окна редактора (собрано с -Dui=disabled)", "бұл жинақта редактор терезесі жоқ (-Dui=disabled арқылы жиналған)"),
 "Read-only: %s. Changes cannot be saved.": ("Только чтение: %s. Изменения нельзя сохранить.", "Тек оқу үшін: %s. Өзгерістерді сақтауға болмайды."),
 "Read-only: this standard cannot be changed.": ("Только чтение: этот стандарт нельзя изменить.", "Тек оқу үшін: бұл стандартты өзгертуге болмайды."),
 "Could not open standard %s: %s": ("Не удалось открыть стандарт %s: %s", "%s стандартын ашу мүмкін болмады: %s"),
 "Kasip": ("Kasip", "Kasip"),
 "This workspace holds no standards yet.": ("В этом рабочем пространстве пока нет стандартов.", "Бұл жұмыс кеңістігінде әзірге стандарттар жоқ."),
 "Could not create %s: %s": ("Не удалось создать %s: %s", "%s құру мүмкін болмады: %s"),
 "Could not open the workspace: %s": ("Не удалось открыть рабочее пространство: %s", "Жұмыс кеңістігін ашу мүмкін болмады: %s"),
 "Open Workspace": ("Открыть рабочее пространство", "Жұмыс кеңістігін ашу"),
 "_Open": ("_Открыть", "_Ашу"),
 "_Cancel": ("_Отмена", "_Бас тарту"),
 "Kasip Workspaces": ("Рабочие пространства Kasip", "Kasip жұмыс кеңістіктері"),
 "All Files": ("Все файлы", "Барлық файлдар"),
 "Could not open the sample workspace: %s": ("Не удалось открыть пример рабочего пространства: %s", "Үлгі жұмыс кеңістігін ашу мүмкін болмады: %s"),
 "Kasip contributors": ("Участники проекта Kasip", "Kasip жобасының қатысушылары"),
 "An editor for Kazakhstan's professional standards, in Kazakh and Russian.": ("Редактор профессиональных стандартов Казахстана на казахском и русском языках.", "Қазақстанның кәсіптік стандарттарының қазақ және орыс тілдеріндегі редакторы."),
 "_Open Workspace…": ("_Открыть рабочее пространство…", "Жұмыс кеңістігін _ашу…"),
 "Open _Sample Workspace": ("Открыть _пример", "_Үлгіні ашу"),
 "_About Kasip": ("_О программе Kasip", "Kasip _туралы"),
 "Undo": ("Отменить", "Болдырмау"),
 "Redo": ("Повторить", "Қайталау"),
 "Standard": ("Стандарт", "Стандарт"),
 "Main Menu": ("Главное меню", "Басты мәзір"),
 "Open a Workspace": ("Откройте рабочее пространство", "Жұмыс кеңістігін ашыңыз"),
 "A workspace holds professional standards in Kazakh and Russian, with their history.": ("Рабочее пространство хранит профессиональные стандарты на казахском и русском языках вместе с их историей.", "Жұмыс кеңістігі кәсіптік стандарттарды қазақ және орыс тілдерінде, тарихымен бірге сақтайды."),
 "_Open…": ("_Открыть…", "_Ашу…"),
 "Open the _Sample": ("Открыть _пример", "_Үлгіні ашу"),
 "Could not open %s: %s": ("Не удалось открыть %s: %s", "%s ашу мүмкін болмады: %s"),
 "Kazakh": ("Казахский", "Қазақша"),
 "Russian": ("Русский", "Орысша"),
 "Could not change “%s”: %s": ("Не удалось изменить «%s»: %s", "«%s» өзгерту мүмкін болмады: %s"),
 "No Element Selected": ("Элемент не выбран", "Элемент таңдалмаған"),
 "Select an element in the outline to edit its fields.": ("Выберите элемент в структуре, чтобы изменить его поля.", "Өрістерін өзгерту үшін құрылымнан элементті таңдаңыз."),
 "Қазақша": ("Қазақша", "Қазақша"),
 "Русский": ("Русский", "Орысша"),
 "absent": ("отсутствует", "жоқ"),
 "empty": ("пусто", "бос"),
 "Outline": ("Структура", "Құрылым"),
 "translator-credits": ("Разработчики Kasip", "Kasip әзірлеушілері"),
 "Publish a standard: the ministry's DOCX layout, Kasip XML, or plain text": ("Опубликовать стандарт: DOCX в формате министерства, Kasip XML или простой текст", "Стандартты жариялау: министрліктің DOCX пішімі, Kasip XML немесе қарапайым мәтін"),
 "Standard: its handle (see kasip list), code or ID, with @EDITION for an edition": ("Стандарт: его краткое имя (см. kasip list), код или идентификатор, с @РЕДАКЦИЯ для редакции", "Стандарт: оның қысқа атауы (kasip list қараңыз), коды немесе идентификаторы, басылым үшін @БАСЫЛЫМ"),
 "docx, xml or text": ("docx, xml или text", "docx, xml немесе text"),
 "Output file": ("Выходной файл", "Шығыс файл"),
 "Language: ru or kk (default: the document's)": ("Язык: ru или kk (по умолчанию — язык документа)", "Тіл: ru немесе kk (әдепкі — құжат тілі)"),
 "give a file or --workspace and --standard, and --format and -o": ("укажите файл или --workspace и --standard, а также --format и -o", "файлды немесе --workspace пен --standard, сондай-ақ --format пен -o көрсетіңіз"),
 "--format must be docx, xml or text": ("--format должен быть docx, xml или text", "--format docx, xml немесе text болуы керек"),
 "an edition is written CODE@N with N ≥ 1": ("редакция записывается как КОД@N, где N ≥ 1", "басылым КОД@N түрінде жазылады, мұнда N ≥ 1"),
 "the editor module (libkasip-ui.so) could not be loaded": ("не удалось загрузить модуль редактора (libkasip-ui.so)", "редактор модулін (libkasip-ui.so) жүктеу мүмкін болмады"),
 "Exporting “%s”…": ("Экспорт «%s»…", "«%s» экспортталуда…"),
 "Export Failed": ("Экспорт не удался", "Экспорт сәтсіз аяқталды"),
 "Could not export to “%s”: %s": ("Не удалось экспортировать в «%s»: %s", "«%s» ішіне экспорттау мүмкін болмады: %s"),
 "_Close": ("_Закрыть", "_Жабу"),
 "Exported to “%s”": ("Экспортировано в «%s»", "«%s» ішіне экспортталды"),
 "Export cancelled": ("Экспорт отменён", "Экспорт тоқтатылды"),
 "Another export is still running": ("Ещё выполняется другой экспорт", "Басқа экспорт әлі орындалуда"),
 "No standard is open": ("Стандарт не открыт", "Стандарт ашылмаған"),
 "Export needs a local file": ("Для экспорта нужен локальный файл", "Экспорт үшін жергілікті файл қажет"),
 "PDF export needs LibreOffice, which is not installed": ("Для экспорта в PDF нужен LibreOffice, он не установлен", "PDF экспорты үшін LibreOffice қажет, ол орнатылмаған"),
 "Export as DOCX": ("Экспорт в DOCX", "DOCX ретінде экспорттау"),
 "Word Documents": ("Документы Word", "Word құжаттары"),
 "Export as Kasip XML": ("Экспорт в Kasip XML", "Kasip XML ретінде экспорттау"),
 "XML Files": ("Файлы XML", "XML файлдары"),
 "Export as PDF": ("Экспорт в PDF", "PDF ретінде экспорттау"),
 "PDF Documents": ("Документы PDF", "PDF құжаттары"),
 "_Export": ("_Экспортировать", "_Экспорттау"),
 "Could not open the exported file: %s": ("Не удалось открыть экспортированный файл: %s", "Экспортталған файлды ашу мүмкін болмады: %s"),
 "Export as _PDF…": ("Экспорт в _PDF…", "_PDF ретінде экспорттау…"),
 "Export as PDF (needs LibreOffice)": ("Экспорт в PDF (нужен LibreOffice)", "PDF ретінде экспорттау (LibreOffice қажет)"),
 "Export": ("Экспорт", "Экспорт"),
 "Export as _DOCX…": ("Экспорт в _DOCX…", "_DOCX ретінде экспорттау…"),
 "Export as _XML…": ("Экспорт в _XML…", "_XML ретінде экспорттау…"),
 "Could not start LibreOffice: %s": ("Не удалось запустить LibreOffice: %s", "LibreOffice іске қосу мүмкін болмады: %s"),
 "LibreOffice did not finish converting to PDF within %d seconds": ("LibreOffice не завершил преобразование в PDF за %d секунд", "LibreOffice PDF-ке түрлендіруді %d секунд ішінде аяқтамады"),
 "LibreOffice failed (exit status %d): %s": ("Ошибка LibreOffice (код выхода %d): %s", "LibreOffice қатесі (шығу коды %d): %s"),
 "no message": ("без сообщения", "хабарлама жоқ"),
 "PDF export needs LibreOffice, which is not installed (no soffice program found)": ("Для экспорта в PDF нужен LibreOffice, он не установлен (программа soffice не найдена)", "PDF экспорты үшін LibreOffice қажет, ол орнатылмаған (soffice бағдарламасы табылмады)"),
 "LibreOffice ended without writing a PDF: %s": ("LibreOffice завершился, не создав PDF: %s", "LibreOffice PDF жазбай аяқталды: %s"),
 "Checks: %s": ("Проверки: %s", "Тексерулер: %s"),
 "Could not read the workspace's qualification framework: %s": ("Не удалось прочитать рамку квалификаций рабочего пространства: %s", "Жұмыс кеңістігінің біліктілік шеңберін оқу мүмкін болмады: %s"),
 "The element this finding is about is no longer in the standard": ("Элемента, к которому относится замечание, больше нет в стандарте", "Ескерту қатысты элемент стандартта енді жоқ"),
 "Checks": ("Проверки", "Тексерулер"),
 "Error": ("Ошибка", "Қате"),
 "Warning": ("Предупреждение", "Ескерту"),
 "Note": ("Примечание", "Ескертпе"),
 "Rule %s, source line %u": ("Правило %s, строка источника %u", "%s ережесі, дереккөз жолы %u"),
 "Rule %s": ("Правило %s", "%s ережесі"),
 "No problems found": ("Проблем не найдено", "Ақау табылмады"),
 "%s, %s, %s": ("%s, %s, %s", "%s, %s, %s"),
 "Choose from the qualification framework’s occupations": ("Выбрать из занятий отраслевой рамки квалификаций", "Салалық біліктілік шеңберінің кәсіптерінен таңдау"),
 "Code or name": ("Код или наименование", "Код немесе атауы"),
 "Choose occupation": ("Выбор занятия", "Кәсіпті таңдау"),
 "WARNING": ("ВНИМАНИЕ", "НАЗАР АУДАРЫҢЫЗ"),
 "of the text was not placed in any element; check the «not placed» elements (kasip inspect) before relying on this import": ("текста не размещено ни в одном элементе; проверьте элементы «не размещено» (kasip inspect), прежде чем полагаться на этот импорт", "мәтін ешбір элементке орналастырылмады; бұл импортқа сенбес бұрын «орналастырылмаған» элементтерді тексеріңіз (kasip inspect)"),
 "Import the files that can be imported even if others are refused (default: all or nothing)": ("Импортировать файлы, которые можно, даже если другие отклонены (по умолчанию — всё или ничего)", "Басқалары қабылданбаса да, импорттауға болатын файлдарды импорттау (әдепкі — бәрі немесе ештеңе)"),
 "nothing was imported (use --keep-going to import the other files)": ("ничего не импортировано (--keep-going импортирует остальные файлы)", "ештеңе импортталмады (қалған файлдарды импорттау үшін --keep-going)"),
 "%u of %u files were imported": ("импортировано файлов: %u из %u", "%2$u файлдың %1$u импортталды"),
 "cannot be changed:": ("нельзя изменить:", "өзгертуге болмайды:"),
 "Language: ru or kk (default: the standard's)": ("Язык: ru или kk (по умолчанию — язык стандарта)", "Тіл: ru немесе kk (әдепкі — стандарттың тілі)"),
 "The element could not be changed: %s": ("Элемент не изменён: %s", "Элемент өзгертілмеді: %s"),
 "Delete this element?": ("Удалить этот элемент?", "Бұл элементті жою керек пе?"),
 "_Delete": ("_Удалить", "_Жою"),
 "Add After": ("Добавить после", "Кейін қосу"),
 "Add Before": ("Добавить перед", "Алдына қосу"),
 "Add Inside": ("Добавить внутрь", "Ішіне қосу"),
 "D_uplicate": ("_Дублировать", "_Көшірмесін жасау"),
 "Move _Up": ("Переместить _вверх", "_Жоғары жылжыту"),
 "Move _Down": ("Переместить в_низ", "_Төмен жылжыту"),
 "Language of the findings: ru, kk or en (default: the interface's)": ('Язык замечаний проверки: ru, kk или en (по умолчанию — язык интерфейса)', 'Тексеру нәтижелерінің тілі: ru, kk немесе en (әдепкі — интерфейс тілі)'),
 '--lang must be ru, kk or en': ('--lang должен быть ru, kk или en', '--lang ru, kk немесе en болуы керек'),
 '_Find…': ('_Найти…', '_Іздеу…'),
 '_Go to Card…': ('_Перейти к карточке…', 'Карточкаға _өту…'),
 '_Keyboard Shortcuts': ('_Комбинации клавиш', '_Пернетақта тіркесімдері'),
 'Checks on This Element': ('Проверки этого элемента', 'Осы элементті тексеру'),
 '(not set)': ('(не задано)', '(көрсетілмеген)'),
 '%s (%s)': ('%s (%s)', '%s (%s)'),
 'Find in both languages': ('Найти на обоих языках', 'Екі тілде іздеу'),
 'Find in the standard': ('Поиск в стандарте', 'Стандарттан іздеу'),
 'Previous Match (Shift+Enter)': ('Предыдущее совпадение (Shift+Enter)', 'Алдыңғы сәйкестік (Shift+Enter)'),
 'Previous match': ('Предыдущее совпадение', 'Алдыңғы сәйкестік'),
 'Next Match (Enter)': ('Следующее совпадение (Enter)', 'Келесі сәйкестік (Enter)'),
 'Next match': ('Следующее совпадение', 'Келесі сәйкестік'),
 'No match': ('Не найдено', 'Табылмады'),
 '%u of %u': ('%u из %u', '%u / %u'),
 'No card or element “%s”': ('Нет карточки или элемента «%s»', '«%s» карточкасы немесе элементі жоқ'),
 'A card’s number, its occupation or group code, or an ID': ('Номер карточки, код занятия или группы, или идентификатор', 'Карточка нөмірі, кәсіп немесе топ коды, не идентификатор'),
 'Go to Card': ('Перейти к карточке', 'Карточкаға өту'),
 '9 or 5320-2-003': ('9 или 5320-2-003', '9 немесе 5320-2-003'),
 'Go to card': ('Перейти к карточке', 'Карточкаға өту'),
 'General': ('Общие', 'Жалпы'),
 'Open a workspace': ('Открыть рабочее пространство', 'Жұмыс кеңістігін ашу'),
 'Show or hide the checks': ('Показать или скрыть проверки', 'Тексеруді көрсету немесе жасыру'),
 'Keyboard shortcuts': ('Комбинации клавиш', 'Пернетақта тіркесімдері'),
 'Close the window': ('Закрыть окно', 'Терезені жабу'),
 'Quit': ('Выйти', 'Шығу'),
 'Editing': ('Правка', 'Өңдеу'),
 'Structure': ('Структура', 'Құрылым'),
 'Add an element of the same kind after it': ('Добавить элемент того же вида после него', 'Одан кейін дәл сондай элемент қосу'),
 'Add an element inside it': ('Добавить элемент внутрь', 'Ішіне элемент қосу'),
 'Duplicate': ('Дублировать', 'Көшірмесін жасау'),
 'Move up or down (on into the next parent)': ('Переместить вверх или вниз (и дальше — в соседний родитель)', 'Жоғары немесе төмен жылжыту (әрі қарай — көрші ата-элементке)'),
 'Delete (in the outline)': ('Удалить (в структуре)', 'Жою (құрылымда)'),
 'The element’s menu': ('Меню элемента', 'Элемент мәзірі'),
 'Finding': ('Поиск', 'Іздеу'),
 'Next and previous match': ('Следующее и предыдущее совпадение', 'Келесі және алдыңғы сәйкестік'),
 'Go to a card by number or code': ('Перейти к карточке по номеру или коду', 'Нөмірі немесе коды бойынша карточкаға өту'),
 'Between the outline and the form': ('Между структурой и формой', 'Құрылым мен форма арасында'),
 'Language': ('Язык', 'Тіл'),
 '_New Workspace…': ('_Новое рабочее пространство…', '_Жаңа жұмыс кеңістігі…'),
 '_Import Standards…': ('_Импортировать стандарты…', 'Стандарттарды _импорттау…'),
 'Close': ('Закрыть', 'Жабу'),
 'Close the notice': ('Закрыть сообщение', 'Хабарламаны жабу'),
 '%s already exists; choose another name (a workspace is never overwritten)': ('%s уже существует; выберите другое имя (рабочее пространство никогда не перезаписывается)', '%s бұрыннан бар; басқа атау таңдаңыз (жұмыс кеңістігі ешқашан қайта жазылмайды)'),
 'New Workspace': ('Новое рабочее пространство', 'Жаңа жұмыс кеңістігі'),
 '_Create': ('_Создать', '_Құру'),
 'standards.kasip': ('стандарты.kasip', 'стандарттар.kasip'),
 '%s: refused: %s': ('%s: отклонён: %s', '%s: қабылданбады: %s'),
 '%s: qualification framework, %u occupations': ('%s: рамка квалификаций, занятий: %u', '%s: біліктілік шеңбері, кәсіптер: %u'),
 '%u cards, %u labour functions, %u skills, %u abilities, %u knowledge items': ('карточек: %u, трудовых функций: %u, навыков: %u, умений: %u, знаний: %u', 'карточкалар: %u, еңбек функциялары: %u, дағдылар: %u, іскерліктер: %u, білімдер: %u'),
 '  … and %u more': ('  … и ещё %u', '  … және тағы %u'),
 'Nothing Was Imported': ('Ничего не импортировано', 'Ештеңе импортталмады'),
 'Imported': ('Импортировано', 'Импортталды'),
 'Open a workspace that can be changed first': ('Сначала откройте рабочее пространство, которое можно изменять', 'Алдымен өзгертуге болатын жұмыс кеңістігін ашыңыз'),
 'Import Published Standards': ('Импорт опубликованных стандартов', 'Жарияланған стандарттарды импорттау'),
 '_Import': ('_Импортировать', '_Импорттау'),
 'Standards (text, DOCX, Kasip XML)': ('Стандарты (текст, DOCX, Kasip XML)', 'Стандарттар (мәтін, DOCX, Kasip XML)'),
 'Kasip was not closed properly last time. Nothing had been changed in this standard.': ('В прошлый раз Kasip был закрыт некорректно. В этом стандарте ничего не было изменено.', 'Өткен жолы Kasip дұрыс жабылмады. Бұл стандартта ештеңе өзгертілмеген.'),
 '%s; the last, to «%s», at %s.': ('%s; последнее — в «%s», в %s.', '%s; соңғысы — «%s» ішінде, %s кезінде.'),
 '%s; the last at %s.': ('%s; последнее — в %s.', '%s; соңғысы — %s кезінде.'),
 '%s — %s': ('%s — %s', '%s — %s'),
 'Choose an OKED subclass: the whole chain follows': ('Выбрать подкласс ОКЭД: вся цепочка заполнится', 'ЭҚЖЖ сыныпшасын таңдау: бүкіл тізбек толтырылады'),
}

# Plural messages: msgid -> (Russian forms [one, few, many], Kazakh forms [one, other]).
P = {
 "%u error": (["%u ошибка", "%u ошибки", "%u ошибок"], ["%u қате", "%u қате"]),
 "%u warning": (["%u предупреждение", "%u предупреждения", "%u предупреждений"], ["%u ескерту", "%u ескерту"]),
 "%u note": (["%u примечание", "%u примечания", "%u примечаний"], ["%u ескертпе", "%u ескертпе"]),
 "«%s» holds %u element. Undo brings it back.": (["«%s» содержит %u элемент. Отмена вернёт его.", "«%s» содержит %u элемента. Отмена вернёт их.", "«%s» содержит %u элементов. Отмена вернёт их."],
                                                  ["«%s» ішінде %u элемент бар. Болдырмау оны қайтарады.", "«%s» ішінде %u элемент бар. Болдырмау оларды қайтарады."]),
 "%u finding on this element: show it": (["%u замечание к этому элементу: показать", "%u замечания к этому элементу: показать их", "%u замечаний к этому элементу: показать их"],
                                           ["Осы элементте %u ескерту бар: көрсету", "Осы элементте %u ескерту бар: оларды көрсету"]),
 "%u remark in the parse report:": (["%u замечание в отчёте разбора:", "%u замечания в отчёте разбора:", "%u замечаний в отчёте разбора:"],
                                      ["Талдау есебінде %u ескертпе:", "Талдау есебінде %u ескертпе:"]),
 "Kasip was not closed properly last time. Its %u change to this standard is kept": (["В прошлый раз Kasip был закрыт некорректно. Его %u изменение этого стандарта сохранено", "В прошлый раз Kasip был закрыт некорректно. Его %u изменения этого стандарта сохранены", "В прошлый раз Kasip был закрыт некорректно. Его %u изменений этого стандарта сохранены"],
                                      ["Өткен жолы Kasip дұрыс жабылмады. Бұл стандарттағы %u өзгеріс сақталды", "Өткен жолы Kasip дұрыс жабылмады. Бұл стандарттағы %u өзгеріс сақталды"]),
}

def entries(pot):
    for block in pot.split('\n\n'):
        m = re.search(r'^msgid ((?:".*"\n?)+)msgstr ""', block + '\n', re.M)
        if not m:
            yield block, None
            continue
        msgid = ''.join(re.findall(r'"(.*)"', m.group(1)))
        yield block, msgid

def fill(lang_index, lang, header):
    pot = open('po/kasip.pot', encoding='utf-8').read()
    out = []
    for block, msgid in entries(pot):
        if msgid == '':
            out.append(header)
            continue
        if msgid is None:
            mp = re.search(r'^msgid "(.*)"\nmsgid_plural ', block, re.M)
            forms = P.get(mp.group(1)) if mp else None
            if mp and forms is None:
                sys.stderr.write(f'{lang}: untranslated plural: {mp.group(1)}\n')
            if forms is not None:
                block = re.sub(r'\nmsgstr\[.*', '', block, flags=re.S)
                block += ''.join('\nmsgstr[%d] "%s"' % (i, f) for i, f in enumerate(forms[lang_index]))
            out.append(block)
            continue
        tr = T.get(msgid)
        if tr is None:
            sys.stderr.write(f'{lang}: untranslated: {msgid}\n')
            out.append(block)
            continue
        text = tr[lang_index]
        block = re.sub(r'msgstr ""\s*$', 'msgstr "%s"' % text, block.rstrip('\n'))
        out.append(block)
    open(f'po/{lang}.po', 'w', encoding='utf-8').write('\n\n'.join(out).rstrip('\n') + '\n')

HDR = '''# {name} translation of Kasip.
msgid ""
msgstr ""
"Project-Id-Version: kasip\\n"
"Language: {lang}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals={np}; plural={pl};\\n"'''

if __name__ == '__main__':
    os.chdir(os.path.join(os.path.dirname(__file__), '..'))
    fill(0, 'ru', HDR.format(name='Russian', lang='ru', np=3, pl='(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)'))
    fill(1, 'kk', HDR.format(name='Kazakh', lang='kk', np=2, pl='(n!=1)'))
