#!/bin/bash
# kasip workspace copy: a file to a PostgreSQL server and back, everything kept. Run through with-postgres.sh
# (KASIP_TEST_PG_URI: an empty database; PGHOST, psql on PATH). TAP.
#
# A SQLite workspace with the samples, an edition, people and roles, edits by a drafter split into two change
# sets (one approved, one rejected with its reason), a comment thread (a reply, resolved) and a justification
# is copied to the server: the rows (log, log_record, tree, node, value, comment, change_set,
# change_set_member, person, justification, reference) counted by psql are sqlite3's of the file, and so are
# the IDs and hashes of the log, the trees and the comments; audit verify holds there; show, diff, review
# list, comments, people, justify and audit print the same on both sides. The server's copy takes a new edit
# (its IDs go on past the copied ones). Copied back to a new file, the same again. A copy into a workspace
# that is not empty is refused, naming it, and leaves it as it was; a source whose chain is broken is
# refused, and the file that would have been made is not left behind.
set -u
kasip=$1
pg=$KASIP_TEST_PG_URI
dir=$(mktemp -d "${TMPDIR:-/tmp}/kasip-copy-XXXXXX")
trap 'rm -rf "$dir"' EXIT
src=$dir/src.kasip back=$dir/back.kasip
n=0 fail=0
ok() { n=$((n+1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi; echo "# ${SECONDS}s"; }
say() { sed 's/^/# /' <<<"$1"; }
# on the server who you are is the database role: no --as there
k() { env -u KASIP_USER "$kasip" "$@"; }
as() { who=$1; shift; env -u KASIP_USER "$kasip" --as "$who" "$@"; }
sq() { sqlite3 -batch -noheader "$1" "$2"; }
ps() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$pg" -c "$1"; }
tables="log log_record tree node value comment change_set change_set_member person justification reference standard"
counts_sqlite() { for t in $tables; do printf '%s=%s ' "$t" "$(sq "$1" "SELECT count(*) FROM $t")"; done; }
counts_pg() { for t in $tables; do printf '%s=%s ' "$t" "$(ps "SELECT count(*) FROM $t")"; done; }
# what identifies the log, the trees and the comments, row by row
ids_sqlite() {
  sq "$1" "SELECT id, standard_id, tree_id, change_set, prev_hash, hash FROM log ORDER BY id"
  sq "$1" "SELECT id, standard_id, is_draft, frozen, coalesce(edition_number, ''), coalesce(edition_act, '') FROM tree ORDER BY id"
  sq "$1" "SELECT id, element_id, coalesce(reply_to, ''), coalesce(resolved_by, ''), text FROM comment ORDER BY id"
  sq "$1" "SELECT id, status, coalesce(title, ''), coalesce(reason, ''), coalesce(reviewer, '') FROM change_set ORDER BY id"
  sq "$1" "SELECT log_id, change_set FROM change_set_member ORDER BY log_id"
}
ids_pg() {
  ps "SELECT id, standard_id, tree_id, change_set, prev_hash, hash FROM log ORDER BY id"
  ps "SELECT id, standard_id, CASE WHEN is_draft THEN 1 ELSE 0 END, CASE WHEN frozen THEN 1 ELSE 0 END,
        coalesce(edition_number::text, ''), coalesce(edition_act, '') FROM tree ORDER BY id"
  ps "SELECT id, element_id, coalesce(reply_to::text, ''), coalesce(resolved_by, ''), text FROM comment ORDER BY id"
  ps "SELECT id, status, coalesce(title, ''), coalesce(reason, ''), coalesce(reviewer, '') FROM change_set ORDER BY id"
  ps "SELECT log_id, change_set FROM change_set_member ORDER BY log_id"
}
# what the command line prints of a workspace, for comparing two
views() {
  local w=$1
  k list -w "$w"
  k show -w "$w" -s Q88100061 --ids
  k show -w "$w" -s Q88100061 --lang kk
  k show -w "$w" -s Q88100061 --edition 1
  k diff -w "$w" Q88100061@1 Q88100061 --lang ru
  k diff -w "$w" Q88100061@1 Q88100061 --json
  k review list -w "$w" -s Q88100061
  k review comments -w "$w" -s Q88100061
  k people -w "$w"
  k justify -w "$w" -s Q88100061
  k audit -w "$w" -s Q88100061 --lang ru
}
echo "1..22"

# --- the source: a file with everything a workspace holds -------------------------------------------------
as admin sample "$src" >/dev/null 2>&1
as admin edition -w "$src" -s Q88100061 --act "приказ от 30.04.2024 № 125" --date 2024-04-30 >/dev/null 2>&1
as admin edition -w "$src" -s Q87300060 --date 2024-05-02 >/dev/null 2>&1
for p in admin:admin dana:drafter ruslan:reviewer pavel:publisher; do
  as admin people -w "$src" --add "${p%%:*}" --roles "${p#*:}" --name "${p%%:*}" >/dev/null 2>&1
done
cards=$(k show -w "$src" -s Q88100061 --ids | awk -F'\t' '/card: / {print $1}' | head -2)
card1=$(sed -n 1p <<<"$cards") card2=$(sed -n 2p <<<"$cards")
as dana set -w "$src" -s Q88100061 --element "$card1" --field profession_name --lang kk --value "Жеке көмекші «жаңа»" >/dev/null 2>&1
as dana set -w "$src" -s Q88100061 --element "$card2" --field ork_level --value "5" >/dev/null 2>&1
set1=$(k review list -w "$src" -s Q88100061 | awk -F'\t' '$2 == "open" {print $1; exit}')
as dana review split -w "$src" --change-set "$set1" --element "$card2" --title "ОРК деңгейі" >/dev/null 2>&1
set2=$(k review list -w "$src" -s Q88100061 | awk -F'\t' -v s="$set1" '$2 == "open" && $1 != s {print $1; exit}')
as dana review submit -w "$src" --change-set "$set1" --title "Атауы" >/dev/null 2>&1
as dana review submit -w "$src" --change-set "$set2" >/dev/null 2>&1
as ruslan review approve -w "$src" --change-set "$set1" >/dev/null 2>&1
as ruslan review reject -w "$src" --change-set "$set2" --reason "деңгей дәлелденбеген" >/dev/null 2>&1
as ruslan review comment -w "$src" -s Q88100061 --element "$card1" --field profession_name --lang kk \
  --text "Тырнақшалар керек пе?" >/dev/null 2>&1
thread=$(sq "$src" "SELECT min(id) FROM comment")
as dana review comment -w "$src" -s Q88100061 --element "$card1" --reply-to "$thread" --text "Иә, солай жарияланған" >/dev/null 2>&1
as ruslan review resolve -w "$src" -s Q88100061 --comment "$thread" >/dev/null 2>&1
key=$(k diff -w "$src" Q88100061@1 Q88100061 --json | grep -o '"key":"[^"]*"' | head -1 | cut -d'"' -f4)
as dana justify -w "$src" -s Q88100061 --change "$key" --lang ru --text "Уточнено по ОРК" >/dev/null 2>&1
before=$(counts_sqlite "$src")
say "source: $before"
[ "$(sq "$src" "SELECT count(*) FROM change_set_member")" -gt 0 ] && [ "$(sq "$src" "SELECT count(*) FROM comment")" = 2 ] &&
  [ "$(sq "$src" "SELECT count(*) FROM justification")" = 1 ] && [ "$(sq "$src" "SELECT count(*) FROM tree WHERE frozen = 1")" = 2 ] &&
  [ "$(sq "$src" "SELECT group_concat(status, ',') FROM (SELECT status FROM change_set ORDER BY id)")" = "approved,rejected" ]
ok $? "the source holds editions, a split, an approved and a rejected change set, a thread, a justification"

# --- to the server ----------------------------------------------------------------------------------------
out=$(k workspace copy "$src" "$pg" 2>&1); rc=$?
say "$out"
entries=$(sq "$src" "SELECT count(*) FROM log")
[ $rc = 0 ] && grep -qF "copied 9 standards, 2 editions, $entries log entries, 2 comments to $pg; audit chain verifies" <<<"$out"
ok $? "copied to the server, the counts said"
[ "$(counts_pg)" = "$before" ]; ok $? "psql counts every table's rows as sqlite3 does ($(counts_pg))"
diff <(ids_sqlite "$src") <(ids_pg) >"$dir/ids.diff"; ok $? "the log's IDs and hashes, trees, comments, change sets, membership are the file's"
[ -s "$dir/ids.diff" ] && say "$(head -20 "$dir/ids.diff")"
[ "$(ps "SELECT value FROM meta WHERE key = 'log_head'")" = "$(sq "$src" "SELECT value FROM meta WHERE key = 'log_head'")" ] &&
  [ "$(ps "SELECT value FROM meta WHERE key = 'log_count'")" = "$entries" ]
ok $? "the log's head is the file's"
diff <(sq "$src" "SELECT kind, source, imported_at, imported_by, length(content) FROM reference ORDER BY kind") \
     <(ps "SELECT kind, source, imported_at, imported_by, length(content) FROM reference ORDER BY kind") >/dev/null &&
  diff <(sq "$src" "SELECT account, display_name, roles, created_at FROM person ORDER BY account") \
       <(ps "SELECT account, display_name, roles, created_at FROM person ORDER BY account") >/dev/null &&
  diff <(sq "$src" "SELECT standard_id, change_key, lang, text, author, updated_at FROM justification") \
       <(ps "SELECT standard_id, change_key, lang, text, author, updated_at FROM justification") >/dev/null
ok $? "reference data, people and the justification as they were"
out=$(k audit verify -w "$pg" 2>&1); rc=$?
[ $rc = 0 ] && grep -q "the change log holds ($entries entries), 2 editions as frozen, the protections in place" <<<"$out"
ok $? "audit verify on the server ($out)"
views "$src" >"$dir/src.txt" 2>&1; views "$pg" >"$dir/pg.txt" 2>&1
diff "$dir/src.txt" "$dir/pg.txt" >"$dir/views.diff"; ok $? "list, show, diff, review, comments, people, justify, audit: the same text on both sides"
[ -s "$dir/views.diff" ] && say "$(head -20 "$dir/views.diff")"
! grep -q "^kasip" "$dir/src.txt" && [ "$(grep -c "" "$dir/pg.txt")" -gt 1000 ]
ok $? "every one of them printed its text, none an error ($(grep -c "" "$dir/pg.txt") lines)"
grep -q "Жеке көмекші «жаңа»" "$dir/pg.txt" && grep -q "деңгей дәлелденбеген" "$dir/pg.txt" && grep -q "Иә, солай жарияланған" "$dir/pg.txt" &&
  grep -q "Уточнено по ОРК" "$dir/pg.txt"
ok $? "the value, the rejection's reason, the reply and the justification read back from the server"

# the server's copy goes on: a new entry and tree after the copied IDs
max_log=$(ps "SELECT max(id) FROM log")
# who writes there: the database role (or, where the server does not say who you are, the OS account)
ps "INSERT INTO person (account, display_name, roles, created_at) SELECT DISTINCT a, 'Server', 'drafter,publisher',
      '2025-01-01T00:00:00Z' FROM unnest(ARRAY[current_user::text, '$(id -un)']) AS a"
k set -w "$pg" -s Q88100061 --element "$card1" --field profession_name --lang ru --value "Личный помощник (сервер)" >/dev/null 2>&1 &&
  k edition -w "$pg" -s Q87300060 --date 2025-01-01 >/dev/null 2>&1
rc=$?
[ $rc = 0 ] && [ "$(ps "SELECT min(id) FROM log WHERE id > $max_log")" = $((max_log + 1)) ] &&
  [ "$(ps "SELECT max(id) FROM change_set")" = $(( $(sq "$src" "SELECT max(id) FROM change_set") + 1 )) ] &&
  [ "$(ps "SELECT count(*) FROM tree")" = $(( $(sq "$src" "SELECT count(*) FROM tree") + 1 )) ]
ok $? "the server's workspace takes an edit and an edition, numbered past the copied ones"
out=$(k audit verify -w "$pg" 2>&1); ok $? "and verifies after them ($out)"

# --- refused: a workspace that is not empty ------------------------------------------------------------------
pg_before=$(counts_pg)
out=$(k workspace copy "$src" "$pg" 2>&1); rc=$?
[ $rc = 1 ] && grep -qF "kasip: $pg is not empty (it holds 9 standards, 3 editions" <<<"$out" && grep -q "nothing was changed" <<<"$out"
ok $? "a copy into the server's workspace, not empty now, is refused naming it ($out)"
[ "$(counts_pg)" = "$pg_before" ]; ok $? "and leaves it as it was"

# --- back to a new file ---------------------------------------------------------------------------------------
out=$(k workspace copy "$pg" "sqlite:$back" 2>&1); rc=$?
say "$out"
[ $rc = 0 ] && grep -qF "copied 9 standards, 3 editions, $((entries + 2)) log entries, 2 comments to sqlite:$back; audit chain verifies" <<<"$out"
ok $? "copied back to a new file"
[ "$(counts_sqlite "$back")" = "$(counts_pg)" ]; ok $? "sqlite3 counts the file's rows as psql does the server's"
diff <(ids_pg) <(ids_sqlite "$back") >/dev/null; ok $? "the IDs and hashes are the server's"
out=$(k audit verify -w "$back" 2>&1); ok $? "audit verify on the file copied back ($out)"
views "$pg" >"$dir/pg2.txt" 2>&1; views "$back" >"$dir/back.txt" 2>&1
diff "$dir/pg2.txt" "$dir/back.txt" >"$dir/views2.diff"; ok $? "the same text on the server and in the file copied back"
[ -s "$dir/views2.diff" ] && say "$(head -20 "$dir/views2.diff")"
grep -q "Личный помощник (сервер)" "$dir/back.txt"; ok $? "the server's edit came back"

back_before=$(counts_sqlite "$back")
out=$(k workspace copy "$src" "$back" 2>&1); rc=$?
[ $rc = 1 ] && grep -qF "kasip: $back is not empty" <<<"$out" && [ "$(counts_sqlite "$back")" = "$back_before" ]
ok $? "a copy into a file that is not empty is refused naming it, the file unchanged ($out)"

# --- refused: a source whose chain is broken (an entry rewritten behind Kasip's back) --------------------------
cp "$src" "$dir/broken.kasip"
sqlite3 "$dir/broken.kasip" "DROP TRIGGER log_no_update; UPDATE log SET author = 'mallory' WHERE id = 3;"
out=$(k workspace copy "$dir/broken.kasip" "$dir/never.kasip" 2>&1); rc=$?
[ $rc = 1 ] && grep -q "does not verify" <<<"$out" && [ ! -e "$dir/never.kasip" ]
ok $? "a source whose change log does not verify is refused, no file left behind ($out)"
exit $fail
