#!/usr/bin/python3
"""check-comparative-table.py KASIP SAMPLES_DIR BUILD_DIR: `kasip diff --format docx` writes the ministry's
comparative table, read back by other tools.

Seed 001 with five known edits (seed_edits.py): card 9 re-levelled, a skill reworded, a knowledge item
moved to another skill, another deleted, a card added (the cards after it renumbered). The table must have
one row per change of `kasip diff --json` (+ the header), the change's path in column 2, the old and new
text in columns 3 and 4, exactly the deleted words struck through and the added words in bold; A4
landscape, Times New Roman 14/12 pt; every part well-formed; the same bytes from two runs. LibreOffice
converts it to PDF and pdftotext finds the texts; the first page is rendered to PNG in BUILD_DIR (its path
printed). Without changes the table has no rows and says «Изменений нет»; Kazakh labels with --lang kk.
From a workspace, the justification kept with `kasip justify` under the change's key fills the fifth
column, and stays with the change when the same field is edited again.
Uses Debian's /usr/bin/python3 with python3-docx; LibreOffice and poppler-utils (skipped when absent).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from seed_edits import add_card_after, card_block, find, renumber_line, replace_in  # noqa: E402

try:
    import docx as pydocx
except ImportError:
    print('python3-docx is not installed: skipped')
    sys.exit(77)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'common'))
from kasip_check import check, finish  # noqa: E402

KASIP, SAMPLES, BUILD = sys.argv[1], sys.argv[2], sys.argv[3]
SEED1 = os.path.join(SAMPLES, '001_efa396441f2b22fb.txt')
TMP = tempfile.mkdtemp(prefix='kasip-table-')
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'


def kasip(*args):
    return subprocess.run([KASIP, *args], capture_output=True, text=True)


def letters(t):
    return re.sub(r'[\W_]+', '', t).lower()


# The edited copy --------------------------------------------------------------------------------------

lines = open(SEED1, encoding='utf-8').read().split('\n')
card9, _ = card_block(lines, 9)
out = add_card_after(lines, 9, 18, 'Помощник по уходу на дому', '5320-9-099')
# knowledge 3 of skill 1 goes to the end of skill 2's knowledge
i = find(out, '3. Законодательства и нормативов', card9)
item = out.pop(i)
j = find(out, 'Знания:', find(out, 'Навык 2:', card9)) + 1
last = None
while not out[j].strip().startswith(('Трудовая функция', 'Навык')):
    if out[j].strip()[:1].isdigit():
        last = j
    j += 1
out.insert(last + 1, renumber_line(item, 3, int(out[last].strip().split('.')[0]) + 1))
# knowledge 2 of skill 1 deleted
del out[find(out, '2. Методов и техники безопасного сопровождения', card9)]
out = replace_in(out, card9, 'осуществление базовых услуг в передвижении.',
                 'осуществление базовых и дополнительных услуг при передвижении.')
j = find(out, '1-2', find(out, 'Уровень квалификации по ОРК:', card9), exact=True)
out[j] = out[j].replace('1-2', '2-3')
EDITED = os.path.join(TMP, 'edited.txt')
with open(EDITED, 'w', encoding='utf-8') as f:
    f.write('\n'.join(out))

r = kasip('diff', '--json', '--lang', 'ru', SEED1, EDITED)
changes = json.loads(r.stdout)['changes']
changes = [c for c in changes if c['op'] != 'changed' or c['lang'] in (None, 'ru')]
check([c['op'] for c in changes] == ['changed', 'changed', 'removed', 'moved', 'added'],
      'the diff of the edited copy: two changes, a removal, a move, a card added',
      [c['op'] for c in changes])

TABLE = os.path.join(TMP, 'table.docx')
r = kasip('diff', SEED1, EDITED, '--format', 'docx', '-o', TABLE, '--lang', 'ru')
check(r.returncode == 1 and r.stdout == '', 'kasip diff --format docx: exit 1, nothing on stdout',
      f'{r.returncode} {r.stderr}')

# The package ---------------------------------------------------------------------------------------------

with zipfile.ZipFile(TABLE) as z:
    bad = [n for n in z.namelist()
           if subprocess.run(['xmllint', '--noout', '-'], input=z.read(n), capture_output=True).returncode]
    check(not bad, f'xmllint accepts every part ({len(z.namelist())})', bad)
    check('customXml/item1.xml' not in z.read('word/_rels/document.xml.rels').decode() and
          'customXml' not in z.read('[Content_Types].xml').decode(),
          'no relationship to an embedded model the table does not have')
    styles = z.read('word/styles.xml').decode()
    document = z.read('word/document.xml').decode()
check('w:ascii="Times New Roman"' in styles and 'w:hAnsi="Times New Roman"' in styles and
      '<w:sz w:val="28"/>' in styles, 'Times New Roman 14 pt in the document defaults')
check(re.search(r'w:styleId="KspCell">.*?<w:sz w:val="24"/>', styles) is not None, 'table cells 12 pt')
check(re.search(r'<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>', document) is not None,
      'A4 landscape (w 16838 > h 11906, orient landscape)')
check('<w:tblHeader/>' in document, 'the header row repeats on every page')
check(not re.search(r'\d{4}-\d\d-\d\dT', document), 'no date in the document')

d = pydocx.Document(TABLE)
sec = d.sections[0]
check(sec.page_width > sec.page_height and sec.orientation == 1, 'python-docx: landscape section')
check(d.paragraphs[0].text == 'Сравнительная таблица' and
      'профессиональный стандарт «Социальная работа и другие профессии социальной сферы»' in d.paragraphs[1].text,
      'the title and the standard\'s name', d.paragraphs[1].text)
title_runs = d.paragraphs[0].runs
check(title_runs and all(run.bold and run.font.size is not None and run.font.size.pt == 14 for run in title_runs),
      'the title: bold, 14 pt')
check(len(d.tables) == 1, 'one table')
table = d.tables[0]
rows = table.rows
check(len(rows) == len(changes) + 1, f'one row per change + the header ({len(rows)} rows, {len(changes)} changes)')
check([c.text for c in rows[0].cells] ==
      ['№ п/п', 'Структурная единица', 'Действующая редакция', 'Предлагаемая редакция', 'Обоснование'],
      'the header', [c.text for c in rows[0].cells])


def runs_of(cell):
    return [run for p in cell.paragraphs for run in p.runs]


CARD9 = 'Карточка 9 (5320-2-003)'
S1 = CARD9 + ' › Трудовая функция 1 › Навык 1'
for k, c in enumerate(changes):
    if k + 1 >= len(rows):
        break
    cells = rows[k + 1].cells
    no, unit, old, new, reason = [cell.text for cell in cells]
    what = f'row {k + 1} ({c["op"]} {c["kind"]})'
    check(no == str(k + 1), what + ': its number', no)
    check(reason == '', what + ': the justification is empty (two files: no notes)')
    if c['op'] == 'changed':
        want_unit = c['path'] + (' › Уровень квалификации по ОРК' if c['field'] == 'ork_level' else '')
        check(unit == want_unit, what + ': the path', unit)
        check(old == c['old'] and new == c['new'], what + ': the whole old and new text', (old, new))
        deleted = [s['text'] for s in c['spans'] if s['op'] == 'delete']
        inserted = [s['text'] for s in c['spans'] if s['op'] == 'insert']
        struck = [run.text for run in runs_of(cells[2]) if run.font.strike]
        bold = [run.text for run in runs_of(cells[3]) if run.bold]
        check(struck == deleted, what + ': exactly the deleted words struck through', (struck, deleted))
        check(bold == inserted, what + ': exactly the added words in bold', (bold, inserted))
        check(not any(run.bold for run in runs_of(cells[2])) and not any(run.font.strike for run in runs_of(cells[3])),
              what + ': nothing bold in the old text, nothing struck in the new')
        if c['kind'] == 'skill':
            check(''.join(struck) == 'в' and ''.join(bold).split() == ['и', 'дополнительных', 'при'],
                  what + ': «в» struck, «и дополнительных», «при» bold', (struck, bold))
    elif c['op'] == 'removed':
        check(unit == S1 + ' › Знания 2.', what + ': the path', unit)
        check(old.startswith('2. Методов и техники безопасного сопровождения ЛСИ') and new == 'Исключить',
              what + ': the removed text | «Исключить»', (old, new))
    elif c['op'] == 'moved':
        check(unit == c['path'], what + ': the new path', unit)
        check(old.split('\n')[0] == c['old_path'] and new.split('\n')[0] == c['path'],
              what + ': the old path | the new path', (old, new))
        check('3. Законодательства и нормативов' in old and '4. Законодательства и нормативов' in new,
              what + ': the text as numbered on each side', (old, new))
        check('(нумерация изменена: 3. → 4.)' in new, what + ': its renumbering named', new)
    elif c['op'] == 'added':
        check(unit == 'Карточка 10 (5320-9-099)', what + ': the path', unit)
        check(old == 'Отсутствует', what + ': «Отсутствует»', old)
        lines_new = new.split('\n')
        check(lines_new[0] == '10. Карточка профессии «Помощник по уходу на дому»' and
              'Код наименования занятия: 5320-9-099' in lines_new,
              what + ': its heading and fields', lines_new[:4])
        check(any(x.startswith('Трудовая функция 1:') for x in lines_new) and
              any(x.startswith('Навык 1:') for x in lines_new) and 'Знания:' in lines_new,
              what + ': its functions, skills and knowledge on lines of their own')
        check('(нумерация изменена: 10.–18. → 11.–19.)' in new, what + ': the cards renumbered after it',
              lines_new[-1])
        check(not any(run.bold or run.font.strike for run in runs_of(cells[3])), what + ': plain text')

fonts = {run.font.name for row in rows for cell in row.cells for run in runs_of(cell)}
check(fonts == {None}, 'every run in the document default font (Times New Roman)', fonts)

# The same bytes from two runs ----------------------------------------------------------------------------

TABLE2 = os.path.join(TMP, 'table2.docx')
kasip('diff', SEED1, EDITED, '--format', 'docx', '-o', TABLE2, '--lang', 'ru')
check(open(TABLE, 'rb').read() == open(TABLE2, 'rb').read(), 'two runs give the same bytes')

# Kazakh, English (falls back to Russian), no changes, usage -------------------------------------------

KK = os.path.join(TMP, 'kk.docx')
r = kasip('diff', SEED1, EDITED, '--format', 'docx', '-o', KK, '--lang', 'kk')
dk = pydocx.Document(KK)
check(r.returncode == 1 and dk.paragraphs[0].text == 'Салыстырмалы кесте' and
      [c.text for c in dk.tables[0].rows[0].cells] ==
      ['Р/с №', 'Құрылымдық бірлік', 'Қолданыстағы редакция', 'Ұсынылатын редакция', 'Негіздеме'],
      '--lang kk: the Kazakh title and header', [c.text for c in dk.tables[0].rows[0].cells])
EN = os.path.join(TMP, 'en.docx')
r = kasip('diff', SEED1, EDITED, '--format', 'docx', '-o', EN, '--lang', 'en')
check(r.returncode == 1 and open(EN, 'rb').read() == open(TABLE, 'rb').read(), '--lang en: the Russian table')
SAME = os.path.join(TMP, 'same.docx')
r = kasip('diff', SEED1, SEED1, '--format', 'docx', '-o', SAME, '--lang', 'ru')
ds = pydocx.Document(SAME)
check(r.returncode == 0 and len(ds.tables[0].rows) == 1 and any(p.text == 'Изменений нет' for p in ds.paragraphs),
      'no changes: exit 0, the header only and «Изменений нет»', r.returncode)
r = kasip('diff', SEED1, EDITED, '--format', 'docx')
check(r.returncode == 2 and '-o' in r.stderr, '--format docx without -o: exit 2', r.stderr)
r = kasip('diff', SEED1, EDITED, '--format', 'pdf', '-o', os.path.join(TMP, 'x.pdf'))
check(r.returncode == 2, '--format pdf: exit 2')
r = kasip('diff', SEED1, os.path.join(TMP, 'missing.txt'), '--format', 'docx', '-o', os.path.join(TMP, 'y.docx'))
check(r.returncode == 2 and not os.path.exists(os.path.join(TMP, 'y.docx')), 'a missing file: exit 2, no table')

# Justifications kept in the workspace (kasip justify), found again after a further edit ---------------------

WS = os.path.join(TMP, 'ws.kasip')
kasip('import', SEED1, '--workspace', WS)
r = kasip('edition', '--workspace', WS, '--standard', 'Q88100061', '--date', '2025-01-01')
check(r.returncode == 0, 'the workspace: edition 1 frozen', r.stderr)
ids = kasip('show', '--workspace', WS, '--standard', 'Q88100061', '--ids').stdout
skill_id = next(l.split('\t')[0] for l in ids.split('\n') if 'skill: 1 осуществление базовых услуг в передвижении.' in l)
kasip('set', '--workspace', WS, '--standard', 'Q88100061', '--element', skill_id, '--field', 'name', '--lang', 'ru',
      '--value', 'осуществление базовых и дополнительных услуг при передвижении.')
r = kasip('diff', '--workspace', WS, 'Q88100061@1', 'Q88100061', '--json')
ws_changes = json.loads(r.stdout)['changes']
key = ws_changes[0]['key'] if ws_changes else None
check(len(ws_changes) == 1 and key == f'changed:{skill_id}:name:ru' and
      ws_changes[0]['justification'] == {'kk': None, 'ru': None},
      'diff --workspace --json: the change\'s key, no justification yet', ws_changes)
NOTE = 'Уточнён перечень услуг: «дополнительные» — по ОРК, уровень 2'
r = kasip('justify', '--workspace', WS, '--standard', 'Q88100061', '--change', key, '--lang', 'ru', '--text', NOTE)
check(r.returncode == 0, 'kasip justify keeps a note', r.stderr)
r = kasip('justify', '--workspace', WS, '--standard', 'Q88100061', '--change', key, '--lang', 'kk',
          '--text', 'Қызметтер тізбесі нақтыланды')
r = kasip('justify', '--workspace', WS, '--standard', 'Q88100061')
check(r.returncode == 0 and r.stdout.count(key) == 2 and NOTE in r.stdout and 'Қызметтер тізбесі нақтыланды' in r.stdout,
      'kasip justify lists the two notes (ru, kk)', r.stdout)
kasip('set', '--workspace', WS, '--standard', 'Q88100061', '--element', skill_id, '--field', 'name', '--lang', 'ru',
      '--value', 'осуществление базовых и дополнительных услуг при передвижении по дому.')
r = kasip('diff', '--workspace', WS, 'Q88100061@1', 'Q88100061', '--json')
ws_changes = json.loads(r.stdout)['changes']
check(len(ws_changes) == 1 and ws_changes[0]['key'] == key and
      ws_changes[0]['justification'] == {'kk': 'Қызметтер тізбесі нақтыланды', 'ru': NOTE},
      'edited again: the same key, the notes found again', ws_changes)
WST = os.path.join(TMP, 'ws-table.docx')
r = kasip('diff', '--workspace', WS, 'Q88100061@1', 'Q88100061', '--format', 'docx', '-o', WST, '--lang', 'ru')
wrows = pydocx.Document(WST).tables[0].rows
check(r.returncode == 1 and len(wrows) == 2 and wrows[1].cells[4].text == NOTE and
      wrows[1].cells[3].text == 'осуществление базовых и дополнительных услуг при передвижении по дому.',
      'the table from the workspace: the note in the justification column', [c.text for c in wrows[-1].cells])
r = kasip('justify', '--workspace', WS, '--standard', 'Q88100061', '--change', key, '--lang', 'ru', '--remove')
kasip('diff', '--workspace', WS, 'Q88100061@1', 'Q88100061', '--format', 'docx', '-o', WST, '--lang', 'ru')
check(r.returncode == 0 and pydocx.Document(WST).tables[0].rows[1].cells[4].text == '',
      'kasip justify --remove: the column is empty again')
r = kasip('justify', '--workspace', WS, '--standard', 'Q88100061', '--change', key, '--text', 'x')
check(r.returncode == 2 and '--lang' in r.stderr, 'kasip justify without --lang: exit 2', r.stderr)

# LibreOffice: PDF, pdftotext, the first page as PNG --------------------------------------------------------

if shutil.which('soffice') and shutil.which('pdftotext') and shutil.which('pdftoppm'):
    profile = 'file://' + os.path.join(TMP, 'lo-profile')
    subprocess.run(['soffice', f'-env:UserInstallation={profile}', '--headless', '--convert-to', 'pdf',
                    '--outdir', TMP, TABLE], check=True, capture_output=True)
    pdf = os.path.join(TMP, 'table.pdf')
    info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout
    check('841.8' in info and '595.3' in info, 'LibreOffice makes an A4 landscape PDF',
          re.search(r'Page size:.*', info).group(0))
    text = letters('\n'.join(l for l in subprocess.run(['pdftotext', pdf, '-'], capture_output=True,
                                                      text=True).stdout.split('\n') if not l.strip().isdigit()))
    wanted = ['Сравнительная таблица', 'Действующая редакция', 'Предлагаемая редакция', 'Обоснование',
              'осуществление базовых услуг в передвижении.',
              'осуществление базовых и дополнительных услуг при передвижении.',
              '2. Методов и техники безопасного сопровождения ЛСИ', 'Исключить', 'Отсутствует',
              '10. Карточка профессии «Помощник по уходу на дому»', 'Карточка 10 (5320-9-099)',
              '(нумерация изменена: 10.–18. → 11.–19.)']
    missing = [w for w in wanted if letters(w) not in text]
    check(not missing, f'pdftotext finds the texts ({len(wanted)})', missing)
    png_base = os.path.join(BUILD, 'kasip-comparative-table')
    subprocess.run(['pdftoppm', '-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, png_base], check=True)
    check(os.path.getsize(png_base + '.png') > 0, 'the first page rendered')
    print('# first page:', png_base + '.png')
else:
    print('# LibreOffice or poppler-utils missing: PDF checks skipped')

finish()
