#!/usr/bin/python3
"""check-review.py KASIP: the review cycle from the command line, with three people and their refusals.

An administrator records a drafter, a reviewer and a publisher (and a second drafter who is also a
reviewer). The drafter edits two cards (one change set, open); the reviewer cannot edit the draft; the
drafter submits; the second drafter cannot approve their own change set; a rejection needs a reason; the
reviewer rejects the first change set; the publisher cannot freeze an edition while change sets are not
approved (the message lists them); the drafter reverts the rejected set in one step (the draft is as
before), fixes it and submits again; the reviewer approves; the publisher freezes edition 2 and exports
DOCX; the change sets become published; `kasip audit verify` holds; every status change is in the log
(read back with Python's sqlite3).
"""
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'common'))
from kasip_check import check, finish  # noqa: E402

KASIP = sys.argv[1]
TMP = tempfile.mkdtemp(prefix='kasip-review-')
WS = os.path.join(TMP, 'ws.kasip')


def kasip(who, *args):
    return subprocess.run([KASIP, '--as', who, *args], capture_output=True, text=True)


def kasip_in(language, who, *args):
    return subprocess.run([KASIP, '--as', who, *args], capture_output=True, text=True,
                          env=dict(os.environ, LANGUAGE=language))


def sets():
    out = kasip('admin', 'review', 'list', '-w', WS, '-s', 'Q88100061').stdout
    return [line.split('\t') for line in out.strip().split('\n') if line]


kasip('admin', 'sample', WS)
r = kasip('admin', 'edition', '-w', WS, '-s', 'Q88100061', '--date', '2025-01-01')
check(r.returncode == 0, 'edition 1 frozen in a workspace of one', r.stderr)
r = kasip('admin', 'people', '-w', WS)
check('nobody is recorded' in r.stdout, 'nobody recorded at first', r.stdout)
for who, roles in (('admin', 'admin'), ('dana', 'drafter'), ('ruslan', 'reviewer'), ('pavel', 'publisher'),
                   ('dias', 'drafter,reviewer')):
    r = kasip('admin', 'people', '-w', WS, '--add', who, '--roles', roles, '--name', who.capitalize())
    check(r.returncode == 0, f'{who} recorded as {roles}', r.stderr)
r = kasip('dana', 'people', '-w', WS, '--add', 'eve', '--roles', 'admin')
check(r.returncode == 1 and 'dana is not an administrator' in r.stderr, 'a drafter cannot record people', r.stderr)
r = kasip('admin', 'people', '-w', WS, '--add', 'x', '--roles', 'boss')
check(r.returncode == 2 and 'not a role' in r.stderr, 'an unknown role: exit 2', r.stderr)
# one's own name: anyone, without a role change
r = kasip('ruslan', 'people', '-w', WS, '--name', 'Руслан Б.')
r2 = kasip('admin', 'people', '-w', WS, '--json')
people = {p['account']: p for p in json.loads(r2.stdout)['people']} if r2.returncode == 0 else {}
check(r.returncode == 0 and people.get('ruslan', {}).get('name') == 'Руслан Б.' and
      people['ruslan']['roles'] == 'reviewer' and json.loads(r2.stdout)['set_up'] is True,
      'a reviewer records their own name; roles unchanged (people --json)', r.stderr + r2.stdout)
r = kasip('ruslan', 'people', '-w', WS, '--name', ' ')
check(r.returncode == 1 and 'cannot be empty' in r.stderr, 'an empty name is refused', r.stderr)

# a name recorded alone does not set review up
ONE = os.path.join(TMP, 'one.kasip')
kasip('solo', 'sample', ONE)
r = kasip('solo', 'people', '-w', ONE, '--name', 'Солo')
r2 = kasip('solo', 'people', '-w', ONE)
check(r.returncode == 0 and 'nobody holds a role' in r2.stdout and 'solo\tСолo\t' in r2.stdout,
      'a name alone: still a workspace of one', r.stderr + r2.stdout)
one_ids = kasip('solo', 'show', '-w', ONE, '-s', 'Q88100061', '--ids').stdout.split('\n')
one_card = next(l.split('\t')[0] for l in one_ids if 'card:' in l)
r = kasip('solo', 'set', '-w', ONE, '-s', 'Q88100061', '--element', one_card, '--field', 'ork_level', '--value', '3')
r2 = kasip('solo', 'edition', '-w', ONE, '-s', 'Q88100061', '--date', '2026-01-01')
check(r.returncode == 0 and r2.returncode == 0, 'there, anyone edits and freezes an edition', r.stderr + r2.stderr)

ids = kasip('admin', 'show', '-w', WS, '-s', 'Q88100061', '--ids').stdout.split('\n')
cards = [l.split('\t')[0] for l in ids if 'card:' in l]
card_a, card_b = cards[0], cards[1]


def value_of(card, field):
    out = kasip('admin', 'show', '-w', WS, '-s', 'Q88100061', '--ids').stdout
    return out


r1 = kasip('dana', 'set', '-w', WS, '-s', 'Q88100061', '--element', card_a, '--field', 'ork_level', '--value', '3')
r2 = kasip('dana', 'set', '-w', WS, '-s', 'Q88100061', '--element', card_b, '--field', 'profession_name',
           '--lang', 'ru', '--value', 'Новое название')
check(r1.returncode == 0 and r2.returncode == 0, 'the drafter edits two cards', r1.stderr + r2.stderr)
s = sets()
check(len(s) == 1 and s[0][1:4] == ['open', 'dana', '2'], 'one open change set of dana\'s, two entries', s)
first = s[0][0] if s else '0'
r = kasip('ruslan', 'set', '-w', WS, '-s', 'Q88100061', '--element', card_a, '--field', 'ork_level', '--value', '5')
check(r.returncode == 1 and 'ruslan is not a drafter' in r.stderr, 'a reviewer cannot edit the draft', r.stderr)
r = kasip('ruslan', 'review', 'submit', '-w', WS, '--change-set', first)
check(r.returncode == 1 and 'only its author submits it' in r.stderr, 'only the author submits', r.stderr)
r = kasip('dana', 'review', 'submit', '-w', WS, '--change-set', first, '--title', 'Уровни и названия')
check(r.returncode == 0 and '\tsubmitted\tdana\t2\tУровни и названия' in r.stdout, 'dana submits it, titled', r.stdout + r.stderr)

# dias drafts and reviews: not his own
r = kasip('dias', 'set', '-w', WS, '-s', 'Q88100061', '--element', card_b, '--field', 'ork_level', '--value', '4')
second = [x for x in sets() if x[2] == 'dias'][0][0]
kasip('dias', 'review', 'submit', '-w', WS, '--change-set', second)
r = kasip('dias', 'review', 'approve', '-w', WS, '--change-set', second)
check(r.returncode == 1 and 'cannot approve a change set they authored' in r.stderr, 'self-approval refused', r.stderr)
r = kasip('dias', 'review', 'reject', '-w', WS, '--change-set', second, '--reason', 'x')
check(r.returncode == 1 and 'cannot reject a change set they authored' in r.stderr, 'self-rejection refused', r.stderr)
r = kasip('pavel', 'review', 'approve', '-w', WS, '--change-set', second)
check(r.returncode == 1 and 'pavel is not a reviewer' in r.stderr, 'a publisher cannot approve', r.stderr)
# the refusals are in the interface's language
r = kasip_in('kk', 'dias', 'review', 'approve', '-w', WS, '--change-set', second)
check(r.returncode == 1 and f'{second} өзгерістер жинағы — dias өзі жасаған жинақ: рецензенттің өзі жасаған жинақты '
      'мақұлдау құқығы жоқ' in r.stderr, 'LANGUAGE=kk: self-approval refused in Kazakh', r.stderr)
r = kasip_in('ru', 'dias', 'review', 'approve', '-w', WS, '--change-set', second)
check(r.returncode == 1 and f'набор изменений {second} — собственный набор dias: рецензент не может одобрить набор, '
      'автором которого является сам' in r.stderr, 'LANGUAGE=ru: self-approval refused in Russian', r.stderr)
r = kasip_in('kk', 'pavel', 'review', 'approve', '-w', WS, '--change-set', second)
check(r.returncode == 1 and 'pavel бұл жұмыс кеңістігінде рецензент емес (рөлдері: жариялаушы)' in r.stderr,
      'LANGUAGE=kk: a role refused, the roles in Kazakh', r.stderr)

# the reviewer comments on a knowledge item; dana replies; the thread is listed and resolved
knowledge = next(l.split('\t')[0] for l in ids if 'knowledge:' in l)
r = kasip('ruslan', 'review', 'comment', '-w', WS, '-s', 'Q88100061', '--element', knowledge,
          '--text', 'Дублирует знание 2')
thread = r.stdout.strip()
check(r.returncode == 0 and thread.isdigit(), 'the reviewer comments on a knowledge item', r.stdout + r.stderr)
r = kasip('dana', 'review', 'comment', '-w', WS, '-s', 'Q88100061', '--element', knowledge, '--reply-to', thread,
          '--text', 'Исправлю')
r = kasip('ruslan', 'review', 'comment', '-w', WS, '-s', 'Q88100061', '--element', card_b, '--field',
          'profession_name', '--lang', 'kk', '--text', 'Аудармасы жоқ')
r = kasip('admin', 'review', 'comments', '-w', WS, '-s', 'Q88100061')
check(r.returncode == 0 and f'#{thread} [open]' in r.stdout and 'ruslan: Дублирует знание 2' in r.stdout and
      'dana: Исправлю' in r.stdout and 'profession_name (kk)' in r.stdout, 'the threads listed, with the reply',
      r.stdout)
r = kasip('dana', 'review', 'resolve', '-w', WS, '--comment', thread)
check(r.returncode == 1 and 'dana is not a reviewer' in r.stderr, 'the drafter cannot resolve the reviewer\'s thread',
      r.stderr)
r = kasip('ruslan', 'review', 'resolve', '-w', WS, '--comment', thread)
r2 = kasip('admin', 'review', 'comments', '-w', WS, '-s', 'Q88100061')
check(r.returncode == 0 and f'#{thread} [resolved]' in r2.stdout, 'the reviewer resolves it', r.stderr + r2.stdout)

# the reviewer rejects dana's; a reason is needed
r = kasip('ruslan', 'review', 'reject', '-w', WS, '--change-set', first)
check(r.returncode == 1 and 'needs a reason' in r.stderr, 'a rejection without a reason is refused', r.stderr)
r = kasip('ruslan', 'review', 'reject', '-w', WS, '--change-set', first, '--reason', 'Уровень 3 не по ОРК')
check(r.returncode == 0 and '\trejected\t' in r.stdout and 'Уровень 3 не по ОРК' in r.stdout,
      'the reviewer rejects it, with a reason', r.stdout + r.stderr)
r = kasip('ruslan', 'review', 'approve', '-w', WS, '--change-set', second)
check(r.returncode == 0 and '\tapproved\t' in r.stdout, 'the reviewer approves dias\'s', r.stdout + r.stderr)

# publishing waits
r = kasip('pavel', 'edition', '-w', WS, '-s', 'Q88100061', '--date', '2026-06-01')
check(r.returncode == 1 and f'{first} (dana, rejected)' in r.stderr, 'no edition while a change set is rejected',
      r.stderr)
r = kasip('dana', 'edition', '-w', WS, '-s', 'Q88100061', '--date', '2026-06-01')
check(r.returncode == 1 and 'dana is not a publisher' in r.stderr, 'a drafter cannot freeze an edition', r.stderr)
# exporting for publication waits the same way; an export that is not for publication does not
pub = os.path.join(TMP, 'for-publication.docx')
r = kasip('pavel', 'export', '-w', WS, '-s', 'Q88100061', '--for-publication', '--format', 'docx', '-o', pub)
check(r.returncode == 1 and f'{first} (dana, rejected)' in r.stderr and 'exported for publication' in r.stderr and
      not os.path.exists(pub), 'export --for-publication refused while a change set is rejected, listing it', r.stderr)
r = kasip('dana', 'export', '-w', WS, '-s', 'Q88100061', '--for-publication', '--format', 'docx', '-o', pub)
check(r.returncode == 1 and 'dana is not a publisher' in r.stderr and not os.path.exists(pub),
      'export --for-publication needs a publisher', r.stderr)
r = kasip('dana', 'export', '-w', WS, '-s', 'Q88100061', '--format', 'docx', '-o', pub)
check(r.returncode == 0 and os.path.exists(pub), 'an export not for publication is as before', r.stderr)
os.unlink(pub)
r = kasip('pavel', 'export', 'x.txt', '--for-publication', '--format', 'text', '-o', pub)
check(r.returncode == 2, 'export --for-publication of a file: bad usage', r.stderr)

# dana reverts (one step) and fixes
r = kasip('dana', 'review', 'revert', '-w', WS, '--change-set', first)
check(r.returncode == 0 and '\treverted\t' in r.stdout, 'dana reverts the rejected change set', r.stdout + r.stderr)
shown = kasip('admin', 'show', '-w', WS, '-s', 'Q88100061').stdout
check('Новое название' not in shown, 'the revert took the new name out of the draft', '')
r = kasip('dana', 'set', '-w', WS, '-s', 'Q88100061', '--element', card_a, '--field', 'ork_level', '--value', '4')
third = [x for x in sets() if x[2] == 'dana' and x[1] == 'open']
check(len(third) == 1 and third[0][3] == '2', 'the revert and the fix in dana\'s new change set', sets())
third = third[0][0] if third else '0'
r = kasip('dana', 'review', 'revert', '-w', WS, '--change-set', first)
check(r.returncode == 1 and 'reverted' in r.stderr, 'a change set is reverted once', r.stderr)
r = kasip('pavel', 'edition', '-w', WS, '-s', 'Q88100061', '--date', '2026-06-01')
check(r.returncode == 1 and f'{third} (dana, open)' in r.stderr, 'an open change set with changes blocks the edition', r.stderr)
kasip('dana', 'review', 'submit', '-w', WS, '--change-set', third)
r = kasip('ruslan', 'review', 'approve', '-w', WS, '--change-set', third)
check(r.returncode == 0, 'the reviewer approves the fix', r.stderr)

r = kasip('pavel', 'edition', '-w', WS, '-s', 'Q88100061', '--date', '2026-06-01', '--act', 'приказ № 1')
check(r.returncode == 0, 'the publisher freezes edition 2', r.stderr)
s = sets()
check([x[1] for x in s] == ['reverted', 'published', 'published'], 'approved change sets become published', s)
r = kasip('pavel', 'export', '-w', WS, '-s', 'Q88100061', '--for-publication', '--format', 'docx', '-o', pub)
check(r.returncode == 0 and os.path.exists(pub), 'export --for-publication once every change set is published', r.stderr)
r = kasip('pavel', 'export', '-w', WS, '-s', 'Q88100061@2', '--for-publication', '--format', 'xml', '-o', pub + '.xml')
check(r.returncode == 0, 'an edition exported for publication', r.stderr)
docx = os.path.join(TMP, 'ed2.docx')
r = kasip('pavel', 'export', '-w', WS, '--standard', 'Q88100061@2', '--format', 'docx', '-o', docx)
with zipfile.ZipFile(docx) as z:
    body = z.read('word/document.xml').decode()
check(r.returncode == 0 and 'Новое название' not in body, 'edition 2 exported as DOCX, without the rejected name',
      r.stderr)

r = kasip('admin', 'audit', 'verify', '-w', WS)
check(r.returncode == 0, 'audit verify holds after the cycle', r.stdout + r.stderr)
db = sqlite3.connect(WS)
statuses = db.execute("SELECT l.author, r.old_value, r.new_value, l.change_set FROM log l JOIN log_record r "
                      "ON r.log_id = l.id WHERE l.action = 'review' AND r.op = 'status' ORDER BY l.id").fetchall()
approvals = db.execute("SELECT l.change_set, r.field, r.new_value FROM log l JOIN log_record r ON r.log_id = l.id "
                       "WHERE r.op = 'decision' ORDER BY l.id, r.seq").fetchall()
db.close()
want = [('dana', 'open', 'submitted'), ('dias', 'open', 'submitted'), ('ruslan', 'submitted', 'rejected'),
        ('ruslan', 'submitted', 'approved'), ('dana', 'rejected', 'reverted'), ('dana', 'open', 'submitted'),
        ('ruslan', 'submitted', 'approved'), ('pavel', 'approved', 'published'), ('pavel', 'approved', 'published')]
check([row[:3] for row in statuses] == want, 'every status change is in the change log, by whom', statuses)
check([(str(a[0]), a[2]) for a in approvals] == [(second, 'approved'), (third, 'approved'), (third, 'approved')] and
      all(a[1].startswith('changed:') for a in approvals),
      'approving a set approves its changes: one decision each, in the approval\'s entry', approvals)
r = kasip('admin', 'audit', '-w', WS, '-s', 'Q88100061', '--element', card_b)
lines = [l for l in r.stdout.split('\n') if l and not l.startswith(' ')]
check(r.returncode == 0 and len(lines) == 6 and f'\tdana\tdo\tset-value\t#{first}' in r.stdout and
      f'\tdias\tdo\tset-value\t#{second}' in r.stdout and 'revert change set' in r.stdout and 'Аудармасы жоқ' in r.stdout,
      'audit --element: card B\'s history: dana\'s name, dias\'s level, the revert, the comment, with their change sets',
      r.stdout)
r = kasip('admin', 'review', 'show', '-w', WS, '--change-set', first)
check(r.returncode == 0 and 'Новое название' in r.stdout and 'set-value' in r.stdout, 'review show lists its changes',
      r.stdout)

finish()
