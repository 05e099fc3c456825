#!/bin/bash
# kasip on a shared PostgreSQL workspace, as on a file: sample, list, show, set (read back), edition, diff,
# audit, audit verify. Run through with-postgres.sh (KASIP_TEST_PG_URI: an empty database). The value is set
# by another login role, drafter-1 (who you are on a server is the database role: $KASIP_USER is not
# taken, see check-pg-roles.sh). TAP.
set -u
kasip=$1
ws=$KASIP_TEST_PG_URI
n=0 fail=0
ok() { n=$((n+1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi; }
echo "1..8"

"$kasip" sample "$ws" >/dev/null 2>&1
out=$("$kasip" list -w "$ws" 2>&1)
grep -q "^Q88100061	" <<<"$out"; ok $? "sample into the database, listed"
out=$("$kasip" show -w "$ws" -s Q88100061 --ids 2>&1)
card=$(awk -F'\t' '/card: / {print $1; exit}' <<<"$out")
[ -n "$card" ]; ok $? "a card's ID shown"
# a member: a login role with the privileges on the workspace's tables (docs/shared-workspace.md)
psql -X -q -v ON_ERROR_STOP=1 -d kasip_test -c 'CREATE ROLE "drafter-1" LOGIN' \
  -c 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "drafter-1"' \
  -c 'GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "drafter-1"' >/dev/null
"$kasip" set -w "$ws&user=drafter-1" -s Q88100061 --element "$card" --field profession_name --lang kk \
  --value "Жеке көмекші 'пысықталған'" >/dev/null 2>&1
ok $? "set a Kazakh value"
"$kasip" show -w "$ws" -s Q88100061 --lang kk 2>&1 | grep -q "Жеке көмекші 'пысықталған'"; ok $? "the value read back"
"$kasip" edition -w "$ws" -s Q88100061 --act "приказ от 30.04.2024 № 125" --date 2024-04-30 >/dev/null 2>&1
ok $? "an edition frozen"
"$kasip" diff -w "$ws" Q88100061@1 Q88100061 >/dev/null 2>&1; [ $? = 0 ]; ok $? "the draft is the edition"
"$kasip" audit -w "$ws" -s Q88100061 2>&1 | grep -q "drafter-1"; ok $? "the audit names who set it"
out=$("$kasip" audit verify -w "$ws" 2>&1); rc=$?
[ $rc = 0 ] && grep -q "the protections in place" <<<"$out"; ok $? "audit verify: the chain, the edition, the triggers ($out)"
exit $fail
