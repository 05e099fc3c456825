#!/usr/bin/env python3
"""check-diff.py KASIP SAMPLES_DIR: `kasip diff` reports exactly the edits that were made.

Edited copies of the published seeds are made by known edits (seed_edits.py) — re-level a card, reword
a skill, delete a knowledge item (its successors renumbered), move an item to another skill, add a card,
swap two cards, all of them at once — and `kasip diff --json` must list those edits and nothing more.
A copy that differs only in whitespace and line breaks gives no change and exit 0. The same on seed 002
(Kazakh, 2019/2023 layout); between seed 002 and a 2024-layout DOCX revision of it made in a workspace;
and between an edition and the draft of a workspace after `kasip set`, language by language.
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from seed_edits import (add_card_after, card_block, find, renumber_line,  # noqa: E402
                        replace_in, swap_cards)

KASIP = sys.argv[1]
SAMPLES = sys.argv[2]
SEED1 = os.path.join(SAMPLES, '001_efa396441f2b22fb.txt')
SEED2 = os.path.join(SAMPLES, '002_a9356737b7c953f7.txt')
TMP = tempfile.mkdtemp(prefix='kasip-diff-')
FAILURES = []
N_CHECKS = 0

CARD9 = 'Карточка 9 (5320-2-003)'
S1 = CARD9 + ' › Трудовая функция 1 › Навык 1'
S2 = CARD9 + ' › Трудовая функция 1 › Навык 2'


def run(*args, env=None):
    return subprocess.run([KASIP, *args], capture_output=True, text=True, env=env)


def diff(*args, lang='ru'):
    r = run('diff', '--json', '--lang', lang, *args)
    if r.returncode not in (0, 1):
        raise AssertionError(f'kasip diff {args}: exit {r.returncode}: {r.stderr}')
    return r.returncode, json.loads(r.stdout)['changes']


def write(name, lines):
    path = os.path.join(TMP, name)
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines))
    return path


def read_lines(path):
    with open(path, encoding='utf-8') as f:
        return f.read().split('\n')


def check(name, cond, detail=''):
    global N_CHECKS
    N_CHECKS += 1
    if not cond:
        FAILURES.append(f'{name}: {detail}')
        print(f'FAIL {name}: {detail}')


def show(changes):
    return json.dumps([{k: c.get(k) for k in ('op', 'kind', 'path', 'field', 'lang', 'old', 'new')}
                       for c in changes], ensure_ascii=False, indent=1)


def matches(change, want):
    for key, value in want.items():
        if key == 'renumbered':
            got = sorted((r['old'], r['new']) for r in change['renumbered'])
            if got != sorted(value):
                return False
        elif key == 'inserted':  # words that must be in an insert span, with an equal span around them
            spans = change['spans']
            if not any(s['op'] == 'insert' and value in s['text'] for s in spans):
                return False
            if not any(s['op'] == 'equal' for s in spans):
                return False
        elif change.get(key) != value:
            return False
    return True


def expect(name, rc_changes, wanted):
    """The changes must be exactly WANTED (each a dict of fields the change has), in that order."""
    rc, changes = rc_changes
    check(name + ': exit status', rc == (1 if wanted else 0), f'exit {rc}')
    ok = len(changes) == len(wanted) and all(matches(c, w) for c, w in zip(changes, wanted))
    check(name, ok, f'expected {len(wanted)} changes {wanted}\ngot {show(changes)}')
    for c in changes:
        if c['op'] == 'changed':
            old = ''.join(s['text'] for s in c['spans'] if s['op'] != 'insert')
            new = ''.join(s['text'] for s in c['spans'] if s['op'] != 'delete')
            check(name + ': spans rebuild both texts', old == (c['old'] or '') and new == (c['new'] or ''),
                  f'{c["spans"]}')
    return changes


# Seed 001 (Russian, 2024 layout) -----------------------------------------------------------------------

lines = read_lines(SEED1)
card9, _ = card_block(lines, 9)


def relevel(lines):
    i = find(lines, 'Уровень квалификации по ОРК:', card9)
    j = find(lines, '1-2', i, exact=True)
    out = list(lines)
    out[j] = out[j].replace('1-2', '2-3')
    return out


RELEVEL = {'op': 'changed', 'kind': 'card', 'path': CARD9, 'field': 'ork_level', 'lang': None,
           'old': '1-2', 'new': '2-3'}


def reword(lines):
    return replace_in(lines, card9, 'осуществление базовых услуг в передвижении.',
                      'осуществление базовых и дополнительных услуг при передвижении.')


REWORD = {'op': 'changed', 'kind': 'skill', 'path': S1, 'field': 'name', 'lang': 'ru',
          'old': 'осуществление базовых услуг в передвижении.', 'inserted': 'дополнительных'}


def delete_knowledge(lines):
    i = find(lines, '2. Методов и техники безопасного сопровождения', card9)
    j = find(lines, '3. Законодательства и нормативов', i)
    out = list(lines)
    out[j] = renumber_line(out[j], 3, 2)
    del out[i]
    return out


DELETE = {'op': 'removed', 'kind': 'knowledge', 'path': S1 + ' › Знания 2.', 'new_id': None,
          'renumbered': [('3.', '2.')]}


def move_knowledge(lines):
    """Knowledge 3 of skill 1 goes to the end of skill 2's knowledge, numbered after the last one."""
    out = list(lines)
    i = find(out, '3. Законодательства и нормативов', card9)
    item = out.pop(i)
    s2 = find(out, 'Навык 2:', card9)
    j = find(out, 'Знания:', s2) + 1
    last = None
    while not out[j].strip().startswith(('Трудовая функция', 'Навык')):
        if out[j].strip()[:1].isdigit():
            last = j
        j += 1
    n = int(out[last].strip().split('.')[0])
    out.insert(last + 1, renumber_line(item, 3, n + 1))
    return out


MOVE = {'op': 'moved', 'kind': 'knowledge', 'reordered': False, 'path': S2 + ' › Знания 4.',
        'old_path': S1 + ' › Знания 3.', 'renumbered': [('3.', '4.')]}


def add_card(lines):
    return add_card_after(lines, 9, 18, 'Помощник по уходу на дому', '5320-9-099')


ADD = {'op': 'added', 'kind': 'card', 'path': 'Карточка 10 (5320-9-099)', 'old_id': None,
       'renumbered': [(f'{n}.', f'{n + 1}.') for n in range(10, 19)]}


def swap(lines):
    return swap_cards(lines, 9)


SWAP = {'op': 'moved', 'kind': 'card', 'reordered': True, 'renumbered': [('9.', '10.'), ('10.', '9.')]}


def whitespace(lines):
    """Double spaces, trailing blanks, NBSP for a space, «» for "", CRLF line ends, blank lines."""
    out = []
    for k, line in enumerate(lines):
        if line.strip():
            line = line.replace(' ', '  ', 1) + '  '
            if k % 7 == 0:
                line = line.replace(' ', '\u00a0', 1)
        out.append(line)
        if k % 50 == 0:
            out.append('')
    return [line + '\r' for line in out]


expect('seed 001: identical', diff(SEED1, SEED1), [])
expect('seed 001: whitespace and line ends only', diff(SEED1, write('ws.txt', whitespace(lines))), [])
expect('seed 001: re-level card 9', diff(SEED1, write('relevel.txt', relevel(lines))), [RELEVEL])
expect('seed 001: reword a skill', diff(SEED1, write('reword.txt', reword(lines))), [REWORD])
expect('seed 001: delete a knowledge item', diff(SEED1, write('delete.txt', delete_knowledge(lines))), [DELETE])
expect('seed 001: move a knowledge item to another skill', diff(SEED1, write('move.txt', move_knowledge(lines))),
       [MOVE])
expect('seed 001: add a card', diff(SEED1, write('add.txt', add_card(lines))), [ADD])
expect('seed 001: swap two cards', diff(SEED1, write('swap.txt', swap(lines))), [SWAP])
# All at once: edits made at the end of the text first, so the others still find their lines.
together = relevel(reword(move_knowledge(add_card(lines))))
expect('seed 001: four edits together', diff(SEED1, write('together.txt', together)),
       [RELEVEL, REWORD, MOVE, ADD])
# Backwards, an added card is a removed one and a move goes back.
expect('seed 001: the other way round', diff(write('add2.txt', add_card(lines)), SEED1),
       [{'op': 'removed', 'kind': 'card', 'path': 'Карточка 10 (5320-9-099)',
         'renumbered': [(f'{n + 1}.', f'{n}.') for n in range(10, 19)]}])

# The report a person reads: grouped by card, marked words, a count.
r = run('diff', '--lang', 'ru', '--color', 'never', SEED1, os.path.join(TMP, 'together.txt'))
check('text report: exit 1', r.returncode == 1, str(r.returncode))
check('text report: one heading for card 9', r.stdout.count(CARD9 + ' — Индивидуальный помощник') == 1, r.stdout)
check('text report: count', 'Изменений: 4' in r.stdout, r.stdout)
check('text report: marked words', '{+' in r.stdout and '[-' in r.stdout, r.stdout)
r = run('diff', '--lang', 'ru', '--color', 'never', SEED1, write('two.txt', delete_knowledge(reword(lines))))
check('a removal and a change in one card: one heading', r.stdout.count(CARD9 + ' — ') == 1, r.stdout)
r = run('diff', '--lang', 'kk', '--color', 'always', SEED1, os.path.join(TMP, 'relevel.txt'))
check('text report in Kazakh, coloured', 'Өзгерістер саны: 1' in r.stdout and '\033[32m' in r.stdout, r.stdout)

# Seed 002 (Kazakh, 2019/2023 layout) -------------------------------------------------------------------

lines2 = read_lines(SEED2)
first2 = find(lines2, 'Кәсіп карточкасы')
CARD1_KK = 'Карточка 1 (1344-0-004)'


def relevel2(lines):
    i = find(lines, 'СБШ бойынша біліктілік деңгейі:', first2)
    out = list(lines)
    assert out[i].rstrip().endswith('|\t7'), out[i]
    out[i] = out[i].rstrip()[:-1] + '6'
    return out


KNOW = 'Білуге тиіс:1. халықты әлеуметтік қорғау саясатының негізгі бағыттары'


def reword2(lines):
    return replace_in(lines, first2, 'қорғау саясатының негізгі бағыттары',
                      'қорғау және жұмыспен қамту саясатының негізгі бағыттары')


def delete2(lines):
    """Labour function 2 of the card «Әлеуметтік психолог» goes (its line and its knowledge line);
    functions 3 and 4 become 2 and 3."""
    a = find(lines, 'Кәсіп карточкасы\t|\t"Әлеуметтік психолог"')
    i = find(lines, '2-еңбек функциясы:', a)
    assert lines[i + 1].startswith('Білуге тиіс:'), lines[i + 1]
    out = lines[:i] + lines[i + 2:]
    for n in (3, 4):
        j = find(out, f'{n}-еңбек функциясы:', a)
        out[j] = out[j].replace(f'{n}-еңбек', f'{n - 1}-еңбек', 1)
    return out


changes = expect('seed 002: whitespace only', diff(SEED2, write('ws2.txt', whitespace(lines2)), lang='kk'), [])
expect('seed 002: re-level the first card', diff(SEED2, write('relevel2.txt', relevel2(lines2)), lang='kk'),
       [{'op': 'changed', 'kind': 'card', 'field': 'ork_level', 'old': '7', 'new': '6', 'path': CARD1_KK}])
expect('seed 002: reword a knowledge item (Kazakh)', diff(SEED2, write('reword2.txt', reword2(lines2)), lang='kk'),
       [{'op': 'changed', 'kind': 'knowledge', 'field': 'text', 'lang': 'kk', 'inserted': 'жұмыспен'}])
changes = expect('seed 002: delete a labour function', diff(SEED2, write('delete2.txt', delete2(lines2)), lang='kk'),
                 [{'op': 'removed', 'kind': 'function', 'renumbered': [('3', '2'), ('4', '3')]}])
if changes:
    check('seed 002: the path is Kazakh', changes[0]['path'].startswith('Карточка 9 (2634-9-004) › Еңбек функциясы 2'),
          changes[0]['path'])

# Seed 002 against a 2024-layout revision made in a workspace (DOCX export, new IDs) ---------------------

env = dict(os.environ, KASIP_USER='reviewer-test')
ws = os.path.join(TMP, 'ws.kasip')
r = run('import', SEED2, '--workspace', ws, env=env)
check('import seed 002', r.returncode == 0, r.stderr)
listing = run('list', '--workspace', ws).stdout.splitlines()
handle = listing[0].split('\t')[0]
ids = run('show', '--workspace', ws, '--standard', handle, '--ids').stdout.splitlines()
card_id = next(line.split('\t')[0] for line in ids if ': card:' in line or '\tcard:' in line.replace('  ', ''))
docx0 = os.path.join(TMP, 'same.docx')
run('export', '--workspace', ws, '--standard', handle, '--format', 'docx', '-o', docx0)
expect('seed 002 against its own 2024-layout DOCX', diff(SEED2, docx0, lang='kk'), [])
r = run('set', '--workspace', ws, '--standard', handle, '--element', card_id, '--field', 'ork_level',
        '--value', '6', env=env)
check('kasip set ork_level', r.returncode == 0, r.stderr)
docx1 = os.path.join(TMP, 'revised.docx')
run('export', '--workspace', ws, '--standard', handle, '--format', 'docx', '-o', docx1)
expect('seed 002 against a 2024-layout revision', diff(SEED2, docx1, lang='kk'),
       [{'op': 'changed', 'kind': 'card', 'field': 'ork_level', 'old': '7', 'new': '6', 'path': CARD1_KK}])

# Editions and the draft of a workspace, language by language ----------------------------------------------

ws1 = os.path.join(TMP, 'ws1.kasip')
run('import', SEED1, '--workspace', ws1, env=env)
code = 'Q88100061'
ids = run('show', '--workspace', ws1, '--standard', code, '--ids').stdout.splitlines()
know = next(line.split('\t')[0] for line in ids if 'knowledge: 2. Методов и техники' in line)
r = run('edition', '--workspace', ws1, '--standard', code, '--note', 'first', env=env)
check('edition 1', r.returncode == 0, r.stderr)
expect('edition 1 against the draft, before any edit', diff('--workspace', ws1, code + '@1', code), [])
KK1 = 'Жүріп-тұруда қиындықтары бар адамдарды қауіпсіз алып жүру әдістері мен техникасы.'
run('set', '--workspace', ws1, '--standard', code, '--element', know, '--field', 'text', '--lang', 'kk',
    '--value', KK1, env=env)
expect('a Kazakh text added: edition 1 against the draft',
       diff('--workspace', ws1, code + '@1', code + '@draft'),
       [{'op': 'changed', 'kind': 'knowledge', 'field': 'text', 'lang': 'kk', 'old': None, 'new': KK1,
         'new_id': know, 'old_id': know, 'path': S1 + ' › Знания 2.', 'stale_translation': False}])
run('edition', '--workspace', ws1, '--standard', code, '--note', 'second', env=env)
r = run('show', '--workspace', ws1, '--standard', code, '--edition', '2', '--lang', 'ru')
old_ru = next(line for line in r.stdout.splitlines() if 'Методов и техники безопасного' in line).strip()
new_ru = 'Методов и техники безопасного сопровождения ЛСИ, имеющих затруднения в передвижении.'
run('set', '--workspace', ws1, '--standard', code, '--element', know, '--field', 'text', '--lang', 'ru',
    '--value', new_ru, env=env)
changes = expect('only the Russian text revised: a stale translation',
                 diff('--workspace', ws1, code + '@2', code),
                 [{'op': 'changed', 'kind': 'knowledge', 'field': 'text', 'lang': 'ru', 'new': new_ru,
                   'stale_translation': True}])
r = run('diff', '--json', '--workspace', ws1, code + '@2', code)
check('the count of stale translations', json.loads(r.stdout)['stale_translations'] == 1, r.stdout)
KK2 = 'Жүріп-тұруда қиындықтары бар адамдарды қауіпсіз алып жүру әдістері.'
run('set', '--workspace', ws1, '--standard', code, '--element', know, '--field', 'text', '--lang', 'kk',
    '--value', KK2, env=env)
expect('both languages revised: two changes, none stale', diff('--workspace', ws1, code + '@2', code),
       [{'op': 'changed', 'field': 'text', 'lang': 'kk', 'old': KK1, 'new': KK2, 'stale_translation': False},
        {'op': 'changed', 'field': 'text', 'lang': 'ru', 'new': new_ru, 'stale_translation': False}])
expect('edition 1 against edition 2', diff('--workspace', ws1, code + '@1', code + '@2'),
       [{'op': 'changed', 'field': 'text', 'lang': 'kk', 'old': None, 'new': KK1}])

r = run('revert', '--workspace', ws1, '--standard', code, '--edition', '1', env=env)
check('kasip revert to edition 1', r.returncode == 0, r.stderr)
expect('after the revert, edition 1 against the draft', diff('--workspace', ws1, code + '@1', code), [])
expect('after the revert, edition 2 against the draft: the Kazakh text is gone again',
       diff('--workspace', ws1, code + '@2', code),
       [{'op': 'changed', 'field': 'text', 'lang': 'kk', 'old': KK1, 'new': None}])
audit = run('audit', '--workspace', ws1, '--standard', code).stdout.splitlines()
check('the revert is one step of the audit trail', sum('Revert to edition 1' in line for line in audit) == 1,
      '\n'.join(audit[-5:]))

# The amending order: one item per amended point, named by its number in the amended text -------------------

r = run('amend', SEED1, os.path.join(TMP, 'together.txt'), '--lang', 'ru')
check('amend: exit 0', r.returncode == 0, r.stderr)
check('amend: the title', r.stdout.startswith('О внесении изменений в приказ Министра труда и социальной защиты '
                                              'населения Республики Казахстан от 30 апреля 2024 года № 125'), r.stdout[:300])
check('amend: card 9 restated (three changes in it)', 'пункт 9 изложить в следующей редакции:\n«' in r.stdout, r.stdout[:2000])
check('amend: the card added after 9 is 9-1 (the points after it keep their numbers)',
      'дополнить пунктом 9-1 следующего содержания:\n«' in r.stdout, r.stdout[-3000:])
check('amend: two items', r.stdout.count('изложить в следующей редакции') + r.stdout.count('дополнить пунктом') == 2,
      r.stdout[:500])
check('amend: the standard named without its quotes',
      'в профессиональном стандарте «Социальная работа и другие профессии социальной сферы», утверждённом' in r.stdout,
      r.stdout[:600])
r = run('amend', SEED1, os.path.join(TMP, 'delete.txt'), '--lang', 'kk')
check('amend in Kazakh: restated point', '9-тармақ мынадай редакцияда жазылсын:' in r.stdout, r.stdout[:800])
order_docx = os.path.join(TMP, 'order.docx')
r = run('amend', SEED1, os.path.join(TMP, 'together.txt'), '-o', order_docx)
check('amend -o: written', r.returncode == 0 and os.path.exists(order_docx), r.stderr)
if os.path.exists(order_docx):
    import zipfile
    with zipfile.ZipFile(order_docx) as z:
        xml = z.read('word/document.xml').decode('utf-8')
    check('amend -o: the DOCX holds the items', 'пункт 9 изложить в следующей редакции:' in xml and 'ПРИКАЗЫВАЮ:' in xml,
          xml[:500])
    try:
        import docx  # python3-docx, as check-comparative-table uses it
        paragraphs = [p.text for p in docx.Document(order_docx).paragraphs]
        check('amend -o: python-docx reads the title first', paragraphs[0].startswith('О внесении изменений'),
              str(paragraphs[:3]))
    except ImportError:
        pass
r = run('amend', SEED1, SEED1)
check('amend of equal texts: exit 1, says so', r.returncode == 1 and 'nothing to amend' in r.stderr, r.stderr)

# Errors: exit 2 and a message naming what is wrong ------------------------------------------------------

r = run('diff', SEED1, os.path.join(TMP, 'missing.txt'))
check('a missing file: exit 2', r.returncode == 2 and 'missing.txt' in r.stderr, f'{r.returncode} {r.stderr}')
r = run('diff', '--workspace', ws1, code + '@9', code)
check('a missing edition: exit 2', r.returncode == 2 and '9' in r.stderr, f'{r.returncode} {r.stderr}')
r = run('diff', '--workspace', ws1, code + '@x', code)
check('a bad reference: exit 2', r.returncode == 2 and 'CODE@N' in r.stderr, f'{r.returncode} {r.stderr}')
r = run('diff', SEED1)
check('one side only: exit 2', r.returncode == 2, str(r.returncode))

print(f'{N_CHECKS} checks, {len(FAILURES)} failed')
sys.exit(1 if FAILURES else 0)
