#!/bin/bash
# The backup and restore of docs/shared-workspace.md, as the administrator does them: a workspace owned by
# kasip_owner with members, edited and with an edition; pg_dump -Fc by the owner; pg_restore into a new
# database; there kasip audit verify passes (the chain, the edition, every trigger and function as made),
# the values read back, the members' privileges and the roles' checks came along. Run through
# with-postgres.sh. TAP.
set -u
kasip=$1
n=0 fail=0
ok() { n=$((n+1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi; }
expect() { if grep -qF -- "$1" <<<"$2"; then ok 0 "$3"; else ok 1 "$3"; sed 's/^/#   /' <<<"$2"; fi; }
echo "1..12"

work=$(mktemp -d "${TMPDIR:-/tmp}/kasip-backup-XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
uri() { echo "postgresql:///$1?host=$PGHOST&user=$2"; }
as() { psql -X -q -A -t -F $'\t' -v ON_ERROR_STOP=1 "host=$PGHOST dbname=$1 user=$2" -c "$3" 2>&1; }

psql -X -q -v ON_ERROR_STOP=1 -d kasip_test >/dev/null <<'SQL' || { echo "Bail out! the roles could not be made"; exit 1; }
CREATE ROLE kasip_owner LOGIN;
CREATE ROLE kasip_member NOLOGIN;
CREATE ROLE dana LOGIN IN ROLE kasip_member;
CREATE ROLE ruslan LOGIN IN ROLE kasip_member;
SQL
createdb -O kasip_owner kasip_ws || { echo "Bail out! createdb failed"; exit 1; }
as kasip_ws kasip_owner "ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO kasip_member;
                         ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO kasip_member;" >/dev/null

# A workspace with people, an edition and an edit after it.
"$kasip" sample "$(uri kasip_ws kasip_owner)" >/dev/null 2>&1
"$kasip" people -w "$(uri kasip_ws kasip_owner)" --add kasip_owner --roles admin,publisher --name "Әкімші" >/dev/null 2>&1
"$kasip" people -w "$(uri kasip_ws kasip_owner)" --add dana --roles drafter --name "Дана" >/dev/null 2>&1
"$kasip" people -w "$(uri kasip_ws kasip_owner)" --add ruslan --roles reviewer --name "Руслан" >/dev/null 2>&1
"$kasip" edition -w "$(uri kasip_ws kasip_owner)" -s Q88100061 --act "приказ от 30.04.2024 № 125" --date 2024-04-30 >/dev/null 2>&1
card=$("$kasip" show -w "$(uri kasip_ws dana)" -s Q88100061 --ids 2>&1 | awk -F'\t' '/card: / {print $1; exit}')
out=$("$kasip" set -w "$(uri kasip_ws dana)" -s Q88100061 --element "$card" --field profession_name --lang kk \
  --value "Сақтық көшірме" 2>&1)
value_sql="SELECT v.text FROM value v JOIN node n ON n.nid = v.node JOIN tree t ON t.id = n.tree_id
           WHERE t.is_draft AND n.id = '$card' AND v.field = 'profession_name' AND v.lang = 'kk'"
expect "Сақтық көшірме" "$(as kasip_ws dana "$value_sql")" "the drafter's edit in the workspace ($out)"
before=$("$kasip" audit verify -w "$(uri kasip_ws ruslan)" 2>&1)
expect "1 editions as frozen, the protections in place" "$before" "audit verify before the backup"

# The backup: the owner dumps the database in the custom format.
out=$(pg_dump -Fc -h "$PGHOST" -U kasip_owner -d kasip_ws -f "$work/kasip_ws.dump" 2>&1); rc=$?
[ $rc = 0 ] && [ -s "$work/kasip_ws.dump" ]; ok $? "pg_dump -Fc by the owner ($(stat -c %s "$work/kasip_ws.dump" 2>/dev/null) bytes) $out"

# The restore: a new database of the same owner, pg_restore by the owner.
createdb -O kasip_owner kasip_restored
out=$(pg_restore --exit-on-error -h "$PGHOST" -U kasip_owner -d kasip_restored "$work/kasip_ws.dump" 2>&1); rc=$?
[ $rc = 0 ]; ok $? "pg_restore into a new database (exit $rc) $out"
after=$("$kasip" audit verify -w "$(uri kasip_restored ruslan)" 2>&1); rc=$?
[ $rc = 0 ]; ok $? "kasip audit verify passes on the restored database"
expect "$(sed 's/.*: the change log/the change log/' <<<"$before")" "$after" \
  "… finding what it found before: the chain, the edition, the protections ($(sed 's/.*: the change log/the change log/' <<<"$after"))"
expect "Сақтық көшірме" "$("$kasip" show -w "$(uri kasip_restored ruslan)" -s Q88100061 --lang kk 2>&1)" \
  "the value reads back with kasip show"
expect "Сақтық көшірме" "$(as kasip_restored ruslan "$value_sql")" "… and with psql"
expect $'dana\tdrafter
kasip_owner\tadmin,publisher
ruslan\treviewer' "$(as kasip_restored dana "SELECT account, roles FROM person ORDER BY account")" "the people and their roles came along"

# The members' privileges and the roles' checks came along: the drafter edits, the reviewer is refused.
out=$("$kasip" set -w "$(uri kasip_restored dana)" -s Q88100061 --element "$card" --field profession_name --lang kk \
  --value "Қалпына келтірілген" 2>&1)
expect "Қалпына келтірілген" "$(as kasip_restored ruslan "$value_sql")" "the drafter edits the restored workspace ($out)"
out=$(as kasip_restored ruslan "UPDATE value SET text = 'x' WHERE node IN (SELECT n.nid FROM node n
                                  JOIN tree t ON t.id = n.tree_id WHERE t.is_draft AND n.id = '$card')")
expect "ruslan may not change the draft: that needs the drafter role" "$out" "the reviewer's UPDATE value refused there too"
out=$("$kasip" audit verify -w "$(uri kasip_restored ruslan)" 2>&1)
expect "the protections in place" "$out" "audit verify after the edit on the restored database"
exit $fail
