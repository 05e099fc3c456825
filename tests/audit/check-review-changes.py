#!/usr/bin/python3
"""check-review-changes.py KASIP: change sets titled, split and merged, and single changes decided, from the
command line, read back (kasip review show --json, Python's sqlite3) and checked with kasip audit verify.

A drafter edits three cards (one change set), titles it, splits the third card's change off into a new
change set and merges it back; the log's entries are the ones written before (the chain holds) and the
store says where they went. She submits; a reviewer approves one change and rejects another (a reason is
needed; the author, though a reviewer too, cannot decide on her own); approving the set is refused while a
change is rejected; the author reverts that change alone; the reviewer approves the set, which approves the
change nobody decided on. Each refusal is tested, one in Kazakh. Then the membership is rewritten behind
Kasip's back and audit verify says so.
"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'common'))
from kasip_check import check, finish  # noqa: E402

KASIP = sys.argv[1]
TMP = tempfile.mkdtemp(prefix='kasip-review-changes-')
WS = os.path.join(TMP, 'ws.kasip')
STD = 'Q88100061'


def kasip(who, *args, language=None):
    env = dict(os.environ, LANGUAGE=language) if language else None
    return subprocess.run([KASIP, '--as', who, *args], capture_output=True, text=True, env=env)


def show(set_id):
    r = kasip('admin', 'review', 'show', '-w', WS, '--change-set', str(set_id), '--json')
    return json.loads(r.stdout) if r.returncode == 0 else {'error': r.stderr}


def verified(what):
    r = kasip('admin', 'audit', 'verify', '-w', WS)
    check(r.returncode == 0, f'audit verify holds after {what}', r.stdout + r.stderr)


def log_rows(sql):
    db = sqlite3.connect(WS)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


kasip('admin', 'sample', WS)
for who, roles in (('admin', 'admin'), ('dana', 'drafter'), ('ruslan', 'reviewer')):
    kasip('admin', 'people', '-w', WS, '--add', who, '--roles', roles)
ids = kasip('admin', 'show', '-w', WS, '-s', STD, '--ids').stdout.split('\n')
card_a, card_b, card_c = [l.split('\t')[0] for l in ids if 'card:' in l][:3]
for card, field, lang, value in ((card_a, 'ork_level', None, '3'), (card_b, 'profession_name', 'ru', 'Новое название'),
                                 (card_c, 'ork_level', None, '4')):
    kasip('dana', 'set', '-w', WS, '-s', STD, '--element', card, '--field', field, *(['--lang', lang] if lang else []),
          '--value', value)
first = show(1)
check(first.get('change_set', {}).get('entries') == 3 and first['change_set']['author'] == 'dana',
      'three edits in dana\'s change set 1', first)
hashes_before = log_rows('SELECT id, hash, change_set FROM log ORDER BY id')

# the title
r = kasip('dana', 'review', 'title', '-w', WS, '--change-set', '1', '--title', 'Три карточки')
check(r.returncode == 0 and r.stdout.startswith('1\topen\tdana\t3\tТри карточки'), 'the author titles it', r.stdout + r.stderr)
r = kasip('ruslan', 'review', 'title', '-w', WS, '--change-set', '1', '--title', 'Чужое')
check(r.returncode == 1 and 'only its author gives it a title' in r.stderr, 'another cannot title it', r.stderr)
r = kasip('dana', 'review', 'title', '-w', WS, '--change-set', '1')
check(r.returncode == 2, 'title without --title: bad usage', r.stderr)

# split
r = kasip('dana', 'review', 'split', '-w', WS, '--change-set', '1')
check(r.returncode == 2 and '--element' in r.stderr, 'split without --element: bad usage', r.stderr)
r = kasip('dana', 'review', 'split', '-w', WS, '--change-set', '1', '--element', 'no-such-element')
check(r.returncode == 1 and 'no change of change set 1 is about these elements' in r.stderr,
      'split by an element it did not change: refused', r.stderr)
r = kasip('dana', 'review', 'split', '-w', WS, '--change-set', '1', '--element', card_a, '--element', card_b,
          '--element', card_c)
check(r.returncode == 1 and 'nothing would be left' in r.stderr, 'split of everything: refused', r.stderr)
r = kasip('ruslan', 'review', 'split', '-w', WS, '--change-set', '1', '--element', card_c)
check(r.returncode == 1 and 'only its author splits it' in r.stderr, 'split by another: refused', r.stderr)
r = kasip('dana', 'review', 'split', '-w', WS, '--change-set', '1', '--element', card_c, '--title', 'Карточка C')
check(r.returncode == 0 and r.stdout.split('\n')[:2] == ['1\topen\tdana\t2\tТри карточки', '2\topen\tdana\t1\tКарточка C'],
      'split: card C\'s change into change set 2, titled', r.stdout + r.stderr)
second = show(2)
check(len(second.get('changes') or []) == 1 and second['changes'][0]['key'] == f'changed:{card_c}:ork_level' and
      second['steps'][0]['made_in'] == 1, 'change set 2 shows card C\'s change, a step made in change set 1', second)
check(log_rows('SELECT id, hash, change_set FROM log ORDER BY id')[:len(hashes_before)] == hashes_before,
      'the log\'s entries are as they were written', '')
check(log_rows("SELECT r.op, r.old_value, r.new_value FROM log l JOIN log_record r ON r.log_id = l.id "
               "WHERE l.command = 'split'") == [('reassign', '1', '2')] and
      len(log_rows('SELECT * FROM change_set_member')) == 1, 'the split is an entry of its own; the store keeps the move', '')
verified('a split')
r = kasip('admin', 'audit', '-w', WS, '-s', STD, '--element', card_c)
check(r.returncode == 0 and '\tdana\tdo\tset-value\t#2' in r.stdout, 'card C\'s history names change set 2', r.stdout)

# merge
r = kasip('dana', 'review', 'merge', '-w', WS, '--change-set', '2')
check(r.returncode == 2, 'merge without --into: bad usage', r.stderr)
r = kasip('dana', 'review', 'merge', '-w', WS, '--change-set', '2', '--into', '2')
check(r.returncode == 1 and 'are the same' in r.stderr, 'a change set merged with itself: refused', r.stderr)
r = kasip('ruslan', 'review', 'merge', '-w', WS, '--change-set', '2', '--into', '1')
check(r.returncode == 1 and 'only its author merges it' in r.stderr, 'merge by another: refused', r.stderr)
r = kasip('dana', 'review', 'merge', '-w', WS, '--change-set', '2', '--into', '1')
check(r.returncode == 0 and r.stdout.split('\n')[:2] == ['1\topen\tdana\t3\tТри карточки', '2\tmerged\tdana\t0\tКарточка C'],
      'merge: change set 2 back into 1, merged and empty', r.stdout + r.stderr)
r = kasip('dana', 'review', 'merge', '-w', WS, '--change-set', '2', '--into', '1')
check(r.returncode == 1 and 'is merged' in r.stderr, 'a merged change set is not merged again', r.stderr)
check(len(show(1).get('changes') or []) == 3, 'change set 1 shows its three changes again', show(1))
verified('a merge')

# change sets of two standards are not merged; an unknown change set is named
other_std = [l.split('\t')[0] for l in kasip('admin', 'list', '-w', WS).stdout.split('\n')
             if l and not l.startswith(' ') and not l.startswith(STD)][0]
other_ids = kasip('admin', 'show', '-w', WS, '-s', other_std, '--ids').stdout.split('\n')
other_card = next(l.split('\t')[0] for l in other_ids if 'card:' in l)
r = kasip('dana', 'set', '-w', WS, '-s', other_std, '--element', other_card, '--field', 'ork_level', '--value', '5')
other_set = [c['id'] for c in json.loads(kasip('admin', 'review', 'list', '-w', WS, '--json').stdout)['change_sets']
             if c['status'] == 'open' and c['standard_id'] != first['change_set']['standard_id']]
r = kasip('dana', 'review', 'merge', '-w', WS, '--change-set', str(other_set[0]) if other_set else '0', '--into', '1')
check(r.returncode == 1 and 'are not of one standard' in r.stderr, 'change sets of two standards: not merged', r.stderr)
r = kasip('dana', 'review', 'show', '-w', WS, '--change-set', '999')
check(r.returncode == 1 and 'there is no change set 999' in r.stderr, 'an unknown change set is named', r.stderr)

# decisions on single changes
r = kasip('dana', 'review', 'submit', '-w', WS, '--change-set', '1')
keys = {c['key'].split(':')[1]: c['key'] for c in show(1).get('changes') or []}
key_a, key_b, key_c = keys.get(card_a), keys.get(card_b), keys.get(card_c)
check(r.returncode == 0 and None not in (key_a, key_b, key_c), 'submitted; its three changes have keys', keys)
r = kasip('ruslan', 'review', 'decide', '-w', WS, '--change-set', '1', '--change', key_a)
check(r.returncode == 2, 'decide without --approve or --reject: bad usage', r.stderr)
r = kasip('dana', 'review', 'decide', '-w', WS, '--change-set', '1', '--change', key_a, '--approve')
check(r.returncode == 1 and 'dana is not a reviewer' in r.stderr, 'a drafter does not decide', r.stderr)
kasip('admin', 'people', '-w', WS, '--add', 'dana', '--roles', 'drafter,reviewer')
r = kasip('dana', 'review', 'decide', '-w', WS, '--change-set', '1', '--change', key_a, '--approve')
check(r.returncode == 1 and 'cannot decide on a change they authored' in r.stderr, 'the author does not decide on her own',
      r.stderr)
r = kasip('ruslan', 'review', 'decide', '-w', WS, '--change-set', '1', '--change', key_b, '--reject')
check(r.returncode == 1 and 'needs a reason' in r.stderr, 'a rejection without a reason: refused', r.stderr)
r = kasip('ruslan', 'review', 'decide', '-w', WS, '--change-set', '1', '--change', key_b, '--reject', language='kk')
check(r.returncode == 1 and 'қабылдамаудың себебі көрсетілуі керек' in r.stderr, 'the same, in Kazakh', r.stderr)
r = kasip('ruslan', 'review', 'decide', '-w', WS, '--change-set', '1', '--change', 'changed:x:name:ru', '--approve')
check(r.returncode == 1 and 'has no change changed:x:name:ru' in r.stderr, 'a change the set does not have: refused', r.stderr)
r1 = kasip('ruslan', 'review', 'decide', '-w', WS, '--change-set', '1', '--change', key_a, '--approve')
r2 = kasip('ruslan', 'review', 'decide', '-w', WS, '--change-set', '1', '--change', key_b, '--reject', '--reason',
           'Название не из НКЗ')
shown = show(1)
verdicts = {d['key']: (d['verdict'], d['reviewer'], d['reason']) for d in shown.get('decisions', [])}
check(r1.returncode == 0 and r2.returncode == 0 and
      verdicts == {key_a: ('approved', 'ruslan', None), key_b: ('rejected', 'ruslan', 'Название не из НКЗ')},
      'the reviewer approves card A\'s change and rejects card B\'s (review show --json)', r1.stderr + r2.stderr + str(shown))
text = kasip('admin', 'review', 'show', '-w', WS, '--change-set', '1').stdout
check(f'change\t{key_b}\trejected\t' in text and f'change\t{key_c}\tundecided\t' in text and
      f'decision\t{key_b}\trejected\truslan\t' in text, 'review show lists the changes and the decisions', text)
r = kasip('ruslan', 'review', 'approve', '-w', WS, '--change-set', '1')
check(r.returncode == 1 and '· Наименование профессии (ru) of change set 1 is rejected (by ruslan) and not reverted' in r.stderr
      and key_b not in r.stderr,
      'the set is not approved while a change is rejected: the message names it as a reader does', r.stderr)
r = kasip('ruslan', 'review', 'revert', '-w', WS, '--change-set', '1', '--change', key_b)
check(r.returncode == 1 and 'only its author reverts its rejected changes' in r.stderr, 'only the author reverts it',
      r.stderr)
r = kasip('dana', 'review', 'revert', '-w', WS, '--change-set', '1', '--change', key_a)
check(r.returncode == 1 and 'is not rejected' in r.stderr, 'an approved change is not reverted alone', r.stderr)
r = kasip('dana', 'review', 'revert', '-w', WS, '--change-set', '1', '--change', key_b)
draft = kasip('admin', 'show', '-w', WS, '-s', STD).stdout
check(r.returncode == 0 and 'Новое название' not in draft and '\tsubmitted\t' in r.stdout,
      'the author reverts the rejected change alone; the set stays submitted', r.stdout + r.stderr)
shown = show(1)
check([c['key'] for c in shown.get('changes') or []] == [key_a, key_c] and
      {d['key']: d['verdict'] for d in shown['decisions']}[key_b] == 'reverted' and
      shown['decisions'][1]['reverted_by'] == 'dana', 'the set shows without it; the decision says reverted', shown)
r = kasip('admin', 'review', 'list', '-w', WS, '--json')
sets = json.loads(r.stdout)['change_sets']
revert_set = [c for c in sets if c['author'] == 'dana' and c['status'] == 'open' and
              c['standard_id'] == first['change_set']['standard_id']]
check(len(revert_set) == 1 and revert_set[0]['entries'] == 1, 'the revert is a change of dana\'s, in a new open set', sets)
r = kasip('ruslan', 'review', 'decide', '-w', WS, '--change-set', '1', '--change', key_b, '--approve')
check(r.returncode == 1 and 'was reverted' in r.stderr, 'a reverted change is not decided again', r.stderr)
r = kasip('ruslan', 'review', 'approve', '-w', WS, '--change-set', '1')
shown = show(1)
check(r.returncode == 0 and {d['key']: d['verdict'] for d in shown['decisions']} ==
      {key_a: 'approved', key_b: 'reverted', key_c: 'approved'},
      'the set approved, with the change nobody decided on', r.stderr + str(shown))
check(len(log_rows("SELECT * FROM log_record WHERE op = 'decision'")) == 4,
      'each decision is a record of the log (approve, reject, revert, and the approval\'s one)', '')
verified('decisions and a revert of one change')

# the membership rewritten behind Kasip's back
db = sqlite3.connect(WS)
db.execute('UPDATE change_set_member SET change_set = 7')
db.commit()
db.close()
r = kasip('admin', 'audit', 'verify', '-w', WS)
check(r.returncode == 1 and 'change sets: entry' in r.stdout and 'not 7' in r.stdout,
      'audit verify names an entry moved behind Kasip\'s back', r.stdout + r.stderr)

finish()
