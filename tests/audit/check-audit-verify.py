#!/usr/bin/python3
"""check-audit-verify.py KASIP: `kasip audit verify` finds what was changed in a workspace behind Kasip's back.

A workspace with the sample, a few edits and an edition verifies (exit 0). Then, each on a fresh copy, with
Python's sqlite3 (a second tool, as someone with the file and the sqlite3 shell would): one log entry edited,
one deleted, one inserted, the last one cut off, a trigger dropped and a frozen value rewritten, the same
with the trigger made again afterwards. Each time `kasip audit verify` exits 1 and names the entry, the
trigger or the edition; a workspace with a trigger missing opens read-only (`kasip set` is refused, the
reason named) and is not written to.
"""
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'common'))
from kasip_check import check, finish  # noqa: E402

KASIP = sys.argv[1]
TMP = tempfile.mkdtemp(prefix='kasip-audit-')


def kasip(*args, user='drafter-1'):
    return subprocess.run([KASIP, *args], capture_output=True, text=True, env=dict(os.environ, KASIP_USER=user))


def verify(ws):
    return kasip('audit', 'verify', '-w', ws)


# A clean workspace: the sample, edits (one undone through a revert), an edition --------------------------

CLEAN = os.path.join(TMP, 'clean.kasip')
r = kasip('sample', CLEAN)
check(r.returncode == 0, 'the sample workspace', r.stderr)
ids = kasip('show', '-w', CLEAN, '-s', 'Q88100061', '--ids').stdout
card = next(l.split('\t')[0] for l in ids.split('\n') if 'card:' in l)
kasip('set', '-w', CLEAN, '-s', 'Q88100061', '--element', card, '--field', 'ork_level', '--value', '3')
kasip('edition', '-w', CLEAN, '-s', 'Q88100061', '--date', '2026-03-31', '--note', 'test')
kasip('set', '-w', CLEAN, '-s', 'Q88100061', '--element', card, '--field', 'ork_level', '--value', '4', user='drafter-2')
r = verify(CLEAN)
m = re.search(r'holds \((\d+) entries\), (\d+) editions', r.stdout)
check(r.returncode == 0 and m and int(m.group(2)) == 1, 'a clean workspace verifies (exit 0)', r.stdout + r.stderr)
n_entries = int(m.group(1)) if m else 0

db = sqlite3.connect(CLEAN)
rows = db.execute('SELECT id, author, action, command FROM log ORDER BY id').fetchall()
records = db.execute("SELECT op, field, old_value, new_value FROM log_record r JOIN log l ON l.id = r.log_id "
                     "WHERE l.author = 'drafter-2'").fetchall()
check(len(rows) == n_entries and rows[-1][1:] == ('drafter-2', 'do', 'set-value'),
      'the log read by sqlite3: the last entry is drafter-2\'s edit', rows[-3:])
check(records == [('set', 'ork_level', '3', '4')], 'its record: ork_level 3 → 4, as data', records)
last_id = rows[-1][0]
middle = rows[len(rows) // 2][0]
triggers = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())
db.close()
for name in ('log_no_update', 'log_no_delete', 'node_frozen_update', 'value_frozen_update'):
    check(name in triggers, f'trigger {name} in the workspace')

# The triggers refuse a plain change ------------------------------------------------------------------

db = sqlite3.connect(CLEAN)
for sql, what in ((f"UPDATE log SET author = 'mallory' WHERE id = {middle}", 'updating an entry'),
                  (f'DELETE FROM log WHERE id = {middle}', 'deleting an entry'),
                  ("UPDATE value SET text = 'x' WHERE node IN (SELECT n.nid FROM node n JOIN tree t ON t.id = n.tree_id "
                   "WHERE t.frozen = 1) ", 'rewriting an edition')):
    try:
        db.execute(sql)
        db.commit()
        check(False, f'the triggers refuse {what}')
    except sqlite3.DatabaseError as e:
        check('cannot be changed' in str(e) or 'immutable' in str(e), f'the triggers refuse {what}', str(e))
db.close()


def tampered(name, statements):
    path = os.path.join(TMP, name + '.kasip')
    shutil.copy(CLEAN, path)
    db = sqlite3.connect(path)
    for sql in statements:
        db.execute(sql)
    db.commit()
    db.close()
    return path


def without(trigger, *statements, remake=True):
    """Drops a trigger, runs the statements, and makes the trigger again as it was (when remake)."""
    return [f'DROP TRIGGER {trigger}', *statements] + ([triggers[trigger]] if remake else [])


# Edited, deleted, inserted, cut off -------------------------------------------------------------------

ws = tampered('edited', without('log_no_update', f"UPDATE log SET author = 'mallory' WHERE id = {middle}"))
r = verify(ws)
check(r.returncode == 1 and f'entry {middle}: its content does not give its hash' in r.stdout,
      'one entry edited: exit 1, the entry named', r.stdout + r.stderr)

ws = tampered('record-edited', without('log_record_no_update',
                                       f"UPDATE log_record SET new_value = '5' WHERE log_id = {last_id}"))
r = verify(ws)
check(r.returncode == 1 and f'entry {last_id}: its content does not give its hash' in r.stdout,
      'one change record edited (the value): exit 1, its entry named', r.stdout + r.stderr)

ws = tampered('deleted', without('log_no_delete', f'DELETE FROM log WHERE id = {middle}'))
r = verify(ws)
nxt = next(row[0] for row in rows if row[0] > middle)
check(r.returncode == 1 and f'entry {nxt}: its previous hash is not the hash of the entry before it' in r.stdout,
      'one entry deleted: exit 1, the entry after the gap named', r.stdout + r.stderr)

ws = tampered('inserted', [f"INSERT INTO log (id, standard_id, tree_id, at, author, action, command, prev_hash, hash) "
                           f"SELECT {last_id + 1}, standard_id, tree_id, at, 'mallory', 'do', 'set-value', hash, "
                           f"'{'ab' * 32}' FROM log WHERE id = {last_id}"])
r = verify(ws)
check(r.returncode == 1 and f'entry {last_id + 1}: its content does not give its hash' in r.stdout,
      'one entry inserted: exit 1, the entry named', r.stdout + r.stderr)

ws = tampered('cut', without('log_no_delete', f'DELETE FROM log WHERE id = {last_id}'))
r = verify(ws)
check(r.returncode == 1 and 'entries were deleted at the end' in r.stdout,
      'the last entry deleted: exit 1, the end named', r.stdout + r.stderr)

# A trigger dropped and a frozen value rewritten -------------------------------------------------------

rewrite = ("UPDATE value SET text = 'переписано' WHERE rowid = (SELECT v.rowid FROM value v JOIN node n ON "
           "n.nid = v.node JOIN tree t ON t.id = n.tree_id WHERE t.frozen = 1 AND v.field = 'ork_level' LIMIT 1)")
ws = tampered('trigger-dropped', without('value_frozen_update', rewrite, remake=False))
r = verify(ws)
check(r.returncode == 1 and 'trigger value_frozen_update is missing' in r.stdout and
      re.search(r'edition: edition 1 of [^ ]+ \(entry \d+\): its content is not what was frozen', r.stdout),
      'a trigger dropped, an edition rewritten: both named', r.stdout + r.stderr)
r = kasip('set', '-w', ws, '-s', 'Q88100061', '--element', card, '--field', 'ork_level', '--value', '5')
check(r.returncode != 0 and 'protection was tampered with' in r.stderr and 'value_frozen_update' in r.stderr,
      'a workspace without its trigger is not written to: kasip set refused, the reason named', r.stderr)
r = kasip('show', '-w', ws, '-s', 'Q88100061')
check(r.returncode == 0 and 'Уровень квалификации по ОРК: 4' in r.stdout, 'the draft is still readable, as it was',
      r.stdout[-300:] + r.stderr)

ws = tampered('trigger-remade', without('value_frozen_update', rewrite))
r = verify(ws)
check(r.returncode == 1 and 'trigger' not in r.stdout and 'its content is not what was frozen' in r.stdout,
      'the trigger made again after the rewrite: the edition still named', r.stdout + r.stderr)

ws = tampered('trigger-altered', ['DROP TRIGGER node_frozen_delete',
                                  'CREATE TRIGGER node_frozen_delete BEFORE DELETE ON node BEGIN SELECT 1; END'])
r = verify(ws)
check(r.returncode == 1 and 'trigger node_frozen_delete is not as Kasip made it' in r.stdout,
      'a trigger replaced by one that lets everything through: named', r.stdout + r.stderr)

r = verify(CLEAN)
check(r.returncode == 0, 'the clean workspace still verifies', r.stdout + r.stderr)
r = kasip('audit', 'verify')
check(r.returncode == 2 and '--workspace' in r.stderr, 'audit verify without --workspace: exit 2', r.stderr)

shutil.rmtree(TMP)
finish()
